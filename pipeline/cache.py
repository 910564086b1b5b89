"""Incremental runs: per-file results cached by content hash, and a manifest for the no-change fast path.

A file's result (its meeting record, or its error) depends on the file's bytes,
its path and source name (they are written into provenance), and the pipeline
that produced it: the package's code and rules, the models chosen, the size
limit.  :func:`fingerprint` hashes all of the latter once per run; the cache key
adds the file's own SHA-256.  Changing one minutes file reprocesses that file
only; editing a rule, retraining a model or upgrading the package invalidates
every entry.  Entries are written atomically as each file finishes, so an
interrupted run resumes where it stopped.

The manifest records, for the last complete run into an output folder, every
input's size and modification time and the fingerprint: when nothing differs
and the outputs are still there, a rerun has nothing to do and says so without
reading a single file.
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import resources
from pathlib import Path

from . import jsonio

MANIFEST = "manifest.json"


def _hash_tree(h, root: Path, patterns: tuple[str, ...]) -> None:
    for path in sorted(p for pattern in patterns for p in root.rglob(pattern)):
        if "__pycache__" in path.parts:
            continue
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())


def fingerprint(models: dict | None = None, max_bytes: int | None = None) -> str:
    """Hash of everything besides the input file that decides a result: code, rules, models, options."""
    from . import __version__

    h = hashlib.sha256(f"pipeline {__version__}; max_bytes {max_bytes}".encode())
    package = Path(str(resources.files("pipeline")))
    _hash_tree(h, package, ("*.py", "*.jsonl", "*.json", "*.txt"))
    models = models or {}
    models_root = package.parent / "models"
    for task in ("decisions", "entities", "followups", "sentences", "topics"):
        if task in models:
            meta = Path(models[task]) / "meta.json"
        else:
            metas = sorted((models_root / task).glob("*/meta.json")) if (models_root / task).is_dir() else []
            meta = metas[-1] if metas else None
        h.update(f"{task}:".encode() + (meta.read_bytes() if meta is not None and meta.is_file() else b"none"))
    return h.hexdigest()


def file_sha256(path: Path) -> str:
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


class ResultCache:
    """``folder/<k[:2]>/<k>.json`` per file result; ``folder`` None disables caching."""

    def __init__(self, folder: Path | None, version: str):
        self.folder = folder
        self.version = version

    def key(self, path: Path, source: str, sha256: str) -> str:
        return hashlib.sha256(f"{self.version}\n{path}\n{source}\n{sha256}".encode()).hexdigest()

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def has(self, key: str) -> bool:
        return self.folder is not None and self._path(key).is_file()

    def get(self, key: str) -> dict | None:
        if self.folder is None:
            return None
        try:
            return jsonio.loads(self._path(key).read_bytes())
        except (OSError, ValueError):
            return None  # missing or damaged (a crash mid-write is impossible: writes are atomic)

    def put(self, key: str, result: dict) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(jsonio.dumps(result), encoding="utf-8")
        os.replace(tmp, path)


def input_stats(files: list[tuple[Path, str]]) -> list[list]:
    out = []
    for path, source in files:
        try:
            st = path.stat()
            out.append([str(path), source, st.st_size, st.st_mtime_ns])
        except OSError:
            out.append([str(path), source, None, None])
    return out


def output_stats(paths: list[Path]) -> list[list]:
    return [[str(p), p.stat().st_size, p.stat().st_mtime_ns] if p.is_file() else [str(p), None, None] for p in paths]


def unchanged(folder: Path, version: str, inputs: list[list]) -> bool:
    """Did the last complete run into this folder see exactly these inputs, with this pipeline, and are the
    outputs it wrote untouched since?"""
    try:
        last = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    outputs = [Path(p) for p, *_ in last.get("outputs", [])]
    return (last.get("version") == version and last.get("inputs") == inputs and bool(outputs)
            and last.get("outputs") == output_stats(outputs))


def write_manifest(folder: Path, version: str, inputs: list[list], outputs: list[Path], summary: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{MANIFEST}.tmp"
    tmp.write_text(json.dumps({"version": version, "inputs": inputs, "outputs": output_stats(outputs),
                               "summary": summary}), encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)


def last_summary(folder: Path) -> dict:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("summary", {})
    except (OSError, ValueError):
        return {}
