#!/bin/sh
# A crawl spread over cores (issue 15, khobor(7) A WHOLE CRAWL): GNU parallel
# over a list of WET files, one job per file, and the line mode of Hadoop
# Streaming with a list of paths as input, each give the same JSON as one
# serial run.  The runs across ssh logins are in 67-warc-ssh.t.
# shellcheck source=../lib.sh
. "$(dirname "$0")/../lib.sh"

if ! command -v parallel >/dev/null 2>&1; then
	echo "1..0 # SKIP GNU parallel is not installed"
	exit 0
fi
HOME=$TMP
export HOME
mkdir -p "$HOME/.parallel"
: >"$HOME/.parallel/will-cite"
cd "$TMP" || exit 1

# Four small WET files, a third of their pages Bengali news.
for i in 1 2 3 4; do
	python3 "$TOP/bench/warc/gen-wet.py" --size 60e3 --seed "$i" --bengali 30 --jobs 1 "crawl-$i.warc.wet.gz" ||
		exit 1
	echo "crawl-$i.warc.wet.gz"
done >paths

# Serial, file after file.
while IFS= read -r f; do
	khobor --lang ben "$f"
done <paths >serial.jsonl 2>serial.err
is $? 0 "serial: exit status 0"
is "$(jq -r .site serial.jsonl | sort -u | tr '\n' ' ')" "dhakadiplomat kalbela prothomalo " \
	"serial: the Bengali news pages, by site"
n=$(wc -l <serial.jsonl | tr -d ' ')
ok "$([ "$n" -ge 8 ]; echo $?)" "serial: $n articles"
is "$(jq -r '.warc_lang | index("ben") != null' serial.jsonl | sort -u)" true "serial: every article is a ben page"

# Locally, one job per file, the outputs kept in order.
parallel -k -j 3 khobor --lang ben :::: paths >par.jsonl 2>par.err
is $? 0 "parallel -k -j 3: exit status 0"
is_file par.jsonl serial.jsonl "parallel -k -j 3: the same JSON as the serial run"

# Each job writes FILE.jsonl beside its file, as over many machines.
parallel -j 2 'khobor --lang ben {} > {.}.jsonl' :::: paths 2>par2.err
is $? 0 "parallel, a FILE.jsonl per file: exit status 0"
while IFS= read -r f; do cat "${f%.gz}.jsonl"; done <paths >merged.jsonl
is_file merged.jsonl serial.jsonl "parallel, a FILE.jsonl per file: merged in order, the same JSON"

# Hadoop Streaming's line mode: the input is a list of paths (a gzip file
# cannot be split), each map task gets some lines and runs the chain on
# those files.  Emulated with parallel --pipe, which cuts at newlines too.
cat >khobor-wet-map <<'EOF'
#!/bin/sh
# A map task: WET paths in, one a line (after a tab, if the input format
# gives a key first); JSON Lines out.
tab=$(printf '\t')
while IFS= read -r path; do
	from-warc --lang ben "${path##*"$tab"}"
done | strip-boilerplate --records | extract-meta | normalize-date |
	to-jsonl --array=agency,mention,warning,error,warc_lang --number=paragraph_count,word_count,char_count
[ $? -le 1 ]
EOF
chmod +x khobor-wet-map
parallel --pipe -N 1 --keep-order ./khobor-wet-map <paths >hadoop1.jsonl 2>hadoop.err
is $? 0 "line mode, one path a task: exit status 0"
is_file hadoop1.jsonl serial.jsonl "line mode, one path a task: the same JSON"
parallel --pipe -N 3 --keep-order ./khobor-wet-map <paths >hadoop3.jsonl 2>>hadoop.err
is_file hadoop3.jsonl serial.jsonl "line mode, three paths a task: the same JSON"
# NLineInputFormat hands a streaming mapper "offset<TAB>line".
awk '{ printf "%d\t%s\n", NR * 100, $0 }' paths | parallel --pipe -N 2 --keep-order ./khobor-wet-map >hadoopk.jsonl 2>>hadoop.err
is_file hadoopk.jsonl serial.jsonl "line mode, offset TAB path as NLineInputFormat gives it: the same JSON"
is_file hadoop.err /dev/null "line mode: nothing on stderr"

done_testing
