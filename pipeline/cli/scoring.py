"""Commands that measure and train: ``evaluate`` and ``train``."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import jsonlines
import typer
from rich.table import Table

from ..batch import BatchOptions, run_records
from ..evaluate import STAGES, load_gold, predictions_by_stem, score, stages_run
from ..evaluate_labels import label_report
from ..extract import ExtractSummary, list_inputs
from .common import Debug, app, err, out


def _load_predictions(paths: list[Path], debug: bool) -> tuple[list[dict], ExtractSummary]:
    records: list[dict] = []
    summary = ExtractSummary()
    to_extract = []
    for p in paths:
        if p.is_file() and p.suffix == ".jsonl":
            with jsonlines.open(p) as reader:
                try:
                    records.extend(reader.iter(type=dict, skip_empty=True))
                except jsonlines.InvalidLineError as exc:
                    err.print(f"error: {p}:{exc.lineno}: not a JSON object", highlight=False)
                    raise typer.Exit(2) from exc
        else:
            to_extract.append(p)
    if to_extract:
        files = list_inputs(to_extract, summary)
        records.extend(run_records(files, summary, BatchOptions(debug=debug)))
    return records, summary


@app.command()
def evaluate(
    paths: Annotated[list[Path], typer.Argument(help="Minutes files/folders to extract, or predictions .jsonl.")],
    gold: Annotated[Path, typer.Option(help="Folder of gold .json files.")] = Path("corpus/gold"),
    only: Annotated[str | None, typer.Option(help="Comma-separated gold stems to score.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    debug: Debug = False,
) -> None:
    """Score extraction against gold files, stage by stage.

    Example: minutes evaluate corpus --gold corpus/gold
    """
    if not gold.is_dir():
        err.print(f"error: gold folder not found: {gold}", highlight=False)
        raise typer.Exit(2)
    golds = load_gold(gold, set(only.split(",")) if only else None)
    if not golds:
        err.print(f"error: no gold .json files in {gold}", highlight=False)
        raise typer.Exit(2)
    records, summary = _load_predictions(paths, debug)
    for e in summary.errors:
        if e["stage"] != "dedupe":
            err.print(f"error: {e['path']}: {e['reason']}", highlight=False)
    metrics = score(predictions_by_stem(records), golds)
    labels = label_report(predictions_by_stem(records), golds)
    metrics["topic_macro_f1"] = labels["topics"]["macro_f1"]
    metrics["decision_type_macro_f1"] = labels["decision_types"]["macro_f1"]
    if as_json:
        print(json.dumps({**metrics, "labels": labels}))
        return
    table = Table(title=f"{metrics['meetings']} gold meetings ({metrics['missing']} not extracted)")
    table.add_column("stage")
    table.add_column("metric")
    table.add_column("score", justify="right")
    ran = stages_run(records)
    for stage, keys in STAGES:
        for k, key in enumerate(keys):
            value = f"{metrics[key]:.3f}" if stage in ran else "not run"
            table.add_row(stage if k == 0 else "", key, value)
    out.print(table)
    if ran != {name for name, _ in STAGES}:
        out.print("'not run': the predictions hold no output of that stage yet.")
    for key, title in (("decision_types", "decision types"), ("topics", "topics")):
        if title in ran and labels[key]["per_label"]:
            _print_labels(title, labels[key])
    if "decision types" in ran and labels["decision_confusion"]:
        out.print("decision-type confusion (gold -> predicted, count): " + "; ".join(
            f"{k} x{v}" for k, v in list(labels["decision_confusion"].items())[:8]), highlight=False)


def _print_labels(title: str, report: dict) -> None:
    table = Table(title=f"{title}: exact-set {report['exact']:.3f}, macro-F1 {report['macro_f1']:.3f} "
                        f"over {report['pairs']} aligned")
    for col in ("label", "P", "R", "F1", "support"):
        table.add_column(col, justify="left" if col == "label" else "right")
    for lab, v in sorted(report["per_label"].items(), key=lambda kv: (kv[1]["f1"], kv[0])):
        table.add_row(lab, f"{v['p']:.2f}", f"{v['r']:.2f}", f"{v['f1']:.2f}", str(v["support"]))
    out.print(table)


class TrainTask(StrEnum):
    entities = "entities"
    topics = "topics"
    decisions = "decisions"
    followups = "followups"
    sentences = "sentences"


@app.command()
def train(
    task: Annotated[TrainTask, typer.Argument(help="Which model: entities, topics, decisions, followups, sentences.")],
    corpus: Annotated[Path, typer.Option(help="Corpus folder with gold/ (and synthetic/, heldout/).")] = Path("corpus"),
    out: Annotated[Path | None, typer.Option(help="Where model folders go (default models/<task>).")] = None,
    epochs: Annotated[int, typer.Option(help="Training epochs (entities).")] = 25,
) -> None:
    """Train a model from corpus/ and its gold, split by meeting date; write models/<task>/<date>/ + meta.json.

    Prints the held-out scores side by side with the rules/keyword-only baseline.
    Example: minutes train decisions
    """
    _need_gold(corpus)
    out = out or Path("models") / task.value

    def log(msg: str) -> None:
        err.print(msg, highlight=False)

    if task is TrainTask.entities:
        from ..entities.train import train_entities

        train_entities(corpus, out, log=log, epochs=epochs)
    else:
        from ..classifier_training import TASKS
        from ..classifier_training import train as train_classifier

        train_classifier(TASKS[task.value], corpus, out, log=log)


def _need_gold(corpus: Path) -> None:
    if not (corpus / "gold").is_dir():
        err.print(f"error: no gold/ folder in {corpus}", highlight=False)
        raise typer.Exit(2)


