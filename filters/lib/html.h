/*
 * html.h: an HTML page rendered to the text a browser's select-all copy
 * gives, with the head's metadata as headers (see from-html(1)).
 *
 * The page is decoded to UTF-8 here (BOM, the transport's charset, <meta
 * charset>, http-equiv; iconv; an undecodable byte becomes U+FFFD and is
 * reported with its offset), parsed by libxml2's HTML parser as a stream of
 * SAX events, and rendered from those events as they come: no tree is
 * built, so memory stays small whatever the size of the page.  The head's
 * values and JSON-LD are gathered by htmlmeta.c.
 *
 * The engine is handed its state (struct htmlwork, reused page after
 * page) and knows nothing of options or globals but libxml2's own.
 */
#ifndef KHOBOR_HTML_H
#define KHOBOR_HTML_H

#include <stdio.h>

#include "record.h"

struct htmlwork;

/* Where a page's bytes come from: a stream read to its end, or memory. */
struct html_source {
	FILE *fp;		/* read to its end when not NULL */
	const char *s;		/* else these N bytes */
	size_t n;
};

struct html_opts {
	const char *url;	/* the page's address when the page names none (--url, WARC), or NULL */
	const char *charset;	/* the transport's charset (HTTP, WARC), or NULL */
};

struct htmlwork *html_work_new(void);
void html_work_free(struct htmlwork *w);
/* Free libxml2's global state; call once at exit. */
void html_cleanup(void);

/*
 * Render one page into REC: its body becomes the page's visible text, and
 * headers are added after the ones REC has, in this order: url, html_lang,
 * html_title, meta_title, meta_published, meta_updated, meta_author (one
 * per author), meta_section, meta_description, page_kind (error or
 * listing, for a page that is not an article); each only when the page
 * has it.  Faults (undecodable bytes, JSON-LD that cannot be read, a head
 * that contradicts itself, a page that is not an article) become warning
 * headers; input that is not HTML at all (binary data) an error header,
 * with an empty body.  Returns 0, or -1 if the stream could not be read
 * (errno set; what was read is rendered).
 */
int html_render(struct htmlwork *w, const struct html_source *src, const struct html_opts *o,
    struct record *rec);

/* The encoding a page's bytes were decoded from, as iconv names it (after html_render). */
const char *html_charset(const struct htmlwork *w);

#endif
