#!/bin/sh
# Other ways HTML comes in (issue 19): a JSON Lines scrape holding raw HTML
# (from-jsonl's html member, or a text member that is an HTML page), and a
# page file that holds HTML whatever its name (the driver looks at how it
# begins).  Each takes from-html's route: the same rendering, the same
# head headers, the same fields through the chain.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

HTML=$TOP/tests/html
cd "$TMP" || exit 1

# ---- from-jsonl ----
# The Kalbela fixture page as the html member of a scrape's line.
python3 - "$HTML/kalbela/seed-000.html" >scrape.jsonl <<'PY'
import json, sys
page = open(sys.argv[1], encoding="utf-8").read()
print(json.dumps({"url": "https://www.kalbela.com/national/99", "html": page, "text": "a scraper's own text",
                  "fetched": "2024-10-06"}, ensure_ascii=False))
print(json.dumps({"id": "doc-2", "text": "\ufeff \n <!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<p>এক &amp; দুই</p>"}))
print(json.dumps({"id": "doc-3", "text": "the <html> tag\nthe second line"}))
print(json.dumps({"id": "doc-4", "text": "its text", "body": "<html><title>T</title><p>x</p></html>"}))
PY
from-jsonl scrape.jsonl >rec 2>err
is $? 0 "from-jsonl: exit status 0"
tr '\000' '\n' <rec | awk '/^source: / { n++ } n == 1' | grep -v -e '^source:' -e '^fetched:' >got
from-html --url=https://www.kalbela.com/national/99 "$HTML/kalbela/seed-000.html" | tr '\000' '\n' |
	grep -v '^source:' >exp
is_file got exp "from-jsonl: the html member is rendered as from-html renders the page (the text member left out)"
tr '\000' '\n' <rec | awk '/^source: / { n++ } n == 2' >got
printf 'source: doc-2\n\nএক & দুই\n\n' >exp
is_file got exp "from-jsonl: a text member that begins '<!DOCTYPE HTML' (after a BOM and white space) is rendered"
tr '\000' '\n' <rec | awk '/^source: / { n++ } n == 3' >got
printf 'source: doc-3\n\nthe <html> tag\nthe second line\n\n' >exp
is_file got exp "from-jsonl: a text that only mentions <html> is text"
from-jsonl --html=body scrape.jsonl 2>/dev/null | tr '\000' '\n' | awk '/^source: / { n++ } n == 4' >got
printf 'source: doc-4\nhtml_title: T\n\nx\n\n' >exp
is_file got exp "from-jsonl --html=KEY: another member holds the HTML, and is no header"
printf '{"id":"x","html":7}\n' | from-jsonl >/dev/null 2>err
is $? 1 "from-jsonl: an html member that is not a string, and no text: exit status 1"
grep -q 'no "text" string member with the page text (nor "html" with its HTML)' err
ok $? "from-jsonl: ... said, naming both members"

# The scrape through the chain gives the fields the HTML file gives.
sed -n 1p scrape.jsonl | from-jsonl | strip-boilerplate --records | extract-meta | normalize-date |
	to-jsonl --array=agency,mention,warning,error,warc_lang,meta_author \
		--number=paragraph_count,word_count,char_count,similarity |
	jq -cS 'del(.source, .fetched)' >got
(cd "$HTML/kalbela" && khobor seed-000.html) | jq -cS 'del(.source)' >exp
is_file got exp "from-jsonl | ... | to-jsonl: the scrape's page gives the fields the HTML file gives"

# ---- the driver: a page file holding HTML ----
cp "$HTML/kalbela/seed-000.html" saved-page.txt
cp "$HTML/kalbela/seed-000.html" saved-page
khobor saved-page.txt | jq -cS 'del(.source)' >got
is_file got exp "khobor FILE.txt holding an HTML page: read through from-html, the same fields"
khobor saved-page | jq -cS 'del(.source)' >got
is_file got exp "khobor FILE (no extension) holding an HTML page: the same"
printf '\357\273\277\n\n  <HTML lang="bn">\n<p>এক</p>\n' >upper.txt
is "$(khobor upper.txt | jq -r .text)" "এক" "khobor: a BOM, blank lines, <HTML> in capitals: HTML"
printf '<htmlish> is not a tag name\n' >not.txt
is "$(khobor not.txt | jq -r .text)" "<htmlish> is not a tag name" "khobor: '<htmlish>' is text"
cp "$TOP/tests/sites/kalbela/seed-000.txt" text.txt
khobor saved-page.txt text.txt >/dev/null 2>err
is $? 2 "khobor: an HTML page file among text pages: exit status 2"
grep -q "^khobor: saved-page.txt: an HTML page (it begins with <html> or <!DOCTYPE html>) among text pages" err
ok $? "khobor: ... naming the file"
cp "$HTML/hard/amp.html" .
khobor saved-page amp.html | jq -r .source | tr '\n' ' ' >got
is "$(cat got)" "saved-page amp.html " "khobor: page files holding HTML and .html files go in one run"

done_testing
