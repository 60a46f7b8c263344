#!/bin/sh
# bench/warc/ccnews.sh: HTML in WARC (issues 15 and 19).  On a CC-NEWS-like
# file (bench/warc/gen-ccnews.py: the Bengali pages of bench/html/gen-pages,
# 100-300 KB each, among English pages of the same sizes, HTTP responses
# with no language header, a gzip member each), on one core (taskset -c 0):
#
#   zcat FILE > /dev/null                   the floor
#   from-warc FILE > /dev/null              every page rendered
#   from-warc --lang ben FILE > /dev/null   lang="en" pages skipped unrendered
#   khobor --lang ben FILE > /dev/null      the whole chain
#
# each RUNS times; pages/s is pages in the file (or Bengali pages kept, for
# the last two) over CPU seconds (user+sys), the median; wall time beside.
#
# usage: bench/warc/ccnews.sh [RUNS [BENGALI [ENGLISH]]]   (default 3 300 600)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-3}
nbn=${2:-300}
nen=${3:-600}
out=$top/build/bench/ccnews
file=$out/ccnews.warc.gz
PATH=$top/bin:$PATH
export PATH
[ -x "$top/bin/from-warc" ] || { echo "ccnews.sh: build first (make)" >&2; exit 2; }
mkdir -p "$out"
if [ ! -f "$file" ] || [ ! -f "$out/made-$nbn-$nen" ]; then
	rm -rf "$out/pages" "$out"/made-*
	python3 "$top/bench/html/gen-pages" --pages "$nbn" "$out/pages" >/dev/null
	python3 "$top/bench/warc/gen-ccnews.py" --english "$nen" "$out/pages/pages" "$file"
	touch "$out/made-$nbn-$nen"
fi
cat "$file" >/dev/null
total=$((nbn + nen))
printf 'file: %s, %s bytes gzip, %s bytes of WARC; %s responses (%s Bengali)\n' "$file" \
	"$(wc -c <"$file" | tr -d ' ')" "$(zcat "$file" | wc -c | tr -d ' ')" "$total" "$nbn"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

median() {
	sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# timed LABEL PAGES COMMAND
timed() {
	: >"$out/cpu.$1"
	: >"$out/wall.$1"
	i=0
	while [ "$i" -lt "$runs" ]; do
		/usr/bin/time -f '%U %S %e' -o "$out/t" taskset -c 0 sh -c "$3" >/dev/null 2>"$out/err"
		awk '{ print $1 + $2 }' "$out/t" >>"$out/cpu.$1"
		awk '{ print $3 }' "$out/t" >>"$out/wall.$1"
		i=$((i + 1))
	done
	cpu=$(median <"$out/cpu.$1")
	wall=$(median <"$out/wall.$1")
	printf '%-28s %7.2f s cpu %7.2f s wall  %6.0f pages/s (cpu), %6.0f (wall)\n' "$1" "$cpu" "$wall" \
		"$(echo "$2 $cpu" | awk '{ print $1 / $2 }')" "$(echo "$2 $wall" | awk '{ print $1 / $2 }')"
}

timed "zcat" "$total" "zcat '$file'"
timed "from-warc (all rendered)" "$total" "from-warc '$file'"
timed "from-warc --lang ben" "$nbn" "from-warc --lang ben '$file'"
timed "khobor --lang ben" "$nbn" "khobor --lang ben '$file'"
from-warc --lang ben --stats "$file" 2>&1 >/dev/null | sed 's/^/  /'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
