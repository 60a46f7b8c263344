#!/bin/sh
# from-html: HTML pages to records (issue 19).
#
# 1. The hard cases of tests/html/hard/: each page's record, headers and
#    body, exactly as reviewed in NAME.expected.
# 2. The HTML version of a browser-copy fixture (tests/html/SITE/NAME.html
#    beside tests/sites/SITE/NAME.txt) gives the same fields and body
#    through the whole chain with the same rules.
# 3. The record stream way in (--records), the options, encodings, the
#    offsets the warnings name, and khobor's routing of .html files.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

HTML=$TOP/tests/html

# ---- 1. hard cases ----
for page in "$HTML"/hard/*.html; do
	name=$(basename "$page" .html)
	(cd "$HTML/hard" && from-html "$name.html") 2>"$TMP/err" | tr -d '\000' >"$TMP/got"
	is_file "$TMP/got" "$HTML/hard/$name.expected" "hard case $name: record as reviewed"
done
(cd "$HTML/hard" && from-html ./*.html) | tr -cd '\000' | wc -c >"$TMP/n"
is "$(tr -d ' ' <"$TMP/n")" "$(find "$HTML/hard" -name '*.html' | wc -l | tr -d ' ')" \
	"one record per page, several pages in one run"

# ---- 2. the HTML and the browser copy of a page agree ----
# Headers only HTML has (and source, the file name) are left out of the comparison.
HTMLONLY='del(.source, .url, .html_lang, .html_title, .meta_title, .meta_published, .meta_updated, .meta_author, .meta_section, .meta_description)'
for page in "$HTML"/*/*.html; do
	site=$(basename "$(dirname "$page")")
	[ "$site" = hard ] && continue
	name=$(basename "$page" .html)
	txt=$TOP/tests/sites/$site/$name.txt
	[ -f "$txt" ] || { ok 1 "$site/$name.html has a text fixture $txt"; continue; }
	(cd "$(dirname "$page")" && khobor "$name.html") 2>"$TMP/err" | jq -cS "$HTMLONLY" >"$TMP/h"
	jq -cS 'del(.source)' "$TOP/tests/sites/$site/$name.jsonl" >"$TMP/t"
	if cmp -s "$TMP/h" "$TMP/t"; then
		ok 0 "$site/$name: the HTML page gives the fields and body of the browser copy"
	else
		ok 1 "$site/$name: the HTML page gives the fields and body of the browser copy"
		jq -n --slurpfile h "$TMP/h" --slurpfile t "$TMP/t" -r \
			'($h[0] | keys) + ($t[0] | keys) | unique[] as $k | select($h[0][$k] != $t[0][$k]) |
			 "# \($k): html \($h[0][$k] | tojson | .[0:120]) text \($t[0][$k] | tojson | .[0:120])"'
	fi
	# The rendering itself: line for line the browser copy, up to where the copy ends.
	# (The copy's last line has no line break; the page goes on past it.)
	from-html "$page" | tr -d '\000' | sed '1,/^$/d' | head -n "$(wc -l <"$txt")" >"$TMP/r"
	head -n "$(wc -l <"$TMP/r")" "$txt" >"$TMP/c"
	is_file "$TMP/r" "$TMP/c" "$site/$name: rendered line for line as the browser copy"
	is "$(jq -r '.meta_title' <<EOF
$(cd "$(dirname "$page")" && khobor "$name.html")
EOF
)" "$(jq -r '.title' "$TOP/tests/sites/$site/$name.jsonl")" "$site/$name: og:title is the headline the page shows"
done

# ---- 3. ways in, options, encodings ----
# A record stream whose bodies are the pages gives the same records.
for f in rendering utc-as-local jsonld-graph; do
	printf 'source: %s.html\n\n' "$f"
	cat "$HTML/hard/$f.html"
	printf '\000'
done >"$TMP/stream"
from-html --records "$TMP/stream" | tr -d '\000' >"$TMP/got"
cat "$HTML/hard/rendering.expected" "$HTML/hard/utc-as-local.expected" "$HTML/hard/jsonld-graph.expected" >"$TMP/exp"
is_file "$TMP/got" "$TMP/exp" "--records: a record stream of HTML bodies gives the same records"
printf 'source: x\ncharset: windows-1252\n\ncaf\351\000' | from-html --records | tr -d '\000' >"$TMP/got"
grep -qx 'café' "$TMP/got"
ok $? "--records: a record's charset header says how to decode its body"
printf 'caf\351' | from-html --charset=latin1 | tr -d '\000' | grep -qx 'café'
ok $? "--charset: the transport's charset (latin1 read as windows-1252)"
printf '\357\273\277<p>caf\303\251</p>' | from-html --charset=latin1 | tr -d '\000' | grep -qx 'café'
ok $? "a UTF-8 byte order mark overrides --charset"
printf '\377\376<\000p\000>\000\225\011' | from-html | tr -d '\000' | grep -qx 'ক'
ok $? "a UTF-16LE page with its byte order mark"
printf '\377\376<\000p\000>\000\000\334\225\011' | from-html | tr -d '\000' >"$TMP/got"
grep -qx '�ক' "$TMP/got" && grep -q '1 byte not UTF-16LE replaced with U+FFFD (at byte 8)' "$TMP/got"
ok $? "UTF-16: a lone surrogate is U+FFFD, and the text after it stays in step"
printf '<meta charset="iso-8859-1"><p>বাংলা caf\303\251</p>' | from-html | tr -d '\000' >"$TMP/got"
grep -qx 'বাংলা café' "$TMP/got" && grep -q "declares the charset 'WINDOWS-1252', but its bytes are UTF-8" "$TMP/got"
ok $? "a page that declares windows-1252 but is UTF-8 is read as UTF-8, and said"
printf '<meta charset="iso-8859-1"><p>caf\351</p>' | from-html | tr -d '\000' | grep -qx 'café'
ok $? "a page that declares windows-1252 and is: read as windows-1252"
# The HTML standard's prescan gets an attribute with blanks around '=' and any case.
printf '<META CHARSET = iso-8859-1 ><p>caf\351</p>' | from-html | tr -d '\000' | grep -qx 'café'
ok $? "<meta charset = ...> with blanks around '=', unquoted: read as declared"
printf '<meta http-equiv = "Content-Type" content = "text/html; charset=iso-8859-1"><p>caf\351</p>' | from-html |
	tr -d '\000' | grep -qx 'café'
ok $? "http-equiv Content-Type with blanks around '=': read as declared"
printf '<meta name="x" =stray charset="iso-8859-1"><p>caf\351</p>' | from-html | tr -d '\000' | grep -qx 'café'
ok $? "a stray '=' among the attributes does not hide the charset"
printf '<p>x</p>' | from-html --url=https://example.com/a | tr -d '\000' | grep -qx 'url: https://example.com/a'
ok $? "--url stands in for a page that names no address"
from-html --url=https://example.com/a "$HTML/hard/amp.html" | tr -d '\000' |
	grep -qx 'url: https://news.example.com/economy/5120'
ok $? "the canonical link wins over --url"
printf '<p>x</p>' | from-html | tr -d '\000' | head -n 1 | grep -qx 'source: -'
ok $? "standard input is '-'"

# The offsets in warnings point at the fault in the file.
off=$(sed -n 's/.*JSON-LD at byte \([0-9]*\).*/\1/p' "$HTML/hard/jsonld-malformed.expected")
is "$(dd if="$HTML/hard/jsonld-malformed.html" bs=1 skip="$off" count=9 2>/dev/null)" '{"@type":' \
	"the JSON-LD warning names the offset where the script's text starts"
off=$(sed -n 's/.*WINDOWS-1252 replaced with U+FFFD (at byte \([0-9]*\)).*/\1/p' "$HTML/hard/windows-1252.expected")
is "$(dd if="$HTML/hard/windows-1252.html" bs=1 skip="$off" count=1 2>/dev/null | od -An -tx1 | tr -d ' ')" 81 \
	"the undecodable-byte warning names the byte's offset"
printf 'ab\303(cd<p>\377</p>' | from-html | tr -d '\000' >"$TMP/got"
grep -q '^warning: from-html: 2 bytes not UTF-8 replaced with U+FFFD (at byte 2, 9)$' "$TMP/got"
ok $? "invalid UTF-8: each byte U+FFFD, the offsets named"
grep -qx 'ab�(cd' "$TMP/got"
ok $? "invalid UTF-8: nothing dropped"
printf '<p>a\000b\001c</p>' | from-html | tr -d '\000' >"$TMP/got"
grep -q 'a�bc' "$TMP/got" && grep -q '1 NUL byte replaced with U+FFFD' "$TMP/got" &&
	grep -q '1 control character removed' "$TMP/got"
ok $? "NUL is U+FFFD (as HTML reads it), other control characters removed, both said"

# The same page, split anywhere across the reader's chunks, renders the same.
awk 'BEGIN { for (i = 0; i < 4000; i++) printf "<p>অনুচ্ছেদ %d: বাংলা লেখা &amp; <b>মোটা</b></p>\n", i }' >"$TMP/long.html"
from-html "$TMP/long.html" | tr -d '\000' | sed 1d >"$TMP/a"
{ printf 'source: x\n\n'; cat "$TMP/long.html"; printf '\000'; } | from-html --records | tr -d '\000' | sed 1d >"$TMP/b"
is_file "$TMP/b" "$TMP/a" "a page read from a stream and from memory renders the same"
is "$(grep -c '^অনুচ্ছেদ [0-9]*: বাংলা লেখা & মোটা$' "$TMP/a")" 4000 "every paragraph of a long page, whole"

# Options and usage.
from-html --help >"$TMP/out" 2>&1
ok $? "--help exits 0"
grep -q '^usage: from-html' "$TMP/out"
ok $? "--help shows the usage"
from-html --version | grep -q '^from-html'
ok $? "--version"
from-html --bogus </dev/null >/dev/null 2>"$TMP/err"
is $? 2 "an unknown option exits 2"
grep -q "^from-html: unknown option '--bogus'" "$TMP/err"
ok $? "an unknown option is named"
from-html --url </dev/null >/dev/null 2>"$TMP/err"
is $? 2 "--url without an address exits 2"
from-html "$TMP/nonexistent.html" >"$TMP/out" 2>"$TMP/err"
is $? 1 "a missing file exits 1"
grep -q "nonexistent.html" "$TMP/err"
ok $? "a missing file is named"
printf 'not a record stream' | from-html --records >/dev/null 2>&1
is $? 2 "--records on input that is not a record stream exits 2"

# khobor sends .html through from-html, and will not mix HTML and text pages.
(cd "$HTML/kalbela" && khobor seed-000.html) | jq -r .site >"$TMP/site"
is "$(cat "$TMP/site")" kalbela "khobor: an .html page goes through from-html and the site's rules"
khobor "$HTML/kalbela/seed-000.html" "$TOP/tests/sites/kalbela/seed-000.txt" >/dev/null 2>"$TMP/err"
is $? 2 "khobor: HTML and text pages in one run exit 2"
grep -q 'HTML pages and text pages cannot go in one run' "$TMP/err"
ok $? "khobor: says why"
(cd "$HTML/hard" && khobor jsonld-graph.html) | jq -c .meta_author >"$TMP/a"
is "$(cat "$TMP/a")" '["তানভীর আলম","সুমাইয়া হক"]' "khobor: meta_author is always an array"

# A page typed in a Bijoy-style font (ASCII letters drawn as Bengali) is kept as
# it is and flagged, by the text rules, the same way whether it came as HTML or text.
LEGACY="the text looks typed in a legacy Bengali font (Bijoy-style"
(cd "$HTML/hard" && khobor legacy-font.html) >"$TMP/lf.json"
jq -r '.warning[]' "$TMP/lf.json" | grep -qF "$LEGACY"
ok $? "khobor: a legacy-font HTML page is flagged"
jq -r .text "$TMP/lf.json" | grep -qF 'evRvi KwgwUi mfvcwZ Rvbvb'
ok $? "khobor: its text is kept as it is, not dropped or changed"
from-html "$HTML/hard/legacy-font.html" | tr -d '\000' | sed '1,/^$/d' >"$TMP/lf.txt"
khobor "$TMP/lf.txt" | jq -r '.warning[]?' | grep -qF "$LEGACY"
ok $? "khobor: the same text as a text page is flagged the same way"
printf 'Footnotes\nThe figure\xe2\x80\xa0 was revised; see the note\xe2\x80\xa1 below for the method used by the survey team in Dhaka.\n' >"$TMP/en.txt"
khobor "$TMP/en.txt" | jq -r '.warning[]?' | grep -qF "$LEGACY"
is $? 1 "khobor: English text with a dagger or two is not flagged"

done_testing
