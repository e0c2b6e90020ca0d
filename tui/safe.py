"""Document-derived strings made safe for widgets that would otherwise parse markup."""

from __future__ import annotations

from textual.content import Content

from index.corpus.textclean import safe_line


def plain_content(text: str, limit: int = 0) -> Content:
    """A one-line Content that shows text as it is: no markup, no control characters."""
    return Content(safe_line(text, limit))
