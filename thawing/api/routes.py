"""The JSON API: the same services as the web pages and the CLI, behind a session sign-in.

OpenAPI schema at /api/openapi.json, interactive docs off (they would load outside assets).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import NinjaAPI, Query
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.responses import Status
from ninja.security import django_auth

from thawing import content
from thawing.api import practices, problems
from thawing.api.pages import PAGED, PageIn, one_page, page_of
from thawing.api.schemas import (
    AnswersIn,
    CheckInIn,
    CheckInOut,
    Day,
    EmotionOut,
    EntryIn,
    EntryOut,
    InstrumentOut,
    Problem,
    SafetyPlanIO,
    ScreeningOut,
    SearchHitOut,
    SearchIn,
    SuggestionOut,
    TagOut,
)
from thawing.api.serialize import checkin_dict, emotion_dict, entry_dict, support_dict
from thawing.care import services as care
from thawing.checkins import services as checkins
from thawing.core.errors import InvalidInput, NotFound, ThawingError
from thawing.core.i18n import msg
from thawing.core.safety_plan import SECTIONS
from thawing.journal import services as journal
from thawing.web import say

api = NinjaAPI(title="Thawing", version="1", auth=django_auth, docs_url=None,
               urls_namespace="api")
api.add_router("", practices.router)
api.add_router("", "thawing.api.habits.router")
api.add_router("", "thawing.api.journal.router")
api.add_router("", "thawing.api.care_records.router")
api.add_router("", "thawing.api.insights.router")
api.add_router("", "thawing.api.portability.router")
api.add_router("", "thawing.api.today.router")
ERRORS: dict[int, Any] = {400: Problem, 401: Problem, 404: Problem}
# The journal and check-up results gave 100 before they had pages: still their usual page.
JOURNAL_PAGE = SCREENINGS_PAGE = 100


@api.exception_handler(ThawingError)
def thawing_error(request: HttpRequest, error: ThawingError) -> HttpResponse:
    status = 404 if isinstance(error, NotFound) else 400
    fields = ({k: say(v) for k, v in error.fields.items()}
              if isinstance(error, InvalidInput) else {})
    return api.create_response(request, {"message": say(error.message), "fields": fields},
                               status=status)


@api.exception_handler(Exception)
def server_error(request: HttpRequest, error: Exception) -> HttpResponse:
    """Anything unexpected: a 500 in JSON, without the exception's text (developers get the page)."""
    if settings.DEBUG:
        raise error
    return problems.failed(request, error)


def too_large(request: HttpRequest, error: Exception) -> HttpResponse:
    """A body with too many bytes, fields or files for Django to read: 413, not Django's 400 page."""
    return problems.problem(413)


for _refusal in problems.TOO_LARGE:
    api.add_exception_handler(_refusal, too_large)


@api.exception_handler(AuthenticationError)
def signed_out(request: HttpRequest, error: Exception) -> HttpResponse:
    return api.create_response(request, {"message": gettext("Please sign in first."), "fields": {}},
                               status=401)


@api.exception_handler(NinjaValidationError)
def malformed(request: HttpRequest, error: NinjaValidationError) -> HttpResponse:
    fields = {_field_name(e.get("loc", ())): e.get("msg", "") for e in error.errors}
    return api.create_response(request, {
        "message": gettext("Some of what was sent couldn\u2019t be read. Please check the fields named."),
        "fields": fields}, status=400)


def _field_name(location: tuple[object, ...] | list[object]) -> str:
    """"mood" for ("body", "payload", "mood"): the name every other error uses."""
    parts = [str(p) for p in location if p not in ("body", "query", "path", "payload")]
    return ".".join(parts) or "body"


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    return api.create_response(request, {"message": str(error), "fields": {}},
                               status=error.status_code)


def _support(request: HttpRequest, *texts: str) -> dict[str, Any] | None:
    return support_dict(care.support_for(user=request.user, texts=texts), texts=texts)


def checkin_arguments(payload: CheckInIn) -> dict[str, Any]:
    return {
        "mood": payload.mood, "feel": payload.feel,
        "emotions": [(e.word, e.intensity) for e in payload.emotions],
        "body": payload.body, "flicker": payload.flicker, "note": payload.note,
        "at": payload.at, "detached": payload.detached, "struggling": payload.struggling,
    }


@api.get("/checkins", response={200: list[CheckInOut], **ERRORS}, tags=["check-ins"],
         openapi_extra=PAGED)
def list_checkins(request: HttpRequest, response: HttpResponse, asked: Query[PageIn],
                  since: Day | None = None) -> Any:
    """Newest first, one page (see thawing/api/pages.py)."""
    page = page_of(asked)
    found = checkins.list_checkins(user=request.user, since=since, limit=page.fetch, offset=page.offset)
    return [checkin_dict(c) for c in one_page(request, response, found, page)]


@api.post("/checkins", response={201: CheckInOut, **ERRORS}, tags=["check-ins"])
def create_checkin(request: HttpRequest, payload: CheckInIn) -> Any:
    checkin = checkins.record_checkin(user=request.user, **checkin_arguments(payload))
    data = checkin_dict(checkins.get_checkin(user=request.user, checkin_id=checkin.pk))
    return Status(201, {**data, "support": _support(request, payload.note, payload.flicker)})


@api.get("/checkins/{checkin_id}", response={200: CheckInOut, **ERRORS}, tags=["check-ins"])
def get_checkin(request: HttpRequest, checkin_id: int) -> Any:
    return checkin_dict(checkins.get_checkin(user=request.user, checkin_id=checkin_id))


@api.put("/checkins/{checkin_id}", response={200: CheckInOut, **ERRORS}, tags=["check-ins"])
def update_checkin(request: HttpRequest, checkin_id: int, payload: CheckInIn) -> Any:
    data = checkin_dict(checkins.update_checkin(user=request.user, checkin_id=checkin_id,
                                                **checkin_arguments(payload)))
    return {**data, "support": _support(request, payload.note, payload.flicker)}


@api.delete("/checkins/{checkin_id}", response={204: None, **ERRORS}, tags=["check-ins"])
def delete_checkin(request: HttpRequest, checkin_id: int) -> Any:
    checkins.delete_checkin(user=request.user, checkin_id=checkin_id)
    return Status(204, None)


@api.get("/journal", response={200: list[EntryOut], **ERRORS}, tags=["journal"],
         openapi_extra=PAGED)
def list_entries(request: HttpRequest, response: HttpResponse, asked: Query[PageIn],
                 tag_id: int | None = None) -> Any:
    """Entries, newest first, 100 a page unless `limit` says; `tag_id` (from /journal/tags) keeps
    one tag's. Names and words never travel in an address, where logs and history would keep them."""
    page = page_of(asked, usual=JOURNAL_PAGE)
    found = journal.list_entries(user=request.user, tag_id=tag_id, limit=page.fetch, offset=page.offset)
    return [entry_dict(e) for e in one_page(request, response, found, page)]


@api.get("/journal/tags", response={200: list[TagOut], **ERRORS}, tags=["journal"])
def list_tags(request: HttpRequest) -> Any:
    return [{"id": pk, "name": name, "entries": uses}
            for pk, name, uses in journal.tags_in_use(user=request.user)]


@api.post("/journal/search", response={200: list[SearchHitOut], 422: Problem, **ERRORS}, tags=["journal"])
def search_entries(request: HttpRequest, payload: SearchIn) -> Any:
    """Search by posting {"q": "..."}: what people look for stays out of addresses.

    422 for more than 10 words or 200 characters."""
    try:
        hits = journal.search_entries(user=request.user, query=payload.q)
    except journal.QueryTooLong as error:
        return Status(422, {"message": say(error.message),
                            "fields": {k: say(v) for k, v in error.fields.items()}})
    return [{"entry": entry_dict(h.entry), "excerpt": h.excerpt} for h in hits]


@api.post("/journal", response={201: EntryOut, **ERRORS}, tags=["journal"])
def write_entry(request: HttpRequest, payload: EntryIn) -> Any:
    entry = journal.write_entry(
        user=request.user, body=payload.body, title=payload.title, tags=payload.tags,
        prompt_id=payload.prompt, letter=payload.letter, written_at=payload.written_at,
    )
    data = entry_dict(journal.get_entry(user=request.user, entry_id=entry.pk))
    return Status(201, {**data, "support": _support(request, payload.title, payload.body)})


@api.get("/journal/{entry_id}", response={200: EntryOut, **ERRORS}, tags=["journal"])
def get_entry(request: HttpRequest, entry_id: int) -> Any:
    return entry_dict(journal.get_entry(user=request.user, entry_id=entry_id))


@api.put("/journal/{entry_id}", response={200: EntryOut, **ERRORS}, tags=["journal"])
def update_entry(request: HttpRequest, entry_id: int, payload: EntryIn) -> Any:
    journal.update_entry(
        user=request.user, entry_id=entry_id, body=payload.body, title=payload.title,
        tags=payload.tags, letter=payload.letter, written_at=payload.written_at,
    )
    data = entry_dict(journal.get_entry(user=request.user, entry_id=entry_id))
    return {**data, "support": _support(request, payload.title, payload.body)}


@api.delete("/journal/{entry_id}", response={204: None, **ERRORS}, tags=["journal"])
def delete_entry(request: HttpRequest, entry_id: int) -> Any:
    journal.delete_entry(user=request.user, entry_id=entry_id)
    return Status(204, None)


@api.get("/emotions", response={200: list[EmotionOut], **ERRORS}, tags=["emotions"])
def emotions(request: HttpRequest) -> Any:
    """The whole vocabulary."""
    return [emotion_dict(e) for e in content.vocabulary().search("")]


@api.post("/emotion-search", response={200: list[EmotionOut], **ERRORS}, tags=["emotions"])
def search_emotions(request: HttpRequest, payload: SearchIn) -> Any:
    """Words for what was typed, best first; posted, so it stays out of addresses (and not
    under /emotions/, where it would shadow an emotion called "search")."""
    return [emotion_dict(e) for e in content.vocabulary().search(payload.q)]


@api.get("/emotions/suggestions", response={200: list[SuggestionOut], **ERRORS},
         tags=["emotions"])
def suggestions(request: HttpRequest, body: list[str] = Query([])) -> Any:  # noqa: B008
    """Candidate words for body sensations: possibilities to consider, never a verdict."""
    return [{"emotion": emotion_dict(s.emotion), "reasons": list(s.reasons)}
            for s in checkins.suggest_emotions(body=body or [])]


@api.get("/emotions/{emotion_id}", response={200: EmotionOut, **ERRORS}, tags=["emotions"])
def emotion(request: HttpRequest, emotion_id: str) -> Any:
    found = content.vocabulary().get(emotion_id)
    if found is None:
        raise NotFound(msg("No emotion word has that id."))
    return emotion_dict(found)


@api.get("/safety-plan", response={200: SafetyPlanIO, **ERRORS}, tags=["care"])
def get_safety_plan(request: HttpRequest) -> Any:
    plan = care.get_safety_plan(user=request.user)
    return {name: getattr(plan, name) for name in SECTIONS}


@api.put("/safety-plan", response={200: SafetyPlanIO, **ERRORS}, tags=["care"])
def put_safety_plan(request: HttpRequest, payload: SafetyPlanIO) -> Any:
    plan = care.save_safety_plan(user=request.user, **payload.dict())
    return {name: getattr(plan, name) for name in SECTIONS}


def _screening_dict(result: Any) -> dict[str, Any]:
    band = content.instruments()[result.instrument].band_for(result.total)
    return {"id": result.pk, "instrument": result.instrument, "taken_at": result.taken_at,
            "total": result.total, "band": band.label, "meaning": band.meaning,
            "safety_flag": result.safety_flag}


@api.get("/screenings", response={200: list[InstrumentOut], **ERRORS}, tags=["care"])
def instruments(request: HttpRequest) -> Any:
    def question(q: Any) -> dict[str, Any]:
        return {"id": q.id, "text": q.text, "hint": q.hint, "options": [vars(o) for o in q.options]}

    return [{**vars(i), "items": list(i.items), "options": [vars(o) for o in i.options],
             "item_options": ([[vars(o) for o in i.options_for(n)] for n in range(1, len(i.items) + 1)]
                              if any(i.item_options) else []),
             "gate": question(i.gate) if i.gate else None, "extras": [question(q) for q in i.extras]}
            for i in content.instruments().values()]


@api.get("/screenings/results", response={200: list[ScreeningOut], **ERRORS}, tags=["care"],
         openapi_extra=PAGED)
def screening_results(request: HttpRequest, response: HttpResponse, asked: Query[PageIn],
                      instrument: str | None = None) -> Any:
    """Newest first, 100 a page unless `limit` says."""
    page = page_of(asked, usual=SCREENINGS_PAGE)
    found = care.screening_history(user=request.user, instrument_id=instrument, limit=page.fetch,
                                   offset=page.offset)
    return [_screening_dict(r) for r in one_page(request, response, found, page)]


@api.post("/screenings/{instrument_id}", response={201: ScreeningOut, **ERRORS}, tags=["care"])
def take_screening(request: HttpRequest, instrument_id: str, payload: AnswersIn) -> Any:
    """Score and keep answers; `support` holds crisis lines when the safety item is above 0."""
    result, score = care.take_screening(user=request.user, instrument_id=instrument_id,
                                        answers=payload.answers)
    support = support_dict(care.help_for(user=request.user)) if score.safety_flag else None
    return Status(201, {**_screening_dict(result), "support": support})


def api_not_found(request: HttpRequest) -> HttpResponse:
    """Every other address under /api/: a JSON answer, like the rest of the API."""
    from django.http import JsonResponse

    return JsonResponse({"message": gettext("There is no such address in the Thawing API."),
                         "fields": {}}, status=404)
