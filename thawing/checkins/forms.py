"""The check-in form: raw values from a POST, kept as typed so nothing is ever lost.

The rules that check them live in `thawing.core.checkins`; this only gathers the fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict
from django.utils import timezone

from thawing.checkins.models import CheckIn
from thawing.core.mood import as_local_input

EMPTY_EMOTION_ROWS = 3


@dataclass
class CheckInInput:
    mood: str = ""
    feel: str = ""
    emotions: list[tuple[str, str]] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    flicker: str = ""
    note: str = ""
    at: str = ""
    detached: bool = False
    struggling: bool = False

    @classmethod
    def from_post(cls, data: QueryDict) -> CheckInInput:
        words = data.getlist("emotion")
        levels = data.getlist("intensity")
        levels += [""] * (len(words) - len(levels))
        return cls(
            mood=data.get("mood", ""), feel=data.get("feel", ""),
            emotions=[(w, i) for w, i in zip(words, levels, strict=False)],
            body=data.getlist("body"), flicker=data.get("flicker", ""),
            note=data.get("note", ""), at=data.get("at", ""),
            detached=bool(data.get("detached")), struggling=bool(data.get("struggling")),
        )

    @classmethod
    def from_checkin(cls, checkin: CheckIn) -> CheckInInput:
        return cls(
            mood="cant-tell" if checkin.mood is None else str(checkin.mood),
            feel="" if checkin.feel is None else str(checkin.feel),
            emotions=[(e.emotion, "" if e.intensity is None else str(e.intensity))
                      for e in checkin.emotion_list],
            body=[f"{b.region}:{b.sensation}" for b in checkin.body_list],
            flicker=checkin.flicker, note=checkin.note,
            at=as_local_input(checkin.at, timezone.get_current_timezone()),
            detached=checkin.detached, struggling=checkin.struggling,
        )

    def service_arguments(self) -> dict[str, Any]:
        return {
            "mood": self.mood, "feel": self.feel, "emotions": self.emotions,
            "body": self.body, "flicker": self.flicker, "note": self.note, "at": self.at,
            "detached": self.detached, "struggling": self.struggling,
        }

    def emotion_rows(self) -> list[tuple[str, str]]:
        """The typed rows plus empty ones, so there is always room for another word."""
        rows = [(w, i) for w, i in self.emotions if w.strip() or i.strip()]
        return rows + [("", "")] * max(1, EMPTY_EMOTION_ROWS - len(rows))
