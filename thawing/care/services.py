"""Getting help (G5): crisis lines for the person's country, always reachable."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from thawing import content
from thawing.core.helplines import CountryHelp


def help_for(*, user: AbstractBaseUser | AnonymousUser | None, country: str | None = None) -> CountryHelp:
    """Helplines for `country`, else the user's profile country, else the fallback."""
    if not country and user is not None and user.is_authenticated:
        from thawing.accounts.services import profile_for

        country = profile_for(user).country
    return content.helplines().for_country(country)
