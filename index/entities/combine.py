"""Rule mentions and a statistical model's spans made one list of mentions.

The rules and lists stay the domain layer: weapons, events, money and dates are theirs alone, and so is
every name a list knows (its canonical name and type), the user's `entities.toml` included. The model
is the base for people, organisations and places: it finds the names no list holds and no rule's shape
fits. Where the two overlap, the longer span wins (the model's "Organisation for Security and
Cooperation in Europe" over the rules' two pieces; the rules' "Chelyabinsk Pipe Rolling Plant" over the
model's "Chelyabinsk"); a crossing keeps the rule's. The model's finds are cleaned first (see `clean`):
its junk is lowercase words, peoples' adjectives, lone titles and spans running across a line.
Every choice here was measured on the tune halves (`bench/entities_eval.py`).
"""

from __future__ import annotations

import bisect
import itertools
import re

from index.entities.gazetteer import Gazetteer, name_key
from index.entities.given_names import GIVEN_NAMES
from index.entities.grammar import lexicon, shapes
from index.entities.grammar.shapes import is_lowercased
from index.entities.name_variants import merge_variants
from index.entities.passes import Mention, Taken, capitalised_words, link_surnames

MODEL_TYPES = frozenset({"PERSON", "ORG", "PLACE"})
# Capitalised words that are roles, not people or bodies, when the model takes one alone ("General").
_LONE_WORDS = frozenset(
    "President Minister Premier General Admiral Colonel Captain Secretary Chairman Ambassador Senator Governor "
    "Mayor King Queen Prince Pope Cardinal Bishop Judge Justice Officer Commander Director Chief Spokesman "
    "Department Ministry Government State Party University Committee Council Agency Office Court Parliament "
    "Army Navy Police Senate Congress Defence Defense Death Eyewitnesses "
    "North South East West Central Southeast Northeast Southwest Northwest Eastern Western Northern Southern "
    "GMT UTC EST EDT BST CET".split()
)
_MONTHS_DAYS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
)
# Words that open a sentence and that the model takes into the name after them ("Later Mandela said").
_SENTENCE_ADVERB = re.compile(
    r"^(?:Later|Earlier|Now|Today|Yesterday|Tomorrow|Instead|Still|Here|There|Perhaps|Maybe|Once|Soon|Again|"
    r"Recently|Finally|Separately|Elsewhere|Officially|Sources|Police|Witnesses)[ ]+(?=[A-Z])"
)
_LEADING_WHEN = re.compile(rf"^(?:{_MONTHS_DAYS})[ ]+(?=[A-Z])")
# "Beijing’s Asian Infrastructure Investment Bank", "Farrakhan's Nation of Islam": the owner is apart.
_OWNER = re.compile(r"^[^ ]+(?:[ ][A-Z][^ ]*)?[’']s[ ]+(?=[A-Z])")
_TRAILING_LOWER = re.compile(r"(?:[ ]+[a-z]+)+$")  # "Interfax news agency", "Guangdong province"
_TRAILING_NUMBER = re.compile(r"(?:[ ]+[+\d][\d./-]*)+$")  # "SEOUL 1996-08-31", "Dublin Newsroom +353"
_PLURAL_PEOPLE = re.compile(r"^[A-Z][a-z]+(?:ians|ans|ens|ese)$")  # as an organisation only: "Athens", "Evans"
_POSSESSIVE = re.compile(r"[ ]?[’']s?$")
_LEADING = re.compile(r"^(?:(?:the|The|THE|a|A|an|An)[ ]+|(?:Mr|Mrs|Ms|Dr|Madam)\.?[ ]+)")  # "Mr. President Xi"
_COMPANY_END = re.compile(rf"[ ](?:{lexicon.ORG_SUFFIX}|Co|Co\.|Ltd|Inc|Corp|Plc|SA|NV)$")
_CUT = re.compile(r"\n|\t|[ ]{2,}|[|•(\[]|[ ][-–][ ]|,[ ](?!D\.C\.)")  # "Washington, D.C." is one place


def clean(text: str, start: int, end: int, kind: str) -> tuple[int, int] | None:
    """The model's span trimmed to its name, or None when it names nothing."""
    surface = text[start:end]
    cut = _CUT.search(surface)
    if cut:  # a name never runs across a line or a table's cell: the part before the break
        surface = surface[: cut.start()]
        end = start + len(surface)
    for leading in (_LEADING, shapes.LEADING_NOISE, _SENTENCE_ADVERB, _LEADING_WHEN, _OWNER):
        if lead := leading.match(surface):
            start += lead.end()
            surface = surface[lead.end() :]
    if kind == "PERSON":
        surface, start = _without_roles(surface, start)
    for trailing in (_TRAILING_NUMBER, _TRAILING_LOWER):
        if trail := trailing.search(surface):
            surface = surface[: trail.start()]
    if trail := _POSSESSIVE.search(surface):
        surface = surface[: trail.start()]
        end = start + len(surface)
    surface = surface.rstrip(".,;:-– ")
    end = start + len(surface)
    if len(surface) < 2 or not any(ch.isupper() for ch in surface):
        return None  # "marijuana", "the south coast": the model's lowercase finds are ordinary words
    if not any(ch.isalpha() for ch in surface) or surface[:1].isdigit():
        return None
    if " " not in surface:
        if len(surface) <= 2 and not surface.isupper():
            return None  # "Ed" (editor) at a byline
        if surface in _LONE_WORDS or surface in lexicon.NOT_NAMES:
            return None
        if (shapes.is_adjective(surface) and surface not in GIVEN_NAMES) or surface in lexicon.DEMONYMS:
            return None  # "Kuwaiti", "Colombian": a people's adjective names no entity ("Julian" does)
        singular = surface[:-1] if surface.endswith("s") else ""
        if singular and (singular in lexicon.DEMONYMS or shapes.is_adjective(singular)):
            return None  # "Chechens", "Azeris", "Armenians": a people, not a place or a body
        if kind == "ORG" and _PLURAL_PEOPLE.match(surface):
            return None  # "Hutus" as a body: a people
    return start, end


def _without_roles(surface: str, start: int) -> tuple[str, int]:
    """A person's span less the roles and adjectives before the name ("Belgian King Baudouin")."""
    while " " in surface:
        first, rest = surface.split(" ", 1)
        second = rest.split(" ", 1)[0]
        # an adjective only before a role ("Belgian King Baudouin"): "Emese Bartha" is a given name
        adjective = (shapes.is_adjective(first) or first in lexicon.DEMONYMS) and (
            second in _ROLES or second in _LONE_WORDS
        )
        if first not in _LONE_WORDS and first not in _ROLES and not adjective:
            break
        surface, start = rest, start + len(first) + 1
    return surface, start


_ROLES = frozenset("King Queen Broker Archbishop Cardinal Sheikh Emperor Pope Saint St Sir Lord Lady".split())


def combine(
    text: str, rule_mentions: list[Mention], model_spans: list[tuple[int, int, str]], gazetteer: Gazetteer
) -> list[Mention]:
    """The document's mentions from both sources, in order, without overlaps."""
    finds: list[Mention] = []
    common = _CommonWords(text)
    for start, end, kind in model_spans:
        if kind not in MODEL_TYPES or (span := clean(text, start, end, kind)) is None:
            continue
        surface = text[span[0] : span[1]]
        if common.opens_sentence_as_a_word(surface, span[0]):
            continue  # "Dispute was resolved", "Tanks/APCs destroyed": a word capitalised by its place
        parts = re.split(r"[-–/]", surface)
        if len(parts) > 1 and all((p := gazetteer.lookup(part)) and p.type == "PLACE" for part in parts):
            continue  # "U.S.-Japan", "Sino-Russian" ties: the places the lists know, not a name
        known = gazetteer.lookup(surface)
        if known is None and kind == "PERSON" and _COMPANY_END.search(surface):
            kind = "ORG"  # "Kloof Gold Mining Co", "Pirelli Cables Ltd": the model's person is a company
        if known is not None:
            finds.append(Mention(*span, known.type, known.name, surface))
        else:
            finds.append(Mention(*span, kind, surface, surface))
    # In a lowercased scrape the model is weak (it sees no capitals): there the rules' finds stand alone.
    vouched = rule_mentions if is_lowercased(text) else _vouched(rule_mentions, model_spans, gazetteer)
    chosen = _resolve(text, vouched, finds, gazetteer)
    linked = link_surnames(text, chosen, capitalised_words(text))  # "Mandela" after the model's "Nelson Mandela"
    merged = merge_variants(linked, gazetteer)
    if not gazetteer.ignored:
        return merged
    ignored = gazetteer.ignored
    return [m for m in merged if name_key(m.name) not in ignored and name_key(m.text) not in ignored]


class _CommonWords:
    """The text's words as written in lowercase and capitalised mid-sentence, looked up once a text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lower: set[str] | None = None
        self._mid: set[str] = set()

    def _read(self) -> set[str]:
        if self._lower is None:
            self._lower = set(re.findall(r"\b[a-z]{3,}\b", self.text))
            self._mid = {m.group(1) for m in re.finditer(r"\b[a-z]+[,;]?[ ]+([A-Z][a-z]{2,})\b", self.text)}
        return self._lower

    def opens_sentence_as_a_word(self, surface: str, start: int) -> bool:
        """A lone capitalised word at a line's or sentence's start that the text writes in lowercase
        elsewhere and never capitalises mid-sentence: an ordinary word, not a name."""
        if " " in surface or not surface[:1].isupper() or not surface[1:].islower():
            return False
        before = self.text[max(0, start - 3) : start]
        if start and not (before.endswith("\n") or re.search(r"[.!?:][ ]+$|\n[ \t]*$", before)):
            return False
        word = surface.lower()
        forms = {word, word + "s", word + "d", word + "ed", word.removesuffix("s"), word.removesuffix("es")}
        return bool(forms & self._read()) and surface not in self._mid


def _vouched(rules: list[Mention], spans: list[tuple[int, int, str]], gazetteer: Gazetteer) -> list[Mention]:
    """The rules' people, organisations and places that a list knows or the model saw too: an unknown
    name only a rule's shape found and the model passed over is most often a table header, a title or
    a headline's capitals ("Members Observers Dialogue"). Measured on the CoNLL tune half: precision
    0.89 -> 0.90 for recall 0.89 -> 0.88; the domain tune documents and the seeds unchanged."""
    seen = Taken()
    for start, end, _ in spans:
        if seen.free(start, end):
            seen.take(start, end)
    out = []
    for m in rules:
        unknown = m.type in MODEL_TYPES and m.name not in gazetteer.entries and gazetteer.lookup(m.text) is None
        if not (unknown and seen.free(m.start, m.end)):
            out.append(m)
    return out


def _resolve(text: str, rules: list[Mention], finds: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """Each model find where no rule found anything, or in place of the rule mentions it holds whole
    and extends (see `_extends`); a find crossing a rule mention's edge gives way to it."""
    ordered = sorted(rules, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    dropped: set[int] = set()
    added: list[Mention] = []
    taken = Taken()
    for find in sorted(finds, key=lambda m: m.start - m.end):  # longest first
        if not taken.free(find.start, find.end):
            continue
        lo = bisect.bisect_left(starts, find.start)
        while lo > 0 and ordered[lo - 1].end > find.start:
            lo -= 1
        overlapping = [m for m in ordered[lo : bisect.bisect_left(starts, find.end)] if m.end > find.start]
        if overlapping and not _extends(text, find, overlapping, gazetteer):
            continue
        if find.type == "PERSON" and any(m.type == "ORG" for m in overlapping):
            # "Pirelli Cables": a person's name does not hold a company's; the model's type is wrong
            find = Mention(find.start, find.end, "ORG", find.name, find.text)
        dropped.update(id(m) for m in overlapping)
        taken.take(find.start, find.end)
        added.append(find)
    kept = [m for m in rules if id(m) not in dropped]
    return sorted(kept + added, key=lambda m: m.start)


def _extends(text: str, find: Mention, inside: list[Mention], gazetteer: Gazetteer) -> bool:
    """Whether the model's longer span is one name holding the rules' mentions, not two names side by
    side that the model ran together ("Stephen Blank Fall", "OSCE Chechnya", "Lebed Chechnya")."""
    if any(m.start < find.start or m.end > find.end or m.type not in MODEL_TYPES for m in inside):
        return False  # across a rule mention's edge, or over a weapon, event, sum or date: the rule's
    if any(m.end - m.start >= find.end - find.start for m in inside):
        return False
    for a, b in itertools.pairwise(inside):
        if not text[a.end : b.start].strip():
            return False  # two mentions with only a space between them
    for m in inside:
        if m.name not in gazetteer.entries:
            continue
        before, after = text[find.start : m.start], text[m.end : find.end]
        # A known name beside an acronym is two names ("SKR China", "Chicago NAPM"), and so is a known
        # person followed by one more capitalised word ("Stephen Blank Fall"); "East Africa", "Atlas
        # Bangladesh", "Dublin Newsroom" are one (measured: refusing every bare word lost more).
        if (_ACRONYM_BEFORE.fullmatch(before) and not after) or (_ACRONYM_AFTER.fullmatch(after) and not before):
            return False
        if m.type == "PERSON" and not before and _WORD_AFTER.fullmatch(after):
            return False
    return True


_ACRONYM_BEFORE = re.compile(r"[A-Z]{2,}[ ]")
_ACRONYM_AFTER = re.compile(r"[ ][A-Z]{2,}")
_WORD_AFTER = re.compile(r"[ ][A-Z][\w-]*")
