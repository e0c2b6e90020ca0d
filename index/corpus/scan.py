"""Find a corpus's documents on disk and read them: any encoding, cleaned, split, with metadata."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from index.corpus.readers import EXTENSIONS, PLAIN_EXTENSIONS
from index.errors import ConfigError, CorpusError
from index.model import Document, Skipped

# Reading a document needs the cleaning, metadata and passage modules (their patterns take ~15 ms to
# compile); they are imported where a document is read, so checking a folder for changes needs none.

# Every extension a reader in `index.corpus.readers` reads (text, PDF, HTML, EPUB, Word).
TEXT_EXTENSIONS = EXTENSIONS
MAX_FILE_BYTES = 64 * 1024 * 1024
# A plain-text file bigger than this is skipped: indexing costs ~1.7 s and ~50 MB of memory per MB of
# text (a 60 MB file took 104 s and 2.9 GB), and every search touching it reads it. 8 MB is ~1.4
# million words, several long books.
MAX_TEXT_BYTES = 8 * 1024 * 1024
METADATA_FILE = "metadata.toml"  # per-document metadata a person gives, at the corpus root


class SourceFile(NamedTuple):
    """A file that looks like a document, with what tells whether it changed.

    A plain string for where it is: a search from the command line makes one per file to check for
    changes, and a Path costs more than the stat itself.
    """

    doc: str
    location: str
    size: int
    mtime_ns: int

    @property
    def path(self) -> Path:
        return Path(self.location)


def check_root(root: Path) -> Path:
    from index.corpus.textclean import safe_line

    if not root.exists():
        raise CorpusError(f"corpus folder not found: {safe_line(str(root))}")
    if not root.is_dir():
        raise CorpusError(f"not a folder: {safe_line(str(root))} (give the folder that holds the files)")
    if not os.access(root, os.R_OK | os.X_OK):
        raise CorpusError(f"corpus folder cannot be read: {safe_line(str(root))}")
    return root


class Unread(str):
    """Why a folder or file could not be read at all (permissions, a folder gone mid-scan): what the index
    holds under it is kept as it was, not taken for deleted."""


class Scanned(NamedTuple):
    files: list[SourceFile]
    skipped: list[Skipped]
    unread: list[str]  # folders and files that could not be read: the documents at or under them are kept


def scan(root: Path) -> tuple[list[SourceFile], list[Skipped]]:
    """Every candidate document under root, recursively, in a stable order; and what was passed over."""
    scanned = scan_all(root)
    return scanned.files, scanned.skipped


def scan_all(root: Path, folders: dict[str, int] | None = None) -> Scanned:
    """`scan`, and what could not be read. A corpus folder that cannot be listed is a CorpusError naming it.

    folders, when given, receives every folder walked (its path) with its mtime_ns as read just
    before its entries were listed: what `index.store.freshness` checks instead of every file.
    """
    root = check_root(root)
    found: list[SourceFile] = []
    skipped: list[Skipped] = []
    unread: list[str] = []
    for location, rel, st_or_reason in _walk(root, folders):
        if isinstance(st_or_reason, str):
            skipped.append(Skipped(rel, st_or_reason))
            if isinstance(st_or_reason, Unread):
                unread.append(rel)
        else:
            found.append(SourceFile(rel, location, st_or_reason.st_size, st_or_reason.st_mtime_ns))
    found.sort(key=lambda f: f.doc)
    return Scanned(found, skipped, unread)


def under(doc: str, folders: list[str]) -> bool:
    """The document is one of these paths or in one of these folders."""
    return any(doc == folder or doc.startswith(folder + "/") for folder in folders)


def _walk(root: Path, folders: dict[str, int] | None = None) -> Iterator[tuple[str, str, os.stat_result | str]]:
    """(path, path relative to root, its stat or why it is passed over); strings, not pathlib, per
    file: a search from the command line checks every file for changes first."""
    seen_dirs: set[tuple[int, int]] = set()
    prefix = str(root).rstrip(os.sep) + os.sep
    real_root = os.path.realpath(root)
    real_prefix = real_root.rstrip(os.sep) + os.sep
    stack = [str(root)]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            if folder == str(root):  # vanished or lost its permissions since `check_root`: nothing to compare
                from index.corpus.textclean import safe_line

                raise CorpusError(
                    f"the corpus folder {safe_line(str(root))} cannot be read ({exc.strerror or exc}); "
                    "the index is kept as it was: run again when the folder is back"
                ) from None
            yield folder, _rel(root, Path(folder)), Unread(f"folder cannot be read ({exc.strerror or exc})")
            continue
        if (st.st_dev, st.st_ino) in seen_dirs:
            continue  # a symlink loop, or the same folder linked twice
        seen_dirs.add((st.st_dev, st.st_ino))
        if folders is not None:
            folders[folder] = st.st_mtime_ns
        at_root = folder == str(root)
        for entry in entries:
            name, full = entry.name, entry.path
            if full.startswith(prefix):
                rel = full[len(prefix) :] if os.sep == "/" else full[len(prefix) :].replace(os.sep, "/")
            else:
                rel = _rel(root, Path(full))
            if name.startswith("."):
                yield full, rel, "hidden"
                continue
            if not _is_utf8(rel):  # the index and its side store hold names as UTF-8 text
                what = "folder" if entry.is_dir() else "file"
                yield full, _shown(rel), f"{what} name is not valid UTF-8 (rename it to index it)"
                continue
            if entry.is_symlink():
                # Links are followed only within the corpus folder: never read outside a folder the person named.
                real = os.path.realpath(full)
                if real != real_root and not real.startswith(real_prefix):
                    yield full, rel, "link outside the corpus folder"
                    continue
            try:
                entry_stat = entry.stat()
            except FileNotFoundError:
                if entry.is_symlink():
                    yield full, rel, "link to nothing (its target does not exist)"
                continue  # otherwise deleted since the folder was listed: gone, as if never seen
            except OSError as exc:
                yield full, rel, Unread(f"cannot be read ({exc.strerror or exc})")
                continue
            mode = entry_stat.st_mode
            dot = name.rfind(".")
            suffix = name[dot:] if dot > 0 else ""  # os.path.splitext's answer, at a fifth of its cost
            if stat.S_ISDIR(mode):
                stack.append(full)
            elif not stat.S_ISREG(mode):
                yield full, rel, "not a regular file"
            elif at_root and name == METADATA_FILE:
                continue
            elif suffix.lower() not in TEXT_EXTENSIONS:
                yield full, rel, f"not a text file type ({suffix or 'no extension'})"
            elif entry_stat.st_size > (limit := _size_limit(suffix)):
                yield full, rel, f"too large ({entry_stat.st_size // (1024 * 1024)} MB; the limit is {limit >> 20} MB)"
            else:
                yield full, rel, entry_stat


def _size_limit(suffix: str) -> int:
    # Plain text is capped lower; a PDF, EPUB or Word file holds far less text per MB.
    return MAX_TEXT_BYTES if suffix.lower() in PLAIN_EXTENSIONS else MAX_FILE_BYTES


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes, kept by the file system's surrogate escapes
        return False
    return True


def _shown(name: str) -> str:
    """A name with undecodable bytes, as text that can be shown and stored (each bad byte a U+FFFD)."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


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
    from index.corpus import readers

    kind = readers.kind_of(doc, data[:4096])
    if kind != readers.TEXT:
        return _rich_document(doc, kind, data, given)
    return _text_document(doc, data, given)


def _rich_document(doc: str, kind: str, data: bytes, given: dict[str, object] | None) -> Document | Skipped:
    """A PDF, web page, EPUB or Word file, read in the sandbox's child process with a time limit."""
    from index.corpus.readers.assemble import document_of
    from index.corpus.readers.sandbox import shared

    extracted = shared().read(kind, data, doc)
    if isinstance(extracted, str):
        return Skipped(doc, extracted)
    result = document_of(doc, kind, extracted, given)
    return Skipped(doc, result) if isinstance(result, str) else result


def _text_document(doc: str, data: bytes, given: dict[str, object] | None = None) -> Document | Skipped:
    from index.corpus import metadata as meta_mod
    from index.corpus.passages import split_passages
    from index.corpus.textclean import binary_reason, clean_text, decode

    reason = binary_reason(data)
    if reason:
        return Skipped(doc, f"not text ({reason})")
    raw, encoding = decode(data)
    fields, body = meta_mod.split_front_matter(clean_text(raw))
    if not body.strip():
        return Skipped(doc, "empty" if not data else "only white space" if not data.strip() else "no text")
    meta = meta_mod.extract(body)
    if meta_mod.is_junk_title(meta.title):
        meta = meta._replace(title=meta_mod.file_title(doc))
    if fields:
        meta = meta_mod.apply(meta, dict(fields))
    if given:
        meta = meta_mod.apply(meta, given)
    return Document(doc, body, meta, split_passages(doc, body), encoding)


def load_all(root: Path) -> tuple[list[Document], list[Skipped]]:
    """The whole corpus in memory: for tests and small scripts; the index streams instead."""
    files, skipped = scan(root)
    given = load_corpus_metadata(root)
    docs: list[Document] = []
    for source in files:
        result = read_document(source, given.get(source.doc))
        if isinstance(result, Skipped):
            skipped.append(result)
        else:
            docs.append(result)
    return docs, skipped


def load_corpus_metadata(root: Path) -> dict[str, dict[str, object]]:
    """The corpus's own metadata.toml: a table per document id."""
    path = root / METADATA_FILE
    if not path.is_file():
        return {}
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    return {str(k): v for k, v in data.items() if isinstance(v, dict)}
