"""A longer fuzz run of queries and bookmark round trips: `python bench/fuzz.py [CORPUS] [--queries N]`.

Each query is made of pieces the query language gives meaning to (wildcards, fuzzy marks, fields,
brackets, quotes, operators) mixed with words, escapes and odd characters, searched through the
CLI's own path (`ralign-tui search --json`, in this process). Every one must answer with JSON or a
clear error within 5 s. Bookmarks with random notes and tags are written to a file and read back.
Prints what it tried and the slowest queries; exit 1 when anything failed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PIECES = [
    "putin", "china", "gas", "*", "*a*", "a*", "?", "pu?in", "putin~2", "china~", "gaz~1~2", '"', '"power of', "(", ")",
    "AND", "OR", "NOT", "title:", "person:", "entity:", "org:", "[", "]", "{", "}", "[a TO z]", "^2", ":", "-", "+",
    "\\", "\x00", "\x1b[2J", "\x1b]0;t\x07", "é", "🙂", "\u202e", " ", "~~~", "*" * 5, "x" * 60,
]  # fmt: skip
LIMIT_S = 5.0


def fuzz_queries(corpus: Path, count: int, rng: random.Random) -> list[str]:
    from tui.cli import main as cli

    failures: list[str] = []
    timings: list[tuple[float, str]] = []
    outcomes = {"hits": 0, "no hits": 0, "error": 0, "partial (exit 3)": 0}
    for _ in range(count):
        text = "".join(rng.choice(PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(1, 14)))
        out, err = io.StringIO(), io.StringIO()
        started = time.monotonic()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli(["search", text, "--json", "--corpus", str(corpus)])
            except BaseException as exc:  # every escape is a failure to report
                code = -1
                err.write(f"{type(exc).__name__}: {exc}")
        took = time.monotonic() - started
        timings.append((took, text))
        if code == 2 and "Traceback" not in err.getvalue():
            outcomes["error"] += 1
        elif code in (0, 3):
            try:
                hits = json.loads(out.getvalue())
            except ValueError:
                failures.append(f"not JSON for {text!r}")
                continue
            outcomes["partial (exit 3)" if code == 3 else "hits" if hits else "no hits"] += 1
        else:
            failures.append(f"exit {code} for {text!r}: {err.getvalue()[-300:]!r}")
        if took > LIMIT_S:
            failures.append(f"{took:.1f} s for {text!r}")
    timings.sort(reverse=True)
    print(f"queries: {count} tried on {corpus}: " + ", ".join(f"{n} {k}" for k, n in outcomes.items()))
    print(f"  median {timings[len(timings) // 2][0] * 1000:.0f} ms, slowest:")
    for took, text in timings[:5]:
        print(f"    {took:6.2f} s  {text[:70]!r}")
    return failures


def fuzz_bookmarks(count: int, rng: random.Random) -> list[str]:
    from index.notes.bookmark_file import BookmarkFile
    from index.notes.markdown import Bookmark, normalise_note, normalise_tag

    alphabet = "abc XYZ\n\t#*_[]<>-->!`\\|~é🙂\x1b\x07\u202e\u2028\r"
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        file = BookmarkFile(Path(folder) / "b.md")
        written = []
        for i in range(count):
            # Normalised as every caller does (`bookmarks.bookmark_for`): line ends to "\n", tags without spaces.
            note = normalise_note("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))))
            tags = tuple(
                tag
                for tag in (
                    normalise_tag("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))) for _ in range(3)
                )
                if tag
            )
            written.append(file.add(Bookmark(f"{i:08x}", "d.txt", 1, f"quote {i} {note}", note=note, tags=tags)))
        parsed = file.read()
        if parsed.broken:
            failures.append(f"{len(parsed.broken)} blocks not read back")
        if [(b.id, b.note, b.tags) for b in parsed.bookmarks] != [(b.id, b.note, b.tags) for b in written]:
            failures.append("bookmarks read back differ from those written")
    print(f"bookmarks: {count} written with random notes and tags, read back: {'ok' if not failures else 'FAILED'}")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=Path(__file__).resolve().parent.parent / "seeds")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--bookmarks", type=int, default=200)
    parser.add_argument("--seed", type=int, default=23)
    args = parser.parse_args()
    os.environ.setdefault("RALIGN_ENTITY_MODEL", "off")
    rng = random.Random(args.seed)
    failures = fuzz_queries(args.corpus, args.queries, rng) + fuzz_bookmarks(args.bookmarks, rng)
    for failure in failures:
        print(f"FAILED: {failure}")
    print(f"seed {args.seed}: {'no failure' if not failures else f'{len(failures)} failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
