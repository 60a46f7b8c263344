/*
 * fuzz/jsonl.c: from-jsonl's converter (filters/lib/fromjson.c) and its
 * JSON reader (filters/lib/jsonread.c).
 *
 * json_read_object accepts exactly the lines an independent strict
 * validator takes for one JSON object (when nesting is shallow), and
 * every line, JSON or not, gives one record with one source header that
 * reads back clean.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fromjson.h"
#include "jsonread.h"
#include "record.h"

static struct fromjson *fj;
static struct fromjson_work *work;

int LLVMFuzzerInitialize(int *argc, char ***argv);

static void
cleanup(void)
{
	fromjson_free(fj);
	fromjson_work_free(work);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static char *ids[] = { "id", "url" };
	struct fromjson_opts o = { .text = "text", .ids = ids, .nids = 2 };

	(void)argc;
	(void)argv;
	fj = fromjson_compile(&o);
	work = fromjson_work_new();
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
	free(obj.m);

	fromjson_convert(fj, work, "fuzz", 1, line, size, &rec);
	check_roundtrip(&rec, "from-jsonl");
	CHECK(record_count(&rec, "source") == 1, "%zu source headers", record_count(&rec, "source"));
	CHECK(rec.no == 1, "record number %lu for line 1", rec.no);
	record_free(&rec);
	free(line);
	return 0;
}
