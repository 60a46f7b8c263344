#!/bin/sh
# Corpus mode (issue 14): count-chrome's table and strip-boilerplate --chrome.
# On six hand-written pages of a site with no rule file (tests/chrome/): the
# table's counts, the lines dropped (masthead, menu, comment heading,
# imprint) and kept (a byline and a date that recur, a subheading and a
# sentence that recur in the middle of every article, lines that recur in
# the other zone only).  On a small generated corpus (bench/gen-corpus): no
# article line removed, pages of sites with rules byte-identical, a merged
# shard table equal to the one-pass table.  Bad tables: 'prog: file:line:
# message', exit 2.  One record out per record in.  The bound on shapes.
# shellcheck source=/dev/null
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1
C=tests/chrome

# ---- the hand-written site ----

count-chrome --pages "$C"/p*.txt >"$TMP/hand.tsv" 2>"$TMP/count.err"
ok $? "count-chrome --pages counts the six pages (exit 0)"
is "$(cat "$TMP/count.err")" "" "count-chrome: nothing on stderr"
cut -f 1-3,5- "$TMP/hand.tsv" >"$TMP/hand.cut"
is_file "$TMP/hand.cut" "$C/table.expected" "the table: masthead, menu and byline on top, imprint and comment heading below, each with its pages"
grep -q "পরিস্থিতি\|সংবাদ সম্মেলনে" "$TMP/hand.tsv"
ok "$((!$?))" "the lines in the middle of the articles are not counted at all"

strip-boilerplate --chrome "$TMP/hand.tsv" --chrome-min 3 --explain "$C"/p*.txt >"$TMP/hand.rec" 2>"$TMP/hand.err"
ok $? "strip-boilerplate --chrome: exit 0"
is "$(tr -cd '\0' <"$TMP/hand.rec" | wc -c)" 6 "one record out per page in"
body() {	# body SOURCE: the body of that record
	tr '\0' '\036' <"$TMP/hand.rec" | awk -v RS='\036' -v src="source: $1" '
		index($0, src "\n") == 1 { sub(/^[^\n]*(\n[^\n]+)*\n\n/, ""); printf "%s", $0 }'
}
body "$C/p1.txt" >"$TMP/p1.body"
is_file "$TMP/p1.body" "$C/p1.expected" "p1: masthead, menu, comment heading and imprint gone; byline, date, subheading and the repeated sentence kept"
body "$C/p6.txt" >"$TMP/p6.body"
is_file "$TMP/p6.body" "$C/p6.expected" "p6: the comment heading on top and the masthead at the bottom stay (each recurs in the other zone only)"
is "$(grep -c '^সংবাদ সম্মেলনে তিনি এসব কথা বলেন।$' "$TMP/hand.rec")" 6 \
    "the sentence every article repeats stays on all six pages (last paragraph of p5 included)"
is "$(grep -c '^পরিস্থিতি এখন যেমন$' "$TMP/hand.rec")" 6 "the subheading every article repeats stays on all six pages"
is "$(grep -c '^নিজস্ব প্রতিবেদক$' "$TMP/hand.rec")" 5 "the byline on five of six pages stays: the reader reads it as a byline"
is "$(grep -c '^প্রকাশ: ' "$TMP/hand.rec")" 6 "every date line stays"
grep 'p6.txt' "$TMP/hand.err" | grep -v ': body lines' >"$TMP/p6.err"	# the line map khobor --explain reads is not the table's
cat >"$TMP/p6.want" <<EOF
strip-boilerplate: $C/p6.txt:2: $TMP/hand.tsv:5: default/chrome.top: removed "প্রচ্ছদ | জাতীয় | রাজনীতি | খেলা" (on 6 of 6 pages)
strip-boilerplate: $C/p6.txt:17: $TMP/hand.tsv:8: default/chrome.bottom: removed "সম্পাদক: রহিম উদ্দিন, সকালের খবর২৪" (on 6 of 6 pages)
EOF
is_file "$TMP/p6.err" "$TMP/p6.want" "--explain names the page line, the table row and the count of each line the table took"
is "$(grep -c 'chrome\.' "$TMP/hand.err")" 22 "--explain: 22 lines taken on the six pages (4 a page, 2 on p6)"

# The default share (0.05) and minimum (5 pages) take the lines on 5 and 6 pages too.
strip-boilerplate --chrome "$TMP/hand.tsv" "$C"/p*.txt >"$TMP/hand5.rec"
cmp -s "$TMP/hand5.rec" "$TMP/hand.rec"
ok $? "the defaults (--chrome-share 0.05 --chrome-min 5) take the same lines here"
strip-boilerplate --chrome "$TMP/hand.tsv" --chrome-min 6 "$C"/p*.txt >"$TMP/hand6.rec"
is "$(grep -c '^সকালের খবর২৪$' "$TMP/hand6.rec")" 6 "--chrome-min 6: the masthead, on 5 pages, stays"
strip-boilerplate --chrome "$TMP/hand.tsv" --chrome-share 1 "$C"/p*.txt >"$TMP/hand1.rec"
is "$(grep -c '^প্রচ্ছদ | জাতীয়' "$TMP/hand1.rec"):$(grep -c '^পাঠকের মতামত$' "$TMP/hand1.rec")" 0:6 \
    "--chrome-share 1: only the lines on every page go"

# The same pages as a record stream with a url: they count under the url's host.
for f in "$C"/p*.txt; do
	printf 'source: %s\nurl: https://www.sokaler-khobor.example/news/%s\n\n' "$f" "${f##*/}"
	cat "$f"
	printf '\n\0'
done >"$TMP/hand-url.rec"
count-chrome "$TMP/hand-url.rec" >"$TMP/url.tsv"
is "$(grep '^site' "$TMP/url.tsv")" "$(printf 'site\twww.sokaler-khobor.example\t6')" "records with a url count under its host"
strip-boilerplate --records --chrome "$TMP/url.tsv" --chrome-min 3 "$TMP/hand-url.rec" >"$TMP/url.out"
is "$(grep -c '^সকালের খবর২৪$' "$TMP/url.out"):$(tr -cd '\0' <"$TMP/url.out" | wc -c)" 1:6 \
    "--records: the pages are looked up under the url's host (one record out per record in)"

# ---- sites with rules are untouched ----

count-chrome --pages "$SEEDS"/*.txt >"$TMP/seeds.tsv"
strip-boilerplate "$SEEDS"/*.txt >"$TMP/seeds.plain"
strip-boilerplate --chrome "$TMP/seeds.tsv" --chrome-share 0.01 --chrome-min 1 "$SEEDS"/*.txt >"$TMP/seeds.chrome"
cmp -s "$TMP/seeds.plain" "$TMP/seeds.chrome"
ok $? "pages of sites with rule files come out byte-identical with a table that counts them"

# ---- a small generated corpus ----

if python3 bench/gen-corpus --size 300k --seed 7 --default-share 0.5 --no-dump --out "$TMP/corpus" >/dev/null 2>&1; then
	cd "$TMP/corpus" || exit 1
	npages=$(find pages -name "*.txt" | wc -l)
	count-chrome --pages pages/*.txt >"$TMP/one.tsv"
	ok $? "count-chrome --pages over the generated corpus ($npages pages)"
	set -- pages/*.txt
	n=0
	while [ $# -gt 0 ]; do
		n=$((n + 1))
		k=0
		shard=
		while [ $# -gt 0 ] && [ $k -lt 20 ]; do
			shard="$shard $1"
			shift
			k=$((k + 1))
		done
		# shellcheck disable=SC2086
		count-chrome --pages --min-pages 1 $shard >"$TMP/shard.$n"
	done
	# shellcheck disable=SC2046
	count-chrome --merge $(seq -f "$TMP/shard.%g" 1 "$n") >"$TMP/merged.tsv"
	ok $? "count-chrome --merge of $n shards (exit 0)"
	cmp -s "$TMP/one.tsv" "$TMP/merged.tsv"
	ok $? "the merged table of $n shards is the one-pass table, byte for byte"
	grep -q '^shape	default	top	.*	[0-9]*	[0-9]*	দৈনিক সমাচার$' "$TMP/one.tsv"
	ok $? "the table has the outlet name over the default site's articles"

	strip-boilerplate pages/*.txt >"$TMP/plain.rec"
	strip-boilerplate --chrome "$TMP/one.tsv" pages/*.txt >"$TMP/chrome.rec"
	ok $? "strip-boilerplate --chrome over the generated corpus (exit 0)"
	is "$(tr -cd '\0' <"$TMP/chrome.rec" | wc -c)" "$npages" "one record out per page in"
	python3 "$TOP/bench/chrome/check" . "$TMP/plain.rec" "$TMP/chrome.rec" >"$TMP/check.out"
	ok $? "bench/chrome/check: no article line removed, pages of sites with rules unchanged"
	grep -q 'the table removed: [1-9]' "$TMP/check.out"
	ok $? "the table removed lines (it is not a check that cannot fail)"
	sed 's/^/# /' "$TMP/check.out"
	cd "$TOP" || exit 1
else
	ok 1 "bench/gen-corpus makes a small corpus"
fi

# ---- bad tables: prog: file:line: message, exit 2, no output ----

bad() {	# bad NAME CONTENT MESSAGE
	printf '%b' "$2" >"$TMP/$1.tsv"
	strip-boilerplate --chrome "$TMP/$1.tsv" "$C/p1.txt" >"$TMP/bad.out" 2>"$TMP/bad.err"
	st=$?
	is "$st:$(cat "$TMP/bad.err")" "2:strip-boilerplate: $TMP/$1.tsv:$3" "strip-boilerplate --chrome, $1: exit 2 and the message"
	is "$(wc -c <"$TMP/bad.out")" 0 "strip-boilerplate --chrome, $1: no output"
	count-chrome --merge "$TMP/hand.tsv" "$TMP/$1.tsv" >"$TMP/bad.out" 2>"$TMP/bad.err"
	st=$?
	is "$st:$(cat "$TMP/bad.err")" "2:count-chrome: $TMP/$1.tsv:$3" "count-chrome --merge, $1: exit 2 and the message"
	is "$(wc -c <"$TMP/bad.out")" 0 "count-chrome --merge, $1: no table written"
}
H='#khobor-chrome 1\nsite\tx\t10\n'
bad records 'source: a\n\nbody\n' "1: not a chrome table: the first line must be '#khobor-chrome 1' (count-chrome writes tables)"
bad empty '' "1: empty: not a chrome table (the first line must be '#khobor-chrome 1')"
bad zone "${H}shape\tx\tmiddle\t00000000000000ab\t3\t10\tm\n" "3: the zone is 'top', 'bottom' or 'lead', not 'middle'"
bad key "${H}shape\tx\ttop\t00AB\t3\t10\tm\n" "3: the shape key is 16 lower-case hex digits, not '00AB'"
bad pages "${H}# a comment\n\nshape\tx\ttop\t00000000000000ab\t11\t10\tm\n" \
    "5: a shape's pages must be a number from 1 to its site's pages, not '11'"
bad sitepages "${H}shape\tx\ttop\t00000000000000ab\t3\t9\tm\n" "3: the site's pages must be those of its site row ('9' differs)"
bad nosite "${H}shape\ty\tbottom\t00000000000000ab\t3\t10\tm\n" "3: site 'y' has no site row above this shape row"
bad cells "${H}shape\tx\ttop\t00000000000000ab\n" \
    "3: a shape row has 7 cells (shape, SITE, ZONE, KEY, PAGES, SITE_PAGES, EXAMPLE); this one has 4"
bad kind "${H}shapes\tx\n" "3: a row is 'site' or 'shape', not 'shapes'"
bad twice "${H}site\tx\t3\n" "3: site 'x' has a second site row in this table"
bad again "${H}shape\tx\ttop\t00000000000000ab\t6\t10\tm\nshape\tx\ttop\t00000000000000ab\t6\t10\tm\n" \
    "4: shape 00000000000000ab has a second row for its site and zone in this table"

strip-boilerplate --chrome "$TMP/no-such.tsv" "$C/p1.txt" >"$TMP/bad.out" 2>"$TMP/bad.err"
is "$?:$(head -n 1 "$TMP/bad.err")" "2:strip-boilerplate: $TMP/no-such.tsv: No such file or directory" \
    "a missing table: exit 2, the file named"
strip-boilerplate --chrome-share 0.2 "$C/p1.txt" >/dev/null 2>"$TMP/bad.err"
is "$?:$(cat "$TMP/bad.err")" \
    "2:strip-boilerplate: --chrome-share and --chrome-min say how to apply a table: give it with --chrome TABLE" \
    "--chrome-share without --chrome: exit 2"
strip-boilerplate --chrome "$TMP/hand.tsv" --chrome-share 1.5 "$C/p1.txt" >/dev/null 2>"$TMP/bad.err"
is "$?" 2 "--chrome-share 1.5: exit 2"
count-chrome --merge >/dev/null 2>"$TMP/bad.err"
is "$?:$(cat "$TMP/bad.err")" "2:count-chrome: --merge needs the TABLEs to sum (count-chrome --merge T1 T2 ...)" \
    "--merge with no table: exit 2"
printf 'not a record stream' | count-chrome >"$TMP/bad.out" 2>/dev/null
is "$?:$(wc -c <"$TMP/bad.out")" "2:0" "count-chrome on text that is no record stream: exit 2, no table"

# ---- the bound on shapes ----

# 3000 pages, each with the masthead and a line of its own above the article:
# at 1024 shapes the table sweeps out the lines seen once, and the masthead's
# count stays exact.
awk 'BEGIN { for (i = 1; i <= 3000; i++)
	printf "source: p%d\nsite: big\n\nসকালের খবর২৪\nশিরোনাম নম্বর %c%d\n\nএকটি বাক্য যা অনুচ্ছেদ হিসেবে পড়া যায় সহজেই।\n%c", i, 97 + i % 26, i * 7919, 0 }' \
    >"$TMP/big.rec"
count-chrome --max-shapes 1024 "$TMP/big.rec" >"$TMP/big.tsv" 2>"$TMP/big.err"
is "$?:$(cat "$TMP/big.err")" "0:" "3000 pages with --max-shapes 1024: exit 0, no warning (sweeps free the lines seen once)"
is "$(awk -F '\t' '$1 == "shape" && $7 == "সকালের খবর২৪" { print $5 }' "$TMP/big.tsv")" 3000 \
    "the masthead's count is exact through the sweeps"
# Each line on exactly two pages: sweeping frees nothing, new shapes are refused.
awk 'BEGIN { for (i = 1; i <= 3000; i++)
	printf "source: p%d\nsite: big\n\nলাইন %d নম্বর\nলাইন %d নম্বর\n\nএকটি বাক্য যা অনুচ্ছেদ হিসেবে পড়া যায় সহজেই।\n%c", i, i, i + 1, 0 }' |
    sed 's/[0-9]\{1,\} নম্বর/&/' | tr '0-9' 'a-j' >"$TMP/full.rec"
count-chrome --max-shapes 1024 "$TMP/full.rec" >"$TMP/full.tsv" 2>"$TMP/full.err"
st=$?
grep -q '^count-chrome: the table was full: [0-9]* shapes were not counted (their counts are low); raise --max-shapes$' "$TMP/full.err"
ok $? "a table that sweeping cannot free: new shapes refused, a warning says how many"
is "$st" 0 "... and the table is still written (exit 0)"
count-chrome --merge "$TMP/full.tsv" >/dev/null
ok $? "... and it reads back as a table"

# khobor learn's corpus mode is this same count.
khobor learn --by-site --table "$TMP/learn.tsv" "$C"/p*.txt
ok $? "khobor learn --by-site --table: exit 0"
cmp -s "$TMP/learn.tsv" "$TMP/hand.tsv"
ok $? "khobor learn --by-site --table writes count-chrome --pages's table"
khobor learn --table "$TMP/x.tsv" "$C"/p*.txt 2>"$TMP/learn.err"
is $? 2 "khobor learn --table without --by-site: exit 2"
is "$(cat "$TMP/learn.err")" "khobor: --by-site and --table go together: khobor learn --by-site --table FILE PAGE..." \
	"... and the message says how"

# A house credit alone over the first paragraph (tests/chrome/credit/,
# the layout of one real outlet) recurs on every page, and on three it is
# the page's first line: it is the story's credit, never a masthead.
count-chrome --pages "$C"/credit/c*.txt >"$TMP/credit.tsv"
is "$(grep -c '^shape	default	top	.*	5	5	পলাশতলী রিপোর্ট :$' "$TMP/credit.tsv")" 1 \
    "the credit over the first paragraph is counted on all five pages"
strip-boilerplate --chrome "$TMP/credit.tsv" "$C"/credit/c*.txt >"$TMP/credit.rec"
is "$(grep -c '^পলাশতলী রিপোর্ট :$' "$TMP/credit.rec")" 5 "strip-boilerplate --chrome keeps it on all five"
is "$(khobor --chrome "$TMP/credit.tsv" "$C"/credit/c*.txt | jq -r .author | sort | uniq -c | tr -s ' ')" " 5 পলাশতলী রিপোর্ট" \
    "... and khobor --chrome gives it as the author of all five"

# The lead: words that open the first paragraph, glued to it by a credit's
# mark, on many of a site's pages are the site's own credit
# (tests/chrome/lead/, the layout of one real outlet).
count-chrome --pages "$C"/lead/l*.txt >"$TMP/lead.tsv"
is "$(grep -c '^shape	default	lead	.*	4	5	মেঘনাপাড়$' "$TMP/lead.tsv")" 1 \
    "count-chrome counts the credit's words in the lead zone: on 4 of 5 pages (the fifth spells it otherwise)"
strip-boilerplate --chrome "$TMP/lead.tsv" --explain "$C"/lead/l*.txt >"$TMP/lead.rec" 2>"$TMP/lead.err"
is "$(grep -c '^lead_credit: মেঘনাপাড়$' "$TMP/lead.rec")" 4 "strip-boilerplate --chrome: a lead_credit header on those four pages"
is "$(grep -c '^মেঘনাপাড় :: ' "$TMP/lead.rec")" 4 "... and no line changed: the paragraphs still open with it"
grep -q "^strip-boilerplate: $C/lead/l4.txt:3: $TMP/lead.tsv:[0-9]*: default/chrome.lead: lead_credit \"মেঘনাপাড়\": the credit that opens the first paragraph (its first words on 4 of 5 pages)$" "$TMP/lead.err"
ok $? "--explain names the page line, the table row and the count"
khobor --chrome "$TMP/lead.tsv" "$C"/lead/l*.txt >"$TMP/lead.jsonl"
is "$(jq -r '.author // "-"' "$TMP/lead.jsonl" | tr '\n' ' ')" "মেঘনাপাড় মেঘনাপাড় মেঘনাপাড় মেঘনাপাড় - " \
    "khobor --chrome: the site's credit is the author of the four pages, and of the fifth nothing"
is "$(jq -r '.text | split("\n")[0] | split(" ")[0]' "$TMP/lead.jsonl" | tr '\n' ' ')" "উপজেলার শহরের টানা লঞ্চঘাটে মেঘনা " \
    "... and their text starts with the story, the credit taken off"
is "$(jq -r 'has("lead_credit")' "$TMP/lead.jsonl" | sort -u)" false "... and the lead_credit header, read, is not in the record"
is "$(khobor "$C"/lead/l*.txt | jq -r '.author // "-"' | tr '\n' ' ')" "- - - - - " "without the table no page has an author"
# The name spaced another way on one page counts as the same lead.
mkdir "$TMP/spaced"
cp "$C"/lead/l[1-4].txt "$TMP/spaced/"
printf 'মেঘনা পাড় :: নদীর তীরের তিনটি গ্রামে নতুন করে ভাঙন দেখা দিয়েছে, আতঙ্কে দিন কাটাচ্ছেন বাসিন্দারা।\n' >"$TMP/spaced/l6.txt"
count-chrome --pages "$TMP"/spaced/*.txt >"$TMP/spaced.tsv"
is "$(grep -c '^shape	default	lead	.*	5	5	' "$TMP/spaced.tsv")" 1 "the lead's words count with their spaces left out: 5 of 5"
is "$(khobor --chrome "$TMP/spaced.tsv" "$TMP/spaced/l6.txt" | jq -r .author)" "মেঘনা পাড়" \
    "... and each page's credit is its own, as printed"

# Not a credit: a time opening the story, a hyphenated first word.
mkdir "$TMP/nolead"
for i in 1 2 3; do
	printf '১২:৩০ মিনিটে শহরের প্রধান সড়কে একটি বাস উল্টে অন্তত পাঁচজন আহত হয়েছেন বলে জানিয়েছে পুলিশ।\n' >"$TMP/nolead/t$i.txt"
	printf 'মিড-ডে মিল কর্মসূচি নিয়ে আজ জেলা প্রশাসনের সভায় শিক্ষকেরা নানা প্রস্তাব দিয়েছেন বলে জানা গেছে।\n' >"$TMP/nolead/h$i.txt"
	printf 'মোঃ রফিক%s, বাজার থেকে ফিরছিলেন তিনি, এমন সময় একটি ট্রাক তাঁর ভ্যানকে ধাক্কা দেয় বলে জানান প্রত্যক্ষদর্শীরা।\n' "$i" >"$TMP/nolead/m$i.txt"
done
is "$(count-chrome --pages "$TMP"/nolead/*.txt | grep -c '	lead	')" 0 \
    "no lead counted for a time ('১২:৩০ মিনিটে'), a hyphenated word ('মিড-ডে') or a name's abbreviation ('মোঃ') opening the story"
count-chrome --pages "$C"/lead/d*.txt >"$TMP/place.tsv"
is "$(grep -c '^shape	default	lead	.*	3	3	খুলনা$' "$TMP/place.tsv")" 1 "a place's dateline that opens every page is counted as a lead"
is "$(strip-boilerplate --chrome "$TMP/place.tsv" --chrome-min 3 "$C"/lead/d*.txt | grep -c '^lead_credit: খুলনা$')" 3 \
    "... and passed on as lead_credit"
khobor --chrome "$TMP/place.tsv" --chrome-min 3 "$C"/lead/d*.txt >"$TMP/place.jsonl"
is "$(jq -r '"\(.author // "-") \(.dateline_place)"' "$TMP/place.jsonl" | sort | uniq -c | tr -s ' ')" " 3 - খুলনা" \
    "... but the dateline pattern reads as far: it stays the dateline's place, never an author"
khobor --chrome "$TMP/lead.tsv" --chrome-min 5 "$C/lead/l1.txt" | jq -r '.author // "-"' >"$TMP/lead5"
is "$(cat "$TMP/lead5")" মেঘনাপাড় "the lead needs three pages even with --chrome-min 5"
khobor --chrome "$TMP/lead.tsv" --chrome-share 0.9 "$C/lead/l1.txt" | jq -r '.author // "-"' >"$TMP/lead9"
is "$(cat "$TMP/lead9")" - "... but the share still counts: on 4 of 5 pages the credit is under --chrome-share 0.9"

# khobor applies a table with --chrome: the pipeline strip-boilerplate
# --chrome starts.  The imprint under every article (on 6 of 6 pages) goes.
khobor --chrome "$TMP/hand.tsv" --chrome-min 3 "$C"/p*.txt >"$TMP/kh.jsonl"
ok $? "khobor --chrome TABLE: exit 0"
is "$(jq -r .text "$TMP/kh.jsonl" | grep -c '^সম্পাদক: রহিম উদ্দিন')" 0 "khobor --chrome: the imprint is gone from every text"
khobor "$C"/p*.txt | jq -r .text | grep -c '^সম্পাদক: রহিম উদ্দিন' >"$TMP/kh.n"
is "$(cat "$TMP/kh.n")" 6 "... which khobor without --chrome keeps on all six"
khobor --chrome="$TMP/hand.tsv" --chrome-min=3 "$C"/p*.txt | cmp -s - "$TMP/kh.jsonl"
ok $? "khobor --chrome=TABLE --chrome-min=N: the same"
strip-boilerplate --chrome "$TMP/hand.tsv" --chrome-min 3 "$C"/p*.txt | extract-meta | normalize-date |
    to-jsonl --array=agency,mention,warning,error,warc_lang,meta_author \
	--number=paragraph_count,word_count,char_count,similarity | cmp -s - "$TMP/kh.jsonl"
ok $? "khobor --chrome gives what the pipeline with strip-boilerplate --chrome gives"
khobor --chrome-min 3 "$C/p1.txt" >/dev/null 2>"$TMP/kh.err"
is $? 2 "khobor --chrome-min without --chrome: exit 2"
is "$(cat "$TMP/kh.err")" "strip-boilerplate: --chrome-share and --chrome-min say how to apply a table: give it with --chrome TABLE" \
	"... in strip-boilerplate's words"
khobor --chrome 2>"$TMP/kh.err"
is "$?:$(cat "$TMP/kh.err")" "2:khobor: --chrome needs a value: --chrome TABLE, --chrome-share P, --chrome-min N" \
	"khobor --chrome with no table: exit 2, said"

# khobor check --score measures a table.  Fixtures: p1-p3 as they are, and
# p1 with its headline line taken out (a dump cut there, or a headline
# drawn as a picture): without the table the reader takes the masthead for
# the title, invented; the table takes the masthead away.
# The expected records are read off the pages, not khobor's output: in
# their layout the headline is line 4, the byline line 6, the date (read
# by hand below) line 7 and the first paragraph line 9.
mkdir "$TMP/fx"
set -- 2024-03-03T10:15:00+06:00 2024-02-11T06:40:00+06:00 2023-12-27T08:05:00+06:00
for n in 1 2 3; do
	cp "$C/p$n.txt" "$TMP/fx/p$n.txt"
	jq -nc --arg t "$(sed -n 4p "$C/p$n.txt")" --arg a "$(sed -n 6p "$C/p$n.txt")" --arg p "$1" \
	    --arg x "$(sed -n 9p "$C/p$n.txt")" '{title: $t, author: $a, published: $p, text: $x}' >"$TMP/fx/p$n.jsonl"
	shift
done
sed '/^নদীভাঙনে বিলীন তিন গ্রামের বসতভিটা$/d' "$C/p1.txt" >"$TMP/fx/nohead.txt"
jq -c '{author, published, text: (.text | split("\n") | .[0])}' "$TMP/fx/p1.jsonl" >"$TMP/fx/nohead.jsonl"
khobor check --score "$TMP/fx" >"$TMP/score.plain"
ok $? "khobor check --score: exit 0"
is "$(awk '$1 == "title" { print $2, $5 }' "$TMP/score.plain")" "3 1" \
    "... without the table: three titles right, the masthead invented as the fourth page's"
khobor check --score --chrome "$TMP/hand.tsv" --chrome-min 3 "$TMP/fx" >"$TMP/score.chrome"
ok $? "khobor check --score --chrome TABLE: exit 0"
is "$(awk '$1 == "title" { print $2, $5 }' "$TMP/score.chrome")" "3 0" "... with it: three right, none invented"
awk '$1 != "title"' "$TMP/score.chrome" >"$TMP/score.chrome.rest"
awk '$1 != "title"' "$TMP/score.plain" | cmp -s - "$TMP/score.chrome.rest"
ok $? "... and every other field scores as without it"
(cd "$TMP" && khobor check --score --chrome hand.tsv --chrome-min 3 fx) | cmp -s - "$TMP/score.chrome"
ok $? "... a table named relative to where khobor runs is found from every fixture's directory"
khobor check --score --chrome "$TMP/nothing.tsv" "$TMP/fx" 2>"$TMP/score.err"
is "$?:$(cat "$TMP/score.err")" "2:khobor: $TMP/nothing.tsv: cannot read the chrome table" \
	"khobor check --score with a table that is not there: exit 2, said before any page is read"
printf 'x\n' >"$TMP/bad.tsv"
khobor check --score --chrome "$TMP/bad.tsv" "$TMP/fx" >"$TMP/score.out" 2>"$TMP/score.err"
is "$?:$(wc -c <"$TMP/score.out")" "2:0" "khobor check --score with a bad table: exit 2, no table printed"
grep -q "^strip-boilerplate: $TMP/bad.tsv:1: not a chrome table" "$TMP/score.err"
ok $? "... strip-boilerplate says what is wrong with it, with its line"
khobor check --chrome "$TMP/hand.tsv" "$TMP/fx" 2>"$TMP/score.err"
is "$?:$(cat "$TMP/score.err")" "2:khobor: --chrome measures a chrome table with --score; fixtures are checked without one" \
	"khobor check --chrome without --score: exit 2, said"

done_testing
