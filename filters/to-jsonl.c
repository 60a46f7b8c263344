/*
 * to-jsonl: write a khobor record stream as JSON Lines, one object per
 * record, the last stage of the chain.  The options say which keys, under
 * which names, as what types; the writer itself is in filters/lib/jsonl.c,
 * the --stats tables in filters/lib/tally.c.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "jsonl.h"
#include "record.h"
#include "tally.h"
#include "util.h"

static const char usage_text[] =
    "usage: to-jsonl [-Ap] [-f LIST] [-x LIST] [-a LIST] [-n LIST] [-R OLD=NEW]... [--stats] [FILE...]\n";

static const char help_text[] =
    "Write each record of a khobor record stream as one JSON object per line:\n"
    "headers as keys in stream order (a repeated header becomes an array) and\n"
    "the body as \"text\".\n"
    "\n"
    "  -p, --paragraphs      also write \"paragraphs\", the body split on blank lines\n"
    "  -A, --ascii           escape every non-ASCII character as \\uXXXX\n"
    "  -f, --fields=LIST     write only these keys, in this order (comma-separated;\n"
    "                        text and paragraphs are keys too)\n"
    "  -x, --exclude=LIST    leave these keys out\n"
    "  -a, --array=LIST      always write these keys as arrays, even with one value\n"
    "  -n, --number=LIST     write these keys as JSON numbers when the value is an integer\n"
    "  -R, --rename=OLD=NEW  write key OLD as NEW (repeatable)\n"
    "      --stats           at the end, print a table of records, sites, field\n"
    "                        coverage, warnings and errors on stderr\n"
    "  -h, --help            show this help\n"
    "  -V, --version         show the version\n"
    "\n"
    "With no FILE, or with -, read standard input.\n"
    "Exit status: 0 all well; 1 some records carry errors; 2 usage error or not a\n"
    "record stream; 3 output could not be written.\n";

/*
 * The options, as the writer takes them (see jsonl.h); --stats is ours.
 * The writer is compiled from them once, before the first record.
 */
static struct {
	struct jsonl_opts out;
	int stats;
} opt;

/* What to_json works with, record after record. */
struct run {
	const struct jsonl_spec *spec;
	struct jsonl_work *work;
	struct tally *tally;		/* NULL without --stats */
	struct buf line, msg, scratch;
	unsigned long in, out, invalid;
};

static int
to_json(struct record *rec, void *ctx)
{
	struct run *r = ctx;
	size_t bad;

	r->in++;
	if (record_count(rec, "error") > 0)
		rec->nerrors++;	/* the last stage reports errors of the whole chain */
	buf_reset(&r->line);
	if ((bad = jsonl_write(r->spec, r->work, rec, &r->line)) > 0) {
		/* The line says it in to_jsonl_warning; stderr and --stats hear it too. */
		jsonl_replaced(bad, &r->msg);
		warnx("%s: %s", record_source(rec, &r->scratch), r->msg.s);
		record_warning(rec, "%s", r->msg.s);
		r->invalid++;
	}
	if (r->tally)
		tally_add(r->tally, rec);
	if (fwrite(r->line.s, 1, r->line.len, stdout) != r->line.len)
		return -1;
	r->out++;
	return FILTER_DONE;
}

static void
print_stats(const struct run *r)
{
	fprintf(stderr, "%s: records in %lu, out %lu", prog, r->in, r->out);
	if (r->invalid)
		fprintf(stderr, ", invalid UTF-8 replaced in %lu", r->invalid);
	fputc('\n', stderr);
	tally_print(r->tally, stderr);
}

static void
free_list(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* -R OLD=NEW: one more rename. */
static void
add_rename(const char *arg)
{
	struct jsonl_opts *o = &opt.out;
	const char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg || eq[1] == '\0')
		die(EXIT_USAGE, "--rename wants OLD=NEW, not '%s'", arg);
	o->rename_from = erealloc(o->rename_from, (o->nrename + 1) * sizeof(char *));
	o->rename_to = erealloc(o->rename_to, (o->nrename + 1) * sizeof(char *));
	o->rename_from[o->nrename] = estrndup(arg, (size_t)(eq - arg));
	o->rename_to[o->nrename++] = estrdup(eq + 1);
}

static void
free_opts(struct jsonl_opts *o)
{
	free_list(o->fields, o->nfields);
	free_list(o->exclude, o->nexclude);
	free_list(o->arrays, o->narrays);
	free_list(o->numbers, o->nnumbers);
	free_list(o->rename_from, o->nrename);
	free_list(o->rename_to, o->nrename);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "paragraphs", no_argument, NULL, 'p' },
		{ "ascii", no_argument, NULL, 'A' },
		{ "fields", required_argument, NULL, 'f' },
		{ "exclude", required_argument, NULL, 'x' },
		{ "array", required_argument, NULL, 'a' },
		{ "number", required_argument, NULL, 'n' },
		{ "rename", required_argument, NULL, 'R' },
		{ "stats", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct jsonl_opts *o = &opt.out;
	struct jsonl_spec *spec;
	struct run r = {0};
	int c, status;

	util_init(argv[0]);
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":pAf:x:a:n:R:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': o->paragraphs = 1; break;
		case 'A': o->ascii = 1; break;
		case 'f': util_split(optarg, &o->fields, &o->nfields); break;
		case 'x': util_split(optarg, &o->exclude, &o->nexclude); break;
		case 'a': util_split(optarg, &o->arrays, &o->narrays); break;
		case 'n': util_split(optarg, &o->numbers, &o->nnumbers); break;
		case 'R': add_rename(optarg); break;
		case 's': opt.stats = 1; break;
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
	if (o->nfields > 0 && o->nexclude > 0)
		die(EXIT_USAGE, "--fields and --exclude do not go together; use one");
	r.spec = spec = jsonl_compile(o);
	r.work = jsonl_work_new();
	if (opt.stats)
		r.tally = tally_new();
	status = filter_run(argv + optind, argc - optind, to_json, &r);
	if (opt.stats)
		print_stats(&r);
	jsonl_free(spec);
	jsonl_work_free(r.work);
	tally_free(r.tally);
	buf_free(&r.line);
	buf_free(&r.msg);
	buf_free(&r.scratch);
	free_opts(o);
	return status;
}
