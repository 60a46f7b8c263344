/*
 * hzoneblock.c: the byline and date block of the header-zone reader
 * (hzone.c): where the block of bylines and dates stands above the first
 * paragraph (mark_block), the writers' names placed by where they stand
 * beside the dates or under them, and a credit printed with its honorific
 * over the story.  hzone.c has told what each line is; the headline is
 * chosen against this block in hzonehead.c.  A writer's name over the post
 * under the headline (name_over_role) is read once the headline is known.
 */
#include <string.h>

#include "hzonerule.h"
#include "hzonework.h"
#include "text.h"
#include "util.h"

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

/* Does the date line S[0..N) print a weekday ("বৃহস্পতিবার", "Monday")? */
static int
names_weekday(const char *s, size_t n)
{
	return memmem(s, n, "বার", strlen("বার")) != NULL || memmem(s, n, "day", 3) != NULL || memmem(s, n, "DAY", 3) != NULL;
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
	long j;

	if (names_weekday(line_text(w, (size_t)i), w->l[i].len))
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
 * Is S[0, N) one word of Bengali letters, a hyphen perhaps joining two
 * ("উপ-সম্পাদকীয়"): a section's label, no mark in it?  A word with a
 * mark after it ("আজ-  ,", the page's clock emptied, diptonews, eval
 * t54) is no label.
 */
static int
section_word(const char *s, size_t n)
{
	size_t i;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || s[n - 1] == '-' || s[0] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!(s[i] == '-' || ((unsigned char)s[i] >= 0x80 && (unsigned char)s[i] != 0xE2)))
			return 0;
	return 1;
}

/*
 * Does a word of S[0, N), read alone, match not_name ("<news>, <thing>
 * ছুটছে <how>": a finite verb inside the line)?  Word by word, not the
 * line up to each word: the patterns are not anchored at the start.
 */
static int
word_not_name(const struct hzoneset *rs, const char *s, size_t n)
{
	size_t a = 0, e;

	while (a < n) {
		while (a < n && (s[a] == ' ' || s[a] == ','))
			a++;
		for (e = a; e < n && s[e] != ' ' && s[e] != ','; e++)
			;
		if (e > a && line_matches(&rs->not_name, s + a, e - a))
			return 1;
		a = e;
	}
	return 0;
}

/*
 * The byline by where it stands: a line of a credit's shape (see
 * credit_shape) right on top of the dates or the first paragraph P, under
 * the headline (a longer title-like line right above), under the dates,
 * or at the top of the page; none of the words naming the writer come back
 * in the first paragraph (a headline's would), and no word of the line is
 * one not_name reads (a finite verb inside it: a headline).  Lines that a
 * byline pattern reads stay as they are.
 */
static void
placed_credits(const struct hzoneset *rs, struct hzonework *w, long p, long zone)
{
	long j;

	/*
	 * A paragraph that opens with its own credit (a dateline) has its
	 * byline there; a place and a day alone name no writer ("Name,
	 * <place>।" over "<outlet>, <day month> : <paragraph>").
	 */
	if (p < zone && zone_dateline_credited(rs, line_text(w, p), w->l[p].len))
		return;

	for (j = 0; j < p; j++) {
		struct rline *l = &w->l[j];
		size_t vl, na, ne;
		long below, above;
		int label;
		int ok, closed, under;

		/* A date label alone ("আপডেট সময়ঃ" over its date) is no credit, whatever its shape. */
		if (!(l->kind == K_TITLELIKE || (l->kind == K_OTHER && (l->why == NULL ||
		    strncmp(l->why, "a label", 7) == 0))) || !zone_credit_shape(line_text(w, j), l->len, &vl, &na, &ne, &closed) ||
		    line_label_alone(rs, line_text(w, j), l->len) != S_NONE)
			continue;
		/* Past a photo's words in Latin letters alone ("<name> sir", its alt text). */
		for (below = zone_step(w, j, 1, 0, p); below >= 0 && w->l[below].kind == K_TITLELIKE &&
		    !line_letter_in(line_text(w, below), w->l[below].len, 0); below = zone_step(w, below, 1, 0, p))
			;
		if (!(below < 0 && p < zone) && !(below >= 0 && zone_in_block(w->l[below].kind)))
			continue;
		above = zone_step(w, j, -1, 0, p);
		if (headline_tail(w, j, above))
			continue;
		/*
		 * Past a section's label between it and the headline, too few
		 * words for a headline ("<section> <district>", magurasangbad,
		 * eval s46), or over it opening the page, nothing above it
		 * ("উপ-সম্পাদকীয়" / "Name Name:" / <column>, fenirshomoy, eval
		 * t65; a section's label under the header's dates is over the
		 * headline, "ফিচার" / "<headline, with a comma>").
		 */
		label = above >= 0 && w->l[above].kind == K_OTHER && w->l[above].why == NULL &&
		    section_word(line_text(w, above), w->l[above].len) && zone_step(w, above, -1, 0, p) < 0;
		if (above >= 0 && (w->l[above].kind == K_TITLELIKE || label) &&
		    line_words(line_text(w, above), w->l[above].len) < rs->headline_words)
			above = zone_step(w, above, -1, 0, p);
		/* The headline above, not the site's name in Latin letters over a Bengali page. */
		under = above >= 0 && w->l[above].kind == K_TITLELIKE && !zone_same(w, (size_t)above, (size_t)j) &&
		    line_letter_in(line_text(w, above), w->l[above].len, 0) &&
		    line_words(line_text(w, above), w->l[above].len) >= rs->headline_words &&
		    line_words(line_text(w, above), w->l[above].len) > line_words(line_text(w, j) + na, ne - na);
		ok = zone_at_top(w, j) || (label && above < 0) || under || (above >= 0 && zone_in_block(w->l[above].kind) && w->l[above].kind != K_BYLINE);
		/*
		 * Two daris close a headline too ("#<headline>।।" opening the
		 * page, thekhabaraajkal, eval s57): so closed, a credit stands
		 * under the headline, or has fewer words than a headline ("Name
		 * Name।।" opening the page, dailyprothomkontho, eval t17), or
		 * is a name and its place after a comma ("Name Name Name,
		 * <district>।।", bangladeshprotibedon, eval t83).
		 */
		if (ok && !under && line_ends_with(line_text(w, j), l->len, "।।") &&
		    line_words(line_text(w, j), vl) >= rs->headline_words && !line_name_place(line_text(w, j), vl))
			ok = 0;
		/*
		 * A headline's words, or a caption's ("<person>। ফাইল ছবি"),
		 * come back in the paragraph; a writer's name seldom does.  A
		 * credit closed by its colon, or standing between the headline
		 * and the dates, is one whatever it names.
		 */
		if (!ok || (p < zone && !closed && !(under && below >= 0) && words_in(w, line_text(w, j) + na, ne - na, p)) ||
		    word_not_name(rs, line_text(w, j), l->len))
			continue;
		l->kind = K_BYLINE;
		l->vo = l->off;
		l->vl = vl;
		l->asis = 1;
		l->why = "a credit's shape right on top of the dates or the first paragraph";
	}
}

/*
 * A writer's name closed by a dari opening the page, the place the story
 * is filed from alone under it, "<upazila> (<district>)", right over the
 * first paragraph P ("Name Name Name।" / "<upazila> (<district>)" /
 * <story>, ajkerdeshbangla, eval t35): the name is the byline (the
 * place line is not_headline's, chrome).  Two to four words of Bengali
 * letters; a name alone closed by a dari is no credit's shape elsewhere
 * (a short sentence is closed so), but over a place line it is one.
 */
static void
name_over_place(const struct hzoneset *rs, struct hzonework *w, long p)
{
	long i, j, k;
	const char *s;
	size_t n;

	for (j = 0; j < p; j++)
		if (w->l[j].kind == K_BYLINE)
			return;
	for (j = 0; j < p && !(w->l[j].kind == K_TITLELIKE || w->l[j].kind == K_OTHER); j++)
		;
	if (j >= p || !zone_at_top(w, j))
		return;
	/* The place line (not_headline's, so chrome) right under it, the story right under that. */
	for (k = j + 1; k < p && w->l[k].kind == K_BLANK; k++)
		;
	for (i = k + 1; i < p && w->l[i].kind == K_BLANK; i++)
		;
	if (k >= p || i != p)
		return;
	s = line_text(w, j);
	n = w->l[j].len;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (!line_ends_with(s, n, "।"))
		return;
	n -= strlen("।");
	if (line_words(s, n) < 2 || line_words(s, n) > 4 || !line_bengali_name(s, n) ||
	    line_matches(&rs->not_name, s, n) || !zone_upazila_district(line_text(w, k), w->l[k].len))
		return;
	w->l[j].kind = K_BYLINE;
	w->l[j].vo = w->l[j].off;
	w->l[j].vl = n;
	w->l[j].asis = 1;
	w->l[j].why = "a name closed by a dari opening the page, over the place the story is filed from";
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
	/* The headline printed again under the dates stands in no way ("<date>" / "<headline>" / "Name Name"). */
	for (above = zone_step(w, j, -1, 0, p); above >= 0 && w->l[above].again; above = zone_step(w, above, -1, 0, p))
		;
	if (above < 0 || (w->l[above].kind != K_DATE && w->l[above].kind != K_LABELLED))
		return 0;
	/* Nor do date labels alone over their dates ("প্রকাশিত:" / "<date>" / "আপডেট:" / "<date>"). */
	for (head = above; head >= 0 && (zone_in_block(w->l[head].kind) ||
	    line_label_alone(rs, line_text(w, (size_t)head), w->l[head].len) != S_NONE); head = zone_step(w, head, -1, 0, p))
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
	/*
	 * A name in Latin letters, two or three words each a capital and
	 * small letters ("Name Name", rupantorprotidin, eval s15), is one as
	 * it stands; a Bengali one is read piece by piece.
	 */
	if (!line_latin_name(s, n)) {
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
	}
	w->l[j].kind = K_BYLINE;
	w->l[j].vo = w->l[j].off;
	w->l[j].vl = n;
	w->l[j].asis = 1;
	w->l[j].why = "a writer's name alone under the dates, right over the first paragraph";
	return 1;
}

/*
 * Does line I open with a list's mark as printed, before a prefix the
 * reader took off ("• <date>", read as the date alone)?
 */
static int
printed_item(const struct hzonework *w, long i)
{
	const char *t = w->text.s, *a = t + w->l[i].off;

	while (a > t && a[-1] != '\n')
		a--;
	while (*a == ' ' || *a == '\t')
		a++;
	return line_is_item(a, (size_t)(t + w->l[i].off - a) + w->l[i].len);
}

/*
 * Is the date at I an item of a list of the post's details, with no
 * weekday ("• জুন ৮, ২০২০" over "• <section>" and "• <count>")?  A
 * theme lists the post's date, section and views so; the clocks seen in
 * such lists print the weekday ("• মঙ্গলবার, ৩০ মে ২০২৩, ১১:৪৪
 * পূর্বাহ্ন").  An item beside it of four words at most, no date.
 */
static int
post_details(const struct hzonework *w, long i, long p)
{
	long d[2];
	int t;

	if (!printed_item(w, i) || names_weekday(line_text(w, (size_t)i), w->l[i].len))
		return 0;
	d[0] = zone_step(w, i, -1, 0, p);
	d[1] = zone_step(w, i, 1, 0, p);
	for (t = 0; t < 2; t++)
		if (d[t] >= 0 && w->l[d[t]].kind != K_DATE && w->l[d[t]].kind != K_CLOCK &&
		    line_is_item(line_text(w, (size_t)d[t]), w->l[d[t]].len) &&
		    line_words(line_text(w, (size_t)d[t]), w->l[d[t]].len) <= 4)
			return 1;
	return 0;
}

/* Has line I only the page clock's lines above it (past blank lines and chrome)? */
static int
under_clock_only(const struct hzonework *w, long i, long p)
{
	long j = i;

	while ((j = zone_step(w, j, -1, 0, p)) >= 0)
		if (w->l[j].kind != K_CLOCK)
			return 0;
	return 1;
}

/*
 * Is line I, a date with no time, right over a breadcrumb whose last step
 * is the headline, printed under it ("<weekday>, D Month YYYY" / "প্রথম
 * পাতা » <section> » <headline>" / "<headline>", bhorerbani,
 * dailypokkhokal, eval s54; a counter and chrome may stand between,
 * n2nonlinetv, s49)?  The crumb is printed with the story, and the date
 * over it is the story's: a page clock stands over the masthead and the
 * menu, not over a crumb.  Where the page prints its clock too, the date
 * over the crumb is a day before it and comes again under it
 * (n2nonlinetv, newsadvance24, s6).  Not when a date with its time
 * stands between the crumb and the headline: that one is the post's
 * (amaderbarisal, s31).
 */
int
zone_date_over_crumb(const struct hzonework *w, long i, long p)
{
	const char *s, *e, *k;
	size_t n;
	long j, t;

	/* The crumb is chrome by a pattern ("প্রথম পাতা »"): the next line not blank. */
	for (j = i + 1; j < p && w->l[j].kind == K_BLANK; j++)
		;
	if (w->l[i].has_time || j >= p)
		return 0;
	s = line_text(w, j);
	n = w->l[j].len;
	for (e = NULL, k = s; (k = memmem(k, n - (size_t)(k - s), "» ", strlen("» "))) != NULL; k += strlen("» "))
		e = k + strlen("» ");
	if (e == NULL || e == s + n)
		return 0;
	for (t = j + 1; t < p; t++)
		if (w->l[t].kind == K_DATE && w->l[t].has_time)
			return 0;	/* the post's date and time under the crumb: I is the clock */
		else if (w->l[t].len == n - (size_t)(e - s) && memcmp(line_text(w, t), e, w->l[t].len) == 0)
			return 1;
	return 0;
}

/*
 * The lines above the first paragraph settled (the page clock, captions and
 * credits placed by their shape) and pg->b0, the first line of the byline
 * and date block.
 */
void
mark_block(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i;
	size_t k;

	/*
	 * An unlabelled date line opening the page is its clock, whatever is
	 * under it: it starts no byline and date block.  The clock may be
	 * printed in more lines than one, another calendar's date first
	 * ("১৩ই বৈশাখ, ১৪৩১ বঙ্গাব্দ" over "২৬শে এপ্রিল, ২০২৪ খ্রিস্টাব্দ").
	 */
	for (i = 0; i < pg->p; i++)
		if (w->l[i].kind == K_DATE && zone_step(w, i, -1, 0, pg->p) < 0 && over_story(w, i, pg->p)) {
			w->l[i].story = 1;
			w->l[i].why = "an unlabelled date right over the story (no headline, no menu between)";
		} else if (w->l[i].kind == K_DATE && w->l[i].why == line_section_date_why) {
			w->l[i].story = 1;
		} else if (w->l[i].kind == K_DATE && post_details(w, i, pg->p)) {
			w->l[i].story = 1;
			w->l[i].why = "a date with no weekday in a list of the post's details (its section or count an item beside it)";
		} else if (w->l[i].kind == K_DATE && zone_date_over_crumb(w, i, pg->p)) {
			w->l[i].story = 1;
			w->l[i].why = "an unlabelled date right over a breadcrumb that ends with the headline under it";
		} else if (w->l[i].kind == K_DATE && under_clock_only(w, i, pg->p) && (k = (size_t)zone_step(w, i, 1, 0, pg->p)) != (size_t)-1 &&
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
	if (pg->p < pg->zone)
		name_over_place(rs, w, pg->p);
	w->named = name_under_dates(rs, w, pg->p, pg->zone);
	for (i = 0; i < pg->p; i++)
		if (zone_in_block(w->l[i].kind)) {
			pg->b0 = i;
			break;
		}
}

/* Line J, placed as the byline by where it stands: its value S[VO, VO + VL) of w->text, and why. */
static void
place_byline(struct hzonework *w, struct hzpage *pg, long j, size_t vo, size_t vl, const char *why)
{
	w->l[j].kind = K_BYLINE;
	w->l[j].vo = vo;
	w->l[j].vl = vl;
	w->l[j].why = why;
	if (pg->b0 < 0 || j < pg->b0)
		pg->b0 = j;
}

/*
 * Was line I read without its bullet ("• প্রকাশিত <date>": classify2 in
 * hzoneclass.c)?  Then it is an item of a list as printed.
 */
static int
read_unbulleted(const struct hzonework *w, long i)
{
	const char *t = w->text.s;
	size_t a = w->l[i].off;

	while (a > 0 && t[a - 1] != '\n')
		a--;
	while (a < w->l[i].off && t[a] == ' ')
		a++;
	return a < w->l[i].off && line_is_item(t + a, w->l[i].off + w->l[i].len - a) > 0;
}

/*
 * Short names beside a date, taken as the byline (moving pg->b0 up).
 */
void
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
			size_t mark = 0, sl, ns;

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
					place_byline(w, pg, j, w->l[j].off, sl,
					    "a name closed by a comma under the date, right over the story");
					continue;
				}
			}
			if ((j = d[t]) >= 0 && w->l[j].kind == K_OTHER && (line_is_item(line_text(w, i), w->l[i].len) || read_unbulleted(w, i) ||
			    (d[1 - t] >= 0 && line_is_item(line_text(w, d[1 - t]), w->l[d[1 - t]].len))))
				mark = (size_t)line_is_item(line_text(w, j), w->l[j].len);
			if (j < 0 || (w->l[j].kind != K_TITLELIKE && mark == 0))
				continue;
			s = line_text(w, j) + mark;
			/* A name printed twice with nothing between is read once ("মো: Nameমো: Name"). */
			sl = (mark ? w->l[j].len : w->l[j].half) - mark;
			while (sl > 0 && s[0] == ' ')
				s++, sl--, mark++;
			/* The name's words, past its initials and honorifics ("এস এম Name Name Name"). */
			ns = sl > 0 ? line_name_start(rs, s, sl) : 0;
			if (sl > 0 && line_words(s + ns, sl - ns) <= 3 && text_chars(s + ns, sl - ns) <= 30 &&
			    !line_has_digit(s, unnumbered(s, sl)) && line_has_letter(s, sl) &&
			    (mark == 0 || !line_matches(&rs->chrome, s, sl))) {
				long up = zone_step(w, j, -1, 0, pg->p);
				size_t uw;

				/* A section's one word may stand between ("<headline>" / "খবর" / "Name Name" / "<date>"). */
				if (up >= 0 && w->l[up].kind == K_OTHER && line_words(line_text(w, up), w->l[up].len) == 1 &&
				    !line_has_digit(line_text(w, up), w->l[up].len))
					up = zone_step(w, up, -1, 0, pg->p);
				uw = up >= 0 ? line_words(line_text(w, up), w->l[up].len) : 0;

				/*
				 * Two words longer, or one when the name is in Bengali
				 * letters only, or capitalised Latin words, as a
				 * person's or an account's is (a short headline,
				 * "<four words>" over "Name Name Name").
				 */
				if (up >= 0 && w->l[up].kind == K_TITLELIKE && (uw > line_words(s + ns, sl - ns) + 1 ||
				    (uw > line_words(s + ns, sl - ns) && mark == 0 &&
				    (line_bengali_name(s, sl) || line_latin_name(s, sl)))))
					place_byline(w, pg, j, w->l[j].off + mark, mark ? sl : w->l[j].half,
					    "a short name beside the date, under the headline");
			}
		}
	}
}

/*
 * Does line J open with a name prefix that is an abbreviation, closed by a
 * full stop, a colon or the visarga ("মোঃ", "মো.", "ডা.": name_prefixes),
 * as printed?  Then the words after it are a person's name.
 */
static int
honorific_at(const struct hzoneset *rs, const struct hzonework *w, long j)
{
	const char *s = (w->masked ? w->orig.s : w->text.s) + w->l[j].off;
	size_t n = w->l[j].len, e, k, m;

	for (e = 0; e < n && s[e] != ' '; e++)
		;
	for (k = 0; k < rs->nnprefixes; k++) {
		m = strlen(rs->nprefixes[k]);
		if (m == e && memcmp(s, rs->nprefixes[k], m) == 0 &&
		    (s[m - 1] == '.' || s[m - 1] == ':' || (m >= 3 && memcmp(s + m - 3, "ঃ", 3) == 0)))
			return 1;
	}
	return 0;
}

/*
 * With no byline in the zone, a name opening with an honorific's
 * abbreviation ("মো: Name Name", "মোঃ Name Nameঃ"), alone on its line
 * right over the first paragraph and under a longer title-like line, is
 * the byline: no headline opens so, and the reporters of many district
 * outlets sign with it and nothing else (uzzalbangladesh, sabanglanews24).
 * Its closing colon or visarga is left out.
 */
void
honorific_over_story(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i, j, up;
	const char *s;
	size_t n, ns;

	if (pg->p >= pg->zone || (j = zone_step(w, pg->p, -1, 0, pg->p)) < 0)
		return;
	for (i = 0; i < pg->p; i++)
		if (w->l[i].kind == K_BYLINE)
			return;
	if ((w->l[j].kind != K_TITLELIKE && w->l[j].kind != K_OTHER) || !honorific_at(rs, w, j))
		return;
	/* As printed: masked, the prefix is glued to the name's first word. */
	s = (w->masked ? w->orig.s : w->text.s) + w->l[j].off;
	n = w->l[j].len;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == ':'))
		n--;
	if (n >= 3 && memcmp(s + n - 3, "ঃ", 3) == 0)
		n -= 3;
	ns = line_name_start(rs, s, n);
	if (n == 0 || ns == 0 || line_words(s + ns, n - ns) > 3 || !line_bengali_name(s + ns, n - ns))
		return;
	/* (Past a follow button's or a share widget's Latin words.) */
	for (up = zone_step(w, j, -1, 0, pg->p); up >= 0 && (w->l[up].kind != K_TITLELIKE ||
	    !line_letter_in(line_text(w, up), w->l[up].len, 0)); up = zone_step(w, up, -1, 0, pg->p))
		;
	if (up < 0 || line_words(line_text(w, up), w->l[up].len) <= line_words(s, n))
		return;
	place_byline(w, pg, j, w->l[j].off, n, "a name opening with an honorific's abbreviation, right over the story");
}

/*
 * The length of a name without the spaces and commas closing it: a comma
 * may close the name over its post ("Name Name," / "<place> প্রতিনিধি",
 * dailyalormichhil, eval t61), and joins the two into one credit.
 */
static size_t
name_end(const char *t, size_t m)
{
	while (m > 0 && (t[m - 1] == ' ' || t[m - 1] == ','))
		m--;
	return m;
}

/*
 * Line I a post alone that a byline pattern reads, up to four words, no
 * comma (no name in it yet), its last word a post word; line J right above
 * it a short name of two words or more that no pattern reads (a desk's
 * name is its own byline), that is no chrome, and that the story's first
 * paragraph does not share (a subtitle's words come back there): an author
 * box of two lines.  The name's length, or 0.  The name may be printed
 * twice, a space between (the box's picture's alt text and its link,
 * "Name Name Name Name"): once is the name.
 */
static size_t
name_box(const struct hzoneset *rs, const struct hzonework *w, const struct hzpage *pg, long j, long i)
{
	const char *s = w->text.s + w->l[i].vo, *last, *t = line_text(w, j);
	size_t n = w->l[i].vl, m, h;

	if (w->l[i].kind != K_BYLINE || !w->l[i].pattern)
		return 0;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	for (last = s + n; last > s && last[-1] != ' '; last--)
		;
	m = name_end(t, (h = line_twice(t, w->l[j].len)) > 0 ? h : w->l[j].half);
	if (line_words(s, n) > 4 || memchr(s, ',', n) || !line_post_alone(rs, last, (size_t)(s + n - last)) ||
	    !(w->l[j].kind == K_TITLELIKE || w->l[j].kind == K_OTHER || (w->l[j].kind == K_BYLINE && !w->l[j].pattern)) ||
	    !zone_short_name_in(t, m) || line_words(t, m) < 2 ||
	    line_matches(&rs->chrome, t, m) ||
	    line_matches(&rs->not_name, t, m) ||
	    line_matches(&rs->byline, t, m) ||
	    (pg->p < pg->zone && zone_shares_word(w, j, pg->p)))
		return 0;
	return m;
}

static void
join_name_box(struct hzonework *w, long j, long i, size_t m, const char *why)
{
	w->l[j].kind = K_BYLINE;
	w->l[j].pattern = 1;
	w->l[j].joined = JOINED_POST_BELOW;
	w->l[j].vo = w->l[j].off;
	w->l[j].vl = m;
	w->l[j].why = why;
	w->l[i].why = "the post under the writer's name, written with it";
}

/* Is a date, labelled or not, among lines [A, B)? */
static int
dates_between(const struct hzonework *w, long a, long b)
{
	for (; a < b; a++)
		if (w->l[a].kind == K_DATE || w->l[a].kind == K_LABELLED)
			return 1;
	return 0;
}

/*
 * A writer's name right under the headline, on top of a post a byline
 * pattern reads ("<headline>" / "Name Name" / "<place> প্রতিনিধি", the
 * name perhaps printed twice, gmnewsbd, eval s32): an author box of two
 * lines (name_box), written as one credit, "Name Name, <place> প্রতিনিধি".
 * With no headline over them, the box opening the page ("Name Name Name"
 * / "<district> জেলা প্রতিনিধি" / <story>, khoborsokalbikal, eval t22)
 * had its name taken for the headline: a name of three words at most
 * there is the writer's, and the page has no headline.  Not over a date:
 * a header with its date is an article's whole header, and a short
 * headline tops it ("<three-word headline>" / "নিজস্ব প্রতিবেদক" /
 * "<date>", the bench stream's pages).
 */
void
name_over_role(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg)
{
	long i, j;
	size_t m;

	if (pg->title < 0)
		return;
	m = name_end(line_text(w, pg->title), w->l[pg->title].len);
	if (zone_at_top(w, pg->title) && !dates_between(w, pg->title, pg->p) && (i = zone_step(w, pg->title, 1, 0, pg->p)) >= 0 &&
	    line_words(line_text(w, pg->title), m) <= 3 && line_bengali_name(line_text(w, pg->title), m) &&
	    (m = name_box(rs, w, pg, pg->title, i)) > 0) {
		join_name_box(w, pg->title, i, m, "a writer's name opening the page over the post under it, written with it");
		pg->title = -1;
		return;
	}
	for (i = pg->title + 2; i < pg->p; i++) {
		if (w->l[i].kind != K_BYLINE || !w->l[i].pattern)
			continue;
		j = i - 1;
		if (zone_step(w, j, -1, 0, pg->p) != pg->title || (m = name_box(rs, w, pg, j, i)) == 0)
			return;
		join_name_box(w, j, i, m, "a writer's name under the headline over the post under it, written with it");
		return;
	}
}

/*
 * The same box printed post first: a post a byline pattern reads, closed
 * by its colon, right on top of a writer's name alone on the next line
 * ("<place> প্রতিনিধিঃ" / "মোঃ Name Name।"), written "Name Name, <place>
 * প্রতিনিধি".  The post: three words at most, no comma, its last word a
 * post word.  The name: two to four words of Bengali letters, a closing
 * dari left off, that no pattern reads and no chrome is.
 */
void
role_over_name(const struct hzoneset *rs, struct hzonework *w, const struct hzpage *pg)
{
	long i, j;

	for (i = 0; i + 1 < pg->p; i++) {
		const char *s = w->text.s + w->l[i].vo, *t = line_text(w, i), *last, *name;
		size_t n = w->l[i].vl, m = w->l[i].len, k;

		if (w->l[i].kind != K_BYLINE || !w->l[i].pattern)
			continue;
		while (m > 0 && t[m - 1] == ' ')
			m--;
		if (!(m > 0 && t[m - 1] == ':') && !line_ends_with(t, m, "ঃ"))
			continue;
		while (n > 0 && s[n - 1] == ' ')
			n--;
		for (last = s + n; last > s && last[-1] != ' '; last--)
			;
		if (line_words(s, n) > 3 || memchr(s, ',', n) || !line_post_alone(rs, last, (size_t)(s + n - last)))
			continue;
		j = i + 1;
		if (j >= pg->p || (w->l[j].kind != K_OTHER && w->l[j].kind != K_TITLELIKE))
			return;
		/* As printed: masked, "মোঃ " is glued to the name's first word. */
		name = (w->masked ? w->orig.s : w->text.s) + w->l[j].off;
		k = w->l[j].len;
		while (k > 0 && name[k - 1] == ' ')
			k--;
		if (line_ends_with(name, k, "।"))
			k -= strlen("।");
		if (line_words(name, k) < 2 || line_words(name, k) > 4 || !line_bengali_name(name, k) ||
		    line_matches(&rs->chrome, line_text(w, j), k) || line_matches(&rs->not_name, line_text(w, j), k) ||
		    line_matches(&rs->byline, line_text(w, j), k))
			return;
		w->l[i].joined = JOINED_NAME_BELOW;
		w->l[j].kind = K_OTHER;
		w->l[j].vo = w->l[j].off;
		w->l[j].vl = k;
		w->l[j].why = "a writer's name under the post over it, written with it";
		w->l[i].why = "a post over the writer's name under it, written with it";
		return;
	}
}
