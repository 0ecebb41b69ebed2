"""A reason to offer support, shared by crisis words (G5) and reasons to seek help (G1)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any


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
# API's `support` and the command line say the same words, from content/crisis.toml (CrisisWords).
CONTEXTS = ("self", "past", "other")
# A card that is not about words: question 9 of the PHQ-9 answered above 0.
CARDS = (*CONTEXTS, "answer")


@dataclass(frozen=True)
class CrisisWords:
    """What is said before the crisis lines (G5): the call to reach out, and a title and words for
    each card (CARDS), one wording for every face."""

    reach_out: str
    titles: Mapping[str, str]
    words: Mapping[str, str]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, where: str = "crisis.toml") -> CrisisWords:
        from thawing.core.errors import ContentError

        cards = data.get("cards", {})
        for card in CARDS:
            for name in ("title", "words"):
                if not isinstance(cards.get(card, {}).get(name), str) or not cards[card][name].strip():
                    raise ContentError(where, f"cards.{card}.{name}", "is missing")
        if not isinstance(data.get("reach_out"), str) or not data["reach_out"].strip():
            raise ContentError(where, "reach_out", "is missing")
        return cls(reach_out=data["reach_out"].strip(),
                   titles={card: cards[card]["title"].strip() for card in CARDS},
                   words={card: " ".join(cards[card]["words"].split()) for card in CARDS})

    def card(self, context: str | None) -> str:
        """The card for a context or card name; the writer's own ("self") for anything else."""
        return context if context in CARDS else "self"


def support_context(signals: Iterable[Signal]) -> str | None:
    """"self", "past" or "other" (the most urgent of these signals' contexts), or None."""
    found = {signal.context or "self" for signal in signals}
    return next((context for context in CONTEXTS if context in found), None)
