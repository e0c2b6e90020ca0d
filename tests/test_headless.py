"""The core never imports the UI libraries: checked in a fresh interpreter."""

import os
import subprocess
import sys
from pathlib import Path


def test_index_package_imports_no_ui_library() -> None:
    code = (
        "import sys, index.corpus, index.store, index.search, index.metadata, index.sidestore, "
        "index.paths, index.textclean\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui'))\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_whoosh_is_imported_only_where_the_index_is_written_and_queried() -> None:
    """Whoosh's API is pinned and version-sensitive: six modules hold every use of it."""
    root = Path(__file__).resolve().parent.parent / "index"
    importers = sorted(
        p.name for p in root.glob("*.py") if "from whoosh" in p.read_text() or "import whoosh" in p.read_text()
    )
    assert importers == ["entity_query.py", "locate.py", "parallel.py", "ranking.py", "schema.py", "store.py"]


def test_a_search_from_the_command_line_loads_no_more_than_it_needs(tmp_path: Path) -> None:
    """A CLI search pays for every import in its start-up: it checks files and searches, nothing else.

    Extraction, document reading, TOML parsing and the dataclasses machinery cost ~60 ms together
    and a search of an up-to-date index needs none of them.
    """
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"d{n}.txt").write_text(f"Report {n}\n\nGazprom signed a pipeline deal with CNPC in Moscow.\n")
    env = {**os.environ, "RALIGN_HOME": str(tmp_path / "home")}
    subprocess.run([sys.executable, "-m", "tui", "index", str(corpus)], env=env, capture_output=True, check=True)
    code = (
        "import sys\n"
        "from tui.cli import main\n"
        f"assert main(['search', 'pipeline', '--corpus', {str(corpus)!r}, '--json']) == 0\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)\n"
        # Word variations: no query of ours asks for them, so Whoosh's tables stay unread (`index.lazy_whoosh`).
        "print('morph_en read:', hasattr(sys.modules['whoosh.lang.morph_en'], '__file__'))"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert '"doc": "d0.txt"' in out.stdout
    assert "morph_en read: False" in out.stdout
    loaded = set(out.stderr.split())
    needless = {
        "index.entities", "index.entity_grammar", "index.entity_passes", "index.line_scan", "index.prepare",
        "index.parallel",
        "index.metadata", "index.passages", "index.xref",
        "index.config", "dataclasses", "tomllib", "difflib", "textual", "rich",
        "tempfile",  # only for an index that must fall back to a temporary folder
    }  # fmt: skip
    assert loaded & needless == set()


def test_word_variations_still_load_whooshs_tables_when_asked() -> None:
    from whoosh.lang.morph_en import variations

    import index  # noqa: F401  (puts the stand-in in place)

    assert {"pipeline", "pipelines"} <= set(variations("pipeline"))
