/*
 * fuzz/chrome.c: the chrome table of corpus mode (filters/lib/chrome.c),
 * through the library only.  The input is cut at its first NUL byte: the
 * part before is read as a table (an untrusted file: count-chrome --merge,
 * strip-boilerplate --chrome), the part after is counted as a page.
 *
 * A table that reads writes back a table that reads again and writes the
 * very same bytes (the merge of one table is itself); a page counts
 * without error, and its table reads back.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "chrome.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

/* T written to a memory buffer (the caller frees *S). */
static size_t
written(struct chrome *t, char **s)
{
	size_t n = 0;
	FILE *fp = open_memstream(s, &n);

	if (fp == NULL)
		check_fail("open_memstream failed");
	if (chrome_write(t, fp, 1) != 0)
		check_fail("chrome_write failed on a memory stream");
	fclose(fp);
	return n;
}

/* Read S[0..N) as a table into T; 0, or -1 as chrome_read says. */
static int
read_bytes(struct chrome *t, const char *s, size_t n)
{
	FILE *fp = fmemopen((void *)(n ? s : "\n"), n ? n : 0, "r");
	int rc;

	if (fp == NULL)
		return -1;
	rc = chrome_read(t, fp, "fuzz");
	fclose(fp);
	return rc;
}

static void
roundtrip(struct chrome *t, const char *what)
{
	struct chrome *again = chrome_new(0);
	char *a = NULL, *b = NULL;
	size_t na = written(t, &a), nb;

	if (read_bytes(again, a, na) != 0)
		check_fail("%s: a written table does not read back", what);
	nb = written(again, &b);
	if (na != nb || memcmp(a, b, na) != 0)
		check_fail("%s: a table read back writes other bytes", what);
	free(a);
	free(b);
	chrome_free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const char *nul = memchr(s, '\0', size);
	size_t tn = nul ? (size_t)(nul - s) : size;
	struct chrome *t = chrome_new(0), *c = chrome_new(1024);

	if (read_bytes(t, s, tn) == 0)
		roundtrip(t, "table");
	if (nul) {
		chrome_count(c, "fuzz", nul + 1, size - tn - 1);
		chrome_count(c, "fuzz", nul + 1, size - tn - 1);
		roundtrip(c, "count");
	}
	chrome_free(t);
	chrome_free(c);
	return 0;
}
