"""Insights as plain JSON values (H2), shared by `GET /api/insights*` and `thawing insights --json`.

Document version 1. Numbers, status codes and ISO dates only, never a sentence, so the same
document serves any language and any screen. A number that could not be worked out is `null`
beside its status code ("ok", "not_enough_data", "too_few_emotions", "no_variation",
"undefined"); NaN and Infinity never appear, so strict JSON readers accept every document.
Fields are only ever added; a reader can check `version`.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from thawing.core import insights as core
from thawing.insights.services import Insights
from thawing.insights.weekly import Review, Week

VERSION = 1
WIDENING, NARROWING, STEADY = "widening", "narrowing", "steady"


def _number(value: float | None, places: int | None = None) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), places) if places is not None else float(value)


def _mean(values: list[float | None]) -> float | None:
    rated = [v for v in values if v is not None]
    return round(sum(rated) / len(rated), 2) if rated else None


def _metric(metric: core.Metric) -> dict[str, Any]:
    return {"status": metric.status, "value": _number(metric.value), "n": metric.n,
            "pairs": metric.pairs, "low_confidence": metric.low_confidence}


def _differentiation(found: core.Differentiation) -> dict[str, Any]:
    return {"status": found.status, "value": _number(found.value), "icc_k": _number(found.icc_k),
            "icc_1": _number(found.icc_1), "occasions": found.occasions, "emotions": found.emotions,
            "low_confidence": found.low_confidence}


def association_dict(a: core.Association) -> dict[str, Any]:
    return {"status": a.status, "difference": _number(a.difference), "low": _number(a.low),
            "high": _number(a.high), "p_value": _number(a.p_value), "df": _number(a.df),
            "n_with": a.n_with, "n_without": a.n_without, "mean_with": _number(a.mean_with),
            "mean_without": _number(a.mean_without)}


def _finding(finding: core.Finding) -> dict[str, Any]:
    return {"factor": finding.factor, "outcome": finding.outcome, "lag_days": finding.lag,
            **association_dict(finding.association), "q_value": _number(finding.q_value),
            "significant": finding.significant}


def _line(points: list[tuple[date, float | None]]) -> list[dict[str, Any]]:
    return [{"day": day.isoformat(), "value": _number(value, 3)} for day, value in points]


def variety_trend(found: Insights) -> dict[str, Any]:
    """Whether the weekly count of distinct emotion words rose from the first half to the second."""
    earlier, later = found.variety_trend()
    if earlier is None or later is None:
        return {"status": core.NOT_ENOUGH_DATA, "direction": None, "earlier": None, "later": None}
    direction = WIDENING if later > earlier else NARROWING if later < earlier else STEADY
    return {"status": core.OK, "direction": direction, "earlier": earlier, "later": later}


def summary_dict(found: Insights) -> dict[str, Any]:
    """Days recorded, check-ins, "can't tell" days, words named, and the mean of the day means."""
    days = found.days
    return {"days_recorded": len(days), "checkins": found.checkins, "cant_tell_days": found.cant_tell_days,
            "emotion_words": found.words_total, "mood_mean": _mean([d.mood for d in days]),
            "feel_mean": _mean([d.feel for d in days])}


def insights_dict(found: Insights) -> dict[str, Any]:
    """Every figure of the insights page for one range, as JSON-ready values (H2, A6)."""
    days = found.days
    return {
        "version": VERSION,
        "status": core.NOT_ENOUGH_DATA if found.empty else core.OK,
        "range": {"start": found.range.start.isoformat(), "end": found.range.end.isoformat(),
                  "days": found.range.days},
        "summary": summary_dict(found),
        "days": [{"day": d.day.isoformat(), "checkins": d.checkins, "cant_tell": d.cant_tell,
                  "mood": _number(d.mood), "feel": _number(d.feel)} for d in days],
        "rolling": {"window_days": core.ROLLING_WINDOW, "mood": _line(found.mood_rolling),
                    "feel": _line(found.feel_rolling)},
        "variety": {"weeks": [{"week": w.isoformat(), "words": n} for w, n in found.variety],
                    "trend": variety_trend(found)},
        "flickers": [{"week": w.isoformat(), "count": n} for w, n in found.flickers],
        "sleep": [{"day": d.isoformat(), "hours": _number(h)} for d, h in sorted(found.nights.items())],
        "movement": [{"day": d.isoformat(), "minutes": m} for d, m in sorted(found.movement.items())],
        "metrics": {outcome: {name: _metric(m) for name, m in metrics.items()}
                    for outcome, metrics in found.metrics.items()},
        "differentiation": {side: _differentiation(d) for side, d in found.differentiation.items()},
        "findings": [_finding(f) for f in found.findings],
        "sessions": [{"kind": s.kind, **association_dict(s.association)} for s in found.sessions],
    }


def _week(week: Week) -> dict[str, Any]:
    return {"start": week.start.isoformat(), "end": week.end.isoformat(), "checkin_days": week.checkin_days,
            "checkins": week.checkins, "words": sorted(week.words), "flickers": list(week.flickers),
            "sessions": week.sessions, "session_minutes": week.session_minutes,
            "activities": list(week.activities), "connections": week.connections,
            "feel_mean": _number(week.feel_mean)}


def review_dict(review: Review) -> dict[str, Any]:
    """The weekly review: the last seven days, the seven before, new words and one prompt (H2)."""
    return {"version": VERSION, "this": _week(review.this), "before": _week(review.before),
            "new_words": list(review.new_words),
            "prompt": {"id": review.prompt.id, "text": review.prompt.text}}
