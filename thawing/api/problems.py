"""The API's answer when an endpoint fails in a way no one expected, in the shape of every API error.

The shape and the words are `thawing.problems` (below the API, so the middleware can use them too).
A 500 never carries the exception's text, which can hold a table's name or a person's words; the
log gets the exception's type and where it happened.
"""

from __future__ import annotations

import logging
import traceback

from django.http import HttpRequest, JsonResponse

from thawing.problems import PROBLEMS, TOO_LARGE, problem

__all__ = ["PROBLEMS", "TOO_LARGE", "failed", "problem"]

logger = logging.getLogger("thawing.api")


def failed(request: HttpRequest, error: BaseException) -> JsonResponse:
    """A 500 for an exception no one expected: logged by type and place, never by its text."""
    logger.error("Internal Server Error: %s %s (%s)\n%s", request.method, request.path,
                 type(error).__name__, "".join(traceback.format_tb(error.__traceback__)))
    return problem(500)
