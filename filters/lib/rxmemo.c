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
 * pattern, the subject's number, the start and the options.  Both tables
 * are open addressing with linear probing, at most half full, holding
 * index + 1 (0: an empty slot).
 */
struct subj {
	uint64_t h;
	size_t len, off;	/* its bytes in the arena */
	size_t slot;		/* its slot in stab */
};

struct answer {
	const struct rx *re;
	uint64_t key;
	size_t start, ov;	/* ov: its offsets' place in ovs */
	uint32_t subj, opts;
	int rc;
	size_t slot;		/* its slot in atab */
};

static int depth;
static char *arena;
static size_t alen, acap;
static struct subj *subj;
static size_t nsubj, csubj;
static uint32_t *stab;
static size_t scap;
static struct answer *ans;
static size_t nans, cans;
static uint32_t *atab;
static size_t acap2;
static size_t *ovs;
static size_t nov, cov;
/* The last subject, as the caller passed it: a loop runs its patterns on one line. */
static const char *last;
static size_t lastlen;
static uint32_t lastsubj;

/* Past these, a page that is one long run of subjects starts afresh. */
#define ARENA_MAX ((size_t)64 << 20)
#define ANSWERS_MAX ((size_t)1 << 22)

/* Empty the tables, slot by slot taken (a page fills a few of them). */
static void
forget(void)
{
	size_t i;

	for (i = 0; i < nsubj; i++)
		stab[subj[i].slot] = 0;
	for (i = 0; i < nans; i++)
		atab[ans[i].slot] = 0;
	alen = nsubj = nans = nov = 0;
	last = NULL;
}

void
rxmemo_begin(void)
{
	depth++;
}

/* The tables are kept, empty, for the next page: the reader reads page after page. */
void
rxmemo_end(void)
{
	if (depth == 0 || --depth > 0)
		return;
	forget();
}

void
rxmemo_forget(void)
{
	if (depth > 0)
		forget();
}

/* Tables of CAP slots (a power of two) for what is kept so far. */
static void
subjects_table(size_t cap)
{
	size_t i, b;

	free(stab);
	stab = ecalloc(scap = cap, sizeof(*stab));
	for (i = 0; i < nsubj; i++) {
		for (b = subj[i].h & (cap - 1); stab[b]; b = (b + 1) & (cap - 1))
			;
		stab[b] = (uint32_t)(i + 1);
		subj[i].slot = b;
	}
}

static void
answers_table(size_t cap)
{
	size_t i, b;

	free(atab);
	atab = ecalloc(acap2 = cap, sizeof(*atab));
	for (i = 0; i < nans; i++) {
		for (b = ans[i].key & (cap - 1); atab[b]; b = (b + 1) & (cap - 1))
			;
		atab[b] = (uint32_t)(i + 1);
		ans[i].slot = b;
	}
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

/* The number of the subject S[0, LEN), added if new. */
static uint32_t
subject(const char *s, size_t len)
{
	uint64_t h;
	size_t b;
	uint32_t k;

	/* Where the caller passed it last: the same bytes still, most often (the bytes say). */
	if (last != NULL && s == last && len == lastlen && memcmp(arena + subj[lastsubj].off, s, len) == 0)
		return lastsubj;
	last = s;
	lastlen = len;
	h = subject_hash(s, len);
	if (scap == 0 || 2 * (nsubj + 1) > scap)
		subjects_table(scap ? 2 * scap : 1024);
	for (b = h & (scap - 1); (k = stab[b]) != 0; b = (b + 1) & (scap - 1))
		if (subj[k - 1].h == h && subj[k - 1].len == len && memcmp(arena + subj[k - 1].off, s, len) == 0)
			return lastsubj = k - 1;
	if (nsubj == csubj) {
		csubj = csubj ? 2 * csubj : 256;
		subj = erealloc(subj, csubj * sizeof(*subj));
	}
	if (arena == NULL || alen + len > acap) {
		if (acap == 0)
			acap = 65536;
		while (alen + len > acap)
			acap *= 2;
		arena = erealloc(arena, acap);
	}
	memcpy(arena + alen, s, len);
	subj[nsubj].h = h;
	subj[nsubj].len = len;
	subj[nsubj].off = alen;
	alen += len;
	subj[nsubj].slot = b;
	stab[b] = (uint32_t)(nsubj + 1);
	return lastsubj = (uint32_t)nsubj++;
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
rxmemo_find(struct rx *re, const char *s, size_t len, size_t start, uint32_t opts, int *rc,
    struct rxmemo_slot *slot)
{
	uint64_t key;
	size_t b;
	uint32_t k;

	slot->subj = UINT32_MAX;
	if (depth == 0 || s == NULL)
		return 0;
	if (alen + len > ARENA_MAX || nans >= ANSWERS_MAX || nsubj >= ANSWERS_MAX)
		forget();
	slot->subj = subject(s, len);
	slot->key = key = answer_key(re, slot->subj, start, opts);
	for (b = key & (acap2 - 1); acap2 > 0 && (k = atab[b]) != 0; b = (b + 1) & (acap2 - 1)) {
		const struct answer *a = &ans[k - 1];

		if (a->key == key && a->re == re && a->subj == slot->subj && a->start == start && a->opts == opts) {
			*rc = a->rc;
			if (a->rc == RX_MATCH || a->rc == RX_PARTIAL)
				memcpy(re->ov, ovs + a->ov, 2 * re->npairs * sizeof(*re->ov));
			return 1;
		}
	}
	return 0;
}

void
rxmemo_keep(const struct rxmemo_slot *slot, const struct rx *re, size_t start, uint32_t opts, int rc)
{
	struct answer *a;
	size_t b, n = 0;

	if (slot->subj == UINT32_MAX || depth == 0)
		return;
	if (acap2 == 0 || 2 * (nans + 1) > acap2)
		answers_table(acap2 ? 2 * acap2 : 4096);
	if (nans == cans) {
		cans = cans ? 2 * cans : 1024;
		ans = erealloc(ans, cans * sizeof(*ans));
	}
	a = &ans[nans];
	a->re = re;
	a->key = slot->key;
	a->subj = slot->subj;
	a->start = start;
	a->opts = opts;
	a->rc = rc;
	a->ov = nov;
	if (rc == RX_MATCH || rc == RX_PARTIAL) {
		n = 2 * (size_t)re->npairs;
		if (nov + n > cov) {
			while (nov + n > cov)
				cov = cov ? 2 * cov : 4096;
			ovs = erealloc(ovs, cov * sizeof(*ovs));
		}
		memcpy(ovs + nov, re->ov, n * sizeof(*ovs));
		nov += n;
	}
	for (b = slot->key & (acap2 - 1); atab[b]; b = (b + 1) & (acap2 - 1))
		;
	a->slot = b;
	atab[b] = (uint32_t)(nans + 1);
	nans++;
}
