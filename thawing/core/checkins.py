"""A check-in (A1, A2, A3, A6): mood or "can't tell", ability to feel, emotion words,
body sensations, a flicker and a note, checked in one place for web, API and CLI."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from thawing.core.body import BodyMap
from thawing.core.emotions import Vocabulary
from thawing.core.errors import InvalidInput
from thawing.core.i18n import Message, joined, msg
from thawing.core.mood import (
    FLICKER_MAX,
    NOTE_MAX,
    clean_text,
    parse_feel,
    parse_intensity,
    parse_moment,
    parse_mood,
)

EMOTIONS_MAX = 30
BODY_MAX = 60


@dataclass(frozen=True)
class EmotionChoice:
    emotion: str
    intensity: int | None = None


@dataclass(frozen=True)
class CheckInData:
    at: datetime
    mood: int | None
    feel: int | None
    emotions: tuple[EmotionChoice, ...]
    body: tuple[tuple[str, str], ...]
    flicker: str
    note: str
    # G1: feeling unreal or outside oneself; daily life very hard to manage. Both optional.
    detached: bool = False
    struggling: bool = False


def parse_emotions(
    pairs: Iterable[tuple[str, str | int | None]], vocabulary: Vocabulary
) -> tuple[EmotionChoice, ...]:
    """(word, intensity) pairs to emotion choices; blanks skipped, repeats keep the last."""
    chosen: dict[str, EmotionChoice] = {}
    problems: list[Message] = []
    for word, intensity in pairs:
        if not word or not word.strip():
            continue
        try:
            emotion = vocabulary.resolve(word)
            chosen[emotion.id] = EmotionChoice(emotion.id, parse_intensity(intensity))
        except InvalidInput as error:
            if error.fields["emotions"] not in problems:
                problems.append(error.fields["emotions"])
    if problems:
        # Every unknown word at once, so nobody fixes one only to meet the next.
        raise InvalidInput({"emotions": joined(problems)})
    if len(chosen) > EMOTIONS_MAX:
        raise InvalidInput({"emotions": msg(
            "Up to %(limit)s emotion words per check-in.", limit=EMOTIONS_MAX)})
    return tuple(chosen.values())


def parse_body(choices: Iterable[str | tuple[str, str]], body_map: BodyMap) -> tuple[tuple[str, str], ...]:
    """"region:sensation" strings or pairs to checked pairs, without repeats."""
    pairs: list[tuple[str, str]] = []
    for choice in choices:
        text = choice if isinstance(choice, str) else ":".join(choice)
        if not text.strip():
            continue
        pair = body_map.parse(text)
        if pair not in pairs:
            pairs.append(pair)
    if len(pairs) > BODY_MAX:
        raise InvalidInput({"body": msg("That is more body choices than I can keep at once.")})
    return tuple(pairs)


def build_checkin(
    *,
    mood: str | int | None,
    feel: str | int | None = None,
    emotions: Sequence[tuple[str, str | int | None]] = (),
    body: Sequence[str | tuple[str, str]] = (),
    flicker: str | None = "",
    note: str | None = "",
    at: str | datetime | None = None,
    detached: bool | str | None = False,
    struggling: bool | str | None = False,
    now: datetime,
    tz: tzinfo,
    vocabulary: Vocabulary,
    body_map: BodyMap,
) -> CheckInData:
    """A valid check-in from raw values, or InvalidInput naming every problem at once."""
    checks: dict[str, Callable[[], Any]] = {
        "mood": lambda: parse_mood(mood),
        "feel": lambda: parse_feel(feel),
        "emotions": lambda: parse_emotions(emotions, vocabulary),
        "body": lambda: parse_body(body, body_map),
        "flicker": lambda: clean_text("flicker", flicker, limit=FLICKER_MAX, label=msg("A flicker")),
        "note": lambda: clean_text("note", note, limit=NOTE_MAX, label=msg("A note")),
        "at": lambda: parse_moment(at, now=now, tz=tz),
    }
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, check in checks.items():
        try:
            values[name] = check()
        except InvalidInput as error:
            errors.update(error.fields)
    if errors:
        raise InvalidInput(errors)
    return CheckInData(**values, detached=is_ticked(detached), struggling=is_ticked(struggling))


def is_ticked(value: bool | str | None) -> bool:
    """A tick box from a form ("on", "1", "yes"), a flag or JSON, as a plain bool."""
    if isinstance(value, str):
        return value.strip().lower() in {"1", "on", "yes", "true"}
    return bool(value)


def describe_checkin(
    *, mood: int | None, feel: int | None, emotions: Iterable[tuple[str, int | None]],
    body: Iterable[tuple[str, str]], vocabulary: Vocabulary,
) -> str:
    """One line saying what a check-in holds: "mood 5/10 · can feel 4/10 · tired 2/5 · body chest:tight"."""
    parts = ["mood " + ("can\u2019t tell" if mood is None else f"{mood}/10")]
    if feel is not None:
        parts.append(f"can feel {feel}/10")
    words = []
    for emotion_id, intensity in emotions:
        known = vocabulary.get(emotion_id)
        words.append((known.name.lower() if known else emotion_id)
                     + (f" {intensity}/5" if intensity else ""))
    if words:
        parts.append(", ".join(words))
    cues = [f"{region}:{sensation}" for region, sensation in body]
    if cues:
        parts.append("body " + " ".join(cues))
    return " \u00b7 ".join(parts)


def saved_sentence(description: str) -> str:
    """What the command line says once a check-in is saved."""
    return f"Saved: {description}. Thank you for noticing."


def split_emotion(text: str) -> tuple[str, str | None]:
    """"tired", "tired:3" or "tired=3" to a word and an optional intensity."""
    for separator in (":", "="):
        word, found, level = text.rpartition(separator)
        if found and level.strip().isdigit():
            return word, level
    return text, None
