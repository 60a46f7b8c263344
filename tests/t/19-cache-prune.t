#!/bin/sh
# tests/t/19-cache-prune.t: old caches are removed (cachefile.c, cache_prune).
#
# Caches are named by the paths they were made from, so the caches of a
# temporary rules directory or an old checkout would stay for good.  A
# filter that writes a cache then removes, at most once a day (the time of
# .pruned in the cache directory), the caches not read for 30 days and the
# temporary files of writers killed before their rename, an hour old; only
# files named as khobor's caches, regular and the user's own.  A cache
# counts as read when its access time or its modification time is recent.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

C=$XDG_CACHE_HOME/khobor
H=0123456789abcdef

# Three rules directories: each run below with a new one must write caches.
for d in r1 r2 r3; do
	mkdir -p "$TMP/$d/sites"
	cp -R "$RULES/default.yaml" "$RULES/dates" "$TMP/$d/"
	printf 'name: Probe %s\nhosts: [%s.example.com]\nmatch: "ABCDABCD"\n' "$d" "$d" >"$TMP/$d/sites/probe.yaml"
done
# A site file changed in the last two seconds is not cached yet.
sleep 3
printf 'id: p\n\nA page of no known site.\n\0' >"$TMP/in.rec"

# old FILE...: made and last read 40 days ago.
old() {
	for f; do
		: >"$C/$f"
		touch -d '40 days ago' "$C/$f"
	done
}
mkdir -p "$C"
old "rules-$H.cache" "detect-$H.cache" "patterns-$H.cache" \
    "notes.txt" "rules-0123456789abcdeX.cache" "rules-0123456789ABCDEF.cache" \
    "rules-$H.cache.old" "rules-$H.cacheX" "rules-0123.cache" "detect-$H.cache.AbC12"
: >"$C/rules-fedcba9876543210.cache"
touch -d '10 days ago' "$C/rules-fedcba9876543210.cache"
# Written 40 days ago, read two days ago.
: >"$C/detect-fedcba9876543210.cache"
touch -m -d '40 days ago' "$C/detect-fedcba9876543210.cache"
touch -a -d '2 days ago' "$C/detect-fedcba9876543210.cache"
# Writers' temporary files: one two hours old, one ten minutes old.
: >"$C/rules-$H.cache.Ab12Cd"
touch -d '2 hours ago' "$C/rules-$H.cache.Ab12Cd"
: >"$C/patterns-$H.cache.Ef34Gh"
touch -d '10 minutes ago' "$C/patterns-$H.cache.Ef34Gh"
# Not regular files.
mkdir "$C/rules-1111111111111111.cache"
touch -d '40 days ago' "$C/rules-1111111111111111.cache"
ln -s /dev/null "$C/rules-2222222222222222.cache"
touch -h -d '40 days ago' "$C/rules-2222222222222222.cache"

# run DIR: strip-boilerplate with rules DIR, cache verbose; its stderr's prune lines in prune.err.
run() {
	KHOBOR_CACHE=verbose strip-boilerplate -r "$TMP/$1" --records <"$TMP/in.rec" >"$TMP/out" 2>"$TMP/err"
	st=$?
	grep 'removed (' "$TMP/err" >"$TMP/prune.err"
}
there() {
	[ -e "$C/$1" ] || [ -L "$C/$1" ]
}
gone() {
	! there "$1"
}

run r1
is "$st" 0 "a run that writes caches: exit 0"
ok "$(grep -c 'written' "$TMP/err" | grep -qv '^0$'; echo $?)" "that run wrote caches"
is "$(cat "$TMP/prune.err")" "strip-boilerplate: cache $C: 4 files removed (caches unread for 30 days, temporary files an hour old)" \
    "it says what it removed, once"
for f in "rules-$H.cache" "detect-$H.cache" "patterns-$H.cache" "rules-$H.cache.Ab12Cd"; do
	ok "$(gone "$f"; echo $?)" "removed: $f"
done
for f in "rules-fedcba9876543210.cache" "detect-fedcba9876543210.cache" "patterns-$H.cache.Ef34Gh" \
    "notes.txt" "rules-0123456789abcdeX.cache" "rules-0123456789ABCDEF.cache" "rules-$H.cache.old" \
    "rules-$H.cacheX" "rules-0123.cache" "detect-$H.cache.AbC12" \
    "rules-1111111111111111.cache" "rules-2222222222222222.cache"; do
	ok "$(there "$f"; echo $?)" "kept: $f"
done
ok "$(find "$C" -maxdepth 1 -name '.pruned' -newermt '1 minute ago' | grep -q .; echo $?)" ".pruned says when"
ok "$(ls "$C"/rules-*.cache "$C"/detect-*.cache >/dev/null 2>&1; echo $?)" "the run's own caches are there"

# Within a day, no second walk.
old "rules-3333333333333333.cache"
run r2
ok "$(grep -c 'written' "$TMP/err" | grep -qv '^0$'; echo $?)" "a second run wrote caches"
is "$(cat "$TMP/prune.err")" "" "within a day: nothing said"
ok "$(there "rules-3333333333333333.cache"; echo $?)" "within a day: an old cache is kept"

# A day later, the next write walks again.
touch -d '25 hours ago' "$C/.pruned"
run r3
is "$(cat "$TMP/prune.err")" "strip-boilerplate: cache $C: 1 file removed (caches unread for 30 days, temporary files an hour old)" \
    "a day later: said"
ok "$(gone "rules-3333333333333333.cache"; echo $?)" "a day later: the old cache is removed"

# A run that only reads its caches writes nothing and walks nothing.
touch -d '25 hours ago' "$C/.pruned"
old "rules-4444444444444444.cache"
run r3
ok "$(! grep -q 'written' "$TMP/err"; echo $?)" "a run with every cache valid writes none"
ok "$(there "rules-4444444444444444.cache"; echo $?)" "and prunes nothing"

# Pruning never changes the output.
KHOBOR_CACHE=off strip-boilerplate -r "$TMP/r3" --records <"$TMP/in.rec" >"$TMP/off.out"
is_file "$TMP/out" "$TMP/off.out" "output as without the cache"

done_testing
