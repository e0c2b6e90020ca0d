"""Saved searches, each with its hits and how many are new; Enter opens one (its new passages then
count as seen), `d` forgets one."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from index.corpus.textclean import safe_line
from index.errors import RalignError
from index.notes.saved_searches import SavedStatus, mark_opened, remove, statuses
from index.store.corpus_index import CorpusIndex


class SavedSearchesRead(Message):
    def __init__(self, found: list[SavedStatus] | None, error: str = "") -> None:
        super().__init__()
        self.found = found
        self.error = error


def _prompt(entry: SavedStatus) -> Text:
    line = Text(safe_line(entry.search.query, 80), style="bold")
    line.append(f"   {entry.total} hit{'s' if entry.total != 1 else ''}", style="dim")
    if entry.new:
        line.append(f"   {len(entry.new)} new", style="bold green")
    if entry.error:
        line.append(f"   {safe_line(entry.error, 60)}", style="red")
    return line


class SavedSearchesScreen(Screen[str | None]):
    """Dismissed with the query to run, or None."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="saved.close"),
        Binding("d", "forget", "Forget", id="saved.forget"),
    ]
    DEFAULT_CSS = """
    SavedSearchesScreen #saved-list { height: 1fr; border: round $primary 50%; }
    SavedSearchesScreen #saved-status { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, index: CorpusIndex) -> None:
        super().__init__()
        self.index = index
        self.shown: list[SavedStatus] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(id="saved-list")
        yield Static(
            Text("Enter opens a search (its new passages then count as seen) · d forgets it"), id="saved-status"
        )
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Saved searches"
        self.set_focus(self.query_one("#saved-list", OptionList))
        self.reload()

    @work(thread=True, exclusive=True, group="saved", exit_on_error=False)
    def reload(self) -> None:
        try:
            self.post_message(SavedSearchesRead(statuses(self.index)))
        except (OSError, RalignError) as exc:
            self.post_message(SavedSearchesRead(None, str(exc)))

    def on_saved_searches_read(self, message: SavedSearchesRead) -> None:
        listing = self.query_one("#saved-list", OptionList)
        if message.found is None:
            self.query_one("#saved-status", Static).update(Text(message.error, style="bold red"))
            return
        self.shown = message.found
        listing.set_options(Option(_prompt(entry)) for entry in self.shown)
        new = sum(len(entry.new) for entry in self.shown)
        listing.border_title = f"{len(self.shown)} saved searches · {new} new passages"
        if self.shown:
            listing.highlighted = 0

    @on(OptionList.OptionSelected, "#saved-list")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.shown):
            query = self.shown[event.option_index].search.query
            self._mark_opened(query)
            self.dismiss(query)

    @work(thread=True, group="saved-write", exit_on_error=False)
    def _mark_opened(self, query: str) -> None:
        mark_opened(self.index, query)

    def action_forget(self) -> None:
        index = self.query_one("#saved-list", OptionList).highlighted
        if index is not None and 0 <= index < len(self.shown):
            remove(self.index.corpus, self.shown[index].search.query)
            self.reload()

    def action_close(self) -> None:
        self.dismiss(None)
