"""Names that tie the notes together: an entity's note file name and its `[[wikilink]]`, and the
link back to a passage (`DOC#p12`, and the `ralign-tui open` command printed in bookmark blocks).

One file-name rule serves the bookmarks file's links and `notes export`'s files, so every link
written resolves to a file written.
"""

from __future__ import annotations

import re
import shlex

from index.corpus.textclean import safe_line

# Characters Obsidian refuses in a link target or a file name (and `/`, a folder), plus controls.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f#^\[\]|\\/:*?"<>]+')
MAX_NAME = 120


def note_name(entity: str) -> str:
    """The file stem of an entity's note: its name with unsafe characters made `-`, never empty."""
    cleaned = " ".join(_UNSAFE.sub("-", safe_line(entity)).split()).strip(" .-")[:MAX_NAME].rstrip(" .")
    return cleaned or "entity"


def wikilink(entity: str) -> str:
    """`[[Name]]`, or `[[file|Name]]` when the name needs a safer file name."""
    target = note_name(entity)
    shown = " ".join(safe_line(entity).replace("]", ")").replace("[", "(").replace("|", "/").split())
    return f"[[{target}]]" if shown == target else f"[[{target}|{shown}]]"


def passage_target(doc: str, passage: int) -> str:
    """`DOC#p12`: one passage of one document, as `ralign-tui open` takes it."""
    return f"{doc}#p{passage}"


_TARGET = re.compile(r"^(?P<doc>.+)#p(?P<passage>[1-9][0-9]*)$")


def parse_target(target: str) -> tuple[str, int | None]:
    """(doc, passage) from `DOC#p12`; a target without `#pN` is the document's start (None)."""
    match = _TARGET.match(target)
    if match is None:
        return target, None
    return match.group("doc"), int(match.group("passage"))


def open_command(corpus: str, doc: str, passage: int) -> str:
    """The shell command that reopens the reader at that passage."""
    parts = ["ralign-tui", "open"]
    if corpus:
        parts += ["--corpus", corpus]
    parts.append(passage_target(doc, passage))
    return " ".join(shlex.quote(part) for part in parts)
