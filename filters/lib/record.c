/* record.c: read and write the NUL-terminated record stream of khobor(7). */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "record.h"
#include "text.h"

#define READ_CHUNK (1 << 16)
#define MAX_BAD_HEADERS 10
#define DEFAULT_MAXREC ((size_t)1 << 30)

void
reader_init(struct reader *rd, FILE *fp, const char *name)
{
	memset(rd, 0, sizeof(*rd));
	rd->fp = fp;
	rd->name = name;
	rd->line = 1;
	rd->maxrec = DEFAULT_MAXREC;
	/* The largest record is a setting, not a crash: KHOBOR_MAX_RECORD bytes. */
	{
		const char *env = getenv("KHOBOR_MAX_RECORD");
		char *end;
		unsigned long long v;

		if (env && *env) {
			v = strtoull(env, &end, 10);
			if (*end == '\0' && v >= 1024)
				rd->maxrec = (size_t)v;
			else
				warnx("KHOBOR_MAX_RECORD=%s is not a number of bytes (at least 1024); using %zu",
				    env, rd->maxrec);
		}
	}
}

void
reader_free(struct reader *rd)
{
	free(rd->buf);
	rd->buf = NULL;
}

int
record_name_ok(const char *name, size_t n)
{
	size_t i;

	if (n == 0 || name[0] < 'a' || name[0] > 'z')
		return 0;
	for (i = 1; i < n; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return 0;
	}
	return 1;
}

void
record_clear(struct record *rec)
{
	size_t i;

	for (i = 0; i < rec->nf; i++) {
		free(rec->f[i].name);
		free(rec->f[i].value);
	}
	rec->nf = 0;
	rec->nerrors = 0;
	buf_reset(&rec->body);
}

void
record_free(struct record *rec)
{
	record_clear(rec);
	free(rec->f);
	rec->f = NULL;
	rec->capf = 0;
	buf_free(&rec->body);
}

static void
add_field(struct record *rec, char *name, char *value)
{
	if (rec->nf == rec->capf) {
		rec->capf = rec->capf ? rec->capf * 2 : 16;
		rec->f = erealloc(rec->f, rec->capf * sizeof(*rec->f));
	}
	rec->f[rec->nf].name = name;
	rec->f[rec->nf].value = value;
	rec->nf++;
}

const char *
record_get(const struct record *rec, const char *name)
{
	size_t i;

	for (i = 0; i < rec->nf; i++)
		if (strcmp(rec->f[i].name, name) == 0)
			return rec->f[i].value;
	return NULL;
}

size_t
record_count(const struct record *rec, const char *name)
{
	size_t i, n = 0;

	for (i = 0; i < rec->nf; i++)
		if (strcmp(rec->f[i].name, name) == 0)
			n++;
	return n;
}

void
record_add(struct record *rec, const char *name, const char *value)
{
	add_field(rec, estrdup(name), estrdup(value));
}

void
record_del(struct record *rec, const char *name)
{
	size_t i, j;

	for (i = j = 0; i < rec->nf; i++) {
		if (strcmp(rec->f[i].name, name) == 0) {
			free(rec->f[i].name);
			free(rec->f[i].value);
		} else {
			rec->f[j++] = rec->f[i];
		}
	}
	rec->nf = j;
}

void
record_set(struct record *rec, const char *name, const char *value)
{
	size_t i, j;
	int seen = 0;

	for (i = j = 0; i < rec->nf; i++) {
		if (strcmp(rec->f[i].name, name) == 0) {
			if (seen) {
				free(rec->f[i].name);
				free(rec->f[i].value);
				continue;
			}
			seen = 1;
			free(rec->f[i].value);
			rec->f[i].value = estrdup(value);
		}
		rec->f[j++] = rec->f[i];
	}
	rec->nf = j;
	if (!seen)
		record_add(rec, name, value);
}

void
record_set_at(struct record *rec, size_t i, const char *value)
{
	char *v = estrdup(value);

	free(rec->f[i].value);
	rec->f[i].value = v;
}

void
record_insert(struct record *rec, size_t at, const char *name, const char *value)
{
	struct field f;

	if (at > rec->nf)
		at = rec->nf;
	add_field(rec, estrdup(name), estrdup(value));
	f = rec->f[rec->nf - 1];
	memmove(rec->f + at + 1, rec->f + at, (rec->nf - 1 - at) * sizeof(*rec->f));
	rec->f[at] = f;
}

void
record_set_body(struct record *rec, const char *s, size_t n)
{
	buf_reset(&rec->body);
	buf_add(&rec->body, s, n);
}

const char *
record_source(const struct record *rec, struct buf *scratch)
{
	const char *src = record_get(rec, "source");

	if (src)
		return src;
	buf_reset(scratch);
	buf_printf(scratch, "record %lu", rec->no);
	return scratch->s;
}

static void
vannotate(struct record *rec, const char *kind, int tell, const char *fmt, va_list ap)
{
	struct buf msg = {0}, val = {0}, scratch = {0};

	buf_grow(&msg, 0);
	{
		va_list aq;
		int n;

		va_copy(aq, ap);
		n = vsnprintf(NULL, 0, fmt, aq);
		va_end(aq);
		if (n > 0) {
			buf_grow(&msg, (size_t)n);
			vsnprintf(msg.s, (size_t)n + 1, fmt, ap);
			msg.len = (size_t)n;
		}
	}
	buf_printf(&val, "%s: %s", prog, msg.s);
	record_add(rec, kind, val.s);
	if (tell)
		warnx("%s: %s", record_source(rec, &scratch), msg.s);
	buf_free(&msg);
	buf_free(&val);
	buf_free(&scratch);
}

void
record_error(struct record *rec, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vannotate(rec, "error", 1, fmt, ap);
	va_end(ap);
	rec->nerrors++;
}

void
record_warning(struct record *rec, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vannotate(rec, "warning", 0, fmt, ap);
	va_end(ap);
}

/*
 * Make a header value safe: control characters (a value is one line)
 * become spaces.  Done on the way out so that no producer can break the
 * framing of the stream.
 */
static void
sanitize_value(char *v)
{
	for (; *v; v++)
		if ((unsigned char)*v < 0x20 || *v == 0x7f)
			*v = ' ';
}

/* Quote at most 60 bytes of a bad line for a message, control bytes shown as '?'. */
static void
quote_line(struct buf *b, const char *s, size_t n)
{
	size_t i;

	if (n > 60) {
		/* Do not cut a UTF-8 sequence in half. */
		n = text_utf8_floor(s, 60);
	}
	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		buf_addc(b, (c < 0x20 || c == 0x7f || c == '"') ? '?' : (int)c);
	}
	buf_addc(b, '"');
}

/*
 * Read what has arrived, up to N bytes.  fread() on a pipe would wait until
 * all N bytes are there, so a stage would idle while the one before it
 * fills 256 KiB, and the chain's stages would take turns instead of
 * running side by side; read(2) returns what the pipe holds.  A FILE with
 * no descriptor (a memory stream in the tests) is read with fread().
 */
static size_t
fill(struct reader *rd, char *p, size_t n)
{
	int fd = fileno(rd->fp);
	ssize_t k;

	if (fd < 0)
		return fread(p, 1, n, rd->fp);
	do
		k = read(fd, p, n);
	while (k < 0 && errno == EINTR);
	if (k < 0) {
		rd->fp_error = errno;
		return 0;
	}
	return (size_t)k;
}

/* Fill the buffer until it holds a NUL at or after pos, or the input ends. */
static char *
find_nul(struct reader *rd)
{
	size_t scanned = rd->pos;
	char *nul;

	for (;;) {
		nul = rd->len > scanned ? memchr(rd->buf + scanned, '\0', rd->len - scanned) : NULL;
		if (nul || rd->eof)
			return nul;
		if (rd->maxrec && rd->len - rd->pos > rd->maxrec) {
			rd->toolong = 1;
			return NULL;
		}
		scanned = rd->len;
		if (rd->pos > 0 && rd->pos == rd->len) {
			rd->pos = rd->len = scanned = 0;
		} else if (rd->pos > 0 && rd->len + READ_CHUNK > rd->cap) {
			/* Slide the unread part to the front before growing. */
			memmove(rd->buf, rd->buf + rd->pos, rd->len - rd->pos);
			rd->len -= rd->pos;
			scanned -= rd->pos;
			rd->pos = 0;
		}
		if (rd->len + READ_CHUNK > rd->cap) {
			rd->cap = rd->cap ? rd->cap * 2 : 4 * READ_CHUNK;
			rd->buf = erealloc(rd->buf, rd->cap);
		}
		{
			size_t n = fill(rd, rd->buf + rd->len, rd->cap - rd->len);
			rd->len += n;
			if (n == 0) {
				if (ferror(rd->fp) || rd->fp_error) {
					warnx("%s: read error: %s", rd->name,
					    strerror(rd->fp_error ? rd->fp_error : errno));
					rd->error = 1;
				}
				rd->eof = 1;
			}
		}
	}
}

static unsigned long
count_lines(const char *s, size_t n)
{
	unsigned long k = 0;
	const char *p = s, *end = s + n;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

/* Parse header lines [s, s+n) into rec; returns 0, or -1 if the first line is not a header. */
static int
parse_headers(struct reader *rd, struct record *rec, const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	unsigned long hline = 0, nbad = 0;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *colon = memchr(p, ':', (size_t)(eol - p));
		const char *v;
		const char *why = NULL;
		size_t i;

		hline++;
		if (colon == NULL)
			why = "header line has no colon";
		else if (!record_name_ok(p, (size_t)(colon - p)))
			why = "header name is not [a-z][a-z0-9_]*";
		if (why == NULL) {
			v = colon + 1;
			if (v < eol && *v == ' ')
				v++;
			for (i = 0; v + i < eol; i++) {
				unsigned char c = (unsigned char)v[i];
				if (c < 0x20 || c == 0x7f) {
					why = "header value has a control character";
					break;
				}
			}
		}
		if (why) {
			struct buf q = {0};

			if (rec->no == 1 && hline == 1)
				return -1;
			/* Ten are enough to see what is wrong; the rest are counted. */
			if (++nbad <= MAX_BAD_HEADERS) {
				quote_line(&q, p, (size_t)(eol - p));
				record_error(rec, "%s:%lu: %s: %s", rd->name,
				    rec->line + hline - 1, why, q.s);
				buf_free(&q);
			}
		} else {
			add_field(rec, estrndup(p, (size_t)(colon - p)),
			    estrndup(v, (size_t)(eol - v)));
		}
		p = nl ? nl + 1 : end;
	}
	if (nbad > MAX_BAD_HEADERS)
		record_error(rec, "%s:%lu: %lu more bad header lines in this record", rd->name, rec->line,
		    nbad - MAX_BAD_HEADERS);
	return 0;
}

/* Throw away the rest of a record that was too large, up to its NUL. */
static void
skip_rest(struct reader *rd)
{
	while (rd->skipping) {
		char *nul = rd->len > rd->pos ? memchr(rd->buf + rd->pos, '\0', rd->len - rd->pos) : NULL;

		if (nul) {
			rd->line += count_lines(rd->buf + rd->pos, (size_t)(nul - (rd->buf + rd->pos)));
			rd->pos = (size_t)(nul - rd->buf) + 1;
			rd->skipping = 0;
			return;
		}
		rd->line += count_lines(rd->buf + rd->pos, rd->len - rd->pos);
		rd->pos = rd->len = 0;
		if (rd->eof)
			return;
		if (rd->cap == 0) {
			rd->cap = 4 * READ_CHUNK;
			rd->buf = erealloc(rd->buf, rd->cap);
		}
		rd->len = fill(rd, rd->buf, rd->cap);
		if (rd->len == 0)
			rd->eof = 1;
	}
}

int
record_read(struct reader *rd, struct record *rec)
{
	char *nul, *start, *sep;
	size_t n, hlen;
	int truncated = 0, toolong = 0;

	record_clear(rec);
	skip_rest(rd);
	nul = find_nul(rd);
	start = rd->buf + rd->pos;
	if (nul == NULL && rd->toolong) {
		/* Cut at the limit, on a character boundary; the rest is skipped. */
		n = text_utf8_floor(start, rd->maxrec);
		rd->toolong = 0;
		toolong = 1;
	} else if (nul == NULL) {
		size_t i;

		n = rd->len - rd->pos;
		/* Trailing blank lines after the last record are not a record. */
		for (i = 0; i < n && (start[i] == '\n' || start[i] == '\r'); i++)
			;
		if (i == n) {
			rd->pos = rd->len;
			return 0;
		}
		truncated = 1;
	} else {
		n = (size_t)(nul - start);
	}
	rec->no = ++rd->recno;
	rec->line = rd->line;

	if (n >= 2 && start[0] == '\n')
		sep = start;	/* no headers at all */
	else if (n == 1 && start[0] == '\n')
		sep = start;
	else {
		sep = NULL;
		for (char *p = start; (p = memchr(p, '\n', n - (size_t)(p - start))) != NULL; p++) {
			if ((size_t)(p + 1 - start) < n && p[1] == '\n') {
				sep = p + 1;
				break;
			}
		}
	}
	if (sep == NULL) {
		/* No empty line: the whole record is a header block, or raw text. */
		hlen = n;
	} else {
		hlen = (size_t)(sep - start);
	}
	if (parse_headers(rd, rec, start, hlen > 0 && start[hlen - 1] == '\n' ? hlen - 1 : hlen) < 0) {
		warnx("%s:%lu: expected a record stream (header lines 'name: value', an empty line, "
		    "the body, a NUL byte) but got raw text; put strip-boilerplate (or from-jsonl) "
		    "first in the pipeline", rd->name, rd->line);
		return -1;
	}
	if (sep != NULL)
		buf_add(&rec->body, sep + 1, n - (size_t)(sep + 1 - start));
	else if (!truncated)
		record_error(rec, "%s:%lu: record has no empty line between headers and body",
		    rd->name, rd->line);
	if (truncated)
		record_error(rec, "%s:%lu: stream ends inside this record (no NUL byte after it): "
		    "the producer was cut off; check the earlier stages of the pipeline",
		    rd->name, rd->line);
	if (toolong)
		record_error(rec, "%s:%lu: record larger than %zu bytes: cut there, the rest of it skipped "
		    "(raise KHOBOR_MAX_RECORD to keep it whole)", rd->name, rd->line, rd->maxrec);
	rd->line += count_lines(start, n);
	rd->pos += n + (truncated || toolong ? 0 : 1);
	rd->skipping = toolong;
	return 1;
}

int
record_write(FILE *fp, const struct record *rec)
{
	static struct buf head;	/* reused: one write call for all the headers */
	size_t i;
	const char *b = rec->body.s ? rec->body.s : "";
	size_t blen = rec->body.len;

	buf_reset(&head);
	for (i = 0; i < rec->nf; i++) {
		size_t start;

		buf_adds(&head, rec->f[i].name);
		buf_add(&head, ": ", 2);
		start = head.len;
		buf_adds(&head, rec->f[i].value);
		sanitize_value(head.s + start);
		buf_addc(&head, '\n');
	}
	buf_addc(&head, '\n');
	fwrite(head.s, 1, head.len, fp);
	/* A NUL inside the body would end the record early: write U+FFFD instead. */
	while (blen > 0) {
		const char *z = memchr(b, '\0', blen);
		size_t k = z ? (size_t)(z - b) : blen;

		fwrite(b, 1, k, fp);
		if (z) {
			fputs("\xEF\xBF\xBD", fp);
			k++;
		}
		b += k;
		blen -= k;
	}
	if (rec->body.len > 0 && rec->body.s[rec->body.len - 1] != '\n')
		putc('\n', fp);
	putc('\0', fp);
	return ferror(fp) ? -1 : 0;
}
