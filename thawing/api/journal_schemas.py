"""Request and response shapes of the thought records API (thawing/api/journal.py).

Whole numbers, hours and switches are strict: `true` is never read as 1, nor "7" as 7, so a
client's mistake is a 400 naming the field rather than a silently different record.
"""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema
from pydantic import StrictInt

from thawing.api.schemas import SupportOut


class ThoughtIn(Schema):
    thought: str = ""
    situation: str = ""
    belief_before: StrictInt | None = Field(None, description="0-100 %.")
    evidence: str = Field("", description="Is it true?")
    other_views: str = Field("", description="Other ways to see it?")
    conclusions: str = Field("", description="Jumping to conclusions?")
    alternative: str = Field("", description="A kinder way to put it.")
    belief_after: StrictInt | None = Field(None, description="0-100 %.")
    at: datetime | None = Field(None, description="When; omit for now (or, editing, to keep it).")


class ThoughtOut(Schema):
    id: int
    at: datetime
    thought: str
    situation: str
    belief_before: int | None
    evidence: str
    other_views: str
    conclusions: str
    alternative: str
    belief_after: int | None
    support: SupportOut | None = None
