/*
 * progress.h: a live progress line on a terminal's stderr, for long runs:
 * items done (of how many, when known), MB/s, and the time left, from the
 * bytes read against the sizes of the input files.  Updated at most five
 * times a second; nothing at all when stderr is not a terminal.
 */
#ifndef KHOBOR_PROGRESS_H
#define KHOBOR_PROGRESS_H

#include <time.h>

struct progress {
	int on;
	const char *unit;	/* what is counted: "pages" */
	unsigned long done, total;	/* total 0: not known */
	double bytes, totalbytes;	/* read so far; the inputs' sizes (0: not known) */
	struct timespec t0, last;
};

/*
 * Start P if stderr is a terminal: TOTAL items to come (0 if not known),
 * in the files FILES[0..NFILES), whose sizes are the bytes to read.
 */
void progress_start(struct progress *p, const char *unit, unsigned long total, char *const files[], int nfiles);
/* N more bytes read. */
void progress_read(struct progress *p, double n);
/* One more item done: update the line if it is time to. */
void progress_tick(struct progress *p);
/* The last update, and the newline that ends the line. */
void progress_end(struct progress *p);

#endif
