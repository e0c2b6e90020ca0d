"""Passes over the mentions a document's extraction chose, each seeing them all at once.

Rules and lists find names one at a time; these passes judge them together: a name beside a known
place is a place, a list whose known names share a kind types its unknown ones, a name found once is
the same entity wherever the document repeats it, a surname alone is the person named in full
elsewhere, an event named only in a title-case headline is dropped. Also the overlap bookkeeping
(`Taken`) and the headline finder that the rules share.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from index.entities.gazetteer import Gazetteer
from index.entities.grammar import lexicon, lists, places, shapes


@dataclass(frozen=True)
class Mention:
    start: int  # offsets into the cleaned document text
    end: int
    type: str
    name: str  # canonical name
    text: str  # as written


_LINE = re.compile(r"[^\n]+")


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Lines in title case ("The Yuan Goes North"), where every word is capitalised and two
    capitalised words in a row say nothing about a name."""
    spans = []
    for line in _LINE.finditer(text):
        words_ = line.group().split()
        if line.group().rstrip().endswith("."):
            continue  # a sentence, however short and capitalised: headlines end without a full stop
        if 3 <= len(words_) <= 16 and sum(w[:1].isupper() for w in words_) >= 0.7 * len(words_):
            spans.append(line.span())
    return spans


def within(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` falls in one of the sorted, disjoint spans (a bisection: a text of thousands of
    title-case lines asks this for every name)."""
    i = bisect.bisect_right(spans, (at, float("inf"))) - 1  # the last span starting at or before `at`
    return i >= 0 and spans[i][0] <= at < spans[i][1]


class Taken:
    """Spans already given to mentions, kept sorted by start: an overlap check is two lookups."""

    def __init__(self, mentions: Iterable[Mention] = ()) -> None:
        ordered = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in ordered]
        self.ends = [m.end for m in ordered]

    def free(self, start: int, end: int) -> bool:
        at = bisect.bisect_left(self.starts, start)
        if at < len(self.starts) and self.starts[at] < end:
            return False  # the next span starts inside this one
        return not (at > 0 and self.ends[at - 1] > start)  # or the previous one runs into it

    def take(self, start: int, end: int) -> None:
        at = bisect.bisect_left(self.starts, start)
        self.starts.insert(at, start)
        self.ends.insert(at, end)


def places_by_company(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name nothing else recognised, paired with a known place by "between ... and" or "from ... to",
    placed in one ("at X in Y"), where something is ("near X"), where a facility stands ("the smelter at
    X") or where a meeting is held ("the G20 summit in X"), is a place."""
    if not any(word in text for word in ("between ", "from ", " in ", "near ", " at ", "outside ")):
        return mentions
    by_span = {(m.start, m.end): m for m in mentions}
    taken = Taken(mentions)
    added: list[Mention] = []
    pairs = [(m, "b", "a") for m in places.PLACE_IN_PLACE.finditer(text)]  # the place is the one after "in"
    pairs += [(m, "", "a") for m in places.NEAR.finditer(text)] if "near " in text else []
    pairs += [(m, "", "a") for m in places.PLACED_BY_KIND.finditer(text)]
    pairs += [(m, known, other) for m in places.PLACE_PAIR.finditer(text) for known, other in (("a", "b"), ("b", "a"))]
    for match, known, other in pairs:
        partner = by_span.get(match.span(known)) if known else None
        start, end = match.span(other)
        name = match.group(other)
        if (
            (not known or (partner is not None and partner.type == "PLACE"))
            and taken.free(start, end)
            and not any(word in lexicon.NOT_NAMES for word in name.split())
        ):
            taken.take(start, end)
            added.append(Mention(start, end, "PLACE", name, name))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def not_only_in_headlines(
    text: str, mentions: list[Mention], gazetteer: Gazetteer, headlines: list[tuple[int, int]]
) -> list[Mention]:
    """An event no list holds, found only in title-case headlines, is dropped: a headline capitalises
    every word, so "Central Asia's Water War Looms" says nothing of a "Water War"; a named event is
    named again below it."""
    if not headlines:
        return mentions
    starts, ends = [s for s, _ in headlines] + [len(text)], [0] + [e for _, e in headlines]
    body = "\n".join(text[after:before] for before, after in zip(starts, ends, strict=True))
    kept = []
    for m in mentions:
        in_headline = within(headlines, m.start)
        if (
            in_headline
            # people (bylines), places ("Bering Sea", "the Kambarata Dam") and organisations are often
            # named only there: tried on places too, it lost more real ones than it dropped false ones
            and m.type == "EVENT"
            and m.text not in body
            and gazetteer.lookup(m.text) is None
            and gazetteer.lookup(m.name) is None
        ):
            continue
        kept.append(m)
    return kept


def list_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the items of a list written in text[start:end], cut at commas, "and" and "or"."""
    parts, at = [], start
    for part in lists.LIST_SPLIT.split(text[start:end]):
        if part:
            at = text.index(part, at)
            parts.append((at, at + len(part)))
            at += len(part)
    return parts


def listed_with_known(text: str, mentions: list[Mention], headlines: list[tuple[int, int]]) -> list[Mention]:
    """In a list of three names or more, two or more of them known and all of one kind, a name nothing
    else recognised is that kind too: "Huawei, Zoomlion and BelGee" are three companies."""
    if ", " not in text:
        return mentions
    by_span = {(m.start, m.end): m for m in mentions}
    starts = [m.start for m in mentions]  # mentions come sorted and disjoint
    added: list[Mention] = []
    dropped: set[int] = set()
    for listed in lists.NAME_LIST.finditer(text):
        if within(headlines, listed.start()):
            continue  # "Russia, China And The West": a title-case line says nothing of kinds
        items = []
        for start, end in list_parts(text, *listed.span()):
            owner = lists.OWNER.match(text, start, end)  # "China's CNNC": the item is CNNC
            items.append((owner.end() if owner and owner.end() < end else start, end))
        known = [by_span[span] for span in items if span in by_span]
        unknown = [span for span in items if span not in by_span]
        kinds = {m.type for m in known}
        if len(known) < 2 or len(kinds) != 1 or not kinds <= {"ORG", "PLACE", "PERSON"} or not unknown:
            continue
        kind = kinds.pop()
        for start, end in unknown:
            # Names inside an item give way to the whole item ("Korea" in "Korea Hydro & Nuclear Power"),
            # unless one is already of the list's kind ("Defense Minister Sergei Shoigu" holds its
            # person); a name running across the item's edge means it is not a whole name.
            first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
            inside = [m for m in mentions[first:last] if m.end <= end]
            across = (first > 0 and mentions[first - 1].end > start) or len(inside) < last - first
            name = text[start:end]
            if (
                across
                or any(m.type == kind for m in inside)
                or any(word in lexicon.NOT_NAMES for word in name.split())
                or (kind == "PERSON" and not shapes.looks_like_person(name))
            ):
                continue
            dropped.update(id(m) for m in inside)
            added.append(Mention(start, end, kind, name, name))
    if not added:
        return mentions
    return sorted([m for m in mentions if id(m) not in dropped] + added, key=lambda m: m.start)


def makers_of_models(text: str, mentions: list[Mention]) -> list[Mention]:
    """A maker's city right before a model number is part of the model's name, not a place."""
    mentions = list(mentions)
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and m.type == "PLACE"
            and m.text in lexicon.MAKER_CITIES
            and nxt.type == "WEAPON"
            and text[m.end : nxt.start] == " "
            and any(ch.isdigit() for ch in nxt.text)
        ):
            mentions[i + 1] = Mention(m.start, nxt.end, "WEAPON", nxt.name, text[m.start : nxt.end])
            continue
        out.append(m)
    return out


def numbered(text: str, mentions: list[Mention]) -> list[Mention]:
    """Extend a place or organisation by the number right after it: "Power of Siberia 2" is a pipeline
    of its own, not the first one."""
    out = []
    for i, m in enumerate(mentions):
        # Only names of two words or more: "GCC 5" is a compiler's version, "Nord Stream 2" a pipeline.
        found = lists.NUMBERED.match(text, m.end) if m.type in ("PLACE", "ORG") and " " in m.text else None
        following = mentions[i + 1].start if i + 1 < len(mentions) else len(text)
        if found and found.end() <= following:
            number = found.group("n")
            m = Mention(m.start, found.end(), m.type, f"{m.name} {number}", text[m.start : found.end()])
        out.append(m)
    return out


def capitalised_words(text: str) -> list[tuple[int, str]]:
    """(start, word) of every capitalised word: what the repeated-name and surname passes both look up."""
    return [(match.start(), match.group()) for match in shapes.CAPITALISED_WORD.finditer(text)]


def repeated(text: str, mentions: list[Mention], capitals: list[tuple[int, str]]) -> list[Mention]:
    """A name found once is that entity wherever the text repeats it: "Sinotrans" named in a list,
    then alone; "Karlygash Group" set off by what it is, then as the subject of a sentence."""
    kinds = ("ORG", "PLACE", "EVENT", "WEAPON")
    found = {m.text: m for m in mentions if m.type in kinds and len(m.text) >= 3 and m.text[:1].isupper()}
    if not found:
        return mentions
    # Looked up from each capitalised word by its first word, longest name first: a pattern of this
    # document's names would be compiled anew for every document (~1 ms each).
    by_first: dict[str, list[str]] = defaultdict(list)
    for name in sorted(found, key=len, reverse=True):
        if first_word := shapes.CAPITALISED_WORD.match(name):
            by_first[first_word.group()].append(name)
    taken = Taken(mentions)
    added = []
    after = 0
    for start, word in capitals:
        if start < after or word not in by_first or (start and text[start - 1] in "’'-"):
            continue
        for name in by_first[word]:
            end = start + len(name)
            if text.startswith(name, start) and not (end < len(text) and (text[end].isalnum() or text[end] in "_’'-")):
                if taken.free(start, end):  # not inside or across a mention already there
                    first = found[name]
                    added.append(Mention(start, end, first.type, first.name, name))
                after = end
                break
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def link_surnames(text: str, mentions: list[Mention], capitals: list[tuple[int, str]] | None) -> list[Mention]:
    """A surname alone, or after Mr./Ms., is the full name met in the same document; `capitals` is None
    in lowercased text, where a surname is only what the rules found."""
    full: dict[str, str] = {}
    for mention in mentions:
        if mention.type == "PERSON" and " " in mention.name:
            parts = mention.name.replace(".", "").split()
            full.setdefault(parts[-1].lower(), mention.name)
            if len(parts) == 2:  # Chinese, Korean, Vietnamese names put the family name first
                full.setdefault(parts[0].lower(), mention.name)
    out = []
    for mention in mentions:
        if mention.type == "PERSON" and " " not in mention.name and mention.name.lower() in full:
            mention = Mention(mention.start, mention.end, "PERSON", full[mention.name.lower()], mention.text)
        out.append(mention)
    taken = Taken(out)
    if capitals is not None and full:
        # Every capitalised word, looked up: no pattern of this document's surnames compiled per document.
        for start, word in capitals:
            name = full.get(word.lower())
            end = start + len(word)
            if name is not None and taken.free(start, end):
                out.append(Mention(start, end, "PERSON", name, word))
    return sorted(out, key=lambda m: m.start)
