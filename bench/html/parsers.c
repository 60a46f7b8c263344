/*
 * bench/html/parsers.c: the two HTML parsers Debian has, side by side on
 * the same pages, each parsing a page and walking its text (what from-html
 * needs of a parser): libxml2's HTML parser as a SAX stream, and gumbo
 * (the HTML5 tree-construction algorithm) building its tree, then walked.
 * Also prints what each makes of the broken-markup cases in MODE "text".
 *
 *   parsers speed ROUNDS FILE...   pages/s of each, ROUNDS passes over the files
 *   parsers text FILE              the text each parser finds, for comparison
 *
 * Built by bench/html/run (needs libxml2-dev and libgumbo-dev); not part of khobor.
 */
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static size_t nchars;
static FILE *textout;

static void
x_text(void *ctx, const xmlChar *s, int len)
{
	(void)ctx;
	nchars += (size_t)len;
	if (textout)
		fwrite(s, 1, (size_t)len, textout);
}

static void
x_start(void *ctx, const xmlChar *name, const xmlChar **a)
{
	(void)ctx;
	(void)a;
	if (textout)
		fprintf(textout, "<%s>", name);
}

static void
x_end(void *ctx, const xmlChar *name)
{
	(void)ctx;
	if (textout)
		fprintf(textout, "</%s>", name);
}

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void
libxml2(const char *s, size_t n)
{
	htmlSAXHandler h;
	htmlParserCtxtPtr c;

	memset(&h, 0, sizeof(h));
	h.startElement = x_start;
	h.endElement = x_end;
	h.characters = x_text;
	h.ignorableWhitespace = x_text;
	h.error = h.warning = h.fatalError = quiet;
	c = htmlCreateMemoryParserCtxt(s, (int)n);
	memcpy(c->sax, &h, sizeof(h));
	xmlSwitchEncoding(c, XML_CHAR_ENCODING_UTF8);	/* as from-html declares it */
	htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
	htmlParseDocument(c);
	htmlFreeParserCtxt(c);
}

static void
g_walk(const GumboNode *node)
{
	size_t i;

	if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
		nchars += strlen(node->v.text.text);
		if (textout)
			fputs(node->v.text.text, textout);
		return;
	}
	if (node->type != GUMBO_NODE_ELEMENT)
		return;
	if (textout)
		fprintf(textout, "<%s>", gumbo_normalized_tagname(node->v.element.tag));
	for (i = 0; i < node->v.element.children.length; i++)
		g_walk(node->v.element.children.data[i]);
	if (textout)
		fprintf(textout, "</%s>", gumbo_normalized_tagname(node->v.element.tag));
}

static void
gumbo(const char *s, size_t n)
{
	GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, s, n);

	g_walk(out->root);
	gumbo_destroy_output(&kGumboDefaultOptions, out);
}

static char *
slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	char *s;
	long len;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (len = ftell(fp)) < 0) {
		perror(path);
		exit(2);
	}
	rewind(fp);
	s = malloc((size_t)len + 1);
	*n = fread(s, 1, (size_t)len, fp);
	s[*n] = '\0';
	fclose(fp);
	return s;
}

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	int i, r, rounds;
	char **page;
	size_t *len, bytes = 0;
	double t0;

	if (argc >= 3 && strcmp(argv[1], "text") == 0) {
		size_t n;
		char *s = slurp(argv[2], &n);

		textout = stdout;
		printf("libxml2: ");
		libxml2(s, n);
		printf("\ngumbo:   ");
		gumbo(s, n);
		printf("\n");
		free(s);
		return 0;
	}
	if (argc < 4 || strcmp(argv[1], "speed") != 0) {
		fprintf(stderr, "usage: parsers speed ROUNDS FILE... | parsers text FILE\n");
		return 2;
	}
	rounds = atoi(argv[2]);
	page = calloc((size_t)argc, sizeof(*page));
	len = calloc((size_t)argc, sizeof(*len));
	for (i = 3; i < argc; i++) {
		page[i] = slurp(argv[i], &len[i]);
		bytes += len[i];
	}
	t0 = now();
	for (r = 0; r < rounds; r++)
		for (i = 3; i < argc; i++)
			libxml2(page[i], len[i]);
	printf("libxml2 SAX: %.0f pages/s, %.1f MB/s (CPU time)\n", rounds * (argc - 3) / (now() - t0),
	    rounds * (double)bytes / 1e6 / (now() - t0));
	t0 = now();
	for (r = 0; r < rounds; r++)
		for (i = 3; i < argc; i++)
			gumbo(page[i], len[i]);
	printf("gumbo tree:  %.0f pages/s, %.1f MB/s (CPU time)\n", rounds * (argc - 3) / (now() - t0),
	    rounds * (double)bytes / 1e6 / (now() - t0));
	for (i = 3; i < argc; i++)
		free(page[i]);
	free(page);
	free(len);
	return nchars == 0;
}
