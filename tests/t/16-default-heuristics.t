#!/bin/sh
# tests/t/16-default-heuristics.t: how well the fallback (rules/default.yaml and
# its heuristics) strips pages of sites it knows nothing about.
#
# Each seed page is run with its own site's rules switched off (-s default) and
# --explain, which names the page line of every line removed.  Every non-blank
# page line is labelled from the page's reviewed golden record
# (tests/golden/strip-boilerplate/, see its README):
#
#   article      the line, cleaned as strip-boilerplate cleans it (NBSP as a
#                space, trailing spaces trimmed) and with Dhaka Diplomat's
#                mojibake read as the golden spells it (ø as ্ল), is the next
#                non-blank line of the golden body.  The golden body is matched
#                in order, as a subsequence of the page, and each golden line
#                labels one page line only: the caption's second copy, coming
#                after the first has been matched, is boilerplate, and so is
#                004's headline printed again in the list of other stories.
#   boilerplate  every other non-blank line: the Google News promo, the comment
#                prompt, tab bars, ranks and headlines of the lists, teasers,
#                cross-links, the X, the SQL error.
#
# An article line is kept when no rule removed it; a line only changed counts as
# kept (repairing mojibake is a site rule's job, not the fallback's).
# The goals (issue 3): (a) >= 95% of the article lines kept, (b) >= 90% of the
# boilerplate lines removed, for each of the two sites and overall.  The
# figures are printed as diag lines, per page, per site and overall, with every
# line the fallback got wrong.
#
# The comment prompt cuts every seed page right after the article, so the
# default cut alone does most of the work there.  A second measure deletes that
# one line ("মন্তব্য করুন", "Comments") from each page, so that the heuristics
# (bullets, numbered_list, tail_cluster) must find the chrome by themselves;
# the line numbers its diag lines give are those of the page without that
# line, one less than the seed's past it.  Its goals are TODO where the
# heuristics fall short: they are the work left, not a regression.
# shellcheck source-path=SCRIPTDIR
# shellcheck source=../lib.sh disable=SC1091
. "$(dirname "$0")/../lib.sh"

GOLD=$TOP/tests/golden/strip-boilerplate
NBSP=$(printf '\302\240')

# todo STATUS DESCRIPTION WHY: a check of a known shortfall, with a TODO directive.
todo() {
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		printf 'ok %d - %s # TODO %s\n' "$_n" "$2" "$3"
	else
		printf 'not ok %d - %s # TODO %s\n' "$_n" "$2" "$3"
	fi
}

# pct PART WHOLE: PART/WHOLE as a percentage with one decimal.
pct() {
	if [ "$2" -eq 0 ]; then
		echo "-"
		return
	fi
	t=$(($1 * 1000 / $2))
	echo "$((t / 10)).$((t % 10))%"
}

# measure PAGE GOLDEN NAME: run the fallback on PAGE, label and count its lines.
# Sets A (article lines), a (of them kept), B (boilerplate lines), b (of them
# removed), all (1 if the whole golden body was found in the page) and
# accounted (1 if the kept lines are exactly the output's non-blank lines);
# writes the lines got wrong to $TMP/wrong.
measure() {
	strip-boilerplate -s default --explain "$1" >"$TMP/m.rec" 2>"$TMP/m.err"
	sed "s/$NBSP/ /g; s/ *\$//; s/ø/্ল/g" "$1" >"$TMP/m.page"
	sed '1,/^$/d' "$2" | grep -v '^$' >"$TMP/m.gold"
	sed -n "s|^strip-boilerplate: $1:\\([0-9]*\\): [^\"]*: removed \".*|\\1|p" "$TMP/m.err" >"$TMP/m.gone"
	awk -v gl="$TMP/m.gold" -v rm="$TMP/m.gone" -v wrong="$TMP/wrong" -v name="$3" '
		# The first 80 bytes of s, not cutting a UTF-8 sequence in two.
		function short(s,    n) {
			if (length(s) <= 80)
				return s
			n = 80
			while (n > 0 && substr(s, n + 1, 1) >= "\200" && substr(s, n + 1, 1) < "\300")
				n--
			return substr(s, 1, n) "..."
		}
		BEGIN {
			while ((getline l < gl) > 0)
				g[++ng] = l
			while ((getline l < rm) > 0)
				gone[l] = 1
			k = 1
			printf "" > wrong
		}
		$0 == "" { next }
		{
			if (k <= ng && $0 == g[k]) {
				k++
				A++
				if (NR in gone)
					printf "%s:%d: article line removed: %s\n", name, NR, short($0) > wrong
				else
					a++
			} else {
				B++
				if (NR in gone)
					b++
				else
					printf "%s:%d: boilerplate kept: %s\n", name, NR, short($0) > wrong
			}
		}
		END { print A + 0, a + 0, B + 0, b + 0, (k > ng) }' "$TMP/m.page" >"$TMP/m.counts"
	read -r A a B b all <"$TMP/m.counts"
	kept=$(tr -d '\0' <"$TMP/m.rec" | sed '1,/^$/d' | grep -c -v '^$')
	accounted=0
	[ "$kept" -eq $((a + B - b)) ] && accounted=1
}

# run_measure LABEL PAGE...: measure the pages (their goldens by name); diag
# per page, per site and overall; set the totals per site and overall.
run_measure() {
	label=$1
	shift
	kA=0 ka=0 kB=0 kb=0 dA=0 da=0 dB=0 db=0
	for page in "$@"; do
		name=$(basename "$page")
		name=${name%.txt}
		measure "$page" "$GOLD/$name.out" "$name"
		ok $((!all)) "$label $name: every golden line is found, in order, in the page"
		ok $((!accounted)) "$label $name: --explain accounts for every line removed"
		site=$(sed -n 's/^site: //p' "$GOLD/$name.out")
		diag "$label $name ($site): article kept $a/$A $(pct "$a" "$A"), boilerplate removed $b/$B $(pct "$b" "$B")"
		while IFS= read -r w; do
			diag "  $w"
		done <"$TMP/wrong"
		if [ "$site" = kalbela ]; then
			kA=$((kA + A)) ka=$((ka + a)) kB=$((kB + B)) kb=$((kb + b))
		else
			dA=$((dA + A)) da=$((da + a)) dB=$((dB + B)) db=$((db + b))
		fi
	done
	tA=$((kA + dA)) ta=$((ka + da)) tB=$((kB + dB)) tb=$((kb + db))
	diag "$label kalbela: article kept $ka/$kA $(pct "$ka" "$kA"), boilerplate removed $kb/$kB $(pct "$kb" "$kB")"
	diag "$label dhakadiplomat: article kept $da/$dA $(pct "$da" "$dA"), boilerplate removed $db/$dB $(pct "$db" "$dB")"
	diag "$label overall: article kept $ta/$tA $(pct "$ta" "$tA"), boilerplate removed $tb/$tB $(pct "$tb" "$tB")"
}

# goal PART WHOLE PERCENT: 0 if PART/WHOLE reaches PERCENT.
goal() {
	[ "$2" -gt 0 ] && [ $(($1 * 100)) -ge $(($3 * $2)) ]
}

cd "$SEEDS" || exit 1

# ---- the seed pages as they are ----

run_measure "default:" ./*.txt
for s in kalbela:"$ka $kA $kb $kB" dhakadiplomat:"$da $dA $db $dB" overall:"$ta $tA $tb $tB"; do
	# shellcheck disable=SC2086
	set -- ${s#*:}
	goal "$1" "$2" 95
	ok $? "default: ${s%%:*}: article lines kept >= 95%"
	goal "$3" "$4" 90
	ok $? "default: ${s%%:*}: boilerplate lines removed >= 90%"
done

# ---- the heuristics alone: the comment prompt line deleted ----

mkdir "$TMP/np"
for f in ./*.txt; do
	grep -v -e '^মন্তব্য করুন$' -e '^Comments$' "$f" | awk 'NR > 1 { print prev } { prev = $0 } END { printf "%s", prev }' \
		>"$TMP/np/$f"
	cmp -s "$f" "$TMP/np/$f"
	ok $((!$?)) "(no prompt: $f has lost its comment prompt line)"
done
run_measure "no prompt:" "$TMP"/np/*.txt
goal "$ka" "$kA" 95
ok $? "no prompt: kalbela: article lines kept >= 95%"
goal "$kb" "$kB" 90
ok $? "no prompt: kalbela: boilerplate lines removed >= 90%"
goal "$da" "$dA" 95
ok $? "no prompt: dhakadiplomat: article lines kept >= 95%"
goal "$db" "$dB" 90
todo $? "no prompt: dhakadiplomat: boilerplate lines removed >= 90%" \
	"tail_cluster stops at the last teaser, which ends in a danda, and one rank (১০) is no numbered list"
goal "$ta" "$tA" 95
ok $? "no prompt: overall: article lines kept >= 95%"
goal "$tb" "$tB" 90
todo $? "no prompt: overall: boilerplate lines removed >= 90%" "Dhaka Diplomat's lists stay (above)"

done_testing
