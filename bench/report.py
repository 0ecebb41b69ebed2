"""The suite's figures, written out: a console table, bench/RESULTS.md, or JSON.

RESULTS.md also holds the load test's section (python -m bench.load --record), which is run
on its own; rewriting the file keeps that section as it was.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bench.common import RESULTS
from bench.context import Run
from bench.figures import Figure, budget_text, percentile_text, verdict
from bench.load.report import load_block

GROUPS = {"pages": "Pages and check-in submission, server time", "functions": "Functions, in process",
          "memory": "Memory", "commands": "Commands, end to end", "jrnl": "Side by side with jrnl",
          "data": "Export and import", "errors": "Sections that broke"}


def as_dict(run: Run) -> dict[str, Any]:
    return {"mode": "quick" if run.quick else "full", "machine": run.machine, "data": run.data,
            "figures": [f.as_dict() for f in run.figures], "profiles": run.profiles,
            "notes": run.notes, "missed": [f.name for f in run.figures if f.ok is False],
            "failed": [f.name for f in run.failed]}


def _columns(f: Figure) -> tuple[str, str, str, str, str, str]:
    """n, median, p95, CPU, budget and verdict of a figure, as text."""
    # Ratio rows are one number (our median over theirs), not a series: no p95, no CPU column.
    return (str(len(f.samples) or ""), percentile_text(f.median, f.unit),
            percentile_text(f.p95, f.unit) if len(f.samples) > 1 else "",
            percentile_text(f.cpu, "ms") if f.cpu is not None else "", budget_text(f), verdict(f))


def console(run: Run) -> str:
    m = run.machine
    head = (f"Thawing benchmark, {'quick' if run.quick else 'full'}: {m['cpu']}, {m['cores']} cores, "
            f"{m['ram_gib']} GiB, Python {m['python']}, SQLite {m['sqlite']}, Django {m['django']}, "
            f"load {m['load_average']}")
    rows = [("figure", "n", "median", "p95", "CPU", "budget", "verdict", "note")]
    rows += [(f.name, *_columns(f)[:5], verdict(f).replace("*", ""), f.error or f.note) for f in run.figures]
    widths = [max(len(r[i]) for r in rows) for i in range(7)]
    out = [head, f"data: {run.data.get('written')}", ""]
    for r in rows:
        out.append("  ".join(r[i].ljust(widths[i]) if i == 0 else r[i].rjust(widths[i])
                             if i < 5 else r[i].ljust(widths[i]) for i in range(7)) + "  " + r[7])
    shown: set[str] = set()
    for f in run.figures:
        if f.ok is False and run.profiles.get(f.profile) and f.profile not in shown:
            shown.add(f.profile)
            out += ["", f"Profile of {f.name} (budget missed):", run.profiles[f.profile]]
    out += ["", f"total {run.data.get('total_seconds')} s"]
    return "\n".join(out)


def markdown(run: Run) -> str:
    # The load and crash tests (python -m bench.load --record) are run on their own: keep them.
    kept = load_block(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else ""
    lines = [*_head(run), *_machine(run), *_data_set(run), *_figures(run), *([kept, ""] if kept else []),
             *_missed(run)]
    if run.notes:
        lines += ["## Notes", "", *[f"- {n}" for n in run.notes], ""]
    return "\n".join(lines)


def _head(run: Run) -> list[str]:
    mode = "quick (one year of data)" if run.quick else f"full ({run.years:g} years of data)"
    return [
        "# Thawing benchmark results",
        "",
        f"Written by `python -m bench{' --quick' if run.quick else ''}` on "
        f"{datetime.now().strftime('%Y-%m-%d %H:%M')}, {mode}; the whole run took "
        f"{run.data.get('total_seconds', '?')} s. Re-run it to check any figure: the data are synthetic "
        "and seeded (`bench/generate.py`), so every run measures the same records.",
        "",
    ]


def _machine(run: Run) -> list[str]:
    m = run.machine
    return [
        "## Machine",
        "",
        f"- CPU: {m['cpu']}, {m['cores']} cores; RAM {m['ram_gib']} GiB; {m['os']}",
        f"- Python {m['python']}, SQLite {m['sqlite']}, Django {m['django']}",
        f"- load average (1, 5, 15 min) at the start: {m['load_average']}, at the end: "
        f"{m.get('load_average_at_end')}. On two cores, anything else running stretches the wall "
        "times; the CPU column (time the process spent computing, all its threads together: "
        "NumPy may use two) moves less, so compare it across runs.",
        "",
    ]


def _data_set(run: Run) -> list[str]:
    d = run.data
    written = d.get("written", {})
    return [
        "## Data set",
        "",
        f"{', '.join(f'{n:,} {k}' for k, n in written.items())}. Generated in "
        f"{d.get('generate_seconds')} s; database {d.get('database_mb')} MB.",
        "",
    ]


def _figures(run: Run) -> list[str]:
    lines = [
        "## Figures",
        "",
        "Server times are in-process through Django's test client with the whole middleware stack "
        "(what a WSGI server adds is not included); command times are wall-clock from process "
        "start to exit. Budgets on pages apply to the 95th percentile, on commands and one-off "
        "jobs to the median; ratios are our median over jrnl's (below 1 means Thawing is faster).",
        "",
        "| figure | n | median | p95 | CPU (median) | budget | verdict | note |",
        "|---|---:|---:|---:|---:|---|---|---|",
    ]
    group = None
    for f in run.figures:
        if f.group != group:
            group = f.group
            lines.append(f"| **{GROUPS.get(group, group)}** | | | | | | | |")
        lines.append(f"| {f.name} | {' | '.join(_columns(f))} | {f.error or f.note} |")
    return [*lines, ""]


def _missed(run: Run) -> list[str]:
    missed = [f for f in run.figures if f.ok is False]
    lines = ["## Budgets missed", "", *([] if missed else ["None.", ""])]
    shown: dict[str, str] = {}
    for f in missed:
        lines += [f"### {f.name}: {percentile_text(f.judged, f.unit)} against {budget_text(f)}", ""]
        text = run.profiles.get(f.profile)
        if text and f.profile in shown:
            lines += [f"Profile: the same command as \"{shown[f.profile]}\" above.", ""]
        elif text:
            shown[f.profile] = f.name
            lines += ["Profile of one run:", "", "```", text, "```", ""]
        elif run.quick:
            lines += ["(A quick run profiles only what runs in process; a full run profiles this.)", ""]
    return lines

