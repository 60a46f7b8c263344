/*
 * dedupe: mark the records that copy an earlier one (wire copies,
 * republished stories, re-crawls), or leave them out.
 *
 * Reads the record stream extract-meta writes, so that the title and the
 * body are compared apart.  A copy gets "duplicate_of: KEY" (the earlier
 * record's url, else its source) and "similarity: 0.91".  The signatures,
 * the index and its file, and the band lines of shard mode are in
 * filters/lib/dedup.c; this file holds the options and the glue.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "dedup.h"
#include "filter.h"
#include "record.h"
#include "util.h"

static const char usage_text[] =
    "usage: dedupe [--drop] [--index FILE] [--stats] [--explain] [FILE...]\n"
    "       dedupe --signatures [--shard N] [FILE...]\n"
    "       dedupe --mark TABLE [--shard N] [--drop] [--stats] [--explain] [FILE...]\n";

static const char help_text[] =
    "Mark each record whose body copies an earlier record's with duplicate_of\n"
    "(the earlier record's url, else its source) and similarity; the first record\n"
    "of each story stays unmarked.\n"
    "\n"
    "  -d, --drop          leave the copies out (and count them with --stats)\n"
    "  -i, --index=FILE    also mark copies of the records in FILE, an index of\n"
    "                      earlier runs, and save it grown by this run's records\n"
    "      --stats         at the end, print records, copies by kind and stories\n"
    "  -e, --explain       on stderr, say which earlier record each copy matched,\n"
    "                      with the estimated Jaccard and containment, and which\n"
    "                      candidates were turned down\n"
    "      --signatures    shard mode, step 1: write this shard's band lines\n"
    "      --mark=TABLE    shard mode, step 2: mark this shard's records by TABLE,\n"
    "                      the band lines of every shard grouped by band (sort)\n"
    "      --shard=N       the shard's place in the order of shards (default 0)\n"
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "With no FILE, or with -, read standard input.\n"
    "Exit status: 0 all well; 1 some records carry errors or a FILE could not be read;\n"
    "2 usage error, a damaged or foreign index or TABLE, or input that is not a\n"
    "record stream; 3 output or the index could not be written; 4 out of memory.\n";

static struct {
	int drop, stats, explain, signatures;
	const char *index, *mark;
	unsigned long shard;
} opt;

/* The run's state, handed to the per-record functions. */
struct run {
	const struct dedupe_params *params;
	const struct dedupe_rule *rule;
	struct dedupe_work *work;
	struct dedupe_index *ix;
	struct dedupe_marks *marks;
	unsigned long recno;		/* records read, over every FILE */
	size_t *root, *size;		/* per index record: its story's first record, the story's size */
	size_t nroot;
	struct buf scratch, line, num;
	struct {
		unsigned long records, empty, shortb, badutf8, copies, dropped, kind[4];
	} st;
};

/* The key a copy names: the url, else the source, else "record N". */
static const char *
record_key(const struct record *rec, struct buf *scratch)
{
	const char *url = record_get(rec, "url");

	return url && *url ? url : record_source(rec, scratch);
}

static int
sign(struct run *r, struct record *rec, struct dedupe_sig *sig)
{
	const char *title = record_get(rec, "title");
	int bad;

	r->recno++;
	r->st.records++;
	bad = dedupe_sign(r->work, title, title ? strlen(title) : 0, rec->body.s ? rec->body.s : "",
	    rec->body.len, sig);
	if (bad) {
		r->st.badutf8++;
		record_warning(rec, "body is not valid UTF-8: the bad bytes were read as U+FFFD (run strip-boilerplate first)");
	}
	if (sig->flags & DEDUPE_EMPTY)
		r->st.empty++;
	else if (sig->flags & DEDUPE_SHORT)
		r->st.shortb++;
	return bad;
}

/* Write the marks of a copy of KEY, say so with --explain; returns what filter_run should do. */
static int
mark(struct run *r, struct record *rec, const char *key, const struct dedupe_match *m)
{
	record_del(rec, "duplicate_of");
	record_del(rec, "similarity");
	if (m->kind == DEDUPE_NONE)
		return FILTER_WRITE;
	r->st.copies++;
	r->st.kind[m->kind]++;
	record_add(rec, "duplicate_of", key);
	buf_reset(&r->num);
	buf_printf(&r->num, "%.2f", m->similarity);
	record_add(rec, "similarity", r->num.s);
	if (opt.explain) {
		fflush(stdout);
		fprintf(stderr, "%s: %s: %s copy of %s: jaccard %.2f, containment %.2f", prog,
		    record_source(rec, &r->scratch), dedupe_kind_name(m->kind), key, m->jaccard, m->containment);
		if (m->numbers >= 0)
			fprintf(stderr, ", numbers %.2f", m->numbers);
		fputc('\n', stderr);
	}
	if (opt.drop) {
		r->st.dropped++;
		return FILTER_DONE;
	}
	return FILTER_WRITE;
}

/* One process: against the index of everything before. */
static int
dedupe_one(struct record *rec, void *ctx)
{
	struct run *r = ctx;
	struct dedupe_sig sig;
	struct dedupe_match m;
	struct buf prefix = {0};
	const char *key;
	long j;
	size_t i;

	sign(r, rec, &sig);
	if (opt.explain)
		buf_printf(&prefix, "%s: %s", prog, record_source(rec, &r->scratch));
	j = dedupe_index_find(r->ix, r->rule, &sig, &m, opt.explain ? stderr : NULL, prefix.s);
	buf_free(&prefix);
	key = record_key(rec, &r->scratch);
	i = dedupe_index_add(r->ix, &sig, key);
	if (i != (size_t)-1) {
		/* The story of each record, for --stats. */
		if (i >= r->nroot) {
			size_t k, n = r->nroot ? 2 * r->nroot : 1024;

			while (n <= i)
				n *= 2;
			r->root = erealloc(r->root, n * sizeof(*r->root));
			r->size = erealloc(r->size, n * sizeof(*r->size));
			for (k = r->nroot; k < n; k++) {
				r->root[k] = k;
				r->size[k] = 1;
			}
			r->nroot = n;
		}
		if (j >= 0) {
			r->root[i] = r->root[j];
			r->size[r->root[i]]++;
		}
	}
	return mark(r, rec, j >= 0 ? dedupe_index_key(r->ix, (size_t)j) : NULL, &m);
}

/* Shard mode, step 1: band lines instead of records. */
static int
signatures_one(struct record *rec, void *ctx)
{
	struct run *r = ctx;
	struct dedupe_sig sig;

	if (sign(r, rec, &sig))
		warnx("%s: body is not valid UTF-8: the bad bytes were read as U+FFFD",
		    record_source(rec, &r->scratch));
	buf_reset(&r->line);
	dedupe_band_lines(r->params, &sig, opt.shard, r->recno, record_key(rec, &r->scratch), &r->line);
	if (r->line.len && fwrite(r->line.s, 1, r->line.len, stdout) != r->line.len)
		return -1;
	return FILTER_DONE;
}

/* Shard mode, step 2: the marks the grouped table found. */
static int
mark_one(struct record *rec, void *ctx)
{
	struct run *r = ctx;
	struct dedupe_sig sig;
	struct dedupe_match none;
	const struct dedupe_mark *dm;

	sign(r, rec, &sig);
	dm = dedupe_marks_get(r->marks, r->recno);
	if (!(sig.flags & DEDUPE_EMPTY) && (dm == NULL || dm->sighash != dedupe_sig_hash(&sig)))
		die(EXIT_USAGE, "%s: record %lu of shard %lu is not the one %s has: give --mark the input "
		    "that --signatures read, and the same --shard", record_source(rec, &r->scratch),
		    r->recno, opt.shard, opt.mark);
	memset(&none, 0, sizeof(none));
	if (dm == NULL || dm->m.kind == DEDUPE_NONE)
		return mark(r, rec, NULL, &none);
	return mark(r, rec, dm->key, &dm->m);
}

static void
print_stats(const struct run *r)
{
	size_t i, stories = 0, largest = 0, at = 0;

	fprintf(stderr, "%s: records %lu (short, matched only when equal: %lu; no words: %lu",
	    prog, r->st.records, r->st.shortb, r->st.empty);
	if (r->st.badutf8)
		fprintf(stderr, "; not UTF-8: %lu", r->st.badutf8);
	fprintf(stderr, ")\n");
	fprintf(stderr, "%s: copies %lu (exact %lu, near %lu, contained %lu)", prog, r->st.copies,
	    r->st.kind[DEDUPE_EXACT], r->st.kind[DEDUPE_NEAR], r->st.kind[DEDUPE_CONTAINED]);
	if (opt.drop)
		fprintf(stderr, ", dropped %lu", r->st.dropped);
	fputc('\n', stderr);
	if (r->ix == NULL)
		return;	/* shard mode: the stories span the shards */
	for (i = 0; i < r->nroot && i < dedupe_index_count(r->ix); i++) {
		if (r->root[i] != i || r->size[i] < 2)
			continue;
		stories++;
		if (r->size[i] > largest) {
			largest = r->size[i];
			at = i;
		}
	}
	fprintf(stderr, "%s: stories with copies %zu", prog, stories);
	if (largest)
		fprintf(stderr, "; largest %zu records, first %s", largest, dedupe_index_key(r->ix, at));
	fputc('\n', stderr);
	if (opt.index)
		fprintf(stderr, "%s: index %s: %zu records\n", prog, opt.index, dedupe_index_count(r->ix));
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "drop", no_argument, NULL, 'd' },
		{ "index", required_argument, NULL, 'i' },
		{ "stats", no_argument, NULL, 's' },
		{ "explain", no_argument, NULL, 'e' },
		{ "signatures", no_argument, NULL, 'G' },
		{ "mark", required_argument, NULL, 'M' },
		{ "shard", required_argument, NULL, 'N' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct run r;
	struct buf err = {0};
	filter_fn fn = dedupe_one;
	char *end;
	int c, rc;

	util_init(argv[0]);
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":di:ehV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': opt.drop = 1; break;
		case 'i': opt.index = optarg; break;
		case 's': opt.stats = 1; break;
		case 'e': opt.explain = 1; break;
		case 'G': opt.signatures = 1; break;
		case 'M': opt.mark = optarg; break;
		case 'N':
			opt.shard = strtoul(optarg, &end, 10);
			if (*optarg < '0' || *optarg > '9' || *end != '\0' || opt.shard > 9999999999UL) {
				fputs(usage_text, stderr);
				die(EXIT_USAGE, "--shard: '%s' is not a number from 0 to 9999999999", optarg);
			}
			break;
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
	if ((opt.signatures && (opt.mark || opt.index || opt.drop || opt.explain || opt.stats)) ||
	    (opt.mark && opt.index)) {
		fputs(usage_text, stderr);
		die(EXIT_USAGE, "%s", opt.signatures ? "--signatures takes only --shard and FILEs" :
		    "--mark and --index do not go together: an index is for one-process runs");
	}

	memset(&r, 0, sizeof(r));
	r.params = &dedupe_default_params;
	r.rule = &dedupe_default_rule;
	r.work = dedupe_work_new(r.params);
	if (opt.signatures) {
		fn = signatures_one;
	} else if (opt.mark) {
		FILE *fp = util_open(opt.mark);

		if (fp == NULL)
			exit(EXIT_USAGE);
		r.marks = dedupe_marks_read(fp, opt.mark, r.params, r.rule, opt.shard, &err);
		if (fp != stdin)
			fclose(fp);
		if (r.marks == NULL)
			die(EXIT_USAGE, "%s", err.s);
		fn = mark_one;
	} else {
		r.ix = dedupe_index_new(r.params);
		/* A bad index stops us before any input is read; the file stays as it was. */
		if (opt.index && dedupe_index_load(r.ix, opt.index, &err) < 0)
			die(EXIT_USAGE, "%s", err.s);
	}

	rc = filter_run(argv + optind, argc - optind, fn, &r);
	if (opt.index && (rc == EXIT_OK || rc == EXIT_RECORDS) && dedupe_index_save(r.ix, opt.index, &err) != 0) {
		warnx("%s", err.s);
		rc = EXIT_OUTPUT;
	}
	if (opt.stats && !opt.signatures)
		print_stats(&r);

	dedupe_work_free(r.work);
	dedupe_index_free(r.ix);
	dedupe_marks_free(r.marks);
	free(r.root);
	free(r.size);
	buf_free(&r.scratch);
	buf_free(&r.line);
	buf_free(&r.num);
	buf_free(&err);
	return rc;
}
