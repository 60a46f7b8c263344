/* yml.c: load a YAML file with libyaml into a positioned tree (see yml.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "text.h"
#include "util.h"
#include "yml.h"
#include "ymlcache.h"

/* Rule files are small and flat; deeper nesting is a mistake or an attack. */
#define YML_MAX_DEPTH 32

unsigned yml_nerrors;

static void
vreport(const char *kind, const char *file, unsigned line, unsigned col, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: %s:%u:%u: %s", prog, file, line, col, kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
yml_error(const struct ymldoc *doc, const struct yml *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("", doc->file, n ? n->line : 1, n ? n->col : 1, fmt, ap);
	va_end(ap);
	yml_nerrors++;
}

void
yml_warn(const struct ymldoc *doc, const struct yml *n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("warning: ", doc->file, n ? n->line : 1, n ? n->col : 1, fmt, ap);
	va_end(ap);
}

void
yml_deprecated(const struct ymldoc *doc, const struct yml *n, const char *old, const char *new_, const char *why)
{
	if (new_ != NULL)
		yml_warn(doc, n, "'%s' is deprecated; write '%s'%s%s%s", old, new_, why ? " (" : "", why ? why : "",
		    why ? ")" : "");
	else
		yml_warn(doc, n, "'%s' is deprecated; leave it out%s%s%s", old, why ? " (" : "", why ? why : "",
		    why ? ")" : "");
}

static struct yml *
node_new(enum yml_type t, const yaml_mark_t *m)
{
	struct yml *n = ecalloc(1, sizeof(*n));

	n->type = t;
	n->line = (unsigned)m->line + 1;
	n->col = (unsigned)m->column + 1;
	return n;
}

static void
node_free(struct yml *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nkid; i++)
		node_free(n->kid[i]);
	free(n->kid);
	free(n->str);
	free(n);
}

static void
node_push(struct yml *parent, struct yml *kid)
{
	/* Grow by powers of two; nkid is a power of two exactly when full. */
	if (parent->nkid == 0 || (parent->nkid & (parent->nkid - 1)) == 0)
		parent->kid = erealloc(parent->kid, (parent->nkid ? parent->nkid * 2 : 1) * sizeof(*parent->kid));
	parent->kid[parent->nkid++] = kid;
}

struct loader {
	yaml_parser_t parser;
	const char *file;
	int failed;	/* the parse cannot go on */
	int bad;	/* the file is wrong, but parsing goes on to find more */
	const char *const *stop;	/* top-level keys to stop at (yml_load_head) */
	int stopped;
};

/* A fault in the file at LINE:COL. */
static void
fault(struct loader *ld, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("", ld->file, line, col, fmt, ap);
	va_end(ap);
	yml_nerrors++;
}

static int
next_event(struct loader *ld, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&ld->parser, ev)) {
		const yaml_parser_t *p = &ld->parser;
		const yaml_mark_t *m = p->context ? &p->context_mark : &p->problem_mark;

		if (p->context)
			fault(ld, (unsigned)p->problem_mark.line + 1, (unsigned)p->problem_mark.column + 1,
			    "not valid YAML: %s %s (line %lu)", p->problem ? p->problem : "error",
			    p->context, (unsigned long)m->line + 1);
		else
			fault(ld, (unsigned)p->problem_mark.line + 1, (unsigned)p->problem_mark.column + 1,
			    "not valid YAML: %s", p->problem ? p->problem : "error");
		ld->failed = 1;
		return -1;
	}
	return 0;
}

/* Build the node that starts with event EV (already parsed). */
static struct yml *
build(struct loader *ld, yaml_event_t *ev, int depth)
{
	struct yml *n = NULL;
	yaml_event_t kev;

	if (depth > YML_MAX_DEPTH) {
		fault(ld, (unsigned)ev->start_mark.line + 1, (unsigned)ev->start_mark.column + 1,
		    "nested more than %d levels deep", YML_MAX_DEPTH);
		ld->failed = 1;
		return NULL;
	}
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		fault(ld, (unsigned)ev->start_mark.line + 1, (unsigned)ev->start_mark.column + 1,
		    "aliases (*%s) are not allowed in rule files; write the value out",
		    (const char *)ev->data.alias.anchor);
		ld->failed = 1;
		return NULL;
	case YAML_SCALAR_EVENT: {
		const char *v = (const char *)ev->data.scalar.value;
		size_t vlen = ev->data.scalar.length;

		n = node_new(YML_SCALAR, &ev->start_mark);
		n->style = ev->data.scalar.style;
		/*
		 * Rule text is NFC-normalized like page text, so a pattern typed
		 * with a precomposed letter matches either spelling in a page.
		 * Stored at its own size, not in a growing buffer's 256 bytes:
		 * default.yaml has thousands of scalars, and every fresh page of
		 * heap is a page fault at start-up.
		 */
		if (text_nfc_quick(v, vlen)) {
			n->str = estrndup(v, vlen);
			n->len = vlen;
		} else {
			struct buf nfc = {0};

			text_nfc(v, vlen, &nfc);
			n->str = estrndup(nfc.s ? nfc.s : "", nfc.len);
			n->len = nfc.len;
			buf_free(&nfc);
		}
		if (memchr(ev->data.scalar.value, '\0', ev->data.scalar.length)) {
			fault(ld, n->line, n->col, "a NUL character is not allowed in a rule value");
			ld->bad = 1;
		}
		return n;
	}
	case YAML_SEQUENCE_START_EVENT:
		n = node_new(YML_SEQ, &ev->start_mark);
		for (;;) {
			struct yml *kid;

			if (ld->failed || next_event(ld, &kev) < 0)
				break;
			if (kev.type == YAML_SEQUENCE_END_EVENT) {
				yaml_event_delete(&kev);
				break;
			}
			kid = build(ld, &kev, depth + 1);
			yaml_event_delete(&kev);
			if (kid == NULL)
				break;
			node_push(n, kid);
			if (ld->failed)
				break;
		}
		return n;
	case YAML_MAPPING_START_EVENT:
		n = node_new(YML_MAP, &ev->start_mark);
		for (;;) {
			struct yml *key, *val;
			yaml_event_t vev;
			size_t i;

			if (ld->failed || next_event(ld, &kev) < 0)
				break;
			if (kev.type == YAML_MAPPING_END_EVENT) {
				yaml_event_delete(&kev);
				break;
			}
			key = build(ld, &kev, depth + 1);
			yaml_event_delete(&kev);
			if (key == NULL)
				break;
			if (depth == 0 && ld->stop && key->type == YML_SCALAR) {
				size_t s;

				for (s = 0; ld->stop[s] && strcmp(ld->stop[s], key->str) != 0; s++)
					;
				if (ld->stop[s]) {
					node_free(key);
					ld->stopped = 1;
					break;
				}
			}
			if (key->type != YML_SCALAR) {
				fault(ld, key->line, key->col, "a key must be a plain string");
				ld->bad = 1;
			} else {
				for (i = 0; i < n->nkid; i += 2)
					if (n->kid[i]->type == YML_SCALAR && strcmp(n->kid[i]->str, key->str) == 0) {
						fault(ld, key->line, key->col,
						    "duplicate key '%s' (first at line %u)", key->str, n->kid[i]->line);
						ld->bad = 1;
					}
			}
			node_push(n, key);
			if (next_event(ld, &vev) < 0)
				break;
			val = build(ld, &vev, depth + 1);
			yaml_event_delete(&vev);
			if (val == NULL)
				break;
			node_push(n, val);
			if (ld->failed)
				break;
		}
		if (n->nkid % 2) {	/* keep pairs whole even after an error */
			node_free(n->kid[--n->nkid]);
		}
		return n;
	default:
		fault(ld, (unsigned)ev->start_mark.line + 1, (unsigned)ev->start_mark.column + 1,
		    "unexpected YAML event");
		ld->failed = 1;
		return NULL;
	}
}

/*
 * What the line LINE (LEN bytes) is at the top level of a block-style file:
 * the index in KEYS of the key it starts ("key:" at column 0), -1 for
 * another top-level line, or -2 for a line that goes on the section before
 * it (indented, blank or a comment).
 */
static int
top_line(const char *line, size_t len, const char *const keys[])
{
	size_t k, kl;

	if (len == 0 || strchr(" \t#\r\n", line[0]) != NULL)
		return -2;
	for (k = 0; keys[k]; k++)
		if (len > (kl = strlen(keys[k])) && memcmp(line, keys[k], kl) == 0 && line[kl] == ':')
			return (int)k;
	return -1;
}

/* What part of a file a load keeps, as the rules cache names it. */
static void
mode_of(const char *const *stop, const char *const *skip, struct buf *b)
{
	const char *const *k = stop ? stop : skip;

	buf_adds(b, stop ? "head:" : skip ? "without:" : "whole");
	for (; k && *k; k++) {
		buf_adds(b, *k);
		buf_addc(b, ',');
	}
}

/* Parse FILE: all of it, or only as far as the first top-level key in STOP. */
static struct ymldoc *
parse(const char *file, const char *const *stop)
{
	struct buf text = {0};
	struct loader ld;
	struct ymldoc *doc;
	yaml_event_t ev;
	FILE *fp;
	int done = 0;

	if ((fp = fopen(file, "rb")) == NULL) {
		warnx("%s: %s", file, strerror(errno));
		yml_nerrors++;
		return NULL;
	}
	memset(&ld, 0, sizeof(ld));
	ld.file = file;
	ld.stop = stop;
	yaml_parser_initialize(&ld.parser);
	if (stop) {
		/*
		 * libyaml decodes its whole input buffer before the first event,
		 * so for a head-only load it gets the text up to the first line
		 * that starts with a stop key; the key check in build() still
		 * stops it if the key is written another way.
		 */
		char chunk[4096];
		size_t k, off = 0;
		int eof = 0;

		for (;;) {
			const char *nl;

			if ((nl = text.len > off ? memchr(text.s + off, '\n', text.len - off) : NULL) == NULL) {
				if (eof) {
					off = text.len;
					break;
				}
				if ((k = fread(chunk, 1, sizeof(chunk), fp)) == 0)
					eof = 1;
				else
					buf_add(&text, chunk, k);
				continue;
			}
			if (top_line(text.s + off, (size_t)(nl - (text.s + off)), stop) >= 0)
				break;
			off = (size_t)(nl - text.s) + 1;
		}
		yaml_parser_set_input_string(&ld.parser, (const unsigned char *)(text.s ? text.s : ""), off);
	} else {
		yaml_parser_set_input_file(&ld.parser, fp);
	}
	doc = ecalloc(1, sizeof(*doc));
	doc->file = estrdup(file);
	while (!done && !ld.failed && !ld.stopped) {
		if (next_event(&ld, &ev) < 0)
			break;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (doc->root != NULL) {
				fault(&ld, (unsigned)ev.start_mark.line + 1, (unsigned)ev.start_mark.column + 1,
				    "a rule file holds one YAML document, not several");
				ld.failed = 1;
			}
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
		case YAML_SCALAR_EVENT:
		case YAML_ALIAS_EVENT:
			doc->root = build(&ld, &ev, 0);
			if (doc->root == NULL)
				ld.failed = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&ld.parser);
	fclose(fp);
	buf_free(&text);
	if (ld.failed || ld.bad) {
		yml_free(doc);
		return NULL;
	}
	return doc;
}

/* Take the top-level pairs whose keys are in SKIP out of DOC's mapping. */
static void
drop_sections(struct ymldoc *doc, const char *const skip[])
{
	struct yml *m = doc->root;
	size_t i, w = 0, k;

	if (m == NULL || m->type != YML_MAP)
		return;
	for (i = 0; i + 1 < m->nkid; i += 2) {
		for (k = 0; skip[k] && strcmp(skip[k], m->kid[i]->str) != 0; k++)
			;
		if (skip[k]) {
			node_free(m->kid[i]);
			node_free(m->kid[i + 1]);
			continue;
		}
		m->kid[w++] = m->kid[i];
		m->kid[w++] = m->kid[i + 1];
	}
	m->nkid = w;
}

/*
 * Load FILE: all of it (STOP and SKIP NULL), only as far as the first
 * top-level key in STOP, or without the top-level sections in SKIP.  What
 * is kept goes through the rules cache (ymlcache.c).  A file is parsed
 * whole even when sections are left out, so that a fault anywhere in it is
 * said: only a file that parsed cleanly is cached.
 */
static struct ymldoc *
load(const char *file, const char *const *stop, const char *const *skip)
{
	struct buf mode = {0};
	struct ymlcache yc;
	struct ymldoc *doc;

	mode_of(stop, skip, &mode);
	doc = ymlcache_get(&yc, file, mode.s);
	buf_free(&mode);
	if (doc == NULL && (doc = parse(file, stop)) != NULL) {
		if (skip != NULL)
			drop_sections(doc, skip);
		ymlcache_put(&yc, doc);
	}
	ymlcache_end(&yc);
	return doc;
}

struct ymldoc *
yml_load(const char *file)
{
	return load(file, NULL, NULL);
}

struct ymldoc *
yml_load_head(const char *file, const char *const stop[])
{
	return load(file, stop, NULL);
}

struct ymldoc *
yml_load_without(const char *file, const char *const skip[])
{
	return skip != NULL ? load(file, NULL, skip) : load(file, NULL, NULL);
}

void
yml_free(struct ymldoc *doc)
{
	if (doc == NULL)
		return;
	if (doc->arena != NULL)
		free(doc->arena);
	else
		node_free(doc->root);
	free(doc->file);
	free(doc);
}

size_t
yml_npairs(const struct yml *map)
{
	return map && map->type == YML_MAP ? map->nkid / 2 : 0;
}

const struct yml *
yml_key(const struct yml *map, size_t i)
{
	return map->kid[2 * i];
}

const struct yml *
yml_val(const struct yml *map, size_t i)
{
	return map->kid[2 * i + 1];
}

const struct yml *
yml_get(const struct yml *map, const char *key)
{
	size_t i;

	for (i = 0; i < yml_npairs(map); i++)
		if (strcmp(map->kid[2 * i]->str, key) == 0)
			return map->kid[2 * i + 1];
	return NULL;
}

static const char *
type_name(enum yml_type t)
{
	switch (t) {
	case YML_SCALAR: return "a string";
	case YML_SEQ: return "a list";
	case YML_MAP: return "a mapping";
	}
	return "?";
}

int
yml_want(const struct ymldoc *doc, const struct yml *n, enum yml_type t, const char *what)
{
	if (n->type == t)
		return 0;
	yml_error(doc, n, "%s must be %s, not %s", what, type_name(t), type_name(n->type));
	return -1;
}

/*
 * The edit distance that suggests the key a typo meant: insertions,
 * deletions, substitutions, and the transposition of two adjacent
 * characters, each one edit (Damerau, "A technique for computer detection
 * and correction of spelling errors", CACM 7(3), 1964, found most typing
 * errors to be one of these four).  This is the restricted form, "optimal
 * string alignment": no part of the string is edited twice, which keeps it
 * one more row than Levenshtein's recurrence.  So "stirp" is one edit from
 * "strip" and two from "start".  Bytes, not characters: keys are ASCII.
 * Capped: keys are short.
 */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t d[3][64];	/* rows i-2, i-1 and i, by i mod 3 */

	if (la >= 63 || lb >= 63)
		return 99;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		size_t *row = d[i % 3], *up = d[(i - 1) % 3], *up2 = d[(i + 1) % 3];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t best = up[j - 1] + (a[i - 1] != b[j - 1]);

			if (up[j] + 1 < best)
				best = up[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && up2[j - 2] + 1 < best)
				best = up2[j - 2] + 1;
			row[j] = best;
		}
	}
	return d[la % 3][lb];
}

const char *
yml_suggest(const char *word, const char *const words[])
{
	const char *best = NULL;
	size_t k, bestd = 3;

	for (k = 0; words[k]; k++) {
		size_t d;

		if (strcmp(words[k], word) == 0)
			return NULL;
		d = distance(words[k], word);
		if (d < bestd) {
			bestd = d;
			best = words[k];
		}
	}
	return best;
}

static int
known(const char *key, const char *const keys[])
{
	size_t k;

	for (k = 0; keys[k]; k++)
		if (strcmp(keys[k], key) == 0)
			return 1;
	return 0;
}

const struct yml *
yml_meant(const struct yml *map, const char *const keys[], const char *key)
{
	size_t i;

	for (i = 0; i < yml_npairs(map); i++) {
		const struct yml *k = yml_key(map, i);
		const char *s;

		if (!known(k->str, keys) && (s = yml_suggest(k->str, keys)) != NULL && strcmp(s, key) == 0)
			return yml_val(map, i);
	}
	return NULL;
}

int
yml_keys(const struct ymldoc *doc, const struct yml *map, const char *const keys[], const char *what)
{
	size_t i, k;
	int rc = 0;

	for (i = 0; i < yml_npairs(map); i++) {
		const struct yml *key = yml_key(map, i);
		const char *best;

		if (known(key->str, keys))
			continue;
		if ((best = yml_suggest(key->str, keys)) != NULL)
			yml_error(doc, key, "unknown key '%s' in %s (did you mean '%s'?)", key->str, what, best);
		else {
			struct buf list = {0};

			for (k = 0; keys[k]; k++)
				buf_printf(&list, "%s%s", k ? ", " : "", keys[k]);
			yml_error(doc, key, "unknown key '%s' in %s (known keys: %s)", key->str, what, list.s);
			buf_free(&list);
		}
		rc = -1;
	}
	return rc;
}

int
yml_bool(const struct ymldoc *doc, const struct yml *n, int *out)
{
	static const char *const yes[] = { "true", "yes", "on", NULL };
	static const char *const no[] = { "false", "no", "off", NULL };
	int i;

	if (n->type == YML_SCALAR) {
		for (i = 0; yes[i]; i++)
			if (strcmp(n->str, yes[i]) == 0) {
				*out = 1;
				return 0;
			}
		for (i = 0; no[i]; i++)
			if (strcmp(n->str, no[i]) == 0) {
				*out = 0;
				return 0;
			}
	}
	yml_error(doc, n, "expected true or false");
	return -1;
}

int
yml_uint(const struct ymldoc *doc, const struct yml *n, unsigned long lo, unsigned long hi, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (n->type == YML_SCALAR && n->len > 0 && n->str[0] >= '0' && n->str[0] <= '9') {
		errno = 0;
		v = strtoul(n->str, &end, 10);
		if (*end == '\0' && errno == 0 && v >= lo && v <= hi) {
			*out = v;
			return 0;
		}
	}
	yml_error(doc, n, "expected a whole number from %lu to %lu", lo, hi);
	return -1;
}

int
yml_strlist(const struct ymldoc *doc, const struct yml *n, const struct yml ***items, size_t *nitems, const char *what)
{
	size_t i;

	if (n->type == YML_SCALAR) {
		*items = ecalloc(1, sizeof(**items));
		(*items)[0] = n;
		*nitems = 1;
		return 0;
	}
	if (n->type != YML_SEQ) {
		yml_error(doc, n, "%s must be a string or a list of strings", what);
		return -1;
	}
	for (i = 0; i < n->nkid; i++)
		if (n->kid[i]->type != YML_SCALAR) {
			yml_error(doc, n->kid[i], "each item of %s must be a string", what);
			return -1;
		}
	*items = ecalloc(n->nkid ? n->nkid : 1, sizeof(**items));
	for (i = 0; i < n->nkid; i++)
		(*items)[i] = n->kid[i];
	*nitems = n->nkid;
	return 0;
}
