"""Bookmarks of passages: making one, ordering them, and what the front ends use of the rest.

The Bookmark record and its Markdown are in `index.notes.markdown`, the locked atomic rewrites of
the file in `index.notes.bookmark_file`, re-anchoring after edits in `index.notes.anchoring`; the
reader and the CLI import what they need of them from here.
"""

from __future__ import annotations

import secrets

from index.model import Document
from index.notes.anchoring import Anchor, anchor_in
from index.notes.bookmark_file import BookmarkError, BookmarkFile
from index.notes.front_matter import now_iso
from index.notes.markdown import FILE_HEADER, Bookmark, Parsed, normalise_note, normalise_tag, render_block

__all__ = [
    "FILE_HEADER",
    "Anchor",
    "Bookmark",
    "BookmarkError",
    "BookmarkFile",
    "Parsed",
    "anchor_in",
    "bookmark_for",
    "new_id",
    "newest_first",
    "now_iso",
    "render_block",
]


def new_id() -> str:
    return secrets.token_hex(8)


def newest_first(bookmarks: list[Bookmark]) -> list[Bookmark]:
    """By time saved, newest first; within one second, later in the file is newer."""
    ordered = sorted(enumerate(bookmarks), key=lambda pair: (pair[1].created, pair[0]), reverse=True)
    return [bookmark for _, bookmark in ordered]


def bookmark_for(
    document: Document,
    passage_number: int,
    corpus: str,
    note: str = "",
    tags: tuple[str, ...] | list[str] = (),
    query: str = "",
    entities: tuple[str, ...] = (),
) -> Bookmark:
    """A new bookmark of one passage of an indexed document."""
    passage = document.passages[passage_number - 1]
    text = document.passage_text(passage)
    return Bookmark(
        id=new_id(),
        doc=document.doc,
        passage=passage.number,
        text=text,
        note=normalise_note(note),
        tags=tuple(t for t in (normalise_tag(tag) for tag in tags) if t),
        created=now_iso(),
        query=query,
        corpus=corpus,
        pid=passage.pid,
        locator=passage.locator,
        title=document.meta.title,
        publication=document.meta.publication,
        published=document.meta.published,
        entities=entities,
        context_before=document.text[max(0, passage.start - 80) : passage.start],
        context_after=document.text[passage.end : passage.end + 80],
    )
