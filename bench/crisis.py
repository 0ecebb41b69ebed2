"""python -m bench.crisis: how well crisis_signals holds on sentences written by people who never
read it (tests/fixtures/crisis/, see its README.md). Figures only: nothing here passes or fails.

Prints recall per category, specificity, and how "someone else" and "past" items were answered, for
the frozen test split (the figures to report), for the second held-out set (holdout2.tsv, a seventh
writer with other voices, written after the rules), and, with --dev, for the dev split too; then the time
for a 2,000- and a 20,000-character entry. --misses prints the dev split's misses, never the test
split's, and reads only the dev split, as --dev-only does (nobody tunes on the frozen one).
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "crisis"
EXPLICIT = ("wish-dead", "active-thoughts", "method", "intent", "plan", "self-harm")


def load(split: str) -> list[dict[str, str]]:
    with (CORPUS / f"{split}.tsv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def evaluate(rows: list[dict[str, str]], detect: Callable[[str], list[Any]]) -> dict[str, Any]:
    """Recall for each crisis category, specificity over every `none` item, and the rest."""
    hits: dict[str, list[bool]] = defaultdict(list)
    contexts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    quiet: dict[str, list[bool]] = defaultdict(list)
    for row in rows:
        found = detect(row["text"])
        if row["expect"] == "crisis":
            hits[row["category"]].append(bool(found) and any(s.context == "self" for s in found))
        elif row["expect"] == "none":
            quiet[row["category"]].append(not found)
        else:
            answer = ",".join(sorted({s.context for s in found})) or "nothing"
            contexts[row["category"]][answer] += 1
    every = [h for v in hits.values() for h in v]
    explicit = [h for c in EXPLICIT for h in hits.get(c, [])]
    calm = [q for v in quiet.values() for q in v]
    return {
        "recall": {c: _share(v) for c, v in sorted(hits.items())},
        "recall_explicit": _share(explicit), "recall_overall": _share(every),
        "specificity": _share(calm),
        "specificity_by_category": {c: _share(v) for c, v in sorted(quiet.items())},
        "other_and_past": {c: dict(v) for c, v in contexts.items()},
        "sizes": {"crisis": len(every), "none": len(calm),
                  "other_or_past": sum(sum(v.values()) for v in contexts.values())},
    }


def _share(values: list[bool]) -> dict[str, float | int]:
    return {"share": round(sum(values) / len(values), 3) if values else 0.0,
            "of": len(values), "hits": sum(values)}


def speed(detect: Callable[[str], list[Any]]) -> dict[str, float]:
    """Median milliseconds for a 2,000- and a 20,000-character entry of ordinary journal prose:
    wall-clock time, and the processor time of this process alone (on a machine shared with other
    work the wall clock also counts their turns; the processor time is the detector's own work)."""
    rows = [r["text"] for r in load("dev") if r["expect"] == "none"]
    prose = " ".join(rows)
    out = {}
    for size in (2_000, 20_000):
        text = (prose * (size // max(len(prose), 1) + 1))[:size]
        wall, cpu = [], []
        for _ in range(15):
            start, start_cpu = time.perf_counter(), time.process_time()
            detect(text)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        out[f"{size}_chars_ms"] = round(statistics.median(wall), 2)
        out[f"{size}_chars_cpu_ms"] = round(statistics.median(cpu), 2)
    return out


def report(figures: dict[str, Any], title: str) -> str:
    lines = [f"{title}: {figures['sizes']['crisis']} crisis items, {figures['sizes']['none']} that "
             f"must stay quiet, {figures['sizes']['other_or_past']} about someone else or the past"]
    for category, share in figures["recall"].items():
        lines.append(f"  recall {category:<16} {share['share']:.3f} ({share['hits']}/{share['of']})")
    for key in ("recall_explicit", "recall_overall", "specificity"):
        share = figures[key]
        lines.append(f"  {key.replace('_', ' '):<23} {share['share']:.3f} ({share['hits']}/{share['of']})")
    for category, share in figures["specificity_by_category"].items():
        lines.append(f"    quiet on {category:<19} {share['share']:.3f} ({share['hits']}/{share['of']})")
    for category, answers in figures["other_and_past"].items():
        lines.append(f"  {category}: " + ", ".join(f"{k} {v}" for k, v in sorted(answers.items())))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", action="store_true", help="also the dev split's figures")
    parser.add_argument("--misses", action="store_true", help="print the dev split's misses")
    parser.add_argument("--dev-only", action="store_true",
                        help="the dev split's figures and the speed, without reading the frozen split")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from thawing.core.safety import crisis_signals

    frozen = not (args.dev_only or args.misses)   # tuning reads dev only, never the frozen split
    result = {"speed": speed(crisis_signals)}
    if frozen:
        result["test"] = evaluate(load("test"), crisis_signals)
        result["holdout2"] = evaluate(load("holdout2"), crisis_signals)
    if args.dev or not frozen:
        result["dev"] = evaluate(load("dev"), crisis_signals)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    if frozen:
        print(report(result["test"], "Frozen test split"))
        print(report(result["holdout2"], "Second held-out set (writer-7)"))
    if "dev" in result:
        print(report(result["dev"], "Dev split"))
    print("  time: {2000_chars_ms} ms for 2,000 characters, {20000_chars_ms} ms for 20,000 (wall clock); "
          "{2000_chars_cpu_ms} ms and {20000_chars_cpu_ms} ms of processor time".format(**result["speed"]))
    if args.misses:
        for row in load("dev"):
            found = crisis_signals(row["text"])
            ok = (any(s.context == "self" for s in found) if row["expect"] == "crisis"
                  else not found if row["expect"] == "none" else True)
            if not ok:
                print(f"MISS {row['expect']:<6} {row['category']:<18} {row['text']}"
                      f"  -> {[(s.kind, s.level, s.context) for s in found]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
