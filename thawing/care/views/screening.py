"""Screening questionnaires (check-ups): the list, one to take, and a result (G1, G5)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from thawing import content
from thawing.care import services
from thawing.core.errors import NotFound, ThawingError
from thawing.web import say, show_support_next


def screenings(request: HttpRequest) -> HttpResponse:
    """Every questionnaire, with the last result, its history and when a re-take is due.

    Opt-in ones (the PCL-5 trauma module) are listed apart, for the person to choose.
    """
    rows = []
    for instrument in content.instruments().values():
        history = services.screening_history(user=request.user, instrument_id=instrument.id)
        rows.append({"instrument": instrument, "history": history,
                     "chart": _chart(history[:12][::-1], instrument.highest),
                     "due": services.retake_due(user=request.user, instrument_id=instrument.id)})
    opt_in = [row for row in rows if row["instrument"].opt_in]
    return render(request, "care/screenings.html", {"sections": [
        {"opt_in": False, "rows": [row for row in rows if not row["instrument"].opt_in]},
        {"opt_in": True, "rows": opt_in, "taken": any(row["history"] for row in opt_in)},
    ]})


def screening(request: HttpRequest, instrument_id: str) -> HttpResponse:
    instrument = content.instruments().get(instrument_id)
    if instrument is None:
        raise Http404
    # One form field per question, in the order of the answers: gate, items (q1...), extras.
    names = [name for name, _ in instrument.questions()]
    answers = [request.POST.get(name, "") for name in names]
    error = ""
    if request.method == "POST":
        try:
            result, score = services.take_screening(user=request.user,
                                                    instrument_id=instrument.id, answers=answers)
        except ThawingError as problem:
            error = say(problem.message)
        else:
            if score.safety_flag:
                # The crisis note comes first on the next page, before the score.
                show_support_next(request, "answer")
            return redirect("care:screening_result", result_id=result.pk)
    given = dict(zip(names, answers, strict=True))
    return render(request, "care/screening.html", {
        "instrument": instrument, "error": error,
        "gate": (instrument.gate, given[instrument.gate.id]) if instrument.gate else None,
        "questions": [(i, text, given[f"q{i}"], instrument.options_for(i))
                      for i, text in enumerate(instrument.items, 1)],
        "extras": [(question, given[question.id]) for question in instrument.extras],
    }, status=400 if error else 200)


def screening_result(request: HttpRequest, result_id: int) -> HttpResponse:
    try:
        result = services.get_screening(user=request.user, result_id=result_id)
    except NotFound:
        raise Http404 from None
    instrument = content.instruments()[result.instrument]
    band = instrument.band_for(result.total)
    follow_up_id = instrument.follow_up_for(result.total)
    follow_up = content.instruments().get(follow_up_id) if follow_up_id else None
    reason = services.is_reason(user=request.user, result=result)
    return render(request, "care/screening_result.html", {
        "result": result, "instrument": instrument, "band": band, "follow_up": follow_up,
        "reason": reason,
        "due": services.retake_due(user=request.user, instrument_id=instrument.id),
    })


CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 300, 100, 10


def _chart(results: list[object], highest: int) -> dict[str, object] | None:
    """Points for a small line chart of totals, oldest first, in SVG coordinates."""
    if len(results) < 2:
        return None
    step = (CHART_WIDTH - 2 * CHART_PAD) / (len(results) - 1)
    points = [(round(CHART_PAD + i * step, 1),
               round(CHART_HEIGHT - CHART_PAD - r.total / highest * (CHART_HEIGHT - 2 * CHART_PAD), 1),
               r) for i, r in enumerate(results)]  # type: ignore[attr-defined]
    return {"points": points, "path": " ".join(f"{x},{y}" for x, y, _ in points),
            "width": CHART_WIDTH, "height": CHART_HEIGHT}
