/*
 * htmlsniff.c: what the first bytes of a page say before it is parsed (see
 * htmlsniff.h): whether it is HTML at all or binary data, the charset its
 * <meta> declares, the lang of its <html> tag.
 */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "htmlsniff.h"

#define SNIFF 8192		/* bytes searched for <meta charset> */

static int
ci_prefix(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);

	return n >= k && strncasecmp(s, lit, k) == 0;
}


static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* An attribute of a tag, as offsets into the page. */
struct attr {
	size_t name, namelen, val, vallen;
};

/*
 * The next attribute of the tag whose attributes go on at S[*IP], read as
 * the HTML standard's prescan gets an attribute
 * (https://html.spec.whatwg.org/multipage/parsing.html#concept-get-attributes-when-sniffing):
 * blanks and '/' between, blanks around '=', a value quoted or not; *IP
 * goes past it.  0 at the tag's '>' or at the end.
 */
static int
next_attr(const char *s, size_t n, size_t *ip, struct attr *a)
{
	size_t i = *ip;

	for (;;) {
		while (i < n && (is_blank(s[i]) || s[i] == '/'))
			i++;
		if (i >= n || s[i] == '>') {
			*ip = i;
			return 0;
		}
		a->name = i;
		while (i < n && s[i] != '=' && s[i] != '>' && !is_blank(s[i]) && s[i] != '/')
			i++;
		a->namelen = i - a->name;
		a->val = a->vallen = 0;
		while (i < n && is_blank(s[i]))
			i++;
		if (i < n && s[i] == '=') {
			i++;
			while (i < n && is_blank(s[i]))
				i++;
			if (i < n && (s[i] == '"' || s[i] == '\'')) {
				char q = s[i++];

				a->val = i;
				while (i < n && s[i] != q)
					i++;
				a->vallen = i - a->val;
				if (i < n)
					i++;
			} else {
				a->val = i;
				while (i < n && s[i] != '>' && !is_blank(s[i]))
					i++;
				a->vallen = i - a->val;
			}
		}
		if (a->namelen > 0) {
			*ip = i;
			return 1;
		}
		if (i < n && s[i] != '>')
			i++;	/* a stray '=' */
	}
}

/* Is A named NAME (ASCII, any case)? */
static int
attr_is(const char *s, const struct attr *a, const char *name)
{
	return a->namelen == strlen(name) && strncasecmp(s + a->name, name, a->namelen) == 0;
}


/*
 * The charset a <meta> near the top declares (charset=, or http-equiv
 * Content-Type with "charset=" in content), in the spirit of the HTML
 * standard's prescan (https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding),
 * over the first SNIFF bytes.  Returns its length at *at, or 0.
 */
size_t
html_sniff_charset(const char *s, size_t n, const char **at)
{
	struct attr a;
	size_t i = 0;

	if (n > SNIFF)
		n = SNIFF;
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		const char *cs = NULL, *content = NULL;
		size_t cslen = 0, contentlen = 0;
		int equiv = 0;

		if (lt == NULL)
			break;
		i = (size_t)(lt - s);
		if (ci_prefix(s + i, n - i, "<!--")) {
			const char *end = memmem(s + i + 4, n - i - 4, "-->", 3);

			if (end == NULL)
				break;
			i = (size_t)(end - s) + 3;
			continue;
		}
		if (!ci_prefix(s + i, n - i, "<meta") || i + 5 >= n ||
		    !(s[i + 5] == ' ' || s[i + 5] == '\t' || s[i + 5] == '\n' || s[i + 5] == '\r' || s[i + 5] == '/')) {
			i++;
			continue;
		}
		i += 5;
		/* The attributes, up to '>'. */
		while (next_attr(s, n, &i, &a)) {
			if (attr_is(s, &a, "charset")) {
				cs = s + a.val;
				cslen = a.vallen;
			} else if (attr_is(s, &a, "http-equiv")) {
				equiv = a.vallen == 12 && strncasecmp(s + a.val, "content-type", 12) == 0;
			} else if (attr_is(s, &a, "content")) {
				content = s + a.val;
				contentlen = a.vallen;
			}
		}
		if (cs && cslen > 0) {
			*at = cs;
			return cslen;
		}
		if (equiv && content) {
			size_t k;

			for (k = 0; k + 8 <= contentlen; k++)
				if (strncasecmp(content + k, "charset=", 8) == 0) {
					*at = content + k + 8;
					return contentlen - k - 8;
				}
		}
	}
	return 0;
}

size_t
html_sniff_lang(const char *s, size_t n, char *out, size_t cap)
{
	struct attr a;
	size_t i = 0, k = 0;

	if (cap == 0)
		return 0;
	out[0] = '\0';
	if (n > 4 * SNIFF)
		n = 4 * SNIFF;
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);

		if (lt == NULL)
			return 0;
		i = (size_t)(lt - s);
		if (ci_prefix(s + i, n - i, "<!--")) {
			const char *end = memmem(s + i + 4, n - i - 4, "-->", 3);

			if (end == NULL)
				return 0;
			i = (size_t)(end - s) + 3;
			continue;
		}
		if (ci_prefix(s + i, n - i, "<html") && i + 5 < n && (is_blank(s[i + 5]) || s[i + 5] == '>'))
			break;
		/* Only a doctype, comments and processing instructions come before <html>. */
		if (!(i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')))
			return 0;
		i++;
	}
	i += 5;
	while (next_attr(s, n, &i, &a)) {
		if (attr_is(s, &a, "lang") || attr_is(s, &a, "xml:lang")) {
			size_t val = a.val, vallen = a.vallen;

			while (vallen > 0 && is_blank(s[val])) {
				val++;
				vallen--;
			}
			while (vallen > 0 && is_blank(s[val + vallen - 1]))
				vallen--;
			for (k = 0; k < vallen && k + 1 < cap; k++) {
				char c = s[val + k];

				out[k] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
			}
			out[k] = '\0';
			return k;
		}
	}
	return 0;
}

int
html_looks_like(const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && is_blank(s[i]))
		i++;
	if (ci_prefix(s + i, n - i, "<!doctype") && i + 9 < n && is_blank(s[i + 9])) {
		for (i += 9; i < n && is_blank(s[i]); i++)
			;
		return ci_prefix(s + i, n - i, "html") && i + 4 < n && (is_blank(s[i + 4]) || s[i + 4] == '>');
	}
	return ci_prefix(s + i, n - i, "<html") && i + 5 < n && (is_blank(s[i + 5]) || s[i + 5] == '>');
}

const char *
html_sniff_binary(const unsigned char *s, size_t n)
{
	size_t i, nul = 0, even = 0;

	if (n >= 2 && s[0] == 0x1f && s[1] == 0x8b)
		return "gzip data: decompress it first (gzip -dc)";
	if (n >= 4 && memcmp(s, "PK\3\4", 4) == 0)
		return "a zip archive";
	if (n >= 5 && memcmp(s, "%PDF-", 5) == 0)
		return "a PDF file";
	if (n >= 8 && memcmp(s, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "a PNG image";
	if (n >= 3 && s[0] == 0xff && s[1] == 0xd8 && s[2] == 0xff)
		return "a JPEG image";
	if (n >= 4 && memcmp(s, "GIF8", 4) == 0)
		return "a GIF image";
	if (n >= 4 && memcmp(s, "WARC", 4) == 0)
		return "a WARC file: read it with from-warc";
	if (n > 4096)
		n = 4096;
	for (i = 0; i < n; i++)
		if (s[i] == 0) {
			nul++;
			even += (i % 2 == 0);
		}
	if (n >= 16 && nul * 3 >= n && (even * 10 >= nul * 9 || even * 10 <= nul))
		return "UTF-16 without a byte order mark: convert it first (iconv -f UTF-16LE -t UTF-8)";
	if (n >= 16 && nul * 20 >= n)
		return "binary data";
	return NULL;
}

/*
 * The lang attribute of the page's <html> start tags, found as a browser's
 * tokenizer finds them, for the pages where libxml2 loses it:
 *
 * - a DOCTYPE whose quoted identifier is never closed: libxml2 reads on to
 *   the next quote, swallowing the <html> tag; the HTML standard ends the
 *   DOCTYPE at its first ">" (13.2.5.59 "DOCTYPE system identifier
 *   (double-quoted) state": "abrupt-doctype-system-identifier", and the same
 *   for the public identifier and single quotes);
 * - an <html> start tag after elements that already opened the root (a <meta>
 *   or <script> first): libxml2 drops it with its attributes; the standard
 *   adds each attribute the root does not have yet to the root (13.2.6.4.7
 *   "The 'in body' insertion mode", a start tag whose tag name is "html"; the
 *   "in head" mode processes it by the same rules), so the first lang wins.
 *
 * The scan knows comments, markup declarations (DOCTYPE, bogus comments) and
 * processing instructions (to the first ">"), start tags with quoted and
 * unquoted attribute values, and the elements whose text is not markup
 * (script, style and the like), as 13.2.5 "Tokenization" reads them; it looks
 * at the first stretch the decoder hands the parser (about 64 KB).  An <html>
 * tag inside <template> or <svg>, which the standard ignores, is not told apart.
 */
void
html_sniff_root_lang(const char *s, size_t n, char *lang, size_t size)
{
	static const char *const rawtext[] = {
		"script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title", NULL
	};
	const char *p = s, *end = s + n, *q;
	char name[16], an[16];
	size_t k, i;

	lang[0] = '\0';
	while (p < end && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		p++;
		if (end - p >= 3 && memcmp(p, "!--", 3) == 0) {
			/* A comment: to "-->" ("<!-->" and "<!--->" end at once). */
			p += 3;
			if (p < end && *p == '>')
				continue;
			if (end - p >= 2 && memcmp(p, "->", 2) == 0)
				continue;
			for (; p + 2 < end && memcmp(p, "-->", 3) != 0; p++)
				;
			continue;
		}
		if (p < end && (*p == '!' || *p == '?' || *p == '/')) {
			/* A DOCTYPE, a bogus comment, an end tag: to the first ">". */
			if ((q = memchr(p, '>', (size_t)(end - p))) == NULL)
				return;
			p = q + 1;
			continue;
		}
		if (p == end || !((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			continue;	/* "<" as text */
		for (k = 0; p < end && !is_blank(*p) && *p != '/' && *p != '>'; p++)
			if (k + 1 < sizeof(name))
				name[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		name[k] = '\0';
		/* The attributes, to the end of the tag. */
		while (p < end && *p != '>') {
			const char *v = NULL;
			size_t vlen = 0;

			if (is_blank(*p) || *p == '/') {
				p++;
				continue;
			}
			for (k = 0; p < end && !is_blank(*p) && *p != '/' && *p != '>' &&
			    (*p != '=' || k == 0); p++)
				if (k + 1 < sizeof(an))
					an[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
			an[k] = '\0';
			while (p < end && is_blank(*p))
				p++;
			if (p < end && *p == '=') {
				for (p++; p < end && is_blank(*p); p++)
					;
				if (p < end && (*p == '"' || *p == '\'')) {
					if ((q = memchr(p + 1, *p, (size_t)(end - p - 1))) == NULL)
						return;
					v = p + 1;
					vlen = (size_t)(q - v);
					p = q + 1;
				} else {
					for (v = p; p < end && !is_blank(*p) && *p != '>'; p++)
						;
					vlen = (size_t)(p - v);
				}
			}
			if (strcmp(name, "html") == 0 && lang[0] == '\0' && v != NULL && vlen > 0 &&
			    (strcmp(an, "lang") == 0 || strcmp(an, "xml:lang") == 0)) {
				if (vlen >= size)
					vlen = size - 1;
				memcpy(lang, v, vlen);
				lang[vlen] = '\0';
			}
		}
		if (p < end)
			p++;
		if (strcmp(name, "plaintext") == 0)
			return;
		/* Text that is not markup, to the element's end tag. */
		for (i = 0; rawtext[i]; i++)
			if (strcmp(name, rawtext[i]) == 0)
				break;
		if (rawtext[i] != NULL) {
			k = strlen(name);
			for (; p + 2 + k <= end; p++)
				if (p[0] == '<' && p[1] == '/' && strncasecmp(p + 2, name, k) == 0)
					break;
		}
	}
}
