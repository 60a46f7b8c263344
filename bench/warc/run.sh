#!/bin/sh
# bench/warc/run.sh: reading WET (issue 15).  In the same run, on one gzip
# WET file (a gzip member per record, as Common Crawl writes them):
#
#   zcat FILE > /dev/null                          the floor
#   from-warc FILE > /dev/null                     goal: at most 1.0x zcat
#   from-warc (plain zlib build) FILE > /dev/null  for comparison
#   from-warc --lang ben FILE | strip-boilerplate --records | extract-meta |
#     normalize-date | to-jsonl > /dev/null        goal: within 1.5x zcat
#   khobor --lang ben FILE > /dev/null             the driver, the same chain
#
# each RUNS times (default 3), with the load average before and after, then
# the three inflaters alone (inflate-bench.c).  Wall and CPU seconds per run,
# and the median of the ratios to zcat's wall time of the same run.
#
# usage: bench/warc/run.sh [FILE [RUNS]]
# FILE defaults to build/bench/wet-1g.wet.gz, generated when missing
# (bench/warc/gen-wet.py --size 1e9: about 1 GB, 1% Bengali news pages).
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
file=${1:-$top/build/bench/wet-1g.wet.gz}
runs=${2:-3}
out=$top/build/bench
mkdir -p "$out"
bin=$top/bin
PATH=$bin:$PATH
export PATH

if [ ! -f "$file" ]; then
	echo "generating $file (a few minutes)"
	python3 "$top/bench/warc/gen-wet.py" --size 1e9 "$file" || exit 1
fi
(cd "$top" && make -s all && make -s all B=build/zlib OUT=build/zlib/bin INFLATE=zlib) >/dev/null || exit 1
ibench=
if cc -O2 -o "$out/inflate-bench" "$top/bench/warc/inflate-bench.c" -lz -ldeflate -lisal 2>/dev/null; then
	ibench=$out/inflate-bench
fi

# The file, and what is in it.
cat "$file" >/dev/null	# into the page cache
size=$(wc -c <"$file")
usize=$(zcat "$file" | wc -c)
from-warc --stats --lang ben "$file" 2>"$out/stats" | tr -cd '\0' | wc -c >"$out/kept"
printf 'file: %s\n%s bytes gzip, %s bytes of WARC (ratio %s), %s\n' "$file" "$size" "$usize" \
	"$(echo "scale=2; $usize / $size" | bc)" "$(head -n 1 "$out/stats" | sed 's/^from-warc: //')"
printf 'machine: %s cores, %s\n\n' "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"

# timed LABEL COMMAND: run COMMAND with sh; append "LABEL wall user+sys" to $out/times.
timed() {
	/usr/bin/time -f '%e %U %S' -o "$out/t" sh -c "$2" >/dev/null 2>"$out/err"
	read -r wall user sys <"$out/t"
	cpu=$(echo "$user + $sys" | bc)
	printf '%-10s %7.2f s wall %7.2f s cpu\n' "$1" "$wall" "$cpu"
	echo "$run $1 $wall $cpu" >>"$out/times"
}

: >"$out/times"
run=1
while [ "$run" -le "$runs" ]; do
	echo "run $run (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
	timed zcat "zcat '$file'"
	timed from-warc "from-warc '$file'"
	timed zlib "'$top/build/zlib/bin/from-warc' '$file'"
	timed chain "from-warc --lang ben '$file' | strip-boilerplate --records | extract-meta | normalize-date | to-jsonl"
	timed khobor "khobor --lang ben '$file'"
	echo "      (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
	run=$((run + 1))
done

echo
echo "ratio to zcat's wall time in the same run (median of $runs; cpu ratio in brackets):"
for what in from-warc zlib chain khobor; do
	awk -v w="$what" '
		$2 == "zcat" { z[$1] = $3; zc[$1] = $4 }
		$2 == w { r[$1] = $3; rc[$1] = $4 }
		END {
			n = 0
			for (k in r) { n++; a[n] = r[k] / z[k]; c[n] = rc[k] / zc[k] }
			# sort both lists (insertion sort: n is small)
			for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
			for (i = 2; i <= n; i++) for (j = i; j > 1 && c[j-1] > c[j]; j--) { t = c[j]; c[j] = c[j-1]; c[j-1] = t }
			m = int((n + 1) / 2)
			printf "  %-10s %5.2fx  (%5.2fx cpu)   runs:", w, a[m], c[m]
			for (i = 1; i <= n; i++) printf " %.2f", a[i]
			printf "\n"
		}' "$out/times"
done
awk '$2 == "from-warc" { s += $3; n++ } END { if (n) printf "from-warc: %.0f MB/s of gzip, mean wall\n", '"$size"' / 1e6 / (s / n) }' "$out/times"
awk '$2 == "chain" { s += $3; n++ } END { if (n) printf "chain --lang ben: %.0f MB/s of gzip, mean wall\n", '"$size"' / 1e6 / (s / n) }' "$out/times"

if [ -n "$ibench" ]; then
	echo
	echo "the inflaters alone, member by member, best of 3:"
	"$ibench" "$file" 3
fi
