/*
 * fuzz/warchtml.c: from-warc's way with HTML responses (filters/from-warc.c:
 * the HTTP message's Content-Type and charset, <html lang> and the share of
 * Bengali letters under --lang, the page rendered by filters/lib/html.c).
 *
 * That glue is from-warc's own, static in the filter, so the filter itself
 * is compiled in here (its main renamed) and its convert() driven as its
 * do_file() drives it; the reader and the renderer come from libkhobor.a.
 *
 * The first byte chooses: bit 0, --lang ben; bit 1, the rest is a whole WARC
 * file as it is; else the rest is the payload of one record written here:
 * bit 2 a resource record of text/html (else a response holding an HTTP
 * message), bits 3-4 the charset the Content-Type names (none, windows-1252,
 * UTF-8, UTF-16LE), bit 5 a WARC-Identified-Content-Language of ben (else
 * none, as CC-NEWS), bit 6 a Content-Encoding of gzip (the payload is then
 * not read: the record is skipped).
 *
 * Every record kept reads back unchanged and clean, its body valid UTF-8
 * without NUL, naming its source; the HTML record written here ends in a
 * line break and, under --lang ben, was kept by its language header, by its
 * <html lang>, or by at least half of its letters being Bengali.  A record written here
 * renders exactly as html_render renders its payload with the same URL and
 * charset: from-warc adds headers, it never changes the page.
 */
#define main from_warc_main
#include "../filters/from-warc.c"
#undef main

#include "check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int from_warc_main(int argc, char *argv[]);

static char *ben[] = { "ben" };
static struct htmlwork *direct;

static void
cleanup(void)
{
	html_work_free(hwork);
	html_work_free(direct);
	html_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	util_init("from-warc");
	opt.max_record = (size_t)1 << 20;
	direct = html_work_new();
	atexit(cleanup);
	return 0;
}

/* The one record the payload goes in, as the first byte asks. */
static void
frame(struct buf *f, unsigned flags, const char *payload, size_t n, size_t *start)
{
	static const char *const charsets[] = { NULL, "windows-1252", "UTF-8", "UTF-16LE" };
	const char *cs = charsets[(flags >> 3) & 3];
	struct buf block = {0};

	if (!(flags & 4)) {
		buf_printf(&block, "HTTP/1.1 200 OK\r\nContent-Type: text/html%s%s\r\n%s\r\n",
		    cs ? "; charset=" : "", cs ? cs : "", flags & 64 ? "Content-Encoding: gzip\r\n" : "");
	}
	*start = block.len;
	buf_add(&block, payload, n);
	buf_printf(f, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: https://www.example.com/news/1\r\n"
	    "WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n",
	    flags & 4 ? "resource" : "response");
	if (flags & 4)
		buf_printf(f, "Content-Type: text/html%s%s\r\n", cs ? "; charset=" : "", cs ? cs : "");
	else
		buf_printf(f, "Content-Type: application/http; msgtype=response\r\n");
	if (flags & 32)
		buf_printf(f, "WARC-Identified-Content-Language: ben\r\n");
	buf_printf(f, "Content-Length: %zu\r\n\r\n", block.len);
	buf_add(f, block.s ? block.s : "", block.len);
	buf_printf(f, "\r\n\r\n");
	buf_free(&block);
}

/*
 * A record kept: clean.  PAYLOAD (the page written here; NULL for a whole
 * file) lets --lang ben be checked: with no language header, the page was
 * kept for its own <html lang> (as from-warc sniffs it, before parsing: the
 * parser may not see it, say after a broken doctype) or, lacking one, for at
 * least half of its visible letters being Bengali.
 */
static void
check_kept(const struct record *rec, unsigned flags, const char *payload, size_t n)
{
	char attr[32];

	check_roundtrip(rec, "from-warc");
	CHECK(check_utf8(rec->body.s ? rec->body.s : "", rec->body.len), "the body is not valid UTF-8");
	CHECK(rec->body.len == 0 || memchr(rec->body.s, '\0', rec->body.len) == NULL, "a NUL in the body");
	CHECK(record_get(rec, "source") != NULL, "a record without its source");
	if (payload == NULL)
		return;
	CHECK(rec->body.len == 0 || rec->body.s[rec->body.len - 1] == '\n',
	    "an HTML page's body does not end in a line break");
	if ((flags & 1) && record_get(rec, "warc_lang") == NULL) {
		html_sniff_lang(payload, n, attr, sizeof(attr));
		CHECK(attr_verdict(attr) != 0, "kept under --lang ben with <html lang='%s'>", attr);
		if (attr_verdict(attr) < 0)
			CHECK(bengali_share(rec->body.s, rec->body.len) >= BENGALI_SHARE,
			    "kept under --lang ben with no <html lang> and %.2f of its letters Bengali",
			    bengali_share(rec->body.s, rec->body.len));
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct warc_options wo = { .max_record = (size_t)1 << 20, .warn = NULL, .ctx = NULL };
	struct warc_record wr = {0};
	struct record rec = {0}, ref = {0};
	struct buf file = {0}, scratch = {0};
	unsigned flags;
	size_t start = 0, kept = 0;
	struct warc *w;
	int whole;

	if (size < 1)
		return 0;
	flags = data[0];
	whole = (flags & 2) != 0;
	opt.langs = flags & 1 ? ben : NULL;
	opt.nlangs = flags & 1 ? 1 : 0;
	if (whole)
		buf_add(&file, (const char *)data + 1, size - 1);
	else
		frame(&file, flags, (const char *)data + 1, size - 1, &start);
	w = warc_open_mem(file.s ? file.s : "", file.len, "fuzz", &wo);
	CHECK(w != NULL, "warc_open_mem failed");
	while (warc_next(w, &wr)) {
		st.read++;
		if (!convert(w, &wr, &rec, &scratch))
			continue;
		kept++;
		/* A whole file's records may be text; the one written here is HTML. */
		check_kept(&rec, flags, whole ? NULL : (const char *)data + 1, size - 1);
		if (!whole) {
			/* The payload rendered directly gives the same body and head. */
			static const char *const charsets[] = { NULL, "windows-1252", "UTF-8", "UTF-16LE" };
			struct html_source src = { NULL, (const char *)data + 1, size - 1 };
			struct html_opts o = { "https://www.example.com/news/1", charsets[(flags >> 3) & 3] };
			size_t i, j;

			record_clear(&ref);
			CHECK(html_render(direct, &src, &o, &ref) == 0, "html_render failed");
			CHECK(rec.body.len == ref.body.len &&
			    (rec.body.len == 0 || memcmp(rec.body.s, ref.body.s, rec.body.len) == 0),
			    "from-warc's rendering differs from html_render's");
			/* Every header of the page is in from-warc's record; the others are the WARC's. */
			for (i = 0; i < ref.nf; i++) {
				for (j = 0; j < rec.nf; j++)
					if (strcmp(rec.f[j].name, ref.f[i].name) == 0 && strcmp(rec.f[j].value, ref.f[i].value) == 0)
						break;
				CHECK(j < rec.nf, "header '%s: %s' of the page is not in from-warc's record", ref.f[i].name,
				    ref.f[i].value);
			}
			for (j = 0; j < rec.nf; j++) {
				static const char *const warc[] = { "source", "url", "crawl_date", "warc_record_id",
					"warc_lang", "error", NULL };
				int known = 0;

				for (i = 0; warc[i]; i++)
					known |= strcmp(rec.f[j].name, warc[i]) == 0;
				for (i = 0; !known && i < ref.nf; i++)
					known |= strcmp(rec.f[j].name, ref.f[i].name) == 0;
				CHECK(known, "from-warc's record has a header '%s' neither the WARC nor the page gave",
				    rec.f[j].name);
			}
		}
	}
	if (!whole && !(flags & 64) && !(flags & 1))
		CHECK(kept == 1, "the one HTML record written was not kept");
	CHECK(warc_close(w) == 0 || whole, "warc_close failed");
	warc_record_free(&wr);
	record_free(&rec);
	record_free(&ref);
	buf_free(&file);
	buf_free(&scratch);
	return 0;
}
