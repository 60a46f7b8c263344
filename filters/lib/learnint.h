/*
 * learnint.h: what the parts of the learner share (learn.c counts the
 * pages and chooses the rules; learndraft.c writes the draft and tries it
 * with the library's engines).  Not for the filters: they use learn.h.
 */
#ifndef KHOBOR_LEARNINT_H
#define KHOBOR_LEARNINT_H

#include <stdint.h>
#include <stdio.h>

#include "hzone.h"
#include "page.h"
#include "record.h"
#include "rules.h"
#include "rx.h"
#include "util.h"

#define NOSHAPE ((uint32_t)-1)
/* Z_BOX: a box's lines inside an article (choose_boxes), set after the counts per zone. */
enum zone { Z_TOP, Z_IN, Z_BOT, Z_HEAD, Z_NONE, Z_BOX };

/* Kinds of strip rule a draft holds, in the order of strip.c. */
enum kind { K_JUNK, K_CUT, K_DROP, K_REMOVE, K_NKINDS };
/* Their keys in a site file's strip section. */
extern const char *const learn_kind_key[K_NKINDS];

struct lpage {
	char *source;
	struct record rec;
	struct page pg;
	uint32_t *sid;		/* shape of each line, or NOSHAPE */
	unsigned char *zone;	/* enum zone of each line */
	size_t first, end;	/* the article: lines [first, end) */
	int article;		/* a paragraph was found */
};

struct shape {
	uint64_t key;
	unsigned pages, zpages[4];	/* pages it is on, in all and per zone */
	size_t seen, zseen[4];		/* the last page counted (index + 1) */
	size_t page, line;		/* its first occurrence */
	int lead, trail;		/* some occurrence has space before / after */
	unsigned credit;		/* pages it opens the story on as its credit */
};

/* A strip rule of the draft, learned or kept from default.yaml. */
struct rule {
	enum kind kind;
	char *id, *pat, *to;	/* pattern (a cut's 'from'), a cut's 'to' */
	const char *origin;	/* NULL: learned; else what it was in default.yaml */
	size_t shape;		/* learned: the shape it is for */
	int box;		/* a cut of a box inside the article (choose_boxes) */
	int dead;		/* pruned from the draft */
	unsigned pages, inside;	/* pages it fired on; lines it took inside an article */
	size_t seen, ex_page, ex_line;	/* last page counted; an example */
	int has_ex;
};

/* A match or start pattern with the pages it finds. */
struct found {
	char *pat;
	size_t shape;
	unsigned pages;
};

/*
 * A match pattern that might be chosen: the pages it finds, its lines and
 * letters.  RE is kept to try it on other sites' pages as they come; one
 * that finds anything there is dropped (PAT NULL).
 */
struct cand {
	char *pat;
	struct rx *re;
	size_t shape, lines, letters;
	unsigned char *hit;	/* per page */
	unsigned pages;
	int bottom;
};

struct fieldcount {
	const char *name;
	unsigned pages;
	char *example;
	char *label;		/* the words before the value on its line, where one page has them */
	unsigned labelled;	/* pages whose line starts with that label */
	size_t line;		/* the line number of the value on the first page, counted from 1 */
};

struct learner {
	struct rules *r;
	char *name;
	char **hosts;
	size_t nhosts;
	struct lpage *p;	/* the site's pages */
	size_t np, capp;
	size_t no;		/* other sites' pages tried (not kept) */
	int ready;		/* the pages are counted: candidates made, no more pages */
	struct cand *c;		/* the match candidates */
	size_t nc;
	struct rx *start_re;	/* the start candidate */
	struct shape *s;
	size_t ns, caps;
	uint32_t *tab;		/* open addressing: shape index + 1, 0 empty */
	size_t tabcap;
	struct rx **hdr;	/* the reader's header patterns: such a line is left to it */
	size_t nhdr;
	struct rx **generic;	/* default.yaml's strip patterns: chrome of any site */
	size_t ngeneric;
	struct hzoneset *reader;	/* default.yaml's reader: what it reads is no box */
	struct rule *rule;
	size_t nrule;
	struct found *match;
	size_t nmatch;
	char *start;
	int start_note;		/* 1: start left out, its line is not at one place */
	unsigned dedupe_pages, start_pages;
	size_t dd_page, dd_line;
	struct fieldcount fc[12];
	size_t nfc;
	size_t unknown;		/* fixture pages of no known site, not tried */
	struct buf b, path;
};

/* Is the shape more often below the article than above it? */
int learn_at_bottom(const struct shape *s);
/* A pattern of the draft, compiled as the filters compile it. */
struct rx *learn_compile(const char *pat, uint32_t flags);
/* Does RE match S[0..N)? */
int learn_hit(struct rx *re, const char *s, size_t n);

/* Write the draft on FP; COUNTS: with each rule's counts and example. */
void learn_write_draft(FILE *fp, struct learner *l, int counts);
/*
 * Try the draft as it would be written on the site's pages, with the
 * library's engines, counting what each rule takes and each field read
 * (COUNTS: the final counts).  Returns 0, or -1 after a message when the
 * draft does not compile or cannot be written to a temporary file.
 */
int learn_try_draft(struct learner *l, int counts);

#endif
