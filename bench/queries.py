"""Query latency by kind, at the reader's own result limit, beside SQLite FTS5 on the same passages.

    python bench/queries.py [--sizes 1000,10000] [--folder PATH ...] [--repeat 5]

For each corpus (documents generated as `bench/run.py` does, and any folder of real files given):
build the index (rules-only entities), fill FTS5 (porter) with exactly its passage records, then
time each kind of query from its string to the results the reader lists (snippets and highlight
spans included), `tui.workers.RESULT_LIMIT` of them, and FTS5's `MATCH ... LIMIT` the same. The two
are run query by query, alternately, so a machine busy with other work slows both alike. Prints
p50 and p95 in ms, the hits returned, and the ratio of p95s; asserts nothing.

FTS5 has no fuzzy words (its figure is the word asked exactly) and its AND holds within one passage,
ours within a document. Rare terms are drawn from the index's own vocabulary: words in 1-3 documents.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import fts5_build, fts_query, make_corpus, sentences  # noqa: E402

from index.search.results import search  # noqa: E402
from index.store.corpus_index import CorpusIndex  # noqa: E402

try:
    from tui.workers import RESULT_LIMIT  # the reader's own limit
except ImportError:  # pragma: no cover - a checkout without the reader
    RESULT_LIMIT = 200

GENERATED = {
    "term": ["putin", "pipeline", "alliance", "china", "sanctions"],
    "AND": ["putin xi", "russia china energy", "moscow beijing alliance", "gas pipeline", "shoigu defense"],
    "OR": ["putin OR xi", "gas OR oil", "moscow OR beijing", "sanctions OR trade", "army OR navy"],
    "phrase": ['"power of siberia"', '"south china sea"', '"strategic partnership"', '"cold war"', '"s 400"'],
    "prefix": ["pipe*", "sanc*", "mil*", "ener*", "stra*"],
    "fuzzy": ["pipelin~1", "sanctons~1", "aliance~1", "chna~1", "moskow~1"],
    "entity": ["person:putin", 'entity:"sergei shoigu"', "org:gazprom", "place:moscow", "weapon:s-400"],
}
REAL = {
    "term": ["whale", "copyright", "culture", "testing", "children"],
    "AND": ["whale ship", "free culture", "test firefox", "law property", "cell immune"],
    "OR": ["whale OR culture", "sweden OR assange", "trace OR compiler", "georgia OR savannah", "tuft OR cell"],
    "phrase": [
        '"white whale"',
        '"free culture"',
        '"what term do you want to search"',
        '"public domain"',
        '"hong kong"',
    ],
    "prefix": ["whal*", "cultur*", "test*", "immun*", "pol*"],
    "fuzzy": ["whael~1", "culure~1", "tetsing~1", "chilren~1", "goverment~1"],
    "entity": ["person:ahab", "place:sweden", "person:assange", "org:mozilla", 'place:"hong kong"'],
}


def rare_terms(index: CorpusIndex, count: int = 5) -> list[str]:
    """Words held by 1-3 documents, alphabetic and long enough to be words, deterministic."""
    vocab = index.side.vocabulary()
    rare = sorted(w for w, n in vocab.items() if 1 <= n <= 3 and w.isalpha() and len(w) >= 6)
    step = max(1, len(rare) // count)
    return rare[::step][:count]


def fts_of(text: str) -> str:
    text = fts_query(text)
    if text.startswith(("person:", "entity:", "org:", "place:", "weapon:")):
        text = text.split(":", 1)[1]
    text = text.replace("~1", "")
    return " AND ".join(text.split()) if " " in text and '"' not in text and " OR " not in text else text


def percentiles(samples: list[float]) -> tuple[float, float]:
    samples = sorted(samples)
    return statistics.median(samples), samples[max(0, round(len(samples) * 0.95) - 1)]


def interleaved(runs: dict[str, Callable[[str], int]], queries: list[str], repeat: int) -> dict[str, tuple]:
    """Each query through each runner in turn, `repeat` rounds: (p50, p95, median hits) by runner."""
    samples: dict[str, list[float]] = {name: [] for name in runs}
    hits: dict[str, list[int]] = {name: [] for name in runs}
    for _ in range(repeat):
        for q in queries:
            for name, run in runs.items():
                start = time.perf_counter()
                found = run(q)
                samples[name].append((time.perf_counter() - start) * 1000)
                hits[name].append(found)
    return {name: (*percentiles(samples[name]), statistics.median(hits[name])) for name in runs}


def bench(name: str, corpus: Path, work: Path, kinds: dict[str, list[str]], repeat: int) -> None:
    os.environ["RALIGN_HOME"] = str(work / f"home-{name}")
    os.environ["RALIGN_ENTITY_MODEL"] = "off"  # the rules' entities: the model's pass is not what is timed here
    size = sum(f.stat().st_size for f in corpus.iterdir() if f.is_file())
    index = CorpusIndex(corpus).open()
    start = time.perf_counter()
    index.update()
    built = time.perf_counter() - start
    fts_time, passages = fts5_build(work / f"fts-{name}.db", index)
    db = sqlite3.connect(work / f"fts-{name}.db")
    print(
        f"\n== {name}: {index.document_count()} documents, {size / 1e6:.1f} MB, {passages} passages "
        f"(built in {built:.1f} s; FTS5 {fts_time:.1f} s)"
    )

    def ours(q: str) -> int:
        return len(search(index, q, limit=RESULT_LIMIT).hits)

    def fts(q: str) -> int:
        try:
            return len(
                db.execute(
                    "SELECT doc, num, highlight(passages, 2, '[', ']') FROM passages WHERE passages MATCH ? "
                    f"ORDER BY rank LIMIT {RESULT_LIMIT}",
                    (fts_of(q),),
                ).fetchall()
            )
        except sqlite3.OperationalError:
            return -1

    kinds = {"term": kinds["term"], "rare term": rare_terms(index), **{k: v for k, v in kinds.items() if k != "term"}}
    for q in (q for qs in kinds.values() for q in qs):
        ours(q)  # warm: the searcher's caches and the OS's pages, as a reader that has been typing
    print(f"limit {RESULT_LIMIT}; ms, {repeat} rounds of 5 queries, interleaved with FTS5")
    print(f"  {'kind':<10} {'p50':>7} {'p95':>7} {'hits':>5}   {'FTS5 p50':>8} {'p95':>7} {'hits':>5}   p95 ratio")
    for kind, queries in kinds.items():
        figures = interleaved({"ours": ours, "fts": fts}, queries, repeat)
        (p50, p95, n), (f50, f95, fn) = figures["ours"], figures["fts"]
        print(
            f"  {kind:<10} {p50:7.1f} {p95:7.1f} {n:5.0f}   {f50:8.2f} {f95:7.2f} {fn:5.0f}   "
            f"{p95 / max(f95, 0.01):6.1f}x"
        )
    index.close()
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="generated document counts, comma-separated ('' none)")
    parser.add_argument("--folder", action="append", default=[], help="a folder of real files (read, never written)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} cores, "
        f"{platform.processor() or platform.machine()}, "
        f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}; load {os.getloadavg()[0]:.1f}"
    )
    work = Path(tempfile.mkdtemp(prefix="ralign-bench-queries-"))
    try:
        pool = sentences()
        for size in (int(s) for s in args.sizes.split(",") if s):
            corpus = work / f"corpus-{size}"
            make_corpus(corpus, size, pool)
            bench(f"{size} generated", corpus, work, GENERATED, args.repeat)
        for folder in args.folder:
            bench(Path(folder).name, Path(folder), work, REAL, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
