"""The reconnection checklist (H1): seven steps, ticked from the person's own records.

Each item is done either because a record shows it (`how == "records"`) or because the
person ticked it by hand (`how == "ticked"`). Nothing here is a score to keep up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

ITEMS = ("acknowledge", "body_checkin", "creative", "reach_out", "numbing", "consultation",
         "flicker")
# Daily items look at today, weekly ones at the last 7 days, the rest at any time.
PERIOD = {"acknowledge": "ever", "body_checkin": "day", "creative": "week", "reach_out": "week",
          "numbing": "week", "consultation": "ever", "flicker": "day"}
BODY_CHECKIN_MINUTES = 10


@dataclass(frozen=True)
class Records:
    """What the person's records say, gathered by the service for one local day."""

    acknowledged_on: date | None = None
    body_minutes_today: int = 0
    creative_days: tuple[date, ...] = ()
    connection_days: tuple[date, ...] = ()
    numbing_days_this_week: int = 0
    numbing_days_week_before: int = 0
    flickers_today: int = 0
    ticks: tuple[tuple[str, date], ...] = ()


@dataclass(frozen=True)
class Item:
    id: str
    period: str
    done: bool
    how: str = ""


def period_start(period: str, today: date) -> date:
    """The first day a tick or record counts for an item of this period."""
    if period == "day":
        return today
    if period == "week":
        return today - timedelta(days=6)
    return date.min


def _from_records(item: str, records: Records, since: date) -> bool:
    if item == "acknowledge":
        return records.acknowledged_on is not None
    if item == "body_checkin":
        return records.body_minutes_today >= BODY_CHECKIN_MINUTES
    if item == "creative":
        return any(day >= since for day in records.creative_days)
    if item == "reach_out":
        return any(day >= since for day in records.connection_days)
    if item == "numbing":
        # Fewer days with numbing than the week before counts; two blank weeks may just be untracked.
        return records.numbing_days_this_week < records.numbing_days_week_before
    if item == "consultation":
        return False
    return records.flickers_today > 0


def reconnection_checklist(records: Records, *, today: date) -> list[Item]:
    """The seven H1 steps in order, each with whether and how it is done in its period."""
    items = []
    for item in ITEMS:
        period = PERIOD[item]
        since = period_start(period, today)
        if _from_records(item, records, since):
            items.append(Item(item, period, True, "records"))
        elif any(tick == item and since <= day <= today for tick, day in records.ticks):
            items.append(Item(item, period, True, "ticked"))
        else:
            items.append(Item(item, period, False))
    return items
