/* to-jsonl: write a khobor record stream as JSON Lines, one object per record. */
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "hash.h"
#include "json.h"
#include "record.h"
#include "text.h"
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
    "  -n, --number=LIST     write these keys as JSON numbers when the value is a number\n"
    "  -R, --rename=OLD=NEW  write key OLD as NEW (repeatable)\n"
    "      --stats           at the end, print a table of records, sites, field\n"
    "                        coverage, warnings and errors on stderr\n"
    "  -h, --help            show this help\n"
    "  -V, --version         show the version\n"
    "\n"
    "With no FILE, or with -, read standard input.\n"
    "Exit status: 0 all well; 1 some records carry errors; 2 usage error or not a\n"
    "record stream; 3 output could not be written.\n";

struct list {
	char **item;
	size_t n;
};

struct opts {
	int paragraphs, ascii, stats;
	struct list fields, exclude, arrays, numbers, rename_from, rename_to;
};

/* Per-site statistics, for --stats. */
struct count {
	char *key;
	unsigned long n;
};

struct sitestat {
	char *site;
	unsigned long records;
	struct count *fields;
	size_t nfields;
};

struct stats {
	unsigned long in, out, invalid;
	struct sitestat *sites;
	size_t nsites;
	struct count *kinds;	/* "warning: ..." and "error: ..." by kind */
	size_t nkinds;
};

static struct opts opt;
static struct stats st;
static struct buf line;

/*
 * Keys written so far on this line.  A header named like the body key
 * ("text"), a renamed key landing on another, or a header named
 * to_jsonl_warning would give a duplicate key, which JSON parsers resolve
 * by silently dropping one: such a key gets a suffix (_2, _3, ...) instead.
 * A hash set, so that a record of many thousand headers stays linear.
 */
static struct {
	struct hmap set;	/* the keys below, for lookup */
	char **all;		/* the keys in order, owned, to clear the set */
	size_t n, allcap;
} keys;

static const char *out_name(const char *key);

static void
keys_reset(void)
{
	size_t i;

	for (i = 0; i < keys.n; i++)
		free(keys.all[i]);
	keys.n = 0;
	hmap_clear(&keys.set);
}

static int
keys_has(const char *k)
{
	return hmap_has(&keys.set, k, strlen(k));
}

static void
keys_add(const char *k)
{
	if (keys.n == keys.allcap) {
		keys.allcap = keys.allcap ? keys.allcap * 2 : 64;
		keys.all = erealloc(keys.all, keys.allcap * sizeof(*keys.all));
	}
	keys.all[keys.n] = estrdup(k);
	hmap_put(&keys.set, keys.all[keys.n], strlen(k), NULL);
	keys.n++;
}

/* The keys to-jsonl writes itself are taken first, so a header yields to them. */
static void
keys_reserve(void)
{
	keys_add(out_name("text"));
	keys_add(out_name("paragraphs"));
	keys_add("to_jsonl_warning");
}

/* Write KEY: once a header's name, RESERVED once one of to-jsonl's own keys. */
static void
put_key_as(const char *name, int *first, int reserved)
{
	struct buf k = {0};
	int suffix = 1;

	if (!*first)
		buf_addc(&line, ',');
	*first = 0;
	buf_adds(&k, name);
	if (!reserved) {
		while (keys_has(k.s)) {
			buf_reset(&k);
			buf_printf(&k, "%s_%d", name, ++suffix);
		}
		keys_add(k.s);
	}
	json_string(&line, k.s, k.len, opt.ascii);
	buf_addc(&line, ':');
	buf_free(&k);
}

static void
put_key(const char *name, int *first)
{
	put_key_as(name, first, 0);
}

static void
list_split(struct list *l, const char *s)
{
	util_split(s, &l->item, &l->n);
}

static int
list_has(const struct list *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->item[i], s) == 0)
			return 1;
	return 0;
}

static void
list_free(struct list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->item[i]);
	free(l->item);
}

static const char *
out_name(const char *key)
{
	size_t i;

	for (i = 0; i < opt.rename_from.n; i++)
		if (strcmp(opt.rename_from.item[i], key) == 0)
			return opt.rename_to.item[i];
	return key;
}

static int
is_number(const char *s)
{
	const char *p = s;
	size_t digits = 0;

	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9' || (*p == '0' && p[1] >= '0' && p[1] <= '9'))
		return 0;
	for (; *p >= '0' && *p <= '9'; p++)
		digits++;
	/* A decimal fraction, as dedupe's similarity: "0.91". */
	if (*p == '.' && p[1] >= '0' && p[1] <= '9')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
	return *p == '\0' && digits <= 15;
}

static size_t
put_value(const char *key, const char *v)
{
	if (list_has(&opt.numbers, key) && is_number(v)) {
		buf_adds(&line, v);
		return 0;
	}
	return json_string(&line, v, strlen(v), opt.ascii);
}

/* Write one key with all the values of header KEY. */
/*
 * The headers grouped by name once per record: group[i] is the index of the
 * first header with header i's name, and count[i] (at that first index) how
 * many there are.  Comparing names once beats looking each name up again
 * and again.
 */
static struct {
	size_t *group, *count, cap;
	struct hmap leader;	/* header name -> index of its first header + 1 */
} grp;

static void
group_headers(const struct record *rec)
{
	size_t i;

	if (rec->nf > grp.cap) {
		grp.cap = rec->nf * 2;
		grp.group = erealloc(grp.group, grp.cap * sizeof(*grp.group));
		grp.count = erealloc(grp.count, grp.cap * sizeof(*grp.count));
	}
	hmap_clear(&grp.leader);
	for (i = 0; i < rec->nf; i++) {
		const char *name = rec->f[i].name;
		size_t len = strlen(name);

		if (hmap_put(&grp.leader, name, len, (void *)(uintptr_t)(i + 1)))
			grp.group[i] = i;
		else
			grp.group[i] = (size_t)(uintptr_t)hmap_get(&grp.leader, name, len) - 1;
		grp.count[i] = 0;
		grp.count[grp.group[i]]++;
	}
}

/* Write the group of headers that starts at index I. */
static size_t
put_group(const struct record *rec, size_t i, int *first)
{
	const char *key = rec->f[i].name;
	size_t j, k = 0, bad = 0;

	put_key(out_name(key), first);
	if (grp.count[i] == 1 && !list_has(&opt.arrays, key))
		return put_value(key, rec->f[i].value);
	buf_addc(&line, '[');
	for (j = i; j < rec->nf; j++) {
		if (grp.group[j] != i)
			continue;
		if (k++)
			buf_addc(&line, ',');
		bad += put_value(key, rec->f[j].value);
	}
	buf_addc(&line, ']');
	return bad;
}

static size_t
put_header(const struct record *rec, const char *key, int *first)
{
	size_t i, n = record_count(rec, key), k = 0, bad = 0;
	const char *name = out_name(key);

	if (n == 0)
		return 0;
	put_key(name, first);
	if (n == 1 && !list_has(&opt.arrays, key)) {
		return bad + put_value(key, record_get(rec, key));
	}
	buf_addc(&line, '[');
	for (i = 0; i < rec->nf; i++) {
		if (strcmp(rec->f[i].name, key) != 0)
			continue;
		if (k++)
			buf_addc(&line, ',');
		bad += put_value(key, rec->f[i].value);
	}
	buf_addc(&line, ']');
	return bad;
}

static size_t
put_text(const struct record *rec, int *first)
{
	const char *name = out_name("text");
	size_t len = rec->body.len;

	put_key_as(name, first, 1);
	/* The final newline belongs to the stream format, not to the text. */
	if (len > 0 && rec->body.s[len - 1] == '\n')
		len--;
	return json_string(&line, rec->body.s ? rec->body.s : "", len, opt.ascii);
}

static size_t
put_paragraphs(const struct record *rec, int *first)
{
	const char *name = out_name("paragraphs");
	const char *p = rec->body.s ? rec->body.s : "", *end = p + rec->body.len;
	size_t bad = 0;
	int k = 0;

	put_key_as(name, first, 1);
	buf_addc(&line, '[');
	while (p < end && *p == '\n')
		p++;
	while (p < end) {
		const char *q = p, *stop;
		size_t len;

		/* A paragraph runs to the next blank line. */
		for (;;) {
			const char *nl = memchr(q, '\n', (size_t)(end - q));

			if (nl == NULL) {
				q = end;
				break;
			}
			q = nl + 1;
			if (q >= end || *q == '\n')
				break;
		}
		stop = q;
		len = (size_t)(stop - p);
		while (len > 0 && p[len - 1] == '\n')
			len--;
		if (len > 0) {
			if (k++)
				buf_addc(&line, ',');
			bad += json_string(&line, p, len, opt.ascii);
		}
		p = stop;
		while (p < end && *p == '\n')
			p++;
	}
	buf_addc(&line, ']');
	return bad;
}

static int
seen_before(const struct record *rec, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (strcmp(rec->f[j].name, rec->f[i].name) == 0)
			return 1;
	return 0;
}

static void
count_add(struct count **c, size_t *n, const char *key)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*c)[i].key, key) == 0) {
			(*c)[i].n++;
			return;
		}
	*c = erealloc(*c, (*n + 1) * sizeof(**c));
	(*c)[*n].key = estrdup(key);
	(*c)[*n].n = 1;
	(*n)++;
}

/* The kind of a warning or error: its text before any quoted input, without numbers. */
static void
kind_of(const char *name, const char *v, struct buf *out)
{
	const char *q = strchr(v, '"');
	size_t len = q ? (size_t)(q - v) : strlen(v);

	buf_reset(out);
	buf_printf(out, "%s: ", name);
	if (len > 70)
		len = 70;
	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == ':'))
		len--;
	buf_add(out, v, len);
}

static void
stats_add(const struct record *rec)
{
	const char *site = record_get(rec, "site");
	struct sitestat *s = NULL;
	struct buf kind = {0};
	size_t i;

	if (site == NULL)
		site = "(none)";
	for (i = 0; i < st.nsites; i++)
		if (strcmp(st.sites[i].site, site) == 0)
			s = &st.sites[i];
	if (s == NULL) {
		st.sites = erealloc(st.sites, (st.nsites + 1) * sizeof(*st.sites));
		s = &st.sites[st.nsites++];
		memset(s, 0, sizeof(*s));
		s->site = estrdup(site);
	}
	s->records++;
	for (i = 0; i < rec->nf; i++) {
		const char *name = rec->f[i].name;

		if (strcmp(name, "warning") == 0 || strcmp(name, "error") == 0) {
			kind_of(name, rec->f[i].value, &kind);
			count_add(&st.kinds, &st.nkinds, kind.s);
		}
		if (!seen_before(rec, i))
			count_add(&s->fields, &s->nfields, name);
	}
	if (rec->body.len > 1)
		count_add(&s->fields, &s->nfields, "text");
	buf_free(&kind);
}

static void
stats_print(void)
{
	size_t i, j, w = 24, kw = 40;

	/* Columns as wide as the longest name, so the counts line up whatever the names. */
	for (i = 0; i < st.nsites; i++)
		for (j = 0; j < st.sites[i].nfields; j++)
			if (strlen(st.sites[i].fields[j].key) > w)
				w = strlen(st.sites[i].fields[j].key);
	for (i = 0; i < st.nkinds; i++)
		if (text_chars(st.kinds[i].key, strlen(st.kinds[i].key)) > kw)
			kw = text_chars(st.kinds[i].key, strlen(st.kinds[i].key));
	fprintf(stderr, "%s: records in %lu, out %lu", prog, st.in, st.out);
	if (st.invalid)
		fprintf(stderr, ", invalid UTF-8 replaced in %lu", st.invalid);
	fputc('\n', stderr);
	for (i = 0; i < st.nsites; i++) {
		struct sitestat *s = &st.sites[i];

		fprintf(stderr, "\nsite %-20s %8lu records\n", s->site, s->records);
		fprintf(stderr, "  %-*s %8s %7s\n", (int)w, "field", "records", "share");
		for (j = 0; j < s->nfields; j++)
			fprintf(stderr, "  %-*s %8lu %6.1f%%\n", (int)w, s->fields[j].key, s->fields[j].n,
			    100.0 * (double)s->fields[j].n / (double)s->records);
	}
	fprintf(stderr, "\n%-*s %8s\n", (int)kw + 2, "warnings and errors by kind", "records");
	if (st.nkinds == 0)
		fprintf(stderr, "  (none)\n");
	for (i = 0; i < st.nkinds; i++) {
		size_t pad = kw - text_chars(st.kinds[i].key, strlen(st.kinds[i].key));

		/* Pad by characters, not bytes: the kinds may be Bengali. */
		fprintf(stderr, "  %s%*s %8lu\n", st.kinds[i].key, (int)pad, "", st.kinds[i].n);
	}
}

static void
stats_free(void)
{
	size_t i, j;

	for (i = 0; i < st.nsites; i++) {
		for (j = 0; j < st.sites[i].nfields; j++)
			free(st.sites[i].fields[j].key);
		free(st.sites[i].fields);
		free(st.sites[i].site);
	}
	free(st.sites);
	for (i = 0; i < st.nkinds; i++)
		free(st.kinds[i].key);
	free(st.kinds);
}

static int
to_json(struct record *rec, void *ctx)
{
	size_t i, bad = 0;
	int first = 1;
	struct buf scratch = {0};

	(void)ctx;
	st.in++;
	if (record_count(rec, "error") > 0)
		rec->nerrors++;	/* the last stage reports errors of the whole chain */
	buf_reset(&line);
	keys_reset();
	keys_reserve();
	buf_addc(&line, '{');
	if (opt.fields.n > 0) {
		size_t bodybad = 0;

		for (i = 0; i < opt.fields.n; i++) {
			const char *k = opt.fields.item[i];
			size_t b = 0;

			if (strcmp(k, "text") == 0)
				b = put_text(rec, &first);
			else if (strcmp(k, "paragraphs") == 0)
				b = put_paragraphs(rec, &first);
			else
				bad += put_header(rec, k, &first);
			/* The same body written twice has the same bad bytes: count them once. */
			if (b > bodybad)
				bodybad = b;
		}
		bad += bodybad;
	} else {
		size_t tbad = 0, pbad = 0;

		group_headers(rec);
		for (i = 0; i < rec->nf; i++)
			if (grp.group[i] == i && (opt.exclude.n == 0 || !list_has(&opt.exclude, rec->f[i].name)))
				bad += put_group(rec, i, &first);
		if (!list_has(&opt.exclude, "text"))
			tbad = put_text(rec, &first);
		if (opt.paragraphs && !list_has(&opt.exclude, "paragraphs"))
			pbad = put_paragraphs(rec, &first);
		bad += tbad > pbad ? tbad : pbad;
	}
	if (bad > 0) {
		/* Say so in the output too: a replaced byte is not silent. */
		struct buf msg = {0};

		buf_printf(&msg, "to-jsonl: %zu invalid UTF-8 sequence%s replaced with U+FFFD",
		    bad, bad == 1 ? "" : "s");
		put_key_as("to_jsonl_warning", &first, 1);
		json_string(&line, msg.s, msg.len, opt.ascii);
		warnx("%s: %s", record_source(rec, &scratch), msg.s + 10);
		record_add(rec, "warning", msg.s);
		buf_free(&msg);
		st.invalid++;
	}
	buf_add(&line, "}\n", 2);
	if (opt.stats)
		stats_add(rec);
	buf_free(&scratch);
	if (fwrite(line.s, 1, line.len, stdout) != line.len)
		return -1;
	st.out++;
	return FILTER_DONE;
}

static void
add_rename(const char *arg)
{
	const char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg || eq[1] == '\0')
		die(EXIT_USAGE, "--rename wants OLD=NEW, not '%s'", arg);
	list_split(&opt.rename_from, "");
	opt.rename_from.item = erealloc(opt.rename_from.item, (opt.rename_from.n + 1) * sizeof(char *));
	opt.rename_from.item[opt.rename_from.n++] = estrndup(arg, (size_t)(eq - arg));
	opt.rename_to.item = erealloc(opt.rename_to.item, (opt.rename_to.n + 1) * sizeof(char *));
	opt.rename_to.item[opt.rename_to.n++] = estrdup(eq + 1);
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
	int c, status;

	util_init(argv[0]);
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":pAf:x:a:n:R:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'p': opt.paragraphs = 1; break;
		case 'A': opt.ascii = 1; break;
		case 'f': list_split(&opt.fields, optarg); break;
		case 'x': list_split(&opt.exclude, optarg); break;
		case 'a': list_split(&opt.arrays, optarg); break;
		case 'n': list_split(&opt.numbers, optarg); break;
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
	if (opt.fields.n > 0 && opt.exclude.n > 0)
		die(EXIT_USAGE, "--fields and --exclude do not go together; use one");
	status = filter_run(argv + optind, argc - optind, to_json, NULL);
	if (opt.stats)
		stats_print();
	buf_free(&line);
	keys_reset();
	hmap_free(&keys.set);
	free(keys.all);
	free(grp.group);
	free(grp.count);
	hmap_free(&grp.leader);
	stats_free();
	list_free(&opt.fields);
	list_free(&opt.exclude);
	list_free(&opt.arrays);
	list_free(&opt.numbers);
	list_free(&opt.rename_from);
	list_free(&opt.rename_to);
	return status;
}
