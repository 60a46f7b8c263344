/*
 * fuzz/split.c: the --split page cutter (filters/lib/split.c) with the
 * bundled rules' start patterns, on any bytes.  The first byte gives a
 * read size K (1 to 256 bytes); the rest is the dump.
 *
 * The dump is cut twice, read 64 KiB at a time and K bytes at a time: the
 * pages must be the same, byte for byte (where a read ends must not move
 * a cut: that is what the partial matching and the held line end are
 * for).  No page is empty, and only a dump of white space is a page of
 * white space.  Nothing but white space and byte order marks is lost: the
 * pages, glued, are the dump with line ends made LF, BOMs removed and NFC,
 * white space aside (checked when the dump is valid UTF-8).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "rules.h"
#include "rx.h"
#include "split.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct rules *rules;
static struct splitter *splitter;

static void
cleanup(void)
{
	split_free(splitter);
	rules_free(rules, NULL);
	rx_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int broken = 0;

	(void)argc;
	(void)argv;
	rules = rules_open(KHOBOR_TOP "/rules");
	splitter = split_new(rules, &broken);
	CHECK(!broken, "the bundled start patterns do not compile");
	atexit(cleanup);
	return 0;
}

static int
is_white(char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

/* Cut DATA reading CHUNK bytes at a time: the pages, each ended by a NUL, into OUT. */
static unsigned long
cut(const uint8_t *data, size_t size, size_t chunk, struct buf *out)
{
	FILE *fp = fmemopen((void *)data, size, "rb");
	struct splitread *sr;
	const char *page;
	size_t n, i;
	unsigned long pages = 0;

	CHECK(fp != NULL, "fmemopen failed");
	sr = split_open(splitter, fp, "fuzz");
	split_set_chunk(sr, chunk);
	while (split_next(sr, &page, &n) > 0) {
		int white = 1;

		CHECK(n > 0, "an empty page");
		for (i = 0; i < n && white; i++)
			white = is_white(page[i]);
		CHECK(!white || pages == 0, "a page of white space after the first");
		buf_add(out, page, n);
		buf_addc(out, '\0');
		pages++;
	}
	CHECK(split_close(sr) == 0, "reading from memory failed");
	fclose(fp);
	return pages;
}

/* S without white space, NULs (the page separators) and BOMs. */
static void
squeeze(const char *s, size_t n, struct buf *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (n - i >= 3 && memcmp(s + i, "\xEF\xBB\xBF", 3) == 0) {
			i += 2;
			continue;
		}
		if (!is_white(s[i]) && s[i] != '\r' && s[i] != '\0')
			buf_addc(out, s[i]);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf a = {0}, b = {0}, nfc = {0}, x = {0}, y = {0};
	unsigned long na, nb;
	size_t k;

	if (size < 1)
		return 0;
	k = (size_t)data[0] + 1;
	data++;
	size--;
	na = cut(data, size, 1 << 16, &a);
	nb = cut(data, size, k, &b);
	CHECK(na == nb && a.len == b.len && (a.len == 0 || memcmp(a.s, b.s, a.len) == 0),
	    "read %zu bytes at a time, the dump is cut otherwise (%lu pages, not %lu)", k, nb, na);
	if (check_utf8((const char *)data, size) && memchr(data, '\0', size) == NULL) {
		text_nfc((const char *)data, size, &nfc);
		squeeze(nfc.s ? nfc.s : "", nfc.len, &x);
		squeeze(a.s ? a.s : "", a.len, &y);
		CHECK(x.len == y.len && (x.len == 0 || memcmp(x.s, y.s, x.len) == 0),
		    "the pages do not hold what the dump held");
	}
	buf_free(&a);
	buf_free(&b);
	buf_free(&nfc);
	buf_free(&x);
	buf_free(&y);
	return 0;
}
