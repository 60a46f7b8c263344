/*
 * hzonewrap.c: a credit wrapped over two lines in the header zone
 * ("Name Name Name," over "<place> :"): the header-zone reader (hzone.c)
 * has the two joined into the one line the writer printed, so that the
 * byline patterns read it whole.
 */
#include <string.h>

#include "hzonework.h"
#include "text.h"
#include "util.h"

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
	size_t n = w->l[i].len, m, k, nw;

	if (n < 2 || s[n - 1] != ',' || w->l[i + 1].len == 0)
		return 0;
	for (m = n - 1; m > 0 && s[m - 1] == ' '; m--)
		;
	nw = line_words(s, m);
	if (nw < 2 || nw > 4 || !line_bengali_name(s, m))
		return 0;
	/* Nothing but spaces and the one line break between the two. */
	for (k = w->l[i].off + n; k < w->l[i + 1].off; k++)
		if (w->text.s[k] != ' ' && w->text.s[k] != '\t' && w->text.s[k] != '\n')
			return 0;
	if (memchr(w->text.s + w->l[i].off + n, '\n', w->l[i + 1].off - w->l[i].off - n) !=
	    memrchr(w->text.s + w->l[i].off + n, '\n', w->l[i + 1].off - w->l[i].off - n))
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
	size_t i, j, e, a, vo, vl;

	for (i = 0; i + 1 < zone && i + 1 < w->nl; i++) {
		if (!wrapped_at(w, i))
			continue;
		e = w->l[i].off + w->l[i].len;
		a = w->l[i + 1].off;
		buf_reset(&w->out);
		buf_add(&w->out, line_text(w, i), w->l[i].len);
		buf_addc(&w->out, ' ');
		buf_add(&w->out, line_text(w, i + 1), w->l[i + 1].len);
		for (j = 0; j < rs->byline.n; j++)
			if (line_value_of(rs->byline.re[j], w->out.s, w->out.len, &vo, &vl))
				break;
		if (j == rs->byline.n)
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
