"""Journal prompts (B1, B2) for when a person does not know where to start."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class PromptCategory:
    id: str
    name: str
    summary: str


@dataclass(frozen=True)
class Prompt:
    id: str
    category: str
    text: str
    hint: str = ""


@dataclass(frozen=True)
class PromptBook:
    categories: tuple[PromptCategory, ...]
    prompts: tuple[Prompt, ...]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> PromptBook:
        return cls(
            categories=tuple(
                PromptCategory(c["id"], c["name"], c["summary"]) for c in data["categories"]
            ),
            prompts=tuple(
                Prompt(p["id"], p["category"], p["text"], p.get("hint", ""))
                for p in data["prompts"]
            ),
        )

    def get(self, prompt_id: str) -> Prompt | None:
        return next((p for p in self.prompts if p.id == prompt_id), None)

    def in_category(self, category_id: str) -> list[Prompt]:
        return [p for p in self.prompts if p.category == category_id]

    def of_the_day(self, day: date, *, skip: tuple[str, ...] = ()) -> Prompt:
        """The prompt for a local calendar day: the same all day, a different one tomorrow.

        `skip` leaves out categories, e.g. the stronger ones at a gentle pace (G6).
        """
        prompts = [p for p in self.prompts if p.category not in skip] or list(self.prompts)
        count = len(prompts)
        # Stepping by a number coprime with the count visits every prompt before repeating,
        # and a step near 7 moves between categories from one day to the next.
        step = next(k for k in range(7, 7 + count + 1) if math.gcd(k, count) == 1)
        return prompts[(day.toordinal() * step) % count]
