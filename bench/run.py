"""The benchmark suite: every performance budget of DESIGN.md, measured on synthetic data.

Usage, from a source checkout: python -m bench [--quick] [--json] [--out PATH]

It makes its own temporary data folder (never touching yours), sets Thawing up there,
generates ten years of one person (--quick: one year) and measures, each with the median
and the 95th percentile of N runs after a warm-up (the sections are in bench/suites/):

- pages (Today, check-in form, journal list and search, insights) and check-in submission,
  server time through Django's test client and the full middleware stack, and a bare view
  with no work behind the same stack: the framework floor our pages are a ratio of;
- journal search, insights and the one-year PDF report as function calls;
- the server's resident memory after warm-up (`thawing serve`, read from /proc);
- CLI commands end to end (process start to exit): check-in, adding a journal entry and
  searching, side by side with jrnl 4.6 (installed in its own virtual environment) on a
  journal of the same entries; export and Daylio import when those commands exist.

Figures are printed with the machine's description and each budget; a full run writes
bench/RESULTS.md (a quick one only with --out). A missed budget is profiled (cProfile, and
import times for commands) and the top entries are shown. Timings never fail the run.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
import traceback
from pathlib import Path

from bench import crisis, machine, report
from bench.common import RESULTS, ROOT, log
from bench.context import Run, set_up
from bench.figures import failure
from bench.suites import SUITES
from bench.suites.jrnl import JRNL_VENV, JRNL_VERSION


def run_all(run: Run) -> None:
    """Set up, then every section in turn; a section that breaks becomes an error figure."""
    run.machine = machine.facts()
    set_up(run)
    for suite in SUITES:
        try:
            for figure in suite(run):
                run.add(figure)
        except Exception as error:  # one broken part must not hide the other figures
            log(traceback.format_exc())
            run.add(failure(f"{suite.__name__.replace('_', ' ')} (the whole section)", "errors", error))
    run.data["total_seconds"] = round(time.perf_counter() - run.started, 1)
    run.machine["load_average_at_end"] = machine.load_average()
    _note_a_busy_machine(run)


def _note_a_busy_machine(run: Run) -> None:
    cores = run.machine["cores"] or 1
    loads = [run.machine["load_average"], run.machine["load_average_at_end"]]
    if any(load and load[0] > cores for load in loads):
        run.notes.append(
            f"The machine was busy with other work during this run (load average above its {cores} "
            "cores), so wall-clock times are stretched, and p95 most of all; the CPU column is "
            "closer to what a quiet machine shows. Judge trends on a quiet machine.")


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Measure Thawing against its performance budgets on seeded synthetic data, in a "
                    "temporary data folder of its own (your data is never touched).")
    parser.add_argument("--quick", action="store_true",
                        help="one year of data and fewer repetitions (under two minutes; for CI)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--out", type=Path, default=None,
                        help=f"write the Markdown results here (default: {RESULTS.relative_to(ROOT)} "
                             "for a full run, nowhere for --quick)")
    parser.add_argument("--years", type=float, default=None, help="years of data (default 10; quick 1)")
    parser.add_argument("--no-jrnl", action="store_true", help="skip the side-by-side with jrnl")
    parser.add_argument("--jrnl", default=None, help="a jrnl executable to use instead of installing "
                        f"jrnl {JRNL_VERSION} into {JRNL_VENV}")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data folders")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    # Stopped from outside (a timeout, Ctrl-C): still remove the temporary folders.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    years = args.years if args.years is not None else (1 if args.quick else 10)
    run = Run(quick=args.quick, years=years, use_jrnl=not args.no_jrnl, jrnl_path=args.jrnl)
    try:
        run_all(run)
    finally:
        if args.keep:
            log(f"Kept: {', '.join(str(p) for p in run.cleanup)}")
        else:
            run.close()
    _write(run, args)
    if run.failed:
        log(f"{len(run.failed)} figure(s) could not be measured: "
            + "; ".join(f"{f.name}: {f.error}" for f in run.failed))
        return 1
    return 0


def _write(run: Run, args: argparse.Namespace) -> None:
    out = args.out if args.out is not None else (None if args.quick else RESULTS)
    if out is not None:
        out.write_text(report.markdown(run) + "\n", encoding="utf-8")
        log(f"Wrote {out}")
    if args.json:
        print(json.dumps(report.as_dict(run), indent=2, ensure_ascii=False))
    else:
        print(report.console(run))
        # Crisis words on the frozen split nobody tuned on (figures only; see bench/crisis.py).
        crisis.main([])
