/* shape.h: a line's shape, the key under which a site's chrome recurs. */
#ifndef KHOBOR_SHAPE_H
#define KHOBOR_SHAPE_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
 * Write the shape of the line S[0..N) to OUT (reset first): letters and
 * combining marks kept (ASCII lower-cased), every run of digits, Bengali or
 * ASCII, folded to one '0', and every run of anything else (white space,
 * punctuation, symbols) to one space, trimmed at both ends.  So
 * "ঢাকা, ০৯:১২ পূর্বাহ্ন" and "ঢাকা, ১১:৫৯ পূর্বাহ্ন" have one shape.  S is
 * UTF-8, NFC as strip-boilerplate leaves it; invalid bytes count as
 * separators.  Returns the shape's length (0: the line has no letter and no
 * digit, and recurs as nothing).
 */
size_t shape_line(const char *s, size_t n, struct buf *out);

/* The 64-bit key of a shape (FNV-1a of shape_line's text; 0 never returned). */
uint64_t shape_key(const char *shape, size_t n);

#endif
