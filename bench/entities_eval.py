"""Entity extraction scored per type on text nobody here wrote: rules alone, the model alone, combined.

    python bench/entities_eval.py [--eval ../shared/eval] [--real-gold bench/gold/real-docs.json]
                                  [--holdout] [--errors] [--set DOCS GOLD]

Sets: (a) CoNLL-2003 dev stories (people, organisations, places), (b) the real-docs reports under
our own blind annotation (all seven types), when that gold exists, (c) the bundled seeds
(tests/entity_gold/seeds.toml). Each set is cut in two: the tune half (CoNLL: sorted file names
[0::2]; real-docs 006, 013, 018, 021) and the held-out half, scored only with --holdout, which prints
the totals and never a document's results. The seeds are tuning data, with no held-out half.

Scoring is `../shared/eval/score.py`'s own: its `norm` and `surfaces` are imported from that file and
applied to entities grouped as `index.entity_view` groups them (one per type and canonical name, its
mentions as written), in process. Its type table knows only people, organisations and places; here
the four domain types are added to it for the sets whose gold has them, and (as in score.py) only the
types a set's gold has are counted. The CoNLL text is read from ../shared/eval at run time and never
copied into the project (its licence).

Prints figures; asserts nothing. Runs under a temporary RALIGN_HOME (no user entities.toml).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from index.corpus.scan import load_all  # noqa: E402
from index.entities.extract import Mention, extract  # noqa: E402
from index.entities.gazetteer import Gazetteer, load_gazetteer  # noqa: E402

REAL_TUNE = ("006", "013", "018", "021")
REAL_HOLDOUT = ("011", "014", "020", "022")
DOMAIN_TYPES = {"WEAPON": "WEAPON", "EVENT": "EVENT", "MONEY": "MONEY", "DATE": "DATE"}
ROWS = ("rules", "model", "combined")

Gold = dict[str, list[dict[str, Any]]]


def load_scorer(eval_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("shared_score", eval_dir / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {eval_dir}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def grouped(mentions: list[Mention]) -> list[dict[str, Any]]:
    """Entities as `ralign-tui entities --json` lists them: one per (type, name), mentions as written."""
    by_key: dict[tuple[str, str], list[str]] = {}
    for m in mentions:
        by_key.setdefault((m.type, m.name), []).append(m.text)
    return [
        {"name": name, "type": kind, "mentions": [{"text": t} for t in texts]} for (kind, name), texts in by_key.items()
    ]


def score(
    scorer: ModuleType, types: dict[str, str], gold: Gold, got: dict[str, list[dict[str, Any]]]
) -> dict[str, list[int]]:
    """score.py's loop: per type [gold found, gold, listed right, listed]."""
    norm, surfaces = scorer.norm, scorer.surfaces
    rows: dict[str, list[int]] = {}
    for doc, gents in gold.items():
        galias = [({norm(x) for x in g["aliases"]} | {norm(g["canonical"])}, types[g["type"]]) for g in gents]
        pents = [e for e in got.get(doc, []) if types.get(str(e.get("type", "")).upper())]
        for aliases, t in galias:
            r = rows.setdefault(t, [0, 0, 0, 0])
            r[1] += 1
            if any(surfaces(e) & aliases for e in pents):
                r[0] += 1
        for e in pents:
            r = rows.setdefault(types[str(e["type"]).upper()], [0, 0, 0, 0])
            r[3] += 1
            if any(surfaces(e) & aliases for aliases, _ in galias):
                r[2] += 1
    return rows


def misses(scorer: ModuleType, types: dict[str, str], gold: Gold, got: dict[str, list[dict[str, Any]]]) -> None:
    """Per document, what was missed and what was wrongly listed (tune halves only)."""
    norm, surfaces = scorer.norm, scorer.surfaces
    for doc, gents in sorted(gold.items()):
        galias = [({norm(x) for x in g["aliases"]} | {norm(g["canonical"])}, types[g["type"]], g) for g in gents]
        pents = [e for e in got.get(doc, []) if types.get(str(e.get("type", "")).upper())]
        lost = [f"{t}:{g['canonical']}" for a, t, g in galias if not any(surfaces(e) & a for e in pents)]
        wrong = [f"{e['type']}:{e['name']}" for e in pents if not any(surfaces(e) & a for a, _, _ in galias)]
        if lost or wrong:
            print(f"== {doc}\n   missed: {'; '.join(lost)}\n   wrong:  {'; '.join(wrong)}")


def seeds_gold() -> tuple[dict[str, str], Gold]:
    data = tomllib.loads((ROOT / "tests" / "entity_gold" / "seeds.toml").read_text(encoding="utf-8"))
    gold: Gold = {}
    for doc, kinds in data.items():
        gold[doc] = [
            {"canonical": item.split("|")[0], "type": kind, "aliases": item.split("|")}
            for kind, items in kinds.items()
            for item in items
        ]
    docs, _ = load_all(ROOT / "seeds")
    return {d.doc: d.text for d in docs}, gold


def folder_texts(folder: Path, names: list[str]) -> dict[str, str]:
    docs, _ = load_all(folder)
    return {d.doc: d.text for d in docs if Path(d.doc).name in names}


def eval_sets(args: argparse.Namespace) -> list[tuple[str, dict[str, str], Gold, bool]]:
    """(label, texts, gold, domain types counted) for each set of the chosen half."""
    sets = []
    conll = args.eval / "conll2003-dev"
    names = sorted(p.name for p in (conll / "docs").iterdir() if p.suffix == ".txt")
    half = names[1::2] if args.holdout else names[0::2]
    gold_all = json.loads((conll / "gold.json").read_text())
    gold = {n: gold_all.get(n, []) for n in half}
    sets.append(("CoNLL " + ("holdout" if args.holdout else "tune"), folder_texts(conll / "docs", half), gold, False))
    if args.real_gold.is_file():
        prefixes = REAL_HOLDOUT if args.holdout else REAL_TUNE
        real = json.loads(args.real_gold.read_text())
        picked = {n: g for n, g in real.items() if n[:3] in prefixes}
        texts = folder_texts(args.eval / "real-docs", list(picked))
        sets.append(("real-docs " + ("holdout" if args.holdout else "tune"), texts, picked, True))
    else:
        print(f"(no real-docs gold at {args.real_gold}: that set is left out)")
    if not args.holdout:
        texts, gold = seeds_gold()
        sets.append(("seeds", texts, gold, True))
    return sets


def model_only(text: str, spans: list[tuple[int, int, str]]) -> list[Mention]:
    return [Mention(s, e, k, text[s:e], text[s:e]) for s, e, k in spans]


RUNS: dict[str, Callable[[str, list[tuple[int, int, str]], Gazetteer], list[Mention]]] = {
    "rules": lambda text, spans, gazetteer: extract(text, gazetteer),
    "model": lambda text, spans, gazetteer: model_only(text, spans),
    "combined": lambda text, spans, gazetteer: extract(text, gazetteer, model_spans=spans),
}


def report(label: str, results: dict[str, dict[str, list[int]]]) -> None:
    kinds = sorted({k for rows in results.values() for k in rows})
    print(f"\n{label}")
    print(f"  {'type':8}" + "".join(f"{row:>20}" for row in ROWS))
    for kind in [*kinds, "overall"]:
        cells = []
        for row in ROWS:
            counts = results[row]
            if kind == "overall":
                fg, g, ok, listed = (sum(c[i] for c in counts.values()) for i in range(4))
            else:
                fg, g, ok, listed = counts.get(kind, [0, 0, 0, 0])
            p = ok / listed if listed else 0.0
            r = fg / g if g else 0.0
            cells.append(f"P {p:.2f} R {r:.2f}".rjust(20))
        print(f"  {kind:8}" + "".join(cells))


class Timing:
    """Seconds and words of the model pass, and seconds of the rules and of combining, summed over sets."""

    def __init__(self) -> None:
        self.words = self.docs = 0
        self.model = self.rules = self.combined = 0.0


def measure_set(
    label: str,
    texts: dict[str, str],
    gold: Gold,
    domain: bool,
    nlp: Any,
    scorer: ModuleType,
    gazetteer: Gazetteer,
    timing: Timing,
) -> tuple[dict[str, dict[str, list[int]]], dict[str, dict[str, list[dict[str, Any]]]], dict[str, str]]:
    """(counts per row and type, entities per row and document, type table) of one set."""
    from index.entities.statistical import model_spans

    types = {**scorer.TYPES, **(DOMAIN_TYPES if domain else {})}
    if label == "seeds":
        types = {k: v for k, v in types.items() if v not in ("MONEY", "DATE")}  # seeds.toml has neither
    spans = {}
    for doc, text in texts.items():
        started = time.perf_counter()
        spans[doc] = model_spans(text, nlp)
        timing.model += time.perf_counter() - started
        timing.words += len(text.split())
        timing.docs += 1
    got: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for row, run in RUNS.items():
        started = time.perf_counter()
        got[row] = {Path(doc).name: grouped(run(text, spans[doc], gazetteer)) for doc, text in texts.items()}
        if row != "model":
            setattr(timing, row, getattr(timing, row) + time.perf_counter() - started)
    gold = {Path(doc).name: g for doc, g in gold.items()}
    return {row: score(scorer, types, gold, got[row]) for row in ROWS}, got, types


def totals(counts: dict[str, list[int]]) -> tuple[float, float]:
    """(precision, recall) over every type of a row."""
    fg, g, ok, listed = (sum(c[i] for c in counts.values()) for i in range(4))
    return (ok / listed if listed else 0.0), (fg / g if g else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--real-gold", type=Path, default=ROOT / "bench" / "gold" / "real-docs.json")
    ap.add_argument("--holdout", action="store_true", help="score the held-out halves (totals only)")
    ap.add_argument("--errors", action="store_true", help="list misses and wrong finds per document (tune only)")
    ap.add_argument("--all-cores", action="store_true", help="do not pin the model pass to one core")
    ap.add_argument(
        "--set",
        nargs=2,
        metavar=("DOCS", "GOLD"),
        help="score only this folder against this gold file (all seven types), e.g. a fresh annotated set",
    )
    args = ap.parse_args()
    os.environ["RALIGN_HOME"] = tempfile.mkdtemp(prefix="ralign-bench-")  # no user entities.toml
    if args.errors and args.holdout:
        raise SystemExit("--errors is for the tune halves only: held-out documents are never looked at")
    if not args.all_cores and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    from index.entities.statistical import load_model, model_status

    available, name = model_status()
    if not available:
        raise SystemExit(name)
    started = time.perf_counter()
    nlp = load_model()  # spaCy's import included: nothing before this imported it
    load_seconds = time.perf_counter() - started
    scorer = load_scorer(args.eval)
    gazetteer: Gazetteer = load_gazetteer()
    timing = Timing()
    sets = eval_sets(args)
    if args.set:
        docs, gold_file = Path(args.set[0]), Path(args.set[1])
        extra = json.loads(gold_file.read_text())
        sets = [(f"{docs.name}", folder_texts(docs, list(extra)), extra, True)]
    for label, texts, gold, domain in sets:
        results, got, types = measure_set(label, texts, gold, domain, nlp, scorer, gazetteer, timing)
        report(f"{label} ({len(texts)} documents)", results)
        if args.errors:
            for row in ROWS:
                print(f"\n-- {label}: {row}")
                misses(scorer, types, {Path(d).name: g for d, g in gold.items()}, got[row])
    per_doc = 1000 / timing.docs
    print(
        f"\nmodel {name}: loaded in {load_seconds:.2f} s; NER pass {timing.words / timing.model:,.0f} words/s "
        f"({timing.docs / timing.model:.1f} documents/s, {timing.words / timing.docs:.0f} words a document) on "
        f"{'all cores' if args.all_cores else 'one core'}; rules {timing.rules * per_doc:.1f} ms a document, "
        f"rules + combining {timing.combined * per_doc:.1f} ms (model pass not included)"
    )


if __name__ == "__main__":
    main()
