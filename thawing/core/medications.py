"""Medications and feeling (G3): dated before/after observations to bring to a prescriber.

Each start, dose change and stop of a medicine is an event. For each, the mean of a daily
measure ("how much can you feel", mood) over the 28 days before is set beside the mean after
it, until the next event of that medicine or today. Nothing here says a medicine caused a
change: the person and their prescriber judge that. Changes can take up to six weeks to show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

WINDOW_DAYS = 28
MIN_DAYS = 5          # fewer days on a side would say too little
SETTLING_DAYS = 42    # "up to six weeks" for a change to show


@dataclass(frozen=True)
class MedicationRecord:
    """A medicine as logged: `start`/`stop` None when unknown or still taking."""

    name: str
    dose: str = ""
    start: date | None = None
    stop: date | None = None
    changes: tuple[tuple[date, str], ...] = ()


@dataclass(frozen=True)
class Observation:
    """The mean of `measure` in the days before and after one medicine event (G3)."""

    kind: str              # "start", "change" or "stop"
    name: str
    on: date
    detail: str            # the new dose for a change, else the dose
    measure: str           # "feel" or "mood"
    before: float
    after: float
    before_days: int
    after_days: int
    settling: bool         # fewer than six weeks since the event: the effect may still be coming

    @property
    def change(self) -> float:
        return round(self.after - self.before, 1)


def _events(medicine: MedicationRecord) -> list[tuple[str, date, str]]:
    events = [("start", medicine.start, medicine.dose)] if medicine.start else []
    events += [("change", day, text) for day, text in sorted(medicine.changes)]
    if medicine.stop:
        events.append(("stop", medicine.stop, medicine.dose))
    # In date order whatever was typed: a change noted before the start still has a window.
    return sorted(events, key=lambda event: event[1])


def _mean(values: Sequence[float]) -> float:
    return round(sum(values) / len(values), 1)


def observations(
    medicines: Sequence[MedicationRecord],
    measures: Mapping[str, Mapping[date, float]],
    *,
    today: date,
) -> list[Observation]:
    """Before/after means for every medicine event with at least 5 days on each side, newest first."""
    found = []
    for medicine in medicines:
        events = _events(medicine)
        for index, (kind, on, detail) in enumerate(events):
            following = events[index + 1][1] if index + 1 < len(events) else today + timedelta(days=1)
            end = min(on + timedelta(days=WINDOW_DAYS), following)
            for measure, by_day in measures.items():
                before = [v for d, v in by_day.items() if on - timedelta(days=WINDOW_DAYS) <= d < on]
                after = [v for d, v in by_day.items() if on <= d < end and d <= today]
                if len(before) < MIN_DAYS or len(after) < MIN_DAYS:
                    continue
                found.append(Observation(kind, medicine.name, on, detail, measure, _mean(before),
                                         _mean(after), len(before), len(after),
                                         (today - on).days < SETTLING_DAYS))
    return sorted(found, key=lambda o: (o.on, o.name, o.measure), reverse=True)
