"""The bookmarks file: Markdown people read and edit, with blocks the program can find again.

A bookmark is one block between `<!-- ralign:bookmark ID -->` and `<!-- /ralign:bookmark -->`:
a heading, the passage as a blockquote, a source line, the note, the tags, a line of details, and
a JSON comment with what re-anchoring needs. Sections are introduced by `<!-- ralign:... -->`
markers at the end of a line; inside the note and quote, `<!` is written `<\\!` (and `<\\` as
`<\\\\`), so no text a person can type is ever mistaken for a marker. What a person sees wins: the
visible note, tags and quote are parsed back; everything outside the blocks is kept verbatim.

Writes take a sidecar lock (`FILE.lock`, so renaming the file never orphans it), build the new
file in a temporary file in the same folder, fsync and rename it onto the real path (a symlink is
followed, not replaced). A rewrite starts over if the file changed since it was read.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import json
import os
import re
import secrets
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from index.corpus.textclean import safe_line
from index.errors import RalignError
from index.model import Document

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

START = re.compile(r"^<!-- ralign:bookmark (?P<id>[0-9a-f]{6,32}) -->\s*$")
END = "<!-- /ralign:bookmark -->"
_SECTION = re.compile(r"<!-- ralign:(?P<name>note|tags|info|quote) -->\s*$")
_DATA = re.compile(r"^<!-- ralign:data (?P<json>\{.*\}) -->\s*$")
_TAG = re.compile(r"#([^\s#]+)")
MAX_RETRIES = 20


class BookmarkError(RalignError):
    """The bookmarks file cannot be read or written; nothing was changed."""


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


def new_id() -> str:
    return secrets.token_hex(8)


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


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
    title = safe_line(bookmark.title or bookmark.doc)
    lines = [f"<!-- ralign:bookmark {bookmark.id} -->", f"### {title} ¶{bookmark.passage}", ""]
    lines.append("<!-- ralign:quote -->")
    lines += [f"> {escape_text(line)}" for line in bookmark.text.split("\n")]  # trailing spaces are text too
    lines.append("")
    source = [f"*{title}*"]
    source += [safe_line(part) for part in (bookmark.publication, bookmark.published) if part]
    source.append(f"`{safe_line(bookmark.doc)}` ¶{bookmark.passage}")
    lines += ["— " + " · ".join(source), ""]
    lines.append("**Note** <!-- ralign:note -->")
    lines += escape_text(normalise_note(bookmark.note)).split("\n")
    lines.append("")
    lines.append("**Tags** <!-- ralign:tags -->")
    lines += [" ".join(f"#{tag}" for tag in bookmark.tags), ""]
    details = []
    if bookmark.entities:
        details.append("**Entities:** " + ", ".join(safe_line(e) for e in bookmark.entities))
    details.append("**Saved:** " + bookmark.created.replace("T", " ").replace("Z", " UTC"))
    if bookmark.query:
        details.append("**Query:** `" + safe_line(bookmark.query).replace("`", "'") + "`")
    lines += [" · ".join(details) + " <!-- ralign:info -->", ""]
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


# the file -------------------------------------------------------------------------
class BookmarkFile:
    """One bookmarks file; every change is locked, atomic, and re-done if the file moved under it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path).expanduser()
        # The last parse and the file's (mtime, size) then: opening a document asks for every
        # bookmark (its ★ marks), and a long notes file need not be parsed again unchanged.
        self._parsed: tuple[tuple[int, int], list[Bookmark]] | None = None

    @property
    def real_path(self) -> Path:
        """Where writes land: a symlinked file is followed, so the link itself stays."""
        return Path(os.path.realpath(self.path))

    def read(self) -> Parsed:
        return parse(self._read_text()[0])

    def bookmarks(self) -> list[Bookmark]:
        try:
            info = self.real_path.stat()
        except FileNotFoundError:
            return []
        except OSError:
            return self.read().bookmarks  # says why it cannot be read
        stamp = (info.st_mtime_ns, info.st_size)
        cached = self._parsed
        if cached is not None and cached[0] == stamp:
            return list(cached[1])
        found = self.read().bookmarks
        self._parsed = (stamp, found)
        return list(found)

    def _read_text(self) -> tuple[str, str]:
        try:
            data = self.real_path.read_bytes()
        except FileNotFoundError:
            return "", ""
        except OSError as exc:
            raise BookmarkError(f"cannot read {self.path}: {exc.strerror or exc}") from None
        # surrogateescape: bytes that are not UTF-8 survive a rewrite unchanged, as do CRLF lines.
        return data.decode("utf-8", "surrogateescape"), hashlib.sha256(data).hexdigest()

    def add(self, bookmark: Bookmark) -> Bookmark:
        def change(parsed: Parsed) -> None:
            if not parsed.segments:
                parsed.segments.append(FILE_HEADER)
            last = parsed.segments[-1]
            if isinstance(last, str) and last and not last.endswith("\n"):
                parsed.segments[-1] = last + "\n"
            if (isinstance(last, str) and last.strip() and not last.endswith("\n\n")) or isinstance(last, Bookmark):
                parsed.segments.append("\n")
            parsed.segments.append(bookmark)

        self._rewrite(change)
        return bookmark

    def remove(self, bookmark_id: str) -> Bookmark:
        removed: list[Bookmark] = []

        def change(parsed: Parsed) -> None:
            removed.clear()
            for index, segment in enumerate(parsed.segments):
                if isinstance(segment, Bookmark) and segment.id == bookmark_id:
                    removed.append(segment)
                    del parsed.segments[index]
                    # Drop the blank line this program put before the block, nothing a person wrote.
                    if index > 0 and parsed.segments[index - 1] == "\n":
                        del parsed.segments[index - 1]
                    return
            raise BookmarkError(f"no bookmark with id {bookmark_id!r} in {self.path}")

        self._rewrite(change)
        return removed[0]

    def update(self, bookmark_id: str, **changes: object) -> Bookmark:
        updated: list[Bookmark] = []

        def change(parsed: Parsed) -> None:
            updated.clear()
            for index, segment in enumerate(parsed.segments):
                if isinstance(segment, Bookmark) and segment.id == bookmark_id:
                    new = replace(segment, **changes)  # type: ignore[arg-type]
                    parsed.segments[index] = new
                    updated.append(new)
                    return
            raise BookmarkError(f"no bookmark with id {bookmark_id!r} in {self.path}")

        self._rewrite(change)
        return updated[0]

    def _rewrite(self, change: Callable[[Parsed], None]) -> None:
        target = self.real_path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise BookmarkError(f"cannot create {target.parent}: {exc.strerror or exc}; nothing was changed") from None
        with self._locked(target):
            for _ in range(MAX_RETRIES):
                content, digest = self._read_text()
                parsed = parse(content)
                change(parsed)
                new_content = render(parsed)
                if self._read_text()[1] != digest:
                    continue  # someone wrote between our read and now: start over
                self._replace(target, new_content)
                return
        raise BookmarkError(f"{self.path} kept changing while being written; nothing was changed")

    @contextlib.contextmanager
    def _locked(self, target: Path) -> Iterator[None]:
        lock_path = target.with_name(target.name + ".lock")
        try:
            handle = open(lock_path, "a+b")  # noqa: SIM115 - held for the duration of the block
        except OSError as exc:
            raise BookmarkError(f"cannot write {target}: {exc.strerror or exc}; nothing was changed") from None
        with handle:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fcntl is not None:
                    fcntl.flock(handle, fcntl.LOCK_UN)

    def _replace(self, target: Path, content: str) -> None:
        tmp_name = ""
        try:
            fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(content.encode("utf-8", "surrogateescape"))
                handle.flush()
                os.fsync(handle.fileno())
            with contextlib.suppress(FileNotFoundError):
                os.chmod(tmp_name, os.stat(target).st_mode & 0o777)
            os.replace(tmp_name, target)
            tmp_name = ""
            _fsync_dir(target.parent)
        except OSError as exc:
            raise BookmarkError(f"cannot write {target}: {exc.strerror or exc}; nothing was changed") from None
        finally:
            if tmp_name:
                with contextlib.suppress(OSError):
                    os.unlink(tmp_name)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def newest_first(bookmarks: list[Bookmark]) -> list[Bookmark]:
    """By time saved, newest first; within one second, later in the file is newer."""
    ordered = sorted(enumerate(bookmarks), key=lambda pair: (pair[1].created, pair[0]), reverse=True)
    return [bookmark for _, bookmark in ordered]


def bookmark_for(
    document: Document,
    passage_number: int,
    corpus: str,
    note: str = "",
    tags: tuple[str, ...] | list[str] = (),
    query: str = "",
    entities: tuple[str, ...] = (),
) -> Bookmark:
    """A new bookmark of one passage of an indexed document."""
    passage = document.passages[passage_number - 1]
    text = document.passage_text(passage)
    return Bookmark(
        id=new_id(),
        doc=document.doc,
        passage=passage.number,
        text=text,
        note=normalise_note(note),
        tags=tuple(t for t in (normalise_tag(tag) for tag in tags) if t),
        created=now_iso(),
        query=query,
        corpus=corpus,
        pid=passage.pid,
        title=document.meta.title,
        publication=document.meta.publication,
        published=document.meta.published,
        entities=entities,
        context_before=document.text[max(0, passage.start - 80) : passage.start],
        context_after=document.text[passage.end : passage.end + 80],
    )


def anchor_in(bookmark: Bookmark, document: Document | None) -> Anchor:
    if document is None:
        return Anchor(None, "no document")
    passages = [(p.number, p.pid, document.passage_text(p)) for p in document.passages]
    return anchor(bookmark, passages, document.text)


# anchoring ------------------------------------------------------------------------
@dataclass(frozen=True)
class Anchor:
    passage: int | None  # where the bookmark is now, None when it cannot be found
    status: str  # "exact", "moved", "edited", "lost", "no document"


def anchor(bookmark: Bookmark, passages: list[tuple[int, str, str]], document_text: str | None) -> Anchor:
    """Find a bookmark's passage in the current document: by passage id, then by quote, then by likeness.

    `passages` are (number, pid, text) of the document as indexed now.
    """
    if document_text is None:
        return Anchor(None, "no document")
    for number, pid, _ in passages:
        if bookmark.pid and pid == bookmark.pid:
            return Anchor(number, "exact" if number == bookmark.passage else "moved")
    quote = bookmark.text.strip()
    if quote:
        for number, _, text in passages:
            if quote in text:
                return Anchor(number, "moved")
        position = document_text.find(quote)
        if position >= 0:
            return Anchor(_passage_at(passages, document_text, position), "moved")
    best, best_ratio = None, 0.0
    for number, _, text in passages:
        ratio = difflib.SequenceMatcher(None, quote, text, autojunk=False).quick_ratio()
        if ratio > best_ratio:
            best, best_ratio = number, ratio
    if best is not None and best_ratio >= 0.6:
        exact = difflib.SequenceMatcher(None, quote, dict((n, t) for n, _, t in passages)[best]).ratio()
        if exact >= 0.6:
            return Anchor(best, "edited")
    return Anchor(None, "lost")


def _passage_at(passages: list[tuple[int, str, str]], document_text: str, position: int) -> int | None:
    cursor = 0
    for number, _, text in passages:
        start = document_text.find(text, cursor)
        if start <= position < start + len(text):
            return number
        cursor = max(cursor, start)
    return None
