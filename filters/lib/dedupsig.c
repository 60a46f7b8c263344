/*
 * dedupsig.c: a record's signature for dedupe(1), and its bytes (see dedup.h).
 *
 * The method (chosen by measurement; see dedupe(1), METHOD):
 * - Words are hashed with xxHash (XXH3, libxxhash), word 3-grams ("shingles")
 *   are hashed from the words' hashes.
 * - One Permutation Hashing: each shingle falls in one of DEDUPE_BINS bins by
 *   its hash, each bin keeps the least hash it saw (Li, Owen & Zhang, "One
 *   Permutation Hashing", NIPS 2012); empty bins borrow from a filled bin
 *   picked by a hash of their number and the attempt ("optimal
 *   densification", Shrivastava, ICML 2017).  This costs one hash a
 *   shingle instead of one a shingle and bin.
 * - Only the low 16 bits of each minimum are kept ("b-bit minwise hashing",
 *   Li & Koenig, WWW 2010): two unrelated bins agree with chance 2^-16.
 * - Very short bodies are matched only on the hash of their normalized
 *   words, together with the title's.
 * Two signatures are compared here (dedupe_compare); dedup.c finds which
 * earlier signatures to compare a record's with.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>
#include <xxhash.h>

#include "dedup.h"
#include "le.h"
#include "text.h"

const struct dedupe_params dedupe_default_params = {
	.norm = 1,
	.shingle = 3,
	.bins = DEDUPE_BINS,
	.bands = 24,
	.rows = 2,
	.short_words = 40,
	.seed = 0x6b686f626f72ULL,	/* "khobor" */
};

const struct dedupe_rule dedupe_default_rule = {
	.jaccard = 0.5,
	.containment = 0.4,
	.ratio = 0.3,
	.numbers = 0.75,
	.min_numbers = 4,
};

_Static_assert(DEDUPE_BINS <= 64, "dedupe_sign keeps the filled bins in a 64-bit mask");
_Static_assert(DEDUPE_BINS % 4 == 0, "dedupe_compare compares four bins a step");

/* ---- words ---- */

/*
 * Classes of characters.  Two more for the Bengali block, both parts of
 * words: a digit, read as an ASCII one, and a character NFC may change
 * (see words), so that the common letter takes one test.
 */
enum { C_SEP = 0, C_WORD = 1, C_SKIP = 2, C_DIGIT = 3, C_NFC = 4 };

struct dedupe_work {
	struct dedupe_params p;
	unsigned char ascii[128];	/* class of each ASCII byte */
	unsigned char bengali[128];	/* class of U+0980..U+09FF, the hot block */
	struct buf fix, nfc, tok;
	uint64_t *th;			/* hashes of the words of the text at hand */
	size_t nth, capth;
	uint32_t minv[DEDUPE_BINS];
};

static int
cp_class(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return C_WORD;
	case UTF8PROC_CATEGORY_CF:	/* ZWJ and ZWNJ inside Bengali conjuncts, soft hyphens */
		return C_SKIP;
	default:
		return C_SEP;
	}
}

struct dedupe_work *
dedupe_work_new(const struct dedupe_params *p)
{
	struct dedupe_work *w = ecalloc(1, sizeof(*w));
	int i;

	w->p = *p;
	for (i = 0; i < 128; i++) {
		int cp = 0x980 + i, cls = cp_class(cp);

		w->ascii[i] = (unsigned char)cp_class(i);
		if (cls == C_WORD && cp >= 0x9E6 && cp <= 0x9EF)
			cls = C_DIGIT;
		else if (cls == C_WORD && (cp == 0x9BC || cp == 0x9BE || cp == 0x9D7 || cp == 0x9DC ||
		    cp == 0x9DD || cp == 0x9DF))
			cls = C_NFC;
		w->bengali[i] = (unsigned char)cls;
	}
	return w;
}

void
dedupe_work_free(struct dedupe_work *w)
{
	if (w == NULL)
		return;
	buf_free(&w->fix);
	buf_free(&w->nfc);
	buf_free(&w->tok);
	free(w->th);
	free(w);
}

static void
push_word(struct dedupe_work *w, int digit, uint64_t *numbers)
{
	uint64_t h = XXH3_64bits_withSeed(w->tok.s, w->tok.len, w->p.seed);

	if (w->nth == w->capth) {
		w->capth = w->capth ? 2 * w->capth : 1024;
		w->th = erealloc(w->th, w->capth * sizeof(*w->th));
	}
	w->th[w->nth++] = h;
	/* A word with a digit is a number: "২৫", "৭০তম", "12.5" (two words). */
	if (digit && numbers)
		*numbers |= 1ULL << (h >> 58);
	w->tok.len = 0;
}

/*
 * Append the hashes of the words of S to w->th; the numbers among them go
 * to *numbers when it is not NULL.  Returns 0 when S is certainly valid
 * UTF-8 in NFC, so that the words stand; 1 when it may not be, and the
 * caller must normalize S and read it again.
 *
 * Certainly NFC here means: ASCII, Latin-1 letters and signs, the danda
 * and double danda (U+0964, U+0965, which Bengali borrows from Devanagari),
 * the General Punctuation block but for U+2000 and U+2001 (canonically
 * U+2002 and U+2003), and the Bengali block but for what NFC changes there
 * (UAX #15; the Unicode data of utf8proc): U+09DC, U+09DD and U+09DF, which
 * NFC decomposes (they are composition exclusions); U+09C7 before U+09BE or
 * U+09D7, which compose to U+09CB and U+09CC; and the virama before the
 * nukta, the only Bengali marks with a combining class (9 and 7), which NFC
 * puts in order.  Anything else sends the text through text_nfc_quick.
 * Reading the text once instead of twice saves a fifth of dedupe's time.
 * The word at hand is built in a local (T, TL), not in w->tok: a store
 * through a char pointer may change any object, so the compiler would
 * otherwise reload and store tok->len for every character.
 */
static int
words(struct dedupe_work *w, const char *s, size_t n, uint64_t *numbers)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	const unsigned char *ascii = w->ascii, *bengali = w->bengali;
	struct buf *tok = &w->tok;
	int digit = 0, unsure = 0;
	int32_t prev = 0;
	size_t tl = 0;
	char *t;

	/* No word is longer than the text: one buf_grow, none in the loop. */
	tok->len = 0;
	buf_grow(tok, n + 4);
	t = tok->s;
	while (p < end) {
		unsigned char c = *p;
		int32_t cp;
		int k, cls;

		if (c < 0x80) {
			cls = ascii[c];
			if (cls == C_WORD) {
				if (c >= 'A' && c <= 'Z')
					c = (unsigned char)(c - 'A' + 'a');
				else if (c >= '0' && c <= '9')
					digit = 1;
				t[tl++] = (char)c;
			}
			prev = c;
			p++;
		} else if (c == 0xE0 && end - p >= 3 && (p[1] == 0xA6 || p[1] == 0xA7) &&
		    (p[2] & 0xC0) == 0x80) {
			/* U+0980..U+09FF, Bengali, decoded inline. */
			cp = ((int32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			cls = bengali[cp - 0x980];
			if (cls == C_WORD) {
				memcpy(t + tl, p, 3);
				tl += 3;
			} else if (cls == C_DIGIT) {
				/* Bengali digits read as ASCII ones: "২৫" and "25" are one number. */
				t[tl++] = (char)('0' + cp - 0x9E6);
				digit = 1;
				cls = C_WORD;
			} else if (cls == C_NFC) {
				if (cp == 0x9DC || cp == 0x9DD || cp == 0x9DF ||
				    ((cp == 0x9BE || cp == 0x9D7) && prev == 0x9C7) || (cp == 0x9BC && prev == 0x9CD))
					unsure = 1;
				memcpy(t + tl, p, 3);
				tl += 3;
				cls = C_WORD;
			}
			prev = cp;
			p += 3;
		} else {
			if ((k = text_decode(p, (size_t)(end - p), &cp)) < 0) {
				cls = C_SEP;
				k = 1;
				cp = 0xFFFD;
				unsure = 1;
			} else {
				cls = cp_class(cp);
				if (!(cp <= 0xFF || cp == 0x964 || cp == 0x965 || (cp >= 0x2002 && cp <= 0x206F)))
					unsure = 1;
			}
			prev = cp;
			if (cls == C_WORD) {
				memcpy(t + tl, p, (size_t)k);
				tl += (size_t)k;
			}
			p += k;
		}
		if (cls == C_SEP && tl > 0) {
			tok->len = tl;
			push_word(w, digit, numbers);
			tl = 0;
			digit = 0;
		}
	}
	if (tl > 0) {
		tok->len = tl;
		push_word(w, digit, numbers);
	}
	return unsure;
}

/* S as NFC valid UTF-8: S itself when it already is, else a repaired copy in W. */
static const char *
clean_text(struct dedupe_work *w, const char *s, size_t *n, int *bad)
{
	if (text_nfc_quick(s, *n))
		return s;
	if (!text_utf8_valid(s, *n)) {
		buf_reset(&w->fix);
		text_utf8_fix(s, *n, &w->fix);
		s = w->fix.s;
		*n = w->fix.len;
		*bad = 1;
	}
	buf_reset(&w->nfc);
	text_nfc(s, *n, &w->nfc);
	*n = w->nfc.len;
	return w->nfc.s;
}

/* A hash of (a, b), for the densification's choice of a bin. */
static uint64_t
hash2(uint64_t seed, uint64_t a, uint64_t b)
{
	uint64_t v[2] = { a, b };

	return XXH3_64bits_withSeed(v, sizeof(v), seed);
}

int
dedupe_sign(struct dedupe_work *w, const char *title, size_t tn, const char *body, size_t bn,
    struct dedupe_sig *sig)
{
	const struct dedupe_params *p = &w->p;
	uint32_t *minv = w->minv;
	uint64_t filled = 0;	/* bit b: bin b has a shingle (DEDUPE_BINS <= 64) */
	int bad = 0;
	size_t i, nsh;
	unsigned b;

	memset(sig, 0, sizeof(*sig));
	if (body == NULL)
		body = "";
	w->nth = 0;
	if (words(w, body, bn, &sig->numbers)) {
		const char *clean = clean_text(w, body, &bn, &bad);

		if (clean != body) {
			w->nth = 0;
			sig->numbers = 0;
			words(w, clean, bn, &sig->numbers);
		}
	}
	if (w->nth == 0) {
		sig->flags = DEDUPE_EMPTY | DEDUPE_SHORT;
		return bad;
	}
	sig->exact = XXH3_64bits_withSeed(w->th, w->nth * sizeof(*w->th), p->seed + 1);
	if (w->nth < p->short_words || w->nth < p->shingle) {
		/* Too few words to estimate anything: the words of title and body must be equal. */
		uint64_t pair[2];
		int tbad = 0;

		sig->flags = DEDUPE_SHORT;
		sig->shingles = (uint32_t)w->nth;
		pair[1] = sig->exact;
		w->nth = 0;
		if (title != NULL) {
			title = clean_text(w, title, &tn, &tbad);
			words(w, title, tn, NULL);
		}
		pair[0] = XXH3_64bits_withSeed(w->th, w->nth * sizeof(*w->th), p->seed + 3);
		sig->exact = XXH3_64bits_withSeed(pair, sizeof(pair), p->seed + 4);
		return bad;
	}
	nsh = w->nth - p->shingle + 1;
	sig->shingles = nsh > UINT32_MAX ? UINT32_MAX : (uint32_t)nsh;
	for (b = 0; b < p->bins; b++)
		minv[b] = UINT32_MAX;
	for (i = 0; i < nsh; i++) {
		uint64_t h = XXH3_64bits_withSeed(w->th + i, p->shingle * sizeof(*w->th), p->seed + 2);
		/* The high half picks the bin (Lemire's multiply-shift range), the low half competes in it. */
		uint32_t bin = (uint32_t)(((h >> 32) * p->bins) >> 32), v = (uint32_t)h;

		/*
		 * Without a branch: which shingle is least is a coin toss at
		 * first, and mispredicted branches took a third of this loop.
		 * An empty bin's UINT32_MAX is no less than any value, so the
		 * first shingle of a bin always takes it.
		 */
		minv[bin] = v < minv[bin] ? v : minv[bin];
		filled |= 1ULL << bin;
	}
	for (b = 0; b < p->bins; b++) {
		uint32_t v = minv[b];
		uint64_t attempt;

		if (!(filled >> b & 1)) {
			/* At least one bin is filled: there is a shingle. */
			for (attempt = 1;; attempt++) {
				uint32_t from = (uint32_t)(hash2(p->seed + 5, b, attempt) % p->bins);

				if (filled >> from & 1) {
					v = minv[from];
					break;
				}
			}
		}
		sig->mh[b] = (uint16_t)(v & 0xFFFF);
	}
	return bad;
}

static unsigned
popcount64(uint64_t x)
{
	return (unsigned)__builtin_popcountll(x);
}

int
dedupe_compare(const struct dedupe_params *p, const struct dedupe_rule *r,
    const struct dedupe_sig *a, const struct dedupe_sig *b, struct dedupe_match *m)
{
	unsigned i, agree = 0, na, nb, nu;
	double small, big, j, c;

	memset(m, 0, sizeof(*m));
	m->numbers = -1;
	if ((a->flags | b->flags) & DEDUPE_EMPTY)
		return 0;
	if ((a->flags | b->flags) & DEDUPE_SHORT) {
		if ((a->flags & b->flags & DEDUPE_SHORT) && a->exact == b->exact) {
			m->kind = DEDUPE_EXACT;
			m->jaccard = m->containment = m->similarity = 1;
			return 1;
		}
		return 0;
	}
	if (a->exact == b->exact) {
		m->kind = DEDUPE_EXACT;
		m->jaccard = m->containment = m->similarity = 1;
		return 1;
	}
	if (p->bins == DEDUPE_BINS) {
		/*
		 * Four values a step (the candidate checks are most of the time on
		 * a corpus of templates): a 16-bit lane of x is not zero where the
		 * two differ, and the sum below sets its top bit then, without a
		 * carry into the next lane (Warren, "Hacker's Delight", 6-1).  The
		 * four top bits are counted by a multiplication, which sums the
		 * lanes into the top one: x86-64's baseline has no popcnt, and
		 * __builtin_popcountll is a call into libgcc there.
		 */
		const uint64_t low = 0x7FFF7FFF7FFF7FFFULL;
		unsigned differ = 0;

		for (i = 0; i < DEDUPE_BINS; i += 4) {
			uint64_t x, y;

			memcpy(&x, a->mh + i, sizeof(x));
			memcpy(&y, b->mh + i, sizeof(y));
			x ^= y;
			x = ((((x & low) + low) | x) & ~low) >> 15;
			differ += (unsigned)((x * 0x0001000100010001ULL) >> 48);
		}
		agree = DEDUPE_BINS - differ;
	} else {
		for (i = 0; i < p->bins; i++)
			agree += a->mh[i] == b->mh[i];
	}
	m->jaccard = j = (double)agree / p->bins;
	small = a->shingles < b->shingles ? a->shingles : b->shingles;
	big = a->shingles < b->shingles ? b->shingles : a->shingles;
	c = j * (small + big) / ((1 + j) * small);
	m->containment = c = c > 1 ? 1 : c;
	if (j < r->jaccard && !(c >= r->containment && small >= r->ratio * big))
		return 0;	/* no copy whatever the numbers say: skip their logarithms */
	na = popcount64(a->numbers);
	nb = popcount64(b->numbers);
	nu = popcount64(a->numbers | b->numbers);
	if (na >= r->min_numbers && nb >= r->min_numbers && nu < 64) {
		/*
		 * How many numbers both quote, from the bits: n = -64 ln(1 - bits/64)
		 * numbers set a given count of bits, so both = n(a) + n(b) - n(a|b)
		 * (the union estimate of Swamidass & Baldi, "Mathematical correction
		 * for fingerprint similarity measures", J. Chem. Inf. Model. 2007).
		 * Counting shared bits instead would see chance collisions as agreement.
		 */
		double ea = -64 * log(1 - na / 64.0), eb = -64 * log(1 - nb / 64.0);
		double both = ea + eb + 64 * log(1 - nu / 64.0);

		m->numbers = both <= 0 ? 0 : both / (ea < eb ? ea : eb);
		if (m->numbers > 1)
			m->numbers = 1;
	}
	if (m->numbers >= 0 && m->numbers < r->numbers)
		return 0;	/* a templated report: same words, other figures */
	if (j >= r->jaccard) {
		m->kind = DEDUPE_NEAR;
		m->similarity = j;
		return 1;
	}
	if (c >= r->containment && small >= r->ratio * big) {
		m->kind = DEDUPE_CONTAINED;
		m->similarity = c;
		return 1;
	}
	return 0;
}

void
dedupe_sig_pack(const struct dedupe_sig *sig, unsigned char *o)
{
	unsigned i;

	put64(o, sig->exact);
	put64(o + 8, sig->numbers);
	put32(o + 16, sig->shingles);
	put32(o + 20, sig->flags);
	for (i = 0; i < DEDUPE_BINS; i++) {
		o[24 + 2 * i] = (unsigned char)sig->mh[i];
		o[25 + 2 * i] = (unsigned char)(sig->mh[i] >> 8);
	}
}

void
dedupe_sig_unpack(const unsigned char *in, struct dedupe_sig *sig)
{
	unsigned i;

	sig->exact = get64(in);
	sig->numbers = get64(in + 8);
	sig->shingles = get32(in + 16);
	sig->flags = get32(in + 20);
	for (i = 0; i < DEDUPE_BINS; i++)
		sig->mh[i] = (uint16_t)(in[24 + 2 * i] | in[25 + 2 * i] << 8);
}

uint64_t
dedupe_sig_hash(const struct dedupe_sig *sig)
{
	unsigned char b[DEDUPE_SIG_BYTES];

	dedupe_sig_pack(sig, b);
	return XXH3_64bits(b, sizeof(b));
}
