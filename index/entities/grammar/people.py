"""Where a person's name is: after a title, beside a verb of saying, set off by a role, in a byline."""

from __future__ import annotations

import re

from index.entities.grammar.lexicon import CONNECT, SAYING, TITLES
from index.entities.grammar.shapes import CAP, LO, NAME, NAME_WORD, U

PERSON_AFTER_TITLE = re.compile(rf"\b{TITLES}[ ]+(?:of {U}{LO}+[ ]+)?(?P<name>{NAME})")
PERSON_PAIR_AFTER_TITLE = re.compile(rf"\b(?:Presidents|Ministers|leaders)[ ]+(?P<a>{NAME})[ ]+and[ ]+(?P<b>{NAME})")
# "said Maria Snegovaya of ...", "according to Ulf Laessing": a name after the verb of saying.
SAID_PERSON = re.compile(
    r"\b(?:said|says|wrote|writes|according to|argues|argued)[ ]+"
    rf"(?P<name>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD})(?![ ]+[A-Z])"
)
# "Alexandra Prokopenko, a former central bank official": a name set off by what the person is.
PERSON_APPOSITIVE = re.compile(
    rf"\b(?P<name>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD}),[ ]+(?:a|an|the)[ ]+(?:[a-z-]+[ ]+){{0,4}}?"
    r"(?:official|analyst|expert|scholar|researcher|economist|professor|director|adviser|advisor|spokesman|"
    r"spokeswoman|diplomat|general|commander|minister|lawmaker|senator|historian|journalist|editor|fellow|"
    r"executive|chairman|founder|president|governor|ambassador)\b"
    # or with no article when the role says of what: "Li Hongzhong, vice chairman of China's ..."
    rf"|\b(?P<named>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD}),[ ]+(?:[a-z-]+[ ]+){{0,2}}?"
    r"(?:chairman|chairwoman|president|director|head|chief|governor|minister|secretary|spokesman|spokeswoman|"
    r"ambassador|commander|founder|editor|professor)(?:[- ]general)?[ ]+(?:of|at)\b"  # "director-general of"
)
# "Lithuania's foreign minister, Gabrielius Landsbergis, said": a name set off after the role.
# Found from the comma, which is rarer than the role words' first letters.
COMMA_BEFORE_CAPITAL = re.compile(r",[ ]+(?=[A-Z])")  # a literal first: the scan skips to each comma
ROLE_BEFORE = re.compile(  # "foreign minister," and "Deputy Prime Minister,"
    r"\b(?i:minister|president|premier|ambassador|envoy|spokesman|spokeswoman|spokesperson|chief|head|leader|"
    r"governor|mayor|director|chairman|chairwoman|adviser|advisor|secretary|commander|counterpart|deputy|analyst|"
    r"economist|expert|founder|editor|correspondent|general|admiral|executive)$"
)
NAME_AFTER_ROLE = re.compile(
    rf"(?P<name>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD})(?=[,.;:)]|[ ]+(?:{SAYING}|who|has|had|was|is)\b)"
)
# "Sergei Radchenko", "Li Hongzhong": a given name (or a Chinese family name) and one more word.
# A lookahead, so pairs overlap: in "As Alexandra Prokopenko" the pair "As Alexandra" must not use up
# "Alexandra".
GIVEN_THEN_NAME = re.compile(
    rf"\b(?=(?P<first>{U}{LO}+(?:-{U}{LO}+)?)[ ]+(?:[A-Z]\.[ ]+)?(?P<last>{U}{LO}+(?:-{U}{LO}+)?)"
    r"(?![\w-]))"
)
# "Mark Hibbs notes", "Ulf Laessing, a fellow, said", "Ulf Laessing of the Konrad Adenauer Foundation
# said": a name, maybe what the person is or where they work, then the saying.
PERSON_SAID = re.compile(
    rf"\b(?P<name>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD})(?:,[^,\n]{{3,60}},|[ ]+(?:of|at|from)[ ]+(?:the[ ]+)?"
    rf"(?:{CAP}[ ]+(?:{CONNECT}[ ]+)?){{0,6}}{CAP})?[ ]+(?:{SAYING})\b"
)
# "work by Marc Lanteigne of the University of Tromsø": a name before where the person works.
PERSON_OF_INSTITUTION = re.compile(
    rf"\b(?!(?:The|A|An|Its|Their)[ ])"
    rf"(?P<name>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD})"  # "of Harvard University", "of King's College"
    rf"[ ]+(?:of|at|from)[ ]+(?:the[ ]+)?(?:(?:{CAP}|{U}\w*[’']s)[ ]+){{0,4}}"
    r"(?:University|Institute|Center|Centre|Foundation|Endowment|Council|School|Academy|Society|College)\b"
)
# "Richard Fontaine and Andrea Kendall-Taylor of the …": the other person, found back from the first.
PERSON_AND = re.compile(rf"(?<![\w’'-])(?P<name>{NAME_WORD}(?:[ ]+[A-Z]\.)?[ ]+{NAME_WORD})[ ]+and[ ]+$")
# "By Olga Popova and Ethan Wang", "(Reporting by X in Y; Editing by Z)": the people of a byline.
BYLINE = re.compile(
    r"(?:^|\(|;[ ]*)(?:By|By:|Reporting by|Additional reporting by|Editing by|Writing by|reporting by)[ ]+"
    rf"(?P<names>{NAME}(?:(?:[ ]+in[ ]+{CAP}(?:[ ]+{CAP})?)?(?:,[ ]+|[ ]+and[ ]+){NAME})*)",
    re.MULTILINE,
)
BYLINE_NAME = re.compile(rf"(?:^|,[ ]+|[ ]+and[ ]+)(?P<name>{NAME})")
