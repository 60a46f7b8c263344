/*
 * rx.c unit test: the required literal rx_exec looks for before running
 * PCRE2.  It must never make a pattern miss a subject it matches, so the
 * test checks both the literal found and, for every pattern against every
 * subject, that the prefiltered answer equals PCRE2's own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rx.h"
#include "rxmemo.h"
#include "util.h"

static int n, failed;

static void
ok(int cond, const char *what, const char *detail)
{
	n++;
	printf("%sok %d - %s%s%s\n", cond ? "" : "not ", n, what, detail ? ": " : "", detail ? detail : "");
	if (!cond)
		failed++;
}

static const struct {
	const char *pattern, *literal;	/* "" when none is safe */
} lits[] = {
	{ "abc", "abc" },
	{ "a{2}bcd", "bcd" },
	{ "ab?cde", "cde" },
	{ "x\\d+yyy", "yyy" },
	{ "\\x{41}xyz", "xyz" },
	{ "\\pLhello", "" },
	{ "a|bcd", "" },
	{ "(x|y)abcd", "abcd" },
	{ "(x[)]y)abcd", "abcd" },
	{ "[abc]defg", "defg" },
	{ "[]a]bcd", "bcd" },
	{ "\\.com", ".com" },
	{ "(?i)abcd", "" },
	{ "(?im)^কালবেলা অনলাইন$", "কালবেলা অনলাইন" },	/* Bengali has no case */
	{ "(?i)কালবেলা Online", "" },	/* a literal with a cased letter: none */
	{ "(?i)খবর ১২-৩৪", "খবর ১২-৩৪" },
	{ "(?x)a b c d", "" },
	{ "\\Qabc\\E", "" },
	{ "(?m)^কালবেলা অনলাইন", "কালবেলা অনলাইন" },
	{ "\\s*আরও পড়ুন ?: [^।?!]*$", "আরও পড়ুন" },
	{ "Error!: SQLSTATE\\[[0-9A-Z]{5}\\]:", "Error!: SQLSTATE[" },
	{ "ab", "" },
	{ "(?m)x:\\n  *\\d", "x:\n " },	/* \n and \t are one byte each */
	{ "a\\tbc", "a\tbc" },
	{ "ab\\n+cd", "" },	/* a quantified \n ends the run: "ab", "cd" */
	{ "abc\\n*", "abc" },
	{ "(?mx)abc def ghi", "" },	/* an option group of more letters: extended */
	{ "(?mi)kalbela online", "" },	/* ... caseless: a cased literal is not safe */
	{ "(?m)x(?-i:abcd)", "" },	/* an option named anywhere counts */
	{ "\\(?xabcd", "xabcd" },	/* an escaped ( opens no option group (it is made optional) */
};

/* Sets of words, one of each of which every match contains (rx_words): words "|"-joined, sets " / "; "" for none. */
static const struct {
	const char *pattern, *words;
} wordsets[] = {
	{ "^(?<value>[a-z ]+ (?:reporter|correspondent))$", "  / reporter|correspondent" },
	{ "^(?:x*|::)\\s*(?!(?:ডেস্ক|প্রতিবেদক)$)(?<value>(?:[\\p{L} ]+, )?(?:ডেস্ক|প্রতিবেদক))$", "ডেস্ক|প্রতিবেদক" },
	{ "^(?:desk|reporter)?abc", "abc" },	/* optional */
	{ "^(?:desks*|reporter)", "desk|reporter" },	/* "desk", then a quantified letter */
	{ "(?=(?:desk1|desk2))", "" },	/* in a lookahead */
	{ "x(?:desk12|rep123){0,2}", "x" },	/* a quantifier that allows none */
	{ "x(?:desk12|rep123)+", "x / desk12|rep123" },
	{ "(?i)(?:desk12|rep123)", "" },	/* caseless, with letters that have case */
	{ "(?i)(?:ঢাকায়|কলকাতা)", "ঢাকায়|কলকাতা" },
	{ "(?:a(?:bc|de)fgh|ijklmn)", "a|ijklmn" },	/* "a" alone starts the first */
	{ "(?:a*bc|ijklmn)", "" },	/* the first starts with no literal */
	{ "^\\[(?:reporter|correspondent)\\]", "[ / reporter|correspondent / ]" },
	{ "[(](?:reporter|correspondent)", "( / reporter|correspondent" },
	{ "(?:repo\\.rter|corres\\|pondent)", "repo.rter|corres|pondent" },
	{ "(?:reporter|corres[[:alpha:]]pondent)", "" },	/* a POSIX class: none */
	{ "^\\p{L}+\\s*[:ঃ]\\s*[–—-]+$", ":|ঃ / –|—|-" },
	{ "^[a-z]+[:ঃ]?\\d{2,3}x{0,2}$", "" },	/* a range, an optional class, \\d and bounds are no words */
	{ "\\x41bc[^:]", "" },	/* an escape skipped with what follows; a negated class */
	{ "[\\s,]x\\w+", "x" },	/* a class with an escape is no set */
	{ "(?:ab|cd)(?:ef|gh)(?:ij|kl)(?:mn|op)(?:qr|st)", "ab|cd / ef|gh / ij|kl / mn|op" },	/* four sets at most */
};

static const char *const subjects[] = {
	"abc", "Rahim reporter", "a b correspondent", "xdesk12desk12", "xrep123", "x", "ঢাকায়", "কলকাতা",
	"::প্রতিবেদক", "নাম, ডেস্ক", "ডেস্ক", "[reporter]", "(correspondent", "repo.rter", "corres|pondent",
	"abcdefgh", "ijklmn", "adefgh", "x:reporter", "corres:pondent", "নাম : –", "নামঃ-", "নাম —", "abc:12",
	"abc12", "Abc", "ABC:", " :x1", "xx", "abefimoqs", "cdghklopt", "abefimo", "(reporter", "[correspondent]", "xabcx", "ABC", "aabcd", "abcde", "acde", "x123yyy", "Axyz", "hello",
	"bcd", "xabcd", "yabcd", "]abcd", "adefg", "abcdefg", "]bcd", "a.com", "acom",
	"ABCD", "abcd", "a b c d", "কালবেলা অনলাইন", "এর আগে। আরও পড়ুন : শিরোনাম",
	"Error!: SQLSTATE[42S22]: x", "", "ab", "কালবেলা ONLINE", "কালবেলা online",
	"খবর ১২-৩৪", "x:\n 5", "x:\n  5", "x:\n5", "a\tbc", "abc", "ab\n\ncd", "abcd",
	"abcdefghi", "KALBELA ONLINE", "xabcd",
};

/*
 * The patterns share one match data (rx.c): a pattern's groups are still its
 * own after another pattern has run, and a pattern with more groups than
 * any before it gets them all.
 */
static void
groups_kept(void)
{
	struct rx *a = rx_builtin("(b+)(c)", 0), *b = rx_builtin("(x)(y)(z)(w)?(q)", 0);
	size_t so = 0, eo = 0;

	ok(rx_exec(a, "abbcd", 5, 0, 0) == RX_MATCH, "shared match data: the first pattern matches", NULL);
	ok(rx_exec(b, "__xyzq", 6, 0, 0) == RX_MATCH, "shared match data: a second, with more groups, matches", NULL);
	ok(rx_exec(a, "zzz", 3, 0, 0) == RX_NOMATCH, "shared match data: the first fails on another subject", NULL);
	ok(rx_group(a, 1, &so, &eo) && so == 1 && eo == 3, "shared match data: the first's group 1 is still 1-3", NULL);
	ok(rx_group(a, 2, &so, &eo) && so == 3 && eo == 4, "shared match data: and its group 2 3-4", NULL);
	ok(rx_group(b, 5, &so, &eo) && so == 5 && eo == 6, "shared match data: the second's group 5 is 5-6", NULL);
	ok(!rx_group(b, 4, &so, &eo), "shared match data: the second's unset group 4 is unset", NULL);
	ok(!rx_group(a, 3, &so, &eo), "shared match data: no group 3 in the first", NULL);
	rx_free(a);
	rx_free(b);
}

/*
 * Named groups are numbered from a table rx.c keeps (a pattern read from
 * the pattern cache has no compiled code until it runs): the answers of
 * pcre2_substring_number_from_name(), a name given twice included.
 */
static void
names_kept(void)
{
	struct rx *a = rx_builtin("(x)(?<date>\\d+)-(?<value>[a-z]+)", 0);
	struct rx *d = rx_builtin("(?J)(?<v>a)|(?<v>b)", 0);
	struct rx *none = rx_builtin("(a)(b)", 0);

	ok(rx_named(a, "date") == 2, "named groups: date is group 2", NULL);
	ok(rx_named(a, "value") == 3, "named groups: value is group 3", NULL);
	ok(rx_named(a, "val") == -1 && rx_named(a, "values") == -1, "named groups: no prefix or longer name", NULL);
	ok(rx_named(d, "v") == -1 && pcre2_substring_number_from_name(rx_code(d), (PCRE2_SPTR)"v") < 0,
	    "named groups: a name given twice is -1", NULL);
	ok(rx_named(none, "value") == -1, "named groups: none in a pattern without names", NULL);
	rx_free(a);
	rx_free(d);
	rx_free(none);
}

/*
 * The memo (rxmemo.h) answers a pattern run again on the same bytes as
 * the match did: the groups of that match back, a miss a miss; the same
 * buffer with other bytes in it, another start, another pattern at a
 * freed one's address are matched anew.
 */
static void
memo_kept(void)
{
	struct rx *a = rx_builtin("(b+)(c)", 0), *b;
	struct rxmemo *m = rxmemo_new();
	char buf[] = "abbcd", other[] = "xabbcd";
	size_t so = 0, eo = 0;

	ok(rx_memo(m) == NULL, "memo: none lent before", NULL);
	ok(rx_exec(a, buf, 5, 0, 0) == RX_MATCH, "memo: a match", NULL);
	ok(rx_exec(a, "zzz", 3, 0, 0) == RX_NOMATCH, "memo: a miss on another subject", NULL);
	ok(rx_exec(a, "zzz", 3, 0, 0) == RX_NOMATCH, "memo: the miss again", NULL);
	ok(rx_exec(a, other + 1, 5, 0, 0) == RX_MATCH && rx_group(a, 1, &so, &eo) && so == 1 && eo == 3,
	    "memo: the same bytes elsewhere give the first match's groups", NULL);
	memcpy(buf, "abbbc", 5);
	ok(rx_exec(a, buf, 5, 0, 0) == RX_MATCH && rx_group(a, 1, &so, &eo) && so == 1 && eo == 4,
	    "memo: the same buffer with other bytes is matched anew", NULL);
	ok(rx_exec(a, buf, 5, 2, 0) == RX_MATCH && rx_group(a, 1, &so, &eo) && so == 2 && eo == 4,
	    "memo: another start is matched anew", NULL);
	ok(rx_exec(a, buf, 4, 0, 0) == RX_NOMATCH, "memo: a shorter subject is matched anew", NULL);
	rx_free(a);
	b = rx_builtin("(a)(b)", 0);	/* perhaps where a was */
	ok(rx_exec(b, buf, 5, 0, 0) == RX_MATCH && rx_group(b, 2, &so, &eo) && so == 1 && eo == 2,
	    "memo: a pattern freed is forgotten", NULL);
	ok(rx_memo(NULL) == m, "memo: the one lent given back", NULL);
	ok(rx_exec(b, "zab", 3, 0, 0) == RX_MATCH && rx_group(b, 1, &so, &eo) && so == 1 && eo == 2,
	    "memo: after its end, patterns run as before", NULL);
	rx_free(b);
	rxmemo_free(m);
}

/*
 * A held subject (rx_hold) is known by its address while held: its answers
 * are the memo's as before; released, the same buffer with other bytes is
 * matched anew; a memo forgotten meanwhile (its subjects renumbered) or
 * another memo lent lets no held number stand for another subject.
 */
static void
memo_held(void)
{
	struct rx *a = rx_builtin("(b+)(c)", 0), *d = rx_builtin("[dq]", 0);	/* no literal to look for first */
	struct rxmemo *m = rxmemo_new(), *m2 = rxmemo_new();
	char buf[] = "abbcd";
	size_t so = 0, eo = 0;

	(void)rx_memo(m);
	rx_hold(buf, 5);
	ok(rx_exec(a, buf, 5, 0, 0) == RX_MATCH && rx_group(a, 1, &so, &eo) && so == 1 && eo == 3,
	    "hold: a match on the held subject", NULL);
	ok(rx_exec(d, buf, 5, 0, 0) == RX_MATCH, "hold: another pattern on it", NULL);
	ok(rx_exec(a, "zzz", 3, 0, 0) == RX_NOMATCH, "hold: another subject meanwhile is its own", NULL);
	ok(rx_exec(a, buf, 4, 0, 0) == RX_MATCH && rx_group(a, 2, &so, &eo) && so == 3 && eo == 4,
	    "hold: a shorter subject at the same address is not the held one", NULL);
	rx_release();
	memcpy(buf, "abbbc", 5);
	ok(rx_exec(a, buf, 5, 0, 0) == RX_MATCH && rx_group(a, 1, &so, &eo) && so == 1 && eo == 4,
	    "hold: released, the buffer with other bytes is matched anew", NULL);
	/* Held as subject 0, then subject 0 another's: a held number left standing would answer for it. */
	rxmemo_forget(m);
	rx_hold(buf, 5);
	rxmemo_forget(m);
	ok(rx_exec(d, "xbcd", 4, 0, 0) == RX_MATCH, "hold: a memo forgotten, another subject first", NULL);
	ok(rx_exec(d, buf, 5, 0, 0) == RX_NOMATCH, "hold: the held number does not outlive the memo's forgetting", NULL);
	rxmemo_forget(m);
	rx_hold(buf, 5);
	(void)rx_memo(m2);
	ok(rx_exec(d, "zd", 2, 0, 0) == RX_MATCH, "hold: another memo's first subject", NULL);
	ok(rx_exec(d, buf, 5, 0, 0) == RX_NOMATCH && rx_exec(a, buf, 5, 0, 0) == RX_MATCH,
	    "hold: held in one memo, not in another", NULL);
	rx_release();
	(void)rx_memo(NULL);
	rx_free(a);
	rx_free(d);
	rxmemo_free(m);
	rxmemo_free(m2);
}

/* On how many subjects RE (PATTERN) answers otherwise than PCRE2 alone; each is shown. */
static size_t
answers_differ(struct rx *re, const char *pattern)
{
	size_t j, mismatches = 0;

	for (j = 0; j < sizeof(subjects) / sizeof(subjects[0]); j++) {
		const char *s = subjects[j];
		int with = rx_exec(re, s, strlen(s), 0, 0);
		pcre2_match_data *pmd = pcre2_match_data_create_from_pattern(rx_code(re), NULL);
		int plain = pcre2_match(rx_code(re), (PCRE2_SPTR)s, strlen(s), 0, 0, pmd, NULL) >= 0;

		pcre2_match_data_free(pmd);
		if ((with == RX_MATCH) != plain) {
			printf("# %s on \"%s\": prefiltered %d, PCRE2 %d\n", pattern, s, with, plain);
			mismatches++;
		}
	}
	return mismatches;
}

/*
 * The words rx_words finds in PATTERN, and the answer with them (a busy
 * pattern's, with a memo lent, as the reader runs it) against PCRE2's own
 * on every subject.
 */
static void
words_kept(const char *pattern, const char *want)
{
	struct rx *re = rx_builtin(pattern, 0);
	struct rxword *w = NULL;
	struct rxmemo *m = rxmemo_new();
	char got[512] = "", detail[700];
	size_t k, nw = rx_words(pattern, strlen(pattern), 0, &w), mismatches = 0;
	int pass;

	for (k = 0; k < nw; k++) {
		snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%.*s",
		    k == 0 ? "" : w[k].set != w[k - 1].set ? " / " : "|", (int)w[k].len, w[k].s);
		free(w[k].s);
	}
	free(w);
	snprintf(detail, sizeof(detail), "%s gives [%s]", pattern, got);
	ok(strcmp(got, want) == 0, "the required words", detail);
	(void)rx_memo(m);
	/* The first pass makes the pattern busy (its words looked for), the second runs with them. */
	for (pass = 0; pass < 2; pass++) {
		mismatches += answers_differ(re, pattern);
		rxmemo_forget(m);
	}
	(void)rx_memo(NULL);
	rxmemo_free(m);
	snprintf(detail, sizeof(detail), "%s, on %zu subjects", pattern, sizeof(subjects) / sizeof(subjects[0]));
	ok(mismatches == 0 && (re->lit != NULL || re->nwords == nw), "the words never change the answer", detail);
	rx_free(re);
}

int
main(void)
{
	size_t i, mismatches;

	prog = "rx";
	for (i = 0; i < sizeof(lits) / sizeof(lits[0]); i++) {
		struct rx *re = rx_builtin(lits[i].pattern, 0);
		char detail[256];

		snprintf(detail, sizeof(detail), "%s gives [%.*s]", lits[i].pattern,
		    re->lit ? (int)re->litlen : 0, re->lit ? re->lit : "");
		ok((re->lit ? strlen(lits[i].literal) == re->litlen && memcmp(re->lit, lits[i].literal, re->litlen) == 0 :
		    lits[i].literal[0] == '\0'), "the required literal", detail);
		/* One check per pattern: its answer on every subject, with the
		 * prefilter and by PCRE2 alone; each subject that differs is shown. */
		mismatches = answers_differ(re, lits[i].pattern);
		snprintf(detail, sizeof(detail), "%s, on %zu subjects", lits[i].pattern,
		    sizeof(subjects) / sizeof(subjects[0]));
		ok(mismatches == 0, "the prefilter never changes the answer", detail);
		rx_free(re);
	}
	for (i = 0; i < sizeof(wordsets) / sizeof(wordsets[0]); i++)
		words_kept(wordsets[i].pattern, wordsets[i].words);
	groups_kept();
	names_kept();
	memo_kept();
	memo_held();
	rx_cleanup();
	printf("1..%d\n", n);
	return failed ? 1 : 0;
}
