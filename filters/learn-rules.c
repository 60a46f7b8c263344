/*
 * learn-rules: a draft rule file for a site, from a few of its pages
 * (khobor learn).  The pages are read, the pages of other sites' fixtures
 * too (a match must find none of them), and the engine in
 * filters/lib/learn.c writes the draft on standard output.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "detect.h"
#include "learn.h"
#include "page.h"
#include "record.h"
#include "rules.h"
#include "rx.h"
#include "util.h"

#define MIN_PAGES 3

static const char usage_text[] =
    "usage: learn-rules [-r DIR] [-n NAME] [-H HOST,...] [-a DIR]... PAGE...\n";

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
    "  -h, --help         show this help\n"
    "  -V, --version      show the version\n"
    "\n"
    "A PAGE of - is standard input.\n"
    "Exit status: 0 all well; 1 a PAGE could not be read, or no match was found\n"
    "(the draft is written without one); 2 usage or rules error; 3 output could\n"
    "not be written; 4 out of memory.\n";

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

static void
other_page(struct learner *l, const char *path, int in_site_dir, struct buf *b)
{
	size_t i;

	if (read_page(path, b) < 0)
		return;
	for (i = 0; i < npages; i++)
		if (pages[i].len == b->len && memcmp(pages[i].s, b->s, b->len) == 0)
			return;
	if (in_site_dir || known_other(path, b))
		learn_other(l, path, b->s, b->len);
	else
		unknown++;
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

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "rules", required_argument, NULL, 'r' },
		{ "name", required_argument, NULL, 'n' },
		{ "hosts", required_argument, NULL, 'H' },
		{ "against", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *rulesdir = NULL;
	char *name = NULL, **hosts = NULL, **dirs = NULL;
	size_t nhosts = 0, ndirs = 0, i;
	struct learner *l;
	int c, status = EXIT_OK, rc, stdin_used = 0;

	util_init(argv[0]);
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":r:n:H:a:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'r': rulesdir = optarg; break;
		case 'n': free(name); name = estrdup(optarg); break;
		case 'H': util_split(optarg, &hosts, &nhosts); break;
		case 'a':
			dirs = erealloc(dirs, (ndirs + 1) * sizeof(*dirs));
			dirs[ndirs++] = optarg;
			break;
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

	pages = ecalloc((size_t)(argc - optind), sizeof(*pages));
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "-") == 0 && stdin_used++)
			die(EXIT_USAGE, "standard input can be read once: give - once");
		if (read_page(argv[i], &pages[npages]) < 0) {
			status = EXIT_RECORDS;
			continue;
		}
		learn_page(l, argv[i], pages[npages].s, pages[npages].len);
		npages++;
	}
	if (npages < MIN_PAGES)
		die(EXIT_USAGE, "only %zu of the pages could be read: at least %d are needed", npages, MIN_PAGES);
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

	rc = learn_write(l, stdout);
	if (rc < 0)
		status = EXIT_OUTPUT;
	else if (rc == 2)
		status = EXIT_USAGE;
	else if (rc == 1) {
		warnx("no line is on every page and on no other site's page: the draft has no match; write one");
		if (status == EXIT_OK)
			status = EXIT_RECORDS;
	}
	learn_free(l);
	detect_free(det);
	rules_free(rules, NULL);
	rx_cleanup();
	for (i = 0; i < (size_t)(argc - optind); i++)
		buf_free(&pages[i]);
	free(pages);
	for (i = 0; i < nhosts; i++)
		free(hosts[i]);
	free(hosts);
	free(dirs);
	free(name);
	rc = util_close_stdout();
	return status == EXIT_OK || status == EXIT_RECORDS ? (rc != EXIT_OK ? rc : status) : status;
}
