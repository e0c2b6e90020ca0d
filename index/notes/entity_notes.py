"""What an entity's note holds, computed from the index: its type, its other names, every passage
naming it (the sentence around it, the link back), the entities named with it, and the bookmarks
that mention it. `notes export` writes these (`index.notes.note_files`); the entity view shows them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from index.notes.markdown import Bookmark
from index.xref.passage_refs import document_titles, passage_texts

if TYPE_CHECKING:
    from index.store.corpus_index import CorpusIndex

SKIPPED_TYPES = ("DATE", "MONEY")  # values, not entities to keep notes on (bookmarks skip them too)
SENTENCE_WIDTH = 320


class Naming(NamedTuple):
    """One passage naming the entity."""

    doc: str
    title: str
    passage: int
    sentence: str  # the sentence around the entity as this passage first writes it


class EntityNote(NamedTuple):
    name: str
    type: str
    aliases: tuple[str, ...]  # other ways the corpus writes it
    documents: int
    namings: tuple[Naming, ...]
    with_entities: tuple[tuple[str, int], ...]  # (name, passages shared), most shared first
    bookmarks: tuple[Bookmark, ...]


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+")


def sentence_around(text: str, written: str, width: int = SENTENCE_WIDTH) -> str:
    """The sentence of `text` holding `written` (first occurrence, any case), on one line."""
    flat = " ".join(text.split())
    at = flat.lower().find(written.lower()) if written else -1
    if at < 0:
        return flat[:width] + ("…" if len(flat) > width else "")
    start = 0
    for match in _SENTENCE_END.finditer(flat):
        if match.end() > at:
            break
        start = match.end()
    end_match = _SENTENCE_END.search(flat, at + len(written))
    end = end_match.start() if end_match else len(flat)
    sentence = flat[start:end]
    if len(sentence) > width:  # a run-on "sentence": a window around the name
        left = max(start, at - width // 3)
        return ("…" if left > 0 else "") + flat[left : left + width] + "…"
    return sentence


def entity_notes(index: CorpusIndex, bookmarks: Iterable[Bookmark] = (), only: str | None = None) -> list[EntityNote]:
    """Every entity the corpus names (or just `only`, a canonical name), by name."""
    rows = [r for r in index.mentions() if r.type not in SKIPPED_TYPES]
    by_name: dict[str, list[tuple[str, int, str, str]]] = {}
    names_at: dict[tuple[str, int], set[str]] = {}
    for row in rows:
        by_name.setdefault(row.name, []).append((row.doc, row.passage, row.text, row.type))
        names_at.setdefault((row.doc, row.passage), set()).add(row.name)
    wanted = [only] if only is not None else sorted(by_name, key=str.lower)
    keys = {(doc, passage) for name in wanted for doc, passage, _, _ in by_name.get(name, [])}
    texts = passage_texts(index, keys)
    titles = document_titles(index)
    marks = list(bookmarks)
    notes = []
    for name in wanted:
        found = by_name.get(name, [])
        first_written: dict[tuple[str, int], str] = {}
        for doc, passage, written, _ in found:
            first_written.setdefault((doc, passage), written)
        shared: Counter[str] = Counter()
        for key in first_written:
            shared.update(other for other in names_at.get(key, ()) if other != name)
        kind = Counter(t for _, _, _, t in found).most_common(1)[0][0] if found else ""
        aliases = sorted({w for _, _, w, _ in found if w != name}, key=str.lower)
        namings = tuple(
            Naming(doc, titles.get(doc, ""), passage, sentence_around(texts.get((doc, passage), ""), written))
            for (doc, passage), written in first_written.items()
        )
        notes.append(
            EntityNote(
                name=name,
                type=kind,
                aliases=tuple(aliases),
                documents=len({doc for doc, _ in first_written}),
                namings=namings,
                with_entities=tuple(sorted(shared.items(), key=lambda pair: (-pair[1], pair[0].lower()))),
                bookmarks=tuple(b for b in marks if name in b.entities),
            )
        )
    return notes


def named_in_bookmarks(bookmarks: Iterable[Bookmark]) -> set[str]:
    """Entity names the bookmarks link to: each gets a note, even once the corpus no longer names it."""
    return {name for bookmark in bookmarks for name in bookmark.entities}
