/*
 * strip.c: compile and apply a site's strip rules and heuristics (see
 * strip.h and khobor-rules(5), STRIP and HEURISTICS).
 *
 * Rules run kind by kind over the page's lines: the junk glued to the end
 * of the page first (until none takes anything more), then replacements,
 * cuts between markers, dropped lines, removed fragments, repeated lines,
 * and last the generic heuristics.  A line removed is only marked gone; a
 * line changed gets its new text appended to the page's buffer.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "rx.h"
#include "strip.h"
#include "text.h"
#include "util.h"

/* Kinds of strip rule, in the order they are applied to a page. */
enum rkind { R_JUNK, R_REPLACE, R_CUT, R_DROP, R_REMOVE, R_NKINDS };
static const char *const kind_key[R_NKINDS] = { "junk_at_end", "replace", "cut", "drop", "remove" };

struct srule {
	enum rkind kind;
	char *name;		/* "site/strip.drop[2] cross-link", for messages */
	unsigned line;		/* where it is in the rule file */
	struct rx *re;		/* pattern, or the cut's from marker */
	struct rx *to;		/* the cut's end marker, or NULL: to the end */
	char *literal, *with;	/* replace: literal text, replacement */
	char *hname, *hvalue;	/* cut: the header it writes when it cuts, or NULL */
	int after_story;	/* cut: above the story, the story under it, the marker alone goes */
};

struct heur {
	int bullets, numbered, tail;
	unsigned long bullet_max, bullet_min, numbered_min, tail_max, tail_min;
	struct rx *sentence_end;
	struct rx *tail_header;		/* a line that makes a short cluster a header, or NULL */
};

struct stripset {
	char *file, *site;
	struct srule *r;
	size_t nr;
	int dedupe;
	unsigned dedupe_line, heur_line;
	struct heur h;
	struct rx *sentence_end;	/* a sentence for after_story and dedupe, when the heuristics name none */
	struct chrome *chrome;	/* the caller's, or NULL */
};

/* ---- compiling ---- */

/* What is being compiled, and whether a deprecated spelling was told already. */
struct compiling {
	const struct site *s;
	struct stripset *set;
	int told_name;
};

void
strip_free(struct stripset *set)
{
	size_t i;

	if (set == NULL)
		return;
	for (i = 0; i < set->nr; i++) {
		rx_free(set->r[i].re);
		rx_free(set->r[i].to);
		free(set->r[i].name);
		free(set->r[i].literal);
		free(set->r[i].with);
		free(set->r[i].hname);
		free(set->r[i].hvalue);
	}
	free(set->r);
	rx_free(set->h.sentence_end);
	rx_free(set->h.tail_header);
	rx_free(set->sentence_end);
	free(set->file);
	free(set->site);
	free(set);
}

/* The key node of KEY in MAP (for a message about the key itself), or NULL. */
static const struct yml *
key_node(const struct yml *map, const char *key)
{
	size_t i;

	for (i = 0; i < yml_npairs(map); i++)
		if (strcmp(yml_key(map, i)->str, key) == 0)
			return yml_key(map, i);
	return NULL;
}

/* A rule's label: "site/strip.KIND[i] ID"; its id is 'id', or the old 'name'. */
static char *
rule_label(struct compiling *c, const char *what, size_t i, const struct yml *item)
{
	const struct yml *id = NULL, *old = NULL;
	struct buf b = {0};

	if (item && item->type == YML_MAP) {
		id = yml_get(item, "id");
		old = yml_get(item, "name");
	}
	if (id && old)
		yml_error(c->s->doc, key_node(item, "name"), "a strip rule has an 'id'; 'name' is its old spelling: give 'id' only");
	else if (old && !c->told_name++)
		yml_warn(c->s->doc, key_node(item, "name"), "'name' is deprecated in a strip rule; write 'id'");
	if (id == NULL)
		id = old;
	buf_printf(&b, "%s/strip.%s[%zu]", c->s->name, what, i);
	if (id && id->type == YML_SCALAR)
		buf_printf(&b, " %s", id->str);
	else if (id)
		yml_error(c->s->doc, id, "a strip rule's id must be a string");
	return b.s;
}

/* KEY of MAP, or NULL and an error; not when a misspelling of KEY (one of KEYS) was reported already. */
static const struct yml *
need(const struct site *s, const struct yml *map, const char *const keys[], const char *key, const char *what)
{
	const struct yml *n = yml_get(map, key);

	if (n == NULL && yml_meant(map, keys, key) == NULL)
		yml_error(s->doc, map, "%s needs '%s'", what, key);
	return n;
}

static void
compile_rule(struct compiling *c, enum rkind kind, size_t i, const struct yml *item)
{
	static const char *const keys[R_NKINDS][7] = {
		[R_JUNK] = { "id", "name", "pattern", NULL },
		[R_REPLACE] = { "id", "name", "pattern", "literal", "with", NULL },
		[R_CUT] = { "id", "name", "from", "to", "header", "after_story", NULL },
		[R_DROP] = { "id", "name", "pattern", NULL },
		[R_REMOVE] = { "id", "name", "pattern", NULL },
	};
	const struct site *s = c->s;
	struct srule r = { .kind = kind };
	const struct yml *n;
	struct buf what = {0};

	r.name = rule_label(c, kind_key[kind], i, item);
	r.line = item->line;
	buf_printf(&what, "rule %s", r.name);
	if (item->type == YML_SCALAR && (kind == R_DROP || kind == R_REMOVE || kind == R_JUNK)) {
		n = item;	/* shorthand: a bare pattern */
	} else if (yml_want(s->doc, item, YML_MAP, what.s) < 0) {
		goto fail;
	} else {
		yml_keys(s->doc, item, keys[kind], what.s);
		n = NULL;
	}
	switch (kind) {
	case R_JUNK:
		if (n == NULL && (n = need(s, item, keys[kind], "pattern", what.s)) == NULL)
			goto fail;
		/*
		 * Junk at the end of the page: the pattern must reach the end.  It
		 * is compiled alone first, so that an error points at the rule
		 * file, and a stray ")" cannot escape the group it is wrapped in.
		 */
		if (n->type == YML_SCALAR && (r.re = rx_compile(s->doc, n, r.name, 0)) != NULL) {
			struct buf b = {0};

			rx_free(r.re);
			buf_printf(&b, "(?:%s)\\s*\\z", n->str);
			r.re = rx_compile_at(b.s, b.len, s->doc->file, n->line, n->col, r.name, 0);
			buf_free(&b);
		} else if (n->type != YML_SCALAR) {
			yml_error(s->doc, n, "%s: 'pattern' must be a string", what.s);
		}
		break;
	case R_DROP:
	case R_REMOVE:
		if (n == NULL && (n = need(s, item, keys[kind], "pattern", what.s)) == NULL)
			goto fail;
		r.re = rx_compile(s->doc, n, r.name, 0);
		break;
	case R_REPLACE: {
		const struct yml *pat = yml_get(item, "pattern"), *lit = yml_get(item, "literal");
		const struct yml *with = need(s, item, keys[kind], "with", what.s);

		if ((pat == NULL) == (lit == NULL)) {
			if (pat != NULL || (yml_meant(item, keys[kind], "pattern") == NULL &&
			    yml_meant(item, keys[kind], "literal") == NULL))
				yml_error(s->doc, item, "%s needs exactly one of 'pattern' and 'literal'", what.s);
			goto fail;
		}
		if (with == NULL || yml_want(s->doc, with, YML_SCALAR, "'with'") < 0)
			goto fail;
		r.with = estrdup(with->str);
		if (pat)
			r.re = rx_compile(s->doc, pat, r.name, 0);
		else if (yml_want(s->doc, lit, YML_SCALAR, "'literal'") == 0) {
			if (lit->len == 0)
				yml_error(s->doc, lit, "%s: 'literal' must not be empty", what.s);
			r.literal = estrdup(lit->str);
		}
		break;
	}
	case R_CUT:
		if ((n = need(s, item, keys[kind], "from", what.s)) == NULL)
			goto fail;
		r.re = rx_compile(s->doc, n, r.name, 0);
		if ((n = yml_get(item, "to")) != NULL)
			r.to = rx_compile(s->doc, n, r.name, 0);
		if ((n = yml_get(item, "after_story")) != NULL)
			yml_bool(s->doc, n, &r.after_story);
		/*
		 * What the cut says of the page, for the filters after it
		 * ("platform: blogger": Blogger's comment footer ends it).
		 */
		if ((n = yml_get(item, "header")) != NULL && yml_want(s->doc, n, YML_SCALAR, "'header'") == 0) {
			const char *c = strstr(n->str, ": ");
			size_t k;

			for (k = 0; c != NULL && n->str + k < c; k++)
				if (!((n->str[k] >= 'a' && n->str[k] <= 'z') || n->str[k] == '_'))
					break;
			if (c == NULL || c == n->str || n->str + k < c || c[2] == '\0')
				yml_error(s->doc, n, "%s: 'header' is 'name: value', the name in lower-case letters and '_'",
				    what.s);
			else {
				r.hname = estrndup(n->str, (size_t)(c - n->str));
				r.hvalue = estrdup(c + 2);
			}
		}
		break;
	default:
		break;
	}
	buf_free(&what);
	c->set->r = erealloc(c->set->r, (c->set->nr + 1) * sizeof(*c->set->r));
	c->set->r[c->set->nr++] = r;
	return;
fail:
	buf_free(&what);
	free(r.name);
	free(r.with);
	free(r.literal);
	rx_free(r.re);
}

static void
compile_heuristics(const struct site *s, struct heur *hp, const struct yml *h)
{
	static const char *const hkeys[] = { "bullets", "numbered_list", "tail_cluster", NULL };
	static const char *const bkeys[] = { "max_chars", "min_lines", NULL };
	static const char *const nkeys[] = { "min_numbers", NULL };
	static const char *const tkeys[] = { "max_chars", "min_lines", "sentence_end", "header", NULL };
	const struct yml *n, *v;

	if (yml_want(s->doc, h, YML_MAP, "'heuristics'") < 0)
		return;
	yml_keys(s->doc, h, hkeys, "'heuristics'");
	if ((n = yml_get(h, "bullets")) != NULL && yml_want(s->doc, n, YML_MAP, "'bullets'") == 0) {
		yml_keys(s->doc, n, bkeys, "'bullets'");
		hp->bullets = 1;
		hp->bullet_max = 40;
		hp->bullet_min = 2;
		if ((v = yml_get(n, "max_chars")) != NULL)
			yml_uint(s->doc, v, 1, 10000, &hp->bullet_max);
		if ((v = yml_get(n, "min_lines")) != NULL)
			yml_uint(s->doc, v, 1, 10000, &hp->bullet_min);
	}
	if ((n = yml_get(h, "numbered_list")) != NULL && yml_want(s->doc, n, YML_MAP, "'numbered_list'") == 0) {
		yml_keys(s->doc, n, nkeys, "'numbered_list'");
		hp->numbered = 1;
		hp->numbered_min = 3;
		if ((v = yml_get(n, "min_numbers")) != NULL)
			yml_uint(s->doc, v, 2, 10000, &hp->numbered_min);
	}
	if ((n = yml_get(h, "tail_cluster")) != NULL && yml_want(s->doc, n, YML_MAP, "'tail_cluster'") == 0) {
		yml_keys(s->doc, n, tkeys, "'tail_cluster'");
		hp->tail = 1;
		hp->tail_max = 110;
		hp->tail_min = 3;
		if ((v = yml_get(n, "max_chars")) != NULL)
			yml_uint(s->doc, v, 1, 100000, &hp->tail_max);
		if ((v = yml_get(n, "min_lines")) != NULL)
			yml_uint(s->doc, v, 1, 100000, &hp->tail_min);
		if ((v = yml_get(n, "sentence_end")) != NULL) {
			struct buf name = {0};

			buf_printf(&name, "%s/heuristics.tail_cluster.sentence_end", s->name);
			hp->sentence_end = rx_compile(s->doc, v, name.s, 0);
			buf_free(&name);
		} else {
			hp->sentence_end = rx_builtin("[।.!?\"”’]$", 0);
		}
		if ((v = yml_get(n, "header")) != NULL) {
			struct buf name = {0};

			buf_printf(&name, "%s/heuristics.tail_cluster.header", s->name);
			hp->tail_header = rx_compile(s->doc, v, name.s, 0);
			buf_free(&name);
		}
	}
}

/*
 * The list of KIND's rules in STRIP.  The junk at the end was 'tail'
 * (which reads like the tail_cluster heuristic): that still loads, with a
 * warning.
 */
static const struct yml *
rule_list(const struct site *s, const struct yml *strip, enum rkind kind)
{
	const struct yml *n = yml_get(strip, kind_key[kind]), *old;

	if (kind != R_JUNK || (old = yml_get(strip, "tail")) == NULL)
		return n;
	if (n) {
		yml_error(s->doc, key_node(strip, "tail"),
		    "'tail' is the old spelling of 'junk_at_end': give the rules in 'junk_at_end' only");
		return n;
	}
	yml_warn(s->doc, key_node(strip, "tail"), "'tail' is deprecated; write 'junk_at_end'");
	return old;
}

struct stripset *
strip_compile(const struct site *s)
{
	static const char *const strip_keys[] = {
		"junk_at_end", "tail", "replace", "cut", "drop", "remove", "dedupe", NULL
	};
	struct compiling c = { .s = s };
	const struct yml *strip, *n;
	unsigned before = yml_nerrors;
	int k, need;
	size_t i;

	c.set = ecalloc(1, sizeof(*c.set));
	c.set->file = estrdup(s->file);
	c.set->site = estrdup(s->name);
	if ((strip = rules_section(s, "strip")) != NULL && yml_want(s->doc, strip, YML_MAP, "'strip'") == 0) {
		yml_keys(s->doc, strip, strip_keys, "'strip'");
		for (k = 0; k < R_NKINDS; k++) {
			if ((n = rule_list(s, strip, (enum rkind)k)) == NULL)
				continue;
			if (n->type != YML_SEQ) {
				yml_error(s->doc, n, "'strip.%s' must be a list of rules", kind_key[k]);
				continue;
			}
			for (i = 0; i < n->nkid; i++)
				compile_rule(&c, (enum rkind)k, i, n->kid[i]);
		}
		if ((n = yml_get(strip, "dedupe")) != NULL) {
			yml_bool(s->doc, n, &c.set->dedupe);
			c.set->dedupe_line = n->line;
		}
	}
	if ((n = rules_section(s, "heuristics")) != NULL) {
		compile_heuristics(s, &c.set->h, n);
		c.set->heur_line = n->line;
	}
	/* A sentence is asked for by an after_story cut and by dedupe (copy_above). */
	for (i = 0, need = c.set->dedupe; i < c.set->nr; i++)
		need |= c.set->r[i].after_story;
	if (need && c.set->h.sentence_end == NULL)
		c.set->sentence_end = rx_builtin("[।.!?\"”’]$", 0);
	if (yml_nerrors != before) {
		strip_free(c.set);
		return NULL;
	}
	return c.set;
}

void
strip_list(const struct stripset *set, FILE *fp)
{
	size_t i;

	for (i = 0; i < set->nr; i++)
		fprintf(fp, "%s:%u: %s\n", set->file, set->r[i].line, set->r[i].name);
	if (set->dedupe)
		fprintf(fp, "%s:%u: %s/strip.dedupe\n", set->file, set->dedupe_line, set->site);
	if (set->h.bullets)
		fprintf(fp, "%s:%u: %s/heuristics.bullets\n", set->file, set->heur_line, set->site);
	if (set->h.numbered)
		fprintf(fp, "%s:%u: %s/heuristics.numbered_list\n", set->file, set->heur_line, set->site);
	if (set->h.tail)
		fprintf(fp, "%s:%u: %s/heuristics.tail_cluster\n", set->file, set->heur_line, set->site);
}

/* ---- applying ---- */

/* What a page is being stripped by, and where --explain goes. */
struct run {
	const struct stripset *set;
	struct page *pg;
	FILE *ex;
	struct buf out;		/* a line being rewritten */
};

static void
explain(const struct run *x, size_t i, const struct srule *r, const char *what, const char *label)
{
	const struct page *pg = x->pg;
	int cut, q;

	if (x->ex == NULL)
		return;
	q = text_quote(page_line(pg, i), pg->l[i].len, 120, &cut);
	if (r) {
		text_explain(x->ex, pg->source, pg->l[i].no, x->set->file, r->line, r->name, "%s \"%.*s%s\"\n",
		    what, q, page_line(pg, i), cut ? "..." : "");
	} else {
		struct buf b = {0};

		buf_printf(&b, "%s/%s", x->set->site, label);
		text_explain(x->ex, pg->source, pg->l[i].no, x->set->file, 0, b.s, "%s \"%.*s%s\"\n",
		    what, q, page_line(pg, i), cut ? "..." : "");
		buf_free(&b);
	}
}

static void
drop(const struct run *x, size_t i, const struct srule *r, const char *label)
{
	if (x->pg->l[i].gone)
		return;
	explain(x, i, r, "removed", label);
	x->pg->l[i].gone = 1;
}

/* Line i becomes x->out, told as a change. */
static void
rewrite(struct run *x, size_t i, const struct srule *r)
{
	explain(x, i, r, "changed", NULL);
	page_set_line(x->pg, i, x->out.s, x->out.len);
	explain(x, i, r, "into", NULL);
}

static ssize_t
last_line(const struct page *pg)
{
	ssize_t i;

	for (i = (ssize_t)pg->nl - 1; i >= 0; i--)
		if (!pg->l[i].gone && pg->l[i].len > 0)
			return i;
	return -1;
}

/* One junk rule on the last line; 1 if it took something away. */
static int
apply_junk(struct run *x, const struct srule *r)
{
	struct page *pg = x->pg;
	ssize_t i;
	size_t so, eo;

	if ((i = last_line(pg)) < 0 || !page_match(pg, r->re, page_line(pg, (size_t)i), pg->l[i].len))
		return 0;
	rx_group(r->re, 0, &so, &eo);
	if (so == 0) {
		drop(x, (size_t)i, r, NULL);
	} else {
		explain(x, (size_t)i, r, "cut the end of", NULL);
		pg->l[i].len = so;
		while (pg->l[i].len > 0 && page_line(pg, (size_t)i)[pg->l[i].len - 1] == ' ')
			pg->l[i].len--;
	}
	return 1;
}

/* Replace every match (or literal) in line s[0..n) into x->out; 1 if any, -1 on a limit. */
static int
replace_line(struct run *x, const struct srule *r, const char *s, size_t n)
{
	size_t k = 0, so, eo;
	int changed = 0;

	buf_reset(&x->out);
	if (r->literal) {
		size_t ll = strlen(r->literal);
		const char *hit;

		while (k < n && (hit = memmem(s + k, n - k, r->literal, ll)) != NULL) {
			buf_add(&x->out, s + k, (size_t)(hit - (s + k)));
			buf_adds(&x->out, r->with);
			k = (size_t)(hit - s) + ll;
			changed = 1;
		}
	} else {
		while (k <= n) {
			int rc = page_exec(x->pg, r->re, s, n, k);

			if (rc == RX_LIMIT)
				return -1;
			if (rc != RX_MATCH)
				break;
			rx_group(r->re, 0, &so, &eo);
			buf_add(&x->out, s + k, so - k);
			buf_adds(&x->out, r->with);
			changed = 1;
			if (eo == so) {	/* an empty match: step over one character */
				if (so >= n)
					break;
				do
					buf_addc(&x->out, s[so++]);
				while (so < n && ((unsigned char)s[so] & 0xC0) == 0x80);
				eo = so;
			}
			k = eo;
		}
	}
	if (changed && k < n)
		buf_add(&x->out, s + k, n - k);
	return changed;
}

/*
 * A replace rule that hits a PCRE2 limit leaves its line as it was and is
 * not run again on this page (page_exec keeps it dead): a runaway pattern
 * costs its limit once per page, not once per line.
 */
static void
apply_replace(struct run *x, const struct srule *r)
{
	struct page *pg = x->pg;
	size_t i;

	for (i = 0; i < pg->nl; i++) {
		int rc;

		if (pg->l[i].gone || pg->l[i].len == 0)
			continue;
		if ((rc = replace_line(x, r, page_line(pg, i), pg->l[i].len)) < 0)
			return;
		if (rc > 0)
			rewrite(x, i, r);
	}
}

/*
 * Is line K a sentence: there, four words or more, and closed as END
 * says a sentence is?  (Four words at least: a loading notice by the page
 * clock, "ঢাকা, লোড হচ্ছে...", ends in dots and is none.)
 */
static int
sentence_line(struct page *pg, struct rx *end, size_t k)
{
	return !pg->l[k].gone && pg->l[k].len > 0 &&
	    text_words_upto(page_line(pg, k), pg->l[k].len, 4) >= 4 &&
	    page_match(pg, end, page_line(pg, k), pg->l[k].len);
}

/* What closes a sentence: the heuristics' sentence end when they name one. */
static struct rx *
sentence_end(const struct run *x)
{
	return x->set->h.sentence_end ? x->set->h.sentence_end : x->set->sentence_end;
}

/* Letters of S[0..N) in the Bengali block less its ASCII letters. */
static long
bengali_lead(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	long d = 0;

	for (; p < end; p++)
		if (((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			d--;
		else if (*p == 0xE0 && end - p >= 3 && (p[1] == 0xA6 || p[1] == 0xA7))
			d++, p += 2;
	return d;
}

/*
 * Is line K a line of the story: four words or more closed as a sentence
 * is, in the page's own script (PAGE > 0: Bengali; on a Bengali page, a
 * platform's English notice is none)?  The heuristics' sentence end when
 * they name one.
 */
static int
story_line(const struct run *x, size_t k, long page)
{
	return sentence_line(x->pg, sentence_end(x), k) &&
	    (page > 0) == (bengali_lead(page_line(x->pg, k), x->pg->l[k].len) > 0);
}

/*
 * Does the story stand under line I and not above it: no line of the
 * story above, one among the next STORY_NEAR lines with anything on them
 * below?  A page with no story at all keeps its cut: what follows its
 * prompt is a list of other stories' headlines.
 */
#define STORY_NEAR 4
static int
story_under(const struct run *x, size_t i)
{
	struct page *pg = x->pg;
	long page = 0;
	size_t k, seen;

	for (k = 0; k < pg->nl; k++)
		if (!pg->l[k].gone)
			page += bengali_lead(page_line(pg, k), pg->l[k].len);
	for (k = 0; k < i; k++)
		if (story_line(x, k, page))
			return 0;
	for (k = i + 1, seen = 0; k < pg->nl && seen < STORY_NEAR; k++) {
		if (pg->l[k].gone || pg->l[k].len == 0)
			continue;
		if (story_line(x, k, page))
			return 1;
		seen++;
	}
	return 0;
}

static void
apply_cut(struct run *x, const struct srule *r)
{
	struct page *pg = x->pg;
	size_t i, j;

	for (i = 0; i < pg->nl; i++) {
		if (pg->l[i].gone || !page_match(pg, r->re, page_line(pg, i), pg->l[i].len))
			continue;
		/*
		 * A marker that ends the article ("মন্তব্য করুন") printed above
		 * it, where a theme puts the comment box over the story, ends
		 * nothing: the marker goes, the story under it stays
		 * (theworldnews, eval s37).
		 */
		if (r->after_story && story_under(x, i)) {
			drop(x, i, r, NULL);
			continue;
		}
		if (r->hname && pg->rec)
			record_set(pg->rec, r->hname, r->hvalue);
		for (j = i; j < pg->nl; j++) {
			int end = r->to && j > i && page_match(pg, r->to, page_line(pg, j), pg->l[j].len);

			drop(x, j, r, NULL);
			if (end)
				break;
		}
		if (r->to == NULL)
			return;
		i = j;
	}
}

static void
apply_drop(struct run *x, const struct srule *r)
{
	struct page *pg = x->pg;
	size_t i;

	for (i = 0; i < pg->nl; i++)
		if (!pg->l[i].gone && page_match(pg, r->re, page_line(pg, i), pg->l[i].len))
			drop(x, i, r, NULL);
}

static void
apply_remove(struct run *x, const struct srule *r)
{
	struct page *pg = x->pg;
	size_t i, so, eo;

	for (i = 0; i < pg->nl; i++) {
		const char *s = page_line(pg, i);
		size_t n = pg->l[i].len;

		if (pg->l[i].gone || n == 0 || !page_match(pg, r->re, s, n))
			continue;
		rx_group(r->re, 0, &so, &eo);
		if (eo == so)
			continue;
		buf_reset(&x->out);
		buf_add(&x->out, s, so);
		buf_add(&x->out, s + eo, n - eo);
		while (x->out.len > 0 && x->out.s[x->out.len - 1] == ' ')
			x->out.len--;
		if (x->out.len == 0)
			drop(x, i, r, NULL);
		else
			rewrite(x, i, r);
	}
}

/*
 * S[0, N) cut short by an ellipsis ("...", "…"): the length of the text
 * before it, its spaces off, when six words at least stand there; else 0.
 */
static size_t
teaser_text(const char *s, size_t n)
{
	size_t k = n, dots = 0;

	while (k > 0 && s[k - 1] == ' ')
		k--;
	if (k >= 3 && memcmp(s + k - 3, "…", 3) == 0)
		k -= 3, dots = 3;
	else
		for (; k > 0 && s[k - 1] == '.'; k--)
			dots++;
	if (dots < 3)
		return 0;
	while (k > 0 && s[k - 1] == ' ')
		k--;
	return text_words_upto(s, k, 6) >= 6 ? k : 0;
}

/*
 * Is line I a copy of the paragraph under it, printed above it: the
 * paragraph cut short by an ellipsis (teaser_text), or the whole of it,
 * a sentence of twelve words or more (no headline)?  Blank lines may
 * stand between them, and two short lines of six words at most (a date,
 * a credit: "<summary>" / "<date>" / "<summary> <the rest>").
 */
static int
copy_above(const struct run *x, size_t i)
{
	const struct page *pg = x->pg;
	const char *s = page_line(pg, i);
	size_t n = pg->l[i].len, k, j, shorts = 0;
	int whole;

	if ((whole = (k = teaser_text(s, n)) == 0)) {
		if (text_words_upto(s, n, 12) < 12)
			return 0;
		k = n;
	}
	for (j = i + 1; j < pg->nl; j++) {
		if (pg->l[j].gone || pg->l[j].len == 0)
			continue;
		if (text_words_upto(page_line(pg, j), pg->l[j].len, 7) > 6)
			break;
		if (++shorts > 2)
			return 0;
	}
	/*
	 * A whole copy with nothing but blank lines between is the first
	 * loop's: gone when the two touch, both kept when a blank line
	 * parts them (a caption printed again under its photo).
	 */
	if (j >= pg->nl || (whole && shorts == 0) || (whole ? pg->l[j].len != k : pg->l[j].len <= k) ||
	    memcmp(s, page_line(pg, j), k) != 0)
		return 0;
	/* A headline printed twice around the byline and dates is the reader's to place. */
	return !whole || sentence_line(x->pg, sentence_end(x), i);
}

static void
apply_dedupe(struct run *x)
{
	struct page *pg = x->pg;
	size_t i;
	ssize_t prev = -1;

	for (i = 0; i < pg->nl; i++) {
		if (pg->l[i].gone)
			continue;
		if (pg->l[i].len > 0 && prev >= 0 && pg->l[prev].len == pg->l[i].len &&
		    memcmp(page_line(pg, (size_t)prev), page_line(pg, i), pg->l[i].len) == 0)
			drop(x, i, NULL, "strip.dedupe");
		else
			prev = (ssize_t)i;
	}
	/*
	 * A summary: the paragraph, cut short by an ellipsis or whole,
	 * printed above the paragraph itself, a date or a credit perhaps
	 * between them (a blog theme's summary, provatisomoy, eval t5;
	 * "<summary>" / "<date>" / "<summary>", ajkershomoy, eval t7).  The
	 * copy above goes: what stands between belongs to the header.
	 */
	for (i = 0; i < pg->nl; i++)
		if (!pg->l[i].gone && pg->l[i].len > 0 && copy_above(x, i))
			drop(x, i, NULL, "strip.dedupe (a summary)");
}

/* A line that is only a number, in Bengali or ASCII digits: its value, else -1. */
static long
lone_number(const char *s, size_t n)
{
	long v = 0;
	size_t i = 0, digits = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= '0' && c <= '9') {
			v = v * 10 + (c - '0');
			i++;
		} else if (i + 2 < n + 0 && c == 0xE0 && (unsigned char)s[i + 1] == 0xA7 &&
		    (unsigned char)s[i + 2] >= 0xA6 && (unsigned char)s[i + 2] <= 0xAF) {
			v = v * 10 + ((unsigned char)s[i + 2] - 0xA6);	/* U+09E6..U+09EF */
			i += 3;
		} else {
			return -1;
		}
		if (++digits > 4)
			return -1;
	}
	return digits ? v : -1;
}

static int
is_bullet(const char *s, size_t n, size_t *textlen)
{
	size_t i = 0;

	while (i < n && s[i] == ' ')
		i++;
	if (n - i >= 3 && memcmp(s + i, "•", 3) == 0)
		i += 3;
	else if (n - i >= 2 && (s[i] == '*' || s[i] == '-') && s[i + 1] == ' ')
		i += 1;
	else
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	*textlen = text_chars(s + i, n - i);
	return 1;
}

/*
 * A bulleted line that holds a digit or a label's colon ("• Update Time :
 * ...", "- তারিখঃ ১২-৩-২০২৩", "- Reported by:NAME") is a page's header
 * data, not a menu entry: it stays, and is not counted in the run.
 */
static int
bullet_data(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= '0' && c <= '9') || c == ':')
			return 1;
		/* Bengali digits U+09E6..U+09EF (E0 A7 A6..AF) and the visarga U+0983 (E0 A6 83) */
		if (c == 0xE0 && i + 2 < n && (((unsigned char)s[i + 1] == 0xA7 && (unsigned char)s[i + 2] >= 0xA6 &&
		    (unsigned char)s[i + 2] <= 0xAF) || ((unsigned char)s[i + 1] == 0xA6 && (unsigned char)s[i + 2] == 0x83)))
			return 1;
	}
	return 0;
}

/* A run of short bullet lines (blank lines between allowed) is a menu or a tab bar. */
static void
heur_bullets(struct run *x, const struct heur *h)
{
	struct page *pg = x->pg;
	size_t i, j;

	for (i = 0; i < pg->nl; i = j) {
		size_t count = 0, tl;

		for (j = i; j < pg->nl; j++) {
			if (pg->l[j].gone || pg->l[j].len == 0)
				continue;
			if (!is_bullet(page_line(pg, j), pg->l[j].len, &tl) || tl > h->bullet_max)
				break;
			if (!bullet_data(page_line(pg, j), pg->l[j].len))
				count++;
		}
		if (count >= h->bullet_min) {
			for (; i < j; i++)
				if (pg->l[i].len > 0 && !bullet_data(page_line(pg, i), pg->l[i].len))
					drop(x, i, NULL, "heuristics.bullets");
		}
		if (j == i)
			j++;
	}
}

/* Numbers counting up by one are a ranked list: drop them and what lies between. */
static void
heur_numbered(struct run *x, const struct heur *h)
{
	struct page *pg = x->pg;
	size_t i, j, first = 0, lastnum = 0, count = 0;
	long expect = -1;

	for (i = 0; i <= pg->nl; i++) {
		long v = i < pg->nl && !pg->l[i].gone ? lone_number(page_line(pg, i), pg->l[i].len) : -1;

		if (v >= 0 && (expect < 0 || v == expect)) {
			if (expect < 0)
				first = i;
			lastnum = i;
			expect = v + 1;
			count++;
			continue;
		}
		if (i < pg->nl && v < 0 && expect >= 0 && (i - lastnum) <= 6)
			continue;	/* an item between two numbers */
		if (count >= h->numbered_min) {
			/* The item after the last number goes too: up to the next blank line. */
			size_t end = lastnum + 1;

			while (end < pg->nl && pg->l[end].len == 0)
				end++;
			while (end < pg->nl && pg->l[end].len > 0 && lone_number(page_line(pg, end), pg->l[end].len) < 0)
				end++;
			for (j = first; j < end; j++)
				if (pg->l[j].len > 0)
					drop(x, j, NULL, "heuristics.numbered_list");
			i = end > 0 ? end - 1 : 0;
		}
		count = 0;
		expect = -1;
		if (i < pg->nl && v >= 0) {
			first = lastnum = i;
			expect = v + 1;
			count = 1;
		}
	}
}

/* The most lines a cluster kept as a header may have: a credit, two dates, an edition, a section. */
#define TAIL_HEADER_MAX 5

/*
 * Is line STOP the page's only paragraph: no other line of four words or
 * more ends a sentence?
 */
static int
only_paragraph(struct page *pg, const struct heur *h, ssize_t stop)
{
	size_t k;

	for (k = 0; k < pg->nl; k++)
		if ((ssize_t)k != stop && sentence_line(pg, h->sentence_end, k))
			return 0;
	return 1;
}

/* Walk back from the end over short lines that do not end a sentence. */
static void
heur_tail(struct run *x, const struct heur *h)
{
	struct page *pg = x->pg;
	size_t count = 0;
	ssize_t k, stop = -1;

	for (k = (ssize_t)pg->nl - 1; k >= 0; k--) {
		const char *s = page_line(pg, (size_t)k);
		size_t n = pg->l[k].len;

		if (pg->l[k].gone || n == 0)
			continue;
		if (text_chars(s, n) > h->tail_max || page_match(pg, h->sentence_end, s, n)) {
			stop = k;
			break;
		}
		count++;
	}
	/*
	 * Never take the whole page: a page of short lines is not all chrome.
	 * Nor a page that ends right after its header (the headline, byline
	 * and dates of a truncated page): the cluster follows the article only
	 * when a line that ends a sentence stands at or above the line that
	 * stopped the walk, not when only a long line (a ticker, a menu) does.
	 * A sentence has four words at least: a loading notice by the page
	 * clock ("ঢাকা, লোড হচ্ছে...") ends in dots and is none.
	 */
	if (stop >= 0 && !sentence_line(pg, h->sentence_end, (size_t)stop)) {
		for (k = stop - 1; k >= 0; k--)
			if (sentence_line(pg, h->sentence_end, (size_t)k))
				break;
		if (k < 0)
			stop = -1;
	}
	/*
	 * A short cluster with a labelled date in it is the header of a page
	 * cut off under its standfirst ("<summary>" / "<credit>" / "Published :
	 * <date>" / "Updated : <date>"), which the reader reads: kept.
	 */
	if (count >= h->tail_min && stop >= 0 && h->tail_header && count <= TAIL_HEADER_MAX)
		for (k = stop + 1; k < (ssize_t)pg->nl; k++)
			if (!pg->l[k].gone && pg->l[k].len > 0 &&
			    page_match(pg, h->tail_header, page_line(pg, (size_t)k), pg->l[k].len))
				return;
	/*
	 * A longer one that opens with such a header, a labelled date among
	 * its first TAIL_HEADER_MAX lines, right under the story's only
	 * paragraph, is a header printed under the story's opening ("<paragraph>"
	 * / "শিরোনাম :" / "<headline>" / "- <desk> :" / "- আপডেট টাইম : <date>" /
	 * "Tag :" / ...): the header is kept, the lines under it go.
	 */
	if (count >= h->tail_min && stop >= 0 && h->tail_header) {
		ssize_t last = stop;
		size_t seen = 0;

		for (k = stop + 1; k < (ssize_t)pg->nl && seen < TAIL_HEADER_MAX; k++) {
			if (pg->l[k].gone || pg->l[k].len == 0)
				continue;
			seen++;
			if (page_match(pg, h->tail_header, page_line(pg, (size_t)k), pg->l[k].len))
				last = k;
		}
		/* The page's other lines are asked last: most clusters hold no header. */
		if (last > stop && only_paragraph(pg, h, stop))
			stop = last;
	}
	if (count >= h->tail_min && stop >= 0)
		for (k = stop + 1; k < (ssize_t)pg->nl; k++)
			if (pg->l[k].len > 0)
				drop(x, (size_t)k, NULL, "heuristics.tail_cluster");
}

void
strip_use_chrome(struct stripset *set, struct chrome *t)
{
	set->chrome = t;
}

void
strip_apply(const struct stripset *set, struct page *pg, FILE *explain)
{
	struct run x = { .set = set, .pg = pg, .ex = explain };
	size_t i;
	int k, again;

	/*
	 * Junk may be stacked in any order (a PHP notice, then an X): all the
	 * junk rules are tried again and again until none takes anything.
	 */
	do {
		again = 0;
		for (i = 0; i < set->nr; i++)
			if (set->r[i].kind == R_JUNK && apply_junk(&x, &set->r[i]))
				again = 1;
	} while (again);
	for (k = R_JUNK + 1; k < R_NKINDS; k++) {
		for (i = 0; i < set->nr; i++) {
			const struct srule *r = &set->r[i];

			if ((int)r->kind != k)
				continue;
			switch (r->kind) {
			case R_REPLACE: apply_replace(&x, r); break;
			case R_CUT: apply_cut(&x, r); break;
			case R_DROP: apply_drop(&x, r); break;
			case R_REMOVE: apply_remove(&x, r); break;
			default: break;
			}
		}
	}
	if (set->dedupe)
		apply_dedupe(&x);
	if (set->h.bullets)
		heur_bullets(&x, &set->h);
	if (set->h.numbered)
		heur_numbered(&x, &set->h);
	if (set->h.tail)
		heur_tail(&x, &set->h);
	/* Last: what the rules leave is what count-chrome counted (strip-boilerplate's output). */
	if (set->chrome && pg->rec)
		chrome_apply(set->chrome, chrome_site(pg->rec, &x.out), pg, explain);
	buf_free(&x.out);
}
