#!/bin/sh
# The command line every khobor executable shares, checked on every
# executable in $BIN (whichever exist when the test runs): --help, --version,
# an unknown option, - for standard input, a missing file, a full disk; and
# the man pages: one per executable, each clean under mandoc -Tlint.
# shellcheck source=/dev/null
. "$(dirname "$0")/../lib.sh"

VERSION=$(sed -n 's/^#define KHOBOR_VERSION "\(.*\)"$/\1/p' "$TOP/filters/lib/util.h")

check() {	# check PROGRAM CHECK STATUS DESCRIPTION (CHECK: a word naming the check)
	ok "$3" "$1: $4"
}

# What each kind of program reads: pages, JSON lines, or a record stream.
cp "$SEEDS/000_b6825d0d03b8bef4.txt" "$TMP/page.txt"
printf '{"source":"x.txt","text":"প্রথম লাইন\\nদ্বিতীয় লাইন\\n"}\n' >"$TMP/json.in"
printf 'source: x.txt\nsite: kalbela\n\nপ্রথম লাইন\nদ্বিতীয় লাইন\n\0' >"$TMP/record.in"
printf 'WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 7\r\n\r\na page\n\r\n\r\n' >"$TMP/warc.in"
input_for() {
	case $1 in
	strip-boilerplate | khobor) echo "$TMP/page.txt" ;;
	from-jsonl) echo "$TMP/json.in" ;;
	from-warc) echo "$TMP/warc.in" ;;
	*) echo "$TMP/record.in" ;;
	esac
}

nprogs=0
for path in "$BIN"/*; do
	if [ ! -f "$path" ] || [ ! -x "$path" ]; then continue; fi
	p=${path##*/}
	nprogs=$((nprogs + 1))

	# --help: the usage first, on stdout; nothing on stderr.
	"$path" --help >"$TMP/help.out" 2>"$TMP/help.err"
	check "$p" help $? "--help exits 0"
	head -n 1 "$TMP/help.out" >"$TMP/usage"
	grep -q "^usage: $p\( \|$\)" "$TMP/usage"
	check "$p" help $? "--help starts with 'usage: $p'"
	[ ! -s "$TMP/help.err" ]
	check "$p" help $? "--help writes nothing on stderr"

	# --version
	"$path" --version >"$TMP/version.out" 2>"$TMP/version.err"
	check "$p" version $? "--version exits 0"
	is "$(cat "$TMP/version.out")" "$p (khobor) $VERSION" "$p: --version prints '$p (khobor) $VERSION'"
	[ ! -s "$TMP/version.err" ]
	check "$p" version $? "--version writes nothing on stderr"

	# An unknown option: status 2, the usage on stderr, nothing on stdout.
	"$path" --no-such-option <"$(input_for "$p")" >"$TMP/bad.out" 2>"$TMP/bad.err"
	is $? 2 "$p: an unknown option exits 2"
	grep -qxF -f "$TMP/usage" "$TMP/bad.err"
	check "$p" usage $? "an unknown option prints the usage line of --help on stderr"
	[ ! -s "$TMP/bad.out" ]
	check "$p" usage $? "an unknown option writes nothing on stdout"
	head -n 1 "$TMP/bad.err" | grep -q "^$p: "
	check "$p" progname $? "an unknown option: the message starts with '$p: '"
	is "$(head -n 1 "$TMP/bad.err")" "$p: unknown option '--no-such-option'" \
	    "$p: an unknown option is named in the one form every filter uses"
	"$path" -Z </dev/null >/dev/null 2>"$TMP/bad.err"
	is "$(head -n 1 "$TMP/bad.err")" "$p: unknown option '-Z'" \
	    "$p: an unknown letter is named in the same form"
	"$path" --help=yes </dev/null >/dev/null 2>"$TMP/bad.err"
	is "$?:$(head -n 1 "$TMP/bad.err")" "2:$p: option '--help' takes no argument" \
	    "$p: an argument given to a flag is refused, exit 2"

	# Output that cannot be written: status 3.
	"$path" --version >/dev/full 2>/dev/null
	st=$?
	[ "$st" -eq 3 ]
	check "$p" full $? "--version to /dev/full exits 3 (got $st)"

	# - is standard input, the same as no FILE at all.
	in=$(input_for "$p")
	"$path" - <"$in" >"$TMP/dash.out" 2>"$TMP/dash.err"
	st=$?
	"$path" <"$in" >"$TMP/none.out" 2>"$TMP/none.err"
	case $p in
	khobor)
		# The driver needs the whole chain.
		missing=
		for t in strip-boilerplate extract-meta normalize-date to-jsonl; do
			[ -x "$BIN/$t" ] || missing="$missing $t"
		done
		if [ -n "$missing" ]; then
			_n=$((_n + 1))
			echo "ok $_n - # SKIP khobor: the chain is not complete (no$missing)"
			continue
		fi
		;;
	learn-rules)
		# It needs a name and three pages: 88-learn.t tests - and a missing page.
		_n=$((_n + 1))
		echo "ok $_n - # SKIP learn-rules: - and a missing page are tested in 88-learn.t"
		continue
		;;
	esac
	[ "$st" -eq 0 ] && [ -s "$TMP/dash.out" ]
	check "$p" stdin $? "- reads standard input: exit 0 and output"
	cmp -s "$TMP/dash.out" "$TMP/none.out"
	check "$p" stdin-same $? "- gives the same output as no FILE"
	if [ "$st" -ne 0 ] || [ -s "$TMP/dash.err" ]; then
		head -n 3 "$TMP/dash.err" | sed 's/^/# /'
	fi

	# A missing file: 'prog: file: reason' on stderr, status 1.
	"$path" "$TMP/no-such-file" <"$in" >"$TMP/missing.out" 2>"$TMP/missing.err"
	st=$?
	msg="$TMP/no-such-file: No such file or directory"
	case $p in
	khobor)
		# The driver passes files to strip-boilerplate, which names itself.
		grep -qxE "(khobor|strip-boilerplate): $msg" "$TMP/missing.err" ;;
	*)
		grep -qxF "$p: $msg" "$TMP/missing.err" ;;
	esac
	check "$p" missing $? "a missing file: '$p: FILE: No such file or directory' on stderr"
	[ "$st" -eq 1 ]
	check "$p" missing-status $? "a missing file: exit status 1 (got $st)"
done
ok "$([ "$nprogs" -gt 0 ]; echo $?)" "executables found in $BIN ($nprogs)"

# Man pages: one for every executable, each clean under mandoc -Tlint.
for path in "$BIN"/*; do
	if [ ! -f "$path" ] || [ ! -x "$path" ]; then continue; fi
	p=${path##*/}
	[ -f "$TOP/man/$p.1" ]
	ok $? "$p has a man page man/$p.1"
done
for m in "$TOP"/man/*.[1-8]; do
	[ -f "$m" ] || continue
	mandoc -Tlint -W warning "$m" >"$TMP/lint" 2>&1
	st=$?
	[ "$st" -eq 0 ] && [ ! -s "$TMP/lint" ]
	ok $? "man/${m##*/} is clean under mandoc -Tlint -W warning"
	sed "s|$TOP/||; s/^/# /" "$TMP/lint"
done

done_testing
