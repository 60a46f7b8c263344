/*
 * check.h: oracles for the fuzz harnesses, written apart from the code
 * under test so that a bug is not checked against itself: a strict UTF-8
 * validator (RFC 3629) and a strict JSON validator and string decoder
 * (RFC 8259).
 */
#ifndef KHOBOR_FUZZ_CHECK_H
#define KHOBOR_FUZZ_CHECK_H

#include <stddef.h>

#include "util.h"

/* Is S valid UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF? */
int check_utf8(const char *s, size_t n);

/*
 * Is S exactly one JSON value (any JSON text when OBJECT is 0, an object
 * when 1), with white space around it allowed?  Strings must be valid
 * UTF-8 and escapes of lone surrogates are refused (I-JSON, RFC 7493).
 * Nesting deeper than MAXDEPTH is refused too; *why says what went wrong.
 */
int check_json(const char *s, size_t n, int object, int maxdepth, const char **why);

/*
 * Decode the JSON string literal at S (S[0] == '"') into OUT; returns the
 * length of the literal, or 0 when it is not a valid literal.
 */
size_t check_json_string(const char *s, size_t n, struct buf *out);

struct record;
/*
 * Write REC and read it back: the reader must find exactly one record,
 * with no error header added, the same headers and the same body (but for
 * the final newline the writer adds).  WHO names the filter in messages.
 */
void check_roundtrip(const struct record *rec, const char *who);

/* Stop with a message and abort(), so that libFuzzer records the input. */
void check_fail(const char *fmt, ...);

#define CHECK(cond, ...) do { if (!(cond)) check_fail(__VA_ARGS__); } while (0)

#endif
