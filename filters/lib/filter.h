/*
 * filter.h: the one per-record driver every khobor filter runs on.
 *
 * The driver owns what every filter does alike: the operands (stdin when
 * there are none, or for "-"), opening and closing them, one record out
 * for every record in, writing, the one write-error path, and the exit
 * status.  What differs is how records are read (a record stream, raw
 * pages, pages glued together, JSON lines): that is a filter_input.
 */
#ifndef KHOBOR_FILTER_H
#define KHOBOR_FILTER_H

#include <stdio.h>

#include "record.h"

/*
 * Process one record in place; add errors with record_error().  Return
 * FILTER_WRITE to have the record written to stdout, FILTER_DONE if the
 * function wrote its own output, or -1 after a write error (errno set).
 */
enum { FILTER_WRITE = 0, FILTER_DONE = 1 };
typedef int (*filter_fn)(struct record *rec, void *ctx);

/*
 * How records are read from one input.  open() is given the open stream
 * and its name for messages, and returns the reading state (or NULL, after
 * a message, for an input it cannot read at all).  next() reads the next
 * record into rec (cleared by the input as needed) and returns 1, 0 at the
 * end, -1 when the input is not what this filter reads at all (the
 * message printed; the run stops with EXIT_USAGE), or FILTER_UNREADABLE
 * when reading failed (the message printed, errno set).  close() frees the
 * state and returns nonzero if the input could not be read to its end.
 *
 * unreadable(), if not NULL, is for inputs that are one record each (a
 * page file): it fills REC (empty) as the record of input NAME, which
 * could not be opened or read (errno ERR, said on stderr already), so that
 * no input is lost unnoticed.  That record is written as it is, not given
 * to the filter's function.
 */
enum { FILTER_UNREADABLE = -2 };
struct filter_input {
	void *(*open)(FILE *fp, const char *name, void *ctx);
	int (*next)(void *state, struct record *rec);
	int (*close)(void *state);
	void (*unreadable)(const char *name, int err, struct record *rec, void *ctx);
};

/* The record stream (record_read), the input of most filters. */
extern const struct filter_input filter_records;
/*
 * Raw pages: each input is one record, its name as "source" header and
 * its bytes as body (unreadable is left to the filter to give).
 */
extern const struct filter_input filter_pages;

/*
 * Read records from each of FILES (stdin when there are none, or for
 * "-") through IN (given INCTX), call FN on each, and write it to stdout.
 * One record out for every record in, in order.  Returns the exit status:
 * EXIT_OK, EXIT_RECORDS if a record got an error or an input could not be
 * opened or read to its end, EXIT_USAGE when an input is not what IN
 * reads, EXIT_OUTPUT on a write error.
 */
int filter_run_input(char **files, int nfiles, const struct filter_input *in, void *inctx,
    filter_fn fn, void *ctx);

/* filter_run_input() over the record stream. */
int filter_run(char **files, int nfiles, filter_fn fn, void *ctx);

#endif
