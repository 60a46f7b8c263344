/* cachefile.c: what khobor's cache files share (see cachefile.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>
#include <yaml.h>

#include "cachefile.h"
#include "util.h"

/* A hash of the library's sources, from the Makefile: another build, another cache. */
#ifndef KHOBOR_LIB_STAMP
#define KHOBOR_LIB_STAMP "unstamped"
#endif

char *
cache_dir(int *verbose)
{
	const char *mode = getenv("KHOBOR_CACHE"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	struct buf b = {0};

	*verbose = mode != NULL && strcmp(mode, "verbose") == 0;
	if (mode != NULL && strcmp(mode, "off") == 0)
		return NULL;
	/* The XDG Base Directory Specification: a relative path is invalid, to be ignored. */
	if (xdg != NULL && xdg[0] == '/')
		buf_printf(&b, "%s/khobor", xdg);
	else if (home != NULL && home[0] == '/')
		buf_printf(&b, "%s/.cache/khobor", home);
	return b.s;
}

void
cache_stamp(struct buf *b)
{
	buf_printf(b, "khobor %s, library %s, utf8proc %s, libyaml %s, %zu-byte size_t", KHOBOR_VERSION,
	    KHOBOR_LIB_STAMP, utf8proc_version(), yaml_get_version_string(), sizeof(size_t));
}

void
cache_ident(const struct stat *st, struct cache_ident *id)
{
	memset(id, 0, sizeof(*id));
	id->dev = st->st_dev;
	id->ino = st->st_ino;
	id->size = (uint64_t)st->st_size;
	id->msec = st->st_mtim.tv_sec;
	id->mnsec = st->st_mtim.tv_nsec;
	id->csec = st->st_ctim.tv_sec;
	id->cnsec = st->st_ctim.tv_nsec;
}

int
cache_owned(const struct stat *st)
{
	return st->st_uid == geteuid() && !(st->st_mode & (S_IWGRP | S_IWOTH));
}

int
cache_racy(const struct stat *st, const struct timespec *now)
{
	return st->st_mtim.tv_sec >= now->tv_sec - CACHE_SETTLE || st->st_ctim.tv_sec >= now->tv_sec - CACHE_SETTLE;
}

/* mkdir -p the directories of FILE, as private as a cache in a home should be. */
static void
make_dirs(const char *file)
{
	char *p = estrdup(file), *s;

	for (s = strchr(p + 1, '/'); s != NULL; s = strchr(s + 1, '/')) {
		*s = '\0';
		(void)mkdir(p, 0700);
		*s = '/';
	}
	free(p);
}

int
cache_write(const char *file, const struct buf *b, int verbose)
{
	const char *slash;
	char *dir;
	struct buf tmp = {0};
	size_t done = 0;
	ssize_t k;
	int fd, e;

	make_dirs(file);
	buf_printf(&tmp, "%s.XXXXXX", file);
	if ((fd = mkstemp(tmp.s)) < 0) {
		e = errno;
		buf_free(&tmp);
		errno = e;
		return -1;
	}
	while (done < b->len && (k = write(fd, b->s + done, b->len - done)) > 0)
		done += (size_t)k;
	e = errno;
	if (close(fd) < 0 && done == b->len)
		e = errno, done = 0;
	if (done != b->len || rename(tmp.s, file) < 0) {
		e = done != b->len ? (e ? e : EIO) : errno;
		(void)unlink(tmp.s);
		buf_free(&tmp);
		errno = e;
		return -1;
	}
	buf_free(&tmp);
	if ((slash = strrchr(file, '/')) != NULL && slash > file) {
		dir = estrdup(file);
		dir[slash - file] = '\0';
		(void)cache_prune(dir, time(NULL), verbose);
		free(dir);
	}
	return 0;
}

/*
 * Is NAME one of khobor's caches, KIND-HASH.cache with HASH 16 hex digits,
 * or a writer's temporary file of one (mkstemp's six more characters)?
 */
static int
cache_name(const char *name, int *tmp)
{
	static const char *const kinds[] = { "rules-", "detect-", "patterns-" };
	const char *p = NULL;
	size_t i, k;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]) && p == NULL; i++)
		if (strncmp(name, kinds[i], strlen(kinds[i])) == 0)
			p = name + strlen(kinds[i]);
	if (p == NULL)
		return 0;
	for (k = 0; k < 16; k++)
		if (!strchr("0123456789abcdef", p[k]) || p[k] == '\0')
			return 0;
	p += 16;
	if (strncmp(p, ".cache", 6) != 0)
		return 0;
	p += 6;
	*tmp = *p != '\0';
	return *p == '\0' || (*p == '.' && strlen(p + 1) == 6);
}

long
cache_prune(const char *dir, time_t now, int verbose)
{
	struct stat st;
	struct dirent *e;
	struct buf mark = {0};
	DIR *d;
	time_t last;
	long n = 0;
	int fd, dfd, tmp;

	buf_printf(&mark, "%s/.pruned", dir);
	if (stat(mark.s, &st) == 0 && st.st_mtime > now - CACHE_PRUNE_EVERY && st.st_mtime <= now) {
		buf_free(&mark);
		return -1;
	}
	/* Marked first: a directory that cannot be marked is not walked at every write. */
	fd = open(mark.s, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	buf_free(&mark);
	if (fd < 0)
		return -1;
	(void)futimens(fd, (const struct timespec[2]){ { now, 0 }, { now, 0 } });
	(void)close(fd);
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return -1;
	if ((d = fdopendir(dfd)) == NULL) {
		(void)close(dfd);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (!cache_name(e->d_name, &tmp) || fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !S_ISREG(st.st_mode) || st.st_uid != geteuid())
			continue;
		last = st.st_atime > st.st_mtime ? st.st_atime : st.st_mtime;
		if (last < now - (tmp ? CACHE_TMP_AGE : (time_t)CACHE_UNUSED * 24 * 60 * 60) &&
		    unlinkat(dfd, e->d_name, 0) == 0)
			n++;
	}
	(void)closedir(d);
	if (verbose && n > 0)
		warnx("cache %s: %ld file%s removed (caches unread for %d days, temporary files an hour old)", dir, n,
		    n == 1 ? "" : "s", CACHE_UNUSED);
	return n;
}

void
cache_put(struct buf *b, const void *p, size_t n)
{
	if (n > 0)
		buf_add(b, p, n);
}

void
cache_put32(struct buf *b, uint32_t v)
{
	cache_put(b, &v, sizeof(v));
}

void
cache_put64(struct buf *b, uint64_t v)
{
	cache_put(b, &v, sizeof(v));
}

void
cache_putstr(struct buf *b, const char *s, size_t n)
{
	cache_put32(b, (uint32_t)n);
	cache_put(b, s, n);
}

const unsigned char *
cache_get(struct cache_cur *k, size_t n)
{
	const unsigned char *p = k->p;

	if (k->bad || (size_t)(k->end - k->p) < n) {
		k->bad = 1;
		return NULL;
	}
	k->p += n;
	return p;
}

uint32_t
cache_get32(struct cache_cur *k)
{
	const unsigned char *p = cache_get(k, 4);
	uint32_t v = 0;

	if (p)
		memcpy(&v, p, 4);
	return v;
}

uint64_t
cache_get64(struct cache_cur *k)
{
	const unsigned char *p = cache_get(k, 8);
	uint64_t v = 0;

	if (p)
		memcpy(&v, p, 8);
	return v;
}

const char *
cache_getstr(struct cache_cur *k, size_t *n)
{
	*n = cache_get32(k);
	return (const char *)cache_get(k, *n);
}

int
cache_samestr(struct cache_cur *k, const char *s, size_t n)
{
	size_t len;
	const char *p = cache_getstr(k, &len);

	return p != NULL && len == n && memcmp(p, s, n) == 0;
}
