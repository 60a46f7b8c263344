/*
 * rxcache.h: compiled patterns kept between runs (see khobor-rules(5), FILES).
 *
 * Compiling the rule files' patterns is most of a filter's start:
 * extract-meta's reader alone has some 400 of them, 3.7 M instructions of
 * pcre2_compile at every start.  PCRE2 writes a compiled pattern out and
 * reads it back (pcre2serialize(3)); this keeps every pattern a program
 * compiled, found by its text and options, in one file per program, so
 * that the next start finds it there instead of compiling it, and decodes
 * it only when it first runs: on a given page most of the reader's
 * patterns never do (their literal is not on it).
 *
 * Found by its own text, a pattern needs no check against the rule file it
 * came from, and one not in the file is compiled, and so checked, as
 * before.  A file of another build or another PCRE2, or damaged, is
 * ignored; a damaged entry is compiled anew.  A cache is never an error.
 */
#ifndef KHOBOR_RXCACHE_H
#define KHOBOR_RXCACHE_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

/* A pattern found in the cache: all of it points into the mapped file. */
struct rxcache_hit {
	const unsigned char *code;	/* the serialized pattern */
	size_t codelen;
	uint64_t codehash;
	uint32_t npairs;		/* groups + 1 */
	const char *lit;		/* as rx_literal found it, or NULL */
	size_t litlen, rare;
	const char *names;		/* the named groups (rx.c's table), nameslen bytes */
	size_t nameslen;
};

/* Pattern PAT[0..LEN) compiled with FLAGS, if the cache has it: 1 and *H, else 0. */
int rxcache_find(const char *pat, size_t len, uint32_t flags, struct rxcache_hit *h);
/* Keep a pattern just compiled, to be written when the program exits. */
void rxcache_add(const char *pat, size_t len, uint32_t flags, const pcre2_code *code, uint32_t npairs,
    const char *lit, size_t litlen, size_t rare, const char *names, size_t nameslen);
/* The pattern a hit stands for, decoded; NULL if its bytes are damaged or not PCRE2's. */
pcre2_code *rxcache_decode(const unsigned char *code, size_t codelen, uint64_t codehash);

#endif
