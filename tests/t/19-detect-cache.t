#!/bin/sh
# tests/t/19-detect-cache.t: the detection cache (issue 13).
#
# strip-boilerplate keeps what detection reads from every site file's head
# (the anchor index of the match literals, every site's hosts) in one file
# under $XDG_CACHE_HOME/khobor/.  Its output must be the output without the
# cache, byte for byte, whatever state the cache is in: none yet, valid,
# stale after a site file is edited in place (same size, same inode) or one
# is added or removed, truncated, garbage, unwritable.  KHOBOR_CACHE=verbose
# says on stderr what happens to the cache; the line "index read" comes from
# the one place the index is taken from the file, so a run that says it used
# the cache.  A site file changed in the last two seconds is not cached yet
# (its time stamps might not tell a second change from this one), hence the
# sleeps.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

R=$TMP/rules
mkdir -p "$R"
cp -R "$RULES/default.yaml" "$RULES/dates" "$RULES/sites" "$R/"
# A probe site, first by name: its match literal and host are what the edits change.
cat >"$R/sites/aaa-probe.yaml" <<'EOF'
name: Probe
hosts: [probe1.example.com]
match: 'ABCDABCD'
EOF
PROBE='WXYZWXYZ is on this page'
# A second rules directory with a broken site file: never cached.
cp -R "$R" "$TMP/broken"
printf 'match: [unclosed\nstrip: {\n' >"$TMP/broken/sites/zz-broken.yaml"

# The pages: every fixture and seed without a url (detected by content), the
# probe page, and pages by every host a site file lists, an unknown host and
# host/path entries (detected by hosts).
n=0
for f in "$TOP"/tests/sites/*/*.txt "$SEEDS"/*.txt "$TOP"/tests/anysite/*.txt; do
	printf 'id: %s\n\n' "$f"
	cat "$f"
	printf '\0'
	n=$((n + 1))
done >"$TMP/in.rec"
{
	printf 'id: probe\n\n%s\n\0' "$PROBE"
	for h in $(sed -n 's/^hosts: \[\(.*\)\]/\1/p' "$RULES"/sites/*.yaml | tr -d ','); do
		printf 'url: https://%s/news/1\n\n%s\n\0' "$h" "$PROBE"
	done
	for u in https://probe1.example.com/a https://probe2.example.com/a https://www.bbc.com/bengali/x \
	    https://www.bbc.com/news/x https://www.example.org/; do
		printf 'url: %s\n\n%s\n\0' "$u" "$PROBE"
	done
} >>"$TMP/in.rec"
diag "$n pages by content, $(tr -cd '\0' <"$TMP/in.rec" | wc -c) in all"

C=$XDG_CACHE_HOME/khobor

# run NAME [DIR]: strip-boilerplate over the pages, cache verbose; NAME.out, NAME.err, NAME.cache (its lines).
run() {
	KHOBOR_CACHE=verbose strip-boilerplate -r "${2:-$R}" --records <"$TMP/in.rec" >"$TMP/$1.out" 2>"$TMP/$1.err"
	st=$?
	grep 'detection cache' "$TMP/$1.err" | sed 's/.*\.cache: //' >"$TMP/$1.cache"
}
# ref NAME [DIR]: the same without a cache.
ref() {
	KHOBOR_CACHE=off strip-boilerplate -r "${2:-$R}" --records <"$TMP/in.rec" >"$TMP/$1.out" 2>"$TMP/$1.err"
	st=$?
}
# same NAME REF WHAT: NAME's output and stderr (but its cache lines) are REF's.
same() {
	is_file "$TMP/$1.out" "$TMP/$2.out" "$3: output as without the cache"
	grep -v 'detection cache\|rules cache\|pattern cache' "$TMP/$1.err" >"$TMP/$1.err2"
	is_file "$TMP/$1.err2" "$TMP/$2.err" "$3: stderr as without the cache"
}
# says NAME LINE WHAT: the cache did LINE (a fixed string) in run NAME.
says() {
	grep -qxF "$2" "$TMP/$1.cache"
	r=$?
	ok $r "$3: '$2'"
	[ $r -eq 0 ] || sed 's/^/#   /' "$TMP/$1.cache"
}

sleep 3	# the site files settle

ref ref
is "$st" 0 "without the cache: status 0"
ok "$([ ! -e "$C" ]; echo $?)" "KHOBOR_CACHE=off writes no cache"
is "$(grep -c '^site: aaa-probe' "$TMP/ref.out")" 1 "the probe site claims the page of its host, and no other"

run first
is "$st" 0 "first run: status 0"
same first ref "first run"
says first "none yet" "first run"
says first "written (index and hosts)" "first run"
set -- "$C"/detect-*.cache
is "$#" 1 "one cache file for the rules directory"
F=$1
cp "$F" "$TMP/saved"

run second
same second ref "second run"
says second "index read" "second run: the index is the cache's"
says second "hosts read" "second run: the hosts are the cache's"
is "$(grep -c written "$TMP/second.cache")" 0 "second run: nothing written"
cmp -s "$F" "$TMP/saved"
ok $? "second run: the cache file as it was"

# Edited in place, same size, same inode: the literal and the host change.
ino=$(stat -c %i "$R/sites/aaa-probe.yaml")
size=$(stat -c %s "$R/sites/aaa-probe.yaml")
sed 's/ABCDABCD/WXYZWXYZ/; s/probe1/probe2/' "$R/sites/aaa-probe.yaml" >"$TMP/edited"
cat "$TMP/edited" >"$R/sites/aaa-probe.yaml"
is "$(stat -c %i,%s "$R/sites/aaa-probe.yaml")" "$ino,$size" "the edit keeps the inode and the size"
ref edited
# Its page by content, and the pages of hosts no site lists (probe1 now, bbc.com
# but /bengali, example.org) as they carry its literal, and of its new host.
is "$(grep -c '^site: aaa-probe' "$TMP/edited.out")" 5 \
	"after the edit the probe claims its page by content, the pages of unknown hosts and of its new host"
run stale
same stale edited "a site file edited in place"
says stale "not used: a site file changed since it was made" "a site file edited in place"
says stale "not written: a site file changed in the last seconds: $R/sites/aaa-probe.yaml" \
	"a site file just edited"
sleep 3
run rewrite
same rewrite edited "after the edit has settled"
says rewrite "written (index and hosts)" "after the edit has settled: the cache is made anew"
run reread
same reread edited "the cache made anew"
says reread "index read" "the cache made anew is used"

# A site file added, then removed again.
cp "$R/sites/aaa-probe.yaml" "$R/sites/aa0-new.yaml"
ref added
is "$(grep -c '^site: aa0-new' "$TMP/added.out")" 5 "the file added, first by name, takes all the probe's pages"
run added2
same added2 added "a site file added"
says added2 "not used: made for other site files (one added or removed)" "a site file added"
rm "$R/sites/aa0-new.yaml"
run removed
same removed edited "the site file removed again"
says removed "index read" "the site file removed again: the cache of these very files is good again"

# A truncated cache file, and one of garbage: ignored, and made anew.
head -c 5000 "$F" >"$TMP/half"
cp "$TMP/half" "$F"
run truncated
same truncated edited "a truncated cache file"
says truncated "not used: truncated or damaged" "a truncated cache file"
says truncated "written (index and hosts)" "a truncated cache file is made anew"
head -c 70000 /dev/urandom >"$F"
run garbage
same garbage edited "a cache file of garbage"
says garbage "not used: not a detection cache" "a cache file of garbage"
says garbage "written (index and hosts)" "a cache file of garbage is made anew"
# One byte changed inside: the hash at the end says so.
at=$(($(stat -c %s "$F") / 2))
b=$(dd if="$F" bs=1 skip=$at count=1 2>/dev/null | od -An -tu1 | tr -d ' ')
# shellcheck disable=SC2059
printf "\\$(printf %o $(((b + 1) % 256)))" | dd of="$F" bs=1 seek=$at conv=notrunc 2>/dev/null
is "$(dd if="$F" bs=1 skip=$at count=1 2>/dev/null | od -An -tu1 | tr -d ' ')" "$(((b + 1) % 256))" "one byte of the cache file changed"
run flipped
same flipped edited "a cache file with one byte changed"
says flipped "not used: truncated or damaged" "a cache file with one byte changed"

# A cache file others can write is not trusted (cache_owned), whatever it holds.
run healthy
chmod g+w "$F"
run shared
same shared edited "a cache file others can write"
says shared "not used: not the user's own, or others can write it" "a cache file others can write"

# Filters started at once all write the cache: each reads a whole file or none.
rm -f "$F"
for i in 1 2 3 4; do
	strip-boilerplate -r "$R" --records <"$TMP/in.rec" >"$TMP/par$i.out" 2>"$TMP/par$i.err" &
done
wait
good=0
for i in 1 2 3 4; do
	cmp -s "$TMP/par$i.out" "$TMP/edited.out" && [ ! -s "$TMP/par$i.err" ] && good=$((good + 1))
done
is "$good" 4 "four filters started at once: output as without the cache"
# (The rules and pattern caches are 19-rules-cache.t's and 19-pattern-cache.t's, .pruned 19-cache-prune.t's; their temporary files count here.)
is "$(find "$C" -type f ! -name 'rules-*.cache' ! -name 'patterns-*.cache' ! -name .pruned | wc -l)" 1 \
	"four filters started at once: one detection cache file, no temporary one left"
run after
same after edited "after four at once"
says after "index read" "after four at once: the cache is whole"

# A broken site file: said each time, as without the cache, and never cached.
ref bref "$TMP/broken"
is "$st" 2 "a broken site file: status 2"
run broken1 "$TMP/broken"
same broken1 bref "a broken site file"
run broken2 "$TMP/broken"
same broken2 bref "a broken site file, second run"
is "$(grep -c -e written -e read "$TMP/broken1.cache" "$TMP/broken2.cache" | cut -d: -f2 | tr '\n' ' ')" \
	"0 0 " "a broken site file: no cache written or read"

# Where the cache goes: $XDG_CACHE_HOME (absolute), else $HOME/.cache; never an error.
: >"$TMP/afile"
XDG_CACHE_HOME=$TMP/afile/x strip-boilerplate -r "$R" --records <"$TMP/in.rec" >"$TMP/nowrite.out" 2>"$TMP/nowrite.err"
is "$?" 0 "a cache that cannot be written: status 0"
is_file "$TMP/nowrite.out" "$TMP/edited.out" "a cache that cannot be written: output as without"
is "$(wc -c <"$TMP/nowrite.err")" 0 "a cache that cannot be written: nothing on stderr"
mkdir "$TMP/home"
(unset XDG_CACHE_HOME; HOME=$TMP/home strip-boilerplate -r "$R" --records <"$TMP/in.rec" >/dev/null 2>&1)
is "$(find "$TMP/home/.cache/khobor" -name 'detect-*.cache' | wc -l)" 1 "no XDG_CACHE_HOME: under \$HOME/.cache/khobor"
(XDG_CACHE_HOME=relative HOME=$TMP/home2 strip-boilerplate -r "$R" --records <"$TMP/in.rec" >/dev/null 2>&1)
is "$(find "$TMP/home2/.cache/khobor" -name 'detect-*.cache' | wc -l)" 1 "a relative XDG_CACHE_HOME is ignored"
(unset XDG_CACHE_HOME HOME; strip-boilerplate -r "$R" --records <"$TMP/in.rec" >"$TMP/nohome.out" 2>"$TMP/nohome.err")
is "$?,$(wc -c <"$TMP/nohome.err")" "0,0" "no HOME either: no cache, no error"
is_file "$TMP/nohome.out" "$TMP/edited.out" "no HOME either: output as without"
done_testing
