/* filter.h: the per-record loop every record filter shares. */
#ifndef KHOBOR_FILTER_H
#define KHOBOR_FILTER_H

#include "record.h"

/*
 * Process one record in place; add errors with record_error().  Return
 * FILTER_WRITE to have the record written to stdout, FILTER_DONE if the
 * function wrote its own output, or -1 after a write error (errno set).
 */
enum { FILTER_WRITE = 0, FILTER_DONE = 1 };
typedef int (*filter_fn)(struct record *rec, void *ctx);

/*
 * Read records from each of FILES (stdin when there are none, or for
 * "-"), call FN on each, and write it to stdout.  One record out for every
 * record in, in order.  Returns the exit status: EXIT_OK, EXIT_RECORDS if
 * a record got an error or an input could not be opened, EXIT_USAGE for
 * raw text where records were expected, EXIT_OUTPUT on a write error.
 */
int filter_run(char **files, int nfiles, filter_fn fn, void *ctx);

#endif
