"""Daily rhythm and reminders (A2, A5): the schedule on the profile, and its calendar file.

Part of the practices services door. Reminders reach the person through their own calendar
(an .ics download or a subscription address), never through a cloud service of ours.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import time

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from django.utils.translation import gettext as _

from thawing.accounts.days import local_today, user_zone
from thawing.accounts.models import Profile
from thawing.accounts.services import profile_for
from thawing.core import reminders as core
from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg

FEED_DAYS = 14


@dataclass(frozen=True)
class Rhythm:
    """The saved schedule as the form shows it: times as "HH:MM", empty when not set."""

    times: tuple[str, ...]
    quiet_start: str
    quiet_end: str
    random_prompts: int
    window_start: str
    window_end: str
    body_scan: str


def _clock(moment: time | None) -> str:
    return moment.strftime("%H:%M") if moment else ""


def rhythm_of(user: AbstractBaseUser) -> Rhythm:
    profile = profile_for(user)
    times = tuple(profile.reminder_times) or ((_clock(profile.checkin_time),) if profile.checkin_time else ())
    return Rhythm(times=times, quiet_start=_clock(profile.quiet_start), quiet_end=_clock(profile.quiet_end),
                  random_prompts=profile.random_prompts, window_start=_clock(profile.window_start),
                  window_end=_clock(profile.window_end), body_scan=_clock(profile.body_scan_time))


def schedule_of(user: AbstractBaseUser) -> core.Schedule | None:
    """The person's schedule, or None when they chose no reminder time yet."""
    rhythm = rhythm_of(user)
    if not rhythm.times:
        return None
    return core.parse_schedule(
        times=rhythm.times, quiet_start=rhythm.quiet_start, quiet_end=rhythm.quiet_end,
        random_prompts=rhythm.random_prompts, window_start=rhythm.window_start,
        window_end=rhythm.window_end, zone=profile_for(user).timezone, body_scan=rhythm.body_scan,
    )


def save_rhythm(
    *,
    user: AbstractBaseUser,
    times: list[str] | tuple[str, ...],
    quiet_start: str = "",
    quiet_end: str = "",
    random_prompts: int | str = 0,
    window_start: str = "",
    window_end: str = "",
    body_scan: str = "",
) -> core.Schedule:
    """Check and keep 1-3 daily times, quiet hours, random prompts and a body check-in time."""
    profile = profile_for(user)
    if not any((t or "").strip() for t in times):
        raise InvalidInput({"times": msg("Choose at least one time of day for a check-in.")})
    schedule = core.parse_schedule(
        times=list(times), quiet_start=quiet_start or "", quiet_end=quiet_end or "",
        random_prompts=random_prompts if random_prompts not in (None, "") else 0,
        window_start=window_start or "", window_end=window_end or "", zone=profile.timezone,
        body_scan=body_scan or "",
    )
    profile.reminder_times = [_clock(t) for t in schedule.times]
    profile.checkin_time = schedule.times[0]
    profile.quiet_start, profile.quiet_end = schedule.quiet_start, schedule.quiet_end
    profile.random_prompts = schedule.random_prompts
    has_window = schedule.random_prompts > 0
    profile.window_start = schedule.window_start if has_window else None
    profile.window_end = schedule.window_end if has_window else None
    profile.body_scan_time = schedule.body_scan
    profile.save()
    return schedule


def feed_token(user: AbstractBaseUser, *, renew: bool = False) -> str:
    """The secret part of the subscription address; renewing it cuts off old subscriptions."""
    profile = profile_for(user)
    if renew or not profile.feed_token:
        profile.feed_token = secrets.token_urlsafe(24)
        profile.save(update_fields=["feed_token"])
    return profile.feed_token


def user_for_feed(token: str) -> AbstractBaseUser | None:
    if not token or len(token) > 64:
        return None
    profile = Profile.objects.filter(feed_token=token).select_related("user").first()
    return profile.user if profile else None


def calendar_file(*, user: AbstractBaseUser, url: str | None = None) -> bytes:
    """The person's reminders as an iCalendar file for the next two weeks (RFC 5545)."""
    schedule = schedule_of(user)
    if schedule is None:
        raise InvalidInput({"times": msg("Choose at least one time of day for a check-in first.")})
    # UIDs must be unique worldwide and stable for this person: derive them from a private value.
    private = hashlib.sha256(f"{settings.SECRET_KEY}:reminders:{user.pk}".encode()).hexdigest()[:16]
    titles = {"calendar": _("Thawing reminders"), "checkin": _("Check in with Thawing"),
              "body_scan": _("Ten minutes for a body check-in"),
              "flicker": _("Any flicker of feeling right now?"),
              "alarm": _("A gentle nudge from Thawing. Skipping is fine too.")}
    return core.calendar(schedule, start=local_today(user), days=FEED_DAYS, seed=private,
                         uid_domain=f"{private}.thawing.invalid", titles=titles, url=url,
                         now=timezone.now().astimezone(user_zone(user)))
