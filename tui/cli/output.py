"""Terminal output for the CLI: rich on stderr for people, JSON on stdout for scripts.

Every string from a document or a file name is a rich `Text` (never markup) and already cleaned
by `index.textclean`, so nothing printed can carry an escape sequence.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from index.corpus.textclean import safe_line
from index.model import Span

if TYPE_CHECKING:  # rich is imported where it is used: `--json` output never needs it
    from rich.console import Console
    from rich.text import Text

HIGHLIGHT_STYLE = "bold black on yellow"


PIPE_WIDTH = 200  # a pipe or a file has no width: Rich's 80 columns cut titles over several lines


def _width(stream: object) -> int | None:
    """None (Rich asks the terminal) on a terminal or when COLUMNS is set; a wide page otherwise."""
    isatty = getattr(stream, "isatty", None)
    return None if "COLUMNS" in os.environ or (isatty is not None and isatty()) else PIPE_WIDTH


def stdout() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, width=_width(sys.stdout))


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, width=_width(sys.stderr))


def emit_json(value: object) -> None:
    sys.stdout.write(valid_unicode(json.dumps(value, ensure_ascii=False, indent=2)) + "\n")


def valid_unicode(text: str) -> str:
    """Text that encodes as UTF-8: a byte a file held that was not UTF-8 (kept by surrogate escapes
    when it was read) becomes U+FFFD, so what is printed is valid UTF-8 under any locale."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        return text.encode("utf-8", "replace").decode("utf-8")


def safe_lines(text: str) -> str:
    """Many lines (a Markdown export) safe for a terminal: no escape or control character, valid UTF-8."""
    from index.corpus.textclean import clean_text

    return clean_text(valid_unicode(text))


def text(words: str, style: str = "") -> Text:
    """Our own words (never a document's) as rich text."""
    from rich.text import Text

    return Text(words, style=style)


def plain(words: str, style: str = "") -> Text:
    """A document's or a file's words: cleaned to one safe line, never markup."""
    return text(safe_line(words), style)


def highlighted(text: str, spans: tuple[Span, ...] | list[Span], style: str = HIGHLIGHT_STYLE) -> Text:
    """Text with spans styled; the text is data, never parsed as markup."""
    from rich.text import Text

    out = Text(text)
    for span in spans:
        out.stylize(style, span.start, span.end)
    return out


@contextmanager
def progress_reporter(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress(done, total) callback drawing a bar on stderr once there is work to show.

    Nothing is drawn (or imported) while total is 0, so a command with nothing to index starts fast;
    the bar is quiet when stderr is not a terminal.
    """
    bar: list[Any] = []  # the rich Progress and its task, once started

    def progress(done: int, total: int) -> None:
        if not bar:
            if not total:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            console = stderr()
            started = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
                disable=not console.is_terminal,
            )
            started.start()
            bar.extend([started, started.add_task(label, total=total)])
        bar[0].update(bar[1], completed=done, total=total)

    try:
        yield progress
    finally:
        if bar:
            bar[0].stop()
