/*
 * strip-boilerplate: raw page text in, the article out, as a record stream.
 *
 * Each page is cleaned (UTF-8, line ends, NFC; filters/lib/page.c), its
 * site is detected by the URL's host or the sites' match patterns
 * (detect.c), and the site's strip rules take the chrome away (strip.c).
 * A page is a FILE, a record's body (--records), or a piece of a dump of
 * glued pages (--split, cut by split.c).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cachefile.h"
#include "chrome.h"
#include "detect.h"
#include "filter.h"
#include "hzone.h"
#include "page.h"
#include "progress.h"
#include "record.h"
#include "rules.h"
#include "rx.h"
#include "split.h"
#include "strip.h"
#include "util.h"

static const char usage_text[] =
    "usage: strip-boilerplate [-r DIR] [-s SITE] [--split | --records] [--chrome TABLE [--chrome-share P]\n"
    "                         [--chrome-min N]] [--explain] [--claims] [--progress] [FILE...]\n"
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
    "      --chrome=TABLE  on pages of sites with no rule file, also drop the lines\n"
    "                    that count-chrome's TABLE says recur in their zone (top or\n"
    "                    bottom) on many of the site's pages\n"
    "      --chrome-share=P  how many: at least the share P of the site's pages\n"
    "                    (default 0.05)\n"
    "      --chrome-min=N  and at least N pages (default 5)\n"
    "  -e, --explain     print every line removed or changed, with its rule, on stderr\n"
    "      --claims      add a header 'claims' naming every site whose hosts or match\n"
    "                    patterns claim the page, as SITE:LINE (for khobor check)\n"
    "      --progress    show pages done, MB/s and time left on a terminal's stderr\n"
    "      --check-rules load and compile every rule this filter uses, then exit\n"
    "      --list-rules  the same, and list every rule as FILE:LINE: LABEL\n"
    "  -h, --help        show this help\n"
    "  -V, --version     show the version\n"
    "\n"
    "With no FILE, or with -, read standard input.\n"
    "Exit status: 0 all well; 1 a FILE could not be read or a page carries an error;\n"
    "2 usage or rules error; 3 output could not be written.\n";

/* What this filter compiled from one site file (site->priv). */
struct sitestrip {
	int state;		/* 1 compiled, -1 broken */
	struct stripset *set;
};

static struct {
	const char *rulesdir, *site, *chrome;
	double share;
	unsigned long chrome_min;
	int split, records, explain, progress, check, chrome_opts, claims;
} opt = { .share = 0.05, .chrome_min = 5 };

static struct rules *rules;
static struct chrome *chrome;	/* --chrome's table */
static struct hzoneset *reader;	/* the default reader, whose field lines are never chrome */
/* The sections of a site file strip-boilerplate never reads (without --chrome). */
static const char *const not_read[] = { "reader", "fields", NULL };
static struct detector *det;
static struct splitter *splitter;
static struct page pg;
static struct progress meter;
static struct buf raw, hint, where;	/* the page as read; a record's site header; its URL's host and path */
static struct buf claims;		/* --claims: the sites that claim the page */
static int has_hint;
static int rules_broken;

static void
free_sitestrip(void *p)
{
	struct sitestrip *ss = p;

	if (ss == NULL)
		return;
	strip_free(ss->set);
	free(ss);
}

/*
 * The strip rules of site S, compiled on first use with all else of the
 * file this filter uses (match patterns, hosts, start pattern), so that a
 * broken file is found broken whichever part is; NULL if it is.
 */
static struct stripset *
site_strip(struct site *s)
{
	struct sitestrip *ss = s->priv;

	if (ss == NULL) {
		int bad;

		ss = s->priv = ecalloc(1, sizeof(*ss));
		ss->state = -1;
		if (rules_load(rules, s) < 0)
			return NULL;
		/* Broken match patterns do not stop the strip rules being checked too. */
		bad = detect_check(det, s) < 0;
		bad |= s != &rules->deflt && split_check(s) < 0;
		if ((ss->set = strip_compile(s)) != NULL && !bad)
			ss->state = 1;
	}
	return ss->state > 0 ? ss->set : NULL;
}

/* For rules_require. */
static int
strip_compiled(struct site *s)
{
	return site_strip(s) != NULL;
}

/* The site of the page: -s, else the record's site header, else detected. */
static struct site *
choose_site(struct record *rec)
{
	struct site *s = NULL;

	if (opt.site)
		s = rules_find(rules, opt.site);
	else if (has_hint && (s = rules_find(rules, hint.s)) == NULL)
		record_warning(rec, "site '%s' has no rules in %s; detecting the site", hint.s, rules->dir);
	if (s == NULL)
		s = detect_site(det, &pg, where.len > 0 ? where.s : NULL, &rules_broken);
	return s;
}

/* One page: REC's body is the page as read; out go its site and the article. */
static int
strip_record(struct record *rec, void *ctx)
{
	struct buf tmp;
	struct site *s;
	struct stripset *set;
	const char *v;

	(void)ctx;
	buf_reset(&hint);
	buf_reset(&where);
	has_hint = 0;
	if (opt.records) {
		/* Copied: the value goes when the site header is set. */
		if ((v = record_get(rec, "site")) != NULL) {
			buf_adds(&hint, v);
			has_hint = 1;
		}
		if ((v = record_get(rec, "url")) != NULL)
			(void)detect_url_where(v, &where);
	}
	/* The page as read moves out of the body, which becomes the article. */
	tmp = raw;
	raw = rec->body;
	rec->body = tmp;
	progress_read(&meter, (double)raw.len);
	if (page_load(&pg, rec, record_get(rec, "source"), raw.s ? raw.s : "", raw.len) == 0) {
		s = choose_site(rec);
		if (opt.claims) {
			detect_claims(det, &pg, where.len > 0 ? where.s : NULL, &claims);
			record_set(rec, "claims", claims.s);
		}
		if ((set = site_strip(s)) == NULL) {
			record_error(rec, "rules of site %s are broken (%s); page passed through cleaned only",
			    s->name, s->file);
			rules_broken = 1;
			record_set(rec, "site", "default");
		} else {
			record_set(rec, "site", s->name);
			strip_apply(set, &pg, opt.explain ? stderr : NULL);
		}
		page_finish(&pg, rec);
		if (opt.explain)
			page_explain_lines(&pg, stderr);
	}
	progress_tick(&meter);
	return FILTER_WRITE;
}

/* ---- inputs: page files (filter_pages), a dump (split_input), records ---- */

/* A FILE that cannot be read still gives a record, so that no page is lost unnoticed. */
static void
page_unreadable(const char *name, int err, struct record *rec, void *ctx)
{
	struct buf msg = {0};

	(void)ctx;
	/* The driver has said so on stderr; the record says it downstream. */
	record_add(rec, "source", name);
	record_add(rec, "site", "default");
	buf_printf(&msg, "%s: cannot read the page: %s", prog,
	    err == 0 || err == EISDIR ? "is a directory" : strerror(err));
	record_add(rec, "error", msg.s);
	rec->nerrors++;
	buf_free(&msg);
	progress_tick(&meter);
}

struct recin {
	void *rd;
	const char *name;
	struct buf src;
};

static void *
rec_open(FILE *fp, const char *name, void *ctx)
{
	struct recin *in = ecalloc(1, sizeof(*in));

	(void)ctx;
	in->rd = filter_records.open(fp, name, NULL);
	in->name = name;
	return in;
}

/* A record with no source gets "FILE#N", N its place in the stream. */
static int
rec_next(void *state, struct record *rec)
{
	struct recin *in = state;
	int rc = filter_records.next(in->rd, rec);

	if (rc > 0 && record_get(rec, "source") == NULL) {
		buf_reset(&in->src);
		buf_printf(&in->src, "%s#%lu", in->name, rec->no);
		record_add(rec, "source", in->src.s);
	}
	return rc;
}

static int
rec_close(void *state)
{
	struct recin *in = state;
	int failed = filter_records.close(in->rd);

	buf_free(&in->src);
	free(in);
	return failed;
}

static const struct filter_input record_input = { rec_open, rec_next, rec_close, NULL };

/* ---- --check-rules, --list-rules ---- */

/*
 * Load and compile every rule file this filter uses; report all errors.
 * With LIST, print every rule as "file:line: name" (for khobor check).
 */
static int
check_all(int list)
{
	size_t i, j;
	int bad = 0;

	for (i = 0; i <= rules->nsites; i++) {
		struct site *s = i < rules->nsites ? &rules->sites[i] : &rules->deflt;
		struct stripset *set = site_strip(s);

		if (set == NULL)
			bad = 1;
		else if (list)
			strip_list(set, stdout);
	}
	/* Two files declaring one name would read as one site in every report. */
	for (i = 0; i < rules->nsites; i++) {
		const struct yml *a = rules->sites[i].root ? yml_get(rules->sites[i].root, "name") : NULL;

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

static void
cleanup(void)
{
	detect_free(det);
	rules_free(rules, free_sitestrip);
	split_free(splitter);
	page_free(&pg);
	buf_free(&raw);
	buf_free(&hint);
	buf_free(&where);
	buf_free(&claims);
	chrome_free(chrome);
	hzone_free(reader);
	rx_cleanup();
}

/*
 * Read --chrome's table and give it to the default site's strip rules,
 * with the default reader to protect the lines it reads as fields.
 */
static void
use_chrome(void)
{
	FILE *fp;
	int none;

	chrome = chrome_new(0);
	if ((fp = util_open(opt.chrome)) == NULL)
		die(EXIT_USAGE, "%s: cannot read the chrome table (see above)", opt.chrome);
	if (chrome_read(chrome, fp, opt.chrome) < 0) {
		if (fp != stdin)
			fclose(fp);
		cleanup();
		exit(EXIT_USAGE);
	}
	if (fp != stdin)
		fclose(fp);
	if ((reader = hzone_compile(&rules->deflt, rules->dir, &none)) == NULL && !none)
		die(EXIT_USAGE, "%s: the reader's rules have errors (see above)", rules->deflt.file);
	chrome_use(chrome, opt.share, opt.chrome_min, reader);
	strip_use_chrome(site_strip(&rules->deflt), chrome);
}

/* A --chrome-share: a number from 0 to 1. */
static double
share_arg(const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end || errno || !(v > 0 && v <= 1))
		die(EXIT_USAGE, "--chrome-share '%s': give a share of the site's pages, more than 0 and at most 1 (say 0.1)", s);
	return v;
}

/* A --chrome-min: a number of pages, 1 or more. */
static unsigned long
pages_arg(const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (end == s || *end || *s == '-' || errno || v == 0 || v > 1000000000UL)
		die(EXIT_USAGE, "--chrome-min '%s': give a number of pages from 1 to 1000000000", s);
	return v;
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
		{ "claims", no_argument, NULL, 'K' },
		{ "progress", no_argument, NULL, 'P' },
		{ "chrome", required_argument, NULL, 'c' },
		{ "chrome-share", required_argument, NULL, 'p' },
		{ "chrome-min", required_argument, NULL, 'm' },
		{ "check-rules", no_argument, NULL, 'C' },
		{ "list-rules", no_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct filter_input in = filter_pages;
	void *inctx = NULL;
	int c, rc;

	util_init(argv[0]);
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":r:s:ehV", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': opt.rulesdir = optarg; break;
		case 's': opt.site = optarg; break;
		case 'S': opt.split = 1; break;
		case 'R': opt.records = 1; break;
		case 'e': opt.explain = 1; break;
		case 'K': opt.claims = 1; break;
		case 'P': opt.progress = 1; break;
		case 'c': opt.chrome = optarg; break;
		case 'p': opt.share = share_arg(optarg); opt.chrome_opts = 1; break;
		case 'm': opt.chrome_min = pages_arg(optarg); opt.chrome_opts = 1; break;
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
	if (opt.chrome_opts && opt.chrome == NULL)
		die(EXIT_USAGE, "--chrome-share and --chrome-min say how to apply a table: give it with --chrome TABLE");
	rules = rules_open(opt.rulesdir);
	/*
	 * The reader and the field rules are extract-meta's: not kept here (nor
	 * in the rules cache, where they were most of the start-up), except for
	 * --chrome, whose table is read with the reader, and --check-rules.
	 */
	if (!opt.check && opt.chrome == NULL)
		rules->skip = not_read;
	det = detect_new(rules);
	if (!opt.check && !opt.site) {
		/* Before any site file is read: the cache must see them as they are read. */
		int verbose;
		char *dir = cache_dir(&verbose);

		detect_cache(det, dir, verbose);
		free(dir);
	}
	if (opt.check) {
		rc = check_all(opt.check > 1);
		if (rc == EXIT_OK)
			rc = util_close_stdout();
		cleanup();
		return rc;
	}
	rules_require(rules, opt.site, strip_compiled);
	if (opt.chrome)
		use_chrome();

	in.unreadable = page_unreadable;
	if (opt.split) {
		in = split_input;
		inctx = splitter = split_new(rules, &rules_broken);
	} else if (opt.records) {
		in = record_input;
	}
	if (opt.progress)
		progress_start(&meter, "pages", opt.split || opt.records ? 0 : (unsigned long)(argc - optind),
		    argv + optind, argc - optind);
	rc = filter_run_input(argv + optind, argc - optind, &in, inctx, strip_record, NULL);
	progress_end(&meter);
	cleanup();
	/* A broken site file is a rules error, even though its pages went through. */
	if (rules_broken && (rc == EXIT_OK || rc == EXIT_RECORDS))
		rc = EXIT_USAGE;
	return rc;
}
