"""Re-anchoring: where a bookmark's passage is in a document as it is now, after edits."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from index.model import Document
from index.notes.markdown import Bookmark


@dataclass(frozen=True)
class Anchor:
    passage: int | None  # where the bookmark is now, None when it cannot be found
    status: str  # "exact", "moved", "edited", "lost", "no document"


def anchor(bookmark: Bookmark, passages: list[tuple[int, str, str]], document_text: str | None) -> Anchor:
    """Find a bookmark's passage in the current document: by passage id, then by quote, then by likeness.

    `passages` are (number, pid, text) of the document as indexed now.
    """
    if document_text is None:
        return Anchor(None, "no document")
    for number, pid, _ in passages:
        if bookmark.pid and pid == bookmark.pid:
            return Anchor(number, "exact" if number == bookmark.passage else "moved")
    quote = bookmark.text.strip()
    if quote:
        for number, _, text in passages:
            if quote in text:
                return Anchor(number, "moved")
        position = document_text.find(quote)
        if position >= 0:
            return Anchor(_passage_at(passages, document_text, position), "moved")
    best, best_ratio = None, 0.0
    for number, _, text in passages:
        ratio = difflib.SequenceMatcher(None, quote, text, autojunk=False).quick_ratio()
        if ratio > best_ratio:
            best, best_ratio = number, ratio
    if best is not None and best_ratio >= 0.6:
        exact = difflib.SequenceMatcher(None, quote, dict((n, t) for n, _, t in passages)[best]).ratio()
        if exact >= 0.6:
            return Anchor(best, "edited")
    return Anchor(None, "lost")


def _passage_at(passages: list[tuple[int, str, str]], document_text: str, position: int) -> int | None:
    cursor = 0
    for number, _, text in passages:
        start = document_text.find(text, cursor)
        if start <= position < start + len(text):
            return number
        cursor = max(cursor, start)
    return None


def anchor_in(bookmark: Bookmark, document: Document | None) -> Anchor:
    """Where a bookmark is in a document as indexed now; None for a document no longer there."""
    if document is None:
        return Anchor(None, "no document")
    passages = [(p.number, p.pid, document.passage_text(p)) for p in document.passages]
    return anchor(bookmark, passages, document.text)
