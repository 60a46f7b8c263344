/* util.c: the one place that decides how khobor programs speak and allocate. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <getopt.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

const char *prog = "khobor";

void
util_init(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	prog = slash ? slash + 1 : argv0;
	/*
	 * Large writes into a large pipe: with 4 KiB writes into a 64 KiB pipe
	 * the stages of a chain spend their time waking each other up
	 * (measured: 8-12% of the chain, bench/RESULTS.md).
	 */
	setvbuf(stdout, NULL, _IOFBF, 1 << 18);
#ifdef F_SETPIPE_SZ
	(void)fcntl(STDOUT_FILENO, F_SETPIPE_SZ, 1 << 20);
#endif
}

static void
vwarn(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", prog);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(status);
}

void *
emalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		die(EXIT_MEMORY, "out of memory (%zu bytes)", n);
	return p;
}

void *
ecalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		die(EXIT_MEMORY, "out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *
ezpages(size_t n)
{
	void *p = mmap(NULL, n ? n : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		die(EXIT_MEMORY, "out of memory (%zu bytes)", n);
	return p;
}

void
zfree(void *p, size_t n)
{
	if (p != NULL)
		munmap(p, n ? n : 1);
}

void *
erealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die(EXIT_MEMORY, "out of memory (%zu bytes)", n);
	return p;
}

char *
estrndup(const char *s, size_t n)
{
	char *p = emalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
estrdup(const char *s)
{
	return estrndup(s, strlen(s));
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;

	if (need <= b->cap)
		return;
	if (b->cap == 0)
		b->cap = 256;
	while (b->cap < need)
		b->cap *= 2;
	b->s = erealloc(b->s, b->cap);
	b->s[b->len] = '\0';
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	if (n)
		memmove(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_addc(struct buf *b, int c)
{
	buf_grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

int
util_close_stdout(void)
{
	/*
	 * A reader that went away (EPIPE) is not an error worth a message:
	 * `khobor ... | head -z -n 1` must end quietly.
	 */
	if (fflush(stdout) != 0 || ferror(stdout))
		return util_write_error();
	return EXIT_OK;
}

int
util_write_error(void)
{
	static int said;

	if (errno == EPIPE)
		return EXIT_OK;
	if (!said++)
		warnx("write error on standard output: %s", strerror(errno));
	return EXIT_OUTPUT;
}

int
util_bad_option(int c, char *const argv[], const struct option *longopts, const char *usage)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	int islong = 0;

	/*
	 * In a cluster (-ex) getopt may not have moved past the element, so
	 * the element before optind is a long option only when its name is
	 * the one that failed.
	 */
	if (strncmp(arg, "--", 2) == 0) {
		size_t n = strcspn(arg + 2, "=");
		const struct option *o;

		if (optopt == 0)
			islong = 1;
		for (o = longopts; o && o->name; o++)
			if (strncmp(o->name, arg + 2, n) == 0 && o->name[n] == '\0' && o->val == optopt)
				islong = 1;
		if (islong && c == ':')
			warnx("option '%.*s' needs an argument", (int)(n + 2), arg);
		else if (islong && optopt != 0 && arg[n + 2] == '=')
			warnx("option '%.*s' takes no argument", (int)(n + 2), arg);
		else if (islong)
			warnx("unknown option '%.*s'", (int)(n + 2), arg);
	}
	if (!islong && c == ':')
		warnx("option '-%c' needs an argument", optopt);
	else if (!islong)
		warnx("unknown option '-%c'", optopt);
	fputs(usage, stderr);
	return EXIT_USAGE;
}

void
util_version(void)
{
	printf("%s (khobor) %s\n", prog, KHOBOR_VERSION);
	exit(util_close_stdout());
}

void
util_help(const char *usage, const char *help)
{
	fputs(usage, stdout);
	fputs(help, stdout);
	exit(util_close_stdout());
}

void
util_split(const char *s, char ***items, size_t *n)
{
	const char *p = s;

	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);

		if (len > 0) {
			*items = erealloc(*items, (*n + 1) * sizeof(**items));
			(*items)[(*n)++] = estrndup(p, len);
		}
		p += len + (comma != NULL);
	}
}

FILE *
util_open(const char *path)
{
	struct stat st;
	FILE *fp;

	if (strcmp(path, "-") == 0)
		return stdin;
	if ((fp = fopen(path, "rb")) == NULL) {
		warnx("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		warnx("%s: is a directory; give the page files inside it (for example %s/*.txt)",
		    path, path);
		fclose(fp);
		errno = EISDIR;
		return NULL;
	}
	return fp;
}
