/*
 * datelang.h: date language files compiled (datelang.c), and the merged
 * sets of them that the reader (date.c) matches against.  Internal to the
 * date modules: the functions a program calls are declared in date.h.
 *
 * A language file gives words (each with a kind and a value), digits,
 * colons, orders, and calendars: for each calendar its month names and
 * era words, and maybe its table (calendar.h).  Calendars are named
 * ("bangla"), so that a language can name one whose table another file
 * gives (en.yaml's "BS" is an era word of bn.yaml's calendar).  Index 0
 * is always the Gregorian calendar, built in.
 */
#ifndef KHOBOR_DATELANG_H
#define KHOBOR_DATELANG_H

#include <stddef.h>
#include <stdint.h>

#include "calendar.h"
#include "hash.h"

/* What a word means. */
enum kind {
	K_NONE = 0,
	K_MONTH,	/* a: month 1..12; b: its calendar */
	K_WEEKDAY,	/* a: ISO weekday 1..7 */
	K_HOURS,	/* a..b: the hours of the day it names; flag: may follow a bare hour */
	K_HOURWORD,	/* "টা": the number before it is an hour */
	K_MINWORD,	/* "মিনিট": the number before it is minutes */
	K_ORDINAL,	/* "শে", "th": the number before it is a day */
	K_ERA,		/* a: calendar (-1: any); the number before it is a year */
	K_ZONE,		/* a: offset in seconds east of UTC */
	K_FILLER,	/* ignored */
	K_RELDAY,	/* a: days from the publication date */
	K_PAST,		/* "গত": the latest such date before publication */
	K_NEXT,		/* "আগামী": the first such date after publication */
	K_RANGE,	/* "থেকে": from one date to another */
	K_CLOCKWORD	/* "ঘণ্টা" after four digits: a 24-hour time, HHMM */
};

/* "a month", "an era word": for messages. */
extern const char *const datelang_kind_names[];

#define KEYMAX 64		/* longest word key, in bytes */
#define MAXORD 16		/* orders per language */
#define MAXCAL 8		/* calendars a language or a set names, the Gregorian one included */

struct word {
	char *key;		/* NFC, ASCII lower-cased, without '.' and joiners; a month
				 * name of more words has them one ASCII space apart */
	unsigned char kind, flag;
	int a, b;
	unsigned line, col;	/* where the file lists it, for duplicate messages */
};

struct digit {
	int32_t cp;
	int v;
};

/* A calendar as one language file gives it. */
struct langcal {
	char *key;		/* how files name it: "bangla" */
	char *name;		/* for messages: "Bangla"; NULL when the file gives no table */
	struct calperiod *p;	/* its table, latest period first; np 0: given elsewhere */
	size_t np;
	int convert;		/* with a table: 0 if its dates are recognised but never converted */
	char *mname[CAL_MONTHS + 1];	/* the first name of each month, for messages */
	unsigned line, col;	/* where the file first names it */
};

struct datelang {
	char *name;
	char *file;
	struct word *w;
	size_t nw, capw;
	struct digit dig[40];
	size_t ndig;
	int32_t colon[8];
	size_t ncolon;
	char order[MAXORD][8];
	size_t norder;
	struct langcal cal[MAXCAL];	/* cal[0]: the Gregorian calendar */
	size_t ncal;
	char *wdname[8];	/* the first name of each weekday, for messages */
};

/* Character classes of the tokenizer, one byte per BMP code point. */
enum { C_LETTER = 0, C_SPACE = 1, C_JOINER = 2, C_DIGIT0 = 3 /* .. 12 */ };
/* Values 33..126 are punctuation, as the ASCII character it counts as. */

/* A calendar of a set: the first language that gives its table gives it. */
struct setcal {
	const char *key;
	struct calendar cal;	/* cal.np 0: no language of the set gives the table */
	int convert;
	int kept;		/* the site keeps its dates as printed ('keep_raw') */
	const char *mname[CAL_MONTHS + 1];
};

struct dateset {
	struct hmap words;	/* key -> const struct word *, into w */
	struct hmap heads;	/* the first word, and two, of a month name of more words */
	uint64_t headlen;	/* bit K: a head K bytes long (a cheap test before the map) */
	struct word *w;		/* the languages' words, calendars numbered for the set */
	unsigned char *cls;	/* 65536 entries: class + 1, 0 until met; filled by date.c (not thread-safe) */
	char order[4 * MAXORD][8];
	size_t norder;
	struct setcal cal[MAXCAL];	/* cal[0]: the Gregorian calendar */
	size_t ncal;
	const char *wdname[8];
	int borrowed;		/* words, maps and classes are another set's (dateset_dup) */
};

/* The class of a code point from Unicode alone, before a language adds digits and colons. */
int datelang_class(int32_t cp);

#endif
