"""Insights (H2, A6, and the evidence loop for C and D): the one door for pages, API and CLI.

Everything is read with a handful of narrow queries and reduced in `thawing.core.insights`,
so ten years of records stay fast. Insights have no tables of their own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser

from thawing import content
from thawing.accounts.days import day_bounds, local_today, user_zone
from thawing.checkins.models import CheckIn, CheckInEmotion
from thawing.checkins.services import DayMeans, means_by_day
from thawing.core import insights as core
from thawing.core.habits import week_start
from thawing.habits.models import DayHabits, Numbing
from thawing.practices.models import Activity, Connection, Session

DEFAULT_DAYS = 365
# Ten years at most, as for the report: an earlier `since` starts here, so that one request never
# reads and reduces a whole lifetime of days (since=0001-01-01 took 16 s). The range says where.
LONGEST_DAYS = 3660
# A chosen word without an intensity counts as "some" (3 of 5); unchosen words count 0.
UNRATED_INTENSITY = 3
SLEEP_ENOUGH_HOURS = 7
ACTIVE_MINUTES = 30


@dataclass(frozen=True)
class Range:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class SessionChange:
    kind: str
    name: str
    association: core.Association


@dataclass(frozen=True)
class Insights:
    """Every figure the insights page, the API and `thawing insights` show, for one range."""

    range: Range
    days: list[DayMeans]
    mood_rolling: list[tuple[date, float | None]]
    feel_rolling: list[tuple[date, float | None]]
    variety: list[tuple[date, int]]
    flickers: list[tuple[date, int]]
    nights: dict[date, float]
    movement: dict[date, int]
    metrics: dict[str, dict[str, core.Metric]]
    differentiation: dict[str, core.Differentiation]
    findings: list[core.Finding]
    factor_names: dict[str, str]
    sessions: list[SessionChange]
    words_total: int
    checkins: int

    @property
    def empty(self) -> bool:
        return self.checkins == 0

    @property
    def cant_tell_days(self) -> int:
        return sum(1 for d in self.days if d.checkins and d.mood is None)

    def variety_trend(self) -> tuple[float | None, float | None]:
        """Mean distinct words a week in the first and second half of the weeks shown."""
        counts = [n for _, n in self.variety]
        if len(counts) < 4:
            return None, None
        half = len(counts) // 2
        return round(sum(counts[:half]) / half, 1), round(sum(counts[half:]) / (len(counts) - half), 1)


def parse_since(*, user: AbstractBaseUser, since: date | None) -> Range:
    today = local_today(user)
    start = since or today - timedelta(days=DEFAULT_DAYS - 1)
    start = max(start, today - timedelta(days=LONGEST_DAYS - 1))
    return Range(min(start, today), today)


def _differentiation(occasions: dict[int, dict[str, int]]) -> dict[str, core.Differentiation]:
    """Unpleasant and pleasant emotion differentiation (H2).

    Each side reads the check-ins that named at least one word of that side; on those, a word of
    the side that was not named counts as 0 (not felt), as in a questionnaire rating every item.
    """
    import numpy as np

    vocabulary = content.vocabulary()
    valence = {}
    for words in occasions.values():
        for word in words:
            if word not in valence:
                emotion = vocabulary.get(word)
                valence[word] = emotion.valence if emotion is not None else 0
    result = {}
    for side, sign in (("unpleasant", -1), ("pleasant", 1)):
        columns = sorted(w for w, v in valence.items() if v * sign > 0)
        index = {w: i for i, w in enumerate(columns)}
        rows = [words for words in occasions.values() if any(w in index for w in words)]
        matrix = np.zeros((len(rows), len(columns)))
        for row, words in enumerate(rows):
            for word, intensity in words.items():
                if word in index:
                    matrix[row, index[word]] = intensity
        result[side] = core.emotion_differentiation(matrix if columns else [])
    return result


def insights(*, user: AbstractBaseUser, since: date | None = None) -> Insights:
    """Trends, range of feeling, granularity and what seems to help, for `since` to today (H2)."""
    span = parse_since(user=user, since=since)
    zone = user_zone(user)
    begin, finish = day_bounds(user, span.start)[0], day_bounds(user, span.end)[1]
    # What helps looks one day beyond each record, so the outcome reads a day further.
    checkin_rows = list(CheckIn.objects.filter(user=user, at__gte=begin, at__lt=finish)
                        .values_list("pk", "at", "mood", "feel", "flicker").order_by("at"))
    day_of = {pk: at.astimezone(zone).date() for pk, at, *_ in checkin_rows}
    days = means_by_day([(day_of[pk], mood, feel) for pk, _, mood, feel, _ in checkin_rows])
    flickers: dict[date, int] = defaultdict(int)
    for pk, _, _, _, flicker in checkin_rows:
        if flicker:
            flickers[week_start(day_of[pk])] += 1
    words_by_day: dict[date, set[str]] = defaultdict(set)
    occasions: dict[int, dict[str, int]] = defaultdict(dict)
    words_total = 0
    for checkin_id, word, intensity in (CheckInEmotion.objects.filter(user=user, checkin__at__gte=begin,
                                                                      checkin__at__lt=finish)
                                        .values_list("checkin_id", "emotion", "intensity")):
        if checkin_id not in day_of:
            # A check-in saved between the two reads: it shows next time.
            continue
        words_by_day[day_of[checkin_id]].add(word)
        occasions[checkin_id][word] = intensity or UNRATED_INTENSITY
        words_total += 1
    for pk in day_of:
        words_by_day.setdefault(day_of[pk], set())
    mood_by_day = {d.day: d.mood for d in days}
    feel_by_day = {d.day: d.feel for d in days}
    habit_rows = list(DayHabits.objects.filter(user=user, day__gte=span.start, day__lte=span.end)
                      .values_list("day", "sleep_hours", "movement_minutes"))
    nights = {d: float(h) for d, h, _ in habit_rows if h is not None}
    movement = {d: m for d, _, m in habit_rows if m is not None}
    factors, names = _factors(user, span, zone, nights, movement)
    # Only days with a check-in are compared: a day with no record at all says nothing either way.
    checked_days = [d.day for d in days]
    outcomes = {"feel": feel_by_day, "mood": mood_by_day}
    mood_series = [d.mood for d in days]
    feel_series = [d.feel for d in days]
    return Insights(
        range=span, days=days,
        mood_rolling=core.rolling_mean(mood_by_day, start=span.start, end=span.end) if days else [],
        feel_rolling=core.rolling_mean(feel_by_day, start=span.start, end=span.end) if days else [],
        variety=[(w, n) for w, n in core.weekly_variety(words_by_day)],
        flickers=sorted(flickers.items()),
        nights=nights, movement=movement,
        metrics={name: {"sd": core.variability(series), "mssd": core.mssd(series),
                        "inertia": core.inertia(series)}
                 for name, series in (("mood", mood_series), ("feel", feel_series))},
        differentiation=_differentiation(occasions),
        findings=core.what_helps(outcomes, factors, days=checked_days) if factors and days else [],
        factor_names=names, sessions=_sessions(user, begin, finish),
        words_total=words_total, checkins=len(checkin_rows),
    )


def _factors(user, span: Range, zone, nights: dict[date, float], movement: dict[date, int]):
    """Days with each activity, practice kind, connection, numbing kind and habit (H2)."""
    begin, finish = day_bounds(user, span.start)[0], day_bounds(user, span.end)[1]
    factors: dict[str, set[date]] = defaultdict(set)
    names: dict[str, str] = {}
    for kind, at in Session.objects.filter(user=user, at__gte=begin, at__lt=finish).values_list("kind", "at"):
        factors[f"practice:{kind}"].add(at.astimezone(zone).date())
    for kind, day in (Activity.objects.filter(user=user, done_on__gte=span.start, done_on__lte=span.end)
                      .values_list("kind", "done_on")):
        factors[f"doing:{kind}"].add(day)
    for day in Connection.objects.filter(user=user, on__gte=span.start, on__lte=span.end).values_list("on",
                                                                                                      flat=True):
        factors["connection"].add(day)
    for kind, day in Numbing.objects.filter(user=user, day__gte=span.start, day__lte=span.end).values_list(
            "kind", "day"):
        factors[f"numbing:{kind}"].add(day)
    factors["habit:slept-7"] = {d for d, h in nights.items() if h >= SLEEP_ENOUGH_HOURS}
    factors["habit:moved-30"] = {d for d, m in movement.items() if m >= ACTIVE_MINUTES}
    numbing = {i.id: i.text for i in content.ideas().section("numbing")}
    for key in factors:
        group, _, code = key.partition(":")
        names[key] = numbing.get(code, code) if group == "numbing" else code
    return {k: v for k, v in factors.items() if v}, names


def _sessions(user, begin, finish) -> list[SessionChange]:
    """Before/after change in "how much can you feel" per exercise kind (C1-C6)."""
    pairs: dict[str, list[tuple[float | None, float | None]]] = defaultdict(list)
    for kind, before, after in (Session.objects.filter(user=user, at__gte=begin, at__lt=finish)
                                .values_list("kind", "feel_before", "feel_after")):
        pairs[kind].append((before, after))
    return [SessionChange(kind, kind, core.before_after(rows)) for kind, rows in sorted(pairs.items())]
