"""The core never imports the UI libraries: checked in a fresh interpreter."""

import subprocess
import sys


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
    """Whoosh's API is pinned and version-sensitive: five modules hold every use of it."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "index"
    importers = sorted(
        p.name for p in root.glob("*.py") if "from whoosh" in p.read_text() or "import whoosh" in p.read_text()
    )
    assert importers == ["entity_query.py", "locate.py", "parallel.py", "schema.py", "store.py"]
