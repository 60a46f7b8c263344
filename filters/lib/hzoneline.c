/*
 * hzoneline.c: the shapes of one line of a page's header zone, asked
 * of a string alone: does it read as a date, a labelled segment, a name,
 * a credit before a label, a sentence...  hzoneclass.c puts them together
 * into the line's kind, for the header-zone reader in hzone.c (see
 * hzone.h and khobor-rules(5), READER).
 */
#include <stdint.h>
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
	/* Bit 7 of each byte: a byte of 0x80 to add to a byte of 0x7F to set it. */
	const uint64_t lo7 = UINT64_C(0x7F7F7F7F7F7F7F7F), hi = UINT64_C(0x8080808080808080);
	const uint64_t sp = UINT64_C(0x2020202020202020), tab = UINT64_C(0x0909090909090909);
	const uint16_t endian = 1;
	uint64_t v, t, u, in, starts, before = 0;
	size_t i = 0, k = 0;

	/*
	 * Eight bytes at a time, as every helper asks this of its lines: a
	 * byte's bit 7 in IN is set when it is neither a space nor a tab (a
	 * byte that differs from one has a bit set, which the add carries
	 * into bit 7, with no carry out of the byte), and a word starts at a
	 * byte in, after one that is not.  Their count: the bits summed by a
	 * multiply into the top byte.  The bytes' order in V is a little
	 * endian machine's; a big endian one counts a byte at a time.
	 */
	for (; *(const unsigned char *)&endian == 1 && i + 8 <= n; i += 8) {
		memcpy(&v, s + i, 8);
		t = v ^ sp;
		u = v ^ tab;
		in = ((((t & lo7) + lo7) | t) & (((u & lo7) + lo7) | u)) & hi;
		starts = in & ~((in << 8) | before);
		k += (size_t)(((starts >> 7) * UINT64_C(0x0101010101010101)) >> 56);
		before = (in >> 56) & 0x80;
	}
	for (; i < n; i++) {
		int out = s[i] == ' ' || s[i] == '\t';

		if (!out && !before)
			k++;
		before = !out;
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

/* Is a Latin letter in S[0..N)? */
int
line_latin_in(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((((unsigned char)s[i] | 0x20) >= 'a' && ((unsigned char)s[i] | 0x20) <= 'z'))
			return 1;
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

static int bn_letter(const char *p);

/*
 * Ends a sentence as a paragraph does: the dari (।) or a full stop, or a
 * small Latin l set off by a space after a Bengali letter, the dari typed
 * on a Latin keyboard ("... করা হয় l", alokitoshodesh t92, awazprime t37).
 */
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
	return line_ends_with(s, n, "।") || line_ends_with(s, n, "৷") || line_ends_with(s, n, ".") ||
	    (n >= 5 && s[n - 1] == 'l' && s[n - 2] == ' ' && bn_letter(s + n - 5));
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
 * ("<headline> - Filmy Network", the page's <title>; WordPress prints
 * its '-' as an en dash, wptexturize: "<headline> – Aaj Akhon",
 * aajekhonnews, eval s38), or after a hyphen glued to its last word
 * ("<headline>-Sabuj Tripura", "<headline>-71News24"): the length of the
 * headline, or N.  The name is three words at most, letters, digits and
 * dots only, a letter among them.
 */
size_t
line_latin_suffixed(const char *s, size_t n)
{
	static const char *const dashes[] = { " - ", " – ", " — " };
	const char *dash = NULL, *d;
	size_t k = 0, h, i, j;
	int letter = 0;

	for (j = 0; j < sizeof(dashes) / sizeof(dashes[0]); j++)
		for (d = s; (d = memmem(d, n - (size_t)(d - s), dashes[j], strlen(dashes[j]))) != NULL; d++)
			if (dash == NULL || d > dash) {
				dash = d;
				k = (size_t)(d - s) + strlen(dashes[j]);
			}
	if (dash != NULL) {
		h = (size_t)(dash - s);
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

/*
 * An update label after one space inside the segment that starts at A,
 * at I ("প্রকাশিত: <date> আপডেট: <date>", or after the publication's time
 * alone, "প্রকাশ: <date> | <time> আপডেট: <date> | <time>"): the label's
 * value reads as a date, and the segment before the space is a labelled
 * publication time or a time alone.  The segment is cut at the space.
 */
int
line_update_inside(const struct hzoneset *rs, const char *s, size_t n, size_t a, size_t i)
{
	size_t vo, vl;

	return s[i - 1] == ' ' && s[i] != ' ' && i - 1 > a &&
	    line_value_of(rs->updated, s + i, n - i, &vo, &vl) && line_date_value(rs, s + i, vo, &vl) &&
	    (line_what_segment(rs, s + a, i - 1 - a, &vo, &vl) == S_PUBLISHED || line_time_alone(s + a, i - 1 - a));
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
int
line_daypart_at(const struct hzoneset *rs, const char *s, size_t i, size_t n)
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
			if (n < *vl && r.has_time && line_daypart_at(rs, s + vo, n, *vl))
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
		if (c == w && timed && line_daypart_at(rs, s + vo, w, *vl))
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
 * Does a byline pattern read S[0..N), the words before a date on its line,
 * as they are?  Or, when a colon closes them, are they without it and the
 * comma left before it where the theme left a field empty a writer's name
 * and place ("Name Name, <district> , : 06-11-2024", dhakabusines, eval
 * t15)?  (Without the colon, "Name, <place>" before a date or a bar is
 * read elsewhere, or left: see r9-name-place-bars.  No pattern is run
 * again: a label's colon, "প্রকাশিত: <date>", closes most such words.)
 */
static int
credit_before(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t vo, vl, m = n;

	if (line_first_value(&rs->byline, s, n, &vo, &vl) < rs->byline.n)
		return 1;
	while (m > 0 && s[m - 1] == ' ')
		m--;
	if (m == 0 || (s[m - 1] != ':' && !(m >= 3 && memcmp(s + m - 3, "ঃ", 3) == 0)))
		return 0;
	while (m > 0 && (s[m - 1] == ' ' || s[m - 1] == ',' || s[m - 1] == ':' ||
	    (m >= 3 && memcmp(s + m - 3, "ঃ", 3) == 0)))
		m -= s[m - 1] == (char)0x83 ? 3 : 1;
	return m > 0 && line_name_place(s, m);
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
	size_t d, m, back;
	struct date_result r;

	n = *end = edition_tail(rs, s, n);

	/*
	 * The first digit itself: a digit within the next three bytes would
	 * stop two bytes early on an ASCII one, inside the letter before it.
	 */
	for (d = 0; d < n && !line_digit_at(s + d, n - d); d++)
		;
	if (d == 0 || d >= n)
		return 0;
	/*
	 * Glued on, the byline is read up to the date: its colon glued to
	 * the day ("Name,<post>, <place> :০৫ নভেম্বর-২০২২", kalerkagoj, eval
	 * t35), or its last letter ("<outlet> ডেস্ক২৩ অক্টোবর ২০২৪", the byline
	 * printed again with the date, bdgen24, eval t34).
	 */
	if (s[d - 1] == ' ' || s[d - 1] == '-')
		m = d - 1;
	else if (s[d - 1] == ':' || (d >= 3 && (unsigned char)s[d - 3] == 0xE0 && ((unsigned char)s[d - 2] == 0xA6 ||
	    (unsigned char)s[d - 2] == 0xA7) && !line_digit_at(s + d - 3, 3)))
		m = d;
	else
		return 0;
	if (s[d - 1] == '-' && !(d > 4 && (s[d - 2] == ':' || memcmp(s + d - 4, "ঃ", 3) == 0)))
		return 0;
	/*
	 * The date may begin a word or two earlier, with its weekday or its
	 * month ("Name,স্টাফ রিপোর্টারঃ শনিবার, ২৯ জুলাই ২০২৩", "নিজস্ব
	 * প্রতিবেদক জুন ২১, ২০২৩, ১২:৩৬ পিএম").
	 */
	for (back = 0; back <= 2 && d > 1; back++) {
		if (line_is_date(rs, s + d, n - d, &r) && credit_before(rs, s, line_before_label(rs, s, m, n)))
			return d;
		d--;
		while (d > 0 && s[d - 1] == ' ')
			d--;
		while (d > 0 && s[d - 1] != ' ')
			d--;
		if (d == 0)
			return 0;
		m = d - 1;
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
 * S[0..N) is one word, a name with its initials glued on by full stops
 * ("এ.এস.Name", ulipur, eval t1): one or more initials of one to three
 * Bengali code points, each closed by its dot, then three code points at
 * least.  Such a word names a person as two or three words would.
 */
int
line_glued_initials(const char *s, size_t n)
{
	size_t i, cps = 0, dots = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (cps == 0 || cps > 3)
				return 0;
			dots++;
			cps = 0;
		} else if ((unsigned char)s[i] == 0xE0 && i + 2 < n && ((unsigned char)s[i + 1] == 0xA6 ||
		    (unsigned char)s[i + 1] == 0xA7)) {
			i += 2;
			cps++;
		} else
			return 0;
	}
	return dots > 0 && cps >= 3;
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
 * S is a time of day alone, perhaps with its seconds and one word after it
 * ("২:৩০ অপরাহ্ণ", "8:24 pm", "11:37:30 AM"): the segment after a date
 * that holds its time.
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
	if (i < n && s[i] == ':') {
		for (i++, d = 0; i < n && line_digit_at(s + i, n - i); d++)
			i += (unsigned char)s[i] < 0x80 ? 1 : 3;
		if (d != 2)
			return 0;
	}
	if (i == n)
		return 1;
	return s[i] == ' ' && line_words(s + i, n - i) == 1 && !line_has_digit(s + i, n - i);
}

/*
 * A writer's name and the place after a comma ("Name Name,<place>"), two
 * or three words and one or two, Bengali letters only.
 */
int
line_name_place(const char *s, size_t n)
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
int
line_weekday_word(const char *s, size_t n)
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
			if (((nw < 2 || nw > 4 || !line_bengali_name(s + b, e - b)) && !line_name_place(s + a, e - a)) ||
			    line_weekday_word(s + a, e - a) || line_matches(&rs->chrome, s + a, e - a))
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
	return date > 0 && !line_calendars(rs, s, n);
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
 * The next piece of a clock line from *I, cut at ',', '|' and the double
 * dari ("<date> ।। <Bangla date> ।। <Hijri date>", ourislam24, eval s58):
 * a year after a comma stays with the day and month before it ("২৩
 * ফাল্গুন, ১৪৩০").  Trimmed into [*A, *E); 0 at the end.
 */
int
line_piece(const char *s, size_t n, size_t *i, size_t *a, size_t *e)
{
	size_t b, d;

	for (;;) {
		for (;;)
			if (*i < n && (s[*i] == ' ' || s[*i] == ',' || s[*i] == '|'))
				(*i)++;
			else if ((d = double_dari(s + *i, n - *i)) > 0)
				*i += d;
			else
				break;
		if (*i >= n)
			return 0;
		b = *i;
		while (b < n && s[b] != '|' && s[b] != ',' && double_dari(s + b, n - b) == 0)
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
int
line_calendars(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t i = 0, a, e;
	int seen[4] = { 0 };
	struct date_result r;

	while (line_piece(s, n, &i, &a, &e))
		seen[line_calendar_of(rs, s + a, e - a, &r)] = 1;
	return seen[CAL_GREG] + seen[CAL_BN] + seen[CAL_HIJRI] >= 2;
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
 * দুঃ").  A colon typed for the visarga, glued to the letters on both
 * sides, is so too ("আন্ত:উপজেলা", dailyalorthikana, eval s40).
 */
int
line_visarga_in_word(const struct hzoneset *rs, const char *s, size_t n, size_t e)
{
	size_t a, v = e, k;

	while (v > 0 && s[v - 1] == ' ')
		v--;
	if (rs->nvprefixes == 0 || e + 3 > n || !bn_letter(s + e))
		return 0;
	if (v >= 3 && memcmp(s + v - 3, "ঃ", 3) == 0)
		k = 3;
	else if (v == e && v >= 1 && s[v - 1] == ':')
		k = 1;
	else
		return 0;
	for (a = v - k; a > 0 && s[a - 1] != ' ' && s[a - 1] != ',' && s[a - 1] != '('; a--)
		;
	return word_in(rs->vprefixes, rs->nvprefixes, s + a, v - k - a);
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
	return timed && line_daypart_at(rs, s, best, n) ? a : best;
}
