"""Sleep, meals, movement and numbing behaviours (F1, F2, F5, C5): part of the services door.

Numbing behaviours are noted neutrally; nothing here scolds or counts streaks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser

from thawing import content
from thawing.accounts.days import local_today
from thawing.core import habits as core_habits
from thawing.core.errors import InvalidInput, NotFound
from thawing.core.i18n import msg
from thawing.core.mood import clean_text, parse_day
from thawing.core.values import checked, one_of, parse_decimal, parse_whole
from thawing.habits.models import DayHabits, Numbing

NOTE_MAX = 5_000
AMOUNTS = ("", "a_little", "some", "a_lot")


def _day(value: str | date | None, user: AbstractBaseUser, field: str = "day") -> date:
    today = local_today(user)
    day = value if isinstance(value, date) else parse_day(value, field=field)
    if day is None:
        return today
    if day > today:
        raise InvalidInput({field: msg("That day hasn\u2019t come yet. Choose today or earlier.")})
    return day


def record_habits(
    *,
    user: AbstractBaseUser,
    day: str | date | None = None,
    sleep_hours: str | float | None = None,
    sleep_quality: str | int | None = None,
    meals: str | int | None = None,
    movement_minutes: str | int | None = None,
) -> DayHabits:
    """Save one day's habits; an empty field means "not noted", never zero."""
    checks = {
        "day": lambda: _day(day, user),
        "sleep_hours": lambda: parse_decimal(sleep_hours, field="sleep_hours", low=0, high=24,
                                             label=msg("Hours slept")),
        "sleep_quality": lambda: parse_whole(sleep_quality, field="sleep_quality", low=1, high=5,
                                             label=msg("Sleep quality")),
        "meals": lambda: parse_whole(meals, field="meals", low=0, high=8, label=msg("Meals")),
        "movement_minutes": lambda: parse_whole(movement_minutes, field="movement_minutes", low=0,
                                                high=1440, label=msg("Minutes of movement")),
    }
    values = checked(checks)
    the_day = values.pop("day")
    if values["sleep_hours"] is not None:
        values["sleep_hours"] = Decimal(str(values["sleep_hours"]))
    row, _ = DayHabits.objects.update_or_create(user=user, day=the_day, defaults=values)
    return row


def habits_on(*, user: AbstractBaseUser, day: date) -> DayHabits | None:
    return DayHabits.objects.filter(user=user, day=day).first()


def list_habits(
    *, user: AbstractBaseUser, since: date | None = None, limit: int | None = None, offset: int = 0
) -> list[DayHabits]:
    queryset = DayHabits.objects.filter(user=user)
    if since is not None:
        queryset = queryset.filter(day__gte=since)
    return list(queryset[offset:offset + limit] if limit else queryset[offset:])


def numbing_kinds() -> tuple[str, ...]:
    return tuple(idea.id for idea in content.ideas().section("numbing"))


def log_numbing(
    *,
    user: AbstractBaseUser,
    kind: str | None,
    day: str | date | None = None,
    amount: str | None = "",
    to_cope: bool = False,
    note: str | None = "",
) -> Numbing:
    """Note a numbing behaviour on a day (F5), without judgement."""
    checks = {
        "kind": lambda: one_of(kind, field="kind", choices=numbing_kinds(), label=msg("What")),
        "day": lambda: _day(day, user),
        "amount": lambda: one_of(amount or "", field="amount", choices=AMOUNTS, label=msg("How much")),
        "note": lambda: clean_text("note", note, limit=NOTE_MAX, label=msg("This note")),
    }
    values = checked(checks)
    return Numbing.objects.create(user=user, to_cope=bool(to_cope), **values)


def list_numbing(
    *, user: AbstractBaseUser, since: date | None = None, limit: int | None = None, offset: int = 0
) -> list[Numbing]:
    queryset = Numbing.objects.filter(user=user)
    if since is not None:
        queryset = queryset.filter(day__gte=since)
    return list(queryset[offset:offset + limit] if limit else queryset[offset:])


def delete_numbing(*, user: AbstractBaseUser, numbing_id: int) -> None:
    deleted, _ = Numbing.objects.filter(user=user, pk=numbing_id).delete()
    if not deleted:
        raise NotFound(msg("That note isn\u2019t here any more."))


@dataclass(frozen=True)
class HabitsWeek:
    """What the habits page, the API and the CLI show for the week holding `day`."""

    day: date
    today: DayHabits | None
    movement: core_habits.MovementWeek
    sleep_notes: list[core_habits.SleepNote]
    nights: list[tuple[date, float | None]]
    numbing: list[Numbing]


def habits_week(*, user: AbstractBaseUser, day: date | None = None) -> HabitsWeek:
    """The movement week, the last 7 nights and sleep notes against the person's own baseline."""
    day = day or local_today(user)
    since = day - timedelta(days=7 + core_habits.BASELINE_DAYS)
    rows = DayHabits.objects.filter(user=user, day__gte=since, day__lte=day)
    nights = {r.day: float(r.sleep_hours) for r in rows if r.sleep_hours is not None}
    minutes = {r.day: r.movement_minutes or 0 for r in rows}
    return HabitsWeek(
        day=day,
        today=next((r for r in rows if r.day == day), None),
        movement=core_habits.movement_week(minutes, day=day),
        sleep_notes=core_habits.sleep_notes(nights, today=day),
        nights=[(day - timedelta(days=i), nights.get(day - timedelta(days=i))) for i in range(6, -1, -1)],
        numbing=list(Numbing.objects.filter(user=user, day__gte=day - timedelta(days=6), day__lte=day)),
    )
