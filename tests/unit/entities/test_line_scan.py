import importlib
import pkgutil
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from index.entities import grammar
from index.entities.grammar import anchors, events, places
from index.entities.line_scan import LineScan, gate_of

GRAMMAR_MODULES = [
    importlib.import_module(f"index.entities.grammar.{info.name}") for info in pkgutil.iter_modules(grammar.__path__)
]
GRAMMAR_PATTERNS = list(
    {
        id(value): value
        for module in GRAMMAR_MODULES
        for value in vars(module).values()
        if isinstance(value, re.Pattern)
    }.values()
)
# Shapes the analysis must get right beyond the grammar's: lookarounds at a line's ends, "$", a
# case-insensitive group, a newline inside the pattern, a pattern with no literal at all.
OWN_PATTERNS = [
    re.compile(r"(?<=\n)Bank\b"),
    re.compile(r"\bSea(?!\n)"),
    re.compile(r"Sea(?=[ ]Port)"),
    re.compile(r"Bank$"),
    re.compile(r"^Bank"),
    re.compile(r"(?i:summit)[ ]+\w+"),
    re.compile(r"summit", re.IGNORECASE),
    re.compile(r"Bank\nSea"),
    re.compile(r"Bank\s+Sea"),
    re.compile(r"[A-Z]\w+"),
    re.compile(r"(?:Bank|Sea)(?:[ ]+[A-Z]\w*){0,2}"),
]
ALPHABET = st.sampled_from(
    "Bank|Sea|Port|summit|SUMMIT|ſummit|Summit| |\n|\r\n|,|Minister|President Xi|Wang Yi|the|of|Institute|"
    "Ministry of Defence|said|Gazprom|-|S-400|$5 billion|March 3|’s|İ|K|drills|Joint Sea 2024|exercise|"
    # words the whole-word gates look up, and what sits beside them
    "Said|SAID|ſaid|says|x.said|U.S.said|said2|_said|saidé|said́|.|analyst|, an analyst|company|companies,|"
    "banks|-registered|Swiss-registered Epsilon|CEO|ceo|’s chief executive|made by|owned by|Wang Yi, a|e|"
    "exercises in|drills in|protests in|exercise in|the plant at|summit in".split("|")
)


def spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=500, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_a_line_scan_finds_exactly_what_a_whole_scan_finds(text: str) -> None:
    scan = LineScan(text)
    for pattern in GRAMMAR_PATTERNS + OWN_PATTERNS:
        assert spans(scan.finditer(pattern)) == spans(pattern.finditer(text)), pattern.pattern


def test_the_same_on_the_seeds() -> None:
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parents[3] / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        scan = LineScan(text)
        for pattern in GRAMMAR_PATTERNS:
            assert spans(scan.finditer(pattern)) == spans(pattern.finditer(text))


def test_only_lines_holding_a_needed_literal_are_scanned() -> None:
    text = "The Bank of Russia said.\nNothing here.\nMore text.\nThe summit in Kazan.\nThe Caspian Sea."
    scan = LineScan(text)
    assert scan.lines_to_scan(events.SUMMIT) == [3]
    assert scan.lines_to_scan(places.PLACE) == [4]
    assert scan.lines_to_scan(re.compile(r"(?i:summit)")) == [3]


def test_patterns_it_cannot_vouch_for_are_scanned_whole() -> None:
    for pattern in (r"Bank$", r"^Bank", r"Bank\nSea", r"Bank\s+Sea", r"Bank.Sea", r"[A-Z]\w+", r"Bank[^,]"):
        assert gate_of(re.compile(pattern)) is None, pattern
    assert gate_of(re.compile(r"Bank[ ]+(?:of|for)[ ]+\w+")) is not None
    assert LineScan("one line, no break: Bank of X").lines_to_scan(re.compile("Bank")) is None


def test_case_insensitive_literals_and_the_letters_that_fold_to_ascii() -> None:
    pattern = re.compile(r"\bsummit\b", re.IGNORECASE)
    text = "a\nthe SUMMIT\nb\nthe ſummit"  # "ſ" (long s) matches "s" case-insensitively
    assert [m.group() for m in LineScan(text).finditer(pattern)] == ["SUMMIT", "ſummit"]
    assert LineScan("a\nthe SUMMIT\nb").lines_to_scan(pattern) == [1]


def test_hand_written_anchors_only_for_patterns_the_line_scan_cannot_limit() -> None:
    assert [pattern.pattern[:40] for pattern in anchors.ANCHORS if gate_of(pattern) is not None] == []


def gate_words(pattern: str) -> frozenset[str]:
    gate = gate_of(re.compile(pattern))
    return gate.words if gate is not None else frozenset()


def test_whole_word_gates_only_where_every_match_sets_the_word_off() -> None:
    # (Alternatives with a common start are parsed as the start and then the rest: none here.)
    assert gate_words(r"\b(?:said|wrote)[ ]+[A-Z]\w+") == {"said", "wrote"}
    assert gate_words(r"\bthe[ ]+(?:[a-z-]+[ ]+){0,3}?analyst,?[ ]+") == {"analyst"}  # optional words between
    assert gate_words(r"(?<![\w-])according to[ ]") == {"according"}  # the longest word of a phrase
    assert gate_words(r"\b(?:CEO|chairman)\b") == {"ceo", "chairman"}  # as `index.tokens` writes words
    # A neighbour that may be a letter: the literal can be part of a longer word.
    assert gate_words(r"\bexercises?[ ]+in\b") == frozenset()
    assert gate_words(r"x?said\b") == frozenset()
    assert gate_words(r"(?:[a-z-]+[ ]+){0,3}?analyst\b") == frozenset()  # at the start: "xanalyst" too
    assert gate_words(r"\bsaid\w*") == frozenset()
    assert gate_words(r"[a-z]said\b") == frozenset()
    assert gate_words(r"\bsaid(?=[ ])") == frozenset()  # a lookahead reads no character: nothing after


def test_a_word_gate_finds_the_words_however_they_are_written() -> None:
    pattern = re.compile(r"\b(?:said|wrote)\b")
    text = "a\nSaid no one\nb\nU.S.said\nc\nsaid2 said_\nd\nit wrote,"
    assert [m.group() for m in LineScan(text).finditer(pattern)] == [m.group() for m in pattern.finditer(text)]
    assert LineScan(text).lines_to_scan(pattern) == [1, 3, 5, 7]
