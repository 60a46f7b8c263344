/*
 * fieldrule.h: a compiled fieldset as fieldcomp.c makes it and fields.c
 * runs it.  Private to those two files; everyone else sees fields.h.
 */
#ifndef KHOBOR_FIELDRULE_H
#define KHOBOR_FIELDRULE_H

#include <stddef.h>

#include "rx.h"

enum consume { C_LINE, C_MATCH, C_NONE };

/*
 * Clean-up steps, applied to each value in the order the rule lists them.
 * "trim" was one too; it did nothing, as every value is trimmed before the
 * steps run, and is now read with a deprecation warning and dropped.
 */
enum step { S_SQUEEZE, S_LEAD, S_TRAIL, S_COLON, S_NOSPACE, S_NSTEPS };
#define MAX_STEPS 8

struct hdr {
	char *name;
	int list;		/* many values */
	int required;		/* warn when the record has none */
	int hidden;		/* a drop rule's: counts its lines, is never written */
};

/*
 * One rule as the engine runs it: a rule of the file, or one alternative of
 * a rule that lists several patterns or anchors.  What it points to (label,
 * patterns, arrays) belongs to the fieldset, as alternatives share it.
 */
struct frule {
	const char *label;	/* "kalbela/fields[3] title", for messages */
	const char *where;	/* "the first line after 'published'", for --explain */
	const char *desc;	/* the same for the rule, all its anchors, for --list-rules */
	unsigned line;		/* of the rule in its file, or of its pattern in a list */
	unsigned rule_line;	/* of the rule, for --list-rules */
	int first;		/* the first alternative of its rule */
	int hdr;		/* the header the value group writes */
	int vgroup;		/* the value group: 'value', else 1, else 0 */
	struct rx *re;
	const int *also_hdr, *also_group;	/* headers written by other named groups */
	size_t nalso;
	int list, consume;
	int drop;		/* the line goes, no header is written */
	int equals;		/* only the lines equal to this header's value; -1 = any */
	int prefix;		/* only the lines starting with it: re is NULL, the prefix is the match; -1 = none */
	unsigned long head, tail;	/* window: first or last N lines; 0 = all */
	int after, before;		/* window: lines after/before this header's line; -1 = none */
	struct rx *until;		/* window: ends before the first line this matches */
	unsigned char step[MAX_STEPS];
	size_t nsteps;
	struct rx *split;
	char *const *suffix;	/* drop_suffix, tried in order */
	size_t nsuffix;
	const char *from;	/* read this header's values, not the body; re NULL: the whole value */
};

struct fieldset {
	char *file;
	struct frule *r;
	size_t nr;
	struct hdr *h;
	size_t nh;
	/* What the rules point to, freed with the set. */
	struct rx **rx;
	size_t nrx;
	void **mem;
	size_t nmem;
};

#endif
