"""`notes export DIR`: one Markdown file per entity, for Obsidian, Zettlr or plain git.

Each file has YAML front matter (type, aliases, documents) and a generated region between
`<!-- ralign:begin -->` and `<!-- ralign:end -->`. Exporting again replaces only that region and
the front matter's own keys: whatever a person wrote above, below or in their own keys stays.
A file whose markers were deleted gets a new region at its end, never a rewrite.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from index import safe_write
from index.corpus.textclean import safe_line
from index.notes import front_matter
from index.notes.entity_notes import EntityNote
from index.notes.links import note_name, open_command, wikilink

BEGIN = "<!-- ralign:begin -->"
END = "<!-- ralign:end -->"
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):")
MANAGED = ("type", "aliases", "documents")


class ExportReport(NamedTuple):
    written: int  # new files
    updated: int  # files whose generated part changed
    unchanged: int
    files: tuple[str, ...]  # every file name this export is responsible for


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def managed_front(note: EntityNote) -> dict[str, list[str]]:
    """The front matter lines this export owns, by key."""
    aliases = [f"  - {_q(safe_line(a))}\n" for a in note.aliases]
    return {
        "type": [f"type: {_q(note.type)}\n"],
        "aliases": (["aliases:\n", *aliases] if aliases else ["aliases: []\n"]),
        "documents": [f"documents: {note.documents}\n"],
    }


def render_region(note: EntityNote, corpus: str) -> str:
    lines = [BEGIN, f"# {safe_line(note.name)}", ""]
    kind = f"{note.type.lower()}, " if note.type else ""
    lines += [f"*{kind}named in {note.documents} document{'s' if note.documents != 1 else ''}*", ""]
    if note.with_entities:
        lines += ["## Named with", ""]
        lines += [", ".join(f"{wikilink(name)} ({count})" for name, count in note.with_entities), ""]
    if note.bookmarks:
        lines += ["## Bookmarks", ""]
        for bookmark in note.bookmarks:
            quote = " ".join(safe_line(bookmark.text).split())[:300]
            lines.append(
                f"- {safe_line(bookmark.title or bookmark.doc)} ¶{bookmark.passage} (bookmark ^{bookmark.id}): {quote}"
            )
            for line in bookmark.note.splitlines():
                lines.append(f"  > {safe_line(line)}")
        lines.append("")
    lines += ["## Passages", ""]
    if not note.namings:
        lines += ["*No passage of the corpus names it now.*", ""]
    current = None
    for naming in note.namings:
        if naming.doc != current:
            current = naming.doc
            lines += [f"### {safe_line(naming.title or naming.doc)}", f"`{safe_line(naming.doc)}`", ""]
        command = safe_line(open_command(corpus, naming.doc, naming.passage)).replace("`", "'")
        lines.append(f"- ¶{naming.passage}: {safe_line(naming.sentence)} — `{command}`")
    lines += ["", END]
    return "\n".join(lines) + "\n"


def set_front_keys(front: str, values: dict[str, list[str]]) -> str:
    """Front matter with these keys' lines (and their indented items) replaced or added; the rest kept."""
    if not front:
        return "---\n" + "".join(line for lines in values.values() for line in lines) + "---\n"
    lines = re.findall(r"[^\n]*\n|[^\n]+$", front)
    head, body, tail = lines[0], lines[1:-1], lines[-1]
    out: list[str] = []
    done: set[str] = set()
    i = 0
    while i < len(body):
        match = _KEY.match(body[i])
        key = match.group("key") if match else ""
        if key in values:
            out.extend(values[key])
            done.add(key)
            i += 1
            while i < len(body) and body[i][:1] in (" ", "\t") and body[i].strip():
                i += 1  # the old value's list items
            continue
        out.append(body[i] if body[i].endswith("\n") else body[i] + "\n")
        i += 1
    out += [line for key, lines in values.items() if key not in done for line in lines]
    return head + "".join(out) + tail


def updated_text(old: str, note: EntityNote, corpus: str) -> str:
    region = render_region(note, corpus)
    front, rest = front_matter.split(old)
    front = set_front_keys(front, managed_front(note))
    begin, end = rest.find(BEGIN), rest.find(END)
    if begin >= 0 and end > begin:
        after = end + len(END)
        if rest[after : after + 1] == "\n":
            after += 1
        return front + rest[:begin] + region + rest[after:]
    if not rest:
        return front + region
    return front + rest + ("" if rest.endswith("\n") else "\n") + "\n" + region


def export_notes(folder: Path, notes: Iterable[EntityNote], corpus: str) -> ExportReport:
    """Write or update one file per entity in `folder` (made if missing): each file replaced whole
    (`safe_write`), so a killed export leaves every note as it was or as it is now, with its person's text."""
    folder.mkdir(parents=True, exist_ok=True)
    with safe_write.locked(folder):  # two exports into one folder take turns; a killed one's copies go
        return _export(folder, notes, corpus)


def _export(folder: Path, notes: Iterable[EntityNote], corpus: str) -> ExportReport:
    written = updated = unchanged = 0
    files = []
    for note in notes:
        path = folder / f"{note_name(note.name)}.md"
        files.append(path.name)
        try:
            old = path.read_bytes().decode("utf-8", "surrogateescape")
        except FileNotFoundError:
            old = None
        new = updated_text(old or "", note, corpus)
        if old == new:
            unchanged += 1
            continue
        safe_write.replace(path, new.encode("utf-8", "surrogateescape"))
        written, updated = (written + 1, updated) if old is None else (written, updated + 1)
    return ExportReport(written, updated, unchanged, tuple(files))
