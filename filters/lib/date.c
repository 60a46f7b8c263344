/*
 * date.c: the date reader behind normalize-date (see date.h): a header's
 * date, date_parse.  Dates in running text are datetext.c's; the
 * languages are loaded by datelang.c and merged by dateset.c; calendars
 * and zones are calendar.c's arithmetic.
 *
 * A string is cut into tokens (numbers in any digits a language file
 * gives, words looked up in the merged vocabulary, punctuation); the time
 * of day is found first, then day, month and year are matched against the
 * orders the languages allow.  Every reading that fits is kept: one
 * reading is a date, two different ones are a warning, never a guess.  A
 * date printed in two or three calendars is read once, and the calendars
 * must agree.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "datelang.h"
#include "dateread.h"
#include "text.h"
#include "util.h"

static const struct word *
lookup(const struct dateset *ds, const char *key, size_t n)
{
	return hmap_get(&ds->words, key, n);
}

/* ---------------------------------------------------------------- */
/* Tokens                                                             */

/*
 * The class of BMP code point CP: the set's table holds class + 1, filled in
 * the first time a character is met (dateset.c).
 */
static inline int
bmp_class(const struct dateset *ds, int32_t cp)
{
	unsigned char c = ds->cls[cp];

	if (c == 0)
		ds->cls[cp] = c = (unsigned char)(datelang_class(cp) + 1);
	return c - 1;
}

static inline int
classify(const struct dateset *ds, const unsigned char *p, size_t n, int32_t *cpo, int *len)
{
	int32_t cp;
	int k;

	if (*p < 0x80) {
		*len = 1;
		*cpo = *p;
		return ds->cls[*p] - 1;
	}
	if ((k = text_decode(p, n, &cp)) < 0) {
		*len = 1;
		*cpo = 0xFFFD;
		return C_LETTER;
	}
	*len = k;
	*cpo = cp;
	return cp < 0x10000 ? bmp_class(ds, cp) : datelang_class(cp);
}

/*
 * The letters of a word from s[*pos] on (its first character of class
 * CL, LEN bytes), into KEY at *K (its lookup key: ASCII lower-cased,
 * joiners dropped); a '.' between letters belongs to the word ("a.m.")
 * but not one at its end.  *TOOLONG when it does not fit.
 */
static void
read_word(const struct dateset *ds, const unsigned char *u, size_t n, size_t *pos, int cl, int len, char *key,
    size_t *k, int *toolong)
{
	size_t p = *pos;
	int32_t cp;

	for (;;) {
		if (cl == C_LETTER) {
			if (*k + (size_t)len >= KEYMAX)
				*toolong = 1;
			else if (len == 1)
				key[(*k)++] = (char)(u[p] >= 'A' && u[p] <= 'Z' ? u[p] + 32 : u[p]);
			else {
				memcpy(key + *k, u + p, (size_t)len);
				*k += (size_t)len;
			}
		} else if (cl != C_JOINER) {
			int32_t c2;
			int l2;

			if (cl != '.' || p + 1 >= n || classify(ds, u + p + 1, n - p - 1, &c2, &l2) != C_LETTER)
				break;
		}
		p += (size_t)len;
		if (p >= n)
			break;
		cl = classify(ds, u + p, n - p, &cp, &len);
		if (cl != C_LETTER && cl != C_JOINER && cl != '.')
			break;
	}
	*pos = p;
}

static const struct word *
find_word(const struct dateset *ds, const char *key, size_t k)
{
	const struct word *w = lookup(ds, key, k);

	if (w == NULL && !text_nfc_quick(key, k)) {
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
	return w;
}

/*
 * A month name of two or three words (রবিউল আউয়াল) that begins with the
 * word KEY (K bytes, its meaning W or NULL) just read: the longest the
 * set knows, the words one space or more apart.  Returns its meaning and
 * moves *POS past it, or returns W.
 */
static const struct word *
read_phrase(const struct dateset *ds, const unsigned char *u, size_t n, size_t *pos, const char *key,
    size_t k, const struct word *w)
{
	char pk[KEYMAX];
	size_t q = *pos;
	int words;

	memcpy(pk, key, k);
	for (words = 1; words < 3 && (ds->headlen >> k & 1) && hmap_has(&ds->heads, pk, k); words++) {
		const struct word *w2;
		size_t r = q;
		int32_t cp;
		int len, toolong = 0;

		int cl = C_SPACE;

		while (r < n && (cl = classify(ds, u + r, n - r, &cp, &len)) == C_SPACE)
			r += (size_t)len;
		if (r == q || r >= n || cl != C_LETTER || k + 1 >= KEYMAX)
			break;
		pk[k++] = ' ';
		read_word(ds, u, n, &r, cl, len, pk, &k, &toolong);
		if (toolong)
			break;
		if ((w2 = find_word(ds, pk, k)) != NULL) {
			w = w2;
			*pos = r;
		}
		q = r;
	}
	return w;
}

/*
 * The next token of s[*pos..n); 0 at the end.  A word keeps '.' inside
 * it ("a.m.") but not at its end, and is looked up by its key.
 */
int
date_next_token(const struct dateset *ds, const char *s, size_t n, size_t *pos, struct tok *t)
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
		size_t p4 = 0;
		int v4 = 0;

		t->type = T_NUM;
		while (cl >= C_DIGIT0 && cl < C_DIGIT0 + 10) {
			if (t->ndig < 9)
				t->val = t->val * 10 + (cl - C_DIGIT0);
			if (t->ndig < 99)
				t->ndig++;
			p += (size_t)len;
			if (t->ndig == 4)
				p4 = p, v4 = t->val;
			if (p >= n)
				break;
			cl = classify(ds, u + p, n - p, &cp, &len);
		}
		/*
		 * A year glued to the time after it ("March 26, 20226:01 am"):
		 * five or six digits right before a colon, the first four a year
		 * of 1900-2099, are the year, then the hour.
		 */
		if ((t->ndig == 5 || t->ndig == 6) && p < n && u[p] == ':' && v4 >= 1900 && v4 <= 2099) {
			p = p4;
			t->val = v4;
			t->ndig = 4;
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
		read_word(ds, u, n, &p, cl, len, key, &k, &toolong);
		w = toolong ? NULL : find_word(ds, key, k);
		if (!toolong && (ds->headlen >> k & 1))
			w = read_phrase(ds, u, n, &p, key, k, w);
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

int
date_starts_daypart(const struct dateset *ds, const char *s, size_t n)
{
	struct tok t;
	size_t pos = 0;

	return date_next_token(ds, s, n, &pos, &t) && t.type == T_WORD && t.kind == K_HOURS;
}

/* ---------------------------------------------------------------- */
/* Calendars                                                          */

static int fail(struct date_result *out, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
fail(struct date_result *out, int status, const char *fmt, ...)
{
	va_list ap;

	out->status = (enum date_status)status;
	out->iso[0] = '\0';
	va_start(ap, fmt);
	if (vsnprintf(out->why, sizeof(out->why), fmt, ap) >= (int)sizeof(out->why))
		out->why[text_utf8_floor(out->why, sizeof(out->why) - 1)] = '\0';	/* whole characters */
	va_end(ap);
	return status;
}

/*
 * The Gregorian day number of day D of month M of year Y of the set's
 * calendar CAL (not the Gregorian one), by the calendar's table in the
 * language files (calendar.h): for the Bangla calendar, the revised
 * calendar of Bangladesh with its 1987 and 2019 rules (see bn.yaml).  The
 * traditional calendar of West Bengal follows the sun and has no table.
 */
int
date_to_days(const struct dateset *ds, int cal, int y, int m, int d, long *days, struct date_result *out)
{
	const struct setcal *sc = &ds->cal[cal];
	const char *name = sc->cal.name;
	int len;

	if (sc->cal.np == 0)
		return fail(out, DATE_CALENDAR, "%s dates cannot be converted: no language file of the site "
		    "gives the calendar's table", name);
	if (sc->kept)
		return fail(out, DATE_CALENDAR, "%s dates are kept as printed on this site ('keep_raw' in its "
		    "rules)", name);
	if (!sc->convert)
		return fail(out, DATE_CALENDAR, "%s dates are not converted to Gregorian ones ('convert: no' in "
		    "the rules)", name);
	switch (cal_days(&sc->cal, y, m, d, days, &len)) {
	case CAL_OK:
		return DATE_OK;
	case CAL_BEFORE:
		return fail(out, DATE_CALENDAR, "%s year %d is before the calendar rules (from %d)", name, y,
		    sc->cal.p[sc->cal.np - 1].from);
	case CAL_NO_RULE:
		return fail(out, DATE_CALENDAR, "no rule of the %s calendar covers year %d", name, y);
	default:
		return fail(out, DATE_NO_SUCH_DAY, "no such day: %s month %d of %d has %d days", name, m, y, len);
	}
}

/* ---------------------------------------------------------------- */
/* Day, month and year                                                */

#define MAXTOK 96
#define MAXCOMP 12

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
		return r->cal == CAL_GREGORIAN && r->d > date_month_days(2000, r->m) ? R_NODAY : R_OK;
	}
	if (r->ydig == 3 || r->ydig > 4 || r->y == 0)
		return R_BAD;
	if (r->ydig <= 2)
		return R_TWO;
	if (r->cal == CAL_GREGORIAN && r->d > date_month_days(r->y, r->m))
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
int
date_read_comps(const struct dateset *ds, const struct comp *c, size_t nc, int yearless,
    struct reading res[2])
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
		p = date_put2(p, out->hour);
		*p++ = ':';
		p = date_put2(p, out->min);
		*p++ = ':';
		p = date_put2(p, out->sec);
		*p++ = out->offset < 0 ? '-' : '+';
		p = date_put2(p, (int)(a / 3600));
		*p++ = ':';
		p = date_put2(p, (int)(a / 60 % 60));
		*p = '\0';
	}
}

/* Place the local time of OUT in ZONE, unless it came with an offset. */
static int
finish(struct date_result *out, struct datezone *zone)
{
	out->weekday = date_weekday(date_days(out->year, out->month, out->day));
	if (out->has_time && !out->has_offset) {
		if (zone == NULL)
			return fail(out, DATE_UNREADABLE, "no time zone");
		switch (datezone_offset(zone, out->year, out->month, out->day, out->hour, out->min, out->sec,
		    &out->offset)) {
		case ZONE_SKIPPED:
			return fail(out, DATE_NO_TIME, "%02d:%02d does not exist on %04d-%02d-%02d in %s (the "
			    "clocks were put forward)", out->hour, out->min, out->year, out->month, out->day,
			    datezone_name(zone));
		case ZONE_TWICE:
			return fail(out, DATE_TWO_TIMES, "%02d:%02d happened twice on %04d-%02d-%02d in %s (the "
			    "clocks were put back)", out->hour, out->min, out->year, out->month, out->day,
			    datezone_name(zone));
		}
		out->has_offset = 1;
	}
	if (out->has_offset && out->offset % 60 != 0)
		return fail(out, DATE_UNREADABLE, "the offset %+ld s is not whole minutes", out->offset);
	format_iso(out);
	out->status = DATE_OK;
	return DATE_OK;
}

/*
 * The instant OUT names (a local time and its offset) as the local time of
 * ZONE: a head's "2024-03-02T10:15:30Z" is "2024-03-02T16:15:30+06:00" for
 * a Bangladeshi site, the same instant in the site's own zone, as the
 * dates the page prints are written.
 */
static void
to_zone(struct date_result *out, struct datezone *zone)
{
	long long utc = (long long)date_days(out->year, out->month, out->day) * 86400 +
	    out->hour * 3600L + out->min * 60L + out->sec - out->offset, local;
	long off = datezone_utc_offset(zone, utc);

	local = utc + off;
	date_civil((long)(local >= 0 ? local / 86400 : (local - 86399) / 86400), &out->year, &out->month, &out->day);
	local -= (local >= 0 ? local / 86400 : (local - 86399) / 86400) * 86400;
	out->hour = (int)(local / 3600);
	out->min = (int)(local / 60 % 60);
	out->sec = (int)(local % 60);
	out->offset = off;
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
	if (m < 1 || m > 12 || d < 1 || y < 1 || d > date_month_days(y, m) || hh > 23 || mi > 59 || ss > 59) {
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
	if (out->has_offset && zone != NULL)
		to_zone(out, zone);
	finish(out, zone);
	return 1;
}

/*
 * Find the time of day: H:MM[:SS], H:M next to a day-part word, H.MM
 * before a 12-hour marker, H with an hour word ("১০টা") and maybe
 * minutes, or H before a 12-hour marker ("4 PM").  Then the day-part words next to it, and a zone after it.
 */
static int
read_time(struct tok *t, size_t nt, struct date_result *out)
{
	size_t i, t0 = 0, t1 = 0, a;
	int found = 0, h = 0, mi = 0, ss = 0, cand[2], nc, k;
	int range[2][2], nrange = 0;

	for (i = 0; i < nt; i++) {
		size_t end;
		int hh = t[i].val, mm = 0, s2 = 0;

		/* A zone's offset ("GMT+06:00") is no time of day. */
		if (t[i].type == T_NUM && i >= 2 && (is_punct(t, i - 1, nt, '+') || is_punct(t, i - 1, nt, '-')) &&
		    is_kind(t, i - 2, nt, K_ZONE))
			continue;
		if (is_num(t, i, nt, 4) && t[i].ndig == 4 && is_kind(t, i + 1, nt, K_CLOCKWORD)) {
			/* Four digits and a clock word: the 24-hour time HHMM ("১৬৩৪ ঘণ্টা"). */
			hh = t[i].val / 100;
			mm = t[i].val % 100;
			end = i + 1;
		} else if (!is_num(t, i, nt, 2)) {
			continue;
		} else if (is_punct(t, i + 1, nt, ':') && is_num(t, i + 2, nt, 2) && t[i + 2].ndig == 2) {
			mm = t[i + 2].val;
			end = i + 2;
			if (is_punct(t, i + 3, nt, ':') && is_num(t, i + 4, nt, 2) && t[i + 4].ndig == 2) {
				s2 = t[i + 4].val;
				end = i + 4;
			}
		} else if (is_punct(t, i + 1, nt, ':') && is_num(t, i + 2, nt, 2) && t[i + 2].ndig == 1 &&
		    ((i > 0 && is_kind(t, i - 1, nt, K_HOURS)) || is_kind(t, i + 3, nt, K_HOURS))) {
			/*
			 * A minute of one digit, next to a day-part word ("দুপুর
			 * ২:৫", a clock a script prints unpadded): H:0M, as no
			 * one writes 2:50 so; alone, "২:৫" may be a score.
			 */
			mm = t[i + 2].val;
			end = i + 2;
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
	/*
	 * A comma or a colon may stand between the time and its day part
	 * ("১১:৪৪:১৫,অপরাহ্ন", "৪:২২:অপরাহ্ণ"): a slip of the typist, not
	 * another part of the date.
	 */
	if ((is_punct(t, a, nt, ',') || is_punct(t, a, nt, ':')) && is_kind(t, a + 1, nt, K_HOURS))
		t[a++].used = 1;
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
	/*
	 * A zone after the time: a word (IST), an offset (+06:00), or both
	 * (GMT+6); perhaps in brackets ("২১:০৩:৪২ (GMT+06)", a theme's stamp).
	 */
	if (is_punct(t, a, nt, '(') && is_kind(t, a + 1, nt, K_ZONE)) {
		for (k = (int)a + 2; k < (int)nt && !is_punct(t, (size_t)k, nt, ')'); k++)
			;
		if (k < (int)nt)
			t[k].used = 1;
		t[a++].used = 1;
	}
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
		if (k->type == T_NUM || (k->type == T_WORD && k->kind == K_MONTH)) {
			if (nc == MAXCOMP)
				return fail(out, DATE_UNREADABLE, "too many numbers");
			memset(&c[nc], 0, sizeof(c[nc]));
			c[nc].kind = k->type == T_NUM ? 'N' : 'M';
			c[nc].val = k->val;
			c[nc].ndig = k->ndig;
			c[nc].numeric = k->numeric;
			c[nc].cal = k->type == T_NUM ? -1 : k->val2;
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
			/*
			 * The same era word again, right after it: a theme that
			 * prints it twice ("২০২৫ খ্রিস্টাব্দ খ্রিস্টাব্দ", greenpage,
			 * eval s17).
			 */
			if (k->kind == K_ERA && i > 0 && t[i - 1].type == T_WORD && t[i - 1].kind == K_ERA &&
			    t[i - 1].val == k->val)
				break;
			/* It marks the number just before it as the day, or the year. */
			if (nc == 0 || c[nc - 1].kind != 'N' || c[nc - 1].ti != (int)i - 1 || c[nc - 1].tag)
				return fail(out, DATE_UNREADABLE, "%s not after a number",
				    datelang_kind_names[k->kind]);
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

/*
 * A date O printed beside the date read, day GD, must be the same day.
 * A day off is let pass: pages print the Bangla date by the superseded
 * 1987 rules (a day behind the 2019 ones from Kartik to Falgun), or let
 * it begin at sunrise.  A date its calendar cannot convert (a year
 * outside the table, a calendar whose dates are not converted) is not
 * checked; a day its month does not have is wrong.
 */
static int
agree(const struct dateset *ds, long gd, const struct reading *o, struct date_result *out)
{
	const struct setcal *sc = &ds->cal[o->cal];
	struct date_result scratch;
	long od = 0;
	char a[11], b[11], month[80];

	if (sc->mname[o->m])
		snprintf(month, sizeof(month), "%s", sc->mname[o->m]);
	else
		snprintf(month, sizeof(month), "month %d", o->m);
	date_format_days(b, gd);
	if (date_to_days(ds, o->cal, o->y, o->m, o->d, &od, &scratch) != DATE_OK) {
		if (scratch.status != DATE_NO_SUCH_DAY)
			return DATE_OK;
		return fail(out, DATE_MISMATCH, "the %s date %d %s %d is no day (%s), and cannot be %s",
		    sc->cal.name, o->d, month, o->y, scratch.why, b);
	}
	if (labs(od - gd) <= 1)
		return DATE_OK;
	date_format_days(a, od);
	return fail(out, DATE_MISMATCH, "the %s date %d %s %d is %s, not %s", sc->cal.name, o->d, month, o->y,
	    a, b);
}

#define MAXGROUPS 3

/*
 * Of the readings G of one date printed in several calendars, the one
 * to write: the Gregorian one, else the first whose calendar converts.
 * Readings of its calendar must be the same; the others go to OTHERS, to
 * be checked against it.
 */
static int
pick_reading(const struct dateset *ds, const struct reading *g, size_t ng, struct reading *pick,
    struct reading *others, size_t *no, struct date_result *out)
{
	struct date_result scratch;
	size_t i, p = ng;
	long day;

	for (i = 0; i < ng && p == ng; i++)
		if (g[i].cal == CAL_GREGORIAN)
			p = i;
	for (i = 0; i < ng && p == ng; i++)
		if (date_to_days(ds, g[i].cal, g[i].y, g[i].m, g[i].d, &day, &scratch) == DATE_OK)
			p = i;
	if (p == ng)
		p = 0;
	*pick = g[p];
	*no = 0;
	for (i = 0; i < ng; i++) {
		if (i == p)
			continue;
		if (g[i].cal != g[p].cal)
			others[(*no)++] = g[i];
		else if (!same_reading(&g[i], &g[p]))
			return fail(out, DATE_UNREADABLE, "two different dates");
	}
	return DATE_OK;
}

/*
 * Two or three month names: one date printed in several calendars
 * (২০ নভেম্বর ২০২৫, ৫ অগ্রহায়ণ ১৪৩২, ২৮ জমাদিউল আউয়াল ১৪৪৭), which must
 * agree, or the same date twice.  The pieces are cut into groups of one
 * month name each, every cut tried; cuts that read differently are a
 * warning, as two orders are.
 */
static int
read_groups(const struct dateset *ds, const struct comp *c, size_t nc, size_t nmonth, struct reading *got,
    struct date_result *out)
{
	struct reading g[MAXGROUPS], others[MAXGROUPS], keep[MAXGROUPS];
	size_t pm[MAXGROUPS], cut[MAXGROUPS + 1], i, j, nkeep = 0, no;
	int k, n = 0;
	long day;

	for (i = j = 0; i < nc; i++)
		if (c[i].kind == 'M')
			pm[j++] = i;
	/* Cut K lies after month name K - 1 and at or before month name K. */
	cut[0] = 0;
	cut[nmonth] = nc;
	for (k = 1; k < (int)nmonth; k++)
		cut[k] = pm[k - 1] + 1;
	for (;;) {
		struct reading r[2], pick;

		for (i = 0; i < nmonth; i++) {
			if (date_read_comps(ds, c + cut[i], cut[i + 1] - cut[i], 0, r) != R_OK)
				break;
			g[i] = r[0];
		}
		if (i == nmonth) {
			if (pick_reading(ds, g, nmonth, &pick, others, &no, out) != DATE_OK)
				return out->status;
			if (n == 1 && !same_reading(got, &pick)) {
				struct reading two[2];

				two[0] = *got;
				two[1] = pick;
				return order_message(out, two);
			}
			*got = pick;
			n = 1;
			memcpy(keep, others, no * sizeof(*others));
			nkeep = no;
		}
		/* The next cut, the last one moving first. */
		for (k = (int)nmonth - 1; k >= 1 && cut[k] == pm[k]; k--)
			;
		if (k < 1)
			break;
		cut[k]++;
		for (k++; k < (int)nmonth; k++)
			cut[k] = pm[k - 1] + 1;
	}
	if (n == 0)
		return fail(out, DATE_UNREADABLE, "%s", "");
	if (got->cal == CAL_GREGORIAN)
		day = date_days(got->y, got->m, got->d);
	else if (date_to_days(ds, got->cal, got->y, got->m, got->d, &day, out) != DATE_OK)
		return out->status;
	for (i = 0; i < nkeep; i++)
		if (agree(ds, day, &keep[i], out) != DATE_OK)
			return out->status;
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
	while (date_next_token(ds, s, n, &pos, &t[nt]))
		if (++nt == MAXTOK)
			return fail(out, DATE_UNREADABLE, "too long for a date");
	if (read_time(t, nt, out) != DATE_OK)
		return out->status;
	for (i = 0; i < nt; i++)
		if (t[i].type == T_WORD && !t[i].used &&
		    (t[i].kind == K_HOURS || t[i].kind == K_HOURWORD || t[i].kind == K_MINWORD || t[i].kind == K_ZONE ||
		    t[i].kind == K_CLOCKWORD))
			return fail(out, DATE_UNREADABLE, "%s away from the time", datelang_kind_names[t[i].kind]);
	if (collect(t, nt, c, &nc, &weekday, out) != DATE_OK)
		return out->status;
	for (i = 0; i < nc; i++)
		nmonth += c[i].kind == 'M';
	if (nc == 0)
		return fail(out, DATE_UNREADABLE, "no date");
	if (nmonth <= 1) {
		k = date_read_comps(ds, c, nc, 0, res);
		if (k == R_BAD && date_read_comps(ds, c, nc, 1, res) == R_OK)
			return fail(out, DATE_NO_YEAR, "no year");
		if (reading_status(out, k, res) != DATE_OK)
			return out->status;
	} else if (nmonth <= MAXGROUPS) {
		if (read_groups(ds, c, nc, nmonth, &res[0], out) != DATE_OK)
			return out->status;
	} else {
		return fail(out, DATE_UNREADABLE, "more than %d month names", MAXGROUPS);
	}
	out->calendar = res[0].cal;
	if (res[0].cal != CAL_GREGORIAN) {
		long days;

		if (date_to_days(ds, res[0].cal, res[0].y, res[0].m, res[0].d, &days, out) != DATE_OK)
			return out->status;
		date_civil(days, &out->year, &out->month, &out->day);
	} else {
		out->year = res[0].y;
		out->month = res[0].m;
		out->day = res[0].d;
	}
	out->weekday = date_weekday(date_days(out->year, out->month, out->day));
	if (weekday && weekday != out->weekday) {
		char day[11];

		date_format_day(day, out->year, out->month, out->day);
		return fail(out, DATE_WEEKDAY, "the weekday is %s, but %s is %s",
		    ds->wdname[weekday] ? ds->wdname[weekday] : "another day", day,
		    ds->wdname[out->weekday] ? ds->wdname[out->weekday] : "not");
	}
	return finish(out, zone);
}
