"""The search box: a query input with a status line (hit count, "did you mean", query errors)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from index.corpus.textclean import safe_line
from index.model import SearchResult


class SearchBox(Vertical):
    def compose(self) -> ComposeResult:
        yield Input(placeholder='Search: words, "a phrase", s-400, putin AND xi, title:alliance …', id="query")
        yield Static("", id="search-status")

    @property
    def input(self) -> Input:
        return self.query_one("#query", Input)

    def show_status(self, text: Text | str) -> None:
        self.query_one("#search-status", Static).update(text if isinstance(text, Text) else Text(text))

    def show_result(self, result: SearchResult) -> None:
        if result.error:
            self.show_status(Text(safe_line(result.error), style="bold red"))
        elif not result.total and not result.complete:
            status = Text("No passage read in time: the words are everywhere. Add a rarer one.", style="yellow")
            self.show_status(status)
        elif not result.total:
            status = Text(f"No passage matches {safe_line(result.query, 60)!r}.", style="yellow")
            if result.suggestion:
                status.append("  Did you mean ")
                status.append(safe_line(result.suggestion), style="bold")
                status.append("?  (ctrl+y takes it)")
            self.show_status(status)
        else:
            status = Text(f"{result.total_label} in {result.documents_label}", style="dim")
            if result.note:
                status.append(f" · {safe_line(result.note)}", style="yellow")
            self.show_status(status)
