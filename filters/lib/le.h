/*
 * le.h: unsigned integers as little-endian bytes, for files that must
 * read the same on every machine (dedupe's index and signatures).
 */
#ifndef KHOBOR_LE_H
#define KHOBOR_LE_H

#include <stdint.h>

static inline void
put32(unsigned char *o, uint32_t v)
{
	o[0] = (unsigned char)v;
	o[1] = (unsigned char)(v >> 8);
	o[2] = (unsigned char)(v >> 16);
	o[3] = (unsigned char)(v >> 24);
}

static inline void
put64(unsigned char *o, uint64_t v)
{
	put32(o, (uint32_t)v);
	put32(o + 4, (uint32_t)(v >> 32));
}

static inline uint32_t
get32(const unsigned char *i)
{
	return (uint32_t)i[0] | (uint32_t)i[1] << 8 | (uint32_t)i[2] << 16 | (uint32_t)i[3] << 24;
}

static inline uint64_t
get64(const unsigned char *i)
{
	return (uint64_t)get32(i) | (uint64_t)get32(i + 4) << 32;
}

#endif
