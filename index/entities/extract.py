"""Who and what a text names: people, organisations, places, weapons systems, events, money, dates.

Two sources, merged longest-first: the gazetteer (`gazetteer.toml` plus the user's `entities.toml`),
matched on normalised words so "U.S." = "US" = a scrape's "u s"; and rules for what no list
holds: titles before names ("Foreign Minister Wang Yi"), organisation and place suffixes ("the
Carnegie Moscow Center", "South China Sea"), weapon designators ("Su-35", "40N6", "Amur-class"),
named exercises ("Joint Sea 2015"), money and date shapes. A surname alone links to the full name
met in the same document. In lowercased text, names that are also ordinary words ("blank",
"sands", "may") count only after a title or where the full name appears in the same text.

This module runs the sources and decides between what they find: the gazetteer's matches, the rule
table (`index.entities.rules`, whose patterns are in `index.entities.grammar`), then the overlap
resolution, then the passes that judge the chosen mentions together (`index.entities.passes`).
"""

from __future__ import annotations

import re

from index.entities.gazetteer import EntityInfo, Gazetteer, load_gazetteer, name_key
from index.entities.given_names import CHINESE_FAMILY_NAMES, GIVEN_NAMES
from index.entities.grammar import amounts, lexicon, lowercase, shapes
from index.entities.grammar.shapes import is_lowercased
from index.entities.line_scan import LineScan
from index.entities.name_variants import merge_variants
from index.entities.page_furniture import blanked
from index.entities.passes import (
    Mention,
    Taken,
    capitalised_words,
    headline_lines,
    link_surnames,
    listed_with_known,
    makers_of_models,
    not_only_in_headlines,
    numbered,
    places_by_company,
    repeated,
)
from index.entities.rule_reading import Reading
from index.entities.rules import CASED_RULES
from index.entities.text_repair import glued_joins, to_original, to_repaired, with_spaces
from index.tokens import words

__all__ = ["Mention", "extract", "is_lowercased"]


# extraction ----------------------------------------------------------------------
def extract(
    text: str,
    gazetteer: Gazetteer | None = None,
    tokens: list[tuple[str, int, int]] | None = None,
    model_spans: list[tuple[int, int, str]] | None = None,
) -> list[Mention]:
    """Every entity mention in a cleaned document text, in order, without overlaps.

    tokens: the text's `index.tokens.words`, when the caller has them already.
    model_spans: the statistical model's (start, end, type) finds, when the entity pass has them
    (`index.entities.statistical`): the rules' mentions are then combined with them
    (`index.entities.combine`); None, or none found, is the rules alone.
    """
    gazetteer = gazetteer or load_gazetteer()
    shown = blanked(text)  # a page's citation marks and infobox labels read as spaces, offsets kept
    if shown != text:
        text, tokens = shown, None  # the caller's words were cut from the text before blanking
    if joins := glued_joins(text, gazetteer):
        return _extract_repaired(text, joins, gazetteer, model_spans)
    if model_spans:  # a model that found nothing vouches for nothing: the rules alone, as without one
        from index.entities.combine import combine

        return combine(text, extract(text, gazetteer, tokens), model_spans, gazetteer)
    lowercase = is_lowercased(text)
    tokens = list(words(text)) if tokens is None else tokens
    found = _gazetteer_mentions(text, gazetteer, lowercase, tokens)
    scan = LineScan(text, tokens)  # each rule's pattern scans only the lines that hold a word it needs
    if not lowercase:
        headlines = headline_lines(text)  # asked by the rules and two passes: found once
        found += _rule_mentions(text, gazetteer, headlines, scan)
    else:
        found += _lowercase_rule_mentions(text, gazetteer, scan)
    chosen = _resolve_overlaps(found)
    capitals = None if lowercase else capitalised_words(text)  # looked up by two passes: found once
    chosen = link_surnames(text, chosen, capitals)
    if capitals is not None:
        chosen = listed_with_known(text, places_by_company(text, chosen), headlines)
        chosen = repeated(text, numbered(text, makers_of_models(text, chosen)), capitals)
        chosen = not_only_in_headlines(text, chosen, gazetteer, headlines)
    chosen = merge_variants(chosen, gazetteer)
    if not gazetteer.ignored:
        return chosen
    return [
        m for m in chosen if name_key(m.name) not in gazetteer.ignored and name_key(m.text) not in gazetteer.ignored
    ]


def _extract_repaired(
    text: str, joins: list[int], gazetteer: Gazetteer, model_spans: list[tuple[int, int, str]] | None
) -> list[Mention]:
    """`extract` on the text with a space at each scraping join, offsets mapped back to the text."""
    repaired = with_spaces(text, joins)
    spans = None
    if model_spans is not None:
        spans = [(to_repaired(s, joins), to_repaired(e, joins, end=True), k) for s, e, k in model_spans]
    out = []
    for m in extract(repaired, gazetteer, None, spans):
        start, end = to_original(m.start, joins), to_original(m.end, joins)
        name = text[start:end] if m.name == m.text else m.name
        out.append(Mention(start, end, m.type, name, text[start:end]))
    return out


def _gazetteer_mentions(
    text: str, gazetteer: Gazetteer, lowercase: bool, tokens: list[tuple[str, int, int]]
) -> list[tuple[int, Mention]]:
    # Only lowercased text asks whether a full name is present (to accept an ordinary-word alias).
    full_names_present = gazetteer.full_keys & _ngram_keys(tokens) if lowercase else set()
    out: list[tuple[int, Mention]] = []
    plain = tuple(t[0] for t in tokens)  # slices of a tuple of words compare in C
    # Only words some name starts with are tried (found in one pass in C), in order; a name matched
    # at i takes its words, so the next try is at the first word after it.
    resume = 0
    for i in [i for i, word in enumerate(plain) if word in gazetteer.first_words]:
        if i < resume:
            continue
        for form, entry, alias in gazetteer.candidates(plain[i]):
            size = len(form)
            if plain[i : i + size] != form:
                continue
            start, end = tokens[i][1], tokens[i + size - 1][2]
            surface = text[start:end]
            if text[end : end + 1] == "-" and text[end + 1 : end + 2].isdigit():
                continue  # "CFR-600" is a model number, not the Council on Foreign Relations
            if _WORD_GOES_ON.match(text, end):
                continue  # "Xi'an" is a city, not Xi Jinping: an apostrophe inside a word joins it
            if not _acceptable(surface, form, entry, alias, lowercase, text, start, full_names_present):
                continue
            if (
                size == 1
                and surface.isupper()
                and _SHOUTED_BEFORE.search(text, max(0, start - 40), start)
                and _SHOUTED_AFTER.match(text, end)
            ):
                continue  # "OTHER PARTIES WHO PROVIDE": a word of a sentence in capitals, not the WHO
            out.append((3, Mention(start, end, entry.type, entry.name, surface)))
            resume = i + size
            break
    return out


_SHOUTED_BEFORE = re.compile(r"\b[A-Z]{2,}[ ]$")
_WORD_GOES_ON = re.compile(r"[’'](?![sS]\b)[A-Za-z]")  # "Xi'an", "O'Neill", not the possessive "Xi's"
_INNER_APOSTROPHE = re.compile(r"\w[’']\w")
_WEAPON_KIND_AFTER = re.compile(
    r"[ ](?:missiles?|batter(?:y|ies)|launchers?|systems?|drones?|rockets?|interceptors?|air defen[cs]e)\b"
)
_SHOUTED_AFTER = re.compile(r"[ ][A-Z]{2,}\b")


def _ngram_keys(tokens: list[tuple[str, int, int]]) -> set[str]:
    keys = set()
    for size in (2, 3, 4):
        for i in range(len(tokens) - size + 1):
            keys.add(" ".join(t[0] for t in tokens[i : i + size]))
    return keys


def _acceptable(
    surface: str,
    form: tuple[str, ...],
    entry: EntityInfo,
    alias: str,
    lowercase: bool,
    text: str,
    start: int,
    full_names_present: set[str],
) -> bool:
    if (
        ("'" in alias or "’" in alias)
        and _INNER_APOSTROPHE.search(alias)
        and not _INNER_APOSTROPHE.search(surface)
        and not alias.endswith(("'s", "’s"))
    ):
        return False  # "Xi'an" needs its apostrophe: "president xi an ally" in a scrape is no city
    if lowercase:
        if len(form) > 1 or form[0] not in lexicon.COMMON_WORDS:
            return True
        if entry.type == "WEAPON" and _WEAPON_KIND_AFTER.match(text, start + len(surface)):
            return True  # "two patriot batteries", "stinger missiles": a system before its kind
        # An ordinary word counts only after a title, or where the full name is in the text too.
        before = text[max(0, start - 25) : start].lower()
        if re.search(r"\b(?:mr|mrs|ms|dr|president|minister|premier|general)\s*$", before):
            return True
        if re.search(r"\b(?:a|an|the|this|that|of|its|his|her|their|our|my|your|in|on|at)\s*$", before):
            return False  # "a blank page", "in may": an ordinary word after a determiner or preposition
        return name_key(entry.name) in full_names_present and name_key(entry.name) != form[0]
    # In cased text a name is capitalised as written: "blank" is not Stephen Blank, "us" not the US.
    first = surface[:1]
    if first.islower() and not alias[:1].islower() and not shapes.DOMAIN.search(alias):
        return False  # web domains are written in lower case: "kremlin.ru" is Kremlin.ru
    # "Us" at a sentence start is not the US: short all-capital names must be written in capitals.
    if len(form) == 1 and alias.isupper() and not surface.isupper() and len(alias) <= 3:
        return False
    # An organisation's or a weapon's two-word name is capitalised at both ends: "The guardian" opening a
    # sentence is not the newspaper, "Russian railways" not Russian Railways (places are written "the
    # Diaoyu islands" too).
    if entry.type not in ("ORG", "WEAPON") or len(form) != 2 or " " not in alias:
        return True
    return not (alias.rsplit(None, 1)[-1][:1].isupper() and surface.rsplit(None, 1)[-1][:1].islower())


def _rule_mentions(
    text: str, gazetteer: Gazetteer, headlines: list[tuple[int, int]], scan: LineScan
) -> list[tuple[int, Mention]]:
    """What the rule table (`index.entities.rules`) names in a cased text, in the order named."""
    reading = Reading(text, gazetteer, headlines, scan)
    for rule in CASED_RULES:
        rule.run(reading)
    return reading.found


def _lowercase_rule_mentions(text: str, gazetteer: Gazetteer, scan: LineScan) -> list[tuple[int, Mention]]:
    out: list[tuple[int, Mention]] = []
    for match in scan.finditer(lowercase.LOWER_PERSON):
        first, last = match.group("first").capitalize(), match.group("last")
        if first not in GIVEN_NAMES or last in lexicon.COMMON_WORDS:
            continue
        if lowercase.SURNAME_SHAPE.search(last) or lowercase.LOWER_ROLE.search(
            text, max(0, match.start() - 14), match.start()
        ):
            start, end = match.start("first"), match.end("last")
            name = f"{first} {last.capitalize()}"
            known = gazetteer.lookup(name)
            out.append((1, Mention(start, end, "PERSON", known.name if known else name, text[start:end])))
    for match in scan.finditer(lowercase.LOWER_CHINESE_PERSON):
        family, given = match.group("first"), match.group("last")
        if (
            family.capitalize() in CHINESE_FAMILY_NAMES
            and lowercase.PINYIN_GIVEN.fullmatch(given)
            and given not in lexicon.ENGLISH_PINYIN
            and given not in lexicon.COMMON_WORDS
            and lowercase.LOWER_ROLE.search(text, max(0, match.start() - 14), match.start())
        ):
            start, end = match.start("first"), match.end("last")
            name = f"{family.capitalize()} {given.capitalize()}"
            known = gazetteer.lookup(name)
            out.append((1, Mention(start, end, "PERSON", known.name if known else name, text[start:end])))
    for match in scan.finditer(lowercase.LOWER_MINISTRY):
        name = match.group("name").title()
        out.append((1, Mention(match.start("name"), match.end("name"), "ORG", name, match.group("name"))))
    for match in scan.finditer(lowercase.LOWER_DESIGNATOR):
        surface = match.group(0)
        known = gazetteer.lookup(surface)
        if known is not None and known.type == "WEAPON":
            out.append((1, Mention(match.start(), match.end(), "WEAPON", known.name, surface)))
        elif int(match.group("num")) >= 10 and match.group("prefix") not in ("t", "j"):
            name = f"{match.group('prefix').capitalize()}-{match.group('num')}{match.group('suffix').upper()}"
            out.append((1, Mention(match.start(), match.end(), "WEAPON", name, surface)))
    for pattern, kind in ((amounts.MONEY, "MONEY"), (lowercase.LOWER_DATE, "DATE")):
        for match in scan.finditer(pattern):
            out.append(
                (0, Mention(match.start("name"), match.end("name"), kind, match.group("name"), match.group("name")))
            )
    for match in re.finditer(r"(?<![\w$-])(?:1[89]\d{2}|20\d{2})(?![\w-])", text):
        out.append((0, Mention(match.start(), match.end(), "DATE", match.group(), match.group())))
    return out


def _resolve_overlaps(found: list[tuple[int, Mention]]) -> list[Mention]:
    """Longest first, then the more trusted source; no two mentions share a character."""
    ranked = sorted(found, key=lambda pm: (-(pm[1].end - pm[1].start), -pm[0], pm[1].start))
    taken = Taken()
    chosen: list[Mention] = []
    for _, mention in ranked:
        if taken.free(mention.start, mention.end):
            taken.take(mention.start, mention.end)
            chosen.append(mention)
    return sorted(chosen, key=lambda m: m.start)
