#!/bin/sh
# tests/t/08-man-bengali.t: the manuals' Bengali examples render whole
# (issue 14).
#
# On Debian, man(1) pipes its output through col(1) when it is not a
# terminal (a pager that is not less, grep, a file), and col drops the
# Bengali combining signs: সর্বশেষ comes out as সরবশেষ.  README.md says how
# to read the pages with their signs (MAN_KEEP_FORMATTING=1, or mandoc -T
# utf8); this checks that mandoc -T utf8 renders the examples with every
# vowel sign, hasanta and nukta in place: a few named lines, then every
# Bengali word of every page.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1

# render PAGE: mandoc's UTF-8 text, bold and underline (X BS X, _ BS X) undone.
render() {
	mandoc -T utf8 "$1" | perl -CSD -pe 's/.\x08//g'
}

# shows PAGE TEXT: the page's source has TEXT, and so does its rendering.
shows() {
	grep -qF -- "$2" "$1" || { ok 1 "$1: the source has '$2' (the test's list is stale)"; return; }
	render "$1" | grep -qF -- "$2"
	ok $? "$1: '$2' renders with its signs"
}

shows man/khobor-rules.5 "কালবেলা অনলাইন এর সর্বশেষ খবর পেতে Google News"
shows man/extract-meta.1 "রাশিয়ার প্রতিরক্ষামন্ত্রী সের্গেই শোইগু"
shows man/extract-meta.1 "রৌমারী (কুড়িগ্রাম) প্রতিনিধি"
shows man/khobor.7 "প্রকাশ : ২৫ জুলাই ২০২৩, ০৪:৫৩ পিএম"
shows man/normalize-date.1 "৭ অগ্রহায়ণ ১৪৩২"
shows man/strip-boilerplate.1 "ঢাকা ডিপ্লোমেট সংবাদদাতা:"
shows man/khobor.7 "উত্তর কোরিয়া"

# Every word in Bengali script (U+0980 to U+09FF, with ZWJ and ZWNJ) of
# every page is in its rendering.
for page in man/*.[157]; do
	render "$page" >"$TMP/page.txt"
	missing=$(perl -CSD -ne 'print "$1\n" while /([\x{0980}-\x{09FF}\x{200C}\x{200D}]+)/g' "$page" | sort -u |
		while IFS= read -r w; do grep -qF -- "$w" "$TMP/page.txt" || printf '%s ' "$w"; done)
	is "$missing" "" "$page: every Bengali word renders with mandoc -T utf8"
done

# The README says how to read them.
grep -q 'MAN_KEEP_FORMATTING=1' README.md && grep -q 'mandoc -T utf8' README.md
ok $? "README.md says how to read the manuals with their Bengali signs"

done_testing
