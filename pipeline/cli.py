"""The ``minutes`` command: thin wrappers over the stage functions.

Every command reads files, calls plain functions in the stage modules and
prints or writes their results.  Errors a user can act on are one line naming
the file and the problem; tracebacks appear only with ``--debug``.
Exit codes: 0 all good, 1 some input files failed, 2 usage error.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import jsonlines
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from .evaluate import STAGES, label_report, load_gold, predictions_by_stem, score, stages_run
from .extract import ExtractSummary, iter_meetings, list_inputs, meeting_to_json, write_jsonl
from .ingest import DEFAULT_MAX_BYTES
from .link import link
from .progress import FileProgress

app = typer.Typer(
    name="minutes",
    help="Turn public-body meeting minutes (text, HTML, PDF) into structured meeting records.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

PathsArg = Annotated[list[Path], typer.Argument(help="Minutes files or directories (.txt, .html, .pdf).")]
MaxBytes = Annotated[int, typer.Option(help="Skip (and report) files larger than this many bytes.")]
Debug = Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary on stderr.")]
TopicsModel = Annotated[Path | None, typer.Option(help="Topic model folder (default: newest in models/topics).")]
DecisionsModel = Annotated[Path | None, typer.Option(
    help="Decision-type model folder (default: newest in models/decisions).")]


def _version(value: bool) -> None:
    if value:
        print(f"minutes {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                               help="Print the version and exit.")] = False) -> None:
    """minutes: meeting minutes in, structured records out."""


def _models(topics_model: Path | None, decisions_model: Path | None) -> dict:
    """Chosen model folders, checked now so that a missing or tampered one is one clear error."""
    from .models import ModelIntegrityError, verify

    chosen = {}
    for task, path in (("topics", topics_model), ("decisions", decisions_model)):
        if path is None:
            continue
        try:
            verify(path)
        except ModelIntegrityError as exc:
            err.print(f"error: {exc}", highlight=False)
            raise typer.Exit(2) from exc
        chosen[task] = str(path)
    return chosen


def _run_extract(paths: list[Path], max_bytes: int, debug: bool, quiet: bool, models: dict | None = None):
    summary = ExtractSummary()
    files = list_inputs(paths, summary)
    progress = FileProgress(len(files), enabled=not quiet)
    records = (meeting_to_json(m) for m in iter_meetings(files, summary, max_bytes, debug, progress.advance,
                                                           models=models))
    return summary, files, progress, records


def _report(summary: ExtractSummary, progress: FileProgress, quiet: bool) -> None:
    progress.close()
    for e in summary.errors:
        if e["stage"] == "dedupe":
            continue
        hint = f" ({e['hint']})" if e.get("hint") else ""
        err.print(f"[red]error[/red]: {e['path']}: {e['reason']}{hint}", markup=True, highlight=False)
    if not quiet:
        rate = summary.words / progress.elapsed if progress.elapsed > 0 else 0.0
        err.print(f"{summary.ok} ok, {summary.duplicates} duplicate, {summary.failed} failed, "
                  f"{progress.elapsed:.1f}s, {rate:,.0f} words/s", highlight=False)
        for e in summary.errors:
            if e["stage"] == "dedupe":
                err.print(f"duplicate: {e['path']} is {e['reason']}", highlight=False)


@app.command()
def extract(
    paths: PathsArg,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write JSONL here (default: stdout).")] = None,
    errors: Annotated[Path | None, typer.Option(help="Also write failures and duplicates as JSONL here.")] = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    topics_model: TopicsModel = None,
    decisions_model: DecisionsModel = None,
    debug: Debug = False,
    quiet: Quiet = False,
) -> None:
    """Extract one JSON record per meeting (a superset of the gold schema).

    Example: minutes extract corpus/raw --out meetings.jsonl
    """
    models = _models(topics_model, decisions_model)
    summary, _files, progress, records = _run_extract(paths, max_bytes, debug, quiet, models)
    if out_file:
        write_jsonl(records, out_file)
    else:
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if errors:
        write_jsonl(summary.errors, errors)
    _report(summary, progress, quiet)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def run(
    paths: PathsArg,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    topics_model: TopicsModel = None,
    decisions_model: DecisionsModel = None,
    debug: Debug = False,
    quiet: Quiet = False,
) -> None:
    """Run the pipeline over a corpus: OUT/meetings.jsonl, OUT/errors.jsonl, OUT/people.jsonl, OUT/person_roles.jsonl.

    Example: minutes run corpus --out out
    """
    models = _models(topics_model, decisions_model)
    summary, _files, progress, records = _run_extract(paths, max_bytes, debug, quiet, models)
    n = write_jsonl(records, out_dir / "meetings.jsonl")
    write_jsonl(summary.errors, out_dir / "errors.jsonl")
    _report(summary, progress, quiet)
    linked = link(out_dir / "meetings.jsonl", out_dir)
    if not quiet:
        statuses = ", ".join(f"{v} {k}" for k, v in sorted(linked.statuses.items())) or "none"
        err.print(f"wrote {n} meetings to {out_dir / 'meetings.jsonl'}, "
                  f"{len(summary.errors)} problems to {out_dir / 'errors.jsonl'}, "
                  f"{linked.people} people ({linked.appearances} appearances) to {out_dir / 'people.jsonl'}; "
                  f"follow-ups: {statuses}", highlight=False)
    raise typer.Exit(1 if summary.failed else 0)


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
        records.extend(meeting_to_json(m) for m in iter_meetings(files, summary, debug=debug))
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


@app.command()
def label(
    path: Annotated[Path, typer.Argument(help="One minutes file to annotate.")],
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Write the pre-filled gold JSON here.")] = None,
    source: Annotated[str | None, typer.Option(help="The gold 'source' (default: parent folder/file name).")] = None,
) -> None:
    """Pre-fill a gold annotation (corpus/README.md schema) with the pipeline's predictions, to correct by hand.

    Example: minutes label corpus/raw/lscsb_2021-09-24.txt --out corpus/gold/lscsb_2021-09-24.json
    """
    from .labelling import prefill

    summary = ExtractSummary()
    meetings = list(iter_meetings(list_inputs([path], summary), summary))
    if not meetings:
        for e in summary.errors:
            err.print(f"error: {e['path']}: {e['reason']}", highlight=False)
        raise typer.Exit(1)
    record = prefill(meeting_to_json(meetings[0]), source or f"{path.parent.name}/{path.name}")
    text = json.dumps(record, indent=2, ensure_ascii=False) + "\n"
    if out_file:
        if out_file.exists():
            err.print(f"error: {out_file} exists; not overwriting an annotation", highlight=False)
            raise typer.Exit(2)
        out_file.write_text(text, encoding="utf-8")
        err.print(f"wrote {out_file}: check every item, topic, decision type, follow-up and person", highlight=False)
    else:
        sys.stdout.write(text)


@app.command()
def outline(
    path: Annotated[Path, typer.Argument(help="One minutes file.")],
    debug: Debug = False,
) -> None:
    """Print a meeting's header, items, points and resolution clauses as an indented outline.

    Example: minutes outline corpus/raw/lscsb_2021-09-24.txt
    """
    summary = ExtractSummary()
    meetings = list(iter_meetings(list_inputs([path], summary), summary, debug=debug))
    if not meetings:
        for e in summary.errors:
            err.print(f"error: {e['path']}: {e['reason']}", highlight=False)
        raise typer.Exit(1)
    m = meetings[0]
    h = m.meeting
    out.print(f"[bold]{escape(str(h.committee))}[/bold]  {h.date} {h.time or ''}  {escape(h.venue or '')}",
              highlight=False)
    for item in m.items:
        flag = "  (truncated: see the full minutes)" if item.truncated else ""
        out.print(f"[bold]{item.number}.[/bold] {escape(str(item.title))}{flag}", highlight=False)
        for p in item.presenters:
            out.print(f"    presenter: {escape(p.text)}", highlight=False)
        for d in item.decisions:
            out.print(f"    [green]decision[/green] ({d.origin}): {escape(' '.join(d.text.split()))}",
                      highlight=False)


@app.command()
def people(
    out_dir: Annotated[Path, typer.Argument(help="A run's output folder (with people.jsonl).")] = Path("out"),
    name: Annotated[str | None, typer.Option(help="Only people whose name or alias contains this.")] = None,
    roles: Annotated[bool, typer.Option("--roles", help="Show each person's role at each meeting.")] = False,
) -> None:
    """List the people of a run (one identity across meetings) and, with --roles, their roles over time.

    Example: minutes people out --name Basra --roles
    """
    path = out_dir / "people.jsonl"
    if not path.is_file():
        err.print(f"error: {path} not found; run `minutes run CORPUS --out {out_dir}` first", highlight=False)
        raise typer.Exit(2)
    with jsonlines.open(path) as reader:
        rows = [r for r in reader if not name or name.lower() in " ".join([r["name"], *r["aliases"]]).lower()]
    table = Table(title=f"{len(rows)} people")
    for col in ("person_id", "name", "latest role", "meetings", "first seen", "last seen"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["person_id"], escape(r["name"]), escape(r["latest_role"] or ""), str(r["meetings"]),
                      r["first_seen"] or "", r["last_seen"] or "")
    out.print(table)
    if roles:
        wanted = {r["person_id"] for r in rows}
        with jsonlines.open(out_dir / "person_roles.jsonl") as reader:
            for r in reader:
                if r["person_id"] in wanted:
                    out.print(f"{r['date']}  {r['person_id']}: {escape(r['role'] or '-')}"
                              f" ({escape(r['organisation'] or '-')})  [{r['meeting_id']}]", highlight=False)


class TrainTask(StrEnum):
    entities = "entities"
    topics = "topics"
    decisions = "decisions"
    followups = "followups"


@app.command()
def train(
    task: Annotated[TrainTask, typer.Argument(help="Which model: entities, topics, decisions or followups.")],
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
        from .entities.train import train_entities

        train_entities(corpus, out, log=log, epochs=epochs)
    else:
        from .classifier_training import TASKS
        from .classifier_training import train as train_classifier

        train_classifier(TASKS[task.value], corpus, out, log=log)


def _need_gold(corpus: Path) -> None:
    if not (corpus / "gold").is_dir():
        err.print(f"error: no gold/ folder in {corpus}", highlight=False)
        raise typer.Exit(2)


def entrypoint() -> None:  # pragma: no cover - console script shim
    app()
