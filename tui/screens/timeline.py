"""The timeline: dated statements on a time axis drawn in the terminal, and the list of them in date
order; the axis marks the one under the cursor. Enter jumps to its passage in the reader."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from index.corpus.textclean import safe_line
from tui import picture_jobs
from tui.picture_messages import TimelineBuilt
from tui.widgets.time_axis import TimeAxis
from tui.workers import run_job

if TYPE_CHECKING:
    from index.store.corpus_index import CorpusIndex
    from index.views.timeline import TimelineItem


def item_prompt(item: TimelineItem, width: int) -> Text:
    """One line: the date, where it is said, and as much of the sentence around the date as fits."""
    date = item.date + ("*" if item.implicit else "")
    prompt = Text(f"{date:<11} ", style="bold", end="", no_wrap=True, overflow="ellipsis")
    where = safe_line(item.title or item.doc, 30 if width >= 120 else 16)
    prompt.append(f"{where} ¶{item.passage}  ", style="dim")
    if item.kind == "published":
        prompt.append("published: ", style="italic dim")
    room = max(10, width - len(prompt) - 7)
    sentence = safe_line(item.sentence)
    at = sentence.find(item.written) if item.written else -1
    if len(sentence) > room:
        cut = max(0, min(at - room // 3, len(sentence) - room + 2)) if at > 0 else 0
        end = cut + room - 2
        sentence = ("…" if cut else "") + sentence[cut:end] + ("…" if end < len(sentence) else "")
        at = sentence.find(item.written) if item.written else -1
    start = len(prompt)
    prompt.append(sentence)
    if at >= 0:
        prompt.stylize("bold underline", start + at, start + at + len(item.written))
    return prompt


class TimelineScreen(Screen[tuple[str, int] | None]):
    """Dismissed with (doc, passage) to jump to, or None."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="timeline.close"),
        Binding("a", "all", "All / filtered", id="timeline.all"),
    ]
    DEFAULT_CSS = """
    TimelineScreen #timeline-axis { border: round $accent 50%; height: 5; }
    TimelineScreen #timeline-list { height: 1fr; border: round $primary 50%; }
    TimelineScreen #timeline-status { height: 1; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, index: CorpusIndex, query: str = "", entity: str | None = None) -> None:
        super().__init__()
        self.index = index
        self.search_query = query
        self.entity = entity
        self.filtered = bool(query.strip() or entity)
        self.items: list[TimelineItem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield TimeAxis(id="timeline-axis")
        yield OptionList(id="timeline-list")
        yield Static("", id="timeline-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#timeline-list", OptionList).focus()
        self._build()

    def _scope(self) -> str:
        if not self.filtered:
            return "the whole corpus"
        return " · ".join(
            x for x in (self.search_query.strip() and f"“{self.search_query.strip()}”", self.entity or "") if x
        )

    def _build(self) -> None:
        self.sub_title = "Timeline of " + safe_line(self._scope(), 60)
        self.query_one("#timeline-status", Static).update(Text("Reading dates…", style="dim"))
        query, entity = (self.search_query, self.entity) if self.filtered else ("", None)
        run_job(self, picture_jobs.build_timeline, self.index, query, entity, group="timeline")

    def on_resize(self) -> None:
        if self.items:  # each line holds as much of its sentence as the width allows: drawn again
            listing = self.query_one("#timeline-list", OptionList)
            kept = listing.highlighted
            self._fill()
            listing.highlighted = kept

    def _fill(self) -> None:
        width = self.size.width
        self.query_one("#timeline-list", OptionList).set_options(Option(item_prompt(i, width)) for i in self.items)

    def on_timeline_built(self, message: TimelineBuilt) -> None:
        self.items = message.items
        listing = self.query_one("#timeline-list", OptionList)
        self._fill()
        listing.border_title = f"{len(self.items)} dated statements"
        self.query_one(TimeAxis).show([i.date for i in self.items], self.items[0].date if self.items else None)
        years = {i.date[:4] for i in self.items}
        said = message.error or (
            f"{self.items[0].date[:4]}–{self.items[-1].date[:4]}, dates in {len(years)} of its years · "
            "* the year is the document's · "
            "Enter opens the passage · a: all/filtered"
            if self.items
            else "No dated statements here."
        )
        self.query_one("#timeline-status", Static).update(Text(said, style="dim"))
        if self.items:
            listing.highlighted = 0

    @on(OptionList.OptionHighlighted, "#timeline-list")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index < len(self.items):
            self.query_one(TimeAxis).choose(self.items[event.option_index].date)

    @on(OptionList.OptionSelected, "#timeline-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option_index < len(self.items):
            item = self.items[event.option_index]
            self.dismiss((item.doc, item.passage))

    def action_all(self) -> None:
        if self.search_query.strip() or self.entity:
            self.filtered = not self.filtered
            self._build()

    def action_close(self) -> None:
        self.dismiss(None)
