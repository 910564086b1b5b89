"""Full-text and faceted search over items, discussion points, decisions and follow-ups (SQLite FTS5).

The index lives in the run's ``minutes.sqlite`` (table ``search``), built from
``meetings.jsonl`` one record at a time when the database is written.  Each
row is one agenda item (title + text), discussion point, resolution clause or
follow-up, with its meeting, body, date, item title, topics, decision types,
follow-up status and the ids of the people it names (under any of their
names).  Acronyms in a row are indexed with their expansions ("CSE" → "child
sexual exploitation"), and a query naming an acronym or a topic id also
searches what it stands for (a topic id: its terms, and every row tagged with it).  Ranking is FTS5's BM25.

:func:`search` is the Python API; ``minutes search`` prints its result.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from .topics import lexicon_terms, topic_ids

SCHEMA = """CREATE VIRTUAL TABLE search USING fts5(
    title, text, extra, facets,
    kind UNINDEXED, ref_id UNINDEXED, item_id UNINDEXED, meeting_id UNINDEXED, body_id UNINDEXED,
    date UNINDEXED, item_title UNINDEXED, topics UNINDEXED, types UNINDEXED, status UNINDEXED,
    people UNINDEXED, source UNINDEXED,
    tokenize = 'porter unicode61')"""
COLUMNS = ["title", "text", "extra", "facets", "kind", "ref_id", "item_id", "meeting_id", "body_id", "date",
           "item_title", "topics", "types", "status", "people", "source"]
INSERT = f"INSERT INTO search ({', '.join(COLUMNS)}) VALUES ({', '.join('?' for _ in COLUMNS)})"
KINDS = ("item", "point", "decision", "followup")
OPERATORS = {"AND", "OR", "NOT"}
BAREWORD = re.compile(r"^[\w]+\*?$")
RANK = "bm25(5.0, 1.0, 0.5, 0.0)"  # title, text, expansions; facet tokens never count


@lru_cache(maxsize=65536)
def facet_token(name: str, value: str) -> str:
    """The token that stands for ``name = value`` in the ``facets`` column: "f" and 15 digits, which no
    tokenizer splits or stems.  Filters become part of the full-text query, so FTS5 ranks only the rows
    that pass them (a filter applied after ranking costs the ranking of every match of a common word)."""
    digest = hashlib.blake2b(f"{name}={value}".encode(), digest_size=8).digest()
    return f"f{int.from_bytes(digest, 'big') % 10**15:015d}"


class SearchError(ValueError):
    """A query or option the index cannot answer; the message says what to change."""


@lru_cache(maxsize=1)
def glossary() -> dict[str, str]:
    path = resources.files("pipeline") / "patterns" / "glossary.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: v for k, v in (data.get("acronyms", data) if isinstance(data, dict) else {}).items()
            if isinstance(v, str)}


def _tags(values: Iterable[str]) -> str:
    """Facet values as " a b c " so that ``LIKE '% b %'`` tests membership."""
    return " " + " ".join(sorted(set(values))) + " "


def _expansions(text: str, acronyms: dict[str, str]) -> str:
    found = {a for a in re.findall(r"\b[A-Z][A-Za-z&]{1,7}s?\b", text) if a in acronyms or a.rstrip("s") in acronyms}
    return " ".join(acronyms.get(a) or acronyms[a.rstrip("s")] for a in sorted(found))


def _people_in(text: str, people: list[tuple[str, list[str]]]) -> str:
    """The ids of the people (each with its non-empty names) that ``text`` names."""
    return _tags(pid for pid, names in people if any(map(text.__contains__, names)))


def index_rows(record: dict) -> Iterable[tuple]:
    """The search rows of one meeting record, in ``COLUMNS`` order."""
    meeting = record.get("meeting") or {}
    base = {"meeting_id": record["id"], "body_id": meeting.get("body_id"), "date": meeting.get("date"),
            "source": (record.get("provenance") or {}).get("url") or (record.get("provenance") or {}).get("path")}
    acronyms = {**glossary(), **(record.get("acronyms") or {})}
    people = [(p.get("person_id") or "", [n for n in [p.get("name"), *(p.get("aliases") or [])] if n])
              for p in record.get("people") or []]

    def row(kind: str, ref_id: str, item: dict, title: str, text: str, topics=(), types=(), status=None):
        text = " ".join(text.split())
        mentioned = _people_in(f"{title} {text}", people)
        facets = [("body", base["body_id"] or ""), ("kind", kind), *(("topic", t) for t in sorted(set(topics))),
                  *(("type", t) for t in sorted(set(types))), *(("person", pid) for pid in mentioned.split())]
        if status:
            facets.append(("status", status))
        values = {**base, "kind": kind, "ref_id": ref_id, "item_id": item.get("id"), "title": title, "text": text,
                  "extra": _expansions(f"{title} {text}", acronyms), "item_title": item.get("title"),
                  "facets": " ".join(facet_token(n, v) for n, v in facets), "topics": _tags(topics),
                  "types": _tags(types), "status": status, "people": mentioned}
        return tuple(values[c] for c in COLUMNS)

    for item in record.get("items") or []:
        topics = item.get("topics") or []
        body = " ".join(p["text"] for p in item.get("paragraphs") or [] if p.get("kind") != "boilerplate")
        yield row("item", item["id"], item, item.get("title") or "", body, topics,
                  [t for d in item.get("decisions") or [] for t in d.get("types") or []])
        for k, p in enumerate(item.get("paragraphs") or []):
            if p.get("kind") == "point":
                yield row("point", f"{item['id']}/p{k + 1}", item, "", p["text"], [*topics, *(p.get("topics") or [])])
        for d in item.get("decisions") or []:
            yield row("decision", d["id"], item, "", d["text"], topics, d.get("types") or [])
        for f in item.get("follow_ups") or []:
            text = f"{f.get('owner') or ''}: {f.get('action') or ''}. {f.get('evidence') or ''}"
            yield row("followup", f["id"], item, "", text, topics, status=f.get("status"))


def create_index(con: sqlite3.Connection) -> None:
    con.execute("DROP TABLE IF EXISTS search")
    con.execute(SCHEMA)


def index_record(con: sqlite3.Connection, record: dict) -> int:
    """Add one meeting record's rows to the ``search`` table; the number of rows."""
    rows = list(index_rows(record))
    con.executemany(INSERT, rows)
    return len(rows)


def finish_index(con: sqlite3.Connection) -> None:
    # the ranking is configured in the index, so that ``ORDER BY rank`` lets FTS5 sort the matches itself and
    # compute snippets for the returned rows only (half the time of ``ORDER BY bm25(...)`` on common words)
    con.execute(f"INSERT INTO search(search, rank) VALUES ('rank', '{RANK}')")
    con.execute("INSERT INTO search(search) VALUES ('optimize')")


# -- queries ---------------------------------------------------------------------------------------
def expand_query(query: str) -> str:
    """The FTS5 query for what a user typed: acronyms and topic ids also search what they stand for."""
    query = query.strip()
    if not query:
        raise SearchError("empty query; give words to search for, e.g. \"county lines\"")
    if query.count('"') % 2:
        raise SearchError("unbalanced quote in the query; close the phrase with \"")
    acronyms, topics = glossary(), set(topic_ids())
    parts = []
    for token in re.findall(r'"[^"]*"|\S+', query):
        lead = token[:len(token) - len(token.lstrip("("))]
        trail = token[len(token.rstrip(")")):] if not token.startswith('"') else ""
        bare = token[len(lead):len(token) - len(trail)]
        if bare in topics:  # its words, or a row the classifier tagged with it whatever its words
            terms = list(dict.fromkeys([bare.replace("_", " "), *lexicon_terms().get(bare, [])]))
            parts.append(lead + "(" + " OR ".join([*(f'"{t}"' for t in terms), facet_token("topic", bare)]) + ")"
                         + trail)
        elif bare in acronyms:
            parts.append(f'{lead}({bare} OR "{acronyms[bare]}"){trail}')
        elif bare.startswith('"') or bare in OPERATORS or BAREWORD.match(bare):
            parts.append(token)
        else:  # "anti-social", "O'Neill", "2023/24": a phrase to FTS5, which would read "-social" as a column
            parts.append(lead + '"' + bare.rstrip("*").replace('"', '""') + '"' + ("*" if bare.endswith("*")
                                                                                    else "") + trail)
    return " ".join(parts)


def _person_ids(con: sqlite3.Connection, name: str) -> list[str]:
    """People every one of whose names can be ``name``: "Ivan Ould" finds "I D Ould" ("Mr. I. D. Ould CC"),
    "Baldock" finds "M Baldock" ("Mr Baldock"), "Zoe Baldock" does not — the registry's own rule."""
    from .entities.names import parse_name

    wanted = parse_name(name)
    if wanted is None:
        raise SearchError(f"--person {name!r} is not a name; give at least a surname")
    # only people whose names hold the surname's letters in order are parsed (one SQL LIKE); all of them when
    # none do, since a name written with accents ("Müller") folds to letters LIKE cannot see
    pattern = "%" + "%".join(wanted.key) + "%"
    rows = con.execute("SELECT person_id, name, aliases FROM people WHERE name LIKE ? OR aliases LIKE ?",
                       (pattern, pattern)).fetchall()
    found = _compatible_people(wanted, rows)
    if not found and not rows:
        found = _compatible_people(wanted, con.execute("SELECT person_id, name, aliases FROM people"))
    return found


def _compatible_people(wanted, rows) -> list[str]:
    from .entities.names import compatible, parse_name

    found = []
    for pid, canonical, aliases in rows:
        names = [parse_name(n) for n in [canonical, *(aliases or "").split("; ")] if n]
        names = [n for n in names if n is not None]
        if names and all(compatible(wanted, n) for n in names):
            found.append(pid)
    return found


def search(db: str | Path, query: str, *, body: str | None = None, since: str | None = None,
           until: str | None = None, topic: str | None = None, type: str | None = None,  # noqa: A002
           status: str | None = None, person: str | None = None, kind: str | None = None,
           limit: int = 20) -> pd.DataFrame:
    """BM25-ranked hits for ``query`` with the filters applied; one row per hit with a highlighted snippet."""
    path = Path(db)
    if not path.is_file():
        raise SearchError(f"{path} not found; run `minutes run CORPUS --out DIR` first")
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'search'").fetchone():
            raise SearchError(f"{path} has no search index; rebuild it with `minutes table`")
        columns = {row[1] for row in con.execute("PRAGMA table_info(search)")}
        if "facets" not in columns:
            raise SearchError(f"{path} was built by an older version; rebuild it with `minutes table`")
        wanted = [("body", body), ("kind", kind), ("status", status), ("topic", topic), ("type", type)]
        match = [f"({expand_query(query)})"] + [f"facets:{facet_token(n, v)}" for n, v in wanted if v]
        if person:
            ids = _person_ids(con, person)
            if not ids:
                return _empty()
            match.append("facets:(" + " OR ".join(facet_token("person", pid) for pid in ids) + ")")
        where, args = ["search MATCH ?"], [" AND ".join(match)]
        if since:
            where.append("date >= ?")
            args.append(since)
        if until:
            where.append("date <= ?")
            args.append(until)
        # one snippet per text column; the facets column is never shown
        snippets = ", ".join(f"snippet(search, {i}, '\u00ab', '\u00bb', ' … ', 16)" for i in range(3))
        sql = (f"SELECT kind, ref_id, meeting_id, body_id, date, item_title, {snippets}, rank AS score, "
               f"topics, types, status, source FROM search WHERE {' AND '.join(where)} "
               f"ORDER BY rank LIMIT ?")
        try:
            rows = con.execute(sql, [*args, int(limit)]).fetchall()
        except sqlite3.OperationalError as exc:
            raise SearchError(f"cannot parse the query {query!r}: {exc}; quote phrases (\"county lines\"), "
                              "end prefixes with * (exploit*), use AND/OR/NOT in capitals") from exc
    finally:
        con.close()
    rows = [(*r[:6], _best_snippet(r[6:9]), *r[9:]) for r in rows]
    df = pd.DataFrame(rows, columns=["kind", "ref_id", "meeting_id", "body_id", "date", "item_title", "snippet",
                                     "score", "topics", "types", "status", "source"])
    for col in ("topics", "types"):
        df[col] = df[col].str.strip()
    return df


def _best_snippet(snippets: tuple[str, ...]) -> str:
    """The snippet with the most highlighted hits (the first such column of title, text, expansions; a
    non-empty one when none has a hit)."""
    return max(snippets, key=lambda text: ((text or "").count("\u00ab"), bool(text))) or ""


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=["kind", "ref_id", "meeting_id", "body_id", "date", "item_title", "snippet", "score",
                                 "topics", "types", "status", "source"])
