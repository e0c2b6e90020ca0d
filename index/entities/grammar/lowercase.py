"""The names lowercased text still shows: a regional given name and surname, a person after a role, a
ministry, a model number, a date.
"""

from __future__ import annotations

import re

LOWER_DESIGNATOR = re.compile(
    r"\b(?P<prefix>s|su|mig|tu|kh|il|ka|mi|df|hq|jl|yak|j|t)[ -]?(?P<num>\d{2,3})(?P<suffix>[a-z]{0,2})\b"
)
LOWER_DATE = re.compile(
    r"(?P<name>\b(?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+(?:\d{1,2}(?:\s+(?:19|20)\d{2})?|(?:19|20)\d{2})\b)"
)


# Lowercased text has no capitals to find names by: a regional given name followed by a word shaped
# like a surname of the region ("temur umarov", "elina ribakova"), or by any word after a role
# ("analyst temur umarov"). A lookahead, so pairs overlap ("met elina ribakova").
LOWER_PERSON = re.compile(r"\b(?=(?P<first>[a-z]{3,})[ ](?P<last>[a-z]{4,})\b)")
LOWER_ROLE = re.compile(
    r"\b(?:analyst|expert|economist|president|minister|premier|leader|governor|ambassador|spokesman|"
    r"spokeswoman|director|chairman|general|admiral|professor|researcher|journalist)[ ]$"
)
# "cnpc chairman dai houliang": a Chinese family name after a role, then a given name of one or two
# pinyin syllables.
LOWER_CHINESE_PERSON = re.compile(r"\b(?=(?P<first>[a-z]{1,5})[ ](?P<last>[a-z]{2,10})\b)")
PINYIN_GIVEN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ong|ing|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u)){1,2}"
)
# Not "-in" ("maria again", "anna within") nor "-ich" ("which"): English ends too many words so.
SURNAME_SHAPE = re.compile(r"(?:ov|ev|ova|eva|skiy|skaya|enko|yan|shvili|dze|yeva|vich|bekov)$|(?<!ri|us|is|es)ky$")
# "the kazakh foreign ministry": a ministry by its portfolio, and the people's adjective before it.
LOWER_MINISTRY = re.compile(
    r"\b(?P<name>(?:[a-z]+(?:ian|ese|ish|akh|ch|an|i)[ ])?(?:foreign|defen[cs]e|finance|economy|energy|"
    r"interior|emergencies|trade|justice) ministry)\b"
)
