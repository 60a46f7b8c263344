#!/usr/bin/env python3
"""gen-ccnews.py: a CC-NEWS-like WARC file for bench/warc/ccnews.sh.

  bench/warc/gen-ccnews.py [--seed 1] [--english N] PAGES_DIR OUT.warc.gz

CC-NEWS (Common Crawl's news crawl) files hold a warcinfo record and then
HTTP responses of news pages, HTML only, each its own gzip member, with no
WARC-Identified-Content-Language header.  This file has the Bengali pages
of PAGES_DIR (bench/html/gen-pages output: 100-300 KB pages in the layouts
of the HTML fixtures) and N English news pages of the same sizes (a
third with no lang attribute, the rest lang="en"), shuffled.  The same
seed gives the same bytes; only the standard library is used.
"""

import argparse
import glob
import os
import random
import zlib

WORDS = ("the minister said on monday that the new bridge over the river would open next year after "
         "delays caused by floods and a shortage of steel while residents of the district welcomed the "
         "news and traders hoped for lower transport costs across the region").split()


def gz(data):
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def english(rng, target, lang):
    paras = "".join("<p>%s.</p>\n" % " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))).capitalize()
                    for _ in range(rng.randint(6, 30)))
    head = ('<!DOCTYPE html>\n<html%s>\n<head><meta charset="utf-8"><title>Bridge to open next year | The Daily Example</title>'
            '<meta property="og:type" content="article"></head>\n<body><nav hidden><ul>%s</ul></nav>\n<article><h1>Bridge to open next year</h1>\n'
            % (lang, "".join('<li><a href="/s/%d">Section %d</a></li>' % (i, i) for i in range(150))))
    s = head + paras + "</article>\n"
    pad = target - len(s) - 40
    script = []
    n = 0
    while pad > 0:
        line = 'var cfg%d = {"slot": "/2134/news_%d", "html": "<div class=\\"ad\\"><\\/div>"};\n' % (n, n)
        script.append(line)
        pad -= len(line)
        n += 1
    return s + "<script>\n" + "".join(script) + "</script>\n</body></html>\n"


def record(headers, block):
    head = "WARC/1.0\r\n" + "".join("%s: %s\r\n" % hv for hv in headers) + "Content-Length: %d\r\n\r\n" % len(block)
    return head.encode() + block + b"\r\n\r\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--english", type=int, default=600)
    ap.add_argument("pages")
    ap.add_argument("out")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    bengali = [open(f, "rb").read() for f in sorted(glob.glob(os.path.join(a.pages, "*.html")))]
    pages = [("bn", p) for p in bengali]
    for i in range(a.english):
        target = 100 * 1024 + rng.randrange(200 * 1024)
        pages.append(("en", english(rng, target, "" if i % 3 == 0 else ' lang="en"').encode()))
    rng.shuffle(pages)
    with open(a.out, "wb") as f:
        f.write(gz(record([("WARC-Type", "warcinfo"), ("WARC-Record-ID", "<urn:uuid:info>"),
                           ("Content-Type", "application/warc-fields")], b"isPartOf: CC-NEWS\r\n")))
        for i, (lang, body) in enumerate(pages):
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nX-Crawler-Content-Encoding: gzip\r\n\r\n"
            host = "www.kalbela.com" if lang == "bn" else "news.example.com"
            f.write(gz(record([("WARC-Type", "response"), ("WARC-Date", "2024-10-06T10:%02d:%02dZ" % (i // 60 % 60, i % 60)),
                               ("WARC-Record-ID", "<urn:uuid:%08d>" % i), ("WARC-Target-URI", "https://%s/news/%d" % (host, i)),
                               ("Content-Type", "application/http; msgtype=response"),
                               ("WARC-Identified-Payload-Type", "text/html")], http + body)))
    print("gen-ccnews: %d responses (%d Bengali), %s" % (len(pages), len(bengali), a.out))


if __name__ == "__main__":
    main()
