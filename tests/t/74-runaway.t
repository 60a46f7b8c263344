#!/bin/sh
# tests/t/74-runaway.t: a catastrophic pattern in a rule (issue 7).
#
# "(a+)+$" against a long line of a's that does not end in an a backtracks
# exponentially.  PCRE2's match, depth and heap limits stop it: the record
# gets "error: PROG: rule SITE/RULE: match limit exceeded", passes through
# with its text, the stream goes on, and all this in bounded time.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

# now: the time in whole seconds.
now() { date +%s; }

R=$TMP/rules
mkdir -p "$R/sites"
cp "$RULES/default.yaml" "$R/"
cp -r "$RULES/dates" "$R/"	# the default header-zone reader reads dates
cat >"$R/sites/x.yaml" <<'EOF'
match: '(?m)^RUNAWAY PAGE$'
strip:
  drop:
    - id: boom
      pattern: '(a+)+$'
fields:
  - name: title
    pattern: '(?<value>(a+)+)$'
EOF
# Site a is tried first (sites go in name order): its match pattern runs away.
cat >"$R/sites/a.yaml" <<'EOF'
match: '^(x+)+$'
EOF

A5000=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "a" }')
X5000=$(awk 'BEGIN { for (i = 0; i < 5000; i++) printf "x" }')
cd "$TMP" || exit 1
printf 'first good page\n' >good1.txt
printf 'RUNAWAY PAGE\n%s!\nthe rest of the page\n' "$A5000" >runaway.txt
printf 'last good page\n' >good2.txt

t0=$(now)
"$BIN/strip-boilerplate" -r "$R" good1.txt runaway.txt good2.txt >out 2>err
st=$?
t1=$(now)
{
	printf 'source: good1.txt\nsite: default\n\nfirst good page\n\0'
	printf 'source: runaway.txt\nsite: x\nerror: strip-boilerplate: rule x/strip.drop[0] boom: match limit exceeded\n\n'
	printf 'RUNAWAY PAGE\n%s!\nthe rest of the page\n\0' "$A5000"
	printf 'source: good2.txt\nsite: default\n\nlast good page\n\0'
} >exp
is_file out exp "a runaway strip rule: the page passes through with the error, the stream goes on"
is "$(cat err)" "strip-boilerplate: runaway.txt: rule x/strip.drop[0] boom: match limit exceeded" \
	"a runaway strip rule: one message naming the page and the rule"
is "$st" 1 "a runaway strip rule: status 1"
ok "$([ $((t1 - t0)) -le 5 ]; echo $?)" "a runaway strip rule: done in bounded time ($((t1 - t0)) s)"

# A runaway match pattern: detection goes on with the next site.
printf '%s!\n' "$X5000" >xpage.txt
"$BIN/strip-boilerplate" -r "$R" xpage.txt >out 2>err
st=$?
{
	printf 'source: xpage.txt\nerror: strip-boilerplate: rule a/match[0]: match limit exceeded\nsite: default\n\n%s!\n\0' "$X5000"
} >exp
is_file out exp "a runaway match pattern: the page goes to the default rules, with the error"
is "$st" 1 "a runaway match pattern: status 1"

# The same in extract-meta's field rules.
if [ -x "$BIN/extract-meta" ]; then
	printf 'source: r\nsite: x\n\nRUNAWAY PAGE\n%s!\nrest\n\0source: s\nsite: default\n\nনিরীহ পাতা।\n\0' "$A5000" >in.rec
	"$BIN/extract-meta" -r "$R" in.rec >out 2>err
	st=$?
	is "$(tr -cd '\0' <out | wc -c)" 2 "a runaway field rule: both records out"
	grep -q '^error: extract-meta: rule x/fields\[0\] title: match limit exceeded$' out
	ok $? "a runaway field rule: the record has the error"
	is "$(cat err)" "extract-meta: r: rule x/fields[0] title: match limit exceeded" "a runaway field rule: one message"
	is "$st" 1 "a runaway field rule: status 1"
fi

# A page with 200 such lines: a rule that hit the limit is not run again on
# that page, so the page costs one limit (about 12 ms), not 200 of them.
# The bound is loose (the suite also runs under ASan, on a busy machine).
awk -v a="$A5000" 'BEGIN { print "RUNAWAY PAGE"; for (i = 0; i < 200; i++) printf "%s!\n", substr(a, 1, 3000) }' >many.txt
t0=$(now)
"$BIN/strip-boilerplate" -r "$R" many.txt >out 2>err
t1=$(now)
is "$(grep -c 'match limit exceeded' out)" 1 "200 runaway lines: one error header"
ok "$([ $((t1 - t0)) -le 2 ]; echo $?)" "200 runaway lines: done in two seconds ($((t1 - t0)) s)"

# The same for a replace rule: it used to hit the limit again on every line
# (200 lines, 200 limits: seconds), as it never marked itself dead.
cat >"$R/sites/y.yaml" <<'EOF2'
match: '(?m)^RUNAWAY REPLACE$'
strip:
  replace:
    - id: boom
      pattern: '(a+)+$'
      with: 'b'
EOF2
awk -v a="$A5000" 'BEGIN { print "RUNAWAY REPLACE"; for (i = 0; i < 200; i++) printf "%s!\n", substr(a, 1, 3000) }' >many2.txt
t0=$(now)
"$BIN/strip-boilerplate" -r "$R" many2.txt >out 2>err
st=$?
t1=$(now)
{
	printf 'source: many2.txt\nsite: y\nerror: strip-boilerplate: rule y/strip.replace[0] boom: match limit exceeded\n\n'
	cat many2.txt
	printf '\0'
} >exp
is_file out exp "200 runaway lines, a replace rule: one error header, the lines as they were"
is "$(cat err)" "strip-boilerplate: many2.txt: rule y/strip.replace[0] boom: match limit exceeded" \
	"200 runaway lines, a replace rule: one message"
is "$st" 1 "200 runaway lines, a replace rule: status 1"
ok "$([ $((t1 - t0)) -le 2 ]; echo $?)" "200 runaway lines, a replace rule: done in two seconds ($((t1 - t0)) s)"

done_testing
