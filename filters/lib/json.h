/* json.h: JSON text output for to-jsonl (RFC 8259). */
#ifndef KHOBOR_JSON_H
#define KHOBOR_JSON_H

#include "util.h"

/*
 * Append s as a JSON string literal.  Invalid UTF-8 becomes U+FFFD; the
 * number of replaced sequences is returned.  With ASCII set, every
 * non-ASCII character is written as a \u escape (surrogate pairs above
 * U+FFFF).
 */
size_t json_string(struct buf *out, const char *s, size_t n, int ascii);

#endif
