#!/bin/sh
# tests/t/83-khobor-lint.t: `khobor lint`, every filter's --check-rules in
# one command and no fixtures (issue 14, the rule author's workbench).
#
# It is quiet and exits 0 on the repo's rules; it says an error that only
# one filter sees (a field rule: extract-meta; a date language:
# normalize-date; a strip rule: strip-boilerplate); a file every filter
# reads and none can parse is said once, not once per filter; messages come
# in file, line and column order; warnings alone leave the status 0.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1

khobor lint >"$TMP/own.out" 2>"$TMP/own.err"
is $? 0 "lint on the repo's rules: exit status 0"
is_file "$TMP/own.out" /dev/null "lint on the repo's rules: nothing on stdout"
is_file "$TMP/own.err" /dev/null "lint on the repo's rules: nothing on stderr"

# A copy of the rules with one mistake for each filter, and a file no one parses.
R=$TMP/rules
cp -R rules "$R"
cat >"$R/sites/aa.yaml" <<'EOF'
match: '^AA NEWS$'
strip:
  drop:
    - id: broken-drop
      pattern: 'a(b'
fields:
  - name: title
    head: 1
    pattern: '^(?<value>.+$'
EOF
printf 'match: [\n' >"$R/sites/zz.yaml"
sed 's/^digits: .*/digits: "123"/' rules/dates/en.yaml >"$R/dates/en.yaml"
(cd "$TMP" && khobor lint -r rules) >"$TMP/bad.out" 2>"$TMP/bad.err"
is $? 2 "lint on rules with errors: exit status 2"
is_file "$TMP/bad.out" /dev/null "lint on rules with errors: nothing on stdout"
cat >"$TMP/bad.want" <<'EOF'
khobor: rules/dates/en.yaml:6:9: 'digits' items are the ten digits 0 to 9 in order, like "0123456789"; '123' is not
khobor: rules/sites/aa.yaml:5:20: rule aa/strip.drop[0] broken-drop: bad pattern: missing closing parenthesis (at offset 3 of the pattern)
khobor: rules/sites/aa.yaml:9:28: rule aa/fields[0] title: bad pattern: missing closing parenthesis (at offset 13 of the pattern)
khobor: rules/sites/zz.yaml:2:1: not valid YAML: did not find expected node content while parsing a flow node (line 2)
khobor: date language rules have errors; nothing was read
EOF
is_file "$TMP/bad.err" "$TMP/bad.want" "lint: each filter's error once, in file and line order, as khobor; summaries last"

# A warning alone (a deprecated spelling) is said and the status stays 0.
W=$TMP/warn
cp -R rules "$W"
cat >"$W/sites/aa.yaml" <<'EOF'
match: '^AA NEWS$'
fields:
  - name: title
    head: 1
    clean: trim
    pattern: '^(?<value>.+)$'
EOF
(cd "$TMP" && khobor lint --rules=warn) >/dev/null 2>"$TMP/warn.err"
is $? 0 "lint on rules with a warning only: exit status 0"
is "$(cat "$TMP/warn.err")" \
	"khobor: warn/sites/aa.yaml:5:12: warning: 'clean: trim' is deprecated; leave it out (every value is trimmed)" \
	"lint on rules with a warning only: the warning, once"

# Usage.
khobor lint -r "$TMP/no-such-dir" >/dev/null 2>"$TMP/nodir.err"
is $? 2 "lint -r of a missing directory: exit status 2"
is "$(cat "$TMP/nodir.err")" "khobor: $TMP/no-such-dir: not a rules directory" "lint -r of a missing directory: the message"
khobor lint tests/sites >/dev/null 2>"$TMP/arg.err"
is $? 2 "lint with an operand: exit status 2"
grep -q "^khobor: lint reads no FILE" "$TMP/arg.err"
ok $? "lint with an operand: says it reads no FILE"
khobor lint --bogus >/dev/null 2>"$TMP/opt.err"
is $? 2 "lint with an unknown option: exit status 2"
khobor lint --help >"$TMP/help.out"
grep -q '^       khobor lint \[-r DIR\]$' "$TMP/help.out"
ok $? "khobor --help shows lint's usage"

done_testing
