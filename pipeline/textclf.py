"""A small multi-label text classifier shared by topics and decision types, stored as arrays + JSON.

Features are TF-IDF word 1-2-grams and character 3-5-grams, plus binary
indicator features (rule hits, the clause's origin) that the caller supplies;
each label gets a one-vs-rest logistic regression, and a probability threshold
chosen on validation data.

Artefacts are plain data — ``model.json`` (labels, vectoriser settings and
vocabularies, indicator names, thresholds) and ``weights.npz`` (IDF vectors,
coefficients, intercepts; loaded with ``allow_pickle=False``) — so loading a
model never runs code from it, and ``meta.json`` records their hashes
(:mod:`pipeline.models`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from .models import verify, write_manifest

VECTORISERS = (
    {"analyzer": "word", "ngram_range": [1, 2], "lowercase": True, "sublinear_tf": True, "min_df": 1,
     "token_pattern": r"(?u)\b\w[\w'-]*\b"},
    {"analyzer": "char_wb", "ngram_range": [3, 5], "lowercase": True, "sublinear_tf": True, "min_df": 2},
)


THRESHOLD_GRID = tuple(round(0.2 + 0.05 * i, 2) for i in range(13))  # 0.20 ... 0.80


def _vectoriser(config: dict, vocabulary: dict | None = None) -> TfidfVectorizer:
    kw = dict(config)
    kw["ngram_range"] = tuple(kw["ngram_range"])
    if vocabulary is not None:
        kw.pop("min_df", None)
        return TfidfVectorizer(vocabulary=vocabulary, **kw)
    return TfidfVectorizer(**kw)


class Featuriser:
    """The TF-IDF rows of a fitted vectoriser, computed without sklearn's per-call overhead.

    Prediction runs on a handful of short texts at a time (one meeting's items
    or clauses), where ``TfidfVectorizer.transform`` spends most of its time
    re-deriving every word's character n-grams and validating arguments.  A
    character n-gram never crosses a word boundary (``char_wb``), so each
    word's vocabulary columns are computed once and cached.  The values are
    the same as ``transform``'s (sublinear tf × idf, l2-normalised rows); a
    test holds the two equal.
    """

    CACHE_WORDS = 50_000  # bound on cached words, so a long batch run keeps flat memory

    def __init__(self, vectoriser: TfidfVectorizer):
        self.vocabulary = vectoriser.vocabulary_
        self.idf = np.asarray(vectoriser.idf_, dtype=np.float64)
        self.analyzer = vectoriser.analyzer
        self.min_n, self.max_n = vectoriser.ngram_range
        self.sublinear = vectoriser.sublinear_tf
        self.token_re = re.compile(vectoriser.token_pattern)
        self._word_columns: dict[str, list[int]] = {}

    def _char_columns(self, word: str) -> list[int]:
        cols = self._word_columns.get(word)
        if cols is None:
            if len(self._word_columns) >= self.CACHE_WORDS:
                self._word_columns.clear()
            w, vocab = f" {word} ", self.vocabulary
            cols = []
            for n in range(self.min_n, self.max_n + 1):
                if len(w) <= n:  # a short word counts once, as itself
                    if w in vocab:
                        cols.append(vocab[w])
                    break
                cols.extend(vocab[g] for g in (w[i:i + n] for i in range(len(w) - n + 1)) if g in vocab)
            self._word_columns[word] = cols
        return cols

    def columns(self, text: str) -> list[int]:
        """The vocabulary column of every n-gram occurrence in ``text`` (repeats kept)."""
        text = text.lower()
        if self.analyzer == "char_wb":
            return list(chain.from_iterable(map(self._char_columns, text.split())))
        tokens = self.token_re.findall(text)
        grams = list(tokens)
        for n in range(max(self.min_n, 2), self.max_n + 1):
            grams.extend(" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1))
        if self.min_n > 1:
            grams = grams[len(tokens):]
        vocab = self.vocabulary
        return [vocab[g] for g in grams if g in vocab]

    def entries(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The non-zero TF-IDF values of ``texts``' rows, as (rows, columns, values) sorted by row then column:
        sublinear tf × idf, each row l2-normalised, as ``TfidfVectorizer.transform`` gives them."""
        columns = [self.columns(t) for t in texts]
        lengths = [len(c) for c in columns]
        width = len(self.idf)
        keys = np.fromiter(chain.from_iterable(columns), dtype=np.int64, count=sum(lengths))
        keys += np.repeat(np.arange(len(texts), dtype=np.int64) * width, lengths)
        keys, counts = np.unique(keys, return_counts=True)
        rows, cols = np.divmod(keys, width)
        values = counts.astype(np.float64)
        if self.sublinear:
            np.log(values, out=values)
            values += 1.0
        values *= self.idf[cols]
        norms = np.sqrt(np.bincount(rows, weights=values ** 2, minlength=len(texts)))
        values /= norms[rows]  # a row with any entry has a positive norm
        return rows, cols, values

    def transform(self, texts: list[str]) -> sparse.csr_matrix:
        """The l2-normalised TF-IDF rows of ``texts``, as ``TfidfVectorizer.transform`` gives them."""
        rows, cols, values = self.entries(texts)
        return sparse.csr_matrix((values, (rows, cols)), shape=(len(texts), len(self.idf)))

    def scores(self, texts: list[str], coef_t: np.ndarray) -> np.ndarray:
        """``transform(texts) @ coef_t`` without building the sparse matrix (one small product per meeting)."""
        rows, cols, values = self.entries(texts)
        out = np.zeros((len(texts), coef_t.shape[1]))
        if len(rows):
            starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
            out[rows[starts]] = np.add.reduceat(coef_t[cols] * values[:, None], starts, axis=0)
        return out


@dataclass
class TextClassifier:
    labels: list[str]
    indicators: list[str]  # names of binary indicator features
    vectorisers: list[TfidfVectorizer] = field(repr=False, default_factory=list)
    coef: np.ndarray = field(repr=False, default=None)
    intercept: np.ndarray = field(repr=False, default=None)
    thresholds: np.ndarray = field(repr=False, default=None)
    _featurisers: list[Featuriser] = field(repr=False, default_factory=list)
    _coef_t: np.ndarray | None = field(repr=False, default=None)
    _indicator_index: dict[str, int] = field(repr=False, default_factory=dict)

    # -- features -----------------------------------------------------------------
    def _prepare(self) -> None:
        if len(self._featurisers) != len(self.vectorisers):
            self._featurisers = [Featuriser(v) for v in self.vectorisers]

    def _indicator_hits(self, flags: list[set[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(row, indicator index) of every flag that is one of the model's indicator features."""
        if len(self._indicator_index) != len(self.indicators):  # built once: this runs for every meeting
            self._indicator_index = {name: i for i, name in enumerate(self.indicators)}
        index = self._indicator_index
        hits = [(r, index[f]) for r, fs in enumerate(flags) for f in fs if f in index]
        return (np.array([r for r, _ in hits], dtype=np.int64), np.array([i for _, i in hits], dtype=np.int64))

    def features(self, texts: list[str], flags: list[set[str]]) -> sparse.csr_matrix:
        """One row per text: each vectoriser's TF-IDF block, then the indicator block."""
        self._prepare()
        rows, cols = self._indicator_hits(flags)
        ind = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(self.indicators)))
        return sparse.hstack([f.transform(texts) for f in self._featurisers] + [ind], format="csr")

    # -- training -------------------------------------------------------------------
    @classmethod
    def fit(cls, texts: list[str], flags: list[set[str]], y: np.ndarray, labels: list[str],
            c: float = 4.0) -> TextClassifier:
        indicators = sorted({f for fs in flags for f in fs})
        model = cls(labels=labels, indicators=indicators)
        model.vectorisers = [_vectoriser(cfg).fit(texts) for cfg in VECTORISERS]
        x = model.features(texts, flags)
        coef = np.zeros((len(labels), x.shape[1]))
        intercept = np.zeros(len(labels))
        for j in range(len(labels)):
            target = y[:, j]
            if target.min() == target.max():  # a label never (or always) seen: constant score
                intercept[j] = 6.0 if target.max() else -6.0
                continue
            lr = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear")
            lr.fit(x, target)
            coef[j] = lr.coef_[0]
            intercept[j] = lr.intercept_[0]
        model.coef, model.intercept = coef, intercept
        model.thresholds = np.full(len(labels), 0.5)
        return model

    def predict_proba(self, texts: list[str], flags: list[set[str]]) -> np.ndarray:
        """Each label's probability for each text: the same as ``features(texts, flags) @ coef.T`` through the
        logistic, computed block by block without assembling the feature matrix."""
        self._prepare()
        if self._coef_t is None or self._coef_t.shape[::-1] != self.coef.shape:
            self._coef_t = np.ascontiguousarray(self.coef.T)  # one row per feature: a fast gather by column
        z = np.tile(self.intercept, (len(texts), 1))
        offset = 0
        for f in self._featurisers:
            z += f.scores(texts, self._coef_t[offset:offset + len(f.idf)])
            offset += len(f.idf)
        rows, cols = self._indicator_hits(flags)
        np.add.at(z, rows, self._coef_t[offset + cols])  # each indicator's weights, once per flag
        return 1.0 / (1.0 + np.exp(-z))

    def tune_thresholds(self, proba: np.ndarray, y: np.ndarray, grid: tuple[float, ...] = THRESHOLD_GRID) -> None:
        """Per label, the threshold with the best F1 on validation data (0.5 where the label is absent)."""
        for j in range(len(self.labels)):
            if y[:, j].sum() == 0:
                continue
            best = max(grid, key=lambda t: (_f1(proba[:, j] >= t, y[:, j] == 1), -abs(t - 0.5)))
            self.thresholds[j] = best

    # -- storage --------------------------------------------------------------------
    def save(self, folder: Path, meta: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        spec = {
            "labels": self.labels,
            "indicators": self.indicators,
            "vectorisers": [{"config": cfg, "vocabulary": {k: int(i) for k, i in v.vocabulary_.items()}}
                            for cfg, v in zip(VECTORISERS, self.vectorisers, strict=True)],
            "thresholds": [float(t) for t in self.thresholds],
        }
        (folder / "model.json").write_text(json.dumps(spec, ensure_ascii=False))
        arrays = {f"idf_{i}": v.idf_ for i, v in enumerate(self.vectorisers)}
        np.savez_compressed(folder / "weights.npz", coef=self.coef.astype(np.float32), intercept=self.intercept,
                            **arrays)
        (folder / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
        write_manifest(folder)

    @classmethod
    def load(cls, folder: Path) -> TextClassifier:
        verify(folder)  # raises ModelIntegrityError on a tampered or corrupted folder
        spec = json.loads((folder / "model.json").read_text())
        with np.load(folder / "weights.npz", allow_pickle=False) as w:
            arrays = {k: w[k] for k in w.files}
        model = cls(labels=spec["labels"], indicators=spec["indicators"])
        for i, v in enumerate(spec["vectorisers"]):
            vec = _vectoriser(v["config"], v["vocabulary"])
            vec.idf_ = arrays[f"idf_{i}"]
            model.vectorisers.append(vec)
        model.coef, model.intercept = arrays["coef"].astype(np.float64), arrays["intercept"]
        model.thresholds = np.array(spec["thresholds"])
        return model


def _f1(pred: np.ndarray, gold: np.ndarray) -> float:
    tp = float((pred & gold).sum())
    if tp == 0:
        return 0.0
    p, r = tp / pred.sum(), tp / gold.sum()
    return 2 * p * r / (p + r)


def newest(models_dir: Path) -> Path | None:
    """The newest ``<date>/`` model folder with a meta.json under ``models_dir``."""
    if not models_dir.is_dir():
        return None
    found = sorted(p for p in models_dir.iterdir() if (p / "meta.json").is_file() and (p / "model.json").is_file())
    return found[-1] if found else None


@lru_cache(maxsize=8)
def load_with_strategy(models_dir: Path, path: str | None = None) -> tuple[TextClassifier, str] | None:
    """The classifier at ``path`` (default: the newest under ``models_dir``) and the strategy chosen for it on
    validation meetings (``meta.json``'s ``strategy``); None when there is none."""
    folder = Path(path) if path else newest(models_dir)
    if folder is None:
        return None
    meta = json.loads((folder / "meta.json").read_text())
    return TextClassifier.load(folder), meta.get("strategy", "model")
