/*
 * tests/unit/calendar.c: day arithmetic (filters/lib/calendar.c) on its own:
 * Gregorian day numbers, table calendars, zone offsets.
 *
 * Prints TAP.  The tables are written out here in C, the same numbers as
 * rules/dates/bn.yaml, so that the mechanism is tested apart from the
 * loader.  Expected dates are checked by hand from the rules (see the
 * comments in bn.yaml and tests/dates/table.tsv); the Hijri ones come from
 * the formula of Reingold and Dershowitz, "Calendrical Calculations"
 * (fixed-from-islamic), computed apart from this code.  Last, the tables
 * of the shipped rules/dates/bn.yaml must be these same tables, so that
 * what is checked here is what normalize-date uses (run from the top of
 * the tree, as tests/t/10-unit.t does).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "date.h"
#include "datelang.h"

#include "tap.h"

static int
is_day(long got, int y, int m, int d, const char *what)
{
	char a[11], b[11];
	int pass = got == date_days(y, m, d);

	date_format_days(a, got);
	date_format_day(b, y, m, d);
	ok(pass, "%s is %s", what, b);
	if (!pass)
		printf("#   got %s\n", a);
	return pass;
}

/* The revised Bangla calendar of Bangladesh: the 2019 rules from 1426, the 1987 rules before. */
static struct calperiod bangla_p[] = {
	{ .from = 1426, .to = 0, .len = { 31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30 },
	  .leap_month = 11, .leap = CAL_LEAP_GREGORIAN, .new_month = 4, .new_day = 14, .year_offset = 593 },
	{ .from = 1394, .to = 1425, .len = { 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30, 30 },
	  .leap_month = 11, .leap = CAL_LEAP_GREGORIAN, .new_month = 4, .new_day = 14, .year_offset = 593 },
};
static const struct calendar bangla = { "Bangla", bangla_p, 2 };
/* The 1987 rules alone, carried on past 1425, to see where the two part. */
static struct calperiod old_p[1];
static struct calendar old1987 = { "Bangla 1987", old_p, 1 };

/* The tabular Hijri calendar: 30-year cycle, the usual 11 leap years. */
static struct calperiod hijri_p[] = {
	{ .from = 1, .to = 0, .len = { 30, 29, 30, 29, 30, 29, 30, 29, 30, 29, 30, 29 },
	  .leap_month = 12, .leap = CAL_LEAP_CYCLE, .cycle = 30,
	  .leapyears = 1 << 1 | 1 << 4 | 1 << 6 | 1 << 9 | 1 << 12 | 1 << 15 | 1 << 17 | 1 << 20 | 1 << 23 |
	      1 << 25 | 1 << 28 },	/* years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 */
};
static const struct calendar hijri = { "Hijri", hijri_p, 1 };

static long
bd(const struct calendar *c, int y, int m, int d)
{
	long days = -999999;
	int len;

	if (cal_days(c, y, m, d, &days, &len) != CAL_OK)
		return -999999;
	return days;
}

static void
gregorian(void)
{
	long z;
	int y, m, d, bad = 0;

	ok(date_days(1970, 1, 1) == 0, "1970-01-01 is day 0");
	ok(date_days(2000, 3, 1) == 11017, "2000-03-01 is day 11017");
	ok(date_days(1969, 12, 31) == -1, "1969-12-31 is day -1");
	ok(date_weekday(date_days(2025, 11, 20)) == 4, "2025-11-20 is a Thursday");
	ok(date_weekday(date_days(1971, 12, 16)) == 4, "1971-12-16 is a Thursday");
	ok(date_leap(2000) && date_leap(2024) && !date_leap(1900) && !date_leap(2025), "leap years");
	ok(date_month_days(2024, 2) == 29 && date_month_days(2025, 2) == 28 && date_month_days(2025, 0) == 0,
	    "February's days; a month 0 has none");
	for (z = -800000; z <= 800000; z += 7) {
		date_civil(z, &y, &m, &d);
		if (m < 1 || m > 12 || d < 1 || d > date_month_days(y, m) || date_days(y, m, d) != z)
			bad++;
	}
	ok(bad == 0, "date_civil and date_days are inverses over 4,000 years (%d bad)", bad);
	{
		char s[11];

		date_format_day(s, 2025, 1, 5);
		ok(strcmp(s, "2025-01-05") == 0, "date_format_day: %s", s);
	}
}

static void
bangla_dates(void)
{
	long z, first, last;
	int y, m, d, py = 0, pm = 0, pd = 0, bad = 0, len = 0;

	is_day(bd(&bangla, 1432, 1, 1), 2025, 4, 14, "1 Boishakh 1432");
	is_day(bd(&bangla, 1432, 8, 1), 2025, 11, 16, "1 Agrahayan 1432");
	is_day(bd(&bangla, 1432, 8, 5), 2025, 11, 20, "5 Agrahayan 1432 (the issue's agreeing pair)");
	is_day(bd(&bangla, 1432, 9, 20), 2026, 1, 4, "20 Poush 1432 (a month off 20 November)");
	is_day(bd(&bangla, 1432, 9, 1), 2025, 12, 16, "1 Poush 1432, Victory Day");
	is_day(bd(&bangla, 1432, 11, 8), 2026, 2, 21, "8 Falgun 1432, 21 February");
	is_day(bd(&bangla, 1432, 12, 12), 2026, 3, 26, "12 Chaitra 1432, 26 March");
	is_day(bd(&bangla, 1430, 11, 30), 2024, 3, 14, "30 Falgun 1430: Falgun has 30 days in 2024");
	is_day(bd(&bangla, 1425, 11, 9), 2019, 2, 21, "9 Falgun 1425: the 1987 rules");
	is_day(bd(&bangla, 1422, 11, 31), 2016, 3, 14, "31 Falgun 1422: the 1987 rules, a leap year");
	is_day(bd(&bangla, 1394, 1, 1), 1987, 4, 14, "1 Boishakh 1394, the first year of the 1987 rules");
	is_day(bd(&bangla, 1426, 6, 31), 2019, 10, 16, "31 Ashwin 1426, the cut-over day");
	ok(cal_days(&bangla, 1432, 11, 30, &z, &len) == CAL_NO_DAY && len == 29, "30 Falgun 1432: no such day (29)");
	ok(cal_days(&bangla, 1425, 6, 31, &z, &len) == CAL_NO_DAY && len == 30, "31 Ashwin 1425: no such day (30)");
	ok(cal_days(&bangla, 1390, 1, 1, &z, &len) == CAL_BEFORE, "1390 is before the rules");
	len = cal_date(&bangla, date_days(2025, 11, 20), &y, &m, &d);
	ok(len == 0 && y == 1432 && m == 8 && d == 5, "2025-11-20 is 5 Agrahayan 1432 (got %d-%d-%d)", y, m, d);
	ok(cal_date(&bangla, date_days(1987, 4, 13), &y, &m, &d) == -1, "1987-04-13 is before the rules");

	/* Day after day from 1394 to 1500: one calendar day each, in order, and back. */
	first = date_days(1987, 4, 14);
	last = date_days(2093, 4, 13);
	for (z = first; z <= last; z++) {
		long back;

		if (cal_date(&bangla, z, &y, &m, &d) != 0) {
			bad++;
			continue;
		}
		if (z > first && !(y == py && m == pm && d == pd + 1) && !(y == py && m == pm + 1 && d == 1) &&
		    !(y == py + 1 && m == 1 && d == 1 && pm == 12))
			bad++;
		if (cal_days(&bangla, y, m, d, &back, &len) != CAL_OK || back != z)
			bad++;
		py = y;
		pm = m;
		pd = d;
	}
	ok(bad == 0 && py == 1499 && pm == 12 && pd == 30, "every day from 1394 to 1499 once, in order (%d bad)",
	    bad);

	/* The cut-over: within 1426 both rule sets agree up to 30 Ashwin (15 October 2019). */
	old_p[0] = bangla_p[1];
	old_p[0].to = 0;
	bad = 0;
	for (z = date_days(2019, 4, 14); z < date_days(2019, 10, 16); z++) {
		int y2, m2, d2;

		if (cal_date(&bangla, z, &y, &m, &d) != 0 || cal_date(&old1987, z, &y2, &m2, &d2) != 0 ||
		    y != y2 || m != m2 || d != d2)
			bad++;
	}
	ok(bad == 0, "1426: the 1987 and 2019 rules agree from 14 April to 15 October 2019 (%d differ)", bad);
	ok(cal_date(&old1987, date_days(2019, 10, 16), &y, &m, &d) == 0 && m == 7 && d == 1,
	    "16 October 2019 is 1 Kartik by the 1987 rules");
	ok(cal_date(&bangla, date_days(2019, 10, 16), &y, &m, &d) == 0 && m == 6 && d == 31,
	    "and 31 Ashwin by the 2019 rules");
	ok(cal_date(&old1987, date_days(2025, 11, 20), &y, &m, &d) == 0 && m == 8 && d == 6,
	    "20 November 2025 would be 6 Agrahayan by the 1987 rules: a day off");
}

static void
hijri_dates(void)
{
	long z;
	int y, m, d, len, bad = 0;

	is_day(bd(&hijri, 1, 1, 1), 622, 7, 19, "1 Muharram 1 AH (16 July 622, Julian)");
	is_day(bd(&hijri, 1400, 1, 1), 1979, 11, 21, "1 Muharram 1400");
	is_day(bd(&hijri, 1445, 1, 1), 2023, 7, 19, "1 Muharram 1445");
	is_day(bd(&hijri, 1446, 9, 1), 2025, 3, 1, "1 Ramadan 1446 (tabular)");
	is_day(bd(&hijri, 1447, 5, 28), 2025, 11, 19, "28 Jumada al-Ula 1447 (tabular)");
	is_day(bd(&hijri, 1447, 12, 30), 2026, 6, 16, "30 Dhu al-Hijjah 1447, a leap year");
	ok(cal_days(&hijri, 1446, 12, 30, &z, &len) == CAL_NO_DAY && len == 29, "1446 is a common year");
	for (z = date_days(2000, 1, 1); z < date_days(2100, 1, 1); z++) {
		long back;

		if (cal_date(&hijri, z, &y, &m, &d) != 0 || cal_days(&hijri, y, m, d, &back, &len) != CAL_OK ||
		    back != z)
			bad++;
	}
	ok(bad == 0, "Hijri day numbers round-trip over the 21st century (%d bad)", bad);
}

static void
checks(void)
{
	struct calperiod p[2];
	struct calendar c = { "Test", p, 1 };
	char why[300];
	size_t at;

	ok(cal_check(&bangla, why, sizeof(why), &at) == 0, "the Bangla tables hang together");
	ok(cal_check(&hijri, why, sizeof(why), &at) == 0, "the Hijri table hangs together");
	p[0] = bangla_p[0];
	p[0].leap_month = 1;
	ok(cal_check(&c, why, sizeof(why), &at) < 0 && strstr(why, "leap month") != NULL,
	    "a leap month that does not take 29 February: %s", why);
	p[0] = bangla_p[0];
	p[0].len[0] = 32;
	ok(cal_check(&c, why, sizeof(why), &at) < 0 && strstr(why, "year 1426 ends on 2020-04-14") != NULL,
	    "months that overfill the year: %s", why);
	p[0] = bangla_p[0];
	p[1] = bangla_p[1];
	p[1].to = 1426;
	c.np = 2;
	ok(cal_check(&c, why, sizeof(why), &at) < 0 && at == 0 && strstr(why, "overlap") != NULL,
	    "overlapping periods: %s", why);
	p[1].to = 1425;
	p[1].new_day = 13;
	ok(cal_check(&c, why, sizeof(why), &at) < 0 && strstr(why, "year 1425 ends on") != NULL,
	    "periods that do not meet: %s", why);
}

static void
zones(void)
{
	struct datezone *dhaka = datezone_get("Asia/Dhaka"), *london = datezone_get("Europe/London");
	long off = 0;

	ok(datezone_get("Mars/Olympus_Mons") == NULL, "no zone Mars/Olympus_Mons");
	ok(datezone_get("../etc/passwd") == NULL, "a zone name may not climb out of the tz directory");
	if (dhaka == NULL || london == NULL) {
		ok(0, "Asia/Dhaka and Europe/London in the tz database (install tzdata)");
		return;
	}
	ok(datezone_get("Asia/Dhaka") == dhaka, "zones are interned");
	ok(datezone_offset(dhaka, 2025, 7, 25, 16, 53, 0, &off) == ZONE_OK && off == 6 * 3600, "Dhaka is +06:00");
	ok(datezone_offset(dhaka, 2009, 6, 20, 10, 0, 0, &off) == ZONE_OK && off == 7 * 3600,
	    "Dhaka kept daylight time in 2009: +07:00");
	ok(datezone_offset(london, 2025, 3, 30, 1, 30, 0, &off) == ZONE_SKIPPED,
	    "01:30 on 2025-03-30 in London was skipped");
	ok(datezone_offset(london, 2025, 10, 26, 1, 30, 0, &off) == ZONE_TWICE,
	    "01:30 on 2025-10-26 in London came twice");
	ok(datezone_offset(london, 2025, 10, 26, 3, 0, 0, &off) == ZONE_OK && off == 0, "03:00 that day is +00:00");
	datezone_free_all();
}

static int
same_period(const struct calperiod *a, const struct calperiod *b)
{
	int k;

	for (k = 0; k < CAL_MONTHS; k++)
		if (a->len[k] != b->len[k])
			return 0;
	return a->from == b->from && a->to == b->to && a->leap_month == b->leap_month && a->leap == b->leap &&
	    a->cycle == b->cycle && a->leapyears == b->leapyears && a->new_month == b->new_month &&
	    a->new_day == b->new_day && a->year_offset == b->year_offset && a->epoch == b->epoch;
}

static void
shipped(void)
{
	struct datelang *l = datelang_load("rules/dates/bn.yaml", "bn");
	const struct calendar *want[] = { &bangla, &hijri };
	const char *key[] = { "bangla", "hijri" };
	size_t i, j, k;

	if (!ok(l != NULL, "rules/dates/bn.yaml loads"))
		return;
	for (i = 0; i < 2; i++) {
		const struct langcal *lc = NULL;
		int same;

		for (j = 0; j < l->ncal; j++)
			if (strcmp(l->cal[j].key, key[i]) == 0)
				lc = &l->cal[j];
		same = lc != NULL && lc->np == want[i]->np;
		for (k = 0; same && k < lc->np; k++)
			same = same_period(&lc->p[k], &want[i]->p[k]);
		ok(same, "bn.yaml's %s table is the one tested here", key[i]);
		ok(lc != NULL && lc->convert == (i == 0), "bn.yaml converts %s dates: %s", key[i], i == 0 ? "yes" : "no");
	}
	datelang_free(l);
}

int
main(void)
{
	hijri_p[0].epoch = date_days(622, 7, 19);
	gregorian();
	bangla_dates();
	hijri_dates();
	checks();
	zones();
	shipped();
	printf("1..%d\n", ntest);
	return nfail ? 1 : 0;
}
