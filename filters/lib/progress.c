/* progress.c: the live progress line (see progress.h). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "progress.h"
#include "util.h"

static double
elapsed(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void
progress_start(struct progress *p, const char *unit, unsigned long total, char *const files[], int nfiles)
{
	struct stat st;
	int i;

	memset(p, 0, sizeof(*p));
	if (!isatty(STDERR_FILENO))
		return;
	p->on = 1;
	p->unit = unit;
	p->total = total;
	clock_gettime(CLOCK_MONOTONIC, &p->t0);
	for (i = 0; i < nfiles; i++)
		if (stat(files[i], &st) == 0)
			p->totalbytes += (double)st.st_size;
}

void
progress_read(struct progress *p, double n)
{
	p->bytes += n;
}

static void
show(struct progress *p, int final)
{
	struct timespec now;
	double t, rate, left;

	if (!p->on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!final && elapsed(&p->last, &now) < 0.2)
		return;
	p->last = now;
	t = elapsed(&p->t0, &now);
	rate = t > 0 ? p->bytes / 1e6 / t : 0;
	left = p->bytes > 0 && p->totalbytes > p->bytes ? t * (p->totalbytes - p->bytes) / p->bytes : 0;
	if (p->total)
		fprintf(stderr, "\r%s: %lu/%lu %s, %.1f MB/s, %.0f s left  ", prog, p->done, p->total, p->unit,
		    rate, left);
	else if (p->totalbytes > 0)	/* the items are not known, the bytes are */
		fprintf(stderr, "\r%s: %lu %s, %.1f MB/s, %.0f%% read, %.0f s left  ", prog, p->done, p->unit,
		    rate, 100.0 * p->bytes / p->totalbytes, left);
	else
		fprintf(stderr, "\r%s: %lu %s, %.1f MB/s  ", prog, p->done, p->unit, rate);
	if (final)
		fputc('\n', stderr);
}

void
progress_tick(struct progress *p)
{
	p->done++;
	show(p, 0);
}

void
progress_end(struct progress *p)
{
	show(p, 1);
}
