"""The entity pass at scale: `python bench/entity_pass.py [--sizes 500,2000]`.

For each size: a corpus generated from the seeds' sentences (as bench/run.py makes them), the time
until the text index is searchable, then the statistical entity pass (documents and words a
second, total time, the workers' model load included), then a second pass (the cache: nothing to
do) and a one-file change (its entities back with the model's). Prints figures; asserts nothing.
Runs under a temporary RALIGN_HOME; needs the `ner` extra installed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import make_corpus, sentences  # noqa: E402

from index.search.results import search  # noqa: E402
from index.store.corpus_index import CorpusIndex  # noqa: E402
from index.store.entity_pass import entity_model, run_entity_pass  # noqa: E402


def bench(size: int, work: Path, pool: list[str]) -> None:
    corpus = work / f"corpus{size}"
    make_corpus(corpus, size, pool)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.glob("*.txt"))
    index = CorpusIndex(corpus, location=work / f"ix{size}").open()
    start = time.perf_counter()
    index.update()
    searchable = time.perf_counter() - start
    assert search(index, "pipeline").hits
    start = time.perf_counter()
    report = run_entity_pass(index)
    took = time.perf_counter() - start
    start = time.perf_counter()
    run_entity_pass(index)
    again = time.perf_counter() - start
    changed = corpus / "doc00000.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nNelson Mandela met Madeleine Albright.\n")
    start = time.perf_counter()
    index.update()
    run_entity_pass(index)
    one_file = time.perf_counter() - start
    print(
        f"{size:>6} docs {words:>9} words | text index searchable {searchable:7.1f} s | entity pass {took:7.1f} s "
        f"({report.done / took:5.1f} docs/s, {words / took:6.0f} words/s) | again {again:4.2f} s | "
        f"one changed file {one_file:4.1f} s"
    )
    index.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="200,1000")
    args = parser.parse_args()
    os.environ.pop("RALIGN_ENTITY_MODEL", None)
    model, said = entity_model()
    if not model:
        sys.exit(f"bench/entity_pass.py: {said}")
    print(f"{said}; {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}")
    pool = sentences()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RALIGN_HOME"] = str(Path(tmp) / "home")
        for size in (int(s) for s in args.sizes.split(",")):
            bench(size, Path(tmp), pool)


if __name__ == "__main__":
    main()
