/*
 * tests/unit/shape.c: line shapes (filters/lib/shape.c), the recurrence key
 * of khobor learn and strip-boilerplate --chrome.  Prints TAP.
 */
#include <stdio.h>
#include <string.h>

#include "shape.h"
#include "util.h"

#include "tap.h"

static struct buf b;

static void
is_shape(const char *in, const char *want)
{
	shape_line(in, strlen(in), &b);
	if (!ok(strcmp(b.s, want) == 0, "shape of \"%s\"", in))
		printf("#   got \"%s\", want \"%s\"\n", b.s, want);
}

int
main(void)
{
	struct buf c = {0};

	prog = "shape";
	is_shape("", "");
	is_shape("  ·  |  ", "");
	is_shape("Share on Facebook", "share on facebook");
	is_shape("প্রচ্ছদ / জাতীয়", "প্রচ্ছদ জাতীয়");
	/* clock lines of different days and hours: one shape */
	is_shape("ঢাকা, ০৯:১২ পূর্বাহ্ন, বুধবার", "ঢাকা 0 0 পূর্বাহ্ন বুধবার");
	is_shape("ঢাকা,  ১১:৫৯ পূর্বাহ্ন, বুধবার ", "ঢাকা 0 0 পূর্বাহ্ন বুধবার");
	is_shape("date 2024-03-02", "date 0 0 0");
	is_shape("২৫ জুলাই ২০২৩", "0 জুলাই 0");
	/* combining marks stay inside the word: no split at the vowel sign */
	is_shape("কালবেলা", "কালবেলা");
	is_shape("সর্বশেষ\tজনপ্রিয়", "সর্বশেষ জনপ্রিয়");
	/* invalid bytes separate, never end the line */
	is_shape("ab\xff" "cd", "ab cd");

	shape_line("০৩ মে ২০২৪", strlen("০৩ মে ২০২৪"), &b);
	shape_line("25 মে 1999", strlen("25 মে 1999"), &c);
	ok(shape_key(b.s, b.len) == shape_key(c.s, c.len), "Bengali and ASCII digits give one key");
	ok(shape_key("", 0) != 0, "the key is never 0");
	buf_free(&b);
	buf_free(&c);
	printf("1..%d\n", ntest);
	return nfail != 0;
}
