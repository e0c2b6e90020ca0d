"""Crash tests of the entity pass: a real `ralign-tui entities` dies (`os._exit`, as kill -9) with one
batch of the model's entities committed and the next one in the engine only; the next run resumes, says
so, redoes only what was not committed, and answers like a clean run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from subprocess import PIPE

import pytest

from index.entities.statistical import find_model
from index.store.corpus_index import CorpusIndex
from index.store.entity_pass import RUNNING, entity_progress
from index.store.model_cache import ModelCache
from tests.conftest import write

ROOT = Path(__file__).resolve().parents[3]
KILLED = 137
PEOPLE = ["Nelson Mandela", "Madeleine Albright", "Helmut Kohl", "Boris Yeltsin", "Jacques Chirac"]
PLACES = ["Pretoria", "Nairobi", "Bonn", "Moscow", "Paris"]

needs_model = pytest.mark.skipif(find_model() is None, reason="no spaCy English pipeline installed")


def _corpus(folder: Path, count: int) -> Path:
    for i in range(count):
        who, other, where = PEOPLE[i % 5], PEOPLE[(i + 2) % 5], PLACES[(i + 1) % 5]
        write(folder, f"n{i:02}.txt", f"Report {i}\n\n{who} met {other} in {where} on Tuesday, talk number {i}.\n")
    return folder


def _start(home: Path, *args: str, model: bool = True, fault: str = "") -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RALIGN_FAULT", "RALIGN_ENTITY_MODEL")}
    env["RALIGN_HOME"] = str(home)
    if not model:
        env["RALIGN_ENTITY_MODEL"] = "off"
    if fault:
        env["RALIGN_FAULT"] = fault
    return subprocess.Popen(
        [sys.executable, "-m", "tui", *args], env=env, cwd=ROOT, stdout=PIPE, stderr=PIPE, text=True
    )


def _run(home: Path, *args: str, model: bool = True, fault: str = "") -> subprocess.CompletedProcess[str]:
    process = _start(home, *args, model=model, fault=fault)
    out, err = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _workers_of(home: Path) -> list[int]:
    """Entity workers still running for this home (a killed parent's must not linger holding the model)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
            environment = (entry / "environ").read_bytes()
        except OSError:
            continue
        if b"index.store.entity_worker" in command and f"RALIGN_HOME={home}".encode() in environment.split(b"\0"):
            found.append(int(entry.name))
    return found


@needs_model
def test_entity_pass_killed_between_batches_resumes_and_equals_a_clean_run(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _corpus(tmp_path / "corpus", 20)
    clean_run = _start(tmp_path / "clean-home", "entities", "--json", "--corpus", str(corpus))  # meanwhile
    assert _run(isolated_home, "index", "--corpus", str(corpus), model=False).returncode == 0
    # The first batch (FIRST_WRITE documents) committed whole, the second in the engine only, then killed.
    killed = _run(isolated_home, "entities", "--json", "--corpus", str(corpus), fault="engine-committed:2")
    assert killed.returncode == KILLED, killed.stderr
    deadline = time.monotonic() + 15
    while _workers_of(isolated_home) and time.monotonic() < deadline:
        time.sleep(0.1)  # a worker finishing the chunk it holds sees its parent gone
    assert _workers_of(isolated_home) == []

    monkeypatch.delenv("RALIGN_ENTITY_MODEL")
    index = CorpusIndex(corpus).open()
    standing = entity_progress(index)
    left = len(ModelCache(index.side).pending(standing.model))
    index.close()
    assert 0 < standing.done < 20 and left == 20 - standing.done  # what was committed is kept, the rest to do

    resumed = _run(isolated_home, "entities", "--json", "--corpus", str(corpus))
    assert resumed.returncode == 0, resumed.stderr
    assert f"resuming it: {standing.done} of 20 document(s) kept the model's entities, {left} left to do" in " ".join(
        resumed.stderr.split()
    )
    assert "another ralign-tui" not in resumed.stderr  # no stale lock
    clean = json.loads(clean_run.communicate(timeout=300)[0])
    assert json.loads(resumed.stdout) == clean
    assert any(e["type"] == "PERSON" for d in clean for e in d["entities"])

    index = CorpusIndex(corpus).open()
    assert entity_progress(index)[1:3] == (20, 20)  # none left without the model's entities
    assert sorted(index.engine.doc_ids()) == sorted(index.side.document_ids())
    assert index.side.get_meta(RUNNING) is None  # the next run has nothing to resume
    index.close()


def test_a_pass_still_running_elsewhere_is_not_reported_as_interrupted(tiny_corpus: Path) -> None:
    """A reader's pass and a CLI call's: only a note left by a process that is gone means a killed pass."""
    from index.store import entity_pass

    index = CorpusIndex(tiny_corpus).open()
    index.update()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    for holder, said in [(str(os.getppid()), False), (gone.stdout.strip(), True)]:
        with index.side.transaction() as db:
            index.side.set_meta(db, RUNNING, holder)
        assert bool(entity_pass._start(index, "model", 1, 3, 2)) is said
        entity_pass._finish(index)
        assert index.side.get_meta(RUNNING) is None  # this process's own note, taken away at the end
