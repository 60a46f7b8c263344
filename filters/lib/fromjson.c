/* fromjson.c: one JSON object per line into one record (see fromjson.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "fromjson.h"
#include "html.h"
#include "htmlsniff.h"
#include "jsonread.h"

struct fromjson {
	char *text, *html;
	char **ids, **keep, **exclude;
	size_t nids, nkeep, nexclude;
	int keep_only;
};

struct fromjson_work {
	struct jobject obj;
	struct buf where, name, value;
	struct htmlwork *hw;	/* made at the first HTML page */
};

/* ---- the compiled options ---- */

static char **
copy_list(char **list, size_t n)
{
	char **c = ecalloc(n ? n : 1, sizeof(*c));
	size_t i;

	for (i = 0; i < n; i++)
		c[i] = estrdup(list[i]);
	return c;
}

static void
free_list(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

static int
in(char **list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

struct fromjson *
fromjson_compile(const struct fromjson_opts *o)
{
	struct fromjson *fj = ecalloc(1, sizeof(*fj));

	fj->text = estrdup(o->text);
	fj->html = o->html ? estrdup(o->html) : NULL;
	fj->ids = copy_list(o->ids, fj->nids = o->nids);
	fj->keep = copy_list(o->keep, fj->nkeep = o->nkeep);
	fj->exclude = copy_list(o->exclude, fj->nexclude = o->nexclude);
	fj->keep_only = o->keep_only;
	return fj;
}

void
fromjson_free(struct fromjson *fj)
{
	if (fj == NULL)
		return;
	free(fj->text);
	free(fj->html);
	free_list(fj->ids, fj->nids);
	free_list(fj->keep, fj->nkeep);
	free_list(fj->exclude, fj->nexclude);
	free(fj);
}

struct fromjson_work *
fromjson_work_new(void)
{
	return ecalloc(1, sizeof(struct fromjson_work));
}

void
fromjson_work_free(struct fromjson_work *w)
{
	if (w == NULL)
		return;
	jobject_clear(&w->obj);
	free(w->obj.m);
	buf_free(&w->where);
	buf_free(&w->name);
	buf_free(&w->value);
	html_work_free(w->hw);
	free(w);
}

/* ---- one line ---- */

int
fromjson_header_name(const char *key, struct buf *out)
{
	const char *p;

	buf_reset(out);
	for (p = key; *p; p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			c = '_';
		buf_addc(out, c);
	}
	return out->len > 0 && record_name_ok(out->s, out->len);
}

/* Add header NAME with value V made one line: its line breaks and tabs become spaces. */
static void
add_flat(struct fromjson_work *w, struct record *rec, const char *name, const char *v)
{
	char *p;

	buf_reset(&w->value);
	buf_adds(&w->value, v);
	for (p = w->value.s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	record_add(rec, name, w->value.s);
}

/* Is member M, not the text, to be copied as headers? */
static int
wanted(const struct fromjson *fj, const struct jmember *m, const struct jmember *id)
{
	/* The id is the source header, and not a header of its own as well. */
	if (m == id && strcmp(m->key, "url") != 0)
		return 0;
	/* The page's HTML is the body, as the text is. */
	if (fj->html && strcmp(m->key, fj->html) == 0)
		return 0;
	if (fj->keep_only ? !in(fj->keep, fj->nkeep, m->key) : in(fj->exclude, fj->nexclude, m->key))
		return 0;
	/* A nested object is no header value; null is no value at all. */
	return m->type != J_OBJECT && m->type != J_NULL;
}

/* The source header: the id member's value, or the file and line. */
static void
add_source(const struct fromjson *fj, struct fromjson_work *w, struct record *rec,
    const struct jmember *id)
{
	if (id && id->nitem == 1 && id->type != J_OBJECT && id->type != J_ARRAY && id->item[0][0]) {
		add_flat(w, rec, "source", id->item[0]);
	} else {
		record_add(rec, "source", w->where.s);
		record_warning(rec, "%s: no id (looked for %s); the source is the line", w->where.s, fj->ids[0]);
	}
}

int
fromjson_convert(const struct fromjson *fj, struct fromjson_work *w, const char *file,
    unsigned long lineno, const char *line, size_t len, struct record *rec)
{
	struct jobject *obj = &w->obj;
	const struct jmember *text, *html, *id = NULL;
	const char *err, *loc;
	size_t pos, i, k;

	record_clear(rec);
	rec->no = lineno;
	buf_reset(&w->where);
	buf_printf(&w->where, "%s:%lu", file, lineno);
	if (len > 0 && line[len - 1] == '\n')
		len--;
	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (json_read_object(line, len, obj, &err, &pos) < 0) {
		record_add(rec, "source", w->where.s);
		record_error(rec, "not a JSON object: %s (at byte %zu); the line is kept as the body",
		    err, pos + 1);
		record_set_body(rec, line, len);
		return rec->nerrors;
	}
	for (i = 0; i < fj->nids && id == NULL; i++)
		id = jobject_get(obj, fj->ids[i]);
	add_source(fj, w, rec, id);
	/* The line goes into a message unless the source already is the line. */
	loc = id != NULL ? w->where.s : NULL;
	for (i = 0; i < obj->n; i++) {
		const struct jmember *m = &obj->m[i];

		if (strcmp(m->key, fj->text) == 0 || !wanted(fj, m, id))
			continue;
		if (!fromjson_header_name(m->key, &w->name) || strcmp(w->name.s, "source") == 0) {
			record_warning(rec, "member \"%.40s\" cannot be a header name; left out", m->key);
			continue;
		}
		for (k = 0; k < m->nitem; k++)
			add_flat(w, rec, w->name.s, m->item[k]);
	}
	text = jobject_get(obj, fj->text);
	html = fj->html ? jobject_get(obj, fj->html) : NULL;
	if (html && html->type == J_STRING)
		text = html;
	if (text == NULL || text->type != J_STRING) {
		record_error(rec, "%s%sno \"%s\" string member with the page text%s%s%s", loc ? loc : "", loc ? ": " : "", fj->text,
		    fj->html ? " (nor \"" : "", fj->html ? fj->html : "", fj->html ? "\" with its HTML)" : "");
	} else if (text == html || html_looks_like(text->item[0], strlen(text->item[0]))) {
		/* A string is UTF-8 whatever the page's <meta charset> says. */
		struct html_source src = { NULL, text->item[0], strlen(text->item[0]) };
		struct html_opts ho = { NULL, "UTF-8" };

		if (w->hw == NULL)
			w->hw = html_work_new();
		html_render(w->hw, &src, &ho, rec);
		if (obj->nuls > 0)
			record_warning(rec, "%s%s%zu NUL character%s (\\u0000) written as U+FFFD", loc ? loc : "", loc ? ": " : "",
			    obj->nuls, obj->nuls == 1 ? "" : "s");
	} else {
		record_set_body(rec, text->item[0], strlen(text->item[0]));
		if (obj->nuls > 0)
			record_warning(rec, "%s%s%zu NUL character%s (\\u0000) written as U+FFFD", loc ? loc : "", loc ? ": " : "",
			    obj->nuls, obj->nuls == 1 ? "" : "s");
	}
	return rec->nerrors;
}

/* ---- JSON Lines as a filter input ---- */

struct lines {
	FILE *fp;
	const char *name;
	const struct fromjson *fj;
	struct fromjson_work *w;
	char *line;
	size_t cap;
	unsigned long lineno;
	int failed;		/* a read error: the input ended early */
};

static void *
lines_open(FILE *fp, const char *name, void *ctx)
{
	struct lines *l = ecalloc(1, sizeof(*l));

	l->fp = fp;
	l->name = name;
	l->fj = ctx;
	l->w = fromjson_work_new();
	return l;
}

static int
lines_next(void *state, struct record *rec)
{
	struct lines *l = state;
	ssize_t n = getline(&l->line, &l->cap, l->fp);

	if (n <= 0) {
		if (ferror(l->fp)) {
			warnx("%s: read error: %s", l->name, strerror(errno));
			l->failed = 1;
		}
		return 0;
	}
	fromjson_convert(l->fj, l->w, l->name, ++l->lineno, l->line, (size_t)n, rec);
	return 1;
}

static int
lines_close(void *state)
{
	struct lines *l = state;
	int failed = l->failed;

	fromjson_work_free(l->w);
	free(l->line);
	free(l);
	return failed;
}

const struct filter_input fromjson_input = { lines_open, lines_next, lines_close, NULL };
