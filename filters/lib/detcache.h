/*
 * detcache.h: the detection cache (see strip-boilerplate(1), FILES).
 *
 * What site detection reads from the head of every site file -- the anchor
 * index of the match patterns' literals, and each site's hosts -- kept in one
 * file per rules directory, so that the next run reads one file where it
 * would open and parse every site file's head and sort their literals.  The
 * cache stands for exactly the site files it was made from (their names, and
 * each one's device, inode, size, modification and change times to the
 * nanosecond) and for one build of the library (a stamp); a file that does
 * not, or that cannot be read whole and checked, is ignored and made anew.
 * A cache is never an error: one that cannot be written is not written.
 *
 * The index is detect.c's; its type is here so that both files see it.
 */
#ifndef KHOBOR_DETCACHE_H
#define KHOBOR_DETCACHE_H

#include <stdint.h>

#include "rules.h"

/* One anchor: a four- or eight-byte window of one match literal (see detect.c). */
struct anchor {
	uint64_t key;		/* the window's bytes, as load4 or load8 reads them */
	uint32_t off;		/* where the window starts in the literal */
	uint32_t litlen;
	uint32_t litoff;	/* the literal is lits[litoff .. litoff + litlen) */
	uint32_t site;
	unsigned char wide;	/* an eight-byte window */
	unsigned char same;	/* its literal is the previous anchor's: one memcmp for both */
};

#define AINDEX_FILTER_BYTES 8192

struct aindex {
	int built;
	/*
	 * 2^16 bits each, one per hash of a four-byte key and of an eight-byte
	 * one; allocated, so that the index read from the cache is handed over
	 * without copying them (every fresh page is a fault at start-up).
	 */
	unsigned char *filter, *filter8;
	struct anchor *a;		/* the four-byte anchors, then the eight-byte ones, each by key */
	size_t na, nnarrow;
	char *lits;			/* the literals, each once */
	size_t litslen;
	unsigned char *always;		/* per site: has a pattern with no literal */
	unsigned char *cand;		/* per site: candidate on this page (not cached) */
	/*
	 * The cache file's mapping, when the index was read from it: then
	 * filter, filter8, a, lits and always point into it, read-only.
	 */
	void *map;
	size_t maplen;
};

/* Free IX's arrays, or unmap the cache file they lie in. */
void aindex_free(struct aindex *ix);

struct detcache;


/*
 * The cache of rules directory R in DIR: the site files are looked at now
 * (before any is read, so that one changed later is seen changed), and the
 * cache file is read if it stands for them.
 */
struct detcache *detcache_open(const struct rules *r, const char *dir, int verbose);
void detcache_free(struct detcache *c);

/* Move the cached anchor index into IX (built, with cand allocated); 0, or -1 if there is none. */
int detcache_take_index(struct detcache *c, struct aindex *ix);
/* The cached hosts: entries of site I, as written in its file; 0, or -1 if there are none. */
int detcache_hosts(struct detcache *c, size_t i, char *const **items, size_t *n);
/* Site I's hosts: entries as read from its file, to be written with the cache. */
void detcache_put_hosts(struct detcache *c, size_t i, const struct yml *const *items, size_t n);
/*
 * Write the cache with index IX (or NULL: the one read, if any) and the
 * hosts of every site if all are known, when that is more than the file
 * holds.  Not when a site file changed in the last seconds: its time stamp
 * might not tell a second change from this one.
 */
void detcache_save(struct detcache *c, const struct aindex *ix);

#endif
