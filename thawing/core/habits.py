"""Healthy habits (F1, F2, C5): sleep notes against the person's own baseline, weekly movement.

Nights and minutes arrive as plain mappings of local day -> value; nothing here reads the clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

# Adults do best on at least 7 hours; the popular upper bound is 9 (clinical.md section 6).
SLEEP_LOW_HOURS, SLEEP_HIGH_HOURS = 7.0, 9.0
# "Moves more than about two hours from the person's own two-week baseline".
SLEEP_SHIFT_HOURS = 2.0
RECENT_DAYS, BASELINE_DAYS = 7, 14
# A week's average needs most of its nights; a baseline needs half of its fortnight.
RECENT_MIN_NIGHTS, BASELINE_MIN_NIGHTS = 5, 7

# WHO 2020: 150-300 minutes of moderate activity a week, e.g. 30 minutes on 5 days.
WEEKLY_MOVEMENT_MINUTES = 150
ACTIVE_DAY_MINUTES = 30
ACTIVE_DAYS_GOAL = 5


@dataclass(frozen=True)
class SleepNote:
    """A gentle observation about sleep (F1): `kind` is "shift", "short" or "long"."""

    kind: str
    since: date
    recent_hours: float
    baseline_hours: float | None
    nights: int


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 2)


def sleep_notes(nights: Mapping[date, float], *, today: date) -> list[SleepNote]:
    """Notes about the last 7 nights (hours slept, by the day the person woke); F1, G1.

    "shift": the week's average is more than 2 hours from the 14 days before it;
    "short"/"long": every logged night of the week was under 7 or over 9 hours.
    Both need at least 5 logged nights in the week; the shift needs 7 in the fortnight.
    """
    recent_start = today - timedelta(days=RECENT_DAYS - 1)
    recent = [hours for day, hours in nights.items() if recent_start <= day <= today]
    if len(recent) < RECENT_MIN_NIGHTS:
        return []
    baseline_start = recent_start - timedelta(days=BASELINE_DAYS)
    before = [hours for day, hours in nights.items() if baseline_start <= day < recent_start]
    average = _mean(recent)
    baseline = _mean(before) if len(before) >= BASELINE_MIN_NIGHTS else None
    notes = []
    if baseline is not None and abs(average - baseline) > SLEEP_SHIFT_HOURS:
        notes.append(SleepNote("shift", recent_start, average, baseline, len(recent)))
    if all(hours < SLEEP_LOW_HOURS for hours in recent):
        notes.append(SleepNote("short", recent_start, average, baseline, len(recent)))
    elif all(hours > SLEEP_HIGH_HOURS for hours in recent):
        notes.append(SleepNote("long", recent_start, average, baseline, len(recent)))
    return notes


@dataclass(frozen=True)
class MovementWeek:
    """Movement from Monday `start` for 7 days, against 150 minutes (30 on 5 days); C5."""

    start: date
    minutes_by_day: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.minutes_by_day)

    @property
    def active_days(self) -> int:
        return sum(1 for minutes in self.minutes_by_day if minutes >= ACTIVE_DAY_MINUTES)

    @property
    def share(self) -> float:
        """How far along the weekly 150 minutes, 0.0 to 1.0 (capped)."""
        return min(1.0, self.total / WEEKLY_MOVEMENT_MINUTES)

    @property
    def reached(self) -> bool:
        return self.total >= WEEKLY_MOVEMENT_MINUTES


def week_start(day: date) -> date:
    """The Monday of the week `day` falls in."""
    return day - timedelta(days=day.weekday())


def movement_week(minutes: Mapping[date, int], *, day: date) -> MovementWeek:
    """The movement of the Monday-to-Sunday week holding `day`; days not logged count 0."""
    start = week_start(day)
    return MovementWeek(start, tuple(int(minutes.get(start + timedelta(days=i)) or 0)
                                     for i in range(7)))
