"""Server time of pages and of a check-in submission, through Django's test client.

The whole middleware stack runs, what a WSGI server adds does not. A bare view behind the
same stack is measured first: the framework's floor, which every page is a ratio of.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any, NamedTuple

from bench.common import log
from bench.context import Run
from bench.figures import Figure
from bench.timing import timed

FLOOR_URLS = "bench_floor_urls"
CHECKIN = {"mood": "6", "feel": "4", "emotion": ["tired", "calm"], "intensity": ["2", "3"],
           "body": ["chest:tight", "shoulders:tense"], "flicker": "", "note": "from the benchmark"}


class Page(NamedTuple):
    name: str
    key: str
    call: Callable[[], Any]
    status: int
    budget: float | None
    note: str


def pages(run: Run) -> Iterator[Figure]:
    from django.test.utils import override_settings

    _floor_urls()
    client = _client(run.user)
    log("Pages, server time (Django test client, full middleware stack):")
    with override_settings(ROOT_URLCONF=FLOOR_URLS):
        floor_median = None
        for page in _pages(run, client):
            figure = _measure(run, page)
            if page.key == "floor":
                floor_median = figure.median
            elif floor_median and not figure.error:
                figure.note = f"{figure.median / floor_median:.0f}× the floor" + (
                    f"; {page.note}" if page.note else "")
            if not figure.error:
                run.explain(figure, page.call, _runs(run, page.key))
            yield figure


def _floor_urls() -> None:
    """Thawing's URLs plus a view that returns a constant: the framework floor."""
    from django.http import HttpResponse
    from django.urls import path

    import thawing.urls

    def floor(request: Any) -> HttpResponse:
        return HttpResponse("ok")

    urls = types.ModuleType(FLOOR_URLS)
    urls.urlpatterns = [path("bench-floor/", floor), *thawing.urls.urlpatterns]  # type: ignore[attr-defined]
    sys.modules[FLOOR_URLS] = urls


def _client(user: Any) -> Any:
    from django.test import Client

    # A view that fails answers 500 here, reported as an error, instead of ending the run.
    client = Client(HTTP_HOST="127.0.0.1", raise_request_exception=False)
    client.force_login(user)
    return client


def _pages(run: Run, client: Any) -> list[Page]:
    start_day = (run.today() - timedelta(days=round(365.25 * run.years))).isoformat()
    return [
        Page("bare view (framework floor)", "floor", lambda: client.get("/bench-floor/"), 200, None,
             "a view that returns a constant, behind the same middleware"),
        Page("Today", "today", lambda: client.get("/"), 200, 50, ""),
        Page("check-in form", "form", lambda: client.get("/checkins/new/"), 200, 50, ""),
        Page("journal list", "journal", lambda: client.get("/journal/"), 200, 50, ""),
        Page("journal search page (\"guitar\")", "search-page",
             lambda: client.post("/journal/", {"q": "guitar"}), 200, 100, "the search budget"),
        Page("insights page (default: last 365 days)", "insights", lambda: client.get("/insights/"), 200,
             150, ""),
        *([] if run.quick else [Page("insights page, all years", "insights-all",
                                     lambda: client.get(f"/insights/?since={start_day}"), 200, None,
                                     "informational")]),
        Page("check-in submission (POST, redirect to Today)", "post",
             lambda: client.post("/checkins/new/", CHECKIN), 302, 50, ""),
    ]


def _runs(run: Run, key: str) -> int:
    """Fewer runs of the slow insights pages, never fewer than three."""
    runs = run.runs // 4 if key == "insights-all" else (run.runs // 2 if key == "insights" else run.runs)
    return max(3, runs)


def _measure(run: Run, page: Page) -> Figure:
    response = page.call()
    if response.status_code != page.status:
        return Figure(page.name, "pages", error=f"answered {response.status_code}, expected {page.status}")
    # A search answers "N entries with “guitar”" and the hits, each an entry card.
    text = response.content.decode()
    if page.key == "search-page" and not ("\u201cguitar\u201d" in text and "entry-card" in text):
        return Figure(page.name, "pages", error="the search found nothing to show")
    samples = timed(page.call, _runs(run, page.key), warm_up=3)
    return Figure(page.name, "pages", samples, budget=page.budget, note=page.note, profile=page.key)
