/*
 * rxcache.c: the compiled-pattern cache (see rxcache.h).
 *
 * One file per program, $XDG_CACHE_HOME/khobor/patterns-HASH.cache, HASH
 * of the program's name: the filters of one pipeline start together, and
 * each writes only its own.  Its layout, in the machine's byte order:
 *
 *   "KHOBORPC", format, byte-order mark, stamp (this build, this PCRE2)
 *   count, then the table: per pattern its key and its entry's offset,
 *     by key
 *   an XXH3 hash of all of the above
 *   the entries, each at a multiple of 8 bytes:
 *     hash of what follows up to the code, hash of the code
 *     options, and the lengths of pattern, literal, names and code;
 *     capturing groups + 1, whether there is a literal, its rare byte
 *     the pattern, the literal, the names, zeros to a multiple of 8,
 *     the code (pcre2_serialize_encode's bytes, tables included)
 *
 * A start reads the header and the table (16 bytes a pattern) and the
 * entries of the patterns it compiles, not the rest: the file is mapped.
 * An entry's first hash is checked when it is found, the code's when it is
 * decoded.  PCRE2 cannot check a compiled pattern it reads back
 * (pcre2serialize(3): "no validity checking"), so the file is used only if
 * it is the user's own and nobody else can write it, as ssh treats its
 * keys; the hashes find damage, not malice.
 *
 * The key is an XXH3 of the pattern with its options as the seed; a hit is
 * confirmed by comparing the pattern itself.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "cachefile.h"
#include "hash.h"
#include "rxcache.h"
#include "util.h"

/* Bump when what the file holds, or how, changes. */
#define RXCACHE_FORMAT 1
/* Past this size a file keeps only the patterns its last run used, and a run adds no more. */
#define RXCACHE_KEEP ((size_t)32 << 20)
/* Where an entry's fixed fields are: two hashes, eight 32-bit numbers. */
enum {
	E_METAHASH = 0, E_CODEHASH = 8, E_FLAGS = 16, E_PATLEN = 20, E_LITLEN = 24, E_NAMESLEN = 28,
	E_CODELEN = 32, E_NPAIRS = 36, E_HASLIT = 40, E_RARE = 44, ENTRY_HEAD = 48
};

static const char magic[8] = { 'K', 'H', 'O', 'B', 'O', 'R', 'P', 'C' };

struct slot {
	uint64_t key;
	const unsigned char *e;	/* the entry, in the file or in pend */
	size_t len;
	size_t poff;		/* in pend, for this run's */
	int old;		/* from the file read */
};

static struct {
	int opened, verbose;
	char *file;			/* NULL: no cache */
	const unsigned char *map;	/* the file, or NULL */
	size_t maplen;
	const unsigned char *table;	/* n keys and offsets, in the file */
	size_t n;
	unsigned char *used;		/* per table entry: found this run */
	struct buf pend;		/* entries compiled this run, as they are written */
	struct slot *new;
	size_t nnew, cap;
	size_t found;
} pc;

static void
say(const char *what, const char *arg)
{
	if (pc.verbose)
		warnx("pattern cache %s: %s%s", pc.file, what, arg ? arg : "");
}

static uint32_t
rd32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t
rd64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static void
stamp(struct buf *b)
{
	char v[64];

	cache_stamp(b);
	if (pcre2_config(PCRE2_CONFIG_VERSION, v) > 0)
		buf_printf(b, ", PCRE2 %s", v);
}

static size_t
pad8(size_t n)
{
	return (8 - n % 8) % 8;
}

/*
 * The length of the entry at offset OFF of the file, 0 if it does not fit
 * in the file or its first hash is wrong.
 */
static size_t
entry_len(const unsigned char *f, size_t flen, size_t off)
{
	const unsigned char *e;
	uint64_t sum;
	size_t body, codelen, n;

	if (off % 8 != 0 || off > flen || flen - off < ENTRY_HEAD)
		return 0;
	/* Only now: an offset past the file is not even added to F (undefined, and UBSan says so). */
	e = f + off;
	/* pattern, literal, names: three 32-bit lengths, whose sum 64 bits hold */
	sum = (uint64_t)rd32(e + E_PATLEN) + rd32(e + E_LITLEN) + rd32(e + E_NAMESLEN);
	codelen = rd32(e + E_CODELEN);
	if (sum > flen - off - ENTRY_HEAD)
		return 0;
	body = (size_t)sum;
	n = ENTRY_HEAD + body + pad8(ENTRY_HEAD + body);
	if (n > flen - off || codelen > flen - off - n)
		return 0;
	if (XXH3_64bits(e + E_FLAGS, ENTRY_HEAD - E_FLAGS + body) != rd64(e + E_METAHASH))
		return 0;
	return n + codelen;
}

static void save(void);

/* Read the header and table of the program's cache file, if it is one. */
static const char *
load(void)
{
	int fd = open(pc.file, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
	struct cache_cur k;
	struct buf st = {0};
	struct stat sb;
	void *map;
	size_t n;
	int same;

	if (fd < 0)
		return errno == ENOENT ? "none yet" : "not read";
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode) || sb.st_size < 32 || (uint64_t)sb.st_size > CACHE_MAX) {
		close(fd);
		return "not used: not a pattern cache";
	}
	if (!cache_owned(&sb)) {
		close(fd);
		return "not used: not the user's own, or others can write it";
	}
	n = (size_t)sb.st_size;
	map = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return "not read";
	k.p = map;
	k.end = k.p + n;
	k.bad = 0;
	if (memcmp(cache_get(&k, sizeof(magic)), magic, sizeof(magic)) != 0) {
		munmap(map, n);
		return "not used: not a pattern cache";
	}
	stamp(&st);
	same = cache_get32(&k) == RXCACHE_FORMAT && cache_get32(&k) == 0x01020304 && cache_samestr(&k, st.s, st.len);
	buf_free(&st);
	pc.n = (size_t)cache_get64(&k);
	if (!same || k.bad || pc.n > (size_t)(k.end - k.p) / 16) {
		munmap(map, n);
		pc.n = 0;
		return k.bad ? "not used: truncated" : "not used: made by another build of khobor or PCRE2";
	}
	pc.table = cache_get(&k, 16 * pc.n);
	if (pc.table == NULL || (size_t)(k.end - k.p) < 8 ||
	    XXH3_64bits(map, (size_t)(k.p - (const unsigned char *)map)) != rd64(k.p)) {
		munmap(map, n);
		pc.n = 0;
		pc.table = NULL;
		return "not used: truncated or damaged";
	}
	pc.map = map;
	pc.maplen = n;
	pc.used = ecalloc(pc.n + 1, 1);
	return NULL;
}

static int
open_cache(void)
{
	struct buf name = {0};
	const char *why;
	char *dir;

	if (pc.opened)
		return pc.file != NULL;
	pc.opened = 1;
	if ((dir = cache_dir(&pc.verbose)) == NULL)
		return 0;
	buf_printf(&name, "%s/patterns-%016llx.cache", dir, (unsigned long long)hash_fnv1a(prog, strlen(prog)));
	free(dir);
	pc.file = name.s;
	if ((why = load()) != NULL)
		say(why, NULL);
	if (atexit(save) != 0) {
		free(pc.file);
		pc.file = NULL;
		return 0;
	}
	return 1;
}

/*
 * Are NAMES[0..LEN) named groups as rx_named walks them: each a group
 * number under NPAIRS (two bytes, high first), a name and its NUL, to the
 * end?  Past the hashes, which find damage, so that an entry made by hand
 * makes rx_named read neither past the names nor a group there is not.
 */
static int
names_ok(const char *names, size_t len, uint32_t npairs)
{
	const char *p = names, *end = names + len, *nul;
	unsigned g;

	while (p < end) {
		if (end - p < 4 || (nul = memchr(p + 2, '\0', (size_t)(end - p - 2))) == NULL || nul == p + 2)
			return 0;
		g = ((unsigned)(unsigned char)p[0] << 8) | (unsigned char)p[1];
		if (g == 0 || g >= npairs)
			return 0;
		p = nul + 1;
	}
	return 1;
}

int
rxcache_find(const char *pat, size_t len, uint32_t flags, struct rxcache_hit *h)
{
	uint64_t key;
	size_t lo = 0, hi, off, el;
	const unsigned char *e;

	if (!open_cache() || pc.map == NULL)
		return 0;
	key = XXH3_64bits_withSeed(pat, len, flags);
	hi = pc.n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rd64(pc.table + 16 * mid) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == pc.n || rd64(pc.table + 16 * lo) != key)
		return 0;
	off = (size_t)rd64(pc.table + 16 * lo + 8);
	if ((el = entry_len(pc.map, pc.maplen, off)) == 0)
		return 0;
	e = pc.map + off;
	if (rd32(e + E_FLAGS) != flags || rd32(e + E_PATLEN) != len || memcmp(e + ENTRY_HEAD, pat, len) != 0)
		return 0;
	h->npairs = rd32(e + E_NPAIRS);
	h->litlen = rd32(e + E_LITLEN);
	h->lit = rd32(e + E_HASLIT) ? (const char *)e + ENTRY_HEAD + len : NULL;
	h->rare = rd32(e + E_RARE);
	h->nameslen = rd32(e + E_NAMESLEN);
	h->names = (const char *)e + ENTRY_HEAD + len + h->litlen;
	h->codelen = rd32(e + E_CODELEN);
	h->code = e + el - h->codelen;
	h->codehash = rd64(e + E_CODEHASH);
	if (h->npairs == 0 || h->npairs > 65536 || (h->lit && h->rare >= h->litlen) ||
	    !names_ok(h->names, h->nameslen, h->npairs))
		return 0;
	pc.used[lo] = 1;
	pc.found++;
	return 1;
}

void
rxcache_add(const char *pat, size_t len, uint32_t flags, const pcre2_code *code, uint32_t npairs,
    const char *lit, size_t litlen, size_t rare, const char *names, size_t nameslen)
{
	static const unsigned char zero[8];
	uint8_t *bytes;
	PCRE2_SIZE size;
	struct buf *b = &pc.pend;
	size_t at, body;
	uint32_t u[8];

	/*
	 * A program that compiles patterns without end (a fuzzer of rule
	 * files, a learner trying candidates) would keep every one in memory
	 * until it exits (1.3 KB a pattern, tables included), then write them
	 * all: past RXCACHE_KEEP bytes this run's are not kept.
	 */
	if (!open_cache() || pc.pend.len > RXCACHE_KEEP || len > UINT32_MAX || litlen > UINT32_MAX ||
	    nameslen > UINT32_MAX)
		return;
	if (pcre2_serialize_encode(&code, 1, &bytes, &size, NULL) < 0)
		return;
	if (size <= UINT32_MAX) {
		if (pc.nnew == pc.cap) {
			pc.cap = pc.cap ? 2 * pc.cap : 64;
			pc.new = erealloc(pc.new, pc.cap * sizeof(*pc.new));
		}
		if (!lit)
			litlen = 0;
		at = b->len;
		body = len + litlen + nameslen;
		u[0] = flags;
		u[1] = (uint32_t)len;
		u[2] = (uint32_t)litlen;
		u[3] = (uint32_t)nameslen;
		u[4] = (uint32_t)size;
		u[5] = npairs;
		u[6] = lit != NULL;
		u[7] = (uint32_t)rare;
		cache_put64(b, 0);
		cache_put64(b, XXH3_64bits(bytes, size));
		cache_put(b, u, sizeof(u));
		cache_put(b, pat, len);
		cache_put(b, lit, litlen);
		cache_put(b, names, nameslen);
		cache_put(b, zero, pad8(ENTRY_HEAD + body));
		cache_put(b, bytes, size);
		/* The first hash, now that what it covers is in place. */
		{
			uint64_t mh = XXH3_64bits(b->s + at + E_FLAGS, ENTRY_HEAD - E_FLAGS + body);

			memcpy(b->s + at, &mh, sizeof(mh));
		}
		pc.new[pc.nnew].key = XXH3_64bits_withSeed(pat, len, flags);
		pc.new[pc.nnew].e = NULL;
		pc.new[pc.nnew].old = 0;
		pc.new[pc.nnew].poff = at;
		pc.new[pc.nnew].len = b->len - at;
		pc.nnew++;
	}
	pcre2_serialize_free(bytes);
}

pcre2_code *
rxcache_decode(const unsigned char *code, size_t codelen, uint64_t codehash)
{
	pcre2_code *c = NULL;

	if (XXH3_64bits(code, codelen) != codehash || pcre2_serialize_decode(&c, 1, code, NULL) != 1)
		return NULL;
	return c;
}

static int
by_key(const void *a, const void *b)
{
	const struct slot *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->old - y->old;
}

/* At exit: write the file anew if this run compiled a pattern it did not hold. */
static void
save(void)
{
	struct buf b = {0}, st = {0};
	struct slot *all;
	size_t i, k, m = 0, total = pc.pend.len, off;
	int keep_all;

	if (pc.nnew > 0 && pc.file != NULL) {
		all = ecalloc(pc.n + pc.nnew + 1, sizeof(*all));
		for (i = 0; i < pc.n; i++)
			total += entry_len(pc.map, pc.maplen, (size_t)rd64(pc.table + 16 * i + 8));
		keep_all = total <= RXCACHE_KEEP;
		/*
		 * A key twice: an entry whose code was damaged, compiled again
		 * this run (or two patterns whose XXH3 agree): this run's is kept.
		 */
		for (i = 0; i < pc.nnew; i++) {
			all[m] = pc.new[i];
			all[m++].e = (const unsigned char *)pc.pend.s + pc.new[i].poff;
		}
		for (i = 0; i < pc.n; i++) {
			size_t eo = (size_t)rd64(pc.table + 16 * i + 8), el;

			if ((keep_all || pc.used[i]) && (el = entry_len(pc.map, pc.maplen, eo)) > 0) {
				all[m].key = rd64(pc.table + 16 * i);
				all[m].e = pc.map + eo;
				all[m].old = 1;
				all[m++].len = el;
			}
		}
		qsort(all, m, sizeof(*all), by_key);
		for (i = k = 0; i < m; i++)
			if (k == 0 || all[k - 1].key != all[i].key)
				all[k++] = all[i];
		m = k;
		cache_put(&b, magic, sizeof(magic));
		cache_put32(&b, RXCACHE_FORMAT);
		cache_put32(&b, 0x01020304);
		stamp(&st);
		cache_putstr(&b, st.s, st.len);
		buf_free(&st);
		cache_put64(&b, m);
		off = b.len + 16 * m + 8;
		off += pad8(off);
		for (i = 0; i < m; i++) {
			cache_put64(&b, all[i].key);
			cache_put64(&b, off);
			off += all[i].len + pad8(all[i].len);
		}
		cache_put64(&b, XXH3_64bits(b.s, b.len));
		for (i = 0; i < m; i++) {
			static const unsigned char zero[8];

			cache_put(&b, zero, pad8(b.len));
			cache_put(&b, all[i].e, all[i].len);
		}
		if (cache_write(pc.file, &b, pc.verbose) < 0)
			say("not written: ", strerror(errno));
		else if (pc.verbose)
			warnx("pattern cache %s: %zu found, %zu compiled, written (%zu patterns)", pc.file, pc.found,
			    pc.nnew, m);
		buf_free(&b);
		free(all);
	} else if (pc.file != NULL && pc.verbose) {
		warnx("pattern cache %s: %zu found, none compiled", pc.file, pc.found);
	}
	if (pc.map)
		munmap((void *)pc.map, pc.maplen);
	buf_free(&pc.pend);
	free(pc.new);
	free(pc.used);
	free(pc.file);
	memset(&pc, 0, sizeof(pc));
	pc.opened = 1;
}
