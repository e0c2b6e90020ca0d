"""The dialog `c` opens on an entity: merge it with another, rename it, split an alias off, retype
it or ignore it. Choose with a key (or Enter on a line); Enter in the box applies; Escape cancels."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from index.corpus.textclean import safe_line
from index.model import ENTITY_TYPES

# verb, key, label, what the box asks for ("" when the verb needs nothing more)
VERBS = [
    ("merge", "m", "Merge: another entity becomes a name of this one", "the other entity's name"),
    ("rename", "r", "Rename: a new canonical name (the old stays an alias)", "the new name"),
    ("split", "s", "Split an alias off: that name no longer means this entity", "the alias"),
    ("retype", "t", "Retype", f"the type: {' '.join(ENTITY_TYPES)}"),
    ("ignore", "i", "Ignore: never an entity", ""),
]


class CurateDialog(ModalScreen[tuple[str, str] | None]):
    """Returns (verb, argument), or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="curate.cancel"),
        *[Binding(key, f"choose('{verb}')", verb.capitalize(), id=f"curate.{verb}") for verb, key, _, _ in VERBS],
    ]
    DEFAULT_CSS = """
    CurateDialog { align: center middle; }
    CurateDialog > Vertical {
        width: 80%; max-width: 90; height: auto; padding: 1 2;
        border: thick $accent; background: $surface;
    }
    CurateDialog OptionList { height: auto; max-height: 8; }
    CurateDialog Label { margin: 1 0 0 0; color: $text-muted; }
    """

    def __init__(self, name: str, kind: str, aliases: list[str]) -> None:
        super().__init__()
        self.entity_name = name
        self.kind = kind
        self.aliases = aliases
        self.verb = ""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = Text(f"{safe_line(self.entity_name, 50)} ({self.kind})")
            if self.aliases:
                yield Label(Text("Also written: " + ", ".join(safe_line(a, 40) for a in self.aliases[:8])))
            yield OptionList(*[Option(Text(f"{key}  {label}")) for _, key, label, _ in VERBS], id="curate-verbs")
            yield Input(id="curate-value", placeholder="choose what to do first")
            yield Label(Text("Written to entities.toml · ctrl+z in the reader undoes · Escape cancels"))

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#curate-verbs", OptionList))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # in the box, letters are letters
        return not (action == "choose" and self.query_one("#curate-value", Input).has_focus)

    @on(OptionList.OptionSelected, "#curate-verbs")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.action_choose(VERBS[event.option_index][0])

    def action_choose(self, verb: str) -> None:
        self.verb = verb
        asks = next(ask for v, _, _, ask in VERBS if v == verb)
        if not asks:
            self.dismiss((verb, ""))
            return
        box = self.query_one("#curate-value", Input)
        box.placeholder = f"{verb}: {asks}"
        if verb == "split" and self.aliases:
            box.value = self.aliases[0]
        self.set_focus(box)

    @on(Input.Submitted, "#curate-value")
    def _apply(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if self.verb and value:
            self.dismiss((self.verb, value))

    def action_cancel(self) -> None:
        self.dismiss(None)
