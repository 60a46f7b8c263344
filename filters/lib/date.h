/*
 * date.h: read dates the way news pages print them, driven by the language
 * files rules/dates/LANG.yaml (see khobor-rules(5)), and write them as
 * ISO 8601 / RFC 3339.
 *
 * The C side holds mechanisms only: a tokenizer, the matching of day,
 * month and year against the orders a language allows, the 12-hour clock
 * (date.c); loading the language files (datelang.c); calendar arithmetic
 * and time-zone offsets (calendar.h).  Every word, digit, order and
 * calendar table comes from the YAML files, so a new language is a new
 * file.
 */
#ifndef KHOBOR_DATE_H
#define KHOBOR_DATE_H

#include <stddef.h>

#include "calendar.h"

/* One language file, validated. */
struct datelang;
struct yml;
/* The union of the languages a site uses, compiled for matching. */
struct dateset;

/*
 * Load and validate rules/dates/NAME.yaml.  Errors are printed as
 * "prog: file:line:col: message" and counted in yml_nerrors; NULL then.
 */
struct datelang *datelang_load(const char *file, const char *name);
const char *datelang_name(const struct datelang *l);
void datelang_free(struct datelang *l);
/*
 * Load the N languages a site names (its 'lang' nodes, the page language
 * first) from RULESDIR/dates/NAME.yaml: an array of N (allocated when N
 * is 0 too), or NULL when any could not be read, its faults said and the
 * others freed.  datelang_free_all frees such an array.
 */
struct datelang **datelang_load_all(const char *rulesdir, const struct yml *const *names, size_t n);
void datelang_free_all(struct datelang **l, size_t n);

/*
 * Merge languages, the first one first: a word two languages both define
 * keeps the meaning of the earlier one, so list the page language first.
 * A calendar takes its table from the first language that gives one.  A
 * set points into its languages: free it before them.
 */
struct dateset *dateset_new(struct datelang *const *langs, size_t n);
void dateset_free(struct dateset *ds);
/*
 * A set with DS's words and calendars, to be changed apart from DS
 * (dateset_convert_all); it borrows DS's tables, so DS must outlive it.
 */
struct dateset *dateset_dup(const struct dateset *ds);
/*
 * The key of calendar number CAL of DS, as the language files name it
 * ("bangla", "hijri"; "gregorian" for 0), and whether its dates are ever
 * converted (*CONVERT); NULL for a number the set does not have.
 */
const char *dateset_calendar(const struct dateset *ds, int cal, int *convert);
/*
 * Convert dates of every calendar that has a table, 'convert: no' or not:
 * for checking a printed date against the table (a Hijri date against the
 * Gregorian one printed beside it), never for reading one alone.
 */
void dateset_convert_all(struct dateset *ds);

enum date_status {
	DATE_OK = 0,
	DATE_UNREADABLE,	/* not a date these languages know */
	DATE_NO_SUCH_DAY,	/* 31 February, 30 Falgun 1431 */
	DATE_NO_YEAR,		/* a day and month without a year */
	DATE_TWO_DIGIT_YEAR,	/* the century is not printed */
	DATE_ORDER,		/* day and month can be read both ways */
	DATE_WEEKDAY,		/* the printed weekday is not the date's */
	DATE_NO_TIME,		/* the local time is skipped by a clock change */
	DATE_TWO_TIMES,		/* the local time happens twice (clocks turned back) */
	DATE_CALENDAR,		/* a Bangla year outside the calendar's table, or a calendar not converted */
	DATE_MISMATCH		/* a Gregorian date and a Bangla one beside it are not the same day */
};

/* date_result.calendar: the Gregorian calendar, or another one of the set. */
enum { CAL_GREGORIAN = 0 };

struct date_result {
	enum date_status status;
	int year, month, day;		/* Gregorian */
	int has_time;
	int hour, min, sec;
	int has_offset;
	long offset;			/* seconds east of UTC */
	int weekday;			/* ISO 1 = Monday .. 7, of the date */
	int calendar;			/* the calendar the date was printed in (the set's number) */
	char iso[40];			/* the ISO 8601 value when status is DATE_OK */
	char why[200];			/* for a warning: what is wrong, or "" */
};

/*
 * Read the date in S (N bytes of UTF-8) as a page prints it; local times
 * are placed in ZONE unless the string names its own offset.  Returns
 * out->status.  Allocates only to put a word that is not NFC into NFC;
 * never reads past S + N.
 */
int date_parse(const struct dateset *ds, const char *s, size_t n,
    struct datezone *zone, struct date_result *out);

/*
 * Does S (N bytes) begin with a word that names a part of the day
 * ("দুপুর", "pm")?  The reader asks before it leaves a word out of a
 * date: without its part of day a time is read in the morning.
 */
int date_starts_daypart(const struct dateset *ds, const char *s, size_t n);

/*
 * Dates mentioned in running text.  For every date found in S, FN gets
 * the ISO value ("2023-07-24", or "2023-07-25/2023-07-27" for a range) and
 * the text as printed; or, for a mention that contradicts itself, a NULL
 * value and a message.  Relative mentions (yesterday, last 12 July, a day
 * and month without a year) are resolved against PUB, the publication
 * date; with PUB NULL they are skipped.
 */
typedef void (*date_mention_fn)(void *ctx, const char *iso, const char *text, size_t len,
    const char *problem);
size_t date_mentions(const struct dateset *ds, const char *s, size_t n,
    const struct date_result *pub, date_mention_fn fn, void *ctx);

#endif
