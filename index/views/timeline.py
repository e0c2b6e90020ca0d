"""The timeline: every dated statement of the corpus, in date order.

A statement is a DATE mention (`index.entities`) read as a date (`index.views.date_text`): a year
the words leave out ("on March 26") is the document's own (its `published` metadata), or failing
that the last year the document wrote before it. A document's own date is an item too (kind
"published"). Filtered by a query (the passages it matches) or an entity (the passages naming it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from index.corpus.sentences import sentence_at
from index.views.date_text import document_year, resolve

if TYPE_CHECKING:
    from index.search.query import Searchable

QUERY_PASSAGES = 2000  # a query filter reads at most this many of its best passages


class TimelineItem(NamedTuple):
    date: str  # ISO text, as precise as the words: "2015", "2015-05", "2015-05-08"
    precision: str  # decade, year, season, month or day
    doc: str
    title: str
    passage: int
    sentence: str  # the sentence holding the date (the title, for a document's own date)
    written: str  # the words as the text has them ("March 26"), "" for a document's date
    kind: str = "text"  # "text": said in the text; "published": the document's date
    implicit: bool = False  # the year came from the document, not the words

    def to_json(self) -> dict[str, object]:
        return self._asdict()


def timeline(
    source: Searchable, query: str = "", entity: str | None = None, published: bool = True
) -> list[TimelineItem]:
    """Dated statements, oldest first; only passages the query matches or naming the entity when given."""
    side = source.side
    wanted = _wanted_passages(source, query, entity)
    db = side.connection()
    docs = {
        str(doc): (str(title or ""), str(date or ""), str(text or ""))
        for doc, title, date, text in db.execute("SELECT doc, title, published, text FROM documents")
    }
    spans = {
        (str(d), int(n)): (int(a), int(b)) for d, n, a, b in db.execute('SELECT doc, num, start, "end" FROM passages')
    }
    rows = db.execute("SELECT doc, passage, start, text FROM mentions WHERE type='DATE' ORDER BY doc, start")
    items = list(_dated(rows, docs, spans, wanted))
    if published:
        for doc, (title, date, _) in docs.items():
            year = document_year(date)
            if year is None or (wanted is not None and not any(d == doc for d, _ in wanted)):
                continue
            precision = {4: "year", 7: "month", 10: "day"}.get(len(date), "year")
            items.append(
                TimelineItem(
                    date if precision != "year" else str(year), precision, doc, title, 1, title, "", "published"
                )
            )
    return sorted(items, key=lambda i: (i.date, i.doc, i.passage, i.kind))


def _dated(
    rows: Iterable[tuple[str, int, int, str]],
    docs: dict[str, tuple[str, str, str]],
    spans: dict[tuple[str, int], tuple[int, int]],
    wanted: set[tuple[str, int]] | None,
) -> Iterable[TimelineItem]:
    seen: set[tuple[str, int, str]] = set()
    context_year: dict[str, int] = {}  # the last year each document wrote out, for the next implicit date
    for doc, passage, start, written in rows:
        title, date, text = docs.get(doc, ("", "", ""))
        year = document_year(date) or context_year.get(doc)
        resolved = resolve(written, year)
        if resolved is None or _COPYRIGHT.search(text, max(0, int(start) - 24), int(start)):
            continue  # "Copyright 2020 The Washington Times": the page's footer, not a statement
        if not resolved.implicit and resolved.precision != "decade":
            context_year[doc] = int(resolved.iso[:4])
        key = (doc, int(passage), resolved.iso)
        if key in seen or (wanted is not None and (doc, int(passage)) not in wanted):
            continue
        seen.add(key)
        bounds = spans.get((doc, int(passage)), (0, len(text)))
        sentence = sentence_at(text, int(start), *bounds)
        yield TimelineItem(
            resolved.iso, resolved.precision, doc, title, int(passage), sentence, written, implicit=resolved.implicit
        )


_COPYRIGHT = re.compile(r"(?:©|\(c\)|\bcopyright)\s*(?:(?:1[89]|20)\d{2}\s*[-–]\s*)?$", re.IGNORECASE)


def _wanted_passages(source: Searchable, query: str, entity: str | None) -> set[tuple[str, int]] | None:
    wanted: set[tuple[str, int]] | None = None
    if query.strip():
        from index.search.passages import search_raw

        found = search_raw(source, query, QUERY_PASSAGES)
        if found.error:
            raise ValueError(found.error)
        wanted = {(h.doc, h.num) for h in found.hits}
    if entity is not None:
        rows = source.side.connection().execute("SELECT DISTINCT doc, passage FROM mentions WHERE name=?", (entity,))
        naming = {(str(d), int(n)) for d, n in rows}
        wanted = naming if wanted is None else wanted & naming
    return wanted
