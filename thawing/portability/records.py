"""Every record of one person, read kind by kind, as the plain records of the export format.

Used by the JSON export (streamed as it is read) and by the Thawing import to find what is
already there (`snapshot`, held whole): the same reading gives both, so a record and its
exported copy always have the same key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model

from thawing.accounts.models import Profile
from thawing.care.models import ClinicianNotes, Medication, MedicationChange, SafetyPlan, ScreeningResult
from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion, Episode
from thawing.core.formats.native_json import FIELDS, KINDS, LINKS, plain
from thawing.habits.models import DayHabits, Numbing
from thawing.journal.models import Entry, EntryTag, Tag, ThoughtRecord
from thawing.portability.models import ImportedKey
from thawing.practices.models import Activity, ChecklistTick, Connection, ListItem, Session

# Each kind of the export: its model, the order of its records, and its links (field -> kind).
MODELS: dict[str, type[Model]] = {
    "profiles": Profile, "checkins": CheckIn, "checkin_emotions": CheckInEmotion,
    "body_sensations": BodySensation, "episodes": Episode, "day_habits": DayHabits, "numbing": Numbing,
    "entries": Entry, "tags": Tag, "entry_tags": EntryTag, "thought_records": ThoughtRecord,
    "safety_plans": SafetyPlan, "screening_results": ScreeningResult, "medications": Medication,
    "medication_changes": MedicationChange, "clinician_notes": ClinicianNotes, "sessions": Session,
    "list_items": ListItem, "activities": Activity, "connections": Connection,
    "checklist_ticks": ChecklistTick, "imported_keys": ImportedKey,
}
ORDER: dict[str, tuple[str, ...]] = {
    "profiles": ("pk",), "checkins": ("at", "pk"), "checkin_emotions": ("pk",), "body_sensations": ("pk",),
    "episodes": ("started_on", "acknowledged_at", "pk"), "day_habits": ("day",), "numbing": ("day", "pk"),
    "entries": ("written_at", "pk"), "tags": ("name",), "entry_tags": ("pk",),
    "thought_records": ("at", "pk"), "safety_plans": ("pk",), "screening_results": ("taken_at", "pk"),
    "medications": ("created_at", "pk"), "medication_changes": ("on", "pk"), "clinician_notes": ("pk",),
    "sessions": ("at", "pk"), "list_items": ("kind", "position", "pk"), "activities": ("created_at", "pk"),
    "connections": ("on", "pk"), "checklist_ticks": ("on", "item"), "imported_keys": ("source", "key"),
}
# The database column behind each link of the format.
COLUMNS = {"checkin": "checkin_id", "entry": "entry_id", "tag": "tag_id", "medication": "medication_id",
           "item": "item_id"}
PARENTS = {
    "checkin_emotions": ("checkin", "checkins"), "body_sensations": ("checkin", "checkins"),
    "entry_tags": ("entry", "entries"), "medication_changes": ("medication", "medications"),
}
# Records an import of a Thawing export never counts as the person's: the import keys of
# earlier Thawing imports only make sense in the profile that made them.
OWN_SOURCES = ("daylio", "jrnl")


# Parts are read in the order of their record, then their own; an entry's tags by tag name.
PART_ORDER: dict[str, tuple[str, ...]] = {
    "checkin_emotions": ("checkin__at", "checkin__pk", "pk"),
    "body_sensations": ("checkin__at", "checkin__pk", "pk"),
    "entry_tags": ("entry__written_at", "entry__pk", "tag__name", "pk"),
    "medication_changes": ("medication__created_at", "medication__pk", "on", "pk"),
}
# Kinds other records link to: their export ids are kept while the export is read.
TARGETS = frozenset(LINKS.values())
# Rows fetched from the database at a time while an export is read.
READ_BATCH = 2_000
Numbered = Iterator[tuple[int, dict[str, object]]]


@dataclass
class Snapshot:
    """The person's records per kind as plain export records (ids from 1), and their database keys."""

    records: dict[str, list[dict[str, object]]]
    pks: dict[str, list[int]]


def column(kind: str, name: str) -> str:
    """The database column of a field of the format: a link's is its foreign key."""
    return COLUMNS[name] if (kind, name) in LINKS else name


def _rows(kind: str, user: AbstractBaseUser) -> Iterator[dict[str, Any]]:
    columns = ["pk", *(column(kind, name) for name in FIELDS[kind] if name != "id")]
    queryset = MODELS[kind].objects.filter(user=user)
    if kind == "imported_keys":
        queryset = queryset.filter(source__in=OWN_SOURCES)
    order = PART_ORDER.get(kind, ORDER[kind])
    return queryset.order_by(*order).values(*columns).iterator(chunk_size=READ_BATCH)


def read(user: AbstractBaseUser, *,
         progress: Callable[[int, int], None] | None = None) -> dict[str, Numbered]:
    """Every record of `user` as (database key, plain record), kind by kind in the export's order.

    Each kind is read from the database only when its turn comes, in batches, so an export goes
    out while it is read instead of being held whole in memory. Read the kinds in
    order: parts take their record's export id from the kinds before them. A part whose record
    appeared after that record's kind was read (written meanwhile) is left out.
    """
    local: dict[str, dict[int, int]] = {}
    return {kind: _numbered(kind, user, local, step, progress) for step, kind in enumerate(KINDS, start=1)}


def _numbered(kind: str, user: AbstractBaseUser, local: dict[str, dict[int, int]], step: int,
              progress: Callable[[int, int], None] | None) -> Numbered:
    numbers = local.setdefault(kind, {}) if kind in TARGETS else None
    number = 0
    for row in _rows(kind, user):
        record = _plain(kind, number + 1, row, local)
        if record is None:
            continue
        number += 1
        if numbers is not None:
            numbers[row["pk"]] = number
        yield row["pk"], record
    if progress is not None:
        progress(step, len(KINDS))


def snapshot(user: AbstractBaseUser, *, progress: Callable[[int, int], None] | None = None) -> Snapshot:
    """Every record of `user`, in the export's order, linked by export ids, held in memory."""
    records: dict[str, list[dict[str, object]]] = {}
    pks: dict[str, list[int]] = {}
    for kind, numbered in read(user, progress=progress).items():
        found = list(numbered)
        pks[kind] = [pk for pk, _ in found]
        records[kind] = [record for _, record in found]
    return Snapshot(records, pks)


def _plain(kind: str, number: int, row: dict[str, Any],
           local: dict[str, dict[int, int]]) -> dict[str, object] | None:
    record: dict[str, object] = {"id": number}
    for name in FIELDS[kind]:
        if name == "id":
            continue
        value = row[column(kind, name)]
        if (kind, name) in LINKS and value is not None:
            value = local[LINKS[(kind, name)]].get(value)
            if value is None and kind in PARENTS:
                return None
        record[name] = plain(value)
    return record
