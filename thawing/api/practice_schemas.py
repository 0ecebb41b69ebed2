"""Request and response shapes of the practices API (thawing/api/practices.py).

Whole numbers, hours and switches are strict: `true` is never read as 1, nor "7" as 7, so a
client's mistake is a 400 naming the field rather than a silently different record.
"""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema
from pydantic import StrictBool, StrictInt

from thawing.api.schemas import Day, SupportOut

# Exercises and sessions (A5, B4, B5, C1-C6) ----------------------------------------------

class ExerciseOut(Schema):
    id: str
    name: str
    summary: str
    kind: str
    intensity: str = Field(description="gentle, moderate or intense (G6).")
    minutes: int
    practices: list[str]
    ready_at_my_pace: bool = Field(description="False when the chosen pace holds it back.")


class StepOut(Schema):
    text: str
    seconds: int | None = Field(description="None: untimed, move on when ready.")
    prompt: str


class PacerOut(Schema):
    rate: float = Field(description="Breaths a minute.")
    inhale_share: float
    breath_seconds: float
    inhale_seconds: float
    exhale_seconds: float


class TimerOut(Schema):
    minutes: int
    min_minutes: int
    max_minutes: int


class MinutesRangeOut(Schema):
    low: int
    high: int


class ExerciseDetailOut(ExerciseOut):
    sources: list[str]
    total_seconds: int
    steps: list[StepOut]
    pacer: PacerOut | None = Field(description="Breathing exercises only, at the rate asked for.")
    timer: TimerOut | None = Field(description="Meditations only.")
    minutes_range: MinutesRangeOut | None = Field(description="What ?minutes= accepts; None "
                                                              "when nothing is timed.")


class SessionIn(Schema):
    exercise: str = Field(description="An exercise id.")
    seconds: StrictInt = Field(description="Whole seconds the practice really ran.")
    planned_seconds: StrictInt | None = None
    completed: StrictBool = True
    feel_before: StrictInt | None = Field(None, description="How much can you feel, 0-10.")
    feel_after: StrictInt | None = Field(None, description="How much can you feel, 0-10.")
    note: str = ""
    at: datetime | None = Field(None, description="When; omit for now.")


class SessionOut(Schema):
    id: int
    exercise: str
    name: str
    kind: str
    at: datetime
    seconds: int
    planned_seconds: int
    completed: bool
    feel_before: int | None
    feel_after: int | None
    note: str
    support: SupportOut | None = None


class PaceIO(Schema):
    pace: str = Field(description="gentle, steady or full (G6).")


class PaceOut(PaceIO):
    choices: list[str]


# The person's own lists and activities (B3, D1-D5, F3) -------------------------------------

class ItemIn(Schema):
    text: str = ""
    detail: str = Field("", description="One small step (stressors), or anything to remember.")


class ItemOut(Schema):
    id: int
    kind: str
    text: str
    detail: str
    position: int = Field(description="1 is the top: the favourite.")
    done_on: date | None = Field(description="When it was crossed off for good (the ladder, D3).")
    done_today: bool = Field(description="Logged as done today (the fun list, D2).")
    support: SupportOut | None = None


class MoveIn(Schema):
    direction: str = Field(description='"up" (towards the favourite) or "down".')


class CrossIn(Schema):
    done: StrictBool = True


class ActivityIn(Schema):
    kind: str = Field(description="The list it belongs to: enjoy, fun, ladder, ...")
    title: str = Field("", description="What; may be left out when item_id is given.")
    item_id: StrictInt | None = None
    planned_on: Day | None = None
    done_on: Day | None = None
    done: StrictBool | None = Field(None, description="Default: done, unless planned_on is given.")
    predicted: StrictInt | None = Field(None, description="Enjoyment expected, 0-10.")
    actual: StrictInt | None = Field(None, description="Enjoyment felt, 0-10.")
    note: str = ""


class RateIn(Schema):
    actual: StrictInt | None = Field(None, description="Enjoyment felt, 0-10; null: can't tell.")
    note: str | None = Field(None, description="Null keeps the note as it is.")
    done_on: Day | None = Field(None, description="Null keeps the day, or today if not done yet.")


class ActivityOut(Schema):
    id: int
    kind: str
    title: str
    item_id: int | None
    planned_on: date | None
    done_on: date | None
    predicted: int | None
    actual: int | None
    note: str
    support: SupportOut | None = None


# Connecting (D6) ---------------------------------------------------------------------------

class ConnectionIn(Schema):
    who: str = ""
    how: str = Field("", description="in_person, call, message or group.")
    felt: str | None = Field(None, description="good, okay, hard or cant_tell (the default).")
    reached_out: StrictBool = False
    note: str = ""
    on: Day | None = Field(None, description="The day; omit for today.")


class ConnectionOut(Schema):
    id: int
    on: date
    who: str
    how: str
    felt: str
    reached_out: bool
    note: str
    support: SupportOut | None = None


class DraftIn(Schema):
    name: str = ""
    starter: str | None = None


class DraftOut(Schema):
    text: str


# The checklist, reminders and ideas (A2, A5, H1, and the suggestion lists) ------------------

class ChecklistItemOut(Schema):
    id: str
    period: str = Field(description="day, week or ever: how long a tick counts.")
    done: bool
    how: str = Field(description='"records", "ticked", or "" when not done.')


class TickIn(Schema):
    done: StrictBool = True


class RhythmIO(Schema):
    times: list[str] = Field(default_factory=list, description='1-3 times of day, "HH:MM".')
    quiet_start: str = ""
    quiet_end: str = ""
    random_prompts: StrictInt = Field(0, description="0-3 random prompts a day in the window.")
    window_start: str = ""
    window_end: str = ""
    body_scan: str = Field("", description='A daily body check-in time, "HH:MM", or "".')


class IdeaOut(Schema):
    id: str
    text: str
    intensity: str | None
    note: str
