/*
 * datetext.c: dates mentioned in running text (date_mentions, see
 * date.h).  The body is read sentence by sentence with the tokens of the
 * date reader; at each token the longest run of pieces that reads as one
 * date, or a range of two, is taken; relative words (yesterday, last,
 * next) and dates without a year are resolved against the publication
 * date, and a printed weekday or relative day must agree with the date.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "datelang.h"
#include "dateread.h"
#include "util.h"

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
		if (t[i].type == T_WORD && t[i].kind == K_MONTH) {
			memset(&c[nc], 0, sizeof(c[nc]));
			c[nc].kind = 'M';
			c[nc].val = t[i].val;
			c[nc].cal = t[i].val2;
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
		if (date_read_comps(ds, c, p, 0, res) == R_OK || date_read_comps(ds, c, p, 1, res) == R_OK) {
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
	long days;

	if (r->cal != CAL_GREGORIAN)
		return date_to_days(ds, r->cal, r->y, r->m, r->d, &days, &scratch) == DATE_OK ? days : -1;
	if (r->d > date_month_days(r->y, r->m))
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

		if (r->m < 1 || r->m > 12 || r->d < 1 || r->d > date_month_days(y, r->m))
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
			int pw = date_weekday(pubday);

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
		} else if (wd && date_weekday(d1) != wd) {
			char a[11];
			int y, m, d;

			date_civil(d1, &y, &m, &d);
			date_format_day(a, y, m, d);
			snprintf(msg, sizeof(msg), "the weekday is %s, but %s is %s",
			    ds->wdname[wd] ? ds->wdname[wd] : "another day", a,
			    ds->wdname[date_weekday(d1)] ? ds->wdname[date_weekday(d1)] : "not");
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
		more = date_next_token(ds, s, n, &pos, &tk);
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
