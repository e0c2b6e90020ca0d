"""Where each passage's terms stand in its document's engine record, kept at index time.

The engine indexes a document as one record whose text terms are numbered from 0 (stop words out,
as `index.engine.schema.terms_of_words` gives them). A passage is a run of those numbers: with its
start and end kept here, the places of a query's terms in a document (the engine's positions) say
which passages hold them, and finding passages reads no passage text at all
(`index.search.term_views`). One row a document, the runs as 32-bit pairs: 8 bytes a passage.
"""

from __future__ import annotations

import bisect
import sqlite3
from array import array
from collections.abc import Iterable, Sequence

SCHEMA = """
CREATE TABLE IF NOT EXISTS passage_terms (doc TEXT PRIMARY KEY, spans BLOB NOT NULL);
"""


def spans_of(term_starts: Sequence[int], passages: Iterable[tuple[int, int]]) -> bytes:
    """Each passage's [first, last + 1) term numbers, from the characters each term starts at and each
    passage's (start, end) in characters: a term belongs to the passage it starts in."""
    flat = array("I")
    for start, end in passages:
        flat.append(bisect.bisect_left(term_starts, start))
        flat.append(bisect.bisect_left(term_starts, end))
    return flat.tobytes()


def put(db: sqlite3.Connection, doc: str, spans: bytes) -> None:
    db.execute("INSERT OR REPLACE INTO passage_terms VALUES (?, ?)", (doc, spans))


def forget(db: sqlite3.Connection, doc: str) -> None:
    db.execute("DELETE FROM passage_terms WHERE doc=?", (doc,))


def spans(db: sqlite3.Connection, doc: str) -> array[int] | None:
    """The flat [start, end, start, end ...] term runs of the document's passages (passage n at 2n - 2);
    None for a document indexed before they were kept."""
    row = db.execute("SELECT spans FROM passage_terms WHERE doc=?", (doc,)).fetchone()
    if row is None:
        return None
    flat = array("I")
    flat.frombytes(row[0])
    return flat
