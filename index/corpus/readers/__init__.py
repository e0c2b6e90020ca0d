"""One reader a format, picked by file extension and by the file's first bytes.

A new format is one module here with `read(data: bytes, name: str) -> Extracted` (raising
`Unreadable` with the reason) and a line in `_BY_EXTENSION`. Plain text keeps its own path
(`index.corpus.scan.document_from_bytes`); the others run in a child process with a time limit
(`readers.sandbox`) and are assembled into a `Document` by `readers.assemble`. The heavy libraries
(pypdfium2, trafilatura, lxml, python-docx) are imported only inside the readers.
"""

from __future__ import annotations

# What the readers make of a file changed: an index built by older readers is rebuilt. 2: Word's
# tracked insertions read, TeX's loose accents composed in PDFs.
READERS_VERSION = 2
TEXT = "text"
_BY_EXTENSION = {
    ".txt": TEXT,
    ".md": TEXT,
    ".text": TEXT,
    ".markdown": TEXT,
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".epub": "epub",
    ".docx": "docx",
}
EXTENSIONS = frozenset(_BY_EXTENSION)
PLAIN_EXTENSIONS = frozenset(ext for ext, kind in _BY_EXTENSION.items() if kind == TEXT)
FORMATS_READ = "plain text and Markdown, PDF, HTML (saved web pages), EPUB and Word (.docx)"


def read_cost(source: object) -> int:
    """0 for text, 1 for another format, 2 for one over 4 MB (a source file's `doc` and `size`): a build
    reads in this order, so its first commit is the text and the small files and a 500-page report
    does not hold back the first results."""
    doc, size = str(getattr(source, "doc", "")), int(getattr(source, "size", 0))
    dot = doc.rfind(".")
    if _BY_EXTENSION.get(doc[dot:].lower() if dot > 0 else "", TEXT) == TEXT:
        return 0
    return 2 if size > 4 * 1024 * 1024 else 1


def kind_of(name: str, head: bytes) -> str:
    """The reader for a file: what its first bytes say it is (a PDF saved as .txt, a web page saved as
    .pdf), else what its extension says."""
    sniffed = sniff(head)
    if sniffed:
        return sniffed
    dot = name.rfind(".")
    return _BY_EXTENSION.get(name[dot:].lower() if dot > 0 else "", TEXT)


def sniff(head: bytes) -> str:
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/epub+zip" in head[:100]:
            return "epub"
        if b"word/" in head[:2048] or b"[Content_Types].xml" in head[:100]:
            return "docx"
        return ""
    start = head[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in head[:4096].lower():
        return "html"
    return ""


def read(kind: str, data: bytes, name: str) -> object:
    """The format's reader run here, in this process: an `Extracted`, or raises `Unreadable`."""
    import importlib

    module = importlib.import_module(f"index.corpus.readers.{kind}")
    return module.read(data, name)
