"""`entity merge|rename|split|retype|ignore|undo`: curating entities from the command line, the same
edits of entities.toml the reader's entity view makes."""

from __future__ import annotations

import argparse

import tui.cli.output as output
from tui.cli.common import updated_index
from tui.cli.errors import UsageError


def cmd_entity(args: argparse.Namespace) -> int:
    from index.entities import curation
    from index.entities.gazetteer import user_file
    from index.entities.user_edits import CurationError

    action = args.action
    try:
        if action == "undo":
            done = curation.undo()
            if not done:
                raise UsageError("ralign-tui entity undo: nothing to undo")
        elif action == "ignore":
            curation.ignore(args.name)
        else:
            index, _ = updated_index(args)
            found = index.resolve_entity(args.name)
            if found is None:
                raise UsageError(f"ralign-tui entity {action}: no entity {args.name!r} in {index.corpus}")
            if action == "merge":
                other = index.resolve_entity(args.other)
                if other is None:
                    raise UsageError(f"ralign-tui entity merge: no entity {args.other!r} in {index.corpus}")
                curation.merge(found, other)
            elif action == "rename":
                curation.rename(found, args.new)
            elif action == "split":
                curation.split(found, args.alias)
            elif action == "retype":
                curation.retype(found, args.type.upper())
    except (CurationError, ValueError) as exc:
        raise UsageError(f"ralign-tui entity {action}: {exc}") from None
    path = str(user_file())
    if args.json:
        output.emit_json({"action": action, "entities_toml": path})
    else:
        output.stdout().print(output.text(f"{action}: written to ") + output.plain(path))
        output.stderr().print(output.text("note: the index re-reads the corpus with these names when next opened"))
    return 0
