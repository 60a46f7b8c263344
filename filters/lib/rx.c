/* rx.c: the PCRE2 wrapper (see rx.h). */
#include <string.h>

#include "rx.h"
#include "rxcache.h"
#include "rxmemo.h"
#include "text.h"
#include "util.h"

/*
 * A pattern is JIT-compiled before its RX_JIT_AFTER-th run.  Sixteen, not
 * four: on a run of one page, the reader's patterns that run on every
 * header line ran 4-15 times and were JIT-compiled for nothing (0.6 M
 * instructions and a dozen page faults of extract-meta's start); over a
 * stream of pages every busy pattern is still compiled at once.
 */
#ifndef RX_JIT_AFTER
#define RX_JIT_AFTER 16
#endif

static pcre2_match_context *mctx;
static pcre2_jit_stack *jstack;
static uint32_t match_limit = 10000000;
static uint32_t heap_limit = 65536;	/* KiB */
/*
 * One match data for every pattern, its offsets copied to the pattern's
 * own after a match: pcre2_match() keeps its backtracking frames (20 KiB
 * and up) in the match data, and one for each of the dozens of patterns a
 * page meets was a fresh block of heap each, a fifth of the page faults of
 * start-up (each 10-15 us on the bench machine).
 */
static pcre2_match_data *md;
static uint32_t mdpairs;
/*
 * The memo lent by rx_memo(), or NULL.  Here, beside the match data, and
 * not a parameter of rx_exec: the reader runs its patterns through some
 * forty helpers that know nothing of pages, and each would carry it.
 */
static struct rxmemo *memo;
/*
 * The subject held (rx_hold): its bytes, its number in the memo, the
 * memo's generation then, and its signature once a pattern asked for it
 * (it stays put until the memo forgets its subjects, a new generation).
 */
static struct {
	const char *s;
	size_t len;
	uint32_t subj;
	unsigned long gen;
	struct rxmemo *memo;
	const uint64_t *sig;
	int has_sig;
} held;

static void
context(void)
{
	if (mctx)
		return;
	mctx = pcre2_match_context_create(NULL);
	/*
	 * Limits bound a catastrophic pattern (say "(a+)+$" on a long line)
	 * to well under a second per record; the record is flagged instead.
	 */
	pcre2_set_match_limit(mctx, match_limit);
	pcre2_set_depth_limit(mctx, match_limit);
	pcre2_set_heap_limit(mctx, heap_limit);
	jstack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
	if (jstack)
		pcre2_jit_stack_assign(mctx, NULL, jstack);
}

void
rx_limits(uint32_t ml, uint32_t hk)
{
	match_limit = ml;
	heap_limit = hk;
	rx_cleanup();
	rxmemo_forget(memo);	/* an answer may have been a limit's */
}

void
rx_cleanup(void)
{
	pcre2_match_data_free(md);
	md = NULL;
	mdpairs = 0;
	if (mctx)
		pcre2_match_context_free(mctx);
	if (jstack)
		pcre2_jit_stack_free(jstack);
	mctx = NULL;
	jstack = NULL;
}

/* The UTF-8 length of code point CP once NFC-normalized, as the value holds it. */
static size_t
nfc_len(const char *s, size_t n)
{
	struct buf b = {0};
	size_t k;

	text_nfc(s, n, &b);
	k = b.len;
	buf_free(&b);
	return k;
}

/*
 * Map a byte offset inside a scalar's value to the line and column of the
 * file where that character was typed, by walking the scalar's source text
 * the way YAML reads it: quotes, '' and backslash escapes, folded line
 * breaks and the indentation of block scalars.  Returns 0, or -1 when the
 * file cannot be read (the caller falls back to the scalar's start).
 */
static int
source_position(const char *file, const struct yml *n, size_t off, unsigned *line, unsigned *col)
{
	FILE *fp = fopen(file, "rb");
	struct buf src = {0};
	char chunk[4096];
	size_t k, r = 0, v = 0, indent = 0;
	unsigned l = 1, cchars = 1;

	if (fp == NULL)
		return -1;
	while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&src, chunk, k);
	fclose(fp);
	if (src.s == NULL)
		return -1;
	/* Find the node's start: line, then column in characters. */
	while (r < src.len && l < n->line)
		if (src.s[r++] == '\n')
			l++;
	while (r < src.len && cchars < n->col && src.s[r] != '\n') {
		r = text_utf8_ceil(src.s, src.len, r + 1);
		cchars++;
	}
	if (n->style == 2 || n->style == 3) {
		r++;	/* the opening quote */
	} else if (n->style == 4 || n->style == 5) {
		while (r < src.len && src.s[r] != '\n')
			r++;
		r++;
		while (r + indent < src.len && src.s[r + indent] == ' ')
			indent++;
		r += indent;
	}
	while (r < src.len && v < off) {
		unsigned char ch = (unsigned char)src.s[r];
		size_t len = 1;

		if (n->style == 2 && ch == '\'' && r + 1 < src.len && src.s[r + 1] == '\'') {
			r += 2;
			v += 1;
			continue;
		}
		if (n->style == 3 && ch == '\\' && r + 1 < src.len) {
			char e = src.s[r + 1];

			r += e == 'x' ? 4 : e == 'u' ? 6 : e == 'U' ? 10 : 2;
			v += e == 'u' || e == 'U' ? 3 : 1;
			continue;
		}
		if (ch == '\n') {
			size_t sp = 0;

			r++;
			if (n->style == 4 || n->style == 5) {
				while (sp < indent && r < src.len && src.s[r] == ' ') {
					r++;
					sp++;
				}
			} else {
				while (r < src.len && (src.s[r] == ' ' || src.s[r] == '\t'))
					r++;
			}
			v += 1;	/* a newline, or the space it was folded into */
			continue;
		}
		while (r + len < src.len && ((unsigned char)src.s[r + len] & 0xC0) == 0x80)
			len++;
		v += ch < 0x80 ? 1 : nfc_len(src.s + r, len);
		r += len;
	}
	/* Count the line and column of byte r. */
	*line = 1;
	*col = 1;
	for (k = 0; k < r && k < src.len; k++) {
		if (src.s[k] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)src.s[k] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
	buf_free(&src);
	return 0;
}

/* Map a byte offset inside a scalar to a line and column of the file. */
static void
position(const char *file, const struct yml *n, size_t off, unsigned *line, unsigned *col)
{
	if (off > n->len)
		off = n->len;
	if (source_position(file, n, off, line, col) == 0)
		return;
	*line = n->line;
	*col = n->col;
}

/*
 * Does an inline option setting of P name option letter OPT: "(?x)",
 * "(?mx)", "(?-x)", "(?ix:...)"?  Set or unset, anywhere: the caller only
 * needs to know it may be in force somewhere (pcre2pattern(3), "Internal
 * option setting").
 */
static int
inline_option(const char *p, size_t n, char opt)
{
	size_t i, j;

	for (i = 0; i + 2 < n; i++) {
		if (p[i] != '(' || p[i + 1] != '?' || (i > 0 && p[i - 1] == '\\'))
			continue;
		for (j = i + 2; j < n && (((p[j] | 0x20) >= 'a' && (p[j] | 0x20) <= 'z') || p[j] == '-' || p[j] == '^');
		    j++)
			if (p[j] == opt)
				return 1;
	}
	return 0;
}

/*
 * A literal that every match must contain, found by reading the pattern's
 * top level: a run of plain characters outside groups and classes, not
 * followed by a quantifier.  Bengali text gives PCRE2's own start-up
 * optimization nothing to work with (every character starts with byte
 * 0xE0), so before running a pattern over a line or a page, rx_exec looks
 * for this literal and skips the match when it is absent.  Anything
 * unusual (alternation at the top, extended mode, \Q) gives no literal:
 * the prefilter must never reject a subject the pattern matches.  In
 * caseless mode a literal is kept only when none of its characters has
 * another case (Bengali letters and signs, ASCII digits and punctuation,
 * general punctuation): site files write "(?im)^<Bengali name>$", and a
 * caseless pattern must not lose its prefilter for letters that have no case.
 */
/* The index after the character class that starts at p[i] ('['); a ']' first in it is literal. */
static size_t
skip_class(const char *p, size_t n, size_t i)
{
	i++;
	if (i < n && p[i] == '^')
		i++;
	if (i < n && p[i] == ']')
		i++;
	while (i < n && p[i] != ']') {
		if (p[i] == '\\')
			i++;
		i++;
	}
	return i + 1;
}

/* Does the literal S[0..N) read the same in any case (see above)? */
static int
caseless_safe(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	int32_t cp;
	int k;

	while (i < n) {
		if ((k = text_decode(u + i, n - i, &cp)) <= 0)
			return 0;
		i += (size_t)k;
		if (cp < 0x80 ? !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) :
		    (cp >= 0x0980 && cp <= 0x09FF) || (cp >= 0x0964 && cp <= 0x0965) ||
		    (cp >= 0x2000 && cp <= 0x206F) || cp == 0x00A0)
			continue;
		return 0;
	}
	return 1;
}

int
rx_literal(const char *p, size_t n, uint32_t flags, char **lit, size_t *litlen, size_t *rare)
{
	struct buf run = {0}, best = {0};
	size_t i = 0;
	int depth = 0;

	int caseless = (flags & PCRE2_CASELESS) || inline_option(p, n, 'i');

	if (flags & (PCRE2_EXTENDED | PCRE2_LITERAL))
		return 0;
	if (inline_option(p, n, 'x') || memmem(p, n, "\\Q", 2) || memmem(p, n, "(*", 2))
		return 0;
	while (i <= n) {
		unsigned char ch = i < n ? (unsigned char)p[i] : 0;
		size_t clen = 1;
		int literal = 0;

		if (i == n)
			goto end_run;
		if (depth > 0) {
			if (ch == '\\')
				i++;
			else if (ch == '(')
				depth++;
			else if (ch == ')')
				depth--;
			else if (ch == '[') {
				i = skip_class(p, n, i);
				continue;
			}
			i++;
			continue;
		}
		if (ch == '|') {
			buf_free(&run);
			buf_free(&best);
			return 0;	/* an alternative without the literal */
		}
		if (ch == '(') {
			depth = 1;
			i++;
			goto end_run;
		}
		if (ch == '[') {
			i = skip_class(p, n, i);
			goto end_run;
		}
		if (ch == '\\' && i + 1 < n && (p[i + 1] == 'n' || p[i + 1] == 't')) {
			/* \n and \t stand for one byte each, as in a site's "(?m):\n" */
			char next = i + 2 < n ? p[i + 2] : 0;

			if (next == '?' || next == '*' || next == '+' || next == '{') {
				i += 2;
				goto end_run;
			}
			buf_add(&run, p[i + 1] == 'n' ? "\n" : "\t", 1);
			i += 2;
			continue;
		}
		if (ch == '\\') {
			if (i + 1 < n && !((p[i + 1] >= 'a' && p[i + 1] <= 'z') || (p[i + 1] >= 'A' && p[i + 1] <= 'Z') ||
			    (p[i + 1] >= '0' && p[i + 1] <= '9')) && (unsigned char)p[i + 1] < 0x80) {
				literal = 1;	/* an escaped punctuation character */
				i++;
				ch = (unsigned char)p[i];
			} else {
				/* \d, \p{..}, \x{..}, \pL, \x0A, \1 ...: skip it whole, and more if unsure. */
				i += 2;
				while (i < n && (unsigned char)p[i] < 0x80 && ((p[i] >= 'a' && p[i] <= 'z') ||
				    (p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9')))
					i++;
				if (i < n && p[i] == '{')
					while (i < n && p[i++] != '}')
						;
				goto end_run;
			}
		} else if (ch == '{') {
			while (i < n && p[i++] != '}')	/* a quantifier's bounds */
				;
			goto end_run;
		} else if (strchr(".^$)?*+", ch)) {
			i++;
			goto end_run;
		} else {
			literal = 1;
			while (i + clen < n && ((unsigned char)p[i + clen] & 0xC0) == 0x80)
				clen++;
		}
		if (literal) {
			/* A quantifier after the character makes it optional or repeated. */
			char next = i + clen < n ? p[i + clen] : 0;

			if (next == '?' || next == '*' || next == '+' || next == '{') {
				i += clen;
				goto end_run;
			}
			buf_add(&run, p + i, clen);
			i += clen;
			continue;
		}
end_run:
		if (run.len > best.len) {
			buf_reset(&best);
			buf_add(&best, run.s, run.len);
		}
		buf_reset(&run);
		if (i == n)
			break;
	}
	if (best.len < 3 || (caseless && !caseless_safe(best.s, best.len))) {
		buf_free(&run);
		buf_free(&best);
		return 0;
	}
	{
		static const unsigned char common[] = { 0xE0, 0xA6, 0xA7, 0xA5, ' ' };
		size_t k, score = (size_t)-1;

		*lit = best.s;
		*litlen = best.len;
		/* Look for the byte least likely in Bengali text: not a lead byte. */
		for (k = 0; k < best.len; k++) {
			unsigned char b = (unsigned char)best.s[k];
			size_t s = memchr(common, b, sizeof(common)) ? 100 : (b >= 0x80 && b < 0xC0) ? 30 : 10;

			if (s <= score) {
				score = s;
				*rare = k;
			}
		}
	}
	buf_free(&run);
	return 1;
}

/*
 * Words one of which every match must contain, for a pattern with no one
 * literal: a group of plain alternatives ("(?:ডেস্ক|প্রতিবেদক|...)", or
 * the pattern's own top level) that every match passes through, the
 * leading literal of each alternative taken.  A group is passed through
 * when it and every group around it is a plain, capturing, atomic or
 * option group under no quantifier that allows none, and no '|' stands
 * beside it; a lookaround, a conditional or an optional group is not.
 * The byline patterns are long runs of optional name words before a post
 * word ("... (?:ডেস্ক|প্রতিবেদক|...)"): PCRE2 tries every way of reading
 * a line's words before failing, some 10,000 instructions a line.  The
 * words are not searched for one by one (Bengali words share their lead
 * bytes: a search for each of a dozen cost more than the pattern it
 * spared), but looked up in the subject's signature, which the memo makes
 * once for all the patterns that read a line (rxmemo.h); so only while a
 * memo is lent.  A word must be 6 bytes at least (two Bengali letters)
 * for the signature to tell.  As with the literal, anything unusual gives
 * no words.
 */
#define WORDS_MAX 32
#define SETS_MAX 4

/* The index of the ')' closing the group opened at p[i] (outside P[0..n) if none). */
static size_t
group_end(const char *p, size_t n, size_t i)
{
	int depth = 0;

	while (i < n) {
		if (p[i] == '\\') {
			i += 2;
			continue;
		}
		if (p[i] == '[') {
			i = skip_class(p, n, i);
			continue;
		}
		if (p[i] == '(')
			depth++;
		else if (p[i] == ')' && --depth == 0)
			return i;
		i++;
	}
	return n;
}

/* The index of the first '|' of P[a..e) outside groups and classes, or e. */
static size_t
bar_at(const char *p, size_t a, size_t e)
{
	size_t i = a;

	while (i < e) {
		if (p[i] == '|')
			return i;
		if (p[i] == '\\')
			i += 2;
		else if (p[i] == '[')
			i = skip_class(p, e, i);
		else if (p[i] == '(')
			i = group_end(p, e, i) + 1;
		else
			i++;
	}
	return e;
}

/*
 * Where the content of the group opened at p[i] and closed at p[g] starts,
 * when every match of the group matches its content; g when it does not
 * (a lookaround, a conditional, an option setting, a call, a comment).
 */
static size_t
group_body(const char *p, size_t i, size_t g)
{
	size_t k = i + 1;

	if (k >= g || p[k] != '?')
		return k;	/* a capturing group */
	k++;
	if (p[k] == ':' || p[k] == '>' || p[k] == '|')
		return k + 1;
	if ((p[k] == '<' && p[k + 1] != '=' && p[k + 1] != '!') || p[k] == '\'' || (p[k] == 'P' && p[k + 1] == '<')) {
		while (k < g && p[k] != '>' && !(p[k] == '\'' && k > i + 2))
			k++;
		return k < g ? k + 1 : g;	/* a named group */
	}
	while (k < g && ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') || p[k] == '-' || p[k] == '^'))
		k++;
	return k < g && p[k] == ':' && k > i + 2 ? k + 1 : g;	/* an option group "(?i:" */
}

/* Does the quantifier at p[i] (if any) allow the item before it to match not at all? */
static int
optional(const char *p, size_t n, size_t i)
{
	if (i >= n)
		return 0;
	if (p[i] == '?' || p[i] == '*')
		return 1;
	/* "{0,..}", "{,n}"; a '{' that is no quantifier is read as one too, to be safe. */
	return p[i] == '{' && i + 1 < n && (p[i + 1] == '0' || p[i + 1] == ',');
}

/*
 * The literal at P[a..e) (after a '^'), into B: its end in P, B empty when
 * none starts there (a metacharacter, or a character a quantifier may
 * leave out).
 */
static size_t
literal_at(const char *p, size_t a, size_t e, struct buf *b)
{
	size_t i = a, clen;

	buf_reset(b);
	if (i < e && p[i] == '^')
		i++;
	while (i < e) {
		const char *c = p + i;
		size_t at = i;

		clen = 1;
		if (p[i] == '\\') {
			if (i + 1 >= e || (unsigned char)p[i + 1] >= 0x80 || (p[i + 1] >= 'a' && p[i + 1] <= 'z') ||
			    (p[i + 1] >= 'A' && p[i + 1] <= 'Z') || (p[i + 1] >= '0' && p[i + 1] <= '9'))
				break;
			c = p + ++i;	/* an escaped punctuation character */
		} else if (strchr(".^$|?*+()[]{}", p[i])) {
			break;
		} else {
			while (i + clen < e && ((unsigned char)p[i + clen] & 0xC0) == 0x80)
				clen++;
		}
		if (i + clen < e && (p[i + clen] == '?' || p[i + clen] == '*' || p[i + clen] == '{')) {
			i = at;
			break;	/* the character may not be there */
		}
		buf_add(b, c, clen);
		i += clen;
		if (i < e && p[i] == '+')
			break;	/* it may be there again */
	}
	return b->len ? i : a;
}

/* The bytes of a UTF-8 character by its lead byte C (1 for a byte that leads none). */
static size_t
char_len(unsigned char c)
{
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* A set of words one of which every match contains, being made. */
struct wordset {
	struct rxword w[WORDS_MAX];
	size_t n;
	size_t score;		/* what its weakest word tells */
};

static void
set_free(struct wordset *ws)
{
	while (ws->n > 0)
		free(ws->w[--ws->n].s);
}

/* Add the literal S[0..N) to WS; 0 if it cannot be a word (too many, caseless, not a whole character). */
static int
set_add(struct wordset *ws, const char *s, size_t n, int caseless)
{
	struct rxword *w;
	size_t last, score;

	if (ws->n == WORDS_MAX || n == 0 || ((unsigned char)s[0] & 0xC0) == 0x80 || char_len((unsigned char)s[0]) > n ||
	    (caseless && !caseless_safe(s, n)))
		return 0;
	w = &ws->w[ws->n++];
	w->s = estrndup(s, n);
	w->len = n;
	w->set = 0;
	w->ch = rxmemo_charbit(s);
	w->shingled = n >= RXMEMO_SHINGLE;
	w->first = w->last = 0;
	if (w->shingled) {
		w->first = rxmemo_shingle(s);
		/* The last 6 bytes that start at a character, as the signature takes them. */
		for (last = n - RXMEMO_SHINGLE; last > 0 && ((unsigned char)s[last] & 0xC0) == 0x80; last--)
			;
		w->last = rxmemo_shingle(s + last);
	}
	/* Two shingles tell most; a character alone least, an ASCII one (':') less than a Bengali one. */
	score = w->shingled ? 100 + n : (unsigned char)s[0] < 0x80 ? n : 10 + n;
	if (ws->n == 1 || score < ws->score)
		ws->score = score;
	return 1;
}

/* Keep WS among the SETS_MAX best of SETS (N of them); WS is emptied. */
static void
set_keep(struct wordset *sets, size_t *n, struct wordset *ws)
{
	size_t k, worst = 0;

	if (ws->n == 0)
		return;
	if (*n < SETS_MAX) {
		sets[(*n)++] = *ws;
		ws->n = 0;
		return;
	}
	for (k = 1; k < *n; k++)
		if (sets[k].score < sets[worst].score)
			worst = k;
	if (sets[worst].score < ws->score) {
		set_free(&sets[worst]);
		sets[worst] = *ws;
		ws->n = 0;
	} else {
		set_free(ws);
	}
}

/* The alternatives of P[a..e) as a set of words, if each starts with a literal. */
static void
alternatives(const char *p, size_t a, size_t e, int caseless, struct wordset *sets, size_t *nsets)
{
	struct wordset ws = {0};
	struct buf b = {0};
	size_t i, j;

	for (i = a; i <= e; i = j + 1) {
		j = bar_at(p, i, e);
		literal_at(p, i, j, &b);
		if (!set_add(&ws, b.s, b.len, caseless)) {
			set_free(&ws);
			break;
		}
		if (j == e)
			break;
	}
	buf_free(&b);
	set_keep(sets, nsets, &ws);
}

/* The class P[a..e) ('[' to after ']') as a set of words, if it is a list of plain characters. */
static void
class_set(const char *p, size_t a, size_t e, int caseless, struct wordset *sets, size_t *nsets)
{
	struct wordset ws = {0};
	size_t i = a + 1, clen;

	if (p[i] == '^')
		return;
	while (i + 1 < e) {
		const char *c = p + i;

		if (p[i] == '\\') {
			if ((unsigned char)p[i + 1] >= 0x80 || (p[i + 1] >= 'a' && p[i + 1] <= 'z') ||
			    (p[i + 1] >= 'A' && p[i + 1] <= 'Z') || (p[i + 1] >= '0' && p[i + 1] <= '9'))
				break;	/* \s, \p{..}, \x..: not one character */
			c = p + ++i;
			clen = 1;
		} else if ((p[i] == '-' && i > a + 1 && i + 2 < e) || p[i] == '[') {
			break;	/* a range, or a class within */
		} else {
			clen = char_len((unsigned char)p[i]);
		}
		if (!set_add(&ws, c, clen, caseless))
			break;
		i += clen;
	}
	if (i + 1 == e)
		set_keep(sets, nsets, &ws);
	else
		set_free(&ws);
}

/* Look through P[a..e), a sequence every match passes through, for sets of words. */
static void
required_groups(const char *p, size_t a, size_t e, int caseless, struct wordset *sets, size_t *nsets)
{
	struct buf b = {0};
	size_t i = a, g, body;

	if (bar_at(p, a, e) < e) {
		alternatives(p, a, e, caseless, sets, nsets);
		return;
	}
	while (i < e) {
		if (p[i] == '(') {
			if ((g = group_end(p, e, i)) >= e)
				break;
			if ((body = group_body(p, i, g)) < g && !optional(p, e, g + 1))
				required_groups(p, body, g, caseless, sets, nsets);
			i = g + 1;
		} else if (p[i] == '[') {
			g = skip_class(p, e, i);
			if (g <= e && !optional(p, e, g))
				class_set(p, i, g, caseless, sets, nsets);
			i = g;
		} else if (p[i] == '{') {
			while (i < e && p[i++] != '}')	/* a quantifier's bounds */
				;
		} else if (p[i] == '\\' && i + 1 < e && ((p[i + 1] >= 'a' && p[i + 1] <= 'z') ||
		    (p[i + 1] >= 'A' && p[i + 1] <= 'Z') || (p[i + 1] >= '0' && p[i + 1] <= '9'))) {
			/* \s, \p{..}, \x{..}, \x0A, \1 ...: skipped whole, and more if unsure (as rx_literal). */
			i += 2;
			while (i < e && ((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z') ||
			    (p[i] >= '0' && p[i] <= '9')))
				i++;
			if (i < e && p[i] == '{')
				while (i < e && p[i++] != '}')
					;
		} else if ((g = literal_at(p, i, e, &b)) > i) {
			struct wordset ws = {0};

			if (set_add(&ws, b.s, b.len, caseless))
				set_keep(sets, nsets, &ws);
			i = g;
		} else {
			i += p[i] == '\\' ? 2 : char_len((unsigned char)p[i]);
		}
	}
	buf_free(&b);
}

size_t
rx_words(const char *p, size_t n, uint32_t flags, struct rxword **words)
{
	struct wordset sets[SETS_MAX];
	size_t nsets = 0, nw = 0, k, j;

	if (flags & (PCRE2_EXTENDED | PCRE2_LITERAL))
		return 0;
	if (inline_option(p, n, 'x') || memmem(p, n, "\\Q", 2) || memmem(p, n, "(*", 2) || memmem(p, n, "(?#", 3) ||
	    memmem(p, n, ":]", 2))	/* a POSIX class "[:alpha:]" in a class (skip_class does not know it) */
		return 0;
	required_groups(p, 0, n, (flags & PCRE2_CASELESS) || inline_option(p, n, 'i'), sets, &nsets);
	for (k = 0; k < nsets; k++)
		nw += sets[k].n;
	if (nw == 0)
		return 0;
	*words = emalloc(nw * sizeof(**words));
	for (nw = k = 0; k < nsets; nw += sets[k++].n)
		for (j = 0; j < sets[k].n; j++) {
			(*words)[nw + j] = sets[k].w[j];
			(*words)[nw + j].set = (unsigned)k;
			(*words)[nw + j].next = nw + sets[k].n;
		}
	return nw;
}

/*
 * Might RE match the subject whose signature is SIG?  Not when a set has
 * no word whose bits are all in it: a character's, and its first and last
 * 6 bytes' for a word that long.
 */
static int
words_in(const struct rx *re, const uint64_t *sig)
{
	size_t k = 0;

	while (k < re->nwords) {
		const struct rxword *w = &re->words[k];

		/* The first 6 bytes first: a Bengali word's first character is in most lines, its first two are not. */
		if ((!w->shingled || (RXMEMO_BIT(sig, w->first) && RXMEMO_BIT(sig, w->last))) &&
		    RXMEMO_CHAR(sig, w->ch))
			k = w->next;	/* this set has a word: on to the next set */
		else if (++k == w->next)
			return 0;	/* none of this set's words */
	}
	return 1;
}

static void
words_free(struct rx *re)
{
	while (re->nwords > 0)
		free(re->words[--re->nwords].s);
	free(re->words);
	re->words = NULL;
}

int
rx_literal_in(const char *lit, size_t litlen, size_t rare, const char *s, size_t len, size_t start)
{
	const char *p = s + start, *end = s + len;
	unsigned char rb = (unsigned char)lit[rare];

	if (start + litlen > len)
		return 0;
	p += rare;
	while (p < end && (p = memchr(p, rb, (size_t)(end - p))) != NULL) {
		const char *cand = p - rare;

		if (cand + litlen <= end && memcmp(cand, lit, litlen) == 0)
			return 1;
		p++;
	}
	return 0;
}

/* The named groups of CODE as struct rx keeps them. */
static void
names_of(const pcre2_code *code, char **names, size_t *len)
{
	uint32_t count = 0, size = 0, i;
	PCRE2_SPTR table;
	struct buf b = {0};

	if (pcre2_pattern_info(code, PCRE2_INFO_NAMECOUNT, &count) != 0 || count == 0 ||
	    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &size) != 0 ||
	    pcre2_pattern_info(code, PCRE2_INFO_NAMETABLE, &table) != 0)
		return;
	/* Each entry: the number, high byte first, then the name and its NUL, padded to SIZE. */
	for (i = 0; i < count; i++) {
		const char *e = (const char *)table + (size_t)i * size;

		buf_add(&b, e, 2 + strlen(e + 2) + 1);
	}
	*names = b.s;
	*len = b.len;
}

static pcre2_code *
compile_code(const char *pat, size_t len, uint32_t flags, int *err, PCRE2_SIZE *erroff)
{
	return pcre2_compile((PCRE2_SPTR)pat, len, PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | flags, err,
	    erroff, NULL);
}

/*
 * A pattern the cache holds is not compiled, nor looked at for its
 * literal: all that is read from the cache, and the code decoded when the
 * pattern first runs (code_of).  One it does not hold is compiled, and
 * kept in the cache for the next start.
 */
static struct rx *
compile(const char *pat, size_t len, uint32_t flags, int *err, PCRE2_SIZE *erroff)
{
	struct rx *re;
	pcre2_code *code;
	struct rxcache_hit h;

	if (rxcache_find(pat, len, flags, &h)) {
		re = ecalloc(1, sizeof(*re));
		re->ser = h.code;
		re->serlen = h.codelen;
		re->serhash = h.codehash;
		re->npairs = h.npairs;
		re->flags = flags;
		re->ov = ecalloc(2 * re->npairs, sizeof(*re->ov));
		re->src = estrndup(pat, len);
		re->srclen = len;
		if (h.lit) {
			re->lit = estrndup(h.lit, h.litlen);
			re->litlen = h.litlen;
			re->rare = h.rare;
		}
		if (h.nameslen) {
			re->names = emalloc(h.nameslen);
			memcpy(re->names, h.names, h.nameslen);
			re->nameslen = h.nameslen;
		}
		return re;
	}
	if ((code = compile_code(pat, len, flags, err, erroff)) == NULL)
		return NULL;
	re = ecalloc(1, sizeof(*re));
	re->code = code;
	re->flags = flags;
	if (pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &re->npairs) != 0)
		re->npairs = 0;
	re->npairs++;
	re->ov = ecalloc(2 * re->npairs, sizeof(*re->ov));
	re->src = estrndup(pat, len);
	re->srclen = len;
	(void)rx_literal(pat, len, flags, &re->lit, &re->litlen, &re->rare);
	names_of(code, &re->names, &re->nameslen);
	rxcache_add(pat, len, flags, code, re->npairs, re->lit, re->litlen, re->rare, re->names, re->nameslen);
	return re;
}

/*
 * RE's compiled code: decoded from the pattern cache when first needed.
 * Code the cache damaged, or that is not the pattern it stands for, is
 * compiled again from the pattern (and kept anew).
 */
static pcre2_code *
code_of(struct rx *re)
{
	uint32_t ncap;
	int err;
	PCRE2_SIZE erroff;

	if (re->code)
		return re->code;
	re->code = rxcache_decode(re->ser, re->serlen, re->serhash);
	if (re->code && (pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &ncap) != 0 || ncap + 1 != re->npairs)) {
		pcre2_code_free(re->code);
		re->code = NULL;
	}
	if (re->code == NULL) {
		/* Only a forged cache can hold a pattern that does not compile as its text. */
		if ((re->code = compile_code(re->src, re->srclen, re->flags, &err, &erroff)) == NULL)
			die(EXIT_USAGE, "pattern cache: pattern %s does not compile: remove the cache "
			    "(KHOBOR_CACHE=off to run without it)", re->name ? re->name : re->src);
		/* What the cache said of it, its groups, literal and names, is worked out anew. */
		if (pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &ncap) != 0)
			ncap = 0;
		if (ncap + 1 != re->npairs) {
			re->npairs = ncap + 1;
			free(re->ov);
			re->ov = ecalloc(2 * re->npairs, sizeof(*re->ov));
		}
		free(re->lit);
		re->lit = NULL;
		re->litlen = re->rare = 0;
		(void)rx_literal(re->src, re->srclen, re->flags, &re->lit, &re->litlen, &re->rare);
		free(re->names);
		re->names = NULL;
		re->nameslen = 0;
		names_of(re->code, &re->names, &re->nameslen);
		rxcache_add(re->src, re->srclen, re->flags, re->code, re->npairs, re->lit, re->litlen, re->rare,
		    re->names, re->nameslen);
	}
	re->ser = NULL;
	return re->code;
}

/*
 * Compile PAT, or report its error at FILE:LINE:COL, moved to the character
 * the error offset points at when the pattern is the scalar node N of FILE.
 */
static struct rx *
compile_reported(const char *pat, size_t len, const char *file, unsigned line, unsigned col,
    const struct yml *n, const char *name, uint32_t flags)
{
	struct rx *re;
	int err;
	PCRE2_SIZE erroff;

	re = compile(pat, len, flags, &err, &erroff);
	if (re == NULL) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(err, msg, sizeof(msg));
		if (n)
			position(file, n, erroff, &line, &col);
		fflush(stdout);
		fprintf(stderr, "%s: %s:%u:%u: rule %s: bad pattern: %s (at offset %zu of the pattern)\n",
		    prog, file, line, col, name, (char *)msg, (size_t)erroff);
		yml_nerrors++;
		return NULL;
	}
	re->name = estrdup(name);
	return re;
}

struct rx *
rx_compile_at(const char *pat, size_t len, const char *file, unsigned line, unsigned col,
    const char *name, uint32_t flags)
{
	return compile_reported(pat, len, file, line, col, NULL, name, flags);
}

struct rx *
rx_compile(const struct ymldoc *doc, const struct yml *n, const char *name, uint32_t flags)
{
	if (n->type != YML_SCALAR) {
		yml_error(doc, n, "rule %s: a pattern must be a string", name);
		return NULL;
	}
	return compile_reported(n->str, n->len, doc->file, n->line, n->col, n, name, flags);
}

struct rx *
rx_builtin(const char *pattern, uint32_t flags)
{
	struct rx *re;
	int err;
	PCRE2_SIZE erroff;

	re = compile(pattern, strlen(pattern), flags, &err, &erroff);
	if (re == NULL)
		die(EXIT_USAGE, "internal pattern does not compile at offset %zu: %s", (size_t)erroff, pattern);
	re->name = estrdup("built-in");
	return re;
}

pcre2_code *
rx_code(struct rx *re)
{
	return code_of(re);
}

void
rx_jit_partial(struct rx *re)
{
	if (re) {
		(void)pcre2_jit_compile(code_of(re), PCRE2_JIT_COMPLETE | PCRE2_JIT_PARTIAL_HARD);
		re->runs = RX_JIT_AFTER;
	}
}

void
rx_free(struct rx *re)
{
	if (re == NULL)
		return;
	rxmemo_forget(memo);	/* another pattern may come at its address */
	words_free(re);
	free(re->ov);
	pcre2_code_free(re->code);
	free(re->names);
	free(re->lit);
	free(re->name);
	free(re->src);
	free(re);
}

/* Run CODE (RE's) on S; rx_exec's answer, the offsets of a match in RE. */
static int
match(struct rx *re, pcre2_code *code, const char *s, size_t len, size_t start, uint32_t opts)
{
	int rc;

	if (re->npairs > mdpairs) {
		pcre2_match_data_free(md);
		if ((md = pcre2_match_data_create(re->npairs, NULL)) == NULL)
			die(EXIT_MEMORY, "out of memory");
		mdpairs = re->npairs;
	}
	rc = pcre2_match(code, (PCRE2_SPTR)s, len, start, opts, md, mctx);
	if (rc >= 0 || rc == PCRE2_ERROR_PARTIAL)
		memcpy(re->ov, pcre2_get_ovector_pointer(md), 2 * re->npairs * sizeof(*re->ov));
	if (rc >= 0)
		return RX_MATCH;
	switch (rc) {
	case PCRE2_ERROR_NOMATCH:
		return RX_NOMATCH;
	case PCRE2_ERROR_PARTIAL:
		return RX_PARTIAL;
	case PCRE2_ERROR_MATCHLIMIT:
	case PCRE2_ERROR_DEPTHLIMIT:
	case PCRE2_ERROR_HEAPLIMIT:
	case PCRE2_ERROR_JIT_STACKLIMIT:
	case PCRE2_ERROR_NOMEMORY:
		return RX_LIMIT;
	default:
		return RX_FAIL;
	}
}

int
rx_exec(struct rx *re, const char *s, size_t len, size_t start, uint32_t opts)
{
	pcre2_code *code;
	struct rxmemo_slot slot;
	const uint64_t *sig;
	uint32_t subj;
	int rc, partial = (opts & (PCRE2_PARTIAL_HARD | PCRE2_PARTIAL_SOFT)) != 0;
	/* A subject held has its number and its signature at hand: they are asked before the literal is looked for. */
	int isheld = memo != NULL && s != NULL && held.s == s && held.len == len && held.memo == memo &&
	    held.gen == rxmemo_generation(memo);

	context();
	if (re->lit && !partial && !(isheld && re->nwords > 0) &&
	    !rx_literal_in(re->lit, re->litlen, re->rare, s, len, start))
		return RX_NOMATCH;
	/*
	 * JIT where the platform has it, the interpreter otherwise; JIT-compiled
	 * once the pattern has run a few times, as most of the patterns a run
	 * compiles (a page of no known site: its candidates' match patterns,
	 * the default's strip rules) run once or never, and JIT compiling costs
	 * more than a few runs of the interpreter.
	 */
	/* First: a pattern compiled again from the cache's may have other groups than it said. */
	code = code_of(re);
	if (re->runs < RX_JIT_AFTER && ++re->runs == RX_JIT_AFTER)
		(void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
	/*
	 * Looked for in a busy pattern only, as the JIT compile: reading a
	 * pattern costs some of its runs.  A pattern with a literal gets them
	 * too: on a held subject, a few bits of its signature answer sooner
	 * than a search for the literal in the line's bytes.
	 */
	if (!re->worded && re->runs >= RX_JIT_AFTER) {
		re->worded = 1;
		re->nwords = rx_words(re->src, re->srclen, re->flags, &re->words);
	}
	/* After the count above: a pattern is JIT-compiled at the same run, answered from the memo or not. */
	if (memo != NULL && s != NULL) {
		subj = isheld ? held.subj : rxmemo_subject(memo, s, len);
		/*
		 * The words first, in the subject's signature (made once for all
		 * the patterns a line meets): a line without them is answered
		 * with no look in the answers, and none kept.
		 */
		if (re->nwords > 0 && !partial) {
			if (!isheld)
				sig = rxmemo_signature(memo, subj, s, len);
			else if (held.has_sig)
				sig = held.sig;
			else
				sig = held.sig = rxmemo_signature(memo, subj, s, len), held.has_sig = 1;
			if (sig != NULL && !words_in(re, sig))
				return RX_NOMATCH;
		}
		if (re->lit && !partial && isheld && re->nwords > 0 &&
		    !rx_literal_in(re->lit, re->litlen, re->rare, s, len, start))
			return RX_NOMATCH;
		if (rxmemo_find(memo, subj, re, start, opts, &rc, &slot))
			return rc;
	}
	rc = match(re, code, s, len, start, opts);
	if (memo != NULL && s != NULL)
		rxmemo_keep(memo, &slot, re, start, opts, rc);
	return rc;
}

void
rx_hold(const char *s, size_t len)
{
	held.s = NULL;
	if (memo == NULL || s == NULL)
		return;
	held.subj = rxmemo_subject(memo, s, len);
	held.gen = rxmemo_generation(memo);
	held.has_sig = 0;
	held.memo = memo;
	held.len = len;
	held.s = s;
}

void
rx_release(void)
{
	held.s = NULL;
}

/*
 * A memo that is not lent is empty, so that a pattern freed or the limits
 * changed meanwhile cannot leave it an answer for another (rx_free and
 * rx_limits forget only the memo lent).
 */
struct rxmemo *
rx_memo(struct rxmemo *m)
{
	struct rxmemo *prev = memo;

	if (prev != m)
		rxmemo_forget(prev);
	memo = m;
	return prev;
}

int
rx_group(const struct rx *re, int g, size_t *so, size_t *eo)
{
	const size_t *ov = re->ov;
	uint32_t n = re->npairs;

	if (g < 0 || (uint32_t)g >= n || ov[2 * g] == PCRE2_UNSET)
		return 0;
	*so = ov[2 * g];
	*eo = ov[2 * g + 1];
	/* \K can put the start after the end; treat that as empty. */
	if (*so > *eo)
		*so = *eo;
	return 1;
}

int
rx_named(const struct rx *re, const char *gname)
{
	const char *p = re->names, *end = p ? p + re->nameslen : NULL;
	int g = -1;

	/* As pcre2_substring_number_from_name() answers, from the table compile() kept. */
	while (p && end - p > 2) {
		const char *name = p + 2;
		size_t n = strlen(name);

		if (strcmp(name, gname) == 0) {
			if (g >= 0)
				return -1;
			g = ((unsigned char)p[0] << 8) | (unsigned char)p[1];
		}
		p = name + n + 1;
	}
	return g > 0 ? g : -1;
}
