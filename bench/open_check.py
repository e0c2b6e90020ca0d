"""What the check of the index's files at open costs: `python bench/open_check.py [CORPUS] [--repeat N]`.

Builds the corpus's index in a temporary home (a made-up corpus of 1,200 documents when none is
given: a first build's several segments), then times opening it N times with the check of its
files' sizes (`index.engine.file_sizes`) and the check alone. Prints the medians in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def made_up(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True)
    rng = random.Random(7)
    words = [f"w{i}" for i in range(3000)] + ["Lavrov", "Kalibr", "Gazprom", "China", "Moscow"]
    for i in range(count):
        sentences = " ".join(" ".join(rng.choice(words) for _ in range(12)) + "." for _ in range(40))
        (folder / f"d{i:05}.txt").write_text(f"Title {i}\n\n{sentences}\n", encoding="utf-8")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RALIGN_HOME"] = str(Path(tmp) / "home")
        os.environ["RALIGN_ENTITY_MODEL"] = "off"
        from index.engine import file_sizes
        from index.store.corpus_index import CorpusIndex

        corpus = args.corpus or made_up(Path(tmp) / "corpus", 1200)
        index = CorpusIndex(corpus).open()
        index.update()
        index.close()
        folder = index.location / "whoosh"
        generation = max(int(p.stem.rsplit("_", 1)[1]) for p in folder.glob("*.toc"))
        files = len(json.loads((folder / file_sizes.SIZES_FILE).read_text(encoding="utf-8"))["files"])
        opens, checks = [], []
        for _ in range(args.repeat):
            started = time.perf_counter()
            CorpusIndex(corpus).open().close()
            opens.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            file_sizes.check(folder, generation)
            checks.append((time.perf_counter() - started) * 1000)
        print(f"{CorpusIndex(corpus).open().document_count()} documents, {files} index files checked")
        print(f"open with the check: median {statistics.median(opens):.2f} ms over {args.repeat}")
        print(f"the check alone:     median {statistics.median(checks):.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
