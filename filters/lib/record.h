/*
 * record.h: the record stream, the contract between khobor filters.
 *
 * A record is header lines "name: value", one empty line, the body, and a
 * terminating NUL byte (see khobor(7)).  This is the only reader and the
 * only writer of that format; both stream, holding one record at a time.
 */
#ifndef KHOBOR_RECORD_H
#define KHOBOR_RECORD_H

#include <stdio.h>

#include "util.h"

struct field {
	char *name;
	char *value;
};

struct record {
	struct field *f;	/* headers, in stream order */
	size_t nf, capf;
	struct buf body;	/* the body; empty or ending in '\n' once written */
	unsigned long no;	/* 1-based number of the record in its stream */
	unsigned long line;	/* line of the stream where the record starts */
	int nerrors;		/* error headers added by this program */
};

struct reader {
	FILE *fp;
	const char *name;	/* for messages: a path, or "-" */
	char *buf;
	size_t len, cap, pos;
	int eof;
	unsigned long recno, line;
	size_t maxrec;		/* largest record accepted, in bytes ($KHOBOR_MAX_RECORD) */
	int toolong;		/* the record being read passed maxrec */
	int skipping;		/* throwing away the rest of a record cut at maxrec */
	int error;		/* reading failed: the input ended early */
	int fp_error;		/* errno of a failed read(2) */
};

void reader_init(struct reader *rd, FILE *fp, const char *name);
void reader_free(struct reader *rd);
/*
 * Read the next record into rec.  Returns 1 for a record, 0 at the end of
 * the stream, -1 when the input is not a record stream at all (the message
 * has been printed; exit with EXIT_USAGE).  A damaged record (bad header
 * line, cut off at the end of the stream) is returned with an error header.
 */
int record_read(struct reader *rd, struct record *rec);

void record_clear(struct record *rec);
void record_free(struct record *rec);

const char *record_get(const struct record *rec, const char *name);
size_t record_count(const struct record *rec, const char *name);
void record_add(struct record *rec, const char *name, const char *value);
void record_set(struct record *rec, const char *name, const char *value);
/* Replace the value of the I-th header (0 = first); I must be below rec->nf. */
void record_set_at(struct record *rec, size_t i, const char *value);
/* Insert a header at position AT (0 = first); past the end, append. */
void record_insert(struct record *rec, size_t at, const char *name, const char *value);
void record_del(struct record *rec, const char *name);
void record_set_body(struct record *rec, const char *s, size_t n);
/* The record's source, for messages: its "source" header or "record N". */
const char *record_source(const struct record *rec, struct buf *scratch);

/* Add "error: PROG: message" and print "PROG: SOURCE: message" on stderr. */
void record_error(struct record *rec, const char *fmt, ...);
/* Add "warning: PROG: message"; nothing on stderr (the header says it). */
void record_warning(struct record *rec, const char *fmt, ...);

/* Write one record.  Returns 0, or -1 on a write error (errno set). */
int record_write(FILE *fp, const struct record *rec);

/* Is NAME a valid header name, [a-z][a-z0-9_]*? */
int record_name_ok(const char *name, size_t n);

#endif
