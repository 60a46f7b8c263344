#!/bin/sh
# from-warc on damaged WARC files (issue 15): every kind of damage is said on
# stderr with the file and the offset, reading goes on at the next record, a
# damaged record with usable text comes out with an error header, and the exit
# status is 1.  Nothing is lost silently, nothing stops the run.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

MK=$TOP/tests/wet/mkwarc.py
cd "$TMP" || exit 1

# spec FILE [CHANGE...]: three conversion records r1 r2 r3 (r2 a long page, so
# that a cut gzip member still holds its header), then a change to record 2
# or 3 given as JSON, e.g. 'r2["length"] = 10'.
spec() {
	out=$1
	shift
	python3 - "$out" "$@" <<'PY'
import json, sys
words = "নদী পানি বাঁধ গ্রাম river bank flood road school market".split()
def rec(n, text, lang="ben"):
    return {"headers": [["WARC-Type", "conversion"], ["WARC-Target-URI", "https://example.com/%d" % n],
                        ["WARC-Date", "2024-10-0%dT00:00:00Z" % n], ["WARC-Record-ID", "<urn:uuid:r%d>" % n],
                        ["WARC-Identified-Content-Language", lang], ["Content-Type", "text/plain"]],
            "block": text}
long = "".join("%d %s\n" % (i, " ".join(words[(i * 7 + k * 3) % len(words)] for k in range(12))) for i in range(200))
r1, r2, r3 = rec(1, "first page\n"), rec(2, long), rec(3, "third page\n")
for change in sys.argv[2:]:
    exec(change)
json.dump([r1, r2, r3], open(sys.argv[1], "w"))
PY
}

# run FILE [OPTION...]: from-warc; stdout to out, stderr to err, status in $st.
run() {
	from-warc "$@" >out 2>err
	st=$?
}

# The record ids that came out, and the error headers, one line each.
ids() { tr '\0' '\n' <out | sed -n 's/^warc_record_id: <urn:uuid:\(.*\)>$/\1/p' | tr '\n' ' '; }
errors() { tr '\0' '\n' <out | grep -a '^error:' | sed 's/ after [0-9]* bytes of data/ after N bytes of data/'; }

# ---- plain files ------------------------------------------------------------

spec s.json 'r2["before"] = "6a756e6b0a6a756e6b0a"'
python3 "$MK" s.json between.warc plain >off
run between.warc
is "$st" 1 "bytes between records: exit status 1"
is "$(ids)" "r1 r2 r3 " "bytes between records: every record comes out"
is "$(errors)" "" "bytes between records: no record is damaged"
printf 'from-warc: between.warc@%s: 10 bytes between records; skipped to the next record\n' \
	"$(($(sed -n 2p off) - 10))" >err.exp
is_file err err.exp "bytes between records: said with the offset where they start"

spec s.json 'r2["length"] = len(r2["block"].encode()) + 40'
python3 "$MK" s.json long.warc plain >off
run long.warc
is "$st" 1 "Content-Length too large: exit status 1"
is "$(ids)" "r1 r2 r3 " "Content-Length too large: the record and the next one come out"
n=$(python3 -c 'import json; print(len(json.load(open("s.json"))[1]["block"].encode()))')
printf 'error: from-warc: long.warc@%s: Content-Length is %s but the block is %s bytes (up to the next record); the block is taken as it is\n' \
	"$(sed -n 2p off)" "$((n + 40))" "$n" >err.exp
errors >got
is_file got err.exp "Content-Length too large: an error header; the block ends where the next record starts"
grep -q "^from-warc: long.warc@$(sed -n 2p off): Content-Length is" err
ok $? "Content-Length too large: said on stderr with the offset"
tr '\0' '\n' <out | grep -ac '^199 ' | grep -qx 1
ok $? "Content-Length too large: the whole text is kept"

spec s.json 'r2["length"] = len(r2["block"].encode()) - 30'
python3 "$MK" s.json short.warc plain >off
run short.warc
is "$st" 1 "Content-Length too small: exit status 1"
is "$(ids)" "r1 r2 r3 " "Content-Length too small: every record comes out"
is "$(errors | grep -c 'Content-Length is')" 1 "Content-Length too small: an error header on that record"

spec s.json 'r2["length"] = None'
python3 "$MK" s.json nolength.warc plain >off
run nolength.warc
is "$st" 1 "no Content-Length: exit status 1"
is "$(ids)" "r1 r2 r3 " "no Content-Length: every record comes out"
printf 'error: from-warc: nolength.warc@%s: no Content-Length; the block is taken up to the next record\n' \
	"$(sed -n 2p off)" >err.exp
errors >got
is_file got err.exp "no Content-Length: an error header, the block taken up to the next record"

spec s.json 'r2["hex"] = (b"caf\xe9 au lait\n" + "পাতা\n".encode()).hex()'
python3 "$MK" s.json latin1.warc plain >off
run latin1.warc
is "$st" 1 "not UTF-8: exit status 1"
printf 'error: from-warc: not UTF-8: 1 invalid sequence replaced with U+FFFD\n' >err.exp
errors >got
is_file got err.exp "not UTF-8: an error header"
printf 'from-warc: latin1.warc@%s: not UTF-8: 1 invalid sequence replaced with U+FFFD\n' "$(sed -n 2p off)" >err.exp
is_file err err.exp "not UTF-8: said with the offset"
tr '\0' '\n' <out | grep -aqx 'caf� au lait'
ok $? "not UTF-8: the text is kept, the bad byte as U+FFFD"

spec s.json
python3 "$MK" s.json big.warc plain >off
run --max-record=1K big.warc
is "$st" 1 "oversized record: exit status 1"
is "$(ids)" "r1 r2 r3 " "oversized record: every record comes out"
printf 'error: from-warc: big.warc@%s: a block of %s bytes, over the limit of 1024; only the first 1024 are kept\n' \
	"$(sed -n 2p off)" "$n" >err.exp
errors >got
is_file got err.exp "oversized record: an error header"
body=$(python3 -c '
import sys
for r in open("out", "rb").read().split(b"\0"):
    if b"<urn:uuid:r2>" in r:
        print(len(r.split(b"\n\n", 1)[1]))')
ok "$([ "$body" -le 1025 ] && [ "$body" -gt 900 ]; echo $?)" "oversized record: about 1 KiB of its text kept ($body bytes)"

spec s.json
python3 "$MK" s.json cut.warc plain >off
size=$(wc -c <cut.warc)
head -c $((size - 4)) cut.warc >cut2.warc
run cut2.warc
is "$st" 1 "the file ends right after a block: exit status 1"
is "$(ids)" "r1 r2 r3 " "the file ends right after a block: every record comes out"
printf 'error: from-warc: cut2.warc@%s: the block of 11 bytes is not followed by CRLF CRLF\n' "$(sed -n 3p off)" >err.exp
errors >got
is_file got err.exp "the file ends right after a block: an error header saying the record's end is missing"
head -c $((size - 2)) cut.warc >cut2.warc
run cut2.warc
errors >got
is_file got err.exp "the file ends inside the CRLF CRLF: the same"
head -c $((size - 5)) cut.warc >cut3.warc
run cut3.warc
is "$(ids)" "r1 r2 r3 " "the file ends inside a block: every record comes out"
printf 'error: from-warc: cut3.warc@%s: the input ends 10 bytes into a block of 11 (Content-Length); the part there is kept\n' \
	"$(sed -n 3p off)" >err.exp
errors >got
is_file got err.exp "the file ends inside a block: an error header, the part there kept"
tr '\0' '\n' <out | grep -aqx 'third page'
ok $? "the file ends inside a block: its text up to there"
head -c $((size - 20)) cut.warc >cut4.warc
run cut4.warc
is "$(ids)" "r1 r2 " "the file ends inside a header block: that record is lost"
printf 'from-warc: cut4.warc@%s: the input ends inside the header block of a record; the record is lost\n' \
	"$(sed -n 3p off)" >err.exp
is_file err err.exp "the file ends inside a header block: said, with its offset"
is "$st" 1 "the file ends inside a header block: exit status 1"

# A header block that never ends: 70,000 bytes of one line.
spec s.json 'r2 = {"headers": [["WARC-Type", "conversion"], ["X-Long", "x" * 70000]], "length": None, "end": "", "block": ""}'
python3 "$MK" s.json head.warc plain >off
run head.warc
is "$st" 1 "unreadable header block: exit status 1"
is "$(ids)" "r1 r3 " "unreadable header block: skipped, the next record comes out"
printf 'from-warc: head.warc@%s: a record whose header block does not end (no empty line in 65536 bytes); skipped to the next record\n' \
	"$(sed -n 2p off)" >err.exp
is_file err err.exp "unreadable header block: said once, with its offset"

# A header line without a colon ("Bad line without colon: @" made into one).
spec s.json 'r2["headers"].append(["Bad line without colon", "@"])'
python3 "$MK" s.json badline.warc plain >off
sed 's/^Bad line without colon: @/Bad line without colon/' badline.warc >badline2.warc
run badline2.warc
is "$st" 1 "a header line that is not Name: value: exit status 1"
is "$(ids)" "r1 r2 r3 " "a header line that is not Name: value: the record comes out"
is "$(errors | grep -c 'header line 8 is not "Name: value"; ignored')" 1 "... with an error header naming the line"

# ---- a gzip member per record -----------------------------------------------

spec s.json 'r2["before"] = "00112233445566778899"'
python3 "$MK" s.json between.warc.gz member >off
run between.warc.gz
is "$st" 1 "bytes between gzip members: exit status 1"
is "$(ids)" "r1 r2 r3 " "bytes between gzip members: every record comes out"
printf 'from-warc: between.warc.gz@%s: 10 bytes between gzip members are not gzip; skipped\n' \
	"$(($(sed -n 2p off) - 10))" >err.exp
is_file err err.exp "bytes between gzip members: said with the offset where they start"

# A member cut in the middle, followed by the next member.
spec s.json
python3 "$MK" s.json whole.warc.gz member >off
m2=$(sed -n 2p off)
m3=$(sed -n 3p off)
cut=$(((m3 - m2) * 2 / 3))
spec s.json "r2['cut'] = $cut"
python3 "$MK" s.json cutmember.warc.gz member >off
run cutmember.warc.gz
is "$st" 1 "a gzip member cut short in the middle of the file: exit status 1"
is "$(ids)" "r1 r2 r3 " "a gzip member cut short: its record (the part there) and the next one come out"
grep -q "^from-warc: cutmember.warc.gz@$m2: gzip member .* after [0-9]* bytes of data; its data up to there is kept$" err
ok $? "a gzip member cut short: said with its offset"
is "$(errors | grep -c "^error: from-warc: cutmember.warc.gz@$m2: gzip member")" 1 \
	"a gzip member cut short: an error header on its record"
tr '\0' '\n' <out | grep -aq '^third page$'
ok $? "a gzip member cut short: the next record is whole"

# The file ends inside the last member.
size=$(wc -c <whole.warc.gz)
head -c $((size - 12)) whole.warc.gz >cutend.warc.gz
run cutend.warc.gz
is "$st" 1 "the file ends inside a gzip member: exit status 1"
is "$(ids)" "r1 r2 r3 " "the file ends inside a gzip member: every record comes out"
grep -q "^from-warc: cutend.warc.gz@$m3: gzip member cut short: the file ends inside it after [0-9]* bytes of data; its data up to there is kept$" err
ok $? "the file ends inside a gzip member: said with the member's offset"
is "$(errors | wc -l | tr -d ' ')" 1 "the file ends inside a gzip member: one error header"

# A checksum that does not match (the CRC of member 2 changed).
python3 - whole.warc.gz "$m3" <<'PY'
import sys
b = bytearray(open(sys.argv[1], "rb").read())
b[int(sys.argv[2]) - 8] ^= 0xFF
open("crc.warc.gz", "wb").write(b)
PY
run crc.warc.gz
is "$st" 1 "a gzip checksum that does not match: exit status 1"
is "$(ids)" "r1 r2 r3 " "a gzip checksum that does not match: every record comes out"
printf 'error: from-warc: crc.warc.gz@%s: gzip member its checksum does not match its data after N bytes of data; its data up to there is kept\n' \
	"$m2" >err.exp
errors >got
is_file got err.exp "a gzip checksum that does not match: an error header on its record"

# Content-Length too large inside a member per record: the member ends the record.
spec s.json 'r2["length"] = len(r2["block"].encode()) + 500'
python3 "$MK" s.json long.warc.gz member >off
run long.warc.gz
is "$st" 1 "gzip, Content-Length too large: exit status 1"
is "$(ids)" "r1 r2 r3 " "gzip, Content-Length too large: the record and the next one come out"
is "$(errors | grep -c 'Content-Length is')" 1 "gzip, Content-Length too large: an error header"

# ---- one gzip stream ----------------------------------------------------------

spec s.json
python3 "$MK" s.json stream.warc.gz stream >/dev/null
size=$(wc -c <stream.warc.gz)
head -c $((size / 2)) stream.warc.gz >cutstream.warc.gz
run cutstream.warc.gz
is "$st" 1 "one gzip stream cut short: exit status 1"
is "$(ids)" "r1 r2 " "one gzip stream cut short: the records before the cut, and the cut one"
is "$(errors | wc -l | tr -d ' ')" 1 "one gzip stream cut short: one error header, on the cut record"
grep -q '^from-warc: cutstream.warc.gz@0: gzip member cut short: the file ends inside it' err
ok $? "one gzip stream cut short: said"

# ---- the counts --------------------------------------------------------------

run --stats between.warc.gz crc.warc.gz latin1.warc
grep -q '^  damage reported  *3$' err
ok $? "--stats: the damage counted ($(grep 'damage reported' err))"
grep -q '^    not UTF-8  *1$' err && grep -q '^    bytes between records  *1$' err &&
	grep -q '^    gzip member cut short or corrupt  *1$' err
ok $? "--stats: by kind"

done_testing
