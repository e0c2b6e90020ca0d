from hypothesis import given
from hypothesis import strategies as st

from index.corpus.passages import MAX_PASSAGE, split_passages


def test_blank_line_blocks_are_paragraphs() -> None:
    text = "Title\n\nFirst para\nstill first.\n\nSecond."
    passages = split_passages("d", text)
    assert [text[p.start : p.end] for p in passages] == ["Title", "First para\nstill first.", "Second."]
    assert [p.number for p in passages] == [1, 2, 3]


def test_lines_are_paragraphs_without_blank_lines() -> None:
    text = "one line\ntwo line\nthree"
    assert [text[p.start : p.end] for p in split_passages("d", text)] == ["one line", "two line", "three"]


def test_long_paragraph_cut_at_sentence_ends() -> None:
    sentence = "This sentence is about forty-five characters. "
    text = sentence * 60
    passages = split_passages("d", text)
    assert len(passages) > 1
    for p in passages:
        body = text[p.start : p.end]
        assert len(body) <= MAX_PASSAGE
        assert body.endswith(".")


def test_unpunctuated_line_cut_at_word_boundaries() -> None:
    text = " ".join(f"word{i}" for i in range(1500))  # ~10,000 characters, no punctuation
    passages = split_passages("d", text)
    assert len(passages) >= 8
    for p in passages:
        body = text[p.start : p.end]
        assert len(body) <= MAX_PASSAGE
        assert not body.startswith(" ") and body.split()[0].startswith("word")
    assert " ".join(text[p.start : p.end] for p in passages) == text


def test_ids_survive_edits_elsewhere_and_repeats_stay_unique() -> None:
    before = split_passages("d", "Alpha.\n\nBeta.\n\nBeta.")
    after = split_passages("d", "New first.\n\nAlpha.\n\nBeta.\n\nBeta.")
    assert before[0].pid == after[1].pid
    assert len({p.pid for p in after}) == 4


@given(st.text(alphabet=st.sampled_from("ab .\n!?"), max_size=3000))
def test_passages_are_ordered_disjoint_and_nonblank(text: str) -> None:
    passages = split_passages("d", text)
    last = 0
    for p in passages:
        assert last <= p.start < p.end <= len(text)
        assert text[p.start : p.end].strip()
        assert p.end - p.start <= MAX_PASSAGE
        last = p.end
