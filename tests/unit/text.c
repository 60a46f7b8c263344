/*
 * tests/unit/text.c: text_nfc (filters/lib/text.c) on texts with invalid
 * bytes: the valid runs are normalized, the invalid bytes pass as they are;
 * text_legacy_font on text typed in a Bijoy-style font and on text that is
 * not; and text_prefix_squeezed, the test of the field rules' 'prefix'.
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

/* The prefix of S that V is: its text up to the next word, "" when none. */
static void
is_prefix(const char *s, const char *v, const char *want, const char *what)
{
	size_t k = text_prefix_squeezed(s, strlen(s), v, strlen(v));

	ok(k == strlen(want) && memcmp(s, want, k) == 0, "prefix: %s (took %zu bytes, \"%.*s\")", what, k,
	    (int)k, s);
}

static void
test_prefix(void)
{
	is_prefix("রাশেদ করিম আমরা যখন", "রাশেদ করিম", "রাশেদ করিম ", "a name, then a space and the sentence");
	is_prefix("রাশেদ করিমআমরা যখন", "রাশেদ করিম", "রাশেদ করিম", "a name glued to the sentence's first letter");
	is_prefix("  রাশেদ \t করিম   আমরা", " রাশেদ করিম ", "  রাশেদ \t করিম   ",
	    "spaces at the start and inside, of both, compared as one; the spaces after it taken too");
	is_prefix("রাশেদ করিম", "রাশেদ করিম", "রাশেদ করিম", "the whole line");
	is_prefix("রাশেদ করিমের লেখা", "রাশেদ করিম", "", "not where a vowel sign follows (the name in the genitive)");
	is_prefix("করিম্‌ লেখা", "করিম", "", "not where a virama follows");
	is_prefix("রাশেদ\xE2\x80\x8Dকরিম", "রাশেদ", "", "not where a zero-width joiner follows");
	is_prefix("রাশেদ, করিম", "রাশেদ", "রাশেদ", "a comma after it: taken, the comma left");
	is_prefix("রাশেদকরিম আমরা", "রাশেদ করিম", "", "a space in the value and none in the line: no");
	is_prefix("রাশেদ  আমরা", "রাশেদ করিম", "", "the line shorter than the value: no");
	is_prefix("আমরা রাশেদ করিম", "রাশেদ করিম", "", "the value inside the line, not at its start: no");
	is_prefix("রাশেদ করিম আমরা", "  \t ", "", "a blank value: no prefix");
	is_prefix("", "রাশেদ", "", "an empty line");
	is_prefix("Dr. Karim wrote", "Dr. Karim", "Dr. Karim ", "Latin letters alike");
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

	/* Invented sentences, typed as Bijoy's layout types them (‡ U+2021, ¨ U+00A8, ¯ U+00AF, µ U+00B5). */
	{
		static const char bijoy[] = "ivRavbxi \u00af^ivNvU GjvKvq mKvj \u2020_\u2021K mewR we\u2021\u00b5Zv\u2021`i wfo "
		    "\u2020`Lv hvq| b`xi Zx\u2021i e\u2021m GB nvU|";
		static const char english[] = "The figure\u2020 was revised; see the note\u2021 below for the method used "
		    "by the survey team in Dhaka last year.";
		static const char bengali[] = "\u09AC\u09BE\u0982\u09B2\u09BE\u09A6\u09C7\u09B6 \u2021 \u00a8 "
		    "\u09A2\u09BE\u0995\u09BE \u09B6\u09B9\u09B0";
		static const char onekind[] = "Zx\u2021i Zx\u2021i Zx\u2021i abcdefghij abcdefghij abcdefghij";

		ok(text_legacy_font(bijoy, strlen(bijoy)) >= 5, "text typed in a Bijoy-style font is flagged");
		ok(text_legacy_font(english, strlen(english)) == 0, "English with a dagger and a double dagger is not");
		ok(text_legacy_font(bengali, strlen(bengali)) == 0, "Unicode Bengali with two stray marks is not");
		ok(text_legacy_font(onekind, strlen(onekind)) == 0, "one kind of mark only is not enough");
		ok(text_legacy_font("", 0) == 0, "nothing is not");
	}
	test_prefix();
	{
		static const char line[] = "  নিজস্ব\tপ্রতিবেদক  ঢাকা, ৫ মে ";

		ok(text_words_upto(line, strlen(line), 10) == 5, "words counted across spaces and tabs");
		ok(text_words_upto(line, strlen(line), 2) == 2, "... and no further than asked");
		ok(text_words_upto("   ", 3, 4) == 0, "blanks are no word");
	}
	printf("1..%d\n", ntest);
	return nfail != 0;
}
