"""Exports: the JSON holds every record of every feature; CSV and Markdown read well."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from thawing.checkins import services as checkins
from thawing.core.formats.native_json import FIELDS, KINDS
from thawing.portability import services
from thawing.portability.records import MODELS

pytestmark = pytest.mark.django_db
# Fields never exported: a secret that would reopen old calendar subscriptions, and the
# moment the profile row was made (the profile is never imported as a new row).
NOT_EXPORTED = {"profiles": {"feed_token", "created_at"}}
# Kept only between an upload and its confirmation, never a record of the person's.
NOT_RECORDS = {"portability.PendingImport"}


def user_models() -> list[type[models.Model]]:
    """Every model of Thawing's own apps that belongs to a person."""
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("thawing."):
            continue
        user = next((f for f in model._meta.get_fields() if f.name == "user"), None)
        if user is not None and getattr(user, "related_model", None) is not None and \
                user.related_model._meta.label == settings.AUTH_USER_MODEL:
            found.append(model)
    return found


def test_every_model_of_a_person_has_an_array_in_the_export():
    exported = set(MODELS.values())
    missing = [m._meta.label for m in user_models() if m not in exported and m._meta.label not in NOT_RECORDS]
    assert missing == []


@pytest.mark.parametrize("kind", KINDS)
def test_every_field_of_every_record_is_in_the_format(kind):
    model = MODELS[kind]
    columns = {f.name for f in model._meta.concrete_fields} - {"id", "user"} - NOT_EXPORTED.get(kind, set())
    assert columns == set(FIELDS[kind]) - {"id"}


def test_the_json_export_holds_every_record_of_every_kind(everything):
    exported = json.loads(services.export_json(user=everything))
    counts = {kind: MODELS[kind].objects.filter(user=everything).count() for kind in KINDS}
    assert all(counts.values()), f"the fixture misses a kind: {counts}"
    assert {kind: len(exported[kind]) for kind in KINDS} == counts


def test_the_json_export_holds_only_the_persons_own_records(everything, make_account):
    other = make_account("other")
    checkins.record_checkin(user=other, mood=9, note="someone else's words")
    exported = services.export_json(user=everything)
    assert b"someone else" not in exported
    assert json.loads(services.export_json(user=other))["checkins"][0]["note"] == "someone else's words"


def test_links_use_export_ids_not_database_keys(everything):
    exported = json.loads(services.export_json(user=everything))
    for kind in KINDS:
        assert [r["id"] for r in exported[kind]] == list(range(1, len(exported[kind]) + 1))
    checkin_ids = {r["id"] for r in exported["checkins"]}
    assert {e["checkin"] for e in exported["checkin_emotions"]} <= checkin_ids
    grief = next(e for e in exported["checkin_emotions"] if e["emotion"] == "grief")
    assert next(c for c in exported["checkins"] if c["id"] == grief["checkin"])["feel"] == 2


def table(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_the_checkins_csv_has_one_row_per_checkin_in_local_time(everything):
    rows = table(services.export_csv(user=everything, what="checkins"))
    assert len(rows) == 5
    flat = next(r for r in rows if r["emotions"])
    assert (flat["date"], flat["time"], flat["emotions"], flat["body"]) == (
        "2026-03-01", "09:05", "grief:4; calm", "chest:heavy")
    assert flat["note"] == 'Flat, "quoted", =1+1'
    assert [r["cant_tell"] for r in rows].count("yes") == 1


def test_the_habits_csv_has_a_row_per_day(everything):
    rows = table(services.export_csv(user=everything, what="habits"))
    assert [(r["date"], r["sleep_hours"], r["numbing"]) for r in rows] == [
        ("2026-03-01", "7.5", ""), ("2026-03-02", "8", "scrolling:a_lot:to cope")]


def test_an_unknown_csv_table_is_refused(everything):
    from thawing.core.errors import InvalidInput

    with pytest.raises(InvalidInput):
        services.export_csv(user=everything, what="secrets")


def test_the_markdown_journal_has_entries_letters_and_thought_records(everything):
    text = services.export_markdown(user=everything).decode()
    assert "#### 10:00 · Glass\n#numb\n\n\\# not a heading\nThe morning felt far." in text
    assert "*Unsent letter*" in text and "Dear Gran" in text
    assert "**The thought:**\nI am broken" in text
    assert text.index("Sunday 1 March 2026") < text.index("Wednesday 4 March 2026")
