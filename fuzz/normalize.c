/*
 * fuzz/normalize.c: normalize-date's per-record processing, --mentions on,
 * with the bundled rules and languages.
 *
 * The input is a record stream.  Every record comes out as a record that
 * reads back unchanged and clean; every date header it rewrote has its
 * printed text beside it in NAME_raw; a second pass changes nothing.
 */
#include <stdint.h>

#define main normalize_date_main
#include "../filters/normalize-date.c"
#undef main

#include "check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The headers of the record before normalize ran. */
static struct record before;

static void
cleanup(void)
{
	size_t i;

	record_free(&before);
	rules_free(rules, sitedates_free);
	for (i = 0; i < nsets; i++) {
		dateset_free(sets[i].ds);
		free(sets[i].key);
	}
	free(sets);
	for (i = 0; i < nlangs; i++) {
		datelang_free(langs[i].l);
		free(langs[i].name);
	}
	free(langs);
	datezone_free_all();
	buf_free(&scratch);
	buf_free(&value);
	buf_free(&quoted);
	buf_free(&body);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (freopen("/dev/null", "w", stdout) == NULL)
		check_fail("cannot open /dev/null");
	rules = rules_open(KHOBOR_TOP "/rules");
	load_languages();
	fallback.ds = set_from_list(FALLBACK_LANGS, "fallback languages");
	fallback.zone = datezone_get(FALLBACK_ZONE);
	CHECK(fallback.zone != NULL, "no %s in the tz database (install tzdata)", FALLBACK_ZONE);
	opt.mentions = 1;
	atexit(cleanup);
	return 0;
}

static size_t
raw_before(const char *name)
{
	return record_count(&before, name);
}

static void
one(struct record *rec)
{
	size_t i, nf;
	char *first;
	size_t firstlen;
	FILE *fp;

	record_clear(&before);
	for (i = 0; i < rec->nf; i++)
		record_add(&before, rec->f[i].name, rec->f[i].value);
	CHECK(normalize(rec, NULL) == FILTER_WRITE, "normalize did not ask for the record to be written");
	check_roundtrip(rec, "normalize-date");
	for (i = 0; i < rec->nf; i++) {
		const char *n = rec->f[i].name;
		size_t len = strlen(n);

		/* A NAME_raw this pass added sits beside its NAME. */
		if (len > 4 && strcmp(n + len - 4, "_raw") == 0 && record_count(rec, n) > raw_before(n)) {
			struct buf base = {0};

			buf_add(&base, n, len - 4);
			CHECK(record_get(rec, base.s) != NULL, "%s without %s", n, base.s);
			buf_free(&base);
		}
	}
	/* A second pass changes nothing but may add mentions again: compare the rest. */
	nf = rec->nf;
	fp = open_memstream(&first, &firstlen);
	record_write(fp, rec);
	fclose(fp);
	opt.mentions = 0;
	normalize(rec, NULL);
	opt.mentions = 1;
	{
		char *second;
		size_t secondlen;

		fp = open_memstream(&second, &secondlen);
		record_write(fp, rec);
		fclose(fp);
		CHECK(rec->nf >= nf, "a second pass removed headers");
		if (rec->nf == nf)
			CHECK(secondlen == firstlen && memcmp(first, second, firstlen) == 0,
			    "a second pass changed the record");
		free(second);
	}
	free(first);
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
