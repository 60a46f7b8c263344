/*
 * fuzz/jsonl.c: from-jsonl's per-line processing and its JSON reader.
 *
 * json_read_object accepts exactly the lines an independent strict
 * validator takes for one JSON object (when nesting is shallow), and
 * every line, JSON or not, gives one record that reads back clean.
 */
#include <stdint.h>

#define main from_jsonl_main
#include "../filters/from-jsonl.c"
#undef main

#include "check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

static void
cleanup(void)
{
	free_list(opt.ids, opt.nids);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	opt.text = "text";
	util_split("id,url", &opt.ids, &opt.nids);
	atexit(cleanup);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct record rec = {0};
	struct jobject obj = {0};
	char *line = malloc(size + 1);
	const char *err, *why;
	size_t pos, i, depth = 0;
	int ours, theirs;

	memcpy(line, data, size);
	line[size] = '\0';
	for (i = 0; i < size; i++)
		depth += line[i] == '[' || line[i] == '{';
	theirs = json_read_object(line, size, &obj, &err, &pos) == 0;
	ours = check_json(line, size, 1, 1000, &why);
	if (depth < 60)
		CHECK(ours == theirs, "json_read_object %s a line the validator %s (%s)",
		    theirs ? "accepted" : "refused", ours ? "accepts" : "refuses",
		    theirs ? why : err);
	if (!theirs)
		CHECK(err != NULL && pos <= size, "a refusal without a reason or a position");
	jobject_clear(&obj);

	convert_line(&rec, "fuzz", 1, line, size, &obj);
	check_roundtrip(&rec, "from-jsonl");
	CHECK(record_count(&rec, "source") == 1, "%zu source headers", record_count(&rec, "source"));
	record_free(&rec);
	jobject_clear(&obj);
	free(obj.m);
	free(line);
	return 0;
}
