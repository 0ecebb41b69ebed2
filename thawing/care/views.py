from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thawing import content
from thawing.accounts import help_country
from thawing.care import services
from thawing.care.forms import SECTION_TEXT, SafetyPlanForm
from thawing.core.errors import NotFound, ThawingError
from thawing.web import say, show_errors, show_support_next


@login_not_required
def get_help(request: HttpRequest) -> HttpResponse:
    """"Get help now": open to everyone, signed in or not, locked or not, and works offline.

    The country is the one chosen on this page, else the profile's, else (locked or signed
    out) the one kept outside the database or the browser's language (`help_country`).
    """
    chosen = request.GET.get("country", "").strip()
    signed_in = request.user.is_authenticated
    guessed = "" if chosen or signed_in else help_country.guess(request)
    plan = services.get_safety_plan(user=request.user) if signed_in else None
    found = services.help_for(user=request.user, country=chosen or guessed)
    response = render(request, "care/help.html", {
        "plan_sections": _filled_sections(plan),
        "help": found,
        # Not chosen by the person here: the page says so and offers the choice first.
        "automatic": not chosen and not signed_in,
        "fallback": content.helplines().fallback,
        "countries": content.helplines().countries,
    })
    if chosen or signed_in:
        # Server mode: this browser shows the same lines after signing out.
        help_country.set_cookie(response, found.country)
    return response


def _filled_sections(plan: object) -> list[tuple[str, str]]:
    """The plan's written sections as (heading, text), in order."""
    if plan is None:
        return []
    return [(str(SECTION_TEXT[name][0]), getattr(plan, name))
            for name in SECTION_TEXT if getattr(plan, name)]


def safety_plan(request: HttpRequest) -> HttpResponse:
    plan = services.get_safety_plan(user=request.user)
    initial = {name: getattr(plan, name) for name in SECTION_TEXT}
    form = SafetyPlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_safety_plan(user=request.user, **form.cleaned_data)
        except ThawingError as error:
            show_errors(form, error)
        else:
            messages.success(request, _("Your safety plan is saved. It is here whenever you need it."))
            return redirect("care:plan")
    return render(request, "care/plan.html", {
        "form": form, "plan_sections": _filled_sections(plan),
        "help": services.help_for(user=request.user),
    }, status=400 if form.errors else 200)


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


def getting_support(request: HttpRequest) -> HttpResponse:
    """Reasons from the person's own records to talk to a professional, said kindly (G1)."""
    return render(request, "care/support.html", {
        "signals": services.help_signals(user=request.user),
        "help": services.help_for(user=request.user),
        "past": services.past_of(user=request.user),
    })


@require_POST
def save_past(request: HttpRequest) -> HttpResponse:
    """The optional history question on Getting support (G1)."""
    try:
        services.save_past(user=request.user, past=request.POST.getlist("past"))
    except ThawingError as error:
        messages.error(request, say(error.message))
    else:
        messages.success(request, _("Saved. Only you can see it."))
    return redirect("care:support")


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
