"""Entity extraction on hostile text shapes, at two sizes: `python bench/hostile.py`.

Each shape is a long run of what a name pattern repeats (capitals, commas, hyphens, dotted letters, ...).
An unbounded repetition in a pattern, tried from every capital of such a run, costs time quadratic in
the run: the growth column should stay near the size ratio (4x), not its square. Prints figures only.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from index.entities.extract import extract

SHAPES: dict[str, Callable[[int], str]] = {
    "capitalised words": lambda n: " ".join(["Alpha"] * n),
    "a list with no 'and'": lambda n: ", ".join(["Alpha Beta Gamma"] * (n // 4)),
    "hyphenated capitals": lambda n: "-".join(["Alpha"] * (n // 4)),
    "title-case lines": lambda n: "\n".join(["Alpha Beta Gamma Delta"] * (n // 4)),
    "names said": lambda n: " ".join(["Alpha Beta said"] * (n // 4)),
    "'of the' chains": lambda n: " of the ".join(["Alpha"] * (n // 2)),
    "designators": lambda n: " ".join(f"AB-{i}C1D/E" for i in range(n // 4)),
    "dotted letters": lambda n: ".".join(["A"] * n),
    "curly apostrophes": lambda n: "’".join(["Alpha"] * n),
    "lower case names": lambda n: "the " + "ivan petrov " * (n // 2),
}


def timed(text: str) -> float:
    start = time.perf_counter()
    extract(text)
    return time.perf_counter() - start


def main() -> None:
    small, large = 4000, 16000
    print(f"{'shape':24} {'chars':>8} {'ms':>8} {'chars':>8} {'ms':>8}  growth (size x4)")
    for name, make in SHAPES.items():
        a, b = make(small), make(large)
        ta, tb = timed(a), timed(b)
        print(f"{name:24} {len(a):8} {ta * 1000:8.1f} {len(b):8} {tb * 1000:8.1f}  {tb / max(ta, 1e-9):5.1f}x")


if __name__ == "__main__":
    main()
