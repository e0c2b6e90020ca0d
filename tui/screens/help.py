"""Help: what the reader is for, and a key table generated from the live bindings (never hand-kept)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

CONCEPTS = """\
# ralign-tui

A reader for a collection of documents. Type to **search** (`/`), open a **result** with Enter,
read with the **passage cursor** (the bar in the left margin): copying, bookmarking and related
passages act on the passage under it.

**Queries** use the Whoosh language: bare words must all appear (`putin xi`), `OR`, `NOT`,
`"a phrase"`, `prefix*`, `fuzzy~`, fields such as `title:alliance`, `publication:"eurasia daily monitor"`,
`author:blank`, `published:2016*`, and entities by any of their names: `entity:"Sergei Shoigu"`,
`person:putin AND weapon:s-400`, `org:sco` (also `place:`, `event:`, `money:`, `date:`).
Designators match however they are written: `S-400`, `s400`, `s 400`.

**The side panel** lists the document's entities by type (◆ people, ■ organisations, ▲ places,
✚ weapons systems, ● events, $ money, ◷ dates); Enter on one highlights it and lists where else it
appears. Below: near-duplicates (`=` compares them) and the sources the text cites. `r` lists
passages elsewhere like the one under the cursor. `b` keeps a passage in your Markdown bookmarks.

Keys can be remapped in `config.toml` under `[keys]`, by the ids below, e.g. `"hit.next" = "ctrl+n"`.
"""

PICTURES = """\
## Pictures

`T` opens the **timeline**: dated statements on a time axis, of the current search and the entity
chosen in the panel (`a` there shows all). `W`: **who appears with** the chosen entity, ranked by
log-likelihood; Enter on one lists the passages they share, Enter again opens one. `w` on a hit
says **why it matched**; `y` turns on a line under the results saying it for the highlighted hit.
Choosing an entity draws its mentions across the documents in the panel. Also in the palette
(ctrl+p), as `view: …`.
"""


def key_table(sources: Iterable[tuple[str, list[Binding]]], display: dict[str, str]) -> str:
    rows = ["| where | keys | what | id |", "|---|---|---|---|"]
    for where, bindings in sources:
        for binding in bindings:
            if not binding.id:
                continue
            keys = display.get(binding.id) or binding.key
            rows.append(f"| {where} | `{keys}` | {binding.description} | `{binding.id}` |")
    return "\n".join(rows)


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 110; height: 90%; border: thick $primary; background: $surface;
    }
    """

    def __init__(self, table: str) -> None:
        super().__init__()
        self.table = table

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            from textual.widgets import Markdown  # its parser costs ~60 ms: paid when help opens, not at start

            yield Markdown(CONCEPTS + "\n## Keys\n\n" + self.table + "\n\n" + PICTURES)

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
