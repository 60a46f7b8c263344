/*
 * hzonedate.c: the dates of the header-zone reader (hzone.c), placed once
 * the block and the headline are known: which date lines are the page's
 * clock and which the story's, a blog platform's post date over its title,
 * and the page's own time zone (page_zone, lead_zone).
 */
#include <string.h>

#include "date.h"
#include "hzonerule.h"
#include "hzonework.h"
#include "record.h"
#include "rx.h"
#include "text.h"
#include "util.h"

/* Is date A later than date B, both read whole (to the minute when both have a time)? */
static int
later(const struct date_result *a, const struct date_result *b)
{
	long x = (a->year * 13L + a->month) * 32 + a->day, y = (b->year * 13L + b->month) * 32 + b->day;

	if (x != y || !a->has_time || !b->has_time)
		return x > y;
	return a->hour * 60 + a->min > b->hour * 60 + b->min;
}

/*
 * Is the line under I a header line that labels only an update time
 * ("Last Updated ...")?  Then an unlabelled date at I is the post's own
 * date, over its update: the pair is the header, not a page clock.  Not
 * a date later than the update: nothing is published after its update,
 * and that one is the page clock over a header whose headline was taken
 * for chrome ("<time>, <weekday>, <today>" / "শিরোনাম:" / "<headline>।" /
 * "আপডেট: <two months before>", somoysongbadthakurgaon, eval t39).
 */
int
zone_over_update(const struct hzoneset *rs, const struct hzonework *w, long i, long p)
{
	long j = zone_step(w, i, 1, 0, p);
	size_t at = 0, a, e, vo, vl, n;
	int pub = 0, upd = 0;
	const char *s;
	struct date_result di, du;

	if (j < 0 || w->l[j].kind != K_LABELLED)
		return 0;
	s = line_text(w, (size_t)j);
	n = w->l[j].len;
	while (line_segment(s, n, &at, &a, &e))
		switch (line_what_segment(rs, s + a, e - a, &vo, &vl)) {
		case S_PUBLISHED:
		case S_DATE:
			pub++;
			break;
		case S_UPDATED:
			if (upd++ == 0 && date_parse(rs->ds, line_text(w, i), w->l[i].len, rs->tz, &di) == DATE_OK &&
			    date_parse(rs->ds, s + a + vo, vl, rs->tz, &du) == DATE_OK && later(&di, &du))
				return 0;
			break;
		default:
			break;
		}
	return upd > 0 && pub == 0;
}

/*
 * Does a line below I, above the paragraph P, label a publication time
 * ("প্রকাশিত মে ২২, ২০২৩")?  Then an unlabelled date at I is not the
 * story's: the page clock, or a list's date.
 */
static int
pub_below(const struct hzoneset *rs, const struct hzonework *w, long i, long p)
{
	long j;

	for (j = i + 1; j < p; j++) {
		const char *s = line_text(w, (size_t)j);
		size_t n = w->l[j].len, at = 0, a, e, vo, vl;

		if (w->l[j].kind != K_LABELLED)
			continue;
		while (line_segment(s, n, &at, &a, &e))
			if (line_what_segment(rs, s + a, e - a, &vo, &vl) == S_PUBLISHED)
				return 1;
	}
	return 0;
}

struct day_named {
	const struct date_result *day;
	int hit;
};

static void
day_named_fn(void *ctx, const char *iso, const char *text, size_t len, const char *problem)
{
	struct day_named *d = ctx;
	char day[11];

	(void)problem;
	/* A number: a day of the month, not a word of time alone ("আজ"). */
	if (!line_has_digit(text, len))
		return;
	date_format_day(day, d->day->year, d->day->month, d->day->day);
	if (iso != NULL && strncmp(iso, day, 10) == 0 && (iso[10] == '\0' || iso[10] == 'T'))
		d->hit = 1;
}

/*
 * A date line taken for the page clock only by where it stands (no clock
 * place, no second calendar) is the story's own date when the first
 * paragraph names that very day ("শনিবার, ০৮ মার্চ, ২০২৫" over "আজ শনিবার
 * (৮ মার্চ) ..."), by its number, and the header prints no other date:
 * the page was not seen on the day its story tells of by chance.  "আজ"
 * alone names the clock's own day on every page.  A date with a time is a
 * clock's.
 */
static void
named_day(const struct hzoneset *rs, struct hzonework *w, long p, long zone)
{
	struct date_result r;
	struct day_named d = { &r, 0 };
	long i, c = -1;

	if (p >= zone)
		return;
	for (i = 0; i < p; i++)
		if (w->l[i].kind == K_LABELLED || w->l[i].kind == K_DATE || (w->l[i].kind == K_CLOCK && !w->l[i].placed))
			return;
		else if (w->l[i].kind == K_CLOCK && c < 0)
			c = i;
	if (c < 0 || date_parse(rs->ds, line_text(w, c), w->l[c].len, rs->tz, &r) != DATE_OK || r.has_time)
		return;
	date_mentions(rs->ds, line_text(w, p), w->l[p].len, &r, day_named_fn, &d);
	if (!d.hit)
		return;
	w->l[c].kind = K_DATE;
	w->l[c].story = 1;
	w->l[c].why = "an unlabelled date whose day the first paragraph names (the story's date, not the clock)";
}

/*
 * The zone a page_zone pattern puts the page in: tried on the url header
 * and on the lines above the first paragraph, on that paragraph (its
 * dateline) and on the next, each up to 240 bytes; else the zone a
 * lead_zone pattern puts it in, tried on the headline TITLE, the bylines
 * and the first paragraph's first 240 bytes only (words that tell where a
 * story is set, which a ticker or a menu may print on any page); NULL for
 * none.
 */
static const char *
page_zone(const struct hzoneset *rs, const struct hzonework *w, const struct record *rec, long title, long p, long zone,
    const char **key)
{
	const char *url = record_get(rec, "url");
	size_t z;
	long i;

	*key = "page_zone";
	for (z = 0; z < rs->nz; z++) {
		if (url && line_matches(&rs->zpats[z], url, strlen(url)))
			return rs->znames[z];
		for (i = 0; i <= p && i < zone; i++)
			if (w->l[i].len > 0 && w->l[i].kind != K_CHROME &&
			    line_matches(&rs->zpats[z], line_text(w, i), text_utf8_floor(line_text(w, i), w->l[i].len < 240 ? w->l[i].len : 240)))
				return rs->znames[z];
		/*
		 * And the paragraph under it: the first paragraph the reader
		 * found may be a headline closed by a dari, the dateline under it
		 * (its start only: a dateline opens the paragraph).
		 */
		for (i = p + 1; i < (long)w->nl && w->l[i].len == 0; i++)
			;
		if (p >= 0 && p < zone && i < (long)w->nl &&
		    line_matches(&rs->zpats[z], line_text(w, i), text_utf8_floor(line_text(w, i), w->l[i].len < 240 ? w->l[i].len : 240)))
			return rs->znames[z];
	}
	*key = "lead_zone";
	for (z = 0; z < rs->nlz; z++) {
		for (i = 0; i < p && i < zone; i++)
			if ((i == title || w->l[i].kind == K_BYLINE) && line_matches(&rs->lzpats[z], line_text(w, i), w->l[i].len))
				return rs->lznames[z];
		if (p >= 0 && p < zone && line_matches(&rs->lzpats[z], line_text(w, p),
		    text_utf8_floor(line_text(w, p), w->l[p].len < 240 ? w->l[p].len : 240)))
			return rs->lznames[z];
	}
	return NULL;
}

/*
 * Is line I, a date with its time, a second date under the page clock,
 * other lines between them ("<clock>" / "Home » <section> » <headline>" /
 * "<date> <time>" / "<headline>", amaderbarisal, eval s31)?  A page prints
 * its clock once: the second is the story's, unless it is the clock
 * printed again, word for word.  (A clock in two calendars prints its
 * lines one right under the other.)
 */
static int
second_date(const struct hzonework *w, long i)
{
	long j;
	int between = 0;

	if (!w->l[i].has_time)
		return 0;
	for (j = i - 1; j >= 0; j--)
		if (w->l[j].kind == K_CLOCK)
			return between && !(w->l[j].len == w->l[i].len && memcmp(line_text(w, j), line_text(w, i), w->l[i].len) == 0);
		else if (w->l[j].kind == K_DATE || w->l[j].kind == K_LABELLED)
			return 0;
		else if (w->l[j].kind != K_BLANK)
			between = 1;
	return 0;
}

/*
 * Unlabelled dates above the first paragraph: the page clock or the story's.
 */
void
clock_or_story_dates(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i;
	size_t k;

	/*
	 * Unlabelled dates above the headline are the page clock; below it, the
	 * times of the story.  A date right under a byline the patterns read is
	 * that byline's ("বাসস" over "২০ জানুয়ারি ২০২৩, ১১:১৫", "<place>
	 * প্রতিনিধি" over "৩১ মার্চ, ২০২৩", the headline under them), with its
	 * time or without: no page clock follows a credit.
	 */
	for (i = 0; i < pg->p; i++)
		if (w->l[i].kind == K_DATE && zone_over_update(rs, w, i, pg->p))
			w->l[i].why = "an unlabelled date over a labelled update time";
		else if (w->l[i].kind == K_DATE && pub_below(rs, w, i, pg->p))
			w->l[i].kind = K_CLOCK, w->l[i].placed = 1,
			    w->l[i].why = "an unlabelled date above a labelled publication time";
		else if (w->l[i].kind == K_DATE && pg->title >= 0 && i < pg->title && !w->l[i].story &&
		    !((k = (size_t)zone_step(w, i, -1, 0, pg->p)) != (size_t)-1 && w->l[k].kind == K_BYLINE && w->l[k].pattern) &&
		    !second_date(w, i))
			w->l[i].kind = K_CLOCK, w->l[i].placed = 1, w->l[i].why = "an unlabelled date above the headline";
		/*
		 * With no headline, an unlabelled date that opens the page (a
		 * weekday, a date, a time), the site's name or an English label
		 * above it at most, is its clock all the same: no story prints its
		 * own time above everything else.
		 */
		else if (w->l[i].kind == K_DATE && pg->title < 0 && zone_furniture_above(w, i) && !w->l[i].story)
			w->l[i].kind = K_CLOCK, w->l[i].placed = 1, w->l[i].why = "an unlabelled date opening a page with no headline";
	named_day(rs, w, pg->p, pg->zone);
}

/* Is the record's platform (a strip cut's header) one of post_date_over_title? */
int
blog_platform(const struct hzoneset *rs, const struct record *rec)
{
	const char *pf = record_get(rec, "platform");
	size_t k;

	for (k = 0; pf != NULL && k < rs->npostplat; k++)
		if (strcmp(rs->postplat[k], pf) == 0)
			return 1;
	return 0;
}

/*
 * On a page of a platform of post_date_over_title (the record's platform
 * header, which a strip cut writes: Blogger's comment footer ended it),
 * the date line right over the headline, placed as the page clock by
 * where it stands, is the post's date: the platform prints it there alone
 * ("<weekday>, D <month>, YYYY").  Not with a time, nor when the header
 * prints another date.
 */
void
post_date(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	struct date_result r;
	long i, c;

	if (!pg->blog || pg->title < 0)
		return;
	for (i = 0; i < pg->p; i++)
		if (w->l[i].kind == K_LABELLED || w->l[i].kind == K_DATE)
			return;
	/* Past the blog's breadcrumb ("Home »" / "» <headline>"). */
	for (c = zone_step(w, pg->title, -1, 0, pg->p); c >= 0 && (w->l[c].kind == K_CHROME || w->l[c].again);
	    c = zone_step(w, c, -1, 0, pg->p))
		;
	if (c < 0 || w->l[c].kind != K_CLOCK || !w->l[c].placed ||
	    date_parse(rs->ds, line_text(w, c), w->l[c].len, rs->tz, &r) != DATE_OK || r.has_time)
		return;
	w->l[c].kind = K_DATE;
	w->l[c].story = 1;
	w->l[c].why = "a date alone over the headline on a blog platform's page (post_date_over_title): the post's date";
}

/*
 * The page's own zone, by a page_zone pattern, written.
 */
void
note_page_zone(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg)
{
	const char *key;

	if ((w->pzone = page_zone(rs, w, rec, pg->title, pg->p, pg->zone, &key)) != NULL) {
		record_add(rec, "page_zone", w->pzone);
		if (w->ex) {
			fflush(stdout);
			fprintf(w->ex, "%s: %s: reader: the page is in zone %s, by a %s pattern\n", prog, w->src,
			    w->pzone, key);
		}
	}
}
