/* text.h: UTF-8 repair, NFC normalization and page clean-up. */
#ifndef KHOBOR_TEXT_H
#define KHOBOR_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
 * Decode one code point at s; returns its length, or -1 if the bytes are
 * not valid UTF-8 (RFC 3629, section 4: no overlong forms, no surrogates,
 * nothing past U+10FFFF).  Inline: it runs for every character of a page.
 */
static inline int
text_decode(const unsigned char *s, size_t n, int32_t *cp)
{
	unsigned char c = s[0];
	int32_t v;
	int len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		v = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		v = c & 0x07;
	} else {
		return -1;
	}
	if (n < (size_t)len)
		return -1;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && v < 0x800) || (len == 4 && (v < 0x10000 || v > 0x10FFFF)) ||
	    (v >= 0xD800 && v <= 0xDFFF))
		return -1;
	*cp = v;
	return len;
}
/* Append the UTF-8 encoding of cp. */
void text_encode(struct buf *out, int32_t cp);
/* Is s valid UTF-8 (no overlong forms, surrogates or values past U+10FFFF)? */
int text_utf8_valid(const char *s, size_t n);
/* Append s to out with every invalid sequence replaced by U+FFFD; returns how many. */
size_t text_utf8_fix(const char *s, size_t n, struct buf *out);
/* Append the NFC form of s to out (a copy when s is already NFC); invalid bytes pass as they are. */
void text_nfc(const char *s, size_t n, struct buf *out);
/* Quick check: 1 when s is certainly NFC, 0 when it may not be. */
int text_nfc_quick(const char *s, size_t n);

struct clean_report {
	size_t invalid;		/* invalid UTF-8 sequences replaced by U+FFFD */
	size_t controls;	/* control characters removed (NUL among them) */
	size_t nuls;
};

/*
 * The clean-up every page gets before any rule sees it: valid UTF-8, a
 * leading BOM removed, CRLF and lone CR to LF, NBSP and tab to space,
 * other control characters removed, trailing white space trimmed, runs of
 * blank lines folded to one, no blank lines at either end, NFC.  The
 * result is appended to out and ends in '\n' unless empty.
 */
void text_clean(const char *s, size_t n, struct buf *out, struct clean_report *rep);
/* The same without the line tidying (trailing white space is still trimmed), so line numbers stay. */
void text_normalize(const char *s, size_t n, struct buf *out, struct clean_report *rep);

/* Trim trailing white space of every line, fold blank runs, trim the ends. */
void text_tidy_lines(struct buf *b);
/* The same, appending the tidied s[0..n) to out (whose buffer is reused). */
/* Is s[0..n) nothing but spaces and tabs? */
int text_blank(const char *s, size_t n);

/* Is the line s[0..n) one that text_tidy_into takes for blank (white space only)? */
int text_tidy_blank(const char *s, size_t n);
void text_tidy_into(const char *s, size_t n, struct buf *out);

/*
 * Where to cut S so that no UTF-8 sequence is split: the largest boundary
 * at or before K, and the smallest at or after K (at most N).
 */
size_t text_utf8_floor(const char *s, size_t k);
size_t text_utf8_ceil(const char *s, size_t n, size_t k);

/* Number of code points in s. */
size_t text_chars(const char *s, size_t n);

/*
 * The words of s[0..n) (runs of anything but spaces and tabs), counted up
 * to MOST: enough to say that a line has so many, without walking a long
 * paragraph to its end.
 */
size_t text_words_upto(const char *s, size_t n, size_t most);

/*
 * Does s look typed in a legacy Bengali font: ASCII and Latin-1 characters that
 * a Bijoy-style font (SutonnyMJ and its kin) draws as Bengali?  Returns how many
 * of those fonts' telltale marks it holds ('‡' for the e-kar, '¨' for ya-phala,
 * ...), or 0 when it does not look so.
 */
size_t text_legacy_font(const char *s, size_t n);

/*
 * Does the line s[0..n) start with v[0..vn)?  White space at the start of
 * both is skipped, v's at its end too, and each run of spaces and tabs
 * inside the two compares as one space.  The prefix may be followed by
 * anything but a character that would belong to its last one (a combining
 * mark, a zero-width joiner or non-joiner): a space, a punctuation mark, the
 * end of the line, or a letter glued on ("<name><first word>").  Returns
 * the length of the prefix in s with the spaces after it, or 0 when s does
 * not start so or v is blank.
 */
size_t text_prefix_squeezed(const char *s, size_t n, const char *v, size_t vn);

/* One line of a text the engines work on line by line (strip, fields). */
struct text_line {
	size_t off, len;	/* in the text buffer */
	unsigned no;		/* 1-based line number in the text as split */
	int gone;		/* removed (strip) or consumed (fields) */
	int blank;		/* nothing but spaces and tabs */
};

/*
 * Split s[0..n) at '\n' into (*lines)[0..count), growing *lines (of *cap
 * entries) as needed, so that the array is reused text after text.
 * A final line without '\n' counts; an empty text has no line.
 */
size_t text_lines(const char *s, size_t n, struct text_line **lines, size_t *cap);

/*
 * --explain: how many bytes of s[0..n) to quote so that at most MAX
 * characters show (a cut falls between characters); *cut is set when the
 * quote is shorter than s, for the "..." that says so.
 */
int text_quote(const char *s, size_t n, size_t max, int *cut);
/*
 * One --explain line on FP: "PROG: SRC:LINE: FILE:RLINE: LABEL: " (just
 * "FILE: " when RLINE is 0), then FMT.  stdout is flushed first, so that
 * on one terminal the message comes after the records written before it.
 */
void text_explain(FILE *fp, const char *src, size_t line, const char *file, unsigned rline,
    const char *label, const char *fmt, ...);
/*
 * The same for a line of a record's body, which is not the page's line
 * once strip-boilerplate has taken lines out: "PROG: SRC: body line LINE:
 * ...".  strip-boilerplate --explain says which page line each body line
 * is (page_explain_lines), and khobor --explain puts the page's numbers in.
 */
void text_explain_body(FILE *fp, const char *src, size_t line, const char *file, unsigned rline,
    const char *label, const char *fmt, ...);

/* Paragraphs (blocks of non-blank lines), words and characters of a text. */
struct text_counts {
	size_t paragraphs;	/* runs of non-blank lines */
	size_t words;		/* white-space separated tokens with a letter, mark or digit */
	size_t chars;		/* code points, line ends not counted */
};
void text_count(const char *s, size_t n, struct text_counts *c);

#endif
