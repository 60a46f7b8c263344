#!/bin/sh
# Detection with many site files (filters/lib/detect.c's anchor index): with
# the 200 invented sites of bench/gen-rules beside the real ones, every site
# fixture and seed page is still detected as the site it is with the real
# rules alone, and every page of no known site stays the default's.  The
# invented sites share words across their match patterns and write
# caseless "(?im)" patterns, the two things the index must get right.
# shellcheck source=/dev/null
. "$(dirname "$0")/../lib.sh"

command -v python3 >/dev/null || { echo "1..0 # SKIP python3 is needed by bench/gen-rules"; exit 0; }
python3 "$TOP/bench/gen-rules" "$TMP/many" --sites 200 >/dev/null 2>"$TMP/gen.err"
ok $? "bench/gen-rules writes 200 more sites"
n=$(find "$TMP/many/sites" -name '*.yaml' | wc -l)
ok "$([ "$n" -ge 200 ]; echo $?)" "the rules directory has $n site files"

sites_of() {	# sites_of RULES FILE...: one "file site" line per page
	r=$1
	shift
	strip-boilerplate -r "$r" "$@" | tr '\0' '\n' |
		awk '/^source: /{s=substr($0, 9)} /^site: /{print s, substr($0, 7)}'
}

set -- "$TOP"/tests/sites/*/*.txt "$SEEDS"/*.txt "$TOP"/tests/anysite/*.txt
sites_of "$RULES" "$@" >"$TMP/real"
sites_of "$TMP/many" "$@" >"$TMP/many.out"
is "$(wc -l <"$TMP/many.out")" "$#" "one site line per page"
cmp -s "$TMP/real" "$TMP/many.out"
r=$?
ok $r "every page detected as with the real rules alone ($# pages)"
[ $r -eq 0 ] || diff "$TMP/real" "$TMP/many.out" | sed 's/^/#   /' | head -20

# Each site fixture is its own site's.
bad=$(awk '{n = split($1, p, "/"); if (p[n - 1] != $2) print}' "$TMP/many.out" | grep '/tests/sites/')
is "$bad" "" "every tests/sites/SITE/ fixture is detected as SITE"
# The detection matrix: each site fixture is claimed by its own site's
# patterns and by no other site's (strip-boilerplate --claims).
strip-boilerplate --claims -r "$TMP/many" "$TOP"/tests/sites/*/*.txt | tr '\0' '\n' |
	awk '/^source: /{s=substr($0, 9)} /^claims: /{print s, substr($0, 9)} /^claims:$/{print s}' >"$TMP/claims"
bad=$(awk '{n = split($1, p, "/"); want = p[n - 1]; if (NF != 2 || index($2, want ":") != 1) print}' "$TMP/claims")
is "$bad" "" "every site fixture is claimed by its own site alone"
printf 'সর্বশেষ খবর পেতে Google News\n' >"$TMP/shared.txt"
is "$(strip-boilerplate --claims -r "$TMP/many" "$TMP/shared.txt" | tr '\0' '\n' | grep -c '^claims: .')" "0" \
	"words every invented site prints, alone on a page, claim it for none"
# A page of no known site: the default, with 200 more sites to rule out.
printf 'এটি একটি পাতা যার কোনো সাইট নেই।\n' >"$TMP/none.txt"
is "$(sites_of "$TMP/many" "$TMP/none.txt" | cut -d' ' -f2)" "default" "a page of no known site is the default's"
# Dhaka Diplomat's second match pattern alone: its pages with the two print
# date lines taken off are found by the byline's colon and the indented date
# under it, with 235 sites as with 35 (the pattern's literal ":\n  " is in
# the index, so it is not tried on every page).
for f in "$SEEDS"/001_0a39145c4c96ee7c.txt "$TOP"/tests/sites/dhakadiplomat/constructed-credit-only.txt; do
	sed 1,2d "$f" >"$TMP/noclock.txt"
	for r in "$RULES" "$TMP/many"; do
		is "$(sites_of "$r" "$TMP/noclock.txt" | cut -d' ' -f2)" dhakadiplomat \
			"$(basename "$f") without its print dates: still Dhaka Diplomat ($(basename "$r"))"
	done
done

done_testing
