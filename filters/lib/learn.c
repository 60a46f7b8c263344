/*
 * learn.c: a site's rule file drafted from its own pages (see learn.h).
 *
 * The idea is site-level template detection (Bar-Yossef & Rajagopalan,
 * "Template detection via data mining and its applications", WWW 2002;
 * Yi, Liu & Li, "Eliminating noisy information in web pages for data
 * mining", KDD 2003): what a site prints on many of its pages is its
 * template, the rest is the article.  Lines are compared by shape
 * (shape.c, after CCNet's line deduplication), and a line counts only by
 * where it stands: the top of the page (above the article's first
 * paragraph), the article, or the bottom (from the first recurring line
 * after the article's first paragraph on).  A shape that recurs at the top
 * or the bottom on enough pages and never inside an article is chrome.
 *
 * The draft is then tried (learndraft.c, which also writes it): a
 * learned rule that takes a line inside an article goes, a rule that takes
 * nothing goes, and the comments give the counts of the rules that stay.
 */
#include <stdlib.h>
#include <string.h>

#include "hzone.h"
#include "learn.h"
#include "learnint.h"
#include "page.h"
#include "record.h"
#include "rx.h"
#include "shape.h"
#include "text.h"
#include "util.h"

const char *const learn_kind_key[K_NKINDS] = { "junk_at_end", "cut", "drop", "remove" };

/* ---- setting up ---- */

static void
add_hdr(struct learner *l, const struct site *d, const struct yml *n, const char *what)
{
	struct rx *re;
	struct buf name = {0};

	buf_printf(&name, "default/reader.%s", what);
	if ((re = rx_compile(d->doc, n, name.s, 0)) != NULL) {
		l->hdr = erealloc(l->hdr, (l->nhdr + 1) * sizeof(*l->hdr));
		l->hdr[l->nhdr++] = re;
	}
	buf_free(&name);
}

/*
 * default.yaml's strip patterns (a cut's 'from'), for lines any site may
 * print ("Advertisement", "Comments"): such a line tells no site apart.
 */
static void
add_generic(struct learner *l, const struct site *d)
{
	static const char *const kinds[] = { "junk_at_end", "cut", "drop", "remove", NULL };
	const struct yml *st = rules_section(d, "strip"), *list, *it, *n;
	struct rx *re;
	size_t k, i;

	if (st == NULL || st->type != YML_MAP)
		return;
	for (k = 0; kinds[k]; k++) {
		if ((list = yml_get(st, kinds[k])) == NULL || list->type != YML_SEQ)
			continue;
		for (i = 0; i < list->nkid; i++) {
			it = list->kid[i];
			n = it->type == YML_MAP ? yml_get(it, strcmp(kinds[k], "cut") == 0 ? "from" : "pattern") : it;
			if (n == NULL || n->type != YML_SCALAR || (re = rx_compile(d->doc, n, "default/strip", 0)) == NULL)
				continue;
			l->generic = erealloc(l->generic, (l->ngeneric + 1) * sizeof(*l->generic));
			l->generic[l->ngeneric++] = re;
		}
	}
}

struct learner *
learn_new(struct rules *r, const char *name, char *const *hosts, size_t nhosts)
{
	static const char *const one[] = { "published", "updated", "edition", "hijri", NULL };
	static const char *const many[] = { "byline", "clock", NULL };
	struct learner *l;
	const struct yml *rd, *n;
	size_t i, k;
	int none;

	if (rules_load(r, &r->deflt) < 0)
		return NULL;
	l = ecalloc(1, sizeof(*l));
	l->r = r;
	l->name = estrdup(name);
	l->hosts = ecalloc(nhosts + 1, sizeof(*l->hosts));
	for (i = 0; i < nhosts; i++)
		l->hosts[i] = estrdup(hosts[i]);
	l->nhosts = nhosts;
	/* A line the default reader reads (a date label, a byline, the edition) is no chrome to drop. */
	if ((rd = rules_section(&r->deflt, "reader")) != NULL && rd->type == YML_MAP) {
		for (k = 0; one[k]; k++)
			if ((n = yml_get(rd, one[k])) != NULL && n->type == YML_SCALAR)
				add_hdr(l, &r->deflt, n, one[k]);
		for (k = 0; many[k]; k++)
			if ((n = yml_get(rd, many[k])) != NULL && n->type == YML_SEQ)
				for (i = 0; i < n->nkid; i++)
					if (n->kid[i]->type == YML_SCALAR)
						add_hdr(l, &r->deflt, n->kid[i], many[k]);
	}
	add_generic(l, &r->deflt);
	l->reader = hzone_compile(&r->deflt, r->dir, &none);
	return l;
}

static void
page_clear(struct lpage *p)
{
	page_free(&p->pg);
	record_free(&p->rec);
	free(p->source);
	free(p->sid);
	free(p->zone);
}

void
learn_free(struct learner *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->np; i++)
		page_clear(&l->p[i]);
	free(l->p);
	for (i = 0; i < l->nc; i++) {
		free(l->c[i].pat);
		rx_free(l->c[i].re);
		free(l->c[i].hit);
	}
	free(l->c);
	rx_free(l->start_re);
	free(l->s);
	free(l->tab);
	for (i = 0; i < l->nhdr; i++)
		rx_free(l->hdr[i]);
	free(l->hdr);
	for (i = 0; i < l->ngeneric; i++)
		rx_free(l->generic[i]);
	free(l->generic);
	hzone_free(l->reader);
	for (i = 0; i < l->nrule; i++) {
		free(l->rule[i].id);
		free(l->rule[i].pat);
		free(l->rule[i].to);
	}
	free(l->rule);
	for (i = 0; i < l->nmatch; i++)
		free(l->match[i].pat);
	free(l->match);
	free(l->start);
	for (i = 0; i < l->nfc; i++) {
		free(l->fc[i].example);
		free(l->fc[i].label);
	}
	for (i = 0; i < l->nhosts; i++)
		free(l->hosts[i]);
	free(l->hosts);
	free(l->name);
	buf_free(&l->b);
	buf_free(&l->path);
	free(l);
}

static void
load(struct lpage *p, const char *source, const char *raw, size_t n)
{
	memset(p, 0, sizeof(*p));
	p->source = estrdup(source);
	/* A UTF-16 page has no lines: it counts as a page with no article. */
	(void)page_load(&p->pg, &p->rec, p->source, raw, n);
}

void
learn_page(struct learner *l, const char *source, const char *raw, size_t n)
{
	if (l->ready)
		die(EXIT_MEMORY, "learn_page after learn_other (a bug of khobor learn)");
	if (l->np == l->capp) {
		l->capp = l->capp ? 2 * l->capp : 8;
		l->p = erealloc(l->p, l->capp * sizeof(*l->p));
	}
	load(&l->p[l->np++], source, raw, n);
}

void
learn_note(struct learner *l, size_t n)
{
	l->unknown += n;
}

static void prepare(struct learner *l);
static size_t next_line(const struct lpage *p, size_t i);
static int generic_line(const struct learner *l, const char *s, size_t n);

/*
 * Another site's page is tried at once on every match candidate and on
 * the start, and let go: the learner holds the site's pages, never the
 * others'.
 */
void
learn_other(struct learner *l, const char *source, const char *raw, size_t n)
{
	struct lpage o;
	const char *t;
	size_t i;

	prepare(l);
	load(&o, source, raw, n);
	t = o.pg.text.s ? o.pg.text.s : "";
	for (i = 0; i < l->nc; i++)
		if (l->c[i].pat && learn_hit(l->c[i].re, t, o.pg.text.len)) {
			free(l->c[i].pat);
			l->c[i].pat = NULL;
		}
	if (l->start_re && learn_hit(l->start_re, t, o.pg.text.len))
		l->start_note = 2;
	page_clear(&o);
	l->no++;
}

/* ---- shapes ---- */

static uint32_t
shape_id(struct learner *l, uint64_t key)
{
	size_t i, mask;

	if (2 * (l->ns + 1) > l->tabcap) {
		size_t cap = l->tabcap ? 2 * l->tabcap : 1024, k;
		uint32_t *t = ecalloc(cap, sizeof(*t));

		for (k = 0; k < l->ns; k++) {
			for (i = l->s[k].key & (cap - 1); t[i]; i = (i + 1) & (cap - 1))
				;
			t[i] = (uint32_t)k + 1;
		}
		free(l->tab);
		l->tab = t;
		l->tabcap = cap;
	}
	mask = l->tabcap - 1;
	for (i = key & mask; l->tab[i]; i = (i + 1) & mask)
		if (l->s[l->tab[i] - 1].key == key)
			return l->tab[i] - 1;
	if (l->ns == l->caps) {
		l->caps = l->caps ? 2 * l->caps : 256;
		l->s = erealloc(l->s, l->caps * sizeof(*l->s));
	}
	memset(&l->s[l->ns], 0, sizeof(*l->s));
	l->s[l->ns].key = key;
	l->tab[i] = (uint32_t)l->ns + 1;
	return (uint32_t)l->ns++;
}

/* Words of a line: runs of non-space bytes. */
static size_t
words(const char *s, size_t n)
{
	size_t i, w = 0;
	int in = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t')
			in = 0;
		else if (!in++)
			w++;
	}
	return w;
}

/* The line's end, past spaces and closing quotes: does it end a sentence (। ? ! .)? */
static int
ends_sentence(const char *s, size_t n, int statement)
{
	while (n > 0) {
		if (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'')
			n--;
		else if (n >= 3 && (memcmp(s + n - 3, "”", 3) == 0 || memcmp(s + n - 3, "’", 3) == 0))
			n -= 3;
		else
			break;
	}
	if (n >= 3 && memcmp(s + n - 3, "।", 3) == 0)
		return 1;
	return n > 0 && (s[n - 1] == '.' || (!statement && (s[n - 1] == '?' || s[n - 1] == '!')));
}

/*
 * A paragraph of an article: eight words or more ending a sentence, or
 * fourteen or more with a comma or a dari (the default reader's measure).
 */
static int
is_para(const char *s, size_t n)
{
	size_t w = words(s, n);

	return (w >= 8 && ends_sentence(s, n, 0)) ||
	    (w >= 14 && (memchr(s, ',', n) != NULL || memmem(s, n, "।", 3) != NULL));
}

/* Every line's shape; how many pages each shape is on. */
static void
count_shapes(struct learner *l)
{
	size_t k, i;

	for (k = 0; k < l->np; k++) {
		struct lpage *p = &l->p[k];

		p->sid = ecalloc(p->pg.nl + 1, sizeof(*p->sid));
		p->zone = ecalloc(p->pg.nl + 1, 1);
		for (i = 0; i < p->pg.nl; i++) {
			const char *s = page_line(&p->pg, i);
			size_t n = p->pg.l[i].len;
			struct shape *sh;

			p->sid[i] = NOSHAPE;
			if (shape_line(s, n, &l->b) == 0)
				continue;
			p->sid[i] = shape_id(l, shape_key(l->b.s, l->b.len));
			sh = &l->s[p->sid[i]];
			if (sh->seen != k + 1) {
				if (sh->pages++ == 0) {
					sh->page = k;
					sh->line = i;
				}
				sh->seen = k + 1;
			}
			if (n > 0 && s[0] == ' ')
				sh->lead = 1;
			if (n > 0 && s[n - 1] == ' ')
				sh->trail = 1;
		}
	}
}

int
learn_at_bottom(const struct shape *s)
{
	return s->zpages[Z_BOT] > s->zpages[Z_TOP] + s->zpages[Z_HEAD];
}

/* Pages a shape must be on to recur: half of them, at least two. */
static unsigned
threshold(const struct learner *l)
{
	unsigned t = (unsigned)(l->np + 1) / 2;

	return t < 2 ? 2 : t;
}

static int header_line(const struct learner *l, const char *s, size_t n);

/*
 * The zones of each page: above the headline (the first line of three
 * words or more that is on this page only and no date or byline line),
 * the header zone from it down, the article from its first paragraph to
 * the first line after it, not a paragraph, whose shape recurs (or to the
 * last paragraph, if no such line follows).
 */
/*
 * Line I stands right over the article's first paragraph, closed by a
 * credit's mark ("<outlet>:::", "<name> ঃ-"): the story's credit, which
 * the reader takes for the byline by its place, however many of the
 * site's stories it opens (chrome_apply keeps it the same way).
 */
static int
credit_over_story(const struct lpage *p, size_t i)
{
	const char *s = page_line(&p->pg, i);
	size_t n = p->pg.l[i].len, j;

	for (j = i + 1; j < p->first && p->pg.l[j].len == 0; j++)
		;
	if (j != p->first)
		return 0;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '-'))
		n--;
	return (n >= 1 && s[n - 1] == ':') || (n >= 3 && (memcmp(s + n - 3, "ঃ", 3) == 0 || memcmp(s + n - 3, "॥", 3) == 0));
}

static void
find_zones(struct learner *l)
{
	unsigned t = threshold(l);
	size_t k, i;

	for (k = 0; k < l->np; k++) {
		struct lpage *p = &l->p[k];
		size_t last = 0, head;

		p->first = p->end = p->pg.nl;
		for (i = 0; i < p->pg.nl; i++)
			if (is_para(page_line(&p->pg, i), p->pg.l[i].len)) {
				if (!p->article)
					p->first = i;
				p->article = 1;
				last = i;
			}
		if (!p->article) {
			memset(p->zone, Z_NONE, p->pg.nl);
			continue;
		}
		p->end = last + 1;
		for (i = p->first + 1; i < p->pg.nl; i++) {
			const char *s = page_line(&p->pg, i);
			size_t n = p->pg.l[i].len;

			if (p->sid[i] != NOSHAPE && l->s[p->sid[i]].pages >= t && !is_para(s, n)) {
				p->end = i;
				break;
			}
		}
		for (head = 0; head < p->first; head++) {
			const char *s = page_line(&p->pg, head);
			size_t n = p->pg.l[head].len;

			if (p->sid[head] != NOSHAPE && l->s[p->sid[head]].pages == 1 && words(s, n) >= 3 &&
			    !header_line(l, s, n))
				break;
		}
		for (i = 0; i < p->pg.nl; i++) {
			enum zone z = i < head ? Z_TOP : i < p->first ? Z_HEAD : i < p->end ? Z_IN : Z_BOT;
			struct shape *sh;

			p->zone[i] = (unsigned char)z;
			if (p->sid[i] == NOSHAPE)
				continue;
			sh = &l->s[p->sid[i]];
			if (i < p->first && credit_over_story(p, i))
				sh->credit++;
			if (sh->zseen[z] != k + 1) {
				sh->zpages[z]++;
				sh->zseen[z] = k + 1;
			}
		}
	}
}

/* ---- patterns from lines ---- */

static int
is_digit_at(const unsigned char *p, size_t n, size_t *len)
{
	if (n >= 1 && p[0] >= '0' && p[0] <= '9') {
		*len = 1;
		return 1;
	}
	if (n >= 3 && p[0] == 0xE0 && p[1] == 0xA7 && p[2] >= 0xA6 && p[2] <= 0xAF) {
		*len = 3;
		return 1;
	}
	return 0;
}

/*
 * A pattern for the line S[0..N) and the lines of its shape: the text as
 * printed, regex characters escaped, every run of digits [০-৯0-9]+.  With
 * LOOSE, every run of what is neither a letter, a mark nor a digit may be
 * any such run, and ASCII letters any case, as the shape has it.  Spaces
 * at the ends: LEAD, TRAIL say some line of the shape has them.
 */
static void
line_pattern(const char *s, size_t n, int loose, int lead, int trail, int anchor, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, dl, k;
	int32_t cp;
	int ascii = 0, sep = 0;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (i < n && s[i] == ' ')
		i++;
	buf_reset(out);
	for (k = i; k < n; k++)
		if ((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z'))
			ascii = 1;
	if (loose && ascii)
		buf_adds(out, "(?i)");
	if (anchor)
		buf_adds(out, "^");
	if (loose)
		buf_adds(out, "[^\\p{L}\\p{M}\\p{N}]*");
	else if (lead)
		buf_adds(out, " *");
	while (i < n) {
		int w;

		if (is_digit_at(p + i, n - i, &dl)) {
			while (i < n && is_digit_at(p + i, n - i, &dl))
				i += dl;
			buf_adds(out, "[০-৯0-9]+");
			sep = 0;
			continue;
		}
		if ((w = text_decode(p + i, n - i, &cp)) <= 0) {
			w = 1;
			cp = -1;
		}
		if (loose && !(cp >= 0x80 || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))) {
			if (!sep)
				buf_adds(out, "[^\\p{L}\\p{M}\\p{N}]+");
			sep = 1;
			i += (size_t)w;
			continue;
		}
		sep = 0;
		if (cp >= 0 && cp < 0x80 && strchr("\\^$.|?*+()[]{}", (int)cp) != NULL)
			buf_addc(out, '\\');
		buf_add(out, s + i, (size_t)w);
		i += (size_t)w;
	}
	if (loose && !sep)
		buf_adds(out, "[^\\p{L}\\p{M}\\p{N}]*");
	else if (!loose && trail)
		buf_adds(out, " *");
	if (anchor)
		buf_adds(out, "$");
}

struct rx *
learn_compile(const char *pat, uint32_t flags)
{
	return rx_compile_at(pat, strlen(pat), "khobor learn", 0, 0, "learned", flags);
}

int
learn_hit(struct rx *re, const char *s, size_t n)
{
	return rx_exec(re, s, n, 0, 0) == RX_MATCH;
}

/* Does a pattern of default.yaml's strip rules take the whole line S[0..N), less its end spaces? */
static int
generic_line(const struct learner *l, const char *s, size_t n)
{
	size_t i, so, eo;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	for (i = 0; i < l->ngeneric; i++)
		if (rx_exec(l->generic[i], s, n, 0, 0) == RX_MATCH && rx_group(l->generic[i], 0, &so, &eo) &&
		    so == 0 && eo == n)
			return 1;
	return 0;
}

/* Does RE find every line of shape SH on the site's pages? */
static int
fits_shape(struct learner *l, struct rx *re, size_t sh)
{
	size_t k, i;

	for (k = 0; k < l->np; k++)
		for (i = 0; i < l->p[k].pg.nl; i++)
			if (l->p[k].sid[i] == sh && !learn_hit(re, page_line(&l->p[k].pg, i), l->p[k].pg.l[i].len))
				return 0;
	return 1;
}

/* The pattern of shape SH's lines into OUT, tight if the lines allow; 0, or -1 if none fits. */
static int
shape_pattern(struct learner *l, size_t sh, int anchor, struct buf *out)
{
	const struct shape *s = &l->s[sh];
	const struct lpage *p = &l->p[s->page];
	int loose;

	for (loose = 0; loose < 2; loose++) {
		struct rx *re;
		struct buf lp = {0};
		int ok;

		line_pattern(page_line(&p->pg, s->line), p->pg.l[s->line].len, loose, s->lead, s->trail, 1, &lp);
		re = learn_compile(lp.s, 0);
		ok = re != NULL && fits_shape(l, re, sh);
		rx_free(re);
		if (ok) {
			line_pattern(page_line(&p->pg, s->line), p->pg.l[s->line].len, loose, s->lead, s->trail,
			    anchor, out);
			buf_free(&lp);
			return 0;
		}
		buf_free(&lp);
	}
	return -1;
}

/* ---- choosing the rules ---- */

static struct rule *
add_rule(struct learner *l, enum kind kind, const char *id, const char *pat)
{
	struct rule *r;

	l->rule = erealloc(l->rule, (l->nrule + 1) * sizeof(*l->rule));
	r = &l->rule[l->nrule++];
	memset(r, 0, sizeof(*r));
	r->kind = kind;
	r->id = estrdup(id);
	r->pat = estrdup(pat);
	r->shape = (size_t)-1;
	return r;
}

static int
header_line(const struct learner *l, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < l->nhdr; i++)
		if (learn_hit(l->hdr[i], s, n))
			return 1;
	return 0;
}

static int read_as_field(const struct learner *l, const char *s, size_t n);

/*
 * Is shape SH chrome: recurring at the top or the bottom, never in an
 * article, no header line, no line the default reader reads as a field,
 * and no story's credit over its first paragraph?  A date line's shape
 * recurs on pages of one month ("Nov 24, 2025 | 4:42 PM" and "Nov 3,
 * 2025 | 4:42 PM"), as chrome_apply knows.
 */
static int
is_chrome(const struct learner *l, size_t sh)
{
	const struct shape *s = &l->s[sh];
	const struct lpage *p = &l->p[s->page];
	const char *line = page_line(&p->pg, s->line);
	size_t n = p->pg.l[s->line].len;
	unsigned t = threshold(l);

	if (s->zpages[Z_IN] > 0 || s->zpages[Z_HEAD] > 0 || (s->zpages[Z_TOP] < t && s->zpages[Z_BOT] < t) || s->credit > 0)
		return 0;
	return !header_line(l, line, n) && !read_as_field(l, line, n);
}

/*
 * Could the page be cut from line I on?  Only if every line after it
 * recurs or is no article sentence (a teaser list: headlines, cut-off
 * summaries, numbers).
 */
static int
tail_ok(const struct learner *l, const struct lpage *p, size_t i)
{
	size_t j;

	for (j = i + 1; j < p->pg.nl; j++) {
		const char *s = page_line(&p->pg, j);
		size_t n = p->pg.l[j].len;

		if (p->sid[j] != NOSHAPE && l->s[p->sid[j]].pages >= 2)
			continue;
		if (words(s, n) >= 8 && ends_sentence(s, n, 1))
			return 0;
	}
	return 1;
}

/* A shape fit to cut from: on every page that has it, at the bottom with a tail of chrome. */
static int
cuttable(const struct learner *l, size_t sh)
{
	size_t k, i;

	if (!is_chrome(l, sh) || l->s[sh].zpages[Z_BOT] < threshold(l) || l->s[sh].zpages[Z_TOP] > 0)
		return 0;
	for (k = 0; k < l->np; k++) {
		const struct lpage *p = &l->p[k];

		for (i = 0; i < p->pg.nl; i++)
			if (p->sid[i] == sh && (p->zone[i] != Z_BOT || !tail_ok(l, p, i)))
				return 0;
	}
	return 1;
}

/*
 * The cuts: for the pages not cut yet, the shape that is the first fit to
 * cut from on most of them, until no page is left that one fits.
 */
static void
choose_cuts(struct learner *l)
{
	unsigned char *done = ecalloc(l->np + 1, 1), *ok = ecalloc(l->ns + 1, 1);
	unsigned *votes = ecalloc(l->ns + 1, sizeof(*votes));
	size_t k, i, best, ncut = 0;

	for (i = 0; i < l->ns; i++)
		ok[i] = (unsigned char)cuttable(l, i);
	for (;;) {
		memset(votes, 0, l->ns * sizeof(*votes));
		for (k = 0; k < l->np; k++) {
			const struct lpage *p = &l->p[k];

			for (i = 0; !done[k] && i < p->pg.nl; i++)
				if (p->sid[i] != NOSHAPE && ok[p->sid[i]]) {
					votes[p->sid[i]]++;
					break;
				}
		}
		best = (size_t)-1;
		for (i = 0; i < l->ns; i++)
			if (votes[i] > 0 && (best == (size_t)-1 || votes[i] > votes[best]))
				best = i;
		if (best == (size_t)-1)
			break;
		if (shape_pattern(l, best, 1, &l->b) == 0) {
			char id[32];

			snprintf(id, sizeof(id), "end-%zu", ++ncut);
			add_rule(l, K_CUT, id, l->b.s)->shape = best;
		}
		ok[best] = 0;
		for (k = 0; k < l->np; k++)
			for (i = 0; i < l->p[k].pg.nl; i++)
				if (l->p[k].sid[i] == best)
					done[k] = 1;
	}
	free(done);
	free(ok);
	free(votes);
}

/* Would the default reader read the line as a field (a date, a byline)? */
static int
read_as_field(const struct learner *l, const char *s, size_t n)
{
	return l->reader != NULL && hzone_field(l->reader, s, n) != HZONE_NOFIELD;
}

/* Is there a paragraph on page P before line I (BEFORE) or after it? */
static int
para_near(const struct lpage *p, size_t i, int before)
{
	size_t j;

	if (before) {
		for (j = 0; j < i; j++)
			if (is_para(page_line(&p->pg, j), p->pg.l[j].len))
				return 1;
	} else {
		for (j = i + 1; j < p->pg.nl; j++)
			if (is_para(page_line(&p->pg, j), p->pg.l[j].len))
				return 1;
	}
	return 0;
}

/*
 * Boxes inside the article: a short line, no sentence, that two pages or
 * more print right after a paragraph, each time with one line after it that
 * is no paragraph (a related headline) and then a paragraph; the "আরও পড়ুন"
 * box of many sites, whose headline changes from page to page.  Such a
 * line recurs inside articles, so it is no chrome (is_chrome); the box is
 * cut from it through the next line that is not blank (to: '.',
 * khobor-rules(5)).  Its lines are marked Z_BOX, so that trying the draft
 * does not count them as article lines taken, while any other line the cut
 * takes inside an article still prunes it.
 */
#define BOXWORDS 4
static void
choose_boxes(struct learner *l)
{
	size_t sh, k, i, j, n = 0;
	char id[32];

	for (sh = 0; sh < l->ns; sh++) {
		const struct shape *s = &l->s[sh];
		unsigned inside = 0;
		size_t seen = 0;
		int ok = 1;

		if (s->pages < 2 || s->zpages[Z_TOP] > 0 || s->zpages[Z_HEAD] > 0)
			continue;
		for (k = 0; ok && k < l->np; k++) {
			const struct lpage *p = &l->p[k];

			for (i = 0; ok && i < p->pg.nl; i++) {
				const char *t = page_line(&p->pg, i);
				size_t len = p->pg.l[i].len;

				if (p->sid[i] != sh)
					continue;
				if (is_para(t, len) || words(t, len) > BOXWORDS || ends_sentence(t, len, 0) ||
				    header_line(l, t, len) || generic_line(l, t, len) || read_as_field(l, t, len)) {
					ok = 0;
					break;
				}
				if (!para_near(p, i, 1) || !para_near(p, i, 0)) {
					/* Not between paragraphs: only below the article. */
					ok = p->zone[i] == Z_BOT;
					continue;
				}
				/* The line before it a paragraph, as the line after its headline. */
				for (j = i; j > 0 && p->sid[j - 1] == NOSHAPE; j--)
					;
				if (j == 0 || !is_para(page_line(&p->pg, j - 1), p->pg.l[j - 1].len)) {
					ok = 0;
					break;
				}
				j = next_line(p, i);
				if (j >= p->pg.nl || is_para(page_line(&p->pg, j), p->pg.l[j].len) ||
				    read_as_field(l, page_line(&p->pg, j), p->pg.l[j].len) ||
				    next_line(p, j) >= p->pg.nl ||
				    !is_para(page_line(&p->pg, next_line(p, j)), p->pg.l[next_line(p, j)].len)) {
					ok = 0;
					break;
				}
				if (seen != k + 1) {
					inside++;
					seen = k + 1;
				}
			}
		}
		if (!ok || inside < 2 || shape_pattern(l, sh, 1, &l->b) < 0)
			continue;
		snprintf(id, sizeof(id), "box-%zu", ++n);
		{
			struct rule *r = add_rule(l, K_CUT, id, l->b.s);

			r->shape = sh;
			r->box = 1;
			r->to = estrdup(".");
		}
		for (k = 0; k < l->np; k++) {
			struct lpage *p = &l->p[k];

			for (i = 0; i < p->pg.nl; i++)
				if (p->sid[i] == sh && para_near(p, i, 1) && para_near(p, i, 0)) {
					p->zone[i] = Z_BOX;
					p->zone[next_line(p, i)] = Z_BOX;
				}
		}
	}
}

/* A drop for every chrome shape; those a cut already takes are pruned when tried. */
static void
choose_drops(struct learner *l)
{
	size_t i, n = 0;
	char id[32];

	for (i = 0; i < l->ns; i++) {
		if (!is_chrome(l, i) || shape_pattern(l, i, 1, &l->b) < 0)
			continue;
		snprintf(id, sizeof(id), "chrome-%zu", ++n);
		add_rule(l, K_DROP, id, l->b.s)->shape = i;
	}
}

/* default.yaml's strip rules, kept where they take something the learned ones leave. */
static void
default_rules(struct learner *l)
{
	static const enum kind kinds[] = { K_JUNK, K_CUT, K_DROP, K_REMOVE };
	const struct yml *st = rules_section(&l->r->deflt, "strip"), *list, *it, *n;
	size_t k, i;

	if (st == NULL || st->type != YML_MAP)
		return;
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		if ((list = yml_get(st, learn_kind_key[kinds[k]])) == NULL || list->type != YML_SEQ)
			continue;
		for (i = 0; i < list->nkid; i++) {
			const struct yml *id = NULL, *to = NULL;
			struct rule *r;
			char idbuf[48];

			it = list->kid[i];
			if (it->type == YML_SCALAR) {
				n = it;
			} else if (it->type == YML_MAP) {
				n = yml_get(it, kinds[k] == K_CUT ? "from" : "pattern");
				id = yml_get(it, "id");
				to = kinds[k] == K_CUT ? yml_get(it, "to") : NULL;
			} else {
				continue;
			}
			if (n == NULL || n->type != YML_SCALAR)
				continue;
			if (id == NULL || id->type != YML_SCALAR)
				snprintf(idbuf, sizeof(idbuf), "default-%s-%zu", learn_kind_key[kinds[k]], i);
			else
				snprintf(idbuf, sizeof(idbuf), "%s", id->str);
			r = add_rule(l, kinds[k], idbuf, n->str);
			r->origin = learn_kind_key[kinds[k]];
			if (to && to->type == YML_SCALAR)
				r->to = estrdup(to->str);
		}
	}
}

static size_t
letters(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80 && *s != ' ' && *s != '0';
	return n;
}

/* The line after line I of page P that is not blank, or P's line count. */
static size_t
next_line(const struct lpage *p, size_t i)
{
	for (i++; i < p->pg.nl && p->sid[i] == NOSHAPE; i++)
		;
	return i;
}

/* The first line of shape SH on page P, or P's line count. */
static size_t
find_shape(const struct lpage *p, size_t sh)
{
	size_t i;

	for (i = 0; i < p->pg.nl && p->sid[i] != sh; i++)
		;
	return i;
}

/*
 * The block that starts with shape SH: up to three lines, the next ones
 * the lines that follow it in one order on every page that has it.
 * Returns its length.
 */
#define MAXBLOCK 3
#define MINLETTERS 12
static size_t
block(const struct learner *l, size_t sh, size_t *shapes, size_t *at)
{
	size_t n = 1, k;

	shapes[0] = sh;
	for (k = 0; k < l->np; k++)
		at[k] = find_shape(&l->p[k], sh);
	while (n < MAXBLOCK) {
		size_t next = NOSHAPE;

		for (k = 0; k < l->np; k++) {
			const struct lpage *p = &l->p[k];
			size_t j;

			if (at[k] >= p->pg.nl)
				continue;
			j = next_line(p, at[k]);
			if (j >= p->pg.nl || (next != NOSHAPE && p->sid[j] != next))
				return n;
			next = p->sid[j];
			at[k] = j;
		}
		if (next == NOSHAPE)
			return n;
		shapes[n++] = next;
	}
	return n;
}


/*
 * The candidate pattern of shape SH into C: the line, with the lines that
 * follow it while it has fewer than MINLETTERS letters; 0, or -1 if none
 * is fit (too short).  Other sites' pages are tried on it later.
 */
static int
candidate(struct learner *l, size_t sh, size_t *at, struct cand *c)
{
	size_t shapes[MAXBLOCK], nb = block(l, sh, shapes, at), j, k, n = 0, generic = 0;
	struct rx *re = NULL;

	buf_reset(&l->path);
	buf_adds(&l->path, "(?m)^");
	for (j = 0; j < nb; j++) {
		const struct lpage *p = &l->p[l->s[shapes[j]].page];

		shape_line(page_line(&p->pg, l->s[shapes[j]].line), p->pg.l[l->s[shapes[j]].line].len, &l->b);
		n += letters(l->b.s);
		generic += generic_line(l, page_line(&p->pg, l->s[shapes[j]].line), p->pg.l[l->s[shapes[j]].line].len);
		if (shape_pattern(l, shapes[j], 0, &l->b) < 0)
			return -1;
		if (j > 0)
			buf_adds(&l->path, "\\n(?:[ \\t]*\\n)*");
		buf_adds(&l->path, l->b.s);
		/* A short line alone ("Comments") is too common: the lines after it go with it. */
		if (n >= MINLETTERS || j + 1 == nb)
			break;
	}
	/* Lines default.yaml takes as any site's chrome alone ("Advertisement") find any site. */
	if (n < 4 || generic == (j < nb ? j + 1 : nb))
		return -1;
	buf_adds(&l->path, "$");
	if ((re = learn_compile(l->path.s, 0)) == NULL)
		return -1;
	memset(c, 0, sizeof(*c));
	c->pat = estrdup(l->path.s);
	c->re = re;
	c->shape = sh;
	c->lines = j < nb ? j + 1 : nb;
	c->letters = n;
	c->bottom = learn_at_bottom(&l->s[sh]);
	c->hit = ecalloc(l->np + 1, 1);
	for (k = 0; k < l->np; k++)
		if (learn_hit(re, l->p[k].pg.text.s ? l->p[k].pg.text.s : "", l->p[k].pg.text.len)) {
			c->hit[k] = 1;
			c->pages++;
		}
	return 0;
}

/* Is A a better match than B for the pages not found yet (UNFOUND)? */
static int
better(const struct learner *l, const struct cand *a, const struct cand *b, const unsigned char *unfound)
{
	size_t k, na = 0, nb = 0;

	for (k = 0; k < l->np; k++) {
		na += a->hit[k] && unfound[k];
		nb += b->hit[k] && unfound[k];
	}
	if (na != nb)
		return na > nb;
	if (a->lines != b->lines)
		return a->lines < b->lines;
	return a->letters > b->letters;
}

static void
take_match(struct learner *l, struct cand *c, unsigned char *unfound)
{
	struct found *f;
	size_t k;

	l->match = erealloc(l->match, (l->nmatch + 1) * sizeof(*l->match));
	f = &l->match[l->nmatch++];
	memset(f, 0, sizeof(*f));
	f->shape = c->shape;
	f->pat = c->pat;
	c->pat = NULL;
	c->pages = 0;
	for (k = 0; k < l->np; k++)
		if (c->hit[k])
			unfound[k] = 0;
}

/*
 * The match: lines outside the articles, alone or with the lines that
 * follow them, that no other site's page has.  First the best one found
 * on every page at the top and the best at the bottom (so that a page cut
 * short is still found); then, for pages of another layout not found yet,
 * the one that finds most of them, until none finds more.
 */
#define MAXMATCH 6
static void
make_candidates(struct learner *l)
{
	size_t i;
	size_t *at = ecalloc(l->np + 1, sizeof(*at));
	/* A layout of a fifth of the pages, three at least: fewer may share a teaser headline. */
	unsigned t = (unsigned)l->np / 5 < 3 ? 3 : (unsigned)l->np / 5;

	for (i = 0; i < l->ns; i++) {
		if (l->s[i].pages < t || l->s[i].zpages[Z_IN] > 0)
			continue;
		l->c = erealloc(l->c, (l->nc + 1) * sizeof(*l->c));
		if (candidate(l, i, at, &l->c[l->nc]) == 0)
			l->nc++;
	}
	free(at);
}

/* The match from the candidates no other site's page has (see make_candidates). */
static void
choose_match(struct learner *l)
{
	struct cand *c = l->c;
	size_t nc = l->nc, i, k, best;
	unsigned char *unfound = emalloc(l->np + 1), *all = emalloc(l->np + 1);
	int z;

	memset(unfound, 1, l->np + 1);
	memset(all, 1, l->np + 1);
	for (z = 0; z < 2; z++) {
		best = (size_t)-1;
		for (i = 0; i < nc; i++)
			if (c[i].pat && c[i].pages == l->np && c[i].bottom == z &&
			    (best == (size_t)-1 || better(l, &c[i], &c[best], all)))
				best = i;
		if (best != (size_t)-1)
			take_match(l, &c[best], unfound);
	}
	while (l->nmatch < MAXMATCH) {
		best = (size_t)-1;
		for (i = 0; i < nc; i++)
			if (c[i].pat && (best == (size_t)-1 || better(l, &c[i], &c[best], unfound)))
				best = i;
		if (best == (size_t)-1)
			break;
		for (k = 0; k < l->np && !(c[best].hit[k] && unfound[k]); k++)
			;
		if (k == l->np)
			break;
		take_match(l, &c[best], unfound);
	}
	free(unfound);
	free(all);
}

/* The start for --split: the first line on every page, at one line number on all of them. */
static void
choose_start(struct learner *l)
{
	size_t i, k, sh = (size_t)-1, at = 0;
	struct rx *re;

	if (l->np == 0)
		return;
	for (i = 0; i < l->p[0].pg.nl && sh == (size_t)-1; i++)
		if (l->p[0].sid[i] != NOSHAPE && l->s[l->p[0].sid[i]].pages == l->np &&
		    l->p[0].zone[i] == Z_TOP && shape_pattern(l, l->p[0].sid[i], 0, &l->b) == 0)
			sh = l->p[0].sid[i], at = i;
	if (sh == (size_t)-1)
		return;
	for (k = 1; k < l->np; k++) {
		for (i = 0; i < l->p[k].pg.nl && l->p[k].sid[i] != sh; i++)
			;
		if (i != at) {
			l->start_note = 1;
			break;
		}
	}
	buf_reset(&l->path);
	if (at > 0)
		buf_printf(&l->path, "(?:[^\\n]*\\n){%zu}", at);
	buf_printf(&l->path, "%s(?=\\n|\\z)", l->b.s);
	if ((re = learn_compile(l->path.s, PCRE2_MULTILINE)) == NULL)
		return;
	for (k = 0; k < l->np; k++)
		l->start_pages += learn_hit(re, l->p[k].pg.text.s ? l->p[k].pg.text.s : "", l->p[k].pg.text.len);
	/* Other sites' pages are tried on it as they come (learn_other). */
	l->start_re = re;
	l->start = estrdup(l->path.s);
}

/* Pages that print a line twice in a row. */
static void
count_dedupe(struct learner *l)
{
	size_t k, i;

	for (k = 0; k < l->np; k++) {
		const struct page *pg = &l->p[k].pg;

		for (i = 1; i < pg->nl; i++)
			if (pg->l[i].len > 0 && !text_blank(page_line(pg, i), pg->l[i].len) &&
			    pg->l[i].len == pg->l[i - 1].len &&
			    memcmp(page_line(pg, i), page_line(pg, i - 1), pg->l[i].len) == 0) {
				if (l->dedupe_pages++ == 0) {
					l->dd_page = k;
					l->dd_line = i;
				}
				break;
			}
	}
}

/* The site's pages are all in: their shapes and zones, the match and start candidates. */
static void
prepare(struct learner *l)
{
	if (l->ready)
		return;
	l->ready = 1;
	count_shapes(l);
	find_zones(l);
	make_candidates(l);
	choose_start(l);
}

int
learn_write(struct learner *l, FILE *out)
{
	size_t i;

	prepare(l);
	choose_match(l);
	choose_boxes(l);
	choose_cuts(l);
	choose_drops(l);
	default_rules(l);
	count_dedupe(l);
	/* Tried once with every candidate. */
	if (learn_try_draft(l, 0) < 0)
		return 2;
	/*
	 * default.yaml's rules stay even where they took nothing: a site file
	 * inherits nothing, and they are what catches the page unlike these few
	 * (one cut short before the learned cut's line, a cross-link none of
	 * them had).
	 */
	for (i = 0; i < l->nrule; i++)
		if (l->rule[i].origin == NULL && (l->rule[i].pages == 0 || l->rule[i].inside > 0))
			l->rule[i].dead = 1;
	/* Tried again for the counts of what is left, and once more as it is written. */
	if (learn_try_draft(l, 0) < 0 || learn_try_draft(l, 1) < 0)
		return 2;
	learn_write_draft(out, l, 1);
	if (fflush(out) != 0 || ferror(out))
		return -1;
	return l->nmatch == 0 ? 1 : 0;
}
