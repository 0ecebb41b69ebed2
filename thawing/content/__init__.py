"""Content shipped with Thawing, read once and kept in memory.

Each loader reads one TOML file of this package and hands it to the pure model in
`thawing.core`. Wording lives in the TOML files, reviewed like copy.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from thawing.core.body import BodyMap
from thawing.core.emotions import Vocabulary
from thawing.core.helplines import HelpBook
from thawing.core.prompts import PromptBook
from thawing.core.questionnaires import Instrument


def read(name: str) -> dict[str, Any]:
    """The parsed TOML content file `name` of this package."""
    return tomllib.loads(resources.files(__package__).joinpath(name).read_text("utf-8"))


@cache
def vocabulary() -> Vocabulary:
    return Vocabulary.from_mapping(read("emotions.toml"))


@cache
def body_map() -> BodyMap:
    return BodyMap.from_mapping(read("body.toml"))


@cache
def prompts() -> PromptBook:
    return PromptBook.from_mapping(read("prompts.toml"))


@cache
def helplines() -> HelpBook:
    return HelpBook.from_mapping(read("helplines.toml"))


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    zones: tuple[str, ...]


@cache
def countries() -> tuple[Country, ...]:
    return tuple(
        Country(c["code"], c["name"], tuple(c["zones"])) for c in read("countries.toml")["countries"]
    )


INSTRUMENT_ORDER = ("phq2", "phq9", "gad2", "gad7", "numbness")


@cache
def instruments() -> dict[str, Instrument]:
    """Every questionnaire in content/instruments/, in the order they are offered."""
    folder = resources.files(__package__).joinpath("instruments")
    found = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            instrument = Instrument.from_mapping(tomllib.loads(entry.read_text("utf-8")),
                                                 where=f"instruments/{entry.name}")
            found[instrument.id] = instrument
    ordered = [i for i in INSTRUMENT_ORDER if i in found] + sorted(set(found) - set(INSTRUMENT_ORDER))
    return {i: found[i] for i in ordered}
