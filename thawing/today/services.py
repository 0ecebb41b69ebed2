"""What Today shows, gathered once for the web page, the API and the CLI alike."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from thawing import content
from thawing.accounts.days import local_today
from thawing.checkins.models import CheckIn, Episode
from thawing.checkins.services import checkins_on, current_episode
from thawing.core.prompts import Prompt
from thawing.journal.services import entries_on
from thawing.practices.services import pace_of

# Prompt categories that can stir up a lot: held back from Today at a gentle pace (G6).
GENTLE_SKIPS = ("letters", "unsaid")


@dataclass(frozen=True)
class DaySummary:
    """Everything the Today page shows, for the web page, the API and the CLI alike."""

    day: date
    checkins: list[CheckIn]
    episode: Episode | None
    entries: list[Any]
    prompt: Prompt

    @property
    def flickers(self) -> list[str]:
        return [c.flicker for c in self.checkins if c.flicker]


def today_summary(*, user: AbstractBaseUser) -> DaySummary:
    """Today's check-ins (newest first), flickers, writing, prompt and open episode."""
    today = local_today(user)
    # At a gentle pace the day's prompt is never one of the stronger kinds (G6).
    skip = GENTLE_SKIPS if pace_of(user) == "gentle" else ()
    return DaySummary(day=today, checkins=checkins_on(user=user, day=today),
                      episode=current_episode(user=user), entries=entries_on(user=user, day=today),
                      prompt=content.prompts().of_the_day(today, skip=skip))
