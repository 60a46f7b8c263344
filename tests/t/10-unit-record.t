#!/bin/sh
# The C unit tests of the record stream reader and writer (tests/unit/record.c).
# The program prints its own TAP, plan included; this passes it through.
# shellcheck source=/dev/null
. "$(dirname "$0")/../lib.sh"

if [ ! -x "$UNIT/record" ]; then
	echo "1..1"
	echo "not ok 1 - $UNIT/record exists (build it with 'make units')"
	exit 1
fi
"$UNIT/record"
