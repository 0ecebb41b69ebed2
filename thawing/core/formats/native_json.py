"""Thawing's own export: every record of every feature, lossless, in versioned JSON.

Version 1 (Thawing 0.2), the only version written so far; documented field by field in
docs/export-format.md:

    {
    "format": "thawing-export",                 magic: always this string
    "version": 1,                               bumped whenever a field is added or changes meaning
    "exported_at": "2026-03-10T15:00:00+00:00", when the file was made (UTC)
    "app_version": "0.2.0",                     the Thawing that made it
    "profiles": [{"id": 1, "display_name": ..., "timezone": ..., ...}],
    "checkins": [{"id": 1, "at": ..., "mood": 7, ...}, ...],
    "checkin_emotions": [{"id": 1, "checkin": 1, "emotion": "grief", "intensity": 3}, ...],
    ... one array per record type, in the order of KINDS ...
    }

- Every array holds objects with every field of the record. `id` numbers the records of one
  array from 1 and only links parts to each other (an emotion to its check-in, a dose change
  to its medicine, an entry to its tags); ids are never database keys.
- Moments are ISO 8601 in UTC with microseconds ("2026-03-10T15:00:00.123456+00:00"), days
  "YYYY-MM-DD", times of day "HH:MM:SS", "not given" is null, text is UTF-8. The writer puts
  each record on a line of its own, so a line number points at one record.
- Each version has its own reader module (`native_v1.py` for version 1), never edited once
  a newer version exists, so every file Thawing ever wrote stays readable. Readers accept
  any UTC offset, ignore fields and arrays they don't know, refuse a newer version kindly,
  and check every record as Thawing's own forms do (ranges, lengths, known words and
  exercises, nothing in the future): a record that fails is left out and listed with its
  line, never half-saved. A part whose record was left out is left out too.

The key of a record is the SHA-256 of its content without its id and bookkeeping times, with
links replaced by the linked record's key; a check-in's key covers its emotion words and body
cues, an entry's its tags. The same record has the same key in every export, so importing a
file twice finds what is already there. Repeats in one file are numbered, as in the readers.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from thawing.core.formats import (
    MAX_RECORDS,
    Skipped,
    UnreadableFile,
    check_json_size,
    decode_text,
    json_item_lines,
    numbered_keys,
    too_many,
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


# ---------------------------------------------------------------- writing


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


def write(records: Mapping[str, Iterable[Mapping[str, object]]], *, exported_at: datetime,
          app_version: str) -> bytes:
    """A version 1 export of plain records (see `plain`), one record per line, as UTF-8."""
    return b"".join(write_lines(records, exported_at=exported_at, app_version=app_version))


def write_lines(records: Mapping[str, Iterable[Mapping[str, object]]], *, exported_at: datetime,
                app_version: str) -> Iterator[bytes]:
    """`write` in pieces, taking each kind's records only when its turn comes: the head, then
    each record's line, so an export can go out while its records are still being read."""
    head = {"format": FORMAT, "version": VERSION, "exported_at": plain(exported_at),
            "app_version": app_version}
    yield _utf8("{\n" + "".join(f"{json.dumps(name)}: {json.dumps(value)},\n"
                                for name, value in head.items()))
    for number, kind in enumerate(KINDS):
        end = "" if number == len(KINDS) - 1 else ","
        rows = iter(records.get(kind, ()))
        row = next(rows, None)
        if row is None:
            yield _utf8(f"{json.dumps(kind)}: []{end}\n")
            continue
        yield _utf8(f"{json.dumps(kind)}: [\n")
        # Each line but the last ends with a comma, so every record waits for the next one.
        for following in rows:
            yield _utf8(json.dumps(row, ensure_ascii=False) + ",\n")
            row = following
        yield _utf8(json.dumps(row, ensure_ascii=False) + f"\n]{end}\n")
    yield b"}\n"


def _utf8(text: str) -> bytes:
    # A lone surrogate becomes its JSON escape again, so nothing is lost.
    return text.encode("utf-8", "backslashreplace")


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




def read(data: bytes, *, now: datetime, today: date, known: Known | None = None,
         max_records: int = MAX_RECORDS) -> Document:
    """A Thawing export of any version written so far; records checked against `now` and `today`.

    At most `max_records` records of each kind, and MAX_JSON_VALUES values in all.
    """
    text = decode_text(data, fallback=None).lstrip("\ufeff")
    check_json_size(text)
    try:
        document = json.loads(text)
    except RecursionError:
        raise UnreadableFile(msg("This JSON is nested too deeply to be a Thawing export. Nothing was "
                                 "imported."), reason="json") from None
    except ValueError as error:
        line = getattr(error, "lineno", 1)
        raise UnreadableFile(msg(
            "This looks like JSON, but it stops making sense on line %(line)s. Nothing was imported.",
            line=line), line=line, reason="json") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise UnreadableFile(msg(
            "This isn\u2019t a Thawing export: it doesn\u2019t start with \u201cformat\u201d: "
            "\u201cthawing-export\u201d. Nothing was imported."), line=1, reason="format")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UnreadableFile(msg("This Thawing export has no version I can read. Nothing was imported."),
                             line=1, reason="version")
    if version not in READERS:
        raise UnreadableFile(msg(
            "This export was made by a newer Thawing (format version %(version)s). Update Thawing, "
            "then import it again. Nothing was imported.", version=version), line=1, reason="newer")
    if any(isinstance(rows, list) and len(rows) > max_records for rows in document.values()):
        raise too_many(max_records, msg("records of one kind"))
    exported = document.get("exported_at")
    app_version = document.get("app_version")
    result = Document(version=version, exported_at=_moment_or_none(exported),
                      app_version=app_version if isinstance(app_version, str) else "", records={},
                      text=text)
    READERS[version](document, result, Context(now, today, known))
    return result


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


# The reader of every version ever written; they import the names above, so they come last.
from thawing.core.formats import native_v1  # noqa: E402

READERS: dict[int, Callable[[Mapping[str, object], Document, Context], None]] = {1: native_v1.read}
# The fields of the version written now, with their checks.
FIELDS = native_v1.FIELDS
