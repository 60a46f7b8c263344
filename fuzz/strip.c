/*
 * fuzz/strip.c: strip-boilerplate's per-page processing, with the bundled
 * rules, on any bytes: the engines of libkhobor.a (page.c, detect.c,
 * strip.c, split.c) glued as the filter glues them.  The first byte
 * chooses the way in:
 *
 *   bit 0-1  0: one page, 1: --split on the rest as a dump of glued pages,
 *            2: --records on the rest as a record stream (its site header
 *            honoured, its url header's host looked up first)
 *   bit 2    force the site kalbela (-s kalbela)
 *   bit 3    --explain (its messages go nowhere)
 *
 * Every record that comes out writes and reads back without an error
 * header, has one site and one source header, and a body of valid UTF-8
 * with no control character but '\n', ending in '\n' unless empty, with no
 * blank line at either end; an empty body carries the warning that says
 * so, or an error.  --split gives at least one record for a dump with
 * anything but byte order marks in it, --records one record per record in.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "detect.h"
#include "page.h"
#include "record.h"
#include "rules.h"
#include "rx.h"
#include "split.h"
#include "strip.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct rules *rules;
static struct detector *det;
static struct splitter *splitter;
static struct page pg;
static FILE *devnull;

static void
free_set(void *p)
{
	strip_free(p);
}

static void
cleanup(void)
{
	detect_free(det);
	rules_free(rules, free_set);
	split_free(splitter);
	page_free(&pg);
	fclose(devnull);
	rx_cleanup();
}

/* Site S's strip rules, compiled on first use, with the checks the filter makes. */
static struct stripset *
site_set(struct site *s)
{
	if (s->priv == NULL) {
		CHECK(rules_load(rules, s) == 0 && detect_check(det, s) == 0 &&
		    (s == &rules->deflt || split_check(s) == 0), "the bundled rules of %s do not load", s->name);
		CHECK((s->priv = strip_compile(s)) != NULL, "the bundled strip rules of %s do not compile", s->name);
	}
	return s->priv;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t i;
	int broken = 0;

	(void)argc;
	(void)argv;
	CHECK((devnull = fopen("/dev/null", "w")) != NULL, "cannot open /dev/null");
	rules = rules_open(KHOBOR_TOP "/rules");
	det = detect_new(rules);
	for (i = 0; i < rules->nsites; i++)
		(void)site_set(&rules->sites[i]);
	(void)site_set(&rules->deflt);
	splitter = split_new(rules, &broken);
	CHECK(!broken, "the bundled start patterns do not compile");
	atexit(cleanup);
	return 0;
}

static void
check_record(const struct record *rec)
{
	const char *b = rec->body.s ? rec->body.s : "";
	size_t n = rec->body.len, i;
	int empty_warned = 0;

	CHECK(record_count(rec, "site") == 1, "%zu site headers", record_count(rec, "site"));
	CHECK(record_count(rec, "source") == 1, "%zu source headers", record_count(rec, "source"));
	CHECK(check_utf8(b, n), "body is not valid UTF-8");
	for (i = 0; i < n; i++)
		CHECK((unsigned char)b[i] >= 0x20 || b[i] == '\n', "control byte 0x%02x in the body",
		    (unsigned char)b[i]);
	if (n > 0) {
		CHECK(b[n - 1] == '\n', "body does not end in a newline");
		CHECK(b[0] != '\n', "body starts with a blank line");
		CHECK(n < 2 || b[n - 2] != '\n', "body ends with a blank line");
	}
	for (i = 0; i < rec->nf; i++)
		if (strcmp(rec->f[i].name, "warning") == 0 && strstr(rec->f[i].value, "no article text left"))
			empty_warned = 1;
	CHECK(n > 0 || empty_warned || record_get(rec, "error"), "empty body without a warning");
	check_roundtrip(rec, "strip-boilerplate");
}

/* What strip-boilerplate does with one page: REC's body is the page as read. */
static void
strip_one(struct record *rec, const char *site, const char *host, int explain)
{
	struct buf raw = rec->body;
	struct site *s = site ? rules_find(rules, site) : NULL;
	int broken = 0;

	rec->body = (struct buf){0};
	if (page_load(&pg, rec, record_get(rec, "source"), raw.s ? raw.s : "", raw.len) == 0) {
		if (s == NULL)
			s = detect_site(det, &pg, host, &broken);
		CHECK(!broken, "a bundled site was found broken");
		record_set(rec, "site", s->name);
		strip_apply(site_set(s), &pg, explain ? devnull : NULL);
		page_finish(&pg, rec);
	}
	buf_free(&raw);
	check_record(rec);
}

static void
one_page(const uint8_t *data, size_t size, const char *site, int explain)
{
	struct record rec = {0};

	record_add(&rec, "source", "fuzz");
	buf_add(&rec.body, (const char *)data, size);
	strip_one(&rec, site, NULL, explain);
	record_free(&rec);
}

static void
split_pages(const uint8_t *data, size_t size, const char *site, int explain)
{
	FILE *fp = fmemopen((void *)data, size, "rb");
	struct splitread *sr;
	struct record rec = {0};
	const char *page;
	size_t n, i;
	unsigned long pages = 0;
	int content = 0;

	CHECK(fp != NULL, "fmemopen failed");
	sr = split_open(splitter, fp, "fuzz");
	while (split_next(sr, &page, &n) > 0) {
		record_clear(&rec);
		record_add(&rec, "source", "fuzz#N");
		buf_add(&rec.body, page, n);
		strip_one(&rec, site, NULL, explain);
		pages++;
	}
	CHECK(split_close(sr) == 0, "reading from memory failed");
	fclose(fp);
	record_free(&rec);
	/* Byte order marks are all that a cut can drop without a page. */
	for (i = 0; i < size && !content; i += 3)
		content = size - i < 3 || memcmp(data + i, "\xEF\xBB\xBF", 3) != 0;
	CHECK(pages >= 1 || !content, "--split made no record of a dump with something in it");
}

static void
records(const uint8_t *data, size_t size, const char *site, int explain)
{
	FILE *fp = fmemopen((void *)data, size, "rb");
	struct reader rd;
	struct record rec = {0};
	struct buf hint = {0}, host = {0};
	int rc;

	CHECK(fp != NULL, "fmemopen failed");
	reader_init(&rd, fp, "fuzz");
	while ((rc = record_read(&rd, &rec)) > 0) {
		const char *v = record_get(&rec, "site"), *u = record_get(&rec, "url");
		const char *use = site;

		buf_reset(&hint);
		if (use == NULL && v != NULL) {
			buf_adds(&hint, v);
			use = rules_find(rules, hint.s) ? hint.s : NULL;
		}
		if (u == NULL || detect_url_host(u, &host) < 0)
			buf_reset(&host);
		if (record_get(&rec, "source") == NULL)
			record_add(&rec, "source", "fuzz#N");
		strip_one(&rec, use, host.len ? host.s : NULL, explain);
	}
	record_free(&rec);
	reader_free(&rd);
	buf_free(&hint);
	buf_free(&host);
	fclose(fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *site;
	int explain, how;

	if (size < 1)
		return 0;
	site = data[0] & 4 ? "kalbela" : NULL;
	explain = (data[0] >> 3) & 1;
	how = data[0] & 3;
	data++;
	size--;
	if (how == 0)
		one_page(data, size, site, explain);
	else if (how == 1)
		split_pages(data, size, site, explain);
	else
		records(data, size, site, explain);
	return 0;
}
