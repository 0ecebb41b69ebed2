"""The API's answer when Django, the server or a too-large request stops it before an endpoint can.

Every API error is JSON in one shape, `{"message": ..., "fields": {}}` (issue 13, finding 20): the
security_headers middleware turns Django's HTML refusals under /api/ into this, and the API's own
exception handlers answer 413 and 500 with it. A 500 never carries the exception's text, which can
hold a table's name or a person's words; the log gets the exception's type and where it happened.
"""

from __future__ import annotations

import logging
import traceback

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, JsonResponse

from thawing.core.i18n import msg
from thawing.web import say

PROBLEMS = {
    400: msg("That request couldn\u2019t be read. Please check what was sent."),
    404: msg("There is nothing at this address."),
    405: msg("This address doesn\u2019t take that kind of request."),
    413: msg("That\u2019s more than Thawing can take in one go. Please send less at a time."),
    500: msg("Something went wrong on Thawing\u2019s side, not yours. Please try again in a little "
             "while."),
}
# Django refuses these bodies when they are first read: too many bytes, form fields or files.
TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)
logger = logging.getLogger("thawing.api")


def problem(status: int) -> JsonResponse:
    """The JSON answer for `status`, worded for its kind when it has no words of its own."""
    message = PROBLEMS.get(status) or PROBLEMS[500 if status >= 500 else 400]
    return JsonResponse({"message": say(message), "fields": {}}, status=status)


def failed(request: HttpRequest, error: BaseException) -> JsonResponse:
    """A 500 for an exception no one expected: logged by type and place, never by its text."""
    logger.error("Internal Server Error: %s %s (%s)\n%s", request.method, request.path,
                 type(error).__name__, "".join(traceback.format_tb(error.__traceback__)))
    return problem(500)
