/*
 * hzone.c: the header-zone reader (see hzone.h and khobor-rules(5),
 * READER): from what each line is (hzoneline.c), a header flattened onto
 * one line cut into its lines (hzoneflat.c) and the headline's copies
 * (hzoneagain.c), where the zone ends, where the byline and date block is,
 * and what goes into the record; which line is the headline is decided in
 * hzonehead.c.  hzone_apply runs those phases in turn, each handed the
 * page's struct hzpage.  It runs on the rules hzonecomp.c compiles.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "hzone.h"
#include "hzonerule.h"
#include "hzonework.h"
#include "rx.h"
#include "rxmemo.h"
#include "text.h"
#include "util.h"

/* The kinds of hzonework.h, named for --explain. */
static const char *const kind_name[] = {
	"blank", "other", "chrome", "page clock", "labelled date", "date", "byline", "edition",
	"title-like", "paragraph", "kept"
};

struct hzonework *
hzone_work_new(void)
{
	struct hzonework *w = ecalloc(1, sizeof(*w));

	w->memo = rxmemo_new();
	return w;
}

void
hzone_work_free(struct hzonework *w)
{
	if (w == NULL)
		return;
	buf_free(&w->text);
	buf_free(&w->out);
	buf_free(&w->val);
	buf_free(&w->cut);
	buf_free(&w->orig);
	free(w->l);
	rxmemo_free(w->memo);
	free(w);
}

/* ---- writing what was found ---- */

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
	/*
	 * A comma or a bar left hanging after the name ("সাধন মন্ডল ,", "Name
	 * Name |" over the date) is no part of it.
	 */
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '|'))
		n--;
	buf_reset(&w->val);
	for (i = 0; i < n; i++)
		if (!(s[i] == ' ' && i + 1 < n && s[i + 1] == ','))
			buf_addc(&w->val, s[i]);
	record_add(rec, "author", w->val.s);
}

/*
 * A labelled date with no time whose time stands alone in the next
 * segment ("| প্রকাশিতঃ ২০ অগাস্ট ২০১৬ | ৮:০৮ অপরাহ্ন"): the two read
 * together as the time of FIELD (published, updated); 1 if they did and
 * it was written.
 */
static int
with_time(const struct hzoneset *rs, struct hzonework *w, struct record *rec, const char *s, size_t n,
    size_t *i, const char *v, size_t vl, const char *field)
{
	struct date_result r;
	size_t a, e, j = *i;
	struct buf both = {0};
	int ok;

	if (!line_is_date(rs, v, vl, &r) || r.has_time || !line_segment(s, n, &j, &a, &e) || line_is_date(rs, s + a, e - a, &r))
		return 0;
	buf_add(&both, v, vl);
	buf_addc(&both, ' ');
	buf_add(&both, s + a, e - a);
	ok = line_is_date(rs, both.s, both.len, &r) && r.status == DATE_OK && r.has_time;
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

/* The segments of a header line, each to its field. */
static void
add_labelled(const struct hzoneset *rs, struct hzonework *w, struct record *rec, size_t li,
    int *pub, int *upd, int *ed, int *author)
{
	const char *s = line_text(w, li);
	size_t n = w->l[li].len, i = 0, a, e, vo, vl, d;
	int label = 0, dates = 0, after = 0;

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
		else if (!(*pub)++)
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
			if (!(*pub)++ && !with_time(rs, w, rec, s, n, &i, s + a + vo, vl, "published"))
				add(rec, w, "published", s + a + vo, vl);
			break;
		case S_DATE:
			/* Its time may be the next segment ("<desk> | <date> | <time> | <count>"). */
			if (!(*pub)++) {
				if (!with_time(rs, w, rec, s, n, &i, s + a + vo, vl, "published"))
					add(rec, w, "published", s + a + vo, vl);
			} else if (!(*upd)++)
				add(rec, w, "updated", s + a + vo, vl);
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
			 * <date> | প্রবাস").
			 */
			if (label && line_name_segment(s + a, e - a) && !(after && line_words(s + a, e - a) < 2) && !(*author)++)
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
	size_t n = w->l[li].len, a = 0, pa, pe, ho = 0, hl = 0, first = 0;
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
				if (np++ == 0)
					first = line_has_digit(s + pa, pe - pa) ? 0 : g->len;
			}
		}
		/*
		 * A word with no digit opening the clock that the date parser
		 * cannot read with the rest is the site's town ("<town> | রবিবার |
		 * <date>"): the date is the rest.
		 */
		if (np > 1 && first > 0 && date_parse(rs->ds, g->s, g->len, rs->tz, &gr) != DATE_OK &&
		    date_parse(rs->ds, g->s + first + 2, g->len - first - 2, rs->tz, &gr) == DATE_OK) {
			memmove(g->s, g->s + first + 2, g->len - first - 2 + 1);
			g->len -= first + 2;
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
 * A date stamp of digits only before a headline ("09/02/2025 <headline>"):
 * the length to skip, stamp and spaces, or 0.
 */
static size_t
date_stamp(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t e = 0, i;
	struct date_result r;

	while (e < n && s[e] != ' ')
		e++;
	if (e == 0 || e >= n || line_has_letter(s, e) || !(memchr(s, '/', e) || memchr(s, '-', e)) ||
	    !line_is_date(rs, s, e, &r) || r.status != DATE_OK)
		return 0;
	for (i = e; i < n && s[i] == ' '; i++)
		;
	return i < n ? i : 0;
}

/* ---- the zone ---- */

/*
 * The abbreviations that open a Bangladeshi name, closed by the visarga
 * or a colon ("মোঃ", "মো:", "ডাঃ", "মোছাঃ"): that mark ends no credit and
 * no dateline.  Masked in w->text, the length kept, so the prefix reads
 * as the start of the name's first word ("মোঃ Name" as "মো.ঁName", "মো:
 * Name" as "মো..Name"), and the text as printed kept in w->orig for what
 * is written (shown).  Only the text before END is read so.
 */
static void
mask_prefixes(struct hzonework *w, size_t end)
{
	static const char *const pre[] = {
		"মো", "মোছা", "মোসা", "মোসাম্মৎ", "মুহা", "মোহা", "ডা", "মাও", "অ্যাড", "এ্যাড", "এড", NULL
	};
	char *s = w->text.s;
	size_t n = w->text.len, i, k, m, c, e;

	for (i = 0; i < end && i < n; i++) {
		if ((unsigned char)s[i] != 0xE0 ||
		    (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n' && s[i - 1] != '(' && s[i - 1] != ',' && s[i - 1] != '-'))
			continue;
		for (k = 0; pre[k] != NULL; k++) {
			m = strlen(pre[k]);
			c = i + m;	/* the mark */
			if (c >= n || memcmp(s + i, pre[k], m) != 0)
				continue;
			if (s[c] == ':')
				e = c + 1;
			else if (c + 3 <= n && memcmp(s + c, "ঃ", 3) == 0)
				e = c + 3;
			else
				continue;
			/* A name follows, a Bengali letter (U+0985-U+09B9), perhaps after spaces. */
			while (e < n && s[e] == ' ')
				e++;
			if (!(e + 3 <= n && (unsigned char)s[e] == 0xE0 && (((unsigned char)s[e + 1] == 0xA6 &&
			    (unsigned char)s[e + 2] >= 0x85) || ((unsigned char)s[e + 1] == 0xA7 && (unsigned char)s[e + 2] <= 0x9F))))
				continue;
			if (!w->masked) {
				buf_reset(&w->orig);
				buf_add(&w->orig, s, n);
				w->masked = 1;
			}
			if (s[c] == ':' && e == c + 2)
				memcpy(s + c, "..", 2);
			else if (s[c] == ':')
				s[c] = '.';
			else if (e == c + 4)
				memcpy(s + c, ".ঁ", 4);
			else
				memcpy(s + c, "ঁ", 3);
			break;
		}
	}
}

static void
split(struct hzonework *w)
{
	const char *s = w->text.s;
	size_t i = 0, n = w->text.len;

	w->nl = 0;
	while (i < n) {
		size_t e = i, a = i;
		struct rline *l;

		while (e < n && s[e] != '\n')
			e++;
		if (w->nl == w->cap) {
			w->cap = w->cap ? 2 * w->cap : 64;
			w->l = erealloc(w->l, w->cap * sizeof(*w->l));
		}
		l = &w->l[w->nl++];
		memset(l, 0, sizeof(*l));
		while (a < e && (s[a] == ' ' || s[a] == '\t'))
			a++;
		l->off = a;
		l->len = e - a;
		while (l->len > 0 && (s[a + l->len - 1] == ' ' || s[a + l->len - 1] == '\t'))
			l->len--;
		i = e + 1;
	}
}

/* Lines I and J say the same (a title printed again, a caption printed twice). */
int
zone_same(const struct hzonework *w, size_t i, size_t j)
{
	return w->l[i].len == w->l[j].len && w->l[i].len > 0 &&
	    memcmp(line_text(w, i), line_text(w, j), w->l[i].len) == 0;
}

/* The non-blank, non-chrome line before (DIR -1) or after (+1) I, or -1. */
long
zone_step(const struct hzonework *w, long i, int dir, long lo, long hi)
{
	for (i += dir; i >= lo && i < hi; i += dir)
		if (w->l[i].kind != K_BLANK && w->l[i].kind != K_CHROME)
			return i;
	return -1;
}

/*
 * S without the number an outlet's name may end in, after a space or
 * glued on ("<name> টিভি 24", "<name>২৪"): its length, or N when it ends
 * in no number of three digits at most or nothing is left before it.
 */
static size_t
unnumbered(const char *s, size_t n)
{
	size_t m = n, d = 0;

	for (;;) {
		if (m > 0 && s[m - 1] >= '0' && s[m - 1] <= '9')
			m--;
		else if (m >= 3 && line_digit_at(s + m - 3, 3))
			m -= 3;
		else
			break;
		d++;
	}
	while (m > 0 && s[m - 1] == ' ')
		m--;
	return d == 0 || d > 3 || m == 0 ? n : m;
}

/* A short line that could be a name: at most four words, no digits. */
int
zone_short_name(const struct hzonework *w, size_t j)
{
	const char *s = line_text(w, j);

	const char *c = memchr(s, ',', w->l[j].len);
	size_t n = w->l[j].len;

	/*
	 * No comma between words: "<town> ,<country>" is a place, a dateline
	 * alone; a comma left hanging at the end ("Name ,") is the byline's.
	 */
	while (c != NULL && c + 1 < s + n && (c[1] == ' ' || c[1] == ','))
		c++;
	return line_words(s, n) <= 4 && text_chars(s, n) <= 30 && !line_has_digit(s, n) &&
	    !memchr(s, ':', n) && !memmem(s, n, "ঃ", 3) && !(c != NULL && c + 1 < s + n);
}

/* Is line J the first line of the page with anything on it? */
int
zone_first_content(const struct hzonework *w, long j)
{
	long i;

	for (i = 0; i < j; i++)
		if (w->l[i].len > 0)
			return 0;
	return 1;
}

/*
 * Does the unlabelled date at I stand right over the story: the next line
 * the first paragraph P, or a byline (a name ending in a comma: "<name>,")
 * right over P?  A page clock sits in the site's header, with a menu, a
 * masthead or a headline under it; a date with nothing between it and the
 * story (no headline printed) is the story's ("5:55 pm , May 10, 2018" over
 * "<desk> ॥ <paragraph>", "May 19, 2022" over "<name>," over the story).
 * Chrome between (an empty caption's "ছবি:") keeps it a clock, and so does
 * a weekday: the clocks print theirs ("বৃহস্পতিবার, ১৪ নভেম্বর ২০২৪,
 * ১০:২২ পূর্বাহ্ন"), the story's dates seen here do not.
 */
static int
over_story(const struct hzonework *w, long i, long p)
{
	const char *s = line_text(w, (size_t)i);
	long j;

	if (memmem(s, w->l[i].len, "বার", strlen("বার")) != NULL || memmem(s, w->l[i].len, "day", 3) != NULL ||
	    memmem(s, w->l[i].len, "DAY", 3) != NULL)
		return 0;
	for (j = i + 1; j < p && w->l[j].kind == K_BLANK; j++)
		;
	if (j == p)
		return 1;
	if (j > p || !(w->l[j].kind == K_BYLINE ||
	    (w->l[j].kind == K_TITLELIKE && line_ends_with(line_text(w, (size_t)j), w->l[j].len, ",") &&
	    zone_short_name(w, (size_t)j))))
		return 0;
	for (j++; j < p && w->l[j].kind == K_BLANK; j++)
		;
	return j == p;
}

/*
 * A date S[0..N) with no time, on line I, whose time is printed on the
 * next line, the date perhaps closed by a bar ("বৃহস্পতিবার, ১৬ জুলাই ২০২০
 * |" over "১১:৪০ পূর্বাহ্ণ | 69 বার", a theme that breaks its meta row): the
 * date and that time, in w->cut, when the line under it opens with a time
 * (a colon, up to its first bar or spaced dari; with ALONE, a time alone
 * there, see line_time_alone) and the two read as one date with a time.
 * 1 if so.
 */
static int
time_below(const struct hzoneset *rs, struct hzonework *w, const char *s, size_t n, long i, long p, int alone)
{
	const char *t;
	size_t m;
	struct date_result r;
	long j;

	for (j = i + 1; j < p && w->l[j].kind == K_BLANK; j++)
		;
	if (j >= p || (w->l[j].kind != K_OTHER && w->l[j].kind != K_TITLELIKE))
		return 0;
	t = line_text(w, (size_t)j);
	m = w->l[j].len;
	{
		/* Up to a bar or a spaced dari: a counter may follow ("০৮:২৪ পূর্বাহ্ন । ৬০ জন"). */
		const char *bar = memchr(t, '|', m), *dari = memmem(t, m, " ।", strlen(" ।"));

		if (bar != NULL)
			m = (size_t)(bar - t);
		if (dari != NULL && (size_t)(dari - t) < m)
			m = (size_t)(dari - t);
	}
	while (m > 0 && t[m - 1] == ' ')
		m--;
	if (m == 0 || m > 60 || !line_digit_at(t, m) || memchr(t, ':', m) == NULL || (alone && !line_time_alone(t, m)))
		return 0;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '|' || s[n - 1] == ','))
		n--;
	buf_reset(&w->cut);
	buf_add(&w->cut, s, n);
	buf_adds(&w->cut, ", ");
	buf_add(&w->cut, t, m);
	return line_is_date(rs, w->cut.s, w->cut.len, &r) && r.status == DATE_OK && r.has_time;
}

static int
date_time_below(const struct hzoneset *rs, struct hzonework *w, long i, long p)
{
	return time_below(rs, w, line_text(w, (size_t)i), w->l[i].len, i, p, 0);
}

/* Is the line above I (past blanks) a byline a pattern reads? */
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
	if (time_below(rs, w, d.s, d.len, i, p, 1)) {
		explain(w, (size_t)i, "a labelled date with its time on the next line", NULL);
		record_set(rec, field, w->cut.s);
	}
	buf_free(&d);
}

/*
 * Does line J open the page's article: nothing above it but blank lines,
 * page chrome and the page clock (or a date line, a clock still unread)?
 */
int
zone_opens_page(const struct hzonework *w, long j)
{
	long i;

	for (i = 0; i < j; i++)
		if (w->l[i].kind != K_BLANK && w->l[i].kind != K_CHROME && w->l[i].kind != K_CLOCK &&
		    w->l[i].kind != K_DATE)
			return 0;
	return 1;
}

/*
 * Is there nothing above line J but page furniture: blank lines, chrome,
 * the page clock or a date line, and lines in Latin letters only (a
 * language menu's "Select Language")?
 */
int
zone_furniture_above(const struct hzonework *w, long j)
{
	long i;

	for (i = 0; i < j; i++)
		if (w->l[i].kind != K_BLANK && w->l[i].kind != K_CHROME && w->l[i].kind != K_CLOCK &&
		    w->l[i].kind != K_DATE && !(w->l[i].kind == K_TITLELIKE && !line_letter_in(line_text(w, i), w->l[i].len, 0)))
			return 0;
	return 1;
}

/*
 * Is there, above line I, a headline other than a copy printed again
 * (a title-like line of MINWORDS words or more with a Bengali letter),
 * or a byline or a labelled date?
 */
static int
header_above(const struct hzonework *w, long i, size_t minwords)
{
	long j;

	for (j = 0; j < i; j++)
		if (w->l[j].kind == K_BYLINE || w->l[j].kind == K_LABELLED || (w->l[j].kind == K_TITLELIKE && !w->l[j].again &&
		    line_letter_in(line_text(w, j), w->l[j].len, 0) && line_words(line_text(w, j), w->l[j].len) >= minwords))
			return 1;
	return 0;
}

/*
 * Is there nothing above line J but page furniture and the header's
 * dates (labelled or not)?
 */
static int
header_only_above(const struct hzonework *w, long j)
{
	long i;

	for (i = 0; i < j; i++)
		if (w->l[i].kind != K_BLANK && w->l[i].kind != K_CHROME && w->l[i].kind != K_CLOCK &&
		    w->l[i].kind != K_DATE && w->l[i].kind != K_LABELLED)
			return 0;
	return 1;
}

/*
 * Does S open with the end of a sentence, three words at most and a dari
 * glued to the last ("চলে এসেছিলেন। এ উৎসব ...")?  Then it goes on from
 * the line above: a paragraph wrapped at a fixed width.
 */
static int
ends_sentence_early(const char *s, size_t n)
{
	const char *d = memmem(s, n, "।", 3);

	return d != NULL && d > s && d[-1] != ' ' && line_words(s, (size_t)(d - s)) <= 3;
}

/*
 * Is line I a headline by its marks, however many words and commas: at
 * most twenty words, no sentence end (nor a comma, a colon or an
 * ellipsis) at its end, and any dari in it set off by spaces (a kicker's
 * mark, "<kicker> । <headline>, <more>"), none glued to a word?
 */
static int
long_headline(const struct hzonework *w, long i)
{
	const char *s = line_text(w, i), *d, *e = s + w->l[i].len;
	size_t n = w->l[i].len;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	/* Twenty words run to some 300 bytes in Bengali: a longer line is not read word by word. */
	if (n > 600 || line_words(s, n) > 20 || line_sentence_end(s, n) || line_trails_off(s, n) || line_ends_with(s, n, ",") ||
	    line_ends_with(s, n, ":") || line_ends_with(s, n, "ঃ"))
		return 0;
	for (d = s; (d = memmem(d, (size_t)(e - d), "।", 3)) != NULL; d += 3)
		if (d == s || d[-1] != ' ' || d + 3 >= e || d[3] != ' ')
			return 0;
	return 1;
}

/*
 * Is line I, a paragraph by its shape, a headline over the paragraph
 * NEXT (see hzone_apply)?
 */
static int
headline_sentence(const struct hzoneset *rs, const struct hzonework *w, long i, long next)
{
	const char *s = line_text(w, i), *t = line_text(w, next);
	size_t n = w->l[i].len, m = w->l[next].len, e = 0, nw;

	if (line_words(t, m) < rs->para_words)
		return 0;
	/*
	 * Closed by one dari, the line may as well be the story's first
	 * sentence (a lede on its own line): only the doubled dari, or a
	 * dari set off by a space (" ।", a headline's closing mark, the
	 * lede's words running on), tells.
	 */
	if (zone_furniture_above(w, i) && next == i + 1 && line_words(s, n) <= 10 && (line_ends_with(s, n, "।।") ||
	    (n > 4 && line_ends_with(s, n, "।") && s[n - 4] == ' ')) &&
	    !memchr(s, ',', n) && !line_inner_sentence(s, n) && zone_shares_word(w, i, next))
		return 1;
	/*
	 * Closed by a dari glued to its last word, twelve words at most, no
	 * comma, under nothing but page furniture and the dates (a print
	 * view: "<print date> || <published>" over it): the paragraph right
	 * under it opening with its first three words spells out the
	 * headline; a lede's next sentence does not open so.
	 */
	if (n > 4 && n < 400 && line_ends_with(s, n, "।") && s[n - 4] != ' ' && !memchr(s, ',', n) &&
	    header_only_above(w, i) && line_words(s, n) >= 4 && line_words(s, n) <= 12 && !line_inner_sentence(s, n)) {
		for (nw = 0; nw < 3; nw++) {
			while (e < n && s[e] == ' ')
				e++;
			while (e < n && s[e] != ' ')
				e++;
		}
		if (e < n && e < m && memcmp(s, t, e) == 0 && t[e] == ' ')
			return 1;
		e = 0;
	}
	/* No sentence ends in it, and the paragraph opens with its first four words. */
	if (memmem(s, n, "।", 3) || line_sentence_end(s, n) || line_words(s, n) > 30 || line_words(s, n) < 4)
		return 0;
	for (nw = 0; nw < 4; nw++) {
		while (e < n && s[e] == ' ')
			e++;
		while (e < n && s[e] != ' ')
			e++;
	}
	return e < n && e < m && memcmp(s, t, e) == 0 && t[e] == ' ';
}

/*
 * Is line I right under a ticker's label alone ("ব্রেকিং:", a "ticker"
 * pattern), blank lines between?  Then it is the ticker: other stories'
 * headlines run together, however much it looks like a paragraph.
 */
static int
under_ticker(const struct hzoneset *rs, const struct hzonework *w, long i)
{
	long j = i - 1;

	while (j >= 0 && w->l[j].len == 0)
		j--;
	return j >= 0 && rs->ticker.n > 0 && line_matches(&rs->ticker, line_text(w, j), w->l[j].len);
}

/*
 * The headline by its copies printed again above the first paragraph P
 * (two at least, headline-like: no credit, date or caption line): the
 * cleanest, with the headline's words alone before one with the site's
 * name or a label, one with no closing dari before one with it, the
 * later before the earlier (the page's <title> comes first, its <h1>
 * after).  TITLE, the line taken so far, if there are none.
 */
/* S[0..N) is wrapped whole in square brackets ("[<headline>]"). */
/*
 * Is line I a title-like line above it printed again with a dari
 * ("<headline>।" under the photo)?  No article's first paragraph is.
 */
static int
headline_again(const struct hzonework *w, long i)
{
	const char *s = line_text(w, i);
	size_t n = w->l[i].len;
	long j;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (!line_ends_with(s, n, "।"))
		return 0;
	n -= 3;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	for (j = 0; j < i; j++)
		if (w->l[j].kind == K_TITLELIKE && w->l[j].len == n && memcmp(line_text(w, j), s, n) == 0)
			return 1;
	return 0;
}

/* Does a word of line I (three letters or more) come back in line J? */
int
zone_shares_word(const struct hzonework *w, long i, long j)
{
	const char *s = line_text(w, i);
	size_t n = w->l[i].len, a = 0, e;

	while (a < n) {
		while (a < n && s[a] == ' ')
			a++;
		for (e = a; e < n && s[e] != ' '; e++)
			;
		if (e > a && text_chars(s + a, e - a) >= 3 && memmem(line_text(w, j), w->l[j].len, s + a, e - a))
			return 1;
		a = e;
	}
	return 0;
}

/*
 * Is the line under I a header line that labels only an update time
 * ("Last Updated ...")?  Then an unlabelled date at I is the post's own
 * date, over its update: the pair is the header, not a page clock.
 */
static int
over_update(const struct hzoneset *rs, const struct hzonework *w, long i, long p)
{
	long j = zone_step(w, i, 1, 0, p);
	size_t at = 0, a, e, vo, vl, n;
	int pub = 0, upd = 0;
	const char *s;

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
			upd++;
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

int
zone_in_block(enum kind k)
{
	return k == K_LABELLED || k == K_DATE || k == K_BYLINE || k == K_EDITION;
}

/* The length of a mark that may close a credit at S ("-", ":", "ঃ", "।", "॥", "–", "—"), or 0. */
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
	size_t k, c, e;

	*dl = 0;
	for (k = 0; k < rs->byline.n; k++)
		if (line_value_of(rs->byline.re[k], s, m, vo, vl))
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
		for (k = 0; k < rs->byline.n; k++)
			if (line_value_of(rs->byline.re[k], s, c, vo, vl)) {
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
		if (i == 0 || (m = credit_mark(s + i, n - i)) == 0) {
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
 * The first dateline pattern that reads S (as dateline() takes it) reads a
 * credit in it: a byline or an agency, not only a place and a day
 * ("<place>, ১৬ অক্টোবর: ...").
 */
static int
dateline_credited(const struct hzoneset *rs, const char *s, size_t n)
{
	const char *groups[] = { "author", "credit", "agency" };
	size_t k, j, so, eo, a, b;

	for (k = 0; k < rs->dateline.n; k++) {
		struct rx *re = rs->dateline.re[k];

		if (rx_exec(re, s, n, 0, 0) != RX_MATCH || !rx_group(re, 0, &so, &eo) || so != 0 || eo >= n)
			continue;
		for (j = 0; j < 3; j++) {
			int g = rx_named(re, groups[j]);

			if (g >= 0 && rx_group(re, g, &a, &b) && b > a)
				return 1;
		}
		return 0;
	}
	return 0;
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
static void
dateline(const struct hzoneset *rs, struct hzonework *w, struct record *rec, size_t p, int *author, int *pub)
{
	const char *s = line_text(w, p);
	size_t n = w->l[p].len, k, so, eo, vo, vl, da, dl;
	int pass, credit = 0;

	for (pass = 0; pass < 2; pass++) {
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
			if (rx_exec(re, s, n, 0, 0) != RX_MATCH || !rx_group(re, 0, &so, &eo) || so != 0 || eo >= n)
				continue;
			for (j = 0; j < 4; j++) {
				int g = rx_named(re, groups[j]);
				size_t a, b;

				if (g < 0 || !rx_group(re, g, &a, &b) || b <= a)
					continue;
				credit |= j == 0 || j == 3;
				if ((j == 0 || j == 3) && (*author)++)
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
		if (k == rs->dateline.n && pass == 0 && glued_byline(rs, s, n, &eo, &vo, &vl, &da, &dl)) {
			struct date_result r;

			if (vl > 0 && !(*author)++)
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

struct day_named {
	const struct date_result *day;
	int hit;
};

static void
day_named_fn(void *ctx, const char *iso, const char *text, size_t len, const char *problem)
{
	struct day_named *d = ctx;
	char day[11];

	(void)text, (void)len, (void)problem;
	date_format_day(day, d->day->year, d->day->month, d->day->day);
	if (iso != NULL && strncmp(iso, day, 10) == 0 && (iso[10] == '\0' || iso[10] == 'T'))
		d->hit = 1;
}

/*
 * A date line taken for the page clock only by where it stands (no clock
 * place, no second calendar) is the story's own date when the first
 * paragraph names that very day ("শনিবার, ০৮ মার্চ, ২০২৫" over "আজ শনিবার
 * (৮ মার্চ) ..."), and the header prints no other date: the page was not
 * seen on the day its story tells of by chance.  A date with a time is a
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
 * dateline) and on the next; NULL for none.
 */
static const char *
page_zone(const struct hzoneset *rs, const struct hzonework *w, const struct record *rec, long p, long zone)
{
	const char *url = record_get(rec, "url");
	size_t z;
	long i;

	for (z = 0; z < rs->nz; z++) {
		if (url && line_matches(&rs->zpats[z], url, strlen(url)))
			return rs->znames[z];
		for (i = 0; i <= p && i < zone; i++)
			if (w->l[i].len > 0 && line_matches(&rs->zpats[z], line_text(w, i), w->l[i].len))
				return rs->znames[z];
		/*
		 * And the paragraph under it: the first paragraph the reader
		 * found may be a headline closed by a dari, the dateline under it
		 * (its start only: a dateline opens the paragraph).
		 */
		for (i = p + 1; i < (long)w->nl && w->l[i].len == 0; i++)
			;
		if (p >= 0 && p < zone && i < (long)w->nl &&
		    line_matches(&rs->zpats[z], line_text(w, i), w->l[i].len < 240 ? w->l[i].len : 240))
			return rs->znames[z];
	}
	return NULL;
}

/*
 * Does S read as dates, all but one word in five of it (a page clock in
 * two calendars printed as one line, "১লা চৈত্র, ১৪৩১ বঙ্গাব্দ শুক্রবার
 * ১৪ই মার্চ, ২০২৫ খ্রিস্টাব্দ")?  No headline does.  Lines with few
 * words holding a digit are not read at all (most headlines).
 */
static int
dates_only(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t i = 0, e, nw, dw = 0, miss = 0;

	if (!line_has_digit(s, n) || (nw = line_words(s, n)) < 2)
		return 0;
	for (i = 0; i < n; i = e) {
		while (i < n && s[i] == ' ')
			i++;
		for (e = i; e < n && s[e] != ' '; e++)
			;
		dw += e > i && line_has_digit(s + i, e - i);
	}
	if (3 * dw < nw)
		return 0;
	for (i = 0; i < n; i = e) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		if ((e = line_date_run(rs, s, n, i)) == i) {
			for (e = i; e < n && s[e] != ' '; e++)
				;
			if (5 * ++miss > nw)
				return 0;
		}
	}
	return 1;
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
	long f;
	size_t k, vo, vl;
	struct date_result r;

	for (f = (long)w->nl - 1; f > p && w->l[f].len == 0; f--)
		;
	if (f <= p)
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
 * S[0..N) is one word and a word or two in brackets after it, "<upazila>
 * (<district>)": a place, as it stands before a post ("<upazila>
 * (<district>) প্রতিনিধি") or a day; alone, no writer is named.
 */
static int
upazila_district(const char *s, size_t n)
{
	const char *o = memchr(s, '(', n);
	size_t a;

	if (o == NULL || o == s || s[n - 1] != ')' || memchr(o + 1, '(', n - (size_t)(o - s) - 1) != NULL)
		return 0;
	for (a = (size_t)(o - s); a > 0 && s[a - 1] == ' '; a--)
		;
	return a > 0 && memchr(s, ' ', a) == NULL;
}

/*
 * A credit by its shape alone, no post word in it: a name and a place
 * ("Name Name ,<place>, <place>_", "Name,<place>।"), a name and the
 * outlet after a dari ("Name। <outlet>"), "<place> থেকে Name :", or two
 * to four words closed by a colon ("<outlet>ঃ").  Two to eight words, no
 * digit.  The value (its closing marks off) in [0, *VL); the words that
 * name the writer (before the comma or dari, after থেকে) in [*NA, *NE).
 */
static int
credit_shape(const char *s, size_t n, size_t *vl, size_t *na, size_t *ne, int *closedp)
{
	size_t m = n, c;
	int closed = 0, mark = 0;	/* closed by a colon or the like */
	const char *p;

	for (;;) {
		while (m > 0 && s[m - 1] == ' ')
			m--;
		if (m > 0 && (s[m - 1] == '_' || s[m - 1] == ':'))
			m--, closed = 1;
		/*
		 * A hyphen glued to the last word closes no credit alone: a
		 * headline may end so ("<headline>-"); set off by a space
		 * ("Name Name -"), or after a colon (":-"), it does.
		 */
		else if (m > 0 && s[m - 1] == '-')
			m--, closed = closed || (m > 0 && s[m - 1] == ' ');
		else if (line_ends_with(s, m, "ঃ") || line_ends_with(s, m, "–"))
			m -= 3, closed = 1;
		else if (line_ends_with(s, m, "।"))
			m -= 3;
		else
			break;
	}
	if (m == 0 || line_words(s, m) < 2 || line_words(s, m) > 8 || line_has_digit(s, m) || text_chars(s, m) > 60 ||
	    memchr(s, '|', m) || memchr(s, ':', m) || memchr(s, '"', m) || memmem(s, m, "ঃ", 3))
		return 0;
	*vl = m;
	*na = 0;
	*ne = m;
	*closedp = closed;
	if ((p = memmem(s, m, " থেকে ", strlen(" থেকে "))) != NULL) {
		/* "<place> থেকে Name Name :" only with its colon: a headline says "X থেকে Y" too. */
		*na = (size_t)(p - s) + strlen(" থেকে ");
		mark = closed && line_words(s + *na, m - *na) >= 1 && line_words(s + *na, m - *na) <= 3;
	} else if ((p = memchr(s, ',', m)) != NULL || (p = memmem(s, m, "।", 3)) != NULL) {
		c = (size_t)(p - s);
		*ne = c;
		/* A name of two to four words before it, and a word after it. */
		mark = line_words(s, c) >= 2 && line_words(s, c) <= 4 && line_has_letter(p, m - c);
	} else
		/*
		 * A closing mark alone: a colon or the visarga, or a spaced
		 * dash; not after a place ("<upazila> (<district>):").
		 */
		mark = closed && line_words(s, m) <= 4 && !upazila_district(s, m);
	return mark;
}

/*
 * Is line J at the top of the page: nothing above it but blank lines,
 * page chrome, the page clock, dates and list items?
 */
static int
at_top(const struct hzonework *w, long j)
{
	long i;

	for (i = 0; i < j; i++)
		if (w->l[i].kind != K_BLANK && w->l[i].kind != K_CHROME && w->l[i].kind != K_CLOCK &&
		    w->l[i].kind != K_DATE && !line_is_item(line_text(w, i), w->l[i].len))
			return 0;
	return 1;
}

/* Does a word of S (three letters or more) come back in line J? */
static int
words_in(const struct hzonework *w, const char *s, size_t n, long j)
{
	size_t a = 0, e;

	while (a < n) {
		while (a < n && s[a] == ' ')
			a++;
		for (e = a; e < n && s[e] != ' ' && s[e] != ','; e++)
			;
		if (e > a && text_chars(s + a, e - a) >= 3 && memmem(line_text(w, j), w->l[j].len, s + a, e - a))
			return 1;
		a = e + 1;
	}
	return 0;
}

/*
 * Is line J the end of the title-like line ABOVE, four words or more (the
 * headline printed again without the place or kicker before it,
 * "<place>: <headline>" over "<headline>")?  No credit, whatever its shape.
 */
static int
headline_tail(const struct hzonework *w, long j, long above)
{
	size_t m, n = w->l[j].len;

	if (above < 0 || w->l[above].kind != K_TITLELIKE || (m = w->l[above].len) <= n + 1 || line_words(line_text(w, j), n) < 4)
		return 0;
	return memcmp(line_text(w, above) + m - n, line_text(w, j), n) == 0 && strchr(" :,-", line_text(w, above)[m - n - 1]) != NULL;
}

/*
 * The byline by where it stands: a line of a credit's shape (see
 * credit_shape) right on top of the dates or the first paragraph P, under
 * the headline (a longer title-like line right above), under the dates,
 * or at the top of the page; none of the words naming the writer come back
 * in the first paragraph (a headline's would).  Lines that a byline
 * pattern reads stay as they are.
 */
static void
placed_credits(const struct hzoneset *rs, struct hzonework *w, long p, long zone)
{
	long j;

	/* A paragraph that opens with its own credit (a dateline) has its byline there. */
	if (p < zone && line_matches(&rs->dateline, line_text(w, p), w->l[p].len))
		return;

	for (j = 0; j < p; j++) {
		struct rline *l = &w->l[j];
		size_t vl, na, ne;
		long below, above;
		int ok, closed, under;

		if (!(l->kind == K_TITLELIKE || (l->kind == K_OTHER && (l->why == NULL ||
		    strncmp(l->why, "a label", 7) == 0))) || !credit_shape(line_text(w, j), l->len, &vl, &na, &ne, &closed))
			continue;
		below = zone_step(w, j, 1, 0, p);
		if (!(below < 0 && p < zone) && !(below >= 0 && zone_in_block(w->l[below].kind)))
			continue;
		above = zone_step(w, j, -1, 0, p);
		if (headline_tail(w, j, above))
			continue;
		under = above >= 0 && w->l[above].kind == K_TITLELIKE && !zone_same(w, (size_t)above, (size_t)j) &&
		    line_words(line_text(w, above), w->l[above].len) >= rs->headline_words &&
		    line_words(line_text(w, above), w->l[above].len) > line_words(line_text(w, j) + na, ne - na);
		ok = at_top(w, j) || under || (above >= 0 && zone_in_block(w->l[above].kind) && w->l[above].kind != K_BYLINE);
		/*
		 * A headline's words, or a caption's ("<person>। ফাইল ছবি"),
		 * come back in the paragraph; a writer's name seldom does.  A
		 * credit closed by its colon, or standing between the headline
		 * and the dates, is one whatever it names.
		 */
		if (!ok || (p < zone && !closed && !(under && below >= 0) && words_in(w, line_text(w, j) + na, ne - na, p)))
			continue;
		l->kind = K_BYLINE;
		l->vo = l->off;
		l->vl = vl;
		l->asis = 1;
		l->why = "a credit's shape right on top of the dates or the first paragraph";
	}
}

/*
 * A writer's credit with no mark, placed by where it stands: alone under
 * the dates, right over the first paragraph P, a headline above them.
 * Either a name of two to four words in Bengali letters ("Name Name
 * Name", a column's writer), or that name of two or three words and then
 * two to five more credits cut by commas, four words at most each, no
 * digit ("Name Name, <post>, <institute>, <city>, <country>", an op-ed's
 * writer and where they work).  The name's words must not come back in
 * the first paragraph (a subheading's would), and no other line of the
 * zone may be a byline.  Written as printed; 1 if one was placed.
 */
static int
name_under_dates(const struct hzoneset *rs, struct hzonework *w, long p, long zone)
{
	long j, above, head;
	const char *s;
	size_t n, a, e, pieces = 0, nw, name = 0;

	if (p <= 0 || p >= zone || (j = zone_step(w, p, -1, 0, p)) < 0 || w->l[j].kind != K_TITLELIKE)
		return 0;
	if ((above = zone_step(w, j, -1, 0, p)) < 0 || (w->l[above].kind != K_DATE && w->l[above].kind != K_LABELLED))
		return 0;
	for (head = above; head >= 0 && zone_in_block(w->l[head].kind); head = zone_step(w, head, -1, 0, p))
		;
	if (head < 0 || w->l[head].kind != K_TITLELIKE)
		return 0;
	/* No other byline in the zone: under one, such a line is a caption or a subheading. */
	for (a = 0; a < (size_t)p; a++)
		if (w->l[a].kind == K_BYLINE || (w->l[a].kind == K_DATE && w->l[a].cl > 0))
			return 0;
	s = line_text(w, (size_t)j);
	n = w->l[j].len;
	if (line_has_digit(s, n) || line_matches(&rs->chrome, s, n))
		return 0;
	for (a = 0; a < n; a = e + 1) {
		for (e = a; e < n && s[e] != ','; e++)
			;
		while (a < e && s[a] == ' ')
			a++;
		nw = line_words(s + a, e - a);
		if (nw == 0 || nw > 4 || !line_bengali_name(s + a, e - a))
			return 0;
		if (pieces++ == 0)
			name = e;
	}
	nw = line_words(s, name);
	if (!(pieces == 1 && nw >= 2 && nw <= 4) && !(pieces >= 3 && pieces <= 6 && nw >= 2 && nw <= 3))
		return 0;
	if (words_in(w, s, name, p))
		return 0;
	w->l[j].kind = K_BYLINE;
	w->l[j].vo = w->l[j].off;
	w->l[j].vl = n;
	w->l[j].asis = 1;
	w->l[j].why = "a writer's name alone under the dates, right over the first paragraph";
	return 1;
}

/*
 * The line under a byline a pattern reads that opens the page ("নিজস্ব
 * প্রতিনিধিঃ" over the story), or P.
 */
static long
top_byline(const struct hzonework *w, long p)
{
	long b;

	for (b = 0; b < p && w->l[b].kind == K_BLANK; b++)
		;
	return b < p && w->l[b].kind == K_BYLINE && w->l[b].pattern ? b + 1 : p;
}

/*
 * A paragraph wrapped at a fixed width from the page's first line (or
 * from line LO, under a byline opening the page): the first paragraph P
 * opens with the end of a sentence, three words at most and the dari
 * ("ছুটে এসেছিলেন। এ মেলা ..."), and every line above it from LO, with no
 * blank line, is a line no sentence ends (title-like, or unread): those
 * lines are its beginning, and the paragraph starts at the first.
 */
static long
wrapped_start(struct hzonework *w, long lo, long p, long zone)
{
	const char *s, *d;
	long i;

	if (p >= zone || p <= lo)
		return p;
	s = line_text(w, p);
	if ((d = memmem(s, w->l[p].len, "।", 3)) == NULL || d == s || line_words(s, (size_t)(d - s)) > 3 ||
	    d[-1] == ' ' || line_words(d + 3, w->l[p].len - (size_t)(d + 3 - s)) < 2)
		return p;
	/*
	 * A line cut at a fixed width is no longer than its neighbours: a
	 * line P more than twice as long as every line above it is a whole
	 * paragraph (or a teaser), not a wrapped one's next line (a headline
	 * over a story that opens with a short sentence, "ফের তুষারপাত।
	 * এবার ...").
	 */
	{
		size_t most = 0;

		for (i = lo; i < p; i++)
			if (text_chars(line_text(w, i), w->l[i].len) > most)
				most = text_chars(line_text(w, i), w->l[i].len);
		if (text_chars(s, w->l[p].len) > 2 * most)
			return p;
	}
	for (i = lo; i < p; i++)
		if (w->l[i].len == 0 || (w->l[i].kind != K_TITLELIKE && w->l[i].kind != K_OTHER) || w->l[i].why != NULL ||
		    line_sentence_end(line_text(w, i), w->l[i].len) || memchr(line_text(w, i), ':', w->l[i].len) ||
		    /* A headline closed by '!' or '?' ends there. */
		    line_ends_with(line_text(w, i), w->l[i].len, "!") || line_ends_with(line_text(w, i), w->l[i].len, "?"))
			return p;
	for (i = lo; i < p; i++) {
		w->l[i].kind = K_PARA;
		w->l[i].why = "the start of a paragraph wrapped at a fixed width (the line under it ends its sentence)";
	}
	return lo;
}

/*
 * A page of one paragraph with its headline under it, at the end ("<the
 * story> / <headline> / পাঠকের মন্তব্য"): the page opens with the
 * paragraph P, the next line is the last of the page but for short lines
 * (three words at most: chrome) and lines with no Bengali letter (a
 * theme's English placeholder left unfilled, a plugin's thank-you
 * notice), it has the words of a headline (fifteen
 * at most, one comma at most: not a paragraph cut short) and ends no
 * sentence, and two of its words (three letters or more) come back in
 * the paragraph.  The headline's line, or -1.
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
	size_t n, a = 0, e, nw, shared = 0;

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
	    line_ends_with(s, n, ":") || line_trails_off(s, n) || !line_bengali_name(s, n > 3 ? 3 : n) || line_matches(&rs->chrome, s, n))
		return -1;
	for (i = j + 1; i < (long)w->nl; i++)
		if (line_words(line_text(w, i), w->l[i].len) > 3 && line_letter_in(line_text(w, i), w->l[i].len, 0))
			return -1;
	while (a < n && shared < 2) {
		while (a < n && s[a] == ' ')
			a++;
		for (e = a; e < n && s[e] != ' '; e++)
			;
		if (e > a && text_chars(s + a, e - a) >= 3 && memmem(line_text(w, p), w->l[p].len, s + a, e - a))
			shared++;
		a = e;
	}
	return shared >= 2 ? j : -1;
}

/* The first line at or after I that is not blank, or ZONE. */
static long
next_line(const struct hzonework *w, long i, long zone)
{
	while (i < zone && w->l[i].len == 0)
		i++;
	return i;
}

/*
 * What was taken for the first paragraph, line P, and line J under it
 * are not the story's start if line K under them, classified afresh, is
 * a paragraph: then P and J are marked as WHYP and WHYJ say and K is
 * returned, else P.
 */
static long
starts_below(const struct hzoneset *rs, struct hzonework *w, long p, long j, long k, const char *whyp,
    const char *whyj)
{
	w->l[k].kind = K_OTHER;
	w->l[k].why = NULL;
	line_classify(rs, w, (size_t)k);
	if (w->l[k].kind != K_PARA)
		return p;
	w->l[p].kind = K_OTHER;
	w->l[p].why = whyp;
	w->l[j].kind = K_OTHER;
	w->l[j].why = whyj;
	return k;
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
 * The page's text in NFC, cut into lines, the header zone (rs->zone lines at most)
 * measured, name prefixes masked and copies of the headline marked.
 */
static void
find_zone(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg)
{
	buf_reset(&w->text);
	text_nfc(rec->body.s ? rec->body.s : "", rec->body.len, &w->text);
	split(w);
	if (flat_unflatten(rs, w) || flat_unflatten_byline(rs, w) || flat_unflatten_dates(rs, w))
		split(w);
	pg->zone = (long)(w->nl < rs->zone ? w->nl : rs->zone);
	if (wrap_join_credit(rs, w, (size_t)pg->zone)) {
		split(w);
		pg->zone = (long)(w->nl < rs->zone ? w->nl : rs->zone);
	}
	/* Only the zone and the line under it (the first paragraph, at most) are read. */
	w->masked = 0;
	w->named = 0;
	if (pg->zone > 0)
		mask_prefixes(w, (size_t)pg->zone < w->nl ? w->l[pg->zone].off + w->l[pg->zone].len : w->text.len);
	pg->copies = again_mark(w, (size_t)pg->zone, rs->headline_words);
}

/*
 * The next line with anything on it after line i of the zone, past page
 * chrome (view counters), classified: -1 for none.
 */
static long
next_content(const struct hzoneset *rs, struct hzonework *w, long zone, long i)
{
	long next = i + 1;

	for (;;) {
		while (next < zone && w->l[next].len == 0)
			next++;
		if (next >= zone) {
			next = -1;
			break;
		}
		w->l[next].kind = K_OTHER;
		w->l[next].why = NULL;
		line_classify(rs, w, (size_t)next);
		if (w->l[next].kind != K_CHROME)
			break;
		next++;
	}
	return next;
}

/*
 * Whether the line at *ip, a paragraph right over the line at next (a
 * byline, the dates, a paragraph opening with a dateline), is the headline
 * or a standfirst instead: a paragraph right above a byline or date line is
 * the standfirst of a print story, not the article's first.  *ip moves past
 * a caption read with it.
 */
static int
over_header(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg, long *ip, long next)
{
	long i = *ip, n2 = next;

	/*
	 * A sentence of a headline's length opening the page, right
	 * over the byline or the dates, is the headline (some end
	 * theirs with the dari).
	 */
	/* A short name between them (a writer's, no byline word) is passed over. */
	if (w->l[next].kind == K_TITLELIKE && line_words(line_text(w, next), w->l[next].len) <= 4 &&
	    (n2 = next_line(w, next + 1, pg->zone)) < pg->zone) {
		w->l[n2].kind = K_OTHER;
		w->l[n2].why = NULL;
		line_classify(rs, w, (size_t)n2);
	}
	if ((w->l[n2].kind == K_LABELLED || w->l[n2].kind == K_BYLINE) && zone_opens_page(w, i) &&
	    line_words(line_text(w, i), w->l[i].len) <= 20) {
		w->l[i].kind = K_TITLELIKE;
		w->l[i].why = "a sentence opening the page, over the byline or the dates";
		return 1;
	}
	if (w->l[next].kind == K_LABELLED) {
		w->l[i].kind = K_OTHER;
		w->l[i].why = "a standfirst above the byline and date";
		return 1;
	}
	/*
	 * A dateline opens the article: a paragraph right above
	 * one that starts with it is the standfirst.
	 */
	/*
	 * That paragraph must be a long one: a short sentence
	 * under it with a colon is something else (the imprint's
	 * "সম্পাদক ও প্রকাশকঃ Name।").
	 */
	/*
	 * Opening the page, a sentence of a headline's length may
	 * stand over a short line (a photo's caption, passed over
	 * above as N2) and then the paragraph with the dateline.
	 */
	if (n2 != next && !(n2 < pg->zone && zone_first_content(w, i) && line_words(line_text(w, i), w->l[i].len) <= 20))
		n2 = next;
	if (w->l[n2].kind == K_PARA && !line_matches(&rs->dateline, line_text(w, i), w->l[i].len) &&
	    line_matches(&rs->dateline, line_text(w, n2), w->l[n2].len) &&
	    line_words(line_text(w, n2), w->l[n2].len) >= rs->para_words) {
		/*
		 * Opening the page, a sentence of a headline's length
		 * is the headline itself (some end theirs with the dari).
		 */
		if (zone_first_content(w, i) && line_words(line_text(w, i), w->l[i].len) <= 20) {
			w->l[i].kind = K_TITLELIKE;
			w->l[i].why = "a sentence opening the page, over the paragraph that opens with the dateline";
			if (n2 != next) {	/* read here, not again by the loop */
				w->l[next].kind = K_OTHER;
				w->l[next].why = "a short line between the headline and the dateline's paragraph (a caption)";
				*ip = next;
			}
		} else {
			w->l[i].kind = K_OTHER;
			w->l[i].why = "a standfirst above the paragraph that opens with the dateline";
		}
		return 1;
	}
	return 0;
}

/*
 * Whether the line at *ip, a paragraph by its shape, is the story's first
 * paragraph; if not, it is marked as what it is (a list item, the headline,
 * in Latin letters or as a sentence, a credit, a standfirst) and *ip moved
 * past any line read with it.
 */
static int
first_paragraph(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg, long *ip)
{
	long i = *ip, next = next_content(rs, w, pg->zone, i);
	size_t k;

	/*
	 * A list item over or under another ("- <headline> -
	 * <date>", other stories) is no article's paragraph.
	 */
	if (line_is_item(line_text(w, i), w->l[i].len) && ((next >= 0 && line_is_item(line_text(w, next), w->l[next].len)) ||
	    (i > 0 && line_is_item(line_text(w, i - 1), w->l[i - 1].len)))) {
		w->l[i].kind = K_OTHER;
		w->l[i].why = "a list item among others (a list of stories)";
		return 0;
	}
	/*
	 * A headline printed as a sentence: opening the page, ten
	 * words at most closed by the doubled dari, no comma, right
	 * over a long paragraph that takes up one of its words
	 * ("<headline>।।" over the story).  And a long line that
	 * ends no sentence, over a paragraph opening with its first
	 * four words, is the headline that paragraph spells out.
	 */
	/*
	 * A line in Latin letters only over a paragraph in Bengali
	 * is no first paragraph of the Bengali story: the headline
	 * put into English, a photo's words.  Nor is one with only
	 * furniture above it over any Bengali line (the headline):
	 * the site's tagline under its name, a theme's sentence
	 * ("Fresh news theme for your WordPress blog.").
	 */
	if (next >= 0 && !line_letter_in(line_text(w, i), w->l[i].len, 0) &&
	    line_letter_in(line_text(w, next), w->l[next].len, 0) &&
	    (w->l[next].kind == K_PARA || zone_furniture_above(w, i))) {
		w->l[i].kind = K_OTHER;
		w->l[i].why = w->l[next].kind == K_PARA ?
		    "a line in Latin letters over the Bengali story (the headline in English)" :
		    "a line in Latin letters with only furniture above, over the Bengali headline (a tagline)";
		if (pg->latin < 0 && zone_opens_page(w, i))
			pg->latin = i;
		return 0;
	}
	/*
	 * Opening the page, twenty words at most, no sentence ended
	 * in it or at its end (a dari only set off by spaces, a
	 * kicker's mark: "Kolkata Metro । <headline>, <more>"), over
	 * a paragraph: the headline, commas and all (a paragraph's
	 * line ends a sentence, or is cut at the page's end; or
	 * is cut at a width, the line under it then opening with
	 * the end of its sentence).
	 */
	if (next >= 0 && w->l[next].kind == K_PARA && zone_opens_page(w, i) && long_headline(w, i) &&
	    !ends_sentence_early(line_text(w, next), w->l[next].len)) {
		w->l[i].kind = K_TITLELIKE;
		w->l[i].why = "a line of twenty words at most ending no sentence, opening the page over the story";
		return 0;
	}
	if (next >= 0 && w->l[next].kind == K_PARA && headline_sentence(rs, w, i, next)) {
		w->l[i].kind = K_TITLELIKE;
		w->l[i].why = "a headline printed as a sentence, over the paragraph that takes it up";
		return 0;
	}
	/*
	 * A short line of a credit's shape at the top of the page,
	 * or right under a headline that opens it, over a paragraph
	 * ("Name,<place>।", "Name Name, <role>।"), is its byline, not
	 * a paragraph (placed_credits reads it).
	 */
	if (next >= 0 && w->l[next].kind == K_PARA && line_words(line_text(w, i), w->l[i].len) <= 6 && (at_top(w, i) ||
	    ((k = (size_t)zone_step(w, i, -1, 0, i)) != (size_t)-1 && w->l[k].kind == K_TITLELIKE && zone_opens_page(w, (long)k)))) {
		size_t vl, na, ne;
		int closed;

		if (credit_shape(line_text(w, i), w->l[i].len, &vl, &na, &ne, &closed) && ne < vl) {
			w->l[i].kind = K_OTHER;
			w->l[i].why = NULL;
			return 0;
		}
	}
	if (next >= 0 && over_header(rs, w, pg, ip, next))
		return 0;
	return 1;
}

/*
 * What each line of the zone is, up to the first paragraph: pg->p (pg->zone
 * when none), and pg->latin, a line in Latin letters that may be the headline
 * put into English.
 */
static void
classify_zone(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i;

	/* Every line of the zone, by what it is; the first paragraph ends the zone. */
	for (i = 0; i < pg->zone; i++) {
		w->l[i].kind = K_OTHER;
		w->l[i].why = NULL;
		line_classify(rs, w, (size_t)i);
		/*
		 * A labelled credit shaped like a headline ("Captured By: Name",
		 * "ছবি ও প্রতিবেদন : Name, <outlet>") is page furniture, never
		 * the headline.
		 */
		/* A line the date reader reads through (a two-calendar clock on one line) is the page clock. */
		if (w->l[i].kind == K_TITLELIKE && dates_only(rs, line_text(w, i), w->l[i].len)) {
			w->l[i].kind = K_CLOCK;
			w->l[i].placed = 1;
			w->l[i].why = "a line of dates, never the headline (the page clock)";
			continue;
		}
		if (w->l[i].kind == K_TITLELIKE && line_matches(&rs->not_headline, line_text(w, i), w->l[i].len)) {
			w->l[i].kind = K_CHROME;
			w->l[i].why = "a not_headline pattern (a credit, a picture)";
			continue;
		}
		if (w->l[i].kind == K_PARA && under_ticker(rs, w, i)) {
			w->l[i].kind = K_CHROME;
			w->l[i].why = "a ticker, under its label";
			continue;
		}
		/*
		 * A copy of the headline (the page's <title> with the site's
		 * name after it) is no paragraph; under a headline and a byline
		 * or date, it is a lede printed twice, and stays one.
		 */
		if (w->l[i].kind == K_PARA && w->l[i].again && !header_above(w, i, rs->headline_words)) {
			w->l[i].kind = K_OTHER;
			w->l[i].why = "the headline printed again";
			continue;
		}
		if (w->l[i].kind == K_PARA && headline_again(w, i)) {
			w->l[i].kind = K_OTHER;
			w->l[i].why = "a title-like line above printed again with a dari";
			continue;
		}
		if (w->l[i].kind == K_PARA) {
			if (first_paragraph(rs, w, pg, &i)) {
				pg->p = i;
				break;
			}
			continue;
		}
		line_check_clock(rs, w, (size_t)i);
	}
	if (pg->p < 0)
		pg->p = pg->zone;
	pg->p = wrapped_start(w, 0, pg->p, pg->zone);
	pg->p = wrapped_start(w, top_byline(w, pg->p), pg->p, pg->zone);
}

/*
 * The lines above the first paragraph settled (the page clock, captions and
 * credits placed by their shape) and pg->b0, the first line of the byline
 * and date block.
 */
static void
mark_block(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i;
	size_t k;

	/*
	 * An unlabelled date line opening the page is its clock, whatever is
	 * under it: it starts no byline and date block.
	 */
	for (i = 0; i < pg->p; i++)
		if (w->l[i].kind == K_DATE && zone_step(w, i, -1, 0, pg->p) < 0 && over_story(w, i, pg->p)) {
			w->l[i].story = 1;
			w->l[i].why = "an unlabelled date right over the story (no headline, no menu between)";
		} else if (w->l[i].kind == K_DATE && zone_step(w, i, -1, 0, pg->p) < 0 && (k = (size_t)zone_step(w, i, 1, 0, pg->p)) != (size_t)-1 &&
		    !zone_in_block(w->l[k].kind)) {
			w->l[i].kind = K_CLOCK;
			w->l[i].placed = 1;
			w->l[i].why = "an unlabelled date opening the page";
		}
	/* A title-like line that only begins a chrome line is that line's copy (a caption, then its credit). */
	for (i = 0; i < pg->p; i++) {
		long j;

		if (w->l[i].kind != K_TITLELIKE)
			continue;
		for (j = i + 1; j < pg->p; j++)
			if (w->l[j].kind == K_CHROME && w->l[j].len > w->l[i].len + 1 &&
			    memcmp(line_text(w, j), line_text(w, i), w->l[i].len) == 0 && line_text(w, j)[w->l[i].len] == ' ') {
				w->l[i].kind = K_OTHER;
				w->l[i].why = "a caption printed again with its credit";
				break;
			}
	}
	/*
	 * A byline ending in a comma goes on in the next line ("<place>
	 * প্রতিনিধি," over the outlet's name): that line is no headline.
	 */
	for (i = 0; i < pg->p; i++) {
		long j;

		if (w->l[i].kind != K_BYLINE || !line_ends_with(line_text(w, i), w->l[i].len, ",") ||
		    (j = zone_step(w, i, 1, 0, pg->p)) < 0 || w->l[j].kind != K_TITLELIKE || !zone_short_name(w, (size_t)j))
			continue;
		w->l[j].kind = K_OTHER;
		w->l[j].why = "the byline's second line, after its comma";
	}
	placed_credits(rs, w, pg->p, pg->zone);
	w->named = name_under_dates(rs, w, pg->p, pg->zone);
	for (i = 0; i < pg->p; i++)
		if (zone_in_block(w->l[i].kind)) {
			pg->b0 = i;
			break;
		}
}

/*
 * Short names beside a date, taken as the byline (moving pg->b0 up).
 */
static void
names_beside_dates(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i;

	/*
	 * A short name next to a date, under a longer headline, is a writer's
	 * byline ("Doinik Astha", a reporter's name, an outlet's name ending
	 * in a number): bylines with no byline word have no other mark.
	 */
	for (i = 0; i < pg->p; i++) {
		long d[2], j;
		int t;

		if (w->l[i].kind != K_DATE && w->l[i].kind != K_LABELLED && w->l[i].kind != K_EDITION)
			continue;
		d[0] = zone_step(w, i, -1, 0, pg->p);
		d[1] = zone_step(w, i, 1, 0, pg->p);
		for (t = 0; t < 2; t++) {
			const char *s;
			size_t mark = 0, sl;

			/*
			 * In a list of the post's details, each item marked ("-
			 * Name" over "- <date>" and "- 1 min read", a blog
			 * theme's byline slot), the name is read without its mark;
			 * the slot left at the theme's placeholder ("• Reporter
			 * Name") is chrome.
			 */
			/*
			 * A name of two or three words in Bengali letters closed by
			 * a comma, under the date and right over the first paragraph
			 * ("<date>" / "Name Name," / the story): a dateline's credit
			 * with no place after it, the byline with no headline needed.
			 */
			if (t == 1 && (j = d[1]) >= 0 && (w->l[j].kind == K_TITLELIKE || w->l[j].kind == K_OTHER) &&
			    zone_step(w, j, 1, 0, pg->p) < 0 && line_ends_with(line_text(w, j), w->l[j].len, ",")) {
				s = line_text(w, j);
				for (sl = w->l[j].len - 1; sl > 0 && s[sl - 1] == ' '; sl--)
					;
				if (line_words(s, sl) >= 2 && line_words(s, sl) <= 3 && line_bengali_name(s, sl)) {
					w->l[j].kind = K_BYLINE;
					w->l[j].vo = w->l[j].off;
					w->l[j].vl = sl;
					w->l[j].why = "a name closed by a comma under the date, right over the story";
					if (pg->b0 < 0 || j < pg->b0)
						pg->b0 = j;
					continue;
				}
			}
			if ((j = d[t]) >= 0 && w->l[j].kind == K_OTHER && (line_is_item(line_text(w, i), w->l[i].len) ||
			    (d[1 - t] >= 0 && line_is_item(line_text(w, d[1 - t]), w->l[d[1 - t]].len))))
				mark = (size_t)line_is_item(line_text(w, j), w->l[j].len);
			if (j < 0 || (w->l[j].kind != K_TITLELIKE && mark == 0))
				continue;
			s = line_text(w, j) + mark;
			sl = w->l[j].len - mark;
			while (sl > 0 && s[0] == ' ')
				s++, sl--, mark++;
			if (sl > 0 && line_words(s, sl) <= 3 && text_chars(s, sl) <= 30 &&
			    !line_has_digit(s, unnumbered(s, sl)) && line_has_letter(s, sl) &&
			    (mark == 0 || !line_matches(&rs->chrome, s, sl))) {
				long up = zone_step(w, j, -1, 0, pg->p);

				if (up >= 0 && w->l[up].kind == K_TITLELIKE &&
				    line_words(line_text(w, up), w->l[up].len) > line_words(s, sl) + 1) {
					w->l[j].kind = K_BYLINE;
					w->l[j].vo = w->l[j].off + mark;
					w->l[j].vl = mark ? sl : w->l[j].half;
					w->l[j].why = "a short name beside the date, under the headline";
					if (pg->b0 < 0 || j < pg->b0)
						pg->b0 = j;
				}
			}
		}
	}
}

/*
 * The first paragraph (pg->p) moved down past a standfirst or a teaser, or up
 * to a short sentence the story opens with.
 */
static void
story_start_below(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	/*
	 * The headline again right under the first paragraph, a few words
	 * around it ("<day month> <headline>", a caption), with a paragraph
	 * under it: what was taken for the first paragraph is the standfirst
	 * under the headline, and the story starts below.
	 */
	if (pg->title >= 0 && pg->p < pg->zone) {
		long j = next_line(w, pg->p + 1, pg->zone), k = next_line(w, j + 1, pg->zone);

		if (j < pg->zone && k < pg->zone && w->l[j].len > w->l[pg->title].len &&
		    line_words(line_text(w, j), w->l[j].len) <= line_words(line_text(w, pg->title), w->l[pg->title].len) + 3 &&
		    memmem(line_text(w, j), w->l[j].len, line_text(w, pg->title), w->l[pg->title].len) != NULL &&
		    !line_sentence_end(line_text(w, j), w->l[j].len))
			pg->p = starts_below(rs, w, pg->p, j, k, "a standfirst, the headline again under it",
			    "the headline again, a few words around it");
	}

	/*
	 * A teaser before the article: what was taken for the first paragraph
	 * trails off in an ellipsis, the headline comes again under it, and
	 * the paragraph under that opens with the teaser's words (the lead in
	 * full): the story starts there.
	 */
	if (pg->title >= 0 && pg->p < pg->zone && line_trails_off(line_text(w, pg->p), w->l[pg->p].len)) {
		long j = next_line(w, pg->p + 1, pg->zone), k = next_line(w, j + 1, pg->zone);
		size_t m = w->l[pg->p].len < 60 ? w->l[pg->p].len / 2 : 60;

		if (k < pg->zone && m > 0 && zone_same(w, (size_t)j, (size_t)pg->title) &&
		    memmem(line_text(w, k), w->l[k].len, line_text(w, pg->p) + w->l[pg->p].len / 2 - m / 2, m) != NULL)
			pg->p = starts_below(rs, w, pg->p, j, k, "a teaser, the headline and the lead in full under it",
			    "the headline again, under a teaser");
		/*
		 * Whatever stands between (a photo's words in English, a share
		 * widget): the teaser's words again in a longer line right under
		 * the one short line after it are the lead in full.
		 */
		else if (k < pg->zone && m > 0 && w->l[j].len < w->l[pg->p].len && w->l[k].len > w->l[pg->p].len &&
		    memmem(line_text(w, k), w->l[k].len, line_text(w, pg->p) + w->l[pg->p].len / 2 - m / 2, m) != NULL)
			pg->p = starts_below(rs, w, pg->p, j, k, "a teaser, the lead in full under the line after it",
			    "between a teaser and the lead in full");
	}

	/*
	 * A short sentence right above the first paragraph, under the headline
	 * and the byline and date block, is the article's own first paragraph
	 * (fewer words than paragraph_words: "আমাদের দেশটা নদীর দান।"): the
	 * body starts there.  It must end with the dari, which no headline
	 * line here does, and stand below every line the reader took.
	 */
	while (pg->p < pg->zone && (pg->title >= 0 || pg->b0 >= 0)) {
		long j = zone_step(w, pg->p, -1, 0, pg->p);
		const char *s;

		if (j < 0 || j <= pg->title || w->l[j].kind != K_OTHER || w->l[j].why != NULL)
			break;
		s = line_text(w, j);
		if (line_words(s, w->l[j].len) < 3 || !line_ends_with(s, w->l[j].len, "।"))
			break;
		/* The headline again, closed with a dari (under a caption), is no paragraph. */
		if (pg->title >= 0 && w->l[pg->title].len + 3 <= w->l[j].len &&
		    memcmp(s, line_text(w, pg->title), w->l[pg->title].len) == 0) {
			w->l[j].why = "the headline again";
			break;
		}
		w->l[j].kind = K_PARA;
		w->l[j].why = "a short sentence right above the first paragraph, under the header";
		pg->p = j;
	}
}

/*
 * Unlabelled dates above the first paragraph: the page clock or the story's.
 */
static void
clock_or_story_dates(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i;
	size_t k;

	/*
	 * Unlabelled dates above the headline are the page clock; below it, the
	 * times of the story.  A date and time right under a byline the
	 * patterns read is that byline's ("বাসস" over "২০ জানুয়ারি ২০২৩,
	 * ১১:১৫", the headline under them): no page clock follows a credit.
	 */
	for (i = 0; i < pg->p; i++)
		if (w->l[i].kind == K_DATE && over_update(rs, w, i, pg->p))
			w->l[i].why = "an unlabelled date over a labelled update time";
		else if (w->l[i].kind == K_DATE && pub_below(rs, w, i, pg->p))
			w->l[i].kind = K_CLOCK, w->l[i].placed = 1,
			    w->l[i].why = "an unlabelled date above a labelled publication time";
		else if (w->l[i].kind == K_DATE && pg->title >= 0 && i < pg->title && !w->l[i].story &&
		    !((w->l[i].has_time || date_time_below(rs, w, i, pg->p)) &&
		    (k = (size_t)zone_step(w, i, -1, 0, pg->p)) != (size_t)-1 && w->l[k].kind == K_BYLINE && w->l[k].pattern))
			w->l[i].kind = K_CLOCK, w->l[i].placed = 1, w->l[i].why = "an unlabelled date above the headline";
		/*
		 * With no headline, an unlabelled date that opens the page (a
		 * weekday, a date, a time) is its clock all the same: no story
		 * prints its own time above everything else.
		 */
		else if (w->l[i].kind == K_DATE && pg->title < 0 && zone_step(w, i, -1, 0, pg->p) < 0 && !w->l[i].story)
			w->l[i].kind = K_CLOCK, w->l[i].placed = 1, w->l[i].why = "an unlabelled date opening a page with no headline";
	named_day(rs, w, pg->p, pg->zone);
}

/*
 * The page's own zone, by a page_zone pattern, written.
 */
static void
note_page_zone(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg)
{
	if ((w->pzone = page_zone(rs, w, rec, pg->p, pg->zone)) != NULL) {
		record_add(rec, "page_zone", w->pzone);
		if (w->ex) {
			fflush(stdout);
			fprintf(w->ex, "%s: %s: reader: the page is in zone %s, by a page_zone pattern\n", prog, w->src,
			    w->pzone);
		}
	}
}

/*
 * pg->patterned: whether a byline pattern reads a line above the first
 * paragraph (w->patterned: or a dateline's credit).
 */
static void
find_patterned(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i;

	/*
	 * A name taken for the byline by where it stands (a short line by the
	 * dates) gives way to a byline a pattern reads in the same zone (a
	 * blog's own name over its date, the reporter's line under the
	 * headline).
	 */
	for (i = 0; i < pg->p && !(w->l[i].kind == K_BYLINE && w->l[i].pattern); i++)
		;
	pg->patterned = i < pg->p;
	/* A dateline's credit counts as a byline a pattern reads (a place and a day alone do not). */
	w->patterned = pg->patterned || (pg->p < pg->zone && dateline_credited(rs, line_text(w, pg->p), w->l[pg->p].len));
}

/*
 * An unlabelled date line written: published, or updated once published is;
 * not a date with no time and no headline above it, nor a copy of one read.
 */
static void
write_date(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg, long i)
{
	struct rline *l = &w->l[i];
	size_t k;

	/*
	 * A date with no time and no headline above it may be the
	 * day the page was seen: no value rather than a wrong one.
	 */
	if (!l->has_time && (pg->title < 0 || i < pg->title) && !l->story && !over_update(rs, w, i, pg->p) &&
	    !(under_byline(w, i, pg->p) && date_time_below(rs, w, i, pg->p)))
		return;
	/* The header printed twice (byline, date; byline, date): one date. */
	for (k = 0; k < (size_t)i && !(w->l[k].kind == K_DATE && zone_same(w, k, (size_t)i)); k++)
		;
	if (k < (size_t)i)
		return;
	if (!l->has_time && date_time_below(rs, w, i, pg->p)) {
		explain(w, (size_t)i, "a date with its time on the next line", NULL);
		if (!pg->pub++)
			add(rec, w, "published", w->cut.s, w->cut.len);
		else if (!pg->upd++)
			add(rec, w, "updated", w->cut.s, w->cut.len);
		return;
	}
	/* A writer's name before the date on its line (line_classify). */
	if (l->cl > 0 && !pg->patterned && !pg->author++) {
		explain(w, (size_t)i, "a writer's name before the date on its line, no label: the byline", NULL);
		add_author(rec, w, w->text.s + l->co, l->cl);
	}
	if (!pg->pub++)
		add(rec, w, "published", line_text(w, i), l->len);
	else if (!pg->upd++)
		add(rec, w, "updated", line_text(w, i), l->len);
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
	n = line_latin_suffixed(t, line_suffixed(t, l->len - d));

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
	while (n > 0 && t[0] == ' ')
		t++, n--;
	while (n > 0 && t[n - 1] == ' ')
		n--;
	/* A dari set off by a space closes the line, not the headline's words. */
	if (n > 4 && line_ends_with(t, n, "।") && t[n - 4] == ' ')
		for (n -= 3; n > 0 && t[n - 1] == ' '; n--)
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

/*
 * The header's fields written in the order of their lines, with their
 * explain lines.
 */
static void
write_header(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg)
{
	long i;

	/* Write the fields in the order of their lines. */
	for (i = 0; i < pg->p; i++) {
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
			else if (!pg->author++) {
				if (l->asis)	/* as printed, " ," and all */
					add(rec, w, "author", w->text.s + l->vo, l->vl);
				else
					add_author(rec, w, w->text.s + l->vo, l->vl);
			}
			break;
		case K_EDITION:
			if (!pg->ed++)
				add(rec, w, "edition", line_text(w, i), l->len);
			break;
		default:
			if (i == pg->title && !write_title(rs, w, rec, pg, i))
				continue;
			break;
		}
		if (w->ex && l->kind != K_BLANK)
			explain(w, (size_t)i, i == pg->title ? "headline" : kind_name[l->kind], l->why);
	}
}

/*
 * What the header lacks read in the first paragraph and under it: the
 * dateline, a date closing it, at the foot or in a sign-off (pg->foot), the
 * headline under the only paragraph (pg->under).
 */
static void
read_below_header(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg)
{
	if (pg->p < pg->zone && pg->title >= 0)
		unglue_headline(w, pg->p, pg->title);
	if (pg->p < pg->zone)
		dateline(rs, w, rec, (size_t)pg->p, &pg->author, &pg->pub);
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

	if (pg->title < 0 && pg->p < pg->zone && record_get(rec, "title") == NULL && (pg->under = headline_under(rs, w, pg->p)) >= 0) {
		add(rec, w, "title", line_text(w, pg->under), w->l[pg->under].len);
		explain(w, (size_t)pg->under, "headline, under the only paragraph of the page", NULL);
	}
}

/*
 * The body written: the first paragraph on, and the lines above it kept.
 */
static void
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
		if (!keep || (long)k == pg->foot || (long)k == pg->under)
			continue;
		buf_add(&w->out, shown(w, w->text.s + l->off), l->len);
		buf_addc(&w->out, '\n');
	}
	text_tidy_lines(&w->out);
	record_set_body(rec, w->out.s ? w->out.s : "", w->out.len);
}

/*
 * The reader's driver: each phase decides one thing about the page and
 * leaves it in PG for the phases after it.  The order matters: the
 * headline is chosen against the block the names and dates make, the
 * first paragraph may move once the headline is known, and the dates are
 * placed (clock or story) against both before anything is written.
 */
void
hzone_apply(const struct hzoneset *rs, struct hzonework *w, struct record *rec, FILE *ex)
{
	struct buf scratch = {0};
	struct hzpage page = {.p = -1, .b0 = -1, .title = -1, .foot = -1, .under = -1, .latin = -1}, *pg = &page;
	struct rxmemo *lent = rx_memo(w->memo);	/* the same patterns run on the same lines again and again */

	w->ex = ex;
	w->src = ex ? record_source(rec, &scratch) : "";

	/* The zone and what its lines are, up to the first paragraph. */
	find_zone(rs, w, rec, pg);
	classify_zone(rs, w, pg);
	/* The byline and date block. */
	mark_block(rs, w, pg);
	names_beside_dates(rs, w, pg);
	/* The headline (hzonehead.c), then where the story starts under it. */
	headline_by_block(rs, w, pg);
	headline_by_copies(w, pg);
	headline_last_resorts(rs, w, pg);
	story_start_below(rs, w, pg);
	/* The dates and bylines placed against both. */
	clock_or_story_dates(rs, w, pg);
	note_page_zone(rs, w, rec, pg);
	find_patterned(rs, w, pg);
	/* The record. */
	write_header(rs, w, rec, pg);
	read_below_header(rs, w, rec, pg);
	write_body(w, rec, pg);

	buf_free(&scratch);
	rx_memo(lent);
}

/*
 * For the chrome table (chrome.c): a line the reader would read as a
 * field is the page's, not the site's, however often its shape recurs
 * ("নিজস্ব প্রতিবেদক", "প্রকাশ: ..." of one month).
 */
int
hzone_field(const struct hzoneset *rs, const char *s, size_t n)
{
	struct date_result r;

	if (rs == NULL)
		return HZONE_NOFIELD;
	if ((rs->published && rx_exec(rs->published, s, n, 0, 0) == RX_MATCH) ||
	    (rs->updated && rx_exec(rs->updated, s, n, 0, 0) == RX_MATCH) ||
	    (rs->hijri && rx_exec(rs->hijri, s, n, 0, 0) == RX_MATCH) ||
	    line_is_date(rs, s, n, &r))
		return HZONE_DATE;	/* a page clock is a date line: the clock patterns only place it */
	if (line_matches(&rs->byline, s, n) || line_matches(&rs->dateline, s, n))
		return HZONE_BYLINE;
	if ((rs->edition && rx_exec(rs->edition, s, n, 0, 0) == RX_MATCH) || line_matches(&rs->keep, s, n))
		return HZONE_OTHER;
	return HZONE_NOFIELD;
}
