#!/bin/sh
# bench/detect/run.sh: the chain's throughput and start-up with many site files.
#
#   bench/detect/run.sh [PAGES] [BASE_BIN]      (defaults: 4000 pages, no base)
#
# Issue 13 asks that, with the real site files and 200 invented ones
# (bench/gen-rules), the chain keep at least 90% of its throughput with the
# real ones alone, and that a page of no known site start in at most 5 ms.
# Measured here, each the median of 3 runs, as CPU time (user + system: the
# machine is shared, and CPU time does not count what other work took):
#   - the chain (strip-boilerplate | extract-meta | normalize-date |
#     to-jsonl) over the first PAGES pages of bench/gen-corpus's 100 MB
#     corpus (seed 1), with the issue's three original site files, with
#     rules/, and with rules/ + 200 invented sites;
#   - strip-boilerplate alone, the filter that detects;
#   - start-up: one page of no known site through strip-boilerplate.
# BASE_BIN, a bin/ directory of another build (say, main before a change),
# is measured the same way, with the same rules, for comparison.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
npages=${1:-4000}
base=${2:-}
data=${KHOBOR_BENCH_DATA:-$top/bench/data/100M-s1}
out=$top/bench/out/detect
mkdir -p "$out"
[ -d "$data/pages" ] || "$top/bench/gen-corpus" --size 100M --seed 1 >&2
# Made anew each run: it holds a copy of the real site files, which change.
rm -rf "$out/rules200"
python3 "$top/bench/gen-rules" "$out/rules200" --sites 200 >/dev/null
tr '\0' '\n' <"$data/pages.lst" | head -n "$npages" | sed "s|^|$data/|" | tr '\n' '\0' >"$out/pages.lst"
printf 'এটি একটি পাতা, কোনো সাইটের নয়।\n' >"$out/none.txt"
nreal=$(find "$top/rules/sites" -name '*.yaml' | wc -l)
# The issue's baseline: the three site files of its start.
rm -rf "$out/rules3"
mkdir -p "$out/rules3/sites"
cp -R "$top/rules/default.yaml" "$top/rules/dates" "$out/rules3/"
cp "$top/rules/sites/kalbela.yaml" "$top/rules/sites/dhakadiplomat.yaml" "$top/rules/sites/prothomalo.yaml" "$out/rules3/sites/"
# The filters cache no rule file changed in the last two seconds
# (CACHE_SETTLE, filters/lib/cachefile.h): let the copies settle, or the
# first runs parse every site file at start.
sleep 3

python3 - "$out" "$top/rules" "$out/rules200" "$nreal" "$top/bin" "$base" <<'PY'
import os, resource, statistics, subprocess, sys
out, real, many, nreal, binv, base = sys.argv[1:7]

def cpu(cmd, runs=3):
    ts = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(["sh", "-c", cmd], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        ts.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(ts)

lst = os.path.join(out, "pages.lst")
size = sum(os.path.getsize(p) for p in open(lst, "rb").read().decode().split("\0") if p)
print("pages: %s (%.1f MB); real site files: %s; with 200 invented: %s" % (
    open(lst, "rb").read().count(b"\0"), size / 1e6, nreal, int(nreal) + 200))
print("| build | rules | chain MB/s (CPU) | strip-boilerplate MB/s (CPU) | start-up, page of no known site (ms CPU) |")
print("|---|---|---:|---:|---:|")
for name, b in (("this", binv), ("base", base)):
    if not b:
        continue
    for rname, r in (("3 (Kalbela, Dhaka Diplomat, Prothom Alo)", os.path.join(out, "rules3")),
                     ("real", real), ("real + 200", many)):
        chain = ("xargs -0 -a %s %s/strip-boilerplate -r %s | %s/extract-meta -r %s | "
                 "%s/normalize-date -r %s | %s/to-jsonl" % (lst, b, r, b, r, b, r, b))
        strip = "xargs -0 -a %s %s/strip-boilerplate -r %s" % (lst, b, r)
        one = "exec %s/strip-boilerplate -r %s %s" % (b, r, os.path.join(out, "none.txt"))
        c, s = cpu(chain), cpu(strip)
        st = statistics.median([cpu(one, 1) for _ in range(15)]) * 1000
        print("| %s | %s | %.1f | %.1f | %.1f |" % (name, rname, size / 1e6 / c, size / 1e6 / s, st))
PY
