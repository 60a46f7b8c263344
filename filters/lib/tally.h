/*
 * tally.h: what a record stream held, counted for a summary at the end of
 * a run (to-jsonl --stats): records per site, per site the records that
 * have each header (and a body), and the warnings and errors by kind.
 */
#ifndef KHOBOR_TALLY_H
#define KHOBOR_TALLY_H

#include <stdio.h>

#include "record.h"

struct tally;

struct tally *tally_new(void);
void tally_free(struct tally *t);

/*
 * Count REC: under its "site" header ("(none)" without one), each header
 * name once however often it occurs, "text" when the body is more than a
 * newline, and every warning and error header by its kind (its text before
 * any quoted input, at most 70 bytes, trailing blanks and colons cut).
 */
void tally_add(struct tally *t, const struct record *rec);

/*
 * Print the tables on FP: per site (in the order first seen) the records
 * and the share of them that have each field, then the warnings and
 * errors by kind.  Columns are as wide as the longest name, counted in
 * characters, so that they line up whatever the script.
 */
void tally_print(const struct tally *t, FILE *fp);

#endif
