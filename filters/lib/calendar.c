/*
 * calendar.c: Gregorian day numbers, calendars given as tables, and time
 * zone offsets (see calendar.h).  A leaf: it knows no YAML, no language
 * and no regex.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "util.h"

/* ---------------------------------------------------------------- */
/* The Gregorian calendar                                             */

int
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_month_days(int y, int m)
{
	static const int md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	/* A month the text did not give (0) has no days: no day fits in it. */
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_leap(y) ? 29 : md[m - 1];
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

/* The same paper's civil_from_days. */
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

int
date_weekday(long days)
{
	/* 1970-01-01 was a Thursday, ISO weekday 4. */
	return (int)(((days % 7) + 7 + 3) % 7) + 1;
}

char *
date_put2(char *p, int v)
{
	*p++ = (char)('0' + v / 10 % 10);
	*p++ = (char)('0' + v % 10);
	return p;
}

void
date_format_day(char *out, int y, int m, int d)
{
	char *p = date_put2(date_put2(out, y / 100), y % 100);

	*p++ = '-';
	p = date_put2(p, m);
	*p++ = '-';
	p = date_put2(p, d);
	*p = '\0';
}

void
date_format_days(char *out, long days)
{
	int y, m, d;

	date_civil(days, &y, &m, &d);
	date_format_day(out, y, m, d);
}

/* ---------------------------------------------------------------- */
/* Calendars as tables                                                */

static int
popcount(unsigned long long v)
{
	int n = 0;

	for (; v; v &= v - 1)
		n++;
	return n;
}

static int
common_len(const struct calperiod *p)
{
	int k, n = 0;

	for (k = 0; k < CAL_MONTHS; k++)
		n += p->len[k];
	return n;
}

/* Leap years among years 1..N of a cycle (N >= 0). */
static long
cycle_leaps(const struct calperiod *p, long n)
{
	long full, rest;

	if (p->cycle <= 0 || n <= 0)
		return 0;
	full = n / p->cycle;
	rest = n % p->cycle;
	return full * popcount(p->leapyears) + popcount(p->leapyears & ((1ULL << rest) - 1));
}

static int
cycle_leap(const struct calperiod *p, int y)
{
	long k;

	if (p->cycle <= 0)
		return 0;
	k = ((long)y - 1) % p->cycle;
	if (k < 0)
		k += p->cycle;
	return (int)(p->leapyears >> k & 1);
}

/* The day number of the first day of year Y under P. */
static long
year_start(const struct calperiod *p, int y)
{
	if (p->new_month)
		return date_days(y + p->year_offset, p->new_month, p->new_day);
	/* Counted years take their leap years from a cycle (the loader sees to it). */
	return p->epoch + (long)common_len(p) * (y - p->from) + cycle_leaps(p, y - 1L) -
	    cycle_leaps(p, p->from - 1L);
}

/* Length of month K of year Y under P, the month beginning on day START. */
static int
mlen(const struct calperiod *p, int y, int k, long start)
{
	int len = p->len[k - 1];

	if (k == p->leap_month) {
		if (p->leap == CAL_LEAP_CYCLE) {
			len += cycle_leap(p, y);
		} else {
			int gy, gm, gd;

			date_civil(start, &gy, &gm, &gd);
			len += date_leap(gy);
		}
	}
	return len;
}

/*
 * Month M of year Y under P: its first day in *START, and its length.
 * M == 0 gives the length of the whole year.
 */
static int
month_span(const struct calperiod *p, int y, int m, long *start)
{
	long day = year_start(p, y);
	int k, len = 0, total = 0;

	for (k = 1; k <= (m ? m : CAL_MONTHS); k++) {
		len = mlen(p, y, k, day);
		total += len;
		if (k < m || m == 0)
			day += len;
	}
	if (start)
		*start = m ? day : year_start(p, y);
	return m ? len : total;
}

int
cal_month_len(const struct calperiod *p, int y, int m)
{
	return month_span(p, y, m, NULL);
}

static const struct calperiod *
period_of(const struct calendar *c, int y)
{
	size_t i;

	for (i = 0; i < c->np; i++)
		if (y >= c->p[i].from && (c->p[i].to == 0 || y <= c->p[i].to))
			return &c->p[i];
	return NULL;
}

int
cal_days(const struct calendar *c, int y, int m, int d, long *days, int *mlen)
{
	const struct calperiod *p = period_of(c, y);
	long start;
	int len;

	*mlen = 0;
	if (p == NULL)
		return c->np == 0 || y < c->p[c->np - 1].from ? CAL_BEFORE : CAL_NO_RULE;
	if (m < 1 || m > CAL_MONTHS)
		return CAL_NO_DAY;
	len = month_span(p, y, m, &start);
	*mlen = len;
	if (d < 1 || d > len)
		return CAL_NO_DAY;
	*days = start + d - 1;
	return CAL_OK;
}

int
cal_date(const struct calendar *c, long days, int *y, int *m, int *d)
{
	size_t i;

	for (i = 0; i < c->np; i++) {
		const struct calperiod *p = &c->p[i];
		long start;
		int yy, k, len;

		if (p->new_month) {
			int gm, gd;

			date_civil(days, &yy, &gm, &gd);
			yy -= p->year_offset;
		} else {
			if (days < p->epoch)
				continue;
			yy = p->from + (int)((days - p->epoch) / (common_len(p) + 1));
		}
		while (year_start(p, yy) > days)
			yy--;
		while (year_start(p, yy + 1) <= days)
			yy++;
		if (yy < p->from || (p->to && yy > p->to))
			continue;
		for (k = 1; k <= CAL_MONTHS; k++) {
			len = month_span(p, yy, k, &start);
			if (days < start + len) {
				*y = yy;
				*m = k;
				*d = (int)(days - start) + 1;
				return 0;
			}
		}
	}
	return -1;
}

int
cal_check(const struct calendar *c, char *why, size_t n, size_t *bad)
{
	size_t i;

	for (i = 0; i < c->np; i++) {
		const struct calperiod *p = &c->p[i];
		int y, last;

		*bad = i;
		if (p->to && p->to < p->from) {
			snprintf(why, n, "the years run backwards (%d to %d)", p->from, p->to);
			return -1;
		}
		if (i + 1 < c->np) {
			const struct calperiod *q = &c->p[i + 1];	/* the period before */

			if (q->to == 0 || q->to >= p->from) {
				snprintf(why, n, "the years overlap those of the period from %d", q->from);
				return -1;
			}
			if (q->to + 1 == p->from &&
			    year_start(q, q->to) + month_span(q, q->to, 0, NULL) != year_start(p, p->from)) {
				char a[11], b[11];

				date_format_days(a, year_start(q, q->to) + month_span(q, q->to, 0, NULL) - 1);
				date_format_days(b, year_start(p, p->from));
				snprintf(why, n, "year %d ends on %s, but year %d begins on %s", q->to, a, p->from, b);
				return -1;
			}
		}
		if (!p->new_month)
			continue;
		/* Four hundred years repeat the Gregorian calendar: enough to see every case. */
		last = p->to ? p->to : p->from + 399;
		if (last > p->from + 399)
			last = p->from + 399;
		for (y = p->from; y <= last; y++) {
			long end = year_start(p, y) + month_span(p, y, 0, NULL);

			if (end != year_start(p, y + 1)) {
				char a[11], b[11];

				date_format_days(a, end - 1);
				date_format_days(b, year_start(p, y + 1));
				snprintf(why, n, "year %d ends on %s, but year %d begins on %s: the months do not "
				    "fill the year, or the leap month is not the one that takes 29 February",
				    y, a, y + 1, b);
				return -1;
			}
		}
	}
	return 0;
}

/* ---------------------------------------------------------------- */
/* Zones                                                              */

struct datezone {
	char *name;
	struct datezone *next;
};

/* The zones are interned for the whole process, as TZ itself is. */
static struct datezone *zones;
static const struct datezone *tz_now;	/* the zone TZ is set to */

/* Offsets by local day, so a stream of dates costs a table lookup each. */
#define ZCACHE 4096
static struct {
	const struct datezone *z;
	long day;
	long off;
	unsigned gen;		/* an entry of another generation is empty */
} zcache[ZCACHE];
/*
 * Freeing the zones starts a generation, rather than clearing the table:
 * clearing its 96 KB at exit was 23 page faults of extract-meta's start.
 */
static unsigned zgen = 1;

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
	zgen++;
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

long
datezone_utc_offset(const struct datezone *z, long long utc)
{
	return utc_offset(z, (time_t)utc);
}

/*
 * A day with the same offset a little before its first and after its
 * last possible instant has that offset throughout (no zone changes its
 * clocks twice in two days), and is cached; on the few days a clock
 * changes, the time itself decides, and may not exist or exist twice.
 */
int
datezone_offset(const struct datezone *z, int y, int m, int d, int hh, int mi, int ss, long *off)
{
	long day = date_days(y, m, d);
	size_t slot = (size_t)((unsigned long)day * 2654435761u ^ (uintptr_t)z >> 4) & (ZCACHE - 1);
	time_t l0 = (time_t)day * 86400, l;
	long a, b, got[2];
	int nv = 0;

	if (zcache[slot].gen == zgen && zcache[slot].z == z && zcache[slot].day == day) {
		*off = zcache[slot].off;
		return ZONE_OK;
	}
	a = utc_offset(z, l0 - 14 * 3600 - 1);
	b = utc_offset(z, l0 + 86400 + 12 * 3600);
	if (a == b) {
		zcache[slot].z = z;
		zcache[slot].gen = zgen;
		zcache[slot].day = day;
		zcache[slot].off = a;
		*off = a;
		return ZONE_OK;
	}
	l = l0 + hh * 3600 + mi * 60 + ss;
	if (utc_offset(z, l - a) == a)
		got[nv++] = a;
	if (utc_offset(z, l - b) == b)
		got[nv++] = b;
	if (nv == 0)
		return ZONE_SKIPPED;
	if (nv == 2)
		return ZONE_TWICE;
	*off = got[0];
	return ZONE_OK;
}
