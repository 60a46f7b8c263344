#!/usr/bin/env python3
"""fuzz/cache-attack.py: damaged and forged cache files against the filters.

Builds a real pattern cache (patterns-*.cache, rxcache.c) for
strip-boilerplate and extract-meta and a real detection cache
(detect-*.cache, detcache.c), then runs the filters over the same pages
with each file damaged or forged in turn: random bytes, truncations, bit
flips, and, with the hashes made right again (so that the checks behind
the hashes are what is tested), huge counts, offsets past the end, into
the header or misaligned, lengths that do not fit, bad group counts and
names.  Every run must give the output and exit status of KHOBOR_CACHE=off,
the same messages (less the cache's own), and no sanitizer report; a
second run over what the first wrote must too.

Forged code with a right code hash is left out: PCRE2 cannot check a
compiled pattern it reads back, and the cache is trusted for that only
because it is the user's own file (rxcache.c).

Usage: fuzz/cache-attack.py [BINDIR] (default build/asan/bin); KHOBOR_RULES
is set to the tree's rules/.  Prints one line per failing case and a
summary; exits 1 if any case failed.
"""
import ctypes
import os
import random
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "build/asan/bin")
PAGES = sorted(
    os.path.join(TOP, "tests/sites/aajkaal", f)
    for f in os.listdir(os.path.join(TOP, "tests/sites/aajkaal"))
    if f.endswith(".txt"))[:3] + [os.path.join(TOP, "tests/seeds/000_b6825d0d03b8bef4.txt")]

_xx = ctypes.CDLL("libxxhash.so.0")
_xx.XXH3_64bits.restype = ctypes.c_uint64
_xx.XXH3_64bits.argtypes = [ctypes.c_char_p, ctypes.c_size_t]


def xxh3(b):
    b = bytes(b)
    return _xx.XXH3_64bits(b, len(b))


ENV = dict(os.environ, KHOBOR_RULES=os.path.join(TOP, "rules"),
           ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=99",
           UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:exitcode=98")
ENV.pop("KHOBOR_CACHE", None)
WORK = tempfile.mkdtemp(prefix="cache-attack.")


def run(prog, stdin, xdg, mode):
    env = dict(ENV, KHOBOR_CACHE=mode)
    if xdg:
        env["XDG_CACHE_HOME"] = xdg
    args = [os.path.join(BIN, prog)] + (PAGES if prog == "strip-boilerplate" else [])
    try:
        p = subprocess.run(args, input=stdin, capture_output=True, env=env, timeout=60)
    except subprocess.TimeoutExpired:
        return -9, b"", b"timeout (a loop?)\n"
    return p.returncode, p.stdout, p.stderr


def mine(err):
    """The messages that are not the caches' own (KHOBOR_CACHE=verbose's)."""
    return b"\n".join(l for l in err.split(b"\n")
                      if not re.match(rb"^[a-z-]+: (pattern|detection|rules) cache ", l))


REF = {}
REF["strip-boilerplate"] = run("strip-boilerplate", b"", None, "off")
REF["extract-meta"] = run("extract-meta", REF["strip-boilerplate"][1], None, "off")
for k, v in REF.items():
    if v[0] != 0 or v[2]:
        sys.exit(f"reference run of {k} failed: {v[0]} {v[2][:300]!r}")

PRIME = os.path.join(WORK, "prime")
run("strip-boilerplate", b"", PRIME, "on")
run("extract-meta", REF["strip-boilerplate"][1], PRIME, "on")
CDIR = os.path.join(PRIME, "khobor")


def find_pattern_cache(prog):
    """The pattern cache prog wrote: the one a verbose run names."""
    _, _, err = run(prog, b"" if prog == "strip-boilerplate" else REF["strip-boilerplate"][1], PRIME, "verbose")
    for line in err.decode().split("\n"):
        if "pattern cache " in line:
            return line.split("pattern cache ")[1].split(":")[0]
    sys.exit(f"{prog}: no pattern cache")


PFILE = {p: find_pattern_cache(p) for p in ("strip-boilerplate", "extract-meta")}
DFILE = [os.path.join(CDIR, f) for f in os.listdir(CDIR) if f.startswith("detect-")][0]

failures = []
ncases = 0


def check(name, prog, path, data, twice=False, mode=0o600):
    """Run PROG with the cache file PATH holding DATA; compare with the reference."""
    d = tempfile.mkdtemp(dir=WORK)
    kd = os.path.join(d, "khobor")
    shutil.copytree(CDIR, kd)
    target = os.path.join(kd, os.path.basename(path))
    with open(target, "wb") as f:
        f.write(bytes(data() if callable(data) else data))
    os.chmod(target, mode)
    stdin = b"" if prog == "strip-boilerplate" else REF["strip-boilerplate"][1]
    bad = None
    for i in range(2 if twice else 1):
        rc, out, err = run(prog, stdin, d, "verbose")
        if rc != REF[prog][0] or out != REF[prog][1] or mine(err) != mine(REF[prog][2]):
            why = [l for l in mine(err).decode("utf-8", "replace").split("\n")
                   if "runtime error" in l or "ERROR:" in l or " #" not in l][:4]
            kind = "SANITIZER" if rc in (98, 99) or rc < 0 else "DIFFERS"
            bad = f"{kind} {name} ({prog}, run {i + 1}): status {rc}, output " + \
                f"{'same' if out == REF[prog][1] else 'differs'}: " + " | ".join(why)
            break
    shutil.rmtree(d, ignore_errors=True)
    return bad


# ---- the pattern cache's layout (rxcache.c) ----

def p_parse(b):
    slen = struct.unpack_from("=I", b, 16)[0]
    at = 20 + slen
    n = struct.unpack_from("=Q", b, at)[0]
    table = at + 8
    hdr = table + 16 * n
    ents = [struct.unpack_from("=QQ", b, table + 16 * i) for i in range(n)]
    return at, table, hdr, ents


def p_fix_header(b):
    at, table, hdr, ents = p_parse(b)
    struct.pack_into("=Q", b, hdr, xxh3(b[:hdr]))
    return b


def p_fix_entry(b, off):
    plen, llen, nlen = struct.unpack_from("=3I", b, off + 20)
    body = plen + llen + nlen
    end = off + 48 + body
    if end <= len(b):
        struct.pack_into("=Q", b, off, xxh3(b[off + 16:end]))
    return b


def pattern_cases(prog):
    orig = bytearray(open(PFILE[prog], "rb").read())
    at, table, hdr, ents = p_parse(orig)
    n = len(ents)
    L = len(orig)
    first = ents[0][1]
    cases = []

    def add(name, data, twice=False, mode=0o600):
        cases.append((f"{prog} patterns: {name}", prog, PFILE[prog], data, twice, mode))

    def cut_at(k):
        return lambda: orig[:k]

    def flip(k, x):
        def f():
            b = bytearray(orig)
            b[k] ^= x
            return b
        return f

    rnd = random.Random(8)
    for size in (0, 1, 7, 8, 31, 32, 33, 64, 100, 4096, L):
        add(f"random {size} bytes", bytes(rnd.getrandbits(8) for _ in range(size)))
    # Truncated at every offset of the header, the table and the first entry (every STEP-th in a big
    # file), then every 397th; a byte flipped likewise.
    step = 1 if hdr < 1000 else 7
    for k in sorted(set(range(0, min(L, first + 400), step)) | set(range(0, L, 397))):
        add(f"truncated to {k}", cut_at(k), twice=(k % 500 == 0))
    for k in sorted(set(range(0, hdr + 8, step)) | set(range(hdr + 8, L, 397))):
        add(f"byte {k} flipped", flip(k, 0x01 if k % 2 else 0x80), twice=(k % 300 == 0))
    # Forged, the header's hash made right: the count and the table.
    for cnt in (0, 1, n - 1, n + 1, (L - table) // 16, (L - table) // 16 + 1, 2**31, 2**32 + 1, 2**63, 2**64 - 1):
        b = bytearray(orig)
        struct.pack_into("=Q", b, at, cnt)
        # the hash goes where the count says the table ends, if that is in the file
        h = table + 16 * cnt
        if h + 8 <= L:
            struct.pack_into("=Q", b, h, xxh3(b[:h]))
        add(f"count {cnt}", b)
    for i in (0, n // 2, n - 1):
        key, off = ents[i]
        for o in (0, 8, 16, table, hdr, hdr + 8 - 8, off + 1, off + 4, off + 8, off - 8, L - 48, L - 8, L, L + 8,
                  2**32, 2**63, 2**64 - 8, 2**64 - 1, ents[(i + 1) % n][1]):
            b = bytearray(orig)
            struct.pack_into("=Q", b, table + 16 * i + 8, o % 2**64)
            add(f"entry {i} offset {o}", p_fix_header(b), twice=(o == L))
        for k in (0, key ^ 1, 2**64 - 1, ents[(i + 1) % n][0]):
            b = bytearray(orig)
            struct.pack_into("=Q", b, table + 16 * i, k)
            add(f"entry {i} key {k:#x}", p_fix_header(b), twice=True)
    # Keys out of order, or all one key.
    b = bytearray(orig)
    order = list(range(n))
    rnd.shuffle(order)
    for j, i in enumerate(order):
        struct.pack_into("=QQ", b, table + 16 * j, *ents[i])
    add("table shuffled", p_fix_header(b), twice=True)
    b = bytearray(orig)
    for j in range(n):
        struct.pack_into("=QQ", b, table + 16 * j, ents[0][0], ents[j][1])
    add("every key the first's", p_fix_header(b), twice=True)
    # Forged entries, their first hash made right: lengths, groups, literal, names.
    for i in (0, n // 2, n - 1):
        off = ents[i][1]
        fl, plen, llen, nlen, clen, npairs, haslit, rare = struct.unpack_from("=8I", orig, off + 16)
        fields = {"flags": (0, fl ^ 8), "plen": (0, plen - 1, plen + 1, 2**32 - 1, L),
                  "llen": (0, llen + 1, 2**32 - 1, L), "nlen": (0, nlen + 1, 2**32 - 1),
                  "clen": (0, 1, clen - 1, clen + 1, clen + 8, 2**32 - 1, L),
                  "npairs": (0, 1, npairs - 1 if npairs > 0 else 5, npairs + 1, 2**31, 2**32 - 1),
                  "haslit": (0, 1, 2), "rare": (llen, llen + 1, 2**32 - 1)}
        for fi, (fname, vals) in enumerate(fields.items()):
            for v in vals:
                b = bytearray(orig)
                struct.pack_into("=I", b, off + 16 + 4 * fi, v % 2**32)
                add(f"entry {i} {fname}={v}", p_fix_entry(b, off), twice=True)
        b = bytearray(orig)
        struct.pack_into("=Q", b, off + 8, 0)
        add(f"entry {i} code hash 0", b, twice=True)
    # Names forged (hash made right): without their NUL, a group number past the groups.
    for i in range(n):
        off = ents[i][1]
        plen, llen, nlen = struct.unpack_from("=3I", orig, off + 20)
        if nlen == 0:
            continue
        nat = off + 48 + plen + llen
        b = bytearray(orig)
        b[nat + nlen - 1] = ord("x")
        add(f"entry {i} names without their NUL", p_fix_entry(b, off), twice=True)
        b = bytearray(orig)
        b[nat] = 0x7f
        add(f"entry {i} names: group 0x7f..", p_fix_entry(b, off), twice=True)
        b = bytearray(orig)
        b[nat:nat + nlen] = b"\0" * nlen
        add(f"entry {i} names all zero", p_fix_entry(b, off), twice=True)
        break
    # Others can write it: not used, whatever it holds.
    add("group-writable", orig, mode=0o620)
    add("other-writable", orig, mode=0o602)
    return cases


# ---- the detection cache's layout (detcache.c) ----

def d_parse(b):
    k = 16
    k += 4 + struct.unpack_from("=I", b, k)[0]          # stamp
    k += 4 + struct.unpack_from("=I", b, k)[0]          # rules directory
    nsites = struct.unpack_from("=Q", b, k)[0]
    k += 8
    for _ in range(nsites):
        k += 4 + struct.unpack_from("=I", b, k)[0] + 56
    flag_at = k
    k += 1
    ix = None
    if b[flag_at] == 1:
        k += (8 - k % 8) % 8
        ix = {"filter": k}
        k += 2 * 8192
        ix["counts"] = k
        na, nnarrow, litslen = struct.unpack_from("=3Q", b, k)
        ix.update(na=na, nnarrow=nnarrow, litslen=litslen)
        k += 24
        ix["anchors"] = k
        k += 32 * na
        ix["always"] = k
        k += nsites
        ix["lits"] = k
        k += litslen
    return nsites, flag_at, ix, k


def d_fix(b):
    b = bytearray(b)
    if len(b) >= 8:
        struct.pack_into("=Q", b, len(b) - 8, xxh3(b[:-8]))
    return b


def detect_cases():
    orig = bytearray(open(DFILE, "rb").read())
    nsites, flag_at, ix, hosts_at = d_parse(orig)
    L = len(orig)
    cases = []
    prog = "strip-boilerplate"

    def add(name, data, twice=False):
        cases.append((f"detect: {name}", prog, DFILE, data, twice, 0o600))

    def cut_at(k, fix):
        return lambda: d_fix(orig[:k] + b"\0" * 8) if fix else orig[:k]

    def flip(k, x):
        def f():
            b = bytearray(orig)
            b[k] ^= x
            return d_fix(b)
        return f

    rnd = random.Random(13)
    for size in (0, 1, 8, 16, 100, L):
        add(f"random {size} bytes", bytes(rnd.getrandbits(8) for _ in range(size)))
    # Truncated (raw, and with a right hash after the cut) around every part, then every 61st byte.
    marks = [flag_at, hosts_at, L - 8] + ([ix["filter"], ix["counts"], ix["anchors"], ix["always"], ix["lits"]] if ix else [])
    cut = set(range(0, 200)) | set(range(0, L, 61))
    for m in marks:
        cut |= set(range(max(0, m - 40), min(L, m + 40)))
    for k in sorted(cut):
        add(f"truncated to {k}", cut_at(k, False))
        add(f"truncated to {k}, hash made right", cut_at(k, True), twice=(k % 400 == 0))
    # A byte flipped, the hash made right: every byte before the index and of its counts, every 5th
    # of the anchors and after, every 257th of the filters.
    for k in range(0, L - 8):
        if ix and ix["filter"] <= k < ix["counts"] and k % 257:
            continue
        if ix and k >= ix["anchors"] and k % 5:
            continue
        add(f"byte {k} flipped, hash made right", flip(k, rnd.choice((0x01, 0x80, 0xff, 0x10))),
            twice=(k % 250 == 0))
    if ix:
        na, nnarrow, litslen = ix["na"], ix["nnarrow"], ix["litslen"]
        for fi, (fname, base) in enumerate((("na", na), ("nnarrow", nnarrow), ("litslen", litslen))):
            for v in (0, 1, base - 1, base + 1, (L - ix["anchors"]) // 32, (L - ix["anchors"]) // 26,
                      2**32, 2**59, 2**63, 2**64 - 1):
                b = bytearray(orig)
                struct.pack_into("=Q", b, ix["counts"] + 8 * fi, v % 2**64)
                add(f"{fname}={v}", d_fix(b))
        for i in (0, nnarrow - 1, nnarrow, na - 1):
            if not 0 <= i < na:
                continue
            a = ix["anchors"] + 32 * i
            key, off, litlen, litoff, site = struct.unpack_from("=QIIII", orig, a)
            for fname, fo, vals in (("off", 8, (litlen, litlen - 3, 2**32 - 1)),
                                    ("litlen", 12, (0, 3, 7, litslen + 1, 2**32 - 1)),
                                    ("litoff", 16, (litslen, litslen - litlen + 1, 2**32 - 1)),
                                    ("site", 20, (nsites, nsites + 1, 2**32 - 1))):
                for v in vals:
                    b = bytearray(orig)
                    struct.pack_into("=I", b, a + fo, v % 2**32)
                    add(f"anchor {i} {fname}={v}", d_fix(b))
            for fo, v in ((24, 2), (24, 1 - orig[a + 24]), (25, 2), (0, 0), (0, 2**64 - 1)):
                b = bytearray(orig)
                if fo == 0:
                    struct.pack_into("=Q", b, a, v)
                else:
                    b[a + fo] = v
                add(f"anchor {i} byte {fo}={v}", d_fix(b), twice=True)
        # The index one byte off its alignment: a byte more before it.
        b = bytearray(orig)
        b[flag_at + 1:flag_at + 1] = b"\0"
        add("index moved a byte", d_fix(b))
        b = bytearray(orig)
        del b[flag_at + 1]
        add("index moved back a byte", d_fix(b))
    return cases


def main():
    global ncases
    cases = pattern_cases("strip-boilerplate") + pattern_cases("extract-meta") + detect_cases()
    only = os.environ.get("ATTACK_ONLY")
    if only:
        cases = [c for c in cases if only in c[0]]
    ncases = len(cases)
    print(f"# {ncases} cases; work in {WORK}", flush=True)
    with ThreadPoolExecutor(max_workers=int(os.environ.get("ATTACK_JOBS", "2"))) as ex:
        for done, bad in enumerate(ex.map(lambda c: check(*c), cases), 1):
            if bad:
                failures.append(bad)
                print("FAIL", bad, flush=True)
            if done % 500 == 0:
                print(f"# {done} done", flush=True)
    print(f"# {ncases} cases, {len(failures)} failed")
    shutil.rmtree(WORK, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
