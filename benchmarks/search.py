"""Search latency: p50/p95 of 100 queries over a run's database (e.g. the 4,000-meeting benchmark's).

The queries mix single words, phrases, prefixes, boolean queries, topic ids,
acronyms and facet filters (body, dates, decision type, status, person), drawn
with a fixed seed from the database's own vocabulary, bodies and people.

    python benchmarks/throughput.py --sizes 4000 --keep /tmp/bench     # builds /tmp/bench/out_4000
    python benchmarks/search.py /tmp/bench/out_4000/minutes.sqlite
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.search import search  # noqa: E402

WORDS = ["county lines", "domestic abuse", "hate crime", "anti-social behaviour", "report", "funding", "exploit*",
         "knife crime", "safeguarding", "police", "budget", "strategy", "youth justice", "cuckooing", "CSE",
         "county_lines", "domestic_abuse", "burglary OR robbery", "drugs AND alcohol", "update NOT annual"]


def queries(db: Path, n: int, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    con = sqlite3.connect(db)
    bodies = [r[0] for r in con.execute("SELECT DISTINCT body_id FROM meetings")]
    dates = sorted(r[0] for r in con.execute("SELECT date FROM meetings WHERE date IS NOT NULL"))
    people = [r[0] for r in con.execute("SELECT name FROM people ORDER BY meetings DESC LIMIT 50")]
    con.close()
    out = []
    for k in range(n):
        q: dict = {"query": rng.choice(WORDS)}
        if k % 3 == 1:
            q["body"] = rng.choice(bodies)
        if k % 4 == 2 and dates:
            q["since"] = rng.choice(dates)
        if k % 5 == 3:
            q["type"] = rng.choice(["noted", "requested", "approved"])
        if k % 7 == 4:
            q["status"] = rng.choice(["open", "closed", "overdue"])
        if k % 10 == 5 and people:
            q["person"] = rng.choice(people)
        out.append(q)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("-n", type=int, default=100)
    args = ap.parse_args()
    qs = queries(args.db, args.n)
    search(args.db, "warm up")
    times, hits = [], 0
    for q in qs:
        text = q.pop("query")
        start = time.perf_counter()
        hits += len(search(args.db, text, limit=20, **q))
        times.append((time.perf_counter() - start) * 1000)
    con = sqlite3.connect(args.db)
    rows = con.execute("SELECT count(*) FROM search").fetchone()[0]
    meetings = con.execute("SELECT count(*) FROM meetings").fetchone()[0]
    con.close()
    times.sort()
    print(f"{len(times)} queries over {meetings:,} meetings ({rows:,} indexed rows, "
          f"{args.db.stat().st_size / 1e6:.0f} MB database): p50 {statistics.median(times):.1f} ms, "
          f"p95 {times[int(0.95 * len(times)) - 1]:.1f} ms, max {times[-1]:.1f} ms; {hits / len(times):.1f} hits/query")


if __name__ == "__main__":
    main()
