"""`thawing remind` and `thawing pace`: the rhythm is saved as given, written as a calendar
file with alarms, and a mistake changes nothing."""

from __future__ import annotations

from datetime import time

import pytest
from icalendar import Calendar

from tests.cli.test_cli import run
from thawing.accounts.models import Profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path):
    """A folder of its own for the calendar file (tmp_path also holds the data directory)."""
    path = tmp_path / "calendar"
    path.mkdir()
    return path


def profile() -> Profile:
    return Profile.objects.get()


# --- remind -------------------------------------------------------------------------------

@pytest.mark.practice("A2")
def test_remind_saves_the_times_and_quiet_hours(capsys, local_user):
    ran = run(capsys, "remind", "--times", "08:30,21:00", "--quiet", "22:00-07:00")
    assert ran.code == 0
    assert "Check-in reminders: 08:30, 21:00" in ran.said and "Quiet hours: 22:00-07:00" in ran.said
    saved = profile()
    assert (saved.reminder_times, saved.quiet_start, saved.quiet_end) == (
        ["08:30", "21:00"], time(22, 0), time(7, 0))


@pytest.mark.practice("A2")
@pytest.mark.practice("A5")
def test_one_option_changes_only_what_it_names(capsys, local_user):
    run(capsys, "remind", "--times", "09:00", "--quiet", "22:00-07:00")
    ran = run(capsys, "remind", "--random", "2", "--window", "10:00-18:00", "--body-scan", "12:00")
    assert ran.code == 0
    saved = profile()
    assert (saved.reminder_times, saved.quiet_start, saved.random_prompts, saved.window_start,
            saved.window_end, saved.body_scan_time) == (
        ["09:00"], time(22, 0), 2, time(10, 0), time(18, 0), time(12, 0))
    assert "2 a day between 10:00 and 18:00" in ran.said and "body check-in: 12:00" in ran.said
    assert run(capsys, "remind", "--quiet", "off", "--body-scan", "off").code == 0
    assert (profile().quiet_start, profile().body_scan_time) == (None, None)


def test_remind_with_nothing_set_says_how_to_start(capsys, local_user):
    ran = run(capsys, "remind")
    assert ran.code == 0
    assert "No reminders yet" in ran.said


@pytest.mark.practice("A2")
@pytest.mark.practice("A5")
def test_remind_ics_writes_a_calendar_file_with_alarms(capsys, local_user, folder):
    target = folder / "reminders.ics"
    ran = run(capsys, "remind", "--times", "08:30,21:00", "--random", "1", "--window", "10:00-18:00",
              "--body-scan", "12:00", "--ics", str(target))
    assert ran.code == 0
    assert "Written:" in ran.said
    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    # Two daily check-ins and the body scan repeat; random prompts come one by one.
    assert len(events) >= 3
    assert all(list(event.walk("VALARM")) for event in events)
    assert {str(e["SUMMARY"]) for e in events} >= {"Check in with Thawing",
                                                  "Ten minutes for a body check-in"}
    # Written beside its target and renamed: no temporary file is left behind.
    assert [p.name for p in folder.iterdir()] == ["reminders.ics"]


def test_remind_ics_replaces_an_older_file_whole(capsys, local_user, folder):
    target = folder / "reminders.ics"
    target.write_text("old contents")
    assert run(capsys, "remind", "--times", "09:00", "--ics", str(target)).code == 0
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_remind_ics_without_any_time_exits_1_and_writes_nothing(capsys, local_user, folder):
    target = folder / "reminders.ics"
    ran = run(capsys, "remind", "--ics", str(target))
    assert ran.code == 1
    assert "Choose at least one time of day" in ran.said
    assert list(folder.iterdir()) == []


def test_remind_ics_into_a_missing_folder_exits_1_kindly(capsys, local_user, folder):
    ran = run(capsys, "remind", "--times", "09:00", "--ics", str(folder / "nowhere" / "r.ics"))
    assert ran.code == 1
    assert "I couldn\u2019t write to" in ran.said
    assert "Traceback" not in ran.said


@pytest.mark.parametrize("argv, words", [
    (["--times", "25:00"], "25:00"),
    (["--times", "08:00,09:00,10:00,11:00"], "3"),
    (["--times", "09:00", "--quiet", "22:00"], "like 22:00-07:00"),
    (["--times", "09:00", "--random", "9"], "from 0 to 3"),
    (["--times", "09:00", "--random", "2", "--window", "18:00-10:00"], "ends after it starts"),
    (["--quiet", "22:00-07:00"], "Choose at least one time of day"),
])
def test_bad_rhythm_exits_1_and_changes_nothing(capsys, local_user, argv, words):
    ran = run(capsys, "remind", *argv)
    assert ran.code == 1
    assert words in ran.said
    saved = profile()
    assert (saved.reminder_times, saved.quiet_start, saved.random_prompts) == ([], None, 0)


# --- pace ---------------------------------------------------------------------------------

@pytest.mark.practice("G6")
def test_pace_shows_and_sets_the_pace(capsys, local_user):
    shown = run(capsys, "pace")
    assert shown.code == 0 and "Your pace: steady" in shown.said
    ran = run(capsys, "pace", "gentle")
    assert ran.code == 0 and "Pace saved: gentle" in ran.said
    assert profile().pace == "gentle"
    assert "held back at your pace" in run(capsys, "practice").said


def test_an_unknown_pace_exits_1_and_keeps_the_old_one(capsys, local_user):
    ran = run(capsys, "pace", "turbo")
    assert ran.code == 1
    assert "Pace should be one of: gentle, steady, full" in ran.said
    assert run(capsys, "pace").said.startswith("Your pace: steady")
