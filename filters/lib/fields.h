/*
 * fields.h: the field engine of extract-meta.  A site's "fields:" section
 * (see khobor-rules(5), FIELDS) is compiled once into a fieldset; applied
 * to a record, it finds each field's value in the body, adds it as a
 * header, and takes what it consumed out of the body.
 *
 * It lives in the library, apart from the program, so that a fuzzer or a
 * unit test can drive it on its own.
 */
#ifndef KHOBOR_FIELDS_H
#define KHOBOR_FIELDS_H

#include <stdio.h>

#include "record.h"
#include "rules.h"

struct fieldset;
struct fieldwork;

/*
 * Compile the "fields:" section of site S (already loaded with
 * rules_load).  Every error is reported as "prog: file:line:col: message"
 * and counted in yml_nerrors; NULL is returned if there was any.  A site
 * with no "fields:" section gives an empty fieldset.  A rule that lists
 * patterns, or 'after' or 'before' fields, becomes one rule per
 * combination, tried in order; a deprecated spelling is read with a
 * warning (yml_deprecated).
 */
struct fieldset *fields_compile(const struct site *s);
void fields_free(struct fieldset *fs);
/* Print every rule of the file as "file:line: label", once each (for khobor check). */
void fields_list(const struct fieldset *fs, FILE *fp);

/* Buffers reused from record to record. */
struct fieldwork *fields_work_new(void);
void fields_work_free(struct fieldwork *w);

/*
 * Apply FS to REC: add a header for every value found, in the order of
 * the body lines they came from; rewrite the body without what was
 * consumed, blank lines tidied; add "warning: PROG: no FIELD" for every
 * required field not found.  A rule that hits a PCRE2 limit adds
 * "error: PROG: rule NAME: match limit exceeded" (once per record) and
 * counts as not matching.  With EXPLAIN not NULL, say on it which rule
 * gave what from which body line, and which rules tried in vain.
 */
void fields_apply(const struct fieldset *fs, struct fieldwork *w, struct record *rec, FILE *explain);
/*
 * The caller's word that the body fields_apply reads next is in NFC (one
 * hzone_apply just wrote): it is then taken as it is, not read over to
 * check (a body that is not would leave the rules' words unmatched).
 */
void fields_body_nfc(struct fieldwork *w);

#endif
