/*
 * from-html: HTML pages in, the record stream out: the page's visible
 * text, as a browser's select-all copy gives it, as the body, and what
 * its head says (canonical URL, titles, dates, authors, section,
 * description) as headers, so that the chain after it reads HTML as it
 * reads browser-copied text:
 *
 *   from-html PAGE.html... | strip-boilerplate --records | extract-meta | ...
 *
 * The renderer and the head reader are in filters/lib/html.c and
 * htmlmeta.c, the decoder and the sniffing of a page's first bytes in
 * htmldecode.c and htmlsniff.c; this file holds the options and the glue.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "html.h"
#include "record.h"
#include "util.h"

static const char usage_text[] =
    "usage: from-html [-u URL] [-c CHARSET] [--records] [FILE...]\n";

static const char help_text[] =
    "Read HTML pages (one FILE is one page) and write one record per page: the\n"
    "page's visible text, as a browser's select-all copy gives it, as body, and\n"
    "headers source, url, html_lang, html_title, meta_title, meta_published,\n"
    "meta_updated, meta_author, meta_section, meta_description and page_kind from\n"
    "its head and JSON-LD, each as the page writes it.\n"
    "\n"
    "  -u, --url=URL       the page's address when it names none (no canonical\n"
    "                      link, no og:url)\n"
    "  -c, --charset=NAME  the charset the page was served with (as HTTP's\n"
    "                      Content-Type says it); a byte order mark overrides it\n"
    "      --records       read a record stream whose bodies are HTML pages (a\n"
    "                      record's own charset header overrides --charset)\n"
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "With no FILE, or with -, read standard input.\n"
    "Exit status: 0 all well; 1 some pages carry errors or a FILE could not be read;\n"
    "2 usage error, or input that is not a record stream with --records; 3 output\n"
    "could not be written.\n";

static struct {
	const char *url, *charset;
	int records;
} opt;

static struct htmlwork *work;

/* ---- one file, one page ---- */

struct page {
	FILE *fp;
	const char *name;
	int done, failed;
};

static void *
page_open(FILE *fp, const char *name, void *ctx)
{
	struct page *p = ecalloc(1, sizeof(*p));

	(void)ctx;
	p->fp = fp;
	p->name = name;
	return p;
}

static int
page_next(void *state, struct record *rec)
{
	struct page *p = state;
	struct html_source src = { p->fp, NULL, 0 };
	struct html_opts o = { opt.url, opt.charset };

	if (p->done)
		return 0;
	p->done = 1;
	record_clear(rec);
	rec->no = 1;
	record_add(rec, "source", p->name);
	if (html_render(work, &src, &o, rec) < 0)
		p->failed = 1;	/* said in the record's error header */
	return 1;
}

static int
page_close(void *state)
{
	struct page *p = state;
	int failed = p->failed;

	free(p);
	return failed;
}

static const struct filter_input html_pages = { page_open, page_next, page_close, NULL };

/* ---- a record stream of HTML bodies ---- */

static int
render_record(struct record *rec, void *ctx)
{
	struct html_source src = { NULL, rec->body.s ? rec->body.s : "", rec->body.len };
	struct html_opts o = { opt.url, record_get(rec, "charset") ? record_get(rec, "charset") : opt.charset };
	char *charset = o.charset ? estrdup(o.charset) : NULL;

	(void)ctx;
	o.charset = charset;	/* the header's value may move as headers are added */
	html_render(work, &src, &o, rec);
	free(charset);
	return FILTER_WRITE;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "url", required_argument, NULL, 'u' },
		{ "charset", required_argument, NULL, 'c' },
		{ "records", no_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;

	util_init(argv[0]);
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":u:c:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'u': opt.url = optarg; break;
		case 'c': opt.charset = optarg; break;
		case 'R': opt.records = 1; break;
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
	if (opt.url && *opt.url == '\0')
		die(EXIT_USAGE, "--url needs an address");
	work = html_work_new();
	if (opt.records)
		rc = filter_run(argv + optind, argc - optind, render_record, NULL);
	else
		rc = filter_run_input(argv + optind, argc - optind, &html_pages, NULL, NULL, NULL);
	html_work_free(work);
	html_cleanup();
	return rc;
}
