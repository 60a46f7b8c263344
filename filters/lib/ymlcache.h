/*
 * ymlcache.h: rule files kept parsed between runs (see cachefile.h).
 *
 * libyaml reads a rule file at 100-200 instructions a byte, and a filter's
 * start is mostly that: default.yaml, the date languages, a site's file.
 * The tree yml.c builds from a file is written to a cache file of its own
 * (named by the file's device and inode and by what part of it was read),
 * and a later run whose file is as it was (the same identity to the
 * nanosecond, the same build of the library) rebuilds the tree from it.
 * Only a file that loaded without a fault is cached, so every message the
 * file would give is still given by parsing it.
 */
#ifndef KHOBOR_YMLCACHE_H
#define KHOBOR_YMLCACHE_H

#include "cachefile.h"
#include "yml.h"

struct ymlcache {
	char *file;		/* the cache file, or NULL: no caching */
	char *mode;		/* what part of the rule file: "whole", "head:...", "without:..." */
	struct cache_ident id;
	int racy, verbose;
};

/*
 * The tree of rule file FILE as loaded in MODE, from its cache, or NULL;
 * either way *C is set up for ymlcache_put and must be ended with
 * ymlcache_end.
 */
struct ymldoc *ymlcache_get(struct ymlcache *c, const char *file, const char *mode);
/* Keep DOC, the tree of the rule file as just parsed, when that is safe. */
void ymlcache_put(struct ymlcache *c, const struct ymldoc *doc);
void ymlcache_end(struct ymlcache *c);

#endif
