"""The CLI subcommands: each parses nothing, calls `index/`, and prints for people or as JSON.

What only one command needs (bookmarks, entity grouping, tables) is imported inside it: a
`search` process should not pay for the rest, and its start-up is most of its time.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from index import paths
from index.errors import RalignError, StoreError
from index.model import IndexReport
from index.search.results import around, collapse_duplicates, search
from index.store.corpus_index import CorpusIndex, open_index
from tui import output
from tui.errors import UsageError

if TYPE_CHECKING:
    from index.notes.bookmarks import BookmarkFile, Parsed


def corpus_of(args: argparse.Namespace) -> Path:
    corpus: Path | None = getattr(args, "corpus", None)
    given: Path | None = getattr(args, "path", None)
    if corpus and given and corpus != given:
        raise UsageError(f"ralign-tui {args.command}: two corpus folders given ({given} and --corpus {corpus})")
    return given or corpus or paths.seed_dir()


def updated_index(args: argparse.Namespace, rebuild: bool = False) -> tuple[CorpusIndex, IndexReport]:
    """The corpus's index, brought up to date first, with a progress bar on stderr.

    When another process is updating it, commands that only read go on with the index as it is.
    """
    index = open_index(corpus_of(args))
    with output.progress_reporter("indexing") as progress:
        try:
            report = index.update(progress=progress, rebuild=rebuild)
        except StoreError as exc:
            if args.command == "index" or "another ralign-tui" not in str(exc):
                raise
            output.stderr().print(output.text(f"note: {exc}; answering from the index as it is", style="yellow"))
            report = IndexReport(0, 0, 0, ())
    if report.message:
        output.stderr().print(output.text(f"note: {report.message}", style="yellow"))
    return index, report


def cmd_index(args: argparse.Namespace) -> int:
    index, report = updated_index(args, rebuild=args.rebuild)
    if args.json:
        output.emit_json(
            {
                "corpus": str(index.corpus),
                "documents": index.document_count(),
                "indexed": report.indexed,
                "removed": report.removed,
                "unchanged": report.unchanged,
                "skipped": [s._asdict() for s in report.skipped],
                "message": report.message,
            }
        )
        return 0
    console = output.stdout()
    console.print(
        output.text(
            f"{index.document_count()} documents in {output.safe_line(str(index.corpus))}: "
            f"{report.indexed} indexed, {report.removed} removed, {report.unchanged} unchanged, "
            f"{len(report.skipped)} skipped"
        )
    )
    for skipped in report.skipped:
        console.print(
            output.text("  skipped ") + output.plain(skipped.path, "bold") + output.text(f": {skipped.reason}")
        )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    index, _ = updated_index(args)
    result = search(index, args.query, limit=args.limit)
    if args.collapse:
        result = collapse_duplicates(index, result, duplicate_threshold())
    if result.error:
        raise UsageError(f"ralign-tui search: {result.error}")
    if result.note:
        output.stderr().print(output.text(f"note: {result.note}", style="yellow"))
    if not result.total and not result.complete:
        output.stderr().print(output.text("no passage read in time: the words are everywhere; add a rarer one"))
    elif not result.total:
        hint = f'; did you mean "{result.suggestion}"?' if result.suggestion else ""
        output.stderr().print(output.text(f"no matches for {args.query!r}{hint}"))
    if args.json:
        output.emit_json(
            [
                {
                    "doc": hit.doc,
                    "passage": hit.passage,
                    "score": round(hit.score, 4),
                    "title": hit.title,
                    "snippet": hit.snippet,
                    "spans": [[s.start, s.end] for s in hit.spans],
                    "doc_hits": hit.doc_hits,
                }
                for hit in result.hits
            ]
        )
        return 0
    console = output.stdout()
    if result.total:
        shown = len(result.hits)
        console.print(output.text(f"{result.total_label} match; showing {shown}", style="dim"))
    for hit in result.hits:
        head = output.plain(hit.title or hit.doc, "bold")
        head.append(
            output.text(f"  {output.safe_line(hit.doc)} ¶{hit.passage}  ({hit.doc_hits} in this document)", style="dim")
        )
        console.print(head)
        console.print(output.text("  ") + output.highlighted(hit.snippet, hit.spans))
    return 0


def duplicate_threshold() -> float:
    from index.config import load_config
    from index.xref.shingles import DEFAULT_THRESHOLD

    try:
        return load_config().near_duplicate_threshold
    except RalignError:
        return DEFAULT_THRESHOLD


def cmd_docs(args: argparse.Namespace) -> int:
    index, _ = updated_index(args)
    summaries = index.documents()
    threshold = duplicate_threshold()
    if args.json:
        output.emit_json(
            [
                {
                    "doc": s.doc,
                    "title": s.meta.title,
                    "publication": s.meta.publication,
                    "author": s.meta.author,
                    "published": s.meta.published,
                    "passages": s.passages,
                    "chars": s.chars,
                    "near_duplicates": [other for other, _ in index.near_duplicates(s.doc, threshold)],
                    **({"extra": dict(s.meta.extra)} if s.meta.extra else {}),
                }
                for s in summaries
            ]
        )
        return 0
    from rich.table import Table

    table = Table(box=None, show_edge=False, pad_edge=False)
    for column in ("doc", "title", "publication", "published", "passages", "near-duplicates"):
        table.add_column(column, justify="right" if column == "passages" else "left")
    for s in summaries:
        table.add_row(
            output.plain(s.doc),
            output.plain(s.meta.title),
            output.plain(s.meta.publication),
            output.plain(s.meta.published),
            output.text(str(s.passages)),
        )
    output.stdout().print(table)
    return 0


def _bookmark_file(args: argparse.Namespace) -> BookmarkFile:
    from index.config import bookmarks_file
    from index.notes.bookmarks import BookmarkFile

    return BookmarkFile(bookmarks_file(getattr(args, "bookmarks", None)))


def _report_broken(parsed: Parsed, file: BookmarkFile) -> None:
    for broken in parsed.broken:
        output.stderr().print(
            output.text(f"warning: {output.safe_line(str(file.path))}:{broken.line}: a bookmark block was not read: ")
            + output.text(broken.reason)
        )


def cmd_bookmarks(args: argparse.Namespace) -> int:
    from index.notes.bookmarks import FILE_HEADER, bookmark_for, newest_first, render_block

    file = _bookmark_file(args)
    action = args.action
    if action == "add":
        index, _ = updated_index(args)
        document = index.document(args.doc)
        if document is None:
            raise UsageError(f"ralign-tui bookmarks add: no document {args.doc!r} in {index.corpus}")
        if not 1 <= args.passage <= len(document.passages):
            raise UsageError(
                f"ralign-tui bookmarks add: {args.doc} has passages 1..{len(document.passages)}, not {args.passage}"
            )
        entities = index.passage_entities(document.doc, args.passage)
        bookmark = file.add(
            bookmark_for(document, args.passage, str(index.corpus), args.note or "", args.tag or [], entities=entities)
        )
        if args.json:
            output.emit_json(bookmark.to_json())
        else:
            output.stdout().print(
                output.text(f"bookmarked {output.safe_line(bookmark.doc)} ¶{bookmark.passage} as {bookmark.id} in ")
                + output.plain(str(file.path))
            )
        return 0
    if action == "remove":
        removed = file.remove(args.id)
        if args.json:
            output.emit_json(removed.to_json())
        else:
            output.stdout().print(
                output.text(f"removed {removed.id} ({output.safe_line(removed.doc)} ¶{removed.passage})")
            )
        return 0
    parsed = file.read()
    _report_broken(parsed, file)
    bookmarks = newest_first(parsed.bookmarks)
    if action == "export":
        if args.format == "json":
            output.emit_json([b.to_json() for b in bookmarks])
        else:
            sys.stdout.write(FILE_HEADER + "\n".join(render_block(b) for b in bookmarks))
        return 0
    if args.json:
        output.emit_json([b.to_json() for b in bookmarks])
        return 0
    console = output.stdout()
    if not bookmarks:
        console.print(output.text("no bookmarks yet in ") + output.plain(str(file.path)), style="dim")
    for bookmark in bookmarks:
        head = output.text(f"{bookmark.id}  ", style="dim") + output.plain(bookmark.title or bookmark.doc, "bold")
        head.append(f"  {output.safe_line(bookmark.doc)} ¶{bookmark.passage}  {bookmark.created}", style="dim")
        console.print(head)
        console.print(output.text("  ") + output.plain(bookmark.text, "italic")[:200])
        if bookmark.note:
            console.print(output.text("  note: ") + output.plain(bookmark.note))
        if bookmark.tags:
            console.print(output.text("  " + " ".join(f"#{t}" for t in bookmark.tags), style="cyan"))
    return 0


def cmd_entities(args: argparse.Namespace) -> int:
    from index.entities.summaries import group_mentions

    index, _ = updated_index(args)
    docs = [args.doc] if args.doc else [s.doc for s in index.documents()]
    if args.doc and index.document(args.doc) is None:
        raise UsageError(f"ralign-tui entities: no document {args.doc!r} in {index.corpus}")
    report = [(doc, group_mentions(index.mentions(doc=doc))) for doc in docs]
    if args.json:
        output.emit_json([{"doc": doc, "entities": [e.to_json() for e in entities]} for doc, entities in report])
        return 0
    console = output.stdout()
    for doc, entities in report:
        console.print(output.plain(doc, "bold"))
        for entity in entities:
            line = output.text(f"  {entity.type:<7} ", style="dim") + output.plain(entity.name)
            line.append(f"  ×{entity.count}", style="dim")
            console.print(line)
    return 0
    console = output.stdout()
    for entry in report:
        console.print(output.plain(str(entry["doc"]), "bold"))
        for entity in entry["entities"]:
            line = output.text(f"  {entity.type:<7} ", style="dim") + output.plain(entity.name)
            line.append(f"  ×{entity.count}", style="dim")
            console.print(line)
    return 0


def _passage_snippet(index: CorpusIndex, doc: str, passage: int, needle: str = "") -> str:
    text = index.side.passage_texts([(doc, passage)]).get((doc, passage), ("", ""))[0]
    return around(text, needle, width=160)


def cmd_xref(args: argparse.Namespace) -> int:
    index, _ = updated_index(args)
    resolved = index.resolve_entity(args.entity)
    if resolved is None:
        raise UsageError(f"ralign-tui xref: no entity {args.entity!r} is named in {index.corpus}")
    name, kind = resolved
    titles = {s.doc: s.meta.title for s in index.documents()}
    grouped: dict[str, dict[int, str]] = {}
    for row in index.mentions(name=name):
        grouped.setdefault(row.doc, {}).setdefault(row.passage, row.text)
    documents = [
        {
            "doc": doc,
            "title": titles.get(doc, ""),
            "passages": [
                {"passage": number, "snippet": _passage_snippet(index, doc, number, written)}
                for number, written in sorted(passages.items())
            ],
        }
        for doc, passages in sorted(grouped.items())
    ]
    if args.json:
        output.emit_json({"entity": name, "type": kind, "documents": documents})
        return 0
    console = output.stdout()
    console.print(output.plain(f"{name} ({kind}): {len(grouped)} documents", "bold"))
    for doc, passages in sorted(grouped.items()):
        console.print(output.plain(f"  {titles.get(doc) or doc}  ({doc})", "bold"))
        for number, written in sorted(passages.items()):
            snippet = _passage_snippet(index, doc, number, written)
            console.print(output.text(f"    ¶{number} ", style="dim") + output.plain(snippet))
    return 0


def cmd_related(args: argparse.Namespace) -> int:
    index, _ = updated_index(args)
    document = index.document(args.doc)
    if document is None:
        raise UsageError(f"ralign-tui related: no document {args.doc!r} in {index.corpus}")
    if not 1 <= args.passage <= len(document.passages):
        raise UsageError(f"ralign-tui related: {args.doc} has passages 1..{len(document.passages)}")
    found = index.related(args.doc, args.passage, limit=args.limit)
    rows = [
        {
            "doc": doc,
            "passage": number,
            "score": score,
            "reasons": reasons,
            "snippet": _passage_snippet(index, doc, number, reasons[0] if reasons else ""),
        }
        for doc, number, score, reasons in found
    ]
    if args.json:
        output.emit_json(rows)
        return 0
    console = output.stdout()
    for row in rows:
        console.print(output.plain(f"{row['doc']} ¶{row['passage']}  score {row['score']}", "bold"))
        console.print(output.text("  shared: ", style="dim") + output.plain(", ".join(row["reasons"])))  # type: ignore[arg-type]
        console.print(output.text("  ") + output.plain(str(row["snippet"])))
    return 0


def cmd_citations(args: argparse.Namespace) -> int:
    index, _ = updated_index(args)
    if args.doc and index.document(args.doc) is None:
        raise UsageError(f"ralign-tui citations: no document {args.doc!r} in {index.corpus}")
    docs = [args.doc] if args.doc else [s.doc for s in index.documents()]
    report = [(doc, index.citations(doc=doc)) for doc in docs]
    if args.json:
        output.emit_json(
            [
                {"doc": doc, "citations": [{"source": s, "date": d, "passage": p} for _, p, s, d in rows]}
                for doc, rows in report
            ]
        )
        return 0
    console = output.stdout()
    for doc, rows in report:
        console.print(output.plain(doc, "bold"))
        for _, passage, source, date in rows:
            console.print(output.text(f"  ¶{passage:<3} ", style="dim") + output.plain(f"{source}, {date}"))
    return 0
    console = output.stdout()
    for entry in report:
        console.print(output.plain(str(entry["doc"]), "bold"))
        for citation in entry["citations"]:  # type: ignore[attr-defined]
            console.print(
                output.text(f"  ¶{citation['passage']:<3} ", style="dim")
                + output.plain(f"{citation['source']}, {citation['date']}")
            )
    return 0
