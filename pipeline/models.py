"""Trained artefacts: versioned folders with a ``meta.json`` whose file hashes are checked on load.

A model folder is data, never code: spaCy's own ``to_disk`` format or arrays +
JSON, no pickles.  ``meta.json`` lists every file with its SHA-256, so a
corrupted or tampered folder fails with a clear message instead of loading.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path


class ModelIntegrityError(RuntimeError):
    """A model folder does not match the hashes recorded in its meta.json."""


def _files(folder: Path) -> dict[str, str]:
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.name != "meta.json":
            out[p.relative_to(folder).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def new_model_folder(root: Path, day: str) -> Path:
    """``root/<day>``, or ``<day>b``, ``<day>c`` ... when a model of that day is there already: a second model
    trained on one day must not overwrite the first (the newest, last in name order, is the one loaded)."""
    for suffix in ("", *"bcdefghijklmnopqrstuvwxyz"):
        if not (folder := root / f"{day}{suffix}").exists():
            return folder
    raise FileExistsError(f"{root}: 26 models of {day} already; remove some")


def write_manifest(folder: Path) -> None:
    """Record the SHA-256 of every file of ``folder`` in its meta.json."""
    meta_path = folder / "meta.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    meta["files"] = _files(folder)
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")


def verify(folder: Path) -> dict:
    """Check ``folder`` against its meta.json; return the meta or raise :class:`ModelIntegrityError`."""
    meta_path = folder / "meta.json"
    if not meta_path.is_file():
        raise ModelIntegrityError(f"{folder}: no meta.json; not a model folder of this project")
    try:
        meta = json.loads(meta_path.read_text())
    except json.JSONDecodeError as exc:
        raise ModelIntegrityError(f"{meta_path}: unreadable ({exc.msg})") from exc
    recorded = meta.get("files")
    if not isinstance(recorded, dict):
        raise ModelIntegrityError(f"{meta_path}: no file hashes recorded")
    actual = _files(folder)
    changed = sorted(k for k in recorded.keys() | actual.keys() if recorded.get(k) != actual.get(k))
    if changed:
        raise ModelIntegrityError(f"{folder}: files differ from meta.json ({', '.join(changed[:5])}); "
                                  "the model is corrupted or was modified - retrain it")
    return meta
