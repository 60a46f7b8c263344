#!/bin/sh
# dedupe on bad input: a damaged, truncated, foreign or mismatched index is
# exit 2 before any input is read, and the file is left as it was; an index
# that cannot be written is exit 3 and leaves the old one; a record with no
# body and a body that is not UTF-8 pass through; a bad TABLE is exit 2.
# shellcheck source=/dev/null
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1
D=tests/dedupe

for f in "$D"/*.rec; do
	cat "$f"
	printf '\0'
done >"$TMP/fx.rec"
dedupe --index "$TMP/good.idx" "$TMP/fx.rec" >/dev/null 2>&1
ok $? "an index made from the fixtures"
size=$(wc -c <"$TMP/good.idx")

# bad_index NAME WHAT-GREP: the index $TMP/bad.idx is refused, untouched, nothing read.
bad_index() {
	cp "$TMP/bad.idx" "$TMP/bad.before"
	# The input is a FIFO nobody writes: reading it would hang, so exit 2 means it was not read.
	rm -f "$TMP/fifo"
	mkfifo "$TMP/fifo"
	timeout 10 dedupe --index "$TMP/bad.idx" "$TMP/fifo" >"$TMP/bad.out" 2>"$TMP/bad.err"
	is "$?" 2 "$1: exit 2, before reading any input"
	grep -q "^dedupe: $TMP/bad.idx: $2" "$TMP/bad.err"
	ok $? "$1: the message names the file and says what is wrong"
	sed 's/^/# /' "$TMP/bad.err"
	is_file "$TMP/bad.idx" "$TMP/bad.before" "$1: the index file is left as it was"
	[ ! -s "$TMP/bad.out" ]
	ok $? "$1: nothing on standard output"
	left=0
	for f in "$TMP"/bad.idx.tmp.*; do
		[ -e "$f" ] && left=1
	done
	is "$left" 0 "$1: no temporary file left behind"
}

# A byte in the middle of the signatures flipped.
cp "$TMP/good.idx" "$TMP/bad.idx"
printf '\377' | dd of="$TMP/bad.idx" bs=1 seek=200 conv=notrunc 2>/dev/null
bad_index "a damaged index" "damaged index (checksum does not match)"

head -c $((size - 100)) "$TMP/good.idx" >"$TMP/bad.idx"
bad_index "a truncated index" "truncated index"

head -c 40 "$TMP/good.idx" >"$TMP/bad.idx"
bad_index "an index cut inside its header" "truncated index"

cp "$D/README" "$TMP/bad.idx"
bad_index "a foreign file" "not a dedupe index"

: >"$TMP/bad.idx"
bad_index "an empty file" "not a dedupe index"

# Another shingle size in the header (offset 16): refused, naming the parameter.
cp "$TMP/good.idx" "$TMP/bad.idx"
printf '\005' | dd of="$TMP/bad.idx" bs=1 seek=16 conv=notrunc 2>/dev/null
bad_index "an index built with other parameters" "index built with other parameters: shingle 5 (this dedupe: 3)"

cp "$TMP/good.idx" "$TMP/bad.idx"
printf '\011' | dd of="$TMP/bad.idx" bs=1 seek=8 conv=notrunc 2>/dev/null
bad_index "an index of another format version" "index format version 9"

# An index that cannot be written: exit 3, the records still out, the old index kept.
dedupe --index "$TMP/no/such/dir/idx" "$TMP/fx.rec" >"$TMP/nodir.out" 2>"$TMP/nodir.err"
is "$?" 3 "an index that cannot be written: exit 3"
grep -q "cannot create a temporary file beside it" "$TMP/nodir.err"
ok $? "... saying why"
cmp -s "$TMP/nodir.out" "$(dedupe "$TMP/fx.rec" >"$TMP/plain.out"; echo "$TMP/plain.out")"
ok $? "... and the records are marked as without --index"
if [ "$(id -u)" -ne 0 ]; then
	cp "$TMP/good.idx" "$TMP/ro.idx"
	mkdir "$TMP/ro" && cp "$TMP/good.idx" "$TMP/ro/idx" && chmod 555 "$TMP/ro"
	dedupe --index "$TMP/ro/idx" "$TMP/fx.rec" >/dev/null 2>&1
	is "$?" 3 "an index in a read-only directory: exit 3"
	cmp -s "$TMP/ro/idx" "$TMP/good.idx"
	ok $? "... and the old index is left as it was"
	chmod 755 "$TMP/ro"
fi

# ---- records ----

# No body at all, twice with one title: passed on, not compared.
printf 'source: a\ntitle: ভিডিও\n\n\0source: b\ntitle: ভিডিও\n\n\0' >"$TMP/nobody.rec"
dedupe --stats "$TMP/nobody.rec" >"$TMP/nobody.out" 2>"$TMP/nobody.err"
is "$?" 0 "records with no body: exit 0"
is_file "$TMP/nobody.out" "$TMP/nobody.rec" "records with no body: passed on unchanged, not marked"
grep -q 'no words: 2' "$TMP/nobody.err"
ok $? "records with no body: counted by --stats"

# A body that is not UTF-8: a warning; its bad bytes separate words, so a copy is still found.
sed -n '1,/^$/p' "$D/01-wire.rec" >"$TMP/bad8.rec"
sed '1,/^$/d' "$D/01-wire.rec" | sed 's/ নদীর / নদীর\xff/' >>"$TMP/bad8.rec"
printf '\0' >>"$TMP/bad8.rec"
cat "$D/01-wire.rec" >"$TMP/good8.rec"
printf '\0' >>"$TMP/good8.rec"
cat "$TMP/good8.rec" "$TMP/bad8.rec" | dedupe >"$TMP/bad8.out" 2>"$TMP/bad8.err"
is "$?" 0 "a body that is not UTF-8: exit 0 (a warning, not an error)"
tr '\0' '\n' <"$TMP/bad8.out" | grep -c '^warning: dedupe: body is not valid UTF-8' >"$TMP/n"
is "$(cat "$TMP/n")" 1 "... the record gets a warning header"
tr '\0' '\n' <"$TMP/bad8.out" | grep -q '^duplicate_of: https://wire.example/2024/03/kashbon-bridge$'
ok $? "... and is still found to copy its valid twin"
is "$(tr -cd '\0' <"$TMP/bad8.out" | wc -c)" 2 "... one record out for each in"

# Bodies not in NFC, each with one of what NFC changes in Bengali: U+09DF for
# U+09AF U+09BC; U+09C7 U+09BE for U+09CB; the virama before the nukta.  Each
# is read as its NFC form, so that it is an exact copy of the NFC original.
python3 - "$D/01-wire.rec" >"$TMP/nfc.rec" <<'PY'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
head, _, body = t.partition("\n\n")
# A nukta and a virama together: the NFC order first, then the other.
nv = body.replace("\u09ac\u09a1\u09bc ", "\u09ac\u09a1\u09bc\u09cd ", 1)
assert nv != body
out = t + "\0" + "source: nfc-nukta-virama\nurl: https://not-nfc.example/base\n\n%s\0" % nv
for name, base, a, b in (("09df", body, "\u09af\u09bc", "\u09df"), ("09cb", body, "\u09cb", "\u09c7\u09be"),
                         ("nukta", nv, "\u09a1\u09bc\u09cd", "\u09a1\u09cd\u09bc")):
    assert a in base, name
    out += "source: not-nfc-%s\nurl: https://not-nfc.example/%s\n\n%s\0" % (name, name, base.replace(a, b))
sys.stdout.write(out)
PY
dedupe --explain "$TMP/nfc.rec" >/dev/null 2>"$TMP/nfc.err"
for v in 09df 09cb nukta; do
	orig=https://wire.example/2024/03/kashbon-bridge
	[ "$v" = nukta ] && orig=https://not-nfc.example/base
	grep -q "^dedupe: not-nfc-$v: exact copy of $orig:" "$TMP/nfc.err"
	ok $? "a body not in NFC ($v) is read as its NFC form: an exact copy"
done

# Raw text where records were expected.
printf 'just some text\n' | dedupe >/dev/null 2>"$TMP/raw.err"
is "$?" 2 "raw text instead of a record stream: exit 2"

# ---- shard mode: a bad table ----

printf 'not a band line\n' >"$TMP/table.bad"
dedupe --mark "$TMP/table.bad" "$TMP/fx.rec" >"$TMP/mark.out" 2>"$TMP/mark.err"
is "$?" 2 "--mark with a table that is not band lines: exit 2"
grep -q "^dedupe: $TMP/table.bad:1: not a band line" "$TMP/mark.err"
ok $? "... naming the file and line"
[ ! -s "$TMP/mark.out" ]
ok $? "... before any output"
dedupe --signatures "$TMP/fx.rec" | sed '3s/^[0-9a-f]\{8\}/00000000/' | LC_ALL=C sort >"$TMP/table.other"
dedupe --mark "$TMP/table.other" "$TMP/fx.rec" >/dev/null 2>"$TMP/mark.err"
is "$?" 2 "--mark with a line made with other parameters: exit 2"
grep -q 'band line made with other parameters' "$TMP/mark.err"
ok $? "... saying so"
dedupe --mark "$TMP/no-such-table" "$TMP/fx.rec" >/dev/null 2>&1
is "$?" 2 "--mark with a missing table: exit 2"

done_testing
