/*
 * extract-meta: the article's metadata out of the text, into headers.
 *
 * Reads the record stream strip-boilerplate writes.  The "fields:" rules of
 * each record's site (khobor-rules(5), FIELDS) find the headline, byline,
 * dates, caption and credits in the body; each value becomes a header and
 * what held it leaves the body, so that the body keeps only the article's
 * paragraphs.  Then come lang and the counts of what is left.  The field
 * engine itself is in filters/lib/fields.c, its compiler in fieldcomp.c.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fields.h"
#include "filter.h"
#include "headev.h"
#include "hzone.h"
#include "record.h"
#include "rules.h"
#include "text.h"
#include "rx.h"
#include "util.h"

static const char usage_text[] =
    "usage: extract-meta [-r DIR] [-s SITE] [--explain] [FILE...]\n"
    "       extract-meta [-r DIR] --check-rules | --list-rules\n";

static const char help_text[] =
    "Find the headline, byline, dates, caption and credits in the body of each\n"
    "record by the fields: rules of its site, write them as headers, and take\n"
    "them out of the body; add lang, paragraph_count, word_count and char_count.\n"
    "\n"
    "  -r, --rules=DIR   rules directory (default: $KHOBOR_RULES, or the installed rules)\n"
    "  -s, --site=SITE   use the fields of SITE for every record, whatever its site header\n"
    "  -e, --explain     on stderr, say which rule gave each field from which body\n"
    "                    line, and which rules looked for a missing field in vain\n"
    "      --check-rules load and compile the fields of every site and the default,\n"
    "                    report every error, then exit\n"
    "      --list-rules  the same, and list every rule as\n"
    "                    FILE:LINE: SITE/fields[N] HEADER (ID): WHERE\n"
    "  -h, --help        show this help\n"
    "  -V, --version     show the version\n"
    "\n"
    "With no FILE, or with -, read standard input.\n"
    "Exit status: 0 all well; 1 some records carry errors or a FILE could not be read;\n"
    "2 usage or rules error, or input that is not a record stream; 3 output could\n"
    "not be written.\n";

/* What this filter compiled from one site file (site->priv). */
struct sitefields {
	int state;		/* 1 compiled, -1 broken */
	struct fieldset *fs;
	struct hzoneset *rs;	/* the header-zone reader, if the site has one */
	struct headev *he;	/* the head-as-evidence step, compiled at the first HTML page */
	int he_state;		/* 0 not yet, 1 compiled, -1 broken */
};

static struct {
	const char *rulesdir, *site;
	int explain, check;
} opt;

static struct rules *rules;
/* The sections of a site file extract-meta never reads (strip-boilerplate's). */
static const char *const not_read[] = { "start", "strip", "heuristics", NULL };
static struct fieldwork *work;
static struct hzonework *rwork;
static struct headevwork *hework;
static int rules_broken;

static void
free_sitefields(void *p)
{
	struct sitefields *sf = p;

	if (sf == NULL)
		return;
	fields_free(sf->fs);
	hzone_free(sf->rs);
	headev_free(sf->he);
	free(sf);
}

/* The compiled fields of site S, compiled on first use; NULL if the file is broken. */
static struct sitefields *
site_fields(struct site *s)
{
	struct sitefields *sf = s->priv;

	if (sf == NULL) {
		sf = s->priv = ecalloc(1, sizeof(*sf));
		sf->state = -1;
		int none;
		struct site *fsite, *rsite;

		/* 'reader: default', 'fields: default': default.yaml's, compiled as its own. */
		if (rules_load(rules, s) == 0 && (fsite = rules_uses(rules, s, "fields")) != NULL &&
		    (rsite = rules_uses(rules, s, "reader")) != NULL && (sf->fs = fields_compile(fsite)) != NULL &&
		    ((sf->rs = hzone_compile(rsite, rules->dir, &none)) != NULL || none))
			sf->state = 1;
	}
	return sf->state > 0 ? sf : NULL;
}

/* For rules_require. */
static int
fields_compiled(struct site *s)
{
	return site_fields(s) != NULL;
}

static void
set_count(struct record *rec, const char *name, size_t n)
{
	char num[32];

	snprintf(num, sizeof(num), "%zu", n);
	record_set(rec, name, num);
}

static int
extract(struct record *rec, void *ctx)
{
	const char *name = opt.site ? opt.site : record_get(rec, "site");
	struct sitefields *sf;
	struct text_counts c;
	struct site *s;
	size_t k;

	(void)ctx;
	/* A second pass would take the first paragraphs for a headline. */
	if (record_get(rec, "char_count") != NULL) {
		record_warning(rec, "record already went through extract-meta; passed on unchanged");
		return FILTER_WRITE;
	}
	if (name == NULL) {
		record_warning(rec, "record has no site header; default fields used");
		s = &rules->deflt;
	} else if ((s = rules_find(rules, name)) == NULL) {
		record_warning(rec, "site '%s' has no rules in %s; default fields used", name, rules->dir);
		s = &rules->deflt;
	}
	if ((sf = site_fields(s)) == NULL) {
		record_error(rec, "rules of site %s are broken (%s); record passed on unchanged", s->name, s->file);
		rules_broken = 1;
		return FILTER_WRITE;
	}
	if (opt.explain) {
		struct buf scratch = {0};

		fflush(stdout);
		fprintf(stderr, "%s: %s: fields of site %s (%s)\n", prog, record_source(rec, &scratch),
		    s->name, s->file);
		buf_free(&scratch);
	}
	if (sf->rs) {
		hzone_apply(sf->rs, rwork, rec, opt.explain ? stderr : NULL);
		fields_body_nfc(work);
	}
	fields_apply(sf->fs, work, rec, opt.explain ? stderr : NULL);
	/* An HTML page's head, checked against what the page shows (headev.h). */
	if (headev_wanted(rec)) {
		if (sf->he_state == 0)
			sf->he_state = (sf->he = headev_compile(s, rules->dir)) != NULL ? 1 : -1;
		if (sf->he)
			headev_apply(sf->he, hework, rec, opt.explain ? stderr : NULL);
	}
	if (s->nlangs > 0)
		record_set(rec, "lang", s->langs[0]->str);
	/* Kept as it is, for a converter to fix; flagged, for it is not Unicode Bengali. */
	if ((k = text_legacy_font(rec->body.s ? rec->body.s : "", rec->body.len)) > 0)
		record_warning(rec, "the text looks typed in a legacy Bengali font (Bijoy-style: ASCII letters "
		    "and marks such as '\u2021' drawn as Bengali; %zu such marks); kept as it is: convert it to "
		    "Unicode before reading it", k);
	text_count(rec->body.s ? rec->body.s : "", rec->body.len, &c);
	set_count(rec, "paragraph_count", c.paragraphs);
	set_count(rec, "word_count", c.words);
	set_count(rec, "char_count", c.chars);
	return FILTER_WRITE;
}

/*
 * Compile the fields of every site and of the default; report all errors.
 * With LIST, print every rule as "file:line: label" (for khobor check).
 */
static int
check_all(int list)
{
	size_t i;
	int bad = 0;

	for (i = 0; i <= rules->nsites; i++) {
		struct site *s = i < rules->nsites ? &rules->sites[i] : &rules->deflt;
		struct sitefields *sf = site_fields(s);

		if (sf == NULL)
			bad = 1;
		else if (list)
			fields_list(sf->fs, stdout);
	}
	return bad ? EXIT_USAGE : EXIT_OK;
}

static void
cleanup(void)
{
	rules_free(rules, free_sitefields);
	fields_work_free(work);
	hzone_work_free(rwork);
	headev_work_free(hework);
	datezone_free_all();
	rx_cleanup();
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "site", required_argument, NULL, 's' },
		{ "explain", no_argument, NULL, 'e' },
		{ "check-rules", no_argument, NULL, 'C' },
		{ "list-rules", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	util_init(argv[0]);
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":r:s:ehV", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': opt.rulesdir = optarg; break;
		case 's': opt.site = optarg; break;
		case 'e': opt.explain = 1; break;
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
	if (opt.check && optind < argc) {
		fputs(usage_text, stderr);
		die(EXIT_USAGE, "--check-rules reads no FILE");
	}
	/* Every site is listed only to be checked; a run finds the sites its records name. */
	rules = opt.check ? rules_open(opt.rulesdir) : rules_open_unlisted(opt.rulesdir);
	/* strip-boilerplate's sections are not kept here (nor in the rules cache), but for --check-rules. */
	if (!opt.check)
		rules->skip = not_read;
	if (opt.check) {
		rc = check_all(opt.check > 1);
		if (rc == EXIT_OK)
			rc = util_close_stdout();
		rules_free(rules, free_sitefields);
		rx_cleanup();
		return rc;
	}
	rules_require(rules, opt.site, fields_compiled);

	work = fields_work_new();
	rwork = hzone_work_new();
	hework = headev_work_new();
	rc = filter_run(argv + optind, argc - optind, extract, NULL);
	cleanup();
	/* A broken site file is a rules error, even though its records went through. */
	if (rules_broken && (rc == EXIT_OK || rc == EXIT_RECORDS))
		rc = EXIT_USAGE;
	return rc;
}
