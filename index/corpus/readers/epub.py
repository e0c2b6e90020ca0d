"""EPUB with the standard library's zipfile and lxml: container.xml names the OPF package, whose
metadata gives title, creator and date and whose spine gives the chapters' order; each chapter's XHTML
is read whole (a book has no site chrome), its first heading (or the table of contents' label) as the
locator of its passages. EbookLib is AGPL, and this is all of it that reading needs."""

from __future__ import annotations

import posixpath
import zipfile
from io import BytesIO
from typing import Any
from urllib.parse import unquote

from index.corpus.readers import html_plain
from index.corpus.readers.base import Block, Extracted, Unreadable

MAX_CHAPTER_BYTES = 32 * 1024 * 1024  # a bigger entry is a zip bomb, not a chapter
_DC = "{http://purl.org/dc/elements/1.1/}"


def read(data: bytes, name: str) -> Extracted:
    from lxml import etree

    try:
        book = zipfile.ZipFile(BytesIO(data))
        container = etree.fromstring(_member(book, "META-INF/container.xml"))
        rootfile = next((e.get("full-path") for e in container.iter() if _local(e.tag) == "rootfile"), None)
        if not rootfile:
            raise Unreadable("broken EPUB (no package file named)")
        opf = etree.fromstring(_member(book, rootfile))
    except zipfile.BadZipFile:
        raise Unreadable("broken zip (not a readable EPUB)") from None
    except KeyError as exc:
        raise Unreadable(f"broken EPUB (missing {exc})") from None
    except etree.XMLSyntaxError as exc:
        raise Unreadable(f"broken EPUB ({' '.join(str(exc).split())[:80]})") from None
    if _drm(book):
        raise Unreadable("DRM-protected EPUB (its chapters are encrypted)")
    base = posixpath.dirname(rootfile)
    manifest = {e.get("id"): e for e in opf.iter() if _local(e.tag) == "item"}
    meta = _metadata(opf)
    blocks: list[Block] = []
    skipped = 0
    for ref in (e for e in opf.iter() if _local(e.tag) == "itemref"):
        item = manifest.get(ref.get("idref"))
        if item is None or (
            "html" not in (item.get("media-type") or "") and "xml" not in (item.get("media-type") or "")
        ):
            continue
        path = posixpath.normpath(posixpath.join(base, unquote(item.get("href") or "")))
        try:
            chapter = _member(book, path)
        except (KeyError, zipfile.BadZipFile, Unreadable, OSError, EOFError, ValueError):
            skipped += 1
            continue
        blocks.extend(_chapter_blocks(chapter))
    if not blocks:
        raise Unreadable("no text in the EPUB" + (f" ({skipped} chapters could not be read)" if skipped else ""))
    note = f"{skipped} chapters could not be read" if skipped else ""
    return Extracted(tuple(blocks), meta, note)


def _chapter_blocks(chapter: bytes) -> list[Block]:
    tree = html_plain.parse(chapter)
    if tree is None:
        return []
    heading = next(
        (" ".join(h.text_content().split()) for h in tree.iter("h1", "h2", "h3") if h.text_content().strip()), ""
    )
    title = heading or html_plain.title_of(tree)
    # A file may hold several chapters: each h1/h2 starts the next, the file's first heading before.
    return html_plain.blocks_of(tree, drop_chrome=False, locator=title[:120], sections=("h1", "h2"))


def _metadata(opf: Any) -> dict[str, str]:
    meta: dict[str, str] = {}
    for element in opf.iter(f"{_DC}title", f"{_DC}creator", f"{_DC}date", f"{_DC}publisher"):
        key = {"title": "title", "creator": "author", "date": "published", "publisher": "publication"}[
            element.tag[len(_DC) :]
        ]
        value = " ".join((element.text or "").split())
        if value and key not in meta:
            meta[key] = value[:10] if key == "published" else value
    return meta


def _drm(book: zipfile.ZipFile) -> bool:
    """Chapters encrypted (Adobe ADEPT, Apple FairPlay…), not only fonts obfuscated (which IDPF allows)."""
    try:
        listing = book.read("META-INF/encryption.xml")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError):
        return False
    return b"html" in listing.lower() or b"xhtml" in listing.lower()


def _member(book: zipfile.ZipFile, path: str) -> bytes:
    info = book.getinfo(path)
    if info.file_size > MAX_CHAPTER_BYTES:
        raise Unreadable(f"{path} is too large to be a chapter")
    return book.read(info)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""
