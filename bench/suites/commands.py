"""Commands end to end, from process start to exit: the floors beneath them, then a check-in.

The floors (a bare interpreter, the CLI framework alone, Django's set-up alone) say how much of
a command's time is ours to win back.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from bench.common import log
from bench.context import Run
from bench.figures import Figure
from bench.timing import process_times

THAWING = [sys.executable, "-m", "thawing"]
ENTRY_TEXT = ("Walked to the river after work and sat on the bench for a while. The water was grey "
              "and quiet. I noticed my shoulders were tight and let them drop a little. Nothing big, "
              "but it felt like something.")
CHECKIN = [*THAWING, "checkin", "--mood", "5", "--feel", "4", "--emotion", "tired:2", "--body", "chest:tight",
           "--note", "from the benchmark"]
JOURNAL_ADD = [*THAWING, "journal", ENTRY_TEXT]
SEARCH_WORD = "guitar"
JOURNAL_SEARCH = [*THAWING, "journal", "search", SEARCH_WORD]
FLOORS = [
    ("bare Python interpreter", [sys.executable, "-c", "pass"]),
    ("thawing --version (CLI framework only)", [*THAWING, "--version"]),
    ("Django set-up alone (thawing settings)", [sys.executable, "-c", "import django; django.setup()"]),
]


def cli(run: Run) -> Iterator[Figure]:
    log("Commands, end to end (process start to exit):")
    for name, argv in FLOORS:
        samples, error = process_times(argv, run.cli_runs, run.env)
        yield Figure(name, "commands", samples, judge="median", note="floor", error=error)
    samples, error = process_times(CHECKIN, run.cli_runs, run.env)
    figure = Figure("thawing checkin (CLI check-in)", "commands", samples, budget=600, judge="median",
                    error=error, profile="cli-checkin",
                    note="the quick way: no Django (thawing/cli/quick.py)")
    yield figure
    if figure.ok is False:
        run.profile_command("cli-checkin", CHECKIN[1:])
    usual = {**run.env, "THAWING_QUICK": "0"}
    samples, error = process_times(CHECKIN, run.cli_runs, usual)
    yield Figure("thawing checkin the usual way (THAWING_QUICK=0)", "commands", samples, judge="median",
                 error=error, note="through Django and services.py, as every other command; informational")
