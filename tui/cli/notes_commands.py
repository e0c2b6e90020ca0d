"""`notes export DIR`: one Markdown note per entity, written or updated in its generated region;
`saved`: saved searches and how many of their passages are new."""

from __future__ import annotations

import argparse

import tui.cli.output as output
from tui.cli.common import corpus_of, filled_entities, updated_index
from tui.cli.errors import UsageError


def cmd_notes(args: argparse.Namespace) -> int:
    from index.config import bookmarks_file
    from index.notes.bookmarks import BookmarkFile
    from index.notes.entity_notes import EntityNote, entity_notes, named_in_bookmarks
    from index.notes.note_files import export_notes

    index, _ = updated_index(args)
    filled_entities(index)
    corpus = str(index.corpus)
    marks = [
        b
        for b in BookmarkFile(bookmarks_file(args.bookmarks, corpus=corpus_of(args))).bookmarks()
        if not b.corpus or b.corpus == corpus
    ]
    notes = entity_notes(index, marks)
    # A bookmark's [[link]] must lead somewhere even when the corpus stopped naming that entity.
    missing = named_in_bookmarks(marks) - {note.name for note in notes}
    notes += [
        EntityNote(name, "", (), 0, (), (), tuple(b for b in marks if name in b.entities)) for name in sorted(missing)
    ]
    report = export_notes(args.folder, notes, corpus)
    if args.json:
        output.emit_json(
            {
                "folder": str(args.folder),
                "written": report.written,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "files": list(report.files),
            }
        )
        return 0
    output.stdout().print(
        output.text(
            f"{len(report.files)} entity notes in "
            + output.safe_line(str(args.folder))
            + f": {report.written} new, {report.updated} updated, {report.unchanged} unchanged"
        )
    )
    return 0


def cmd_saved(args: argparse.Namespace) -> int:
    from index.notes import saved_searches

    index, _ = updated_index(args)
    action = args.action
    if action == "add":
        try:
            saved = saved_searches.add(index, args.query)
        except ValueError as exc:
            raise UsageError(f"ralign-tui saved add: {exc}") from None
        found = saved_searches.status(index, saved)
        if args.json:
            output.emit_json(found.to_json())
        else:
            output.stdout().print(
                output.text("saved ") + output.plain(saved.query) + output.text(f" ({found.total} hits)")
            )
        return 0
    if action == "remove":
        if not saved_searches.remove(index.corpus, args.query):
            raise UsageError(f"ralign-tui saved remove: no saved search {args.query!r}")
        if args.json:
            output.emit_json({"removed": args.query})
        return 0
    if action == "open":
        wanted = [s for s in saved_searches.load(index.corpus) if s.query == args.query]
        if not wanted:
            raise UsageError(f"ralign-tui saved open: no saved search {args.query!r}")
        found = saved_searches.status(index, wanted[0])
        saved_searches.mark_opened(index, args.query)
        if args.json:
            output.emit_json(found.to_json())
            return 0
        for doc, passage in found.new:
            output.stdout().print(output.plain(f"{doc} ¶{passage}"))
        return 0
    report = saved_searches.statuses(index)
    if args.json:
        output.emit_json([entry.to_json() for entry in report])
        return 0
    console = output.stdout()
    if not report:
        console.print(output.text("no saved searches yet: ralign-tui saved add QUERY"), style="dim")
    for entry in report:
        line = output.plain(entry.search.query, "bold") + output.text(f"  {entry.total} hits")
        if entry.new:
            line.append(f"  {len(entry.new)} new", style="green")
        console.print(line)
    return 0
