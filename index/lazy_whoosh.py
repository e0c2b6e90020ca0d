"""Whoosh's English morphology tables, loaded only if a query ever asks for word variations.

`whoosh.query` imports `whoosh.lang.morph_en` for its `Variations` query, which ralign-tui's parser
never builds; the module compiles some hundred regular expressions when imported, ~15 ms of every
CLI search and reader start. `defer_morph_en` puts a stand-in there first whose `variations` loads
the real module on its first call, so a query that does ask still gets Whoosh's own answer.
"""

from __future__ import annotations

import importlib
import sys
import types

_NAME = "whoosh.lang.morph_en"


def defer_morph_en() -> None:
    if _NAME in sys.modules:
        return
    stand_in = types.ModuleType(_NAME)

    def variations(word: str) -> object:
        if sys.modules.get(_NAME) is stand_in:
            del sys.modules[_NAME]
        return importlib.import_module(_NAME).variations(word)

    stand_in.variations = variations  # type: ignore[attr-defined]
    sys.modules[_NAME] = stand_in
