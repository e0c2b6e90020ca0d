"""Messages workers post to the screen: past-tense facts; the screen owns every widget change."""

from __future__ import annotations

from textual.message import Message

from index.entities.summaries import EntitySummary
from index.model import Document, IndexReport, SearchResult, Span


class IndexProgressed(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgressed)  # a flood of progress collapses into the latest


class IndexFinished(Message):
    def __init__(self, report: IndexReport, live: bool = False) -> None:
        super().__init__()
        self.report = report
        self.live = live  # a background re-scan rather than the launch's build


class IndexFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class SearchFinished(Message):
    def __init__(self, result: SearchResult, request: int = 0) -> None:
        super().__init__()
        self.result = result
        self.request = request  # answers to superseded requests are dropped by the screen


class DocumentLoaded(Message):
    def __init__(
        self,
        document: Document,
        passage: int | None,
        hit_spans: list[Span],
        at_last_hit: bool = False,
        request: int = 0,
        marked: frozenset[int] = frozenset(),
        note: str = "",
        entities: tuple[EntitySummary, ...] = (),
        duplicates: tuple[tuple[str, float], ...] = (),
        sources: tuple[tuple[str, int], ...] = (),
    ) -> None:
        super().__init__()
        self.entities = entities
        self.duplicates = duplicates  # (doc, containment) of near-duplicate documents
        self.sources = sources  # (outlet, citations) this document cites
        self.request = request
        self.marked = marked  # passage numbers that hold a bookmark
        self.note = note  # something to tell the user, e.g. a bookmark that could not be re-anchored
        self.at_last_hit = at_last_hit  # arriving backwards (N): start at the document's last hit
        self.document = document
        self.passage = passage  # passage number to put the cursor on, None for the remembered one
        self.hit_spans = hit_spans  # offsets into the document text


class BookmarkSaved(Message):
    def __init__(self, doc: str, passage: int, path: str) -> None:
        super().__init__()
        self.doc = doc
        self.passage = passage
        self.path = path


class XrefsFound(Message):
    def __init__(self, entity: EntitySummary | str, entries: list[object], request: int) -> None:
        super().__init__()
        self.entity = entity  # the entity, or a heading ("Related to ¶3", "Cites Xinhua")
        self.entries = entries
        self.request = request
