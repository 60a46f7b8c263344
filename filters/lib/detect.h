/*
 * detect.h: which site a page is from (see khobor-rules(5), SITES).
 *
 * A site is found by the host of the page's URL first, when the page has
 * one and a site file lists that host under 'hosts:'; else by its 'match:'
 * patterns, tried site by site in file-name order, the first to find
 * something in the page winning; else the page is the default's.
 *
 * Detection must stay cheap with hundreds of site files: a site file is
 * read only as far as its head (up to its first big section), the literals
 * the match patterns must contain are put in one anchor index, so that one
 * pass over a page names the few sites that might match it, and a site's
 * patterns are compiled only when one of its literals is on a page; all
 * this once per site, kept in the detector.
 */
#ifndef KHOBOR_DETECT_H
#define KHOBOR_DETECT_H

#include "page.h"
#include "rules.h"

struct detector;

struct detector *detect_new(struct rules *r);
/*
 * Keep what detection reads from every site file's head in a cache file in
 * DIR (detcache.h; NULL: no cache), saying on stderr what happens to it if
 * VERBOSE.  Call it before any site is detected or checked.
 */
void detect_cache(struct detector *d, const char *dir, int verbose);
void detect_free(struct detector *d);

/*
 * The site of page PG: by WHERE (a lowercase host name, optionally followed
 * by the URL's path, as detect_url_where gives it; or NULL), else by the
 * match patterns, else the default.  A hosts: entry with a path claims the
 * pages under that path, and wins over an entry of the host alone.  A site whose file is broken is
 * passed over with an error on the page's record ("it might have been this
 * site's"), and *broken is set.
 */
struct site *detect_site(struct detector *d, struct page *pg, const char *where, int *broken);

/*
 * Every site that claims page PG, into OUT as "SITE:LINE" words (the line
 * of the first of its match patterns that finds something; "SITE:hosts"
 * when the site detect_site finds by WHERE), in file-name order.  detect_site takes
 * the first; two words mean two sites' rules clash on the page.
 */
void detect_claims(struct detector *d, struct page *pg, const char *where, struct buf *out);

/*
 * Load site S and compile all it gives detection (its match patterns, its
 * hosts), reporting every error as "prog: file:line:col: message"; 0, or
 * -1 if any.  For --check-rules, and before a site's rules are used.
 */
int detect_check(struct detector *d, struct site *s);

/*
 * The host of URL ("https://www.example.com:443/a" gives www.example.com),
 * lowercased, without port, user or a final dot, into OUT; 0, or -1 if the
 * URL has no host.
 */
int detect_url_host(const char *url, struct buf *out);

/*
 * The host of URL as detect_url_host gives it, followed by the URL's path
 * as written, without query or fragment ("https://www.bbc.com/bengali/x?a"
 * gives www.bbc.com/bengali/x), into OUT; 0, or -1 if the URL has no host.
 */
int detect_url_where(const char *url, struct buf *out);

/* Is S a host name: dot-separated labels of letters, digits and '-'? */
int detect_host_ok(const char *s, size_t n);

#endif
