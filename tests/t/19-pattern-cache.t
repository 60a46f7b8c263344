#!/bin/sh
# tests/t/19-pattern-cache.t: compiled patterns kept between runs (rxcache.c).
#
# Every pattern a filter compiles is kept, serialized by PCRE2, in one file
# per program under $XDG_CACHE_HOME/khobor/ (patterns-*.cache), found next
# time by its own text and options, and decoded only when it first runs.
# strip-boilerplate and extract-meta compile patterns; normalize-date
# compiles none (its dates are read by tables), so it keeps no such file.
# The output must be the output without the cache, byte for byte, whatever
# state the cache is in: none yet, valid, an entry's code damaged (compiled
# again and written anew), truncated, garbage, writable by others (not
# trusted: PCRE2 cannot check code it reads back).  KHOBOR_CACHE=verbose
# says on stderr what happened ("pattern cache FILE: N found, M compiled").
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

C=$XDG_CACHE_HOME/khobor
set -- "$TOP"/tests/sites/*/*.txt "$SEEDS"/*.txt "$TOP"/tests/anysite/*.txt
printf '%s\n' "$@" >"$TMP/pages.lst"

# chain NAME [MODE]: the three rule-reading filters over every fixture,
# KHOBOR_CACHE=MODE (verbose); each filter's stderr in NAME.errN.
chain() {
	m=${2:-verbose}
	xargs env KHOBOR_CACHE="$m" "$BIN/strip-boilerplate" <"$TMP/pages.lst" 2>"$TMP/$1.err1" |
		KHOBOR_CACHE=$m extract-meta 2>"$TMP/$1.err2" |
		KHOBOR_CACHE=$m normalize-date >"$TMP/$1.out" 2>"$TMP/$1.err3"
	cat "$TMP/$1.err1" "$TMP/$1.err2" "$TMP/$1.err3" | grep 'pattern cache' |
		sed 's/pattern cache .*\.cache: //' >"$TMP/$1.cache"
	cat "$TMP/$1.err1" "$TMP/$1.err2" "$TMP/$1.err3" |
		grep -v 'pattern cache\|rules cache\|detection cache' >"$TMP/$1.msg"
}
# says NAME PROG ERE DESCRIPTION: a line of PROG's about the pattern cache matches ERE.
says() {
	grep -E "^$2: ($3)\$" "$TMP/$1.cache" >/dev/null
	r=$?
	ok $r "$4"
	[ $r -eq 0 ] || sed 's/^/#   /' "$TMP/$1.cache"
}
files() { find "$C" -name 'patterns-*.cache' 2>/dev/null | wc -l; }
# forge MODE: damage or forge every pattern cache the way tests/pcache.py MODE says.
forge() {
	for f in "$C"/patterns-*.cache; do
		python3 "$TOP/tests/pcache.py" "$1" "$f" || exit 1
	done
}

chain ref off
ok "$([ "$(files)" -eq 0 ]; echo $?)" "KHOBOR_CACHE=off writes no pattern cache"
chain first
is_file "$TMP/first.out" "$TMP/ref.out" "first run: output as without the cache"
is_file "$TMP/first.msg" "$TMP/ref.msg" "first run: messages as without the cache"
is "$(files)" 2 "first run: one pattern cache per filter that compiles patterns"
for p in strip-boilerplate extract-meta; do
	says first "$p" 'none yet' "first run, $p: none yet"
	says first "$p" '0 found, [1-9][0-9]* compiled, written \([0-9]+ patterns\)' "first run, $p: compiled and written"
done

chain second
is_file "$TMP/second.out" "$TMP/ref.out" "second run: output as without the cache"
is_file "$TMP/second.msg" "$TMP/ref.msg" "second run: messages as without the cache"
for p in strip-boilerplate extract-meta; do
	says second "$p" '[1-9][0-9]* found, none compiled' "second run, $p: every pattern found, none compiled"
done
# extract-meta's patterns with named groups ((?<value>...)) work from the cache too.
grep -c . "$TMP/second.out" >/dev/null
ok $? "second run: records out"

# An entry's code damaged: that pattern is compiled again, the file written anew.
forge code
chain damaged
is_file "$TMP/damaged.out" "$TMP/ref.out" "code damaged: output as without the cache"
is_file "$TMP/damaged.msg" "$TMP/ref.msg" "code damaged: messages as without the cache"
for p in strip-boilerplate extract-meta; do
	says damaged "$p" '[1-9][0-9]* found, [1-9][0-9]* compiled, written \([0-9]+ patterns\)' \
		"code damaged, $p: each pattern that runs is compiled again, the cache written anew"
done
# A damaged entry is compiled again only when its pattern runs: one that
# first runs in a later run (a site detected then) is mended then.
chain healed
is_file "$TMP/healed.out" "$TMP/ref.out" "after the damage: output as without the cache"
chain healed2
for p in strip-boilerplate extract-meta; do
	says healed2 "$p" '[1-9][0-9]* found, none compiled' "after the damage, $p: every pattern found again"
done

# Forged, its hash made right: every entry's named groups without the NUL
# that ends the last name.  The hashes find damage, not this, but what
# rx_named walks is checked when the entry is found: such an entry is not
# used, its pattern compiled (before, rx_named read past the names).
forge names
chain forged
is_file "$TMP/forged.out" "$TMP/ref.out" "names forged: output as without the cache"
is_file "$TMP/forged.msg" "$TMP/ref.msg" "names forged: messages as without the cache"
says forged extract-meta '[0-9]+ found, [1-9][0-9]* compiled, written \([0-9]+ patterns\)' \
	"names forged: those entries not used, their patterns compiled again"

# Forged, the header's hash made right: the first pattern's offset 8 bytes
# short of 2^64.  It is checked against the file's size before it is added
# to the mapping's address (UBSan: the addition overflowed).
forge offset
chain offset
is_file "$TMP/offset.out" "$TMP/ref.out" "an offset past the end forged: output as without the cache"
is_file "$TMP/offset.msg" "$TMP/ref.msg" "an offset past the end forged: messages as without the cache"

# Forged, its hash made right: every entry with groups says it has one
# more.  Compiled again when it first runs, the pattern's groups, literal
# and names are worked out anew: a cache is never an error (before, such a
# pattern stopped the filter: "does not compile as it did").  What the
# forged count decided before the pattern ran may differ, so only the
# records and the messages are compared.
chain healthy	# a whole cache file to forge
forge groups
chain groups
is_file "$TMP/groups.msg" "$TMP/ref.msg" "group counts forged: messages as without the cache (no stop)"
is "$(tr -cd '\0' <"$TMP/groups.out" | wc -c)" "$(tr -cd '\0' <"$TMP/ref.out" | wc -c)" \
	"group counts forged: every record out"

# Truncated: the table is not whole; the file is not used, and written anew.
for f in "$C"/patterns-*.cache; do
	head -c 100 "$f" >"$f.t" && mv "$f.t" "$f"
done
chain truncated
is_file "$TMP/truncated.out" "$TMP/ref.out" "truncated: output as without the cache"
says truncated extract-meta 'not used: .*' "truncated: not used"
says truncated extract-meta '0 found, [1-9][0-9]* compiled, written .*' "truncated: written anew"

# Garbage in place of the file.
for f in "$C"/patterns-*.cache; do
	head -c 5000 /dev/urandom >"$f"
done
chain garbage
is_file "$TMP/garbage.out" "$TMP/ref.out" "garbage: output as without the cache"
says garbage extract-meta 'not used: not a pattern cache' "garbage: not a pattern cache"

# A file others can write is not trusted, whatever it holds.
chmod g+w "$C"/patterns-*.cache
chain shared
is_file "$TMP/shared.out" "$TMP/ref.out" "writable by others: output as without the cache"
says shared strip-boilerplate 'not used: not the user.s own, or others can write it' \
	"writable by others: not used"

# A cache that cannot be written is not an error.
rm -f "$C"/patterns-*.cache
chmod a-w "$C"
chain readonly
chmod u+w "$C"
is_file "$TMP/readonly.out" "$TMP/ref.out" "unwritable cache directory: output as without the cache"
is_file "$TMP/readonly.msg" "$TMP/ref.msg" "unwritable cache directory: no message but the verbose ones"

done_testing
