/*
 * from-jsonl: JSON Lines in (one object per page), a khobor record stream
 * out, so that the chain can run line-in, line-out under Hadoop Streaming
 * or Spark's RDD.pipe:
 *
 *   from-jsonl | strip-boilerplate --records | extract-meta | normalize-date | to-jsonl
 *
 * The converter itself is in filters/lib/fromjson.c.
 */
#include <getopt.h>
#include <stdlib.h>

#include "filter.h"
#include "fromjson.h"
#include "html.h"
#include "util.h"

static const char usage_text[] =
    "usage: from-jsonl [-t KEY] [-H KEY] [-i KEYS] [-k LIST | -x LIST] [FILE...]\n";

static const char help_text[] =
    "Read JSON Lines, one object per page, and write one record per line: the\n"
    "page text as body, the id as the source header, other members as headers.\n"
    "\n"
    "  -t, --text=KEY      the member holding the page text (default: text)\n"
    "  -H, --html=KEY      the member holding the page's HTML, rendered as from-html\n"
    "                      renders a page and used instead of the text (default:\n"
    "                      html); a text that begins \"<!DOCTYPE html\" or \"<html\" is\n"
    "                      rendered too\n"
    "  -i, --id=KEYS       the member(s) holding the page id, first found wins\n"
    "                      (comma-separated; default: id,url)\n"
    "  -k, --keep=LIST     copy only these members as headers (default: all\n"
    "                      members whose values are strings, numbers or lists)\n"
    "  -x, --exclude=LIST  do not copy these members\n"
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "Every input line gives exactly one record, in order; a line that is not a\n"
    "JSON object, or has no text, gives a record with an error header.\n"
    "With no FILE, or with -, read standard input.\n"
    "Exit status: 0 all well; 1 some lines had errors or a FILE could not be read;\n"
    "2 usage error; 3 output could not be written.\n";

static void
free_list(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "text", required_argument, NULL, 't' },
		{ "html", required_argument, NULL, 'H' },
		{ "id", required_argument, NULL, 'i' },
		{ "keep", required_argument, NULL, 'k' },
		{ "exclude", required_argument, NULL, 'x' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct fromjson_opts o = {0};
	struct fromjson *fj;
	int c, status;

	util_init(argv[0]);
	o.text = "text";
	o.html = "html";
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":t:H:i:k:x:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 't': o.text = optarg; break;
		case 'H': o.html = optarg; break;
		case 'i': util_split(optarg, &o.ids, &o.nids); break;
		case 'k': util_split(optarg, &o.keep, &o.nkeep); o.keep_only = 1; break;
		case 'x': util_split(optarg, &o.exclude, &o.nexclude); break;
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
	if (o.keep_only && o.nexclude)
		die(EXIT_USAGE, "--keep and --exclude do not go together; use one");
	if (o.nids == 0)
		util_split("id,url", &o.ids, &o.nids);
	fj = fromjson_compile(&o);
	free_list(o.ids, o.nids);
	free_list(o.keep, o.nkeep);
	free_list(o.exclude, o.nexclude);
	status = filter_run_input(argv + optind, argc - optind, &fromjson_input, fj, NULL, NULL);
	fromjson_free(fj);
	html_cleanup();
	return status;
}
