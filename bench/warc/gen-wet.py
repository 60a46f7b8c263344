#!/usr/bin/env python3
"""gen-wet.py: write a synthetic Common Crawl WET file for the from-warc benchmark.

usage: gen-wet.py [--size BYTES] [--seed N] [--bengali PERCENT]
                  [--framing member|stream|plain] [--jobs N] OUT

The framing is Common Crawl's: a warcinfo record first, then one
"conversion" record per page with WARC-Target-URI, WARC-Date,
WARC-Record-ID, WARC-Refers-To, WARC-Block-Digest,
WARC-Identified-Content-Language, Content-Type: text/plain and
Content-Length; each record its own gzip member (--framing member, the
default), or the whole file one gzip stream, or no gzip at all.

Pages come in many languages and scripts (words made of random syllables
of each script, so that the text compresses like text and not like a
repeated sentence), and BENGALI percent of them (1 by default) are
Bengali news pages: the fixture pages tests/sites/*/*.txt rendered the way
Common Crawl's extractor renders HTML (the page title on the first line,
white space collapsed, no blank lines, no list bullets), each with a few
sentences of invented Bengali text added among its paragraphs, so that no
two are the same.  SIZE counts the bytes written (compressed, when gzip).
The same seed gives the same file.
"""
import argparse
import base64
import glob
import hashlib
import json
import multiprocessing
import os
import random
import re
import sys
import zlib

TOP = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))

# (code, weight, script) -- roughly the shares of a recent crawl, Bengali aside.
LANGS = [
    ("eng", 440, "ascii"), ("rus", 60, "cyrillic"), ("deu", 55, "latin"),
    ("jpn", 50, "kana"), ("zho", 50, "han"), ("spa", 45, "latin"),
    ("fra", 45, "latin"), ("ita", 25, "latin"), ("por", 25, "latin"),
    ("nld", 20, "latin"), ("pol", 20, "latin"), ("ces", 10, "latin"),
    ("vie", 12, "latin"), ("tur", 10, "latin"), ("ind", 10, "latin"),
    ("fas", 8, "arabic"), ("ara", 8, "arabic"), ("kor", 8, "hangul"),
    ("ukr", 6, "cyrillic"), ("ell", 5, "greek"), ("hin", 5, "devanagari"),
    ("tha", 4, "thai"),
]

SITES = {
    "kalbela": ("https://www.kalbela.com/national/", "কালবেলা"),
    "dhakadiplomat": ("https://dhakadiplomat.com/news/", "Dhaka Diplomat"),
    "prothomalo": ("https://www.prothomalo.com/bangladesh/", "প্রথম আলো"),
}

HOSTS = ["news", "blog", "shop", "forum", "wiki", "travel", "recipes", "sport", "music", "tech"]
TLDS = {"eng": "com", "rus": "ru", "deu": "de", "jpn": "jp", "zho": "cn", "spa": "es",
        "fra": "fr", "ita": "it", "por": "br", "nld": "nl", "pol": "pl", "ces": "cz",
        "vie": "vn", "tur": "com.tr", "ind": "co.id", "fas": "ir", "ara": "sa",
        "kor": "kr", "ukr": "ua", "ell": "gr", "hin": "in", "tha": "th"}


def syllables(script, rnd):
    """A few hundred syllables of a script, to build words from."""
    def rng(a, b):
        return [chr(c) for c in range(a, b + 1)]
    if script in ("ascii", "latin"):
        # English is ASCII; the other Latin-script languages have a letter
        # with a diacritic in about one syllable of twelve.
        cons = list("bcdfghjklmnprstvwz") + ["ch", "sh", "th", "st", "tr", "pl"]
        vows = list("aeiouaeioy")
        syl = [c + v for c in cons for v in vows]
        if script == "latin":
            syl += [c + v for c in cons[:6] for v in ["é", "ä", "ö", "ü", "ó"]]
        return syl
    if script == "cyrillic":
        return [c + v for c in rng(0x431, 0x43F) for v in "аеиоуыэюя"]
    if script == "greek":
        return [c + v for c in rng(0x3B2, 0x3C9) for v in "αεηιουω"]
    if script == "arabic":
        return rng(0x628, 0x64A)
    if script == "devanagari":
        return [c + v for c in rng(0x915, 0x939) for v in ["", "ा", "ि", "ी", "ु", "े", "ो", "्"]]
    if script == "thai":
        return rng(0xE01, 0xE2E) + rng(0xE30, 0xE39)
    if script == "hangul":
        return [chr(rnd.randrange(0xAC00, 0xD7A4)) for _ in range(1500)]
    if script == "kana":
        return rng(0x3041, 0x3093) + [chr(rnd.randrange(0x4E00, 0x9FA0)) for _ in range(1200)]
    if script == "han":
        return [chr(rnd.randrange(0x4E00, 0x9FA0)) for _ in range(3000)]
    raise ValueError(script)


def paragraph_pool(script, rnd, n=3000):
    """N lines of text of a script: menu items, headings and paragraphs."""
    syl = syllables(script, rnd)
    nospace = script in ("han", "kana", "thai")
    words = []
    for _ in range(4000):
        words.append("".join(rnd.choice(syl) for _ in range(rnd.choice((1, 2, 2, 3, 3, 4)))))
    stop = "。" if nospace else "."
    pool = []
    for _ in range(n):
        kind = rnd.random()
        nw = rnd.randint(1, 4) if kind < 0.4 else rnd.randint(5, 12) if kind < 0.6 else rnd.randint(20, 120)
        ws = [rnd.choice(words[:300]) if rnd.random() < 0.7 else rnd.choice(words) for _ in range(nw)]
        line = ("" if nospace else " ").join(ws)
        if nw > 12:
            line += stop
        if not nospace and line:
            line = line[0].upper() + line[1:]
        pool.append(line)
    return pool


def wet_render(text):
    """A browser-copied page as Common Crawl's extractor would give it."""
    out = []
    for line in text.split("\n"):
        line = re.sub(r"^\s*[•·▪►]\s*", "", line)
        line = re.sub(r"\s+", " ", line).strip()
        if line:
            out.append(line)
    return out


def bengali_pages():
    pages = []
    words = set()
    for path in sorted(glob.glob(os.path.join(TOP, "tests", "sites", "*", "*.txt"))):
        site = os.path.basename(os.path.dirname(path))
        if site not in SITES:
            continue
        text = open(path, encoding="utf-8").read()
        exp = path[:-4] + ".jsonl"
        title = ""
        if os.path.exists(exp):
            title = json.loads(open(exp, encoding="utf-8").readline()).get("title", "")
        lines = wet_render(text)
        pages.append((site, title, lines))
        for ln in lines:
            for w in ln.split():
                if re.fullmatch(r"[\u0980-\u09FF]+", w):
                    words.add(w)
    return pages, sorted(words)


def bengali_record(rnd, pages, words, n):
    site, title, lines = rnd.choice(pages)
    lines = list(lines)
    # Invented sentences among the paragraphs, after a long line.
    longs = [i for i, ln in enumerate(lines) if len(ln) > 80]
    for _ in range(rnd.randint(1, 4)):
        sent = " ".join(rnd.choice(words) for _ in range(rnd.randint(8, 25))) + "।"
        at = (rnd.choice(longs) + 1) if longs else len(lines)
        lines.insert(at, sent)
        longs = [i + (i >= at) for i in longs]
    base, name = SITES[site]
    head = "%s | %s" % (title, name) if title else name
    url = "%s%d" % (base, 100000 + n)
    langs = "ben" if rnd.random() < 0.8 else "ben,eng"
    return url, langs, head + "\n" + "\n".join(lines) + "\n"


def other_record(rnd, pools, n):
    code = rnd.choices([l[0] for l in LANGS], weights=[l[1] for l in LANGS])[0]
    pool = pools[code]
    nlines = max(3, min(2000, int(rnd.lognormvariate(3.0, 0.9))))
    text = "\n".join(rnd.choice(pool) for _ in range(nlines)) + "\n"
    langs = code
    if rnd.random() < 0.15:
        langs += "," + rnd.choice(("eng", "fra", "deu", "spa"))
    url = "https://%s%d.example.%s/page/%d" % (rnd.choice(HOSTS), rnd.randrange(5000), TLDS[code], n)
    return url, langs, text


def uuid(rnd):
    h = "%032x" % rnd.getrandbits(128)
    return "<urn:uuid:%s-%s-%s-%s-%s>" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def record(headers, block):
    head = "WARC/1.0\r\n" + "".join("%s: %s\r\n" % kv for kv in headers)
    head += "Content-Length: %d\r\n\r\n" % len(block)
    return head.encode() + block + b"\r\n\r\n"


def digest(block):
    return "sha1:" + base64.b32encode(hashlib.sha1(block).digest()).decode()


def gz(data):
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def make_batch(args):
    """Records BATCH*K .. BATCH*K+K-1, as bytes (gzip members unless plain)."""
    seed, batch, k, bengali, framing = args
    rnd = random.Random("%d/%d" % (seed, batch))
    out = []
    for i in range(k):
        n = batch * k + i
        if rnd.random() * 100 < bengali:
            url, langs, text = bengali_record(rnd, BN_PAGES, BN_WORDS, n)
        else:
            url, langs, text = other_record(rnd, POOLS, n)
        block = text.encode("utf-8")
        date = "2024-10-%02dT%02d:%02d:%02dZ" % (rnd.randint(3, 16), rnd.randrange(24),
                                                rnd.randrange(60), rnd.randrange(60))
        rec = record([("WARC-Type", "conversion"), ("WARC-Target-URI", url), ("WARC-Date", date),
                      ("WARC-Record-ID", uuid(rnd)), ("WARC-Refers-To", uuid(rnd)),
                      ("WARC-Block-Digest", digest(block)),
                      ("WARC-Identified-Content-Language", langs),
                      ("Content-Type", "text/plain")], block)
        out.append(gz(rec) if framing == "member" else rec)
    return b"".join(out)


def init(seed):
    global POOLS, BN_PAGES, BN_WORDS
    rnd = random.Random(seed)
    POOLS = {code: paragraph_pool(script, rnd) for code, _, script in LANGS}
    BN_PAGES, BN_WORDS = bengali_pages()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", type=float, default=1e9, help="bytes to write (default 1e9)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--bengali", type=float, default=1.0, help="percent of Bengali news pages")
    ap.add_argument("--framing", choices=("member", "stream", "plain"), default="member")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("out")
    a = ap.parse_args()

    init(a.seed)
    rnd = random.Random(a.seed)
    info = ("software: khobor bench/warc/gen-wet.py\r\nisPartOf: KHOBOR-BENCH-2024-42\r\n"
            "description: synthetic WET file for the from-warc benchmark\r\n").encode()
    first = record([("WARC-Type", "warcinfo"), ("WARC-Date", "2024-10-17T01:02:03Z"),
                    ("WARC-Filename", os.path.basename(a.out)), ("WARC-Record-ID", uuid(rnd)),
                    ("Content-Type", "application/warc-fields")], info)
    written = 0
    stream = zlib.compressobj(6, zlib.DEFLATED, 31) if a.framing == "stream" else None
    with open(a.out, "wb") as f:
        def put(data):
            nonlocal written
            if stream is not None:
                data = stream.compress(data)
            elif a.framing == "member":
                data = gz(data)
            f.write(data)
            written += len(data)
        put(first)
        k = max(4, min(200, int(a.size / 40000)))	# records a batch: small files stay small
        # One job: no worker processes (their start-up costs more than small files).
        pool = multiprocessing.Pool(a.jobs, initializer=init, initargs=(a.seed,)) if a.jobs > 1 else None
        try:
            batch = 0
            while written < a.size:
                jobs = [(a.seed, batch + j, k, a.bengali, a.framing) for j in range(a.jobs * 2)]
                batch += len(jobs)
                for data in (pool.imap(make_batch, jobs) if pool else map(make_batch, jobs)):
                    if a.framing == "member":
                        f.write(data)
                        written += len(data)
                    else:
                        put(data)
                    if written >= a.size:
                        break
        finally:
            if pool:
                pool.close()
                pool.join()
        if stream is not None:
            tail = stream.flush()
            f.write(tail)
    return 0


if __name__ == "__main__":
    sys.exit(main())
