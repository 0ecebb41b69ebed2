"""The clinician report (G1, G3) as plain values: what the PDF shows, gathered by a service.

Every value is passed in by the caller, including the day the report was made, so the same
`Report` always renders the same way. Free text the person wrote (notes, journal lines) is
kept out of `repr()`, so a report that reaches a log or a traceback does not carry it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg


@dataclass(frozen=True)
class DayPoint:
    """One local day: mean mood (1-10) and ability to feel (0-10); `None` means no rating."""

    day: date
    mood_mean: float | None = None
    feel_mean: float | None = None
    checkins: int = 0
    cant_tell: int = 0

    @property
    def recorded(self) -> bool:
        return self.checkins > 0 or self.mood_mean is not None or self.feel_mean is not None


@dataclass(frozen=True)
class WeekVariety:
    """How many different emotion words were named in the week starting `week_start` (A4)."""

    week_start: date
    words: int


@dataclass(frozen=True)
class EmotionCount:
    word: str
    count: int


@dataclass(frozen=True)
class ScreeningLine:
    """One questionnaire taken: total out of `max_total` and the published band's label."""

    day: date
    instrument: str
    total: int
    max_total: int
    band: str


@dataclass(frozen=True)
class MedicationChange:
    day: date
    text: str


@dataclass(frozen=True)
class MedicationLine:
    """A medicine (G3); `start` None means before the records, `stop` None means still taken."""

    name: str
    dose: str = ""
    start: date | None = None
    stop: date | None = None
    changes: tuple[MedicationChange, ...] = ()


@dataclass(frozen=True)
class SignalLine:
    """A reason to talk to a professional (G1), already worded for people; `since` may be unknown."""

    title: str
    since: date | None
    why: str


@dataclass(frozen=True)
class PracticeLine:
    """A practice done in the range; `feel_change_mean` is the mean after-minus-before feel, 0-10 scale."""

    name: str
    sessions: int
    minutes: int
    feel_change_mean: float | None = None


@dataclass(frozen=True)
class NumbingDays:
    kind: str
    days: int


@dataclass(frozen=True)
class HabitSummary:
    """Sleep in hours a night, movement in minutes a week; `None` means nothing was logged."""

    sleep_hours_mean: float | None = None
    nights_logged: int = 0
    movement_minutes_per_week: float | None = None
    numbing_days: tuple[NumbingDays, ...] = ()

    @property
    def logged(self) -> bool:
        return (self.nights_logged > 0 or self.sleep_hours_mean is not None
                or self.movement_minutes_per_week is not None or any(n.days for n in self.numbing_days))


@dataclass(frozen=True)
class JournalLine:
    """A journal entry the person chose to share; its words never appear in `repr()`."""

    day: date
    title: str = field(repr=False)
    text: str = field(repr=False)


@dataclass(frozen=True)
class Report:
    """Everything the clinician report shows, for the days `start` to `end` inclusive."""

    person: str
    made_on: date
    start: date
    end: date
    days: tuple[DayPoint, ...] = ()
    weekly_variety: tuple[WeekVariety, ...] = ()
    top_emotions: tuple[EmotionCount, ...] = ()
    screenings: tuple[ScreeningLine, ...] = ()
    medications: tuple[MedicationLine, ...] = ()
    signals: tuple[SignalLine, ...] = ()
    practices: tuple[PracticeLine, ...] = ()
    habits: HabitSummary | None = None
    notes_for_clinician: str = field(default="", repr=False)
    journal: tuple[JournalLine, ...] = ()
    safety_flag_dates: tuple[date, ...] = ()

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise InvalidInput({"end": msg("The end date comes before the start date.")})


@dataclass(frozen=True)
class Summary:
    """The key numbers of a range; a mean is `None` when no day had that rating."""

    days_recorded: int
    checkins: int
    cant_tell_days: int
    mood_mean: float | None
    feel_mean: float | None
    mood_first_half: float | None
    mood_second_half: float | None
    feel_first_half: float | None
    feel_second_half: float | None


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def summarise(days: Iterable[DayPoint], *, start: date | None = None, end: date | None = None) -> Summary:
    """Means of the daily means (each day counts once, whatever its number of check-ins).

    Days outside `start`-`end` are left out. The halves split that calendar range (by default
    the first to the last day given) at its middle; with an odd number of days the middle day
    is in the first half.
    """
    points = sorted((p for p in days if (start is None or p.day >= start) and (end is None or p.day <= end)),
                    key=lambda p: p.day)
    if not points:
        return Summary(0, 0, 0, None, None, None, None, None, None)
    first = start or points[0].day
    length = ((end or points[-1].day) - first).days + 1
    early = [p for p in points if 2 * (p.day - first).days < length]
    late = [p for p in points if 2 * (p.day - first).days >= length]
    return Summary(
        days_recorded=sum(1 for p in points if p.recorded),
        checkins=sum(p.checkins for p in points),
        cant_tell_days=sum(1 for p in points if p.cant_tell > 0),
        mood_mean=_mean(p.mood_mean for p in points),
        feel_mean=_mean(p.feel_mean for p in points),
        mood_first_half=_mean(p.mood_mean for p in early),
        mood_second_half=_mean(p.mood_mean for p in late),
        feel_first_half=_mean(p.feel_mean for p in early),
        feel_second_half=_mean(p.feel_mean for p in late),
    )


def weekly_means(days: Iterable[DayPoint], *, start: date) -> tuple[DayPoint, ...]:
    """Seven-day blocks from `start`, each dated by its first day, holding the mean of its daily
    means and the sums of check-ins and "can't tell" answers; blocks with no day are left out."""
    blocks: dict[date, list[DayPoint]] = {}
    for point in days:
        first = start + timedelta(days=(point.day - start).days // 7 * 7)
        blocks.setdefault(first, []).append(point)
    return tuple(
        DayPoint(first, _mean(p.mood_mean for p in points), _mean(p.feel_mean for p in points),
                 sum(p.checkins for p in points), sum(p.cant_tell for p in points))
        for first, points in sorted(blocks.items())
    )


def is_empty(report: Report) -> bool:
    """True when nothing was recorded in the range: no check-in, questionnaire, practice,
    habit or shared journal entry. Medicines, help signals and notes are context, not records
    of the range, so they alone do not make a report worth printing."""
    habits = report.habits is not None and report.habits.logged
    return not (any(p.recorded for p in report.days) or report.screenings
                or any(p.sessions for p in report.practices) or habits or report.journal
                or any(w.words for w in report.weekly_variety) or report.safety_flag_dates)
