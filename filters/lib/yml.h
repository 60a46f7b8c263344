/*
 * yml.h: a YAML file as a small tree that remembers where each node came
 * from, so that every rule error can be reported as file:line:column.
 */
#ifndef KHOBOR_YML_H
#define KHOBOR_YML_H

#include <stddef.h>

enum yml_type { YML_SCALAR, YML_SEQ, YML_MAP };

struct yml {
	enum yml_type type;
	char *str;		/* scalar text (NFC-normalized), else NULL */
	size_t len;
	int style;		/* libyaml scalar style: plain, quoted, block */
	unsigned line, col;	/* 1-based position of the node's start */
	struct yml **kid;	/* SEQ: items; MAP: key, value, key, value, ... */
	size_t nkid;
};

struct ymldoc {
	char *file;
	struct yml *root;	/* NULL for an empty file */
	void *arena;		/* the whole tree in one block (ymlcache.c), or NULL */
};

/*
 * Load FILE.  Parse errors, duplicate keys, aliases and excessive nesting
 * are printed as "prog: file:line:col: message"; NULL is returned then.
 */
struct ymldoc *yml_load(const char *file);
/*
 * Load only the head of FILE: parsing stops at the first top-level key in
 * the NULL-terminated list STOP, so what comes after it costs nothing (and
 * its errors are not seen).  For site detection among many sites.
 */
struct ymldoc *yml_load_head(const char *file, const char *const stop[]);
/*
 * Load FILE without its top-level sections named in the NULL-terminated
 * list SKIP, as if they were not there.  The file is still parsed whole
 * (a fault anywhere in it is said), but what a filter never reads is not
 * kept, and with the rules cache (ymlcache.h) a later run rebuilds only
 * what is kept, without parsing.
 */
struct ymldoc *yml_load_without(const char *file, const char *const skip[]);
void yml_free(struct ymldoc *doc);

/* Number of pairs in a map, and the i-th key and value. */
size_t yml_npairs(const struct yml *map);
const struct yml *yml_key(const struct yml *map, size_t i);
const struct yml *yml_val(const struct yml *map, size_t i);
const struct yml *yml_get(const struct yml *map, const char *key);

/* Print "prog: file:line:col: message" for node N and count the error. */
void yml_error(const struct ymldoc *doc, const struct yml *n, const char *fmt, ...);
/* Print a warning in the same form, "prog: file:line:col: warning: message" (not counted). */
void yml_warn(const struct ymldoc *doc, const struct yml *n, const char *fmt, ...);
/*
 * Warn that the spelling OLD at node N still loads but is going away:
 * "prog: file:line:col: warning: 'OLD' is deprecated; write 'NEW'", or
 * "...; leave it out" when NEW is NULL, then " (WHY)" when WHY is not NULL.
 * One form for every rule file, so that a deprecation reads the same in
 * every section and every filter.
 */
void yml_deprecated(const struct ymldoc *doc, const struct yml *n, const char *old, const char *new_,
    const char *why);
extern unsigned yml_nerrors;

/*
 * Schema helpers.  Each returns 0 when the node is as expected; otherwise
 * it reports a positioned error and returns -1.
 */
int yml_want(const struct ymldoc *doc, const struct yml *n, enum yml_type t, const char *what);
/*
 * Check that every key of MAP is in the NULL-terminated list KEYS; an
 * unknown key is reported with the known key it is a typo of, if one is
 * near enough (yml_suggest), else with the list.
 */
int yml_keys(const struct ymldoc *doc, const struct yml *map, const char *const keys[], const char *what);
/*
 * The word of the NULL-terminated list WORDS that WORD is a typo of: the
 * nearest within two edits (insertion, deletion, substitution, or two
 * adjacent characters swapped), the first of a tie; NULL if none is, or if
 * WORD is in the list.
 */
const char *yml_suggest(const char *word, const char *const words[]);
/*
 * The value of an unknown key of MAP that yml_keys(..., KEYS, ...) took for
 * a typo of KEY, or NULL.  A check that KEY is there asks this first: the
 * typo was reported already, and "needs KEY" would be the same mistake
 * said twice.
 */
const struct yml *yml_meant(const struct yml *map, const char *const keys[], const char *key);
/* Parse a boolean scalar (true/false/yes/no). */
int yml_bool(const struct ymldoc *doc, const struct yml *n, int *out);
/* Parse a non-negative integer scalar within [lo, hi]. */
int yml_uint(const struct ymldoc *doc, const struct yml *n, unsigned long lo, unsigned long hi, unsigned long *out);
/* A scalar or a sequence of scalars, as a list; items[] point into the tree. */
int yml_strlist(const struct ymldoc *doc, const struct yml *n, const struct yml ***items, size_t *nitems, const char *what);

#endif
