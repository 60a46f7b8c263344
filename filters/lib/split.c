/* split.c: cut a dump of glued pages at the sites' start patterns (see split.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rx.h"
#include "split.h"
#include "text.h"
#include "util.h"

/*
 * All sites' start patterns as one alternation, so that one scan finds
 * the earliest page start whichever site it belongs to (a scan per site
 * would read the rest of the buffer again for every page).
 */
struct splitter {
	struct rx *re;		/* NULL: no site has a start pattern */
};

struct splitread {
	struct splitter *sp;
	FILE *fp;
	const char *name;
	/*
	 * b.s[base..] is the page being read; FROM is where, relative to
	 * base, the search for the next page start resumes: past the page's
	 * own start, whose lines may hold a shorter start (a byline and a
	 * date line after an optional page clock).  The consumed
	 * part is dropped only when it is most of the buffer, not after
	 * every page.
	 */
	struct buf b, nfc;
	/*
	 * What was read but not yet added to b: the end of the last line
	 * read, so that NFC (and a UTF-8 sequence) is never cut where a read
	 * ended: the pages are the same however the input comes in.
	 */
	struct buf held;
	size_t base, from, nread, chunk;
	int eof, cr, failed, done;
	int opened;		/* the first page's own start has been looked for */
	unsigned long pages;
};

/* A line longer than this is added in pieces, cut between characters. */
#define SPLIT_MAX_HELD (1 << 20)

static struct rx *
compile_start(const struct site *s, const struct yml *n)
{
	struct buf name = {0};
	struct rx *re;

	buf_printf(&name, "%s/start", s->name);
	re = rx_compile(s->doc, n, name.s, PCRE2_MULTILINE);
	buf_free(&name);
	return re;
}

int
split_check(const struct site *s)
{
	const struct yml *n = rules_section(s, "start");
	struct rx *re;

	if (n == NULL)
		return 0;
	if ((re = compile_start(s, n)) == NULL)
		return -1;
	rx_free(re);
	return 0;
}

struct splitter *
split_new(struct rules *r, int *broken)
{
	struct splitter *sp = ecalloc(1, sizeof(*sp));
	struct buf b = {0};
	size_t i;

	for (i = 0; i < r->nsites; i++) {
		struct site *s = &r->sites[i];
		const struct yml *n;
		struct rx *re;

		if (rules_load(r, s) < 0) {
			*broken = 1;
			continue;
		}
		if ((n = rules_section(s, "start")) == NULL)
			continue;
		if ((re = compile_start(s, n)) == NULL) {
			*broken = 1;
			continue;
		}
		buf_printf(&b, "%s(?:%s)", b.len ? "|" : "", re->src);
		rx_free(re);
	}
	if (b.len > 0) {
		sp->re = rx_compile_at(b.s, b.len, "(all start patterns)", 1, 1, "split",
		    PCRE2_MULTILINE | PCRE2_DUPNAMES);
		rx_jit_partial(sp->re);
	}
	buf_free(&b);
	return sp;
}

void
split_free(struct splitter *sp)
{
	if (sp == NULL)
		return;
	rx_free(sp->re);
	free(sp);
}

struct splitread *
split_open(struct splitter *sp, FILE *fp, const char *name)
{
	struct splitread *sr = ecalloc(1, sizeof(*sr));

	sr->sp = sp;
	sr->fp = fp;
	sr->name = name;
	sr->chunk = 1 << 16;
	return sr;
}

void
split_set_chunk(struct splitread *sr, size_t n)
{
	sr->chunk = n > 0 ? n : 1;
}

size_t
split_bytes(const struct splitread *sr)
{
	return sr->nread;
}

int
split_close(struct splitread *sr)
{
	int failed = sr->failed;

	buf_free(&sr->b);
	buf_free(&sr->nfc);
	buf_free(&sr->held);
	free(sr);
	return failed ? -1 : 0;
}

/*
 * The earliest start of a page after position FROM in S, and in *END where
 * that start's match ends; *partial is set when a start may begin there
 * but needs more input to tell.
 */
static size_t
next_cut(struct rx *re, const char *s, size_t n, size_t from, int more, int *partial, size_t *end)
{
	size_t so, eo;
	int rc;

	*partial = 0;
	*end = n;
	if (re == NULL)
		return n;
	rc = rx_exec(re, s, n, from, more ? PCRE2_PARTIAL_HARD : 0);
	if (rc != RX_MATCH && rc != RX_PARTIAL)
		return n;
	rx_group(re, 0, &so, &eo);
	*partial = rc == RX_PARTIAL;
	*end = eo;
	return so;
}

/*
 * Append raw bytes to the buffer with CRLF and lone CR made LF and byte
 * order marks dropped, so that start patterns see what a page will be
 * after cleaning.  *cr is set when the last byte added was a CR.
 */
static void
add_unix(struct buf *b, const char *s, size_t n, int *cr)
{
	size_t i, from = b->len > 2 ? b->len - 2 : 0, r, w;

	buf_grow(b, n);
	for (i = 0; i < n; i++) {
		if (s[i] == '\r') {
			b->s[b->len++] = '\n';
			*cr = 1;
			continue;
		}
		if (!(s[i] == '\n' && *cr))
			b->s[b->len++] = s[i];
		*cr = 0;
	}
	for (r = w = from; r < b->len;) {
		if (b->len - r >= 3 && memcmp(b->s + r, "\xEF\xBB\xBF", 3) == 0) {
			r += 3;
			continue;
		}
		b->s[w++] = b->s[r++];
	}
	b->len = w;
	b->s[b->len] = '\0';
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
			return 0;
	return 1;
}

/*
 * Read on until a line ends (or the input does), and add to the buffer
 * what was read up to the end of its last line (everything at the end of
 * the input); 0 when there is nothing more.
 */
static int
fill(struct splitread *sr)
{
	size_t n, k = 0, i, end;

	if (sr->base > 0 && sr->base >= sr->b.len / 2) {
		memmove(sr->b.s, sr->b.s + sr->base, sr->b.len - sr->base);
		sr->b.len -= sr->base;
		sr->base = 0;
	}
	while (k == 0) {
		buf_grow(&sr->held, sr->chunk);
		if ((n = fread(sr->held.s + sr->held.len, 1, sr->chunk, sr->fp)) == 0) {
			if (ferror(sr->fp)) {
				warnx("%s: read error: %s", sr->name, strerror(errno));
				sr->failed = 1;
			}
			if ((k = sr->held.len) == 0)
				return 0;
			break;
		}
		sr->held.len += n;
		sr->nread += n;
		for (k = sr->held.len; k > sr->held.len - n && sr->held.s[k - 1] != '\n' && sr->held.s[k - 1] != '\r'; k--)
			;
		if (k == sr->held.len - n)
			k = 0;	/* no line end in what was just read */
		if (k == 0 && sr->held.len >= SPLIT_MAX_HELD && (k = text_utf8_floor(sr->held.s, sr->held.len - 1)) == 0)
			k = sr->held.len;
	}
	/*
	 * Start patterns are NFC, like every rule: so must the text be.  Line
	 * by line, as a line of invalid UTF-8 is left as it is, and must not
	 * leave the lines read with it unnormalized.
	 */
	buf_reset(&sr->nfc);
	if (text_nfc_quick(sr->held.s, k)) {
		buf_add(&sr->nfc, sr->held.s, k);	/* the common case: valid, and NFC already */
	} else {
		for (i = 0; i < k; i = end) {
			for (end = i; end < k && sr->held.s[end] != '\n' && sr->held.s[end] != '\r'; end++)
				;
			end += end < k;
			text_nfc(sr->held.s + i, end - i, &sr->nfc);
		}
	}
	add_unix(&sr->b, sr->nfc.s ? sr->nfc.s : "", sr->nfc.len, &sr->cr);
	memmove(sr->held.s, sr->held.s + k, sr->held.len - k);
	sr->held.len -= k;
	return 1;
}

int
split_next(struct splitread *sr, const char **page, size_t *n)
{
	for (;;) {
		const char *s = sr->b.s ? sr->b.s + sr->base : "";
		size_t len = sr->b.len - sr->base, cut, end, start;
		int partial = 1;

		if (sr->done)
			return 0;
		/* The input's first page: past its own start, if it begins with one. */
		if (!sr->opened && len > 0) {
			cut = next_cut(sr->sp->re, s, len, 0, !sr->eof, &partial, &end);
			if (partial && !sr->eof) {
				sr->eof = !fill(sr);
				continue;
			}
			sr->opened = 1;
			if (cut == 0 && !partial)
				sr->from = end;
		}
		/* Search past the first character: a page starts at 0 already. */
		start = text_utf8_ceil(s, len, sr->from > 0 ? sr->from : 1);
		if (start < len) {
			cut = next_cut(sr->sp->re, s, len, start, !sr->eof, &partial, &end);
			if (cut < len && !partial) {
				sr->base += cut;
				sr->from = end - cut;
				if (blank(s, cut))	/* white space before the first page is no page */
					continue;
				sr->pages++;
				*page = s;
				*n = cut;
				return 1;
			}
			if (cut < len) {
				sr->from = cut;
			} else {
				/* Next time, search again from a few lines back only. */
				size_t back = len, k = 0;

				while (back > 1 && k < 8)
					if (s[--back] == '\n')
						k++;
				sr->from = back > 1 ? back : 1;
			}
		}
		if (!sr->eof) {
			sr->eof = !fill(sr);
			continue;
		}
		sr->done = 1;
		if (len > 0 && (sr->pages == 0 || !blank(s, len))) {
			sr->pages++;
			*page = s;
			*n = len;
			return 1;
		}
		return 0;
	}
}

/* ---- as an input of the filter driver ---- */

struct dump {
	struct splitread *sr;
	const char *name;
	unsigned long pages;
	struct buf src;
};

static void *
dump_open(FILE *fp, const char *name, void *ctx)
{
	struct dump *d = ecalloc(1, sizeof(*d));

	d->sr = split_open(ctx, fp, name);
	d->name = name;
	return d;
}

static int
dump_next(void *state, struct record *rec)
{
	struct dump *d = state;
	const char *page;
	size_t n;

	if (split_next(d->sr, &page, &n) == 0)
		return 0;
	record_clear(rec);
	buf_add(&rec->body, page, n);
	buf_reset(&d->src);
	buf_printf(&d->src, "%s#%lu", d->name, ++d->pages);
	record_add(rec, "source", d->src.s);
	return 1;
}

static int
dump_close(void *state)
{
	struct dump *d = state;
	int failed = split_close(d->sr) < 0;

	buf_free(&d->src);
	free(d);
	return failed;
}

const struct filter_input split_input = { dump_open, dump_next, dump_close, NULL };
