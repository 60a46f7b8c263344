#!/bin/sh
# extract-meta: golden records of every site fixture (strip-boilerplate |
# extract-meta), the default fields on the seed pages, the field engine on a
# small site made for the test, --explain, --check-rules, broken and slow
# rules, and records it must pass on.  See tests/golden/extract-meta/README.
# shellcheck source=/dev/null
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1
G=tests/golden/extract-meta

# ---- golden records, in a UTF-8 locale and in the C locale ----

for loc in C.UTF-8 C; do
	for page in tests/sites/*/*.txt; do
		n=$(basename "$page" .txt)
		if [ ! -f "$G/$n.out" ]; then
			ok 1 "$page has a golden record $G/$n.out (write it by reading the page, then review it line by line)"
			continue
		fi
		LC_ALL=$loc strip-boilerplate "$page" | LC_ALL=$loc extract-meta >"$TMP/$n.out" 2>"$TMP/$n.err"
		is_file "$TMP/$n.out" "$G/$n.out" "$n ($loc): headers and body as in $G/$n.out"
		[ ! -s "$TMP/$n.err" ]
		ok $? "$n ($loc): nothing on stderr"
	done
	# The default fields on the seed pages, their own site rules switched off.
	for page in tests/sites/*/seed-*.txt; do
		n=$(basename "$page" .txt)
		[ -f "$G/default-$n.out" ] || continue
		LC_ALL=$loc strip-boilerplate -s default "$page" | LC_ALL=$loc extract-meta >"$TMP/d-$n.out" 2>&1
		is_file "$TMP/d-$n.out" "$G/default-$n.out" "$n ($loc), default fields: as in $G/default-$n.out"
	done
done

# The golden files themselves: a body with a header line or a credit left in
# it would mean a golden file was regenerated without being read.
for f in "$G"/*.out; do
	sed '1,/^$/d' "$f" | tr -d '\000' >"$TMP/body"
	# shellcheck disable=SC1112 # the Bengali genitive is written with a typographic apostrophe
	grep -nE '^(প্রকাশ|আপডেট) ?:|^অনলাইন সংস্করণ$|ছবি ?:|খবর [^ ]+’র।|[।] ?- ?বাসস$|^সূত্র ?:|^  *[0-9]+ [A-Z][a-z]+ [0-9]{4}, ' \
	    "$TMP/body" >"$TMP/left"
	[ ! -s "$TMP/left" ]
	ok $? "${f##*/}: no byline, date, edition, caption or credit left in the body"
	sed 's/^/# /' "$TMP/left"
	head -n 1 "$f" | grep -q '^source: '
	ok $? "${f##*/}: a record (starts with the source header)"
done

# --explain says nothing on stdout: the records are the same with it.
strip-boilerplate tests/sites/kalbela/seed-004.txt >"$TMP/s4.rec"
extract-meta --explain "$TMP/s4.rec" >"$TMP/s4.out" 2>"$TMP/s4.err"
is_file "$TMP/s4.out" "$G/seed-004.out" "--explain: stdout is the same record"
grep -q 'kalbela/fields\[[0-9]*\] agency (sources): agency "এএফপি" from "সূত্র: কেসিএনএ, এএফপি, আল জাজিরা" (cut out of the line)$' "$TMP/s4.err"
ok $? "--explain: a value, its rule and the text it came from"
grep -q 'kalbela/fields\[[0-9]*\] image_caption (caption-alone): no image_caption: no match in the first line after the .title. line$' "$TMP/s4.err"
ok $? "--explain: a field not found, and the rule that tried"

# ---- the field engine, on a site made for the test ----

mkdir -p "$TMP/r/sites"
echo 'lang: [bn]' >"$TMP/r/default.yaml"
cat >"$TMP/r/sites/t.yaml" <<'EOF'
# A site for the tests of the field engine, in ASCII so that the expectations read easily.
match: ['^never$']
lang: [xx, en]
fields:
  - name: date
    head: 3
    pattern: '^Date (?<value>\d{4})$'
  - name: author
    before: date
    tail: 1
    clean: [colon, squeeze]
    pattern: '^by: (?<value>.+)$'
  - name: title
    after: date
    head: 1
    required: true
    pattern: '^(?<value>.+)$'
  - name: caption
    id: pic
    also: credit
    after: title
    head: 1
    clean: [trailing-punct]
    pattern: '^(?<value>.+?) PIC: (?<credit>.+)$'
  - name: agency
    list: true
    consume: match
    split: ',\s*|\s+and\s+'
    clean: [trailing-punct]
    pattern: ' ?CREDIT: (?<value>[^.]+)\.'
  - name: agency
    list: true
    consume: match
    drop_suffix: ["'s", "s"]
    pattern: ' NEWS OF (?<value>\S+)\.'
  - name: last
    tail: 3
    consume: none
    pattern: '^(?<value>para \w+)'
  - name: late
    until: '^para'
    pattern: '^(?<value>junk)$'
  - name: missing
    required: true
    pattern: '^NOPE$'
EOF
printf 'source: t1\nsite: t\n\nHEAD: alpha\nby: Someone   Else :\nDate 2024\n\nTitle   line here\n\nPhoto caption. PIC: Agency One.\n\npara one ends. CREDIT: Reuters, AFP and AP.\n\npara two ends. NEWS OF AFP'"'"'s.\n\npara three CREDIT: Xinhua. goes on.\n\njunk\n\0' >"$TMP/t1.rec"
printf 'source: t2\nsite: t\n\nby: X\nno date here\n\0' >"$TMP/t2.rec"
# What each rule should do, worked out by hand:
#   date      the first of the first 3 lines that matches; line consumed
#   author    the line right above the date line; trailing colon dropped, spaces squeezed
#   title     the line after the date line; its spaces kept as printed
#   caption   'also' writes credit from its own group; trailing punctuation dropped
#   agency    split on commas and "and"; each match cut out of its line, the
#             sentence before it kept; "AFP's" loses its suffix, and is a duplicate:
#             not written twice, but cut out all the same
#   last      a tail window is searched from its end: "para three", not "para one"; kept
#   late      'until' ends the window at the first paragraph: junk is not seen
#   missing   required and not found: a warning; no header
# Headers come in the order of the lines they came from, and within a line
# by position ("last" at 0 comes before "Xinhua").
printf '%s\n' 'source: t1' 'site: t' 'author: Someone Else' 'date: 2024' 'title: Title   line here' \
    'caption: Photo caption' 'credit: Agency One' 'agency: Reuters' 'agency: AFP' 'agency: AP' \
    'last: para three' 'agency: Xinhua' 'warning: extract-meta: no missing' 'lang: xx' \
    'paragraph_count: 5' 'word_count: 13' 'char_count: 62' '' 'HEAD: alpha' '' 'para one ends.' '' \
    'para two ends.' '' 'para three goes on.' '' 'junk' >"$TMP/t1.want"
printf '\0' >>"$TMP/t1.want"
# With no date, the rules anchored to it are not tried: nothing is consumed.
printf '%s\n' 'source: t2' 'site: t' 'warning: extract-meta: no title' 'warning: extract-meta: no missing' \
    'lang: xx' 'paragraph_count: 1' 'word_count: 5' 'char_count: 17' '' 'by: X' 'no date here' >"$TMP/t2.want"
printf '\0' >>"$TMP/t2.want"
(cd "$TMP" && extract-meta -r r --explain t1.rec t2.rec >t.out 2>t.err)
ok $? "engine: exit 0"
cat "$TMP/t1.want" "$TMP/t2.want" >"$TMP/t.want"
is_file "$TMP/t.out" "$TMP/t.want" "engine: windows, anchors, clean-ups, split, suffixes, also, consumption, order"
cat >"$TMP/t.err.want" <<'EOF'
extract-meta: t1: fields of site t (r/sites/t.yaml)
extract-meta: t1: body line 3: r/sites/t.yaml:5: t/fields[0] date: date "2024" from "Date 2024" (line consumed)
extract-meta: t1: body line 2: r/sites/t.yaml:8: t/fields[1] author: author "Someone Else" from "by: Someone   Else :" (line consumed)
extract-meta: t1: body line 5: r/sites/t.yaml:13: t/fields[2] title: title "Title   line here" from "Title   line here" (line consumed)
extract-meta: t1: body line 7: r/sites/t.yaml:18: t/fields[3] caption (pic): caption "Photo caption" from "Photo caption. PIC: Agency One." (line consumed)
extract-meta: t1: body line 7: r/sites/t.yaml:18: t/fields[3] caption (pic): credit "Agency One" from "Photo caption. PIC: Agency One." (line consumed)
extract-meta: t1: body line 9: r/sites/t.yaml:25: t/fields[4] agency: agency "Reuters" from " CREDIT: Reuters, AFP and AP." (cut out of the line)
extract-meta: t1: body line 9: r/sites/t.yaml:25: t/fields[4] agency: agency "AFP" from " CREDIT: Reuters, AFP and AP." (cut out of the line)
extract-meta: t1: body line 9: r/sites/t.yaml:25: t/fields[4] agency: agency "AP" from " CREDIT: Reuters, AFP and AP." (cut out of the line)
extract-meta: t1: body line 13: r/sites/t.yaml:25: t/fields[4] agency: agency "Xinhua" from " CREDIT: Xinhua." (cut out of the line)
extract-meta: t1: body line 11: r/sites/t.yaml:31: t/fields[5] agency: agency "AFP" again, written once from " NEWS OF AFP's." (cut out of the line)
extract-meta: t1: body line 13: r/sites/t.yaml:36: t/fields[6] last: last "para three" from "para three" (line kept)
extract-meta: t1: r/sites/t.yaml:40: t/fields[7] late: no late: no match in the whole body up to the first line that matches 'until'
extract-meta: t1: r/sites/t.yaml:43: t/fields[8] missing: no missing: no match in the whole body
extract-meta: t2: fields of site t (r/sites/t.yaml)
extract-meta: t2: r/sites/t.yaml:5: t/fields[0] date: no date: no match in the first 3 lines
extract-meta: t2: r/sites/t.yaml:8: t/fields[1] author: no author: not tried, as there is no 'date' to look before
extract-meta: t2: r/sites/t.yaml:13: t/fields[2] title: no title: not tried, as there is no 'date' to look after
extract-meta: t2: r/sites/t.yaml:18: t/fields[3] caption (pic): no caption: not tried, as there is no 'title' to look after
extract-meta: t2: r/sites/t.yaml:18: t/fields[3] caption (pic): no credit: not tried, as there is no 'title' to look after
extract-meta: t2: r/sites/t.yaml:25: t/fields[4] agency: no agency: no match in the whole body
extract-meta: t2: r/sites/t.yaml:31: t/fields[5] agency: no agency: no match in the whole body
extract-meta: t2: r/sites/t.yaml:36: t/fields[6] last: no last: no match in the last 3 lines
extract-meta: t2: r/sites/t.yaml:40: t/fields[7] late: no late: no match in the whole body up to the first line that matches 'until'
extract-meta: t2: r/sites/t.yaml:43: t/fields[8] missing: no missing: no match in the whole body
EOF
is_file "$TMP/t.err" "$TMP/t.err.want" "--explain: every value with its rule and line; every field not found with the rules that tried"

# ---- lists in a rule: patterns, and 'after' and 'before' fields, tried in order ----

mkdir -p "$TMP/r3/sites"
echo 'lang: [bn]' >"$TMP/r3/default.yaml"
cat >"$TMP/r3/sites/l.yaml" <<'EOF'
match: ['^never$']
fields:
  - name: date
    head: 4
    pattern: '^Date (?<value>\d{4})$'
  - name: stamp
    head: 4
    pattern: '^Stamp (?<value>\d+)$'
  - name: title
    after: [stamp, date]
    head: 1
    pattern: '^T (?<value>.+)$'
  - name: author
    before: [stamp, date]
    tail: 1
    pattern: '^by (?<value>.+)$'
  - name: kind
    pattern:
      - '^Kind A: (?<value>.+)$'
      - '^Kind B: (?<value>.+)$'
  - name: caption
    id: pic
    also: credit
    pattern:
      - '^(?<value>.+) PIC: (?<credit>.+)$'
      - '^Caption: (?<value>.+)$'
  - name: tag
    list: true
    consume: none
    pattern: ['#(?<value>[a-z]+)', '@(?<value>[a-z]+)']
EOF
# Patterns and fields both listed: each pattern is tried at every place
# before the next pattern, so a loose pattern never wins over a strict one.
cat >"$TMP/r3/sites/o.yaml" <<'EOF'
match: ['^never$']
fields:
  - name: a
    pattern: '^A$'
  - name: b
    pattern: '^B$'
  - name: pick
    after: [a, b]
    head: 1
    pattern: ['^strict (?<value>.+)$', '^(?<value>.+)$']
EOF
printf 'source: l1\nsite: l\n\nby Ann\nDate 2024\nT Headline one\nKind B: bee\nKind A: ay\nCaption: plain\ntags #x @y #z\n\0' >"$TMP/l1.rec"
printf 'source: l2\nsite: l\n\nDate 2024\nby Bob\nStamp 7\nT Second title\nKind B: bee\nNice view PIC: Ann\n\0' >"$TMP/l2.rec"
printf 'source: l3\nsite: l\n\nDate 2024\nT Third\nStamp 9\nx not a title\n\0' >"$TMP/l3.rec"
printf 'source: o1\nsite: o\n\nA\nloose one\nB\nstrict two\n\0' >"$TMP/o1.rec"
# Worked out by hand:
#   l1  no stamp: title and author fall back to the date line.  Kind: the
#       first pattern wins though the second matches an earlier line.
#       Caption: the second pattern, which has no credit group.  Tag: a list
#       field, so both patterns run; values in the order of the line.
#   l2  the stamp line is there: title after it, author right above it; no
#       "Kind A", so "Kind B"; the first caption pattern, with its credit.
#   l3  the line after the stamp is not a title: the title after the date
#       is tried next; no author above either line.
#   o1  the strict pattern after "A" finds nothing, after "B" it finds "two";
#       the loose pattern is not tried.
# The site has no 'lang': no lang header.
{
	printf '%s\n' 'source: l1' 'site: l' 'author: Ann' 'date: 2024' 'title: Headline one' 'kind: ay' \
	    'caption: plain' 'tag: x' 'tag: y' 'tag: z' 'paragraph_count: 1' 'word_count: 7' \
	    'char_count: 24' '' 'Kind B: bee' 'tags #x @y #z'
	printf '\0'
	printf '%s\n' 'source: l2' 'site: l' 'date: 2024' 'author: Bob' 'stamp: 7' 'title: Second title' 'kind: bee' \
	    'caption: Nice view' 'credit: Ann' 'paragraph_count: 0' 'word_count: 0' 'char_count: 0' ''
	printf '\0'
	printf '%s\n' 'source: l3' 'site: l' 'date: 2024' 'title: Third' 'stamp: 9' 'paragraph_count: 1' \
	    'word_count: 4' 'char_count: 13' '' 'x not a title'
	printf '\0'
	printf '%s\n' 'source: o1' 'site: o' 'a: A' 'b: B' 'pick: two' 'paragraph_count: 1' 'word_count: 2' \
	    'char_count: 9' '' 'loose one'
	printf '\0'
} >"$TMP/l.want"
(cd "$TMP" && extract-meta -r r3 l1.rec l2.rec l3.rec o1.rec >l.out 2>l.err)
ok $? "lists: exit 0"
is_file "$TMP/l.out" "$TMP/l.want" "lists: patterns, then 'after' and 'before' fields, each tried in order"
[ ! -s "$TMP/l.err" ]
ok $? "lists: nothing on stderr"
# --explain names the alternative that tried: by its window, and by the line of its pattern.
(cd "$TMP" && extract-meta -r r3 --explain l3.rec >/dev/null 2>l3.err)
cat >"$TMP/l3.err.want" <<'EOF'
extract-meta: l3: fields of site l (r3/sites/l.yaml)
extract-meta: l3: body line 1: r3/sites/l.yaml:3: l/fields[0] date: date "2024" from "Date 2024" (line consumed)
extract-meta: l3: body line 3: r3/sites/l.yaml:6: l/fields[1] stamp: stamp "9" from "Stamp 9" (line consumed)
extract-meta: l3: body line 2: r3/sites/l.yaml:9: l/fields[2] title: title "Third" from "T Third" (line consumed)
extract-meta: l3: r3/sites/l.yaml:13: l/fields[3] author: no author: no match in the last line before the 'stamp' line
extract-meta: l3: r3/sites/l.yaml:13: l/fields[3] author: no author: no match in the last line before the 'date' line
extract-meta: l3: r3/sites/l.yaml:19: l/fields[4] kind: no kind: no match in the whole body
extract-meta: l3: r3/sites/l.yaml:20: l/fields[4] kind: no kind: no match in the whole body
extract-meta: l3: r3/sites/l.yaml:25: l/fields[5] caption (pic): no caption: no match in the whole body
extract-meta: l3: r3/sites/l.yaml:26: l/fields[5] caption (pic): no caption: no match in the whole body
extract-meta: l3: r3/sites/l.yaml:25: l/fields[5] caption (pic): no credit: no match in the whole body
extract-meta: l3: r3/sites/l.yaml:30: l/fields[6] tag: no tag: no match in the whole body
extract-meta: l3: r3/sites/l.yaml:30: l/fields[6] tag: no tag: no match in the whole body
EOF
is_file "$TMP/l3.err" "$TMP/l3.err.want" "lists, --explain: every alternative that tried in vain"
(cd "$TMP" && extract-meta -r r3 --list-rules >l.list 2>&1)
# Each with where it looks, all its 'after' and 'before' fields named.
cat >"$TMP/l.list.want" <<'EOF'
r3/sites/l.yaml:3: l/fields[0] date: the first 4 lines
r3/sites/l.yaml:6: l/fields[1] stamp: the first 4 lines
r3/sites/l.yaml:9: l/fields[2] title: the first line after the 'stamp' or 'date' line
r3/sites/l.yaml:13: l/fields[3] author: the last line before the 'stamp' or 'date' line
r3/sites/l.yaml:17: l/fields[4] kind: the whole body
r3/sites/l.yaml:21: l/fields[5] caption (pic): the whole body
r3/sites/l.yaml:27: l/fields[6] tag: the whole body
r3/sites/o.yaml:3: o/fields[0] a: the whole body
r3/sites/o.yaml:5: o/fields[1] b: the whole body
r3/sites/o.yaml:7: o/fields[2] pick: the first line after the 'a' or 'b' line
EOF
is_file "$TMP/l.list" "$TMP/l.list.want" "lists, --list-rules: one line per rule of the file, and where it looks"

# Lists that cannot be.
mkdir -p "$TMP/r4/sites"
echo 'lang: [bn]' >"$TMP/r4/default.yaml"
cat >"$TMP/r4/sites/l.yaml" <<'EOF'
match: ['^never$']
fields:
  - name: one
    pattern: 'x'
  - name: two
    pattern: 'y'
  - name: a
    pattern: []
  - name: b
    after: []
    pattern: 'x'
  - name: c
    before: [one, nosuch]
    pattern: 'x'
  - name: d
    pattern: ['x', [y]]
  - name: e
    also: credit
    pattern: ['(?<value>x)', '(?<value>y)']
  - name: f
    after: {one: two}
    pattern: 'x'
  - name: g
    after: [one, two, one, two, one, two, one, two]
    before: [one, two, one, two, one, two, one, two, one]
    pattern: 'x'
EOF
(cd "$TMP" && extract-meta -r r4 --check-rules >l4.out 2>l4.err)
is $? 2 "lists that cannot be: exit 2"
cat >"$TMP/l4.want" <<'EOF'
extract-meta: r4/sites/l.yaml:8:14: rule l/fields[2] a: 'pattern' needs at least one pattern
extract-meta: r4/sites/l.yaml:10:12: rule l/fields[3] b: 'after' needs at least one field
extract-meta: r4/sites/l.yaml:13:19: rule l/fields[4] c: 'before: nosuch': no earlier rule finds a field 'nosuch' (rules run in file order)
extract-meta: r4/sites/l.yaml:16:20: rule l/fields[5] d: a pattern must be a string
extract-meta: r4/sites/l.yaml:18:11: rule l/fields[6] e: no pattern has a group (?<credit>...) for 'also: credit'
extract-meta: r4/sites/l.yaml:21:12: rule l/fields[7] f: 'after' must be the name of a field, or a list of them
extract-meta: r4/sites/l.yaml:23:5: rule l/fields[8] g: 72 alternatives (patterns x 'after' fields x 'before' fields: 1 x 8 x 9); at most 64
EOF
is_file "$TMP/l4.err" "$TMP/l4.want" "lists that cannot be: each error as file:line:col"

# A record that went through once already passes on as it is, with a warning.
(cd "$TMP" && extract-meta -r r t.out >t.again 2>t.again.err)
ok $? "a second pass: exit 0"
sed 's/^char_count: 62$/char_count: 62\nwarning: extract-meta: record already went through extract-meta; passed on unchanged/; s/^char_count: 17$/char_count: 17\nwarning: extract-meta: record already went through extract-meta; passed on unchanged/' \
    "$TMP/t.want" >"$TMP/t.again.want"
is_file "$TMP/t.again" "$TMP/t.again.want" "a second pass changes nothing but for a warning"

# Rules and text are both NFC: a headline typed with the precomposed য় (U+09DF)
# comes out with the decomposed য় (U+09AF U+09BC) the rules and seeds use.
printf 'source: nfc\nsite: kalbela\n\nকালবেলা ডেস্ক\nপ্রকাশ : ০১ জানুয়ারি ২০২৫, ১০:০০ এএম\nঅনলাইন সংস্করণ\n\nবিজ\340\247\237 দিবসে শ্রদ্ধা\n\nআজ বিজ\340\247\237 দিবস।\n\0' \
    | extract-meta >"$TMP/nfc.out"
grep -q "^title: বিজ$(printf '\340\246\257\340\246\274') দিবসে শ্রদ্ধা$" "$TMP/nfc.out"
ok $? "a body not in NFC is normalized before the rules see it"
grep -q '^published: ০১ জানুয়ারি ২০২৫, ১০:০০ এএম$' "$TMP/nfc.out"
ok $? "... and the fields around it are found"

# A forced site: the fields of default for a Kalbela record; the site header stays.
extract-meta -s default "$TMP/s4.rec" >"$TMP/forced.out"
grep -q '^site: kalbela$' "$TMP/forced.out" && ! grep -q '^section:' "$TMP/forced.out" &&
    grep -q '^author: কালবেলা ডেস্ক$' "$TMP/forced.out"
ok $? "-s default: default fields, site header kept"
extract-meta -s nosuchsite "$TMP/s4.rec" >"$TMP/nosite.out" 2>"$TMP/nosite.err"
is $? 2 "-s with a site that has no rules: exit 2"
[ ! -s "$TMP/nosite.out" ] && grep -q "^extract-meta: no site 'nosuchsite' in " "$TMP/nosite.err"
ok $? "-s with a site that has no rules: a message and no output"

# ---- rules that are broken, or too slow ----

mkdir -p "$TMP/r2/sites"
echo 'lang: [bn]' >"$TMP/r2/default.yaml"
cat >"$TMP/r2/sites/bad.yaml" <<'EOF'
match: ['^never$']
fields:
  - name: title
    pattern: '^(?<value>[a-'
  - name: Title
    pattern: 'x'
  - name: author
    hed: 3
    pattern: 'y'
  - name: date
    after: nosuch
    also: [credit]
    pattern: '(?<value>z)'
  - name: lang
    consume: everything
    clean: [squeeze, trailing-punkt]
    pattern: 'q'
  - pattern: 'w'
  - name: x
    head: 2
    tail: 2
    pattern: 'v'
EOF
cat >"$TMP/r2/sites/slow.yaml" <<'EOF'
match: ['^never$']
fields:
  - name: title
    pattern: '^(?<value>(a+)+)$'
EOF
cat >"$TMP/r2/sites/good.yaml" <<'EOF'
match: ['^never$']
lang: bn
fields:
  - name: title
    head: 1
    pattern: '^(?<value>.+)$'
EOF
(cd "$TMP" && extract-meta -r r2 --check-rules >check.out 2>check.err)
is $? 2 "--check-rules on a broken file: exit 2"
cat >"$TMP/check.want" <<'EOF'
extract-meta: r2/sites/bad.yaml:4:28: rule bad/fields[0] title: bad pattern: missing terminating ] for character class (at offset 13 of the pattern)
extract-meta: r2/sites/bad.yaml:5:11: rule bad/fields[1] Title: 'name: Title' is not a header name ([a-z][a-z0-9_]*)
extract-meta: r2/sites/bad.yaml:8:5: unknown key 'hed' in rule bad/fields[2] author (did you mean 'head'?)
extract-meta: r2/sites/bad.yaml:11:12: rule bad/fields[3] date: 'after: nosuch': no earlier rule finds a field 'nosuch' (rules run in file order)
extract-meta: r2/sites/bad.yaml:12:12: rule bad/fields[3] date: the pattern has no group (?<credit>...) for 'also: credit'
extract-meta: r2/sites/bad.yaml:14:11: rule bad/fields[4] lang: 'name: lang' is a header khobor writes itself; choose another name
extract-meta: r2/sites/bad.yaml:15:14: rule bad/fields[4] lang: 'consume' is line, match or none
extract-meta: r2/sites/bad.yaml:16:22: rule bad/fields[4] lang: unknown clean-up 'trailing-punkt' (known: squeeze, leading-punct, trailing-punct, colon, nospace)
extract-meta: r2/sites/bad.yaml:18:5: rule bad/fields[5] needs 'name', the header it writes (or 'drop: true', to write none)
extract-meta: r2/sites/bad.yaml:21:11: rule bad/fields[6] x: give 'head' or 'tail', not both
EOF
is_file "$TMP/check.err" "$TMP/check.want" "--check-rules: every error of the file, each as file:line:col"
[ ! -s "$TMP/check.out" ]
ok $? "--check-rules: nothing on stdout"
extract-meta --check-rules >"$TMP/real.out" 2>&1
ok $? "--check-rules on the real rules: exit 0"
[ ! -s "$TMP/real.out" ]
ok $? "--check-rules on the real rules: silent"

# Records of a broken site pass on with an error; the others are processed;
# a rule that hits the PCRE2 match limit flags its record and the stream goes on.
printf 'source: s1\nsite: slow\n\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n\0source: s2\nsite: good\n\nhello\nworld\n\0source: s3\nsite: bad\n\nbody\n\0source: s4\nsite: nosuchsite\n\nbody\n\0source: s5\n\nbody\n\0' >"$TMP/mixed.rec"
(cd "$TMP" && extract-meta -r r2 mixed.rec >mixed.out 2>mixed.err)
is $? 2 "a broken site file: exit 2 at the end"
tr '\000' '@' <"$TMP/mixed.out" >"$TMP/mixed.vis"
cat >"$TMP/mixed.want" <<'EOF'
source: s1
site: slow
error: extract-meta: rule slow/fields[0] title: match limit exceeded
paragraph_count: 1
word_count: 1
char_count: 40

aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab
@source: s2
site: good
title: hello
lang: bn
paragraph_count: 1
word_count: 1
char_count: 5

world
@source: s3
site: bad
error: extract-meta: rules of site bad are broken (r2/sites/bad.yaml); record passed on unchanged

body
@source: s4
site: nosuchsite
warning: extract-meta: site 'nosuchsite' has no rules in r2; default fields used
lang: bn
paragraph_count: 1
word_count: 1
char_count: 4

body
@source: s5
warning: extract-meta: record has no site header; default fields used
lang: bn
paragraph_count: 1
word_count: 1
char_count: 4

body
@
EOF
printf '%s' "$(cat "$TMP/mixed.want")" >"$TMP/mixed.want2"
is_file "$TMP/mixed.vis" "$TMP/mixed.want2" "one record out for every record in: limit, good, broken, unknown site, no site"
grep -qx 'extract-meta: s1: rule slow/fields\[0\] title: match limit exceeded' "$TMP/mixed.err" &&
    grep -qx 'extract-meta: s3: rules of site bad are broken (r2/sites/bad.yaml); record passed on unchanged' "$TMP/mixed.err"
ok $? "errors on stderr name the record's source"
printf 'source: s1\nsite: slow\n\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n\0' | (cd "$TMP" && extract-meta -r r2 >/dev/null 2>&1)
is $? 1 "a record with an error (match limit): exit 1"

# nospace: a label set letter-spaced reads as one word; it wins over squeeze.
mkdir -p "$TMP/r3/sites"
echo 'lang: [bn]' >"$TMP/r3/default.yaml"
cat >"$TMP/r3/sites/ls.yaml" <<'EOF'
match: ['^never$']
fields:
  - name: section
    head: 1
    clean: [squeeze, nospace]
    pattern: '^\[(?<value>[^]]+)\]$'
  - name: title
    head: 1
    clean: [squeeze]
    pattern: '^(?<value>.+)$'
EOF
printf 'source: ls\nsite: ls\n\n[ রা জ নী তি ]\nTwo   words\n\nbody\n\0' | (cd "$TMP" && extract-meta -r r3 >ls.out)
grep -qx 'section: রাজনীতি' "$TMP/ls.out" && grep -qx 'title: Two words' "$TMP/ls.out"
ok $? "clean: nospace joins a letter-spaced label; squeeze alone keeps one space"

# An empty body: counts of zero, and the required fields missing.
printf 'source: e\nsite: kalbela\n\n\0' | extract-meta >"$TMP/empty.out"
ok $? "an empty body: exit 0"
grep -q '^warning: extract-meta: no title$' "$TMP/empty.out" && grep -q '^paragraph_count: 0$' "$TMP/empty.out" &&
    grep -q '^char_count: 0$' "$TMP/empty.out"
ok $? "an empty body: warnings for the required fields, counts of zero"

# Raw text where a record stream was expected.
extract-meta tests/sites/kalbela/seed-000.txt >"$TMP/raw.out" 2>"$TMP/raw.err"
is $? 2 "raw page text instead of records: exit 2"
grep -q 'put strip-boilerplate' "$TMP/raw.err"
ok $? "raw page text: the message says how to fix the pipeline"


# ---- drop: true and equals: a headline printed again as a caption ----

mkdir -p "$TMP/r5/sites"
echo 'lang: [bn]' >"$TMP/r5/default.yaml"
cat >"$TMP/r5/sites/h.yaml" <<'EOF'
match: ['^never$']
fields:
  - name: title
    head: 1
    pattern: '^T: (?<value>.+)$'
  - id: headline-again
    drop: true
    after: title
    head: 2
    equals: title
  - name: credit
    tail: 1
    pattern: '(?<value>\(ছবি\))$'
  - id: photo-mark
    drop: true
    consume: match
    pattern: ' *\[ছবি\]$'
  - name: twin
    list: true
    consume: none
    equals: title
EOF
# h1: the headline again two lines down, spaced otherwise: it goes, no header for it.
# h2: a line that only starts like the headline stays (and 'twin' finds nothing).
# h3: no title found by the rule, but the record has one from an earlier
#     filter: 'equals' compares with it ('twin'); 'after: title' has no line
#     to look after, so headline-again is not tried.
# h4: no title at all: neither is tried.
printf 'source: h1\nsite: h\n\nT: নদীর  পাড়ে মেলা\n\n  নদীর পাড়ে\tমেলা \nপ্রথম অনুচ্ছেদ। [ছবি]\n\0' >"$TMP/h1.rec"
printf 'source: h2\nsite: h\n\nT: নদীর পাড়ে মেলা\nনদীর পাড়ে মেলা শুরু\nএকটি লাইন।\n\0' >"$TMP/h2.rec"
printf 'source: h3\nsite: h\ntitle: নদীর পাড়ে মেলা\n\nনদীর পাড়ে মেলা\nএকটি লাইন।\n\0' >"$TMP/h3.rec"
printf 'source: h4\nsite: h\n\nনদীর পাড়ে মেলা\nএকটি লাইন।\n\0' >"$TMP/h4.rec"
(cd "$TMP" && extract-meta -r r5 --explain h1.rec h2.rec h3.rec h4.rec >h.out 2>h.err)
ok $? "drop and equals: exit 0"
{
	printf '%s\n' 'source: h1' 'site: h' 'title: নদীর  পাড়ে মেলা' 'paragraph_count: 1' 'word_count: 2' \
	    'char_count: 15' '' 'প্রথম অনুচ্ছেদ।'
	printf '\0'
	printf '%s\n' 'source: h2' 'site: h' 'title: নদীর পাড়ে মেলা' 'paragraph_count: 1' 'word_count: 6' \
	    'char_count: 30' '' 'নদীর পাড়ে মেলা শুরু' 'একটি লাইন।'
	printf '\0'
	printf '%s\n' 'source: h3' 'site: h' 'title: নদীর পাড়ে মেলা' 'twin: নদীর পাড়ে মেলা' 'paragraph_count: 1' \
	    'word_count: 5' 'char_count: 25' '' 'নদীর পাড়ে মেলা' 'একটি লাইন।'
	printf '\0'
	printf '%s\n' 'source: h4' 'site: h' 'paragraph_count: 1' 'word_count: 5' \
	    'char_count: 25' '' 'নদীর পাড়ে মেলা' 'একটি লাইন।'
	printf '\0'
} >"$TMP/h.want"
is_file "$TMP/h.out" "$TMP/h.want" "drop: true takes the line equal to the title (spaces squeezed), writes no header; a line that only starts so stays"
grep -q "^extract-meta: h1: body line 3: r5/sites/h.yaml:6: h/fields\[1\] (headline-again): dropped \"  নদীর পাড়ে	মেলা \" from \"  নদীর পাড়ে	মেলা \" (line consumed)\$" "$TMP/h.err"
ok $? "drop, --explain: the line dropped, by the rule's id"
grep -q "^extract-meta: h1: body line 4: r5/sites/h.yaml:14: h/fields\[3\] (photo-mark): dropped \" \[ছবি\]\" from \"প্রথম অনুচ্ছেদ। \[ছবি\]\" (cut out of the line)\$" "$TMP/h.err"
ok $? "drop with consume: match: only the text matched goes"
grep -q "^extract-meta: h2: r5/sites/h.yaml:6: h/fields\[1\] (headline-again): nothing dropped: no match among the lines equal to the 'title' in the first 2 lines after the 'title' line\$" "$TMP/h.err"
ok $? "drop, --explain: nothing dropped, and why"
grep -q "^extract-meta: h4: r5/sites/h.yaml:18: h/fields\[4\] twin: no twin: not tried, as there is no 'title' to compare with\$" "$TMP/h.err"
ok $? "equals with no title: not tried, and --explain says so"
grep -q "^extract-meta: h1: body line 3: r5/sites/h.yaml:18: h/fields\[4\] twin: " "$TMP/h.err"
is $? 1 "equals: a line already dropped is not seen again"
(cd "$TMP" && extract-meta -r r5 --list-rules) >"$TMP/h.list"
grep -qx 'r5/sites/h.yaml:6: h/fields\[1\] (headline-again): the first 2 lines after the '"'title'"' line' "$TMP/h.list"
ok $? "drop, --list-rules: the rule by its place and id"

# What a drop rule cannot have, and an 'equals' no rule finds.
mkdir -p "$TMP/r6/sites"
echo 'lang: [bn]' >"$TMP/r6/default.yaml"
cat >"$TMP/r6/sites/x.yaml" <<'EOF'
match: foo
fields:
  - name: title
    head: 1
    pattern: '^(?<value>.+)$'
  - name: caption
    drop: true
    clean: [squeeze]
    consume: none
    equals: title
  - drop: yes
    equals: titel
  - name: x
    equals: [title]
EOF
(cd "$TMP" && extract-meta -r r6 --check-rules) >/dev/null 2>"$TMP/r6.err"
is $? 2 "drop and equals misused: status 2"
cat >"$TMP/r6.want" <<'EOF'
extract-meta: r6/sites/x.yaml:6:11: rule x/fields[1] caption: a rule with 'drop: true' writes no header; 'name' has no use in it
extract-meta: r6/sites/x.yaml:8:12: rule x/fields[1] caption: a rule with 'drop: true' writes no header; 'clean' has no use in it
extract-meta: r6/sites/x.yaml:9:14: rule x/fields[1] caption: a rule with 'drop: true' takes its line ('consume: line') or what it matched ('consume: match'), not nothing
extract-meta: r6/sites/x.yaml:12:13: rule x/fields[2]: 'equals: titel': no earlier rule finds a field 'titel' (did you mean 'title'?)
extract-meta: r6/sites/x.yaml:14:13: rule x/fields[3] x: 'equals' must be the name of a field
EOF
is_file "$TMP/r6.err" "$TMP/r6.want" "drop and equals misused: each mistake, where it is"

# ---- prefix: a byline glued to the first paragraph ----

mkdir -p "$TMP/r7/sites"
echo 'lang: [bn]' >"$TMP/r7/default.yaml"
cat >"$TMP/r7/sites/p.yaml" <<'EOF'
match: ['^never$']
fields:
  - name: author
    head: 1
    pattern: '^W: (?<value>.+)$'
  - id: byline-again
    drop: true
    after: author
    head: 1
    prefix: author
  - name: title
    head: 1
    pattern: '^T: (?<value>.+)$'
  - name: title_lead
    after: title
    head: 1
    consume: none
    prefix: title
EOF
# p1: the name and a space before the first sentence: both go, the sentence stays.
# p2: the name glued to the sentence's first letter, spaced otherwise in the byline.
# p3: the name in the genitive opens the paragraph: not a prefix, it stays.
# p4: no byline: the rule is not tried.
# p5: a rule that writes a header: the prefix as printed, the line kept (consume: none).
printf 'source: p1\nsite: p\n\nW: রাশেদ করিম\nরাশেদ করিম নদীর পাড়ে মেলা বসেছে।\n\0' >"$TMP/p1.rec"
printf 'source: p2\nsite: p\n\nW: রাশেদ  করিম\nরাশেদ করিমনদীর পাড়ে মেলা বসেছে।\n\0' >"$TMP/p2.rec"
printf 'source: p3\nsite: p\n\nW: রাশেদ করিম\nরাশেদ করিমের লেখা বই।\n\0' >"$TMP/p3.rec"
printf 'source: p4\nsite: p\n\nরাশেদ করিম নদীর পাড়ে মেলা বসেছে।\n\0' >"$TMP/p4.rec"
printf 'source: p5\nsite: p\n\nT: মেলা\nমেলা  শুরু হলো আজ।\n\0' >"$TMP/p5.rec"
(cd "$TMP" && extract-meta -r r7 --explain p1.rec p2.rec p3.rec p4.rec p5.rec >p.out 2>p.err)
ok $? "prefix: exit 0"
{
	printf '%s\n' 'source: p1' 'site: p' 'author: রাশেদ করিম' 'paragraph_count: 1' 'word_count: 4' \
	    'char_count: 22' '' 'নদীর পাড়ে মেলা বসেছে।'
	printf '\0'
	printf '%s\n' 'source: p2' 'site: p' 'author: রাশেদ  করিম' 'paragraph_count: 1' 'word_count: 4' \
	    'char_count: 22' '' 'নদীর পাড়ে মেলা বসেছে।'
	printf '\0'
	printf '%s\n' 'source: p3' 'site: p' 'author: রাশেদ করিম' 'paragraph_count: 1' 'word_count: 4' \
	    'char_count: 21' '' 'রাশেদ করিমের লেখা বই।'
	printf '\0'
	printf '%s\n' 'source: p4' 'site: p' 'paragraph_count: 1' 'word_count: 6' \
	    'char_count: 33' '' 'রাশেদ করিম নদীর পাড়ে মেলা বসেছে।'
	printf '\0'
	printf '%s\n' 'source: p5' 'site: p' 'title: মেলা' 'title_lead: মেলা' 'paragraph_count: 1' 'word_count: 4' \
	    'char_count: 18' '' 'মেলা  শুরু হলো আজ।'
	printf '\0'
} >"$TMP/p.want"
is_file "$TMP/p.out" "$TMP/p.want" "prefix: the byline's name cut from the paragraph's start, spaced or glued; not from a longer word"
grep -q "^extract-meta: p1: body line 2: r7/sites/p.yaml:6: p/fields\[1\] (byline-again): dropped \"রাশেদ করিম \" from \"রাশেদ করিম নদীর পাড়ে মেলা বসেছে।\" (cut out of the line)\$" "$TMP/p.err"
ok $? "prefix, --explain: what was cut, by the rule's id"
grep -q "^extract-meta: p3: r7/sites/p.yaml:6: p/fields\[1\] (byline-again): nothing dropped: no line that starts with the 'author' in the first line after the 'author' line\$" "$TMP/p.err"
ok $? "prefix, --explain: nothing dropped, and why"
grep -q "^extract-meta: p4: r7/sites/p.yaml:6: p/fields\[1\] (byline-again): nothing dropped: not tried, as there is no 'author' to look after\$" "$TMP/p.err"
ok $? "prefix with no byline: not tried"
grep -q "^extract-meta: p5: body line 2: r7/sites/p.yaml:14: p/fields\[3\] title_lead: title_lead \"মেলা\" from \"মেলা  \" (line kept)\$" "$TMP/p.err"
ok $? "prefix, --explain: a value from the start of a line kept"

# What a prefix rule cannot have.
mkdir -p "$TMP/r8/sites"
echo 'lang: [bn]' >"$TMP/r8/default.yaml"
cat >"$TMP/r8/sites/y.yaml" <<'EOF'
match: foo
fields:
  - name: author
    head: 1
    pattern: '^(?<value>.+)$'
  - drop: true
    prefix: autor
  - drop: true
    prefix: [author]
  - name: lead
    prefix: author
    equals: author
    pattern: '^x'
    also: [other]
  - name: other
    from: meta_author
    prefix: author
  - drop: true
    prefix: author
    consume: none
  - drop: true
    prefx: author
EOF
(cd "$TMP" && extract-meta -r r8 --check-rules) >/dev/null 2>"$TMP/r8.err"
is $? 2 "prefix misused: status 2"
cat >"$TMP/r8.want" <<'EOF'
extract-meta: r8/sites/y.yaml:7:13: rule y/fields[1]: 'prefix: autor': no earlier rule finds a field 'autor' (did you mean 'author'?)
extract-meta: r8/sites/y.yaml:9:13: rule y/fields[2]: 'prefix' must be the name of a field
extract-meta: r8/sites/y.yaml:12:13: rule y/fields[3] lead: give 'equals' (the whole line) or 'prefix' (its start), not both
extract-meta: r8/sites/y.yaml:13:14: rule y/fields[3] lead: a rule with 'prefix' has no pattern: the value of its field at the start of the line is the match
extract-meta: r8/sites/y.yaml:14:11: rule y/fields[3] lead: 'also' needs a pattern with a named group for each header; a rule with 'prefix' has none
extract-meta: r8/sites/y.yaml:17:13: rule y/fields[4] other: 'prefix' chooses lines of the body; a rule with 'from' reads a header
extract-meta: r8/sites/y.yaml:20:14: rule y/fields[5]: a rule with 'drop: true' takes its line ('consume: line') or what it matched ('consume: match'), not nothing
extract-meta: r8/sites/y.yaml:22:5: unknown key 'prefx' in rule y/fields[6] (did you mean 'prefix'?)
EOF
is_file "$TMP/r8.err" "$TMP/r8.want" "prefix misused: each mistake, where it is"

# ---- --explain: an anchor a later rule finds ----

# 'early' looks after 'late' and 'early2' before 'late2'; the first rules
# for those find nothing, later ones do: not tried, and --explain names the
# anchor that was missing when the rule ran.
mkdir -p "$TMP/r9/sites"
echo 'lang: [bn]' >"$TMP/r9/default.yaml"
cat >"$TMP/r9/sites/a.yaml" <<'EOF'
match: ['^never$']
fields:
  - name: first
    head: 1
    pattern: '^F: (?<value>.+)$'
  - name: late
    pattern: '^never: (?<value>.+)$'
  - name: late2
    pattern: '^never: (?<value>.+)$'
  - name: early
    after: late
    pattern: '^E: (?<value>.+)$'
  - name: early2
    after: first
    before: late2
    pattern: '^E: (?<value>.+)$'
  - name: late
    pattern: '^L: (?<value>.+)$'
  - name: late2
    pattern: '^M: (?<value>.+)$'
EOF
printf 'source: a1\nsite: a\n\nF: ১\nL: ২\nE: ৩\nM: ৪\n\0' | (cd "$TMP" && extract-meta -r r9 --explain 2>a.err >a.out)
ok $? "an anchor a later rule finds: exit 0"
grep -q "^extract-meta: a1: r9/sites/a.yaml:10: a/fields\[3\] early: no early: not tried, as there is no 'late' to look after when it runs (a later rule finds it)\$" "$TMP/a.err"
ok $? "--explain: the missing 'after' anchor, found later, named"
grep -q "^extract-meta: a1: r9/sites/a.yaml:13: a/fields\[4\] early2: no early2: not tried, as there is no 'late2' to look before when it runs (a later rule finds it)\$" "$TMP/a.err"
ok $? "--explain: the missing 'before' anchor, found later, named (the 'after' one was there)"

done_testing
