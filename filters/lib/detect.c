/* detect.c: site detection, by host and by match patterns (see detect.h). */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "detcache.h"
#include "detect.h"
#include "hash.h"
#include "rx.h"
#include "util.h"

/* A match pattern, compiled only when its literal is on a page being detected. */
struct mpat {
	const struct yml *node;
	char *lit;		/* a literal every match contains, or NULL */
	size_t litlen, rare;
	struct rx *re;
};

/* What detection knows of one site file. */
struct dsite {
	int peeked;		/* match patterns read: 1, or -1 if the file is broken */
	int checked;		/* detect_check: 1 all compiled, -1 broken */
	int hosts;		/* hosts read into the index: 1, or -1 if broken */
	struct ymldoc *head;	/* the head of the file, read for detection only */
	const struct ymldoc *mdoc;	/* the document the match nodes are in */
	const struct yml *root;	/* its top-level mapping */
	struct mpat *mp;
	size_t nmp;
	unsigned long told;	/* the page it was last said broken on */
};

/*
 * The anchor index: one pass over a page finds every site whose match
 * literals might be on it.  Each literal of four bytes or more gives one
 * anchor, a four-byte window of it; a page position whose four bytes are an
 * anchor is checked for the whole literal.  A site is a candidate when one
 * of its literals is on the page, or when one of its patterns has no
 * literal (it must always be tried).  Sites that are not candidates cannot
 * match, so detection tries the candidates in file-name order and gives the
 * answer trying every site would give.  (The idea is the anchor step of a
 * multi-pattern search, as in Wu and Manber, "A fast algorithm for
 * multi-pattern searching", 1994, with a filter bitmap before the table.)
 * A literal of eight bytes or more is anchored by an eight-byte window: a
 * Bengali letter is three bytes, and four bytes of common letters are on
 * every page many times over, each a look in the table and a compare.
 *
 * The index (struct aindex, in detcache.h) and every site's hosts are kept
 * in the detection cache (detcache.c): a run whose site files are as they
 * were reads them from one file instead of parsing every site file's head.
 */
struct detector {
	struct rules *r;
	struct aindex ix;
	struct detcache *cache;	/* or NULL: none */
	struct dsite *ds;	/* one per site, then the default */
	size_t nds;
	struct hmap hosts;	/* host -> struct site *, the first site by name */
	char **hostv;		/* the host names the map points into */
	size_t nhostv;
	struct hostpath *hp;	/* "host/path" entries, in file-name order */
	size_t nhp;
	int indexed;		/* every site's hosts are in the map */
	int ix_clean;		/* the index is of site files that all read well */
	unsigned long pageno;
};

/*
 * A hosts: entry with a path ("www.bbc.com/bengali"): the pages under that
 * path of a host that serves many languages.  The longest path that a URL's
 * path starts with, at a '/', wins over the host alone.
 */
struct hostpath {
	char *host;
	char *path;		/* "/bengali": a '/' first, none last */
	size_t hostlen, pathlen;
	struct site *s;
};

/*
 * The head of a site file ends at the first of these sections, the long
 * ones ('dates' is a line, and Dhaka Diplomat's stands before its match).
 */
static const char *const head_stop[] = { "start", "strip", "heuristics", "fields", "reader", NULL };

struct detector *
detect_new(struct rules *r)
{
	struct detector *d = ecalloc(1, sizeof(*d));

	d->r = r;
	d->nds = r->nsites + 1;
	d->ds = ecalloc(d->nds, sizeof(*d->ds));
	return d;
}

void
detect_cache(struct detector *d, const char *dir, int verbose)
{
	if (d->cache == NULL && dir != NULL)
		d->cache = detcache_open(d->r, dir, verbose);
}

void
detect_free(struct detector *d)
{
	size_t i, k;

	if (d == NULL)
		return;
	for (i = 0; i < d->nds; i++) {
		for (k = 0; k < d->ds[i].nmp; k++) {
			rx_free(d->ds[i].mp[k].re);
			free(d->ds[i].mp[k].lit);
		}
		free(d->ds[i].mp);
		yml_free(d->ds[i].head);
	}
	free(d->ds);
	for (i = 0; i < d->nhostv; i++)
		free(d->hostv[i]);
	free(d->hostv);
	for (i = 0; i < d->nhp; i++) {
		free(d->hp[i].host);
		free(d->hp[i].path);
	}
	free(d->hp);
	hmap_free(&d->hosts);
	aindex_free(&d->ix);
	detcache_free(d->cache);
	free(d);
}

static struct dsite *
dsite(struct detector *d, const struct site *s)
{
	return s == &d->r->deflt ? &d->ds[d->r->nsites] : &d->ds[s - d->r->sites];
}

/*
 * Read a site's match patterns for detection.  Only the head of the file
 * is parsed (up to the start, strip, heuristics, fields or reader section),
 * and no pattern is compiled yet: with hundreds of site files, detecting
 * one page must not cost parsing and compiling all of them.  A file whose
 * match patterns come after those sections is read whole.
 */
static int
peek(struct detector *d, struct site *s)
{
	struct dsite *ds = dsite(d, s);
	const struct yml *n, **items = NULL;
	size_t nitems = 0, i;

	if (ds->peeked != 0)
		return ds->peeked > 0 ? 0 : -1;
	ds->peeked = -1;
	if (s->state < 0)
		return -1;
	ds->root = s->root;
	ds->mdoc = s->doc;
	if (s->state == 0) {
		if ((ds->head = yml_load_head(s->file, head_stop)) == NULL)
			return -1;
		ds->root = ds->head->root;
		ds->mdoc = ds->head;
		if (ds->root == NULL || ds->root->type != YML_MAP || yml_get(ds->root, "match") == NULL) {
			yml_free(ds->head);
			ds->head = NULL;
			if (rules_load(d->r, s) < 0)
				return -1;
			ds->root = s->root;
			ds->mdoc = s->doc;
		}
	}
	if ((n = yml_get(ds->root, "match")) != NULL && yml_strlist(ds->mdoc, n, &items, &nitems, "'match'") < 0)
		return -1;
	ds->mp = ecalloc(nitems, sizeof(*ds->mp));
	for (i = 0; i < nitems; i++) {
		ds->mp[i].node = items[i];
		(void)rx_literal(items[i]->str, items[i]->len, 0, &ds->mp[i].lit, &ds->mp[i].litlen,
		    &ds->mp[i].rare);
	}
	ds->nmp = nitems;
	free(items);
	ds->peeked = 1;
	return 0;
}

static struct rx *
match_pattern(struct detector *d, const struct site *s, size_t i)
{
	struct dsite *ds = dsite(d, s);

	if (ds->mp[i].re == NULL) {
		struct buf name = {0};

		buf_printf(&name, "%s/match[%zu]", s->name, i);
		ds->mp[i].re = rx_compile(ds->mdoc, ds->mp[i].node, name.s, 0);
		buf_free(&name);
	}
	return ds->mp[i].re;
}

int
detect_host_ok(const char *s, size_t n)
{
	size_t i, label = 0;

	if (n == 0 || n > 253)
		return 0;
	for (i = 0; i <= n; i++) {
		if (i == n || s[i] == '.') {
			if (label == 0 || label > 63 || s[i - 1] == '-' || s[i - label] == '-')
				return 0;
			label = 0;
		} else if (isalnum((unsigned char)s[i]) || s[i] == '-') {
			label++;
		} else {
			return 0;
		}
	}
	return 1;
}

/* Does FILE have a line that starts with KEY (a top-level key, in a file of any length)? */
static int
mentions(const char *file, const char *key)
{
	FILE *fp = fopen(file, "rb");
	struct buf b = {0};
	char chunk[4096];
	size_t k, kl = strlen(key);
	const char *p;
	int found = 0;

	if (fp == NULL)
		return 1;	/* rules_load will say why */
	while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, k);
	fclose(fp);
	for (p = b.s; p != NULL && !found; ) {
		found = (size_t)(b.s + b.len - p) > kl && memcmp(p, key, kl) == 0;
		if ((p = memchr(p, '\n', b.len - (size_t)(p - b.s))) != NULL)
			p++;
	}
	buf_free(&b);
	return found;
}

/*
 * Is P empty, or a URL path ("/bengali", "/bn/news"): a '/' first, then
 * the characters RFC 3986 (3.3) allows in a path, with no empty segment
 * but a last '/'?
 */
static int
path_ok(const char *p)
{
	size_t i;

	if (*p == '\0')
		return 1;
	if (*p != '/' || p[1] == '\0')
		return 0;
	for (i = 1; p[i]; i++) {
		if (p[i] == '/' && p[i - 1] == '/')
			return 0;
		if (!isalnum((unsigned char)p[i]) && strchr("/-._~%!$&'()*+,;=:@", p[i]) == NULL)
			return 0;
	}
	return 1;
}

/* Put the hosts: entry ITEM ("host" or "host/path", checked) of site S into the index. */
static void
add_host(struct detector *d, struct site *s, const char *item)
{
	char *h = estrdup(item);
	size_t hl = strcspn(h, "/"), pl = strlen(h + hl), k;

	for (k = 0; k < hl; k++)
		h[k] = (char)tolower((unsigned char)h[k]);
	while (pl > 0 && h[hl + pl - 1] == '/')
		pl--;
	if (pl > 0) {
		struct hostpath *e;

		d->hp = erealloc(d->hp, (d->nhp + 1) * sizeof(*d->hp));
		e = &d->hp[d->nhp++];
		e->host = estrndup(h, hl);
		e->hostlen = hl;
		e->path = estrndup(h + hl, pl);
		e->pathlen = pl;
		e->s = s;
		free(h);
		return;
	}
	h[hl] = '\0';
	d->hostv = erealloc(d->hostv, (d->nhostv + 1) * sizeof(*d->hostv));
	d->hostv[d->nhostv++] = h;
	(void)hmap_put(&d->hosts, h, strlen(h), s);	/* the first site by name keeps it */
}

/* Put site S's hosts into the index; -1 if they are broken. */
static int
index_hosts(struct detector *d, struct site *s)
{
	struct dsite *ds = dsite(d, s);
	const struct yml *n, *root, **items = NULL;
	const struct ymldoc *doc;
	char *const *cached;
	unsigned before = yml_nerrors;
	size_t nitems = 0, i;

	if (ds->hosts != 0)
		return ds->hosts > 0 ? 0 : -1;
	/* The cache holds the hosts of files that were not broken, as they are. */
	if (s != &d->r->deflt && detcache_hosts(d->cache, (size_t)(s - d->r->sites), &cached, &nitems) == 0) {
		for (i = 0; i < nitems; i++)
			add_host(d, s, cached[i]);
		ds->hosts = 1;
		return 0;
	}
	ds->hosts = -1;
	if (peek(d, s) < 0)
		return -1;
	root = ds->root;
	doc = ds->mdoc;
	/* The head stops at the first big section; hosts may come after it. */
	if (yml_get(root, "hosts") == NULL && ds->head != NULL && s->state == 0 && mentions(s->file, "hosts:")) {
		if (rules_load(d->r, s) < 0)
			return -1;
		root = s->root;
		doc = s->doc;
	}
	if ((n = yml_get(root, "hosts")) == NULL) {
		if (s != &d->r->deflt)
			detcache_put_hosts(d->cache, (size_t)(s - d->r->sites), NULL, 0);
		ds->hosts = 1;
		return 0;
	}
	if (yml_strlist(doc, n, &items, &nitems, "'hosts'") < 0)
		return -1;
	for (i = 0; i < nitems; i++) {
		size_t hl = strcspn(items[i]->str, "/");

		if (!detect_host_ok(items[i]->str, hl) || !path_ok(items[i]->str + hl))
			yml_error(doc, items[i], "'%s' is not a host name: write it as www.example.com, or as "
			    "www.example.com/section for the pages under a path, with no scheme, port or query",
			    items[i]->str);
	}
	/* A site whose list is broken lists no host. */
	for (i = 0; i < nitems && yml_nerrors == before; i++)
		add_host(d, s, items[i]->str);
	if (yml_nerrors == before && s != &d->r->deflt)
		detcache_put_hosts(d->cache, (size_t)(s - d->r->sites), items, nitems);
	free(items);
	if (yml_nerrors != before)
		return -1;
	ds->hosts = 1;
	return 0;
}

int
detect_check(struct detector *d, struct site *s)
{
	struct dsite *ds = dsite(d, s);
	unsigned before = yml_nerrors;
	size_t i;

	if (s == &d->r->deflt)
		return 0;	/* the default is what is left when no site matches */
	if (ds->checked != 0)
		return ds->checked > 0 ? 0 : -1;
	ds->checked = -1;
	if (rules_load(d->r, s) < 0 || peek(d, s) < 0)
		return -1;
	for (i = 0; i < ds->nmp; i++)
		(void)match_pattern(d, s, i);
	if (index_hosts(d, s) < 0 || yml_nerrors != before)
		return -1;
	ds->checked = 1;
	return 0;
}

/* Is the page this site's?  1, 0, or -1 when its match patterns are broken. */
static int
site_matches(struct detector *d, struct site *s, struct page *pg)
{
	struct dsite *ds;
	size_t k;

	if (peek(d, s) < 0)
		return -1;
	ds = dsite(d, s);
	for (k = 0; k < ds->nmp; k++) {
		struct rx *re;

		/* Most sites are ruled out by a literal missing from the page. */
		if (ds->mp[k].lit && !rx_literal_in(ds->mp[k].lit, ds->mp[k].litlen, ds->mp[k].rare,
		    pg->text.s, pg->text.len, 0))
			continue;
		if ((re = match_pattern(d, s, k)) == NULL) {
			ds->peeked = -1;
			return -1;
		}
		if (page_match(pg, re, pg->text.s, pg->text.len))
			return 1;
	}
	return 0;
}

/* Say on the page that site S was not tried (once per page). */
static void
broken_site(struct detector *d, struct site *s, struct page *pg, int *broken)
{
	struct dsite *ds = dsite(d, s);

	*broken = 1;
	if (ds->told == d->pageno)
		return;
	ds->told = d->pageno;
	record_error(pg->rec, "rules of site %s are broken (%s): not tried for this page", s->name, s->file);
}

static uint32_t
load4(const char *p)
{
	uint32_t k;

	memcpy(&k, p, 4);
	return k;
}

static uint64_t
load8(const char *p)
{
	uint64_t k;

	memcpy(&k, p, 8);
	return k;
}

static unsigned
filter_bit(uint32_t key)
{
	return (unsigned)((key * 2654435761u) >> 16);	/* Knuth's multiplicative hash */
}

static unsigned
filter_bit8(uint64_t key)
{
	return (unsigned)((key * 0x9E3779B97F4A7C15u) >> 48);	/* the same, on 64 bits */
}

/* The order of the anchors; LITS is where their literals are. */
static int
anchor_cmp(const void *a, const void *b, void *lits)
{
	const struct anchor *x = a, *y = b;
	const char *l = lits;
	int c;

	if (x->wide != y->wide)
		return x->wide < y->wide ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	if (x->litlen != y->litlen)
		return x->litlen < y->litlen ? -1 : 1;
	if ((c = memcmp(l + x->litoff, l + y->litoff, x->litlen)) != 0)
		return c;
	return x->site < y->site ? -1 : x->site > y->site;	/* a total order: qsort is not stable */
}

static int
key_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* How many literals' windows in the sorted KEYS[0..N) are KEY. */
static size_t
key_count(const uint32_t *keys, size_t n, uint32_t key)
{
	size_t lo = 0, hi = n, first;

	/* Two binary searches, not a walk: a window of common letters is in thousands of literals. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	first = lo;
	for (hi = n; lo < hi; ) {
		size_t mid = lo + (hi - lo) / 2;

		if (keys[mid] <= key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - first;
}

/*
 * The window of MP's literal to index: the one fewest other literals share
 * (many site files print the same words, "সর্বশেষ খবর পেতে Google News", and
 * an anchor they share sends every page with those words to the check of
 * all of them), the window holding the literal's rarest byte on a tie.
 */
static uint32_t
anchor_off(const struct mpat *mp, const uint32_t *keys, size_t nkeys)
{
	uint32_t best = (uint32_t)(mp->rare + 4 <= mp->litlen ? mp->rare : mp->litlen - 4), o;
	size_t least = key_count(keys, nkeys, load4(mp->lit + best)), c;

	for (o = 0; o + 4 <= mp->litlen && least > 1; o++)
		if ((c = key_count(keys, nkeys, load4(mp->lit + o))) < least) {
			least = c;
			best = o;
		}
	return best;
}

/*
 * Give every anchor of IX its own copy of its literal, in LITS, and sort
 * them; then keep each literal once in ix->lits.
 */
static void
sort_anchors(struct aindex *ix, struct buf *lits)
{
	struct buf once = {0};
	size_t k;

	if (ix->na)
		qsort_r(ix->a, ix->na, sizeof(*ix->a), anchor_cmp, lits->s);
	/* Site files repeat one another's words: a literal shared is checked once a position. */
	for (k = 0; k < ix->na; k++) {
		struct anchor *a = &ix->a[k];
		const struct anchor *b = k > 0 ? &ix->a[k - 1] : NULL;
		uint32_t at = (uint32_t)once.len;

		a->same = b != NULL && a->wide == b->wide && a->key == b->key && a->off == b->off &&
		    a->litlen == b->litlen && memcmp(lits->s + a->litoff, once.s + b->litoff, a->litlen) == 0;
		if (a->same)
			at = b->litoff;
		else
			buf_add(&once, lits->s + a->litoff, a->litlen);
		a->litoff = at;
	}
	ix->lits = once.s;
	ix->litslen = once.len;
}

/*
 * Read every site's match patterns (their heads only) and index their
 * literals, or take the index from the cache.
 */
static void
build_index(struct detector *d)
{
	struct aindex *ix = &d->ix;
	struct buf lits = {0};
	uint32_t *keys = NULL;
	unsigned before = yml_nerrors;
	size_t i, k, o, cap = 0, nkeys = 0, kcap = 0;
	int clean = 1;

	if (detcache_take_index(d->cache, ix) == 0) {
		d->ix_clean = 1;
		return;
	}
	ix->built = 1;
	ix->filter = ecalloc(AINDEX_FILTER_BYTES, 1);
	ix->filter8 = ecalloc(AINDEX_FILTER_BYTES, 1);
	ix->always = ecalloc(d->r->nsites + 1, 1);
	ix->cand = ecalloc(d->r->nsites + 1, 1);
	/* First every window of every literal, so each anchor can be the least shared. */
	for (i = 0; i < d->r->nsites; i++) {
		if (peek(d, &d->r->sites[i]) < 0)
			continue;
		for (k = 0; k < d->ds[i].nmp; k++) {
			const struct mpat *mp = &d->ds[i].mp[k];

			for (o = 0; mp->lit && o + 4 <= mp->litlen; o++) {
				if (nkeys == kcap) {
					kcap = kcap ? 2 * kcap : 256;
					keys = erealloc(keys, kcap * sizeof(*keys));
				}
				keys[nkeys++] = load4(mp->lit + o);
			}
		}
	}
	if (nkeys)
		qsort(keys, nkeys, sizeof(*keys), key_cmp);
	for (i = 0; i < d->r->nsites; i++) {
		struct dsite *ds = &d->ds[i];

		if (ds->peeked < 0) {
			ix->always[i] = 1;	/* tried, so that its breakage is said on the page */
			clean = 0;
			continue;
		}
		for (k = 0; k < ds->nmp; k++) {
			struct mpat *mp = &ds->mp[k];
			struct anchor *a;

			if (mp->lit == NULL || mp->litlen < 4) {
				ix->always[i] = 1;
				continue;
			}
			if (ix->na == cap) {
				cap = cap ? 2 * cap : 64;
				ix->a = erealloc(ix->a, cap * sizeof(*ix->a));
			}
			a = &ix->a[ix->na++];
			a->off = anchor_off(mp, keys, nkeys);
			a->site = (uint32_t)i;
			a->litlen = (uint32_t)mp->litlen;
			a->litoff = (uint32_t)lits.len;
			buf_add(&lits, mp->lit, mp->litlen);
			a->same = 0;
			if ((a->wide = mp->litlen >= 8)) {
				/* The eight bytes from the chosen window, or the literal's last eight. */
				if (a->off + 8 > mp->litlen)
					a->off = (uint32_t)(mp->litlen - 8);
				a->key = load8(mp->lit + a->off);
				ix->filter8[filter_bit8(a->key) >> 3] |= (unsigned char)(1u << (filter_bit8(a->key) & 7));
			} else {
				a->key = load4(mp->lit + a->off);
				ix->filter[filter_bit((uint32_t)a->key) >> 3] |=
				    (unsigned char)(1u << (filter_bit((uint32_t)a->key) & 7));
				ix->nnarrow++;
			}
		}
	}
	free(keys);
	sort_anchors(ix, &lits);
	buf_free(&lits);
	/* Only an index of site files that all read well is cached: a broken one must be said broken again. */
	if ((d->ix_clean = clean && yml_nerrors == before))
		detcache_save(d->cache, ix);
}

/*
 * Mark in ix->cand the sites of the anchors A[lo..hi) with KEY whose
 * literal is at position P of S[0..N).
 */
static void
look(struct aindex *ix, size_t lo, size_t hi, uint64_t key, const char *s, size_t n, size_t p)
{
	size_t end = hi;
	int found;

	while (lo < hi) {	/* the first anchor with this key */
		size_t mid = lo + (hi - lo) / 2;

		if (ix->a[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (found = -1; lo < end && ix->a[lo].key == key; lo++) {
		const struct anchor *a = &ix->a[lo];

		if (!a->same)
			found = -1;	/* another literal: not compared yet */
		if (ix->cand[a->site])
			continue;	/* a candidate already: no need to look */
		if (found < 0)
			found = p >= a->off && p - a->off + a->litlen <= n &&
			    memcmp(s + p - a->off, ix->lits + a->litoff, a->litlen) == 0;
		if (found)
			ix->cand[a->site] = 1;
	}
}

/* Mark in ix->cand the sites that might match the page S[0..N). */
static void
find_candidates(struct detector *d, const char *s, size_t n)
{
	struct aindex *ix = &d->ix;
	size_t p;

	memcpy(ix->cand, ix->always, d->r->nsites);
	for (p = 0; p + 4 <= n; p++) {
		uint32_t k4 = load4(s + p);
		unsigned bit = filter_bit(k4);

		if (ix->nnarrow > 0 && (ix->filter[bit >> 3] & (1u << (bit & 7))))
			look(ix, 0, ix->nnarrow, k4, s, n, p);
		if (ix->na > ix->nnarrow && p + 8 <= n) {
			uint64_t k8 = load8(s + p);

			bit = filter_bit8(k8);
			if (ix->filter8[bit >> 3] & (1u << (bit & 7)))
				look(ix, ix->nnarrow, ix->na, k8, s, n, p);
		}
	}
}

static void
index_all_hosts(struct detector *d)
{
	size_t i;

	if (d->indexed)
		return;
	for (i = 0; i < d->r->nsites; i++)
		(void)index_hosts(d, &d->r->sites[i]);
	d->indexed = 1;
	/* Kept when every site's were read well (detcache_save knows), with the index if it is built. */
	detcache_save(d->cache, d->ix.built && d->ix_clean ? &d->ix : NULL);
}

/* The site WHERE ("host" or "host/path") is one of the hosts of, or NULL. */
static struct site *
host_site(struct detector *d, const char *where)
{
	size_t hl = strcspn(where, "/"), i, best = 0;
	const char *path = where + hl;
	struct site *s = NULL;

	index_all_hosts(d);
	for (i = 0; i < d->nhp; i++) {
		const struct hostpath *e = &d->hp[i];

		if (e->hostlen == hl && memcmp(e->host, where, hl) == 0 && e->pathlen > best &&
		    strncmp(path, e->path, e->pathlen) == 0 &&
		    (path[e->pathlen] == '\0' || path[e->pathlen] == '/')) {
			s = e->s;
			best = e->pathlen;
		}
	}
	return s != NULL ? s : hmap_get(&d->hosts, where, hl);
}

struct site *
detect_site(struct detector *d, struct page *pg, const char *where, int *broken)
{
	size_t i;

	d->pageno++;
	if (where && *where) {
		struct site *s;

		index_all_hosts(d);
		/* Any broken site might have listed this host. */
		for (i = 0; i < d->r->nsites; i++)
			if (d->ds[i].hosts < 0 || d->ds[i].peeked < 0)
				broken_site(d, &d->r->sites[i], pg, broken);
		if ((s = host_site(d, where)) != NULL)
			return s;
	}
	if (!d->ix.built)
		build_index(d);
	find_candidates(d, pg->text.s, pg->text.len);
	for (i = 0; i < d->r->nsites; i++) {
		struct site *s = &d->r->sites[i];
		int m;

		if (!d->ix.cand[i])
			continue;	/* none of its literals is on the page */
		m = site_matches(d, s, pg);

		if (m < 0) {
			/* Say so on the page: it might have been this site's. */
			broken_site(d, s, pg, broken);
			continue;
		}
		if (m > 0)
			return s;
	}
	return &d->r->deflt;
}

void
detect_claims(struct detector *d, struct page *pg, const char *where, struct buf *out)
{
	struct site *byhost = where && *where ? host_site(d, where) : NULL;
	size_t i, k;

	buf_reset(out);
	buf_add(out, "", 0);
	if (!d->ix.built)
		build_index(d);
	find_candidates(d, pg->text.s, pg->text.len);
	for (i = 0; i < d->r->nsites; i++) {
		struct site *s = &d->r->sites[i];
		struct dsite *ds = &d->ds[i];

		if (s == byhost)
			buf_printf(out, "%s%s:hosts", out->len ? " " : "", s->name);
		if (!d->ix.cand[i] || peek(d, s) < 0)
			continue;
		for (k = 0; k < ds->nmp; k++) {
			struct rx *re;

			if (ds->mp[k].lit && !rx_literal_in(ds->mp[k].lit, ds->mp[k].litlen, ds->mp[k].rare,
			    pg->text.s, pg->text.len, 0))
				continue;
			if ((re = match_pattern(d, s, k)) != NULL && page_match(pg, re, pg->text.s, pg->text.len)) {
				buf_printf(out, "%s%s:%u", out->len ? " " : "", s->name, ds->mp[k].node->line);
				break;
			}
		}
	}
}

int
detect_url_where(const char *url, struct buf *out)
{
	const char *p = url, *path;
	size_t k;

	if (detect_url_host(url, out) < 0)
		return -1;
	/* The authority ends at the first '/', '?' or '#' after the scheme's "//". */
	while (*p == ' ' || *p == '\t')
		p++;
	for (k = 0; isalnum((unsigned char)p[k]) || p[k] == '+' || p[k] == '-' || p[k] == '.'; k++)
		;
	if (k > 0 && isalpha((unsigned char)p[0]) && p[k] == ':')
		p += k + 3;
	else if (strncmp(p, "//", 2) == 0)
		p += 2;
	path = p + strcspn(p, "/?# \t");
	if (*path == '/')
		buf_add(out, path, strcspn(path, "?# \t"));
	return 0;
}

int
detect_url_host(const char *url, struct buf *out)
{
	const char *p = url, *end;
	size_t k, n;

	buf_reset(out);
	while (*p == ' ' || *p == '\t')
		p++;
	/* A scheme ("https:") must be followed by "//", the start of the host. */
	for (k = 0; isalnum((unsigned char)p[k]) || p[k] == '+' || p[k] == '-' || p[k] == '.'; k++)
		;
	if (k > 0 && isalpha((unsigned char)p[0]) && p[k] == ':') {
		if (strncmp(p + k, "://", 3) != 0)
			return -1;
		p += k + 3;
	} else if (strncmp(p, "//", 2) == 0) {
		p += 2;
	}
	n = strcspn(p, "/?# \t");
	end = p + n;
	/* user:password@host:port */
	for (k = n; k > 0; k--)
		if (p[k - 1] == '@') {
			p += k;
			break;
		}
	if (*p == '[')
		return -1;	/* an IPv6 address: no site is known by one */
	n = strcspn(p, ":");
	if (p + n > end)
		n = (size_t)(end - p);
	while (n > 0 && p[n - 1] == '.')
		n--;
	for (k = 0; k < n; k++)
		buf_addc(out, tolower((unsigned char)p[k]));
	if (n > 0 && detect_host_ok(out->s, out->len))
		return 0;
	buf_reset(out);
	return -1;
}
