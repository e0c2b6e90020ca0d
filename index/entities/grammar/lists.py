"""Names in lists ("Huawei, Zoomlion and BelGee") and a known name with a number after it."""

from __future__ import annotations

import re

from index.entities.grammar.shapes import CAP, U

# "Huawei, Zoomlion and BelGee": three or more names in a list, each one or a few capitalised words.
# An item may name its owner first ("China's CNNC") and join words with "&" ("Korea Hydro & Nuclear Power").
OWNER_WORD = rf"{U}[\w.-]*[’']s[ ]+"
LIST_NAME = rf"(?:{OWNER_WORD})?{CAP}(?:[ ]+(?:&[ ]+)?{CAP}){{0,3}}"
OWNER = re.compile(OWNER_WORD)
NAME_LIST = re.compile(
    rf"(?<![\w’'-]){LIST_NAME}(?:,[ ]+{LIST_NAME}){{1,12}},?[ ]+(?:and|or)[ ]+{LIST_NAME}(?![\w’'-])"
)
LIST_SPLIT = re.compile(r",[ ]+(?:and[ ]+|or[ ]+)?|[ ]+(?:and|or)[ ]+")
# "Power of Siberia 2", "Nord Stream 2": a known facility or company with a number is its own.
NUMBERED = re.compile(r"[ -](?P<n>[2-9])(?![\w.,-]\w)")
