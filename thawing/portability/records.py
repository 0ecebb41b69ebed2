"""Every record of one person, read in one pass, as the plain records of the export format.

Used by the JSON export, and by the Thawing import to find what is already there: the same
reading gives both, so a record and its exported copy always have the same key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Model

from thawing.accounts.models import Profile
from thawing.care.models import ClinicianNotes, Medication, MedicationChange, SafetyPlan, ScreeningResult
from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion, DayHabits, Episode, Numbing
from thawing.core.formats.native_json import FIELDS, KINDS, LINKS, plain
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


@dataclass
class Snapshot:
    """The person's records per kind as plain export records (ids from 1), and their database keys."""

    records: dict[str, list[dict[str, object]]]
    pks: dict[str, list[int]]


def column(kind: str, name: str) -> str:
    """The database column of a field of the format: a link's is its foreign key."""
    return COLUMNS[name] if (kind, name) in LINKS else name


def _rows(kind: str, user: AbstractBaseUser) -> list[dict[str, Any]]:
    columns = ["pk", *(column(kind, name) for name in FIELDS[kind] if name != "id")]
    queryset = MODELS[kind].objects.filter(user=user)
    if kind == "imported_keys":
        queryset = queryset.filter(source__in=OWN_SOURCES)
    return list(queryset.order_by(*ORDER[kind]).values(*columns))


def snapshot(user: AbstractBaseUser, *, progress: Callable[[int, int], None] | None = None) -> Snapshot:
    """Every record of `user`, in the export's order, linked by export ids."""
    records: dict[str, list[dict[str, object]]] = {}
    pks: dict[str, list[int]] = {}
    local: dict[str, dict[int, int]] = {}
    for step, kind in enumerate(KINDS, start=1):
        rows = _rows(kind, user)
        rows = _in_parent_order(kind, rows, local)
        local[kind] = {row["pk"]: number for number, row in enumerate(rows, start=1)}
        pks[kind] = [row["pk"] for row in rows]
        records[kind] = [_plain(kind, number, row, local) for number, row in enumerate(rows, start=1)]
        if progress is not None:
            progress(step, len(KINDS))
    return Snapshot(records, pks)


def _in_parent_order(kind: str, rows: list[dict[str, Any]],
                     local: dict[str, dict[int, int]]) -> list[dict[str, Any]]:
    """Parts follow their record (an entry's tags by name), keeping their own order within it."""
    if kind not in PARENTS:
        return rows
    link, parent = PARENTS[kind]
    order = local[parent]
    if kind == "entry_tags":
        tags = local["tags"]
        return sorted(rows, key=lambda r: (order.get(r["entry_id"], 0), tags.get(r["tag_id"], 0)))
    return sorted(rows, key=lambda r: order.get(r[COLUMNS[link]], 0))


def _plain(kind: str, number: int, row: dict[str, Any],
           local: dict[str, dict[int, int]]) -> dict[str, object]:
    record: dict[str, object] = {"id": number}
    for name in FIELDS[kind]:
        if name == "id":
            continue
        value = row[column(kind, name)]
        if (kind, name) in LINKS and value is not None:
            value = local[LINKS[(kind, name)]][value]
        record[name] = plain(value)
    return record
