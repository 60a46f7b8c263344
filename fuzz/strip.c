/*
 * fuzz/strip.c: strip-boilerplate's per-page processing, with the bundled
 * rules, on any bytes.  The first byte chooses the way in:
 *
 *   bit 0-1  0: one page (strip_page), 1: --split on the rest as a dump of
 *            glued pages, 2: --records on the rest as a record stream
 *   bit 2    force the site kalbela (-s kalbela)
 *   bit 3    --explain (its messages go nowhere)
 *
 * Every record that comes out reads back without an error header, has one
 * site header, and a body of valid UTF-8 with no control character but
 * '\n', ending in '\n' unless empty, with no blank line at either end; an
 * empty body carries the warning that says so.  --split gives at least one
 * record for a non-empty dump, --records one record per record in.
 */
#include <stdint.h>

#define main strip_boilerplate_main
#include "../filters/strip-boilerplate.c"
#undef main

#include "check.h"

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
	/* An unreadable page (UTF-16) has an error instead. */
	CHECK(n > 0 || empty_warned || rec->nerrors > 0 || record_get(rec, "error"),
	    "empty body without a warning");
}

/* Run FN with stdout going to memory; then check every record it wrote. */
static unsigned long
captured(int (*fn)(FILE *, const char *), const uint8_t *data, size_t size)
{
	FILE *saved = stdout, *in, *back;
	char *out = NULL;
	size_t outlen = 0;
	struct reader rd;
	struct record rec = {0};
	unsigned long n = 0;

	if ((in = fmemopen((void *)data, size, "rb")) == NULL)
		check_fail("fmemopen failed");
	stdout = open_memstream(&out, &outlen);
	CHECK(stdout != NULL, "open_memstream failed");
	fn(in, "fuzz");
	fclose(stdout);
	stdout = saved;
	fclose(in);
	if (outlen == 0) {
		free(out);
		return 0;
	}
	back = fmemopen(out, outlen, "rb");
	reader_init(&rd, back, "out");
	while (record_read(&rd, &rec) > 0) {
		n++;
		CHECK(rec.nerrors == 0, "strip-boilerplate wrote a damaged record");
		check_record(&rec);
	}
	record_free(&rec);
	reader_free(&rd);
	fclose(back);
	free(out);
	return n;
}

static unsigned long
count_records(const uint8_t *data, size_t size)
{
	FILE *fp = fmemopen((void *)data, size, "rb");
	struct reader rd;
	struct record rec = {0};
	unsigned long n = 0;
	int rc;

	reader_init(&rd, fp, "in");
	while ((rc = record_read(&rd, &rec)) > 0)
		n++;
	record_free(&rec);
	reader_free(&rd);
	fclose(fp);
	return rc < 0 ? 0 : n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct record rec = {0};
	unsigned long n;

	if (size < 1)
		return 0;
	opt.site = data[0] & 4 ? "kalbela" : NULL;
	opt.explain = (data[0] >> 3) & 1;
	data++;
	size--;
	switch (data[-1] & 3) {
	case 0:
		record_add(&rec, "source", "fuzz");
		strip_page(&rec, "fuzz", (const char *)data, size, NULL);
		check_record(&rec);
		record_free(&rec);
		break;
	case 1:
		if (size == 0)
			break;
		n = captured(split_stream, data, size);
		CHECK(n >= 1, "--split made no record of a non-empty dump");
		break;
	default:
		if (size == 0)
			break;
		n = captured(read_records, data, size);
		CHECK(n == count_records(data, size), "--records: %lu records in, %lu out",
		    count_records(data, size), n);
		break;
	}
	return 0;
}
