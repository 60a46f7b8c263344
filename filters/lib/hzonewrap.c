/*
 * hzonewrap.c: a credit wrapped over two lines in the header zone
 * ("Name Name Name," over "<place> :"), or a date set out in pieces
 * ("November 18" over "04:24pm" over "2020"): the header-zone reader
 * (hzone.c) has them joined into the one line the writer printed, so that
 * the byline patterns and the date reader read it whole.
 */
#include <string.h>

#include "date.h"
#include "hzonework.h"
#include "text.h"
#include "util.h"

/* Nothing but spaces and one line break between the end of line I and line J. */
static int
next_row(const struct hzonework *w, size_t i, size_t j)
{
	size_t k, breaks = 0;

	for (k = w->l[i].off + w->l[i].len; k < w->l[j].off; k++)
		if (w->text.s[k] == '\n')
			breaks++;
		else if (w->text.s[k] != ' ' && w->text.s[k] != '\t')
			return 0;
	return breaks == 1;
}

/*
 * Is line I a writer's name of two to four words in Bengali letters left
 * open by a comma, and line I + 1, right under it with no blank line
 * between, its place: one or two words closed by a colon or the visarga
 * (perhaps a dash after it)?
 */
static int
wrapped_at(const struct hzonework *w, size_t i)
{
	const char *s = line_text(w, i), *t;
	size_t n = w->l[i].len, m, nw;

	if (n < 2 || s[n - 1] != ',' || w->l[i + 1].len == 0)
		return 0;
	for (m = n - 1; m > 0 && s[m - 1] == ' '; m--)
		;
	nw = line_words(s, m);
	if (nw < 2 || nw > 4 || !line_bengali_name(s, m))
		return 0;
	if (!next_row(w, i, i + 1))
		return 0;
	t = line_text(w, i + 1);
	m = w->l[i + 1].len;
	while (m > 0 && (t[m - 1] == ' ' || t[m - 1] == '-' || line_ends_with(t, m, "–")))
		m -= line_ends_with(t, m, "–") ? 3 : 1;
	if (m > 0 && t[m - 1] == ':')
		m--;
	else if (line_ends_with(t, m, "ঃ"))
		m -= 3;
	else
		return 0;
	while (m > 0 && t[m - 1] == ' ')
		m--;
	nw = line_words(t, m);
	return nw >= 1 && nw <= 2 && line_bengali_name(t, m);
}

/*
 * Join the first credit wrapped over two lines among the zone's first
 * ZONE lines, when the joined line is one a byline pattern reads: the
 * break between them becomes one space in w->text.  1 if it was (the
 * caller splits the lines again).
 */
int
wrap_join_credit(const struct hzoneset *rs, struct hzonework *w, size_t zone)
{
	size_t i, e, a, vo, vl;

	for (i = 0; i + 1 < zone && i + 1 < w->nl; i++) {
		if (!wrapped_at(w, i))
			continue;
		e = w->l[i].off + w->l[i].len;
		a = w->l[i + 1].off;
		buf_reset(&w->out);
		buf_add(&w->out, line_text(w, i), w->l[i].len);
		buf_addc(&w->out, ' ');
		buf_add(&w->out, line_text(w, i + 1), w->l[i + 1].len);
		if (line_first_value(&rs->byline, w->out.s, w->out.len, &vo, &vl) == rs->byline.n)
			continue;
		buf_reset(&w->out);
		buf_add(&w->out, w->text.s, e);
		buf_addc(&w->out, ' ');
		buf_add(&w->out, w->text.s + a, w->text.len - a);
		buf_reset(&w->text);
		buf_add(&w->text, w->out.s, w->out.len);
		return 1;
	}
	return 0;
}

/* A piece of a date set out in pieces: two words at most, a digit in it, 16 bytes or fewer. */
static int
date_piece(const struct hzonework *w, size_t i)
{
	return w->l[i].len > 0 && w->l[i].len <= 16 && line_words(line_text(w, i), w->l[i].len) <= 2 &&
	    line_has_digit(line_text(w, i), w->l[i].len);
}

/*
 * Join the first date set out in pieces among the zone's first ZONE lines:
 * two or three lines right under each other, each a piece (see date_piece),
 * the first no whole date alone ("November 18"), that the date reader reads
 * whole when joined by spaces, year and all ("November 18 04:24pm 2020", a
 * theme's date box).  The breaks between them become spaces in w->text.  1
 * if they were (the caller splits the lines again).
 */
int
wrap_join_date(const struct hzoneset *rs, struct hzonework *w, size_t zone)
{
	struct date_result r;
	size_t i, k, m;

	for (i = 0; i + 1 < zone && i + 1 < w->nl; i++) {
		/* The cheap tests first: a view counter or a time alone has no piece under it. */
		if (!date_piece(w, i) || !date_piece(w, i + 1) || !next_row(w, i, i + 1) ||
		    (line_is_date(rs, line_text(w, i), w->l[i].len, &r) && r.status == DATE_OK))
			continue;
		/* The longest run first: three pieces, then two. */
		for (m = 3; m >= 2; m--) {
			if (i + m > zone || i + m > w->nl)
				continue;
			for (k = i + 1; k < i + m && date_piece(w, k) && next_row(w, k - 1, k); k++)
				;
			if (k < i + m)
				continue;
			buf_reset(&w->out);
			for (k = i; k < i + m; k++) {
				if (k > i)
					buf_addc(&w->out, ' ');
				buf_add(&w->out, line_text(w, k), w->l[k].len);
			}
			if (!line_is_date(rs, w->out.s, w->out.len, &r) || r.status != DATE_OK)
				continue;
			for (k = i; k + 1 < i + m; k++) {
				size_t a;

				for (a = w->l[k].off + w->l[k].len; a < w->l[k + 1].off; a++)
					if (w->text.s[a] == '\n')
						w->text.s[a] = ' ';
			}
			return 1;
		}
	}
	return 0;
}
