"""Journal search, insights and the year's PDF report, timed as function calls in process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from bench.common import log
from bench.context import Run
from bench.figures import Figure
from bench.generate import SEARCH_WORDS
from bench.profiling import profile_call
from bench.timing import timed


def functions(run: Run) -> Iterator[Figure]:
    log("Functions (in process):")
    yield from _searches(run)
    yield from _insights(run)
    yield _report(run)


def _searches(run: Run) -> Iterator[Figure]:
    from thawing.journal.services import search_entries

    for word in SEARCH_WORDS:
        hits = len(search_entries(user=run.user, query=word))
        call = lambda word=word: search_entries(user=run.user, query=word)  # noqa: E731
        figure = Figure(f"journal search service (\"{word}\", {hits} hits shown)", "functions",
                        timed(call, run.runs), budget=100, profile=f"search-{word}",
                        note="search_entries shows at most 200")
        run.explain(figure, call, run.runs)
        yield figure


def _insights(run: Run) -> Iterator[Figure]:
    from thawing.insights.services import insights

    call = lambda: insights(user=run.user)  # noqa: E731
    runs = max(5, run.runs // 2)
    figure = Figure("insights computation (last 365 days)", "functions", timed(call, runs), budget=150,
                    profile="insights-fn")
    run.explain(figure, call, runs)
    yield figure
    since = run.today() - timedelta(days=round(365.25 * run.years))
    yield Figure("insights computation, all years", "functions",
                 timed(lambda: insights(user=run.user, since=since), max(3, run.runs // 5), 1),
                 note="informational")


def _report(run: Run) -> Figure:
    from thawing.care.report import build_report, render_pdf

    start = run.today() - timedelta(days=364)

    def report() -> bytes:
        return render_pdf(build_report(user=run.user, start=start, end=run.today()))

    size = len(report())
    figure = Figure("PDF report for a year (build_report + render_pdf)", "functions",
                    timed(report, 1 if run.quick else 5, warm_up=0), budget=3000, judge="median",
                    profile="report", note=f"{size / 1024:.0f} KB; fpdf2 imported before timing")
    if figure.ok is False:
        run.profiles["report"] = profile_call(report)
    return figure
