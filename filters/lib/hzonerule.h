/*
 * hzonerule.h: the header-zone reader's compiled rules, as hzonecomp.c
 * makes them and hzone.c runs them.  Private to those two files; everyone
 * else sees hzone.h.
 */
#ifndef KHOBOR_HZONERULE_H
#define KHOBOR_HZONERULE_H

#include <stddef.h>

#include "date.h"
#include "rules.h"
#include "rx.h"

struct pats {
	struct rx **re;
	size_t n;
};

struct hzoneset {
	const struct site *site;
	unsigned long zone, para_words, title_words;
	unsigned long headline_words;	/* the fewest words of a headline written as the title */
	struct rx *published, *updated, *edition, *hijri;
	struct pats byline, chrome, clock, dateline, keep;
	struct pats prefix;	/* chrome glued to the start of a line, taken off */
	struct pats signoff;	/* the story's last line, its date: the publication date if none above */
	struct pats ticker;	/* a ticker's label alone: the line under it is the ticker */
	struct pats not_headline;	/* a title-like line that is page furniture (a labelled credit) */
	struct pats not_name;	/* a short line that is a headline, never a name placed by where it stands */
	struct pats sentence_end;	/* a line closed as a sentence is (a finite verb), never a headline */
	const char **posts;	/* post_words: a credit's post, known misspelt by one slip */
	size_t nposts;
	const char **vprefixes;	/* visarga_prefixes: words the visarga joins to the next ("দুঃস্থ") */
	size_t nvprefixes;
	const char **postplat;	/* post_date_over_title: platforms whose post's date stands over its title */
	size_t npostplat;
	const char **nprefixes;	/* name_prefixes: initials and honorifics a name may open with ("এস এম", "মোঃ") */
	size_t nnprefixes;
	const char **nabbrevs;	/* name_abbreviations: a name's abbreviations a colon or the visarga closes ("মো", "ডা") */
	size_t nnabbrevs;
	size_t abbrevmax;	/* the longest of them, in bytes */
	const char **photos;	/* photo_words: a picture's word closing its credit alone ("<outlet> ফটো।") */
	size_t nphotos;
	const char **holders;	/* placeholder_dates: days a theme prints for a time never set ("1999-12-31") */
	size_t nholders;
	struct pats *zpats;	/* page_zone: the patterns that put a page in zone znames[i] */
	const char **znames;
	size_t nz;
	struct pats *lzpats;	/* lead_zone: the same, read on the headline and the lead only */
	const char **lznames;
	size_t nlz;
	struct datelang **langs;
	size_t nlangs;
	struct dateset *ds;
	struct dateset *tab;	/* the same, every calendar's table used (a Hijri date checked, not read) */
	struct datezone *tz;
};

#endif
