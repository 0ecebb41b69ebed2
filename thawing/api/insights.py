"""Insights over the JSON API (H2, A6): the document `thawing insights --json` prints.

`GET /api/insights?since=YYYY-MM-DD` and `GET /api/insights/week`, both read-only. The shape is
built once in `thawing.insights.serialize` and described here for the OpenAPI schema; numbers that
could not be worked out are null beside a status code, never NaN.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from thawing.api.schemas import Day, Problem
from thawing.insights import serialize, services, weekly

router = Router(tags=["insights"])
ERRORS: dict[int, Any] = {400: Problem, 401: Problem}


class RangeOut(Schema):
    start: date
    end: date
    days: int


class SummaryOut(Schema):
    days_recorded: int
    checkins: int
    cant_tell_days: int
    emotion_words: int
    mood_mean: float | None
    feel_mean: float | None


class DayOut(Schema):
    day: date
    checkins: int
    cant_tell: int
    mood: float | None
    feel: float | None


class PointOut(Schema):
    day: date
    value: float | None


class RollingOut(Schema):
    window_days: int
    mood: list[PointOut]
    feel: list[PointOut]


class WeekCountOut(Schema):
    week: date
    words: int


class TrendOut(Schema):
    status: str
    direction: str | None
    earlier: float | None
    later: float | None


class VarietyOut(Schema):
    weeks: list[WeekCountOut]
    trend: TrendOut


class FlickerWeekOut(Schema):
    week: date
    count: int


class InsightsNightOut(Schema):
    day: date
    hours: float | None


class InsightsMovementOut(Schema):
    day: date
    minutes: int


class MetricOut(Schema):
    status: str
    value: float | None
    n: int
    pairs: int
    low_confidence: bool


class DifferentiationOut(Schema):
    status: str
    value: float | None
    icc_k: float | None
    icc_1: float | None
    occasions: int
    emotions: int
    low_confidence: bool


class AssociationOut(Schema):
    status: str
    difference: float | None
    low: float | None
    high: float | None
    p_value: float | None
    df: float | None
    n_with: int
    n_without: int
    mean_with: float | None
    mean_without: float | None


class FindingOut(AssociationOut):
    factor: str
    outcome: str
    lag_days: int
    q_value: float | None
    significant: bool


class SessionChangeOut(AssociationOut):
    kind: str


class InsightsOut(Schema):
    version: int
    status: str
    range: RangeOut
    summary: SummaryOut
    days: list[DayOut]
    rolling: RollingOut
    variety: VarietyOut
    flickers: list[FlickerWeekOut]
    sleep: list[InsightsNightOut]
    movement: list[InsightsMovementOut]
    metrics: dict[str, dict[str, MetricOut]]
    differentiation: dict[str, DifferentiationOut]
    findings: list[FindingOut]
    sessions: list[SessionChangeOut]


class ReviewWeekOut(Schema):
    start: date
    end: date
    checkin_days: int
    checkins: int
    words: list[str]
    flickers: list[str]
    sessions: int
    session_minutes: int
    activities: list[str]
    connections: int
    feel_mean: float | None


class InsightsPromptOut(Schema):
    id: str
    text: str


class ReviewOut(Schema):
    version: int
    this: ReviewWeekOut
    before: ReviewWeekOut
    new_words: list[str]
    prompt: InsightsPromptOut


@router.get("/insights", response={200: InsightsOut, **ERRORS})
def insights(request: HttpRequest, since: Day | None = None) -> Any:
    """Trends, range of feeling, dynamics and what seems to go with feeling, from `since` (a year).

    Ten years at most: an earlier `since` starts ten years back, and `range` says where it began."""
    return serialize.insights_dict(services.insights(user=request.user, since=since))


@router.get("/insights/week", response={200: ReviewOut, **ERRORS})
def week(request: HttpRequest) -> Any:
    """The last seven days beside the seven before, new feeling words and one reflection prompt."""
    return serialize.review_dict(weekly.review(user=request.user))
