# tests/lib.sh: a tiny TAP library for the shell tests under tests/t/.
# Source it; then call plan, ok, is, is_file, diag; finish with done_testing.
# KHOBOR_BIN chooses the executables (the ASan+UBSan build runs the same tests).
# shellcheck shell=sh

TOP=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${KHOBOR_BIN:-$TOP/bin}
RULES=$TOP/rules
SEEDS=$TOP/tests/seeds
UNIT=${KHOBOR_UNIT:-$TOP/build/unit}
export KHOBOR_RULES="$RULES"
PATH=$BIN:$PATH
export PATH
LC_ALL=C.UTF-8
export LC_ALL
TMP=$(mktemp -d "${TMPDIR:-/tmp}/khobor-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
# strip-boilerplate's detection cache goes to the test's own directory, never the user's home.
XDG_CACHE_HOME=$TMP/cache
export XDG_CACHE_HOME
unset KHOBOR_CACHE
_n=0
_failed=0

ok() {	# ok CONDITION-STATUS DESCRIPTION
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_n - $2"
	else
		echo "not ok $_n - $2"
		_failed=$((_failed + 1))
	fi
}

is() {	# is GOT EXPECTED DESCRIPTION
	_n=$((_n + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $_n - $3"
	else
		echo "not ok $_n - $3"
		printf '# got:      %s\n# expected: %s\n' "$1" "$2"
		_failed=$((_failed + 1))
	fi
}

is_file() {	# is_file GOT-FILE EXPECTED-FILE DESCRIPTION
	_n=$((_n + 1))
	if cmp -s "$1" "$2"; then
		echo "ok $_n - $3"
	else
		echo "not ok $_n - $3"
		diff -u "$2" "$1" | head -n 40 | sed 's/^/# /'
		_failed=$((_failed + 1))
	fi
}

diag() {
	printf '# %s\n' "$*"
}

done_testing() {
	echo "1..$_n"
	[ "$_failed" -eq 0 ]
}
