/*
 * parse-bench: date_parse() alone on the inputs of tests/dates/table.tsv,
 * the same table normalize-date is tested on.  Prints how many rows come
 * out as the table expects, then dates per second over many rounds.
 * Built and run by bench/dates/run.sh; not part of make test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "util.h"

struct row {
	char *in, *want, *zone;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	const char *rules = argc > 1 ? argv[1] : "rules";
	const char *table = argc > 2 ? argv[2] : "tests/dates/table.tsv";
	double secs = argc > 3 ? atof(argv[3]) : 2.0;
	struct datelang *l[2];
	struct dateset *ds;
	struct row *rows = NULL;
	size_t n = 0, cap = 0, i, right = 0;
	char line[4096], path[1024];
	unsigned long rounds = 0, dates = 0, sink = 0;
	double t0, t;
	FILE *fp;

	util_init(argv[0]);
	snprintf(path, sizeof(path), "%s/dates/bn.yaml", rules);
	l[0] = datelang_load(path, "bn");
	snprintf(path, sizeof(path), "%s/dates/en.yaml", rules);
	l[1] = datelang_load(path, "en");
	if (l[0] == NULL || l[1] == NULL)
		return 2;
	ds = dateset_new(l, 2);
	if ((fp = fopen(table, "r")) == NULL)
		die(2, "%s: cannot open", table);
	while (fgets(line, sizeof(line), fp)) {
		char *f[4] = {0}, *p = line;
		int k;

		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (k = 0; k < 4 && p; k++) {
			f[k] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (n == cap)
			rows = erealloc(rows, (cap = cap ? cap * 2 : 256) * sizeof(*rows));
		rows[n].in = estrdup(f[0]);
		rows[n].want = estrdup(f[1] ? f[1] : "");
		rows[n].zone = estrdup(f[2] && *f[2] ? f[2] : "Asia/Dhaka");
		n++;
	}
	fclose(fp);
	for (i = 0; i < n; i++) {
		struct date_result r;
		int good;

		date_parse(ds, rows[i].in, strlen(rows[i].in), datezone_get(rows[i].zone), &r);
		good = rows[i].want[0] == '!' ? r.status != DATE_OK : r.status == DATE_OK && strcmp(r.iso, rows[i].want) == 0;
		right += good;
		if (!good)
			printf("wrong: %s -> %s (want %s)\n", rows[i].in, r.status == DATE_OK ? r.iso : r.why, rows[i].want);
	}
	printf("parser alone: %zu of %zu table rows right\n", right, n);
	t0 = now();
	do {
		for (i = 0; i < n; i++) {
			struct date_result r;

			date_parse(ds, rows[i].in, strlen(rows[i].in), datezone_get(rows[i].zone), &r);
			sink += (unsigned long)r.status + (unsigned char)r.iso[3];
		}
		rounds++;
		dates += n;
		t = now();
	} while (t - t0 < secs);
	printf("parser alone: %lu dates in %.2f s: %.0f dates/s (%.0f ns per date; sink %lu)\n",
	    dates, t - t0, dates / (t - t0), (t - t0) * 1e9 / dates, sink % 10);
	for (i = 0; i < n; i++) {
		free(rows[i].in);
		free(rows[i].want);
		free(rows[i].zone);
	}
	free(rows);
	dateset_free(ds);
	datelang_free(l[0]);
	datelang_free(l[1]);
	datezone_free_all();
	return 0;
}
