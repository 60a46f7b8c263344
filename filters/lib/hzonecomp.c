/*
 * hzonecomp.c: compile a site's "reader:" section (see hzone.h and
 * khobor-rules(5), READER) into the hzoneset hzone.c runs: its numbers,
 * its patterns (each named SITE/reader.KEY[I] for messages), the page
 * zones' patterns, and the site's date languages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "hzone.h"
#include "hzonerule.h"
#include "rx.h"
#include "util.h"

static const char *const hzone_keys[] = {
	"zone", "paragraph_words", "title_words", "published", "updated", "edition", "hijri",
	"byline", "chrome", "clock", "dateline", "keep", "page_zone", "lead_zone", "headline_words", "prefix", "signoff", "ticker", "not_headline", "not_name", "sentence_end", "post_words", "visarga_prefixes", "post_date_over_title", "name_prefixes", "name_abbreviations", "photo_words", "placeholder_dates", NULL
};

static struct rx *
one(const struct site *s, const struct yml *sec, const char *key)
{
	const struct yml *n = yml_get(sec, key);
	struct buf name = {0};
	struct rx *re;

	if (n == NULL)
		return NULL;
	buf_printf(&name, "%s/reader.%s", s->name, key);
	re = yml_want(s->doc, n, YML_SCALAR, key) == 0 ? rx_compile(s->doc, n, name.s, 0) : NULL;
	buf_free(&name);
	return re;
}

static void
many(const struct site *s, const struct yml *sec, const char *key, struct pats *p)
{
	const struct yml *n = yml_get(sec, key), **items;
	size_t i, nitems;

	if (n == NULL || yml_strlist(s->doc, n, &items, &nitems, key) != 0)
		return;
	p->re = ecalloc(nitems, sizeof(*p->re));
	for (i = 0; i < nitems; i++) {
		struct buf name = {0};
		char num[24];
		int k = (int)sizeof(num);
		size_t v = i;

		/* "SITE/reader.KEY[I]", not by buf_printf: 76 of them were 5% of a start. */
		buf_adds(&name, s->name);
		buf_adds(&name, "/reader.");
		buf_adds(&name, key);
		num[--k] = ']';
		do
			num[--k] = (char)('0' + v % 10);
		while ((v /= 10) > 0);
		num[--k] = '[';
		buf_add(&name, num + k, sizeof(num) - (size_t)k);
		if ((p->re[p->n] = rx_compile(s->doc, items[i], name.s, 0)) != NULL)
			p->n++;
		buf_free(&name);
	}
	free(items);
}

static void
free_pats(struct pats *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		rx_free(p->re[i]);
	free(p->re);
}

/* KEY of SEC, a list of single words, into *W and *NW (pointing into the rules' text). */
static void
words(const struct site *s, const struct yml *sec, const char *key, const char ***w, size_t *nw)
{
	const struct yml *n = yml_get(sec, key), **items;
	size_t i, nitems;

	if (n == NULL || yml_strlist(s->doc, n, &items, &nitems, key) != 0)
		return;
	*w = ecalloc(nitems ? nitems : 1, sizeof(**w));
	for (i = 0; i < nitems; i++)
		if (items[i]->str[0] == '\0' || strchr(items[i]->str, ' ') != NULL)
			yml_error(s->doc, items[i], "%s: one word each, not '%s'", key, items[i]->str);
		else
			(*w)[(*nw)++] = items[i]->str;
	free(items);
}

/* KEY of SEC, a map of time zones to patterns: those of zone NAMES[i] in PATS[i]. */
static void
zones(const struct site *s, const struct yml *sec, const char *key, struct pats **pats, const char ***names, size_t *nz)
{
	const struct yml *n = yml_get(sec, key);
	char what[32];
	size_t i, np;

	snprintf(what, sizeof(what), "'%s'", key);
	if (n == NULL || yml_want(s->doc, n, YML_MAP, what) != 0)
		return;
	np = yml_npairs(n);
	*pats = ecalloc(np ? np : 1, sizeof(**pats));
	*names = ecalloc(np ? np : 1, sizeof(**names));
	for (i = 0; i < np; i++) {
		const struct yml *k = yml_key(n, i);

		if (k->str == NULL || datezone_get(k->str) == NULL) {
			yml_error(s->doc, k, "%s: no time zone '%s' in the tz database", key, k->str ? k->str : "");
			continue;
		}
		(*names)[*nz] = k->str;
		many(s, n, k->str, &(*pats)[(*nz)++]);
	}
}

/* The date languages of S, from DIR/dates/LANG.yaml. */
static int
load_langs(struct hzoneset *rs, const struct site *s, const char *dir)
{
	if ((rs->langs = datelang_load_all(dir, s->langs, s->nlangs)) == NULL)
		return -1;
	rs->nlangs = s->nlangs;
	if (rs->nlangs == 0) {
		yml_error(s->doc, s->root, "the reader needs the site's date languages ('lang')");
		return -1;
	}
	rs->ds = dateset_new(rs->langs, rs->nlangs);
	/* The same words, every calendar converted: its tables are rs->ds's (freed after it). */
	rs->tab = dateset_dup(rs->ds);
	dateset_convert_all(rs->tab);
	rs->tz = datezone_get(s->zone ? s->zone : "Asia/Dhaka");
	return 0;
}

struct hzoneset *
hzone_compile(const struct site *s, const char *rulesdir, int *none)
{
	const struct yml *sec = rules_section(s, "reader");
	unsigned before = yml_nerrors;
	struct hzoneset *rs;
	const struct yml *n;
	size_t i;

	*none = sec == NULL;
	if (sec == NULL)
		return NULL;
	if (yml_want(s->doc, sec, YML_MAP, "'reader'") != 0)
		return NULL;
	yml_keys(s->doc, sec, hzone_keys, "the reader");
	rs = ecalloc(1, sizeof(*rs));
	rs->site = s;
	rs->zone = 40;
	rs->para_words = 14;
	rs->title_words = 2;
	if ((n = yml_get(sec, "zone")) != NULL)
		yml_uint(s->doc, n, 1, 1000, &rs->zone);
	if ((n = yml_get(sec, "paragraph_words")) != NULL)
		yml_uint(s->doc, n, 2, 1000, &rs->para_words);
	if ((n = yml_get(sec, "title_words")) != NULL)
		yml_uint(s->doc, n, 1, 100, &rs->title_words);
	rs->headline_words = 1;
	if ((n = yml_get(sec, "headline_words")) != NULL)
		yml_uint(s->doc, n, 1, 100, &rs->headline_words);
	rs->published = one(s, sec, "published");
	rs->updated = one(s, sec, "updated");
	rs->edition = one(s, sec, "edition");
	rs->hijri = one(s, sec, "hijri");
	many(s, sec, "byline", &rs->byline);
	many(s, sec, "chrome", &rs->chrome);
	many(s, sec, "clock", &rs->clock);
	many(s, sec, "dateline", &rs->dateline);
	many(s, sec, "keep", &rs->keep);
	many(s, sec, "prefix", &rs->prefix);
	many(s, sec, "signoff", &rs->signoff);
	many(s, sec, "ticker", &rs->ticker);
	many(s, sec, "not_headline", &rs->not_headline);
	many(s, sec, "not_name", &rs->not_name);
	many(s, sec, "sentence_end", &rs->sentence_end);
	words(s, sec, "post_words", &rs->posts, &rs->nposts);
	words(s, sec, "visarga_prefixes", &rs->vprefixes, &rs->nvprefixes);
	words(s, sec, "post_date_over_title", &rs->postplat, &rs->npostplat);
	words(s, sec, "name_prefixes", &rs->nprefixes, &rs->nnprefixes);
	words(s, sec, "name_abbreviations", &rs->nabbrevs, &rs->nnabbrevs);
	for (i = 0; i < rs->nnabbrevs; i++)
		if (strlen(rs->nabbrevs[i]) > rs->abbrevmax)
			rs->abbrevmax = strlen(rs->nabbrevs[i]);
	words(s, sec, "photo_words", &rs->photos, &rs->nphotos);
	words(s, sec, "placeholder_dates", &rs->holders, &rs->nholders);
	zones(s, sec, "page_zone", &rs->zpats, &rs->znames, &rs->nz);
	zones(s, sec, "lead_zone", &rs->lzpats, &rs->lznames, &rs->nlz);
	if (rs->published == NULL && yml_get(sec, "published") == NULL && yml_meant(sec, hzone_keys, "published") == NULL)
		yml_error(s->doc, sec, "the reader needs 'published', the pattern of a labelled publication time");
	if (load_langs(rs, s, rulesdir) != 0 || yml_nerrors != before) {
		hzone_free(rs);
		return NULL;
	}
	return rs;
}

void
hzone_free(struct hzoneset *rs)
{
	size_t i;

	if (rs == NULL)
		return;
	rx_free(rs->published);
	rx_free(rs->updated);
	rx_free(rs->edition);
	rx_free(rs->hijri);
	free_pats(&rs->byline);
	free_pats(&rs->chrome);
	free_pats(&rs->clock);
	free_pats(&rs->dateline);
	free_pats(&rs->keep);
	free_pats(&rs->prefix);
	free_pats(&rs->signoff);
	free_pats(&rs->ticker);
	free_pats(&rs->not_headline);
	free_pats(&rs->not_name);
	free_pats(&rs->sentence_end);
	free(rs->posts);
	free(rs->vprefixes);
	free(rs->postplat);
	free(rs->nprefixes);
	free(rs->nabbrevs);
	free(rs->photos);
	free(rs->holders);
	for (i = 0; i < rs->nz; i++)
		free_pats(&rs->zpats[i]);
	free(rs->zpats);
	free(rs->znames);
	for (i = 0; i < rs->nlz; i++)
		free_pats(&rs->lzpats[i]);
	free(rs->lzpats);
	free(rs->lznames);
	dateset_free(rs->tab);
	dateset_free(rs->ds);
	datelang_free_all(rs->langs, rs->nlangs);
	free(rs);
}
