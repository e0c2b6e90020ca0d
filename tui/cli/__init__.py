"""`ralign-tui`: the reader with no subcommand, or a subcommand answering from the same engine.

Progress and messages go to stderr, so `--json` on stdout stays clean for scripts.
Exit 0 on success (no hits included), 2 with one line on stderr for a bad argument or corpus.

The reader starts with garbage collection off, until the main screen has drawn its first frame. What it
pays, measured 2026-12-02 on 2 cores (shared with other work), a 2,000-document corpus already indexed,
30 interleaved pairs of pty runs: the first frame after 0.41 s, against 0.50 s with collection on
(medians; the median ratio of pairs 1.14).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from index import paths
from index.errors import RalignError, StoreError
from tui.cli.errors import UsageError
from tui.cli.parser import COMMAND_MODULES, SUBCOMMANDS, build_parser, reader_parser


def command(name: str) -> Callable[[argparse.Namespace], int]:
    """The function running subcommand `name`. Its module is imported only now: the reader draws its
    first frame sooner without any of them, and a subcommand loads only its own group."""
    found: Callable[[argparse.Namespace], int] = getattr(import_module(COMMAND_MODULES[name]), f"cmd_{name}")
    return found


def run_repairing(args: argparse.Namespace) -> int:
    """Run a subcommand; when it finds its index damaged (`index.damage`), rebuild the index and run it again."""
    from tui.cli.common import OPENED

    OPENED.clear()
    run = command(args.command)
    try:
        return int(run(args))
    except Exception as exc:
        from index.damage import damage_reason

        reason = damage_reason(exc) or (damage_reason(exc.__cause__) if exc.__cause__ else "")
        if not reason or not OPENED:
            raise
        damaged = list(OPENED)
        for index in damaged:
            index.mark_damaged(reason)
            index.close()
        OPENED.clear()
        print(f"ralign-tui: the index was damaged ({reason}); rebuilding it", file=sys.stderr)
    try:
        return int(run(args))
    except Exception as exc:
        from index.damage import damage_reason

        if not damage_reason(exc) and not (exc.__cause__ and damage_reason(exc.__cause__)):
            raise
        where = ", ".join(str(index.location) for index in damaged)
        raise StoreError(f"the index at {where} is still damaged after a rebuild; delete that folder") from None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = build_parser(only=argv[0]).parse_args(argv)
            return run_repairing(args)
        if argv and argv[0] in ("-h", "--help"):
            build_parser().print_help()
            return 0
        args = reader_parser().parse_args(argv)
        from index.corpus.scan import check_root  # imported here: a subcommand needs none of the corpus reading

        corpus = check_root(args.path or paths.seed_dir())  # a bad path is a one-line error, not a screen
        # Start-up allocates a few hundred thousand objects that live as long as the reader (modules,
        # classes, style rules); collecting among them before the first frame is wasted work (the
        # module docstring says how much). The main screen turns collection back on once it is drawn.
        gc.disable()
        from tui.app import run_reader  # the reader's imports cost ~0.4 s: only when it runs

        return run_reader(corpus, args.bookmarks)
    except RalignError as exc:
        print(f"ralign-tui: {exc}" if not isinstance(exc, UsageError) else str(exc), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ralign-tui: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
