/*
 * shape.c: a line's shape, the key under which a site's chrome recurs.
 *
 * The normalization follows CCNet's line deduplication (Wenzek et al.,
 * "CCNet: Extracting High Quality Monolingual Datasets from Web Crawl
 * Data", LREC 2020, section 3.3: lower-case, digits to 0, punctuation
 * removed, then a 64-bit hash), with two changes for news chrome: a run of
 * digits is one 0, so clock lines of one and two-digit hours recur as one
 * shape, and Bengali digits fold with ASCII ones.
 */
#include <utf8proc.h>

#include "hash.h"
#include "shape.h"
#include "text.h"

static int
is_digit(int32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0x09E6 && cp <= 0x09EF);
}

static int
is_word(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return 1;
	default:
		return 0;
	}
}

size_t
shape_line(const char *s, size_t n, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	int last = ' ';		/* ' ': separator or start; '0': digit run; 'a': word */
	int32_t cp;
	int k;

	buf_reset(out);
	buf_add(out, "", 0);	/* so out->s is a string even for an empty shape */
	while (i < n) {
		k = text_decode(p + i, n - i, &cp);
		if (k <= 0) {
			cp = -1;
			k = 1;
		}
		i += (size_t)k;
		if (cp >= 0 && is_digit(cp)) {
			if (last != '0')
				buf_addc(out, '0');
			last = '0';
		} else if (cp >= 0 && is_word(cp)) {
			text_encode(out, cp < 0x80 ? utf8proc_tolower(cp) : cp);
			last = 'a';
		} else if (last != ' ') {
			buf_addc(out, ' ');
			last = ' ';
		}
	}
	if (out->len && out->s[out->len - 1] == ' ')
		out->s[--out->len] = '\0';
	return out->len;
}

uint64_t
shape_key(const char *shape, size_t n)
{
	uint64_t h = hash_fnv1a(shape, n);

	return h ? h : 1;
}
