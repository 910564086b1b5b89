"""Write the knowledge tables as CSV, JSONL, Parquet and one SQLite database.

The SQLite file is made for opening as is — ``sqlite3``, Datasette, DuckDB,
``pandas.read_sql`` — so every table gets a declared primary key and indexes
on the columns the README's questions filter on (body, date, status, topic).
Every file is written to a temporary name and renamed into place, so an
interrupted run never leaves a half-written table behind.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .tablespec import INDEXES, KEYS

FORMATS = ("csv", "jsonl", "parquet", "sqlite")
SQLITE_NAME = "minutes.sqlite"


def _sql_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series) or pd.api.types.is_integer_dtype(series):
        return "INTEGER"
    if pd.api.types.is_float_dtype(series):
        return "REAL"
    return "TEXT"


def _value(v):
    """A cell as SQLite stores it: NaN/None -> NULL, numpy scalars -> Python, bools -> 0/1."""
    if v is None or (isinstance(v, float) and v != v):
        return None
    if hasattr(v, "item"):
        v = v.item()
    return int(v) if isinstance(v, bool) else v


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def write_sqlite(tables: dict[str, pd.DataFrame], path: Path, records: Iterable[dict] | None = None) -> None:
    """The tables, with keys and indexes, and — given the meeting records — the full-text ``search`` index."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        for name, df in tables.items():
            cols = ", ".join(f"{_q(c)} {_sql_type(df[c])}" for c in df.columns)
            key = ", ".join(_q(c) for c in KEYS[name])
            con.execute(f"CREATE TABLE {_q(name)} ({cols}, PRIMARY KEY ({key}))")
            for col in INDEXES.get(name, []):
                if col in df.columns:
                    con.execute(f"CREATE INDEX {_q(f'ix_{name}_{col}')} ON {_q(name)} ({_q(col)})")
            marks = ", ".join("?" for _ in df.columns)
            con.executemany(f"INSERT INTO {_q(name)} VALUES ({marks})",
                            ([_value(v) for v in row] for row in df.itertuples(index=False, name=None)))
        if records is not None:
            from .search import build_index

            build_index(con, records)
        con.commit()
    finally:
        con.close()
    os.replace(tmp, path)


def _atomic(path: Path, write) -> None:
    tmp = path.with_name(path.name + ".tmp")
    write(tmp)
    os.replace(tmp, path)


def _write_json_lines(df: pd.DataFrame, path: Path, rows: int = 10_000) -> None:
    """``df`` as JSON lines, ``rows`` at a time: pandas builds the whole text in memory otherwise."""
    with open(path, "w", encoding="utf-8") as fh:
        for start in range(0, max(len(df), 1), rows):
            fh.write(df.iloc[start:start + rows].to_json(orient="records", lines=True, force_ascii=False))


def write_tables(tables: dict[str, pd.DataFrame], out_dir: Path, formats: tuple[str, ...] = FORMATS,
                 records: Iterable[dict] | None = None) -> list[Path]:
    """``out_dir/tables/<name>.{csv,jsonl,parquet}`` and ``out_dir/minutes.sqlite`` (with the search index built
    from ``records`` when given); the paths written."""
    unknown = set(formats) - set(FORMATS)
    if unknown:
        raise ValueError(f"unknown table format(s): {', '.join(sorted(unknown))}; choose from {', '.join(FORMATS)}")
    folder = out_dir / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, df in tables.items():
        if "csv" in formats:
            _atomic(folder / f"{name}.csv", lambda p, df=df: df.to_csv(p, index=False))
            written.append(folder / f"{name}.csv")
        if "jsonl" in formats:
            _atomic(folder / f"{name}.jsonl", lambda p, df=df: _write_json_lines(df, p))
            written.append(folder / f"{name}.jsonl")
        if "parquet" in formats:
            _atomic(folder / f"{name}.parquet", lambda p, df=df: df.to_parquet(p, index=False))
            written.append(folder / f"{name}.parquet")
    if "sqlite" in formats:
        write_sqlite(tables, out_dir / SQLITE_NAME, records)
        written.append(out_dir / SQLITE_NAME)
    return written
