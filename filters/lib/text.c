/* text.c: UTF-8 and Unicode normalization helpers (see text.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"

void
text_encode(struct buf *out, int32_t cp)
{
	unsigned char tmp[4];
	utf8proc_ssize_t k = utf8proc_encode_char(cp, tmp);

	buf_add(out, (const char *)tmp, (size_t)k);
}

int
text_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	int32_t cp;

	while (p < end) {
		int k;

		if (*p < 0x80) {
			p++;
			continue;
		}
		if (end - p >= 3 && p[0] == 0xE0 && (p[1] & 0xE0) == 0xA0 && (p[2] & 0xC0) == 0x80) {
			p += 3;		/* U+0800..U+0FFF, the common case */
			continue;
		}
		if ((k = text_decode(p, (size_t)(end - p), &cp)) < 0)
			return 0;
		p += k;
	}
	return 1;
}

size_t
text_utf8_fix(const char *s, size_t n, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n, *run = p;
	size_t bad = 0;
	int32_t cp;

	buf_grow(out, n);
	while (p < end) {
		int k;

		if (*p < 0x80) {
			p++;
			continue;
		}
		if ((k = text_decode(p, (size_t)(end - p), &cp)) > 0) {
			p += k;
			continue;
		}
		buf_add(out, (const char *)run, (size_t)(p - run));
		buf_add(out, "\xEF\xBF\xBD", 3);
		bad++;
		/* Skip one byte, then any stray continuation bytes (one U+FFFD per maximal bad run start). */
		p++;
		while (p < end && (*p & 0xC0) == 0x80)
			p++;
		run = p;
	}
	buf_add(out, (const char *)run, (size_t)(p - run));
	return bad;
}

/*
 * A conservative NFC quick check in the spirit of UAX #15, section 9
 * (NFC_Quick_Check): a string is reported NFC only when no character can
 * change under normalization.  Characters excluded from composition,
 * singleton and non-starter decompositions, combining marks out of
 * canonical order, and a second character of a composition pair right
 * after a possible first (Bengali 09C7 + 09BE = 09CB) all send the string
 * to the full normalizer.
 */
/*
 * What the quick check needs to know of a code point, cached for the Basic
 * Multilingual Plane because utf8proc's lookups dominate the cost of a page.
 */
enum {
	QC_KNOWN = 1,		/* the entry has been filled */
	QC_NO = 2,		/* never in NFC: excluded, singleton or non-starter decomposition */
	QC_FIRST = 4,		/* can start a canonical composition pair */
	QC_SECOND = 8,		/* can end one */
	QC_COMPOSITE = 16	/* a primary composite (has a canonical decomposition) */
};

static unsigned char qc_flags[0x10000];
static unsigned char qc_ccc[0x10000];

static int
qc_lookup(int32_t cp, int *ccc)
{
	const utf8proc_property_t *pr;
	int f = QC_KNOWN;

	if (cp < 0x10000 && (qc_flags[cp] & QC_KNOWN)) {
		*ccc = qc_ccc[cp];
		return qc_flags[cp];
	}
	pr = utf8proc_get_property(cp);
	if (pr->decomp_seqindex != UINT16_MAX && pr->decomp_type == 0) {
		utf8proc_int32_t d[8];
		utf8proc_ssize_t m;

		m = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, NULL);
		if (pr->comp_exclusion || m <= 1 || utf8proc_get_property(d[0])->combining_class != 0)
			f |= QC_NO;
		else
			f |= QC_COMPOSITE;
	}
	if (pr->comb_index != UINT16_MAX)
		f |= pr->comb_index >= 0x8000 ? QC_SECOND : QC_FIRST;
	*ccc = pr->combining_class;
	if (cp < 0x10000) {
		qc_flags[cp] = (unsigned char)f;
		qc_ccc[cp] = (unsigned char)pr->combining_class;
	}
	return f;
}

/* Do A and B form a canonical composite?  Rare enough to ask utf8proc. */
static int
composes(int32_t a, int32_t b)
{
	utf8proc_int32_t pair[2] = { a, b };

	return utf8proc_normalize_utf32(pair, 2, UTF8PROC_COMPOSE | UTF8PROC_STABLE) == 1;
}

int
text_nfc_quick(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	int prev_ccc = 0, prev_first = 0, prev_composite = 0;
	int32_t prev_cp = 0;

	while (p < end) {
		int32_t cp;
		int k, f, ccc;

		if (*p < 0x80) {
			prev_cp = *p++;
			prev_ccc = 0;
			prev_first = 1;	/* ASCII letters start Latin pairs */
			prev_composite = 0;
			continue;
		}
		if (end - p >= 3 && p[0] == 0xE0 && (p[1] & 0xE0) == 0xA0 && (p[2] & 0xC0) == 0x80) {
			/* U+0800..U+0FFF, the Indic blocks: decoded inline, the hot case. */
			cp = ((int32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			p += 3;
		} else {
			if ((k = text_decode(p, (size_t)(end - p), &cp)) < 0)
				return 0;
			p += k;
		}
		f = qc_lookup(cp, &ccc);
		if (f & QC_NO)
			return 0;
		if (ccc != 0 && (prev_ccc > ccc || prev_composite))
			return 0;
		if ((f & QC_SECOND) && prev_first && composes(prev_cp, cp))
			return 0;
		prev_composite = (f & QC_COMPOSITE) != 0;
		prev_ccc = ccc;
		prev_first = (f & QC_FIRST) != 0;
		prev_cp = cp;
	}
	return 1;
}

/* Append the NFC form of S[0..N), valid UTF-8, to OUT. */
static void
nfc_run(const char *s, size_t n, struct buf *out)
{
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t k;

	if (n == 0)
		return;
	k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (k < 0) {
		buf_add(out, s, n);	/* cannot happen for valid UTF-8 but out of memory */
		return;
	}
	buf_add(out, (const char *)dst, (size_t)k);
	free(dst);
}

void
text_nfc(const char *s, size_t n, struct buf *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, start = 0;
	int32_t cp;
	int k;

	if (text_nfc_quick(s, n)) {
		buf_add(out, s, n);
		return;
	}
	/*
	 * utf8proc refuses a text with one invalid byte in it whole.  Callers
	 * repair first, but one that does not must still get the valid runs
	 * normalized: each run between invalid bytes goes through NFC, and the
	 * invalid bytes pass as they are.
	 */
	while (i < n) {
		if ((k = text_decode(u + i, n - i, &cp)) > 0) {
			i += (size_t)k;
			continue;
		}
		nfc_run(s + start, i - start, out);
		buf_add(out, s + i, 1);
		start = ++i;
	}
	nfc_run(s + start, n - start, out);
}

#define KHOBOR_SP(c) ((c) == ' ' || (c) == '\t')
size_t
text_prefix_squeezed(const char *s, size_t n, const char *v, size_t vn)
{
	size_t i = 0, j = 0;
	int32_t cp;

	while (vn > 0 && KHOBOR_SP(v[vn - 1]))
		vn--;
	while (j < vn && KHOBOR_SP(v[j]))
		j++;
	if (j == vn)
		return 0;
	while (i < n && KHOBOR_SP(s[i]))
		i++;
	while (j < vn) {
		if (KHOBOR_SP(v[j])) {
			if (i == n || !KHOBOR_SP(s[i]))
				return 0;
			while (j < vn && KHOBOR_SP(v[j]))
				j++;
			while (i < n && KHOBOR_SP(s[i]))
				i++;
			continue;
		}
		if (i == n || s[i] != v[j])
			return 0;
		i++;
		j++;
	}
	/* Not inside a cluster: "রহমান" is no prefix of "রহমানের" (U+09C7, a vowel sign, follows). */
	if (i < n && text_decode((const unsigned char *)s + i, n - i, &cp) > 0) {
		utf8proc_category_t cat = utf8proc_category(cp);

		if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC || cat == UTF8PROC_CATEGORY_ME ||
		    cp == 0x200C || cp == 0x200D)
			return 0;
	}
	while (i < n && KHOBOR_SP(s[i]))
		i++;
	return i;
}
#undef KHOBOR_SP

size_t
text_chars(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			k++;
	return k;
}

/*
 * Text typed in a Bijoy-style font is ASCII and Latin-1: the font draws "evsjv‡`k"
 * as বাংলাদেশ.  Letters alone cannot tell it from English; these marks can, for
 * English text has next to none of them and this text has one every few words:
 * U+2021 '‡' (the e-kar), U+2020 '†' (the e-kar before a conjunct), U+00A8 '¨'
 * (ya-phala), U+00AF '¯' (sa with hasanta), U+00D6 'Ö' (ra-phala), U+00B5 'µ'
 * (kra), U+00DF 'ß' (pta), U+00B6 '¶' (ksa), and U+00D8 'Ø' and U+00AA 'ª',
 * two more conjunct forms.  The table is the SutonnyMJ column of the public Bijoy-to-Unicode
 * converters (for one, Avro Keyboard's "Unicode to Bijoy" tables); only marks
 * that stand for Bengali and for nothing in English are counted.
 * The text looks so when it has at least 20 Latin letters, at most one Bengali
 * letter for every four Latin ones, and at least three marks of two kinds or
 * more, a mark for every 30 Latin letters or fewer (the e-kar alone comes more
 * often than that; an English text's footnote daggers do not).
 */
size_t
text_legacy_font(const char *s, size_t n)
{
	static const int32_t marks[] = { 0x2021, 0x2020, 0xA8, 0xAF, 0xD6, 0xB5, 0xDF, 0xD8, 0xAA, 0xB6 };
	size_t nmarks = sizeof(marks) / sizeof(marks[0]);
	size_t i, k, latin = 0, bengali = 0, seen = 0;
	unsigned kinds = 0;
	int32_t cp;
	int len;

	for (i = 0; i < n; i += len) {
		if ((len = text_decode((const unsigned char *)s + i, n - i, &cp)) < 0) {
			len = 1;
			continue;
		}
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			latin++;
		else if (cp >= 0x0985 && cp <= 0x09E1) {
			/*
			 * Unicode Bengali already: were every byte left a Latin
			 * letter, there would still be too few of them.  (Every
			 * page of Bengali is read; this stops a third of the way.)
			 */
			if (++bengali * 4 > latin + (n - i))
				return 0;
		}
		else if (cp >= 0xA8)
			for (k = 0; k < nmarks; k++)
				if (cp == marks[k]) {
					seen++;
					kinds |= 1u << k;
					break;
				}
	}
	if (latin < 20 || bengali * 4 > latin || seen < 3 || seen * 30 < latin)
		return 0;
	if ((kinds & (kinds - 1)) == 0)	/* one kind of mark only */
		return 0;
	return seen;
}

size_t
text_words_upto(const char *s, size_t n, size_t most)
{
	size_t i, k = 0;
	int in = 0;

	for (i = 0; i < n && k < most; i++) {
		int sp = s[i] == ' ' || s[i] == '\t';

		if (!sp && !in)
			k++;
		in = !sp;
	}
	return k;
}

int
text_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '	')
			return 0;
	return 1;
}

/*
 * Length of s without its trailing white space: space, tab, and the Unicode
 * space separators (category Zs) that pages carry: U+1680, U+2000..U+200A,
 * U+202F, U+205F, U+3000 (NBSP is a space by then).
 */
static size_t
rtrim_len(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;

	for (;;) {
		if (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t')) {
			len--;
			continue;
		}
		if (len >= 3) {
			const unsigned char *q = p + len - 3;

			if ((q[0] == 0xE2 && q[1] == 0x80 && (q[2] <= 0x8A || q[2] == 0xAF)) ||
			    (q[0] == 0xE2 && q[1] == 0x81 && q[2] == 0x9F) ||
			    (q[0] == 0xE3 && q[1] == 0x80 && q[2] == 0x80) ||
			    (q[0] == 0xE1 && q[1] == 0x9A && q[2] == 0x80)) {
				len -= 3;
				continue;
			}
		}
		return len;
	}
}

/* Trim the trailing white space of each line in place; the line count stays. */
static void
trim_lines(struct buf *b)
{
	size_t r = 0, w = 0;

	if (b->s == NULL)
		return;
	while (r < b->len) {
		char *nl = memchr(b->s + r, '\n', b->len - r);
		size_t end = nl ? (size_t)(nl - b->s) : b->len;
		size_t keep = rtrim_len(b->s + r, end - r);

		memmove(b->s + w, b->s + r, keep);
		w += keep;
		if (nl)
			b->s[w++] = '\n';
		r = end + (nl != NULL);
	}
	b->len = w;
	b->s[w] = '\0';
}

void
text_tidy_lines(struct buf *b)
{
	struct buf out = {0};

	text_tidy_into(b->s ? b->s : "", b->len, &out);
	buf_free(b);
	*b = out;
	if (b->s == NULL)
		buf_grow(b, 0);
}

int
text_tidy_blank(const char *s, size_t n)
{
	return text_blank(s, rtrim_len(s, n));
}

void
text_tidy_into(const char *s, size_t n, struct buf *out)
{
	const char *p = s, *end = s + n;
	int pending_blank = 0, any = 0;

	buf_grow(out, n + 1);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		size_t len = (size_t)(eol - p);

		len = rtrim_len(p, len);
		if (text_blank(p, len)) {
			pending_blank = any;
		} else {
			if (pending_blank)
				buf_addc(out, '\n');
			buf_add(out, p, len);
			buf_addc(out, '\n');
			pending_blank = 0;
			any = 1;
		}
		p = nl ? nl + 1 : end;
	}
}

/*
 * One pass over the raw bytes: repair UTF-8, drop the BOM, unify line ends,
 * turn NBSP and tab into spaces and drop other control characters.
 */
static void
clean(const char *s, size_t n, struct buf *out, struct clean_report *rep, int tidy)
{
	struct buf plain = {0};
	const unsigned char *p = (const unsigned char *)s, *end = p + n;

	memset(rep, 0, sizeof(*rep));
	if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		p += 3;
	buf_grow(&plain, n);
	while (p < end) {
		const unsigned char *q = p;
		int32_t cp;
		int k;

		/* Copy the run of printable ASCII and valid multibyte text in one go. */
		for (;;) {
			while (q < end && *q >= 0x20 && *q < 0x7F)
				q++;
			/* U+0800..U+0FFF (Bengali among them): always valid, never special. */
			if (end - q >= 3 && q[0] == 0xE0 && (q[1] & 0xE0) == 0xA0 && (q[2] & 0xC0) == 0x80) {
				q += 3;
				continue;
			}
			if (q < end && *q >= 0xC2 && !(*q == 0xC2 && q + 1 < end && q[1] <= 0xA0) &&
			    (k = text_decode(q, (size_t)(end - q), &cp)) > 0 && cp != 0xFEFF) {
				q += k;
				continue;
			}
			break;
		}
		buf_add(&plain, (const char *)p, (size_t)(q - p));
		if (q == end)
			break;
		p = q;
		if (*p == '\r') {
			buf_addc(&plain, '\n');
			p += (p + 1 < end && p[1] == '\n') ? 2 : 1;
		} else if (*p == '\n') {
			buf_addc(&plain, '\n');
			p++;
		} else if (*p == '\t') {
			buf_addc(&plain, ' ');
			p++;
		} else if (*p < 0x20 || *p == 0x7F) {
			if (*p == 0)
				rep->nuls++;
			rep->controls++;
			p++;
		} else if (*p == 0xC2 && p + 1 < end && p[1] == 0xA0) {
			buf_addc(&plain, ' ');	/* NBSP */
			p += 2;
		} else if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
			p += 3;			/* a BOM glued inside, as cat of pages gives */
		} else if (*p == 0xC2 && p + 1 < end && p[1] >= 0x80 && p[1] <= 0x9F) {
			rep->controls++;	/* C1 control */
			p += 2;
		} else {
			/* Invalid UTF-8: one U+FFFD for the bad byte and its stray continuations. */
			buf_add(&plain, "\xEF\xBF\xBD", 3);
			rep->invalid++;
			p++;
			while (p < end && (*p & 0xC0) == 0x80)
				p++;
		}
	}
	if (tidy)
		text_tidy_lines(&plain);
	else
		trim_lines(&plain);
	text_nfc(plain.s ? plain.s : "", plain.len, out);
	buf_free(&plain);
}

void
text_clean(const char *s, size_t n, struct buf *out, struct clean_report *rep)
{
	clean(s, n, out, rep, 1);
}

void
text_normalize(const char *s, size_t n, struct buf *out, struct clean_report *rep)
{
	clean(s, n, out, rep, 0);
}

size_t
text_utf8_floor(const char *s, size_t k)
{
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	return k;
}

size_t
text_utf8_ceil(const char *s, size_t n, size_t k)
{
	while (k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
		k++;
	return k;
}

size_t
text_lines(const char *s, size_t n, struct text_line **lines, size_t *cap)
{
	size_t off = 0, nl = 0;

	while (off < n) {
		const char *eol = memchr(s + off, '\n', n - off);
		size_t end = eol ? (size_t)(eol - s) : n;

		if (nl == *cap) {
			*cap = *cap ? *cap * 2 : 256;
			*lines = erealloc(*lines, *cap * sizeof(**lines));
		}
		(*lines)[nl].off = off;
		(*lines)[nl].len = end - off;
		(*lines)[nl].no = (unsigned)(nl + 1);
		(*lines)[nl].gone = 0;
		(*lines)[nl].blank = text_blank(s + off, end - off);
		nl++;
		off = end + 1;
	}
	return nl;
}

int
text_quote(const char *s, size_t n, size_t max, int *cut)
{
	size_t k = 0, chars = 0;

	while (k < n && chars < max) {
		k = text_utf8_ceil(s, n, k + 1);
		chars++;
	}
	*cut = k < n;
	return (int)k;
}

static void
vexplain(FILE *fp, const char *src, const char *at, size_t line, const char *file, unsigned rline,
    const char *label, const char *fmt, va_list ap)
{
	fflush(stdout);
	if (rline > 0)
		fprintf(fp, "%s: %s%s%zu: %s:%u: %s: ", prog, src, at, line, file, rline, label);
	else
		fprintf(fp, "%s: %s%s%zu: %s: %s: ", prog, src, at, line, file, label);
	vfprintf(fp, fmt, ap);
}

void
text_explain(FILE *fp, const char *src, size_t line, const char *file, unsigned rline,
    const char *label, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vexplain(fp, src, ":", line, file, rline, label, fmt, ap);
	va_end(ap);
}

void
text_explain_body(FILE *fp, const char *src, size_t line, const char *file, unsigned rline,
    const char *label, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vexplain(fp, src, ": body line ", line, file, rline, label, fmt, ap);
	va_end(ap);
}

/* Is the character at p a letter, a mark or a digit? */
static int
wordly(const unsigned char *p, const unsigned char *end)
{
	int32_t cp;
	utf8proc_category_t cat;

	if (*p < 0x80)
		return (*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z');
	if (text_decode(p, (size_t)(end - p), &cp) < 0)
		return 0;
	/* The Bengali block is letters, marks and digits but for a few signs. */
	if (cp >= 0x0980 && cp <= 0x09FF)
		return !(cp == 0x09F2 || cp == 0x09F3 || cp == 0x09FA || cp == 0x09FB || cp == 0x09FD);
	cat = utf8proc_category(cp);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

/*
 * Code points that are not line ends: the bytes that are neither UTF-8
 * continuation bytes nor '\n', counted eight at a time.
 */
static size_t
count_chars(const char *s, size_t n)
{
	const uint64_t hi = 0x8080808080808080ULL, lo7 = 0x7F7F7F7F7F7F7F7FULL;
	const uint64_t nls = 0x0A0A0A0A0A0A0A0AULL;
	size_t i = 0, skip = 0;

	for (; i + 8 <= n; i += 8) {
		uint64_t v, y;

		memcpy(&v, s + i, 8);
		y = v ^ nls;
		/*
		 * 10xxxxxx bytes, or bytes equal to '\n' (exact, no carries): a
		 * 1 in each such byte, summed by a multiply (no byte sums past
		 * 8), as a popcount instruction is not to be had without -mpopcnt.
		 */
		y = ((v & ~(v << 1) & hi) | (~(((y & lo7) + lo7) | y) & hi)) >> 7;
		skip += (size_t)((y * 0x0101010101010101ULL) >> 56);
	}
	for (; i < n; i++)
		skip += ((unsigned char)s[i] & 0xC0) == 0x80 || s[i] == '\n';
	return n - skip;
}

/*
 * For words, only the first character of a token is decoded (and the next
 * ones only while none was a letter, mark or digit), so a token such as "।"
 * or "–" standing alone is not a word.
 */
void
text_count(const char *s, size_t n, struct text_counts *c)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	int inpara = 0;

	memset(c, 0, sizeof(*c));
	c->chars = count_chars(s, n);
	while (p < end) {
		/* One line: its tokens, and whether it opens a paragraph. */
		int blank = 1;

		while (p < end && *p != '\n') {
			int isword;

			if (*p == ' ' || *p == '\t') {
				p++;
				continue;
			}
			/* A line of stray continuation bytes holds no character, and opens no paragraph. */
			blank &= (*p & 0xC0) == 0x80;
			isword = wordly(p, end);
			for (p++; p < end && *p != ' ' && *p != '\t' && *p != '\n'; p++)
				if ((*p & 0xC0) != 0x80) {
					blank = 0;
					if (!isword)
						isword = wordly(p, end);
				}
			c->words += isword;
		}
		if (blank)
			inpara = 0;
		else if (!inpara) {
			c->paragraphs++;
			inpara = 1;
		}
		p++;
	}
}
