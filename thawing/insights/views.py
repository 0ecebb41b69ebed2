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

LONG_RANGE_DAYS = 90
CELL = 14


def _day_label(day) -> str:
    return f"{day.day} {day:%b %Y}"


def _number(value: float | None, missing: str) -> str:
    return missing if value is None else f"{value:.1f}"


def _cell_class(cell) -> str:
    if cell.level is not None:
        return f"cell l{cell.level}"
    return "cell cant" if cell.cant_tell else "cell"


def _cell_title(cell) -> str:
    if cell.value is not None:
        return f"{_day_label(cell.day)}: {cell.value:.1f}"
    return f"{_day_label(cell.day)}: {_('can’t tell')}" if cell.cant_tell else _day_label(cell.day)


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
            start=span.start, end=span.end, low=0, high=10, dots=span.days <= LONG_RANGE_DAYS)
        cant = {d.day for d in found.days if d.checkins and d.mood is None and d.feel is None}
        cells = calendar_heatmap({d.day: d.feel for d in found.days}, end=span.end,
                                 weeks=min(53, span.days // 7 + 1), cant_tell=cant)
        # Coordinates and labels are made here: hundreds of template filters would be slow.
        context["heatmap"] = [(c.x * CELL, c.y * CELL, _cell_class(c), _cell_title(c)) for c in cells]
        context["heatmap_width"] = (max((c.x for c in cells), default=0) + 1) * CELL
        context["day_rows"] = [(_day_label(d.day), d.checkins, _number(d.feel, "\u2013"),
                                _number(d.mood, _("can\u2019t tell"))) for d in found.days]
        peak = max((n for _, n in found.variety), default=0) or 1
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
