"""The headless core of ralign-tui: corpus, Whoosh index, search, entities, cross-references and notes.

It never imports textual, rich or tui, so the CLI, the reader, tests and a REPL share it. Each
sub-package is one stage (see ARCHITECTURE.md); Whoosh is imported only under `index.engine`.
"""

__version__ = "0.1.0"
