/*
 * fuzz/rules.c: the rule loader, YAML and regexes together.
 *
 * The input is written as DIR/sites/x.yaml and as DIR/default.yaml of a
 * fresh rules directory, and loaded the way the filters load it:
 * strip-boilerplate's own compiler (--check-rules: rules_load, match,
 * start, strip, heuristics, every regex through rx_compile), extract-meta's
 * field compiler (fields_compile, the "fields:" section), and
 * normalize-date's language loader (datelang_load, the input as a
 * rules/dates file).  When the site compiles, two pages go through it
 * (-s x), so that fuzzed regexes also run.  Regex limits are lowered to
 * keep each run short; a limit hit is an error header, never a hang.
 *
 * Not reached: normalize-date's reading of a site's "dates:" section
 * (static in filters/normalize-date.c).
 */
#include <stdint.h>
#include <ftw.h>

#define main strip_boilerplate_main
#include "../filters/strip-boilerplate.c"
#undef main

#include "check.h"
#include "date.h"
#include "fields.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

static char dir[64] = "/tmp/khobor-fuzz-rules.XXXXXX";
static char *site_file, *default_file;

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
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *sites;

	(void)argc;
	(void)argv;
	if (freopen("/dev/null", "w", stdout) == NULL)
		check_fail("cannot open /dev/null");
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct site *s;
	struct datelang *dl;

	put(site_file, data, size);
	put(default_file, data, size);
	rules = rules_open(dir);
	CHECK(rules->nsites == 1, "the site file was not found");
	check_all(0);
	s = rules_find(rules, "x");
	CHECK(s != NULL, "site x not found");

	/* extract-meta's fields, on the site and on the default. */
	if (rules_load(rules, s) == 0)
		fields_free(fields_compile(s));
	if (rules_load(rules, &rules->deflt) == 0)
		fields_free(fields_compile(&rules->deflt));

	/* The pages, by the site's rules (-s x), if they compiled. */
	if (s->priv && ((struct siterules *)s->priv)->state == 2) {
		struct record rec = {0};

		opt.site = "x";
		record_add(&rec, "source", "page1");
		strip_page(&rec, "page1", page1, sizeof(page1) - 1, NULL);
		record_clear(&rec);
		record_add(&rec, "source", "page2");
		strip_page(&rec, "page2", page2, sizeof(page2) - 1, NULL);
		record_free(&rec);
		opt.site = NULL;
	}
	rules_free(rules, free_siterules);
	rules = NULL;

	/* normalize-date's language loader. */
	if ((dl = datelang_load(site_file, "x")) != NULL) {
		struct dateset *ds = dateset_new(&dl, 1);
		struct date_result r;

		date_parse(ds, page1, sizeof(page1) - 1, NULL, &r);
		dateset_free(ds);
		datelang_free(dl);
	}
	return 0;
}
