"""All bookmarks, newest first, with a filter; Enter jumps, `e` edits the note, `d` deletes, `u` undoes."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from index.corpus.textclean import safe_line
from index.errors import RalignError
from index.notes.bookmarks import Bookmark, BookmarkFile, Parsed, newest_first
from tui.screens.note_dialog import NoteDialog


class BookmarksRead(Message):
    def __init__(self, parsed: Parsed | None, error: str = "") -> None:
        super().__init__()
        self.parsed = parsed
        self.error = error


class BookmarksChanged(Message):
    """A change to the file was written (or failed: error says why); the list is read again."""

    def __init__(self, error: str = "") -> None:
        super().__init__()
        self.error = error


class BookmarksScreen(Screen[Bookmark | None]):
    """Dismissed with the bookmark to jump to, or None."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="bookmarks.close"),
        Binding("slash", "filter", "Filter", id="bookmarks.filter"),
        Binding("e", "edit", "Edit note", id="bookmarks.edit"),
        Binding("d", "delete", "Delete", id="bookmarks.delete"),
        Binding("u", "undo", "Undo delete", id="bookmarks.undo"),
    ]
    DEFAULT_CSS = """
    BookmarksScreen #bookmark-filter { margin: 0 1; }
    BookmarksScreen #bookmark-list { height: 1fr; border: round $primary 50%; }
    BookmarksScreen #bookmark-status { height: auto; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, file: BookmarkFile) -> None:
        super().__init__()
        self.file = file
        self.all: list[Bookmark] = []
        self.shown: list[Bookmark] = []
        self.deleted: list[Bookmark] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Filter bookmarks: words in the passage, note, tags or title", id="bookmark-filter")
        yield OptionList(id="bookmark-list")
        yield Static("", id="bookmark-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = safe_line(str(self.file.path), 80)
        self.set_focus(self.query_one("#bookmark-list", OptionList))
        self.reload()

    @work(thread=True, exclusive=True, group="bookmarks", exit_on_error=False)
    def reload(self) -> None:
        try:
            self.post_message(BookmarksRead(self.file.read()))
        except RalignError as exc:
            self.post_message(BookmarksRead(None, str(exc)))

    def on_bookmarks_read(self, message: BookmarksRead) -> None:
        status = self.query_one("#bookmark-status", Static)
        if message.parsed is None:
            status.update(Text(message.error, style="bold red"))
            return
        self.all = newest_first(message.parsed.bookmarks)
        notes = [f"line {b.line}: {b.reason}" for b in message.parsed.broken]
        status.update(Text("Blocks not read (kept in the file): " + "; ".join(notes), style="yellow") if notes else "")
        self._refilter()

    @on(Input.Changed, "#bookmark-filter")
    def _refilter(self) -> None:
        words = self.query_one("#bookmark-filter", Input).value.lower().split()
        self.shown = [b for b in self.all if all(w in _haystack(b) for w in words)]
        listing = self.query_one("#bookmark-list", OptionList)
        listing.set_options(Option(_prompt(b)) for b in self.shown)
        listing.border_title = f"{len(self.shown)} of {len(self.all)} bookmarks"
        if self.shown:
            listing.highlighted = 0

    @on(Input.Submitted, "#bookmark-filter")
    def _filter_done(self) -> None:
        self.set_focus(self.query_one("#bookmark-list", OptionList))

    def _current(self) -> Bookmark | None:
        index = self.query_one("#bookmark-list", OptionList).highlighted
        return self.shown[index] if index is not None and 0 <= index < len(self.shown) else None

    @on(OptionList.OptionSelected, "#bookmark-list")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.shown):
            self.dismiss(self.shown[event.option_index])

    def action_close(self) -> None:
        if self.query_one("#bookmark-filter", Input).has_focus:
            self.set_focus(self.query_one("#bookmark-list", OptionList))
        else:
            self.dismiss(None)

    def action_filter(self) -> None:
        self.set_focus(self.query_one("#bookmark-filter", Input))

    def action_edit(self) -> None:
        bookmark = self._current()
        if bookmark is None:
            return

        def save(answer: tuple[str, list[str]] | None) -> None:
            if answer is not None:
                note, tags = answer
                self._change(lambda: self.file.update(bookmark.id, note=note, tags=tuple(t.strip("#") for t in tags)))

        self.app.push_screen(
            NoteDialog(f"Edit: {bookmark.title or bookmark.doc} {bookmark.where}", bookmark.note, bookmark.tags),
            save,
        )

    def action_delete(self) -> None:
        bookmark = self._current()
        if bookmark is not None:
            self.deleted.append(bookmark)
            self._change(lambda: self.file.remove(bookmark.id))
            self.notify("Bookmark deleted. Press u to undo.", timeout=4)

    def action_undo(self) -> None:
        if self.deleted:
            bookmark = self.deleted.pop()
            self._change(lambda: self.file.add(bookmark))

    @work(thread=True, group="bookmarks-write", exit_on_error=False)
    def _change(self, change: object) -> None:
        # The worker writes and posts; the screen shows (no call into the app from this thread).
        try:
            change()  # type: ignore[operator]
        except RalignError as exc:
            self.post_message(BookmarksChanged(str(exc)))
            return
        self.post_message(BookmarksChanged())

    def on_bookmarks_changed(self, message: BookmarksChanged) -> None:
        if message.error:
            self.notify(message.error, severity="error", markup=False)
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete", "filter") and self.query_one("#bookmark-filter", Input).has_focus:
            return False
        if action == "undo":
            return bool(self.deleted) or None
        return True


def _haystack(bookmark: Bookmark) -> str:
    return " ".join([bookmark.text, bookmark.note, bookmark.title, bookmark.doc, *bookmark.tags]).lower()


def _prompt(bookmark: Bookmark) -> Text:
    prompt = Text(safe_line(bookmark.title or bookmark.doc, 90), style="bold", end="")
    prompt.append(f"  {bookmark.where} · {safe_line(bookmark.created.replace('T', ' ').rstrip('Z'))}", style="dim")
    prompt.append("\n" + safe_line(bookmark.text, 160), style="italic")
    if bookmark.note:
        prompt.append("\n✎ " + safe_line(bookmark.note, 160))
    if bookmark.tags:
        prompt.append("\n" + safe_line(" ".join(f"#{t}" for t in bookmark.tags)), style="cyan")
    if bookmark.corpus:
        prompt.append(f"\n{safe_line(Path(bookmark.corpus).name)}", style="dim")
    return prompt
