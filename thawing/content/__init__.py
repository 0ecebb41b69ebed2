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
