"""A reason to offer support, shared by crisis words (G5) and reasons to seek help (G1)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Signal:
    """One reason to offer support: its kind, where in a text it was seen (crisis words), or
    how strong and since when (reasons to talk to a professional)."""

    kind: str
    span: tuple[int, int] | None = None
    level: str = ""
    since: date | None = None
    figures: Mapping[str, object] = field(default_factory=dict)
    # Crisis words only: whose words they are and when ("self", "other", "past"); see
    # thawing/core/crisis.py.
    context: str = ""


# Whose crisis the words speak of, most urgent first (Signal.context of crisis words): the writer
# now, the writer's own past, someone they worry about. The web's card (care/_support.html), the
# API's `support` and the command line say the same, each at its own length.
CONTEXTS = ("self", "past", "other")
WORRIED_WORDS = ("It sounds like someone you care about may be in danger. These lines help people who "
                 "are worried about someone else, too.")
PAST_WORDS = ("You wrote about a very hard time in your past. Thank you for putting it into words. If any "
              "of it feels close again, even a little, these lines are there for you today, and so is "
              "your safety plan.")


def support_context(signals: Iterable[Signal]) -> str | None:
    """"self", "past" or "other" (the most urgent of these signals' contexts), or None."""
    found = {signal.context or "self" for signal in signals}
    return next((context for context in CONTEXTS if context in found), None)
