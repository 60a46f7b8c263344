/*
 * fuzz/sitedates.c: a site's date settings (its lang, zone and dates
 * keys; khobor-rules(5), DATES), compiled and applied by the library's
 * engine (filters/lib/datefields.c) as normalize-date does.
 *
 * The input is written as DIR/sites/x.yaml of a fresh rules directory
 * whose dates/ holds the bundled languages.  The site is compiled: never
 * NULL, and a site with errors gets the fallback with a warning.  Then
 * records with date headers, some under names a dates: list may give,
 * go through it: each comes out as one record that reads back unchanged,
 * carries the site's warning if it has one, has every NAME_raw the pass
 * added right after its NAME, and a second pass changes nothing.
 */
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "calendar.h"
#include "check.h"
#include "datefields.h"
#include "record.h"
#include "rules.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

static char dir[64] = "/tmp/khobor-fuzz-sitedates.XXXXXX";
static char *site_file;
static struct datefields *dates;
static struct datework *work;
static unsigned long runs;

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
cleanup(void)
{
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	free(site_file);
	datefields_work_free(work);
	datefields_free(dates);
	datezone_free_all();
}

static void
copy(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char b[4096];
	size_t n;

	CHECK(in != NULL && out != NULL, "cannot copy %s to %s", from, to);
	while ((n = fread(b, 1, sizeof(b), in)) > 0)
		CHECK(fwrite(b, 1, n, out) == n, "cannot write %s", to);
	fclose(in);
	CHECK(fclose(out) == 0, "cannot write %s", to);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *sub, *to;

	(void)argc;
	(void)argv;
	if (freopen("/dev/null", "w", stdout) == NULL)
		check_fail("cannot open /dev/null");
	CHECK(mkdtemp(dir) != NULL, "mkdtemp failed");
	sub = rules_path(dir, "sites");
	CHECK(mkdir(sub, 0700) == 0, "mkdir failed");
	site_file = rules_path(sub, "x.yaml");
	free(sub);
	sub = rules_path(dir, "dates");
	CHECK(mkdir(sub, 0700) == 0, "mkdir failed");
	to = rules_path(sub, "bn.yaml");
	copy(KHOBOR_TOP "/rules/dates/bn.yaml", to);
	free(to);
	to = rules_path(sub, "en.yaml");
	copy(KHOBOR_TOP "/rules/dates/en.yaml", to);
	free(to);
	free(sub);
	work = datefields_work_new();
	atexit(cleanup);
	return 0;
}

static void
put(const char *path, const uint8_t *data, size_t size)
{
	FILE *fp = fopen(path, "wb");

	CHECK(fp != NULL, "cannot write %s", path);
	CHECK(fwrite(data, 1, size, fp) == size && fclose(fp) == 0, "cannot write %s", path);
}

/*
 * A second pass changes nothing: the headers stay as they are, in order,
 * and the body too; it may only warn again, at the end, about what it
 * could not read the first time.
 */
static void
second_pass_of(struct record *rec, const struct datesite *sd)
{
	struct record first = {0};
	size_t i;

	for (i = 0; i < rec->nf; i++)
		record_add(&first, rec->f[i].name, rec->f[i].value);
	record_set_body(&first, rec->body.s ? rec->body.s : "", rec->body.len);
	datefields_apply(sd, work, rec, 0);
	CHECK(rec->nf >= first.nf, "a second pass removed headers");
	for (i = 0; i < rec->nf; i++)
		if (i < first.nf)
			CHECK(strcmp(rec->f[i].name, first.f[i].name) == 0 && strcmp(rec->f[i].value, first.f[i].value) == 0,
			    "a second pass changed header %zu (%s)", i, first.f[i].name);
		else
			CHECK(strcmp(rec->f[i].name, "warning") == 0, "a second pass added %s", rec->f[i].name);
	CHECK(rec->body.len == first.body.len &&
	    (first.body.len == 0 || memcmp(rec->body.s, first.body.s, first.body.len) == 0),
	    "a second pass changed the body");
	record_free(&first);
}

/* Headers a dates: list may name, and the standard ones, with dates and not. */
static const char *const headers[][2] = {
	{ "published", "২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম" },
	{ "event_date", "৭ অগ্রহায়ণ ১৪৩২ বঙ্গাব্দ" },
	{ "when", "16 Sep 2023, 16:50" },
	{ "updated", "২০ নভেম্বর ২০২৫, ২০ পৌষ ১৪৩২" },
	{ "x", "৩১ ফেব্রুয়ারি ২০২৪" },
	{ "page_date", "বুধবার, ০৫ নভেম্বর, ২০২৫" },
	{ "a", "2023-07-25T16:53:00Z" },
	{ "when", "গতকাল" },
};

static const char body[] = "গতকাল সোমবার (২৪ জুলাই) তিনি আসেন।\n";

static void
apply(const struct datesite *sd)
{
	struct record rec = {0}, before = {0};
	size_t i;

	record_add(&rec, "source", "fuzz");
	record_add(&rec, "site", "x");
	for (i = 0; i < sizeof(headers) / sizeof(headers[0]); i++)
		record_add(&rec, headers[i][0], headers[i][1]);
	record_set_body(&rec, body, strlen(body));
	for (i = 0; i < rec.nf; i++)
		record_add(&before, rec.f[i].name, rec.f[i].value);
	datefields_apply(sd, work, &rec, 1);
	check_roundtrip(&rec, "normalize-date");
	CHECK(!datefields_broken(sd) || record_count(&rec, "warning") > 0, "a broken site without its warning");
	for (i = 0; i < rec.nf; i++) {
		const char *n = rec.f[i].name;
		size_t len = strlen(n);

		if (len > 4 && strcmp(n + len - 4, "_raw") == 0 && record_count(&rec, n) > record_count(&before, n))
			CHECK(i > 0 && strlen(rec.f[i - 1].name) == len - 4 &&
			    strncmp(rec.f[i - 1].name, n, len - 4) == 0, "%s not right after its header", n);
	}
	second_pass_of(&rec, sd);
	record_free(&rec);
	record_free(&before);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules *rules;
	struct site *s;
	struct datesite *sd;

	/*
	 * Each distinct language list a site names makes a merged set that
	 * the registry keeps; a fresh registry now and then bounds them.
	 */
	if (dates == NULL || ++runs % 64 == 0) {
		struct rules *r0 = rules_open(dir);

		datefields_free(dates);
		dates = datefields_open(r0, NULL, NULL);
		CHECK(dates != NULL, "the bundled date languages do not load (is tzdata installed?)");
		rules_free(r0, NULL);
	}
	put(site_file, data, size);
	rules = rules_open(dir);
	CHECK(rules->nsites == 1, "the site file was not found");
	s = rules_find(rules, "x");
	CHECK(s != NULL, "site x not found");
	sd = datefields_site(dates, rules, s);
	CHECK(sd != NULL, "datefields_site gave NULL");
	CHECK(datefields_how(sd) != NULL && strstr(datefields_how(sd), " in ") != NULL, "no description");
	apply(sd);
	datefields_site_free(sd);
	/* The default rules have no file here: the fallback, never freed, never broken. */
	sd = datefields_site(dates, rules, &rules->deflt);
	CHECK(sd == datefields_fallback(dates) && !datefields_broken(sd),
	    "the default without a file is not the fallback");
	apply(sd);
	datefields_site_free(sd);
	rules_free(rules, NULL);
	return 0;
}
