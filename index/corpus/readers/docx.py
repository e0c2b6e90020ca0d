"""Word documents (.docx) through python-docx (MIT): paragraphs and tables in body order, headings
(styles "Title", "Heading N") as the locators of what follows, and the core properties' title, author
and date."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from index.corpus.readers.base import Block, Extracted, Unreadable, given_person, given_title


def read(data: bytes, name: str) -> Extracted:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError):
        raise Unreadable("broken zip (not a readable Word file)") from None
    except (ValueError, SyntaxError) as exc:  # lxml's XMLSyntaxError is a SyntaxError
        raise Unreadable(f"broken Word file ({' '.join(str(exc).split())[:80]})") from None
    blocks: list[Block] = []
    section = ""
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            blocks.extend(Block(text, section) for text in _table_texts(item))
            continue
        text = " ".join(paragraph_text(item).split())
        if not text:
            continue
        style = _style_name(item)
        heading = style.startswith(("heading", "title"))
        if heading:
            section = text[:120]
        blocks.append(Block(text, section, heading))
    if not blocks:
        raise Unreadable("no text in the Word file")
    try:
        meta = _metadata(document.core_properties)
    except (ValueError, TypeError, KeyError, AttributeError):  # a malformed date or property: no metadata
        meta = {}
    return Extracted(tuple(blocks), meta)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraph_text(paragraph: Any) -> str:
    """The paragraph as Word shows it with its tracked changes accepted: every run's text, including
    runs inside an insertion (`w:ins`, which python-docx's `.text` leaves out: half of a real manual's
    text was missing), none of a deletion (its text is `w:delText`)."""
    parts: list[str] = []
    for node in paragraph._p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        parts.append(node.text or "" if node.tag == f"{_W}t" else " ")
    return "".join(parts)


def _style_name(paragraph: Any) -> str:
    try:
        return str(paragraph.style.name or "").lower() if paragraph.style is not None else ""
    except (KeyError, AttributeError, ValueError):
        return ""


def _table_texts(table: Any) -> list[str]:
    """One block per row: its cells' text side by side (a merged cell once)."""
    texts = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(" ".join(paragraph_text(p) for p in cell.paragraphs).split())
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            texts.append(" | ".join(cells))
    return texts


def _metadata(props: Any) -> dict[str, str]:
    meta: dict[str, str] = {}
    if title := given_title(props.title):
        meta["title"] = title
    if author := given_person(props.author):
        meta["author"] = author
    when = props.created
    if when is not None and 1980 < when.year < 2100:
        meta["published"] = when.date().isoformat()
    return meta
