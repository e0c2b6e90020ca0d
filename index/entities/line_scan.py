"""Run a pattern over only the lines of a text where it can match, with exactly the matches of a whole scan.

Extraction runs some sixty patterns over every document, and each scan costs time in proportion to
the text, mostly in lines that hold nothing the pattern needs. A pattern's parse tree says which
literal strings every match must contain ("ORG" needs one of its suffix words, "SUMMIT" the word
"summit") and whether a match can cross a line break. When it cannot, a line without one of those
literals holds no match, and only the other lines are scanned. The literals are found with one
alternation of them when all start with a capital (it skips from capital to capital); as the text's
words (`index.tokens`, looked up once for every pattern) when each is whole words in any match,
which the parse tree also says ("\\b(?:said|says)[ ]+": the word "said" or "says"); else with
`str.find` when they are few. Each is far cheaper than the pattern's own scan, and a line is left at
its first hit.

Why the matches are the same as `pattern.finditer(text)`: a scan of a line range starts at `pos` (a
lookbehind and `\\b` still see the text before it) and ends after the line's newline (a lookahead sees
the newline, and nothing in such a pattern can read past one); no match spans two lines, so matches
of a whole scan are found, in order, in their own lines. Patterns the analysis cannot vouch for (a
newline possible anywhere, `^`/`$`, no required literal, case-insensitive text with the few characters
that fold to ASCII letters) are scanned whole.
"""

from __future__ import annotations

import bisect
import re
import re._constants as sre  # the parse tree's node kinds: stable within a Python minor version
import re._parser as sre_parse
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_NEWLINE = ord("\n")
# Characters other than ASCII letters that a case-insensitive ASCII letter matches (İ ı K ſ).
_FOLDS_TO_ASCII = "\u0130\u0131\u212a\u017f"
_MIN_LITERAL = 3  # shorter lowercase literals ("s", "of") are in nearly every line: no gain, only cost
# Literals are looked for one `str.find` at a time (~2.5 microseconds each on a 5 KB text) unless all
# start with a capital: one alternation of them then skips from capital to capital, cheaper for any
# number. More lowercase literals than this cost more to look for than the scan they spare.
_MAX_FINDS = 12


@dataclass(frozen=True)
class _Gate:
    literals: tuple[str, ...]  # every match contains one of them
    ignore_case: bool  # the literals are lower case and looked for in the lowered text
    finder: re.Pattern[str] | None  # all of them at once, when they all start with a capital
    words: frozenset[str] = frozenset()  # or: every match holds one of these as a whole word


_GATES: dict[re.Pattern[str], _Gate | None] = {}
_GATE_WORDS: set[str] = set()  # every word some gate asks for: a text's words are looked up once for all


def gate_of(pattern: re.Pattern[str]) -> _Gate | None:
    """What a match of the pattern must contain, or None when the whole text must be scanned."""
    if pattern not in _GATES:
        try:
            _GATES[pattern] = _analyse(pattern)
        except Exception:  # the parser is CPython's private module: if it ever changes, scan whole
            _GATES[pattern] = None
        if (gate := _GATES[pattern]) is not None:
            _GATE_WORDS.update(gate.words)
    return _GATES[pattern]


def _analyse(pattern: re.Pattern[str]) -> _Gate | None:
    if pattern.flags & (re.MULTILINE | re.DOTALL):
        return None
    tree = list(sre_parse.parse(pattern.pattern, pattern.flags))
    if _can_cross_lines(tree):
        return None
    found = _required(tree, bool(pattern.flags & re.IGNORECASE), False, False)
    if not found:
        return None
    ignore_case = any(folded for _, folded, _ in found)
    if ignore_case and not all(text.isascii() for text, _, _ in found):
        return None
    literals = sorted({text.lower() if ignore_case else text for text, _, _ in found}, key=len)
    # A literal that contains a shorter one adds nothing: a line with it has the shorter one too.
    kept: list[str] = []
    for literal in literals:
        if not any(shorter in literal for shorter in kept):
            kept.append(literal)
    if not ignore_case and all(literal[0].isupper() for literal in kept):
        return _Gate(tuple(kept), False, re.compile("|".join(map(re.escape, kept))))
    longest = [(max(_WORD_PIECE.findall(text.lower()), key=len, default=""), whole) for text, _, whole in found]
    if all(whole and _WORD.fullmatch(word) for word, whole in longest):
        # Each literal's words are whole words in any match: its longest is one of the text's words there.
        return _Gate(tuple(kept), ignore_case, None, frozenset(word for word, _ in longest))
    if len(kept) > _MAX_FINDS or len(kept[0]) < _MIN_LITERAL:
        return None
    return _Gate(tuple(kept), ignore_case, None)


_WORD_PIECE = re.compile(r"\w+")
_WORD = re.compile(r"[a-z]{3,}")  # lower-case ASCII letters: an `index.tokens` word as it is written


_Tree = list[tuple[Any, Any]]  # a parse tree's nodes: (kind, value), untyped in CPython
Requirement = set[tuple[str, bool, bool]]  # (literal, case-insensitive, whole words): a match holds one


def _required(sequence: _Tree, ignore_case: bool, after_gap: bool, before_gap: bool) -> Requirement | None:
    """Literals of which every match of the sequence holds one, the most selective found; None if none.

    after_gap, before_gap: whether what comes just before and just after the sequence can only be a
    non-word character (or the text's edge), so a literal at its start or end is a word's start or end.
    """
    choices: list[Requirement] = []
    run: list[str] = []
    run_start = 0

    def gap(index: int, side: int) -> bool:
        """Whether the character met going from a literal toward side (-1, 1) from index is a non-word one."""
        while 0 <= index < len(sequence):
            op, value = node = sequence[index]
            if _is_gap(node, side):
                return True
            if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
                index += side  # reads no character: the next node out decides
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and value[0] == 0 and value[2]:
                # Absent, the next node out decides; present, its own edge must be a non-word character.
                if not _is_gap(value[2][-1] if side < 0 else value[2][0], side):
                    return False
                index += side
            else:
                return False
        return after_gap if index < 0 else before_gap

    def end_run(index: int) -> None:
        if run:
            literal = "".join(run)
            # Its words are whole when each edge is a non-word character or beside one.
            whole = (not _WORD_CHARACTER.match(literal[0]) or gap(run_start - 1, -1)) and (
                not _WORD_CHARACTER.match(literal[-1]) or gap(index, 1)
            )
            choices.append({(literal, ignore_case, whole)})
            run.clear()

    for index, (op, value) in enumerate(sequence):
        if op is sre.LITERAL:
            if not run:
                run_start = index
            run.append(chr(value))
            continue
        end_run(index)
        before, after = gap(index - 1, -1), gap(index + 1, 1)
        found: Requirement | None = None
        if op is sre.SUBPATTERN:
            _, added, removed, inner = value
            folded = (ignore_case or bool(added & re.IGNORECASE)) and not removed & re.IGNORECASE
            found = _required(list(inner), folded, before, after)
        elif op is sre.BRANCH:
            each = [_required(list(alternative), ignore_case, before, after) for alternative in value[1]]
            if all(each):
                found = {literal for options in each if options for literal in options}
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            least, most, inner = value
            if least >= 1:  # repeated, its neighbours are itself: whole words only if once
                found = _required(list(inner), ignore_case, before and most == 1, after and most == 1)
        elif op is sre.ATOMIC_GROUP:
            found = _required(list(value), ignore_case, before, after)
        # Character sets, lookarounds, anchors and the rest require no literal.
        if found:
            choices.append(found)
    end_run(len(sequence))
    if not choices:
        return None
    return max(choices, key=lambda options: (min(len(text) for text, _, _ in options), -len(options)))


_NOT_WORD_CATEGORIES = (sre.CATEGORY_SPACE, sre.CATEGORY_NOT_WORD)


def _is_gap(node: tuple[Any, Any], side: int) -> bool:
    """Whether this node, just before (side -1) or after (side 1) a word character, sets off a word there."""
    op, value = node
    if op is sre.AT:
        return bool(value is sre.AT_BOUNDARY)  # beside a word character, "\b" means a non-word one
    if op is sre.LITERAL:
        return not _WORD_CHARACTER.match(chr(value))
    if op is sre.IN:
        return all(
            (kind is sre.LITERAL and not _WORD_CHARACTER.match(chr(item)))
            or (kind is sre.CATEGORY and item in _NOT_WORD_CATEGORIES)
            for kind, item in value
        )
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        least, _, inner = value
        return bool(least >= 1 and inner and _is_gap(inner[-1] if side < 0 else inner[0], side))
    if op is sre.ASSERT_NOT:
        direction, inner = value
        # "(?<!\w)" before, "(?![\w-])" after: no word character there
        if (direction < 0) == (side < 0) and len(inner) == 1 and inner[0][0] is sre.IN:
            return any(kind is sre.CATEGORY and item is sre.CATEGORY_WORD for kind, item in inner[0][1])
    return False


_WORD_CHARACTER = re.compile(r"\w")


def _can_cross_lines(sequence: _Tree) -> bool:
    """Whether anything in the pattern, lookarounds included, may match a newline or an anchor at one."""
    for op, value in sequence:
        if op is sre.LITERAL:
            if value == _NEWLINE:
                return True
        elif op is sre.IN:
            if _set_has_newline(value):
                return True
        elif op is sre.AT:
            if value not in (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY):
                return True  # "^", "$", "\A", "\Z": the line's end is not the text's
        elif op is sre.SUBPATTERN:
            if _can_cross_lines(list(value[3])):
                return True
        elif op is sre.BRANCH:
            if any(_can_cross_lines(list(alternative)) for alternative in value[1]):
                return True
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if _can_cross_lines(list(value[2])):
                return True
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if _can_cross_lines(list(value[1])):
                return True
        elif op is sre.ATOMIC_GROUP:
            if _can_cross_lines(list(value)):
                return True
        else:
            return True  # ".", "[^x]", "\s", back references: may read a newline
    return False


_NO_NEWLINE_CATEGORIES = (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD, sre.CATEGORY_NOT_SPACE)


def _set_has_newline(items: _Tree) -> bool:
    negated = bool(items) and items[0][0] is sre.NEGATE
    has = False
    for op, value in items:
        if op is sre.NEGATE:
            continue
        if op is sre.LITERAL:
            has = has or value == _NEWLINE
        elif op is sre.RANGE:
            low, high = value
            has = has or low <= _NEWLINE <= high
        elif op is sre.CATEGORY and value in _NO_NEWLINE_CATEGORIES:
            continue
        else:
            return True  # "\s", "\W", "\D" and anything unforeseen
    return has != negated


class LineScan:
    """One text, scanned by many patterns; what each literal's lines are is found once and kept.

    tokens: the text's `index.tokens.words`, when the caller has them (found here when a gate needs them).
    """

    def __init__(self, text: str, tokens: list[tuple[str, int, int]] | None = None) -> None:
        self.text = text
        self._tokens = tokens
        self._word_starts: dict[str, list[int]] = {}
        self._words_looked_up: set[str] = set()
        self._starts: list[int] = []
        self._ends: list[int] = []
        start = 0
        while (end := text.find("\n", start)) >= 0:
            self._starts.append(start)
            self._ends.append(end)
            start = end + 1
        self._starts.append(start)
        self._ends.append(len(text))
        self._lowered: str | None = None
        self._folds: bool | None = None
        self._lines: dict[tuple[str, bool], list[int]] = {}

    def _folding_safe(self) -> bool:
        """No character here that a case-insensitive ASCII letter matches besides its two cases."""
        if self._folds is None:
            self._folds = any(char in self.text for char in _FOLDS_TO_ASCII)
        return not self._folds

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of `pattern.finditer(text)`, scanning only lines that hold a literal it needs."""
        lines = self.lines_to_scan(pattern)
        return pattern.finditer(self.text) if lines is None else self._scan(pattern, lines)

    def lines_to_scan(self, pattern: re.Pattern[str]) -> list[int] | None:
        """The numbers of the lines that may hold a match, in order; None: the whole text."""
        gate = gate_of(pattern)
        if gate is None or len(self._starts) == 1 or (gate.ignore_case and not self._folding_safe()):
            return None
        if gate.finder is not None:
            return self._lines_found(gate.finder)
        if gate.words:
            return self._lines_with_words(gate.words)
        lines: set[int] = set()
        for literal in gate.literals:
            lines.update(self._lines_with(literal, gate.ignore_case))
        return sorted(lines)

    def _scan(self, pattern: re.Pattern[str], lines: list[int]) -> Iterator[re.Match[str]]:
        text, starts, ends = self.text, self._starts, self._ends
        i = 0
        while i < len(lines):
            first = last = lines[i]
            i += 1
            while i < len(lines) and lines[i] == last + 1:  # neighbouring lines: one scan
                last = lines[i]
                i += 1
            yield from pattern.finditer(text, starts[first], ends[last] + 1)

    def _lines_with(self, literal: str, ignore_case: bool) -> list[int]:
        key = (literal, ignore_case)
        found = self._lines.get(key)
        if found is None:
            if ignore_case:
                if self._lowered is None:
                    self._lowered = self.text.lower()  # same length: no character here folds to two
                haystack = self._lowered
            else:
                haystack = self.text
            found = self._lines[key] = []
            at = haystack.find(literal)
            while at >= 0:
                line = bisect.bisect_right(self._starts, at) - 1
                found.append(line)
                at = haystack.find(literal, self._ends[line] + 1)  # the rest of this line is in already
        return found

    def _lines_with_words(self, wanted: frozenset[str]) -> list[int]:
        if not wanted <= self._words_looked_up:
            if self._tokens is None:
                from index.tokens import words

                self._tokens = list(words(self.text))
            missing = _GATE_WORDS - self._words_looked_up  # all of them in one pass over the words
            for word, start, _ in self._tokens:
                if word in missing:
                    self._word_starts.setdefault(word, []).append(start)
            self._words_looked_up |= missing
        lines = set()
        for word in wanted:
            for start in self._word_starts.get(word, ()):
                lines.add(bisect.bisect_right(self._starts, start) - 1)
        return sorted(lines)

    def _lines_found(self, finder: re.Pattern[str]) -> list[int]:
        found = []
        hit = finder.search(self.text)
        while hit is not None:
            line = bisect.bisect_right(self._starts, hit.start()) - 1
            found.append(line)
            hit = finder.search(self.text, self._ends[line] + 1)
        return found
