"""The emotion vocabulary (A4): families, definitions, body cues, valence and energy.

The data comes from `content/emotions.toml`; this module only reads the parsed mapping.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg


@dataclass(frozen=True)
class Cousin:
    id: str
    difference: str


@dataclass(frozen=True)
class Family:
    id: str
    name: str
    summary: str


@dataclass(frozen=True)
class Emotion:
    id: str
    name: str
    family: str
    definition: str
    body: tuple[str, ...]
    valence: int
    energy: int
    cousins: tuple[Cousin, ...]
    aliases: tuple[str, ...] = ()

    @property
    def quadrant(self) -> str:
        """Pleasantness x energy quadrant: "pleasant-high", "unpleasant-low", ... or "neutral"."""
        if self.valence == 0 or self.energy == 0:
            return "neutral"
        return ("pleasant" if self.valence > 0 else "unpleasant") + (
            "-high" if self.energy > 0 else "-low"
        )


def normalise(word: str) -> str:
    """Lower-case a typed word and join its parts with hyphens, as ids are written."""
    text = word.strip().lower().replace("\u2019", "'").replace("_", " ").replace("-", " ")
    return "-".join(text.split())


@dataclass(frozen=True)
class Vocabulary:
    families: tuple[Family, ...]
    emotions: tuple[Emotion, ...]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Vocabulary:
        families = tuple(Family(f["id"], f["name"], f["summary"]) for f in data["families"])
        emotions = tuple(
            Emotion(
                id=e["id"],
                name=e["name"],
                family=e["family"],
                definition=e["definition"],
                body=tuple(e["body"]),
                valence=int(e["valence"]),
                energy=int(e["energy"]),
                cousins=tuple(Cousin(c["id"], c["difference"]) for c in e.get("cousins", ())),
                aliases=tuple(e.get("aliases", ())),
            )
            for e in data["emotions"]
        )
        return cls(families=families, emotions=emotions)

    def __post_init__(self) -> None:
        index: dict[str, Emotion] = {}
        for emotion in self.emotions:
            for word in (emotion.id, emotion.name, *emotion.aliases):
                index.setdefault(normalise(word), emotion)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_by_id", {e.id: e for e in self.emotions})

    def get(self, emotion_id: str) -> Emotion | None:
        """The emotion with this exact id, or None."""
        return self._by_id.get(emotion_id)  # type: ignore[attr-defined,no-any-return]

    def lookup(self, word: str) -> Emotion | None:
        """The emotion a typed word names (id, name or alias, any case), or None."""
        return self._index.get(normalise(word))  # type: ignore[attr-defined,no-any-return]

    def family(self, family_id: str) -> Family | None:
        return next((f for f in self.families if f.id == family_id), None)

    def in_family(self, family_id: str) -> list[Emotion]:
        return [e for e in self.emotions if e.family == family_id]

    def close_matches(self, word: str, limit: int = 3) -> list[Emotion]:
        """Emotions whose words look like a misspelt `word`, closest first."""
        index: dict[str, Emotion] = self._index  # type: ignore[attr-defined]
        found = difflib.get_close_matches(normalise(word), list(index), n=limit * 3, cutoff=0.7)
        matches: list[Emotion] = []
        for key in found:
            if index[key] not in matches:
                matches.append(index[key])
        return matches[:limit]

    def resolve(self, word: str) -> Emotion:
        """The emotion for a typed word, or InvalidInput that offers close matches."""
        emotion = self.lookup(word)
        if emotion is not None:
            return emotion
        suggestions = self.close_matches(word)
        if suggestions:
            names = ", ".join(f"\u201c{e.name.lower()}\u201d" for e in suggestions)
            message = msg(
                "I don\u2019t know the word \u201c%(word)s\u201d yet. Did you mean %(names)s?",
                word=word.strip(), names=names,
            )
        else:
            message = msg(
                "I don\u2019t know the word \u201c%(word)s\u201d yet. You can browse the "
                "emotion words to find a close one.",
                word=word.strip(),
            )
        raise InvalidInput({"emotions": message})

    def search(self, query: str) -> list[Emotion]:
        """Emotions matching every word of `query`; names first, then definitions and cues."""
        terms = [t for t in normalise(query).split("-") if t]
        if not terms:
            return list(self.emotions)
        scored: list[tuple[int, int, Emotion]] = []
        for position, emotion in enumerate(self.emotions):
            score = _score(emotion, terms, self.family(emotion.family))
            if score:
                scored.append((-score, position, emotion))
        return [emotion for _, _, emotion in sorted(scored)]


def _score(emotion: Emotion, terms: Iterable[str], family: Family | None) -> int:
    names = " ".join((emotion.id, emotion.name, *emotion.aliases)).lower()
    other = " ".join(
        (emotion.definition, *emotion.body, family.name if family else "", emotion.family)
    ).lower()
    total = 0
    for term in terms:
        if term in names:
            total += 10
        elif term in other:
            total += 1
        else:
            return 0
    return total
