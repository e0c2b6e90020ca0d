"""`bookmarks add|list|remove|export`: the bookmarks file from the command line, for people or as JSON."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

import tui.cli.output as output
from tui.cli.common import updated_index
from tui.cli.errors import UsageError

if TYPE_CHECKING:
    from index.notes.bookmarks import BookmarkFile, Parsed


def _bookmark_file(args: argparse.Namespace) -> BookmarkFile:
    from index.config import bookmarks_file
    from index.notes.bookmarks import BookmarkFile
    from tui.cli.common import corpus_of

    return BookmarkFile(bookmarks_file(getattr(args, "bookmarks", None), corpus=corpus_of(args)))


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
                output.text(f"bookmarked {output.safe_line(bookmark.doc)} {bookmark.where} as {bookmark.id} in ")
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
    if action == "orphans":
        return _print_orphans(args, parsed)
    bookmarks = newest_first(parsed.bookmarks)
    if action == "export":
        if args.format == "json":
            output.emit_json([b.to_json() for b in bookmarks])
        else:
            sys.stdout.write(output.safe_lines(FILE_HEADER + "\n".join(render_block(b) for b in bookmarks)))
        return 0
    if args.json:
        output.emit_json([b.to_json() for b in bookmarks])
        return 0
    console = output.stdout()
    if not bookmarks:
        console.print(output.text("no bookmarks yet in ") + output.plain(str(file.path)), style="dim")
    for bookmark in bookmarks:
        head = output.plain(f"{bookmark.id}  ", "dim") + output.plain(bookmark.title or bookmark.doc, "bold")
        head.append(f"  {output.safe_line(bookmark.doc)} {bookmark.where}  {output.safe_line(bookmark.created)}", "dim")
        console.print(head)
        console.print(output.text("  ") + output.plain(bookmark.text, "italic")[:200])
        if bookmark.note:
            console.print(output.text("  note: ") + output.plain(bookmark.note))
        if bookmark.tags:
            console.print(output.plain("  " + " ".join(f"#{t}" for t in bookmark.tags), "cyan"))
    return 0


def _print_orphans(args: argparse.Namespace, parsed: Parsed) -> int:
    from index.notes.orphans import orphans

    index, _ = updated_index(args)
    found = orphans(index, parsed.bookmarks, str(index.corpus))
    if args.json:
        output.emit_json([orphan.to_json() for orphan in found])
        return 0
    console = output.stdout()
    if not found:
        console.print(output.text("every bookmark's passage is still there"), style="dim")
    for orphan in found:
        bookmark = orphan.bookmark
        why = "document gone" if orphan.status == "no document" else "passage changed beyond recognition"
        head = output.text(f"{bookmark.id}  ", style="dim") + output.plain(
            f"{bookmark.doc} ¶{bookmark.passage}", "bold"
        )
        console.print(head + output.text(f"  orphaned: {why}", style="yellow"))
        console.print(output.text("  was: ") + output.plain(bookmark.text, "italic")[:300])
    return 0
