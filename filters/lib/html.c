/*
 * html.c: an HTML page to the text a browser's select-all copy gives (see
 * html.h and from-html(1)).
 *
 * Three stages, each streaming: the decoder turns the page's bytes into
 * UTF-8 in chunks (htmldecode.c), libxml2's HTML parser
 * reads that through an I/O callback and calls back for each element and
 * run of text (SAX: no tree), and the renderer writes the text as those
 * events come, keeping only a stack of the open elements.  Peak memory is
 * the text written plus a few chunks, whatever the size of the page.
 *
 * How the text is laid out follows the "innerText" algorithm of the HTML
 * standard (https://html.spec.whatwg.org/multipage/dom.html#the-innertext-idl-attribute):
 * a block element asks for one line break before and after it, a paragraph
 * or a heading for two (Chromium's copy adds the blank line after p and
 * h1-h6, whose margins are wide), and runs of asked-for breaks collapse to
 * the largest; <br> is a line break of its own; white space collapses as
 * CSS normal flow does (white-space: normal), and stays in <pre>.
 */
#include <errno.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "htmldecode.h"
#include "htmlmeta.h"
#include "htmlsniff.h"
#include "text.h"
#include "util.h"

#define MAX_CAPTURE (64 * 1024)	/* bytes of <title> and <h1> text kept */
#define MAX_JSONLD (4 << 20)	/* bytes of one JSON-LD script kept */
#define TAGCACHE 128		/* element kinds cached by name pointer */


/* What the renderer does with an element. */
enum kind {
	K_INLINE, K_BLOCK, K_PARA, K_H1, K_BR, K_HR, K_LI, K_UL, K_OL, K_TR, K_CELL, K_PRE, K_SKIP,
	K_TITLE, K_SCRIPT, K_META, K_LINK, K_HTML, K_ARTICLE, K_TIME, K_DETAILS, K_SUMMARY, K_DIALOG, K_A
};

static const struct tag {
	const char *name;
	enum kind kind;
} tags[] = {	/* sorted by name, for bsearch */
	{ "a", K_A }, { "address", K_BLOCK }, { "article", K_ARTICLE }, { "aside", K_BLOCK },
	{ "audio", K_SKIP }, { "blockquote", K_BLOCK }, { "body", K_BLOCK }, { "br", K_BR },
	{ "canvas", K_SKIP }, { "caption", K_BLOCK }, { "center", K_BLOCK }, { "datalist", K_SKIP },
	{ "dd", K_BLOCK }, { "details", K_DETAILS }, { "dialog", K_DIALOG }, { "dir", K_UL },
	{ "div", K_BLOCK }, { "dl", K_BLOCK }, { "dt", K_BLOCK }, { "fieldset", K_BLOCK },
	{ "figcaption", K_BLOCK }, { "figure", K_BLOCK }, { "footer", K_BLOCK }, { "form", K_BLOCK },
	{ "frameset", K_BLOCK }, { "h1", K_H1 }, { "h2", K_PARA }, { "h3", K_PARA }, { "h4", K_PARA },
	{ "h5", K_PARA }, { "h6", K_PARA }, { "header", K_BLOCK }, { "hgroup", K_BLOCK }, { "hr", K_HR },
	{ "html", K_HTML }, { "iframe", K_SKIP }, { "legend", K_BLOCK }, { "li", K_LI },
	{ "link", K_LINK }, { "listing", K_PRE }, { "main", K_BLOCK }, { "menu", K_UL },
	{ "meta", K_META }, { "nav", K_BLOCK }, { "noembed", K_SKIP }, { "noframes", K_SKIP },
	{ "noscript", K_SKIP }, { "object", K_SKIP }, { "ol", K_OL }, { "p", K_PARA },
	{ "plaintext", K_PRE }, { "pre", K_PRE }, { "rp", K_SKIP }, { "script", K_SCRIPT },
	{ "section", K_BLOCK }, { "select", K_SKIP }, { "style", K_SKIP }, { "summary", K_SUMMARY },
	{ "svg", K_SKIP }, { "table", K_BLOCK }, { "td", K_CELL }, { "template", K_SKIP },
	{ "textarea", K_SKIP }, { "th", K_CELL }, { "time", K_TIME }, { "title", K_TITLE },
	{ "tr", K_TR }, { "ul", K_UL }, { "video", K_SKIP }, { "xmp", K_PRE },
};

enum { F_SKIPS = 1, F_CLOSED = 2, F_PRESTART = 4, F_WHITESPACE = 8 };

struct elem {
	unsigned char kind, flags;
	int count;		/* ol: the next number; tr: cells so far */
	int savedpre;		/* with F_WHITESPACE: the white-space mode outside it */
};

enum capture { C_NONE, C_TITLE, C_H1, C_JSONLD };

struct htmlwork {
	htmlParserCtxtPtr ctxt;
	struct decoder dec;
	struct htmlmeta *meta;
	struct buf text;	/* the body being written */
	struct buf cap;		/* <title>, <h1> or JSON-LD text being gathered */
	struct elem *stack;
	size_t depth, capstack;
	size_t skip;		/* 1 + index of the element whose subtree is left out; 0: none */
	enum capture capture;
	size_t capdepth;	/* depth of the element gathered */
	size_t jsonld_at;	/* decoded offset of the JSON-LD text */
	int capfull;
	int pre;		/* inside <pre> or white-space: pre: white space kept */
	int breaks;		/* line breaks asked for before the next text */
	int space;		/* white space seen since the last text */
	int nl;			/* line breaks at the end of text */
	char prefix[48];	/* a list item's bullet, written before its first text */
	int lists, articles, links, h1;
	size_t chars, linkchars;
	char lang[64];		/* <html lang> as the tokenizer finds it (html_sniff_root_lang) */
	const xmlChar *tagkey[TAGCACHE];	/* element names seen on this page, */
	unsigned char tagkind[TAGCACHE];	/* and their kinds */
};

/* ---- the renderer ---- */

static int
tag_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct tag *)elem)->name);
}

/*
 * libxml2 interns element names in its dictionary, so within a page a name
 * is one pointer: a small cache by pointer saves the search.
 */
static enum kind
tag_kind(struct htmlwork *w, const xmlChar *name)
{
	size_t h = ((uintptr_t)name >> 4) & (TAGCACHE - 1);
	const struct tag *t;

	if (w->tagkey[h] == name)
		return (enum kind)w->tagkind[h];
	t = bsearch(name, tags, sizeof(tags) / sizeof(tags[0]), sizeof(tags[0]), tag_cmp);
	w->tagkey[h] = name;
	w->tagkind[h] = (unsigned char)(t ? t->kind : K_INLINE);
	return (enum kind)w->tagkind[h];
}

/* Windows-1252's characters for C1 controls, as HTML reads &#128;-&#159; (index-windows-1252). */
static const uint16_t c1_1252[32] = {
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
	0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
};

/* Append text, with C1 controls (U+0080-U+009F) read as windows-1252 characters. */
static void
add_text(struct buf *b, const char *s, size_t n)
{
	const char *c2;

	while (n > 0 && (c2 = memchr(s, 0xC2, n)) != NULL) {
		size_t k = (size_t)(c2 - s);

		if (k + 1 < n && (unsigned char)c2[1] >= 0x80 && (unsigned char)c2[1] <= 0x9F) {
			buf_add(b, s, k);
			text_encode(b, c1_1252[(unsigned char)c2[1] - 0x80]);
			s += k + 2;
			n -= k + 2;
		} else {
			buf_add(b, s, k + 1);
			s += k + 1;
			n -= k + 1;
		}
	}
	buf_add(b, s, n);
}

static void
want_breaks(struct htmlwork *w, int n)
{
	if (w->breaks < n)
		w->breaks = n;
}

/* Before text: the line breaks asked for, or one space, then a bullet. */
static void
flush(struct htmlwork *w)
{
	if (w->text.len > 0) {
		if (w->breaks > w->nl) {
			for (; w->nl < w->breaks; w->nl++)
				buf_addc(&w->text, '\n');
		} else if (w->space && w->nl == 0 && w->breaks == 0) {
			buf_addc(&w->text, ' ');
		}
	}
	w->breaks = 0;
	w->space = 0;
	if (w->prefix[0]) {
		buf_adds(&w->text, w->prefix);
		w->prefix[0] = '\0';
		w->nl = 0;
	}
}

static int
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static void
put_text(struct htmlwork *w, const char *s, size_t n)
{
	size_t i = 0, j;

	if (w->pre) {
		struct elem *e = &w->stack[w->depth - 1];

		/* The line break right after <pre> is not part of the text (HTML). */
		if (e->kind == K_PRE && (e->flags & F_PRESTART)) {
			e->flags &= (unsigned char)~F_PRESTART;
			if (n > 0 && s[0] == '\r')
				s++, n--;
			if (n > 0 && s[0] == '\n')
				s++, n--;
		}
		if (n == 0)
			return;
		flush(w);
		for (i = 0; i < n; i = j) {
			for (j = i; j < n && s[j] != '\n' && s[j] != '\r'; j++)
				;
			if (j > i) {
				add_text(&w->text, s + i, j - i);
				w->nl = 0;
				w->chars += j - i;
				if (w->links)
					w->linkchars += j - i;
			}
			if (j < n) {
				if (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')
					j++;
				buf_addc(&w->text, '\n');
				w->nl++;
				j++;
			}
		}
		return;
	}
	while (i < n) {
		if (is_space((unsigned char)s[i])) {
			w->space = 1;
			i++;
			continue;
		}
		for (j = i + 1; j < n && !is_space((unsigned char)s[j]); j++)
			;
		flush(w);
		add_text(&w->text, s + i, j - i);
		w->nl = 0;
		w->chars += j - i;
		if (w->links)
			w->linkchars += j - i;
		i = j;
	}
}

/* A line break or a tab of the markup's own (<br>, between table cells). */
static void
put_literal(struct htmlwork *w, char c)
{
	if (c == '\n') {
		if (w->text.len > 0 && w->breaks > w->nl)
			for (; w->nl < w->breaks; w->nl++)
				buf_addc(&w->text, '\n');
		w->breaks = 0;
		w->space = 0;
		buf_addc(&w->text, '\n');
		w->nl++;
		return;
	}
	flush(w);
	buf_addc(&w->text, c);
	w->nl = 0;
}

/* The attributes the renderer and the head reader look at, found in one pass. */
enum { A_CONTENT, A_DATETIME, A_HIDDEN, A_HREF, A_ITEMPROP, A_LANG, A_LAYOUT, A_NAME, A_OPEN,
	A_PROPERTY, A_REL, A_START, A_STYLE, A_TYPE, A_XMLLANG, A_N };
static const char *const attr_names[A_N] = {
	"content", "datetime", "hidden", "href", "itemprop", "lang", "layout", "name", "open",
	"property", "rel", "start", "style", "type", "xml:lang"
};

static void
read_attrs(const xmlChar **a, const char *v[A_N])
{
	int k;

	memset(v, 0, A_N * sizeof(*v));
	for (; a && a[0]; a += 2) {
		const char *n = (const char *)a[0];

		for (k = 0; k < A_N; k++)
			if (n[0] == attr_names[k][0] && strcmp(n, attr_names[k]) == 0) {
				if (v[k] == NULL)
					v[k] = a[1] ? (const char *)a[1] : "";
				break;
			}
	}
}

/* Does an inline style hide the element (display: none, visibility: hidden)? */
static int
style_hides(const char *style)
{
	char b[256];
	size_t k = 0;

	for (; *style && k + 1 < sizeof(b); style++)
		if (!is_space((unsigned char)*style))
			b[k++] = (char)(*style >= 'A' && *style <= 'Z' ? *style - 'A' + 'a' : *style);
	b[k] = '\0';
	return strstr(b, "display:none") != NULL || strstr(b, "visibility:hidden") != NULL;
}

/*
 * The white-space an inline style declares: 1 when it keeps spaces and line
 * breaks (pre, pre-wrap, break-spaces), 0 when it collapses them (normal,
 * nowrap), -1 when it says nothing we read.  CSS Text Module Level 3, 3. "White
 * Space and Wrapping: the white-space property" and 4. "White Space Processing"
 * (https://www.w3.org/TR/css-text-3/#white-space-property): under pre, pre-wrap
 * and break-spaces spaces and tabs are not collapsed and segment breaks are kept,
 * so a browser shows, and copies, a run of spaces as a run of spaces.  pre-line
 * (breaks kept, spaces collapsed) is not read: it is left as its parent's mode.
 * Only the style attribute is read; a site's style sheets are not.
 */
static int
style_white_space(const char *style)
{
	char b[256];
	const char *v = NULL, *p;
	size_t k = 0, n;

	for (; *style && k + 1 < sizeof(b); style++)
		if (!is_space((unsigned char)*style))
			b[k++] = (char)(*style >= 'A' && *style <= 'Z' ? *style - 'A' + 'a' : *style);
	b[k] = '\0';
	/* The last declaration wins, as in CSS. */
	for (p = b; (p = strstr(p, "white-space:")) != NULL; p++)
		v = p + 12;
	if (v == NULL)
		return -1;
	n = strcspn(v, ";!");
	if ((n == 3 && strncmp(v, "pre", 3) == 0) || (n == 8 && strncmp(v, "pre-wrap", 8) == 0) ||
	    (n == 12 && strncmp(v, "break-spaces", 12) == 0))
		return 1;
	if ((n == 6 && strncmp(v, "normal", 6) == 0) || (n == 6 && strncmp(v, "nowrap", 6) == 0))
		return 0;
	return -1;
}

static int
has_token(const char *list, const char *tok)
{
	size_t k = strlen(tok);

	while (list && *list) {
		while (is_space((unsigned char)*list))
			list++;
		if (strncasecmp(list, tok, k) == 0 && (list[k] == '\0' || is_space((unsigned char)list[k])))
			return 1;
		while (*list && !is_space((unsigned char)*list))
			list++;
	}
	return 0;
}

static void
start_capture(struct htmlwork *w, enum capture c)
{
	w->capture = c;
	w->capdepth = w->depth;
	w->capfull = 0;
	buf_reset(&w->cap);
}

/* The metadata an element carries, whether it is shown or not. */
static void
element_meta(struct htmlwork *w, enum kind k, const char *const *at)
{
	const char *v;

	switch (k) {
	case K_META:
		if ((v = at[A_CONTENT]) != NULL) {
			if (at[A_PROPERTY])
				htmlmeta_tag(w->meta, "property", at[A_PROPERTY], v);
			if (at[A_NAME])
				htmlmeta_tag(w->meta, "name", at[A_NAME], v);
		}
		break;
	case K_LINK:
		if ((v = at[A_HREF]) != NULL && has_token(at[A_REL], "canonical"))
			htmlmeta_slot(w->meta, HM_CANONICAL, v, strlen(v));
		break;
	case K_HTML:
		if ((v = at[A_LANG]) != NULL || (v = at[A_XMLLANG]) != NULL)
			htmlmeta_slot(w->meta, HM_LANG, v, strlen(v));
		break;
	case K_TIME:
		if (w->articles > 0 && (v = at[A_DATETIME]) != NULL)
			htmlmeta_slot(w->meta, HM_ARTICLE_TIME, v, strlen(v));
		break;
	default:
		break;
	}
	if (at[A_ITEMPROP] != NULL && ((v = at[A_CONTENT]) != NULL || (v = at[A_DATETIME]) != NULL))
		htmlmeta_tag(w->meta, "itemprop", at[A_ITEMPROP], v);
}

static void
sax_start(void *ctx, const xmlChar *xname, const xmlChar **a)
{
	htmlParserCtxtPtr ctxt = ctx;
	struct htmlwork *w = ctxt->_private;
	enum kind k = tag_kind(w, xname);
	struct elem *e, *parent;
	const char *v, *at[A_N];
	int hide;

	if (w->depth == w->capstack) {
		w->capstack = w->capstack ? 2 * w->capstack : 64;
		w->stack = erealloc(w->stack, w->capstack * sizeof(*w->stack));
	}
	/* After the stack may have moved. */
	parent = w->depth > 0 ? &w->stack[w->depth - 1] : NULL;
	e = &w->stack[w->depth++];
	e->kind = (unsigned char)k;
	e->flags = 0;
	e->count = 0;
	e->savedpre = 0;
	if (k == K_ARTICLE)
		w->articles++;
	read_attrs(a, at);
	if (a)
		element_meta(w, k, at);
	if (k == K_SCRIPT && w->capture == C_NONE && (v = at[A_TYPE]) != NULL &&
	    strncasecmp(v, "application/ld+json", 19) == 0) {
		start_capture(w, C_JSONLD);
		/* The parser stands on the '>' of the start tag. */
		w->jsonld_at = (size_t)xmlByteConsumed(ctxt) + 1;
	}
	if (w->skip)
		return;
	hide = k == K_SKIP || k == K_SCRIPT || k == K_TITLE;
	if (a && !hide)
		hide = at[A_HIDDEN] != NULL || ((v = at[A_STYLE]) != NULL && style_hides(v)) ||
		    ((v = at[A_LAYOUT]) != NULL && strcmp(v, "nodisplay") == 0);	/* AMP's hidden */
	if (k == K_DIALOG && at[A_OPEN] == NULL)
		hide = 1;
	if (parent && parent->kind == K_DETAILS && (parent->flags & F_CLOSED) && k != K_SUMMARY)
		hide = 1;
	if (hide) {
		e->flags |= F_SKIPS;
		w->skip = w->depth;
		if (k == K_TITLE && w->capture == C_NONE && htmlmeta_get(w->meta, HM_TITLE) == NULL)
			start_capture(w, C_TITLE);
		return;
	}
	if (a && (v = at[A_STYLE]) != NULL) {
		int ws = style_white_space(v);

		if (ws >= 0) {
			e->flags |= F_WHITESPACE;
			e->savedpre = w->pre;
			w->pre = ws ? w->pre + 1 : 0;
		}
	}
	switch (k) {
	case K_H1:
		if (!w->h1++ && w->capture == C_NONE)
			start_capture(w, C_H1);
		/* FALLTHROUGH */
	case K_PARA:
		want_breaks(w, 2);
		break;
	case K_DETAILS:
		if (at[A_OPEN] == NULL)
			e->flags |= F_CLOSED;
		want_breaks(w, 1);
		break;
	case K_BLOCK: case K_ARTICLE: case K_SUMMARY: case K_DIALOG: case K_HR: case K_TR:
		want_breaks(w, 1);
		break;
	case K_PRE:
		e->flags |= F_PRESTART;
		w->pre++;
		want_breaks(w, 1);
		break;
	case K_UL: case K_OL:
		w->lists++;
		if (k == K_OL) {
			long start = (v = at[A_START]) != NULL ? strtol(v, NULL, 10) : 1;

			e->count = start > 1000000000L ? 1000000000 : start < -1000000000L ? -1000000000 : (int)start;
		}
		want_breaks(w, 1);
		break;
	case K_LI: {
		static const char *const bullet[] = { "•", "◦", "▪" };
		size_t i = w->depth - 1, level = w->lists > 0 ? (size_t)w->lists : 1;

		while (i > 0 && w->stack[i - 1].kind != K_UL && w->stack[i - 1].kind != K_OL)
			i--;
		if (level > 8)
			level = 8;
		memset(w->prefix, ' ', 2 * level);
		if (i > 0 && w->stack[i - 1].kind == K_OL)
			snprintf(w->prefix + 2 * level, sizeof(w->prefix) - 2 * level, "%d. ",
			    w->stack[i - 1].count < 2000000000 ? w->stack[i - 1].count++ : w->stack[i - 1].count);
		else
			snprintf(w->prefix + 2 * level, sizeof(w->prefix) - 2 * level, "%s ",
			    bullet[level > 3 ? 2 : level - 1]);
		want_breaks(w, 1);
		break;
	}
	case K_CELL: {
		size_t i = w->depth - 1;

		while (i > 0 && w->stack[i - 1].kind != K_TR)
			i--;
		if (i > 0) {
			if (w->stack[i - 1].count)
				put_literal(w, '\t');
			w->stack[i - 1].count = 1;
		}
		break;
	}
	case K_BR:
		put_literal(w, '\n');
		break;
	case K_A:
		w->links++;
		break;
	default:
		break;
	}
}

static void
end_capture(struct htmlwork *w)
{
	struct decoder *d = &w->dec;

	switch (w->capture) {
	case C_TITLE: case C_H1: {
		struct buf b = {0};

		add_text(&b, w->cap.s ? w->cap.s : "", w->cap.len);
		htmlmeta_slot(w->meta, w->capture == C_TITLE ? HM_TITLE : HM_H1, b.s ? b.s : "", b.len);
		buf_free(&b);
		break;
	}
	case C_JSONLD:
		htmlmeta_jsonld(w->meta, w->cap.s ? w->cap.s : "", w->capfull ? (size_t)MAX_JSONLD + 1 : w->cap.len,
		    d->exact ? decoder_page_offset(d, w->jsonld_at) : w->jsonld_at,
		    d->exact ? "" : " of the page decoded to UTF-8");
		break;
	case C_NONE:
		break;
	}
	w->capture = C_NONE;
}

static void
sax_end(void *ctx, const xmlChar *name)
{
	htmlParserCtxtPtr ctxt = ctx;
	struct htmlwork *w = ctxt->_private;
	struct elem *e;

	(void)name;
	if (w->depth == 0)
		return;
	e = &w->stack[w->depth - 1];
	if (w->capture != C_NONE && w->capdepth == w->depth)
		end_capture(w);
	if (e->kind == K_ARTICLE)
		w->articles--;
	if (w->skip) {
		if (w->skip == w->depth)
			w->skip = 0;
		w->depth--;
		return;
	}
	switch (e->kind) {
	case K_PARA: case K_H1:
		want_breaks(w, 2);
		break;
	case K_BLOCK: case K_ARTICLE: case K_SUMMARY: case K_DIALOG: case K_DETAILS: case K_TR:
		want_breaks(w, 1);
		break;
	case K_PRE:
		w->pre--;
		want_breaks(w, 1);
		break;
	case K_UL: case K_OL:
		w->lists--;
		want_breaks(w, 1);
		break;
	case K_LI:
		w->prefix[0] = '\0';	/* an empty item shows no bullet */
		want_breaks(w, 1);
		break;
	case K_A:
		w->links--;
		break;
	default:
		break;
	}
	if (e->flags & F_WHITESPACE)
		w->pre = e->savedpre;
	w->depth--;
}

static void
sax_text(void *ctx, const xmlChar *s, int len)
{
	htmlParserCtxtPtr ctxt = ctx;
	struct htmlwork *w = ctxt->_private;

	if (len <= 0)
		return;
	if (w->capture != C_NONE) {
		size_t max = w->capture == C_JSONLD ? (size_t)MAX_JSONLD : MAX_CAPTURE;

		if (w->cap.len + (size_t)len <= max)
			buf_add(&w->cap, (const char *)s, (size_t)len);
		else
			w->capfull = 1;
	}
	if (w->skip)
		return;
	put_text(w, (const char *)s, (size_t)len);
}

/* Script and style text: only JSON-LD is kept. */
static void
sax_cdata(void *ctx, const xmlChar *s, int len)
{
	htmlParserCtxtPtr ctxt = ctx;
	struct htmlwork *w = ctxt->_private;

	if (w->capture == C_JSONLD && len > 0) {
		if (w->cap.len + (size_t)len <= MAX_JSONLD)
			buf_add(&w->cap, (const char *)s, (size_t)len);
		else
			w->capfull = 1;
	}
}

static void
sax_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
sax_quiet_structured(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	(void)err;
}

/* ---- the page ---- */

struct htmlwork *
html_work_new(void)
{
	struct htmlwork *w = ecalloc(1, sizeof(*w));
	htmlSAXHandler *h;

	xmlInitParser();
	xmlSetStructuredErrorFunc(NULL, sax_quiet_structured);
	if ((w->ctxt = htmlNewParserCtxt()) == NULL || w->ctxt->sax == NULL)
		die(EXIT_MEMORY, "out of memory (the HTML parser)");
	h = (htmlSAXHandler *)w->ctxt->sax;
	memset(h, 0, sizeof(*h));
	h->startElement = sax_start;
	h->endElement = sax_end;
	h->characters = sax_text;
	/* Blanks are text too: white space between inline elements is a space. */
	h->ignorableWhitespace = sax_text;
	h->cdataBlock = sax_cdata;
	h->warning = sax_quiet;
	h->error = sax_quiet;
	h->fatalError = sax_quiet;
	w->meta = htmlmeta_new();
	decoder_init(&w->dec);
	return w;
}

void
html_work_free(struct htmlwork *w)
{
	if (w == NULL)
		return;
	htmlFreeParserCtxt(w->ctxt);
	htmlmeta_free(w->meta);
	decoder_free(&w->dec);
	buf_free(&w->text);
	buf_free(&w->cap);
	free(w->stack);
	free(w);
}

void
html_cleanup(void)
{
	xmlCleanupParser();
}

const char *
html_charset(const struct htmlwork *w)
{
	return w->dec.charset ? w->dec.charset : "UTF-8";
}

static void
reset(struct htmlwork *w, const struct html_source *src)
{
	decoder_reset(&w->dec, src->fp, src->s, src->n);
	buf_reset(&w->text);
	buf_reset(&w->cap);
	w->depth = w->skip = 0;
	memset(w->tagkey, 0, sizeof(w->tagkey));
	w->capture = C_NONE;
	w->pre = w->breaks = w->space = w->nl = 0;
	w->prefix[0] = '\0';
	w->lists = w->articles = w->links = w->h1 = 0;
	w->chars = w->linkchars = 0;
	w->lang[0] = '\0';
	htmlmeta_reset(w->meta);
}

/* Is a title or heading that of an error page ("404", "not found", "পাওয়া যায়নি")? */
static int
error_marker(const char *s)
{
	static const char *const words[] = {
		"not found", "server error",
		"\u09AA\u09BE\u0993\u09DF\u09BE \u09AF\u09BE\u09DF\u09A8\u09BF",	/* "not found", য় precomposed */
		"\u09AA\u09BE\u0993\u09AF\u09BC\u09BE \u09AF\u09BE\u09AF\u09BC\u09A8\u09BF",	/* the same, NFC */
		NULL
	};
	const char *p;
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; words[i]; i++)
		if (strcasestr(s, words[i]))
			return 1;
	for (p = s; (p = strstr(p, "404")) != NULL; p += 3)
		if ((p == s || p[-1] < '0' || p[-1] > '9') && (p[3] < '0' || p[3] > '9'))
			return 1;
	return strstr(s, "৪০৪") != NULL;
}

/* Flag a page that is not an article: an error page, or a listing of links. */
static void
page_kind(struct htmlwork *w, struct record *rec)
{
	const char *title = htmlmeta_get(w->meta, HM_TITLE), *h1 = htmlmeta_get(w->meta, HM_H1);
	double share = w->chars ? (double)w->linkchars / (double)w->chars : 0;

	if (htmlmeta_is_article(w->meta))
		return;
	if (error_marker(title) || error_marker(h1)) {
		record_add(rec, "page_kind", "error");
		record_warning(rec, "not an article: an error page ('%.100s')", error_marker(title) ? title : h1);
		return;
	}
	if (w->chars >= 200 && (share >= 0.5 || (htmlmeta_is_listing(w->meta) && share >= 0.3))) {
		record_add(rec, "page_kind", "listing");
		record_warning(rec, "not an article: a listing (%.0f%% of the text is links%s)", share * 100,
		    htmlmeta_is_listing(w->meta) ? ", and the head says so" : "");
	}
}

int
html_render(struct htmlwork *w, const struct html_source *src, const struct html_opts *o, struct record *rec)
{
	struct decoder *d = &w->dec;
	const char *bin;
	htmlDocPtr doc;
	struct buf tmp;
	size_t start;
	int err;

	reset(w, src);
	decoder_fill(d);
	if ((bin = html_sniff_binary((const unsigned char *)d->raw, d->rawlen)) != NULL) {
		/* Read to the end, so that a stream is used up as the caller expects. */
		while (d->fp && !d->eof) {
			d->rawpos = d->rawlen;
			decoder_fill(d);
		}
		record_error(rec, "not an HTML page: %s", bin);
		record_set_body(rec, "", 0);
		return d->err ? (errno = d->err, -1) : 0;
	}
	decoder_choose(d, o ? o->charset : NULL);
	/* The first stretch of the page, decoded before the parser asks for it. */
	if (decoder_more(d))
		html_sniff_root_lang(d->out.s, d->out.len, w->lang, sizeof(w->lang));
	w->ctxt->_private = w;
	doc = htmlCtxtReadIO(w->ctxt, decoder_read, decoder_close, d, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	    HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
	if (doc)
		xmlFreeDoc(doc);
	while (w->depth > 0)	/* the parser closes what is open; in case it stopped early */
		sax_end(w->ctxt, NULL);
	err = d->err;
	/* The text: no line breaks before it, one after it. */
	for (start = 0; start < w->text.len && w->text.s[start] == '\n'; start++)
		;
	while (w->text.len > start && is_space((unsigned char)w->text.s[w->text.len - 1]))
		w->text.len--;
	if (start > 0) {
		memmove(w->text.s, w->text.s + start, w->text.len - start);
		w->text.len -= start;
	}
	if (w->text.len > 0)
		buf_addc(&w->text, '\n');
	/* The parser lost the <html> tag's lang (html_sniff_root_lang): the tokenizer's. */
	if (htmlmeta_get(w->meta, HM_LANG) == NULL && w->lang[0])
		htmlmeta_slot(w->meta, HM_LANG, w->lang, strlen(w->lang));
	htmlmeta_write(w->meta, rec, o ? o->url : NULL);
	page_kind(w, rec);
	decoder_warnings(d, rec);
	if (err)
		record_error(rec, "read error: %s; the page is cut short", strerror(err));
	/* The text becomes the body; the body's buffer is kept for the next page. */
	tmp = rec->body;
	rec->body = w->text;
	w->text = tmp;
	if (rec->body.s == NULL)
		record_set_body(rec, "", 0);
	buf_reset(&w->text);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}

