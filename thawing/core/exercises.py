"""Guided exercises (A5, B4, B5, C1-C6): steps, timing, the breathing pacer, the timer.

An exercise is a content file, `content/exercises/<id>.toml`:

    id = "five-senses"          # the file's stem
    name = "Five senses"
    summary = "One or two sentences."
    kind = "grounding"          # one of KINDS
    practices = ["C1"]          # IDs of the practice catalogue
    intensity = "gentle"        # gentle | moderate | intense (G6)
    minutes = 5                 # approximate total, a whole number >= 1
    sources = ["https://..."]   # optional
    [pacer]                     # breathing only: breaths a minute, share spent breathing in
    rate = 6.0
    inhale_share = 0.4
    [timer]                     # meditation only: the length the person can grow
    minutes = 2
    min_minutes = 1
    max_minutes = 60
    [[steps]]                   # at least one
    text = "The instruction."
    seconds = 60                # optional; absent = untimed, the person moves on when ready
    prompt = "An optional question for a short typed answer."

Timing is pure arithmetic on elapsed seconds handed in by the caller; nothing here reads
the clock, so a player that slept can ask again and get an honest answer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from thawing.core.errors import ContentError, InvalidInput
from thawing.core.i18n import msg

# The order kinds are offered in: grounding first, the strongest (release) last.
KINDS = ("grounding", "body", "breathing", "meditation", "movement", "rhythm", "honouring",
         "release")
INTENSITIES = ("gentle", "moderate", "intense")
RATE_MIN, RATE_MAX = 3.0, 12.0
SHARE_MIN, SHARE_MAX = 0.2, 0.6
# Exercises without a [timer] can be stretched or shortened within this range.
MINUTES_MIN, MINUTES_MAX = 1, 60

PRACTICE_ID = re.compile(r"^[A-H][1-9]$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIELDS = {"id", "name", "summary", "kind", "practices", "intensity", "minutes", "sources",
          "pacer", "timer", "steps"}
STEP_FIELDS = {"text", "seconds", "prompt"}


@dataclass(frozen=True)
class Step:
    text: str
    seconds: int | None = None
    prompt: str = ""


@dataclass(frozen=True)
class Pacer:
    """A breathing pace: `rate` breaths a minute, `inhale_share` of each breath spent in (C3)."""

    rate: float
    inhale_share: float

    def breath_seconds(self) -> float:
        """Seconds for one whole breath, in and out."""
        return 60.0 / self.rate

    def inhale_seconds(self) -> float:
        """Seconds spent breathing in on each breath."""
        return self.breath_seconds() * self.inhale_share

    def exhale_seconds(self) -> float:
        """Seconds spent breathing out on each breath: the longer part (C3)."""
        return self.breath_seconds() - self.inhale_seconds()

    def with_rate(self, value: float | int | str) -> Pacer:
        """The same pacer at a pace the person chose; out-of-range input raises InvalidInput."""
        return replace(self, rate=parse_rate(value))


@dataclass(frozen=True)
class Timer:
    """A meditation length in whole minutes and the range the person can grow it in (C4)."""

    minutes: int
    min_minutes: int
    max_minutes: int


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    summary: str
    kind: str
    practices: tuple[str, ...]
    intensity: str
    minutes: int
    steps: tuple[Step, ...]
    sources: tuple[str, ...] = ()
    pacer: Pacer | None = None
    timer: Timer | None = None

    @property
    def total_seconds(self) -> int:
        """Seconds of all timed steps; untimed steps count as 0 s."""
        return sum(s.seconds or 0 for s in self.steps)

    @property
    def is_timed(self) -> bool:
        """True when at least one step runs on a timer."""
        return self.total_seconds > 0

    def minutes_range(self) -> tuple[int, int]:
        """The lowest and highest whole minutes `with_minutes` accepts."""
        if self.timer is not None:
            return self.timer.min_minutes, self.timer.max_minutes
        return MINUTES_MIN, MINUTES_MAX

    def with_minutes(self, value: int | str) -> Exercise:
        """A copy lasting `value` whole minutes, its timed steps scaled in proportion (C3, C4).

        Untimed steps stay untimed. Meant for meditation and breathing; any exercise with
        timed steps can be scaled. Raises InvalidInput({"minutes": ...}) when out of range.
        """
        if not self.is_timed:
            raise InvalidInput({"minutes": msg(
                "This practice has no timer. Take it at whatever pace feels right.")})
        low, high = self.minutes_range()
        minutes = parse_minutes(value, low=low, high=high)
        steps = _scaled(self.steps, minutes * 60)
        timer = replace(self.timer, minutes=minutes) if self.timer is not None else None
        return replace(self, minutes=minutes, steps=steps, timer=timer)

    def step_at(self, elapsed_seconds: float) -> tuple[int, float] | None:
        """(step index, seconds left in it) after `elapsed_seconds`; None once finished.

        Untimed steps count as 0 s, so a timed run passes straight over them; an exercise
        with no timed steps is finished at once. Negative time counts as the start.
        """
        elapsed = max(0.0, float(elapsed_seconds))
        end = 0
        for index, step in enumerate(self.steps):
            end += step.seconds or 0
            if elapsed < end:
                return index, end - elapsed
        return None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, where: str) -> Exercise:
        """An exercise from its TOML; anything missing or malformed names the file and field."""
        if not isinstance(data, Mapping):
            raise ContentError(where, "(file)", "is not a table of fields")
        unknown = sorted(set(data) - FIELDS)
        if unknown:
            raise ContentError(where, unknown[0], "is not a field an exercise can have")
        exercise = cls(
            id=_text(data, "id", where),
            name=_text(data, "name", where),
            summary=_text(data, "summary", where),
            kind=_choice(data, "kind", KINDS, where),
            practices=_practices(data, where),
            intensity=_choice(data, "intensity", INTENSITIES, where),
            minutes=_whole(data, "minutes", where, low=1),
            steps=_steps(data, where),
            sources=_sources(data, where),
            pacer=_pacer(data, where),
            timer=_timer(data, where),
        )
        exercise._check(where)
        return exercise

    def _check(self, where: str) -> None:
        if not SLUG.match(self.id):
            raise ContentError(where, "id", "use lower-case letters, digits and hyphens")
        if where.endswith(".toml"):
            stem = where.rsplit("/", 1)[-1].removesuffix(".toml")
            if stem != self.id:
                raise ContentError(where, "id", f"is {self.id!r} but the file is named {stem!r}")
        if self.kind == "breathing" and self.pacer is None:
            raise ContentError(where, "pacer", "a breathing exercise needs a [pacer]")
        if self.kind != "breathing" and self.pacer is not None:
            raise ContentError(where, "pacer", "only breathing exercises have a [pacer]")
        if self.kind == "meditation" and self.timer is None:
            raise ContentError(where, "timer", "a meditation needs a [timer]")
        if self.kind != "meditation" and self.timer is not None:
            raise ContentError(where, "timer", "only meditations have a [timer]")
        if self.kind in ("breathing", "meditation") and not self.is_timed:
            raise ContentError(where, "steps", "need at least one step with seconds")
        if self.timer is not None and self.total_seconds != self.timer.minutes * 60:
            raise ContentError(where, "steps", f"timed steps add up to {self.total_seconds} s, "
                               f"but timer.minutes is {self.timer.minutes}")


def parse_rate(value: float | int | str) -> float:
    """A breathing pace in breaths a minute (3-12) from a number or typed text (C3)."""
    number = _number(value)
    if number is None:
        raise InvalidInput({"rate": msg(
            "Breathing pace is a number of breaths a minute, like 6.")})
    if not RATE_MIN <= number <= RATE_MAX:
        raise InvalidInput({"rate": msg(
            "Breathing pace can be from %(low)s to %(high)s breaths a minute. "
            "About 6 is a common place to start.", low=3, high=12)})
    return number


def parse_inhale_share(value: float | int | str) -> float:
    """The share of each breath spent breathing in (0.2-0.6) from a number or text (C3)."""
    number = _number(value)
    if number is None or not SHARE_MIN <= number <= SHARE_MAX:
        raise InvalidInput({"inhale_share": msg(
            "The in-breath can take from %(low)s to %(high)s of each breath, like 0.4.",
            low="0.2", high="0.6")})
    return number


def parse_minutes(value: int | str, *, low: int, high: int) -> int:
    """Whole minutes between `low` and `high` from a number or typed text (C4)."""
    number = _number(value)
    if number is None or number != int(number):
        raise InvalidInput({"minutes": msg("Minutes are a whole number, like 5.")})
    if not low <= number <= high:
        raise InvalidInput({"minutes": msg(
            "This can last from %(low)s to %(high)s minutes. Any length in between is fine.",
            low=low, high=high)})
    return int(number)


def _number(value: object) -> float | None:
    """A finite number from an int, float or text like "6" or "5,5"; None when unclear."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", "."))
        except ValueError:
            return None
    if not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _scaled(steps: tuple[Step, ...], target: int) -> tuple[Step, ...]:
    """Timed steps stretched to add up to `target` seconds; each keeps at least 1 s."""
    total = sum(s.seconds or 0 for s in steps)
    exact = [(s.seconds or 0) * target / total for s in steps]
    whole = [math.floor(e) for e in exact]
    # The seconds lost to rounding down go to the steps that lost most, so the sum is exact.
    by_loss = sorted(range(len(steps)), key=lambda i: whole[i] - exact[i])
    for i in by_loss[: target - sum(whole)]:
        whole[i] += 1
    return tuple(
        replace(s, seconds=max(1, whole[i])) if s.seconds else s for i, s in enumerate(steps)
    )


def _text(data: Mapping[str, Any], field: str, where: str, *, name: str = "") -> str:
    value = data.get(field)
    if not isinstance(value, str) or not value.strip():
        problem = "is missing" if value is None else "must be non-empty text"
        raise ContentError(where, name or field, problem)
    return value.strip()


def _choice(data: Mapping[str, Any], field: str, allowed: tuple[str, ...], where: str) -> str:
    value = _text(data, field, where)
    if value not in allowed:
        raise ContentError(where, field, f"{value!r} is not one of {', '.join(allowed)}")
    return value


def _whole(data: Mapping[str, Any], field: str, where: str, *, low: int, name: str = "") -> int:
    value = data.get(field)
    if value is None:
        raise ContentError(where, name or field, "is missing")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ContentError(where, name or field, "must be a whole number")
    if value < low:
        raise ContentError(where, name or field, f"must be {low} or more")
    return value


def _practices(data: Mapping[str, Any], where: str) -> tuple[str, ...]:
    value = data.get("practices")
    if value is None:
        raise ContentError(where, "practices", "is missing")
    if not isinstance(value, list) or not value:
        raise ContentError(where, "practices", "must be a list of at least one practice ID")
    for item in value:
        if not isinstance(item, str) or not PRACTICE_ID.match(item):
            raise ContentError(where, "practices", f"{item!r} is not a practice ID like \"C1\"")
    return tuple(value)


def _sources(data: Mapping[str, Any], where: str) -> tuple[str, ...]:
    value = data.get("sources", [])
    if not isinstance(value, list) or not all(
        isinstance(s, str) and s.startswith(("https://", "http://")) for s in value
    ):
        raise ContentError(where, "sources", "must be a list of web addresses")
    return tuple(value)


def _steps(data: Mapping[str, Any], where: str) -> tuple[Step, ...]:
    value = data.get("steps")
    if value is None:
        raise ContentError(where, "steps", "is missing")
    if not isinstance(value, list) or not value:
        raise ContentError(where, "steps", "must hold at least one [[steps]] table")
    steps = []
    for number, entry in enumerate(value, start=1):
        field = f"steps[{number}]"
        if not isinstance(entry, Mapping):
            raise ContentError(where, field, "must be a [[steps]] table")
        unknown = sorted(set(entry) - STEP_FIELDS)
        if unknown:
            raise ContentError(where, f"{field}.{unknown[0]}", "is not a field a step can have")
        seconds = None
        if "seconds" in entry:
            seconds = _whole(entry, "seconds", where, low=1, name=f"{field}.seconds")
        prompt = entry.get("prompt", "")
        if not isinstance(prompt, str):
            raise ContentError(where, f"{field}.prompt", "must be text")
        steps.append(Step(_text(entry, "text", where, name=f"{field}.text"), seconds,
                          prompt.strip()))
    return tuple(steps)


def _pacer(data: Mapping[str, Any], where: str) -> Pacer | None:
    table = data.get("pacer")
    if table is None:
        return None
    if not isinstance(table, Mapping):
        raise ContentError(where, "pacer", "must be a [pacer] table")
    values = {}
    for field, low, high in (("rate", RATE_MIN, RATE_MAX), ("inhale_share", SHARE_MIN, SHARE_MAX)):
        value = table.get(field)
        if value is None:
            raise ContentError(where, f"pacer.{field}", "is missing")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ContentError(where, f"pacer.{field}", "must be a number")
        if not low <= value <= high:
            raise ContentError(where, f"pacer.{field}", f"must be from {low} to {high}")
        values[field] = float(value)
    return Pacer(**values)


def _timer(data: Mapping[str, Any], where: str) -> Timer | None:
    table = data.get("timer")
    if table is None:
        return None
    if not isinstance(table, Mapping):
        raise ContentError(where, "timer", "must be a [timer] table")
    timer = Timer(*(_whole(table, f, where, low=1, name=f"timer.{f}")
                    for f in ("minutes", "min_minutes", "max_minutes")))
    if not timer.min_minutes <= timer.minutes <= timer.max_minutes:
        raise ContentError(where, "timer.minutes", "must lie between min_minutes and max_minutes")
    return timer
