"""The suite's report: what `python -m bench` prints and writes, from figures made by hand.

No timing is asserted: the figures here are fixed numbers, so the layout is what is checked.
"""

from __future__ import annotations

import pytest

from bench import report
from bench.context import Run
from bench.figures import Figure, Samples, failure
from bench.load.report import BLOCK_BEGIN, BLOCK_END

MACHINE = {"cpu": "a test CPU", "cores": 2, "ram_gib": 4.0, "os": "Linux", "python": "3.11", "sqlite": "3.40",
           "django": "5.2", "load_average": [0.5, 0.5, 0.5], "load_average_at_end": [0.6, 0.5, 0.5]}


def series(*wall: float) -> Samples:
    samples = Samples()
    for value in wall:
        samples.add(value, value / 2)
    return samples


def a_run(*figures: Figure, quick: bool = True) -> Run:
    run = Run(quick=quick, years=1, machine=dict(MACHINE))
    run.data.update(written={"check-ins": 1069}, total_seconds=30.0, generate_seconds=0.4, database_mb=1.0)
    run.figures.extend(figures)
    return run


def test_p95_is_the_nearest_rank_and_the_budget_judges_it():
    figure = Figure("Today", "pages", series(*range(1, 21)), budget=19.5)
    assert (figure.median, figure.p95, figure.cpu) == (10.5, 19, 5.25)
    assert figure.ok is True
    assert Figure("Today", "pages", series(*range(1, 21)), budget=19).ok is False


def test_the_console_table_has_one_row_per_figure_and_the_columns_of_the_quick_run():
    run = a_run(Figure("Today", "pages", series(20, 22, 30), budget=50),
                Figure("CLI check-in ÷ jrnl add", "jrnl", [1.02], unit="×", budget=1.0, judge="median"),
                Figure("full export (thawing export)", "data", error="not yet built"))
    lines = report.console(run).splitlines()
    assert lines[0].startswith("Thawing benchmark, quick: a test CPU, 2 cores, 4.0 GiB")
    assert lines[1] == "data: {'check-ins': 1069}"
    assert lines[3].split() == ["figure", "n", "median", "p95", "CPU", "budget", "verdict", "note"]
    assert lines[4].split()[1:] == ["3", "22.0", "ms", "30.0", "ms", "11.0", "ms", "<", "50.0", "ms", "(p95)",
                                    "ok"]
    assert "1.02×" in lines[5] and "MISSED" in lines[5] and "< 1× (median)" in lines[5]
    assert lines[6].endswith("not yet built")
    assert lines[-1] == "total 30.0 s"


def test_a_missed_budget_is_profiled_once_however_many_figures_share_the_command(monkeypatch, tmp_path):
    monkeypatch.setattr(report, "RESULTS", tmp_path / "RESULTS.md")
    run = a_run(Figure("CLI check-in ÷ jrnl add, 364 entries", "jrnl", [1.2], unit="×", budget=1.0,
                       judge="median", profile="cli-checkin"),
                Figure("CLI check-in ÷ jrnl add, 1,000 entries", "jrnl", [1.1], unit="×", budget=1.0,
                       judge="median", profile="cli-checkin"), quick=False)
    run.profiles["cli-checkin"] = "whole call: 210.0 ms"
    text = report.markdown(run)
    assert text.count("whole call: 210.0 ms") == 1
    assert 'Profile: the same command as "CLI check-in ÷ jrnl add, 364 entries" above.' in text
    assert report.console(run).count("whole call: 210.0 ms") == 1


def test_rewriting_results_md_keeps_the_load_tests_section(monkeypatch, tmp_path):
    block = f"{BLOCK_BEGIN}\n## Load and crash tests\n\n| a row |\n\n{BLOCK_END}"
    results = tmp_path / "RESULTS.md"
    results.write_text(f"# Old figures\n\n{block}\n", encoding="utf-8")
    monkeypatch.setattr(report, "RESULTS", results)
    text = report.markdown(a_run(Figure("Today", "pages", series(20, 22), budget=50)))
    assert "| **Pages and check-in submission, server time** | | | | | | | |" in text
    assert "| Today | 2 | 21.0 ms | 22.0 ms | 10.5 ms | < 50.0 ms (p95) | ok |  |" in text
    assert text.index("## Figures") < text.index(block) < text.index("## Budgets missed")


@pytest.mark.parametrize("error, failed", [("failed: OSError: gone", True), ("not yet built", False),
                                           ("skipped: no /proc on this system", False)])
def test_only_what_broke_fails_the_run(error, failed):
    run = a_run(Figure("a figure", "data", error=error))
    assert (run.failed != []) is failed
    assert report.as_dict(run)["failed"] == (["a figure"] if failed else [])


def test_a_section_that_broke_is_one_error_figure_with_the_reason():
    figure = failure("versus jrnl (the whole section)", "errors", RuntimeError("no jrnl"))
    assert figure.error == "failed: RuntimeError: no jrnl"
    assert figure.failed
