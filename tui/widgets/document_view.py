"""The document pane: wrapped passages, a passage cursor, highlights, renders only the visible lines;
and find-in-document, the pane's own find box."""

from __future__ import annotations

import bisect
import re

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input

from index.model import Document, Span
from tui.safe import plain_content
from tui.widgets.wrapping import Line, wrap_passages

GUTTER = 2


class DocumentView(ScrollView, can_focus=True):
    """A document as wrapped lines, a passage cursor in the gutter, and highlight layers."""

    COMPONENT_CLASSES = {
        "document--cursor",
        "document--gutter",
        "document--hit",
        "document--find",
        "document--mark",
        "document--placeholder",
    }
    DEFAULT_CSS = """
    DocumentView { background: $surface; padding: 0 1; scrollbar-gutter: stable; }
    DocumentView > .document--cursor { background: $primary 12%; }
    DocumentView > .document--gutter { color: $accent; text-style: bold; }
    DocumentView > .document--hit { background: $warning 45%; text-style: bold; }
    DocumentView > .document--find { background: $success 45%; text-style: bold underline; }
    DocumentView > .document--mark { color: $warning; text-style: bold; }
    DocumentView > .document--placeholder { color: $text-muted; }
    """
    BINDINGS = [
        Binding("j,down", "cursor_down", "Next passage", id="doc.down", show=False),
        Binding("k,up", "cursor_up", "Previous passage", id="doc.up", show=False),
        Binding("pagedown,space", "page_down", "Page down", id="doc.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="doc.page_up", show=False),
        Binding("g,home", "first", "First passage", id="doc.first", show=False),
        Binding("G,end", "last", "Last passage", id="doc.last", show=False),
        Binding("ctrl+f", "find", "Find in document", id="doc.find"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class CursorMoved(Message):
        def __init__(self, view: DocumentView, passage: int) -> None:
            super().__init__()
            self.view = view
            self.passage = passage  # passage number, 1-based

        @property
        def control(self) -> DocumentView:
            return self.view

    class FindRequested(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document: Document | None = None
        self.hit_spans: list[Span] = []
        self.find_spans: list[Span] = []
        self.marked: set[int] = set()  # passage numbers with a bookmark
        self.entity_spans: list[tuple[int, int, str]] = []  # (start, end, colour) of every mention
        self.show_entities = True
        self.placeholder = ""
        self._lines: list[Line] = []
        self._first_lines: list[int] = []
        self._wrapped_width = 0
        self._active_hit = -1

    # content ---------------------------------------------------------------
    def show(self, document: Document, passage: int = 1, hit_spans: list[Span] | None = None) -> None:
        index = max(0, min(passage - 1, len(document.passages) - 1))
        self.document = document
        self.hit_spans = sorted(hit_spans or [], key=lambda s: s.start)
        self.find_spans = []
        self._active_hit = -1
        self.set_reactive(DocumentView.cursor, index)  # before re-wrapping: the old cursor may not exist here
        self._rewrap(force=True)
        self.cursor = index
        # The new virtual size applies on the next refresh; scroll once it has.
        self.call_after_refresh(self._scroll_cursor_into_view, True)
        if self.hit_spans and document.passages:
            # The opened hit is the current one, so `n` goes on to the one after it.
            here = document.passages[index]
            first = bisect.bisect_left([s.start for s in self.hit_spans], here.start)
            if first < len(self.hit_spans) and self.hit_spans[first].start < here.end:
                self._active_hit = first

    def clear(self, placeholder: str) -> None:
        self.document = None
        self.hit_spans = []
        self.find_spans = []
        self._lines, self._first_lines = [], []
        self.placeholder = placeholder
        self.virtual_size = Size(0, 0)
        self.refresh()

    def select_spans(self, spans: list[Span]) -> None:
        """Make these the spans n/N walk and highlight (an entity's mentions); cursor to the first."""
        self.find_spans = sorted(spans, key=lambda s: s.start)
        self._active_hit = -1
        if self.find_spans:
            self.go_to_hit(0)
        self.refresh()

    def set_find(self, needle: str) -> int:
        """Highlight every case-insensitive occurrence of needle; returns how many."""
        self.find_spans = []
        if self.document and needle:
            pattern = re.compile(re.escape(needle), re.IGNORECASE)
            self.find_spans = [Span(m.start(), m.end()) for m in pattern.finditer(self.document.text)]
        self._active_hit = -1
        self.refresh()
        return len(self.find_spans)

    @property
    def passage_number(self) -> int:
        return self.cursor + 1

    def visible_text(self) -> str:
        """The text of the lines on screen now (for tests and screen readers)."""
        if not self.document:
            return self.placeholder
        top = round(self.scroll_offset.y)
        rows = self._lines[top : top + self.size.height]
        return "\n".join(self.document.text[line.start : line.end] for line in rows)

    # hits --------------------------------------------------------------------
    @property
    def targets(self) -> list[Span]:
        """What n/N walk: the find matches when a find is active, else the search hits."""
        return self.find_spans or self.hit_spans

    def next_hit(self, step: int) -> bool:
        """Move to the next (+1) or previous (-1) hit; False at either end."""
        targets = self.targets
        if not targets or not self.document:
            return False
        if 0 <= self._active_hit < len(targets):
            index = self._active_hit + step
        else:
            here = self.document.passages[self.cursor].start if self.document.passages else 0
            first_after = bisect.bisect_left([s.start for s in targets], here)
            index = first_after if step > 0 else first_after - 1
        if not 0 <= index < len(targets):
            return False
        self._active_hit = index
        self._move_to_offset(targets[index].start)
        return True

    def go_to_hit(self, index: int) -> None:
        targets = self.targets
        if self.document and 0 <= index < len(targets):
            self._active_hit = index
            self._move_to_offset(targets[index].start)

    def _move_to_offset(self, offset: int) -> None:
        assert self.document is not None
        starts = [p.start for p in self.document.passages]
        self.cursor = max(0, bisect.bisect_right(starts, offset) - 1)
        self._scroll_cursor_into_view(offset=offset)

    # actions -------------------------------------------------------------------
    def action_cursor_down(self) -> None:
        self._move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move_cursor(self.cursor - 1)

    def action_first(self) -> None:
        self._move_cursor(0)

    def action_last(self) -> None:
        if self.document:
            self._move_cursor(len(self.document.passages) - 1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_find(self) -> None:
        if self.document:
            self.post_message(self.FindRequested())

    def _page(self, direction: int) -> None:
        if not self._lines:
            return
        height = max(1, self.size.height - 1)
        self.scroll_to(y=self.scroll_offset.y + direction * height, animate=False, immediate=True)
        top = min(len(self._lines) - 1, max(0, round(self.scroll_offset.y)))
        line = next((ln for ln in self._lines[top:] if ln.passage >= 0), self._lines[top])
        if line.passage >= 0:
            self.cursor = line.passage
            self._active_hit = -1

    def _move_cursor(self, index: int) -> None:
        if not self.document or not self.document.passages:
            return
        self.cursor = max(0, min(index, len(self.document.passages) - 1))
        self._active_hit = -1
        self._scroll_cursor_into_view()

    def watch_cursor(self, cursor: int) -> None:
        self.refresh()
        if self.document:
            self.post_message(self.CursorMoved(self, cursor + 1))

    def _scroll_cursor_into_view(self, top: bool = False, offset: int | None = None) -> None:
        if not self._first_lines or self.cursor >= len(self._first_lines):
            return
        first = self._first_lines[self.cursor]
        last = (
            (self._first_lines[self.cursor + 1] - 2)
            if self.cursor + 1 < len(self._first_lines)
            else len(self._lines) - 1
        )
        height = max(1, self.size.height)
        y = round(self.scroll_offset.y)
        if offset is not None:
            line = self._line_of_offset(offset, first, last)
            if not y <= line < y + height:
                self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)
            return
        if top or first < y or last - first >= height:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= y + height:
            self.scroll_to(y=last - height + 1, animate=False, immediate=True)

    def _line_of_offset(self, offset: int, first: int, last: int) -> int:
        """The wrapped line of the cursor passage that holds a document offset."""
        found = first
        for number in range(first, last + 1):
            if self._lines[number].start <= offset:
                found = number
        return found

    def on_click(self, event: Click) -> None:
        number = round(self.scroll_offset.y) + event.y
        if 0 <= number < len(self._lines) and self._lines[number].passage >= 0:
            self.cursor = self._lines[number].passage
            self._active_hit = -1

    # layout and rendering ----------------------------------------------------
    def on_resize(self, event: Resize) -> None:
        self._rewrap()

    def _rewrap(self, force: bool = False) -> None:
        width = self.scrollable_content_region.width - GUTTER
        if self.document is None or width <= 0 or (width == self._wrapped_width and not force):
            return
        self._wrapped_width = width
        self._lines, self._first_lines = wrap_passages(self.document, width)
        self.virtual_size = Size(width + GUTTER, len(self._lines))
        self._scroll_cursor_into_view()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        number = round(self.scroll_offset.y) + y
        if self.document is None:
            if y == 0:
                text = Text(self.placeholder, style=self.get_component_rich_style("document--placeholder"))
                return Strip(list(text.render(self.app.console)), text.cell_len).extend_cell_length(width, base)
            return Strip.blank(width, base)
        if not 0 <= number < len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[number]
        on_cursor = line.passage == self.cursor
        line_style = base + self.get_component_rich_style("document--cursor") if on_cursor else base
        gutter = self._gutter(line, number, on_cursor)
        text = Text(self.document.text[line.start : line.end], style=line_style, end="")
        if self.show_entities and self.entity_spans:
            self._stylize_entities(text, line)
        self._stylize(text, line, self.hit_spans, "document--hit")
        self._stylize(text, line, self.find_spans, "document--find")
        segments = [*gutter.render(self.app.console), *text.render(self.app.console)]
        strip = Strip([s for s in segments if s.text != "\n"])
        return strip.extend_cell_length(width, line_style).crop(0, width)

    def _gutter(self, line: Line, number: int, on_cursor: bool) -> Text:
        is_first = line.passage >= 0 and self._first_lines[line.passage] == number
        mark = "★" if is_first and (line.passage + 1) in self.marked else " "
        bar = "▌" if on_cursor else " "
        gutter = Text(bar, style=self.get_component_rich_style("document--gutter"), end="")
        gutter.append(mark, style=self.get_component_rich_style("document--mark"))
        return gutter

    def _stylize_entities(self, text: Text, line: Line) -> None:
        starts = [s for s, _, _ in self.entity_spans]
        index = max(0, bisect.bisect_right(starts, line.start) - 1)
        while index < len(self.entity_spans) and self.entity_spans[index][0] < line.end:
            start, end, colour = self.entity_spans[index]
            if end > line.start:
                text.stylize(f"underline {colour}", max(0, start - line.start), min(line.end, end) - line.start)
            index += 1

    def _stylize(self, text: Text, line: Line, spans: list[Span], component: str) -> None:
        if not spans:
            return
        style: Style = self.get_component_rich_style(component)
        starts = [s.start for s in spans]
        index = max(0, bisect.bisect_right(starts, line.start) - 1)
        while index < len(spans) and spans[index].start < line.end:
            span = spans[index]
            if span.end > line.start:
                text.stylize(style, max(0, span.start - line.start), min(line.end, span.end) - line.start)
            index += 1


def locator_subtitle(document: Document | None, passage: int) -> Content | str:
    """Under the pane, where a passage stands in its file ("¶12 · p. 4"), when it knows."""
    passages = document.passages if document else ()
    here = passages[passage - 1] if 0 < passage <= len(passages) else None
    return plain_content(f"¶{here.number} · {here.locator}", 60) if here and here.locator else ""


class DocumentPane(Vertical):
    """The document view and its find box, mounted when first asked for (a warm start shows none)."""

    def compose(self) -> ComposeResult:
        yield DocumentView(id="document")

    @property
    def view(self) -> DocumentView:
        return self.query_one(DocumentView)

    @property
    def finding(self) -> bool:
        """The find box is on screen."""
        return any(find.display for find in self.query("#find"))

    def on_document_view_find_requested(self, message: DocumentView.FindRequested) -> None:
        message.stop()
        self.open_find()

    def open_find(self) -> None:
        found = self.query("#find")
        if found:
            find = found.first(Input)
        else:
            find = Input(placeholder="Find in this document (Enter to go, Escape to close)", id="find")
            self.mount(find)
        find.display = True
        self.screen.set_focus(find)

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        event.stop()
        count = self.view.set_find(event.value)
        event.input.border_title = f"{count} matches" if event.value else ""

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close_find(clear=False)
        if not self.view.next_hit(+1):
            self.view.next_hit(-1)

    def close_find(self, clear: bool) -> None:
        """Hide the find box, back to the document; with `clear`, its matches go too."""
        view = self.view
        for find in self.query("#find").results(Input):
            find.display = False
            if clear:
                find.value = ""
                view.set_find("")
        view.focus()
