#!/bin/sh
# from-warc built on plain zlib (make INFLATE=zlib), as where libisal-dev is
# missing: the same tests as the ISA-L build, 62-from-warc.t and
# 63-from-warc-damage.t, pass on it.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

ZB=$TOP/build/zlib
# A make of our own, not the job server of the make that runs the tests.
(cd "$TOP" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s all B=build/zlib OUT=build/zlib/bin INFLATE=zlib) \
	>"$TMP/build" 2>&1
st=$?
ok "$st" "the zlib build builds (make INFLATE=zlib)"
[ "$st" -eq 0 ] || sed 's/^/# /' "$TMP/build" | tail -n 20

"$ZB/bin/from-warc" --stats /dev/null 2>&1 | grep -q '(inflater: zlib)'
ok $? "the zlib build says it is one (--stats)"

for t in 62-from-warc 63-from-warc-damage; do
	KHOBOR_BIN=$ZB/bin sh "$TOP/tests/t/$t.t" >"$TMP/$t.out" 2>&1
	st=$?
	ok "$st" "zlib build: tests/t/$t.t passes ($(grep -c '^ok' "$TMP/$t.out") checks)"
	[ "$st" -eq 0 ] || grep -A4 '^not ok' "$TMP/$t.out" | head -n 30 | sed 's/^/# /'
done

done_testing
