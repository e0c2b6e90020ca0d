"""The headless core of ralign-tui: corpus, Whoosh index, search, entities, cross-references and bookmarks.

It never imports textual, rich or tui, so the CLI, the reader, tests and a REPL share it.
"""

__version__ = "0.1.0"

from index.lazy_whoosh import defer_morph_en

defer_morph_en()  # before anything imports Whoosh
