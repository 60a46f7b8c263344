#!/bin/sh
# tests/t/15-strip-boilerplate.t: strip-boilerplate on the seed pages and on
# pages made from them (changed line ends, glued junk, pages cut short...).
#
# The expected records are tests/golden/strip-boilerplate/*.out, written by
# hand from the pages (see the README there).
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

GOLD=$TOP/tests/golden/strip-boilerplate
K0=000_b6825d0d03b8bef4	# Kalbela, with an update line and a cross-link
D1=001_0a39145c4c96ee7c	# Dhaka Diplomat
K2=002_2416af19f3e7365d	# Kalbela, no update line
NBSP=$(printf '\302\240')
TAB=$(printf '\t')
CR=$(printf '\r')

# body FILE: the body of the one record in FILE (headers and NUL dropped).
body() {
	tr -d '\0' <"$1" | sed '1,/^$/d'
}

# chomp: copy standard input without the newline that ends its last line.
chomp() {
	awk 'NR > 1 { print prev } { prev = $0 } END { printf "%s", prev }'
}

# glue_last: copy standard input (no final newline) with its last two lines glued.
glue_last() {
	awk 'NR > 2 { print pp } { pp = prev; prev = $0 } END { printf "%s%s", pp, prev }'
}

# with_source SOURCE GOLDEN: the golden record with another source header.
with_source() {
	sed "1s|^source: .*|source: $1|" "$2"
}

# records FILE PREFIX: cut a record stream into PREFIX1, PREFIX2...; prints the count.
records() {
	tr '\0' '\036' <"$1" | awk -v p="$2" 'BEGIN { RS = "\036"; n = 0 }
		{ n++; printf "%s", $0 > (p n); close(p n) }
		END { print n }'
}

# explained FILE SOURCE:LINE RULEFILE RULE VERB TEXT: is there an --explain line
# "strip-boilerplate: SOURCE:LINE: RULEFILE[:N]: RULE: VERB "TEXT..." in FILE?
explained() {
	awk -v pre="strip-boilerplate: $2: $3" -v mid=": $4: $5 \"$6" '
		index($0, pre) == 1 && index($0, mid) > 0 { found = 1 }
		END { exit !found }' "$1"
}

# rule_line FILE ID: the line of "- id: ID" in a rule file.
rule_line() {
	grep -n -- "- id: $2\$" "$1" | cut -d: -f1
}

cd "$SEEDS" || exit 1

# ---- the seed pages, one by one and together ----

for f in *.txt; do
	b=${f%.txt}
	strip-boilerplate "$f" >"$TMP/$b.rec" 2>"$TMP/$b.err"
	ok $? "$b: exit status 0"
	is "$(wc -c <"$TMP/$b.err")" 0 "$b: nothing on stderr"
	is "$(tr -cd '\0' <"$TMP/$b.rec" | wc -c)" 1 "$b: one record, ended by one NUL"
	tr -d '\0' <"$TMP/$b.rec" >"$TMP/$b.out"
	is_file "$TMP/$b.out" "$GOLD/$b.out" "$b: the record equals the golden file"
done

# The golden bodies are NFC: য় as U+09AF U+09BC, never the precomposed U+09DF.
cat "$GOLD"/*.out >"$TMP/allgold"
! grep -q "$(printf '\340\247\237')" "$TMP/allgold"
ok $? "golden bodies hold no precomposed য় (U+09DF)"
grep -q "$(printf '\340\246\257\340\246\274')" "$TMP/allgold"
ok $? "golden bodies hold the NFC য় (U+09AF U+09BC)"

strip-boilerplate ./*.txt >"$TMP/all.rec" 2>/dev/null
ok $? "five pages in one run: status 0"
for f in *.txt; do with_source "./$f" "$GOLD/${f%.txt}.out"; printf '\0'; done >"$TMP/all.exp"
is_file "$TMP/all.rec" "$TMP/all.exp" "five pages in one run: five golden records, in order"

# ---- --split: the pages glued by cat ----

# The source of the Nth page of a dump is "FILE#N", or "-#N" for standard input.
cat ./*.txt | strip-boilerplate --split >"$TMP/split.rec" 2>/dev/null
ok $? "--split: status 0"
n=0
for f in *.txt; do n=$((n + 1)); with_source "-#$n" "$GOLD/${f%.txt}.out"; printf '\0'; done >"$TMP/split.exp"
is_file "$TMP/split.rec" "$TMP/split.exp" "--split of cat seeds/*.txt: five records, site and body as the golden files, source -\#1..-\#5"

cat ./*.txt >"$TMP/dump.txt"
strip-boilerplate --split "$TMP/dump.txt" 2>/dev/null | tr '\0' '\n' | grep '^source: ' >"$TMP/split.src"
printf 'source: %s#%d\n' "$TMP/dump.txt" 1 "$TMP/dump.txt" 2 "$TMP/dump.txt" 3 \
	"$TMP/dump.txt" 4 "$TMP/dump.txt" 5 >"$TMP/split.srcexp"
is_file "$TMP/split.src" "$TMP/split.srcexp" "--split FILE: sources FILE\#1..FILE\#5"

# Known bugs of --split: the start patterns run on the raw bytes, before line
# ends are normalized and before a leading BOM is removed.
for f in *.txt; do sed "s/\$/$CR/" "$f"; done | strip-boilerplate --split >"$TMP/crlf.rec" 2>/dev/null
cmp -s "$TMP/crlf.rec" "$TMP/split.exp"
ok $? "--split of a CRLF dump: the same five records"
for f in *.txt; do tr '\n' '\r' <"$f"; done | strip-boilerplate --split >"$TMP/cr.rec" 2>/dev/null
cmp -s "$TMP/cr.rec" "$TMP/split.exp"
ok $? "--split of a dump with lone CR line ends: the same five records"
for f in *.txt; do printf '\357\273\277'; cat "$f"; done | strip-boilerplate --split >"$TMP/bom.rec" 2>/dev/null
cmp -s "$TMP/bom.rec" "$TMP/split.exp"
ok $? "--split of cat of pages that start with a BOM: the same five records"
# A page whose last line ends in Bengali text (no X after it) glued onto a Kalbela byline.
head -n 21 $K0.txt | chomp >"$TMP/short.txt"
cat "$TMP/short.txt" $K2.txt | strip-boilerplate --split >"$TMP/glued.rec" 2>/dev/null
{ with_source "-#1" "$GOLD/$K0.out"; printf '\0'; with_source "-#2" "$GOLD/$K2.out"; printf '\0'; } >"$TMP/glued.exp"
cmp -s "$TMP/glued.rec" "$TMP/glued.exp"
ok $? "--split: a page ending in Bengali text, glued onto a Kalbela byline, stays whole"
# A page's own start is no second page: a Kalbela page whose start block
# begins with the page clock holds a shorter start (byline, date lines)
# inside it.  Every site fixture, split on its own, is one page; glued
# after another page, two.
n=0 bad=
for f in "$TOP"/tests/sites/*/*.txt; do
	n=$((n + 1))
	k=$(strip-boilerplate --split "$f" 2>/dev/null | tr -cd '\0' | wc -c)
	[ "$k" -eq 1 ] || bad="$bad $(basename "$(dirname "$f")")/$(basename "$f") ($k)"
done
is "${bad:-none}" none "--split of each of the $n site fixtures on its own: one page each"
PC=$TOP/tests/sites/kalbela/constructed-page-date-update.txt
cat $K0.txt "$PC" | strip-boilerplate --split 2>/dev/null | tr -cd '\0' | wc -c >"$TMP/n"
is "$(tr -d ' ' <"$TMP/n")" 2 "--split: a seed, then a Kalbela page that opens with its page clock: two pages"

# ---- cleaning: every page, every site ----

# Each page below is seed 000 changed; the record must be the golden one.
# A page made that is the seed itself would test nothing: that fails too.
clean_case() {	# clean_case FILE DESCRIPTION
	if cmp -s "$1" $K0.txt; then
		ok 1 "$2 (but the page made is the seed itself)"
		return
	fi
	strip-boilerplate "$1" >"$TMP/c.rec" 2>/dev/null
	tr -d '\0' <"$TMP/c.rec" >"$TMP/c.out"
	with_source "$1" "$GOLD/$K0.out" >"$TMP/c.exp"
	is_file "$TMP/c.out" "$TMP/c.exp" "$2"
}

sed "s/\$/$CR/" $K0.txt >"$TMP/crlf.page"
clean_case "$TMP/crlf.page" "CRLF line ends become LF"
tr '\n' '\r' <$K0.txt >"$TMP/cr.page"
clean_case "$TMP/cr.page" "lone CR line ends become LF"
{ printf '\357\273\277'; cat $K0.txt; } >"$TMP/bom.page"
clean_case "$TMP/bom.page" "a leading BOM is removed"
# The seeds store য় decomposed (U+09AF U+09BC), which is its NFC form.
sed "s/$(printf '\340\246\257\340\246\274')/$(printf '\340\247\237')/g" $K0.txt >"$TMP/pre.page"
grep -q "$(printf '\340\247\237')" "$TMP/pre.page"
ok $? "(the page made with the precomposed য় U+09DF holds it)"
clean_case "$TMP/pre.page" "NFC: a page typed with precomposed য় (U+09DF) comes out with U+09AF U+09BC"
# ো (U+09CB) is NFC; its decomposition U+09C7 U+09BE is not.
sed "s/$(printf '\340\247\213')/$(printf '\340\247\207\340\246\276')/g" $K0.txt >"$TMP/dec.page"
clean_case "$TMP/dec.page" "NFC: a page typed with decomposed ো (U+09C7 U+09BE) comes out composed"
sed "s/ /$NBSP/g" $K0.txt >"$TMP/nbsp.page"
clean_case "$TMP/nbsp.page" "NBSP becomes a space (every space of the page made an NBSP)"
sed "s/\$/ $TAB$NBSP /" $K0.txt >"$TMP/trail.page"
clean_case "$TMP/trail.page" "trailing white space (space, tab, NBSP) is trimmed"
sed "s/^\$/$TAB\\
\\
 $NBSP\\
/" $K0.txt >"$TMP/blank.page"
is "$(grep -c '^[[:space:]]*$' "$TMP/blank.page")" "$(($(grep -c '^$' $K0.txt) * 3))" \
	"(the page made with blank runs has three blank lines for each)"
clean_case "$TMP/blank.page" "runs of blank and white-space-only lines fold to one blank line"
{ head -n 5 $K0.txt; printf '\001\177\302\205\000'; tail -n +6 $K0.txt; } >"$TMP/ctl.page"
strip-boilerplate "$TMP/ctl.page" >"$TMP/ctl.rec" 2>/dev/null
ok $? "control characters: status 0 (a warning is no error)"
tr -d '\0' <"$TMP/ctl.rec" >"$TMP/ctl.out"
{
	echo "source: $TMP/ctl.page"
	echo "warning: strip-boilerplate: 4 control characters removed (NUL bytes among them)"
	sed 1d "$GOLD/$K0.out"
} >"$TMP/ctl.exp"
is_file "$TMP/ctl.out" "$TMP/ctl.exp" "other control characters (SOH, DEL, C1 NEL, NUL) are removed, with a warning header"

# Unicode white space other than space, tab and NBSP, at the end of a line.
printf 'এক।\342\200\211\nদুই।\343\200\200\nতিন।\342\200\257\n' | strip-boilerplate 2>/dev/null >"$TMP/ws.rec"
printf 'এক।\nদুই।\nতিন।\n' >"$TMP/ws.exp"
body "$TMP/ws.rec" | cmp -s - "$TMP/ws.exp"
ok $? "trailing THIN SPACE, IDEOGRAPHIC SPACE and NARROW NBSP are trimmed too"

# A page whose Bengali letters a bad encoder turned into '?' (the dandas kept)
# is UTF-8 all the same: no NUL byte says UTF-16.  It used to be refused as
# UTF-16, its body dropped, when the 512 bytes looked at ended inside a danda.
awk 'BEGIN { for (i = 0; i < 127; i++) printf "??? "; printf "।\n??? ????? ??? ?????।\n" }' >"$TMP/q.page"
strip-boilerplate "$TMP/q.page" >"$TMP/q.rec" 2>"$TMP/q.err"
ok $? "a page of '?' (a bad encoder's): status 0"
{ printf 'source: %s\nsite: default\n\n' "$TMP/q.page"; cat "$TMP/q.page"; printf '\0'; } >"$TMP/q.exp"
is_file "$TMP/q.rec" "$TMP/q.exp" "a page of '?': not taken for UTF-16, its text kept"
is "$(wc -c <"$TMP/q.err")" 0 "a page of '?': nothing on stderr"

# ---- the fallback's junk_at_end rules ----

NOTICE='Notice: Undefined index: id in /var/www/html/news.php on line 12'
printf 'এটি একটি অনুচ্ছেদ।\n' >"$TMP/t.exp"
printf 'এটি একটি অনুচ্ছেদ।\n\n%s' "$NOTICE" | strip-boilerplate -s default 2>/dev/null >"$TMP/t.rec"
body "$TMP/t.rec" | cmp -s - "$TMP/t.exp"
ok $? "-s default: a PHP notice after the page goes"
printf 'এটি একটি অনুচ্ছেদ।\n\nX\n%s' "$NOTICE" | strip-boilerplate -s default 2>/dev/null >"$TMP/t.rec"
body "$TMP/t.rec" | cmp -s - "$TMP/t.exp"
ok $? "-s default: a lone X, then a PHP notice, after the page: both go"
printf 'এটি একটি অনুচ্ছেদ।\n\n%s\nX' "$NOTICE" | strip-boilerplate -s default 2>/dev/null >"$TMP/t.rec"
body "$TMP/t.rec" | cmp -s - "$TMP/t.exp"
ok $? "-s default: a PHP notice, then a lone X, after the page: both go"
printf 'এটি একটি অনুচ্ছেদ।\n\nআরেকটি অনুচ্ছেদ।X' | strip-boilerplate -s default 2>/dev/null >"$TMP/t.rec"
printf 'এটি একটি অনুচ্ছেদ।\n\nআরেকটি অনুচ্ছেদ।\n' >"$TMP/t.exp"
body "$TMP/t.rec" | cmp -s - "$TMP/t.exp"
ok $? "-s default: an X glued to the last paragraph goes"
printf 'Heavy rain is expected in Dhaka.\n\nNotice: the office will be closed on Sunday.\n' |
	strip-boilerplate -s default 2>/dev/null >"$TMP/t.rec"
printf 'Heavy rain is expected in Dhaka.\n\nNotice: the office will be closed on Sunday.\n' >"$TMP/t.exp"
body "$TMP/t.rec" | cmp -s - "$TMP/t.exp"
ok $? "-s default: an English last paragraph that starts with Notice: stays"

# ---- site detection and -s ----

body "$TMP/$K0.rec" >"$TMP/k0.body"
strip-boilerplate -s dhakadiplomat $K0.txt >"$TMP/s.rec" 2>/dev/null
ok $? "-s dhakadiplomat on a Kalbela page: status 0"
is "$(tr -d '\0' <"$TMP/s.rec" | grep '^site: ')" "site: dhakadiplomat" "-s dhakadiplomat: the site header says so"
body "$TMP/s.rec" | grep -q 'Google News'
ok $? "-s dhakadiplomat: its rules, not Kalbela's, apply (the Google News promo stays)"
strip-boilerplate -s kalbela $D1.txt >"$TMP/s.rec" 2>/dev/null
is "$(tr -d '\0' <"$TMP/s.rec" | grep '^site: ')" "site: kalbela" "-s kalbela on a Dhaka Diplomat page: the site header says so"
body "$TMP/s.rec" | grep -q 'ø'
ok $? "-s kalbela: Dhaka Diplomat's mojibake rule does not apply"
strip-boilerplate -s default $D1.txt >"$TMP/s.rec" 2>/dev/null
is "$(tr -d '\0' <"$TMP/s.rec" | grep '^site: ')" "site: default" "-s default on a Dhaka Diplomat page: the site header says so"
body "$TMP/s.rec" | grep -q 'ø'
ok $? "-s default: the fallback rules apply (the mojibake stays)"

strip-boilerplate -s nosuch $K0.txt >"$TMP/u.out" 2>"$TMP/u.err"
is $? 2 "-s with an unknown site: exit status 2"
is "$(wc -c <"$TMP/u.out")" 0 "-s with an unknown site: no output"
is "$(cat "$TMP/u.err")" \
	"strip-boilerplate: no site 'nosuch' in $RULES/sites (give one of the NAME.yaml there, or default)" \
	"-s with an unknown site: the message names the site and where the sites are"

# Sites are tried in file-name order and the first match wins.
mkdir -p "$TMP/order/sites"
cp "$RULES/default.yaml" "$TMP/order/"
cp "$RULES/sites/kalbela.yaml" "$TMP/order/sites/"
cp "$RULES/sites/kalbela.yaml" "$TMP/order/sites/aaa.yaml"
strip-boilerplate -r "$TMP/order" $K0.txt 2>/dev/null | tr -d '\0' | grep '^site: ' >"$TMP/o.site"
is "$(cat "$TMP/o.site")" "site: aaa" "detection: of two matching site files, the first by name wins (aaa before kalbela)"
mv "$TMP/order/sites/aaa.yaml" "$TMP/order/sites/zzz.yaml"
strip-boilerplate -r "$TMP/order" $K0.txt 2>/dev/null | tr -d '\0' | grep '^site: ' >"$TMP/o.site"
is "$(cat "$TMP/o.site")" "site: kalbela" "detection: ... and kalbela before zzz"

# A rule typed with the precomposed য় matches the page all the same: rules are NFC too.
mkdir -p "$TMP/nfc/sites"
cp "$RULES/default.yaml" "$TMP/nfc/"
printf '%s\n' "match:" "  - '^কালবেলা ডেস্ক'" "strip:" "  drop:" "    - id: precomposed" \
	"      pattern: '^রাশি$(printf '\340\247\237')ার প্রতিরক্ষামন্ত্রী'" >"$TMP/nfc/sites/nfc.yaml"
strip-boilerplate -r "$TMP/nfc" --explain $K0.txt >/dev/null 2>"$TMP/nfc.err"
explained "$TMP/nfc.err" "$K0.txt:8" "$TMP/nfc/sites/nfc.yaml" "nfc/strip.drop[0] precomposed" removed "রাশিয়ার"
ok $? "a rule typed with precomposed য় matches the page's NFC য়"

# A cut may say what it found in a header ("platform: blogger", written when
# Blogger's comment footer ends the page); a header that is not "name:
# value" is a rule error naming its line.
mkdir -p "$TMP/hdr/sites"
cp "$RULES/default.yaml" "$TMP/hdr/"
printf 'একটি পোস্টের শিরোনাম\nপোস্টের লেখা এখানে শেষ।\nএকটি মন্তব্য পোস্ট করুন\nপুরনো পোস্ট\n' >"$TMP/hdr.txt"
strip-boilerplate -r "$TMP/hdr" -s default "$TMP/hdr.txt" | tr '\0' '\n' >"$TMP/hdr.out"
grep -qx 'platform: blogger' "$TMP/hdr.out"
ok $? "a cut's header: Blogger's comment footer says 'platform: blogger'"
! grep -q 'পুরনো পোস্ট' "$TMP/hdr.out"
ok $? "... and the footer and what follows are cut"
printf '%s\n' "match:" "  - '^zzz'" "strip:" "  cut:" "    - id: bad-header" "      from: '^x$'" \
	"      header: 'Platform=blogger'" >"$TMP/hdr/sites/bad.yaml"
strip-boilerplate -r "$TMP/hdr" --check-rules >/dev/null 2>"$TMP/hdr.err"
is $? 2 "a cut's header not 'name: value': --check-rules fails (exit 2)"
grep -q "sites/bad.yaml:7:.*'header' is 'name: value'" "$TMP/hdr.err"
ok $? "... and names the line"

# ---- --explain ----

strip-boilerplate --explain $K0.txt >"$TMP/e0.rec" 2>"$TMP/e0.err"
tr -d '\0' <"$TMP/e0.rec" >"$TMP/e0.out"
is_file "$TMP/e0.out" "$GOLD/$K0.out" "--explain: the output is the same"
KY=$RULES/sites/kalbela.yaml
DY=$RULES/sites/dhakadiplomat.yaml
explained "$TMP/e0.err" "$K0.txt:23" "$KY:$(rule_line "$KY" promo-and-after)" \
	"kalbela/strip.cut[0] promo-and-after" removed "কালবেলা অনলাইন এর সর্বশেষ খবর পেতে Google News"
ok $? "--explain: the cut, with page line, rule file:line and rule name"
explained "$TMP/e0.err" "$K0.txt:90" "$KY:$(rule_line "$KY" promo-and-after)" \
	"kalbela/strip.cut[0] promo-and-after" removed "২০\""
ok $? "--explain: every line of the cut is shown (the last rank, line 90)"
explained "$TMP/e0.err" "$K0.txt:9" "$KY" "kalbela/strip.dedupe" removed "রাশিয়ার প্রতিরক্ষামন্ত্রী সের্গেই শোইগু। ছবি : সংগৃহীত\""
ok $? "--explain: the dedupe of the second caption, page line 9"
explained "$TMP/e0.err" "$K0.txt:17" "$KY:$(rule_line "$KY" cross-link)" \
	"kalbela/strip.drop[0] cross-link" removed "আরও পড়ুন : মার্কিন সাবমেরিন"
ok $? "--explain: the cross-link drop, page line 17"
explained "$TMP/e0.err" "$K0.txt:91" "$KY:$(rule_line "$KY" close-button)" \
	"kalbela/strip.junk_at_end[0] close-button" removed "X\""
ok $? "--explain: the junk X at the end, page line 91"
strip-boilerplate --explain $D1.txt >/dev/null 2>"$TMP/e1.err"
explained "$TMP/e1.err" "$D1.txt:10" "$DY:$(rule_line "$DY" mojibake-virama-la)" \
	"dhakadiplomat/strip.replace[0] mojibake-virama-la" changed "উত্তর কোরীয় নেতা কিম জং উন শনিবার ভøাদিভোস্তকে"
ok $? "--explain: the mojibake replacement, page line 10"
explained "$TMP/e1.err" "$D1.txt:18" "$DY:$(rule_line "$DY" mojibake-virama-la)" \
	"dhakadiplomat/strip.replace[0] mojibake-virama-la" changed "এদিকে রাশিয়ার প্রেসিডেন্ট ভøাদিমির"
ok $? "--explain: the mojibake replacement, page line 18"
explained "$TMP/e1.err" "$D1.txt:54" "$DY:$(rule_line "$DY" sql-error)" \
	"dhakadiplomat/strip.junk_at_end[0] sql-error" removed "Error!: SQLSTATE[42S22]: Column not found"
ok $? "--explain: the junk SQL error at the end, page line 54"
explained "$TMP/e1.err" "$D1.txt:20" "$DY:$(rule_line "$DY" comments-and-after)" \
	"dhakadiplomat/strip.cut[0] comments-and-after" removed "Comments\""
ok $? "--explain: the cut at Comments, page line 20"
is "$(grep -c '' "$TMP/e0.err")" 72 "--explain: 72 lines for seed 000 (1 junk_at_end, 68 cut, 1 drop, 1 dedupe, the body lines' page lines), no more"
# Read by hand off the page: line 9 (the caption again) and 17 (a cross
# link) go, and the blank line 18 with it; 23 to the end are cut.  The body's
# blank lines are the page's first of each run.
is "$(tail -n 1 "$TMP/e0.err")" "strip-boilerplate: $K0.txt: body lines 1-8 are page lines 1-8, 9-15 are 10-16, 16-18 are 19-21" \
	"--explain: last, which page line each body line is, for extract-meta's body line numbers"
printf '\n\n' >"$TMP/blank.txt"
(cd "$TMP" && strip-boilerplate --explain blank.txt) 2>&1 >/dev/null | tail -n 1 >"$TMP/blank.err"
is "$(cat "$TMP/blank.err")" "strip-boilerplate: blank.txt: body lines: none" "--explain: an empty body has no body lines, and says so"

# ---- junk glued to the end, with no newline before it ----

# Seed 000 with its last newline deleted: "২০X".
glue_last <$K0.txt >"$TMP/gx.page"
tail -n 1 "$TMP/gx.page" | grep -q '^২০X$'
ok $? "(the page made ends in \"২০X\")"
clean_case "$TMP/gx.page" "an X glued to the last line (seed 000) goes"
strip-boilerplate --explain "$TMP/gx.page" 2>&1 >/dev/null |
	grep -q "^strip-boilerplate: $TMP/gx.page:90: $KY:[0-9]*: kalbela/strip.junk_at_end\[0\] close-button: cut the end of \"২০X\"\$"
ok $? "... by the junk_at_end rule, which cuts the end of line 90"

# Seed 001 with the newline before "Error!" deleted.
glue_last <$D1.txt >"$TMP/gsql.page"
grep -q 'ইরান।Error!: SQLSTATE' "$TMP/gsql.page"
ok $? "(the page made has the SQL error glued to its last line)"
strip-boilerplate "$TMP/gsql.page" 2>/dev/null | tr -d '\0' >"$TMP/gsql.out"
with_source "$TMP/gsql.page" "$GOLD/$D1.out" >"$TMP/gsql.exp"
is_file "$TMP/gsql.out" "$TMP/gsql.exp" "an SQL error glued to the last line (seed 001) goes"
strip-boilerplate --explain "$TMP/gsql.page" 2>&1 >/dev/null |
	grep -q "^strip-boilerplate: $TMP/gsql.page:53: $DY:[0-9]*: dhakadiplomat/strip.junk_at_end\[0\] sql-error: cut the end of "
ok $? "... by the junk_at_end rule, which cuts the end of line 53"

# Pages cut short after the article: only the junk_at_end rule can take the junk.
{ head -n 21 $K0.txt | chomp; printf X; } >"$TMP/sx.page"
clean_case "$TMP/sx.page" "a short Kalbela page with an X glued to its last paragraph loses the X"
{ head -n 18 $D1.txt | chomp; tail -n 1 $D1.txt; } >"$TMP/ssql.page"
strip-boilerplate "$TMP/ssql.page" 2>/dev/null | tr -d '\0' >"$TMP/ssql.out"
with_source "$TMP/ssql.page" "$GOLD/$D1.out" >"$TMP/ssql.exp"
is_file "$TMP/ssql.out" "$TMP/ssql.exp" "a short Dhaka Diplomat page with the SQL error glued to its last paragraph loses it"

# ---- old spellings: strip.tail, a strip rule's name ----

# Kalbela's file as it was written before junk_at_end and id: it loads, with
# one warning for each old spelling, once per file, and strips as before.
mkdir -p "$TMP/old/sites"
cp "$RULES/default.yaml" "$TMP/old/"
OY=$TMP/old/sites/kalbela.yaml
sed -e 's/^  junk_at_end:$/  tail:/' -e '/^strip:/,/^fields:/s/^    - id: /    - name: /' "$KY" >"$OY"
is "$(grep -c '^  tail:$' "$OY") $(grep -c '^    - name: ' "$OY") $(grep -c '^    - id: ' "$OY")" "1 5 0" \
	"(the file made has strip.tail, and five strip rules with a name, none with an id)"
tl=$(grep -n '^  tail:$' "$OY" | cut -d: -f1)
nl=$(grep -n '^    - name: close-button$' "$OY" | cut -d: -f1)
strip-boilerplate -r "$TMP/old" $K0.txt $K2.txt >"$TMP/old.rec" 2>"$TMP/old.err"
ok $? "old spellings: status 0"
{ cat "$GOLD/$K0.out"; printf '\0'; cat "$GOLD/$K2.out"; printf '\0'; } >"$TMP/old.exp"
is_file "$TMP/old.rec" "$TMP/old.exp" "old spellings: two Kalbela pages strip as with the new ones"
printf '%s\n' "strip-boilerplate: $OY:$tl:3: warning: 'tail' is deprecated; write 'junk_at_end'" \
	"strip-boilerplate: $OY:$nl:7: warning: 'name' is deprecated in a strip rule; write 'id'" >"$TMP/old.experr"
is_file "$TMP/old.err" "$TMP/old.experr" "old spellings: one warning each, naming the new key, for two pages"
strip-boilerplate -r "$TMP/old" --list-rules 2>/dev/null | grep "^$OY:" | head -n 2 >"$TMP/old.list"
printf '%s\n' "$OY:$((tl + 1)): kalbela/strip.junk_at_end[0] close-button" \
	"$OY:$(grep -n '^    - name: promo-and-after$' "$OY" | cut -d: -f1): kalbela/strip.cut[0] promo-and-after" >"$TMP/old.listexp"
is_file "$TMP/old.list" "$TMP/old.listexp" "old spellings: --list-rules gives the new labels"
sed 's/^  tail:$/  junk_at_end: []\n  tail:/' "$OY" >"$TMP/old/sites/kalbela.yaml.new"
mv "$TMP/old/sites/kalbela.yaml.new" "$OY"
strip-boilerplate -r "$TMP/old" --check-rules >/dev/null 2>"$TMP/both.err"
is $? 2 "strip.tail and strip.junk_at_end both: a rules error, status 2"
grep -q "^strip-boilerplate: $OY:$((tl + 1)):3: 'tail' is the old spelling of 'junk_at_end': give the rules in 'junk_at_end' only\$" "$TMP/both.err"
ok $? "strip.tail and strip.junk_at_end both: the message says which to keep"

# ---- a Kalbela page cut short before the promo line ----

head -n 22 $K0.txt >"$TMP/cut0.page"
clean_case "$TMP/cut0.page" "Kalbela page cut before the promo: detected by its header zone, same record"
head -n 19 $K2.txt >"$TMP/cut2.page"
strip-boilerplate "$TMP/cut2.page" 2>/dev/null | tr -d '\0' >"$TMP/cut2.out"
with_source "$TMP/cut2.page" "$GOLD/$K2.out" >"$TMP/cut2.exp"
is_file "$TMP/cut2.out" "$TMP/cut2.exp" "... also without an update line (seed 002)"

# ---- --records ----

# heads RECORD-FILE LINE...: the record's header lines to h.got, the LINEs to h.exp.
heads() {
	sed '/^$/,$d' "$1" >"$TMP/h.got"
	shift
	printf '%s\n' "$@" >"$TMP/h.exp"
}

{
	printf 'source: %s\nfetched: 2025-11-05T10:00:00+06:00\n\n' $K0.txt; cat $K0.txt; printf '\0'
	printf 'fetched: 2025-11-05T10:00:01+06:00\nsite: dhakadiplomat\n\n'; cat $K0.txt; printf '\0'
	printf 'site: default\n\n'; cat $D1.txt; printf '\0'
	printf 'site: nosuch\n\n'; cat $K0.txt; printf '\0'
} >"$TMP/in.rec"
strip-boilerplate --records <"$TMP/in.rec" >"$TMP/r.rec" 2>"$TMP/r.err"
rstatus=$?
ok "$rstatus" "--records: status 0"
: >"$TMP/r.1"; : >"$TMP/r.2"; : >"$TMP/r.3"; : >"$TMP/r.4"
[ "$(records "$TMP/r.rec" "$TMP/r.")" -eq 4 ]
ok $? "--records: four records in, four out"
body "$TMP/r.1" >"$TMP/r1.body"
is_file "$TMP/r1.body" "$TMP/k0.body" "--records: body = page text gives the body the file path gives"
heads "$TMP/r.1" "source: $K0.txt" "fetched: 2025-11-05T10:00:00+06:00" "site: kalbela"
is_file "$TMP/h.got" "$TMP/h.exp" "--records: the record's headers are kept, site added"
strip-boilerplate -s dhakadiplomat $K0.txt 2>/dev/null >"$TMP/sd.rec"
body "$TMP/sd.rec" >"$TMP/sd.body"
body "$TMP/r.2" >"$TMP/r2.body"
heads "$TMP/r.2" "fetched: 2025-11-05T10:00:01+06:00" "site: dhakadiplomat" "source: -#2"
is_file "$TMP/h.got" "$TMP/h.exp" "--records: a site header is honoured, a missing source becomes -\#N"
is_file "$TMP/r2.body" "$TMP/sd.body" "--records: site: dhakadiplomat strips as -s dhakadiplomat does"
strip-boilerplate -s default $D1.txt 2>/dev/null >"$TMP/sdf.rec"
body "$TMP/sdf.rec" >"$TMP/sdf.body"
body "$TMP/r.3" >"$TMP/r3.body"
is_file "$TMP/r3.body" "$TMP/sdf.body" "--records: site: default strips as -s default does (seed 001: the mojibake stays)"
heads "$TMP/r.4" "site: kalbela" "source: -#4" \
	"warning: strip-boilerplate: site 'nosuch' has no rules in $RULES; detecting the site"
is_file "$TMP/h.got" "$TMP/h.exp" "--records: a site with no rules gets a warning, and the site is detected"

# ---- unreadable operands ----

mkdir "$TMP/adir"
strip-boilerplate $K0.txt "$TMP/adir" $K2.txt >"$TMP/d.rec" 2>"$TMP/d.err"
is $? 1 "a directory among good files: exit status 1"
{
	cat "$GOLD/$K0.out"; printf '\0'
	printf 'source: %s\nsite: default\nerror: strip-boilerplate: cannot read the page: is a directory\n\n\0' "$TMP/adir"
	cat "$GOLD/$K2.out"; printf '\0'
} >"$TMP/d.exp"
is_file "$TMP/d.rec" "$TMP/d.exp" "a directory among good files: an error record for it, the others as golden"
grep -q "^strip-boilerplate: $TMP/adir: .*directory" "$TMP/d.err"
ok $? "a directory among good files: a message naming it"

strip-boilerplate $K0.txt "$TMP/nosuch.txt" $K2.txt >"$TMP/m.rec" 2>"$TMP/m.err"
is $? 1 "a missing file among good files: exit status 1"
{
	cat "$GOLD/$K0.out"; printf '\0'
	printf 'source: %s\nsite: default\nerror: strip-boilerplate: cannot read the page: No such file or directory\n\n\0' "$TMP/nosuch.txt"
	cat "$GOLD/$K2.out"; printf '\0'
} >"$TMP/m.exp"
is_file "$TMP/m.rec" "$TMP/m.exp" "a missing file among good files: an error record for it, the others as golden"
grep -q "^strip-boilerplate: $TMP/nosuch.txt: No such file or directory" "$TMP/m.err"
ok $? "a missing file among good files: a message naming it"

# ---- the sections strip-boilerplate does not keep ----
# default.yaml's reader and field rules are extract-meta's: strip-boilerplate
# does not keep them (nor cache them), but it parses every file whole, so a
# fault there stops it as it stops extract-meta, --check-rules and --chrome.

cp -r "$RULES" "$TMP/rsk"
printf '  broken: [unclosed\n' >>"$TMP/rsk/default.yaml"
is "$(grep '^[a-z_]*:' "$TMP/rsk/default.yaml" | tail -n 1)" "fields:" \
	"skip: the fault is appended inside default.yaml's last section, the field rules"
for run in first second; do
	strip-boilerplate -r "$TMP/rsk" $K0.txt >/dev/null 2>"$TMP/sk.err"
	is $? 2 "skip: a fault in the field rules stops strip-boilerplate (exit 2), $run run"
	grep -q "default.yaml:$(wc -l <"$TMP/rsk/default.yaml"):.*not valid YAML" "$TMP/sk.err"
	ok $? "skip: and names the faulty line, $run run (a broken file is never cached)"
done
strip-boilerplate -r "$TMP/rsk" --check-rules >/dev/null 2>"$TMP/skc.err"
is $? 2 "skip: --check-rules fails (exit 2)"
extract-meta -r "$TMP/rsk" "$TMP/sk.rec" >/dev/null 2>"$TMP/ske.err"
is $? 2 "skip: extract-meta, which reads the field rules, fails (exit 2)"
printf 'a line\t6\n' >"$TMP/sk.tsv"
strip-boilerplate -r "$TMP/rsk" --chrome "$TMP/sk.tsv" $K0.txt >/dev/null 2>"$TMP/skh.err"
is $? 2 "skip: --chrome, which reads the reader, fails (exit 2)"
grep -q "default.yaml:$(wc -l <"$TMP/rsk/default.yaml"):.*not valid YAML" "$TMP/skh.err"
ok $? "skip: --chrome names the faulty line"

done_testing
