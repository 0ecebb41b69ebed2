"""Small helpers shared by the views of every app."""

from __future__ import annotations

from typing import TypeVar

from django import forms
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext

from thawing.core.errors import InvalidInput, ThawingError
from thawing.core.i18n import Message

T = TypeVar("T")


def say(message: str) -> str:
    """A core message in the active language."""
    return message.translated(gettext) if isinstance(message, Message) else message


def show_errors(form: forms.Form, error: ThawingError) -> None:
    """Put a service's error on the form, each message beside its field when it has one."""
    fields = error.fields if isinstance(error, InvalidInput) else {None: error.message}
    for field, message in fields.items():
        form.add_error(field if field in form.fields else None, say(message))


# The filters of paged lists: ids, kinds and dates, never words a person typed.
PAGE_FILTERS = ("tag", "kind", "since", "what", "day")


def page_number(request: HttpRequest) -> int:
    """The page asked for in ?page=N; anything odd means the first page."""
    raw = request.GET.get("page", "1")
    return int(raw) if raw.isascii() and raw.isdecimal() and 0 < int(raw) < 1_000_000 else 1


def paged(
    request: HttpRequest, items: list[T], page: int, size: int
) -> tuple[list[T], dict[str, object]]:
    """One page of items fetched with one extra, the neighbouring pages, and the other filters.

    Only the known filters travel on to the next page: an old bookmark with words in it (a search
    from before searches were posted) does not pass them along.
    """
    others = QueryDict(mutable=True)
    for name in PAGE_FILTERS:
        if name in request.GET:
            others.setlist(name, request.GET.getlist(name))
    query = others.urlencode()
    return items[:size], {"newer": page - 1 or None,
                          "older": page + 1 if len(items) > size else None,
                          "query": f"{query}&" if query else ""}


SUPPORT_FLAG = "thawing-offer-support"


def offer_support(request: HttpRequest, *texts: str | None) -> None:
    """After a save: if the words suggest a crisis, the next page shows crisis lines first.

    Only a yes/no flag goes into the session, never the words.
    """
    from thawing.care.services import support_context

    context = support_context(texts=texts)
    if context is not None:
        # "words" (the writer, now), "past" or "other": which card to show, never the words.
        request.session[SUPPORT_FLAG] = {"self": "words"}.get(context, context)
