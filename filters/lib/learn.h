/*
 * learn.h: the draft writer of khobor learn.  From a few pages of one site
 * it drafts that site's rule file (khobor-rules(5)): a match and a start
 * from lines every page prints, strip rules for the lines that recur at the
 * top or the bottom of the pages (never inside the article), and the
 * default reader for the header zone, every rule with a comment saying on
 * how many of the pages it fired and an example line.
 *
 * Recurrence is by shape (shape.h: CCNet's normalization, digit runs
 * folded).  The pages are cleaned as strip-boilerplate cleans them
 * (page.h), and the draft is tried on them with the library's own engines
 * (strip.h, hzone.h, fields.h) before it is written, so that what a comment
 * says is what the rules do.
 *
 * Like fields.c, the engine knows no option and no global: the program
 * hands it the rules directory, the name and hosts, and the pages.
 */
#ifndef KHOBOR_LEARN_H
#define KHOBOR_LEARN_H

#include <stdio.h>

#include "rules.h"

struct learner;

/*
 * A learner for site NAME (the rule file's name), with HOSTS[0..NHOSTS)
 * for 'url' and 'hosts' (may be none), and the rules of R: default.yaml
 * gives the reader, the fields and the generic strip rules a draft may
 * keep.  Returns NULL after a message when default.yaml is broken.
 */
struct learner *learn_new(struct rules *r, const char *name, char *const *hosts, size_t nhosts);
void learn_free(struct learner *l);

/*
 * A page of the site (RAW, N bytes, as read; SOURCE for comments).  Every
 * page of the site comes before the first learn_other.
 */
void learn_page(struct learner *l, const char *source, const char *raw, size_t n);
/*
 * A page of another site: a match or start that finds anything in it is
 * not used.  The page is tried at once and not kept, so that the others
 * can be a whole corpus: the learner holds the site's pages only.
 */
void learn_other(struct learner *l, const char *source, const char *raw, size_t n);

/* N pages of the fixtures were of no known site and were not tried: the draft says so. */
void learn_note(struct learner *l, size_t n);

/*
 * Draft the rule file and write it on OUT.  Returns 0; 1 when the draft is
 * written but has no match pattern (no line is on every page and on no
 * other site's page: the author must write one); 2 when the draft does not
 * compile (a bug: the message says where); -1 when OUT could not be written
 * or a temporary file could not be made (said on stderr).
 */
int learn_write(struct learner *l, FILE *out);

#endif
