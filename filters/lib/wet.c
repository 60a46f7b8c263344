/* wet.c: what Common Crawl's WET extractor puts in a page's text (see wet.h). */
#include <string.h>

#include "wet.h"

/* How far below the first line the headline is looked for. */
enum { WET_LOOK = 60 };

static const char *const sep[] = { " | ", " - ", " – ", " — ", " :: ", " || ", NULL };

/* Is S[0..N) one of the lines of TEXT[0..TN)? */
static int
has_line(const char *text, size_t tn, const char *s, size_t n, int look)
{
	const char *p = text, *end = text + tn, *nl;

	if (n == 0)
		return 0;
	for (; p < end && look > 0; p = nl + 1, look--) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((size_t)(nl - p) == n && memcmp(p, s, n) == 0)
			return 1;
	}
	return 0;
}

/* Memmem for S[0..N) in L[0..LN): the first or the last occurrence. */
static const char *
find(const char *l, size_t ln, const char *s, int last)
{
	size_t n = strlen(s), i;
	const char *hit = NULL;

	for (i = 0; i + n <= ln; i++)
		if (memcmp(l + i, s, n) == 0) {
			hit = l + i;
			if (!last)
				break;
		}
	return hit;
}

int
wet_title(struct buf *body, struct buf *title)
{
	const char *l = body->s, *rest, *h;
	size_t ln, rn;
	int i, found = 0;

	if (body->len == 0)
		return 0;
	if ((rest = memchr(l, '\n', body->len)) == NULL)
		return 0;	/* one line: the page, not a title over it */
	ln = (size_t)(rest - l);
	rest++;
	rn = body->len - (size_t)(rest - body->s);
	found = has_line(rest, rn, l, ln, WET_LOOK);
	for (i = 0; sep[i] && !found; i++) {
		/* "HEADLINE | Outlet": the part before the last separator ... */
		if ((h = find(l, ln, sep[i], 1)) != NULL)
			found = has_line(rest, rn, l, (size_t)(h - l), WET_LOOK);
		/* ... or "Outlet | HEADLINE": the part after the first. */
		if (!found && (h = find(l, ln, sep[i], 0)) != NULL) {
			size_t k = (size_t)(h - l) + strlen(sep[i]);

			found = has_line(rest, rn, l + k, ln - k, WET_LOOK);
		}
	}
	if (!found)
		return 0;
	buf_reset(title);
	buf_add(title, l, ln);
	/* Blank lines after the title go with it. */
	while (rn > 0 && *rest == '\n') {
		rest++;
		rn--;
	}
	memmove(body->s, rest, rn);
	body->len = rn;
	body->s[rn] = '\0';
	return 1;
}
