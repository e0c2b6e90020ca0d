"""PDF through pypdfium2 (PDFium's text layer, Apache-2.0/BSD): text page by page, furniture removed,
paragraphs rebuilt, each passage's page as its locator ("p. 12"); title, author, date from the info
dictionary when they are not junk."""

from __future__ import annotations

import re
import time
from typing import Any

from index.corpus.readers.base import Block, Extracted, Unreadable, given_person, given_title, timeout
from index.corpus.readers.pdf_layout import continues, numbered_lines, paragraphs, running_lines, strip_furniture

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
        big = ""
        # A long report is read as far as part of the time limit allows, rather than lost to it.
        stop_at = time.monotonic() + 0.6 * timeout()
        for number in range(min(total, MAX_PAGES)):
            if time.monotonic() > stop_at:
                break
            page = pdf[number]
            try:
                textpage = page.get_textpage()
                text = textpage.get_text_bounded()
                if number == 0:
                    big = _biggest_line(textpage)
                textpage.close()
            except pdfium.PdfiumError:
                text = ""
            finally:
                page.close()
            pages.append(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        info = _info(pdf)
        if "title" not in info and (guess := given_title(big)):
            info["title"] = guess
    finally:
        pdf.close()
    blocks = page_blocks(pages)
    if not blocks:
        raise Unreadable("no text layer (scanned?)" if total else "PDF has no pages")
    note = f"read the first {len(pages)} of {total} pages" if len(pages) < total else ""
    return Extracted(tuple(blocks), info, note)


def page_blocks(pages: list[list[str]]) -> list[Block]:
    """Paragraph blocks of all pages, each located at its page; a paragraph cut by a page break runs
    on (`joined`), so that its words stay one paragraph and each part keeps its own page."""
    running = running_lines(pages)
    numbered = numbered_lines(pages)
    blocks: list[Block] = []
    for number, lines in enumerate(pages, 1):
        if numbered:
            lines = [line for i, line in enumerate(lines) if (number - 1, i) not in numbered]
        kept = strip_furniture(lines, running)
        for i, para in enumerate(paragraphs(kept)):
            joined = i == 0 and bool(blocks) and continues(blocks[-1].text, para)
            blocks.append(Block(para, f"p. {number}", joined=joined))
    return blocks


def _biggest_line(textpage: Any) -> str:
    """Page 1's title as its typesetter set it: the line(s) in the largest type among its first lines,
    when that type is bigger than the body's. "" when nothing stands out."""
    import pypdfium2.raw as raw

    count = min(textpage.count_chars(), 4000)
    lines: list[tuple[float, str]] = []
    chars: list[str] = []
    size = 0.0
    for i in range(count):
        code = raw.FPDFText_GetUnicode(textpage.raw, i)
        if code in (10, 13):
            if chars:
                lines.append((size, "".join(chars)))
            chars, size = [], 0.0
            continue
        chars.append(chr(code) if 0 < code < 0x110000 else " ")
        if chr(code).isalpha():
            size = max(size, raw.FPDFText_GetFontSize(textpage.raw, i))
    if chars:
        lines.append((size, "".join(chars)))
    lines = [(z, " ".join(t.split())) for z, t in lines if sum(c.isalpha() for c in t) >= 3]
    if len(lines) < 2:
        return ""
    body = sorted(z for z, _ in lines)[len(lines) // 2]
    top = max(z for z, _ in lines[:25])
    if top < body * 1.25:
        return ""
    first = next(i for i, (z, _) in enumerate(lines[:25]) if z == top)
    title = [lines[first][1]]
    for z, text in lines[first + 1 : first + 4]:  # a title set over two or three lines
        if abs(z - top) > 0.5:
            break
        title.append(text)
    return " ".join(title)[:250] if len(" ".join(title).split()) <= 30 else ""


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
