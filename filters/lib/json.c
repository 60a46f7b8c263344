/* json.c: JSON string literals (RFC 8259, section 7). */
#include <string.h>

#include "json.h"
#include "text.h"

static void
uescape(struct buf *out, unsigned v)
{
	static const char hex[] = "0123456789abcdef";
	char e[6] = { '\\', 'u', hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15], hex[v & 15] };

	buf_add(out, e, 6);
}

size_t
json_string(struct buf *out, const char *s, size_t n, int ascii)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n, *run;
	size_t bad = 0;

	buf_grow(out, n + 2);
	buf_addc(out, '"');
	run = p;
	while (p < end) {
		unsigned char c = *p;
		int32_t cp;
		int k;

		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			p++;
			continue;
		}
		/* U+0800..U+0FFF (Bengali among them): valid, and never escaped but with --ascii. */
		if (!ascii && c == 0xE0 && end - p >= 3 && (p[1] & 0xE0) == 0xA0 && (p[2] & 0xC0) == 0x80) {
			p += 3;
			continue;
		}
		if (c >= 0x80) {
			k = text_decode(p, (size_t)(end - p), &cp);
			/* U+2028 and U+2029 are escaped so that the line is safe JavaScript too. */
			if (k > 0 && !ascii && cp != 0x2028 && cp != 0x2029) {
				p += k;
				continue;
			}
		}
		buf_add(out, (const char *)run, (size_t)(p - run));
		switch (c) {
		case '"': buf_add(out, "\\\"", 2); p++; break;
		case '\\': buf_add(out, "\\\\", 2); p++; break;
		case '\n': buf_add(out, "\\n", 2); p++; break;
		case '\t': buf_add(out, "\\t", 2); p++; break;
		case '\r': buf_add(out, "\\r", 2); p++; break;
		case '\b': buf_add(out, "\\b", 2); p++; break;
		case '\f': buf_add(out, "\\f", 2); p++; break;
		default:
			if (c < 0x80) {
				uescape(out, c);
				p++;
				break;
			}
			k = text_decode(p, (size_t)(end - p), &cp);
			if (k < 0) {
				bad++;
				cp = 0xFFFD;
				p++;
				while (p < end && (*p & 0xC0) == 0x80 && bad)
					p++;
			} else {
				p += k;
			}
			if (ascii || cp == 0x2028 || cp == 0x2029) {
				if (cp >= 0x10000) {
					uescape(out, 0xD800 + (((unsigned)cp - 0x10000) >> 10));
					uescape(out, 0xDC00 + (((unsigned)cp - 0x10000) & 0x3FF));
				} else {
					uescape(out, (unsigned)cp);
				}
			} else {
				text_encode(out, cp);
			}
			break;
		}
		run = p;
	}
	buf_add(out, (const char *)run, (size_t)(p - run));
	buf_addc(out, '"');
	return bad;
}
