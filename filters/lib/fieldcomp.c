/*
 * fieldcomp.c: compile a site's field rules (see fields.h and
 * khobor-rules(5), FIELDS) into the fieldset fields.c applies.
 *
 * A rule is checked key by key, its patterns compiled, its anchors and
 * clean-up steps resolved to numbers; a rule that lists patterns, or
 * 'after' or 'before' fields, becomes one rule per combination.  Every
 * fault is said with the file, line and column and counted, and the set is
 * not made; what the rules point to belongs to the set and is freed with it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fieldrule.h"
#include "fields.h"
#include "rx.h"
#include "text.h"
#include "util.h"

static const char *const consume_name[] = { "line", "match", "none" };
static const char *const step_name[S_NSTEPS] = {
	"squeeze", "leading-punct", "trailing-punct", "colon", "nospace"
};

/*
 * A rule with a list of patterns, or of 'after' or 'before' fields, stands
 * for one rule per combination; at most this many, so that a rule file
 * cannot make the set grow without bound.
 */
#define MAX_ALTS 64

/* The keys of a field rule. */
static const char *const rule_keys[] = {
	"name", "id", "pattern", "head", "tail", "after", "before", "until", "list",
	"consume", "clean", "split", "drop_suffix", "also", "required", "drop", "equals", "prefix", "from", NULL
};

/* Headers this filter or its neighbours own; a field rule may not write them. */
static const char *const reserved[] = {
	"source", "site", "error", "warning", "lang", "paragraph_count", "word_count",
	"char_count", "text", "paragraphs", NULL
};

/* Give P to the set, to be freed with it; returns P. */
static void *
keep(struct fieldset *fs, void *p)
{
	if (p == NULL)
		return NULL;
	fs->mem = erealloc(fs->mem, (fs->nmem + 1) * sizeof(*fs->mem));
	fs->mem[fs->nmem++] = p;
	return p;
}

static struct rx *
keep_rx(struct fieldset *fs, struct rx *re)
{
	if (re == NULL)
		return NULL;
	fs->rx = erealloc(fs->rx, (fs->nrx + 1) * sizeof(*fs->rx));
	fs->rx[fs->nrx++] = re;
	return re;
}

static int
hdr_find(const struct fieldset *fs, const char *name)
{
	size_t i;

	for (i = 0; i < fs->nh; i++)
		if (strcmp(fs->h[i].name, name) == 0)
			return (int)i;
	return -1;
}

static int
hdr_add(struct fieldset *fs, const char *name)
{
	int i = hdr_find(fs, name);

	if (i >= 0)
		return i;
	fs->h = erealloc(fs->h, (fs->nh + 1) * sizeof(*fs->h));
	fs->h[fs->nh].name = estrdup(name);
	fs->h[fs->nh].list = 0;
	fs->h[fs->nh].required = 0;
	fs->h[fs->nh].hidden = 0;
	return (int)fs->nh++;
}

/* Is N a header name a field rule may write?  KEY is "name" or "also". */
static int
header_name_ok(const struct ymldoc *doc, const struct yml *n, const char *label, const char *key)
{
	size_t k;

	if (n->type != YML_SCALAR) {
		yml_error(doc, n, "rule %s: '%s' must be a header name", label, key);
		return 0;
	}
	if (!record_name_ok(n->str, n->len)) {
		yml_error(doc, n, "rule %s: '%s: %s' is not a header name ([a-z][a-z0-9_]*)", label, key, n->str);
		return 0;
	}
	for (k = 0; reserved[k]; k++)
		if (strcmp(n->str, reserved[k]) == 0) {
			yml_error(doc, n, "rule %s: '%s: %s' is a header khobor writes itself; choose another name",
			    label, key, n->str);
			return 0;
		}
	return 1;
}

/*
 * The headers of earlier rules named by 'after' or 'before' (KEY): one
 * field or a list of them, tried in order.  Without the key, one entry of
 * -1 (no anchor).  Returns the number of entries; the array goes to FS.
 */
static size_t
anchors(struct fieldset *fs, const struct ymldoc *doc, const struct yml *n, const char *key, const char *label,
    int **out)
{
	const struct yml *const *items = n && n->type == YML_SEQ ? (const struct yml *const *)n->kid : &n;
	size_t nitems = n && n->type == YML_SEQ ? n->nkid : 1, i, k = 0;

	*out = keep(fs, ecalloc(nitems ? nitems : 1, sizeof(**out)));
	(*out)[0] = -1;
	if (n == NULL)
		return 1;
	if (nitems == 0) {
		yml_error(doc, n, "rule %s: '%s' needs at least one field", label, key);
		return 1;
	}
	for (i = 0; i < nitems; i++) {
		const struct yml *a = items[i];
		int h;

		if (a->type != YML_SCALAR) {
			yml_error(doc, a, "rule %s: '%s' must be the name of a field, or a list of them", label, key);
			continue;
		}
		if ((h = hdr_find(fs, a->str)) < 0) {
			const char **names = ecalloc(fs->nh + 1, sizeof(*names)), *near;
			size_t j;

			for (j = 0; j < fs->nh; j++)
				names[j] = fs->h[j].name;
			if ((near = yml_suggest(a->str, names)) != NULL)
				yml_error(doc, a, "rule %s: '%s: %s': no earlier rule finds a field '%s' (did you mean '%s'?)",
				    label, key, a->str, a->str, near);
			else
				yml_error(doc, a, "rule %s: '%s: %s': no earlier rule finds a field '%s' (rules run in file order)",
				    label, key, a->str, a->str);
			free(names);
			continue;
		}
		(*out)[k++] = h;
	}
	return k ? k : 1;
}

/* "'a'", "'a' or 'b'", "'a', 'b' or 'c'": the anchors of a rule, for its description. */
static void
anchor_names(struct buf *b, const struct fieldset *fs, const int *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf_printf(b, "%s'%s'", i == 0 ? "" : i + 1 == n ? " or " : ", ", fs->h[h[i]].name);
}

/*
 * Where rule R looks, in words: "the first line after the 'published'
 * line".  With AFTER and BEFORE (NA and NB anchors) the rule's own lists,
 * for --list-rules; else R's single anchors, for the alternative's --explain.
 */
static const char *
describe_window(struct fieldset *fs, const struct frule *r, const int *after, size_t na, const int *before, size_t nb)
{
	struct buf b = {0};

	if (after == NULL) {
		after = &r->after;
		na = r->after >= 0;
	} else if (na == 1 && after[0] < 0) {
		na = 0;
	}
	if (before == NULL) {
		before = &r->before;
		nb = r->before >= 0;
	} else if (nb == 1 && before[0] < 0) {
		nb = 0;
	}
	if (r->from)
		buf_printf(&b, "the header '%s'", r->from);
	else if (r->head)
		buf_printf(&b, r->head == 1 ? "the first line" : "the first %lu lines", r->head);
	else if (r->tail)
		buf_printf(&b, r->tail == 1 ? "the last line" : "the last %lu lines", r->tail);
	else
		buf_adds(&b, na > 0 || nb > 0 ? "the lines" : "the whole body");
	if (na > 0) {
		buf_adds(&b, " after the ");
		anchor_names(&b, fs, after, na);
		buf_adds(&b, " line");
	}
	if (nb > 0) {
		buf_adds(&b, na > 0 ? " and before the " : " before the ");
		anchor_names(&b, fs, before, nb);
		buf_adds(&b, " line");
	}
	if (r->until)
		buf_adds(&b, " up to the first line that matches 'until'");
	return keep(fs, b.s);
}

/* A pattern of a rule, with its groups. */
struct pat {
	struct rx *re;
	unsigned line;
	int vgroup;
	int *also_hdr, *also_group;	/* only the 'also' headers this pattern has a group for */
	size_t nalso;
};

/*
 * Compile 'pattern': one pattern or a list of them, tried in order.
 * Returns the number of patterns in *PATS (an array given to FS), 0 on error.
 */
static size_t
patterns(struct fieldset *fs, const struct ymldoc *doc, const struct yml *item, const char *label, struct pat **pats)
{
	const struct yml *n = yml_get(item, "pattern");
	const struct yml *const *items;
	size_t nitems, i, good = 0;

	*pats = NULL;
	if (n == NULL) {
		if (yml_meant(item, rule_keys, "pattern") == NULL)	/* a typo of it was said already */
			yml_error(doc, item, "rule %s needs 'pattern'", label);
		return 0;
	}
	items = n->type == YML_SEQ ? (const struct yml *const *)n->kid : &n;
	nitems = n->type == YML_SEQ ? n->nkid : 1;
	if (nitems == 0) {
		yml_error(doc, n, "rule %s: 'pattern' needs at least one pattern", label);
		return 0;
	}
	*pats = keep(fs, ecalloc(nitems, sizeof(**pats)));
	for (i = 0; i < nitems; i++) {
		struct pat *p = &(*pats)[i];

		/* A list item that is not a string gets rx_compile's message. */
		p->line = n->type == YML_SEQ ? items[i]->line : item->line;
		if ((p->re = keep_rx(fs, rx_compile(doc, items[i], label, 0))) == NULL)
			continue;
		p->vgroup = rx_named(p->re, "value");
		if (p->vgroup < 0)
			p->vgroup = p->re->npairs > 1 ? 1 : 0;
		good++;
	}
	return good == nitems ? nitems : 0;
}

/*
 * 'also': the headers other named groups write.  With a list of patterns,
 * each header needs its group in one of them at least; a pattern without it
 * gives that header no value.
 */
static void
also(struct fieldset *fs, const struct ymldoc *doc, const struct yml *n, const struct yml *name, const char *label,
    struct pat *pats, size_t npats, const struct yml ***items, size_t *nitems)
{
	size_t i, p;

	*items = NULL;
	*nitems = 0;
	if (n == NULL || yml_strlist(doc, n, items, nitems, "'also'") < 0)
		return;
	keep(fs, (void *)*items);
	for (p = 0; p < npats; p++) {
		pats[p].also_hdr = keep(fs, ecalloc(*nitems ? *nitems : 1, sizeof(int)));
		pats[p].also_group = keep(fs, ecalloc(*nitems ? *nitems : 1, sizeof(int)));
	}
	for (i = 0; i < *nitems; i++) {
		const struct yml *a = (*items)[i];
		size_t found = 0;

		if (!header_name_ok(doc, a, label, "also"))
			continue;
		if (name && name->type == YML_SCALAR && strcmp(a->str, name->str) == 0) {
			yml_error(doc, a, "rule %s: '%s' is the rule's own name; 'also' lists other headers", label, a->str);
			continue;
		}
		for (p = 0; p < npats; p++) {
			int g = rx_named(pats[p].re, a->str);

			if (g < 0)
				continue;
			found++;
			if (g == pats[p].vgroup)
				yml_error(doc, n, "rule %s: the value needs a group of its own, (?<value>...), "
				    "besides the 'also' groups", label);
			pats[p].also_group[pats[p].nalso] = g;
			pats[p].also_hdr[pats[p].nalso++] = (int)i;	/* made a header below, after the checks */
		}
		if (found == 0 && npats == 1)
			yml_error(doc, a, "rule %s: the pattern has no group (?<%s>...) for 'also: %s'",
			    label, a->str, a->str);
		else if (found == 0 && npats > 1)
			yml_error(doc, a, "rule %s: no pattern has a group (?<%s>...) for 'also: %s'",
			    label, a->str, a->str);
	}
}

/* 'clean': the steps in order; 'trim' is read, with a warning, and dropped. */
static void
clean_steps(const struct ymldoc *doc, const struct yml *n, const char *label, struct frule *r)
{
	const struct yml **items = NULL;
	size_t nitems = 0, i, k;

	if (n == NULL || yml_strlist(doc, n, &items, &nitems, "'clean'") < 0)
		return;
	for (i = 0; i < nitems; i++) {
		if (strcmp(items[i]->str, "trim") == 0) {
			yml_deprecated(doc, items[i], "clean: trim", NULL, "every value is trimmed");
			continue;
		}
		for (k = 0; k < S_NSTEPS; k++)
			if (strcmp(items[i]->str, step_name[k]) == 0)
				break;
		if (k == S_NSTEPS)
			yml_error(doc, items[i], "rule %s: unknown clean-up '%s' (known: squeeze, "
			    "leading-punct, trailing-punct, colon, nospace)", label, items[i]->str);
		else if (r->nsteps == MAX_STEPS)
			yml_error(doc, items[i], "rule %s: at most %d clean-up steps", label, MAX_STEPS);
		else
			r->step[r->nsteps++] = (unsigned char)k;
	}
	free(items);
}

/* A pattern of the rule, compiled and given to FS; NULL if absent or broken. */
static struct rx *
sub_pattern(struct fieldset *fs, const struct ymldoc *doc, const struct yml *item, const char *key, const char *label)
{
	const struct yml *n = yml_get(item, key);
	struct buf what = {0};
	struct rx *re;

	if (n == NULL)
		return NULL;
	buf_printf(&what, "%s %s", label, key);
	re = keep_rx(fs, rx_compile(doc, n, what.s, 0));
	buf_free(&what);
	return re;
}

static void
compile_rule(struct fieldset *fs, const struct site *s, size_t idx, const struct yml *item)
{
	/* What chooses body lines, which a rule reading a header has none of. */
	static const char *const body_keys[] = { "head", "tail", "after", "before", "until", "consume", "prefix", NULL };
	const struct ymldoc *doc = s->doc;
	struct frule r;
	const struct yml *n, *name, *meant = NULL, *id, **items = NULL;
	struct pat *pats;
	size_t npats, nitems = 0, nafter, nbefore, nalso, i, k, p, a, b;
	int *after, *before;
	struct buf label = {0};
	unsigned errors = yml_nerrors;
	int required = 0;

	memset(&r, 0, sizeof(r));
	r.rule_line = r.line = item->line;
	buf_printf(&label, "%s/fields[%zu]", s->name, idx);
	if (item->type != YML_MAP) {
		yml_error(doc, item, "rule %s: a field rule is a mapping with at least 'name' and 'pattern'", label.s);
		buf_free(&label);
		return;
	}
	/*
	 * The label: the header, and the rule's id when it has one.  A
	 * misspelt 'name' (reported as such) still names the header, so that
	 * its rule's mistake is not said again by each rule that refers to it.
	 */
	if ((name = yml_get(item, "name")) == NULL)
		name = meant = yml_meant(item, rule_keys, "name");
	if ((n = yml_get(item, "drop")) != NULL)
		yml_bool(doc, n, &r.drop);
	id = yml_get(item, "id");
	if (name && name->type == YML_SCALAR)
		buf_printf(&label, " %s", name->str);
	if (id && id->type == YML_SCALAR)
		buf_printf(&label, " (%s)", id->str);
	r.label = keep(fs, label.s);
	{
		struct buf what = {0};

		buf_printf(&what, "rule %s", r.label);
		yml_keys(doc, item, rule_keys, what.s);
		buf_free(&what);
	}
	if (id && id->type != YML_SCALAR)
		yml_error(doc, id, "rule %s: 'id' must be a string", r.label);
	/* Every key is checked even after an error, so that one run reports them all. */
	if (r.drop) {
		static const char *const unused[] = { "name", "also", "clean", "split", "drop_suffix", "required", NULL };

		for (k = 0; unused[k]; k++)
			if ((n = yml_get(item, unused[k])) != NULL)
				yml_error(doc, n, "rule %s: a rule with 'drop: true' writes no header; '%s' has no use in it",
				    r.label, unused[k]);
	} else if (name == NULL) {
		yml_error(doc, item, "rule %s needs 'name', the header it writes (or 'drop: true', to write none)",
		    r.label);
	} else if (meant == NULL) {
		header_name_ok(doc, name, r.label, "name");
	}
	r.equals = -1;
	if ((n = yml_get(item, "equals")) != NULL) {
		if (n->type != YML_SCALAR) {
			yml_error(doc, n, "rule %s: 'equals' must be the name of a field", r.label);
		} else {
			int *eq;

			anchors(fs, doc, n, "equals", r.label, &eq);
			r.equals = eq[0];
		}
	}
	/*
	 * 'prefix': the lines that start with a field's value, which is the
	 * match; the rest of the line stays ('consume: match' by default).
	 */
	r.prefix = -1;
	if ((n = yml_get(item, "prefix")) != NULL) {
		const struct yml *p;

		if (n->type != YML_SCALAR) {
			yml_error(doc, n, "rule %s: 'prefix' must be the name of a field", r.label);
		} else {
			int *pre;

			anchors(fs, doc, n, "prefix", r.label, &pre);
			r.prefix = pre[0];
		}
		if ((p = yml_get(item, "equals")) != NULL)
			yml_error(doc, p, "rule %s: give 'equals' (the whole line) or 'prefix' (its start), not both", r.label);
		if ((p = yml_get(item, "pattern")) != NULL)
			yml_error(doc, p, "rule %s: a rule with 'prefix' has no pattern: the value of its field at the "
			    "start of the line is the match", r.label);
		if ((p = yml_get(item, "also")) != NULL)
			yml_error(doc, p, "rule %s: 'also' needs a pattern with a named group for each header; "
			    "a rule with 'prefix' has none", r.label);
	}
	/* 'from': the values of a header, with or without a pattern (without: the whole value). */
	if ((n = yml_get(item, "from")) != NULL) {
		if (n->type != YML_SCALAR || !record_name_ok(n->str, n->len))
			yml_error(doc, n, "rule %s: 'from' must be a header name, as in 'from: meta_published'", r.label);
		else
			r.from = keep(fs, estrdup(n->str));
		for (k = 0; body_keys[k]; k++)
			if ((n = yml_get(item, body_keys[k])) != NULL)
				yml_error(doc, n, "rule %s: '%s' chooses lines of the body; a rule with 'from' reads a header",
				    r.label, body_keys[k]);
	}
	if (yml_get(item, "from") && yml_get(item, "pattern") == NULL) {
		pats = keep(fs, ecalloc(1, sizeof(*pats)));
		pats[0].line = item->line;
		npats = 1;
		if ((n = yml_get(item, "also")) != NULL)
			yml_error(doc, n, "rule %s: 'also' needs a pattern with a named group for each header", r.label);
	} else if (yml_get(item, "prefix") || yml_meant(item, rule_keys, "prefix")) {
		/* No pattern: run_rule finds the prefix itself (a misspelt 'prefix' was said already). */
		pats = keep(fs, ecalloc(1, sizeof(*pats)));
		pats[0].line = item->line;
		npats = 1;
	} else if (yml_get(item, "equals") && yml_get(item, "pattern") == NULL) {
		/* 'equals' without a pattern: the whole line. */
		pats = keep(fs, ecalloc(1, sizeof(*pats)));
		pats[0].line = item->line;
		pats[0].re = keep_rx(fs, rx_compile_at("^.+$", 4, doc->file, item->line, item->col, r.label, 0));
		npats = pats[0].re != NULL;
	} else {
		npats = patterns(fs, doc, item, r.label, &pats);
	}

	if ((n = yml_get(item, "head")) != NULL)
		yml_uint(doc, n, 1, 100000, &r.head);
	if ((n = yml_get(item, "tail")) != NULL) {
		yml_uint(doc, n, 1, 100000, &r.tail);
		if (r.head)
			yml_error(doc, n, "rule %s: give 'head' or 'tail', not both", r.label);
	}
	nafter = anchors(fs, doc, yml_get(item, "after"), "after", r.label, &after);
	nbefore = anchors(fs, doc, yml_get(item, "before"), "before", r.label, &before);
	r.until = sub_pattern(fs, doc, item, "until", r.label);
	if ((n = yml_get(item, "list")) != NULL)
		yml_bool(doc, n, &r.list);
	if ((n = yml_get(item, "required")) != NULL)
		yml_bool(doc, n, &required);
	r.consume = yml_get(item, "prefix") ? C_MATCH : C_LINE;
	if ((n = yml_get(item, "consume")) != NULL) {
		k = 3;
		if (n->type == YML_SCALAR)
			for (k = 0; k < 3; k++)
				if (strcmp(n->str, consume_name[k]) == 0)
					break;
		if (k == 3)
			yml_error(doc, n, "rule %s: 'consume' is line, match or none", r.label);
		else if (r.drop && k == C_NONE)
			yml_error(doc, n, "rule %s: a rule with 'drop: true' takes its line ('consume: line') or "
			    "what it matched ('consume: match'), not nothing", r.label);
		else
			r.consume = (int)k;
	}
	clean_steps(doc, yml_get(item, "clean"), r.label, &r);
	r.split = sub_pattern(fs, doc, item, "split", r.label);
	if ((n = yml_get(item, "drop_suffix")) != NULL &&
	    yml_strlist(doc, n, &items, &nitems, "'drop_suffix'") == 0) {
		char **suffix = keep(fs, ecalloc(nitems ? nitems : 1, sizeof(*suffix)));

		for (i = 0; i < nitems; i++) {
			if (items[i]->len == 0)
				yml_error(doc, items[i], "rule %s: an empty suffix drops nothing", r.label);
			suffix[i] = keep(fs, estrdup(items[i]->str));
		}
		r.suffix = suffix;
		r.nsuffix = nitems;
		free(items);
	}
	if (npats > 0 && pats[0].re != NULL)
		also(fs, doc, yml_get(item, "also"), name, r.label, pats, npats, &items, &nalso);
	else
		nalso = 0;
	if (npats * nafter * nbefore > MAX_ALTS)
		yml_error(doc, item, "rule %s: %zu alternatives (patterns x 'after' fields x 'before' fields: "
		    "%zu x %zu x %zu); at most %d", r.label, npats * nafter * nbefore, npats, nafter, nbefore, MAX_ALTS);
	if (yml_nerrors != errors) {
		/*
		 * One mistake, one error: the fields a broken rule writes still
		 * count as found by an earlier rule, so that the 'after' and
		 * 'before' of the rules below do not say it again.  (The set is
		 * thrown away: it has errors.)
		 */
		if (!r.drop && name && name->type == YML_SCALAR && record_name_ok(name->str, name->len))
			hdr_add(fs, name->str);
		for (i = 0; i < nalso; i++)
			if (items[i]->type == YML_SCALAR && record_name_ok(items[i]->str, items[i]->len))
				hdr_add(fs, items[i]->str);
		return;
	}

	if (r.drop) {
		/* A header of its own that no rule can name and nothing writes. */
		struct buf hidden = {0};

		buf_printf(&hidden, "(drop %zu)", idx);
		r.hdr = hdr_add(fs, hidden.s);
		fs->h[r.hdr].hidden = 1;
		buf_free(&hidden);
	} else {
		r.hdr = hdr_add(fs, name->str);
	}
	fs->h[r.hdr].list |= r.list;
	fs->h[r.hdr].required |= required;
	for (i = 0; i < nalso; i++) {
		int h = hdr_add(fs, items[i]->str);	/* before fs->h is read: it may move */

		fs->h[h].list |= r.list;
	}
	for (p = 0; p < npats; p++)
		for (k = 0; k < pats[p].nalso; k++)
			pats[p].also_hdr[k] = hdr_find(fs, items[pats[p].also_hdr[k]]->str);

	/* One rule to run per pattern, then per 'after', then per 'before' field. */
	for (p = 0; p < npats; p++)
		for (a = 0; a < nafter; a++)
			for (b = 0; b < nbefore; b++) {
				struct frule *alt;

				fs->r = erealloc(fs->r, (fs->nr + 1) * sizeof(*fs->r));
				alt = &fs->r[fs->nr++];
				*alt = r;
				alt->first = p == 0 && a == 0 && b == 0;
				alt->line = pats[p].line;
				alt->re = pats[p].re;
				alt->vgroup = pats[p].vgroup;
				alt->also_hdr = pats[p].also_hdr;
				alt->also_group = pats[p].also_group;
				alt->nalso = pats[p].nalso;
				alt->after = after[a];
				alt->before = before[b];
				alt->where = describe_window(fs, alt, NULL, 0, NULL, 0);
				alt->desc = alt->first ? describe_window(fs, alt, after, nafter, before, nbefore) : NULL;
			}
}

struct fieldset *
fields_compile(const struct site *s)
{
	struct fieldset *fs = ecalloc(1, sizeof(*fs));
	const struct yml *sec = rules_section(s, "fields");
	unsigned errors = yml_nerrors;
	size_t i;

	fs->file = estrdup(s->file);
	if (sec != NULL) {
		if (sec->type != YML_SEQ)
			yml_error(s->doc, sec, "'fields' must be a list of field rules (each a mapping with name and pattern)");
		else
			for (i = 0; i < sec->nkid; i++)
				compile_rule(fs, s, i, sec->kid[i]);
	}
	if (yml_nerrors != errors) {
		fields_free(fs);
		return NULL;
	}
	return fs;
}

void
fields_free(struct fieldset *fs)
{
	size_t i;

	if (fs == NULL)
		return;
	for (i = 0; i < fs->nh; i++)
		free(fs->h[i].name);
	for (i = 0; i < fs->nrx; i++)
		rx_free(fs->rx[i]);
	for (i = 0; i < fs->nmem; i++)
		free(fs->mem[i]);
	free(fs->r);
	free(fs->h);
	free(fs->rx);
	free(fs->mem);
	free(fs->file);
	free(fs);
}

void
fields_list(const struct fieldset *fs, FILE *fp)
{
	size_t i;

	for (i = 0; i < fs->nr; i++)
		if (fs->r[i].first)
			fprintf(fp, "%s:%u: %s: %s\n", fs->file, fs->r[i].rule_line, fs->r[i].label, fs->r[i].desc);
}
