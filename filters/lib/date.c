/*
 * date.c: the date reader behind normalize-date (see date.h).
 *
 * A string is cut into tokens (numbers in any digits a language file
 * gives, words looked up in the merged vocabulary, punctuation); the time
 * of day is found first, then day, month and year are matched against the
 * orders the languages allow.  Every reading that fits is kept: one
 * reading is a date, two different ones are a warning, never a guess.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

#include "date.h"
#include "hash.h"
#include "text.h"
#include "util.h"
#include "yml.h"

/* What a word means. */
enum kind {
	K_NONE = 0,
	K_MONTH,	/* a: month 1..12 */
	K_BMONTH,	/* a: Bangla calendar month 1..12 */
	K_WEEKDAY,	/* a: ISO weekday 1..7 */
	K_HOURS,	/* a..b: the hours of the day it names; flag: may follow a bare hour */
	K_HOURWORD,	/* "টা": the number before it is an hour */
	K_MINWORD,	/* "মিনিট": the number before it is minutes */
	K_ORDINAL,	/* "শে", "th": the number before it is a day */
	K_ERA,		/* a: calendar (-1: any); the number before it is a year */
	K_ZONE,		/* a: offset in seconds east of UTC */
	K_FILLER,	/* ignored */
	K_RELDAY,	/* a: days from the publication date */
	K_PAST,		/* "গত": the latest such date before publication */
	K_NEXT,		/* "আগামী": the first such date after publication */
	K_RANGE		/* "থেকে": from one date to another */
};

static const char *const kind_names[] = {
	"", "a month", "a Bangla month", "a weekday", "a part of the day",
	"an hour word", "a minute word", "an ordinal suffix", "an era word",
	"a zone", "a filler word", "a relative day", "a past word", "a next word",
	"a range word"
};

#define KEYMAX 64		/* longest word key, in bytes */
#define MAXORD 16		/* orders per language */

struct word {
	char *key;		/* NFC, ASCII lower-cased, without '.' and joiners */
	unsigned char kind, flag;
	int a, b;
	unsigned line, col;	/* where the file lists it, for duplicate messages */
};

/* One set of Bangla calendar rules, in force from Bangla year 'from' on. */
struct bnrule {
	int from;
	int offset;		/* Gregorian year of the first day = Bangla year + offset */
	int nm, nd;		/* the Gregorian month and day of the first day */
	int len[12];		/* month lengths in a common year */
	int leap;		/* the month that gains a day, 1..12 */
};

struct digit {
	int32_t cp;
	int v;
};

struct datelang {
	char *name;
	struct word *w;
	size_t nw, capw;
	struct digit dig[40];
	size_t ndig;
	int32_t colon[8];
	size_t ncolon;
	char order[MAXORD][8];
	size_t norder;
	struct bnrule *rule;
	size_t nrule;
	char *wdname[8];	/* the first name of each weekday, for messages */
};

/* Character classes of the tokenizer, one byte per BMP code point. */
enum { C_LETTER = 0, C_SPACE = 1, C_JOINER = 2, C_DIGIT0 = 3 /* .. 12 */ };
/* Values 33..126 are punctuation, as the ASCII character it counts as. */

struct dateset {
	struct hmap words;	/* key -> const struct word * */
	unsigned char *cls;		/* 65536 entries */
	char order[4 * MAXORD][8];
	size_t norder;
	const struct bnrule *rule;
	size_t nrule;
	const char *wdname[8];
};

/* ---------------------------------------------------------------- */
/* Words and keys                                                     */

static int
is_joiner(int32_t cp)
{
	return cp == 0x200C || cp == 0x200D;	/* ZWNJ, ZWJ: spelling variants, not letters */
}

/* The class of a code point from Unicode alone, before a language adds digits and colons. */
static int
base_class(int32_t cp)
{
	if (cp < 0x80) {
		if (cp <= 0x20 || cp == 0x7f)
			return C_SPACE;
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'))
			return C_LETTER;	/* ASCII digits are digits only if a language says so */
		return (int)cp;
	}
	if (is_joiner(cp))
		return C_JOINER;
	if (cp == 0x00A0 || cp == 0x200B || cp == 0xFEFF || cp == 0x2060)
		return C_SPACE;
	if (cp == 0x0964 || cp == 0x0965)
		return '|';	/* dari: the Bengali full stop ends a sentence */
	if (cp == 0x2026)
		return '.';
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
		return C_SPACE;
	case UTF8PROC_CATEGORY_PD:
		return '-';
	case UTF8PROC_CATEGORY_PS:
		return '(';
	case UTF8PROC_CATEGORY_PE:
		return ')';
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
		return '"';
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PO:
	case UTF8PROC_CATEGORY_SM:
	case UTF8PROC_CATEGORY_SC:
	case UTF8PROC_CATEGORY_SK:
	case UTF8PROC_CATEGORY_SO:
		return cp == 0xFF0C || cp == 0x060C || cp == 0x3001 ? ',' : '?';
	default:
		return C_LETTER;
	}
}

/*
 * The lookup key of a word: NFC text with ASCII lower-cased and '.' and
 * joiners dropped, so "A.M." and "am", or a word typed with and without
 * ZWNJ, are the same word.  Returns the key length, or -1 if too long.
 */
static int
make_key(const char *s, size_t n, char *key)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '.')
			continue;
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x8C || (unsigned char)s[i + 2] == 0x8D)) {
			i += 2;		/* U+200C, U+200D */
			continue;
		}
		if (k + 1 >= KEYMAX)
			return -1;
		key[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	key[k] = '\0';
	return (int)k;
}

/* ---------------------------------------------------------------- */
/* Loading and checking a language file                               */

struct loadctx {
	struct datelang *l;
	struct ymldoc *doc;
};

static int
lang_digit(const struct datelang *l, int32_t cp)
{
	size_t i;

	for (i = 0; i < l->ndig; i++)
		if (l->dig[i].cp == cp)
			return l->dig[i].v;
	return -1;
}

static int
lang_colon(const struct datelang *l, int32_t cp)
{
	size_t i;

	for (i = 0; i < l->ncolon; i++)
		if (l->colon[i] == cp)
			return 1;
	return 0;
}

static void
add_word(struct loadctx *c, const struct yml *n, int kind, int a, int b, int flag)
{
	struct datelang *l = c->l;
	char key[KEYMAX];
	const unsigned char *p;
	size_t i;
	int32_t cp;
	int k;

	if (n->type != YML_SCALAR) {
		yml_error(c->doc, n, "a word must be a string");
		return;
	}
	/* A word must come out of the tokenizer as one word, or it could never match. */
	for (p = (const unsigned char *)n->str; p < (const unsigned char *)n->str + n->len; p += k) {
		int cl;

		k = text_decode(p, (size_t)((const unsigned char *)n->str + n->len - p), &cp);
		if (k < 0) {
			yml_error(c->doc, n, "'%s' is not valid UTF-8", n->str);
			return;
		}
		cl = base_class(cp);
		if (cp == '.' || cl == C_LETTER || cl == C_JOINER) {
			if (lang_digit(l, cp) >= 0) {
				yml_error(c->doc, n, "'%s' contains a digit of this language; "
				    "a word is letters only", n->str);
				return;
			}
			if (lang_colon(l, cp)) {
				yml_error(c->doc, n, "'%s' contains a character that 'colons' makes "
				    "a time separator; write the word without it", n->str);
				return;
			}
			continue;
		}
		yml_error(c->doc, n, "'%s' is not one word: it contains %s '%.*s'", n->str,
		    cl == C_SPACE ? "the space" : "the punctuation", k, (const char *)p);
		return;
	}
	if ((k = make_key(n->str, n->len, key)) < 0) {
		yml_error(c->doc, n, "'%s' is too long for a word (at most %d bytes)", n->str, KEYMAX - 1);
		return;
	}
	if (k == 0) {
		yml_error(c->doc, n, "an empty word");
		return;
	}
	for (i = 0; i < l->nw; i++)
		if (strcmp(l->w[i].key, key) == 0) {
			yml_error(c->doc, n, "'%s' is already listed at line %u, column %u (as %s)%s",
			    n->str, l->w[i].line, l->w[i].col, kind_names[l->w[i].kind],
			    strchr(n->str, '.') || strcmp(n->str, key) ? "; case, dots and joiners do not count" : "");
			return;
		}
	if (l->nw == l->capw) {
		l->capw = l->capw ? l->capw * 2 : 64;
		l->w = erealloc(l->w, l->capw * sizeof(*l->w));
	}
	l->w[l->nw].key = estrdup(key);
	l->w[l->nw].kind = (unsigned char)kind;
	l->w[l->nw].flag = (unsigned char)flag;
	l->w[l->nw].a = a;
	l->w[l->nw].b = b;
	l->w[l->nw].line = n->line;
	l->w[l->nw].col = n->col;
	l->nw++;
}

static void
add_words(struct loadctx *c, const struct yml *n, const char *what, int kind, int a, int b, int flag)
{
	const struct yml **items;
	size_t i, ni;

	if (yml_strlist(c->doc, n, &items, &ni, what) < 0)
		return;
	if (ni == 0)
		yml_error(c->doc, n, "%s needs at least one word", what);
	for (i = 0; i < ni; i++)
		add_word(c, items[i], kind, a, b, flag);
	free(items);
}

/* A whole number, possibly negative, in [lo, hi]. */
static int
get_int(struct loadctx *c, const struct yml *n, long lo, long hi, int *out)
{
	char *end;
	long v;

	if (n->type == YML_SCALAR && n->len > 0) {
		errno = 0;
		v = strtol(n->str, &end, 10);
		if (*end == '\0' && errno == 0 && v >= lo && v <= hi) {
			*out = (int)v;
			return 0;
		}
	}
	yml_error(c->doc, n, "expected a whole number from %ld to %ld", lo, hi);
	return -1;
}

/* A mapping from numbers LO..HI, every one present, to lists of words. */
static void
numbered_words(struct loadctx *c, const struct yml *map, const char *what, int lo, int hi, int kind,
    char **first)
{
	const struct yml *seen[32] = {0};
	size_t i;
	int v;

	if (yml_want(c->doc, map, YML_MAP, what) < 0)
		return;
	for (i = 0; i < yml_npairs(map); i++) {
		const struct yml *k = yml_key(map, i), *val = yml_val(map, i);

		if (get_int(c, k, lo, hi, &v) < 0)
			continue;
		if (seen[v - lo]) {
			yml_error(c->doc, k, "%s %d is listed twice (first at line %u)", what, v, seen[v - lo]->line);
			continue;
		}
		seen[v - lo] = k;
		if (first && val->type == YML_SEQ && val->nkid > 0 && val->kid[0]->type == YML_SCALAR)
			first[v] = estrdup(val->kid[0]->str);
		else if (first && val->type == YML_SCALAR)
			first[v] = estrdup(val->str);
		add_words(c, val, what, kind, v, 0, 0);
	}
	for (v = lo; v <= hi; v++)
		if (!seen[v - lo])
			yml_error(c->doc, map, "%s %d has no words; give all of %d to %d", what, v, lo, hi);
}

static void
load_digits(struct loadctx *c, const struct yml *n)
{
	const struct yml **items;
	size_t i, ni;

	if (yml_strlist(c->doc, n, &items, &ni, "'digits'") < 0)
		return;
	for (i = 0; i < ni; i++) {
		const unsigned char *p = (const unsigned char *)items[i]->str;
		const unsigned char *end = p + items[i]->len;
		int v = 0, k;
		int32_t cp;

		for (; p < end; p += k, v++) {
			if ((k = text_decode(p, (size_t)(end - p), &cp)) < 0 || v >= 10)
				break;
			if (base_class(cp) != C_LETTER) {
				yml_error(c->doc, items[i], "'%s': digit %d is a space or punctuation", items[i]->str, v);
				break;
			}
			if (lang_digit(c->l, cp) >= 0) {
				yml_error(c->doc, items[i], "'%s': digit %d is already a digit", items[i]->str, v);
				break;
			}
			if (c->l->ndig < sizeof(c->l->dig) / sizeof(c->l->dig[0])) {
				c->l->dig[c->l->ndig].cp = cp;
				c->l->dig[c->l->ndig++].v = v;
			}
		}
		if (p != end || v != 10)
			yml_error(c->doc, items[i], "'digits' items are the ten digits 0 to 9 in order, "
			    "like \"0123456789\"; '%s' is not", items[i]->str);
	}
	if (ni > 4)
		yml_error(c->doc, n, "at most 4 sets of digits");
	free(items);
}

static void
load_colons(struct loadctx *c, const struct yml *n)
{
	const struct yml **items;
	size_t i, ni;

	if (yml_strlist(c->doc, n, &items, &ni, "'colons'") < 0)
		return;
	for (i = 0; i < ni; i++) {
		int32_t cp;
		int k = text_decode((const unsigned char *)items[i]->str, items[i]->len, &cp);

		if (k < 0 || (size_t)k != items[i]->len || base_class(cp) == C_SPACE || lang_digit(c->l, cp) >= 0)
			yml_error(c->doc, items[i], "a colon is one character that is not a space or a digit");
		else if (c->l->ncolon < sizeof(c->l->colon) / sizeof(c->l->colon[0]))
			c->l->colon[c->l->ncolon++] = cp;
		else
			yml_error(c->doc, items[i], "too many colons (at most 8)");
	}
	free(items);
}

static void
load_orders(struct loadctx *c, const struct yml *n)
{
	const struct yml **items;
	size_t i, ni, j;

	if (yml_strlist(c->doc, n, &items, &ni, "'orders'") < 0)
		return;
	for (i = 0; i < ni; i++) {
		char o[8];
		size_t k = 0;
		int d = 0, m = 0, y = 0, bad = 0;

		for (j = 0; j < items[i]->len; j++) {
			char ch = items[i]->str[j];

			if (ch == ' ')
				continue;
			if (k >= 3 || (ch != 'd' && ch != 'm' && ch != 'M' && ch != 'y')) {
				bad = 1;
				break;
			}
			d += ch == 'd';
			m += ch == 'm' || ch == 'M';
			y += ch == 'y';
			o[k++] = ch;
		}
		o[k] = '\0';
		if (bad || d != 1 || m != 1 || y != 1) {
			yml_error(c->doc, items[i], "an order is d, y and one of M (month name) or m (month "
			    "number), each once, in the order the page prints them, like 'd M y'; "
			    "'%s' is not", items[i]->str);
			continue;
		}
		for (j = 0; j < c->l->norder; j++)
			if (strcmp(c->l->order[j], o) == 0)
				break;
		if (j < c->l->norder)
			yml_error(c->doc, items[i], "order '%s' is listed twice", items[i]->str);
		else if (c->l->norder == MAXORD)
			yml_error(c->doc, items[i], "too many orders (at most %d)", MAXORD);
		else
			memcpy(c->l->order[c->l->norder++], o, k + 1);
	}
	free(items);
}

static void
load_dayparts(struct loadctx *c, const struct yml *n)
{
	static const char *const keys[] = { "words", "hours", NULL };
	size_t i;

	if (yml_want(c->doc, n, YML_SEQ, "'dayparts'") < 0)
		return;
	for (i = 0; i < n->nkid; i++) {
		const struct yml *p = n->kid[i], *w, *h;
		int from, to, span;

		if (yml_want(c->doc, p, YML_MAP, "a day part") < 0)
			continue;
		yml_keys(c->doc, p, keys, "a day part");
		w = yml_get(p, "words");
		h = yml_get(p, "hours");
		if (w == NULL || h == NULL) {
			yml_error(c->doc, p, "a day part needs 'words' and 'hours: [FROM, TO]'");
			continue;
		}
		if (h->type != YML_SEQ || h->nkid != 2) {
			yml_error(c->doc, h, "'hours' is [FROM, TO], the first and last hour (0 to 23) "
			    "the words cover, like [18, 5] for 18:00 to 05:59");
			continue;
		}
		if (get_int(c, h->kid[0], 0, 23, &from) < 0 || get_int(c, h->kid[1], 0, 23, &to) < 0)
			continue;
		/*
		 * A 12-hour reading h can be h or h + 12; the range must hold
		 * at most one of the two, or the words would not settle it.
		 */
		span = (to - from + 24) % 24 + 1;
		if (span > 12) {
			yml_error(c->doc, h, "hours %d to %d span %d hours; a day part spans at most 12, "
			    "or it could not tell 2 from 14", from, to, span);
			continue;
		}
		add_words(c, w, "'words'", K_HOURS, from, to, 0);
	}
}

static int
parse_offset(const char *s, int *out)
{
	int sign, h, m;

	if ((s[0] != '+' && s[0] != '-') || strlen(s) != 6 || s[3] != ':')
		return -1;
	if (s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9' || s[4] < '0' || s[4] > '5' ||
	    s[5] < '0' || s[5] > '9')
		return -1;
	sign = s[0] == '-' ? -1 : 1;
	h = (s[1] - '0') * 10 + s[2] - '0';
	m = (s[4] - '0') * 10 + s[5] - '0';
	if (h > 14)
		return -1;
	*out = sign * (h * 3600 + m * 60);
	return 0;
}

static void
load_zones(struct loadctx *c, const struct yml *n)
{
	size_t i;

	if (yml_want(c->doc, n, YML_MAP, "'zones'") < 0)
		return;
	for (i = 0; i < yml_npairs(n); i++) {
		const struct yml *k = yml_key(n, i), *v = yml_val(n, i);
		int off;

		if (v->type != YML_SCALAR || parse_offset(v->str, &off) < 0) {
			yml_error(c->doc, v, "a zone's offset is a quoted string like \"+06:00\" or \"-05:00\"");
			continue;
		}
		add_word(c, k, K_ZONE, off, 0, 0);
	}
}

static void
load_eras(struct loadctx *c, const struct yml *n)
{
	static const char *const keys[] = { "gregorian", "bangla", "year", NULL };
	const struct yml *v;

	if (yml_want(c->doc, n, YML_MAP, "'eras'") < 0)
		return;
	yml_keys(c->doc, n, keys, "'eras'");
	if ((v = yml_get(n, "gregorian")) != NULL)
		add_words(c, v, "'gregorian'", K_ERA, CAL_GREGORIAN, 0, 0);
	if ((v = yml_get(n, "bangla")) != NULL)
		add_words(c, v, "'bangla'", K_ERA, CAL_BANGLA, 0, 0);
	if ((v = yml_get(n, "year")) != NULL)
		add_words(c, v, "'year'", K_ERA, -1, 0, 0);
}

static void
load_ampm(struct loadctx *c, const struct yml *n)
{
	static const char *const keys[] = { "am", "pm", NULL };
	const struct yml *v;

	if (yml_want(c->doc, n, YML_MAP, "'ampm'") < 0)
		return;
	yml_keys(c->doc, n, keys, "'ampm'");
	/* The 12-hour clock itself: AM is 00:00 to 11:59, PM 12:00 to 23:59. */
	if ((v = yml_get(n, "am")) != NULL)
		add_words(c, v, "'am'", K_HOURS, 0, 11, 1);
	if ((v = yml_get(n, "pm")) != NULL)
		add_words(c, v, "'pm'", K_HOURS, 12, 23, 1);
}

static void
load_relative(struct loadctx *c, const struct yml *n)
{
	static const char *const keys[] = { "days", "past", "next", "range", NULL };
	const struct yml *v;
	size_t i;

	if (yml_want(c->doc, n, YML_MAP, "'relative'") < 0)
		return;
	yml_keys(c->doc, n, keys, "'relative'");
	if ((v = yml_get(n, "days")) != NULL && yml_want(c->doc, v, YML_MAP, "'days'") == 0)
		for (i = 0; i < yml_npairs(v); i++) {
			int d;

			if (get_int(c, yml_key(v, i), -7, 7, &d) == 0)
				add_words(c, yml_val(v, i), "a relative day", K_RELDAY, d, 0, 0);
		}
	if ((v = yml_get(n, "past")) != NULL)
		add_words(c, v, "'past'", K_PAST, 0, 0, 0);
	if ((v = yml_get(n, "next")) != NULL)
		add_words(c, v, "'next'", K_NEXT, 0, 0, 0);
	if ((v = yml_get(n, "range")) != NULL)
		add_words(c, v, "'range'", K_RANGE, 0, 0, 0);
}

static int
by_from_desc(const void *a, const void *b)
{
	return ((const struct bnrule *)b)->from - ((const struct bnrule *)a)->from;
}

static void
load_calendar(struct loadctx *c, const struct yml *n)
{
	static const char *const keys[] = { "from", "year_offset", "new_year", "months", "leap_month", NULL };
	size_t i, j;

	if (yml_want(c->doc, n, YML_SEQ, "'bangla_calendar'") < 0)
		return;
	if (n->nkid == 0)
		yml_error(c->doc, n, "'bangla_calendar' needs at least one set of rules");
	c->l->rule = ecalloc(n->nkid, sizeof(*c->l->rule));
	for (i = 0; i < n->nkid; i++) {
		const struct yml *r = n->kid[i], *v;
		struct bnrule *br = &c->l->rule[c->l->nrule];
		int sum = 0, bad = 0;

		if (yml_want(c->doc, r, YML_MAP, "a calendar rule") < 0)
			continue;
		if (yml_keys(c->doc, r, keys, "a calendar rule") < 0)
			continue;
		for (j = 0; keys[j]; j++)
			if (yml_get(r, keys[j]) == NULL) {
				yml_error(c->doc, r, "a calendar rule needs '%s'", keys[j]);
				bad = 1;
			}
		if (bad)
			continue;
		bad |= get_int(c, yml_get(r, "from"), 1, 9999, &br->from);
		bad |= get_int(c, yml_get(r, "year_offset"), -9999, 9999, &br->offset);
		bad |= get_int(c, yml_get(r, "leap_month"), 1, 12, &br->leap);
		v = yml_get(r, "new_year");
		if (v->type != YML_SEQ || v->nkid != 2 || get_int(c, v->kid[0], 1, 12, &br->nm) < 0 ||
		    get_int(c, v->kid[1], 1, 28, &br->nd) < 0) {
			yml_error(c->doc, v, "'new_year' is [MONTH, DAY], the Gregorian date of the first "
			    "day of the year, like [4, 14]");
			bad = 1;
		}
		v = yml_get(r, "months");
		if (v->type != YML_SEQ || v->nkid != 12) {
			yml_error(c->doc, v, "'months' lists the lengths of the 12 months in a common year");
			continue;
		}
		for (j = 0; j < 12; j++) {
			bad |= get_int(c, v->kid[j], 28, 32, &br->len[j]);
			sum += br->len[j];
		}
		if (!bad && sum != 365) {
			yml_error(c->doc, v, "the months add up to %d days; a common year has 365", sum);
			bad = 1;
		}
		for (j = 0; j < c->l->nrule && !bad; j++)
			if (c->l->rule[j].from == br->from) {
				yml_error(c->doc, yml_get(r, "from"), "two rules start in year %d", br->from);
				bad = 1;
			}
		if (!bad)
			c->l->nrule++;
	}
	qsort(c->l->rule, c->l->nrule, sizeof(*c->l->rule), by_from_desc);
}

struct datelang *
datelang_load(const char *file, const char *name)
{
	static const char *const keys[] = {
		"name", "digits", "colons", "months", "weekdays", "ampm", "dayparts",
		"hour_words", "minute_words", "ordinals", "eras", "zones", "fillers",
		"orders", "bangla_months", "bangla_calendar", "relative", NULL
	};
	struct loadctx c;
	unsigned before = yml_nerrors;
	const struct yml *root, *v;

	if ((c.doc = yml_load(file)) == NULL)
		return NULL;
	c.l = ecalloc(1, sizeof(*c.l));
	c.l->name = estrdup(name);
	root = c.doc->root;
	if (root == NULL) {
		yml_error(c.doc, NULL, "empty date language file; it needs at least 'digits', 'months' and 'orders'");
		goto out;
	}
	if (yml_want(c.doc, root, YML_MAP, "a date language file") < 0)
		goto out;
	yml_keys(c.doc, root, keys, "a date language file");
	if ((v = yml_get(root, "name")) != NULL)
		yml_want(c.doc, v, YML_SCALAR, "'name'");
	/* Digits and colons first: words are checked against them. */
	if ((v = yml_get(root, "digits")) != NULL)
		load_digits(&c, v);
	else
		yml_error(c.doc, root, "no 'digits': give the digits pages print, like \"0123456789\"");
	if ((v = yml_get(root, "colons")) != NULL)
		load_colons(&c, v);
	if ((v = yml_get(root, "months")) != NULL)
		numbered_words(&c, v, "month", 1, 12, K_MONTH, NULL);
	else
		yml_error(c.doc, root, "no 'months': give the names of months 1 to 12");
	if ((v = yml_get(root, "weekdays")) != NULL)
		numbered_words(&c, v, "weekday", 1, 7, K_WEEKDAY, c.l->wdname);
	if ((v = yml_get(root, "ampm")) != NULL)
		load_ampm(&c, v);
	if ((v = yml_get(root, "dayparts")) != NULL)
		load_dayparts(&c, v);
	if ((v = yml_get(root, "hour_words")) != NULL)
		add_words(&c, v, "'hour_words'", K_HOURWORD, 0, 0, 0);
	if ((v = yml_get(root, "minute_words")) != NULL)
		add_words(&c, v, "'minute_words'", K_MINWORD, 0, 0, 0);
	if ((v = yml_get(root, "ordinals")) != NULL)
		add_words(&c, v, "'ordinals'", K_ORDINAL, 0, 0, 0);
	if ((v = yml_get(root, "eras")) != NULL)
		load_eras(&c, v);
	if ((v = yml_get(root, "zones")) != NULL)
		load_zones(&c, v);
	if ((v = yml_get(root, "fillers")) != NULL)
		add_words(&c, v, "'fillers'", K_FILLER, 0, 0, 0);
	if ((v = yml_get(root, "orders")) != NULL)
		load_orders(&c, v);
	else
		yml_error(c.doc, root, "no 'orders': say how day, month and year follow each other, like [d M y]");
	if ((v = yml_get(root, "bangla_months")) != NULL) {
		numbered_words(&c, v, "Bangla month", 1, 12, K_BMONTH, NULL);
		if (yml_get(root, "bangla_calendar") == NULL)
			yml_error(c.doc, v, "'bangla_months' without 'bangla_calendar': the months could not be converted");
	}
	if ((v = yml_get(root, "bangla_calendar")) != NULL)
		load_calendar(&c, v);
	if ((v = yml_get(root, "relative")) != NULL)
		load_relative(&c, v);
out:
	yml_free(c.doc);
	if (yml_nerrors != before) {
		datelang_free(c.l);
		return NULL;
	}
	return c.l;
}

const char *
datelang_name(const struct datelang *l)
{
	return l->name;
}

void
datelang_free(struct datelang *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->nw; i++)
		free(l->w[i].key);
	for (i = 0; i < 8; i++)
		free(l->wdname[i]);
	free(l->w);
	free(l->rule);
	free(l->name);
	free(l);
}

/* ---------------------------------------------------------------- */
/* The merged set of languages                                        */

static const struct word *
lookup(const struct dateset *ds, const char *key, size_t n)
{
	return hmap_get(&ds->words, key, n);
}

struct dateset *
dateset_new(struct datelang *const *langs, size_t n)
{
	struct dateset *ds = ecalloc(1, sizeof(*ds));
	size_t i, j, k;
	int32_t cp;

	/* The first language that defines a word gives its meaning. */
	for (i = 0; i < n; i++)
		for (j = 0; j < langs[i]->nw; j++) {
			const struct word *w = &langs[i]->w[j];

			hmap_put(&ds->words, w->key, strlen(w->key), (void *)w);
		}
	/*
	 * One class byte for every BMP code point, so the tokenizer never
	 * asks Unicode tables about a character twice.
	 */
	ds->cls = emalloc(0x10000);
	for (cp = 0; cp < 0x10000; cp++)
		ds->cls[cp] = (unsigned char)base_class(cp);
	ds->cls['\n'] = '|';	/* a line break ends a sentence, like the dari */
	for (i = n; i-- > 0;) {
		for (j = 0; j < langs[i]->ndig; j++)
			if (langs[i]->dig[j].cp < 0x10000)
				ds->cls[langs[i]->dig[j].cp] = (unsigned char)(C_DIGIT0 + langs[i]->dig[j].v);
		for (j = 0; j < langs[i]->ncolon; j++)
			if (langs[i]->colon[j] < 0x10000)
				ds->cls[langs[i]->colon[j]] = ':';
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < langs[i]->norder; j++) {
			for (k = 0; k < ds->norder; k++)
				if (strcmp(ds->order[k], langs[i]->order[j]) == 0)
					break;
			if (k == ds->norder && ds->norder < sizeof(ds->order) / sizeof(ds->order[0]))
				memcpy(ds->order[ds->norder++], langs[i]->order[j], 8);
		}
		if (ds->nrule == 0 && langs[i]->nrule > 0) {
			ds->rule = langs[i]->rule;
			ds->nrule = langs[i]->nrule;
		}
		if (ds->wdname[1] == NULL && langs[i]->wdname[1] != NULL)
			for (k = 1; k <= 7; k++)
				ds->wdname[k] = langs[i]->wdname[k];
	}
	return ds;
}

void
dateset_free(struct dateset *ds)
{
	if (ds == NULL)
		return;
	hmap_free(&ds->words);
	free(ds->cls);
	free(ds);
}

/* ---------------------------------------------------------------- */
/* Tokens                                                             */

enum { T_NUM = 1, T_WORD, T_PUNCT };

struct tok {
	unsigned char type, kind, flag, used;
	unsigned char ndig;	/* digits in a number (capped at 99) */
	unsigned char numeric;	/* part of a d/m/y group of numbers */
	char ch;		/* punctuation, as ASCII */
	int val, val2;
	unsigned start, end;	/* bytes of the input */
};

static int
classify(const struct dateset *ds, const unsigned char *p, size_t n, int32_t *cpo, int *len)
{
	int32_t cp;
	int k;

	if (*p < 0x80) {
		*len = 1;
		*cpo = *p;
		return ds->cls[*p];
	}
	if ((k = text_decode(p, n, &cp)) < 0) {
		*len = 1;
		*cpo = 0xFFFD;
		return C_LETTER;
	}
	*len = k;
	*cpo = cp;
	return cp < 0x10000 ? ds->cls[cp] : base_class(cp);
}

/*
 * The next token of s[*pos..n); 0 at the end.  A word keeps '.' inside
 * it ("a.m.") but not at its end, and is looked up by its key.
 */
static int
next_token(const struct dateset *ds, const char *s, size_t n, size_t *pos, struct tok *t)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t p = *pos;
	int32_t cp;
	int len, cl;

	for (;;) {
		if (p >= n) {
			*pos = p;
			return 0;
		}
		cl = classify(ds, u + p, n - p, &cp, &len);
		if (cl != C_SPACE)
			break;
		p += (size_t)len;
	}
	memset(t, 0, sizeof(*t));
	t->start = (unsigned)p;
	if (cl >= C_DIGIT0 && cl < C_DIGIT0 + 10) {
		t->type = T_NUM;
		while (cl >= C_DIGIT0 && cl < C_DIGIT0 + 10) {
			if (t->ndig < 9)
				t->val = t->val * 10 + (cl - C_DIGIT0);
			if (t->ndig < 99)
				t->ndig++;
			p += (size_t)len;
			if (p >= n)
				break;
			cl = classify(ds, u + p, n - p, &cp, &len);
		}
	} else if (cl > 12) {
		t->type = T_PUNCT;
		t->ch = (char)cl;
		p += (size_t)len;
	} else {
		char key[KEYMAX];
		size_t k = 0;
		int toolong = 0;
		const struct word *w;

		t->type = T_WORD;
		for (;;) {
			if (cl == C_LETTER) {
				if (k + (size_t)len >= KEYMAX)
					toolong = 1;
				else if (len == 1)
					key[k++] = (char)(u[p] >= 'A' && u[p] <= 'Z' ? u[p] + 32 : u[p]);
				else {
					memcpy(key + k, u + p, (size_t)len);
					k += (size_t)len;
				}
			} else if (cl != C_JOINER) {
				/* A '.' between letters belongs to the word: "a.m.", "p.m." */
				int32_t c2;
				int l2;

				if (cl != '.' || p + 1 >= n ||
				    classify(ds, u + p + 1, n - p - 1, &c2, &l2) != C_LETTER)
					break;
			}
			p += (size_t)len;
			if (p >= n)
				break;
			cl = classify(ds, u + p, n - p, &cp, &len);
			if (cl != C_LETTER && cl != C_JOINER && cl != '.')
				break;
		}
		w = toolong ? NULL : lookup(ds, key, k);
		if (w == NULL && !toolong && !text_nfc_quick(key, k)) {
			/*
			 * The rules are NFC; a word typed otherwise (য় as one code
			 * point) gets a second look in NFC.  Only such words pay.
			 */
			struct buf b = {0};

			text_nfc(key, k, &b);
			if (b.len < KEYMAX)
				w = lookup(ds, b.s, b.len);
			buf_free(&b);
		}
		if (w != NULL) {
			t->kind = w->kind;
			t->flag = w->flag;
			t->val = w->a;
			t->val2 = w->b;
		}
	}
	t->end = (unsigned)p;
	*pos = p;
	return 1;
}

/* ---------------------------------------------------------------- */
/* Calendars                                                          */

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	/* A month the text did not give (0) has no days: no day fits in it. */
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && is_leap(y) ? 29 : md[m - 1];
}

/* After Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil). */
long
date_days(int y, int m, int d)
{
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
date_civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
weekday_of(long days)
{
	/* 1970-01-01 was a Thursday, ISO weekday 4. */
	return (int)(((days % 7) + 7 + 3) % 7) + 1;
}

/* Digits by hand: snprintf was a tenth of the filter's time. */
static char *
put2(char *p, int v)
{
	*p++ = (char)('0' + v / 10 % 10);
	*p++ = (char)('0' + v % 10);
	return p;
}

void
date_format_day(char *out, int y, int m, int d)
{
	char *p = put2(put2(out, y / 100), y % 100);

	*p++ = '-';
	p = put2(p, m);
	*p++ = '-';
	p = put2(p, d);
	*p = '\0';
}

static int fail(struct date_result *out, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct date_result *out, int status, const char *fmt, ...)
{
	va_list ap;

	out->status = (enum date_status)status;
	out->iso[0] = '\0';
	va_start(ap, fmt);
	vsnprintf(out->why, sizeof(out->why), fmt, ap);
	va_end(ap);
	return status;
}

/*
 * A Bangla calendar date to Gregorian, by the arithmetic rules of the
 * language file: months of fixed length from a fixed new year's day, one
 * month gaining a day when the Gregorian year it begins in is a leap year.
 * This is the revised calendar of Bangladesh; bn.yaml gives the two sets
 * of rules (1987 and 2019) and their sources.  The traditional calendar
 * of West Bengal follows the sun and has no such arithmetic.
 */
static int
bangla_to_gregorian(const struct dateset *ds, int by, int bm, int bd, int *y, int *m, int *d,
    struct date_result *out)
{
	const struct bnrule *r = NULL;
	size_t i;
	long day;
	int k, len = 0, gy, gm, gd;

	for (i = 0; i < ds->nrule; i++)
		if (by >= ds->rule[i].from) {
			r = &ds->rule[i];
			break;
		}
	if (r == NULL)
		return fail(out, DATE_CALENDAR, "Bangla year %d is before the calendar rules (from %d)",
		    by, ds->nrule ? ds->rule[ds->nrule - 1].from : 0);
	day = date_days(by + r->offset, r->nm, r->nd);
	for (k = 1; k <= bm; k++) {
		date_civil(day, &gy, &gm, &gd);
		len = r->len[k - 1] + (k == r->leap && is_leap(gy));
		if (k < bm)
			day += len;
	}
	if (bd > len)
		return fail(out, DATE_NO_SUCH_DAY, "no such day: Bangla month %d of %d has %d days", bm, by, len);
	date_civil(day + bd - 1, y, m, d);
	return DATE_OK;
}

/* ---------------------------------------------------------------- */
/* Zones                                                              */

struct datezone {
	char *name;
	struct datezone *next;
};

static struct datezone *zones;
static const struct datezone *tz_now;	/* the zone TZ is set to */

/* Offsets by local day, so a stream of dates costs a table lookup each. */
#define ZCACHE 4096
static struct {
	const struct datezone *z;
	long day;
	long off;
} zcache[ZCACHE];

struct datezone *
datezone_get(const char *name)
{
	struct datezone *z;
	const char *dir = getenv("TZDIR");
	char path[512], magic[4];
	FILE *fp;
	int ok;

	for (z = zones; z; z = z->next)
		if (strcmp(z->name, name) == 0)
			return z;
	if (name[0] == '\0' || name[0] == '/' || strstr(name, "..") || strlen(name) > 200)
		return NULL;
	if (dir == NULL || *dir == '\0')
		dir = "/usr/share/zoneinfo";
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	/* glibc takes an unknown zone for UTC without a word; insist on a real tz file. */
	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	ok = fread(magic, 1, 4, fp) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(fp);
	if (!ok)
		return NULL;
	z = ecalloc(1, sizeof(*z));
	z->name = estrdup(name);
	z->next = zones;
	zones = z;
	return z;
}

const char *
datezone_name(const struct datezone *z)
{
	return z->name;
}

void
datezone_free_all(void)
{
	while (zones) {
		struct datezone *z = zones->next;

		free(zones->name);
		free(zones);
		zones = z;
	}
	tz_now = NULL;
	memset(zcache, 0, sizeof(zcache));
}

static long
utc_offset(const struct datezone *z, time_t t)
{
	struct tm tm;

	if (tz_now != z) {
		char env[256];

		snprintf(env, sizeof(env), ":%s", z->name);
		setenv("TZ", env, 1);
		tzset();
		tz_now = z;
	}
	if (localtime_r(&t, &tm) == NULL)
		return 0;
	return tm.tm_gmtoff;
}

/*
 * The offset of a local time in zone Z.  A day with the same offset a
 * little before its first and after its last possible instant has that
 * offset throughout (no zone changes its clocks twice in two days), and
 * is cached; on the few days a clock changes, the time itself decides,
 * and may not exist or exist twice.
 */
static int
zone_offset(const struct datezone *z, int y, int m, int d, int hh, int mi, int ss, long *off,
    struct date_result *out)
{
	long day = date_days(y, m, d);
	size_t slot = (size_t)((unsigned long)day * 2654435761u ^ (uintptr_t)z >> 4) & (ZCACHE - 1);
	time_t l0 = (time_t)day * 86400, l;
	long a, b, got[2];
	int nv = 0;

	if (zcache[slot].z == z && zcache[slot].day == day) {
		*off = zcache[slot].off;
		return DATE_OK;
	}
	a = utc_offset(z, l0 - 14 * 3600 - 1);
	b = utc_offset(z, l0 + 86400 + 12 * 3600);
	if (a == b) {
		zcache[slot].z = z;
		zcache[slot].day = day;
		zcache[slot].off = a;
		*off = a;
		return DATE_OK;
	}
	l = l0 + hh * 3600 + mi * 60 + ss;
	if (utc_offset(z, l - a) == a)
		got[nv++] = a;
	if (utc_offset(z, l - b) == b)
		got[nv++] = b;
	if (nv == 0)
		return fail(out, DATE_NO_TIME, "%02d:%02d does not exist on %04d-%02d-%02d in %s (the clocks "
		    "were put forward)", hh, mi, y, m, d, z->name);
	if (nv == 2)
		return fail(out, DATE_TWO_TIMES, "%02d:%02d happened twice on %04d-%02d-%02d in %s (the "
		    "clocks were put back)", hh, mi, y, m, d, z->name);
	*off = got[0];
	return DATE_OK;
}

/* ---------------------------------------------------------------- */
/* Day, month and year                                                */

#define MAXTOK 96
#define MAXCOMP 12

enum { TAG_DAY = 1, TAG_YEAR = 2 };

/* A piece of a date: a number or a month name, in printed order. */
struct comp {
	char kind;		/* 'N' or 'M' */
	unsigned char tag;	/* TAG_DAY after an ordinal, TAG_YEAR after an era word */
	unsigned char numeric;	/* in a 25/07/2023 group */
	int val, ndig;
	int cal;		/* M: its calendar; N: the calendar of its era word, or -1 */
	int ti;			/* its token */
};

struct reading {
	int y, m, d, cal, ydig, yearless;
};

enum { R_BAD = 0, R_OK, R_TWO, R_NODAY, R_ORDER };

/* Read C as ORDER ("dMy"); with YEARLESS, the order without its y. */
static int
read_order(const char *ord, const struct comp *c, size_t nc, int yearless, struct reading *r)
{
	size_t len = strlen(ord), k, j = 0;
	int num = strchr(ord, 'm') != NULL, era = -1;

	memset(r, 0, sizeof(*r));
	r->cal = CAL_GREGORIAN;
	if (nc != len - (yearless ? 1 : 0))
		return R_BAD;
	for (k = 0; k < len; k++) {
		const struct comp *p;

		if (ord[k] == 'y' && yearless)
			continue;
		p = &c[j++];
		switch (ord[k]) {
		case 'M':
			if (p->kind != 'M')
				return R_BAD;
			r->m = p->val;
			r->cal = p->cal;
			break;
		case 'm':
			if (p->kind != 'N' || !p->numeric || p->tag || p->ndig > 2)
				return R_BAD;
			r->m = p->val;
			break;
		case 'd':
			if (p->kind != 'N' || p->numeric != num || p->tag == TAG_YEAR || p->ndig > 2)
				return R_BAD;
			r->d = p->val;
			break;
		case 'y':
			if (p->kind != 'N' || p->numeric != num || p->tag == TAG_DAY)
				return R_BAD;
			r->y = p->val;
			r->ydig = p->ndig;
			era = p->cal;
			break;
		}
	}
	if (era >= 0) {
		if (!num && r->cal != era)
			return R_BAD;	/* a Gregorian month with a Bangla era word, or the reverse */
		r->cal = era;
	}
	if (r->m < 1 || r->m > 12 || r->d < 1 || r->d > 31)
		return R_BAD;
	if (yearless) {
		r->yearless = 1;
		return r->cal == CAL_GREGORIAN && r->d > month_days(2000, r->m) ? R_NODAY : R_OK;
	}
	if (r->ydig == 3 || r->ydig > 4 || r->y == 0)
		return R_BAD;
	if (r->ydig <= 2)
		return R_TWO;
	if (r->cal == CAL_GREGORIAN && r->d > month_days(r->y, r->m))
		return R_NODAY;
	return R_OK;
}

static int
same_reading(const struct reading *a, const struct reading *b)
{
	return a->y == b->y && a->m == b->m && a->d == b->d && a->cal == b->cal;
}

/*
 * Read C by every order of the set.  One reading, or several that agree,
 * is R_OK in res[0]; two that differ are R_ORDER (res[0] and res[1]);
 * otherwise the most telling failure.
 */
static int
read_date(const struct dateset *ds, const struct comp *c, size_t nc, int yearless, struct reading res[2])
{
	size_t i;
	int nvalid = 0, two = 0, noday = 0;

	for (i = 0; i < ds->norder; i++) {
		struct reading r;
		int k = read_order(ds->order[i], c, nc, yearless, &r);

		if (k == R_OK) {
			if (nvalid == 0 || (!same_reading(&res[0], &r) && nvalid == 1)) {
				res[nvalid++] = r;
			}
		} else if (k == R_TWO) {
			two = 1;
		} else if (k == R_NODAY) {
			noday = 1;
			if (nvalid == 0)
				res[1] = r;	/* kept for the message */
		}
	}
	if (nvalid == 1)
		return R_OK;
	if (nvalid == 2)
		return R_ORDER;
	if (two)
		return R_TWO;
	if (noday) {
		res[0] = res[1];
		return R_NODAY;
	}
	return R_BAD;
}

/* ---------------------------------------------------------------- */
/* Headers                                                            */

static int
in_hours(int h, int a, int b)
{
	return a <= b ? h >= a && h <= b : h >= a || h <= b;
}

static int
is_punct(const struct tok *t, size_t i, size_t nt, char ch)
{
	return i < nt && t[i].type == T_PUNCT && t[i].ch == ch;
}

static int
is_num(const struct tok *t, size_t i, size_t nt, int maxdig)
{
	return i < nt && t[i].type == T_NUM && !t[i].used && t[i].ndig <= maxdig;
}

static int
is_kind(const struct tok *t, size_t i, size_t nt, int kind)
{
	return i < nt && t[i].type == T_WORD && t[i].kind == kind && !t[i].used;
}

static int
digit2(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + s[1] - '0';
}

static void
format_iso(struct date_result *out)
{
	if (!out->has_time) {
		date_format_day(out->iso, out->year, out->month, out->day);
		return;
	}
	{
		char *p = out->iso + 10;
		long a = labs(out->offset);

		date_format_day(out->iso, out->year, out->month, out->day);
		*p++ = 'T';
		p = put2(p, out->hour);
		*p++ = ':';
		p = put2(p, out->min);
		*p++ = ':';
		p = put2(p, out->sec);
		*p++ = out->offset < 0 ? '-' : '+';
		p = put2(p, (int)(a / 3600));
		*p++ = ':';
		p = put2(p, (int)(a / 60 % 60));
		*p = '\0';
	}
}

/* Place the local time of OUT in ZONE, unless it came with an offset. */
static int
finish(struct date_result *out, struct datezone *zone)
{
	out->weekday = weekday_of(date_days(out->year, out->month, out->day));
	if (out->has_time && !out->has_offset) {
		if (zone == NULL)
			return fail(out, DATE_UNREADABLE, "no time zone");
		if (zone_offset(zone, out->year, out->month, out->day, out->hour, out->min, out->sec,
		    &out->offset, out) != DATE_OK)
			return out->status;
		out->has_offset = 1;
	}
	if (out->has_offset && out->offset % 60 != 0)
		return fail(out, DATE_UNREADABLE, "the offset %+ld s is not whole minutes", out->offset);
	format_iso(out);
	out->status = DATE_OK;
	return DATE_OK;
}

/*
 * ISO 8601 with a 'T', as meta tags and earlier runs of this filter
 * write it: 2023-07-25T16:53:00+06:00, with Z, without seconds or
 * offset.  A standard, not a language, so it is read here.
 */
static int
read_iso(const char *s, size_t n, struct datezone *zone, struct date_result *out)
{
	size_t i = 0, e = n;
	int y, m, d, hh, mi, ss = 0;

	while (i < e && s[i] == ' ')
		i++;
	while (e > i && s[e - 1] == ' ')
		e--;
	s += i;
	n = e - i;
	if (n < 16 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':')
		return 0;
	if (digit2(s) < 0 || digit2(s + 2) < 0 || (m = digit2(s + 5)) < 0 || (d = digit2(s + 8)) < 0 ||
	    (hh = digit2(s + 11)) < 0 || (mi = digit2(s + 14)) < 0)
		return 0;
	y = digit2(s) * 100 + digit2(s + 2);
	i = 16;
	if (i < n && s[i] == ':') {
		if (i + 3 > n || (ss = digit2(s + i + 1)) < 0)
			return 0;
		i += 3;
		if (i < n && s[i] == '.') {
			for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
				;
		}
	}
	if (i < n && s[i] == 'Z') {
		out->has_offset = 1;
		i++;
	} else if (i < n && (s[i] == '+' || s[i] == '-')) {
		int oh, om, sign = s[i] == '-' ? -1 : 1;

		if (i + 6 == n && s[i + 3] == ':' && (oh = digit2(s + i + 1)) >= 0 && (om = digit2(s + i + 4)) >= 0)
			i += 6;
		else if (i + 5 == n && (oh = digit2(s + i + 1)) >= 0 && (om = digit2(s + i + 3)) >= 0)
			i += 5;
		else
			return 0;
		if (oh > 14 || om > 59)
			return 0;
		out->has_offset = 1;
		out->offset = sign * (oh * 3600L + om * 60L);
	}
	if (i != n)
		return 0;
	if (m < 1 || m > 12 || d < 1 || y < 1 || d > month_days(y, m) || hh > 23 || mi > 59 || ss > 59) {
		fail(out, DATE_NO_SUCH_DAY, "no such date or time");
		return 1;
	}
	out->year = y;
	out->month = m;
	out->day = d;
	out->has_time = 1;
	out->hour = hh;
	out->min = mi;
	out->sec = ss;
	finish(out, zone);
	return 1;
}

/*
 * Find the time of day: H:MM[:SS], H.MM before a 12-hour marker, H with
 * an hour word ("১০টা") and maybe minutes, or H before a 12-hour marker
 * ("4 PM").  Then the day-part words next to it, and a zone after it.
 */
static int
read_time(struct tok *t, size_t nt, struct date_result *out)
{
	size_t i, t0 = 0, t1 = 0, a;
	int found = 0, h = 0, mi = 0, ss = 0, cand[2], nc, k;
	int range[2][2], nrange = 0;

	for (i = 0; i < nt; i++) {
		size_t end;
		int hh, mm = 0, s2 = 0;

		if (!is_num(t, i, nt, 2))
			continue;
		hh = t[i].val;
		if (is_punct(t, i + 1, nt, ':') && is_num(t, i + 2, nt, 2) && t[i + 2].ndig == 2) {
			mm = t[i + 2].val;
			end = i + 2;
			if (is_punct(t, i + 3, nt, ':') && is_num(t, i + 4, nt, 2) && t[i + 4].ndig == 2) {
				s2 = t[i + 4].val;
				end = i + 4;
			}
		} else if (is_punct(t, i + 1, nt, '.') && is_num(t, i + 2, nt, 2) && t[i + 2].ndig == 2 &&
		    i + 3 < nt && t[i + 3].type == T_WORD && t[i + 3].kind == K_HOURS) {
			mm = t[i + 2].val;
			end = i + 2;
		} else if (is_kind(t, i + 1, nt, K_HOURWORD)) {
			end = i + 1;
			if (is_num(t, i + 2, nt, 2) && is_kind(t, i + 3, nt, K_MINWORD)) {
				mm = t[i + 2].val;
				end = i + 3;
			}
		} else if (is_kind(t, i + 1, nt, K_HOURS) && t[i + 1].flag && hh >= 1 && hh <= 12) {
			end = i;
		} else {
			continue;
		}
		if (found)
			return fail(out, DATE_UNREADABLE, "two times of day");
		found = 1;
		t0 = i;
		t1 = end;
		h = hh;
		mi = mm;
		ss = s2;
		i = end;
	}
	if (!found)
		return DATE_OK;
	for (i = t0; i <= t1; i++)
		t[i].used = 1;
	/* A day-part word just before the time, and one just after it. */
	if (t0 > 0 && is_kind(t, t0 - 1, nt, K_HOURS)) {
		range[nrange][0] = t[t0 - 1].val;
		range[nrange++][1] = t[t0 - 1].val2;
		t[t0 - 1].used = 1;
	}
	a = t1 + 1;
	if (is_kind(t, a, nt, K_HOURS)) {
		range[nrange][0] = t[a].val;
		range[nrange++][1] = t[a].val2;
		t[a++].used = 1;
	}
	if (h > 23 || mi > 59 || ss > 59)
		return fail(out, DATE_UNREADABLE, "no such time of day");
	/* Each marker keeps the readings of a 12-hour clock it allows: 12 is 0 or 12, 2 is 2 or 14. */
	nc = 0;
	if (h >= 1 && h <= 12 && nrange > 0) {
		cand[nc++] = h % 12;
		cand[nc++] = h % 12 + 12;
	} else {
		cand[nc++] = h;
	}
	for (k = 0; k < nrange; k++) {
		int j, m = 0;

		for (j = 0; j < nc; j++)
			if (in_hours(cand[j], range[k][0], range[k][1]))
				cand[m++] = cand[j];
		nc = m;
	}
	if (nc != 1)
		return fail(out, DATE_UNREADABLE, "hour %d does not fit the part of the day printed with it", h);
	out->has_time = 1;
	out->hour = cand[0];
	out->min = mi;
	out->sec = ss;
	/* A zone after the time: a word (IST), an offset (+06:00), or both (GMT+6). */
	if (is_kind(t, a, nt, K_ZONE)) {
		out->has_offset = 1;
		out->offset = t[a].val;
		t[a++].used = 1;
	}
	if (a + 1 < nt && t[a].type == T_PUNCT && (t[a].ch == '+' || t[a].ch == '-') && is_num(t, a + 1, nt, 4)) {
		int sign = t[a].ch == '-' ? -1 : 1, oh = -1, om = 0;
		size_t e = a + 1;

		if (t[a + 1].ndig == 4) {
			oh = t[a + 1].val / 100;
			om = t[a + 1].val % 100;
		} else if (t[a + 1].ndig <= 2 && is_punct(t, a + 2, nt, ':') && is_num(t, a + 3, nt, 2) &&
		    t[a + 3].ndig == 2) {
			oh = t[a + 1].val;
			om = t[a + 3].val;
			e = a + 3;
		} else if (t[a + 1].ndig <= 2 && out->has_offset) {
			oh = t[a + 1].val;	/* GMT+6 */
		}
		if (oh >= 0) {
			if (oh > 14 || om > 59 || (out->has_offset && out->offset != 0))
				return fail(out, DATE_UNREADABLE, "not a zone offset");
			out->has_offset = 1;
			out->offset = sign * (oh * 3600L + om * 60L);
			for (; a <= e; a++)
				t[a].used = 1;
		}
	}
	return DATE_OK;
}

/*
 * Turn the tokens left after the time into date pieces; a weekday is
 * noted, fillers and punctuation dropped, anything unknown fails.
 */
static int
collect(struct tok *t, size_t nt, struct comp *c, size_t *ncp, int *weekday, struct date_result *out)
{
	size_t i, nc = 0;

	/* 25/07/2023, 2023-07-25, 25.07.2023: three numbers joined by one separator. */
	for (i = 0; i + 4 < nt; i++)
		if (t[i].type == T_NUM && t[i + 2].type == T_NUM && t[i + 4].type == T_NUM &&
		    t[i + 1].type == T_PUNCT && t[i + 3].type == T_PUNCT && t[i + 1].ch == t[i + 3].ch &&
		    strchr("/.-", t[i + 1].ch) && !t[i].used && !t[i + 2].used && !t[i + 4].used)
			t[i].numeric = t[i + 2].numeric = t[i + 4].numeric = 1;
	for (i = 0; i < nt; i++) {
		struct tok *k = &t[i];

		if (k->used || k->type == T_PUNCT)
			continue;
		if (k->type == T_NUM || (k->type == T_WORD && (k->kind == K_MONTH || k->kind == K_BMONTH))) {
			if (nc == MAXCOMP)
				return fail(out, DATE_UNREADABLE, "too many numbers");
			memset(&c[nc], 0, sizeof(c[nc]));
			c[nc].kind = k->type == T_NUM ? 'N' : 'M';
			c[nc].val = k->val;
			c[nc].ndig = k->ndig;
			c[nc].numeric = k->numeric;
			c[nc].cal = k->type == T_NUM ? -1 : k->kind == K_BMONTH ? CAL_BANGLA : CAL_GREGORIAN;
			c[nc].ti = (int)i;
			nc++;
			continue;
		}
		switch (k->kind) {
		case K_WEEKDAY:
			if (*weekday && *weekday != k->val)
				return fail(out, DATE_UNREADABLE, "two different weekdays");
			*weekday = k->val;
			break;
		case K_ORDINAL:
		case K_ERA:
			/* It marks the number just before it as the day, or the year. */
			if (nc == 0 || c[nc - 1].kind != 'N' || c[nc - 1].ti != (int)i - 1 || c[nc - 1].tag)
				return fail(out, DATE_UNREADABLE, "%s not after a number", kind_names[k->kind]);
			c[nc - 1].tag = k->kind == K_ORDINAL ? TAG_DAY : TAG_YEAR;
			if (k->kind == K_ERA)
				c[nc - 1].cal = k->val;
			break;
		case K_FILLER:
			break;
		default:
			return fail(out, DATE_UNREADABLE, "%s", k->kind ? "a word that has no place in a date" :
			    "a word the date rules do not know");
		}
	}
	*ncp = nc;
	return DATE_OK;
}

static int
order_message(struct date_result *out, const struct reading res[2])
{
	char a[11], b[11];

	date_format_day(a, res[0].y, res[0].m, res[0].d);
	date_format_day(b, res[1].y, res[1].m, res[1].d);
	return fail(out, DATE_ORDER, "day and month order unsettled (%s or %s)", a, b);
}

static int
reading_status(struct date_result *out, int k, const struct reading res[2])
{
	switch (k) {
	case R_OK:
		return DATE_OK;
	case R_ORDER:
		return order_message(out, res);
	case R_TWO:
		return fail(out, DATE_TWO_DIGIT_YEAR, "two-digit year: the century is not printed");
	case R_NODAY:
		return fail(out, DATE_NO_SUCH_DAY, "no such day");
	default:
		return fail(out, DATE_UNREADABLE, "%s", "");
	}
}

/* Two month names: a Gregorian and a Bangla date side by side, or the same date twice. */
static int
read_two(const struct dateset *ds, const struct comp *c, size_t nc, struct reading *got, struct date_result *out)
{
	size_t p1, p2, s;
	int n = 0;

	for (p1 = 0; c[p1].kind != 'M'; p1++)
		;
	for (p2 = p1 + 1; c[p2].kind != 'M'; p2++)
		;
	for (s = p1 + 1; s <= p2; s++) {
		struct reading l[2], r[2], pick;

		if (read_date(ds, c, s, 0, l) != R_OK || read_date(ds, c + s, nc - s, 0, r) != R_OK)
			continue;
		/* The Gregorian date is the truth; a Bangla date beside it is often a day off. */
		if (l[0].cal == CAL_GREGORIAN && r[0].cal == CAL_GREGORIAN) {
			if (!same_reading(&l[0], &r[0]))
				return fail(out, DATE_UNREADABLE, "two different dates");
			pick = l[0];
		} else if (l[0].cal == CAL_GREGORIAN || r[0].cal == CAL_GREGORIAN) {
			pick = l[0].cal == CAL_GREGORIAN ? l[0] : r[0];
		} else {
			if (!same_reading(&l[0], &r[0]))
				return fail(out, DATE_UNREADABLE, "two different dates");
			pick = l[0];
		}
		if (n == 1 && !same_reading(got, &pick)) {
			struct reading two[2];

			two[0] = *got;
			two[1] = pick;
			return order_message(out, two);
		}
		*got = pick;
		n = 1;
	}
	if (n == 0)
		return fail(out, DATE_UNREADABLE, "%s", "");
	return DATE_OK;
}

int
date_parse(const struct dateset *ds, const char *s, size_t n, struct datezone *zone, struct date_result *out)
{
	struct tok t[MAXTOK];
	struct comp c[MAXCOMP];
	struct reading res[2];
	size_t nt = 0, nc = 0, pos = 0, i, nmonth = 0;
	int weekday = 0, k;

	memset(out, 0, sizeof(*out));
	if (read_iso(s, n, zone, out))
		return out->status;
	while (next_token(ds, s, n, &pos, &t[nt]))
		if (++nt == MAXTOK)
			return fail(out, DATE_UNREADABLE, "too long for a date");
	if (read_time(t, nt, out) != DATE_OK)
		return out->status;
	for (i = 0; i < nt; i++)
		if (t[i].type == T_WORD && !t[i].used &&
		    (t[i].kind == K_HOURS || t[i].kind == K_HOURWORD || t[i].kind == K_MINWORD || t[i].kind == K_ZONE))
			return fail(out, DATE_UNREADABLE, "%s away from the time", kind_names[t[i].kind]);
	if (collect(t, nt, c, &nc, &weekday, out) != DATE_OK)
		return out->status;
	for (i = 0; i < nc; i++)
		nmonth += c[i].kind == 'M';
	if (nc == 0)
		return fail(out, DATE_UNREADABLE, "no date");
	if (nmonth <= 1) {
		k = read_date(ds, c, nc, 0, res);
		if (k == R_BAD && read_date(ds, c, nc, 1, res) == R_OK)
			return fail(out, DATE_NO_YEAR, "no year");
		if (reading_status(out, k, res) != DATE_OK)
			return out->status;
	} else if (nmonth == 2) {
		if (read_two(ds, c, nc, &res[0], out) != DATE_OK)
			return out->status;
	} else {
		return fail(out, DATE_UNREADABLE, "more than two month names");
	}
	out->calendar = res[0].cal;
	if (res[0].cal == CAL_BANGLA) {
		if (bangla_to_gregorian(ds, res[0].y, res[0].m, res[0].d, &out->year, &out->month, &out->day,
		    out) != DATE_OK)
			return out->status;
	} else {
		out->year = res[0].y;
		out->month = res[0].m;
		out->day = res[0].d;
	}
	out->weekday = weekday_of(date_days(out->year, out->month, out->day));
	if (weekday && weekday != out->weekday) {
		char day[11];

		date_format_day(day, out->year, out->month, out->day);
		return fail(out, DATE_WEEKDAY, "the weekday is %s, but %s is %s",
		    ds->wdname[weekday] ? ds->wdname[weekday] : "another day", day,
		    ds->wdname[out->weekday] ? ds->wdname[out->weekday] : "not");
	}
	return finish(out, zone);
}

/* ---------------------------------------------------------------- */
/* Dates in running text                                              */

struct span {
	struct reading a, b;	/* b.d == 0: not a range */
	size_t end;		/* the token after it */
};

/*
 * The date that starts at token K: the longest run of pieces from K that
 * reads as exactly one date, with or without a year.  A lone day number
 * is returned too, with *dayonly set, as the start of a range.
 */
static int
read_piece(const struct dateset *ds, struct tok *t, size_t nt, size_t k, struct reading *r, size_t *end,
    int *dayonly)
{
	struct comp c[5];
	size_t after[5], nc = 0, i = k, p;

	*dayonly = 0;
	while (i < nt && nc < 5) {
		if (t[i].type == T_NUM) {
			memset(&c[nc], 0, sizeof(c[nc]));
			c[nc].kind = 'N';
			c[nc].val = t[i].val;
			c[nc].ndig = t[i].ndig;
			c[nc].cal = -1;
			c[nc].ti = (int)i;
			/* Three numbers joined by one of / . - are a numeric date. */
			if (nc == 0 && i + 4 < nt && t[i + 2].type == T_NUM && t[i + 4].type == T_NUM &&
			    t[i + 1].type == T_PUNCT && t[i + 3].type == T_PUNCT && t[i + 1].ch == t[i + 3].ch &&
			    strchr("/.-", t[i + 1].ch))
				t[i].numeric = t[i + 2].numeric = t[i + 4].numeric = 1;
			c[nc].numeric = t[i].numeric;
			after[nc++] = ++i;
			if (i < nt && t[i].type == T_WORD && (t[i].kind == K_ORDINAL || t[i].kind == K_ERA)) {
				c[nc - 1].tag = t[i].kind == K_ORDINAL ? TAG_DAY : TAG_YEAR;
				if (t[i].kind == K_ERA)
					c[nc - 1].cal = t[i].val;
				after[nc - 1] = ++i;
			}
			if (i < nt && t[i].type == T_PUNCT && c[nc - 1].numeric && nc < 3 && strchr("/.-", t[i].ch))
				i++;
			continue;
		}
		if (t[i].type == T_WORD && (t[i].kind == K_MONTH || t[i].kind == K_BMONTH)) {
			memset(&c[nc], 0, sizeof(c[nc]));
			c[nc].kind = 'M';
			c[nc].val = t[i].val;
			c[nc].cal = t[i].kind == K_BMONTH ? CAL_BANGLA : CAL_GREGORIAN;
			c[nc].ti = (int)i;
			after[nc++] = ++i;
			continue;
		}
		if (t[i].type == T_PUNCT && t[i].ch == ',' && nc > 0 && i + 1 < nt && t[i + 1].type == T_NUM) {
			i++;
			continue;
		}
		break;
	}
	for (p = nc; p > 0; p--) {
		struct reading res[2];
		size_t j;
		int has_month = 0;

		for (j = 0; j < p; j++)
			has_month |= c[j].kind == 'M' || c[j].numeric;
		if (!has_month)
			continue;
		if (read_date(ds, c, p, 0, res) == R_OK || read_date(ds, c, p, 1, res) == R_OK) {
			*r = res[0];
			*end = after[p - 1];
			return 1;
		}
	}
	if (nc >= 1 && c[0].kind == 'N' && !c[0].numeric && c[0].ndig <= 2 && c[0].val >= 1 && c[0].val <= 31 &&
	    c[0].tag != TAG_YEAR) {
		memset(r, 0, sizeof(*r));
		r->d = c[0].val;
		r->yearless = 1;
		*end = after[0];
		*dayonly = 1;
		return 1;
	}
	return 0;
}

static int
is_range(const struct tok *t, size_t nt, size_t i)
{
	return i < nt && ((t[i].type == T_WORD && t[i].kind == K_RANGE) || (t[i].type == T_PUNCT && t[i].ch == '-'));
}

/* A date, or a range "২৫ থেকে ২৭ জুলাই", "২৫ জুলাই - ২ আগস্ট", from token K. */
static int
read_span(const struct dateset *ds, struct tok *t, size_t nt, size_t k, struct span *sp)
{
	size_t e1, e2;
	int d1, d2;

	memset(sp, 0, sizeof(*sp));
	if (!read_piece(ds, t, nt, k, &sp->a, &e1, &d1))
		return 0;
	sp->end = e1;
	if (is_range(t, nt, e1) && read_piece(ds, t, nt, e1 + 1, &sp->b, &e2, &d2) && !d2) {
		if (d1) {
			/* The first day takes the month and year of the second. */
			sp->a.m = sp->b.m;
			sp->a.y = sp->b.y;
			sp->a.ydig = sp->b.ydig;
			sp->a.cal = sp->b.cal;
			sp->a.yearless = sp->b.yearless;
		} else if (sp->a.yearless && !sp->b.yearless) {
			sp->a.y = sp->b.y;
			sp->a.yearless = 0;
		}
		if (sp->a.cal != sp->b.cal)
			return 0;
		sp->end = e2;
		return 1;
	}
	return !d1;
}

/* The Gregorian day number of a reading with a year; -1 if it cannot be. */
static long
reading_day(const struct dateset *ds, const struct reading *r)
{
	struct date_result scratch;
	int y, m, d;

	if (r->cal == CAL_BANGLA) {
		if (bangla_to_gregorian(ds, r->y, r->m, r->d, &y, &m, &d, &scratch) != DATE_OK)
			return -1;
		return date_days(y, m, d);
	}
	if (r->d > month_days(r->y, r->m))
		return -1;
	return date_days(r->y, r->m, r->d);
}

/*
 * The year of a day and month printed without one: the latest before
 * publication after a past word, the first after it after a next word,
 * else the nearest to TARGET (publication, or the day a relative word names).
 */
static long
place_year(const struct reading *r, long pubday, long target, int dir)
{
	int py, pm, pd, y;
	long best = -1, bestd = 0;

	date_civil(pubday, &py, &pm, &pd);
	for (y = py - 1; y <= py + 1; y++) {
		long day, dist;

		if (r->m < 1 || r->m > 12 || r->d < 1 || r->d > month_days(y, r->m))
			continue;
		day = date_days(y, r->m, r->d);
		if ((dir < 0 && day >= pubday) || (dir > 0 && day <= pubday))
			continue;
		dist = dir < 0 ? pubday - day : dir > 0 ? day - pubday : labs(day - target);
		if (best < 0 || dist < bestd) {
			best = day;
			bestd = dist;
		}
	}
	return best;
}

static size_t
mention_line(const struct dateset *ds, const char *s, struct tok *t, size_t nt, long pubday,
    date_mention_fn fn, void *ctx)
{
	size_t i = 0, found = 0;

	while (i < nt) {
		size_t j = i, k;
		int rel = 0, reldays = 0, dir = 0, wd = 0, paren = 0, got = 0;
		struct span sp;
		long d1 = -1, d2 = -1;
		char iso[24], msg[200];

		if (t[j].type == T_WORD && t[j].kind == K_RELDAY) {
			rel = 1;
			reldays = t[j++].val;
		} else if (t[j].type == T_WORD && (t[j].kind == K_PAST || t[j].kind == K_NEXT)) {
			dir = t[j++].kind == K_PAST ? -1 : 1;
		}
		if (j < nt && t[j].type == T_WORD && t[j].kind == K_WEEKDAY)
			wd = t[j++].val;
		k = j;
		if (k < nt && t[k].type == T_PUNCT && t[k].ch == '(') {
			paren = 1;
			k++;
		}
		if (k < nt && read_span(ds, t, nt, k, &sp)) {
			got = 1;
			k = sp.end;
			if (paren) {
				if (k < nt && t[k].type == T_PUNCT && t[k].ch == ')')
					k++;
				else
					got = 0;
			}
		}
		if (got) {
			j = k;
			if (sp.a.yearless || (sp.b.d && sp.b.yearless)) {
				struct reading *last = sp.b.d ? &sp.b : &sp.a;

				if (pubday < 0 || last->cal != CAL_GREGORIAN)
					goto next;
				d2 = place_year(last, pubday, pubday + reldays, dir);
				if (d2 < 0)
					goto next;
				if (sp.b.d) {
					int y, m, d;

					date_civil(d2, &y, &m, &d);
					sp.a.y = y;
					if ((d1 = reading_day(ds, &sp.a)) > d2) {
						sp.a.y = y - 1;
						d1 = reading_day(ds, &sp.a);
					}
				} else {
					d1 = d2;
					d2 = -1;
				}
			} else {
				d1 = reading_day(ds, &sp.a);
				d2 = sp.b.d ? reading_day(ds, &sp.b) : -1;
			}
			if (d1 < 0 || (sp.b.d && (d2 < 0 || d2 <= d1)))
				goto next;
		} else if (rel && pubday >= 0) {
			d1 = pubday + reldays;
		} else if (dir && wd && pubday >= 0) {
			/* গত সোমবার: the last Monday before publication; আগামী সোমবার: the next one. */
			int pw = weekday_of(pubday);

			d1 = dir < 0 ? pubday - ((pw - wd + 6) % 7 + 1) : pubday + ((wd - pw + 6) % 7 + 1);
		} else {
			goto next;
		}
		/* A printed relative day or weekday must agree with the date. */
		msg[0] = '\0';
		if (rel && pubday >= 0 && d1 != pubday + reldays) {
			char a[11], b[11];
			int y, m, d;

			date_civil(d1, &y, &m, &d);
			date_format_day(a, y, m, d);
			date_civil(pubday, &y, &m, &d);
			date_format_day(b, y, m, d);
			snprintf(msg, sizeof(msg), "%s is %+d days from the publication date %s", a,
			    (int)(d1 - pubday), b);
		} else if (wd && weekday_of(d1) != wd) {
			char a[11];
			int y, m, d;

			date_civil(d1, &y, &m, &d);
			date_format_day(a, y, m, d);
			snprintf(msg, sizeof(msg), "the weekday is %s, but %s is %s",
			    ds->wdname[wd] ? ds->wdname[wd] : "another day", a,
			    ds->wdname[weekday_of(d1)] ? ds->wdname[weekday_of(d1)] : "not");
		}
		{
			int y, m, d;

			date_civil(d1, &y, &m, &d);
			date_format_day(iso, y, m, d);
			if (d2 >= 0) {
				iso[10] = '/';
				date_civil(d2, &y, &m, &d);
				date_format_day(iso + 11, y, m, d);
			}
		}
		fn(ctx, msg[0] ? NULL : iso, s + t[i].start, t[j - 1].end - t[i].start, msg[0] ? msg : NULL);
		found++;
		i = j;
		continue;
next:
		i++;
	}
	return found;
}

size_t
date_mentions(const struct dateset *ds, const char *s, size_t n, const struct date_result *pub,
    date_mention_fn fn, void *ctx)
{
	struct tok *t = NULL;
	size_t nt = 0, cap = 0, pos = 0, found = 0;
	long pubday = pub && pub->status == DATE_OK ? date_days(pub->year, pub->month, pub->day) : -1;
	struct tok tk;
	int more = 1;

	/* Sentence by sentence: a date never runs over a line or a dari. */
	while (more) {
		more = next_token(ds, s, n, &pos, &tk);
		if (more && !(tk.type == T_PUNCT && tk.ch == '|')) {
			if (nt == cap) {
				cap = cap ? cap * 2 : 256;
				t = erealloc(t, cap * sizeof(*t));
			}
			t[nt++] = tk;
			continue;
		}
		if (nt > 0)
			found += mention_line(ds, s, t, nt, pubday, fn, ctx);
		nt = 0;
	}
	free(t);
	return found;
}
