"""Train the statistical entity recogniser and decide, on held-out gold, whether it earns its place.

Training data are the gold meetings that are *not* held out: PERSON spans are
the rule pipeline's person mentions plus every occurrence of a gold name or
alias; ORG spans are the occurrences of the gold organisation names (the
rules' own organisation guesses are not trusted as labels).  The model is a
from-scratch spaCy ``ner`` on the project's tokenizer; nothing pretrained is
downloaded.

The decision is measured, not assumed: rules-only and rules+model (model
organisations only, or people and organisations) are scored with
:func:`pipeline.evaluate.score` on the held-out meetings (the newest real
meetings, by date, plus a held-out synthetic set).  ``meta.json`` records all
three; ``use_model`` is set only if the model adds at least ``MIN_GAIN`` to
person F1 + organisation F1, because it costs extraction speed.  When the rules
win, the model weights are deleted and only ``meta.json`` is kept as the record.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import filter_spans

from .. import __version__
from ..evaluate import load_gold, score
from ..models import new_model_folder, write_manifest
from .nlp import make_nlp

SEED = 13
EPOCHS = 25
# the model must beat rules-only by this much (person F1 + organisation F1 on held-out gold) to be used:
# it slows extraction down, so a gain within the noise of a few test meetings does not pay for itself
MIN_GAIN = 0.02
LABELS = ("PERSON", "ORG")


@dataclass
class GoldMeeting:
    stem: str
    root: Path
    gold: dict
    date: str


def gold_meetings(roots: list[Path]) -> list[GoldMeeting]:
    out = []
    for root in roots:
        for stem, g in load_gold(root / "gold").items():
            out.append(GoldMeeting(stem, root, g, (g.get("meeting") or {}).get("date") or ""))
    return sorted(out, key=lambda m: (m.date, m.stem))


def split_by_date(real: list[GoldMeeting], n_test: int = 3) -> tuple[list[GoldMeeting], list[GoldMeeting]]:
    """Older real meetings train, the newest ``n_test`` test (never a random split)."""
    return real[:-n_test], real[-n_test:]


def _occurrences(text: str, phrase: str) -> list[tuple[int, int]]:
    words = phrase.split()
    if not words:
        return []
    pattern = r"(?<![\w])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def labelled_doc(nlp, text: str, gold: dict, rule_people: list[tuple[int, int]]) -> Doc:
    """A Doc over ``text`` with PERSON/ORG entities from gold names (plus rule person mentions)."""
    doc = nlp.make_doc(re.sub(r"(?<!\n)\n(?!\n)", " ", text))
    spans = []
    people = [(a, b) for a, b in rule_people]
    for p in gold.get("people", []):
        for name in [p["name"], *(p.get("aliases") or [])]:
            people += _occurrences(text, name)
    for a, b in people:
        s = doc.char_span(a, b, label="PERSON", alignment_mode="contract")
        if s is not None and len(s):
            spans.append(s)
    for org in gold.get("organisations", []):
        name = org if isinstance(org, str) else org.get("name", "")
        for a, b in _occurrences(text, name):
            s = doc.char_span(a, b, label="ORG", alignment_mode="contract")
            if s is not None and len(s):
                spans.append(s)
    doc.ents = filter_spans(spans)
    return doc


def _paragraph_examples(nlp, doc: Doc) -> list[Example]:
    """One example per paragraph (runs of text between blank lines), entities carried over."""
    out = []
    for m in re.finditer(r"(?:[^\n]|\n(?!\n))+", doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="contract")
        if span is None or not len(span):
            continue
        pred = nlp.make_doc(span.text)
        ents = []
        for e in doc.ents:
            if e.start >= span.start and e.end <= span.end:
                ents.append((e.start_char - span.start_char, e.end_char - span.start_char, e.label_))
        out.append(Example.from_dict(pred, {"entities": ents}))
    return out


def data_hash(meetings: list[GoldMeeting]) -> str:
    h = hashlib.sha256()
    for m in meetings:
        h.update((m.root / m.gold["source"]).read_bytes())
        h.update(json.dumps(m.gold, sort_keys=True).encode())
    return h.hexdigest()


def train_ner(examples: list[Example], epochs: int = EPOCHS, seed: int = SEED, log=print):
    spacy.util.fix_random_seed(seed)
    nlp = make_nlp()
    ner = nlp.add_pipe("ner")
    for label in LABELS:
        ner.add_label(label)
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in spacy.util.minibatch(examples, size=8):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        if epoch % 5 == 4 or epoch == epochs - 1:
            log(f"  epoch {epoch + 1:2d}  ner loss {losses.get('ner', 0.0):.1f}")
    return nlp


def _score_pipeline(meetings: list[GoldMeeting], model_dir: str | None) -> dict[str, float]:
    """Score the pipeline on ``meetings``; ``model_dir`` is "path[:LABELS]" or None for rules only."""
    from ..extract import extract_file, meeting_to_json
    from . import get_pipeline

    get_pipeline.cache_clear()
    import os

    old = os.environ.get("MINUTES_ENTITY_MODEL")
    os.environ["MINUTES_ENTITY_MODEL"] = model_dir or "none"
    try:
        preds = {m.stem: meeting_to_json(extract_file(m.root / m.gold["source"], m.gold["source"]))
                 for m in meetings}
    finally:
        if old is None:
            os.environ.pop("MINUTES_ENTITY_MODEL", None)
        else:
            os.environ["MINUTES_ENTITY_MODEL"] = old
        get_pipeline.cache_clear()
    m = score(preds, {x.stem: x.gold for x in meetings})
    keys = ["person_p", "person_r", "person_f1", "person_role_f1", "person_org_f1", "org_p", "org_r", "org_f1"]
    return {k: round(m[k], 4) for k in keys}


def train_entities(corpus: Path, out_root: Path, log=print, epochs: int = EPOCHS) -> Path:
    """Train, compare with rules only on held-out gold, and write ``out_root/<date>/``."""
    from ..extract import extract_file

    started = time.monotonic()
    real = gold_meetings([corpus])
    train_real, test_real = split_by_date(real)
    extra_train = gold_meetings([p for p in (corpus / "synthetic", corpus / "heldout") if (p / "gold").is_dir()])
    extra_test = gold_meetings([p for p in (corpus / "heldout2",) if (p / "gold").is_dir()])
    train_set = train_real + extra_train
    log(f"training on {len(train_set)} meetings ({len(train_real)} real, older); "
        f"testing on {len(test_real)} newest real + {len(extra_test)} held-out synthetic")
    nlp = make_nlp()
    examples: list[Example] = []
    for m in train_set:
        meeting = extract_file(m.root / m.gold["source"], m.gold["source"])
        from ..ingest import ingest_file

        text = ingest_file(m.root / m.gold["source"]).text
        rule_people = [(x.start, x.end) for x in meeting.mentions if x.label == "PERSON"]
        examples += _paragraph_examples(nlp, labelled_doc(nlp, text, m.gold, rule_people))
    log(f"{len(examples)} paragraph examples")
    model = train_ner(examples, epochs=epochs, log=log)
    out = new_model_folder(out_root, date.today().isoformat())
    model_dir = out / "model"
    model_dir.mkdir(parents=True, exist_ok=True)
    model.to_disk(model_dir)
    test = test_real + extra_test
    variants = {"rules_only": None, "rules_plus_model_org": f"{model_dir}:ORG",
                "rules_plus_model_person_org": f"{model_dir}:PERSON,ORG"}
    scores = {name: _score_pipeline(test, spec) for name, spec in variants.items()}
    def total(k: str) -> float:
        return scores[k]["person_f1"] + scores[k]["org_f1"]

    best = max(scores, key=total)
    if total(best) < total("rules_only") + MIN_GAIN:
        best = "rules_only"
    labels = {"rules_only": [], "rules_plus_model_org": ["ORG"], "rules_plus_model_person_org": ["PERSON", "ORG"]}
    meta = {
        "created": date.today().isoformat(),
        "pipeline_version": __version__,
        "spacy_version": spacy.__version__,
        "python_version": sys.version.split()[0],
        "labels": list(LABELS),
        "seed": SEED,
        "epochs": epochs,
        "train_meetings": [m.stem for m in train_set],
        "test_meetings": [m.stem for m in test],
        "training_data_sha256": data_hash(train_set),
        "examples": len(examples),
        "scores_on_test": scores,
        "chosen": best,
        "min_gain": MIN_GAIN,
        "use_model": best != "rules_only",
        "model_labels": labels[best],
        "train_seconds": round(time.monotonic() - started, 1),
    }
    if best == "rules_only":
        shutil.rmtree(model_dir)  # nothing to ship; meta.json keeps the measurement
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    write_manifest(out)
    log(json.dumps(meta["scores_on_test"], indent=2))
    log(f"chosen: {best}  ->  {out}")
    return out
