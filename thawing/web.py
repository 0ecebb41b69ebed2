"""Small helpers shared by the views of every app."""

from __future__ import annotations

import time
from typing import TypeVar

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.crypto import constant_time_compare, salted_hmac
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


def errors_of(error: ThawingError) -> dict[str, str]:
    """A service error as {field: message} in the active language; "form" when it has no field.

    For pages that lay out their own fields instead of a Django form (`show_errors` is for forms).
    """
    fields = error.fields if isinstance(error, InvalidInput) else {"form": error.message}
    return {name: say(text) for name, text in fields.items()}


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


# Which crisis card a page shows first: "words" (the writer, now), "past", "other" (someone else)
# or "answer" (question 9 of the PHQ-9). From a save to the next page it never goes into the session:
# sessions are stored (django_session in server mode, a readable signed cookie in local mode), and
# that a person wrote crisis words must never be kept anywhere. It travels instead in a cookie of its
# own that lives for one browser session and a few minutes at most, and names nothing: its value is
# a time and a keyed hash of (person, time, card), and the next page finds the card by checking which
# one it signs. Any worker can read it, so it works behind any number of gunicorn workers.
CARDS = ("words", "past", "other", "answer")
NEXT_COOKIE = "thawing_next"
NEXT_SECONDS = 5 * 60
_NEXT_SALT = "thawing.web.next-page"
# Where the card was kept before: dropped from old sessions the next time they are used.
OLD_SUPPORT_FLAG = "thawing-offer-support"


def offer_support(request: HttpRequest, *texts: str | None) -> None:
    """After a save: if the words suggest a crisis, the next page shows crisis lines first.

    Only which card to show travels, never the words, and never in the session.
    """
    from thawing.care.services import support_context

    context = support_context(texts=texts)
    if context is not None:
        show_support_next(request, {"self": "words"}.get(context, context))


def show_support_next(request: HttpRequest, card: str) -> None:
    """The next page this person sees shows `card` (one of CARDS) first, once."""
    request.thawing_card = card  # type: ignore[attr-defined]


def support_card(request: HttpRequest) -> str | None:
    """The crisis card this page shows first, or None; read once, then forgotten."""
    if hasattr(request, "session"):
        request.session.pop(OLD_SUPPORT_FLAG, None)
    card = getattr(request, "thawing_card", None)
    if card is not None:
        # Shown on this very page, so nothing travels on.
        request.thawing_card = None  # type: ignore[attr-defined]
        return card
    raw = request.COOKIES.get(NEXT_COOKIE)
    if not raw:
        return None
    # Whatever it held, the cookie goes with this answer (see carry_support).
    request.thawing_card_read = True  # type: ignore[attr-defined]
    stamp, _, signature = raw.partition(".")
    # A minute of slack for workers on machines whose clocks differ a little.
    if not stamp.isascii() or not stamp.isdecimal() or not -60 <= time.time() - int(stamp) <= NEXT_SECONDS:
        return None
    person = _person(request)
    return next((c for c in CARDS if constant_time_compare(signature, _sign(person, stamp, c))), None)


def carry_support(request: HttpRequest, response: HttpResponse) -> None:
    """On the way out: the card cookie for the next page, or its removal once it was read."""
    card = getattr(request, "thawing_card", None)
    if card in CARDS:
        stamp = str(int(time.time()))
        response.set_cookie(NEXT_COOKIE, f"{stamp}.{_sign(_person(request), stamp, card)}",
                            secure=settings.SESSION_COOKIE_SECURE, httponly=True, samesite="Lax")
    elif getattr(request, "thawing_card_read", False):
        response.delete_cookie(NEXT_COOKIE, samesite="Lax")


def _person(request: HttpRequest) -> str:
    user = getattr(request, "user", None)
    return str(user.pk) if user is not None and user.is_authenticated else ""


def _sign(person: str, stamp: str, card: str) -> str:
    return salted_hmac(_NEXT_SALT, f"{person}:{stamp}:{card}", algorithm="sha256").hexdigest()
