/*
 * hzoneclass.c: the kind of each line of a page's header zone (a date, a
 * labelled date, a byline, the page clock, chrome, a paragraph...) and
 * what part of it is the value, for the header-zone reader in hzone.c
 * (see hzone.h and khobor-rules(5), READER).  The shapes a line is asked
 * about are in hzoneline.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "hzonerule.h"
#include "hzonework.h"
#include "rx.h"
#include "spell.h"
#include "text.h"
#include "util.h"

/* A line printed twice with nothing between ("অনলাইন ডেস্কঅনলাইন ডেস্ক"). */
static size_t
undouble(const char *s, size_t n)
{
	return n >= 4 && n % 2 == 0 && memcmp(s, s + n / 2, n / 2) == 0 ? n / 2 : n;
}

/*
 * A header line: a labelled date in one of its segments ("প্রকাশিত:... |
 * হালনাগাদ:... | অনলাইন সংস্করণ"), or segments each of which is a byline,
 * a date or the edition ("যুগান্তর ডেস্ক    ১২ মে ২০২১, ০০:০০ | প্রিন্ট সংস্করণ").
 */
static int
labelled(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t i = 0, a, e, vo, vl, label = 0, date = 0, other = 0, prose = 0;

	if (line_byline_then_date(rs, s, n, &e))
		return 1;
	while (line_segment(s, n, &i, &a, &e)) {
		enum seg k = line_what_segment(rs, s + a, e - a, &vo, &vl);
		size_t j;

		/*
		 * A publication label whose value runs on into the update
		 * label after one space ("প্রকাশিত : <date>, সন্ধ্যা ৮:২০ আপডেট :
		 * <date>", moontimesnews, eval s43) reads cut there, as
		 * add_labelled writes it.
		 */
		if (k == S_NONE && line_value_of(rs->published, s + a, e - a, &vo, &vl))
			for (j = a + 1; j < e && k == S_NONE; j++)
				if (line_update_inside(rs, s, e, a, j))
					k = S_PUBLISHED;
		label += k == S_PUBLISHED || k == S_UPDATED;
		date += k == S_DATE;
		other += k == S_BYLINE || k == S_EDITION;
		prose += k == S_NONE && text_words_upto(s + a, e - a, 5) >= 5;
	}
	if (label == 0 && date == 0 && line_label_after(rs, s, n))
		return 1;
	if (label == 0 && date > 0 && other == 0 && line_name_date(rs, s, n))
		return 1;
	if (label == 0 && date == 0 && line_place_date_credit(rs, s, n, &vo, &vl, &a, &e))
		return 1;
	/*
	 * A section name may stand among them ("by X | date | দেশ"); dates
	 * alone, cut by '|', are the page clock in its calendars, and so are
	 * they after the edition's name ("অনলাইন সংস্করণ | <place>, <weekday>,
	 * <date> | <Bangla date>").  Not a sentence: "<desk>,  <day month> ঃ
	 * <story>" is a dateline glued to the story, cut by runs of spaces.
	 */
	return label > 0 || (date > 0 && other > 0 && prose == 0 && !line_calendars(rs, s, n));
}

/*
 * Does a segment of S read as prose: a paragraph's number of words and a
 * sentence ending in it?  A header line holds none; a page flattened onto
 * one line ("<paragraph>  Share  Published on: <date>") does.
 */
static int
prose_in(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t i = 0, a, e;

	while (line_segment(s, n, &i, &a, &e))
		if (line_words(s + a, e - a) >= rs->para_words && (memmem(s + a, e - a, "।", 3) ||
		    line_inner_sentence(s + a, e - a) || line_sentence_end(s + a, e - a) || memmem(s + a, e - a, ". ", 2)))
			return 1;
	return 0;
}

static void classify1(const struct hzoneset *, struct hzonework *, size_t);
static void classify2(const struct hzoneset *, struct hzonework *, size_t);

static int
header_kind(enum kind k)
{
	return k == K_LABELLED || k == K_DATE || k == K_BYLINE || k == K_CLOCK;
}

/* Say on --explain what of line I, W->text from OFF for N bytes, was read apart, and why. */
static void
taken_off(struct hzonework *w, size_t i, const char *why, size_t off, size_t n)
{
	if (w->ex == NULL)
		return;
	fflush(stdout);
	fprintf(w->ex, "%s: %s: reader: body line %zu: %s: %.*s\n", prog, w->src, i + 1, why, (int)n, w->text.s + off);
}

/* Line L as printed again, from OFF for LEN bytes, and unread. */
static void
unread(struct rline *l, size_t off, size_t len)
{
	l->off = off;
	l->len = len;
	l->kind = K_OTHER;
	l->why = NULL;
	l->cl = 0;
}

/*
 * Line I read by FN without its first K bytes: kept so when it is a
 * header line then (or, with PARA, a paragraph), and 1; otherwise the line
 * is as printed again, unread, and 0.
 */
static int
read_without(const struct hzoneset *rs, struct hzonework *w, size_t i, size_t k,
    void (*fn)(const struct hzoneset *, struct hzonework *, size_t), int para)
{
	struct rline *l = &w->l[i];
	size_t off = l->off, len = l->len;

	l->off += k;
	l->len -= k;
	l->kind = K_OTHER;
	l->why = NULL;
	fn(rs, w, i);
	if (header_kind(l->kind) || (para && l->kind == K_PARA))
		return 1;
	unread(l, off, len);
	return 0;
}

/*
 * S[0, M) closing with a counter set off by a space alone, a number and
 * one or two words that page chrome matches ("83 Views"): the length of
 * what is before it, or N.
 */
static size_t
counter_tail(const struct hzoneset *rs, const char *s, size_t m, size_t n)
{
	size_t t = m, words = 0;

	while (t > 0 && words < 3) {
		while (t > 0 && s[t - 1] != ' ')
			t--;
		words++;
		if (t > 0 && line_digit_at(s + t, m - t)) {
			if (words < 2 || !line_has_letter(s + t, m - t) || !line_matches(&rs->chrome, s + t, m - t))
				return n;
			while (t > 0 && s[t - 1] == ' ')
				t--;
			return t;
		}
		while (t > 0 && s[t - 1] == ' ')
			t--;
	}
	return n;
}

/*
 * A line whose last part, after a comma, a bar, a slash or a dari with a
 * space before it (the themes that print "।" between the meta row's boxes,
 * "<byline> / ৫১২ বার পড়া হয়েছে"), is
 * page chrome (an age, "৮ ঘন্টা আগে"; a view counter, "<date> <time> ।
 * ৬০ জন"): the length of what is before it, or N.  A comma closing the
 * line is the theme's separator, not the part's start ("<date>, 594
 * Views,").  Else a counter after a space alone, its number and words
 * ("December 18, 2022 83 Views"), is the last part.
 */
static size_t
chrome_tail(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t c, a, sep = 1, m = n;
	struct date_result r;

	while (m > 0 && (s[m - 1] == ' ' || s[m - 1] == ','))
		m--;
	if (m == 0)
		return n;
	c = m;
	/* "।" is E0 A5 A4: its last byte first, the dearer test only then. */
	while (c > 0 && s[c - 1] != ',' && s[c - 1] != '|' && !(s[c - 1] == '/' && c >= 2 && s[c - 2] == ' ') &&
	    !(s[c - 1] == '\xA4' && c >= 4 && memcmp(s + c - 3, "।", 3) == 0 && s[c - 4] == ' '))
		c--;
	if (c == 0)
		return counter_tail(rs, s, m, n);
	if (s[c - 1] != ',' && s[c - 1] != '|' && s[c - 1] != '/')
		sep = 3;
	for (a = c; a < n && s[a] == ' '; a++)
		;
	/* A crawler's stamp is chrome, the same digits after a credit the story's date. */
	if (a >= m || !line_matches(&rs->chrome, s + a, m - a) ||
	    (!line_has_letter(s + a, m - a) && line_is_date(rs, s + a, m - a, &r)))
		return counter_tail(rs, s, m, n);
	for (c -= sep; c > 0 && s[c - 1] == ' '; c--)
		;
	return c;
}

/*
 * A post's meta row that opens with its section or place, a comma, then
 * the date ("<section>, 16 May 2023", a view counter after it taken off
 * by chrome_tail): the offset of the date, or 0.  One to three words with
 * no digit and no weekday before it, and a whole date.  Asked only when
 * a counter closed the line: "<place>, <date>" alone may be a page clock
 * or a story's dateline.
 */
static size_t
section_date(const struct hzoneset *rs, const char *s, size_t n, struct date_result *r)
{
	const char *c = memchr(s, ',', n);
	size_t a;

	if (c == NULL || c == s)
		return 0;
	a = (size_t)(c - s);
	if (line_words(s, a) > 3 || line_has_digit(s, a) || line_weekday_word(s, a) || line_matches(&rs->chrome, s, a))
		return 0;
	for (a++; a < n && s[a] == ' '; a++)
		;
	if (a >= n || !line_is_date(rs, s + a, n - a, r) || r->status != DATE_OK)
		return 0;
	return a;
}

/*
 * A box in brackets closing S[0, N) after a space, a label's colon in it
 * ("... (Updated: <date> IST)"): the offset of its opening bracket, 0 for
 * none.
 */
static size_t
bracket_box(const char *s, size_t n)
{
	size_t k;

	if (n < 4 || s[n - 1] != ')')
		return 0;
	for (k = n - 1; k > 0 && s[k - 1] != '(' && s[k - 1] != ')'; k--)
		;
	if (k < 3 || s[k - 1] != '(' || s[k - 2] != ' ' || (!memchr(s + k, ':', n - k) && !memmem(s + k, n - k, "ঃ", 3)))
		return 0;
	return k - 1;
}

/*
 * S[0, N) closing with its last bar and page chrome after it ("... |
 * Comments Off on <headline>"): the length before the bar, the spaces
 * before it taken off; N when there is none.
 */
static size_t
bar_chrome(const struct hzoneset *rs, const char *s, size_t n)
{
	const char *bar = NULL, *p;
	size_t a, c;

	for (p = s; (p = memchr(p, '|', n - (size_t)(p - s))) != NULL; p++)
		bar = p;
	if (bar == NULL || bar == s)
		return n;
	for (a = (size_t)(bar - s) + 1; a < n && s[a] == ' '; a++)
		;
	if (a >= n || !line_matches(&rs->chrome, s + a, n - a))
		return n;
	for (c = (size_t)(bar - s); c > 0 && s[c - 1] == ' '; c--)
		;
	return c;
}

/*
 * A whole date with a time among a few other words on a short line: a
 * credit before it ("<name>, <place> বুধবার রাত ১০:৫৭, ১৫ জুলাই, ২০২০",
 * "প্রতিনিধি <date> , <time> প্রিন্ট সংস্করণ"), a bullet or a counter and a
 * credit after it ("• 22-11-2022 4:10 PM • Captured By: <name> 125").  Six
 * words at most before the date, none of them with a digit, and eight at
 * most after it; the date is the longest run of words from the leftmost
 * start that reads whole, with its year and its time (a headline that
 * names a day prints no time of day; the time may be in words, "<credit>,
 * ১৬ টা ৯ মিনিট, <date>", bdhindulife, eval t34).  Its bounds in [*D, *E);
 * 0 if none.
 */
static int
date_among(const struct hzoneset *rs, const char *s, size_t n, size_t *d, size_t *e)
{
	size_t a = 0, b, best, nb = 0, nw;
	struct date_result r;

	const char *c;

	if (n > 300)
		return 0;
	/* A time: a digit on each side of a colon, or the minutes in words ("১৬ টা ৯ মিনিট"). */
	for (c = memchr(s, ':', n); c != NULL && !(c > s && (line_digit_at(c - 1, 1) || (c - s >= 3 && line_digit_at(c - 3, 3))) &&
	    line_digit_at(c + 1, n - (size_t)(c + 1 - s))); c = memchr(c + 1, ':', n - (size_t)(c + 1 - s)))
		;
	if (c == NULL && memmem(s, n, "মিনিট", strlen("মিনিট")) == NULL)
		return 0;
	for (; a < n && nb <= 6; nb++) {
		while (a < n && s[a] == ' ')
			a++;
		if (a >= n)
			break;
		best = a;
		for (b = a, nw = 0; b < n && nw < 10; nw++) {
			while (b < n && s[b] == ' ')
				b++;
			if (s[b] == '|' || (s[b] == '(' && b > a))
				break;	/* a bar or a bracket opens another box ("8PM (Updated: <date>)") */
			while (b < n && s[b] != ' ')
				b++;
			if (line_is_date(rs, s + a, b - a, &r) && r.status == DATE_OK && r.has_time)
				best = b;
		}
		if (best > a) {
			if (line_words(s + best, n - best) > 8 || line_daypart_at(rs, s, best, n))
				return 0;
			*d = a;
			*e = best;
			return 1;
		}
		if (line_digit_at(s + a, n - a))
			return 0;	/* a digit before the date: no credit */
		while (a < n && s[a] != ' ')
			a++;
	}
	return 0;
}


/*
 * Is S[0, K), the words before a date at VO on its line, the writer's
 * credit?  Two or three words of a Bengali name, after the initials and
 * honorifics it may open with ("মোঃ Name Name <date>"); a name and a place
 * after a comma; a name in Latin letters right before the date; or a post
 * alone, the credit a theme prints when no name was given ("প্রতিনিধি
 * <date> , <time> প্রিন্ট সংস্করণ").
 */
static int
date_credit(const struct hzoneset *rs, const char *s, size_t k, size_t vo)
{
	size_t a = line_name_start(rs, s, k), nw = line_words(s, k), e;

	/* A prefix masked by mask_prefixes ("মো.ঁName", "মো..Name", hzone.c) is passed too. */
	for (e = a; e + 3 <= k && (unsigned char)s[e] == 0xE0; e += 3)
		;
	if (e > a && e + 2 <= k && s[e] == '.' && s[e + 1] == '.')
		a = e + 2;
	else if (e > a && e + 4 <= k && memcmp(s + e, ".\xe0\xa6\x81", 4) == 0)
		a = e + 4;
	if (line_words(s + a, k - a) >= (a > 0 ? 1u : 2u) && line_words(s + a, k - a) <= 3 && line_bengali_name(s + a, k - a))
		return 1;
	if ((nw >= 2 && nw <= 3 && k == vo - 1 && line_latin_name(s, k)) || line_name_place(s, k))
		return 1;
	return line_post_alone(rs, s, k);
}

/*
 * A theme's meta row prints the credit, the story's section and the date
 * ("<outlet> ডেস্ক <section> <date>"): when a byline pattern reads the
 * credit S[0, K) but for its last word, and not whole, that word is the
 * section.  The length of the credit without it, or K.
 */
static size_t
section_after_credit(const struct hzoneset *rs, const char *s, size_t k)
{
	size_t c = k, j, vo, vl;

	while (c > 0 && s[c - 1] != ' ')
		c--;
	while (c > 0 && s[c - 1] == ' ')
		c--;
	if (c == 0 || line_words(s, k) < 3 || memchr(s, ',', k))
		return k;
	if (line_first_value(&rs->byline, s, k, &vo, &vl) < rs->byline.n)
		return k;
	rx_hold(s, c);
	for (j = 0; j < rs->byline.n; j++)
		if (line_value_of(rs->byline.re[j], s, c, &vo, &vl) && vo == 0 && vl == c)
			break;
	rx_release();
	return j < rs->byline.n ? c : k;
}

/*
 * S is a run of words printed twice around an image's label of one or two
 * words in Latin letters ("Name, <place> photo Name, <place>": the byline
 * box's text, its picture's alt text, its link): the length of one copy,
 * or 0.
 */
static size_t
twice_around_label(const char *s, size_t n)
{
	size_t a, b, words;
	const char *sp;

	if (n < 7 || (unsigned char)s[0] < 0x80)
		return 0;
	for (sp = memchr(s, ' ', n); sp != NULL && sp + 2 < s + n; sp = memchr(sp + 1, ' ', (size_t)(s + n - sp - 1))) {
		a = (size_t)(sp - s);
		if (!((s[a + 1] >= 'A' && s[a + 1] <= 'Z') || (s[a + 1] >= 'a' && s[a + 1] <= 'z')))
			continue;
		for (b = a + 1, words = 1; b < n && words <= 2; b++)
			if (s[b] == ' ') {
				if (n - b - 1 == a && memcmp(s, s + b + 1, a) == 0)
					return line_has_letter(s, a) ? a : 0;
				words++;
			} else if (!((s[b] >= 'A' && s[b] <= 'Z') || (s[b] >= 'a' && s[b] <= 'z')))
				break;
	}
	return 0;
}

/* Does a word of S[0, N) open with a digit (a day, a count), not end in one ("<name>২৪")? */
static int
number_word(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((i == 0 || s[i - 1] == ' ') && line_digit_at(s + i, n - i))
			return 1;
	return 0;
}

/*
 * The site's name before a bar opening a meta row ("<outlet> ডটকম |
 * <byline> প্রকাশিত: <date>", "<name> নিউজ২৪ | ..."): the offset after the
 * bar when up to five words stand before it, none of them a number (a
 * date's day or year), or 0.
 */
static size_t
bar_prefix(const char *s, size_t n)
{
	const char *b = memmem(s, n, " | ", 3);
	size_t k;

	if (b == NULL || b == s || line_words(s, (size_t)(b - s)) > 5 || number_word(s, (size_t)(b - s)))
		return 0;
	for (k = (size_t)(b - s) + 3; k < n && s[k] == ' '; k++)
		;
	return k < n ? k : 0;
}

/* Does S[0, N) hold a word of post_words ("প্রতিনিধি")? */
static int
post_in(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t j;

	for (j = 0; j < rs->nposts; j++)
		if (memmem(s, n, rs->posts[j], strlen(rs->posts[j])) != NULL)
			return 1;
	return 0;
}

/*
 * A post word in S, or a desk's ("অনলাইন ডেস্ক ॥ <story>", bd-sanatantv,
 * eval t56), which post_words leaves out: a credit's word.
 */
static int
credit_in(const struct hzoneset *rs, const char *s, size_t n)
{
	return post_in(rs, s, n) || memmem(s, n, "ডেস্ক", strlen("ডেস্ক")) != NULL;
}

/*
 * Line I closing with a line above it printed again after a space (a
 * theme's meta row with the headline after it, "<credit> <date>
 * <headline>"): the length of what is before it, or the line's length.
 * The line above has three words at least, and something stands before
 * its copy.
 */
static size_t
again_tail(const struct hzonework *w, size_t i)
{
	const char *s = line_text(w, i);
	size_t n = w->l[i].len, j, m;

	for (j = 0; j < i; j++) {
		m = w->l[j].len;
		if (m == 0 || m + 2 > n || s[n - m - 1] != ' ' || memcmp(s + n - m, line_text(w, j), m) != 0 ||
		    line_words(s + n - m, m) < 3)
			continue;
		for (n -= m; n > 0 && s[n - 1] == ' '; n--)
			;
		return n > 0 ? n : w->l[i].len;
	}
	return n;
}

/*
 * A meta row's credit and a counter after a spaced slash ("নিজস্ব
 * প্রতিবেদক / ১৭০", "ডেস্ক রিপোর্ট / ১১২ মোট শেয়ার", "<login> / ৪৯৩
 * ভিউ"): the length of the credit, or 0.  Five words at most before the
 * slash, none a number; a number after it, and two words at most, with
 * no digit, after the number.
 */
static size_t
slash_counter(const char *s, size_t n)
{
	const char *b = memmem(s, n, " / ", 3);
	size_t k, a;

	if (b == NULL || b == s)
		return 0;
	k = (size_t)(b - s);
	if (line_words(s, k) > 5 || number_word(s, k))
		return 0;
	for (a = k + 3; a < n && s[a] == ' '; a++)
		;
	if (!line_digit_at(s + a, n - a))
		return 0;
	while (a < n && (s[a] == ',' || line_digit_at(s + a, n - a)))
		a += s[a] >= '0' && s[a] <= '9' ? 1 : s[a] == ',' ? 1 : 3;
	if (a < n && s[a] != ' ')
		return 0;
	return line_words(s + a, n - a) <= 2 && !line_has_digit(s + a, n - a) ? k : 0;
}

/*
 * S[0, N) a meta row wrapped whole in square brackets, a bar inside ("[
 * স্টাফ রিপোর্টার | <date> | <section> ]", kishoreganjnews, eval s63):
 * the offset of the row inside, its end in *END; else 0.
 */
static size_t
boxed_row(const char *s, size_t n, size_t *end)
{
	size_t a = 1, e = n - 1;

	if (n < 5 || s[0] != '[' || s[n - 1] != ']' || memmem(s, n, " | ", 3) == NULL ||
	    memchr(s + 1, '[', n - 2) != NULL || memchr(s + 1, ']', n - 2) != NULL)
		return 0;
	while (a < e && s[a] == ' ')
		a++;
	while (e > a && s[e - 1] == ' ')
		e--;
	*end = e;
	return a < e ? a : 0;
}

/*
 * What line I is.  Chrome glued to its start (a "prefix" pattern: an
 * image's alt text, an advertisement's label, a crawler's date stamp) is
 * taken off when the rest is a header line or a paragraph then; otherwise
 * the line stays as printed.  A line that is no header line as printed
 * may be one after the site's name and a bar.
 */
void
line_classify(const struct hzoneset *rs, struct hzonework *w, size_t i)
{
	struct rline *l = &w->l[i];
	size_t off = l->off, k, so, eo, len, t;
	int closed;

	if ((k = twice_around_label(line_text(w, i), l->len)) > 0) {
		taken_off(w, i, "printed twice around an image's label, read once", off, l->len);
		l->len = k;
	}
	if ((k = boxed_row(line_text(w, i), l->len, &t)) > 0) {
		/* "[ <credit> | <date> | <section> ]": the row inside its brackets. */
		len = l->len;
		l->off += k;
		l->len = t - k;
		classify2(rs, w, i);
		if (header_kind(l->kind)) {
			taken_off(w, i, "a meta row read inside the square brackets around it", off, len);
			return;
		}
		unread(l, off, len);
	}
	rx_hold(line_text(w, i), l->len);
	for (k = 0; k < rs->prefix.n; k++)
		if (rx_exec(rs->prefix.re[k], line_text(w, i), l->len, 0, 0) == RX_MATCH &&
		    rx_group(rs->prefix.re[k], 0, &so, &eo) && so == 0 && eo > 0 && eo < l->len)
			break;
	rx_release();
	if (k < rs->prefix.n && read_without(rs, w, i, eo, classify2, 1)) {
		taken_off(w, i, "chrome glued to its start taken off, by a prefix pattern", off, eo);
		return;
	}
	/*
	 * Or before a credit's shape closed by a colon or visarga ("1 min
	 * readName Nameঃ", sodeshtribune, eval s61), which no pattern reads:
	 * the chrome goes, and the credit is read later by where it stands.
	 * (A headline may close with two daris, "#<headline>।।".)
	 */
	if (k < rs->prefix.n && zone_credit_shape(line_text(w, i) + eo, l->len - eo, &so, &t, &len, &closed) && closed &&
	    (line_ends_with(line_text(w, i), l->len, ":") || line_ends_with(line_text(w, i), l->len, "ঃ"))) {
		taken_off(w, i, "chrome glued to its start taken off, by a prefix pattern", off, eo);
		l->off += eo;
		l->len -= eo;
		classify2(rs, w, i);
		return;
	}
	classify2(rs, w, i);
	if (header_kind(l->kind))
		return;
	len = l->len;
	if ((t = bracket_box(line_text(w, i), len)) > 0) {
		/* "<kicker> (Updated: <date>)": the labelled date in its box. */
		if (read_without(rs, w, i, t, classify2, 0) && l->kind == K_LABELLED) {
			taken_off(w, i, "the words before a labelled date in brackets taken off", off, t);
			return;
		}
		unread(l, off, len);
		classify2(rs, w, i);
	}
	k = bar_prefix(line_text(w, i), l->len);
	if ((t = again_tail(w, i)) < len) {
		/* "<outlet> | Name <date> <headline>": the meta row, then the headline again. */
		l->len = t;
		if (read_without(rs, w, i, k, classify2, 0) && (l->kind == K_LABELLED || (l->kind == K_DATE && l->cl > 0))) {
			taken_off(w, i, "a line above printed again after it taken off", off + t, len - t);
			return;
		}
		unread(l, off, len);
		classify2(rs, w, i);
	}
	if (l->kind == K_PARA && (t = bar_chrome(rs, line_text(w, i), len)) < len) {
		/*
		 * "<credit> | <date> | Comments Off on <headline>": chrome after
		 * the meta row's last bar, long enough to make it a paragraph.
		 */
		l->len = t;
		l->kind = K_OTHER;
		l->why = NULL;
		classify2(rs, w, i);
		if (header_kind(l->kind)) {
			taken_off(w, i, "page chrome after the last bar taken off", off + t, len - t);
			return;
		}
		unread(l, off, len);
		classify2(rs, w, i);
	}
	if ((t = slash_counter(line_text(w, i), len)) > 0) {
		/* The credit is the byline when a pattern reads it; a login is no one's. */
		l->len = t;
		l->kind = K_OTHER;
		l->why = NULL;
		classify2(rs, w, i);
		if (l->kind == K_BYLINE) {
			taken_off(w, i, "a counter after a slash taken off", off + t, len - t);
			return;
		}
		unread(l, off, len);
		l->kind = K_CHROME;
		l->why = "a meta row's account and a counter after a slash";
		return;
	}
	if (k == 0)
		return;
	/* Only before a labelled date: before a date alone, the words may be the writer's name. */
	if (read_without(rs, w, i, k, classify2, 0) && l->kind == K_LABELLED) {
		taken_off(w, i, "the site's name and a bar before a header line taken off", off, k);
		return;
	}
	unread(l, off, len);
	classify2(rs, w, i);
}

/* A byline pattern reads S[0, N): line L is a byline, WHY said of it, and 1; or 0. */
static int
read_byline(const struct hzoneset *rs, struct rline *l, const char *s, size_t n, const char *why)
{
	size_t vo, vl;

	if (line_first_value(&rs->byline, s, n, &vo, &vl) == rs->byline.n)
		return 0;
	l->kind = K_BYLINE;
	l->vo = l->off + vo;
	l->vl = vl;
	l->why = why;
	l->pattern = 1;
	return 1;
}

/*
 * The writer's slot of a theme's meta row, a view counter after it and a
 * slash (chrome_tail took it off at K): "<writer> / ২৩০ Time View", the
 * slot printed with whatever credit the story has ("<place> থেকে Name").
 * Two to six words with a Bengali letter and no digit or colon; an empty
 * slot ("- / ১০ Time View") is chrome.
 */
static int
slot_byline(struct rline *l, const char *s, size_t n, size_t k)
{
	size_t a = k, nw;

	while (a < n && s[a] == ' ')
		a++;
	if (a >= n || s[a] != '/' || memchr(s, ':', k) != NULL || line_has_digit(s, k) || !line_letter_in(s, k, 0) ||
	    (nw = line_words(s, k)) < 2 || nw > 6)
		return 0;
	l->kind = K_BYLINE;
	l->vo = l->off;
	l->vl = k;
	l->why = "the writer's slot before a view counter after a slash";
	return 1;
}

/*
 * Is S[0, N), NW words closed by a colon or the visarga glued to its
 * last word, a headline and no label: six words or more, no other mark
 * in it, no post word before the mark ("<place>ের <river> ভাঙন কবলে
 * <people>র দুর্ভোগে বসতভিটাঃ", bhorerpatrika, eval s6)?  Labels and
 * credits closed so are short ("বিস্তারিত দেখুনঃ", "<place> প্রতিনিধিঃ").
 */
static int
headline_visarga(const struct hzoneset *rs, const char *s, size_t n, size_t nw)
{
	size_t m = n - (line_ends_with(s, n, ":") ? 1 : 3);
	const char *last;

	if (nw < 6 || m == 0 || s[m - 1] == ' ' || memchr(s, ':', m) || memmem(s, m, "ঃ", 3) || memmem(s, m, "।", 3))
		return 0;
	for (last = s + m; last > s && last[-1] != ' '; last--)
		;
	return !line_post_alone(rs, last, (size_t)(s + m - last)) && !line_matches(&rs->byline, s, n);
}

/*
 * Does S[0, N) end with a bar set off by a space after its last word, and
 * hold a sentence closed by a bar: the ASCII bar typed for the dari, as a
 * West Bengal outlet prints its story ("<sentence> | <sentence> |",
 * tvbangla.in, eval t6)?  A sentence so closed ends in a finite verb
 * (sentence_end, asked with the dari in the bar's place); a meta row or a
 * ticker cut by bars ends in no verb, or not in a bar.
 */
static int
bar_sentences(const struct hzoneset *rs, const char *s, size_t n)
{
	char buf[1024];
	size_t a, e;

	if (n < 3 || n > sizeof(buf) - 3 || !line_ends_with(s, n, " |"))
		return 0;
	for (a = 0; a < n; a = e + 2) {
		const char *p = memmem(s + a, n - a, " |", 2);

		if (p == NULL)
			break;
		e = (size_t)(p - s);
		memcpy(buf, s + a, e - a);
		memcpy(buf + (e - a), "\xe0\xa5\xa4", 3);	/* "।" */
		if (e > a && line_matches(&rs->sentence_end, buf, e - a + 3))
			return 1;
		while (e + 2 < n && s[e + 2] == ' ')
			e++;
	}
	return 0;
}

/*
 * What line I is.  A bulleted line ("• Update Time : ...", "- তারিখঃ
 * ...", "- Reported by:X") is read without its bullet when it is a header
 * line then; otherwise it stays as printed.
 */
static void
classify2(const struct hzoneset *rs, struct hzonework *w, size_t i)
{
	size_t k = (size_t)line_is_item(line_text(w, i), w->l[i].len);

	if (k > 0) {
		while (k < w->l[i].len && line_text(w, i)[k] == ' ')
			k++;
		if (read_without(rs, w, i, k, classify1, 0))
			return;
	}
	classify1(rs, w, i);
}

/*
 * A credit whose label a theme printed as an icon, lost with it: a bare
 * colon or visarga opening the line, then one to four words of Bengali
 * letters (": <outlet> সময়" under the headline, chalonbilersomoy, eval
 * t26).  No headline or story line opens with a colon.  Where the words
 * start, or 0.  (In C, not a pattern: one with no literal to look for
 * first costs a run on every line of every zone.)
 */
static size_t
colon_opened(const char *s, size_t n)
{
	size_t a;

	if (n > 0 && s[0] == ':')
		a = 1;
	else if (n >= 3 && memcmp(s, "ঃ", 3) == 0)
		a = 3;
	else
		return 0;
	while (a < n && s[a] == ' ')
		a++;
	return a < n && line_words(s + a, n - a) <= 4 && line_bengali_name(s + a, n - a) ? a : 0;
}

static void
classify1(const struct hzoneset *rs, struct hzonework *w, size_t i)
{
	struct rline *l = &w->l[i];
	const char *s = line_text(w, i);
	size_t n = l->len, nw, vo, vl, k;
	struct date_result r;

	/* As printed: a name prefix is masked in its first copy only ("মো: Nameমো: Name"). */
	l->half = undouble(w->masked ? w->orig.s + l->off : s, n);
	l->pattern = 0;
	l->tail = 0;
	l->cl = 0;
	if (n == 0) {
		l->kind = K_BLANK;
		return;
	}
	nw = line_words(s, n);
	if (line_matches(&rs->chrome, s, n) && !(line_has_digit(s, n) && !line_has_letter(s, n) && line_is_date(rs, s, n, &r))) {
		l->kind = K_CHROME;
		l->why = "a chrome pattern";
	} else if (rs->edition && rx_exec(rs->edition, s, n, 0, 0) == RX_MATCH) {
		l->kind = K_EDITION;
	} else if (labelled(rs, s, n)) {
		if (prose_in(rs, s, n)) {
			l->kind = K_PARA;
			l->tail = 1;
			l->why = "prose with a labelled date after it (a page flattened onto one line)";
		} else
			l->kind = K_LABELLED;
	} else if (nw <= 12) {
		/* Perhaps with a view counter after it ("নিজস্ব প্রতিবেদক / ৫১২ বার পড়া হয়েছে"). */
		if (read_byline(rs, l, s, l->half, "a byline pattern") ||
		    ((k = chrome_tail(rs, s, l->half)) < l->half &&
		    (read_byline(rs, l, s, k, "a byline pattern, page chrome after it") || slot_byline(l, s, l->half, k))))
			return;
		if (line_misspelt_credit(rs, s, l->half, &vo, &vl)) {
			l->kind = K_BYLINE;
			l->vo = l->off + vo;
			l->vl = vl;
			l->why = "a post word misspelt by one slip closing a short credit (post_words)";
			l->pattern = 1;
			return;
		}
		if ((k = colon_opened(s, l->half)) > 0) {
			l->kind = K_BYLINE;
			l->vo = l->off + k;
			l->vl = l->half - k;
			l->why = "a credit after a bare colon, its label lost with its icon";
			l->pattern = 1;
			return;
		}
	}
	if (l->kind != K_OTHER)
		return;
	if (line_unclock(rs, s, n, &w->val) && line_is_date(rs, w->val.s, w->val.len, &r)) {
		l->kind = K_CLOCK;
		l->why = "a page-clock place or label, and a date";
	} else if (line_is_date(rs, s, n, &r)) {
		l->kind = K_DATE;
		l->has_time = r.has_time;
	} else if ((k = chrome_tail(rs, s, n)) < n && line_is_date(rs, s, k, &r)) {
		l->len = k;
		l->kind = K_DATE;
		l->has_time = r.has_time;
		l->why = "a date, with page chrome after its last comma, bar or spaced dari";
	} else if (k < n && (vo = section_date(rs, s, k, &r)) > 0) {
		l->off += vo;
		l->len = k - vo;
		l->kind = K_DATE;
		l->has_time = r.has_time;
		l->why = "a section or place, a date, and page chrome after it (a post's meta row)";
	} else if (line_calendars(rs, s, n)) {
		l->kind = K_CLOCK;
		l->why = "dates in more than one calendar";
	} else if (line_matches(&rs->keep, s, n) && !(nw >= 2 * rs->para_words && line_inner_sentence(s, n))) {
		/* A photo credit closing a paragraph of sentences does not make it a caption. */
		l->kind = K_KEEP;
	} else if (nw >= rs->para_words && (memchr(s, ',', n) || memmem(s, n, "।", 3) || line_sentence_end(s, n))) {
		l->kind = K_PARA;
	} else if (nw >= rs->para_words && bar_sentences(rs, s, n)) {
		l->kind = K_PARA;
		l->why = "sentences closed by bars, the bar typed for the dari";
	} else if (nw >= 5 && line_sentence_end(s, n) && !line_trails_off(s, n)) {
		l->kind = K_PARA;
	} else if (nw >= rs->para_words && line_ends_with(s, n, "!") && line_matches(&rs->sentence_end, s, n)) {
		/*
		 * A long line closed by an exclamation mark right after its
		 * finite verb ("... পুড়ে ছাই হয়ে গেছে!", balaganjprotidin, eval
		 * s38): the story's first sentence, under its headline.
		 */
		l->kind = K_PARA;
		l->why = "a long sentence closed by an exclamation mark after its finite verb";
	} else if (nw >= 10 && line_ends_with(s, n, ",")) {
		l->kind = K_PARA;
		l->why = "a long line left open by a comma (a paragraph's first line)";
	} else if (nw >= 8 && line_inner_sentence(s, n)) {
		l->kind = K_PARA;
		l->why = "a sentence ending inside it (a paragraph cut at a fixed width)";
	} else if (nw >= 2 * rs->para_words) {
		l->kind = K_PARA;
		l->why = "twice paragraph_words words or more, marks or none (a paragraph its commas and daris were lost from)";
	} else if (line_is_item(s, n)) {
		l->why = "a list item";
	} else if (line_value_of(rs->published, s, n, &vo, &vl) || line_value_of(rs->updated, s, n, &vo, &vl) ||
	    ((line_ends_with(s, n, ":") || line_ends_with(s, n, "ঃ")) && !headline_visarga(rs, s, n, nw))) {
		l->why = "a label, or a date label with no date it can read";
	} else if (nw >= rs->title_words && text_chars(s, n) >= 8 && text_chars(s, n) <= 200 &&
	    /*
	     * A line left open by a slash is a credit ("<outlet> প্রতিবেদক/"),
	     * one opened by a bar the rest of a meta row whose first box was
	     * empty ("| Edited By: <name>"): never a headline.
	     */
	    !line_ends_with(s, n, "।") && !line_ends_with(s, n, "/") && s[0] != '|' && (!memmem(s, n, " | ", 3) || (line_suffixed(s, n) < n &&
	    line_words(s, line_suffixed(s, n)) >= rs->title_words + 2))) {
		l->kind = K_TITLELIKE;
		/*
		 * A long line a dateline with a post opens ("Name <place>
		 * প্রতিনিধি: <story>") is the first paragraph cut at a fixed
		 * width, mid-sentence, no headline.  Asked of long lines alone:
		 * the patterns are many, or of lines of eight words or more
		 * that a post alone opens ("স্টাফ রিপোর্টার: <story>", abhijug,
		 * eval s63), or a desk ("অনলাইন ডেস্ক ॥ <story>").  (A label
		 * with no post, "<outlet> : <question>", may open an interview's
		 * headline.)
		 */
		if (nw >= 8 && (nw >= 18 || credit_in(rs, s, n)) && (k = line_dateline_reach(rs, s, n)) > 0 &&
		    credit_in(rs, s, k) && (nw >= 18 || line_words(s, k) <= 3)) {
			l->kind = K_PARA;
			l->why = "a dateline opening a long line (a paragraph cut at a fixed width)";
		}
	}
	if ((l->kind == K_OTHER || l->kind == K_TITLELIKE) && nw <= 20 && memmem(s, n, "।", 3) == NULL &&
	    date_among(rs, s, n, &vo, &vl)) {
		/*
		 * The credit before it is a writer's name, perhaps with the place
		 * after a comma, the test line_name_date makes of a first segment
		 * ("Name Name, <place> বুধবার রাত ১০:৫৭, ..."): the byline.  A
		 * name in Latin letters counts only on a line that starts with
		 * it ("Name Name 22 Nov 2022 10:56 AM IST").
		 */
		for (k = vo; k > 0 && (s[k - 1] == ' ' || s[k - 1] == ',' || s[k - 1] == '|'); k--)
			;
		k = section_after_credit(rs, s, k);
		if (k > 0 && date_credit(rs, s, k, vo) && !line_weekday_word(s, k) && !line_matches(&rs->chrome, s, k)) {
			l->co = l->off;
			l->cl = k;
		}
		l->off += vo;
		l->len = vl - vo;
		l->kind = K_DATE;
		l->has_time = 1;
		l->why = l->cl == 0 && vo == k + 1 && line_words(s, k) == 1 && line_letter_in(s, k, 0) && !line_has_digit(s, k) &&
		    !line_weekday_word(s, n) && vl == n ? line_section_date_why :
		    "a date and time with a few other words around it (a credit, a counter)";
	}
}

/*
 * A post's meta row: one Bengali word, the section, then the date and
 * time and nothing after, no weekday in it ("জাতীয় ৯ এপ্রিল, ২০২৪ ০৯:২৬",
 * amaderkagoj, eval s23).  A page clock opens with its town and names
 * the day ("রাজশাহী ১১:৪০ পূর্বাহ্ন, বৃহস্পতিবার, <date>"); mark_block
 * takes this row for the story's.
 */
const char line_section_date_why[] = "a section's name, then a date and time (a post's meta row)";

/* A date line that also prints a Bangla or Hijri date is the page clock. */
void
line_check_clock(const struct hzoneset *rs, struct hzonework *w, size_t i)
{
	struct date_result r;

	if (w->l[i].kind != K_DATE)
		return;
	if (line_calendars(rs, line_text(w, i), w->l[i].len)) {
		w->l[i].kind = K_CLOCK;
		w->l[i].why = "it prints a second calendar";
	} else if (line_calendar_of(rs, line_text(w, i), w->l[i].len, &r) != CAL_GREG) {
		/* No story is dated in the Bangla or Hijri calendar alone: a page clock. */
		w->l[i].kind = K_CLOCK;
		w->l[i].why = "a date in the Bangla or Hijri calendar";
	}
}
