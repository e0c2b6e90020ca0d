"""One entity with room: every passage naming it, grouped by document, each with the sentence
around the name; a filter; Enter jumps to the passage."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList
from textual.widgets.option_list import Option

from index.corpus.textclean import safe_line
from index.notes.entity_notes import EntityNote, Naming, entity_notes
from index.store.corpus_index import CorpusIndex


class EntityNoteRead(Message):
    def __init__(self, note: EntityNote | None) -> None:
        super().__init__()
        self.note = note


class EntityView(Screen[tuple[str, int] | None]):
    """Dismissed with (doc, passage) to jump to, or None."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="entityview.close"),
        Binding("slash", "filter", "Filter", id="entityview.filter"),
    ]
    DEFAULT_CSS = """
    EntityView #entity-view-filter { margin: 0 1; }
    EntityView #entity-view-list { height: 1fr; border: round $primary 50%; }
    """

    def __init__(self, index: CorpusIndex, name: str) -> None:
        super().__init__()
        self.index = index
        self.entity_name = name
        self.note: EntityNote | None = None
        self.rows: list[Naming | None] = []  # per option: a passage, or None for a document's heading

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter: words of the sentence or the document's title", id="entity-view-filter")
        yield OptionList(id="entity-view-list")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = safe_line(self.entity_name, 80)
        self.set_focus(self.query_one("#entity-view-list", OptionList))
        self.load()

    @work(thread=True, exclusive=True, group="entity-view", exit_on_error=False)
    def load(self) -> None:
        found = entity_notes(self.index, only=self.entity_name)
        self.post_message(EntityNoteRead(found[0] if found else None))

    def on_entity_note_read(self, message: EntityNoteRead) -> None:
        self.note = message.note
        self._fill()

    @on(Input.Changed, "#entity-view-filter")
    def _fill(self) -> None:
        words = self.query_one("#entity-view-filter", Input).value.lower().split()
        listing = self.query_one("#entity-view-list", OptionList)
        options: list[Option] = []
        self.rows = []
        namings = self.note.namings if self.note else ()
        shown = [n for n in namings if all(w in f"{n.sentence} {n.title} {n.doc}".lower() for w in words)]
        current = None
        for naming in shown:
            if naming.doc != current:
                current = naming.doc
                heading = Text(safe_line(naming.title or naming.doc, 100), style="bold")
                heading.append(f"  {safe_line(naming.doc, 60)}", style="dim")
                options.append(Option(heading, disabled=True))
                self.rows.append(None)
            line = Text(f"  ¶{naming.passage}  ", style="dim")
            line.append(safe_line(naming.sentence))
            options.append(Option(line))
            self.rows.append(naming)
        listing.set_options(options)
        documents = len({n.doc for n in shown})
        kind = f"{self.note.type} · " if self.note and self.note.type else ""
        listing.border_title = f"{kind}{len(shown)} passages in {documents} documents"
        first = next((i for i, row in enumerate(self.rows) if row is not None), None)
        listing.highlighted = first

    @on(Input.Submitted, "#entity-view-filter")
    def _filter_done(self) -> None:
        self.set_focus(self.query_one("#entity-view-list", OptionList))

    @on(OptionList.OptionSelected, "#entity-view-list")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        row = self.rows[event.option_index] if 0 <= event.option_index < len(self.rows) else None
        if row is not None:
            self.dismiss((row.doc, row.passage))

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#entity-view-filter", Input))

    def action_close(self) -> None:
        if self.query_one("#entity-view-filter", Input).has_focus:
            self.set_focus(self.query_one("#entity-view-list", OptionList))
        else:
            self.dismiss(None)
