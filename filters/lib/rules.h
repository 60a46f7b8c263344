/*
 * rules.h: the rules directory (see khobor-rules(5)).
 *
 *   DIR/sites/SITE.yaml   one file per site layout, tried in name order
 *   DIR/default.yaml      the fallback for pages of no known site
 *   DIR/dates/LANG.yaml   date language data, for normalize-date
 *
 * A site file is parsed on first use, and each filter compiles the part it
 * needs on first use too, so a directory of hundreds of sites costs nothing
 * until a page of one of them appears.
 */
#ifndef KHOBOR_RULES_H
#define KHOBOR_RULES_H

#include "hash.h"
#include "yml.h"

struct site {
	char *name;		/* file name without .yaml; "default" for the fallback */
	char *file;
	struct ymldoc *doc;
	const struct yml *root;	/* the top-level mapping (NULL if the file is empty) */
	int state;		/* 0: not loaded, 1: loaded, -1: broken */
	const char *zone;	/* IANA zone, default Asia/Dhaka */
	const struct yml **langs;	/* date languages, the first is the page language */
	size_t nlangs;
	void *priv;		/* what the filter compiled from it */
	int in_arena;		/* name and file are in the rules' arena, not freed alone */
};

struct rules {
	char *dir;
	struct site *sites;	/* sorted by name */
	size_t nsites;
	struct site deflt;
	char *arena;		/* the site files' names and paths */
	int unlisted;		/* sites not listed: each found by its file when asked */
	struct hmap found;	/* unlisted: name -> struct site *, found so far */
	/*
	 * Top-level sections the filter never reads (NULL: none), left out
	 * when a site file is loaded (yml_load_without): strip-boilerplate
	 * does not parse default.yaml's reader, the largest part of it.
	 */
	const char *const *skip;
};

/*
 * Open the rules directory: DIR if not NULL, else $KHOBOR_RULES, else the
 * rules/ directory beside the executable's bin/ (a build tree), else the
 * compiled-in default.  Exits with EXIT_USAGE if there is none.
 */
struct rules *rules_open(const char *dir);
/*
 * The same, but the site files are not listed: rules_find() finds a site
 * by its file when first asked (sites and nsites stay empty).  For a
 * filter that only wants the sites its records name (extract-meta,
 * normalize-date): listing and sorting a few hundred site files was a
 * tenth of their start.
 */
struct rules *rules_open_unlisted(const char *dir);
/* Leave site NAME out of R, as if its file were not there (before any site is loaded). */
void rules_forget(struct rules *r, const char *name);
void rules_free(struct rules *r, void (*free_priv)(void *));

/* Find a site by name ("default" is the fallback); NULL if no such file. */
struct site *rules_find(struct rules *r, const char *name);
/* Parse and check the common keys of a site; 0 on success, -1 if broken. */
int rules_load(struct rules *r, struct site *s);
/*
 * Before any output, so that broken rules stop a run rather than mark
 * every record: compile with COMPILED (a filter's own compiler of a
 * site's part, which prints the errors; nonzero when it compiled) the
 * default site and SITE (the -s option) if not NULL.  Exits with
 * EXIT_USAGE on an unknown SITE or a broken file.
 */
void rules_require(struct rules *r, const char *site, int (*compiled)(struct site *));

/* Where a site's section NAME is, or NULL. */
const struct yml *rules_section(const struct site *s, const char *name);

/*
 * The site whose section NAME ("reader" or "fields") site S uses: the
 * default, loaded, when S gives the section as the word 'default'
 * (khobor-rules(5)), else S.  The section is then compiled as the
 * default's, so that messages and --explain name default.yaml.  NULL after
 * the messages when default.yaml is broken.
 */
struct site *rules_uses(struct rules *r, struct site *s, const char *name);

/* Join dir and name into a new string. */
char *rules_path(const char *dir, const char *name);

#endif
