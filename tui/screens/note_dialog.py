"""The dialog `b` opens: a note of several lines and tags. Ctrl+S (or Enter in the tags) saves,
Escape cancels; Enter in the note starts a new line."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, TextArea

from tui.safe import plain_content


class NoteDialog(ModalScreen[tuple[str, list[str]] | None]):
    """Returns (note, tags), or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
        Binding("ctrl+s", "save", "Save", id="note.save", priority=True),
    ]
    DEFAULT_CSS = """
    NoteDialog { align: center middle; }
    NoteDialog > Vertical {
        width: 80%; max-width: 90; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    NoteDialog Label { margin: 1 0 0 0; color: $text-muted; }
    NoteDialog TextArea { height: 8; }
    """

    def __init__(self, heading: str, note: str = "", tags: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.heading = heading
        self.note = note
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = plain_content(self.heading, 70)
            yield Label(Text("Note (optional; Enter starts a new line)"))
            # tab_behavior "focus": Tab goes on to the tags, as in every other form.
            yield TextArea(self.note, id="note", soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
            yield Label(Text("Tags, separated by spaces (optional)"))
            yield Input(" ".join(f"#{t}" for t in self.tags), placeholder="#arms #energy", id="tags")
            yield Label(Text("Ctrl+S or Enter in the tags saves · Escape cancels"))

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#note", TextArea))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        # Lines keep their own indentation; only blank lines around the note are dropped.
        note = self.query_one("#note", TextArea).text.strip("\n").rstrip()
        tags = [t for t in self.query_one("#tags", Input).value.replace(",", " ").split() if t.strip("#")]
        self.dismiss((note, tags))

    def action_cancel(self) -> None:
        self.dismiss(None)
