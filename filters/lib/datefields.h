/*
 * datefields.h: the engine of normalize-date.  It loads every date
 * language of a rules directory (rules/dates/LANG.yaml), compiles what a
 * site says about dates (its lang, zone and dates keys; see
 * khobor-rules(5), DATES) into a struct datesite, and applies one to a
 * record: each date header rewritten as ISO 8601 with its printed text
 * kept beside it in NAME_raw, a warning for what cannot be read for
 * certain, and with mentions on, a header for every date in the body.
 *
 * The engine is handed its state: the language registry, the compiled
 * site and the work buffers are objects the program owns; options are
 * parameters.  It lives in the library so that a fuzzer or a unit test can
 * drive it on its own.
 */
#ifndef KHOBOR_DATEFIELDS_H
#define KHOBOR_DATEFIELDS_H

#include "record.h"
#include "rules.h"

/* The languages and zone used when a site says nothing, or its file is broken. */
#define DATEFIELDS_LANGS "bn,en"
#define DATEFIELDS_ZONE "Asia/Dhaka"

/* Every language of the rules directory, and the merged sets built from them. */
struct datefields;
/* What one site says about dates, compiled. */
struct datesite;
/* Buffers reused from record to record. */
struct datework;

/*
 * Load and check every language in R's dates/ directory.  LANGS and ZONE
 * are -l and -z: when not NULL they hold for every site, whatever it
 * says, and replace the fallback (DATEFIELDS_LANGS in DATEFIELDS_ZONE).
 * Also checks that every calendar a language names has a table in some
 * file.  Errors are printed ("prog: file:line:col: message", or naming
 * the option); NULL then, and the program exits with EXIT_USAGE.
 */
struct datefields *datefields_open(const struct rules *r, const char *langs, const char *zone);
void datefields_free(struct datefields *df);

/*
 * Compile the date settings of site S (loading its file with rules_load).
 * Never NULL: a site whose file is missing (the default rules without a
 * default.yaml) gets the fallback; a site whose file or date settings have
 * errors (printed as file:line:col) gets the fallback with a warning that
 * datefields_apply() puts on each of its records.
 */
struct datesite *datefields_site(struct datefields *df, struct rules *r, struct site *s);
/* Free what datefields_site() returned (the fallback is not freed: DF owns it). */
void datefields_site_free(struct datesite *sd);
/* The fallback: for a record whose site has no rules file. */
struct datesite *datefields_fallback(struct datefields *df);
/* Did the site's settings have errors? */
int datefields_broken(const struct datesite *sd);
/* "bn,en in Asia/Dhaka": how SD reads dates, for messages. */
const char *datefields_how(const struct datesite *sd);

struct datework *datefields_work_new(void);
void datefields_work_free(struct datework *w);

/*
 * Rewrite the date headers of REC by SD: published, updated, page_date
 * and the site's dates: headers, each value of a repeated one.  A date
 * read for certain becomes its ISO 8601 value, its printed text a header
 * NAME_raw right after it; a header that has its NAME_raw already is left
 * alone (a second run changes nothing).  Any other stays as printed, and
 * REC gets a warning header saying why.  With MENTIONS, also a header
 * "mention: ISO TEXT" for every date in the body, relative ones resolved
 * against 'published'.
 */
void datefields_apply(const struct datesite *sd, struct datework *w, struct record *rec, int mentions);

/*
 * A record with an update time and no publication time (a page that
 * prints only "আপডেট: <date>"): its updated header, and updated_raw with
 * it, renamed published (published_raw), in place.  Returns 1 if it was.
 * For normalize-date --update-as-published, before datefields_apply, so
 * that mentions are resolved against that time.
 */
int datefields_update_as_published(struct record *rec);

#endif
