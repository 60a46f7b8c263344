/*
 * warc.c: the WARC record reader (see warc.h).
 *
 * Two layers.  The lower one turns the file into a stream of bytes: the
 * file itself (mapped when it is a regular file) or, for gzip, the
 * members inflated one after the other into a buffer, with a list of
 * where each member's data starts in that stream, so that a record can
 * be located in the file and so that damage in a member is pinned to the
 * records whose bytes came from it.  The upper one finds records in the
 * stream: "WARC/x.y", header lines up to an empty line, Content-Length
 * bytes of block, CRLF CRLF (ISO 28500:2017, section 4; the WARC 1.1
 * specification of the IIPC, section 4: record = header CRLF block
 * CRLF CRLF).
 *
 * Positions in the stream are absolute (unsigned long long), counted from
 * the start of the file's data; d[] holds the stream from dabs on.
 *
 * The inflater is ISA-L's igzip when built with -DKHOBOR_ISAL (measured
 * fastest of Debian's three: bench/RESULTS.md, "Reading WET"), else zlib.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef KHOBOR_ISAL
#include <isa-l/igzip_lib.h>
#else
#include <zlib.h>
#endif

#include "warc.h"

typedef unsigned long long u64;

enum { MAXHEAD = 1 << 16, CHUNK = 1 << 18, RAWCHUNK = 1 << 20, RESYNC_BACK = 1 << 22 };
enum { INF_MORE, INF_END, INF_ERR };

/* Where a gzip member's data starts in the stream, and how the member ended. */
struct member {
	u64 dabs;		/* stream position of its first byte of data */
	u64 off;		/* file offset of the member */
	int bad;		/* it ended in damage: its data stops short */
	char *msg;		/* what the damage was */
};

struct warc {
	struct warc_options o;
	char *name;
	int fd;
	/* Raw input: the file's bytes [rawoff, rawoff + rawlen) in raw[]. */
	const unsigned char *raw;
	unsigned char *rawbuf;
	size_t rawlen, rawpos, rawcap, maplen;
	u64 rawoff;
	int raweof, mapped, readerr;
	int mode;		/* 0 not known yet, 1 plain, 2 gzip */
	/* The stream: positions [dabs, dabs + dlen) in d[]; the reader is at dpos. */
	unsigned char *d, *dbuf;
	size_t dlen, dpos, dcap;
	u64 dabs;
	int deof;
	/* gzip */
	int inmember;
	struct member *m;
	size_t nm, capm;
	int resync;		/* skipping the rest of a damaged member: said already */
	int ingarbage;		/* skipping bytes that are not gzip, from gstart */
	u64 gstart;
#ifdef KHOBOR_ISAL
	struct inflate_state z;
#else
	z_stream z;
	int zinit;
#endif
	/* The record whose block has not been read yet. */
	int pending;
	u64 body_at;
	int quiet_garbage;	/* the bytes after an unreadable header: said already */
	struct warc_record *prev;
};

/* ---- messages ---- */

static void
where_at(const struct warc *w, u64 pos, struct buf *out)
{
	size_t i;

	buf_reset(out);
	if (w->mode != 2) {
		buf_printf(out, "%s@%llu", w->name, pos);
		return;
	}
	for (i = w->nm; i-- > 0;)
		if (w->m[i].dabs <= pos) {
			if (w->m[i].dabs == pos)
				buf_printf(out, "%s@%llu", w->name, w->m[i].off);
			else
				buf_printf(out, "%s@%llu+%llu", w->name, w->m[i].off, pos - w->m[i].dabs);
			return;
		}
	buf_printf(out, "%s@%llu", w->name, w->rawoff + w->rawpos);
}

static void say(struct warc *w, const char *where, struct warc_record *rec, unsigned kind,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
say(struct warc *w, const char *where, struct warc_record *rec, unsigned kind, const char *fmt, ...)
{
	struct buf msg = {0};
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	buf_grow(&msg, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg.s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	msg.len = (size_t)n;
	if (w->o.warn)
		w->o.warn(w->o.ctx, kind, where, msg.s);
	if (rec) {
		rec->damage |= kind;
		buf_printf(&rec->errors, "%s: %s\n", where, msg.s);
	}
	buf_free(&msg);
}

/* ---- raw input ---- */

/* Read more of the file into raw[]; returns the bytes added, 0 at the end. */
static size_t
raw_fill(struct warc *w)
{
	ssize_t n;

	size_t drop = w->rawpos;

	if (w->raweof)
		return 0;
	/*
	 * Keep the open gzip member from its start, up to RESYNC_BACK bytes
	 * back: if it turns out damaged, the next member is looked for from
	 * there, as in a mapped file.
	 */
	if (w->inmember && w->nm > 0 && w->m[w->nm - 1].off >= w->rawoff &&
	    w->rawoff + w->rawpos - w->m[w->nm - 1].off <= RESYNC_BACK)
		drop = (size_t)(w->m[w->nm - 1].off - w->rawoff);
	if (drop > 0) {
		memmove(w->rawbuf, w->rawbuf + drop, w->rawlen - drop);
		w->rawoff += drop;
		w->rawlen -= drop;
		w->rawpos -= drop;
	}
	if (w->rawcap - w->rawlen < RAWCHUNK) {
		w->rawcap = w->rawcap ? w->rawcap * 2 : 2 * RAWCHUNK;
		w->rawbuf = erealloc(w->rawbuf, w->rawcap);
	}
	w->raw = w->rawbuf;
	for (;;) {
		n = read(w->fd, w->rawbuf + w->rawlen, w->rawcap - w->rawlen);
		if (n < 0 && errno == EINTR)
			continue;
		break;
	}
	if (n <= 0) {
		if (n < 0) {
			struct buf where = {0};

			w->readerr = errno;
			buf_printf(&where, "%s@%llu", w->name, w->rawoff + w->rawlen);
			say(w, where.s, NULL, WARC_D_TRUNCATED, "read error: %s", strerror(errno));
			buf_free(&where);
		}
		w->raweof = 1;
		return 0;
	}
	w->rawlen += (size_t)n;
	return (size_t)n;
}

/* ---- the inflater ---- */

#ifdef KHOBOR_ISAL
const char *
warc_inflater(void)
{
	return "isa-l";
}

static void
inf_start(struct warc *w)
{
	isal_inflate_reset(&w->z);
	w->z.crc_flag = ISAL_GZIP;
}

static int
inf_run(struct warc *w, const unsigned char *in, size_t inlen, size_t *used,
    unsigned char *out, size_t outlen, size_t *made, const char **err)
{
	int rc;

	if (inlen > (1u << 30))
		inlen = 1u << 30;
	if (outlen > (1u << 30))
		outlen = 1u << 30;
	w->z.next_in = (uint8_t *)(uintptr_t)in;
	w->z.avail_in = (uint32_t)inlen;
	w->z.next_out = out;
	w->z.avail_out = (uint32_t)outlen;
	rc = isal_inflate(&w->z);
	*used = inlen - w->z.avail_in;
	*made = outlen - w->z.avail_out;
	if (rc == ISAL_DECOMP_OK && w->z.block_state == ISAL_BLOCK_FINISH)
		return INF_END;
	if (rc == ISAL_DECOMP_OK || rc == ISAL_END_INPUT)
		return INF_MORE;
	switch (rc) {
	case ISAL_INCORRECT_CHECKSUM: *err = "its checksum does not match its data"; break;
	case ISAL_INVALID_WRAPPER: *err = "its gzip header is invalid"; break;
	case ISAL_UNSUPPORTED_METHOD: *err = "it is not deflate data"; break;
	default: *err = "its deflate data is invalid"; break;
	}
	return INF_ERR;
}

static void
inf_end(struct warc *w)
{
	(void)w;
}
#else
const char *
warc_inflater(void)
{
	return "zlib";
}

static void
inf_start(struct warc *w)
{
	if (!w->zinit) {
		if (inflateInit2(&w->z, 31) != Z_OK)
			die(EXIT_MEMORY, "out of memory (zlib)");
		w->zinit = 1;
	} else {
		inflateReset(&w->z);
	}
}

static int
inf_run(struct warc *w, const unsigned char *in, size_t inlen, size_t *used,
    unsigned char *out, size_t outlen, size_t *made, const char **err)
{
	int rc;

	if (inlen > (1u << 30))
		inlen = 1u << 30;
	if (outlen > (1u << 30))
		outlen = 1u << 30;
	w->z.next_in = (Bytef *)(uintptr_t)in;
	w->z.avail_in = (uInt)inlen;
	w->z.next_out = out;
	w->z.avail_out = (uInt)outlen;
	rc = inflate(&w->z, Z_NO_FLUSH);
	*used = inlen - w->z.avail_in;
	*made = outlen - w->z.avail_out;
	if (rc == Z_STREAM_END)
		return INF_END;
	if (rc == Z_OK || rc == Z_BUF_ERROR)
		return INF_MORE;
	if (rc == Z_MEM_ERROR)
		die(EXIT_MEMORY, "out of memory (zlib)");
	*err = w->z.msg && strstr(w->z.msg, "check") ? "its checksum does not match its data" :
	    w->z.msg && strstr(w->z.msg, "header") ? "its gzip header is invalid" : "its deflate data is invalid";
	return INF_ERR;
}

static void
inf_end(struct warc *w)
{
	if (w->zinit)
		inflateEnd(&w->z);
}
#endif

/* ---- the stream ---- */

/* Room for N more bytes at the end of d[], dropping what is before dpos. */
static void
d_room(struct warc *w, size_t n)
{
	if (w->dpos > 0 && (w->dcap - w->dlen < n || w->dpos >= w->dlen / 2)) {
		memmove(w->dbuf, w->dbuf + w->dpos, w->dlen - w->dpos);
		w->dabs += w->dpos;
		w->dlen -= w->dpos;
		w->dpos = 0;
	}
	if (w->dcap - w->dlen < n) {
		while (w->dcap - w->dlen < n)
			w->dcap = w->dcap ? w->dcap * 2 : 2 * CHUNK;
		w->dbuf = erealloc(w->dbuf, w->dcap);
	}
	w->d = w->dbuf;
}

/* A gzip member header: ID1 ID2 CM=8 (deflate), no reserved FLG bits (RFC 1952, 2.3.1). */
static int
is_magic(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] == 0x1f && p[1] == 0x8b && p[2] == 8 && (n < 4 || (p[3] & 0xE0) == 0);
}

/*
 * The next member header in [p, e), or where one may begin when fewer
 * than four bytes are left and more may come (EOF not reached); or NULL.
 */
static const unsigned char *
find_magic(const unsigned char *p, const unsigned char *e, int eof)
{
	for (; p < e && (p = memchr(p, 0x1f, (size_t)(e - p))) != NULL; p++) {
		if (e - p < 4 && !eof)
			return p;
		if (is_magic(p, (size_t)(e - p)))
			return p;
	}
	return NULL;
}

/* Bytes that are not gzip, from file offset w->gstart up to AT: say so, unless a damaged member said it. */
static void
garbage_done(struct warc *w, u64 at)
{
	if (w->ingarbage && !w->resync && at > w->gstart) {
		struct buf where = {0};

		buf_printf(&where, "%s@%llu", w->name, w->gstart);
		say(w, where.s, NULL, WARC_D_GARBAGE, "%llu bytes between gzip members are not gzip; skipped",
		    at - w->gstart);
		buf_free(&where);
	}
	w->ingarbage = 0;
	w->resync = 0;
}

/* Start the member at rawpos. */
static void
member_start(struct warc *w)
{
	struct member *m;

	if (w->nm == w->capm) {
		w->capm = w->capm ? w->capm * 2 : 8;
		w->m = erealloc(w->m, w->capm * sizeof(*w->m));
	}
	m = &w->m[w->nm++];
	m->dabs = w->dabs + w->dlen;
	m->off = w->rawoff + w->rawpos;
	m->bad = 0;
	m->msg = NULL;
	w->inmember = 1;
	inf_start(w);
}

/* The open member ended in damage: its data stops here; look for the next member after its start. */
static void
member_damaged(struct warc *w, const char *what)
{
	struct member *m = &w->m[w->nm - 1];
	struct buf where = {0}, msg = {0};

	buf_printf(&where, "%s@%llu", w->name, m->off);
	buf_printf(&msg, "gzip member %s after %llu bytes of data; its data up to there is kept",
	    what, (unsigned long long)(w->dabs + w->dlen - m->dabs));
	m->bad = 1;
	m->msg = estrdup(msg.s);
	say(w, where.s, NULL, WARC_D_GZIP, "%s", msg.s);
	buf_free(&where);
	buf_free(&msg);
	w->inmember = 0;
	/* The next member may begin anywhere after this one's header. */
	if (m->off + 1 >= w->rawoff) {
		size_t back = (size_t)(m->off + 1 - w->rawoff);

		if (back < w->rawpos)
			w->rawpos = back;
	}
	w->resync = 1;
}

/*
 * gzip: inflate more of the file into d[].  Returns 1 when something
 * changed (data added or a member ended), 0 at the end of the file.
 */
static int
more_gzip(struct warc *w)
{
	for (;;) {
		size_t used, made;
		const char *err = NULL;
		int rc;

		if (!w->inmember) {
			const unsigned char *p, *q, *e;

			if (w->rawlen - w->rawpos < 4 && !w->raweof && raw_fill(w) > 0)
				continue;
			p = w->raw + w->rawpos;
			e = w->raw + w->rawlen;
			if (p >= e) {
				garbage_done(w, w->rawoff + w->rawpos);
				w->deof = 1;
				return 0;
			}
			if (is_magic(p, (size_t)(e - p))) {
				garbage_done(w, w->rawoff + w->rawpos);
				member_start(w);
				continue;
			}
			/* Not a member: skip to the next one. */
			if (!w->ingarbage) {
				w->ingarbage = 1;
				w->gstart = w->rawoff + w->rawpos;
			}
			q = find_magic(p + 1, e, w->raweof);
			w->rawpos = q ? (size_t)(q - w->raw) : w->rawlen;
			if (q == NULL || (e - q < 4 && !w->raweof))
				raw_fill(w);
			continue;
		}
		d_room(w, CHUNK);
		rc = inf_run(w, w->raw + w->rawpos, w->rawlen - w->rawpos, &used,
		    w->d + w->dlen, w->dcap - w->dlen, &made, &err);
		w->rawpos += used;
		w->dlen += made;
		if (rc == INF_END) {
			w->inmember = 0;
			return 1;
		}
		if (rc == INF_ERR) {
			member_damaged(w, err);
			return 1;
		}
		if (made > 0)
			return 1;
		if (w->rawpos >= w->rawlen || used == 0) {
			if (w->raweof) {
				member_damaged(w, "cut short: the file ends inside it");
				return 1;
			}
			if (raw_fill(w) == 0 && w->raweof) {
				member_damaged(w, "cut short: the file ends inside it");
				return 1;
			}
		}
	}
}

static int
more_plain(struct warc *w)
{
	if (w->mapped) {
		w->deof = 1;
		return 0;
	}
	w->rawpos = w->dpos;
	if (raw_fill(w) == 0) {
		w->deof = 1;
		w->d = w->rawbuf;
		w->dabs = w->rawoff;
		w->dpos = w->rawpos;
		w->dlen = w->rawlen;
		return 0;
	}
	w->d = w->rawbuf;
	w->dabs = w->rawoff;
	w->dpos = w->rawpos;
	w->dlen = w->rawlen;
	return 1;
}

/* Tell plain from gzip by the first bytes. */
static void
detect(struct warc *w)
{
	if (w->mode)
		return;
	while (w->rawlen < 3 && !w->raweof && !w->mapped)
		raw_fill(w);
	w->mode = is_magic(w->raw, w->rawlen) ? 2 : 1;
	if (w->mode == 1) {
		w->d = (unsigned char *)(uintptr_t)w->raw;
		w->dlen = w->rawlen;
		w->dpos = 0;
		w->dabs = 0;
		w->deof = w->mapped;
	}
}

static int
more(struct warc *w)
{
	if (w->deof)
		return 0;
	return w->mode == 2 ? more_gzip(w) : more_plain(w);
}

/* Make the stream hold up to position END (or as far as it goes); returns its end. */
static u64
fill_to(struct warc *w, u64 end)
{
	while (w->dabs + w->dlen < end && more(w))
		;
	return w->dabs + w->dlen;
}

#define AT(w, pos) ((const char *)(w)->d + ((pos) - (w)->dabs))

/* The first member boundary in (from, to] where the data stops short, or 0. */
static u64
cut_in(const struct warc *w, u64 from, u64 to)
{
	size_t i;

	for (i = 1; i < w->nm; i++)
		if (w->m[i - 1].bad && w->m[i].dabs > from && w->m[i].dabs <= to)
			return w->m[i].dabs;
	return 0;
}

/* Is there a member that starts at POS? */
static int
member_at(const struct warc *w, u64 pos)
{
	size_t i;

	for (i = 0; i < w->nm; i++)
		if (w->m[i].dabs == pos)
			return 1;
	return 0;
}

/* Does a record start at POS: "WARC/" digits "." digits, then a line end? */
static int
version_at(struct warc *w, u64 pos)
{
	u64 end = fill_to(w, pos + 16);
	const char *p = AT(w, pos);
	size_t n = (size_t)(end - pos), i = 5;

	if (n < 8 || memcmp(p, "WARC/", 5) != 0)
		return 0;
	if (i >= n || p[i] < '0' || p[i] > '9')
		return 0;
	while (i < n && p[i] >= '0' && p[i] <= '9')
		i++;
	if (i >= n || p[i++] != '.' || i >= n || p[i] < '0' || p[i] > '9')
		return 0;
	while (i < n && p[i] >= '0' && p[i] <= '9')
		i++;
	return i < n && (p[i] == '\r' || p[i] == '\n');
}

/* Drop the member entries that lie wholly before POS (all but the one holding POS). */
static void
prune(struct warc *w, u64 pos)
{
	size_t k = 0;

	while (k + 1 < w->nm && w->m[k + 1].dabs <= pos)
		k++;
	if (k > 0) {
		size_t i;

		for (i = 0; i < k; i++)
			free(w->m[i].msg);
		memmove(w->m, w->m + k, (w->nm - k) * sizeof(*w->m));
		w->nm -= k;
	}
}

/*
 * Move to the start of the next record: skip line ends silently and any
 * other bytes with a warning.  Returns 0 at the end of the stream.
 */
static int
find_record(struct warc *w)
{
	u64 pos = w->dabs + w->dpos, garbage_at = 0;
	int in_garbage = 0;

	for (;;) {
		u64 end = fill_to(w, pos + 8);
		const char *p;
		size_t n;

		if (pos >= end) {
			w->dpos = (size_t)(end - w->dabs);
			if (in_garbage && !w->quiet_garbage) {
				struct buf where = {0};

				where_at(w, garbage_at, &where);
				say(w, where.s, NULL, WARC_D_GARBAGE, "%llu bytes at the end are not a WARC record; skipped",
				    end - garbage_at);
				buf_free(&where);
			}
			w->quiet_garbage = 0;
			return 0;
		}
		p = AT(w, pos);
		if (!in_garbage && (*p == '\r' || *p == '\n')) {
			pos++;
			w->dpos = (size_t)(pos - w->dabs);
			continue;
		}
		if (*p == 'W' && (!in_garbage || member_at(w, pos) || (pos > w->dabs && p[-1] == '\n')) &&
		    version_at(w, pos)) {
			if (in_garbage && !w->quiet_garbage) {
				struct buf where = {0};

				where_at(w, garbage_at, &where);
				say(w, where.s, NULL, WARC_D_GARBAGE, "%llu bytes between records; skipped to the next record",
				    pos - garbage_at);
				buf_free(&where);
			}
			w->quiet_garbage = 0;
			w->dpos = (size_t)(pos - w->dabs);
			return 1;
		}
		if (!in_garbage) {
			in_garbage = 1;
			garbage_at = pos;
		}
		/* Look for the next "WARC/" at a line start or a member start. */
		end = w->dabs + w->dlen;
		p = AT(w, pos);
		n = (size_t)(end - pos);
		{
			const char *q = memchr(p + 1, 'W', n - 1);

			pos = q ? pos + (u64)(q - p) : end;
			/* Drop what is behind us, keeping one byte for the line-start test. */
			if (pos - w->dabs > 1)
				w->dpos = (size_t)(pos - 1 - w->dabs);
		}
	}
}

/* Parse the header block [start, end) (version line first) into REC. */
static void
parse_head(struct warc *w, struct warc_record *rec, u64 start, u64 end)
{
	char *s, *e, *line, *prevval = NULL;
	size_t len = (size_t)(end - start);

	buf_reset(&rec->head);
	buf_add(&rec->head, AT(w, start), len);
	s = rec->head.s;
	e = s + len;
	/* Version line. */
	line = s;
	s = memchr(s, '\n', (size_t)(e - s));
	s = s ? s + 1 : e;
	{
		const char *v = line + 5;
		size_t k = 0;

		while (k < sizeof(rec->version) - 1 && v + k < e && (v[k] == '.' || (v[k] >= '0' && v[k] <= '9'))) {
			rec->version[k] = v[k];
			k++;
		}
		rec->version[k] = '\0';
	}
	while (s < e) {
		char *nl = memchr(s, '\n', (size_t)(e - s)), *le, *colon, *v, *ve;

		le = nl ? nl : e;
		line = s;
		s = nl ? nl + 1 : e;
		if (le > line && le[-1] == '\r')
			le--;
		*le = '\0';
		if (le == line)
			continue;
		if ((*line == ' ' || *line == '\t') && prevval) {
			/* A folded line continues the previous value (RFC 2616 LWS, as WARC 1.0 allows). */
			char *t = line;
			size_t pl = strlen(prevval);

			while (*t == ' ' || *t == '\t')
				t++;
			if (*t) {
				prevval[pl] = ' ';
				memmove(prevval + pl + 1, t, strlen(t) + 1);
			}
			continue;
		}
		colon = memchr(line, ':', (size_t)(le - line));
		if (colon == NULL || colon == line) {
			struct buf where = {0};

			where_at(w, start, &where);
			say(w, where.s, rec, WARC_D_HEADER, "header line %zu is not \"Name: value\"; ignored",
			    rec->nf + 2);
			buf_free(&where);
			prevval = NULL;
			continue;
		}
		*colon = '\0';
		ve = colon;
		while (ve > line && (ve[-1] == ' ' || ve[-1] == '\t'))
			*--ve = '\0';
		v = colon + 1;
		while (*v == ' ' || *v == '\t')
			v++;
		ve = le;
		while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
			ve--;
		*ve = '\0';
		if (rec->nf == rec->capf) {
			rec->capf = rec->capf ? rec->capf * 2 : 16;
			rec->f = erealloc(rec->f, rec->capf * sizeof(*rec->f));
		}
		rec->f[rec->nf].name = line;
		rec->f[rec->nf].value = v;
		rec->nf++;
		prevval = v;
	}
}

const char *
warc_get(const struct warc_record *rec, const char *name)
{
	size_t i;

	for (i = 0; i < rec->nf; i++)
		if (strcasecmp(rec->f[i].name, name) == 0)
			return rec->f[i].value;
	return NULL;
}

static void
record_reset(struct warc_record *rec)
{
	buf_reset(&rec->where);
	buf_reset(&rec->errors);
	buf_reset(&rec->big);
	rec->version[0] = '\0';
	rec->nf = 0;
	rec->length = 0;
	rec->has_length = 0;
	rec->body = NULL;
	rec->bodylen = 0;
	rec->damage = 0;
}

/* Find "\r\n\r\n" (or "\n\n") from POS within MAXHEAD; returns the end of the header block's blank line, or 0. */
static u64
head_end(struct warc *w, u64 pos, u64 *blank)
{
	u64 from = pos;

	for (;;) {
		u64 end = fill_to(w, from + 4096);
		u64 limit = pos + MAXHEAD < end ? pos + MAXHEAD : end;
		const char *p = AT(w, pos), *q;
		size_t n = (size_t)(limit - pos), k = (size_t)(from - pos);

		while (k < n && (q = memchr(p + k, '\n', n - k)) != NULL) {
			k = (size_t)(q - p);
			if (k + 1 < n && p[k + 1] == '\n') {
				*blank = pos + k;
				return pos + k + 2;
			}
			if (k + 2 < n && p[k + 1] == '\r' && p[k + 2] == '\n') {
				*blank = pos + k;
				return pos + k + 3;
			}
			k++;
		}
		if (limit == pos + MAXHEAD || end < from + 4096)
			return 0;
		from = limit - 2 > pos ? limit - 2 : pos;
	}
}

/* A damage of a member that REC's bytes [from, to) came from goes on REC. */
static void
member_damage_on(struct warc *w, struct warc_record *rec, u64 from, u64 to)
{
	size_t i;

	for (i = 0; i < w->nm; i++) {
		u64 mend = i + 1 < w->nm ? w->m[i + 1].dabs : w->dabs + w->dlen;

		/* The damage is where the member's data stops: on the record that holds that point. */
		if (w->m[i].bad && w->m[i].msg && mend > from && mend <= to + 4) {
			struct buf where = {0};

			buf_printf(&where, "%s@%llu", w->name, w->m[i].off);
			rec->damage |= WARC_D_GZIP;
			buf_printf(&rec->errors, "%s: %s\n", where.s, w->m[i].msg);
			buf_free(&where);
		}
	}
}

int
warc_next(struct warc *w, struct warc_record *rec)
{
	for (;;) {
		u64 start, hend, blank;

		if (w->pending && w->prev)
			warc_body(w, w->prev);
		w->pending = 0;
		w->prev = NULL;
		record_reset(rec);
		detect(w);
		if (!find_record(w))
			return 0;
		start = w->dabs + w->dpos;
		prune(w, start);
		where_at(w, start, &rec->where);
		hend = head_end(w, start, &blank);
		if (hend == 0 || cut_in(w, start, hend)) {
			if (hend == 0 && w->deof && w->dabs + w->dlen < start + MAXHEAD)
				say(w, rec->where.s, NULL, WARC_D_TRUNCATED,
				    "the input ends inside the header block of a record; the record is lost");
			else
				say(w, rec->where.s, NULL, WARC_D_HEADER,
				    "a record whose header block does not end (no empty line in %d bytes); skipped to the next record",
				    MAXHEAD);
			w->dpos += 5;
			w->quiet_garbage = 1;
			continue;
		}
		parse_head(w, rec, start, blank);
		{
			const char *cl = warc_get(rec, "Content-Length");
			char *endp;
			unsigned long long v;

			if (cl && *cl >= '0' && *cl <= '9') {
				errno = 0;
				v = strtoull(cl, &endp, 10);
				if (*endp == '\0' && errno == 0 && v < (1ULL << 62)) {
					rec->length = (size_t)v;
					rec->has_length = 1;
				}
			}
			if (!rec->has_length)
				say(w, rec->where.s, rec, WARC_D_LENGTH,
				    cl ? "Content-Length \"%.40s\" is not a number; the block is taken up to the next record" :
				    "no Content-Length; the block is taken up to the next record%s", cl ? cl : "");
		}
		w->dpos = (size_t)(hend - w->dabs);
		w->body_at = hend;
		w->pending = 1;
		w->prev = rec;
		rec->state = 1;
		return 1;
	}
}

/*
 * Find where the block starting at START really ends when Content-Length
 * is missing or wrong: at "\r\n\r\nWARC/", at a member start holding
 * "WARC/", where the data stops short, or at the end of the stream.
 * *next is where the next record may start.  Data past the kept limit is
 * dropped as the search goes, after copying the kept part to rec->big.
 */
static u64
search_end(struct warc *w, struct warc_record *rec, u64 start, u64 *next, int *trailer)
{
	u64 pos = start;

	for (;;) {
		u64 end = fill_to(w, pos + CHUNK), cut = cut_in(w, pos, end), lim = cut ? cut : end;
		const char *p = AT(w, pos);
		size_t n = (size_t)(lim - pos), k = 0;
		size_t i;

		/* A member start inside holding a record. */
		for (i = 0; i < w->nm; i++) {
			u64 b = w->m[i].dabs;

			if (b > start && b >= pos && b < lim && version_at(w, b)) {
				lim = b;
				n = (size_t)(lim - pos);
				cut = b;
				break;
			}
		}
		p = AT(w, pos);
		while (k + 9 <= n) {
			const char *q = memchr(p + k, '\r', n - k);

			if (q == NULL)
				break;
			k = (size_t)(q - p);
			if (k + 9 <= n && memcmp(q, "\r\n\r\nWARC/", 9) == 0 && version_at(w, pos + k + 4)) {
				*next = pos + k + 4;
				*trailer = 1;
				return pos + k;
			}
			p = AT(w, pos);
			k++;
		}
		if (cut || (end == w->dabs + w->dlen && w->deof && lim == end)) {
			u64 e = lim;

			*next = e;
			if (e - start >= 4 && w->dabs <= e - 4 && memcmp(AT(w, e - 4), "\r\n\r\n", 4) == 0) {
				*trailer = 1;
				return e - 4;
			}
			/* At the end of the input, a block followed by part of its CRLF CRLF. */
			if (rec->has_length && start + rec->length < e && e - (start + rec->length) < 4 &&
			    w->dabs <= start + rec->length &&
			    memcmp(AT(w, start + rec->length), "\r\n\r\n", (size_t)(e - start - rec->length)) == 0)
				return start + rec->length;
			return e;
		}
		/* Not found yet: keep the first max_record bytes aside before dropping any. */
		pos = lim > pos + 8 ? lim - 8 : pos;
		if (pos - start > w->o.max_record) {
			if (rec->big.len == 0 && w->dabs <= start) {
				buf_add(&rec->big, AT(w, start), w->o.max_record);
				rec->damage |= WARC_D_OVERSIZE;
			}
			w->dpos = (size_t)(pos - w->dabs);
		}
	}
}

void
warc_body(struct warc *w, struct warc_record *rec)
{
	u64 start, dend, cend, next, e;
	int length_ok = 0, trailer = 0;

	if (!w->pending || w->prev != rec)
		return;
	w->pending = 0;
	w->prev = NULL;
	start = w->body_at;
	if (rec->has_length && rec->length <= w->o.max_record) {
		/* The common case: Content-Length bytes, then CRLF CRLF. */
		dend = start + rec->length;
		cend = fill_to(w, dend + 4);
		/* A member per record: let the member end, so that its checksum is seen. */
		while (w->mode == 2 && w->inmember && w->dabs + w->dlen == dend + 4 && more(w))
			;
		if (cend >= dend + 4 && !cut_in(w, start, dend + 4) &&
		    memcmp(AT(w, dend), "\r\n\r\n", 4) == 0) {
			e = dend;
			next = dend + 4;
			length_ok = 1;
		} else {
			e = search_end(w, rec, start, &next, &trailer);
		}
	} else {
		e = search_end(w, rec, start, &next, &trailer);
	}
	if (!length_ok && rec->has_length && !(trailer && e == start + rec->length)) {
		u64 stop = w->deof && next == w->dabs + w->dlen ? next : 0;
		u64 cut = cut_in(w, start, next);

		/* A gzip member cut short at the end has said so already. */
		if (stop && w->mode == 2 && w->nm > 0 && w->m[w->nm - 1].bad)
			cut = stop;
		if ((cut || stop) && e < start + rec->length) {
			if (!cut)
				say(w, rec->where.s, rec, WARC_D_TRUNCATED,
				    "the input ends %llu bytes into a block of %zu (Content-Length); the part there is kept",
				    e - start, rec->length);
		} else if (e != start + rec->length) {
			say(w, rec->where.s, rec, WARC_D_LENGTH,
			    "Content-Length is %zu but the block is %llu bytes (up to the next record); the block is taken as it is",
			    rec->length, e - start);
		} else {
			say(w, rec->where.s, rec, WARC_D_LENGTH,
			    "the block of %zu bytes is not followed by CRLF CRLF", rec->length);
		}
	}
	member_damage_on(w, rec, start, e);
	if (rec->big.len > 0 || e - start > w->o.max_record) {
		if (rec->big.len == 0)
			buf_add(&rec->big, AT(w, start), w->o.max_record);
		say(w, rec->where.s, rec, WARC_D_OVERSIZE,
		    "a block of %llu bytes, over the limit of %zu; only the first %zu are kept",
		    e - start, w->o.max_record, w->o.max_record);
		rec->body = rec->big.s;
		rec->bodylen = rec->big.len;
	} else {
		rec->body = AT(w, start);
		rec->bodylen = (size_t)(e - start);
	}
	w->dpos = (size_t)(next - w->dabs);
	rec->state = 2;
}

static struct warc *
new_reader(const char *name, const struct warc_options *opts)
{
	struct warc *w = ecalloc(1, sizeof(*w));

	w->o = *opts;
	if (w->o.max_record < 1024)
		w->o.max_record = 1024;
	w->name = estrdup(name);
	w->fd = -1;
#ifdef KHOBOR_ISAL
	isal_inflate_init(&w->z);
#endif
	return w;
}

struct warc *
warc_open(const char *path, const char *name, const struct warc_options *opts)
{
	struct warc *w;
	struct stat st = {0};
	int fd;

	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else if ((fd = open(path, O_RDONLY)) < 0) {
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (fd != STDIN_FILENO)
			close(fd);
		errno = EISDIR;
		return NULL;
	}
	w = new_reader(name ? name : path, opts);
	w->fd = fd;
	if (S_ISREG(st.st_mode) && st.st_size > 0) {
		void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);

		if (p != MAP_FAILED) {
			madvise(p, (size_t)st.st_size, MADV_SEQUENTIAL);
			w->raw = p;
			w->rawlen = w->maplen = (size_t)st.st_size;
			w->mapped = 1;
			w->raweof = 1;
		}
	}
	return w;
}

struct warc *
warc_open_mem(const void *data, size_t len, const char *name, const struct warc_options *opts)
{
	struct warc *w = new_reader(name, opts);

	w->raw = data;
	w->rawlen = len;
	w->raweof = 1;
	w->mapped = 1;
	return w;
}

int
warc_is_gzip(const struct warc *w)
{
	return w->mode == 2;
}

int
warc_close(struct warc *w)
{
	size_t i;
	int err;

	if (w == NULL)
		return 0;
	err = w->readerr;
	if (w->maplen)
		munmap((void *)(uintptr_t)w->raw, w->maplen);
	if (w->fd > STDIN_FILENO)
		close(w->fd);
	inf_end(w);
	for (i = 0; i < w->nm; i++)
		free(w->m[i].msg);
	free(w->m);
	free(w->rawbuf);
	free(w->dbuf);
	free(w->name);
	free(w);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}

void
warc_record_free(struct warc_record *rec)
{
	buf_free(&rec->where);
	buf_free(&rec->head);
	buf_free(&rec->errors);
	buf_free(&rec->big);
	free(rec->f);
	memset(rec, 0, sizeof(*rec));
}
