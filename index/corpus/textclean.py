"""Bytes to clean text: decoding any encoding a user meets, and the one sanitiser for display.

Everything shown to a person (document text, file names, metadata, notes) passes through
`clean_text` or `safe_line`, so no control character or escape sequence reaches a terminal.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# cp1252 leaves five bytes undefined; latin-1 maps them to C1 controls, which cleaning drops.
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip data"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "executable"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ", "xz data"),
    (b"SQLite format 3\x00", "SQLite database"),
)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    chars = "".join(bytes([b]).decode("latin-1") if b in _CP1252_HOLES else bytes([b]).decode("cp1252") for b in bad)
    return chars, error.end


codecs.register_error("ralign-cp1252", _cp1252_fallback)


def binary_reason(data: bytes) -> str:
    """Why these bytes are not a text document, or "" when they may be text."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            return what
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_guess(data):
        return ""
    sample = data[:65536]
    if not sample:
        return ""
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls / len(sample) > 0.10:
        return "binary data"
    return ""


def _utf16_guess(data: bytes) -> str:
    """UTF-16 without a BOM: mostly-ASCII text leaves NULs in every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return ""
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return ""


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes of unknown encoding; returns (text, encoding name as a person would say it)."""
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8) :]
        try:
            return body.decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return body.decode("utf-8", "ralign-cp1252"), "utf-8-sig/cp1252"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, "replace"), "utf-16"
    guess = _utf16_guess(data)
    if guess:
        return data.decode(guess, "replace"), guess
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "ralign-cp1252")
    multibyte = re.search(rb"[\xc2-\xf4][\x80-\xbf]", data) is not None
    return text, "utf-8/cp1252 mixed" if multibyte else "cp1252"


# Cc (controls), Cf (format: bidi overrides and isolates, zero-width characters, BOM, tags) and
# lone surrogates are dropped; other line separators become newlines, a tab becomes a space.
_LINE_BREAKS = re.compile(r"\r\n|\r|\u2028|\u2029|\x85|\x0b|\x0c")
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\ud800-\udfff\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


def clean_text(text: str) -> str:
    """Normalise line ends and Unicode (NFC); drop NULs, control and format characters."""
    text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    return _INVISIBLE.sub("", text).replace("\t", " ")


def safe_line(text: str, limit: int = 0) -> str:
    """Any string (file name, title, note) made safe for one line of a terminal."""
    line = clean_text(text.encode("utf-8", "replace").decode("utf-8")).replace("\n", " ")
    if limit and len(line) > limit:
        line = line[: max(0, limit - 1)] + "…"
    return line
