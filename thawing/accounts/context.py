from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

import thawing
from thawing.core.errors import ThawingError
from thawing.web import support_card


def _has_passphrase() -> bool:
    from thawing.accounts import services

    try:
        return services.local_needs_passphrase()
    except ThawingError:
        return False


def thawing_context(request: HttpRequest) -> dict[str, Any]:
    """Values every template may use: the mode and the version."""
    support, reason = None, support_card(request)
    if reason:
        from thawing.care.services import help_for

        support = help_for(user=request.user)
    return {
        "thawing_support": support,
        "thawing_support_reason": reason,
        "thawing_mode": settings.THAWING_MODE,
        "thawing_signup": settings.THAWING_SIGNUP,
        "thawing_version": thawing.__version__,
        "thawing_can_lock": settings.THAWING_MODE != "local" or _has_passphrase(),
        "thawing_reminders": _reminder_times(request),
    }


def _reminder_times(request: HttpRequest) -> str:
    """The person's check-in times, for browser notifications while the app is open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    profile = getattr(user, "profile", None)
    return " ".join(profile.reminder_times) if profile is not None else ""
