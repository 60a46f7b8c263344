/*
 * fuzz/headev.c: the head as evidence (filters/lib/headev.c) with the
 * bundled rules, driven as extract-meta drives it: records with the
 * headers from-html writes (meta_title, html_title, meta_author,
 * meta_published, meta_updated, url) and the fields the readers found
 * (title, author, published, updated), checked against each other.
 *
 * The input is a record stream; the first byte turns --explain on (bit 0)
 * and chooses the site whose rules (date languages, zone, name) the step
 * compiles (the rest: the default, or a bundled site by number).  All the
 * records of an input go through one work area, as a run's do, so that
 * the titles and outlet names it remembers meet again.
 *
 * After headev_apply the page still wins: every header the record had is
 * still there, in order and unchanged, and the body is untouched; the step
 * only adds warnings, and fields the record lacked (title, author,
 * published, updated), each with one FIELD_source: meta.  The record reads
 * back unchanged and clean.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "calendar.h"
#include "headev.h"
#include "record.h"
#include "rules.h"
#include "rx.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct rules *rules;
static struct headev **he;	/* [0] the default's, [1 + i] site i's */
static struct headevwork *work;
static FILE *devnull;

static void
cleanup(void)
{
	size_t i;

	for (i = 0; rules && i <= rules->nsites; i++)
		headev_free(he[i]);
	free(he);
	headev_work_free(work);
	rules_free(rules, NULL);
	datezone_free_all();
	rx_cleanup();
	if (devnull)
		fclose(devnull);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t i;

	(void)argc;
	(void)argv;
	if ((devnull = fopen("/dev/null", "w")) == NULL)
		check_fail("cannot open /dev/null");
	rules = rules_open(KHOBOR_TOP "/rules");
	he = ecalloc(rules->nsites + 1, sizeof(*he));
	he[0] = headev_compile(&rules->deflt, rules->dir);
	CHECK(he[0] != NULL, "the default's head evidence does not compile");
	for (i = 0; i < rules->nsites; i++) {
		CHECK(rules_load(rules, &rules->sites[i]) == 0, "%s: the bundled rules do not load",
		    rules->sites[i].file);
		he[1 + i] = headev_compile(&rules->sites[i], rules->dir);
		CHECK(he[1 + i] != NULL, "%s: the head evidence does not compile", rules->sites[i].file);
	}
	work = headev_work_new();
	atexit(cleanup);
	return 0;
}

/* The fields the step may take from the head. */
static const char *const taken[] = { "title", "author", "published", "updated" };
#define NTAKEN (sizeof(taken) / sizeof(taken[0]))

static int
count(const struct record *rec, const char *name)
{
	size_t i;
	int n = 0;

	for (i = 0; i < rec->nf; i++)
		n += strcmp(rec->f[i].name, name) == 0;
	return n;
}

/* Is NAME a field the step took (bit k of TOOK), or its FIELD_source? */
static int
of_taken(const char *name, unsigned took)
{
	size_t k, n;

	for (k = 0; k < NTAKEN; k++) {
		n = strlen(taken[k]);
		if ((took >> k & 1) && strncmp(name, taken[k], n) == 0 &&
		    (name[n] == '\0' || strcmp(name + n, "_source") == 0))
			return 1;
	}
	return 0;
}

static void
one(const struct headev *h, struct record *rec, int explain)
{
	struct record old = {0};
	unsigned took = 0;
	size_t i, j, k;

	for (i = 0; i < rec->nf; i++)
		record_add(&old, rec->f[i].name, rec->f[i].value);
	buf_add(&old.body, rec->body.s ? rec->body.s : "", rec->body.len);
	if (headev_wanted(rec))
		headev_apply(h, work, rec, explain ? devnull : NULL);
	/* What was taken from the head: a field the page did not show, said to be the head's. */
	for (k = 0; k < NTAKEN; k++) {
		char sname[32];

		if (record_get(&old, taken[k]) != NULL || record_get(rec, taken[k]) == NULL)
			continue;
		took |= 1u << k;
		snprintf(sname, sizeof(sname), "%s_source", taken[k]);
		CHECK(count(rec, sname) == 1 && strcmp(record_get(rec, sname), "meta") == 0,
		    "%s taken from the head without one '%s: meta'", taken[k], sname);
	}
	/* Every other header stays, unchanged and in order; after them come only warnings. */
	for (i = j = 0; i < old.nf; i++) {
		if (of_taken(old.f[i].name, took))
			continue;
		while (j < rec->nf && of_taken(rec->f[j].name, took))
			j++;
		CHECK(j < rec->nf, "headev removed the header '%s: %s'", old.f[i].name, old.f[i].value);
		CHECK(strcmp(rec->f[j].name, old.f[i].name) == 0 && strcmp(rec->f[j].value, old.f[i].value) == 0,
		    "headev changed '%s: %s' to '%s: %s'", old.f[i].name, old.f[i].value, rec->f[j].name,
		    rec->f[j].value);
		j++;
	}
	for (; j < rec->nf; j++)
		CHECK(of_taken(rec->f[j].name, took) || strcmp(rec->f[j].name, "warning") == 0,
		    "headev added a header '%s: %s'", rec->f[j].name, rec->f[j].value);
	CHECK(rec->body.len == old.body.len &&
	    (old.body.len == 0 || memcmp(rec->body.s, old.body.s, old.body.len) == 0), "headev changed the body");
	check_roundtrip(rec, "extract-meta");
	record_free(&old);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reader rd;
	struct record rec = {0};
	const struct headev *h;
	size_t k;
	FILE *fp;

	if (size < 2)
		return 0;
	k = (size_t)(data[0] >> 1) % (rules->nsites + 1);
	h = he[k];
	if ((fp = fmemopen((void *)(data + 1), size - 1, "rb")) == NULL)
		check_fail("fmemopen failed");
	reader_init(&rd, fp, "fuzz");
	while (record_read(&rd, &rec) > 0)
		one(h, &rec, data[0] & 1);
	record_free(&rec);
	reader_free(&rd);
	fclose(fp);
	return 0;
}
