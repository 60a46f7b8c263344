/*
 * rxmemo.h: what a pattern answered on a subject, remembered for as long
 * as a caller asks (the header-zone reader, over one page), so that the
 * same pattern run again on the same bytes is not matched again.
 *
 * The reader asks the same questions of a line many times over: a line
 * is classified, then its segments, a bulleted line with and without its
 * bullet; the byline patterns read a line in classify1, again in
 * labelled()'s segments and in the credit searches; the dateline patterns
 * read the first paragraph in placed_credits() and again in dateline().
 * Two fifths of the reader's matching was such repeats.  A pattern's
 * answer depends on nothing but its code, the subject's bytes, the start
 * and the options, so the answer kept is the answer it would give.
 *
 * A memo is its owner's (the reader keeps one in its working state, page
 * after page); rx_memo() (rx.h) lends it to rx_exec while the owner reads.
 */
#ifndef KHOBOR_RXMEMO_H
#define KHOBOR_RXMEMO_H

#include <stddef.h>
#include <stdint.h>

struct rx;
struct rxmemo;

struct rxmemo *rxmemo_new(void);
void rxmemo_free(struct rxmemo *m);
/* Forget every answer M holds (a page read, a pattern freed, the limits changed); its tables stay. */
void rxmemo_forget(struct rxmemo *m);

/* The number in M of the subject S[0..LEN), the same for the same bytes (added if new). */
uint32_t rxmemo_subject(struct rxmemo *m, const char *s, size_t len);
/* How many times M forgot its subjects: a subject's number holds while this stays. */
unsigned long rxmemo_generation(const struct rxmemo *m);

/* Where rxmemo_keep stores an answer rxmemo_find did not have. */
struct rxmemo_slot {
	uint32_t subj;		/* the subject's number in the memo */
	uint64_t key;
	size_t b;		/* the empty slot of the answers' index its probe ended at */
};

/*
 * Did RE run on subject SUBJ from START with OPTS?  Then 1, its answer
 * (rx_exec's) in *RC and, for a match, its offsets back in RE.  Otherwise
 * 0, and *SLOT for rxmemo_keep, to be called before any other call on M.
 */
int rxmemo_find(struct rxmemo *m, uint32_t subj, struct rx *re, size_t start, uint32_t opts, int *rc,
    struct rxmemo_slot *slot);
/* Keep RE's answer RC (its offsets with it for a match) in SLOT. */
void rxmemo_keep(struct rxmemo *m, const struct rxmemo_slot *slot, const struct rx *re, size_t start, uint32_t opts,
    int rc);

/*
 * A subject's signature: for each character of it, a bit of 4096 for the
 * 6 bytes from there (RXMEMO_SHINGLE; a Bengali letter is 3), and one of
 * 1024 for the character itself.  A word whose bits are not all set is
 * not in the subject; one whose are may be.  Made once per subject the
 * memo keeps; NULL for a subject too long for 4096 bits to tell anything.
 * It stays where it is until rxmemo_forget.
 */
#define RXMEMO_SHINGLE 6
#define RXMEMO_BIT(sig, b) (((sig)[(b) >> 6] >> ((b) & 63)) & 1)
#define RXMEMO_CHAR(sig, b) (((sig)[64 + ((b) >> 6)] >> ((b) & 63)) & 1)
const uint64_t *rxmemo_signature(struct rxmemo *m, uint32_t subj, const char *s, size_t len);
/* The bit of the RXMEMO_SHINGLE bytes at S. */
unsigned rxmemo_shingle(const char *s);
/* The bit of the character at S (as many bytes as its lead byte says). */
unsigned rxmemo_charbit(const char *s);

#endif
