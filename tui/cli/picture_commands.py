"""The subcommands that answer with pictures of the corpus, as tables or JSON: `timeline`, `cooccur`.

The core answers (`index.views`); a table for people, `--json` for scripts.
"""

from __future__ import annotations

import argparse

import tui.cli.output as output
from tui.cli.common import filled_entities, updated_index
from tui.cli.errors import UsageError


def cmd_timeline(args: argparse.Namespace) -> int:
    from index.views.timeline import timeline

    index, _ = updated_index(args)
    filled_entities(index)  # the model's dates too, where one is installed
    entity = None
    if args.entity:
        resolved = index.resolve_entity(args.entity)
        if resolved is None:
            raise UsageError(f"ralign-tui timeline: no entity {args.entity!r} is named in {index.corpus}")
        entity = resolved[0]
    try:
        items = timeline(index, args.query or "", entity, published=not args.no_published)
    except ValueError as exc:
        raise UsageError(f"ralign-tui timeline: {exc}") from None
    items = items[: args.limit] if args.limit else items
    if args.json:
        output.emit_json([item.to_json() for item in items])
        return 0
    from rich.table import Table

    table = Table(box=None, show_edge=False, pad_edge=False)
    for column in ("date", "doc", "¶", "sentence"):
        table.add_column(column, no_wrap=column != "sentence", justify="right" if column == "¶" else "left")
    for item in items:
        said = output.plain(item.sentence)
        if item.written:
            at = item.sentence.find(item.written)
            if at >= 0:
                said.stylize("bold", at, at + len(item.written))
        else:
            said = output.text("published: ", style="dim") + said
        date = output.text(item.date + ("*" if item.implicit else ""), style="bold")
        table.add_row(date, output.plain(item.doc), output.text(str(item.passage)), said)
    console = output.stdout()
    console.print(table)
    console.print(output.text(f"{len(items)} dated statements; * the year is the document's", style="dim"))
    return 0


def cmd_cooccur(args: argparse.Namespace) -> int:
    from index.views.cooccur import cooccurrence, shared_passages

    index, _ = updated_index(args)
    filled_entities(index)
    resolved = index.resolve_entity(args.name)
    if resolved is None:
        raise UsageError(f"ralign-tui cooccur: no entity {args.name!r} is named in {index.corpus}")
    found = cooccurrence(index.side, resolved[0], limit=args.limit, min_shared=args.min_shared)
    with_passages = args.with_passages
    if args.json:
        neighbours = []
        for n in found.neighbours:
            row = n.to_json()
            if with_passages:
                row["shared_passages"] = [
                    {"doc": d, "passage": p} for d, p in shared_passages(index.side, found.name, n.name)
                ]
            neighbours.append(row)
        output.emit_json(
            {
                "entity": found.name,
                "type": found.type or resolved[1],
                "passages": found.passages,
                "corpus_passages": found.total,
                "measure": "log-likelihood ratio (G²)",
                "neighbours": neighbours,
            }
        )
        return 0
    from rich.table import Table

    console = output.stdout()
    console.print(
        output.plain(
            f"{found.name} ({found.type or resolved[1]}): named in {found.passages} of {found.total} passages", "bold"
        )
    )
    table = Table(box=None, show_edge=False, pad_edge=False)
    for column in ("entity", "type", "shared", "named in", "G²"):
        table.add_column(column, justify="left" if column in ("entity", "type") else "right")
    for n in found.neighbours:
        table.add_row(
            output.plain(n.name), output.text(n.type, style="dim"), str(n.shared), str(n.passages), f"{n.score:.1f}"
        )
    console.print(table)
    return 0
