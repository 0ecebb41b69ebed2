"""JSON answers for requests to /api/ that Django, the server or a too-large body stops before an
endpoint can answer.

Every API error is JSON in one shape, `{"message": ..., "fields": {}}`: the security_headers
middleware (`thawing/accounts/middleware.py`) turns Django's HTML refusals under /api/ into this,
and the API's own exception handlers (`thawing/api/problems.py`) answer 413 and 500 with it. It
sits below both, so the middleware never imports the API.
"""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import JsonResponse

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


def problem(status: int) -> JsonResponse:
    """The JSON answer for `status`, worded for its kind when it has no words of its own."""
    message = PROBLEMS.get(status) or PROBLEMS[500 if status >= 500 else 400]
    return JsonResponse({"message": say(message), "fields": {}}, status=status)
