"""Title, publication, author and date: from a corpus metadata.toml, front matter, or the text itself."""

from __future__ import annotations

import re

from index.corpus.textclean import safe_line
from index.dates import FULL_MONTH, MONTHS, SEASON
from index.model import Metadata

_KNOWN_KEYS = ("title", "publication", "author", "published")

_MONTHS = MONTHS
_MONTH_RE = FULL_MONTH
_SEASONS = SEASON

_PUBLICATION = re.compile(
    r"^Publication:\s*(?P<pub>.+?)(?:\s+Volume:\s*(?P<volume>\S+))?(?:\s+Issue:\s*(?P<issue>\S+))?\s*$"
)
_NAME = r"[A-Z][a-zA-Z'’-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zA-Z'’-]+)){1,3}"
_DATE = rf"(?:(?:{_MONTH_RE})\s+\d{{1,2}},\s+\d{{4}}|(?:{_MONTH_RE}|{_SEASONS})\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
_BYLINE_TOP = re.compile(rf"^(?:By\s+)?(?P<author>{_NAME})\s*[|,–-]?\s+(?P<date>{_DATE})$")
_BY_LINE = re.compile(rf"^By\s+(?P<author>{_NAME})$")
_BYLINE_END = re.compile(
    rf"^[•*·-]?\s*(?:By\s+)?(?P<author>{_NAME})(?:,\s*[\w. ]{{1,20}})?\s+"
    r"(?:can be reached|is an?|is the|writes|teaches|was|has been)\b"
)
_DATE_ONLY = re.compile(rf"^(?P<date>{_DATE})$")
_WORDISH = re.compile(r"[^\W\d_]{2,}")
_CAPTION = re.compile(r"\((?:Source|Photo|Image|Credit)s?:", re.IGNORECASE)
_CHROME = {
    "placeholder canvas",
    "source",
    "advertisement",
    "share",
    "share this",
    "home",
    "menu",
    "sign in",
    "subscribe",
    "print",
    "email",
    "related",
    "skip to content",
    "comments",
}


def normalise_date(text: str) -> str:
    """'March 26, 2016' -> '2016-03-26', 'April 2014' -> '2014-04', 'Fall 2016' -> '2016'."""
    text = text.strip()
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
        return text
    match = re.fullmatch(rf"({_MONTH_RE})\s+(\d{{1,2}}),\s+(\d{{4}})", text)
    if match:
        month = _MONTHS.index(match.group(1).lower()) + 1
        return f"{match.group(3)}-{month:02d}-{int(match.group(2)):02d}"
    match = re.fullmatch(rf"({_MONTH_RE})\s+(\d{{4}})", text)
    if match:
        return f"{match.group(2)}-{_MONTHS.index(match.group(1).lower()) + 1:02d}"
    match = re.search(r"\b(\d{4})\b", text)
    return match.group(1) if match else text


def _looks_like_title(line: str) -> bool:
    words = line.split()
    if not (2 <= len(words) <= 25) or len(line) > 200 or line.endswith((".", ",", ";", ":")):
        return False
    # Not a fragment ("of Cooperation") nor a coordinate or figure line ("44°6′N 39°44′E"): words mostly.
    if line[:1].islower() or sum(1 for w in words if _WORDISH.match(w)) * 2 < len(words):
        return False
    return not (line.lower() in _CHROME or _CAPTION.search(line) or _PUBLICATION.match(line))


def _first_sentence(text: str, limit: int = 90) -> str:
    body = text.strip().split("\n", 1)[0]
    match = re.search(r"[.!?](?=\s|$)", body)
    sentence = body[: match.start() + 1] if match else body
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + "…"
    return sentence


def extract(text: str) -> Metadata:
    """What the text itself says about where it comes from."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    head = lines[:10]
    publication = author = published = ""
    extra: list[tuple[str, str]] = []
    pub_index = None
    for i, line in enumerate(head):
        if match := _PUBLICATION.match(line):
            pub_index = i
            publication = match.group("pub")
            extra += [(k, match.group(k)) for k in ("volume", "issue") if match.group(k)]
        elif (match := _BYLINE_TOP.match(line)) and not author:
            author, published = match.group("author"), normalise_date(match.group("date"))
        elif (match := _BY_LINE.match(line)) and not author:
            author = match.group("author")
        elif (match := _DATE_ONLY.match(line)) and not published:
            published = normalise_date(match.group("date"))
    if not author:
        for line in reversed(lines[-4:]):
            if match := _BYLINE_END.match(line):
                author = match.group("author")
                break
    title = _pick_title(head, pub_index) or _first_sentence(text)
    return Metadata(safe_line(title), safe_line(publication), safe_line(author), published, tuple(extra))


def _pick_title(head: list[str], pub_index: int | None) -> str:
    candidates = [
        (i, line)
        for i, line in enumerate(head[:8])
        if _looks_like_title(line) and not _BYLINE_TOP.match(line) and not _DATE_ONLY.match(line)
    ]
    if not candidates:
        return ""
    if pub_index is not None:
        before = [c for c in candidates if c[0] < pub_index]
        if before:
            return before[-1][1]
    # A breadcrumb ("Home > Section > Title") is followed by the title alone.
    for i, line in candidates:
        if any(other.endswith(line) and other != line for other in head[:i]):
            return line
    return candidates[0][1] if candidates[0][0] <= 2 else ""


def file_title(doc: str) -> str:
    """'reports/annual_report-2019.pdf' -> 'annual report 2019': the title of last resort."""
    name = doc.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    return " ".join(re.sub(r"[_+]+|(?<=\w)-(?=\w)|%20", " ", stem).split()) or name


def is_junk_title(title: str) -> bool:
    """A guess no reader would call a title: empty, a fragment ("of Cooperation"), mostly not words."""
    words = title.split()
    return not words or title[:1].islower() or sum(1 for w in words if _WORDISH.match(w)) * 2 < len(words)


_FRONT_MATTER = re.compile(r"\A---[ ]*\n(?P<body>(?:[^\n]*\n){0,40}?)---[ ]*(?:\n|\Z)")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`---` / `key: value` lines / `---` at the top of a file; returns (fields, the rest)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for line in match.group("body").splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    if not fields:
        return {}, text
    return fields, text[match.end() :]


def apply(meta: Metadata, fields: dict[str, object]) -> Metadata:
    """Fields a person gave win over what was guessed from the text."""
    given = {k: safe_line(str(v)) for k, v in fields.items() if v is not None}
    if "date" in given and "published" not in given:
        given["published"] = given.pop("date")
    extra = dict(meta.extra)
    extra.update({k: v for k, v in given.items() if k not in _KNOWN_KEYS})
    known = {k: given[k] for k in _KNOWN_KEYS if k in given}
    if "published" in known:
        known["published"] = normalise_date(known["published"])
    return meta._replace(**known, extra=tuple(sorted(extra.items())))
