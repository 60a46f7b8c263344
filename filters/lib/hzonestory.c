/*
 * hzonestory.c: what the header-zone reader reads in the story, under
 * the header: a byline or dateline glued to the first paragraph's start,
 * the headline's words glued there, a date closing the paragraph, at the
 * page's foot or in a sign-off, a credit at the foot, the byline and
 * dates under a standfirst, a header printed under the first paragraph,
 * the headline under the only paragraph.  Each is read only for what the
 * header lacks; hzonewrite.c writes the header's fields before.
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

/*
 * The mark closing a credit glued to the story: a colon, a dash, a visarga
 * (ঃ), a dari or a double dari (॥), an en or em dash; its length in bytes,
 * 0 for none.
 */
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
			/*
			 * One word before a double dari is the place the story
			 * comes from ("<upazila> ॥ <story>", provatisomoy, eval
			 * t5), no writer: it goes, and names no one.
			 */
			if (*vl > 0 && memcmp(s + i, "॥", 3) == 0 && line_words(s + *vo, *vl) == 1)
				*vl = 0;
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
	write_explain(w, p, "a byline pattern reads the dateline's credit: it replaces the name placed as the byline", NULL);
}

/*
 * The place a credit taken off the first paragraph files from, when it is
 * an upazila and its district after a comma, closed by a colon or the
 * visarga, a paragraph of eight words at least after it ("Name: <upazila>,
 * <district>: <story>", satkhirachitra, eval t27): each of one or two
 * words in Bengali letters.  Where the place ends (the paragraph's start),
 * the place's own length in *PL; 0 if none.  Read only after a credit, so
 * a sentence's "X, Y:" opening a paragraph is never a place.
 */
static size_t
place_pair(const char *s, size_t n, size_t *pl)
{
	size_t i, c = 0, e;

	for (i = 0; i < n && i < 120; i++) {
		if (s[i] == ',') {
			if (c > 0 || i == 0)
				return 0;
			c = i;
		} else if (s[i] == ':' || (n - i >= 3 && memcmp(s + i, "ঃ", 3) == 0))
			break;
		else if ((unsigned char)s[i] < 0x80 && s[i] != ' ')
			return 0;	/* no digit, no Latin, no other mark */
		else if (n - i >= 3 && (line_digit_at(s + i, 3) || memcmp(s + i, "।", 3) == 0))
			return 0;
	}
	if (i >= n || i >= 120 || c == 0 || line_words(s, c) > 2 || line_words(s + c + 1, i - c - 1) < 1 ||
	    line_words(s + c + 1, i - c - 1) > 2)
		return 0;
	for (*pl = i; *pl > 0 && s[*pl - 1] == ' '; (*pl)--)
		;
	e = i + (s[i] == ':' ? 1 : 3);
	while (e < n && s[e] == ' ')
		e++;
	return line_words(s + e, n - e) >= 8 ? e : 0;
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
	write_name_post(rec, w, s + a, b - a, s + pa, pb - pa);
	return 1;
}

/*
 * Are the words of S[0..N), two at least, all in the headline TITLE (a
 * word may come back inflected: "বিকাশ" in "বিকাশের")?  Then the words
 * before the first paragraph's colon are a lead-in that retells the
 * headline ("<headline's words> : <story>", matinews, eval s19), not a
 * writer's name.
 */
static int
retells_headline(const struct hzonework *w, long title, const char *s, size_t n)
{
	size_t a = 0, e, words = 0;

	if (title < 0)
		return 0;
	while (a < n) {
		while (a < n && s[a] == ' ')
			a++;
		for (e = a; e < n && s[e] != ' '; e++)
			;
		if (e > a) {
			if (!memmem(line_text(w, (size_t)title), w->l[title].len, s + a, e - a))
				return 0;
			words++;
		}
		a = e;
	}
	return words >= 2;
}

/* Does RE's author or credit, as it matched S, retell the headline TITLE? */
static int
credit_retells(struct rx *re, const struct hzonework *w, long title, const char *s)
{
	const char *groups[] = { "author", "credit" };
	size_t j, a, b;
	int g;

	for (j = 0; j < 2; j++)
		if ((g = rx_named(re, groups[j])) >= 0 && rx_group(re, g, &a, &b) && b > a &&
		    retells_headline(w, title, s + a, b - a))
			return 1;
	return 0;
}

static void
dateline(const struct hzoneset *rs, struct hzonework *w, struct record *rec, size_t p, int *author, int *pub,
    int placed, long title)
{
	const char *s = line_text(w, p);
	size_t n = w->l[p].len, k, so, eo, vo, vl, da, dl, cl;
	int pass, credit = 0;

	if ((eo = glued_date(rs, s, n)) > 0) {
		if (!(*pub)++)
			write_field(rec, w, "published", s, eo);
		write_explain(w, p, "a date glued to the first paragraph's first word taken off it", NULL);
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
			write_author(rec, w, s, cl);
		write_explain(w, p, "the site's own credit taken off the first paragraph (lead_credit: "
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
			    line_visarga_in_word(rs, s, n, eo) || credit_retells(re, w, title, s))
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
				write_field(rec, w, names[j], s + a, b - a);
			}
			{
				int g = rx_named(re, "date");
				size_t a, b;
				struct date_result r;

				if (g >= 0 && rx_group(re, g, &a, &b) && b > a && !*pub && line_is_date(rs, s + a, b - a, &r) &&
				    r.status == DATE_OK) {
					(*pub)++;
					write_field(rec, w, "published", s + a, b - a);
				}
			}
			break;
		}
		rx_release();
		if (k == rs->dateline.n && pass == 0 && glued_byline(rs, s, n, &eo, &vo, &vl, &da, &dl) &&
		    !retells_headline(w, title, s + vo, vl)) {
			struct date_result r;
			size_t d = vl > 0 ? dated_open(rs, s + vo, vl) : 0;

			vo += d;
			vl -= d;

			if (vl > 0 && *author && placed) {
				replaced(rec, w, p);
				write_author(rec, w, s + vo, vl);
			} else if (vl > 0 && !(*author)++)
				write_author(rec, w, s + vo, vl);
			if (dl > 0 && !*pub && line_is_date(rs, s + da, dl, &r) && r.status == DATE_OK) {
				(*pub)++;
				write_field(rec, w, "published", s + da, dl);
			}
			k = 0;
			credit = 1;
		}
		if (k == rs->dateline.n && pass == 1 && (eo = place_pair(s, n, &cl)) > 0) {
			write_field(rec, w, "dateline_place", s, cl);
			k = 0;
		}
		if (k == rs->dateline.n)
			break;
		write_explain(w, p, pass ? "a place closing its own credit taken off the first paragraph" :
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
 * paragraph; a line at least follows it.  The headline's line, or -1.
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
	long i, j, after;
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
	for (i = j + 1, after = 0; i < (long)w->nl; i++) {
		if (line_words(line_text(w, i), w->l[i].len) > 3 && line_letter_in(line_text(w, i), w->l[i].len, 0))
			return -1;
		after += w->l[i].len > 0;
	}
	/*
	 * Something follows it, the page's chrome or a notice: a dump's last
	 * line may be the next paragraph cut where the dump stops ("<credit>ঃ
	 * <story>" / "<its first words>", sakhipurbarta, eval t5).
	 */
	if (after == 0)
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
		write_explain(w, (size_t)p, "the headline glued to the start of the first paragraph taken off", NULL);
		w->l[p].off += m;
		w->l[p].len -= m;
	} else if (s[m] == ' ' && line_words(t, m) >= 5 && memchr(t, ':', m) && line_words(s + m, n - m) >= 8) {
		/*
		 * The whole headline with its tag ("<Place>: <headline>
		 * <paragraph>"), printed again on the paragraph's line.  A
		 * headline with no tag may be the paragraph's own first words
		 * ("<headline> মাসব্যাপী ..."): it stays.
		 */
		write_explain(w, (size_t)p, "the headline printed again before the first paragraph taken off", NULL);
		w->l[p].off += m + 1;
		w->l[p].len -= m + 1;
	}
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
				write_author(rec, w, line_text(w, name), w->l[name].len);
			write_explain(w, (size_t)name, "byline, a credit over the dates under the standfirst", NULL);
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
	write_explain(w, (size_t)t, "headline, under the first paragraph, over its byline and dates", NULL);
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
		dateline(rs, w, rec, (size_t)pg->p, &pg->author, &pg->pub, pg->placed, pg->title);
	header_under_story(rs, w, rec, pg);
	if (!pg->pub && pg->p < pg->zone && w->l[pg->p].tail) {
		size_t vo, vl;

		if (line_tail_date(rs, w, pg->p, &vo, &vl)) {
			pg->pub++;
			write_field(rec, w, "published", line_text(w, pg->p) + vo, vl);
			write_explain(w, (size_t)pg->p, "labelled date closing the first paragraph (none in the header)", NULL);
		}
	}
	if (!pg->pub && pg->p < pg->zone && (pg->foot = footer_date(rs, w, pg->p)) >= 0) {
		const char *t = line_text(w, pg->foot) + w->l[pg->foot].vo;

		write_field(rec, w, "published", t, w->l[pg->foot].vl);
		write_explain(w, (size_t)pg->foot, "labelled date at the foot of the page (none in the header)", NULL);
	}
	if (!pg->pub && pg->p < pg->zone && pg->foot < 0) {
		long sign = signoff_date(rs, w, pg->p);

		if (sign >= 0) {
			write_field(rec, w, "published", line_text(w, sign) + w->l[sign].vo, w->l[sign].vl);
			write_explain(w, (size_t)sign, "a sign-off closing the story, its date (none in the header)", NULL);
		}
	}

	if (!pg->author && pg->p < pg->zone) {
		long cr = footer_credit(rs, w, pg->p);

		if (cr >= 0) {
			pg->author++;
			write_author(rec, w, line_text(w, cr) + w->l[cr].vo, w->l[cr].vl);
			write_explain(w, (size_t)cr, "byline, a labelled credit closing the story (none in the header)", NULL);
		}
	}

	if (pg->title < 0 && pg->p < pg->zone && record_get(rec, "title") == NULL && (pg->under = headline_under(rs, w, pg->p)) >= 0) {
		write_field(rec, w, "title", line_text(w, pg->under), w->l[pg->under].len);
		write_explain(w, (size_t)pg->under, "headline, under the only paragraph of the page", NULL);
	}
}
