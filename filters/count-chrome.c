/*
 * count-chrome: count, per site, the pages each line shape recurs on above
 * and below the article, and write the table strip-boilerplate --chrome
 * drops chrome by; or sum the tables of shards (--merge).
 *
 * The counting, the bounded table, its file format and its use are in
 * filters/lib/chrome.c; this file holds the options and the glue.
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "chrome.h"
#include "detect.h"
#include "filter.h"
#include "page.h"
#include "record.h"
#include "rules.h"
#include "rx.h"
#include "text.h"
#include "util.h"

static const char usage_text[] =
    "usage: count-chrome [--pages [-r DIR]] [--min-pages N] [--max-shapes N] [FILE...]\n"
    "       count-chrome --merge [--min-pages N] [--max-shapes N] TABLE...\n";

static const char help_text[] =
    "Read pages (a record stream: from-warc's records, or strip-boilerplate's) and\n"
    "write a chrome table: per site (the url's host, else the site header, else\n"
    "default), how many of its pages each line shape occurred on above the article\n"
    "(top) and below it (bottom).\n"
    "\n"
    "  -p, --pages          a FILE is one page, as strip-boilerplate reads it; its\n"
    "                       site is detected by the rules, as strip-boilerplate does\n"
    "  -r, --rules=DIR      --pages: the rules directory (default: $KHOBOR_RULES, or\n"
    "                       the installed rules)\n"
    "  -m, --merge          sum the tables TABLE... (of shards) into one\n"
    "  -n, --min-pages=N    write only the shapes seen on at least N pages\n"
    "                       (default 2; give 1 for a shard's table to merge)\n"
    "  -M, --max-shapes=N   hold at most N shapes in memory (default 1048576; at\n"
    "                       most 150 bytes each); when full, the shapes seen on one\n"
    "                       page go, then new ones are not counted\n"
    "  -h, --help           show this help\n"
    "  -V, --version        show the version\n"
    "\n"
    "With no FILE, or with -, read standard input.\n"
    "Exit status: 0 all well; 1 a FILE could not be read; 2 usage error, a bad\n"
    "TABLE, or input that is not a record stream; 3 output could not be written;\n"
    "4 out of memory.\n";

static struct {
	int merge, pages;
	const char *rulesdir;
	unsigned long min_pages, max_shapes;
} opt = { .min_pages = 2, .max_shapes = 1UL << 20 };

static struct buf site, text, raw;
static struct rules *rules;	/* --pages: to detect the site as strip-boilerplate does */
static struct detector *det;
static struct page pg;
static int rules_broken;

/*
 * Count one page.  Its text is cleaned as strip-boilerplate cleans a page
 * (line ends, NBSP, NFC), so that a page file, from-warc's body of it and
 * strip-boilerplate's output of it count as the same lines.
 */
static int
count_one(struct record *rec, void *ctx)
{
	struct chrome *t = ctx;
	struct clean_report rep;

	struct buf tmp;

	if (rules == NULL) {
		buf_reset(&text);
		text_clean(rec->body.s ? rec->body.s : "", rec->body.len, &text, &rep);
		chrome_count(t, chrome_site(rec, &site), text.s ? text.s : "", text.len);
		return FILTER_DONE;
	}
	/* A page file: cleaned and its site detected as strip-boilerplate does it. */
	tmp = raw;
	raw = rec->body;
	rec->body = tmp;
	if (page_load(&pg, rec, record_get(rec, "source"), raw.s ? raw.s : "", raw.len) == 0)
		chrome_count(t, detect_site(det, &pg, NULL, &rules_broken)->name, pg.text.s ? pg.text.s : "",
		    pg.text.len);
	return FILTER_DONE;
}

/* Sum the tables FILES into T; the exit status so far. */
static int
merge(struct chrome *t, char **files, int nfiles)
{
	int i, rc = EXIT_OK;

	for (i = 0; i < nfiles; i++) {
		FILE *fp = util_open(files[i]);

		if (fp == NULL)
			return EXIT_USAGE;	/* a missing shard would make every count low */
		if (chrome_read(t, fp, strcmp(files[i], "-") == 0 ? "(stdin)" : files[i]) < 0)
			rc = EXIT_USAGE;
		if (fp != stdin)
			fclose(fp);
		if (rc != EXIT_OK)
			break;
	}
	return rc;
}

static unsigned long
number_arg(const char *name, const char *s, unsigned long lo, unsigned long hi)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (end == s || *end || *s == '-' || errno || v < lo || v > hi)
		die(EXIT_USAGE, "--%s '%s': give a number from %lu to %lu", name, s, lo, hi);
	return v;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "merge", no_argument, NULL, 'm' },
		{ "pages", no_argument, NULL, 'p' },
		{ "rules", required_argument, NULL, 'r' },
		{ "min-pages", required_argument, NULL, 'n' },
		{ "max-shapes", required_argument, NULL, 'M' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct chrome *t;
	int c, rc, wc;

	util_init(argv[0]);
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":mpr:n:M:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'm': opt.merge = 1; break;
		case 'p': opt.pages = 1; break;
		case 'r': opt.rulesdir = optarg; break;
		case 'n': opt.min_pages = number_arg("min-pages", optarg, 1, 4294967295UL); break;
		case 'M': opt.max_shapes = number_arg("max-shapes", optarg, 1024, 1UL << 30); break;
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
	if (opt.merge && opt.pages)
		die(EXIT_USAGE, "--merge reads tables, --pages reads pages: give one of them");
	if (opt.rulesdir && !opt.pages)
		die(EXIT_USAGE, "--rules is for --pages, whose sites are detected by the rules");
	if (opt.merge && optind == argc)
		die(EXIT_USAGE, "--merge needs the TABLEs to sum (count-chrome --merge T1 T2 ...)");
	t = chrome_new(opt.max_shapes);
	if (opt.pages) {
		rules = rules_open(opt.rulesdir);
		det = detect_new(rules);
	}
	if (opt.merge)
		rc = merge(t, argv + optind, argc - optind);
	else
		rc = filter_run_input(argv + optind, argc - optind, opt.pages ? &filter_pages : &filter_records,
		    NULL, count_one, t);
	/* A stream that was no record stream, or a bad table, writes no table. */
	if (rc != EXIT_USAGE && rc != EXIT_OUTPUT) {
		if (chrome_lost(t) > 0)
			warnx("the table was full: %lu shapes were not counted (their counts are low); "
			    "raise --max-shapes", chrome_lost(t));
		(void)chrome_write(t, stdout, opt.min_pages);	/* its errors are stdout's: */
		if ((wc = util_close_stdout()) != EXIT_OK)
			rc = wc;
	}
	chrome_free(t);
	detect_free(det);
	rules_free(rules, NULL);
	page_free(&pg);
	rx_cleanup();
	buf_free(&raw);
	buf_free(&site);
	buf_free(&text);
	return rc;
}
