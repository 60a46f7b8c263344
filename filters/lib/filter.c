/* filter.c: the per-record driver shared by every filter (see filter.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "filter.h"

/* ---- the record stream as an input ---- */

static void *
records_open(FILE *fp, const char *name, void *ctx)
{
	struct reader *rd = emalloc(sizeof(*rd));

	(void)ctx;
	reader_init(rd, fp, name);
	return rd;
}

static int
records_next(void *state, struct record *rec)
{
	return record_read(state, rec);
}

static int
records_close(void *state)
{
	struct reader *rd = state;
	int failed = rd->error;

	reader_free(rd);
	free(rd);
	return failed;
}

const struct filter_input filter_records = { records_open, records_next, records_close, NULL };

/* ---- raw pages as an input: one file, one record ---- */

struct pages {
	FILE *fp;
	const char *name;
	int done;
};

static void *
pages_open(FILE *fp, const char *name, void *ctx)
{
	struct pages *p = ecalloc(1, sizeof(*p));

	(void)ctx;
	p->fp = fp;
	p->name = name;
	return p;
}

static int
pages_next(void *state, struct record *rec)
{
	struct pages *p = state;
	struct buf *b = &rec->body;
	struct stat st;
	size_t n;

	if (p->done++)
		return 0;
	record_clear(rec);
	/* Read straight into the body, sized once when the file's size is known. */
	buf_grow(b, fstat(fileno(p->fp), &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 0);
	do {
		if (b->cap - b->len < 2)
			buf_grow(b, 1 << 16);
		b->len += n = fread(b->s + b->len, 1, b->cap - b->len - 1, p->fp);
	} while (n > 0);
	b->s[b->len] = '\0';
	if (ferror(p->fp)) {
		int err = errno;

		warnx("%s: read error: %s", p->name, strerror(err));
		errno = err;
		return FILTER_UNREADABLE;
	}
	record_add(rec, "source", p->name);
	return 1;
}

static int
pages_close(void *state)
{
	free(state);
	return 0;
}

const struct filter_input filter_pages = { pages_open, pages_next, pages_close, NULL };

/* ---- the driver ---- */

/*
 * Input NAME cannot be opened or read (errno ERR): it counts as a record
 * in error, and its unreadable record is written if the input gives one.
 * Returns 0, or -1 after a write error.
 */
static int
unreadable(const char *name, int err, const struct filter_input *in, void *inctx, int *status)
{
	struct record rec = {0};
	int w = 0;

	*status = *status == EXIT_OK ? EXIT_RECORDS : *status;
	if (in->unreadable == NULL)
		return 0;
	in->unreadable(name, err, &rec, inctx);
	if ((w = record_write(stdout, &rec)) < 0 && util_write_error() == EXIT_OUTPUT)
		*status = EXIT_OUTPUT;
	record_free(&rec);
	return w < 0 ? -1 : 0;
}

/* Run one input; -1 if the run must stop (write error, or not a stream). */
static int
run_one(FILE *fp, const char *name, const struct filter_input *in, void *inctx,
    filter_fn fn, void *ctx, int *status)
{
	struct record rec = {0};
	void *st;
	int rc, w = FILTER_WRITE;

	if ((st = in->open(fp, name, inctx)) == NULL) {
		*status = *status == EXIT_OK ? EXIT_RECORDS : *status;
		return 0;
	}
	while ((rc = in->next(st, &rec)) > 0) {
		w = fn ? fn(&rec, ctx) : FILTER_WRITE;
		if (rec.nerrors > 0 && *status == EXIT_OK)
			*status = EXIT_RECORDS;
		if (w == FILTER_WRITE)
			w = record_write(stdout, &rec);
		if (w < 0) {
			if (util_write_error() == EXIT_OUTPUT)
				*status = EXIT_OUTPUT;
			break;
		}
	}
	if (rc == FILTER_UNREADABLE) {
		w = unreadable(name, errno, in, inctx, status);
		rc = 0;
	} else if (rc < 0) {
		*status = EXIT_USAGE;
	}
	if (in->close(st) && *status == EXIT_OK)
		*status = EXIT_RECORDS;	/* an input that could not be read to its end */
	record_free(&rec);
	return rc < 0 || w < 0 ? -1 : 0;
}

int
filter_run_input(char **files, int nfiles, const struct filter_input *in, void *inctx,
    filter_fn fn, void *ctx)
{
	static char *dash[] = { "-" };
	int status = EXIT_OK, i, rc;

	if (nfiles == 0) {
		files = dash;
		nfiles = 1;
	}
	for (i = 0; i < nfiles; i++) {
		FILE *fp = util_open(files[i]);

		if (fp == NULL) {
			if (unreadable(files[i], errno, in, inctx, &status) < 0)
				return status;
			continue;
		}
		rc = run_one(fp, files[i], in, inctx, fn, ctx, &status);
		if (fp != stdin)
			fclose(fp);
		if (rc < 0)
			return status;
	}
	rc = util_close_stdout();
	return rc ? rc : status;
}

int
filter_run(char **files, int nfiles, filter_fn fn, void *ctx)
{
	return filter_run_input(files, nfiles, &filter_records, NULL, fn, ctx);
}
