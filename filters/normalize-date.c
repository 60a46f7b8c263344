/* normalize-date: rewrite the date headers of a khobor record stream as ISO 8601. */
#include <dirent.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "filter.h"
#include "record.h"
#include "rules.h"
#include "text.h"
#include "util.h"
#include "yml.h"

static const char usage_text[] =
    "usage: normalize-date [-r DIR] [-z ZONE] [-l LIST] [--mentions] [FILE...]\n"
    "       normalize-date [-r DIR] --check-rules\n";

static const char help_text[] =
    "Rewrite the date headers of each record (published, updated, page_date and\n"
    "those the site rule lists under 'dates') as ISO 8601 in the site's time\n"
    "zone, keeping the printed text in <field>_raw.  A date that cannot be read\n"
    "for certain stays as printed, with a warning header.\n"
    "\n"
    "  -r, --rules=DIR     rules directory (default: $KHOBOR_RULES, then the\n"
    "                      installed rules)\n"
    "  -z, --zone=ZONE     read every local time in this IANA zone, whatever the\n"
    "                      site says (Asia/Dhaka, Asia/Kolkata)\n"
    "  -l, --lang=LIST     read dates in these languages, first one first\n"
    "                      (comma-separated names of rules/dates/*.yaml; bn,en)\n"
    "      --mentions      also add a 'mention' header for every date in the\n"
    "                      body, relative ones resolved against 'published'\n"
    "      --check-rules   load every date language and every site's date\n"
    "                      settings, report all errors, then exit\n"
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "With no FILE, or with -, read standard input.\n"
    "Exit status: 0 all well (warnings included); 1 some records carry errors or\n"
    "an input could not be read; 2 usage or rules error, or not a record stream;\n"
    "3 output could not be written.\n";

/* The languages and zone used when a site says nothing, or its file is broken. */
#define FALLBACK_LANGS "bn,en"
#define FALLBACK_ZONE "Asia/Dhaka"

/* What normalize-date compiled from a site file (site->priv). */
struct sitedates {
	struct dateset *ds;		/* shared; owned by the set cache */
	struct datezone *zone;
	const char *langs;		/* for messages */
	char **fields;			/* the site's extra date headers */
	size_t nfields;
	char *warning;			/* said on every record of the site, or NULL */
};

struct lang {
	char *name;
	struct datelang *l;
};

struct setentry {
	char *key;
	struct dateset *ds;
};

static struct {
	const char *rules, *zone, *langs;
	int mentions, check;
} opt;

static struct rules *rules;
static struct lang *langs;
static size_t nlangs;
static struct setentry *sets;
static size_t nsets;
static struct sitedates fallback;
static struct buf scratch, value, quoted, body;

static const char *const standard_fields[] = { "published", "updated", "page_date", NULL };

static int
by_lang_name(const void *a, const void *b)
{
	return strcmp(((const struct lang *)a)->name, ((const struct lang *)b)->name);
}

/* Load every language file once, before any record: a bad file is exit 2 before output. */
static void
load_languages(void)
{
	char *dir = rules_path(rules->dir, "dates");
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t cap = 0, i;
	int bad = 0;

	if (d == NULL)
		die(EXIT_USAGE, "%s: no date languages (%s)", dir, "the rules directory has no dates/");
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);

		if (len <= 5 || de->d_name[0] == '.' || strcmp(de->d_name + len - 5, ".yaml") != 0)
			continue;
		if (nlangs == cap) {
			cap = cap ? cap * 2 : 8;
			langs = erealloc(langs, cap * sizeof(*langs));
		}
		langs[nlangs].name = estrndup(de->d_name, len - 5);
		langs[nlangs].l = NULL;
		nlangs++;
	}
	closedir(d);
	qsort(langs, nlangs, sizeof(*langs), by_lang_name);
	for (i = 0; i < nlangs; i++) {
		char *file;

		buf_reset(&scratch);
		buf_printf(&scratch, "%s.yaml", langs[i].name);
		file = rules_path(dir, scratch.s);
		if ((langs[i].l = datelang_load(file, langs[i].name)) == NULL)
			bad = 1;
		free(file);
	}
	free(dir);
	if (bad)
		die(EXIT_USAGE, "date language rules have errors; nothing was read");
}

static struct datelang *
find_language(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < nlangs; i++)
		if (strncmp(langs[i].name, name, len) == 0 && langs[i].name[len] == '\0')
			return langs[i].l;
	return NULL;
}

/* The merged set for a list of languages, built once per distinct list. */
static struct dateset *
get_set(struct datelang **l, size_t n)
{
	struct buf key = {0};
	size_t i;
	struct dateset *ds;

	for (i = 0; i < n; i++)
		buf_printf(&key, "%s%s", i ? "," : "", datelang_name(l[i]));
	for (i = 0; i < nsets; i++)
		if (strcmp(sets[i].key, key.s) == 0) {
			buf_free(&key);
			return sets[i].ds;
		}
	ds = dateset_new(l, n);
	sets = erealloc(sets, (nsets + 1) * sizeof(*sets));
	sets[nsets].key = key.s;
	sets[nsets++].ds = ds;
	return ds;
}

static const char *
set_name(const struct dateset *ds)
{
	size_t i;

	for (i = 0; i < nsets; i++)
		if (sets[i].ds == ds)
			return sets[i].key;
	return "?";
}

/* The -l list, or the fallback languages; a name with no file is a usage error. */
static struct dateset *
set_from_list(const char *list, const char *what)
{
	struct datelang *l[16];
	size_t n = 0;
	const char *p = list;

	while (*p) {
		size_t len = strcspn(p, ",");

		if (len > 0) {
			if (n == 16)
				die(EXIT_USAGE, "%s: at most 16 languages", what);
			if ((l[n] = find_language(p, len)) == NULL)
				die(EXIT_USAGE, "%s: no date language '%.*s' (there is no %s/dates/%.*s.yaml)",
				    what, (int)len, p, rules->dir, (int)len, p);
			n++;
		}
		p += len + (p[len] == ',');
	}
	if (n == 0)
		die(EXIT_USAGE, "%s: give at least one language, such as bn", what);
	return get_set(l, n);
}

static void
sitedates_free(void *p)
{
	struct sitedates *sd = p;
	size_t i;

	if (sd == NULL || sd == &fallback)
		return;
	for (i = 0; i < sd->nfields; i++)
		free(sd->fields[i]);
	free(sd->fields);
	free(sd->warning);
	free(sd);
}

static struct sitedates *
broken_site(const struct site *s, const char *why)
{
	struct sitedates *sd = ecalloc(1, sizeof(*sd));
	struct buf b = {0};

	*sd = fallback;
	sd->fields = NULL;
	sd->nfields = 0;
	buf_printf(&b, "site '%s': %s; dates read as %s in %s", s->name, why, set_name(fallback.ds),
	    datezone_name(fallback.zone));
	sd->warning = b.s;
	return sd;
}

/* The 'dates' key: a list of extra header names that hold dates. */
static int
site_fields(struct site *s, struct sitedates *sd)
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

/* Compile what a site says about dates, on its first record. */
static struct sitedates *
site_dates(const char *name, struct record *rec)
{
	struct site *s = rules_find(rules, name);
	struct sitedates *sd;
	struct datelang *l[16];
	size_t i;
	int bad = 0;

	if (s == NULL) {
		record_warning(rec, "site '%s' has no rules file; dates read as %s in %s", name,
		    set_name(fallback.ds), datezone_name(fallback.zone));
		return &fallback;
	}
	if (s->priv)
		return s->priv;
	if (s == &rules->deflt && access(s->file, F_OK) != 0) {
		s->priv = &fallback;
		return s->priv;
	}
	if (rules_load(rules, s) < 0) {
		s->priv = broken_site(s, "its rules file has errors (see the messages on standard error)");
		return s->priv;
	}
	sd = ecalloc(1, sizeof(*sd));
	sd->ds = fallback.ds;
	sd->zone = fallback.zone;
	if (!opt.langs && s->nlangs > 0) {
		if (s->nlangs > 16) {
			yml_error(s->doc, s->langs[16], "at most 16 languages");
			bad = 1;
		}
		for (i = 0; i < s->nlangs && i < 16; i++)
			if ((l[i] = find_language(s->langs[i]->str, s->langs[i]->len)) == NULL) {
				yml_error(s->doc, s->langs[i], "no date language '%s': there is no %s/dates/%s.yaml",
				    s->langs[i]->str, rules->dir, s->langs[i]->str);
				bad = 1;
			}
		if (!bad)
			sd->ds = get_set(l, s->nlangs);
	}
	if (!opt.zone && rules_section(s, "zone") != NULL) {
		if ((sd->zone = datezone_get(s->zone)) == NULL) {
			yml_error(s->doc, rules_section(s, "zone"), "no time zone '%s' in the tz database "
			    "(is tzdata installed?)", s->zone);
			bad = 1;
		}
	}
	if (site_fields(s, sd) < 0)
		bad = 1;
	if (bad) {
		sitedates_free(sd);
		sd = broken_site(s, "its date settings have errors (see the messages on standard error)");
	}
	s->priv = sd;
	return sd;
}

static int
has_field(const struct record *rec, const char *name, size_t len, const char *suffix)
{
	size_t i, sl = strlen(suffix);

	for (i = 0; i < rec->nf; i++)
		if (strncmp(rec->f[i].name, name, len) == 0 && strcmp(rec->f[i].name + len, suffix) == 0 &&
		    strlen(rec->f[i].name) == len + sl)
			return 1;
	return 0;
}

static int
is_date_field(const struct sitedates *sd, const char *name)
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

/* Quote at most 200 bytes of printed text for a warning, cut on a character boundary. */
static const char *
quote(const char *s, size_t n)
{
	buf_reset(&quoted);
	if (n > 200) {
		n = text_utf8_floor(s, 200);
		buf_add(&quoted, s, n);
		buf_adds(&quoted, "...");
	} else {
		buf_add(&quoted, s, n);
	}
	return quoted.s;
}

/* S in NFC, as the rules are; most text already is and is used in place. */
static const char *
nfc(const char *s, size_t n, struct buf *b, size_t *len)
{
	if (text_nfc_quick(s, n)) {
		*len = n;
		return s;
	}
	buf_reset(b);
	text_nfc(s, n, b);
	*len = b->len;
	return b->s;
}

static void
warn_date(struct record *rec, const char *field, const char *raw, const struct date_result *r)
{
	const char *q = quote(raw, strlen(raw));

	if (r->status == DATE_WEEKDAY)
		record_warning(rec, "%s: weekday contradicts the date in \"%s\": %s", field, q, r->why);
	else if (r->why[0])
		record_warning(rec, "%s: cannot read \"%s\": %s", field, q, r->why);
	else
		record_warning(rec, "%s: cannot read \"%s\"", field, q);
}

static void
add_mention(void *ctx, const char *iso, const char *text, size_t len, const char *problem)
{
	struct record *rec = ctx;

	buf_reset(&scratch);
	if (iso) {
		buf_printf(&scratch, "%s ", iso);
		buf_add(&scratch, text, len);
		record_add(rec, "mention", scratch.s);
	} else {
		record_warning(rec, "mention \"%s\": %s", quote(text, len), problem);
	}
}

static int
normalize(struct record *rec, void *ctx)
{
	const char *site = record_get(rec, "site");
	struct sitedates *sd;
	struct field *out;
	size_t i, k = 0, ndates = 0, nf;
	struct date_result r;
	struct {
		size_t i;
		struct date_result r;
	} bad[8];
	size_t nbad = 0, extra = 0;

	(void)ctx;
	sd = site_dates(site && *site ? site : "default", rec);
	if (sd->warning)
		record_warning(rec, "%s", sd->warning);
	nf = rec->nf;	/* after the warnings above: they are fields too */
	for (i = 0; i < nf; i++)
		if (is_date_field(sd, rec->f[i].name))
			ndates++;
	if (ndates > 0) {
		int raws = 0;

		/* Only a record that went through normalize-date before has _raw fields. */
		for (i = 0; i < nf && !raws; i++) {
			size_t l = strlen(rec->f[i].name);

			raws = l > 4 && memcmp(rec->f[i].name + l - 4, "_raw", 4) == 0;
		}
		out = emalloc((nf + ndates) * sizeof(*out));
		for (i = 0; i < nf; i++) {
			struct field f = rec->f[i];
			size_t nlen = strlen(f.name), vlen;
			const char *v;

			/* A field with a _raw beside it was normalized by an earlier run: leave it. */
			if (!is_date_field(sd, f.name) || (raws && has_field(rec, f.name, nlen, "_raw"))) {
				out[k++] = f;
				continue;
			}
			/* date_parse() puts words into NFC itself, only when they need it. */
			v = f.value;
			vlen = strlen(v);
			if (date_parse(sd->ds, v, vlen, sd->zone, &r) != DATE_OK) {
				if (nbad < sizeof(bad) / sizeof(bad[0])) {
					bad[nbad].i = k;
					bad[nbad++].r = r;
				} else {
					extra++;
				}
				out[k++] = f;
				continue;
			}
			out[k].name = f.name;
			out[k++].value = estrdup(r.iso);
			out[k].name = emalloc(nlen + 5);
			memcpy(out[k].name, f.name, nlen);
			memcpy(out[k].name + nlen, "_raw", 5);
			out[k++].value = f.value;
		}
		free(rec->f);
		rec->f = out;
		rec->nf = k;
		rec->capf = nf + ndates;
		for (i = 0; i < nbad; i++)
			warn_date(rec, rec->f[bad[i].i].name, rec->f[bad[i].i].value, &bad[i].r);
		if (extra)
			record_warning(rec, "%zu more date fields cannot be read", extra);
	}
	if (opt.mentions && rec->body.len > 0) {
		const char *pub = record_get(rec, "published");
		struct date_result pr;
		const char *b;
		size_t blen;
		int have = 0;

		if (pub)
			have = date_parse(sd->ds, pub, strlen(pub), sd->zone, &pr) == DATE_OK;
		b = nfc(rec->body.s, rec->body.len, &body, &blen);
		date_mentions(sd->ds, b, blen, have ? &pr : NULL, add_mention, rec);
	}
	return FILTER_WRITE;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "zone", required_argument, NULL, 'z' },
		{ "lang", required_argument, NULL, 'l' },
		{ "mentions", no_argument, NULL, 'm' },
		{ "check-rules", no_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, status;
	size_t i;

	util_init(argv[0]);
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":r:z:l:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': opt.rules = optarg; break;
		case 'z': opt.zone = optarg; break;
		case 'l': opt.langs = optarg; break;
		case 'm': opt.mentions = 1; break;
		case 'C': opt.check = 1; break;
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
	rules = rules_open(opt.rules);
	load_languages();
	fallback.ds = set_from_list(opt.langs ? opt.langs : FALLBACK_LANGS, opt.langs ? "-l" : "fallback languages");
	if ((fallback.zone = datezone_get(opt.zone ? opt.zone : FALLBACK_ZONE)) == NULL)
		die(EXIT_USAGE, "%s: no such time zone in the tz database (is tzdata installed?)",
		    opt.zone ? opt.zone : FALLBACK_ZONE);
	if (opt.check) {
		/* Every site's date settings, as its first record would load them. */
		struct record dummy = {0};

		status = EXIT_OK;
		for (i = 0; i <= rules->nsites; i++) {
			struct site *s = i < rules->nsites ? &rules->sites[i] : &rules->deflt;
			struct sitedates *sd = site_dates(s->name, &dummy);

			if (sd != NULL && sd != &fallback && sd->warning != NULL)
				status = EXIT_USAGE;
		}
		record_free(&dummy);
		if (status == EXIT_OK)
			status = util_close_stdout();
	} else {
		status = filter_run(argv + optind, argc - optind, normalize, NULL);
	}
	rules_free(rules, sitedates_free);
	for (i = 0; i < nsets; i++) {
		dateset_free(sets[i].ds);
		free(sets[i].key);
	}
	free(sets);
	for (i = 0; i < nlangs; i++) {
		datelang_free(langs[i].l);
		free(langs[i].name);
	}
	free(langs);
	datezone_free_all();
	buf_free(&scratch);
	buf_free(&value);
	buf_free(&quoted);
	buf_free(&body);
	return status;
}
