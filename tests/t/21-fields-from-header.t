#!/bin/sh
# extract-meta: a field rule with 'from: HEADER' reads that header's values
# (from-html's meta_published, meta_author, ...) instead of body lines, with
# the usual pattern, clean-ups, split and list; it consumes nothing; rules
# that choose body lines cannot go with it.  khobor-rules(5), FIELDS.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

mkdir -p "$TMP/r/sites"
echo 'lang: [bn]' >"$TMP/r/default.yaml"
cat >"$TMP/r/sites/h.yaml" <<'EOF2'
# A site that trusts its head for some fields (ASCII, for readable expectations).
match: ['^never$']
lang: [en]
fields:
  - name: published
    pattern: '^Posted (?<value>\d{4}-\d\d-\d\d)$'
  - name: published
    from: meta_published
    pattern: '^(?<value>\d{4}-\d\d-\d\dT\d\d:\d\d)'
  - name: updated
    from: meta_updated
  - name: author
    list: true
    from: meta_author
    split: '\s+and\s+'
    clean: [trailing-punct]
  - name: title
    from: html_title
    drop_suffix: [' | The Example']
  - name: section
    from: meta_section
    pattern: '^NOPE (?<value>.+)'
  - name: lead
    head: 1
    pattern: '^(?<value>Lead .+)$'
EOF2
export KHOBOR_RULES="$TMP/r"

printf 'source: a\nsite: h\nmeta_published: 2024-10-06T10:00:00+06:00\nmeta_updated: 2024-10-07\nmeta_author: Ann Roe and Bo Li.\nmeta_author: Cy Dee\nmeta_author: Ann Roe\nhtml_title: Rain | The Example\nmeta_section: Weather\n\nLead line\n\nbody text\n\0' >"$TMP/a.rec"
extract-meta "$TMP/a.rec" >"$TMP/a.out" 2>"$TMP/a.err"
is $? 0 "exit status 0"
cat >"$TMP/a.exp" <<'EOF2'
source: a
site: h
meta_published: 2024-10-06T10:00:00+06:00
meta_updated: 2024-10-07
meta_author: Ann Roe and Bo Li.
meta_author: Cy Dee
meta_author: Ann Roe
html_title: Rain | The Example
meta_section: Weather
lead: Lead line
published: 2024-10-06T10:00
updated: 2024-10-07
author: Ann Roe
author: Bo Li
author: Cy Dee
title: Rain
lang: en
paragraph_count: 1
word_count: 2
char_count: 9

body text
EOF2
tr -d '\000' <"$TMP/a.out" >"$TMP/a.got"
is_file "$TMP/a.got" "$TMP/a.exp" \
	"from: the pattern's value group, the whole value without one, list and split, drop_suffix; header values after body values, in header order; the source headers stay"

# A body value comes first where the rules say so: the body rule for published is tried first.
printf 'source: b\nsite: h\nmeta_published: 2024-10-06T10:00:00+06:00\n\nPosted 2024-10-05\n\nbody\n\0' >"$TMP/b.rec"
extract-meta "$TMP/b.rec" | tr -d '\000' | grep '^published:' >"$TMP/b.got"
echo 'published: 2024-10-05' >"$TMP/b.exp"
is_file "$TMP/b.got" "$TMP/b.exp" "rules in file order: the page's date wins over the head's when its rule comes first"

# --explain names the header.
extract-meta --explain "$TMP/a.rec" >/dev/null 2>"$TMP/ex"
grep -q 'h/fields\[1\] published: published "2024-10-06T10:00" from "2024-10-06T10:00" (the header meta_published)$' "$TMP/ex"
ok $? "--explain: the value, its rule and the header it read"
grep -q "h/fields\[5\] section: no section: no match in the header 'meta_section'$" "$TMP/ex"
ok $? "--explain: a rule that found nothing in its header says which"

# Keys that choose body lines do not go with 'from'; nor 'also' without a pattern.
cat >"$TMP/r/sites/bad.yaml" <<'EOF2'
match: ['^never$']
fields:
  - name: published
    from: meta_published
    head: 3
  - name: author
    from: Not A Header
  - name: title
    from: html_title
    also: x
EOF2
extract-meta --check-rules >"$TMP/out" 2>"$TMP/err"
is $? 2 "--check-rules: a bad 'from' rule is a rules error"
grep -q "bad.yaml:5:11: rule bad/fields\[0\] published: 'head' chooses lines of the body; a rule with 'from' reads a header" "$TMP/err"
ok $? "'head' with 'from': said, with file and line"
grep -q "rule bad/fields\[1\] author: 'from' must be a header name" "$TMP/err" && ! grep -q "needs 'pattern'" "$TMP/err"
ok $? "'from' that is not a header name: said"
grep -q "rule bad/fields\[2\] title: 'also' needs a pattern" "$TMP/err"
ok $? "'also' with 'from' and no pattern: said"

done_testing
