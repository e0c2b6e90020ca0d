"""The results list: the document list while the query is empty, ranked passage hits otherwise."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index.corpus.textclean import safe_line
from index.model import DocSummary, Hit, SearchResult

SORTS = ("title", "date", "doc")
HIGHLIGHT = "bold reverse"


class DocumentOption(Option):
    """A document's row, its prompt made when first drawn: a list of 40,000 builds 40,000 of these
    and draws a screenful. One line of title, one of details, one more naming its near-duplicates."""

    def __init__(self, summary: DocSummary, duplicate_of: list[str]) -> None:
        super().__init__("")
        self.summary = summary
        self.duplicate_of = duplicate_of
        self.height = 3 if duplicate_of else 2
        self._made: Text | None = None

    @property
    def prompt(self) -> VisualType:
        if self._made is None:
            self._made = document_prompt(self.summary, self.duplicate_of)
        return self._made


@dataclass(frozen=True)
class Target:
    """Where an option leads: a document, and a passage number when it is a hit."""

    doc: str
    passage: int | None = None


class ResultsList(OptionList):
    """Options carry their `Target`; a plain-`Text` prompt, never markup."""

    # Document rows are cut, not wrapped: their heights are known without drawing each (`_update_lines`).
    DEFAULT_CSS = "ResultsList.-documents { text-wrap: nowrap; text-overflow: ellipsis; }"

    BINDINGS = [
        Binding("s", "cycle_sort", "Sort", id="results.sort", tooltip="Sort the document list by title, date or file"),
    ]

    class Opened(Message):
        def __init__(self, results: ResultsList, target: Target) -> None:
            super().__init__()
            self.results = results
            self.target = target

        @property
        def control(self) -> ResultsList:
            return self.results

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.targets: list[Target] = []
        self.awaiting = False  # a search is on its way; Enter now opens its first hit on arrival
        self._open_on_arrival = False
        self.mode = "documents"
        self.sort = "title"
        self._summaries: list[DocSummary] = []
        self.duplicates: dict[str, list[str]] = {}

    # filling ---------------------------------------------------------------
    def show_documents(self, summaries: list[DocSummary]) -> None:
        self.mode = "documents"
        self.awaiting = self._open_on_arrival = False
        self._summaries = summaries
        keep = self._current_target()
        ordered = sort_documents(summaries, self.sort)
        self.targets = [Target(s.doc) for s in ordered]
        titles = {s.doc: s.meta.title or s.doc for s in summaries}
        self.set_class(True, "-documents")  # rows of one line each, cut, not wrapped: see _update_lines
        self.set_options(DocumentOption(s, [titles.get(d, d) for d in self.duplicates.get(s.doc, [])]) for s in ordered)
        self._restore(keep)
        self.border_title = f"{len(ordered)} documents · by {self.sort}"

    def show_hits(self, result: SearchResult) -> None:
        self.mode = "hits"
        self.set_class(False, "-documents")
        self.targets = [Target(hit.doc, hit.passage) for hit in result.hits]
        self.set_options(Option(hit_prompt(hit)) for hit in result.hits)
        self.highlighted = 0 if self.targets else None
        if self._open_on_arrival and self.targets:
            self.post_message(self.Opened(self, self.targets[0]))
        self.awaiting = self._open_on_arrival = False
        more = f" · showing {len(result.hits)}" if result.total > len(result.hits) else ""
        self.border_title = f"{result.total_label}{more}"

    def _update_lines(self) -> None:
        """OptionList wraps every option to learn its height: ~0.3 ms a row, half a second for 2,000
        documents before the list shows, at every resize. Document rows are not wrapped (the
        `-documents` class: `text-wrap: nowrap`), so their heights are known without drawing them.
        Textual 8.2.8's own method, with that one change; hits (a page of them) still wrap."""
        options = self.options
        if not self.has_class("-documents") or not all(isinstance(o, DocumentOption) for o in options[-1:]):
            super()._update_lines()
            return
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        lines = cache.lines
        for index in range(lines[-1][0] + 1 if lines else 0, len(options)):
            height = options[index].height  # type: ignore[attr-defined]
            cache.index_to_line[index] = len(lines)
            cache.heights[index] = height
            lines.extend((index, offset) for offset in range(height))
        virtual_size = Size(self.scrollable_content_region.width - self._get_left_gutter_width(), len(lines))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.has_class("-documents") and all(isinstance(o, DocumentOption) for o in self.options[-1:]):
            return sum(o.height for o in self.options)  # type: ignore[attr-defined]
        return super().get_content_height(container, viewport, width)

    def _current_target(self) -> Target | None:
        index = self.highlighted
        return self.targets[index] if index is not None and 0 <= index < len(self.targets) else None

    def _restore(self, target: Target | None) -> None:
        if target in self.targets:
            self.highlighted = self.targets.index(target)  # type: ignore[arg-type]
        elif self.targets:
            self.highlighted = 0

    @property
    def current(self) -> Target | None:
        return self._current_target()

    def documents_in_order(self) -> list[str]:
        """Distinct documents in list order: what [ and ] and crossing n/N walk."""
        seen: dict[str, None] = {}
        for target in self.targets:
            seen.setdefault(target.doc, None)
        return list(seen)

    def neighbour(self, doc: str | None, step: int) -> str | None:
        """The document before (-1) or after (+1) this one in the list; the first or last when it is
        not listed; None past either end."""
        docs = self.documents_in_order()
        position = docs.index(doc) + step if doc in docs else (0 if step > 0 else len(docs) - 1)
        return docs[position] if 0 <= position < len(docs) else None

    def first_hit_of(self, doc: str) -> Target | None:
        return next((t for t in self.targets if t.doc == doc), None)

    def select_target(self, target: Target) -> None:
        if target in self.targets:
            self.highlighted = self.targets.index(target)

    # events ------------------------------------------------------------------
    def action_cycle_sort(self) -> None:
        if self.mode != "documents":
            self.app.bell()
            return
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.show_documents(self._summaries)

    def action_select(self) -> None:
        if self.awaiting:
            self._open_on_arrival = True
            return
        super().action_select()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.targets):
            self.post_message(self.Opened(self, self.targets[event.option_index]))


def sort_documents(summaries: list[DocSummary], sort: str) -> list[DocSummary]:
    if sort == "date":
        # Newest first; undated documents last, then by title.
        dated = sorted((s for s in summaries if s.meta.published), key=lambda s: s.meta.published, reverse=True)
        return dated + sorted((s for s in summaries if not s.meta.published), key=lambda s: s.meta.title.lower())
    if sort == "doc":
        return sorted(summaries, key=lambda s: s.doc)
    return sorted(summaries, key=lambda s: (s.meta.title.lower() or s.doc, s.doc))


def document_prompt(summary: DocSummary, duplicate_of: list[str] | None = None) -> Text:
    meta = summary.meta
    prompt = Text(safe_line(meta.title or summary.doc, 200), style="bold", end="")
    if duplicate_of:
        prompt.append("\n≈ same text as " + safe_line(", ".join(duplicate_of), 120), style="yellow")
    details = " · ".join(
        part for part in (safe_line(meta.publication), meta.published, f"{summary.passages} passages") if part
    )
    prompt.append("\n" + details, style="dim")
    return prompt


def hit_prompt(hit: Hit) -> Text:
    prompt = Text(safe_line(hit.title or hit.doc, 120), style="bold", end="")
    count = f"{hit.doc_hits} hits in document" if hit.doc_hits != 1 else "1 hit in document"
    where = f", {safe_line(hit.locator, 40)}" if hit.locator else ""
    prompt.append(f"  ¶{hit.passage}{where} · {count}", style="dim")
    snippet = Text(safe_line(hit.snippet), end="")
    for span in hit.spans:
        snippet.stylize(HIGHLIGHT, span.start, span.end)
    prompt.append("\n")
    prompt.append_text(snippet)
    return prompt
