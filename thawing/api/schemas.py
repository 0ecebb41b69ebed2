from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator, StrictInt, StrictStr, ValidationInfo
from pydantic_core import PydanticCustomError

from thawing.core.errors import InvalidInput
from thawing.core.mood import checked_day
from thawing.web import say


def _inside_the_calendar(day: date, info: ValidationInfo) -> date:
    """Days the services can step from; a kind message for the rest (9999-12-31 was a 500)."""
    try:
        return checked_day(day, field=info.field_name or "day")
    except InvalidInput as problem:
        raise PydanticCustomError("day_out_of_range", say(*problem.fields.values())) from None


# Every day the API reads, in an address or a body: from 1900 to 2999 (see thawing.core.mood).
Day = Annotated[date, AfterValidator(_inside_the_calendar)]


class Problem(Schema):
    message: str
    fields: dict[str, str] = Field(default_factory=dict)


class EmotionIn(Schema):
    word: str = Field(description="An emotion word from the vocabulary (name, id or alias).")
    intensity: int | None = Field(None, description="1 (barely) to 5 (very strongly).")


class CheckInIn(Schema):
    mood: StrictInt | StrictStr = Field(description='1-10, or "cant-tell".')
    feel: int | None = Field(None, description="How much can you feel right now, 0-10.")
    emotions: list[EmotionIn] = Field(default_factory=list)
    body: list[str] = Field(default_factory=list, description='"region:sensation" pairs.')
    flicker: str = ""
    note: str = ""
    at: datetime | None = Field(None, description="When; omit for now.")
    detached: bool | None = Field(None, description="Felt detached or unreal (kept as it was if omitted).")
    struggling: bool | None = Field(None, description="Daily life was very hard (kept as it was if omitted).")


class EmotionChoiceOut(Schema):
    emotion: str
    intensity: int | None


class BodyOut(Schema):
    region: str
    sensation: str


class HelplineOut(Schema):
    name: str
    contact: str
    hours: str


class SupportOut(Schema):
    """Present only when the words just saved suggest a crisis: show these at once."""

    context: str = Field("self", description='Whose crisis the words speak of, as the web\'s card '
                         'says: "self" (the writer, now), "past" (the writer\'s own past) or '
                         '"other" (someone they worry about).')
    message: str
    emergency: str
    helplines: list[HelplineOut]
    help_url: str


class CheckInOut(Schema):
    id: int
    at: datetime
    mood: int | None = Field(description='None means "can\'t tell".')
    cant_tell: bool
    feel: int | None
    emotions: list[EmotionChoiceOut]
    body: list[BodyOut]
    flicker: str
    note: str
    detached: bool
    struggling: bool
    support: SupportOut | None = None


class EntryIn(Schema):
    body: str
    title: str = ""
    tags: list[str] = Field(default_factory=list)
    prompt: str = ""
    letter: bool | None = None
    written_at: datetime | None = None


class EntryOut(Schema):
    id: int
    written_at: datetime
    kind: str
    title: str
    body: str
    tags: list[str]
    prompt: str
    support: SupportOut | None = None


class SearchIn(Schema):
    q: str


class TagOut(Schema):
    id: int
    name: str
    entries: int


class SearchHitOut(Schema):
    entry: EntryOut
    excerpt: str


class CousinOut(Schema):
    id: str
    difference: str


class EmotionOut(Schema):
    id: str
    name: str
    family: str
    definition: str
    body: list[str]
    valence: int
    energy: int
    quadrant: str
    cousins: list[CousinOut]
    aliases: list[str]


class SuggestionOut(Schema):
    emotion: EmotionOut
    reasons: list[str]


class PromptOut(Schema):
    id: str
    text: str


class TodayOut(Schema):
    day: date
    checkins: list[CheckInOut]
    flickers: list[str]
    entries: list[EntryOut]
    shut_down_since: date | None
    prompt: PromptOut


class SafetyPlanIO(Schema):
    """The seven parts of a safety plan (Stanley-Brown), each free text, each optional."""

    warning_signs: str = ""
    coping: str = ""
    distractions: str = ""
    people: str = ""
    professionals: str = ""
    environment: str = ""
    reasons: str = ""


class OptionOut(Schema):
    value: int
    label: str


class QuestionOut(Schema):
    id: str
    text: str
    options: list[OptionOut]
    hint: str = ""


class InstrumentOut(Schema):
    id: str
    name: str
    title: str
    about: str
    validated: bool
    stem: str
    items: list[str]
    options: list[OptionOut] = Field(description="The shared answers; empty when each item has its own.")
    item_options: list[list[OptionOut]] = Field(description="Each item's own answers (AUDIT-C), else empty.")
    gate: QuestionOut | None = Field(None, description="An opening question answered first (PC-PTSD-5): "
                                                       "its answer comes first in `answers`; 0 ends it.")
    extras: list[QuestionOut] = Field(description="Optional questions not in the total, answered last "
                                                  "(PHQ-9: how difficult; AUDIT-C: which cut-off).")
    opt_in: bool
    attribution: str
    source: str
    licence: str


class AnswersIn(Schema):
    answers: list[StrictInt | None] = Field(description="One answer per question, in order; "
                                                        "null for an unanswered one.")


class ScreeningOut(Schema):
    id: int
    instrument: str
    taken_at: datetime
    total: int
    band: str
    meaning: str
    safety_flag: bool
    support: SupportOut | None = None
