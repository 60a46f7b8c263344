#!/usr/bin/env python3
"""tests/pcache.py MODE FILE: damage or forge a pattern cache (rxcache.c's layout).

Used by tests/t/19-pattern-cache.t.  MODE is one of:
  code     change one byte in the middle of every entry's code (damage:
           the code's hash finds it)
  names    take the NUL off the end of every entry's group names, the
           entry's hash made right (forgery: the names check finds it)
  offset   set the first pattern's offset 8 bytes short of 2^64, the
           header's hash made right
  groups   add one to every group count above one, the entry's hash made right
"""
import ctypes
import struct
import sys

xx = ctypes.CDLL("libxxhash.so.0")
xx.XXH3_64bits.restype = ctypes.c_uint64
xx.XXH3_64bits.argtypes = [ctypes.c_char_p, ctypes.c_size_t]


def xxh3(b):
    return xx.XXH3_64bits(bytes(b), len(b))


def main():
    mode, f = sys.argv[1], sys.argv[2]
    b = bytearray(open(f, "rb").read())
    # "KHOBORPC", format, byte-order mark, stamp (32-bit length, bytes), count, table, hash
    (slen,) = struct.unpack_from("=I", b, 16)
    at = 20 + slen
    (n,) = struct.unpack_from("=Q", b, at)
    table = at + 8
    if mode == "offset":
        struct.pack_into("=Q", b, table + 8, 2**64 - 8)
        struct.pack_into("=Q", b, table + 16 * n, xxh3(b[:table + 16 * n]))
    for i in range(n if mode in ("code", "names", "groups") else 0):
        (off,) = struct.unpack_from("=Q", b, table + 16 * i + 8)
        # hashes at 0 and 8; flags, lengths of pattern, literal, names, code; groups + 1
        plen, llen, nlen, clen, npairs = struct.unpack_from("=5I", b, off + 20)
        body = 48 + plen + llen + nlen
        if mode == "code":
            b[off + body + (8 - body % 8) % 8 + clen // 2] ^= 0x5A
            continue
        if mode == "names" and nlen:
            b[off + body - 1] = ord("x")
        elif mode == "groups" and npairs > 1:
            struct.pack_into("=I", b, off + 36, npairs + 1)
        else:
            continue
        struct.pack_into("=Q", b, off, xxh3(b[off + 16:off + body]))
    open(f, "wb").write(b)


if __name__ == "__main__":
    main()
