/*
 * tests/unit/rules.c: the rule loader (filters/lib/rules.c, yml.c, rx.c)
 * against the broken rule files of tests/rules-bad.
 *
 * Usage: rules [TESTS-DIR]   (default: tests; the directory that holds rules-bad/)
 *
 * Prints TAP.  tests/rules-bad is a rules directory: sites/CASE.yaml is a
 * broken site file and CASE.expected holds the messages the loader must
 * print for it, one "file:line:col: message" per line, exactly.  A case is
 * loaded the way strip-boilerplate loads a site: rules_load(), then every
 * 'match' pattern through rx_compile().  The NFC cases are written to a
 * temporary directory, so that the two spellings of য় are explicit bytes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules.h"
#include "rx.h"
#include "text.h"
#include "util.h"
#include "yml.h"

/* ---- a little TAP (tap.h) ---- */

#include "tap.h"

static void
diag_text(const char *label, const char *s)
{
	const char *p = s, *nl;

	if (s == NULL) {
		printf("# %s (null)\n", label);
		return;
	}
	printf("# %s\n", label);
	while (*p) {
		nl = strchr(p, '\n');
		printf("#   %.*s\n", nl ? (int)(nl - p) : (int)strlen(p), p);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

static int
is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list ap;
	int pass = got != NULL && want != NULL && strcmp(got, want) == 0;

	va_start(ap, fmt);
	vtap(pass, fmt, ap);
	va_end(ap);
	if (!pass) {
		diag_text("got:", got);
		diag_text("expected:", want);
	}
	return pass;
}

/* ---- capturing stderr ---- */

static FILE *capfp;
static int savedfd = -1;

static void
capture(void)
{
	fflush(stderr);
	if ((capfp = tmpfile()) == NULL || (savedfd = dup(2)) < 0 || dup2(fileno(capfp), 2) < 0) {
		perror("capture");
		exit(99);
	}
}

/*
 * Stop capturing and return the messages (free them), each line without
 * its "khobor: " prefix: the expected files hold what follows it.
 */
static char *
captured(void)
{
	static const char pfx[] = "khobor: ";
	struct buf out = {0};
	char line[4096];

	fflush(stderr);
	dup2(savedfd, 2);
	close(savedfd);
	rewind(capfp);
	buf_add(&out, "", 0);	/* a string even when empty */
	while (fgets(line, sizeof(line), capfp) != NULL)
		buf_adds(&out, strncmp(line, pfx, sizeof(pfx) - 1) == 0 ? line + sizeof(pfx) - 1 : line);
	fclose(capfp);
	return out.s;
}

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	struct buf b = {0};
	char chunk[4096];
	size_t n;

	if (fp == NULL)
		return NULL;
	buf_add(&b, "", 0);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	return b.s;
}

static void
spew(const char *path, const char *s)
{
	FILE *fp = fopen(path, "wb");

	if (fp == NULL || fputs(s, fp) == EOF || fclose(fp) != 0) {
		perror(path);
		exit(99);
	}
}

/* ---- loading a site as a filter does ---- */

/*
 * What load_site() compiled from a site, kept in its priv (freed by free_match).
 */
struct compiled {
	struct rx **rx;
	size_t n;
};

static void
free_match(void *p)
{
	struct compiled *c = p;
	size_t i;

	for (i = 0; i < c->n; i++)
		rx_free(c->rx[i]);
	free(c->rx);
	free(c);
}

/*
 * Load site S and compile its 'match' patterns.  Returns the number of
 * patterns compiled, or -1 if anything failed.
 */
static int
load_site(struct rules *r, struct site *s)
{
	const struct yml *n;
	struct compiled *c;
	size_t i, nitems;
	int failed = 0;

	if (rules_load(r, s) < 0)
		return -1;
	c = s->priv = ecalloc(1, sizeof(*c));
	if ((n = rules_section(s, "match")) == NULL)
		return 0;
	/* A scalar or a list of them; anything else goes to rx_compile as it is. */
	nitems = n->type == YML_SEQ ? n->nkid : 1;
	c->rx = ecalloc(nitems, sizeof(*c->rx));
	for (i = 0; i < nitems; i++) {
		char name[64];

		snprintf(name, sizeof(name), "%s/match[%zu]", s->name, i);
		if ((c->rx[c->n] = rx_compile(s->doc, n->type == YML_SEQ ? n->kid[i] : n, name, 0)) != NULL)
			c->n++;
		else
			failed = 1;
	}
	return failed ? -1 : (int)c->n;
}

/*
 * Cases whose expected messages are right but whose output is not, yet:
 * known bugs, reported as TODO so that the suite still passes and the bug
 * stays visible.  Each says what is wrong.
 */
static const struct {
	const char *site, *why;
} known_bugs[] = {
	{ NULL, NULL }
};

static const char *
known_bug(const char *site)
{
	size_t i;

	for (i = 0; known_bugs[i].site; i++)
		if (strcmp(known_bugs[i].site, site) == 0)
			return known_bugs[i].why;
	return NULL;
}

static void
test_broken_files(void)
{
	struct rules *r = rules_open("rules-bad");
	struct site *d;
	size_t i, sorted = 1;
	char *msg;
	int rc;

	is_str(r->dir, "rules-bad", "rules_open: the directory given");
	ok(r->nsites >= 20, "rules_open: %zu site files found in rules-bad/sites", r->nsites);
	for (i = 1; i < r->nsites; i++)
		if (strcmp(r->sites[i - 1].name, r->sites[i].name) >= 0)
			sorted = 0;
	ok(sorted, "rules_open: sites sorted by name");
	ok(rules_find(r, "no-such-site") == NULL, "rules_find: no such site gives NULL");
	ok(r->nsites > 0 && rules_find(r, r->sites[r->nsites - 1].name) == &r->sites[r->nsites - 1],
	    "rules_find: finds the last site");
	d = rules_find(r, "default");
	ok(d == &r->deflt, "rules_find: 'default' is the fallback");
	capture();
	rc = rules_load(r, d);
	msg = captured();
	ok(rc == 0 && *msg == '\0', "the valid default.yaml loads without a message");
	if (*msg)
		diag_text("stderr:", msg);
	free(msg);
	is_str(d->zone, "Asia/Dhaka", "default.yaml: zone");
	ok(d->nlangs == 2 && strcmp(d->langs[0]->str, "bn") == 0 && strcmp(d->langs[1]->str, "en") == 0,
	    "default.yaml: lang [bn, en]");

	for (i = 0; i < r->nsites; i++) {
		struct site *s = &r->sites[i];
		char path[512];
		char *want;
		unsigned before = yml_nerrors;

		snprintf(path, sizeof(path), "rules-bad/%s.expected", s->name);
		want = slurp(path);
		capture();
		rc = load_site(r, s);
		msg = captured();
		ok(rc < 0 && yml_nerrors > before, "%s: refused, errors counted", s->name);
		todo = known_bug(s->name);
		if (want == NULL)
			ok(0, "%s: has an expected file %s", s->name, path);
		else
			is_str(msg, want, "%s: messages as in %s", s->name, path);
		todo = NULL;
		free(want);
		free(msg);

		/* A broken site stays broken, quietly: a filter asks again for every page. */
		capture();
		rc = rules_load(r, s);
		msg = captured();
		ok(*msg == '\0', "%s: loading again prints nothing", s->name);
		free(msg);
	}
	rules_free(r, free_match);
}

/* $KHOBOR_RULES chooses the directory when none is given. */
static void
test_env(void)
{
	struct rules *r;

	setenv("KHOBOR_RULES", "rules-bad", 1);
	r = rules_open(NULL);
	is_str(r->dir, "rules-bad", "rules_open(NULL) takes $KHOBOR_RULES");
	rules_free(r, NULL);
}

/*
 * NFC: য় typed precomposed (U+09DF) in a rule matches the decomposed
 * form (U+09AF U+09BC) the pages use, and a rule typed decomposed matches
 * a page written with the precomposed letter once the page is normalized,
 * as every filter does with its input.
 */
#define YA_PRE "\xE0\xA7\x9F"			/* U+09DF */
#define YA_DEC "\xE0\xA6\xAF\xE0\xA6\xBC"	/* U+09AF U+09BC */

static int
match_text(struct rx *re, const char *s)
{
	return rx_exec(re, s, strlen(s), 0, 0) == RX_MATCH;
}

static void
test_nfc(void)
{
	char dir[] = "/tmp/khobor-rules-unit.XXXXXX", path[256];
	struct rules *r;
	struct site *pre, *dec;
	struct compiled *c;
	struct buf page = {0};
	char *msg;

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(99);
	}
	snprintf(path, sizeof(path), "%s/sites", dir);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/sites/pre.yaml", dir);
	spew(path, "match: '^কা" YA_PRE "া [\\p{L}\\p{M}]+$'\n");
	snprintf(path, sizeof(path), "%s/sites/dec.yaml", dir);
	spew(path, "match: \"^কা" YA_DEC "া [\\\\p{L}\\\\p{M}]+$\"\n");

	r = rules_open(dir);
	pre = rules_find(r, "pre");
	dec = rules_find(r, "dec");
	capture();
	ok(pre && load_site(r, pre) == 1, "nfc: a rule typed with precomposed U+09DF loads");
	ok(dec && load_site(r, dec) == 1, "nfc: a rule typed with decomposed U+09AF U+09BC loads");
	msg = captured();
	is_str(msg, "", "nfc: no messages");
	free(msg);
	if (pre == NULL || dec == NULL || pre->priv == NULL || dec->priv == NULL ||
	    ((struct compiled *)pre->priv)->n != 1 || ((struct compiled *)dec->priv)->n != 1) {
		rules_free(r, free_match);
		return;
	}
	ok(strstr(yml_get(pre->root, "match")->str, YA_DEC) != NULL &&
	    strstr(yml_get(pre->root, "match")->str, YA_PRE) == NULL,
	    "nfc: the precomposed rule text is stored decomposed (NFC)");
	c = pre->priv;
	ok(match_text(c->rx[0], "কা" YA_DEC "া বাহিনী"),
	    "nfc: the precomposed rule matches decomposed page text");
	ok(!match_text(c->rx[0], "কা" YA_PRE "া বাহিনী"),
	    "nfc: (raw precomposed text does not match: normalizing the page matters)");
	text_nfc("কা" YA_PRE "া বাহিনী", strlen("কা" YA_PRE "া বাহিনী"), &page);
	ok(match_text(c->rx[0], page.s), "nfc: the precomposed rule matches precomposed page text once normalized");
	c = dec->priv;
	ok(match_text(c->rx[0], page.s), "nfc: the decomposed rule matches precomposed page text once normalized");
	ok(match_text(c->rx[0], "কা" YA_DEC "া বাহিনী"), "nfc: the decomposed rule matches decomposed page text");
	ok(strcmp(page.s, "কা" YA_DEC "া বাহিনী") == 0, "nfc: text_nfc decomposes U+09DF (a composition exclusion)");
	buf_free(&page);
	rules_free(r, free_match);

	snprintf(path, sizeof(path), "%s/sites/pre.yaml", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/sites/dec.yaml", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/sites", dir);
	rmdir(path);
	rmdir(dir);
}

/* The key names of DOC's top-level mapping with their lines, "name@1 match@7". */
static char *
top_keys(const struct ymldoc *doc)
{
	struct buf b = {0};
	size_t i;

	buf_add(&b, "", 0);
	for (i = 0; doc && doc->root && i < yml_npairs(doc->root); i++)
		buf_printf(&b, "%s%s@%u", i ? " " : "", yml_key(doc->root, i)->str, yml_key(doc->root, i)->line);
	return b.s;
}

/* One yml_load_without() case: FILE's text, the keys it must give, the messages. */
static void
without_case(const char *dir, const char *what, const char *text, const char *keys, const char *msgs)
{
	static const char *const skip[] = { "reader", "fields", NULL };
	char path[256], *got, *msg;
	struct ymldoc *doc;

	snprintf(path, sizeof(path), "%s/case.yaml", dir);
	spew(path, text);
	capture();
	doc = yml_load_without(path, skip);
	msg = captured();
	got = top_keys(doc);
	is_str(got, keys, "yml_load_without: %s: the keys and their lines", what);
	if (strcmp(msgs, "") == 0)
		is_str(msg, "", "yml_load_without: %s: no messages", what);
	else
		ok(strstr(msg, msgs) != NULL, "yml_load_without: %s: says '%s'", what, msgs);
	free(got);
	free(msg);
	yml_free(doc);
	unlink(path);
}

static void
test_without(void)
{
	char dir[] = "/tmp/khobor-yml-unit.XXXXXX";

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		exit(99);
	}
	without_case(dir, "sections left out, lines kept",
	    "# a head comment\nname: x\nreader:\n  words: [a, b]\n# a comment at column 0\n  more: 1\n"
	    "match: 'm'\nfields:\n  - name: title\n    pattern: '(?<v>.+)'\nstrip:\n  x: [1]\n",
	    "name@2 match@7 strip@11", "");
	without_case(dir, "a file with none of them",
	    "name: x\nmatch: m\n", "name@1 match@2", "");
	without_case(dir, "a key that only begins like a skipped one",
	    "readers: 1\nfields_x: 2\nreader : 3\n", "readers@1 fields_x@2", "");
	/* The file is parsed whole, then the sections are taken out of the tree:
	 * however a value goes on, it is the key as YAML reads it that counts. */
	without_case(dir, "a flow collection going on at column 0",
	    "name: x\nreader: [a,\nb]\nmatch: m\n", "name@1 match@4", "");
	without_case(dir, "a quoted value with a skipped key's name at column 0",
	    "a: \"one\nreader: two\nb: three\"\nc: 1\n", "a@1 c@4", "");
	without_case(dir, "lone carriage returns as line breaks",
	    "strip:\r  - a\rfields:\r  x: 1\r", "strip@1", "");
	without_case(dir, "a fault inside a left-out section is said (the file is parsed whole)",
	    "name: x\nreader:\n  a: [unclosed\n  b: 1\nmatch: m\n", "", "case.yaml:");
	without_case(dir, "a fault outside them is said at its line",
	    "name: x\nreader:\n  a: 1\nmatch: [unclosed\nstrip: 1\n", "",
	    "case.yaml:5:");
	without_case(dir, "a duplicate key outside them is said once",
	    "name: x\nreader:\n  a: 1\nname: y\n", "", "duplicate key 'name' (first at line 1)");
	rmdir(dir);
}

/* yml_suggest: the nearest key by Damerau's edits, a swap of two neighbours being one. */
static void
test_suggest(void)
{
	static const char *const site[] = { "name", "url", "hosts", "lang", "zone", "match", "start", "strip",
		"heuristics", "fields", "dates", "reader", NULL };
	static const struct { const char *typo, *want; } cases[] = {
		{ "stirp", "strip" },	/* Levenshtein: 2 from both, and 'start' comes first */
		{ "macth", "match" },
		{ "feilds", "fields" },
		{ "sttrip", "strip" },
		{ "strp", "strip" },
		{ "hsots", "hosts" },
		{ "frobnicate", NULL },
		{ "strip", NULL },	/* a known key is no typo */
		{ "zz", NULL },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = yml_suggest(cases[i].typo, site);

		if (cases[i].want == NULL)
			ok(got == NULL, "yml_suggest: '%s' is no typo of a site key", cases[i].typo);
		else
			is_str(got, cases[i].want, "yml_suggest: '%s' -> '%s'", cases[i].typo, cases[i].want);
	}
}

int
main(int argc, char *argv[])
{
	const char *dir = argc > 1 ? argv[1] : "tests";

	/* Line by line, so that a crash still shows the last test that ran. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (chdir(dir) != 0) {
		perror(dir);
		return 99;
	}
	test_broken_files();
	test_env();
	test_nfc();
	test_suggest();
	test_without();
	rx_cleanup();
	printf("1..%d\n", ntest);
	return nfail ? 1 : 0;
}
