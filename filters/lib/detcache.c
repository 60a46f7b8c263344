/*
 * detcache.c: the detection cache file (see detcache.h).
 *
 * One file per rules directory, named by a hash of the directory's real
 * path, as fontconfig names its caches.  It is written whole to a temporary
 * file and renamed into place, so that filters starting at once read either
 * the old file or the new one, never half of one.  Its layout, in the
 * machine's byte order (the header says which):
 *
 *   "KHOBORDC", format, byte-order mark, stamp, the rules directory
 *   the site files: count, then name, device, inode, size, mtime, ctime each
 *   0, or 1, zeros to a multiple of 8 bytes, and the anchor index: filters,
 *   counts, anchors (struct anchor as it lies in memory), always, literals
 *   0, or 1 and every site's hosts: entries
 *   an XXH3 hash of all of the above
 *
 * Strings are a 32-bit length and the bytes.  Everything read is checked
 * against the file's end and against what it must be, so a damaged file is
 * ignored, never trusted.  The index is used where it lies in the mapped
 * file, not copied: its 30-70 KB would be as many fresh heap pages, each a
 * page fault (10-15 us on the bench machine) at every start.
 */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>
#include <xxhash.h>
#include <yaml.h>

#include "cachefile.h"
#include "detcache.h"
#include "hash.h"
#include "util.h"

/* Bump when what the file holds, or how, changes. */
#define DETCACHE_FORMAT 2

/* Anchors are read in place: the file's layout of one is the struct's. */
_Static_assert(sizeof(struct anchor) == 32 && offsetof(struct anchor, off) == 8 &&
    offsetof(struct anchor, site) == 20 && offsetof(struct anchor, wide) == 24 &&
    offsetof(struct anchor, same) == 25, "struct anchor is not the cache file's anchor");

static const char magic[8] = { 'K', 'H', 'O', 'B', 'O', 'R', 'D', 'C' };

struct hostlist {
	int known;
	char **item;
	size_t n;
};

struct detcache {
	const struct rules *r;
	char *file;		/* the cache file, or NULL: none */
	char *real;		/* the rules directory's real path */
	int verbose;
	int usable;		/* every site file's identity is known */
	const char *racy;	/* a site file changed just now, or NULL */
	struct cache_ident *id;	/* per site */
	int has_index, has_hosts;	/* what the file holds */
	int taken, told_hosts;
	struct aindex ix;	/* the file's index, until taken (ix.map: the file) */
	struct hostlist *hosts;	/* per site */
};

static void
say(const struct detcache *c, const char *what, const char *arg)
{
	if (c->verbose)
		warnx("detection cache %s: %s%s", c->file, what, arg ? arg : "");
}

/* ---- Writing ---------------------------------------------------------------- */

static void
put_index(struct buf *b, const struct aindex *ix, size_t nsites)
{
	static const unsigned char zero[8];
	size_t k;

	cache_put(b, zero, (8 - b->len % 8) % 8);
	cache_put(b, ix->filter, AINDEX_FILTER_BYTES);
	cache_put(b, ix->filter8, AINDEX_FILTER_BYTES);
	cache_put64(b, ix->na);
	cache_put64(b, ix->nnarrow);
	cache_put64(b, ix->litslen);
	for (k = 0; k < ix->na; k++) {
		const struct anchor *a = &ix->a[k];

		/* Field by field, so the struct's padding is written as zeros. */
		cache_put64(b, a->key);
		cache_put32(b, a->off);
		cache_put32(b, a->litlen);
		cache_put32(b, a->litoff);
		cache_put32(b, a->site);
		cache_put(b, &a->wide, 1);
		cache_put(b, &a->same, 1);
		cache_put(b, zero, sizeof(*a) - 26);
	}
	cache_put(b, ix->always, nsites);
	cache_put(b, ix->lits, ix->litslen);
}

static void
serialise(const struct detcache *c, const struct aindex *ix, int hosts, struct buf *b)
{
	const struct rules *r = c->r;
	struct buf st = {0};
	uint32_t bom = 0x01020304;
	uint64_t h;
	size_t i, k;

	cache_put(b, magic, sizeof(magic));
	cache_put32(b, DETCACHE_FORMAT);
	cache_put32(b, bom);
	cache_stamp(&st);
	cache_putstr(b, st.s, st.len);
	buf_free(&st);
	cache_putstr(b, c->real, strlen(c->real));
	cache_put64(b, r->nsites);
	for (i = 0; i < r->nsites; i++) {
		const struct cache_ident *id = &c->id[i];

		cache_putstr(b, r->sites[i].name, strlen(r->sites[i].name));
		cache_put(b, id, sizeof(*id));
	}
	cache_put(b, ix ? "\1" : "\0", 1);
	if (ix)
		put_index(b, ix, r->nsites);
	cache_put(b, hosts ? "\1" : "\0", 1);
	for (i = 0; hosts && i < r->nsites; i++) {
		cache_put32(b, (uint32_t)c->hosts[i].n);
		for (k = 0; k < c->hosts[i].n; k++)
			cache_putstr(b, c->hosts[i].item[k], strlen(c->hosts[i].item[k]));
	}
	h = XXH3_64bits(b->s, b->len);
	cache_put64(b, h);
}

void
detcache_save(struct detcache *c, const struct aindex *ix)
{
	struct buf b = {0};
	int hosts = 1;
	size_t i;

	if (c == NULL || !c->usable)
		return;
	if (ix == NULL && c->has_index && !c->taken)
		ix = &c->ix;
	for (i = 0; i < c->r->nsites && hosts; i++)
		hosts = c->hosts[i].known;
	if ((ix == NULL || c->has_index) && (!hosts || c->has_hosts))
		return;		/* nothing the file does not hold */
	if (c->racy != NULL) {
		say(c, "not written: a site file changed in the last seconds: ", c->racy);
		return;
	}
	serialise(c, ix, hosts, &b);
	if (cache_write(c->file, &b, c->verbose) < 0) {
		say(c, "not written: ", strerror(errno));
	} else {
		c->has_index = ix != NULL;
		c->has_hosts = hosts;
		say(c, ix && hosts ? "written (index and hosts)" : ix ? "written (index)" : "written (hosts)", NULL);
	}
	buf_free(&b);
}

/* ---- Reading ---------------------------------------------------------------- */

void
aindex_free(struct aindex *ix)
{
	if (ix->map != NULL) {
		munmap(ix->map, ix->maplen);
	} else {
		free(ix->filter);
		free(ix->filter8);
		free(ix->a);
		free(ix->lits);
		free(ix->always);
	}
	free(ix->cand);
	memset(ix, 0, sizeof(*ix));
}

/*
 * The anchor index, left where it lies in the file at BASE (mapped, so
 * aligned to a page); 0, or -1 if it is not one detect.c could have built.
 */
static int
get_index(struct cache_cur *k, const unsigned char *base, struct aindex *ix, size_t nsites)
{
	const unsigned char *p;
	uint64_t na, nnarrow, litslen;
	size_t i;

	(void)cache_get(k, (8 - (size_t)(k->p - base) % 8) % 8);
	ix->filter = (unsigned char *)cache_get(k, AINDEX_FILTER_BYTES);
	ix->filter8 = (unsigned char *)cache_get(k, AINDEX_FILTER_BYTES);
	na = cache_get64(k);
	nnarrow = cache_get64(k);
	litslen = cache_get64(k);
	/* A count the file cannot hold is a lie, not an allocation. */
	if (k->bad || nnarrow > na || na > (uint64_t)(k->end - k->p) / sizeof(*ix->a) ||
	    litslen > (uint64_t)(k->end - k->p))
		return -1;
	ix->na = (size_t)na;
	ix->nnarrow = (size_t)nnarrow;
	ix->litslen = (size_t)litslen;
	if ((uintptr_t)k->p % _Alignof(struct anchor) != 0)
		return -1;
	ix->a = (struct anchor *)cache_get(k, ix->na * sizeof(*ix->a));
	for (i = 0; i < ix->na; i++) {
		const struct anchor *a = &ix->a[i];
		unsigned w = a->wide ? 8 : 4;

		/* The eight-byte anchors after the four-byte ones, each part by key. */
		if (a->wide != (i >= ix->nnarrow) || a->same > 1 || a->site >= nsites || a->litlen < w ||
		    a->off > a->litlen - w || a->litoff > ix->litslen || a->litlen > ix->litslen - a->litoff ||
		    (i > 0 && i != ix->nnarrow && a->key < ix->a[i - 1].key))
			return -1;
	}
	if ((p = cache_get(k, nsites)) == NULL)
		return -1;
	ix->always = (unsigned char *)p;
	for (i = 0; i < nsites; i++)
		if (ix->always[i] > 1)
			return -1;
	if ((p = cache_get(k, ix->litslen)) == NULL)
		return -1;
	ix->lits = (char *)p;
	return 0;
}

static int
get_hosts(struct cache_cur *k, struct hostlist *hl, size_t nsites)
{
	size_t i, j, len;

	for (i = 0; i < nsites; i++) {
		uint32_t n = cache_get32(k);
		const char *s;

		if (k->bad || n > (size_t)(k->end - k->p) / 4)
			return -1;
		hl[i].item = ecalloc(n ? n : 1, sizeof(*hl[i].item));
		for (j = 0; j < n; j++) {
			if ((s = cache_getstr(k, &len)) == NULL || memchr(s, '\0', len) != NULL)
				return -1;
			hl[i].item[hl[i].n++] = estrndup(s, len);
		}
		hl[i].known = 1;
	}
	return 0;
}

static void
hosts_free(struct hostlist *hl, size_t nsites)
{
	size_t i, j;

	for (i = 0; i < nsites; i++) {
		for (j = 0; j < hl[i].n; j++)
			free(hl[i].item[j]);
		free(hl[i].item);
		memset(&hl[i], 0, sizeof(hl[i]));
	}
}

/* Take in the cache file's content B[0..N); NULL, or why it is not used. */
static const char *
parse(struct detcache *c, const unsigned char *b, size_t n)
{
	const struct rules *r = c->r;
	struct cache_cur k = { b, b + n, 0 };
	struct buf st = {0};
	uint64_t h;
	const unsigned char *flag;
	size_t i;
	int same;

	if (n < sizeof(magic) + 8 || memcmp(b, magic, sizeof(magic)) != 0)
		return "not a detection cache";
	memcpy(&h, b + n - 8, 8);
	if (XXH3_64bits(b, n - 8) != h)
		return "truncated or damaged";
	k.end = b + n - 8;
	(void)cache_get(&k, sizeof(magic));
	cache_stamp(&st);
	same = cache_get32(&k) == DETCACHE_FORMAT && cache_get32(&k) == 0x01020304 && cache_samestr(&k, st.s, st.len);
	buf_free(&st);
	if (!same)
		return "made by another build of khobor";
	if (!cache_samestr(&k, c->real, strlen(c->real)))
		return "made for another rules directory";
	if (cache_get64(&k) != r->nsites)
		return "made for other site files (one added or removed)";
	for (i = 0; i < r->nsites; i++) {
		const unsigned char *id;

		if (!cache_samestr(&k, r->sites[i].name, strlen(r->sites[i].name)))
			return k.bad ? "truncated or damaged" : "made for other site files (one added or removed)";
		if ((id = cache_get(&k, sizeof(struct cache_ident))) == NULL)
			return "truncated or damaged";
		if (memcmp(id, &c->id[i], sizeof(struct cache_ident)) != 0)
			return "a site file changed since it was made";
	}
	if ((flag = cache_get(&k, 1)) == NULL || *flag > 1 || (*flag && get_index(&k, b, &c->ix, r->nsites) < 0)) {
		memset(&c->ix, 0, sizeof(c->ix));	/* nothing allocated: it points into B */
		return "truncated or damaged";
	}
	c->has_index = *flag;
	if ((flag = cache_get(&k, 1)) == NULL || *flag > 1 || (*flag && get_hosts(&k, c->hosts, r->nsites) < 0) ||
	    k.p != k.end) {
		memset(&c->ix, 0, sizeof(c->ix));
		hosts_free(c->hosts, r->nsites);
		c->has_index = 0;
		return "truncated or damaged";
	}
	c->has_hosts = *flag;
	return NULL;
}

/* Read the cache file, if there is one and it stands for the site files. */
static void
load(struct detcache *c)
{
	int fd = open(c->file, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);	/* a FIFO must not hang it */
	void *map;
	const char *why;
	struct stat st;
	size_t n;

	if (fd < 0) {
		say(c, errno == ENOENT ? "none yet" : "not read: ", errno == ENOENT ? NULL : strerror(errno));
		return;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size == 0 || (uint64_t)st.st_size > CACHE_MAX) {
		close(fd);
		say(c, "not used: not a detection cache", NULL);
		return;
	}
	if (!cache_owned(&st)) {
		close(fd);
		say(c, "not used: not the user's own, or others can write it", NULL);
		return;
	}
	n = (size_t)st.st_size;
	/*
	 * Mapped, and the mapping filled at once (MAP_POPULATE): one system
	 * call where touching the pages would take a fault every few.  The
	 * index stays in the mapping; the rest is read out of it.
	 */
	map = mmap(NULL, n, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		say(c, "not read: ", strerror(errno));
		return;
	}
	if ((why = parse(c, map, n)) != NULL)
		say(c, "not used: ", why);
	if (c->has_index) {
		c->ix.map = map;
		c->ix.maplen = n;
	} else {
		munmap(map, n);
	}
}

struct detcache *
detcache_open(const struct rules *r, const char *dir, int verbose)
{
	struct detcache *c = ecalloc(1, sizeof(*c));
	struct timespec now;
	struct buf name = {0};
	char *sitedir;
	size_t i;
	int dfd;

	c->r = r;
	c->verbose = verbose;
	c->id = ecalloc(r->nsites + 1, sizeof(*c->id));
	c->hosts = ecalloc(r->nsites + 1, sizeof(*c->hosts));
	if (dir == NULL || (c->real = realpath(r->dir, NULL)) == NULL)
		return c;
	buf_printf(&name, "%s/detect-%016llx.cache", dir, (unsigned long long)hash_fnv1a(c->real, strlen(c->real)));
	c->file = name.s;
	(void)clock_gettime(CLOCK_REALTIME, &now);
	/*
	 * Each file is looked up by its name in the open sites directory, not
	 * by its whole path: a stat is most of what validating costs here
	 * (about 2.5 us a file on the bench machine), a path walk a third of it.
	 */
	sitedir = rules_path(r->dir, "sites");
	dfd = r->nsites ? open(sitedir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	free(sitedir);
	for (i = 0; i < r->nsites; i++) {
		struct cache_ident *id = &c->id[i];
		const char *base = strrchr(r->sites[i].file, '/');
		struct stat st;

		if (dfd < 0 || fstatat(dfd, base ? base + 1 : r->sites[i].file, &st, 0) < 0) {
			say(c, "not used: cannot stat ", r->sites[i].file);
			if (dfd >= 0)
				close(dfd);
			return c;
		}
		cache_ident(&st, id);
		if (c->racy == NULL && cache_racy(&st, &now))
			c->racy = r->sites[i].file;
	}
	if (dfd >= 0)
		close(dfd);
	c->usable = 1;
	load(c);
	return c;
}

void
detcache_free(struct detcache *c)
{
	if (c == NULL)
		return;
	aindex_free(&c->ix);
	hosts_free(c->hosts, c->r->nsites);
	free(c->hosts);
	free(c->id);
	free(c->file);
	free(c->real);
	free(c);
}

int
detcache_take_index(struct detcache *c, struct aindex *ix)
{
	if (c == NULL || !c->has_index || c->taken)
		return -1;
	*ix = c->ix;
	memset(&c->ix, 0, sizeof(c->ix));
	c->taken = 1;
	ix->built = 1;
	ix->cand = ecalloc(c->r->nsites + 1, 1);
	say(c, "index read", NULL);
	return 0;
}

int
detcache_hosts(struct detcache *c, size_t i, char *const **items, size_t *n)
{
	if (c == NULL || !c->has_hosts || i >= c->r->nsites)
		return -1;
	if (!c->told_hosts) {
		c->told_hosts = 1;
		say(c, "hosts read", NULL);
	}
	*items = c->hosts[i].item;
	*n = c->hosts[i].n;
	return 0;
}

void
detcache_put_hosts(struct detcache *c, size_t i, const struct yml *const *items, size_t n)
{
	struct hostlist *hl;
	size_t k;

	if (c == NULL || i >= c->r->nsites || c->hosts[i].known)
		return;
	hl = &c->hosts[i];
	hl->item = ecalloc(n ? n : 1, sizeof(*hl->item));
	for (k = 0; k < n; k++)
		hl->item[k] = estrdup(items[k]->str);
	hl->n = n;
	hl->known = 1;
}
