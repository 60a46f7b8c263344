/*
 * fuzz/date.c: the date library of normalize-date, with the bundled
 * languages (rules/dates/bn.yaml and en.yaml).
 *
 * The first byte chooses the language order (bit 0) and the zone (bit 1:
 * Europe/London, whose clock changes reach the skipped and doubled local
 * times; else Asia/Dhaka).  Then:
 *
 *   date_parse on the rest: a date it accepts is a real calendar day with
 *   a real time, its ISO value is well formed, its weekday is right, and
 *   reading the ISO value back gives the same value; a refusal says why.
 *   date_mentions on the rest, resolved against a fixed publication date:
 *   every mention is either a well-formed day or range (first day first)
 *   or a problem, never both, and points inside the text.
 *   date_days and date_civil are inverses, and so are cal_date and
 *   cal_days for every calendar of the set that has a table.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "date.h"
#include "datelang.h"
#include "util.h"
#include "yml.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct datelang *l[2];
static struct dateset *sets[2];
static struct datezone *zones[2];

static void
cleanup(void)
{
	dateset_free(sets[0]);
	dateset_free(sets[1]);
	datelang_free(l[0]);
	datelang_free(l[1]);
	datezone_free_all();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	l[0] = datelang_load(KHOBOR_TOP "/rules/dates/bn.yaml", "bn");
	l[1] = datelang_load(KHOBOR_TOP "/rules/dates/en.yaml", "en");
	CHECK(l[0] && l[1], "the bundled date languages do not load");
	sets[0] = dateset_new(l, 2);
	{
		struct datelang *r[2] = { l[1], l[0] };

		sets[1] = dateset_new(r, 2);
	}
	zones[0] = datezone_get("Asia/Dhaka");
	zones[1] = datezone_get("Europe/London");
	CHECK(zones[0] != NULL, "no Asia/Dhaka in the tz database (install tzdata)");
	if (zones[1] == NULL)
		zones[1] = zones[0];
	atexit(cleanup);
	return 0;
}

static int
mdays(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

static int
num(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		CHECK(s[i] >= '0' && s[i] <= '9', "a non-digit in ISO value \"%s\"", s);
		v = v * 10 + s[i] - '0';
	}
	return v;
}

/* Check "YYYY-MM-DD" at s and return its day number. */
static long
check_day(const char *s)
{
	int y = num(s, 4), m, d;

	CHECK(s[4] == '-' && s[7] == '-', "ISO day \"%.10s\" is malformed", s);
	m = num(s + 5, 2);
	d = num(s + 8, 2);
	CHECK(m >= 1 && m <= 12 && d >= 1 && d <= mdays(y, m), "no such day: \"%.10s\"", s);
	return date_days(y, m, d);
}

static void
civil_roundtrip(long days)
{
	int y, m, d;

	date_civil(days, &y, &m, &d);
	CHECK(m >= 1 && m <= 12 && d >= 1 && d <= mdays(y, m), "date_civil(%ld) gave %d-%d-%d", days, y, m, d);
	CHECK(date_days(y, m, d) == days, "date_days(date_civil(%ld)) is %ld", days, date_days(y, m, d));
}

/* Every calendar of DS with a table: the day DAYS and back. */
static void
calendar_roundtrip(const struct dateset *ds, long days)
{
	size_t i;

	for (i = 1; i < ds->ncal; i++) {
		const struct calendar *c = &ds->cal[i].cal;
		int y, m, d, len;
		long back;

		if (c->np == 0 || cal_date(c, days, &y, &m, &d) != 0)
			continue;
		CHECK(cal_days(c, y, m, d, &back, &len) == CAL_OK && back == days,
		    "%s: day %ld is %d-%d-%d, which is day %ld", c->name, days, y, m, d, back);
	}
}

struct mctx {
	const char *s;
	size_t n;
};

static void
mention(void *ctx, const char *iso, const char *text, size_t len, const char *problem)
{
	const struct mctx *c = ctx;

	CHECK((iso == NULL) != (problem == NULL), "a mention with %s", iso ? "a value and a problem" : "neither value nor problem");
	CHECK(text >= c->s && len <= c->n && text + len <= c->s + c->n, "a mention outside the text");
	if (iso) {
		size_t l = strlen(iso);
		long a, b;

		CHECK(l == 10 || l == 21, "mention value \"%s\" is malformed", iso);
		if (iso[0] == '-' || iso[0] == '0')
			return;	/* outside 1000..9999: the four-digit form does not hold */
		a = check_day(iso);
		if (l == 21) {
			CHECK(iso[10] == '/', "range \"%s\" is malformed", iso);
			b = check_day(iso + 11);
			CHECK(a <= b, "range \"%s\" runs backwards", iso);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct dateset *ds;
	struct datezone *zone;
	struct date_result r, r2, pub;
	const char *s;
	size_t n;

	if (size < 1)
		return 0;
	ds = sets[data[0] & 1];
	zone = zones[(data[0] >> 1) & 1];
	s = (const char *)data + 1;
	n = size - 1;

	memset(&r, 0x5a, sizeof(r));
	date_parse(ds, s, n, zone, &r);
	if (r.status == DATE_OK) {
		size_t l = strlen(r.iso);

		CHECK(r.month >= 1 && r.month <= 12 && r.day >= 1 && r.day <= mdays(r.year, r.month),
		    "date_parse accepted %d-%d-%d", r.year, r.month, r.day);
		civil_roundtrip(date_days(r.year, r.month, r.day));
		CHECK(r.weekday == (int)(((date_days(r.year, r.month, r.day) % 7 + 7 + 3) % 7) + 1),
		    "weekday %d is wrong for %s", r.weekday, r.iso);
		if (r.has_time)
			CHECK(r.hour >= 0 && r.hour <= 23 && r.min >= 0 && r.min <= 59 && r.sec >= 0 &&
			    r.sec <= 60, "date_parse accepted the time %d:%d:%d", r.hour, r.min, r.sec);
		if (r.year >= 1000 && r.year <= 9999) {
			CHECK(l == (r.has_time ? 25u : 10u), "ISO value \"%s\" has the wrong length", r.iso);
			check_day(r.iso);
			/* The ISO value reads back as itself. */
			date_parse(ds, r.iso, l, zone, &r2);
			CHECK(r2.status == DATE_OK && strcmp(r2.iso, r.iso) == 0,
			    "\"%s\" does not read back (status %d, \"%s\")", r.iso, r2.status,
			    r2.status == DATE_OK ? r2.iso : r2.why);
		}
	} else {
		CHECK(memchr(r.why, '\0', sizeof(r.why)) != NULL, "why is not terminated");
	}

	date_parse(ds, "2023-07-25T16:53:00+06:00", 25, zone, &pub);
	CHECK(pub.status == DATE_OK, "the fixed publication date does not read");
	{
		struct mctx c = { s, n };

		date_mentions(ds, s, n, &pub, mention, &c);
		date_mentions(ds, s, n, NULL, mention, &c);
	}
	if (n >= 4) {
		int32_t v;

		memcpy(&v, s, 4);
		civil_roundtrip((long)(v % 4000000));
		calendar_roundtrip(ds, (long)(v % 4000000));
	}
	return 0;
}
