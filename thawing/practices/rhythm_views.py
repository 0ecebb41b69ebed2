"""Daily rhythm and reminders (A2, A5): the settings page and the calendar files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from thawing.core.errors import ThawingError
from thawing.practices import reminders
from thawing.web import errors_of

ICS_TYPE = "text/calendar; charset=utf-8"


def rhythm(request: HttpRequest) -> HttpResponse:
    errors: dict[str, str] = {}
    if request.method == "POST":
        values = request.POST
        times = [t for t in values.getlist("times")]
        try:
            reminders.save_rhythm(
                user=request.user, times=times, quiet_start=values.get("quiet_start", ""),
                quiet_end=values.get("quiet_end", ""), random_prompts=values.get("random_prompts", 0),
                window_start=values.get("window_start", ""), window_end=values.get("window_end", ""),
                body_scan=values.get("body_scan", ""),
            )
        except ThawingError as error:
            errors = errors_of(error)
            shown = {key: values.get(key, "") for key in ("quiet_start", "quiet_end", "random_prompts",
                                                          "window_start", "window_end", "body_scan")}
            shown["times"] = (times + ["", "", ""])[:3]
        else:
            messages.success(request, _("Saved. Download the calendar file again to bring the change "
                                        "to your calendar."))
            return redirect("practices:rhythm")
    else:
        saved = reminders.rhythm_of(request.user)
        shown = {"times": (list(saved.times) + ["", "", ""])[:3], "quiet_start": saved.quiet_start,
                 "quiet_end": saved.quiet_end, "random_prompts": str(saved.random_prompts),
                 "window_start": saved.window_start, "window_end": saved.window_end,
                 "body_scan": saved.body_scan}
    token = reminders.feed_token(request.user)
    return render(request, "practices/rhythm.html", {
        "values": shown, "errors": errors, "has_schedule": bool(reminders.rhythm_of(request.user).times),
        "feed_url": request.build_absolute_uri(reverse("practices:feed", args=[token])),
        "prompt_counts": range(0, 4),
    }, status=400 if errors else 200)


def _ics(request: HttpRequest, user, *, download: bool) -> HttpResponse:
    try:
        body = reminders.calendar_file(user=user, url=request.build_absolute_uri(reverse("checkins:new")))
    except ThawingError:
        raise Http404 from None
    response = HttpResponse(body, content_type=ICS_TYPE)
    if download:
        response["Content-Disposition"] = 'attachment; filename="thawing-reminders.ics"'
    return response


def calendar_download(request: HttpRequest) -> HttpResponse:
    return _ics(request, request.user, download=True)


@login_not_required
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The subscription address calendars fetch: the token is the only key, so it is long.

    While a passphrase profile is locked nothing can be read, so the feed is simply not there.
    """
    from thawing.accounts import services as accounts
    from thawing.accounts import vault

    if accounts.is_local_mode() and accounts.is_set_up() and accounts.local_needs_passphrase() \
            and not vault.is_open():
        raise Http404
    user = reminders.user_for_feed(token)
    if user is None:
        raise Http404
    return _ics(request, user, download=False)


@require_POST
def renew_feed(request: HttpRequest) -> HttpResponse:
    reminders.feed_token(request.user, renew=True)
    messages.success(request, _("A new address is ready. Calendars using the old one will stop updating."))
    return redirect("practices:rhythm")
