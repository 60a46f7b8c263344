/*
 * chrome.c: count line shapes per site and zone in bounded memory, read
 * and write the table, and drop a page's chrome by it (see chrome.h and
 * count-chrome(1)).
 *
 * The idea is CCNet's line deduplication (Wenzek et al., LREC 2020,
 * section 3.3: a line's normalized hash, dropped when it recurs), made per
 * site and per zone as site-level template detection does it (Bar-Yossef
 * and Rajagopalan, WWW 2002: a template is what recurs across a site's
 * pages): a line is chrome when its shape recurs in the same zone, top or
 * bottom, on a share of the site's pages.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chrome.h"
#include "detect.h"
#include "hash.h"
#include "shape.h"
#include "util.h"

#define TABLE_MAGIC "#khobor-chrome 1"
#define EXAMPLE_MAX 80		/* bytes of an example line kept for humans */

/*
 * The table's zones: lines above the article, lines below it, and the
 * opening words of its first paragraph (its lead: the site's own credit
 * glued to the story, "<outlet> ::").  Lines of the article itself are
 * never counted, so the lead can use the article's number.
 */
#define ZONE_LEAD CHROME_ARTICLE
static const char *const zone_name[] = { "top", "bottom", "lead" };

/* One shape of one site in one zone.  key 0: an empty slot (shape_key never gives 0). */
struct entry {
	uint64_t key;
	uint32_t site;		/* index in t->site */
	uint32_t pages;		/* pages it was seen on (saturating) */
	uint32_t last;		/* the page it was last counted on (t->serial), or the table read */
	uint32_t line;		/* line of the table file it was read from, for --explain */
	uint32_t ex;		/* its example, at t->ex.s + ex */
	uint16_t exlen;
	uint8_t zone;
};

struct csite {
	char *name;
	unsigned long pages;
	unsigned long fpages;	/* pages of the file being read, to check its shape rows */
	unsigned fileno;	/* the file whose site row set fpages */
};

struct chrome {
	struct entry *slot;
	size_t cap, n, max;
	int full;		/* a sweep freed too little: new shapes are refused */
	unsigned long lost;
	struct csite *site;
	size_t nsites, capsites;
	struct hmap byname;
	struct buf ex;		/* example lines, back to back */
	uint32_t serial;	/* pages counted */
	unsigned fileno;	/* files read */
	char *file;		/* the last file read, for --explain */
	/* how the table is applied */
	double share;
	unsigned long min_pages;
	const struct hzoneset *reader;
	/* scratch reused page after page */
	struct buf shape;
	struct text_line *l;
	size_t capl;
	unsigned char *zone;
	struct mark { const struct entry *e; int how; } *mark;	/* chrome_apply's, per line */
	size_t capz;
};

struct chrome *
chrome_new(size_t max_shapes)
{
	struct chrome *t = ecalloc(1, sizeof(*t));

	t->max = max_shapes;
	t->share = 0.5;
	t->min_pages = 3;
	return t;
}

void
chrome_free(struct chrome *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nsites; i++)
		free(t->site[i].name);
	free(t->site);
	free(t->slot);
	hmap_free(&t->byname);
	buf_free(&t->ex);
	buf_free(&t->shape);
	free(t->file);
	free(t->l);
	free(t->zone);
	free(t->mark);
	free(t);
}

unsigned long
chrome_lost(const struct chrome *t)
{
	return t->lost;
}

void
chrome_use(struct chrome *t, double share, unsigned long min_pages, const struct hzoneset *reader)
{
	t->share = share;
	t->min_pages = min_pages;
	t->reader = reader;
}

/* ---- the site of a record ---- */

const char *
chrome_site(const struct record *rec, struct buf *scratch)
{
	const char *v;

	buf_reset(scratch);
	if ((v = record_get(rec, "url")) != NULL && detect_url_host(v, scratch) == 0 && scratch->len > 0)
		return scratch->s;
	if ((v = record_get(rec, "site")) != NULL && *v)
		return v;
	return "default";
}

/* Index of site NAME, added with no pages if ADD, else -1 when unknown. */
static long
site_index(struct chrome *t, const char *name, int add)
{
	void *v = hmap_get(&t->byname, name, strlen(name));
	struct csite *s;
	size_t i;

	if (v != NULL)
		return (long)((uintptr_t)v - 1);
	if (!add)
		return -1;
	if (t->nsites == t->capsites) {
		/* The map points at the names, not at the array: growing it is safe. */
		t->capsites = t->capsites ? 2 * t->capsites : 16;
		t->site = erealloc(t->site, t->capsites * sizeof(*t->site));
	}
	i = t->nsites++;
	s = &t->site[i];
	memset(s, 0, sizeof(*s));
	s->name = estrdup(name);
	hmap_put(&t->byname, s->name, strlen(s->name), (void *)(uintptr_t)(i + 1));
	return (long)i;
}

/* ---- zones ---- */

/*
 * How S[0..N) ends: 2 a full stop (the dari, or '.', not an ellipsis),
 * 1 a question or exclamation mark, 0 no sentence end; closing quotes
 * and brackets after it do not count.
 */
static int
sentence_end(const char *s, size_t n)
{
	static const char *const closers[] = { "’", "”", "\"", "'", ")", NULL };
	size_t i;

	for (;;) {
		for (i = 0; closers[i]; i++) {
			size_t k = strlen(closers[i]);

			if (n >= k && memcmp(s + n - k, closers[i], k) == 0) {
				n -= k;
				break;
			}
		}
		if (closers[i] == NULL)
			break;
	}
	if (n >= 3 && memcmp(s + n - 3, "।", 3) == 0)
		return 2;
	if (n >= 3 && memcmp(s + n - 3, "…", 3) == 0)
		return 0;	/* a cut-off teaser */
	if (n >= 2 && s[n - 1] == '.' && s[n - 2] == '.')
		return 0;
	if (n >= 1 && s[n - 1] == '.')
		return 2;
	return n >= 1 && (s[n - 1] == '?' || s[n - 1] == '!');
}

/*
 * Prose, not furniture: 2 for a full stop after four words, or twenty
 * words whatever the end; 1 for a question or an exclamation after four
 * words (a teaser headline may end so: it is article only between two
 * paragraphs); 0 for the rest.  Headlines and menus are shorter or end in
 * no sentence mark; a one-sentence paragraph has its dari.
 */
static int
paragraph(const char *s, size_t n)
{
	size_t i, words = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			in = 0;
		} else if (!in) {
			in = 1;
			words++;
		}
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (words >= 20)
		return 2;
	return words >= 4 ? sentence_end(s, n) : 0;
}

void
chrome_zones(const char *text, const struct text_line *l, size_t nl, unsigned char *zone)
{
	size_t i, first = nl, last = 0;
	int p;

	for (i = 0; i < nl; i++) {
		zone[i] = CHROME_NONE;
		if (l[i].gone || text_blank(text + l[i].off, l[i].len))
			continue;
		if ((p = paragraph(text + l[i].off, l[i].len)) > 0 && first == nl)
			first = i;
		if (p == 2)
			last = i;
	}
	if (first == nl)
		return;		/* no article found: no zone, nothing counted or dropped */
	if (last < first)
		last = first;
	for (i = 0; i < nl; i++) {
		if (l[i].gone || text_blank(text + l[i].off, l[i].len))
			continue;
		zone[i] = i < first ? CHROME_TOP : i > last ? CHROME_BOTTOM : CHROME_ARTICLE;
	}
}

/* Split TEXT into t->l and its zones into t->zone; returns the number of lines. */
static size_t
page_zones(struct chrome *t, const char *text, size_t n)
{
	size_t nl = text_lines(text, n, &t->l, &t->capl);

	if (nl > t->capz) {
		t->capz = nl;
		t->zone = erealloc(t->zone, t->capz);
		t->mark = erealloc(t->mark, t->capz * sizeof(*t->mark));
	}
	chrome_zones(text, t->l, nl, t->zone);
	return nl;
}

/* ---- the bounded hash table ---- */

static size_t
slot_of(const struct chrome *t, uint64_t key, uint32_t site, unsigned zone)
{
	uint64_t h = key ^ ((uint64_t)(site + 1) * 0x9E3779B97F4A7C15ULL) ^ ((uint64_t)zone * 0xC2B2AE3D27D4EB4FULL);

	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ULL;
	h ^= h >> 32;
	return (size_t)h & (t->cap - 1);
}

static struct entry *
find(const struct chrome *t, uint64_t key, uint32_t site, unsigned zone)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	for (i = slot_of(t, key, site, zone); t->slot[i].key; i = (i + 1) & (t->cap - 1))
		if (t->slot[i].key == key && t->slot[i].site == site && t->slot[i].zone == zone)
			return &t->slot[i];
	return NULL;
}

/* Put E in a table with room for it (E's key is not in it). */
static void
place(struct chrome *t, const struct entry *e)
{
	size_t i;

	for (i = slot_of(t, e->key, e->site, e->zone); t->slot[i].key; i = (i + 1) & (t->cap - 1))
		;
	t->slot[i] = *e;
	t->n++;
}

/*
 * Rebuild the table with CAP slots, keeping the entries seen on at least
 * KEEP pages (their examples copied into a fresh arena).
 */
static void
rebuild(struct chrome *t, size_t cap, uint32_t keep)
{
	struct entry *old = t->slot;
	size_t oldcap = t->cap, i;
	struct buf ex = {0};

	t->slot = ecalloc(cap, sizeof(*t->slot));
	t->cap = cap;
	t->n = 0;
	for (i = 0; i < oldcap; i++) {
		struct entry e = old[i];

		if (e.key == 0 || e.pages < keep)
			continue;
		buf_add(&ex, t->ex.s + e.ex, e.exlen);
		e.ex = (uint32_t)(ex.len - e.exlen);
		place(t, &e);
	}
	free(old);
	buf_free(&t->ex);
	t->ex = ex;
}

/*
 * Make room for one more entry: grow (to twice the bound at most), or at
 * the bound sweep out the shapes seen on one page.  0, or -1 when the
 * table is full and the shape is refused.
 */
static int
room(struct chrome *t)
{
	size_t want;

	if (t->max > 0 && t->n >= t->max) {
		if (t->full)
			return -1;
		rebuild(t, t->cap, 2);
		if (t->n > t->max - t->max / 4)
			t->full = 1;	/* sweeping again would free too little for its cost */
		if (t->n >= t->max)
			return -1;
	}
	if (2 * (t->n + 1) > t->cap) {
		want = t->cap ? 2 * t->cap : 1024;
		rebuild(t, want, 0);
	}
	return 0;
}

/* EX[0..N) as a table cell: no tab or control character, at most EXAMPLE_MAX bytes. */
static uint32_t
add_example(struct chrome *t, const char *s, size_t n, uint16_t *len)
{
	size_t start = t->ex.len, i;

	if (n > EXAMPLE_MAX)
		n = text_utf8_floor(s, EXAMPLE_MAX);
	for (i = 0; i < n; i++)
		buf_addc(&t->ex, (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? ' ' : s[i]);
	*len = (uint16_t)n;
	return (uint32_t)start;
}

/*
 * Count KEY of SITE in ZONE: PAGES more pages, on page SERIAL (when
 * counting pages), or from table SERIAL (when reading a table: the
 * number of the table with the high bit set).  The line of a new shape is its
 * example; LINENO the table line it came from.
 */
static struct entry *
add(struct chrome *t, uint64_t key, uint32_t site, unsigned zone, uint32_t pages, uint32_t serial,
    const char *ex, size_t exn, uint32_t lineno)
{
	struct entry *e = find(t, key, site, zone), ne;

	if (e != NULL) {
		if (serial != 0 && e->last == serial)
			return e;
		e->pages = e->pages > UINT32_MAX - pages ? UINT32_MAX : e->pages + pages;
		e->last = serial;
		return e;
	}
	if (room(t) < 0) {
		t->lost++;
		return NULL;
	}
	memset(&ne, 0, sizeof(ne));
	ne.key = key;
	ne.site = site;
	ne.zone = (uint8_t)zone;
	ne.pages = pages;
	ne.last = serial;
	ne.line = lineno;
	ne.ex = add_example(t, ex, exn, &ne.exlen);
	place(t, &ne);
	return find(t, key, site, zone);
}

/* The first line of the article (the first paragraph), or NL. */
static size_t
first_article_line(const struct chrome *t, size_t nl)
{
	size_t i;

	for (i = 0; i < nl; i++)
		if (t->zone[i] == CHROME_ARTICLE)
			break;
	return i;
}

/* ---- counting ---- */

void
chrome_count(struct chrome *t, const char *site, const char *body, size_t n)
{
	size_t nl, i;
	long si = site_index(t, site, 1);

	t->site[si].pages++;
	if (++t->serial >= 0x80000000u)
		t->serial = 1;	/* 0 is no page; the high bit marks a table read */
	nl = page_zones(t, body, n);
	for (i = 0; i < nl; i++) {
		const char *s = body + t->l[i].off;
		size_t len;

		if (t->zone[i] > CHROME_BOTTOM)
			continue;
		if ((len = shape_line(s, t->l[i].len, &t->shape)) == 0)
			continue;
		add(t, shape_key(t->shape.s, len), (uint32_t)si, t->zone[i], 1, t->serial, s, t->l[i].len, 0);
	}
	/* The lead: the first words of a credit glued to the first paragraph. */
	if ((i = first_article_line(t, nl)) < nl) {
		const char *s = body + t->l[i].off;
		size_t w, v, e;
		uint64_t key;

		if (chrome_lead(s, t->l[i].len, &w, &v, &e) && (key = chrome_lead_key(s, w, &t->shape)) != 0)
			add(t, key, (uint32_t)si, ZONE_LEAD, 1, t->serial, s, w, 0);
	}
}

/* ---- reading a table ---- */

/* Parse a whole decimal field; 0, or -1 if it is not one in 1..MAX. */
static int
number(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*out = strtoul(s, &end, 10);
	return *end || errno || *out > max ? -1 : 0;
}

static int
hexkey(const char *s, uint64_t *out)
{
	size_t i;
	uint64_t v = 0;

	for (i = 0; i < 16; i++) {
		int c = (unsigned char)s[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else
			return -1;
		v = v << 4 | (uint64_t)d;
	}
	if (s[16] != '\0' || v == 0)
		return -1;
	*out = v;
	return 0;
}

/* Cut LINE at tabs into at most MAX cells (the last takes the rest); returns how many. */
static size_t
cells(char *line, char **cell, size_t max)
{
	size_t n = 0;

	cell[n++] = line;
	while (n < max && (line = strchr(line, '\t')) != NULL) {
		*line++ = '\0';
		cell[n++] = line;
	}
	return n;
}

static int
bad(const char *file, unsigned long lineno, const char *fmt, const char *arg)
{
	struct buf b = {0};

	buf_printf(&b, fmt, arg);
	warnx("%s:%lu: %s", file, lineno, b.s);
	buf_free(&b);
	return -1;
}

/* One row of table FILE; 0, or -1 after a message. */
static int
read_row(struct chrome *t, char *line, const char *file, unsigned long lineno)
{
	char *c[7];
	size_t nc = cells(line, c, 7);
	unsigned long pages, spages;
	uint64_t key;
	long si;
	unsigned zone;
	uint32_t mark;
	struct entry *e;

	if (strcmp(c[0], "site") == 0) {
		if (nc != 3)
			return bad(file, lineno, "a site row has 3 cells (site, NAME, PAGES); this one has %s",
			    nc == 2 ? "2" : "more");
		if (*c[1] == '\0')
			return bad(file, lineno, "a site row needs a site name%s", "");
		if (number(c[2], ULONG_MAX / 2, &pages) < 0 || pages == 0)
			return bad(file, lineno, "the pages of site '%s' must be a number of at least 1", c[1]);
		si = site_index(t, c[1], 1);
		if (t->site[si].fileno == t->fileno)
			return bad(file, lineno, "site '%s' has a second site row in this table", c[1]);
		t->site[si].fileno = t->fileno;
		t->site[si].fpages = pages;
		t->site[si].pages += pages;
		return 0;
	}
	if (strcmp(c[0], "shape") != 0)
		return bad(file, lineno, "a row is 'site' or 'shape', not '%s'", c[0]);
	if (nc < 6)
		return bad(file, lineno, "a shape row has 7 cells (shape, SITE, ZONE, KEY, PAGES, SITE_PAGES, EXAMPLE);"
		    " this one has %s", nc == 5 ? "5" : nc == 4 ? "4" : nc == 3 ? "3" : "fewer");
	if ((si = site_index(t, c[1], 0)) < 0 || t->site[si].fileno != t->fileno)
		return bad(file, lineno, "site '%s' has no site row above this shape row", c[1]);
	if (strcmp(c[2], "top") == 0)
		zone = CHROME_TOP;
	else if (strcmp(c[2], "bottom") == 0)
		zone = CHROME_BOTTOM;
	else if (strcmp(c[2], "lead") == 0)
		zone = ZONE_LEAD;
	else
		return bad(file, lineno, "the zone is 'top', 'bottom' or 'lead', not '%s'", c[2]);
	if (hexkey(c[3], &key) < 0)
		return bad(file, lineno, "the shape key is 16 lower-case hex digits, not '%s'", c[3]);
	if (number(c[5], ULONG_MAX, &spages) < 0 || spages != t->site[si].fpages)
		return bad(file, lineno, "the site's pages must be those of its site row ('%s' differs)", c[5]);
	if (number(c[4], spages, &pages) < 0 || pages == 0 || pages > UINT32_MAX)
		return bad(file, lineno, "a shape's pages must be a number from 1 to its site's pages, not '%s'", c[4]);
	/* A shape's rows of one table are marked with the table's number, to find a second. */
	mark = 0x80000000u | (uint32_t)t->fileno;
	if ((e = find(t, key, (uint32_t)si, zone)) != NULL && e->last == mark)
		return bad(file, lineno, "shape %s has a second row for its site and zone in this table", c[3]);
	add(t, key, (uint32_t)si, zone, (uint32_t)pages, mark, nc > 6 ? c[6] : "", nc > 6 ? strlen(c[6]) : 0,
	    lineno > UINT32_MAX ? 0 : (uint32_t)lineno);
	return 0;
}

int
chrome_read(struct chrome *t, FILE *fp, const char *file)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned long lineno = 0;
	int rc = 0;

	t->fileno++;
	free(t->file);
	t->file = estrdup(file);
	while ((n = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (memchr(line, '\0', (size_t)n) != NULL) {
			rc = bad(file, lineno, "a NUL byte: this is no chrome table (a record stream?)%s", "");
			break;
		}
		if (lineno == 1) {
			if (strcmp(line, TABLE_MAGIC) != 0) {
				rc = bad(file, lineno, "not a chrome table: the first line must be '%s' "
				    "(count-chrome writes tables)", TABLE_MAGIC);
				break;
			}
			continue;
		}
		if (n == 0 || line[0] == '#')
			continue;
		if ((rc = read_row(t, line, file, lineno)) < 0)
			break;
	}
	if (rc == 0 && ferror(fp))
		rc = bad(file, lineno + 1, "read error: %s", strerror(errno));
	else if (rc == 0 && lineno == 0)
		rc = bad(file, 1, "empty: not a chrome table (the first line must be '%s')", TABLE_MAGIC);
	free(line);
	return rc;
}

/* ---- writing ---- */

static const struct chrome *sorting;	/* qsort has no context argument */

static int
by_site(const void *a, const void *b)
{
	return strcmp(sorting->site[*(const uint32_t *)a].name, sorting->site[*(const uint32_t *)b].name);
}

/* Site, zone, most pages first, then key: the same table whatever the order of the input. */
static int
by_row(const void *a, const void *b)
{
	const struct entry *x = *(const struct entry *const *)a, *y = *(const struct entry *const *)b;
	int c = x->site == y->site ? 0 : strcmp(sorting->site[x->site].name, sorting->site[y->site].name);

	if (c)
		return c;
	if (x->zone != y->zone)
		return x->zone < y->zone ? -1 : 1;
	if (x->pages != y->pages)
		return x->pages > y->pages ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

int
chrome_write(struct chrome *t, FILE *fp, unsigned long min_pages)
{
	const struct entry **row = NULL;
	uint32_t *sites = emalloc((t->nsites ? t->nsites : 1) * sizeof(*sites));
	size_t i, nrow = 0;
	int rc = 0;

	sorting = t;
	for (i = 0; i < t->nsites; i++)
		sites[i] = (uint32_t)i;
	qsort(sites, t->nsites, sizeof(*sites), by_site);
	row = emalloc((t->n ? t->n : 1) * sizeof(*row));
	for (i = 0; i < t->cap; i++)
		if (t->slot[i].key && t->slot[i].pages >= min_pages)
			row[nrow++] = &t->slot[i];
	qsort(row, nrow, sizeof(*row), by_row);
	fprintf(fp, "%s\n# site\tNAME\tPAGES\n# shape\tSITE\tZONE\tKEY\tPAGES\tSITE_PAGES\tEXAMPLE\n", TABLE_MAGIC);
	for (i = 0; i < t->nsites; i++)
		fprintf(fp, "site\t%s\t%lu\n", t->site[sites[i]].name, t->site[sites[i]].pages);
	for (i = 0; i < nrow; i++) {
		const struct entry *e = row[i];

		fprintf(fp, "shape\t%s\t%s\t%016llx\t%lu\t%lu\t%.*s\n", t->site[e->site].name, zone_name[e->zone],
		    (unsigned long long)e->key, (unsigned long)e->pages, t->site[e->site].pages,
		    (int)e->exlen, t->ex.s ? t->ex.s + e->ex : "");
	}
	if (ferror(fp))
		rc = -1;
	free(row);
	free(sites);
	return rc;
}

/* ---- applying ---- */

/* What chrome_apply found a line to be (t->mark). */
enum { M_KEEP = 0, M_CHROME, M_FIELD_RECURS, M_BYLINE_RECURS };

static void
tell(struct chrome *t, const char *site, struct page *pg, size_t i, const struct entry *e, FILE *ex)
{
	struct buf label = {0};
	const char *s = page_line(pg, i);
	int cut, q = text_quote(s, pg->l[i].len, 120, &cut);

	buf_printf(&label, "%s/chrome.%s", site, zone_name[e->zone]);
	text_explain(ex, pg->source, pg->l[i].no, t->file ? t->file : "-", e->line, label.s,
	    "removed \"%.*s%s\" (on %lu of %lu pages)\n", q, s, cut ? "..." : "",
	    (unsigned long)e->pages, t->site[(long)e->site].pages);
	buf_free(&label);
}

/* The first line after I that is not blank or gone, or NL. */
static size_t
next_line(const struct page *pg, size_t i)
{
	for (i++; i < pg->nl; i++)
		if (!pg->l[i].gone && !text_blank(page_line(pg, i), pg->l[i].len))
			break;
	return i;
}

/*
 * A credit glued to the first paragraph whose first words open the first
 * paragraph on many of the site's pages is the site's own credit: its
 * text goes to the "lead_credit" header, for the reader (khobor-rules(5),
 * READER) to take off the paragraph as a byline.  No line goes.
 */
static void
lead(struct chrome *t, const char *site, long si, unsigned long need, struct page *pg, FILE *ex)
{
	size_t i = first_article_line(t, pg->nl), w, v, e;
	uint64_t key;
	const struct entry *en;
	const char *s;
	struct buf val = {0};

	if (i >= pg->nl)
		return;
	s = page_line(pg, i);
	if (!chrome_lead(s, pg->l[i].len, &w, &v, &e) || (key = chrome_lead_key(s, w, &t->shape)) == 0)
		return;
	if ((en = find(t, key, (uint32_t)si, ZONE_LEAD)) == NULL || en->pages < need)
		return;
	buf_add(&val, s, v);
	record_set(pg->rec, "lead_credit", val.s);
	if (ex) {
		struct buf label = {0};

		buf_printf(&label, "%s/chrome.lead", site);
		text_explain(ex, pg->source, pg->l[i].no, t->file ? t->file : "-", en->line, label.s,
		    "lead_credit \"%s\": the credit that opens the first paragraph (its first words on %lu of %lu pages)\n",
		    val.s, (unsigned long)en->pages, t->site[si].pages);
		buf_free(&label);
	}
	buf_free(&val);
}

/*
 * A line whose shape recurs in its zone is chrome, unless the reader
 * reads it as a field: a date or another field stays; a byline goes
 * only when it is plainly the site's, not the page's: the same zone of
 * the page holds a byline that does not recur (the reader would take the
 * first for the author), or it is the page's first line, a masthead, with
 * no date or byline under it ("বার্তা২৪ ডেস্ক" above the headline; a desk
 * byline over the publication time stays), nor over the article's
 * first paragraph: a house credit over the story ("চলারপথে রিপোর্ট :" on
 * a page that starts there) is the story's, on every page.  Nor does any
 * line of the top zone right above a field line (a date, a byline, an
 * edition): that is the page's byline ("নুসরাত জাহান", which the reader
 * knows by its place only) or its headline.
 */
void
chrome_apply(struct chrome *t, const char *site, struct page *pg, FILE *explain)
{
	long si = site_index(t, site, 0);
	unsigned long need, lead_need;
	size_t i, j, top;
	int own[2] = { 0, 0 };

	if (si < 0 || pg->nl == 0)
		return;
	/* At least the share of the site's pages, rounded up, and at least min_pages. */
	need = (unsigned long)(t->share * (double)t->site[si].pages);
	if ((double)need < t->share * (double)t->site[si].pages)
		need++;
	/*
	 * A credit that opens the first paragraph on three of a site's pages
	 * is no chance (a story's first words vary), so the lead needs three
	 * pages, or min_pages if fewer, besides the share.
	 */
	lead_need = t->min_pages < 3 ? t->min_pages : 3;
	if (lead_need < need)
		lead_need = need;
	if (need < t->min_pages)
		need = t->min_pages;
	if (pg->nl > t->capz) {
		t->capz = pg->nl;
		t->zone = erealloc(t->zone, t->capz);
		t->mark = erealloc(t->mark, t->capz * sizeof(*t->mark));
	}
	chrome_zones(pg->text.s, pg->l, pg->nl, t->zone);
	for (i = 0; i < pg->nl; i++) {
		const char *s = page_line(pg, i);
		size_t len = pg->l[i].len, k;
		const struct entry *e = NULL;
		int field;

		t->mark[i].how = M_KEEP;
		if (t->zone[i] > CHROME_BOTTOM || (k = shape_line(s, len, &t->shape)) == 0)
			continue;
		e = find(t, shape_key(t->shape.s, k), (uint32_t)si, t->zone[i]);
		t->mark[i].e = e;
		field = hzone_field(t->reader, s, len);
		if (e == NULL || e->pages < need) {
			if (field == HZONE_BYLINE)
				own[t->zone[i]] = 1;
			continue;
		}
		t->mark[i].how = field == HZONE_NOFIELD ? M_CHROME : field == HZONE_BYLINE ? M_BYLINE_RECURS : M_FIELD_RECURS;
	}
	lead(t, site, si, lead_need, pg, explain);
	top = next_line(pg, (size_t)-1);
	for (i = 0; i < pg->nl; i++) {
		int how = t->mark[i].how, go = how == M_CHROME, under;

		if (how == M_KEEP || how == M_FIELD_RECURS)
			continue;
		j = next_line(pg, i);
		under = j < pg->nl ? hzone_field(t->reader, page_line(pg, j), pg->l[j].len) : -1;
		if (how == M_BYLINE_RECURS)
			go = own[t->zone[i]] || (i == top && under == HZONE_NOFIELD &&
			    t->zone[j] != CHROME_ARTICLE);
		/*
		 * The line over the page's date, byline or edition is its byline
		 * or its headline, whatever it looks like.
		 */
		if (t->zone[i] == CHROME_TOP && under > HZONE_NOFIELD)
			go = 0;
		if (go) {
			pg->l[i].gone = 1;
			if (explain)
				tell(t, site, pg, i, t->mark[i].e, explain);
		}
	}
}
