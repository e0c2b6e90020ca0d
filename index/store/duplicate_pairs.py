"""Near-duplicate pairs kept at index time, so the document list reads them instead of joining the corpus.

Each pair is found when the later of its two documents is written: its sampled shingles are looked up
among the documents already there (bounded by the shingles it holds, not by the corpus), and every
pair whose containment reaches `STORED_FLOOR` is kept in both directions. A document removed or
re-indexed drops its pairs first. A threshold below the floor (a person may set one) falls back to
the whole-corpus join in `SideStore.shingle_pairs`.

A shingle held by more than `MAX_SHARING` documents is boilerplate, not evidence; the count is the
one at the moment a document is written, so a shingle that becomes common later may still back a
pair found earlier: the price of never recounting the corpus.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

SCHEMA = """
CREATE TABLE IF NOT EXISTS duplicate_pairs (a TEXT, b TEXT, score REAL, PRIMARY KEY (a, b)) WITHOUT ROWID;
"""

STORED_FLOOR = 0.2  # below every sensible threshold: the default is 0.5
MAX_SHARING = 50


def forget(db: sqlite3.Connection, doc: str) -> None:
    """Drop a document's pairs, in both directions."""
    others = [(str(b), doc) for (b,) in db.execute("SELECT b FROM duplicate_pairs WHERE a=?", (doc,))]
    db.executemany("DELETE FROM duplicate_pairs WHERE a=? AND b=?", others)  # kept both ways: no index on b
    db.execute("DELETE FROM duplicate_pairs WHERE a=?", (doc,))


_CHUNK = 4000  # hashes per statement: well under SQLite's bound on parameters (32,766)

# Usable hashes: held by at least one other document and by no more than MAX_SHARING in all; counting
# stops at MAX_SHARING + 1 rows, so a boilerplate shingle held by half the corpus costs no more than that.
_SHARED = (
    "WITH probe(hash) AS (VALUES {marks}), usable AS (SELECT hash FROM probe p WHERE "
    "(SELECT count(*) FROM (SELECT 1 FROM shingles s WHERE s.hash = p.hash LIMIT ?)) BETWEEN 2 AND ?) "
    "SELECT s.doc, count(*) FROM usable u JOIN shingles s ON s.hash = u.hash AND s.doc != ? GROUP BY s.doc"
)


def record(db: sqlite3.Connection, doc: str, hashes: Iterable[int]) -> None:
    """Find and keep this document's pairs with the documents already written (its shingles are in)."""
    from index.xref.shingles import containment  # its citation patterns: only when writing

    mine = sorted(set(hashes))
    shared: dict[str, int] = {}
    for at in range(0, len(mine), _CHUNK):
        chunk = mine[at : at + _CHUNK]
        sql = _SHARED.format(marks=",".join("(?)" for _ in chunk))
        for other, count in db.execute(sql, (*chunk, MAX_SHARING + 1, MAX_SHARING, doc)):
            shared[str(other)] = shared.get(str(other), 0) + int(count)
    if not shared:
        return
    sizes = _counts(db, list(shared))
    pairs = []
    for other, count in shared.items():
        score = round(containment(count, len(mine), sizes.get(other, 0)), 3)
        if score >= STORED_FLOOR:
            pairs += [(doc, other, score), (other, doc, score)]
    db.executemany("INSERT OR REPLACE INTO duplicate_pairs VALUES (?, ?, ?)", pairs)


def _counts(db: sqlite3.Connection, docs: list[str]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for at in range(0, len(docs), _CHUNK):
        chunk = docs[at : at + _CHUNK]
        marks = ",".join("?" for _ in chunk)
        sizes.update(
            (str(d), int(n)) for d, n in db.execute(f"SELECT doc, n FROM shingle_counts WHERE doc IN ({marks})", chunk)
        )
    return sizes


def pairs_at(db: sqlite3.Connection, threshold: float) -> list[tuple[str, str]]:
    """Every kept pair at or above the threshold, once per direction."""
    return [(str(a), str(b)) for a, b in db.execute("SELECT a, b FROM duplicate_pairs WHERE score >= ?", (threshold,))]


def of_document(db: sqlite3.Connection, doc: str, threshold: float) -> list[tuple[str, float]]:
    """This document's near-duplicates at or above the threshold, closest first."""
    rows = db.execute(
        "SELECT b, score FROM duplicate_pairs WHERE a=? AND score >= ? ORDER BY score DESC, b", (doc, threshold)
    )
    return [(str(b), float(score)) for b, score in rows]
