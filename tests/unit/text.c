/*
 * tests/unit/text.c: text_nfc (filters/lib/text.c) on texts with invalid
 * bytes: the valid runs are normalized, the invalid bytes pass as they are.
 * Prints TAP.
 */
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "util.h"

#include "tap.h"

static void
is_nfc(const char *in, size_t n, const char *want, size_t wn, const char *what)
{
	struct buf b = {0};

	text_nfc(in, n, &b);
	ok(b.len == wn && memcmp(b.s, want, wn) == 0, "%s", what);
	buf_free(&b);
}

int
main(void)
{
	/* U+09DF (precomposed য়) is U+09AF U+09BC in NFC. */
	static const char pre[] = "\340\247\237", dec[] = "\340\246\257\340\246\274";
	char in[64], want[64];
	size_t n, wn;

	prog = "text";
	is_nfc(pre, 3, dec, 6, "a valid text: NFC");
	n = (size_t)snprintf(in, sizeof(in), "%s\377%s", pre, pre);
	wn = (size_t)snprintf(want, sizeof(want), "%s\377%s", dec, dec);
	is_nfc(in, n, want, wn, "an invalid byte between two runs: both runs NFC, the byte kept");
	n = (size_t)snprintf(in, sizeof(in), "\300%s", pre);
	wn = (size_t)snprintf(want, sizeof(want), "\300%s", dec);
	is_nfc(in, n, want, wn, "an invalid byte first");
	n = (size_t)snprintf(in, sizeof(in), "%s\340\246", pre);
	wn = (size_t)snprintf(want, sizeof(want), "%s\340\246", dec);
	is_nfc(in, n, want, wn, "a character cut short at the end");
	is_nfc("abc", 3, "abc", 3, "ASCII as it is");
	printf("1..%d\n", ntest);
	return nfail != 0;
}
