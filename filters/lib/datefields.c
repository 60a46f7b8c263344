/*
 * datefields.c: the engine of normalize-date (see datefields.h): the
 * registry of date languages, the merged sets built once for each list of
 * languages sites use, a site's date settings compiled, and the rewriting
 * of a record's date headers.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "datefields.h"
#include "datelang.h"
#include "text.h"
#include "util.h"
#include "yml.h"

#define MAXLANGS 16		/* languages a site or -l may list */

struct lang {
	char *name;
	struct datelang *l;
};

struct setentry {
	char *key;		/* "bn,en" */
	struct dateset *ds;
};

struct datesite {
	struct dateset *ds;	/* shared: the registry owns the sets */
	struct datezone *zone;
	char *how;		/* "bn,en in Asia/Dhaka" */
	char **fields;		/* the site's extra date headers */
	size_t nfields;
	char *warning;		/* said on every record of the site, or NULL */
	int shared;		/* the registry's fallback: datefields_site_free() leaves it */
	int zone_forced;	/* -z: a record's page_zone does not change it */
};

struct datefields {
	char *dir;		/* RULES/dates */
	struct lang *langs;	/* sorted by name */
	size_t nlangs;
	struct setentry *sets;
	size_t nsets;
	int force_langs, force_zone;	/* -l, -z */
	struct datelang *deflangs[MAXLANGS];	/* the fallback's languages, for a site without 'lang' */
	size_t ndeflangs;
	struct datesite fallback;
};

/* A failed date header, for the warnings that follow the rewriting. */
struct baddate {
	size_t i;		/* where the header is once the record is rewritten */
	struct date_result r;
};

#define MAXBAD 8

struct datework {
	struct buf scratch, quoted, body;
	size_t *todo;		/* the headers to read, in order */
	size_t ntodo, captodo;
	struct baddate bad[MAXBAD];
};

static const char *const standard_fields[] = { "published", "updated", "page_date", NULL };

/* ---------------------------------------------------------------- */
/* The languages and their sets                                       */

static int
by_lang_name(const void *a, const void *b)
{
	return strcmp(((const struct lang *)a)->name, ((const struct lang *)b)->name);
}

/* Every language file of the directory; -1 after messages. */
static int
load_languages(struct datefields *df)
{
	DIR *d = opendir(df->dir);
	struct dirent *de;
	struct buf file = {0};
	size_t cap = 0, i;
	int bad = 0;

	if (d == NULL) {
		warnx("%s: no date languages (%s)", df->dir, "the rules directory has no dates/");
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);

		if (len <= 5 || de->d_name[0] == '.' || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		if (df->nlangs == cap) {
			cap = cap ? cap * 2 : 8;
			df->langs = erealloc(df->langs, cap * sizeof(*df->langs));
		}
		df->langs[df->nlangs].name = estrndup(de->d_name, len - 5);
		df->langs[df->nlangs++].l = NULL;
	}
	closedir(d);
	qsort(df->langs, df->nlangs, sizeof(*df->langs), by_lang_name);
	for (i = 0; i < df->nlangs; i++) {
		buf_reset(&file);
		buf_printf(&file, "%s/%s.yaml", df->dir, df->langs[i].name);
		if ((df->langs[i].l = datelang_load(file.s, df->langs[i].name)) == NULL)
			bad = 1;
	}
	buf_free(&file);
	if (bad) {
		warnx("date language rules have errors; nothing was read");
		return -1;
	}
	return 0;
}

/* Every calendar a language names must have its table in some file of the directory. */
static int
check_calendars(const struct datefields *df)
{
	size_t i, j, k, m;
	int bad = 0;

	for (i = 0; i < df->nlangs; i++)
		for (j = 1; j < df->langs[i].l->ncal; j++) {
			const struct langcal *lc = &df->langs[i].l->cal[j];
			int found = 0;

			for (k = 0; k < df->nlangs && !found; k++)
				for (m = 1; m < df->langs[k].l->ncal && !found; m++)
					found = strcmp(df->langs[k].l->cal[m].key, lc->key) == 0 &&
					    df->langs[k].l->cal[m].np > 0;
			if (!found) {
				warnx("%s:%u:%u: calendar '%s' has no table: no file in %s gives its 'periods'",
				    df->langs[i].l->file, lc->line, lc->col, lc->key, df->dir);
				bad = 1;
			}
		}
	return bad ? -1 : 0;
}

static struct datelang *
find_language(const struct datefields *df, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < df->nlangs; i++)
		if (strncmp(df->langs[i].name, name, len) == 0 && df->langs[i].name[len] == '\0')
			return df->langs[i].l;
	return NULL;
}

/*
 * The merged set for a list of languages, with the calendars KEPT (the
 * site's 'keep_raw') marked as never converted, built once per distinct
 * list: "bn,en" or "bn,en keep_raw=bangla".
 */
static struct setentry *
get_set(struct datefields *df, struct datelang **l, size_t n, const struct yml **kept, size_t nkept)
{
	struct buf key = {0};
	struct dateset *ds;
	size_t i, j;

	for (i = 0; i < n; i++)
		buf_printf(&key, "%s%s", i ? "," : "", datelang_name(l[i]));
	for (i = 0; i < nkept; i++)
		buf_printf(&key, "%s%s", i ? "," : " keep_raw=", kept[i]->str);
	for (i = 0; i < df->nsets; i++)
		if (strcmp(df->sets[i].key, key.s) == 0) {
			buf_free(&key);
			return &df->sets[i];
		}
	ds = dateset_new(l, n);
	for (i = 0; i < nkept; i++)
		for (j = 1; j < ds->ncal; j++)
			if (strcmp(ds->cal[j].key, kept[i]->str) == 0)
				ds->cal[j].kept = 1;
	df->sets = erealloc(df->sets, (df->nsets + 1) * sizeof(*df->sets));
	df->sets[df->nsets].key = key.s;
	df->sets[df->nsets].ds = ds;
	return &df->sets[df->nsets++];
}

static char *
how(const char *langs, const struct datezone *z)
{
	struct buf b = {0};

	buf_printf(&b, "%s in %s", langs, datezone_name(z));
	return b.s;
}

/* ---------------------------------------------------------------- */
/* Opening                                                            */

void
datefields_free(struct datefields *df)
{
	size_t i;

	if (df == NULL)
		return;
	for (i = 0; i < df->nsets; i++) {
		dateset_free(df->sets[i].ds);
		free(df->sets[i].key);
	}
	free(df->sets);
	for (i = 0; i < df->nlangs; i++) {
		datelang_free(df->langs[i].l);
		free(df->langs[i].name);
	}
	free(df->langs);
	free(df->fallback.how);
	free(df->dir);
	free(df);
}

struct datefields *
datefields_open(const struct rules *r, const char *langs, const char *zone)
{
	struct datefields *df = ecalloc(1, sizeof(*df));
	const char *list = langs ? langs : DATEFIELDS_LANGS, *what = langs ? "-l" : "fallback languages";
	const char *p = list;
	struct datelang *l[MAXLANGS];
	size_t n = 0;

	df->dir = rules_path(r->dir, "dates");
	df->force_langs = langs != NULL;
	df->force_zone = zone != NULL;
	df->fallback.zone_forced = df->force_zone;
	df->fallback.shared = 1;
	if (load_languages(df) < 0 || check_calendars(df) < 0)
		goto fail;
	while (*p) {
		size_t len = strcspn(p, ",");

		if (len > 0) {
			if (n == MAXLANGS) {
				warnx("%s: at most %d languages", what, MAXLANGS);
				goto fail;
			}
			if ((l[n] = find_language(df, p, len)) == NULL) {
				warnx("%s: no date language '%.*s' (there is no %s/dates/%.*s.yaml)", what, (int)len, p,
				    r->dir, (int)len, p);
				goto fail;
			}
			n++;
		}
		p += len + (p[len] == ',');
	}
	if (n == 0) {
		warnx("%s: give at least one language, such as bn", what);
		goto fail;
	}
	df->fallback.ds = get_set(df, l, n, NULL, 0)->ds;
	memcpy(df->deflangs, l, n * sizeof(*l));
	df->ndeflangs = n;
	zone = zone ? zone : DATEFIELDS_ZONE;
	if ((df->fallback.zone = datezone_get(zone)) == NULL) {
		warnx("%s: no such time zone in the tz database (is tzdata installed?)", zone);
		goto fail;
	}
	df->fallback.how = how(df->sets[0].key, df->fallback.zone);
	return df;
fail:
	datefields_free(df);
	return NULL;
}

/* ---------------------------------------------------------------- */
/* A site's settings                                                  */

struct datesite *
datefields_fallback(struct datefields *df)
{
	return &df->fallback;
}

int
datefields_broken(const struct datesite *sd)
{
	return sd->warning != NULL;
}

const char *
datefields_how(const struct datesite *sd)
{
	return sd->how;
}

void
datefields_site_free(struct datesite *sd)
{
	size_t i;

	if (sd == NULL || sd->shared)
		return;
	for (i = 0; i < sd->nfields; i++)
		free(sd->fields[i]);
	free(sd->fields);
	free(sd->warning);
	free(sd->how);
	free(sd);
}

static struct datesite *
site_new(const struct datefields *df)
{
	struct datesite *sd = ecalloc(1, sizeof(*sd));

	sd->ds = df->fallback.ds;
	sd->zone = df->fallback.zone;
	sd->zone_forced = df->force_zone;
	return sd;
}

/* The fallback's settings, with a warning for every record of the site. */
static struct datesite *
broken_site(const struct datefields *df, const struct site *s, const char *why)
{
	struct datesite *sd = site_new(df);
	struct buf b = {0};

	sd->how = estrdup(df->fallback.how);
	buf_printf(&b, "site '%s': %s; dates read as %s", s->name, why, sd->how);
	sd->warning = b.s;
	return sd;
}

/* The 'dates' key: a list of extra header names that hold dates. */
static int
site_fields(struct site *s, struct datesite *sd)
{
	const struct yml *n = rules_section(s, "dates"), **items;
	size_t i, j, ni;
	unsigned before = yml_nerrors;

	if (n == NULL)
		return 0;
	if (yml_strlist(s->doc, n, &items, &ni, "'dates'") < 0)
		return -1;
	sd->fields = ecalloc(ni, sizeof(*sd->fields));
	for (i = 0; i < ni; i++) {
		const struct yml *it = items[i];

		if (!record_name_ok(it->str, it->len)) {
			yml_error(s->doc, it, "'%s' is not a header name ([a-z][a-z0-9_]*)", it->str);
			continue;
		}
		if (it->len > 4 && strcmp(it->str + it->len - 4, "_raw") == 0) {
			yml_error(s->doc, it, "'%s' ends in _raw, which normalize-date writes itself", it->str);
			continue;
		}
		for (j = 0; standard_fields[j]; j++)
			if (strcmp(standard_fields[j], it->str) == 0)
				yml_error(s->doc, it, "'%s' is always a date; list only other headers", it->str);
		for (j = 0; j < sd->nfields; j++)
			if (strcmp(sd->fields[j], it->str) == 0)
				yml_error(s->doc, it, "'%s' is listed twice", it->str);
		sd->fields[sd->nfields++] = estrdup(it->str);
	}
	free(items);
	return yml_nerrors == before ? 0 : -1;
}

/*
 * The 'keep_raw' key: calendars whose dates the site prints by another
 * reckoning than the table in rules/dates (West Bengal's Bangla calendar
 * follows the sun; bn.yaml has Bangladesh's revised one).  Each must be
 * a calendar the site's languages know, and not the Gregorian one.
 */
static int
site_kept(struct site *s, struct datelang **l, size_t n, const struct yml ***kept, size_t *nkept)
{
	const struct yml *k = rules_section(s, "keep_raw");
	struct dateset *ds;
	size_t i, j;
	unsigned before = yml_nerrors;

	*kept = NULL;
	*nkept = 0;
	if (k == NULL)
		return 0;
	if (yml_strlist(s->doc, k, kept, nkept, "'keep_raw'") < 0)
		return -1;
	ds = dateset_new(l, n);
	for (i = 0; i < *nkept; i++) {
		const struct yml *it = (*kept)[i];

		for (j = 1; j < ds->ncal && strcmp(ds->cal[j].key, it->str) != 0; j++)
			;
		if (strcmp(it->str, "gregorian") == 0)
			yml_error(s->doc, it, "'gregorian' is the calendar dates are written in; it cannot be kept raw");
		else if (j == ds->ncal)
			yml_error(s->doc, it, "no calendar '%s' in the site's date languages", it->str);
		for (j = 0; j < i; j++)
			if (strcmp((*kept)[j]->str, it->str) == 0)
				yml_error(s->doc, it, "'%s' is listed twice", it->str);
	}
	dateset_free(ds);
	return yml_nerrors == before ? 0 : -1;
}

struct datesite *
datefields_site(struct datefields *df, struct rules *r, struct site *s)
{
	struct datesite *sd;
	struct datelang *l[MAXLANGS];
	const struct yml **kept = NULL;
	const char *langs;
	size_t i, n = 0, nkept = 0;
	int bad = 0;

	if (s == &r->deflt && access(s->file, F_OK) != 0)
		return &df->fallback;
	if (rules_load(r, s) < 0)
		return broken_site(df, s, "its rules file has errors (see the messages on standard error)");
	sd = site_new(df);
	langs = df->sets[0].key;
	if (!df->force_langs && s->nlangs > 0) {
		if (s->nlangs > MAXLANGS) {
			yml_error(s->doc, s->langs[MAXLANGS], "at most %d languages", MAXLANGS);
			bad = 1;
		}
		for (i = 0; i < s->nlangs && i < MAXLANGS; i++)
			if ((l[i] = find_language(df, s->langs[i]->str, s->langs[i]->len)) == NULL) {
				yml_error(s->doc, s->langs[i], "no date language '%s': there is no %s/%s.yaml",
				    s->langs[i]->str, df->dir, s->langs[i]->str);
				bad = 1;
			}
		n = s->nlangs;
	}
	if (n == 0) {
		memcpy(l, df->deflangs, df->ndeflangs * sizeof(*l));
		n = df->ndeflangs;
	}
	if (!bad && site_kept(s, l, n, &kept, &nkept) < 0)
		bad = 1;
	if (!bad && (n != df->ndeflangs || memcmp(l, df->deflangs, n * sizeof(*l)) != 0 || nkept > 0)) {
		struct setentry *se = get_set(df, l, n, kept, nkept);

		sd->ds = se->ds;
		langs = se->key;
	}
	free(kept);
	if (!df->force_zone && rules_section(s, "zone") != NULL) {
		if ((sd->zone = datezone_get(s->zone)) == NULL) {
			yml_error(s->doc, rules_section(s, "zone"), "no time zone '%s' in the tz database "
			    "(is tzdata installed?)", s->zone);
			bad = 1;
		}
	}
	if (site_fields(s, sd) < 0)
		bad = 1;
	if (bad) {
		datefields_site_free(sd);
		return broken_site(df, s, "its date settings have errors (see the messages on standard error)");
	}
	sd->how = how(langs, sd->zone);
	return sd;
}

/* ---------------------------------------------------------------- */
/* A record                                                           */

struct datework *
datefields_work_new(void)
{
	return ecalloc(1, sizeof(struct datework));
}

void
datefields_work_free(struct datework *w)
{
	if (w == NULL)
		return;
	buf_free(&w->scratch);
	buf_free(&w->quoted);
	buf_free(&w->body);
	free(w->todo);
	free(w);
}

static int
is_date_field(const struct datesite *sd, const char *name)
{
	size_t i;

	for (i = 0; standard_fields[i]; i++)
		if (strcmp(standard_fields[i], name) == 0)
			return 1;
	for (i = 0; i < sd->nfields; i++)
		if (strcmp(sd->fields[i], name) == 0)
			return 1;
	return 0;
}

static int
ends_in_raw(const char *name)
{
	size_t l = strlen(name);

	return l > 4 && memcmp(name + l - 4, "_raw", 4) == 0;
}

/* Has REC a header NAME_raw? */
static int
has_raw(const struct record *rec, const char *name)
{
	size_t i, len = strlen(name);

	for (i = 0; i < rec->nf; i++)
		if (strncmp(rec->f[i].name, name, len) == 0 && strcmp(rec->f[i].name + len, "_raw") == 0)
			return 1;
	return 0;
}

/* Quote at most 200 bytes of printed text for a warning, cut on a character boundary. */
static const char *
quote(struct datework *w, const char *s, size_t n)
{
	buf_reset(&w->quoted);
	if (n > 200) {
		buf_add(&w->quoted, s, text_utf8_floor(s, 200));
		buf_adds(&w->quoted, "...");
	} else {
		buf_add(&w->quoted, s, n);
	}
	return w->quoted.s;
}

static void
warn_date(struct datework *w, struct record *rec, const char *field, const char *raw,
    const struct date_result *r)
{
	const char *q = quote(w, raw, strlen(raw));

	if (r->status == DATE_WEEKDAY)
		record_warning(rec, "%s: weekday contradicts the date in \"%s\": %s", field, q, r->why);
	else if (r->status == DATE_MISMATCH)
		record_warning(rec, "%s: calendars disagree in \"%s\": %s", field, q, r->why);
	else if (r->why[0])
		record_warning(rec, "%s: cannot read \"%s\": %s", field, q, r->why);
	else
		record_warning(rec, "%s: cannot read \"%s\"", field, q);
}

struct mentionctx {
	struct datework *w;
	struct record *rec;
};

static void
add_mention(void *ctx, const char *iso, const char *text, size_t len, const char *problem)
{
	struct mentionctx *m = ctx;

	if (iso) {
		buf_reset(&m->w->scratch);
		buf_printf(&m->w->scratch, "%s ", iso);
		buf_add(&m->w->scratch, text, len);
		record_add(m->rec, "mention", m->w->scratch.s);
	} else {
		record_warning(m->rec, "mention \"%s\": %s", quote(m->w, text, len), problem);
	}
}

static void
mentions_of(const struct datesite *sd, struct datework *w, struct record *rec)
{
	const char *pub = record_get(rec, "published"), *b = rec->body.s;
	struct mentionctx m = { w, rec };
	struct date_result pr;
	size_t blen = rec->body.len;
	int have = 0;

	if (pub)
		have = date_parse(sd->ds, pub, strlen(pub), sd->zone, &pr) == DATE_OK;
	/* The rules are NFC; most text already is, and is read in place. */
	if (!text_nfc_quick(b, blen)) {
		buf_reset(&w->body);
		text_nfc(b, blen, &w->body);
		b = w->body.s;
		blen = w->body.len;
	}
	date_mentions(sd->ds, b, blen, have ? &pr : NULL, add_mention, &m);
}

void
datefields_apply(const struct datesite *sd, struct datework *w, struct record *rec, int mentions)
{
	size_t i, k, nbad = 0, extra = 0, shift = 0, nf;
	int raws = 0;
	struct datezone *zone = sd->zone, *pz;
	const char *zname;

	/*
	 * The zone the header-zone reader found the page in (page_zone: an
	 * Indian page on a site of no rule file) is that record's local time,
	 * unless -z says otherwise.
	 */
	if (!sd->zone_forced && (zname = record_get(rec, "page_zone")) != NULL && (pz = datezone_get(zname)) != NULL)
		zone = pz;
	if (sd->warning)
		record_warning(rec, "%s", sd->warning);
	/* Which headers to read, decided before any is rewritten. */
	nf = rec->nf;
	for (i = 0; i < nf && !raws; i++)
		raws = ends_in_raw(rec->f[i].name);	/* only a record read before has them */
	w->ntodo = 0;
	for (i = 0; i < nf; i++) {
		/* A header with a _raw beside it was read by an earlier run: leave it. */
		if (!is_date_field(sd, rec->f[i].name) || (raws && has_raw(rec, rec->f[i].name)))
			continue;
		if (w->ntodo == w->captodo) {
			w->captodo = w->captodo ? w->captodo * 2 : 8;
			w->todo = erealloc(w->todo, w->captodo * sizeof(*w->todo));
		}
		w->todo[w->ntodo++] = i;
	}
	for (k = 0; k < w->ntodo; k++) {
		size_t at = w->todo[k] + shift;
		const char *v = rec->f[at].value;
		struct date_result r;

		/* date_parse() puts words into NFC itself, only when they need it. */
		if (date_parse(sd->ds, v, strlen(v), zone, &r) != DATE_OK) {
			if (nbad < MAXBAD) {
				w->bad[nbad].i = at;
				w->bad[nbad++].r = r;
			} else {
				extra++;
			}
			continue;
		}
		buf_reset(&w->scratch);
		buf_adds(&w->scratch, rec->f[at].name);
		buf_adds(&w->scratch, "_raw");
		record_insert(rec, at + 1, w->scratch.s, v);
		record_set_at(rec, at, r.iso);
		shift++;
	}
	for (i = 0; i < nbad; i++)
		warn_date(w, rec, rec->f[w->bad[i].i].name, rec->f[w->bad[i].i].value, &w->bad[i].r);
	if (extra)
		record_warning(rec, "%zu more date fields cannot be read", extra);
	if (mentions && rec->body.len > 0)
		mentions_of(sd, w, rec);
}

/*
 * The reader writes a page's lone update time as updated, which is what
 * the page says; a corpus indexed by publication time wants it there.
 */
int
datefields_update_as_published(struct record *rec)
{
	size_t i;
	int moved = 0;

	if (record_get(rec, "published") != NULL || record_get(rec, "published_raw") != NULL)
		return 0;
	for (i = 0; i < rec->nf; i++) {
		const char *to = strcmp(rec->f[i].name, "updated") == 0 ? "published" :
		    strcmp(rec->f[i].name, "updated_raw") == 0 ? "published_raw" : NULL;

		if (to != NULL) {
			free(rec->f[i].name);
			rec->f[i].name = estrdup(to);
			moved = 1;
		}
	}
	return moved;
}
