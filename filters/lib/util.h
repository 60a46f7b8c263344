/* util.h: program name, diagnostics, or-die allocation, growable buffers. */
#ifndef KHOBOR_UTIL_H
#define KHOBOR_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define KHOBOR_VERSION "0.1.0"

/* Exit statuses shared by every khobor executable (see khobor(7)). */
enum exit_status {
	EXIT_OK = 0,       /* all records processed cleanly */
	EXIT_RECORDS = 1,  /* some records carry errors, or an input could not be read */
	EXIT_USAGE = 2,    /* bad usage or bad rules, or raw text where records were expected */
	EXIT_OUTPUT = 3,   /* output could not be written */
	EXIT_MEMORY = 4    /* memory ran out: nothing is wrong with the input or the usage */
};

extern const char *prog;	/* set once by util_init() */

void util_init(const char *argv0);
void warnx(const char *fmt, ...);		/* prog: message */
void die(int status, const char *fmt, ...);	/* prog: message, then exit */

void *emalloc(size_t n);
void *ecalloc(size_t n, size_t size);
/*
 * N zero bytes in pages of their own, each page made only when first
 * touched: for a large table a run mostly leaves untouched, where calloc
 * would clear (so fault in) every page at start-up.  Freed with zfree.
 */
void *ezpages(size_t n);
void zfree(void *p, size_t n);
void *erealloc(void *p, size_t n);
char *estrdup(const char *s);
char *estrndup(const char *s, size_t n);

/* A growable byte buffer; always NUL-terminated after buf_* calls. */
struct buf {
	char *s;
	size_t len, cap;
};

void buf_grow(struct buf *b, size_t extra);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_addc(struct buf *b, int c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

/* Finish writing stdout: flush and check. Returns EXIT_OK or EXIT_OUTPUT. */
int util_close_stdout(void);
/*
 * A write to stdout failed (errno set): the one place that says so.  A
 * reader that went away (EPIPE) ends the program quietly: EXIT_OK.  Else
 * "write error on standard output: reason", printed once however often it
 * is called, and EXIT_OUTPUT.
 */
int util_write_error(void);
/*
 * After getopt_long returned C, ':' or '?' (with opterr = 0 and an
 * optstring that starts with ':'): print "prog: unknown option 'X'",
 * "prog: option 'X' needs an argument" or "prog: option 'X' takes no
 * argument", then USAGE, on stderr.  Returns EXIT_USAGE.
 */
struct option;
int util_bad_option(int c, char *const argv[], const struct option *longopts, const char *usage);
/* Standard handling of --version, and of --help (the usage, then the help): both exit. */
void util_version(void);
void util_help(const char *usage, const char *help);
/* Append the comma-separated items of S (empty ones skipped) to *items. */
void util_split(const char *s, char ***items, size_t *n);
/* Open FILE for reading; "-" is stdin. On failure prints "prog: FILE: reason", returns NULL. */
FILE *util_open(const char *path);

#endif
