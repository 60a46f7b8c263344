/*
 * tests/unit/spell.c: a word misspelt by one slip (filters/lib/spell.c),
 * how the reader knows a post word typed by hand.  Prints TAP.
 */
#include <stdio.h>
#include <string.h>

#include "spell.h"
#include "util.h"

#include "tap.h"

static void
slip(const char *a, const char *b, int want, const char *what)
{
	ok(spell_one_slip(a, strlen(a), b, strlen(b)) == want, "%s: \"%s\" %s \"%s\"", what, a,
	    want ? "is one slip from" : "is not one slip from", b);
}

int
main(void)
{
	prog = "spell";
	slip("প্রবিবেদক", "প্রতিবেদক", 1, "a letter wrong");
	slip("প্রতনিধি", "প্রতিনিধি", 1, "a vowel sign missing");
	slip("প্রতিনিধ", "প্রতিনিধি", 1, "the last vowel sign missing");
	slip("প্রতিনিধিি", "প্রতিনিধি", 1, "a vowel sign twice");
	slip("প্রতিবেদকে", "প্রতিবেদক", 1, "a letter extra at the end (the caller refuses inflections)");
	slip("abdc", "abcd", 1, "two neighbours swapped");
	slip("ab", "ba", 1, "a two-letter word swapped");
	slip("প্রতিবেদক", "প্রতিবেদক", 0, "the word itself");
	slip("প্রতিনিধিরা", "প্রতিনিধি", 0, "two letters extra");
	slip("রির্পোার", "রিপোর্টার", 0, "several slips");
	slip("abdce", "abcde", 1, "a swap inside");
	slip("acbde", "abcef", 0, "a swap and a wrong letter");
	slip("a", "", 1, "one letter against none");
	slip("", "", 0, "nothing against nothing");
	slip("\xff\xfe", "ab", 0, "invalid UTF-8 is no word");
	slip("abcdefghijklmnopqrstuvwxyzabcdefg", "abcdefghijklmnopqrstuvwxyzabcdefgh", 0,
	    "a word over 32 code points");
	printf("1..%d\n", ntest);
	return nfail != 0;
}
