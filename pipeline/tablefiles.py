"""The knowledge tables on disk: one SQLite database, and CSV, JSONL and Parquet files exported from it.

Rows go into SQLite as the records stream past (:class:`pipeline.table.TableStore`),
so no table is ever held whole in memory; the files are then written from the
database a chunk at a time, in key order.  The database is made for opening as
is — ``sqlite3``, Datasette, DuckDB, ``pandas.read_sql`` — so every table has a
declared primary key and indexes on the columns the README's questions filter
on (body, date, status, topic).  Every file is written to a temporary name and
renamed into place, so an interrupted run never leaves a half-written table.
"""

from __future__ import annotations

import csv
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from . import jsonio
from .tablespec import BOOLEANS, INDEXES, KEYS, column_type

if TYPE_CHECKING:
    from .table import TableStore

FORMATS = ("csv", "jsonl", "parquet", "sqlite")
SQLITE_NAME = "minutes.sqlite"
CHUNK_ROWS = 5_000  # rows read from the database at a time when a table is exported
DTYPES = {"REAL": "float64", "INTEGER": "Int64", "TEXT": "str"}


def q(name: str) -> str:
    """A quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def check_formats(formats: tuple[str, ...]) -> None:
    if unknown := set(formats) - set(FORMATS):
        raise ValueError(f"unknown table format(s): {', '.join(sorted(unknown))}; choose from {', '.join(FORMATS)}")


def create_table(con: sqlite3.Connection, name: str, columns: list[str]) -> None:
    cols = ", ".join(f"{q(c)} {column_type(name, c)}" for c in columns)
    con.execute(f"CREATE TABLE {q(name)} ({cols}, PRIMARY KEY ({', '.join(q(c) for c in KEYS[name])}))")


def create_indexes(con: sqlite3.Connection, name: str) -> None:
    """The indexes beyond the key: built once the rows are in (faster than keeping them up to date)."""
    for col in INDEXES.get(name, []):
        con.execute(f"CREATE INDEX IF NOT EXISTS {q(f'ix_{name}_{col}')} ON {q(name)} ({q(col)})")


def table_columns(con: sqlite3.Connection, name: str) -> list[str]:
    return [row[1] for row in con.execute(f"PRAGMA table_info({q(name)})")]


def typed(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """Rows read back from SQLite with the table's pandas types: the same in every chunk, whatever is missing
    (nullable integers and booleans, float scores, strings)."""
    return df.astype({c: "boolean" if c in BOOLEANS else DTYPES[column_type(name, c)] for c in df.columns})


def _row_chunks(con: sqlite3.Connection, name: str, columns: list[str]) -> Iterator[list[tuple]]:
    cursor = con.execute(f"SELECT {', '.join(q(c) for c in columns)} FROM {q(name)} "
                         f"ORDER BY {', '.join(q(c) for c in KEYS[name])}")
    while batch := cursor.fetchmany(CHUNK_ROWS):
        yield batch


def read_table(con: sqlite3.Connection, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """Table ``name`` (or some of its ``columns``) in key order, with its types."""
    columns = columns or table_columns(con, name)
    rows = [row for chunk in _row_chunks(con, name, columns) for row in chunk]
    return typed(pd.DataFrame.from_records(rows, columns=columns) if rows else _empty(columns), name)


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})


def export_table(con: sqlite3.Connection, name: str, folder: Path, formats: tuple[str, ...]) -> list[Path]:
    """``folder/<name>.{csv,jsonl,parquet}`` (those in ``formats``), written chunk by chunk in one read of the
    table, straight from the database rows (Parquet with the pandas types of :func:`typed` in its metadata)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    paths = {fmt: folder / f"{name}.{fmt}" for fmt in ("csv", "jsonl", "parquet") if fmt in formats}
    if not paths:
        return []
    tmp = {fmt: p.with_name(p.name + ".tmp") for fmt, p in paths.items()}
    columns = table_columns(con, name)
    flags = [k for k, c in enumerate(columns) if c in BOOLEANS]  # stored as 0/1
    handles = {fmt: open(tmp[fmt], "w", encoding="utf-8", newline="") for fmt in ("csv", "jsonl") if fmt in tmp}
    parquet = schema = None
    if "parquet" in tmp:  # the pandas types (and metadata) of the table, so that pandas reads back the same
        schema = pa.Schema.from_pandas(typed(_empty(columns), name), preserve_index=False)
        parquet = pq.ParquetWriter(tmp["parquet"], schema)
    try:
        writer = csv.writer(handles["csv"], lineterminator="\n") if "csv" in handles else None
        if writer:
            writer.writerow(columns)
        for chunk in _row_chunks(con, name, columns):
            if flags:
                chunk = [tuple(bool(v) if k in flags and v is not None else v for k, v in enumerate(row))
                         for row in chunk]
            if writer:
                writer.writerows(chunk)
            if "jsonl" in handles:
                handles["jsonl"].write("".join(jsonio.dumps(dict(zip(columns, row, strict=True))) + "\n"
                                               for row in chunk))
            if parquet is not None:  # Arrow arrays straight from the rows, typed by the schema
                parquet.write_table(pa.Table.from_arrays(
                    [pa.array(values, type=f.type) for values, f in zip(zip(*chunk, strict=True), schema, strict=True)],
                    schema=schema))
    finally:
        for fh in handles.values():
            fh.close()
        if parquet is not None:
            parquet.close()
    for fmt, p in paths.items():
        os.replace(tmp[fmt], p)
    return list(paths.values())


def export_tables(con: sqlite3.Connection, out_dir: Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """``out_dir/tables/<name>.{csv,jsonl,parquet}`` (those in ``formats``) from a finished store's database;
    the paths written."""
    check_formats(formats)
    folder = out_dir / "tables"
    folder.mkdir(parents=True, exist_ok=True)
    return [path for name in KEYS for path in export_table(con, name, folder, formats)]


def write_tables(store: TableStore, out_dir: Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """The exported files and, with "sqlite" in ``formats``, ``out_dir/minutes.sqlite``, from a finished store
    (closed afterwards); the paths written."""
    return export_tables(store.con, out_dir, formats) + keep_database(store, out_dir, formats)


def keep_database(store: TableStore, out_dir: Path, formats: tuple[str, ...]) -> list[Path]:
    """``out_dir/minutes.sqlite`` from the store when "sqlite" is one of ``formats`` (else the store's temporary
    file is removed); the store is closed either way."""
    if "sqlite" in formats:
        return [store.save(out_dir / SQLITE_NAME)]
    store.close()
    return []
