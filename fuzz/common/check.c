/* check.c: independent oracles for the fuzz harnesses (see check.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "check.h"
#include "record.h"

void
check_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("fuzz check failed: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	abort();
}

/* Length of the valid UTF-8 sequence at p (RFC 3629, section 4), or 0. */
static size_t
seq(const unsigned char *p, size_t n)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xBF;
	size_t len, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4;
	else
		return 0;
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (p[i] < 0x80 || p[i] > 0xBF)
			return 0;
	return len;
}

int
check_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		if ((k = seq(p + i, n - i)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

struct jv {
	const unsigned char *p, *end;
	const char *why;
	int maxdepth;
};

static int
bad(struct jv *j, const char *why)
{
	if (j->why == NULL)
		j->why = why;
	return -1;
}

static void
skipws(struct jv *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static long
u4(struct jv *j)
{
	long v = 0;
	int i, h;

	if (j->end - j->p < 4)
		return bad(j, "short \\u escape");
	for (i = 0; i < 4; i++) {
		if ((h = hexval(j->p[i])) < 0)
			return bad(j, "bad hex digit in \\u escape");
		v = v * 16 + h;
	}
	j->p += 4;
	return v;
}

static void
put_utf8(struct buf *out, long cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_add(out, b, n);
}

/* A string literal; j->p at the opening quote.  Decoded into out if not NULL. */
static int
jstring(struct jv *j, struct buf *out)
{
	j->p++;
	for (;;) {
		size_t k;

		if (j->p >= j->end)
			return bad(j, "unterminated string");
		if (*j->p == '"') {
			j->p++;
			return 0;
		}
		if (*j->p < 0x20)
			return bad(j, "raw control character in string");
		if (*j->p != '\\') {
			if ((k = seq(j->p, (size_t)(j->end - j->p))) == 0)
				return bad(j, "invalid UTF-8 in string");
			if (out)
				buf_add(out, (const char *)j->p, k);
			j->p += k;
			continue;
		}
		if (++j->p >= j->end)
			return bad(j, "string ends in a backslash");
		switch (*j->p++) {
		case '"': if (out) buf_addc(out, '"'); break;
		case '\\': if (out) buf_addc(out, '\\'); break;
		case '/': if (out) buf_addc(out, '/'); break;
		case 'b': if (out) buf_addc(out, '\b'); break;
		case 'f': if (out) buf_addc(out, '\f'); break;
		case 'n': if (out) buf_addc(out, '\n'); break;
		case 'r': if (out) buf_addc(out, '\r'); break;
		case 't': if (out) buf_addc(out, '\t'); break;
		case 'u': {
			long v = u4(j), lo;

			if (v < 0)
				return -1;
			if (v >= 0xDC00 && v <= 0xDFFF)
				return bad(j, "lone low surrogate escape");
			if (v >= 0xD800 && v <= 0xDBFF) {
				if (j->end - j->p < 2 || j->p[0] != '\\' || j->p[1] != 'u')
					return bad(j, "lone high surrogate escape");
				j->p += 2;
				if ((lo = u4(j)) < 0)
					return -1;
				if (lo < 0xDC00 || lo > 0xDFFF)
					return bad(j, "high surrogate escape without a low one");
				v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
			}
			if (out)
				put_utf8(out, v);
			break;
		}
		default:
			return bad(j, "unknown escape");
		}
	}
}

static int
digits(struct jv *j)
{
	const unsigned char *s = j->p;

	while (j->p < j->end && *j->p >= '0' && *j->p <= '9')
		j->p++;
	return j->p > s ? 0 : bad(j, "digit expected");
}

static int
jnumber(struct jv *j)
{
	if (j->p < j->end && *j->p == '-')
		j->p++;
	if (j->p < j->end && *j->p == '0')
		j->p++;
	else if (digits(j) < 0)
		return -1;
	if (j->p < j->end && *j->p == '.') {
		j->p++;
		if (digits(j) < 0)
			return -1;
	}
	if (j->p < j->end && (*j->p == 'e' || *j->p == 'E')) {
		j->p++;
		if (j->p < j->end && (*j->p == '+' || *j->p == '-'))
			j->p++;
		if (digits(j) < 0)
			return -1;
	}
	return 0;
}

static int
lit(struct jv *j, const char *w)
{
	while (*w) {
		if (j->p >= j->end || *j->p != (unsigned char)*w)
			return bad(j, "bad literal");
		j->p++;
		w++;
	}
	return 0;
}

static int
jvalue(struct jv *j, int depth)
{
	skipws(j);
	if (j->p >= j->end)
		return bad(j, "value expected");
	switch (*j->p) {
	case '"':
		return jstring(j, NULL);
	case 't':
		return lit(j, "true");
	case 'f':
		return lit(j, "false");
	case 'n':
		return lit(j, "null");
	case '[':
	case '{': {
		unsigned char close = *j->p == '[' ? ']' : '}';

		if (depth >= j->maxdepth)
			return bad(j, "nested too deep");
		j->p++;
		skipws(j);
		if (j->p < j->end && *j->p == close) {
			j->p++;
			return 0;
		}
		for (;;) {
			if (close == '}') {
				skipws(j);
				if (j->p >= j->end || *j->p != '"')
					return bad(j, "member name expected");
				if (jstring(j, NULL) < 0)
					return -1;
				skipws(j);
				if (j->p >= j->end || *j->p != ':')
					return bad(j, "colon expected");
				j->p++;
			}
			if (jvalue(j, depth + 1) < 0)
				return -1;
			skipws(j);
			if (j->p < j->end && *j->p == ',') {
				j->p++;
				continue;
			}
			if (j->p < j->end && *j->p == close) {
				j->p++;
				return 0;
			}
			return bad(j, "comma or close expected");
		}
	}
	default:
		if (*j->p == '-' || (*j->p >= '0' && *j->p <= '9'))
			return jnumber(j);
		return bad(j, "value expected");
	}
}

int
check_json(const char *s, size_t n, int object, int maxdepth, const char **why)
{
	struct jv j = { (const unsigned char *)s, (const unsigned char *)s + n, NULL, maxdepth };

	skipws(&j);
	if (object && (j.p >= j.end || *j.p != '{'))
		bad(&j, "object expected");
	else if (jvalue(&j, 0) == 0) {
		skipws(&j);
		if (j.p != j.end)
			bad(&j, "text after the value");
	}
	if (why)
		*why = j.why;
	return j.why == NULL;
}

size_t
check_json_string(const char *s, size_t n, struct buf *out)
{
	struct jv j = { (const unsigned char *)s, (const unsigned char *)s + n, NULL, 1 };

	if (n == 0 || s[0] != '"' || jstring(&j, out) < 0)
		return 0;
	return (size_t)(j.p - (const unsigned char *)s);
}

void
check_roundtrip(const struct record *rec, const char *who)
{
	char *w = NULL;
	size_t wn = 0, i, blen = rec->body.len;
	FILE *out = open_memstream(&w, &wn), *in;
	struct reader rd;
	struct record back = {0};

	CHECK(out != NULL, "open_memstream failed");
	CHECK(record_write(out, rec) == 0, "%s: record_write failed", who);
	fclose(out);
	CHECK((in = fmemopen(w, wn, "rb")) != NULL, "fmemopen failed");
	reader_init(&rd, in, "roundtrip");
	CHECK(record_read(&rd, &back) == 1, "%s wrote a record that does not read back", who);
	CHECK(back.nerrors == 0, "%s wrote a damaged record", who);
	CHECK(back.nf == rec->nf, "%s: %zu headers read back as %zu", who, rec->nf, back.nf);
	for (i = 0; i < rec->nf; i++) {
		int ctl = 0;

		for (const char *p = rec->f[i].value; *p; p++)
			ctl |= (unsigned char)*p < 0x20 || *p == 0x7f;
		CHECK(strcmp(rec->f[i].name, back.f[i].name) == 0, "%s: header name %s changed", who,
		    rec->f[i].name);
		/* The writer turns control characters in a value into spaces. */
		CHECK(ctl || strcmp(rec->f[i].value, back.f[i].value) == 0, "%s: header %s changed", who,
		    rec->f[i].name);
	}
	/* The writer turns a NUL in the body into U+FFFD, and ends the body with a newline. */
	if (blen > 0 && memchr(rec->body.s, '\0', blen) == NULL) {
		CHECK(back.body.len == blen + (rec->body.s[blen - 1] != '\n'), "%s: body length changed", who);
		CHECK(memcmp(back.body.s, rec->body.s, blen) == 0, "%s: body changed", who);
	}
	CHECK(record_read(&rd, &back) == 0, "%s: one record read back as more", who);
	record_free(&back);
	reader_free(&rd);
	fclose(in);
	free(w);
}
