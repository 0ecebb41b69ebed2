"""Guided practices, the checklist and pace: thin views over `practices.services`."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thawing.accounts.days import local_today
from thawing.core.errors import InvalidInput, NotFound, ThawingError
from thawing.core.mood import FEEL_MAX, FEEL_MIN
from thawing.core.values import minutes_as_seconds
from thawing.practices import services
from thawing.web import errors_of, offer_support, say

KIND_ORDER = ("grounding", "body", "breathing", "meditation", "movement", "rhythm", "honouring",
              "release")


def index(request: HttpRequest) -> HttpResponse:
    offers = services.list_exercises(user=request.user)
    groups = [(kind, [o for o in offers if o.exercise.kind == kind]) for kind in KIND_ORDER]
    return render(request, "practices/index.html", {
        "groups": [(kind, items) for kind, items in groups if items],
        "pace": services.pace_of(request.user),
        "recent": services.list_sessions(user=request.user, limit=10),
        "short": services.short_and_gentle(user=request.user),
    })


def _player_exercise(request: HttpRequest, exercise_id: str, errors: dict[str, str]):
    base = services.get_exercise(exercise_id=exercise_id)
    minutes = request.GET.get("minutes", "").strip()
    exercise = base
    if minutes:
        try:
            exercise = base.with_minutes(minutes)
        except InvalidInput as error:
            errors.update(errors_of(error))
    pacer = exercise.pacer
    rate = request.GET.get("rate", "").strip()
    if pacer is not None and rate:
        try:
            pacer = pacer.with_rate(rate)
        except InvalidInput as error:
            errors.update(errors_of(error))
    return exercise, pacer


def player(request: HttpRequest, exercise_id: str) -> HttpResponse:
    """One exercise, a step at a time with JavaScript, or as a plain list of steps without."""
    errors: dict[str, str] = {}
    values = request.POST if request.method == "POST" else {}
    try:
        exercise, pacer = _player_exercise(request, exercise_id, errors)
    except NotFound:
        raise Http404 from None
    if request.method == "POST":
        seconds = values.get("seconds", "").strip()
        minutes_error = ""
        if not seconds and values.get("minutes_spent", "").strip():
            try:
                seconds = str(minutes_as_seconds(values["minutes_spent"], field="minutes_spent",
                                                 most_seconds=services.SESSION_MAX_SECONDS,
                                                 label=_("The minutes you spent")))
            except InvalidInput as error:
                minutes_error = say(error.fields["minutes_spent"])
        try:
            services.record_session(
                user=request.user, exercise_id=exercise.id, seconds=seconds,
                planned_seconds=values.get("planned_seconds") or exercise.total_seconds,
                completed=values.get("completed", "1") == "1", feel_before=values.get("feel_before"),
                feel_after=values.get("feel_after"), note=values.get("note"),
            )
        except ThawingError as error:
            errors = errors_of(error)
            if "seconds" in errors:
                errors["minutes_spent"] = minutes_error or errors["seconds"]
        else:
            offer_support(request, values.get("note"))
            messages.success(request, _("Saved. Whatever you noticed, or didn’t, is fine."))
            return redirect("checkins:today")
    held_back = exercise.intensity not in services.PACE_ALLOWS[services.pace_of(request.user)]
    return render(request, "practices/player.html", {
        "exercise": exercise, "pacer": pacer, "errors": errors, "values": values,
        "feel_range": range(FEEL_MIN, FEEL_MAX + 1), "held_back": held_back,
        "minutes_range": exercise.minutes_range() if exercise.is_timed else None,
        "planned_minutes": round(exercise.total_seconds / 60) if exercise.is_timed else "",
    }, status=400 if errors and request.method == "POST" else 200)


def checklist(request: HttpRequest) -> HttpResponse:
    items = services.checklist(user=request.user)
    return render(request, "practices/checklist.html", {
        "items": items, "done": sum(1 for i in items if i.done), "today": local_today(request.user),
    })


@require_POST
def tick(request: HttpRequest, item: str) -> HttpResponse:
    try:
        services.tick(user=request.user, item=item, done=request.POST.get("done", "1") == "1")
    except InvalidInput:
        raise Http404 from None
    return redirect(request.POST.get("next") == "today" and "checkins:today" or "practices:checklist")


def pace(request: HttpRequest) -> HttpResponse:
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            services.set_pace(user=request.user, pace=request.POST.get("pace", ""))
        except ThawingError as error:
            errors = errors_of(error)
        else:
            messages.success(request, _("Pace saved. You can change it whenever you like."))
            return redirect("practices:pace")
    return render(request, "practices/pace.html", {
        "pace": services.pace_of(request.user), "paces": services.PACES, "errors": errors,
    }, status=400 if errors else 200)
