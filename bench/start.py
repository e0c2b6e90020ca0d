"""The reader's warm start against a bare Textual app, in a real pty: `python bench/start.py CORPUS [--pairs 10]`.

CORPUS must be indexed already (`ralign-tui index CORPUS`, same RALIGN_HOME). Each pair runs the
reader to the first frame whose document list is filled in (its border title, "N documents · by
title") and a bare Textual app to its first frame showing text (an input, a line of text, a
footer), one after the other, so both meet the same load of a shared machine. Prints each pair and
the medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import first_frame

BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Input, Static
class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]
    def compose(self):
        yield Input()
        yield Static("bare text shown")
        yield Footer()
Bare().run()
"""
LIST_MARKER = b"documents \xc2\xb7 by"  # the document list's border title, drawn once the list is filled
FRAME_MARKER = b"palette"  # the footer: in the first frame of both apps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--pairs", type=int, default=10)
    args = parser.parse_args()
    env = dict(os.environ)
    reader = [sys.executable, "-m", "tui", str(args.corpus)]
    bare = [sys.executable, "-c", BARE_APP]
    lists, frames, bares = [], [], []
    for n in range(args.pairs):
        # The two end points of the reader are two runs: a frame seen first could hide the second.
        listed, rss = first_frame(reader, env, LIST_MARKER)
        framed, _ = first_frame(reader, env, FRAME_MARKER)
        shown, _ = first_frame(bare, env, b"bare text shown")
        lists.append(listed)
        frames.append(framed)
        bares.append(shown)
        print(
            f"pair {n + 1:2}: reader list {listed:.3f} s  first frame {framed:.3f} s  bare {shown:.3f} s  "
            f"ratio {listed / shown:.2f}x  RSS {rss / 1024:.0f} MB",
            flush=True,
        )
    ratios = sorted(a / b for a, b in zip(lists, bares, strict=True))
    listed, shown = statistics.median(lists), statistics.median(bares)
    print(
        f"medians: reader list {listed:.3f} s  first frame {statistics.median(frames):.3f} s  bare {shown:.3f} s  "
        f"ratio of medians {listed / shown:.2f}x  median ratio of pairs {statistics.median(ratios):.2f}x"
    )


if __name__ == "__main__":
    main()
