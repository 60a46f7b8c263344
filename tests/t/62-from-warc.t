#!/bin/sh
# from-warc: WARC and WET files in, one record per page of text out (issue 15).
# Good files in the three framings (plain, a gzip member per record, one gzip
# stream), which records are kept and which skipped, --lang, --stats, and
# bin/khobor reading .wet.gz arguments through from-warc.  The damage cases
# are in 63-from-warc-damage.t.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

MK=$TOP/tests/wet/mkwarc.py
cd "$TMP" || exit 1

# Every kind of record a WARC file holds, as Common Crawl and others write them.
# Header names in odd case and an unknown header: headers are read by name.
cat >good.json <<'EOF'
[
 {"headers": [["WARC-Type", "warcinfo"], ["WARC-Date", "2024-10-17T01:02:03Z"],
   ["WARC-Record-ID", "<urn:uuid:0000>"], ["Content-Type", "application/warc-fields"]],
  "block": "software: a test\r\nisPartOf: TEST-2024\r\n"},
 {"headers": [["WARC-Type", "conversion"], ["WARC-Target-URI", "https://example.com/a"],
   ["WARC-Date", "2024-10-05T01:02:03Z"], ["WARC-Record-ID", "<urn:uuid:0001>"],
   ["WARC-Refers-To", "<urn:uuid:1001>"], ["WARC-Block-Digest", "sha1:AAAA"],
   ["WARC-Identified-Content-Language", "eng"], ["Content-Type", "text/plain"]],
  "block": "An English page\nwith two lines\n"},
 {"headers": [["WARC-Type", "conversion"], ["WARC-Target-URI", "https://www.kalbela.com/national/7"],
   ["WARC-Date", "2024-10-06T10:00:00Z"], ["WARC-Record-ID", "<urn:uuid:0002>"],
   ["WARC-Identified-Content-Language", "ben"], ["Content-Type", "text/plain"]],
  "block": "শিরোনাম | কালবেলা\r\nনদীর পানি বাড়ছে, বাঁধে আশ্রয়\u00a0নিচ্ছে মানুষ।  \r\n\tদ্বিতীয়\u09df লাইন\n"},
 {"headers": [["warc-type", "conversion"], ["WARC-Foo-Added-Later", "x"],
   ["warc-target-uri", "https://example.org/b"], ["warc-date", "2024-10-07T00:00:00Z"],
   ["warc-record-id", "<urn:uuid:0003>"], ["warc-identified-content-language", "ben,eng"],
   ["content-type", "text/plain"]],
  "block": "দুই ভাষার পাতা\nA page in two languages\n"},
 {"headers": [["WARC-Type", "request"], ["WARC-Target-URI", "https://example.com/a"],
   ["WARC-Record-ID", "<urn:uuid:0004>"], ["Content-Type", "application/http; msgtype=request"]],
  "block": "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n"},
 {"headers": [["WARC-Type", "metadata"], ["WARC-Target-URI", "https://example.com/a"],
   ["WARC-Record-ID", "<urn:uuid:0005>"], ["Content-Type", "application/warc-fields"]],
  "block": "fetchTimeMs: 120\r\n"},
 {"headers": [["WARC-Type", "resource"], ["WARC-Target-URI", "file:///notes.txt"],
   ["WARC-Date", "2024-10-08T00:00:00Z"], ["WARC-Record-ID", "<urn:uuid:0006>"],
   ["Content-Type", "text/plain; charset=utf-8"]],
  "block": "a text resource\n"},
 {"headers": [["WARC-Type", "resource"], ["WARC-Target-URI", "file:///pic.png"],
   ["WARC-Record-ID", "<urn:uuid:0007>"], ["Content-Type", "image/png"]],
  "hex": "89504e470d0a1a0a0000"},
 {"headers": [["WARC-Type", "response"], ["WARC-Target-URI", "https://example.net/robots.txt"],
   ["WARC-Date", "2024-10-09T00:00:00Z"], ["WARC-Record-ID", "<urn:uuid:0008>"],
   ["WARC-Identified-Content-Language", "eng"],
   ["Content-Type", "application/http; msgtype=response"]],
  "block": "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 26\r\n\r\nUser-agent: *\nDisallow: /\n"},
 {"headers": [["WARC-Type", "response"], ["WARC-Target-URI", "https://example.net/"],
   ["WARC-Record-ID", "<urn:uuid:0009>"], ["Content-Type", "application/http; msgtype=response"]],
  "block": "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>hello</p></html>"},
 {"version": "1.1",
  "headers": [["WARC-Type", "conversion"], ["WARC-Target-URI", "https://example.com/c"],
   ["WARC-Date", "2024-10-10T00:00:00.123456Z"], ["WARC-Record-ID", "<urn:uuid:0010>"],
   ["Content-Type", "text/plain"]],
  "block": "a WARC/1.1 page with no language header\n"}
]
EOF
python3 "$MK" good.json good.warc plain >off.plain
python3 "$MK" good.json good.warc.gz member >off.member
python3 "$MK" good.json good.stream.warc.gz stream >/dev/null

# expected FILE OFFSETS...: the records from-warc must give for good.json.
expected() {
	f=$1
	shift
	printf 'source: %s@%s\nurl: https://example.com/a\ncrawl_date: 2024-10-05T01:02:03Z\n' "$f" "$2"
	printf 'warc_record_id: <urn:uuid:0001>\nwarc_lang: eng\n\nAn English page\nwith two lines\n\0'
	printf 'source: %s@%s\nurl: https://www.kalbela.com/national/7\ncrawl_date: 2024-10-06T10:00:00Z\n' "$f" "$3"
	# NBSP and tab become spaces, CRLF becomes LF, trailing blanks go, য় is decomposed (NFC).
	printf 'warc_record_id: <urn:uuid:0002>\nwarc_lang: ben\n\n'
	printf 'শিরোনাম | কালবেলা\nনদীর পানি বাড়ছে, বাঁধে আশ্রয় নিচ্ছে মানুষ।\n দ্বিতীয়\340\246\257\340\246\274 লাইন\n\0'
	printf 'source: %s@%s\nurl: https://example.org/b\ncrawl_date: 2024-10-07T00:00:00Z\n' "$f" "$4"
	printf 'warc_record_id: <urn:uuid:0003>\nwarc_lang: ben\nwarc_lang: eng\n\nদুই ভাষার পাতা\nA page in two languages\n\0'
	printf 'source: %s@%s\nurl: file:///notes.txt\ncrawl_date: 2024-10-08T00:00:00Z\n' "$f" "$7"
	printf 'warc_record_id: <urn:uuid:0006>\n\na text resource\n\0'
	printf 'source: %s@%s\nurl: https://example.net/robots.txt\ncrawl_date: 2024-10-09T00:00:00Z\n' "$f" "$9"
	printf 'warc_record_id: <urn:uuid:0008>\nwarc_lang: eng\n\nUser-agent: *\nDisallow: /\n\0'
	# An HTML response is rendered as from-html renders it (68-from-warc-html.t has more).
	printf 'source: %s@%s\nurl: https://example.net/\nwarc_record_id: <urn:uuid:0009>\n\nhello\n\0' "$f" "${10}"
	printf 'source: %s@%s\nurl: https://example.com/c\ncrawl_date: 2024-10-10T00:00:00.123456Z\n' "$f" "${11}"
	printf 'warc_record_id: <urn:uuid:0010>\n\na WARC/1.1 page with no language header\n\0'
}

# shellcheck disable=SC2046 # one offset per word
expected good.warc $(cat off.plain) >exp.plain
# shellcheck disable=SC2046
expected good.warc.gz $(cat off.member) >exp.member

from-warc good.warc >out 2>err
is $? 0 "plain WARC: exit status 0"
is_file out exp.plain "plain WARC: conversion, text/plain resource and response records, cleaned; HTML rendered; the rest skipped"
is_file err /dev/null "plain WARC: nothing on stderr"

from-warc good.warc.gz >out 2>err
is $? 0 "a gzip member per record: exit status 0"
is_file out exp.member "a gzip member per record: the same records, each at its member's offset"
is_file err /dev/null "a gzip member per record: nothing on stderr"

# One gzip stream: a record is "member offset + bytes into its data".
from-warc good.stream.warc.gz >out 2>err
is $? 0 "one gzip stream: exit status 0"
sed 's/source: good.stream.warc.gz@0+/source: good.warc@/g' out >out.renamed
is_file out.renamed exp.plain "one gzip stream: the same records, at 0+OFFSET into the stream"
grep -a '^source:' out | head -n 1 >src
printf 'source: good.stream.warc.gz@0+%s\n' "$(sed -n 2p off.plain)" >src.exp
is_file src src.exp "one gzip stream: the source says where in the stream"

# Standard input, and the offsets lead back to the records.
from-warc - <good.warc.gz >out 2>err
sed 's/source: -@/source: good.warc.gz@/g' out >out.renamed
is_file out.renamed exp.member "standard input (a pipe, not a mapped file): the same records"
off=$(sed -n 3p off.member)
tail -c +$((off + 1)) good.warc.gz | gzip -dc 2>/dev/null | head -n 4 | tr -d '\r' >back
printf 'WARC/1.0\nWARC-Type: conversion\nWARC-Target-URI: https://www.kalbela.com/national/7\nWARC-Date: 2024-10-06T10:00:00Z\n' >back.exp
is_file back back.exp "the offset in source leads back to the record (tail -c +OFFSET+1 FILE | gzip -dc)"

# ---- --lang -------------------------------------------------------------

from-warc --lang ben good.warc.gz >out 2>err
is $? 0 "--lang ben: exit status 0"
is "$(grep -a '^warc_record_id:' out | tr '\n' ' ')" \
	"warc_record_id: <urn:uuid:0002> warc_record_id: <urn:uuid:0003> " \
	"--lang ben: the records whose languages include ben, no others"
from-warc --lang=ENG,ben good.warc >out
is "$(grep -a '^warc_record_id:' out | tr '\n' ' ')" \
	"warc_record_id: <urn:uuid:0001> warc_record_id: <urn:uuid:0002> warc_record_id: <urn:uuid:0003> warc_record_id: <urn:uuid:0008> " \
	"--lang=ENG,ben: either language, in any case; records without a language are skipped"

# ---- --stats ------------------------------------------------------------

from-warc --stats --lang ben good.warc.gz >/dev/null 2>err
sed "s/(inflater: [a-z-]*)/(inflater: X)/" err >err.n
cat >err.exp <<'EOF'
from-warc: 1 file, 11 records read, 2 kept (inflater: X)
  skipped, warcinfo                                1
  skipped, request                                 1
  skipped, metadata                                1
  skipped, resource, not text or HTML              1
  skipped, by language                             4 (2 with no language)
  skipped, HTML, by its language                   1 (0 by <html lang>, 1 by the share of Bengali letters, 1 of them with none and not rendered)
  damage reported                                  0
EOF
is_file err.n err.exp "--stats: read, kept, skipped by type and by language (the first reason counts), damaged"
from-warc --stats good.warc >/dev/null 2>err
grep -q '^  kept, HTML pages rendered  *1$' err
ok $? "--stats: an HTML response is counted as rendered"

# ---- the driver -----------------------------------------------------------

cp good.warc.gz pages.wet.gz
cp good.warc pages.warc
khobor pages.wet.gz >out.jsonl 2>err
is $? 0 "khobor FILE.wet.gz: exit status 0"
is "$(wc -l <out.jsonl | tr -d ' ')" 7 "khobor FILE.wet.gz: one JSON line per page of text or HTML"
is "$(jq -r 'select(.warc_record_id == "<urn:uuid:0002>") | [.url, .crawl_date, (.warc_lang | join(",")), .site] | join(" ")' out.jsonl)" \
	"https://www.kalbela.com/national/7 2024-10-06T10:00:00Z ben kalbela" \
	"khobor FILE.wet.gz: url, crawl_date and warc_lang (an array) reach the JSON; the url's host finds the site"
khobor pages.warc pages.wet.gz >out2.jsonl 2>/dev/null
is "$(wc -l <out2.jsonl | tr -d ' ')" 14 "khobor FILE.warc FILE.wet.gz: both read through from-warc"
printf 'a page\n' >page.txt
khobor page.txt pages.wet.gz >out3.jsonl 2>err
is $? 2 "khobor: page files and WARC files together are a usage error"
grep -q 'WARC files and page files' err
ok $? "khobor: ... with a message saying so"

# ---- usage --------------------------------------------------------------

from-warc --max-record=12 good.warc >/dev/null 2>err
is $? 2 "--max-record below 1K: usage error"
from-warc --bogus good.warc >/dev/null 2>err
is $? 2 "unknown option: usage error"
from-warc no-such-file.warc >/dev/null 2>err
is $? 1 "a FILE that cannot be read: exit status 1"
grep -q 'from-warc: no-such-file.warc: No such file or directory' err
ok $? "a FILE that cannot be read: said with its name"

done_testing
