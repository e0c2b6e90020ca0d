"""A time axis drawn in the terminal: how many dated statements fall in each stretch of time, years
as ticks underneath, and a marker at the date of the item under the cursor."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widget import Widget

from tui.widgets.mention_spark import spark


def day_number(iso: str) -> int:
    """An ISO date of any precision as a day count (a year or month counts from its first day)."""
    parts = [int(p) for p in iso.split("-")[:3]] + [1, 1]
    try:
        return date(parts[0], parts[1], max(1, min(parts[2], 28 if parts[1] == 2 else 30))).toordinal()
    except ValueError:
        return date(parts[0], 1, 1).toordinal()


class TimeAxis(Widget):
    """Counts of dates along a time axis: bars, a line of year ticks, a ▲ under the chosen date."""

    DEFAULT_CSS = """
    TimeAxis { height: 4; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.dates: list[str] = []
        self.chosen: str | None = None

    def show(self, dates: list[str], chosen: str | None = None) -> None:
        self.dates = dates
        self.chosen = chosen
        self.refresh()

    def choose(self, chosen: str | None) -> None:
        self.chosen = chosen
        self.refresh()

    def render(self) -> Text:
        width = max(10, self.size.width)
        if not self.dates:
            return Text("No dated statements.", style="dim")
        first, last = day_number(self.dates[0]), day_number(self.dates[-1])
        span = max(1, last - first)
        counts = [0] * width
        for iso in self.dates:
            counts[min(width - 1, (day_number(iso) - first) * (width - 1) // span)] += 1
        out = Text(spark(counts, width), style="bold", end="\n")
        out.append(self._ticks(first, last, width) + "\n", style="dim")
        if self.chosen:
            at = min(width - 1, max(0, (day_number(self.chosen) - first) * (width - 1) // span))
            label = f"▲ {self.chosen}"
            out.append(
                " " * at + label if at + len(label) <= width else " " * (at - len(label) + 1) + f"{self.chosen} ▲"
            )
        return out

    @staticmethod
    def _ticks(first: int, last: int, width: int) -> str:
        """Year labels where there is room: every year, or every 2, 5, 10 ... years."""
        start, end = date.fromordinal(first).year, date.fromordinal(last).year
        span = max(1, last - first)
        line = [" "] * width
        for step in (1, 2, 5, 10, 20, 50, 100):
            if (end - start) // step * 6 <= width:
                break
        for year in range(start - start % step, end + 1, step):
            at = (date(year, 1, 1).toordinal() - first) * (width - 1) // span
            label = str(year)
            if at < 0 or at + len(label) > width or any(c != " " for c in line[max(0, at - 1) : at + len(label) + 1]):
                continue
            line[at : at + len(label)] = label
        return "".join(line)
