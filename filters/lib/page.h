/*
 * page.h: one raw page made ready for the rules of strip-boilerplate, and
 * the page's text made into a record body again when the rules are done.
 *
 * A page is decoded (UTF-8 repaired, UTF-16 recognised and refused),
 * cleaned (line ends, NBSP, control characters, NFC; see text_normalize)
 * and split into lines.  Site detection (detect.h) and the strip rules
 * (strip.h) work on the lines; page_finish writes what is left as the body.
 * The page also keeps which patterns ran into a PCRE2 limit on it, so that
 * a runaway pattern costs its limit once per page, not once per line.
 */
#ifndef KHOBOR_PAGE_H
#define KHOBOR_PAGE_H

#include <stdio.h>

#include "record.h"
#include "rx.h"
#include "text.h"

#define PAGE_MAX_DEAD 8

struct page {
	const char *source;	/* for messages */
	struct record *rec;	/* errors and warnings go here */
	struct buf text;	/* the cleaned page; rewritten lines are appended */
	struct buf out;		/* the lines left, before they are tidied into the body */
	struct text_line *l;
	size_t nl, capl;
	int limited;		/* a pattern hit a PCRE2 limit: said once on the record */
	const struct rx *dead[PAGE_MAX_DEAD];	/* the patterns that did: not run again */
	int ndead;
};

/*
 * Is the text at S (N bytes) UTF-16?  Only on evidence: a byte order mark,
 * or NUL bytes where UTF-16 puts them (see page.c).
 */
int page_utf16(const char *s, size_t n);

/*
 * Make RAW (N bytes, a page as read) the page PG, for REC: warnings for
 * repaired UTF-8 and removed control characters go on REC.  Returns 0, or
 * -1 when the page cannot be decoded (UTF-16): then REC has site default,
 * an error that says so, and the bytes (repaired as UTF-8 and cleaned) as
 * its body, and PG has no lines.  RAW must not be REC's own body.
 */
int page_load(struct page *pg, struct record *rec, const char *source, const char *raw, size_t n);

/* The text of line I. */
static inline const char *
page_line(const struct page *pg, size_t i)
{
	return pg->text.s + pg->l[i].off;
}

/*
 * Run RE on S from START: RX_MATCH, RX_NOMATCH, or RX_LIMIT for a pattern
 * that hit a PCRE2 limit on this page now or before.  The first limit hit
 * adds "error: PROG: rule NAME: match limit exceeded" to the record (only
 * one such error per page), and the pattern is not run again on the page.
 */
int page_exec(struct page *pg, struct rx *re, const char *s, size_t n, size_t start);
/* Does RE match S?  page_exec from 0, a limit counting as no match. */
int page_match(struct page *pg, struct rx *re, const char *s, size_t n);

/* Give line I new text: it is appended to the page's text. */
void page_set_line(struct page *pg, size_t i, const char *s, size_t n);

/*
 * Write the lines not gone as REC's body, blank runs folded and the ends
 * trimmed; warn when nothing is left.
 */
void page_finish(struct page *pg, struct record *rec);
/*
 * --explain: say on FP which page line each line of the body page_finish
 * writes comes from, as runs: "SOURCE: body lines 1-8 are page lines 1-8,
 * 9-15 are 10-16", or "SOURCE: body lines: none".  Field rules and the reader (extract-meta) count body
 * lines; this is how to read their numbers as the page's.
 */
void page_explain_lines(const struct page *pg, FILE *fp);

void page_free(struct page *pg);

#endif
