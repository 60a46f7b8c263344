/*
 * tests/unit/record.c: the record stream reader and writer (filters/lib/record.c).
 *
 * Prints TAP.  Round trips go through a real FILE*: a memory stream from
 * open_memstream() for writing, fmemopen() or tmpfile() for reading, so the
 * reader's buffering (64 KiB reads, sliding, growing) is what is tested.
 * Messages on stderr are captured and compared exactly.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "record.h"
#include "util.h"

/* The ASan+UBSan build (clang) cannot run a test that reads out of bounds. */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#if !defined(UNDER_ASAN) && defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* ---- a little TAP (tap.h) ---- */

#include "tap.h"

/* Show a byte string in a diagnostic, escaped, at most 300 bytes. */
static void
diag_bytes(const char *label, const char *s, size_t n)
{
	size_t i;

	printf("#   %-9s ", label);
	if (s == NULL) {
		printf("(null)\n");
		return;
	}
	putchar('"');
	for (i = 0; i < n && i < 300; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n')
			printf("\\n");
		else if (c == '\\' || c == '"')
			printf("\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			printf("\\x%02x", c);
		else
			putchar(c);
	}
	printf("\"%s\n", n > 300 ? "..." : "");
}

static int
is_mem(const char *got, size_t gn, const char *want, size_t wn, const char *fmt, ...)
{
	va_list ap;
	int pass = got != NULL && gn == wn && memcmp(got, want, wn) == 0;

	va_start(ap, fmt);
	vtap(pass, fmt, ap);
	va_end(ap);
	if (!pass) {
		diag_bytes("got:", got, got ? gn : 0);
		diag_bytes("expected:", want, wn);
	}
	return pass;
}

static int
is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list ap;
	int pass = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);

	va_start(ap, fmt);
	vtap(pass, fmt, ap);
	va_end(ap);
	if (!pass) {
		diag_bytes("got:", got, got ? strlen(got) : 0);
		diag_bytes("expected:", want, want ? strlen(want) : 0);
	}
	return pass;
}

static int
is_long(long got, long want, const char *fmt, ...)
{
	va_list ap;
	int pass = got == want;

	va_start(ap, fmt);
	vtap(pass, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:      %ld\n#   expected: %ld\n", got, want);
	return pass;
}

/* ---- capturing stderr ---- */

static FILE *capfp;
static int savedfd = -1;

static void
capture(void)
{
	fflush(stderr);
	if ((capfp = tmpfile()) == NULL || (savedfd = dup(2)) < 0 || dup2(fileno(capfp), 2) < 0) {
		perror("capture");
		exit(99);
	}
}

/* Stop capturing; returns what was written to stderr meanwhile (free it). */
static char *
captured(void)
{
	long n;
	char *s;

	fflush(stderr);
	dup2(savedfd, 2);
	close(savedfd);
	n = ftell(capfp);
	s = emalloc((size_t)n + 1);
	rewind(capfp);
	if (n > 0 && fread(s, 1, (size_t)n, capfp) != (size_t)n)
		n = 0;
	s[n] = '\0';
	fclose(capfp);
	return s;
}

/* ---- helpers ---- */

/* Write records to memory; returns the bytes (free them), length in *len. */
static char *
write_all(struct record *recs, size_t n, size_t *len)
{
	char *s = NULL;
	size_t i;
	FILE *fp = open_memstream(&s, len);

	for (i = 0; i < n; i++)
		if (record_write(fp, &recs[i]) != 0)
			ok(0, "record_write to a memory stream");
	fclose(fp);
	return s;
}

/* A reader over a copy of the bytes s[0..n), through fmemopen (or a tmpfile when empty). */
static FILE *
open_bytes(const char *s, size_t n)
{
	FILE *fp;

	if (n == 0 || (fp = fmemopen((void *)s, n, "r")) == NULL) {
		fp = tmpfile();
		if (n > 0)
			fwrite(s, 1, n, fp);
		rewind(fp);
	}
	return fp;
}

static void
set(struct record *r, const char *body, ...)
{
	va_list ap;
	const char *name;

	va_start(ap, body);
	while ((name = va_arg(ap, const char *)) != NULL)
		record_add(r, name, va_arg(ap, const char *));
	va_end(ap);
	if (body)
		record_set_body(r, body, strlen(body));
}

/* Field i of rec as "name=value", for compact comparisons. */
static const char *
field(const struct record *rec, size_t i)
{
	static struct buf b;

	if (rec == NULL) {
		buf_free(&b);
		return NULL;
	}
	if (i >= rec->nf)
		return "(none)";
	buf_reset(&b);
	buf_printf(&b, "%s=%s", rec->f[i].name, rec->f[i].value);
	return b.s;
}

/*
 * Read one record from the bytes s (a string literal, NULs included) and
 * check the return value, the headers and the body; any message on stderr
 * must equal err.
 */
static void
read_one(const char *what, const char *s, size_t n, int want_rc, const char *const fields[],
    const char *body, const char *err)
{
	FILE *fp = open_bytes(s, n);
	struct reader rd;
	struct record rec = {0};
	char *msg;
	int rc;
	size_t i, nf = 0;

	reader_init(&rd, fp, "in.rec");
	capture();
	rc = record_read(&rd, &rec);
	msg = captured();
	is_long(rc, want_rc, "%s: record_read returns %d", what, want_rc);
	if (fields) {
		while (fields[nf])
			nf++;
		is_long((long)rec.nf, (long)nf, "%s: %zu headers", what, nf);
		for (i = 0; i < nf; i++)
			is_str(field(&rec, i), fields[i], "%s: header %zu", what, i + 1);
	}
	if (body)
		is_mem(rec.body.s ? rec.body.s : "", rec.body.len, body, strlen(body), "%s: body", what);
	is_str(msg, err, "%s: stderr", what);
	free(msg);
	record_free(&rec);
	reader_free(&rd);
	fclose(fp);
}

#define READ_ONE(what, lit, rc, fields, body, err) \
	read_one(what, lit, sizeof(lit) - 1, rc, fields, body, err)

/* ---- the tests ---- */

static void
test_roundtrip(void)
{
	struct record w[4] = {{0}}, r = {0};
	struct reader rd;
	char *s;
	size_t len, i;
	FILE *fp;
	static const char want[] =
	    "source: a.txt\nsite: kalbela\nauthor: এক\nauthor: দুই\ntitle: শিরোনাম: দুই অংশ\n\nপ্রথম লাইন\n\nদ্বিতীয় অনুচ্ছেদ\n\0"
	    "source: empty\n\n\0"
	    "source: nonl\n\nno final newline\n\0"
	    "\nbody of a record without headers\n\0";

	set(&w[0], "প্রথম লাইন\n\nদ্বিতীয় অনুচ্ছেদ\n", "source", "a.txt", "site", "kalbela",
	    "author", "এক", "author", "দুই", "title", "শিরোনাম: দুই অংশ", NULL);
	set(&w[1], NULL, "source", "empty", NULL);
	set(&w[2], "no final newline", "source", "nonl", NULL);
	set(&w[3], "body of a record without headers\n", NULL);
	s = write_all(w, 4, &len);
	is_mem(s, len, want, sizeof(want) - 1, "writer: headers in order, empty line, body, NUL; a newline added to a body without one");

	fp = open_bytes(s, len);
	reader_init(&rd, fp, "mem");
	is_long(record_read(&rd, &r), 1, "read back record 1");
	is_long((long)r.nf, 5, "record 1: 5 headers");
	for (i = 0; i < 5 && i < r.nf; i++)
		is_str(field(&r, i), field(&w[0], i), "record 1: header %zu in stream order", i + 1);
	is_long((long)record_count(&r, "author"), 2, "repeated name: record_count gives 2");
	is_str(record_get(&r, "author"), "এক", "repeated name: record_get gives the first");
	is_str(record_get(&r, "title"), "শিরোনাম: দুই অংশ", "a value may hold ': '");
	is_mem(r.body.s, r.body.len, w[0].body.s, w[0].body.len, "record 1: body with a blank line inside");
	is_long((long)r.no, 1, "record 1: no is 1");
	is_long((long)r.line, 1, "record 1: starts on line 1");

	is_long(record_read(&rd, &r), 1, "read back record 2");
	is_str(field(&r, 0), "source=empty", "record 2: header");
	is_long((long)r.body.len, 0, "record 2: empty body");
	is_long((long)r.line, 10, "record 2: starts on line 10");

	is_long(record_read(&rd, &r), 1, "read back record 3");
	is_str(r.body.s, "no final newline\n", "record 3: body ends in a newline now");

	is_long(record_read(&rd, &r), 1, "read back record 4");
	is_long((long)r.nf, 0, "record 4: no headers");
	is_str(r.body.s, "body of a record without headers\n", "record 4: body");
	is_long((long)r.nerrors, 0, "no errors in a clean stream");

	is_long(record_read(&rd, &r), 0, "end of stream");
	is_long(record_read(&rd, &r), 0, "end of stream again");
	record_free(&r);
	reader_free(&rd);
	fclose(fp);
	for (i = 0; i < 4; i++)
		record_free(&w[i]);
	free(s);
}

/* What the writer does with values and bodies that would break the framing. */
static void
test_writer_sanitizes(void)
{
	struct record w = {0}, r = {0};
	struct reader rd;
	char *s;
	size_t len;
	FILE *fp;
	static const char want[] =
	    "tabbed: a b\ncrlf: line one  line two\ndel: x y\nempty: \n\n"
	    "a\xEF\xBF\xBD" "b\n\xEF\xBF\xBD\n\0";

	set(&w, NULL, "tabbed", "a\tb", "crlf", "line one\r\nline two", "del", "x\x7fy", "empty", "", NULL);
	record_set_body(&w, "a\0b\n\0", 5);
	s = write_all(&w, 1, &len);
	is_mem(s, len, want, sizeof(want) - 1,
	    "writer: control characters in values become spaces; NUL in the body becomes U+FFFD");
	fp = open_bytes(s, len);
	reader_init(&rd, fp, "mem");
	is_long(record_read(&rd, &r), 1, "the sanitized record reads back");
	is_long((long)r.nerrors, 0, "without errors");
	is_str(record_get(&r, "crlf"), "line one  line two", "value: CR and LF are spaces");
	is_str(record_get(&r, "empty"), "", "value: empty stays empty");
	is_long(record_read(&rd, &r), 0, "one record only: the NUL in the body did not end it");
	record_free(&r);
	record_free(&w);
	reader_free(&rd);
	fclose(fp);
	free(s);

	/* A write error is reported. */
	fp = fopen("/dev/full", "w");
	if (fp == NULL) {
		ok(1, "# SKIP no /dev/full");
		return;
	}
	setvbuf(fp, NULL, _IONBF, 0);
	set(&w, "body\n", "a", "1", NULL);
	is_long(record_write(fp, &w), -1, "record_write to /dev/full returns -1");
	fclose(fp);
	record_free(&w);
}

/* A body of several MB, alone and among small records, through a tmpfile. */
static void
test_huge(void)
{
	const size_t big = 6u << 20;	/* 6 MiB: many times the reader's 64 KiB reads */
	struct record w[3] = {{0}}, r = {0};
	struct reader rd;
	struct buf body = {0};
	FILE *fp = tmpfile();
	size_t i;
	unsigned long k = 0;
	char *oneline;

	while (body.len < big)
		buf_printf(&body, "লাইন %lu: the quick brown fox jumps over the lazy dog\n", ++k);
	set(&w[0], NULL, "source", "small-before", NULL);
	record_set_body(&w[0], "x\n", 2);
	set(&w[1], NULL, "source", "huge", NULL);
	record_set_body(&w[1], body.s, body.len);
	oneline = emalloc(big + 1);
	memset(oneline, 'y', big);
	oneline[big] = '\0';
	set(&w[2], oneline, "source", "one-long-line", NULL);
	for (i = 0; i < 3; i++)
		record_write(fp, &w[i]);
	record_write(fp, &w[0]);
	rewind(fp);

	reader_init(&rd, fp, "tmp");
	is_long(record_read(&rd, &r), 1, "huge: small record before");
	is_long(record_read(&rd, &r), 1, "huge: the %zu-byte record", body.len);
	ok(r.body.len == body.len && memcmp(r.body.s, body.s, body.len) == 0,
	    "huge: body of %zu bytes, %lu lines, read back unchanged", body.len, k);
	is_long((long)r.line, 4, "huge: starts on line 4");
	is_long(record_read(&rd, &r), 1, "huge: a 6 MiB line without a newline");
	ok(r.body.len == big + 1 && memcmp(r.body.s, oneline, big) == 0 && r.body.s[big] == '\n',
	    "huge: the long line reads back, newline added");
	is_long((long)r.line, (long)(4 + 2 + k), "huge: line count carried past the big record");
	is_long(record_read(&rd, &r), 1, "huge: small record after");
	is_str(r.body.s, "x\n", "huge: small record after is intact");
	is_long(record_read(&rd, &r), 0, "huge: end");
	ok(rd.cap <= 4 * (big + 1), "huge: reader buffer (%zu bytes) bounded by the largest record", rd.cap);
	record_free(&r);
	reader_free(&rd);
	fclose(fp);
	for (i = 0; i < 3; i++)
		record_free(&w[i]);
	buf_free(&body);
	free(oneline);
}

/* Many small records: each read back in order, memory does not grow with the stream. */
static void
test_many(void)
{
	const unsigned long n = 20000;
	struct record w = {0}, r = {0};
	struct reader rd;
	struct buf v = {0}, b = {0};
	FILE *fp = tmpfile();
	unsigned long i, good = 0, nos = 0;

	for (i = 1; i <= n; i++) {
		record_clear(&w);
		buf_reset(&v);
		buf_printf(&v, "%lu", i);
		record_add(&w, "n", v.s);
		record_add(&w, "tag", "x");
		buf_reset(&b);
		buf_printf(&b, "body of record %lu\nsecond line\n", i);
		record_set_body(&w, b.s, b.len);
		record_write(fp, &w);
	}
	rewind(fp);
	reader_init(&rd, fp, "tmp");
	for (i = 1; record_read(&rd, &r) == 1; i++) {
		buf_reset(&v);
		buf_printf(&v, "%lu", i);
		buf_reset(&b);
		buf_printf(&b, "body of record %lu\nsecond line\n", i);
		if (r.nf == 2 && strcmp(record_get(&r, "n"), v.s) == 0 && strcmp(r.body.s, b.s) == 0)
			good++;
		if (r.no == i && r.line == (i - 1) * 5 + 1)
			nos++;
	}
	is_long((long)(i - 1), (long)n, "many: %lu records read", n);
	is_long((long)good, (long)n, "many: each record in order, headers and body intact");
	is_long((long)nos, (long)n, "many: record numbers and start lines");
	ok(rd.cap <= 4 * 65536, "many: reader buffer stays at %zu bytes for a %ld-byte stream",
	    rd.cap, ftell(fp));
	record_free(&r);
	record_free(&w);
	reader_free(&rd);
	buf_free(&v);
	buf_free(&b);
	fclose(fp);
}

static void
test_reading(void)
{
	static const char *const f_a1[] = { "a=1", NULL };
	static const char *const f_none[] = { NULL };

	{
		static const char *const f[] = { "a=x", "b=", "c=  two spaces", "d=x:y", NULL };
		READ_ONE("value forms", "a:x\nb:\nc:   two spaces\nd: x:y\n\nbody\n\0", 1, f,
		    "body\n", "");
	}
	/* The last record may lack its NUL: the stream was cut. */
	READ_ONE("cut mid-record", "a: 1\n\nbody without its NUL", 1,
	    ((const char *const[]){ "a=1",
	    "error=record: in.rec:1: stream ends inside this record (no NUL byte after it): "
	    "the producer was cut off; check the earlier stages of the pipeline", NULL }),
	    "body without its NUL",
	    "record: record 1: in.rec:1: stream ends inside this record (no NUL byte after it): "
	    "the producer was cut off; check the earlier stages of the pipeline\n");
	READ_ONE("cut inside the headers", "source: s.txt\nsite: kal", 1,
	    ((const char *const[]){ "source=s.txt", "site=kal",
	    "error=record: in.rec:1: stream ends inside this record (no NUL byte after it): "
	    "the producer was cut off; check the earlier stages of the pipeline", NULL }),
	    "",
	    "record: s.txt: in.rec:1: stream ends inside this record (no NUL byte after it): "
	    "the producer was cut off; check the earlier stages of the pipeline\n");
	READ_ONE("no empty line after the headers", "a: 1\nb: 2\0", 1,
	    ((const char *const[]){ "a=1", "b=2",
	    "error=record: in.rec:1: record has no empty line between headers and body", NULL }),
	    "", "record: record 1: in.rec:1: record has no empty line between headers and body\n");
	READ_ONE("header line with no colon", "a: 1\nno colon here\n\nbody\n\0", 1,
	    ((const char *const[]){ "a=1",
	    "error=record: in.rec:2: header line has no colon: \"no colon here\"", NULL }),
	    "body\n", "record: record 1: in.rec:2: header line has no colon: \"no colon here\"\n");
	READ_ONE("header value with a control character", "source: x.txt\ntitle: a\tb\"c\n\nbody\n\0", 1,
	    ((const char *const[]){ "source=x.txt",
	    "error=record: in.rec:2: header value has a control character: \"title: a?b?c\"", NULL }),
	    "body\n",
	    "record: x.txt: in.rec:2: header value has a control character: \"title: a?b?c\"\n");
	READ_ONE("header value with a CR, not in the first line", "a: 1\nb: 2\r\n\nbody\n\0", 1,
	    ((const char *const[]){ "a=1",
	    "error=record: in.rec:2: header value has a control character: \"b: 2?\"", NULL }),
	    "body\n", "record: record 1: in.rec:2: header value has a control character: \"b: 2?\"\n");
	READ_ONE("header name not [a-z][a-z0-9_]*", "a: 1\nTitle: x\nx-y: 2\n\n\0", 1,
	    ((const char *const[]){ "a=1",
	    "error=record: in.rec:2: header name is not [a-z][a-z0-9_]*: \"Title: x\"",
	    "error=record: in.rec:3: header name is not [a-z][a-z0-9_]*: \"x-y: 2\"", NULL }),
	    "",
	    "record: record 1: in.rec:2: header name is not [a-z][a-z0-9_]*: \"Title: x\"\n"
	    "record: record 1: in.rec:3: header name is not [a-z][a-z0-9_]*: \"x-y: 2\"\n");
	READ_ONE("a long bad line is quoted short",
	    "a: 1\nএটি একটি খুব লম্বা লাইন যার কোনো কোলন নেই\n\n\0", 1, NULL, "",
	    "record: record 1: in.rec:2: header line has no colon: \"এটি একটি খুব লম্বা লাই\"\n");

	/* Raw text where a record stream was expected. */
	READ_ONE("raw text", "বাংলা খবর\nদ্বিতীয় লাইন\n", -1, NULL, NULL,
	    "record: in.rec:1: expected a record stream (header lines 'name: value', an empty line, "
	    "the body, a NUL byte) but got raw text; put strip-boilerplate (or from-jsonl) first "
	    "in the pipeline\n");
	READ_ONE("raw text starting with a word and a colon-less line", "Headline\n\nText.\n", -1, NULL, NULL,
	    "record: in.rec:1: expected a record stream (header lines 'name: value', an empty line, "
	    "the body, a NUL byte) but got raw text; put strip-boilerplate (or from-jsonl) first "
	    "in the pipeline\n");
	READ_ONE("JSON where records were expected", "{\"text\": \"x\"}\n", -1, NULL, NULL,
	    "record: in.rec:1: expected a record stream (header lines 'name: value', an empty line, "
	    "the body, a NUL byte) but got raw text; put strip-boilerplate (or from-jsonl) first "
	    "in the pipeline\n");

	/* A CR ends the first header line: a CRLF stream is not a record stream. */
	READ_ONE("a CRLF stream", "a: 1\r\n\r\nbody\r\n\0", -1, NULL, NULL,
	    "record: in.rec:1: expected a record stream (header lines 'name: value', an empty line, "
	    "the body, a NUL byte) but got raw text; put strip-boilerplate (or from-jsonl) first "
	    "in the pipeline\n");

	READ_ONE("empty stream", "", 0, f_none, "", "");
	READ_ONE("only newlines", "\n\n", 0, f_none, "", "");
	READ_ONE("trailing newline after the last NUL is not a record", "a: 1\n\nx\n\0\n", 1, f_a1, "x\n", "");
	READ_ONE("body starting with a blank line", "a: 1\n\n\nx\n\0", 1, f_a1, "\nx\n", "");
	READ_ONE("record with neither headers nor body", "\n\0", 1, f_none, "", "");

	/* The second record of a stream: a bad first line is an error, not raw text. */
	{
		static const char s[] = "a: 1\n\nx\ny\n\0no colon\n\nz\n\0";
		FILE *fp = open_bytes(s, sizeof(s) - 1);
		struct reader rd;
		struct record r = {0};
		char *msg;

		reader_init(&rd, fp, "two.rec");
		capture();
		record_read(&rd, &r);
		is_long(record_read(&rd, &r), 1, "record 2 with a bad first line is still a record");
		msg = captured();
		is_str(record_get(&r, "error"), "record: two.rec:5: header line has no colon: \"no colon\"",
		    "record 2: the error names line 5 of the stream");
		is_str(msg, "record: record 2: two.rec:5: header line has no colon: \"no colon\"\n",
		    "record 2: stderr");
		is_long(r.nerrors, 1, "record 2: nerrors counts it");
		is_long(record_read(&rd, &r), 0, "end");
		free(msg);
		record_free(&r);
		reader_free(&rd);
		fclose(fp);
	}
}

static void
test_helpers(void)
{
	struct record r = {0};
	struct buf scratch = {0};
	char *msg;

	set(&r, "b\n", "a", "1", "b", "2", "a", "3", "c", "4", NULL);
	is_str(record_source(&r, &scratch), "record 0", "record_source without a source header");
	record_set(&r, "a", "new");
	is_long((long)r.nf, 3, "record_set replaces the first and removes the rest");
	is_str(field(&r, 0), "a=new", "record_set keeps the position");
	record_set(&r, "d", "5");
	is_str(field(&r, 3), "d=5", "record_set of a new name appends");
	record_del(&r, "b");
	is_str(field(&r, 1), "c=4", "record_del");
	record_add(&r, "source", "p.txt");
	is_str(record_source(&r, &scratch), "p.txt", "record_source");
	capture();
	record_error(&r, "bad %s", "thing");
	record_warning(&r, "odd %d", 7);
	msg = captured();
	is_str(record_get(&r, "error"), "record: bad thing", "record_error adds 'error: PROG: message'");
	is_str(record_get(&r, "warning"), "record: odd 7", "record_warning adds 'warning: PROG: message'");
	is_str(msg, "record: p.txt: bad thing\n", "record_error says it on stderr with the source; record_warning does not");
	is_long(r.nerrors, 1, "nerrors counts errors only");
	ok(record_name_ok("a_1z", 4) && !record_name_ok("1a", 2) && !record_name_ok("", 0) &&
	    !record_name_ok("aB", 2) && !record_name_ok("_a", 2), "record_name_ok");
	free(msg);
	buf_free(&scratch);
	record_free(&r);
}

/* Known bugs, as TODO tests. */
static void
test_known_bugs(void)
{
	struct record r = {0};
	struct reader rd;
	struct buf big = {0};
	FILE *fp;
	char *msg;
	int rc;

	/* STYLE.md 8: a maximum record size that is an option, not a crash. */
	buf_adds(&big, "source: big\n\n");
	while (big.len < (1u << 20))
		buf_adds(&big, "a line of a record far bigger than the reader's limit\n");
	buf_addc(&big, '\0');
	buf_adds(&big, "source: next\n\nx\n");
	buf_addc(&big, '\0');
	fp = open_bytes(big.s, big.len);
	reader_init(&rd, fp, "big.rec");
	rd.maxrec = 64 * 1024;
	capture();
	rc = record_read(&rd, &r);
	msg = captured();
	ok(rc == 1 && record_get(&r, "error") != NULL && r.body.len < rd.maxrec,
	    "a record over rd.maxrec comes back cut, with an error header");
	todo = NULL;
	is_long(record_read(&rd, &r), 1, "the record after it is read");
	is_str(record_get(&r, "source"), "next", "the record after it is intact");
	free(msg);
	reader_free(&rd);
	fclose(fp);
	buf_free(&big);

	/* util.h: a buf is "always NUL-terminated after buf_* calls"; buf_grow on an empty one is not. */
	record_clear(&r);
	capture();
	record_error(&r, "%s", "");
	msg = captured();
	is_str(record_get(&r, "error"), "record: ", "record_error with an empty message adds 'error: PROG: '");
	free(msg);
	record_free(&r);
}

int
main(void)
{
	/* Messages name the program; not util_init(), which would buffer stdout fully. */
	prog = "record";
	/* Line by line, so that a crash still shows the last test that ran. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_roundtrip();
	test_writer_sanitizes();
	test_huge();
	test_many();
	test_reading();
	test_helpers();
	test_known_bugs();
	field(NULL, 0);
	printf("1..%d\n", ntest);
	return nfail ? 1 : 0;
}
