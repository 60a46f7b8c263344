/* tally.c: records per site, field coverage, warnings and errors by kind (see tally.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "tally.h"
#include "text.h"

/* Counts by name, in the order the names were first seen. */
struct counts {
	struct count {
		char *key;	/* owned; also the key in idx */
		unsigned long n;
	} *c;
	size_t n, cap;
	struct hmap idx;	/* key -> index + 1 */
};

struct sitecount {
	char *name;		/* owned; also the key in tally.idx */
	unsigned long records;
	struct counts fields;
};

struct tally {
	struct sitecount **site;
	size_t nsites;
	struct hmap idx;	/* site name -> struct sitecount */
	struct counts kinds;	/* "warning: ..." and "error: ..." by kind */
	struct hmap seen;	/* header names already counted in this record */
	struct buf kind;
};

static void
count(struct counts *cs, const char *key, size_t len)
{
	size_t i = (size_t)(uintptr_t)hmap_get(&cs->idx, key, len);

	if (i > 0) {
		cs->c[i - 1].n++;
		return;
	}
	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? 2 * cs->cap : 16;
		cs->c = erealloc(cs->c, cs->cap * sizeof(*cs->c));
	}
	cs->c[cs->n].key = estrndup(key, len);
	cs->c[cs->n].n = 1;
	cs->n++;
	hmap_put(&cs->idx, cs->c[cs->n - 1].key, len, (void *)(uintptr_t)cs->n);
}

static void
counts_free(struct counts *cs)
{
	size_t i;

	for (i = 0; i < cs->n; i++)
		free(cs->c[i].key);
	free(cs->c);
	hmap_free(&cs->idx);
}

struct tally *
tally_new(void)
{
	return ecalloc(1, sizeof(struct tally));
}

void
tally_free(struct tally *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nsites; i++) {
		counts_free(&t->site[i]->fields);
		free(t->site[i]->name);
		free(t->site[i]);
	}
	free(t->site);
	hmap_free(&t->idx);
	counts_free(&t->kinds);
	hmap_free(&t->seen);
	buf_free(&t->kind);
	free(t);
}

/* The kind of a warning or error: its text before any quoted input. */
static void
kind_of(const char *name, const char *v, struct buf *out)
{
	const char *q = strchr(v, '"');
	size_t len = q ? (size_t)(q - v) : strlen(v);

	buf_reset(out);
	buf_printf(out, "%s: ", name);
	if (len > 70)
		len = 70;
	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == ':'))
		len--;
	buf_add(out, v, len);
}

static struct sitecount *
site_of(struct tally *t, const char *name)
{
	size_t len = strlen(name);
	struct sitecount *s = hmap_get(&t->idx, name, len);

	if (s == NULL) {
		s = ecalloc(1, sizeof(*s));
		s->name = estrdup(name);
		t->site = erealloc(t->site, (t->nsites + 1) * sizeof(*t->site));
		t->site[t->nsites++] = s;
		hmap_put(&t->idx, s->name, len, s);
	}
	return s;
}

void
tally_add(struct tally *t, const struct record *rec)
{
	const char *site = record_get(rec, "site");
	struct sitecount *s = site_of(t, site ? site : "(none)");
	size_t i;

	s->records++;
	hmap_clear(&t->seen);
	for (i = 0; i < rec->nf; i++) {
		const char *name = rec->f[i].name;
		size_t len = strlen(name);

		if (strcmp(name, "warning") == 0 || strcmp(name, "error") == 0) {
			kind_of(name, rec->f[i].value, &t->kind);
			count(&t->kinds, t->kind.s, t->kind.len);
		}
		if (hmap_put(&t->seen, name, len, NULL))
			count(&s->fields, name, len);
	}
	if (rec->body.len > 1)
		count(&s->fields, "text", 4);
}

void
tally_print(const struct tally *t, FILE *fp)
{
	size_t i, j, w = 24, kw = 40;

	/* Columns as wide as the longest name, so the counts line up whatever the names. */
	for (i = 0; i < t->nsites; i++)
		for (j = 0; j < t->site[i]->fields.n; j++)
			if (strlen(t->site[i]->fields.c[j].key) > w)
				w = strlen(t->site[i]->fields.c[j].key);
	for (i = 0; i < t->kinds.n; i++)
		if (text_chars(t->kinds.c[i].key, strlen(t->kinds.c[i].key)) > kw)
			kw = text_chars(t->kinds.c[i].key, strlen(t->kinds.c[i].key));
	for (i = 0; i < t->nsites; i++) {
		const struct sitecount *s = t->site[i];

		fprintf(fp, "\nsite %-20s %8lu records\n", s->name, s->records);
		fprintf(fp, "  %-*s %8s %7s\n", (int)w, "field", "records", "share");
		for (j = 0; j < s->fields.n; j++)
			fprintf(fp, "  %-*s %8lu %6.1f%%\n", (int)w, s->fields.c[j].key, s->fields.c[j].n,
			    100.0 * (double)s->fields.c[j].n / (double)s->records);
	}
	fprintf(fp, "\n%-*s %8s\n", (int)kw + 2, "warnings and errors by kind", "records");
	if (t->kinds.n == 0)
		fprintf(fp, "  (none)\n");
	for (i = 0; i < t->kinds.n; i++) {
		const struct count *k = &t->kinds.c[i];
		size_t pad = kw - text_chars(k->key, strlen(k->key));

		/* Pad by characters, not bytes: the kinds may be Bengali. */
		fprintf(fp, "  %s%*s %8lu\n", k->key, (int)pad, "", k->n);
	}
}
