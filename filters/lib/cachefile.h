/*
 * cachefile.h: what khobor's cache files share (detcache.c, ymlcache.c).
 *
 * A cache is kept under $XDG_CACHE_HOME/khobor (else ~/.cache/khobor), is
 * written whole to a temporary file and renamed into place, and stands for
 * one build of the library (a stamp) and for the files it was made from
 * (each one's device, inode, size, modification and change times to the
 * nanosecond).  A cache is never an error: one that cannot be read or
 * checked is ignored, one that cannot be written is not written.  Numbers
 * are in the machine's byte order; strings a 32-bit length and the bytes.
 */
#ifndef KHOBOR_CACHEFILE_H
#define KHOBOR_CACHEFILE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "util.h"

/*
 * A file changed less than this many seconds ago is not cached yet: a file
 * system's clock may tick only every few milliseconds (or seconds), and a
 * second change within the tick would leave the time stamps as they were
 * (the "racy" files of git's index, Documentation/technical/racy-git.txt).
 */
#define CACHE_SETTLE 2

/* A bigger file is not one of ours. */
#define CACHE_MAX ((size_t)256 << 20)

/* What says that a file is the one a cache was made from. */
struct cache_ident {
	uint64_t dev, ino, size;
	int64_t msec, mnsec, csec, cnsec;
};

/*
 * Where caches go, from the environment: NULL when KHOBOR_CACHE is "off" or
 * there is no place ($XDG_CACHE_HOME/khobor, else $HOME/.cache/khobor), else
 * a new string.  *VERBOSE is set when KHOBOR_CACHE is "verbose": say on
 * stderr what happens to the cache.
 */
char *cache_dir(int *verbose);
/* What a cache must have been made by: this build, these libraries. */
void cache_stamp(struct buf *b);
/* The identity of the file ST is of; is it too recent to cache (changed at or after NOW - CACHE_SETTLE)? */
void cache_ident(const struct stat *st, struct cache_ident *id);
int cache_racy(const struct stat *st, const struct timespec *now);
/*
 * Is the cache file ST is of the user's own, and writable by nobody else?
 * A cache is trusted as the user's own files are (a forged one could
 * change what a filter finds, and PCRE2 cannot check compiled code it
 * reads back), so one that is not is not used.
 */
int cache_owned(const struct stat *st);
/*
 * Write B to FILE through a temporary file and a rename, making its
 * directories; 0, or -1 with errno.  A write then prunes FILE's directory
 * (cache_prune), VERBOSE saying what it removed.
 */
int cache_write(const char *file, const struct buf *b, int verbose);

/*
 * Caches are named by paths (a rule file's, a rules directory's), so one of
 * a file since removed or moved (a temporary rules directory, an old
 * checkout) would stay for good.  At most once a day (DIR/.pruned's time
 * says when it last ran), remove the caches in DIR that have not been read
 * for CACHE_UNUSED days, and the temporary files of writers killed before
 * their rename, an hour old.  A cache's access time says when it was last
 * read: Linux's default (relatime) updates it at least once a day, so a
 * cache in use is never that old; where the file system keeps no access
 * times, a cache in use is made anew once a month.  Only files named as
 * khobor's caches, the user's own, are removed.  NOW is the time to judge
 * by; returns how many files were removed, -1 when it did not run.
 */
#define CACHE_UNUSED 30
#define CACHE_PRUNE_EVERY (24 * 60 * 60)
#define CACHE_TMP_AGE (60 * 60)
long cache_prune(const char *dir, time_t now, int verbose);

/* Writing: appended to a buffer. */
void cache_put(struct buf *b, const void *p, size_t n);
void cache_put32(struct buf *b, uint32_t v);
void cache_put64(struct buf *b, uint64_t v);
void cache_putstr(struct buf *b, const char *s, size_t n);

/* Reading: a cursor over the file's bytes; past the end, bad is set and nothing more is read. */
struct cache_cur {
	const unsigned char *p, *end;
	int bad;
};
const unsigned char *cache_get(struct cache_cur *k, size_t n);
uint32_t cache_get32(struct cache_cur *k);
uint64_t cache_get64(struct cache_cur *k);
/* A string of the file; its length in *N.  NULL when the file ends first. */
const char *cache_getstr(struct cache_cur *k, size_t *n);
/* Does the next string equal S? */
int cache_samestr(struct cache_cur *k, const char *s, size_t n);

#endif
