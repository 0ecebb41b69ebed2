"""Leave with everything, arrive with everything: export, import elsewhere, export again."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import time_machine

from tests.portability.conftest import NOW
from thawing.checkins.models import CheckIn
from thawing.checkins.services import record_checkin
from thawing.core.formats.native_json import KINDS
from thawing.journal.services import search_entries
from thawing.portability import services
from thawing.portability.records import MODELS

pytestmark = pytest.mark.django_db


def without_time_of_export(data: bytes) -> dict[str, object]:
    document = json.loads(data)
    document.pop("exported_at")
    return document


@pytest.fixture
def later():
    """Five days after the records were made, so kept times can be told from new ones."""
    with time_machine.travel(NOW + timedelta(days=5), tick=False):
        yield


def test_export_import_into_a_fresh_profile_and_export_again_is_identical(everything, make_account, later):
    first = services.export_json(user=everything)
    fresh = make_account("fresh", timezone="America/Chicago")
    report = services.run_import(user=fresh, kind="thawing", data=first)
    assert report.skipped == () and report.already == 0
    with time_machine.travel(NOW + timedelta(days=6), tick=False):
        second = services.export_json(user=fresh)
    assert without_time_of_export(second) == without_time_of_export(first)
    assert json.loads(second)["exported_at"] != json.loads(first)["exported_at"]


def test_the_times_records_were_made_and_changed_are_kept(everything, make_account, later):
    fresh = make_account("fresh")
    services.run_import(user=fresh, kind="thawing", data=services.export_json(user=everything))
    made = set(CheckIn.objects.filter(user=fresh).values_list("created_at", flat=True))
    assert made == set(CheckIn.objects.filter(user=everything).values_list("created_at", flat=True))
    assert NOW + timedelta(days=5) not in made


def test_every_record_arrives(everything, make_account):
    fresh = make_account("fresh")
    services.run_import(user=fresh, kind="thawing", data=services.export_json(user=everything))
    for kind in KINDS:
        # The keys of what a Thawing import brought only make sense in this profile: not counted.
        mine = MODELS[kind].objects.filter(user=fresh)
        if kind == "imported_keys":
            mine = mine.exclude(source="thawing")
        assert mine.count() == MODELS[kind].objects.filter(user=everything).count(), kind


def test_imported_entries_can_be_searched(everything, make_account):
    fresh = make_account("fresh")
    services.run_import(user=fresh, kind="thawing", data=services.export_json(user=everything))
    assert [h.entry.title for h in search_entries(user=fresh, query="morning far")] == ["Glass"]


def test_importing_the_same_export_again_adds_nothing(everything, make_account):
    data = services.export_json(user=everything)
    fresh = make_account("fresh")
    services.run_import(user=fresh, kind="thawing", data=data)
    before = services.export_json(user=fresh)
    preview = services.preview_import(user=fresh, kind="thawing", data=data)
    assert preview.new == 0 and preview.already > 0
    report = services.run_import(user=fresh, kind="thawing", data=data)
    assert report.added == 0
    assert without_time_of_export(services.export_json(user=fresh)) == without_time_of_export(before)


def test_importing_an_export_into_the_profile_that_made_it_adds_nothing(everything):
    data = services.export_json(user=everything)
    assert services.preview_import(user=everything, kind="thawing", data=data).new == 0


def test_a_later_export_adds_only_what_is_new(everything, make_account):
    fresh = make_account("fresh")
    services.run_import(user=fresh, kind="thawing", data=services.export_json(user=everything))
    record_checkin(user=everything, mood=8, note="a new day", at="2026-03-10T09:00")
    report = services.run_import(user=fresh, kind="thawing", data=services.export_json(user=everything))
    assert [(c.kind, c.new) for c in report.counts if c.new] == [("checkins", 1)]


def test_a_record_deleted_after_its_import_stays_deleted(everything, make_account):
    data = services.export_json(user=everything)
    fresh = make_account("fresh")
    services.run_import(user=fresh, kind="thawing", data=data)
    CheckIn.objects.filter(user=fresh, mood=7).delete()
    assert services.preview_import(user=fresh, kind="thawing", data=data).new == 0


def test_a_changed_safety_plan_here_is_kept_and_the_report_says_so(everything, make_account):
    from thawing.care.services import get_safety_plan, save_safety_plan

    data = services.export_json(user=everything)
    fresh = make_account("fresh")
    save_safety_plan(user=fresh, reasons="my own plan")
    report = services.run_import(user=fresh, kind="thawing", data=data)
    assert get_safety_plan(user=fresh).reasons == "my own plan"
    assert any("safety plan here is kept" in note for note in report.notes)


def test_settings_come_from_the_file_unless_kept(everything, make_account):
    from thawing.accounts.services import profile_for

    data = services.export_json(user=everything)
    kept = make_account("kept", timezone="Asia/Tokyo")
    services.run_import(user=kept, kind="thawing", data=data, options={"keep_settings": True})
    assert profile_for(kept).timezone == "Asia/Tokyo"
    taken = make_account("taken", timezone="Asia/Tokyo")
    services.run_import(user=taken, kind="thawing", data=data)
    assert (profile_for(taken).timezone, profile_for(taken).pace) == ("Europe/London", "gentle")


def test_a_new_dose_change_joins_the_medicine_already_here(everything, make_account):
    from thawing.care import medications
    from thawing.care.models import Medication, MedicationChange

    fresh = make_account("fresh")
    services.run_import(user=fresh, kind="thawing", data=services.export_json(user=everything))
    pill = Medication.objects.get(user=everything, name="Sertraline")
    medications.add_change(user=everything, medication_id=pill.pk, on="2026-03-01", dose="150 mg")
    report = services.run_import(user=fresh, kind="thawing", data=services.export_json(user=everything))
    assert [(c.kind, c.new) for c in report.counts if c.new] == [("medication_changes", 1)]
    mine = Medication.objects.get(user=fresh, name="Sertraline")
    assert list(MedicationChange.objects.filter(medication=mine).values_list("dose", flat=True)) == [
        "100 mg", "150 mg"]


def test_a_day_with_other_habits_here_keeps_them_and_the_row_is_listed(everything, make_account):
    from thawing.habits.services import habits_on, record_habits

    fresh = make_account("fresh")
    record_habits(user=fresh, day="2026-03-01", sleep_hours="5")
    report = services.run_import(user=fresh, kind="thawing", data=services.export_json(user=everything))
    assert float(habits_on(user=fresh, day=NOW.date().replace(day=1)).sleep_hours) == 5.0
    (left_out,) = report.skipped
    assert left_out.reason == "taken" and "a day’s habits" in left_out.message
