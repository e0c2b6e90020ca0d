"""The small dialog `b` opens: an optional note and tags. Enter saves, Escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.safe import plain_content


class NoteDialog(ModalScreen[tuple[str, list[str]] | None]):
    """Returns (note, tags), or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]
    DEFAULT_CSS = """
    NoteDialog { align: center middle; }
    NoteDialog > Vertical {
        width: 80%; max-width: 90; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    NoteDialog Label { margin: 1 0 0 0; color: $text-muted; }
    """

    def __init__(self, heading: str, note: str = "", tags: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.heading = heading
        self.note = note
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = plain_content(self.heading, 70)
            yield Label(Text("Note (optional)"))
            yield Input(self.note.replace("\n", " "), placeholder="why this passage matters", id="note")
            yield Label(Text("Tags, separated by spaces (optional)"))
            yield Input(" ".join(f"#{t}" for t in self.tags), placeholder="#arms #energy", id="tags")
            yield Label(Text("Enter saves · Escape cancels"))

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#note", Input))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        note = self.query_one("#note", Input).value.strip()
        tags = [t for t in self.query_one("#tags", Input).value.replace(",", " ").split() if t.strip("#")]
        self.dismiss((note, tags))

    def action_cancel(self) -> None:
        self.dismiss(None)
