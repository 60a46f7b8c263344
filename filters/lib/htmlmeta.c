/*
 * htmlmeta.c: a page's head, gathered and written as headers (see
 * htmlmeta.h and from-html(1), HEADERS).
 *
 * Every header has its sources in an order of precedence; the first
 * source the page fills gives the value, as the page writes it (white
 * space collapsed, nothing else changed).  Dates from two sources that
 * name different instants are reported: the head contradicting itself is
 * one of the faults the readers after from-html look for.
 */
#include <ctype.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "htmlmeta.h"
#include "text.h"
#include "util.h"

/* The headers written from the head, in the order they are written. */
enum hdr { H_URL, H_TITLE, H_PUBLISHED, H_UPDATED, H_AUTHOR, H_SECTION, H_DESCRIPTION, H_N };
static const char *const hdr_name[H_N] = {
	"url", "meta_title", "meta_published", "meta_updated", "meta_author", "meta_section",
	"meta_description"
};

/* Where a value comes from; the rank is its place in the header's precedence. */
struct source {
	const char *kind;	/* "name", "property", "itemprop", "jsonld", "slot" */
	const char *key;	/* compared without regard to case */
	enum hdr hdr;
	int rank;
	const char *label;	/* for messages */
};

#define MAXRANK 6
static const struct source sources[] = {
	{ "slot", "canonical", H_URL, 0, "link rel=canonical" },
	{ "property", "og:url", H_URL, 1, "og:url" },
	{ "property", "og:title", H_TITLE, 0, "og:title" },
	{ "name", "twitter:title", H_TITLE, 1, "twitter:title" },
	{ "property", "twitter:title", H_TITLE, 1, "twitter:title" },
	{ "jsonld", "headline", H_TITLE, 2, "JSON-LD headline" },
	{ "property", "article:published_time", H_PUBLISHED, 0, "article:published_time" },
	{ "jsonld", "datePublished", H_PUBLISHED, 1, "JSON-LD datePublished" },
	{ "itemprop", "datePublished", H_PUBLISHED, 2, "itemprop datePublished" },
	{ "name", "pubdate", H_PUBLISHED, 3, "meta name=pubdate" },
	{ "name", "publishdate", H_PUBLISHED, 3, "meta name=publishdate" },
	{ "name", "publish-date", H_PUBLISHED, 3, "meta name=publish-date" },
	{ "jsonld", "page:datePublished", H_PUBLISHED, 4, "JSON-LD WebPage datePublished" },
	{ "slot", "time", H_PUBLISHED, 5, "time datetime in article" },
	{ "property", "article:modified_time", H_UPDATED, 0, "article:modified_time" },
	{ "property", "og:updated_time", H_UPDATED, 1, "og:updated_time" },
	{ "jsonld", "dateModified", H_UPDATED, 2, "JSON-LD dateModified" },
	{ "itemprop", "dateModified", H_UPDATED, 3, "itemprop dateModified" },
	{ "jsonld", "page:dateModified", H_UPDATED, 4, "JSON-LD WebPage dateModified" },
	{ "property", "article:section", H_SECTION, 0, "article:section" },
	{ "jsonld", "articleSection", H_SECTION, 1, "JSON-LD articleSection" },
	{ "name", "description", H_DESCRIPTION, 0, "meta name=description" },
	{ "property", "og:description", H_DESCRIPTION, 1, "og:description" },
	{ "name", "twitter:description", H_DESCRIPTION, 2, "twitter:description" },
	{ "jsonld", "description", H_DESCRIPTION, 3, "JSON-LD description" },
	{ "jsonld", "author", H_AUTHOR, 0, "JSON-LD author" },
	{ "name", "author", H_AUTHOR, 1, "meta name=author" },
	{ "property", "article:author", H_AUTHOR, 2, "article:author" },
	{ NULL, NULL, H_N, 0, NULL }
};

/* Bounds: values past these are cut (at a character boundary) or left out. */
#define MAX_VALUE 2000		/* bytes of one header value */
#define MAX_AUTHORS 20
#define MAX_JSONLD (4u << 20)	/* bytes of one JSON-LD script */
#define MAX_WARN 20
#define MAX_DEPTH 24		/* of JSON-LD nesting walked */

struct htmlmeta {
	struct buf slot[HM_NSLOTS];
	int has[HM_NSLOTS];
	char *cand[H_N][MAXRANK];	/* first value from each rank */
	const char *label[H_N][MAXRANK];
	char *author[MAXRANK][MAX_AUTHORS];	/* names from each author source */
	size_t nauthor[MAXRANK];
	char *url_author;		/* the first author value left out as a URL */
	char *warn[MAX_WARN];
	size_t nwarn, lostwarn;
	int article, listing;
	char *og_type;
	struct buf scratch;
};

struct htmlmeta *
htmlmeta_new(void)
{
	return ecalloc(1, sizeof(struct htmlmeta));
}

void
htmlmeta_reset(struct htmlmeta *m)
{
	size_t i, j;

	for (i = 0; i < HM_NSLOTS; i++) {
		buf_reset(&m->slot[i]);
		m->has[i] = 0;
	}
	for (i = 0; i < H_N; i++)
		for (j = 0; j < MAXRANK; j++) {
			free(m->cand[i][j]);
			m->cand[i][j] = NULL;
		}
	for (i = 0; i < MAXRANK; i++) {
		for (j = 0; j < m->nauthor[i]; j++)
			free(m->author[i][j]);
		m->nauthor[i] = 0;
	}
	for (i = 0; i < m->nwarn; i++)
		free(m->warn[i]);
	m->nwarn = m->lostwarn = 0;
	free(m->url_author);
	free(m->og_type);
	m->url_author = m->og_type = NULL;
	m->article = m->listing = 0;
}

void
htmlmeta_free(struct htmlmeta *m)
{
	size_t i;

	if (m == NULL)
		return;
	htmlmeta_reset(m);
	for (i = 0; i < HM_NSLOTS; i++)
		buf_free(&m->slot[i]);
	buf_free(&m->scratch);
	free(m);
}

static void
warn(struct htmlmeta *m, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;
	char tmp[512];

	if (m->nwarn == MAX_WARN) {
		m->lostwarn++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	buf_adds(&b, tmp);
	m->warn[m->nwarn++] = b.s;
}

/*
 * A value as a header holds it: white space (any run of it, line breaks
 * among them) collapsed to one space, trimmed, invalid UTF-8 replaced,
 * at most MAX_VALUE bytes.  Returns NULL for a value left empty.
 */
static char *
clean_value(const char *s, size_t n)
{
	struct buf b = {0}, fixed = {0};
	size_t i;
	int space = 0;

	if (!text_utf8_valid(s, n)) {
		text_utf8_fix(s, n, &fixed);
		s = fixed.s;
		n = fixed.len;
	}
	for (i = 0; i < n && b.len < MAX_VALUE; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= ' ' || c == 0x7f) {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_addc(&b, ' ');
		space = 0;
		buf_addc(&b, (char)c);
	}
	buf_free(&fixed);
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	/* Cut at a character boundary: give back the bytes of a character cut in two. */
	while (i < n && b.len > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) {
		b.len--;
		i--;
	}
	b.s[b.len] = '\0';
	return b.s;
}

/* Does this value name a place on the web rather than a person? */
static int
is_url(const char *s)
{
	return strstr(s, "://") != NULL || strncmp(s, "//", 2) == 0 || strncasecmp(s, "www.", 4) == 0 ||
	    strstr(s, "facebook.com/") != NULL;
}

static void
add_author(struct htmlmeta *m, int rank, const char *s, size_t n)
{
	char *v = clean_value(s, n);
	size_t i;

	if (v == NULL)
		return;
	if (is_url(v)) {
		if (m->url_author == NULL)
			m->url_author = v;
		else
			free(v);
		return;
	}
	for (i = 0; i < m->nauthor[rank]; i++)
		if (strcmp(m->author[rank][i], v) == 0)
			break;
	if (i < m->nauthor[rank] || m->nauthor[rank] == MAX_AUTHORS) {
		free(v);
		return;
	}
	m->author[rank][m->nauthor[rank]++] = v;
}

static void
offer(struct htmlmeta *m, const struct source *src, const char *s, size_t n)
{
	if (src->hdr == H_AUTHOR) {
		add_author(m, src->rank, s, n);
		return;
	}
	if (m->cand[src->hdr][src->rank] == NULL) {
		m->cand[src->hdr][src->rank] = clean_value(s, n);
		m->label[src->hdr][src->rank] = src->label;
	}
}

static const struct source *
find_source(const char *kind, const char *key)
{
	const struct source *src;

	for (src = sources; src->kind; src++)
		if (strcmp(src->kind, kind) == 0 && strcasecmp(src->key, key) == 0)
			return src;
	return NULL;
}

void
htmlmeta_slot(struct htmlmeta *m, enum htmlmeta_slot slot, const char *s, size_t n)
{
	char *v;

	if (m->has[slot])
		return;
	if ((v = clean_value(s, n)) == NULL)
		return;
	m->has[slot] = 1;
	buf_adds(&m->slot[slot], v);
	free(v);
	if (slot == HM_CANONICAL)
		offer(m, find_source("slot", "canonical"), m->slot[slot].s, m->slot[slot].len);
	else if (slot == HM_ARTICLE_TIME)
		offer(m, find_source("slot", "time"), m->slot[slot].s, m->slot[slot].len);
}

const char *
htmlmeta_get(const struct htmlmeta *m, enum htmlmeta_slot slot)
{
	return m->has[slot] ? m->slot[slot].s : NULL;
}

void
htmlmeta_tag(struct htmlmeta *m, const char *kind, const char *key, const char *content)
{
	const struct source *src;

	if (key == NULL || content == NULL)
		return;
	if (strcasecmp(key, "og:type") == 0 && strcmp(kind, "itemprop") != 0) {
		if (m->og_type == NULL)
			m->og_type = clean_value(content, strlen(content));
		if (m->og_type && strcasecmp(m->og_type, "article") == 0)
			m->article = 1;
		return;
	}
	/* twitter:* is written with name= and with property= alike. */
	if ((src = find_source(kind, key)) == NULL && strcmp(kind, "property") == 0)
		src = find_source("name", key);
	if (src == NULL)
		return;
	if (src->hdr == H_PUBLISHED && strcasecmp(key, "article:published_time") == 0)
		m->article = 1;
	if (strcmp(kind, "itemprop") == 0 && src->hdr == H_PUBLISHED)
		m->article = 1;
	offer(m, src, content, strlen(content));
}

/* ---- JSON-LD ---- */

/*
 * The faults real pages carry, repaired in place without moving a byte,
 * so that an offset in the repaired text is one in the page: an HTML
 * comment or a CDATA section around the JSON, a raw control character
 * (a line break) inside a string, a comma before a closing bracket.
 */
static void
jsonld_repair(char *s, size_t n)
{
	static const char *const wrappers[] = { "<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>" };
	size_t i, j, k;
	int instr = 0, esc = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (instr) {
			if (esc)
				esc = 0;
			else if (c == '\\')
				esc = 1;
			else if (c == '"')
				instr = 0;
			else if (c < 0x20)
				s[i] = ' ';
			continue;
		}
		if (c == '"') {
			instr = 1;
			continue;
		}
		if (c == '<' || c == '-' || c == '/' || c == ']') {
			for (k = 0; k < sizeof(wrappers) / sizeof(wrappers[0]); k++) {
				size_t len = strlen(wrappers[k]);

				if (n - i >= len && memcmp(s + i, wrappers[k], len) == 0) {
					memset(s + i, ' ', len);
					i += len - 1;
					break;
				}
			}
			continue;
		}
		if (c == ',') {
			for (j = i + 1; j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'); j++)
				;
			if (j < n && (s[j] == '}' || s[j] == ']'))
				s[i] = ' ';
		}
	}
}

static const char *const article_types[] = {
	"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
	"BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "SatiricalArticle",
	"BlogPosting", "LiveBlogPosting", "Report", "TechArticle", "ScholarlyArticle", NULL
};
static const char *const listing_types[] = { "CollectionPage", "ItemList", "SearchResultsPage", NULL };

/* Is @type (a string or an array of them) one of LIST?  "schema:" and URL prefixes are ignored. */
static int
type_in(json_t *type, const char *const *list)
{
	size_t i, k;

	if (json_is_array(type)) {
		for (i = 0; i < json_array_size(type); i++)
			if (type_in(json_array_get(type, i), list))
				return 1;
		return 0;
	}
	if (json_is_string(type)) {
		const char *t = json_string_value(type), *slash = strrchr(t, '/'), *colon = strrchr(t, ':');

		if (slash && slash[1])
			t = slash + 1;
		else if (colon && colon[1])
			t = colon + 1;
		for (k = 0; list[k]; k++)
			if (strcmp(t, list[k]) == 0)
				return 1;
	}
	return 0;
}

/* Objects of a JSON-LD text that carry an @id, to resolve {"@id": ...} references. */
struct idmap {
	json_t **obj;
	size_t n, cap;
};

static void
collect_ids(json_t *v, struct idmap *ids, int depth)
{
	size_t i;
	const char *key;
	json_t *val;

	if (depth > MAX_DEPTH)
		return;
	if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v); i++)
			collect_ids(json_array_get(v, i), ids, depth + 1);
		return;
	}
	if (!json_is_object(v))
		return;
	if (json_is_string(json_object_get(v, "@id")) && json_object_size(v) > 1) {
		if (ids->n == ids->cap) {
			ids->cap = ids->cap ? 2 * ids->cap : 16;
			ids->obj = erealloc(ids->obj, ids->cap * sizeof(*ids->obj));
		}
		ids->obj[ids->n++] = v;
	}
	json_object_foreach(v, key, val)
		collect_ids(val, ids, depth + 1);
}

static json_t *
resolve(json_t *v, const struct idmap *ids)
{
	const char *id;
	size_t i;

	if (!json_is_object(v) || json_object_size(v) != 1 || !json_is_string(json_object_get(v, "@id")))
		return v;
	id = json_string_value(json_object_get(v, "@id"));
	for (i = 0; i < ids->n; i++)
		if (strcmp(json_string_value(json_object_get(ids->obj[i], "@id")), id) == 0)
			return ids->obj[i];
	return v;
}

/* A string member, or the first string of an array member. */
static const char *
str_member(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	if (json_is_array(v))
		v = json_array_get(v, 0);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void
offer_json(struct htmlmeta *m, const char *key, const char *s)
{
	if (s)
		offer(m, find_source("jsonld", key), s, strlen(s));
}

static void
take_authors(struct htmlmeta *m, json_t *a, const struct idmap *ids, int depth)
{
	size_t i;

	if (depth > 2)
		return;
	if (json_is_array(a)) {
		for (i = 0; i < json_array_size(a); i++)
			take_authors(m, json_array_get(a, i), ids, depth + 1);
		return;
	}
	a = resolve(a, ids);
	if (json_is_string(a)) {
		add_author(m, 0, json_string_value(a), json_string_length(a));
	} else if (json_is_object(a)) {
		const char *name = str_member(a, "name");

		if (name)
			add_author(m, 0, name, strlen(name));
	}
}

static void
take_article(struct htmlmeta *m, json_t *o, const struct idmap *ids)
{
	m->article = 1;
	offer_json(m, "headline", str_member(o, "headline"));
	offer_json(m, "datePublished", str_member(o, "datePublished"));
	offer_json(m, "dateModified", str_member(o, "dateModified"));
	offer_json(m, "articleSection", str_member(o, "articleSection"));
	offer_json(m, "description", str_member(o, "description"));
	if (m->nauthor[0] == 0)
		take_authors(m, json_object_get(o, "author"), ids, 0);
}

/*
 * INARTICLE: V sits inside an article node.  An article's own members may hold
 * article-typed nodes that are parts of it, not the page's article: a
 * LiveBlogPosting's liveBlogUpdate entries (BlogPosting, each with the
 * datePublished of one update: https://schema.org/liveBlogUpdate), hasPart,
 * comment.  Their dates and headlines are not the page's, so they are not taken.
 */
static void
walk(struct htmlmeta *m, json_t *v, const struct idmap *ids, int depth, int inarticle)
{
	const char *key;
	json_t *val, *type;
	size_t i;

	if (depth > MAX_DEPTH)
		return;
	if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v); i++)
			walk(m, json_array_get(v, i), ids, depth + 1, inarticle);
		return;
	}
	if (!json_is_object(v))
		return;
	type = json_object_get(v, "@type");
	if (type_in(type, article_types)) {
		if (inarticle)
			return;
		take_article(m, v, ids);
		inarticle = 1;
	} else if (type_in(type, listing_types)) {
		m->listing = 1;
	} else if (json_is_string(type) && strcmp(json_string_value(type), "WebPage") == 0) {
		offer_json(m, "page:datePublished", str_member(v, "datePublished"));
		offer_json(m, "page:dateModified", str_member(v, "dateModified"));
	}
	/* An article may sit inside another node (a WebPage's mainEntity, an @graph). */
	json_object_foreach(v, key, val)
		if (json_is_object(val) || json_is_array(val))
			walk(m, val, ids, depth + 1, inarticle);
}

void
htmlmeta_jsonld(struct htmlmeta *m, char *s, size_t n, size_t offset, const char *where)
{
	json_error_t err;
	json_t *root;
	struct idmap ids = {0};
	size_t i;

	for (i = 0; i < n && isspace((unsigned char)s[i]); i++)
		;
	if (i == n)
		return;
	if (n > MAX_JSONLD) {
		warn(m, "JSON-LD at byte %zu%s is %zu bytes, more than %u; left out", offset, where, n,
		    MAX_JSONLD);
		return;
	}
	jsonld_repair(s, n);
	root = json_loadb(s, n, 0, &err);
	if (root == NULL) {
		size_t at = offset + (err.position > 0 ? (size_t)err.position - 1 : 0);

		warn(m, "JSON-LD at byte %zu%s cannot be read: %s (near byte %zu); left out", offset, where,
		    err.text, at);
		return;
	}
	collect_ids(root, &ids, 0);
	walk(m, root, &ids, 0, 0);
	free(ids.obj);
	json_decref(root);
}

/* ---- writing ---- */

int
htmlmeta_is_article(const struct htmlmeta *m)
{
	return m->article;
}

int
htmlmeta_is_listing(const struct htmlmeta *m)
{
	return m->listing || (m->og_type && strcasecmp(m->og_type, "website") == 0);
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"). */
static long
days_from_civil(long y, unsigned mo, unsigned d)
{
	long era;
	unsigned yoe, doy, doe;

	y -= mo <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static int
digits(const char *s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

/*
 * An ISO 8601 date-time as heads write it (YYYY-MM-DD, then Thh:mm, :ss,
 * a fraction, Z or +hh:mm or +hhmm) as seconds since the epoch, read as
 * UTC when it has no zone.  Returns 1 with *zoned set, or 0 for another form.
 */
static int
iso_time(const char *s, long long *t, int *zoned)
{
	int y, mo, d, h = 0, mi = 0, se = 0, oh = 0, om = 0;
	long off = 0;

	*zoned = 0;
	if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-' || !digits(s + 8, 2, &d))
		return 0;
	if (mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	s += 10;
	if (*s == 'T' || *s == ' ') {
		if (!digits(s + 1, 2, &h) || s[3] != ':' || !digits(s + 4, 2, &mi))
			return 0;
		s += 6;
		if (*s == ':') {
			if (!digits(s + 1, 2, &se))
				return 0;
			s += 3;
			if (*s == '.' || *s == ',')
				for (s++; *s >= '0' && *s <= '9'; s++)
					;
		}
		if (*s == 'Z') {
			*zoned = 1;
			s++;
		} else if (*s == '+' || *s == '-') {
			if (!digits(s + 1, 2, &oh))
				return 0;
			if (s[3] == ':' ? !digits(s + 4, 2, &om) : !digits(s + 3, 2, &om))
				return 0;
			off = (oh * 60L + om) * 60L * (*s == '-' ? -1 : 1);
			*zoned = 1;
			s += s[3] == ':' ? 6 : 5;
		}
	}
	if (*s != '\0')
		return 0;
	*t = (long long)days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400LL + h * 3600LL + mi * 60LL + se - off;
	return 1;
}

/* Do two date values name different moments? */
static int
dates_differ(const char *a, const char *b)
{
	long long ta, tb;
	int za, zb;

	if (iso_time(a, &ta, &za) && iso_time(b, &tb, &zb) && za == zb)
		return ta != tb;
	return strcmp(a, b) != 0;
}

/* Warn when the sources of a date header name different moments. */
static void
check_dates(struct htmlmeta *m, enum hdr h, const char *what)
{
	int first = -1, r;

	for (r = 0; r < MAXRANK; r++) {
		/* The <time> inside the article may be either date: not a contradiction. */
		if (m->cand[h][r] == NULL || strcmp(m->label[h][r], "time datetime in article") == 0)
			continue;
		if (first < 0) {
			first = r;
			continue;
		}
		if (dates_differ(m->cand[h][first], m->cand[h][r])) {
			warn(m, "the head gives two %s times: %s '%s', %s '%s'; %s is the first", what,
			    m->label[h][first], m->cand[h][first], m->label[h][r], m->cand[h][r], hdr_name[h]);
			return;
		}
	}
}

void
htmlmeta_write(struct htmlmeta *m, struct record *rec, const char *url)
{
	int h, r;
	size_t i;

	check_dates(m, H_PUBLISHED, "published");
	check_dates(m, H_UPDATED, "updated");
	for (h = 0; h < H_N; h++) {
		const char *v = NULL;

		if (h == H_URL) {
			for (r = 0; r < MAXRANK && v == NULL; r++)
				v = m->cand[h][r];
			if (v)
				record_set(rec, "url", v);
			else if (url && record_get(rec, "url") == NULL)
				record_add(rec, "url", url);
			if (m->has[HM_LANG])
				record_add(rec, "html_lang", m->slot[HM_LANG].s);
			if (m->has[HM_TITLE])
				record_add(rec, "html_title", m->slot[HM_TITLE].s);
			continue;
		}
		if (h == H_AUTHOR) {
			for (r = 0; r < MAXRANK; r++)
				if (m->nauthor[r] > 0)
					break;
			for (i = 0; r < MAXRANK && i < m->nauthor[r]; i++)
				record_add(rec, "meta_author", m->author[r][i]);
			if (r == MAXRANK && m->url_author)
				warn(m, "the head's author is a URL ('%.200s'); meta_author left out", m->url_author);
			continue;
		}
		for (r = 0; r < MAXRANK && v == NULL; r++)
			v = m->cand[h][r];
		if (v)
			record_add(rec, hdr_name[h], v);
	}
	for (i = 0; i < m->nwarn; i++)
		record_warning(rec, "%s", m->warn[i]);
	if (m->lostwarn)
		record_warning(rec, "%zu more warnings about the head left out", m->lostwarn);
}
