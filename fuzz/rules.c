/*
 * fuzz/rules.c: the rule loader, YAML and regexes together.
 *
 * The input is written as DIR/sites/x.yaml and as DIR/default.yaml of a
 * fresh rules directory, and loaded the way the filters load it:
 * strip-boilerplate's engines (rules_load; detect_check: match patterns
 * and hosts; split_check and split_new: the start pattern; strip_compile:
 * strip and heuristics, every regex through rx_compile), extract-meta's
 * field compiler (fields_compile, the "fields:" section), and
 * normalize-date's language loader (datelang_load, the input as a
 * rules/dates file).  When the site compiles, two pages go through it, so
 * that fuzzed regexes also run, and a page is detected among the site and
 * the default, by content and by a url host.  Regex limits are lowered to
 * keep each run short; a limit hit is an error header, never a hang.
 *
 * Not reached: normalize-date's reading of a site's "dates:" section.
 */
#include <stdint.h>
#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "check.h"
#include "date.h"
#include "detect.h"
#include "fields.h"
#include "page.h"
#include "rules.h"
#include "rx.h"
#include "split.h"
#include "strip.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

static char dir[64] = "/tmp/khobor-fuzz-rules.XXXXXX";
static char *site_file, *default_file;
static FILE *devnull;

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
	free(default_file);
	fclose(devnull);
	rx_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *sites;

	(void)argc;
	(void)argv;
	CHECK((devnull = fopen("/dev/null", "w")) != NULL, "cannot open /dev/null");
	CHECK(mkdtemp(dir) != NULL, "mkdtemp failed");
	sites = rules_path(dir, "sites");
	CHECK(mkdir(sites, 0700) == 0, "mkdir failed");
	site_file = rules_path(sites, "x.yaml");
	default_file = rules_path(dir, "default.yaml");
	free(sites);
	atexit(cleanup);
	rx_limits(200000, 4096);
	return 0;
}

static void
put(const char *path, const uint8_t *data, size_t size)
{
	FILE *fp = fopen(path, "wb");

	CHECK(fp != NULL, "cannot write %s", path);
	CHECK(fwrite(data, 1, size, fp) == size && fclose(fp) == 0, "cannot write %s", path);
}

static const char page1[] =
    "কালবেলা ডেস্ক\nপ্রকাশ : ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম\nঅনলাইন সংস্করণ\n\n"
    "উত্তর কোরিয়া যাচ্ছেন রুশ প্রতিরক্ষামন্ত্রী।\nআরও পড়ুন : কিছু একটা\n"
    "মন্তব্য করুন\n• সর্বশেষ\n• জনপ্রিয়\n১\nএকটি শিরোনাম\n২\nআরেকটি\n৩\nতৃতীয়\nX";
static const char page2[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\nComments\nError!: SQLSTATE[HY000]: x\n";

/* Strip-boilerplate's compile of site S: 0, or -1 if its file is broken. */
static int
compile(struct rules *r, struct detector *d, struct site *s)
{
	int bad;

	if (rules_load(r, s) < 0)
		return -1;
	bad = detect_check(d, s) < 0;
	bad |= s != &r->deflt && split_check(s) < 0;
	if ((s->priv = strip_compile(s)) == NULL)
		bad = 1;
	return bad ? -1 : 0;
}

/* One page by the rules of S (or detected, when S is NULL), as strip-boilerplate does it. */
static void
page(struct rules *r, struct detector *d, struct site *s, const char *text, size_t n, const char *host)
{
	struct record rec = {0};
	struct page pg = {0};
	int broken = 0;

	record_add(&rec, "source", "page");
	if (page_load(&pg, &rec, "page", text, n) == 0) {
		if (s == NULL)
			s = detect_site(d, &pg, host, &broken);
		if (s->priv != NULL) {
			strip_apply(s->priv, &pg, devnull);
			page_finish(&pg, &rec);
		}
	}
	CHECK(check_utf8(rec.body.s ? rec.body.s : "", rec.body.len), "the body is not valid UTF-8");
	page_free(&pg);
	record_free(&rec);
	(void)r;
}

static void
free_set(void *p)
{
	strip_free(p);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules *r;
	struct detector *d;
	struct site *s;
	struct datelang *dl;
	int ok, broken = 0;

	put(site_file, data, size);
	put(default_file, data, size);
	r = rules_open(dir);
	CHECK(r->nsites == 1, "the site file was not found");
	d = detect_new(r);
	s = rules_find(r, "x");
	CHECK(s != NULL, "site x not found");
	ok = compile(r, d, s) == 0;
	(void)compile(r, d, &r->deflt);
	split_free(split_new(r, &broken));

	/* extract-meta's fields, on the site and on the default. */
	if (rules_load(r, s) == 0)
		fields_free(fields_compile(s));
	if (rules_load(r, &r->deflt) == 0)
		fields_free(fields_compile(&r->deflt));

	/* The pages, by the site's rules (-s x), and detected, if the site compiled. */
	if (ok) {
		page(r, d, s, page1, sizeof(page1) - 1, NULL);
		page(r, d, s, page2, sizeof(page2) - 1, NULL);
		page(r, d, NULL, page1, sizeof(page1) - 1, "www.example.com");
		page(r, d, NULL, page2, sizeof(page2) - 1, NULL);
	}
	detect_free(d);
	rules_free(r, free_set);

	/* normalize-date's language loader. */
	if ((dl = datelang_load(site_file, "x")) != NULL) {
		struct dateset *ds = dateset_new(&dl, 1);
		struct date_result dr;

		date_parse(ds, page1, sizeof(page1) - 1, NULL, &dr);
		dateset_free(ds);
		datelang_free(dl);
	}
	return 0;
}
