"""Messages workers post to the screen: past-tense facts; the screen owns every widget change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from index.entities.summaries import EntitySummary
from index.model import DocSummary, IndexReport, SearchResult, XrefEntry

if TYPE_CHECKING:  # what only the messages' users need: the first frame imports neither module
    from index.reading import DocumentPage
    from index.store.entity_pass import EntityPassReport
    from index.xref.shingles import Difference


class IndexProgressed(Message):
    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgressed)  # a flood of progress collapses into the latest


class IndexFinished(Message):
    def __init__(self, report: IndexReport, live: bool = False, seconds: float = 0.0) -> None:
        super().__init__()
        self.report = report
        self.live = live  # a background re-scan rather than the launch's build
        self.seconds = seconds  # how long the check took: a large folder is checked less often


class EntitiesProgressed(Message):
    """The entity pass (the statistical model) has given `done` of `total` documents their entities."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, EntitiesProgressed)


class EntitiesFinished(Message):
    def __init__(self, report: EntityPassReport, error: str = "") -> None:
        super().__init__()
        self.report = report
        self.error = error  # the pass failed (a worker could not load the model): the rules' entities stand


class IndexFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class SearchFinished(Message):
    def __init__(self, result: SearchResult, request: int = 0) -> None:
        super().__init__()
        self.result = result
        self.request = request  # answers to superseded requests are dropped by the screen


class DocumentsListed(Message):
    def __init__(self, summaries: list[DocSummary], request: int, duplicates: dict[str, list[str]]) -> None:
        super().__init__()
        self.summaries = summaries
        self.request = request
        self.duplicates = duplicates  # doc -> its near-duplicates, for the marks in the list


class DocumentLoaded(Message):
    def __init__(self, page: DocumentPage, request: int = 0, at_last_hit: bool = False) -> None:
        super().__init__()
        self.page = page
        self.request = request
        self.at_last_hit = at_last_hit  # arriving backwards (N): start at the document's last hit


class DocumentGone(Message):
    """A document asked for (from a bookmark) is no longer in the corpus."""

    def __init__(self, doc: str) -> None:
        super().__init__()
        self.doc = doc


class BookmarkSaved(Message):
    def __init__(self, doc: str, passage: int, path: str) -> None:
        super().__init__()
        self.doc = doc
        self.passage = passage
        self.path = path


class BookmarkFailed(Message):
    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class DuplicatesCompared(Message):
    def __init__(self, title_a: str, title_b: str, difference: Difference) -> None:
        super().__init__()
        self.title_a = title_a
        self.title_b = title_b
        self.difference = difference


class XrefsFound(Message):
    def __init__(self, entity: EntitySummary | str, entries: list[XrefEntry], request: int) -> None:
        super().__init__()
        self.entity = entity  # the entity, or a heading ("Related to ¶3", "Cites Xinhua")
        self.entries = entries
        self.request = request


class SearchSaved(Message):
    def __init__(self, query: str, total: int, error: str = "") -> None:
        super().__init__()
        self.query = query
        self.total = total
        self.error = error


class EntitiesCurated(Message):
    def __init__(self, said: str, error: str = "") -> None:
        super().__init__()
        self.said = said  # what changed, for a notification
        self.error = error
