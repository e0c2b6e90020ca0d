"""The subcommands about what documents name and cite: `entities`, `xref`, `related`, `citations`.

Each list is the core's answer (`index.xref`), printed for people or as JSON.
"""

from __future__ import annotations

import argparse

import tui.cli.output as output
from index.model import XrefEntry
from tui.cli.common import filled_entities, updated_index
from tui.cli.errors import UsageError

SNIPPET_WIDTH = 160  # characters of a passage a line of `xref` or `related` shows


def cmd_entities(args: argparse.Namespace) -> int:
    from index.entities.summaries import group_mentions

    index, _ = updated_index(args)
    docs = [args.doc] if args.doc else [s.doc for s in index.documents()]
    if args.doc and index.document(args.doc) is None:
        raise UsageError(f"ralign-tui entities: no document {args.doc!r} in {index.corpus}")
    filled_entities(index)  # the finished extraction: the model's entities too, where one is installed
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


def cmd_xref(args: argparse.Namespace) -> int:
    from index.xref.entity_refs import entity_refs

    index, _ = updated_index(args)
    resolved = index.resolve_entity(args.entity)
    if resolved is None:
        raise UsageError(f"ralign-tui xref: no entity {args.entity!r} is named in {index.corpus}")
    name, kind = resolved
    by_doc: dict[str, list[XrefEntry]] = {}
    for entry in entity_refs(index, name, width=SNIPPET_WIDTH):
        by_doc.setdefault(entry.doc, []).append(entry)
    if args.json:
        documents = [
            {
                "doc": doc,
                "title": entries[0].title,
                "passages": [{"passage": e.passage, "snippet": e.snippet} for e in entries],
            }
            for doc, entries in by_doc.items()
        ]
        output.emit_json({"entity": name, "type": kind, "documents": documents})
        return 0
    console = output.stdout()
    console.print(output.plain(f"{name} ({kind}): {len(by_doc)} documents", "bold"))
    for doc, entries in by_doc.items():
        console.print(output.plain(f"  {entries[0].title or doc}  ({doc})", "bold"))
        for entry in entries:
            console.print(output.text(f"    ¶{entry.passage} ", style="dim") + output.plain(entry.snippet))
    return 0


def cmd_related(args: argparse.Namespace) -> int:
    from index.xref.passage_refs import passage_snippet

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
            "snippet": passage_snippet(index, doc, number, reasons[0] if reasons else "", width=SNIPPET_WIDTH),
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
