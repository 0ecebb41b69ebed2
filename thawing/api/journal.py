"""Thought records over the JSON API (the journal app's `thoughts`). Journal entries themselves
are still served from `routes.py`. Thin: parse, call one service, shape the answer.

Mounted on the API of `routes.py`, so it shares its sign-in, CSRF check and error answers. The
operation ids are the ones these routes had when they lived in `api/practices.py`: clients
generated from the schema keep working.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router
from ninja.responses import Status

from thawing.api.journal_schemas import ThoughtIn, ThoughtOut
from thawing.api.pages import PAGED, PageIn, one_page, page_of
from thawing.api.schemas import Problem
from thawing.api.support import with_support
from thawing.journal import thoughts

router = Router()
ERRORS: dict[int, Any] = {400: Problem, 401: Problem, 404: Problem}


THOUGHT_TEXTS = ("situation", "thought", "evidence", "other_views", "conclusions", "alternative")


def _thought_dict(record: Any) -> dict[str, Any]:
    return {"id": record.pk, "at": record.at, "belief_before": record.belief_before,
            "belief_after": record.belief_after, **{f: getattr(record, f) for f in THOUGHT_TEXTS}}


def _thought_values(payload: ThoughtIn) -> dict[str, Any]:
    return payload.dict(exclude={"thought"})


@router.get("/thoughts", response={200: list[ThoughtOut], **ERRORS}, tags=["thoughts"],
            openapi_extra=PAGED, operation_id="thawing_api_practices_list_thoughts")
def list_thoughts(request: HttpRequest, response: HttpResponse, asked: Query[PageIn]) -> Any:
    page = page_of(asked)
    found = thoughts.list_thoughts(user=request.user, limit=page.fetch, offset=page.offset)
    return [_thought_dict(r) for r in one_page(request, response, found, page)]


@router.post("/thoughts", response={201: ThoughtOut, **ERRORS}, tags=["thoughts"],
             operation_id="thawing_api_practices_record_thought")
def record_thought(request: HttpRequest, payload: ThoughtIn) -> Any:
    record = thoughts.record_thought(user=request.user, thought=payload.thought,
                                     **_thought_values(payload))
    texts = (getattr(payload, f) for f in THOUGHT_TEXTS)
    return Status(201, with_support(_thought_dict(record), request, *texts))


@router.get("/thoughts/{record_id}", response={200: ThoughtOut, **ERRORS}, tags=["thoughts"],
            operation_id="thawing_api_practices_get_thought")
def get_thought(request: HttpRequest, record_id: int) -> Any:
    return _thought_dict(thoughts.get_thought(user=request.user, record_id=record_id))


@router.put("/thoughts/{record_id}", response={200: ThoughtOut, **ERRORS}, tags=["thoughts"],
            operation_id="thawing_api_practices_update_thought")
def update_thought(request: HttpRequest, record_id: int, payload: ThoughtIn) -> Any:
    """Replace every part; `at` left out keeps the original time."""
    record = thoughts.update_thought(user=request.user, record_id=record_id, thought=payload.thought,
                                     **_thought_values(payload))
    texts = (getattr(payload, f) for f in THOUGHT_TEXTS)
    return with_support(_thought_dict(record), request, *texts)


@router.delete("/thoughts/{record_id}", response={204: None, **ERRORS}, tags=["thoughts"],
               operation_id="thawing_api_practices_delete_thought")
def delete_thought(request: HttpRequest, record_id: int) -> Any:
    thoughts.delete_thought(user=request.user, record_id=record_id)
    return Status(204, None)
