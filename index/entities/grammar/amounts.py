"""Money and dates in cased text."""

from __future__ import annotations

import re

from index.dates import MONTH

MONEY = re.compile(
    r"(?=[uUaAcChH$\d])(?P<name>(?:US|U\.S\.|A|C|HK)?\$\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:million|billion|trillion|bn|mn)\b)?"
    r"|\b\d[\d,]*(?:\.\d+)?\s(?:million|billion|trillion)(?:\s(?:dollars|rubles|roubles|yuan|euros|yen|"
    r"won|rupees|pounds))?\b(?!\s(?:people|persons|tons|tonnes|cubic|barrels|residents|users|years|"
    r"citizens|inhabitants|troops|soldiers|miles|kilometers|km))"
    r"|\b\d[\d,]*(?:\.\d+)?\s(?:dollars|rubles|roubles|yuan|euros|yen|rupees)\b)",
    re.IGNORECASE,
)
# The lookaheads only skip, at once, the many places no alternative can start (the same for money).
DATE = re.compile(
    rf"(?=[JFMASONDWt\d])(?P<name>\b{MONTH}\s+\d{{1,2}}(?:,\s*(?:19|20)\d{{2}})?\b(?!,\d)"
    rf"|\b\d{{1,2}}\s+{MONTH}(?:\s+(?:19|20)\d{{2}})?\b"
    rf"|\b{MONTH}(?:\s+of)?\s+(?:19|20)\d{{2}}\b"
    r"|\b(?:Spring|Summer|Fall|Autumn|Winter)\s+(?:19|20)\d{2}\b"
    r"|\b(?:19|20)\d{2}-\d{2}-\d{2}\b"
    r"|\b(?:the\s+)?(?:1[89]|20)\d0s\b"
    r"|(?<![$\w-])(?:1[89]\d{2}|20\d{2})(?![\w-]))"
)
LONE_MONTH = re.compile(
    r"(?<=[a-z,] )(?P<name>January|February|March|April|June|July|August|September|October|"
    r"November|December)\b"
)
