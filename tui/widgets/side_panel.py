"""The side panel: the open document's metadata and an outline of its passages."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from index.model import Document
from index.textclean import safe_line


class SidePanel(Vertical):
    class PassageChosen(Message):
        def __init__(self, passage: int) -> None:
            super().__init__()
            self.passage = passage

    def compose(self) -> ComposeResult:
        yield Static(Text("No document open.", style="dim"), id="meta")
        yield OptionList(id="outline")

    def on_mount(self) -> None:
        self.query_one("#outline", OptionList).border_title = "Passages"

    def show(self, document: Document) -> None:
        self.query_one("#meta", Static).update(metadata_text(document))
        outline = self.query_one("#outline", OptionList)
        outline.set_options(Option(outline_prompt(document, i)) for i in range(len(document.passages)))

    def follow_cursor(self, passage: int) -> None:
        outline = self.query_one("#outline", OptionList)
        if 0 < passage <= outline.option_count:
            outline.highlighted = passage - 1

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.PassageChosen(event.option_index + 1))


def metadata_text(document: Document) -> Text:
    meta = document.meta
    text = Text(safe_line(meta.title or document.doc), style="bold")
    rows = [
        ("publication", meta.publication),
        ("author", meta.author),
        ("published", meta.published),
        *meta.extra,
        ("file", document.doc),
        ("encoding", document.encoding),
        ("passages", str(len(document.passages))),
    ]
    for label, value in rows:
        if value:
            text.append(f"\n{label}: ", style="dim")
            text.append(safe_line(value))
    return text


def outline_prompt(document: Document, index: int) -> Text:
    passage = document.passages[index]
    head = safe_line(document.passage_text(passage), 24)
    prompt = Text(f"{passage.number:>3} ", style="dim", end="")
    prompt.append(head)
    return prompt
