"""Practices over the JSON API: exercises and sessions, the person's lists and activities,
connections, the checklist, reminders and the suggestion lists (habits are in `habits.py`,
thought records in `journal.py`). Thin: parse, call one service, shape the answer.

Mounted on the API of `routes.py`, so it shares its session sign-in, CSRF check and error
answers: InvalidInput is a 400 `{message, fields}`, NotFound (also another person's id) a 404.
Saved free text is read for crisis words and `support` filled in, as check-ins do.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Query, Router
from ninja.responses import Status

from thawing import content
from thawing.api.pages import PAGED, PageIn, one_page, page_of
from thawing.api.practice_schemas import (
    ActivityIn,
    ActivityOut,
    ChecklistItemOut,
    ConnectionIn,
    ConnectionOut,
    CrossIn,
    DraftIn,
    DraftOut,
    ExerciseDetailOut,
    ExerciseOut,
    IdeaOut,
    ItemIn,
    ItemOut,
    MoveIn,
    PaceIO,
    PaceOut,
    RateIn,
    RhythmIO,
    SessionIn,
    SessionOut,
    TickIn,
)
from thawing.api.schemas import Day, Problem
from thawing.api.support import with_support
from thawing.core import checklist as core_checklist
from thawing.core.errors import InvalidInput, NotFound
from thawing.core.i18n import msg
from thawing.practices import reminders
from thawing.practices import services as practices

router = Router()
ERRORS: dict[int, Any] = {400: Problem, 401: Problem, 404: Problem}
ICS_TYPE = "text/calendar; charset=utf-8"


# Exercises and sessions (A5, B4, B5, C1-C6) ----------------------------------------------

def _exercise_dict(exercise: Any, ready: bool) -> dict[str, Any]:
    return {"id": exercise.id, "name": exercise.name, "summary": exercise.summary,
            "kind": exercise.kind, "intensity": exercise.intensity, "minutes": exercise.minutes,
            "practices": list(exercise.practices), "ready_at_my_pace": ready}


def _pacer_dict(pacer: Any) -> dict[str, Any] | None:
    if pacer is None:
        return None
    return {"rate": pacer.rate, "inhale_share": pacer.inhale_share,
            "breath_seconds": round(pacer.breath_seconds(), 2),
            "inhale_seconds": round(pacer.inhale_seconds(), 2),
            "exhale_seconds": round(pacer.exhale_seconds(), 2)}


@router.get("/exercises", response={200: list[ExerciseOut], **ERRORS}, tags=["practices"])
def list_exercises(request: HttpRequest) -> Any:
    return [_exercise_dict(o.exercise, o.ready) for o in practices.list_exercises(user=request.user)]


@router.get("/exercises/{exercise_id}", response={200: ExerciseDetailOut, **ERRORS},
            tags=["practices"])
def get_exercise(request: HttpRequest, exercise_id: str, minutes: str | None = None,
                 rate: str | None = None) -> Any:
    """One exercise, stretched to `minutes` and its breathing pacer set to `rate` when given."""
    problems: dict[str, str] = {}
    try:
        exercise = practices.get_exercise(exercise_id=exercise_id, minutes=minutes)
    except InvalidInput as error:
        problems.update(error.fields)
        exercise = practices.get_exercise(exercise_id=exercise_id)
    pacer = exercise.pacer
    # A rate only means something to a breathing pacer; elsewhere it is ignored, as on the web.
    if pacer is not None and rate not in (None, ""):
        try:
            pacer = pacer.with_rate(rate)
        except InvalidInput as error:
            problems.update(error.fields)
    if problems:
        raise InvalidInput(problems)
    ready = exercise.intensity in practices.PACE_ALLOWS[practices.pace_of(request.user)]
    low, high = exercise.minutes_range()
    timer = exercise.timer
    return {
        **_exercise_dict(exercise, ready), "sources": list(exercise.sources),
        "total_seconds": exercise.total_seconds,
        "steps": [{"text": s.text, "seconds": s.seconds, "prompt": s.prompt} for s in exercise.steps],
        "pacer": _pacer_dict(pacer),
        "timer": asdict(timer) if timer is not None else None,
        "minutes_range": {"low": low, "high": high} if exercise.is_timed else None,
    }


def _session_dict(session: Any) -> dict[str, Any]:
    found = content.exercises().get(session.exercise)
    return {"id": session.pk, "exercise": session.exercise,
            "name": found.name if found else session.exercise, "kind": session.kind,
            "at": session.at, "seconds": session.seconds, "planned_seconds": session.planned_seconds,
            "completed": session.completed, "feel_before": session.feel_before,
            "feel_after": session.feel_after, "note": session.note}


@router.get("/sessions", response={200: list[SessionOut], **ERRORS}, tags=["practices"],
            openapi_extra=PAGED)
def list_sessions(request: HttpRequest, response: HttpResponse, asked: Query[PageIn],
                  since: Day | None = None) -> Any:
    """Newest first, one page (see thawing/api/pages.py)."""
    page = page_of(asked)
    found = practices.list_sessions(user=request.user, since=since, limit=page.fetch, offset=page.offset)
    return [_session_dict(s) for s in one_page(request, response, found, page)]


@router.post("/sessions", response={201: SessionOut, **ERRORS}, tags=["practices"])
def record_session(request: HttpRequest, payload: SessionIn) -> Any:
    session = practices.record_session(
        user=request.user, exercise_id=payload.exercise, seconds=payload.seconds,
        planned_seconds=payload.planned_seconds, completed=payload.completed,
        feel_before=payload.feel_before, feel_after=payload.feel_after, note=payload.note,
        at=payload.at,
    )
    return Status(201, with_support(_session_dict(session), request, payload.note))


@router.delete("/sessions/{session_id}", response={204: None, **ERRORS}, tags=["practices"])
def delete_session(request: HttpRequest, session_id: int) -> Any:
    practices.delete_session(user=request.user, session_id=session_id)
    return Status(204, None)


@router.get("/pace", response={200: PaceOut, **ERRORS}, tags=["practices"])
def get_pace(request: HttpRequest) -> Any:
    return {"pace": practices.pace_of(request.user), "choices": list(practices.PACES)}


@router.put("/pace", response={200: PaceOut, **ERRORS}, tags=["practices"])
def put_pace(request: HttpRequest, payload: PaceIO) -> Any:
    return {"pace": practices.set_pace(user=request.user, pace=payload.pace),
            "choices": list(practices.PACES)}


# The person's own lists and activities (B3, D1-D5, F3) -------------------------------------

def _item_dict(item: Any, done_today: set[int]) -> dict[str, Any]:
    return {"id": item.pk, "kind": item.kind, "text": item.text, "detail": item.detail,
            "position": item.position, "done_on": item.done_on, "done_today": item.pk in done_today}


def _one_item(request: HttpRequest, item: Any) -> dict[str, Any]:
    return _item_dict(item, practices.done_today(user=request.user, kind=item.kind))


def _whole_list(request: HttpRequest, kind: str) -> list[dict[str, Any]]:
    items = practices.list_items(user=request.user, kind=kind)
    done = practices.done_today(user=request.user, kind=kind)
    return [_item_dict(i, done) for i in items]


@router.get("/lists/{kind}", response={200: list[ItemOut], **ERRORS}, tags=["doing"],
            openapi_extra=PAGED)
def list_items(request: HttpRequest, response: HttpResponse, kind: str, asked: Query[PageIn]) -> Any:
    """One of the person's lists in their own order, favourite first (not newest first)."""
    page = page_of(asked)
    items = practices.list_items(user=request.user, kind=kind, limit=page.fetch, offset=page.offset)
    done = practices.done_today(user=request.user, kind=kind)
    return [_item_dict(i, done) for i in one_page(request, response, items, page)]


@router.post("/lists/{kind}", response={201: ItemOut, **ERRORS}, tags=["doing"])
def add_item(request: HttpRequest, kind: str, payload: ItemIn) -> Any:
    item = practices.add_item(user=request.user, kind=kind, text=payload.text, detail=payload.detail)
    return Status(201, with_support(_one_item(request, item), request, payload.text, payload.detail))


@router.put("/lists/items/{item_id}", response={200: ItemOut, **ERRORS}, tags=["doing"])
def update_item(request: HttpRequest, item_id: int, payload: ItemIn) -> Any:
    item = practices.update_item(user=request.user, item_id=item_id, text=payload.text,
                                 detail=payload.detail)
    return with_support(_one_item(request, item), request, payload.text, payload.detail)


@router.post("/lists/items/{item_id}/move", response={200: list[ItemOut], **ERRORS}, tags=["doing"])
def move_item(request: HttpRequest, item_id: int, payload: MoveIn) -> Any:
    """Move one place up or down; answers with the whole list in its new order."""
    item = practices.move_item(user=request.user, item_id=item_id, direction=payload.direction)
    return _whole_list(request, item.kind)


@router.post("/lists/items/{item_id}/cross", response={200: ItemOut, **ERRORS}, tags=["doing"])
def cross_item(request: HttpRequest, item_id: int, payload: CrossIn) -> Any:
    return _one_item(request, practices.cross_off(user=request.user, item_id=item_id,
                                                  done=payload.done))


@router.post("/lists/items/{item_id}/done", response={201: ActivityOut, **ERRORS}, tags=["doing"])
def item_done_today(request: HttpRequest, item_id: int) -> Any:
    """Log the item as done today (a fun-list tick, D2); answers with the new activity."""
    item = practices.get_item(user=request.user, item_id=item_id)
    activity = practices.record_activity(user=request.user, kind=item.kind, item_id=item.pk)
    return Status(201, _activity_dict(activity))


@router.delete("/lists/items/{item_id}", response={204: None, **ERRORS}, tags=["doing"])
def delete_item(request: HttpRequest, item_id: int) -> Any:
    practices.delete_item(user=request.user, item_id=item_id)
    return Status(204, None)


def _activity_dict(activity: Any) -> dict[str, Any]:
    return {"id": activity.pk, "kind": activity.kind, "title": activity.title,
            "item_id": activity.item_id, "planned_on": activity.planned_on,
            "done_on": activity.done_on, "predicted": activity.predicted, "actual": activity.actual,
            "note": activity.note}


@router.get("/activities", response={200: list[ActivityOut], **ERRORS}, tags=["doing"],
            openapi_extra=PAGED)
def list_activities(request: HttpRequest, response: HttpResponse, asked: Query[PageIn],
                    kind: str | None = None, planned: bool | None = None,
                    since: Day | None = None) -> Any:
    """Newest first; `planned=true` keeps those not done yet, `planned=false` those done."""
    page = page_of(asked)
    found = practices.list_activities(user=request.user, kind=kind, planned=planned, since=since,
                                      limit=page.fetch, offset=page.offset)
    return [_activity_dict(a) for a in one_page(request, response, found, page)]


@router.post("/activities", response={201: ActivityOut, **ERRORS}, tags=["doing"])
def record_activity(request: HttpRequest, payload: ActivityIn) -> Any:
    # A plan for a day is not done yet unless the client says so.
    done = payload.done if payload.done is not None else payload.planned_on is None
    activity = practices.record_activity(
        user=request.user, kind=payload.kind, title=payload.title, item_id=payload.item_id,
        planned_on=payload.planned_on, done_on=payload.done_on, done=done,
        predicted=payload.predicted, actual=payload.actual, note=payload.note,
    )
    return Status(201, with_support(_activity_dict(activity), request, payload.title, payload.note))


@router.get("/activities/{activity_id}", response={200: ActivityOut, **ERRORS}, tags=["doing"])
def get_activity(request: HttpRequest, activity_id: int) -> Any:
    return _activity_dict(practices.get_activity(user=request.user, activity_id=activity_id))


@router.put("/activities/{activity_id}", response={200: ActivityOut, **ERRORS}, tags=["doing"])
def rate_activity(request: HttpRequest, activity_id: int, payload: RateIn) -> Any:
    """Say how it went: marks it done (today unless `done_on`), enjoyment 0-10 (D1)."""
    activity = practices.rate_activity(user=request.user, activity_id=activity_id,
                                       actual=payload.actual, note=payload.note,
                                       done_on=payload.done_on)
    return with_support(_activity_dict(activity), request, payload.note)


@router.delete("/activities/{activity_id}", response={204: None, **ERRORS}, tags=["doing"])
def delete_activity(request: HttpRequest, activity_id: int) -> Any:
    practices.delete_activity(user=request.user, activity_id=activity_id)
    return Status(204, None)


# Connecting (D6) ---------------------------------------------------------------------------

def _connection_dict(connection: Any) -> dict[str, Any]:
    return {"id": connection.pk, "on": connection.on, "who": connection.who, "how": connection.how,
            "felt": connection.felt, "reached_out": connection.reached_out, "note": connection.note}


@router.get("/connections", response={200: list[ConnectionOut], **ERRORS}, tags=["connecting"],
            openapi_extra=PAGED)
def list_connections(request: HttpRequest, response: HttpResponse, asked: Query[PageIn]) -> Any:
    page = page_of(asked)
    found = practices.list_connections(user=request.user, limit=page.fetch, offset=page.offset)
    return [_connection_dict(c) for c in one_page(request, response, found, page)]


# Declared before /connections/{connection_id}, whose address would otherwise catch "draft".
@router.post("/connections/draft", response={200: DraftOut, **ERRORS}, tags=["connecting"])
def draft_message(request: HttpRequest, payload: DraftIn) -> Any:
    """A message to one trusted person, for them to edit; an unknown starter gives the first.

    Posted, so that the person's name never travels in an address."""
    return {"text": practices.draft_message(starter_id=payload.starter, name=payload.name)}


@router.post("/connections", response={201: ConnectionOut, **ERRORS}, tags=["connecting"])
def log_connection(request: HttpRequest, payload: ConnectionIn) -> Any:
    connection = practices.log_connection(
        user=request.user, who=payload.who, how=payload.how, felt=payload.felt,
        reached_out=payload.reached_out, note=payload.note, on=payload.on,
    )
    return Status(201, with_support(_connection_dict(connection), request, payload.note))


@router.delete("/connections/{connection_id}", response={204: None, **ERRORS}, tags=["connecting"])
def delete_connection(request: HttpRequest, connection_id: int) -> Any:
    practices.delete_connection(user=request.user, connection_id=connection_id)
    return Status(204, None)


# The reconnection checklist (H1) -----------------------------------------------------------

def _checklist(request: HttpRequest) -> list[dict[str, Any]]:
    return [asdict(item) for item in practices.checklist(user=request.user)]


@router.get("/checklist", response={200: list[ChecklistItemOut], **ERRORS}, tags=["checklist"])
def get_checklist(request: HttpRequest) -> Any:
    """The seven steps for today, ticked from records where they show it, else by hand."""
    return _checklist(request)


@router.put("/checklist/{item}", response={200: list[ChecklistItemOut], **ERRORS}, tags=["checklist"])
def tick(request: HttpRequest, item: str, payload: TickIn) -> Any:
    """Tick a step by hand for today, or untick it; answers with the whole checklist."""
    # The step is part of the address, so an unknown one is "not found", as on the web page.
    if item not in core_checklist.ITEMS:
        raise NotFound(msg("There is no checklist step by that name."))
    practices.tick(user=request.user, item=item, done=payload.done)
    return _checklist(request)


# Daily rhythm and reminders (A2, A5) -------------------------------------------------------

def _rhythm(request: HttpRequest) -> dict[str, Any]:
    rhythm = reminders.rhythm_of(request.user)
    return {**asdict(rhythm), "times": list(rhythm.times)}


@router.get("/reminders", response={200: RhythmIO, **ERRORS}, tags=["reminders"])
def get_reminders(request: HttpRequest) -> Any:
    return _rhythm(request)


@router.put("/reminders", response={200: RhythmIO, **ERRORS}, tags=["reminders"])
def put_reminders(request: HttpRequest, payload: RhythmIO) -> Any:
    reminders.save_rhythm(user=request.user, **payload.dict())
    return _rhythm(request)


@router.get("/reminders.ics", response={200: None, **ERRORS}, tags=["reminders"],
            openapi_extra={"responses": {200: {
                "description": "The next two weeks of reminders, with alarms (RFC 5545).",
                "content": {"text/calendar": {"schema": {"type": "string"}}}}}})
def reminders_ics(request: HttpRequest) -> Any:
    try:
        body = reminders.calendar_file(user=request.user,
                                       url=request.build_absolute_uri(reverse("checkins:new")))
    except InvalidInput:
        raise NotFound(msg("There are no reminders yet: choose a time of day for a check-in "
                           "first.")) from None
    response = HttpResponse(body, content_type=ICS_TYPE)
    response["Content-Disposition"] = 'attachment; filename="thawing-reminders.ics"'
    return response


# Suggestion lists (B3, B4, D1-D7, E1, E2, F3-F5) -------------------------------------------

@router.get("/ideas/{section}", response={200: list[IdeaOut], **ERRORS}, tags=["ideas"])
def ideas(request: HttpRequest, section: str) -> Any:
    """One list of content/ideas.toml, every intensity: the client can honour the pace (G6)."""
    found = content.ideas().sections.get(section)
    if found is None:
        raise NotFound(msg("There is no list of ideas by that name."))
    return [asdict(idea) for idea in found.items]
