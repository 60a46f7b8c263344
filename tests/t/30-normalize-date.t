#!/bin/sh
# normalize-date: options, exit statuses, header placement, site rules, language
# file checks, --mentions, and the man page.  The date forms themselves are in
# 31-date-table.t.
. "$(dirname "$0")/../lib.sh"

# Our own rules directory, so these tests do not move when the shipped sites do.
R=$TMP/rules
mkdir -p "$R/sites" "$R/dates"
cp "$RULES"/dates/*.yaml "$R/dates/"
cat >"$R/sites/kalbela.yaml" <<'YAML'
lang: [bn, en]
zone: Asia/Dhaka
match: [কালবেলা]
dates: [event_date]
YAML
cat >"$R/sites/kolkata.yaml" <<'YAML'
lang: [bn]
zone: Asia/Kolkata
match: [x]
YAML

rec() {	# rec SITE HEADER-LINES... : one record with body "body"
	site=$1
	shift
	printf 'source: t\n'
	[ -n "$site" ] && printf 'site: %s\n' "$site"
	for h in "$@"; do printf '%s\n' "$h"; done
	printf '\nbody\n\0'
}
nd() { normalize-date -r "$R" "$@"; }
show() { tr '\0' '@'; }

# --- options and exit statuses -------------------------------------------------
out=$(nd --help)
ok $? "--help exits 0"
is "$(echo "$out" | head -n 2 | tr '\n' ' ' | tr -s ' ' | sed 's/ $//')" "usage: normalize-date [-r DIR] [-z ZONE] [-l LIST] [--mentions] [--update-as-published] [FILE...]" "--help starts with the usage lines"
is "$(nd --version)" "normalize-date (khobor) 0.1.0" "--version"
nd --bogus </dev/null >/dev/null 2>"$TMP/err"
is $? 2 "an unknown option is exit 2"
is "$(grep -A1 "^usage:" "$TMP/err" | head -n 2 | tr '\n' ' ' | tr -s ' ' | sed 's/ $//')" "usage: normalize-date [-r DIR] [-z ZONE] [-l LIST] [--mentions] [--update-as-published] [FILE...]" "and prints the usage on stderr"

printf 'just some text\n' | nd >/dev/null 2>"$TMP/err"
is $? 2 "raw text instead of records is exit 2"

# --- the issue's example, and where the _raw header goes -----------------------
rec kalbela 'published: ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম' 'title: t' 'updated: ২৫ জুলাই ২০২৩, ০৫:১০ পিএম' >"$TMP/in"
nd "$TMP/in" >"$TMP/out" 2>"$TMP/err"
is $? 0 "a clean record is exit 0"
printf 'source: t\nsite: kalbela\npublished: 2023-07-25T16:53:00+06:00\npublished_raw: ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম\ntitle: t\nupdated: 2023-07-25T17:10:00+06:00\nupdated_raw: ২৫ জুলাই ২০২৩, ০৫:১০ পিএম\n\nbody\n\0' >"$TMP/want"
is_file "$TMP/out" "$TMP/want" "fields rewritten in place, each _raw right after its field"
is "$(cat "$TMP/err")" "" "nothing on stderr"

nd "$TMP/out" >"$TMP/out2"
is_file "$TMP/out2" "$TMP/want" "a second run changes nothing"
nd - <"$TMP/in" >"$TMP/out3"
is_file "$TMP/out3" "$TMP/want" "- reads standard input"
nd "$TMP/in" "$TMP/in" | tr -cd '\0' | wc -c | tr -d ' ' >"$TMP/n"
is "$(cat "$TMP/n")" 2 "two FILE operands, two records"
nd "$TMP/nonexistent" "$TMP/in" >"$TMP/out4" 2>"$TMP/err"
is $? 1 "a missing FILE is exit 1"
is "$(cat "$TMP/err")" "normalize-date: $TMP/nonexistent: No such file or directory" "and is named on stderr"
is_file "$TMP/out4" "$TMP/want" "the other FILE is still processed"

# --- repeated headers, site dates:, page_date ----------------------------------
rec kalbela 'published: ২৫ জুলাই ২০২৩' 'published: 16 Sep 2023, 16:50' 'event_date: ৭ অগ্রহায়ণ ১৪৩২' 'page_date: বুধবার, ০৫ নভেম্বর, ২০২৫' 'other_date: ২৫ জুলাই ২০২৩' | nd | show >"$TMP/out"
printf 'source: t\nsite: kalbela\npublished: 2023-07-25\npublished_raw: ২৫ জুলাই ২০২৩\npublished: 2023-09-16T16:50:00+06:00\npublished_raw: 16 Sep 2023, 16:50\nevent_date: 2025-11-22\nevent_date_raw: ৭ অগ্রহায়ণ ১৪৩২\npage_date: 2025-11-05\npage_date_raw: বুধবার, ০৫ নভেম্বর, ২০২৫\nother_date: ২৫ জুলাই ২০২৩\n\nbody\n@' >"$TMP/want"
is_file "$TMP/out" "$TMP/want" "every value of a repeated header; the site's dates: header; page_date; others untouched"

# --- warnings: the field stays, the status stays 0 -----------------------------
rec kalbela 'published: ৩১ ফেব্রুয়ারি ২০২৪' | nd >"$TMP/out"
is $? 0 "a warning is not an error: exit 0"
is "$(tr '\0' '\n' <"$TMP/out" | grep -E '^(published|warning)')" 'published: ৩১ ফেব্রুয়ারি ২০২৪
warning: normalize-date: published: cannot read "৩১ ফেব্রুয়ারি ২০২৪": no such day' "an impossible date stays as printed, with a warning"

rec kalbela 'published: বৃহস্পতিবার, ২৫ জুলাই ২০২৩' | nd | tr '\0' '\n' | grep '^warning' >"$TMP/w"
is "$(cat "$TMP/w")" 'warning: normalize-date: published: weekday contradicts the date in "বৃহস্পতিবার, ২৫ জুলাই ২০২৩": the weekday is বৃহস্পতিবার, but 2023-07-25 is মঙ্গলবার' "a wrong weekday says which day the date is"

# --- a Bangla date beside a Gregorian one must be the same day -----------------
# By the 2019 rules 1 অগ্রহায়ণ 1432 is 16 November 2025 and 1 পৌষ 16 December
# (rules/dates/bn.yaml), so 20 November is 5 অগ্রহায়ণ and 20 পৌষ is 4 January 2026.
is "$(rec kalbela 'published: ২০ নভেম্বর ২০২৫, ৫ অগ্রহায়ণ ১৪৩২' | nd | tr '\0' '\n' | grep -E '^(published|warning):')" "published: 2025-11-20" "a Bangla date that agrees with the Gregorian one: the date, no warning"
rec kalbela 'published: ২০ নভেম্বর ২০২৫, ২০ পৌষ ১৪৩২' | nd >"$TMP/out"
is $? 0 "a Bangla date a month off the Gregorian one is a warning, not an error"
is "$(tr '\0' '\n' <"$TMP/out" | grep -E '^(published|warning):')" 'published: ২০ নভেম্বর ২০২৫, ২০ পৌষ ১৪৩২
warning: normalize-date: published: calendars disagree in "২০ নভেম্বর ২০২৫, ২০ পৌষ ১৪৩২": the Bangla date 20 পৌষ 1432 is 2026-01-04, not 2025-11-20' "the field stays as printed, and the warning gives both days"
is "$(rec kalbela 'published: ৫ অগ্রহায়ণ ১৪৩২, ২২ নভেম্বর ২০২৫' | nd | tr '\0' '\n' | grep '^warning:')" 'warning: normalize-date: published: calendars disagree in "৫ অগ্রহায়ণ ১৪৩২, ২২ নভেম্বর ২০২৫": the Bangla date 5 অগ্রহায়ণ 1432 is 2025-11-20, not 2025-11-22' "the Bangla date first, two days off"
is "$(rec kalbela 'published: ২০ নভেম্বর ২০২৫, ৩১ পৌষ ১৪৩২' | nd | tr '\0' '\n' | grep '^warning:')" 'warning: normalize-date: published: calendars disagree in "২০ নভেম্বর ২০২৫, ৩১ পৌষ ১৪৩২": the Bangla date 31 পৌষ 1432 is no day (no such day: Bangla month 9 of 1432 has 30 days), and cannot be 2025-11-20' "a Bangla day its month does not have"
is "$(rec kalbela 'published: ২০ নভেম্বর ১৯৮০, ৬ অগ্রহায়ণ ১৩৮৭' | nd | tr '\0' '\n' | grep -E '^(published|warning):')" "published: 1980-11-20" "a Bangla year before the calendar's table is not checked"

# --- the Hijri calendar: recognised, never converted (bn.yaml: convert: no) ----
# Bangladeshi pages print three calendars side by side; the Hijri month begins
# when the moon is sighted, so its date is left alone, and alone it is a warning.
is "$(rec kalbela 'published: বৃহস্পতিবার, ২০ নভেম্বর ২০২৫, ৫ অগ্রহায়ণ ১৪৩২, ২৮ জমাদিউল আউয়াল ১৪৪৭ হিজরি' | nd | tr '\0' '\n' | grep -E '^(published|warning):')" "published: 2025-11-20" "Gregorian, Bangla and Hijri side by side: the Gregorian date, the Bangla one checked"
is "$(rec kalbela 'published: রোববার ০৩ ডিসেম্বর ২০২৩ || অগ্রহায়ণ ১৮ ১৪৩০ || ১৯ জমাদিউল  আউয়াল ১৪৪৫' | nd | tr '\0' '\n' | grep -E '^(published|warning):')" "published: 2023-12-03" "a month name of two words, with any spaces between them"
is "$(rec kalbela 'published: ২০ নভেম্বর ২০২৫, ২০ পৌষ ১৪৩২, ২৮ জমাদিউল আউয়াল ১৪৪৭' | nd | tr '\0' '\n' | grep '^warning:')" 'warning: normalize-date: published: calendars disagree in "২০ নভেম্বর ২০২৫, ২০ পৌষ ১৪৩২, ২৮ জমাদিউল আউয়াল ১৪৪৭": the Bangla date 20 পৌষ 1432 is 2026-01-04, not 2025-11-20' "with three calendars, a Bangla date a month off is still a warning"
is "$(rec kalbela 'published: ২৮ জমাদিউল আউয়াল ১৪৪৭' | nd | tr '\0' '\n' | grep '^warning:')" "warning: normalize-date: published: cannot read \"২৮ জমাদিউল আউয়াল ১৪৪৭\": Hijri dates are not converted to Gregorian ones ('convert: no' in the rules)" "a Hijri date alone stays as printed, with a warning"
is "$(rec kalbela 'published: ২৮ রবিউল ১৪৪৭' | nd | tr '\0' '\n' | grep '^warning:')" 'warning: normalize-date: published: cannot read "২৮ রবিউল ১৪৪৭": a word the date rules do not know' "half a month name is no month"

# --- zones and languages: site, override, fallback -----------------------------
is "$(rec kolkata 'published: ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম' | nd | tr '\0' '\n' | grep '^published:')" "published: 2023-07-25T16:53:00+05:30" "the site's zone"
is "$(rec kalbela 'published: ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম' | nd -z Asia/Kolkata | tr '\0' '\n' | grep '^published:')" "published: 2023-07-25T16:53:00+05:30" "-z overrides the site's zone"
is "$(rec kolkata 'published: 16 Sep 2023, 16:50' | nd | tr '\0' '\n' | grep '^warning')" 'warning: normalize-date: published: cannot read "16 Sep 2023, 16:50": a word the date rules do not know' "a site with lang: [bn] does not read English month names"
is "$(rec kolkata 'published: 16 Sep 2023, 16:50' | nd -l en,bn | tr '\0' '\n' | grep '^published:')" "published: 2023-09-16T16:50:00+05:30" "-l overrides the site's languages"
nd -z Mars/Olympus_Mons </dev/null 2>"$TMP/err"
is $? 2 "-z with an unknown zone is exit 2"
is "$(cat "$TMP/err")" "normalize-date: Mars/Olympus_Mons: no such time zone in the tz database (is tzdata installed?)" "and says why"
nd -l bn,xx </dev/null 2>"$TMP/err"
is $? 2 "-l with an unknown language is exit 2"
is "$(cat "$TMP/err")" "normalize-date: -l: no date language 'xx' (there is no $R/dates/xx.yaml)" "and names the file it looked for"

# keep_raw: a West Bengal site prints the traditional Bangla calendar, not
# Bangladesh's revised one that bn.yaml tabulates: its Bangla dates stay as
# printed, and are not checked against a Gregorian date beside them.
cat >"$R/sites/westbengal.yaml" <<'YAML'
lang: [bn, en]
zone: Asia/Kolkata
keep_raw: [bangla]
match: [x]
YAML
is "$(rec kolkata 'published: ৭ অগ্রহায়ণ ১৪৩২' | nd | tr '\0' '\n' | grep '^published:')" "published: 2025-11-22" "without keep_raw, a Bangla date is converted by the Bangladesh table"
is "$(rec westbengal 'published: ৭ অগ্রহায়ণ ১৪৩২' | nd | tr '\0' '\n' | grep -E '^(published|warning):')" "published: ৭ অগ্রহায়ণ ১৪৩২
warning: normalize-date: published: cannot read \"৭ অগ্রহায়ণ ১৪৩২\": Bangla dates are kept as printed on this site ('keep_raw' in its rules)" "with keep_raw: [bangla], it stays as printed, with a warning"
is "$(rec kalbela 'page_date: ২০ নভেম্বর ২০২৫, ৩ অগ্রহায়ণ ১৪৩২' | nd | tr '\0' '\n' | grep -c '^warning: normalize-date: page_date: calendars disagree')" 1 "a Bangla date two days off the revised calendar's is a warning in Bangladesh"
is "$(rec westbengal 'page_date: ২০ নভেম্বর ২০২৫, ৩ অগ্রহায়ণ ১৪৩২' | nd | tr '\0' '\n' | grep -E '^(page_date|page_date_raw|warning):')" "page_date: 2025-11-20
page_date_raw: ২০ নভেম্বর ২০২৫, ৩ অগ্রহায়ণ ১৪৩২" "and not checked with keep_raw: the Gregorian date is read"
is "$(rec westbengal 'published: ২৮ জমাদিউল আউয়াল ১৪৪৭' | nd | tr '\0' '\n' | grep '^warning:')" "warning: normalize-date: published: cannot read \"২৮ জমাদিউল আউয়াল ১৪৪৭\": Hijri dates are not converted to Gregorian ones ('convert: no' in the rules)" "the calendars it does not name are as before"
is "$(rec westbengal 'published: ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম' | nd | tr '\0' '\n' | grep '^published:')" "published: 2023-07-25T16:53:00+05:30" "Gregorian dates in the site's zone"
printf 'source: t\nsite: westbengal\npublished: ২৫ অক্টোবর ২০২৫\n\nআজ ৭ অগ্রহায়ণ ১৪৩২ বঙ্গাব্দে মেলা বসবে। গত ১২ জুলাই বৈঠক হয়।\n\0' | nd --mentions | tr '\0' '\n' | grep -E '^(mention|warning)' >"$TMP/out"
is "$(cat "$TMP/out")" "mention: 2025-07-12 গত ১২ জুলাই" "--mentions with keep_raw: a Bangla date in the text is not converted, a Gregorian one is"
cat >"$R/sites/keepbad.yaml" <<'YAML'
lang: [bn]
keep_raw: [gregorian, bangla, saka, bangla]
match: [x]
YAML
rec keepbad 'published: ২৫ জুলাই ২০২৩' | nd >"$TMP/out" 2>"$TMP/err"
is "$(cat "$TMP/err")" "normalize-date: $R/sites/keepbad.yaml:2:12: 'gregorian' is the calendar dates are written in; it cannot be kept raw
normalize-date: $R/sites/keepbad.yaml:2:31: no calendar 'saka' in the site's date languages
normalize-date: $R/sites/keepbad.yaml:2:37: 'bangla' is listed twice" "keep_raw: the Gregorian calendar, an unknown one, one listed twice"
is "$(tr '\0' '\n' <"$TMP/out" | grep -c "^warning: normalize-date: site 'keepbad': its date settings have errors")" 1 "are errors of the site's date settings"

rec nosuchsite 'published: ২৫ জুলাই ২০২৩' | nd | tr '\0' '\n' | grep -E '^(published|warning):' >"$TMP/out"
is "$(cat "$TMP/out")" "published: 2023-07-25
warning: normalize-date: site 'nosuchsite' has no rules file; dates read as bn,en in Asia/Dhaka" "a site without a file: bn,en in Asia/Dhaka, and a warning"
is "$(rec '' 'published: ২৫ জুলাই ২০২৩' | nd | tr '\0' '\n' | grep -c '^warning')" 0 "a record without a site uses the default quietly"
# A run does not list the site files; it finds each site by its file when a
# record names it, and only a name a listing could give: a hidden file, a
# path, or a directory outside sites/ is no site.
mkdir -p "$R/sites/sub"
cp "$R/sites/westbengal.yaml" "$R/sites/.hidden.yaml"
cp "$R/sites/westbengal.yaml" "$R/sites/sub/deep.yaml"
cp "$R/sites/westbengal.yaml" "$R/outside.yaml"
for name in .hidden sub/deep ../outside ''; do
	[ -z "$name" ] && continue
	is "$(rec "$name" 'published: ২৫ জুলাই ২০২৩' | nd 2>/dev/null | tr '\0' '\n' | grep -E '^(published|warning):')" "published: 2023-07-25
warning: normalize-date: site '$name' has no rules file; dates read as bn,en in Asia/Dhaka" "site '$name': no site file a listing would find"
done
is "$( (rec westbengal 'published: ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম'; rec nosuchsite 'published: ২৫ জুলাই ২০২৩'; rec westbengal 'published: ২৬ জুলাই ২০২৩, ০৪:৫৩ পিএম') | nd | tr '\0' '\n' | grep -E '^published:')" "published: 2023-07-25T16:53:00+05:30
published: 2023-07-25
published: 2023-07-26T16:53:00+05:30" "a site found once is found again after another site's record"
rm -r "$R/sites/sub" "$R/sites/.hidden.yaml" "$R/outside.yaml"

# A site file whose date settings are wrong: positioned errors once, a warning per record.
cat >"$R/sites/broken.yaml" <<'YAML'
lang: [bn, xx]
zone: Mars/Olympus_Mons
match: [x]
dates: [Event, published, when, when, when_raw]
YAML
{ rec broken 'published: ২৫ জুলাই ২০২৩'; rec broken 'published: ২৬ জুলাই ২০২৩'; } | nd >"$TMP/out" 2>"$TMP/err"
is $? 0 "a broken site file does not stop the stream"
is "$(cat "$TMP/err")" "normalize-date: $R/sites/broken.yaml:1:12: no date language 'xx': there is no $R/dates/xx.yaml
normalize-date: $R/sites/broken.yaml:2:7: no time zone 'Mars/Olympus_Mons' in the tz database (is tzdata installed?)
normalize-date: $R/sites/broken.yaml:4:9: 'Event' is not a header name ([a-z][a-z0-9_]*)
normalize-date: $R/sites/broken.yaml:4:16: 'published' is always a date; list only other headers
normalize-date: $R/sites/broken.yaml:4:33: 'when' is listed twice
normalize-date: $R/sites/broken.yaml:4:39: 'when_raw' ends in _raw, which normalize-date writes itself" "each mistake once, as file:line:col"
is "$(tr '\0' '\n' <"$TMP/out" | grep -c "^warning: normalize-date: site 'broken': its date settings have errors (see the messages on standard error); dates read as bn,en in Asia/Dhaka$")" 2 "and a warning on every record of the site"
is "$(tr '\0' '\n' <"$TMP/out" | grep -c '^published: 2023-07-2[56]$')" 2 "whose dates are still read with the fallback"

# --- NFC: য় typed as one code point (U+09DF) -----------------------------------
is "$(rec kalbela "published: ১ জানু$(printf '\340\247\237')ারি ২০২৪" | nd | tr '\0' '\n' | grep '^published:')" "published: 2024-01-01" "input not in NFC is normalized before reading"

# --- language files are checked before any output -------------------------------
badlang() {	# badlang NAME YAML EXPECTED-MESSAGE DESCRIPTION
	rm -rf "$TMP/bad"
	mkdir -p "$TMP/bad/dates"
	cp "$RULES"/dates/*.yaml "$TMP/bad/dates/"
	printf '%s\n' "$2" >"$TMP/bad/dates/$1.yaml"
	rec '' 'published: ২৫ জুলাই ২০২৩' | normalize-date -r "$TMP/bad" >"$TMP/out" 2>"$TMP/err"
	s=$?
	is "$s:$(wc -c <"$TMP/out" | tr -d ' ')" "2:0" "$4: exit 2, no output"
	is "$(head -n 1 "$TMP/err")" "normalize-date: $TMP/bad/dates/$1.yaml:$3" "$4: message"
}
MIN='digits: ["0123456789"]
orders: [d M y]'
MONTHS='months: {1: [ja], 2: [fe], 3: [mr], 4: [ap], 5: [my], 6: [jn], 7: [jl], 8: [au], 9: [se], 10: [oc], 11: [no], 12: [de]}'
badlang x1 "$MIN
$MONTHS
monts: {}" "4:1: unknown key 'monts' in a date language file (did you mean 'months'?)" "an unknown key"
badlang x2 "$MIN
months: {1: [ja], 2: [fe], 3: [mr], 4: [ap], 5: [my], 6: [jn], 7: [jl], 8: [au], 9: [se], 10: [oc], 11: [no], 12: [J.A]}" "3:116: 'J.A' is already listed at line 3, column 14 (as a month); case, dots and joiners do not count" "a duplicate word"
badlang x3 "$MIN
$MONTHS
weekdays: [mon, tue]" "4:11: weekday must be a mapping, not a list" "a wrong type"
badlang x4 'digits: ["0123456789"]
orders: [d M y, d d y]
'"$MONTHS" "2:17: an order is d, y and one of M (month name) or m (month number), each once, in the order the page prints them, like 'd M y'; 'd d y' is not" "a bad order"
badlang x5 'digits: ["012345678"]
orders: [d M y]
'"$MONTHS" "1:10: 'digits' items are the ten digits 0 to 9 in order, like \"0123456789\"; '012345678' is not" "nine digits"
badlang x6 "$MIN
$MONTHS
dayparts:
  - {words: [late], hours: [18, 9]}" "5:28: hours 18 to 9 span 16 hours; a day part spans at most 12, or it could not tell 2 from 14" "a day part of more than 12 hours"
BMONTHS='    months: {1: [ba], 2: [bb], 3: [bc], 4: [bd], 5: [be], 6: [bf], 7: [bg], 8: [bh], 9: [bi], 10: [bj], 11: [bk], 12: [bl]}'
badlang x7 "$MIN
$MONTHS
calendars:
  b:
$BMONTHS
    periods:
      - {years: [1], year_offset: 593, new_year: [4, 14], leap_month: 11, months: [31, 31, 31, 31, 31, 31, 31, 30, 30, 30, 29, 30]}" "8:83: the months add up to 366 days; a common year has 365" "calendar months that do not make a year"
badlang x10 "$MIN
$MONTHS
calendars:
  b:
$BMONTHS
    periods:
      - {years: [1], year_offset: 593, new_year: [4, 14], leap_month: 1, months: [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30]}" "8:9: year 2 ends on 0596-04-12, but year 3 begins on 0596-04-14: the months do not fill the year, or the leap month is not the one that takes 29 February" "a leap month that does not take 29 February"
badlang x11 "$MIN
$MONTHS
calendars:
  b:
$BMONTHS
    periods:
      - {years: [1426], year_offset: 593, new_year: [4, 14], leap_month: 11, months: [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30]}
      - {years: [1394, 1426], year_offset: 593, new_year: [4, 14], leap_month: 11, months: [31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30, 30]}" "8:9: the years overlap those of the period from 1394" "overlapping periods"
badlang x14 "$MIN
$MONTHS
calendars:
  b:
    months: {1: [ba], 2: [bb], 3: [bc], 4: [bd], 5: [be], 6: [bf], 7: [bg], 8: [bh], 9: [bi], 10: [bj], 11: [bk], 12: [b  l]}
    periods:
      - {years: [1], year_offset: 593, new_year: [4, 14], leap_month: 11, months: [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30]}" "6:120: 'b  l': a month name is one word, or two or three words one space apart" "a month name with two spaces"
badlang x12 "$MIN
$MONTHS
calendars:
  gregorian: {eras: [ad]}" "5:3: the Gregorian calendar is built in: its months are 'months', its era words 'eras: gregorian'" "the Gregorian calendar is not a table"
badlang x13 "$MIN
$MONTHS
calendars:
  lunar: {eras: [lh]}" "5:3: calendar 'lunar' has no table: no file in $TMP/bad/dates gives its 'periods'" "a calendar no file gives the table of"
badlang x8 "$MIN
$MONTHS
zones: {IST: 5.5}" "4:14: a zone's offset is a quoted string like \"+06:00\" or \"-05:00\"" "a zone offset that is not +HH:MM"
badlang x9 "$MIN
$MONTHS
fillers: [two words]" "4:11: 'two words' is not one word: it contains the space ' '" "a word with a space"

# --- the spellings from before calendars were data still load, with a warning ---
# bangla_months, bangla_calendar (a rule holds until the next one's 'from') and
# 'eras: bangla', as bn.yaml wrote them until the calendars became tables.
cat >"$R/dates/oldbn.yaml" <<'YAML'
digits: ["০১২৩৪৫৬৭৮৯"]
months: {1: [জানুয়ারি], 2: [ফেব্রুয়ারি], 3: [মার্চ], 4: [এপ্রিল], 5: [মে], 6: [জুন], 7: [জুলাই], 8: [আগস্ট], 9: [সেপ্টেম্বর], 10: [অক্টোবর], 11: [নভেম্বর], 12: [ডিসেম্বর]}
orders: [d M y]
eras:
  bangla: [বঙ্গাব্দ]
bangla_months: {1: [বৈশাখ], 2: [জ্যৈষ্ঠ], 3: [আষাঢ়], 4: [শ্রাবণ], 5: [ভাদ্র], 6: [আশ্বিন], 7: [কার্তিক], 8: [অগ্রহায়ণ], 9: [পৌষ], 10: [মাঘ], 11: [ফাল্গুন], 12: [চৈত্র]}
bangla_calendar:
  - {from: 1426, year_offset: 593, new_year: [4, 14], leap_month: 11, months: [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30]}
  - {from: 1394, year_offset: 593, new_year: [4, 14], leap_month: 11, months: [31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30, 30]}
YAML
{ rec '' 'published: ৭ অগ্রহায়ণ ১৪৩২ বঙ্গাব্দ'; rec '' 'published: ৯ ফাল্গুন ১৪২৫'; rec '' 'published: ২০ নভেম্বর ২০২৫, ২০ পৌষ ১৪৩২'; } |
	nd -l oldbn >"$TMP/out" 2>"$TMP/err"
is $? 0 "a language file in the old spelling loads"
is "$(tr '\0' '\n' <"$TMP/out" | grep -E '^(published|warning):' | sed 's/^warning: normalize-date: published: //')" "published: 2025-11-22
published: 2019-02-21
published: ২০ নভেম্বর ২০২৫, ২০ পৌষ ১৪৩২
calendars disagree in \"২০ নভেম্বর ২০২৫, ২০ পৌষ ১৪৩২\": the Bangla date 20 পৌষ 1432 is 2026-01-04, not 2025-11-20" "and reads as the new one does: the 2019 rules, the 1987 rules, the cross-check"
is "$(cat "$TMP/err")" "normalize-date: $R/dates/oldbn.yaml:5:11: warning: 'eras: bangla' is deprecated; write 'calendars: bangla: eras'
normalize-date: $R/dates/oldbn.yaml:6:16: warning: 'bangla_months' is deprecated; write 'calendars: bangla: months'
normalize-date: $R/dates/oldbn.yaml:8:3: warning: 'bangla_calendar' is deprecated; write 'calendars: bangla: periods' (and 'years: [FROM]' for 'from: FROM')" "with a warning for each old key, naming the new one"
rm "$R/dates/oldbn.yaml"

# --- day and month order that the rules cannot settle ---------------------------
cat >"$R/dates/enus.yaml" <<'YAML'
digits: ["0123456789"]
months: {1: [jan], 2: [feb], 3: [mar], 4: [apr], 5: [may], 6: [jun], 7: [jul], 8: [aug], 9: [sep], 10: [oct], 11: [nov], 12: [dec]}
orders: [M d y, m d y, d m y]
YAML
is "$(rec '' 'published: 05/11/2025' | nd -l enus | tr '\0' '\n' | grep '^warning')" 'warning: normalize-date: published: cannot read "05/11/2025": day and month order unsettled (2025-05-11 or 2025-11-05)' "with both m d y and d m y, 05/11/2025 is a warning"
is "$(rec '' 'published: 25/11/2025' | nd -l enus | tr '\0' '\n' | grep '^published:')" "published: 2025-11-25" "but 25/11/2025 can only be one"
rm "$R/dates/enus.yaml"

# --- --mentions ---------------------------------------------------------------
printf 'source: t\nsite: kalbela\npublished: ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম\n\nএর আগে গতকাল সোমবার (২৪ জুলাই) উত্তর কোরিয়ার। আজ মঙ্গলবার (২৫ জুলাই) তিনি বলেন।\nবৈঠকটি গত ১২ জুলাই হয়। সফর ২৫ থেকে ২৭ জুলাই।\nগত সোমবার তিনি আসেন; ১৬ই ডিসেম্বর ১৯৭১ সালে দেশ স্বাধীন হয়। ৭ অগ্রহায়ণ ১৪৩২ বঙ্গাব্দে।\nগতকাল রবিবার (২৪ জুলাই) ভুল।\n২০২৩ সালের ১০ জুলাই থেকে ২ আগস্ট পর্যন্ত। ১০-১২ জন আহত।\n\0' | nd --mentions | tr '\0' '\n' | grep -E '^(mention|warning)' >"$TMP/out"
cat >"$TMP/want" <<'EOF2'
mention: 2023-07-24 গতকাল সোমবার (২৪ জুলাই)
mention: 2023-07-25 আজ মঙ্গলবার (২৫ জুলাই)
mention: 2023-07-12 গত ১২ জুলাই
mention: 2023-07-25/2023-07-27 ২৫ থেকে ২৭ জুলাই
mention: 2023-07-24 গত সোমবার
mention: 1971-12-16 ১৬ই ডিসেম্বর ১৯৭১ সালে
mention: 2025-11-22 ৭ অগ্রহায়ণ ১৪৩২ বঙ্গাব্দে
warning: normalize-date: mention "গতকাল রবিবার (২৪ জুলাই)": the weekday is রবিবার, but 2023-07-24 is সোমবার
mention: 2023-07-10/2023-08-02 ২০২৩ সালের ১০ জুলাই থেকে ২ আগস্ট
EOF2
is_file "$TMP/out" "$TMP/want" "--mentions: relative days, past dates, ranges, weekdays checked, numbers that are not dates left alone"
is "$(rec kalbela 'published: ২৫ জুলাই ২০২৩' | nd | tr '\0' '\n' | grep -c '^mention')" 0 "no mentions without --mentions"

# --- --update-as-published ----------------------------------------------------
# A page's lone update time (extract-meta writes it as updated) moves to
# published, its printed text with it; a record with both, or with the
# publication time alone, is untouched, and without the option so is the lone one.
is "$(rec kalbela 'updated: ১৫ এপ্রিল ২০২৪, ১০:৩০' | nd --update-as-published | show)" "source: t
site: kalbela
published: 2024-04-15T10:30:00+06:00
published_raw: ১৫ এপ্রিল ২০২৪, ১০:৩০

body
@" "--update-as-published: a lone update time is written as published"
is "$(rec kalbela 'updated: ১৫ এপ্রিল ২০২৪, ১০:৩০' | nd | tr '\0' '\n' | grep -c '^published')" 0 "without it the lone update time stays updated"
is "$(rec kalbela 'published: ১৪ এপ্রিল ২০২৪' 'updated: ১৫ এপ্রিল ২০২৪' | nd --update-as-published | tr '\0' '\n' | grep -E '^(published|updated):' | tr '\n' ' ')" "published: 2024-04-14 updated: 2024-04-15 " "with a publication time beside it the update time stays"
is "$(rec kalbela 'updated: 2024-04-15' 'updated_raw: ১৫ এপ্রিল ২০২৪' | nd --update-as-published | tr '\0' '\n' | grep -E '^(published|updated)' | tr '\n' ' ')" "published: 2024-04-15 published_raw: ১৫ এপ্রিল ২০২৪ " "a record read before moves with its printed text and is not read again"
printf 'source: t\nsite: kalbela\nupdated: ২৫ জুলাই ২০২৩\n\nগতকাল সোমবার (২৪ জুলাই) তিনি বলেন।\n\0' >"$TMP/lone"
is "$(nd --update-as-published --mentions "$TMP/lone" | tr '\0' '\n' | grep -E '^(mention|warning)')" "mention: 2023-07-24 গতকাল সোমবার (২৪ জুলাই)" "mentions are resolved against the moved time"

# --- the man page -------------------------------------------------------------
if command -v mandoc >/dev/null 2>&1; then
	is "$(mandoc -Tlint -W warning "$TOP/man/normalize-date.1" 2>&1)" "" "man/normalize-date.1 is clean under mandoc -Tlint"
	is "$(mandoc -Tlint -W warning "$TOP/man/khobor-rules.5" 2>&1)" "" "man/khobor-rules.5, which documents the date files, is clean"
	grep -q '^\.It Cm periods' "$TOP/man/khobor-rules.5"
	ok $? "khobor-rules(5) documents the date files (a calendar's periods among their keys)"
	is "$(mandoc -Tutf8 "$TOP/man/normalize-date.1" | col -b | grep -A2 '^SYNOPSIS' | tail -n 2 | tr '\t\n' '  ' | tr -s ' ' | sed 's/^ //; s/ $//')" "normalize-date [-r DIR] [-z ZONE] [-l LIST] [--mentions] [--update-as-published] [FILE ...]" "the man page SYNOPSIS matches the usage lines"
fi

done_testing
