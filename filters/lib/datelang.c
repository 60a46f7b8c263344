/*
 * datelang.c: load and check a date language file (rules/dates/LANG.yaml,
 * see khobor-rules(5), DATES), and merge languages into the set the
 * reader matches against (see datelang.h, date.h).
 *
 * Every error is reported as "prog: file:line:col: message" and counted,
 * and a file with any error gives no language: a bad file stops
 * normalize-date before any output.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "date.h"
#include "datelang.h"
#include "hash.h"
#include "text.h"
#include "util.h"
#include "yml.h"

const char *const datelang_kind_names[] = {
	"", "a month", "a weekday", "a part of the day",
	"an hour word", "a minute word", "an ordinal suffix", "an era word",
	"a zone", "a filler word", "a relative day", "a past word", "a next word",
	"a range word", "a clock word"
};

/* ---------------------------------------------------------------- */
/* Words and keys                                                     */

static int
is_joiner(int32_t cp)
{
	return cp == 0x200C || cp == 0x200D;	/* ZWNJ, ZWJ: spelling variants, not letters */
}

int
datelang_class(int32_t cp)
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
	struct hmap seen;	/* word key -> its index in l->w, + 1 */
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
	const unsigned char *p, *end = (const unsigned char *)n->str + n->len;
	size_t i;
	int32_t cp, prev = 0;
	int k, spaces = 0;
	void *v;

	if (n->type != YML_SCALAR) {
		yml_error(c->doc, n, "a word must be a string");
		return;
	}
	/* A word must come out of the tokenizer as one word, or it could never match. */
	for (p = (const unsigned char *)n->str; p < end; p += k, prev = cp) {
		int cl;

		k = text_decode(p, (size_t)(end - p), &cp);
		if (k < 0) {
			yml_error(c->doc, n, "'%s' is not valid UTF-8", n->str);
			return;
		}
		cl = datelang_class(cp);
		/* A month name may be two or three words, one space apart (রবিউল আউয়াল). */
		if (kind == K_MONTH && cp == ' ') {
			if (prev == 0 || prev == ' ' || prev == '.' || p + 1 >= end || p[1] == ' ' || p[1] == '.' ||
			    ++spaces > 2) {
				yml_error(c->doc, n, "'%s': a month name is one word, or two or three "
				    "words one space apart", n->str);
				return;
			}
			continue;
		}
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
	/* By a map, not a scan: 2,000 words scanned each was a sixth of a filter's start. */
	if ((v = hmap_get(&c->seen, key, (size_t)k)) != NULL) {
		i = (size_t)((uintptr_t)v - 1);
		yml_error(c->doc, n, "'%s' is already listed at line %u, column %u (as %s)%s",
		    n->str, l->w[i].line, l->w[i].col, datelang_kind_names[l->w[i].kind],
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
	(void)hmap_put(&c->seen, l->w[l->nw].key, (size_t)k, (void *)(uintptr_t)(l->nw + 1));
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
    int b, char **first)
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
		if (first)
			free(first[v]);
		if (first && val->type == YML_SEQ && val->nkid > 0 && val->kid[0]->type == YML_SCALAR)
			first[v] = estrdup(val->kid[0]->str);
		else if (first && val->type == YML_SCALAR)
			first[v] = estrdup(val->str);
		else if (first)
			first[v] = NULL;
		add_words(c, val, what, kind, v, b, 0);
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
			if (datelang_class(cp) != C_LETTER) {
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

		if (k < 0 || (size_t)k != items[i]->len || datelang_class(cp) == C_SPACE || lang_digit(c->l, cp) >= 0)
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

/* The index of this language's calendar KEY, added when new; -1 after an error at N. */
static int
lang_calendar(struct loadctx *c, const char *key, const struct yml *n)
{
	size_t i;

	for (i = 0; i < c->l->ncal; i++)
		if (strcmp(c->l->cal[i].key, key) == 0)
			return (int)i;
	if (c->l->ncal == MAXCAL) {
		yml_error(c->doc, n, "too many calendars (at most %d, the Gregorian one included)", MAXCAL);
		return -1;
	}
	c->l->cal[c->l->ncal].key = estrdup(key);
	c->l->cal[c->l->ncal].convert = 1;
	c->l->cal[c->l->ncal].line = n->line;
	c->l->cal[c->l->ncal].col = n->col;
	return (int)c->l->ncal++;
}

static void
load_eras(struct loadctx *c, const struct yml *n)
{
	static const char *const keys[] = { "gregorian", "bangla", "year", NULL };
	const struct yml *v;
	int k;

	if (yml_want(c->doc, n, YML_MAP, "'eras'") < 0)
		return;
	yml_keys(c->doc, n, keys, "'eras'");
	if ((v = yml_get(n, "gregorian")) != NULL)
		add_words(c, v, "'gregorian'", K_ERA, CAL_GREGORIAN, 0, 0);
	if ((v = yml_get(n, "bangla")) != NULL) {
		yml_deprecated(c->doc, v, "eras: bangla", "calendars: bangla: eras", NULL);
		if ((k = lang_calendar(c, "bangla", v)) >= 0)
			add_words(c, v, "'bangla'", K_ERA, k, 0, 0);
	}
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

/* ---------------------------------------------------------------- */
/* Calendars                                                          */

/* 'leap: gregorian', or 'leap: {cycle: N, years: [K, ...]}'. */
static int
load_leap(struct loadctx *c, const struct yml *n, struct calperiod *p)
{
	static const char *const keys[] = { "cycle", "years", NULL };
	const struct yml *cy, *ys;
	size_t i;
	int bad = 0;

	if (n->type == YML_SCALAR && strcmp(n->str, "gregorian") == 0) {
		p->leap = CAL_LEAP_GREGORIAN;
		return 0;
	}
	if (n->type != YML_MAP || yml_keys(c->doc, n, keys, "'leap'") < 0 ||
	    (cy = yml_get(n, "cycle")) == NULL || (ys = yml_get(n, "years")) == NULL || ys->type != YML_SEQ) {
		yml_error(c->doc, n, "'leap' is 'gregorian' (the leap month gains a day when the Gregorian "
		    "year it begins in is a leap year) or {cycle: N, years: [K, ...]} (years K of every "
		    "cycle of N years are leap years)");
		return -1;
	}
	p->leap = CAL_LEAP_CYCLE;
	if (get_int(c, cy, 1, 64, &p->cycle) < 0)
		return -1;
	for (i = 0; i < ys->nkid; i++) {
		int k;

		if (get_int(c, ys->kid[i], 1, p->cycle, &k) < 0) {
			bad = 1;
		} else if (p->leapyears >> (k - 1) & 1) {
			yml_error(c->doc, ys->kid[i], "year %d of the cycle is listed twice", k);
			bad = 1;
		} else {
			p->leapyears |= 1ULL << (k - 1);
		}
	}
	return bad ? -1 : 0;
}

/*
 * One period of a calendar's table.  OLD: an item of 'bangla_calendar',
 * the spelling before calendars were data: 'from' instead of 'years', and
 * every key required.
 */
static int
load_period(struct loadctx *c, const struct yml *r, struct calperiod *p, int old)
{
	static const char *const oldkeys[] = { "from", "year_offset", "new_year", "months", "leap_month", NULL };
	static const char *const keys[] = {
		"years", "new_year", "year_offset", "epoch", "months", "leap_month", "leap", NULL
	};
	const char *what = old ? "a calendar rule" : "a calendar period";
	const struct yml *v;
	size_t j;
	int sum = 0, bad = 0;

	memset(p, 0, sizeof(*p));
	p->leap = CAL_LEAP_GREGORIAN;
	if (yml_want(c->doc, r, YML_MAP, what) < 0 || yml_keys(c->doc, r, old ? oldkeys : keys, what) < 0)
		return -1;
	if (old) {
		for (j = 0; oldkeys[j]; j++)
			if (yml_get(r, oldkeys[j]) == NULL) {
				yml_error(c->doc, r, "a calendar rule needs '%s'", oldkeys[j]);
				bad = 1;
			}
		if (bad)
			return -1;
		bad |= get_int(c, yml_get(r, "from"), 1, 9999, &p->from);
	} else {
		if ((v = yml_get(r, "years")) != NULL && v->type == YML_SEQ && (v->nkid == 1 || v->nkid == 2)) {
			bad |= get_int(c, v->kid[0], 1, 9999, &p->from);
			if (v->nkid == 2)
				bad |= get_int(c, v->kid[1], 1, 9999, &p->to);
		} else {
			yml_error(c->doc, v ? v : r, "a calendar period needs 'years: [FROM, TO]', the first and "
			    "last year it covers, or 'years: [FROM]' when it has no end");
			bad = 1;
		}
		if ((yml_get(r, "new_year") != NULL) == (yml_get(r, "epoch") != NULL) ||
		    (yml_get(r, "new_year") != NULL) != (yml_get(r, "year_offset") != NULL)) {
			yml_error(c->doc, r, "a calendar period needs either 'new_year' and 'year_offset' (every "
			    "year begins on the same Gregorian day) or 'epoch' (the years are counted from "
			    "their first day)");
			bad = 1;
		}
		if (yml_get(r, "months") == NULL) {
			yml_error(c->doc, r, "a calendar period needs 'months', the lengths of the 12 months "
			    "in a common year");
			return -1;
		}
	}
	if ((v = yml_get(r, "year_offset")) != NULL)
		bad |= get_int(c, v, -9999, 9999, &p->year_offset);
	if ((v = yml_get(r, "leap_month")) != NULL)
		bad |= get_int(c, v, 1, 12, &p->leap_month);
	if ((v = yml_get(r, "new_year")) != NULL &&
	    (v->type != YML_SEQ || v->nkid != 2 || get_int(c, v->kid[0], 1, 12, &p->new_month) < 0 ||
	    get_int(c, v->kid[1], 1, 28, &p->new_day) < 0)) {
		yml_error(c->doc, v, "'new_year' is [MONTH, DAY], the Gregorian date of the first "
		    "day of the year, like [4, 14]");
		bad = 1;
	}
	if ((v = yml_get(r, "epoch")) != NULL) {
		int y = 0, m = 0, d = 0;

		if (v->type != YML_SEQ || v->nkid != 3 || get_int(c, v->kid[0], -9999, 9999, &y) < 0 ||
		    get_int(c, v->kid[1], 1, 12, &m) < 0 || get_int(c, v->kid[2], 1, 31, &d) < 0 ||
		    d > date_month_days(y, m)) {
			yml_error(c->doc, v, "'epoch' is [YEAR, MONTH, DAY], the (proleptic) Gregorian date "
			    "of the first day of the period's first year, like [622, 7, 19]");
			bad = 1;
		} else {
			p->epoch = date_days(y, m, d);
		}
	}
	if ((v = yml_get(r, "leap")) != NULL)
		bad |= load_leap(c, v, p);
	if (yml_get(r, "leap") != NULL && p->leap_month == 0) {
		yml_error(c->doc, r, "'leap' needs 'leap_month', the month that gains a day");
		bad = 1;
	}
	if (p->leap_month && !p->new_month && p->leap != CAL_LEAP_CYCLE && yml_get(r, "epoch") != NULL) {
		yml_error(c->doc, r, "years counted from an 'epoch' take their leap years from a cycle: "
		    "leap: {cycle: N, years: [K, ...]}");
		bad = 1;
	}
	v = yml_get(r, "months");
	if (v->type != YML_SEQ || v->nkid != 12) {
		yml_error(c->doc, v, "'months' lists the lengths of the 12 months in a common year");
		return -1;
	}
	for (j = 0; j < 12; j++) {
		bad |= get_int(c, v->kid[j], 28, 32, &p->len[j]);
		sum += p->len[j];
	}
	/* A year that begins on the same Gregorian day every year is a Gregorian year long. */
	if (!bad && p->new_month && sum != 365) {
		yml_error(c->doc, v, "the months add up to %d days; a common year has 365", sum);
		bad = 1;
	}
	return bad ? -1 : 0;
}

struct pnode {
	struct calperiod p;
	const struct yml *n;
};

static int
by_from_desc(const void *a, const void *b)
{
	return ((const struct pnode *)b)->p.from - ((const struct pnode *)a)->p.from;
}

/* A calendar's table: the periods in N (a list), checked as a whole. */
static void
load_periods(struct loadctx *c, const struct yml *n, struct langcal *lc, int old)
{
	const char *what = old ? "'bangla_calendar'" : "'periods'";
	struct pnode *pn;
	struct calendar cal;
	size_t i, np = 0, at;
	char why[300];
	int bad = 0;

	if (yml_want(c->doc, n, YML_SEQ, what) < 0)
		return;
	if (n->nkid == 0) {
		yml_error(c->doc, n, "%s needs at least one set of rules", what);
		return;
	}
	if (lc->p != NULL) {
		yml_error(c->doc, n, "the calendar '%s' is given a table twice in this file", lc->key);
		return;
	}
	pn = ecalloc(n->nkid, sizeof(*pn));
	for (i = 0; i < n->nkid; i++)
		if (load_period(c, n->kid[i], &pn[np].p, old) == 0)
			pn[np++].n = n->kid[i];
		else
			bad = 1;
	qsort(pn, np, sizeof(*pn), by_from_desc);
	for (i = 1; i < np; i++)
		if (pn[i].p.from == pn[i - 1].p.from) {
			yml_error(c->doc, old ? yml_get(pn[i].n, "from") : pn[i].n, "two %s start in year %d",
			    old ? "rules" : "periods", pn[i].p.from);
			bad = 1;
		} else if (old) {
			pn[i].p.to = pn[i - 1].p.from - 1;	/* a rule holds until the next one starts */
		}
	lc->p = ecalloc(np ? np : 1, sizeof(*lc->p));
	for (i = 0; i < np; i++)
		lc->p[i] = pn[i].p;
	cal.name = lc->key;
	cal.p = lc->p;
	cal.np = np;
	if (!bad && cal_check(&cal, why, sizeof(why), &at) < 0) {
		yml_error(c->doc, pn[at].n, "%s", why);
		bad = 1;
	}
	lc->np = bad ? 0 : np;
	free(pn);
}

static int
calendar_key_ok(const char *s)
{
	if (*s < 'a' || *s > 'z')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

/* calendars: {KEY: {name, months, eras, convert, periods}, ...} */
static void
load_calendars(struct loadctx *c, const struct yml *n)
{
	static const char *const keys[] = { "name", "months", "eras", "convert", "periods", NULL };
	size_t i;

	if (yml_want(c->doc, n, YML_MAP, "'calendars'") < 0)
		return;
	for (i = 0; i < yml_npairs(n); i++) {
		const struct yml *k = yml_key(n, i), *m = yml_val(n, i), *v;
		struct langcal *lc;
		int idx;

		if (k->type != YML_SCALAR || !calendar_key_ok(k->str)) {
			yml_error(c->doc, k, "a calendar is named like 'bangla' ([a-z][a-z0-9_]*)");
			continue;
		}
		if (strcmp(k->str, "gregorian") == 0) {
			yml_error(c->doc, k, "the Gregorian calendar is built in: its months are 'months', its "
			    "era words 'eras: gregorian'");
			continue;
		}
		if ((idx = lang_calendar(c, k->str, k)) < 0)
			continue;
		lc = &c->l->cal[idx];
		if (yml_want(c->doc, m, YML_MAP, "a calendar") < 0)
			continue;
		yml_keys(c->doc, m, keys, "a calendar");
		if ((v = yml_get(m, "name")) != NULL && yml_want(c->doc, v, YML_SCALAR, "'name'") == 0) {
			free(lc->name);
			lc->name = estrdup(v->str);
		}
		if ((v = yml_get(m, "months")) != NULL)
			numbered_words(c, v, "month", 1, 12, K_MONTH, idx, lc->mname);
		if ((v = yml_get(m, "eras")) != NULL)
			add_words(c, v, "'eras'", K_ERA, idx, 0, 0);
		if ((v = yml_get(m, "convert")) != NULL) {
			if (yml_get(m, "periods") == NULL)
				yml_error(c->doc, v, "'convert' goes with the calendar's 'periods'");
			yml_bool(c->doc, v, &lc->convert);
		}
		if ((v = yml_get(m, "periods")) != NULL)
			load_periods(c, v, lc, 0);
	}
}

/* ---------------------------------------------------------------- */
/* A language file                                                    */

struct datelang *
datelang_load(const char *file, const char *name)
{
	static const char *const keys[] = {
		"name", "digits", "colons", "months", "weekdays", "ampm", "dayparts",
		"hour_words", "minute_words", "clock_words", "ordinals", "eras", "zones", "fillers",
		"orders", "calendars", "bangla_months", "bangla_calendar", "relative", NULL
	};
	struct loadctx c = {0};
	unsigned before = yml_nerrors;
	const struct yml *root, *v;
	int k;

	if ((c.doc = yml_load(file)) == NULL)
		return NULL;
	c.l = ecalloc(1, sizeof(*c.l));
	c.l->name = estrdup(name);
	c.l->file = estrdup(file);
	c.l->cal[0].key = estrdup("gregorian");
	c.l->cal[0].name = estrdup("Gregorian");
	c.l->ncal = 1;
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
		numbered_words(&c, v, "month", 1, 12, K_MONTH, CAL_GREGORIAN, c.l->cal[0].mname);
	else
		yml_error(c.doc, root, "no 'months': give the names of months 1 to 12");
	if ((v = yml_get(root, "weekdays")) != NULL)
		numbered_words(&c, v, "weekday", 1, 7, K_WEEKDAY, 0, c.l->wdname);
	if ((v = yml_get(root, "ampm")) != NULL)
		load_ampm(&c, v);
	if ((v = yml_get(root, "dayparts")) != NULL)
		load_dayparts(&c, v);
	if ((v = yml_get(root, "hour_words")) != NULL)
		add_words(&c, v, "'hour_words'", K_HOURWORD, 0, 0, 0);
	if ((v = yml_get(root, "minute_words")) != NULL)
		add_words(&c, v, "'minute_words'", K_MINWORD, 0, 0, 0);
	if ((v = yml_get(root, "clock_words")) != NULL)
		add_words(&c, v, "'clock_words'", K_CLOCKWORD, 0, 0, 0);
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
	if ((v = yml_get(root, "calendars")) != NULL)
		load_calendars(&c, v);
	/* The spellings from before calendars were data: the Bangla calendar's months and table. */
	if ((v = yml_get(root, "bangla_months")) != NULL) {
		yml_deprecated(c.doc, v, "bangla_months", "calendars: bangla: months", NULL);
		if ((k = lang_calendar(&c, "bangla", v)) >= 0)
			numbered_words(&c, v, "Bangla month", 1, 12, K_MONTH, k, c.l->cal[k].mname);
	}
	if ((v = yml_get(root, "bangla_calendar")) != NULL) {
		yml_deprecated(c.doc, v, "bangla_calendar", "calendars: bangla: periods",
		    "and 'years: [FROM]' for 'from: FROM'");
		if ((k = lang_calendar(&c, "bangla", v)) >= 0) {
			if (c.l->cal[k].name == NULL)
				c.l->cal[k].name = estrdup("Bangla");
			load_periods(&c, v, &c.l->cal[k], 1);
		}
	}
	if ((v = yml_get(root, "relative")) != NULL)
		load_relative(&c, v);
out:
	yml_free(c.doc);
	hmap_free(&c.seen);
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

struct datelang **
datelang_load_all(const char *rulesdir, const struct yml *const *names, size_t n)
{
	struct datelang **l = ecalloc(n ? n : 1, sizeof(*l));
	struct buf file = {0};
	size_t i;
	int bad = 0;

	for (i = 0; i < n; i++) {
		buf_reset(&file);
		buf_printf(&file, "%s/dates/%s.yaml", rulesdir, names[i]->str);
		if ((l[i] = datelang_load(file.s, names[i]->str)) == NULL)
			bad = 1;
	}
	buf_free(&file);
	if (bad) {
		datelang_free_all(l, n);
		return NULL;
	}
	return l;
}

void
datelang_free_all(struct datelang **l, size_t n)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < n; i++)
		datelang_free(l[i]);
	free(l);
}

void
datelang_free(struct datelang *l)
{
	size_t i, k;

	if (l == NULL)
		return;
	for (i = 0; i < l->nw; i++)
		free(l->w[i].key);
	for (i = 0; i < 8; i++)
		free(l->wdname[i]);
	for (i = 0; i < l->ncal; i++) {
		free(l->cal[i].key);
		free(l->cal[i].name);
		free(l->cal[i].p);
		for (k = 0; k <= CAL_MONTHS; k++)
			free(l->cal[i].mname[k]);
	}
	free(l->w);
	free(l->name);
	free(l->file);
	free(l);
}
