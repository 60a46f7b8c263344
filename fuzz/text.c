/*
 * fuzz/text.c: UTF-8 repair, NFC and the page clean-up.
 *
 *   text_utf8_valid and text_utf8_fix agree with an independent validator;
 *   the repaired text is valid UTF-8 and equal to the input when that was
 *   valid already;
 *   text_nfc gives valid UTF-8, the same as utf8proc's full NFC (so the
 *   quick check never says "NFC" wrongly), and is idempotent;
 *   text_clean gives valid UTF-8 with no control character but '\n', no CR,
 *   no tab, no NBSP, no trailing blank, no blank line at either end, no two
 *   blank lines in a row, a final '\n' unless empty, and is idempotent;
 *   text_normalize keeps the number of lines.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "check.h"
#include "text.h"

static size_t
count_breaks(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
			k++;
	return k;
}

static void
check_clean(const char *c, size_t n)
{
	size_t i, linestart = 0;

	CHECK(check_utf8(c, n), "text_clean gave invalid UTF-8");
	if (n == 0)
		return;
	CHECK(c[n - 1] == '\n', "text_clean: no final newline");
	CHECK(c[0] != '\n', "text_clean: blank line at the start");
	CHECK(n < 2 || c[n - 2] != '\n', "text_clean: blank line at the end");
	for (i = 0; i < n; i++) {
		unsigned char b = (unsigned char)c[i];

		CHECK(b >= 0x20 || b == '\n', "text_clean left control byte 0x%02x at %zu", b, i);
		CHECK(b != 0x7F, "text_clean left DEL at %zu", i);
		if (b == 0xC2 && i + 1 < n)
			CHECK((unsigned char)c[i + 1] > 0xA0, "text_clean left a C1 control or NBSP at %zu", i);
		if (b == '\n') {
			CHECK(i == linestart || (c[i - 1] != ' '), "text_clean left a trailing blank at %zu", i);
			CHECK(i + 2 >= n || c[i + 1] != '\n' || c[i + 2] != '\n',
			    "text_clean left two blank lines at %zu", i);
			linestart = i + 1;
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct buf fixed = {0}, nfc = {0}, nfc2 = {0}, c1 = {0}, c2 = {0}, norm = {0};
	struct clean_report rep;
	utf8proc_uint8_t *full = NULL;
	utf8proc_ssize_t k;
	size_t bad;
	int valid = check_utf8(s, size);

	CHECK(text_utf8_valid(s, size) == valid, "text_utf8_valid says %d, the oracle %d",
	    !valid, valid);
	bad = text_utf8_fix(s, size, &fixed);
	buf_grow(&fixed, 0);
	CHECK(check_utf8(fixed.s, fixed.len), "text_utf8_fix gave invalid UTF-8");
	CHECK((bad == 0) == valid, "text_utf8_fix replaced %zu on %s input", bad,
	    valid ? "valid" : "invalid");
	if (valid)
		CHECK(fixed.len == size && memcmp(fixed.s, s, size) == 0, "text_utf8_fix changed valid text");

	text_nfc(fixed.s, fixed.len, &nfc);
	buf_grow(&nfc, 0);
	CHECK(check_utf8(nfc.s, nfc.len), "text_nfc gave invalid UTF-8");
	k = utf8proc_map((const utf8proc_uint8_t *)fixed.s, (utf8proc_ssize_t)fixed.len, &full,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	CHECK(k >= 0, "utf8proc refused repaired text");
	CHECK((size_t)k == nfc.len && memcmp(full, nfc.s, nfc.len) == 0,
	    "text_nfc differs from utf8proc's NFC (quick check said %d)", text_nfc_quick(fixed.s, fixed.len));
	free(full);
	text_nfc(nfc.s, nfc.len, &nfc2);
	buf_grow(&nfc2, 0);
	CHECK(nfc2.len == nfc.len && memcmp(nfc2.s, nfc.s, nfc.len) == 0, "text_nfc is not idempotent");

	text_clean(s, size, &c1, &rep);
	buf_grow(&c1, 0);
	CHECK(rep.invalid == bad, "text_clean counted %zu invalid sequences, text_utf8_fix %zu",
	    rep.invalid, bad);
	check_clean(c1.s, c1.len);
	text_clean(c1.s, c1.len, &c2, &rep);
	buf_grow(&c2, 0);
	CHECK(c2.len == c1.len && memcmp(c2.s, c1.s, c1.len) == 0, "text_clean is not idempotent");
	CHECK(rep.invalid == 0 && rep.controls == 0, "text_clean found more to clean in its own output");

	text_normalize(s, size, &norm, &rep);
	buf_grow(&norm, 0);
	CHECK(check_utf8(norm.s, norm.len), "text_normalize gave invalid UTF-8");
	CHECK(count_breaks(norm.s, norm.len) == count_breaks(fixed.s, fixed.len),
	    "text_normalize changed the number of lines from %zu to %zu",
	    count_breaks(fixed.s, fixed.len), count_breaks(norm.s, norm.len));

	buf_free(&fixed);
	buf_free(&nfc);
	buf_free(&nfc2);
	buf_free(&c1);
	buf_free(&c2);
	buf_free(&norm);
	return 0;
}
