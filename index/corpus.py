"""Find a corpus's documents on disk and read them: any encoding, cleaned, split, with metadata."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from index import metadata as meta_mod
from index.errors import CorpusError
from index.model import Document, Skipped
from index.passages import split_passages
from index.textclean import binary_reason, clean_text, decode, safe_line

TEXT_EXTENSIONS = frozenset({".txt", ".md", ".text", ".markdown"})
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    """A file that looks like a document, with what tells whether it changed."""

    doc: str
    path: Path
    size: int
    mtime_ns: int


def check_root(root: Path) -> Path:
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {safe_line(str(root))}")
    if not root.is_dir():
        raise CorpusError(f"not a folder: {safe_line(str(root))} (give the folder that holds the files)")
    if not os.access(root, os.R_OK | os.X_OK):
        raise CorpusError(f"corpus folder cannot be read: {safe_line(str(root))}")
    return root


def scan(root: Path) -> tuple[list[SourceFile], list[Skipped]]:
    """Every candidate document under root, recursively, in a stable order; and what was passed over."""
    root = check_root(root)
    found: list[SourceFile] = []
    skipped: list[Skipped] = []
    for path, rel, st_or_reason in _walk(root):
        if isinstance(st_or_reason, str):
            skipped.append(Skipped(rel, st_or_reason))
        else:
            found.append(SourceFile(rel, path, st_or_reason.st_size, st_or_reason.st_mtime_ns))
    found.sort(key=lambda f: f.doc)
    return found, skipped


def _walk(root: Path) -> Iterator[tuple[Path, str, os.stat_result | str]]:
    """(path, path relative to root, its stat or why it is passed over); strings, not pathlib, per
    file: a search from the command line checks every file for changes first."""
    seen_dirs: set[tuple[int, int]] = set()
    prefix = str(root).rstrip(os.sep) + os.sep
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield Path(folder), _rel(root, Path(folder)), f"folder cannot be read ({exc.strerror or exc})"
            continue
        if (st.st_dev, st.st_ino) in seen_dirs:
            continue  # a symlink loop, or the same folder linked twice
        seen_dirs.add((st.st_dev, st.st_ino))
        at_root = folder == str(root)
        for entry in entries:
            full = entry.path
            rel = full[len(prefix) :].replace(os.sep, "/") if full.startswith(prefix) else _rel(root, Path(full))
            if entry.name.startswith("."):
                yield Path(full), rel, "hidden"
                continue
            try:
                entry_stat = entry.stat()
            except OSError as exc:
                yield Path(full), rel, f"cannot be read ({exc.strerror or exc})"
                continue
            suffix = os.path.splitext(entry.name)[1]
            if stat.S_ISDIR(entry_stat.st_mode):
                stack.append(full)
            elif not stat.S_ISREG(entry_stat.st_mode):
                yield Path(full), rel, "not a regular file"
            elif at_root and entry.name == meta_mod.METADATA_FILE:
                continue
            elif suffix.lower() not in TEXT_EXTENSIONS:
                yield Path(full), rel, f"not a text file type ({suffix or 'no extension'})"
            elif entry_stat.st_size > MAX_FILE_BYTES:
                yield Path(full), rel, f"too large ({entry_stat.st_size // (1024 * 1024)} MB)"
            else:
                yield Path(full), rel, entry_stat


def _rel(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_bytes(source: SourceFile) -> bytes | Skipped:
    try:
        return source.path.read_bytes()
    except FileNotFoundError:
        return Skipped(source.doc, "vanished while indexing")
    except OSError as exc:
        return Skipped(source.doc, f"cannot be read ({exc.strerror or exc})")


def read_document(source: SourceFile, given: dict[str, object] | None = None) -> Document | Skipped:
    """Read, decode, clean and split one file; a Skipped says why it is not a document."""
    data = read_bytes(source)
    if isinstance(data, Skipped):
        return data
    return document_from_bytes(source.doc, data, given)


def document_from_bytes(doc: str, data: bytes, given: dict[str, object] | None = None) -> Document | Skipped:
    reason = binary_reason(data)
    if reason:
        return Skipped(doc, f"not text ({reason})")
    raw, encoding = decode(data)
    fields, body = meta_mod.split_front_matter(clean_text(raw))
    if not body.strip():
        return Skipped(doc, "empty" if not data else "only white space" if not data.strip() else "no text")
    meta = meta_mod.extract(body)
    if fields:
        meta = meta_mod.apply(meta, dict(fields))
    if given:
        meta = meta_mod.apply(meta, given)
    return Document(doc, body, meta, split_passages(doc, body), encoding)


def load_all(root: Path) -> tuple[list[Document], list[Skipped]]:
    """The whole corpus in memory: for tests and small scripts; the index streams instead."""
    files, skipped = scan(root)
    given = meta_mod.load_corpus_metadata(root)
    docs: list[Document] = []
    for source in files:
        result = read_document(source, given.get(source.doc))
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            docs.append(result)
    return docs, skipped
