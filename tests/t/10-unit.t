#!/bin/sh
# Every C unit program in $UNIT (built from tests/unit/*.c) that has no
# tests/t/10-unit-NAME.t of its own: one test each, passed when the program
# exits 0 and its TAP has no failure; its TAP is shown when it fails.  So a
# new tests/unit/*.c is run without anyone having to remember a script.
# shellcheck source=/dev/null
. "$(dirname "$0")/../lib.sh"

count=0
for u in "$UNIT"/*; do
	if [ ! -f "$u" ] || [ ! -x "$u" ]; then continue; fi
	name=${u##*/}
	[ -f "$TOP/tests/t/10-unit-$name.t" ] && continue
	count=$((count + 1))
	(cd "$TOP" && "$u") >"$TMP/$name.tap" 2>&1
	st=$?
	! grep -q '^not ok [0-9]*\( - [^#]*\)\{0,1\}$' "$TMP/$name.tap" &&
		grep -q '^1\.\.[0-9]' "$TMP/$name.tap" && [ "$st" -eq 0 ]
	r=$?
	ok $r "unit program $name (exit $st)"
	[ $r -eq 0 ] || sed 's/^/#   /' "$TMP/$name.tap"
done
if [ "$count" -eq 0 ]; then
	echo "1..0 # SKIP every unit program in $UNIT has its own script"
	exit 0
fi
done_testing
