/*
 * dedup.c: the LSH index of dedupe(1), its file, and band lines for shard
 * mode (see dedup.h; the signatures it holds are dedupsig.c's).
 *
 * LSH banding (Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of
 * Massive Datasets", ch. 3.4): 24 bands of 2 values, so that a pair with
 * Jaccard 0.4 is a candidate with chance 0.985, and a cut copy with a low
 * Jaccard but a high containment is still found.  Each candidate is then
 * checked: Jaccard estimated from the agreeing bins, containment from
 * Jaccard and the two shingle counts, |A n B| = J (|A| + |B|) / (1 + J).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xxhash.h>

#include "dedup.h"
#include "le.h"

#define NIL UINT32_MAX
#define INDEX_MAGIC "KHOBORDX"
#define INDEX_VERSION 1
#define INDEX_HEAD 64

const char *
dedupe_kind_name(enum dedupe_kind k)
{
	switch (k) {
	case DEDUPE_EXACT: return "exact";
	case DEDUPE_NEAR: return "near";
	case DEDUPE_CONTAINED: return "contained";
	default: return "none";
	}
}

/* ---- the index ---- */

/* A chain of records sharing a key (a band's value, or an exact hash), oldest first. */
struct slot {
	uint64_t key;
	uint32_t head, tail;	/* head NIL: an empty slot */
};

struct table {
	struct slot *s;
	size_t cap, n;		/* cap a power of two, at least twice n */
};

/*
 * The band tables, one a band.  A slot is 8 bytes where one of the table
 * above takes 16, so that twice as many fit in a cache line and half the
 * memory is cleared and missed: the value of a band of at most two rows
 * (two 16-bit MinHash values) fits in 32 bits, and a wider one is folded
 * to 32 and checked against the signature of its chain's first record,
 * which holds it.
 *
 * Only the first DEDUPE_CHAIN records of a band value are ever candidates,
 * so its chain is no linked list but, for a value that one record has,
 * that record in the slot, and for a value that more have, a block of
 * DEDUPE_CHAIN record numbers in ix->blk (NIL after the last), named in
 * the slot with BLOCK set.  A chain is then one cache line, whose address
 * is known as soon as the slot is read, where a list cost a dependent miss
 * a record; most values of a real crawl have one record and no block.
 */
#define BLOCK 0x80000000u	/* in a slot's head: a block's number follows */

struct bslot {
	uint32_t v;		/* the band's value, folded to 32 bits */
	uint32_t head;		/* NIL: an empty slot; a record; or BLOCK | a block */
};

typedef uint32_t chainblock[DEDUPE_CHAIN];

struct btable {
	struct bslot *s;
	size_t cap, n;		/* cap a power of two, at least twice n */
};

struct dedupe_index {
	struct dedupe_params p;
	struct dedupe_sig *sig;
	size_t *keyoff;		/* offset of each key in keys */
	size_t n, cap;
	struct buf keys;	/* the keys, each ending in NUL */
	struct btable *bt;	/* p.bands tables */
	struct table exact;
	chainblock *blk;	/* the chains of band values more records have, 64-byte aligned */
	size_t nblk, capblk;
	uint32_t *xnext;	/* n: the next record in the chain of i's exact hash */
	uint32_t *stamp;	/* n: the query that last checked record i */
	uint32_t query;
};

struct dedupe_index *
dedupe_index_new(const struct dedupe_params *p)
{
	struct dedupe_index *ix = ecalloc(1, sizeof(*ix));

	/* band_value's 16 bits a row must fit in 64; a band per bin at most. */
	if (p->bands == 0 || p->bands > DEDUPE_BINS || p->rows == 0 || p->rows > 3)
		die(EXIT_USAGE, "internal error: %u bands of %u rows are not supported", p->bands, p->rows);
	ix->p = *p;
	ix->bt = ecalloc(p->bands, sizeof(*ix->bt));
	return ix;
}

void
dedupe_index_free(struct dedupe_index *ix)
{
	unsigned t;

	if (ix == NULL)
		return;
	free(ix->sig);
	free(ix->keyoff);
	buf_free(&ix->keys);
	if (ix->bt != NULL)
		for (t = 0; t < ix->p.bands; t++)
			free(ix->bt[t].s);
	free(ix->bt);
	free(ix->exact.s);
	free(ix->blk);
	free(ix->xnext);
	free(ix->stamp);
	free(ix);
}

size_t
dedupe_index_count(const struct dedupe_index *ix)
{
	return ix->n;
}

const char *
dedupe_index_key(const struct dedupe_index *ix, size_t i)
{
	return ix->keys.s + ix->keyoff[i];
}

const struct dedupe_sig *
dedupe_index_sig(const struct dedupe_index *ix, size_t i)
{
	return &ix->sig[i];
}

static size_t
slot_of(const struct table *t, uint64_t key)
{
	/*
	 * The keys are hash values already (MinHash values, exact hashes, record
	 * numbers): Fibonacci hashing (Knuth, TAOCP vol. 3, 6.4) spreads them
	 * over the slots, without a call into xxHash for each of the 24 bands.
	 */
	size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 32) & (t->cap - 1);

	while (t->s[i].head != NIL && t->s[i].key != key)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static const struct slot *
table_get(const struct table *t, uint64_t key)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	i = slot_of(t, key);
	return t->s[i].head == NIL ? NULL : &t->s[i];
}

/* Append record REC to KEY's chain; NEXT is the chain array (next[rec * stride]). */
static void
table_add(struct table *t, uint64_t key, uint32_t rec, uint32_t *next, size_t stride)
{
	size_t i;

	if (2 * (t->n + 1) > t->cap) {
		struct table old = *t;
		size_t k;

		t->cap = t->cap ? 2 * t->cap : 1024;
		t->s = emalloc(t->cap * sizeof(*t->s));
		for (k = 0; k < t->cap; k++)
			t->s[k].head = NIL;
		for (k = 0; k < old.cap; k++)
			if (old.s[k].head != NIL)
				t->s[slot_of(t, old.s[k].key)] = old.s[k];
		free(old.s);
	}
	next[(size_t)rec * stride] = NIL;
	i = slot_of(t, key);
	if (t->s[i].head == NIL) {
		t->s[i].key = key;
		t->s[i].head = t->s[i].tail = rec;
		t->n++;
	} else {
		next[(size_t)t->s[i].tail * stride] = rec;
		t->s[i].tail = rec;
	}
}

/* The value of band T of SIG: its rows' MinHash values side by side. */
static uint64_t
band_value(const struct dedupe_params *p, const struct dedupe_sig *sig, unsigned t)
{
	uint64_t v = 0;
	unsigned r;

	for (r = 0; r < p->rows; r++)
		v = v << 16 | sig->mh[t * p->rows + r];
	return v;
}

/* The band's value with its number, for band lines: rows <= 3, so the number fits above. */
static uint64_t
band_key(const struct dedupe_params *p, const struct dedupe_sig *sig, unsigned t)
{
	return (uint64_t)t << 48 | band_value(p, sig, t);
}

static uint32_t
fold32(uint64_t v)
{
	return (uint32_t)(v ^ v >> 32);
}

/* Where the folded value F starts its search in BT: Fibonacci hashing, as slot_of. */
static size_t
bslot_home(const struct btable *bt, uint32_t f)
{
	return (size_t)(((uint64_t)f * 0x9E3779B97F4A7C15ULL) >> 32) & (bt->cap - 1);
}

/* The first record of the chain a slot's HEAD names. */
static uint32_t
chain_first(const struct dedupe_index *ix, uint32_t head)
{
	return head & BLOCK ? ix->blk[head & ~BLOCK][0] : head;
}

/* The slot of band T's value V, searched from I: its chain's, or the empty slot where it goes. */
static size_t
bslot_of(const struct dedupe_index *ix, const struct btable *bt, unsigned t, uint64_t v, size_t i)
{
	uint32_t f = fold32(v);
	int folded = ix->p.rows > 2;

	for (;; i = (i + 1) & (bt->cap - 1)) {
		const struct bslot *s = &bt->s[i];

		if (s->head == NIL ||
		    (s->v == f && (!folded || band_value(&ix->p, &ix->sig[chain_first(ix, s->head)], t) == v)))
			return i;
	}
}

static void
btable_grow(struct btable *bt)
{
	struct btable old = *bt;
	size_t k, i;

	bt->cap = bt->cap ? 2 * bt->cap : 1024;
	bt->s = emalloc(bt->cap * sizeof(*bt->s));
	memset(bt->s, 0xFF, bt->cap * sizeof(*bt->s));	/* every head NIL (UINT32_MAX) */
	for (k = 0; k < old.cap; k++) {
		if (old.s[k].head == NIL)
			continue;
		/* No two slots hold one band value: the first empty slot is the place. */
		for (i = bslot_home(bt, old.s[k].v); bt->s[i].head != NIL; i = (i + 1) & (bt->cap - 1))
			;
		bt->s[i] = old.s[k];
	}
	free(old.s);
}

/* A new block holding the records A and B; its number. */
static uint32_t
block_new(struct dedupe_index *ix, uint32_t a, uint32_t b)
{
	uint32_t *c;
	unsigned k;

	if (ix->nblk == ix->capblk) {
		/* aligned_alloc, so that a block never straddles two cache lines; no aligned realloc. */
		size_t cap = ix->capblk ? 2 * ix->capblk : 1024;
		chainblock *nb = aligned_alloc(64, cap * sizeof(*nb));

		if (nb == NULL)
			die(EXIT_MEMORY, "out of memory (band chains)");
		if (ix->nblk)
			memcpy(nb, ix->blk, ix->nblk * sizeof(*nb));
		free(ix->blk);
		ix->blk = nb;
		ix->capblk = cap;
	}
	if (ix->nblk >= BLOCK - 1)	/* BLOCK | the number must not be NIL */
		die(EXIT_MEMORY, "the index is full (%zu band chains)", ix->nblk);
	c = ix->blk[ix->nblk];
	c[0] = a;
	c[1] = b;
	for (k = 2; k < DEDUPE_CHAIN; k++)
		c[k] = NIL;
	return (uint32_t)ix->nblk++;
}

/* Put record REC in the chain of band T's value V, searched from slot AT. */
static void
band_link(struct dedupe_index *ix, unsigned t, uint64_t v, size_t at, uint32_t rec)
{
	struct btable *bt = &ix->bt[t];
	struct bslot *s = &bt->s[bslot_of(ix, bt, t, v, at)];
	uint32_t *c;
	unsigned k;

	if (s->head == NIL) {
		s->v = fold32(v);
		s->head = rec;
		bt->n++;
	} else if (!(s->head & BLOCK)) {
		s->head = BLOCK | block_new(ix, s->head, rec);
	} else {
		/* A full chain takes no more: a later record is never a candidate through it. */
		c = ix->blk[s->head & ~BLOCK];
		for (k = 2; k < DEDUPE_CHAIN; k++)
			if (c[k] == NIL) {
				c[k] = rec;
				break;
			}
	}
}

size_t
dedupe_index_add(struct dedupe_index *ix, const struct dedupe_sig *sig, const char *key)
{
	const struct dedupe_params *p = &ix->p;
	uint32_t rec;
	unsigned t;

	if (sig->flags & DEDUPE_EMPTY)
		return (size_t)-1;
	if (ix->n >= BLOCK - 1)	/* a record number leaves BLOCK clear */
		die(EXIT_MEMORY, "the index is full (%zu records)", ix->n);
	if (ix->n == ix->cap) {
		ix->cap = ix->cap ? 2 * ix->cap : 256;
		ix->sig = erealloc(ix->sig, ix->cap * sizeof(*ix->sig));
		ix->keyoff = erealloc(ix->keyoff, ix->cap * sizeof(*ix->keyoff));
		ix->xnext = erealloc(ix->xnext, ix->cap * sizeof(*ix->xnext));
		ix->stamp = erealloc(ix->stamp, ix->cap * sizeof(*ix->stamp));
	}
	rec = (uint32_t)ix->n++;
	ix->sig[rec] = *sig;
	ix->stamp[rec] = 0;
	ix->keyoff[rec] = ix->keys.len;
	buf_add(&ix->keys, key, strlen(key));
	buf_addc(&ix->keys, '\0');
	if (sig->flags & DEDUPE_SHORT) {
		table_add(&ix->exact, sig->exact, rec, ix->xnext, 1);
	} else {
		/*
		 * One pass a record: the 24 slots are random places in tables of
		 * megabytes, so their cache lines are all asked for first and
		 * their misses wait side by side, not one after another.
		 */
		uint64_t v[DEDUPE_BINS];
		size_t at[DEDUPE_BINS];

		for (t = 0; t < p->bands; t++) {
			struct btable *bt = &ix->bt[t];

			if (2 * (bt->n + 1) > bt->cap)
				btable_grow(bt);
			v[t] = band_value(p, sig, t);
			at[t] = bslot_home(bt, fold32(v[t]));
			__builtin_prefetch(&bt->s[at[t]], 1);
		}
		for (t = 0; t < p->bands; t++)
			band_link(ix, t, v[t], at[t], rec);
	}
	return rec;
}

static void
explain_reject(FILE *fp, const char *prefix, const char *key, const struct dedupe_match *m)
{
	fprintf(fp, "%s: not a copy of %s: jaccard %.2f, containment %.2f", prefix, key, m->jaccard,
	    m->containment);
	if (m->numbers >= 0)
		fprintf(fp, ", numbers %.2f", m->numbers);
	fputc('\n', fp);
}

/*
 * Is match A (of record JA of shard SA) a better original than match B?
 * The closest by estimated Jaccard, then the earliest.  Not by similarity:
 * a part cut out of the copy is fully contained in it, but further from it
 * than the story it came from.
 */
static int
better(const struct dedupe_match *a, unsigned long sa, unsigned long ja,
    const struct dedupe_match *b, unsigned long sb, unsigned long jb)
{
	if (b->kind == DEDUPE_NONE)
		return 1;
	if (a->jaccard != b->jaccard)
		return a->jaccard > b->jaccard;
	return sa < sb || (sa == sb && ja < jb);
}

long
dedupe_index_find(struct dedupe_index *ix, const struct dedupe_rule *rule,
    const struct dedupe_sig *sig, struct dedupe_match *best_m, FILE *explain, const char *prefix)
{
	const struct dedupe_params *p = &ix->p;
	struct dedupe_match m;
	const struct slot *s;
	uint32_t best = NIL, j, head[DEDUPE_BINS], cand[DEDUPE_BINS * DEDUPE_CHAIN];
	unsigned t, k, nc = 0;
	uint64_t v[DEDUPE_BINS];
	size_t at[DEDUPE_BINS];

	memset(best_m, 0, sizeof(*best_m));
	best_m->numbers = -1;
	if (sig->flags & DEDUPE_EMPTY)
		return -1;
	if (sig->flags & DEDUPE_SHORT) {
		/* All candidates are equal: the earliest is the original. */
		if ((s = table_get(&ix->exact, sig->exact)) != NULL)
			for (j = s->head; j != NIL; j = ix->xnext[j])
				if (dedupe_compare(p, rule, &ix->sig[j], sig, &m)) {
					best = j;
					*best_m = m;
					break;
				}
		return best == NIL ? -1 : (long)best;
	}
	/*
	 * Every record that shares a band is checked once (the stamp says which
	 * were); the closest copy (by Jaccard) is the original, the earliest
	 * among equals.  Only the first DEDUPE_CHAIN records of a band are
	 * candidates: a template or a story carried a thousand times must not
	 * make each new record check a thousand.
	 * Chains are in record order, so after an exact copy nothing later in a
	 * chain can do better.
	 */
	if (++ix->query == 0) {
		memset(ix->stamp, 0, ix->n * sizeof(*ix->stamp));
		ix->query = 1;
	}
	/*
	 * In steps, so that each step's cache misses wait side by side: the
	 * slots' lines asked for (as in dedupe_index_add), then the blocks'
	 * lines, then the candidates' signatures, then the checks.
	 */
	for (t = 0; t < p->bands; t++) {
		v[t] = band_value(p, sig, t);
		if (ix->bt[t].cap) {
			at[t] = bslot_home(&ix->bt[t], fold32(v[t]));
			__builtin_prefetch(&ix->bt[t].s[at[t]]);
		}
	}
	for (t = 0; t < p->bands; t++) {
		const struct btable *bt = &ix->bt[t];

		head[t] = bt->cap ? bt->s[bslot_of(ix, bt, t, v[t], at[t])].head : NIL;
		if (head[t] != NIL && head[t] & BLOCK)
			__builtin_prefetch(ix->blk[head[t] & ~BLOCK]);
	}
	for (t = 0; t < p->bands; t++) {
		if (head[t] == NIL)
			continue;
		for (k = 0; k < DEDUPE_CHAIN; k++) {
			j = head[t] & BLOCK ? ix->blk[head[t] & ~BLOCK][k] : k == 0 ? head[t] : NIL;
			if (j == NIL)
				break;
			cand[nc++] = j;
			__builtin_prefetch(&ix->stamp[j]);
			__builtin_prefetch((const char *)&ix->sig[j]);
			__builtin_prefetch((const char *)&ix->sig[j] + 64);
			__builtin_prefetch((const char *)&ix->sig[j] + sizeof(ix->sig[j]) - 1);
		}
	}
	/*
	 * The candidates in the order of bands and chains.  Skipping a record
	 * after an exact copy (without its stamp) is what ending its chain
	 * did: the rest of a chain is later still.
	 */
	for (k = 0; k < nc; k++) {
		j = cand[k];
		if (best != NIL && j >= best && best_m->jaccard >= 1)
			continue;
		if (ix->stamp[j] == ix->query)
			continue;
		ix->stamp[j] = ix->query;
		if (dedupe_compare(p, rule, &ix->sig[j], sig, &m)) {
			if (better(&m, 0, j, best_m, 0, best)) {
				best = j;
				*best_m = m;
			}
		} else if (explain) {
			explain_reject(explain, prefix, dedupe_index_key(ix, j), &m);
		}
	}
	return best == NIL ? -1 : (long)best;
}

/* ---- the index file ---- */

/*
 * Layout, all integers little-endian:
 *   0  "KHOBORDX"        8  version        12 norm      16 shingle
 *   20 bins              24 bands          28 rows      32 short_words
 *   36 0                 40 seed (8)       48 records (8)   56 key bytes (8)
 *   64 the signatures, DEDUPE_SIG_BYTES each
 *      the keys, each as a 4-byte length and its bytes
 *      an XXH3 64-bit checksum of everything before it
 */
static void
head_pack(const struct dedupe_params *p, uint64_t n, uint64_t keybytes, unsigned char *h)
{
	memset(h, 0, INDEX_HEAD);
	memcpy(h, INDEX_MAGIC, 8);
	put32(h + 8, INDEX_VERSION);
	put32(h + 12, p->norm);
	put32(h + 16, p->shingle);
	put32(h + 20, p->bins);
	put32(h + 24, p->bands);
	put32(h + 28, p->rows);
	put32(h + 32, p->short_words);
	put64(h + 40, p->seed);
	put64(h + 48, n);
	put64(h + 56, keybytes);
}

static int
write_all(FILE *fp, XXH3_state_t *st, const void *s, size_t n)
{
	XXH3_64bits_update(st, s, n);
	return fwrite(s, 1, n, fp) == n ? 0 : -1;
}

int
dedupe_index_write_fp(const struct dedupe_index *ix, FILE *fp)
{
	unsigned char h[INDEX_HEAD], sb[DEDUPE_SIG_BYTES], l[8];
	XXH3_state_t *st = XXH3_createState();
	uint64_t keybytes = 0;
	size_t i;
	int rc = 0;

	if (st == NULL)
		die(EXIT_MEMORY, "out of memory (xxHash state)");
	XXH3_64bits_reset(st);
	for (i = 0; i < ix->n; i++)
		keybytes += strlen(dedupe_index_key(ix, i));
	head_pack(&ix->p, ix->n, keybytes, h);
	rc |= write_all(fp, st, h, sizeof(h));
	for (i = 0; i < ix->n && rc == 0; i++) {
		dedupe_sig_pack(&ix->sig[i], sb);
		rc |= write_all(fp, st, sb, sizeof(sb));
	}
	for (i = 0; i < ix->n && rc == 0; i++) {
		const char *k = dedupe_index_key(ix, i);
		size_t kl = strlen(k);

		put32(l, (uint32_t)kl);
		rc |= write_all(fp, st, l, 4);
		rc |= write_all(fp, st, k, kl);
	}
	put64(l, XXH3_64bits_digest(st));
	XXH3_freeState(st);
	if (rc == 0 && fwrite(l, 1, 8, fp) != 8)
		rc = -1;
	return rc;
}

void
dedupe_index_write(const struct dedupe_index *ix, struct buf *out)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	if (fp == NULL)
		die(EXIT_MEMORY, "out of memory (index)");
	if (dedupe_index_write_fp(ix, fp) != 0 || fclose(fp) != 0)
		die(EXIT_MEMORY, "out of memory (index)");
	buf_add(out, s, n);
	free(s);
}

static void
param_diff(struct buf *err, const char *what, uint64_t got, uint64_t want)
{
	buf_printf(err, "%s%s %llu (this dedupe: %llu)", err->len ? ", " : "", what,
	    (unsigned long long)got, (unsigned long long)want);
}

int
dedupe_index_read(struct dedupe_index *ix, const void *data, size_t size, const char *name, struct buf *err)
{
	const unsigned char *d = data, *k;
	const struct dedupe_params *p = &ix->p;
	uint64_t n, keybytes, need, sum;
	struct buf diff = {0};
	struct dedupe_sig sig;
	size_t i, left;

	if (size < 8 || memcmp(d, INDEX_MAGIC, 8) != 0) {
		buf_printf(err, "%s: not a dedupe index (it does not start with \"%s\")", name, INDEX_MAGIC);
		return -1;
	}
	if (size < INDEX_HEAD + 8) {
		buf_printf(err, "%s: truncated index (%zu bytes, less than its header)", name, size);
		return -1;
	}
	if (get32(d + 8) != INDEX_VERSION) {
		buf_printf(err, "%s: index format version %u; this dedupe reads version %u",
		    name, get32(d + 8), INDEX_VERSION);
		return -1;
	}
	if (get32(d + 12) != p->norm) param_diff(&diff, "normalization", get32(d + 12), p->norm);
	if (get32(d + 16) != p->shingle) param_diff(&diff, "shingle", get32(d + 16), p->shingle);
	if (get32(d + 20) != p->bins) param_diff(&diff, "bins", get32(d + 20), p->bins);
	if (get32(d + 24) != p->bands) param_diff(&diff, "bands", get32(d + 24), p->bands);
	if (get32(d + 28) != p->rows) param_diff(&diff, "rows", get32(d + 28), p->rows);
	if (get32(d + 32) != p->short_words) param_diff(&diff, "short_words", get32(d + 32), p->short_words);
	if (get64(d + 40) != p->seed) param_diff(&diff, "seed", get64(d + 40), p->seed);
	if (diff.len) {
		buf_printf(err, "%s: index built with other parameters: %s; build a new index", name, diff.s);
		buf_free(&diff);
		return -1;
	}
	n = get64(d + 48);
	keybytes = get64(d + 56);
	/* Sizes checked without overflow: each record takes at least SIG_BYTES + 4 bytes. */
	if (n > size / (DEDUPE_SIG_BYTES + 4) || keybytes > size) {
		buf_printf(err, "%s: truncated or damaged index (%zu bytes for %llu records)", name, size,
		    (unsigned long long)n);
		return -1;
	}
	need = INDEX_HEAD + n * (DEDUPE_SIG_BYTES + 4) + keybytes + 8;
	if (need != size) {
		buf_printf(err, "%s: %s index (%zu bytes, its header says %llu)", name,
		    size < need ? "truncated" : "damaged", size, (unsigned long long)need);
		return -1;
	}
	sum = XXH3_64bits(d, size - 8);
	if (sum != get64(d + size - 8)) {
		buf_printf(err, "%s: damaged index (checksum does not match)", name);
		return -1;
	}
	k = d + INDEX_HEAD + n * DEDUPE_SIG_BYTES;
	left = (size_t)keybytes + 4 * (size_t)n;
	for (i = 0; i < n; i++) {
		uint32_t kl = get32(k);
		char *key;

		dedupe_sig_unpack(d + INDEX_HEAD + i * DEDUPE_SIG_BYTES, &sig);
		if (sig.flags & ~(uint32_t)DEDUPE_SHORT || kl > left - 4 || memchr(k + 4, '\0', kl) != NULL) {
			buf_printf(err, "%s: damaged index (record %zu)", name, i + 1);
			return -1;
		}
		key = estrndup((const char *)k + 4, kl);
		dedupe_index_add(ix, &sig, key);
		free(key);
		left -= 4 + (size_t)kl;
		k += 4 + kl;
	}
	return 0;
}

int
dedupe_index_load(struct dedupe_index *ix, const char *path, struct buf *err)
{
	struct buf b = {0};
	char chunk[1 << 16];
	size_t got;
	FILE *fp = fopen(path, "rb");
	int rc;

	if (fp == NULL) {
		if (errno == ENOENT)
			return 1;
		buf_printf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, got);
	if (ferror(fp)) {
		buf_printf(err, "%s: %s", path, strerror(errno));
		fclose(fp);
		buf_free(&b);
		return -1;
	}
	fclose(fp);
	rc = dedupe_index_read(ix, b.s ? b.s : "", b.len, path, err);
	buf_free(&b);
	return rc;
}

int
dedupe_index_save(const struct dedupe_index *ix, const char *path, struct buf *err)
{
	struct buf tmp = {0};
	mode_t mask;
	FILE *fp;
	int fd, e;

	buf_printf(&tmp, "%s.tmp.XXXXXX", path);
	if ((fd = mkstemp(tmp.s)) < 0) {
		buf_printf(err, "%s: cannot create a temporary file beside it: %s", path, strerror(errno));
		buf_free(&tmp);
		return -1;
	}
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	if ((fp = fdopen(fd, "wb")) == NULL) {
		e = errno;
		close(fd);
		goto fail;
	}
	if (dedupe_index_write_fp(ix, fp) != 0 || fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
		e = errno;
		fclose(fp);
		goto fail;
	}
	if (fclose(fp) != 0) {
		e = errno;
		goto fail;
	}
	if (rename(tmp.s, path) != 0) {
		e = errno;
		goto fail;
	}
	buf_free(&tmp);
	return 0;
fail:
	unlink(tmp.s);
	buf_printf(err, "%s: cannot write the index: %s; the old index is left as it was", path, strerror(e));
	buf_free(&tmp);
	return -1;
}

/* ---- band lines ---- */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* DEDUPE_SIG_BYTES (a multiple of 3) as base64, RFC 4648, section 4. */
static void
b64_encode(const unsigned char *s, size_t n, struct buf *out)
{
	size_t i;

	for (i = 0; i + 3 <= n; i += 3) {
		uint32_t v = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8 | s[i + 2];

		buf_addc(out, b64[v >> 18]);
		buf_addc(out, b64[(v >> 12) & 63]);
		buf_addc(out, b64[(v >> 6) & 63]);
		buf_addc(out, b64[v & 63]);
	}
}

static int
b64_value(int c)
{
	const char *p = c ? strchr(b64, c) : NULL;

	return p ? (int)(p - b64) : -1;
}

/* Decode exactly 4/3 N characters of S into N bytes; -1 on a bad character. */
static int
b64_decode(const char *s, size_t len, unsigned char *out, size_t n)
{
	size_t i, o = 0;

	if (len != n / 3 * 4)
		return -1;
	for (i = 0; i < len; i += 4) {
		int a = b64_value(s[i]), b = b64_value(s[i + 1]), c = b64_value(s[i + 2]), d = b64_value(s[i + 3]);
		uint32_t v;

		if (a < 0 || b < 0 || c < 0 || d < 0)
			return -1;
		v = (uint32_t)a << 18 | (uint32_t)b << 12 | (uint32_t)c << 6 | (uint32_t)d;
		out[o++] = (unsigned char)(v >> 16);
		out[o++] = (unsigned char)(v >> 8);
		out[o++] = (unsigned char)v;
	}
	return 0;
}

static uint32_t
params_digest(const struct dedupe_params *p)
{
	unsigned char h[INDEX_HEAD];

	head_pack(p, 0, 0, h);
	return (uint32_t)XXH3_64bits(h, sizeof(h));
}

void
dedupe_band_lines(const struct dedupe_params *p, const struct dedupe_sig *sig, unsigned long shard,
    unsigned long recno, const char *key, struct buf *out)
{
	unsigned char sb[DEDUPE_SIG_BYTES];
	struct buf tail = {0};
	uint32_t dg = params_digest(p);
	const char *k;
	unsigned t;

	if (sig->flags & DEDUPE_EMPTY)
		return;
	buf_printf(&tail, "\t%010lu:%012lu\t", shard, recno);
	dedupe_sig_pack(sig, sb);
	b64_encode(sb, sizeof(sb), &tail);
	buf_addc(&tail, '\t');
	for (k = key; *k; k++) {
		switch (*k) {
		case '\t': buf_adds(&tail, "\\t"); break;
		case '\n': buf_adds(&tail, "\\n"); break;
		case '\\': buf_adds(&tail, "\\\\"); break;
		default: buf_addc(&tail, *k);
		}
	}
	buf_addc(&tail, '\n');
	if (sig->flags & DEDUPE_SHORT) {
		buf_printf(out, "%08x.x.%016llx", dg, (unsigned long long)sig->exact);
		buf_add(out, tail.s, tail.len);
	} else {
		for (t = 0; t < p->bands; t++) {
			buf_printf(out, "%08x.b%02u.%012llx", dg, t,
			    (unsigned long long)(band_key(p, sig, t) & 0xFFFFFFFFFFFFULL));
			buf_add(out, tail.s, tail.len);
		}
	}
	buf_free(&tail);
}

struct entry {
	unsigned long shard, recno;
	struct dedupe_sig sig;
	char *key;
};

struct dedupe_marks {
	struct dedupe_mark *m;	/* in the order first seen */
	unsigned long *recno;	/* recno[i]: whose mark m[i] is */
	size_t n, cap;
	struct table at;	/* recno -> its place in m (head) */
	uint32_t *unused;	/* table_add's chain array, one slot a mark */
};

/* The mark of RECNO, made empty on first use.  Sparse: a table may name any record number. */
static struct dedupe_mark *
mark_at(struct dedupe_marks *mk, unsigned long recno)
{
	const struct slot *s = table_get(&mk->at, recno);

	if (s != NULL)
		return &mk->m[s->head];
	if (mk->n == mk->cap) {
		mk->cap = mk->cap ? 2 * mk->cap : 256;
		mk->m = erealloc(mk->m, mk->cap * sizeof(*mk->m));
		mk->recno = erealloc(mk->recno, mk->cap * sizeof(*mk->recno));
		mk->unused = erealloc(mk->unused, mk->cap * sizeof(*mk->unused));
	}
	if (mk->n >= NIL - 1)
		die(EXIT_MEMORY, "too many records in one shard (%zu)", mk->n);
	memset(&mk->m[mk->n], 0, sizeof(*mk->m));
	mk->recno[mk->n] = recno;
	table_add(&mk->at, recno, (uint32_t)mk->n, mk->unused, 1);
	return &mk->m[mk->n++];
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->shard != y->shard)
		return x->shard < y->shard ? -1 : 1;
	if (x->recno != y->recno)
		return x->recno < y->recno ? -1 : 1;
	return 0;
}

static int
earlier(unsigned long s1, unsigned long r1, unsigned long s2, unsigned long r2)
{
	return s1 < s2 || (s1 == s2 && r1 < r2);
}

/* One band's lines: every record of SHARD against the records before it. */
static void
mark_group(struct dedupe_marks *mk, const struct dedupe_params *p, const struct dedupe_rule *rule,
    unsigned long shard, struct entry *e, size_t n)
{
	struct dedupe_match m;
	size_t i, j;

	qsort(e, n, sizeof(*e), entry_cmp);
	for (i = 0; i < n; i++) {
		struct dedupe_mark *dm;

		if (e[i].shard != shard)
			continue;
		dm = mark_at(mk, e[i].recno);
		dm->seen = 1;
		dm->sighash = dedupe_sig_hash(&e[i].sig);
		for (j = 0; j < i && j < DEDUPE_CHAIN && earlier(e[j].shard, e[j].recno, e[i].shard, e[i].recno); j++) {
			if (!dedupe_compare(p, rule, &e[j].sig, &e[i].sig, &m))
				continue;
			if (better(&m, e[j].shard, e[j].recno, &dm->m, dm->shard, dm->recno)) {
				dm->shard = e[j].shard;
				dm->recno = e[j].recno;
				free(dm->key);
				dm->key = estrdup(e[j].key);
				dm->m = m;
			}
		}
	}
}

/* Parse one band line (without its newline) into *e and its band into *band. */
static int
parse_line(char *line, const struct dedupe_params *p, uint32_t dg, struct entry *e, char **band,
    struct buf *why)
{
	char *f[4], *s, *o;
	unsigned char sb[DEDUPE_SIG_BYTES];
	int i;

	f[0] = line;
	for (i = 1; i < 4; i++) {
		if ((s = strchr(f[i - 1], '\t')) == NULL) {
			buf_adds(why, "not a band line (it has fewer than 4 tab-separated fields)");
			return -1;
		}
		*s = '\0';
		f[i] = s + 1;
	}
	if (strlen(f[0]) < 9 || strtoul(f[0], NULL, 16) != dg || f[0][8] != '.') {
		buf_printf(why, "band line made with other parameters (this dedupe writes %08x.)", dg);
		return -1;
	}
	if (sscanf(f[1], "%lu:%lu", &e->shard, &e->recno) != 2 || e->recno == 0) {
		buf_adds(why, "bad SHARD:RECNO field");
		return -1;
	}
	if (b64_decode(f[2], strlen(f[2]), sb, sizeof(sb)) != 0) {
		buf_adds(why, "bad signature field");
		return -1;
	}
	dedupe_sig_unpack(sb, &e->sig);
	if (e->sig.flags & ~(uint32_t)DEDUPE_SHORT) {
		buf_adds(why, "bad signature field");
		return -1;
	}
	/* Unescape the key in place. */
	for (s = o = f[3]; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*o++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s;
		} else {
			*o++ = *s;
		}
	}
	*o = '\0';
	e->key = estrdup(f[3]);
	*band = f[0];
	(void)p;
	return 0;
}

struct dedupe_marks *
dedupe_marks_read(FILE *fp, const char *name, const struct dedupe_params *p,
    const struct dedupe_rule *rule, unsigned long shard, struct buf *err)
{
	struct dedupe_marks *mk = ecalloc(1, sizeof(*mk));
	struct entry *e = NULL;
	size_t ne = 0, cape = 0, cap = 0, i;
	char *line = NULL, *band;
	struct buf cur = {0}, why = {0};
	unsigned long lineno = 0;
	uint32_t dg = params_digest(p);
	int mine = 0;
	ssize_t len;

	while ((len = getline(&line, &cap, fp)) >= 0) {
		struct entry x;

		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (memchr(line, '\0', (size_t)len) != NULL || parse_line(line, p, dg, &x, &band, &why) != 0) {
			buf_printf(err, "%s:%lu: %s", name, lineno, why.len ? why.s : "a NUL byte in a band line");
			goto fail;
		}
		if (cur.s == NULL || strcmp(cur.s, band) != 0) {
			if (ne > 0 && mine)
				mark_group(mk, p, rule, shard, e, ne);
			for (i = 0; i < ne; i++)
				free(e[i].key);
			ne = 0;
			mine = 0;
			buf_reset(&cur);
			buf_adds(&cur, band);
		}
		if (ne == cape) {
			cape = cape ? 2 * cape : 64;
			e = erealloc(e, cape * sizeof(*e));
		}
		e[ne++] = x;
		mine |= x.shard == shard;
	}
	if (ferror(fp)) {
		buf_printf(err, "%s: %s", name, strerror(errno));
		goto fail;
	}
	if (ne > 0 && mine)
		mark_group(mk, p, rule, shard, e, ne);
	for (i = 0; i < ne; i++)
		free(e[i].key);
	free(e);
	free(line);
	buf_free(&cur);
	buf_free(&why);
	return mk;
fail:
	for (i = 0; i < ne; i++)
		free(e[i].key);
	free(e);
	free(line);
	buf_free(&cur);
	buf_free(&why);
	dedupe_marks_free(mk);
	return NULL;
}

const struct dedupe_mark *
dedupe_marks_get(const struct dedupe_marks *mk, unsigned long recno)
{
	const struct slot *s = table_get(&mk->at, recno);

	return s == NULL || !mk->m[s->head].seen ? NULL : &mk->m[s->head];
}

void
dedupe_marks_free(struct dedupe_marks *mk)
{
	size_t i;

	if (mk == NULL)
		return;
	for (i = 0; i < mk->n; i++)
		free(mk->m[i].key);
	free(mk->m);
	free(mk->recno);
	free(mk->unused);
	free(mk->at.s);
	free(mk);
}
