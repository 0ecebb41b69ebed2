"""Screening questionnaires (G1, G5): scoring, published bands, the safety item, cut-offs.

Results are screening, never diagnosis. Definitions live in `content/instruments/*.toml`.

The answers to one questionnaire are a flat list of numbers (None for unanswered), in the
order the questions are asked: the opening question if the instrument has one (the
PC-PTSD-5's "have you ever experienced this kind of event?"), then the scored items, then
any optional extra questions that are not part of the total (the PHQ-9's "how difficult",
the AUDIT-C's question that picks the cut-off). Extra questions at the end may be left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
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
class Question:
    """A question outside the scored items: an opening (gate) question or an extra one."""

    id: str
    text: str
    options: tuple[Option, ...]
    # Gate only: the words that lead into the items once it is answered yes.
    lead: str = ""
    hint: str = ""


@dataclass(frozen=True)
class Cutoff:
    """Where a total becomes a reason to talk to a professional (G1), from the published cut-off.

    `by` holds exceptions for one answer of an extra question: (question id, answer, cut-off).
    `with_history` is the lower line used after a past of depression, anxiety or trauma.
    """

    at: int
    with_history: int | None = None
    by: tuple[tuple[str, int, int], ...] = ()


def _options(data: Any) -> tuple[Option, ...]:
    return tuple(Option(int(o["value"]), o["label"]) for o in data)


def _question(data: Mapping[str, Any]) -> Question:
    return Question(id=data["id"], text=data["text"], options=_options(data["options"]),
                    lead=data.get("lead", ""), hint=data.get("hint", ""))


def _cutoff(data: Mapping[str, Any] | None) -> Cutoff | None:
    if data is None:
        return None
    return Cutoff(at=int(data["at"]), with_history=data.get("with_history"),
                  by=tuple((b["question"], int(b["answer"]), int(b["at"])) for b in data.get("by", ())))


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
    # Items with answers of their own (the AUDIT-C); empty for items on the shared scale.
    item_options: tuple[tuple[Option, ...], ...] = ()
    gate: Question | None = None
    extras: tuple[Question, ...] = ()
    cutoff: Cutoff | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, where: str = "") -> Instrument:
        """An instrument from its TOML; a missing or malformed field names the file and field."""
        try:
            instrument = cls(
                id=data["id"], name=data["name"], title=data["title"], about=data["about"],
                validated=bool(data["validated"]), source=data["source"],
                licence=data["licence"], attribution=data["attribution"], stem=data["stem"],
                items=tuple(i["text"] for i in data["items"]),
                options=_options(data.get("options", ())),
                item_options=tuple(_options(i.get("options", ())) for i in data["items"]),
                bands=tuple(Band(int(b["min"]), int(b["max"]), b["label"], b["meaning"])
                            for b in data["bands"]),
                max_missing=int(data.get("max_missing", 0)),
                safety_items=tuple(int(i) for i in data.get("safety_items", ())),
                retake_days=int(data.get("retake_days", 14)),
                follow_up=data.get("follow_up", ""),
                follow_up_from=data.get("follow_up_from"),
                opt_in=bool(data.get("opt_in", False)),
                gate=_question(data["gate"]) if "gate" in data else None,
                extras=tuple(_question(q) for q in data.get("extras", ())),
                cutoff=_cutoff(data.get("cutoff")),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ThawingError(f"Instrument file {where or '?'}: missing or malformed field "
                               f"{error}.") from None
        instrument._check(where)
        return instrument

    def _check(self, where: str) -> None:
        """Every item has answers; bands must cover every possible total exactly once."""
        if any(not self.options_for(n) for n in range(1, len(self.items) + 1)):
            raise ThawingError(f"Instrument file {where or self.id}: an item has no answers to choose.")
        highest = self.highest
        covered = [t for b in self.bands for t in range(b.low, b.high + 1)]
        if sorted(covered) != list(range(0, highest + 1)):
            raise ThawingError(f"Instrument file {where or self.id}: bands must cover 0 to "
                               f"{highest} once each.")
        if any(not 1 <= i <= len(self.items) for i in self.safety_items):
            raise ThawingError(f"Instrument file {where or self.id}: safety_items out of range.")

    @property
    def highest(self) -> int:
        return sum(max(o.value for o in self.options_for(n)) for n in range(1, len(self.items) + 1))

    def options_for(self, number: int) -> tuple[Option, ...]:
        """The answers to item `number` (from 1): its own, else the shared scale."""
        own = self.item_options[number - 1] if len(self.item_options) >= number else ()
        return own or self.options

    def questions(self) -> list[tuple[str, tuple[Option, ...]]]:
        """Every question in the order of the answers list: (name, its answers)."""
        layout = [(self.gate.id, self.gate.options)] if self.gate else []
        layout += [(f"q{n}", self.options_for(n)) for n in range(1, len(self.items) + 1)]
        return layout + [(q.id, q.options) for q in self.extras]

    def reason_from(self, extras: Mapping[str, int], *, history: bool = False) -> int | None:
        """The total from which a result is a reason to see a professional (G1); None: never.

        An extra answer can pick another published cut-off (AUDIT-C: 4 for men, else 3); a
        past of depression, anxiety or trauma lowers it where the file gives a lower line.
        """
        if self.cutoff is None:
            return None
        at = next((b_at for question, answer, b_at in self.cutoff.by
                   if extras.get(question) == answer), self.cutoff.at)
        if history and self.cutoff.with_history is not None:
            return min(at, int(self.cutoff.with_history))
        return at

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
    # Answers to the optional extra questions, by question id; and every answer as kept.
    extras: Mapping[str, int] = field(default_factory=dict)
    answers: tuple[int | None, ...] = ()


def score_instrument(instrument: Instrument, answers: Sequence[int | None]) -> Score:
    """Total, published band and safety flag for one set of answers (`None` = unanswered).

    Up to `max_missing` unanswered items are replaced by the mean of the answered ones
    (PHQ-9: two); more are refused. A safety item above 0 flags, whatever the total. With
    an opening question answered "no" (0), the items are not asked and the total is 0.
    """
    layout = instrument.questions()
    required = len(layout) - len(instrument.extras)
    # "No" to the opening question may stand alone: the items after it are not asked.
    if instrument.gate and answers and answers[0] == 0 and not isinstance(answers[0], bool):
        required = 1
    if not required <= len(answers) <= len(layout):
        raise InvalidInput({"answers": msg(
            "%(name)s has %(n)s questions; %(given)s answers were given.",
            name=instrument.name, n=len(layout) - len(instrument.extras), given=len(answers))})
    for (_, options), answer in zip(layout, answers, strict=False):
        if answer is not None and (isinstance(answer, bool) or answer not in {o.value for o in options}):
            raise InvalidInput({"answers": msg(
                "Each answer is one of %(values)s.",
                values=", ".join(str(o.value) for o in options))})
    kept = list(answers) + [None] * (len(layout) - len(answers))
    offset = 1 if instrument.gate else 0
    items = kept[offset:offset + len(instrument.items)]
    extras = {q.id: a for q, a in zip(instrument.extras, kept[offset + len(instrument.items):],
                                      strict=True) if a is not None}
    if instrument.gate and kept[0] is None:
        raise InvalidInput({"answers": msg("Please answer the first question, yes or no.")})
    if instrument.gate and kept[0] == 0:
        # Nothing happened that the items ask about: they are not asked, and count as 0.
        kept[offset:offset + len(items)] = [None] * len(items)
        band = instrument.band_for(0)
        return Score(instrument=instrument.id, total=0, band=band.label, meaning=band.meaning,
                     safety_flag=False, answered=0, prorated=False, extras=extras,
                     answers=tuple(kept[:len(answers)]))
    given = [a for a in items if a is not None]
    missing = len(items) - len(given)
    if missing > instrument.max_missing or not given:
        raise InvalidInput({"answers": msg(
            "Please answer every question (%(missing)s still open). Any answer is fine, "
            "including \u201cNot at all\u201d.", missing=missing)})
    raw = Decimal(sum(given)) * len(items) / len(given)
    total = int(raw.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    band = instrument.band_for(total)
    flagged = any((items[i - 1] or 0) > 0 for i in instrument.safety_items)
    return Score(instrument=instrument.id, total=total, band=band.label, meaning=band.meaning,
                 safety_flag=flagged, answered=len(given), prorated=missing > 0, extras=extras,
                 answers=tuple(kept[:len(answers)]))


def score(instrument_id: str, answers: Sequence[int | None],
          instruments: Mapping[str, Instrument]) -> Score:
    """Score answers for the instrument of that id among `instruments`.

    The shipped ones are read by `thawing.content.score`: core never reads content itself.
    """
    found = instruments.get(instrument_id)
    if found is None:
        raise InvalidInput({"instrument": msg(
            "There is no questionnaire called \u201c%(id)s\u201d.", id=instrument_id)})
    return score_instrument(found, answers)
