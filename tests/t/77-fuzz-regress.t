#!/bin/sh
# tests/t/77-fuzz-regress.t: replay what the fuzzers found (issue 7).
#
# Every file under tests/regress/fuzz/NAME/ is an input fuzz/NAME.c once
# failed on.  They are replayed with the harnesses built without libFuzzer,
# under ASan and UBSan (make fuzz-replay, which needs clang); each must run
# clean: an input that fails again is a failure (fix the bug, not the test).
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

REG=$TOP/tests/regress/fuzz
REPLAY=$TOP/build/fuzz/replay

if ! command -v clang >/dev/null 2>&1; then
	echo "1..0 # SKIP no clang: the replay harnesses are built with clang's sanitizers"
	exit 0
fi
# A make of our own, not the job server of the make that runs the tests.
(cd "$TOP" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s fuzz-replay) >"$TMP/build" 2>&1
st=$?
ok "$st" "the replay harnesses build (make fuzz-replay)"
[ "$st" -eq 0 ] || sed 's/^/# /' "$TMP/build" | tail -n 20

for dir in "$REG"/*/; do
	h=$(basename "$dir")
	for f in "$dir"*; do
		[ -f "$f" ] || continue
		name=$h/$(basename "$f")
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
			"$REPLAY/$h" "$f" >"$TMP/out" 2>&1
		st=$?
		ok "$st" "replay $name"
		[ "$st" -eq 0 ] ||
			grep -E 'ERROR|runtime error|fuzz check|SUMMARY|#[0-9] ' "$TMP/out" | head -n 12 | sed 's/^/# /'
	done
done

done_testing
