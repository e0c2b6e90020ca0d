"""A reader's blocks made into a `Document`: cleaned, joined with blank lines (so each block is at least
one passage), passages given the locator of the block they start in, and a title that is never junk:
the file's own metadata, else its first heading, else its file name cleaned."""

from __future__ import annotations

import bisect
import re

from index.corpus import metadata as meta_mod
from index.corpus.passages import split_passages
from index.corpus.readers.base import Block, Extracted, given_title
from index.corpus.textclean import clean_text, safe_line
from index.model import Document, Metadata

# Typographic ligatures (PDFs are full of them) as their letters: "ﬁnd" must be the word "find".
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_TITLE_WORDS = re.compile(r"[^\W\d_]{2,}")


def document_of(doc: str, kind: str, extracted: Extracted, given: dict[str, object] | None = None) -> Document | str:
    """The document, or the reason it has no text."""
    parts: list[str] = []
    locators: list[str] = []
    starts: list[int] = []
    pos = 0
    for block in extracted.blocks:
        text = " ".join(clean_text(block.text.translate(_LIGATURES)).split())
        if not text:
            continue
        separator = "" if not parts else " " if block.joined else "\n\n"
        parts.append(separator + text)
        pos += len(separator)
        starts.append(pos)
        locators.append(safe_line(block.locator, 120))
        pos += len(text)
    if not parts:
        return "no text"
    body = "".join(parts)
    passages = tuple(
        p._replace(locator=locators[bisect.bisect_right(starts, p.start) - 1]) for p in split_passages(doc, body)
    )
    meta = metadata_of(doc, kind, extracted)
    if given:
        meta = meta_mod.apply(meta, given)
    return Document(doc, body, meta, passages)


def metadata_of(doc: str, kind: str, extracted: Extracted) -> Metadata:
    found = extracted.meta
    title = given_title(found.get("title")) or heading_title(extracted.blocks) or meta_mod.file_title(doc)
    extra = [("format", kind)]
    if url := found.get("url", "").strip():
        extra.append(("url", safe_line(url, 500)))
    if extracted.note:
        extra.append(("note", safe_line(extracted.note)))
    return Metadata(
        safe_line(title, 250),
        safe_line(found.get("publication", ""), 200),
        safe_line(found.get("author", ""), 200),
        iso_date(found.get("published", "")),
        tuple(sorted(extra)),
    )


def heading_title(blocks: tuple[Block, ...]) -> str:
    """The first heading near the top that reads like a title; for a PDF (no headings marked), its first
    short line on page 1 when it looks like one."""
    for block in blocks[:12]:
        if block.heading and _title_like(block.text):
            return block.text
    first = next((b for b in blocks[:3] if b.locator == "p. 1" and _title_like(b.text)), None)
    return first.text if first else ""


def _title_like(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 20
        and len(text) <= 200
        and len(_TITLE_WORDS.findall(text)) >= max(1, len(words) // 2)
        and not text.endswith((",", ";", ":"))
        and not text[:1].islower()
        and given_title(text) != ""
    )


def iso_date(value: str) -> str:
    """'2019-05-03T10:00:00+00:00' -> '2019-05-03'; 'March 26, 2016' -> '2016-03-26'; else ''."""
    value = " ".join(str(value or "").split())
    if not value:
        return ""
    match = _ISO_DATE.match(value)
    if match and 1000 < int(match.group(1)) < 2200:
        return "-".join(g for g in match.groups() if g)
    normal = meta_mod.normalise_date(value)
    return normal if _ISO_DATE.fullmatch(normal) else ""
