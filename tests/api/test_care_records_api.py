"""Medications, notes for the clinician, the report and reasons to get support over the API
(issue 4 items 5, 6, 8 and 10): every endpoint from create to delete, kind 400s, 404s that never
say whose a record is, and one person never seeing another's records.

The clock stands still on Tuesday 10 March 2026, 15:00 in London (the local profile's zone).
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from pypdf import PdfReader

from tests.api.test_api import send
from thawing.accounts.services import update_profile
from thawing.care import medications
from thawing.care.models import ClinicianNotes, Medication, MedicationChange
from thawing.checkins.models import CheckIn
from thawing.checkins.services import acknowledge_shutdown, record_checkin
from thawing.habits.services import log_numbing, record_habits
from thawing.journal.services import write_entry

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 3, 10)
CRISIS = "I want to die"


@pytest.fixture(autouse=True)
def still_clock():
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=LONDON), tick=False):
        yield


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def created(client: Client, path: str, payload: dict) -> dict:
    response = send(client, "post", path, payload)
    assert response.status_code == 201, response.content
    return response.json()


def bad(response, *fields: str) -> dict:
    """A 400 in the API's shape, naming exactly these fields."""
    assert response.status_code == 400, response.content
    problem = response.json()
    assert problem["message"]
    assert set(problem["fields"]) == set(fields)
    assert all(problem["fields"].values())
    return problem


def missing(response) -> None:
    assert response.status_code == 404, response.content
    assert response.json()["message"]


def pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.fixture
def forty_days(local_user):
    """Mood 3 and feel 2 for the 20 days before a start 20 days ago, then mood 7 and feel 6."""
    for offset in range(1, 41):
        low = offset > 20
        record_checkin(user=local_user, mood=3 if low else 7, feel=2 if low else 6,
                       at=f"{ago(offset).isoformat()}T12:00")
    return local_user


PILL = {"name": "Sertraline", "dose": "50 mg", "started_on": "2026-02-18", "stopped_on": None, "note": ""}


# --- schema and sign-in ------------------------------------------------------------------------

NEW_PATHS = {"/api/medications", "/api/medications/{medication_id}",
             "/api/medications/{medication_id}/changes", "/api/medications/changes/{change_id}",
             "/api/medications/observations", "/api/clinician-notes", "/api/report.pdf", "/api/help-signals"}


def test_the_openapi_schema_lists_every_care_records_path(client):
    schema = client.get("/api/openapi.json").json()
    assert NEW_PATHS <= set(schema["paths"])
    assert "application/pdf" in schema["paths"]["/api/report.pdf"]["get"]["responses"]["200"]["content"]


SIGNED_OUT = [
    ("get", "/api/medications", None), ("post", "/api/medications", PILL),
    ("get", "/api/medications/1", None), ("put", "/api/medications/1", PILL),
    ("delete", "/api/medications/1", None), ("post", "/api/medications/1/changes", {"on": "2026-03-01"}),
    ("delete", "/api/medications/changes/1", None), ("get", "/api/medications/observations", None),
    ("get", "/api/clinician-notes", None), ("put", "/api/clinician-notes", {"text": "hello"}),
    ("get", "/api/report.pdf", None), ("get", "/api/help-signals", None),
]


@pytest.mark.parametrize("method, path, payload", SIGNED_OUT)
def test_every_endpoint_answers_401_in_json_when_signed_out(client, local_user, method, path, payload):
    pill = medications.add_medication(user=local_user, name="Sertraline")
    medications.add_change(user=local_user, medication_id=pill.pk, on=TODAY, dose="more")
    response = send(client, method, path, payload)
    assert response.status_code == 401
    assert response.json()["message"]
    assert (Medication.objects.count(), MedicationChange.objects.count(), ClinicianNotes.objects.count()) == (
        1, 1, 0)


# --- medications ------------------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_a_medicine_is_added_read_listed_replaced_and_deleted(signed_in):
    made = created(signed_in, "/api/medications", PILL)
    assert made == {"id": made["id"], **PILL, "changes": [], "support": None}
    path = f"/api/medications/{made['id']}"
    assert signed_in.get(path).json()["name"] == "Sertraline"
    assert [m["id"] for m in signed_in.get("/api/medications").json()] == [made["id"]]
    replaced = send(signed_in, "put", path, {"name": "Sertraline", "dose": "100 mg",
                                             "started_on": "2026-02-18", "stopped_on": "2026-03-09"})
    assert replaced.status_code == 200
    assert (replaced.json()["dose"], replaced.json()["stopped_on"], replaced.json()["note"]) == (
        "100 mg", "2026-03-09", "")
    saved = Medication.objects.get()
    assert (saved.dose, saved.stopped_on) == ("100 mg", date(2026, 3, 9))
    assert send(signed_in, "delete", path).status_code == 204
    assert not Medication.objects.exists()
    missing(signed_in.get(path))
    missing(send(signed_in, "delete", path))


def test_a_medicine_needs_only_a_name(signed_in):
    made = created(signed_in, "/api/medications", {"name": "Melatonin"})
    assert (made["dose"], made["started_on"], made["stopped_on"]) == ("", None, None)


@pytest.mark.practice("G3")
@pytest.mark.parametrize("payload, fields", [
    ({"name": ""}, ("name",)),
    ({}, ("name",)),
    ({"name": "Sertraline", "started_on": "2026-02-10", "stopped_on": "2026-02-09"}, ("stopped_on",)),
    ({"name": "Sertraline", "started_on": "2026-03-11"}, ("started_on",)),
    ({"name": "Sertraline", "started_on": "31/01/2026"}, ("started_on",)),
    ({"name": "x" * 121, "note": "n" * 5001}, ("name", "note")),
    ({"name": 7}, ("name",)),
])
def test_a_medicine_that_doesnt_fit_is_a_400_naming_the_field_and_nothing_is_saved(signed_in, payload,
                                                                                  fields):
    bad(send(signed_in, "post", "/api/medications", payload), *fields)
    assert not Medication.objects.exists()


def test_a_refused_replacement_changes_nothing(signed_in):
    made = created(signed_in, "/api/medications", PILL)
    bad(send(signed_in, "put", f"/api/medications/{made['id']}", {**PILL, "stopped_on": "2026-01-01"}),
        "stopped_on")
    assert Medication.objects.get().stopped_on is None


def test_json_that_cannot_be_read_is_a_400(signed_in):
    response = send(signed_in, "post", "/api/medications", "{not json")
    assert response.status_code == 400
    assert response.json()["message"]


@pytest.mark.practice("G3")
def test_changes_are_added_listed_with_their_medicine_and_deleted(signed_in):
    made = created(signed_in, "/api/medications", PILL)
    change = created(signed_in, f"/api/medications/{made['id']}/changes",
                     {"on": "2026-03-01", "dose": "100 mg"})
    assert change == {"id": change["id"], "on": "2026-03-01", "dose": "100 mg"}
    assert signed_in.get(f"/api/medications/{made['id']}").json()["changes"] == [change]
    assert send(signed_in, "delete", f"/api/medications/changes/{change['id']}").status_code == 204
    assert not MedicationChange.objects.exists()
    missing(send(signed_in, "delete", f"/api/medications/changes/{change['id']}"))


@pytest.mark.practice("G3")
@pytest.mark.parametrize("payload, fields", [
    ({"dose": "100 mg"}, ("on",)),
    ({"on": None, "dose": ""}, ("on", "dose")),
    ({"on": "2026-03-11", "dose": "100 mg"}, ("on",)),
    ({"on": "yesterday", "dose": "100 mg"}, ("on",)),
])
def test_a_change_needs_a_day_that_has_come_and_what_changed(signed_in, payload, fields):
    made = created(signed_in, "/api/medications", PILL)
    bad(send(signed_in, "post", f"/api/medications/{made['id']}/changes", payload), *fields)
    assert not MedicationChange.objects.exists()


def test_a_change_to_a_medicine_that_isnt_there_is_a_404(signed_in):
    missing(send(signed_in, "post", "/api/medications/999/changes", {"on": "2026-03-01", "dose": "more"}))


@pytest.mark.practice("G5")
def test_a_note_with_crisis_words_brings_support_and_is_still_saved(signed_in):
    made = created(signed_in, "/api/medications", {**PILL, "note": CRISIS})
    assert made["support"]["helplines"]
    assert Medication.objects.get().note == CRISIS


# --- observations and notes for the clinician (G3) -----------------------------------------------

@pytest.mark.practice("G3")
def test_observations_set_the_means_before_and_after_a_start_in_words(signed_in, forty_days):
    created(signed_in, "/api/medications", PILL)
    found = signed_in.get("/api/medications/observations").json()
    feel = next(o for o in found if o["measure"] == "feel")
    assert {k: feel[k] for k in ("kind", "name", "on", "detail", "before", "after", "before_days",
                                 "after_days", "change", "settling")} == {
        "kind": "start", "name": "Sertraline", "on": "2026-02-18", "detail": "50 mg", "before": 2.0,
        "after": 6.0, "before_days": 20, "after_days": 20, "change": 4.0, "settling": True}
    assert feel["sentence"].startswith("Since starting Sertraline on 18 February 2026, my average ability "
                                       "to feel went from 2.0 to 6.0 out of 10")
    mood = next(o for o in found if o["measure"] == "mood")
    assert (mood["before"], mood["after"]) == (3.0, 7.0)


def test_no_observations_without_dated_medicines(signed_in, forty_days):
    assert signed_in.get("/api/medications/observations").json() == []


@pytest.mark.practice("G3")
def test_notes_come_with_a_draft_and_are_saved_and_replaced(signed_in, forty_days):
    created(signed_in, "/api/medications", PILL)
    first = signed_in.get("/api/clinician-notes").json()
    assert first["text"] == ""
    assert "Since starting Sertraline on 18 February 2026" in first["draft"]
    saved = send(signed_in, "put", "/api/clinician-notes", {"text": "  Flat since January.  "})
    assert saved.status_code == 200
    assert (saved.json()["text"], saved.json()["support"]) == ("Flat since January.", None)
    assert signed_in.get("/api/clinician-notes").json()["text"] == "Flat since January."
    assert ClinicianNotes.objects.get().text == "Flat since January."


def test_notes_too_long_are_a_400_and_the_old_ones_are_kept(signed_in):
    send(signed_in, "put", "/api/clinician-notes", {"text": "Kept"})
    problem = bad(send(signed_in, "put", "/api/clinician-notes", {"text": "x" * 20_001}), "text")
    assert "20,000" in problem["fields"]["text"]
    assert ClinicianNotes.objects.get().text == "Kept"


@pytest.mark.practice("G5")
def test_notes_with_crisis_words_bring_support(signed_in):
    response = send(signed_in, "put", "/api/clinician-notes", {"text": CRISIS})
    assert response.json()["support"]["emergency"]


# --- the report (G3) --------------------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_the_report_is_a_pdf_with_a_dated_filename_and_the_numbers(signed_in, forty_days):
    created(signed_in, "/api/medications", PILL)
    response = signed_in.get("/api/report.pdf", {"start": "2026-02-01", "end": "2026-02-28"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="thawing-report-2026-02-01-2026-02-28.pdf"')
    text = pdf_text(response.content)
    # 1-17 Feb: feel 2, mood 3; 18-28 Feb: feel 6, mood 7. Means over the 28 days with a check-in.
    assert "28 of 28" in text
    assert f"{(17 * 3 + 11 * 7) / 28:.1f}" in text and f"{(17 * 2 + 11 * 6) / 28:.1f}" in text
    assert "Sertraline" in text


def test_the_report_defaults_to_the_last_90_days(signed_in, forty_days):
    response = signed_in.get("/api/report.pdf")
    assert response.status_code == 200
    assert f"thawing-report-{ago(89).isoformat()}-{TODAY.isoformat()}.pdf" in response["Content-Disposition"]


@pytest.mark.practice("G3")
def test_the_journal_is_in_the_report_only_when_asked(signed_in, forty_days):
    write_entry(user=forty_days, title="A grey day", body="Walked by the river.",
                written_at="2026-03-01T20:00")
    plain = pdf_text(signed_in.get("/api/report.pdf").content)
    shared = pdf_text(signed_in.get("/api/report.pdf", {"journal": "true"}).content)
    assert "Walked by the river." not in plain
    assert "A grey day" in shared and "Walked by the river." in shared


@pytest.mark.practice("G3")
def test_a_report_for_an_empty_range_is_a_400_that_says_so(signed_in, forty_days):
    response = signed_in.get("/api/report.pdf", {"start": "2025-01-01", "end": "2025-01-31"})
    problem = bad(response, "start")
    assert response["Content-Type"].startswith("application/json")
    assert "nothing recorded between these days" in problem["message"]


@pytest.mark.parametrize("query, fields", [
    ({"start": "2026-02-28", "end": "2026-02-01"}, ("start",)),
    ({"start": "1/2/2026"}, ("start",)),
    ({"end": "soon"}, ("end",)),
    ({"start": "2010-01-01", "end": "2026-01-01"}, ("start",)),
    ({"journal": "perhaps"}, ("journal",)),
])
def test_a_report_range_that_doesnt_fit_is_a_400(signed_in, forty_days, query, fields):
    bad(signed_in.get("/api/report.pdf", query), *fields)


# --- reasons to get support (G1) --------------------------------------------------------------------

def kinds(client: Client) -> list[str]:
    response = client.get("/api/help-signals")
    assert response.status_code == 200
    return [s["kind"] for s in response.json()]


def test_no_reasons_without_records(signed_in):
    assert kinds(signed_in) == []


@pytest.mark.practice("G1")
def test_feeling_detached_on_two_days_is_a_clear_reason_with_its_figures_and_words(signed_in, local_user):
    for offset in (3, 1):
        record_checkin(user=local_user, mood=5, detached=True, at=f"{ago(offset).isoformat()}T10:00")
    (signal,) = signed_in.get("/api/help-signals").json()
    assert {k: signal[k] for k in ("kind", "level", "since", "figures")} == {
        "kind": "detached", "level": "clear", "since": "2026-03-07", "figures": {"days": 2}}
    assert signal["title"] == "Feeling detached or unreal"
    assert signal["text"].startswith("On 2 days since 7 March you noted feeling as if things weren’t real")
    assert "<" not in signal["text"]


@pytest.mark.practice("G1")
def test_the_new_kinds_of_reason_all_come_through_the_api(signed_in, local_user):
    for offset in (5, 4, 3):
        record_checkin(user=local_user, mood=4, struggling=True, detached=offset == 3,
                       at=f"{ago(offset).isoformat()}T10:00")
    for offset in (6, 2, 1):
        log_numbing(user=local_user, kind="alcohol", day=ago(offset), to_cope=True)
    for offset in range(0, 21):
        record_habits(user=local_user, day=ago(offset), sleep_hours="5" if offset < 7 else "8")
    update_profile(user=local_user, name="Sam", timezone="Europe/London", country="GB", checkin_time=None,
                   past=["trauma"])
    acknowledge_shutdown(user=local_user, since=ago(2))
    found = {s["kind"]: s for s in signed_in.get("/api/help-signals").json()}
    assert set(found) == {"detached", "struggling", "substances", "sleep-change", "history"}
    assert (found["struggling"]["level"], found["struggling"]["figures"]) == ("clear", {"days": 3})
    assert (found["substances"]["level"], found["substances"]["figures"]) == ("clear", {"days": 3})
    assert found["sleep-change"]["since"] == ago(6).isoformat()
    assert found["history"]["figures"] == {"past": ["trauma"]}
    assert all(s["title"] and s["text"] for s in found.values())
    # Clear reasons come before gentle ones.
    levels = [s["level"] for s in signed_in.get("/api/help-signals").json()]
    assert levels == sorted(levels, key=lambda level: level != "clear")


@pytest.mark.practice("G1")
def test_a_past_alone_is_not_a_reason(signed_in, local_user):
    update_profile(user=local_user, name="Sam", timezone="Europe/London", country="GB", checkin_time=None,
                   past=["depression"])
    assert kinds(signed_in) == []


def test_changing_a_check_in_over_the_api_keeps_detached(signed_in, local_user):
    checkin = record_checkin(user=local_user, mood=5, detached=True, at=f"{ago(1).isoformat()}T10:00")
    response = send(signed_in, "put", f"/api/checkins/{checkin.pk}", {"mood": 6})
    assert response.status_code == 200
    assert CheckIn.objects.get().detached is True


# --- one person, one set of records (server mode) -------------------------------------------------

@pytest.fixture
def robins_records(server_mode, make_account):
    """Robin's medicine, change, notes and check-ins, with words nobody else should ever see."""
    robin = make_account("robin")
    for offset in range(1, 41):
        record_checkin(user=robin, mood=5, feel=2 if offset > 20 else 6, detached=offset < 3,
                       at=f"{ago(offset).isoformat()}T12:00")
    pill = medications.add_medication(user=robin, name="Robin's pill", started_on=ago(20))
    change = medications.add_change(user=robin, medication_id=pill.pk, on=ago(10), dose="Robin's dose")
    medications.save_clinician_notes(user=robin, text="Robin's private words")
    return robin, pill, change


@pytest.fixture
def kim(make_account, robins_records):
    client = Client()
    client.force_login(make_account("kim"))
    return client


@pytest.mark.practice("G3")
def test_another_person_sees_nothing_of_robins(kim):
    assert kim.get("/api/medications").json() == []
    assert kim.get("/api/medications/observations").json() == []
    assert kim.get("/api/clinician-notes").json() == {"text": "", "draft": "", "support": None}
    assert kim.get("/api/help-signals").json() == []
    bad(kim.get("/api/report.pdf"), "start")


@pytest.mark.practice("G3")
def test_another_person_cannot_read_change_or_delete_robins_medicine(kim, robins_records):
    robin, pill, change = robins_records
    attempts = [
        send(kim, "get", f"/api/medications/{pill.pk}"),
        send(kim, "put", f"/api/medications/{pill.pk}", {"name": "Mine now"}),
        send(kim, "delete", f"/api/medications/{pill.pk}"),
        send(kim, "post", f"/api/medications/{pill.pk}/changes", {"on": "2026-03-01", "dose": "less"}),
        send(kim, "delete", f"/api/medications/changes/{change.pk}"),
    ]
    for response in attempts:
        missing(response)
        assert "robin" not in response.content.decode().lower()
    found = medications.get_medication(user=robin, medication_id=pill.pk)
    assert (found.name, [c.dose for c in found.changes.all()]) == ("Robin's pill", ["Robin's dose"])


def test_another_persons_notes_are_their_own(kim, robins_records):
    robin = robins_records[0]
    send(kim, "put", "/api/clinician-notes", {"text": "Kim's words"})
    assert medications.clinician_notes(user=robin) == "Robin's private words"
    assert kim.get("/api/clinician-notes").json()["text"] == "Kim's words"
