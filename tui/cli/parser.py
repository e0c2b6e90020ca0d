"""The command line's grammar: the reader's arguments, and one parser a subcommand, built only when asked."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from index import __version__
from index.corpus.readers import FORMATS_READ
from tui.cli.errors import UsageError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, no usage dump
        raise UsageError(f"{self.prog}: {message}")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: the bundled seeds)")
    parser.add_argument("--json", action="store_true", help="machine-readable output on stdout")


def _add_index(commands: Any) -> None:
    index = commands.add_parser("index", help="build or update the index, reporting skipped files")
    _common(index)
    index.add_argument("path", nargs="?", type=Path, help="corpus folder (the same as --corpus)")
    index.add_argument("--rebuild", action="store_true", help="throw the index away and build it anew")


def _add_search(commands: Any) -> None:
    search = commands.add_parser("search", help="search the corpus (Whoosh query language)")
    _common(search)
    search.add_argument(
        "query", help='e.g. putin AND xi, "Power of Siberia", s-400, title:alliance, published:2017..2019'
    )
    search.add_argument("--limit", type=_positive, default=20, help="at most this many hits (default 20)")
    search.add_argument("--collapse", action="store_true", help="fold near-duplicate documents under their original")


def _add_docs(commands: Any) -> None:
    _common(commands.add_parser("docs", help="list the documents and their metadata"))


def _add_entities(commands: Any) -> None:
    entities = commands.add_parser("entities", help="who and what each document names")
    _common(entities)
    entities.add_argument("doc", nargs="?", help="one document id (default: all)")


def _add_xref(commands: Any) -> None:
    xref = commands.add_parser("xref", help="every passage naming an entity, by any of its names")
    _common(xref)
    xref.add_argument("entity", help='canonical name or alias, any case: "Sergei Shoigu", shoigu, SCO')


def _add_related(commands: Any) -> None:
    related = commands.add_parser("related", help="passages elsewhere most like one passage")
    _common(related)
    related.add_argument("doc")
    related.add_argument("passage", type=_positive)
    related.add_argument("--limit", type=_positive, default=10)


def _add_citations(commands: Any) -> None:
    citations = commands.add_parser("citations", help="inline source citations, e.g. (Xinhua, March 26)")
    _common(citations)
    citations.add_argument("doc", nargs="?")


def _add_timeline(commands: Any) -> None:
    timeline = commands.add_parser("timeline", help="dated statements across the corpus, oldest first")
    _common(timeline)
    timeline.add_argument("query", nargs="?", help="only passages this query matches (default: all)")
    timeline.add_argument("--entity", help="only passages naming this entity (any of its names)")
    timeline.add_argument("--limit", type=_positive, default=None, help="at most this many items")
    timeline.add_argument("--no-published", action="store_true", help="leave out the documents' own dates")


def _add_cooccur(commands: Any) -> None:
    cooccur = commands.add_parser("cooccur", help="who appears with an entity, ranked by log-likelihood")
    _common(cooccur)
    cooccur.add_argument("name", help='canonical name or alias, any case: "Xi Jinping", putin')
    cooccur.add_argument("--limit", type=_positive, default=20, help="at most this many (default 20)")
    cooccur.add_argument("--min-shared", type=_positive, default=2, help="passages shared at least (default 2)")
    cooccur.add_argument("--with-passages", action="store_true", help="--json: list each pair's shared passages")


def _add_bookmarks(commands: Any) -> None:
    marks = commands.add_parser("bookmarks", help="add, list, remove and export bookmarks")
    marks_actions = marks.add_subparsers(dest="action", parser_class=_Parser, required=True)
    add = marks_actions.add_parser("add", help="bookmark passage PASSAGE of document DOC")
    add.add_argument("doc", help="document id, as `docs` lists it")
    add.add_argument("passage", type=_positive, help="passage number, 1..n")
    add.add_argument("--note", help="a note to keep with it")
    add.add_argument("--tag", action="append", help="a tag (repeat for more)")
    listing = marks_actions.add_parser("list", help="every bookmark of the file, newest first")
    remove = marks_actions.add_parser("remove", help="remove a bookmark by id")
    remove.add_argument("id")
    export = marks_actions.add_parser("export", help="all bookmarks as Markdown or JSON on stdout")
    export.add_argument("--format", choices=("md", "json"), default="md")
    orphaned = marks_actions.add_parser("orphans", help="bookmarks whose passage is gone, with the text they kept")
    for sub in (add, listing, remove, export, orphaned):
        _common(sub)
        sub.add_argument(
            "--bookmarks",
            type=Path,
            default=None,
            help="the bookmarks file (default: the corpus's own, in the data folder, or config.toml's bookmarks)",
        )


def _add_open(commands: Any) -> None:
    opened = commands.add_parser("open", help="open the reader at one passage: the link back bookmarks print")
    _common(opened)
    opened.add_argument("target", help="DOC#pN (passage N of document DOC), or DOC alone")
    opened.add_argument("--bookmarks", type=Path, default=None, help="the bookmarks file (default: one a corpus)")


def _add_notes(commands: Any) -> None:
    notes = commands.add_parser("notes", help="entity notes for Obsidian, Zettlr or git")
    actions = notes.add_subparsers(dest="action", parser_class=_Parser, required=True)
    export = actions.add_parser("export", help="one Markdown file per entity in FOLDER; a rerun updates only its part")
    _common(export)
    export.add_argument("folder", type=Path, help="where the notes go (e.g. a folder of your Obsidian vault)")
    export.add_argument("--bookmarks", type=Path, default=None, help="the bookmarks file (default: one a corpus)")


def _add_saved(commands: Any) -> None:
    saved = commands.add_parser("saved", help="saved searches: each with its hits and how many are new")
    _common(saved)
    actions = saved.add_subparsers(dest="action", parser_class=_Parser)
    add = actions.add_parser("add", help="keep QUERY; what matches now counts as seen")
    add.add_argument("query")
    remove = actions.add_parser("remove", help="forget a saved search")
    remove.add_argument("query")
    opened = actions.add_parser("open", help="the new passages of a saved search, which then count as seen")
    opened.add_argument("query")
    for sub in (add, remove, opened):
        _common(sub)


def _add_entity(commands: Any) -> None:
    entity = commands.add_parser("entity", help="curate entities: merge, rename, split, retype, ignore, undo")
    actions = entity.add_subparsers(dest="action", parser_class=_Parser, required=True)
    merge = actions.add_parser("merge", help="OTHER becomes one more name of NAME")
    merge.add_argument("name")
    merge.add_argument("other")
    rename = actions.add_parser("rename", help="NAME's canonical name becomes NEW (NAME stays an alias)")
    rename.add_argument("name")
    rename.add_argument("new")
    split = actions.add_parser("split", help="ALIAS is no longer a name of NAME")
    split.add_argument("name")
    split.add_argument("alias")
    retype = actions.add_parser("retype", help="NAME is of type TYPE (PERSON, ORG, PLACE, WEAPON, EVENT ...)")
    retype.add_argument("name")
    retype.add_argument("type")
    ignore = actions.add_parser("ignore", help="NAME is never an entity")
    ignore.add_argument("name")
    undo = actions.add_parser("undo", help="entities.toml back as it was before the last change")
    for sub in (merge, rename, split, retype, ignore, undo):
        _common(sub)


def _add_doctor(commands: Any) -> None:
    _common(
        commands.add_parser("doctor", help="what is installed (the entity model, or rules alone) and where data lives")
    )


_SUBPARSERS = {
    "index": _add_index,
    "search": _add_search,
    "docs": _add_docs,
    "bookmarks": _add_bookmarks,
    "entities": _add_entities,
    "xref": _add_xref,
    "related": _add_related,
    "citations": _add_citations,
    "doctor": _add_doctor,
    "timeline": _add_timeline,
    "cooccur": _add_cooccur,
    "open": _add_open,
    "notes": _add_notes,
    "saved": _add_saved,
    "entity": _add_entity,
}
SUBCOMMANDS = tuple(_SUBPARSERS)
# Where each subcommand's `cmd_NAME` lives, by group: imported only when that subcommand runs.
COMMAND_MODULES = {
    **dict.fromkeys(("index", "search", "docs"), "tui.cli.corpus_commands"),
    "bookmarks": "tui.cli.bookmark_commands",
    "doctor": "tui.cli.doctor_command",
    "open": "tui.cli.open_command",
    "notes": "tui.cli.notes_commands",
    "saved": "tui.cli.notes_commands",
    "entity": "tui.cli.curation_commands",
    **dict.fromkeys(("entities", "xref", "related", "citations"), "tui.cli.xref_commands"),
    **dict.fromkeys(("timeline", "cooccur"), "tui.cli.picture_commands"),
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `only`, just that subcommand's (~5 ms less per CLI call)."""
    parser = _Parser(
        prog="ralign-tui",
        description="A terminal reader for a collection of documents. "
        "`ralign-tui [PATH]` opens the reader on PATH (default: the bundled corpus); the subcommands answer "
        f"from the same index. Reads {FORMATS_READ}.",
        epilog=None if only else _entity_line(),
    )
    parser.add_argument("--version", action="version", version=f"ralign-tui {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, add in _SUBPARSERS.items():
        if only is None or name == only:
            add(commands)
    # Set once the subcommands exist: argparse builds their names from the usage line before it.
    parser.usage = (
        "ralign-tui [PATH] [--bookmarks FILE]   open the reader on PATH (default: the bundled corpus)\n"
        "       ralign-tui SUBCOMMAND [--json] ...   answer from the same index"
    )
    return parser


def _entity_line() -> str:
    """What --help says of entities: the model found, or rules alone with the line that installs one."""
    from index.entities.statistical import model_status  # package metadata only: spaCy is not imported

    installed, said = model_status()
    return f"Entities: rules and the statistical model {said}." if installed else f"Entities: {said}."


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def reader_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ralign-tui",
        description="Open the reader on a corpus folder (default: the bundled seeds) of "
        f"{FORMATS_READ} files. Subcommands: {', '.join(sorted(SUBCOMMANDS))} (ralign-tui SUBCOMMAND --help).",
        epilog=_entity_line(),
    )
    parser.add_argument("path", nargs="?", type=Path, help="corpus folder")
    parser.add_argument(
        "--bookmarks",
        type=Path,
        default=None,
        help="the bookmarks file (default: the corpus's own, in the data folder, or config.toml's bookmarks)",
    )
    parser.add_argument("--version", action="version", version=f"ralign-tui {__version__}")
    return parser
