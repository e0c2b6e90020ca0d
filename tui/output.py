"""Terminal output for the CLI: rich on stderr for people, JSON on stdout for scripts.

Every string from a document or a file name is a rich `Text` (never markup) and already cleaned
by `index.textclean`, so nothing printed can carry an escape sequence.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from index.model import Span
from index.textclean import safe_line

HIGHLIGHT_STYLE = "bold black on yellow"


def stdout() -> Console:
    return Console(highlight=False, soft_wrap=False)


def stderr() -> Console:
    return Console(stderr=True, highlight=False)


def emit_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def plain(text: str, style: str = "") -> Text:
    return Text(safe_line(text), style=style)


def highlighted(text: str, spans: tuple[Span, ...] | list[Span], style: str = HIGHLIGHT_STYLE) -> Text:
    """Text with spans styled; the text is data, never parsed as markup."""
    out = Text(text)
    for span in spans:
        out.stylize(style, span.start, span.end)
    return out


@contextmanager
def progress_bar(label: str) -> Iterator[Progress]:
    """A progress bar on stderr; quiet when stderr is not a terminal."""
    console = stderr()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        yield bar
