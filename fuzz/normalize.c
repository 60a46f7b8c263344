/*
 * fuzz/normalize.c: normalize-date's per-record processing, --mentions on,
 * with the bundled rules and languages: the library's engine
 * (filters/lib/datefields.c) driven as the filter drives it.
 *
 * The input is a record stream.  Every record comes out as a record that
 * reads back unchanged and clean; every date header it rewrote has its
 * printed text right after it in NAME_raw; a second pass changes nothing
 * (it may only warn again).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "check.h"
#include "datefields.h"
#include "record.h"
#include "rules.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct rules *rules;
static struct datefields *dates;
static struct datework *work;
/* The headers of the record before normalize ran. */
static struct record before;

static void
free_site(void *p)
{
	datefields_site_free(p);
}

static void
cleanup(void)
{
	record_free(&before);
	rules_free(rules, free_site);
	datefields_work_free(work);
	datefields_free(dates);
	datezone_free_all();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (freopen("/dev/null", "w", stdout) == NULL)
		check_fail("cannot open /dev/null");
	rules = rules_open(KHOBOR_TOP "/rules");
	dates = datefields_open(rules, NULL, NULL);
	CHECK(dates != NULL, "the bundled date languages do not load (is tzdata installed?)");
	work = datefields_work_new();
	atexit(cleanup);
	return 0;
}

/* What normalize-date does with a record: its site's settings, compiled once, applied. */
static void
normalize(struct record *rec, int mentions)
{
	const char *name = record_get(rec, "site");
	struct site *s;
	struct datesite *sd;

	if ((s = rules_find(rules, name && *name ? name : "default")) == NULL) {
		sd = datefields_fallback(dates);
	} else {
		if (s->priv == NULL)
			s->priv = datefields_site(dates, rules, s);
		sd = s->priv;
	}
	datefields_apply(sd, work, rec, mentions);
}

static void
one(struct record *rec)
{
	size_t i;

	record_clear(&before);
	for (i = 0; i < rec->nf; i++)
		record_add(&before, rec->f[i].name, rec->f[i].value);
	normalize(rec, 1);
	check_roundtrip(rec, "normalize-date");
	for (i = 0; i < rec->nf; i++) {
		const char *n = rec->f[i].name;
		size_t len = strlen(n);

		/* A NAME_raw this pass added sits right after a NAME. */
		if (len > 4 && strcmp(n + len - 4, "_raw") == 0 && record_count(rec, n) > record_count(&before, n))
			CHECK(i > 0 && strlen(rec->f[i - 1].name) == len - 4 &&
			    strncmp(rec->f[i - 1].name, n, len - 4) == 0, "%s not right after its header", n);
	}
	/*
	 * A second pass changes nothing: the headers stay as they are, in
	 * order, and the body too; it may only warn again, at the end, about
	 * what it could not read the first time.
	 */
	record_clear(&before);
	for (i = 0; i < rec->nf; i++)
		record_add(&before, rec->f[i].name, rec->f[i].value);
	record_set_body(&before, rec->body.s ? rec->body.s : "", rec->body.len);
	normalize(rec, 0);
	CHECK(rec->nf >= before.nf, "a second pass removed headers");
	for (i = 0; i < rec->nf; i++)
		if (i < before.nf)
			CHECK(strcmp(rec->f[i].name, before.f[i].name) == 0 && strcmp(rec->f[i].value, before.f[i].value) == 0,
			    "a second pass changed header %zu (%s)", i, before.f[i].name);
		else
			CHECK(strcmp(rec->f[i].name, "warning") == 0, "a second pass added %s", rec->f[i].name);
	CHECK(rec->body.len == before.body.len &&
	    (before.body.len == 0 || memcmp(rec->body.s, before.body.s, before.body.len) == 0),
	    "a second pass changed the body");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reader rd;
	struct record rec = {0};
	FILE *fp;

	if (size < 1)
		return 0;
	if ((fp = fmemopen((void *)data, size, "rb")) == NULL)
		check_fail("fmemopen failed");
	reader_init(&rd, fp, "fuzz");
	while (record_read(&rd, &rec) > 0)
		one(&rec);
	record_free(&rec);
	reader_free(&rd);
	fclose(fp);
	return 0;
}
