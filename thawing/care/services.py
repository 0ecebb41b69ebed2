"""Getting help (G5): crisis lines for the person's country, always reachable."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from thawing import content
from thawing.core.helplines import CountryHelp
from thawing.core.safety import crisis_signals


def help_for(*, user: AbstractBaseUser | AnonymousUser | None, country: str | None = None) -> CountryHelp:
    """Helplines for `country`, else the user's profile country, else the fallback."""
    if not country and user is not None and user.is_authenticated:
        from thawing.accounts.services import profile_for

        country = profile_for(user).country
    return content.helplines().for_country(country)


def support_needed(*, texts: Iterable[str | None]) -> bool:
    """True when any of these texts suggests a crisis (G5); read locally, kept nowhere."""
    return any(crisis_signals(text) for text in texts if text)


def support_for(
    *, user: AbstractBaseUser | AnonymousUser | None, texts: Iterable[str | None]
) -> CountryHelp | None:
    """The crisis lines to show at once after saving these texts, or None when not needed."""
    return help_for(user=user) if support_needed(texts=texts) else None
