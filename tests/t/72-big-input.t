#!/bin/sh
# tests/t/72-big-input.t: big pages, long lines, long streams (issue 7).
#
# A 50 MB page, one 10 MB line and 100,000 tiny pages in one stream go
# through strip-boilerplate and to-jsonl whole: nothing cut, nothing lost.
# Under the sanitizer build the sizes are a tenth (ASan is ~5x slower and
# the whole suite runs twice); under valgrind they are skipped.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

SCALE=1
case $BIN in
*valgrind*) SCALE=0 ;;
*asan*) SCALE=10 ;;
esac
[ -z "${KHOBOR_VALGRIND:-}" ] || SCALE=0
if [ "$SCALE" -eq 0 ]; then
	echo "1..0 # SKIP big inputs under valgrind would take many minutes; make test runs them"
	exit 0
fi
MB=$((50 / SCALE))
LINEMB=$((10 / SCALE))
PAGES=$((100000 / SCALE))

# A page of numbered paragraphs, each a sentence and a blank line, already
# clean (NFC, no trailing blanks), so the body must equal the page.
awk -v mb="$MB" 'BEGIN {
	s = "বাংলাদেশের নদী, মাঠ আর মানুষের কথা লেখা আছে এই অনুচ্ছেদে, যা অনেক বার এসেছে।"
	n = 0; size = 0
	while (size < mb * 1048576) {
		line = sprintf("অনুচ্ছেদ %d: %s", ++n, s)
		if (n > 1) printf "\n"
		printf "%s\n", line
		size += length(line) + 2
	}
}' >"$TMP/big.txt"
"$BIN/strip-boilerplate" "$TMP/big.txt" >"$TMP/big.rec" 2>"$TMP/err"
st=$?
is "$st" 0 "a $MB MB page: status 0"
is "$(cat "$TMP/err")" "" "a $MB MB page: no message"
tr -d '\0' <"$TMP/big.rec" | sed '1,/^$/d' >"$TMP/big.body"
cmp -s "$TMP/big.body" "$TMP/big.txt"
ok $? "a $MB MB page: the body is the whole page"
"$BIN/to-jsonl" <"$TMP/big.rec" >"$TMP/big.json" 2>"$TMP/err"
is "$? $(wc -l <"$TMP/big.json")" "0 1" "a $MB MB page: one JSON line"
head -c 300 "$TMP/big.json" |
	grep -qF '{"source":"'"$TMP"'/big.txt","site":"default","text":"অনুচ্ছেদ 1: বাংলাদেশের'
ok $? "a $MB MB page: the JSON line starts as it should"
rm -f "$TMP/big.txt" "$TMP/big.rec" "$TMP/big.body" "$TMP/big.json"

awk -v mb="$LINEMB" 'BEGIN { s = "কখগঘঙ"; n = mb * 1048576 / 15; for (i = 0; i < n; i++) printf "%s", s; printf "।\n" }' >"$TMP/line.txt"
"$BIN/strip-boilerplate" "$TMP/line.txt" >"$TMP/line.rec" 2>"$TMP/err"
is "$?" 0 "one $LINEMB MB line: status 0"
tr -d '\0' <"$TMP/line.rec" | sed '1,/^$/d' | cmp -s - "$TMP/line.txt"
ok $? "one $LINEMB MB line: kept whole"
"$BIN/to-jsonl" <"$TMP/line.rec" | python3 -c '
import json, sys
o = json.loads(sys.stdin.read())
sys.exit(0 if len(o["text"]) == int(sys.argv[1]) else 1)' "$(($(wc -m <"$TMP/line.txt") - 1))"
ok $? "one $LINEMB MB line: the JSON text has every character"
rm -f "$TMP/line.txt" "$TMP/line.rec"

awk -v n="$PAGES" 'BEGIN { for (i = 1; i <= n; i++) printf "source: p%d\n\nপাতা %d\n%c", i, i, 0 }' >"$TMP/tiny.rec"
"$BIN/strip-boilerplate" --records "$TMP/tiny.rec" 2>"$TMP/err" | "$BIN/to-jsonl" >"$TMP/tiny.json" 2>>"$TMP/err"
is "$(wc -l <"$TMP/tiny.json")" "$PAGES" "$PAGES tiny pages in one stream: $PAGES JSON lines"
is "$(cat "$TMP/err")" "" "$PAGES tiny pages: no message"
awk -v n="$PAGES" 'BEGIN { for (i = 1; i <= n; i++) printf "{\"source\":\"p%d\",\"site\":\"default\",\"text\":\"পাতা %d\"}\n", i, i }' >"$TMP/tiny.exp"
is_file "$TMP/tiny.json" "$TMP/tiny.exp" "$PAGES tiny pages: every page, in order"

# Records with very many headers: work must stay linear in their number.
# Each case is given 3 s (timeout); linear code needs a tenth of that.
HDRS=$((80000 / SCALE))
awk -v n="$HDRS" 'BEGIN { print "source: many"; for (i = 0; i < n; i++) printf "h%d: v\n", i; printf "\nbody\n%c", 0 }' >"$TMP/manyh.rec"
timeout 3 "$BIN/to-jsonl" "$TMP/manyh.rec" >"$TMP/manyh.json" 2>"$TMP/err"
st=$?
[ "$st" -eq 0 ] && python3 -c '
import json, sys
o = json.loads(open(sys.argv[1], encoding="utf-8").read())
sys.exit(0 if len(o) == int(sys.argv[2]) + 2 else 1)' "$TMP/manyh.json" "$HDRS"
ok $? "a record with $HDRS distinct header names: to-jsonl writes them all within 3 s"

BAD=$((100000 / SCALE))
awk -v n="$BAD" 'BEGIN { print "title: x"; for (i = 0; i < n; i++) print "no colon here"; printf "\nbody\n%c", 0 }' >"$TMP/badh.rec"
timeout 3 "$BIN/to-jsonl" "$TMP/badh.rec" >"$TMP/badh.json" 2>/dev/null
st=$?
if [ "$st" -eq 1 ] && [ "$(wc -l <"$TMP/badh.json")" -eq 1 ]; then r=0; else r=1; fi
ok "$r" "a record with $BAD bad header lines and no source: one line out, status 1, within 3 s"
rm -f "$TMP/manyh.rec" "$TMP/manyh.json" "$TMP/badh.rec" "$TMP/badh.json"

done_testing
