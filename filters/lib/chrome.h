/*
 * chrome.h: a site's chrome learned from its own pages, the CCNet idea
 * per site (issue 14, corpus mode).
 *
 * A chrome table counts, per site, how many of the site's pages each line
 * shape (shape.h: CCNet's normalization, digit runs folded; a 64-bit
 * hash, never the line) occurred on, and in which zone of the page: top
 * (above the article) or bottom (below it).  Lines inside the article are
 * never counted, so never dropped.  count-chrome(1) writes tables, sums
 * shards' tables, and strip-boilerplate --chrome drops, on pages of sites
 * with no rule file, the lines whose shape recurs in the same zone on at
 * least a share of the site's pages.
 *
 * Memory is bounded: a table holds at most max_shapes shapes (all sites
 * together).  When it is full, the shapes seen on one page only are
 * dropped (most lines are, and a line seen once is no site's chrome); if
 * that frees less than a quarter of the table, new shapes are not counted
 * any more (chrome_lost says how many were refused).  Either way a count
 * can only come out too low, never too high: the table may miss chrome,
 * it never makes an article line chrome.
 */
#ifndef KHOBOR_CHROME_H
#define KHOBOR_CHROME_H

#include <stdio.h>

#include "hzone.h"
#include "page.h"
#include "record.h"
#include "text.h"

enum chrome_zone { CHROME_TOP = 0, CHROME_BOTTOM = 1, CHROME_ARTICLE = 2, CHROME_NONE = 3 };

struct chrome;

/* A table of at most MAX_SHAPES shapes (0: no bound, for a table read to be applied). */
struct chrome *chrome_new(size_t max_shapes);
void chrome_free(struct chrome *t);

/*
 * The site a record counts under: the host of its "url" header, else its
 * "site" header, else "default".  Written into SCRATCH; the result points
 * into it or into REC.
 */
const char *chrome_site(const struct record *rec, struct buf *scratch);

/*
 * The zone of each of the NL lines L over TEXT, into ZONE[0..NL): the
 * article runs from the first line that reads as a paragraph (a sentence
 * end after at least four words, or twenty words) to the last one that
 * ends in a full stop (the dari or '.'; a teaser headline may end in '?'
 * or '!', a paragraph seldom does); lines above are CHROME_TOP, below
 * CHROME_BOTTOM.  Blank lines, lines gone, and
 * every line of a page with no paragraph, are CHROME_NONE.
 */
void chrome_zones(const char *text, const struct text_line *l, size_t nl, unsigned char *zone);

/*
 * Does the first paragraph S[0..N) open with a credit glued to it, as a
 * site's own name does ("বিশ্বনাথনিউজ২৪ :: ...")?  1 with the length of its
 * first words (what the table's lead zone counts) in *WORDS, of the
 * credit without its closing marks in *VAL, and the story's start in
 * *END; else 0 (chromelead.c).
 */
int chrome_lead(const char *s, size_t n, size_t *words, size_t *val, size_t *end);
/* The key under which the lead's words S[0..N) count: their shape, spaces left out (0: none). */
uint64_t chrome_lead_key(const char *s, size_t n, struct buf *scratch);

/* Count the page BODY[0..N) of SITE: each shape once per zone. */
void chrome_count(struct chrome *t, const char *site, const char *body, size_t n);

/*
 * Add the table FILE (opened as FP) to T: its counts are summed with
 * what T holds.  On a malformed line, "prog: FILE:LINE: message" on
 * stderr and -1 (T then holds part of the file).
 */
int chrome_read(struct chrome *t, FILE *fp, const char *file);

/*
 * Write T on FP: the header line, one "site" row per site, one "shape"
 * row per shape seen on at least MIN_PAGES pages (see count-chrome(1)).
 * Returns 0, or -1 on a write error.
 */
int chrome_write(struct chrome *t, FILE *fp, unsigned long min_pages);

/* Shapes refused because the table was full (0 if the bound was never hit). */
unsigned long chrome_lost(const struct chrome *t);

/*
 * How T is applied: a shape is chrome when it was seen, in its zone, on
 * at least SHARE of its site's pages and on at least MIN_PAGES pages.
 * READER, if not NULL, protects lines the header-zone reader reads as
 * fields (hzone_field): a date or a labelled time is never dropped,
 * however often it recurs; a recurring byline only when it is plainly
 * the site's (see chrome_apply).
 */
void chrome_use(struct chrome *t, double share, unsigned long min_pages, const struct hzoneset *reader);

/*
 * Drop from page PG the lines (not gone yet) whose shape is chrome of
 * SITE in the line's zone.  With EXPLAIN not NULL, each line dropped is
 * told on it with the table's file and line.
 */
void chrome_apply(struct chrome *t, const char *site, struct page *pg, FILE *explain);

#endif
