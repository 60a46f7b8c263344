#!/bin/sh
# The head as evidence (issue 19): extract-meta checks what an HTML page's
# head says (from-html's meta_* and html_title headers) against what the
# page shows (filters/lib/headev.c).  The page wins where both give a value;
# the head fills in where the page shows none (FIELD_source: meta); the
# head's common faults are named: UTC written with +06:00, the modified time
# as the published one, a site-wide og:title, the outlet as author, and the
# "Headline | Outlet" suffix of <title>, which is trimmed.  The pages are
# small, hand-written, in the markup of the fixtures under tests/html/.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

cd "$TMP" || exit 1

# page NAME URL HEAD BODY: write NAME.html, a news page of a made-up outlet.
page() {
	cat >"$1.html" <<HTML
<!DOCTYPE html>
<html lang="bn"><head><meta charset="utf-8">
<link rel="canonical" href="$2">
$3
</head><body>
<header><a href="/"><img src="/logo.svg" alt=""></a></header>
<article>
$4
<p>উপজেলার চরাঞ্চলে গত এক সপ্তাহের ভাঙনে অন্তত চল্লিশটি পরিবার ঘর হারিয়েছে বলে জানিয়েছেন স্থানীয় জনপ্রতিনিধিরা।</p>
<p>পানি উন্নয়ন বোর্ড বলছে, জরুরি ভিত্তিতে বালুর বস্তা ফেলার কাজ শুরু হয়েছে।</p>
</article></body></html>
HTML
}

# field FILE NAME: the JSON value of NAME in the one object of FILE.
field() {
	jq -c ".$2" "$1"
}

# 1. UTC written with +06:00: the page's time is kept, the head's named as the fault.
khobor "$TOP/tests/html/hard/utc-as-local.html" >u.json 2>u.err
is "$(field u.json published)" '"2025-03-10T10:30:00+06:00"' "UTC as local: the page's published time is kept"
jq -r '.warning[]' u.json >u.warn
grep -q "^extract-meta: head: published: the head's '2025-03-10T04:30:00+06:00' is the page's time ('১০ মার্চ ২০২৫, ১০:৩০ এএম') in UTC written with +06:00 (off by exactly 6 h); the page's is kept$" u.warn
ok $? "UTC as local: a warning names the fault and both values"
is "$(field u.json updated) $(field u.json updated_source)" '"2025-03-10T05:05:00+06:00" "meta"' \
	"the page shows no update time: the head's is taken, updated_source says so"
is "$(field u.json published_source)" null "a field the page shows has no _source header"

# 2. The <title>'s outlet suffix is trimmed; the head fills in a headline the page does not show.
page notitle https://www.dainiknamuna.com/country/1 \
	'<title>নতুন সেতু চালু হলো | দৈনিক নমুনা</title>' \
	'<div class="meta">প্রকাশ : ১০ মার্চ ২০২৫, ১০:৩০ এএম</div>'
khobor notitle.html >n.json 2>/dev/null
is "$(field n.json title) $(field n.json title_source)" '"নতুন সেতু চালু হলো" "meta"' \
	"<title> 'Headline | Outlet': the headline, the suffix trimmed, taken where the page shows none"
page dash https://news.example.com/1 '<title>নতুন সেতু চালু হলো – Example News</title>' ''
khobor dash.html >d.json 2>/dev/null
is "$(field d.json title)" '"নতুন সেতু চালু হলো"' "<title> 'Headline – Latin name' after a Bengali headline: trimmed at the dash"
page dash2 https://news.example.com/2 '<title>সেতু চালু – যান চলাচল শুরু</title>' ''
khobor dash2.html >d2.json 2>/dev/null
is "$(field d2.json title)" '"সেতু চালু – যান চলাচল শুরু"' "a dash inside a Bengali headline is not a suffix"
page dash3 https://www.example.com/bengali/1 '<title>নতুন সেতু চালু হলো - Example News বাংলা</title>' ''
khobor dash3.html >d3.json 2>/dev/null
is "$(field d3.json title)" '"নতুন সেতু চালু হলো"' "<title> 'Headline - Host's name বাংলা': trimmed at the dash"
page dash4 https://www.other.com/1 '<title>নতুন সেতু চালু হলো - Example News বাংলা</title>' ''
khobor dash4.html >d4.json 2>/dev/null
is "$(field d4.json title)" '"নতুন সেতু চালু হলো - Example News বাংলা"' "a dash suffix not of the host's name and not all Latin: kept"
# A long head title cut for the message is cut between letters, not inside one.
long='নদীভাঙনে ঘর হারানো পরিবারগুলোর জন্য অস্থায়ী আশ্রয়কেন্দ্র খোলা হয়েছে, সেখানে খাবার ও পানি দেওয়া হচ্ছে'
page long https://www.example.com/2 "<title>$long</title>" '<h1>সেতু চালু</h1>'
khobor long.html >l.json 2>/dev/null
jq -r '.warning[]' l.json >l.warn
grep -q "^extract-meta: head: title: the page shows 'সেতু চালু', the head 'নদীভাঙনে" l.warn
ok $? "a head title longer than a message holds: the warning is given"
iconv -f UTF-8 -t UTF-8 l.json >/dev/null 2>&1 && ! grep -q 'to_jsonl_warning' l.json
ok $? "a head title longer than a message holds: cut between letters, the record valid UTF-8"

# 3. A site-wide og:title: equal to the outlet's name, or on two pages of a run.
page sw1 https://www.dainiknamuna.com/country/1 \
	'<title>নতুন সেতু চালু হলো | দৈনিক নমুনা</title><meta property="og:title" content="দৈনিক নমুনা">' ''
khobor sw1.html >s.json 2>/dev/null
is "$(field s.json title)" '"নতুন সেতু চালু হলো"' "og:title that is the outlet's name: not a headline; the <title>'s is"
jq -r '.warning[]' s.json | grep -q "^extract-meta: head: the head's og:title 'দৈনিক নমুনা' is site-wide (it is the outlet's name): not a headline$"
ok $? "og:title that is the outlet's name: said"
page sw2 https://www.example.org/a/1 \
	'<meta property="og:title" content="সব খবর এক জায়গায়">' '<h1>বাজারে চালের দাম কমেছে</h1>'
page sw3 https://www.example.org/a/2 \
	'<meta property="og:title" content="সব খবর এক জায়গায়">' '<h1>বৃষ্টিতে ডুবল শহরের সড়ক</h1>'
khobor sw2.html sw3.html >s2.json 2>/dev/null
jq -r '.warning // [] | .[]' s2.json | grep -c 'site-wide (another page of this run has the same one)' >cnt
is "$(cat cnt)" 1 "og:title on two pages of a run: the second is flagged site-wide (the first cannot know yet)"
is "$(jq -r .title s2.json | tr '\n' ' ')" "বাজারে চালের দাম কমেছে বৃষ্টিতে ডুবল শহরের সড়ক " "the pages' own headlines are kept"

# 4. The outlet's name as author is no byline.
page au https://www.dainiknamuna.com/country/3 \
	'<title>নতুন সেতু | দৈনিক নমুনা</title><meta name="author" content="Dainik Namuna">' '<h1>নতুন সেতু</h1>'
khobor au.html >a.json 2>/dev/null
is "$(field a.json author)" null "author 'Dainik Namuna' on dainiknamuna.com: not a byline, not taken"
jq -r '.warning[]' a.json | grep -q "^extract-meta: head: the head's author 'Dainik Namuna' is the outlet's name, not a byline; left out$"
ok $? "author that is the outlet's name: said"
page au2 https://www.dainiknamuna.com/country/4 \
	'<title>নতুন সেতু | দৈনিক নমুনা</title><meta name="author" content="দৈনিক নমুনা">' '<h1>নতুন সেতু</h1>'
khobor au2.html >a2.json 2>/dev/null
is "$(field a2.json author)" null "author equal to the <title>'s outlet suffix: not a byline"
# A name that begins with the host's own ("Example News বাংলা" on www.example.com/bengali,
# the way BBC Bangla's JSON-LD names its author) is the outlet too.
page au4 https://www.example.com/bengali/articles/4 \
	'<meta name="author" content="Example News বাংলা">' '<h1>নতুন সেতু</h1>'
khobor au4.html >a4.json 2>/dev/null
is "$(field a4.json author)" null "author 'Example News বাংলা' on www.example.com: the outlet's name, not taken"
jq -r '.warning[]' a4.json | grep -q "^extract-meta: head: the head's author 'Example News বাংলা' is the outlet's name, not a byline; left out$"
ok $? "author that begins with the host's name: said"
page au3 https://www.dainiknamuna.com/country/5 \
	'<meta name="author" content="রাশেদ করিম">' '<h1>নতুন সেতু</h1>'
khobor au3.html >a3.json 2>/dev/null
is "$(field a3.json author) $(field a3.json author_source)" '"রাশেদ করিম" "meta"' "a person's name in the head, none on the page: taken"

# 5. The modified time given as the published one; another disagreement.
page mod https://www.dainiknamuna.com/country/6 \
	'<meta property="article:published_time" content="2025-03-10T12:00:00+06:00">' \
	'<h1>নতুন সেতু</h1><div class="meta">প্রকাশ : ১০ মার্চ ২০২৫, ১০:০০ এএম<br>আপডেট : ১০ মার্চ ২০২৫, ১২:০০ পিএম</div>'
khobor mod.html >m.json 2>/dev/null
is "$(field m.json published) $(field m.json updated)" '"2025-03-10T10:00:00+06:00" "2025-03-10T12:00:00+06:00"' \
	"modified time as the published one: the page's times are kept"
jq -r '.warning[]' m.json | grep -q "the head's '2025-03-10T12:00:00+06:00' is the page's update time: the modified time given as the published one"
ok $? "modified time as the published one: said"
page off https://www.dainiknamuna.com/country/7 \
	'<meta property="article:published_time" content="2025-03-10T11:00:00+06:00">' \
	'<h1>নতুন সেতু</h1><div class="meta">প্রকাশ : ১০ মার্চ ২০২৫, ১০:৩০ এএম</div>'
khobor off.html >o.json 2>/dev/null
jq -r '.warning[]' o.json | grep -q "^extract-meta: head: published: the page shows '১০ মার্চ ২০২৫, ১০:৩০ এএম', the head '2025-03-10T11:00:00+06:00' (+30 min); the page's is kept$"
ok $? "any other disagreement: both values and the difference, the page's kept"

# 6. --explain says, field by field, what agreed and which won.
khobor --explain "$TOP/tests/html/kalbela/seed-000.html" 2>explain.err >/dev/null
is "$(grep -c ': head: .*: the head agrees with the page$' explain.err)" 4 "--explain: title, author, published, updated agree on the Kalbela fixture"
khobor --explain notitle.html 2>explain.err >/dev/null
grep -q "^extract-meta: notitle.html: head: title: the page shows none; the head's 'নতুন সেতু চালু হলো' is taken$" explain.err
ok $? "--explain: where the head's value was taken, and why"

# 7. Text pages are untouched: no head, nothing done.
strip-boilerplate "$TOP/tests/sites/kalbela/seed-000.txt" | extract-meta --explain 2>explain.err >/dev/null
is "$(grep -c ': head: ' explain.err)" 0 "a text page (no meta_ headers): the step does nothing"

done_testing
