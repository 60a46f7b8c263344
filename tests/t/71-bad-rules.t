#!/bin/sh
# tests/t/71-bad-rules.t: broken rule files (issue 7).
#
# Each case is a rules directory of its own: the bundled default.yaml and
# one broken site file.  strip-boilerplate -r DIR --check-rules must name
# the file, line and column with a message that says what is wrong, exit 2,
# and never crash.
#
# Two sites with the same name: a site's name is its file name (x.yaml is
# site x), and a directory cannot hold two files of one name, so the case
# that can happen is two files that declare the same display name (name:
# Kalbela).  That is a copy-paste mistake (a second layout of a site started
# from the first one's file); --check-rules should say so, naming both files.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

# dir NAME: a fresh rules directory $TMP/NAME with the bundled default.yaml.
dir() {
	mkdir -p "$TMP/$1/sites"
	cp "$RULES/default.yaml" "$TMP/$1/"
	cp -r "$RULES/dates" "$TMP/$1/"	# the default header-zone reader reads dates
	D=$TMP/$1
}

# check NAME: strip-boilerplate --check-rules on $TMP/NAME (run from $TMP).
check() {
	(cd "$TMP" && "$BIN/strip-boilerplate" -r "$1" --check-rules) >"$TMP/out" 2>"$TMP/err"
	st=$?
}

# case NAME DESCRIPTION EXPECTED-STDERR: check and compare all of it.
case_is() {
	check "$1"
	printf '%s' "$3" >"$TMP/exp"
	is_file "$TMP/err" "$TMP/exp" "$2: the message"
	is "$st" 2 "$2: status 2"
	is "$(wc -c <"$TMP/out")" 0 "$2: nothing on stdout"
}

P=strip-boilerplate

dir empty
: >"$D/sites/x.yaml"
case_is empty "an empty rule file" \
	"$P: empty/sites/x.yaml:1:1: empty rule file: a site file is a mapping with at least 'match'
"

dir notyaml
printf 'match: [unclosed\nstrip: {\n' >"$D/sites/x.yaml"
case_is notyaml "a file that is not YAML" \
	"$P: notyaml/sites/x.yaml:2:6: not valid YAML: did not find expected ',' or ']' while parsing a flow sequence (line 1)
"

dir list
printf -- '- match\n- strip\n' >"$D/sites/x.yaml"
case_is list "YAML of the wrong shape (a list, not a mapping)" \
	"$P: list/sites/x.yaml:1:1: a rule file must be a mapping, not a list
"

dir scalar
printf 'just a string\n' >"$D/sites/x.yaml"
case_is scalar "YAML of the wrong shape (a string)" \
	"$P: scalar/sites/x.yaml:1:1: a rule file must be a mapping, not a string
"

dir stripshape
printf 'match: foo\nstrip: [a, b]\n' >"$D/sites/x.yaml"
case_is stripshape "a section of the wrong shape (strip as a list)" \
	"$P: stripshape/sites/x.yaml:2:8: 'strip' must be a mapping, not a list
"

dir typo
printf 'match: foo\nstrip:\n  dorp:\n    - bar\n' >"$D/sites/x.yaml"
case_is typo "a key misspelt (strip.dorp)" \
	"$P: typo/sites/x.yaml:3:3: unknown key 'dorp' in 'strip' (did you mean 'drop'?)
"

dir typo2
printf 'macth: foo\n' >"$D/sites/x.yaml"
# One mistake, one error: the misspelt 'match' is not said again as a missing one.
case_is typo2 "a top-level key misspelt (macth)" \
	"$P: typo2/sites/x.yaml:1:1: unknown key 'macth' in a site file (did you mean 'match'?)
"

# Two adjacent letters swapped are one edit (Damerau's transposition):
# 'stirp' is 'strip', not 'start' (two substitutions, and first in the list).
dir swapped
printf 'match: foo\nstirp:\n  drop: [x]\n' >"$D/sites/x.yaml"
case_is swapped "two letters swapped (stirp)" \
	"$P: swapped/sites/x.yaml:2:1: unknown key 'stirp' in a site file (did you mean 'strip'?)
"

# A misspelt key of a strip rule: the rule does not then say it needs the key.
dir rulekey
printf 'match: foo\nstrip:\n  drop:\n    - id: menu\n      patern: x\n  cut:\n    - id: tail\n      form: y\n  replace:\n    - id: r\n      litteral: z\n      with: w\n' >"$D/sites/x.yaml"
case_is rulekey "misspelt keys of strip rules: one error each" \
	"$P: rulekey/sites/x.yaml:11:7: unknown key 'litteral' in rule x/strip.replace[0] r (did you mean 'literal'?)
$P: rulekey/sites/x.yaml:8:7: unknown key 'form' in rule x/strip.cut[0] tail (did you mean 'from'?)
$P: rulekey/sites/x.yaml:5:7: unknown key 'patern' in rule x/strip.drop[0] menu (did you mean 'pattern'?)
"

dir badrx
printf 'match: foo\nstrip:\n  drop:\n    - id: broken\n      pattern: "a(b"\n' >"$D/sites/x.yaml"
case_is badrx "a regex that does not compile" \
	"$P: badrx/sites/x.yaml:5:20: rule x/strip.drop[0] broken: bad pattern: missing closing parenthesis (at offset 3 of the pattern)
"

dir badmatch
printf 'match:\n  - ok\n  - "[unclosed"\n' >"$D/sites/x.yaml"
case_is badmatch "a match regex that does not compile" \
	"$P: badmatch/sites/x.yaml:3:15: rule x/match[1]: bad pattern: missing terminating ] for character class (at offset 9 of the pattern)
"

dir nomatch
printf 'name: X\nstrip:\n  drop:\n    - bar\n' >"$D/sites/x.yaml"
case_is nomatch "a site with no match" \
	"$P: nomatch/sites/x.yaml:1:1: site 'x' has no 'match' patterns: without them no page is ever detected as this site
"

dir dupkey
printf 'match: foo\nmatch: bar\n' >"$D/sites/x.yaml"
case_is dupkey "a key given twice" \
	"$P: dupkey/sites/x.yaml:2:1: duplicate key 'match' (first at line 1)
"

dir alias
printf 'match: &m foo\nstart: *m\n' >"$D/sites/x.yaml"
check alias
is "$st" 2 "an alias (a YAML bomb's tool) is refused: status 2"

dir deep
awk 'BEGIN { s = "match: foo\nstrip: "; for (i = 0; i < 200; i++) s = s "["; print s }' >"$D/sites/x.yaml"
check deep
is "$st" 2 "nesting 200 deep: refused, status 2"
grep -q 'nested more than' "$TMP/err"
ok $? "nesting 200 deep: the message says so"

# A key that is not a string ({[a]: 1}) followed by another key crashed the
# loader: the duplicate-key check ran strcmp on the first key's NULL text.
dir complexkey
printf '{[a]: 1, match: foo}\n' >"$D/sites/x.yaml"
{ check complexkey; } 2>/dev/null	# no "Segmentation fault" from the shell
if [ "$st" -eq 2 ]; then r=0; else r=1; fi
ok "$r" "a key that is not a string: refused with status 2, no crash"
is "$(head -n 1 "$TMP/err")" "$P: complexkey/sites/x.yaml:1:2: a key must be a plain string" \
	"a key that is not a string: the message"

# Two files that declare the same name.
dir dupname
printf 'name: Kalbela\nmatch: foo\n' >"$D/sites/kalbela.yaml"
printf 'name: Kalbela\nmatch: bar\n' >"$D/sites/kalbela2.yaml"
check dupname
if [ "$st" -eq 2 ] &&
	grep -q "^$P: dupname/sites/kalbela2.yaml:1:7: .*Kalbela.*dupname/sites/kalbela.yaml" "$TMP/err"; then
	r=0
else
	r=1
fi
ok "$r" "two site files declaring the same name: an error naming both, status 2"

# A site file with another extension is not read at all.
dir yml
printf 'match: foo\n' >"$D/sites/x.yml"
check yml
if [ "$st" -eq 2 ] || grep -q 'x.yml' "$TMP/err"; then r=0; else r=1; fi
ok "$r" "a site file named .yml: reported, not silently ignored"

# extract-meta checks the same files through the same loader.
if [ -x "$BIN/extract-meta" ]; then
	for d in empty notyaml list typo2 nomatch dupkey; do
		(cd "$TMP" && "$BIN/extract-meta" -r "$d" --check-rules) >/dev/null 2>&1
		is "$?" 2 "extract-meta --check-rules on the $d case: status 2"
	done
fi

# One mistake, one error, in field rules: a misspelt 'pattern' is not also
# a missing one; a misspelt 'name' still names the field, and the rules that
# look after or before a field a broken rule writes do not say that no
# earlier rule finds it; a misspelt field name gets a suggestion.
if [ -x "$BIN/extract-meta" ]; then
	dir fieldkeys
	cat >"$D/sites/x.yaml" <<'EOF'
match: foo
fields:
  - name: published
    head: 3
    patern: '^Published: (?<value>.+)$'
  - nmae: author
    before: published
    pattern: '^By (?<value>.+)$'
  - name: title
    after: author
    befor: published
    pattern: '^(?<value>.+)$'
  - name: section
    after: publishd
    pattern: '^S: (?<value>.+)$'
EOF
	(cd "$TMP" && "$BIN/extract-meta" -r fieldkeys --check-rules) >"$TMP/out" 2>"$TMP/err"
	is "$?" 2 "misspelt keys of field rules: status 2"
	X=extract-meta
	cat >"$TMP/exp" <<EOF
$X: fieldkeys/sites/x.yaml:5:5: unknown key 'patern' in rule x/fields[0] published (did you mean 'pattern'?)
$X: fieldkeys/sites/x.yaml:6:5: unknown key 'nmae' in rule x/fields[1] author (did you mean 'name'?)
$X: fieldkeys/sites/x.yaml:11:5: unknown key 'befor' in rule x/fields[2] title (did you mean 'before'?)
$X: fieldkeys/sites/x.yaml:14:12: rule x/fields[3] section: 'after: publishd': no earlier rule finds a field 'publishd' (did you mean 'published'?)
EOF
	is_file "$TMP/err" "$TMP/exp" "misspelt keys of field rules: one error per mistake, no follow-on errors"
fi

# Old spellings load for one release, each with a warning that names the
# spelling to write instead.  Field rules: 'clean: trim' did nothing (every
# value is trimmed before the clean-ups run); it loads, says so, and the
# records come out as without it.
if [ -x "$BIN/extract-meta" ]; then
	dir oldfields
	cat >"$D/sites/x.yaml" <<'EOF'
match: foo
fields:
  - name: title
    head: 1
    clean: [trim, colon]
    pattern: '^(?<value>.+)$'
  - name: author
    clean: trim
    pattern: '^by (?<value>.+)$'
EOF
	dir newfields
	sed 's/\[trim, colon\]/[colon]/; /clean: trim$/d' "$TMP/oldfields/sites/x.yaml" >"$D/sites/x.yaml"
	(cd "$TMP" && "$BIN/extract-meta" -r oldfields --check-rules) >"$TMP/out" 2>"$TMP/err"
	is "$?" 0 "'clean: trim': still loads (--check-rules status 0)"
	printf '%s\n' \
		"extract-meta: oldfields/sites/x.yaml:5:13: warning: 'clean: trim' is deprecated; leave it out (every value is trimmed)" \
		"extract-meta: oldfields/sites/x.yaml:8:12: warning: 'clean: trim' is deprecated; leave it out (every value is trimmed)" \
		>"$TMP/exp"
	is_file "$TMP/err" "$TMP/exp" "'clean: trim': a deprecation warning at each place, as file:line:col"
	printf 'source: a\nsite: x\n\n  Head line :  \nby  Someone  \n\0source: b\nsite: x\n\n\tTab :\t\nby X\n\0' >"$TMP/old.rec"
	(cd "$TMP" && "$BIN/extract-meta" -r oldfields old.rec) >"$TMP/old.out" 2>"$TMP/old.err"
	is "$?" 0 "'clean: trim' at run time: status 0"
	(cd "$TMP" && "$BIN/extract-meta" -r newfields old.rec) >"$TMP/new.out" 2>/dev/null
	is_file "$TMP/old.out" "$TMP/new.out" "'clean: trim' at run time: the records as without it"
	is "$(grep -c 'deprecated' "$TMP/old.err")" 2 "'clean: trim' at run time: warned once per place, not per record"
fi

# At run time a broken site file is found when first needed: the pages
# still come out (by the default rules), each flagged, since it might have
# been that site's; the YAML error is said once, status 2.
printf 'page one\n' >"$TMP/p1.txt"
printf 'page two\n' >"$TMP/p2.txt"
(cd "$TMP" && "$BIN/strip-boilerplate" -r notyaml p1.txt p2.txt) >"$TMP/out" 2>"$TMP/err"
st=$?
E='error: strip-boilerplate: rules of site x are broken (notyaml/sites/x.yaml): not tried for this page'
printf 'source: p1.txt\n%s\nsite: default\n\npage one\n\0source: p2.txt\n%s\nsite: default\n\npage two\n\0' "$E" "$E" >"$TMP/exp"
is_file "$TMP/out" "$TMP/exp" "a broken site file at run time: every page still comes out"
is "$(grep -c 'not valid YAML' "$TMP/err")" 1 "a broken site file at run time: said once"
is "$st" 2 "a broken site file at run time: status 2"

# A fault in a section a filter does not read is still said by it: every
# file is parsed whole, and only what a filter reads is kept (and cached).
# strip-boilerplate and extract-meta stop (status 2); normalize-date flags
# the site's records, reads their dates by the default's languages, and goes
# on (status 0), as it always has for a broken site file.
cp -r "$RULES" "$TMP/other"
printf '\nheuristics:\n  broken: [unclosed\n' >>"$TMP/other/sites/kalbela.yaml"
K="$SEEDS/003_f30f3440f69daec0.txt"
"$BIN/strip-boilerplate" -r "$RULES" "$K" >"$TMP/o.s1"
"$BIN/extract-meta" -r "$RULES" "$TMP/o.s1" >"$TMP/o.s2"
for f in strip-boilerplate extract-meta normalize-date; do
	case $f in
	strip-boilerplate) in=$K want=2 ;;
	extract-meta) in=$TMP/o.s1 want=2 ;;
	*) in=$TMP/o.s2 want=0 ;;
	esac
	"$BIN/$f" -r "$TMP/other" "$in" >"$TMP/o.out" 2>"$TMP/o.err"
	is "$?" "$want" "a fault in a site's heuristics: $f's status is $want"
	grep -q "other/sites/kalbela.yaml:[0-9]*:[0-9]*: not valid YAML" "$TMP/o.err"
	ok $? "a fault in a site's heuristics: $f names the file and line"
done
grep -q "^warning: normalize-date: site 'kalbela': its rules file has errors" "$TMP/o.out"
ok $? "a fault in a site's heuristics: normalize-date flags the record"
done_testing
