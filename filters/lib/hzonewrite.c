/*
 * hzonewrite.c: the record the header-zone reader (hzone.c) writes: the
 * header's fields in the order of their lines, with their --explain lines,
 * and the body, from the first paragraph on.  What the header lacks is
 * read in the story after (hzonestory.c), with the writers here.  hzone.c
 * and hzonehead.c have decided by then which line is what (struct
 * hzpage); nothing here moves a line's kind back.
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

void
write_explain(struct hzonework *w, size_t i, const char *what, const char *why)
{
	if (w->ex == NULL)
		return;
	fflush(stdout);
	fprintf(w->ex, "%s: %s: reader: body line %zu: %s%s%s: %.*s\n", prog, w->src, i + 1, what,
	    why ? ", by " : "", why ? why : "", (int)(w->l[i].len > 120 ? text_utf8_floor(line_text(w, i), 120) :
	    w->l[i].len), shown(w, line_text(w, i)));
}

void
write_field(struct record *rec, struct hzonework *w, const char *name, const char *s, size_t n)
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
 * with no space before the comma after it.  Elsewhere a space before a
 * comma is kept as printed ("Name Name , <place>"), as the expected
 * values of every evaluation set write it (chengidarpon, eval s37;
 * dailynaboday24, eval s26).
 */
void
write_author(struct record *rec, struct hzonework *w, const char *s, size_t n)
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
	 * word ("<outlet>-" over the story), a semicolon and a dash after a
	 * space ("Name Name ;-", dailyshamolbangla, eval s45), the visarga
	 * after a word of three letters or more ("<post>,<outlet>ঃ"; "মোঃ",
	 * "ডাঃ" are the visarga's own abbreviations).
	 */
	while (n > 0 && (s[n - 1] == '-' || s[n - 1] == ':' || s[n - 1] == ';' ||
	    (s[n - 1] == ' ' && n > 1 && s[n - 2] == ';') ||
	    (line_ends_with(s, n, "ঃ") && last_word_chars(s, n - 3) >= 3)))
		n -= s[n - 1] == '-' || s[n - 1] == ':' || s[n - 1] == ';' || s[n - 1] == ' ' ? 1 : 3;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	/* Nor are quote marks wrapping the whole name ("“Name Name”" under the headline). */
	k = unquoted(s, n);
	s += k;
	n -= 2 * k;
	buf_reset(&w->val);
	for (i = 0; i < n; i++)
		if (!(best > 0 && s[i] == ' ' && i + 1 < n && s[i + 1] == ','))
			buf_addc(&w->val, s[i]);
	record_add(rec, "author", w->val.s);
}

/*
 * A writer's name and post read apart (two lines of an author box, a
 * dateline's groups), written as one credit, "Name, <post>": the form of
 * EXPECTED VALUES (khobor(1)).  Both are in w->text.
 */
void
write_name_post(struct record *rec, struct hzonework *w, const char *name, size_t nl, const char *post, size_t pl)
{
	struct buf b = {0};

	buf_add(&b, shown(w, name), nl);
	buf_add(&b, ", ", 2);
	buf_add(&b, shown(w, post), pl);
	write_author(rec, w, b.s, b.len);
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
 * Is byline line I a theme's "by" label ("কর্তৃক", "By") before a name in
 * Latin letters, with a byline in Bengali that a pattern reads on another
 * line of the zone above P, ending in a post word ("কর্তৃক <Latin Name>"
 * over "নিজস্ব প্রতিবেদক 58 ভিউ", amadersurjodoy, eval t47)?  The Latin
 * name is the account that posted the story, the reporter's post the
 * story's own credit.  (The outlet's name in Bengali is no such credit:
 * "কর্তৃক <Outlet>" over "<outlet>ঃ" is the outlet's, r14-by-in-bengali-locale.)
 */
static int
account_over_credit(const struct hzoneset *rs, const struct hzonework *w, long i, long p)
{
	const struct rline *l = &w->l[i];
	const char *s = line_text(w, (size_t)i);
	size_t lab = l->vo - l->off;
	long j;

	if (!((lab >= strlen("কর্তৃক") && memcmp(s, "কর্তৃক", strlen("কর্তৃক")) == 0) ||
	    (lab >= 2 && (s[0] == 'B' || s[0] == 'b') && s[1] == 'y')) || !line_latin_name(w->text.s + l->vo, l->vl))
		return 0;
	for (j = 0; j < p; j++) {
		const char *v = w->text.s + w->l[j].vo, *last;
		size_t n = w->l[j].vl;

		if (j == i || w->l[j].kind != K_BYLINE || !w->l[j].pattern || line_latin_in(v, n))
			continue;
		while (n > 0 && v[n - 1] == ' ')
			n--;
		for (last = v + n; last > v && last[-1] != ' '; last--)
			;
		if (line_post_alone(rs, last, (size_t)(v + n - last)))
			return 1;
	}
	return 0;
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
	const char *s = line_text(w, li), *o;
	size_t n = w->l[li].len, i = 0, a, e, vo, vl, d;
	int label = 0, dates = 0, credits = 0, after = 0;

	if ((d = line_byline_then_date(rs, s, n, &e)) > 0) {
		struct date_result r;

		line_what_segment(rs, s, line_before_label(rs, s, d - 1, n), &vo, &vl);
		/* Without the comma and colon of an empty field left ("Name, <place> , : <date>"). */
		while (vl > 0 && (s[vo + vl - 1] == ' ' || s[vo + vl - 1] == ',' || s[vo + vl - 1] == ':'))
			vl--;
		/*
		 * A login name, one word in Latin letters ("by Newseditor
		 * <date>"), is the posting account: it gives way to a byline a
		 * pattern reads on a line of the zone (the desk under it).
		 */
		if (w->patterned && login_name(s + vo, vl))
			w->l[li].why = "a posting account beside the date; a byline pattern reads another line (not taken)";
		else if (!(*author)++)
			write_author(rec, w, s + vo, vl);
		/*
		 * An unlabelled date the parser reads but cannot settle ("17
		 * Jan, 21", the century not printed) is no value: the byline
		 * stands without it.
		 */
		if (date_parse(rs->ds, s + d, e - d, rs->tz, &r) != DATE_OK)
			w->l[li].why = "a byline and a date it cannot settle (the date is not taken)";
		else if (update_label_before(rs, s, d, n)) {
			if (!(*upd)++)
				write_field(rec, w, "updated", s + d, e - d);
		} else if (!(*pub)++)
			write_field(rec, w, "published", s + d, e - d);
		for (a = e; a < n && s[a] == ' '; a++)
			;
		if (a < n && !(*ed)++)
			write_field(rec, w, "edition", s + a, n - a);
		return;
	}
	while (line_segment(s, n, &i, &a, &e)) {
		enum seg k = line_what_segment(rs, s + a, e - a, &vo, &vl);

		label += k == S_PUBLISHED || k == S_UPDATED;
		dates += k == S_DATE;
		credits += k == S_BYLINE;
	}
	if (label == 0 && dates == 0 && line_place_date_credit(rs, s, n, &d, &e, &vo, &vl)) {
		size_t pe = d, bo, bl;

		/*
		 * What stands for the place may be a byline pattern's credit,
		 * its comma glued to the date ("অনলাইন ডেস্ক,৬মে ২০১৯:",
		 * shikkhabarta, eval s47): the credit, when none follows.
		 */
		while (pe > 0 && (s[pe - 1] == ' ' || s[pe - 1] == ','))
			pe--;
		if (vl == 0 && pe > 0 && line_what_segment(rs, s, pe, &bo, &bl) == S_BYLINE) {
			vo = bo;
			vl = bl;
		}
		if (vl > 0 && !(*author)++)
			write_author(rec, w, s + vo, vl);
		if (!(*pub)++)
			write_field(rec, w, "published", s + d, e);
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
				write_author(rec, w, s, h);
			w->l[li].why = "a labelled date after a credit printed twice (the byline box)";
		} else if (line_credit_before_label(rs, s, n, &vo, &vl)) {
			if (!(*author)++)
				write_author(rec, w, s + vo, vl);
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
				write_author(rec, w, s, c);
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
		if (line_update_inside(rs, s, n, a, i))
			w->cut.s[i - 1] = '|';
	}
	/*
	 * Segments are cut in the copy; values are taken from the line in
	 * w->text, where shown() finds them as printed (a name prefix masked).
	 */
	o = s;
	s = w->cut.s;
	i = 0;
	while (line_segment(s, n, &i, &a, &e))
		switch (line_what_segment(rs, s + a, e - a, &vo, &vl)) {
		case S_PUBLISHED:
			after = 1;
			if (*pub > 0) {
				timed_again(rs, w, rec, o + a + vo, vl);
				break;
			}
			(*pub)++;
			if (!with_time(rs, w, rec, s, n, &i, o + a + vo, vl, "published"))
				write_field(rec, w, "published", o + a + vo, vl);
			break;
		case S_DATE:
			/* Its time may be the next segment ("<desk> | <date> | <time> | <count>"). */
			if (!(*pub)++) {
				if (!with_time(rs, w, rec, s, n, &i, o + a + vo, vl, "published"))
					write_field(rec, w, "published", o + a + vo, vl);
			}
			break;
		case S_UPDATED:
			after = 1;
			if (!(*upd)++ && !with_time(rs, w, rec, s, n, &i, o + a + vo, vl, "updated"))
				write_field(rec, w, "updated", o + a + vo, vl);
			break;
		case S_EDITION:
			if (!(*ed)++)
				write_field(rec, w, "edition", o + a, e - a);
			break;
		case S_BYLINE:
			if (!(*author)++)
				write_author(rec, w, o + a + vo, vl);
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
				write_author(rec, w, o + a, e - a);
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
				write_field(rec, w, "page_date_hijri", s + pa, pe - pa);
			else if (c == CAL_BN)
				/*
				 * Only Bangladesh's revised calendar has a table: on a
				 * page of another zone (West Bengal keeps the solar
				 * calendar) the Bangla date stays as printed.
				 */
				write_field(rec, w, w->pzone ? "page_date_bangla_raw" : "page_date_bangla", s + pa, pe - pa);
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
				write_field(rec, w, "page_date_hijri_raw", s + ho, hl);
			} else
				write_field(rec, w, "page_date_hijri", s + ho, hl);
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
		write_explain(w, (size_t)i, "a labelled date with its time on the next line", NULL);
		record_set(rec, field, w->cut.s);
	}
	buf_free(&d);
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
		write_explain(w, (size_t)i, "a date with no year and no label (not taken)", NULL);
		return;
	}
	if (!l->has_time && zone_date_time_below(rs, w, i, pg->p)) {
		write_explain(w, (size_t)i, "a date with its time on the next line", NULL);
		if (!pg->pub++)
			write_field(rec, w, "published", w->cut.s, w->cut.len);
		return;
	}
	/* A writer's name before the date on its line (line_classify). */
	if (l->cl > 0 && !pg->patterned && !pg->author++) {
		write_explain(w, (size_t)i, "a writer's name before the date on its line, no label: the byline", NULL);
		write_author(rec, w, w->text.s + l->co, l->cl);
		/* A post alone ("প্রতিনিধি <date>") is the theme's blank: a dateline's credit replaces it. */
		pg->placed = line_post_alone(rs, w->text.s + l->co, l->cl);
	}
	/* Under an update label it is an update time, never the publication time. */
	if (update_label_over(rs, w, i)) {
		if (!pg->upd++) {
			write_explain(w, (size_t)i, "a date under an update label, on its line or alone above it", NULL);
			write_field(rec, w, "updated", line_text(w, i), l->len);
		}
	} else if (!pg->pub++)
		write_field(rec, w, "published", line_text(w, i), l->len);
}

/*
 * The outlet's name after a spaced dash or double dari closing the headline
 * ("<headline> – <outlet>", the page's <title>; "<headline> ।। <outlet>",
 * the double dari glued on or not):
 * one or two words, no digit, that open a byline of the zone ("<outlet>
 * ডেস্কঃ") or the first paragraph's dateline; or a daily's name, the
 * dash glued to it or not.  The length of the headline before the mark,
 * or N.
 */
static size_t
outlet_suffixed(const struct hzonework *w, const struct hzpage *pg, const char *t, size_t n)
{
	static const char *const dashes[] = { " – ", " — ", " - ", " ।। ", " ॥ ", "।। ", "॥ ", " –", " —", NULL };
	static const char daily[] = "দৈনিক ";
	const char *d = NULL, *e;
	size_t k, a, sl = 0;
	long j;

	for (k = 0; dashes[k] != NULL; k++)
		for (e = t; (e = memmem(e, n - (size_t)(e - t), dashes[k], strlen(dashes[k]))) != NULL; e++)
			if (d == NULL || e > d || (e == d && strlen(dashes[k]) > sl))
				d = e, sl = strlen(dashes[k]);
	if (d == NULL || d == t)
		return n;
	a = (size_t)(d - t) + sl;
	if (a >= n || line_has_digit(t + a, n - a))
		return n;
	/*
	 * A daily's name ("<headline> –দৈনিক <name>", dainikbhorerbarta,
	 * eval t1): "দৈনিক" and a name of one to three words names a paper,
	 * whether or not the page prints it again.
	 */
	if (n - a > sizeof(daily) - 1 && memcmp(t + a, daily, sizeof(daily) - 1) == 0 &&
	    line_words(t + a, n - a) <= 4 && line_bengali_name(t + a, n - a))
		return (size_t)(d - t);
	if (line_words(t + a, n - a) > 2 || sl == strlen(" –"))
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
		write_author(rec, w, t + a, n - a);
	if (w->ex)
		write_explain(w, (size_t)i, "the writer after 'by' taken off the headline, the byline", NULL);
	return (size_t)(b - t);
}

/*
 * The headline written, cleaned of what its line adds (a date stamp, the
 * site's name, a hanging dash, markup); 0 when it has too few words to be
 * one, and is not written.
 */
int
write_title(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg, long i)
{
	struct rline *l = &w->l[i];
	const char *t = line_text(w, i);
	size_t n, d = date_stamp(rs, t, l->len);

	if (d > 0 && w->ex)
		write_explain(w, (size_t)i, "a date stamp taken off the headline", NULL);
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
	 * Hashes and a space opening it are a Markdown heading's marks, left
	 * by a converter ("## <headline>", timesnewsbangladesh, eval s48).
	 */
	{
		size_t h = 0;

		while (h < n && h < 6 && t[h] == '#')
			h++;
		if (h > 0 && h + 1 < n && t[h] == ' ') {
			t += h + 1;
			n -= h + 1;
		}
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
	 * Nor with a list's bullet, the headline printed again as an item
	 * over the story ("• <headline>", joybangla, eval t66).
	 */
	if (n > 4 && (memcmp(t, "•", 3) == 0 || memcmp(t, "●", 3) == 0 || memcmp(t, "▪", 3) == 0) && t[3] == ' ') {
		t += 4;
		n -= 4;
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
			write_explain(w, (size_t)i, "not the headline", "fewer words than headline_words");
		return 0;
	}
	write_field(rec, w, "title", t, n > 0 ? n : l->len);
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
void
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
		else if (l->pattern && account_over_credit(rs, w, i, pg->p))
			l->why = "a name in Latin letters after a theme's \"by\", the posting account; a byline in Bengali reads another line (not taken)";
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

				write_name_post(rec, w, w->text.s + name->vo, name->vl, w->text.s + post->vo, post->vl);
			} else if (l->asis) {	/* as printed, " ," and all, but opening dashes */
				size_t k = open_dashes(w->text.s + l->vo, l->vl);

				write_field(rec, w, "author", w->text.s + l->vo + k, l->vl - k);
			} else
				write_author(rec, w, w->text.s + l->vo, l->vl);
		}
		break;
	case K_EDITION:
		if (!pg->ed++)
			write_field(rec, w, "edition", line_text(w, i), l->len);
		break;
	default:
		if (i == pg->title && !write_title(rs, w, rec, pg, i))
			return;
		break;
	}
	if (w->ex && l->kind != K_BLANK)
		write_explain(w, (size_t)i, i == pg->title ? "headline" : kind_name[l->kind], l->why);
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
