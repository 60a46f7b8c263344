/*
 * htmlsniff.h: what the first bytes of a page say before it is parsed:
 * whether it is HTML or binary data, the charset its <meta> declares, the
 * lang of its <html> tag.  Each reads the N bytes at S and nothing else.
 */
#ifndef KHOBOR_HTMLSNIFF_H
#define KHOBOR_HTMLSNIFF_H

#include <stddef.h>

/*
 * The lang attribute of the page's <html> element (or xml:lang), found
 * in the first 32 KB of the N bytes at S without parsing the page: only a
 * doctype, comments and processing instructions may come before it.  The
 * value goes to OUT (at most CAP - 1 bytes, ASCII letters lowered); the
 * return is its length, 0 when there is none.  For from-warc's --lang, to
 * rule a page out before rendering it.
 */
size_t html_sniff_lang(const char *s, size_t n, char *out, size_t cap);

/*
 * The lang of the page's <html> start tags as a browser's tokenizer finds
 * them (any elements may come first; the first lang wins), into LANG (at
 * most SIZE - 1 bytes, as written); "" when there is none.  For the pages
 * where libxml2 loses it.
 */
void html_sniff_root_lang(const char *s, size_t n, char *lang, size_t size);

/*
 * Do the N bytes at S begin, after a UTF-8 byte order mark and white
 * space, with "<!DOCTYPE html" or "<html" (in any case)?  How a record
 * body is told to be an HTML page rather than text.
 */
int html_looks_like(const char *s, size_t n);

/* The charset label a <meta> near the top declares: its length, the label at *AT; 0 when none. */
size_t html_sniff_charset(const char *s, size_t n, const char **at);

/* What binary data the page starts with, said for a message ("a PDF file"), or NULL for text. */
const char *html_sniff_binary(const unsigned char *s, size_t n);

#endif
