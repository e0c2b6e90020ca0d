"""What one near-duplicate has that the other lacks, side by side in one scrolling view."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from index.corpus.textclean import safe_line
from index.xref.shingles import Difference


class DiffScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,equals_sign", "dismiss", "Close", id="diff.close")]
    DEFAULT_CSS = """
    DiffScreen { align: center middle; }
    DiffScreen > VerticalScroll {
        width: 90%; max-width: 120; height: 90%; border: thick $warning; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, title_a: str, title_b: str, difference: Difference) -> None:
        super().__init__()
        self.title_a = title_a
        self.title_b = title_b
        self.difference = difference

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = Text("Near-duplicates compared")
            yield Static(self._text())

    def _text(self) -> Text:
        out = Text()
        for title, runs in ((self.title_a, self.difference.only_in_a), (self.title_b, self.difference.only_in_b)):
            out.append(f"Only in {safe_line(title, 90)}", style="bold")
            out.append(f"  ({len(runs)} passages of text)\n", style="dim")
            for run in runs or ["(nothing)"]:
                out.append("  • ", style="yellow")
                out.append(safe_line(run) + "\n")
            out.append("\n")
        out.append(
            f"{self.difference.small_changes} smaller differences (case, punctuation, spacing) not listed.", style="dim"
        )
        return out

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
