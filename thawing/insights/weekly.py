"""The weekly review (H2): what you did and small shifts, with no score to beat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser

from thawing import content
from thawing.accounts.days import day_bounds, local_today
from thawing.checkins.models import CheckIn, CheckInEmotion
from thawing.core.prompts import Prompt
from thawing.practices.models import Activity, Connection, Session


@dataclass(frozen=True)
class Week:
    start: date
    end: date
    checkin_days: int
    checkins: int
    words: set[str]
    flickers: list[str]
    sessions: int
    session_minutes: int
    activities: list[str]
    connections: int
    feel_mean: float | None


@dataclass(frozen=True)
class Review:
    this: Week
    before: Week
    new_words: list[str]
    prompt: Prompt


def _week(user: AbstractBaseUser, start: date, end: date) -> Week:
    begin, finish = day_bounds(user, start)[0], day_bounds(user, end)[1]
    checkins = CheckIn.objects.filter(user=user, at__gte=begin, at__lt=finish)
    rows = list(checkins.values_list("at", "feel", "flicker"))
    zone = begin.tzinfo
    feels = [f for _, f, _ in rows if f is not None]
    sessions = list(Session.objects.filter(user=user, at__gte=begin, at__lt=finish).values_list("seconds",
                                                                                                 flat=True))
    return Week(
        start=start, end=end, checkin_days=len({at.astimezone(zone).date() for at, _, _ in rows}),
        checkins=len(rows),
        words=set(CheckInEmotion.objects.filter(user=user, checkin__in=checkins).values_list("emotion",
                                                                                             flat=True)),
        flickers=[flicker for _, _, flicker in rows if flicker],
        sessions=len(sessions), session_minutes=sum(sessions) // 60,
        activities=list(Activity.objects.filter(user=user, done_on__gte=start, done_on__lte=end)
                        .values_list("title", flat=True)),
        connections=Connection.objects.filter(user=user, on__gte=start, on__lte=end).count(),
        feel_mean=round(sum(feels) / len(feels), 1) if feels else None,
    )


def review(*, user: AbstractBaseUser) -> Review:
    """The last seven days beside the seven before, and one reflection prompt."""
    today = local_today(user)
    this = _week(user, today - timedelta(days=6), today)
    before = _week(user, today - timedelta(days=13), today - timedelta(days=7))
    vocabulary = content.vocabulary()
    new = sorted(this.words - before.words)
    prompts = content.prompts().in_category("reflection")
    return Review(this, before, [vocabulary.get(w).name if vocabulary.get(w) else w for w in new],
                  prompts[today.toordinal() // 7 % len(prompts)])
