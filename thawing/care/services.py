"""Getting help (G5): crisis lines for the person's country, always reachable."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from thawing import content
from thawing.care.models import SafetyPlan
from thawing.core.helplines import CountryHelp
from thawing.core.safety import crisis_signals
from thawing.core.safety_plan import build_plan


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


def get_safety_plan(*, user: AbstractBaseUser) -> SafetyPlan:
    """The person's safety plan; an empty one (not saved) before they write anything."""
    return SafetyPlan.objects.filter(user=user).first() or SafetyPlan(user=user)


def save_safety_plan(*, user: AbstractBaseUser, **sections: str | None) -> SafetyPlan:
    """Save every section at once; InvalidInput (nothing saved) if a section is too long."""
    values = build_plan(sections)
    plan, _ = SafetyPlan.objects.update_or_create(user=user, defaults=values)
    return plan
