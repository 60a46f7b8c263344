/*
 * hzoneagain.c: the headline printed again near the top of the page.
 *
 * A page prints its headline two or three times as the text dump reaches
 * us: the page's <title> ("<headline> - <site> । <tagline>"), the <h1>,
 * the photo's alt text, a share widget's text, a reading-time label glued
 * before it ("1 min read<headline>").  The copies differ in small ways:
 * straight or curly quote marks, a closing dari or dash, the site's name
 * after a dash, a bar or a colon.  Two lines near the top that say the
 * same on a key that ignores those differences are the headline,
 * whatever the layout around them: strong evidence that needs no pattern
 * of the outlet's.  hzone.c marks the copies (they are no paragraph) and
 * writes the cleanest copy as the title.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hzonework.h"
#include "text.h"
#include "util.h"

/* A headline's key is short: a longer line is no headline. */
#define KEYMAX 640
/* The first bytes of a key, read for every line: two lines must share them. */
#define PREFIX 24

/* Gaps between words in a key: a dash, a bar or a colon in the run, or else. */
#define GAP_DASH '\001'
#define GAP '\002'

struct hkey {
	char k[KEYMAX];
	size_t n;
	int prefixed;	/* a reading-time label glued before it was skipped */
};

/*
 * What code point C is in a key: 1 a letter, mark or digit (kept), 0
 * punctuation or space (a gap), -1 nothing at all (a joiner, dropped:
 * one copy may print it where the other does not).
 */
static int
cp_class(unsigned c)
{
	if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF)
		return -1;
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	/* Latin-1 punctuation, the general punctuation block, the dari and double dari. */
	if ((c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x206F) ||
	    c == 0x0964 || c == 0x0965 || (c >= 0x2190 && c <= 0x25FF))
		return 0;
	return 1;
}

/*
 * A reading-time label glued before the headline ("1 min read<headline>",
 * a blog platform's): its length, or 0.
 */
static size_t
read_time_prefix(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == 0 || i > 2 || n - i < 9 || strncasecmp(s + i, " min read", 9) != 0)
		return 0;
	return i + 9;
}

/*
 * The key of S[0..N) in *K, at most CAP bytes of it; 0 if the line is
 * too long to be a headline.
 */
static int
hkey(const char *s, size_t n, struct hkey *k, size_t cap)
{
	size_t i, len;
	int gap = 0;

	k->n = 0;
	k->prefixed = 0;
	if ((i = read_time_prefix(s, n)) > 0)
		k->prefixed = 1;
	for (; i < n; i += len) {
		int32_t cp;
		int dl = text_decode((const unsigned char *)s + i, n - i, &cp);
		unsigned c = dl > 0 ? (unsigned)cp : (unsigned char)s[i];
		int cl;

		len = dl > 0 ? (size_t)dl : 1;
		cl = cp_class(c);

		if (cl < 0)
			continue;
		if (cl == 0) {
			if (gap == 0)
				gap = GAP;
			/*
			 * The separators a theme puts between the headline and
			 * the site's name in the page's <title>: Yoast SEO's
			 * choices ("– - · • * ⋆ | ~ « » < >") and the colon.
			 */
			if (c == '-' || c == '|' || c == ':' || c == 0x2013 || c == 0x2014 || c == 0xB7 || c == 0x2022 ||
			    c == '*' || c == 0x22C6 || c == '~' || c == 0xAB || c == 0xBB || c == '<' || c == '>')
				gap = GAP_DASH;
			continue;
		}
		if (k->n + len + 1 >= cap)
			return cap < KEYMAX;
		if (gap && k->n > 0)
			k->k[k->n++] = (char)gap;
		gap = 0;
		memcpy(k->k + k->n, s + i, len);
		k->n += len;
	}
	return k->n > 0;
}

/* Words in key K[0..N). */
static size_t
key_words(const char *k, size_t n)
{
	size_t i, w = n > 0;

	for (i = 0; i < n; i++)
		if (k[i] == GAP || k[i] == GAP_DASH)
			w++;
	return w;
}

/* A[0..N) and B[0..N) say the same, whatever their gaps. */
static int
key_eq(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (a[i] != b[i] && !((a[i] == GAP || a[i] == GAP_DASH) && (b[i] == GAP || b[i] == GAP_DASH)))
			return 0;
	return 1;
}

/* A[0..N) holds a digit, ASCII or Bengali (U+09E6..U+09EF: E0 A7 A6..AF). */
static int
has_digit(const char *a, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((a[i] >= '0' && a[i] <= '9') || (i + 2 < n && (unsigned char)a[i] == 0xE0 &&
		    (unsigned char)a[i + 1] == 0xA7 && (unsigned char)a[i + 2] >= 0xA6 && (unsigned char)a[i + 2] <= 0xAF))
			return 1;
	return 0;
}

/*
 * How line A's key stands to the headline B's: AGAIN_SAME (the same
 * words), AGAIN_SUFFIXED (B's words, then a dash, a bar or a colon and
 * at most sixteen words: the site's name and tagline of the page's
 * <title>, "<headline> : <outlet> TV"; or then a space and one word: a
 * section's name run on), or 0.
 */
static int
relation(const struct hkey *a, const struct hkey *b)
{
	if (a->n == b->n)
		return key_eq(a->k, b->k, a->n) ? AGAIN_SAME : 0;
	if (a->n > b->n && a->k[b->n] == GAP_DASH && key_eq(a->k, b->k, b->n) &&
	    key_words(a->k + b->n + 1, a->n - b->n - 1) <= 16)
		return AGAIN_SUFFIXED;
	/*
	 * B's words and one word more after a space: the section's name run
	 * on after the headline ("<headline> চট্টগ্রাম" over "<headline>").
	 * Four words of headline at least, and a word with no digit: a
	 * banner's name numbered ("WEB Ad 3" over "WEB Ad") is no headline.
	 */
	if (a->n > b->n && a->k[b->n] == GAP && key_eq(a->k, b->k, b->n) &&
	    key_words(a->k + b->n + 1, a->n - b->n - 1) == 1 && key_words(b->k, b->n) >= 4 &&
	    !has_digit(a->k + b->n + 1, a->n - b->n - 1))
		return AGAIN_SUFFIXED;
	return 0;
}

/*
 * A list whose every item is printed twice, one copy right under the
 * other (a ticker's or a "latest" box's link and its image's alt text),
 * among lines FROM to TO: three such pairs or more say the copies are
 * the list's, not the headline's, which the page prints once under them.
 */
int
zone_paired_list(const struct hzonework *w, size_t from, size_t to)
{
	size_t i, j, pairs = 0;

	if (to > w->nl)
		to = w->nl;
	for (i = from; i < to && pairs < 3; i++) {
		if (w->l[i].len == 0)
			continue;
		for (j = i + 1; j < to && w->l[j].len == 0; j++)
			;
		if (j < to && zone_same(w, i, j)) {
			pairs++;
			i = j;
		}
	}
	return pairs >= 3;
}

/*
 * Mark the copies of the headline printed again among the first ZONE
 * lines, the first sixteen with anything on them (w->l[i].again:
 * AGAIN_SAME for a copy with the headline's words only, AGAIN_SUFFIXED
 * for the page's <title> with the site's name after them; a copy whose
 * reading-time label was skipped counts as suffixed).  The headline is
 * the first line of at least MINWORDS words and at most twenty-four, no
 * sentence ending inside it, that a line among the next twelve prints
 * again; one repeated group per page.  Returns the number of copies (0,
 * or 2 and more).
 */
size_t
again_mark(struct hzonework *w, size_t zone, size_t minwords)
{
	struct hkey *keys;
	size_t i, j, nk = zone < w->nl ? zone : w->nl, core = (size_t)-1, copies = 0;
	unsigned char *ok;

	for (i = 0; i < w->nl; i++)
		w->l[i].again = 0;
	if (nk < 2)
		return 0;
	keys = emalloc(nk * sizeof(*keys));
	ok = emalloc(nk);
	/*
	 * The copies stand at the top (the page's title, the headline, the
	 * photo's alt text): only the first sixteen lines with anything on
	 * them are read, which keeps the cost off the story's paragraphs.
	 */
	for (i = 0, j = 0; i < nk; i++) {
		ok[i] = j < 16 && w->l[i].len > 0 && w->l[i].len < KEYMAX && hkey(line_text(w, i), w->l[i].len, &keys[i], PREFIX);
		j += w->l[i].len > 0;
	}
	/* Keyed in full: only lines whose key opens as another line's does. */
	for (i = 0; i < nk; i++) {
		int twin = 0;

		for (j = 0; j < nk && ok[i] && !twin; j++)
			twin = j != i && ok[j] && keys[j].n >= PREFIX / 2 && keys[i].n >= PREFIX / 2 &&
			    key_eq(keys[i].k, keys[j].k, PREFIX / 2);
		ok[i] = twin && hkey(line_text(w, i), w->l[i].len, &keys[i], KEYMAX);
	}
	/* The first line whose words a later line prints again, alone or with a suffix. */
	for (i = 0; i < nk && core == (size_t)-1; i++) {
		size_t seen = 0, kw;
		int found = 0;

		/*
		 * A headline's length, no sentence ending inside it: a lede
		 * printed twice (a summary, then the first paragraph) is none.
		 */
		if (!ok[i] || (kw = key_words(keys[i].k, keys[i].n)) < minwords || kw > 24 ||
		    line_inner_sentence(line_text(w, i), w->l[i].len))
			continue;
		/*
		 * Digits and Latin words printed twice are a meta row's date
		 * ("06 Aug 22, 11:44 AM" over the view counts and again under
		 * them), not the headline the copies below it are.
		 */
		if (!line_letter_in(line_text(w, i), w->l[i].len, 0) && line_has_digit(line_text(w, i), w->l[i].len))
			continue;
		for (j = 0; j < nk && seen < 12; j++) {
			if (j == i || !ok[j])
				continue;
			if (j > i)
				seen++;
			if ((j > i || keys[j].n > keys[i].n) && relation(&keys[j], &keys[i])) {
				found = 1;
				break;
			}
		}
		if (found)
			core = i;
	}
	if (core != (size_t)-1 && zone_paired_list(w, 0, nk))
		core = (size_t)-1;
	if (core != (size_t)-1) {
		/*
		 * The core may itself carry the glued label: the copies are
		 * measured against the shortest copy's words.
		 */
		for (j = 0; j < nk; j++) {
			int r;

			if (!ok[j] || (r = relation(&keys[j], &keys[core])) == 0)
				continue;
			w->l[j].again = r == AGAIN_SAME && !keys[j].prefixed ? AGAIN_SAME : AGAIN_SUFFIXED;
			copies++;
		}
		if (copies < 2)
			for (j = 0; j < nk; j++)
				w->l[j].again = 0;
	}
	free(keys);
	free(ok);
	return copies >= 2 ? copies : 0;
}
