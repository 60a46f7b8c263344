/*
 * hzoneflat.c: a page header flattened onto one line with the article
 * ("<headline> প্রকাশিত: <date> | আপডেট: <date> <paragraph>", a news
 * theme's "Home <section> <headline> By <user> - <date> ... <story>"):
 * the header-zone reader (hzone.c) has it cut into its lines first.
 */
#include <string.h>

#include "hzonework.h"
#include "rx.h"
#include "text.h"
#include "util.h"

/*
 * A header flattened onto one line with the article begins the page:
 * its first line, paragraph-long, in *I; 0 if there is none.
 */
static int
flat_first(const struct hzoneset *rs, const struct hzonework *w, size_t *i)
{
	for (*i = 0; *i < w->nl && w->l[*i].len == 0; (*i)++)
		;
	return *i < w->nl && line_words(line_text(w, *i), w->l[*i].len) >= rs->para_words;
}

/*
 * Cut the flattened line I into its lines in w->text: the headline
 * [H0, HL), the byline box [B0, B1) if not empty, the byline or dates
 * [K, E), the article from E past blanks; 0 if no article is left.
 */
static int
cut_flat_boxed(struct hzonework *w, size_t i, size_t h0, size_t hl, size_t b0, size_t b1, size_t k, size_t e)
{
	const char *s = line_text(w, i);
	size_t at = w->l[i].off, n = w->l[i].len;

	while (e < n && s[e] == ' ')
		e++;
	if (e >= n)
		return 0;
	buf_reset(&w->out);
	buf_add(&w->out, w->text.s, at);
	buf_add(&w->out, w->text.s + at + h0, hl - h0);
	buf_addc(&w->out, '\n');
	if (b1 > b0) {
		buf_add(&w->out, w->text.s + at + b0, b1 - b0);
		buf_addc(&w->out, '\n');
	}
	buf_add(&w->out, w->text.s + at + k, e - k);
	buf_addc(&w->out, '\n');
	buf_add(&w->out, w->text.s + at + e, w->text.len - at - e);
	buf_reset(&w->text);
	buf_add(&w->text, w->out.s, w->out.len);
	return 1;
}

static int
cut_flat_from(struct hzonework *w, size_t i, size_t h0, size_t hl, size_t k, size_t e)
{
	return cut_flat_boxed(w, i, h0, hl, 0, 0, k, e);
}

/*
 * Where the headline starts in S[0..HL), the words of a flattened header
 * before the byline: a news theme prints the breadcrumb's last step (the
 * headline), the section's label, and the headline again ("Home <section>
 * <headline> <section> <headline>"): the headline is the last copy, three
 * words at least, after a word that also stands right before the first
 * copy (the section); the breadcrumb and the first copy go.  0 if no such
 * copy.
 */
static size_t
headline_copy(const char *s, size_t hl)
{
	size_t ws[65], nw = 0, i, m;

	for (i = 0; i < hl && nw < 64; i++)
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			ws[nw++] = i;
	if (nw >= 64)
		return 0;
	ws[nw] = hl + 1;	/* past the last word and its space */
	/* "<w> <headline> <w> <headline>": word G (the section) before the last copy, word P before the first. */
	for (m = (nw - 2) / 2; m >= 3; m--) {
		size_t g = nw - m - 1, p = nw - 2 * m - 2;
		size_t a = ws[g + 1], b = ws[p + 1], la = hl - a, lb = ws[g] - 1 - b;

		if (la == lb && memcmp(s + a, s + b, la) == 0 && ws[g + 1] - ws[g] == ws[p + 1] - ws[p] &&
		    memcmp(s + ws[g], s + ws[p], ws[g + 1] - ws[g]) == 0)
			return a;
	}
	return 0;
}

/*
 * The same where the headline is printed twice right after the
 * breadcrumb ("প্রচ্ছদ <section> <headline> <headline>", sylhetprantho,
 * eval s13): where the last copy starts, a copy of three words at least;
 * 0 if none.
 */
static size_t
headline_twice(const char *s, size_t hl)
{
	size_t a, h;

	for (a = 0; a + 6 < hl; a++)
		if ((a == 0 || s[a - 1] == ' ') && s[a] != ' ' && (h = line_twice(s + a, hl - a)) > 0 &&
		    line_words(s + a, h) >= 3)
			return a + h + 1;
	return 0;
}

/*
 * A header flattened onto one line with the article, no label in it
 * ("<headline> নিজস্ব প্রতিবেদক 2 August 2019 11:46 am <paragraph>"): the
 * page's first line, long; its first digit starts a whole date, and the
 * fewest words before the date that a byline pattern reads are the
 * byline, three words at least and no dari before them (the headline).
 * Cut into its lines (headline; byline and date; the rest) in w->text;
 * 1 if it was.  A byline after a comma ("Name, <post>") may hold more of
 * the line than the pattern read: no cut then.
 */
int
flat_unflatten_byline(const struct hzoneset *rs, struct hzonework *w)
{
	size_t i, n, d, e, c, k, lim, vo, vl, nw, hl;
	const char *s;

	if (!flat_first(rs, w, &i))
		return 0;
	s = line_text(w, i);
	n = w->l[i].len;
	lim = n < 600 ? n : 600;	/* a headline printed twice (a breadcrumb's and the page's) and a byline */
	for (d = 0; d < lim && !line_digit_at(s + d, n - d); d++)
		;
	if (d == 0 || d >= lim || s[d - 1] != ' ' || memmem(s, d, "।", 3) != NULL)
		return 0;
	/* A date may open with its month's name ("By <name> - October 17, 2022"). */
	if ((e = line_date_run(rs, s, n, d)) == d) {
		for (c = d - 1; c > 0 && s[c - 1] != ' '; c--)
			;
		if (c == 0 || (e = line_date_run(rs, s, n, c)) == c)
			return 0;
		d = c;
	} else if (d >= 2) {
		for (c = d - 1; c > 0 && s[c - 1] != ' '; c--)
			;
		if (c > 0 && (k = line_date_run(rs, s, n, c)) > c)
			d = c, e = k;
	}
	/* The dash between the byline and the date is neither's. */
	for (c = d; c > 0 && (s[c - 1] == ' ' || s[c - 1] == '-'); c--)
		;
	for (k = c, nw = 0; nw < 6; nw++) {
		while (k > 0 && s[k - 1] == ' ')
			k--;
		while (k > 0 && s[k - 1] != ' ')
			k--;
		if (k == 0 || line_words(s, k) < 3)
			return 0;
		if (line_first_value(&rs->byline, s + k, c - k, &vo, &vl) < rs->byline.n)
			break;
	}
	if (nw == 6 || (k >= 2 && s[k - 2] == ','))
		return 0;
	hl = k;
	while (hl > 0 && s[hl - 1] == ' ')
		hl--;
	return cut_flat_from(w, i, headline_copy(s, hl), hl, k, e);
}

/*
 * S[0..N) in Latin letters, digits and dots, a letter first in each word
 * ("Name Surname", "TheNewStar24.com"): a name or an outlet's web name.
 */
static int
web_name(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || s[i] == '.' ||
		    s[i] == ' ' || (s[i] >= '0' && s[i] <= '9' && i > 0 && s[i - 1] != ' ')))
			return 0;
	return n > 0 && s[0] != '.' && !(s[0] >= '0' && s[0] <= '9');
}

/*
 * The byline box of a news theme closing the headline's words before its
 * labelled date: the writer's short name (the avatar's alt text) and the
 * name in full, which opens with it ("<headline> Name Name Surname",
 * "<headline> News News Desk", "<headline> <outlet> <outlet> <tagline>"),
 * or a byline printed twice ("<headline> অনলাইন ডেস্ক অনলাইন ডেস্ক").
 * Two words at least and three words of headline before it; a headline's
 * doubled word before another ("ধীরে ধীরে বাড়ছে") is no box: a name
 * opening with a single word again is one in Latin letters (an outlet's
 * web name may carry digits, "<Name>24.com"), a byline the patterns read,
 * or the one word alone printed twice right before the label.  S[0..HL)
 * is the headline with the box; the headline's end without it, or HL,
 * and the name in full in [*FULL, *FEND): the name of two words or more
 * printed again with more words the byline patterns do not read ("<outlet>
 * <outlet> <tagline>") is the name without them.
 */
static size_t
byline_box(const struct hzoneset *rs, const char *s, size_t hl, size_t *full, size_t *fend)
{
	size_t ws[9], nw = 0, c = hl, t, a, la, lb;

	while (nw < 9 && c > 0) {
		while (c > 0 && s[c - 1] == ' ')
			c--;
		if (c == 0)
			break;
		while (c > 0 && s[c - 1] != ' ')
			c--;
		ws[nw++] = c;
	}
	/* ws[t - 1] starts the last T words; A is their first a words. */
	for (t = 2; t <= 8 && t < nw; t++)
		for (a = 1; 2 * a <= t && a <= 3; a++) {
			la = ws[t - a - 1] - ws[t - 1];
			while (la > 0 && s[ws[t - 1] + la - 1] == ' ')
				la--;
			lb = hl - ws[t - a - 1];
			if (lb < la || memcmp(s + ws[t - 1], s + ws[t - a - 1], la) != 0 ||
			    (lb > la && s[ws[t - a - 1] + la] != ' '))
				continue;
			if (a == 1 && t > 2 && !web_name(s + ws[t - 1], hl - ws[t - 1]) &&
			    !line_matches(&rs->byline, s + ws[t - a - 1], lb))
				continue;
			if (line_words(s, ws[t - 1]) < 3)
				return hl;
			c = ws[t - 1];
			while (c > 0 && s[c - 1] == ' ')
				c--;
			*full = ws[t - a - 1];
			*fend = a >= 2 && lb > la && !line_matches(&rs->byline, s + *full, lb) ? *full + la : hl;
			return c;
		}
	return hl;
}

/*
 * Does the story S[0..N) open with a credit the dateline patterns read,
 * past blanks and chrome glued before it (a "prefix" pattern: share
 * buttons, "Facebook 0 Twitter 0 ... 0Shares <credit> : <story>")?
 */
static int
story_credited(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t k, so, eo;

	while (n > 0 && s[0] == ' ')
		s++, n--;
	rx_hold(s, n);
	for (k = 0; k < rs->prefix.n; k++)
		if (rx_exec(rs->prefix.re[k], s, n, 0, 0) == RX_MATCH && rx_group(rs->prefix.re[k], 0, &so, &eo) &&
		    so == 0 && eo > 0 && eo < n)
			break;
	rx_release();
	if (k < rs->prefix.n) {
		s += eo;
		n -= eo;
	}
	return line_dateline_reach(rs, s, n) > 0;
}

/*
 * A header flattened onto one line with the article ("<headline>
 * প্রকাশিত: <date> | আপডেট: <date> <paragraph>"): the page's first line,
 * long, with a labelled publication time after the headline's words.  It
 * is cut into its lines (headline; dates; the rest) in w->text; 1 if it
 * was.
 */
int
flat_unflatten(const struct hzoneset *rs, struct hzonework *w)
{
	size_t i, j, k, n, e, vo, vl, lim, hl;
	const char *s;

	if (rs->published == NULL || !flat_first(rs, w, &i))
		return 0;
	s = line_text(w, i);
	n = w->l[i].len;
	lim = n < 400 ? n : 400;
	for (k = 1; k < lim; k++)
		if (s[k - 1] == ' ' && line_value_of(rs->published, s + k, n - k, &vo, &vl))
			break;
	if (k >= lim || line_words(s, k) < 3 || memmem(s, k, "।", 3) != NULL)
		return 0;
	if ((e = line_date_run(rs, s, n, k + vo)) == k + vo)
		return 0;
	{
		size_t u = e;

		while (u < n && (s[u] == ' ' || s[u] == '|'))
			u++;
		if (u > e && u < n && line_value_of(rs->updated, s + u, n - u, &vo, &vl)) {
			size_t ue = line_date_run(rs, s, n, u + vo), nw = 0;

			/* One it cannot read ends at its year all the same. */
			for (j = u + vo; ue == u + vo && j < n && nw < 8; nw++) {
				size_t w0;

				while (j < n && s[j] == ' ')
					j++;
				w0 = j;
				while (j < n && s[j] != ' ')
					j++;
				if (line_starts_year(s + w0, j - w0))
					ue = j;
			}
			if (ue > u + vo)
				e = ue;
		}
	}
	/*
	 * The byline box closing the headline (see byline_box) is cut from
	 * it onto its own line, the name in full, the byline: the posting
	 * account's, an outlet's name or desk, where the story opens with
	 * no credit of its own; a credit there is the reporter's, and the
	 * box goes.
	 */
	hl = k;
	while (hl > 0 && s[hl - 1] == ' ')
		hl--;
	{
		size_t hb = hl, full = 0, fend = 0;

		hl = byline_box(rs, s, hb, &full, &fend);
		if (hl < hb && !story_credited(rs, s + e, n - e))
			return cut_flat_boxed(w, i, 0, hl, full, fend, k, e);
	}
	return cut_flat_from(w, i, headline_twice(s, hl), hl, k, e);
}

/*
 * S opens with prose: a sentence ends (a dari) within its first sixty
 * words, and no bar stands before it (a menu flattened under a page clock
 * has neither).
 */
static int
prose_opens(const char *s, size_t n)
{
	const char *d = memmem(s, n, "।", 3);

	return d != NULL && memchr(s, '|', (size_t)(d - s)) == NULL && line_words(s, (size_t)(d - s)) <= 60;
}

/*
 * A header flattened onto one line with the article and no headline (an
 * aggregator's card, "<date>, <time> | আপডেট: <date>, <time> <paragraph>"):
 * the page's first line, long, opens with a whole date and its time, then
 * perhaps a bar and the labelled update time, then the story (prose, see
 * prose_opens).  It is cut into its lines (the dates; the rest) in
 * w->text; 1 if it was.  A date with its weekday is left alone: that is
 * how a page clock opens a page flattened with its menu.
 */
int
flat_unflatten_dates(const struct hzoneset *rs, struct hzonework *w)
{
	size_t i, n, a, e, u, ue, vo, vl;
	const char *s;
	struct date_result r;

	if (rs->updated == NULL)
		return 0;
	for (i = 0; i < w->nl && w->l[i].len == 0; i++)
		;
	if (i >= w->nl)
		return 0;
	s = line_text(w, i);
	n = w->l[i].len;
	for (a = 0; a < n && s[a] == ' '; a++)
		;
	/* A digit in its first two words ("০৪ অক্টোবর", "October 4,"), before anything dearer. */
	for (e = a, u = 0; e < n && u < 2; e++)
		if (s[e] == ' ' && s[e - 1] != ' ')
			u++;
		else if (line_digit_at(s + e, n - e))
			break;
	if (e >= n || u >= 2 || !flat_first(rs, w, &i))
		return 0;
	if ((e = line_date_run(rs, s, n, a)) == a || !line_is_date(rs, s + a, e - a, &r) || !r.has_time ||
	    memmem(s + a, e - a, "বার", strlen("বার")) != NULL || memmem(s + a, e - a, "day", 3) != NULL)
		return 0;
	for (u = e; u < n && (s[u] == ' ' || s[u] == '|'); u++)
		;
	if (memchr(s + e, '|', u - e) != NULL && line_value_of(rs->updated, s + u, n - u, &vo, &vl) &&
	    (ue = line_date_run(rs, s, n, u + vo)) > u + vo)
		e = ue;
	if (line_words(s + e, n - e) < rs->para_words || !prose_opens(s + e, n - e))
		return 0;
	return cut_flat_from(w, i, 0, 0, a, e);
}

/*
 * A labelled date glued to the story with no break, as one theme prints
 * its meta row ("প্রকাশিত হয়েছে : ০২ মে ২০১৯, ১১:০২ অপরাহ্ণ<paragraph>",
 * beanibazarbarta24, surmanews24, sylhetpost24): a line of the zone that
 * opens with the label and its colon, whose date (line_date_value) ends
 * inside a word, with prose after it, is cut after the date in w->text; 1
 * if one was.
 */
int
flat_unflatten_label(const struct hzoneset *rs, struct hzonework *w)
{
	size_t i, n, vo, vl, e;
	const char *s;

	for (i = 0; i < w->nl && i < rs->zone; i++) {
		s = line_text(w, i);
		n = w->l[i].len;
		/* A label's colon near the start, before the dearer tests ("প্রকাশিত হয়েছে :"). */
		if (n == 0 || !(memchr(s, ':', n < 80 ? n : 80) || memmem(s, n < 80 ? n : 80, "ঃ", 3)) ||
		    line_words(s, n) < rs->para_words)
			continue;
		if (!(line_value_of(rs->published, s, n, &vo, &vl) && vo > 0 && line_date_value(rs, s, vo, &vl)) &&
		    !(line_value_of(rs->updated, s, n, &vo, &vl) && vo > 0 && line_date_value(rs, s, vo, &vl)))
			continue;
		e = vo + vl;
		/* Glued: the date's last word runs on into the story's first. */
		if (e >= n || s[e] == ' ' || s[e] == ',' || s[e] == '|' || s[e - 1] == ' ')
			continue;
		if (line_words(s + e, n - e) < rs->para_words || !prose_opens(s + e, n - e))
			continue;
		return cut_flat_from(w, i, 0, 0, 0, e);
	}
	return 0;
}
