"""From body to words (A3): sensations in body regions suggest candidate emotion words.

Suggestions are possibilities to consider, never a verdict about what someone feels.
The data comes from `content/body.toml`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from thawing.core.emotions import Emotion, Vocabulary
from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg

ANY = "*"


@dataclass(frozen=True)
class Region:
    id: str
    label: str


@dataclass(frozen=True)
class Sensation:
    id: str
    label: str
    help: str


@dataclass(frozen=True)
class Cue:
    region: str
    sensation: str
    emotions: tuple[str, ...]
    reason: str

    def matches(self, region: str, sensation: str) -> bool:
        return self.region in (ANY, region) and self.sensation in (ANY, sensation)

    @property
    def specificity(self) -> int:
        """2 for a rule about one region and one sensation, 0 for a catch-all."""
        return (self.region != ANY) + (self.sensation != ANY)


@dataclass(frozen=True)
class Suggestion:
    emotion: Emotion
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class BodyMap:
    regions: tuple[Region, ...]
    sensations: tuple[Sensation, ...]
    cues: tuple[Cue, ...]

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> BodyMap:
        return cls(
            regions=tuple(Region(r["id"], r["label"]) for r in data["regions"]),
            sensations=tuple(
                Sensation(s["id"], s["label"], s.get("help", "")) for s in data["sensations"]
            ),
            cues=tuple(
                Cue(c["region"], c["sensation"], tuple(c["emotions"]), c["reason"])
                for c in data["cues"]
            ),
        )

    def region(self, region_id: str) -> Region | None:
        return next((r for r in self.regions if r.id == region_id), None)

    def sensation(self, sensation_id: str) -> Sensation | None:
        return next((s for s in self.sensations if s.id == sensation_id), None)

    def parse(self, choice: str) -> tuple[str, str]:
        """A "region:sensation" choice (ids or labels, any case), or InvalidInput."""
        region_text, _, sensation_text = choice.partition(":")
        region = self._find(self.regions, region_text)
        sensation = self._find(self.sensations, sensation_text)
        if region is None or sensation is None:
            raise InvalidInput({"body": msg(
                "\u201c%(choice)s\u201d isn\u2019t a body choice I know. Use REGION:SENSATION, "
                "for example chest:tight. Regions: %(regions)s. Sensations: %(sensations)s.",
                choice=choice.strip(),
                regions=", ".join(r.id for r in self.regions),
                sensations=", ".join(s.id for s in self.sensations),
            )})
        return region.id, sensation.id

    @staticmethod
    def _find(items: Iterable[Region | Sensation], text: str) -> Region | Sensation | None:
        key = "-".join(text.strip().lower().replace("_", " ").split())
        return next((i for i in items if key in (i.id, i.label.lower().replace(" ", "-"))), None)

    def suggest(
        self, choices: Iterable[tuple[str, str]], vocabulary: Vocabulary, *, limit: int = 8
    ) -> list[Suggestion]:
        """Candidate emotion words for the chosen (region, sensation) pairs, likeliest first.

        Each word scores by how many choices point to it and how specific the rule is; its
        reasons are the sentences of the rules that named it.
        """
        scores: dict[str, float] = {}
        reasons: dict[str, list[str]] = {}
        first_seen: dict[str, int] = {}
        for region, sensation in dict.fromkeys(choices):
            rules = [c for c in self.cues if c.matches(region, sensation)]
            best = max((c.specificity for c in rules), default=0)
            for cue in rules:
                # A rule for "any region" speaks only when no rule names this one.
                if cue.specificity < best:
                    continue
                for rank, emotion_id in enumerate(cue.emotions):
                    weight = (1 + cue.specificity) * (1 - rank * 0.1)
                    scores[emotion_id] = scores.get(emotion_id, 0) + weight
                    first_seen.setdefault(emotion_id, len(first_seen))
                    if cue.reason not in reasons.setdefault(emotion_id, []):
                        reasons[emotion_id].append(cue.reason)
        ranked = sorted(scores, key=lambda e: (-scores[e], first_seen[e]))
        return [
            Suggestion(emotion, tuple(reasons[emotion_id]))
            for emotion_id in ranked
            if (emotion := vocabulary.get(emotion_id)) is not None
        ][:limit]


def group_by_reason(suggestions: Iterable[Suggestion]) -> list[tuple[str, list[Emotion]]]:
    """Suggestions gathered under their first reason, so each sentence is shown once."""
    groups: dict[str, list[Emotion]] = {}
    for suggestion in suggestions:
        groups.setdefault(suggestion.reasons[0], []).append(suggestion.emotion)
    return list(groups.items())
