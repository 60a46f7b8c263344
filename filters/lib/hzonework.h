/*
 * hzonework.h: the header-zone reader's lines, shared by hzoneline.c
 * (a line's shapes), hzoneclass.c (what one line is), hzoneflat.c (a header flattened onto one line),
 * hzoneagain.c (the headline printed again), hzonewrap.c (a credit over
 * two lines), hzonehead.c (the headline), hzonewrite.c (the record),
 * hzonestory.c (what the header lacks, read in the story) and
 * hzone.c (the zone the lines make).  Private to those files; everyone
 * else sees hzone.h.
 * Each function is described where it is defined.
 */
#ifndef KHOBOR_HZONEWORK_H
#define KHOBOR_HZONEWORK_H

#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "hzonerule.h"
#include "util.h"

/* What a line of the header zone is. */
enum kind {
	K_BLANK, K_OTHER, K_CHROME, K_CLOCK, K_LABELLED, K_DATE, K_BYLINE, K_EDITION,
	K_TITLELIKE, K_PARA, K_KEEP
};

struct rline {
	size_t off, len;	/* in w->text, trimmed */
	size_t half;		/* len, or len / 2 for a line printed twice without a break */
	enum kind kind;
	int has_time;		/* K_DATE: a time of day too */
	const char *why;	/* for --explain */
	size_t vo, vl;		/* K_BYLINE: the value, in w->text */
	int pattern;		/* K_BYLINE: by a byline pattern, not by where it stands */
	int placed;		/* K_CLOCK: by where it stands, not by a pattern or a calendar */
	int story;		/* K_DATE: the story's date wherever it stands */
	int tail;		/* K_PARA: a labelled date closes it (a page on one line) */
	int asis;		/* K_BYLINE: written as printed (a credit placed by its shape) */
	int joined;		/* K_BYLINE: written with the next line (JOINED_*) */
	int again;		/* a copy of the headline printed again (hzoneagain.c): AGAIN_* */
	size_t co, cl;		/* K_DATE: a writer's name before the date on its line, in w->text (cl 0: none) */
};

/*
 * How a byline is written with the next line (hzoneblock.c): the name
 * over its post, the post over its name; "Name, <post>" either way.
 */
enum { JOINED_NONE, JOINED_POST_BELOW, JOINED_NAME_BELOW };

/* How a copy of the headline printed again reads (hzoneagain.c). */
enum { AGAIN_NONE, AGAIN_SAME, AGAIN_SUFFIXED };

struct hzonework {
	struct buf text, out, val, cut;
	struct buf orig;	/* w->text as printed, where name prefixes were masked (masked) */
	int masked;
	struct rline *l;
	size_t nl, cap;
	FILE *ex;
	const char *src;
	const char *pzone;	/* the page's own zone (page_zone), or NULL */
	int patterned;		/* a byline pattern reads a line of the zone */
	struct rxmemo *memo;	/* the answers of the patterns on this page (rxmemo.h) */
	int named;		/* a writer's name placed under the dates (hzone.c, name_under_dates) */
};

/*
 * What hzone_apply has decided so far about one page, handed to each of its
 * phases in turn: line numbers are indexes into w->l, -1 for none.
 */
struct hzpage {
	long zone;		/* the header zone: lines 0 .. zone - 1 */
	long p;			/* the first paragraph: the body starts there (zone: none) */
	long b0;		/* the first line of the byline and date block */
	long title;		/* the headline */
	long latin;		/* a line in Latin letters opening the page: the headline in English, maybe */
	long foot;		/* the labelled date at the foot of the page, left out of the body */
	long under;		/* the headline under the only paragraph, left out of the body */
	long below0, below1;	/* the byline and dates under a standfirst, left out of the body */
	size_t copies;		/* copies of the headline printed again (again_mark) */
	int patterned;		/* a byline pattern reads a line above the first paragraph */
	int credited;		/* the first paragraph opens with a dateline that names a credit */
	int blog;		/* the record's platform prints the post's date over its title (post_date_over_title) */
	int pub, upd, ed, author;	/* how many of each field were written */
	int placed;		/* the author written was placed by its shape, no byline pattern read it */
};

/* What one segment of a header line is. */
enum seg { S_NONE, S_PUBLISHED, S_UPDATED, S_EDITION, S_DATE, S_BYLINE };

/* Which calendar a date line is in. */
enum cal { CAL_NONE, CAL_GREG, CAL_BN, CAL_HIJRI };

const char *line_text(const struct hzonework *w, size_t i);
int line_matches(const struct pats *p, const char *s, size_t n);
int line_value_of(struct rx *re, const char *s, size_t n, size_t *vo, size_t *vl);
/* The index of the first of P's patterns with a value in S[0..N) (line_value_of's), or P->n. */
size_t line_first_value(const struct pats *p, const char *s, size_t n, size_t *vo, size_t *vl);
size_t line_words(const char *s, size_t n);
int line_letter_in(const char *s, size_t n, int latin);
int line_latin_in(const char *s, size_t n);
int line_has_letter(const char *s, size_t n);
int line_digit_at(const char *s, size_t n);
int line_has_digit(const char *s, size_t n);
int line_ends_with(const char *s, size_t n, const char *end);
int line_sentence_end(const char *s, size_t n);
int line_trails_off(const char *s, size_t n);
int line_inner_sentence(const char *s, size_t n);
int line_is_date(const struct hzoneset *rs, const char *s, size_t n, struct date_result *r);
int line_starts_year(const char *s, size_t n);
int line_is_item(const char *s, size_t n);
size_t line_name_start(const struct hzoneset *rs, const char *s, size_t n);
size_t line_suffixed(const char *s, size_t n);
size_t line_latin_suffixed(const char *s, size_t n);
int line_segment(const char *s, size_t n, size_t *i, size_t *a, size_t *e);
int line_date_value(const struct hzoneset *rs, const char *s, size_t vo, size_t *vl);
enum seg line_what_segment(const struct hzoneset *rs, const char *s, size_t n, size_t *vo, size_t *vl);
size_t line_twice(const char *s, size_t n);
int line_name_segment(const char *s, size_t n);
size_t line_before_label(const struct hzoneset *rs, const char *s, size_t m, size_t n);
size_t line_byline_then_date(const struct hzoneset *rs, const char *s, size_t n, size_t *end);
size_t line_label_after(const struct hzoneset *rs, const char *s, size_t n);
int line_bengali_name(const char *s, size_t n);
int line_glued_initials(const char *s, size_t n);
int line_latin_name(const char *s, size_t n);
int line_post_alone(const struct hzoneset *rs, const char *s, size_t n);
int line_misspelt_credit(const struct hzoneset *rs, const char *s, size_t n, size_t *vo, size_t *vl);
int line_visarga_in_word(const struct hzoneset *rs, const char *s, size_t n, size_t e);
size_t line_dateline_reach(const struct hzoneset *rs, const char *s, size_t n);
int line_credit_before_label(const struct hzoneset *rs, const char *s, size_t n, size_t *vo, size_t *vl);
int line_time_alone(const char *s, size_t n);
int line_update_inside(const struct hzoneset *rs, const char *s, size_t n, size_t a, size_t i);
enum seg line_label_alone(const struct hzoneset *rs, const char *s, size_t n);
int line_credit_label_alone(const struct hzoneset *rs, const char *s, size_t n);
int line_name_date(const struct hzoneset *rs, const char *s, size_t n);
int line_place_date_credit(const struct hzoneset *rs, const char *s, size_t n, size_t *d, size_t *dl, size_t *c, size_t *cl);
int line_unclock(const struct hzoneset *rs, const char *s, size_t n, struct buf *out);
int line_piece(const char *s, size_t n, size_t *i, size_t *a, size_t *e);
enum cal line_calendar_of(const struct hzoneset *rs, const char *s, size_t n, struct date_result *r);
int line_tail_date(const struct hzoneset *rs, struct hzonework *w, long p, size_t *vo, size_t *vl);
int line_latin_run(const char *s, size_t n);
size_t line_date_run(const struct hzoneset *rs, const char *s, size_t n, size_t a);
int line_daypart_at(const struct hzoneset *rs, const char *s, size_t i, size_t n);
int line_name_place(const char *s, size_t n);
int line_weekday_word(const char *s, size_t n);
int line_calendars(const struct hzoneset *rs, const char *s, size_t n);

/* hzoneclass.c: what each line of the zone is. */
void line_classify(const struct hzoneset *rs, struct hzonework *w, size_t i);
void line_check_clock(const struct hzoneset *rs, struct hzonework *w, size_t i);
extern const char line_section_date_why[];

/* hzoneagain.c: the copies of the headline printed again, marked. */
size_t again_mark(struct hzonework *w, size_t zone, size_t minwords);

/* hzoneflat.c: a header flattened onto one line, cut into its lines. */
int flat_unflatten(const struct hzoneset *rs, struct hzonework *w);
int flat_unflatten_byline(const struct hzoneset *rs, struct hzonework *w);
int flat_unflatten_dates(const struct hzoneset *rs, struct hzonework *w);
int flat_unflatten_label(const struct hzoneset *rs, struct hzonework *w);

/* hzone.c: where a line stands in the zone, for hzonehead.c and hzonewrite.c. */
int zone_same(const struct hzonework *w, size_t i, size_t j);
int zone_paired_list(const struct hzonework *w, size_t from, size_t to);
long zone_step(const struct hzonework *w, long i, int dir, long lo, long hi);
int zone_short_name(const struct hzonework *w, size_t j);
int zone_short_name_in(const char *s, size_t n);
int zone_first_content(const struct hzonework *w, long j);
int zone_opens_page(const struct hzonework *w, long j);
int zone_furniture_above(const struct hzonework *w, long j);
int zone_dateline_credited(const struct hzoneset *rs, const char *s, size_t n);
int zone_shares_word(const struct hzonework *w, long i, long j);
int zone_given_name_in(const struct hzonework *w, long i, long j);
int zone_words_shared(const struct hzonework *w, long i, long j, int most);
int zone_date_over_crumb(const struct hzonework *w, long i, long p);
int zone_in_block(enum kind k);
int zone_date_time_below(const struct hzoneset *rs, struct hzonework *w, long i, long p);
int zone_over_update(const struct hzoneset *rs, const struct hzonework *w, long i, long p);
int zone_time_below(const struct hzoneset *rs, struct hzonework *w, const char *s, size_t n, long i, long p, int alone);
int zone_at_top(const struct hzonework *w, long j);
int zone_upazila_district(const char *s, size_t n);
int zone_credit_shape(const char *s, size_t n, size_t *vl, size_t *na, size_t *ne, int *closedp);

/* hzoneblock.c: the byline and date block, and the names placed beside it. */
void mark_block(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg);
void names_beside_dates(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg);
void honorific_over_story(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg);
void name_over_role(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg);
void role_over_name(const struct hzoneset *rs, struct hzonework *w, const struct hzpage *pg);

/* hzonedate.c: the dates placed (the clock or the story's), the page's zone. */
struct record;
void clock_or_story_dates(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg);
int blog_platform(const struct hzoneset *rs, const struct record *rec);
void post_date(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg);
void note_page_zone(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg);

/* hzonehead.c: the headline (pg->title), by where it stands and by its copies. */
void headline_by_block(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg);
void headline_by_copies(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg);
void headline_last_resorts(const struct hzoneset *rs, struct hzonework *w, struct hzpage *pg);

/* hzonewrite.c: the record: the header's fields and the body. */
struct record;
void write_field(struct record *rec, struct hzonework *w, const char *name, const char *s, size_t n);
void write_author(struct record *rec, struct hzonework *w, const char *s, size_t n);
void write_name_post(struct record *rec, struct hzonework *w, const char *name, size_t nl, const char *post, size_t pl);
void write_explain(struct hzonework *w, size_t i, const char *what, const char *why);
int write_title(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg, long i);
void write_line(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg, long i);
void write_header(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg);
void write_body(struct hzonework *w, struct record *rec, struct hzpage *pg);
void drop_placeholders(const struct hzoneset *rs, struct hzonework *w, struct record *rec);

/* hzonestory.c: what the header lacks, read in the story under it. */
void read_below_header(const struct hzoneset *rs, struct hzonework *w, struct record *rec, struct hzpage *pg);

/* hzonewrap.c: a credit wrapped over two lines, a date set out in pieces, joined. */
int wrap_join_credit(const struct hzoneset *rs, struct hzonework *w, size_t zone);
int wrap_join_date(const struct hzoneset *rs, struct hzonework *w, size_t zone);

#endif
