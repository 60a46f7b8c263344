/*
 * split.h: the page cutter of strip-boilerplate --split.  A dump of pages
 * glued together (cat of page files, a scraper's one big file) is cut
 * where a page of some site starts, by the sites' 'start:' patterns (see
 * khobor-rules(5), SITES), and given back page by page as it is read: the
 * dump is never held whole, and a start that may be cut by the end of what
 * has been read so far is looked at again when more has been read.
 */
#ifndef KHOBOR_SPLIT_H
#define KHOBOR_SPLIT_H

#include <stdio.h>

#include "filter.h"
#include "rules.h"

struct splitter;
struct splitread;

/*
 * Load every site file of R and compile all their start patterns into one.
 * A site whose file or start pattern is broken is left out, after its
 * errors ("prog: file:line:col: message"), and *broken is set.  With no
 * start pattern at all, every input is one page.
 */
struct splitter *split_new(struct rules *r, int *broken);
void split_free(struct splitter *sp);

/* Compile the start pattern of site S (loaded) alone, to check it: 0, or -1 after the error. */
int split_check(const struct site *s);

/* Cut the input FP (NAME for messages) into pages. */
struct splitread *split_open(struct splitter *sp, FILE *fp, const char *name);
/*
 * The next page of the input: 1 with the page at *page (*n bytes, valid
 * until the next call), 0 at the end.  A page's text has its line ends
 * made LF, byte order marks removed and is NFC, so that the start patterns
 * see what the page will be after cleaning.  White space before the first
 * page is no page; an input of white space only is one.
 */
int split_next(struct splitread *sr, const char **page, size_t *n);
/* For tests: read the input N bytes at a time (64 KiB by default); the pages are the same. */
void split_set_chunk(struct splitread *sr, size_t n);
/* Bytes read from the input so far. */
size_t split_bytes(const struct splitread *sr);
/* Free SR; 0, or -1 if the input could not be read to its end (said on stderr). */
int split_close(struct splitread *sr);

/*
 * The same as an input of the filter driver (filter.h), its context the
 * splitter: the Nth page of input FILE is a record with "source: FILE#N"
 * and the page as body.
 */
extern const struct filter_input split_input;

#endif
