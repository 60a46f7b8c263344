/*
 * warc.h: the WARC record reader of from-warc (WARC 1.0 and 1.1, ISO 28500).
 *
 * A file is read plain, as gzip with one member per record (as Common
 * Crawl writes it), or as one gzip stream; which, is told from its first
 * bytes, never from its name.  Headers are read by name, never by
 * position.  Damage never stops the reader: a gzip member cut short or
 * corrupt, bytes between records, a Content-Length that does not match,
 * an oversized record or an unreadable header block is reported through
 * the reader's warn callback with the file and the offset, the reader
 * resynchronises at the next "WARC/" record, and a record of which some
 * part is usable is returned with its damage said in rec->errors.
 *
 * Like fields.c, an engine handed its state: no globals, no options but
 * the ones given to warc_open, nothing printed but through the callback.
 */
#ifndef KHOBOR_WARC_H
#define KHOBOR_WARC_H

#include <stddef.h>

#include "util.h"

struct warc;

/* Kinds of damage, as bits of warc_record.damage and keys of the counts. */
enum warc_damage {
	WARC_D_GZIP = 1,	/* a gzip member cut short or corrupt */
	WARC_D_GARBAGE = 2,	/* bytes between records */
	WARC_D_LENGTH = 4,	/* Content-Length does not match the record */
	WARC_D_OVERSIZE = 8,	/* a record larger than the limit */
	WARC_D_HEADER = 16,	/* a header block that cannot be read */
	WARC_D_TRUNCATED = 32	/* the input ends inside a record */
};

/* What the caller hands the reader. */
struct warc_options {
	size_t max_record;	/* largest block kept, in bytes; the rest is skipped */
	/*
	 * Called for every damage, with its KIND (one enum warc_damage bit),
	 * WHERE ("FILE@OFFSET") and a message; CTX is handed back.  The
	 * reader prints nothing itself.
	 */
	void (*warn)(void *ctx, unsigned kind, const char *where, const char *msg);
	void *ctx;
};

struct warc_field {
	char *name, *value;	/* NUL-terminated, in the record's own header copy */
};

struct warc_record {
	/*
	 * Where the record starts, for a user to go back to it: "FILE@N" with
	 * N the byte offset of the record (plain) or of its gzip member; in a
	 * gzip stream that does not start a member per record,
	 * "FILE@N+M": M bytes into the data of the member that starts at N.
	 */
	struct buf where;
	char version[8];		/* "1.0", "1.1" */
	struct warc_field *f;	/* header fields, in order, folded lines joined */
	size_t nf, capf;
	struct buf head;		/* storage of the fields */
	size_t length;			/* Content-Length as declared (0 when missing) */
	int has_length;
	/* The block, after warc_body(): valid until the next warc_next(). */
	const char *body;
	size_t bodylen;
	unsigned damage;		/* enum warc_damage bits */
	struct buf errors;		/* one message per line, for error headers */
	struct buf big;			/* the kept part of an oversized block */
	int state;			/* reader's bookkeeping */
};

/*
 * Open PATH ("-" is standard input) with OPTS.  Returns NULL, with errno
 * set, when it cannot be opened.  NAME is what messages and "where" call
 * it (PATH itself when NULL).
 */
struct warc *warc_open(const char *path, const char *name, const struct warc_options *opts);
/* The same over bytes in memory (not copied; they must outlive the reader). */
struct warc *warc_open_mem(const void *data, size_t len, const char *name,
    const struct warc_options *opts);
/* Close; returns 0, or -1 when reading the file failed at some point (errno kept). */
int warc_close(struct warc *w);

/*
 * Read the next record's header into REC.  Returns 1 for a record, 0 at
 * the end of the input.  The block is not read yet: call warc_body() for
 * it, or warc_next() again to skip it (cheaply: a plain or mapped file is
 * not even read, a gzip member is inflated but not looked at).
 */
int warc_next(struct warc *w, struct warc_record *rec);
/* Read REC's block: rec->body, rec->bodylen; damage found on the way is added to REC. */
void warc_body(struct warc *w, struct warc_record *rec);
void warc_record_free(struct warc_record *rec);

/* A header's value by name (case-insensitive, as WARC field names are), or NULL. */
const char *warc_get(const struct warc_record *rec, const char *name);

/* Which inflater the library was built with: "isa-l", "zlib". */
const char *warc_inflater(void);
/* Was the input gzip?  (Known after the first warc_next.) */
int warc_is_gzip(const struct warc *w);

#endif
