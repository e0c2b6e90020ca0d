"""How fast the format readers are: `python bench/formats.py [--folder DIR] [--copies 20]`.

Reads the sample files of tests/unit/corpus/samples (or every file of DIR) and prints pages per
second for PDF, documents per second for HTML, EPUB and Word, beside plain text's (the bundled
seeds) - once with the readers called in this process, once through the path the index takes (the
sandbox's child process, cleaning, passages). Then builds an index of COPIES copies of each file and
changes one PDF, to show it alone is read again. Prints figures; asserts nothing. Runs under a
temporary RALIGN_HOME.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.corpus import readers  # noqa: E402
from index.corpus.readers.base import Unreadable  # noqa: E402
from index.corpus.scan import document_from_bytes  # noqa: E402

SAMPLES = ROOT / "tests" / "unit" / "corpus" / "samples"


def files_of(folder: Path) -> dict[str, list[Path]]:
    kinds: dict[str, list[Path]] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in readers.EXTENSIONS):
        kinds.setdefault(readers.kind_of(path.name, path.read_bytes()[:4096]), []).append(path)
    return kinds


def pages_of(path: Path) -> int:
    import pypdfium2 as pdfium

    try:
        with pdfium.PdfDocument(path.read_bytes()) as pdf:
            return len(pdf)
    except pdfium.PdfiumError:
        return 0


def rate(kind: str, paths: list[Path], repeat: int) -> None:
    units = sum(pages_of(p) for p in paths) if kind == "pdf" else len(paths)
    unit = "pages" if kind == "pdf" else "docs"
    blobs = [(p.name, p.read_bytes()) for p in paths]
    document_from_bytes(*blobs[0])  # imports and the child process started: not timed
    start = time.perf_counter()
    for _ in range(repeat):
        for name, data in blobs:
            with contextlib.suppress(Unreadable):
                readers.read(kind, data, name) if kind != readers.TEXT else document_from_bytes(name, data)
    inside = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(repeat):
        for name, data in blobs:
            document_from_bytes(name, data)
    through = time.perf_counter() - start
    total = units * repeat
    print(
        f"{kind:<5} {len(paths):3} files {units:5} {unit}: reader {total / inside:8.1f} {unit}/s,"
        f" as indexed (child process, passages) {total / through:8.1f} {unit}/s"
    )


def build(kinds: dict[str, list[Path]], copies: int, work: Path) -> None:
    from index.store.corpus_index import CorpusIndex

    corpus = work / "corpus"
    corpus.mkdir()
    for paths in kinds.values():
        for path in paths:
            for n in range(copies):
                shutil.copy(path, corpus / f"{n:03}-{path.name}")
    count = sum(1 for _ in corpus.iterdir())
    index = CorpusIndex(corpus)
    start = time.perf_counter()
    report = index.update()
    took = time.perf_counter() - start
    print(f"\nbuild of {count} files: {took:.2f} s, {report.indexed / took:.1f} docs/s, {len(report.skipped)} skipped")
    pdf = next((p for p in sorted(corpus.iterdir()) if p.suffix == ".pdf" and p.name.startswith("000-")), None)
    if pdf is not None:
        os.utime(pdf, None)
        pdf.write_bytes(pdf.read_bytes() + b"\n%% changed\n")
        start = time.perf_counter()
        report = index.update()
        took = time.perf_counter() - start
        print(f"one PDF changed: {report.indexed} re-read, {report.unchanged} unchanged, {took:.2f} s")
    index.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=SAMPLES)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RALIGN_HOME"] = str(Path(tmp) / "home")
        os.environ.setdefault("RALIGN_ENTITY_MODEL", "off")
        kinds = files_of(args.folder)
        kinds.setdefault(readers.TEXT, []).extend(sorted((ROOT / "seeds").glob("*.txt")))
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; files from {args.folder}")
        for kind, paths in sorted(kinds.items()):
            rate(kind, paths, args.repeat)
        build(kinds, args.copies, Path(tmp))


if __name__ == "__main__":
    main()
