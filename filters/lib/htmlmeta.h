/*
 * htmlmeta.h: what a page's head says about it, gathered while the page
 * is parsed (html.c) and written as headers: <meta> tags (Open Graph,
 * article:*, name=, itemprop=), <link rel=canonical>, <html lang>,
 * <title>, <time datetime> inside <article>, and JSON-LD (read with
 * jansson, leniently where the intent is plain).  Each value is kept as
 * the page writes it; whether it is right is for the readers after
 * from-html to judge, with the page's own text beside it.
 */
#ifndef KHOBOR_HTMLMETA_H
#define KHOBOR_HTMLMETA_H

#include <stddef.h>

#include "record.h"

/* Values the renderer hands in as it meets them (the first one counts). */
enum htmlmeta_slot {
	HM_CANONICAL,		/* <link rel=canonical href> */
	HM_LANG,		/* <html lang> */
	HM_TITLE,		/* <title> text */
	HM_H1,			/* the first <h1> text, for telling error pages */
	HM_ARTICLE_TIME,	/* the first <time datetime> inside <article> */
	HM_NSLOTS
};

struct htmlmeta;

struct htmlmeta *htmlmeta_new(void);
void htmlmeta_free(struct htmlmeta *m);
/* Forget the last page. */
void htmlmeta_reset(struct htmlmeta *m);

void htmlmeta_slot(struct htmlmeta *m, enum htmlmeta_slot slot, const char *s, size_t n);
/*
 * A <meta> tag or an element with itemprop: KIND is "name", "property" or
 * "itemprop", KEY its value, CONTENT the value it gives.
 */
void htmlmeta_tag(struct htmlmeta *m, const char *kind, const char *key, const char *content);
/*
 * One <script type="application/ld+json">: its N bytes at S (changed in
 * place by the repairs), starting at byte OFFSET of the page.  Text that
 * cannot be read gives a warning naming the offset of the fault; WHERE
 * says what the offset counts ("" for bytes of the file itself).
 */
void htmlmeta_jsonld(struct htmlmeta *m, char *s, size_t n, size_t offset, const char *where);

/* Has the head said that the page is an article (og:type, article:*, JSON-LD, itemprop)? */
int htmlmeta_is_article(const struct htmlmeta *m);
/* Has it said that the page is a listing (JSON-LD CollectionPage, ItemList, ...)? */
int htmlmeta_is_listing(const struct htmlmeta *m);
/* The <title>, the first <h1>: NULL if none. */
const char *htmlmeta_get(const struct htmlmeta *m, enum htmlmeta_slot slot);

/*
 * Add the headers to REC, in the order html.h gives, with URL (or NULL)
 * standing in for a page that names no address of its own; add the
 * warnings gathered (JSON-LD faults, a head that contradicts itself).
 */
void htmlmeta_write(struct htmlmeta *m, struct record *rec, const char *url);

#endif
