/*
 * normalize-date: rewrite the date headers of a khobor record stream as
 * ISO 8601.
 *
 * Reads the record stream extract-meta writes.  The headers published,
 * updated, page_date and those the site's "dates:" key lists are read by
 * the date languages the site names (rules/dates/LANG.yaml) in the site's
 * zone; each becomes its ISO 8601 value with the printed text kept in
 * NAME_raw, or stays as printed with a warning (khobor-rules(5), DATES).
 * The engine is filters/lib/datefields.c; this file holds the options, the
 * cache of compiled sites, and main.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "datefields.h"
#include "filter.h"
#include "record.h"
#include "rules.h"
#include "util.h"

static const char usage_text[] =
    "usage: normalize-date [-r DIR] [-z ZONE] [-l LIST] [--mentions]\n"
    "                      [--update-as-published] [FILE...]\n"
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
    "      --update-as-published  a record with an update time and no\n"
    "                      publication time (a page that prints only its\n"
    "                      update time) gets it as 'published' instead\n"
    "      --check-rules   load every date language and every site's date\n"
    "                      settings, report all errors, then exit\n"
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "With no FILE, or with -, read standard input.\n"
    "Exit status: 0 all well (warnings included); 1 some records carry errors or\n"
    "an input could not be read; 2 usage or rules error, or not a record stream;\n"
    "3 output could not be written.\n";

static struct {
	const char *rules, *zone, *langs;
	int mentions, check, update_as_published;
} opt;

static struct rules *rules;
/* The sections of a site file normalize-date never reads. */
static const char *const not_read[] = { "start", "strip", "heuristics", "reader", "fields", NULL };
static struct datefields *dates;
static struct datework *work;

static void
free_site(void *p)
{
	datefields_site_free(p);
}

/* The compiled date settings of site S, compiled on its first record. */
static struct datesite *
site_dates(struct site *s)
{
	if (s->priv == NULL)
		s->priv = datefields_site(dates, rules, s);
	return s->priv;
}

static int
normalize(struct record *rec, void *ctx)
{
	const char *name = record_get(rec, "site");
	struct site *s;
	struct datesite *sd;

	(void)ctx;
	if (name == NULL || *name == '\0')
		name = "default";
	if ((s = rules_find(rules, name)) != NULL) {
		sd = site_dates(s);
	} else {
		sd = datefields_fallback(dates);
		record_warning(rec, "site '%s' has no rules file; dates read as %s", name, datefields_how(sd));
	}
	if (opt.update_as_published)
		datefields_update_as_published(rec);
	datefields_apply(sd, work, rec, opt.mentions);
	return FILTER_WRITE;
}

/* Every site's date settings, and the default's, as their first records would compile them. */
static int
check_all(void)
{
	size_t i;
	int bad = 0;

	for (i = 0; i <= rules->nsites; i++)
		if (datefields_broken(site_dates(i < rules->nsites ? &rules->sites[i] : &rules->deflt)))
			bad = 1;
	return bad ? EXIT_USAGE : util_close_stdout();
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "zone", required_argument, NULL, 'z' },
		{ "lang", required_argument, NULL, 'l' },
		{ "mentions", no_argument, NULL, 'm' },
		{ "update-as-published", no_argument, NULL, 'U' },
		{ "check-rules", no_argument, NULL, 'C' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, status;

	util_init(argv[0]);
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":r:z:l:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': opt.rules = optarg; break;
		case 'z': opt.zone = optarg; break;
		case 'l': opt.langs = optarg; break;
		case 'm': opt.mentions = 1; break;
		case 'U': opt.update_as_published = 1; break;
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
	/* Every site is listed only to be checked; a run finds the sites its records name. */
	rules = opt.check ? rules_open(opt.rules) : rules_open_unlisted(opt.rules);
	/* Only the zone, dates and keep_raw are kept here (and in the rules cache), but for --check-rules. */
	if (!opt.check)
		rules->skip = not_read;
	/* Every language file is checked before any record: a bad one is exit 2, nothing written. */
	if ((dates = datefields_open(rules, opt.langs, opt.zone)) == NULL) {
		rules_free(rules, free_site);
		return EXIT_USAGE;
	}
	if (opt.check) {
		status = check_all();
	} else {
		work = datefields_work_new();
		status = filter_run(argv + optind, argc - optind, normalize, NULL);
	}
	rules_free(rules, free_site);
	datefields_work_free(work);
	datefields_free(dates);
	datezone_free_all();
	return status;
}
