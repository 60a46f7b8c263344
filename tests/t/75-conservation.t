#!/bin/sh
# tests/t/75-conservation.t: nothing is lost (issue 7).
#
# 10,000 generated pages (the seed pages with a line of their own, each then
# mutated as a fuzzer would: bytes flipped, lines duplicated, deleted, joined
# or swapped, the page cut short anywhere, even inside a character, NUL bytes
# and invalid UTF-8 put in, CRLF or CR line ends, a piece of another seed
# spliced in; pages of no known site; and bad ones: empty, Latin-1, UTF-16,
# NUL bytes, pages with nothing left) and a missing file and a directory
# among them go through the whole chain; there must be one JSON line for
# every page, and every source exactly once, the pages that carry errors
# included.  The same for the khobor driver, and for JSON Lines in through
# from-jsonl.  The mutations are drawn from perl's rand with a fixed seed:
# the same pages on every run (page i is the same whatever N is).
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

# run_chain FILE...: the chain over the pages, JSON Lines on stdout; the
# number of records each record filter wrote, "FILTER COUNT" a line, in
# $TMP/stages.
run_chain() {
	"$BIN/strip-boilerplate" "$@" 2>/dev/null >"$TMP/stage"
	echo "strip-boilerplate $(tr -cd '\000' <"$TMP/stage" | wc -c | tr -d ' ')" >"$TMP/stages"
	for f in $CHAIN; do
		[ "$f" = strip-boilerplate ] && continue
		"$BIN/$f" <"$TMP/stage" >"$TMP/stage.next" 2>/dev/null
		mv "$TMP/stage.next" "$TMP/stage"
		[ "$f" = to-jsonl ] || echo "$f $(tr -cd '\000' <"$TMP/stage" | wc -c | tr -d ' ')" >>"$TMP/stages"
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
# Page i is one of the bad kinds, by i mod 50, or else seed i mod 5 with a
# line of its own, then mutated 1 to 4 times.  The kinds of mutation made
# are counted in $TMP/kinds, one "KIND COUNT" line each.
cat >"$TMP/mutate.pl" <<'EOF'
use strict;
use warnings;
my ($n, $seeds, $kinds) = @ARGV;
my @text;
for my $k (0 .. 4) {
	my ($f) = glob("$seeds/00${k}_*.txt");
	open(my $in, '<:raw', $f) or die "$f: $!";
	local $/;
	$text[$k] = <$in>;
}
# Invalid UTF-8 (a lone byte, a bad continuation, a cut sequence, a
# surrogate, a 5-byte form), a NUL, and byte order marks in the middle.
my @junk = ("\0", "\xff", "\xc3\x28", "\xe0\xa6", "\xed\xa0\x80", "\xf8\x88\x80\x80\x80", "\xef\xbb\xbf", "\xfe\xff");
my %count;
# Each mutation takes the page and returns it changed.
my %mutate = (
	flip => sub { my $p = shift; return $p if $p eq ''; my $at = int(rand(length $p));
		substr($p, $at, 1) = chr(ord(substr($p, $at, 1)) ^ (1 << int(rand(8)))); $p },
	duplicate => sub { my @l = split /(?<=\n)/, shift; return join('', @l) unless @l;
		my $at = int(rand(@l)); splice(@l, $at, 0, ($l[$at]) x (1 + int(rand(3)))); join('', @l) },
	delete => sub { my @l = split /(?<=\n)/, shift; splice(@l, int(rand(@l)), 1) if @l; join('', @l) },
	join => sub { my $p = shift; my @nl; push @nl, $-[0] while $p =~ /\n/g;
		substr($p, $nl[int(rand(@nl))], 1) = '' if @nl; $p },
	swap => sub { my @l = split /(?<=\n)/, shift; return join('', @l) if @l < 2;
		my ($a, $b) = (int(rand(@l)), int(rand(@l))); @l[$a, $b] = @l[$b, $a]; join('', @l) },
	truncate => sub { my $p = shift; substr($p, 0, int(rand(length($p) + 1))) },
	junk => sub { my $p = shift; my $at = int(rand(length($p) + 1));
		substr($p, $at, 0) = $junk[int(rand(@junk))] x (1 + int(rand(3))); $p },
	crlf => sub { my $p = shift; $p =~ s/\n/\r\n/g; $p },
	cr => sub { my $p = shift; $p =~ s/\n/\r/g; $p },
	splice => sub { my $p = shift; my $o = $text[int(rand(5))];
		my $piece = substr($o, int(rand(length $o)), int(rand(2000)));
		substr($p, int(rand(length($p) + 1)), 0) = $piece; $p },
);
my @names = sort keys %mutate;
srand(20250705);
for my $i (1 .. $n) {
	my $kind = $i % 50;
	my $page;
	if ($kind == 1) {
		$page = '';
	} elsif ($kind == 2) {
		$page = "caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve\n";
	} elsif ($kind == 3) {
		$page = "\xff\xfeH\0i\0 \0t\0h\0e\0r\0e\0\n\0";
	} elsif ($kind == 4) {
		$page = "NUL\0inside\0a page $i\n";
	} elsif ($kind == 5) {
		# "মন্তব্য করুন" alone: the comment prompt, and nothing left after it.
		$page = "\xe0\xa6\xae\xe0\xa6\xa8\xe0\xa7\x8d\xe0\xa6\xa4\xe0\xa6\xac\xe0\xa7\x8d\xe0\xa6\xaf \xe0\xa6\x95\xe0\xa6\xb0\xe0\xa7\x81\xe0\xa6\xa8\n";
	} elsif ($kind < 10) {
		$page = "A page of no known site, number $i.\nIt has two lines.\n";
	} else {
		# The seed, with a line of its own after its first line.
		$page = $text[$i % 5];
		$page =~ s/\n/\nPage $i of the conservation test.\n/;
		for (1 .. 1 + int(rand(4))) {
			my $m = $names[int(rand(@names))];
			$page = $mutate{$m}->($page);
			$count{$m}++;
		}
	}
	my $name = sprintf("p%05d.txt", $i);
	open(my $out, '>:raw', $name) or die "$name: $!";
	print $out $page;
	close($out) or die "$name: $!";
}
open(my $k, '>', $kinds) or die "$kinds: $!";
print $k "$_ ", $count{$_} // 0, "\n" for @names;
EOF
perl "$TMP/mutate.pl" "$N" "$SEEDS" "$TMP/kinds"
ok $? "the $N pages are written (perl, seed 20250705)"
diag "mutations made: $(tr '\n' ' ' <"$TMP/kinds")"
# Every kind of mutation was made, and the mutated pages are varied: at
# least 95% of them differ from each other (a page cut short inside its
# first line equals another cut there, so not all of them).
awk '$2 == 0 { bad = 1 } END { exit bad + (NR != 10) }' "$TMP/kinds"
ok $? "each of the 10 kinds of mutation is made at least once"
awk -v n="$N" 'BEGIN { for (i = 1; i <= n; i++) if (i % 50 >= 10 || i % 50 == 0) printf "p%05d.txt\n", i }' >"$TMP/mutated"
mutated=$(wc -l <"$TMP/mutated" | tr -d ' ')
distinct=$(xargs md5sum <"$TMP/mutated" | cut -d' ' -f1 | sort -u | wc -l | tr -d ' ')
[ $((distinct * 100)) -ge $((mutated * 95)) ]
ok $? "the $mutated mutated pages are varied: $distinct different ones (at least 95%)"
mkdir adir
ls p*.txt >"$TMP/list"
{ cat "$TMP/list"; echo missing.txt; echo adir; } | LC_ALL=C sort >"$TMP/expected"
M=$((N + 2))

# shellcheck disable=SC2046 # the page names have no blanks
run_chain $(cat "$TMP/list") missing.txt adir >"$TMP/out.json"
is "$(wc -l <"$TMP/out.json")" "$M" "$N pages, a missing file and a directory through $CHAIN: $M JSON lines"
while read -r f count; do
	is "$count" "$M" "$f: $M records out"
done <"$TMP/stages"
sources "$TMP/out.json" >"$TMP/got"
is_file "$TMP/got" "$TMP/expected" "every source exactly once"
# The pages that cannot be read carry an error: the UTF-16 ones (i mod 50 =
# 3), the missing file and the directory.  A mutation may make others (a page
# cut to nothing but byte order marks reads as UTF-16): shown, not counted.
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    if "error" in o:
        print(o["source"])
' "$TMP/out.json" | LC_ALL=C sort >"$TMP/errors"
{ awk -v n="$N" 'BEGIN { for (i = 1; i <= n; i++) if (i % 50 == 3) printf "p%05d.txt\n", i }'; echo missing.txt; echo adir; } |
	LC_ALL=C sort >"$TMP/errors.want"
LC_ALL=C comm -23 "$TMP/errors.want" "$TMP/errors" >"$TMP/errors.missing"
is_file "$TMP/errors.missing" /dev/null "the UTF-16 pages, the missing file and the directory carry errors, and are there"
LC_ALL=C comm -13 "$TMP/errors.want" "$TMP/errors" | while IFS= read -r f; do
	diag "also an error: $f: $(grep -F "\"source\":\"$f\"" "$TMP/out.json" | python3 -c 'import json, sys; print(json.loads(sys.stdin.readline())["error"])')"
done

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
