#!/bin/sh
# from-warc and HTML (issues 15 and 19): response and resource records of
# text/html, as CC-NEWS holds them, are rendered in-process as from-html
# renders them, with the same headers from the head; --lang ben keeps an
# HTML page without a language header by its <html lang>, else by the share
# of Bengali letters in its text; --stats counts both; and khobor reads a
# CC-NEWS-like WARC file end to end, giving the fields the HTML page gives.
# The pages are the HTML fixtures of tests/html/ (hand-written in the
# layouts of real outlets; see tests/html/README).
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

MK=$TOP/tests/wet/mkwarc.py
HTML=$TOP/tests/html
cd "$TMP" || exit 1

# A CC-NEWS-like file: no WARC-Identified-Content-Language on the responses,
# a request and a metadata record beside each, as a crawler writes them.
python3 - "$HTML" >ccnews.json <<'PY'
import json, sys
h = sys.argv[1]
def page(p):
    return open(h + "/" + p, encoding="utf-8").read()
def http(body, ct="text/html; charset=UTF-8"):
    return "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nX-Crawler-Content-Encoding: gzip\r\n\r\n" % ct + body
def resp(n, uri, block, extra=(), pt="text/html"):
    hs = [["WARC-Type", "response"], ["WARC-Target-URI", uri], ["WARC-Date", "2024-10-06T10:00:0%dZ" % (n % 10)],
          ["WARC-Record-ID", "<urn:uuid:%04d>" % n], ["Content-Type", "application/http; msgtype=response"]]
    if pt:
        hs.append(["WARC-Identified-Payload-Type", pt])
    return {"headers": hs + list(extra), "block": block}
english = "<!DOCTYPE html><html%s><head><title>Rain in the north</title></head><body><p>Heavy rain fell in the north on Sunday, the weather office said.</p></body></html>"
recs = [
 {"headers": [["WARC-Type", "warcinfo"], ["WARC-Record-ID", "<urn:uuid:0000>"],
   ["Content-Type", "application/warc-fields"]], "block": "software: a test\r\nisPartOf: CC-NEWS\r\n"},
 {"headers": [["WARC-Type", "request"], ["WARC-Target-URI", "https://www.kalbela.com/national/99"],
   ["WARC-Record-ID", "<urn:uuid:0001>"], ["Content-Type", "application/http; msgtype=request"]],
  "block": "GET /national/99 HTTP/1.1\r\nHost: www.kalbela.com\r\n\r\n"},
 resp(2, "https://www.kalbela.com/national/99", http(page("kalbela/seed-000.html"))),
 {"headers": [["WARC-Type", "metadata"], ["WARC-Target-URI", "https://www.kalbela.com/national/99"],
   ["WARC-Record-ID", "<urn:uuid:0003>"], ["Content-Type", "application/warc-fields"]], "block": "fetchTimeMs: 120\r\n"},
 resp(4, "https://news.example.com/weather/1", http(english % ' lang="en-US"')),
 resp(5, "https://www.dhakadiplomat.com/news/4721", http(page("dhakadiplomat/seed-001.html")), pt=None),
 resp(6, "https://news.example.com/weather/2", http(english % "")),
 {"headers": [["WARC-Type", "resource"], ["WARC-Target-URI", "file:///saved/graph.html"],
   ["WARC-Record-ID", "<urn:uuid:0007>"], ["Content-Type", "text/html; charset=utf-8"]],
  "block": page("hard/jsonld-graph.html")},
 resp(8, "https://news.example.com/bn/3", http(page("hard/utc-as-local.html")), [["WARC-Identified-Content-Language", "eng"]]),
 resp(9, "https://news.example.com/bn/4", http(page("hard/utc-as-local.html")), [["WARC-Identified-Content-Language", "ben,eng"]]),
 resp(10, "https://news.example.com/logo.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG", pt="image/png"),
]
legacy = resp(11, "https://old.example.com/a", "", pt=None)
del legacy["block"]
legacy["hex"] = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<p>caf\xe9 &#2453;</p>").hex()
recs.append(legacy)
# Bengali in numeric references only, in a windows-1252 page: no Bengali byte, but Bengali letters.
ncr = resp(12, "https://old.example.com/b", "", pt=None)
del ncr["block"]
ncr["hex"] = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<p>&#2453;&#x9B2;&#2478; ab</p>").hex()
recs.append(ncr)
json.dump(recs, sys.stdout, ensure_ascii=False)
PY
python3 "$MK" ccnews.json ccnews.warc.gz member >offsets

# ids FILE: the record ids (the last 4 digits) of the records of a record stream, in order.
ids() {
	tr -d '\r' <"$1" | grep -a '^warc_record_id:' | sed 's/warc_record_id: <urn:uuid:\(....\)>/\1/' | tr '\n' ' '
}

from-warc ccnews.warc.gz >all 2>err
is $? 0 "no --lang: exit status 0"
is "$(ids all)" "0002 0004 0005 0006 0007 0008 0009 0011 0012 " \
	"no --lang: every HTML response and resource kept; warcinfo, request, metadata and the PNG skipped"
is_file err /dev/null "no --lang: nothing on stderr"

# The record is from-html's rendering of the same page, with --url the target URI.
tr '\000' '\n' <all | awk '/^source: ccnews.warc.gz@/ { n++ } n == 1' |
	grep -v -e '^source:' -e '^crawl_date:' -e '^warc_record_id:' >got
from-html --url=https://www.kalbela.com/national/99 "$HTML/kalbela/seed-000.html" | tr '\000' '\n' |
	grep -v '^source:' >exp
is_file got exp "an HTML response: the body and head headers from-html gives (the canonical link replaces the target URI)"
tr '\000' '\n' <all | awk '/^source: ccnews.warc.gz@/ { n++ } n == 5' | grep -c '^meta_author:' >n
is "$(cat n)" 2 "an HTML resource record: rendered too (its JSON-LD authors as meta_author)"
tr '\000' '\n' <all | awk '/^source: ccnews.warc.gz@/ { n++ } n == 8' | sed '1,/^$/d' >got
printf 'café ক\n\n' >exp
is_file got exp "the HTTP header's charset (windows-1252) decodes the page"

# --lang ben: the WARC language header decides where there is one; else <html lang>; else the letters.
from-warc --lang ben --stats ccnews.warc.gz >kept.ben 2>err
is $? 0 "--lang ben: exit status 0"
is "$(ids kept.ben)" "0002 0005 0007 0009 0012 " \
	"--lang ben: lang=bn and lang=bn-BD kept, lang=en-US skipped, no lang: kept by Bengali letters (in references too), the language header first"
sed "s/(inflater: [a-z-]*)/(inflater: X)/" err >err.n
cat >err.exp <<'TXT'
from-warc: 1 file, 13 records read, 5 kept (inflater: X)
  kept, HTML pages rendered                        5
  skipped, warcinfo                                1
  skipped, request                                 1
  skipped, metadata                                1
  skipped, response, not text or HTML              1
  skipped, by language                             1 (0 with no language)
  skipped, HTML, by its language                   3 (1 by <html lang>, 2 by the share of Bengali letters, 1 of them with none and not rendered)
  damage reported                                  0
TXT
is_file err.n err.exp "--lang ben --stats: HTML pages rendered, and skipped by <html lang> and by their letters"
from-warc --lang eng ccnews.warc.gz >kept.eng 2>/dev/null
is "$(ids kept.eng)" "0004 0008 0009 " \
	"--lang eng: lang=en-US kept; no lang attribute and no language header: skipped (the letter share is for ben)"

# khobor: a CC-NEWS-like file end to end, the same fields as the HTML page alone.
khobor --lang ben ccnews.warc.gz >out.jsonl 2>err
is $? 0 "khobor --lang ben FILE.warc.gz: exit status 0"
is "$(jq -r .site out.jsonl | tr '\n' ' ')" "kalbela dhakadiplomat default default default " \
	"khobor: one article per Bengali page, its site found"
jq -cS 'select(.site == "kalbela") | del(.source, .crawl_date, .warc_record_id)' out.jsonl >got
(cd "$HTML/kalbela" && khobor seed-000.html) | jq -cS 'del(.source)' >exp
is_file got exp "khobor: the kalbela page from the WARC file gives what the HTML file gives"
jq -cS 'select(.site == "dhakadiplomat") | del(.source, .crawl_date, .warc_record_id, .url)' out.jsonl >got
(cd "$HTML/dhakadiplomat" && khobor seed-001.html) | jq -cS 'del(.source, .url)' >exp
is_file got exp "khobor: the dhakadiplomat page from the WARC file gives what the HTML file gives"

done_testing
