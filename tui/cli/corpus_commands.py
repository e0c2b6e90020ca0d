"""The subcommands about the corpus as a whole: `index`, `search` and `docs`, for people or as JSON.

What only one command needs (tables) is imported inside it: a `search` process should not pay for
the rest, and its start-up is most of its time.
"""

from __future__ import annotations

import argparse

import tui.cli.output as output
from index.search.results import collapse_duplicates, search
from tui.cli.common import duplicate_threshold, filled_entities, updated_index
from tui.cli.errors import UsageError


def cmd_index(args: argparse.Namespace) -> int:
    index, report = updated_index(args, rebuild=args.rebuild)
    entities = filled_entities(index)
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
                "entities": {"model": entities.model, "done": entities.done, "total": entities.total},
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
    said = f"entities with {entities.model}: {entities.done} of {entities.total}" if entities.model else entities.note
    console.print(output.text(said, style="dim"))
    for skipped in report.skipped:
        console.print(
            output.text("  skipped ") + output.plain(skipped.path, "bold") + output.text(f": {skipped.reason}")
        )
    return 0


PARTIAL_AND_EMPTY = 3  # the exit status of a search whose time ran out before it found anything


def cmd_search(args: argparse.Namespace) -> int:
    index, _ = updated_index(args)
    result = search(index, args.query, limit=args.limit)
    if args.collapse:
        result = collapse_duplicates(index, result, duplicate_threshold())
    if result.error:
        raise UsageError(f"ralign-tui search: {result.error}")
    # Partial: a time budget ran out (the note says which), or no passage could be read in time.
    partial = bool(result.note) or (not result.total and not result.complete)
    if result.note:
        output.stderr().print(output.text(f"note: {result.note}", style="yellow"))
    if not result.total and not result.complete:
        output.stderr().print(output.text("no passage read in time: the words are everywhere; add a rarer one"))
    elif not result.total:
        hint = f'; did you mean "{result.suggestion}"?' if result.suggestion else ""
        output.stderr().print(output.text(f"no matches for {args.query!r}{hint}"))
    if args.json:
        from index.search.why import explain  # only the hits shown, only for --json

        whys = explain(index, args.query, result.hits)
        output.emit_json(
            [
                {
                    "doc": hit.doc,
                    "passage": hit.passage,
                    **({"locator": hit.locator} if hit.locator else {}),
                    "score": round(hit.score, 4),
                    "title": hit.title,
                    "snippet": hit.snippet,
                    "spans": [[s.start, s.end] for s in hit.spans],
                    "doc_hits": hit.doc_hits,
                    "partial": partial,  # a time budget ran out: these are the hits found by then
                    "why": why.to_json() if why else None,
                }
                for hit, why in zip(result.hits, whys, strict=True)
            ]
        )
        return PARTIAL_AND_EMPTY if partial and not result.hits else 0
    console = output.stdout()
    if result.total:
        shown = len(result.hits)
        console.print(output.text(f"{result.total_label} match; showing {shown}", style="dim"))
    for hit in result.hits:
        head = output.plain(hit.title or hit.doc, "bold")
        head.append(
            output.text(
                f"  {output.safe_line(hit.doc)} ¶{hit.passage}{where(hit.locator)}  ({hit.doc_hits} in this document)",
                style="dim",
            )
        )
        console.print(head)
        console.print(output.text("  ") + output.highlighted(hit.snippet, hit.spans))
    return PARTIAL_AND_EMPTY if partial and not result.hits else 0


def where(locator: str) -> str:
    """ ", p. 12" after a passage's number, when the passage knows where it stands in its file."""
    return f", {output.safe_line(locator)}" if locator else ""


def cmd_docs(args: argparse.Namespace) -> int:
    index, report = updated_index(args)
    # Files that were not read, each with its reason, after the documents (hidden files left out).
    unread = [s for s in report.skipped if s.reason != "hidden"]
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
            + [{"doc": s.path, "title": "", "passages": 0, "skipped": s.reason} for s in unread]
        )
        return 0
    from rich.table import Table

    table = Table(box=None, show_edge=False, pad_edge=False)
    for column in ("doc", "title", "publication", "published", "passages", "duplicates"):
        ids = column in ("doc", "duplicates")  # an id (near-duplicates: as --json) is folded, never cut short
        table.add_column(
            column, justify="right" if column == "passages" else "left", overflow="fold" if ids else "ellipsis"
        )
    for s in summaries:
        table.add_row(
            output.plain(s.doc),
            output.plain(s.meta.title),
            output.plain(s.meta.publication),
            output.plain(s.meta.published),
            output.text(str(s.passages)),
            output.plain(", ".join(other for other, _ in index.near_duplicates(s.doc, threshold))),  # as --json
        )
    output.stdout().print(table)
    for skipped in unread:
        output.stdout().print(
            output.text("skipped ", style="dim")
            + output.plain(skipped.path, "bold")
            + output.text(f": {skipped.reason}")
        )
    return 0
