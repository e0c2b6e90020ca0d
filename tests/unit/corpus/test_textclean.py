import codecs

from hypothesis import given
from hypothesis import strategies as st

from index.corpus.textclean import binary_reason, clean_text, decode, safe_line


def test_utf8_with_and_without_bom() -> None:
    assert decode("Шойгу".encode()) == ("Шойгу", "utf-8")
    assert decode(codecs.BOM_UTF8 + "Шойгу".encode()) == ("Шойгу", "utf-8-sig")


def test_utf16_with_bom_and_without() -> None:
    assert decode(codecs.BOM_UTF16_LE + "Xinhua 新华".encode("utf-16-le"))[0] == "Xinhua 新华"
    assert decode(codecs.BOM_UTF16_BE + "Xinhua".encode("utf-16-be"))[0] == "Xinhua"
    assert decode("plain ascii in utf16".encode("utf-16-le"))[0] == "plain ascii in utf16"


def test_cp1252_and_mixed_fall_back_per_byte() -> None:
    text, encoding = decode("Putin’s “deal” café".encode("cp1252"))
    assert text == "Putin’s “deal” café" and encoding == "cp1252"
    text, encoding = decode("café ".encode() + "naïve".encode("cp1252"))
    assert text == "café naïve" and encoding == "utf-8/cp1252 mixed"


def test_binary_detection() -> None:
    import gzip

    assert binary_reason(gzip.compress(b"x")) == "gzip data"
    assert binary_reason(bytes(range(256)) * 10) == "binary data"
    assert binary_reason(b"text with one \x00 nul") == ""
    assert binary_reason(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le")) == ""


def test_clean_text_normalises_and_drops_controls() -> None:
    raw = "a\r\nb\rc\x00d\x1b[31me\u202eF\u200bG\tH\u2028I" + "e\u0301"
    assert clean_text(raw) == "a\nb\ncd[31meFG H\nIé"


def test_safe_line_is_one_line_and_bounded() -> None:
    assert safe_line("x\ny\x1b]0;t\x07", limit=5) == "x y]…"


@given(st.binary(max_size=400))
def test_decode_never_fails_and_cleaned_text_is_inert(data: bytes) -> None:
    text, _ = decode(data)
    cleaned = clean_text(text)
    assert "\x1b" not in cleaned and "\x00" not in cleaned and "\r" not in cleaned
    assert all(ch == "\n" or ch >= " " for ch in cleaned)


@given(st.text(max_size=200))
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once
