"""Orphaned bookmarks: those whose passage is no longer found in the corpus as indexed now.

They are listed with the text they were made on and never moved to another passage: a passage
changed beyond recognition (see `anchoring`) is an orphan, not a guess.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple, Protocol

from index.model import Document
from index.notes.anchoring import anchor_in
from index.notes.markdown import Bookmark


class _Documents(Protocol):
    def document(self, doc: str) -> Document | None: ...


class Orphan(NamedTuple):
    bookmark: Bookmark
    status: str  # "lost" (the document is there, the passage is not) or "no document"

    def to_json(self) -> dict[str, object]:
        return {**self.bookmark.to_json(), "status": self.status}


def orphans(index: _Documents, bookmarks: Iterable[Bookmark], corpus: str) -> list[Orphan]:
    """The bookmarks of this corpus whose passage cannot be found any more, in file order."""
    found: list[Orphan] = []
    documents: dict[str, Document | None] = {}
    for bookmark in bookmarks:
        if bookmark.corpus and bookmark.corpus != corpus:
            continue
        if bookmark.doc not in documents:
            documents[bookmark.doc] = index.document(bookmark.doc)
        status = anchor_in(bookmark, documents[bookmark.doc]).status
        if status in ("lost", "no document"):
            found.append(Orphan(bookmark, status))
    return found
