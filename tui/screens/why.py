"""Why this hit: the query's words and fields the hit matched (expansions as the terms they stood
for) and the parts of its score, in a small dialog over the results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from index.corpus.textclean import safe_line

if TYPE_CHECKING:
    from index.search.why import Why


def why_table(why: Why) -> Table:
    table = Table(box=None, expand=True, pad_edge=False)
    for column in ("field", "query", "matched", "weight"):
        table.add_column(column, justify="right" if column == "weight" else "left", overflow="fold")
    for m in why.matches:
        table.add_row(m.field, Text(safe_line(m.asked)), Text(safe_line(", ".join(m.matched))), f"{m.weight:.2f}")
    return table


class WhyScreen(ModalScreen[tuple[str, int] | None]):
    """Dismissed with the hit's (doc, passage) on Enter, to open it; None on Escape."""

    BINDINGS = [
        Binding("escape,q,w", "close", "Close", id="why.close"),
        Binding("enter", "open", "Open the passage", id="why.open"),
    ]
    DEFAULT_CSS = """
    WhyScreen { align: center middle; }
    WhyScreen > VerticalScroll {
        width: 90%; max-width: 100; height: auto; max-height: 80%; border: thick $accent; background: $surface;
        padding: 0 1;
    }
    WhyScreen Static { height: auto; }
    """

    def __init__(self, title: str, why: Why | None, place: tuple[str, int] | None = None) -> None:
        super().__init__()
        self.heading = title
        self.why = why
        self.place = place

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text("Why this hit: " + safe_line(self.heading, 80), style="bold"))
            if self.why is None:
                yield Static(Text("This hit's document is no longer indexed.", style="dim"))
                return
            why = self.why
            yield Static(why_table(why))
            share = 0.5 + 0.5 * why.passage_score / (why.best_passage_score or 1.0)
            parts = Text(
                f"score {why.score:.3f} = document {why.document_score:.3f} (BM25F over its fields) × passage share "
                f"{share:.2f} (0.5 + 0.5 × {why.passage_score:.2f} / best {why.best_passage_score:.2f})",
                style="dim",
            )
            yield Static(parts)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_open(self) -> None:
        self.dismiss(self.place)
