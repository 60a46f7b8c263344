/*
 * hash.h: the one string hash and the one hash map of the library.
 *
 * The map indexes strings the caller owns (it copies nothing): a key stays
 * valid as long as it is in the map.  Open addressing with linear probing,
 * at most half full, so a lookup touches a slot or two.
 */
#ifndef KHOBOR_HASH_H
#define KHOBOR_HASH_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a, 64 bits (Fowler, Noll, Vo; http://www.isthe.com/chongo/tech/comp/fnv/). */
uint64_t hash_fnv1a(const void *s, size_t n);

struct hentry {
	const char *key;	/* NULL: an empty slot */
	size_t len;
	void *val;
};

struct hmap {
	struct hentry *slot;
	size_t cap;		/* 0, or a power of two at least twice n */
	size_t n;
};

/* The value stored under the N bytes at KEY, or NULL. */
void *hmap_get(const struct hmap *m, const char *key, size_t n);
/* Is KEY in the map (its value may be NULL)? */
int hmap_has(const struct hmap *m, const char *key, size_t n);
/*
 * Store VAL under KEY unless KEY is there already.  Returns 1 if it was
 * added, 0 if the key was there (its value is left as it was).
 */
int hmap_put(struct hmap *m, const char *key, size_t n, void *val);
/* Make room for N keys in all, so that adding them does not grow the map step by step. */
void hmap_reserve(struct hmap *m, size_t n);
/* Empty the map, keeping its slots for reuse. */
void hmap_clear(struct hmap *m);
void hmap_free(struct hmap *m);

#endif
