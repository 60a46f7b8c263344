/*
 * htmldecode.h: a page's bytes to UTF-8, a stretch at a time, for the HTML
 * parser.
 *
 * The encoding is chosen as the HTML standard's encoding sniffing does, in
 * part: a byte order mark, else the transport's charset (HTTP, WARC), else
 * the page's <meta>, else UTF-8; a page that declares a legacy charset but
 * whose bytes are UTF-8 is read as UTF-8.  UTF-8 is checked here, anything
 * else converted by iconv.  An undecodable byte becomes U+FFFD and is
 * counted with its offset, a NUL becomes U+FFFD, other control characters
 * but tab, line feed, form feed and carriage return are left out; the
 * caller says so (decoder_warnings).  Only a few chunks are held at once,
 * whatever the size of the page.
 *
 * The state is the caller's (struct decoder, reused page after page):
 * decoder_init once, decoder_reset for each page, decoder_free at the end.
 */
#ifndef KHOBOR_HTMLDECODE_H
#define KHOBOR_HTMLDECODE_H

#include <iconv.h>
#include <stdio.h>

#include "record.h"
#include "util.h"

#define DECODER_OFFSETS 5	/* offsets of undecodable bytes kept, for the warning */

struct decoder {
	FILE *fp;		/* the page, when it is a stream */
	const char *mem;	/* else its bytes */
	size_t memlen;
	char *own;		/* the read buffer, for a stream */
	size_t owncap;
	const char *raw;	/* the raw window: raw[rawpos..rawlen) not yet decoded */
	size_t rawpos, rawlen;
	size_t rawoff;		/* offset in the page of raw[0] */
	int eof, err;		/* no more to read; errno of a failed read */
	int utf8;		/* decoded here; else by iconv */
	size_t unit;		/* bytes of one code unit of the page's encoding */
	iconv_t cd;
	struct buf mid;		/* iconv's output, before the UTF-8 pass */
	struct buf out;		/* decoded, not yet handed to the parser */
	size_t outpos;
	size_t produced;	/* bytes of UTF-8 produced so far */
	size_t nbad, bad[DECODER_OFFSETS];	/* undecodable bytes, the first offsets */
	size_t nnul, ncontrol;
	size_t (*map)[2];	/* (decoded offset, page offset) where the difference changes */
	size_t nmap, capmap;
	int exact;		/* offsets map back exactly (not through iconv) */
	const char *charset;	/* the page's encoding as iconv names it (decoder_choose) */
	char charsetbuf[64];
	char *badcharset;	/* a declared charset iconv does not know */
	char mislabel[64];	/* a declared charset the bytes belie (they are UTF-8) */
};

void decoder_init(struct decoder *d);
void decoder_free(struct decoder *d);
/* Start a page: read from FP to its end when it is not NULL, else the N bytes at S. */
void decoder_reset(struct decoder *d, FILE *fp, const char *s, size_t n);
/* Get more raw bytes into d->raw[d->rawpos..d->rawlen); 0 at the end of the page. */
int decoder_fill(struct decoder *d);
/*
 * Choose the page's encoding from the raw bytes read so far and TRANSPORT
 * (the charset HTTP or WARC gave, or NULL); sets d->charset.
 */
void decoder_choose(struct decoder *d, const char *transport);
/* Decode the next stretch of the page into d->out; 0 at the end. */
int decoder_more(struct decoder *d);
/* libxml2's I/O callbacks (xmlInputReadCallback, xmlInputCloseCallback); CTX is the decoder. */
int decoder_read(void *ctx, char *buf, int len);
int decoder_close(void *ctx);
/* The page offset of decoded offset OFF: exact when d->exact, else OFF. */
size_t decoder_page_offset(const struct decoder *d, size_t off);
/* Warning headers on REC for what decoding met: a mislabelled or unknown charset, bad bytes, NULs, controls. */
void decoder_warnings(const struct decoder *d, struct record *rec);

#endif
