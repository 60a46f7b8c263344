/*
 * dateset.c: languages merged into the set the date reader matches
 * against (see date.h, datelang.h): one vocabulary, one class byte for
 * every code point, the orders of all, and the calendars by name.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "datelang.h"
#include "util.h"

/* The set's index of calendar KEY, added when new; -1 when the set has too many. */
static int
set_calendar(struct dateset *ds, const char *key)
{
	size_t i;

	for (i = 0; i < ds->ncal; i++)
		if (strcmp(ds->cal[i].key, key) == 0)
			return (int)i;
	if (ds->ncal == MAXCAL)
		return -1;
	ds->cal[ds->ncal].key = key;
	ds->cal[ds->ncal].cal.name = key;
	ds->cal[ds->ncal].convert = 1;
	return (int)ds->ncal++;
}

struct dateset *
dateset_new(struct datelang *const *langs, size_t n)
{
	struct dateset *ds = ecalloc(1, sizeof(*ds));
	size_t i, j, k, nw = 0;
	int32_t cp;

	ds->cal[0].key = "gregorian";
	ds->cal[0].cal.name = "Gregorian";
	ds->cal[0].convert = 1;
	ds->ncal = 1;

	/*
	 * The calendars, by name: the first language that gives a table
	 * gives the table and the name, the first that names the months
	 * the names for messages.
	 */
	for (i = 0; i < n; i++)
		for (j = 0; j < langs[i]->ncal; j++) {
			const struct langcal *lc = &langs[i]->cal[j];
			int s = set_calendar(ds, lc->key);

			if (s < 0)
				continue;
			if (lc->np > 0 && ds->cal[s].cal.np == 0) {
				ds->cal[s].cal.p = lc->p;
				ds->cal[s].cal.np = lc->np;
				ds->cal[s].cal.name = lc->name ? lc->name : lc->key;
				ds->cal[s].convert = lc->convert;
			}
			if (ds->cal[s].mname[1] == NULL && lc->mname[1] != NULL)
				for (k = 1; k <= CAL_MONTHS; k++)
					ds->cal[s].mname[k] = lc->mname[k];
		}
	/*
	 * The words, the first language that defines one giving its
	 * meaning; each a copy whose calendar is the set's number for it.
	 */
	for (i = 0; i < n; i++)
		nw += langs[i]->nw;
	ds->w = ecalloc(nw ? nw : 1, sizeof(*ds->w));
	hmap_reserve(&ds->words, nw);
	nw = 0;
	for (i = 0; i < n; i++)
		for (j = 0; j < langs[i]->nw; j++) {
			struct word *w = &ds->w[nw];

			*w = langs[i]->w[j];
			if (w->kind == K_MONTH || (w->kind == K_ERA && w->a >= 0)) {
				int s = set_calendar(ds, langs[i]->cal[w->kind == K_MONTH ? w->b : w->a].key);

				if (s < 0)
					continue;	/* a calendar past the set's room: its words are not known */
				*(w->kind == K_MONTH ? &w->b : &w->a) = s;
			}
			if (hmap_put(&ds->words, w->key, strlen(w->key), w)) {
				const char *sp;

				/* A name of more words: its first words lead the tokenizer on. */
				for (sp = strchr(w->key, ' '); sp; sp = strchr(sp + 1, ' ')) {
					hmap_put(&ds->heads, w->key, (size_t)(sp - w->key), w);
					ds->headlen |= 1ULL << (sp - w->key);
				}
				nw++;
			}
		}
	/*
	 * One class byte for every BMP code point, so the tokenizer never
	 * asks Unicode tables about a character twice.  The byte is the class
	 * + 1, and 0 until the character is first met (date.c): working out
	 * all 65,536 at once was a third of extract-meta's start-up, and most
	 * of them never appear.  ASCII and the languages' own characters are
	 * set now.
	 */
	ds->cls = ezpages(0x10000);
	for (cp = 0; cp < 0x80; cp++)
		ds->cls[cp] = (unsigned char)(datelang_class(cp) + 1);
	ds->cls['\n'] = '|' + 1;	/* a line break ends a sentence, like the dari */
	for (i = n; i-- > 0;) {
		for (j = 0; j < langs[i]->ndig; j++)
			if (langs[i]->dig[j].cp < 0x10000)
				ds->cls[langs[i]->dig[j].cp] = (unsigned char)(C_DIGIT0 + langs[i]->dig[j].v + 1);
		for (j = 0; j < langs[i]->ncolon; j++)
			if (langs[i]->colon[j] < 0x10000)
				ds->cls[langs[i]->colon[j]] = ':' + 1;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < langs[i]->norder; j++) {
			for (k = 0; k < ds->norder; k++)
				if (strcmp(ds->order[k], langs[i]->order[j]) == 0)
					break;
			if (k == ds->norder && ds->norder < sizeof(ds->order) / sizeof(ds->order[0]))
				memcpy(ds->order[ds->norder++], langs[i]->order[j], 8);
		}
		if (ds->wdname[1] == NULL && langs[i]->wdname[1] != NULL)
			for (k = 1; k <= 7; k++)
				ds->wdname[k] = langs[i]->wdname[k];
	}
	return ds;
}

void
dateset_free(struct dateset *ds)
{
	if (ds == NULL)
		return;
	if (ds->borrowed) {
		free(ds);
		return;
	}
	hmap_free(&ds->words);
	hmap_free(&ds->heads);
	free(ds->w);
	zfree(ds->cls, 0x10000);
	free(ds);
}

const char *
dateset_calendar(const struct dateset *ds, int cal, int *convert)
{
	if (cal < 0 || (size_t)cal >= ds->ncal)
		return NULL;
	*convert = cal == 0 || ds->cal[cal].convert;
	return cal == 0 ? "gregorian" : ds->cal[cal].key;
}

struct dateset *
dateset_dup(const struct dateset *ds)
{
	struct dateset *d = emalloc(sizeof(*d));

	*d = *ds;
	d->borrowed = 1;
	return d;
}

void
dateset_convert_all(struct dateset *ds)
{
	size_t i;

	for (i = 0; i < ds->ncal; i++)
		ds->cal[i].convert = 1;
}
