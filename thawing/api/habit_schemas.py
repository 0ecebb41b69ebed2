"""Request and response shapes of the habits API (thawing/api/habits.py).

Whole numbers, hours and switches are strict: `true` is never read as 1, nor "7" as 7, so a
client's mistake is a 400 naming the field rather than a silently different record.
"""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema
from pydantic import StrictBool, StrictFloat, StrictInt

from thawing.api.schemas import Day, SupportOut


class HabitsIn(Schema):
    sleep_hours: StrictFloat | None = Field(None, description="0-24; null: not noted.")
    sleep_quality: StrictInt | None = Field(None, description="1-5; null: not noted.")
    meals: StrictInt | None = Field(None, description="0-8 regular meals; null: not noted.")
    movement_minutes: StrictInt | None = Field(None, description="0-1440; null: not noted.")


class HabitsOut(Schema):
    day: date
    sleep_hours: float | None
    sleep_quality: int | None
    meals: int | None
    movement_minutes: int | None


class MovementOut(Schema):
    start: date = Field(description="The Monday of the week.")
    minutes_by_day: list[int]
    total: int
    active_days: int = Field(description="Days with 30 minutes or more.")
    reached: bool = Field(description="150 minutes or more this week.")


class NightOut(Schema):
    day: date
    hours: float | None


class SleepNoteOut(Schema):
    kind: str = Field(description="shift, short or long (F1).")
    since: date
    recent_hours: float
    baseline_hours: float | None
    nights: int


class NumbingIn(Schema):
    kind: str = Field("", description="An id of the numbing section of /api/ideas/numbing.")
    day: Day | None = None
    amount: str = Field("", description="a_little, some, a_lot, or empty.")
    to_cope: StrictBool = False
    note: str = ""


class NumbingOut(Schema):
    id: int
    day: date
    kind: str
    amount: str
    to_cope: bool
    note: str
    support: SupportOut | None = None


class HabitsWeekOut(Schema):
    day: date
    today: HabitsOut | None
    movement: MovementOut
    nights: list[NightOut]
    sleep_notes: list[SleepNoteOut]
    numbing: list[NumbingOut]
