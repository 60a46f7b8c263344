#!/bin/sh
# normalize-date on the hand-checked table tests/dates/table.tsv: every row is one
# record whose 'published' must come out as the table says, or stay as printed with
# the expected warning.
. "$(dirname "$0")/../lib.sh"

TABLE=$TOP/tests/dates/table.tsv
US=$(printf '\037')

# A rules directory of our own: the shipped languages, one site in Asia/Kolkata.
mkdir -p "$TMP/rules/sites" "$TMP/rules/dates"
cp "$RULES"/dates/*.yaml "$TMP/rules/dates/"
printf 'lang: [bn, en]\nzone: Asia/Kolkata\nmatch: [kolkata]\n' >"$TMP/rules/sites/kolkata.yaml"

# One record per row; \001 stands for the NUL that ends a record.
awk -F '\t' '!/^#/ && NF >= 2 {
	printf "source: table.tsv:%d\n", NR
	if ($3 == "Asia/Kolkata") printf "site: kolkata\n"
	printf "published: %s\n\n\001", $1
}' "$TABLE" | tr '\001' '\000' >"$TMP/in"

normalize-date -r "$TMP/rules" "$TMP/in" >"$TMP/out" 2>"$TMP/err"
ok $? "normalize-date reads the whole table with status 0"
is "$(cat "$TMP/err")" "" "nothing on standard error"

# line, published, published_raw, warnings; fields split by \037.
tr '\000' '\036' <"$TMP/out" | awk -v RS='\036' -v US="$US" '
NF {
	n = split($0, line, "\n"); src = pub = raw = warn = ""
	for (i = 1; i <= n && line[i] != ""; i++) {
		if (line[i] ~ /^source: /) src = substr(line[i], 19)
		else if (line[i] ~ /^published: /) pub = substr(line[i], 12)
		else if (line[i] ~ /^published_raw: /) raw = substr(line[i], 16)
		else if (line[i] ~ /^warning: /) warn = warn substr(line[i], 10) " "
	}
	print src US pub US raw US warn
}' >"$TMP/got"

awk -F '\t' -v US="$US" '!/^#/ && NF >= 2 { print NR US $1 US $2 US $4 }' "$TABLE" >"$TMP/want"
rows=$(wc -l <"$TMP/want")
is "$(wc -l <"$TMP/got" | tr -d ' ')" "$(echo "$rows" | tr -d ' ')" "one record out for every row"

while IFS=$US read -r lineno input expect note; do
	got=$(grep "^$lineno$US" "$TMP/got")
	pub=$(echo "$got" | cut -d "$US" -f 2)
	raw=$(echo "$got" | cut -d "$US" -f 3)
	warn=$(echo "$got" | cut -d "$US" -f 4)
	case $expect in
	!*)
		want=${expect#!}
		r=0
		case $warn in *"published: "*) ;; *) r=1 ;; esac
		case $warn in *"\"$input\""*) ;; *) r=1 ;; esac
		case $warn in *"$want"*) ;; *) r=1 ;; esac
		[ "$pub" = "$input" ] && [ -z "$raw" ] || r=1
		ok $r "line $lineno: $input -> warning '$want' ($note)"
		[ $r -eq 0 ] || diag "got published '$pub', raw '$raw', warnings '$warn'"
		;;
	*)
		r=0
		[ "$pub" = "$expect" ] && [ "$raw" = "$input" ] && [ -z "$warn" ] || r=1
		ok $r "line $lineno: $input -> $expect ($note)"
		[ $r -eq 0 ] || diag "got published '$pub', raw '$raw', warnings '$warn'"
		;;
	esac
done <"$TMP/want"

done_testing
