#!/bin/sh
# tests/t/82-progress-stats.t: the long-run aids (issue 6).
#
# --stats (to-jsonl, and khobor passing it on): at the end, on stderr,
# records in and out, records per site, per-field coverage per site, and
# warnings and errors by kind; the JSON on stdout unchanged.  The numbers
# are checked against the reviewed records of the seeds.
# --progress (strip-boilerplate, and khobor passing it on): nothing when
# stderr is not a terminal; on a terminal (script(1) gives one), a live line
# with pages done/total, MB/s and time left.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1

EXP=tests/expected/seeds.jsonl

# has FILE LINE DESCRIPTION: FILE, its runs of spaces squeezed, has LINE.
has() {
	tr -s ' ' <"$1" | grep -qxF -- "$2"
	ok $? "$3"
}

# ---- --stats on the seeds ----

strip-boilerplate tests/seeds/*.txt | extract-meta | normalize-date >"$TMP/seeds.rec"
to-jsonl --array=agency,mention,warning,error --number=paragraph_count,word_count,char_count --stats \
	"$TMP/seeds.rec" >"$TMP/stats.out" 2>"$TMP/stats.err"
is $? 0 "to-jsonl --stats: exit status 0"
jq -c --arg d "$TOP/" '.source |= ltrimstr($d)' "$TMP/stats.out" >"$TMP/stats.cmp"
is_file "$TMP/stats.cmp" "$EXP" "to-jsonl --stats: the JSON unchanged"
khobor --stats tests/seeds/*.txt >"$TMP/kstats.out" 2>"$TMP/kstats.err"
is $? 0 "khobor --stats: exit status 0"
is_file "$TMP/kstats.out" "$EXP" "khobor --stats: the JSON unchanged"
is_file "$TMP/kstats.err" "$TMP/stats.err" "khobor --stats: the table of to-jsonl --stats"

is "$(head -n 1 "$TMP/stats.err")" "to-jsonl: records in 5, out 5" "--stats: records in and out first"
# The seeds, read by hand: four Kalbela pages, one Dhaka Diplomat page; only
# 000 has an update line, 004 a credit without a caption, 002 no wire credit.
has "$TMP/stats.err" "site kalbela 4 records" "--stats: 4 Kalbela records"
has "$TMP/stats.err" "site dhakadiplomat 1 records" "--stats: 1 Dhaka Diplomat record"
has "$TMP/stats.err" " field records share" "--stats: a header over each site's fields"
has "$TMP/stats.err" " updated 1 25.0%" "--stats: Kalbela updated 1 of 4"
has "$TMP/stats.err" " image_caption 3 75.0%" "--stats: Kalbela image_caption 3 of 4"
has "$TMP/stats.err" " agency 3 75.0%" "--stats: Kalbela agency 3 of 4"
has "$TMP/stats.err" "warnings and errors by kind records" "--stats: the problems table"
has "$TMP/stats.err" " (none)" "--stats: no warnings or errors on the seeds"

# Every site's coverage, computed from the reviewed records: "SITE FIELD N SHARE".
jq -s -r 'group_by(.site)[] | .[0].site as $s | length as $t |
	[.[] | keys[]] | group_by(.)[] | "\($s) \(.[0]) \(length) \($t)"' "$EXP" |
	awk '{ printf "%s %s %d %.1f%%\n", $1, $2, $3, 100 * $3 / $4 }' | sort >"$TMP/cov.want"
awk '/^site / { site = $2; next }
	/^  [a-z_]+ +[0-9]+ +[0-9.]+%$/ { print site, $1, $2, $3 }' "$TMP/stats.err" | sort >"$TMP/cov.got"
is_file "$TMP/cov.got" "$TMP/cov.want" "--stats: every site's field coverage, as counted in the reviewed records"

# ---- --stats with problems ----

# A page that cannot be read (an error), a Kalbela page without its
# "প্রকাশ :" line (a warning from extract-meta), and twice a Kalbela page
# whose date does not exist (a warning from normalize-date): each kind once,
# with its number of records.
sed '/^প্রকাশ/d' tests/seeds/000_b6825d0d03b8bef4.txt >"$TMP/nopub.txt"
sed 's/^প্রকাশ : .*/প্রকাশ : ৩২ জুলাই ২০২৩, ০৪:৫৩ পিএম/' tests/seeds/002_2416af19f3e7365d.txt >"$TMP/baddate.txt"
khobor --stats tests/seeds/004_4ffdb30ca1dacf75.txt "$TMP/missing.txt" "$TMP/nopub.txt" \
	"$TMP/baddate.txt" "$TMP/baddate.txt" >"$TMP/bad.out" 2>"$TMP/bad.err"
is $? 1 "--stats with an unreadable page: exit status 1"
is "$(wc -l <"$TMP/bad.out" | tr -d ' ')" 5 "--stats with problems: a line for every page"
has "$TMP/bad.err" "to-jsonl: records in 5, out 5" "--stats with problems: records in 5, out 5"
has "$TMP/bad.err" "site kalbela 4 records" "--stats with problems: 4 Kalbela records"
has "$TMP/bad.err" "site default 1 records" "--stats with problems: the unreadable page under default"
has "$TMP/bad.err" " published 3 75.0%" "--stats with problems: Kalbela published 3 of 4"
has "$TMP/bad.err" " published_raw 1 25.0%" "--stats with problems: published_raw 1 of 4 (the unread dates keep their text in published)"
has "$TMP/bad.err" " error: strip-boilerplate: cannot read the page: No such file or directory 1" \
	"--stats: the error by kind, 1 record"
has "$TMP/bad.err" " warning: extract-meta: no published 1" "--stats: extract-meta's warning by kind, 1 record"
has "$TMP/bad.err" " warning: normalize-date: published: cannot read 2" \
	"--stats: normalize-date's warning by kind (the date left out), 2 records"
sed -n '/^warnings and errors by kind/,$p' "$TMP/bad.err" >"$TMP/kinds"
is "$(wc -l <"$TMP/kinds" | tr -d ' ')" 4 "--stats: three kinds under the header, nothing after"
# A table to read at a glance: every count ends under "records".
awk -v w="$(head -n 1 "$TMP/kinds" | awk '{ print length($0) }')" 'NR > 1 && length($0) != w' "$TMP/kinds" >"$TMP/kinds.off"
[ ! -s "$TMP/kinds.off" ]
ok $? "--stats: every count of the kinds table lines up under 'records'"
sed 's/^/# /' "$TMP/kinds.off"

# ---- --progress, stderr not a terminal ----

strip-boilerplate tests/seeds/*.txt >"$TMP/plain.rec" 2>/dev/null
strip-boilerplate --progress tests/seeds/*.txt >"$TMP/prog.rec" 2>"$TMP/prog.err"
is $? 0 "strip-boilerplate --progress, stderr a file: exit status 0"
is_file "$TMP/prog.err" /dev/null "strip-boilerplate --progress, stderr a file: nothing on it"
is_file "$TMP/prog.rec" "$TMP/plain.rec" "strip-boilerplate --progress: the records unchanged"
{ strip-boilerplate --progress tests/seeds/*.txt 2>&1 >/dev/null; } | cat >"$TMP/prog-pipe.err"
is_file "$TMP/prog-pipe.err" /dev/null "strip-boilerplate --progress, stderr a pipe: nothing on it"
khobor --progress tests/seeds/*.txt >"$TMP/kprog.out" 2>"$TMP/kprog.err"
is_file "$TMP/kprog.err" /dev/null "khobor --progress, stderr a file: nothing on it"
is_file "$TMP/kprog.out" "$EXP" "khobor --progress: the JSON unchanged"

# ---- --progress on a terminal ----

if ! command -v script >/dev/null 2>&1 || ! script -q -c true /dev/null </dev/null >/dev/null 2>&1; then
	_n=$((_n + 1))
	echo "ok $_n # SKIP script(1) from util-linux is not there, or cannot open a terminal: no terminal to test --progress on"
	done_testing
	exit
fi

# lines FILE: the terminal output, one line per update (\r and \r\n split it).
lines() {
	tr '\r' '\n' <"$1" | sed '/^$/d'
}

# 51 pages, then a page that comes slowly (a FIFO written a second later),
# then 50 more: the line is updated at the start, after the slow page, and
# at the end.
mkdir "$TMP/a" "$TMP/b"
i=0
while [ $i -lt 10 ]; do
	for s in tests/seeds/*.txt; do
		cp "$s" "$TMP/a/$i-${s##*/}"
		cp "$s" "$TMP/b/$i-${s##*/}"
	done
	i=$((i + 1))
done
cp tests/seeds/000_b6825d0d03b8bef4.txt "$TMP/a/first.txt"
mkfifo "$TMP/slow.txt"
cat >"$TMP/run.sh" <<EOF
(sleep 1; cat "$TOP/tests/seeds/001_0a39145c4c96ee7c.txt" >"$TMP/slow.txt") &
exec strip-boilerplate --progress "$TMP"/a/*.txt "$TMP/slow.txt" "$TMP"/b/*.txt >"$TMP/tty.rec"
EOF
script -q -c "sh $TMP/run.sh" /dev/null </dev/null >"$TMP/tty.out" 2>&1
is $? 0 "strip-boilerplate --progress on a terminal: exit status 0"
lines "$TMP/tty.out" >"$TMP/tty.lines"
sed 's/^/# /' "$TMP/tty.lines"
grep -v '^strip-boilerplate: [0-9]*/102 pages, [0-9]*\.[0-9] MB/s, [0-9]* s left *$' "$TMP/tty.lines" >"$TMP/tty.other"
is_file "$TMP/tty.other" /dev/null "on a terminal: every update is 'strip-boilerplate: DONE/102 pages, N.N MB/s, N s left'"
n=$(wc -l <"$TMP/tty.lines" | tr -d ' ')
[ "$n" -ge 3 ]
ok $? "on a terminal: the line is updated as pages go by ($n updates)"
head -n 1 "$TMP/tty.lines" | grep -q '^strip-boilerplate: 1/102 pages'
ok $? "on a terminal: the first update at the first page"
sed -n '2,$p' "$TMP/tty.lines" | sed '$d' | grep -q '^strip-boilerplate: \([2-9]\|[1-9][0-9]\|10[01]\)/102 pages'
ok $? "on a terminal: an update between the first and the last page"
tail -n 1 "$TMP/tty.lines" | grep -q '^strip-boilerplate: 102/102 pages, .*, 0 s left'
ok $? "on a terminal: the last update: all pages done, 0 s left"
sed 's/^strip-boilerplate: \([0-9]*\)\/.*/\1/' "$TMP/tty.lines" | sort -n -c 2>/dev/null
ok $? "on a terminal: pages done never goes down"
tr -d '\n' <"$TMP/tty.out" | grep -q "^$(printf '\r')strip-boilerplate: .*$(printf '\r')\$"
ok $? "on a terminal: one live line (each update starts with a carriage return), ended by a newline"
strip-boilerplate "$TMP"/a/*.txt "$TOP/tests/seeds/001_0a39145c4c96ee7c.txt" "$TMP"/b/*.txt |
	sed "s|source: $TOP/tests/seeds/001_0a39145c4c96ee7c.txt\$|source: $TMP/slow.txt|" >"$TMP/notty.rec"
is_file "$TMP/tty.rec" "$TMP/notty.rec" "on a terminal: the records unchanged"

# The driver passes it on.
script -q -c "khobor --progress tests/seeds/*.txt >$TMP/ktty.out" /dev/null </dev/null >"$TMP/ktty.term" 2>&1
is $? 0 "khobor --progress on a terminal: exit status 0"
lines "$TMP/ktty.term" | tail -n 1 >"$TMP/ktty.last"
grep -q '^strip-boilerplate: 5/5 pages, [0-9]*\.[0-9] MB/s, 0 s left *$' "$TMP/ktty.last"
ok $? "khobor --progress on a terminal: the live line, ending at 5/5 pages"
is_file "$TMP/ktty.out" "$EXP" "khobor --progress on a terminal: the JSON unchanged"

# A dump cut into pages (--split): the number of pages is not known ahead,
# but the size of the file is, and with it the time left.
cat tests/seeds/*.txt tests/seeds/*.txt >"$TMP/dump.txt"
script -q -c "strip-boilerplate --split --progress $TMP/dump.txt >/dev/null" /dev/null </dev/null >"$TMP/split.term" 2>&1
lines "$TMP/split.term" | tail -n 1 >"$TMP/split.last"
grep -q '^strip-boilerplate: 10 pages, [0-9]*\.[0-9] MB/s' "$TMP/split.last"
ok $? "--split --progress on a terminal: pages done and MB/s"
grep -q ' s left' "$TMP/split.last"
ok $? "--split --progress of a file: time left"
sed 's/^/# /' "$TMP/split.last"

done_testing
