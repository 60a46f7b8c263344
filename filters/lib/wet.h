/* wet.h: what Common Crawl's WET extractor puts in a page's text. */
#ifndef KHOBOR_WET_H
#define KHOBOR_WET_H

#include "util.h"

/*
 * The WET extractor (ia-web-commons) writes the HTML <title> as the first
 * line of a page's text, before the body's lines; a browser copy of the
 * page has no such line.  When the first line of BODY (NFC text, as
 * text_normalize leaves it) is that title, move it out: into TITLE (reset
 * first) and off BODY; returns 1.  Else leave both and return 0.
 *
 * A first line is taken for the title only when the page shows it again:
 * the line itself, or the line less an outlet's name joined by " | ",
 * " - ", " – ", " — " or " :: " at either end, is a line of the first 60
 * lines below it (news pages print the headline).  A page whose <title>
 * is not printed keeps its first line: a line of the article is never
 * taken for a title on a guess.
 */
int wet_title(struct buf *body, struct buf *title);

#endif
