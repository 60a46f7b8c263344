#!/bin/sh
# tests/t/76-memory.t: memory is bounded by the largest record (issue 7).
#
# 200 MB of records (most 10 KB, every hundredth 680 KB) stream through each
# filter; its peak RSS must stay under a fixed bound, and must not grow with
# the length of the stream: the peak for 200 MB may exceed the peak for
# 20 MB of the same records by a few MB at most (a leak of 1 KB per record
# would add 18 MB).  Peak RSS comes from /usr/bin/time, else from VmHWM in
# /proc.  Skipped under ASan (shadow memory and quarantine are most of the
# RSS there) and valgrind.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

BOUND_KB=49152	# 48 MB: about 70 times the largest record
GROWTH_KB=8192	# 8 MB

case $BIN in
*asan* | *valgrind*)
	echo "1..0 # SKIP RSS under a sanitizer or valgrind is their memory, not the filter's"
	exit 0
	;;
esac
if [ -n "${KHOBOR_VALGRIND:-}" ]; then
	echo "1..0 # SKIP RSS under valgrind is valgrind's"
	exit 0
fi

# peak_kb OUTFILE CMD...: run CMD (stdin from ours, stdout to /dev/null) and
# write its peak RSS in KB to OUTFILE.
if [ -x /usr/bin/time ]; then
	peak_kb() {
		_o=$1
		shift
		/usr/bin/time -f '%M' -o "$_o" "$@" >/dev/null 2>"$TMP/err"
	}
else
	peak_kb() {
		_o=$1
		shift
		"$@" >/dev/null 2>"$TMP/err" &
		_p=$!
		_hwm=0
		while kill -0 "$_p" 2>/dev/null; do
			_v=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$_p/status" 2>/dev/null)
			[ -n "$_v" ] && _hwm=$_v
			sleep 0.05
		done
		wait "$_p"
		echo "$_hwm" >"$_o"
	}
fi

"$BIN/strip-boilerplate" "$SEEDS"/000_*.txt | tr -d '\0' | sed '1,/^$/d' >"$TMP/body"

# gen MB: MB megabytes of records, with the seed article as body.
gen() {
	awk -v mb="$1" -v body="$TMP/body" 'BEGIN {
		while ((getline line < body) > 0) text = text line "\n"
		total = 0; i = 0
		while (total < mb * 1048576) {
			i++
			reps = (i % 100 == 0) ? 200 : 3
			printf "source: r%d\nsite: kalbela\npublished: ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম\n\n", i
			for (k = 0; k < reps; k++) printf "%s", text
			printf "%c", 0
			total += reps * length(text) + 100
		}
	}'
}

# genjson MB: the same as JSON Lines, for from-jsonl.
genjson() {
	awk -v mb="$1" -v body="$TMP/body" 'BEGIN {
		while ((getline line < body) > 0) text = text line "\\n"
		total = 0; i = 0
		while (total < mb * 1048576) {
			i++
			reps = (i % 100 == 0) ? 200 : 3
			printf "{\"id\":\"r%d\",\"site\":\"kalbela\",\"text\":\"", i
			for (k = 0; k < reps; k++) printf "%s", text
			printf "\"}\n"
			total += reps * length(text) + 60
		}
	}'
}

for f in "strip-boilerplate --records" from-jsonl extract-meta normalize-date to-jsonl; do
	exe=${f%% *}
	if [ ! -x "$BIN/$exe" ]; then
		echo "ok $((_n + 1)) # SKIP $exe is not built"
		echo "ok $((_n + 2)) # SKIP $exe is not built"
		_n=$((_n + 2))
		continue
	fi
	g=gen
	[ "$exe" = from-jsonl ] && g=genjson
	# shellcheck disable=SC2086 # $f is a command and its option
	$g 20 | peak_kb "$TMP/small" "$BIN"/$f
	# shellcheck disable=SC2086
	$g 200 | peak_kb "$TMP/big" "$BIN"/$f
	small=$(cat "$TMP/small")
	big=$(cat "$TMP/big")
	ok "$([ "$big" -le "$BOUND_KB" ]; echo $?)" "$f, 200 MB of records: peak RSS $big KB, under $BOUND_KB KB"
	ok "$([ $((big - small)) -le "$GROWTH_KB" ]; echo $?)" \
		"$f: peak RSS does not grow with the stream ($small KB for 20 MB, $big KB for 200 MB)"
done

done_testing
