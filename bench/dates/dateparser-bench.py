#!/usr/bin/python3
"""dateparser-bench: Python's dateparser on tests/dates/table.tsv, for comparison
with normalize-date (bench/dates/run.sh).  A row is right when dateparser gives
the expected ISO value (the date alone where the table has no time), or, for a
row that must warn, when it refuses (returns None).  Debian's python3-dateparser."""
import datetime
import sys
import time

import dateparser

table = sys.argv[1] if len(sys.argv) > 1 else "tests/dates/table.tsv"
secs = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
rows = []
for line in open(table, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    f = line.split("\t")
    rows.append((f[0], f[1], f[2] or "Asia/Dhaka"))


def parse(text, zone):
    return dateparser.parse(text, languages=["bn", "en"],
                            settings={"TIMEZONE": zone, "RETURN_AS_TIMEZONE_AWARE": True,
                                      "PREFER_DAY_OF_MONTH": "first"})


def same(d, want):
    """dateparser converts to the zone it is given, so with a time the instant
    is compared (10:53Z and 16:53+06:00 are the same), without one the date."""
    if d is None:
        return False
    if "T" not in want:
        return d.date().isoformat() == want
    return d == datetime.datetime.fromisoformat(want)


right = 0
for text, want, zone in rows:
    try:
        d = parse(text, zone)
    except Exception as e:  # a crash is a wrong answer too
        d = None
        print("error: %s: %s" % (text, e))
    got = d.isoformat() if d is not None else None
    if want.startswith("!"):
        ok = d is None
    else:
        ok = same(d, want)
    right += ok
    if not ok and "-v" in sys.argv:
        print("wrong: %s -> %s (want %s)" % (text, got, want))
print("dateparser %s: %d of %d table rows right" % (dateparser.__version__, right, len(rows)))

n = 0
t0 = time.perf_counter()
c0 = time.process_time()
while True:
    for text, want, zone in rows:
        try:
            parse(text, zone)
        except Exception:
            pass
    n += len(rows)
    t = time.perf_counter() - t0
    if t >= secs:
        break
c = time.process_time() - c0
print("dateparser %s: %d dates in %.2f s wall, %.2f s CPU: %.0f dates/s wall, %.0f dates/s CPU"
      % (dateparser.__version__, n, t, c, n / t, n / c))
