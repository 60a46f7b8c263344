#!/bin/sh
# tests/t/73-output-faults.t: output that cannot be written (issue 7).
#
# A full disk (/dev/full) is an error: one message, "PROG: write error on
# standard output: No space left on device", and status 3, whether the
# failure shows at the first flush or only when stdout is closed.  A reader
# that goes away (head -z -n 1) is not an error: the filter ends quietly,
# killed by SIGPIPE (status 141 in the shell) or, when SIGPIPE is ignored,
# on EPIPE with status 0; never a message.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

FULL="write error on standard output: No space left on device"

# Inputs: a small one, and one of about 3 MB so that writes fail before the end.
printf 'একটি ছোট পাতা।\n' >"$TMP/page.txt"
awk 'BEGIN { for (i = 1; i <= 3000; i++) { printf "অনুচ্ছেদ %d: ", i; for (j = 0; j < 20; j++) printf "বাংলা লেখা "; printf "।\n\n" } }' >"$TMP/bigpage.txt"
printf 'source: s1\nsite: kalbela\n\nএকটি ছোট পাতা।\n\0' >"$TMP/small.rec"
awk 'BEGIN { for (i = 1; i <= 3000; i++) { printf "source: s%d\nsite: default\npublished: ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম\n\n", i; for (j = 0; j < 20; j++) printf "বাংলা লেখা, পাতা %d। ", i; printf "\n%c", 0 } }' >"$TMP/big.rec"
printf '{"id":"j1","text":"একটি ছোট পাতা।"}\n' >"$TMP/small.jsonl"
awk 'BEGIN { for (i = 1; i <= 3000; i++) { printf "{\"id\":\"j%d\",\"text\":\"", i; for (j = 0; j < 20; j++) printf "বাংলা লেখা, পাতা %d। ", i; printf "\"}\n" } }' >"$TMP/big.jsonl"

# cmd FILTER SIZE: the command line that feeds FILTER its SIZE (small, big) input.
cmd() {
	case $1 in
	strip-boilerplate | khobor) [ "$2" = small ] && echo "$TMP/page.txt" || echo "$TMP/bigpage.txt $TMP/bigpage.txt $TMP/bigpage.txt" ;;
	from-jsonl) echo "$TMP/$2.jsonl" ;;
	*) echo "$TMP/$2.rec" ;;
	esac
}

# The khobor driver too: its last stage, to-jsonl, is the one that writes.
for f in strip-boilerplate from-jsonl extract-meta normalize-date to-jsonl khobor; do
	who=$f
	[ "$f" != khobor ] || who=to-jsonl
	if [ ! -x "$BIN/$f" ]; then
		echo "ok $((_n + 1)) # SKIP $f is not built"
		_n=$((_n + 1))
		continue
	fi
	for size in small big; do
		# shellcheck disable=SC2046 # cmd prints a list of files
		"$BIN/$f" $(cmd "$f" "$size") >/dev/full 2>"$TMP/err"
		st=$?
		if [ "$f:$size" = strip-boilerplate:big ]; then
			[ "$(cat "$TMP/err")" = "$who: $FULL" ]
			ok $? "$f, $size input, to /dev/full: one message"
		else
			is "$(cat "$TMP/err")" "$who: $FULL" "$f, $size input, to /dev/full: one message"
		fi
		is "$st" 3 "$f, $size input, to /dev/full: status 3"
	done

	case $f in to-jsonl | khobor) head="head -n 1" ;; *) head="head -z -n 1" ;; esac
	# shellcheck disable=SC2046
	{
		"$BIN/$f" $(cmd "$f" big) 2>"$TMP/err"
		echo $? >"$TMP/st"
	} | $head >"$TMP/out"
	st=$(cat "$TMP/st")
	is "$(cat "$TMP/err")" "" "$f into a closed pipe: no message"
	case $st in 0 | 141) r=0 ;; *) r=1 ;; esac
	ok "$r" "$f into a closed pipe: killed by SIGPIPE or status 0 (got $st)"
	# shellcheck disable=SC2046
	{
		trap '' PIPE
		"$BIN/$f" $(cmd "$f" big) 2>"$TMP/err"
		echo $? >"$TMP/st"
	} | $head >"$TMP/out"
	is "$(cat "$TMP/err")" "" "$f into a closed pipe, SIGPIPE ignored: no message"
	is "$(cat "$TMP/st")" 0 "$f into a closed pipe, SIGPIPE ignored: status 0"
	case $f in
	to-jsonl | khobor) n=$(wc -l <"$TMP/out") ;;
	*) n=$(tr -cd '\0' <"$TMP/out" | wc -c) ;;
	esac
	is "$n" 1 "$f into a closed pipe: the reader got its one record"
done

done_testing
