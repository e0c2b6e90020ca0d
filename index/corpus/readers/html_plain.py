"""HTML to blocks with lxml alone, no main-text guessing: for EPUB chapters (all text is the book's)
and for web pages the main-text extractor rejects (site chrome elements are dropped first)."""

from __future__ import annotations

from typing import Any

from index.corpus.readers.base import Block

# Never text of the document: code, styles, forms, and a page's chrome (menus, banners, side bars).
_DROP = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object", "form", "button", "select")
_CHROME = ("nav", "header", "footer", "aside", "menu", "dialog")
_CHROME_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCKS = frozenset((*_HEADINGS, "p", "li", "dt", "dd", "td", "th", "pre", "blockquote", "caption", "figcaption"))


def parse(data: bytes | str) -> Any:
    """The page's lxml tree (its encoding declared or sniffed by lxml); None when nothing parses."""
    import lxml.html

    try:
        return lxml.html.fromstring(data)
    except (ValueError, TypeError, SyntaxError):  # lxml's ParserError is a SyntaxError; empty input a ValueError
        return None


def title_of(tree: Any) -> str:
    found = tree.find(".//title") if tree is not None else None
    return " ".join((found.text_content() if found is not None else "").split())


def blocks_of(tree: Any, drop_chrome: bool, locator: str = "", sections: tuple[str, ...] = _HEADINGS) -> list[Block]:
    """The tree's paragraphs, lists and headings in document order; a heading (of the `sections` levels)
    becomes the locator of what follows it, `locator` before the first."""
    if tree is None:
        return []
    body = tree.find(".//body")
    root = body if body is not None else tree
    for element in list(root.iter(*_DROP)):
        _remove(element)
    if drop_chrome:
        for element in list(root.iter(*_CHROME)):
            _remove(element)
        for element in list(root.iter()):
            if isinstance(element.tag, str) and element.get("role", "") in _CHROME_ROLES:
                _remove(element)
    blocks: list[Block] = []
    section = locator
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag not in _BLOCKS or _inside_block(element):
            continue
        text = " ".join(element.text_content().split())
        if not text:
            continue
        heading = tag in _HEADINGS
        if tag in sections:
            section = text[:120]
        blocks.append(Block(text, section, heading))
    if not blocks:  # text straight in <div>s or <body>: one block per line of it
        text = root.text_content()
        blocks = [Block(" ".join(line.split()), locator) for line in text.split("\n") if line.strip()]
    return blocks


def _inside_block(element: Any) -> bool:
    """A <p> inside an <li>, a list inside a table cell: the outer block holds its text already."""
    parent = element.getparent()
    while parent is not None:
        if isinstance(parent.tag, str) and parent.tag in _BLOCKS:
            return True
        parent = parent.getparent()
    return False


def _remove(element: Any) -> None:
    """The element and its text gone, the text after it (its tail) kept."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)
