#!/bin/sh
# bench/dedupe/run.sh: dedupe's throughput and index size on the bench corpus.
#
#   bench/dedupe/run.sh [RUNS] [SIZE]      (defaults: 3 runs, 100M)
#
# The corpus is bench/gen-corpus's (SIZE of pages, seed 1; made on first
# use under bench/data/), cut with strip-boilerplate --split and read by
# extract-meta: the stream dedupe reads in the chain.  Copies are mixed in,
# one for every four records, by bench/dedupe/copies: exact copies under
# another url, copies cut to their first half, copies with the first
# paragraph dropped and a paragraph added, copies with spaces and
# punctuation changed.
#
# Measured, each the median of RUNS runs (the machine is shared: the load
# average is printed before every run; CPU time, user + system, is the
# figure, as it does not count the time other work took the core):
#   - MB/s of body text: the bytes of the records' bodies / CPU seconds
#   - records/s, peak RSS, copies found by kind (dedupe --stats)
#   - the index: bytes a record besides the key's bytes, from the file
#   - the shard mode's table: bytes a record
# Results go to bench/out/dedupe/ and to standard output.
#
# DEDUPE=PATH measures another dedupe binary (an older build, for a
# before-and-after on the same machine state) on the same records.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
runs=${1:-3}
size=${2:-100M}
bin=$top/bin
out=$top/bench/out/dedupe
data=$top/bench/data/$size-s1
mkdir -p "$out"
dedupe=${DEDUPE:-$bin/dedupe}
[ -x "$dedupe" ] || { echo "bench/dedupe: build first (make), or set DEDUPE to a dedupe binary" >&2; exit 2; }
[ -f "$data/dump.txt" ] || "$top/bench/gen-corpus" --size "$size" --seed 1 --no-pages >&2

rec=$out/records-$size
if [ ! -s "$rec" ] || [ ! -s "$rec-shuffled" ]; then
	echo "bench/dedupe: making the records (strip-boilerplate --split | extract-meta)" >&2
	KHOBOR_RULES=$top/rules "$bin/strip-boilerplate" --split "$data/dump.txt" |
		KHOBOR_RULES=$top/rules "$bin/extract-meta" >"$rec.plain"
	python3 "$here/copies" <"$rec.plain" >"$rec"
	python3 "$here/copies" --shuffle <"$rec.plain" >"$rec-shuffled"
	rm -f "$rec.plain"
fi

for input in "$rec" "$rec-shuffled"; do
	echo "== $(basename "$input")"
	python3 - "$dedupe" "$input" "$runs" "$out" <<'PY'
import os, resource, statistics, struct, subprocess, sys, time
dedupe, rec, runs, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
data = open(rec, "rb").read()
records = data.count(b"\0")
body = sum(len(r.partition(b"\n\n")[2]) for r in data.split(b"\0") if r)

def load():
    return open("/proc/loadavg").read().split()[0]

def run(args, stdout=subprocess.DEVNULL):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.monotonic()
    p = subprocess.run(args, stdout=stdout, stderr=subprocess.PIPE, check=True)
    wall = time.monotonic() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss, p.stderr.decode()

print("records %d, body text %.1f MB, input %.1f MB" % (records, body / 1e6, len(data) / 1e6))
for mode in (["--stats"], ["--signatures"]):
    rows = []
    for i in range(runs):
        l = load()
        wall, cpu, rss, err = run([dedupe] + mode + [rec])
        rows.append((cpu, wall))
        print("dedupe %s, run %d: load %s, CPU %.2f s, wall %.2f s: %.0f MB/s of body text (CPU), %.0f (wall)"
              % (mode[0], i + 1, l, cpu, wall, body / 1e6 / cpu, body / 1e6 / wall))
    cpu = statistics.median(r[0] for r in rows)
    wall = statistics.median(r[1] for r in rows)
    print("dedupe %s, median of %d: %.0f MB/s of body text on one core (CPU time), %.0f MB/s wall; %.0f records/s"
          % (mode[0], runs, body / 1e6 / cpu, body / 1e6 / wall, records / cpu))
    if mode[0] == "--stats":
        print("".join("  " + l + "\n" for l in err.splitlines()), end="")
# GNU time's %M: RUSAGE_CHILDREN would count this Python process, which the child is before exec.
t = subprocess.run(["/usr/bin/time", "-f", "%M", dedupe, rec], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
print("peak RSS of dedupe (GNU time %%M): %.1f MB" % (int(t.stderr.split()[-1]) / 1024))

idx = os.path.join(out, "index")
if os.path.exists(idx):
    os.unlink(idx)
wall_i, cpu_i, _, err = run([dedupe, "--index", idx, rec])
head = open(idx, "rb").read(64)
n, keybytes = struct.unpack("<QQ", head[48:64])
sz = os.path.getsize(idx)
print("index: %d bytes for %d records (%d bytes of keys): %.1f bytes a record besides the key's bytes"
      % (sz, n, keybytes, (sz - keybytes) / n))
os.unlink(idx)

table = os.path.join(out, "table")
with open(table, "wb") as f:
    subprocess.run([dedupe, "--signatures", rec], stdout=f, check=True)
print("shard mode: the band lines are %.0f bytes a record (%.0f MB)" % (os.path.getsize(table) / records, os.path.getsize(table) / 1e6))
os.unlink(table)
PY
done
