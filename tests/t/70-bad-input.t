#!/bin/sh
# tests/t/70-bad-input.t: hostile pages and broken streams (issue 7).
#
# Every case states the whole behaviour: the records that come out, the
# messages on stderr, the exit status.  Nothing crashes, nothing is lost:
# a page strip-boilerplate cannot read still gives a record with an error
# header, and a record filter keeps every record, damaged ones included.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

# run CMD...: run in $TMP/w; stdout to out, stderr to err, status in $st.
run() {
	(cd "$TMP/w" && "$@") >"$TMP/out" 2>"$TMP/err"
	st=$?
}

# rec FILE LINE...: write one record: the header lines, an empty line, and
# the body from standard input, then the NUL.
rec() {
	_f=$1
	shift
	{
		printf '%s\n' "$@"
		printf '\n'
		cat
		printf '\0'
	} >>"$_f"
}

# valid_json FILE: is every line of FILE a JSON object?
valid_json() {
	python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8", errors="strict"):
    assert isinstance(json.loads(line), dict)
' "$1" 2>/dev/null
}

mkdir -p "$TMP/w"
W=$TMP/w
SB=strip-boilerplate
NOTEXT='warning: strip-boilerplate: no article text left on the page'
LINE='এটি একটি সাধারণ বাক্য, পাতার প্রথম অনুচ্ছেদে লেখা হয়েছে, যাতে খারাপ বাইটের অনুপাত কম থাকে।'

# ---- pages with nothing in them ------------------------------------------

: >"$W/empty.txt"
run "$BIN/$SB" empty.txt
printf 'source: empty.txt\nsite: default\n%s\n\n\0' "$NOTEXT" >"$TMP/exp"
is_file "$TMP/out" "$TMP/exp" "empty file: a record with an empty body and a warning"
is "$st" 0 "empty file: status 0 (a warning is not an error)"
is "$(cat "$TMP/err")" "" "empty file: nothing on stderr"

printf '  \n\t\n \r\n\302\240\n' >"$W/blank.txt"
run "$BIN/$SB" blank.txt
printf 'source: blank.txt\nsite: default\n%s\n\n\0' "$NOTEXT" >"$TMP/exp"
is_file "$TMP/out" "$TMP/exp" "only white space (spaces, tab, CRLF, NBSP): empty body and a warning"
is "$st" 0 "only white space: status 0"

printf 'মন্তব্য করুন\nশেয়ার করুন\n' >"$W/chrome.txt"
printf 'কালবেলা অনলাইন এর সর্বশেষ খবর পেতে Google News ফিডটি অনুসরণ করুন\nমন্তব্য করুন\n• সর্বশেষ\n• জনপ্রিয়\nX' >"$W/kchrome.txt"
run "$BIN/$SB" chrome.txt kchrome.txt
printf 'source: chrome.txt\nsite: default\n%s\n\n\0source: kchrome.txt\nsite: kalbela\n%s\n\n\0' \
	"$NOTEXT" "$NOTEXT" >"$TMP/exp"
is_file "$TMP/out" "$TMP/exp" "only boilerplate (generic, and Kalbela's): site found, empty body, a warning"
is "$st" 0 "only boilerplate: status 0"

# ---- bytes that are not UTF-8 --------------------------------------------
# One U+FFFD for each bad start byte together with the continuation bytes
# that follow it (text_utf8_fix), and one warning header that counts them.

badpage() {	# badpage FILE BYTES: a normal line, then a line with the bad bytes
	printf '%s\nশুরু %b শেষ\n' "$LINE" "$2" >"$W/$1"
}
badpage overlong.txt '\300\257 \340\200\257 \360\200\200\257'
badpage surrogate.txt '\355\240\200 \355\277\277'
badpage truncated.txt '\340\246 \360\237\230'
badpage stray.txt '\200\277 \277'
badpage beyond.txt '\364\220\200\200 \370\210\200\200\200'
for f in overlong:3 surrogate:2 truncated:2 stray:2 beyond:2; do
	name=${f%:*}
	k=${f#*:}
	run "$BIN/$SB" "$name.txt"
	printf 'source: %s.txt\nwarning: strip-boilerplate: %s invalid UTF-8 sequences replaced with U+FFFD\nsite: default\n\n%s\n' \
		"$name" "$k" "$LINE" >"$TMP/exp"
	sed -n 2p "$W/$name.txt" | python3 -c '
import sys
line = sys.stdin.buffer.read().decode("utf-8", "replace")
# Python replaces maximal subparts one by one; khobor folds a bad byte and
# the continuation bytes after it into one U+FFFD.
import re
print(re.sub("\ufffd+", "\ufffd", line), end="")' >>"$TMP/exp"
	printf '\0' >>"$TMP/exp"
	is_file "$TMP/out" "$TMP/exp" "invalid UTF-8 ($name): replaced with U+FFFD, counted in a warning"
	is "$st" 0 "invalid UTF-8 ($name): status 0"
done
"$BIN/$SB" "$W/overlong.txt" "$W/surrogate.txt" "$W/truncated.txt" "$W/stray.txt" "$W/beyond.txt" \
	2>/dev/null | "$BIN/to-jsonl" >"$TMP/json" 2>/dev/null
valid_json "$TMP/json"
ok $? "invalid UTF-8: to-jsonl's lines are valid JSON in strict UTF-8"

printf 'caf\351 na\357ve r\351sum\351 \340 la carte, d\351j\340 vu\n' >"$W/latin1.txt"
run "$BIN/$SB" latin1.txt
printf 'source: latin1.txt\nwarning: strip-boilerplate: 7 invalid UTF-8 sequences replaced with U+FFFD (is this Latin-1? convert it: iconv -f LATIN1 -t UTF-8)\nsite: default\n\ncaf\357\277\275 na\357\277\275ve r\357\277\275sum\357\277\275 \357\277\275 la carte, d\357\277\275j\357\277\275 vu\n\0' >"$TMP/exp"
is_file "$TMP/out" "$TMP/exp" "Latin-1: U+FFFD and a warning that names the likely encoding and the fix"
is "$st" 0 "Latin-1: status 0"

# ---- UTF-16 --------------------------------------------------------------

U16ERR='text is UTF-16, not UTF-8: convert it first (iconv -f UTF-16 -t UTF-8)'
printf '%s\n' "$LINE" | iconv -f UTF-8 -t UTF-16 >"$W/utf16.txt"
printf '%s\n' "$LINE" | iconv -f UTF-8 -t UTF-16BE >"$W/utf16be-nobom.txt"
printf 'Hello, plain ASCII in UTF-16.\n' | iconv -f UTF-8 -t UTF-16LE >"$W/utf16le-ascii.txt"
# The page is passed on flagged, never dropped: its bytes made valid UTF-8 (a
# bad byte and the continuation bytes after it become one U+FFFD, NUL bytes
# go, a tab is a space) are the body.
u16body() {
	python3 -c '
import codecs, re, sys, unicodedata
def fold(e):
    i = e.start + 1
    while i < len(e.object) and 0x80 <= e.object[i] <= 0xBF:
        i += 1
    return ("\ufffd", i)
codecs.register_error("fold", fold)
t = sys.stdin.buffer.read().decode("utf-8", "fold").replace("\0", "").replace("\t", " ")
t = re.sub(" +$", "", t, flags=re.M)
t = re.sub("\n\n+", "\n\n", t).strip("\n")
print(unicodedata.normalize("NFC", t) + "\n" if t else "", end="")' <"$1"
}
for f in utf16 utf16le-ascii; do
	run "$BIN/$SB" "$f.txt"
	{ printf 'source: %s.txt\nsite: default\nerror: strip-boilerplate: %s\n\n' "$f" "$U16ERR"
	  u16body "$W/$f.txt"; printf '\0'; } >"$TMP/exp"
	is_file "$TMP/out" "$TMP/exp" "UTF-16 ($f): an error record, the bytes made valid UTF-8 as its body"
	is "$(cat "$TMP/err")" "strip-boilerplate: $f.txt: $U16ERR" "UTF-16 ($f): the message names the page"
	is "$st" 1 "UTF-16 ($f): status 1"
done
printf '%s\n' "$LINE" | iconv -f UTF-8 -t UTF-16LE >"$W/utf16le-bengali.txt"
run "$BIN/$SB" utf16le-bengali.txt utf16be-nobom.txt
n=$(tr -cd '\0' <"$TMP/out" | wc -c)
is "$n" 2 "UTF-16 without a BOM: still one record per page"
ok "$(grep -c "^error: strip-boilerplate: $U16ERR" "$TMP/out" | grep -qx 2; echo $?)" \
	"UTF-16 without a BOM, Bengali text: recognized as UTF-16"

# ---- control characters, line ends, BOM ----------------------------------

printf 'a\0b\0c\nline two\n' >"$W/nul.txt"
run "$BIN/$SB" nul.txt
printf 'source: nul.txt\nwarning: strip-boilerplate: 2 control characters removed (NUL bytes among them)\nsite: default\n\nabc\nline two\n\0' >"$TMP/exp"
is_file "$TMP/out" "$TMP/exp" "NUL bytes in a page: removed, counted in a warning, the record not cut"
is "$st" 0 "NUL bytes: status 0"

printf 'one\r\ntwo\r\n\r\n\r\nthree\rfour\r' >"$W/crlf.txt"
run "$BIN/$SB" crlf.txt
printf 'source: crlf.txt\nsite: default\n\none\ntwo\n\nthree\nfour\n\0' >"$TMP/exp"
is_file "$TMP/out" "$TMP/exp" "CRLF and lone CR: both become LF, blank runs folded"
is "$(cat "$TMP/err")" "" "CRLF and lone CR: no message"

printf '\357\273\277first line\nsecond\n' >"$W/bom.txt"
run "$BIN/$SB" bom.txt
printf 'source: bom.txt\nsite: default\n\nfirst line\nsecond\n\0' >"$TMP/exp"
is_file "$TMP/out" "$TMP/exp" "a UTF-8 BOM is removed"
printf '\357\273\277\357\273\277first line\n' >"$W/bom2.txt"
run "$BIN/$SB" bom2.txt
printf 'source: bom2.txt\nsite: default\n\nfirst line\n\0' >"$TMP/exp"
is_file "$TMP/out" "$TMP/exp" "two BOMs (two files glued with cat): both removed (fuzz/text found it)"

# ---- files that cannot be read, among good ones ---------------------------

printf 'good one\n' >"$W/good1.txt"
printf 'good two\n' >"$W/good2.txt"
mkdir "$W/adir"
run "$BIN/$SB" good1.txt adir missing.txt good2.txt
{
	printf 'source: good1.txt\nsite: default\n\ngood one\n\0'
	printf 'source: adir\nsite: default\nerror: strip-boilerplate: cannot read the page: is a directory\n\n\0'
	printf 'source: missing.txt\nsite: default\nerror: strip-boilerplate: cannot read the page: No such file or directory\n\n\0'
	printf 'source: good2.txt\nsite: default\n\ngood two\n\0'
} >"$TMP/exp"
is_file "$TMP/out" "$TMP/exp" "a directory and a missing file among pages: an error record each, the rest processed"
is "$st" 1 "a directory and a missing file: status 1"
grep -q '^strip-boilerplate: adir: .*is a directory' "$TMP/err" &&
	grep -q '^strip-boilerplate: missing.txt: .*No such file or directory' "$TMP/err"
ok $? "a directory and a missing file: each named on stderr"
is "$(grep -c adir "$TMP/err")" 1 "a directory: one message, not two"

run "$BIN/$SB" missing.txt adir good1.txt
grep -q '^error: strip-boilerplate: cannot read the page: is a directory$' "$TMP/out"
ok $? "a directory after a missing file: still 'is a directory' (no stale errno)"

# An unreadable file.  Root reads any mode, so chmod 000 proves nothing then;
# /proc/self/mem opens but every read at offset 0 fails (EIO), for root too.
if [ "$(id -u)" -ne 0 ]; then
	printf 'secret\n' >"$W/locked.txt"
	chmod 000 "$W/locked.txt"
	run "$BIN/$SB" good1.txt locked.txt good2.txt
	grep -q '^error: strip-boilerplate: cannot read the page: Permission denied$' "$TMP/out"
	ok $? "a mode 000 file among pages: an error record for it"
	is "$st" 1 "a mode 000 file: status 1"
else
	echo "ok $((_n + 1)) # SKIP running as root: chmod 000 does not stop root (/proc/self/mem below instead)"
	echo "ok $((_n + 2)) # SKIP running as root: chmod 000 does not stop root, so no status to check"
	_n=$((_n + 2))
fi
if [ -r /proc/self/mem ]; then
	run "$BIN/$SB" good1.txt /proc/self/mem good2.txt
	{
		printf 'source: good1.txt\nsite: default\n\ngood one\n\0'
		printf 'source: /proc/self/mem\nsite: default\nerror: strip-boilerplate: cannot read the page: Input/output error\n\n\0'
		printf 'source: good2.txt\nsite: default\n\ngood two\n\0'
	} >"$TMP/exp"
	is_file "$TMP/out" "$TMP/exp" "a file whose read fails (EIO) among pages: an error record, the rest processed"
	is "$st" 1 "a file whose read fails: status 1"
else
	echo "ok $((_n + 1)) # SKIP no /proc/self/mem"
	echo "ok $((_n + 2)) # SKIP no /proc/self/mem"
	_n=$((_n + 2))
fi

# The record filters: an input that cannot be read is named on stderr and
# makes the status 1; no record is invented for it (a stream file holds an
# unknown number of records), and the other inputs go through.
printf 'source: s1\n\none\n\0' >"$W/s1.rec"
printf 'source: s2\n\ntwo\n\0' >"$W/s2.rec"
for f in extract-meta normalize-date to-jsonl; do
	[ -x "$BIN/$f" ] || continue
	run "$BIN/$f" s1.rec adir missing.rec s2.rec
	is "$st" 1 "$f: a directory and a missing file among inputs: status 1"
	printf '%s: adir: is a directory; give the page files inside it (for example adir/*.txt)\n%s: missing.rec: No such file or directory\n' \
		"$f" "$f" >"$TMP/exp"
	is_file "$TMP/err" "$TMP/exp" "$f: one message for each, naming it"
	if [ "$f" = to-jsonl ]; then
		n=$(wc -l <"$TMP/out")
	else
		n=$(tr -cd '\0' <"$TMP/out" | wc -c)
	fi
	is "$n" 2 "$f: the two good inputs processed"
	if [ -r /proc/self/mem ]; then
		run "$BIN/$f" s1.rec /proc/self/mem s2.rec
		is "$(cat "$TMP/err")" "$f: /proc/self/mem: read error: Input/output error" \
			"$f: a read error is named on stderr"
		if [ "$st" -eq 1 ]; then r=0; else r=1; fi
		ok "$r" "$f: a read error makes the status 1"
	fi
done

# ---- record streams that are broken ---------------------------------------

RAWMSG="expected a record stream (header lines 'name: value', an empty line, the body, a NUL byte) but got raw text; put strip-boilerplate (or from-jsonl) first in the pipeline"
printf 'Just a page of text\nwith no headers at all.\n' >"$W/raw.txt"
for f in "strip-boilerplate --records" extract-meta normalize-date to-jsonl; do
	exe=${f%% *}
	[ -x "$BIN/$exe" ] || continue
	# shellcheck disable=SC2086 # $f is a command and its option
	(cd "$W" && "$BIN"/$f <raw.txt) >"$TMP/out" 2>"$TMP/err"
	st=$?
	is "$(cat "$TMP/err")" "$exe: -:1: $RAWMSG" "raw text into $f: says what was expected and how to fix it"
	is "$st" 2 "raw text into $f: status 2"
	is "$(wc -c <"$TMP/out")" 0 "raw text into $f: no output"
done

: >"$W/cut.rec"
printf 'body a\n' | rec "$W/cut.rec" 'source: a'
printf 'source: b\n\nbody b, cut off' >>"$W/cut.rec"
CUTMSG='stream ends inside this record (no NUL byte after it): the producer was cut off; check the earlier stages of the pipeline'
run "$BIN/to-jsonl" cut.rec
printf '{"source":"a","text":"body a"}\n{"source":"b","error":"to-jsonl: cut.rec:4: %s","text":"body b, cut off"}\n' \
	"$CUTMSG" >"$TMP/exp"
is_file "$TMP/out" "$TMP/exp" "a stream cut off mid-record: the partial record kept, with an error"
is "$(cat "$TMP/err")" "to-jsonl: b: cut.rec:4: $CUTMSG" "a stream cut off: the message names the record and line"
is "$st" 1 "a stream cut off: status 1"
for f in extract-meta normalize-date; do
	[ -x "$BIN/$f" ] || continue
	run "$BIN/$f" cut.rec
	is "$(tr -cd '\0' <"$TMP/out" | wc -c) $(grep -c "^error: $f: cut.rec:4: stream ends inside" "$TMP/out")" \
		"2 1" "$f: a stream cut off: both records out, the partial one with the error"
	is "$st" 1 "$f: a stream cut off: status 1"
done

: >"$W/hdr.rec"
printf 'one\n' | rec "$W/hdr.rec" 'source: a'
printf 'two\n' | rec "$W/hdr.rec" 'source: b' 'this line has no colon' 'title: fine'
printf 'three\n' | rec "$W/hdr.rec" 'source: c' "$(printf 'title: tab\there, bell\a, del\177')"
printf 'four\n' | rec "$W/hdr.rec" 'source: d' 'Bad Name: value'
run "$BIN/to-jsonl" hdr.rec
{
	printf '{"source":"a","text":"one"}\n'
	printf '{"source":"b","error":"to-jsonl: hdr.rec:5: header line has no colon: \\"this line has no colon\\"","title":"fine","text":"two"}\n'
	printf '{"source":"c","error":"to-jsonl: hdr.rec:10: header value has a control character: \\"title: tab?here, bell?, del?\\"","text":"three"}\n'
	printf '{"source":"d","error":"to-jsonl: hdr.rec:14: header name is not [a-z][a-z0-9_]*: \\"Bad Name: value\\"","text":"four"}\n'
} >"$TMP/exp"
is_file "$TMP/out" "$TMP/exp" "bad header lines: the record kept with an error quoting the line, control bytes as ?"
{
	printf 'to-jsonl: b: hdr.rec:5: header line has no colon: "this line has no colon"\n'
	printf 'to-jsonl: c: hdr.rec:10: header value has a control character: "title: tab?here, bell?, del?"\n'
	printf 'to-jsonl: d: hdr.rec:14: header name is not [a-z][a-z0-9_]*: "Bad Name: value"\n'
} >"$TMP/exp"
is_file "$TMP/err" "$TMP/exp" "bad header lines: one message each, with source, file and line"
is "$st" 1 "bad header lines: status 1"

# A CRLF record stream (a file that went through a Windows editor) is not
# a record stream: the first header line ends in a control character.
printf 'source: a\r\n\r\nbody\r\n\0' >"$W/crlf.rec"
run "$BIN/to-jsonl" crlf.rec
is "$st $(wc -c <"$TMP/out")" "2 0" "a CRLF record stream: refused as raw text, no output"

# ---- JSON in and out -------------------------------------------------------

if [ -x "$BIN/from-jsonl" ]; then
	printf '{"id":"a","text":"before\\u0000after"}\n' >"$W/nul.jsonl"
	run "$BIN/from-jsonl" nul.jsonl
	grep -q 'after' "$TMP/out" && grep -q '^warning: from-jsonl: .*NUL' "$TMP/out"
	ok $? "from-jsonl: a \\u0000 in the text: the text after it kept, with a warning"
fi
printf 'source: a\n\nbody \377\n\0' >"$W/ff.rec"
run "$BIN/to-jsonl" -p ff.rec
grep -q '"to_jsonl_warning":"to-jsonl: 1 invalid UTF-8 sequence replaced with U+FFFD"' "$TMP/out"
ok $? "to-jsonl -p: one invalid byte is counted once"

# ---- the whole chain keeps every page --------------------------------------

CHAIN=""
for f in extract-meta normalize-date; do
	[ -x "$BIN/$f" ] && CHAIN="$CHAIN $f"
done
(cd "$W" && "$BIN/$SB" empty.txt blank.txt chrome.txt overlong.txt latin1.txt utf16.txt nul.txt \
	crlf.txt bom.txt adir missing.txt good1.txt) >"$TMP/stage" 2>/dev/null
for f in $CHAIN; do
	"$BIN/$f" <"$TMP/stage" >"$TMP/stage.next" 2>/dev/null
	mv "$TMP/stage.next" "$TMP/stage"
done
"$BIN/to-jsonl" <"$TMP/stage" >"$TMP/json" 2>/dev/null
is "$(wc -l <"$TMP/json")" 12 "all bad pages through strip-boilerplate$CHAIN to-jsonl: 12 pages, 12 lines"
valid_json "$TMP/json"
ok $? "all bad pages through the chain: every line is valid JSON"

done_testing
