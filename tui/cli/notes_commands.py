"""`notes export DIR`: one Markdown note per entity, written or updated in its generated region."""

from __future__ import annotations

import argparse

import tui.cli.output as output
from tui.cli.common import corpus_of, filled_entities, updated_index


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
