#!/bin/sh
# WET text versus browser text (issue 15): each fixture page of Kalbela and
# Dhaka Diplomat rendered as Common Crawl's WET extractor renders HTML
# (tests/wet/SITE/NAME.txt, written by tests/wet/render.py: the <title> line
# first, no blank lines, no bullets, white space collapsed) must give what
# the browser copy gives (tests/sites/SITE/NAME.jsonl): the same site, the
# same fields, the same text but for blank lines.  The counts are not
# compared: they follow from the text, and WET has no blank lines, so its
# paragraph_count is 1 (a page is one run of lines).
# The differences known today are listed in tests/wet/KNOWN, with the rule
# that causes each.  Those checks assert the difference is still there, so
# that a fix fails them until its line leaves KNOWN: the list stays true.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

KNOWN=$TOP/tests/wet/KNOWN

# check STATUS PAGE CHECK DESCRIPTION: the same as the browser copy; or, for
# a check tests/wet/KNOWN lists, still different, for the reason it gives.
check() {
	why=$(awk -F '\t' -v p="$2" -v c="$3" '$1 == p && $2 == c { print $3 }' "$KNOWN")
	if [ -n "$why" ]; then
		ok "$([ "$1" -ne 0 ]; echo $?)" "$2: $3 still differ from the browser copy, as tests/wet/KNOWN says ($why)"
	else
		ok "$1" "$2: $4"
		[ "$1" -eq 0 ] || sed 's/^/# /' "$TMP/diff"
	fi
}

n=0
for page in "$TOP"/tests/wet/*/*.txt; do
	site=$(basename "$(dirname "$page")")
	name=$(basename "$page" .txt)
	exp=$TOP/tests/sites/$site/$name.jsonl
	[ -f "$exp" ] || continue
	n=$((n + 1))
	(cd "$(dirname "$page")" && khobor "$name.txt") >"$TMP/got" 2>/dev/null

	is "$(jq -r .site "$TMP/got")" "$site" "$site/$name: WET rendering detected as $site"

	jq -S 'del(.source, .text, .paragraph_count, .word_count, .char_count)' "$exp" >"$TMP/e"
	jq -S 'del(.source, .text, .paragraph_count, .word_count, .char_count)' "$TMP/got" >"$TMP/g"
	diff -u "$TMP/e" "$TMP/g" >"$TMP/diff"
	check $? "$site/$name" fields "the same fields as the browser copy"

	jq -r .text "$exp" | grep -v '^$' >"$TMP/e"
	jq -r .text "$TMP/got" | grep -v '^$' >"$TMP/g"
	diff -u "$TMP/e" "$TMP/g" >"$TMP/diff"
	check $? "$site/$name" text "the same text as the browser copy, blank lines aside"
done
ok "$([ "$n" -ge 10 ]; echo $?)" "WET renderings checked: $n"

# The renderings are what render.py writes from the fixtures today.
mkdir -p "$TMP/tree/tests/sites" "$TMP/tree/tests/wet"
cp -R "$TOP/tests/sites/kalbela" "$TOP/tests/sites/dhakadiplomat" "$TMP/tree/tests/sites/"
(cd "$TMP/tree" && python3 "$TOP/tests/wet/render.py" kalbela && python3 "$TOP/tests/wet/render.py" dhakadiplomat)
diff -r "$TMP/tree/tests/wet" "$TOP/tests/wet" | grep -v '^Only in' >"$TMP/diff"
ok "$([ ! -s "$TMP/diff" ]; echo $?)" "tests/wet/*/*.txt are render.py's output for today's fixtures"

done_testing
