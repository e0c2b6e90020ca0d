"""A sparkline of an entity's mentions across the corpus: one bar a document (and a row a year where
documents are dated), so a cluster shows at a glance. Reusable: `show(spread)` from any screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widget import Widget

from index.corpus.textclean import safe_line

if TYPE_CHECKING:  # the reader's first frame does not wait for the views' modules
    from index.views.spread import Spread

BARS = " ▁▂▃▄▅▆▇█"


def spark(values: list[int] | tuple[int, ...], width: int) -> str:
    """values as one bar a value, fitted into width (neighbours summed when there are more); a value
    above 0 never draws as blank."""
    if width <= 0 or not values:
        return ""
    if len(values) > width:
        size = len(values) / width
        values = [sum(values[int(i * size) : int((i + 1) * size)]) for i in range(width)]
    top = max(values) or 1
    wide = max(1, min(3, width // len(values)))  # few values: each bar a little wider, easier to see
    bars = (BARS[0] if not v else BARS[max(1, round(v / top * (len(BARS) - 1)))] for v in values)
    return "".join(wide * bar for bar in bars)


class MentionSpark(Widget):
    """Mentions of one entity per document (and per year); blank until shown."""

    DEFAULT_CSS = """
    MentionSpark { height: auto; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.spread: Spread | None = None

    def show(self, spread: Spread | None) -> None:
        self.spread = spread
        self.display = spread is not None
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return 0 if self.spread is None else (3 if self.spread.years else 2)

    def render(self) -> Text:
        found = self.spread
        if found is None:
            return Text("")
        width = max(4, self.size.width)
        out = Text(safe_line(found.name, max(4, width - 16)), style="bold", end="")
        out.append(f" {found.total} in {found.documents}/{len(found.docs)} docs", style="dim")
        out.append("\n")
        out.append("docs ", style="dim")
        out.append(spark(found.per_doc, width - 5), style="bold")
        if found.years:
            first, last = str(found.years[0]), str(found.years[-1])
            room = width - len(first) - len(last) - 2
            out.append("\n" + first + " ", style="dim")
            out.append(spark(found.per_year, max(1, room)), style="bold")
            out.append(" " + last, style="dim")
        return out
