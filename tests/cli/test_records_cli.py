"""`thawing meds`, `appointment`, `report` and `support`: medicines with their dates (G3), what
to bring to a clinician (G3, G4) and the reasons to see one (G1), from the command line.

The clock stands still on Tuesday 10 March 2026, 15:00 in London (the local profile's zone).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader

from tests.cli.test_cli import run
from thawing.accounts.services import update_profile
from thawing.care import medications
from thawing.care.models import Medication, MedicationChange
from thawing.checkins.services import acknowledge_shutdown, record_checkin
from thawing.journal.services import write_entry

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 3, 10)


@pytest.fixture(autouse=True)
def still_clock():
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=LONDON), tick=False):
        yield


def ago(days: int) -> date:
    return TODAY - timedelta(days=days)


@pytest.fixture
def forty_days(local_user):
    """Mood 3 and feel 2 for the 20 days before 18 February, then mood 7 and feel 6 from it."""
    for offset in range(1, 41):
        low = offset > 20
        record_checkin(user=local_user, mood=3 if low else 7, feel=2 if low else 6,
                       at=f"{ago(offset).isoformat()}T12:00")
    return local_user


@pytest.fixture
def pill(local_user):
    return medications.add_medication(user=local_user, name="Sertraline", dose="50 mg", started_on=ago(20))


@pytest.fixture
def folder(tmp_path):
    """An empty folder for reports, apart from the data directory."""
    made = tmp_path / "reports"
    made.mkdir()
    return made


def pdf_text(path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


# --- thawing meds ---------------------------------------------------------------------------------

def test_the_command_module_loads_no_django_until_a_command_runs():
    code = ("import sys, thawing.cli.records; "
            "print(sorted(m for m in ('django.db', 'thawing.care.medications', 'ninja', 'fpdf') "
            "if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"


def test_meds_with_none_noted_says_how_to_add_one(capsys, local_user):
    ran = run(capsys, "meds")
    assert ran.code == 0
    assert "No medicines noted" in ran.said and "thawing meds add NAME" in ran.said


@pytest.mark.practice("G3")
def test_meds_add_saves_the_name_dose_and_days(capsys, local_user):
    ran = run(capsys, "meds", "add", "Sertraline", "--dose", "50 mg", "--started", "2026-02-18",
              "--stopped", "2026-03-09")
    assert ran.code == 0
    saved = Medication.objects.get()
    assert (saved.user, saved.name, saved.dose, saved.started_on, saved.stopped_on) == (
        local_user, "Sertraline", "50 mg", date(2026, 2, 18), date(2026, 3, 9))
    assert f"Saved Sertraline (number {saved.pk})" in ran.said


@pytest.mark.practice("G3")
@pytest.mark.parametrize("argv, words", [
    (["   "], "can’t be empty"),
    (["Sertraline", "--started", "2026-02-10", "--stopped", "2026-02-01"], "before the start"),
    (["Sertraline", "--started", "2026-03-11"], "hasn’t come yet"),
    (["Sertraline", "--started", "18/02/2026"], "2026-03-14"),
])
def test_meds_add_refuses_kindly_and_saves_nothing(capsys, local_user, argv, words):
    ran = run(capsys, "meds", "add", *argv)
    assert ran.code == 1
    assert words in ran.said and "Traceback" not in ran.said
    assert not Medication.objects.exists()


@pytest.mark.practice("G3")
def test_meds_lists_each_medicine_with_its_number_days_and_changes(capsys, pill):
    medications.add_change(user=pill.user, medication_id=pill.pk, on="2026-03-01", dose="100 mg")
    medications.add_medication(user=pill.user, name="Melatonin")
    ran = run(capsys, "meds")
    assert ran.code == 0
    assert f"{pill.pk}. Sertraline 50 mg · since 18 Feb 2026" in ran.said
    assert "1 Mar 2026: 100 mg" in ran.said
    assert "Melatonin start not noted" in ran.said
    assert "Never stop or change a medicine without talking to the person who prescribed it" in ran.said


def test_meds_json_lists_every_field(capsys, pill):
    ran = run(capsys, "meds", "--json")
    assert ran.code == 0
    assert ran.json() == [{"id": pill.pk, "name": "Sertraline", "dose": "50 mg", "started_on": "2026-02-18",
                           "stopped_on": None, "note": "", "changes": []}]


def test_square_brackets_in_a_name_are_printed_as_typed(capsys, local_user):
    medications.add_medication(user=local_user, name="Vitamin D [bold]1000[/bold]")
    assert "Vitamin D [bold]1000[/bold]" in run(capsys, "meds").said


@pytest.mark.practice("G3")
def test_meds_change_notes_a_change_on_a_day(capsys, pill):
    ran = run(capsys, "meds", "change", str(pill.pk), "--on", "2026-03-01", "--dose", "100 mg")
    assert ran.code == 0
    change = MedicationChange.objects.get()
    assert (change.medication_id, change.on, change.dose) == (pill.pk, date(2026, 3, 1), "100 mg")
    assert "Noted: Sertraline, 100 mg from 1 Mar 2026." in ran.said


@pytest.mark.practice("G3")
def test_meds_change_without_a_day_exits_1_and_asks_for_one(capsys, pill):
    ran = run(capsys, "meds", "change", str(pill.pk), "--dose", "100 mg")
    assert ran.code == 1
    assert "Say on which day it changed." in ran.said
    assert not MedicationChange.objects.exists()


def test_meds_change_or_stop_of_a_number_not_there_exits_1(capsys, pill):
    for argv in (["change", "999", "--on", "2026-03-01", "--dose", "more"], ["stop", "999"]):
        ran = run(capsys, "meds", *argv)
        assert ran.code == 1
        assert "couldn’t find that medicine" in ran.said
    assert run(capsys, "meds", "stop", "one").code == 1


@pytest.mark.practice("G3")
def test_meds_stop_notes_today_or_the_day_given_and_keeps_the_rest(capsys, pill):
    ran = run(capsys, "meds", "stop", str(pill.pk))
    assert ran.code == 0
    pill.refresh_from_db()
    assert (pill.stopped_on, pill.started_on, pill.dose) == (TODAY, ago(20), "50 mg")
    assert "Noted that you stopped Sertraline on 10 Mar 2026." in ran.said
    assert run(capsys, "meds", "stop", str(pill.pk), "--on", "2026-03-01").code == 0
    pill.refresh_from_db()
    assert pill.stopped_on == date(2026, 3, 1)


def test_meds_stop_before_the_start_exits_1_and_changes_nothing(capsys, pill):
    ran = run(capsys, "meds", "stop", str(pill.pk), "--on", "2026-01-01")
    assert ran.code == 1 and "before the start" in ran.said
    pill.refresh_from_db()
    assert pill.stopped_on is None


@pytest.mark.practice("G3")
def test_meds_act_only_for_the_account_named(capsys, server_mode, make_account, monkeypatch):
    robin, kim = make_account("robin"), make_account("kim")
    theirs = medications.add_medication(user=robin, name="Robin's pill")
    monkeypatch.setenv("THAWING_USER", "kim")
    assert "Robin" not in run(capsys, "meds").said
    for argv in (["change", str(theirs.pk), "--on", "2026-03-01", "--dose", "more"],
                 ["stop", str(theirs.pk)]):
        ran = run(capsys, "meds", *argv)
        assert ran.code == 1 and "Robin" not in ran.said
    assert run(capsys, "meds", "add", "Kim's pill").code == 0
    assert Medication.objects.get(name="Kim's pill").user == kim
    theirs.refresh_from_db()
    assert (theirs.stopped_on, theirs.changes.count()) == (None, 0)


# --- thawing appointment ---------------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_appointment_prints_the_drafted_observations_and_saved_notes(capsys, forty_days, pill):
    medications.save_clinician_notes(user=forty_days, text="Flat since January.")
    ran = run(capsys, "appointment")
    assert ran.code == 0
    assert ("Since starting Sertraline on 18 February 2026, my average ability to feel went from 2.0 to 6.0 "
            "out of 10 (20 days before, 20 days after).") in ran.said
    assert "my average mood went from 3.0 to 7.0" in ran.said
    assert "averages, not causes" in ran.said
    assert "Flat since January." in ran.said


def test_appointment_without_observations_or_notes_says_how_to_get_them(capsys, local_user):
    ran = run(capsys, "appointment")
    assert ran.code == 0
    assert "at least five days before and after a change" in ran.said
    assert "No notes saved yet" in ran.said


def test_appointment_json_has_the_observations_and_notes(capsys, forty_days, pill):
    data = run(capsys, "appointment", "--json").json()
    assert data["notes"] == ""
    feel = next(o for o in data["observations"] if o["measure"] == "feel")
    assert (feel["kind"], feel["on"], feel["before"], feel["after"], feel["settling"]) == (
        "start", "2026-02-18", 2.0, 6.0, True)


# --- thawing report -----------------------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_report_writes_a_pdf_whose_text_has_the_numbers(capsys, forty_days, pill, folder):
    target = folder / "report.pdf"
    ran = run(capsys, "report", "--from", "2026-02-01", "--to", "2026-02-28", "-o", str(target))
    assert ran.code == 0
    assert "Written:" in ran.said and "1 Feb 2026 to 28 Feb 2026" in ran.said
    text = pdf_text(target)
    # 1-17 Feb: mood 3, feel 2; 18-28 Feb: mood 7, feel 6; every day has a check-in.
    assert "1 Feb 2026 to 28 Feb 2026 (28 days)" in text and "28 of 28" in text
    assert f"{(17 * 3 + 11 * 7) / 28:.1f}" in text and f"{(17 * 2 + 11 * 6) / 28:.1f}" in text
    assert "2.0 \u2192 5.1" in text  # feel: 1-14 Feb all 2; 15-28 Feb (3 x 2 + 11 x 6) / 14
    assert "Sertraline" in text
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]  # no temporary file left


@pytest.mark.practice("G3")
def test_report_includes_the_journal_only_with_the_flag(capsys, forty_days, folder):
    write_entry(user=forty_days, title="A grey day", body="Walked by the river.",
                written_at="2026-03-01T20:00")
    assert run(capsys, "report", "-o", str(folder / "plain.pdf")).code == 0
    assert run(capsys, "report", "-o", str(folder / "shared.pdf"), "--journal").code == 0
    assert "Walked by the river." not in pdf_text(folder / "plain.pdf")
    assert "Walked by the river." in pdf_text(folder / "shared.pdf")


@pytest.mark.practice("G3")
def test_report_never_replaces_a_file_unless_forced(capsys, forty_days, folder):
    target = folder / "report.pdf"
    target.write_bytes(b"my own file")
    ran = run(capsys, "report", "-o", str(target))
    assert ran.code == 1
    assert "already there" in ran.said and "--force" in ran.said
    assert target.read_bytes() == b"my own file"
    assert run(capsys, "report", "-o", str(target), "--force").code == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["report.pdf"]


@pytest.mark.practice("G3")
def test_report_for_an_empty_range_exits_1_kindly_and_writes_nothing(capsys, forty_days, pill, folder):
    target = folder / "report.pdf"
    ran = run(capsys, "report", "--from", "2025-01-01", "--to", "2025-01-31", "-o", str(target))
    assert ran.code == 1
    assert "nothing recorded between these days" in ran.said and "Traceback" not in ran.said
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("argv, words", [
    (["--from", "2026-02-28", "--to", "2026-02-01"], "swap them"),
    (["--from", "1/2/2026"], "2026-03-14"),
    (["--from", "2010-01-01"], "ten years"),
])
def test_report_with_a_range_that_doesnt_fit_exits_1(capsys, forty_days, folder, argv, words):
    ran = run(capsys, "report", *argv, "-o", str(folder / "report.pdf"))
    assert ran.code == 1 and words in ran.said
    assert list(folder.iterdir()) == []


def test_report_into_a_folder_that_isnt_there_exits_1_kindly(capsys, forty_days, folder):
    ran = run(capsys, "report", "-o", str(folder / "nowhere" / "report.pdf"))
    assert ran.code == 1
    assert "couldn’t write" in ran.said and "Traceback" not in ran.said


def test_report_without_an_output_file_exits_1(capsys, forty_days):
    assert run(capsys, "report").code == 1


# --- thawing support -------------------------------------------------------------------------------

@pytest.mark.practice("G1")
def test_support_prints_each_reason_in_plain_words(capsys, local_user):
    for offset in (3, 1):
        record_checkin(user=local_user, mood=5, detached=True, at=f"{ago(offset).isoformat()}T10:00")
    ran = run(capsys, "support")
    assert ran.code == 0
    assert "Feeling detached or unreal" in ran.said
    assert "On 2 days since 7 March you noted feeling as if things weren’t real" in ran.said
    assert "<" not in ran.out and "not a diagnosis" in ran.said
    assert "thawing appointment" in ran.said


@pytest.mark.practice("G1")
def test_support_names_a_long_shutdown_and_a_past_of_trauma(capsys, local_user):
    update_profile(user=local_user, name="Sam", timezone="Europe/London", country="GB", checkin_time=None,
                   past=["trauma"])
    acknowledge_shutdown(user=local_user, since=ago(30))
    ran = run(capsys, "support")
    assert "Feeling shut down since 8 February" in ran.said and "It has been 30 days" in ran.said
    assert "What you have been through before" in ran.said
    assert ran.said.index("Feeling shut down") < ran.said.index("What you have been through before")


def test_support_with_no_reasons_says_so_gently(capsys, local_user):
    ran = run(capsys, "support")
    assert ran.code == 0
    assert "Nothing in your notes suggests you need to see someone right now" in ran.said


def test_support_json_has_kind_level_since_and_figures(capsys, local_user):
    acknowledge_shutdown(user=local_user, since=ago(20))
    (signal,) = run(capsys, "support", "--json").json()
    assert {k: signal[k] for k in ("kind", "level", "since", "figures")} == {
        "kind": "shutdown", "level": "gentle", "since": "2026-02-18", "figures": {"days": 20}}
