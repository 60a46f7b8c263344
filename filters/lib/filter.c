/* filter.c: the record loop shared by extract-meta, normalize-date and to-jsonl. */
#include <errno.h>
#include <string.h>

#include "filter.h"

static int
run_one(FILE *fp, const char *name, filter_fn fn, void *ctx, int *status)
{
	struct reader rd;
	struct record rec = {0};
	int rc;

	reader_init(&rd, fp, name);
	while ((rc = record_read(&rd, &rec)) > 0) {
		int w = fn ? fn(&rec, ctx) : FILTER_WRITE;

		if (rec.nerrors > 0 && *status == EXIT_OK)
			*status = EXIT_RECORDS;
		if (w == FILTER_WRITE)
			w = record_write(stdout, &rec);
		if (w < 0) {
			record_free(&rec);
			reader_free(&rd);
			if (util_write_error() == EXIT_OUTPUT)
				*status = EXIT_OUTPUT;
			return -1;
		}
	}
	if (rc < 0)
		*status = EXIT_USAGE;
	else if (rd.error && *status == EXIT_OK)
		*status = EXIT_RECORDS;	/* an input that could not be read to its end */
	record_free(&rec);
	reader_free(&rd);
	return rc < 0 ? -1 : 0;
}

int
filter_run(char **files, int nfiles, filter_fn fn, void *ctx)
{
	int status = EXIT_OK, i, rc;

	if (nfiles == 0) {
		if (run_one(stdin, "-", fn, ctx, &status) < 0)
			return status;
		rc = util_close_stdout();
		return rc ? rc : status;
	}
	for (i = 0; i < nfiles; i++) {
		FILE *fp = util_open(files[i]);

		if (fp == NULL) {
			status = status == EXIT_OK ? EXIT_RECORDS : status;
			continue;
		}
		rc = run_one(fp, files[i], fn, ctx, &status);
		if (fp != stdin)
			fclose(fp);
		if (rc < 0)
			return status;
	}
	rc = util_close_stdout();
	return rc ? rc : status;
}
