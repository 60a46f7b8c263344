/*
 * fuzz/meta.c: extract-meta's per-record processing (the field engine of
 * filters/lib/fields.c under extract()), with the bundled rules.
 *
 * The input is a record stream; the first byte turns --explain on (bit 0).
 * Every record comes out as a record that reads back unchanged and clean,
 * with the counts extract-meta adds, and a body of valid UTF-8 when it went
 * in valid.  A second pass leaves the record as it was but for a warning.
 */
#include <stdint.h>

#define main extract_meta_main
#include "../filters/extract-meta.c"
#undef main

#include "check.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (freopen("/dev/null", "w", stdout) == NULL)
		check_fail("cannot open /dev/null");
	rules = rules_open(KHOBOR_TOP "/rules");
	CHECK(check_all(0) == EXIT_OK, "the bundled rules do not compile");
	work = fields_work_new();
	atexit(cleanup);
	return 0;
}

static void
one(struct record *rec)
{
	int valid = check_utf8(rec->body.s ? rec->body.s : "", rec->body.len);
	int again = record_get(rec, "char_count") != NULL;
	size_t nf;

	CHECK(extract(rec, NULL) == FILTER_WRITE, "extract did not ask for the record to be written");
	check_roundtrip(rec, "extract-meta");
	if (!again && rec->nerrors == 0) {
		CHECK(record_count(rec, "char_count") == 1 && record_count(rec, "word_count") == 1 &&
		    record_count(rec, "paragraph_count") == 1, "the counts are missing");
	}
	if (valid)
		CHECK(check_utf8(rec->body.s ? rec->body.s : "", rec->body.len),
		    "extract-meta made the body invalid UTF-8");
	/* A second pass changes nothing but adds a warning. */
	nf = rec->nf;
	CHECK(extract(rec, NULL) == FILTER_WRITE, "second pass");
	CHECK(rec->nf == nf + 1 || rec->nerrors > 0 || record_get(rec, "char_count") == NULL,
	    "a second pass changed the headers");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reader rd;
	struct record rec = {0};
	FILE *fp;

	if (size < 2)
		return 0;
	opt.explain = data[0] & 1;
	if ((fp = fmemopen((void *)(data + 1), size - 1, "rb")) == NULL)
		check_fail("fmemopen failed");
	reader_init(&rd, fp, "fuzz");
	while (record_read(&rd, &rec) > 0)
		one(&rec);
	record_free(&rec);
	reader_free(&rd);
	fclose(fp);
	return 0;
}
