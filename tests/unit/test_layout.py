"""The tree shows the architecture, checked statically on every module of `index/` and `tui/`.

- `index/` never imports textual, rich or tui (the headless core);
- Whoosh is imported only under `index/engine/` (the engine seam);
- no import cycle between modules;
- no module over ~400 lines and no class over ~300: a file that keeps growing is split by job.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 300


def _modules(package: str) -> dict[str, Path]:
    found = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = {**_modules("index"), **_modules("tui")}


def _imports(name: str, path: Path) -> Iterator[tuple[str, bool]]:
    """Every module this one imports, and whether it is at module level (a cycle only counts there)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top_level = {id(node) for node in tree.body}
    top_level |= {id(n) for node in tree.body if isinstance(node, ast.If) for n in node.body}  # TYPE_CHECKING
    for node in ast.walk(tree):
        at_top = id(node) in top_level
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, at_top
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            yield base, at_top
            for alias in node.names:
                yield f"{base}.{alias.name}", at_top


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("index")))
def test_the_core_imports_no_ui_library(name: str) -> None:
    bad = [m for m, _ in _imports(name, MODULES[name]) if m.split(".")[0] in ("textual", "rich", "tui")]
    assert bad == [], f"{name} imports {bad}"


def test_whoosh_is_imported_only_in_the_engine_package() -> None:
    outside = sorted(
        name
        for name, path in MODULES.items()
        if not name.startswith("index.engine") and any(m.split(".")[0] == "whoosh" for m, _ in _imports(name, path))
    )
    assert outside == []


def test_no_import_cycle_between_modules() -> None:
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        graph[name] = {m for m, _ in _imports(name, path) if m in MODULES and m != name}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the stack, 2 done

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    # A package's __init__ importing its own modules is not a cycle of jobs.
    real = [c for c in cycles if not all(m.startswith(c[0] + ".") or m == c[0] for m in c)]
    assert real == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_and_classes_stay_small(name: str) -> None:
    path = MODULES[name]
    source = path.read_text(encoding="utf-8")
    assert source.count("\n") <= MAX_MODULE_LINES, f"{path.relative_to(ROOT)}: split it by job"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= MAX_CLASS_LINES, f"{path.relative_to(ROOT)}: class {node.name} is {length} lines"
