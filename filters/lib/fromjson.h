/*
 * fromjson.h: JSON Lines -> records, the converter of from-jsonl.
 *
 * Each line is one JSON object, one page: a member holds the page text
 * (the body), the first of the id members found gives the "source" header,
 * and the other members whose values are strings, numbers, booleans or
 * arrays of them become headers (an array one header per element, in
 * order).  Every line gives exactly one record; a line that is not a JSON
 * object, or has no text, gives one with an error header.
 *
 * A page given as HTML (a string in the html member, or a text member that
 * begins as an HTML page does, html_looks_like) is rendered by the engine
 * of from-html (html.h): its visible text is the body, and the headers
 * from its head follow the members' headers.
 */
#ifndef KHOBOR_FROMJSON_H
#define KHOBOR_FROMJSON_H

#include "filter.h"
#include "record.h"
#include "util.h"

struct fromjson_opts {
	const char *text;	/* the member with the page text */
	const char *html;	/* the member with the page's HTML, or NULL */
	char **ids;		/* the members with the page id, first found wins */
	size_t nids;
	int keep_only;		/* copy only the members in keep as headers */
	char **keep;
	size_t nkeep;
	char **exclude;		/* do not copy these members */
	size_t nexclude;
};

struct fromjson;
struct fromjson_work;

/* Compile O (which may be freed afterwards); O must name the text member and at least one id. */
struct fromjson *fromjson_compile(const struct fromjson_opts *o);
void fromjson_free(struct fromjson *fj);

/* The parsed object and buffers, reused from line to line. */
struct fromjson_work *fromjson_work_new(void);
void fromjson_work_free(struct fromjson_work *w);

/*
 * Convert LINE (LEN bytes; a final newline or CRLF is not part of it),
 * line LINENO of FILE, into REC (cleared first; rec->no is LINENO).
 * Returns the number of errors the record got (rec->nerrors).
 */
int fromjson_convert(const struct fromjson *fj, struct fromjson_work *w, const char *file,
    unsigned long lineno, const char *line, size_t len, struct record *rec);

/*
 * A member name as a header name: ASCII letters lowered, every byte but
 * [a-z0-9_] made '_'.  Returns 1 if OUT is then a valid header name, 0 if
 * it cannot be one (empty, or not starting with a letter).
 */
int fromjson_header_name(const char *key, struct buf *out);

/* JSON Lines as a filter_input: one record per line; its context is a struct fromjson. */
extern const struct filter_input fromjson_input;

#endif
