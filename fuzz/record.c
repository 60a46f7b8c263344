/*
 * fuzz/record.c: the record stream reader and writer.
 *
 * Whatever the reader makes of any input, the writer's output must read
 * back as the same records (same headers in the same order, the same
 * body but for the final newline the writer adds), without a single error
 * header, and must write out byte for byte the same again.  When the low
 * four bits of the first byte are all set (one input in sixteen), the
 * input is repeated past 256 KiB, the reader's first buffer, so that the
 * buffer has to slide and grow across record boundaries.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "record.h"

#define BIG (300 * 1024)

/* Read every record of IN, write it to a memory stream; returns the stream. */
static char *
pass(const char *in, size_t n, size_t *outlen, unsigned long *nrec, unsigned long *nerr, int *raw)
{
	FILE *fp, *out;
	struct reader rd;
	struct record rec = {0};
	char *o = NULL;
	int rc;

	*nrec = *nerr = 0;
	*raw = 0;
	out = open_memstream(&o, outlen);
	CHECK(out != NULL, "open_memstream failed");
	/* glibc's fmemopen wants a non-empty buffer. */
	if ((fp = fmemopen((void *)(n ? in : "\n"), n ? n : 1, "rb")) == NULL)
		check_fail("fmemopen failed");
	reader_init(&rd, fp, "fuzz");
	while ((rc = record_read(&rd, &rec)) > 0) {
		(*nrec)++;
		for (size_t i = 0; i < rec.nf; i++)
			*nerr += strcmp(rec.f[i].name, "error") == 0;
		CHECK(record_write(out, &rec) == 0, "record_write failed");
	}
	if (rc < 0) {
		CHECK(*nrec == 0, "raw text reported after %lu records", *nrec);
		*raw = 1;
	}
	record_free(&rec);
	reader_free(&rd);
	fclose(fp);
	fclose(out);
	return o;
}

/* Read IN and W (IN as written) side by side and compare record by record. */
static void
compare(const char *in, size_t n, const char *w, size_t wn)
{
	FILE *a = fmemopen((void *)(n ? in : "\n"), n ? n : 1, "rb");
	FILE *b = fmemopen((void *)(wn ? w : "\n"), wn ? wn : 1, "rb");
	struct reader ra, rb;
	struct record x = {0}, y = {0};

	CHECK(a && b, "fmemopen failed");
	reader_init(&ra, a, "fuzz");
	reader_init(&rb, b, "fuzz");
	while (record_read(&ra, &x) > 0) {
		CHECK(record_read(&rb, &y) > 0, "record %lu lost in the round trip", x.no);
		CHECK(x.nf == y.nf, "record %lu: %zu headers became %zu", x.no, x.nf, y.nf);
		for (size_t i = 0; i < x.nf; i++) {
			CHECK(strcmp(x.f[i].name, y.f[i].name) == 0, "record %lu: header name changed", x.no);
			CHECK(strcmp(x.f[i].value, y.f[i].value) == 0, "record %lu: header %s changed", x.no,
			    x.f[i].name);
		}
		if (x.body.len > 0 && x.body.s[x.body.len - 1] != '\n') {
			CHECK(y.body.len == x.body.len + 1 && y.body.s[x.body.len] == '\n',
			    "record %lu: body length %zu became %zu", x.no, x.body.len, y.body.len);
		} else {
			CHECK(y.body.len == x.body.len, "record %lu: body length %zu became %zu", x.no,
			    x.body.len, y.body.len);
		}
		CHECK(x.body.len == 0 || memcmp(x.body.s, y.body.s, x.body.len) == 0,
		    "record %lu: body changed", x.no);
	}
	CHECK(record_read(&rb, &y) == 0, "the round trip made an extra record");
	record_free(&x);
	record_free(&y);
	reader_free(&ra);
	reader_free(&rb);
	fclose(a);
	fclose(b);
}

/* Repeating an input of many tiny records makes 100,000 of them: slow, and no new path; one a KiB at most. */
static size_t
nuls(const uint8_t *data, size_t size)
{
	size_t i, k = 0;

	for (i = 0; i < size; i++)
		k += data[i] == 0;
	return k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in, *w1, *w2;
	size_t n = size, n1, n2;
	unsigned long c1, c2, e1, e2;
	int raw1, raw2;

	if (size > 1 && (data[0] & 0x0F) == 0x0F && nuls(data, size) * 1024 <= size) {
		/* Repeat the input until it is larger than the reader's first buffer. */
		size_t i;

		n = 0;
		in = malloc(BIG + size);
		while (n < BIG) {
			for (i = 0; i < size; i++)
				in[n + i] = (char)data[i];
			n += size;
		}
	} else {
		in = malloc(size ? size : 1);
		memcpy(in, data, size);
	}
	w1 = pass(in, n, &n1, &c1, &e1, &raw1);
	w2 = pass(w1, n1, &n2, &c2, &e2, &raw2);
	/* What the writer writes is always a clean stream. */
	CHECK(!raw2 || c1 == 0, "the writer's output reads as raw text");
	CHECK(c2 == c1, "%lu records became %lu", c1, c2);
	CHECK(e2 == e1, "the writer's output made the reader add %lu errors", e2 - e1);
	CHECK(n2 == n1 && memcmp(w1, w2, n1) == 0, "the second write differs from the first");
	if (!raw1)
		compare(in, n, w1, n1);
	free(w1);
	free(w2);
	free(in);
	return 0;
}
