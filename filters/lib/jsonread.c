/* jsonread.c: a strict reader for one JSON object per line (RFC 8259). */
#include <stdlib.h>
#include <string.h>

#include "jsonread.h"
#include "text.h"

/* Objects nested deeper than this are refused: a line is data, not a stack test. */
#define JSON_MAX_DEPTH 64

struct jp {
	const char *s, *end, *p;
	const char *err;
	size_t nuls;
};

static void
ws(struct jp *j)
{
	while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
		j->p++;
}

static int
fail(struct jp *j, const char *msg)
{
	if (j->err == NULL)
		j->err = msg;
	return -1;
}

static int
hex4(struct jp *j, unsigned *v)
{
	int i;

	*v = 0;
	if (j->end - j->p < 4)
		return fail(j, "a \\u escape needs four hex digits");
	for (i = 0; i < 4; i++) {
		char c = j->p[i];

		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*v |= (unsigned)(c - 'A' + 10);
		else
			return fail(j, "a \\u escape needs four hex digits");
	}
	j->p += 4;
	return 0;
}

/* A string, decoded into out (if not NULL).  j->p is at the opening quote. */
static int
string(struct jp *j, struct buf *out)
{
	j->p++;
	for (;;) {
		const char *q = j->p;
		int32_t cp;

		while (q < j->end && *q != '"' && *q != '\\' && (unsigned char)*q >= 0x20 &&
		    (unsigned char)*q < 0x80)
			q++;
		if (out)
			buf_add(out, j->p, (size_t)(q - j->p));
		j->p = q;
		if (j->p >= j->end)
			return fail(j, "a string is not closed");
		if (*j->p == '"') {
			j->p++;
			return 0;
		}
		if ((unsigned char)*j->p < 0x20)
			return fail(j, "a control character inside a string must be escaped");
		if ((unsigned char)*j->p >= 0x80) {
			int k = text_decode((const unsigned char *)j->p, (size_t)(j->end - j->p), &cp);

			if (k < 0)
				return fail(j, "invalid UTF-8 in a string");
			if (out)
				buf_add(out, j->p, (size_t)k);
			j->p += k;
			continue;
		}
		/* A backslash escape. */
		if (++j->p >= j->end)
			return fail(j, "a string ends in a backslash");
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
			unsigned v, lo;

			if (hex4(j, &v) < 0)
				return -1;
			if (v >= 0xD800 && v <= 0xDBFF) {
				if (j->end - j->p < 6 || j->p[0] != '\\' || j->p[1] != 'u')
					return fail(j, "a high surrogate escape without its low half");
				j->p += 2;
				if (hex4(j, &lo) < 0)
					return -1;
				if (lo < 0xDC00 || lo > 0xDFFF)
					return fail(j, "a high surrogate escape without its low half");
				v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
			} else if (v >= 0xDC00 && v <= 0xDFFF) {
				return fail(j, "a low surrogate escape on its own");
			}
			/* A C string cannot hold NUL: it becomes U+FFFD, and is counted. */
			if (v == 0) {
				v = 0xFFFD;
				j->nuls++;
			}
			if (out)
				text_encode(out, (int32_t)v);
			break;
		}
		default:
			return fail(j, "an unknown escape in a string");
		}
	}
}

static int
number(struct jp *j)
{
	const char *p = j->p;

	if (p < j->end && *p == '-')
		p++;
	if (p >= j->end || *p < '0' || *p > '9')
		return fail(j, "a value was expected");
	if (*p == '0')
		p++;
	else
		while (p < j->end && *p >= '0' && *p <= '9')
			p++;
	if (p < j->end && *p == '.') {
		p++;
		if (p >= j->end || *p < '0' || *p > '9')
			return fail(j, "digits must follow a decimal point");
		while (p < j->end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < j->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < j->end && (*p == '+' || *p == '-'))
			p++;
		if (p >= j->end || *p < '0' || *p > '9')
			return fail(j, "digits must follow an exponent");
		while (p < j->end && *p >= '0' && *p <= '9')
			p++;
	}
	j->p = p;
	return 0;
}

static int
word(struct jp *j, const char *w)
{
	size_t n = strlen(w);

	if ((size_t)(j->end - j->p) < n || memcmp(j->p, w, n) != 0)
		return fail(j, "a value was expected");
	j->p += n;
	return 0;
}

/* Skip (validate) any value. */
static int
skip(struct jp *j, int depth)
{
	if (depth > JSON_MAX_DEPTH)
		return fail(j, "nested too deep");
	ws(j);
	if (j->p >= j->end)
		return fail(j, "a value was expected");
	switch (*j->p) {
	case '"':
		return string(j, NULL);
	case 't':
		return word(j, "true");
	case 'f':
		return word(j, "false");
	case 'n':
		return word(j, "null");
	case '[':
	case '{': {
		char close = *j->p == '[' ? ']' : '}';
		int obj = close == '}', first = 1;

		j->p++;
		for (;;) {
			ws(j);
			if (j->p < j->end && *j->p == close && first) {
				j->p++;
				return 0;
			}
			if (obj) {
				if (j->p >= j->end || *j->p != '"')
					return fail(j, "a member name (a string) was expected");
				if (string(j, NULL) < 0)
					return -1;
				ws(j);
				if (j->p >= j->end || *j->p != ':')
					return fail(j, "a colon was expected after a member name");
				j->p++;
			}
			if (skip(j, depth + 1) < 0)
				return -1;
			ws(j);
			first = 0;
			if (j->p < j->end && *j->p == ',') {
				j->p++;
				continue;
			}
			if (j->p < j->end && *j->p == close) {
				j->p++;
				return 0;
			}
			return fail(j, obj ? "a comma or } was expected" : "a comma or ] was expected");
		}
	}
	default:
		return number(j);
	}
}

static void
add_item(struct jmember *m, const char *s, size_t n)
{
	m->item = erealloc(m->item, (m->nitem + 1) * sizeof(*m->item));
	m->item[m->nitem++] = estrndup(s, n);
}

/* A scalar into m as one item; 1 if it was a scalar, 0 if not (nothing consumed). */
static int
scalar(struct jp *j, struct jmember *m, enum jtype *t)
{
	struct buf b = {0};
	const char *start = j->p;

	switch (*j->p) {
	case '"':
		if (string(j, &b) < 0) {
			buf_free(&b);
			return -1;
		}
		add_item(m, b.s ? b.s : "", b.len);
		buf_free(&b);
		*t = J_STRING;
		return 1;
	case '[':
	case '{':
		return 0;
	case 'n':
		if (word(j, "null") < 0)
			return -1;
		add_item(m, "", 0);
		*t = J_NULL;
		return 1;
	case 't':
	case 'f':
		if (word(j, *j->p == 't' ? "true" : "false") < 0)
			return -1;
		*t = J_BOOL;
		break;
	default:
		if (number(j) < 0)
			return -1;
		*t = J_NUMBER;
		break;
	}
	add_item(m, start, (size_t)(j->p - start));
	return 1;
}

static int
value(struct jp *j, struct jmember *m)
{
	const char *start;
	int rc;

	ws(j);
	if (j->p >= j->end)
		return fail(j, "a value was expected");
	if ((rc = scalar(j, m, &m->type)) != 0)
		return rc < 0 ? -1 : 0;
	start = j->p;
	if (*j->p == '[') {
		/* An array of scalars becomes a list; anything deeper is kept as JSON text. */
		const char *save = j->p;
		enum jtype t;

		m->type = J_ARRAY;
		j->p++;
		ws(j);
		if (j->p < j->end && *j->p == ']') {
			j->p++;
			return 0;
		}
		for (;;) {
			ws(j);
			if (j->p >= j->end)
				return fail(j, "an array is not closed");
			if ((rc = scalar(j, m, &t)) < 0)
				return -1;
			if (rc == 0)
				break;
			ws(j);
			if (j->p < j->end && *j->p == ',') {
				j->p++;
				continue;
			}
			if (j->p < j->end && *j->p == ']') {
				j->p++;
				return 0;
			}
			return fail(j, "a comma or ] was expected");
		}
		while (m->nitem > 0)
			free(m->item[--m->nitem]);
		j->p = save;
	}
	m->type = *start == '[' ? J_ARRAY : J_OBJECT;
	if (skip(j, 1) < 0)
		return -1;
	add_item(m, start, (size_t)(j->p - start));
	return 0;
}

int
json_read_object(const char *s, size_t n, struct jobject *obj, const char **err, size_t *pos)
{
	struct jp j = { s, s + n, s, NULL, 0 };
	int first = 1;

	jobject_clear(obj);
	ws(&j);
	if (j.p >= j.end || *j.p != '{') {
		fail(&j, "a JSON object ({...}) was expected");
		goto bad;
	}
	j.p++;
	for (;;) {
		struct buf key = {0};
		struct jmember *m;

		ws(&j);
		if (first && j.p < j.end && *j.p == '}') {
			j.p++;
			break;
		}
		if (j.p >= j.end || *j.p != '"') {
			fail(&j, "a member name (a string) was expected");
			goto bad;
		}
		if (string(&j, &key) < 0) {
			buf_free(&key);
			goto bad;
		}
		ws(&j);
		if (j.p >= j.end || *j.p != ':') {
			buf_free(&key);
			fail(&j, "a colon was expected after a member name");
			goto bad;
		}
		j.p++;
		if (obj->n == obj->cap) {
			obj->cap = obj->cap ? obj->cap * 2 : 8;
			obj->m = erealloc(obj->m, obj->cap * sizeof(*obj->m));
		}
		m = &obj->m[obj->n++];
		memset(m, 0, sizeof(*m));
		m->key = key.s ? key.s : estrdup("");
		if (value(&j, m) < 0)
			goto bad;
		ws(&j);
		first = 0;
		if (j.p < j.end && *j.p == ',') {
			j.p++;
			continue;
		}
		if (j.p < j.end && *j.p == '}') {
			j.p++;
			break;
		}
		fail(&j, "a comma or } was expected");
		goto bad;
	}
	ws(&j);
	if (j.p != j.end) {
		fail(&j, "text after the end of the object");
		goto bad;
	}
	obj->nuls = j.nuls;
	return 0;
bad:
	*err = j.err;
	*pos = (size_t)(j.p - s);
	return -1;
}

void
jobject_clear(struct jobject *obj)
{
	size_t i, k;

	for (i = 0; i < obj->n; i++) {
		for (k = 0; k < obj->m[i].nitem; k++)
			free(obj->m[i].item[k]);
		free(obj->m[i].item);
		free(obj->m[i].key);
	}
	obj->n = 0;
}

const struct jmember *
jobject_get(const struct jobject *obj, const char *key)
{
	size_t i;

	for (i = 0; i < obj->n; i++)
		if (strcmp(obj->m[i].key, key) == 0)
			return &obj->m[i];
	return NULL;
}
