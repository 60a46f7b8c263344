/*
 * jsonl.h: the record -> JSON object writer of to-jsonl (JSON Lines,
 * RFC 8259 objects one per line).
 *
 * The output options are compiled once into a jsonl_spec; written with it,
 * a record gives one object: its headers as members in stream order (a
 * repeated header becomes an array at the place of its first occurrence),
 * the body as "text", and "paragraphs" when asked for.  A key that would
 * come twice (a header named text, a rename onto another key) gets a
 * suffix _2, _3, ..., since JSON parsers silently drop one of two equal
 * keys.  The writer knows nothing of options parsing or of stdout: it is
 * handed the record, its working state and the buffer to append to.
 */
#ifndef KHOBOR_JSONL_H
#define KHOBOR_JSONL_H

#include "record.h"
#include "util.h"

/* What to write; the lists are comma-split key names (header names, or text and paragraphs). */
struct jsonl_opts {
	int paragraphs;		/* also write "paragraphs", the body split on blank lines */
	int ascii;		/* escape every non-ASCII character as \uXXXX */
	char **fields;		/* write only these keys, in this order (then exclude is ignored) */
	size_t nfields;
	char **exclude;		/* leave these keys out */
	size_t nexclude;
	char **arrays;		/* always write these headers as arrays */
	size_t narrays;
	char **numbers;		/* write these headers as JSON numbers when the value is an integer */
	size_t nnumbers;
	char **rename_from;	/* write key rename_from[i] as rename_to[i]; the first rename of a key wins */
	char **rename_to;
	size_t nrename;
};

struct jsonl_spec;
struct jsonl_work;

/* Compile O (which may be freed afterwards) into a spec. */
struct jsonl_spec *jsonl_compile(const struct jsonl_opts *o);
void jsonl_free(struct jsonl_spec *spec);

/* Buffers and tables reused from record to record. */
struct jsonl_work *jsonl_work_new(void);
void jsonl_work_free(struct jsonl_work *w);

/*
 * Append REC to OUT as one JSON object and a newline.  Invalid UTF-8 is
 * written as U+FFFD; the number of sequences replaced is returned (a body
 * written as both text and paragraphs counts once), and when there are
 * any, the object ends with a member "to_jsonl_warning" that says how many
 * (in the words of jsonl_replaced()).
 */
size_t jsonl_write(const struct jsonl_spec *spec, struct jsonl_work *w, const struct record *rec,
    struct buf *out);

/* "N invalid UTF-8 sequence(s) replaced with U+FFFD", into OUT (reset first). */
void jsonl_replaced(size_t bad, struct buf *out);

#endif
