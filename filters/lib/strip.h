/*
 * strip.h: the strip engine of strip-boilerplate.  A site's "strip:" and
 * "heuristics:" sections (see khobor-rules(5), STRIP and HEURISTICS) are
 * compiled once into a stripset; applied to a page (page.h), it marks the
 * lines that are site chrome as gone and rewrites the lines it changes.
 *
 * It lives in the library, apart from the program, so that a fuzzer or a
 * unit test can drive it on its own.
 */
#ifndef KHOBOR_STRIP_H
#define KHOBOR_STRIP_H

#include <stdio.h>

#include "chrome.h"
#include "page.h"
#include "rules.h"

struct stripset;

/*
 * Compile the "strip:" and "heuristics:" sections of site S (already
 * loaded with rules_load).  Every error is reported as
 * "prog: file:line:col: message" and counted in yml_nerrors; NULL is
 * returned if there was any.  Old spellings (strip.tail, a rule's name)
 * still load, with one warning per file that names the new key.
 */
struct stripset *strip_compile(const struct site *s);
void strip_free(struct stripset *set);
/* Print every rule of SET as "file:line: label" (for khobor check). */
void strip_list(const struct stripset *set, FILE *fp);

/*
 * Have SET drop, after all its rules, the lines chrome table T says are
 * its page's site's chrome (chrome_apply; the site is chrome_site of the
 * page's record).  For the default site's set: a site with rules has them.
 * T stays the caller's.
 */
void strip_use_chrome(struct stripset *set, struct chrome *t);

/*
 * Apply SET to page PG, in the order of khobor-rules(5): the junk at the
 * end, replacements, cuts, drops, removals, repeated lines, heuristics, the
 * chrome table.
 * A rule that hits a PCRE2 limit is handled by page_exec (an error on the
 * record, once, and the rule not run again on the page).  With EXPLAIN not
 * NULL, every line removed or changed is told on it, with its rule.
 */
void strip_apply(const struct stripset *set, struct page *pg, FILE *explain);

#endif
