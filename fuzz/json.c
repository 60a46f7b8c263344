/*
 * fuzz/json.c: JSON output, and the record -> JSON object writer of
 * to-jsonl (filters/lib/jsonl.c).
 *
 * 1. json_string on any bytes, with and without --ascii: the literal is
 *    valid JSON (by an independent strict validator), has no raw
 *    U+2028/U+2029, is pure ASCII with --ascii, and decodes to exactly
 *    what text_utf8_fix makes of the input.
 * 2. The input, less its first byte, as a record stream through
 *    jsonl_write (the options from the first byte, among them renames
 *    onto to-jsonl's own keys and onto each other, and --fields): every
 *    line is one JSON object (by the same validator) with unique keys,
 *    parses with from-jsonl's reader too, and its text member is the body
 *    (repaired, without the final newline); no header is lost, and the
 *    warning member comes last exactly when bytes were replaced.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "hash.h"
#include "json.h"
#include "jsonl.h"
#include "jsonread.h"
#include "record.h"
#include "text.h"

/* The bits of the first byte, each an option. */
enum {
	O_ASCII = 1, O_PARAGRAPHS = 2, O_ARRAY = 4, O_NUMBER = 8,
	O_RENAME = 16,		/* renames onto to-jsonl's own keys and onto each other */
	O_FIELDS = 32,		/* --fields instead of every header */
	O_NSPECS = 64
};

static char *arrays[] = { "site" }, *numbers[] = { "n" };
static char *from[] = { "site", "a", "b", "text" }, *to[] = { "text", "b", "a", "to_jsonl_warning" };
static char *fields[] = { "n", "text", "site", "paragraphs", "a" };
static struct jsonl_spec *spec[O_NSPECS];
static struct jsonl_work *work;

int LLVMFuzzerInitialize(int *argc, char ***argv);

static void
cleanup(void)
{
	int i;

	for (i = 0; i < O_NSPECS; i++)
		jsonl_free(spec[i]);
	jsonl_work_free(work);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	int i;

	(void)argc;
	(void)argv;
	for (i = 0; i < O_NSPECS; i++) {
		struct jsonl_opts o = {0};

		o.ascii = (i & O_ASCII) != 0;
		o.paragraphs = (i & O_PARAGRAPHS) != 0;
		if (i & O_ARRAY)
			o.arrays = arrays, o.narrays = 1;
		if (i & O_NUMBER)
			o.numbers = numbers, o.nnumbers = 1;
		if (i & O_RENAME)
			o.rename_from = from, o.rename_to = to, o.nrename = 4;
		if (i & O_FIELDS)
			o.fields = fields, o.nfields = 5;
		spec[i] = jsonl_compile(&o);
	}
	work = jsonl_work_new();
	atexit(cleanup);
	return 0;
}

static void
string_checks(const char *s, size_t n, int ascii)
{
	struct buf out = {0}, dec = {0}, fixed = {0};
	size_t bad, fbad, lit, i;
	const char *why;

	bad = json_string(&out, s, n, ascii);
	CHECK(check_json(out.s, out.len, 0, 1, &why), "json_string output is not JSON: %s", why);
	lit = check_json_string(out.s, out.len, &dec);
	CHECK(lit == out.len, "json_string wrote more than one literal");
	buf_grow(&dec, 0);
	fbad = text_utf8_fix(s, n, &fixed);
	buf_grow(&fixed, 0);
	CHECK(bad == fbad, "json_string replaced %zu sequences, text_utf8_fix %zu", bad, fbad);
	CHECK(dec.len == fixed.len && memcmp(dec.s, fixed.s, dec.len) == 0,
	    "json_string does not decode to the repaired input (ascii %d)", ascii);
	for (i = 0; i < out.len; i++) {
		unsigned char c = (unsigned char)out.s[i];

		CHECK(!ascii || c < 0x80, "--ascii output has byte 0x%02x", c);
		CHECK(!(c == 0xE2 && i + 2 < out.len && (unsigned char)out.s[i + 1] == 0x80 &&
		    ((unsigned char)out.s[i + 2] == 0xA8 || (unsigned char)out.s[i + 2] == 0xA9)),
		    "raw U+2028 or U+2029 in the output");
	}
	buf_free(&out);
	buf_free(&dec);
	buf_free(&fixed);
}

/* The members the writer must write for REC without --fields: one a header name, the body's, its warning. */
static size_t
members_expected(const struct record *rec, int opts, size_t bad)
{
	struct hmap names = {0};
	size_t i, n = 0;

	for (i = 0; i < rec->nf; i++)
		n += hmap_put(&names, rec->f[i].name, strlen(rec->f[i].name), NULL);
	hmap_free(&names);
	return n + 1 + ((opts & O_PARAGRAPHS) != 0) + (bad > 0);
}

static void
record_checks(const struct record *rec, int opts)
{
	struct jobject obj = {0};
	const struct jmember *m;
	struct buf line = {0}, fixed = {0};
	const char *err, *why, *text = "text";
	size_t pos, i, j, len, bad;
	char *nl;

	bad = jsonl_write(spec[opts], work, rec, &line);
	CHECK(line.len >= 3 && line.s[line.len - 1] == '\n', "a JSON line without its newline");
	nl = memchr(line.s, '\n', line.len);
	CHECK(nl == line.s + line.len - 1, "a newline inside a JSON line");
	CHECK(check_json(line.s, line.len - 1, 1, 3, &why), "to-jsonl wrote invalid JSON: %s", why);
	CHECK(json_read_object(line.s, line.len - 1, &obj, &err, &pos) == 0,
	    "from-jsonl's reader refused to-jsonl's line: %s at %zu", err, pos);
	for (i = 0; i < obj.n; i++)
		for (j = i + 1; j < obj.n; j++)
			CHECK(strcmp(obj.m[i].key, obj.m[j].key) != 0, "duplicate key \"%s\"", obj.m[i].key);
	if (bad > 0) {
		/* The warning is the last member; with the renames its name has a suffix. */
		m = &obj.m[obj.n - 1];
		CHECK(strncmp(m->key, "to_jsonl_warning", 16) == 0 && m->type == J_STRING &&
		    strncmp(m->item[0], "to-jsonl: ", 10) == 0, "no warning member last, but \"%s\"", m->key);
	} else if (!(opts & O_RENAME)) {
		CHECK(jobject_get(&obj, "to_jsonl_warning") == NULL, "a warning member, and nothing replaced");
	}
	if (opts & O_RENAME)
		text = "to_jsonl_warning";	/* the body's member, renamed */
	CHECK((m = jobject_get(&obj, text)) != NULL && m->type == J_STRING, "no text member");
	len = rec->body.len;
	if (len > 0 && rec->body.s[len - 1] == '\n')
		len--;
	text_utf8_fix(rec->body.s ? rec->body.s : "", len, &fixed);
	buf_grow(&fixed, 0);
	CHECK(strcmp(m->item[0], fixed.s) == 0, "\"%s\" is not the body", text);
	if (!(opts & O_FIELDS)) {
		/* Every header name is one member, under its name or another with a suffix. */
		CHECK(obj.n == members_expected(rec, opts, bad), "%zu members for %zu expected", obj.n,
		    members_expected(rec, opts, bad));
	} else if (!(opts & O_RENAME)) {
		for (i = 0; i < obj.n; i++) {
			for (j = 0; j < sizeof(fields) / sizeof(*fields); j++)
				if (strcmp(obj.m[i].key, fields[j]) == 0)
					break;
			CHECK(j < sizeof(fields) / sizeof(*fields) || strcmp(obj.m[i].key, "to_jsonl_warning") == 0,
			    "--fields wrote member \"%s\"", obj.m[i].key);
		}
	}
	/* ... under its name or (when it clashes with to-jsonl's own keys) NAME_2. */
	if (!(opts & (O_RENAME | O_FIELDS)))
		for (i = 0; i < rec->nf; i++) {
			struct buf alt = {0};

			buf_printf(&alt, "%s_2", rec->f[i].name);
			CHECK(jobject_get(&obj, rec->f[i].name) != NULL || jobject_get(&obj, alt.s) != NULL,
			    "header %s missing", rec->f[i].name);
			buf_free(&alt);
		}
	buf_free(&line);
	buf_free(&fixed);
	jobject_clear(&obj);
	free(obj.m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reader rd;
	struct record rec = {0};
	FILE *fp;

	string_checks((const char *)data, size, 0);
	string_checks((const char *)data, size, 1);
	if (size < 2)
		return 0;
	if ((fp = fmemopen((void *)(data + 1), size - 1, "rb")) == NULL)
		check_fail("fmemopen failed");
	reader_init(&rd, fp, "fuzz");
	while (record_read(&rd, &rec) > 0)
		record_checks(&rec, data[0] % O_NSPECS);
	record_free(&rec);
	reader_free(&rd);
	fclose(fp);
	return 0;
}
