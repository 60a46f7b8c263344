/*
 * spell.h: a word misspelt by one slip.  Small portals type their credits
 * by hand, and a post word comes out a letter off ("নিজস্ব প্রবিবেদক",
 * "<district> প্রতনিধি"); the reader still knows the post.
 */
#ifndef KHOBOR_SPELL_H
#define KHOBOR_SPELL_H

#include <stddef.h>

/*
 * Is A (AN bytes of UTF-8) B misspelt by exactly one slip: a code point
 * wrong, missing or extra, or two neighbours swapped?  Damerau's four
 * kinds of error (F. J. Damerau, "A technique for computer detection and
 * correction of spelling errors", CACM 7(3), 1964), the edit distance
 * of one that his name is given to.  Words of more than 32 code points
 * are never misspelt here; neither is B itself.
 */
int spell_one_slip(const char *a, size_t an, const char *b, size_t bn);

#endif
