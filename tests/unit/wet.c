/*
 * tests/unit/wet.c: wet_title (filters/lib/wet.c), the WET <title> line
 * moved out of a page's text only when the page prints it again.  Prints TAP.
 */
#include <stdio.h>
#include <string.h>

#include "util.h"
#include "wet.h"

#include "tap.h"

static void
case_(const char *in, int want, const char *title, const char *rest, const char *what)
{
	struct buf b = {0}, t = {0};
	int got;

	buf_adds(&b, in);
	got = wet_title(&b, &t);
	ok(got == want && strcmp(b.s, rest) == 0 && (!want || strcmp(t.s, title) == 0), "%s", what);
	if (got != want || strcmp(b.s, rest) != 0)
		printf("#   got %d, body \"%s\"\n", got, b.s);
	buf_free(&b);
	buf_free(&t);
}

int
main(void)
{
	prog = "wet";
	case_("নদীর পাড়ে মেলা | কালবেলা\nমেনু\nনদীর পাড়ে মেলা\nলেখা।", 1, "নদীর পাড়ে মেলা | কালবেলা",
	    "মেনু\nনদীর পাড়ে মেলা\nলেখা।", "HEADLINE | Outlet, the headline printed below: moved out");
	case_("Dhaka Diplomat - নতুন সেতু\nনতুন সেতু\nলেখা।", 1, "Dhaka Diplomat - নতুন সেতু",
	    "নতুন সেতু\nলেখা।", "Outlet - HEADLINE: moved out");
	case_("নতুন সেতু\nনতুন সেতু\nলেখা।", 1, "নতুন সেতু", "নতুন সেতু\nলেখা।",
	    "a title equal to a line below: moved out");
	case_("প্রথম অনুচ্ছেদ, কোনো শিরোনাম নেই।\nদ্বিতীয় অনুচ্ছেদ।", 0, NULL,
	    "প্রথম অনুচ্ছেদ, কোনো শিরোনাম নেই।\nদ্বিতীয় অনুচ্ছেদ।", "a first line the page does not repeat: kept");
	case_("এক | দুই\nতিন\nচার", 0, NULL, "এক | দুই\nতিন\nচার", "a separator, but neither part printed below: kept");
	case_("একটি লাইন", 0, NULL, "একটি লাইন", "a one-line page: kept");
	case_("", 0, NULL, "", "an empty page");
	printf("1..%d\n", ntest);
	return nfail != 0;
}
