"""The bookmarks file's Markdown: the Bookmark record, and rendering and parsing its blocks.

A bookmark is one block between `<!-- ralign:bookmark ID -->` and `<!-- /ralign:bookmark -->`:
a heading, the passage as a blockquote, a source line, the note, the tags, a line of details, and
a JSON comment with what re-anchoring needs. Sections are introduced by `<!-- ralign:... -->`
markers at the end of a line; inside the note and quote, `<!` is written `<\\!` (and `<\\` as
`<\\\\`), so no text a person can type is ever mistaken for a marker. What a person sees wins: the
visible note, tags and quote are parsed back; everything outside the blocks is kept verbatim.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from index.corpus.textclean import safe_line
from index.notes.links import open_command, wikilink

START = re.compile(r"^<!-- ralign:bookmark (?P<id>[0-9a-f]{6,32}) -->\s*$")
END = "<!-- /ralign:bookmark -->"
_SECTION = re.compile(r"<!-- ralign:(?P<name>note|tags|info|quote) -->\s*$")
_DATA = re.compile(r"^<!-- ralign:data (?P<json>\{.*\}) -->\s*$")
_TAG = re.compile(r"#([^\s#]+)")


@dataclass(frozen=True)
class Bookmark:
    id: str
    doc: str
    passage: int
    text: str  # the passage as it was bookmarked (what the blockquote shows)
    note: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""  # ISO 8601, UTC
    query: str = ""
    corpus: str = ""
    pid: str = ""  # the passage's stable id when bookmarked
    title: str = ""
    publication: str = ""
    published: str = ""
    entities: tuple[str, ...] = ()
    context_before: str = ""  # a little text around the quote, for re-anchoring after edits
    context_after: str = ""
    locator: str = ""  # where the passage stands in its file when bookmarked: "p. 12", a chapter

    @property
    def where(self) -> str:
        """ "¶3", or "¶3, p. 12" when the passage knows its place in the file."""
        return f"¶{self.passage}, {safe_line(self.locator)}" if self.locator else f"¶{self.passage}"

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "doc": self.doc,
            "passage": self.passage,
            "text": self.text,
            "note": self.note,
            "tags": list(self.tags),
            "created": self.created,
            "query": self.query,
            "corpus": self.corpus,
            "title": self.title,
            "publication": self.publication,
            "published": self.published,
            "entities": list(self.entities),
            "locator": self.locator,
            "open": open_command(self.corpus, self.doc, self.passage),
        }


@dataclass(frozen=True)
class BrokenBlock:
    line: int  # 1-based line of the block's start in the file
    reason: str


@dataclass
class Parsed:
    """A bookmarks file as segments: verbatim text (str) and bookmarks, in file order."""

    segments: list[str | Bookmark] = field(default_factory=list)
    broken: list[BrokenBlock] = field(default_factory=list)

    @property
    def bookmarks(self) -> list[Bookmark]:
        return [s for s in self.segments if isinstance(s, Bookmark)]


def normalise_tag(tag: str) -> str:
    """A tag as written after `#`: no white space, no `#` inside."""
    return "-".join(tag.replace("#", " ").split())


def normalise_note(note: str) -> str:
    return note.replace("\r\n", "\n").replace("\r", "\n")


# escaping ---------------------------------------------------------------------
def escape_text(text: str) -> str:
    return text.replace("<\\", "<\\\\").replace("<!", "<\\!")


_UNESCAPE = re.compile(r"<\\([\\!])")


def unescape_text(text: str) -> str:
    return _UNESCAPE.sub(lambda m: "<" + m.group(1), text)


def _data_json(value: dict[str, object]) -> str:
    # "-->" must never appear inside the comment: escape ">" (JSON allows \u003e).
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace(">", "\\u003e")


# rendering --------------------------------------------------------------------
def render_block(bookmark: Bookmark) -> str:
    """One bookmark as Markdown: the quote with an Obsidian block id (`^ID`) after it, the source,
    the note, the tags, the entities as `[[links]]`, and the command that reopens the passage."""
    title = safe_line(bookmark.title or bookmark.doc)
    lines = [f"<!-- ralign:bookmark {bookmark.id} -->", f"### {title} {bookmark.where}", ""]
    lines.append("<!-- ralign:quote -->")
    lines += [f"> {escape_text(line)}" for line in bookmark.text.split("\n")]  # trailing spaces are text too
    lines += ["", f"^{bookmark.id}", ""]
    source = [f"*{title}*"]
    source += [safe_line(part) for part in (bookmark.publication, bookmark.published) if part]
    source.append(f"`{safe_line(bookmark.doc)}` {bookmark.where}")
    lines += ["— " + " · ".join(source), ""]
    lines.append("**Note** <!-- ralign:note -->")
    lines += escape_text(normalise_note(bookmark.note)).split("\n")
    lines.append("")
    lines.append("**Tags** <!-- ralign:tags -->")
    lines += [" ".join(f"#{tag}" for tag in bookmark.tags), ""]
    details = []
    if bookmark.entities:
        details.append("**Entities:** " + ", ".join(wikilink(e) for e in bookmark.entities))
    details.append("**Saved:** " + bookmark.created.replace("T", " ").replace("Z", " UTC"))
    if bookmark.query:
        details.append("**Query:** `" + safe_line(bookmark.query).replace("`", "'") + "`")
    lines += [" · ".join(details) + " <!-- ralign:info -->"]
    command = safe_line(open_command(bookmark.corpus, bookmark.doc, bookmark.passage)).replace("`", "'")
    lines += [f"**Open:** `{command}`", ""]
    data = {
        "doc": bookmark.doc,
        "passage": bookmark.passage,
        "pid": bookmark.pid,
        "corpus": bookmark.corpus,
        "created": bookmark.created,
        "query": bookmark.query,
        "title": bookmark.title,
        "publication": bookmark.publication,
        "published": bookmark.published,
        "entities": list(bookmark.entities),
        "before": bookmark.context_before,
        "after": bookmark.context_after,
    }
    if bookmark.locator:
        data["locator"] = bookmark.locator
    lines += [f"<!-- ralign:data {_data_json(data)} -->", END]
    return "\n".join(lines) + "\n"


def render(parsed: Parsed) -> str:
    out = []
    for segment in parsed.segments:
        out.append(segment if isinstance(segment, str) else render_block(segment))
    return "".join(out)


FILE_HEADER = (
    "# Bookmarks\n\n"
    "Kept by ralign-tui. Write anything you like outside the bookmark blocks: it is never changed.\n"
    "Inside a block, edit the note and the tags freely; leave the `<!-- ralign:… -->` lines as they are.\n\n"
)


# parsing ----------------------------------------------------------------------
def parse(content: str) -> Parsed:
    """Split a file into verbatim text and bookmarks; a block whose anchor is broken stays text."""
    # Only "\n" ends a line: str.splitlines would also split on \x1e, \x85, \u2028 inside a note.
    lines = re.findall(r"[^\n]*\n|[^\n]+$", content)
    parsed = Parsed()
    text: list[str] = []
    i = 0
    while i < len(lines):
        match = START.match(lines[i].rstrip("\n"))
        if not match:
            text.append(lines[i])
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if lines[j].rstrip("\r\n").strip() == END), None)
        nested = next(
            (j for j in range(i + 1, end if end is not None else len(lines)) if START.match(lines[j].rstrip("\n"))),
            None,
        )
        if end is None or nested is not None:
            parsed.broken.append(BrokenBlock(i + 1, "the block has no end marker"))
            text.append(lines[i])
            i += 1
            continue
        try:
            bookmark = _parse_block(match.group("id"), [ln.rstrip("\r\n") for ln in lines[i + 1 : end]])
        except ValueError as exc:
            parsed.broken.append(BrokenBlock(i + 1, str(exc)))
            text.extend(lines[i : end + 1])
        else:
            if text:
                parsed.segments.append("".join(text))
                text = []
            parsed.segments.append(bookmark)
            # A block is rendered with its own final newline; a file cut right after END lacks it.
        i = end + 1
    if text:
        parsed.segments.append("".join(text))
    return parsed


def _parse_block(bookmark_id: str, body: list[str]) -> Bookmark:
    sections: dict[str, list[str]] = {}
    data: dict[str, object] | None = None
    current: str | None = None
    for line in body:
        data_match = _DATA.match(line)
        if data_match:
            try:
                loaded = json.loads(data_match.group("json"))
            except ValueError:
                raise ValueError("its data line is not valid JSON") from None
            if not isinstance(loaded, dict):
                raise ValueError("its data line is not an object")
            data = loaded
            current = None
            continue
        section = _SECTION.search(line)
        if section:
            current = section.group("name")
            sections[current] = []
            continue
        if current is not None:
            sections[current].append(line)
    if data is None:
        raise ValueError("its data line is missing")
    if "quote" not in sections or "note" not in sections:
        raise ValueError("its quote or note marker is missing")
    quote_lines = _until_blank(sections["quote"])
    quote = "\n".join(unescape_text(re.sub(r"^> ?", "", line)) for line in quote_lines)
    note_lines = sections["note"][:-1] if sections["note"] and sections["note"][-1] == "" else sections["note"]
    note = unescape_text("\n".join(note_lines))
    tags = (
        tuple(normalise_tag(t) for t in _TAG.findall(" ".join(sections.get("tags", [])))) if "tags" in sections else ()
    )
    try:
        passage = int(str(data.get("passage", 0)))
    except ValueError:
        raise ValueError("its passage number is not a number") from None
    return Bookmark(
        id=bookmark_id,
        doc=str(data.get("doc", "")),
        passage=passage,
        text=quote,
        note=note,
        tags=tuple(t for t in tags if t),
        created=str(data.get("created", "")),
        query=str(data.get("query", "")),
        corpus=str(data.get("corpus", "")),
        pid=str(data.get("pid", "")),
        title=str(data.get("title", "")),
        publication=str(data.get("publication", "")),
        published=str(data.get("published", "")),
        entities=_strings(data.get("entities")),
        context_before=str(data.get("before", "")),
        context_after=str(data.get("after", "")),
        locator=str(data.get("locator", "")),
    )


def _strings(value: object) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def _until_blank(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if not line.startswith(">"):
            break
        out.append(line)
    return out
