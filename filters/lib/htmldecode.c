/* htmldecode.c: a page's bytes to UTF-8, a stretch at a time (see htmldecode.h). */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "htmldecode.h"
#include "htmlsniff.h"
#include "text.h"
#include "util.h"

#define CHUNK (64 * 1024)	/* bytes of the page decoded at a time */
#define MAX_MAP 4096		/* decoded-to-page offset checkpoints kept */

void
decoder_init(struct decoder *d)
{
	memset(d, 0, sizeof(*d));
	d->cd = (iconv_t)-1;
}

void
decoder_free(struct decoder *d)
{
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	free(d->own);
	free(d->map);
	buf_free(&d->mid);
	buf_free(&d->out);
	free(d->badcharset);
	memset(d, 0, sizeof(*d));
	d->cd = (iconv_t)-1;
}

void
decoder_reset(struct decoder *d, FILE *fp, const char *s, size_t n)
{
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	d->cd = (iconv_t)-1;
	d->fp = fp;
	d->mem = s;
	d->memlen = fp ? 0 : n;
	d->raw = fp ? d->own : s;
	d->rawpos = d->rawlen = d->rawoff = 0;
	d->eof = d->err = 0;
	d->utf8 = 1;
	d->exact = 1;
	d->out.len = d->outpos = d->produced = 0;
	d->nbad = d->nnul = d->ncontrol = d->nmap = 0;
	d->charset = NULL;
	free(d->badcharset);
	d->badcharset = NULL;
	d->mislabel[0] = '\0';
}

static void
map_point(struct decoder *d, size_t page_off)
{
	if (!d->exact)
		return;
	if (d->nmap == MAX_MAP) {
		d->exact = 0;	/* too many faults to map offsets exactly */
		return;
	}
	if (d->nmap == d->capmap) {
		d->capmap = d->capmap ? 2 * d->capmap : 16;
		d->map = erealloc(d->map, d->capmap * sizeof(*d->map));
	}
	d->map[d->nmap][0] = d->produced;
	d->map[d->nmap][1] = page_off;
	d->nmap++;
}

size_t
decoder_page_offset(const struct decoder *d, size_t off)
{
	size_t lo = 0, hi = d->nmap;

	if (d->nmap == 0)
		return off;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (d->map[mid][0] <= off)
			lo = mid;
		else
			hi = mid;
	}
	if (d->map[lo][0] > off)
		return off;
	return d->map[lo][1] + (off - d->map[lo][0]);
}

static void
bad_byte(struct decoder *d, size_t page_off)
{
	if (d->nbad < DECODER_OFFSETS)
		d->bad[d->nbad] = page_off;
	d->nbad++;
}

/* Can the N bytes at S (N < 4) begin a valid UTF-8 sequence that the next bytes complete? */
static int
utf8_prefix(const unsigned char *s, size_t n)
{
	size_t len, i;

	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4;
	else
		return 0;
	if (n >= len)
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return 1;
}

/*
 * The UTF-8 pass: append the valid text of S[0..N) to OUT, with every
 * undecodable byte as U+FFFD and NUL as U+FFFD (as HTML does), other
 * control characters but tab, line feed, form feed and carriage return
 * left out.  BASE is the page offset of S (when exact).  Returns the bytes
 * used: fewer than N when the end holds the start of a sequence the next
 * chunk completes (never when LAST).
 */
static size_t
utf8_pass(struct decoder *d, const char *s, size_t n, size_t base, int last, struct buf *out)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, start = 0;
	int32_t cp;
	int len;

	buf_grow(out, n + 16);
	/* Valid text is copied in runs; only a fault stops a run. */
	while (i < n) {
		unsigned char c = u[i];

		if (c >= 0x20 && c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0x80 && (len = text_decode(u + i, n - i, &cp)) > 0) {
			i += (size_t)len;
			continue;
		}
		if (c == '\t' || c == '\n' || c == '\f' || c == '\r') {
			i++;
			continue;
		}
		if (c >= 0x80 && !last && n - i < 4 && utf8_prefix(u + i, n - i))
			break;
		buf_add(out, s + start, i - start);
		d->produced += i - start;
		if (c == 0) {
			buf_add(out, fffd, 3);
			d->produced += 3;
			d->nnul++;
		} else if (c < 0x80) {
			d->ncontrol++;
		} else {
			buf_add(out, fffd, 3);
			d->produced += 3;
			bad_byte(d, base + i);
		}
		map_point(d, base + i + 1);
		start = ++i;
	}
	buf_add(out, s + start, i - start);
	d->produced += i - start;
	return i;
}

int
decoder_fill(struct decoder *d)
{
	size_t left = d->rawlen - d->rawpos, n;

	if (d->eof)
		return 0;
	if (d->fp == NULL) {
		/* Memory: widen the window over the page a chunk at a time. */
		d->rawlen = d->memlen - d->rawlen > CHUNK ? d->rawlen + CHUNK : d->memlen;
		if (d->rawlen == d->memlen)
			d->eof = 1;
		return 1;
	}
	if (d->owncap < left + CHUNK) {
		d->owncap = left + CHUNK;
		d->own = erealloc(d->own, d->owncap);
	}
	memmove(d->own, d->own + d->rawpos, left);
	d->rawoff += d->rawpos;
	d->rawpos = 0;
	d->raw = d->own;
	n = fread(d->own + left, 1, CHUNK, d->fp);
	d->rawlen = left + n;
	if (n < CHUNK) {
		if (ferror(d->fp))
			d->err = errno ? errno : EIO;
		d->eof = 1;
	}
	return 1;
}

int
decoder_more(struct decoder *d)
{
	size_t used;

	d->out.len = 0;
	d->outpos = 0;
	while (d->out.len == 0) {
		if (d->rawpos == d->rawlen || (!d->eof && d->rawlen - d->rawpos < 4)) {
			if (!decoder_fill(d) && d->rawpos == d->rawlen)
				return 0;
		}
		if (d->utf8) {
			used = utf8_pass(d, d->raw + d->rawpos, d->rawlen - d->rawpos, d->rawoff + d->rawpos,
			    d->eof, &d->out);
			d->rawpos += used;
			if (used == 0 && !d->eof && !decoder_fill(d))
				return 0;
			continue;
		}
		/* iconv, then the UTF-8 pass over its output for NUL and controls. */
		{
			char *in = (char *)d->raw + d->rawpos, *op;
			size_t inleft = d->rawlen - d->rawpos, outleft, k;

			d->mid.len = 0;
			buf_grow(&d->mid, 4 * inleft + 16);
			op = d->mid.s;
			outleft = d->mid.cap - 1;
			while (inleft > 0) {
				if (iconv(d->cd, &in, &inleft, &op, &outleft) != (size_t)-1)
					break;
				if (errno == E2BIG)
					break;	/* cannot happen: 4 bytes of room for every byte */
				if (errno == EINVAL && !d->eof)
					break;	/* a sequence the next chunk completes */
				/* An undecodable byte, or a sequence cut off by the end of the page. */
				if (outleft >= 3) {
					memcpy(op, "\xEF\xBF\xBD", 3);
					op += 3;
					outleft -= 3;
				}
				bad_byte(d, d->rawoff + (size_t)(in - d->raw));
				/* Step over one code unit: a UTF-16 page stays in step. */
				k = d->unit < inleft ? d->unit : inleft;
				in += k;
				inleft -= k;
			}
			d->mid.len = (size_t)(op - d->mid.s);
			used = (size_t)(in - (d->raw + d->rawpos));
			d->rawpos += used;
			utf8_pass(d, d->mid.s, d->mid.len, 0, 1, &d->out);
			if (used == 0 && !d->eof && !decoder_fill(d))
				return 0;
		}
	}
	return 1;
}

/* The decoded page, LEN bytes at most at a time. */
int
decoder_read(void *ctx, char *buf, int len)
{
	struct decoder *d = ctx;
	size_t n;

	while (d->outpos == d->out.len)
		if (!decoder_more(d))
			return 0;
	n = d->out.len - d->outpos;
	if (n > (size_t)len)
		n = (size_t)len;
	memcpy(buf, d->out.s + d->outpos, n);
	d->outpos += n;
	return (int)n;
}

int
decoder_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/* ---- the encoding ---- */

/*
 * A charset label as iconv names it, after the WHATWG Encoding Standard
 * (https://encoding.spec.whatwg.org/#names-and-labels): ISO-8859-1 and
 * ASCII mean windows-1252, and a page cannot declare UTF-16 of itself.
 */
static const char *
charset_name(const char *label, size_t n, char *buf, size_t cap)
{
	static const char *const cp1252[] = {
		"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "ascii", "us-ascii", "cp1252",
		"windows-1252", "x-cp1252", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso88591",
		"ansi_x3.4-1968", NULL
	};
	size_t i, k = 0;

	while (n > 0 && (*label == ' ' || *label == '\t' || *label == '"' || *label == '\''))
		label++, n--;
	for (i = 0; i < n && k + 1 < cap; i++) {
		char c = label[i];

		if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == ';' || c == '>' || c == '/')
			break;
		buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	buf[k] = '\0';
	if (k == 0)
		return NULL;
	if (strcmp(buf, "utf-8") == 0 || strcmp(buf, "utf8") == 0 || strcmp(buf, "unicode-1-1-utf-8") == 0 ||
	    strncmp(buf, "utf-16", 6) == 0)
		return "UTF-8";
	for (i = 0; cp1252[i]; i++)
		if (strcmp(buf, cp1252[i]) == 0)
			return "WINDOWS-1252";
	for (i = 0; i < k; i++)
		if (buf[i] >= 'a' && buf[i] <= 'z')
			buf[i] = (char)(buf[i] - 'a' + 'A');
	return buf;
}

/* Is the start of the page valid UTF-8 with at least one multibyte character? */
static int
utf8_evidence(const char *s, size_t n)
{
	size_t k = n, i;
	int multi = 0;

	while (k > 0 && (unsigned char)s[k - 1] >= 0x80)	/* a character the chunk may cut */
		k--;
	for (i = 0; i < k && !multi; i++)
		multi = (unsigned char)s[i] >= 0x80;
	return multi && text_utf8_valid(s, k);
}


/* Choose the page's encoding: BOM, then the transport's, then <meta>, then UTF-8. */
void
decoder_choose(struct decoder *d, const char *transport)
{
	const unsigned char *u = (const unsigned char *)d->raw;
	size_t n = d->rawlen, len;
	const char *label = NULL, *name = NULL;
	int declared = 0;

	d->charset = "UTF-8";
	d->mislabel[0] = '\0';
	d->unit = 1;
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		d->rawpos = 3;
	} else if (n >= 2 && ((u[0] == 0xFE && u[1] == 0xFF) || (u[0] == 0xFF && u[1] == 0xFE))) {
		d->rawpos = 2;
		d->charset = u[0] == 0xFE ? "UTF-16BE" : "UTF-16LE";
	} else {
		if (transport && *transport) {
			label = transport;
			len = strlen(label);
		} else {
			len = html_sniff_charset(d->raw, n, &label);
			declared = 1;
		}
		if (label && (name = charset_name(label, len, d->charsetbuf, sizeof(d->charsetbuf))) != NULL)
			d->charset = name;
		/*
		 * A page that declares a legacy charset but whose bytes are UTF-8
		 * (a template never updated, a CMS that re-encoded the page) is
		 * read as UTF-8: decoded as declared, all its Bengali would be
		 * mojibake.  Only the page's own declaration is overruled so.
		 */
		if (declared && strcmp(d->charset, "UTF-8") != 0 && utf8_evidence(d->raw, n)) {
			snprintf(d->mislabel, sizeof(d->mislabel), "%s", d->charset);
			d->charset = "UTF-8";
		}
	}
	if (d->rawpos > 0)
		map_point(d, d->rawpos);
	if (strcmp(d->charset, "UTF-8") == 0)
		return;
	d->cd = iconv_open("UTF-8", d->charset);
	if (d->cd == (iconv_t)-1) {
		free(d->badcharset);
		d->badcharset = estrdup(d->charset);
		d->charset = "UTF-8";
		return;
	}
	d->utf8 = 0;
	d->exact = 0;
	if (strncmp(d->charset, "UTF-16", 6) == 0)
		d->unit = 2;
}

void
decoder_warnings(const struct decoder *d, struct record *rec)
{
	struct buf b = {0};
	size_t i;

	if (d->mislabel[0])
		record_warning(rec, "the page declares the charset '%s', but its bytes are UTF-8; read as UTF-8",
		    d->mislabel);
	if (d->badcharset)
		record_warning(rec, "the page declares the charset '%.40s', which iconv does not know; read as UTF-8",
		    d->badcharset);
	if (d->nbad > 0) {
		for (i = 0; i < d->nbad && i < DECODER_OFFSETS; i++)
			buf_printf(&b, "%s%zu", i ? ", " : "", d->bad[i]);
		record_warning(rec, "%zu byte%s not %s replaced with U+FFFD (at byte %s%s)", d->nbad,
		    d->nbad == 1 ? "" : "s", d->charset, b.s, d->nbad > DECODER_OFFSETS ? ", ..." : "");
	}
	if (d->nnul > 0)
		record_warning(rec, "%zu NUL byte%s replaced with U+FFFD", d->nnul, d->nnul == 1 ? "" : "s");
	if (d->ncontrol > 0)
		record_warning(rec, "%zu control character%s removed", d->ncontrol, d->ncontrol == 1 ? "" : "s");
	buf_free(&b);
}

