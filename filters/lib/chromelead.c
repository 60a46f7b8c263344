/*
 * chromelead.c: the credit glued to a first paragraph, as a site's own
 * name opens its stories ("বিশ্বনাথনিউজ২৪ :: ..."): what the chrome table's
 * lead zone counts (chrome.c) and strip-boilerplate --chrome passes to the
 * reader as lead_credit.
 */
#include <string.h>

#include "chrome.h"
#include "shape.h"

/*
 * The bytes of a mark that may close a credit at S, or 0.  Not the
 * reader's credit_mark (hzonestory.c): that one takes a dari, which ends
 * a byline line but here would end the story's first sentence, and any
 * hyphen; this one the bar, angle and slash of outlets' credits too.
 */
static size_t
closing_mark(const char *s, size_t n, int after_space)
{
	if (n >= 1 && (s[0] == ':' || s[0] == '|' || s[0] == '>' || s[0] == '/'))
		return 1;
	/* A hyphen only set off ("Name -", "Name:-"): "মিড-ডে" is one word. */
	if (n >= 1 && s[0] == '-' && (after_space || n == 1 || s[1] == ' ' || s[1] == ':'))
		return 1;
	if (n >= 3 && (memcmp(s, "ঃ", 3) == 0 || memcmp(s, "॥", 3) == 0 ||
	    memcmp(s, "–", 3) == 0 || memcmp(s, "—", 3) == 0))
		return 3;
	return 0;
}

/* Is S a Bengali letter: an independent vowel or a consonant (U+0985-U+09B9, U+09DC-U+09DF)? */
static int
bengali_letter(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n < 3 || u[0] != 0xe0)
		return 0;
	return (u[1] == 0xa6 && u[2] >= 0x85 && u[2] <= 0xb9) || (u[1] == 0xa7 && u[2] >= 0x9c && u[2] <= 0x9f);
}

/*
 * Does the first paragraph S[0..N) open with a credit glued to it, as a
 * site's own name is ("বিশ্বনাথনিউজ২৪ :: ...", "<outlet> ( স্টাফ রিপোর্টার ) :
 * ...")?  Its first words, one to five, up to a mark that may close a
 * credit or a bracket (a comma, a dari or a full stop first: a sentence,
 * no credit); then, up to the story, marks and words in brackets, the last
 * of them a mark; then eight words of the story at least.  The first
 * words' length goes to *WORDS (what the table counts), the credit's
 * without its closing marks to *VAL, the story's start to *END.
 */
int
chrome_lead(const char *s, size_t n, size_t *words, size_t *val, size_t *end)
{
	size_t i = 0, w = 0, m, j, story;
	int in = 0, letters = 0, closed = 0;

	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ') {
			in = 0;
			continue;
		}
		if (c == '(' || closing_mark(s + i, n - i, i > 0 && s[i - 1] == ' ') > 0)
			break;
		if (c == ',' || c == '.' || c == '?' || c == '!' || c == '"' || c == '\'' ||
		    (n - i >= 3 && (memcmp(s + i, "।", 3) == 0 || memcmp(s + i, "‘", 3) == 0 ||
		    memcmp(s + i, "“", 3) == 0)))
			return 0;
		if (!in && ++w > 5)
			return 0;
		in = 1;
		/*
		 * Letters, not digits ("১২:৩০ মিনিটে ..." opens with a time) nor a
		 * name's abbreviation ("মোঃ", "ডা:", "এম."): three at least.
		 */
		if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || bengali_letter(s + i, n - i))
			letters++;
	}
	if (i == n || letters < 3)
		return 0;
	for (m = i; m > 0 && s[m - 1] == ' '; m--)
		;
	*words = m;
	*val = m;
	for (j = i; j < n;) {
		size_t k;

		if (s[j] == ' ') {
			j++;
		} else if ((k = closing_mark(s + j, n - j, s[j - 1] == ' ')) > 0) {
			j += k;
			closed = 1;
		} else if (s[j] == '(') {
			for (k = j + 1; k < n && k - j < 80 && s[k] != ')'; k++)
				if (s[k] == '(' || (n - k >= 3 && memcmp(s + k, "।", 3) == 0))
					return 0;
			if (k >= n || s[k] != ')')
				return 0;
			j = *val = k + 1;
			closed = 0;
		} else {
			break;
		}
	}
	if (!closed)
		return 0;
	/* Eight words of the story: a credit opens a paragraph, not a line. */
	for (story = 0, in = 0, m = j; m < n && story < 8; m++) {
		if (s[m] == ' ')
			in = 0;
		else if (!in && ++story)
			in = 1;
	}
	if (story < 8)
		return 0;
	*end = j;
	return 1;
}

/*
 * The key of a lead's words S[0..N): their shape with no space, so that
 * one outlet's name counts once however its words are spaced
 * ("বিশ্বনাথনিউজ২৪" and "বিশ্বনাথ নিউজ২৪"); 0 for none.
 */
uint64_t
chrome_lead_key(const char *s, size_t n, struct buf *scratch)
{
	size_t k = shape_line(s, n, scratch), i, j;

	for (i = j = 0; i < k; i++)
		if (scratch->s[i] != ' ')
			scratch->s[j++] = scratch->s[i];
	return j > 0 ? shape_key(scratch->s, j) : 0;
}
