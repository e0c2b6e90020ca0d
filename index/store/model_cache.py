"""What the entity pass keeps in the side store: the model's spans per content hash, and which
documents' stored mentions already include them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from index.model import MentionRow
from index.store.sidestore import SideStore

Spans = list[tuple[int, int, str]]


class ModelCache:
    def __init__(self, side: SideStore) -> None:
        self.side = side

    def pending(self, model: str) -> list[tuple[str, str]]:
        """(doc, sha) of every indexed document whose mentions were not made with `model`'s spans."""
        rows = self.side.connection().execute(
            "SELECT f.doc, f.sha FROM files f JOIN documents d ON d.doc = f.doc "
            "LEFT JOIN entity_source e ON e.doc = f.doc AND e.sha = f.sha AND e.model = ? "
            "WHERE e.doc IS NULL ORDER BY f.doc",
            (model,),
        )
        return [(str(doc), str(sha)) for doc, sha in rows]

    def counts(self, model: str) -> tuple[int, int]:
        """(documents whose mentions include the model's, documents indexed)."""
        db = self.side.connection()
        total = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        done = db.execute(
            "SELECT COUNT(*) FROM entity_source e JOIN files f ON f.doc = e.doc AND f.sha = e.sha WHERE e.model = ?",
            (model,),
        ).fetchone()[0]
        return int(done), int(total)

    def spans(self, shas: Iterable[str], model: str) -> dict[str, Spans]:
        db = self.side.connection()
        found: dict[str, Spans] = {}
        for sha in set(shas):
            row = db.execute("SELECT spans FROM model_spans WHERE sha = ? AND model = ?", (sha, model)).fetchone()
            if row is not None:
                found[sha] = [(int(a), int(b), str(t)) for a, b, t in json.loads(row[0])]
        return found

    def put_spans(self, db: sqlite3.Connection, sha: str, model: str, spans: Spans) -> None:
        db.execute("INSERT OR REPLACE INTO model_spans VALUES (?, ?, ?)", (sha, model, json.dumps(spans)))

    def current_sha(self, db: sqlite3.Connection, doc: str) -> str | None:
        row = db.execute("SELECT sha FROM files WHERE doc = ?", (doc,)).fetchone()
        return None if row is None else str(row[0])

    def put_entities(self, db: sqlite3.Connection, doc: str, sha: str, model: str, mentions: list[MentionRow]) -> None:
        """A document's mentions made anew with the model's spans, and that they were."""
        db.execute("DELETE FROM mentions WHERE doc = ?", (doc,))
        self.side.put_mentions(db, doc, mentions)
        db.execute("INSERT OR REPLACE INTO entity_source VALUES (?, ?, ?)", (doc, sha, model))
