/*
 * hzonewrite.c: the record the header-zone reader (hzone.c) writes: the
 * header's fields in the order of their lines, with their --explain lines;
 * what the header lacks, read in the first paragraph and under it (a
 * dateline, a date at the foot or in a sign-off); and the body, from the
 * first paragraph on.  hzone.c and hzonehead.c have decided by then which
 * line is what (struct hzpage); nothing here moves a line's kind back.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "hzone.h"
#include "hzonerule.h"
#include "hzonework.h"
#include "rx.h"
#include "text.h"
#include "util.h"

/* The kinds of hzonework.h, named for --explain. */
static const char *const kind_name[] = {
	"blank", "other", "chrome", "page clock", "labelled date", "date", "byline", "edition",
	"title-like", "paragraph", "kept"
};

/*
 * Where S points into w->text, the same place as printed: a name prefix's
 * colon masked (mask_prefixes) is given back.
 */
static const char *
shown(const struct hzonework *w, const char *s)
{
	if (w->masked && s >= w->text.s && s < w->text.s + w->text.len)
		return w->orig.s + (s - w->text.s);
	return s;
}

static void
explain(struct hzonework *w, size_t i, const char *what, const char *why)
{
	if (w->ex == NULL)
		return;
	fflush(stdout);
	fprintf(w->ex, "%s: %s: reader: body line %zu: %s%s%s: %.*s\n", prog, w->src, i + 1, what,
	    why ? ", by " : "", why ? why : "", (int)(w->l[i].len > 120 ? text_utf8_floor(line_text(w, i), 120) :
	    w->l[i].len), shown(w, line_text(w, i)));
}

static void
add(struct record *rec, struct hzonework *w, const char *name, const char *s, size_t n)
{
	buf_reset(&w->val);
	buf_add(&w->val, shown(w, s), n);
	record_add(rec, name, w->val.s);
}

/*
 * The dashes opening a credit ("---Name :", "– Name –"), or a theme's '#'
 * ("#<outlet>ঃ"), no part of it: their length.
 */
static size_t
open_dashes(const char *s, size_t n)
{
	size_t k = 0;

	for (;;)
		if (k < n && (s[k] == '-' || s[k] == ' ' || (k == 0 && s[k] == '#')))
			k++;
		else if (k + 3 <= n && (memcmp(s + k, "–", 3) == 0 || memcmp(s + k, "—", 3) == 0))
			k += 3;
		else
			return k;
}

/* The characters in the last word of S[0..N). */
static size_t
last_word_chars(const char *s, size_t n)
{
	size_t a = n;

	while (a > 0 && s[a - 1] != ' ')
		a--;
	return text_chars(s + a, n - a);
}

/*
 * The length of the quote marks wrapping the whole of S[0..N), curly or
 * straight, with none inside: 3 for "“...”", 1 for '"..."', or 0.
 */
static size_t
unquoted(const char *s, size_t n)
{
	static const char *const pairs[][2] = { { "“", "”" }, { "‘", "’" }, { "\"", "\"" } };
	size_t i, q;

	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		q = strlen(pairs[i][0]);
		if (n > 2 * q && memcmp(s, pairs[i][0], q) == 0 && memcmp(s + n - q, pairs[i][1], q) == 0 &&
		    memmem(s + q, n - 2 * q, pairs[i][0], q) == NULL && memmem(s + q, n - 2 * q, pairs[i][1], q) == NULL)
			return q;
	}
	return 0;
}

/*
 * A byline as written: a run of words printed twice in a row ("রফিক
 * আহমেদ রফিক আহমেদ , প্রতিবেদক", a photo's alt text and the link) once,
 * and no space before a comma.
 */
static void
add_author(struct record *rec, struct hzonework *w, const char *s, size_t n)
{
	size_t i, k, best = 0;

	s = shown(w, s);
	for (k = 1; k <= n / 2; k++)
		if (s[k] == ' ' && k + 1 + k <= n && memcmp(s, s + k + 1, k) == 0 &&
		    (k + 1 + k == n || s[k + 1 + k] == ' ' || s[k + 1 + k] == ','))
			best = k + 1;
	s += best;
	n -= best;
	k = open_dashes(s, n);
	s += k;
	n -= k;
	/*
	 * A comma or a bar left hanging after the name ("সাধন মন্ডল ,", "Name
	 * Name |" over the date) is no part of it, nor a full stop after a
	 * comma or a space ("<place> প্রতিনিধি, .", dailyprogotiralo, eval s28).
	 */
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '|' ||
	    (s[n - 1] == '.' && n > 1 && (s[n - 2] == ' ' || s[n - 2] == ','))))
		n--;
	/* Nor is a run of dots, a theme's leader ("নিজস্ব প্রতিবেদক........"). */
	if (n >= 3 && memcmp(s + n - 3, "...", 3) == 0)
		while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
			n--;
	/*
	 * Nor a closing mark left on it: a dash or a colon glued to the last
	 * word ("<outlet>-" over the story), the visarga after a word of three
	 * letters or more ("<post>,<outlet>ঃ"; "মোঃ", "ডাঃ" are the visarga's
	 * own abbreviations).
	 */
	while (n > 0 && (s[n - 1] == '-' || s[n - 1] == ':' || (line_ends_with(s, n, "ঃ") && last_word_chars(s, n - 3) >= 3)))
		n -= s[n - 1] == '-' || s[n - 1] == ':' ? 1 : 3;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	/* Nor are quote marks wrapping the whole name ("“Name Name”" under the headline). */
	k = unquoted(s, n);
	s += k;
	n -= 2 * k;
	buf_reset(&w->val);
	for (i = 0; i < n; i++)
		if (!(s[i] == ' ' && i + 1 < n && s[i + 1] == ','))
			buf_addc(&w->val, s[i]);
	record_add(rec, "author", w->val.s);
}

/*
 * A writer's name and post read apart (two lines of an author box, a
 * dateline's groups), written as one credit, "Name, <post>": the form of
 * EXPECTED VALUES (khobor(1)).  Both are in w->text.
 */
static void
add_name_post(struct record *rec, struct hzonework *w, const char *name, size_t nl, const char *post, size_t pl)
{
	struct buf b = {0};

	buf_add(&b, shown(w, name), nl);
	buf_add(&b, ", ", 2);
	buf_add(&b, shown(w, post), pl);
	add_author(rec, w, b.s, b.len);
	buf_free(&b);
}

/*
 * A labelled date with no time whose time opens the next segment ("|
 * প্রকাশিতঃ ২০ অগাস্ট ২০১৬ | ৮:০৮ অপরাহ্ন", "আপডেটঃ <date> | ১০:২৭ 134 ভিউ"): the two read
 * together as the time of FIELD (published, updated); 1 if they did and
 * it was written.
 */
static int
with_time(const struct hzoneset *rs, struct hzonework *w, struct record *rec, const char *s, size_t n,
    size_t *i, const char *v, size_t vl, const char *field)
{
	struct date_result r;
	size_t a, e, e0, f, j = *i;
	struct buf both = {0};
	int ok;

	if (!line_is_date(rs, v, vl, &r) || r.has_time || !line_segment(s, n, &j, &a, &e) || line_is_date(rs, s + a, e - a, &r))
		return 0;
	/*
	 * The time, or its first words: a view counter may follow it in the
	 * segment ("| ১০:২৭ 134 ভিউ"), never a part of day it does not read
	 * with.
	 */
	for (e0 = e, ok = 0; e > a && !ok;) {
		buf_reset(&both);
		buf_add(&both, v, vl);
		buf_addc(&both, ' ');
		buf_add(&both, s + a, e - a);
		ok = line_is_date(rs, both.s, both.len, &r) && r.status == DATE_OK && r.has_time;
		if (ok) {
			for (f = e; f < e0 && s[f] == ' '; f++)
				;
			if (f < e0 && date_starts_daypart(rs->ds, s + f, e0 - f))
				ok = 0;
			break;
		}
		while (e > a && s[e - 1] != ' ')
			e--;
		while (e > a && s[e - 1] == ' ')
			e--;
	}
	if (ok) {
		record_add(rec, field, both.s);
		*i = j;	/* the time's segment is read */
	}
	buf_free(&both);
	(void)w;
	return ok;
}

/* One word of Latin letters and digits, a site's login ("Newseditor", "admin2"). */
static int
login_name(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return n >= 3 && !(s[0] >= '0' && s[0] <= '9');
}

/*
 * A second publication label that gives the first one's day with its time
 * ("প্রকাশিত হয়েছে- <weekday>, <date>" over "প্রকাশিত সময় : <date>,
 * <time>"): its value replaces the first.
 */
static void
timed_again(const struct hzoneset *rs, struct hzonework *w, struct record *rec, const char *s, size_t n)
{
	const char *v = record_get(rec, "published");
	struct date_result a, b;

	if (v == NULL || date_parse(rs->ds, v, strlen(v), rs->tz, &a) != DATE_OK || a.has_time ||
	    date_parse(rs->ds, s, n, rs->tz, &b) != DATE_OK || !b.has_time ||
	    a.year != b.year || a.month != b.month || a.day != b.day)
		return;
	buf_reset(&w->val);
	buf_add(&w->val, shown(w, s), n);
	record_set(rec, "published", w->val.s);
}

/*
 * Is the label between a byline and its date, among S's first D bytes, an
 * update label ("<desk> , আপডেট করা হয়েছে : <date>")?
 */
static int
update_label_before(const struct hzoneset *rs, const char *s, size_t d, size_t n)
{
	size_t k, vo, vl;

	for (k = 1; k < d; k++) {
		if (s[k - 1] != ' ' || s[k] == ' ')
			continue;
		if (line_value_of(rs->published, s + k, n - k, &vo, &vl))
			return 0;
		if (line_value_of(rs->updated, s + k, n - k, &vo, &vl))
			return 1;
	}
	return 0;
}

static void
add_labelled(const struct hzoneset *rs, struct hzonework *w, struct record *rec, size_t li,
    int *pub, int *upd, int *ed, int *author)
{
	const char *s = line_text(w, li);
	size_t n = w->l[li].len, i = 0, a, e, vo, vl, d;
	int label = 0, dates = 0, credits = 0, after = 0;

	if ((d = line_byline_then_date(rs, s, n, &e)) > 0) {
		struct date_result r;

		line_what_segment(rs, s, line_before_label(rs, s, d - 1, n), &vo, &vl);
		/*
		 * A login name, one word in Latin letters ("by Newseditor
		 * <date>"), is the posting account: it gives way to a byline a
		 * pattern reads on a line of the zone (the desk under it).
		 */
		if (w->patterned && login_name(s + vo, vl))
			w->l[li].why = "a posting account beside the date; a byline pattern reads another line (not taken)";
		else if (!(*author)++)
			add_author(rec, w, s + vo, vl);
		/*
		 * An unlabelled date the parser reads but cannot settle ("17
		 * Jan, 21", the century not printed) is no value: the byline
		 * stands without it.
		 */
		if (date_parse(rs->ds, s + d, e - d, rs->tz, &r) != DATE_OK)
			w->l[li].why = "a byline and a date it cannot settle (the date is not taken)";
		else if (update_label_before(rs, s, d, n)) {
			if (!(*upd)++)
				add(rec, w, "updated", s + d, e - d);
		} else if (!(*pub)++)
			add(rec, w, "published", s + d, e - d);
		for (a = e; a < n && s[a] == ' '; a++)
			;
		if (a < n && !(*ed)++)
			add(rec, w, "edition", s + a, n - a);
		return;
	}
	while (line_segment(s, n, &i, &a, &e)) {
		enum seg k = line_what_segment(rs, s + a, e - a, &vo, &vl);

		label += k == S_PUBLISHED || k == S_UPDATED;
		dates += k == S_DATE;
		credits += k == S_BYLINE;
	}
	if (label == 0 && dates == 0 && line_place_date_credit(rs, s, n, &d, &e, &vo, &vl)) {
		if (vl > 0 && !(*author)++)
			add_author(rec, w, s + vo, vl);
		if (!(*pub)++)
			add(rec, w, "published", s + d, e);
		w->l[li].why = "a dateline on its own line: a place, the date and the credit (or a colon)";
		return;
	}
	if (label == 0 && dates > 0 && line_name_date(rs, s, n)) {
		label = 1;	/* the name is the writer, below */
		w->l[li].why = "a writer's name beside a date, no label";
	}
	if (label == 0 && dates == 0 && (d = line_label_after(rs, s, n)) > 0) {
		size_t c = d, h;

		while (c > 0 && s[c - 1] == ' ')
			c--;
		/*
		 * The credit printed twice ("<outlet> <outlet> প্রকাশিত: ...",
		 * the byline box's picture and its link) is the byline.
		 */
		if ((h = line_twice(s, c)) > 0 && line_words(s, h) <= 4) {
			if (!(*author)++)
				add_author(rec, w, s, h);
			w->l[li].why = "a labelled date after a credit printed twice (the byline box)";
		} else if (line_credit_before_label(rs, s, n, &vo, &vl)) {
			if (!(*author)++)
				add_author(rec, w, s + vo, vl);
			w->l[li].why = "a labelled date after a credit a byline pattern reads";
		} else if (!w->patterned && !w->named && line_words(s, c) >= 2 && line_words(s, c) <= 3 &&
		    line_bengali_name(s, c) && !line_matches(&rs->chrome, s, c)) {
			/*
			 * A name of two or three words in Bengali letters, and no
			 * byline a pattern reads anywhere in the header: the writer
			 * ("Name Name প্রকাশিত: ..."), not a posting account (a
			 * role a chrome pattern names: "বার্তা সম্পাদক"), nor the
			 * outlet's name when a writer's stands under the dates.
			 */
			if (!(*author)++)
				add_author(rec, w, s, c);
			w->l[li].why = "a labelled date after a writer's name (no other byline in the header)";
		} else
			w->l[li].why = "a labelled date after a credit that is no byline (the credit is not taken)";
		s += d;
		n -= d;
	}
	/*
	 * An update label after one space inside a segment ("প্রকাশিত: <date>
	 * আপডেট: <date>", or after the publication's time alone, "প্রকাশ:
	 * <date> | <time> আপডেট: <date> | <time>") starts a segment of its own.
	 */
	buf_reset(&w->cut);
	buf_add(&w->cut, s, n);
	for (i = 1, a = 0; i < n; i++) {
		if (s[i - 1] == '|' || (s[i - 1] == ' ' && i >= 2 && s[i - 2] == ' '))
			a = i;	/* where this segment starts */
		if (s[i - 1] == ' ' && s[i] != ' ' && i - 1 > a &&
		    line_value_of(rs->updated, s + i, n - i, &vo, &vl) && line_date_value(rs, s + i, vo, &vl) &&
		    (line_what_segment(rs, s + a, i - 1 - a, &vo, &vl) == S_PUBLISHED || line_time_alone(s + a, i - 1 - a)))
			w->cut.s[i - 1] = '|';
	}
	s = w->cut.s;
	i = 0;
	while (line_segment(s, n, &i, &a, &e))
		switch (line_what_segment(rs, s + a, e - a, &vo, &vl)) {
		case S_PUBLISHED:
			after = 1;
			if (*pub > 0) {
				timed_again(rs, w, rec, s + a + vo, vl);
				break;
			}
			(*pub)++;
			if (!with_time(rs, w, rec, s, n, &i, s + a + vo, vl, "published"))
				add(rec, w, "published", s + a + vo, vl);
			break;
		case S_DATE:
			/* Its time may be the next segment ("<desk> | <date> | <time> | <count>"). */
			if (!(*pub)++) {
				if (!with_time(rs, w, rec, s, n, &i, s + a + vo, vl, "published"))
					add(rec, w, "published", s + a + vo, vl);
			}
			break;
		case S_UPDATED:
			after = 1;
			if (!(*upd)++ && !with_time(rs, w, rec, s, n, &i, s + a + vo, vl, "updated"))
				add(rec, w, "updated", s + a + vo, vl);
			break;
		case S_EDITION:
			if (!(*ed)++)
				add(rec, w, "edition", s + a, e - a);
			break;
		case S_BYLINE:
			if (!(*author)++)
				add_author(rec, w, s + a + vo, vl);
			break;
		case S_NONE:
			/*
			 * A name beside a labelled date is its writer ("Name |
			 * প্রকাশ: ..."); one word after it is the section ("প্রকাশ:
			 * <date> | প্রবাস"), page chrome is no name ("<date> |
			 * প্রিন্ট"), nor is a date's label set off by the bar
			 * ("প্রকাশ | <date> | আপডেট: <date>"), nor is the outlet's
			 * name before a credit a byline pattern reads ("<outlet> |
			 * Name, <place> প্রতিনিধি   প্রকাশিত: ...").
			 */
			if (label && credits == 0 && line_name_segment(s + a, e - a) && !(after && line_words(s + a, e - a) < 2) &&
			    !line_matches(&rs->chrome, s + a, e - a) && line_label_alone(rs, s + a, e - a) == S_NONE &&
			    !(*author)++)
				add_author(rec, w, s + a, e - a);
			break;
		}
}

/*
 * A clock line in its parts: the Bangla date to page_date_bangla, the
 * Hijri one to page_date_hijri, the rest (the Gregorian date, with its
 * weekday and time) to page_date; the place or label the clock patterns
 * match goes.
 */
static void
add_clock(const struct hzoneset *rs, struct hzonework *w, struct record *rec, size_t li)
{
	const char *s = line_text(w, li);
	size_t n = w->l[li].len, a = 0, pa, pe, ho = 0, hl = 0;
	int np = 0;
	struct buf *g = &w->out;

	buf_reset(g);
	{
		struct buf line = {0};
		struct date_result gr, hr;

		line_unclock(rs, s, n, &line);
		s = line.s;
		n = line.len;
		while (line_piece(s, n, &a, &pa, &pe)) {
			struct date_result r;
			enum cal c = line_calendar_of(rs, s + pa, pe - pa, &r);

			if (c == CAL_HIJRI && hl == 0)
				ho = pa, hl = pe - pa;
			else if (c == CAL_HIJRI)
				add(rec, w, "page_date_hijri", s + pa, pe - pa);
			else if (c == CAL_BN)
				/*
				 * Only Bangladesh's revised calendar has a table: on a
				 * page of another zone (West Bengal keeps the solar
				 * calendar) the Bangla date stays as printed.
				 */
				add(rec, w, w->pzone ? "page_date_bangla_raw" : "page_date_bangla", s + pa, pe - pa);
			else {
				if (g->len)
					buf_adds(g, ", ");
				buf_add(g, s + pa, pe - pa);
				np++;
			}
		}
		/*
		 * Pieces with no digit opening the clock that the date parser
		 * cannot read with the rest are the site's town or the edition's
		 * name ("<town> | রবিবার | <date>", "অনলাইন সংস্করণ | <town>,
		 * রবিবার, <date>"): the date is the rest.
		 */
		if (np > 1 && date_parse(rs->ds, g->s, g->len, rs->tz, &gr) != DATE_OK) {
			const char *c = g->s;
			size_t cut;

			while ((c = memmem(c, g->len - (size_t)(c - g->s), ", ", 2)) != NULL &&
			    !line_has_digit(g->s, (size_t)(c - g->s))) {
				cut = (size_t)(c - g->s) + 2;
				if (date_parse(rs->ds, g->s + cut, g->len - cut, rs->tz, &gr) == DATE_OK) {
					memmove(g->s, g->s + cut, g->len - cut + 1);
					g->len -= cut;
					break;
				}
				c += 2;
			}
		}
		/*
		 * The Hijri date, as printed; as its ISO day only when the
		 * Gregorian date beside it is that day by the tabular calendar
		 * (rules/dates/bn.yaml).  Bangladesh begins a Hijri month when
		 * the moon is sighted, so the table alone can be a day off: the
		 * page's own Gregorian date is the evidence, never arithmetic.
		 */
		if (hl > 0) {
			if (g->len && date_parse(rs->ds, g->s, g->len, rs->tz, &gr) == DATE_OK &&
			    date_parse(rs->tab, s + ho, hl, rs->tz, &hr) == DATE_OK &&
			    gr.year == hr.year && gr.month == hr.month && gr.day == hr.day) {
				char iso[11];

				date_format_day(iso, hr.year, hr.month, hr.day);
				record_add(rec, "page_date_hijri", iso);
				add(rec, w, "page_date_hijri_raw", s + ho, hl);
			} else
				add(rec, w, "page_date_hijri", s + ho, hl);
		}
		if (g->len)
			record_add(rec, "page_date", g->s);
		buf_free(&line);
	}
}

/*
 * Is S[0, 10) a date in the American order, "MM/DD/YYYY", with a month
 * and a day that can be (a print view's stamp, "04/20/2025")?
 */
static int
us_date(const char *s, size_t n)
{
	int m, d;
	size_t i;

	if (n != 10 || s[2] != '/' || s[5] != '/')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 2 && i != 5 && !(s[i] >= '0' && s[i] <= '9'))
			return 0;
	m = (s[0] - '0') * 10 + (s[1] - '0');
	d = (s[3] - '0') * 10 + (s[4] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/*
 * A date stamp of digits only before a headline ("09/02/2025 <headline>",
 * "04/20/2025 <headline>" of a print view in the American order): the
 * length to skip, stamp and spaces, or 0.
 */
static size_t
date_stamp(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t e = 0, i;
	struct date_result r;

	while (e < n && s[e] != ' ')
		e++;
	if (e == 0 || e >= n || line_has_letter(s, e) || !(memchr(s, '/', e) || memchr(s, '-', e)) ||
	    (!(line_is_date(rs, s, e, &r) && r.status == DATE_OK) && !us_date(s, e)))
		return 0;
	for (i = e; i < n && s[i] == ' '; i++)
		;
	return i < n ? i : 0;
}

static int
under_byline(const struct hzonework *w, long i, long p)
{
	long k = zone_step(w, i, -1, 0, p);

	return k >= 0 && w->l[k].kind == K_BYLINE && w->l[k].pattern;
}

/*
 * The date a labelled line I gave FIELD, with no time, and the time alone
 * on the next line ("আপডেট : ফেব্রুয়ারি ১৩, ২০২২" over "০৮:২৪ পূর্বাহ্ন": a
 * theme that prints the date and the time in boxes of their own): the
 * field is the two read as one.
 */
static void
labelled_time_below(const struct hzoneset *rs, struct hzonework *w, struct record *rec, long i, long p,
    const char *field)
{
	const char *v = record_get(rec, field);
	struct date_result r;
	struct buf d = {0};

	if (v == NULL || !line_is_date(rs, v, strlen(v), &r) || r.status != DATE_OK || r.has_time)
		return;
	buf_adds(&d, v);
	if (zone_time_below(rs, w, d.s, d.len, i, p, 1)) {
		explain(w, (size_t)i, "a labelled date with its time on the next line", NULL);
		record_set(rec, field, w->cut.s);
	}
	buf_free(&d);
}

static size_t
credit_mark(const char *s, size_t n)
{
	if (n >= 1 && (s[0] == ':' || s[0] == '-'))
		return 1;
	if (n >= 3 && (memcmp(s, "ঃ", 3) == 0 || memcmp(s, "।", 3) == 0 || memcmp(s, "॥", 3) == 0 ||
	    memcmp(s, "–", 3) == 0 || memcmp(s, "—", 3) == 0))
		return 3;
	return 0;
}

/*
 * Does S[0, M) (the words and their closing marks) read as a byline
 * alone, its value in [*VO, *VO + *VL)?  Or S[0, N) (the words) with what
 * may close a credit list off its end: a name in brackets (the outlet's,
 * an agency's) and a date after a comma, its place in [*DA, *DA + *DL)
 * ("<post>, Name, <day month, year> (<outlet>)")?
 */
static int
reads_byline(const struct hzoneset *rs, const char *s, size_t m, size_t n, size_t *vo, size_t *vl, size_t *da, size_t *dl)
{
	struct date_result r;
	size_t c, e;

	*dl = 0;
	if (line_first_value(&rs->byline, s, m, vo, vl) < rs->byline.n)
		return 1;
	if (line_misspelt_credit(rs, s, n, vo, vl))
		return 1;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	/* Only a bracket or a year can end such a list. */
	if (n == 0 || (s[n - 1] != ')' && !line_digit_at(s + n - 1, 1) && !(n >= 3 && line_digit_at(s + n - 3, 3))))
		return 0;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n > 0 && s[n - 1] == ')')
		for (e = n - 1; e > 0; e--)
			if (s[e - 1] == '(') {
				/*
				 * A day and month in the bracket, the credit before it
				 * ("<outlet> রিপোর্ট(৩০ মে) ::"): the credit alone.
				 */
				for (c = e - 1; c > 0 && s[c - 1] == ' '; c--)
					;
				if (c > 0 && line_is_date(rs, s + e, n - 1 - e, &r) &&
				    (r.status == DATE_OK || r.status == DATE_NO_YEAR) &&
				    line_first_value(&rs->byline, s, c, vo, vl) < rs->byline.n)
					return 1;
				n = e - 1;
				break;
			}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	for (c = 0; c < n; c++) {
		if (s[c] != ',')
			continue;
		for (e = c + 1; e < n && s[e] == ' '; e++)
			;
		if (!line_is_date(rs, s + e, n - e, &r) || r.status != DATE_OK)
			continue;
		if (line_first_value(&rs->byline, s, c, vo, vl) < rs->byline.n) {
			*da = e;
			*dl = n - e;
			return 1;
		}
		break;
	}
	return 0;
}

/*
 * Credits in a comma list ending in a whole date, closed by a colon
 * ("<outlet> (<language>), <town>, <state>, 18/12/2021 :"): two to four
 * pieces before the date, each of four words at most and no digit.  No
 * byline among them (*VL 0 from the caller); the date in [*DA, *DA + *DL).
 */
static int
dated_credits(const struct hzoneset *rs, const char *s, size_t n, size_t *da, size_t *dl)
{
	struct date_result r;
	size_t a = 0, c, e, pieces = 0;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	for (c = 0; c < n; c++) {
		if (s[c] != ',')
			continue;
		if (line_words(s + a, c - a) < 1 || line_words(s + a, c - a) > 4 || line_has_digit(s + a, c - a) ||
		    ++pieces > 4)
			return 0;
		for (e = c + 1; e < n && s[e] == ' '; e++)
			;
		if (pieces >= 2 && line_is_date(rs, s + e, n - e, &r) && r.status == DATE_OK) {
			*da = e;
			*dl = n - e;
			return 1;
		}
		a = c + 1;
	}
	return 0;
}

/*
 * A byline glued to the first paragraph in a form no dateline pattern
 * knows: the paragraph's first words, up to a mark that may close a
 * credit and the marks right after it ("নিজস্ব প্রতিনিধি-", "Name
 * Name:-"), read by a byline pattern as a line alone would be
 * (reads_byline), with a paragraph of eight words at least after it.  Any
 * of the first fourteen words' marks may close it (a hyphen inside a word
 * too: the words before it must still read as a whole byline).  The
 * credit's end in *EO, its value in [*VO, *VO + *VL), a date in it in
 * [*DA, *DA + *DL) (*DL 0 for none); 0 if none.
 */
static int
glued_byline(const struct hzoneset *rs, const char *s, size_t n, size_t *eo, size_t *vo, size_t *vl, size_t *da, size_t *dl)
{
	size_t i = 0, e, m, t, words = 0, marks = 0;

	/* The first three marks: a credit is seldom cut further in. */
	while (i < n && words < 14 && marks < 3) {
		if (s[i] == ' ') {
			while (i < n && s[i] == ' ')
				i++;
			words++;
			continue;
		}
		if (i == 0 || (m = credit_mark(s + i, n - i)) == 0 || line_visarga_in_word(rs, s, n, i + m)) {
			i++;
			continue;
		}
		for (e = i + m; e < n && (m = credit_mark(s + e, n - e)) > 0; e += m)
			;
		for (t = e; t < n && s[t] == ' '; t++)
			;
		*vl = 0;
		marks++;
		/*
		 * Past six words only a colon closes a credit list; before,
		 * a sentence's first words and its dari are no credit either
		 * (and reading them costs a pattern each).
		 */
		if (words > 6 && s[i] != ':' && memcmp(s + i, "ঃ", 3) != 0) {
			i = e;
			continue;
		}
		if (t < n && line_words(s + t, n - t) >= 8 && (reads_byline(rs, s, e, i, vo, vl, da, dl) ||
		    ((s[i] == ':' || memcmp(s + i, "ঃ", 3) == 0) &&
		    dated_credits(rs, s, i, da, dl)))) {
			*eo = t;
			return 1;
		}
		i = e;
	}
	return 0;
}

/*
 * How far into the first paragraph S[0..N) the dateline patterns, or a
 * byline glued on, would read (0: not at all).
 */
static size_t
dateline_reach(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t eo, vo, vl, da, dl;

	if ((eo = line_dateline_reach(rs, s, n)) > 0)
		return eo;
	return glued_byline(rs, s, n, &eo, &vo, &vl, &da, &dl) ? eo : 0;
}

/*
 * The site's own credit glued to the first paragraph S[0..N): the
 * "lead_credit" header strip-boilerplate --chrome writes when the words
 * that open this paragraph open the first paragraph on many of the site's
 * pages ("বিশ্বনাথনিউজ২৪ :: ...", a name no byline pattern knows).  Where
 * the paragraph opens with it and a closing mark, the story's start; else 0.
 */
static size_t
site_credit(const struct record *rec, const char *s, size_t n, size_t *len)
{
	const char *c = record_get(rec, "lead_credit");
	size_t j, m;
	int closed = 0;

	if (c == NULL || (*len = strlen(c)) == 0 || *len >= n || memcmp(s, c, *len) != 0)
		return 0;
	for (j = *len; j < n;) {
		if (s[j] == ' ') {
			j++;
		} else if ((m = credit_mark(s + j, n - j)) > 0 || (m = (s[j] == '|' || s[j] == '>' || s[j] == '/')) > 0) {
			j += m;
			closed = 1;
		} else {
			break;
		}
	}
	return closed && j < n ? j : 0;
}

/*
 * Take the dateline off the first paragraph: its byline, place and agency,
 * and its date ("<credit>, বৃহস্পতিবার, ২৭ অক্টোবর, ২০১৬: ..."), which is
 * the publication time only when the page printed none and it reads as a
 * whole date (a day and month with no year is no date).  With no pattern
 * for it, a byline glued on (glued_byline).  A place closing its own
 * credit may follow the byline ("Name Name:-<place> :- ..."): it goes too,
 * read by a pattern with no byline in it.
 */
/*
 * A whole date glued to the first word of the paragraph, no space between
 * ("মার্চ ১৬, ২০১৯কলকাতার ...", a theme's date box run into the story):
 * its length, or 0.  The date ends in a digit, a letter follows it.
 */
static size_t
glued_date(const struct hzoneset *rs, const char *s, size_t n)
{
	struct date_result r;
	size_t k, lim = n < 60 ? n : 60;

	for (k = 1; k + 3 <= lim; k++) {
		int after_digit = (s[k - 1] >= '0' && s[k - 1] <= '9') || (k >= 3 && line_digit_at(s + k - 3, 3));
		int letter = ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z') ||
		    ((unsigned char)s[k] == 0xE0 && !line_digit_at(s + k, 3) && (unsigned char)s[k + 1] >= 0xA6);

		if (after_digit && letter)
			return line_is_date(rs, s, k, &r) && r.status == DATE_OK ? k : 0;
	}
	return 0;
}

/*
 * The day a wire's dateline opens with, no credit ("জুলাই ৫: <story>"),
 * or before the credit after a comma ("সেপ্টেম্বর ২৯, <outlet> ডেস্ক:"):
 * the length of S[0..N) to pass over, N when it is all a date, 0 for none.
 */
static size_t
dated_open(const struct hzoneset *rs, const char *s, size_t n)
{
	struct date_result r;
	const char *c;
	size_t k;

	if (line_is_date(rs, s, n, &r) && (r.status == DATE_OK || r.status == DATE_NO_YEAR))
		return n;
	if ((c = memchr(s, ',', n)) == NULL || c == s)
		return 0;
	k = (size_t)(c - s);
	if (!line_is_date(rs, s, k, &r) || (r.status != DATE_OK && r.status != DATE_NO_YEAR))
		return 0;
	for (k++; k < n && s[k] == ' '; k++)
		;
	return k;
}

/*
 * The byline placed by its shape (a short name under the headline, the
 * site's name) gives way to the dateline's credit a byline pattern reads
 * ("<place> প্রতিনিধিঃ <story>"): it is taken off the record.
 */
static void
replaced(struct record *rec, struct hzonework *w, size_t p)
{
	record_del(rec, "author");
	explain(w, p, "a byline pattern reads the dateline's credit: it replaces the name placed as the byline", NULL);
}

/*
 * A dateline whose writer and post are set apart by a mark the credit
 * does not keep ("Name ।। <place> প্রতিনিধি : <story>"): its pattern names
 * the post too, and the author is written "Name, <post>".  1 if written.
 */
static int
with_post(struct record *rec, struct hzonework *w, struct rx *re, const char *s, size_t a, size_t b)
{
	int g = rx_named(re, "post");
	size_t pa, pb;

	if (g < 0 || !rx_group(re, g, &pa, &pb) || pb <= pa)
		return 0;
	add_name_post(rec, w, s + a, b - a, s + pa, pb - pa);
	return 1;
}

static void
dateline(const struct hzoneset *rs, struct hzonework *w, struct record *rec, size_t p, int *author, int *pub,
    int placed)
{
	const char *s = line_text(w, p);
	size_t n = w->l[p].len, k, so, eo, vo, vl, da, dl, cl;
	int pass, credit = 0;

	if ((eo = glued_date(rs, s, n)) > 0) {
		if (!(*pub)++)
			add(rec, w, "published", s, eo);
		explain(w, p, "a date glued to the first paragraph's first word taken off it", NULL);
		w->l[p].off += eo;
		w->l[p].len -= eo;
		s += eo;
		n -= eo;
	}
	/*
	 * The site's own credit, unless the patterns read as far or further
	 * (a place's dateline, "খুলনা:", that opens every page stays theirs);
	 * closed by a double colon, it is the site's even so ("<name> :: "
	 * opening every page is the outlet's mark, where one page's
	 * "<city> :: " is its place).
	 */
	if ((eo = site_credit(rec, s, n, &cl)) > 0 && ((k = dateline_reach(rs, s, n)) < eo ||
	    (k == eo && memmem(s + cl, eo - cl, "::", 2) != NULL))) {
		if (!(*author)++)
			add_author(rec, w, s, cl);
		explain(w, p, "the site's own credit taken off the first paragraph (lead_credit: "
		    "its first words open the first paragraph on many of the site's pages)", NULL);
		w->l[p].off += eo;
		w->l[p].len -= eo;
		return;
	}
	for (pass = 0; pass < 2; pass++) {
		rx_hold(s, n);
		for (k = 0; k < rs->dateline.n; k++) {
			struct rx *re = rs->dateline.re[k];
			/* A "credit" is the byline only of a header that has none, and cut only then. */
			const char *groups[] = { "author", "place", "agency", "credit" };
			const char *names[] = { "author", "dateline_place", "agency", "author" };
			size_t j;

			if (rx_named(re, "credit") >= 0 && *author)
				continue;
			if (pass == 1 && (rx_named(re, "credit") >= 0 || rx_named(re, "author") >= 0))
				continue;
			if (rx_exec(re, s, n, 0, 0) != RX_MATCH || !rx_group(re, 0, &so, &eo) || so != 0 || eo >= n ||
			    line_visarga_in_word(rs, s, n, eo))
				continue;
			for (j = 0; j < 4; j++) {
				int g = rx_named(re, groups[j]);
				size_t a, b;

				if (g < 0 || !rx_group(re, g, &a, &b) || b <= a)
					continue;
				if ((j == 0 || j == 3) && (a += dated_open(rs, s + a, b - a)) >= b)
					continue;
				credit |= j == 0 || j == 3;
				if (j == 0 && *author && placed)
					replaced(rec, w, p);
				else if ((j == 0 || j == 3) && (*author)++)
					continue;
				if (j == 0 && with_post(rec, w, re, s, a, b))
					continue;
				add(rec, w, names[j], s + a, b - a);
			}
			{
				int g = rx_named(re, "date");
				size_t a, b;
				struct date_result r;

				if (g >= 0 && rx_group(re, g, &a, &b) && b > a && !*pub && line_is_date(rs, s + a, b - a, &r) &&
				    r.status == DATE_OK) {
					(*pub)++;
					add(rec, w, "published", s + a, b - a);
				}
			}
			break;
		}
		rx_release();
		if (k == rs->dateline.n && pass == 0 && glued_byline(rs, s, n, &eo, &vo, &vl, &da, &dl)) {
			struct date_result r;
			size_t d = vl > 0 ? dated_open(rs, s + vo, vl) : 0;

			vo += d;
			vl -= d;

			if (vl > 0 && *author && placed) {
				replaced(rec, w, p);
				add_author(rec, w, s + vo, vl);
			} else if (vl > 0 && !(*author)++)
				add_author(rec, w, s + vo, vl);
			if (dl > 0 && !*pub && line_is_date(rs, s + da, dl, &r) && r.status == DATE_OK) {
				(*pub)++;
				add(rec, w, "published", s + da, dl);
			}
			k = 0;
			credit = 1;
		}
		if (k == rs->dateline.n)
			break;
		explain(w, p, pass ? "a place closing its own credit taken off the first paragraph" :
		    "dateline taken off the first paragraph", NULL);
		w->l[p].off += eo;
		w->l[p].len -= eo;
		s += eo;
		n -= eo;
		if (!credit)	/* only a credit has a place after it */
			break;
	}
}

/*
 * A page that printed no date in its header may print it at its foot,
 * labelled, on a line of its own ("প্রকাশ :জুলাই ১৮, ২০১৭ ১:৩৩ অপরাহ্ণ", a
 * blog's "- Date : January 09, 2021"): the line among the last twelve
 * below the first paragraph P, if it is the only labelled publication
 * time there (a list of other stories prints one each) and its value is
 * a whole date.  Its value goes to vo/vl; the line, or -1.
 */
static long
footer_date(const struct hzoneset *rs, struct hzonework *w, long p)
{
	long f, found = -1, lo = (long)w->nl - 12;
	struct date_result r;

	if (rs->published == NULL)
		return -1;
	for (f = (long)w->nl - 1; f > p && f >= lo; f--) {
		const char *t = line_text(w, f);
		size_t n = w->l[f].len, m = (size_t)line_is_item(t, n), vo, vl;

		while (m < n && t[m] == ' ')
			m++;
		if (n == 0 || n - m > 120 || !line_value_of(rs->published, t + m, n - m, &vo, &vl))
			continue;
		if (!line_is_date(rs, t + m + vo, vl, &r) || r.status != DATE_OK || found >= 0)
			return -1;
		found = f;
		w->l[f].vo = m + vo;
		w->l[f].vl = vl;
	}
	return found;
}

/* The page's last line that is not blank, below the first paragraph P, or -1. */
static long
last_filled(const struct hzonework *w, long p)
{
	long f;

	for (f = (long)w->nl - 1; f > p && w->l[f].len == 0; f--)
		;
	return f > p ? f : -1;
}

/*
 * A page that printed no byline in its header may credit the story at its
 * foot, labelled ("প্রতিবেদক: Name", "রিপোর্টঃ Name <upazila>।"): the last
 * line that is not blank, below the first paragraph P, if a byline
 * pattern reads it past a label closed by a colon or the visarga, and
 * not_name does not match the value (an interview's "প্রতিবেদক: আপনাকে
 * ধন্যবাদ").  The value goes to vo/vl; the line, or -1.  The line stays in
 * the text.
 */
static long
footer_credit(const struct hzoneset *rs, struct hzonework *w, long p)
{
	long f = last_filled(w, p);
	size_t k, vo, vl;

	if (f < 0 || w->l[f].len > 120)
		return -1;
	for (k = 0; k < rs->byline.n; k++)
		if (line_value_of(rs->byline.re[k], line_text(w, f), w->l[f].len, &vo, &vl) && vo > 0 &&
		    (memchr(line_text(w, f), ':', vo) != NULL || memmem(line_text(w, f), vo, "ঃ", strlen("ঃ")) != NULL) &&
		    !line_matches(&rs->not_name, line_text(w, f) + vo, vl)) {
			w->l[f].vo = vo;
			w->l[f].vl = vl;
			return f;
		}
	return -1;
}

/*
 * A sign-off closing the story ("<date>/<outlet>/<initials>", "<initials>/
 * <date>", the date alone): the last line that is not blank, below the
 * first paragraph P, if a "signoff" pattern matches it and its value is a
 * whole date.  The value goes to vo/vl; the line, or -1.  The line stays
 * in the text.
 */
static long
signoff_date(const struct hzoneset *rs, struct hzonework *w, long p)
{
	long f = last_filled(w, p);
	size_t k, vo, vl;
	struct date_result r;

	if (f < 0)
		return -1;
	for (k = 0; k < rs->signoff.n; k++)
		if (line_value_of(rs->signoff.re[k], line_text(w, f), w->l[f].len, &vo, &vl) &&
		    line_is_date(rs, line_text(w, f) + vo, vl, &r) && r.status == DATE_OK) {
			w->l[f].vo = vo;
			w->l[f].vl = vl;
			return f;
		}
	return -1;
}

/*
 * A page of one paragraph with its headline under it, at the end ("<the
 * story> / <headline> / পাঠকের মন্তব্য"): the page opens with the
 * paragraph P, the next line is the last of the page but for short lines
 * (three words at most: chrome) and lines with no Bengali letter (a
 * theme's English placeholder left unfilled, a plugin's thank-you
 * notice), it has the words of a headline (fifteen
 * at most, one comma at most: not a paragraph cut short) and ends no
 * sentence, no chrome and no not_headline line ("আরও পড়ুন <headline>"),
 * and two of its words (three letters or more) come back in the
 * paragraph.  The headline's line, or -1.
 */
static size_t
commas(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += s[i] == ',';
	return c;
}

static long
headline_under(const struct hzoneset *rs, const struct hzonework *w, long p)
{
	long i, j;
	const char *s;
	size_t n, nw;

	for (i = 0; i < p; i++)
		if (w->l[i].len > 0)
			return -1;
	for (j = p + 1; j < (long)w->nl && w->l[j].len == 0; j++)
		;
	if (j >= (long)w->nl)
		return -1;
	s = line_text(w, j);
	n = w->l[j].len;
	nw = line_words(s, n);
	if (nw < rs->headline_words || nw > 15 || text_chars(s, n) > 200 || line_sentence_end(s, n) || commas(s, n) > 1 ||
	    line_ends_with(s, n, ":") || line_trails_off(s, n) || !line_bengali_name(s, n > 3 ? 3 : n) || line_matches(&rs->chrome, s, n) ||
	    line_matches(&rs->not_headline, s, n))
		return -1;
	for (i = j + 1; i < (long)w->nl; i++)
		if (line_words(line_text(w, i), w->l[i].len) > 3 && line_letter_in(line_text(w, i), w->l[i].len, 0))
			return -1;
	return zone_words_shared(w, j, p, 2) >= 2 ? j : -1;
}

/*
 * The headline printed again at the start of the first paragraph P with
 * no space after it, the paragraph then opening with the headline's
 * first word ("<headline><first word> ...", the two blocks of the page
 * run together), or a tagged headline and a space: taken off the
 * paragraph.
 */
static void
unglue_headline(struct hzonework *w, long p, long title)
{
	const char *s = line_text(w, p), *t = line_text(w, title);
	size_t n = w->l[p].len, m = w->l[title].len, f = 0;

	while (f < m && t[f] != ' ')
		f++;
	if (f == 0 || f == m || n <= m + f || memcmp(s, t, m) != 0)
		return;
	if (memcmp(s + m, t, f) == 0) {
		explain(w, (size_t)p, "the headline glued to the start of the first paragraph taken off", NULL);
		w->l[p].off += m;
		w->l[p].len -= m;
	} else if (s[m] == ' ' && line_words(t, m) >= 5 && memchr(t, ':', m) && line_words(s + m, n - m) >= 8) {
		/*
		 * The whole headline with its tag ("<Place>: <headline>
		 * <paragraph>"), printed again on the paragraph's line.  A
		 * headline with no tag may be the paragraph's own first words
		 * ("<headline> মাসব্যাপী ..."): it stays.
		 */
		explain(w, (size_t)p, "the headline printed again before the first paragraph taken off", NULL);
		w->l[p].off += m + 1;
		w->l[p].len -= m + 1;
	}
}

/*
 * Is the date line I under an update label: its own, the parser reading
 * the whole line as one date ("আপডেটঃ 11:26 pm | May 03, 2020", the label
 * a word it passes over), or one alone on the line right above it, its
 * date set on the next line ("আপডেট সময়ঃ" over "<weekday>, <date>",
 * line_label_alone)?
 */
static int
update_label_over(const struct hzoneset *rs, struct hzonework *w, long i)
{
	long j = i - 1;
	size_t vo, vl;

	if (rs->updated && line_value_of(rs->updated, line_text(w, i), w->l[i].len, &vo, &vl) &&
	    !line_value_of(rs->published, line_text(w, i), w->l[i].len, &vo, &vl))
		return 1;
	while (j >= 0 && w->l[j].len == 0)
		j--;
	return j >= 0 && line_label_alone(rs, line_text(w, j), w->l[j].len) == S_UPDATED;
}

/*
 * An unlabelled date line written: published, or updated under an update
 * label; not a date with no time and no headline above it, nor a copy of
 * one read.  A second unlabelled date is no update time: only a label says
 * so ("UPDATED <date>" once went in by this way, its label unread).
 */
static void
write_date(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg, long i)
{
	struct rline *l = &w->l[i];
	struct date_result r;
	size_t k;

	/*
	 * A date with no time and no headline above it may be the
	 * day the page was seen: no value rather than a wrong one.
	 * Right under a byline a pattern reads, it is the story's
	 * ("<place> প্রতিনিধি" / "<date>" / "<headline>").
	 */
	if (!l->has_time && (pg->title < 0 || i < pg->title) && !l->story && !zone_over_update(rs, w, i, pg->p) &&
	    !under_byline(w, i, pg->p))
		return;
	/*
	 * The header printed twice (byline, date; byline, date): one date.
	 * Not under an update label: the theme prints the update time as it
	 * is, the publication time's again when the story was never updated
	 * ("আপলোড সময় :" / <date> / "আপডেট সময় :" / <the same date>).
	 */
	for (k = 0; k < (size_t)i && !(w->l[k].kind == K_DATE && zone_same(w, k, (size_t)i)); k++)
		;
	if (k < (size_t)i && !update_label_over(rs, w, i))
		return;
	/*
	 * A day and month with no year and no label ("২২ জানুয়ারি" under the
	 * site's name) is no value: the year is not on the page.
	 */
	if (!l->has_time && date_parse(rs->ds, line_text(w, i), l->len, rs->tz, &r) == DATE_NO_YEAR) {
		explain(w, (size_t)i, "a date with no year and no label (not taken)", NULL);
		return;
	}
	if (!l->has_time && zone_date_time_below(rs, w, i, pg->p)) {
		explain(w, (size_t)i, "a date with its time on the next line", NULL);
		if (!pg->pub++)
			add(rec, w, "published", w->cut.s, w->cut.len);
		return;
	}
	/* A writer's name before the date on its line (line_classify). */
	if (l->cl > 0 && !pg->patterned && !pg->author++) {
		explain(w, (size_t)i, "a writer's name before the date on its line, no label: the byline", NULL);
		add_author(rec, w, w->text.s + l->co, l->cl);
		/* A post alone ("প্রতিনিধি <date>") is the theme's blank: a dateline's credit replaces it. */
		pg->placed = line_post_alone(rs, w->text.s + l->co, l->cl);
	}
	/* Under an update label it is an update time, never the publication time. */
	if (update_label_over(rs, w, i)) {
		if (!pg->upd++) {
			explain(w, (size_t)i, "a date under an update label, on its line or alone above it", NULL);
			add(rec, w, "updated", line_text(w, i), l->len);
		}
	} else if (!pg->pub++)
		add(rec, w, "published", line_text(w, i), l->len);
}

/*
 * The outlet's name after a spaced dash or double dari closing the headline
 * ("<headline> – <outlet>", the page's <title>; "<headline> ।। <outlet>",
 * the double dari glued on or not):
 * one or two words, no digit, that open a byline of the zone ("<outlet>
 * ডেস্কঃ") or the first paragraph's dateline.  The length of the headline
 * before the mark, or N.
 */
static size_t
outlet_suffixed(const struct hzonework *w, const struct hzpage *pg, const char *t, size_t n)
{
	static const char *const dashes[] = { " – ", " — ", " - ", " ।। ", " ॥ ", "।। ", "॥ ", NULL };
	const char *d = NULL, *e;
	size_t k, a, sl = 0;
	long j;

	for (k = 0; dashes[k] != NULL; k++)
		for (e = t; (e = memmem(e, n - (size_t)(e - t), dashes[k], strlen(dashes[k]))) != NULL; e++)
			if (d == NULL || e > d)
				d = e, sl = strlen(dashes[k]);
	if (d == NULL || d == t)
		return n;
	a = (size_t)(d - t) + sl;
	if (a >= n || line_words(t + a, n - a) > 2 || line_has_digit(t + a, n - a))
		return n;
	for (j = 0; j <= pg->p && j < pg->zone; j++) {
		const char *s = line_text(w, (size_t)j);
		size_t m = w->l[j].len;

		if ((w->l[j].kind == K_BYLINE || j == pg->p) && m > n - a && memcmp(s, t + a, n - a) == 0 &&
		    (s[n - a] == ' ' || s[n - a] == ':' || s[n - a] == ',' ||
		    (m >= n - a + 3 && line_ends_with(s, n - a + 3, "ঃ"))))
			return (size_t)(d - t);
	}
	return n;
}

/*
 * A blog theme's post title with its writer after "by" ("<headline>? by
 * Name Name", line I): the writer, one to four words with no digit or
 * mark, is the byline where the header has none, and the headline's
 * length before " by " is returned; N when there is no such writer.
 */
static size_t
by_writer(struct record *rec, struct hzonework *w, struct hzpage *pg, long i, const char *t, size_t n)
{
	const char *b = NULL, *e;
	size_t a, k, nw;

	for (e = t; (e = memmem(e, n - (size_t)(e - t), " by ", 4)) != NULL; e++)
		b = e;
	if (b == NULL || b == t)
		return n;
	a = (size_t)(b - t) + 4;
	nw = line_words(t + a, n - a);
	/* A headline in English keeps its "by" ("<Man> bitten by <snake>"). */
	if (nw < 1 || nw > 4 || line_words(t, (size_t)(b - t)) < 3 || line_has_digit(t + a, n - a) ||
	    !line_has_letter(t + a, n - a) || memmem(t, (size_t)(b - t), "\xe0\xa6", 2) == NULL)
		return n;
	for (k = a; k < n; k++)
		if (strchr(":;,.!?|-()", t[k]) != NULL)
			return n;
	if (!pg->author++)
		add_author(rec, w, t + a, n - a);
	if (w->ex)
		explain(w, (size_t)i, "the writer after 'by' taken off the headline, the byline", NULL);
	return (size_t)(b - t);
}

/*
 * The headline written, cleaned of what its line adds (a date stamp, the
 * site's name, a hanging dash, markup); 0 when it has too few words to be
 * one, and is not written.
 */
static int
write_title(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg, long i)
{
	struct rline *l = &w->l[i];
	const char *t = line_text(w, i);
	size_t n, d = date_stamp(rs, t, l->len);

	if (d > 0 && w->ex)
		explain(w, (size_t)i, "a date stamp taken off the headline", NULL);
	t += d;
	n = outlet_suffixed(w, pg, t, line_latin_suffixed(t, line_suffixed(t, l->len - d)));
	n = by_writer(rec, w, pg, i, t, n);

	/*
	 * A dash or colon left hanging at the end is no part of
	 * the headline; a dash glued to its last word is printed
	 * as the headline's own (the dari so glued is kept too).
	 */
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == ':' || (t[n - 1] == '-' &&
	    !(n > 1 && t[n - 2] != ' ' && t[n - 2] != ':' && t[n - 2] != '-' && (unsigned char)t[n - 2] >= 0x80))))
		n--;
	if (line_ends_with(t, n, "–"))
		n -= 3;
	while (n > 0 && t[n - 1] == ' ')
		n--;
	/* Asterisks around it are emphasis left by the page's markup ("*<headline>*"). */
	while (n > 2 && t[0] == '*' && t[n - 1] == '*') {
		t++;
		n -= 2;
	}
	/*
	 * Double daris around it are decoration, as around a byline
	 * ("।।<headline>।।"): a dari that closes a headline does not open it.
	 */
	while (n > 12 && memcmp(t, "।।", 6) == 0 && line_ends_with(t, n, "।।")) {
		t += 6;
		n -= 12;
	}
	/*
	 * A breadcrumb's arrows left before it, the steps gone ("» »
	 * <headline>", mujibnagarkhabor, eval s18): no headline opens so.
	 */
	while (n > 2 && memcmp(t, "»", 2) == 0) {
		t += 2;
		n -= 2;
		while (n > 0 && t[0] == ' ')
			t++, n--;
	}
	/*
	 * Nor with an image left as an empty Markdown link ("![]() <headline>",
	 * natun-barta, eval s25), the prefix a paragraph loses the same way.
	 */
	if (n > 5 && memcmp(t, "![", 2) == 0) {
		const char *e = memchr(t, ']', n);

		if (e != NULL && (size_t)(e - t) + 2 < n && e[1] == '(' && (e = memchr(e, ')', n - (size_t)(e - t))) != NULL) {
			n -= (size_t)(e + 1 - t);
			t = e + 1;
		}
	}
	while (n > 0 && t[0] == ' ')
		t++, n--;
	while (n > 0 && t[n - 1] == ' ')
		n--;
	/*
	 * A dari set off by a space closes the line, not the headline's
	 * words, and an opening quote mark left there, no other in the
	 * line, opens nothing ("<headline> “", shadinbangla, eval s25; in
	 * "<words> “<quote> “" it closes the quote); so does a bar left
	 * hanging after it ("<headline> |", the site's name cut from the
	 * page's <title>).
	 */
	if (n > 4 && (line_ends_with(t, n, "।") || (line_ends_with(t, n, "“") && !memmem(t, n - 3, "“", 3) &&
	    !memmem(t, n - 3, "”", 3))) && t[n - 4] == ' ')
		for (n -= 3; n > 0 && t[n - 1] == ' '; n--)
			;
	else if (n > 2 && t[n - 1] == '|' && t[n - 2] == ' ' && memchr(t, '|', n - 1) == NULL)
		for (n -= 1; n > 0 && t[n - 1] == ' '; n--)
			;
	/*
	 * Too few words for a headline: the site's name or a
	 * writer's placed where the headline would stand over
	 * the byline and date block, a place alone over the
	 * first paragraph ("<town> ,<country>": a comma between
	 * its words).  It still places the dates; it is not
	 * written.
	 */
	if (line_words(t, n > 0 ? n : l->len) < rs->headline_words && ((zone_step(w, i, 1, 0, pg->p) >= 0 &&
	    zone_in_block(w->l[zone_step(w, i, 1, 0, pg->p)].kind)) || memchr(t, ',', n > 0 ? n : l->len))) {
		if (w->ex)
			explain(w, (size_t)i, "not the headline", "fewer words than headline_words");
		return 0;
	}
	add(rec, w, "title", t, n > 0 ? n : l->len);
	return 1;
}

/* Is a date line the line right before or after line I? */
static int
next_to_date(const struct hzonework *w, long i, long p)
{
	int t;

	for (t = -1; t <= 1; t += 2) {
		long j = zone_step(w, i, t, 0, p);

		if (j >= 0 && (w->l[j].kind == K_LABELLED || w->l[j].kind == K_DATE || w->l[j].kind == K_EDITION))
			return 1;
	}
	return 0;
}

/*
 * The header's fields written in the order of their lines, with their
 * explain lines.
 */
static void
write_line(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg, long i)
{
	struct rline *l = &w->l[i];

	switch (l->kind) {
	case K_LABELLED: {
		int pub0 = pg->pub, upd0 = pg->upd;

		add_labelled(rs, w, rec, (size_t)i, &pg->pub, &pg->upd, &pg->ed, &pg->author);
		/* One date read off the line, with no time: its time may be the next line. */
		if ((pg->pub > pub0) + (pg->upd > upd0) == 1)
			labelled_time_below(rs, w, rec, i, pg->p, pg->pub > pub0 ? "published" : "updated");
		break;
	}
	case K_DATE:
		write_date(rs, w, rec, pg, i);
		break;
	case K_CLOCK:
		if (record_get(rec, "page_date") == NULL)
			add_clock(rs, w, rec, (size_t)i);
		break;
	case K_BYLINE:
		if (pg->patterned && !l->pattern)
			l->why = "a name placed as the byline, but a byline pattern reads another line (not taken)";
		/*
		 * A login, one word in Latin letters ("By<login>" over the
		 * date), gives way to the dateline's credit ("<place> প্রতিনিধি\
		 * <paragraph>").
		 */
		else if (pg->credited && login_name(w->text.s + l->vo, l->vl))
			l->why = "a posting account; the first paragraph's dateline names the writer (not taken)";
		/*
		 * So does any name placed by where it stands, a writer's slot
		 * under its label too ("প্রতিনিধি :" over the outlet's name):
		 * the dateline's credit is the story's own.
		 */
		else if (pg->credited && !l->pattern)
			l->why = "a name placed by where it stands; the first paragraph's dateline names the writer (not taken)";
		else if (!pg->author++) {
			pg->placed = !l->pattern;
			if (l->joined && i + 1 < (long)w->nl) {	/* "Name, <post>" (name_over_role, role_over_name) */
				const struct rline *name = l->joined == JOINED_POST_BELOW ? l : &w->l[i + 1];
				const struct rline *post = l->joined == JOINED_POST_BELOW ? &w->l[i + 1] : l;

				add_name_post(rec, w, w->text.s + name->vo, name->vl, w->text.s + post->vo, post->vl);
			} else if (l->asis) {	/* as printed, " ," and all, but opening dashes */
				size_t k = open_dashes(w->text.s + l->vo, l->vl);

				add(rec, w, "author", w->text.s + l->vo + k, l->vl - k);
			} else
				add_author(rec, w, w->text.s + l->vo, l->vl);
		}
		break;
	case K_EDITION:
		if (!pg->ed++)
			add(rec, w, "edition", line_text(w, i), l->len);
		break;
	default:
		if (i == pg->title && !write_title(rs, w, rec, pg, i))
			return;
		break;
	}
	if (w->ex && l->kind != K_BLANK)
		explain(w, (size_t)i, i == pg->title ? "headline" : kind_name[l->kind], l->why);
}

void
write_header(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg)
{
	long i, over = -1, under = -1;

	/*
	 * A byline alone over the headline gives way to one under it,
	 * between the headline and the story: the line over it is the
	 * masthead's name ("<Outlet> || <outlet in Bengali>"), the one under
	 * it the story's.  Not one next to a date: that is a byline and date
	 * block printed over the headline (a print view's).
	 */
	for (i = 0; i < pg->p && pg->title >= 0; i++)
		if (w->l[i].kind == K_BYLINE && i < pg->title && over < 0)
			over = i;
		else if (w->l[i].kind == K_BYLINE && i > pg->title && under < 0)
			under = i;
	if (over >= 0 && under >= 0 && !next_to_date(w, over, pg->p)) {
		w->l[over].kind = K_OTHER;
		w->l[over].why = "a byline over the headline, passed over for the one under it";
	} else if (over >= 0 && under < 0 && pg->credited && !next_to_date(w, over, pg->p) && !zone_shares_word(w, over, pg->p)) {
		/*
		 * So does one that gives way to the story's own credit
		 * ("By <outlet>" over the headline, "<place> প্রতিনিধিঃ <story>"),
		 * unless the story names it again ("Name <place> প্রতিনিধি" over
		 * the headline, "Name, <place>ঃ <story>").
		 */
		w->l[over].kind = K_OTHER;
		w->l[over].why = "a byline over the headline, passed over for the first paragraph's credit";
	}
	/* Write the fields in the order of their lines. */
	for (i = 0; i < pg->p; i++)
		write_line(rs, w, rec, pg, i);
}

/*
 * A credit alone on its line: up to four words with letters, no digit, no
 * sentence, no chrome.
 */
static int
short_credit(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t nw = line_words(s, n);

	return nw >= 1 && nw <= 4 && line_has_letter(s, n) && !line_has_digit(s, n) && !line_sentence_end(s, n) &&
	    !line_matches(&rs->chrome, s, n);
}

/*
 * Line I, under the zone or read before as something else, read afresh
 * (line_classify): what it was kept in *WAS, to be put back; what it is.
 */
static enum kind
read_afresh(const struct hzoneset *rs, struct hzonework *w, long i, struct rline *was)
{
	*was = w->l[i];
	w->l[i].kind = K_OTHER;
	w->l[i].why = NULL;
	line_classify(rs, w, (size_t)i);
	return w->l[i].kind;
}

/*
 * The byline and dates printed under a standfirst, a summary of the story
 * in one paragraph ("<headline>" / "<summary>" / "<credit>" / "Published :
 * <date>" / "Updated : <date>", bdnews24.com's order).  When the header
 * gave no byline and no date, the lines right under the first paragraph
 * (blank lines between) are read if each is a byline or a date line, or a
 * short credit right over one, with a date among them; or if it is one
 * line a byline pattern reads, a paragraph right under it ("|| <post>,
 * <place> ||" over the story).  They are left out of the body.  Four lines
 * at most; the paragraph stays the body's first.
 */
static void
fields_under_standfirst(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg)
{
	struct rline keep[4];
	long i, at[4], name = -1;
	int n = 0, k, dates = 0, alone = 0;

	if (pg->author || pg->pub || pg->upd || pg->p >= pg->zone || pg->title < 0)
		return;
	for (i = pg->p + 1; i < (long)w->nl && n < 4; i++) {
		struct rline *l = &w->l[i];

		if (l->len == 0)
			continue;
		at[n] = i;
		read_afresh(rs, w, i, &keep[n++]);
		if (l->kind == K_LABELLED || l->kind == K_DATE)
			dates++;
		else if (l->kind == K_BYLINE && dates == 0)
			;
		else if (n == 1 && short_credit(rs, line_text(w, i), l->len))
			name = i;
		else {
			*l = keep[--n];
			break;
		}
	}
	if (dates == 0 && n == 1 && w->l[at[0]].kind == K_BYLINE && w->l[at[0]].pattern && i < (long)w->nl) {
		struct rline below = w->l[i];

		w->l[i].kind = K_OTHER;
		w->l[i].why = NULL;
		line_classify(rs, w, (size_t)i);
		alone = w->l[i].kind == K_PARA;
		w->l[i] = below;
	}
	if ((dates == 0 && !alone) || at[n - 1] == name) {
		for (k = 0; k < n; k++)
			w->l[at[k]] = keep[k];
		return;
	}
	for (k = 0; k < n; k++) {
		if (at[k] == name) {
			if (!pg->author++)
				add_author(rec, w, line_text(w, name), w->l[name].len);
			explain(w, (size_t)name, "byline, a credit over the dates under the standfirst", NULL);
			continue;
		}
		write_line(rs, w, rec, pg, at[k]);
	}
	pg->below0 = at[0];
	pg->below1 = at[n - 1] + 1;
}

/*
 * The header printed under the story's first paragraph, where the page
 * has none over it ("<paragraph>" / "শিরোনাম :" / "<headline>" / "-
 * <desk> :" / "- আপডেট টাইম : <date>" / "Tag :", a theme that prints the
 * story's opening before its header): right under the paragraph P, past
 * a ticker's label, a chrome line or a section's one word, a line shaped
 * as a headline, then up to six lines, each a byline, a date line or chrome, one of
 * them a date.  The headline and the block's fields are written, and the
 * lines are left out of the body.  A story's second paragraph or a list
 * of other stories is no such block: a headline right under the first
 * paragraph is not a story's, and the others print no byline and date
 * block of their own.
 */
static void
header_under_story(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg)
{
	struct rline keep[6];
	long j, t, k, at[6], first;
	int n = 0, dates = 0, m;
	const char *s;
	size_t len, nw;

	if (pg->title >= 0 || pg->p >= pg->zone || record_get(rec, "title") != NULL)
		return;
	/* The lines under the zone are not classified: the next with anything on it. */
	for (j = pg->p + 1; j < (long)w->nl && w->l[j].len == 0; j++)
		;
	if (j >= (long)w->nl)
		return;
	first = j;
	s = line_text(w, j);
	len = w->l[j].len;
	if (line_matches(&rs->ticker, s, len) || line_matches(&rs->chrome, s, len) ||
	    (line_words(s, len) == 1 && !line_has_digit(s, len)))
		for (j++; j < (long)w->nl && w->l[j].len == 0; j++)
			;
	if (j >= (long)w->nl)
		return;
	t = j;
	s = line_text(w, t);
	len = w->l[t].len;
	nw = line_words(s, len);
	if (nw < rs->headline_words || nw > 20 || text_chars(s, len) > 200 || line_ends_with(s, len, ":") ||
	    line_matches(&rs->chrome, s, len))
		return;
	{
		struct rline was;

		if (read_afresh(rs, w, t, &was) != K_TITLELIKE) {
			w->l[t] = was;
			return;
		}
	}
	for (k = t + 1; k < (long)w->nl && n < 6; k++) {
		struct rline *l = &w->l[k];

		if (l->len == 0)
			continue;
		at[n] = k;
		read_afresh(rs, w, k, &keep[n++]);
		if (l->kind == K_LABELLED || l->kind == K_DATE)
			dates++;
		else if (l->kind != K_BYLINE && l->kind != K_CHROME && l->kind != K_BLANK) {
			*l = keep[--n];
			break;
		}
	}
	if (dates == 0) {
		for (m = 0; m < n; m++)
			w->l[at[m]] = keep[m];
		return;
	}
	if (!write_title(rs, w, rec, pg, t))
		return;
	explain(w, (size_t)t, "headline, under the first paragraph, over its byline and dates", NULL);
	pg->title = t;
	for (m = 0; m < n; m++)
		write_line(rs, w, rec, pg, at[m]);
	pg->below0 = first;
	pg->below1 = at[n - 1] + 1;
}

/*
 * What the header lacks read in the first paragraph and under it: the
 * headline's words glued to the paragraph's start taken off it
 * (unglue_headline), the dateline, a date closing it, at the foot or in a
 * sign-off (pg->foot), a labelled credit at the foot, the headline under
 * the only paragraph (pg->under).
 */
void
read_below_header(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg)
{
	fields_under_standfirst(rs, w, rec, pg);
	if (pg->p < pg->zone && pg->title >= 0)
		unglue_headline(w, pg->p, pg->title);
	if (pg->p < pg->zone)
		dateline(rs, w, rec, (size_t)pg->p, &pg->author, &pg->pub, pg->placed);
	header_under_story(rs, w, rec, pg);
	if (!pg->pub && pg->p < pg->zone && w->l[pg->p].tail) {
		size_t vo, vl;

		if (line_tail_date(rs, w, pg->p, &vo, &vl)) {
			pg->pub++;
			add(rec, w, "published", line_text(w, pg->p) + vo, vl);
			explain(w, (size_t)pg->p, "labelled date closing the first paragraph (none in the header)", NULL);
		}
	}
	if (!pg->pub && pg->p < pg->zone && (pg->foot = footer_date(rs, w, pg->p)) >= 0) {
		const char *t = line_text(w, pg->foot) + w->l[pg->foot].vo;

		add(rec, w, "published", t, w->l[pg->foot].vl);
		explain(w, (size_t)pg->foot, "labelled date at the foot of the page (none in the header)", NULL);
	}
	if (!pg->pub && pg->p < pg->zone && pg->foot < 0) {
		long sign = signoff_date(rs, w, pg->p);

		if (sign >= 0) {
			add(rec, w, "published", line_text(w, sign) + w->l[sign].vo, w->l[sign].vl);
			explain(w, (size_t)sign, "a sign-off closing the story, its date (none in the header)", NULL);
		}
	}

	if (!pg->author && pg->p < pg->zone) {
		long cr = footer_credit(rs, w, pg->p);

		if (cr >= 0) {
			pg->author++;
			add_author(rec, w, line_text(w, cr) + w->l[cr].vo, w->l[cr].vl);
			explain(w, (size_t)cr, "byline, a labelled credit closing the story (none in the header)", NULL);
		}
	}

	if (pg->title < 0 && pg->p < pg->zone && record_get(rec, "title") == NULL && (pg->under = headline_under(rs, w, pg->p)) >= 0) {
		add(rec, w, "title", line_text(w, pg->under), w->l[pg->under].len);
		explain(w, (size_t)pg->under, "headline, under the only paragraph of the page", NULL);
	}
}

/*
 * A publication or update time on one of the days a theme prints for a
 * time never set (placeholder_dates: "আপডেট: ০০:০০, ৩১ ডিসেম্বর ১৯৯৯",
 * bahumatrik) is no value: taken out again, whichever line gave it.
 */
void
drop_placeholders(const struct hzoneset *rs, struct hzonework *w, struct record *rec)
{
	static const char *const fields[] = { "published", "updated" };
	struct date_result r;
	size_t f, k;

	for (f = 0; f < 2 && rs->nholders > 0; f++) {
		const char *v = record_get(rec, fields[f]);

		if (v == NULL || date_parse(rs->ds, v, strlen(v), rs->tz, &r) != DATE_OK)
			continue;
		for (k = 0; k < rs->nholders && strncmp(r.iso, rs->holders[k], strlen(rs->holders[k])) != 0; k++)
			;
		if (k == rs->nholders)
			continue;
		if (w->ex) {
			fflush(stdout);
			fprintf(w->ex, "%s: %s: reader: %s not written: a day a theme prints for a time never set (placeholder_dates): %s\n",
			    prog, w->src, fields[f], v);
		}
		record_del(rec, fields[f]);
	}
}

/*
 * The body written: the first paragraph on, and the lines above it kept.
 */
void
write_body(struct hzonework *w, struct record *rec, struct hzpage *pg)
{
	size_t k;

	/*
	 * The body: from the first paragraph on, and the lines above it that a
	 * "keep" pattern asks for (a caption, for the field rules after).  A
	 * page with no paragraph in its zone loses only what was read and
	 * what stands above its headline (the masthead of a truncated page).
	 */
	buf_reset(&w->out);
	for (k = 0; k < w->nl; k++) {
		struct rline *l = &w->l[k];
		int keep;

		if ((long)k >= pg->p)
			keep = 1;
		else if (pg->p < pg->zone || pg->b0 >= 0 || pg->title >= 0)
			keep = l->kind == K_KEEP || (pg->p == pg->zone && (l->kind == K_OTHER || l->kind == K_TITLELIKE) &&
			    (long)k > pg->title && !(pg->title >= 0 && zone_same(w, k, (size_t)pg->title)));
		else
			keep = 1;
		/* A caption printed twice, blank lines between, is kept once. */
		if (keep && (long)k < pg->p && l->kind == K_KEEP) {
			size_t j;

			for (j = 0; j < k && !(w->l[j].kind == K_KEEP && zone_same(w, j, k)); j++)
				;
			keep = j == k;
		}
		if (!keep || (long)k == pg->foot || (long)k == pg->under || ((long)k >= pg->below0 && (long)k < pg->below1))
			continue;
		buf_add(&w->out, shown(w, w->text.s + l->off), l->len);
		buf_addc(&w->out, '\n');
	}
	text_tidy_lines(&w->out);
	record_set_body(rec, w->out.s ? w->out.s : "", w->out.len);
}
