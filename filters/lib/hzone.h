/*
 * hzone.h: the header-zone reader, extract-meta's default for pages of
 * a site it has no field rules for (see khobor-rules(5), READER).
 *
 * A news page opens with a header zone: site chrome, perhaps a page
 * clock, the headline, the byline, the publication and update times, a
 * caption; then the article's first paragraph.  The reader finds that
 * paragraph, tells each line above it by what it is (a date line is one
 * the date parser reads; a byline, chrome or a caption is one the
 * section's patterns match), places the headline by where it stands
 * among them, and takes the whole zone out of the body.  It writes a
 * field only on clear evidence: no value is better than a wrong one.
 *
 * All knowledge (label words, byline words, chrome words) comes from the
 * site's "reader:" section; the C holds the mechanism.
 */
#ifndef KHOBOR_HZONE_H
#define KHOBOR_HZONE_H

#include <stdio.h>

#include "record.h"
#include "rules.h"

struct hzoneset;
struct hzonework;

/*
 * Compile the "reader:" section of site S (loaded with rules_load),
 * reading the date languages of S from RULESDIR/dates/.  Errors are
 * printed as "prog: file:line:col: message" and counted in yml_nerrors;
 * NULL then.  A site with no "reader:" section gives NULL too, with
 * *NONE set to 1.
 */
struct hzoneset *hzone_compile(const struct site *s, const char *rulesdir, int *none);
void hzone_free(struct hzoneset *rs);

/* Buffers reused from record to record. */
struct hzonework *hzone_work_new(void);
void hzone_work_free(struct hzonework *w);

/*
 * Read the header zone of REC's body: add title, author, published,
 * updated, page_date (page_date_bangla, page_date_hijri), edition,
 * dateline_place and agency headers for what it finds, and take the
 * zone out of the body, which it writes in NFC.  With EXPLAIN not NULL,
 * say on it what each line was taken for and why.
 */
void hzone_apply(const struct hzoneset *rs, struct hzonework *w, struct record *rec, FILE *explain);

/*
 * Would the reader read the line S[0..N) as a field: a date (a labelled
 * time, a line the date parser reads, a page clock among them), a byline (or a
 * dateline), another field (an edition, a kept line)?  For chrome.c,
 * which never takes such a line for site chrome on its own.
 */
enum { HZONE_NOFIELD = 0, HZONE_DATE, HZONE_BYLINE, HZONE_OTHER };
int hzone_field(const struct hzoneset *rs, const char *s, size_t n);

#endif
