"""The profile: optional name, time zone, country (for helplines) and check-in time."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import time

from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg

NAME_MAX = 80


@dataclass(frozen=True)
class ProfileData:
    name: str
    timezone: str
    country: str
    checkin_time: time | None


def build_profile(
    *,
    name: str | None,
    timezone: str | None,
    country: str | None,
    checkin_time: str | time | None,
    zones: Collection[str],
    countries: Collection[str],
) -> ProfileData:
    """Checked profile values; InvalidInput names every problem at once."""
    errors: dict[str, str] = {}
    clean_name = (name or "").replace("\x00", "").strip()
    if len(clean_name) > NAME_MAX:
        errors["name"] = msg("A name can be up to %(n)s characters.", n=NAME_MAX)
    zone = (timezone or "").strip() or "UTC"
    if zone not in zones:
        errors["timezone"] = msg(
            "I don\u2019t know the time zone \u201c%(zone)s\u201d. It looks like "
            "Europe/Paris or America/Chicago.", zone=zone)
    code = (country or "").strip().upper()
    if code and code not in countries:
        errors["country"] = msg(
            "I don\u2019t know the country code \u201c%(code)s\u201d. It is two letters, "
            "like GB, US or DE.", code=code)
    when: time | None = None
    if isinstance(checkin_time, time):
        when = checkin_time
    elif checkin_time and checkin_time.strip():
        try:
            when = time.fromisoformat(checkin_time.strip())
        except ValueError:
            errors["checkin_time"] = msg("A check-in time looks like 20:30.")
    if errors:
        raise InvalidInput(errors)
    return ProfileData(name=clean_name, timezone=zone, country=code, checkin_time=when)
