"""`open DOC#pN`: the reader opened at one passage, the link back a bookmark block prints.

With `--json` it prints what it would open (document, passage, its text) and starts no reader,
so a script can check that a link still leads where it should.
"""

from __future__ import annotations

import argparse

import tui.cli.output as output
from tui.cli.common import corpus_of, updated_index
from tui.cli.errors import UsageError


def cmd_open(args: argparse.Namespace) -> int:
    from index.corpus.scan import check_root
    from index.notes.links import parse_target

    doc, passage = parse_target(args.target)
    corpus = check_root(corpus_of(args))
    # Checked before the reader starts, so a wrong target is a message and status 2, not an empty pane.
    index, _ = updated_index(args)
    document = index.document(doc)
    if document is None:
        raise UsageError(f"ralign-tui open: no document {doc!r} in {index.corpus}")
    number = passage or 1
    if not 1 <= number <= len(document.passages):
        raise UsageError(f"ralign-tui open: {doc} has passages 1..{len(document.passages)}, not {number}")
    if args.json:
        text = document.passage_text(document.passages[number - 1])
        output.emit_json({"doc": doc, "passage": number, "title": document.meta.title, "text": text})
        return 0
    index.close()
    from tui.app import run_reader

    return run_reader(corpus, args.bookmarks, start=(doc, passage))
