"""What a format's reader gives back: the document's blocks of text, each with where it stands, and metadata.

Readers return plain data (no `Document`) so that they can run in a child process with a time limit
(`readers.sandbox`) and be pickled back; `readers.assemble` makes the text and passages of it.
"""

from __future__ import annotations

import os
from typing import NamedTuple

DEFAULT_TIMEOUT = 60.0  # seconds one file may take to read; RALIGN_READ_TIMEOUT changes it


def timeout() -> float:
    try:
        return max(1.0, float(os.environ.get("RALIGN_READ_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


class Block(NamedTuple):
    """A paragraph (or a heading) of the document, in reading order."""

    text: str
    locator: str = ""  # where it stands: "p. 12", a chapter's or a section's title; "" when unknown
    heading: bool = False  # a title or heading: a candidate for the document's title
    joined: bool = False  # runs on from the previous block (a paragraph cut by a page break)


class Extracted(NamedTuple):
    blocks: tuple[Block, ...]
    meta: dict[str, str]  # any of title, author, published, url, publication, as the file states them
    note: str = ""  # what could not be read, said beside the document (e.g. "read 2000 of 9000 pages")


class Unreadable(Exception):
    """The file cannot be read as its format: the message is the reason shown to the user."""


# Titles that producers write into a file's properties and no person chose.
_JUNK_TITLE = (
    r"(?:untitled\b.*|new document|(?:table of )?contents|abstract|.*\btrial version\b.*|"
    r"(?:produced|created|generated) (?:with|by)\b.*|.*[\\/].*\.\w{2,4}|"
    r"document\s*\d*|title|template|slide\s*\d*|print|presentation\d*|powerpoint presentation|"
    r"microsoft (?:word|powerpoint|excel)\b.*|.*\.(?:docx?|pdf|rtf|odt|pptx?|xlsx?|indd|qxd|tex|dvi|ps|html?)|"
    r"\W*|[\d\W]+)"
)
_JUNK_PERSON = r"(?:admin(?:istrator)?|user|owner|author|unknown|python-docx|\W*|[\d\W]+)"


def given_title(value: object) -> str:
    """A title from a file's own properties, or "" when it is the producer's placeholder."""
    import re

    title = " ".join(str(value or "").split())
    return "" if len(title) > 250 or re.fullmatch(_JUNK_TITLE, title, re.I) else title


def given_person(value: object) -> str:
    import re

    person = " ".join(str(value or "").split())
    return "" if len(person) > 200 or re.fullmatch(_JUNK_PERSON, person, re.I) else person
