#!/bin/sh
# tests/t/89-learn-by-site.t: khobor learn --by-site drafts every site of a
# mixed corpus (issue 14).
#
# The corpus is made of pages in the tree: the four Kalbela seeds, and the
# fixtures of Prothom Alo (3), Bartaman (4) and Dhaka Diplomat (2, too few),
# with one Ekushey TV page of no site.  Each site's draft must be byte for
# byte the draft of that site's pages alone (learn-rules -n SITE, the corpus
# as other sites' pages), pass --check-rules, and claim no other site's page;
# the corpus is read as SITE/ directories and as a record stream whose
# records carry url or site.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

# From the top, so that the sources are short and the fixtures are found.
cd "$TOP" || exit 1
R=$TMP/rules
cp -R "$RULES" "$R"
for s in kalbela prothomalo bartaman dhakadiplomat; do
	rm "$R/sites/$s.yaml"
done
C=$TMP/corpus
mkdir "$C" "$C/kalbela" "$C/prothomalo" "$C/bartaman" "$C/dhakadiplomat"
for n in 000_b6825d0d03b8bef4 002_2416af19f3e7365d 003_f30f3440f69daec0 004_4ffdb30ca1dacf75; do
	cp "$SEEDS/$n.txt" "$C/kalbela/$n.txt"
done
for s in prothomalo bartaman dhakadiplomat; do
	cp tests/sites/$s/*.txt "$C/$s/"
done
cp tests/sites/ekushey-tv/constructed-media-no-photo.txt "$C/loose.txt"
A="-a $TOP/tests/sites"

# ---- usage ----

learn-rules -r "$R" --by-site "$C" >/dev/null 2>"$TMP/err"
is "$?:$(cat "$TMP/err")" "2:learn-rules: --by-site writes a draft per site: give the directory with --out DIR" \
	"--by-site without --out: exit 2, said"
learn-rules -r "$R" --by-site -n kalbela -o "$TMP/x" "$C" >/dev/null 2>&1
is "$?" 2 "--by-site with --name: exit 2"
learn-rules -r "$R" -n kalbela -o "$TMP/x" "$C"/kalbela/*.txt >/dev/null 2>&1
is "$?" 2 "--out without --by-site: exit 2"
khobor learn -r "$R" --by-site --out "$TMP/x" --fixtures "$TMP" "$C" >/dev/null 2>&1
is "$?" 2 "khobor learn --by-site --fixtures: exit 2"
learn-rules -r "$R" --by-site -o "$TMP/x" "$C/kalbela/000_b6825d0d03b8bef4.txt" >/dev/null 2>"$TMP/err"
is "$?" 2 "a page file is no record stream: exit 2"
grep -q 'record streams (from-warc, from-jsonl) and corpus directories' "$TMP/err"
ok $? "(and it says what --by-site reads)"

# ---- a corpus of SITE/ directories ----

# shellcheck disable=SC2086 # $A is two words
khobor learn -r "$R" --by-site --out "$TMP/d" $A "$C" >"$TMP/out" 2>"$TMP/err"
is "$?" 0 "khobor learn --by-site over SITE/ directories exits 0"
is "$(cat "$TMP/out")" "" "(and writes nothing on standard output)"
(cd "$TMP/d" && printf '%s ' *) >"$TMP/ls"
is "$(cat "$TMP/ls")" "bartaman.yaml kalbela.yaml prothomalo.yaml " "a draft for each site of 3 pages or more"
cat >"$TMP/want" <<EOF
learn-rules: 1 page with no url, no site header and no SITE/ directory: no site's, tried as other sites' pages
learn-rules: $TMP/d/bartaman.yaml: drafted from the 4 pages of bartaman
learn-rules: dhakadiplomat: 2 pages: not drafted (at least 3 are needed)
learn-rules: $TMP/d/kalbela.yaml: drafted from the 4 pages of kalbela
learn-rules: $TMP/d/prothomalo.yaml: drafted from the 3 pages of prothomalo
EOF
is_file "$TMP/err" "$TMP/want" "stderr says which site was skipped for too few pages, and what was drafted"
for s in bartaman kalbela prothomalo; do
	# shellcheck disable=SC2086
	learn-rules -r "$R" -n "$s" -a "$C" $A "$C/$s"/*.txt >"$TMP/alone.yaml" 2>/dev/null
	is_file "$TMP/d/$s.yaml" "$TMP/alone.yaml" "$s: the by-site draft is the draft of its pages alone, byte for byte"
done

cp "$TMP"/d/*.yaml "$R/sites/"
for t in strip-boilerplate extract-meta normalize-date; do
	"$t" -r "$R" --check-rules >"$TMP/check" 2>&1
	is "$?:$(cat "$TMP/check")" "0:" "$t --check-rules accepts the three drafts as written"
done

# With the drafts alone in the rules, every page is its own site's or the
# default's: no draft claims another site's page (the corpus's, the
# fixtures', the seeds').
mkdir "$TMP/alone" "$TMP/alone/sites"
cp "$RULES/default.yaml" "$TMP/alone/" && cp -R "$RULES/dates" "$TMP/alone/" && cp "$TMP"/d/*.yaml "$TMP/alone/sites/"
strip-boilerplate -r "$TMP/alone" "$C"/*/*.txt "$C"/*.txt tests/sites/*/*.txt "$SEEDS"/*.txt | tr '\0' '\n' |
	awk '/^source: / { src = $2 } /^site: / { print src "\t" $2 }' >"$TMP/claims"
awk -F '\t' '$2 != "default" {
	n = split($1, p, "/"); dir = p[n - 1]
	if (dir == "seeds") dir = ($1 ~ /\/00[0234]_/) ? "kalbela" : "?"
	if (dir != $2) print $1 " -> " $2
}' "$TMP/claims" >"$TMP/wrong"
is "$(cat "$TMP/wrong")" "" "no draft claims a page of another site"
awk -F '\t' '$1 ~ /\/corpus\/(kalbela|prothomalo|bartaman)\// && $2 == "default"' "$TMP/claims" >"$TMP/missed"
is "$(cat "$TMP/missed")" "" "and each draft claims every page it was learned from"

# ---- the same corpus as a record stream ----

# Kalbela's pages carry a url (two hosts, one site), Prothom Alo's a site
# header to be made a file name, the loose page neither.
rm -f "$R"/sites/bartaman.yaml "$R"/sites/kalbela.yaml "$R"/sites/prothomalo.yaml
i=0
for f in "$C"/*/*.txt "$C"/*.txt; do
	s=${f#"$C"/}
	case $s in
	kalbela/*)
		i=$((i + 1))
		if [ $((i % 2)) -eq 1 ]; then h=www.kalbela.com; else h=kalbela.com; fi
		printf 'source: %s\nurl: https://%s/news/%d\n\n' "$f" "$h" "$i" ;;
	prothomalo/*) printf 'source: %s\nsite: Prothom Alo\n\n' "$f" ;;
	*/*) printf 'source: %s\nsite: %s\n\n' "$f" "${s%%/*}" ;;
	*) printf 'source: %s\n\n' "$f" ;;
	esac
	cat "$f"
	printf '\0'
done >"$TMP/corpus.rec"
# shellcheck disable=SC2086
learn-rules -r "$R" --by-site -o "$TMP/r" $A <"$TMP/corpus.rec" 2>"$TMP/err"
is "$?" 0 "learn-rules --by-site over a record stream on standard input exits 0"
(cd "$TMP/r" && printf '%s ' *) >"$TMP/ls"
is "$(cat "$TMP/ls")" "bartaman.yaml kalbela.yaml prothom-alo.yaml " \
	"the names: the url's host less www. and its domain, the site header in lowercase and '-'"
grep -q '^learn-rules: [^:]*/kalbela.yaml: drafted from the 4 pages of kalbela.com$' "$TMP/err"
ok $? "(www.kalbela.com and kalbela.com are one site)"
# shellcheck disable=SC2086
learn-rules -r "$R" --hosts www.kalbela.com,kalbela.com -a "$C" $A "$C"/kalbela/*.txt >"$TMP/alone.yaml" 2>/dev/null
is_file "$TMP/r/kalbela.yaml" "$TMP/alone.yaml" \
	"kalbela: the draft from records is the draft of its pages alone with --hosts, byte for byte"
is_file "$TMP/r/bartaman.yaml" "$TMP/d/bartaman.yaml" "bartaman: from records as from its directory"
grep -q '^name: prothom-alo$' "$TMP/r/prothom-alo.yaml"
ok $? "(prothom-alo.yaml names the site prothom-alo)"

done_testing
