#!/bin/sh
# bench/dates/run.sh: dates per second of normalize-date (the whole filter, and
# the parser alone), and Python's dateparser on the same table, correctness and
# speed, in one run.  Not part of make test: a benchmark, not a timed test.
#
#   bench/dates/run.sh [SECONDS]      (default 3 s per measurement)
#
# Needs a built tree (make), cc, and Debian's python3-dateparser for the comparison.
set -eu
cd "$(dirname "$0")/../.."
SECS=${1:-3}
TABLE=tests/dates/table.tsv
OUT=build/bench-dates
mkdir -p "$OUT"
make -s all >/dev/null

now() { date +%s.%N; }

echo "== machine"
echo "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, $(uname -sr)"
echo "cc: $(cc --version | head -n 1)"
echo

echo "== correctness on $TABLE ($(grep -vc '^#' "$TABLE") rows)"
prove tests/t/31-date-table.t 2>&1 | tail -n 1 | sed 's/^/normalize-date (tests\/t\/31-date-table.t): /'
# shellcheck disable=SC2046 # pkg-config prints several flags
cc -std=c11 -O2 -D_GNU_SOURCE -Ifilters/lib -o "$OUT/parse-bench" bench/dates/parse-bench.c \
    build/libkhobor.a $(pkg-config --libs libpcre2-8 yaml-0.1 libutf8proc) -lm
echo

echo "== the parser alone (date_parse on the table, round after round)"
"$OUT/parse-bench" rules "$TABLE" "$SECS" | grep -v '^wrong' | tail -n 1
echo

# The whole filter: records as extract-meta writes them, the table's inputs
# cycled through published, updated and page_date (three dates a record).
echo "== the whole filter (record stream in, record stream out)"
for per in 3 1; do
	awk -F '\t' -v per=$per -v want=200000 '
	!/^#/ && NF >= 2 { in_[n++] = $1 }
	END {
		for (r = 0; r < want; r++) {
			printf "source: bench/%d\nsite: default\n", r
			printf "published: %s\n", in_[(r * 3) % n]
			if (per == 3) {
				printf "updated: %s\n", in_[(r * 3 + 1) % n]
				printf "page_date: %s\n", in_[(r * 3 + 2) % n]
			}
			printf "\nbody\n\001"
		}
	}' "$TABLE" | tr '\001' '\000' >"$OUT/stream$per"
	dates=$((200000 * per))
	bin/normalize-date "$OUT/stream$per" >/dev/null	# warm the page cache
	best=
	cpu=
	for _ in 1 2 3; do
		t0=$(now)
		/usr/bin/time -f '%U %S' -o "$OUT/time" bin/normalize-date "$OUT/stream$per" >"$OUT/out$per"
		t1=$(now)
		t=$(echo "$t1 - $t0" | bc -l)
		c=$(awk '{ print $1 + $2 }' "$OUT/time")
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
		if [ -z "$cpu" ] || [ "$(echo "$c < $cpu" | bc -l)" = 1 ]; then cpu=$c; fi
	done
	# CPU time too: on a shared machine the wall clock measures the neighbours.
	printf 'normalize-date, %d date header(s) a record: %d dates in %.3f s wall, %.2f s CPU (best of 3): %.0f dates/s wall, %.0f dates/s CPU\n' \
	    "$per" "$dates" "$best" "$cpu" "$(echo "$dates / $best" | bc -l)" "$(echo "$dates / $cpu" | bc -l)"
	[ "$per" = 3 ] && filter_rate=$(echo "$dates / $best" | bc -l) && filter_cpu=$(echo "$dates / $cpu" | bc -l)
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (on $(nproc) cores)"
echo "  bin/normalize-date $OUT/stream3 >/dev/null   ($(du -h "$OUT/stream3" | cut -f1) of records)"
echo

echo "== Python dateparser on the same table"
if /usr/bin/python3 -c 'import dateparser' 2>/dev/null; then
	/usr/bin/python3 bench/dates/dateparser-bench.py "$TABLE" "$SECS" | tee "$OUT/dateparser"
	dp=$(tail -n 1 "$OUT/dateparser" | sed 's/.*: \([0-9]*\) dates\/s wall, \([0-9]*\) dates\/s CPU/\1/')
	dpc=$(tail -n 1 "$OUT/dateparser" | sed 's/.*: \([0-9]*\) dates\/s wall, \([0-9]*\) dates\/s CPU/\2/')
	printf '\nnormalize-date (whole filter, 3 dates a record) / dateparser: %.0fx wall, %.0fx CPU\n' \
	    "$(echo "$filter_rate / $dp" | bc -l)" "$(echo "$filter_cpu / $dpc" | bc -l)"
else
	echo "python3-dateparser is not installed: apt-get install python3-dateparser"
fi
