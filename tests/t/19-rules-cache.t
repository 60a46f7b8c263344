#!/bin/sh
# tests/t/19-rules-cache.t: rule files kept parsed between runs (ymlcache.c).
#
# A rule file, or the part of it a filter reads (default.yaml, a site's
# file, a date language, a site file's head), is kept as the tree yml.c
# built from it, in a cache file under $XDG_CACHE_HOME/khobor/, and a
# later run whose file is as it was rebuilds
# the tree from there instead of parsing YAML.  The output must be the
# output without the cache, byte for byte, whatever state the cache is in:
# none yet, valid, stale after the rule file is edited in place, truncated,
# garbage.  A file that does not load cleanly is never cached, so its
# messages come every time.  KHOBOR_CACHE=verbose says what happens on
# stderr ("rules cache FILE: read", ...).  A rule file changed in the last
# two seconds is not cached yet (see 19-detect-cache.t), hence the sleeps.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

R=$TMP/rules
mkdir -p "$R"
cp -R "$RULES/default.yaml" "$RULES/dates" "$RULES/sites" "$R/"
C=$XDG_CACHE_HOME/khobor
# Every fixture and seed through the chain's three rule-reading filters.
set -- "$TOP"/tests/sites/*/*.txt "$SEEDS"/*.txt "$TOP"/tests/anysite/*.txt
printf '%s\n' "$@" >"$TMP/pages.lst"
KHOBOR_CACHE=off strip-boilerplate -r "$RULES" "$@" >"$TMP/in.s1"

# chain NAME [MODE]: the three filters over the pages, KHOBOR_CACHE=MODE (verbose).
chain() {
	m=${2:-verbose}
	xargs env KHOBOR_CACHE="$m" "$BIN/strip-boilerplate" -r "$R" <"$TMP/pages.lst" 2>"$TMP/$1.err1" |
		KHOBOR_CACHE=$m extract-meta -r "$R" 2>"$TMP/$1.err2" |
		KHOBOR_CACHE=$m normalize-date -r "$R" >"$TMP/$1.out" 2>"$TMP/$1.err3"
}
# Only extract-meta and normalize-date, on the records: they read the most rules.
# (Each its own stderr: two writers on one would cut each other's lines.)
run() {
	KHOBOR_CACHE=${2:-verbose} extract-meta -r "$R" "$TMP/in.s1" 2>"$TMP/$1.err1" |
		KHOBOR_CACHE=${2:-verbose} normalize-date -r "$R" >"$TMP/$1.out" 2>"$TMP/$1.err2"
	cat "$TMP/$1.err1" "$TMP/$1.err2" >"$TMP/$1.err"
	grep 'rules cache' "$TMP/$1.err" | sed 's/.*\.cache: //' | sort -u >"$TMP/$1.cache"
	grep -v 'rules cache\|detection cache\|pattern cache' "$TMP/$1.err" >"$TMP/$1.msg"
}
says() {
	grep -qxF "$2" "$TMP/$1.cache"
	r=$?
	ok $r "$3: '$2'"
	[ $r -eq 0 ] || sed 's/^/#   /' "$TMP/$1.cache"
}
count() { find "$C" -name 'rules-*.cache' 2>/dev/null | wc -l; }

sleep 3	# the rule files settle

run ref off
ok "$([ "$(count)" -eq 0 ]; echo $?)" "KHOBOR_CACHE=off writes no rules cache"
run first
is_file "$TMP/first.out" "$TMP/ref.out" "first run: output as without the cache"
is_file "$TMP/first.msg" "$TMP/ref.msg" "first run: messages as without the cache"
says first "none yet" "first run"
says first "written" "first run"
n=$(count)
ok "$([ "$n" -ge 3 ]; echo $?)" "first run: a cache for each rule file read ($n)"
run second
is_file "$TMP/second.out" "$TMP/ref.out" "second run: output as without the cache"
is_file "$TMP/second.msg" "$TMP/ref.msg" "second run: messages as without the cache"
says second "read" "second run"
ok "$(! grep -q 'none yet\|written\|not used' "$TMP/second.cache"; echo $?)" "second run: every rule file from the cache"
is "$(count)" "$n" "second run: no more cache files"

# An edit in place (same inode): a field rule of default.yaml changes what comes out.
sed -i 's/^\(reader:\)$/\1/' "$R/default.yaml"	# touch, same bytes
printf '\n# an edit\n' >>"$R/default.yaml"
run edited
says edited "not used: the rule file changed since it was made" "edited in place"
says edited "not written: the rule file changed in the last seconds" "edited in place"
run edited-ref off
is_file "$TMP/edited.out" "$TMP/edited-ref.out" "edited in place: output as without the cache"
sleep 3
run edited2
says edited2 "written" "edited, settled"
run edited3
says edited3 "read" "edited, settled, read again"
is_file "$TMP/edited3.out" "$TMP/ref.out" "edited (a comment), read again: output as before"

# Damage: every cache file cut short, then every one garbage.
for f in "$C"/rules-*.cache; do head -c 100 "$f" >"$f.t" && mv "$f.t" "$f"; done
run cut
says cut "not used: truncated or damaged" "cut short"
is_file "$TMP/cut.out" "$TMP/ref.out" "cut short: output as without the cache"
says cut "written" "cut short: made anew"
for f in "$C"/rules-*.cache; do printf 'garbage\n' >"$f"; done
run garbage
says garbage "not used: not a rules cache" "garbage"
is_file "$TMP/garbage.out" "$TMP/ref.out" "garbage: output as without the cache"
# One byte changed in the middle: the hash says so.
for f in "$C"/rules-*.cache; do
	sz=$(wc -c <"$f")
	printf 'Z' | dd of="$f" bs=1 seek=$((sz / 2)) conv=notrunc 2>/dev/null
done
run flipped
says flipped "not used: truncated or damaged" "a byte changed"
is_file "$TMP/flipped.out" "$TMP/ref.out" "a byte changed: output as without the cache"
# Cache files others can write are not trusted (cache_owned), whatever they hold.
run healthy
chmod g+w "$C"/rules-*.cache
run shared
says shared "not used: not the user's own, or others can write it" "writable by others"
is_file "$TMP/shared.out" "$TMP/ref.out" "writable by others: output as without the cache"

# A rule file with a fault is never cached: its message comes every time.
printf '  broken: [unclosed\n' >>"$R/sites/kalbela.yaml"
sleep 3
run broken1
run broken2
grep -c 'kalbela.yaml:.*not valid YAML' "$TMP/broken2.err" >"$TMP/b2"
is "$(cat "$TMP/b2")" 2 "a broken site file: its fault is said on the second run too, by both filters"
is_file "$TMP/broken2.out" "$TMP/broken1.out" "a broken site file: the same output both runs"

# A FIFO where a cache file goes: not read, and no filter waits on it.
for f in "$C"/rules-*.cache; do rm -f "$f" && mkfifo "$f"; done
KHOBOR_CACHE=verbose timeout 20 extract-meta -r "$R" "$TMP/in.s1" >"$TMP/fifo.out" 2>"$TMP/fifo.err"
is "$?" 2 "a FIFO for the cache: the filter does not hang (and still says the broken file)"
grep -q 'not used: not a rules cache' "$TMP/fifo.err"
ok $? "a FIFO for the cache: 'not used: not a rules cache'"
find "$C" -type p -exec rm -f {} +
cp "$RULES/sites/kalbela.yaml" "$R/sites/"
sleep 3
# The whole chain, cache on and off, once more (strip-boilerplate reads default.yaml without two sections).
chain chain-off off
chain chain-on1
chain chain-on2
is_file "$TMP/chain-on2.out" "$TMP/chain-off.out" "the chain with the cache: output as without it"

done_testing
