/*
 * ymlcache.c: rule files kept parsed between runs (see ymlcache.h).
 *
 * A cache file's layout, in the machine's byte order:
 *
 *   "KHOBORYC", format, stamp, mode, the rule file's identity
 *   nodes, kid slots, string bytes (what the tree needs, to allocate it once)
 *   the nodes in pre-order: type, style, line, column, and the scalar's
 *     length and bytes or the collection's number of kids
 *   an XXH3 hash of all of the above
 *
 * The rebuilt tree is one allocation (ymldoc's arena): few fresh pages, and
 * a page fault costs 10-15 us on the bench machine.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>
#include <yaml.h>

#include "hash.h"
#include "util.h"
#include "ymlcache.h"

/* Bump when what the file holds, or how, changes. */
#define YMLCACHE_FORMAT 1
/* Deeper than yml.c lets a rule file nest: anything deeper is damage. */
#define YMLCACHE_DEPTH 64
/* The largest rules cache is tens of KB: one of 16 MB is not one of ours. */
#define YMLCACHE_MAX ((size_t)16 << 20)

static const char magic[8] = { 'K', 'H', 'O', 'B', 'O', 'R', 'Y', 'C' };


static void
say(const struct ymlcache *c, const char *what, const char *arg)
{
	if (c->verbose)
		warnx("rules cache %s: %s%s", c->file, what, arg ? arg : "");
}

/* ---- Writing ---------------------------------------------------------------- */

struct sizes {
	uint32_t nodes;
	uint64_t kids, bytes;
};

static void
count(const struct yml *n, struct sizes *z)
{
	size_t i;

	z->nodes++;
	if (n->type == YML_SCALAR) {
		z->bytes += n->len + 1;
		return;
	}
	z->kids += n->nkid;
	for (i = 0; i < n->nkid; i++)
		count(n->kid[i], z);
}

static void
put_node(struct buf *b, const struct yml *n)
{
	unsigned char ts[2] = { (unsigned char)n->type, (unsigned char)n->style };
	size_t i;

	cache_put(b, ts, 2);
	cache_put32(b, n->line);
	cache_put32(b, n->col);
	if (n->type == YML_SCALAR) {
		cache_putstr(b, n->str, n->len);
		return;
	}
	cache_put32(b, (uint32_t)n->nkid);
	for (i = 0; i < n->nkid; i++)
		put_node(b, n->kid[i]);
}

void
ymlcache_put(struct ymlcache *c, const struct ymldoc *doc)
{
	struct buf b = {0}, st = {0};
	struct sizes z = {0, 0, 0};

	if (c->file == NULL)
		return;
	if (c->racy) {
		say(c, "not written: the rule file changed in the last seconds", NULL);
		return;
	}
	cache_put(&b, magic, sizeof(magic));
	cache_put32(&b, YMLCACHE_FORMAT);
	cache_stamp(&st);
	cache_putstr(&b, st.s, st.len);
	buf_free(&st);
	cache_putstr(&b, c->mode, strlen(c->mode));
	cache_put(&b, &c->id, sizeof(c->id));
	if (doc->root != NULL)
		count(doc->root, &z);
	cache_put32(&b, z.nodes);
	cache_put64(&b, z.kids);
	cache_put64(&b, z.bytes);
	if (doc->root != NULL)
		put_node(&b, doc->root);
	cache_put64(&b, XXH3_64bits(b.s, b.len));
	if (cache_write(c->file, &b, c->verbose) < 0)
		say(c, "not written: ", strerror(errno));
	else
		say(c, "written", NULL);
	buf_free(&b);
}

/* ---- Reading ---------------------------------------------------------------- */

/* Where the tree being rebuilt takes its nodes, kid slots and string bytes from. */
struct arena {
	struct yml *node;
	struct yml **kid;
	char *byte;
	struct sizes left;
};

static struct yml *
get_node(struct cache_cur *k, struct arena *a, int depth)
{
	const unsigned char *ts;
	struct yml *n;
	const char *s;
	size_t len, i;

	/* The file's hash is no signature: the tree must have the shape yml.c gives one. */
	if (depth > YMLCACHE_DEPTH || a->left.nodes == 0 || (ts = cache_get(k, 2)) == NULL || ts[0] > YML_MAP ||
	    ts[1] > YAML_FOLDED_SCALAR_STYLE)
		return NULL;
	a->left.nodes--;
	n = a->node++;
	memset(n, 0, sizeof(*n));
	n->type = (enum yml_type)ts[0];
	n->style = ts[1];
	n->line = cache_get32(k);
	n->col = cache_get32(k);
	if (n->type == YML_SCALAR) {
		if ((s = cache_getstr(k, &len)) == NULL || len + 1 > a->left.bytes || memchr(s, '\0', len) != NULL)
			return NULL;
		n->str = a->byte;
		n->len = len;
		memcpy(a->byte, s, len);
		a->byte[len] = '\0';
		a->byte += len + 1;
		a->left.bytes -= len + 1;
		return n;
	}
	len = cache_get32(k);
	if (k->bad || len > a->left.kids || (n->type == YML_MAP && len % 2 != 0))
		return NULL;
	n->kid = a->kid;
	n->nkid = len;
	a->kid += len;
	a->left.kids -= len;
	for (i = 0; i < len; i++)
		if ((n->kid[i] = get_node(k, a, depth + 1)) == NULL ||
		    (n->type == YML_MAP && i % 2 == 0 && n->kid[i]->type != YML_SCALAR))
			return NULL;	/* a key is a scalar */
	return n;
}

/* The tree in the cache file's bytes B[0..N), or NULL with *WHY. */
static struct ymldoc *
parse(struct ymlcache *c, const char *file, const unsigned char *b, size_t n, const char **why)
{
	struct cache_cur k = { b, b + n, 0 };
	struct buf st = {0};
	struct sizes z;
	struct arena a;
	struct ymldoc *doc;
	const unsigned char *id;
	uint64_t h, rest;
	size_t size;
	void *arena;
	int same;

	*why = "truncated or damaged";
	if (n < sizeof(magic) + 8 || memcmp(b, magic, sizeof(magic)) != 0) {
		*why = "not a rules cache";
		return NULL;
	}
	memcpy(&h, b + n - 8, 8);
	if (XXH3_64bits(b, n - 8) != h)
		return NULL;
	k.end = b + n - 8;
	(void)cache_get(&k, sizeof(magic));
	cache_stamp(&st);
	same = cache_get32(&k) == YMLCACHE_FORMAT && cache_samestr(&k, st.s, st.len);
	buf_free(&st);
	if (!same) {
		*why = "made by another build of khobor";
		return NULL;
	}
	if (!cache_samestr(&k, c->mode, strlen(c->mode)) || (id = cache_get(&k, sizeof(c->id))) == NULL ||
	    memcmp(id, &c->id, sizeof(c->id)) != 0) {
		*why = "the rule file changed since it was made";
		return NULL;
	}
	z.nodes = cache_get32(&k);
	z.kids = cache_get64(&k);
	z.bytes = cache_get64(&k);
	/*
	 * Each node takes at least 14 bytes of the file and a scalar its text
	 * besides, so the arena is at most a few times the file: counts the
	 * file cannot hold are a lie, not an allocation.
	 */
	rest = (uint64_t)(k.end - k.p);
	if (k.bad || z.nodes > rest / 14 || z.kids > z.nodes || z.bytes > rest - 13 * (uint64_t)z.nodes)
		return NULL;
	size = z.nodes * sizeof(struct yml) + z.kids * sizeof(struct yml *) + z.bytes + 1;
	/* Memory that runs out here is a cache not used, not an error. */
	if ((arena = malloc(size)) == NULL) {
		*why = "no memory to read it";
		return NULL;
	}
	doc = ecalloc(1, sizeof(*doc));
	doc->file = estrdup(file);
	doc->arena = arena;
	a.node = doc->arena;
	a.kid = (struct yml **)(a.node + z.nodes);
	a.byte = (char *)(a.kid + z.kids);
	a.left = z;
	if (z.nodes > 0 && (doc->root = get_node(&k, &a, 0)) == NULL) {
		yml_free(doc);
		return NULL;
	}
	if (k.bad || k.p != k.end || a.left.nodes != 0) {
		yml_free(doc);
		return NULL;
	}
	return doc;
}

static struct ymldoc *
read_cache(struct ymlcache *c, const char *file)
{
	/* Not blocking: a FIFO put where the cache goes must not hang a filter. */
	int fd = open(c->file, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
	struct ymldoc *doc = NULL;
	const char *why = NULL;
	struct stat st;
	void *map;

	if (fd < 0) {
		say(c, errno == ENOENT ? "none yet" : "not read: ", errno == ENOENT ? NULL : strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 || (uint64_t)st.st_size > YMLCACHE_MAX ||
	    (map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)) == MAP_FAILED) {
		close(fd);
		say(c, "not used: not a rules cache", NULL);
		return NULL;
	}
	close(fd);
	if (!cache_owned(&st)) {
		munmap(map, (size_t)st.st_size);
		say(c, "not used: not the user's own, or others can write it", NULL);
		return NULL;
	}
	if ((doc = parse(c, file, map, (size_t)st.st_size, &why)) == NULL)
		say(c, "not used: ", why);
	else
		say(c, "read", NULL);
	munmap(map, (size_t)st.st_size);
	return doc;
}

struct ymldoc *
ymlcache_get(struct ymlcache *c, const char *file, const char *mode)
{
	struct stat st;
	struct timespec now;
	struct buf name = {0}, key = {0};
	char cwd[4096], *dir;

	memset(c, 0, sizeof(*c));
	if ((dir = cache_dir(&c->verbose)) == NULL || stat(file, &st) < 0 || !S_ISREG(st.st_mode)) {
		free(dir);
		return NULL;
	}
	cache_ident(&st, &c->id);
	(void)clock_gettime(CLOCK_REALTIME, &now);
	c->racy = cache_racy(&st, &now);
	c->mode = estrdup(mode);
	/*
	 * Named by the file's path and the mode, so that a file edited or
	 * replaced has its cache replaced, not one more beside it.
	 */
	if (file[0] != '/' && getcwd(cwd, sizeof(cwd)) != NULL)
		buf_printf(&key, "%s/", cwd);
	buf_printf(&key, "%s", file);
	buf_add(&key, "", 1);
	buf_adds(&key, mode);
	buf_printf(&name, "%s/rules-%016llx.cache", dir, (unsigned long long)hash_fnv1a(key.s, key.len));
	buf_free(&key);
	free(dir);
	c->file = name.s;
	return read_cache(c, file);
}

void
ymlcache_end(struct ymlcache *c)
{
	free(c->file);
	free(c->mode);
	memset(c, 0, sizeof(*c));
}
