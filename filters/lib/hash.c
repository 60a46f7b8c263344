/* hash.c: FNV-1a and an open-addressing map of caller-owned strings. */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "util.h"

uint64_t
hash_fnv1a(const void *s, size_t n)
{
	const unsigned char *p = s;
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ p[i]) * 1099511628211ULL;
	return h;
}

static struct hentry *
find(const struct hmap *m, const char *key, size_t n)
{
	size_t mask = m->cap - 1, i;

	for (i = hash_fnv1a(key, n) & mask; m->slot[i].key; i = (i + 1) & mask)
		if (m->slot[i].len == n && memcmp(m->slot[i].key, key, n) == 0)
			break;
	return &m->slot[i];
}

void *
hmap_get(const struct hmap *m, const char *key, size_t n)
{
	return m->cap ? find(m, key, n)->val : NULL;
}

int
hmap_has(const struct hmap *m, const char *key, size_t n)
{
	return m->cap ? find(m, key, n)->key != NULL : 0;
}

static void
grow_to(struct hmap *m, size_t cap)
{
	struct hentry *was = m->slot;
	size_t old = m->cap, i;

	m->cap = cap;
	m->slot = ecalloc(m->cap, sizeof(*m->slot));
	for (i = 0; i < old; i++)
		if (was[i].key)
			*find(m, was[i].key, was[i].len) = was[i];
	free(was);
}

static void
grow(struct hmap *m)
{
	grow_to(m, m->cap ? 2 * m->cap : 64);
}

void
hmap_reserve(struct hmap *m, size_t n)
{
	size_t cap = m->cap ? m->cap : 64;

	while (2 * n > cap)
		cap *= 2;
	if (cap > m->cap)
		grow_to(m, cap);
}

int
hmap_put(struct hmap *m, const char *key, size_t n, void *val)
{
	struct hentry *e;

	if (2 * (m->n + 1) > m->cap)
		grow(m);
	e = find(m, key, n);
	if (e->key)
		return 0;
	e->key = key;
	e->len = n;
	e->val = val;
	m->n++;
	return 1;
}

void
hmap_clear(struct hmap *m)
{
	if (m->n > 0)
		memset(m->slot, 0, m->cap * sizeof(*m->slot));
	m->n = 0;
}

void
hmap_free(struct hmap *m)
{
	free(m->slot);
	m->slot = NULL;
	m->cap = m->n = 0;
}
