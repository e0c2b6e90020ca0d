"""The SQLite side store beside the Whoosh index: document text, passages, file fingerprints, vocabulary.

Whoosh keeps only what searching needs (stored=False text is ~2x faster to build); everything a
reader displays comes from here. One connection per thread, WAL, so searches never wait on a build.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from index.model import DocSummary, Document, MentionRow, Metadata, Passage
from index.store import duplicate_pairs, passage_terms
from index.tokens import words_of

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    doc TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sha TEXT, given TEXT, reason TEXT
);
CREATE TABLE IF NOT EXISTS documents (
    doc TEXT PRIMARY KEY, title TEXT, publication TEXT, author TEXT, published TEXT,
    extra TEXT, encoding TEXT, text TEXT, passages INTEGER, chars INTEGER
);
CREATE TABLE IF NOT EXISTS passages (
    doc TEXT, num INTEGER, start INTEGER, "end" INTEGER, pid TEXT, locator TEXT, PRIMARY KEY (doc, num)
);
CREATE INDEX IF NOT EXISTS passages_pid ON passages (pid);
CREATE TABLE IF NOT EXISTS vocab (word TEXT PRIMARY KEY, docs INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS mentions (
    doc TEXT, passage INTEGER, start INTEGER, "end" INTEGER, type TEXT, name TEXT, text TEXT
);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc);
CREATE INDEX IF NOT EXISTS mentions_name ON mentions (name);
-- Every name an entity is known by (canonical, alias, as written): entity queries match these.
-- Kept when a document goes: a name once seen still names its entity.
CREATE TABLE IF NOT EXISTS entity_forms (
    type TEXT, name TEXT, form TEXT, PRIMARY KEY (type, name, form)
) WITHOUT ROWID;
-- One B-tree, no separate indexes: a third of the insert work of a rowid table with two indexes.
CREATE TABLE IF NOT EXISTS shingles (hash INTEGER, doc TEXT, PRIMARY KEY (hash, doc)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS shingle_counts (doc TEXT PRIMARY KEY, n INTEGER);
CREATE TABLE IF NOT EXISTS citations (doc TEXT, passage INTEGER, source TEXT, date TEXT, start INTEGER, "end" INTEGER);
CREATE INDEX IF NOT EXISTS citations_doc ON citations (doc);
CREATE INDEX IF NOT EXISTS citations_source ON citations (source);
-- The entity pass (`index.store.entity_pass`): the model's spans per content hash, so an unchanged
-- text never pays the model twice, and which model a document's stored mentions came from (no row:
-- the rules alone, as the text index wrote them).
CREATE TABLE IF NOT EXISTS model_spans (sha TEXT, model TEXT, spans TEXT, PRIMARY KEY (sha, model)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entity_source (doc TEXT PRIMARY KEY, sha TEXT, model TEXT);
"""


class Fingerprint(NamedTuple):
    size: int
    mtime_ns: int
    sha: str
    given: str  # the metadata a person gave for the file, as JSON: a change there re-indexes
    reason: str = ""  # why the file is not a document, "" when it is indexed


class SideStore:
    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self._local = threading.local()
        if not read_only:
            self._db().executescript(
                _SCHEMA + duplicate_pairs.SCHEMA + passage_terms.SCHEMA
            )  # executescript manages its own transaction

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            if self.read_only:  # on a read-only file system: no lock, no shared-memory file, nobody writes
                db = sqlite3.connect(f"{self.path.as_uri()}?immutable=1", uri=True, isolation_level=None)
            else:
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
            self._local.db = db
        return db

    def connection(self) -> sqlite3.Connection:
        """This thread's connection, for the store's other tables' modules (`model_cache`)."""
        return self._db()

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    @contextmanager
    def transaction(self, bulk: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction. `bulk` (an indexing batch): shingles and mentions go into B-trees keyed
        by random hashes and names, and with SQLite's default 2 MB page cache a build re-reads the pages
        it has just written; a 32 MB cache for the batch, given back after it, keeps them."""
        db = self._db()
        if bulk:
            db.execute("PRAGMA cache_size=-32768")
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:  # SQLite rolls back by itself on some errors (a full disk)
                    with contextlib.suppress(sqlite3.Error):
                        db.execute("ROLLBACK")
                raise
        finally:
            if bulk:
                db.execute("PRAGMA cache_size=-2000")  # SQLite's default: a reader keeps no build-sized cache

    # meta -----------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self._db().execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, db: sqlite3.Connection, key: str, value: str) -> None:
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # files ----------------------------------------------------------------
    def fingerprints(self) -> dict[str, Fingerprint]:
        rows = self._db().execute("SELECT doc, size, mtime_ns, sha, given, reason FROM files")
        return {row[0]: Fingerprint(*row[1:]) for row in rows}

    def put_fingerprint(self, db: sqlite3.Connection, doc: str, fp: Fingerprint) -> None:
        db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
            (doc, fp.size, fp.mtime_ns, fp.sha, fp.given, fp.reason),
        )

    # documents ------------------------------------------------------------
    def put_document(self, db: sqlite3.Connection, document: Document) -> None:
        """A document's text and passages; its words are counted by the caller (`count_words`), per batch."""
        self.remove_document(db, document.doc)
        meta = document.meta
        db.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                document.doc,
                meta.title,
                meta.publication,
                meta.author,
                meta.published,
                json.dumps(dict(meta.extra)),
                document.encoding,
                document.text,
                len(document.passages),
                len(document.text),
            ),
        )
        db.executemany(
            "INSERT INTO passages VALUES (?, ?, ?, ?, ?, ?)",
            [(p.doc, p.number, p.start, p.end, p.pid, p.locator) for p in document.passages],
        )

    def remove_document(self, db: sqlite3.Connection, doc: str) -> None:
        """Forget a document (its file row stays to the caller)."""
        row = db.execute("SELECT text FROM documents WHERE doc=?", (doc,)).fetchone()
        if row is None:
            return
        old_words = vocabulary_of(row[0])
        self.count_words(db, Counter(old_words), -1)
        from index.xref.shingles import sampled_shingles  # its citation patterns: not for a search

        db.executemany("DELETE FROM shingles WHERE hash=? AND doc=?", [(h, doc) for h in sampled_shingles(row[0])])
        db.execute("DELETE FROM documents WHERE doc=?", (doc,))
        db.execute("DELETE FROM passages WHERE doc=?", (doc,))
        for table in ("mentions", "shingle_counts", "citations", "entity_source"):
            db.execute(f"DELETE FROM {table} WHERE doc=?", (doc,))
        duplicate_pairs.forget(db, doc)
        passage_terms.forget(db, doc)

    def forget_file(self, db: sqlite3.Connection, doc: str) -> None:
        self.remove_document(db, doc)
        db.execute("DELETE FROM files WHERE doc=?", (doc,))

    def count_words(self, db: sqlite3.Connection, counts: Counter[str], sign: int = 1) -> None:
        """Add (or with sign -1 take away) the number of documents each word is written in."""
        db.executemany(
            "INSERT INTO vocab VALUES (?, ?) ON CONFLICT(word) DO UPDATE SET docs = docs + ?",
            [(word, sign * n, sign * n) for word, n in counts.items()],
        )
        if sign < 0:
            db.execute("DELETE FROM vocab WHERE docs <= 0")

    def put_mentions(self, db: sqlite3.Connection, doc: str, mentions: Iterable[MentionRow]) -> None:
        db.executemany(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(doc, m.passage, m.start, m.end, m.type, m.name, m.text) for m in mentions],
        )

    def put_entity_forms(self, db: sqlite3.Connection, forms: Iterable[tuple[str, str, str]]) -> None:
        db.executemany("INSERT OR IGNORE INTO entity_forms VALUES (?, ?, ?)", forms)

    def entity_forms(self) -> list[tuple[str, str, str]]:
        """(type, canonical name, a name it is known by) for every entity ever indexed."""
        return [(str(t), str(n), str(f)) for t, n, f in self._db().execute("SELECT type, name, form FROM entity_forms")]

    def _select(self, sql: str, conditions: list[tuple[str, object | None]], order: str) -> list[tuple[object, ...]]:
        """sql with the conditions whose value is not None, ANDed, in the given order."""
        used = [(clause, value) for clause, value in conditions if value is not None]
        if used:
            sql += " WHERE " + " AND ".join(clause for clause, _ in used)
        return list(self._db().execute(f"{sql} ORDER BY {order}", [value for _, value in used]))

    def mentions(self, doc: str | None = None, name: str | None = None) -> list[MentionRow]:
        """Mentions of one document, of one entity, or all; in document order."""
        rows = self._select(
            'SELECT doc, passage, start, "end", type, name, text FROM mentions',
            [("doc=?", doc), ("name=?", name)],
            "doc, start",
        )
        return [MentionRow(*row) for row in rows]  # type: ignore[arg-type]

    def passage_mentions(self, doc: str, passage: int) -> list[tuple[int, int, str, str]]:
        """(start, end, type, canonical name) of a passage's mentions, offsets into the passage's text."""
        rows = self._db().execute(
            'SELECT m.start - p.start, m."end" - p.start, m.type, m.name FROM mentions m '
            "JOIN passages p ON p.doc = m.doc AND p.num = m.passage WHERE m.doc=? AND m.passage=? ORDER BY m.start",
            (doc, passage),
        )
        return [(int(a), int(b), str(c), str(d)) for a, b, c, d in rows]

    def passage_entities_of(self, doc: str) -> list[tuple[int, str, str]]:
        """(passage, type, canonical name) for each entity each passage of a document names."""
        rows = self._db().execute("SELECT DISTINCT passage, type, name FROM mentions WHERE doc=?", (doc,))
        return [(int(a), str(b), str(c)) for a, b, c in rows]

    def put_shingles(self, db: sqlite3.Connection, doc: str, hashes: set[int]) -> None:
        db.executemany("INSERT INTO shingles VALUES (?, ?)", [(h, doc) for h in sorted(hashes)])
        db.execute("INSERT OR REPLACE INTO shingle_counts VALUES (?, ?)", (doc, len(hashes)))
        duplicate_pairs.record(db, doc, hashes)

    def shared_shingles(self, doc: str) -> list[tuple[str, int, int, int]]:
        """(other doc, shared sampled shingles, this doc's count, other's count) for every overlapping doc."""
        db = self._db()
        row = db.execute("SELECT text FROM documents WHERE doc=?", (doc,)).fetchone()
        from index.xref.shingles import sampled_shingles

        mine = sorted(sampled_shingles(row[0])) if row else []
        if not mine:
            return []
        db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (hash INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM wanted")
        db.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", [(h,) for h in mine])
        rows = db.execute(
            "SELECT s.doc, count(*), c.n FROM wanted w JOIN shingles s ON s.hash = w.hash AND s.doc != ? "
            "JOIN shingle_counts c ON c.doc = s.doc GROUP BY s.doc",
            (doc,),
        ).fetchall()
        return [(str(r[0]), int(r[1]), len(mine), int(r[2])) for r in rows]

    def shingle_pairs(self, max_sharing: int) -> list[tuple[str, str, int, int, int]]:
        """(doc a, doc b, shared sampled shingles, a's count, b's count) for every pair sharing any,
        in one query. A shingle more than max_sharing documents hold is boilerplate, not evidence."""
        rows = self._db().execute(
            "WITH common AS (SELECT hash FROM shingles GROUP BY hash HAVING count(*) BETWEEN 2 AND ?) "
            "SELECT a.doc, b.doc, count(*), ca.n, cb.n FROM common c "
            "JOIN shingles a ON a.hash = c.hash JOIN shingles b ON b.hash = c.hash AND b.doc > a.doc "
            "JOIN shingle_counts ca ON ca.doc = a.doc JOIN shingle_counts cb ON cb.doc = b.doc "
            "GROUP BY a.doc, b.doc",
            (max_sharing,),
        )
        return [(str(a), str(b), int(n), int(na), int(nb)) for a, b, n, na, nb in rows]

    def put_citations(self, db: sqlite3.Connection, doc: str, rows: Iterable[tuple[int, str, str, int, int]]) -> None:
        db.executemany("INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?)", [(doc, *row) for row in rows])

    def citations(self, doc: str | None = None, source: str | None = None) -> list[tuple[str, int, str, str]]:
        """(doc, passage, source, date), in document order."""
        rows = self._select(
            "SELECT doc, passage, source, date FROM citations",
            [("doc=?", doc), ("lower(source)=lower(?)", source)],
            "doc, start",
        )
        return [(str(a), int(str(b)), str(c), str(d)) for a, b, c, d in rows]

    def entity_names(self) -> list[tuple[str, str]]:
        return [(n, t) for n, t in self._db().execute("SELECT DISTINCT name, type FROM mentions")]

    def entity_names_written(self) -> list[tuple[str, str, str]]:
        return [tuple(r) for r in self._db().execute("SELECT DISTINCT name, type, text FROM mentions")]  # type: ignore[misc]

    def summaries(self) -> list[DocSummary]:
        rows = self._db().execute(
            "SELECT doc, title, publication, author, published, extra, passages, chars FROM documents ORDER BY doc"
        )
        return [DocSummary(doc, _meta(t, p, a, d, e), n, c) for doc, t, p, a, d, e, n, c in rows]

    def document(self, doc: str) -> Document | None:
        db = self._db()
        row = db.execute(
            "SELECT title, publication, author, published, extra, encoding, text FROM documents WHERE doc=?",
            (doc,),
        ).fetchone()
        if row is None:
            return None
        title, pub, author, published, extra, encoding, text = row
        passages = tuple(
            Passage(doc, num, start, end, pid, locator or "")
            for num, start, end, pid, locator in db.execute(
                'SELECT num, start, "end", pid, locator FROM passages WHERE doc=? ORDER BY num', (doc,)
            )
        )
        return Document(doc, text, _meta(title, pub, author, published, extra), passages, encoding)

    def passage_spans(self, doc: str) -> array[int] | None:
        """Each passage's run of its engine record's term numbers (`passage_terms`); None before they were kept."""
        return passage_terms.spans(self._db(), doc)

    def passage_texts(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], tuple[str, str]]:
        """(doc, num) -> (passage text, document title) for a page of hits, in one query each."""
        out: dict[tuple[str, int], tuple[str, str]] = {}
        db = self._db()
        for doc, num in keys:
            row = db.execute(
                'SELECT substr(d.text, p.start + 1, p."end" - p.start), d.title '
                "FROM passages p JOIN documents d ON d.doc = p.doc WHERE p.doc=? AND p.num=?",
                (doc, num),
            ).fetchone()
            if row:
                out[(doc, num)] = (row[0], row[1])
        return out

    def passage_pids(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """(doc, num) -> the passage's stable id, for the keys still indexed (saved searches' "new")."""
        db = self._db()
        out: dict[tuple[str, int], str] = {}
        for doc, num in keys:
            row = db.execute("SELECT pid FROM passages WHERE doc=? AND num=?", (doc, num)).fetchone()
            if row:
                out[(doc, num)] = row[0]
        return out

    def vocabulary(self) -> dict[str, int]:
        return dict(self._db().execute("SELECT word, docs FROM vocab"))

    def document_ids(self) -> list[str]:
        return [row[0] for row in self._db().execute("SELECT doc FROM documents")]

    def document_count(self) -> int:
        return int(self._db().execute("SELECT count(*) FROM documents").fetchone()[0])


def vocabulary_of(text: str, tokens: Iterable[str] | None = None) -> set[str]:
    """The distinct written words of a text, for "did you mean" (no numbers, no one-letter words).

    tokens: the text's normalised words, when the caller has them already.
    """
    return {word for word in (tokens if tokens is not None else words_of(text)) if len(word) > 1 and word.isalpha()}


def _meta(title: str, pub: str, author: str, published: str, extra: str) -> Metadata:
    # Most documents have no extra fields: no JSON parse for them (the reader's list reads every row).
    pairs = tuple(sorted(json.loads(extra).items())) if extra and extra != "{}" else ()
    return Metadata(title or "", pub or "", author or "", published or "", pairs)
