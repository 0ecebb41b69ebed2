"""The pages for medications, the appointment and the report (G3), and the "Getting support"
reasons that come from check-ins and settings (G1): what a person clicks, and what is saved.

The clock stands still on Tuesday 10 March 2026, 15:00 in London (the local profile's zone).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from thawing.accounts.models import Profile
from thawing.care import medications
from thawing.care.models import ClinicianNotes, Medication, MedicationChange
from thawing.checkins.models import CheckIn
from thawing.checkins.services import acknowledge_shutdown, record_checkin

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def still_clock():
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=LONDON), tick=False):
        yield


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def page(response) -> str:
    return response.content.decode()


@pytest.fixture
def pill(local_user):
    return medications.add_medication(user=local_user, name="Sertraline", dose="50 mg", started_on=ago(20))


@pytest.fixture
def forty_days(local_user):
    """Feel 2 for the 20 days before a start 20 days ago, then 6 from it."""
    for offset in range(1, 41):
        record_checkin(user=local_user, mood=5, feel=2 if offset > 20 else 6,
                       at=f"{ago(offset).isoformat()}T12:00")
    return local_user


# --- every page -----------------------------------------------------------------------------

@pytest.mark.practice("G3")
@pytest.mark.parametrize("path", ["/care/medications/", "/care/medications/{id}/", "/care/appointment/",
                                  "/care/report/"])
def test_every_records_page_opens(signed_in, pill, path):
    response = signed_in.get(path.format(id=pill.pk))
    assert response.status_code == 200
    assert "<h1>" in page(response)


def test_the_pages_ask_to_sign_in_first(client, server_mode, make_account):
    make_account("robin")
    for path in ("/care/medications/", "/care/appointment/", "/care/report/"):
        assert client.get(path).status_code == 302


# --- medications ----------------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_adding_a_medicine_saves_it_and_shows_it_on_the_timeline(signed_in, forty_days):
    response = signed_in.post("/care/medications/", {"name": "Sertraline", "dose": "50 mg",
                                                     "started_on": ago(20).isoformat(), "stopped_on": "",
                                                     "note": ""})
    assert response.status_code == 302 and response["Location"] == "/care/medications/"
    saved = Medication.objects.get()
    assert (saved.name, saved.dose, saved.started_on, saved.stopped_on) == (
        "Sertraline", "50 mg", ago(20), None)
    shown = page(signed_in.get("/care/medications/"))
    assert "<svg" in shown and 'class="band"' in shown
    assert ">Sertraline 50 mg</text>" in shown
    assert 'class="series feel"' in shown and 'class="series mood"' in shown


@pytest.mark.practice("G3")
def test_a_refused_medicine_is_a_400_that_keeps_what_was_typed(signed_in):
    response = signed_in.post("/care/medications/", {"name": "", "dose": "50 mg in the morning",
                                                     "started_on": "2026-03-11", "note": "with food"})
    assert response.status_code == 400
    shown = page(response)
    assert "can’t be empty" in shown and "hasn’t come yet" in shown
    assert 'value="50 mg in the morning"' in shown and 'value="2026-03-11"' in shown
    assert ">with food</textarea>" in shown
    assert not Medication.objects.exists()


def test_a_stop_before_the_start_is_refused_on_the_page(signed_in):
    response = signed_in.post("/care/medications/", {"name": "Sertraline", "started_on": "2026-02-10",
                                                     "stopped_on": "2026-02-01"})
    assert response.status_code == 400
    assert "before the start" in page(response)
    assert not Medication.objects.exists()


@pytest.mark.practice("G3")
def test_saving_a_medicine_changes_its_fields(signed_in, pill):
    response = signed_in.post(f"/care/medications/{pill.pk}/", {
        "action": "save", "name": "Sertraline", "dose": "100 mg", "started_on": ago(20).isoformat(),
        "stopped_on": ago(1).isoformat(), "note": ""})
    assert response.status_code == 302
    pill.refresh_from_db()
    assert (pill.dose, pill.stopped_on) == ("100 mg", ago(1))


@pytest.mark.practice("G3")
def test_a_change_is_added_and_removed(signed_in, pill):
    response = signed_in.post(f"/care/medications/{pill.pk}/", {"action": "change", "on": ago(5).isoformat(),
                                                                "change": "100 mg"})
    assert response.status_code == 302 and response["Location"] == f"/care/medications/{pill.pk}/"
    change = MedicationChange.objects.get()
    assert (change.on, change.dose, change.medication_id) == (ago(5), "100 mg", pill.pk)
    assert "100 mg" in page(signed_in.get(f"/care/medications/{pill.pk}/"))
    response = signed_in.post(f"/care/medications/{pill.pk}/", {"action": "remove-change",
                                                                "change_id": str(change.pk)})
    assert response.status_code == 302
    assert not MedicationChange.objects.exists()


def test_a_change_without_a_day_is_a_400_that_keeps_what_was_typed(signed_in, pill):
    response = signed_in.post(f"/care/medications/{pill.pk}/", {"action": "change", "on": "",
                                                                "change": "100 mg at night"})
    assert response.status_code == 400
    shown = page(response)
    assert "which day" in shown and 'value="100 mg at night"' in shown
    assert not MedicationChange.objects.exists()


def test_after_a_refused_change_the_medicines_own_fields_are_still_filled_in(signed_in, pill):
    shown = page(signed_in.post(f"/care/medications/{pill.pk}/", {"action": "change", "on": "",
                                                                  "change": "100 mg at night"}))
    assert 'id="m-name" name="name" type="text" maxlength="120" value="Sertraline"' in shown
    assert 'value="50 mg"' in shown


def test_a_change_with_nothing_said_names_the_change_field(signed_in, pill):
    response = signed_in.post(f"/care/medications/{pill.pk}/", {"action": "change", "on": ago(1).isoformat(),
                                                                "change": ""})
    assert response.status_code == 400
    assert 'id="c-dose"' in page(response) and "can’t be empty" in page(response)


@pytest.mark.practice("G3")
def test_removing_a_medicine_asks_first_then_removes_it_and_its_changes(signed_in, pill):
    medications.add_change(user=pill.user, medication_id=pill.pk, on=ago(3), dose="100 mg")
    assert "Remove this medicine and its changes" not in page(signed_in.get(f"/care/medications/{pill.pk}/"))
    asked = page(signed_in.get(f"/care/medications/{pill.pk}/?delete=1"))
    assert "Remove this medicine and its changes from your records?" in asked
    assert Medication.objects.exists()
    response = signed_in.post(f"/care/medications/{pill.pk}/", {"action": "delete"})
    assert response.status_code == 302 and response["Location"] == "/care/medications/"
    assert (Medication.objects.count(), MedicationChange.objects.count()) == (0, 0)
    assert signed_in.get(f"/care/medications/{pill.pk}/").status_code == 404


def test_an_unknown_action_or_medicine_is_a_404(signed_in, pill):
    assert signed_in.post(f"/care/medications/{pill.pk}/", {"action": "explode"}).status_code == 404
    assert signed_in.get(f"/care/medications/{pill.pk + 1}/").status_code == 404
    assert signed_in.post(f"/care/medications/{pill.pk}/", {"action": "remove-change",
                                                            "change_id": "999"}).status_code == 404


@pytest.mark.practice("G3")
def test_another_persons_medicine_is_a_404_and_stays_as_it_was(server_mode, make_account):
    robin, kim = make_account("robin"), make_account("kim")
    theirs = medications.add_medication(user=robin, name="Robin's pill", started_on="2026-01-05")
    client = Client()
    client.force_login(kim)
    path = f"/care/medications/{theirs.pk}/"
    assert client.get(path).status_code == 404
    for data in ({"action": "save", "name": "Mine"}, {"action": "delete"},
                 {"action": "change", "on": "2026-03-01", "change": "more"}):
        response = client.post(path, data)
        assert response.status_code == 404
        assert "Robin" not in page(response)
    assert Medication.objects.get().name == "Robin's pill"
    assert not MedicationChange.objects.exists()
    assert "Robin" not in page(client.get("/care/medications/"))


# --- preparing for an appointment ------------------------------------------------------------

@pytest.mark.practice("G3")
def test_the_appointment_page_drafts_a_dated_observation(signed_in, forty_days, pill):
    shown = page(signed_in.get("/care/appointment/"))
    sentence = ("Since starting Sertraline on 18 February 2026, my average ability to feel went from 2.0 "
                "to 6.0 out of 10 (20 days before, 20 days after).")
    assert sentence in " ".join(shown.split())
    assert "may still change" in shown
    # The draft is already in the notes box, ready to edit.
    textarea = shown.split('name="text"', 1)[1].split("</textarea>", 1)[0]
    assert "Since starting Sertraline on 18 February 2026" in textarea


def test_without_dated_medicines_the_page_says_how_to_get_observations(signed_in):
    shown = page(signed_in.get("/care/appointment/"))
    assert "at least five days before and after a change" in shown


@pytest.mark.practice("G3")
@pytest.mark.practice("G4")
def test_saving_notes_keeps_them_and_they_replace_the_draft(signed_in, forty_days, pill):
    response = signed_in.post("/care/appointment/", {"text": "Since January I feel flat.\r\nSleep is worse."})
    assert response.status_code == 302 and response["Location"] == "/care/appointment/"
    assert ClinicianNotes.objects.get().text == "Since January I feel flat.\nSleep is worse."
    shown = page(signed_in.get("/care/appointment/"))
    textarea = shown.split('name="text"', 1)[1].split("</textarea>", 1)[0]
    assert "Since January I feel flat." in textarea and "Since starting" not in textarea
    assert "Show the fresh draft again" in shown


def test_notes_too_long_are_a_400_and_what_was_typed_is_kept(signed_in, local_user):
    medications.save_clinician_notes(user=local_user, text="Kept")
    response = signed_in.post("/care/appointment/", {"text": "x" * 20_001})
    assert response.status_code == 400
    assert "20,000" in page(response) and "x" * 20_001 in page(response)
    assert ClinicianNotes.objects.get().text == "Kept"


def test_a_medicine_name_is_shown_as_text_on_the_appointment_page(signed_in, forty_days, local_user):
    medications.add_medication(user=local_user, name="<b>Pill</b>", started_on=ago(20))
    shown = page(signed_in.get("/care/appointment/"))
    assert "<b>Pill</b>" not in shown
    assert "&lt;b&gt;Pill&lt;/b&gt;" in shown


# --- the report ---------------------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_the_report_page_offers_the_last_90_days(signed_in):
    shown = page(signed_in.get("/care/report/"))
    assert f'value="{ago(89).isoformat()}"' in shown and f'value="{TODAY.isoformat()}"' in shown


@pytest.mark.practice("G3")
@pytest.mark.practice("G4")
def test_the_report_downloads_as_a_pdf_with_a_dated_filename(signed_in, forty_days):
    response = signed_in.get("/care/report/", {"start": "2026-02-01", "end": "2026-02-28"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="thawing-report-2026-02-01-2026-02-28.pdf"')
    assert response.content.startswith(b"%PDF")


@pytest.mark.practice("G3")
def test_a_report_for_an_empty_range_is_a_400_that_says_so(signed_in, forty_days):
    response = signed_in.get("/care/report/", {"start": "2025-01-01", "end": "2025-01-31"})
    assert response.status_code == 400
    shown = page(response)
    assert "nothing recorded between these days" in shown
    assert 'value="2025-01-01"' in shown and 'value="2025-01-31"' in shown


def test_a_report_with_the_days_swapped_is_a_400_that_says_so(signed_in, forty_days):
    response = signed_in.get("/care/report/", {"start": "2026-02-28", "end": "2026-02-01"})
    assert response.status_code == 400
    assert "Please swap them" in page(response)


# --- Getting support: reasons from check-ins and settings (G1) -----------------------------------

def detached_on(client: Client, day: date) -> None:
    response = client.post("/checkins/new/", {"mood": "5", "detached": "1", "at": f"{day.isoformat()}T10:00"})
    assert response.status_code == 302


@pytest.mark.practice("G1")
def test_feeling_detached_on_two_days_is_a_reason_on_getting_support(signed_in):
    assert "Feeling detached or unreal" not in page(signed_in.get("/help/support/"))
    detached_on(signed_in, ago(3))
    detached_on(signed_in, ago(1))
    assert CheckIn.objects.filter(detached=True).count() == 2
    shown = " ".join(page(signed_in.get("/help/support/")).split())
    assert "Feeling detached or unreal" in shown
    assert "On 2 days since 7 March you noted feeling as if things weren’t real" in shown


@pytest.mark.practice("G1")
def test_settings_keep_a_past_of_trauma(signed_in):
    response = signed_in.post("/settings/", {"name": "Sam", "timezone": "Europe/London", "country": "GB",
                                             "checkin_time": "", "past": ["trauma"]})
    assert response.status_code == 302
    assert Profile.objects.get().past == ["trauma"]
    assert 'value="trauma" id="id_past_0" checked' in page(signed_in.get("/settings/"))
    signed_in.post("/settings/", {"name": "Sam", "timezone": "Europe/London", "country": "GB",
                                  "checkin_time": ""})
    assert Profile.objects.get().past == []


def test_the_past_question_is_a_group_of_checkboxes_not_one_label(signed_in):
    shown = page(signed_in.get("/settings/"))
    assert '<label class="check"><div id="id_past">' not in shown
    assert "<fieldset" in shown and "<legend" in shown


@pytest.mark.practice("G1")
def test_a_past_of_trauma_with_an_acknowledged_episode_is_a_reason(signed_in, local_user):
    signed_in.post("/settings/", {"name": "Sam", "timezone": "Europe/London", "country": "GB",
                                  "checkin_time": "", "past": ["trauma"]})
    # A past alone is not a reason: it matters alongside numbness now.
    assert "What you have been through before" not in page(signed_in.get("/help/support/"))
    acknowledge_shutdown(user=local_user, since=ago(2))
    shown = page(signed_in.get("/help/support/"))
    assert "What you have been through before" in shown
    assert "trauma, depression or anxiety" in shown
