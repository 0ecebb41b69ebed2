"""Medications (G3): what is saved and refused, one person never touching another's medicines,
dated before/after observations from real check-ins, and the notes kept for the clinician.

The clock stands still on Tuesday 10 March 2026, 15:00 in London (the local profile's zone).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from thawing.care import medications
from thawing.care.models import ClinicianNotes, Medication, MedicationChange
from thawing.checkins.services import record_checkin
from thawing.core.errors import InvalidInput, NotFound

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def still_clock():
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=LONDON), tick=False):
        yield


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def check_in(user, day: date, *, feel: int, mood: int | None = 5, hour: int = 12) -> None:
    record_checkin(user=user, mood=mood, feel=feel, at=f"{day.isoformat()}T{hour:02d}:00")


def refused(call, *fields: str) -> dict[str, str]:
    """Call a service that must refuse: the fields named, nothing saved."""
    before = (Medication.objects.count(), MedicationChange.objects.count())
    with pytest.raises(InvalidInput) as caught:
        call()
    assert set(caught.value.fields) == set(fields)
    assert all(str(m) for m in caught.value.fields.values())
    assert (Medication.objects.count(), MedicationChange.objects.count()) == before
    return caught.value.fields


# --- saving and refusing -----------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_a_medicine_is_saved_with_its_name_dose_days_and_note(local_user):
    saved = medications.add_medication(user=local_user, name="  Sertraline ", dose="50 mg",
                                       started_on="2026-01-05", stopped_on=None, note="with breakfast")
    found = medications.get_medication(user=local_user, medication_id=saved.pk)
    assert (found.name, found.dose, found.started_on, found.stopped_on, found.note) == (
        "Sertraline", "50 mg", date(2026, 1, 5), None, "with breakfast")


@pytest.mark.practice("G3")
def test_a_medicine_with_unknown_days_is_fine(local_user):
    saved = medications.add_medication(user=local_user, name="Lithium")
    assert (saved.started_on, saved.stopped_on, saved.dose) == (None, None, "")


@pytest.mark.practice("G3")
@pytest.mark.parametrize("name", ["", "   ", None])
def test_a_medicine_without_a_name_is_refused(local_user, name):
    fields = refused(lambda: medications.add_medication(user=local_user, name=name), "name")
    assert "empty" in str(fields["name"])


def test_a_name_longer_than_120_characters_is_refused(local_user):
    refused(lambda: medications.add_medication(user=local_user, name="x" * 121), "name")
    assert medications.add_medication(user=local_user, name="x" * 120).name == "x" * 120


@pytest.mark.practice("G3")
def test_a_stop_before_the_start_is_refused(local_user):
    fields = refused(lambda: medications.add_medication(user=local_user, name="Sertraline",
                                                        started_on="2026-02-10", stopped_on="2026-02-09"),
                     "stopped_on")
    assert "before the start" in str(fields["stopped_on"])


def test_stopping_on_the_day_it_started_is_fine(local_user):
    saved = medications.add_medication(user=local_user, name="Sertraline", started_on="2026-02-10",
                                       stopped_on="2026-02-10")
    assert saved.started_on == saved.stopped_on == date(2026, 2, 10)


@pytest.mark.practice("G3")
@pytest.mark.parametrize("field", ["started_on", "stopped_on"])
def test_a_day_still_to_come_is_refused_but_today_is_fine(local_user, field):
    fields = refused(lambda: medications.add_medication(user=local_user, name="Sertraline",
                                                        **{field: "2026-03-11"}), field)
    assert "hasn\u2019t come yet" in str(fields[field])
    assert getattr(medications.add_medication(user=local_user, name="Sertraline", **{field: TODAY}),
                   field) == TODAY


def test_a_day_that_is_not_clear_is_refused_with_an_example(local_user):
    fields = refused(lambda: medications.add_medication(user=local_user, name="Sertraline",
                                                        started_on="31/01/2026"), "started_on")
    assert "2026-03-14" in str(fields["started_on"])


def test_every_problem_is_named_at_once(local_user):
    refused(lambda: medications.add_medication(user=local_user, name="", dose="d" * 121,
                                               started_on="2027-01-01", note="n" * 5001),
            "name", "dose", "started_on", "note")


@pytest.mark.practice("G3")
def test_an_update_replaces_every_field_and_keeps_the_changes(local_user):
    saved = medications.add_medication(user=local_user, name="Sertraline", dose="50 mg",
                                       started_on="2026-01-05")
    medications.add_change(user=local_user, medication_id=saved.pk, on="2026-02-01", dose="100 mg")
    medications.update_medication(user=local_user, medication_id=saved.pk, name="Sertraline",
                                  dose="100 mg", started_on="2026-01-05", stopped_on="2026-03-01")
    found = medications.get_medication(user=local_user, medication_id=saved.pk)
    assert (found.dose, found.stopped_on, found.note) == ("100 mg", date(2026, 3, 1), "")
    assert [(c.on, c.dose) for c in found.changes.all()] == [(date(2026, 2, 1), "100 mg")]


def test_a_refused_update_changes_nothing(local_user):
    saved = medications.add_medication(user=local_user, name="Sertraline", started_on="2026-01-05")
    refused(lambda: medications.update_medication(user=local_user, medication_id=saved.pk, name="Sertraline",
                                                  started_on="2026-01-05", stopped_on="2026-01-04"),
            "stopped_on")
    assert Medication.objects.get().stopped_on is None


# --- changes ----------------------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_changes_are_kept_in_day_order(local_user):
    saved = medications.add_medication(user=local_user, name="Sertraline", started_on="2026-01-05")
    medications.add_change(user=local_user, medication_id=saved.pk, on="2026-03-01", dose="150 mg")
    medications.add_change(user=local_user, medication_id=saved.pk, on=date(2026, 2, 1), dose=" 100 mg ")
    found = medications.get_medication(user=local_user, medication_id=saved.pk)
    assert [(c.on, c.dose) for c in found.changes.all()] == [(date(2026, 2, 1), "100 mg"),
                                                             (date(2026, 3, 1), "150 mg")]


@pytest.mark.practice("G3")
@pytest.mark.parametrize("on", [None, "", "  "])
def test_a_change_needs_a_day(local_user, on):
    saved = medications.add_medication(user=local_user, name="Sertraline")
    fields = refused(lambda: medications.add_change(user=local_user, medication_id=saved.pk, on=on,
                                                    dose="100 mg"), "on")
    assert "which day" in str(fields["on"])


def test_a_change_needs_what_changed_and_says_both_problems_at_once(local_user):
    saved = medications.add_medication(user=local_user, name="Sertraline")
    refused(lambda: medications.add_change(user=local_user, medication_id=saved.pk, on=None, dose=""),
            "on", "dose")
    refused(lambda: medications.add_change(user=local_user, medication_id=saved.pk, on="2026-03-11",
                                           dose="100 mg"), "on")


def test_a_change_can_be_removed_once(local_user):
    saved = medications.add_medication(user=local_user, name="Sertraline")
    change = medications.add_change(user=local_user, medication_id=saved.pk, on=TODAY, dose="100 mg")
    medications.delete_change(user=local_user, change_id=change.pk)
    assert not MedicationChange.objects.exists()
    with pytest.raises(NotFound):
        medications.delete_change(user=local_user, change_id=change.pk)


def test_deleting_a_medicine_removes_its_changes(local_user):
    saved = medications.add_medication(user=local_user, name="Sertraline")
    medications.add_change(user=local_user, medication_id=saved.pk, on=TODAY, dose="100 mg")
    medications.delete_medication(user=local_user, medication_id=saved.pk)
    assert (Medication.objects.count(), MedicationChange.objects.count()) == (0, 0)
    with pytest.raises(NotFound):
        medications.delete_medication(user=local_user, medication_id=saved.pk)


# --- one person, one set of medicines ---------------------------------------------------------

@pytest.fixture
def robin_and_kim(server_mode, make_account):
    robin, kim = make_account("robin"), make_account("kim")
    pill = medications.add_medication(user=robin, name="Robin's pill", started_on="2026-01-05")
    change = medications.add_change(user=robin, medication_id=pill.pk, on="2026-02-01", dose="more")
    medications.save_clinician_notes(user=robin, text="Robin's words")
    return robin, kim, pill, change


@pytest.mark.practice("G3")
def test_another_person_can_never_see_or_touch_a_medicine(robin_and_kim):
    robin, kim, pill, change = robin_and_kim
    assert medications.list_medications(user=kim) == []
    calls = [
        lambda: medications.get_medication(user=kim, medication_id=pill.pk),
        lambda: medications.update_medication(user=kim, medication_id=pill.pk, name="Mine now"),
        lambda: medications.delete_medication(user=kim, medication_id=pill.pk),
        lambda: medications.add_change(user=kim, medication_id=pill.pk, on=TODAY, dose="less"),
        lambda: medications.delete_change(user=kim, change_id=change.pk),
    ]
    for call in calls:
        with pytest.raises(NotFound) as caught:
            call()
        assert "robin" not in str(caught.value).lower()
    found = medications.get_medication(user=robin, medication_id=pill.pk)
    assert (found.name, [c.dose for c in found.changes.all()]) == ("Robin's pill", ["more"])


def test_another_persons_check_ins_and_notes_never_reach_my_observations(robin_and_kim):
    robin, kim, _, _ = robin_and_kim
    for offset in range(1, 60):
        check_in(robin, ago(offset), feel=1 if offset > 35 else 9)
    assert medications.observations(user=kim) == []
    assert medications.clinician_notes(user=kim) == ""
    assert medications.observations(user=robin)


# --- observations around medicine events (G3) -------------------------------------------------

def forty_days(user, *, start_ago: int = 20, before: int = 2, after: int = 6) -> None:
    """A check-in on each of the 40 days before today: `before` until the start, `after` from it."""
    for offset in range(1, 41):
        low = offset > start_ago
        check_in(user, ago(offset), feel=before if low else after, mood=3 if low else 7)


def feel_observations(user) -> list:
    return [o for o in medications.observations(user=user) if o.measure == "feel"]


@pytest.mark.practice("G3")
def test_starting_a_medicine_twenty_days_ago_sets_the_means_before_and_after_side_by_side(local_user):
    forty_days(local_user)
    medications.add_medication(user=local_user, name="Sertraline", dose="50 mg", started_on=ago(20))
    (feel,) = feel_observations(local_user)
    assert (feel.kind, feel.name, feel.on, feel.detail) == ("start", "Sertraline", ago(20), "50 mg")
    assert (feel.before, feel.after, feel.change) == (2.0, 6.0, 4.0)
    # 28 days are looked at before the start (20 had a check-in); from the start to yesterday, 20.
    assert (feel.before_days, feel.after_days) == (20, 20)
    assert feel.settling is True
    mood = next(o for o in medications.observations(user=local_user) if o.measure == "mood")
    assert (mood.before, mood.after) == (3.0, 7.0)


@pytest.mark.practice("G3")
@pytest.mark.parametrize("start_ago, settling", [(20, True), (41, True), (42, False), (60, False)])
def test_an_observation_is_settling_for_six_weeks(local_user, start_ago, settling):
    for offset in range(1, 100):
        check_in(local_user, ago(offset), feel=2 if offset > start_ago else 6)
    medications.add_medication(user=local_user, name="Sertraline", started_on=ago(start_ago))
    (feel,) = feel_observations(local_user)
    assert feel.settling is settling
    # The days after are counted until today, at most 28.
    assert (feel.before_days, feel.after_days) == (28, min(28, start_ago))


@pytest.mark.practice("G3")
@pytest.mark.parametrize("days_before, shown", [(4, False), (5, True)])
def test_fewer_than_five_days_on_a_side_make_no_observation(local_user, days_before, shown):
    for offset in range(1, 21):
        check_in(local_user, ago(offset), feel=6)
    for offset in range(21, 21 + days_before):
        check_in(local_user, ago(offset), feel=2)
    medications.add_medication(user=local_user, name="Sertraline", started_on=ago(20))
    assert bool(feel_observations(local_user)) is shown


def test_fewer_than_five_days_after_make_no_observation(local_user):
    forty_days(local_user)
    medications.add_medication(user=local_user, name="Sertraline", started_on=ago(4))
    assert feel_observations(local_user) == []


def test_a_day_with_two_check_ins_counts_once_with_its_mean(local_user):
    forty_days(local_user)
    check_in(local_user, ago(30), feel=10, hour=18)  # that day: (2 + 10) / 2 = 6
    medications.add_medication(user=local_user, name="Sertraline", started_on=ago(20))
    (feel,) = feel_observations(local_user)
    assert feel.before_days == 20
    assert feel.before == round((19 * 2 + 6) / 20, 1)


@pytest.mark.practice("G3")
def test_a_change_and_a_stop_are_observed_with_their_own_windows(local_user):
    for offset in range(1, 80):
        check_in(local_user, ago(offset), feel=2 if offset > 50 else 5 if offset > 25 else 8)
    pill = medications.add_medication(user=local_user, name="Sertraline", dose="50 mg",
                                      started_on=ago(50), stopped_on=ago(10))
    medications.add_change(user=local_user, medication_id=pill.pk, on=ago(25), dose="100 mg")
    found = {o.kind: o for o in feel_observations(local_user)}
    assert list(found) == ["stop", "change", "start"]  # newest first
    assert (found["start"].before, found["start"].after, found["start"].after_days) == (2.0, 5.0, 25)
    # The 28 days before the change reach back past the start: 25 days of 5, 3 days of 2.
    assert (found["change"].detail, found["change"].before, found["change"].after) == (
        "100 mg", round((25 * 5 + 3 * 2) / 28, 1), 8.0)
    assert (found["change"].after_days, found["stop"].after_days) == (15, 10)
    assert found["start"].settling is False and found["stop"].settling is True


def test_no_medicines_or_no_dates_make_no_observations(local_user):
    forty_days(local_user)
    assert medications.observations(user=local_user) == []
    medications.add_medication(user=local_user, name="Sertraline")
    assert medications.observations(user=local_user) == []


# --- notes for the clinician ------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_notes_for_the_clinician_are_kept_and_replaced(local_user):
    assert medications.clinician_notes(user=local_user) == ""
    assert medications.save_clinician_notes(user=local_user, text="  I feel flat since January.\r\n") == (
        "I feel flat since January.")
    medications.save_clinician_notes(user=local_user, text="Second thoughts.")
    assert medications.clinician_notes(user=local_user) == "Second thoughts."
    assert ClinicianNotes.objects.count() == 1


def test_notes_can_be_emptied(local_user):
    medications.save_clinician_notes(user=local_user, text="Something")
    medications.save_clinician_notes(user=local_user, text=None)
    assert medications.clinician_notes(user=local_user) == ""


@pytest.mark.practice("G3")
def test_notes_longer_than_the_limit_are_refused_and_the_old_ones_kept(local_user):
    medications.save_clinician_notes(user=local_user, text="Kept")
    assert len(medications.save_clinician_notes(user=local_user, text="x" * 20_000)) == 20_000
    medications.save_clinician_notes(user=local_user, text="Kept")
    with pytest.raises(InvalidInput) as caught:
        medications.save_clinician_notes(user=local_user, text="x" * 20_001)
    assert set(caught.value.fields) == {"text"}
    assert "20,000" in str(caught.value.fields["text"])
    assert medications.clinician_notes(user=local_user) == "Kept"
