#!/bin/sh
# make install puts the executables, the man pages and the rules where the
# issue says, an installed khobor runs from there, and make uninstall takes
# it all away again.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

D=$TMP/inst
make -s -C "$TOP" install DESTDIR="$D" PREFIX=/usr/local >"$TMP/out" 2>&1
ok $? "make install DESTDIR=... PREFIX=/usr/local"
for f in bin/khobor bin/strip-boilerplate bin/extract-meta bin/normalize-date bin/to-jsonl bin/from-jsonl \
	share/man/man1/khobor.1 share/man/man5/khobor-rules.5 share/man/man7/khobor.7 \
	share/khobor/rules/default.yaml share/khobor/rules/sites/kalbela.yaml share/khobor/rules/dates/bn.yaml; do
	[ -f "$D/usr/local/$f" ]
	ok $? "installed: /usr/local/$f"
done
# The installed programs run, from there, with the installed rules.
(cd "$SEEDS" && KHOBOR_RULES="$D/usr/local/share/khobor/rules" "$D/usr/local/bin/khobor" 000_b6825d0d03b8bef4.txt) >"$TMP/inst.jsonl"
(cd "$SEEDS" && "$BIN/khobor" 000_b6825d0d03b8bef4.txt) >"$TMP/tree.jsonl"
is_file "$TMP/inst.jsonl" "$TMP/tree.jsonl" "the installed khobor gives what the build tree gives"
make -s -C "$TOP" uninstall DESTDIR="$D" PREFIX=/usr/local >"$TMP/out" 2>&1
ok $? "make uninstall"
is "$(find "$D" -type f | wc -l | tr -d ' ')" 0 "nothing is left behind"

done_testing
