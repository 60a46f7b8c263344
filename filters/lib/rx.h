/*
 * rx.h: PCRE2 wrapped once, as pcre2grep uses it: UTF and UCP mode, JIT
 * with the interpreter as fallback, match data reused, match and heap
 * limits in one match context, compile errors mapped back to the rule file.
 */
#ifndef KHOBOR_RX_H
#define KHOBOR_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>

#include "yml.h"

struct rx {
	pcre2_code *code;	/* NULL until first used, when found in the pattern cache */
	size_t *ov;		/* the last match's offsets, copied (rx.c) */
	uint32_t npairs;	/* groups + 1 */
	uint32_t flags;		/* as compiled, beside PCRE2_UTF | PCRE2_UCP */
	char *name;		/* "site/rule", for messages */
	char *src;		/* the pattern as written (NFC) */
	size_t srclen;
	char *lit;		/* a literal every match contains, or NULL */
	size_t litlen, rare;	/* its length, and the byte to look for first */
	/* Without one: words one of which every match contains (rx_words), found at the first run. */
	struct rxword *words;
	size_t nwords;
	int worded;		/* looked for */
	char *names;		/* the named groups: number (2 bytes, high first), name, NUL; each */
	size_t nameslen;
	unsigned runs;		/* matches run, up to the JIT compile (rx.c) */
	/* Where the pattern cache (rxcache.h) holds it, while code is NULL. */
	const unsigned char *ser;
	size_t serlen;
	uint64_t serhash;
};

/* Match results. */
enum { RX_NOMATCH = 0, RX_MATCH = 1, RX_PARTIAL = 2, RX_LIMIT = -1, RX_FAIL = -2 };

/*
 * Compile the scalar node N of DOC as a pattern named NAME.  FLAGS are
 * added to PCRE2_UTF | PCRE2_UCP.  On error prints
 * "prog: file:line:col: rule NAME: PCRE2 message (pattern offset K)" and
 * returns NULL.
 */
struct rx *rx_compile(const struct ymldoc *doc, const struct yml *n, const char *name, uint32_t flags);
/*
 * The same for a pattern that is not a node of a rule file as written (one
 * made from rules, say): PAT[0..LEN) is compiled, and an error is
 * reported at FILE:LINE:COL, where the pattern comes from.
 */
struct rx *rx_compile_at(const char *pat, size_t len, const char *file, unsigned line, unsigned col,
    const char *name, uint32_t flags);
/* Compile a pattern that is not in a rule file (built-in); dies on error. */
struct rx *rx_builtin(const char *pattern, uint32_t flags);
void rx_free(struct rx *re);
/* Also JIT-compile RE for PCRE2_PARTIAL_HARD matching (else the interpreter runs it). */
void rx_jit_partial(struct rx *re);

/*
 * Match from START in subject S of length LEN.  Returns RX_MATCH,
 * RX_NOMATCH, RX_PARTIAL (with PCRE2_PARTIAL_HARD in OPTS), RX_LIMIT or
 * RX_FAIL.  While a memo is lent (rx_memo), a pattern run again on the
 * same bytes is answered from it.
 */
int rx_exec(struct rx *re, const char *s, size_t len, size_t start, uint32_t opts);
/*
 * Lend memo M (rxmemo.h) to rx_exec until the next call, NULL for none;
 * the memo lent until now, forgotten if it is not M.  Lend it back when
 * done, as with a nested reader: old = rx_memo(mine); ...; rx_memo(old).
 */
struct rxmemo;
struct rxmemo *rx_memo(struct rxmemo *m);
/*
 * The caller's word that the patterns it runs next on S[0..LEN) find its
 * bytes unchanged until rx_release: the memo then knows the subject by
 * its address, not by reading its bytes again for each pattern (a loop of
 * patterns over one line).  One subject held at a time.
 */
void rx_hold(const char *s, size_t len);
void rx_release(void);
/* Offsets of group G of the last match (after rx_exec returned RX_MATCH); 0 if unset. */
int rx_group(const struct rx *re, int g, size_t *so, size_t *eo);
/* RE's compiled code (decoded now if it came from the pattern cache). */
pcre2_code *rx_code(struct rx *re);
/* Number of a named group, or -1 (also when the name is given to two groups). */
int rx_named(const struct rx *re, const char *gname);

/*
 * A literal every match of pattern P must contain (see rx.c), as a new
 * string in *lit, with the index of the byte to look for first; 0 if the
 * pattern has none that is safe to require.
 */
int rx_literal(const char *p, size_t n, uint32_t flags, char **lit, size_t *litlen, size_t *rare);
/*
 * Sets of words, one word of each of which every match of pattern P must
 * contain (see rx.c), as a new array in *words, set by set (each word's
 * bytes its own); 0 if the pattern has no such set that is safe to require.
 */
struct rxword {
	char *s;
	size_t len;
	unsigned set;		/* the words are sets, each of which a match has one word of */
	size_t next;		/* the index of the next set's first word (or the count) */
	unsigned ch;		/* its first character's bit in a subject's signature (rxmemo.h) */
	int shingled;		/* 6 bytes or more: then also */
	unsigned first, last;	/* its first and last 6 bytes' bits */
};
size_t rx_words(const char *p, size_t n, uint32_t flags, struct rxword **words);
/* Is the literal in S at or after START? */
int rx_literal_in(const char *lit, size_t litlen, size_t rare, const char *s, size_t len, size_t start);

/* Set the limits (defaults: match 10000000, heap 65536 KiB). */
void rx_limits(uint32_t match_limit, uint32_t heap_kib);
/* Free the shared match context at exit. */
void rx_cleanup(void);

#endif
