"""Screening questionnaires (G1, G5): scoring, published bands, the safety item.

Results are screening, never diagnosis. Definitions live in `content/instruments/*.toml`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from thawing.core.errors import InvalidInput, ThawingError
from thawing.core.i18n import msg


@dataclass(frozen=True)
class Band:
    low: int
    high: int
    label: str
    meaning: str


@dataclass(frozen=True)
class Option:
    value: int
    label: str


@dataclass(frozen=True)
class Instrument:
    id: str
    name: str
    title: str
    about: str
    validated: bool
    source: str
    licence: str
    attribution: str
    stem: str
    items: tuple[str, ...]
    options: tuple[Option, ...]
    bands: tuple[Band, ...]
    max_missing: int = 0
    safety_items: tuple[int, ...] = ()
    retake_days: int = 14
    follow_up: str = ""
    follow_up_from: int | None = None
    # Offered only when the person chooses it (the PCL-5 trauma module), not in the main list.
    opt_in: bool = False

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, where: str = "") -> Instrument:
        """An instrument from its TOML; a missing or malformed field names the file and field."""
        try:
            instrument = cls(
                id=data["id"], name=data["name"], title=data["title"], about=data["about"],
                validated=bool(data["validated"]), source=data["source"],
                licence=data["licence"], attribution=data["attribution"], stem=data["stem"],
                items=tuple(i["text"] for i in data["items"]),
                options=tuple(Option(int(o["value"]), o["label"]) for o in data["options"]),
                bands=tuple(Band(int(b["min"]), int(b["max"]), b["label"], b["meaning"])
                            for b in data["bands"]),
                max_missing=int(data.get("max_missing", 0)),
                safety_items=tuple(int(i) for i in data.get("safety_items", ())),
                retake_days=int(data.get("retake_days", 14)),
                follow_up=data.get("follow_up", ""),
                follow_up_from=data.get("follow_up_from"),
                opt_in=bool(data.get("opt_in", False)),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ThawingError(f"Instrument file {where or '?'}: missing or malformed field "
                               f"{error}.") from None
        instrument._check(where)
        return instrument

    def _check(self, where: str) -> None:
        """Bands must cover every possible total exactly once."""
        highest = len(self.items) * max(o.value for o in self.options)
        covered = [t for b in self.bands for t in range(b.low, b.high + 1)]
        if sorted(covered) != list(range(0, highest + 1)):
            raise ThawingError(f"Instrument file {where or self.id}: bands must cover 0 to "
                               f"{highest} once each.")
        if any(not 1 <= i <= len(self.items) for i in self.safety_items):
            raise ThawingError(f"Instrument file {where or self.id}: safety_items out of range.")

    @property
    def highest(self) -> int:
        return len(self.items) * max(o.value for o in self.options)

    def follow_up_for(self, total: int) -> str | None:
        """The fuller questionnaire to suggest after this total (PHQ-2 of 3+ -> PHQ-9), if any."""
        if self.follow_up and self.follow_up_from is not None and total >= self.follow_up_from:
            return self.follow_up
        return None

    def band_for(self, total: int) -> Band:
        return next(b for b in self.bands if b.low <= total <= b.high)


@dataclass(frozen=True)
class Score:
    instrument: str
    total: int
    band: str
    meaning: str
    safety_flag: bool
    answered: int
    prorated: bool


def score_instrument(instrument: Instrument, answers: Sequence[int | None]) -> Score:
    """Total, published band and safety flag for one set of answers (`None` = unanswered).

    Up to `max_missing` unanswered items are replaced by the mean of the answered ones
    (PHQ-9: two); more are refused. A safety item above 0 flags, whatever the total.
    """
    if len(answers) != len(instrument.items):
        raise InvalidInput({"answers": msg(
            "%(name)s has %(n)s questions; %(given)s answers were given.",
            name=instrument.name, n=len(instrument.items), given=len(answers))})
    allowed = {o.value for o in instrument.options}
    if any(a is not None and (isinstance(a, bool) or a not in allowed) for a in answers):
        raise InvalidInput({"answers": msg(
            "Each answer is one of %(values)s.",
            values=", ".join(str(v) for v in sorted(allowed)))})
    given = [a for a in answers if a is not None]
    missing = len(answers) - len(given)
    if missing > instrument.max_missing or not given:
        raise InvalidInput({"answers": msg(
            "Please answer every question (%(missing)s still open). Any answer is fine, "
            "including \u201cNot at all\u201d.", missing=missing)})
    raw = Decimal(sum(given)) * len(answers) / len(given)
    total = int(raw.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    band = instrument.band_for(total)
    flagged = any((answers[i - 1] or 0) > 0 for i in instrument.safety_items)
    return Score(instrument=instrument.id, total=total, band=band.label, meaning=band.meaning,
                 safety_flag=flagged, answered=len(given), prorated=missing > 0)


def score(instrument_id: str, answers: Sequence[int | None],
          instruments: Mapping[str, Instrument] | None = None) -> Score:
    """Score answers for an instrument by id; the shipped instruments unless others are given."""
    if instruments is None:
        from thawing import content

        instruments = content.instruments()
    found = instruments.get(instrument_id)
    if found is None:
        raise InvalidInput({"instrument": msg(
            "There is no questionnaire called \u201c%(id)s\u201d.", id=instrument_id)})
    return score_instrument(found, answers)
