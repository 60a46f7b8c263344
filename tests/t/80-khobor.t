#!/bin/sh
# tests/t/80-khobor.t: the khobor driver as its users meet it (issue 6).
#
# End to end: `khobor tests/seeds/*.txt`, run from the top of the tree, gives
# tests/expected/seeds.jsonl, which was made from the reviewed fixture files
# tests/sites/SITE/seed-NNN.jsonl (same records, "source" the path given).
# The glued dump gives the same five articles; the driver's output is the
# output of the pipeline `khobor --help` prints; exit statuses; valid JSON;
# the default rules on a seed page; --paragraphs, --mentions, --ascii,
# --explain.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1

EXP=tests/expected/seeds.jsonl

# ---- (a) end to end ----

khobor tests/seeds/*.txt >"$TMP/seeds.out" 2>"$TMP/seeds.err"
is $? 0 "khobor tests/seeds/*.txt: exit status 0"
is_file "$TMP/seeds.out" "$EXP" "khobor tests/seeds/*.txt: the reviewed $EXP"
is_file "$TMP/seeds.err" /dev/null "khobor tests/seeds/*.txt: nothing on stderr"

# The expected file is the reviewed fixtures with the seeds' paths: the two
# must not drift apart.
: >"$TMP/from-fixtures.jsonl"
for page in tests/seeds/*.txt; do
	nnn=${page##*/}
	set -- tests/sites/*/seed-"${nnn%%_*}".txt
	fixture=$1
	cmp -s "$page" "$fixture"
	ok $? "$page is the fixture $fixture, byte for byte"
	jq -c --arg s "$page" '.source = $s' "${fixture%.txt}.jsonl" >>"$TMP/from-fixtures.jsonl"
done
is_file "$EXP" "$TMP/from-fixtures.jsonl" "$EXP: the reviewed fixture records, source set to the seed's path"

# The acceptance test names the shared copy of the seeds: the same pages.
if [ -d "$TOP/../shared/seeds" ]; then
	same=0
	for page in tests/seeds/*.txt; do
		cmp -s "$page" "$TOP/../shared/seeds/${page##*/}" || same=1
	done
	ok $same "../shared/seeds/*.txt are the pages of tests/seeds/"
fi

# ---- (b) the glued dump ----

cat tests/seeds/*.txt | khobor --split >"$TMP/split.out" 2>"$TMP/split.err"
is $? 0 "cat tests/seeds/*.txt | khobor --split: exit status 0"
is_file "$TMP/split.err" /dev/null "khobor --split: nothing on stderr"
is "$(wc -l <"$TMP/split.out" | tr -d ' ')" 5 "khobor --split: five articles"
jq -cS 'del(.source)' "$TMP/split.out" >"$TMP/split.cmp"
jq -cS 'del(.source)' "$EXP" >"$TMP/exp.cmp"
is_file "$TMP/split.cmp" "$TMP/exp.cmp" "khobor --split: the same five articles, every field but source"
is "$(jq -r .source "$TMP/split.out" | tr '\n' ' ')" "-#1 -#2 -#3 -#4 -#5 " "khobor --split: sources -#1 .. -#5"

# ---- (c) the pipeline --help shows ----

khobor --help >"$TMP/help" 2>&1
is $? 0 "khobor --help: exit status 0"
sed -n '/^ *strip-boilerplate /,/^ *to-jsonl /p' "$TMP/help" | tr '\n' ' ' >"$TMP/pipeline"
grep -q 'FILE\.\.\. *|.*extract-meta.*|.*normalize-date.*|.*to-jsonl' "$TMP/pipeline"
ok $? "khobor --help shows the four filters, FILE... at the head"
# The plain pipeline: every [option] left out, FILE... the pages.  The
# "$@" and "$KHOBOR_RULES" are for the shell that runs the pipeline.
# shellcheck disable=SC2016
sed 's/ \[[^]]*\]//g; s/FILE\.\.\./"$@"/' "$TMP/pipeline" >"$TMP/plain.sh"
# With options: -r DIR, --mentions and --paragraphs given; the rest left out.
# shellcheck disable=SC2016
sed 's/\[-r DIR\]/-r "$KHOBOR_RULES"/g; s/\[--mentions\]/--mentions/; s/\[--paragraphs\]/--paragraphs/
	s/ \[[^]]*\]//g; s/FILE\.\.\./"$@"/' "$TMP/pipeline" >"$TMP/opts.sh"
set -- tests/seeds/*.txt
sh -c "$(cat "$TMP/plain.sh")" sh "$@" >"$TMP/plain.out" 2>&1
is_file "$TMP/seeds.out" "$TMP/plain.out" "khobor = the pipeline --help shows, options left out"
khobor -r "$RULES" --mentions --paragraphs "$@" >"$TMP/opts-khobor.out" 2>&1
sh -c "$(cat "$TMP/opts.sh")" sh "$@" >"$TMP/opts.out" 2>&1
is_file "$TMP/opts-khobor.out" "$TMP/opts.out" "khobor -r DIR --mentions --paragraphs = the pipeline --help shows, those options given"
# khobor(1) prints the same lists of array and number fields.
for opt in array number; do
	h=$(grep -o -- "--$opt=[a-z_,]*" "$TMP/help")
	m=$(grep -o -- "--$opt=[a-z_,]*" man/khobor.1)
	is "$m" "$h" "khobor(1) and --help: the same $h"
done

# ---- (d) exit statuses ----

khobor tests/seeds/000_b6825d0d03b8bef4.txt "$TMP/missing.txt" tests/seeds/002_2416af19f3e7365d.txt \
	>"$TMP/missing.out" 2>"$TMP/missing.err"
is $? 1 "a missing file among good ones: exit status 1"
is "$(jq -r .source "$TMP/missing.out" | tr '\n' ' ')" \
	"tests/seeds/000_b6825d0d03b8bef4.txt $TMP/missing.txt tests/seeds/002_2416af19f3e7365d.txt " \
	"a missing file: the good pages are out, in order, and a line for the missing one"
sed -n '1p;3p' "$EXP" >"$TMP/good.exp"
sed -n '1p;3p' "$TMP/missing.out" >"$TMP/good.out"
is_file "$TMP/good.out" "$TMP/good.exp" "a missing file: the good pages as in $EXP"
is "$(sed -n 2p "$TMP/missing.out" | jq -r '.error | length')" 1 "a missing file: its line carries an error"
is "$(cat "$TMP/missing.err")" "strip-boilerplate: $TMP/missing.txt: No such file or directory" \
	"a missing file: one message naming it"

khobor -r "$TMP/no-such-rules" tests/seeds/*.txt >"$TMP/badr.out" 2>"$TMP/badr.err"
is $? 2 "a bad -r: exit status 2"
is "$(cat "$TMP/badr.err")" "khobor: $TMP/no-such-rules: not a rules directory" "a bad -r: the message"
is_file "$TMP/badr.out" /dev/null "a bad -r: no output"
khobor -r >/dev/null 2>&1
is $? 2 "-r without a directory: exit status 2"
khobor --no-such-option tests/seeds/*.txt >/dev/null 2>&1
is $? 2 "an unknown option: exit status 2"

khobor tests/seeds/*.txt >/dev/full 2>"$TMP/full.err"
is $? 3 "output to /dev/full: exit status 3"
is "$(cat "$TMP/full.err")" "to-jsonl: write error on standard output: No space left on device" \
	"output to /dev/full: one message"

# A reader that goes away: enough pages that the writers are still busy.
set --
i=0
while [ $i -lt 40 ]; do
	set -- "$@" tests/seeds/*.txt
	i=$((i + 1))
done
{ khobor "$@" 2>"$TMP/head.err"; echo $? >"$TMP/head.st"; } | head -n 1 >"$TMP/head.out"
is "$(cat "$TMP/head.st")" 0 "| head -n 1: exit status 0"
is_file "$TMP/head.err" /dev/null "| head -n 1: nothing on stderr"
head -n 1 "$EXP" >"$TMP/head.exp"
is_file "$TMP/head.out" "$TMP/head.exp" "| head -n 1: the first article"

# ---- (f) the default rules on a seed page ----

# -s default: the generic rules only.  The title is there; every field it
# finds is the reviewed value; nothing the page does not say.  Dhaka
# Diplomat's legacy-font "ø" is its own rule, so its text is not compared.
for page in tests/seeds/*.txt; do
	name=${page##*/}
	khobor -s default "$page" >"$TMP/default.out" 2>"$TMP/default.err"
	is $? 0 "-s default $name: exit status 0"
	sed -n "/${name%.txt}/p" "$EXP" >"$TMP/default.exp"
	is "$(jq -r .site "$TMP/default.out")" default "-s default $name: site default"
	jq -e '.title | type == "string" and length > 0' "$TMP/default.out" >/dev/null
	ok $? "-s default $name: a title"
	jq -r --slurpfile e "$TMP/default.exp" '
		$e[0] as $e | to_entries[] | .key as $k | .value as $v |
		select($k | IN("source", "site", "text", "paragraph_count", "word_count", "char_count") | not) |
		if $k == "date_candidate" then empty
		elif ($e | has($k)) | not then "invented: \($k) = \($v | tojson)"
		elif $e[$k] != $v then "wrong: \($k) = \($v | tojson), not \($e[$k] | tojson)"
		else empty end' "$TMP/default.out" >"$TMP/default.bad" 2>&1 || echo "jq failed" >>"$TMP/default.bad"
	is_file "$TMP/default.bad" /dev/null "-s default $name: every field as reviewed, none invented"
	jq -r '.date_candidate // [] | if type == "array" then .[] else . end' "$TMP/default.out" |
		while IFS= read -r d; do
			grep -qF -- "$d" "$page" || echo "date_candidate not on the page: $d"
		done >"$TMP/default.cand" 2>&1
	is_file "$TMP/default.cand" /dev/null "-s default $name: any date_candidate is printed on the page"
done

# ---- (g) --paragraphs, --mentions, --ascii, --explain ----

khobor --paragraphs tests/seeds/*.txt >"$TMP/para.out"
is $? 0 "--paragraphs: exit status 0"
jq -c 'del(.paragraphs)' "$TMP/para.out" >"$TMP/para.cmp"
is_file "$TMP/para.cmp" "$EXP" "--paragraphs: the other fields unchanged"
is "$(jq -r '[.paragraphs | length] == [.paragraph_count] and (.paragraphs | join("\n\n")) == .text' "$TMP/para.out" | sort -u)" \
	true "--paragraphs: paragraph_count paragraphs, the text between the blank lines"

khobor --mentions tests/seeds/*.txt >"$TMP/mentions.out"
is $? 0 "--mentions: exit status 0"
jq -c 'del(.mention)' "$TMP/mentions.out" >"$TMP/mentions.cmp"
is_file "$TMP/mentions.cmp" "$EXP" "--mentions: the other fields unchanged"
# Reviewed against each article and its publication date: the weekday, the
# relative day (গতকাল, আজ) and গত resolved against "published"; a bare
# weekday (Dhaka Diplomat's শনিবার) is not a mention, per normalize-date(1).
jq -r '.source + ": " + ((.mention // []) | join(" | "))' "$TMP/mentions.out" >"$TMP/mentions.got"
cat >"$TMP/mentions.exp" <<'EOF'
tests/seeds/000_b6825d0d03b8bef4.txt: 2023-07-24 গতকাল সোমবার (২৪ জুলাই) | 2023-07-25 আজ | 2023-07-25 আজ মঙ্গলবার (২৫ জুলাই) | 2023-07-25/2023-07-27 ২৫ থেকে ২৭ জুলাই
tests/seeds/001_0a39145c4c96ee7c.txt: 
tests/seeds/002_2416af19f3e7365d.txt: 2023-09-07 আজ বৃহস্পতিবার (৭ সেপ্টেম্বর) | 2023-09-05 গত ৫ সেপ্টেম্বর
tests/seeds/003_f30f3440f69daec0.txt: 2025-07-12 গত ১২ জুলাই
tests/seeds/004_4ffdb30ca1dacf75.txt: 2025-12-27 শনিবার (২৭ ডিসেম্বর) | 2025-12-18 গত ১৮ ডিসেম্বর
EOF
is_file "$TMP/mentions.got" "$TMP/mentions.exp" "--mentions: the dates each seed mentions, resolved"
# Every mention's text is in the article.
jq -r '.text as $t | .mention // [] | .[] | sub("^[0-9/-]+ "; "") as $m | select($t | contains($m) | not) | $m' \
	"$TMP/mentions.out" >"$TMP/mentions.notin" 2>&1
is_file "$TMP/mentions.notin" /dev/null "--mentions: every mention's text is in the article"

khobor --ascii tests/seeds/*.txt >"$TMP/ascii.out"
is $? 0 "--ascii: exit status 0"
LC_ALL=C grep -q '[^ -~]' "$TMP/ascii.out"
is $? 1 "--ascii: plain printable ASCII"
jq -c . "$TMP/ascii.out" >"$TMP/ascii.cmp"
is_file "$TMP/ascii.cmp" "$EXP" "--ascii: the same values"

khobor --explain tests/seeds/000_b6825d0d03b8bef4.txt >"$TMP/explain.out" 2>"$TMP/explain.err"
is $? 0 "--explain: exit status 0"
sed -n 1p "$EXP" >"$TMP/explain.exp"
is_file "$TMP/explain.out" "$TMP/explain.exp" "--explain: stdout unchanged"
# explained DESCRIPTION REGEX: a line of the --explain output matches.
explained() {
	grep -q -- "$2" "$TMP/explain.err"
	ok $? "--explain: $1"
}
P='tests/seeds/000_b6825d0d03b8bef4.txt'
explained "the X glued on at the end, and the rule" \
	"^strip-boilerplate: $P:91: [^ ]*/kalbela.yaml:[0-9]*: kalbela/strip.junk_at_end\\[0\\] close-button: removed \"X\"\$"
explained "the cross-link line dropped" \
	"^strip-boilerplate: $P:17: [^ ]*/kalbela.yaml:[0-9]*: kalbela/strip.drop\\[0\\] cross-link: removed \"আরও পড়ুন : "
explained "the promo line and all after it cut" \
	"^strip-boilerplate: $P:23: [^ ]*/kalbela.yaml:[0-9]*: kalbela/strip.cut\\[0\\] promo-and-after: removed \"কালবেলা অনলাইন এর সর্বশেষ খবর"
explained "the byline found, and the line it came from" \
	"^extract-meta: $P:[0-9]*: [^ ]*/kalbela.yaml:[0-9]*: kalbela/fields\\[[0-9]*\\] author: author \"কালবেলা ডেস্ক\" from \"কালবেলা ডেস্ক\""
# Page line 11: the body's line 10, as the page's line 9 (the caption
# again) is gone.  One numbering in one output: the page's.
explained "the wire credit cut out of its paragraph, at its page line" \
	"^extract-meta: $P:11: [^ ]*/kalbela.yaml:[0-9]*: kalbela/fields\\[[0-9]*\\] agency (news-of-known): agency \"আরটি\" from \"খবর আরটি।\" (cut out of the line)"
grep -q ': body line' "$TMP/explain.err"
is $? 1 "--explain: no body line numbers left in khobor's output"
strip-boilerplate --explain "$P" 2>"$TMP/alone.err" | extract-meta --explain 2>>"$TMP/alone.err" >/dev/null
grep -q "^extract-meta: $P: body line 10: [^ ]*/kalbela.yaml:[0-9]*: kalbela/fields\\[[0-9]*\\] agency (news-of-known): agency \"আরটি\"" "$TMP/alone.err"
ok $? "the filters alone: extract-meta says body line 10"
grep -qx "strip-boilerplate: $P: body lines 1-8 are page lines 1-8, 9-15 are 10-16, 16-18 are 19-21" "$TMP/alone.err"
ok $? "the filters alone: strip-boilerplate says body line 10 is page line 11"
explained "a field not found, and why" \
	"^extract-meta: $P: [^ ]*/kalbela.yaml:[0-9]*: kalbela/fields\\[[0-9]*\\] section: no section: no match in the first line after the 'edition' line"
grep -v '^\(strip-boilerplate\|extract-meta\): tests/seeds/000_b6825d0d03b8bef4.txt' "$TMP/explain.err" >"$TMP/explain.other"
is_file "$TMP/explain.other" /dev/null "--explain: every stderr line names the program and the page"

# ---- (e) every output line is one valid JSON object ----

cat "$TMP/seeds.out" "$TMP/split.out" "$TMP/plain.out" "$TMP/opts.out" "$TMP/missing.out" \
	"$TMP/para.out" "$TMP/mentions.out" "$TMP/ascii.out" >"$TMP/all.jsonl"
khobor -s default tests/seeds/*.txt >>"$TMP/all.jsonl"
lines=$(wc -l <"$TMP/all.jsonl" | tr -d ' ')
is "$(jq -R 'fromjson | type == "object"' "$TMP/all.jsonl" 2>&1 | grep -c '^true$')" "$lines" \
	"jq: all $lines output lines are JSON objects"
python3 -c '
import json, sys
n = 0
for i, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    assert line.endswith("\n"), "line %d: no newline" % i
    o = json.loads(line)
    assert isinstance(o, dict), "line %d: not an object" % i
    n += 1
print(n)' "$TMP/all.jsonl" >"$TMP/py.out" 2>&1
is "$(cat "$TMP/py.out")" "$lines" "python3 json: all $lines output lines are JSON objects"

done_testing
