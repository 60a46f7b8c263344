/*
 * tests/unit/strip.c: the small decisions of strip-boilerplate's engines,
 * one by one: is a page UTF-16 (page.c), the host of a URL and what is a
 * host name (detect.c), and the line splitter (text.c).
 */
#include <stdlib.h>
#include <string.h>

#include "detect.h"
#include "page.h"
#include "tap.h"
#include "text.h"

/* S (N bytes) as UTF-16 of byte order BE, code unit by code unit, into OUT. */
static size_t
utf16(const char *s, int be, unsigned char *out)
{
	size_t i = 0, k = 0;

	while (s[i]) {
		int32_t cp = 0;
		int len = text_decode((const unsigned char *)s + i, strlen(s + i), &cp);

		out[k + !be] = (unsigned char)(cp >> 8);
		out[k + be] = (unsigned char)(cp & 0xFF);
		k += 2;
		i += (size_t)len;
	}
	return k;
}

static void
test_utf16(void)
{
	static const char bn[] = "এটি একটি সাধারণ বাক্য, পাতার প্রথম অনুচ্ছেদে লেখা হয়েছে।\n";
	unsigned char u[1024];
	char q[600];
	size_t n, i;

	ok(page_utf16("\xFF\xFEH\0i\0", 6), "a UTF-16LE byte order mark says UTF-16, however short the page");
	ok(page_utf16("\xFE\xFF\0H\0i", 6), "a UTF-16BE byte order mark says UTF-16");
	n = utf16("Plain ASCII text, in UTF-16.\n", 0, u);
	ok(page_utf16((char *)u, n), "UTF-16LE ASCII, no BOM: every odd byte NUL");
	n = utf16("Plain ASCII text, in UTF-16.\n", 1, u);
	ok(page_utf16((char *)u, n), "UTF-16BE ASCII, no BOM: every even byte NUL");
	n = utf16(bn, 0, u);
	ok(page_utf16((char *)u, n), "UTF-16LE Bengali, no BOM: the odd bytes 0x09 or NUL (spaces)");
	n = utf16(bn, 1, u);
	ok(page_utf16((char *)u, n), "UTF-16BE Bengali, no BOM");
	ok(!page_utf16(bn, strlen(bn)), "UTF-8 Bengali is not UTF-16");
	ok(!page_utf16("Plain ASCII text, long enough to look at.\n", 42), "UTF-8 ASCII is not UTF-16");
	/* 508 bytes of "??? ", then a danda that the 512-byte sample cuts. */
	for (i = 0; i < 127; i++)
		memcpy(q + 4 * i, "??? ", 4);
	memcpy(q + 508, "\xE0\xA5\xA4\n", 4);
	ok(!page_utf16(q, 512), "a page of '?' with a danda cut by the sample is not UTF-16 (no NUL)");
	ok(!page_utf16("a\0b\0c\nline two\n", 16), "a UTF-8 page with two stray NULs is not UTF-16");
	n = utf16("Plain ASCII text, in UTF-16.\n", 0, u);
	u[1] = 'x';
	u[3] = 'y';
	u[5] = 'z';
	ok(page_utf16((char *)u, n), "UTF-16LE with a few odd bytes damaged: still nine in ten");
	memset(u, 0, 64);
	ok(!page_utf16((char *)u, 64), "64 NUL bytes: NULs in both halves are no UTF-16");
	ok(!page_utf16("\xFF", 1) && !page_utf16("", 0), "one byte, or none: not UTF-16");
}

static void
host_is(const char *url, const char *want)
{
	struct buf b = {0};
	int rc = detect_url_host(url, &b);

	if (want)
		ok(rc == 0 && b.s && strcmp(b.s, want) == 0, "the host of '%s' is %s (got %s)", url, want,
		    rc == 0 ? b.s : "none");
	else
		ok(rc < 0 && b.len == 0, "'%s' has no host (got %s)", url, rc == 0 ? b.s : "none");
	buf_free(&b);
}

static void
test_hosts(void)
{
	host_is("https://www.kalbela.com/national/123", "www.kalbela.com");
	host_is("http://kalbela.com", "kalbela.com");
	host_is("HTTPS://WWW.Kalbela.COM:443/x", "www.kalbela.com");
	host_is("https://user:pw@www.kalbela.com./x?a#b", "www.kalbela.com");
	host_is("//www.prothomalo.com/x", "www.prothomalo.com");
	host_is("  www.prothomalo.com/x", "www.prothomalo.com");
	host_is("https://www.kalbela.com?x=1", "www.kalbela.com");
	host_is("mailto:someone@kalbela.com", NULL);
	host_is("https://[2001:db8::1]/x", NULL);
	host_is("https:///path", NULL);
	host_is("", NULL);
	host_is("https://bad_host.com/", NULL);
	ok(detect_host_ok("www.kalbela.com", 15), "www.kalbela.com is a host name");
	ok(detect_host_ok("localhost", 9), "a one-label host name is one");
	ok(!detect_host_ok("-a.com", 6) && !detect_host_ok("a-.com", 6), "a label does not start or end with '-'");
	ok(!detect_host_ok("a..com", 6) && !detect_host_ok(".com", 4) && !detect_host_ok("a.com.", 6),
	    "no empty label");
	ok(!detect_host_ok("https://a.com/", 14) && !detect_host_ok("a.com:80", 8), "no scheme, path or port");
}

static void
test_lines(void)
{
	struct text_line *l = NULL;
	size_t cap = 0, n;

	n = text_lines("one\n  \n\nlast", 12, &l, &cap);
	ok(n == 4, "four lines, the last without a newline (%zu)", n);
	ok(n == 4 && l[0].off == 0 && l[0].len == 3 && l[0].no == 1 && !l[0].blank && !l[0].gone, "line 1");
	ok(n == 4 && l[1].len == 2 && l[1].blank && l[2].len == 0 && l[2].blank, "lines 2 and 3 are blank");
	ok(n == 4 && l[3].off == 8 && l[3].len == 4 && l[3].no == 4, "line 4, at offset 8");
	ok(text_lines("", 0, &l, &cap) == 0, "an empty text has no line");
	ok(text_lines("x\n", 2, &l, &cap) == 1, "a final newline ends a line, it does not start one");
	free(l);
}

int
main(void)
{
	util_init("unit-strip");
	test_utf16();
	test_hosts();
	test_lines();
	printf("1..%d\n", ntest);
	return nfail > 0;
}
