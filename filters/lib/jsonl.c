/* jsonl.c: a record as one JSON object on one line (see jsonl.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "json.h"
#include "jsonl.h"

/* What the options say about one key. */
enum { K_ARRAY = 1, K_NUMBER = 2, K_EXCLUDE = 4 };

struct keyinfo {
	char *name;		/* owned: the key in spec->info */
	const char *out;	/* the name to write, after --rename (NULL: name) */
	unsigned flags;
};

/* One key of --fields: the body as text or paragraphs, or a header. */
enum fieldkind { F_HEADER, F_TEXT, F_PARAGRAPHS };

struct outkey {
	enum fieldkind kind;
	const char *name;	/* the header name (owned by its keyinfo) */
	const struct keyinfo *ki;
};

struct jsonl_spec {
	int ascii;
	int text, paragraphs;		/* without --fields: write them? */
	const char *text_key, *para_key;	/* their names, after --rename */
	struct outkey *fields;		/* --fields, in order; NULL: every header */
	size_t nfields;
	struct hmap info;		/* key name -> struct keyinfo, for every key an option names */
	struct keyinfo **all;		/* the same, to free them */
	size_t nall;
};

struct jsonl_work {
	/*
	 * The keys written so far in this object, to give a key that would
	 * come twice a suffix.  The map points at the record's header names
	 * and the spec's names; only the rare suffixed keys are copied (own).
	 */
	struct hmap keys;
	char **own;
	size_t nown, capown;
	int written[3];			/* own keys written: text, paragraphs, the warning */
	struct buf key;			/* a suffixed key being built */
	/*
	 * The headers grouped by name once per record: group[i] is the index
	 * of the first header with header i's name, count[i] (at that first
	 * index) how many there are, len[i] the length of the name.  Comparing
	 * names once beats looking each name up again and again.
	 */
	size_t *group, *count, *len, cap;
	struct hmap leader;		/* header name -> index of its first header + 1 */
};

/* ---- the compiled options ---- */

static struct keyinfo *
info_get(struct jsonl_spec *spec, const char *name)
{
	struct keyinfo *ki = hmap_get(&spec->info, name, strlen(name));

	if (ki == NULL) {
		ki = ecalloc(1, sizeof(*ki));
		ki->name = estrdup(name);
		hmap_put(&spec->info, ki->name, strlen(ki->name), ki);
		spec->all = erealloc(spec->all, (spec->nall + 1) * sizeof(*spec->all));
		spec->all[spec->nall++] = ki;
	}
	return ki;
}

static void
info_flag(struct jsonl_spec *spec, char **names, size_t n, unsigned flag)
{
	size_t i;

	for (i = 0; i < n; i++)
		info_get(spec, names[i])->flags |= flag;
}

static const struct keyinfo *
info_find(const struct jsonl_spec *spec, const char *name, size_t len)
{
	return spec->info.n > 0 ? hmap_get(&spec->info, name, len) : NULL;
}

static const char *
out_name(const struct keyinfo *ki, const char *name)
{
	return ki && ki->out ? ki->out : name;
}

struct jsonl_spec *
jsonl_compile(const struct jsonl_opts *o)
{
	struct jsonl_spec *spec = ecalloc(1, sizeof(*spec));
	const struct keyinfo *ki;
	size_t i;

	spec->ascii = o->ascii;
	for (i = 0; i < o->nrename; i++) {
		struct keyinfo *r = info_get(spec, o->rename_from[i]);

		if (r->out == NULL)	/* the first rename of a key wins */
			r->out = info_get(spec, o->rename_to[i])->name;
	}
	info_flag(spec, o->arrays, o->narrays, K_ARRAY);
	info_flag(spec, o->numbers, o->nnumbers, K_NUMBER);
	if (o->nfields == 0)
		info_flag(spec, o->exclude, o->nexclude, K_EXCLUDE);
	spec->text_key = out_name(info_find(spec, "text", 4), "text");
	spec->para_key = out_name(info_find(spec, "paragraphs", 10), "paragraphs");
	if (o->nfields > 0) {
		spec->fields = ecalloc(o->nfields, sizeof(*spec->fields));
		spec->nfields = o->nfields;
		for (i = 0; i < o->nfields; i++) {
			struct outkey *f = &spec->fields[i];

			if (strcmp(o->fields[i], "text") == 0) {
				f->kind = F_TEXT;
			} else if (strcmp(o->fields[i], "paragraphs") == 0) {
				f->kind = F_PARAGRAPHS;
			} else {
				f->kind = F_HEADER;
				f->ki = info_get(spec, o->fields[i]);
				f->name = f->ki->name;
			}
		}
	} else {
		ki = info_find(spec, "text", 4);
		spec->text = !(ki && (ki->flags & K_EXCLUDE));
		ki = info_find(spec, "paragraphs", 10);
		spec->paragraphs = o->paragraphs && !(ki && (ki->flags & K_EXCLUDE));
	}
	return spec;
}

void
jsonl_free(struct jsonl_spec *spec)
{
	size_t i;

	if (spec == NULL)
		return;
	for (i = 0; i < spec->nall; i++) {
		free(spec->all[i]->name);
		free(spec->all[i]);
	}
	free(spec->all);
	free(spec->fields);
	hmap_free(&spec->info);
	free(spec);
}

struct jsonl_work *
jsonl_work_new(void)
{
	return ecalloc(1, sizeof(struct jsonl_work));
}

static void
keys_reset(struct jsonl_work *w)
{
	while (w->nown > 0)
		free(w->own[--w->nown]);
	hmap_clear(&w->keys);
}

void
jsonl_work_free(struct jsonl_work *w)
{
	if (w == NULL)
		return;
	keys_reset(w);
	free(w->own);
	hmap_free(&w->keys);
	buf_free(&w->key);
	free(w->group);
	free(w->count);
	free(w->len);
	hmap_free(&w->leader);
	free(w);
}

/* ---- keys ---- */

/*
 * Write the key NAME (LEN bytes, which stay valid while the object is
 * written).  OWN says it is one of the writer's own keys (the body's, the
 * warning's), which are taken before any header's; a header that would
 * take one, or an own key written a second time (--fields text,text, or
 * text renamed onto paragraphs), gets a suffix instead.
 */
static void
put_key(const struct jsonl_spec *spec, struct jsonl_work *w, struct buf *out, int *first,
    const char *name, size_t len, int own)
{
	const char *k = name;
	int suffix = 1;

	if (!*first)
		buf_addc(out, ',');
	*first = 0;
	if (own) {
		int *written = hmap_get(&w->keys, name, len);

		if (written && !*written)
			*written = 1;
		else
			k = NULL;
	} else if (!hmap_put(&w->keys, name, len, NULL)) {
		k = NULL;
	}
	if (k == NULL) {
		do {
			buf_reset(&w->key);
			buf_printf(&w->key, "%s_%d", name, ++suffix);
		} while (hmap_has(&w->keys, w->key.s, w->key.len));
		if (w->nown == w->capown) {
			w->capown = w->capown ? 2 * w->capown : 8;
			w->own = erealloc(w->own, w->capown * sizeof(*w->own));
		}
		k = w->own[w->nown++] = estrndup(w->key.s, w->key.len);
		len = w->key.len;
		hmap_put(&w->keys, k, len, NULL);
	}
	json_string(out, k, len, spec->ascii);
	buf_addc(out, ':');
}

static const char warn_key[] = "to_jsonl_warning";

/* Take the writer's own keys, each with its flag "written" (shared when two are named alike). */
static void
keys_reserve(const struct jsonl_spec *spec, struct jsonl_work *w)
{
	keys_reset(w);
	memset(w->written, 0, sizeof(w->written));
	hmap_put(&w->keys, spec->text_key, strlen(spec->text_key), &w->written[0]);
	hmap_put(&w->keys, spec->para_key, strlen(spec->para_key), &w->written[1]);
	hmap_put(&w->keys, warn_key, sizeof(warn_key) - 1, &w->written[2]);
}

/* ---- values ---- */

/*
 * A number every consumer reads exactly: -?(0|[1-9][0-9]*), with a decimal
 * fraction allowed (dedupe's similarity, "0.91"); at most 15 digits in all.
 */
static int
is_number(const char *s)
{
	const char *p = s;
	size_t digits = 0;

	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9' || (*p == '0' && p[1] >= '0' && p[1] <= '9'))
		return 0;
	for (; *p >= '0' && *p <= '9'; p++)
		digits++;
	if (*p == '.' && p[1] >= '0' && p[1] <= '9')
		for (p++; *p >= '0' && *p <= '9'; p++)
			digits++;
	return *p == '\0' && digits <= 15;
}

static size_t
put_value(const struct jsonl_spec *spec, struct buf *out, const struct keyinfo *ki, const char *v)
{
	if (ki && (ki->flags & K_NUMBER) && is_number(v)) {
		buf_adds(out, v);
		return 0;
	}
	return json_string(out, v, strlen(v), spec->ascii);
}

/*
 * The key of the header at FROM, the first of N so called (described by
 * KI, its name LEN bytes), and their values.  GROUP, when not NULL, gives
 * the first header of each header's name (see group_headers).
 */
static size_t
put_header(const struct jsonl_spec *spec, struct jsonl_work *w, struct buf *out, int *first,
    const struct record *rec, const size_t *group, size_t from, size_t n, const struct keyinfo *ki,
    size_t len)
{
	const char *name = rec->f[from].name, *key = out_name(ki, name);
	size_t i, k = 0, bad = 0;

	put_key(spec, w, out, first, key, key == name ? len : strlen(key), 0);
	if (n == 1 && !(ki && (ki->flags & K_ARRAY)))
		return put_value(spec, out, ki, rec->f[from].value);
	buf_addc(out, '[');
	for (i = from; i < rec->nf && k < n; i++) {
		if (group ? group[i] != from : strcmp(rec->f[i].name, name) != 0)
			continue;
		if (k++)
			buf_addc(out, ',');
		bad += put_value(spec, out, ki, rec->f[i].value);
	}
	buf_addc(out, ']');
	return bad;
}

/* The body as "text", without the newline that ends it in the stream. */
static size_t
put_text(const struct jsonl_spec *spec, struct jsonl_work *w, struct buf *out, int *first,
    const struct record *rec)
{
	size_t len = rec->body.len;

	put_key(spec, w, out, first, spec->text_key, strlen(spec->text_key), 1);
	if (len > 0 && rec->body.s[len - 1] == '\n')
		len--;
	return json_string(out, rec->body.s ? rec->body.s : "", len, spec->ascii);
}

/* The body as "paragraphs": the runs of text between blank lines. */
static size_t
put_paragraphs(const struct jsonl_spec *spec, struct jsonl_work *w, struct buf *out, int *first,
    const struct record *rec)
{
	const char *p = rec->body.s ? rec->body.s : "", *end = p + rec->body.len;
	size_t bad = 0;
	int k = 0;

	put_key(spec, w, out, first, spec->para_key, strlen(spec->para_key), 1);
	buf_addc(out, '[');
	while (p < end && *p == '\n')
		p++;
	while (p < end) {
		const char *q = p, *stop;
		size_t len;

		/* A paragraph runs to the next blank line. */
		for (;;) {
			const char *nl = memchr(q, '\n', (size_t)(end - q));

			if (nl == NULL) {
				q = end;
				break;
			}
			q = nl + 1;
			if (q >= end || *q == '\n')
				break;
		}
		stop = q;
		len = (size_t)(stop - p);
		while (len > 0 && p[len - 1] == '\n')
			len--;
		if (len > 0) {
			if (k++)
				buf_addc(out, ',');
			bad += json_string(out, p, len, spec->ascii);
		}
		p = stop;
		while (p < end && *p == '\n')
			p++;
	}
	buf_addc(out, ']');
	return bad;
}

/* ---- the object ---- */

static void
group_headers(struct jsonl_work *w, const struct record *rec)
{
	size_t i;

	if (rec->nf > w->cap) {
		w->cap = rec->nf * 2;
		w->group = erealloc(w->group, w->cap * sizeof(*w->group));
		w->count = erealloc(w->count, w->cap * sizeof(*w->count));
		w->len = erealloc(w->len, w->cap * sizeof(*w->len));
	}
	hmap_clear(&w->leader);
	for (i = 0; i < rec->nf; i++) {
		const char *name = rec->f[i].name;
		size_t len = w->len[i] = strlen(name);

		if (hmap_put(&w->leader, name, len, (void *)(uintptr_t)(i + 1)))
			w->group[i] = i;
		else
			w->group[i] = (size_t)(uintptr_t)hmap_get(&w->leader, name, len) - 1;
		w->count[i] = 0;
		w->count[w->group[i]]++;
	}
}

/* Every header, grouped by name, then the body; the bad sequences replaced. */
static size_t
put_all(const struct jsonl_spec *spec, struct jsonl_work *w, struct buf *out, int *first,
    const struct record *rec)
{
	size_t i, bad = 0, tbad = 0, pbad = 0;

	group_headers(w, rec);
	for (i = 0; i < rec->nf; i++) {
		const struct keyinfo *ki;

		if (w->group[i] != i)
			continue;
		ki = info_find(spec, rec->f[i].name, w->len[i]);
		if (ki && (ki->flags & K_EXCLUDE))
			continue;
		bad += put_header(spec, w, out, first, rec, w->group, i, w->count[i], ki, w->len[i]);
	}
	if (spec->text)
		tbad = put_text(spec, w, out, first, rec);
	if (spec->paragraphs)
		pbad = put_paragraphs(spec, w, out, first, rec);
	/* The same body written twice has the same bad bytes: count them once. */
	return bad + (tbad > pbad ? tbad : pbad);
}

/* The keys of --fields, in their order. */
static size_t
put_fields(const struct jsonl_spec *spec, struct jsonl_work *w, struct buf *out, int *first,
    const struct record *rec)
{
	size_t i, j, bad = 0, bodybad = 0;

	for (i = 0; i < spec->nfields; i++) {
		const struct outkey *f = &spec->fields[i];
		size_t b = 0, n = 0, from = 0;

		switch (f->kind) {
		case F_TEXT:
			b = put_text(spec, w, out, first, rec);
			break;
		case F_PARAGRAPHS:
			b = put_paragraphs(spec, w, out, first, rec);
			break;
		case F_HEADER:
			for (j = rec->nf; j-- > 0;)
				if (strcmp(rec->f[j].name, f->name) == 0) {
					from = j;
					n++;
				}
			if (n > 0)
				bad += put_header(spec, w, out, first, rec, NULL, from, n, f->ki, strlen(f->name));
			break;
		}
		/* The same body written twice has the same bad bytes: count them once. */
		if (b > bodybad)
			bodybad = b;
	}
	return bad + bodybad;
}

static void
replaced(size_t bad, struct buf *out)
{
	buf_printf(out, "%zu invalid UTF-8 sequence%s replaced with U+FFFD", bad, bad == 1 ? "" : "s");
}

void
jsonl_replaced(size_t bad, struct buf *out)
{
	buf_reset(out);
	replaced(bad, out);
}

size_t
jsonl_write(const struct jsonl_spec *spec, struct jsonl_work *w, const struct record *rec,
    struct buf *out)
{
	size_t bad;
	int first = 1;

	keys_reserve(spec, w);
	buf_addc(out, '{');
	bad = spec->fields ? put_fields(spec, w, out, &first, rec) : put_all(spec, w, out, &first, rec);
	if (bad > 0) {
		/* Say so in the output too: a replaced byte is not silent. */
		put_key(spec, w, out, &first, warn_key, sizeof(warn_key) - 1, 1);
		buf_reset(&w->key);
		buf_adds(&w->key, "to-jsonl: ");
		replaced(bad, &w->key);
		json_string(out, w->key.s, w->key.len, spec->ascii);
	}
	buf_add(out, "}\n", 2);
	return bad;
}
