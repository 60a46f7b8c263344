#!/bin/sh
# tests/t/81-khobor-check.t: `khobor check`, the CI over fixtures (issue 6).
#
# It passes on the repo's own rules and fixtures; it fails, with a diff per
# field, on a fixture whose expected file is wrong; --update writes a missing
# expected file; a broken rule file fails the rules checks with its
# file:line:column; a rule that no fixture fires is warned about; it works on
# a user's own rules and fixtures outside the repo; prove takes its output;
# output that cannot be written is one message and status 3, as in the
# filters, and a reader that goes away is no error.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1

# has FILE LINE DESCRIPTION: FILE has LINE, exactly.
has() {
	grep -qxF -- "$2" "$1"
	ok $? "$3"
}

# tap FILE: FILE is a TAP stream: a plan 1..N at the end, N test lines,
# numbered 1..N in order, and nothing but tests and comments.
tap() {
	awk '
		/^(not )?ok [0-9]+ / { n++; split($0, w, " "); k = (w[1] == "not") ? w[3] : w[2]
		                       if (k != n) { bad = 1 }; next }
		/^#/ { next }
		/^1\.\.[0-9]+$/ { plan = substr($0, 4); last = NR; next }
		{ bad = 1 }
		END { exit !(bad == 0 && plan == n && last == NR && n > 0) }' "$1"
}

# ---- the repo's own rules and fixtures ----

khobor check >"$TMP/own.out" 2>"$TMP/own.err"
st=$?
is $st 0 "khobor check on the repo's rules and fixtures: exit status 0"
if [ "$st" -ne 0 ]; then
	grep -A12 '^not ok' "$TMP/own.out" | sed 's/^/# /'
fi
tap "$TMP/own.out"
ok $? "khobor check: a TAP stream, the plan at the end"
grep -q '^not ok' "$TMP/own.out"
is $? 1 "khobor check: no 'not ok'"
is_file "$TMP/own.err" /dev/null "khobor check: nothing on stderr"
for t in strip-boilerplate extract-meta normalize-date; do
	grep -q "^ok [0-9]* - rules: $t accepts every rule file\$" "$TMP/own.out"
	ok $? "khobor check: $t accepts every rule file"
done
for page in tests/sites/*/*.txt; do
	site=${page#tests/sites/}
	site=${site%%/*}
	name=${page##*/}
	name=${name%.txt}
	grep -q "^ok [0-9]* - $site/$name\$" "$TMP/own.out"
	ok $? "khobor check: $site/$name passes"
done
sed -n 's/^# warning: /warning: /p' "$TMP/own.out" | sed 's/^/# /'

# ---- a fixture whose expected file is wrong ----

# A copy of three fixtures; the expected file of one says 16:35 where the
# page says ০৪:৫৩ পিএম.  khobor check takes the sites in order: test 4 is
# dhakadiplomat/seed-001, 5 kalbela/seed-000, 6 kalbela/seed-004.
F=$TMP/fixtures
mkdir -p "$F/kalbela" "$F/dhakadiplomat"
cp tests/sites/kalbela/seed-000.* tests/sites/kalbela/seed-004.* "$F/kalbela/"
cp tests/sites/dhakadiplomat/seed-001.* "$F/dhakadiplomat/"
jq -c '.published = "2023-07-25T16:35:00+06:00"' tests/sites/kalbela/seed-000.jsonl >"$F/kalbela/seed-000.jsonl"
khobor check "$F" >"$TMP/wrong.out" 2>"$TMP/wrong.err"
is $? 1 "a wrong expected file: exit status 1"
tap "$TMP/wrong.out"
ok $? "a wrong expected file: still a TAP stream"
has "$TMP/wrong.out" "not ok 5 - kalbela/seed-000: output differs from $F/kalbela/seed-000.jsonl" \
	"a wrong expected file: 'not ok', the fixture and its expected file named"
sed -n '/^not ok 5 /,/^\(not \)\{0,1\}ok /p' "$TMP/wrong.out" | sed '1d;$d' >"$TMP/wrong.diag"
printf '%s\n' '# field published:' '#   expected: "2023-07-25T16:35:00+06:00"' \
	'#   got:      "2023-07-25T16:53:00+06:00"' >"$TMP/wrong.want"
is_file "$TMP/wrong.diag" "$TMP/wrong.want" "a wrong expected file: the field, expected and got, and no other field"
has "$TMP/wrong.out" "ok 6 - kalbela/seed-004" "a wrong expected file: the other fixtures still pass"
has "$TMP/wrong.out" "ok 4 - dhakadiplomat/seed-001" "a wrong expected file: the other site's fixture passes"
is_file "$TMP/wrong.err" /dev/null "a wrong expected file: nothing on stderr"

# A field missing from the expected file, one in the text changed, one added.
jq -c 'del(.agency) | .text |= sub("কিম জং উন।"; "কিম।") | .extra = "x"' \
	tests/sites/kalbela/seed-004.jsonl >"$F/kalbela/seed-004.jsonl"
khobor check "$F" >"$TMP/wrong2.out" 2>&1
is $? 1 "three fields wrong: exit status 1"
sed -n '/^not ok 6 /,/^\(not \)\{0,1\}ok /p' "$TMP/wrong2.out" | sed '1d;$d' >"$TMP/wrong2.diag"
has "$TMP/wrong2.diag" '# field agency:' "a field the expected file lacks: named"
has "$TMP/wrong2.diag" '#   expected: (absent)' "a field the expected file lacks: expected (absent)"
has "$TMP/wrong2.diag" '#   got:      ["কেসিএনএ","এএফপি","আল জাজিরা"]' "a field the expected file lacks: the values got"
has "$TMP/wrong2.diag" '# field extra:' "a field the output lacks: named"
has "$TMP/wrong2.diag" '#   got:      (absent)' "a field the output lacks: got (absent)"
has "$TMP/wrong2.diag" '# field text (- expected, + got):' "a change in the text: the text field named"
is "$(grep -c '^# field ' "$TMP/wrong2.diag")" 3 "three fields wrong: three fields shown"
cp tests/sites/kalbela/seed-000.jsonl tests/sites/kalbela/seed-004.jsonl "$F/kalbela/"

# A page filed under the wrong site.
mkdir -p "$F/prothomalo-not"
cp tests/sites/kalbela/seed-002.txt tests/sites/kalbela/seed-002.jsonl "$F/prothomalo-not/"
khobor check "$F" >"$TMP/site.out" 2>&1
is $? 1 "a page under the wrong site: exit status 1"
grep -q "^not ok [0-9]* - prothomalo-not/seed-002: detected as site 'kalbela', not 'prothomalo-not'\$" "$TMP/site.out"
ok $? "a page under the wrong site: 'not ok', the site detected and the site expected"
rm -r "$F/prothomalo-not"

# ---- --update ----

rm "$F/kalbela/seed-004.jsonl"
khobor check "$F" >"$TMP/noexp.out" 2>&1
is $? 1 "no expected file, no --update: exit status 1"
grep -q "^not ok [0-9]* - kalbela/seed-004: no expected file $F/kalbela/seed-004.jsonl (khobor check --update writes one for review)\$" "$TMP/noexp.out"
ok $? "no expected file, no --update: 'not ok', and how to write one"
[ ! -e "$F/kalbela/seed-004.jsonl" ]
ok $? "no expected file, no --update: none written"
jq -c '.title = "wrong on purpose"' tests/sites/kalbela/seed-000.jsonl >"$F/kalbela/seed-000.jsonl"
cp "$F/kalbela/seed-000.jsonl" "$TMP/seed-000.before"
khobor check --update "$F" >"$TMP/update.out" 2>&1
is $? 1 "--update with another fixture wrong: exit status 1"
has "$TMP/update.out" "ok 6 - kalbela/seed-004: wrote $F/kalbela/seed-004.jsonl; review it line by line" \
	"--update: reports the file it wrote"
is_file "$F/kalbela/seed-004.jsonl" tests/sites/kalbela/seed-004.jsonl "--update: the file written is the current output"
is_file "$F/kalbela/seed-000.jsonl" "$TMP/seed-000.before" "--update: an existing expected file is left alone, even a wrong one"
grep -q '^not ok [0-9]* - kalbela/seed-000: ' "$TMP/update.out"
ok $? "--update: the wrong one still fails"
cp tests/sites/kalbela/seed-000.jsonl "$F/kalbela/"
khobor check "$F" >"$TMP/fixed.out" 2>&1
is $? 0 "every expected file right again: exit status 0"

# ---- a broken rule file in -r DIR ----

cp -R rules "$TMP/broken"
# A pattern that does not compile: extract-meta's error, at the character.
cat >>"$TMP/broken/sites/kalbela.yaml" <<'EOF'
  - name: broken
    head: 1
    pattern: '^(?<value>[a-z'
EOF
line=$(wc -l <"$TMP/broken/sites/kalbela.yaml" | tr -d ' ')
khobor check -r "$TMP/broken" "$F" >"$TMP/broken.out" 2>&1
is $? 1 "a broken field pattern: exit status 1"
grep -q '^not ok 2 - rules: extract-meta rejects a rule file$' "$TMP/broken.out"
ok $? "a broken field pattern: the extract-meta rules check fails"
grep -q "^# extract-meta: $TMP/broken/sites/kalbela.yaml:$line:29: rule kalbela/fields\[[0-9]*\] broken: bad pattern: missing terminating \] for character class" "$TMP/broken.out"
ok $? "a broken field pattern: file:line:column and the reason in the diagnostics"
grep -q '^ok 1 - rules: strip-boilerplate accepts every rule file$' "$TMP/broken.out"
ok $? "a broken field pattern: strip-boilerplate, which does not use it, accepts the rules"
# Not YAML at all: every filter that reads site files rejects it.
cp -R rules "$TMP/broken2"
printf 'match: [\n' >"$TMP/broken2/sites/zz.yaml"
khobor check -r "$TMP/broken2" "$F" >"$TMP/broken2.out" 2>&1
is $? 1 "a rule file that is not YAML: exit status 1"
for t in strip-boilerplate extract-meta normalize-date; do
	grep -q "^not ok [0-9]* - rules: $t rejects a rule file\$" "$TMP/broken2.out"
	ok $? "not YAML: the $t rules check fails"
	grep -q "^# $t: $TMP/broken2/sites/zz.yaml:2:1: not valid YAML: " "$TMP/broken2.out"
	ok $? "not YAML: $t's file:line:column message in the diagnostics"
done

# ---- rules no fixture fires ----

cp -R rules "$TMP/never"
# A strip rule and a field rule that match no page of the fixtures.
awk '{ print } /^  drop:$/ && !d { print "    - name: never-dropped"; print "      pattern: '"'"'^no page has this line$'"'"'"; d = 1 }' \
	rules/sites/kalbela.yaml >"$TMP/never/sites/kalbela.yaml"
cat >>"$TMP/never/sites/kalbela.yaml" <<'EOF'
  - name: never_found
    pattern: '^no page has this line either: (?<value>.+)$'
  - name: never_found
    id: never-after-title
    after: title
    head: 2
    pattern: '^nor this one: (?<value>.+)$'
  - name: never_anchored
    after: [title, published]
    before: updated
    pattern: '^nor this: (?<value>.+)$'
  - id: never-headline-again
    drop: true
    after: title
    head: 1
    equals: title
  - drop: true
    tail: 1
    pattern: '^no page ends so$'
EOF
dline=$(grep -n 'name: never-dropped' "$TMP/never/sites/kalbela.yaml" | cut -d: -f1)
fline=$(grep -n 'name: never_found' "$TMP/never/sites/kalbela.yaml" | head -n 1 | cut -d: -f1)
khobor check -r "$TMP/never" "$F" >"$TMP/never.out" 2>&1
is $? 0 "a rule that never fires: a warning, not a failure (exit status 0)"
K=$TMP/never/sites/kalbela.yaml
has "$TMP/never.out" "# warning: kalbela: the strip.drop rule never-dropped ($K:$dline) never fired on any fixture" \
	"a strip rule that never fires: warned about by its id, with its file and line"
grep -q '^# warning: kalbela: the strip.cut rule promo-and-after ' "$TMP/never.out"
is $? 1 "a strip rule that fires (kalbela's promo cut): no warning"
has "$TMP/never.out" "# warning: kalbela: the never_found rule that reads the whole body ($K:$fline) never fired on any fixture" \
	"a field rule without an id that never fires: its field and where it looks, not kalbela/fields[N]"
has "$TMP/never.out" "# warning: kalbela: the never_found rule never-after-title ($K:$((fline + 2))) never fired on any fixture" \
	"a field rule with an id that never fires: its field and its id"
has "$TMP/never.out" "# warning: kalbela: the never_anchored rule that reads the lines after the 'title' or 'published' line and before the 'updated' line ($K:$((fline + 7))) never fired on any fixture" \
	"a field rule with a list of anchors: all of them in its description"
has "$TMP/never.out" "# warning: kalbela: the drop rule never-headline-again ($K:$((fline + 11))) never fired on any fixture" \
	"a drop rule with an id that never fires: named by its id"
has "$TMP/never.out" "# warning: kalbela: the drop rule that reads the last line ($K:$((fline + 16))) never fired on any fixture" \
	"a drop rule without an id that never fires: named by where it looks"
grep -q '^# warning: .*fields\[' "$TMP/never.out"
is $? 1 "no warning names a rule as SITE/fields[N]"
tail -n 1 "$TMP/never.out" | grep -q '^1\.\.[0-9]*$'
ok $? "the warnings come before the plan"

# ---- --site: one site's fixtures and warnings ----

khobor check -r "$TMP/never" --site kalbela "$F" >"$TMP/site1.out" 2>&1
is $? 0 "--site kalbela: exit status 0"
tap "$TMP/site1.out"
ok $? "--site kalbela: a TAP stream"
is "$(grep -c '^ok [0-9]* - kalbela/' "$TMP/site1.out")" 2 "--site kalbela: kalbela's two fixture pages checked"
grep -q 'dhakadiplomat' "$TMP/site1.out"
is $? 1 "--site kalbela: no other site's pages checked, no other site's warnings"
grep -q '^# warning: kalbela: the never_found rule' "$TMP/site1.out"
ok $? "--site kalbela: kalbela's warnings still come"
khobor check -r "$TMP/never" --site dhakadiplomat "$F" >"$TMP/site2.out" 2>&1
is $? 0 "--site dhakadiplomat: exit status 0"
grep -q '^# warning: kalbela' "$TMP/site2.out"
is $? 1 "--site dhakadiplomat: no warning about kalbela's rules"
grep -q '^ok [0-9]* - dhakadiplomat/seed-001$' "$TMP/site2.out"
ok $? "--site dhakadiplomat: its page checked"
khobor check -r "$TMP/never" --site=kalbela --site dhakadiplomat "$F" >"$TMP/site3.out" 2>&1
is "$(grep -c '^ok [0-9]* - [a-z]*/seed-' "$TMP/site3.out")" 3 "--site twice: both sites' pages checked"
khobor check --site nosuchsite "$F" >"$TMP/site4.out" 2>&1
is $? 1 "--site of a site with no fixtures: exit status 1"
has "$TMP/site4.out" "not ok 4 - --site nosuchsite: no fixture pages of nosuchsite in $F (FIXTURES/nosuchsite/NAME.txt)" \
	"--site of a site with no fixtures: 'not ok' says so"
khobor check --site ../x "$F" >/dev/null 2>"$TMP/site5.err"
is $? 2 "--site with a path: exit status 2"

# ---- a user's own rules and fixtures, outside the repo ----

U=$TMP/user
mkdir -p "$U/myrules/sites" "$U/myfixtures/example"
cp rules/default.yaml "$U/myrules/"
cp -R rules/dates "$U/myrules/"
cat >"$U/myrules/sites/example.yaml" <<'EOF'
# A site of the user's own: an English page in a made-up layout.
name: Example News
lang: [en]
zone: Asia/Dhaka
match:
  - '(?m)^EXAMPLE NEWS$'
strip:
  drop:
    - name: masthead
      pattern: '^EXAMPLE NEWS$'
  cut:
    - name: footer
      from: '^Share this story$'
fields:
  - name: title
    head: 1
    required: true
    pattern: '^(?<value>.+)$'
  - name: author
    head: 2
    pattern: '^By (?<value>.+)$'
  - name: published
    head: 3
    required: true
    pattern: '^Published: (?<value>.+)$'
EOF
cat >"$U/myfixtures/example/storm.txt" <<'EOF'
EXAMPLE NEWS
Storm reaches the coast
By A. Reporter
Published: 3 March 2025, 14:05

The storm reached the coast on Monday morning.

Schools were closed in three districts.

Share this story
Other headline one
EOF
(cd "$U" && env -u KHOBOR_RULES khobor check -r myrules/ myfixtures/) >"$TMP/user1.out" 2>&1
is $? 1 "own rules, outside the repo, no expected file yet: exit status 1"
(cd "$U" && env -u KHOBOR_RULES khobor check --update -r myrules/ myfixtures/) >"$TMP/user2.out" 2>&1
is $? 0 "own rules, --update: exit status 0"
grep -q '^ok 4 - example/storm: wrote myfixtures/*example/storm.jsonl; review it line by line$' "$TMP/user2.out"
ok $? "own rules, --update: the expected file written"
# Read by hand: the masthead and the footer gone, the fields as printed,
# 14:05 in Dhaka.
cat >"$TMP/storm.want" <<'EOF'
{"source":"storm.txt","site":"example","title":"Storm reaches the coast","author":"A. Reporter","published":"2025-03-03T14:05:00+06:00","published_raw":"3 March 2025, 14:05","lang":"en","paragraph_count":2,"word_count":14,"char_count":85,"text":"The storm reached the coast on Monday morning.\n\nSchools were closed in three districts."}
EOF
is_file "$U/myfixtures/example/storm.jsonl" "$TMP/storm.want" "own rules, --update: the page's record, as read by hand"
(cd "$U" && env -u KHOBOR_RULES khobor check -r myrules/ myfixtures/) >"$TMP/user3.out" 2>&1
is $? 0 "own rules and fixtures: khobor check -r myrules/ myfixtures/ passes"
tap "$TMP/user3.out"
ok $? "own rules and fixtures: a TAP stream"
has "$TMP/user3.out" "ok 4 - example/storm" "own rules and fixtures: the fixture passes"
grep -q '^# warning: rule \(kalbela\|dhakadiplomat\)' "$TMP/user3.out"
is $? 1 "own rules and fixtures: the repo's rules are not used"
# A fixture the user's expected file gets wrong fails there too.
sed 's/A\. Reporter/B. Reporter/' "$U/myfixtures/example/storm.jsonl" >"$TMP/storm.wrong"
cp "$TMP/storm.wrong" "$U/myfixtures/example/storm.jsonl"
(cd "$U" && env -u KHOBOR_RULES khobor check -r myrules/ myfixtures/) >"$TMP/user4.out" 2>&1
is $? 1 "own rules, a wrong expected file: exit status 1"
has "$TMP/user4.out" '#   got:      "A. Reporter"' "own rules, a wrong expected file: the diff"

# ---- prove takes the output as TAP ----

cat >"$TMP/own.t" <<EOF
#!/bin/sh
exec khobor check "$F"
EOF
cat >"$TMP/wrong.t" <<EOF
#!/bin/sh
cd "$U" && exec khobor check -r myrules/ myfixtures/
EOF
chmod +x "$TMP/own.t" "$TMP/wrong.t"
prove "$TMP/own.t" >"$TMP/prove.out" 2>&1
is $? 0 "prove runs khobor check on good fixtures: it passes"
grep -q '^Result: PASS$' "$TMP/prove.out"
ok $? "prove: Result: PASS"
env -u KHOBOR_RULES prove "$TMP/wrong.t" >"$TMP/prove2.out" 2>&1
is $? 1 "prove runs khobor check on a wrong fixture: it fails"
grep -q '^Result: FAIL$' "$TMP/prove2.out"
ok $? "prove: Result: FAIL"
grep -q 'Failed test:  *4$' "$TMP/prove2.out"
ok $? "prove: the failed test is number 4"

# ---- output that cannot be written ----

# A full disk: one message, the filters' words, status 3; not a line per
# TAP line, and not status 0.  Its temporary directory is removed.
mkdir "$TMP/tmpdir"
TMPDIR=$TMP/tmpdir khobor check >/dev/full 2>"$TMP/full.err"
is $? 3 "check > /dev/full: exit status 3"
is "$(cat "$TMP/full.err")" "khobor: write error on standard output: No space left on device" \
	"check > /dev/full: one message, as the filters write it"
is "$(find "$TMP/tmpdir" -mindepth 1 | wc -l | tr -d ' ')" 0 "check > /dev/full: no temporary files left"
# The same when only --help is written.
khobor check --help >/dev/full 2>"$TMP/full-help.err"
is $? 3 "check --help > /dev/full: exit status 3"
is "$(cat "$TMP/full-help.err")" "khobor: write error on standard output: No space left on device" \
	"check --help > /dev/full: one message"
# A closed standard output.
khobor check >&- 2>"$TMP/closed.err"
is $? 3 "check with standard output closed: exit status 3"
is "$(cat "$TMP/closed.err")" "khobor: write error on standard output: Bad file descriptor" \
	"check with standard output closed: one message"
# A reader that goes away after the first line: no message, status 0.
{
	TMPDIR=$TMP/tmpdir khobor check 2>"$TMP/pipe.err"
	echo $? >"$TMP/pipe.st"
} | head -n 1 >"$TMP/pipe.out"
is "$(cat "$TMP/pipe.st")" 0 "check | head -n 1: exit status 0"
is_file "$TMP/pipe.err" /dev/null "check | head -n 1: nothing on stderr"
grep -q '^ok 1 - ' "$TMP/pipe.out"
ok $? "check | head -n 1: the first TAP line came through"
is "$(find "$TMP/tmpdir" -mindepth 1 | wc -l | tr -d ' ')" 0 "check | head -n 1: no temporary files left"

# ---- usage ----

khobor check "$TMP/no-such-dir" >"$TMP/nodir.out" 2>"$TMP/nodir.err"
is $? 2 "check of a missing fixtures directory: exit status 2"
is "$(cat "$TMP/nodir.err")" "khobor: $TMP/no-such-dir: not a fixtures directory (FIXTURES/SITE/NAME.txt)" \
	"check of a missing fixtures directory: the message"
khobor check -r "$TMP/no-such-rules" "$F" >/dev/null 2>"$TMP/norules.err"
is $? 2 "check -r of a missing directory: exit status 2"
is "$(cat "$TMP/norules.err")" "khobor: $TMP/no-such-rules: not a rules directory" \
	"check -r of a missing directory: the message"

# A site directory given on its own is checked as one site; a directory
# with no pages is a failure, not an empty pass.
khobor check tests/sites/prothomalo >"$TMP/one.out" 2>&1
is $? 0 "a site directory alone: exit status 0"
is "$(grep -c '^ok [0-9]* - prothomalo/' "$TMP/one.out")" "$(find tests/sites/prothomalo -name '*.txt' | wc -l | tr -d ' ')" \
	"a site directory alone: each of its pages checked"
mkdir "$TMP/empty"
khobor check "$TMP/empty" >"$TMP/empty.out" 2>&1
is $? 1 "a directory with no fixture pages: exit status 1"
grep -q "^not ok [0-9]* - $TMP/empty: no fixture pages" "$TMP/empty.out"
ok $? "a directory with no fixture pages: 'not ok' says so"

# The detection matrix: a site file whose pattern also claims Kalbela's pages
# is a clash, named with both rules; with the real rules there is none.
khobor check >"$TMP/matrix.out" 2>&1
grep -q "^ok [0-9]* - detection: each of [0-9]* fixtures is claimed by its own site's rules alone" "$TMP/matrix.out"
ok $? "the detection matrix of the real rules is clean"
cp -R rules "$TMP/clash"
printf '%s\n' "name: Clash" "match:" "  - '(?m)^কালবেলা অনলাইন এর সর্বশেষ খবর পেতে Google News'" >"$TMP/clash/sites/zzclash.yaml"
khobor check -r "$TMP/clash" tests/sites/kalbela >"$TMP/clash.out" 2>&1
is $? 1 "a clash of two sites' patterns: exit status 1"
grep -q "^not ok [0-9]* - detection: kalbela/seed-000 is claimed by two sites' rules: kalbela ($TMP/clash/sites/kalbela.yaml:[0-9]*) and zzclash ($TMP/clash/sites/zzclash.yaml:3)" "$TMP/clash.out"
ok $? "a clash: the 'not ok' names both rules, file and line"

done_testing
