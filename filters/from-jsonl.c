/*
 * from-jsonl: JSON Lines in (one object per page), a khobor record stream
 * out, so that the chain can run line-in, line-out under Hadoop Streaming
 * or Spark's RDD.pipe:
 *
 *   from-jsonl | strip-boilerplate --records | extract-meta | normalize-date | to-jsonl
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "jsonread.h"
#include "record.h"
#include "util.h"

static const char usage_text[] =
    "usage: from-jsonl [-t KEY] [-i KEYS] [-k LIST | -x LIST] [FILE...]\n";

static const char help_text[] =
    "Read JSON Lines, one object per page, and write one record per line: the\n"
    "page text as body, the id as the source header (a url member is also kept\n"
    "as the url header), other members as headers.\n"
    "\n"
    "  -t, --text=KEY      the member holding the page text (default: text)\n"
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

static struct {
	const char *text;
	char **ids, **keep, **exclude;
	size_t nids, nkeep, nexclude;
	int keep_set;
} opt;

static int status = EXIT_OK;

static int
in(char **list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

/* A member name as a header name: lower case, other characters to '_'. */
static int
header_name(const char *key, struct buf *out)
{
	const char *p;

	buf_reset(out);
	for (p = key; *p; p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			c = '_';
		buf_addc(out, c);
	}
	return out->len > 0 && record_name_ok(out->s, out->len);
}

/* Make a header value one line: its line breaks and tabs become spaces. */
static void
flatten(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = ' ';
}

static int
convert_line(struct record *rec, const char *file, unsigned long lineno, char *line, size_t len,
    struct jobject *obj)
{
	struct buf where = {0}, name = {0};
	const struct jmember *text = NULL, *id = NULL;
	const char *err;
	size_t pos, i, k;
	int rc;

	record_clear(rec);
	rec->no = lineno;
	buf_printf(&where, "%s:%lu", file, lineno);
	if (len > 0 && line[len - 1] == '\n')
		len--;
	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (json_read_object(line, len, obj, &err, &pos) < 0) {
		record_add(rec, "source", where.s);
		record_error(rec, "not a JSON object: %s (at byte %zu); the line is kept as the body",
		    err, pos + 1);
		record_set_body(rec, line, len);
		goto out;
	}
	for (i = 0; i < opt.nids && id == NULL; i++)
		id = jobject_get(obj, opt.ids[i]);
	if (id && id->nitem == 1 && id->type != J_OBJECT && id->type != J_ARRAY && id->item[0][0]) {
		char *v = estrdup(id->item[0]);

		flatten(v);
		record_add(rec, "source", v);
		free(v);
	} else {
		record_add(rec, "source", where.s);
		record_warning(rec, "%s: no id (looked for %s); the source is the line", where.s, opt.ids[0]);
	}
	for (i = 0; i < obj->n; i++) {
		const struct jmember *m = &obj->m[i];

		/* The id is the source; a url stays a header too, for site detection by host. */
		if (strcmp(m->key, opt.text) == 0 || (m == id && strcmp(m->key, "url") != 0))
			continue;
		if (opt.keep_set ? !in(opt.keep, opt.nkeep, m->key) : in(opt.exclude, opt.nexclude, m->key))
			continue;
		if (m->type == J_OBJECT || m->type == J_NULL)
			continue;
		if (!header_name(m->key, &name) || strcmp(name.s, "source") == 0) {
			record_warning(rec, "member \"%.40s\" cannot be a header name; left out", m->key);
			continue;
		}
		for (k = 0; k < m->nitem; k++) {
			char *v = estrdup(m->item[k]);

			flatten(v);
			record_add(rec, name.s, v);
			free(v);
		}
	}
	text = jobject_get(obj, opt.text);
	if (text == NULL || text->type != J_STRING) {
		record_error(rec, "%s: no \"%s\" string member with the page text", where.s, opt.text);
	} else {
		record_set_body(rec, text->item[0], strlen(text->item[0]));
		if (obj->nuls > 0)
			record_warning(rec, "%s: %zu NUL character%s (\\u0000) written as U+FFFD", where.s,
			    obj->nuls, obj->nuls == 1 ? "" : "s");
	}
out:
	rc = rec->nerrors;
	buf_free(&where);
	buf_free(&name);
	return rc;
}

static int
do_file(const char *path)
{
	FILE *fp = util_open(path);
	struct record rec = {0};
	struct jobject obj = {0};
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned long lineno = 0;
	int rc = 0;

	if (fp == NULL) {
		status = status == EXIT_OK ? EXIT_RECORDS : status;
		return 0;
	}
	while ((n = getline(&line, &cap, fp)) > 0) {
		lineno++;
		if (convert_line(&rec, path, lineno, line, (size_t)n, &obj) > 0 && status == EXIT_OK)
			status = EXIT_RECORDS;
		if (record_write(stdout, &rec) < 0) {
			if (util_write_error() == EXIT_OUTPUT)
				status = EXIT_OUTPUT;
			rc = -1;
			break;
		}
	}
	if (ferror(fp)) {
		warnx("%s: read error: %s", path, strerror(errno));
		status = status == EXIT_OK ? EXIT_RECORDS : status;
	}
	free(line);
	jobject_clear(&obj);
	free(obj.m);
	record_free(&rec);
	if (fp != stdin)
		fclose(fp);
	return rc;
}

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
		{ "id", required_argument, NULL, 'i' },
		{ "keep", required_argument, NULL, 'k' },
		{ "exclude", required_argument, NULL, 'x' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, i, rc = 0;

	util_init(argv[0]);
	opt.text = "text";
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":t:i:k:x:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 't': opt.text = optarg; break;
		case 'i': util_split(optarg, &opt.ids, &opt.nids); break;
		case 'k': util_split(optarg, &opt.keep, &opt.nkeep); opt.keep_set = 1; break;
		case 'x': util_split(optarg, &opt.exclude, &opt.nexclude); break;
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
	if (opt.keep_set && opt.nexclude)
		die(EXIT_USAGE, "--keep and --exclude do not go together; use one");
	if (opt.nids == 0)
		util_split("id,url", &opt.ids, &opt.nids);
	if (optind == argc)
		rc = do_file("-");
	for (i = optind; i < argc && rc == 0; i++)
		rc = do_file(argv[i]);
	free_list(opt.ids, opt.nids);
	free_list(opt.keep, opt.nkeep);
	free_list(opt.exclude, opt.nexclude);
	if (rc < 0)
		return status;
	c = util_close_stdout();
	return c ? c : status;
}
