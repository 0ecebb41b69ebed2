"""Habits over the JSON API: a day's sleep, meals and movement, the week around it, and numbing
behaviours noted without judgement. Thin: parse, call one service, shape the answer.

Mounted on the API of `routes.py`, like every router here, so it shares its sign-in, CSRF check
and error answers. The operation ids are the ones these routes had when they lived in
`api/practices.py`: clients generated from the schema keep working.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router
from ninja.responses import Status

from thawing.api.habit_schemas import HabitsIn, HabitsOut, HabitsWeekOut, NumbingIn, NumbingOut
from thawing.api.pages import PAGED, PageIn, one_page, page_of
from thawing.api.schemas import Day, Problem
from thawing.api.support import with_support
from thawing.habits import services as habits

router = Router()
ERRORS: dict[int, Any] = {400: Problem, 401: Problem, 404: Problem}


def _habits_dict(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    return {"day": row.day, "sleep_hours": None if row.sleep_hours is None else float(row.sleep_hours),
            "sleep_quality": row.sleep_quality, "meals": row.meals,
            "movement_minutes": row.movement_minutes}


def _numbing_dict(numbing: Any) -> dict[str, Any]:
    return {"id": numbing.pk, "day": numbing.day, "kind": numbing.kind, "amount": numbing.amount,
            "to_cope": numbing.to_cope, "note": numbing.note}


@router.get("/habits", response={200: list[HabitsOut], **ERRORS}, tags=["habits"],
            openapi_extra=PAGED, operation_id="thawing_api_practices_list_habits")
def list_habits(request: HttpRequest, response: HttpResponse, asked: Query[PageIn],
                since: Day | None = None) -> Any:
    page = page_of(asked)
    rows = habits.list_habits(user=request.user, since=since, limit=page.fetch, offset=page.offset)
    return [_habits_dict(r) for r in one_page(request, response, rows, page)]


# Declared before /habits/{day}, whose address would otherwise catch "week".
@router.get("/habits/week", response={200: HabitsWeekOut, **ERRORS}, tags=["habits"],
            operation_id="thawing_api_practices_habits_week")
def habits_week(request: HttpRequest, day: Day | None = None) -> Any:
    """The Monday-to-Sunday movement week holding `day`, the last 7 nights and sleep notes."""
    week = habits.habits_week(user=request.user, day=day)
    movement = week.movement
    return {
        "day": week.day, "today": _habits_dict(week.today),
        "movement": {"start": movement.start, "minutes_by_day": list(movement.minutes_by_day),
                     "total": movement.total, "active_days": movement.active_days,
                     "reached": movement.reached},
        "nights": [{"day": d, "hours": hours} for d, hours in week.nights],
        "sleep_notes": [asdict(n) for n in week.sleep_notes],
        "numbing": [_numbing_dict(n) for n in week.numbing],
    }


@router.put("/habits/{day}", response={200: HabitsOut, **ERRORS}, tags=["habits"],
            operation_id="thawing_api_practices_record_habits")
def record_habits(request: HttpRequest, day: str, payload: HabitsIn) -> Any:
    """Save one day's habits; a field left out or null means "not noted", never zero."""
    row = habits.record_habits(user=request.user, day=day, sleep_hours=payload.sleep_hours,
                               sleep_quality=payload.sleep_quality, meals=payload.meals,
                               movement_minutes=payload.movement_minutes)
    return _habits_dict(row)


@router.get("/numbing", response={200: list[NumbingOut], **ERRORS}, tags=["habits"],
            openapi_extra=PAGED, operation_id="thawing_api_practices_list_numbing")
def list_numbing(request: HttpRequest, response: HttpResponse, asked: Query[PageIn],
                 since: Day | None = None) -> Any:
    page = page_of(asked)
    found = habits.list_numbing(user=request.user, since=since, limit=page.fetch, offset=page.offset)
    return [_numbing_dict(n) for n in one_page(request, response, found, page)]


@router.post("/numbing", response={201: NumbingOut, **ERRORS}, tags=["habits"],
             operation_id="thawing_api_practices_log_numbing")
def log_numbing(request: HttpRequest, payload: NumbingIn) -> Any:
    numbing = habits.log_numbing(user=request.user, kind=payload.kind, day=payload.day,
                                 amount=payload.amount, to_cope=payload.to_cope, note=payload.note)
    return Status(201, with_support(_numbing_dict(numbing), request, payload.note))


@router.delete("/numbing/{numbing_id}", response={204: None, **ERRORS}, tags=["habits"],
               operation_id="thawing_api_practices_delete_numbing")
def delete_numbing(request: HttpRequest, numbing_id: int) -> Any:
    habits.delete_numbing(user=request.user, numbing_id=numbing_id)
    return Status(204, None)
