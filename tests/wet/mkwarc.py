#!/usr/bin/env python3
"""mkwarc.py: write small WARC files for the from-warc tests.

usage: mkwarc.py SPEC OUT FRAMING

SPEC is a JSON list of records; each is an object with "headers" (a list
of [name, value] pairs, written in order after "WARC/1.0"; Content-Length
is added after them unless "length" says otherwise: a number to write
instead of the true one, or null to leave it out), "block" (a string,
written as UTF-8, or "hex" for raw bytes) and optional "before" (hex bytes
written before the record, outside any gzip member) and "cut" (keep only
this many bytes of the record's gzip member: a member cut short).
FRAMING is plain, member (one gzip member per record) or stream (one gzip
stream for the whole file).  The offset of each record (of its member)
is printed, one per line, for the tests to build their expected output.
"""
import json
import sys
import zlib


def gz(data):
    c = zlib.compressobj(6, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    out, framing = sys.argv[2], sys.argv[3]
    chunks = []
    for r in spec:
        block = bytes.fromhex(r["hex"]) if "hex" in r else r.get("block", "").encode("utf-8")
        head = "WARC/%s\r\n" % r.get("version", "1.0")
        head += "".join("%s: %s\r\n" % (n, v) for n, v in r.get("headers", []))
        length = r.get("length", len(block))
        if length is not None:
            head += "Content-Length: %s\r\n" % length
        rec = head.encode("utf-8") + b"\r\n" + block + r.get("end", "\r\n\r\n").encode()
        chunks.append((bytes.fromhex(r.get("before", "")), rec, r.get("cut")))
    offsets = []
    with open(out, "wb") as f:
        if framing == "stream":
            f.write(gz(b"".join(b + rec for b, rec, _ in chunks)))
            return
        pos = 0
        for before, rec, cut in chunks:
            f.write(before)
            pos += len(before)
            offsets.append(pos)
            data = rec if framing == "plain" else gz(rec)
            if cut is not None:
                data = data[:cut]
            f.write(data)
            pos += len(data)
    print("\n".join(str(o) for o in offsets))


if __name__ == "__main__":
    main()
