"""What an entity's note holds, computed from the index: its type, its other names, every passage
naming it (the sentence around it, the link back), the entities named with it, and the bookmarks
that mention it. `notes export` writes these (`index.notes.note_files`); the entity view shows them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from index.corpus.sentences import sentence_at
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


def alias_order(names: Iterable[str]) -> list[str]:
    """Other names, case-blind alphabetical, ties broken by case: the same order in every process, so a
    re-export with nothing changed rewrites nothing ("President Xi" and "president xi" had flipped)."""
    return sorted(set(names), key=lambda name: (name.lower(), name))


def sentence_around(text: str, written: str, width: int = SENTENCE_WIDTH) -> str:
    """The sentence of `text` holding `written` (first occurrence, any case), on one line."""
    at = text.lower().find(written.lower()) if written else -1
    if at < 0:
        flat = " ".join(text.split())
        return flat[:width] + ("…" if len(flat) > width else "")
    return sentence_at(text, at, width=width)


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
        aliases = alias_order(w for _, _, w, _ in found if w != name)
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
