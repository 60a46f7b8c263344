/*
 * hzoneline.c: what one line of a page's header zone is (a date, a
 * labelled date, a byline, the page clock, chrome, a paragraph...), for
 * the header-zone reader in hzone.c (see hzone.h and khobor-rules(5),
 * READER).
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "hzonerule.h"
#include "hzonework.h"
#include "rx.h"
#include "spell.h"
#include "text.h"
#include "util.h"

const char *
line_text(const struct hzonework *w, size_t i)
{
	return w->text.s + w->l[i].off;
}

/* Does any pattern of P match S? */
int
line_matches(const struct pats *p, const char *s, size_t n)
{
	size_t i;
	int hit = 0;

	/* Nothing writes S while its patterns run: held, it is read once. */
	rx_hold(s, n);
	for (i = 0; i < p->n && !hit; i++)
		hit = rx_exec(p->re[i], s, n, 0, 0) == RX_MATCH;
	rx_release();
	return hit;
}

/* Match RE on S; the "value" group (or the whole match) in *vo, *vl. */
int
line_value_of(struct rx *re, const char *s, size_t n, size_t *vo, size_t *vl)
{
	size_t so, eo;
	int g;

	if (re == NULL || rx_exec(re, s, n, 0, 0) != RX_MATCH)
		return 0;
	g = rx_named(re, "value");
	if (g < 0 || !rx_group(re, g, &so, &eo))
		rx_group(re, 0, &so, &eo);
	while (so < eo && (s[so] == ' ' || s[so] == '\t'))
		so++;
	while (eo > so && (s[eo - 1] == ' ' || s[eo - 1] == '\t'))
		eo--;
	*vo = so;
	*vl = eo - so;
	return eo > so;
}

size_t
line_first_value(const struct pats *p, const char *s, size_t n, size_t *vo, size_t *vl)
{
	size_t k;

	/* As in line_matches: S is read once for all the patterns. */
	rx_hold(s, n);
	for (k = 0; k < p->n && !line_value_of(p->re[k], s, n, vo, vl); k++)
		;
	rx_release();
	return k;
}

size_t
line_words(const char *s, size_t n)
{
	size_t i, k = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		int sp = s[i] == ' ' || s[i] == '\t';

		if (!sp && !in)
			k++;
		in = !sp;
	}
	return k;
}

/* Does S hold a Bengali letter (or, with LATIN, a Latin one)? */
int
line_letter_in(const char *s, size_t n, int latin)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (latin && (c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			return 1;
		/* Bengali letters: U+0985..U+09B9 and U+09DC..U+09DF (E0 A6 85 .. E0 A7 9F) */
		if (c == 0xE0 && i + 2 < n && ((unsigned char)s[i + 1] == 0xA6 ||
		    ((unsigned char)s[i + 1] == 0xA7 && (unsigned char)s[i + 2] >= 0x9C && (unsigned char)s[i + 2] <= 0x9F)))
			return 1;
	}
	return 0;
}

/* Does S hold a letter of any script (not only digits and signs)? */
int
line_has_letter(const char *s, size_t n)
{
	return line_letter_in(s, n, 1);
}

/* Does a digit (ASCII or Bengali) begin at S? */
int
line_digit_at(const char *s, size_t n)
{
	if (n > 0 && s[0] >= '0' && s[0] <= '9')
		return 1;
	/* Bengali digits: U+09E6..U+09EF, E0 A7 A6..AF */
	return n >= 3 && (unsigned char)s[0] == 0xE0 && (unsigned char)s[1] == 0xA7 &&
	    (unsigned char)s[2] >= 0xA6 && (unsigned char)s[2] <= 0xAF;
}

int
line_has_digit(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (line_digit_at(s + i, n - i))
			return 1;
	return 0;
}

int
line_ends_with(const char *s, size_t n, const char *end)
{
	size_t k = strlen(end);

	return n >= k && memcmp(s + n - k, end, k) == 0;
}

/* Ends a sentence as a paragraph does: the dari (।) or a full stop. */
int
line_sentence_end(const char *s, size_t n)
{
	for (;;)
		if (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')'))
			n--;
		else if (line_ends_with(s, n, "’") || line_ends_with(s, n, "”"))
			n -= 3;
		else
			break;
	/* U+09F7 (৷), the currency sign some keyboards give for the dari, ends one too. */
	return line_ends_with(s, n, "।") || line_ends_with(s, n, "৷") || line_ends_with(s, n, ".");
}

/*
 * Trails off in an ellipsis ("..", "...", "…"): a teaser headline
 * ("<headline>, অতঃপর..."), which a short line ending so is rather than the
 * end of a paragraph's sentence.
 */
int
line_trails_off(const char *s, size_t n)
{
	return line_ends_with(s, n, "..") || line_ends_with(s, n, "…");
}

/* Is the UTF-8 character at P a Bengali letter or sign (no digit)? */
static int
bn_letter(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;

	if (u[0] != 0xE0 || (u[1] != 0xA6 && u[1] != 0xA7))
		return 0;
	return !(u[1] == 0xA7 && u[2] >= 0xA6 && u[2] <= 0xAF);
}

/*
 * A sentence ending inside the line: a dari glued to a word's last
 * letter (not to a number: a clock's "১৪২৭। ২৬ নভেম্বর"; not doubled: a
 * headline's "।।"), then a space and at least two more words ("... চাষীরা। পার্বত্য চট্টগ্রামে
 * ..."), prose cut at a fixed width, never a headline.
 */
int
line_inner_sentence(const char *s, size_t n)
{
	const char *p = s, *e = s + n;

	while ((p = memmem(p, (size_t)(e - p), "।", 3)) != NULL) {
		if (p - s >= 3 && bn_letter(p - 3) && e - p >= 7 && p[3] == ' ' && bn_letter(p + 4) &&
		    line_words(p + 3, (size_t)(e - p - 3)) >= 2)
			return 1;
		p += 3;
	}
	return 0;
}

/* Is the line readable as a date (whatever is wrong with it)? */
int
line_is_date(const struct hzoneset *rs, const char *s, size_t n, struct date_result *r)
{
	if (n == 0 || n > 160 || !line_has_digit(s, n))
		return 0;
	return date_parse(rs->ds, s, n, rs->tz, r) != DATE_UNREADABLE;
}

/* Does S begin with a year, four digits ("১৪৩২ বঙ্গাব্দ", "2025")? */
int
line_starts_year(const char *s, size_t n)
{
	size_t i = 0, k;

	for (k = 0; k < 4; k++) {
		if (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		else if (i + 2 < n && (unsigned char)s[i] == 0xE0 && (unsigned char)s[i + 1] == 0xA7 &&
		    (unsigned char)s[i + 2] >= 0xA6 && (unsigned char)s[i + 2] <= 0xAF)
			i += 3;
		else
			return 0;
	}
	return i == n || s[i] == ' ';
}

/* A list item ("• ...", "- ..."): a highlight or a menu entry, never a headline; the mark's length. */
int
line_is_item(const char *s, size_t n)
{
	static const char *const marks[] = { "•", "●", "◆", "■", "▪", "►", "- ", "* ", "– ", NULL };
	size_t k;

	for (k = 0; marks[k]; k++)
		if (n > strlen(marks[k]) && memcmp(s, marks[k], strlen(marks[k])) == 0)
			return (int)strlen(marks[k]);
	return 0;
}

/*
 * A headline with the outlet's name after a bar ("<headline> | আমার
 * দেশ", an aggregator's copy): the length of the headline, or N when the
 * line has no such suffix (one bar, then three words at most, no digit).
 */
size_t
line_suffixed(const char *s, size_t n)
{
	const char *bar = memmem(s, n, " | ", 3);
	size_t h, k;

	if (bar == NULL || memmem(bar + 3, n - (size_t)(bar + 3 - s), " | ", 3) != NULL)
		return n;
	h = (size_t)(bar - s);
	k = h + 3;
	if (h == 0 || k >= n || line_words(s + k, n - k) > 3 || line_has_digit(s + k, n - k) || memchr(s + k, '|', n - k))
		return n;
	return h;
}

/*
 * A Bengali headline with the site's name in Latin letters after a dash
 * ("<headline> - Filmy Network", the page's <title>), or after a hyphen
 * glued to its last word ("<headline>-Sabuj Tripura", "<headline>-71News24"):
 * the length of the headline, or N.  The name is three words at most,
 * letters, digits and dots only, a letter among them.
 */
size_t
line_latin_suffixed(const char *s, size_t n)
{
	const char *dash = NULL, *d;
	size_t k, h, i;
	int letter = 0;

	for (d = s; (d = memmem(d, n - (size_t)(d - s), " - ", 3)) != NULL; d += 3)
		dash = d;
	if (dash != NULL) {
		h = (size_t)(dash - s);
		k = h + 3;
	} else {
		for (h = n; h > 1 && !(s[h - 1] == '-' && (unsigned char)s[h - 2] >= 0x80); h--)
			;
		if (h <= 1 || h >= n || !((((unsigned char)s[h] | 0x20) >= 'a' && ((unsigned char)s[h] | 0x20) <= 'z') ||
		    (s[h] >= '0' && s[h] <= '9')))
			return n;
		k = h--;
	}
	if (k >= n || line_words(s + k, n - k) > 3)
		return n;
	for (i = k; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			letter = 1;
		else if (!(c == ' ' || c == '.' || (c >= '0' && c <= '9')))
			return n;
	}
	for (i = 0; i < h && (unsigned char)s[i] < 0x80; i++)
		;
	return letter && i < h ? h : n;
}

/* A line printed twice with nothing between ("অনলাইন ডেস্কঅনলাইন ডেস্ক"). */
static size_t
undouble(const char *s, size_t n)
{
	return n >= 4 && n % 2 == 0 && memcmp(s, s + n / 2, n / 2) == 0 ? n / 2 : n;
}

/*
 * The length of the double dari at S, as a bar between a meta row's boxes
 * ("প্রকাশিত : <date>।। প্রিন্ট এর তারিখঃ <date>"): "।।" or "॥", or 0.
 */
static size_t
double_dari(const char *s, size_t n)
{
	/* "।" is E0 A5 A4, "॥" E0 A5 A5: the lead bytes first, asked of every byte. */
	if (n < 3 || s[0] != '\xE0' || s[1] != '\xA5')
		return 0;
	if (s[2] == '\xA5')
		return 3;
	return s[2] == '\xA4' && n >= 6 && memcmp(s + 3, "।", 3) == 0 ? 6 : 0;
}

/*
 * The next segment of S from *I: cut at '|', at ';' ("<outlet> ;
 * প্রকাশিত: ...;"), at a double dari, at a dari set off by spaces and at
 * runs of two spaces or more, trimmed.
 */
int
line_segment(const char *s, size_t n, size_t *i, size_t *a, size_t *e)
{
	size_t j = *i, d;

	for (;;) {
		if (j < n && (s[j] == ' ' || s[j] == '|' || s[j] == ';'))
			j++;
		else if (j < n && (d = double_dari(s + j, n - j)) > 0)
			j += d;
		else if (j + 3 < n && j > 0 && s[j - 1] == ' ' && memcmp(s + j, "।", 3) == 0 && s[j + 3] == ' ')
			j += 3;
		else
			break;
	}
	if (j >= n)
		return 0;
	*a = j;
	for (; j < n; j++) {
		if (s[j] == '|' || s[j] == ';')
			break;
		/* Spaces after a label's colon are no box's edge ("প্রকাশ :  <date>"). */
		if (s[j] == ' ' && j + 1 < n && s[j + 1] == ' ' && !(j > *a && s[j - 1] == ':') &&
		    !(j >= *a + 3 && memcmp(s + j - 3, "ঃ", 3) == 0))
			break;
		if (s[j] == '\xE0' && j + 2 < n && s[j + 1] == '\xA5' && double_dari(s + j, n - j) > 0)
			break;
		/* A dari set off by spaces is a box's edge ("<date> । আপডেটঃ <date>"), as chrome_tail reads it. */
		if (s[j] == ' ' && j > *a && j + 4 < n && memcmp(s + j + 1, "।", 3) == 0 && s[j + 4] == ' ')
			break;
	}
	*e = j;
	while (*e > *a && s[*e - 1] == ' ')
		(*e)--;
	*i = j;
	return 1;
}

/*
 * Does a part of day stand at S + I, after spaces (before S + N)?  Left
 * out of a date, it would leave its time read in the morning ("০৪:০৮
 * দুপুর", past the hours the date rules give দুপুর, is no 04:08).
 */
static int
daypart_at(const struct hzoneset *rs, const char *s, size_t i, size_t n)
{
	while (i < n && s[i] == ' ')
		i++;
	return i < n && date_starts_daypart(rs->ds, s + i, n - i);
}

/*
 * Is a digit glued to a Bengali letter inside the word S[0, N) ("২০১৯মালয়েশিয়ায়")?
 */
static int
line_glued_digit(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		size_t d = s[i] & 0x80 ? 3 : 1;

		if (line_digit_at(s + i, n - i) && i + d + 3 <= n && bn_letter(s + i + d))
			return 1;
	}
	return 0;
}

/*
 * Is the labelled value at S + *VO a date?  A few words after it may be an
 * empty label ("প্রকাশ: ০০:০০, শনিবার, ২৮ মে, ২০২২ আপডেট:"), a view
 * counter or an age ("৮ ঘন্টা আগে", "পোষ্ট করা হয়েছে 5 years আগে"): they go.
 * More words after it are the headline the theme prints again after the
 * meta row ("প্রকাশিত: নভেম্বর ৮, ২০২৫, ০৭:৪৬ পিএম <headline>"): then the
 * date is the longest run of its first ten words that reads whole, with
 * its year.
 */
int
line_date_value(const struct hzoneset *rs, const char *s, size_t vo, size_t *vl)
{
	struct date_result r;
	size_t n = *vl, b, best = 0;
	int drop, timed = 0;

	for (drop = 0; drop <= 6; drop++) {
		if (line_is_date(rs, s + vo, n, &r)) {
			if (n < *vl && r.has_time && daypart_at(rs, s + vo, n, *vl))
				return 0;
			*vl = n;
			return 1;
		}
		while (n > 0 && s[vo + n - 1] != ' ')
			n--;
		while (n > 0 && s[vo + n - 1] == ' ')
			n--;
	}
	if (n == 0)
		return 0;
	for (b = 0, drop = 0; b < *vl && drop < 10; drop++) {
		size_t w, c;

		while (b < *vl && s[vo + b] == ' ')
			b++;
		w = b;
		while (b < *vl && s[vo + b] != ' ')
			b++;
		if (line_is_date(rs, s + vo, b, &r) && r.status == DATE_OK) {
			best = b;
			timed = r.has_time;
			continue;
		}
		/*
		 * Right after the date read so far, a word glued to the next
		 * ("১১:০২ অপরাহ্ণআন্তর্জাতিক ডেস্ক: ..."): its longest start that
		 * the date reads with, the part of day most often, not left
		 * out (the time would be read in the morning).
		 */
		/* Or, no date read yet, a year glued to the story ("০৬ নভেম্বর ২০১৯<paragraph>"). */
		if (best == 0 ? !(w > 0 && b > w && line_glued_digit(s + vo + w, b - w)) : best + 1 != w)
			continue;
		for (c = b - 1; c > w; c--)
			if ((s[vo + c] & 0xC0) != 0x80 && line_is_date(rs, s + vo, c, &r) && r.status == DATE_OK) {
				best = c;
				timed = r.has_time;
				break;
			}
		if (c == w && timed && daypart_at(rs, s + vo, w, *vl))
			return 0;
	}
	if (best == 0)
		return 0;
	*vl = best;
	return 1;
}

enum seg
line_what_segment(const struct hzoneset *rs, const char *s, size_t n, size_t *vo, size_t *vl)
{
	struct date_result r;

	if (line_value_of(rs->published, s, n, vo, vl) && line_date_value(rs, s, *vo, vl))
		return S_PUBLISHED;
	if (line_value_of(rs->updated, s, n, vo, vl) && line_date_value(rs, s, *vo, vl))
		return S_UPDATED;
	if (rs->edition && rx_exec(rs->edition, s, n, 0, 0) == RX_MATCH)
		return S_EDITION;
	*vo = 0;
	*vl = n;
	if (line_is_date(rs, s, n, &r))
		return S_DATE;
	if (line_first_value(&rs->byline, s, n, vo, vl) < rs->byline.n)
		return S_BYLINE;
	*vo = 0;
	*vl = n;
	return S_NONE;
}

/* S is a run of words printed twice, one space between ("X Y X Y"): the length of one, or 0. */
size_t
line_twice(const char *s, size_t n)
{
	size_t h = (n - 1) / 2;

	return n >= 3 && n % 2 == 1 && s[h] == ' ' && memcmp(s, s + h + 1, h) == 0 ? h : 0;
}

/*
 * A writer's name as a segment beside a date: four words at most (in
 * Bengali letters, of three bytes each, up to 96 bytes), no digit.
 */
int
line_name_segment(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 96 || line_words(s, n) > 4 || line_has_digit(s, n))
		return 0;
	/* A label with its visarga for a colon and no value ("প্রিন্ট এর তারিখঃ"); "মোঃ" opens a name. */
	if (line_ends_with(s, n, "ঃ"))
		return 0;
	for (i = 0; i < n; i++)
		if (strchr(":|,;()[]", s[i]))
			return 0;
	return 1;
}

/*
 * A line that ends in the edition ("... প্রিন্ট সংস্করণ"), a word or
 * three after a space: the length before it, or N.
 */
static size_t
edition_tail(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t c = n, k;

	if (rs->edition == NULL)
		return n;
	for (k = 0; k < 3; k++) {
		while (c > 0 && s[c - 1] != ' ')
			c--;
		if (c == 0)
			return n;
		if (rx_exec(rs->edition, s + c, n - c, 0, 0) == RX_MATCH) {
			while (c > 0 && s[c - 1] == ' ')
				c--;
			return c;
		}
		while (c > 0 && s[c - 1] == ' ')
			c--;
	}
	return n;
}

/*
 * The byline before a date label that runs on into the date ("<outlet>
 * ডেস্ক, Published on: 20th Oct. 2025"): the length of S up to the label
 * among its first M bytes, the space and comma before it taken off; M
 * when no word there opens a label.
 */
size_t
line_before_label(const struct hzoneset *rs, const char *s, size_t m, size_t n)
{
	size_t k, c, vo, vl;

	for (k = 1; k < m; k++) {
		if (s[k - 1] != ' ' || s[k] == ' ')
			continue;
		if (line_value_of(rs->published, s + k, n - k, &vo, &vl) || line_value_of(rs->updated, s + k, n - k, &vo, &vl)) {
			for (c = k; c > 0 && (s[c - 1] == ' ' || s[c - 1] == ','); c--)
				;
			return c;
		}
	}
	return m;
}

/*
 * Where a byline runs into a date with one space between ("নিজস্ব
 * প্রতিবেদক ১২ মার্চ ২০২৪, ১০:৩০"), or with its colon and a dash glued
 * ("<place> সংবাদদাতাঃ-২৪ এপ্রিল ২০১৬"), perhaps the edition after it:
 * the offset of the date, or 0; the end of the date in *END.
 */
size_t
line_byline_then_date(const struct hzoneset *rs, const char *s, size_t n, size_t *end)
{
	size_t d, vo, vl, back;
	struct date_result r;

	n = *end = edition_tail(rs, s, n);

	/*
	 * The first digit itself: a digit within the next three bytes would
	 * stop two bytes early on an ASCII one, inside the letter before it.
	 */
	for (d = 0; d < n && !line_digit_at(s + d, n - d); d++)
		;
	if (d == 0 || d >= n || (s[d - 1] != ' ' && !(s[d - 1] == '-' && d > 4 &&
	    (s[d - 2] == ':' || memcmp(s + d - 4, "ঃ", 3) == 0))))
		return 0;
	/*
	 * The date may begin a word or two earlier, with its weekday or its
	 * month ("Name,স্টাফ রিপোর্টারঃ শনিবার, ২৯ জুলাই ২০২৩", "নিজস্ব
	 * প্রতিবেদক জুন ২১, ২০২৩, ১২:৩৬ পিএম").
	 */
	for (back = 0; back <= 2 && d > 1; back++) {
		if (line_is_date(rs, s + d, n - d, &r) &&
		    line_first_value(&rs->byline, s, line_before_label(rs, s, d - 1, n), &vo, &vl) < rs->byline.n)
			return d;
		d--;
		while (d > 0 && s[d - 1] == ' ')
			d--;
		while (d > 0 && s[d - 1] != ' ')
			d--;
		if (d == 0)
			return 0;
	}
	return 0;
}

/* The label before a value at VO ends in a colon (a glued label needs one). */
static int
glued_label_colon(const char *s, size_t vo)
{
	while (vo > 0 && s[vo - 1] == ' ')
		vo--;
	return (vo >= 1 && s[vo - 1] == ':') || (vo >= 3 && memcmp(s + vo - 3, "ঃ", 3) == 0);
}

/*
 * A labelled date after a short credit that is no byline ("Admin
 * প্রকাশের সময় : ...", "বার্তা সম্পাদক প্রকাশিত: ..."): the posting
 * account, not the writer.  The offset of the label, or 0.  No word of
 * the credit is a number (a date's day); a name may end in one
 * ("<name>২৪").  The label may be glued to the word before it, the
 * spans of a meta row run together ("বিভাগ: <section>রিপোর্টার:
 * <name>প্রকাশিত: ১৫/৬/২০২৩"): a colon after it then, and a whole date.
 */
size_t
line_label_after(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t k, nw = 0, vo, vl;
	int colon;

	if (line_digit_at(s, n))
		return 0;
	colon = memchr(s, ':', n) != NULL || memmem(s, n, "ঃ", 3) != NULL;
	for (k = 1; k < n && nw < 3; k++) {
		if (s[k] == ' ' || ((unsigned char)s[k] & 0xC0) == 0x80)
			continue;
		if (s[k - 1] != ' ') {
			/* Glued on: a Bengali letter or a capital opening the label. */
			const char *sp;
			size_t wl;

			if (!colon || !((unsigned char)s[k] == 0xE0 || (s[k] >= 'A' && s[k] <= 'Z')))
				continue;
			/* The label's colon closes the word it is glued into. */
			sp = memchr(s + k, ' ', n - k);
			wl = sp != NULL ? (size_t)(sp - (s + k)) : n - k;
			if (memchr(s + k, ':', wl) == NULL && memmem(s + k, wl, "ঃ", 3) == NULL)
				continue;
			if ((line_value_of(rs->published, s + k, n - k, &vo, &vl) ||
			    line_value_of(rs->updated, s + k, n - k, &vo, &vl)) && line_date_value(rs, s + k, vo, &vl) &&
			    glued_label_colon(s + k, vo))
				return k;
			continue;
		}
		nw++;
		if (line_digit_at(s + k, n - k))
			return 0;
		if ((line_value_of(rs->published, s + k, n - k, &vo, &vl) ||
		    line_value_of(rs->updated, s + k, n - k, &vo, &vl)) && line_date_value(rs, s + k, vo, &vl))
			return k;
	}
	return 0;
}

/* Is S[0, N) one of the NW words of WORDS (a list of the rules)? */
static int
word_in(const char **words, size_t nw, const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < nw; k++)
		if (strlen(words[k]) == n && memcmp(s, words[k], n) == 0)
			return 1;
	return 0;
}

/* Is S[0, N) one of name_prefixes? */
static int
name_prefix(const struct hzoneset *rs, const char *s, size_t n)
{
	return word_in(rs->nprefixes, rs->nnprefixes, s, n);
}

/*
 * Initials closed by dots, one or several glued ("জি.", "এ.কে.এম."): each
 * letter between the dots is a name prefix.
 */
static int
dotted_initials(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t a = 0, e;

	if (n < 2 || s[n - 1] != '.')
		return 0;
	while (a < n) {
		for (e = a; s[e] != '.'; e++)
			;
		if (!name_prefix(rs, s + a, e - a))
			return 0;
		a = e + 1;
	}
	return 1;
}

/*
 * Where a person's name in S[0, N) starts past the initials and honorifics
 * it opens with (name_prefixes: "এস এম Name Name", "মোঃ Name", "জি.
 * Name"): the offset of its first word, 0 when none is there.  Three are
 * passed at most, and a name is left after them.
 */
size_t
line_name_start(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t a = 0, e, skipped = 0;

	while (skipped < 3 && a < n) {
		for (e = a; e < n && s[e] != ' '; e++)
			;
		if ((!name_prefix(rs, s + a, e - a) && !dotted_initials(rs, s + a, e - a)) || e >= n)
			break;
		for (a = e; a < n && s[a] == ' '; a++)
			;
		skipped++;
	}
	return a < n ? a : 0;
}

/* Is S[0, N) a post word alone (post_words: "প্রতিনিধি"), no name, no place? */
int
line_post_alone(const struct hzoneset *rs, const char *s, size_t n)
{
	return word_in(rs->posts, rs->nposts, s, n);
}

/* S is words of Bengali letters and signs only (no digit, no Latin letter, no punctuation). */
int
line_bengali_name(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == ' ')
			continue;
		else if ((unsigned char)s[i] == 0xE0 && i + 2 < n && bn_letter(s + i))
			i += 2;
		else
			return 0;
	return 1;
}

/*
 * S[0..N) a writer's label alone, closed by its colon, the name on the next
 * line ("প্রতিনিধি :" / "Name Name", a theme's meta box): read, as
 * line_label_alone reads a date's, by giving it a name and asking the
 * byline patterns; one must read the name as (the end of) its value.
 * Three words at most, no digit.
 */
int
line_credit_label_alone(const struct hzoneset *rs, const char *s, size_t n)
{
	static const char name[] = " \xe0\xa6\x95\xe0\xa6\xb0\xe0\xa6\xbf\xe0\xa6\xae \xe0\xa6\x89\xe0\xa6\xa6\xe0\xa7\x8d\xe0\xa6\xa6\xe0\xa6\xbf\xe0\xa6\xa8";	/* " করিম উদ্দিন" */
	char buf[120];
	size_t m = n, vo, vl;

	while (m > 0 && s[m - 1] == ' ')
		m--;
	if (m == 0 || m > 60 || line_has_digit(s, m) || line_words(s, m) > 3 ||
	    !(s[m - 1] == ':' || (m >= 3 && memcmp(s + m - 3, "ঃ", 3) == 0)))
		return 0;
	memcpy(buf, s, m);
	memcpy(buf + m, name, sizeof(name) - 1);
	m += sizeof(name) - 1;
	if (line_first_value(&rs->byline, buf, m, &vo, &vl) < rs->byline.n)
		return vo + vl == m && vl >= sizeof(name) - 2;
	return 0;
}

/*
 * S[0..N) a date label alone, its value on another line ("আপডেট সময়ঃ",
 * "প্রকাশ:"): read by giving it a value and asking the label patterns.
 * S_UPDATED or S_PUBLISHED, or S_NONE.  Sixty bytes at most, no digit.
 */
enum seg
line_label_alone(const struct hzoneset *rs, const char *s, size_t n)
{
	char buf[80];
	size_t vo, vl;

	if (n == 0 || n > 60 || line_has_digit(s, n))
		return S_NONE;
	memcpy(buf, s, n);
	memcpy(buf + n, " \xe0\xa7\xa7", 4);	/* " ১" */
	if (rs->published && line_value_of(rs->published, buf, n + 4, &vo, &vl))
		return S_PUBLISHED;
	if (rs->updated && line_value_of(rs->updated, buf, n + 4, &vo, &vl))
		return S_UPDATED;
	return S_NONE;
}

/*
 * S is two or three words in Latin letters, each a capital and small
 * letters ("Julai Modal", a writer's name on an Indian outlet's page).
 */
int
line_latin_name(const char *s, size_t n)
{
	size_t i = 0, nw = 0;

	while (i < n) {
		if (!(s[i] >= 'A' && s[i] <= 'Z'))
			return 0;
		for (i++; i < n && s[i] >= 'a' && s[i] <= 'z'; i++)
			;
		if (i < n && s[i] != ' ')
			return 0;
		nw++;
		while (i < n && s[i] == ' ')
			i++;
	}
	return nw >= 2 && nw <= 3;
}

/*
 * A byline a pattern reads before a labelled date ("অনলাইন ডেস্ক
 * প্রকাশের সময় :<date>"): its value in *VO, *VL; 0 for none.  In a meta
 * row whose spans ran together ("বিভাগ: <section>রিপোর্টার: <name>
 * প্রকাশিত: <date>") the byline is the span glued to the word before
 * it: a letter opening it with no space before, a colon in the span
 * before it and in its own.
 */
int
line_credit_before_label(const struct hzoneset *rs, const char *s, size_t n, size_t *vo, size_t *vl)
{
	size_t d = line_label_after(rs, s, n), g;
	const char *c;

	while (d > 0 && s[d - 1] == ' ')
		d--;
	if (d == 0)
		return 0;
	if (line_first_value(&rs->byline, s, d, vo, vl) < rs->byline.n)
		return 1;
	if ((c = memchr(s, ':', d)) == NULL)
		return 0;
	for (g = (size_t)(c - s) + 1; g + 3 <= d; g++) {
		if (s[g - 1] == ' ' || s[g - 1] == ':' || !((unsigned char)s[g] == 0xE0 ? bn_letter(s + g) : s[g] >= 'A' && s[g] <= 'Z') ||
		    memchr(s + g, ':', d - g) == NULL)
			continue;
		if (line_first_value(&rs->byline, s + g, d - g, vo, vl) < rs->byline.n) {
			*vo += g;
			return 1;
		}
	}
	return 0;
}

/*
 * A writer's name, then the date, perhaps a view counter, cut by runs of
 * spaces or bars and no label ("Name Name    <time>, <date>    218"): a
 * name of two to four words in Bengali letters opening the line (or the
 * name and its place after a comma, "Name Name,<place> | <date> |
 * <time>"), no weekday in it and no chrome, every other segment a date,
 * the date's time, a number or, after the date, page chrome ("প্রিন্ট |
 * 158 বার পঠিত"), one date at least and no second calendar (a clock line
 * is not one).
 */
static int calendars(const struct hzoneset *, const char *, size_t);

/*
 * S is a time of day alone, perhaps with one word after it ("২:৩০
 * অপরাহ্ণ", "8:24 pm"): the segment after a date that holds its time.
 */
int
line_time_alone(const char *s, size_t n)
{
	size_t i = 0, d;

	while (i < n && s[i] == ' ')
		i++;
	for (d = 0; i < n && line_digit_at(s + i, n - i); d++)
		i += (unsigned char)s[i] < 0x80 ? 1 : 3;
	if (d < 1 || d > 2 || i >= n || s[i++] != ':')
		return 0;
	for (d = 0; i < n && line_digit_at(s + i, n - i); d++)
		i += (unsigned char)s[i] < 0x80 ? 1 : 3;
	if (d != 2)
		return 0;
	if (i == n)
		return 1;
	return s[i] == ' ' && line_words(s + i, n - i) == 1 && !line_has_digit(s + i, n - i);
}

/*
 * A writer's name and the place after a comma ("Name Name,<place>"), two
 * or three words and one or two, Bengali letters only.
 */
static int
name_place(const char *s, size_t n)
{
	const char *c = memchr(s, ',', n);
	size_t k, nw;

	if (c == NULL)
		return 0;
	k = (size_t)(c - s);
	nw = line_words(s + k + 1, n - k - 1);
	while (k > 0 && s[k - 1] == ' ')
		k--;
	for (c++; c < s + n && *c == ' '; c++)
		;
	return line_words(s, k) >= 2 && line_words(s, k) <= 3 && line_bengali_name(s, k) && nw >= 1 && nw <= 2 &&
	    line_bengali_name(c, (size_t)(s + n - c));
}

/*
 * Does S hold a word ending in "বার", a weekday's name ("বুধবার", "Name
 * রবিবার ...": no writer's name)?  An outlet's "বার্তা" has the letters but
 * goes on after them.
 */
static int
weekday_word(const char *s, size_t n)
{
	const char *p = s, *q;
	size_t bl = strlen("বার");

	while ((q = memmem(p, (size_t)(s + n - p), "বার", bl)) != NULL) {
		p = q + bl;
		if (p == s + n || *p == ' ' || *p == ',' || *p == '|')
			return 1;
	}
	return 0;
}

int
line_name_date(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t i = 0, a, e, vo, vl, nw, seg = 0, date = 0;

	while (line_segment(s, n, &i, &a, &e)) {
		if (seg++ == 0) {
			/* Past its initials ("জি. Name", "এ.কে.এম. Name"). */
			size_t b = a + line_name_start(rs, s + a, e - a);

			nw = b > a ? line_words(s + b, e - b) + 1 : line_words(s + a, e - a);
			if (((nw < 2 || nw > 4 || !line_bengali_name(s + b, e - b)) && !name_place(s + a, e - a)) ||
			    weekday_word(s + a, e - a) || line_matches(&rs->chrome, s + a, e - a))
				return 0;
		} else if (line_what_segment(rs, s + a, e - a, &vo, &vl) == S_DATE)
			date++;
		else if (date > 0 && line_time_alone(s + a, e - a))
			;	/* the date's time, after a bar */
		else if (date > 0 && line_matches(&rs->chrome, s + a, e - a))
			;	/* a view counter after it */
		else if (line_has_letter(s + a, e - a))
			return 0;
	}
	return date > 0 && !calendars(rs, s, n);
}


/*
 * A dateline printed on its own line, cut by commas: a place of one or
 * two words, the whole date with its year, then the credit a byline
 * pattern reads ("<place>, ১৫ নভেম্বর ২০২৩, ডেস্ক রিপোর্ট (<outlet>)"),
 * or no credit and the date closed by a colon ("<place>, <date>ঃ").
 * The date in [*D, *D + *DL), the byline's value in [*C, *C + *CL)
 * (*CL 0 for none); 0 for no such line.
 */
int
line_place_date_credit(const struct hzoneset *rs, const char *s, size_t n, size_t *d, size_t *dl, size_t *c, size_t *cl)
{
	size_t i = 0, a, e, vo, vl, np = 0, colon = 0;
	struct date_result r;
	const char *comma = n <= 300 ? memchr(s, ',', n < 60 ? n : 60) : NULL;

	/* The cheap tests first: a short line, its first comma after the place. */
	if (comma == NULL || !line_has_digit(s, n))
		return 0;
	while (line_piece(s, n, &i, &a, &e)) {
		switch (np++) {
		case 0:
			if (line_has_digit(s + a, e - a) || line_words(s + a, e - a) > 2 || !line_bengali_name(s + a, e - a))
				return 0;
			break;
		case 1:
			colon = line_ends_with(s + a, e - a, "ঃ") ? 3 : line_ends_with(s + a, e - a, ":");
			if (!line_has_digit(s + a, e - a) ||
			    date_parse(rs->ds, s + a, e - a - colon, rs->tz, &r) != DATE_OK)
				return 0;
			*d = a;
			*dl = e - a - colon;
			*cl = 0;
			break;
		case 2:
			if (colon)
				return 0;
			if (line_first_value(&rs->byline, s + a, e - a, &vo, &vl) == rs->byline.n)
				return 0;
			*c = a + vo;
			*cl = vl;
			break;
		default:
			return 0;
		}
	}
	return np == (colon ? 2 : 3);
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
	return label > 0 || (date > 0 && other > 0 && prose == 0 && !calendars(rs, s, n));
}

/*
 * Take off what the clock patterns match (a place, a "today:" label) from
 * S into OUT; 1 if any did.
 */
int
line_unclock(const struct hzoneset *rs, const char *s, size_t n, struct buf *out)
{
	size_t k, so, eo;
	int hit = 0;

	buf_reset(out);
	buf_add(out, s, n);
	for (k = 0; k < rs->clock.n; k++)
		if (rx_exec(rs->clock.re[k], out->s, out->len, 0, 0) == RX_MATCH &&
		    rx_group(rs->clock.re[k], 0, &so, &eo) && eo > so) {
			memmove(out->s + so, out->s + eo, out->len - eo + 1);
			out->len -= eo - so;
			hit = 1;
		}
	return hit;
}

/*
 * The next piece of a clock line from *I, cut at ',' and '|': a year
 * after a comma stays with the day and month before it ("২৩ ফাল্গুন,
 * ১৪৩০").  Trimmed into [*A, *E); 0 at the end.
 */
int
line_piece(const char *s, size_t n, size_t *i, size_t *a, size_t *e)
{
	size_t b;

	for (;;) {
		while (*i < n && (s[*i] == ' ' || s[*i] == ',' || s[*i] == '|'))
			(*i)++;
		if (*i >= n)
			return 0;
		b = *i;
		while (b < n && s[b] != '|' && s[b] != ',')
			b++;
		while (b < n && s[b] == ',') {
			size_t c = b + 1, d;

			while (c < n && s[c] == ' ')
				c++;
			d = c;
			while (d < n && s[d] != '|' && s[d] != ',')
				d++;
			if (d > c && line_starts_year(s + c, d - c))
				b = d;
			else
				break;
		}
		*a = *i;
		*e = b;
		while (*e > *a && s[*e - 1] == ' ')
			(*e)--;
		*i = b;
		if (*e > *a)
			return 1;
	}
}

enum cal
line_calendar_of(const struct hzoneset *rs, const char *s, size_t n, struct date_result *r)
{
	const char *key;
	int convert;

	if (rs->hijri && rx_exec(rs->hijri, s, n, 0, 0) == RX_MATCH)
		return CAL_HIJRI;
	if (!line_is_date(rs, s, n, r))
		return CAL_NONE;
	if (r->calendar == CAL_GREGORIAN || (key = dateset_calendar(rs->ds, r->calendar, &convert)) == NULL)
		return CAL_GREG;
	/* A calendar the language files never convert (the Hijri one) is kept as printed. */
	return convert ? CAL_BN : CAL_HIJRI;
}

/* A line of dates in more than one calendar: the page clock. */
static int
calendars(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t i = 0, a, e;
	int seen[4] = { 0 };
	struct date_result r;

	while (line_piece(s, n, &i, &a, &e))
		seen[line_calendar_of(rs, s + a, e - a, &r)] = 1;
	return seen[CAL_GREG] + seen[CAL_BN] + seen[CAL_HIJRI] >= 2;
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

/*
 * The publication time closing line P, a paragraph flattened onto one line
 * with its header's labels after it: the last labelled publication time
 * among its segments that reads as a whole date, into *VO, *VL (offsets in
 * the line); 0 for none.
 */
int
line_tail_date(const struct hzoneset *rs, struct hzonework *w, long p, size_t *vo, size_t *vl)
{
	const char *s = line_text(w, p);
	size_t n = w->l[p].len, i = 0, a, e, o, m;
	struct date_result r;
	int found = 0;

	while (line_segment(s, n, &i, &a, &e))
		if (line_what_segment(rs, s + a, e - a, &o, &m) == S_PUBLISHED && line_is_date(rs, s + a + o, m, &r) &&
		    r.status == DATE_OK) {
			*vo = a + o;
			*vl = m;
			found = 1;
		}
	return found;
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
	if (line_words(s, a) > 3 || line_has_digit(s, a) || weekday_word(s, a) || line_matches(&rs->chrome, s, a))
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
 * names a day prints no time of day).  Its bounds in [*D, *E); 0 if none.
 */
static int
date_among(const struct hzoneset *rs, const char *s, size_t n, size_t *d, size_t *e)
{
	size_t a = 0, b, best, nb = 0, nw;
	struct date_result r;

	const char *c;

	if (n > 300 || (c = memchr(s, ':', n)) == NULL)
		return 0;
	/* A time: a digit on each side of a colon. */
	while (c != NULL && !(c > s && (line_digit_at(c - 1, 1) || (c - s >= 3 && line_digit_at(c - 3, 3))) &&
	    line_digit_at(c + 1, n - (size_t)(c + 1 - s))))
		c = memchr(c + 1, ':', n - (size_t)(c + 1 - s));
	if (c == NULL)
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
			if (line_words(s + best, n - best) > 8 || daypart_at(rs, s, best, n))
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
	if ((nw >= 2 && nw <= 3 && k == vo - 1 && line_latin_name(s, k)) || name_place(s, k))
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
 * How far the dateline patterns read into S[0, N) from its start, with
 * something left after them (0: not at all).
 */
size_t
line_dateline_reach(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t k, so = 0, eo = 0;
	int hit = 0;

	rx_hold(s, n);
	for (k = 0; k < rs->dateline.n && !hit; k++) {
		struct rx *re = rs->dateline.re[k];

		hit = rx_exec(re, s, n, 0, 0) == RX_MATCH && rx_group(re, 0, &so, &eo) && so == 0 && eo < n &&
		    !line_visarga_in_word(rs, s, n, eo);
	}
	rx_release();
	return hit ? eo : 0;
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

	if ((k = twice_around_label(line_text(w, i), l->len)) > 0) {
		taken_off(w, i, "printed twice around an image's label, read once", off, l->len);
		l->len = k;
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

/* Is S[0, N) Bengali letters and signs alone (a slip is a letter typed wrong, not a mark)? */
static int
bengali_word(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n % 3 != 0)
		return 0;
	for (i = 0; i < n; i += 3)
		if (!((unsigned char)s[i] == 0xE0 && ((unsigned char)s[i + 1] == 0xA6 || (unsigned char)s[i + 1] == 0xA7) &&
		    !line_digit_at(s + i, 3) && memcmp(s + i, "।", 3) != 0 && memcmp(s + i, "॥", 3) != 0) &&
		    memcmp(s + i, "\u200c", 3) != 0 && memcmp(s + i, "\u200d", 3) != 0)
			return 0;
	return 1;
}

/*
 * Is S[WA, WE) a post of post_words misspelt by one slip, closing a short
 * credit: a word of Bengali letters, at most five words before it?  A
 * word that opens with the post is the post inflected ("প্রতিনিধির"), no
 * slip.  The length first: a slip of a Bengali letter is three bytes at
 * most (this runs on most short lines of every page).
 */
static int
misspelt_post(const struct hzoneset *rs, const char *s, size_t wa, size_t we)
{
	size_t k, wl = we - wa;

	for (k = 0; k < rs->nposts; k++) {
		size_t pl = strlen(rs->posts[k]);

		if (wl + 3 < pl || wl > pl + 3 || (wl >= pl && memcmp(s + wa, rs->posts[k], pl) == 0))
			continue;
		if (bengali_word(s + wa, wl) && spell_one_slip(s + wa, wl, rs->posts[k], pl) && line_words(s, wa) <= 5)
			return 1;
	}
	return 0;
}

/* The start of the word that ends at S + E (after a space, a bracket or a comma). */
static size_t
word_start(const char *s, size_t e)
{
	while (e > 0 && s[e - 1] != ' ' && s[e - 1] != ')' && s[e - 1] != ',')
		e--;
	return e;
}

/*
 * A short credit S[0, N) closed by a post word misspelt by one slip
 * ("নিজস্ব প্রবিবেদক", "Name, <district> প্রতনিধি", "<upazila>
 * (<district>) প্রতিনিধ"), or with its place of a word or two after a
 * comma ("<post>, <place>"): no digit, no colon.  Its value, closing
 * marks left out, in [*VO, *VO + *VL); 1, or 0.
 */
int
line_misspelt_credit(const struct hzoneset *rs, const char *s, size_t n, size_t *vo, size_t *vl)
{
	size_t e = n, we, wa, c;

	if (rs->nposts == 0 || n == 0 || n > 200)
		return 0;
	for (;;) {
		if (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '-' || s[e - 1] == '|' || s[e - 1] == ','))
			e--;
		else if (e >= 3 && (memcmp(s + e - 3, "।", 3) == 0 || memcmp(s + e - 3, "॥", 3) == 0))
			e -= 3;
		else
			break;
	}
	if (e > 0 && (wa = word_start(s, e)) < e && misspelt_post(rs, s, wa, e))
		goto found;
	/* The post before the last comma, a place of a word or two after it. */
	for (c = e; c > 0 && s[c - 1] != ','; c--)
		;
	if (c == 0 || line_words(s + c, e - c) < 1 || line_words(s + c, e - c) > 2)
		return 0;
	for (we = c - 1; we > 0 && s[we - 1] == ' '; we--)
		;
	if ((wa = word_start(s, we)) == we || !misspelt_post(rs, s, wa, we))
		return 0;
found:
	if (line_has_digit(s, n) || memchr(s, ':', n) != NULL || memmem(s, n, "ঃ", 3) != NULL)
		return 0;
	*vo = 0;
	*vl = e;
	return 1;
}

/*
 * Is the visarga that ends at S + E, or before the spaces there, inside a
 * word: a letter after it, closing one of visarga_prefixes ("দুঃস্থ",
 * "পুনঃতফসিল", "স্বতঃস্ফূর্ত", typed apart too: "আন্তঃ জেলা", sangbadjamin,
 * eval s3)?  Then it is no colon, whatever a pattern read in it ("Name,
 * দুঃ").
 */
int
line_visarga_in_word(const struct hzoneset *rs, const char *s, size_t n, size_t e)
{
	size_t a, v = e;

	while (v > 0 && s[v - 1] == ' ')
		v--;
	if (rs->nvprefixes == 0 || v < 3 || e + 3 > n || memcmp(s + v - 3, "ঃ", 3) != 0 || !bn_letter(s + e))
		return 0;
	for (a = v - 3; a > 0 && s[a - 1] != ' ' && s[a - 1] != ',' && s[a - 1] != '('; a--)
		;
	return word_in(rs->vprefixes, rs->nvprefixes, s + a, v - 3 - a);
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
	} else if (calendars(rs, s, n)) {
		l->kind = K_CLOCK;
		l->why = "dates in more than one calendar";
	} else if (line_matches(&rs->keep, s, n) && !(nw >= 2 * rs->para_words && line_inner_sentence(s, n))) {
		/* A photo credit closing a paragraph of sentences does not make it a caption. */
		l->kind = K_KEEP;
	} else if (nw >= rs->para_words && (memchr(s, ',', n) || memmem(s, n, "।", 3) || line_sentence_end(s, n))) {
		l->kind = K_PARA;
	} else if (nw >= 5 && line_sentence_end(s, n) && !line_trails_off(s, n)) {
		l->kind = K_PARA;
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
		 * the patterns are many.  (A label with no post, "<outlet> :
		 * <question>", may open an interview's headline.)
		 */
		if (nw >= 18 && (k = line_dateline_reach(rs, s, n)) > 0 && post_in(rs, s, k)) {
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
		if (k > 0 && date_credit(rs, s, k, vo) && !weekday_word(s, k) && !line_matches(&rs->chrome, s, k)) {
			l->co = l->off;
			l->cl = k;
		}
		l->off += vo;
		l->len = vl - vo;
		l->kind = K_DATE;
		l->has_time = 1;
		l->why = "a date and time with a few other words around it (a credit, a counter)";
	}
}

/* A date line that also prints a Bangla or Hijri date is the page clock. */
void
line_check_clock(const struct hzoneset *rs, struct hzonework *w, size_t i)
{
	struct date_result r;

	if (w->l[i].kind != K_DATE)
		return;
	if (calendars(rs, line_text(w, i), w->l[i].len)) {
		w->l[i].kind = K_CLOCK;
		w->l[i].why = "it prints a second calendar";
	} else if (line_calendar_of(rs, line_text(w, i), w->l[i].len, &r) != CAL_GREG) {
		/* No story is dated in the Bangla or Hijri calendar alone: a page clock. */
		w->l[i].kind = K_CLOCK;
		w->l[i].why = "a date in the Bangla or Hijri calendar";
	}
}

/* S[0..N) is Latin letters, dots and spaces only (a name in English). */
int
line_latin_run(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') || s[i] == '.' || s[i] == ' '))
			return 0;
	return n > 0;
}

/*
 * The end of the longest run of at most ten words from S + A, before any
 * '|', that reads as a whole date, or A for none: none when the part of
 * day after its time does not read with it.
 */
size_t
line_date_run(const struct hzoneset *rs, const char *s, size_t n, size_t a)
{
	size_t e = a, best = a, nw = 0;
	struct date_result r;
	int timed = 0;

	while (e < n && nw < 10) {
		while (e < n && s[e] == ' ')
			e++;
		if (s[e] == '|')	/* the next segment: another label */
			break;
		while (e < n && s[e] != ' ')
			e++;
		nw++;
		if (line_is_date(rs, s + a, e - a, &r) && r.status == DATE_OK)
			best = e, timed = r.has_time;
	}
	return timed && daypart_at(rs, s, best, n) ? a : best;
}
