"""What a scraped page carries that names nothing, blanked before extraction with offsets kept.

Wikipedia's citation marks ("Jin Liqun[3]") glue to names, and an infobox line opens with its field's
label ("Headquarters Beijing, China", "Type Regional Investment Bank", "Simplified Chinese 亚洲…"):
read as prose, the label joins the name after it, or is itself taken for one. `blanked` replaces
each with spaces of the same length, so every offset found in the blanked text holds in the
original: the rules and the statistical model both read the blanked text.
"""

from __future__ import annotations

import re

# "[3]", "[12]", "[a]", "[citation needed]", "[note 1]": a footnote's mark, never part of a name.
_CITATION = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|note \d{1,3}|nb \d{1,3})\]")
# An infobox field's label at the start of a short line, followed by its value or alone: the fields
# of Wikipedia's organisation, person, place and treaty boxes.
_LABELS = (
    "Abbreviation|Formation|Founded|Founder|Founders|Type(?![ ]\\d)|Legal status|Purpose|Headquarters|Location|"
    "Region served|Membership|Official languages?|Main organ|Website|Key people|Leader|Parent organi[sz]ation|"
    "Established|Dissolved|Predecessor|Successor|Largest city|Motto|Anthem|Born|Died|Spouse|Alma mater|"
    "Occupation|Nationality|Signed|Effective|Simplified Chinese|Traditional Chinese|Hanyu Pinyin|"
    "Alternative Chinese name|Literal meaning|Transcriptions|Belligerents|Commanders and leaders|"
    "Casualties and losses|Territorial changes|Number of employees|Subsidiaries|Area served"
)  # not "Russian", "Capital", "Date": they open headings and names too ("Russian Navy", "Capital Bank")
_LABEL_LINE = re.compile(
    rf"(?m)^[ \t]*[-•*]?[ \t]*(?:{_LABELS})(?=:?[ \t]|:?$)(?=[^\n]{{0,100}}$)(?![^\n]*[a-z]{2}[.!?]$)"
)


def blanked(text: str) -> str:
    """The text with citation marks and infobox labels as spaces: the same length, the same offsets."""
    if "[" not in text and "\n" not in text:
        return text
    out = _CITATION.sub(lambda m: " " * len(m.group()), text)
    return _LABEL_LINE.sub(lambda m: " " * len(m.group()), out)
