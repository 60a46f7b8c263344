#!/bin/sh
# dedupe: the labelled fixtures of tests/dedupe/ get the marks written by hand
# in tests/dedupe/expected; order is kept; --drop counts; the same marks come
# out of one run, of an index round trip, and of shard mode over 4 shards with
# GNU parallel; two stories of one outlet with identical chrome stay apart
# through the chain; khobor --dedupe writes the marks into the JSON.
# shellcheck source=/dev/null
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1
D=tests/dedupe

# The fixtures as one record stream, in name order.
for f in "$D"/*.rec; do
	cat "$f"
	printf '\0'
done >"$TMP/fx.rec"

# SOURCE <tab> DUPLICATE_OF (- for none), one line a record.
marks() {
	tr '\0' '\036' <"$1" | awk -v RS='\036' '
		{ src = "?"; dup = "-"; n = split($0, l, "\n")
		  for (i = 1; i <= n && l[i] != ""; i++) {
			if (l[i] ~ /^source: /) src = substr(l[i], 9)
			if (l[i] ~ /^duplicate_of: /) dup = substr(l[i], 15)
		  }
		  if (n > 1 || $0 != "") print src "\t" dup }'
}

# ---- the fixtures' marks ----

dedupe --explain "$TMP/fx.rec" >"$TMP/fx.out" 2>"$TMP/fx.err"
ok $? "dedupe runs on the fixtures (exit 0)"
marks "$TMP/fx.out" >"$TMP/got.marks"
grep -v '^#' "$D/expected" | cut -f 1,2 >"$TMP/want.marks"
is_file "$TMP/got.marks" "$TMP/want.marks" "every fixture has the duplicate_of written in $D/expected"

# The kind of each copy, from --explain: "dedupe: SOURCE: KIND copy of KEY: ...".
sed -n 's/^dedupe: \([^:]*\): \([a-z]*\) copy of .*/\1\t\2/p' "$TMP/fx.err" >"$TMP/got.kinds"
grep -v '^#' "$D/expected" | awk -F '\t' '$3 != "-" { print $1 "\t" $3 }' >"$TMP/want.kinds"
is_file "$TMP/got.kinds" "$TMP/want.kinds" "--explain names each copy's kind as in $D/expected"
grep -q '^dedupe: 04-cut-short: contained copy of https://wire.example/2024/03/kashbon-bridge: jaccard 0\.[0-9][0-9], containment 0\.[89][0-9]$' "$TMP/fx.err"
ok $? "--explain gives the estimated Jaccard and containment (the cut copy: containment at least 0.8)"

# A similarity header exactly on the copies, a number in (0, 1] with two decimals.
n_dup=$(tr '\0' '\n' <"$TMP/fx.out" | grep -c '^duplicate_of: ')
n_sim=$(tr '\0' '\n' <"$TMP/fx.out" | grep -cE '^similarity: (0\.[0-9][1-9]|0\.[1-9][0-9]|1\.00)$')
is "$n_sim" "$n_dup" "every copy has a similarity header of the form 0.91 ($n_dup copies)"
is "$n_dup" 7 "7 copies among the 17 fixtures"

# Output order = input order, and nothing but the marks changed.
sed 's/\t.*//' "$TMP/got.marks" >"$TMP/got.order"
grep -v '^#' "$D/expected" | cut -f 1 >"$TMP/want.order"
is_file "$TMP/got.order" "$TMP/want.order" "records come out in the order they went in"
sed -z 's/\nduplicate_of: [^\n]*\nsimilarity: [^\n]*\n/\n/' "$TMP/fx.out" >"$TMP/fx.unmarked"
is_file "$TMP/fx.unmarked" "$TMP/fx.rec" "without the two marks, every record is as it came in"

# Determinism: the same marks on every run, in the C locale too.
dedupe "$TMP/fx.rec" >"$TMP/fx.again"
is_file "$TMP/fx.again" "$TMP/fx.out" "a second run gives the same bytes"
LC_ALL=C dedupe "$TMP/fx.rec" >"$TMP/fx.c"
is_file "$TMP/fx.c" "$TMP/fx.out" "the C locale gives the same bytes"
# A second pass through dedupe re-marks, it does not stack marks.
dedupe "$TMP/fx.out" >"$TMP/fx.twice"
is_file "$TMP/fx.twice" "$TMP/fx.out" "dedupe over its own output changes nothing"

# ---- --drop and --stats ----

dedupe --drop --stats "$TMP/fx.rec" >"$TMP/drop.out" 2>"$TMP/drop.err"
ok $? "--drop runs (exit 0)"
n_out=$(tr -cd '\0' <"$TMP/drop.out" | wc -c)
n_in=$(tr -cd '\0' <"$TMP/fx.rec" | wc -c)
dropped=$(sed -n 's/.*dropped \([0-9]*\)$/\1/p' "$TMP/drop.err")
is "$((n_out + dropped))" "$n_in" "--drop: records in ($n_in) = records out ($n_out) + copies dropped ($dropped)"
awk -F '\t' '$2 == "-" { print $1 }' "$TMP/want.marks" >"$TMP/kept.want"
marks "$TMP/drop.out" | cut -f 1 >"$TMP/kept.got"
is_file "$TMP/kept.got" "$TMP/kept.want" "--drop keeps exactly the first record of each story, in order"
grep -q '^dedupe: copies 7 (exact 2, near 4, contained 1), dropped 7$' "$TMP/drop.err"
ok $? "--stats counts copies by kind"
grep -q '^dedupe: stories with copies 2; largest 7 records, first https://wire.example/2024/03/kashbon-bridge$' "$TMP/drop.err"
ok $? "--stats names the stories with copies and the largest"
sed 's/^/# /' "$TMP/drop.err"

# ---- the same stream twice: the second half is all copies ----

cat "$TMP/fx.rec" "$TMP/fx.rec" | dedupe >"$TMP/twice.out"
marks "$TMP/twice.out" | tail -n 17 | awk -F '\t' '$2 == "-" { print $1 }' >"$TMP/twice.unmarked"
is "$(cat "$TMP/twice.unmarked")" "17-video-no-body" "the same stream again: every record with words is marked a copy"

# ---- index round trip: save, load, mark = one run ----

# A bigger stream: the fixtures, the seed articles, and the fixtures again.
strip-boilerplate "$SEEDS"/*.txt | extract-meta >"$TMP/seeds.rec"
cat "$TMP/fx.rec" "$TMP/seeds.rec" "$TMP/fx.rec" >"$TMP/all.rec"
dedupe "$TMP/all.rec" >"$TMP/all.one"
n_all=$(tr -cd '\0' <"$TMP/all.rec" | wc -c)
split -t '\0' -n l/2 -d "$TMP/all.rec" "$TMP/half."
rm -f "$TMP/idx"
dedupe --index "$TMP/idx" "$TMP/half.00" >"$TMP/idx.1" &&
	dedupe --index "$TMP/idx" --stats "$TMP/half.01" >"$TMP/idx.2" 2>"$TMP/idx.err"
ok $? "two runs with --index FILE (the first makes it, the second grows it)"
cat "$TMP/idx.1" "$TMP/idx.2" >"$TMP/idx.both"
is_file "$TMP/idx.both" "$TMP/all.one" "an index round trip marks the second half as one run does"
grep -q "^dedupe: index $TMP/idx: $((n_all - 2)) records$" "$TMP/idx.err"
ok $? "the index holds every record with words ($((n_all - 2)) of $n_all)"
cp "$TMP/idx" "$TMP/idx.saved"
dedupe --index "$TMP/idx" "$TMP/seeds.rec" >"$TMP/idx.3"
n_marked=$(tr '\0' '\n' <"$TMP/idx.3" | grep -c '^duplicate_of: ')
is "$n_marked" "$(tr -cd '\0' <"$TMP/seeds.rec" | wc -c)" "next month's crawl: every seed article is marked a copy of last month's"
[ "$(wc -c <"$TMP/idx")" -gt "$(wc -c <"$TMP/idx.saved")" ]
ok $? "the index grew by the new records"

# ---- shard mode: signatures, sort by band, mark; 4 shards with GNU parallel ----

if command -v parallel >/dev/null 2>&1; then
	split -t '\0' -n l/4 -d "$TMP/all.rec" "$TMP/shard."
	set -- "$TMP"/shard.0[0-3]
	is "$#" 4 "the stream cut into 4 shards"
	parallel --will-cite -k dedupe --signatures --shard '{#}' '{}' ::: "$@" | LC_ALL=C sort >"$TMP/table"
	ok $? "dedupe --signatures over 4 shards, grouped by band with sort"
	parallel --will-cite -k dedupe --mark "$TMP/table" --shard '{#}' '{}' ::: "$@" >"$TMP/all.shards"
	ok $? "dedupe --mark TABLE over the 4 shards"
	is_file "$TMP/all.shards" "$TMP/all.one" "every record's marks from 4 shards equal the one-process run"
	# Hadoop's shuffle groups by key but does not sort what is in a group: shuffle the groups' lines.
	LC_ALL=C sort -t "$(printf '\t')" -k1,1 -k4,4r "$TMP/table" >"$TMP/table.r"
	parallel --will-cite -k dedupe --mark "$TMP/table.r" --shard '{#}' '{}' ::: "$@" >"$TMP/all.shards.r"
	is_file "$TMP/all.shards.r" "$TMP/all.one" "the order of the lines within a band does not matter"
	dedupe --mark "$TMP/table" --shard 2 "$TMP/shard.00" >/dev/null 2>"$TMP/wrong.err"
	is "$?" 2 "--mark with another shard's input: exit 2"
	grep -q 'is not the one .* has: give --mark the input that --signatures read' "$TMP/wrong.err"
	ok $? "... saying that the input and the table do not fit"
else
	echo "ok - # SKIP GNU parallel is not installed"
fi

# ---- one outlet, identical chrome: apart after strip-boilerplate ----

strip-boilerplate "$D"/pages/outlet-a.txt "$D"/pages/outlet-b.txt | extract-meta | dedupe >"$TMP/outlet.out"
n=$(tr '\0' '\n' <"$TMP/outlet.out" | grep -c '^duplicate_of: ')
is "$n" 0 "two stories of one outlet with identical chrome: not copies, compared after strip-boilerplate"
for f in "$D"/pages/outlet-a.txt "$D"/pages/outlet-b.txt; do
	printf 'source: %s\n\n' "$f"
	cat "$f"
	printf '\n\0'
done | dedupe >"$TMP/outlet.raw"
n=$(tr '\0' '\n' <"$TMP/outlet.raw" | grep -c '^duplicate_of: ')
is "$n" 1 "the same two as whole pages: the chrome alone would make them copies"

# ---- in the chain ----

mkdir -p "$TMP/pages"
cp "$D"/pages/outlet-a.txt "$TMP/pages/a.txt"
cp "$D"/pages/outlet-a.txt "$TMP/pages/b.txt"
cp "$D"/pages/outlet-b.txt "$TMP/pages/c.txt"
(cd "$TMP/pages" && khobor --dedupe a.txt b.txt c.txt) >"$TMP/chain.jsonl"
ok $? "khobor --dedupe runs"
jq -c '[.source, .duplicate_of, .similarity]' "$TMP/chain.jsonl" >"$TMP/chain.got"
printf '%s\n' '["a.txt",null,null]' '["b.txt","a.txt",1]' '["c.txt",null,null]' >"$TMP/chain.want"
is_file "$TMP/chain.got" "$TMP/chain.want" "khobor --dedupe: duplicate_of a string, similarity a number"
(cd "$TMP/pages" && khobor a.txt b.txt c.txt) | jq -c 'has("duplicate_of")' | sort -u >"$TMP/chain.plain"
is "$(cat "$TMP/chain.plain")" "false" "without --dedupe the chain marks nothing"
rm -f "$TMP/chain.idx"
(cd "$TMP/pages" && khobor --dedupe-index "$TMP/chain.idx" a.txt && khobor --dedupe-index "$TMP/chain.idx" c.txt b.txt) |
	jq -c '[.source, .duplicate_of]' >"$TMP/chainidx.got"
printf '%s\n' '["a.txt",null]' '["c.txt",null]' '["b.txt","a.txt"]' >"$TMP/chainidx.want"
is_file "$TMP/chainidx.got" "$TMP/chainidx.want" "khobor --dedupe-index FILE: a later run marks copies of an earlier run's pages"

# ---- the command line ----

dedupe --help >"$TMP/help" 2>&1
ok $? "--help exits 0"
head -n 1 "$TMP/help" | grep -q '^usage: dedupe \[--drop\] \[--index FILE\] \[--stats\] \[--explain\] \[FILE...\]$'
ok $? "--help starts with the usage"
dedupe --version | grep -q '^dedupe (khobor) '
ok $? "--version"
dedupe --bogus </dev/null >/dev/null 2>"$TMP/bad"
is "$?" 2 "an unknown option: exit 2"
grep -q "^dedupe: unknown option '--bogus'" "$TMP/bad"
ok $? "... saying which"
dedupe --signatures --index "$TMP/x" </dev/null >/dev/null 2>&1
is "$?" 2 "--signatures with --index: exit 2"
dedupe --shard x </dev/null >/dev/null 2>&1
is "$?" 2 "--shard takes a number"

done_testing
