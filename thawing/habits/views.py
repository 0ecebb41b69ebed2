"""Healthy habits (F1-F5): sleep, meals, movement, stressors, self-care, numbing behaviours."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thawing import content
from thawing.accounts.days import local_today
from thawing.core.errors import NotFound, ThawingError
from thawing.core.habits import WEEKLY_MOVEMENT_MINUTES
from thawing.core.mood import parse_day
from thawing.habits import services as habits
from thawing.practices import services as practices
from thawing.web import errors_of, offer_support


def _day(request: HttpRequest):
    try:
        day = parse_day(request.GET.get("day"), field="day")
    except ThawingError:
        day = None
    today = local_today(request.user)
    return day if day is not None and day <= today else today


def _row_values(row) -> dict[str, str]:
    if row is None:
        return {}
    return {"sleep_hours": "" if row.sleep_hours is None else f"{row.sleep_hours.normalize():f}",
            "sleep_quality": "" if row.sleep_quality is None else str(row.sleep_quality),
            "meals": "" if row.meals is None else str(row.meals),
            "movement_minutes": "" if row.movement_minutes is None else str(row.movement_minutes)}


def page(request: HttpRequest) -> HttpResponse:
    user = request.user
    day = _day(request)
    errors: dict[str, str] = {}
    form = request.POST.get("form", "")
    values = request.POST if request.method == "POST" else {}
    if request.method == "POST" and form == "habits":
        try:
            habits.record_habits(user=user, day=values.get("day"), sleep_hours=values.get("sleep_hours"),
                                 sleep_quality=values.get("sleep_quality"), meals=values.get("meals"),
                                 movement_minutes=values.get("movement_minutes"))
        except ThawingError as error:
            errors = errors_of(error)
        else:
            messages.success(request, _("Saved. Thank you for looking after yourself."))
            return redirect("habits:index")
    elif request.method == "POST" and form == "numbing":
        try:
            habits.log_numbing(user=user, kind=values.get("kind"), day=values.get("day"),
                               amount=values.get("amount"), to_cope=bool(values.get("to_cope")),
                               note=values.get("note"))
        except ThawingError as error:
            errors = {f"numbing_{k}": v for k, v in errors_of(error).items()}
        else:
            offer_support(request, values.get("note"))
            messages.success(request, _("Noted, without judgement. Noticing is the first step."))
            return redirect("habits:index")
    elif request.method == "POST":
        raise Http404
    week = habits.habits_week(user=user, day=day)
    ideas = content.ideas()
    return render(request, "habits/index.html", {
        "week": week, "day": day, "errors": errors, "form_name": form,
        "values": values if form == "habits" else _row_values(week.today),
        "numbing_values": values if form == "numbing" else {},
        "numbing_kinds": ideas.section("numbing"), "amounts": habits.AMOUNTS[1:],
        "self_care": ideas.section("self_care"), "stress_relief": ideas.section("stress_relief"),
        "stressors": practices.list_items(user=user, kind="stressor"),
        "weekly_goal": WEEKLY_MOVEMENT_MINUTES, "quality_range": range(1, 6),
        "numbing_names": {i.id: i.text for i in ideas.section("numbing")},
    }, status=400 if errors else 200)


@require_POST
def numbing_delete(request: HttpRequest, numbing_id: int) -> HttpResponse:
    try:
        habits.delete_numbing(user=request.user, numbing_id=numbing_id)
    except NotFound:
        raise Http404 from None
    messages.success(request, _("Removed."))
    return redirect("habits:index")
