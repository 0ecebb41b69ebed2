"""A person's day: their time zone, their local today, and where a local day begins and ends.

"A day" in Thawing is always the person's own local calendar day, kept as a time zone on their
profile while every moment is stored in UTC. Every app asks here, so the rule lives once. It sits
at the bottom of the apps: it reads only the profile model (accounts owns the time zone), so the
accounts services, and every app above them, can import it without a cycle.
"""

from __future__ import annotations

import zoneinfo
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from thawing.accounts.models import Profile


def user_zone(user: AbstractBaseUser) -> zoneinfo.ZoneInfo:
    """The user's time zone (UTC if the profile's zone is no longer known)."""
    try:
        return zoneinfo.ZoneInfo(_profile(user).timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def local_today(user: AbstractBaseUser) -> date:
    """The user's calendar day now, in their own time zone."""
    return timezone.now().astimezone(user_zone(user)).date()


def day_bounds(user: AbstractBaseUser, day: date) -> tuple[datetime, datetime]:
    """The start and end of a local calendar day, as aware datetimes."""
    zone = user_zone(user)
    start = datetime.combine(day, time.min, tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)


def _profile(user: AbstractBaseUser) -> Profile:
    # As accounts.services.profile_for: read once per user object (a page asks for the zone many
    # times), made with defaults if an operator created the user another way. Not imported from
    # there, because the accounts services import this module.
    try:
        return user.profile  # type: ignore[attr-defined]
    except Profile.DoesNotExist:
        profile, _ = Profile.objects.get_or_create(user=user)
        return profile
