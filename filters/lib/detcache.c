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
 *   0, or 1 and the anchor index: filters, anchors, always, literals
 *   0, or 1 and every site's hosts: entries
 *   an XXH3 hash of all of the above
 *
 * Strings are a 32-bit length and the bytes.  Everything read is checked
 * against the file's end and against what it must be, so a damaged file is
 * ignored, never trusted.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>
#include <xxhash.h>
#include <yaml.h>

#include "detcache.h"
#include "hash.h"
#include "util.h"

/* Bump when what the file holds, or how, changes. */
#define DETCACHE_FORMAT 1

/* A hash of the library's sources, from the Makefile: another build, another cache. */
#ifndef KHOBOR_LIB_STAMP
#define KHOBOR_LIB_STAMP "unstamped"
#endif

/*
 * A site file changed less than this many seconds ago is not cached yet: a
 * file system's clock may tick only every few milliseconds (or seconds), and
 * a second change within the tick would leave the time stamps as they were
 * (the "racy" files of git's index, Documentation/technical/racy-git.txt).
 */
#define DETCACHE_SETTLE 2

/* A bigger file is not one of ours. */
#define DETCACHE_MAX ((size_t)256 << 20)

static const char magic[8] = { 'K', 'H', 'O', 'B', 'O', 'R', 'D', 'C' };

/* What says that a site file is the one the cache was made from. */
struct ident {
	uint64_t dev, ino, size;
	int64_t msec, mnsec, csec, cnsec;
};

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
	struct ident *id;	/* per site */
	int has_index, has_hosts;	/* what the file holds */
	int taken, told_hosts;
	struct aindex ix;	/* the file's index, until taken */
	struct hostlist *hosts;	/* per site */
};

static void
say(const struct detcache *c, const char *what, const char *arg)
{
	if (c->verbose)
		warnx("detection cache %s: %s%s", c->file, what, arg ? arg : "");
}

char *
detcache_dir(int *verbose)
{
	const char *mode = getenv("KHOBOR_CACHE"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	struct buf b = {0};

	*verbose = mode != NULL && strcmp(mode, "verbose") == 0;
	if (mode != NULL && strcmp(mode, "off") == 0)
		return NULL;
	/* The XDG Base Directory Specification: a relative path is invalid, to be ignored. */
	if (xdg != NULL && xdg[0] == '/')
		buf_printf(&b, "%s/khobor", xdg);
	else if (home != NULL && home[0] == '/')
		buf_printf(&b, "%s/.cache/khobor", home);
	return b.s;
}

/* What a cache must have been made by: this format, this build, these libraries. */
static void
stamp(struct buf *b)
{
	buf_printf(b, "khobor %s, library %s, utf8proc %s, libyaml %s, %zu-byte size_t", KHOBOR_VERSION,
	    KHOBOR_LIB_STAMP, utf8proc_version(), yaml_get_version_string(), sizeof(size_t));
}

/* ---- Writing ---------------------------------------------------------------- */

static void
put(struct buf *b, const void *p, size_t n)
{
	if (n > 0)
		buf_add(b, p, n);
}

static void
put32(struct buf *b, uint32_t v)
{
	put(b, &v, sizeof(v));
}

static void
put64(struct buf *b, uint64_t v)
{
	put(b, &v, sizeof(v));
}

static void
putstr(struct buf *b, const char *s, size_t n)
{
	put32(b, (uint32_t)n);
	put(b, s, n);
}

static void
put_index(struct buf *b, const struct aindex *ix, size_t nsites)
{
	size_t k;

	put(b, ix->filter, AINDEX_FILTER_BYTES);
	put(b, ix->filter8, AINDEX_FILTER_BYTES);
	put64(b, ix->na);
	put64(b, ix->nnarrow);
	put64(b, ix->litslen);
	for (k = 0; k < ix->na; k++) {
		const struct anchor *a = &ix->a[k];

		put64(b, a->key);
		put32(b, a->off);
		put32(b, a->litlen);
		put32(b, a->litoff);
		put32(b, a->site);
		put(b, &a->wide, 1);
		put(b, &a->same, 1);
	}
	put(b, ix->always, nsites);
	put(b, ix->lits, ix->litslen);
}

static void
serialise(const struct detcache *c, const struct aindex *ix, int hosts, struct buf *b)
{
	const struct rules *r = c->r;
	struct buf st = {0};
	uint32_t bom = 0x01020304;
	uint64_t h;
	size_t i, k;

	put(b, magic, sizeof(magic));
	put32(b, DETCACHE_FORMAT);
	put32(b, bom);
	stamp(&st);
	putstr(b, st.s, st.len);
	buf_free(&st);
	putstr(b, c->real, strlen(c->real));
	put64(b, r->nsites);
	for (i = 0; i < r->nsites; i++) {
		const struct ident *id = &c->id[i];

		putstr(b, r->sites[i].name, strlen(r->sites[i].name));
		put(b, id, sizeof(*id));
	}
	put(b, ix ? "\1" : "\0", 1);
	if (ix)
		put_index(b, ix, r->nsites);
	put(b, hosts ? "\1" : "\0", 1);
	for (i = 0; hosts && i < r->nsites; i++) {
		put32(b, (uint32_t)c->hosts[i].n);
		for (k = 0; k < c->hosts[i].n; k++)
			putstr(b, c->hosts[i].item[k], strlen(c->hosts[i].item[k]));
	}
	h = XXH3_64bits(b->s, b->len);
	put64(b, h);
}

/* mkdir -p the directories of FILE, as private as a cache in a home should be. */
static void
make_dirs(const char *file)
{
	char *p = estrdup(file), *s;

	for (s = strchr(p + 1, '/'); s != NULL; s = strchr(s + 1, '/')) {
		*s = '\0';
		(void)mkdir(p, 0700);
		*s = '/';
	}
	free(p);
}

/* Write B to the cache file through a temporary file and a rename; 0, or -1 with errno. */
static int
write_file(const char *file, const struct buf *b)
{
	struct buf tmp = {0};
	size_t done = 0;
	ssize_t k;
	int fd, e;

	make_dirs(file);
	buf_printf(&tmp, "%s.XXXXXX", file);
	if ((fd = mkstemp(tmp.s)) < 0) {
		e = errno;
		buf_free(&tmp);
		errno = e;
		return -1;
	}
	while (done < b->len && (k = write(fd, b->s + done, b->len - done)) > 0)
		done += (size_t)k;
	e = errno;
	if (close(fd) < 0 && done == b->len)
		e = errno, done = 0;
	if (done != b->len || rename(tmp.s, file) < 0) {
		e = done != b->len ? (e ? e : EIO) : errno;
		(void)unlink(tmp.s);
		buf_free(&tmp);
		errno = e;
		return -1;
	}
	buf_free(&tmp);
	return 0;
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
	if (write_file(c->file, &b) < 0) {
		say(c, "not written: ", strerror(errno));
	} else {
		c->has_index = ix != NULL;
		c->has_hosts = hosts;
		say(c, ix && hosts ? "written (index and hosts)" : ix ? "written (index)" : "written (hosts)", NULL);
	}
	buf_free(&b);
}

/* ---- Reading ---------------------------------------------------------------- */

struct cur {
	const unsigned char *p, *end;
	int bad;
};

static const unsigned char *
get(struct cur *k, size_t n)
{
	const unsigned char *p = k->p;

	if (k->bad || (size_t)(k->end - k->p) < n) {
		k->bad = 1;
		return NULL;
	}
	k->p += n;
	return p;
}

static uint32_t
get32(struct cur *k)
{
	const unsigned char *p = get(k, 4);
	uint32_t v = 0;

	if (p)
		memcpy(&v, p, 4);
	return v;
}

static uint64_t
get64(struct cur *k)
{
	const unsigned char *p = get(k, 8);
	uint64_t v = 0;

	if (p)
		memcpy(&v, p, 8);
	return v;
}

/* A string of the file; its length in *N.  NULL when the file ends first. */
static const char *
getstr(struct cur *k, size_t *n)
{
	*n = get32(k);
	return (const char *)get(k, *n);
}

/* Does the next string equal S? */
static int
samestr(struct cur *k, const char *s, size_t n)
{
	size_t len;
	const char *p = getstr(k, &len);

	return p != NULL && len == n && memcmp(p, s, n) == 0;
}

static void
index_free(struct aindex *ix)
{
	free(ix->filter);
	free(ix->filter8);
	free(ix->a);
	free(ix->lits);
	free(ix->always);
	free(ix->cand);
	memset(ix, 0, sizeof(*ix));
}

/* The anchor index; 0, or -1 if it is not one detect.c could have built. */
static int
get_index(struct cur *k, struct aindex *ix, size_t nsites)
{
	const unsigned char *p;
	uint64_t na, nnarrow, litslen;
	size_t i;

	ix->filter = emalloc(AINDEX_FILTER_BYTES);
	ix->filter8 = emalloc(AINDEX_FILTER_BYTES);
	if ((p = get(k, AINDEX_FILTER_BYTES)) != NULL)
		memcpy(ix->filter, p, AINDEX_FILTER_BYTES);
	if ((p = get(k, AINDEX_FILTER_BYTES)) != NULL)
		memcpy(ix->filter8, p, AINDEX_FILTER_BYTES);
	na = get64(k);
	nnarrow = get64(k);
	litslen = get64(k);
	/* 26 bytes an anchor: a count the file cannot hold is a lie, not an allocation. */
	if (k->bad || nnarrow > na || na > (uint64_t)(k->end - k->p) / 26 || litslen > (uint64_t)(k->end - k->p))
		return -1;
	ix->na = (size_t)na;
	ix->nnarrow = (size_t)nnarrow;
	ix->litslen = (size_t)litslen;
	ix->a = ecalloc(ix->na ? ix->na : 1, sizeof(*ix->a));
	for (i = 0; i < ix->na; i++) {
		struct anchor *a = &ix->a[i];
		const unsigned char *wb;
		unsigned w;

		a->key = get64(k);
		a->off = get32(k);
		a->litlen = get32(k);
		a->litoff = get32(k);
		a->site = get32(k);
		if ((wb = get(k, 2)) == NULL)
			return -1;
		a->wide = wb[0];
		a->same = wb[1];
		w = a->wide ? 8 : 4;
		/* The eight-byte anchors after the four-byte ones, each part by key. */
		if (a->wide != (i >= ix->nnarrow) || a->same > 1 || a->site >= nsites || a->litlen < w ||
		    a->off > a->litlen - w || a->litoff > ix->litslen || a->litlen > ix->litslen - a->litoff ||
		    (i > 0 && i != ix->nnarrow && a->key < ix->a[i - 1].key))
			return -1;
	}
	ix->always = ecalloc(nsites + 1, 1);
	if ((p = get(k, nsites)) == NULL)
		return -1;
	memcpy(ix->always, p, nsites);
	for (i = 0; i < nsites; i++)
		if (ix->always[i] > 1)
			return -1;
	if ((p = get(k, ix->litslen)) == NULL)
		return -1;
	ix->lits = emalloc(ix->litslen + 1);
	memcpy(ix->lits, p, ix->litslen);
	return 0;
}

static int
get_hosts(struct cur *k, struct hostlist *hl, size_t nsites)
{
	size_t i, j, len;

	for (i = 0; i < nsites; i++) {
		uint32_t n = get32(k);
		const char *s;

		if (k->bad || n > (size_t)(k->end - k->p) / 4)
			return -1;
		hl[i].item = ecalloc(n ? n : 1, sizeof(*hl[i].item));
		for (j = 0; j < n; j++) {
			if ((s = getstr(k, &len)) == NULL || memchr(s, '\0', len) != NULL)
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
	struct cur k = { b, b + n, 0 };
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
	(void)get(&k, sizeof(magic));
	stamp(&st);
	same = get32(&k) == DETCACHE_FORMAT && get32(&k) == 0x01020304 && samestr(&k, st.s, st.len);
	buf_free(&st);
	if (!same)
		return "made by another build of khobor";
	if (!samestr(&k, c->real, strlen(c->real)))
		return "made for another rules directory";
	if (get64(&k) != r->nsites)
		return "made for other site files (one added or removed)";
	for (i = 0; i < r->nsites; i++) {
		const unsigned char *id;

		if (!samestr(&k, r->sites[i].name, strlen(r->sites[i].name)))
			return k.bad ? "truncated or damaged" : "made for other site files (one added or removed)";
		if ((id = get(&k, sizeof(struct ident))) == NULL)
			return "truncated or damaged";
		if (memcmp(id, &c->id[i], sizeof(struct ident)) != 0)
			return "a site file changed since it was made";
	}
	if ((flag = get(&k, 1)) == NULL || *flag > 1 || (*flag && get_index(&k, &c->ix, r->nsites) < 0)) {
		index_free(&c->ix);
		return "truncated or damaged";
	}
	c->has_index = *flag;
	if ((flag = get(&k, 1)) == NULL || *flag > 1 || (*flag && get_hosts(&k, c->hosts, r->nsites) < 0) ||
	    k.p != k.end) {
		index_free(&c->ix);
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
	int fd = open(c->file, O_RDONLY | O_CLOEXEC);
	unsigned char *b;
	void *map;
	const char *why;
	struct stat st;
	size_t n, done = 0;
	ssize_t k;

	if (fd < 0) {
		say(c, errno == ENOENT ? "none yet" : "not read: ", errno == ENOENT ? NULL : strerror(errno));
		return;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size > DETCACHE_MAX) {
		close(fd);
		say(c, "not used: not a detection cache", NULL);
		return;
	}
	n = (size_t)st.st_size;
	/*
	 * Mapped, not read: a page fault costs 10-15 us on the bench machine,
	 * and a mapping of the page cache brings in up to 16 pages a fault
	 * where a read into fresh heap takes one fault a page.
	 */
	if (n > 0 && (map = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0)) != MAP_FAILED) {
		close(fd);
		if ((why = parse(c, map, n)) != NULL)
			say(c, "not used: ", why);
		munmap(map, n);
		return;
	}
	b = emalloc(n ? n : 1);
	while (done < n && (k = read(fd, b + done, n - done)) > 0)
		done += (size_t)k;
	close(fd);
	if ((why = parse(c, b, done)) != NULL)
		say(c, "not used: ", why);
	free(b);
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
		struct ident *id = &c->id[i];
		const char *base = strrchr(r->sites[i].file, '/');
		struct stat st;

		if (dfd < 0 || fstatat(dfd, base ? base + 1 : r->sites[i].file, &st, 0) < 0) {
			say(c, "not used: cannot stat ", r->sites[i].file);
			if (dfd >= 0)
				close(dfd);
			return c;
		}
		id->dev = st.st_dev;
		id->ino = st.st_ino;
		id->size = (uint64_t)st.st_size;
		id->msec = st.st_mtim.tv_sec;
		id->mnsec = st.st_mtim.tv_nsec;
		id->csec = st.st_ctim.tv_sec;
		id->cnsec = st.st_ctim.tv_nsec;
		if (c->racy == NULL && (st.st_mtim.tv_sec >= now.tv_sec - DETCACHE_SETTLE ||
		    st.st_ctim.tv_sec >= now.tv_sec - DETCACHE_SETTLE))
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
	index_free(&c->ix);
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
