"""A reason to offer support, shared by crisis words (G5) and reasons to seek help (G1)."""

from __future__ import annotations

from collections.abc import Mapping
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
