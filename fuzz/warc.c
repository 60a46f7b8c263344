/*
 * fuzz/warc.c: the WARC reader (filters/lib/warc.c), as from-warc drives it.
 *
 * The first byte chooses how the rest is framed: as it is (plain WARC, or
 * whatever gzip the fuzzer made), wrapped in one gzip member, or cut
 * before every "WARC/" with each piece its own gzip member (as Common
 * Crawl writes WET).  The members are written here with stored deflate
 * blocks, so that the reader's gzip path sees valid members around any
 * bytes; bit 2 of the first byte spoils one CRC, bit 3 cuts the last
 * member short.
 *
 * The file is then read twice, mapped and through a pipe: both must give
 * the same records with the same damage (the pipe refills and slides its
 * buffers, the mapped file never does).  Every block stays within the
 * limit, every body read and skipped alike, and the clean-up from-warc
 * gives a body yields valid UTF-8.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "text.h"
#include "util.h"
#include "warc.h"

#define MAXREC 4096

/* CRC-32 of RFC 1952, section 8 (the sample code's table, computed once). */
static uint32_t crc_table[256];

static uint32_t
crc32_of(const unsigned char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	size_t i;

	if (crc_table[1] == 0)
		for (i = 0; i < 256; i++) {
			uint32_t v = (uint32_t)i;
			int k;

			for (k = 0; k < 8; k++)
				v = v & 1 ? 0xEDB88320u ^ (v >> 1) : v >> 1;
			crc_table[i] = v;
		}
	for (i = 0; i < n; i++)
		c = crc_table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
	return c ^ 0xFFFFFFFFu;
}

static void
put32(struct buf *b, uint32_t v)
{
	int i;

	for (i = 0; i < 4; i++)
		buf_addc(b, (int)((v >> (8 * i)) & 0xFF));
}

/* One gzip member holding P as stored deflate blocks (RFC 1951, 3.2.4). */
static void
member(struct buf *out, const unsigned char *p, size_t n, int badcrc)
{
	static const char head[10] = { 0x1f, (char)0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };
	size_t off = 0;

	buf_add(out, head, sizeof(head));
	do {
		size_t k = n - off > 65535 ? 65535 : n - off;

		buf_addc(out, off + k == n ? 1 : 0);
		buf_addc(out, (int)(k & 0xFF));
		buf_addc(out, (int)(k >> 8));
		buf_addc(out, (int)(~k & 0xFF));
		buf_addc(out, (int)((~k >> 8) & 0xFF));
		buf_add(out, (const char *)p + off, k);
		off += k;
	} while (off < n);
	put32(out, crc32_of(p, n) ^ (badcrc ? 1u : 0u));
	put32(out, (uint32_t)n);
}

/* What one reading gave: a transcript of every record and every warning. */
static void
on_warn(void *ctx, unsigned kind, const char *where, const char *msg)
{
	buf_printf(ctx, "warn %u %s: %s\n", kind, where, msg);
}

static void
read_all(struct warc *w, struct buf *log)
{
	struct warc_record rec = {0};
	struct buf clean = {0};
	unsigned long n = 0;

	while (warc_next(w, &rec)) {
		size_t i;

		n++;
		CHECK(rec.where.len > 0, "record %lu without a place", n);
		buf_printf(log, "record %s v%s\n", rec.where.s, rec.version);
		for (i = 0; i < rec.nf; i++)
			buf_printf(log, "  %s=%s\n", rec.f[i].name, rec.f[i].value);
		/* Every other record is read, the others skipped, as --lang does. */
		if (n % 2 == 1) {
			struct clean_report rep;

			warc_body(w, &rec);
			CHECK(rec.bodylen <= MAXREC, "a block of %zu bytes kept, over the limit", rec.bodylen);
			CHECK(rec.bodylen == 0 || rec.body != NULL, "a block without bytes");
			buf_printf(log, "  body %zu damage %u\n", rec.bodylen, rec.damage);
			buf_add(log, rec.body ? rec.body : "", rec.bodylen);
			buf_add(log, rec.errors.s ? rec.errors.s : "", rec.errors.len);
			buf_reset(&clean);
			text_normalize(rec.body ? rec.body : "", rec.bodylen, &clean, &rep);
			CHECK(check_utf8(clean.s ? clean.s : "", clean.len), "the clean-up left invalid UTF-8");
			CHECK(!rec.has_length || (rec.damage & (WARC_D_LENGTH | WARC_D_TRUNCATED | WARC_D_OVERSIZE |
			    WARC_D_GZIP)) || rec.bodylen == rec.length,
			    "a block of %zu bytes, Content-Length %zu, and no damage said", rec.bodylen, rec.length);
		}
	}
	warc_record_free(&rec);
	buf_free(&clean);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct warc_options wo = { .max_record = MAXREC, .warn = on_warn };
	struct buf file = {0}, a = {0}, b = {0};
	struct warc *w;
	const unsigned char *p = data + 1;
	size_t n = size ? size - 1 : 0;
	int mode = size ? data[0] & 3 : 0;

	if (mode == 0) {
		buf_add(&file, (const char *)p, n);
	} else if (mode == 1) {
		member(&file, p, n, data[0] & 4);
	} else {
		size_t from = 0, i;

		for (i = 1; i <= n; i++)
			if (i == n || (n - i >= 5 && memcmp(p + i, "WARC/", 5) == 0)) {
				member(&file, p + from, i - from, (data[0] & 4) && from == 0);
				from = i;
			}
	}
	if (mode != 0 && (data[0] & 8) && file.len > 4)
		file.len -= 1 + data[0] % 4;

	wo.ctx = &a;
	w = warc_open_mem(file.s ? file.s : "", file.len, "fuzz", &wo);
	read_all(w, &a);
	CHECK(warc_close(w) == 0, "warc_close failed on memory");

	/* The same bytes through a pipe (small enough to be written before reading). */
	if (file.len <= 60000) {
		int fd[2];
		char path[64];

		CHECK(pipe(fd) == 0, "pipe failed");
		CHECK(file.len == 0 || write(fd[1], file.s, file.len) == (ssize_t)file.len, "write to the pipe failed");
		close(fd[1]);
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd[0]);
		wo.ctx = &b;
		w = warc_open(path, "fuzz", &wo);
		CHECK(w != NULL, "cannot open the pipe");
		read_all(w, &b);
		CHECK(warc_close(w) == 0, "warc_close failed on the pipe");
		close(fd[0]);
		CHECK(a.len == b.len && (a.len == 0 || memcmp(a.s, b.s, a.len) == 0),
		    "a mapped file and a pipe read differently:\n--- mapped\n%.2000s\n--- pipe\n%.2000s",
		    a.s ? a.s : "", b.s ? b.s : "");
	}
	buf_free(&file);
	buf_free(&a);
	buf_free(&b);
	return 0;
}
