/*
 * fuzz/meta.c: the field engine (filters/lib/fields.c) with the bundled
 * rules, driven as extract-meta drives it: each record gets the fields of
 * the site its "site" header names, or of the default.
 *
 * The input is a record stream; the first byte turns --explain on (bit 0).
 * After fields_apply, every record reads back unchanged and clean, its body
 * is valid UTF-8 when it went in valid, and the body never grows: the
 * engine only takes text out (beyond the NFC of what came in, and the final
 * newline of a last line that had none).  text_count then sees every
 * character of the body once.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "check.h"
#include "fields.h"
#include "record.h"
#include "rules.h"
#include "rx.h"
#include "text.h"

static struct rules *rules;
static struct fieldwork *work;
static FILE *devnull;

static void
free_fieldset(void *p)
{
	fields_free(p);
}

/* The compiled fields of site S; every bundled site compiles (checked at start). */
static struct fieldset *
site_fields(struct site *s)
{
	if (s->priv == NULL) {
		CHECK(rules_load(rules, s) == 0, "%s: the bundled rules do not load", s->file);
		s->priv = fields_compile(s);
		CHECK(s->priv != NULL, "%s: the bundled fields do not compile", s->file);
	}
	return s->priv;
}

static void
cleanup(void)
{
	rules_free(rules, free_fieldset);
	fields_work_free(work);
	rx_cleanup();
	if (devnull)
		fclose(devnull);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t i;

	(void)argc;
	(void)argv;
	if ((devnull = fopen("/dev/null", "w")) == NULL)
		check_fail("cannot open /dev/null");
	rules = rules_open(KHOBOR_TOP "/rules");
	for (i = 0; i < rules->nsites; i++)
		site_fields(&rules->sites[i]);
	site_fields(&rules->deflt);
	work = fields_work_new();
	atexit(cleanup);
	return 0;
}

static void
one(struct record *rec, int explain)
{
	const char *name = record_get(rec, "site");
	struct site *s = name ? rules_find(rules, name) : NULL;
	struct buf nfc = {0};
	struct text_counts c;
	int valid = check_utf8(rec->body.s ? rec->body.s : "", rec->body.len);

	text_nfc(rec->body.s ? rec->body.s : "", rec->body.len, &nfc);
	fields_apply(site_fields(s ? s : &rules->deflt), work, rec, explain ? devnull : NULL);
	check_roundtrip(rec, "extract-meta");
	if (valid)
		CHECK(check_utf8(rec->body.s ? rec->body.s : "", rec->body.len),
		    "fields_apply made the body invalid UTF-8");
	CHECK(rec->body.len <= nfc.len + 1, "fields_apply made the body grow from %zu to %zu bytes",
	    nfc.len, rec->body.len);
	text_count(rec->body.s ? rec->body.s : "", rec->body.len, &c);
	CHECK(c.chars <= rec->body.len && c.words <= c.chars && c.paragraphs <= c.chars,
	    "text_count: %zu paragraphs, %zu words, %zu characters in %zu bytes", c.paragraphs, c.words,
	    c.chars, rec->body.len);
	buf_free(&nfc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reader rd;
	struct record rec = {0};
	FILE *fp;

	if (size < 2)
		return 0;
	if ((fp = fmemopen((void *)(data + 1), size - 1, "rb")) == NULL)
		check_fail("fmemopen failed");
	reader_init(&rd, fp, "fuzz");
	while (record_read(&rd, &rec) > 0)
		one(&rec, data[0] & 1);
	record_free(&rec);
	reader_free(&rd);
	fclose(fp);
	return 0;
}
