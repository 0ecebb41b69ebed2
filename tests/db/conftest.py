"""Field keys turned on for a test, and one record of every kind of free text."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from thawing.core import fieldcrypt

KEY_2025 = b"\x25" * 32
KEY_2026 = b"\x26" * 32


def keys_value(*pairs: tuple[str, bytes]) -> str:
    """THAWING_FIELD_KEYS for these (id, key) pairs, the first current."""
    return ",".join(f"{key_id}:{fieldcrypt.encode_key(key)}" for key_id, key in pairs)


@pytest.fixture
def every_free_text(make_account):
    """One row of every model with encrypted columns, each column holding its own sentence.

    Returns {column identity: sentence}. It fails when a column is encrypted that it does not
    fill, so a new encrypted field is covered by the dump test the day it is added.
    """
    from thawing.care.models import ClinicianNotes, Medication, SafetyPlan
    from thawing.checkins.models import CheckIn, Episode
    from thawing.db.fields import encrypted_fields
    from thawing.habits.models import Numbing
    from thawing.journal.models import Entry, ThoughtRecord
    from thawing.portability.models import PendingImport
    from thawing.practices.models import Activity, Connection, ListItem, Session

    user = make_account("robin")
    now, today = datetime(2026, 3, 1, 9, 30, tzinfo=UTC), date(2026, 3, 1)
    sentences: dict[str, str] = {}

    def texts(model: type, *names: str) -> dict[str, str]:
        values = {}
        for name in names:
            column = f"{model._meta.db_table}.{model._meta.get_field(name).column}"
            sentences[column] = values[name] = f"Marmalade {len(sentences)}: the orchard felt far away"
        return values

    CheckIn.objects.create(user=user, at=now, **texts(CheckIn, "flicker", "note"))
    Episode.objects.create(user=user, started_on=today, acknowledged_at=now, **texts(Episode, "words"))
    Numbing.objects.create(user=user, day=today, kind="scrolling", **texts(Numbing, "note"))
    Entry.objects.create(user=user, written_at=now, **texts(Entry, "title", "body"))
    ThoughtRecord.objects.create(user=user, at=now, **texts(
        ThoughtRecord, "situation", "thought", "evidence", "other_views", "conclusions", "alternative"))
    SafetyPlan.objects.create(user=user, **texts(
        SafetyPlan, "warning_signs", "coping", "distractions", "people", "professionals", "environment",
        "reasons"))
    Medication.objects.create(user=user, name="sertraline", **texts(Medication, "note"))
    ClinicianNotes.objects.create(user=user, **texts(ClinicianNotes, "text"))
    Session.objects.create(user=user, exercise="grounding", kind="grounding", at=now, seconds=60,
                           **texts(Session, "note"))
    ListItem.objects.create(user=user, kind="enjoy", **texts(ListItem, "text", "detail"))
    Activity.objects.create(user=user, kind="enjoy", done_on=today, **texts(Activity, "title", "note"))
    Connection.objects.create(user=user, on=today, how="call", **texts(Connection, "who", "note"))
    PendingImport.objects.create(user=user, token="waiting-import", kind="jrnl",
                                 **texts(PendingImport, "payload"))
    assert set(sentences) == {field.aad for field in encrypted_fields()}
    return sentences
