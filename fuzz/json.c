/*
 * fuzz/json.c: JSON output, and to-jsonl's per-record processing.
 *
 * 1. json_string on any bytes, with and without --ascii: the literal is
 *    valid JSON (by an independent strict validator), has no raw
 *    U+2028/U+2029, is pure ASCII with --ascii, and decodes to exactly
 *    what text_utf8_fix makes of the input.
 * 2. The input, less its first byte, as a record stream through to-jsonl's
 *    to_json (options from the first byte): every line is one JSON object
 *    with unique keys, parses with from-jsonl's reader too, and its "text"
 *    is the body (repaired, without the final newline).
 */
#include <stdint.h>

#define main to_jsonl_main
#include "../filters/to-jsonl.c"
#undef main

#include "check.h"
#include "jsonread.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (freopen("/dev/null", "w", stdout) == NULL)
		check_fail("cannot open /dev/null");
	list_split(&opt.arrays, "site");
	list_split(&opt.numbers, "n");
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

static void
record_checks(struct record *rec)
{
	struct jobject obj = {0};
	const struct jmember *m;
	struct buf fixed = {0};
	const char *err, *why;
	size_t pos, i, j, len, nf = rec->nf;
	char *nl;

	/* to_json adds a warning header after the line for later stages; the line has it as to_jsonl_warning. */
	CHECK(to_json(rec, NULL) >= 0, "to_json failed");
	CHECK(line.len >= 3 && line.s[line.len - 1] == '\n', "a JSON line without its newline");
	nl = memchr(line.s, '\n', line.len);
	CHECK(nl == line.s + line.len - 1, "a newline inside a JSON line");
	CHECK(check_json(line.s, line.len - 1, 1, 3, &why), "to-jsonl wrote invalid JSON: %s", why);
	CHECK(json_read_object(line.s, line.len - 1, &obj, &err, &pos) == 0,
	    "from-jsonl's reader refused to-jsonl's line: %s at %zu", err, pos);
	for (i = 0; i < obj.n; i++)
			for (j = i + 1; j < obj.n; j++)
				CHECK(strcmp(obj.m[i].key, obj.m[j].key) != 0, "duplicate key \"%s\"", obj.m[i].key);
	CHECK((m = jobject_get(&obj, "text")) != NULL && m->type == J_STRING, "no text member");
	len = rec->body.len;
	if (len > 0 && rec->body.s[len - 1] == '\n')
		len--;
	text_utf8_fix(rec->body.s ? rec->body.s : "", len, &fixed);
	buf_grow(&fixed, 0);
	CHECK(strcmp(m->item[0], fixed.s) == 0, "\"text\" is not the body");
	/* Every header is there, under its name or (when it clashes with to-jsonl's own keys) NAME_2. */
	for (i = 0; i < nf; i++) {
		struct buf alt = {0};

		buf_printf(&alt, "%s_2", rec->f[i].name);
		CHECK(jobject_get(&obj, rec->f[i].name) != NULL || jobject_get(&obj, alt.s) != NULL,
		    "header %s missing", rec->f[i].name);
		buf_free(&alt);
	}
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
	opt.ascii = data[0] & 1;
	opt.paragraphs = (data[0] >> 1) & 1;
	opt.arrays.n = (data[0] >> 2) & 1;
	opt.numbers.n = (data[0] >> 3) & 1;
	if ((fp = fmemopen((void *)(data + 1), size - 1, "rb")) == NULL)
		check_fail("fmemopen failed");
	reader_init(&rd, fp, "fuzz");
	while (record_read(&rd, &rec) > 0)
		record_checks(&rec);
	record_free(&rec);
	reader_free(&rd);
	fclose(fp);
	return 0;
}
