/*
 * spell.c: a word misspelt by one slip (spell.h).
 */
#include <stdint.h>
#include <string.h>

#include "spell.h"
#include "text.h"

#define MAXCP 32

/* S as code points into CP; their number, or -1 if invalid or too long. */
static int
decode(const char *s, size_t n, int32_t *cp)
{
	size_t i = 0;
	int k = 0, len;

	while (i < n) {
		if (k == MAXCP || (len = text_decode((const unsigned char *)s + i, n - i, &cp[k])) < 0)
			return -1;
		i += (size_t)len;
		k++;
	}
	return k;
}

int
spell_one_slip(const char *a, size_t an, const char *b, size_t bn)
{
	int32_t x[MAXCP], y[MAXCP];
	int nx, ny, i, j;

	if ((nx = decode(a, an, x)) < 0 || (ny = decode(b, bn, y)) < 0)
		return 0;
	/* The first place they differ; equal words are no slip. */
	for (i = 0; i < nx && i < ny && x[i] == y[i]; i++)
		;
	if (nx == ny) {
		if (i == nx)
			return 0;
		/* One wrong, or this one and the next swapped; the rest the same. */
		j = i + 1;
		if (j < nx && x[i] == y[j] && x[j] == y[i])
			j++;
		for (; j < nx; j++)
			if (x[j] != y[j])
				return 0;
		return 1;
	}
	if (nx == ny + 1) {	/* one extra in A */
		for (j = i; j < ny; j++)
			if (x[j + 1] != y[j])
				return 0;
		return 1;
	}
	if (ny == nx + 1) {	/* one missing from A */
		for (j = i; j < nx; j++)
			if (x[j] != y[j + 1])
				return 0;
		return 1;
	}
	return 0;
}
