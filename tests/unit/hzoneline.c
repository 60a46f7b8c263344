/*
 * tests/unit/hzoneline.c: line_words (filters/lib/hzoneline.c), the word
 * count the reader's helpers ask of their lines, read eight bytes at a
 * time: checked against the library's byte-at-a-time count
 * (text_words_upto, filters/lib/text.c) on every length up to 40 and
 * every place of a space, a tab and a Bengali letter in it.  Prints TAP.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hzonework.h"
#include "text.h"
#include "util.h"

#include "tap.h"

static void
is_words(const char *s, size_t want)
{
	size_t k = line_words(s, strlen(s));

	if (!ok(k == want, "%zu words in \"%s\"", want, s))
		printf("#   got %zu\n", k);
}

int
main(void)
{
	/* bytes whose neighbours a carry could reach: 0x19, 0x21, 0x29, 0x89, 0xA0 */
	static const char alphabet[] = { ' ', '\t', 'a', '\x19', '\x21', '\x29', '\x89', '\xA0', '\xE0' };
	char s[41];
	size_t n, i, bad = 0, tried = 0;
	unsigned long x = 1;

	prog = "hzoneline";
	is_words("", 0);
	is_words("   \t  ", 0);
	is_words("এক", 1);
	is_words("  নিজস্ব প্রতিবেদক, ঢাকা  ", 3);
	is_words("one\ttwo three\t\tfour five six seven", 7);
	/* a word that starts at the first byte of the second eight */
	is_words("1234567 ninth", 2);
	is_words("12345678 ninth", 2);
	/* a word across the eight-byte edge is one word */
	is_words("abcdefghijklmnop", 1);
	/* every string of a pseudo-random run, against the slow count */
	for (n = 0; n <= 40; n++)
		for (tried = 0; tried < 5000; tried++) {
			for (i = 0; i < n; i++) {
				x = x * 1103515245 + 12345;
				s[i] = alphabet[(x >> 16) % sizeof(alphabet)];
			}
			s[n] = '\0';
			if (line_words(s, n) != text_words_upto(s, n, SIZE_MAX))
				bad++;
		}
	ok(bad == 0, "205,000 strings of 0 to 40 bytes: the count of eight at a time is text_words_upto's");
	printf("1..%d\n", ntest);
	return nfail != 0;
}
