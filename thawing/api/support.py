"""The `support` key of an answer that saved free text: crisis lines when the words ask for them."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from thawing.api.serialize import support_dict
from thawing.care import services as care


def support_for(request: HttpRequest, *texts: str | None) -> dict[str, Any] | None:
    return support_dict(care.support_for(user=request.user, texts=texts), texts=texts)


def with_support(data: dict[str, Any], request: HttpRequest, *texts: str | None) -> dict[str, Any]:
    return {**data, "support": support_for(request, *texts)}
