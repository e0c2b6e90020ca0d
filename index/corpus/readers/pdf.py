"""PDF through pypdfium2 (PDFium's text layer, Apache-2.0/BSD): text page by page, furniture removed,
paragraphs rebuilt, each passage's page as its locator ("p. 12"); title, author, date from the info
dictionary when they are not junk."""

from __future__ import annotations

import re

from index.corpus.readers.base import Block, Extracted, Unreadable, given_person, given_title
from index.corpus.readers.pdf_layout import continues, paragraphs, running_lines, strip_furniture

MAX_PAGES = 3000  # a longer file is read this far, and says so
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def read(data: bytes, name: str) -> Extracted:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise Unreadable("encrypted PDF (needs a password)") from None
        raise Unreadable(f"broken PDF ({_short(exc)})") from None
    try:
        total = len(pdf)
        pages: list[list[str]] = []
        for number in range(min(total, MAX_PAGES)):
            page = pdf[number]
            try:
                textpage = page.get_textpage()
                text = textpage.get_text_bounded()
                textpage.close()
            except pdfium.PdfiumError:
                text = ""
            finally:
                page.close()
            pages.append(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        info = _info(pdf)
    finally:
        pdf.close()
    blocks = page_blocks(pages)
    if not blocks:
        raise Unreadable("no text layer (scanned?)" if total else "PDF has no pages")
    note = f"read the first {MAX_PAGES} of {total} pages" if total > MAX_PAGES else ""
    return Extracted(tuple(blocks), info, note)


def page_blocks(pages: list[list[str]]) -> list[Block]:
    """Paragraph blocks of all pages, each located at its page; a paragraph cut by a page break runs
    on (`joined`), so that its words stay one paragraph and each part keeps its own page."""
    running = running_lines(pages)
    blocks: list[Block] = []
    for number, lines in enumerate(pages, 1):
        kept = strip_furniture(lines, running)
        for i, para in enumerate(paragraphs(kept)):
            joined = i == 0 and bool(blocks) and continues(blocks[-1].text, para)
            blocks.append(Block(para, f"p. {number}", joined=joined))
    return blocks


def _info(pdf: object) -> dict[str, str]:
    try:
        raw = pdf.get_metadata_dict(skip_empty=True)  # type: ignore[attr-defined]
    except Exception:
        return {}
    meta: dict[str, str] = {}
    if title := given_title(raw.get("Title")):
        meta["title"] = title
    if author := given_person(raw.get("Author")):
        meta["author"] = author
    for key in ("CreationDate", "ModDate"):
        match = _PDF_DATE.match(str(raw.get(key, "")).strip())
        if match and 1900 < int(match.group(1)) < 2100:
            meta["published"] = "-".join(g for g in match.groups() if g)
            break
    return meta


def _short(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:80] or type(exc).__name__
