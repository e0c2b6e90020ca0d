"""What every subcommand starts with: the corpus asked for, its index brought up to date, settings."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

import tui.cli.output as output
from index import paths
from index.errors import RalignError, StoreError
from index.model import IndexReport
from index.store.corpus_index import CorpusIndex, open_index
from tui.cli.errors import UsageError

if TYPE_CHECKING:
    from index.store.entity_pass import EntityPassReport


def corpus_of(args: argparse.Namespace) -> Path:
    corpus: Path | None = getattr(args, "corpus", None)
    given: Path | None = getattr(args, "path", None)
    if corpus and given and corpus != given:
        raise UsageError(f"ralign-tui {args.command}: two corpus folders given ({given} and --corpus {corpus})")
    return given or corpus or paths.seed_dir()


OPENED: list[CorpusIndex] = []  # the indexes this command opened: a damaged one is marked for rebuilding


# Commands that report on the folder itself check every file; the others let a recent full check
# stand in when no folder changed (`index.store.freshness`), instead of a stat of every file per call.
FULL_CHECK_COMMANDS = frozenset({"index", "docs"})


def updated_index(args: argparse.Namespace, rebuild: bool = False) -> tuple[CorpusIndex, IndexReport]:
    """The corpus's index, brought up to date first, with a progress bar on stderr.

    When another process is updating it, commands that only read go on with the index as it is.
    """
    full = args.command in FULL_CHECK_COMMANDS
    index = open_index(corpus_of(args))
    OPENED.append(index)
    with output.progress_reporter("indexing") as progress:
        try:
            report = index.update(progress=progress, rebuild=rebuild, full=full)
        except StoreError as exc:
            if args.command == "index" or "another ralign-tui" not in str(exc):
                raise
            output.stderr().print(output.text(f"note: {exc}; answering from the index as it is", style="yellow"))
            report = IndexReport(0, 0, 0, ())
    if report.message:
        output.stderr().print(output.text(f"note: {report.message}", style="yellow"))
    return index, report


def filled_entities(index: CorpusIndex) -> EntityPassReport:
    """The entity pass run to its end (the statistical model's entities), with a progress bar on stderr;
    without a model, the rules' entities stand and a note says how to install one."""
    from index.store.entity_pass import run_entity_pass

    with output.progress_reporter("entities (model)") as progress:
        try:
            report = run_entity_pass(index, progress=progress)
        except StoreError as exc:
            if "another ralign-tui" not in str(exc):
                raise
            output.stderr().print(output.text(f"note: {exc}; answering with the entities as they are", style="yellow"))
            from index.store.entity_pass import entity_progress

            report = entity_progress(index)
    if not report.model:
        output.stderr().print(output.text(f"note: {report.note}", style="yellow"))
    if report.resumed:
        output.stderr().print(output.text(f"note: {report.resumed}", style="yellow"))
    return report


def duplicate_threshold() -> float:
    from index.config import load_config
    from index.xref.shingles import DEFAULT_THRESHOLD

    try:
        return load_config().near_duplicate_threshold
    except RalignError:
        return DEFAULT_THRESHOLD
