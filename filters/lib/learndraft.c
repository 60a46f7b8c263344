/*
 * learndraft.c: the draft of khobor learn, written and tried (see learn.h).
 *
 * The draft is written to a temporary file, compiled by the library's
 * engines exactly as the filters compile it, and applied to the site's
 * pages, with --explain's messages telling which rule took which line: so
 * the counts its comments give are what the rules do.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fields.h"
#include "hzone.h"
#include "learn.h"
#include "learnint.h"
#include "split.h"
#include "strip.h"
#include "text.h"
#include "util.h"

/* ---- writing ---- */

static void
quote(FILE *fp, const char *s)
{
	fputc('\'', fp);
	for (; *s; s++) {
		if (*s == '\'')
			fputc('\'', fp);
		fputc(*s, fp);
	}
	fputc('\'', fp);
}

/* An example line, as a comment can hold it: at most 70 characters. */
static void
example(FILE *fp, const char *s, size_t n)
{
	int cut, q;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (n > 0 && *s == ' ')
		s++, n--;
	q = text_quote(s, n, 70, &cut);
	fprintf(fp, "\"%.*s%s\"", q, s, cut ? "..." : "");
}

static void
page_example(FILE *fp, const struct learner *l, size_t k, size_t i)
{
	example(fp, page_line(&l->p[k].pg, i), l->p[k].pg.l[i].len);
}

/*
 * Copy section KEY of default.yaml as it is written there, comments and
 * all, from its key to the line before the next top-level key (less the
 * comments and blank lines that belong to that next key).
 */
static void
copy_default(FILE *fp, const struct learner *l, const char *key)
{
	const struct site *d = &l->r->deflt;
	const struct yml *root = d->root;
	unsigned from = 0, to = (unsigned)-1, no = 0;
	size_t i, cap = 0, len;
	char *line = NULL, **keep = NULL;
	size_t nkeep = 0;
	ssize_t got;
	FILE *in;

	if (root == NULL)
		return;
	for (i = 0; i < yml_npairs(root); i++)
		if (strcmp(yml_key(root, i)->str, key) == 0) {
			from = yml_key(root, i)->line;
			if (i + 1 < yml_npairs(root))
				to = yml_key(root, i + 1)->line;
		}
	if (from == 0 || (in = fopen(d->file, "r")) == NULL)
		return;
	while ((got = getline(&line, &cap, in)) > 0) {
		if (++no < from)
			continue;
		if (no >= to)
			break;
		keep = erealloc(keep, (nkeep + 1) * sizeof(*keep));
		keep[nkeep++] = estrdup(line);
	}
	fclose(in);
	free(line);
	while (nkeep > 1 && (keep[nkeep - 1][0] == '#' || keep[nkeep - 1][0] == '\n'))
		free(keep[--nkeep]);
	for (i = 0; i < nkeep; i++) {
		len = strlen(keep[i]);
		fwrite(keep[i], 1, len, fp);
		if (len == 0 || keep[i][len - 1] != '\n')
			fputc('\n', fp);
		free(keep[i]);
	}
	free(keep);
}

static void
write_rule(FILE *fp, const struct learner *l, const struct rule *r, int counts)
{
	if (counts) {
		fprintf(fp, "    # %s%u of %zu pages", r->origin ? "From default.yaml: " : "", r->pages, l->np);
		if (r->shape != (size_t)-1 && r->kind == K_DROP) {
			const struct shape *s = &l->s[r->shape];

			fprintf(fp, ", at the %s", learn_at_bottom(s) ? "bottom" : "top");
		}
		if (r->has_ex) {
			fputs(r->kind == K_CUT ? ", from " : ", e.g. ", fp);
			page_example(fp, l, r->ex_page, r->ex_line);
		}
		if (r->inside)
			fprintf(fp, "; %u line%s inside an article: check", r->inside, r->inside == 1 ? "" : "s");
		if (r->origin && r->pages == 0)
			fputs(" (kept for pages unlike these)", fp);
		fputc('\n', fp);
		if (r->kind == K_CUT && r->origin == NULL && r->box)
			fputs("    # (a box inside the article: the line and the one after it, a related headline)\n", fp);
		else if (r->kind == K_CUT && r->origin == NULL)
			fputs("    # (all after it recurs on other pages or is a list of teasers)\n", fp);
	}
	fprintf(fp, "    - id: %s\n      %s: ", r->id, r->kind == K_CUT ? "from" : "pattern");
	quote(fp, r->pat);
	fputc('\n', fp);
	if (r->to) {
		fputs("      to: ", fp);
		quote(fp, r->to);
		fputc('\n', fp);
	}
}

void
learn_write_draft(FILE *fp, struct learner *l, int counts)
{
	size_t i, k;

	fprintf(fp, "# rules/sites/%s.yaml: a draft by khobor learn from %zu pages:\n", l->name, l->np);
	for (k = 0; k < l->np; k++)
		fprintf(fp, "#   %s\n", l->p[k].source);
	fputs("# Each rule says on how many of these pages it fired, with an example line.\n"
	    "# Review every rule, try the file with strip-boilerplate --explain and\n"
	    "# extract-meta --explain, and give it fixtures (khobor-rules(5), ADDING A SITE).\n\n", fp);
	fprintf(fp, "name: %s\n", l->name);
	if (l->nhosts > 0) {
		fprintf(fp, "url: https://%s\nhosts: [", l->hosts[0]);
		for (i = 0; i < l->nhosts; i++)
			fprintf(fp, "%s%s", i ? ", " : "", l->hosts[i]);
		fputs("]\n", fp);
	} else {
		fputs("# url: https://HOST and hosts: [HOST, ...]: give --hosts to fill them in.\n", fp);
	}
	/*
	 * The languages of default.yaml, so that the draft reads every date the
	 * default rules read: an Indian outlet's "Nov 24, 2025 | 4:42 PM" is
	 * English.  The reader still writes page_zone for an Indian page.
	 */
	fputs("lang: [bn, en]\n# Check: the time zone of the site's dates (Bangladesh is UTC+06:00;\n"
	    "# the reader puts a page it knows for Indian in Asia/Kolkata).\nzone: Asia/Dhaka\n\n", fp);

	fprintf(fp, "# A page is %s's when any of these is found in it: lines outside the\n"
	    "# articles, on none of the %zu pages of other sites it was tried on.\n", l->name, l->no);
	if (l->unknown)
		fprintf(fp, "# (%zu fixture pages of no known site were not tried: they may be %s's.)\n",
		    l->unknown, l->name);
	if (l->nmatch == 0) {
		fputs("# None was found: write one (a line only this site prints).\nmatch: []\n", fp);
	} else {
		fputs("match:\n", fp);
		for (i = 0; i < l->nmatch; i++) {
			const struct shape *s = &l->s[l->match[i].shape];

			if (counts) {
				fprintf(fp, "  # %u of %zu pages, at the %s: ", l->match[i].pages, l->np,
				    learn_at_bottom(s) ? "bottom" : "top");
				page_example(fp, l, s->page, s->line);
				fputc('\n', fp);
			}
			fputs("  - ", fp);
			quote(fp, l->match[i].pat);
			fputc('\n', fp);
		}
	}
	fputc('\n', fp);
	if (l->start) {
		fprintf(fp, "# Where a page starts in a dump of glued pages (--split): %u of %zu pages.\n",
		    l->start_pages, l->np);
		if (l->start_note == 1)
			fputs("# Left out: its line is not at one line number on every page; write one.\n# ", fp);
		else if (l->start_note == 2)
			fputs("# Left out: it finds a place in another site's page; write one.\n# ", fp);
		fputs("start: ", fp);
		quote(fp, l->start);
		fputs("\n\n", fp);
	}

	fputs("strip:\n", fp);
	for (k = 0; k < K_NKINDS; k++) {
		int any = 0;

		for (i = 0; i < l->nrule; i++) {
			if (l->rule[i].dead || l->rule[i].kind != (enum kind)k)
				continue;
			if (!any++)
				fprintf(fp, "  %s:\n", learn_kind_key[k]);
			write_rule(fp, l, &l->rule[i], counts);
		}
	}
	if (l->dedupe_pages > 0) {
		fprintf(fp, "  # %u of %zu pages print a line twice in a row, e.g. ", l->dedupe_pages, l->np);
		page_example(fp, l, l->dd_page, l->dd_line);
		fputs("\n  dedupe: true\n", fp);
	}
	fputc('\n', fp);

	fputs("# The header zone: the default reader (khobor-rules(5), READER) and its\n"
	    "# fields, default.yaml's as they are there and as they will be.  On these\n"
	    "# pages, after the strip rules above:\n", fp);
	for (i = 0; counts && i < l->nfc; i++) {
		fprintf(fp, "#   %-15s %u of %zu pages", l->fc[i].name, l->fc[i].pages, l->np);
		if (l->fc[i].example) {
			fputs(", e.g. ", fp);
			example(fp, l->fc[i].example, strlen(l->fc[i].example));
			if (l->fc[i].label && l->fc[i].labelled > 0) {
				fprintf(fp, ", after \"%s\" on %u", l->fc[i].label, l->fc[i].labelled);
				fputs(l->fc[i].labelled == 1 ? " page" : " pages", fp);
			} else if (l->fc[i].line > 0) {
				fprintf(fp, ", line %zu of the first page", l->fc[i].line);
			}
		}
		fputc('\n', fp);
	}
	fputs("# Where it reads a field wrong, write field rules for it in place of\n"
	    "# 'fields: default' (see rules/sites/kalbela.yaml) and take the reader out,\n"
	    "# or copy default.yaml's reader here and change it.\n", fp);
	copy_default(fp, l, "dates");
	fputs("reader: default\nfields: default\n", fp);
}

/* ---- trying the draft ---- */

static struct rule *
rule_by_label(struct learner *l, const char *label, size_t n)
{
	size_t i, idl;

	for (i = 0; i < l->nrule; i++) {
		idl = strlen(l->rule[i].id);
		if (!l->rule[i].dead && n > idl && label[n - idl - 1] == ' ' &&
		    memcmp(label + n - idl, l->rule[i].id, idl) == 0 &&
		    memmem(label, n, learn_kind_key[l->rule[i].kind], strlen(learn_kind_key[l->rule[i].kind])) != NULL)
			return &l->rule[i];
	}
	return NULL;
}

/* One --explain message of the strip engine: which rule took which line of page K. */
static void
tell(struct learner *l, size_t k, const char *msg, const char *file)
{
	const char *f = strstr(msg, file), *p, *lab, *e;
	size_t line = 0, mul = 1;
	struct rule *r;

	if (f == NULL || f - msg < 3)
		return;
	/* "...:LINE: FILE..." */
	for (p = f - 3; p > msg && *p >= '0' && *p <= '9'; p--) {
		line += (size_t)(*p - '0') * mul;
		mul *= 10;
	}
	p = f + strlen(file);
	if (*p == ':')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	if (strncmp(p, ": ", 2) != 0)
		return;
	lab = p + 2;
	if ((e = strstr(lab, ": ")) == NULL || line == 0 || line > l->p[k].pg.nl)
		return;
	if (strncmp(e + 2, "into", 4) == 0)
		return;
	if ((size_t)(e - lab) >= 12 && memcmp(e - 12, "strip.dedupe", 12) == 0)
		return;
	if ((r = rule_by_label(l, lab, (size_t)(e - lab))) == NULL)
		return;
	if (r->seen != k + 1) {
		r->pages++;
		r->seen = k + 1;
	}
	if (!r->has_ex) {
		r->has_ex = 1;
		r->ex_page = k;
		r->ex_line = line - 1;
	}
	if (l->p[k].zone[line - 1] == Z_IN)
		r->inside++;
}

static void
count_field(struct learner *l, const struct lpage *p, const struct record *rec, const char *name)
{
	struct fieldcount *fc = NULL;
	const char *v = record_get(rec, name);
	size_t i;

	for (i = 0; i < l->nfc; i++)
		if (strcmp(l->fc[i].name, name) == 0)
			fc = &l->fc[i];
	if (fc == NULL) {
		if (l->nfc == sizeof(l->fc) / sizeof(l->fc[0]))
			return;
		fc = &l->fc[l->nfc++];
		memset(fc, 0, sizeof(*fc));
		fc->name = name;
	}
	if (v == NULL)
		return;
	fc->pages++;
	if (fc->example == NULL)
		fc->example = estrdup(v);
	/* The label before a date ("প্রকাশ :"), and the line the value is on. */
	for (i = 0; i < p->pg.nl; i++) {
		const char *s = page_line(&p->pg, i), *at;
		size_t n = p->pg.l[i].len, vl = strlen(v);

		if (vl == 0 || (at = memmem(s, n, v, vl)) == NULL)
			continue;
		if (fc->line == 0)
			fc->line = i + 1;
		if (at > s && at - s <= 60 && fc->label == NULL &&
		    (strcmp(name, "published") == 0 || strcmp(name, "updated") == 0))
			fc->label = estrndup(s, (size_t)(at - s));
		if (fc->label && (size_t)(at - s) == strlen(fc->label) && memcmp(s, fc->label, (size_t)(at - s)) == 0)
			fc->labelled++;
		break;
	}
}

/*
 * Write the draft to a temporary file, compile it as the filters do, and
 * apply it to every page, counting what each rule takes.  Returns 0, or -1
 * if the file cannot be made or the draft does not compile.
 */
int
learn_try_draft(struct learner *l, int counts)
{
	static const char *const names[] = {
		"title", "author", "published", "updated", "edition", "page_date", "image_caption",
		"image_credit", "agency", "dateline_place", NULL
	};
	struct site ts, *fsite, *rsite;
	struct stripset *set = NULL;
	struct fieldset *fs = NULL;
	struct hzoneset *rs = NULL;
	struct hzonework *hw = NULL;
	struct fieldwork *fw = NULL;
	struct page pg = {0};
	struct record rec = {0};
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	int fd, none, rc = -1;
	FILE *fp;
	size_t i, k;

	snprintf(path, sizeof(path), "%s/khobor-learn-XXXXXX.yaml", tmp && *tmp ? tmp : "/tmp");
	if ((fd = mkstemps(path, 5)) < 0 || (fp = fdopen(fd, "w")) == NULL) {
		warnx("%s: cannot make a temporary file: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	learn_write_draft(fp, l, counts);
	if (fclose(fp) != 0) {
		warnx("%s: cannot write: %s", path, strerror(errno));
		unlink(path);
		return -1;
	}
	memset(&ts, 0, sizeof(ts));
	ts.name = l->name;
	ts.file = path;
	if (rules_load(l->r, &ts) < 0 || (set = strip_compile(&ts)) == NULL ||
	    (fsite = rules_uses(l->r, &ts, "fields")) == NULL || (rsite = rules_uses(l->r, &ts, "reader")) == NULL ||
	    (fs = fields_compile(fsite)) == NULL ||
	    ((rs = hzone_compile(rsite, l->r->dir, &none)) == NULL && !none) || split_check(&ts) < 0) {
		warnx("the draft does not compile (a bug of khobor learn; the draft is kept in %s)", path);
		goto done;
	}
	for (i = 0; i < l->nrule; i++)
		l->rule[i].pages = l->rule[i].inside = 0, l->rule[i].seen = 0, l->rule[i].has_ex = 0;
	for (i = 0; i < l->nfc; i++) {
		free(l->fc[i].example);
		free(l->fc[i].label);
		l->fc[i].example = l->fc[i].label = NULL;
	}
	l->nfc = 0;
	hw = hzone_work_new();
	fw = fields_work_new();
	for (k = 0; k < l->np; k++) {
		char *msgs = NULL, *m, *nl;
		size_t mlen = 0;
		FILE *ex = open_memstream(&msgs, &mlen);

		if (ex == NULL)
			die(EXIT_MEMORY, "out of memory");
		record_clear(&rec);
		if (page_load(&pg, &rec, l->p[k].source, l->p[k].pg.text.s ? l->p[k].pg.text.s : "",
		    l->p[k].pg.text.len) == 0)
			strip_apply(set, &pg, ex);
		fclose(ex);
		for (m = msgs; m && *m; m = nl ? nl + 1 : m + strlen(m)) {
			nl = strchr(m, '\n');
			if (nl)
				*nl = '\0';
			tell(l, k, m, path);
		}
		free(msgs);
		page_finish(&pg, &rec);
		if (rs) {
			hzone_apply(rs, hw, &rec, NULL);
			fields_body_nfc(fw);
		}
		fields_apply(fs, fw, &rec, NULL);
		for (i = 0; names[i]; i++)
			count_field(l, &l->p[k], &rec, names[i]);
	}
	for (i = 0; i < l->nmatch; i++) {
		struct rx *re = learn_compile(l->match[i].pat, 0);

		l->match[i].pages = 0;
		for (k = 0; re && k < l->np; k++)
			l->match[i].pages += learn_hit(re, l->p[k].pg.text.s ? l->p[k].pg.text.s : "", l->p[k].pg.text.len);
		rx_free(re);
	}
	rc = 0;
done:
	unlink(path);
	strip_free(set);
	fields_free(fs);
	hzone_free(rs);
	hzone_work_free(hw);
	fields_work_free(fw);
	page_free(&pg);
	record_free(&rec);
	yml_free(ts.doc);
	free(ts.langs);
	return rc;
}
