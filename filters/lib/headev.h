/*
 * headev.h: the head of an HTML page as evidence, checked against what the
 * page shows (issue 19); extract-meta's step after the field rules and the
 * default reader.
 *
 * from-html writes what a page's head says (meta_title, html_title,
 * meta_author, meta_published, meta_updated) as the page writes it; the
 * readers before this step found title, author, published and updated in
 * the page's text.  Here the two are compared:
 *
 *  - the page wins: where both give a value and they differ, the page's
 *    value stays and a warning gives both;
 *  - where the page shows none, the head's value is taken, with a header
 *    FIELD_source: meta saying so;
 *  - the head's common faults are recognised and said: a time in UTC
 *    written with the local offset (the two differ by exactly that
 *    offset), the modified time given as the published one, a site-wide
 *    og:title (equal on two pages of a run, or the outlet's name), an
 *    author that is the outlet's name, and the title's " | Outlet" suffix,
 *    which is trimmed before the title is compared or taken.
 *
 * Like fields.c, an engine handed its state: the compiled site (its date
 * languages, zone and name) and a work area that remembers, across the
 * records of a run, the head titles seen and the outlet names their
 * titles carry, host by host.
 */
#ifndef KHOBOR_HEADEV_H
#define KHOBOR_HEADEV_H

#include <stdio.h>

#include "record.h"
#include "rules.h"

struct headev;
struct headevwork;

/*
 * Compile what the step needs of site S (loaded with rules_load): its date
 * languages from RULESDIR/dates/, its zone and its name.  Errors are
 * printed as "prog: file:line:col: message" and counted in yml_nerrors;
 * NULL then.
 */
struct headev *headev_compile(const struct site *s, const char *rulesdir);
void headev_free(struct headev *he);

struct headevwork *headev_work_new(void);
void headev_work_free(struct headevwork *w);

/* Does REC carry a head to check (headers from from-html)? */
int headev_wanted(const struct record *rec);

/*
 * Check REC's head against its page, as above: add warnings, and the
 * head's values where the page shows none.  With EXPLAIN not NULL, say on
 * it, field by field, whether head and page agree, which won, and why.
 */
void headev_apply(const struct headev *he, struct headevwork *w, struct record *rec, FILE *explain);

#endif
