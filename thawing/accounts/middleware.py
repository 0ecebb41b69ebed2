"""Request handling shared by every page: first run, sign-in, time zone, security headers."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone

from thawing import problems
from thawing.accounts import local_only, services, vault
from thawing.accounts.days import user_zone
from thawing.core.errors import ThawingError
from thawing.web import carry_support, say

Handler = Callable[[HttpRequest], HttpResponse]

# No inline script or style anywhere, no outside source of anything.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
OPEN_PREFIXES = ("/setup/", "/help/", "/static/", "/api/", "/signin/", "/signup/")


def security_headers(get_response: Handler) -> Handler:
    def middleware(request: HttpRequest) -> HttpResponse:
        api = request.path.startswith("/api/")
        try:
            _drop_nul(request)
        except problems.TOO_LARGE:
            if not api:
                raise
            response: HttpResponse = problems.problem(413)
        else:
            response = get_response(request)
        if api and response.status_code >= 400 and not response.get(
                "Content-Type", "").startswith("application/json"):
            # The API answers in JSON even when Django's own machinery refuses a request or fails.
            refused, response = response, problems.problem(response.status_code)
            if refused.has_header("Allow"):
                response["Allow"] = refused["Allow"]
        carry_support(request, response)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.user.is_authenticated if hasattr(request, "user") else False:
            # Pages about feelings are never kept in shared caches.
            response.setdefault("Cache-Control", "no-store")
        return response

    return middleware


def _drop_nul(request: HttpRequest) -> None:
    """NUL characters mean nothing in text and PostgreSQL refuses them: drop them from the
    query string and form fields before anything reads them (nothing else typed is lost)."""
    if "%00" in request.META.get("QUERY_STRING", ""):
        request.GET = _without_nul(request.GET)
    # Uploads are left alone: reading them here would fix their handlers before the view can.
    if request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
        if any("\x00" in value for values in request.POST.lists() for value in values[1]):
            request.POST = _without_nul(request.POST)


def _without_nul(data: QueryDict) -> QueryDict:
    cleaned = data.copy()
    for key, values in data.lists():
        cleaned.setlist(key, [value.replace("\x00", "") for value in values])
    cleaned._mutable = False
    return cleaned


def first_run(get_response: Handler) -> Handler:
    """Local mode: send the first visit to set-up; open a profile without a passphrase.

    While a passphrase profile is locked (its data key not given in this process), nobody is
    signed in, whatever the session cookie says: the encrypted database cannot be read anyway.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        if settings.THAWING_MODE != "local":
            return get_response(request)
        if not services.is_set_up():
            request.user = AnonymousUser()
            return get_response(request) if request.path.startswith(OPEN_PREFIXES) else redirect(
                "accounts:setup")
        try:
            needs_passphrase = services.local_needs_passphrase()
        except ThawingError as error:
            # The data folder is damaged (no unlock file): say so instead of crashing.
            request.user = AnonymousUser()
            if request.path.startswith(OPEN_PREFIXES):
                return get_response(request)
            return render(request, "accounts/problem.html", {"message": say(error.message)},
                          status=503)
        if not vault.still_current():
            # Another process replaced the database (a restore, a new key): the key held here is
            # no use for it, so this process locks and asks again.
            vault.lock()
        if needs_passphrase and not vault.is_open():
            request.user = AnonymousUser()
            return get_response(request)
        if not needs_passphrase and not local_only.is_from_this_computer(request.META):
            # Without a passphrase there is nothing to sign in with: nobody elsewhere (or behind a
            # proxy, where everyone looks like this computer) is let in, whatever cookie they hold.
            request.user = AnonymousUser()
            if request.path.startswith(("/signin/", "/setup/")):
                return render(request, "accounts/problem.html",
                              {"message": say(local_only.ELSEWHERE_REFUSED)}, status=403)
            return get_response(request)
        if not needs_passphrase and not vault.is_open():
            vault.open_with(None, only_if_closed=True)
        # Without a passphrase, only a browser on this very computer is let in unasked.
        if (not needs_passphrase and not request.user.is_authenticated
                and not request.path.startswith(OPEN_PREFIXES)):
            login(request, services.unlock_local(passphrase=None),
                  backend="django.contrib.auth.backends.ModelBackend")
        return get_response(request)

    return middleware


class RequireSignIn(LoginRequiredMiddleware):
    """Django's sign-in requirement, except for the API, which answers 401 in JSON itself."""

    def process_view(self, request, view_func, view_args, view_kwargs):  # type: ignore[no-untyped-def]
        if request.path.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


def user_time_zone(get_response: Handler) -> Handler:
    """Show every date and time in the person's own time zone."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            timezone.activate(user_zone(request.user))
        else:
            timezone.deactivate()
        return get_response(request)

    return middleware
