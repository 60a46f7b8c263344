/*
 * from-warc: WARC and WET files in (Common Crawl's, or any WARC 1.0/1.1),
 * a khobor record stream out: one record per page of text, so that
 *
 *   from-warc --lang ben CC-MAIN-*.warc.wet.gz | strip-boilerplate --records | ...
 *
 * turns a crawl's text into articles.  The reading is filters/lib/warc.c.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "html.h"
#include "htmlsniff.h"
#include "record.h"
#include "text.h"
#include "util.h"
#include "warc.h"
#include "wet.h"

static const char usage_text[] =
    "usage: from-warc [-l LIST] [-m SIZE] [--stats] [FILE...]\n";

static const char help_text[] =
    "Read WARC files (plain, gzip per record as Common Crawl writes them, or one\n"
    "gzip stream) and write one record per page: the \"conversion\" records of a WET\n"
    "file, and \"resource\" and \"response\" records whose content is text/plain or\n"
    "text/html.  Headers source (FILE@OFFSET), url, crawl_date, warc_record_id and\n"
    "warc_lang (one per language); the text, cleaned, as body.  An HTML page is\n"
    "rendered as from-html renders it, with the headers from its head.\n"
    "\n"
    "  -l, --lang=LIST        keep only records whose WARC-Identified-Content-Language\n"
    "                         includes one of LIST (comma-separated ISO 639-3 codes,\n"
    "                         e.g. ben); the others are skipped from their headers.\n"
    "                         An HTML page without that header is kept by its\n"
    "                         <html lang>, else (for ben) when at least half the\n"
    "                         letters of its text are Bengali\n"
    "  -m, --max-record=SIZE  keep at most SIZE bytes of a record's text (K, M, G\n"
    "                         suffixes; default 64M); the rest is skipped, with an error\n"
    "      --stats            print records read, kept, skipped and damaged on stderr\n"
    "  -h, --help             show this help\n"
    "  -V, --version          show the version\n"
    "\n"
    "Damage (a gzip member cut short or corrupt, bytes between records, a wrong\n"
    "Content-Length, text that is not UTF-8, an oversized record) is reported as\n"
    "\"from-warc: FILE@OFFSET: message\"; reading goes on at the next record, and a\n"
    "damaged record that has text comes out with an error header.\n"
    "With no FILE, or with -, read standard input.\n"
    "Exit status: 0 all well; 1 some records were damaged or a FILE could not be\n"
    "read; 2 usage error; 3 output could not be written; 4 out of memory.\n";

static struct {
	char **langs;
	size_t nlangs;
	size_t max_record;
	int stats;
} opt;

/* What --stats prints. */
enum { T_WARCINFO, T_REQUEST, T_METADATA, T_RESPONSE_NOT_TEXT, T_RESOURCE_NOT_TEXT, T_REVISIT,
	T_OTHER, T_NTYPES };
static const char *const type_label[T_NTYPES] = {
	"warcinfo", "request", "metadata", "response, not text or HTML", "resource, not text or HTML",
	"revisit", "other types"
};
enum { D_GZIP, D_GARBAGE, D_LENGTH, D_OVERSIZE, D_HEADER, D_TRUNCATED, D_UTF8, D_NKINDS };
static const char *const damage_label[D_NKINDS] = {
	"gzip member cut short or corrupt", "bytes between records", "Content-Length wrong or missing",
	"oversized record", "header block unreadable", "input ends inside a record", "not UTF-8"
};

static struct {
	unsigned long files, read, kept, type[T_NTYPES], nolang, lang, damaged, damage[D_NKINDS];
	unsigned long html;		/* HTML pages rendered and kept */
	unsigned long html_attr, html_share;	/* HTML pages skipped by <html lang>, by their letters */
	unsigned long html_none;	/* ... of those, with no Bengali letter: not rendered */
} st;

static int status = EXIT_OK;

/* The renderer of HTML pages, made at the first one (filters/lib/html.c). */
static struct htmlwork *hwork;

/*
 * --lang and an HTML page that names no language in its WARC headers (CC-NEWS):
 * kept when at least this share of the letters of its visible text are
 * Bengali script (the "at least half"; a Bengali news page has
 * well over 0.9, an English page with a Bengali name or two far under 0.1).
 */
#define BENGALI_SHARE 0.5

/* What a record holds, when it is a page: text, HTML, or an HTTP message that says which. */
enum { P_TEXT = -1, P_HTML = -2, P_HTTP = -3 };

static int
damage_index(unsigned kind)
{
	switch (kind) {
	case WARC_D_GZIP: return D_GZIP;
	case WARC_D_GARBAGE: return D_GARBAGE;
	case WARC_D_LENGTH: return D_LENGTH;
	case WARC_D_OVERSIZE: return D_OVERSIZE;
	case WARC_D_HEADER: return D_HEADER;
	default: return D_TRUNCATED;
	}
}

/* The reader's damage callback: one line on stderr, counted. */
static void
on_damage(void *ctx, unsigned kind, const char *where, const char *msg)
{
	(void)ctx;
	warnx("%s: %s", where, msg);
	st.damaged++;
	st.damage[damage_index(kind)]++;
	if (status == EXIT_OK)
		status = EXIT_RECORDS;
}

/* Is one of the comma-separated codes of LANGS in the --lang list? */
static int
lang_wanted(const char *langs)
{
	const char *p = langs;

	while (*p) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p), i;

		while (n > 0 && (*p == ' ' || *p == '\t')) {
			p++;
			n--;
		}
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		for (i = 0; i < opt.nlangs; i++)
			if (strlen(opt.langs[i]) == n && strncasecmp(opt.langs[i], p, n) == 0)
				return 1;
		if (e == NULL)
			break;
		p = e + 1;
	}
	return 0;
}

static int
starts(const char *s, const char *prefix)
{
	return s && strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* A header value as one line of valid UTF-8. */
static void
add_header(struct record *rec, const char *name, const char *value, struct buf *scratch)
{
	buf_reset(scratch);
	text_utf8_fix(value, strlen(value), scratch);
	record_add(rec, name, scratch->s ? scratch->s : "");
}

/* What a Content-Type says: 1 text/plain, 2 HTML, 0 anything else. */
static int
content_kind(const char *ct)
{
	if (starts(ct, "text/plain"))
		return 1;
	if (starts(ct, "text/html") || starts(ct, "application/xhtml+xml"))
		return 2;
	return 0;
}

/* The charset parameter of the Content-Type value s[0..n) into CS (empty if none). */
static void
ct_charset(const char *s, size_t n, char *cs, size_t cap)
{
	size_t k, j = 0;

	cs[0] = '\0';
	for (k = 0; k + 8 <= n; k++)
		if (strncasecmp(s + k, "charset=", 8) == 0)
			break;
	if (k + 8 > n)
		return;
	for (k += 8; k < n && (s[k] == '"' || s[k] == '\'' || s[k] == ' '); k++)
		;
	while (k < n && j + 1 < cap && s[k] != '"' && s[k] != '\'' && s[k] != ';' && s[k] != ' ' &&
	    s[k] != '\r' && s[k] != '\t')
		cs[j++] = s[k++];
	cs[j] = '\0';
}

/*
 * A response record's block is an HTTP message: its Content-Type (and
 * charset, into CS) and where the payload starts.  Returns content_kind()
 * of the payload; 0 also for a compressed one.
 */
static int
http_payload(const char *s, size_t n, size_t *payload, char *cs, size_t cap)
{
	size_t i = 0;
	int kind = 0;

	cs[0] = '\0';
	while (i < n) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t len = nl ? (size_t)(nl - (s + i)) : n - i;

		if (len == 0 || (len == 1 && s[i] == '\r')) {
			*payload = i + len + (nl != NULL);
			return kind;
		}
		if (len > 13 && strncasecmp(s + i, "content-type:", 13) == 0) {
			size_t k = i + 13;
			char v[32];

			while (k < i + len && (s[k] == ' ' || s[k] == '\t'))
				k++;
			snprintf(v, sizeof(v), "%.*s", (int)(i + len - k), s + k);
			kind = content_kind(v);
			ct_charset(s + k, i + len - k, cs, cap);
		}
		if (len > 17 && strncasecmp(s + i, "content-encoding:", 17) == 0) {
			size_t k = i + 17;

			while (k < i + len && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (!(i + len - k >= 8 && strncasecmp(s + k, "identity", 8) == 0))
				return 0;	/* compressed payloads are not read here */
		}
		i += len + (nl != NULL);
	}
	*payload = n;
	return 0;
}

/*
 * ISO 639-1 codes, as <html lang> writes them, and the ISO 639-3 codes
 * --lang takes (https://iso639-3.sil.org/code_tables/639/data): the
 * languages of South Asia and the web's most common ones.
 */
static const char *const iso639[][2] = {
	{ "ar", "ara" }, { "as", "asm" }, { "bn", "ben" }, { "de", "deu" }, { "en", "eng" },
	{ "es", "spa" }, { "fa", "fas" }, { "fr", "fra" }, { "gu", "guj" }, { "hi", "hin" },
	{ "id", "ind" }, { "it", "ita" }, { "ja", "jpn" }, { "kn", "kan" }, { "ko", "kor" },
	{ "ml", "mal" }, { "mr", "mar" }, { "ms", "msa" }, { "my", "mya" }, { "ne", "nep" },
	{ "nl", "nld" }, { "or", "ori" }, { "pa", "pan" }, { "pl", "pol" }, { "pt", "por" },
	{ "ru", "rus" }, { "si", "sin" }, { "sv", "swe" }, { "ta", "tam" }, { "te", "tel" },
	{ "th", "tha" }, { "tr", "tur" }, { "uk", "ukr" }, { "ur", "urd" }, { "vi", "vie" },
	{ "zh", "zho" },
};

/*
 * What a page's <html lang> (BCP 47: "bn", "bn-BD", "en_US") says of the
 * --lang list: 1 a wanted language, 0 another one, -1 nothing (absent,
 * "und", "mul", a code not known here).
 */
static int
attr_verdict(const char *attr)
{
	char code[8];
	size_t n = strcspn(attr, "-_"), i;

	if (n < 2 || n > 3)
		return -1;
	memcpy(code, attr, n);
	code[n] = '\0';
	if (strcmp(code, "und") == 0 || strcmp(code, "mul") == 0 || strcmp(code, "zxx") == 0)
		return -1;
	if (n == 2) {
		for (i = 0; i < sizeof(iso639) / sizeof(iso639[0]); i++)
			if (strcmp(iso639[i][0], code) == 0)
				break;
		if (i == sizeof(iso639) / sizeof(iso639[0]))
			return -1;
		snprintf(code, sizeof(code), "%s", iso639[i][1]);
	}
	return lang_wanted(code);
}

/* The share of Bengali-script letters among the letters of s[0..n) (0 with no letters). */
static double
bengali_share(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, letters = 0, bengali = 0;
	int32_t cp;
	int len;

	while (i < n) {
		if (u[i] < 0x80) {
			letters += ((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z');
			i++;
			continue;
		}
		if ((len = text_decode(u + i, n - i, &cp)) <= 0) {
			i++;
			continue;
		}
		i += (size_t)len;
		if (utf8proc_category(cp) >= UTF8PROC_CATEGORY_LU && utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO) {
			letters++;
			bengali += cp >= 0x0980 && cp <= 0x09FF;
		}
	}
	return letters ? (double)bengali / (double)letters : 0;
}

/* Is WORD (lowercase) in s[0..n), in any case? */
static int
has_word(const char *s, size_t n, const char *word)
{
	size_t i, k, wl = strlen(word);

	for (i = 0; i + wl <= n; i++) {
		for (k = 0; k < wl && tolower((unsigned char)s[i + k]) == word[k]; k++)
			;
		if (k == wl)
			return 1;
	}
	return 0;
}

/*
 * Can the page s[0..n) show a Bengali letter at all?  Its visible text is
 * made of its bytes and of the characters its references name, so a page
 * with no Bengali-script code point in UTF-8 (E0 A6 80 to E0 A7 BF) and no
 * numeric character reference to one (&#2432; to &#2559;, &#x980; to
 * &#x9FF;) cannot reach any share of Bengali letters, and need not be
 * rendered to be skipped.  A page in another encoding of Unicode (UTF-16,
 * UTF-32, GB18030) hides its letters from this look: it is rendered.
 */
static int
may_be_bengali(const char *s, size_t n, const char *charset)
{
	const char *p = s, *end = s + n;

	if (strncasecmp(charset, "utf-16", 6) == 0 || strncasecmp(charset, "utf-32", 6) == 0 ||
	    strncasecmp(charset, "ucs", 3) == 0 || strncasecmp(charset, "gb18030", 7) == 0)
		return 1;
	if (n >= 2 && (((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF) ||
	    ((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE)))
		return 1;	/* a UTF-16 byte-order mark */
	/* A <meta charset> of those is read by the renderer: look for its name. */
	if (has_word(s, n < 4096 ? n : 4096, "utf-16") || has_word(s, n < 4096 ? n : 4096, "utf-32"))
		return 1;
	for (; (p = memchr(p, 0xE0, (size_t)(end - p))) != NULL && p + 2 < end; p++)
		if (((unsigned char)p[1] == 0xA6 || (unsigned char)p[1] == 0xA7) && ((unsigned char)p[2] & 0xC0) == 0x80)
			return 1;
	for (p = s; (p = memchr(p, '&', (size_t)(end - p))) != NULL && p + 2 < end; p++) {
		unsigned long cp = 0;
		const char *q = p + 2;
		int hex = q < end && (*q == 'x' || *q == 'X'), k = 0;

		if (p[1] != '#')
			continue;
		q += hex;
		for (; q < end && k < 8 && (hex ? isxdigit((unsigned char)*q) : isdigit((unsigned char)*q)); q++, k++)
			cp = cp * (hex ? 16 : 10) + (unsigned long)(isdigit((unsigned char)*q) ? *q - '0' :
			    (tolower((unsigned char)*q) - 'a' + 10));
		if (k > 0 && cp >= 0x0980 && cp <= 0x09FF)
			return 1;
	}
	return 0;
}

/* The length of S without a UTF-8 sequence cut off at its end. */
static size_t
whole_chars(const char *s, size_t n)
{
	size_t k = n, back = 0;
	unsigned char c;
	size_t need;

	while (k > 0 && back < 3 && ((unsigned char)s[k - 1] & 0xC0) == 0x80) {
		k--;
		back++;
	}
	if (k == 0)
		return n;
	c = (unsigned char)s[k - 1];
	need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	return need > back + 1 ? k - 1 : n;
}

/* Which kind of record: P_TEXT, P_HTML or P_HTTP for a page, or the T_* it is skipped as (the type alone). */
static int
classify(const struct warc_record *wr)
{
	const char *type = warc_get(wr, "WARC-Type");
	const char *ct = warc_get(wr, "Content-Type");

	if (type == NULL)
		return T_OTHER;
	if (strcasecmp(type, "conversion") == 0)
		return P_TEXT;
	if (strcasecmp(type, "resource") == 0) {
		switch (content_kind(ct)) {
		case 1: return P_TEXT;
		case 2: return P_HTML;
		default: return T_RESOURCE_NOT_TEXT;
		}
	}
	if (strcasecmp(type, "response") == 0) {
		/* Common Crawl says the payload's type in a header; else the HTTP headers say it. */
		const char *pt = warc_get(wr, "WARC-Identified-Payload-Type");

		if (pt && content_kind(pt) == 0)
			return T_RESPONSE_NOT_TEXT;
		if (starts(ct, "application/http"))
			return P_HTTP;
		return content_kind(ct) == 1 ? P_TEXT : content_kind(ct) == 2 ? P_HTML : T_RESPONSE_NOT_TEXT;
	}
	if (strcasecmp(type, "warcinfo") == 0)
		return T_WARCINFO;
	if (strcasecmp(type, "request") == 0)
		return T_REQUEST;
	if (strcasecmp(type, "metadata") == 0)
		return T_METADATA;
	if (strcasecmp(type, "revisit") == 0)
		return T_REVISIT;
	return T_OTHER;
}

/* Turn one WARC record into a khobor record; returns 0 when it is skipped. */
static int
convert(struct warc *w, struct warc_record *wr, struct record *rec, struct buf *scratch)
{
	const char *langs = warc_get(wr, "WARC-Identified-Content-Language"), *v, *body;
	const char *pt = warc_get(wr, "WARC-Identified-Payload-Type");
	size_t n, payload = 0;
	struct clean_report rep;
	int kind = classify(wr), judge = 0;
	char charset[64] = "", attr[32];

	if (kind >= 0) {
		st.type[kind]++;
		return 0;
	}
	/*
	 * The language: from the WARC headers, before the block is read.  Only
	 * an HTML page without them (CC-NEWS) can still say it, from its own
	 * <html lang> or its text.
	 */
	if (opt.nlangs && (langs ? !lang_wanted(langs) :
	    kind == P_TEXT || (kind == P_HTTP && pt && content_kind(pt) == 1))) {
		st.nolang += langs == NULL;
		st.lang++;
		return 0;
	}
	warc_body(w, wr);
	body = wr->body;
	n = wr->bodylen;
	if (kind == P_HTTP) {
		int k = http_payload(body, n, &payload, charset, sizeof(charset));

		if (k == 0) {
			st.type[T_RESPONSE_NOT_TEXT]++;
			return 0;
		}
		body += payload;
		n -= payload;
		kind = k == 2 ? P_HTML : P_TEXT;
	} else if (kind == P_HTML && (v = warc_get(wr, "Content-Type")) != NULL) {
		ct_charset(v, strlen(v), charset, sizeof(charset));
	}
	if (opt.nlangs && langs == NULL) {
		if (kind == P_TEXT) {
			st.nolang++;
			st.lang++;
			return 0;
		}
		/* <html lang> decides, without rendering; lacking it, for ben, the text. */
		html_sniff_lang(body, n, attr, sizeof(attr));
		judge = attr_verdict(attr);
		if (judge == 0 || (judge < 0 && !lang_wanted("ben"))) {
			st.html_attr++;
			return 0;
		}
	}
	record_clear(rec);
	rec->no = st.read;
	add_header(rec, "source", wr->where.s, scratch);
	if ((v = warc_get(wr, "WARC-Target-URI")) != NULL)
		add_header(rec, "url", v, scratch);
	if ((v = warc_get(wr, "WARC-Date")) != NULL)
		add_header(rec, "crawl_date", v, scratch);
	if ((v = warc_get(wr, "WARC-Record-ID")) != NULL)
		add_header(rec, "warc_record_id", v, scratch);
	if (langs) {
		char **list = NULL;
		size_t nl = 0, i;

		util_split(langs, &list, &nl);
		for (i = 0; i < nl; i++) {
			add_header(rec, "warc_lang", list[i], scratch);
			free(list[i]);
		}
		free(list);
	}
	/* Damage the reader found in this record: an error header per message. */
	if (wr->errors.len > 0) {
		char *line = wr->errors.s, *nl;

		while ((nl = strchr(line, '\n')) != NULL) {
			*nl = '\0';
			buf_reset(scratch);
			buf_printf(scratch, "%s: %s", prog, line);
			record_add(rec, "error", scratch->s);
			rec->nerrors++;
			line = nl + 1;
		}
		buf_reset(&wr->errors);
	}
	if (kind == P_HTML) {
		struct html_source src = { NULL, body, n };
		struct html_opts o = { warc_get(wr, "WARC-Target-URI"), charset[0] ? charset : NULL };

		/* No Bengali letter can show: skipped before it is rendered. */
		if (judge < 0 && !may_be_bengali(body, n, charset)) {
			st.html_share++;
			st.html_none++;
			return 0;
		}
		if (hwork == NULL)
			hwork = html_work_new();
		html_render(hwork, &src, &o, rec);
		if (judge < 0 && bengali_share(rec->body.s, rec->body.len) < BENGALI_SHARE) {
			st.html_share++;
			return 0;
		}
		st.html++;
		return 1;
	}
	/* A block cut at the size limit may end inside a character: cut it before. */
	if (wr->damage & WARC_D_OVERSIZE)
		n = whole_chars(body, n);
	/* The clean-up strip-boilerplate gives a page before its rules (strip_page). */
	text_normalize(body, n, &rec->body, &rep);
	if (rep.invalid > 0) {
		st.damaged++;
		st.damage[D_UTF8]++;
		record_error(rec, "not UTF-8: %zu invalid sequence%s replaced with U+FFFD", rep.invalid,
		    rep.invalid == 1 ? "" : "s");
	}
	if (rep.controls > 0)
		record_warning(rec, "%zu control character%s removed%s", rep.controls,
		    rep.controls == 1 ? "" : "s", rep.nuls ? " (NUL bytes among them)" : "");
	/* WET's first line is the page's <title>, which a browser copy has not. */
	if (strcasecmp(warc_get(wr, "WARC-Type"), "conversion") == 0 && wet_title(&rec->body, scratch))
		record_add(rec, "html_title", scratch->s);
	if (rec->body.len == 0)
		record_warning(rec, "no text in the record");
	return 1;
}

static int
do_file(const char *path)
{
	struct warc_options wo = { .max_record = opt.max_record, .warn = on_damage, .ctx = NULL };
	struct warc_record wr = {0};
	struct record rec = {0};
	struct buf scratch = {0};
	struct warc *w;
	int rc = 0;

	if ((w = warc_open(path, NULL, &wo)) == NULL) {
		warnx("%s: %s", path, strerror(errno));
		status = status == EXIT_OK ? EXIT_RECORDS : status;
		return 0;
	}
	st.files++;
	for (;;) {
		if (!warc_next(w, &wr))
			break;
		st.read++;
		if (convert(w, &wr, &rec, &scratch)) {
			st.kept++;
			if (rec.nerrors > 0 && status == EXIT_OK)
				status = EXIT_RECORDS;
			if (record_write(stdout, &rec) < 0) {
				if (util_write_error() == EXIT_OUTPUT)
					status = EXIT_OUTPUT;
				rc = -1;
				break;
			}
		}
	}
	if (warc_close(w) < 0)
		status = status == EXIT_OK ? EXIT_RECORDS : status;
	warc_record_free(&wr);
	record_free(&rec);
	buf_free(&scratch);
	return rc;
}

static void
print_stats(void)
{
	int i;

	fprintf(stderr, "%s: %lu file%s, %lu records read, %lu kept (inflater: %s)\n", prog, st.files,
	    st.files == 1 ? "" : "s", st.read, st.kept, warc_inflater());
	if (st.html)
		fprintf(stderr, "  kept, %-33s %10lu\n", "HTML pages rendered", st.html);
	for (i = 0; i < T_NTYPES; i++)
		if (st.type[i])
			fprintf(stderr, "  skipped, %-30s %10lu\n", type_label[i], st.type[i]);
	if (opt.nlangs)
		fprintf(stderr, "  skipped, %-30s %10lu (%lu with no language)\n", "by language", st.lang,
		    st.nolang);
	if (st.html_attr + st.html_share)
		fprintf(stderr, "  skipped, %-30s %10lu (%lu by <html lang>, %lu by the share of Bengali letters, "
		    "%lu of them with none and not rendered)\n",
		    "HTML, by its language", st.html_attr + st.html_share, st.html_attr, st.html_share, st.html_none);
	fprintf(stderr, "  %-39s %10lu\n", "damage reported", st.damaged);
	for (i = 0; i < D_NKINDS; i++)
		if (st.damage[i])
			fprintf(stderr, "    %-37s %10lu\n", damage_label[i], st.damage[i]);
}

/* "64M", "1G", "4096": a size in bytes, or 0 when it is not one. */
static size_t
parse_size(const char *s)
{
	char *end;
	unsigned long long v;

	if (*s < '0' || *s > '9')
		return 0;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return 0;
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	default: break;
	}
	if (*end != '\0' || v < 1024 || v > (1ULL << 40))
		return 0;
	return (size_t)v;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "max-record", required_argument, NULL, 'm' },
		{ "stats", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	int c, i, rc = 0;

	util_init(argv[0]);
	opt.max_record = (size_t)64 << 20;
	opterr = 0;	/* util_bad_option says it, naming the program */
	while ((c = getopt_long(argc, argv, ":l:m:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'l':
			util_split(optarg, &opt.langs, &opt.nlangs);
			if (opt.nlangs == 0)
				die(EXIT_USAGE, "--lang needs language codes, as in --lang ben or --lang ben,eng");
			break;
		case 'm':
			if ((opt.max_record = parse_size(optarg)) == 0)
				die(EXIT_USAGE, "--max-record '%s': give a size from 1K to 1024G, as in 64M", optarg);
			break;
		case 'S': opt.stats = 1; break;
		case 'h':
			util_help(usage_text, help_text);
			break;
		case 'V':
			util_version();
			break;
		default:
			return util_bad_option(c, argv, longopts, usage_text);
		}
	}
	if (optind == argc)
		rc = do_file("-");
	for (i = optind; i < argc && rc == 0; i++)
		rc = do_file(argv[i]);
	if (opt.stats)
		print_stats();
	for (i = 0; (size_t)i < opt.nlangs; i++)
		free(opt.langs[i]);
	free(opt.langs);
	if (hwork) {
		html_work_free(hwork);
		html_cleanup();
	}
	if (rc < 0)
		return status;
	c = util_close_stdout();
	return c ? c : status;
}
