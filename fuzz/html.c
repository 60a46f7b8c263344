/*
 * fuzz/html.c: the HTML renderer and the head and JSON-LD reader
 * (filters/lib/html.c, htmlmeta.c), through html_render() as from-html
 * calls it, linking libkhobor.a only.
 *
 * The first byte chooses a transport charset (bits 0-1: none, windows-1252,
 * UTF-16LE, an unknown name); the rest is the page.  The page is rendered
 * twice, from memory and from a stream (read in chunks, so that every
 * chunk boundary the decoder and the parser meet differs), and both records
 * must be the same.  The record must read back unchanged (headers one line
 * each, names valid), its body valid UTF-8 without NUL, empty or ending in
 * a line break, and never larger than a bound of the page's size.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "html.h"
#include "record.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct htmlwork *work;

static void
cleanup(void)
{
	html_work_free(work);
	html_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	work = html_work_new();
	atexit(cleanup);
	return 0;
}

static void
same(const struct record *a, const struct record *b)
{
	size_t i;

	CHECK(a->nf == b->nf, "memory and stream give %zu and %zu headers", a->nf, b->nf);
	for (i = 0; i < a->nf; i++)
		CHECK(strcmp(a->f[i].name, b->f[i].name) == 0 && strcmp(a->f[i].value, b->f[i].value) == 0,
		    "header %zu differs: %s: %s / %s: %s", i, a->f[i].name, a->f[i].value, b->f[i].name,
		    b->f[i].value);
	CHECK(a->body.len == b->body.len && (a->body.len == 0 || memcmp(a->body.s, b->body.s, a->body.len) == 0),
	    "memory and stream give different bodies");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const charsets[] = { NULL, "windows-1252", "UTF-16LE", "x-no-such-charset" };
	struct record mem = {0}, str = {0};
	struct html_source src = { NULL, NULL, 0 };
	struct html_opts o = { NULL, NULL };
	FILE *fp;

	if (size < 1)
		return 0;
	o.charset = charsets[data[0] & 3];
	o.url = data[0] & 4 ? "https://example.com/fuzz" : NULL;
	src.s = (const char *)data + 1;
	src.n = size - 1;
	CHECK(html_render(work, &src, &o, &mem) == 0, "rendering from memory failed");
	if ((fp = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1, "rb")) == NULL)
		check_fail("fmemopen failed");
	if (size == 1)
		fgetc(fp);	/* fmemopen needs one byte: read it away for an empty page */
	src.fp = fp;
	CHECK(html_render(work, &src, &o, &str) == 0, "rendering from a stream failed");
	fclose(fp);
	same(&mem, &str);
	check_roundtrip(&mem, "from-html");
	CHECK(check_utf8(mem.body.s ? mem.body.s : "", mem.body.len), "the body is not valid UTF-8");
	CHECK(mem.body.len == 0 || memchr(mem.body.s, '\0', mem.body.len) == NULL, "a NUL in the body");
	CHECK(mem.body.len == 0 || mem.body.s[mem.body.len - 1] == '\n', "the body does not end in a line break");
	/* Every byte of the page gives at most a few bytes of text (U+FFFD, a bullet, line breaks). */
	CHECK(mem.body.len <= 8 * size + 64, "a body of %zu bytes from a page of %zu", mem.body.len, size);
	record_free(&mem);
	record_free(&str);
	return 0;
}
