/*
 * headev.c: the head of an HTML page as evidence, checked against the page
 * (see headev.h and extract-meta(1), THE HEAD AS EVIDENCE).
 *
 * Which wins is fixed: the page.  A news page's head is written by its CMS
 * and its plugins, the text by the desk; on Bengali outlets the head is
 * the one often wrong (a time in UTC given the local offset, a site-wide
 * og:title, the outlet as author), and a reader of the page sees the text.
 * The head fills in what the page does not show, and every disagreement
 * is said with both values.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "hash.h"
#include "headev.h"
#include "text.h"
#include "util.h"
#include "yml.h"

#define MAX_SEEN 4096		/* head titles remembered, with their pages' URLs */
#define MAX_HOSTS 256		/* outlet names remembered, one per host */
#define SUFFIX_WORDS 6		/* a " | X" suffix of at most this many words is the outlet's name */
#define MAX_OUTLETS 3		/* names of a record's outlet: the site's, its title's, its host's */

struct headev {
	struct datelang **langs;
	size_t nlangs;
	struct dateset *ds;
	struct datezone *tz;
	char *name;		/* the site file's name:, or NULL */
};

struct seen {
	uint64_t title, url;
};

struct outlet {
	char host[64];
	char name[128];
};

struct headevwork {
	struct seen seen[MAX_SEEN];
	size_t nseen, nextseen;
	struct outlet out[MAX_HOSTS];
	size_t nout, nextout;
	struct buf x, y, trimmed, src;
	FILE *ex;
};

/* ---- compiling ---- */

struct headev *
headev_compile(const struct site *s, const char *rulesdir)
{
	struct headev *he = ecalloc(1, sizeof(*he));
	const struct yml *n = s->root ? yml_get(s->root, "name") : NULL;

	if (n && n->type == YML_SCALAR && n->len > 0)
		he->name = estrdup(n->str);
	if ((he->langs = datelang_load_all(rulesdir, s->langs, s->nlangs)) == NULL) {
		headev_free(he);
		return NULL;
	}
	he->nlangs = s->nlangs;
	/* A site with no date languages: its dates are not compared, only filled in. */
	if (he->nlangs > 0)
		he->ds = dateset_new(he->langs, he->nlangs);
	he->tz = datezone_get(s->zone ? s->zone : "Asia/Dhaka");
	return he;
}

void
headev_free(struct headev *he)
{
	if (he == NULL)
		return;
	dateset_free(he->ds);
	datelang_free_all(he->langs, he->nlangs);
	free(he->name);
	free(he);
}

struct headevwork *
headev_work_new(void)
{
	/* 112 KB of tables mostly never touched (a record without a head). */
	return ezpages(sizeof(struct headevwork));
}

void
headev_work_free(struct headevwork *w)
{
	if (w == NULL)
		return;
	buf_free(&w->x);
	buf_free(&w->y);
	buf_free(&w->trimmed);
	buf_free(&w->src);
	zfree(w, sizeof(*w));
}

int
headev_wanted(const struct record *rec)
{
	size_t i;

	for (i = 0; i < rec->nf; i++)
		if (strncmp(rec->f[i].name, "meta_", 5) == 0 || strcmp(rec->f[i].name, "html_title") == 0)
			return 1;
	return 0;
}

/* ---- text ---- */

/* S with white space squeezed and trimmed, ASCII letters lowered, into B. */
static const char *
folded(const char *s, struct buf *b)
{
	buf_reset(b);
	for (; *s; s++) {
		char c = *s;

		if (c == ' ' || c == '\t' || c == '\n') {
			if (b->len > 0 && b->s[b->len - 1] != ' ')
				buf_addc(b, ' ');
			continue;
		}
		buf_addc(b, c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c);
	}
	if (b->len > 0 && b->s[b->len - 1] == ' ')
		b->len--;
	buf_addc(b, '\0');
	b->len--;
	return b->s;
}

static int
same_text(struct headevwork *w, const char *a, const char *b)
{
	return strcmp(folded(a, &w->x), folded(b, &w->y)) == 0;
}

/* The ASCII letters and digits of S, lowered, into OUT (at most CAP - 1). */
static void
squash(const char *s, char *out, size_t cap)
{
	size_t k = 0;

	for (; *s && k + 1 < cap; s++) {
		char c = *s;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[k++] = c;
	}
	out[k] = '\0';
}

/* The host of URL, lowered, without "www.", into OUT; "" when none. */
static void
host_of(const char *url, char *out, size_t cap)
{
	const char *p = url ? strstr(url, "://") : NULL;
	size_t k = 0;

	out[0] = '\0';
	if (p == NULL)
		return;
	p += 3;
	if (strncmp(p, "www.", 4) == 0)
		p += 4;
	for (; *p && *p != '/' && *p != ':' && *p != '?' && *p != '#' && k + 1 < cap; p++)
		out[k++] = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
	out[k] = '\0';
}

/* The host's own name: its longest label but the generic ones ("kalbela" of kalbela.com). */
static void
host_label(const char *host, char *out, size_t cap)
{
	static const char *const generic[] = {
		"www", "m", "amp", "com", "net", "org", "bd", "gov", "co", "edu", "info", "news", "online", "ac",
		"in", "uk", "us", NULL
	};
	const char *p = host, *best = NULL;
	size_t bestlen = 0, i;

	while (*p) {
		size_t n = strcspn(p, ".");
		int gen = 0;

		for (i = 0; generic[i]; i++)
			gen |= strlen(generic[i]) == n && strncmp(generic[i], p, n) == 0;
		if (!gen && n > bestlen) {
			best = p;
			bestlen = n;
		}
		p += n;
		if (*p == '.')
			p++;
	}
	snprintf(out, cap, "%.*s", (int)bestlen, best ? best : "");
}

/* What a record's outlet is called, as far as it is known. */
struct names {
	const char *name[MAX_OUTLETS];
	size_t n;
	char host[64], label[64], sqhost[64], sqlabel[64];
};

/*
 * Does S, of at most SUFFIX_WORDS words, begin with a word that is the
 * host's own name ("BBC News বাংলা" on www.bbc.com)?
 */
static int
begins_with_host(const struct names *nm, const char *s)
{
	char sq[128];
	size_t n = strcspn(s, " ");

	if (nm->sqlabel[0] == '\0' || n >= sizeof(sq) || text_words_upto(s, strlen(s), SUFFIX_WORDS + 1) > SUFFIX_WORDS)
		return 0;
	memcpy(sq, s, n);
	sq[n] = '\0';
	squash(sq, sq, sizeof(sq));
	return strcmp(sq, nm->sqlabel) == 0;
}

static int
is_outlet(struct headevwork *w, const struct names *nm, const char *s)
{
	char sq[128];
	size_t i;

	for (i = 0; i < nm->n; i++)
		if (same_text(w, s, nm->name[i]))
			return 1;
	squash(s, sq, sizeof(sq));
	/* "Kalbela", "kalbela.com": the host's own name, written out. */
	return sq[0] && ((nm->sqlabel[0] && strcmp(sq, nm->sqlabel) == 0) || (nm->sqhost[0] && strcmp(sq, nm->sqhost) == 0));
}

/* Is s[0..n) all ASCII, and t[0..m) not? (A Latin name after a Bengali headline.) */
static int
latin_after_bengali(const char *t, size_t m, const char *s)
{
	size_t i;
	int other = 0;

	for (i = 0; s[i]; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	for (i = 0; i < m; i++)
		other |= (unsigned char)t[i] >= 0x80;
	return other && text_words_upto(s, strlen(s), SUFFIX_WORDS + 1) <= SUFFIX_WORDS;
}

/*
 * TITLE without its outlet suffix, into w->trimmed; returns 1 if one was
 * cut.  " | X" goes when X is at most SUFFIX_WORDS words (the pipe is the
 * outlets' separator); " - X", " – X", " — X" only when X is a known name
 * of the outlet, a name that begins with the host's, or a Latin-script
 * name after a Bengali headline (a dash also joins two halves of a
 * headline).  *SUFFIX gets the part cut, when a
 * pipe cut it (the outlet's name, to remember).
 */
static int
trim_title(struct headevwork *w, const struct names *nm, const char *title, const char **suffix)
{
	static const char *const dashes[] = { " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", NULL };
	const char *cut = NULL, *p, *after = NULL;
	size_t i;

	*suffix = NULL;
	for (p = title; (p = strstr(p, " | ")) != NULL; p++)
		cut = p;
	if (cut && text_words_upto(cut + 3, strlen(cut + 3), SUFFIX_WORDS + 1) <= SUFFIX_WORDS && cut > title) {
		after = cut + 3;
		*suffix = after;
	} else {
		cut = NULL;
		for (i = 0; dashes[i] && cut == NULL; i++) {
			const char *last = NULL;

			for (p = title; (p = strstr(p, dashes[i])) != NULL; p++)
				last = p;
			if (last && last > title && (is_outlet(w, nm, last + strlen(dashes[i])) ||
			    begins_with_host(nm, last + strlen(dashes[i])) ||
			    latin_after_bengali(title, (size_t)(last - title), last + strlen(dashes[i])))) {
				cut = last;
				after = last + strlen(dashes[i]);
			}
		}
	}
	buf_reset(&w->trimmed);
	buf_add(&w->trimmed, title, cut ? (size_t)(cut - title) : strlen(title));
	while (w->trimmed.len > 0 && w->trimmed.s[w->trimmed.len - 1] == ' ')
		w->trimmed.len--;
	buf_addc(&w->trimmed, '\0');
	w->trimmed.len--;
	(void)after;
	return cut != NULL;
}

/* The outlet name remembered for HOST, or NULL. */
static const char *
remembered(const struct headevwork *w, const char *host)
{
	size_t i;

	for (i = 0; host[0] && i < w->nout; i++)
		if (strcmp(w->out[i].host, host) == 0)
			return w->out[i].name;
	return NULL;
}

static void
remember_outlet(struct headevwork *w, const char *host, const char *name)
{
	struct outlet *o;

	if (!host[0] || remembered(w, host) || strlen(host) >= sizeof(o->host) || strlen(name) >= sizeof(o->name))
		return;
	o = &w->out[w->nout < MAX_HOSTS ? w->nout++ : w->nextout++ % MAX_HOSTS];
	snprintf(o->host, sizeof(o->host), "%s", host);
	snprintf(o->name, sizeof(o->name), "%s", name);
}

/* Has TITLE been seen in this run on a page of another URL?  Remember it for this one. */
static int
seen_elsewhere(struct headevwork *w, const char *title, const char *url)
{
	uint64_t t, u;
	size_t i;
	int other = 0, same = 0;

	folded(title, &w->x);
	t = hash_fnv1a(w->x.s, w->x.len);
	u = url ? hash_fnv1a(url, strlen(url)) : 0;
	for (i = 0; i < w->nseen; i++)
		if (w->seen[i].title == t) {
			other |= w->seen[i].url != u || u == 0;
			same |= w->seen[i].url == u;
		}
	if (!same) {
		struct seen *s = &w->seen[w->nseen < MAX_SEEN ? w->nseen++ : w->nextseen++ % MAX_SEEN];

		s->title = t;
		s->url = u;
	}
	return other;
}

/* ---- saying it ---- */

/*
 * Take out of S the UTF-8 sequences cut short: "%.200s" and the message
 * buffer count bytes, and a value cut inside a letter would put an invalid
 * byte into the record.
 */
static void
mend(char *s)
{
	size_t i = 0, k = 0, len, j;

	while (s[i]) {
		unsigned char c = (unsigned char)s[i];

		len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
		for (j = 1; len > 1 && j < len && ((unsigned char)s[i + j] & 0xC0) == 0x80; j++)
			;
		if (len == 0 || j < len) {
			i += len == 0 ? 1 : j;	/* a stray continuation byte, or a sequence cut short */
			continue;
		}
		memmove(s + k, s + i, len);
		k += len;
		i += len;
	}
	s[k] = '\0';
}

static void
say(struct headevwork *w, struct record *rec, int warn, const char *fmt, ...)
{
	char msg[1200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	mend(msg);
	if (warn)
		record_warning(rec, "head: %s", msg);
	if (w->ex) {
		fflush(stdout);
		fprintf(w->ex, "%s: %s: head: %s\n", prog, w->src.s, msg);
	}
}

/* ---- the checks ---- */

static void
check_title(struct headevwork *w, struct record *rec, const struct names *nm)
{
	const char *page = record_get(rec, "title");
	const char *cands[2] = { record_get(rec, "meta_title"), record_get(rec, "html_title") };
	static const char *const cname[2] = { "og:title", "<title>" };
	char *head = NULL;
	const char *suffix;
	size_t i;

	for (i = 0; i < 2 && head == NULL; i++) {
		const char *t = cands[i], *why = NULL;
		size_t n;

		if (t == NULL)
			continue;
		trim_title(w, nm, t, &suffix);
		n = strcspn(t, "|");
		if (is_outlet(w, nm, w->trimmed.s))
			why = "it is the outlet's name";
		else if (t[n] == '|' && n > 1 && t[n - 1] == ' ') {
			char *first = estrndup(t, n - 1);

			if (is_outlet(w, nm, first))
				why = "it begins with the outlet's name";
			free(first);
		}
		if (why == NULL && i == 0 && seen_elsewhere(w, t, record_get(rec, "url")))
			why = "another page of this run has the same one";
		if (why) {
			say(w, rec, 1, "the head's %s '%.200s' is site-wide (%s): not a headline", cname[i], t, why);
			continue;
		}
		if (w->trimmed.len < strlen(t))
			say(w, rec, 0, "the head's %s '%.200s' without its outlet suffix: '%.200s'", cname[i], t,
			    w->trimmed.s);
		head = estrdup(w->trimmed.s);
	}
	if (head == NULL)
		return;
	if (page == NULL) {
		record_add(rec, "title", head);
		record_set(rec, "title_source", "meta");
		say(w, rec, 0, "title: the page shows none; the head's '%.200s' is taken", head);
	} else if (same_text(w, page, head)) {
		say(w, rec, 0, "title: the head agrees with the page");
	} else {
		say(w, rec, 1, "title: the page shows '%.200s', the head '%.200s'; the page's is kept", page, head);
	}
	free(head);
}

static void
check_author(struct headevwork *w, struct record *rec, const struct names *nm)
{
	char **head = NULL;
	size_t nhead = 0, npage = 0, i, k;
	int differ = 0;

	for (i = 0; i < rec->nf; i++) {
		if (strcmp(rec->f[i].name, "author") == 0)
			npage++;
		if (strcmp(rec->f[i].name, "meta_author") != 0)
			continue;
		/*
		 * A short name beginning with the host's ("BBC News বাংলা" on
		 * www.bbc.com, as BBC Bangla's JSON-LD names its author) is the
		 * outlet too: a byline is a person or a desk, not the site.
		 */
		if (is_outlet(w, nm, rec->f[i].value) || begins_with_host(nm, rec->f[i].value)) {
			say(w, rec, 1, "the head's author '%.200s' is the outlet's name, not a byline; left out",
			    rec->f[i].value);
			continue;
		}
		head = erealloc(head, (nhead + 1) * sizeof(*head));
		head[nhead++] = estrdup(rec->f[i].value);
	}
	if (nhead == 0)
		goto done;
	if (npage == 0) {
		for (k = 0; k < nhead; k++)
			record_add(rec, "author", head[k]);
		record_set(rec, "author_source", "meta");
		say(w, rec, 0, "author: the page shows none; the head's is taken");
		goto done;
	}
	/* The same names, in any order. */
	for (i = 0; i < rec->nf && !differ; i++) {
		int found = 0;

		if (strcmp(rec->f[i].name, "author") != 0)
			continue;
		for (k = 0; k < nhead && !found; k++)
			found = same_text(w, rec->f[i].value, head[k]);
		differ = !found;
	}
	differ |= npage != nhead;
	if (differ) {
		buf_reset(&w->trimmed);
		for (i = 0; i < rec->nf; i++)
			if (strcmp(rec->f[i].name, "author") == 0)
				buf_printf(&w->trimmed, "%s'%.100s'", w->trimmed.len ? ", " : "", rec->f[i].value);
		buf_reset(&w->y);
		for (k = 0; k < nhead; k++)
			buf_printf(&w->y, "%s'%.100s'", k ? ", " : "", head[k]);
		say(w, rec, 1, "author: the page shows %s, the head %s; the page's is kept", w->trimmed.s, w->y.s);
	} else {
		say(w, rec, 0, "author: the head agrees with the page");
	}
done:
	for (k = 0; k < nhead; k++)
		free(head[k]);
	free(head);
}

struct when {
	struct date_result r;
	long long t;		/* seconds since 1970 in UTC, or days when !r.has_time */
};

static int
when(const struct headev *he, const char *s, struct when *out)
{
	long off;

	if (he->ds == NULL || s == NULL)
		return 0;
	if (date_parse(he->ds, s, strlen(s), he->tz, &out->r) != DATE_OK)
		return 0;
	out->t = date_days(out->r.year, out->r.month, out->r.day);
	if (!out->r.has_time)
		return 1;
	off = out->r.offset;
	if (!out->r.has_offset && datezone_offset(he->tz, out->r.year, out->r.month, out->r.day, out->r.hour,
	    out->r.min, out->r.sec, &off) != ZONE_OK)
		return 0;
	out->t = out->t * 86400 + out->r.hour * 3600 + out->r.min * 60 + out->r.sec - off;
	return 1;
}

static void
check_time(const struct headev *he, struct headevwork *w, struct record *rec, const char *field)
{
	char mname[32], sname[32];
	const char *page, *head;
	struct when p, m, u;
	char *hv;

	snprintf(mname, sizeof(mname), "meta_%s", field);
	snprintf(sname, sizeof(sname), "%s_source", field);
	page = record_get(rec, field);
	if ((head = record_get(rec, mname)) == NULL)
		return;
	hv = estrdup(head);
	if (page == NULL) {
		record_add(rec, field, hv);
		record_set(rec, sname, "meta");
		say(w, rec, 0, "%s: the page shows none; the head's '%s' is taken", field, hv);
	} else if (!when(he, page, &p) || !when(he, hv, &m)) {
		say(w, rec, 0, "%s: the page's '%.100s' and the head's '%.100s' cannot both be read; the page's is kept",
		    field, page, hv);
	} else if (!p.r.has_time || !m.r.has_time) {
		/* A day against a day: the head's as it writes it. */
		if (p.r.year == m.r.year && p.r.month == m.r.month && p.r.day == m.r.day)
			say(w, rec, 0, "%s: the head agrees with the page (the day)", field);
		else
			say(w, rec, 1, "%s: the page shows '%.100s', the head '%.100s' (another day); the page's is kept",
			    field, page, hv);
	} else if (p.t == m.t) {
		say(w, rec, 0, "%s: the head agrees with the page", field);
	} else if (m.r.has_offset && m.r.offset != 0 && p.t - m.t == m.r.offset) {
		long o = m.r.offset < 0 ? -m.r.offset : m.r.offset;

		say(w, rec, 1, "%s: the head's '%s' is the page's time ('%.100s') in UTC written with %c%02ld:%02ld "
		    "(off by exactly %ld h%s); the page's is kept", field, hv, page, m.r.offset < 0 ? '-' : '+',
		    o / 3600, o / 60 % 60, o / 3600, o % 3600 ? " and some minutes" : "");
	} else if (strcmp(field, "published") == 0 && when(he, record_get(rec, "updated"), &u) && u.r.has_time &&
	    u.t == m.t) {
		say(w, rec, 1, "published: the head's '%s' is the page's update time: the modified time given as "
		    "the published one; the page's '%.100s' is kept", hv, page);
	} else {
		say(w, rec, 1, "%s: the page shows '%.100s', the head '%s' (%+lld min); the page's is kept", field,
		    page, hv, (m.t - p.t) / 60);
	}
	free(hv);
}

void
headev_apply(const struct headev *he, struct headevwork *w, struct record *rec, FILE *explain)
{
	struct names nm = { { NULL }, 0, "", "", "", "" };
	const char *t = record_get(rec, "html_title"), *suffix = NULL, *known;
	char *own = NULL;

	w->ex = explain;
	if (explain) {
		struct buf scratch = {0};
		const char *src = record_source(rec, &scratch);

		buf_reset(&w->src);
		buf_adds(&w->src, src);
		buf_free(&scratch);
	}
	host_of(record_get(rec, "url"), nm.host, sizeof(nm.host));
	host_label(nm.host, nm.label, sizeof(nm.label));
	squash(nm.host, nm.sqhost, sizeof(nm.sqhost));
	squash(nm.label, nm.sqlabel, sizeof(nm.sqlabel));
	if (he->name)
		nm.name[nm.n++] = he->name;
	if ((known = remembered(w, nm.host)) != NULL)
		nm.name[nm.n++] = known;
	/* The <title>'s " | X" names the outlet: remembered for the host's other pages. */
	if (t && trim_title(w, &nm, t, &suffix) && suffix) {
		own = estrdup(suffix);
		nm.name[nm.n++] = own;
		remember_outlet(w, nm.host, own);
	}
	check_title(w, rec, &nm);
	check_author(w, rec, &nm);
	check_time(he, w, rec, "published");
	check_time(he, w, rec, "updated");
	free(own);
}
