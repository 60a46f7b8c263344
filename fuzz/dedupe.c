/*
 * fuzz/dedupe.c: the readers of dedupe's untrusted files, through the
 * library only (filters/lib/dedup.c and dedupsig.c): the index file, and
 * the band lines of shard mode.  The first byte chooses: even, the rest
 * is an index; odd, it is a table of band lines.
 *
 * An index that reads back is written back to the very same bytes, no
 * record is found as a copy of a later one, and a second read of the
 * written bytes gives the same records.  A table that
 * reads gives marks that name an earlier record than the one marked.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "dedup.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void
index_case(const uint8_t *data, size_t size)
{
	const struct dedupe_params *p = &dedupe_default_params;
	struct dedupe_index *ix = dedupe_index_new(p), *again;
	struct buf err = {0}, out = {0};
	struct dedupe_match m;
	size_t i, n;

	if (dedupe_index_read(ix, data, size, "fuzz", &err) != 0) {
		CHECK(err.len > 0 && strncmp(err.s, "fuzz: ", 6) == 0, "a refused index without a message");
		goto done;
	}
	n = dedupe_index_count(ix);
	dedupe_index_write(ix, &out);
	CHECK(out.len == size && memcmp(out.s, data, size) == 0, "an index read did not write back the same bytes");
	for (i = 0; i < n; i++) {
		long j = dedupe_index_find(ix, &dedupe_default_rule, dedupe_index_sig(ix, i), &m, NULL, "");

		/* Not found at all only when its bands' first candidates come before it and differ. */
		CHECK(j < 0 || (size_t)j <= i, "record %zu is found as a copy of a later one", i);
		CHECK(j < 0 || (m.kind != DEDUPE_NONE && m.similarity > 0 && m.similarity <= 1),
		    "a match without a kind");
	}
	again = dedupe_index_new(p);
	CHECK(dedupe_index_read(again, out.s, out.len, "again", &err) == 0, "a written index does not read back");
	CHECK(dedupe_index_count(again) == n, "a written index reads back with another count");
	for (i = 0; i < n; i++)
		CHECK(strcmp(dedupe_index_key(again, i), dedupe_index_key(ix, i)) == 0, "key %zu changed", i);
	dedupe_index_free(again);
done:
	dedupe_index_free(ix);
	buf_free(&err);
	buf_free(&out);
}

static void
table_case(const uint8_t *data, size_t size)
{
	struct buf err = {0};
	struct dedupe_marks *mk;
	FILE *fp;
	unsigned long r, shard;

	if (size < 1)
		return;
	shard = data[0];
	if ((fp = fmemopen((void *)(data + 1), size - 1, "rb")) == NULL)
		return;
	mk = dedupe_marks_read(fp, "fuzz", &dedupe_default_params, &dedupe_default_rule, shard, &err);
	fclose(fp);
	if (mk == NULL) {
		CHECK(err.len > 0, "a refused table without a message");
		buf_free(&err);
		return;
	}
	for (r = 1; r < 4096; r++) {
		const struct dedupe_mark *dm = dedupe_marks_get(mk, r);

		if (dm == NULL || dm->m.kind == DEDUPE_NONE)
			continue;
		CHECK(dm->shard < shard || (dm->shard == shard && dm->recno < r), "a mark names a later record");
		CHECK(dm->key != NULL, "a mark without a key");
	}
	dedupe_marks_free(mk);
	buf_free(&err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] & 1)
		table_case(data + 1, size - 1);
	else
		index_case(data + 1, size - 1);
	return 0;
}
