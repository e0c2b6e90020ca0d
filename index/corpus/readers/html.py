"""Saved web pages: trafilatura 2.x (Apache-2.0) for the main text without site chrome, and metadata
from meta tags, JSON-LD and OpenGraph; lxml alone (`html_plain`) for a page trafilatura rejects.
Headings are kept as the locators of the paragraphs under them."""

from __future__ import annotations

import re
from typing import Any

from index.corpus.readers import html_plain
from index.corpus.readers.base import Block, Extracted, Unreadable

_META_KEYS = {"title": "title", "author": "author", "date": "published", "url": "url", "sitename": "publication"}
_HEADINGS = ("head",)
_TEXT_ELEMENTS = ("p", "head", "item", "quote", "code", "cell")
# Site chrome pruned before extraction: the extractor keeps a short page whole, menus and all.
_CHROME = [
    "//nav",
    "//footer",
    "//aside",
    "//header[not(ancestor::article) and not(ancestor::main) and not(.//h1)]",
    "//*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='complementary' or @role='search']",
    "//*[contains(@id, 'cookie') or contains(@class, 'cookie-') or contains(@class, 'cookie_')]",
]
_EDIT_MARK = re.compile(r"\s*\[(?:edit|edit source|modifier|bearbeiten)\]\s*$", re.I)  # a wiki's section link
_NOT_HEADINGS = frozenset(("contents", "table of contents", "navigation menu", "navigation"))


def read(data: bytes, name: str) -> Extracted:
    blocks, meta = _main_text(data)
    if not blocks or not meta.get("title"):
        tree = html_plain.parse(data)
        if not meta.get("title") and (title := html_plain.title_of(tree)):
            meta["title"] = title
        if not blocks:  # too short or too odd for the extractor: all but the page's chrome
            blocks = html_plain.blocks_of(tree, drop_chrome=True)
    if meta.get("title"):
        meta["title"] = without_site(meta["title"])
    if not blocks:
        raise Unreadable("no text in the page")
    return Extracted(tuple(blocks), meta)


def without_site(title: str) -> str:
    """'Berlin confronts its past | DW | 19.01.2020' -> 'Berlin confronts its past': a page title's
    site name and date after " | " or " • " go, when what stays before them is two words or more."""
    first = re.split(r"\s+[|•·]\s+", title, maxsplit=1)[0].strip()
    return first if len(first.split()) >= 2 else title


def _main_text(data: bytes) -> tuple[list[Block], dict[str, str]]:
    import trafilatura

    try:
        xml = trafilatura.extract(
            data,
            output_format="xml",
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_links=False,
            include_images=False,
            deduplicate=False,
            prune_xpath=_CHROME,
        )
    except Exception:
        return [], {}
    if not xml:
        return [], {}
    return _blocks_of_xml(xml)


def _blocks_of_xml(xml: str) -> tuple[list[Block], dict[str, str]]:
    from lxml import etree

    try:
        root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True, huge_tree=True))
    except etree.XMLSyntaxError:
        return [], {}
    if root is None:
        return [], {}
    meta = {ours: " ".join(str(root.get(theirs) or "").split()) for theirs, ours in _META_KEYS.items()}
    meta = {k: v for k, v in meta.items() if v}
    main: Any = root.find("main")
    if main is None:
        main = root
    blocks: list[Block] = []
    section = ""
    for element in main.iter(*_TEXT_ELEMENTS):
        if _has_text_ancestor(element):
            continue
        text = " ".join("".join(element.itertext()).split())
        if not text:
            continue
        heading = element.tag in _HEADINGS
        if heading:
            text = _EDIT_MARK.sub("", text)
            if text.lower() in _NOT_HEADINGS or not text:
                continue
            section = text[:120]
        blocks.append(Block(text, section, heading))
    return blocks, meta


def _has_text_ancestor(element: Any) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in _TEXT_ELEMENTS:
            return True
        parent = parent.getparent()
    return False
