#!/bin/sh
# from-html on bad input: binary data, a 50 MB page, markup nested 10,000
# deep, a million entities, pages cut short, JSON-LD too deep or too big.
# Each gives exactly one record (flagged where something is wrong) and a
# clear message; none crashes.  Under the sanitizer build the big page is
# a tenth the size; under valgrind it is skipped.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

SCALE=1
case $BIN in
*asan*) SCALE=10 ;;
esac
[ -z "${KHOBOR_VALGRIND:-}" ] || SCALE=0

records() {	# records FILE: the number of records in FILE
	tr -cd '\000' <"$1" | wc -c | tr -d ' '
}

# Binary data: an error record, the reason named, exit 1.
head -c 3000 /dev/zero | tr '\000' '\001' >"$TMP/bin"
printf '\000\000\000\000\377\376\375' >>"$TMP/bin"
head -c 3000 /dev/zero >>"$TMP/bin"
from-html "$TMP/bin" >"$TMP/out" 2>"$TMP/err"
is $? 1 "binary data: exit 1"
is "$(records "$TMP/out")" 1 "binary data: one record"
grep -q '^error: from-html: not an HTML page: binary data$' "$TMP/out"
ok $? "binary data: an error header says so"
grep -q "^from-html: .*bin: not an HTML page: binary data" "$TMP/err"
ok $? "binary data: the message names the file"
printf '<p>x</p>' | gzip -c >"$TMP/page.html.gz"
from-html "$TMP/page.html.gz" 2>/dev/null | tr -d '\000' | grep -q 'gzip data: decompress it first'
ok $? "gzip data: says to decompress it"
printf '<\000p\000>\000x\000<\000/\000p\000>\000 \000 \000 \000 \000' | from-html 2>/dev/null | tr -d '\000' |
	grep -q 'UTF-16 without a byte order mark'
ok $? "UTF-16 without a byte order mark: says so"

# Empty input and a directory.
from-html </dev/null >"$TMP/out" 2>"$TMP/err"
is $? 0 "an empty page: exit 0"
is "$(records "$TMP/out")" 1 "an empty page: one record"
from-html "$TMP" >"$TMP/out" 2>"$TMP/err"
is $? 1 "a directory: exit 1"
grep -q "$TMP" "$TMP/err"
ok $? "a directory: named in the message"

# Nesting 10,000 deep, and 10,000 end tags that match nothing.
awk 'BEGIN { printf "<body>"; for (i = 0; i < 10000; i++) printf "<div><span><b>"; printf "deep text";
	for (i = 0; i < 10000; i++) printf "</b></span></div>"; printf "<p>after</p>";
	for (i = 0; i < 10000; i++) printf "</table></li>"; print "<p>last</p>" }' >"$TMP/deep.html"
from-html "$TMP/deep.html" >"$TMP/out" 2>"$TMP/err"
is $? 0 "markup nested 10,000 deep: exit 0"
tr -d '\000' <"$TMP/out" | sed '1,/^$/d' >"$TMP/body"
printf 'deep text\n\nafter\n\nlast\n' >"$TMP/exp"
is_file "$TMP/body" "$TMP/exp" "markup nested 10,000 deep: the text, whole"

# A million entities.
awk 'BEGIN { printf "<p>"; for (i = 0; i < 1000000; i++) printf "&amp;"; print "</p>" }' >"$TMP/ents.html"
from-html "$TMP/ents.html" >"$TMP/out" 2>"$TMP/err"
is $? 0 "a million entities: exit 0"
is "$(tr -d '\000' <"$TMP/out" | sed '1,/^$/d' | tr -cd '&' | wc -c | tr -d ' ')" 1000000 \
	"a million entities: a million ampersands"

# Pages cut short: inside a tag, a comment, a script, an attribute, a character.
for cut in '<p>text<di' '<p>text<!-- never closed' '<p>text<script>var a = "</di' '<p title="never closed>text' \
    "$(printf '<p>text \340\246')"; do
	printf '%s' "$cut" | from-html >"$TMP/out" 2>"$TMP/err"
	rc=$?
	[ "$rc" -le 1 ] && [ "$(records "$TMP/out")" -eq 1 ]
	ok $? "a page cut short ($(printf '%s' "$cut" | head -c 24 | tr -c '[:print:]' '?')): one record"
done
printf '<p>text \340\246' | from-html | tr -d '\000' | grep -q 'replaced with U+FFFD'
ok $? "a page cut inside a character: the bytes are U+FFFD, said"

# JSON-LD nested too deep for the reader, and a title of 400,000 characters.
awk 'BEGIN { printf "<script type=\"application/ld+json\">"; for (i = 0; i < 100000; i++) printf "[";
	print "</script><p>x</p>" }' >"$TMP/deepjson.html"
from-html "$TMP/deepjson.html" | tr -d '\000' | grep -q '^warning: from-html: JSON-LD at byte 35 cannot be read: maximum parsing depth'
ok $? "JSON-LD nested 100,000 deep: a warning, the page kept"
awk 'BEGIN { printf "<title>"; for (i = 0; i < 400000; i++) printf "ক"; print "</title><p>x</p>" }' >"$TMP/title.html"
from-html "$TMP/title.html" | tr -d '\000' | sed -n 's/^html_title: //p' >"$TMP/t"
[ "$(wc -c <"$TMP/t")" -le 2001 ] && [ "$(wc -c <"$TMP/t")" -ge 1990 ] && iconv -f UTF-8 -t UTF-8 "$TMP/t" >/dev/null
ok $? "a title of 400,000 characters: cut to 2,000 bytes, at a character boundary"

# A record stream of bodies good and bad: one record out for every record in.
{
	printf 'source: a\n\n<p>one</p>\000'
	printf 'source: b\n\n\037\213\010\010gzip\000'
	printf 'source: c\n\n\000'
	printf 'source: d\n\n<p>four\000'
} >"$TMP/stream"
from-html --records "$TMP/stream" >"$TMP/out" 2>"$TMP/err"
is $? 1 "--records with a gzip body: exit 1"
is "$(records "$TMP/out")" 4 "--records: one record out for every record in"

# A 50 MB page of news markup: one record, every paragraph.
if [ "$SCALE" -gt 0 ]; then
	MB=$((50 / SCALE))
	awk -v mb="$MB" 'BEGIN {
		print "<!DOCTYPE html><html lang=\"bn\"><head><title>বড় পাতা</title></head><body><article>"
		size = 0; n = 0
		while (size < mb * 1048576) {
			s = sprintf("<div class=\"para\"><p>অনুচ্ছেদ %d: <a href=\"/n/%d\">নদী</a>, মাঠ আর <b>মানুষের</b> কথা &amp; আরও।</p></div>\n", n, n)
			printf "%s", s; size += length(s); n++
		}
		print "</article></body></html>"
		print n > "/dev/stderr"
	}' >"$TMP/big.html" 2>"$TMP/n"
	from-html "$TMP/big.html" >"$TMP/out" 2>"$TMP/err"
	is $? 0 "a ${MB} MB page: exit 0"
	is "$(records "$TMP/out")" 1 "a ${MB} MB page: one record"
	is "$(tr -d '\000' <"$TMP/out" | grep -c '^অনুচ্ছেদ [0-9]*: নদী, মাঠ আর মানুষের কথা & আরও।$')" "$(cat "$TMP/n")" \
		"a ${MB} MB page: every paragraph, whole"
else
	diag "the 50 MB page is skipped under valgrind"
fi

done_testing
