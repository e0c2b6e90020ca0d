"""The side panel: the open document's entities (by type, filterable), where else the chosen one
appears, and the document's metadata and passage outline."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from index.corpus.textclean import safe_line
from index.entities.summaries import EntitySummary
from index.model import Document, XrefEntry
from tui.entity_colours import TYPE_LABEL, type_colour, type_symbol
from tui.widgets.mention_spark import MentionSpark


class SidePanel(Vertical):
    class PassageChosen(Message):
        def __init__(self, passage: int) -> None:
            super().__init__()
            self.passage = passage

    class EntityChosen(Message):
        def __init__(self, entity: EntitySummary) -> None:
            super().__init__()
            self.entity = entity

    class DuplicateChosen(Message):
        def __init__(self, doc: str) -> None:
            super().__init__()
            self.doc = doc

    class SourceChosen(Message):
        def __init__(self, source: str) -> None:
            super().__init__()
            self.source = source

    class CurateAsked(Message):
        """`c` on an entity: merge, rename, split, retype or ignore it."""

        def __init__(self, entity: EntitySummary) -> None:
            super().__init__()
            self.entity = entity

    class XrefChosen(Message):
        def __init__(self, entry: XrefEntry) -> None:
            super().__init__()
            self.entry = entry

    class ViewAsked(Message):
        """`v` on an entity: the entity view, every passage naming it."""

        def __init__(self, entity: EntitySummary) -> None:
            super().__init__()
            self.entity = entity

    BINDINGS = [
        Binding("c", "curate", "Curate entity", id="entity.curate"),
        Binding("v", "view_entity", "Entity view", id="entity.view"),
    ]

    def _highlighted_entity(self) -> EntitySummary | None:
        listing = self.query_one("#entities", OptionList)
        at = listing.highlighted
        if listing.has_focus and at is not None and 0 <= at < len(self._shown_entities):
            return self._shown_entities[at]
        return None

    def action_curate(self) -> None:
        entity = self._highlighted_entity()
        if entity is not None:
            self.post_message(self.CurateAsked(entity))

    def action_view_entity(self) -> None:
        entity = self._highlighted_entity()
        if entity is not None:
            self.post_message(self.ViewAsked(entity))

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entities: list[EntitySummary] = []
        self._shown_entities: list[EntitySummary | None] = []
        self.xrefs: list[XrefEntry] = []
        self.more: list[tuple[str, str]] = []  # ("dup", doc) or ("source", outlet), as listed in #more

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter entities", id="entity-filter")
        yield OptionList(id="entities")
        yield OptionList(id="xref")
        yield MentionSpark(id="spread")  # the chosen entity across the corpus (tui.screens.picture_keys)
        yield OptionList(id="more")
        yield Static(Text("No document open.", style="dim"), id="meta")
        yield OptionList(id="outline")

    def on_mount(self) -> None:
        self.query_one("#entities", OptionList).border_title = "Entities"
        self.query_one("#xref", OptionList).border_title = "Elsewhere"
        self.query_one("#outline", OptionList).border_title = "Passages"
        self.query_one("#xref", OptionList).display = False
        self.query_one(MentionSpark).display = False
        self.query_one("#more", OptionList).display = False  # until a document with some is open

    def show_more(self, duplicates: list[tuple[str, str, float]], sources: list[tuple[str, int]]) -> None:
        """Near-duplicate documents (doc, title, containment) and the outlets this document cites."""
        listing = self.query_one("#more", OptionList)
        self.more = []
        options: list[Option] = []
        for doc, title, share in duplicates:
            prompt = Text("≈ ", style="bold yellow", end="")
            prompt.append(safe_line(title or doc, 40))
            prompt.append(f" {share:.0%} shared", style="dim")
            options.append(Option(prompt))
            self.more.append(("dup", doc))
        for source, count in sources:
            prompt = Text("❝ ", style="bold", end="")
            prompt.append(safe_line(source, 40))
            prompt.append(f" ×{count}", style="dim")
            options.append(Option(prompt))
            self.more.append(("source", source))
        listing.set_options(options)
        listing.display = bool(options)
        listing.border_title = f"Duplicates ({len(duplicates)}) · Sources ({len(sources)})"

    @on(OptionList.OptionSelected, "#more")
    def _more_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.more):
            kind, value = self.more[event.option_index]
            self.post_message(self.DuplicateChosen(value) if kind == "dup" else self.SourceChosen(value))

    def show(self, document: Document, entities: list[EntitySummary]) -> None:
        self.query_one("#meta", Static).update(metadata_text(document))
        outline = self.query_one("#outline", OptionList)
        outline.set_options(Option(outline_prompt(document, i)) for i in range(len(document.passages)))
        self.entities = entities
        self._fill_entities()
        self.query_one("#xref", OptionList).display = False

    @on(Input.Changed, "#entity-filter")
    def _fill_entities(self) -> None:
        needle = self.query_one("#entity-filter", Input).value.strip().lower()
        listing = self.query_one("#entities", OptionList)
        options: list[Option] = []
        self._shown_entities = []
        current = None
        dark = self.app.current_theme.dark
        for entity in self.entities:
            if (
                needle
                and needle not in entity.name.lower()
                and not any(needle in m.text.lower() for m in entity.mentions)
            ):
                continue
            if entity.type != current:
                current = entity.type
                colour = type_colour(entity.type, dark)
                options.append(
                    Option(
                        Text(f"{type_symbol(entity.type)} {TYPE_LABEL[entity.type]}", style=f"bold {colour}"),
                        disabled=True,
                    )
                )
                self._shown_entities.append(None)
            options.append(Option(entity_prompt(entity, dark)))
            self._shown_entities.append(entity)
        listing.set_options(options)
        shown = sum(1 for entity in self._shown_entities if entity is not None)
        total = len(self.entities)
        listing.border_title = f"Entities ({total})" if shown == total else f"Entities ({shown} of {total})"

    def follow_cursor(self, passage: int) -> None:
        outline = self.query_one("#outline", OptionList)
        if 0 < passage <= outline.option_count:
            outline.highlighted = passage - 1

    def show_xrefs(self, entity: EntitySummary | str, entries: list[XrefEntry]) -> None:
        listing = self.query_one("#xref", OptionList)
        self.xrefs = entries
        listing.display = True
        docs = len({e.doc for e in entries})
        if isinstance(entity, str):
            listing.border_title = plain_title(f"{entity}: {len(entries)} passages")
        else:
            symbol = type_symbol(entity.type)
            listing.border_title = plain_title(
                f"{symbol} {entity.name}: {len(entries)} passages in {docs} other documents"
            )
        listing.set_options(Option(xref_prompt(e)) for e in entries)
        if not entries:
            listing.set_options([Option(Text("Named in no other document.", style="dim"), disabled=True)])

    @on(OptionList.OptionSelected, "#outline")
    def _outline_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.PassageChosen(event.option_index + 1))

    @on(OptionList.OptionSelected, "#entities")
    def _entity_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entity = self._shown_entities[event.option_index] if event.option_index < len(self._shown_entities) else None
        if entity is not None:
            self.post_message(self.EntityChosen(entity))

    @on(OptionList.OptionSelected, "#xref")
    def _xref_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.xrefs):
            self.post_message(self.XrefChosen(self.xrefs[event.option_index]))

    @on(Input.Submitted, "#entity-filter")
    def _filter_done(self) -> None:
        self.screen.set_focus(self.query_one("#entities", OptionList))


def plain_title(text: str) -> Text:
    return Text(safe_line(text, 80))


def entity_prompt(entity: EntitySummary, dark: bool = True) -> Text:
    prompt = Text(f"{type_symbol(entity.type)} ", style=type_colour(entity.type, dark), end="")
    prompt.append(safe_line(entity.name, 40))
    prompt.append(f" ×{entity.count}", style="dim")
    return prompt


def xref_prompt(entry: XrefEntry) -> Text:
    prompt = Text(safe_line(entry.title or entry.doc, 40), style="bold", end="")
    prompt.append(f" ¶{entry.passage}", style="dim")
    prompt.append("\n" + safe_line(entry.snippet, 120))
    return prompt


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
    if passage.locator:  # a PDF's page, a book's chapter: where the passage stands in the file
        prompt.append(safe_line(passage.locator, 12) + " ", style="dim italic")
    prompt.append(head)
    return prompt
