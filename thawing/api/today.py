"""Today over the JSON API: `GET /api/today`, the summary the Today page and `thawing today` show."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from thawing.api.schemas import Problem, TodayOut
from thawing.api.serialize import today_dict
from thawing.today.services import today_summary

router = Router(tags=["check-ins"])
ERRORS: dict[int, Any] = {400: Problem, 401: Problem, 404: Problem}


# The operation id it had in routes.py, so the OpenAPI document and clients made from it stay the same.
@router.get("/today", response={200: TodayOut, **ERRORS}, operation_id="thawing_api_routes_today")
def today(request: HttpRequest) -> Any:
    return today_dict(today_summary(user=request.user))
