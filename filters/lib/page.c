/* page.c: a raw page decoded, cleaned and split into lines (see page.h). */
#include <stdlib.h>
#include <string.h>

#include "page.h"

/*
 * UTF-16 is told by evidence only.  A byte order mark says it.  Without
 * one, UTF-16 puts the high byte of every character in the same half of
 * the byte pairs (the odd bytes in little-endian order, the even ones in
 * big-endian order), and the text of one script has one high byte: 0x00
 * for ASCII, spaces and line ends, 0x09 for Bengali (U+0980..U+09FF).  So
 * in the first 512 bytes, there must be NUL bytes, nearly all of them in
 * one half, and that half must be nearly all NUL or one other value.
 * UTF-8 text holds no NUL byte but by accident, and a page whose letters a
 * bad encoder turned into '?' has none at all: neither is taken for
 * UTF-16 (it was, when one byte value filling half the pairs was enough).
 */
int
page_utf16(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t m = (n < 512 ? n : 512) & ~(size_t)1, pairs = m / 2, i, half, nul[2] = {0, 0};
	size_t count[256] = {0}, top = 0;

	if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF)))
		return 1;
	if (pairs < 8)
		return 0;
	for (i = 0; i < m; i++)
		nul[i & 1] += p[i] == 0;
	half = nul[1] >= nul[0] ? 1 : 0;
	/* Some NULs, and at most one in five of them in the other half. */
	if (nul[half] < 2 || nul[!half] * 4 > nul[half])
		return 0;
	for (i = half; i < m; i += 2)
		if (p[i] != 0 && ++count[p[i]] > top)
			top = count[p[i]];
	/* Nine in ten high bytes are NUL or the script's one value. */
	return (nul[half] + top) * 10 >= pairs * 9;
}

int
page_load(struct page *pg, struct record *rec, const char *source, const char *raw, size_t n)
{
	struct clean_report rep;

	pg->source = source;
	pg->rec = rec;
	pg->limited = 0;
	pg->ndead = 0;
	pg->nl = 0;
	buf_reset(&pg->text);
	if (page_utf16(raw, n)) {
		/* Passed on as it is, flagged: the bytes, made valid UTF-8, are still the page's. */
		record_set(rec, "site", "default");
		record_error(rec, "text is UTF-16, not UTF-8: convert it first (iconv -f UTF-16 -t UTF-8)");
		buf_reset(&rec->body);
		text_clean(raw, n, &rec->body, &rep);
		return -1;
	}
	text_normalize(raw, n, &pg->text, &rep);
	if (rep.invalid > 0)
		record_warning(rec, "%zu invalid UTF-8 sequence%s replaced with U+FFFD%s", rep.invalid,
		    rep.invalid == 1 ? "" : "s",
		    rep.invalid * 50 > n ? " (is this Latin-1? convert it: iconv -f LATIN1 -t UTF-8)" : "");
	if (rep.controls > 0)
		record_warning(rec, "%zu control character%s removed%s", rep.controls,
		    rep.controls == 1 ? "" : "s", rep.nuls ? " (NUL bytes among them)" : "");
	pg->nl = text_lines(pg->text.s, pg->text.len, &pg->l, &pg->capl);
	return 0;
}

static int
dead(const struct page *pg, const struct rx *re)
{
	int i;

	for (i = 0; i < pg->ndead; i++)
		if (pg->dead[i] == re)
			return 1;
	return 0;
}

int
page_exec(struct page *pg, struct rx *re, const char *s, size_t n, size_t start)
{
	int rc;

	if (dead(pg, re))
		return RX_LIMIT;
	rc = rx_exec(re, s, n, start, 0);
	if (rc != RX_LIMIT && rc != RX_FAIL)
		return rc;
	if (!pg->limited)
		record_error(pg->rec, "rule %s: %s", re->name,
		    rc == RX_LIMIT ? "match limit exceeded" : "match failed");
	pg->limited = 1;
	if (pg->ndead < PAGE_MAX_DEAD)
		pg->dead[pg->ndead++] = re;
	return RX_LIMIT;
}

int
page_match(struct page *pg, struct rx *re, const char *s, size_t n)
{
	return page_exec(pg, re, s, n, 0) == RX_MATCH;
}

void
page_set_line(struct page *pg, size_t i, const char *s, size_t n)
{
	size_t off = pg->text.len;

	buf_add(&pg->text, s, n);
	pg->l[i].off = off;
	pg->l[i].len = n;
}

void
page_finish(struct page *pg, struct record *rec)
{
	size_t i;

	buf_reset(&pg->out);
	for (i = 0; i < pg->nl; i++) {
		if (pg->l[i].gone)
			continue;
		buf_add(&pg->out, page_line(pg, i), pg->l[i].len);
		buf_addc(&pg->out, '\n');
	}
	buf_reset(&rec->body);
	text_tidy_into(pg->out.s ? pg->out.s : "", pg->out.len, &rec->body);
	if (rec->body.len == 0)
		record_warning(rec, "no article text left on the page");
}

/* One run of body lines from consecutive page lines. */
struct linerun {
	size_t body, page, n;
};

static void
run_flush(struct buf *b, const struct linerun *r)
{
	if (r->n == 0)
		return;
	if (b->len > 0)
		buf_adds(b, ", ");
	if (r->n == 1)
		buf_printf(b, "%zu is %s%zu", r->body, b->len == 0 ? "page line " : "", r->page);
	else
		buf_printf(b, "%zu-%zu are %s%zu-%zu", r->body, r->body + r->n - 1, b->len == 0 ? "page lines " : "",
		    r->page, r->page + r->n - 1);
}

static void
run_add(struct buf *b, struct linerun *r, size_t body, size_t page)
{
	if (r->n > 0 && body == r->body + r->n && page == r->page + r->n) {
		r->n++;
		return;
	}
	run_flush(b, r);
	r->body = body;
	r->page = page;
	r->n = 1;
}

/*
 * The body lines as text_tidy_into makes them of the lines left: a run of
 * blank lines between two others is one blank line (counted as the run's
 * first), blank lines at the ends go.  A line a rule rewrote may hold
 * newlines: each piece comes from that page line.
 */
void
page_explain_lines(const struct page *pg, FILE *fp)
{
	struct buf b = {0};
	struct linerun r = {0};
	size_t i, body = 0, blank_at = 0;
	int pending = 0, any = 0;

	for (i = 0; i < pg->nl; i++) {
		const char *s = page_line(pg, i), *end = s + pg->l[i].len;

		if (pg->l[i].gone)
			continue;
		for (;;) {
			const char *nl = memchr(s, '\n', (size_t)(end - s));
			const char *eol = nl ? nl : end;

			if (text_tidy_blank(s, (size_t)(eol - s))) {
				if (any && !pending) {
					pending = 1;
					blank_at = pg->l[i].no;
				}
			} else {
				if (pending)
					run_add(&b, &r, ++body, blank_at);
				run_add(&b, &r, ++body, pg->l[i].no);
				pending = 0;
				any = 1;
			}
			if (nl == NULL)
				break;
			s = nl + 1;
		}
	}
	run_flush(&b, &r);
	fflush(stdout);
	if (b.len > 0)
		fprintf(fp, "%s: %s: body line%s %s\n", prog, pg->source, r.n > 1 || strchr(b.s, ',') ? "s" : "", b.s);
	else
		fprintf(fp, "%s: %s: body lines: none\n", prog, pg->source);
	buf_free(&b);
}

void
page_free(struct page *pg)
{
	free(pg->l);
	buf_free(&pg->text);
	buf_free(&pg->out);
	memset(pg, 0, sizeof(*pg));
}
