#!/bin/sh
# tests/t/75-conservation.t: nothing is lost (issue 7).
#
# 10,000 generated pages (the seed pages with a line of their own, pages of
# no known site, and bad ones: empty, Latin-1, UTF-16, NUL bytes, pages with
# nothing left) and a missing file and a directory among them go through
# the whole chain; there must be one JSON line for every page, and every
# source exactly once, the pages that carry errors included.  The same for
# the khobor driver, and for JSON Lines in through from-jsonl.
# The chain is made of whatever filters $BIN has, in chain order.
# Under the sanitizer build it is 1,000 pages, under valgrind 100.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

N=10000
case $BIN in
*valgrind*) N=100 ;;
*asan*) N=1000 ;;
esac
[ -z "${KHOBOR_VALGRIND:-}" ] || N=100

CHAIN=strip-boilerplate
for f in extract-meta normalize-date; do
	[ -x "$BIN/$f" ] && CHAIN="$CHAIN $f"
done
CHAIN="$CHAIN to-jsonl"
diag "chain: $CHAIN"

# run_chain FILE...: the chain over the pages, JSON Lines on stdout.
run_chain() {
	"$BIN/strip-boilerplate" "$@" 2>/dev/null >"$TMP/stage"
	for f in $CHAIN; do
		[ "$f" = strip-boilerplate ] && continue
		"$BIN/$f" <"$TMP/stage" >"$TMP/stage.next" 2>/dev/null
		mv "$TMP/stage.next" "$TMP/stage"
	done
	cat "$TMP/stage"
}

# sources JSONL: the "source" (or, for from-jsonl, the id) of every line, sorted.
sources() {
	python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    print(json.loads(line)["source"])
' "$1" | LC_ALL=C sort
}

P=$TMP/pages
mkdir -p "$P"
cd "$P" || exit 1
# Page i is made from seed i mod 5 with its own first line, or is one of
# the bad kinds, by i mod 50.
awk -v n="$N" -v seeds="$SEEDS" 'BEGIN {
	for (k = 0; k < 5; k++) {
		cmd = "ls " seeds "/00" k "_*.txt"
		cmd | getline f
		close(cmd)
		text[k] = ""
		while ((getline line < f) > 0)
			text[k] = text[k] line "\n"
		close(f)
	}
	for (i = 1; i <= n; i++) {
		name = sprintf("p%05d.txt", i)
		kind = i % 50
		if (kind == 1)
			printf "" > name
		else if (kind == 2)
			printf "caf\351 cr\350me br\373l\351e, na\357ve\n" > name
		else if (kind == 3)
			printf "\377\376H\000i\000 \000t\000h\000e\000r\000e\000\n\000" > name
		else if (kind == 4)
			printf "NUL\000inside\000a page %d\n", i > name
		else if (kind == 5)
			printf "মন্তব্য করুন\n" > name
		else if (kind < 10)
			printf "A page of no known site, number %d.\nIt has two lines.\n", i > name
		else
			printf "%s", text[i % 5] > name
		close(name)
	}
}'
mkdir adir
ls p*.txt >"$TMP/list"
{ cat "$TMP/list"; echo missing.txt; echo adir; } | LC_ALL=C sort >"$TMP/expected"
M=$((N + 2))

# shellcheck disable=SC2046 # the page names have no blanks
run_chain $(cat "$TMP/list") missing.txt adir >"$TMP/out.json"
is "$(wc -l <"$TMP/out.json")" "$M" "$N pages, a missing file and a directory through $CHAIN: $M JSON lines"
sources "$TMP/out.json" >"$TMP/got"
is_file "$TMP/got" "$TMP/expected" "every source exactly once"
errors=$(grep -c '"error":' "$TMP/out.json")
is "$errors" "$((N / 50 + 2))" "the UTF-16 pages, the missing file and the directory carry errors, and are there"

if [ -x "$BIN/khobor" ]; then
	# shellcheck disable=SC2046
	"$BIN/khobor" $(cat "$TMP/list") missing.txt adir >"$TMP/khobor.json" 2>/dev/null
	is "$(wc -l <"$TMP/khobor.json")" "$M" "the khobor driver: $M JSON lines"
	sources "$TMP/khobor.json" >"$TMP/got"
	is_file "$TMP/got" "$TMP/expected" "the khobor driver: every source exactly once"
fi

# JSON Lines in: a line that is not JSON, or has no text, still gives a record.
if [ -x "$BIN/from-jsonl" ]; then
	awk -v n="$N" 'BEGIN {
		for (i = 1; i <= n; i++) {
			kind = i % 20
			if (kind == 1)
				printf "{\"id\":\"j%d\",\"text\":\"broken\n", i
			else if (kind == 2)
				printf "{\"id\":\"j%d\"}\n", i
			else if (kind == 3)
				printf "{\"id\":\"j%d\",\"text\":\"\"}\n", i
			else
				printf "{\"id\":\"j%d\",\"site\":\"kalbela\",\"text\":\"কালবেলা ডেস্ক\\nপ্রকাশ : ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম\\n\\nপাতা %d।\\n\"}\n", i, i
		}
	}' >"$TMP/in.jsonl"
	"$BIN/from-jsonl" <"$TMP/in.jsonl" 2>/dev/null >"$TMP/stage"
	"$BIN/strip-boilerplate" --records <"$TMP/stage" >"$TMP/stage.next" 2>/dev/null
	mv "$TMP/stage.next" "$TMP/stage"
	for f in $CHAIN; do
		[ "$f" = strip-boilerplate ] && continue
		"$BIN/$f" <"$TMP/stage" >"$TMP/stage.next" 2>/dev/null
		mv "$TMP/stage.next" "$TMP/stage"
	done
	is "$(wc -l <"$TMP/stage")" "$N" "$N JSON lines through from-jsonl, strip-boilerplate --records,${CHAIN#strip-boilerplate}: $N out"
	python3 -c '
import json, sys
ids = []
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    s = o["source"]
    # A line that is not JSON has no id: its source is the input line.
    ids.append(s if s.startswith("j") else "line " + s.rsplit(":", 1)[1])
print("\n".join(sorted(ids)))' "$TMP/stage" >"$TMP/got"
	awk -v n="$N" 'BEGIN { for (i = 1; i <= n; i++) print (i % 20 == 1 ? "line " i : "j" i) }' |
		LC_ALL=C sort >"$TMP/expected"
	LC_ALL=C sort "$TMP/got" >"$TMP/got.sorted"
	is_file "$TMP/got.sorted" "$TMP/expected" "every line exactly once, in order of the ids"
	python3 -c '
import json, sys
src = [json.loads(l)["source"] for l in open(sys.argv[1], encoding="utf-8")]
sys.exit(0 if all(s.endswith(":%d" % (i + 1)) or s == "j%d" % (i + 1) for i, s in enumerate(src)) else 1)' "$TMP/stage"
	ok $? "from-jsonl chain: the lines come out in input order"
fi

done_testing
