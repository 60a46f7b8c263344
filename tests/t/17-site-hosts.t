#!/bin/sh
# tests/t/17-site-hosts.t: detection by a record's url header (issue 11).
#
# A site file may list its host names under 'hosts:'.  strip-boilerplate
# --records looks the host of a record's url header up among them before it
# tries any site's match patterns; a host no site lists falls through to
# detection by content.  A site header, and -s, still come first.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

K0=$SEEDS/000_b6825d0d03b8bef4.txt	# Kalbela
D1=$SEEDS/001_0a39145c4c96ee7c.txt	# Dhaka Diplomat
PLAIN='এটি একটি অনুচ্ছেদ, কোনো সাইটের চিহ্ন ছাড়া।'

# rec URL [FILE]: a record with that url header and FILE (or $PLAIN) as page.
rec() {
	printf 'url: %s\n\n' "$1"
	if [ -n "${2:-}" ]; then cat "$2"; else printf '%s\n' "$PLAIN"; fi
	printf '\0'
}

# site_of: the site header of each record on stdin, one a line.
site_of() {
	tr '\0' '\n' | sed -n 's/^site: //p'
}

# The page text matches no site: without a url it is the default's.
rec "" | strip-boilerplate --records 2>/dev/null | site_of >"$TMP/got"
is "$(cat "$TMP/got")" "default" "(a page of plain text, no url: site default)"

{
	rec "https://www.kalbela.com/national/123456"
	rec "http://kalbela.com/x?a=1#top"
	rec "HTTPS://WWW.Kalbela.COM:443/x"
	rec "https://user@www.kalbela.com./x"
	rec "//www.prothomalo.com/bangladesh/abc"
	rec "https://dhakadiplomat.com/news/1" "$K0"
} | strip-boilerplate --records >"$TMP/h.rec" 2>"$TMP/h.err"
ok $? "pages found by their url host: status 0"
site_of <"$TMP/h.rec" >"$TMP/got"
printf '%s\n' kalbela kalbela kalbela kalbela prothomalo dhakadiplomat >"$TMP/exp"
is_file "$TMP/got" "$TMP/exp" "the url host decides, whatever the text: www. or not, any case, a port, a user, a final dot, no scheme"
is "$(wc -c <"$TMP/h.err")" 0 "pages found by their url host: nothing on stderr"

{
	rec "https://www.example.org/news/1"
	rec "https://www.example.org/news/2" "$K0"
	rec "https://www.example.org/news/3" "$D1"
	rec "not a url at all" "$K0"
	rec "mailto:someone@kalbela.com" "$D1"
} | strip-boilerplate --records 2>/dev/null | site_of >"$TMP/got"
printf '%s\n' default kalbela dhakadiplomat kalbela dhakadiplomat >"$TMP/exp"
is_file "$TMP/got" "$TMP/exp" "a host no site lists, or no host: detected by the text"

# A page found by its host is stripped by that site's rules, as -s gives it.
rec "https://www.kalbela.com/x" "$K0" | strip-boilerplate --records 2>/dev/null | tr -d '\0' | sed '1,/^$/d' >"$TMP/b.got"
strip-boilerplate -s kalbela "$K0" 2>/dev/null | tr -d '\0' | sed '1,/^$/d' >"$TMP/b.exp"
is_file "$TMP/b.got" "$TMP/b.exp" "a page found by its host: stripped by the site's rules"

# A site header, then -s, come before the host.
{ printf 'site: dhakadiplomat\n'; rec "https://www.kalbela.com/x"; } | strip-boilerplate --records 2>/dev/null | site_of >"$TMP/got"
is "$(cat "$TMP/got")" "dhakadiplomat" "a site header comes before the url host"
rec "https://www.kalbela.com/x" | strip-boilerplate --records -s prothomalo 2>/dev/null | site_of >"$TMP/got"
is "$(cat "$TMP/got")" "prothomalo" "-s comes before the url host"

# A page file is no record: it has no url header to look at.
printf 'url: https://www.kalbela.com/x\n\n%s\n' "$PLAIN" >"$TMP/page.txt"
strip-boilerplate "$TMP/page.txt" 2>/dev/null | site_of >"$TMP/got"
is "$(cat "$TMP/got")" "default" "a page file's text 'url: ...' is no url header"

# ---- hosts in a site file of one's own ----

R=$TMP/rules
mkdir -p "$R/sites"
cp "$RULES/default.yaml" "$R/"
# hosts: after the strip section, where the head that detection reads ends.
cat >"$R/sites/late.yaml" <<'EOF'
match: '(?m)^NEVER IN A PAGE$'
strip:
  drop:
    - id: nothing
      pattern: '^NEVER$'
hosts:
  - news.example.com
EOF
# Two sites list one host: the first by file name has it.
cat >"$R/sites/one.yaml" <<'EOF'
match: '(?m)^NEVER IN A PAGE EITHER$'
hosts: [shared.example.com]
EOF
cat >"$R/sites/two.yaml" <<'EOF'
match: '(?m)^NEVER IN A PAGE AT ALL$'
hosts: shared.example.com
EOF
{
	rec "https://news.example.com/a"
	rec "https://shared.example.com/b"
} | strip-boilerplate -r "$R" --records 2>/dev/null | site_of >"$TMP/got"
printf '%s\n' late one >"$TMP/exp"
is_file "$TMP/got" "$TMP/exp" "hosts after the strip section are found; of two sites with one host, the first by name"
strip-boilerplate -r "$R" --check-rules >"$TMP/c.out" 2>"$TMP/c.err"
is "$? $(wc -c <"$TMP/c.err")" "0 0" "good hosts: --check-rules is content"

cat >"$R/sites/bad.yaml" <<'EOF'
match: '(?m)^BAD$'
hosts:
  - www.example.net
  - https://www.example.net/
  - [nested]
EOF
strip-boilerplate -r "$R" --check-rules >/dev/null 2>"$TMP/bad.err"
is $? 2 "a bad hosts list: --check-rules exits 2"
printf '%s\n' "strip-boilerplate: $R/sites/bad.yaml:5:5: each item of 'hosts' must be a string" >"$TMP/bad.exp"
head -n 1 "$TMP/bad.err" >"$TMP/bad.got"
is_file "$TMP/bad.got" "$TMP/bad.exp" "a list in the hosts list: the message says where"
sed -i '/\[nested\]/d' "$R/sites/bad.yaml"
strip-boilerplate -r "$R" --check-rules >/dev/null 2>"$TMP/bad.err"
is $? 2 "a URL in the hosts list: --check-rules exits 2"
is "$(cat "$TMP/bad.err")" \
	"strip-boilerplate: $R/sites/bad.yaml:4:5: 'https://www.example.net/' is not a host name: write it as www.example.com, or as www.example.com/section for the pages under a path, with no scheme, port or query" \
	"a URL in the hosts list: the message names it and says what to write"
for bad in 'www.example.net/a b' 'www.example.net//x' 'www.example.net/?q=1' 'www.example.net/#top'; do
	printf "match: '(?m)^BAD\$'\nhosts: ['%s']\n" "$bad" >"$R/sites/bad.yaml"
	strip-boilerplate -r "$R" --check-rules >/dev/null 2>"$TMP/bad.err"
	is "$? $(grep -c 'is not a host name' "$TMP/bad.err")" "2 1" "a bad path in a hosts entry ('$bad'): exit 2, one message"
done
rm "$R/sites/bad.yaml"

# ---- a host with a path: one language of a host that serves many ----

cat >"$R/sites/bengali.yaml" <<'EOF'
match: '(?m)^NEVER IN A BENGALI PAGE$'
hosts: [www.worldnews.example/bengali/, m.worldnews.example/bengali]
EOF
cat >"$R/sites/tamil.yaml" <<'EOF'
match: '(?m)^NEVER IN A TAMIL PAGE$'
hosts: [www.worldnews.example/tamil]
EOF
cat >"$R/sites/sport.yaml" <<'EOF'
match: '(?m)^NEVER IN A SPORT PAGE$'
hosts: [www.worldnews.example/bengali/sport]
EOF
cat >"$R/sites/world.yaml" <<'EOF'
match: '(?m)^NEVER IN A WORLD PAGE$'
hosts: [www.worldnews.example]
EOF
{
	rec "https://www.worldnews.example/bengali/news-123"
	rec "https://WWW.WorldNews.example:443/bengali?x=1"
	rec "https://m.worldnews.example/bengali/a/b#c"
	rec "https://www.worldnews.example/bengali/sport/7"
	rec "https://www.worldnews.example/bengalisport/7"
	rec "https://www.worldnews.example/tamil/1"
	rec "https://www.worldnews.example/english/1"
	rec "https://www.worldnews.example"
	rec "https://m.worldnews.example/tamil/1"
	rec "https://www.worldnews.example/Bengali/1"
} | strip-boilerplate -r "$R" --records 2>/dev/null | site_of >"$TMP/got"
printf '%s\n' bengali bengali bengali sport world tamil world world default world >"$TMP/exp"
is_file "$TMP/got" "$TMP/exp" "a host with a path: its pages, the longest path first, whole segments, case in the path counts"
rec "https://www.worldnews.example/bengali/sport/7" | strip-boilerplate -r "$R" --records --claims 2>/dev/null |
	tr '\0' '\n' | sed -n 's/^claims: //p' >"$TMP/got"
is "$(cat "$TMP/got")" "sport:hosts" "--claims: the site a path entry finds"
strip-boilerplate -r "$R" --check-rules >/dev/null 2>"$TMP/c.err"
is "$? $(wc -c <"$TMP/c.err")" "0 0" "hosts with paths: --check-rules is content"
rm "$R"/sites/bengali.yaml "$R"/sites/tamil.yaml "$R"/sites/sport.yaml "$R"/sites/world.yaml

# The real sites of hosts that serve many languages.
{
	rec "https://www.bbc.com/bengali/news-48233652"
	rec "https://www.dw.com/bn/a-16838537"
	rec "https://zeenews.india.com/bengali/nation/1"
	rec "https://www.bbc.com/news/world-1"
	rec "https://zeenews.india.com/hindi/india/1"
} | strip-boilerplate --records 2>/dev/null | site_of >"$TMP/got"
printf '%s\n' bbc-bangla dw-bangla zee24ghanta default default >"$TMP/exp"
is_file "$TMP/got" "$TMP/exp" "BBC Bangla, DW Bangla and Zee 24 Ghanta by their paths; the hosts' other languages not"

cat >"$R/sites/bad.yaml" <<'EOF'
match: '(?m)^BAD$'
hosts:
  - www.example.net
  - https://www.example.net/
EOF
# In a run, the broken file is said on the records it might have been for.
rec "https://www.example.net/x" | strip-boilerplate -r "$R" --records >"$TMP/r.rec" 2>/dev/null
is $? 2 "a broken hosts list met in a run: status 2"
grep -q "^error: strip-boilerplate: rules of site bad are broken ($R/sites/bad.yaml): not tried for this page\$" "$TMP/r.rec"
ok $? "a broken hosts list met in a run: the record says so"
is "$(site_of <"$TMP/r.rec")" "default" "a broken hosts list met in a run: the page goes on to content detection"

done_testing
