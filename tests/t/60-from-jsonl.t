#!/bin/sh
# from-jsonl: JSON Lines in, one record per line out; and the line-in/line-out
# contract of the whole chain that Hadoop Streaming and Spark's RDD.pipe rely on.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

# Five seed pages, each twice, plus lines that are not pages, as JSON Lines.
python3 - "$SEEDS" >"$TMP/in.jsonl" <<'PY'
import glob, json, sys
pages = sorted(glob.glob(sys.argv[1] + "/*.txt"))
n = 0
for rnd in range(2):
    for p in pages:
        n += 1
        obj = {"url": "https://example.com/%d" % n, "text": open(p, encoding="utf-8").read(),
               "lang": "bn", "tags": ["a", "b"], "meta": {"x": 1}}
        print(json.dumps(obj, ensure_ascii=(n % 2 == 0)))
print("this line is not JSON")
print(json.dumps({"url": "https://example.com/no-text"}))
print(json.dumps({"text": "a page with no id"}))
PY
lines=$(wc -l <"$TMP/in.jsonl")

from-jsonl "$TMP/in.jsonl" >"$TMP/rec" 2>"$TMP/err"
is $? 1 "from-jsonl exits 1 when some lines are bad"
records=$(tr -cd '\000' <"$TMP/rec" | wc -c)
tr '\000' '\n' <"$TMP/rec" >"$TMP/rec.lines"
is "$records" "$lines" "one record per input line"
is "$(grep -c '^source: https://example.com/' "$TMP/rec.lines")" 11 "the url becomes the source header"
is "$(grep -c '^url: https://example.com/' "$TMP/rec.lines")" 11 "the url stays a header too (for site detection by host)"
is "$(grep -c '^tags: a$' "$TMP/rec.lines")" 10 "an array of strings becomes a repeated header"
is "$(grep -c '^meta:' "$TMP/rec.lines")" 0 "a nested object is not a header"
grep -q 'from-jsonl: .*in.jsonl:11: not a JSON object' "$TMP/err"
ok $? "a line that is not JSON is reported with file and line"
grep -q 'no "text" string member' "$TMP/err"
ok $? "a line without text is reported"
# A line with no id is its own source: its location is said once.
printf '{"title": "a"}\n' >"$TMP/noid.jsonl"
from-jsonl "$TMP/noid.jsonl" 2>"$TMP/noid.err" >/dev/null
is "$(cat "$TMP/noid.err")" "from-jsonl: $TMP/noid.jsonl:1: no \"text\" string member with the page text (nor \"html\" with its HTML)" \
	"a line with no text and no id: file and line said once"

# The contract: N lines in, N lines out, in order, each carrying its id.
from-jsonl "$TMP/in.jsonl" 2>/dev/null | strip-boilerplate --records 2>/dev/null |
	to-jsonl >"$TMP/out.jsonl" 2>/dev/null
is "$(wc -l <"$TMP/out.jsonl")" "$lines" "the chain gives one JSON line per input line"
jq -r '.source' "$TMP/out.jsonl" >"$TMP/ids.out"
{
	jq -r '.url // empty' "$TMP/in.jsonl" 2>/dev/null | head -n 10
	echo "$TMP/in.jsonl:11"
	echo "https://example.com/no-text"
	echo "$TMP/in.jsonl:13"
} >"$TMP/ids.expected"
is_file "$TMP/ids.out" "$TMP/ids.expected" "the lines come out in order, each with its id"
is "$(jq -r 'select(.source == "https://example.com/2") | .site' "$TMP/out.jsonl")" dhakadiplomat \
	"a page given as JSON is stripped like the file"

# The same page as a file and as a JSON line gives the same body.
strip-boilerplate "$SEEDS/001_0a39145c4c96ee7c.txt" | to-jsonl -f text >"$TMP/a"
jq -r 'select(.source == "https://example.com/2") | {text} | tojson' "$TMP/out.jsonl" >"$TMP/b"
jq -c . "$TMP/a" >"$TMP/a2"
is_file "$TMP/b" "$TMP/a2" "a page given as JSON is stripped exactly like the file"

# Options: another text member and id member, and a chosen set of headers.
printf '{"doc":"p1","body":"x","keep":"y","drop":"z"}\n' |
	from-jsonl --text=body --id=doc --keep=keep | tr '\000' '@' >"$TMP/o"
printf 'source: p1\nkeep: y\n\nx\n@' >"$TMP/o.expected"
is_file "$TMP/o" "$TMP/o.expected" "--text, --id and --keep choose the members"

printf '{"id":"a","text":"t"}\n' | from-jsonl -k x -x y >/dev/null 2>&1
is $? 2 "--keep and --exclude together are a usage error"

done_testing
