/*
 * hzone.c: the header-zone reader (see hzone.h and khobor-rules(5),
 * READER): from what each line is (hzoneclass.c), a header flattened onto
 * one line cut into its lines (hzoneflat.c) and the headline's copies
 * (hzoneagain.c), where the zone ends and where the story starts, and the
 * helpers that say where a line stands in the zone.  The byline and date
 * block is found in hzoneblock.c, the headline chosen in hzonehead.c, the
 * dates placed in hzonedate.c, the record written in hzonewrite.c, and
 * what the header lacks read in the story in hzonestory.c.
 * hzone_apply runs those phases in turn, each handed the page's struct
 * hzpage.  It runs on the rules hzonecomp.c compiles.
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

/* ---- the zone ---- */

/*
 * Mask the abbreviation closed by the mark (a colon or the visarga) at S +
 * C, where one of name_abbreviations ends there at a word's start and a
 * name follows.
 */
static void
mask_at(const struct hzoneset *rs, struct hzonework *w, size_t c, size_t end)
{
	char *s = w->text.s;
	size_t n = w->text.len, i, k, m, e;

	for (k = 0; k < rs->nnabbrevs; k++) {
		m = strlen(rs->nabbrevs[k]);
		if (m > c || (i = c - m) >= end || memcmp(s + i, rs->nabbrevs[k], m) != 0 ||
		    (i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n' && s[i - 1] != '(' && s[i - 1] != ',' && s[i - 1] != '-'))
			continue;
		e = s[c] == ':' ? c + 1 : c + 3;
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
		return;
	}
}

/*
 * The abbreviations that open a Bangladeshi name (name_abbreviations),
 * closed by the visarga or a colon ("মোঃ", "মো:", "ডাঃ", "মোছাঃ", "আঃ" for
 * Abdul, "আঃ Name <district>:", protidinernews, eval t18): that mark ends no credit and
 * no dateline.  Masked in w->text, the length kept, so the prefix reads
 * as the start of the name's first word ("মোঃ Name" as "মো.ঁName", "মো:
 * Name" as "মো..Name"), and the text as printed kept in w->orig for what
 * is written (shown).  Only prefixes that start before END are read so.
 * The marks are few and the words many: each colon and visarga is found
 * (memchr) and the prefixes looked for right before it.
 */
static void
mask_prefixes(const struct hzoneset *rs, struct hzonework *w, size_t end)
{
	const char *s = w->text.s, *p;
	size_t n = w->text.len, lim = end < n && n - end > rs->abbrevmax ? end + rs->abbrevmax : n;	/* past END by the longest */

	if (rs->nnabbrevs == 0)
		return;
	for (p = s; (p = memchr(p, ':', lim - (size_t)(p - s))) != NULL; p++)
		mask_at(rs, w, (size_t)(p - s), end);
	/* The visarga, U+0983: E0 A6 83 (its last byte is also U+09C3's, E0 A7 83). */
	for (p = s; (p = memchr(p, 0x83, lim - (size_t)(p - s))) != NULL; p++)
		if (p - s >= 2 && (unsigned char)p[-2] == 0xE0 && (unsigned char)p[-1] == 0xA6)
			mask_at(rs, w, (size_t)(p - s) - 2, end);
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

/* A short line that could be a name: at most four words, no digits. */
int
zone_short_name(const struct hzonework *w, size_t j)
{
	return zone_short_name_in(line_text(w, j), w->l[j].len);
}

/* The same of S[0, N), a piece of a line. */
int
zone_short_name_in(const char *s, size_t n)
{
	const char *c = memchr(s, ',', n);

	/*
	 * No comma between words: "<town> ,<country>" is a place, a dateline
	 * alone; a comma left hanging at the end ("Name ,") is the byline's.
	 */
	while (c != NULL && c + 1 < s + n && (c[1] == ' ' || c[1] == ','))
		c++;
	/* A question or an exclamation is a headline's ("<name>র খবর কী?"), never a name. */
	return line_words(s, n) <= 4 && text_chars(s, n) <= 30 && !line_has_digit(s, n) &&
	    !memchr(s, ':', n) && !memmem(s, n, "ঃ", 3) && !(c != NULL && c + 1 < s + n) &&
	    !memchr(s, '?', n) && !memchr(s, '!', n);
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
 * A date S[0..N) with no time, on line I, whose time is printed on the
 * next line, the date perhaps closed by a bar ("বৃহস্পতিবার, ১৬ জুলাই ২০২০
 * |" over "১১:৪০ পূর্বাহ্ণ | 69 বার", a theme that breaks its meta row): the
 * date and that time, in w->cut, when the line under it opens with a time
 * (a colon, up to its first bar or spaced dari; with ALONE, a time alone
 * there, see line_time_alone) and the two read as one date with a time.
 * 1 if so.
 */
int
zone_time_below(const struct hzoneset *rs, struct hzonework *w, const char *s, size_t n, long i, long p, int alone)
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

int
zone_date_time_below(const struct hzoneset *rs, struct hzonework *w, long i, long p)
{
	return zone_time_below(rs, w, line_text(w, (size_t)i), w->l[i].len, i, p, 0);
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
 * Is line I page furniture: a blank line, chrome, the page clock or a
 * date line, a labelled date, or a line with no Bengali letter (a
 * language menu's "Select Language", a ticker's English label, a logo's
 * alt text)?
 */
static int
furniture(const struct hzonework *w, long i)
{
	return w->l[i].kind == K_BLANK || w->l[i].kind == K_CHROME || w->l[i].kind == K_CLOCK ||
	    w->l[i].kind == K_DATE || w->l[i].kind == K_LABELLED || !line_letter_in(line_text(w, i), w->l[i].len, 0);
}

/* Is there nothing above line J but page furniture? */
int
zone_furniture_above(const struct hzonework *w, long j)
{
	long i;

	for (i = 0; i < j; i++)
		if (!furniture(w, i))
			return 0;
	return 1;
}

/*
 * The same, but for one section's name among the furniture: a line of
 * fewer than headline_words words in Bengali letters alone ("প্রকল্প",
 * "খেলা" over the headline, md360news, eval t9).
 */
static int
section_above(const struct hzoneset *rs, const struct hzonework *w, long j)
{
	long i, names = 0;

	for (i = 0; i < j; i++)
		if (!furniture(w, i) && !(line_words(line_text(w, i), w->l[i].len) < rs->headline_words &&
		    line_bengali_name(line_text(w, i), w->l[i].len) && ++names == 1))
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
 * Is title-like line J a writer's name in the block: six words at most in
 * Bengali letters, right over a date or a byline ("এস এম Name Name Name"
 * over "আপডেট টাইম : <date>")?
 */
static int
name_over_dates(const struct hzonework *w, long j)
{
	long k = zone_step(w, j, 1, 0, (long)w->nl);

	return k >= 0 && zone_in_block(w->l[k].kind) &&
	    line_words(line_text(w, j), w->l[j].len) <= 6 && line_bengali_name(line_text(w, j), w->l[j].len);
}

/*
 * Is title-like line J a time of day alone right under a date line, the
 * date's time set on a line of its own ("Oct 07, 2021" / "11:37:30 AM")?
 */
static int
time_under_date(const struct hzonework *w, long j)
{
	long k = zone_step(w, j, -1, 0, j);

	return k >= 0 && w->l[k].kind == K_DATE && line_time_alone(line_text(w, j), w->l[j].len);
}

/*
 * The first copy of line I, above a byline or a labelled date that stands
 * above I, with no title-like line in the zone above I but copies of it
 * (and a writer's name over the dates, or a date's time on its own
 * line): its line, or -1.  Only a line of a headline's length (four to
 * twenty words) is one.
 */
static long
copy_over_header(const struct hzonework *w, long i)
{
	long j, first = -1, k;
	size_t nw = line_words(line_text(w, i), w->l[i].len);

	if (nw < 4 || nw > 20)
		return -1;
	for (j = 0; j < i; j++) {
		if (zone_same(w, (size_t)j, (size_t)i)) {
			if (first < 0)
				first = j;
		} else if (w->l[j].kind == K_TITLELIKE && !(first >= 0 && (name_over_dates(w, j) || time_under_date(w, j))))
			return -1;
	}
	if (first < 0)
		return -1;
	for (k = first + 1; k < i; k++)
		if (w->l[k].kind == K_BYLINE || w->l[k].kind == K_LABELLED)
			return first;
	return -1;
}

/*
 * Is paragraph line I the first copy of a headline that a later copy,
 * printed under the byline and dates, takes back for its headline
 * (copy_over_header)?  Then it must stay as it is until that copy is read.
 */
static int
copied_under_header(const struct hzonework *w, long i, long zone)
{
	long k;

	for (k = i + 1; k < zone; k++)
		if (w->l[k].kind == K_PARA && w->l[k].again && zone_same(w, (size_t)i, (size_t)k))
			return copy_over_header(w, k) == i;
	return 0;
}

/*
 * Is there a headline (a title-like line of four words or more: fewer is
 * the site's name), a byline or a date line above line I?  A date opening
 * the page is its clock.
 */
static int
header_line_above(const struct hzonework *w, long i)
{
	long j;

	for (j = 0; j < i; j++)
		if ((w->l[j].kind == K_TITLELIKE && line_words(line_text(w, j), w->l[j].len) >= 4) ||
		    w->l[j].kind == K_BYLINE || w->l[j].kind == K_LABELLED ||
		    (w->l[j].kind == K_DATE && !zone_first_content(w, j)))
			return 1;
	return 0;
}

/*
 * Line I is the page's first, or only the page clock, chrome and unread
 * lines of one or two words (a section's label, "Categories" over
 * "বিবিধ") stand above it.
 */
static int
opens_page(const struct hzonework *w, long i)
{
	long j;

	if (zone_first_content(w, i))
		return 1;
	for (j = 0; j < i; j++)
		if (w->l[j].kind != K_BLANK && w->l[j].kind != K_CHROME && w->l[j].kind != K_CLOCK &&
		    !(w->l[j].kind == K_DATE && !w->l[j].has_time && zone_first_content(w, j)) &&
		    !(w->l[j].kind == K_OTHER && line_words(line_text(w, j), w->l[j].len) <= 2))
			return 0;
	return 1;
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

/* Are the lines between I and J blank? */
static int
nothing_between(const struct hzonework *w, long i, long j)
{
	for (i++; i < j; i++)
		if (w->l[i].len > 0)
			return 0;
	return 1;
}

/* Do S[0, N) and T[0, M) open with the same K words, T going on after them? */
static int
opens_alike(const char *s, size_t n, const char *t, size_t m, size_t k)
{
	size_t e = 0, nw;

	for (nw = 0; nw < k; nw++) {
		while (e < n && s[e] == ' ')
			e++;
		if (e == n)
			return 0;
		while (e < n && s[e] != ' ')
			e++;
	}
	return e < m && memcmp(s, t, e) == 0 && t[e] == ' ';
}

/*
 * Is there nothing above line J but one word alone on its line, no digit
 * in it (a section's label, "জেলা/ব্লক"), and blank lines?
 */
static int
label_alone_above(const struct hzonework *w, long j)
{
	long i, seen = 0;

	for (i = 0; i < j; i++) {
		const char *s = line_text(w, i);
		size_t n = w->l[i].len;

		if (n == 0)
			continue;
		if (seen++ || n > 60 || memchr(s, ' ', n) || line_has_digit(s, n))
			return 0;
	}
	return seen == 1;
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
	 * lede's words running on), tells.  Blank lines may stand between
	 * when the line opens the page ("<headline> ।" / "" / <story>,
	 * rkmridha, eval t50).
	 */
	if (zone_furniture_above(w, i) && (next == i + 1 || (zone_first_content(w, i) && nothing_between(w, i, next))) &&
	    line_words(s, n) <= 10 && (line_ends_with(s, n, "।।") ||
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
	/*
	 * Opening the page, nothing above it (or a section's label alone,
	 * "জেলা/ব্লক" over it, primebangla24, eval s14), thirteen words at most closed
	 * by a glued dari, no sentence ended inside it, right over a
	 * paragraph longer than it that takes up one of its words: the
	 * headline, unless its last word closes it as a sentence is closed
	 * (sentence_end: Bengali puts the finite verb last, so a lede ends
	 * in one; a headline is as often a phrase, "... কেন্দ্রে উপচে পড়া
	 * ভিড়।").
	 */
	if ((zone_first_content(w, i) || label_alone_above(w, i)) && nothing_between(w, i, next) && n > 4 && line_ends_with(s, n, "।") &&
	    s[n - 4] != ' ' && !line_ends_with(s, n, "।।") && line_words(s, n) >= 4 && line_words(s, n) <= 13 &&
	    line_words(t, m) > line_words(s, n) && !line_inner_sentence(s, n) && zone_shares_word(w, i, next) &&
	    !line_matches(&rs->sentence_end, s, n))
		return 1;
	/*
	 * Opening the page, nothing above it, twenty words at most, right
	 * over a paragraph that opens with the whole of it: a post titled
	 * with its story's first sentence, finite verb and all
	 * ("<sentence>।" / "<sentence>। <more>", westbengaltimes, eval s30).
	 */
	if (zone_first_content(w, i) && nothing_between(w, i, next) && line_words(s, n) >= rs->headline_words &&
	    line_words(s, n) <= 20 && n + 1 < m && memcmp(s, t, n) == 0 && t[n] == ' ')
		return 1;
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
	long j = i - 1, k = i + 1;
	const char *s;
	size_t n, vo, vl;

	while (j >= 0 && w->l[j].len == 0)
		j--;
	if (j < 0 || rs->ticker.n == 0 || !line_matches(&rs->ticker, line_text(w, j), w->l[j].len))
		return 0;
	/*
	 * Not over a labelled date, a bullet or dash before it: that is the
	 * story's own header under its headline, the ticker's items lost
	 * ("শিরোনাম:" / "<headline>।" / "- আপডেট: <date>",
	 * somoysongbadthakurgaon, eval t39).
	 */
	while (k < (long)w->nl && w->l[k].len == 0)
		k++;
	if (k >= (long)w->nl)
		return 1;
	s = line_text(w, k);
	n = w->l[k].len;
	while (n > 0 && (*s == '-' || *s == ' ' || *s == '*'))
		s++, n--;
	return !(line_value_of(rs->published, s, n, &vo, &vl) || line_value_of(rs->updated, s, n, &vo, &vl));
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

/*
 * The next word of S[0..N) at or after *A of three letters or more (shorter
 * ones, particles and numbers, say nothing of a line's topic): its bounds
 * in [*A, *E), or 0 at the end.
 */
static int
long_word(const char *s, size_t n, size_t *a, size_t *e)
{
	size_t b = *a, f;

	while (b < n) {
		while (b < n && s[b] == ' ')
			b++;
		for (f = b; f < n && s[f] != ' '; f++)
			;
		if (f > b && text_chars(s + b, f - b) >= 3) {
			*a = b;
			*e = f;
			return 1;
		}
		b = f;
	}
	return 0;
}

/* How many words of line I (three letters or more) come back in line J, counted to MOST. */
int
zone_words_shared(const struct hzonework *w, long i, long j, int most)
{
	const char *s = line_text(w, i);
	size_t n = w->l[i].len, a, e;
	int k = 0;

	for (a = 0; k < most && long_word(s, n, &a, &e); a = e)
		k += memmem(line_text(w, j), w->l[j].len, s + a, e - a) != NULL;
	return k;
}

/* Does a word of line I (three letters or more) come back in line J? */
int
zone_shares_word(const struct hzonework *w, long i, long j)
{
	return zone_words_shared(w, i, j, 1) > 0;
}

/*
 * Does the given name of line I, a name, come back in line J: its first
 * word of three letters or more not cut short by a full stop ("মো.")?  A
 * family name does often ("ইসলাম", in the officials the story names); a
 * caption's or a label's first word, its topic, does too.
 */
int
zone_given_name_in(const struct hzonework *w, long i, long j)
{
	const char *s = line_text(w, i);
	size_t n = w->l[i].len, a, e;

	for (a = 0; long_word(s, n, &a, &e); a = e)
		if (s[e - 1] != '.')
			return memmem(line_text(w, j), w->l[j].len, s + a, e - a) != NULL;
	return 0;
}

int
zone_in_block(enum kind k)
{
	return k == K_LABELLED || k == K_DATE || k == K_BYLINE || k == K_EDITION;
}

/*
 * The first dateline pattern that reads S (as dateline() takes it) reads a
 * credit in it: a byline or an agency, not only a place and a day
 * ("<place>, ১৬ অক্টোবর: ...").
 */
int
zone_dateline_credited(const struct hzoneset *rs, const char *s, size_t n)
{
	const char *groups[] = { "author", "credit", "agency" };
	size_t k, j, so, eo, a, b;
	int credited = 0;

	rx_hold(s, n);
	for (k = 0; k < rs->dateline.n; k++) {
		struct rx *re = rs->dateline.re[k];

		if (rx_exec(re, s, n, 0, 0) != RX_MATCH || !rx_group(re, 0, &so, &eo) || so != 0 || eo >= n ||
		    line_visarga_in_word(rs, s, n, eo))
			continue;
		for (j = 0; j < 3 && !credited; j++) {
			int g = rx_named(re, groups[j]);

			credited = g >= 0 && rx_group(re, g, &a, &b) && b > a;
		}
		break;
	}
	rx_release();
	return credited;
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
 * S[0..N) is one word and a word or two in brackets after it, "<upazila>
 * (<district>)": a place, as it stands before a post ("<upazila>
 * (<district>) প্রতিনিধি") or a day; alone, no writer is named.
 */
int
zone_upazila_district(const char *s, size_t n)
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
 * The length of an initial abbreviated with a full stop opening S[0, N)
 * and the space after it ("এস. ", "মো. "): a word of three letters at
 * most closed by the stop.  0 when there is none.
 */
static size_t
name_initial(const char *s, size_t n)
{
	const char *sp = memchr(s, ' ', n);

	if (sp == NULL || sp == s || sp[-1] != '.' || text_chars(s, (size_t)(sp - s) - 1) > 3)
		return 0;
	return (size_t)(sp + 1 - s);
}

/*
 * A credit by its shape alone, no post word in it: a name and a place
 * ("Name Name ,<place>, <place>_", "Name,<place>।"), a name and the
 * outlet after a dari ("Name। <outlet>"), "<place> থেকে Name :", or two
 * to four words closed by a colon ("<outlet>ঃ"), or by a spaced double
 * dari with an outlet or place after it.  Two to eight words (a name
 * with its initials glued on, "এ.এস.Name", counts as two), no digit.
 * The value (its closing marks off) in [0, *VL); the words that name the
 * writer (before the comma or dari, after থেকে) in [*NA, *NE).
 */
int
zone_credit_shape(const char *s, size_t n, size_t *vl, size_t *na, size_t *ne, int *closedp)
{
	size_t m = n, c;
	int closed = 0, mark = 0;	/* closed by a colon or the like */
	const char *p;

	/*
	 * A spaced double dari or bar closes the credit; the outlet or the
	 * place after it, three words at most past the mark, is no part of
	 * it ("Name ।। <place>", "<post> ।। <outlet>").
	 */
	if (((p = memmem(s, n, " ।। ", 8)) != NULL || (p = memmem(s, n, " ॥ ", 5)) != NULL ||
	    (p = memmem(s, n, " || ", 4)) != NULL) && line_words(s, (size_t)(p - s)) <= 4 &&
	    line_words(p, n - (size_t)(p - s)) <= 4 && !line_has_digit(p, n - (size_t)(p - s))) {
		m = (size_t)(p - s);
		closed = 1;
	}
	for (;;) {
		while (m > 0 && s[m - 1] == ' ')
			m--;
		if (m > 0 && (s[m - 1] == '_' || s[m - 1] == ':'))
			m--, closed = 1;
		/*
		 * Slashes after the colons ("Name :::///", dainikjonojibon,
		 * eval s60); a slash alone leaves a line open, a posting
		 * account's ("<outlet> প্রতিবদক/").
		 */
		else if (m > 0 && s[m - 1] == '/') {
			for (c = m; c > 0 && s[c - 1] == '/'; c--)
				;
			if (c == 0 || s[c - 1] != ':')
				break;
			m = c;
			closed = 1;
		}
		/*
		 * A hyphen glued to the last word closes no credit alone: a
		 * headline may end so ("<headline>-"); set off by a space
		 * ("Name Name -"), or after a colon (":-"), it does.
		 */
		else if (m > 0 && s[m - 1] == '-')
			m--, closed = closed || (m > 0 && s[m - 1] == ' ');
		else if (line_ends_with(s, m, "ঃ") || line_ends_with(s, m, "–") || line_ends_with(s, m, "॥"))
			m -= 3, closed = 1;
		/* The double dari typed as two daris ("Name Name।।", subarnabarta, eval s55). */
		else if (line_ends_with(s, m, "।।"))
			m -= 6, closed = 1;
		/* A theme's arrow set off by a space ("Name, <place> >>", kalapararkantho, eval s55). */
		else if (m > 3 && s[m - 1] == '>' && s[m - 2] == '>' && s[m - 3] == ' ')
			m -= 2, closed = 1;
		else if (line_ends_with(s, m, "।"))
			m -= 3;
		/* A comma left hanging after the place ("<post>, <place>,") closes nothing. */
		else if (m > 0 && s[m - 1] == ',')
			m--;
		else
			break;
	}
	if (m == 0 || (line_words(s, m) < 2 && !line_glued_initials(s, m)) || line_words(s, m) > 8 || line_has_digit(s, m) || text_chars(s, m) > 60 ||
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
		size_t k;

		c = (size_t)(p - s);
		*ne = c;
		/*
		 * A name of two to four words before it, and a word after it;
		 * an initial abbreviated with a full stop opening the name is
		 * no word of the count ("এস. এম Name Name Name, <place>",
		 * dailycountrytodaybd, eval t87).
		 */
		k = name_initial(s, c);
		mark = line_words(s + k, c - k) >= 2 && line_words(s + k, c - k) <= 4 && line_has_letter(p, m - c);
	} else
		/*
		 * A closing mark alone: a colon or the visarga, or a spaced
		 * dash; not after a place ("<upazila> (<district>):").
		 */
		mark = closed && line_words(s, m) <= 4 && !zone_upazila_district(s, m);
	return mark;
}

/*
 * Is line J at the top of the page: nothing above it but blank lines,
 * page chrome, the page clock, dates and list items?
 */
int
zone_at_top(const struct hzonework *w, long j)
{
	long i;

	for (i = 0; i < j; i++)
		if (w->l[i].kind != K_BLANK && w->l[i].kind != K_CHROME && w->l[i].kind != K_CLOCK &&
		    w->l[i].kind != K_DATE && !line_is_item(line_text(w, i), w->l[i].len))
			return 0;
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
	/* A double dari closes a credit ("<outlet> ডেস্ক।। <story>", e-barta247, eval s33), no sentence. */
	if ((d = memmem(s, w->l[p].len, "।", 3)) == NULL || d == s || line_words(s, (size_t)(d - s)) > 3 ||
	    d[-1] == ' ' || line_words(d + 3, w->l[p].len - (size_t)(d + 3 - s)) < 2 ||
	    ((size_t)(d - s) + 6 <= w->l[p].len && memcmp(d + 3, "।", 3) == 0))
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
 * returned, else P.  A line J that is a date or a byline
 * ("<teaser>" / "Name <date>" / "<lead in full>") stays one.
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
	/* As next_content classified it, under P (classifying it again would read it trimmed). */
	if (w->l[j].kind != K_DATE && w->l[j].kind != K_LABELLED && w->l[j].kind != K_BYLINE) {
		w->l[j].kind = K_OTHER;
		w->l[j].why = whyj;
	}
	return k;
}

/*
 * A headline closed by a dari reads as a short paragraph ("<headline>।",
 * five words or more ending a sentence; h39 dipkantha, mehendiganjtimes,
 * ajkerchandpur).  Line I is one when it has fewer words than
 * paragraph_words, no title-like line or paragraph stands above it, and
 * under it, past one to four short lines that are not title-like (a
 * byline, a date, a credit no pattern reads, an image's placeholder: six
 * words at most, no sentence ended), starts a paragraph of paragraph_words
 * words or more, or the page ends under a byline or a date among them
 * (a page cut off under its header).  On a blog platform's page the
 * post's date alone over it may stand for those short lines.  The lines
 * under it are classified here ahead of the zone's walk, which classifies
 * them again.
 */
static int
dari_headline(const struct hzoneset *rs, struct hzonework *w, long i, const struct hzpage *pg)
{
	long zone = pg->zone, d;
	const char *s = line_text(w, i);
	size_t n = w->l[i].len;
	long j, k, shorts = 0, header = 0;

	if (w->l[i].again || !line_ends_with(s, n, "।") || text_words_upto(s, n, rs->para_words) >= rs->para_words)
		return 0;
	for (j = 0; j < i; j++)
		if (w->l[j].kind == K_TITLELIKE || w->l[j].kind == K_PARA)
			return 0;
	for (k = next_line(w, i + 1, zone); k < zone; k = next_line(w, k + 1, zone)) {
		const char *t = line_text(w, k);
		size_t m = w->l[k].len;

		/* The headline printed again under it ("<headline>।" twice, focusbengal, eval t11). */
		if (m == n && memcmp(t, s, n) == 0 && shorts == 0) {
			shorts++;
			continue;
		}
		w->l[k].kind = K_OTHER;
		w->l[k].why = NULL;
		line_classify(rs, w, (size_t)k);
		/*
		 * On a blog platform's page the post's date alone over it
		 * says the same as a line under it ("<weekday>, D <month>,
		 * YYYY" / "<headline> ।" / the story).
		 */
		if (w->l[k].kind == K_PARA)
			return (shorts > 0 || (pg->blog && (d = zone_step(w, i, -1, 0, i)) >= 0 && zone_step(w, d, -1, 0, i) < 0 &&
			    w->l[d].kind == K_DATE)) && text_words_upto(t, m, rs->para_words) >= rs->para_words;
		/* A title-like line under it is the headline's rival (a caption, "<place> <event>"): no. */
		if (++shorts > 4 || w->l[k].kind == K_TITLELIKE || text_words_upto(t, m, 7) > 6 || line_sentence_end(t, m) ||
		    line_ends_with(t, m, "।"))
			return 0;
		header += zone_in_block(w->l[k].kind);
	}
	/* A page cut off under its header: a byline or a date under it says the same. */
	return k >= (long)w->nl && header > 0;
}

/*
 * The page's text in NFC, cut into lines (a header flattened onto one line
 * cut into its lines, a credit wrapped over two and a date set out in
 * pieces joined), the header zone (rs->zone lines at most) measured, name
 * prefixes masked and copies of the headline marked.
 */
static void
find_zone(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg)
{
	buf_reset(&w->text);
	text_nfc(rec->body.s ? rec->body.s : "", rec->body.len, &w->text);
	split(w);
	if (flat_unflatten(rs, w) || flat_unflatten_byline(rs, w) || flat_unflatten_dates(rs, w))
		split(w);
	if (flat_unflatten_label(rs, w))
		split(w);
	pg->zone = (long)(w->nl < rs->zone ? w->nl : rs->zone);
	if (wrap_join_credit(rs, w, (size_t)pg->zone)) {
		split(w);
		pg->zone = (long)(w->nl < rs->zone ? w->nl : rs->zone);
	}
	if (wrap_join_date(rs, w, (size_t)pg->zone)) {
		split(w);
		pg->zone = (long)(w->nl < rs->zone ? w->nl : rs->zone);
	}
	/* Only the zone and the line under it (the first paragraph, at most) are read. */
	w->masked = 0;
	w->named = 0;
	if (pg->zone > 0)
		mask_prefixes(rs, w, (size_t)pg->zone < w->nl ? w->l[pg->zone].off + w->l[pg->zone].len : w->text.len);
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
 * The headline right above line I (past blank lines and chrome), a
 * title-like line of headline_words words or more with a Bengali letter,
 * or -1.
 */
static long
headline_over(const struct hzoneset *rs, const struct hzonework *w, long i)
{
	long j = zone_step(w, i, -1, 0, i);

	return j >= 0 && w->l[j].kind == K_TITLELIKE && line_letter_in(line_text(w, j), w->l[j].len, 0) &&
	    line_words(line_text(w, j), w->l[j].len) >= rs->headline_words ? j : -1;
}

/*
 * Does the paragraph after line P open as P does, with what a dateline
 * pattern reads ("যশোর সদর: ..." over "সুনামগঞ্জ সদর: ...")?  Then the
 * places open the items of a list (an election's results, upazila by
 * upazila), and P opens no article.
 */
static int
dateline_list(const struct hzoneset *rs, const struct hzonework *w, long p)
{
	size_t j = (size_t)p + 1;

	while (j < w->nl && w->l[j].len == 0)
		j++;
	return j < w->nl && line_words(line_text(w, j), w->l[j].len) >= rs->para_words &&
	    line_matches(&rs->dateline, line_text(w, j), w->l[j].len);
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
	long i = *ip, n2 = next, j;

	/*
	 * A sentence of a headline's length opening the page, right
	 * over the byline or the dates, is the headline (some end
	 * theirs with the dari).  Lines in Latin letters only above it
	 * are furniture too (a theme's "Top News" bar).
	 */
	/* A short name between them (a writer's, no byline word) is passed over. */
	if (w->l[next].kind == K_TITLELIKE && line_words(line_text(w, next), w->l[next].len) <= 4 &&
	    (n2 = next_line(w, next + 1, pg->zone)) < pg->zone) {
		w->l[n2].kind = K_OTHER;
		w->l[n2].why = NULL;
		line_classify(rs, w, (size_t)n2);
	}
	if ((w->l[n2].kind == K_LABELLED || w->l[n2].kind == K_BYLINE || w->l[n2].kind == K_DATE) &&
	    zone_furniture_above(w, i) && line_words(line_text(w, i), w->l[i].len) <= 20) {
		w->l[i].kind = K_TITLELIKE;
		w->l[i].why = "a sentence opening the page, over the byline or the dates";
		return 1;
	}
	/*
	 * Nor over a short name closed by its colon or the visarga, the
	 * story under it ("<headline>।" / "Name Nameঃ" / <paragraph>): that
	 * name is the writer's (placed_credits reads it).
	 */
	{
		size_t vl, na, ne;
		int closed;
		long k;

		if (zone_opens_page(w, i) && line_words(line_text(w, i), w->l[i].len) <= 20 &&
		    zone_credit_shape(line_text(w, next), w->l[next].len, &vl, &na, &ne, &closed) && closed &&
		    (k = next_line(w, next + 1, pg->zone)) < pg->zone) {
			struct rline below = w->l[k];

			w->l[k].kind = K_OTHER;
			w->l[k].why = NULL;
			line_classify(rs, w, (size_t)k);
			if (w->l[k].kind == K_PARA) {
				w->l[i].kind = K_TITLELIKE;
				w->l[i].why = "a sentence opening the page, over a writer's name closed by its colon";
				return 1;
			}
			w->l[k] = below;
		}
	}
	if (w->l[next].kind == K_LABELLED) {
		w->l[i].kind = K_OTHER;
		w->l[i].why = "a standfirst above the byline and date";
		return 1;
	}
	/*
	 * Under the headline, over a byline a pattern reads and the story
	 * under it (past the dates), a sentence shorter than a paragraph is
	 * the photo's caption ("<headline>" / "<caption>।" / "<place> থেকে
	 * সংবাদদাতা :" / <story>).  A longer one is the standfirst, which
	 * the text opens with (tests/anysite/s14-standfirst-then-dates); with
	 * nothing under the byline, the paragraph is the story and the byline
	 * its signature.  Under a line none of whose words the story takes
	 * up (a site's tagline, "আজকের সর্বশেষ সবখবর"), a sentence whose words
	 * it does take up is the headline, closed by a dari.
	 */
	if (w->l[next].kind == K_BYLINE && w->l[next].pattern && (j = headline_over(rs, w, i)) >= 0 &&
	    text_words_upto(line_text(w, i), w->l[i].len, rs->para_words) < rs->para_words) {
		long k = next;

		while ((k = next_content(rs, w, pg->zone, k)) >= 0 && (zone_in_block(w->l[k].kind) || w->l[k].kind == K_CLOCK))
			;
		if (k >= 0 && w->l[k].kind == K_PARA && zone_shares_word(w, j, k)) {
			w->l[i].kind = K_OTHER;
			w->l[i].why = "a caption between the headline and the byline over the story";
			return 1;
		}
		if (k >= 0 && w->l[k].kind == K_PARA && zone_shares_word(w, i, k)) {
			w->l[i].kind = K_TITLELIKE;
			w->l[i].why = "a sentence over the byline, its words the story's, under a line with none of them (a tagline)";
			return 1;
		}
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
	if (n2 != next && !(n2 < pg->zone && opens_page(w, i) && line_words(line_text(w, i), w->l[i].len) <= 20))
		n2 = next;
	if (w->l[n2].kind == K_PARA && !line_matches(&rs->dateline, line_text(w, i), w->l[i].len) &&
	    line_matches(&rs->dateline, line_text(w, n2), w->l[n2].len) &&
	    line_words(line_text(w, n2), w->l[n2].len) >= rs->para_words && !dateline_list(rs, w, n2)) {
		/*
		 * Opening the page, a sentence of a headline's length
		 * is the headline itself (some end theirs with the dari),
		 * the page clock or chrome above it or not.
		 */
		if (opens_page(w, i) && line_words(line_text(w, i), w->l[i].len) <= 20) {
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

/* Is there nothing above line I but blank lines and bylines? */
static int
bylines_above(const struct hzonework *w, long i)
{
	long j;

	for (j = 0; j < i; j++)
		if (w->l[j].kind != K_BLANK && w->l[j].kind != K_BYLINE)
			return 0;
	return 1;
}

/*
 * Does a line of prose stand below line K: paragraph_words words or more,
 * with a comma or a dari?  (The lines there are not read yet.)
 */
static int
prose_below(const struct hzoneset *rs, const struct hzonework *w, long k)
{
	size_t j;

	for (j = (size_t)k + 1; j < w->nl; j++) {
		const char *s = line_text(w, j);
		size_t n = w->l[j].len;

		if (line_words(s, n) >= rs->para_words && (memchr(s, ',', n) != NULL || memmem(s, n, "।", 3) != NULL))
			return 1;
	}
	return 0;
}

/*
 * Does S[0, N) close with the start of T[0, M) cut short by an ellipsis,
 * four words at least after a word of S's own, a space between or none
 * ("Home <section> <the headline's first words>...", jugobarta, eval s22;
 * "Home<section><the headline's first words>...", banglapage24, s50)?
 * Then S is the breadcrumb, its last step the headline T cut to fit.
 */
static int
crumb_cut(const char *s, size_t n, const char *t, size_t m)
{
	size_t a;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n >= 3 && memcmp(s + n - 3, "...", 3) == 0)
		n -= 3;
	else if (line_ends_with(s, n, "…"))
		n -= strlen("…");
	else
		return 0;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	for (a = 1; a < n; a++)
		if (s[a] != ' ' && ((unsigned char)s[a] & 0xC0) != 0x80 && n - a < m && memcmp(s + a, t, n - a) == 0)
			return line_words(s + a, n - a) >= 4;
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
	 * <date>", other stories) is no article's paragraph; one of
	 * twice paragraph_words words or more is no story's headline
	 * but the article's own point, bulleted ("• <topic>:- <three
	 * sentences>", phoenixbangla, eval t9).
	 */
	if (line_is_item(line_text(w, i), w->l[i].len) && ((next >= 0 && line_is_item(line_text(w, next), w->l[next].len)) ||
	    (i > 0 && line_is_item(line_text(w, i - 1), w->l[i - 1].len))) &&
	    text_words_upto(line_text(w, i), w->l[i].len, 2 * rs->para_words) < 2 * rs->para_words) {
		w->l[i].kind = K_OTHER;
		w->l[i].why = "a list item among others (a list of stories)";
		return 0;
	}
	/*
	 * The headline with the breadcrumb's section names glued before
	 * it ("Home<section><headline>।"), whole or cut short by an
	 * ellipsis, over the headline alone: the breadcrumb, no paragraph
	 * however it ends; the line alone is read as if the copy were not
	 * there.
	 */
	if (next >= 0 && w->l[next].len > 0 && line_words(line_text(w, next), w->l[next].len) >= 4 &&
	    ((w->l[next].len + 1 < w->l[i].len &&
	    memcmp(line_text(w, i) + w->l[i].len - w->l[next].len, line_text(w, next), w->l[next].len) == 0) ||
	    crumb_cut(line_text(w, i), w->l[i].len, line_text(w, next), w->l[next].len))) {
		w->l[i].kind = K_CHROME;
		w->l[i].why = "the headline with a breadcrumb glued before it, over the headline alone";
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
	 * Opening the page, twenty words at most, over a short name
	 * alone and then a paragraph that opens with its first six
	 * words: the headline, however it ends (some close theirs with
	 * a dari, commas and all), the paragraph spelling it out
	 * ("<headline>।" / "Name Name" / "<headline's words> ...").
	 */
	if (next >= 0 && w->l[next].kind != K_PARA && zone_furniture_above(w, i) &&
	    line_words(line_text(w, i), w->l[i].len) <= 20 && line_words(line_text(w, next), w->l[next].len) >= 2 &&
	    line_words(line_text(w, next), w->l[next].len) <= 4 && line_bengali_name(line_text(w, next), w->l[next].len)) {
		long p = next_content(rs, w, pg->zone, next);

		if (p >= 0 && w->l[p].kind == K_PARA && opens_alike(line_text(w, i), w->l[i].len, line_text(w, p), w->l[p].len, 6)) {
			w->l[i].kind = K_TITLELIKE;
			w->l[i].why = "a line opening the page over a name alone and a paragraph opening with its first six words";
			return 0;
		}
	}
	/*
	 * Opening the page (furniture above it, a login menu's "Edit
	 * Profile" too, and a section's name), twenty words at most, no
	 * sentence ended in it or at its end (a dari only set off by spaces, a
	 * kicker's mark: "Kolkata Metro । <headline>, <more>"), over
	 * a paragraph: the headline, commas and all (a paragraph's
	 * line ends a sentence, or is cut at the page's end; or
	 * is cut at a width, the line right under it then opening
	 * with the end of its sentence: with a blank line between,
	 * a short first sentence is the story's, humppy, eval s20).
	 * Not one a dateline with a credit opens: that is the story's
	 * first line, cut at a width ("<place> প্রতিনিধি: <words>" over
	 * the rest of its sentence).
	 */
	if (next >= 0 && w->l[next].kind == K_PARA && (zone_furniture_above(w, i) || section_above(rs, w, i)) &&
	    long_headline(w, i) && !(next == i + 1 && ends_sentence_early(line_text(w, next), w->l[next].len)) &&
	    !zone_dateline_credited(rs, line_text(w, i), w->l[i].len)) {
		w->l[i].kind = K_TITLELIKE;
		w->l[i].why = "a line of twenty words at most ending no sentence, opening the page over the story";
		return 0;
	}
	/*
	 * The same over date labels the theme left empty and then the
	 * story ("<headline>" / "Published on:" / "Published on:" /
	 * "<desk> : <story>", banglahunt, eval s10): an empty label is
	 * the header's, so the line over it is no paragraph.
	 */
	if (next >= 0 && w->l[next].kind != K_PARA && zone_furniture_above(w, i) && long_headline(w, i)) {
		long q = next;

		while (q >= 0 && w->l[q].kind != K_PARA && line_label_alone(rs, line_text(w, q), w->l[q].len) != S_NONE)
			q = next_content(rs, w, pg->zone, q);
		if (q > next && w->l[q].kind == K_PARA) {
			w->l[i].kind = K_TITLELIKE;
			w->l[i].why = "a line of twenty words at most ending no sentence, opening the page over empty date labels";
			return 0;
		}
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
	if (next >= 0 && w->l[next].kind == K_PARA && line_words(line_text(w, i), w->l[i].len) <= 6 && (zone_at_top(w, i) ||
	    ((k = (size_t)zone_step(w, i, -1, 0, i)) != (size_t)-1 && w->l[k].kind == K_TITLELIKE && zone_opens_page(w, (long)k)))) {
		size_t vl, na, ne;
		int closed;

		if (zone_credit_shape(line_text(w, i), w->l[i].len, &vl, &na, &ne, &closed) && ne < vl) {
			w->l[i].kind = K_OTHER;
			w->l[i].why = NULL;
			return 0;
		}
	}
	/*
	 * A photo's words in Latin letters alone between the paragraph and
	 * the header's lines under it ("<standfirst>" / "students of ..." /
	 * "Published by: ..." / "Posted: <date>", sangbadpratidin, eval
	 * s15) stand in no way.
	 */
	{
		long q = next;

		while (q >= 0 && w->l[q].kind != K_PARA && !zone_in_block(w->l[q].kind) && !line_letter_in(line_text(w, q), w->l[q].len, 0) &&
		    line_letter_in(line_text(w, q), w->l[q].len, 1))
			q = next_content(rs, w, pg->zone, q);
		if (q >= 0 && q != next && zone_in_block(w->l[q].kind))
			next = q;
	}
	if (next >= 0 && over_header(rs, w, pg, ip, next))
		return 0;
	/*
	 * Over a headline and its byline or date, with no header line above
	 * it, a paragraph is the site's: a tagline under its name ("স্বাগতম
	 * <site> নিউজপোর্টালে। ..."), a ticker's sentence.  The article is
	 * below.  Opening the page (a byline at most above it) with no
	 * paragraph below, it is the story's opening, printed over its header
	 * (read_below_header reads the header then).
	 */
	if (next >= 0 && w->l[next].kind == K_TITLELIKE && !header_line_above(w, i) &&
	    (k = (size_t)next_content(rs, w, pg->zone, next)) != (size_t)-1 &&
	    (w->l[k].kind == K_LABELLED || w->l[k].kind == K_DATE || w->l[k].kind == K_BYLINE) &&
	    (prose_below(rs, w, (long)k) || !bylines_above(w, i))) {
		w->l[i].kind = K_OTHER;
		w->l[i].why = "a paragraph over a headline and its byline or date, nothing of the header above (the site's tagline)";
		return 0;
	}
	return 1;
}

static const char credit_label_why[] = "a writer's label alone, the name on the next line";

/*
 * What each line of the zone is, up to the first paragraph: pg->p (pg->zone
 * when none), and pg->latin, a line in Latin letters that may be the headline
 * put into English.
 */
static void
classify_zone(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i, j;

	/* Every line of the zone, by what it is; the first paragraph ends the zone. */
	for (i = 0; i < pg->zone; i++) {
		w->l[i].kind = K_OTHER;
		w->l[i].why = NULL;
		line_classify(rs, w, (size_t)i);
		/*
		 * A writer's label alone ("প্রতিনিধি :") is the theme's (a line
		 * of the block still, its slot perhaps left empty); a short
		 * name right under it is the writer, the slot filled ("Name
		 * Name", or the outlet's name when the story has no writer of
		 * its own: a dateline's credit then wins, write_line).
		 */
		if (w->l[i].kind == K_OTHER && line_credit_label_alone(rs, line_text(w, i), w->l[i].len)) {
			w->l[i].why = credit_label_why;
			continue;
		}
		for (j = i - 1; j >= 0 && w->l[j].kind == K_BLANK; j--)
			;
		if (j >= 0 && w->l[j].why == credit_label_why && (w->l[i].kind == K_TITLELIKE || w->l[i].kind == K_OTHER) &&
		    zone_short_name(w, (size_t)i) && line_words(line_text(w, i), w->l[i].len) >= 2) {
			w->l[i].kind = K_BYLINE;
			w->l[i].vo = w->l[i].off;
			w->l[i].vl = w->l[i].half;
			w->l[i].asis = 1;
			w->l[i].why = "a name under a writer's label alone";
			continue;
		}
		/*
		 * A photo's caption that opens with the whole of the line above
		 * it, then the photo's credit ("<headline>।" / "<headline>। ফাইল
		 * ফটো", pothiknews, eval s23): that line, opening the page, is the
		 * headline the caption repeats, however it ends.
		 */
		if (w->l[i].kind == K_KEEP && j >= 0 && w->l[j].kind == K_OTHER && w->l[j].why == NULL &&
		    w->l[j].len + 1 < w->l[i].len && memcmp(line_text(w, j), line_text(w, i), w->l[j].len) == 0 &&
		    line_text(w, i)[w->l[j].len] == ' ' && zone_furniture_above(w, j) &&
		    line_words(line_text(w, j), w->l[j].len) >= rs->headline_words && line_words(line_text(w, j), w->l[j].len) <= 20) {
			w->l[j].kind = K_TITLELIKE;
			w->l[j].why = "a line opening the page that the photo's caption under it prints again, its credit after";
			continue;
		}
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
		/*
		 * A ticker's label ("সংবাদ শিরোনাম" over other stories'
		 * headlines) is never the headline either, nor a byline where a
		 * credit's pattern reads its words ("সদ্য প্রাপ্ত খবর ::").
		 */
		if ((w->l[i].kind == K_TITLELIKE || w->l[i].kind == K_BYLINE) && line_matches(&rs->ticker, line_text(w, i), w->l[i].len)) {
			w->l[i].kind = K_CHROME;
			w->l[i].why = "a ticker's label";
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
		 * or date, it is a lede printed twice, and stays one.  The first
		 * of two copies around the byline and dates is left to the
		 * second (below), which makes it the headline (newsdekho24,
		 * eval t29).
		 */
		if (w->l[i].kind == K_PARA && w->l[i].again && !header_above(w, i, rs->headline_words) &&
		    !copied_under_header(w, i, pg->zone)) {
			w->l[i].kind = K_OTHER;
			w->l[i].why = "the headline printed again";
			continue;
		}
		/*
		 * Printed again under the byline and dates, a line the zone
		 * printed above them first, no title-like line between, is the
		 * headline, closing dari and all ("<headline>।" / "<byline>" /
		 * "<date>" / "<headline>।"); the first copy is it.
		 */
		if (w->l[i].kind == K_PARA && w->l[i].again && (j = copy_over_header(w, i)) >= 0) {
			w->l[j].kind = K_TITLELIKE;
			w->l[j].why = "the headline, printed again under the byline and dates";
			w->l[i].kind = K_OTHER;
			w->l[i].why = "the headline printed again, under the byline and dates";
			continue;
		}
		if (w->l[i].kind == K_PARA && headline_again(w, i)) {
			w->l[i].kind = K_OTHER;
			w->l[i].why = "a title-like line above printed again with a dari";
			continue;
		}
		if (w->l[i].kind == K_PARA && dari_headline(rs, w, i, pg)) {
			w->l[i].kind = K_TITLELIKE;
			w->l[i].why = "a short sentence closed by a dari, over a byline or date and the story: the headline";
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
 * S[0, N) a picture's credit alone, four words at most closed by a word of
 * photo_words and the dari ("<outlet> ফটো।").
 */
static int
photo_credit(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t k, m;

	if (n < strlen("।") || memcmp(s + n - strlen("।"), "।", strlen("।")) != 0 || line_words(s, n) > 4)
		return 0;
	n -= strlen("।");
	for (k = 0; k < rs->nphotos; k++) {
		m = strlen(rs->photos[k]);
		if (n > m && s[n - m - 1] == ' ' && memcmp(s + n - m, rs->photos[k], m) == 0)
			return 1;
	}
	return 0;
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
	 * The headline again word for word a few short lines under the first
	 * paragraph, with only its date, a byline or a share count between
	 * (six words a line at most): what was taken for the first paragraph
	 * is the excerpt a theme prints under the headline, and the story
	 * starts at the first long line under the copy, past a caption or a
	 * credit of six words or fewer (dhakabarta, eval t2; meghnabarta,
	 * eval t43).
	 */
	if (pg->title >= 0 && pg->title < pg->p && pg->p < pg->zone) {
		long j = next_line(w, pg->p + 1, pg->zone), k, n;

		for (n = 0; n < 4 && j < pg->zone && !zone_same(w, (size_t)j, (size_t)pg->title) &&
		    line_words(line_text(w, j), w->l[j].len) <= 6; n++)
			j = next_line(w, j + 1, pg->zone);
		if (j < pg->zone && zone_same(w, (size_t)j, (size_t)pg->title)) {
			for (k = next_line(w, j + 1, pg->zone), n = 0; n < 3 && k < pg->zone &&
			    line_words(line_text(w, k), w->l[k].len) <= 6; n++)
				k = next_line(w, k + 1, pg->zone);
			if (k < pg->zone)
				pg->p = starts_below(rs, w, pg->p, j, k, "an excerpt, the headline again a few lines under it",
				    "the headline again, over the story");
		}
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
		/*
		 * Nor is a picture's credit alone, closed with a dari ("<outlet>
		 * ফটো।", dailyshomosamayik, eval s43): its last word names the
		 * picture.
		 */
		if (photo_credit(rs, s, w->l[j].len)) {
			w->l[j].why = "a picture's credit alone";
			break;
		}
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
 * Is line I a labelled date line with a segment a byline pattern reads
 * ("স্টাফ রিপোর্টার | আপডেট: <date>")?
 */
static int
labelled_byline(const struct hzoneset *rs, const struct hzonework *w, long i)
{
	const char *s = line_text(w, (size_t)i);
	size_t n = w->l[i].len, at = 0, a, e, vo, vl;

	if (w->l[i].kind != K_LABELLED)
		return 0;
	while (line_segment(s, n, &at, &a, &e))
		if (line_what_segment(rs, s + a, e - a, &vo, &vl) == S_BYLINE)
			return 1;
	return 0;
}

/*
 * pg->patterned: whether a byline pattern reads a line above the first
 * paragraph, or a segment of a labelled date line; pg->credited: whether
 * the first paragraph's dateline names a credit (w->patterned: either).
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
	/*
	 * A labelled line's byline segment counts too; its segments are
	 * read only when a name placed by position waits to give way, which
	 * keeps the byline patterns off every page's date lines.
	 */
	for (i = 0; !pg->patterned && i < pg->p && !(w->l[i].kind == K_BYLINE && !w->l[i].pattern) &&
	    !(w->l[i].kind == K_DATE && w->l[i].cl > 0); i++)
		;
	if (!pg->patterned && i < pg->p) {
		for (i = 0; i < pg->p && !labelled_byline(rs, w, i); i++)
			;
		pg->patterned = i < pg->p;
	}
	/* A dateline's credit counts as a byline a pattern reads (a place and a day alone do not). */
	pg->credited = pg->p < pg->zone && zone_dateline_credited(rs, line_text(w, pg->p), w->l[pg->p].len);
	w->patterned = pg->patterned || pg->credited;
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
	struct hzpage page = {.p = -1, .b0 = -1, .title = -1, .foot = -1, .under = -1, .latin = -1, .below0 = -1, .below1 = -1}, *pg = &page;
	struct rxmemo *lent = rx_memo(w->memo);	/* the same patterns run on the same lines again and again */

	w->ex = ex;
	w->src = ex ? record_source(rec, &scratch) : "";

	/* The zone and what its lines are, up to the first paragraph. */
	pg->blog = blog_platform(rs, rec);
	find_zone(rs, w, rec, pg);
	classify_zone(rs, w, pg);
	/* The byline and date block. */
	mark_block(rs, w, pg);
	names_beside_dates(rs, w, pg);
	honorific_over_story(rs, w, pg);
	/* The headline (hzonehead.c), then where the story starts under it. */
	headline_by_block(rs, w, pg);
	headline_by_copies(rs, w, pg);
	headline_last_resorts(rs, w, pg);
	name_over_role(rs, w, pg);
	role_over_name(rs, w, pg);
	story_start_below(rs, w, pg);
	/* The dates and bylines placed against both. */
	clock_or_story_dates(rs, w, pg);
	post_date(rs, w, pg);
	note_page_zone(rs, w, rec, pg);
	find_patterned(rs, w, pg);
	/* The record. */
	write_header(rs, w, rec, pg);
	read_below_header(rs, w, rec, pg);
	drop_placeholders(rs, w, rec);
	write_body(w, rec, pg);
	/* strip-boilerplate's word to the reader (hzonestory.c, site_credit), read. */
	record_del(rec, "lead_credit");

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
