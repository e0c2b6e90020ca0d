"""The reader's warm start against a bare Textual app, in a real pty: `python bench/start.py CORPUS [--pairs 10]`.

CORPUS must be indexed already (`ralign-tui index CORPUS`, same RALIGN_HOME). Each pair runs the
reader to the first frame whose document list is filled in (its border title, "N documents · by
title") and a bare Textual app to its first frame showing text (an input, a line of text, a
footer), one after the other, so both meet the same load of a shared machine. Prints each pair and
the medians; asserts nothing. `--before CHECKOUT` adds, to each round, the reader of another checkout
(e.g. a worktree of the commit before a change) on the same index, for before/after figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
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


def _reader_from(checkout: Path, corpus: Path) -> list[str]:
    code = f"import sys; sys.path.insert(0, {str(checkout)!r}); from tui.cli import main; sys.exit(main([{str(corpus)!r}]))"  # noqa: E501
    return [sys.executable, "-c", code]


def _line(name: str, listed: list[float], framed: list[float], bares: list[float]) -> str:
    ratios = sorted(a / b for a, b in zip(listed, bares, strict=True))
    return (
        f"{name}: list {statistics.median(listed):.3f} s  first frame {statistics.median(framed):.3f} s  "
        f"bare {statistics.median(bares):.3f} s  median ratio of pairs (list / bare) {statistics.median(ratios):.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--before", type=Path, help="another checkout whose reader runs in each round too")
    args = parser.parse_args()
    # Bytecode as an installed reader has it: with PYTHONDONTWRITEBYTECODE set, each run would compile
    # the project's ~100 modules again (~0.13 s here), a cost no user pays after the first start.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    root = Path(__file__).resolve().parent.parent
    readers = {"reader": _reader_from(root, args.corpus)}
    if args.before:
        readers["before"] = _reader_from(args.before, args.corpus)
    bare = [sys.executable, "-c", BARE_APP]
    for checkout in [root, *([args.before] if args.before else [])]:
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(checkout / "index"), str(checkout / "tui")], check=True
        )
    runs: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in readers}
    bares: list[float] = []
    for n in range(args.pairs):
        said = []
        for name, argv in readers.items():
            # The two end points of a reader are two runs: a frame seen first could hide the second.
            listed, rss = first_frame(argv, env, LIST_MARKER)
            framed, _ = first_frame(argv, env, FRAME_MARKER)
            runs[name][0].append(listed)
            runs[name][1].append(framed)
            said.append(f"{name} list {listed:.3f} s frame {framed:.3f} s RSS {rss / 1024:.0f} MB")
        shown, _ = first_frame(bare, env, b"bare text shown")
        bares.append(shown)
        print(f"round {n + 1:2}: " + "  ".join(said) + f"  bare {shown:.3f} s", flush=True)
    for name, (listed, framed) in runs.items():
        print(_line(name, listed, framed, bares))


if __name__ == "__main__":
    main()
