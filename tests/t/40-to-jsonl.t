#!/bin/sh
# Golden tests of to-jsonl.  Each case is a record stream written here with
# printf, the options, the exit status, and tests/golden/to-jsonl/CASE.jsonl:
# the JSON lines expected, written by hand and reviewed.  CASE.err, when it
# exists, is the exact stderr; otherwise stderr must be empty.  Every output
# is also checked line by line with jq and with python3's json module (strict
# UTF-8, one object per line, no duplicate keys).  The cases run under
# C.UTF-8 and under C: the output must not depend on the locale.
# shellcheck source=/dev/null
. "$(dirname "$0")/../lib.sh"

GOLD=$TOP/tests/golden/to-jsonl

# The python3 check of JSON lines: for each FILE NAME line of stdin, print
# "0 NAME" if every line of FILE is a JSON object (strict UTF-8, a newline at
# the end, no key twice), else "1 NAME: why".  One python3 for all the files.
PYCHECK='
import json, sys
def pairs(kv):
    keys = [k for k, _ in kv]
    if len(keys) != len(set(keys)):
        raise ValueError("duplicate key in %r" % keys)
    return dict(kv)
def check(path):
    text = open(path, "rb").read().decode("utf-8")
    if text and not text.endswith("\n"):
        return "no newline at the end"
    for n, line in enumerate(text.split("\n")[:-1], 1):
        try:
            if not isinstance(json.loads(line, object_pairs_hook=pairs), dict):
                return "line %d: not an object" % n
        except ValueError as e:
            return "line %d: %s" % (n, e)
    return None
for arg in sys.stdin.read().splitlines():
    path, name = arg.split(" ", 1)
    try:
        why = check(path)
    except ValueError as e:
        why = str(e)
    print("0 " + name if why is None else "1 %s: %s" % (name, why))
'
: >"$TMP/pycheck.list"

# json_ok FILE NAME: jq accepts FILE now; python3 checks it at the end.
json_ok() {
	jq -c . <"$1" >/dev/null 2>"$TMP/jq.err"
	ok $? "$2: jq parses the output"
	[ -s "$TMP/jq.err" ] && sed 's/^/# /' "$TMP/jq.err"
	echo "$1 $2" >>"$TMP/pycheck.list"
}

# Report the python3 checks queued by json_ok.
python_checks() {
	python3 -c "$PYCHECK" <"$TMP/pycheck.list" >"$TMP/pycheck.out" 2>&1
	is $? 0 "python3 ran the JSON checks"
	while read -r st name; do
		ok "$st" "${name%%: *}: python3 json parses each line as one object (strict UTF-8, no duplicate key)"
		[ "$st" = 0 ] || echo "# $name"
	done <"$TMP/pycheck.out"
}

# golden CASE STATUS [OPTION...]: run to-jsonl on $TMP/CASE.in.
golden() {
	name=$1 want=$2
	shift 2
	out=$TMP/$name.$LC_ALL.out
	to-jsonl "$@" <"$TMP/$name.in" >"$out" 2>"$TMP/$name.err"
	is $? "$want" "$name ($LC_ALL): exit status $want"
	is_file "$out" "$GOLD/$name.jsonl" "$name ($LC_ALL): output as in $name.jsonl"
	if [ -f "$GOLD/$name.err" ]; then
		is_file "$TMP/$name.err" "$GOLD/$name.err" "$name ($LC_ALL): stderr as in $name.err"
	else
		is_file "$TMP/$name.err" /dev/null "$name ($LC_ALL): nothing on stderr"
	fi
	json_ok "$out" "$name ($LC_ALL)"
}

# The input streams.  A record: header lines, an empty line, the body, NUL.
printf 'source: a.txt\nsite: kalbela\ntitle: রুশ প্রতিরক্ষামন্ত্রী\nlang: bn\n\nপ্রথম লাইন\nদ্বিতীয় লাইন\n\0title: Second\nsource: b.txt\n\nx\n\0' >"$TMP/order.in"
printf 'author: রহিম\nsource: r.txt\nauthor: করিম\ntag: one\nauthor: Third\n\nbody\n\0' >"$TMP/repeated.in"
printf '\n\0a: 1\n\n\0b: 2\n\n\n\0' >"$TMP/empty.in"
printf 'source: p\n\nপ্রথম অনুচ্ছেদ, প্রথম লাইন\nপ্রথম অনুচ্ছেদ, দ্বিতীয় লাইন\n\nদ্বিতীয়\n\n\n\nতৃতীয়\n\0source: q\n\n\0' >"$TMP/paragraphs.in"
printf 'source: r\n\n\nafter a blank line\n\nsecond\n\0' >"$TMP/paragraphs-leading-blank.in"
printf 'source: ক.txt\ntitle: café ক 😀\n\nবাংলা 😀 é\n\0' >"$TMP/ascii.in"
cp "$TMP/ascii.in" "$TMP/utf8.in"
printf 'q: say "hi" \\ bye\n\na\001b\037c\td\177e\rf\bg\fh"i\\j\342\200\250k\342\200\251l\013m\033n\n\0' >"$TMP/control.in"
printf 'source: f.txt\ntitle: T\nauthor: A\nauthor: B\nsite: s\n\nbody\n\0' >"$TMP/f.in"
for c in fields fields-paragraphs exclude rename rename-ascii array; do
	cp "$TMP/f.in" "$TMP/$c.in"
done
printf 'pc: 12\nwc: 345\nneg: -3\nzero: 0\nlead: 007\nfrac: 1.5\nbig: 1234567890123456\nmax: 123456789012345\nwords: twelve\nlist: 1\nlist: 2\nempty: \nbn: ১২\nother: 12\n\n\0' >"$TMP/number.in"
printf 'source: bad.txt\ntitle: a\377b\n\nx\303(y \340\246 z \355\240\200 w \300\257 v\200\n\0source: good.txt\n\nok\n\0\n\nno source \377\n\0' >"$TMP/invalid-utf8.in"
cp "$TMP/invalid-utf8.in" "$TMP/invalid-utf8-ascii.in"
printf 'source: e.txt\nerror: strip-boilerplate: cannot read the page: "No such file or directory"\n\n\0source: fine.txt\n\nok\n\0' >"$TMP/error-header.in"
printf 'source: c.txt\n\nfirst\n\0source: c2.txt\n\nbody cut off' >"$TMP/cut.in"
printf 'কালবেলা ডেস্ক\nপ্রকাশ : ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম\n' >"$TMP/raw.in"

for LC_ALL in C.UTF-8 C; do
	export LC_ALL
	golden order 0
	golden repeated 0
	golden empty 0
	golden paragraphs 0 --paragraphs
	golden ascii 0 --ascii
	golden utf8 0
	golden control 0
	golden fields 0 --fields=text,title,nosuch,source,author
	golden fields-paragraphs 0 -f paragraphs,source
	golden exclude 0 -p --exclude=text,site,author
	golden rename 0 --rename=source=url -R text=body --rename title=শিরোনাম
	golden rename-ascii 0 -A -R title=নাম
	golden array 0 --array=author,title,nosuch
	golden number 0 --number=pc,wc,neg,zero,lead,frac,big,max,words,list,empty,bn
	golden invalid-utf8 0
	golden invalid-utf8-ascii 0 --ascii
	golden error-header 1
	golden cut 1
	golden raw 2
done
LC_ALL=C.UTF-8

# Bugs once found, checked since they were fixed.
to-jsonl -p <"$TMP/paragraphs-leading-blank.in" >"$TMP/plb.out" 2>&1
cmp -s "$TMP/plb.out" "$GOLD/paragraphs-leading-blank.jsonl"
ok $? "paragraphs: a body that starts with a blank line gives no paragraph starting with a newline"
printf 'text: a header called text\nparagraphs: and one called paragraphs\n\nthe body\n\0' |
	to-jsonl -p >"$TMP/dup.out" 2>&1
echo "$TMP/dup.out dup" | python3 -c "$PYCHECK" | grep -qx '0 dup'
ok $? "a header named text (or paragraphs) does not give a duplicate key"

# to-jsonl's own keys written twice, by --fields or by a rename onto another
# of them: the second gets a suffix, like a header would (once, each was
# written twice under one name).  dupkey DESCRIPTION EXPECTED OPTION...
dupkey() {
	desc=$1 want=$2
	shift 2
	printf 'source: s\n\nbody \377\n\0' | to-jsonl "$@" >"$TMP/own.out" 2>/dev/null
	is "$(cat "$TMP/own.out")" "$want" "$desc: each key once"
}
dupkey "--fields text,text,paragraphs,paragraphs" \
	'{"text":"body �","text_2":"body �","paragraphs":["body �"],"paragraphs_2":["body �"],"to_jsonl_warning":"to-jsonl: 1 invalid UTF-8 sequence replaced with U+FFFD"}' \
	--fields=text,text,paragraphs,paragraphs
dupkey "--rename text=paragraphs -p" \
	'{"source":"s","paragraphs":"body �","paragraphs_2":["body �"],"to_jsonl_warning":"to-jsonl: 1 invalid UTF-8 sequence replaced with U+FFFD"}' \
	--rename=text=paragraphs -p
dupkey "--rename text=to_jsonl_warning" \
	'{"source":"s","to_jsonl_warning":"body �","to_jsonl_warning_2":"to-jsonl: 1 invalid UTF-8 sequence replaced with U+FFFD"}' \
	--rename=text=to_jsonl_warning

# Several inputs, and - for standard input, in the order given.
to-jsonl "$TMP/order.in" - "$TMP/empty.in" <"$TMP/repeated.in" >"$TMP/files.out" 2>"$TMP/files.err"
is $? 0 "FILE - FILE: exit status 0"
cat "$GOLD/order.jsonl" "$GOLD/repeated.jsonl" "$GOLD/empty.jsonl" >"$TMP/files.want"
is_file "$TMP/files.out" "$TMP/files.want" "FILE - FILE: the records of each input, in order"
is_file "$TMP/files.err" /dev/null "FILE - FILE: nothing on stderr"

# Options that do not go together, or are malformed: usage errors, no output.
to-jsonl -f title -x text <"$TMP/order.in" >"$TMP/o.out" 2>"$TMP/o.err"
is $? 2 "--fields with --exclude: exit status 2"
is "$(cat "$TMP/o.err")" "to-jsonl: --fields and --exclude do not go together; use one" "--fields with --exclude: message"
is_file "$TMP/o.out" /dev/null "--fields with --exclude: no output"
to-jsonl --rename=title <"$TMP/order.in" >"$TMP/o.out" 2>"$TMP/o.err"
is $? 2 "--rename without =NEW: exit status 2"
is "$(cat "$TMP/o.err")" "to-jsonl: --rename wants OLD=NEW, not 'title'" "--rename without =NEW: message"

# Output that cannot be written: exit status 3, one message.  Small output
# fails when stdout is flushed at the end, big output while writing.
to-jsonl <"$TMP/order.in" >/dev/full 2>"$TMP/full.err"
is $? 3 "/dev/full: exit status 3"
is "$(cat "$TMP/full.err")" "to-jsonl: write error on standard output: No space left on device" "/dev/full: message"
{
	printf 'source: big\n\n'
	i=0
	while [ $i -lt 3000 ]; do
		echo "একটি লম্বা অনুচ্ছেদের একটি লাইন, বারবার, যাতে আউটপুট বাফারের চেয়ে বড় হয়"
		i=$((i + 1))
	done
	printf '\0'
} >"$TMP/big.in"
to-jsonl <"$TMP/big.in" >/dev/full 2>"$TMP/full.err"
is $? 3 "/dev/full, output bigger than the buffer: exit status 3"
is "$(cat "$TMP/full.err")" "to-jsonl: write error on standard output: No space left on device" "/dev/full, output bigger than the buffer: message"

# A reader that goes away is not an error: `to-jsonl | head -n 1` ends quietly.
cat "$TMP/big.in" "$TMP/big.in" "$TMP/big.in" "$TMP/big.in" >"$TMP/big4.in"
{
	to-jsonl <"$TMP/big4.in" 2>"$TMP/pipe.err"
	echo $? >"$TMP/pipe.st"
} | head -c 10 >/dev/null
st=$(cat "$TMP/pipe.st")
case $st in 0 | 141) r=0 ;; *) r=1 ;; esac
ok $r "reader gone: exit status 0, or killed by SIGPIPE (got $st)"
is_file "$TMP/pipe.err" /dev/null "reader gone: nothing on stderr"

# --stats: a table on stderr after the records; the output is unchanged.
printf 'source: 1\nsite: kalbela\ntitle: T\n\nbody\n\0source: 2\nsite: kalbela\nwarning: extract-meta: no date found\n\nb\n\0source: 3\nerror: strip-boilerplate: cannot read the page: "No such file"\n\n\0' >"$TMP/stats.in"
to-jsonl --stats <"$TMP/stats.in" >"$TMP/stats.out" 2>"$TMP/stats.err"
is $? 1 "--stats: exit status 1 (a record carries an error)"
is_file "$TMP/stats.out" "$GOLD/stats.jsonl" "--stats: output as in stats.jsonl"
tr -s ' ' <"$TMP/stats.err" >"$TMP/stats.sq"
for line in 'to-jsonl: records in 3, out 3' 'site kalbela 2 records' ' field records share' \
	' source 2 100.0%' ' title 1 50.0%' ' text 2 100.0%' ' warning 1 50.0%' \
	'site (none) 1 records' ' error 1 100.0%' 'warnings and errors by kind records' \
	' warning: extract-meta: no date found 1' ' error: strip-boilerplate: cannot read the page 1'; do
	grep -qxF -- "$line" "$TMP/stats.sq"
	ok $? "--stats: a line '$line'"
done
head -n 1 "$TMP/stats.err" >"$TMP/stats.first"
is "$(cat "$TMP/stats.first")" "to-jsonl: records in 3, out 3" "--stats: the counts come first"
to-jsonl --stats <"$TMP/invalid-utf8.in" 2>&1 >/dev/null | grep -qxF 'to-jsonl: records in 3, out 3, invalid UTF-8 replaced in 2'
ok $? "--stats: counts records with invalid UTF-8"

# The seed pages through strip-boilerplate: real Bengali text, valid JSON.
if [ -x "$BIN/strip-boilerplate" ]; then
	strip-boilerplate "$SEEDS"/*.txt 2>/dev/null | to-jsonl -p >"$TMP/seeds.out"
	is "$(wc -l <"$TMP/seeds.out" | tr -d ' ')" "$(find "$SEEDS" -name '*.txt' | wc -l | tr -d ' ')" "seed pages: one line per page"
	json_ok "$TMP/seeds.out" "seed pages"
	jq -e 'select(.text | length == 0)' <"$TMP/seeds.out" >/dev/null
	is $? 4 "seed pages: no empty text"
fi

python_checks

# The man page's synopsis shows -A and -p: "Fl Ap" once made mdoc read its
# Ap macro and print "-'", which mandoc -Tlint does not warn about.
mandoc -Tascii "$TOP/man/to-jsonl.1" | col -b | sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' >"$TMP/synopsis"
grep -qF 'to-jsonl [-Ap] [-f list]' "$TMP/synopsis"
ok $? "to-jsonl(1): the synopsis shows [-Ap]"

done_testing
