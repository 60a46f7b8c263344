/*
 * fields.c: apply a site's field rules, compiled by fieldcomp.c (see
 * fields.h and khobor-rules(5), FIELDS).
 *
 * The body is split into lines once per record.  Rules run in file order;
 * each looks at a window of the lines that are neither blank nor consumed
 * yet (all of them, the first or last N, or those after or before the line
 * another field came from), matches its pattern against each line of the
 * window in turn, cleans the value, and consumes the line, the matched
 * text, or nothing.  Buffers live in a struct fieldwork and are reused
 * record after record, so a record costs no allocation per line.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fieldrule.h"
#include "fields.h"
#include "rx.h"
#include "text.h"
#include "util.h"

struct hit {
	int hdr, rule;
	size_t line, pos, seq;
	size_t voff, vlen;	/* in w->vals */
};

struct cut {
	size_t so, eo;
};

/* R_NOANCHOR: no line of the 'after' field when the rule ran; R_NOBEFORE: of the 'before' one. */
enum { R_SKIPPED, R_NOMATCH, R_FOUND, R_NOANCHOR, R_LIMIT, R_NOEQUAL, R_NOBEFORE };

struct fieldwork {
	struct buf text;	/* the body; lines rewritten after a cut are appended */
	struct text_line *l;	/* gone: consumed, or blank after a cut */
	size_t nl, capl;
	size_t *win;
	size_t capwin;
	struct hit *hit;
	size_t nhit, caphit, seq;
	struct buf vals, tmp, out;
	ssize_t *first;		/* per header: the line of its first value, or -1 */
	size_t *nvals;
	size_t caph;
	int *state;		/* per rule, for --explain */
	size_t capr;
	struct cut *cuts;
	size_t ncuts, capcuts;
	int limited;
	int nfc;		/* the caller's word that the next body is in NFC (fields_body_nfc) */
	/* for --explain */
	FILE *ex;
	const char *src;
	const struct fieldset *fs;
};

struct fieldwork *
fields_work_new(void)
{
	return ecalloc(1, sizeof(struct fieldwork));
}

void
fields_body_nfc(struct fieldwork *w)
{
	w->nfc = 1;
}

void
fields_work_free(struct fieldwork *w)
{
	if (w == NULL)
		return;
	buf_free(&w->text);
	buf_free(&w->vals);
	buf_free(&w->tmp);
	buf_free(&w->out);
	free(w->l);
	free(w->win);
	free(w->hit);
	free(w->first);
	free(w->nvals);
	free(w->state);
	free(w->cuts);
	free(w);
}

static void
split_lines(struct fieldwork *w)
{
	w->nl = text_lines(w->text.s, w->text.len, &w->l, &w->capl);
}

static const char *
ltext(const struct fieldwork *w, size_t i)
{
	return w->text.s + w->l[i].off;
}

/* Does s[0..n) end with the UTF-8 string t?  Returns its length, or 0. */
static size_t
ends_with(const char *s, size_t n, const char *t)
{
	size_t k = strlen(t);

	return k > 0 && k <= n && memcmp(s + n - k, t, k) == 0 ? k : 0;
}

static size_t
starts_with(const char *s, size_t n, const char *t)
{
	size_t k = strlen(t);

	return k > 0 && k <= n && memcmp(s, t, k) == 0 ? k : 0;
}

/* Punctuation a value may carry at its ends; Bengali dari and danda included. */
static const char *const punct[] = {
	".", ",", ";", ":", "!", "?", "-", "*", "\xE0\xA5\xA4" /* । */, "\xE0\xA5\xA5" /* ॥ */,
	"\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */, "\xE2\x80\xA2" /* • */,
	"\xC2\xB7" /* · */, "\xEF\xBC\x9A" /* ： */, "\xE2\x80\xA6" /* … */, NULL
};
/* A colon, and the visarga typed for one ("প্রতিবেদকঃ"). */
static const char *const colons[] = { ":", "\xEF\xBC\x9A", "\xE0\xA6\x83", NULL };

static void
trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t' || **s == '\n')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\n'))
		(*n)--;
}

static void
strip_end(const char **s, size_t *n, const char *const set[], int once)
{
	int more = 1;

	while (more) {
		size_t k, j;

		more = 0;
		trim(s, n);
		for (j = 0; set[j]; j++)
			if ((k = ends_with(*s, *n, set[j])) > 0) {
				*n -= k;
				more = !once;
				break;
			}
	}
	trim(s, n);
}

static void
strip_start(const char **s, size_t *n, const char *const set[])
{
	int more = 1;

	while (more) {
		size_t k, j;

		more = 0;
		trim(s, n);
		for (j = 0; set[j]; j++)
			if ((k = starts_with(*s, *n, set[j])) > 0) {
				*s += k;
				*n -= k;
				more = 1;
				break;
			}
	}
}

/*
 * Clean one value piece by the rule's steps and suffixes; the result is
 * appended to w->tmp (reset first).  Returns its length.
 */
static size_t
clean_value(struct fieldwork *w, const struct frule *r, const char *s, size_t n)
{
	size_t i, k;
	int sq, nosp;

	trim(&s, &n);
	for (i = 0; i < r->nsteps; i++) {
		switch (r->step[i]) {
		case S_LEAD:
			strip_start(&s, &n, punct);
			break;
		case S_TRAIL:
			strip_end(&s, &n, punct, 0);
			break;
		case S_COLON:
			strip_end(&s, &n, colons, 1);
			break;
		default:
			break;
		}
	}
	/* A genitive or other suffix: the first listed that ends the value goes. */
	for (i = 0; i < r->nsuffix; i++)
		if ((k = ends_with(s, n, r->suffix[i])) > 0 && k < n) {
			n -= k;
			trim(&s, &n);
			break;
		}
	buf_reset(&w->tmp);
	for (i = 0, sq = 0, nosp = 0; i < r->nsteps; i++) {
		sq |= r->step[i] == S_SQUEEZE;
		nosp |= r->step[i] == S_NOSPACE;
	}
	if (nosp) {
		/*
		 * A label set letter-spaced ("[ রা জ নী তি ]") reads as one word
		 * again; this wins over squeeze, which would keep one space.
		 */
		for (k = 0; k < n; k++)
			if (s[k] != ' ' && s[k] != '\t')
				buf_addc(&w->tmp, s[k]);
	} else if (sq) {
		for (k = 0; k < n; k++)
			if (!((s[k] == ' ' || s[k] == '\t') && w->tmp.len > 0 &&
			    w->tmp.s[w->tmp.len - 1] == ' '))
				buf_addc(&w->tmp, s[k] == '\t' ? ' ' : s[k]);
	} else {
		buf_add(&w->tmp, s, n);
	}
	if (w->tmp.s == NULL)
		buf_grow(&w->tmp, 0);
	return w->tmp.len;
}

static int
have_value(const struct fieldwork *w, int hdr, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < w->nhit; i++)
		if (w->hit[i].hdr == hdr && w->hit[i].vlen == n && memcmp(w->vals.s + w->hit[i].voff, s, n) == 0)
			return 1;
	return 0;
}

static void
explain_hit(const struct fieldwork *w, const struct frule *r, int hdr, size_t line,
    const char *v, size_t vn, const char *ms, size_t mn, int again)
{
	static const char *const did[] = { "line consumed", "cut out of the line", "line kept" };
	int cut, q;

	if (w->ex == NULL)
		return;
	q = text_quote(ms, mn, 120, &cut);
	if (r->from) {	/* no body line: the header it read */
		fflush(stdout);
		fprintf(w->ex, "%s: %s: %s:%u: %s: %s \"%.*s\"%s from \"%.*s%s\" (the header %s)\n", prog, w->src,
		    w->fs->file, r->line, r->label, w->fs->h[hdr].name, (int)vn, v, again ? " again, written once" : "",
		    q, ms, cut ? "..." : "", r->from);
		return;
	}
	text_explain_body(w->ex, w->src, line + 1, w->fs->file, r->line, r->label, "%s \"%.*s\"%s from \"%.*s%s\" (%s)\n",
	    w->fs->h[hdr].name, (int)vn, v, again ? " again, written once" : "", q, ms, cut ? "..." : "",
	    did[r->consume]);
}

/*
 * Add the value(s) in s[0..n) to header HDR.  Returns how many values the
 * text held, counting those already there (a second "এএফপি" is not written
 * twice, but its credit is still a credit, to be consumed).
 */
static size_t
add_value(struct fieldwork *w, const struct frule *r, int ri, int hdr, const char *s, size_t n,
    size_t line, size_t pos, const char *ms, size_t mn)
{
	const struct hdr *h = &w->fs->h[hdr];
	size_t added = 0, at = 0;

	for (;;) {
		size_t pn = n - at, next = n + 1;
		struct hit *hp;

		if (!h->list && w->nvals[hdr] > 0)
			break;
		if (r->split && at <= n) {
			size_t so, eo;
			int rc = rx_exec(r->split, s, n, at, 0);

			if (rc == RX_MATCH && rx_group(r->split, 0, &so, &eo) && eo > so) {
				pn = so - at;
				next = eo;
			}
		}
		if (clean_value(w, r, s + at, pn) > 0 && h->list && have_value(w, hdr, w->tmp.s, w->tmp.len)) {
			added++;
			explain_hit(w, r, hdr, line, w->tmp.s, w->tmp.len, ms, mn, 1);
		} else if (w->tmp.len > 0) {
			if (w->nhit == w->caphit) {
				w->caphit = w->caphit ? w->caphit * 2 : 32;
				w->hit = erealloc(w->hit, w->caphit * sizeof(*w->hit));
			}
			hp = &w->hit[w->nhit++];
			hp->hdr = hdr;
			hp->rule = ri;
			hp->line = line;
			hp->pos = pos + at;
			hp->seq = w->seq++;
			hp->voff = w->vals.len;
			hp->vlen = w->tmp.len;
			buf_add(&w->vals, w->tmp.s, w->tmp.len);
			/* A value from a header (line nl or more) anchors no 'after' or 'before'. */
			if (line < w->nl && (w->first[hdr] < 0 || (size_t)w->first[hdr] > line))
				w->first[hdr] = (ssize_t)line;
			w->nvals[hdr]++;
			added++;
			explain_hit(w, r, hdr, line, w->tmp.s, w->tmp.len, ms, mn, 0);
		}
		if (next > n)
			break;
		at = next;
	}
	return added;
}

/* A drop rule's match: counted under its hidden header, nothing to write. */
static size_t
take_drop(struct fieldwork *w, const struct frule *r, size_t line, const char *s, size_t n, size_t so, size_t eo)
{
	static const char *const did[] = { "line consumed", "cut out of the line", "line kept" };
	int cut, q;

	if (w->first[r->hdr] < 0 || (size_t)w->first[r->hdr] > line)
		w->first[r->hdr] = (ssize_t)line;
	w->nvals[r->hdr]++;
	if (w->ex != NULL) {
		q = text_quote(s, n, 120, &cut);
		text_explain_body(w->ex, w->src, line + 1, w->fs->file, r->line, r->label, "dropped \"%.*s\" from \"%.*s%s\" (%s)\n",
		    (int)(eo - so), s + so, q, s, cut ? "..." : "", did[r->consume]);
	}
	return 1;
}

/*
 * The value rule R's lines must equal ('equals') or start with ('prefix'),
 * the field HDR's: the first found for it in this record, else the
 * record's own header of that name (from an earlier filter); NULL if there
 * is none.
 */
static const char *
field_value(const struct fieldwork *w, const struct record *rec, int hdr, size_t *n)
{
	const char *v;
	size_t i, best = SIZE_MAX;

	for (i = 0; i < w->nhit; i++)
		if (w->hit[i].hdr == hdr && (best == SIZE_MAX || w->hit[i].seq < w->hit[best].seq))
			best = i;
	if (best != SIZE_MAX) {
		*n = w->hit[best].vlen;
		return w->vals.s + w->hit[best].voff;
	}
	if ((v = record_get(rec, w->fs->h[hdr].name)) != NULL)
		*n = strlen(v);
	return v;
}

/* Are a[0..an) and b[0..bn) the same text once runs of spaces and tabs are one space and the ends trimmed? */
static int
same_squeezed(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

#define KHOBOR_SP(c) ((c) == ' ' || (c) == '\t')
	while (an > 0 && KHOBOR_SP(a[an - 1]))
		an--;
	while (bn > 0 && KHOBOR_SP(b[bn - 1]))
		bn--;
	while (i < an && KHOBOR_SP(a[i]))
		i++;
	while (j < bn && KHOBOR_SP(b[j]))
		j++;
	while (i < an && j < bn) {
		if (KHOBOR_SP(a[i]) && KHOBOR_SP(b[j])) {
			while (i < an && KHOBOR_SP(a[i]))
				i++;
			while (j < bn && KHOBOR_SP(b[j]))
				j++;
			continue;
		}
		if (a[i] != b[j])
			return 0;
		i++;
		j++;
	}
#undef KHOBOR_SP
	return i == an && j == bn;
}

/* Take the values of the last match of rule r in line s; returns how many. */
static size_t
take_values(struct fieldwork *w, const struct frule *r, int ri, size_t line, const char *s, size_t n)
{
	size_t got = 0, so, eo, mso = 0, meo = n, i;

	if (r->drop) {
		rx_group(r->re, 0, &mso, &meo);
		return take_drop(w, r, line, s, n, mso, meo);
	}
	rx_group(r->re, 0, &mso, &meo);
	if (rx_group(r->re, r->vgroup, &so, &eo))
		got += add_value(w, r, ri, r->hdr, s + so, eo - so, line, so, s + mso, meo - mso);
	for (i = 0; i < r->nalso; i++)
		if (rx_group(r->re, r->also_group[i], &so, &eo))
			got += add_value(w, r, ri, r->also_hdr[i], s + so, eo - so, line, so, s + mso, meo - mso);
	return got;
}

/* Rewrite line i without the cut ranges, closing up the space around each cut. */
static void
apply_cuts(struct fieldwork *w, size_t i)
{
	size_t k, at = 0, n = w->l[i].len, start = w->text.len;

	buf_reset(&w->out);
	for (k = 0; k < w->ncuts; k++) {
		const char *s = ltext(w, i);

		buf_add(&w->out, s + at, w->cuts[k].so - at);
		at = w->cuts[k].eo;
		/* "a. খবর X। b" -> "a. b": one space where the cut met two. */
		if (w->out.len > 0 && w->out.s[w->out.len - 1] == ' ')
			while (at < n && s[at] == ' ')
				at++;
	}
	buf_add(&w->out, ltext(w, i) + at, n - at);
	while (w->out.len > 0 && (w->out.s[w->out.len - 1] == ' ' || w->out.s[w->out.len - 1] == '\t'))
		w->out.len--;
	buf_add(&w->text, w->out.s ? w->out.s : "", w->out.len);
	w->l[i].off = start;
	w->l[i].len = w->out.len;
	if (text_blank(ltext(w, i), w->l[i].len))
		w->l[i].gone = 1;
}

static void
limit_hit(struct fieldwork *w, struct record *rec, const struct frule *r, int rc)
{
	if (!w->limited)
		record_error(rec, "rule %s: %s", r->label, rc == RX_LIMIT ? "match limit exceeded" : "match failed");
	w->limited = 1;
}

/*
 * The window of rule r: indices of lines neither blank nor consumed, after
 * and before the anchors, up to the line 'until' matches.  Returns -1 when
 * 'until' hit a PCRE2 limit.
 */
static ssize_t
window(struct fieldwork *w, struct record *rec, const struct frule *r)
{
	size_t lo = 0, hi = w->nl, i, nw = 0;

	if (r->after >= 0)
		lo = (size_t)w->first[r->after] + 1;
	if (r->before >= 0)
		hi = (size_t)w->first[r->before];
	if (w->capwin < w->nl) {
		w->capwin = w->nl;
		w->win = erealloc(w->win, w->capwin * sizeof(*w->win));
	}
	for (i = lo; i < hi && !(r->head && nw == r->head); i++) {
		if (w->l[i].gone || w->l[i].blank)
			continue;
		if (r->until) {
			int rc = rx_exec(r->until, ltext(w, i), w->l[i].len, 0, 0);

			if (rc == RX_LIMIT || rc == RX_FAIL) {
				limit_hit(w, rec, r, rc);
				return -1;
			}
			if (rc == RX_MATCH)
				break;
		}
		w->win[nw++] = i;
	}
	if (r->tail && nw > r->tail) {
		memmove(w->win, w->win + (nw - r->tail), r->tail * sizeof(*w->win));
		nw = r->tail;
	}
	return (ssize_t)nw;
}

/*
 * Rule R with 'prefix' on line s[0..n): if it starts with the value
 * v[0..vn), take the prefix (the value as the line prints it) and mark it,
 * with the spaces after it, as the one cut of the line.  Returns 1 if it did.
 */
static int
take_prefix(struct fieldwork *w, const struct frule *r, int ri, size_t line, const char *s, size_t n,
    const char *v, size_t vn)
{
	size_t eo = text_prefix_squeezed(s, n, v, vn), so = 0, ve = eo;

	if (eo == 0)
		return 0;
	while (so < ve && (s[so] == ' ' || s[so] == '\t'))
		so++;
	while (ve > so && (s[ve - 1] == ' ' || s[ve - 1] == '\t'))
		ve--;
	if (r->drop)
		take_drop(w, r, line, s, n, 0, eo);
	else if (add_value(w, r, ri, r->hdr, s + so, ve - so, line, so, s, eo) == 0)
		return 0;
	if (w->capcuts == 0) {
		w->capcuts = 8;
		w->cuts = erealloc(w->cuts, w->capcuts * sizeof(*w->cuts));
	}
	w->cuts[0].so = 0;
	w->cuts[0].eo = eo;
	w->ncuts = 1;
	return 1;
}

static int
run_rule(struct fieldwork *w, struct record *rec, const struct frule *r, int ri)
{
	ssize_t nwin;
	size_t nw, k, eqn = 0;
	const char *eq = NULL;
	int found = 0;

	if (r->after >= 0 && w->first[r->after] < 0)
		return R_NOANCHOR;
	if (r->before >= 0 && w->first[r->before] < 0)
		return R_NOBEFORE;
	if (r->equals >= 0 && (eq = field_value(w, rec, r->equals, &eqn)) == NULL)
		return R_NOEQUAL;
	if (r->prefix >= 0 && (eq = field_value(w, rec, r->prefix, &eqn)) == NULL)
		return R_NOEQUAL;
	if ((nwin = window(w, rec, r)) < 0)
		return R_LIMIT;
	nw = (size_t)nwin;
	for (k = 0; k < nw && !(found && !r->list); k++) {
		/* A tail window is searched from its end: the line nearest first. */
		size_t li = w->win[r->tail ? nw - 1 - k : k], pos = 0, so, eo;
		const char *s = ltext(w, li);
		size_t n = w->l[li].len;
		int here = 0;

		if (r->prefix >= 0) {
			if (take_prefix(w, r, ri, li, s, n, eq, eqn)) {
				found = 1;
				if (r->consume == C_LINE)
					w->l[li].gone = 1;
				else if (r->consume == C_MATCH)
					apply_cuts(w, li);
			}
			continue;
		}
		if (eq != NULL && !same_squeezed(s, n, eq, eqn))
			continue;
		w->ncuts = 0;
		while (pos <= n) {
			int rc = rx_exec(r->re, s, n, pos, 0);

			if (rc == RX_LIMIT || rc == RX_FAIL) {
				limit_hit(w, rec, r, rc);
				return found ? R_FOUND : R_LIMIT;
			}
			if (rc != RX_MATCH)
				break;
			rx_group(r->re, 0, &so, &eo);
			if (take_values(w, r, ri, li, s, n) > 0) {
				here = found = 1;
				if (r->consume == C_MATCH && eo > so) {
					if (w->ncuts == w->capcuts) {
						w->capcuts = w->capcuts ? w->capcuts * 2 : 8;
						w->cuts = erealloc(w->cuts, w->capcuts * sizeof(*w->cuts));
					}
					w->cuts[w->ncuts].so = so;
					w->cuts[w->ncuts++].eo = eo;
				}
				if (!r->list)
					break;
			}
			if (eo == so) {	/* an empty match: step over one character */
				if (so >= n)
					break;
				eo = text_utf8_ceil(s, n, so + 1);
			}
			pos = eo;
		}
		if (!here)
			continue;
		if (r->consume == C_LINE)
			w->l[li].gone = 1;
		else if (r->consume == C_MATCH && w->ncuts > 0)
			apply_cuts(w, li);
	}
	return found ? R_FOUND : R_NOMATCH;
}

/*
 * A rule with 'from': its pattern (or none: the whole value) against each
 * value of the header, in order; nothing is consumed.  Its values sort
 * after the body's, in the order of the headers (line nl + the header's index).
 */
static int
run_from(struct fieldwork *w, struct record *rec, const struct frule *r, int ri)
{
	size_t i;
	int found = 0;

	for (i = 0; i < rec->nf && !(found && !r->list); i++) {
		const char *v = rec->f[i].value;
		size_t n = strlen(v);
		int rc;

		if (strcmp(rec->f[i].name, r->from) != 0)
			continue;
		if (r->re == NULL) {
			found |= add_value(w, r, ri, r->hdr, v, n, w->nl + i, 0, v, n) > 0;
			continue;
		}
		rc = rx_exec(r->re, v, n, 0, 0);
		if (rc == RX_LIMIT || rc == RX_FAIL) {
			limit_hit(w, rec, r, rc);
			return found ? R_FOUND : R_LIMIT;
		}
		if (rc == RX_MATCH)
			found |= take_values(w, r, ri, w->nl + i, v, n) > 0;
	}
	return found ? R_FOUND : R_NOMATCH;
}

static int
by_place(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;

	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
explain_missing(const struct fieldwork *w, const struct fieldset *fs)
{
	size_t h, i, k;

	for (h = 0; h < fs->nh; h++) {
		if (w->nvals[h] > 0)
			continue;
		for (i = 0; i < fs->nr; i++) {
			const struct frule *r = &fs->r[i];
			int mine = r->hdr == (int)h;

			for (k = 0; k < r->nalso && !mine; k++)
				mine = r->also_hdr[k] == (int)h;
			if (!mine)
				continue;
			if (fs->h[h].hidden)
				fprintf(w->ex, "%s: %s: %s:%u: %s: nothing dropped: ", prog, w->src, fs->file, r->line,
				    r->label);
			else
				fprintf(w->ex, "%s: %s: %s:%u: %s: no %s: ", prog, w->src, fs->file, r->line, r->label,
				    fs->h[h].name);
			switch (w->state[i]) {
			case R_NOANCHOR:
			case R_NOBEFORE: {
				/* Which was missing when the rule ran: a later rule may have found it since. */
				int a = w->state[i] == R_NOANCHOR ? r->after : r->before;

				fprintf(w->ex, "not tried, as there is no '%s' to look %s%s\n", fs->h[a].name,
				    w->state[i] == R_NOANCHOR ? "after" : "before",
				    w->first[a] >= 0 ? " when it runs (a later rule finds it)" : "");
				break;
			}
			case R_LIMIT:
				fprintf(w->ex, "match limit exceeded in %s\n", r->where);
				break;
			case R_NOEQUAL:
				fprintf(w->ex, "not tried, as there is no '%s' to compare with\n",
				    fs->h[r->equals >= 0 ? r->equals : r->prefix].name);
				break;
			case R_SKIPPED:
				fprintf(w->ex, "not tried\n");
				break;
			case R_FOUND:
				fprintf(w->ex, "it matched in %s, but its group for %s was empty\n", r->where,
				    fs->h[h].name);
				break;
			default:
				if (r->equals >= 0)
					fprintf(w->ex, "no match among the lines equal to the '%s' in %s\n",
					    fs->h[r->equals].name, r->where);
				else if (r->prefix >= 0)
					fprintf(w->ex, "no line that starts with the '%s' in %s\n",
					    fs->h[r->prefix].name, r->where);
				else
					fprintf(w->ex, "no match in %s\n", r->where);
				break;
			}
		}
	}
}

/* Write the body's lines that are left, trailing blanks trimmed, blank runs folded. */
static void
rebuild_body(struct fieldwork *w)
{
	size_t i;
	int pending = 0, any = 0;

	buf_reset(&w->out);
	for (i = 0; i < w->nl; i++) {
		const char *s = ltext(w, i);
		size_t n = w->l[i].len;

		if (w->l[i].gone)
			continue;
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n == 0 || w->l[i].blank) {
			pending = any;
			continue;
		}
		if (pending)
			buf_addc(&w->out, '\n');
		buf_add(&w->out, s, n);
		buf_addc(&w->out, '\n');
		pending = 0;
		any = 1;
	}
	if (w->out.s == NULL)
		buf_grow(&w->out, 0);
}

void
fields_apply(const struct fieldset *fs, struct fieldwork *w, struct record *rec, FILE *explain)
{
	struct buf scratch = {0};
	const char *body = rec->body.s ? rec->body.s : "";
	size_t i, h;

	w->fs = fs;
	w->ex = explain;
	w->src = explain ? record_source(rec, &scratch) : "";
	w->limited = 0;
	w->nhit = 0;
	w->seq = 0;
	buf_reset(&w->vals);
	buf_reset(&w->text);
	/*
	 * Rules are NFC; so must the text be (strip-boilerplate's output
	 * already is, but a stream may come from elsewhere).  A body the
	 * caller vouches for is not read over to check it.
	 */
	if (w->nfc)
		buf_add(&w->text, body, rec->body.len);
	else
		text_nfc(body, rec->body.len, &w->text);
	w->nfc = 0;
	split_lines(w);
	if (w->caph < fs->nh) {
		w->caph = fs->nh;
		w->first = erealloc(w->first, w->caph * sizeof(*w->first));
		w->nvals = erealloc(w->nvals, w->caph * sizeof(*w->nvals));
	}
	for (h = 0; h < fs->nh; h++) {
		w->first[h] = -1;
		w->nvals[h] = 0;
	}
	if (w->capr < fs->nr) {
		w->capr = fs->nr;
		w->state = erealloc(w->state, w->capr * sizeof(*w->state));
	}

	for (i = 0; i < fs->nr; i++) {
		const struct frule *r = &fs->r[i];

		/* A one-value field already found is not looked for again. */
		if (!fs->h[r->hdr].list && w->nvals[r->hdr] > 0) {
			w->state[i] = R_SKIPPED;
			continue;
		}
		w->state[i] = r->from ? run_from(w, rec, r, (int)i) : run_rule(w, rec, r, (int)i);
	}
	if (explain)
		explain_missing(w, fs);

	/* Headers in the order of the lines they came from; a field found replaces one already there. */
	if (w->nhit > 1)	/* qsort wants a non-null base even for nothing to sort */
		qsort(w->hit, w->nhit, sizeof(*w->hit), by_place);
	for (h = 0; h < fs->nh; h++)
		if (w->nvals[h] > 0 && !fs->h[h].hidden)
			record_del(rec, fs->h[h].name);
	for (i = 0; i < w->nhit; i++) {
		buf_reset(&w->tmp);
		buf_add(&w->tmp, w->vals.s + w->hit[i].voff, w->hit[i].vlen);
		record_add(rec, fs->h[w->hit[i].hdr].name, w->tmp.s);
	}
	for (h = 0; h < fs->nh; h++)
		if (fs->h[h].required && w->nvals[h] == 0)
			record_warning(rec, "no %s", fs->h[h].name);

	/* The body's buffer and ours change places: no copy. */
	rebuild_body(w);
	{
		struct buf t = rec->body;

		rec->body = w->out;
		w->out = t;
	}
	buf_free(&scratch);
}
