#!/bin/sh
# fuzz/run.sh: run each libFuzzer harness for a while and summarize.
# usage: fuzz/run.sh BUILD-DIR SECONDS HARNESS...
# Each harness reads its seeds from fuzz/corpus/NAME/ and keeps what it
# learns in BUILD-DIR/corpus/NAME/; a crash lands in BUILD-DIR/crash/NAME/.
# The full log of a run is BUILD-DIR/log/NAME.log.  Exit status 1 if any
# harness found a crash.  FUZZ_FLAGS in the environment go to every harness.
set -u
# The harnesses compile rule files' patterns by the hundred thousand: kept
# in the user's pattern cache they would fill it with nonsense (rxcache.c).
KHOBOR_CACHE=off
export KHOBOR_CACHE
flags=${FUZZ_FLAGS:-}
fb=$1
secs=$2
shift 2
status=0
for h in "$@"; do
	mkdir -p "$fb/corpus/$h" "$fb/crash/$h" "$fb/log" "fuzz/corpus/$h"
	log=$fb/log/$h.log
	printf 'fuzz: %s: running for %s s\n' "$h" "$secs"
	# close_fd_mask=3: the filters' own messages about bad input would
	# drown the fuzzer's; sanitizer reports still reach the log.
	# shellcheck disable=SC2086 # FUZZ_FLAGS is a list of options
	"$fb/bin/$h" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2560 \
		-close_fd_mask=3 -print_final_stats=1 $flags \
		-artifact_prefix="$fb/crash/$h/" \
		"$fb/corpus/$h" "fuzz/corpus/$h" >"$log" 2>&1
	rc=$?
	done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1)
	[ -n "$done_line" ] || done_line=$(grep -E '^#[0-9]+.*cov:' "$log" | tail -n 1)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
	printf 'fuzz: %s: %s executions, peak RSS %s MB; last: %s\n' \
		"$h" "${execs:-?}" "${rss:-?}" "$done_line"
	if [ "$rc" -ne 0 ]; then
		status=1
		printf 'fuzz: %s: FAILED (status %s); see %s:\n' "$h" "$rc" "$log"
		grep -E 'ERROR|runtime error|fuzz check failed|SUMMARY|Test unit written' "$log" |
			head -n 20 | sed 's/^/    /'
		printf 'fuzz: keep the input as a regression test: cp %s/crash/%s/* tests/regress/fuzz/%s/\n' \
			"$fb" "$h" "$h"
	fi
done
exit "$status"
