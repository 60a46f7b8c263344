/* rules.c: find and load rule files (see rules.h and khobor-rules(5)). */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules.h"
#include "util.h"

#ifndef KHOBOR_RULES_DIR
#define KHOBOR_RULES_DIR "/usr/local/share/khobor/rules"
#endif

/* Every top-level key a site file may have; each filter checks its own section. */
static const char *const site_keys[] = {
	"name", "url", "hosts", "lang", "zone", "match", "start", "strip", "heuristics",
	"fields", "dates", "keep_raw", "reader", NULL
};

char *
rules_path(const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name);
	char *p = emalloc(dl + 1 + nl + 1);

	/* Not buf_printf: called for every site file, it was a tenth of start-up. */
	memcpy(p, dir, dl);
	p[dl] = '/';
	memcpy(p + dl + 1, name, nl + 1);
	return p;
}

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The rules/ directory of a build tree: bin/prog -> rules/. */
static char *
beside_executable(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	*slash = '\0';
	if ((slash = strrchr(exe, '/')) == NULL)
		return NULL;
	strcpy(slash, "/rules");
	return is_dir(exe) ? estrdup(exe) : NULL;
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The site files of SITEDIR, by name, into R: the names read first, then
 * one array of sites and one block for every name and path, as a start
 * with a few hundred site files spent a tenth of its page faults (10-15 us
 * each on the bench machine) growing the array and on small allocations.
 */
static void
read_sites(struct rules *r, const char *sitedir)
{
	struct buf names = {0};
	DIR *d;
	struct dirent *de;
	char **sorted, *p;
	size_t i, n = 0, total = 0, dl = strlen(sitedir);

	if ((d = opendir(sitedir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);

		if (len > 4 && strcmp(de->d_name + len - 4, ".yml") == 0 && de->d_name[0] != '.')
			warnx("%s/%s: not read: site files end in .yaml", sitedir, de->d_name);
		if (len <= 5 || strcmp(de->d_name + len - 5, ".yaml") != 0 || de->d_name[0] == '.')
			continue;
		buf_add(&names, de->d_name, len - 5);
		buf_addc(&names, '\0');
		total += 2 * (len - 5) + dl + 8;	/* NAME, NUL; sitedir/NAME.yaml, NUL */
		n++;
	}
	closedir(d);
	if (n == 0) {
		buf_free(&names);
		return;
	}
	sorted = emalloc(n * sizeof(*sorted));
	for (i = 0, p = names.s; i < n; i++, p += strlen(p) + 1)
		sorted[i] = p;
	qsort(sorted, n, sizeof(*sorted), by_string);
	r->sites = ecalloc(n, sizeof(*r->sites));
	r->arena = p = emalloc(total);
	for (i = 0; i < n; i++) {
		struct site *s = &r->sites[i];
		size_t len = strlen(sorted[i]);

		s->in_arena = 1;
		s->name = memcpy(p, sorted[i], len + 1);
		p += len + 1;
		s->file = p;
		/* Not sprintf: a few hundred of them were a tenth of a start's instructions. */
		memcpy(p, sitedir, dl);
		p[dl] = '/';
		memcpy(p + dl + 1, sorted[i], len);
		memcpy(p + dl + 1 + len, ".yaml", 6);
		p += dl + len + 7;
	}
	r->nsites = n;
	free(sorted);
	buf_free(&names);
}

static struct rules *open_dir(const char *dir);

struct rules *
rules_open(const char *dir)
{
	struct rules *r = open_dir(dir);
	char *sitedir = rules_path(r->dir, "sites");

	read_sites(r, sitedir);
	free(sitedir);
	return r;
}

struct rules *
rules_open_unlisted(const char *dir)
{
	struct rules *r = open_dir(dir);

	r->unlisted = 1;
	return r;
}

/* The rules directory and its default.yaml, no site yet. */
static struct rules *
open_dir(const char *dir)
{
	struct rules *r = ecalloc(1, sizeof(*r));
	const char *env = getenv("KHOBOR_RULES");

	/*
	 * A build tree's own rules come before the installed ones, so that
	 * bin/ in a checkout never runs with the rules of another version.
	 */
	if (dir)
		r->dir = estrdup(dir);
	else if (env && *env)
		r->dir = estrdup(env);
	else if ((r->dir = beside_executable()) != NULL)
		;
	else if (is_dir(KHOBOR_RULES_DIR))
		r->dir = estrdup(KHOBOR_RULES_DIR);
	else
		die(EXIT_USAGE, "no rules directory: %s does not exist; give one with -r DIR or KHOBOR_RULES",
		    KHOBOR_RULES_DIR);
	if (!is_dir(r->dir))
		die(EXIT_USAGE, "%s: not a rules directory (%s)", r->dir,
		    errno ? strerror(errno) : "not a directory");

	r->deflt.name = estrdup("default");
	r->deflt.file = rules_path(r->dir, "default.yaml");

	return r;
}

static void
site_free(struct site *s, void (*free_priv)(void *))
{
	if (free_priv && s->priv)
		free_priv(s->priv);
	yml_free(s->doc);
	free(s->langs);
	if (!s->in_arena) {
		free(s->name);
		free(s->file);
	}
}

void
rules_free(struct rules *r, void (*free_priv)(void *))
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nsites; i++)
		site_free(&r->sites[i], free_priv);
	for (i = 0; i < r->found.cap; i++)
		if (r->found.slot[i].key) {
			site_free(r->found.slot[i].val, free_priv);
			free(r->found.slot[i].val);
		}
	hmap_free(&r->found);
	site_free(&r->deflt, free_priv);
	free(r->sites);
	free(r->arena);
	free(r->dir);
	free(r);
}

void
rules_forget(struct rules *r, const char *name)
{
	struct site *s = rules_find(r, name);
	size_t i;

	if (s == NULL || s == &r->deflt)
		return;
	i = (size_t)(s - r->sites);
	site_free(s, NULL);
	memmove(r->sites + i, r->sites + i + 1, (r->nsites - i - 1) * sizeof(*r->sites));
	r->nsites--;
}

/*
 * Site NAME of rules not listed: sites/NAME.yaml, if there is such a file
 * (a name listing would have found: not hidden, no slash).  Each site is
 * allocated alone, so that the ones found earlier stay where they are.
 */
static struct site *
find_unlisted(struct rules *r, const char *name)
{
	size_t len = strlen(name);
	struct site *s;
	struct stat st;
	char *file;

	if ((s = hmap_get(&r->found, name, len)) != NULL)
		return s;
	if (len == 0 || name[0] == '.' || strchr(name, '/') != NULL || len > NAME_MAX - 5)
		return NULL;
	{
		struct buf b = {0};

		buf_adds(&b, r->dir);
		buf_adds(&b, "/sites/");
		buf_adds(&b, name);
		buf_adds(&b, ".yaml");
		file = b.s;
	}
	if (stat(file, &st) != 0) {
		free(file);
		return NULL;
	}
	s = ecalloc(1, sizeof(*s));
	s->name = estrdup(name);
	s->file = file;
	(void)hmap_put(&r->found, s->name, len, s);
	return s;
}

struct site *
rules_find(struct rules *r, const char *name)
{
	size_t lo = 0, hi = r->nsites;

	if (strcmp(name, "default") == 0)
		return &r->deflt;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(name, r->sites[mid].name);

		if (c == 0)
			return &r->sites[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return r->unlisted ? find_unlisted(r, name) : NULL;
}

void
rules_require(struct rules *r, const char *site, int (*compiled)(struct site *))
{
	struct site *s = &r->deflt;

	if (site && (s = rules_find(r, site)) == NULL)
		die(EXIT_USAGE, "no site '%s' in %s/sites (give one of the NAME.yaml there, or default)",
		    site, r->dir);
	if (!compiled(s))
		die(EXIT_USAGE, "%s: the rules have errors (see above)", s->file);
	if (s != &r->deflt && !compiled(&r->deflt))
		die(EXIT_USAGE, "%s: the rules have errors (see above)", r->deflt.file);
}

/*
 * Sections a site file may give as the word 'default', for default.yaml's
 * own: the reader and the field rules, so that a site that reads its header
 * zone as an unknown outlet's does follows the default reader as it
 * improves.  Only the word is checked here; the section is compiled where
 * it is used (rules_uses).
 */
static const char *const shared_sections[] = { "reader", "fields", NULL };
static const char *const shared_words[] = { "default", NULL };

static void
check_shared(const struct site *s)
{
	const struct yml *n;
	const char *near;
	size_t k;

	for (k = 0; shared_sections[k]; k++) {
		if ((n = yml_get(s->root, shared_sections[k])) == NULL || n->type != YML_SCALAR)
			continue;
		if (strcmp(s->name, "default") == 0)
			yml_error(s->doc, n, "'%s: %s': default.yaml's '%s' is the one others use: write it out",
			    shared_sections[k], n->str, shared_sections[k]);
		else if (strcmp(n->str, "default") == 0)
			continue;
		else if ((near = yml_suggest(n->str, shared_words)) != NULL)
			yml_error(s->doc, n, "'%s: %s': did you mean '%s: %s'? (default.yaml's %s)", shared_sections[k],
			    n->str, shared_sections[k], near, shared_sections[k]);
		else
			yml_error(s->doc, n, "'%s: %s': '%s' is a %s, or the word 'default' for default.yaml's",
			    shared_sections[k], n->str, shared_sections[k],
			    strcmp(shared_sections[k], "reader") == 0 ? "mapping" : "list of field rules");
	}
}

int
rules_load(struct rules *r, struct site *s)
{
	const struct yml *n;
	unsigned before = yml_nerrors;

	if (s->state != 0)
		return s->state > 0 ? 0 : -1;
	s->state = -1;
	if ((s->doc = yml_load_without(s->file, r->skip)) == NULL)
		return -1;
	s->zone = "Asia/Dhaka";
	if (s->doc->root == NULL) {
		yml_error(s->doc, NULL, "empty rule file: a site file is a mapping with at least 'match'");
		return -1;
	}
	if (yml_want(s->doc, s->doc->root, YML_MAP, "a rule file") < 0)
		return -1;
	s->root = s->doc->root;
	yml_keys(s->doc, s->root, site_keys, "a site file");
	if ((n = yml_get(s->root, "name")) != NULL)
		yml_want(s->doc, n, YML_SCALAR, "'name'");
	if ((n = yml_get(s->root, "url")) != NULL)
		yml_want(s->doc, n, YML_SCALAR, "'url'");
	if ((n = yml_get(s->root, "zone")) != NULL && yml_want(s->doc, n, YML_SCALAR, "'zone'") == 0) {
		if (n->len == 0 || n->str[0] == '/' || strstr(n->str, "..") != NULL)
			yml_error(s->doc, n, "'zone' must be an IANA zone name such as Asia/Dhaka");
		s->zone = n->str;
	}
	if ((n = yml_get(s->root, "lang")) != NULL) {
		if (yml_strlist(s->doc, n, &s->langs, &s->nlangs, "'lang'") == 0 && s->nlangs == 0)
			yml_error(s->doc, n, "'lang' needs at least one language, such as bn");
	}
	if (strcmp(s->name, "default") != 0) {
		/* A misspelt 'match' was said already: not twice. */
		if ((n = yml_get(s->root, "match")) == NULL && yml_meant(s->root, site_keys, "match") == NULL)
			yml_error(s->doc, s->root, "site '%s' has no 'match' patterns: without them no page is ever detected as this site",
			    s->name);
	}
	check_shared(s);
	if (yml_nerrors != before)
		return -1;
	s->state = 1;
	return 0;
}

const struct yml *
rules_section(const struct site *s, const char *name)
{
	return s->root ? yml_get(s->root, name) : NULL;
}

struct site *
rules_uses(struct rules *r, struct site *s, const char *name)
{
	const struct yml *n = rules_section(s, name);

	if (s == &r->deflt || n == NULL || n->type != YML_SCALAR || strcmp(n->str, "default") != 0)
		return s;
	return rules_load(r, &r->deflt) == 0 ? &r->deflt : NULL;
}
