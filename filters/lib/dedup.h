/*
 * dedup.h: the copy finder of dedupe(1).  A record's body (and, for a
 * very short body, its title) becomes a signature of a fixed 120 bytes:
 * a MinHash sketch of its word shingles, its shingle count, a hash of
 * its normalized text and a small set of the numbers it quotes.  An index
 * of signatures answers "which earlier record does this one copy?"
 * through LSH bands; it is saved to a file and read back, and the same
 * question can be answered by a MapReduce over band lines (shard mode).
 *
 * The engine knows nothing of options or globals: the parameters, the
 * decision rule and the working buffers are handed in, as in fields.h.
 */
#ifndef KHOBOR_DEDUP_H
#define KHOBOR_DEDUP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util.h"

/* Sizes fixed at compile time: the signature and the index format depend on them. */
#define DEDUPE_BINS 48		/* MinHash values a signature holds */
#define DEDUPE_SIG_BYTES 120	/* a signature as stored in the index and in band lines */
#define DEDUPE_CHAIN 8		/* candidates: the first records of each band, at most this many */

/* What a signature depends on.  An index records them and is refused under others. */
struct dedupe_params {
	unsigned norm;		/* version of the tokenizer and its normalization */
	unsigned shingle;	/* words in a shingle */
	unsigned bins;		/* MinHash values (DEDUPE_BINS) */
	unsigned bands, rows;	/* LSH: bands * rows == bins */
	unsigned short_words;	/* bodies of fewer words are matched only when equal */
	uint64_t seed;		/* of every hash */
};

/* When an estimate makes a copy.  Not part of the index: it may change between runs. */
struct dedupe_rule {
	double jaccard;		/* near copy: estimated Jaccard at least this */
	double containment;	/* contained copy: the smaller's estimated containment at least this */
	double ratio;		/* ... when the smaller has at least this share of the larger's shingles */
	double numbers;		/* numbers both quote / numbers the one with fewer quotes, at least this */
	unsigned min_numbers;	/* ... checked only when both quote at least this many numbers */
};

extern const struct dedupe_params dedupe_default_params;
extern const struct dedupe_rule dedupe_default_rule;

enum { DEDUPE_SHORT = 1, DEDUPE_EMPTY = 2 };

struct dedupe_sig {
	uint64_t exact;		/* hash of the normalized words (title and body when short) */
	uint64_t numbers;	/* a 64-bit set of the distinct numbers quoted (one bit each) */
	uint32_t shingles;	/* shingles in the body */
	uint32_t flags;		/* DEDUPE_SHORT, DEDUPE_EMPTY */
	uint16_t mh[DEDUPE_BINS];	/* MinHash, one permutation, low 16 bits of each minimum */
};

enum dedupe_kind { DEDUPE_NONE = 0, DEDUPE_EXACT, DEDUPE_NEAR, DEDUPE_CONTAINED };

struct dedupe_match {
	enum dedupe_kind kind;
	double jaccard;		/* estimated Jaccard of the shingle sets */
	double containment;	/* estimated share of the smaller set found in the larger */
	double numbers;		/* share of the fewer numbers found in the other set; -1 unchecked */
	double similarity;	/* the estimate decided on: 1 exact, jaccard near, containment contained */
};

const char *dedupe_kind_name(enum dedupe_kind k);

/* ---- signatures ---- */

struct dedupe_work;
struct dedupe_work *dedupe_work_new(const struct dedupe_params *p);
void dedupe_work_free(struct dedupe_work *w);

/*
 * The signature of a record from its title (may be NULL) and body.  Words
 * are runs of letters, marks and digits after NFC; ZWJ, ZWNJ and soft
 * hyphens are dropped inside words, ASCII letters lowered, Bengali digits
 * read as ASCII digits; everything else (white space, punctuation) only
 * separates words.  Returns 0, or 1 when the body was not valid UTF-8
 * (the bad bytes were read as U+FFFD, a separator).
 */
int dedupe_sign(struct dedupe_work *w, const char *title, size_t tn, const char *body, size_t bn,
    struct dedupe_sig *sig);

/*
 * Does LATER copy EARLIER, by RULE?  Fills *m with the estimates either
 * way and returns 1 for a copy.  A pure function of its arguments, so
 * that every way of running dedupe reaches the same marks.
 */
int dedupe_compare(const struct dedupe_params *p, const struct dedupe_rule *r,
    const struct dedupe_sig *earlier, const struct dedupe_sig *later, struct dedupe_match *m);

/* A signature as its DEDUPE_SIG_BYTES stored bytes (little-endian), and back. */
void dedupe_sig_pack(const struct dedupe_sig *sig, unsigned char *out);
void dedupe_sig_unpack(const unsigned char *in, struct dedupe_sig *sig);

/* ---- the index ---- */

struct dedupe_index;
struct dedupe_index *dedupe_index_new(const struct dedupe_params *p);
void dedupe_index_free(struct dedupe_index *ix);
size_t dedupe_index_count(const struct dedupe_index *ix);
const char *dedupe_index_key(const struct dedupe_index *ix, size_t i);
const struct dedupe_sig *dedupe_index_sig(const struct dedupe_index *ix, size_t i);

/*
 * The record of IX that SIG copies by RULE, or -1: of the candidates that
 * pass, the one with the highest estimated Jaccard, the earliest among equals.
 * Candidates are the records that share an LSH band with SIG (the exact
 * hash, for a short body); *m gets the estimates of the copy found.  With
 * EXPLAIN not NULL, the candidates turned down are said on it, after PREFIX.
 */
long dedupe_index_find(struct dedupe_index *ix, const struct dedupe_rule *rule,
    const struct dedupe_sig *sig, struct dedupe_match *m, FILE *explain, const char *prefix);
/* Add SIG, under KEY, as the index's latest record; returns its number.  Empty bodies are not added. */
size_t dedupe_index_add(struct dedupe_index *ix, const struct dedupe_sig *sig, const char *key);

/*
 * Read an index from the N bytes at DATA (NAME for messages) into IX,
 * which must be empty.  Returns 0, or -1 with the reason in *err: not an
 * index, another version or other parameters (named), truncated, damaged.
 */
int dedupe_index_read(struct dedupe_index *ix, const void *data, size_t n, const char *name, struct buf *err);
/* The same from a file; 1 when PATH does not exist (IX left empty). */
int dedupe_index_load(struct dedupe_index *ix, const char *path, struct buf *err);
/* Write the index to FP (0, or -1 on a write error), or as bytes to OUT. */
int dedupe_index_write_fp(const struct dedupe_index *ix, FILE *fp);
void dedupe_index_write(const struct dedupe_index *ix, struct buf *out);
/*
 * Save IX to PATH: written to a temporary file beside it, synced, then
 * renamed over PATH, so that PATH is either the old index or the new one.
 * Returns 0, or -1 with the reason in *err (PATH is left as it was).
 */
int dedupe_index_save(const struct dedupe_index *ix, const char *path, struct buf *err);

/* ---- shard mode: band lines, grouped by sort(1) or a MapReduce shuffle ---- */

/*
 * The band lines of one record, appended to OUT: for each LSH band (or
 * the exact hash of a short body) one line
 *   BAND <tab> SHARD:RECNO <tab> SIGNATURE <tab> KEY
 * where BAND starts with a digest of the parameters, SHARD and RECNO are
 * fixed-width decimals (so that a plain sort keeps the input order within
 * a band), SIGNATURE is base64 and KEY has tab, newline and backslash
 * escaped.  An empty body gives no line.
 */
void dedupe_band_lines(const struct dedupe_params *p, const struct dedupe_sig *sig, unsigned long shard,
    unsigned long recno, const char *key, struct buf *out);

/* What the grouped table says of one record of this shard. */
struct dedupe_mark {
	int seen;		/* the record has lines in the table */
	uint64_t sighash;	/* of its signature, to check that the table fits the input */
	unsigned long shard, recno;	/* the earlier record it copies, when m.kind is not DEDUPE_NONE */
	char *key;
	struct dedupe_match m;
};

struct dedupe_marks;
/*
 * Read the grouped band lines of FP (NAME for messages) and find, for
 * every record of SHARD, the record of an earlier place it copies, chosen
 * as dedupe_index_find chooses.
 * Lines of one band must be adjacent; their order within the band does not
 * matter.  Returns NULL with the reason in *err for a line that is not a
 * band line, or one made with other parameters.
 */
struct dedupe_marks *dedupe_marks_read(FILE *fp, const char *name, const struct dedupe_params *p,
    const struct dedupe_rule *rule, unsigned long shard, struct buf *err);
/* The mark of record RECNO (1-based) of the shard; NULL if it has no line. */
const struct dedupe_mark *dedupe_marks_get(const struct dedupe_marks *mk, unsigned long recno);
void dedupe_marks_free(struct dedupe_marks *mk);
/* A hash of a signature, as dedupe_mark.sighash. */
uint64_t dedupe_sig_hash(const struct dedupe_sig *sig);

#endif
