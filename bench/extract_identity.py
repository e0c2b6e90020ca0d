"""Whether `extract()` finds exactly what it found at another commit: `python bench/extract_identity.py [REV]`.

For a change meant to keep entity output the same (a refactoring, a new layer that is off by
default). The texts: the seeds, every text in `tests/entity_gold`, and the documents of
`../shared/eval` where that folder exists (read as input only), each as written, lowercased,
upper-cased, title-cased and with CRLF line ends. REV's `index/` (default HEAD) is exported with
`git archive` into a temporary folder and run in a child process; the working tree's in another.
Prints how many texts were compared and names the first that differ (their mention lists, as repr).
"""

from __future__ import annotations

import io
import os
import pickle
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def texts() -> list[tuple[str, str]]:
    found = [(f"seed:{p.name}", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    for path in sorted((ROOT / "tests" / "entity_gold").glob("*.toml")):
        for key, value in tomllib.loads(path.read_text(encoding="utf-8")).items():
            if isinstance(value, dict) and isinstance(value.get("text"), str):
                found.append((f"gold:{path.name}:{key}", value["text"]))
    for folder in [*sorted(EVAL.glob("*/docs")), EVAL / "real-docs"]:
        found += [(f"eval:{p.name}", p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    variants = []
    for name, text in found:
        variants += [
            (name, text),
            (f"{name}:lower", text.lower()),
            (f"{name}:upper", text.upper()),
            (f"{name}:title", text.title()),
            (f"{name}:crlf", text.replace("\n", "\r\n")),
        ]
    return variants


def dump(out: str) -> None:
    """In the child: every text's mentions, as repr, pickled to `out`."""
    from index.entities.extract import extract

    found = {name: repr(extract(text)) for name, text in texts()}
    with Path(out).open("wb") as handle:
        pickle.dump(found, handle)


def run(tree: Path, out: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(tree), "RALIGN_HOME": str(out.parent / "home")}
    subprocess.run([sys.executable, __file__, "--dump", str(out)], cwd=tree, env=env, check=True)
    with out.open("rb") as handle:
        return pickle.load(handle)  # written a moment ago by the child above


def main(rev: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        old_tree = Path(tmp) / "old"
        old_tree.mkdir()
        archive = subprocess.run(["git", "archive", rev, "index"], cwd=ROOT, capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(old_tree, filter="data")
        before = run(old_tree, Path(tmp) / "old.pkl")
        after = run(ROOT, Path(tmp) / "new.pkl")
    differ = [name for name in before if before[name] != after.get(name)]
    print(f"{len(before)} texts compared against {rev}: {len(differ)} differ")
    for name in differ[:5]:
        print(f"  {name}\n    before: {before[name][:300]}\n    after:  {after.get(name, '')[:300]}")
    return 1 if differ else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--dump"]:
        dump(sys.argv[2])
    else:
        sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "HEAD"))
