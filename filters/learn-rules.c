/*
 * learn-rules: a draft rule file for a site, from a few of its pages
 * (khobor learn).  The pages are read, the pages of other sites' fixtures
 * too (a match must find none of them), and the engine in
 * filters/lib/learn.c (with learndraft.c) writes the draft on standard
 * output.
 *
 * With --by-site, the pages of a mixed corpus (record streams whose records
 * carry url or site, or directories of SITE/ subdirectories) are spooled
 * to a temporary file and drafted one site at a time, each exactly as a
 * run on that site's pages alone would draft it, the corpus's other pages
 * being other sites' pages.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "detect.h"
#include "filter.h"
#include "hash.h"
#include "learn.h"
#include "page.h"
#include "record.h"
#include "rules.h"
#include "rx.h"
#include "util.h"

#define MIN_PAGES 3

static const char usage_text[] =
    "usage: learn-rules [-r DIR] [-n NAME] [-H HOST,...] [-a DIR]... PAGE...\n"
    "       learn-rules --by-site -o OUTDIR [-r DIR] [-a DIR]... [FILE | CORPUS_DIR]...\n";

static const char help_text[] =
    "Read at least three pages of one site and write on standard output a draft\n"
    "rule file for it, rules/sites/NAME.yaml: match and start from the lines every\n"
    "page prints, strip rules for the lines that recur above or below the\n"
    "article, the default reader for the header zone; every rule with a comment\n"
    "saying on how many of the pages it fired, with an example line.\n"
    "\n"
    "  -r, --rules=DIR    rules directory: its default.yaml gives the reader\n"
    "                     (default: $KHOBOR_RULES, or the installed rules)\n"
    "  -n, --name=NAME    the site's name, the rule file's name (default: from\n"
    "                     the first host, www.kalbela.com giving kalbela)\n"
    "  -H, --hosts=LIST   the site's host names, comma-separated, for url and hosts\n"
    "  -a, --against=DIR  pages of other sites: DIR/SITE/*.txt but for DIR/NAME/,\n"
    "                     and the DIR/*.txt the rules detect as some site; copies\n"
    "                     of the PAGEs left out; a match or start that finds\n"
    "                     anything in one is not used (repeatable; default:\n"
    "                     tests/sites and tests/seeds, where they exist)\n"
    "  -b, --by-site      draft every site of a mixed corpus with at least three\n"
    "                     pages: a FILE is a record stream (from-warc, from-jsonl),\n"
    "                     a record's site the host of its url, else its site\n"
    "                     header; a CORPUS_DIR holds CORPUS_DIR/SITE/*.txt; with\n"
    "                     no FILE, standard input\n"
    "  -o, --out=OUTDIR   --by-site: write OUTDIR/NAME.yaml for each site\n"
    "  -h, --help         show this help\n"
    "  -V, --version      show the version\n"
    "\n"
    "A PAGE of - is standard input.\n"
    "Exit status: 0 all well; 1 a PAGE could not be read, or no match was found\n"
    "(the draft is written without one), or --by-site found no site with three\n"
    "pages; 2 usage or rules error; 3 output could not be written; 4 out of memory.\n";

/* The pages given, kept to leave their copies out of the other sites' pages. */
static struct buf *pages;
static size_t npages;
static struct rules *rules;
static struct detector *det;
static size_t unknown;		/* pages of no known site, not tried */

static int
read_all(FILE *fp, struct buf *b)
{
	char chunk[65536];
	size_t n;

	buf_reset(b);
	buf_add(b, "", 0);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(b, chunk, n);
	return ferror(fp) ? -1 : 0;
}

static int
read_page(const char *path, struct buf *b)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	int rc;

	if (fp == NULL) {
		warnx("%s: %s", path, strerror(errno));
		return -1;
	}
	if ((rc = read_all(fp, b)) < 0)
		warnx("%s: %s", path, strerror(errno));
	if (fp != stdin)
		fclose(fp);
	return rc;
}

static int
is_txt(const char *s)
{
	size_t n = strlen(s);

	return n > 4 && strcmp(s + n - 4, ".txt") == 0 && s[0] != '.';
}

static int
by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of DIR, sorted, so that the pages are tried in one order. */
static size_t
list_dir(const char *dir, char ***out)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	size_t n = 0;

	*out = NULL;
	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		*out = erealloc(*out, (n + 1) * sizeof(**out));
		(*out)[n++] = rules_path(dir, de->d_name);
	}
	closedir(d);
	qsort(*out, n, sizeof(**out), by_str);
	return n;
}

/*
 * Is the page at B another site's?  A page of DIR/SITE/ is SITE's; a page
 * right in DIR (tests/seeds) is the site's the rules detect, and one they
 * give the default may be of the site being learned: it is passed over.
 */
static int
known_other(const char *path, struct buf *b)
{
	struct record rec = {0};
	struct page pg = {0};
	struct site *s = NULL;
	int broken = 0;

	if (page_load(&pg, &rec, path, b->s, b->len) == 0)
		s = detect_site(det, &pg, NULL, &broken);
	page_free(&pg);
	record_free(&rec);
	if (s == NULL || s == &rules->deflt)
		return 0;
	return 1;
}

/* The page B (from PATH) of another site, or of no known one unless IN_SITE_DIR. */
static void
other_buf(struct learner *l, const char *path, int in_site_dir, struct buf *b)
{
	size_t i;

	for (i = 0; i < npages; i++)
		if (pages[i].len == b->len && memcmp(pages[i].s, b->s, b->len) == 0)
			return;
	if (in_site_dir || known_other(path, b))
		learn_other(l, path, b->s, b->len);
	else
		unknown++;
}

static void
other_page(struct learner *l, const char *path, int in_site_dir, struct buf *b)
{
	if (read_page(path, b) == 0)
		other_buf(l, path, in_site_dir, b);
}

/* The .txt files of DIR and of its subdirectories, but for DIR/NAME. */
static void
against(struct learner *l, const char *dir, const char *name)
{
	char **e, **f;
	size_t n, m, i, j;
	struct buf b = {0};
	struct stat st;

	n = list_dir(dir, &e);
	for (i = 0; i < n; i++) {
		const char *base = strrchr(e[i], '/') + 1;

		if (stat(e[i], &st) == 0 && S_ISDIR(st.st_mode) && strcmp(base, name) != 0) {
			m = list_dir(e[i], &f);
			for (j = 0; j < m; j++) {
				if (is_txt(f[j]))
					other_page(l, f[j], 1, &b);
				free(f[j]);
			}
			free(f);
		} else if (is_txt(base)) {
			other_page(l, e[i], 0, &b);
		}
		free(e[i]);
	}
	free(e);
	buf_free(&b);
}

/* www.kalbela.com gives kalbela. */
static char *
name_of_host(const char *h)
{
	if (strncmp(h, "www.", 4) == 0 && strchr(h + 4, '.') != NULL)
		h += 4;
	return estrndup(h, strcspn(h, "."));
}

static int
name_ok(const char *s)
{
	if (*s == '\0' || strcmp(s, "default") == 0)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

/* The sources of pages[0..npages), as the draft's comments name them. */
static char **srcs;

/* ---- --by-site: the corpus, spooled ---- */

/* A page of the corpus in the spool: its source, then its bytes, at OFF. */
struct spooled {
	off_t off;
	size_t srclen, len;
	long site;		/* index in bs, or -1: no url, no site header, no SITE/ directory */
};

/* A site of the corpus: its key (the host less "www.", or the site or directory name). */
struct bsite {
	char *key, *label, *name;
	char **hosts;		/* the hosts its pages' urls name, in the order first seen */
	size_t nhosts, npg;
};

static FILE *spool;
static struct spooled *sp;
static size_t nsp, capsp;
static struct bsite *bs;
static size_t nbs;
static struct hmap bykey;
static size_t nosite;		/* pages of no site */
static struct buf scratch;

static long
site_of(const char *key, const char *label, const char *host)
{
	void *v = hmap_get(&bykey, key, strlen(key));
	struct bsite *s;
	size_t i;

	if (v == NULL) {
		bs = erealloc(bs, (nbs + 1) * sizeof(*bs));
		s = &bs[nbs];
		memset(s, 0, sizeof(*s));
		s->key = estrdup(key);
		s->label = estrdup(label);
		/* The map points at the key strings, which do not move. */
		hmap_put(&bykey, s->key, strlen(s->key), (void *)(uintptr_t)(nbs + 1));
		v = (void *)(uintptr_t)(++nbs);
	}
	s = &bs[(uintptr_t)v - 1];
	if (host != NULL) {
		for (i = 0; i < s->nhosts && strcmp(s->hosts[i], host) != 0; i++)
			;
		if (i == s->nhosts) {
			s->hosts = erealloc(s->hosts, (s->nhosts + 1) * sizeof(*s->hosts));
			s->hosts[s->nhosts++] = estrdup(host);
		}
	}
	return (long)((uintptr_t)v - 1);
}

static void
spool_page(const char *source, const char *body, size_t n, long site)
{
	struct spooled *e;

	if (nsp == capsp) {
		capsp = capsp ? 2 * capsp : 256;
		sp = erealloc(sp, capsp * sizeof(*sp));
	}
	e = &sp[nsp++];
	if (fseeko(spool, 0, SEEK_END) != 0 || (e->off = ftello(spool)) < 0 ||
	    fwrite(source, 1, strlen(source), spool) != strlen(source) || fwrite(body, 1, n, spool) != n)
		die(EXIT_OUTPUT, "the spool file: cannot write: %s (is TMPDIR full?)", strerror(errno));
	e->srclen = strlen(source);
	e->len = n;
	e->site = site;
	if (site >= 0)
		bs[site].npg++;
	else
		nosite++;
}

/* Spooled page K: its source into SRC, its bytes into B. */
static void
unspool(size_t k, struct buf *src, struct buf *b)
{
	const struct spooled *e = &sp[k];

	buf_reset(src);
	buf_grow(src, e->srclen + 1);
	buf_reset(b);
	buf_grow(b, e->len + 1);
	if (fseeko(spool, e->off, SEEK_SET) != 0 || fread(src->s, 1, e->srclen, spool) != e->srclen ||
	    fread(b->s, 1, e->len, spool) != e->len)
		die(EXIT_OUTPUT, "the spool file: cannot read back: %s", strerror(errno));
	src->s[src->len = e->srclen] = '\0';
	b->s[b->len = e->len] = '\0';
}

/* A record of a stream: its site from the host of its url, else from its site header. */
static int
spool_record(struct record *rec, void *ctx)
{
	const char *v = record_get(rec, "url"), *src = record_get(rec, "source");
	long site = -1;
	char num[64];

	(void)ctx;
	buf_reset(&scratch);
	if (v != NULL && detect_url_host(v, &scratch) == 0 && scratch.len > 0) {
		const char *h = scratch.s, *key = h;
		struct buf k = {0};

		if (strncmp(h, "www.", 4) == 0 && strchr(h + 4, '.') != NULL)
			key += 4;
		buf_printf(&k, "host %s", key);
		site = site_of(k.s, key, h);
		buf_free(&k);
	} else if ((v = record_get(rec, "site")) != NULL && *v && strcmp(v, "default") != 0) {
		struct buf k = {0};

		buf_printf(&k, "site %s", v);
		site = site_of(k.s, v, NULL);
		buf_free(&k);
	}
	if (src == NULL) {
		snprintf(num, sizeof(num), "(record %zu)", nsp + 1);
		src = num;
	}
	spool_page(src, rec->body.s ? rec->body.s : "", rec->body.len, site);
	return FILTER_DONE;
}

/* A corpus directory: the .txt pages of DIR/SITE are SITE's; those right in DIR are of no site. */
static int
spool_dir(const char *dir)
{
	char **e, **f;
	size_t n, m, i, j;
	struct buf b = {0}, k = {0};
	struct stat st;
	int status = EXIT_OK;

	n = list_dir(dir, &e);
	for (i = 0; i < n; i++) {
		const char *base = strrchr(e[i], '/') + 1;

		if (stat(e[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			long site;

			buf_reset(&k);
			buf_printf(&k, "site %s", base);
			site = site_of(k.s, base, NULL);
			m = list_dir(e[i], &f);
			for (j = 0; j < m; j++) {
				if (is_txt(f[j])) {
					if (read_page(f[j], &b) == 0)
						spool_page(f[j], b.s, b.len, site);
					else
						status = EXIT_RECORDS;
				}
				free(f[j]);
			}
			free(f);
		} else if (is_txt(base)) {
			if (read_page(e[i], &b) == 0)
				spool_page(e[i], b.s, b.len, -1);
			else
				status = EXIT_RECORDS;
		}
		free(e[i]);
	}
	free(e);
	buf_free(&b);
	buf_free(&k);
	return status;
}

/* Is NAME some site's already? */
static int
taken(const char *name)
{
	size_t i;

	for (i = 0; i < nbs; i++)
		if (bs[i].name != NULL && strcmp(bs[i].name, name) == 0)
			return 1;
	return 0;
}

/*
 * A rule file's name for site S: from its host as -n would have it
 * (www.kalbela.com gives kalbela), else its site or directory name in
 * lowercase letters, digits, '-' and '_'; made unique among the sites
 * named before it with the whole host, or a number.
 */
static void
name_site(size_t k)
{
	struct bsite *s = &bs[k];
	struct buf b = {0};
	const char *p;
	char *base;
	size_t tries;
	int dash = 0;

	if (s->nhosts > 0) {
		char *n = name_of_host(s->label);

		buf_adds(&b, n);
		free(n);
	} else {
		for (p = s->label; *p; p++) {
			char c = *p;

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
				buf_addc(&b, c);
				dash = 0;
			} else if (!dash++ && b.len > 0) {
				buf_addc(&b, '-');
			}
		}
		while (b.len > 0 && b.s[b.len - 1] == '-')
			b.s[--b.len] = '\0';
	}
	if (b.len == 0 || !name_ok(b.s)) {
		buf_reset(&b);
		buf_adds(&b, "site");
	}
	base = estrdup(b.s);
	for (tries = 1; taken(b.s); tries++) {
		buf_reset(&b);
		if (tries == 1 && s->nhosts > 0)
			for (p = s->label; *p; p++)
				buf_addc(&b, *p == '.' ? '-' : *p);
		else
			buf_printf(&b, "%s-%zu", base, tries);
	}
	free(base);
	s->name = b.s;
}

/* ---- drafting ---- */

/*
 * Draft site NAME (HOSTS) from pages[0..npages) on OUT, with the rules of
 * RULESDIR less NAME.yaml.  A match is tried on the other sites' pages:
 * with SITE >= -1 (--by-site) the corpus's pages but SITE's, then the
 * DIRS' (by default tests/sites and tests/seeds).  Returns learn_write's.
 */
static int
draft(const char *rulesdir, const char *name, char **hosts, size_t nhosts, char **dirs, size_t ndirs,
    int bysite, long site, FILE *out)
{
	struct learner *l;
	struct buf src = {0}, b = {0};
	size_t i;
	int rc;

	unknown = 0;
	rules = rules_open(rulesdir);
	/*
	 * The draft is often written over NAME.yaml of this very directory
	 * (khobor learn ... > rules/sites/NAME.yaml): the shell has emptied the
	 * file before this starts, or an older draft would claim the pages.
	 * The site being learned is none of the others.
	 */
	rules_forget(rules, name);
	det = detect_new(rules);
	if ((l = learn_new(rules, name, hosts, nhosts)) == NULL)
		die(EXIT_USAGE, "%s: the rules have errors (see above)", rules->deflt.file);
	for (i = 0; i < npages; i++)
		learn_page(l, srcs[i], pages[i].s, pages[i].len);
	for (i = 0; bysite && i < nsp; i++) {
		if (sp[i].site == site)
			continue;
		unspool(i, &src, &b);
		other_buf(l, src.s, sp[i].site >= 0, &b);
	}
	if (ndirs == 0) {
		struct stat st;

		if (stat("tests/sites", &st) == 0 && S_ISDIR(st.st_mode))
			against(l, "tests/sites", name);
		if (stat("tests/seeds", &st) == 0 && S_ISDIR(st.st_mode))
			against(l, "tests/seeds", name);
	}
	for (i = 0; i < ndirs; i++)
		against(l, dirs[i], name);
	if (unknown > 0)
		learn_note(l, unknown);
	rc = learn_write(l, out);
	learn_free(l);
	detect_free(det);
	rules_free(rules, NULL);
	det = NULL;
	rules = NULL;
	buf_free(&src);
	buf_free(&b);
	return rc;
}

/* The exit status for learn_write's RC; the draft's name WHAT for a message. */
static int
draft_status(int rc, const char *what)
{
	if (rc < 0)
		return EXIT_OUTPUT;
	if (rc == 2)
		return EXIT_USAGE;
	if (rc == 1) {
		if (what != NULL)
			warnx("%s: no line is on every page and on no other site's page: the draft has no match; write one",
			    what);
		else
			warnx("no line is on every page and on no other site's page: the draft has no match; write one");
		return EXIT_RECORDS;
	}
	return EXIT_OK;
}

static int
worse(int a, int b)
{
	return b > a ? b : a;
}

/*
 * --by-site: spool the corpus, then draft each site of at least MIN_PAGES
 * pages to OUTDIR/NAME.yaml, one site at a time.
 */
static int
by_site(const char *rulesdir, const char *outdir, char **files, int nfiles, char **dirs, size_t ndirs)
{
	struct stat st;
	struct buf src = {0}, path = {0};
	int i, status = EXIT_OK, rc;
	size_t k, j, drafted = 0;

	if (stat(outdir, &st) != 0) {
		if (mkdir(outdir, 0777) != 0)
			die(EXIT_USAGE, "--out %s: cannot make it: %s", outdir, strerror(errno));
	} else if (!S_ISDIR(st.st_mode)) {
		die(EXIT_USAGE, "--out %s: not a directory", outdir);
	}
	if ((spool = tmpfile()) == NULL)
		die(EXIT_OUTPUT, "cannot make a spool file: %s (is TMPDIR writable?)", strerror(errno));
	if (nfiles == 0)
		status = filter_run_input(NULL, 0, &filter_records, NULL, spool_record, NULL);
	for (i = 0; i < nfiles && status != EXIT_USAGE; i++) {
		if (strcmp(files[i], "-") != 0 && stat(files[i], &st) == 0 && S_ISDIR(st.st_mode))
			status = worse(status, spool_dir(files[i]));
		else
			status = worse(status, filter_run_input(files + i, 1, &filter_records, NULL, spool_record, NULL));
	}
	if (status == EXIT_USAGE)
		die(EXIT_USAGE, "--by-site reads record streams (from-warc, from-jsonl) and corpus directories (DIR/SITE/*.txt)");
	if (nosite > 0)
		warnx("%zu page%s with no url, no site header and no SITE/ directory: no site's, tried as other sites' pages",
		    nosite, nosite == 1 ? "" : "s");
	for (k = 0; k < nbs; k++)
		if (bs[k].npg >= MIN_PAGES)
			name_site(k);
	for (k = 0; k < nbs; k++) {
		struct bsite *s = &bs[k];
		FILE *out;

		if (s->npg < MIN_PAGES) {
			warnx("%s: %zu page%s: not drafted (at least %d are needed)", s->label, s->npg,
			    s->npg == 1 ? "" : "s", MIN_PAGES);
			continue;
		}
		pages = ecalloc(s->npg, sizeof(*pages));
		srcs = ecalloc(s->npg, sizeof(*srcs));
		for (npages = 0, j = 0; j < nsp; j++)
			if (sp[j].site == (long)k) {
				unspool(j, &src, &pages[npages]);
				srcs[npages++] = estrdup(src.s);
			}
		buf_reset(&path);
		buf_printf(&path, "%s/%s.yaml", outdir, s->name);
		if ((out = fopen(path.s, "w")) == NULL)
			die(EXIT_OUTPUT, "%s: %s", path.s, strerror(errno));
		rc = draft(rulesdir, s->name, s->hosts, s->nhosts, dirs, ndirs, 1, (long)k, out);
		if (fclose(out) != 0 && rc >= 0) {
			warnx("%s: %s", path.s, strerror(errno));
			rc = -1;
		}
		status = worse(status, draft_status(rc, path.s));
		if (rc >= 0 && rc != 2) {
			warnx("%s: drafted from the %zu pages of %s", path.s, s->npg, s->label);
			drafted++;
		}
		for (j = 0; j < npages; j++) {
			buf_free(&pages[j]);
			free(srcs[j]);
		}
		free(pages);
		free(srcs);
		pages = NULL;
		srcs = NULL;
		npages = 0;
	}
	if (drafted == 0) {
		warnx("no site has at least %d pages: nothing drafted", MIN_PAGES);
		status = worse(status, EXIT_RECORDS);
	}
	for (k = 0; k < nbs; k++) {
		free(bs[k].key);
		free(bs[k].label);
		free(bs[k].name);
		for (j = 0; j < bs[k].nhosts; j++)
			free(bs[k].hosts[j]);
		free(bs[k].hosts);
	}
	free(bs);
	free(sp);
	hmap_free(&bykey);
	fclose(spool);
	buf_free(&src);
	buf_free(&path);
	buf_free(&scratch);
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "name", required_argument, NULL, 'n' },
		{ "hosts", required_argument, NULL, 'H' },
		{ "against", required_argument, NULL, 'a' },
		{ "by-site", no_argument, NULL, 'b' },
		{ "out", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *rulesdir = NULL, *outdir = NULL;
	char *name = NULL, **hosts = NULL, **dirs = NULL;
	size_t nhosts = 0, ndirs = 0, i;
	int c, status = EXIT_OK, rc, stdin_used = 0, bysite = 0;

	util_init(argv[0]);
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":r:n:H:a:bo:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': rulesdir = optarg; break;
		case 'n': free(name); name = estrdup(optarg); break;
		case 'H': util_split(optarg, &hosts, &nhosts); break;
		case 'a':
			dirs = erealloc(dirs, (ndirs + 1) * sizeof(*dirs));
			dirs[ndirs++] = optarg;
			break;
		case 'b': bysite = 1; break;
		case 'o': outdir = optarg; break;
		case 'h':
			util_help(usage_text, help_text);
			break;
		case 'V':
			util_version();
			break;
		default:
			for (i = 0; i < nhosts; i++)
				free(hosts[i]);
			free(hosts);
			free(dirs);
			free(name);
			return util_bad_option(c, argv, longopts, usage_text);
		}
	}
	if (bysite) {
		if (name != NULL || nhosts > 0)
			die(EXIT_USAGE, "--by-site names each site from its pages: leave out --name and --hosts");
		if (outdir == NULL)
			die(EXIT_USAGE, "--by-site writes a draft per site: give the directory with --out DIR");
		status = by_site(rulesdir, outdir, argv + optind, argc - optind, dirs, ndirs);
		free(dirs);
		rx_cleanup();
		return status;
	}
	if (outdir != NULL)
		die(EXIT_USAGE, "--out is for --by-site; one site's draft goes to standard output");
	for (i = 0; i < nhosts; i++) {
		char *h;

		for (h = hosts[i]; *h; h++)
			if (*h >= 'A' && *h <= 'Z')
				*h = (char)(*h - 'A' + 'a');
		if (!detect_host_ok(hosts[i], strlen(hosts[i])))
			die(EXIT_USAGE, "--hosts: '%s' is not a host name (give names such as www.example.com, comma-separated)",
			    hosts[i]);
	}
	if (name == NULL && nhosts > 0)
		name = name_of_host(hosts[0]);
	if (name == NULL)
		die(EXIT_USAGE, "give the site's name with -n NAME, or its hosts with --hosts");
	if (!name_ok(name))
		die(EXIT_USAGE, "'%s' cannot name a site file: use lowercase letters, digits, '-' and '_' (not 'default')",
		    name);
	if (argc - optind < MIN_PAGES)
		die(EXIT_USAGE, "give at least %d pages of the site (%d given): what recurs needs pages to recur on",
		    MIN_PAGES, argc - optind);

	pages = ecalloc((size_t)(argc - optind), sizeof(*pages));
	srcs = ecalloc((size_t)(argc - optind), sizeof(*srcs));
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "-") == 0 && stdin_used++)
			die(EXIT_USAGE, "standard input can be read once: give - once");
		if (read_page(argv[i], &pages[npages]) < 0) {
			status = EXIT_RECORDS;
			continue;
		}
		srcs[npages++] = argv[i];
	}
	if (npages < MIN_PAGES)
		die(EXIT_USAGE, "only %zu of the pages could be read: at least %d are needed", npages, MIN_PAGES);
	rc = draft_status(draft(rulesdir, name, hosts, nhosts, dirs, ndirs, 0, -1, stdout), NULL);
	if (rc != EXIT_OK && (status == EXIT_OK || rc != EXIT_RECORDS))
		status = rc;
	rx_cleanup();
	for (i = 0; i < (size_t)(argc - optind); i++)
		buf_free(&pages[i]);
	free(pages);
	free(srcs);
	for (i = 0; i < nhosts; i++)
		free(hosts[i]);
	free(hosts);
	free(dirs);
	free(name);
	rc = util_close_stdout();
	return status == EXIT_OK || status == EXIT_RECORDS ? (rc != EXIT_OK ? rc : status) : status;
}
