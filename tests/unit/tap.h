/* tap.h: a little TAP for the C unit tests (one copy, included by each). */
#ifndef KHOBOR_TEST_TAP_H
#define KHOBOR_TEST_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int ntest, nfail;
static const char *todo;	/* when set, failures are expected (a known bug) */

static inline int
vtap(int pass, const char *fmt, va_list ap)
{
	printf("%s %d - ", pass ? "ok" : "not ok", ++ntest);
	vprintf(fmt, ap);
	if (todo)
		printf(" # TODO %s", todo);
	putchar('\n');
	if (!pass && !todo)
		nfail++;
	return pass;
}

static inline int
ok(int pass, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vtap(pass, fmt, ap);
	va_end(ap);
	return pass;
}

#endif
