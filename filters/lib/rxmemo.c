/* rxmemo.c: the answers of patterns remembered per subject (see rxmemo.h). */
#include <stdlib.h>
#include <string.h>

#include <xxhash.h>

#include "rx.h"
#include "rxmemo.h"
#include "util.h"

/*
 * Each subject is kept once, its bytes copied (a subject's buffer is
 * rewritten as the reader goes; only its bytes say it is the same), and
 * found again by its XXH3 hash and a comparison of the bytes: a hash
 * alone could take one subject for another.  An answer is found by the
 * pattern, the subject's number, the start and the options.  Both are
 * found through an index, open addressing with linear probing, at most
 * half full.
 */
struct index {
	uint32_t *tab;		/* an item's number + 1; 0, an empty slot */
	size_t cap;		/* slots: a power of two, or 0 */
	size_t first;		/* slots at first */
	struct item {
		uint64_t h;	/* its hash */
		size_t slot;	/* its slot in tab */
	} *it;
	size_t n, itcap;	/* items */
};

struct subj {
	size_t len, off;	/* its bytes in the arena */
	size_t sig;		/* its signature's number + 1, 0 until made */
};

/* The signature's size in 64-bit words (4096 bits of shingles, 1024 of characters), and the longest subject given one. */
#define SIG_WORDS 80
#define SIG_SPAN 1536
/*
 * Signatures are kept in blocks of this many that never move, so that one
 * handed out stays where it is until the subjects are forgotten: rx.c keeps
 * the held subject's at hand instead of asking for it at every pattern.
 */
#define SIG_BLOCK 64

struct answer {
	const struct rx *re;
	size_t start, ov;	/* ov: its offsets' place in ovs */
	uint32_t subj, opts;
	int rc;
};

struct rxmemo {
	char *arena;
	size_t alen, acap;
	struct index si;	/* the subjects */
	struct subj *subj;	/* as many as si has items */
	struct index ai;	/* the answers */
	struct answer *ans;
	size_t *ovs;
	size_t nov, cov;
	uint64_t **sigblk;	/* blocks of SIG_BLOCK signatures */
	size_t nsig, nblk;	/* signatures made, blocks allocated */
	/* The last subject, as the caller passed it: a loop runs its patterns on one line. */
	const char *last;
	size_t lastlen;
	uint32_t lastsubj;
	unsigned long gen;	/* how many times the subjects were forgotten */
};

/* Past these, a page that is one long run of subjects starts afresh. */
#define ARENA_MAX ((size_t)64 << 20)
#define ANSWERS_MAX ((size_t)1 << 22)

/*
 * Room in X for one more item: its items' array grown, and its table
 * rebuilt twice as large past half full (that moves the slots).
 */
static void
index_grow(struct index *x)
{
	size_t i, b;

	if (x->n == x->itcap) {
		x->itcap = x->itcap ? 2 * x->itcap : x->first / 4;
		x->it = erealloc(x->it, x->itcap * sizeof(*x->it));
	}
	if (x->cap != 0 && 2 * (x->n + 1) <= x->cap)
		return;
	free(x->tab);
	x->cap = x->cap ? 2 * x->cap : x->first;
	x->tab = ecalloc(x->cap, sizeof(*x->tab));
	for (i = 0; i < x->n; i++) {
		for (b = x->it[i].h & (x->cap - 1); x->tab[b]; b = (b + 1) & (x->cap - 1))
			;
		x->tab[b] = (uint32_t)(i + 1);
		x->it[i].slot = b;
	}
}

/* Is there no room in X for one more item?  (The test inline, the growing not.) */
static int
index_full(const struct index *x)
{
	return x->n == x->itcap || 2 * (x->n + 1) > x->cap;
}

/* Add an item of hash H at the empty slot B; its number. */
static uint32_t
index_add(struct index *x, uint64_t h, size_t b)
{
	x->it[x->n].h = h;
	x->it[x->n].slot = b;
	x->tab[b] = (uint32_t)(x->n + 1);
	return (uint32_t)x->n++;
}

/* Empty X slot by slot taken (a page fills a few of them). */
static void
index_empty(struct index *x)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		x->tab[x->it[i].slot] = 0;
	x->n = 0;
}

static void
index_free(struct index *x)
{
	free(x->tab);
	free(x->it);
}

struct rxmemo *
rxmemo_new(void)
{
	struct rxmemo *m = ecalloc(1, sizeof(*m));

	m->si.first = 1024;
	m->ai.first = 4096;
	return m;
}

void
rxmemo_free(struct rxmemo *m)
{
	if (m == NULL)
		return;
	free(m->arena);
	index_free(&m->si);
	free(m->subj);
	index_free(&m->ai);
	free(m->ans);
	free(m->ovs);
	while (m->nblk > 0)
		free(m->sigblk[--m->nblk]);
	free(m->sigblk);
	free(m);
}

void
rxmemo_forget(struct rxmemo *m)
{
	if (m == NULL)
		return;
	index_empty(&m->si);
	index_empty(&m->ai);
	m->alen = m->nov = m->nsig = 0;
	m->last = NULL;
	m->gen++;
}

unsigned long
rxmemo_generation(const struct rxmemo *m)
{
	return m->gen;
}

/*
 * A subject's hash: its length and its first 48 bytes.  The bytes are
 * compared anyway, so the rest need not be read twice: a paragraph of
 * some kilobytes that forty dateline patterns each read at its start is
 * hashed cheaply forty times.
 */
static uint64_t
subject_hash(const char *s, size_t len)
{
	return XXH3_64bits_withSeed(s, len < 48 ? len : 48, len);
}

uint32_t
rxmemo_subject(struct rxmemo *m, const char *s, size_t len)
{
	struct index *x = &m->si;
	uint64_t h;
	size_t b;
	uint32_t k;

	/* Where the caller passed it last: the same bytes still, most often (the bytes say). */
	if (m->last != NULL && s == m->last && len == m->lastlen &&
	    memcmp(m->arena + m->subj[m->lastsubj].off, s, len) == 0)
		return m->lastsubj;
	/* Here, not in rxmemo_find: a subject's number holds till its answer is kept. */
	if (m->alen + len > ARENA_MAX || m->ai.n >= ANSWERS_MAX || x->n >= ANSWERS_MAX)
		rxmemo_forget(m);
	m->last = s;
	m->lastlen = len;
	h = subject_hash(s, len);
	if (index_full(x)) {
		index_grow(x);
		m->subj = erealloc(m->subj, x->itcap * sizeof(*m->subj));
	}
	for (b = h & (x->cap - 1); (k = x->tab[b]) != 0; b = (b + 1) & (x->cap - 1))
		if (x->it[k - 1].h == h && m->subj[k - 1].len == len && memcmp(m->arena + m->subj[k - 1].off, s, len) == 0)
			return m->lastsubj = k - 1;
	if (m->arena == NULL || m->alen + len > m->acap) {
		if (m->acap == 0)
			m->acap = 65536;
		while (m->alen + len > m->acap)
			m->acap *= 2;
		m->arena = erealloc(m->arena, m->acap);
	}
	memcpy(m->arena + m->alen, s, len);
	k = index_add(x, h, b);
	m->subj[k].len = len;
	m->subj[k].off = m->alen;
	m->subj[k].sig = 0;
	m->alen += len;
	return m->lastsubj = k;
}

static uint64_t
answer_key(const struct rx *re, uint32_t sj, size_t start, uint32_t opts)
{
	uint64_t k = (uint64_t)(uintptr_t)re * 0x9E3779B97F4A7C15ULL ^ (((uint64_t)sj << 32) | opts) * 0xC2B2AE3D27D4EB4FULL ^
	    (uint64_t)start * 0x165667B19E3779F9ULL;

	/* A finalizer (MurmurHash3's fmix64), as the low bits pick the slot. */
	k ^= k >> 33;
	k *= 0xFF51AFD7ED558CCDULL;
	k ^= k >> 33;
	k *= 0xC4CEB9FE1A85EC53ULL;
	return k ^ (k >> 33);
}

int
rxmemo_find(struct rxmemo *m, uint32_t subj, struct rx *re, size_t start, uint32_t opts, int *rc,
    struct rxmemo_slot *slot)
{
	struct index *x = &m->ai;
	uint64_t key;
	size_t b;
	uint32_t k;

	slot->subj = subj;
	slot->key = key = answer_key(re, subj, start, opts);
	/* Room made now, so that the empty slot found is where rxmemo_keep puts the answer. */
	if (index_full(x)) {
		index_grow(x);
		m->ans = erealloc(m->ans, x->itcap * sizeof(*m->ans));
	}
	for (b = key & (x->cap - 1); (k = x->tab[b]) != 0; b = (b + 1) & (x->cap - 1)) {
		const struct answer *a = &m->ans[k - 1];

		if (x->it[k - 1].h == key && a->re == re && a->subj == slot->subj && a->start == start && a->opts == opts) {
			*rc = a->rc;
			if (a->rc == RX_MATCH || a->rc == RX_PARTIAL)
				memcpy(re->ov, m->ovs + a->ov, 2 * re->npairs * sizeof(*re->ov));
			return 1;
		}
	}
	slot->b = b;
	return 0;
}

void
rxmemo_keep(struct rxmemo *m, const struct rxmemo_slot *slot, const struct rx *re, size_t start, uint32_t opts, int rc)
{
	struct answer *a;
	size_t n;

	a = &m->ans[index_add(&m->ai, slot->key, slot->b)];
	a->re = re;
	a->subj = slot->subj;
	a->start = start;
	a->opts = opts;
	a->rc = rc;
	a->ov = m->nov;
	if (rc == RX_MATCH || rc == RX_PARTIAL) {
		n = 2 * (size_t)re->npairs;
		if (m->nov + n > m->cov) {
			while (m->nov + n > m->cov)
				m->cov = m->cov ? 2 * m->cov : 4096;
			m->ovs = erealloc(m->ovs, m->cov * sizeof(*m->ovs));
		}
		memcpy(m->ovs + m->nov, re->ov, n * sizeof(*m->ovs));
		m->nov += n;
	}
}

/*
 * The hashes of the signature, on up to 8 bytes read at once (little
 * end first): a shingle is the first RXMEMO_SHINGLE of them, a character
 * the first N.  A word's are made from its bytes alone, a subject's from
 * 8 bytes read at each character; the same bytes give the same bits.
 */
static unsigned
shingle_of(uint64_t v)
{
	return (unsigned)(((v << (64 - 8 * RXMEMO_SHINGLE)) * UINT64_C(0x9E3779B97F4A7C15)) >> 52);
}

static unsigned
char_of(uint64_t v, unsigned n)
{
	return (unsigned)(((v & ((UINT64_C(1) << (8 * n)) - 1)) * UINT64_C(0xC2B2AE3D27D4EB4F)) >> 54);
}

/* The bytes of the character whose lead byte is C (1 for a byte that leads none). */
static unsigned
lead_len(unsigned char c)
{
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

unsigned
rxmemo_shingle(const char *s)
{
	uint64_t v = 0;

	memcpy(&v, s, RXMEMO_SHINGLE);
	return shingle_of(v);
}

/* The lead byte says how many bytes follow, whatever they are: a word's first character is hashed alike. */
unsigned
rxmemo_charbit(const char *s)
{
	uint64_t v = 0;
	unsigned n = lead_len((unsigned char)s[0]);

	memcpy(&v, s, n);
	return char_of(v, n);
}

const uint64_t *
rxmemo_signature(struct rxmemo *m, uint32_t subj, const char *s, size_t len)
{
	struct subj *sj = &m->subj[subj];
	uint64_t *sig, v;
	size_t i;

	if (len > SIG_SPAN)
		return NULL;
	if (sj->sig)
		return m->sigblk[(sj->sig - 1) / SIG_BLOCK] + (sj->sig - 1) % SIG_BLOCK * SIG_WORDS;
	if (m->nsig == m->nblk * SIG_BLOCK) {
		m->sigblk = erealloc(m->sigblk, (m->nblk + 1) * sizeof(*m->sigblk));
		m->sigblk[m->nblk++] = emalloc(SIG_BLOCK * SIG_WORDS * sizeof(**m->sigblk));
	}
	sig = m->sigblk[m->nsig / SIG_BLOCK] + m->nsig % SIG_BLOCK * SIG_WORDS;
	sj->sig = ++m->nsig;
	memset(sig, 0, SIG_WORDS * sizeof(*sig));
	for (i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		unsigned n, b;

		if ((c & 0xC0) == 0x80) {
			i++;
			continue;
		}
		if (i + 8 <= len) {
			memcpy(&v, s + i, 8);
		} else {
			v = 0;
			memcpy(&v, s + i, len - i);
		}
		if (i + RXMEMO_SHINGLE <= len) {
			b = shingle_of(v);
			sig[b >> 6] |= UINT64_C(1) << (b & 63);
		}
		n = lead_len(c);
		if (i + n <= len) {
			b = char_of(v, n);
			sig[64 + (b >> 6)] |= UINT64_C(1) << (b & 63);
		}
		/* Past a Bengali letter's two trailing bytes at once, when they are that. */
		i += n == 3 && i + 3 <= len && (v & 0xC0C000) == 0x808000 ? 3 : 1;
	}
	return sig;
}
