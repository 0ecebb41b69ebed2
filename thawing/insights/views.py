"""Insights pages (H2): the figures from `insights.services`, drawn as accessible SVG."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from thawing.core.charts import Series, calendar_heatmap, line_chart
from thawing.core.errors import ThawingError
from thawing.core.mood import parse_day
from thawing.insights import services, weekly


def index(request: HttpRequest) -> HttpResponse:
    try:
        since = parse_day(request.GET.get("since"), field="since")
    except ThawingError:
        since = None
    found = services.insights(user=request.user, since=since)
    context: dict[str, object] = {"insights": found, "since": since}
    if not found.empty:
        span = found.range
        context["trend"] = line_chart(
            [Series(_("How much I could feel (7-day average)"), tuple(found.feel_rolling), "feel"),
             Series(_("Mood (7-day average)"), tuple(found.mood_rolling), "mood")],
            start=span.start, end=span.end, low=0, high=10)
        cant = {d.day for d in found.days if d.checkins and d.mood is None and d.feel is None}
        context["heatmap"] = calendar_heatmap({d.day: d.feel for d in found.days}, end=span.end,
                                              weeks=min(53, span.days // 7 + 1), cant_tell=cant)
        peak = max([n for _, n in found.variety] or [1])
        context["variety_bars"] = [(week, n, round(n / peak * 100)) for week, n in found.variety[-26:]]
        context["variety_trend"] = found.variety_trend()
        context["significant"] = [f for f in found.findings if f.significant]
        context["tested"] = [f for f in found.findings if f.association.status == "ok"]
        context["habit_days"] = [(d, found.nights.get(d), found.movement.get(d))
                                 for d in (span.end - timedelta(days=i) for i in range(13, -1, -1))]
    return render(request, "insights/index.html", context)


def week(request: HttpRequest) -> HttpResponse:
    review = weekly.review(user=request.user)
    return render(request, "insights/week.html", {"review": review})
