#!/bin/sh
# The chain over many cores with GNU parallel gives output identical to the
# serial run (khobor(7), SCALING): the record stream cut at its NUL bytes
# with --pipe --recend '\0' --keep-order, pages spread over jobs with
# parallel -k, and the line-in/line-out form for Hadoop Streaming and Spark
# (from-jsonl ... to-jsonl) cut at newlines.  Each filter is used when it
# exists in $BIN.
# shellcheck source=/dev/null
. "$(dirname "$0")/../lib.sh"

if ! command -v parallel >/dev/null 2>&1; then
	echo "1..0 # SKIP GNU parallel is not installed"
	exit 0
fi
# No citation notice, no ~/.parallel in the user's home.
HOME=$TMP
export HOME
mkdir -p "$HOME/.parallel"
: >"$HOME/.parallel/will-cite"

have() { [ -x "$BIN/$1" ]; }

# same NAME SERIAL-OUTPUT PARALLEL-COMMAND...: run the parallel command on
# $TMP/in, compare with the serial output; the output must not be empty.
same() {
	name=$1 serial=$2
	shift 2
	"$@" <"$TMP/in" >"$TMP/par.out" 2>"$TMP/par.err"
	is $? 0 "$name: exit status 0"
	ok "$([ -s "$serial" ]; echo $?)" "$name: the serial run has output"
	is_file "$TMP/par.out" "$serial" "$name: output identical to the serial run"
	is_file "$TMP/par.err" /dev/null "$name: nothing on stderr"
}

# Ten pages: the seeds twice, so that the jobs outnumber the pages of a seed.
set -- "$SEEDS"/*.txt "$SEEDS"/*.txt
npages=$#
strip-boilerplate "$@" >"$TMP/records" 2>/dev/null
is "$(tr -cd '\0' <"$TMP/records" | wc -c | tr -d ' ')" "$npages" "strip-boilerplate: one record per page"

# The stages after strip-boilerplate that exist, as one shell command.
chain=
for f in extract-meta normalize-date; do
	have "$f" && chain="$chain$f | "
done
chain="${chain}to-jsonl"
diag "chain: strip-boilerplate | $chain"

# Serial runs, for reference.
sh -c "$chain" <"$TMP/records" >"$TMP/serial.chain" 2>/dev/null
to-jsonl <"$TMP/records" >"$TMP/serial.tojsonl"
is "$(wc -l <"$TMP/serial.chain" | tr -d ' ')" "$npages" "serial: one JSON line per page"

# The record stream cut at NUL bytes: one record per job, three per job, and
# by size.  (--null alone does not change where --pipe cuts: --recend does.)
cp "$TMP/records" "$TMP/in"
same "records, to-jsonl, -N1" "$TMP/serial.tojsonl" \
	parallel --pipe --recend '\0' --keep-order -N1 to-jsonl
same "records, $chain, -N1" "$TMP/serial.chain" \
	parallel --pipe --recend '\0' --keep-order -N1 "$chain"
same "records, $chain, -N3" "$TMP/serial.chain" \
	parallel --pipe --recend '\0' --keep-order -N3 "$chain"
same "records, $chain, --block 20k" "$TMP/serial.chain" \
	parallel --pipe --recend '\0' --keep-order --block 20k "$chain"
same "records, $chain, --null too" "$TMP/serial.chain" \
	parallel --pipe --null --recend '\0' --keep-order -N2 "$chain"

# Pages spread over jobs, one or several files per job.
: >"$TMP/in"
{ strip-boilerplate "$@" | sh -c "$chain"; } >"$TMP/serial.files" 2>/dev/null
same "files, parallel -k" "$TMP/serial.files" \
	sh -c 'parallel -k strip-boilerplate ::: "$@" | '"$chain" sh "$@"
same "files, parallel -k -X" "$TMP/serial.files" \
	sh -c 'parallel -k -X -j 3 strip-boilerplate ::: "$@" | '"$chain" sh "$@"

# Line in, line out, as under Hadoop Streaming or Spark's RDD.pipe: pages
# as JSON Lines, through from-jsonl and strip-boilerplate --records.
if have from-jsonl; then
	for f in "$@"; do
		jq -Rsc --arg u "$f" '{id: $u, text: .}' "$f"
	done >"$TMP/in"
	same "JSON lines, one line per job" "$TMP/serial.files" \
		parallel --pipe --keep-order -N1 "from-jsonl | strip-boilerplate --records | $chain"
	same "JSON lines, four lines per job" "$TMP/serial.files" \
		parallel --pipe --keep-order -N4 "from-jsonl | strip-boilerplate --records | $chain"
else
	_n=$((_n + 1))
	echo "ok $_n # SKIP no from-jsonl in $BIN"
fi

done_testing
