/*
 * hzonehead.c: the headline of the header-zone reader (hzone.c): which
 * line of the zone is the headline, by where it stands against the byline
 * and date block or the first paragraph, and then which of its copies is
 * the one printed cleanest.  hzone.c has found the zone's lines and the
 * block before; it writes the line chosen here.
 */
#include <string.h>

#include "hzonework.h"
#include "text.h"
#include "util.h"

/*
 * The first title-like line under the block that starts at B0 and above
 * the paragraph P; a line of one or two words over another title-like line
 * is a section label, passed over.
 */
static long
first_below(const struct hzonework *w, long b0, long p)
{
	long j = b0;

	while ((j = zone_step(w, j, 1, 0, p)) >= 0) {
		long next;

		if (w->l[j].kind != K_TITLELIKE || !line_letter_in(line_text(w, j), w->l[j].len, 0))
			continue;
		next = zone_step(w, j, 1, 0, p);
		if (line_words(line_text(w, j), w->l[j].len) <= 2 && next >= 0 && w->l[next].kind == K_TITLELIKE)
			continue;
		return j;
	}
	return -1;
}

/*
 * The nearest title-like line above the first paragraph P, past blank,
 * chrome, kept and unread lines and a clock its label or calendars tell
 * ("এখন সময়: ..." under the headline), or -1.  A line in Latin letters only is
 * passed over: on a Bengali page it is the headline put into English, a
 * slug, an image's name or a share widget's words ("Spread the love");
 * so is one of fewer than headline_words words ("ফাইল ছবি") with a
 * longer title-like line above it, unless it stands right on the
 * paragraph (a writer's name opening the page).
 */
static long
nearest_above(const struct hzoneset *rs, struct hzonework *w, long p)
{
	long i, shortest = -1;

	for (i = p - 1; i >= 0; i--)
		if (w->l[i].kind == K_TITLELIKE && !line_letter_in(line_text(w, i), w->l[i].len, 0))
			w->l[i].why = "a title-like line with no Bengali letter, passed over";
		else if (w->l[i].kind == K_TITLELIKE && line_words(line_text(w, i), w->l[i].len) < rs->headline_words && i + 1 < p) {
			if (shortest < 0)
				shortest = i;
		} else if (w->l[i].kind == K_TITLELIKE) {
			if (shortest >= 0)
				w->l[shortest].why = "fewer words than headline_words under another title-like line (a caption's credit, a label), passed over";
			return i;
		} else if (w->l[i].kind != K_BLANK && w->l[i].kind != K_CHROME && w->l[i].kind != K_KEEP &&
		    w->l[i].kind != K_OTHER && !(w->l[i].kind == K_CLOCK && w->l[i].why != NULL && !w->l[i].placed))
			break;
	return shortest;
}

/*
 * Is S (what follows a headline printed again) the site's name after a
 * dash, a bar or a bullet ("<headline> - দৈনিকশিক্ষা", "<headline> •
 * <SITE>", the page's <title>)?  Then
 * the shorter line is the headline.  DIGITS lets the name hold a number
 * ("- ২৪ ঘন্টাই খবর"), where the shorter line was taken for the headline.
 * The name may be printed in Latin letters too, after a bar ("- <name> |
 * <Name in English>"), three words at most each.
 */
static int
site_suffix(const char *s, size_t n, int digits)
{
	size_t k;

	if (n > 3 && (memcmp(s, " - ", 3) == 0 || memcmp(s, " | ", 3) == 0))
		k = 3;
	else if (n > 5 && (memcmp(s, " – ", 5) == 0 || memcmp(s, " • ", 5) == 0))
		k = 5;
	else
		return 0;
	{
		const char *bar = memmem(s + k, n - k, " | ", 3);

		if (bar != NULL && bar > s + k && line_latin_run(bar + 3, n - (size_t)(bar + 3 - s)) &&
		    line_words(bar + 3, n - (size_t)(bar + 3 - s)) <= 3)
			n = (size_t)(bar - s);
	}
	return line_words(s + k, n - k) <= 3 && (digits || !line_has_digit(s + k, n - k)) && !memchr(s + k, '|', n - k);
}

/*
 * Does the first paragraph P retell line I: four words of I or more (three
 * letters or more each), all but one of them back in P, as a headline's
 * come back in the lead?
 */
static int
retold(const struct hzonework *w, long i, long p)
{
	int n = zone_words_shared(w, i, i, 64);

	return n >= 4 && zone_words_shared(w, i, p, 64) >= n - 1;
}

/*
 * Is T, under line I, a standfirst the first paragraph P retells I under
 * (retold): ten words or more and twice I's?  A headline
 * broken over two lines, or under a kicker, is seldom that long; a
 * writer's name under one is shorter still.
 */
static int
lead_retells(const struct hzonework *w, long i, long t, long p)
{
	size_t tw = line_words(line_text(w, t), w->l[t].len);

	return tw >= 10 && tw >= 2 * line_words(line_text(w, i), w->l[i].len) && retold(w, i, p);
}

/*
 * With no byline and date block, the line T taken for the headline, right
 * on the first paragraph P, under another title-like line that opens the
 * page under its clock ("<clock> / <headline> / <standfirst> / <story>"),
 * or at its very top over a paragraph that opens with a credit:
 * T is the standfirst, and the headline is the line above.  That line, or
 * T.  (A line between T and P, a credit, makes T the headline again: the
 * line above it is then a menu or a breadcrumb.)
 */
static long
over_subtitle(const struct hzoneset *rs, const struct hzonework *w, long t, long p)
{
	long up, i;

	if (t < 0 || zone_step(w, t, 1, 0, p) >= 0 || (up = zone_step(w, t, -1, 0, p)) < 0 || w->l[up].kind != K_TITLELIKE ||
	    !zone_opens_page(w, up) || line_words(line_text(w, up), w->l[up].len) < rs->headline_words)
		return t;
	for (i = 0; i < up && w->l[i].kind != K_CLOCK && w->l[i].kind != K_DATE; i++)
		;
	if (i < up)
		return up;
	/*
	 * Or a page cut at its headline: nothing at all above UP, a line with
	 * Bengali letters (not a clock in Latin ones), and P opens with its
	 * writer's credit ("<headline> / <standfirst> / Name ♦ <story>"), or
	 * T is a long standfirst and P retells UP: all its words but one come
	 * back in P, as a headline's do in the lead and a site's name's never
	 * do.
	 */
	for (i = 0; i < up && w->l[i].kind == K_BLANK; i++)
		;
	return i == up && line_letter_in(line_text(w, up), w->l[up].len, 0) &&
	    (zone_dateline_credited(rs, line_text(w, p), w->l[p].len) || lead_retells(w, up, t, p)) ? up : t;
}

/*
 * Is line I right over a photo credit a "keep" pattern reads ("ছবি:
 * সংগৃহীত")?  Then it is the photo's caption, however it begins.
 */
static int
over_credit(const struct hzonework *w, long i, long p)
{
	long j = zone_step(w, i, 1, 0, p);

	return j >= 0 && w->l[j].kind == K_KEEP;
}

/*
 * Is line J, title-like, a writer's name right on top of the post a byline
 * pattern reads ("Name Name" over "ক্রীড়া প্রতিবেদক"), with a longer
 * title-like line, the headline, above it?  Too few words for a headline,
 * no digit.
 */
static int
name_over_post(const struct hzoneset *rs, const struct hzonework *w, long j, long p)
{
	long below = zone_step(w, j, 1, 0, p), up = zone_step(w, j, -1, 0, p);

	return w->l[j].kind == K_TITLELIKE && line_words(line_text(w, j), w->l[j].len) < rs->headline_words &&
	    zone_short_name(w, (size_t)j) && below >= 0 && w->l[below].kind == K_BYLINE && w->l[below].pattern &&
	    up >= 0 && w->l[up].kind == K_TITLELIKE && line_words(line_text(w, up), w->l[up].len) >= rs->headline_words;
}

static int
bracketed(const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (n > 0 && s[0] == ' ')
		s++, n--;
	return n > 2 && s[0] == '[' && s[n - 1] == ']' && memchr(s + 1, ']', n - 2) == NULL;
}

static long
again_title(const struct hzoneset *rs, struct hzonework *w, long title, long p)
{
	long i, best = -1, n = 0, suffixed = 0;
	int bs = -1;

	/*
	 * A title-like line taken above every copy is the headline: what it
	 * prints twice under it is a lede or a caption.  Not one shorter than
	 * a headline, taken for want of a longer one: a section's label over
	 * the headline printed twice ("শহর <town>", bankura24x7, eval s30).
	 */
	if (title >= 0 && w->l[title].kind == K_TITLELIKE && !w->l[title].again &&
	    line_words(line_text(w, title), w->l[title].len) >= rs->headline_words) {
		for (i = 0; i < title && !w->l[i].again; i++)
			;
		if (i == title)
			return title;
	}
	for (i = 0; i < p; i++) {
		int sc;

		/* Nor is a line in Latin letters only (a follow button's words). */
		if (!w->l[i].again || w->l[i].kind == K_CHROME || !line_letter_in(line_text(w, i), w->l[i].len, 0))
			continue;
		/* A name printed again as a byline and a caption, a date, a caption: not the headline. */
		if (w->l[i].kind != K_TITLELIKE && w->l[i].kind != K_OTHER)
			return title;
		n++;
		suffixed += w->l[i].again == AGAIN_SUFFIXED;
		/*
		 * A copy wrapped whole in brackets is the photo's alt text
		 * ("[<headline>]" over the story), not the headline as set;
		 * nor is one with a doubled space (an alt text typed apart).
		 * Ties: the line taken so far, else the later copy.
		 */
		sc = ((((w->l[i].again == AGAIN_SAME) * 2 + !bracketed(line_text(w, i), w->l[i].len)) * 2 +
		    !line_ends_with(line_text(w, i), w->l[i].len, "।")) * 2 +
		    !memmem(line_text(w, i), w->l[i].len, "  ", 2)) * 2 + (i == title);
		if (sc >= bs)
			bs = sc, best = i;
	}
	/*
	 * Three words printed twice may be a name (a byline over a photo's
	 * credit); with the site's name after a copy, they are the headline.
	 */
	if (n < 2 || (!suffixed && line_words(line_text(w, best), w->l[best].len) < 4))
		return title;
	for (i = 0; i < p; i++)
		if (w->l[i].again && i != best && (w->l[i].kind == K_TITLELIKE || w->l[i].kind == K_OTHER)) {
			w->l[i].kind = K_OTHER;
			if (w->l[i].why == NULL)
				w->l[i].why = "the headline printed again";
		}
	if (best != title)
		w->l[best].why = "the headline printed again, its cleanest copy";
	return best;
}

/*
 * Is there nothing above line J but page furniture (zone_furniture_above)
 * and title-like lines shorter than a headline: a section's label over
 * the headline ("<district>ের খবর")?
 */
static int
labels_above(const struct hzoneset *rs, const struct hzonework *w, long j)
{
	long i;

	for (i = 0; i < j; i++)
		if (w->l[i].kind == K_TITLELIKE && line_words(line_text(w, i), w->l[i].len) < rs->headline_words)
			continue;
		else if (w->l[i].kind != K_BLANK && w->l[i].kind != K_CHROME && w->l[i].kind != K_CLOCK &&
		    w->l[i].kind != K_DATE && !(w->l[i].kind == K_TITLELIKE && !line_letter_in(line_text(w, i), w->l[i].len, 0)))
			return 0;
	return 1;
}

/*
 * Words in Latin letters and in Bengali on one line ("Slider টপ নিউজ", a
 * theme's slider label over its section's name, grambanglanews24, eval
 * s32): a writer's name is printed in one script.
 */
static int
mixed_scripts(const char *s, size_t n)
{
	return line_latin_in(s, n) && line_letter_in(s, n, 0);
}

/*
 * A short name (four words at most, no digit, no colon) taken for the
 * headline T, right under a longer title-like line that opens the page
 * (two words longer, or one the first paragraph retells)
 * (a section's label may stand over it),
 * with at most one word between it and the first paragraph P (the outlet's
 * name), its given name not in that paragraph and its words not a piece of
 * the line above (the headline printed again without its date), is the
 * writer's byline ("<headline>" / "Name Name" / "<outlet>" / "<place>
 * থেকে: <story>"): the
 * line above is the headline, returned; T otherwise.  Such a line in
 * Latin and Bengali letters is a theme's label (mixed_scripts), chrome,
 * the line above the headline all the same; so is one a not_name pattern
 * reads (a section's "আইন ও আদালত <place>", keraniganjeralo, eval t93).
 */
static long
name_under_headline(const struct hzoneset *rs, struct hzonework *w, long t, long p)
{
	long up = zone_step(w, t, -1, 0, p), i;
	size_t nw = line_words(line_text(w, t), w->l[t].len);

	if (up < 0 || nw < 2 || nw > 4 || !zone_short_name(w, (size_t)t) || w->l[up].kind != K_TITLELIKE ||
	    !labels_above(rs, w, up) ||
	    line_words(line_text(w, up), w->l[up].len) < rs->headline_words ||
	    (line_words(line_text(w, up), w->l[up].len) <= nw + 1 && !retold(w, up, p)) || zone_given_name_in(w, t, p) ||
	    memmem(line_text(w, up), w->l[up].len, line_text(w, t), w->l[t].len) != NULL)
		return t;
	for (i = t + 1; i < p; i++)
		if (w->l[i].len > 0 && (line_words(line_text(w, i), w->l[i].len) > 1 || i > t + 2))
			return t;
	if (mixed_scripts(line_text(w, t), w->l[t].len)) {
		w->l[t].kind = K_CHROME;
		w->l[t].why = "a label in two scripts under the headline that opens the page (no writer's name)";
		return up;
	}
	if (line_matches(&rs->not_name, line_text(w, t), w->l[t].len)) {
		w->l[t].kind = K_OTHER;
		w->l[t].why = "a label under the headline that opens the page, words no name holds (not_name)";
		return up;
	}
	w->l[t].kind = K_BYLINE;
	w->l[t].vo = w->l[t].off;
	w->l[t].vl = w->l[t].half;
	w->l[t].why = "a short name under the headline that opens the page, right over the first paragraph";
	return up;
}

/*
 * Line J between the headline T and the first paragraph P, a name of two
 * or three words in Bengali letters and its place, one word after a
 * comma, that the paragraph names ("Name Name, <upazila>" over "<district>
 * <upazila> উপজেলায় ...", protidinerkatha, eval s36): the writer's byline,
 * as printed.  The headline has more words; the name's given name is not
 * in the paragraph.
 */
static void
name_place_over_paragraph(struct hzonework *w, long t, long j, long p)
{
	const char *s = line_text(w, j), *c = memchr(s, ',', w->l[j].len);
	size_t n = w->l[j].len, a, b;

	if (c == NULL || p >= (long)w->nl)
		return;
	a = (size_t)(c - s);
	for (b = a + 1; b < n && s[b] == ' '; b++)
		;
	if (line_words(s, a) < 2 || line_words(s, a) > 3 || !line_bengali_name(s, a) || b >= n ||
	    line_words(s + b, n - b) != 1 || !line_bengali_name(s + b, n - b) ||
	    line_words(line_text(w, t), w->l[t].len) <= line_words(s, n) || zone_given_name_in(w, j, p) ||
	    memmem(line_text(w, p), w->l[p].len, s + b, n - b) == NULL)
		return;
	w->l[j].kind = K_BYLINE;
	w->l[j].vo = w->l[j].off;
	w->l[j].vl = n;
	w->l[j].why = "a name and its place after a comma alone between the headline and the first paragraph, the place in it";
}

/*
 * The only line between the headline T and the first paragraph P, a name
 * of two to four words in Bengali letters ("মীর Name Name Name"), shorter
 * than the headline and no piece of it, none of its words in the
 * paragraph: the writer's byline, no mark on it
 * (a column's "<headline>" / "Name Name" / the story); with a comma in
 * it, name_place_over_paragraph asks.
 */
static void
name_over_paragraph(struct hzonework *w, long t, long p)
{
	long j = zone_step(w, t, 1, 0, p);
	size_t nw;

	if (j < 0 || zone_step(w, j, 1, 0, p) >= 0 || w->l[j].kind != K_TITLELIKE)
		return;
	if (!zone_short_name(w, (size_t)j)) {
		name_place_over_paragraph(w, t, j, p);
		return;
	}
	nw = line_words(line_text(w, j), w->l[j].len);
	if (nw < 2 || nw > 4 || !line_bengali_name(line_text(w, j), w->l[j].half) ||
	    line_words(line_text(w, t), w->l[t].len) <= nw || zone_given_name_in(w, j, p) ||
	    memmem(line_text(w, t), w->l[t].len, line_text(w, j), w->l[j].len) != NULL)
		return;
	w->l[j].kind = K_BYLINE;
	w->l[j].vo = w->l[j].off;
	w->l[j].vl = w->l[j].half;
	w->l[j].why = "a short name alone between the headline and the first paragraph";
}

/*
 * Does the block from B0 hold a byline a pattern reads (on its own line
 * or before a labelled date)?  Then a short line on top of it is no
 * writer's name but the headline.
 */
static int
block_credit(const struct hzoneset *rs, const struct hzonework *w, long b0, long p)
{
	long i;
	size_t vo, vl;

	for (i = b0; i >= 0 && i < p && (zone_in_block(w->l[i].kind) || w->l[i].kind == K_BLANK || w->l[i].kind == K_CHROME); i++)
		if ((w->l[i].kind == K_BYLINE && w->l[i].pattern) ||
		    (w->l[i].kind == K_LABELLED && line_credit_before_label(rs, line_text(w, (size_t)i), w->l[i].len, &vo, &vl)))
			return 1;
	return 0;
}

/*
 * pg->title with a byline and date block (pg->b0): the nearest title-like
 * line above it; with nothing there, the first one below it.  A short name
 * on top of the dates may be the byline instead (pg->b0 moves up).
 */
static void
headline_over_block(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i, j = pg->b0;
	int seen = 0;

	while ((j = zone_step(w, j, -1, 0, pg->p)) >= 0 && seen++ < 4)
		if (w->l[j].kind == K_TITLELIKE && w->l[pg->b0].len > w->l[j].len &&
		    memcmp(line_text(w, pg->b0), line_text(w, j), w->l[j].len) == 0) {
			w->l[j].kind = K_CHROME;
			w->l[j].why = "the writer's name over the byline that repeats it";
		} else if (w->l[j].kind == K_TITLELIKE && !line_letter_in(line_text(w, j), w->l[j].len, 0)) {
			long below;

			w->l[j].why = "a title-like line with no Bengali letter, passed over";
			/*
			 * Unless it is a name in Latin letters right on top of
			 * the dates, a longer headline in Bengali under them
			 * ("Name Name" / "প্রকাশ : <date>" / "<headline>"): the
			 * writer's byline, as a Bengali name there is.  Over a
			 * date with no label it is the masthead over the clock
			 * ("Site Name" / "<day month year>", and with the time,
			 * "Site Name" / "<time> ঢাকা, <weekday> <date>" /
			 * "<headline>", sheershamedia, eval t80).
			 */
			if (zone_step(w, j, 1, 0, pg->p) == pg->b0 && w->l[pg->b0].kind == K_LABELLED &&
			    line_latin_name(line_text(w, j), w->l[j].len) && !line_matches(&rs->chrome, line_text(w, j), w->l[j].len) &&
			    !block_credit(rs, w, pg->b0, pg->p) && (below = first_below(w, pg->b0, pg->p)) >= 0 &&
			    line_words(line_text(w, below), w->l[below].len) >= rs->headline_words &&
			    line_letter_in(line_text(w, below), w->l[below].len, 0)) {
				w->l[j].kind = K_BYLINE;
				w->l[j].vo = w->l[j].off;
				w->l[j].vl = w->l[j].len;
				w->l[j].why = "a name in Latin letters on top of the dates, the headline under them";
				pg->b0 = j;
				pg->title = below;
				break;
			}
		} else if (name_over_post(rs, w, j, pg->p)) {
			w->l[j].kind = K_BYLINE;
			w->l[j].vo = w->l[j].off;
			w->l[j].vl = w->l[j].half;
			w->l[j].why = "a writer's name over the post a byline pattern reads, the headline above";
			pg->b0 = j;
		} else if (w->l[j].kind == K_TITLELIKE) {
			long up = zone_step(w, j, -1, 0, pg->p);

			pg->title = j;
			/*
			 * A long line right under a shorter one is the subtitle of
			 * that headline: a headline of headline_words words at
			 * least, no menu's item ("সকল মেনু", "7. আলোকচিত্র (ছবি)"),
			 * and a word of it in the story (a site's tagline under its
			 * clock, "আজকের সর্বশেষ সবখবর", has none).
			 */
			if (up >= 0 && w->l[up].kind == K_TITLELIKE &&
			    line_words(line_text(w, up), w->l[up].len) >= rs->headline_words &&
			    !line_is_item(line_text(w, up), w->l[up].len) &&
			    (pg->p >= pg->zone || zone_shares_word(w, up, pg->p)) &&
			    line_words(line_text(w, j), w->l[j].len) >= 10 &&
			    2 * line_words(line_text(w, j), w->l[j].len) >= 3 * line_words(line_text(w, up), w->l[up].len))
				pg->title = up;
			/*
			 * Another story's headline between the headline and the
			 * byline (a related link): one of its words at most
			 * comes back in the first paragraph, three of the line
			 * above it at least.
			 */
			else if (up >= 0 && w->l[up].kind == K_TITLELIKE && pg->p < pg->zone &&
			    line_words(line_text(w, up), w->l[up].len) >= rs->headline_words &&
			    zone_words_shared(w, j, pg->p, 2) <= 1 && zone_words_shared(w, up, pg->p, 3) >= 3) {
				w->l[j].kind = K_OTHER;
				w->l[j].why = "another story's headline between the headline and the byline (no word of it in the story)";
				pg->title = up;
			}
			break;
		} else if (w->l[j].kind == K_CLOCK || w->l[j].kind == K_DATE)
			break;
	/*
	 * A short line right on top of the dates, with a headline under
	 * them, is the byline of a page that starts with it (a writer's
	 * name, "চট্টগ্রাম ব্যুরো").
	 */
	if (pg->title >= 0 && zone_step(w, pg->title, 1, 0, pg->p) == pg->b0 && zone_short_name(w, (size_t)pg->title) && !block_credit(rs, w, pg->b0, pg->p)) {
		long below = first_below(w, pg->b0, pg->p);

		if (below >= 0 && line_words(line_text(w, below), w->l[below].len) > line_words(line_text(w, pg->title), w->l[pg->title].len) &&
		    w->l[pg->b0].kind == K_DATE && !w->l[pg->b0].has_time && zone_opens_page(w, pg->title)) {
			/*
			 * Over a date with no time, opening the page, it is the
			 * site's name over its clock (a masthead): no byline.
			 */
			w->l[pg->title].kind = K_CHROME;
			w->l[pg->title].why = "a short name opening the page over a date with no time (the masthead)";
			pg->title = -1;
		} else if (below >= 0 && line_words(line_text(w, below), w->l[below].len) > line_words(line_text(w, pg->title), w->l[pg->title].len)) {
			w->l[pg->title].kind = K_BYLINE;
			w->l[pg->title].vo = w->l[pg->title].off;
			w->l[pg->title].vl = w->l[pg->title].half;
			w->l[pg->title].why = "a short name on top of the dates, the headline under them";
			pg->b0 = pg->title;
			pg->title = below;
		} else if (below < 0 && w->l[pg->b0].kind == K_LABELLED && line_words(line_text(w, pg->title), w->l[pg->title].len) <= 3 &&
		    zone_opens_page(w, pg->title) && pg->p < pg->zone && !zone_shares_word(w, pg->title, pg->p) &&
		    !line_matches(&rs->not_name, line_text(w, pg->title), w->l[pg->title].len)) {
			/*
			 * A short name opening the page right over labelled
			 * dates, with no headline under them and no byline among
			 * them, and none of its words in the first paragraph (a
			 * headline's words come back there), is the writer's
			 * byline: a page cut above its headline.
			 */
			for (i = pg->b0; i < pg->p && w->l[i].kind != K_BYLINE; i++)
				;
			if (i == pg->p) {
				w->l[pg->title].kind = K_BYLINE;
				w->l[pg->title].vo = w->l[pg->title].off;
				w->l[pg->title].vl = w->l[pg->title].half;
				w->l[pg->title].why = "a short name opening the page over the dates, no headline under them";
				pg->b0 = pg->title;
				pg->title = -1;
			}
		}
	}
	/*
	 * A block of dates with no time and nothing else (the clock,
	 * unread as such yet) places no headline under it: the headline
	 * is the one over the first paragraph, past the masthead, the
	 * menu and the section labels under the date.
	 */
	for (i = 0; i < pg->p && !(zone_in_block(w->l[i].kind) && !(w->l[i].kind == K_DATE && !w->l[i].has_time)); i++)
		;
	if (pg->title < 0 && i == pg->p && pg->p < pg->zone)
		pg->title = nearest_above(rs, w, pg->p);
	if (pg->title < 0)
		pg->title = first_below(w, pg->b0, pg->p);
}

/*
 * pg->title with no byline and date block: the nearest title-like line
 * above the first paragraph, unless it is a writer's name or a photo's label.
 */
static void
headline_over_paragraph(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	pg->title = over_subtitle(rs, w, nearest_above(rs, w, pg->p), pg->p);
	/*
	 * A short name that opens the page, right on the first paragraph,
	 * is its writer ("তানভীর হাসান রুমি"), not a headline: a headline
	 * has a blank line or page chrome around it.  Not when one of its
	 * words comes back in the paragraph: a caption's or a label's
	 * do ("<flooded> এলাকা" over a story of the flooded areas), a
	 * writer's name seldom does.
	 */
	if (pg->title >= 0 && pg->title + 1 == pg->p && zone_step(w, pg->title, -1, 0, pg->p) < 0 && zone_first_content(w, pg->title) &&
	    zone_short_name(w, (size_t)pg->title) && line_words(line_text(w, pg->title), w->l[pg->title].len) <= 3 &&
	    !zone_shares_word(w, pg->title, pg->p) && !line_matches(&rs->not_name, line_text(w, pg->title), w->l[pg->title].len)) {
		w->l[pg->title].kind = K_BYLINE;
		w->l[pg->title].vo = w->l[pg->title].off;
		w->l[pg->title].vl = w->l[pg->title].half;
		w->l[pg->title].why = "a short name opening the page, right on the first paragraph";
		pg->title = -1;
	} else if (pg->title >= 0 && pg->title + 1 == pg->p && zone_step(w, pg->title, -1, 0, pg->p) < 0 && zone_first_content(w, pg->title) &&
	    zone_short_name(w, (size_t)pg->title) && line_words(line_text(w, pg->title), w->l[pg->title].len) < rs->headline_words) {
		/* Too short for a headline, its words the story's: the photo's label. */
		w->l[pg->title].kind = K_CHROME;
		w->l[pg->title].why = "a short label opening the page, its words in the first paragraph (a caption)";
		pg->title = -1;
	} else if (pg->title >= 0)
		pg->title = name_under_headline(rs, w, pg->title, pg->p);
	if (pg->title >= 0)
		name_over_paragraph(w, pg->title, pg->p);
}

/*
 * The headline: the nearest title-like line above the byline and date
 * block; with nothing there, the first one below it (byline and dates
 * first); with no block, the nearest one above the first paragraph.
 */
void
headline_by_block(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	if (pg->b0 >= 0)
		headline_over_block(rs, w, pg);
	else if (pg->p < pg->zone)
		headline_over_paragraph(rs, w, pg);
}

/*
 * Is S, what follows a copy of the headline on its line, a picture's
 * label that a chrome pattern reads (" ফাইল ছবি": the photo's caption is
 * the headline and its label), so the copy is no longer headline?
 */
static int
picture_label_after(const struct hzoneset *rs, const char *s, size_t n)
{
	while (n > 0 && *s == ' ')
		s++, n--;
	return n > 0 && line_words(s, n) <= 3 && line_matches(&rs->chrome, s, n);
}

/*
 * pg->title moved to the headline's cleanest copy: printed twice, with a tag
 * or the site's name after it, glued to a breadcrumb.
 */
void
headline_by_copies(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i;

	/*
	 * A headline is often printed twice (as the photo's alt text too): a
	 * title-like line of four words or more that the zone prints again is
	 * the headline, wherever the block is (a Bengali one: a follow
	 * button's words come back too, "Find us in facebook").  A line that only begins
	 * another title-like line is that one's tag ("Mamata Banerjee" over
	 * "Mamata Banerjee: ..."), not the headline; but a line over a photo
	 * credit is the photo's caption, whatever it begins with.  Not in
	 * a list whose every item is printed twice (zone_paired_list).
	 */
	for (i = pg->p > 0 && zone_paired_list(w, 0, (size_t)pg->p) ? pg->p : 0; i < pg->p; i++) {
		long j;

		if (w->l[i].kind != K_TITLELIKE || line_words(line_text(w, i), w->l[i].len) < 4 ||
		    !line_letter_in(line_text(w, i), w->l[i].len, 0))
			continue;
		for (j = i + 1; j < pg->p; j++)
			if (zone_same(w, (size_t)i, (size_t)j))
				break;
		if (j < pg->p) {
			pg->title = i;
			break;
		}
	}
	if (pg->title >= 0)
		for (i = 0; i < pg->p; i++) {
			size_t n = w->l[pg->title].len;

			if (i != pg->title && w->l[i].kind == K_TITLELIKE && w->l[i].len > n + 1 &&
			    memcmp(line_text(w, i), line_text(w, pg->title), n) == 0 && strchr(" :,-", line_text(w, i)[n]) &&
			    !site_suffix(line_text(w, i) + n, w->l[i].len - n, 0) && !over_credit(w, i, pg->p) &&
			    !picture_label_after(rs, line_text(w, i) + n, w->l[i].len - n)) {
				pg->title = i;
				break;
			}
		}
	/*
	 * The headline with the site's name after it (the page's <title>)
	 * over the headline alone: the line alone is the headline.
	 */
	if (pg->title >= 0)
		for (i = pg->title + 1; i < pg->p; i++) {
			size_t m = w->l[pg->title].len, n = w->l[i].len;

			if (w->l[i].kind == K_TITLELIKE && m > n + 1 && memcmp(line_text(w, pg->title), line_text(w, i), n) == 0 &&
			    site_suffix(line_text(w, pg->title) + n, m - n, 1)) {
				pg->title = i;
				break;
			}
		}
	/*
	 * A title-like line under the headline that ends it, four words or
	 * more, is the headline itself: the line above has the breadcrumb's
	 * section names glued before it ("<home><section><headline>").
	 */
	if (pg->title >= 0)
		for (i = pg->title + 1; i < pg->p; i++) {
			size_t m = w->l[pg->title].len, n = w->l[i].len;

			if (w->l[i].kind == K_TITLELIKE && n < m && line_words(line_text(w, i), n) >= 4 &&
			    memcmp(line_text(w, pg->title) + m - n, line_text(w, i), n) == 0) {
				pg->title = i;
				break;
			}
		}
}

/*
 * pg->title when the shape found none (a sentence over the story, a copy
 * printed again, the headline in English), and its first printing.
 */
void
headline_last_resorts(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i;

	/*
	 * No headline found, nothing but page furniture above (the clock, a
	 * line in Latin letters such as a language menu's label): a short
	 * sentence closed by a dari right over the first paragraph, no comma
	 * in it, its words taken up by the paragraph, is the headline (some
	 * close theirs with the dari; it is no title-like line for that).
	 */
	if (pg->title < 0 && pg->b0 < 0 && pg->p < pg->zone) {
		long j = zone_step(w, pg->p, -1, 0, pg->p);

		if (j >= 0 && zone_furniture_above(w, j) && w->l[j].kind == K_OTHER && w->l[j].why == NULL &&
		    line_ends_with(line_text(w, j), w->l[j].len, "।") && !memchr(line_text(w, j), ',', w->l[j].len) &&
		    line_words(line_text(w, j), w->l[j].len) >= rs->headline_words &&
		    line_words(line_text(w, j), w->l[j].len) <= 12 && zone_shares_word(w, j, pg->p)) {
			pg->title = j;
			w->l[j].why = "a short sentence opening the page right over the first paragraph";
		}
	}

	/*
	 * A page cut off right under its headline (a dump that stops there,
	 * or one word into the story: "<clock>" / "<ticker>" / "<headline>" /
	 * "নিউ", ourislam24, eval s58): no paragraph and no byline or date in
	 * the whole page, and its last line not blank or chrome, past a
	 * fragment of one word, is title-like with a Bengali letter and
	 * headline_words words.  It is the headline; the page has no body.
	 */
	if (pg->title < 0 && pg->b0 < 0 && pg->p >= pg->zone && pg->zone == (long)w->nl) {
		long j = zone_step(w, pg->zone, -1, 0, pg->zone), k;

		if (j >= 0 && w->l[j].kind == K_OTHER && w->l[j].why == NULL && line_words(line_text(w, j), w->l[j].len) == 1)
			j = zone_step(w, j, -1, 0, pg->zone);
		for (i = j - 1; i >= 0; i--)
			if (w->l[i].kind == K_TITLELIKE && line_letter_in(line_text(w, i), w->l[i].len, 0) &&
			    line_words(line_text(w, i), w->l[i].len) >= rs->headline_words)
				break;
		for (k = 0; k < j && w->l[k].kind == K_BLANK; k++)
			;
		if (j >= 0 && i < 0 && k < j && w->l[j].kind == K_TITLELIKE && line_letter_in(line_text(w, j), w->l[j].len, 0) &&
		    line_words(line_text(w, j), w->l[j].len) >= rs->headline_words) {
			pg->title = j;
			w->l[j].why = "the last line of a page cut off under its headline";
		}
	}

	/*
	 * The headline printed again near the top, copies that differ in
	 * quote marks, a closing dari, the site's name after a dash or a
	 * reading-time label glued before it (hzoneagain.c), is the headline
	 * wherever it stands: its cleanest copy is written.
	 */
	if (pg->copies > 0)
		pg->title = again_title(rs, w, pg->title, pg->p);
	/*
	 * With no headline in Bengali and no byline or date, a sentence in
	 * Latin letters opening the page right over the Bengali story is the
	 * headline, printed in English; not a line not_headline reads (a
	 * post's keywords cut by daris, janatarmashal, eval t37).
	 */
	if (pg->title < 0 && pg->b0 < 0 && pg->latin >= 0 && pg->p < pg->zone && zone_step(w, pg->latin, 1, 0, pg->zone) == pg->p &&
	    !line_matches(&rs->not_headline, line_text(w, pg->latin), w->l[pg->latin].len)) {
		pg->title = pg->latin;
		w->l[pg->latin].why = "a sentence in Latin letters opening the page over the Bengali story: the headline in English";
	}
	/* A printed title line above it may be a repeat of it, kept for the body. */
	if (pg->title >= 0)
		for (i = 0; i < pg->title; i++)
			if (zone_same(w, (size_t)i, (size_t)pg->title)) {
				pg->title = i;
				break;
			}
}
