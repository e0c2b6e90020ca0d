"""The letters and words a name is written with (a capitalised word, a name of two or three words), and
the judgements every rule shares: noise before a name, a possessive after it, a people's adjective.
"""

from __future__ import annotations

import re

from index.entities.grammar.lexicon import (
    DEMONYMS,
    EVENT_SUFFIX,
    INNER_PAIR,
    INNER_POSSESSIVE,
    NOT_NAMES,
    NOT_PERSON_END,
    ORG_SUFFIX,
    PLACE_SUFFIX,
)

# Letters of names beyond ASCII: "Chawryło", "Małaszewicze", "Łódź", "Ürümqi", "Édouard" are names too.
UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())
LOWER = "a-z" + "".join(ch for ch in map(chr, range(0xDF, 0x250)) if ch.islower())
U = f"[{UPPER}]"
# Where a name may start: a capital after no word character. Written as a lookahead and a lookbehind,
# not "\b": the regex engine then skips to the next capital at once (a third to a half faster on the
# patterns that use it, with the same matches).
AT_CAPITAL = rf"(?=[{UPPER}])(?<!\w)"
LO = f"[{LOWER}]"
# Names never cross a line break or a possessive: spaces only, and "Zedong’s" ends a name.
# Every repetition in these patterns is bounded: an unbounded one, tried from each capital of a long
# run of capitals, hyphens or commas, costs time quadratic in the run ("calm under bad input").
# The word's letters are taken whole (a possessive quantifier): with backtracking, a word the lookahead
# refused was cut instead ("Mandela’s" read as "Mandel", "Smith Jones" after "said" as "Smit").
NAME_WORD = rf"{U}[{UPPER}{LOWER}\-]{{1,40}}+(?![’'](?![sS]\b)[a-z])"
# Initials may open a name: "H.R. McMaster", "J. D. Vance".
NAME = rf"(?:[A-Z]\.(?:[ ]?[A-Z]\.){{0,2}}[ ]?)?{NAME_WORD}(?:[ ]+(?:[A-Z]\.[ ]+)?{NAME_WORD}){{0,2}}"
# A capitalised word of a name: hyphenated parts capitalised too ("Asia-Pacific", not "U.S.-led").
# A full stop belongs to a word only inside an abbreviation ("U.S.", "St.", "Corp."): after a whole
# word it ends the sentence, and "the Institute for Strategic Studies. Analysts" is two.
CAP_PART = (
    r"(?:[A-Z](?:\.[A-Z]){1,5}\.?|(?:St|Mt|Ft|Co|Corp|Inc|Ltd|Jr|Sr|Bros|Gen|Adm|Col|Lt|Capt|Dr|Prof|Sen|Gov|Rep)\."
    rf"|{U}[\w&]*)"
)
CAP = rf"(?:{CAP_PART}(?:[-–]{CAP_PART}){{0,4}}(?![\w’'–-]|\.\w))"  # "North–South Transport Corridor"
ORG_WORD = rf"(?:{INNER_PAIR}|{CAP}|{INNER_POSSESSIVE})"
# "the Far Eastern region", "the Arctic region": adjectives before a kind word are not its name.
ADJECTIVE_SHAPE = re.compile(r"(?:ian|ean|ese|ish|ern|ic)$")  # not "-an": Jiangnan, Sudan, Taiwan


def is_adjective(name: str) -> bool:
    """Whether the words before a kind word are a people's adjective, not a name ("the Far Eastern region",
    "a Kazakh uranium mine", "the Russian war")."""
    return bool(ADJECTIVE_SHAPE.search(name)) or LEADING_NOISE.sub("", name) in DEMONYMS


LEADING_NOISE = re.compile(
    r"^(?:The|A|An|In|But|And|As|At|For|By|On|With|From|To|Of|Both|While|Since|If|When|Though|Although|"
    r"Yet|So|Thus|Indeed|Moreover|However|Meanwhile|Likewise|Similarly|Then|This|That|These|Those|Its|"
    r"Their|His|Her|Our|Unlike|Like|Even|Only|Also|After|Before|During|Under|Over|Against|Between|"
    r"Later|Earlier|Instead|Perhaps|"  # "Later Mandela said": a sentence's adverb before the name
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+"  # "on Friday New York Stock Exchange …"
)
DOMAIN = re.compile(r"\.(?:ru|cn|com|net|org|gov|info|io)$", re.IGNORECASE)
POSSESSIVE = re.compile(r"[’']s$")


def looks_like_person(name: str) -> bool:
    parts = name.split()
    if any(p in NOT_NAMES for p in parts) or parts[-1] in NOT_PERSON_END:
        return False
    if all(len(p) > 1 and p.isupper() for p in parts):
        return False  # "GNU MPFR": acronyms side by side are not a person's name
    return not re.search(rf"\b(?:{ORG_SUFFIX}|{PLACE_SUFFIX}|{EVENT_SUFFIX})$", name)


CAPITALISED_WORD = re.compile(rf"\b{U}[^\W_]*")


def is_lowercased(text: str) -> bool:
    """A scrape with its capitals gone: names can then be told only by lists and titles."""
    sample = text[:20000]
    letters = sum(map(str.isalpha, sample))
    return letters > 200 and sum(map(str.isupper, sample)) / letters < 0.005
