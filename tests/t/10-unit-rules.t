#!/bin/sh
# The C unit tests of the rule loader (tests/unit/rules.c), against the broken
# rule files of tests/rules-bad.
# The program prints its own TAP, plan included; this passes it through.
# shellcheck source=/dev/null
. "$(dirname "$0")/../lib.sh"

if [ ! -x "$UNIT/rules" ]; then
	echo "1..1"
	echo "not ok 1 - $UNIT/rules exists (build it with 'make units')"
	exit 1
fi
"$UNIT/rules" "$TOP/tests"
