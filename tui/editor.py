"""Opening a document in the user's $VISUAL or $EDITOR, at the first line of a passage."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from textual.app import App

from index.model import Document


def configured_editor() -> str:
    """The editor command the user set, "" for none."""
    return os.environ.get("VISUAL") or os.environ.get("EDITOR") or ""


def open_in_editor(app: App[object], editor: str, document: Document, passage_index: int, corpus: Path) -> str:
    """Suspend the app and run the editor on the document's file: "" when it ran, else why not."""
    passage = document.passages[passage_index]
    line = document.text.count("\n", 0, passage.start) + 1 + lines_before_text(corpus / document.doc)
    try:
        with app.suspend():
            subprocess.call([*shlex.split(editor), f"+{line}", str(corpus / document.doc)])
    except (OSError, ValueError) as exc:
        return f"Could not start the editor: {exc}"
    return ""


def lines_before_text(path: Path) -> int:
    """Lines of the file above the document's text: its front matter, which the index keeps apart."""
    from index.corpus.metadata import split_front_matter
    from index.corpus.textclean import clean_text, decode

    try:
        raw, _ = decode(path.read_bytes())
    except OSError:
        return 0
    cleaned = clean_text(raw)
    _, body = split_front_matter(cleaned)
    return cleaned[: len(cleaned) - len(body)].count("\n")
