"""Content shipped with Thawing, read once and kept in memory.

Each loader reads one TOML file of this package and hands it to the pure model in
`thawing.core`. Wording lives in the TOML files, reviewed like copy.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from thawing.core.errors import ContentError

# Each model is imported by its loader, so a command loads only what it reads (thawing/cli/quick.py).
if TYPE_CHECKING:
    from collections.abc import Sequence

    from thawing.core.body import BodyMap
    from thawing.core.emotions import Vocabulary
    from thawing.core.exercises import Exercise
    from thawing.core.helplines import HelpBook
    from thawing.core.ideas import IdeaBook
    from thawing.core.prompts import PromptBook
    from thawing.core.questionnaires import Instrument, Score
    from thawing.core.signal import CrisisWords


def read(name: str) -> dict[str, Any]:
    """The parsed TOML content file `name` of this package."""
    return tomllib.loads(read_text(name))


def read_text(name: str) -> str:
    """The raw text of the content file `name` of this package."""
    return resources.files(__package__).joinpath(name).read_text("utf-8")


@cache
def vocabulary() -> Vocabulary:
    from thawing.core.emotions import Vocabulary

    return Vocabulary.from_mapping(read("emotions.toml"))


@cache
def body_map() -> BodyMap:
    from thawing.core.body import BodyMap

    return BodyMap.from_mapping(read("body.toml"))


@cache
def prompts() -> PromptBook:
    from thawing.core.prompts import PromptBook

    return PromptBook.from_mapping(read("prompts.toml"))


@cache
def crisis_words() -> CrisisWords:
    """What is said before the crisis lines, on every face (content/crisis.toml)."""
    from thawing.core.signal import CrisisWords

    return CrisisWords.from_mapping(read("crisis.toml"))


@cache
def helplines() -> HelpBook:
    from thawing.core.helplines import HelpBook

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


INSTRUMENT_ORDER = ("phq2", "phq9", "gad2", "gad7", "auditc", "numbness", "pcptsd5", "pcl5")


@cache
def instruments() -> dict[str, Instrument]:
    """Every questionnaire in content/instruments/, in the order they are offered."""
    from thawing.core.questionnaires import Instrument

    folder = resources.files(__package__).joinpath("instruments")
    found = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            instrument = Instrument.from_mapping(tomllib.loads(entry.read_text("utf-8")),
                                                 where=f"instruments/{entry.name}")
            found[instrument.id] = instrument
    ordered = [i for i in INSTRUMENT_ORDER if i in found] + sorted(set(found) - set(INSTRUMENT_ORDER))
    return {i: found[i] for i in ordered}


def score(instrument_id: str, answers: Sequence[int | None]) -> Score:
    """Score answers for one of the shipped questionnaires, by id (see core.questionnaires.score)."""
    from thawing.core.questionnaires import score as score_among

    return score_among(instrument_id, answers, instruments())


# Within a kind, the order exercises are offered in; new files follow, by name.
EXERCISE_ORDER = (
    "five-senses", "feet-and-chair", "colour-hunt", "sounds-near-and-far", "familiar-object",
    "listening-to-a-song", "something-cold", "body-scan", "palms-together", "holding-yourself",
    "barefoot-walking", "longer-out-breath", "meditation-timer", "waking-stretch",
    "movement-snack", "mindful-rhythm", "honouring-a-feeling", "safe-release",
)


def _parse(text: str, where: str) -> dict[str, Any]:
    """Parsed TOML; a syntax error names the file like any other content problem."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(where, "(file)", f"is not valid TOML ({error})") from None


@cache
def exercises() -> dict[str, Exercise]:
    """Every exercise in content/exercises/ by id: grounding first, release last."""
    from thawing.core.exercises import KINDS, Exercise

    folder = resources.files(__package__).joinpath("exercises")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            where = f"exercises/{entry.name}"
            found.append(Exercise.from_mapping(_parse(entry.read_text("utf-8"), where), where=where))
    rank = {name: i for i, name in enumerate(EXERCISE_ORDER)}
    found.sort(key=lambda e: (KINDS.index(e.kind), rank.get(e.id, len(rank)), e.name))
    return {e.id: e for e in found}


@cache
def ideas() -> IdeaBook:
    """The suggestion lists of content/ideas.toml."""
    from thawing.core.ideas import IdeaBook

    return IdeaBook.from_mapping(_parse(read_text("ideas.toml"), "ideas.toml"), where="ideas.toml")
