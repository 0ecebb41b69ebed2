"""Suggestion lists the app offers (B3, B4, D1-D7, E1, E2, F3-F5), from `content/ideas.toml`.

The file holds an optional `[source]` table and one table per section:

    [self_care]
    title = "Small kindnesses"      # a heading for the list
    intro = "One sentence."          # optional
    practices = ["F4"]               # IDs of the practice catalogue this list serves
    [[self_care.items]]              # at least one
    id = "stretch-on-waking"         # a slug, unique in its section, stable forever
    text = "Stretch before getting up."
    intensity = "gentle"             # optional: gentle | moderate | intense (G6)
    note = "A short extra line."     # optional

Every section in SECTIONS must be present; more sections may be added in content alone.
Drafts in `reach_out_starters` may use the one placeholder `{name}`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from thawing.core.errors import ContentError
from thawing.core.exercises import INTENSITIES, PRACTICE_ID, SLUG

SECTIONS = (
    "self_care", "routine_scrambles", "stimulation", "creative_outlets", "catharsis",
    "comfort_zone", "enjoy", "fun", "low_pressure_contact", "nobody_near",
    "reach_out_starters", "stress_relief", "numbing", "pets", "self_compassion",
    "thought_questions",
)
# Sections whose items may hold the `{name}` placeholder.
WITH_NAME = {"reach_out_starters"}
SECTION_FIELDS = {"title", "intro", "practices", "items"}
ITEM_FIELDS = {"id", "text", "intensity", "note"}
PLACEHOLDER = re.compile(r"\{[^{}]*\}|[{}]")


@dataclass(frozen=True)
class Idea:
    id: str
    text: str
    intensity: str | None = None
    note: str = ""

    def filled(self, name: str = "") -> str:
        """The text with `{name}` replaced; without a name, the greeting simply has none."""
        name = name.strip()
        if name:
            return self.text.replace("{name}", name)
        return self.text.replace(" {name}", "").replace("{name}", "")


@dataclass(frozen=True)
class Section:
    name: str
    title: str
    intro: str
    practices: tuple[str, ...]
    items: tuple[Idea, ...]


@dataclass(frozen=True)
class IdeaBook:
    sections: Mapping[str, Section]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, where: str) -> IdeaBook:
        """Every section of the ideas file; anything missing or malformed names file and field."""
        if not isinstance(data, Mapping):
            raise ContentError(where, "(file)", "is not a table of sections")
        missing = [s for s in SECTIONS if s not in data]
        if missing:
            raise ContentError(where, missing[0], "is missing")
        sections = {name: _section(name, table, where)
                    for name, table in data.items() if name != "source"}
        return cls(sections=sections)

    def section(self, name: str, *, up_to: str = "intense") -> tuple[Idea, ...]:
        """The ideas of a section, leaving out those stronger than `up_to` (G6).

        Ideas without an intensity count as gentle. An unknown section name is a bug in
        the caller and raises KeyError.
        """
        ceiling = INTENSITIES.index(up_to)
        return tuple(i for i in self.sections[name].items
                     if INTENSITIES.index(i.intensity or "gentle") <= ceiling)

    def get(self, section: str, idea_id: str) -> Idea | None:
        """One idea by section and id; None when there is no such idea."""
        found = self.sections.get(section)
        if found is None:
            return None
        return next((i for i in found.items if i.id == idea_id), None)


def _section(name: str, table: Any, where: str) -> Section:
    if not isinstance(table, Mapping):
        raise ContentError(where, name, "must be a table with a title and [[items]]")
    unknown = sorted(set(table) - SECTION_FIELDS)
    if unknown:
        raise ContentError(where, f"{name}.{unknown[0]}", "is not a field a section can have")
    title = _text(table, "title", where, f"{name}.title")
    intro = _text(table, "intro", where, f"{name}.intro", optional=True)
    practices = table.get("practices", [])
    if not isinstance(practices, list) or not all(
        isinstance(p, str) and PRACTICE_ID.match(p) for p in practices
    ):
        raise ContentError(where, f"{name}.practices", "must be a list of IDs like \"C1\"")
    items = table.get("items")
    if not isinstance(items, list) or not items:
        raise ContentError(where, f"{name}.items", "must hold at least one [[items]] table")
    ideas = tuple(_idea(name, number, entry, where) for number, entry in enumerate(items, 1))
    seen: set[str] = set()
    for number, idea in enumerate(ideas, start=1):
        if idea.id in seen:
            raise ContentError(where, f"{name}.items[{number}].id", f"{idea.id!r} is used twice")
        seen.add(idea.id)
    return Section(name, title, intro, tuple(practices), ideas)


def _idea(section: str, number: int, entry: Any, where: str) -> Idea:
    field = f"{section}.items[{number}]"
    if not isinstance(entry, Mapping):
        raise ContentError(where, field, "must be an [[items]] table")
    unknown = sorted(set(entry) - ITEM_FIELDS)
    if unknown:
        raise ContentError(where, f"{field}.{unknown[0]}", "is not a field an idea can have")
    idea_id = _text(entry, "id", where, f"{field}.id")
    if not SLUG.match(idea_id):
        raise ContentError(where, f"{field}.id", "use lower-case letters, digits and hyphens")
    text = _text(entry, "text", where, f"{field}.text")
    allowed = {"{name}"} if section in WITH_NAME else set()
    stray = [p for p in PLACEHOLDER.findall(text) if p not in allowed]
    if stray:
        raise ContentError(where, f"{field}.text", f"{stray[0]!r} is not a placeholder allowed here")
    intensity = entry.get("intensity")
    if intensity is not None and intensity not in INTENSITIES:
        raise ContentError(where, f"{field}.intensity",
                           f"{intensity!r} is not one of {', '.join(INTENSITIES)}")
    note = _text(entry, "note", where, f"{field}.note", optional=True)
    return Idea(idea_id, text, intensity, note)


def _text(table: Mapping[str, Any], key: str, where: str, field: str, *,
          optional: bool = False) -> str:
    value = table.get(key)
    if value is None and optional:
        return ""
    if not isinstance(value, str) or not value.strip():
        raise ContentError(where, field, "is missing" if value is None else "must be non-empty text")
    return value.strip()
