"""Messages the picture jobs (`tui.picture_jobs`) post: past-tense facts; screens change the widgets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from index.search.why import Why
    from index.views.cooccur import Cooccurrence
    from index.views.spread import Spread
    from index.views.timeline import TimelineItem


class TimelineBuilt(Message):
    def __init__(self, items: list[TimelineItem], error: str = "") -> None:
        super().__init__()
        self.items = items
        self.error = error


class CooccurrenceFound(Message):
    def __init__(self, found: Cooccurrence) -> None:
        super().__init__()
        self.found = found


class SharedPassagesFound(Message):
    """The passages naming both entities of a pair: (doc, title, passage, snippet)."""

    def __init__(self, first: str, second: str, passages: list[tuple[str, str, int, str]], preview: bool) -> None:
        super().__init__()
        self.first = first
        self.second = second
        self.passages = passages
        self.preview = preview  # for the preview beside the list (a wide screen), not the list itself


class SpreadMeasured(Message):
    def __init__(self, spread: Spread, request: int) -> None:
        super().__init__()
        self.spread = spread
        self.request = request


class HitExplained(Message):
    def __init__(self, doc: str, passage: int, query: str, why: Why | None, line: bool = False) -> None:
        super().__init__()
        self.line = line  # for the line under the results list (the highlighted hit), not the dialog
        self.doc = doc
        self.passage = passage
        self.query = query
        self.why = why
