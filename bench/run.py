"""ralign-tui against SQLite FTS5 on the same passage records: `python bench/run.py [--sizes 1000,10000]`.

Prints figures; asserts nothing (timings belong to the machine they were taken on). Corpora are
generated deterministically from the seeds' sentences. Everything runs under a temporary
RALIGN_HOME, so nothing of the user's is touched.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import random
import re
import resource
import select
import shutil
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.corpus.scan import load_all  # noqa: E402
from index.search.results import search  # noqa: E402
from index.store.corpus_index import CorpusIndex  # noqa: E402

QUERIES = {
    "term": ["putin", "pipeline", "alliance", "china", "sanctions"],
    "AND": ["putin xi", "russia china energy", "moscow beijing alliance", "gas pipeline", "shoigu defense"],
    "phrase": ['"power of siberia"', '"south china sea"', '"strategic partnership"', '"cold war"', '"s 400"'],
    "entity": ["person:putin", 'entity:"sergei shoigu"', "org:gazprom", "place:moscow", "weapon:s-400"],
}


def sentences() -> list[str]:
    docs, _ = load_all(ROOT / "seeds")
    out = []
    for doc in docs:
        out += [s.strip() for s in re.split(r"(?<=[.!?])\s+", doc.text) if 40 < len(s.strip()) < 400]
    return out


def make_corpus(folder: Path, count: int, pool: list[str]) -> None:
    """Documents of ~5.4 KB: a title and ~10 paragraphs of seed sentences, shuffled per document."""
    rng = random.Random(count)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        paragraphs = [" ".join(rng.sample(pool, 4)) for _ in range(10)]
        text = f"Report {i}: {rng.choice(pool)[:60]}\n\n" + "\n\n".join(paragraphs)
        (folder / f"doc{i:05}.txt").write_text(text[:5400], encoding="utf-8")


def fts5_build(db_path: Path, index: CorpusIndex) -> tuple[float, int]:
    """FTS5 (porter) over exactly the passage records the Whoosh index holds."""
    records = []
    for summary in index.documents():
        document = index.document(summary.doc)
        assert document is not None
        records += [(document.doc, p.number, document.passage_text(p)) for p in document.passages]
    start = time.perf_counter()
    db = sqlite3.connect(db_path)
    db.execute("CREATE VIRTUAL TABLE passages USING fts5(doc UNINDEXED, num UNINDEXED, text, tokenize='porter')")
    db.executemany("INSERT INTO passages VALUES (?, ?, ?)", records)
    db.commit()
    db.close()
    return time.perf_counter() - start, len(records)


def fts_query(text: str) -> str:
    if text.startswith(("person:", "entity:", "org:", "place:", "weapon:")):
        text = text.split(":", 1)[1]
    return text.replace("s-400", '"s 400"')


def time_queries(run, queries: list[str], repeat: int = 5) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        for q in queries:
            start = time.perf_counter()
            run(q)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def first_frame(argv: list[str], env: dict[str, str], marker: bytes, timeout: float = 60) -> tuple[float, int]:
    """Seconds from exec to the first frame containing marker, in a real pty; and the RSS in KB then."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, {**env, "TERM": "xterm-256color"})
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 140, 0, 0))
    seen = b""
    rss = 0
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    break
                if marker in seen:
                    elapsed = time.perf_counter() - start
                    time.sleep(1.0)  # let it settle before reading its memory
                    rss = _rss_kb(pid)
                    return elapsed, rss
        return float("nan"), rss
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


# The FTS5 side of the whole-process build: read every file, cut it into blank-line passages, insert.
FTS5_BUILD = """
import pathlib, sqlite3, sys
db = sqlite3.connect(sys.argv[2])
db.execute("CREATE VIRTUAL TABLE passages USING fts5(doc UNINDEXED, num UNINDEXED, text, tokenize='porter')")
rows = []
for path in sorted(pathlib.Path(sys.argv[1]).iterdir()):
    text = path.read_text(encoding="utf-8", errors="replace")
    parts = [p for p in text.split("\\n\\n") if p.strip()]
    rows += [(path.name, n, p) for n, p in enumerate(parts, 1)]
db.executemany("INSERT INTO passages VALUES (?, ?, ?)", rows)
db.commit()
"""


def whole_process_builds(corpus: Path, work: Path, env: dict[str, str]) -> None:
    """`ralign-tui index PATH` from nothing against a Python process building FTS5 from the same files."""
    home = work / f"process-home-{corpus.name}"
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui", "index", str(corpus)],
        env={**env, "RALIGN_HOME": str(home)},
        capture_output=True,
        check=True,
        cwd=ROOT,
    )
    ours = time.perf_counter() - start
    database = work / f"process-fts-{corpus.name}.db"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", FTS5_BUILD, str(corpus), str(database)], check=True)
    theirs = time.perf_counter() - start
    print(
        f"build as whole processes: ralign-tui index {ours:6.2f} s   FTS5 process {theirs:5.2f} s   "
        f"ratio {ours / theirs:5.1f}x"
    )
    shutil.rmtree(home, ignore_errors=True)


BARE_APP = """
from textual.app import App
from textual.widgets import Footer, Input
class Bare(App):
    BINDINGS = [("q", "quit", "Quit")]
    def compose(self):
        yield Input()
        yield Footer()
Bare().run()
"""


def bench(size: int, work: Path, pool: list[str]) -> None:
    corpus = work / f"corpus-{size}"
    make_corpus(corpus, size, pool)
    env = {**os.environ, "RALIGN_HOME": str(work / f"home-{size}")}
    os.environ["RALIGN_HOME"] = env["RALIGN_HOME"]
    print(f"\n== {size} documents ({sum(f.stat().st_size for f in corpus.iterdir()) / 1e6:.1f} MB)")

    index = CorpusIndex(corpus).open()
    start = time.perf_counter()
    builder = threading.Thread(target=index.update)
    builder.start()
    first_results = float("nan")
    while builder.is_alive():  # searchable while indexing: the first batch is committed early
        if index.search_raw("china", 20).hits:
            first_results = time.perf_counter() - start
            break
        time.sleep(0.05)
    builder.join()
    build = time.perf_counter() - start
    build_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    fts_time, passages = fts5_build(work / f"fts-{size}.db", index)
    print(
        f"build, extraction included: {build:7.2f} s  {passages / build:8.0f} passages/s   "
        f"FTS5 {fts_time:6.2f} s  {passages / fts_time:8.0f} passages/s   ratio {build / fts_time:5.1f}x"
    )
    print(f"first results while indexing a new folder: {first_results:.2f} s after the build started")
    print(f"build process peak RSS: {build_rss / 1024:.0f} MB")
    whole_process_builds(corpus, work, env)

    changed = corpus / "doc00007.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n\nA new paragraph about Rosatom.", encoding="utf-8")
    start = time.perf_counter()
    index.update()
    print(f"one-file update: {time.perf_counter() - start:6.3f} s")

    db = sqlite3.connect(work / f"fts-{size}.db")

    def fts(q: str) -> None:
        db.execute(
            "SELECT doc, num, highlight(passages, 2, '[', ']') FROM passages WHERE passages MATCH ? "
            "ORDER BY rank LIMIT 20",
            (fts_query(q),),
        ).fetchall()

    print("query latency, string to first screenful with highlight spans (ms):")
    for kind, queries in QUERIES.items():
        median, p95 = time_queries(lambda q: search(index, q, limit=20), queries)
        f_median, f_p95 = time_queries(fts, queries)
        print(f"  {kind:<7} median {median:7.1f}  p95 {p95:7.1f}    FTS5 median {f_median:6.2f}  p95 {f_p95:6.2f}")

    cli = [sys.executable, "-m", "tui", "search", "pipeline", "--corpus", str(corpus), "--json"]
    fts_cli = [
        sys.executable,
        "-c",
        "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); "
        "print(db.execute(\"SELECT doc, num FROM passages WHERE passages MATCH 'pipeline' "
        'ORDER BY rank LIMIT 20").fetchall())',
        str(work / f"fts-{size}.db"),
    ]
    timings = []
    for argv in (cli, fts_cli):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(argv, env=env, capture_output=True, check=True, cwd=ROOT)
            runs.append(time.perf_counter() - start)
        timings.append(min(runs))
    print(
        f"CLI search as a process: {timings[0]:.2f} s   FTS5 query process {timings[1]:.2f} s   "
        f"ratio {timings[0] / timings[1]:.1f}x"
    )

    reader = [sys.executable, "-m", "tui", str(corpus)]
    bare = [sys.executable, "-c", BARE_APP]
    # The reader's end point is its filled document list (the list's border title), not its footer;
    # `bench/start.py` runs the same measure in rounds, with the reader's first frame beside it.
    reader_time, reader_rss = first_frame(reader, env, "documents · by".encode())
    bare_time, _ = first_frame(bare, env, b"palette")
    print(
        f"warm start to the document list: reader {reader_time:.2f} s   bare Textual {bare_time:.2f} s   "
        f"ratio {reader_time / bare_time:.2f}x   reader RSS {reader_rss / 1024:.0f} MB"
    )
    index.close()
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated document counts")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}")
    pool = sentences()
    work = Path(tempfile.mkdtemp(prefix="ralign-bench-"))
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            bench(size, work, pool)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
