/*
 * dateread.h: the pieces of the date reader (date.c) that the reader of
 * dates in running text (datetext.c) shares: tokens, the pieces of a date,
 * the reading of day, month and year by the orders of a set, and the
 * conversion of another calendar's date.  Internal to the date modules.
 */
#ifndef KHOBOR_DATEREAD_H
#define KHOBOR_DATEREAD_H

#include <stddef.h>

#include "date.h"
#include "datelang.h"

/* A token: a number, a word (its meaning from the set), or punctuation. */
enum { T_NUM = 1, T_WORD, T_PUNCT };

struct tok {
	unsigned char type, kind, flag, used;
	unsigned char ndig;	/* digits in a number (capped at 99) */
	unsigned char numeric;	/* part of a d/m/y group of numbers */
	char ch;		/* punctuation, as ASCII */
	int val, val2;
	unsigned start, end;	/* bytes of the input */
};

/*
 * The next token of s[*pos..n); 0 at the end.  A word keeps '.' inside
 * it ("a.m.") but not at its end, and is looked up by its key.
 */
int date_next_token(const struct dateset *ds, const char *s, size_t n, size_t *pos, struct tok *t);

enum { TAG_DAY = 1, TAG_YEAR = 2 };

/* A piece of a date: a number or a month name, in printed order. */
struct comp {
	char kind;		/* 'N' or 'M' */
	unsigned char tag;	/* TAG_DAY after an ordinal, TAG_YEAR after an era word */
	unsigned char numeric;	/* in a 25/07/2023 group */
	int val, ndig;
	int cal;		/* M: its calendar; N: the calendar of its era word, or -1 */
	int ti;			/* its token */
};

struct reading {
	int y, m, d, cal, ydig, yearless;
};

enum { R_BAD = 0, R_OK, R_TWO, R_NODAY, R_ORDER };

/*
 * Read the NC pieces C by every order of the set (with YEARLESS, the
 * orders without their y).  One reading, or several that agree, is R_OK
 * in res[0]; two that differ are R_ORDER (res[0] and res[1]); otherwise
 * the most telling failure.
 */
int date_read_comps(const struct dateset *ds, const struct comp *c, size_t nc, int yearless,
    struct reading res[2]);

/*
 * The Gregorian day number of day D of month M of year Y of the set's
 * calendar CAL; DATE_OK, or the failure in OUT.
 */
int date_to_days(const struct dateset *ds, int cal, int y, int m, int d, long *days, struct date_result *out);

#endif
