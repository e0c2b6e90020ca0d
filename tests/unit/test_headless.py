"""The core never imports the UI libraries: checked in a fresh interpreter."""

import os
import subprocess
import sys
from pathlib import Path


def test_index_package_imports_no_ui_library() -> None:
    code = (
        "import sys, importlib, pkgutil, index\n"
        "for m in pkgutil.walk_packages(index.__path__, 'index.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui'))\n"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


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
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert '"doc": "d0.txt"' in out.stdout
    loaded = set(out.stderr.split())
    needless = {
        "index.entities.extract", "index.entities.grammar", "index.entities.passes", "index.entities.line_scan",
        "index.store.prepare", "index.store.parallel",
        "index.corpus.metadata", "index.corpus.passages", "index.xref.shingles",
        "index.corpus.readers.assemble", "index.corpus.readers.sandbox", "index.corpus.readers.pdf",
        "pypdfium2", "trafilatura", "lxml", "docx",
        "index.config", "dataclasses", "tomllib", "difflib", "textual", "rich",
        "tempfile",  # only for an index that must fall back to a temporary folder
    }  # fmt: skip
    assert loaded & needless == set()
