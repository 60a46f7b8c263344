/*
 * strip-boilerplate: raw page text in, the article out, as a record stream.
 *
 * Each page is cleaned (UTF-8, line ends, NFC), its site is detected by the
 * sites' match patterns, and the site's strip rules take the chrome away:
 * junk glued to the end, replacements, cuts between markers, dropped lines,
 * removed fragments, repeated lines, and the generic heuristics.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "record.h"
#include "rules.h"
#include "rx.h"
#include "text.h"
#include "util.h"

static const char usage_text[] =
    "usage: strip-boilerplate [-r DIR] [-s SITE] [--split | --records] [--explain] [--progress] [FILE...]\n"
    "       strip-boilerplate [-r DIR] --check-rules | --list-rules\n";

static const char help_text[] =
    "Read news pages (one FILE is one page) and write one record per page: headers\n"
    "source and site, and the article text, without the site's chrome, as body.\n"
    "\n"
    "  -r, --rules=DIR   rules directory (default: $KHOBOR_RULES, or the installed rules)\n"
    "  -s, --site=SITE   use the rules of SITE instead of detecting the site\n"
    "      --split       a FILE is many pages glued together: cut it at each site's\n"
    "                    start pattern, one record per page\n"
    "      --records     read a record stream (body = page text) instead of pages\n"
    "  -e, --explain     print every line removed or changed, with its rule, on stderr\n"
    "      --progress    show pages done, MB/s and time left on a terminal's stderr\n"
    "      --check-rules load and compile every rule this filter uses, then exit\n"
    "      --list-rules  the same, and list every rule as FILE:LINE: NAME\n"
    "  -h, --help        show this help\n"
    "  -V, --version     show the version\n"
    "\n"
    "With no FILE, or with -, read standard input.\n"
    "Exit status: 0 all well; 1 a FILE could not be read or a page carries an error;\n"
    "2 usage or rules error; 3 output could not be written.\n";

/* Kinds of strip rule, in the order they are applied to a page. */
enum rkind { R_TAIL, R_REPLACE, R_CUT, R_DROP, R_REMOVE, R_NKINDS };
static const char *const kind_key[R_NKINDS] = { "tail", "replace", "cut", "drop", "remove" };

struct srule {
	enum rkind kind;
	char *name;		/* "strip.drop[2] cross-link", for --explain */
	unsigned line;		/* where it is in the rule file */
	struct rx *re;		/* pattern, or the cut's from marker */
	struct rx *to;		/* the cut's end marker, or NULL: to the end */
	char *literal, *with;	/* replace: literal text, replacement */
};

struct heur {
	int bullets, numbered, tail;
	unsigned long bullet_max, bullet_min, numbered_min, tail_max, tail_min;
	struct rx *sentence_end;
};

/* What this filter compiled from one site file. */
/* A match pattern, compiled only when its literal is on a page being detected. */
struct mpat {
	const struct yml *node;
	char *lit;		/* a literal every match contains, or NULL */
	size_t litlen, rare;
	struct rx *re;
};

struct siterules {
	int state;		/* 0: not yet, 1: match compiled, 2: all compiled, -1: broken */
	int peeked;		/* match patterns read: 1, or -1 if the file is broken */
	struct ymldoc *head;	/* the head of the file, read for detection only */
	const struct ymldoc *mdoc;	/* the document the match nodes are in */
	struct mpat *mp;
	size_t nmp;
	struct rx *start;
	struct srule *r;
	size_t nr;
	int dedupe;
	unsigned dedupe_line, heur_line;
	struct heur h;
};

struct line {
	size_t off, len;	/* in the page text buffer */
	unsigned no;		/* line number in the page as read */
	int gone;
};

static struct {
	const char *rulesdir, *site;
	int split, records, explain, progress, check;
} opt;

static struct rules *rules;
static int status = EXIT_OK;

/* Progress: pages done and bytes read, against the totals of the FILE operands. */
static struct {
	int on;
	unsigned long done, total;
	double bytes, totalbytes;
	struct timespec t0, last;
} prog_state;

/* ---- compiling rules ---- */

static void
free_siterules(void *p)
{
	struct siterules *sr = p;
	size_t i;

	if (sr == NULL)
		return;
	for (i = 0; i < sr->nmp; i++) {
		rx_free(sr->mp[i].re);
		free(sr->mp[i].lit);
	}
	free(sr->mp);
	yml_free(sr->head);
	rx_free(sr->start);
	for (i = 0; i < sr->nr; i++) {
		rx_free(sr->r[i].re);
		rx_free(sr->r[i].to);
		free(sr->r[i].name);
		free(sr->r[i].literal);
		free(sr->r[i].with);
	}
	free(sr->r);
	rx_free(sr->h.sentence_end);
	free(sr);
}

static struct siterules *
siterules(struct site *s)
{
	if (s->priv == NULL)
		s->priv = ecalloc(1, sizeof(struct siterules));
	return s->priv;
}

static char *
rule_name(const struct site *s, const char *what, size_t i, const struct yml *item)
{
	const struct yml *n = item && item->type == YML_MAP ? yml_get(item, "name") : NULL;
	struct buf b = {0};

	buf_printf(&b, "%s/strip.%s[%zu]", s->name, what, i);
	if (n && n->type == YML_SCALAR)
		buf_printf(&b, " %s", n->str);
	return b.s;
}

/*
 * Read a site's match patterns for detection.  Only the head of the file
 * is parsed (up to the strip, heuristics or fields section), and no
 * pattern is compiled yet: with hundreds of site files, detecting one page
 * must not cost parsing and compiling all of them.  A file whose match
 * patterns come after those sections is read whole.
 */
static int
peek(struct site *s)
{
	static const char *const stop[] = { "start", "strip", "heuristics", "fields", "dates", NULL };
	struct siterules *sr = siterules(s);
	const struct yml *root, *n, **items = NULL;
	size_t nitems = 0, i;

	if (sr->peeked != 0)
		return sr->peeked > 0 ? 0 : -1;
	sr->peeked = -1;
	if (s->state < 0)
		return -1;
	if (s->state == 0) {
		if ((sr->head = yml_load_head(s->file, stop)) == NULL)
			return -1;
		root = sr->head->root;
		sr->mdoc = sr->head;
		if (root == NULL || root->type != YML_MAP || yml_get(root, "match") == NULL) {
			yml_free(sr->head);
			sr->head = NULL;
			if (rules_load(rules, s) < 0)
				return -1;
			root = s->root;
			sr->mdoc = s->doc;
		}
	} else {
		root = s->root;
		sr->mdoc = s->doc;
	}
	if ((n = yml_get(root, "match")) != NULL && yml_strlist(sr->mdoc, n, &items, &nitems, "'match'") < 0)
		return -1;
	sr->mp = ecalloc(nitems, sizeof(*sr->mp));
	for (i = 0; i < nitems; i++) {
		sr->mp[i].node = items[i];
		(void)rx_literal(items[i]->str, items[i]->len, 0, &sr->mp[i].lit, &sr->mp[i].litlen,
		    &sr->mp[i].rare);
	}
	sr->nmp = nitems;
	free(items);
	sr->peeked = 1;
	return 0;
}

static struct rx *
match_pattern(struct site *s, size_t i)
{
	struct siterules *sr = s->priv;

	if (sr->mp[i].re == NULL) {
		struct buf name = {0};

		buf_printf(&name, "%s/match[%zu]", s->name, i);
		sr->mp[i].re = rx_compile(sr->mdoc, sr->mp[i].node, name.s, 0);
		buf_free(&name);
	}
	return sr->mp[i].re;
}

/* Compile every match pattern and the start pattern (to check, and to split). */
static int
compile_match(struct site *s)
{
	struct siterules *sr = siterules(s);
	const struct yml *n;
	unsigned before = yml_nerrors;
	size_t i;

	if (sr->state != 0)
		return sr->state > 0 ? 0 : -1;
	sr->state = -1;
	if (rules_load(rules, s) < 0 || peek(s) < 0)
		return -1;
	for (i = 0; i < sr->nmp; i++)
		(void)match_pattern(s, i);
	if ((n = rules_section(s, "start")) != NULL) {
		struct buf name = {0};

		buf_printf(&name, "%s/start", s->name);
		sr->start = rx_compile(s->doc, n, name.s, PCRE2_MULTILINE);
		buf_free(&name);
	}
	if (yml_nerrors != before)
		return -1;
	sr->state = 1;
	return 0;
}

static const struct yml *
need(const struct site *s, const struct yml *map, const char *key, const char *what)
{
	const struct yml *n = yml_get(map, key);

	if (n == NULL)
		yml_error(s->doc, map, "%s needs '%s'", what, key);
	return n;
}

static void
compile_rule(struct site *s, struct siterules *sr, enum rkind kind, size_t i, const struct yml *item)
{
	static const char *const keys[R_NKINDS][6] = {
		[R_TAIL] = { "name", "pattern", NULL },
		[R_REPLACE] = { "name", "pattern", "literal", "with", NULL },
		[R_CUT] = { "name", "from", "to", NULL },
		[R_DROP] = { "name", "pattern", NULL },
		[R_REMOVE] = { "name", "pattern", NULL },
	};
	struct srule r = { .kind = kind };
	const struct yml *n;
	struct buf what = {0};
	char *tailpat = NULL;

	r.name = rule_name(s, kind_key[kind], i, item);
	r.line = item->line;
	buf_printf(&what, "rule %s", r.name);
	if (item->type == YML_SCALAR && (kind == R_DROP || kind == R_REMOVE || kind == R_TAIL)) {
		n = item;	/* shorthand: a bare pattern */
	} else if (yml_want(s->doc, item, YML_MAP, what.s) < 0) {
		goto fail;
	} else {
		yml_keys(s->doc, item, keys[kind], what.s);
		n = NULL;
	}
	switch (kind) {
	case R_TAIL:
		if (n == NULL && (n = need(s, item, "pattern", what.s)) == NULL)
			goto fail;
		/*
		 * Junk at the end of the page: the pattern must reach the end.  It
		 * is compiled alone first, so that an error points at the rule
		 * file, and a stray ")" cannot escape the group it is wrapped in.
		 */
		if (n->type == YML_SCALAR && (r.re = rx_compile(s->doc, n, r.name, 0)) != NULL) {
			struct yml wrapped = *n;
			struct buf b = {0};

			rx_free(r.re);
			buf_printf(&b, "(?:%s)\\s*\\z", n->str);
			wrapped.str = tailpat = b.s;
			wrapped.len = b.len;
			r.re = rx_compile(s->doc, &wrapped, r.name, 0);
		} else if (n->type != YML_SCALAR) {
			yml_error(s->doc, n, "%s: 'pattern' must be a string", what.s);
		}
		break;
	case R_DROP:
	case R_REMOVE:
		if (n == NULL && (n = need(s, item, "pattern", what.s)) == NULL)
			goto fail;
		r.re = rx_compile(s->doc, n, r.name, 0);
		break;
	case R_REPLACE: {
		const struct yml *pat = yml_get(item, "pattern"), *lit = yml_get(item, "literal");
		const struct yml *with = need(s, item, "with", what.s);

		if ((pat == NULL) == (lit == NULL)) {
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
		if ((n = need(s, item, "from", what.s)) == NULL)
			goto fail;
		r.re = rx_compile(s->doc, n, r.name, 0);
		if ((n = yml_get(item, "to")) != NULL)
			r.to = rx_compile(s->doc, n, r.name, 0);
		break;
	default:
		break;
	}
	free(tailpat);
	buf_free(&what);
	sr->r = erealloc(sr->r, (sr->nr + 1) * sizeof(*sr->r));
	sr->r[sr->nr++] = r;
	return;
fail:
	free(tailpat);
	buf_free(&what);
	free(r.name);
	free(r.with);
	free(r.literal);
	rx_free(r.re);
}

static void
compile_heuristics(struct site *s, struct siterules *sr, const struct yml *h)
{
	static const char *const hkeys[] = { "bullets", "numbered_list", "tail_cluster", NULL };
	static const char *const bkeys[] = { "max_chars", "min_lines", NULL };
	static const char *const nkeys[] = { "min_numbers", NULL };
	static const char *const tkeys[] = { "max_chars", "min_lines", "sentence_end", NULL };
	const struct yml *n, *v;

	if (yml_want(s->doc, h, YML_MAP, "'heuristics'") < 0)
		return;
	yml_keys(s->doc, h, hkeys, "'heuristics'");
	if ((n = yml_get(h, "bullets")) != NULL && yml_want(s->doc, n, YML_MAP, "'bullets'") == 0) {
		yml_keys(s->doc, n, bkeys, "'bullets'");
		sr->h.bullets = 1;
		sr->h.bullet_max = 40;
		sr->h.bullet_min = 2;
		if ((v = yml_get(n, "max_chars")) != NULL)
			yml_uint(s->doc, v, 1, 10000, &sr->h.bullet_max);
		if ((v = yml_get(n, "min_lines")) != NULL)
			yml_uint(s->doc, v, 1, 10000, &sr->h.bullet_min);
	}
	if ((n = yml_get(h, "numbered_list")) != NULL && yml_want(s->doc, n, YML_MAP, "'numbered_list'") == 0) {
		yml_keys(s->doc, n, nkeys, "'numbered_list'");
		sr->h.numbered = 1;
		sr->h.numbered_min = 3;
		if ((v = yml_get(n, "min_numbers")) != NULL)
			yml_uint(s->doc, v, 2, 10000, &sr->h.numbered_min);
	}
	if ((n = yml_get(h, "tail_cluster")) != NULL && yml_want(s->doc, n, YML_MAP, "'tail_cluster'") == 0) {
		yml_keys(s->doc, n, tkeys, "'tail_cluster'");
		sr->h.tail = 1;
		sr->h.tail_max = 110;
		sr->h.tail_min = 3;
		if ((v = yml_get(n, "max_chars")) != NULL)
			yml_uint(s->doc, v, 1, 100000, &sr->h.tail_max);
		if ((v = yml_get(n, "min_lines")) != NULL)
			yml_uint(s->doc, v, 1, 100000, &sr->h.tail_min);
		if ((v = yml_get(n, "sentence_end")) != NULL) {
			struct buf name = {0};

			buf_printf(&name, "%s/heuristics.tail_cluster.sentence_end", s->name);
			sr->h.sentence_end = rx_compile(s->doc, v, name.s, 0);
			buf_free(&name);
		} else {
			sr->h.sentence_end = rx_builtin("[।.!?\"”’]$", 0);
		}
	}
}

/* Compile everything the filter uses of site S; -1 if the file is broken. */
static int
compile_site(struct site *s)
{
	static const char *const strip_keys[] = { "tail", "replace", "cut", "drop", "remove", "dedupe", NULL };
	struct siterules *sr;
	const struct yml *strip, *n;
	unsigned before = yml_nerrors;
	int k;
	size_t i;

	if (s->state == 0 && rules_load(rules, s) < 0)
		return -1;
	if (s->state < 0)
		return -1;
	sr = siterules(s);
	if (sr->state == 2)
		return 0;
	if (sr->state < 0 && sr->r != NULL)
		return -1;	/* compiled and found broken before */
	/* Broken match patterns do not stop the strip rules being checked too. */
	if (strcmp(s->name, "default") != 0 && compile_match(s) < 0)
		before = (unsigned)-1;
	if ((strip = rules_section(s, "strip")) != NULL && yml_want(s->doc, strip, YML_MAP, "'strip'") == 0) {
		yml_keys(s->doc, strip, strip_keys, "'strip'");
		for (k = 0; k < R_NKINDS; k++) {
			if ((n = yml_get(strip, kind_key[k])) == NULL)
				continue;
			if (n->type != YML_SEQ) {
				yml_error(s->doc, n, "'strip.%s' must be a list of rules", kind_key[k]);
				continue;
			}
			for (i = 0; i < n->nkid; i++)
				compile_rule(s, sr, (enum rkind)k, i, n->kid[i]);
		}
		if ((n = yml_get(strip, "dedupe")) != NULL) {
			yml_bool(s->doc, n, &sr->dedupe);
			sr->dedupe_line = n->line;
		}
	}
	if ((n = rules_section(s, "heuristics")) != NULL) {
		compile_heuristics(s, sr, n);
		sr->heur_line = n->line;
	}
	if (sr->r == NULL)
		sr->r = ecalloc(1, sizeof(*sr->r));	/* marks the strip part as compiled */
	if (yml_nerrors != before) {
		sr->state = -1;
		return -1;
	}
	sr->state = 2;
	return 0;
}

/* ---- applying rules to a page ---- */

struct page {
	const char *source;
	struct buf text;	/* the normalized page; replaced lines are appended */
	struct line *l;
	size_t nl, capl;
	struct record *rec;
	struct site *site;
	int limited;		/* a rule hit a PCRE2 limit */
	struct rx *dead[8];	/* rules that hit it: not run again on this page */
	int ndead;
};

static void
split_lines(struct page *pg)
{
	size_t off = 0;
	unsigned no = 0;

	pg->nl = 0;
	while (off < pg->text.len) {
		const char *nl = memchr(pg->text.s + off, '\n', pg->text.len - off);
		size_t end = nl ? (size_t)(nl - pg->text.s) : pg->text.len;

		if (pg->nl == pg->capl) {
			pg->capl = pg->capl ? pg->capl * 2 : 256;
			pg->l = erealloc(pg->l, pg->capl * sizeof(*pg->l));
		}
		pg->l[pg->nl].off = off;
		pg->l[pg->nl].len = end - off;
		pg->l[pg->nl].no = ++no;
		pg->l[pg->nl].gone = 0;
		pg->nl++;
		off = end + 1;
	}
}

static const char *
ltext(const struct page *pg, size_t i)
{
	return pg->text.s + pg->l[i].off;
}

static void
explain(const struct page *pg, size_t i, const struct srule *r, const char *what, const char *label)
{
	const struct line *ln = &pg->l[i];
	int len = ln->len > 400 ? 400 : (int)ln->len;

	if (!opt.explain)
		return;
	if (len > 0 && len < (int)ln->len)
		len = (int)text_utf8_floor(ltext(pg, i), (size_t)len);
	fflush(stdout);
	if (r)
		fprintf(stderr, "%s: %s:%u: %s:%u: %s: %s \"%.*s\"\n", prog, pg->source, ln->no,
		    pg->site->file, r->line, r->name, what, len, ltext(pg, i));
	else
		fprintf(stderr, "%s: %s:%u: %s: %s/%s: %s \"%.*s\"\n", prog, pg->source, ln->no,
		    pg->site->file, pg->site->name, label, what, len, ltext(pg, i));
}

/*
 * Does RE match? A rule that runs into PCRE2's limits flags the record once
 * and is not tried again on this page: two hundred runaway lines must not
 * cost two hundred times the limit.
 */
static int
matches(struct page *pg, struct rx *re, const char *s, size_t n)
{
	int rc, i;

	for (i = 0; i < pg->ndead; i++)
		if (pg->dead[i] == re)
			return 0;
	rc = rx_exec(re, s, n, 0, 0);
	if (rc == RX_LIMIT || rc == RX_FAIL) {
		if (!pg->limited)
			record_error(pg->rec, "rule %s: %s", re->name,
			    rc == RX_LIMIT ? "match limit exceeded" : "match failed");
		pg->limited = 1;
		if (pg->ndead < (int)(sizeof(pg->dead) / sizeof(pg->dead[0])))
			pg->dead[pg->ndead++] = re;
		return 0;
	}
	return rc == RX_MATCH;
}

static void
drop(struct page *pg, size_t i, const struct srule *r, const char *label)
{
	if (pg->l[i].gone)
		return;
	explain(pg, i, r, "removed", label);
	pg->l[i].gone = 1;
}

/* Give line i new text: append it to the buffer and point the line at it. */
static void
set_line(struct page *pg, size_t i, const char *s, size_t n)
{
	size_t off = pg->text.len;

	buf_add(&pg->text, s, n);
	pg->l[i].off = off;
	pg->l[i].len = n;
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

/* One tail rule on the last line; 1 if it took something away. */
static int
apply_tail(struct page *pg, const struct srule *r)
{
	ssize_t i;
	size_t so, eo;

	if ((i = last_line(pg)) >= 0) {
		if (!matches(pg, r->re, ltext(pg, (size_t)i), pg->l[i].len))
			return 0;
		rx_group(r->re, 0, &so, &eo);
		if (so == 0) {
			drop(pg, (size_t)i, r, NULL);
		} else {
			explain(pg, (size_t)i, r, "cut the end of", NULL);
			pg->l[i].len = so;
			while (pg->l[i].len > 0 && ltext(pg, (size_t)i)[pg->l[i].len - 1] == ' ')
				pg->l[i].len--;
		}
		return 1;
	}
	return 0;
}

static void
apply_replace(struct page *pg, const struct srule *r)
{
	struct buf out = {0};
	size_t i;

	for (i = 0; i < pg->nl; i++) {
		const char *s = ltext(pg, i);
		size_t n = pg->l[i].len;
		int changed = 0;

		if (pg->l[i].gone || n == 0)
			continue;
		buf_reset(&out);
		if (r->literal) {
			size_t ll = strlen(r->literal), k = 0;

			while (k < n) {
				const char *hit = memmem(s + k, n - k, r->literal, ll);

				if (hit == NULL)
					break;
				buf_add(&out, s + k, (size_t)(hit - (s + k)));
				buf_adds(&out, r->with);
				k = (size_t)(hit - s) + ll;
				changed = 1;
			}
			if (changed)
				buf_add(&out, s + k, n - k);
		} else {
			size_t k = 0, so, eo;

			while (k <= n) {
				int rc = rx_exec(r->re, s, n, k, 0);

				if (rc == RX_LIMIT || rc == RX_FAIL) {
					matches(pg, r->re, "", 0);
					if (!pg->limited) {
						record_error(pg->rec, "rule %s: match limit exceeded", r->name);
						pg->limited = 1;
					}
					changed = 0;
					break;
				}
				if (rc != RX_MATCH)
					break;
				rx_group(r->re, 0, &so, &eo);
				buf_add(&out, s + k, so - k);
				buf_adds(&out, r->with);
				changed = 1;
				if (eo == so) {	/* an empty match: step over one character */
					if (so >= n)
						break;
					do
						buf_addc(&out, s[so++]);
					while (so < n && ((unsigned char)s[so] & 0xC0) == 0x80);
					eo = so;
				}
				k = eo;
			}
			if (changed && k < n)
				buf_add(&out, s + k, n - k);
		}
		if (changed) {
			explain(pg, i, r, "changed", NULL);
			set_line(pg, i, out.s, out.len);
			explain(pg, i, r, "into", NULL);
		}
	}
	buf_free(&out);
}

static void
apply_cut(struct page *pg, const struct srule *r)
{
	size_t i, j;

	for (i = 0; i < pg->nl; i++) {
		if (pg->l[i].gone || !matches(pg, r->re, ltext(pg, i), pg->l[i].len))
			continue;
		for (j = i; j < pg->nl; j++) {
			int end = r->to && j > i && matches(pg, r->to, ltext(pg, j), pg->l[j].len);

			drop(pg, j, r, NULL);
			if (end)
				break;
		}
		if (r->to == NULL)
			return;
		i = j;
	}
}

static void
apply_drop(struct page *pg, const struct srule *r)
{
	size_t i;

	for (i = 0; i < pg->nl; i++)
		if (!pg->l[i].gone && matches(pg, r->re, ltext(pg, i), pg->l[i].len))
			drop(pg, i, r, NULL);
}

static void
apply_remove(struct page *pg, const struct srule *r)
{
	struct buf out = {0};
	size_t i, so, eo;

	for (i = 0; i < pg->nl; i++) {
		const char *s = ltext(pg, i);
		size_t n = pg->l[i].len;

		if (pg->l[i].gone || n == 0 || !matches(pg, r->re, s, n))
			continue;
		rx_group(r->re, 0, &so, &eo);
		if (eo == so)
			continue;
		buf_reset(&out);
		buf_add(&out, s, so);
		buf_add(&out, s + eo, n - eo);
		while (out.len > 0 && out.s[out.len - 1] == ' ')
			out.len--;
		if (out.len == 0) {
			drop(pg, i, r, NULL);
		} else {
			explain(pg, i, r, "changed", NULL);
			set_line(pg, i, out.s, out.len);
			explain(pg, i, r, "into", NULL);
		}
	}
	buf_free(&out);
}

static void
apply_dedupe(struct page *pg)
{
	size_t i;
	ssize_t prev = -1;

	for (i = 0; i < pg->nl; i++) {
		if (pg->l[i].gone)
			continue;
		if (pg->l[i].len > 0 && prev >= 0 && pg->l[prev].len == pg->l[i].len &&
		    memcmp(ltext(pg, (size_t)prev), ltext(pg, i), pg->l[i].len) == 0)
			drop(pg, i, NULL, "strip.dedupe");
		else
			prev = (ssize_t)i;
	}
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

static void
apply_heuristics(struct page *pg, const struct heur *h)
{
	size_t i, j;

	if (h->bullets) {
		/* A run of short bullet lines (blank lines between allowed) is a menu or a tab bar. */
		for (i = 0; i < pg->nl; i = j) {
			size_t count = 0, tl;

			for (j = i; j < pg->nl; j++) {
				if (pg->l[j].gone || pg->l[j].len == 0)
					continue;
				if (!is_bullet(ltext(pg, j), pg->l[j].len, &tl) || tl > h->bullet_max)
					break;
				count++;
			}
			if (count >= h->bullet_min) {
				for (; i < j; i++)
					if (pg->l[i].len > 0)
						drop(pg, i, NULL, "heuristics.bullets");
			}
			if (j == i)
				j++;
		}
	}
	if (h->numbered) {
		/* Numbers counting up by one are a ranked list: drop them and what lies between. */
		size_t first = 0, lastnum = 0, count = 0;
		long expect = -1;

		for (i = 0; i <= pg->nl; i++) {
			long v = i < pg->nl && !pg->l[i].gone ? lone_number(ltext(pg, i), pg->l[i].len) : -1;

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
				while (end < pg->nl && pg->l[end].len > 0 && lone_number(ltext(pg, end), pg->l[end].len) < 0)
					end++;
				for (j = first; j < end; j++)
					if (pg->l[j].len > 0)
						drop(pg, j, NULL, "heuristics.numbered_list");
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
	if (h->tail) {
		/* Walk back from the end over short lines that do not end a sentence. */
		size_t count = 0;
		ssize_t k, stop = -1;

		for (k = (ssize_t)pg->nl - 1; k >= 0; k--) {
			const char *s = ltext(pg, (size_t)k);
			size_t n = pg->l[k].len;

			if (pg->l[k].gone || n == 0)
				continue;
			if (text_chars(s, n) > h->tail_max || matches(pg, h->sentence_end, s, n)) {
				stop = k;
				break;
			}
			count++;
		}
		/* Never take the whole page: a page of short lines is not all chrome. */
		if (count >= h->tail_min && stop >= 0)
			for (k = stop + 1; k < (ssize_t)pg->nl; k++)
				if (pg->l[k].len > 0)
					drop(pg, (size_t)k, NULL, "heuristics.tail_cluster");
	}
}

static void
apply_site(struct page *pg, struct siterules *sr)
{
	size_t i;
	int k;

	/*
	 * Junk may be stacked in any order (a PHP notice, then an X): all the
	 * tail rules are tried again and again until none takes anything.
	 */
	for (int again = 1; again;) {
		again = 0;
		for (i = 0; i < sr->nr; i++)
			if (sr->r[i].kind == R_TAIL && apply_tail(pg, &sr->r[i]))
				again = 1;
	}
	for (k = R_TAIL + 1; k < R_NKINDS; k++) {
		for (i = 0; i < sr->nr; i++) {
			const struct srule *r = &sr->r[i];

			if ((int)r->kind != k)
				continue;
			switch (r->kind) {
			case R_REPLACE: apply_replace(pg, r); break;
			case R_CUT: apply_cut(pg, r); break;
			case R_DROP: apply_drop(pg, r); break;
			case R_REMOVE: apply_remove(pg, r); break;
			default: break;
			}
		}
	}
	if (sr->dedupe)
		apply_dedupe(pg);
	apply_heuristics(pg, &sr->h);
}

/* ---- sites ---- */

/* Is the page this site's?  1, 0, or -1 when its match patterns are broken. */
static int
site_matches(struct page *pg, struct site *s)
{
	struct siterules *sr;
	size_t k;

	if (peek(s) < 0)
		return -1;
	sr = s->priv;
	for (k = 0; k < sr->nmp; k++) {
		struct rx *re;

		/* Most sites are ruled out by a literal missing from the page. */
		if (sr->mp[k].lit && !rx_literal_in(sr->mp[k].lit, sr->mp[k].litlen, sr->mp[k].rare,
		    pg->text.s, pg->text.len, 0))
			continue;
		if ((re = match_pattern(s, k)) == NULL) {
			sr->peeked = -1;
			return -1;
		}
		if (matches(pg, re, pg->text.s, pg->text.len))
			return 1;
	}
	return 0;
}

static struct site *
detect(struct page *pg)
{
	size_t i;

	for (i = 0; i < rules->nsites; i++) {
		struct site *s = &rules->sites[i];
		int m = site_matches(pg, s);

		if (m < 0) {
			/* Say so on the page: it might have been this site's. */
			record_error(pg->rec, "rules of site %s are broken (%s): not tried for this page",
			    s->name, s->file);
			status = EXIT_USAGE;
			continue;
		}
		if (m > 0)
			return s;
	}
	return &rules->deflt;
}

static struct site *
choose_site(struct page *pg, const char *hint)
{
	struct site *s = NULL;

	if (opt.site)
		s = rules_find(rules, opt.site);
	else if (hint && (s = rules_find(rules, hint)) == NULL)
		record_warning(pg->rec, "site '%s' has no rules in %s; detecting the site", hint, rules->dir);
	if (s == NULL)
		s = detect(pg);
	if (compile_site(s) < 0) {
		record_error(pg->rec, "rules of site %s are broken (%s); page passed through cleaned only",
		    s->name, s->file);
		status = EXIT_USAGE;
		return NULL;
	}
	return s;
}

/* ---- one page ---- */

static void
finish_text(struct page *pg, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i < pg->nl; i++) {
		if (pg->l[i].gone)
			continue;
		buf_add(out, ltext(pg, i), pg->l[i].len);
		buf_addc(out, '\n');
	}
	text_tidy_lines(out);
}

/*
 * UTF-16 text: a byte order mark, or many NUL bytes (Latin text), or, when
 * the bytes are not UTF-8, one byte value filling half the odd or the even
 * positions (Bengali U+09xx gives 0x09 in every other byte, with no NUL).
 * UTF-8 text never has such a byte: in Bengali, E0 is every third byte.
 * The first 512 bytes tell; the check runs on every page, so it stays cheap.
 */
static int
looks_utf16(const char *s, size_t n)
{
	size_t i, nul = 0, m = n < 512 ? n : 512, pairs = m / 2;
	unsigned char even[256] = {0}, odd[256] = {0};
	size_t maxe = 0, maxo = 0;

	if (n >= 2 && (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
	    ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)))
		return 1;
	if (pairs < 8)
		return 0;
	for (i = 0; i + 1 < m; i += 2) {
		unsigned char a = (unsigned char)s[i], b = (unsigned char)s[i + 1];

		nul += (a == 0) + (b == 0);
		if (++even[a] > maxe)
			maxe = even[a];
		if (++odd[b] > maxo)
			maxo = odd[b];
	}
	if (nul * 4 >= m)
		return 1;
	return (maxe * 2 >= pairs || maxo * 2 >= pairs) && !text_utf8_valid(s, m - 3);
}

/* The page being stripped; its buffers are reused page after page. */
static struct page pg;

/* Clean a page, strip it by its site's rules, and fill REC's site and body. */
static void
strip_page(struct record *rec, const char *source, const char *raw, size_t n, const char *hint)
{
	struct clean_report rep;
	struct site *s;
	struct buf body = {0};

	pg.source = source;
	pg.rec = rec;
	pg.limited = 0;
	pg.ndead = 0;
	buf_reset(&pg.text);
	if (looks_utf16(raw, n)) {
		record_set(rec, "site", "default");
		record_error(rec, "text is UTF-16, not UTF-8: convert it first (iconv -f UTF-16 -t UTF-8)");
		record_set_body(rec, "", 0);
		return;
	}
	text_normalize(raw, n, &pg.text, &rep);
	if (rep.invalid > 0)
		record_warning(rec, "%zu invalid UTF-8 sequence%s replaced with U+FFFD%s", rep.invalid,
		    rep.invalid == 1 ? "" : "s",
		    rep.invalid * 50 > n ? " (is this Latin-1? convert it: iconv -f LATIN1 -t UTF-8)" : "");
	if (rep.controls > 0)
		record_warning(rec, "%zu control character%s removed%s", rep.controls,
		    rep.controls == 1 ? "" : "s", rep.nuls ? " (NUL bytes among them)" : "");
	split_lines(&pg);
	s = choose_site(&pg, hint);
	record_set(rec, "site", s ? s->name : "default");
	if (s) {
		pg.site = s;
		apply_site(&pg, s->priv);
	}
	finish_text(&pg, &body);
	if (body.len == 0)
		record_warning(rec, "no article text left on the page");
	record_set_body(rec, body.s ? body.s : "", body.len);
	buf_free(&body);
}

/* ---- progress ---- */

static double
elapsed(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void
progress(int final)
{
	struct timespec now;
	double t, rate, left;

	if (!prog_state.on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (!final && elapsed(&prog_state.last, &now) < 0.2)
		return;
	prog_state.last = now;
	t = elapsed(&prog_state.t0, &now);
	rate = t > 0 ? prog_state.bytes / 1e6 / t : 0;
	left = prog_state.bytes > 0 && prog_state.totalbytes > prog_state.bytes ?
	    t * (prog_state.totalbytes - prog_state.bytes) / prog_state.bytes : 0;
	if (prog_state.total)
		fprintf(stderr, "\r%s: %lu/%lu pages, %.1f MB/s, %.0f s left  ", prog,
		    prog_state.done, prog_state.total, rate, left);
	else if (prog_state.totalbytes > 0)	/* --split: the pages are not known, the bytes are */
		fprintf(stderr, "\r%s: %lu pages, %.1f MB/s, %.0f%% read, %.0f s left  ", prog,
		    prog_state.done, rate, 100.0 * prog_state.bytes / prog_state.totalbytes, left);
	else
		fprintf(stderr, "\r%s: %lu pages, %.1f MB/s  ", prog, prog_state.done, rate);
	if (final)
		fputc('\n', stderr);
}

/* ---- input ---- */

static int
emit(struct record *rec)
{
	if (rec->nerrors > 0 && status == EXIT_OK)
		status = EXIT_RECORDS;
	prog_state.done++;
	progress(0);
	if (record_write(stdout, rec) < 0) {
		if (util_write_error() == EXIT_OUTPUT)
			status = EXIT_OUTPUT;
		return -1;
	}
	return 0;
}

static int
emit_page(const char *source, const char *s, size_t n)
{
	struct record rec = {0};
	int rc;

	record_add(&rec, "source", source);
	strip_page(&rec, source, s, n, NULL);
	rc = emit(&rec);
	record_free(&rec);
	return rc;
}

/* A FILE that cannot be read still gives a record, so that no page is lost unnoticed. */
static int
emit_unreadable(const char *source, const char *why)
{
	struct record rec = {0};
	int rc;

	struct buf msg = {0};

	/* util_open() has said so on stderr already; the record says it downstream. */
	record_add(&rec, "source", source);
	record_add(&rec, "site", "default");
	buf_printf(&msg, "%s: cannot read the page: %s", prog, why);
	record_add(&rec, "error", msg.s);
	rec.nerrors++;
	buf_free(&msg);
	rc = emit(&rec);
	record_free(&rec);
	status = status == EXIT_OK ? EXIT_RECORDS : status;
	return rc;
}

static int
slurp(FILE *fp, const char *name, struct buf *b)
{
	char chunk[1 << 16];
	size_t n;

	buf_reset(b);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		buf_add(b, chunk, n);
		prog_state.bytes += (double)n;
	}
	if (ferror(fp)) {
		warnx("%s: read error: %s", name, strerror(errno));
		return -1;
	}
	if (b->s == NULL)
		buf_grow(b, 0);
	return 0;
}

/*
 * --split: all sites' start patterns as one alternation, so that one scan
 * finds the earliest page start whichever site it belongs to (a scan per
 * site would read the rest of the buffer again for every page).
 */
static struct rx *split_re;

static void
compile_split(void)
{
	struct buf b = {0};
	struct yml n = { .type = YML_SCALAR, .style = 1, .line = 1, .col = 1 };
	struct ymldoc doc = { .file = "(all start patterns)" };
	size_t i;

	for (i = 0; i < rules->nsites; i++) {
		struct site *site = &rules->sites[i];
		struct siterules *sr;

		if (compile_match(site) < 0) {
			status = EXIT_USAGE;
			continue;
		}
		sr = site->priv;
		if (sr->start)
			buf_printf(&b, "%s(?:%s)", b.len ? "|" : "", sr->start->src);
	}
	if (b.len == 0) {
		buf_free(&b);
		return;
	}
	n.str = b.s;
	n.len = b.len;
	split_re = rx_compile(&doc, &n, "split", PCRE2_MULTILINE | PCRE2_DUPNAMES);
	rx_jit_partial(split_re);
	buf_free(&b);
}

/*
 * The earliest start of a page after position FROM in S; *partial is set
 * when a start may begin there but needs more input to tell.
 */
static size_t
next_cut(const char *s, size_t n, size_t from, int more, int *partial)
{
	size_t so, eo;
	int rc;

	*partial = 0;
	if (split_re == NULL)
		return n;
	rc = rx_exec(split_re, s, n, from, more ? PCRE2_PARTIAL_HARD : 0);
	if (rc != RX_MATCH && rc != RX_PARTIAL)
		return n;
	rx_group(split_re, 0, &so, &eo);
	*partial = rc == RX_PARTIAL;
	return so;
}

/*
 * Append raw bytes to the --split buffer with CRLF and lone CR made LF and
 * byte order marks dropped, so that start patterns see what a page will be
 * after cleaning.  *cr is set when the last byte added was a CR.
 */
static void
add_unix(struct buf *b, const char *s, size_t n, int *cr)
{
	size_t i, from = b->len > 2 ? b->len - 2 : 0, r, w;

	buf_grow(b, n);
	for (i = 0; i < n; i++) {
		if (s[i] == '\r') {
			b->s[b->len++] = '\n';
			*cr = 1;
			continue;
		}
		if (!(s[i] == '\n' && *cr))
			b->s[b->len++] = s[i];
		*cr = 0;
	}
	for (r = w = from; r < b->len;) {
		if (b->len - r >= 3 && memcmp(b->s + r, "\xEF\xBB\xBF", 3) == 0) {
			r += 3;
			continue;
		}
		b->s[w++] = b->s[r++];
	}
	b->len = w;
	b->s[b->len] = '\0';
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
			return 0;
	return 1;
}

static int
split_stream(FILE *fp, const char *name)
{
	struct buf b = {0}, nfc = {0};
	char chunk[1 << 16];
	size_t base = 0, from = 0, nread;
	int eof = 0, rc = 0, cr = 0;
	unsigned long pageno = 0;

	if (split_re == NULL)
		compile_split();
	/*
	 * b.s[base..] is the page being read; FROM is where, relative to base,
	 * the search for the next page start resumes.  The consumed part is
	 * dropped only when it is most of the buffer, not after every page.
	 */
	for (;;) {
		size_t cut;
		int partial;

		if (base > 0 && base >= b.len / 2) {
			memmove(b.s, b.s + base, b.len - base);
			b.len -= base;
			base = 0;
		}
		if (!eof && (nread = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
			/* Start patterns are NFC, like every rule: so must the text be. */
			buf_reset(&nfc);
			text_nfc(chunk, nread, &nfc);
			add_unix(&b, nfc.s, nfc.len, &cr);
			prog_state.bytes += (double)nread;
		} else if (!eof) {
			if (ferror(fp))
				warnx("%s: read error: %s", name, strerror(errno));
			eof = 1;
		}
		for (;;) {
			const char *s = b.s + base;
			size_t len = b.len - base;
			/* Search past the first character: a page starts at 0 already. */
			size_t start = from > 0 ? from : 1;

			start = text_utf8_ceil(s, len, start);
			if (start >= len)
				break;
			cut = next_cut(s, len, start, !eof, &partial);
			if (cut >= len || partial) {
				/* Next time, search again from a few lines back only. */
				size_t back = len, k = 0;

				while (back > 1 && k < 8)
					if (s[--back] == '\n')
						k++;
				from = cut < len ? cut : (back > 1 ? back : 1);
				break;
			}
			if (!blank(s, cut)) {	/* white space before the first page is no page */
				struct buf src = {0};

				buf_printf(&src, "%s#%lu", name, ++pageno);
				rc = emit_page(src.s, s, cut);
				buf_free(&src);
			}
			base += cut;
			from = 0;
			if (rc < 0)
				goto out;
		}
		if (eof)
			break;
	}
	if (b.len > base && (pageno == 0 || !blank(b.s + base, b.len - base))) {
		struct buf src = {0};

		buf_printf(&src, "%s#%lu", name, ++pageno);
		rc = emit_page(src.s, b.s + base, b.len - base);
		buf_free(&src);
	}
out:
	buf_free(&b);
	buf_free(&nfc);
	return rc;
}

static int
read_records(FILE *fp, const char *name)
{
	struct reader rd;
	struct record rec = {0};
	struct buf page = {0}, scratch = {0};
	int rc, out = 0;

	reader_init(&rd, fp, name);
	while ((rc = record_read(&rd, &rec)) > 0) {
		const char *hint = record_get(&rec, "site");
		char *hintcopy = hint ? estrdup(hint) : NULL;

		if (record_get(&rec, "source") == NULL) {
			buf_reset(&scratch);
			buf_printf(&scratch, "%s#%lu", name, rec.no);
			record_add(&rec, "source", scratch.s);
		}
		buf_reset(&page);
		buf_add(&page, rec.body.s ? rec.body.s : "", rec.body.len);
		prog_state.bytes += (double)rec.body.len;
		strip_page(&rec, record_get(&rec, "source"), page.s, page.len, hintcopy);
		free(hintcopy);
		if ((out = emit(&rec)) < 0)
			break;
	}
	if (rc < 0)
		status = EXIT_USAGE;
	record_free(&rec);
	reader_free(&rd);
	buf_free(&page);
	buf_free(&scratch);
	return out;
}

static int
do_file(const char *path)
{
	static struct buf page;
	FILE *fp;
	int rc;

	if (path == NULL) {	/* free the buffer at exit */
		buf_free(&page);
		return 0;
	}
	errno = 0;
	if ((fp = util_open(path)) == NULL)
		return emit_unreadable(path, errno == 0 || errno == EISDIR ? "is a directory" : strerror(errno));
	if (opt.records)
		rc = read_records(fp, path);
	else if (opt.split)
		rc = split_stream(fp, path);
	else if (slurp(fp, path, &page) < 0)
		rc = emit_unreadable(path, strerror(errno));
	else
		rc = emit_page(path, page.s, page.len);
	if (fp != stdin)
		fclose(fp);
	return rc;
}

static void
list_site(const struct site *s)
{
	const struct siterules *sr = s->priv;
	size_t i;

	for (i = 0; i < sr->nr; i++)
		printf("%s:%u: %s\n", s->file, sr->r[i].line, sr->r[i].name);
	if (sr->dedupe)
		printf("%s:%u: %s/strip.dedupe\n", s->file, sr->dedupe_line, s->name);
	if (sr->h.bullets)
		printf("%s:%u: %s/heuristics.bullets\n", s->file, sr->heur_line, s->name);
	if (sr->h.numbered)
		printf("%s:%u: %s/heuristics.numbered_list\n", s->file, sr->heur_line, s->name);
	if (sr->h.tail)
		printf("%s:%u: %s/heuristics.tail_cluster\n", s->file, sr->heur_line, s->name);
}

/*
 * Load and compile every rule file this filter uses; report all errors.
 * With LIST, print every rule as "file:line: name" (for khobor check).
 */
static int
check_all(int list)
{
	size_t i;
	int bad = 0;

	for (i = 0; i < rules->nsites; i++) {
		if (compile_site(&rules->sites[i]) < 0)
			bad = 1;
		else if (list)
			list_site(&rules->sites[i]);
	}
	if (compile_site(&rules->deflt) < 0)
		bad = 1;
	else if (list)
		list_site(&rules->deflt);
	/* Two files declaring one name would read as one site in every report. */
	for (i = 0; i < rules->nsites; i++) {
		const struct yml *a = rules->sites[i].root ? yml_get(rules->sites[i].root, "name") : NULL;
		size_t j;

		for (j = 0; a && a->type == YML_SCALAR && j < i; j++) {
			const struct yml *b = rules->sites[j].root ? yml_get(rules->sites[j].root, "name") : NULL;

			if (b && b->type == YML_SCALAR && strcmp(a->str, b->str) == 0) {
				yml_error(rules->sites[i].doc, a, "site name '%s' is also the name of %s (line %u)",
				    a->str, rules->sites[j].file, b->line);
				bad = 1;
			}
		}
	}
	return bad ? EXIT_USAGE : EXIT_OK;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "site", required_argument, NULL, 's' },
		{ "split", no_argument, NULL, 'S' },
		{ "records", no_argument, NULL, 'R' },
		{ "explain", no_argument, NULL, 'e' },
		{ "progress", no_argument, NULL, 'P' },
		{ "check-rules", no_argument, NULL, 'C' },
		{ "list-rules", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, i, rc;

	util_init(argv[0]);
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":r:s:ehV", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': opt.rulesdir = optarg; break;
		case 's': opt.site = optarg; break;
		case 'S': opt.split = 1; break;
		case 'R': opt.records = 1; break;
		case 'e': opt.explain = 1; break;
		case 'P': opt.progress = 1; break;
		case 'C': opt.check = 1; break;
		case 'L': opt.check = 2; break;
		case 'h':
			util_help(usage_text, help_text);
			break;
		case 'V':
			util_version();
			break;
		default:
			return util_bad_option(c, argv, longopts, usage_text);
		}
	}
	if (opt.split && opt.records)
		die(EXIT_USAGE, "--split and --records do not go together: a record is one page already");
	rules = rules_open(opt.rulesdir);
	if (opt.check) {
		rc = check_all(opt.check > 1);
		if (rc == EXIT_OK)
			rc = util_close_stdout();
		rules_free(rules, free_siterules);
		rx_cleanup();
		return rc;
	}
	/* Rules errors in the default file or a forced site stop us before any output. */
	if (opt.site) {
		struct site *s = rules_find(rules, opt.site);

		if (s == NULL)
			die(EXIT_USAGE, "no site '%s' in %s/sites (give one of the NAME.yaml there, or default)",
			    opt.site, rules->dir);
		if (compile_site(s) < 0)
			die(EXIT_USAGE, "%s: the rules have errors (see above)", s->file);
	}
	if (compile_site(&rules->deflt) < 0)
		die(EXIT_USAGE, "%s: the rules have errors (see above)", rules->deflt.file);

	prog_state.on = opt.progress && isatty(STDERR_FILENO);
	if (prog_state.on) {
		struct stat st;

		clock_gettime(CLOCK_MONOTONIC, &prog_state.t0);
		prog_state.total = opt.split || opt.records ? 0 : (unsigned long)(argc - optind);
		for (i = optind; i < argc; i++)
			if (stat(argv[i], &st) == 0)
				prog_state.totalbytes += (double)st.st_size;
	}
	rc = 0;
	if (optind == argc)
		rc = do_file("-");
	for (i = optind; i < argc && rc == 0; i++)
		rc = do_file(argv[i]);
	progress(1);
	do_file(NULL);
	free(pg.l);
	buf_free(&pg.text);
	rules_free(rules, free_siterules);
	rx_free(split_re);
	rx_cleanup();
	if (rc < 0 && status != EXIT_OUTPUT)
		return status == EXIT_USAGE ? EXIT_USAGE : EXIT_OK;
	if (status == EXIT_OUTPUT)
		return status;	/* the write error has been reported once */
	c = util_close_stdout();
	return c ? c : status;
}
