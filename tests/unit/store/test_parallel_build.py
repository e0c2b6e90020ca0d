"""Big builds in worker processes give the same index as one process, and stay safe to cancel."""

from __future__ import annotations

import random
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from index.search.results import search
from index.store import indexer, parallel
from index.store.corpus_index import CorpusIndex
from tests.conftest import SEEDS, write

WORDS = (
    "Russia China pipeline gas alliance sanctions Beijing Moscow energy trade summit navy exercise "
    "oil bank yuan ruble border treaty strategy"
).split()


def make_corpus(folder: Path, count: int) -> Path:
    """Seed documents plus generated ones that name people, places and money."""
    rng = random.Random(7)
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        write(folder, seed.name, seed.read_text(encoding="utf-8"))
    for i in range(count):
        paragraphs = [
            " ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + ".",
            f"President Vladimir Putin met Xi Jinping in Vladivostok on March {i % 28 + 1}, 2019.",
            f"Gazprom agreed to lend ${i + 2} billion, Foreign Minister Wang Yi said.",
        ]
        write(folder, f"gen{i:03}.txt", f"Report {i}\n\n" + "\n\n".join(paragraphs))
    return folder


def snapshot(index: CorpusIndex) -> dict[str, object]:
    queries = ["pipeline", "putin xi", '"foreign minister"', "person:putin", 'entity:"wang yi"', "place:vladivostok"]
    return {
        "docs": [(d.doc, d.passages, d.chars) for d in index.documents()],
        "hits": {q: sorted((h.doc, h.passage) for h in search(index, q, limit=500).hits) for q in queries},
        "mentions": sorted((m.doc, m.start, m.end, m.type, m.name) for m in index.mentions()),
        "vocabulary": index.vocabulary(),
        "citations": index.citations(),
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path / "corpus", 40)


def build(corpus: Path, location: Path, parallel_min: int, monkeypatch: pytest.MonkeyPatch) -> CorpusIndex:
    monkeypatch.setattr(indexer, "PARALLEL_MIN", parallel_min)
    monkeypatch.setattr(indexer, "FIRST_BATCH", 10)
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    index = CorpusIndex(corpus, location=location).open()
    report = index.update()
    assert report.indexed == 43 and not report.cancelled
    return index


def test_workers_build_the_same_index_as_one_process(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    serial = build(corpus, tmp_path / "serial", 10_000, monkeypatch)
    workers = build(corpus, tmp_path / "workers", 2, monkeypatch)
    assert snapshot(workers) == snapshot(serial)
    assert len(workers.open().engine.ix.reader().leaf_readers()) > 1  # the workers' segments were added


def test_a_change_after_a_parallel_build_replaces_the_old_passages(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = build(corpus, tmp_path / "ix", 2, monkeypatch)
    write(corpus, "gen005.txt", "Report five, rewritten\n\nNothing but a Rosatom reactor now.")
    (corpus / "gen006.txt").unlink()
    report = index.update()
    assert (report.indexed, report.removed) == (1, 1)
    assert {h.doc for h in search(index, "rosatom").hits} == {"gen005.txt"}
    assert not {"gen005.txt", "gen006.txt"} & {h.doc for h in search(index, "person:putin", limit=500).hits}


def test_a_cancelled_parallel_build_keeps_what_it_finished_and_the_next_run_completes(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indexer, "PARALLEL_MIN", 2)
    monkeypatch.setattr(indexer, "FIRST_BATCH", 5)
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done >= 12:
            cancel.set()

    index = CorpusIndex(corpus, location=tmp_path / "ix").open()
    first = index.update(progress=progress, cancel=cancel)
    assert first.cancelled and 5 <= first.indexed < 43
    kept = {d.doc for d in index.documents()}
    assert {h.doc for h in search(index, "putin", limit=500).hits} == kept - _seeds_without("putin")
    second = index.update()
    assert second.indexed == 43 - first.indexed and not second.cancelled
    assert len(index.documents()) == 43


def test_workers_started_for_a_batch_a_cancel_skips_end_cleanly(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pool starts before the first batch is indexed; cancelled then, its workers never get work."""
    monkeypatch.setattr(indexer, "PARALLEL_MIN", 2)
    monkeypatch.setattr(indexer, "FIRST_BATCH", 5)
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    started: list[parallel.Pool] = []
    monkeypatch.setattr(parallel, "Pool", lambda *args: started.append(real_pool(*args)) or started[-1])
    cancel = threading.Event()
    index = CorpusIndex(corpus, location=tmp_path / "ix").open()
    first = index.update(progress=lambda done, total: cancel.set() if done >= 2 else None, cancel=cancel)
    assert first.cancelled and first.indexed < 5
    assert len(started) == 1 and not started[0].used
    assert all(worker.process.poll() == 0 for worker in started[0].workers)  # ended, and without an error
    second = index.update()
    assert second.indexed + first.indexed == 43 and len(index.documents()) == 43


real_pool = parallel.Pool


def _seeds_without(word: str) -> set[str]:
    return {p.name for p in sorted(SEEDS.glob("*.txt"))[:3] if word not in p.read_text(encoding="utf-8").lower()}


def test_a_script_without_a_main_guard_can_run_a_parallel_build(corpus: Path, tmp_path: Path) -> None:
    """Workers are fresh interpreters, not multiprocessing "spawn", which re-runs the caller's script."""
    script = tmp_path / "build.py"
    script.write_text(
        textwrap.dedent(
            f"""
            import sys
            sys.path.insert(0, {str(Path(__file__).resolve().parents[3])!r})
            from pathlib import Path
            from index.store import indexer
            from index.store.corpus_index import CorpusIndex
            indexer.PARALLEL_MIN = 2
            index = CorpusIndex(Path({str(corpus)!r})).open()
            print("indexed", index.update().indexed)
            """
        ),
        encoding="utf-8",
    )
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["indexed", "43"]


def test_entity_queries_highlight_the_mentions_in_snippets(seed_index: CorpusIndex) -> None:
    result = search(seed_index, 'entity:"Sergei Shoigu"')
    assert result.hits
    for hit in result.hits:
        marked = [hit.snippet[s.start : s.end] for s in hit.spans]
        assert any("Shoigu" in m for m in marked), (hit.snippet, marked)


def test_entity_queries_by_prefix_phrase_and_any_name(seed_index: CorpusIndex) -> None:
    def docs(query: str) -> set[str]:
        return {h.doc[:3] for h in search(seed_index, query, limit=200).hits}

    assert docs("person:shoig*") == docs("person:shoigu") == {"003", "004"}
    assert docs('person:"vladimir putin"') == docs("person:putin")
    assert docs("person:gazprom") == set()  # a name of another type answers nothing under this one
    assert docs("org:nobody-at-all") == set()
    assert docs("org:gazprom OR person:shoigu") == {"002", "003", "004"}


def test_a_parallel_build_run_from_a_folder_holding_an_index_py_works(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers start with `-P`: a current folder holding an `index.py` cannot shadow the package."""
    here = tmp_path / "elsewhere"
    here.mkdir()
    (here / "index.py").write_text("raise SystemExit('the index.py of the current folder')\n", encoding="utf-8")
    monkeypatch.chdir(here)
    started: list[parallel.Pool] = []
    monkeypatch.setattr(parallel, "Pool", lambda *args: started.append(real_pool(*args)) or started[-1])
    index = build(corpus, tmp_path / "ix", 2, monkeypatch)
    assert started and started[0].used  # the workers did the build
    assert {h.doc for h in search(index, "rosatom OR putin", limit=500).hits} >= {"gen000.txt", "gen039.txt"}


def test_batches_grow_fourfold_after_the_first() -> None:
    sizes = [len(b) for b in indexer._batches(list(range(10_000)))]
    assert sizes == [32, 256, 1024, 4096, 4592]
    assert [len(b) for b in indexer._batches(list(range(1_400)))] == [32, 256, 1112]  # no small last one
    assert [len(b) for b in indexer._batches(list(range(20)))] == [20]
    assert sum(map(len, indexer._batches(list(range(12_345))))) == 12_345


def test_one_pool_builds_several_batches_each_committed_like_one_process(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader searches a big first build as it grows: later batches reuse the same workers."""
    serial = build(corpus, tmp_path / "serial", 10_000, monkeypatch)
    monkeypatch.setattr(indexer, "NEXT_BATCH", 5)
    assert [len(b) for b in indexer._batches(list(range(43)))] == [10, 5, 28]
    commits: list[int] = []
    original = indexer.batch

    def counting(folder):  # type: ignore[no-untyped-def]
        commits.append(1)
        return original(folder)

    monkeypatch.setattr(indexer, "batch", counting)
    workers = build(corpus, tmp_path / "workers", 2, monkeypatch)
    assert len(commits) == 3
    assert snapshot(workers) == snapshot(serial)
