/*
 * calendar.h: day arithmetic, with no YAML and no regexes.
 *
 *   - the proleptic Gregorian calendar, the one ISO 8601 writes: days
 *     since 1970-01-01 and back, leap years, weekdays;
 *   - calendars given as tables (struct calendar): months whose lengths
 *     are set by rule periods, each period saying which years it covers
 *     and how they fall on Gregorian days.  The Bangla calendar of
 *     Bangladesh and the tabular Hijri calendar are such tables; the
 *     tables themselves are data (rules/dates/, see khobor-rules(5));
 *   - the UTC offsets of IANA time zones, from the system tz database.
 *
 * The date reader (date.c) and the language loader (datelang.c) sit on
 * it; tests/unit/calendar.c drives it alone.
 */
#ifndef KHOBOR_CALENDAR_H
#define KHOBOR_CALENDAR_H

#include <stddef.h>

/* ---- the Gregorian calendar ---- */

int date_leap(int y);
/* Days of month M of year Y; 0 for a month outside 1..12. */
int date_month_days(int y, int m);
/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
long date_days(int y, int m, int d);
void date_civil(long days, int *y, int *m, int *d);
/* ISO weekday of a day number: 1 Monday .. 7 Sunday. */
int date_weekday(long days);
/* Write Y-M-D as "YYYY-MM-DD" into out (11 bytes); likewise a day number. */
void date_format_day(char *out, int y, int m, int d);
void date_format_days(char *out, long days);
/* Two digits of V at P; returns P + 2.  By hand: snprintf cost a tenth of the filter's time. */
char *date_put2(char *p, int v);

/* ---- calendars as tables ---- */

#define CAL_MONTHS 12

/* When the leap month of a period gains its day. */
enum cal_leap {
	CAL_LEAP_GREGORIAN,	/* when the Gregorian year the leap month begins in is a leap year */
	CAL_LEAP_CYCLE		/* in the listed years of a cycle of years */
};

/*
 * One rule period: the years FROM..TO (TO 0: no end) have months of
 * these lengths and begin on these Gregorian days.  The years fall on
 * Gregorian days in one of two ways:
 *   anchored (new_month > 0): year Y begins on new_month/new_day of the
 *     Gregorian year Y + year_offset (1 Boishakh = 14 April);
 *   counted (new_month == 0): year FROM begins on day number EPOCH, and
 *     each year begins where the one before it ends (the Hijri calendar).
 */
struct calperiod {
	int from, to;
	int len[CAL_MONTHS];	/* month lengths in a common year */
	int leap_month;		/* 1..12: the month that gains a day in a leap year */
	enum cal_leap leap;
	int cycle;		/* CAL_LEAP_CYCLE: years in the cycle (at most 64) */
	unsigned long long leapyears;	/* bit K-1: year K of the cycle is a leap year */
	int new_month, new_day, year_offset;
	long epoch;
};

struct calendar {
	const char *name;	/* for messages: "Bangla" */
	struct calperiod *p;	/* sorted, latest first; they do not overlap */
	size_t np;
};

/* What cal_days() found. */
enum cal_status { CAL_OK = 0, CAL_BEFORE, CAL_NO_RULE, CAL_NO_DAY };

/*
 * The day number of day D of month M (1..12) of year Y of C.  CAL_BEFORE:
 * Y is before the first period; CAL_NO_RULE: no period covers Y;
 * CAL_NO_DAY: month M of Y has only *MLEN days (*MLEN is set whenever a
 * period covers Y).
 */
int cal_days(const struct calendar *c, int y, int m, int d, long *days, int *mlen);
/* The year, month and day of C on day number DAYS; -1 if no period covers it. */
int cal_date(const struct calendar *c, long days, int *y, int *m, int *d);
/* Length of month M of year Y under period P. */
int cal_month_len(const struct calperiod *p, int y, int m);
/*
 * Check that C hangs together: periods do not overlap; in an anchored
 * period every year ends the day before the next begins (so the months
 * add up and the leap month is the one that takes the 29 February);
 * adjacent periods meet.  0, or -1 with a message in WHY (N bytes), and
 * *BAD the index of the period at fault.
 */
int cal_check(const struct calendar *c, char *why, size_t n, size_t *bad);

/* ---- time zones ---- */

/* An IANA time zone from the system tz database. */
struct datezone;

/*
 * The zone NAME (Asia/Dhaka), or NULL when the tz database has no such
 * zone (glibc would silently use UTC).  Zones are interned: the same name
 * gives the same pointer; all are freed by datezone_free_all().
 */
struct datezone *datezone_get(const char *name);
const char *datezone_name(const struct datezone *z);
void datezone_free_all(void);

/* What datezone_offset() found. */
enum { ZONE_OK = 0, ZONE_SKIPPED, ZONE_TWICE };

/*
 * The UTC offset (seconds east) of the local time Y-M-D HH:MI:SS in Z.
 * ZONE_SKIPPED: the clocks were put forward over it; ZONE_TWICE: they
 * were put back and it happened twice.  Sets TZ while it works.
 */
int datezone_offset(const struct datezone *z, int y, int m, int d, int hh, int mi, int ss, long *off);
/* The UTC offset (seconds east) in Z at the instant UTC (seconds since 1970, UTC). */
long datezone_utc_offset(const struct datezone *z, long long utc);

#endif
