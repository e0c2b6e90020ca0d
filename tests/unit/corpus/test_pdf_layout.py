"""The PDF reader's pure line work: hyphens rejoined, running headers and footers dropped, paragraphs."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from index.corpus.readers.pdf import page_blocks
from index.corpus.readers.pdf_layout import join_lines, numbered_lines, paragraphs, running_lines, strip_furniture

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)
SENTENCE = st.lists(WORD, min_size=5, max_size=8).map(lambda ws: " ".join(ws).capitalize() + ".")


@given(WORD, WORD)
def test_a_word_cut_by_a_hyphen_at_a_line_end_is_whole_again(left: str, right: str) -> None:
    assert join_lines(f"the {left}-", f"{right} went on") == f"the {left}{right} went on"


@given(WORD, WORD)
def test_a_hyphen_before_a_capital_or_a_number_stays(left: str, right: str) -> None:
    assert join_lines(f"the {left}-", f"{right.capitalize()} talks") == f"the {left}- {right.capitalize()} talks"
    assert join_lines("in 2017-", "2019 it") == "in 2017- 2019 it"


@given(st.lists(SENTENCE, min_size=9, max_size=16, unique=True), st.integers(1, 3), st.booleans())  # 3+ pages
@settings(suppress_health_check=[HealthCheck.too_slow])  # on a busy machine
def test_running_headers_and_page_numbers_go_and_the_text_stays(text: list[str], per_page: int, roman: bool) -> None:
    pages = [text[i : i + per_page] for i in range(0, len(text), per_page)]
    laid_out = [
        ["Annual Report of the Agency", *body, f"{'ivxlc'[n % 5] if roman else n + 1}"] for n, body in enumerate(pages)
    ]
    running = running_lines(laid_out)
    for lines, body in zip(laid_out, pages, strict=True):
        assert strip_furniture(lines, running) == body


@given(st.lists(SENTENCE, min_size=3, max_size=8))
def test_a_header_on_the_first_page_only_is_text(body: list[str]) -> None:
    pages = [["A Title Seen Once", *body], body, body]
    assert strip_furniture(pages[0], running_lines(pages))[0] == "A Title Seen Once"


@given(st.lists(st.lists(WORD, min_size=8, max_size=24), min_size=1, max_size=4))
def test_lines_cut_anywhere_make_the_same_paragraphs(texts: list[list[str]]) -> None:
    """A paragraph broken into lines of any width comes back as the one paragraph, word for word."""
    wanted = [" ".join(words).capitalize() + "." for words in texts]
    lines: list[str] = []
    for paragraph in wanted:
        words = paragraph.split()
        lines += [" ".join(words[i : i + 6]) for i in range(0, len(words), 6)]
        lines.append("")
    assert paragraphs(lines) == wanted


def test_a_paragraph_cut_by_a_page_break_runs_on_and_keeps_each_page() -> None:
    pages = [["The delegation arrived in the city", "and met the minister of"], ["defence on the same day.", "1"]]
    blocks = page_blocks(pages)
    assert [(b.locator, b.joined) for b in blocks] == [("p. 1", False), ("p. 2", True)]


@given(
    st.lists(SENTENCE, min_size=6, max_size=14, unique=True),
    st.lists(st.sampled_from(["1.2. METRIC SPACES", "2.1. MANIFOLDS", "Chapter Three"]), min_size=6, max_size=14),
    st.integers(0, 40),
    st.booleans(),
)
def test_headers_carrying_the_page_number_go_even_as_their_text_changes(
    text: list[str], sections: list[str], first_number: int, at_end: bool
) -> None:
    pages = [
        [f"{section} {first_number + n}" if at_end else f"{first_number + n} {section}", body]
        for n, (section, body) in enumerate(zip(sections, text, strict=False))
    ]
    assert numbered_lines(pages) == {(n, 0) for n in range(len(pages))}
    assert page_blocks(pages)[0].text == text[0]


def test_numbers_that_do_not_follow_the_pages_are_text() -> None:
    pages = [["12 apples were sold.", "The end."], ["3 ships came in.", "Then."], ["40 men left.", "Later."]]
    assert numbered_lines(pages) == set()


def test_accents_drawn_before_their_letter_are_composed() -> None:
    # pdf.js's tracemonkey.pdf (TeX) gives "na¨ıve"; "it´s" has no Latin-1 letter to make and stays
    assert paragraphs(["The na¨ıve version and a caf´e, but it´s and ¨ alone stay."]) == [
        "The naïve version and a café, but it´s and ¨ alone stay."
    ]
