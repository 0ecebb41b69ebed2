"""Pages of the API's lists: no request reads a whole history, so none can take a server's memory.

Every list that grows with use takes two query parameters and answers one page:

    limit   how many, 1 to MOST; more is read as MOST
    offset  how many to skip from the start of the list (newest first for records), 0 or more

The body stays the plain JSON list it always was. When more follow, the answer names the next page
in the standard header (RFC 8288), with every other parameter of the request kept:

    Link: </api/checkins?since=2020-01-01&limit=500&offset=500>; rel="next"

The last page has no such header. Without `limit`, a list gives what it gave before, its newest 500
(journal entries and check-up results: 100), so a client that never pages sees no change until a
list holds more than that; a client that asked for `since` got every record and now gets a page.
A record saved between two pages can move an older one onto the next page twice: ids say which.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse
from ninja import Field, Schema

T = TypeVar("T")

MOST = 500
# An offset this far is a mistake, and larger ones would not fit the database's integers.
FURTHEST = 10_000_000
# `openapi_extra` of every list that pages: its 200 answer may carry the Link header.
PAGED: dict[str, Any] = {"responses": {200: {"headers": {"Link": {
    "description": 'The next page, as `<address>; rel="next"`; absent on the last page.',
    "schema": {"type": "string"}}}}}}

class PageIn(Schema):
    limit: int | None = Field(None, ge=1, description=f"How many, at most {MOST} (more is read as "
                                                      f"{MOST}); the list's usual page when left out.")
    offset: int = Field(0, ge=0, le=FURTHEST, description="How many to skip; the `Link` header of "
                                                          "the answer gives the next page's.")


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int

    @property
    def fetch(self) -> int:
        """Rows to ask the service for: one more than the page shows, to know if more follow."""
        return self.limit + 1


def page_of(asked: PageIn, *, usual: int = MOST) -> Page:
    return Page(limit=min(asked.limit or usual, MOST), offset=asked.offset)


def one_page(request: HttpRequest, response: HttpResponse, rows: list[T], page: Page) -> list[T]:
    """The rows of `page`, fetched with one extra, and the next page's address when they had it."""
    if len(rows) > page.limit:
        query = request.GET.copy()
        query["limit"] = str(page.limit)
        query["offset"] = str(page.offset + page.limit)
        response["Link"] = f'<{request.path}?{query.urlencode()}>; rel="next"'
    return rows[:page.limit]

