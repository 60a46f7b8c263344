#!/bin/sh
# WET text versus browser text (issue 15): each fixture page of Kalbela and
# Dhaka Diplomat rendered as Common Crawl's WET extractor renders HTML
# (tests/wet/SITE/NAME.txt, written by tests/wet/render.py: the <title> line
# first, no blank lines, no bullets, white space collapsed), read from a WET
# file through from-warc, must give what the browser copy gives
# (tests/sites/SITE/NAME.jsonl): the same site, the same fields, the same
# text but for blank lines.  The counts are not
# compared: they follow from the text, and WET has no blank lines, so its
# paragraph_count is 1 (a page is one run of lines).
# The differences known today are listed in tests/wet/KNOWN, with the rule
# that causes each.  Those checks assert the difference is still there, so
# that a fix fails them until its line leaves KNOWN: the list stays true.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

KNOWN=$TOP/tests/wet/KNOWN

# check STATUS PAGE CHECK DESCRIPTION: the same as the browser copy; or, for
# a check tests/wet/KNOWN lists, still different, for the reason it gives.
check() {
	why=$(awk -F '\t' -v p="$2" -v c="$3" '$1 == p && $2 == c { print $3 }' "$KNOWN")
	if [ -n "$why" ]; then
		ok "$([ "$1" -ne 0 ]; echo $?)" "$2: $3 still differ from the browser copy, as tests/wet/KNOWN says ($why)"
	else
		ok "$1" "$2: $4"
		[ "$1" -eq 0 ] || sed 's/^/# /' "$TMP/diff"
	fi
}

# One WET file holds every rendering, each a "conversion" record as Common
# Crawl writes them; twice: with the page's URL (the site is found by its
# host) and without (by its content).  The two must agree with each other
# and with the browser copy.
host_of() {
	case $1 in
	kalbela) echo www.kalbela.com ;;
	dhakadiplomat) echo dhakadiplomat.com ;;
	esac
}
: >"$TMP/pages"
for page in "$TOP"/tests/wet/*/*.txt; do
	site=$(basename "$(dirname "$page")")
	name=$(basename "$page" .txt)
	[ -f "$TOP/tests/sites/$site/$name.jsonl" ] && echo "$site $name" >>"$TMP/pages"
done
python3 - "$TOP/tests/wet" "$TMP/pages" "$TMP/url.json" "$TMP/nourl.json" <<'PY'
import json, sys
wet, pages, with_url, without = sys.argv[1:5]
hosts = {"kalbela": "www.kalbela.com", "dhakadiplomat": "dhakadiplomat.com"}
a, b = [], []
for i, line in enumerate(open(pages, encoding="utf-8")):
    site, name = line.split()
    text = open("%s/%s/%s.txt" % (wet, site, name), encoding="utf-8").read()
    head = [["WARC-Type", "conversion"], ["WARC-Record-ID", "<urn:uuid:%08d-0000-0000-0000-000000000000>" % i],
            ["WARC-Date", "2024-10-05T10:00:00Z"], ["Content-Type", "text/plain"]]
    a.append({"headers": head[:1] + [["WARC-Target-URI", "https://%s/news/%d" % (hosts[site], i)]] + head[1:],
              "block": text})
    b.append({"headers": head, "block": text})
json.dump(a, open(with_url, "w"))
json.dump(b, open(without, "w"))
PY
python3 "$TOP/tests/wet/mkwarc.py" "$TMP/url.json" "$TMP/url.warc.gz" member >/dev/null
python3 "$TOP/tests/wet/mkwarc.py" "$TMP/nourl.json" "$TMP/nourl.warc.gz" member >/dev/null
khobor "$TMP/url.warc.gz" >"$TMP/url.jsonl" 2>"$TMP/url.err"
khobor "$TMP/nourl.warc.gz" >"$TMP/nourl.jsonl" 2>"$TMP/nourl.err"
npages=$(wc -l <"$TMP/pages")
is "$(wc -l <"$TMP/url.jsonl")" "$npages" "one object per WET record, with URLs"
is "$(wc -l <"$TMP/nourl.jsonl")" "$npages" "one object per WET record, without URLs"
jq -r .site "$TMP/url.jsonl" >"$TMP/s1"
jq -r .site "$TMP/nourl.jsonl" >"$TMP/s2"
cmp -s "$TMP/s1" "$TMP/s2"
ok $? "the site found by the URL's host is the site found by the content, on every page"

# What WET records add (the record's place, URL, date, id, the <title>) is
# not in a browser copy; the rest must be.
drop='del(.source, .url, .crawl_date, .warc_record_id, .warc_lang, .html_title, .text, .paragraph_count, .word_count, .char_count)'
n=0
while read -r site name; do
	n=$((n + 1))
	exp=$TOP/tests/sites/$site/$name.jsonl
	sed -n "${n}p" "$TMP/url.jsonl" >"$TMP/got"
	is "$(jq -r .site "$TMP/got")" "$site" "$site/$name: WET record detected as $site"

	jq -S "$drop" "$exp" >"$TMP/e"
	jq -S "$drop" "$TMP/got" >"$TMP/g"
	diff -u "$TMP/e" "$TMP/g" >"$TMP/diff"
	check $? "$site/$name" fields "the same fields as the browser copy"

	jq -r .text "$exp" | grep -v '^$' >"$TMP/e"
	jq -r .text "$TMP/got" | grep -v '^$' >"$TMP/g"
	diff -u "$TMP/e" "$TMP/g" >"$TMP/diff"
	check $? "$site/$name" text "the same text as the browser copy, blank lines aside"

	first=$(head -n 1 "$TOP/tests/wet/$site/$name.txt")
	is "$(jq -r .html_title "$TMP/got")" "$first" "$site/$name: the WET title line is the html_title header"
done <"$TMP/pages"
ok "$([ "$n" -ge 10 ]; echo $?)" "WET renderings checked: $n"

# The renderings are what render.py writes from the fixtures today.
mkdir -p "$TMP/tree/tests/sites" "$TMP/tree/tests/wet"
cp -R "$TOP/tests/sites/kalbela" "$TOP/tests/sites/dhakadiplomat" "$TMP/tree/tests/sites/"
(cd "$TMP/tree" && python3 "$TOP/tests/wet/render.py" kalbela && python3 "$TOP/tests/wet/render.py" dhakadiplomat)
diff -r "$TMP/tree/tests/wet" "$TOP/tests/wet" | grep -v '^Only in' >"$TMP/diff"
ok "$([ ! -s "$TMP/diff" ]; echo $?)" "tests/wet/*/*.txt are render.py's output for today's fixtures"

done_testing
