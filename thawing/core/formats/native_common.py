"""The parts of Thawing's export format that its writer and every version's reader share:
the kinds of record, their links and keys, and the reading context (the format itself is
documented in `native_json`).

`native_json` imports the reader of each version (`native_v1`), and the readers import this
module, never `native_json`, so nothing runs in a circle.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from thawing.core.formats.common import (
    Skipped,
    json_item_lines,
    numbered_keys,
)
from thawing.core.i18n import msg
from thawing.core.mood import OLDEST_YEAR

FORMAT = "thawing-export"
VERSION = 1

# Every array of version 1, parents before their parts.
KINDS = (
    "profiles", "checkins", "checkin_emotions", "body_sensations", "episodes", "day_habits", "numbing",
    "entries", "tags", "entry_tags", "thought_records", "safety_plans", "screening_results",
    "medications", "medication_changes", "clinician_notes", "sessions", "list_items", "activities",
    "connections", "checklist_ticks", "imported_keys",
)
# Kinds of which a person has at most one.
SINGLETONS = ("profiles", "safety_plans", "clinician_notes")
# Fields that say when a record was made or changed: kept, but not part of its key.
BOOKKEEPING = ("id", "created_at", "updated_at", "imported_at")
# (part kind, field linking it to its record, fields that count) for keys that cover parts.
PARTS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "checkins": (("checkin_emotions", "checkin", ("emotion", "intensity")),
                 ("body_sensations", "checkin", ("region", "sensation"))),
    "entries": (("entry_tags", "entry", ("tag",)),),
}
# Links: (kind, field) -> the kind it points at.
LINKS = {
    ("checkin_emotions", "checkin"): "checkins", ("body_sensations", "checkin"): "checkins",
    ("entry_tags", "entry"): "entries", ("entry_tags", "tag"): "tags",
    ("medication_changes", "medication"): "medications", ("activities", "item"): "list_items",
}

REASONS = {
    "shape": msg("it isn\u2019t shaped like a Thawing record."),
    "date": msg("a date or time in it isn\u2019t one I can read."),
    "future": msg("it is dated in the future."),
    "number": msg("a number in it is out of range."),
    "text": msg("a text in it is longer than Thawing keeps, or missing."),
    "choice": msg("a choice in it isn\u2019t one Thawing knows."),
    "unknown": msg("it names a word, exercise or questionnaire this version of Thawing doesn\u2019t know."),
    "link": msg("it belongs to a record that was left out or isn\u2019t in the file."),
    "repeat": msg("the same record is already in the file."),
    "taken": msg("you already have a different record for that day, so yours is kept."),
}
NAMES = {
    "profiles": msg("your settings"), "checkins": msg("a check-in"),
    "checkin_emotions": msg("an emotion word"),
    "body_sensations": msg("a body cue"), "episodes": msg("a shut-down stretch"),
    "day_habits": msg("a day\u2019s habits"), "numbing": msg("a numbing note"),
    "entries": msg("a journal entry"), "tags": msg("a tag"), "entry_tags": msg("an entry\u2019s tag"),
    "thought_records": msg("a thought record"), "safety_plans": msg("your safety plan"),
    "screening_results": msg("a questionnaire"), "medications": msg("a medicine"),
    "medication_changes": msg("a dose change"), "clinician_notes": msg("your notes for appointments"),
    "sessions": msg("a practice session"), "list_items": msg("a list item"), "activities": msg("an activity"),
    "connections": msg("a connection"), "checklist_ticks": msg("a checklist tick"),
    "imported_keys": msg("a record of an earlier import"),
}


def left_out(line: int, kind: str, reason: str) -> Skipped:
    """A record left out, told kindly; never quotes the record."""
    return Skipped(line, reason, msg("Line %(line)s (%(what)s) was left out: %(why)s", line=line,
                                     what=NAMES.get(kind, msg("a record")), why=REASONS[reason]))


def plain(value: object) -> object:
    """A stored value as the format writes it: moments in UTC, days and times ISO, Decimal a number."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value


# ---------------------------------------------------------------- keys


def _hash(parts: Iterable[object]) -> str:
    text = json.dumps(list(parts), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(unicodedata.normalize("NFC", text).encode("utf-8", "surrogatepass")).hexdigest()


def assign_keys(records: Mapping[str, Sequence[Mapping[str, object]]]) -> dict[str, list[str]]:
    """The key of every plain record, per kind, aligned with the records given."""
    keys: dict[str, list[str]] = {}
    by_id: dict[str, dict[object, str]] = {}
    parts = {kind: _parts_of(records, kind) for kind in PARTS}
    order = ["tags", "list_items", "medications"] + [k for k in KINDS if k not in (
        "tags", "list_items", "medications")]
    for kind in order:
        rows = records.get(kind, ())
        raw = []
        for row in rows:
            content = {name: _linked(kind, name, value, by_id) for name, value in row.items()
                       if name not in BOOKKEEPING}
            for part_kind, _link, _fields in PARTS.get(kind, ()):
                content[part_kind] = [[_linked(part_kind, f, part.get(f), by_id) for f in _fields]
                                      for part in parts[kind].get(row.get("id"), {}).get(part_kind, ())]
            raw.append(_hash([kind, content]))
        keys[kind] = numbered_keys(raw)
        by_id[kind] = {row.get("id"): key for row, key in zip(rows, keys[kind], strict=True)}
    return keys


def _parts_of(records: Mapping[str, Sequence[Mapping[str, object]]],
              kind: str) -> dict[object, dict[str, list[Mapping[str, object]]]]:
    found: dict[object, dict[str, list[Mapping[str, object]]]] = {}
    for part_kind, link, _fields in PARTS[kind]:
        for part in records.get(part_kind, ()):
            found.setdefault(part.get(link), {}).setdefault(part_kind, []).append(part)
    return found


def _linked(kind: str, name: str, value: object, by_id: Mapping[str, Mapping[object, str]]) -> object:
    target = LINKS.get((kind, name))
    if target is None or value is None:
        return value
    return by_id.get(target, {}).get(value, "?")


# ---------------------------------------------------------------- reading



@dataclass(frozen=True)
class Known:
    """What this Thawing knows, to check names in a file: ids of each kind of content."""

    emotions: frozenset[str]
    regions: frozenset[str]
    sensations: frozenset[str]
    exercises: Mapping[str, str]
    exercise_kinds: frozenset[str]
    instruments: frozenset[str]
    numbing: frozenset[str]
    checklist: frozenset[str]
    prompts: frozenset[str]
    zones: frozenset[str]
    countries: frozenset[str]


@dataclass(frozen=True)
class Record:
    """One record as read: its id in the file, its position in its array, values and key."""

    id: int
    index: int
    values: Mapping[str, Any]
    key: str


@dataclass
class Document:
    """A Thawing export as read: the records that passed, and what was left out and why."""

    version: int
    exported_at: datetime | None
    app_version: str
    records: dict[str, tuple[Record, ...]]
    skipped: list[Skipped] = field(default_factory=list)
    text: str = field(default="", repr=False)
    counts: dict[str, int] = field(default_factory=dict, repr=False)
    _lines: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def line(self, kind: str, index: int) -> int:
        """The line on which record `index` of `kind` starts (counted only when needed)."""
        if kind not in self._lines:
            self._lines[kind] = json_item_lines(self.text, self.counts.get(kind, 0), key=kind)
        lines = self._lines[kind]
        return lines[index] if index < len(lines) else 1

    def leave_out(self, kind: str, index: int, reason: str) -> None:
        self.skipped.append(left_out(self.line(kind, index), kind, reason))


class BadValue(Exception):
    """A value that fails a check; `reason` is a key of REASONS."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Context:
    """What checks compare against: the time now, the person's today, what Thawing knows."""

    now: datetime
    today: date
    known: Known | None


def _moment_or_none(value: object) -> datetime | None:
    try:
        return aware(value)
    except BadValue:
        return None


def aware(value: object) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise BadValue("date")
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadValue("date") from None
    if moment.tzinfo is None or moment.year < OLDEST_YEAR:
        raise BadValue("date")
    return moment.astimezone(UTC)
