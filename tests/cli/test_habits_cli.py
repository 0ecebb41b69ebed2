"""`thawing habits` and `thawing numbing`: a day's sleep, meals and movement, the week around
it, and numbing behaviours noted without judgement."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.cli.test_cli import run
from thawing.habits.models import DayHabits, Numbing

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
# A Thursday: the week began on Monday 9 March.
THURSDAY = datetime(2026, 3, 12, 20, 0, tzinfo=LONDON)


@pytest.fixture
def thursday():
    with time_machine.travel(THURSDAY, tick=False):
        yield


# --- habits -------------------------------------------------------------------------------

@pytest.mark.practice("F1")
@pytest.mark.practice("F2")
@pytest.mark.practice("C5")
def test_habits_saves_the_day_as_given(capsys, local_user, thursday):
    ran = run(capsys, "habits", "--sleep", "7.5", "--quality", "4", "--meals", "3", "--move", "40")
    assert ran.code == 0
    assert "Saved for Thu 12 Mar" in ran.said
    saved = DayHabits.objects.get()
    assert (saved.user, saved.day, saved.sleep_hours, saved.sleep_quality, saved.meals,
            saved.movement_minutes) == (local_user, date(2026, 3, 12), Decimal("7.5"), 4, 3, 40)


@pytest.mark.practice("F1")
def test_a_later_note_on_the_same_day_keeps_what_was_noted_earlier(capsys, local_user, thursday):
    run(capsys, "habits", "--sleep", "6", "--quality", "2")
    assert run(capsys, "habits", "--move", "25").code == 0
    saved = DayHabits.objects.get()
    assert (saved.sleep_hours, saved.sleep_quality, saved.meals, saved.movement_minutes) == (
        Decimal("6"), 2, None, 25)


@pytest.mark.practice("C5")
def test_the_week_shows_movement_against_150_minutes_and_the_nights(capsys, local_user, thursday):
    run(capsys, "habits", "--day", "2026-03-09", "--move", "30")
    run(capsys, "habits", "--day", "2026-03-10", "--move", "45", "--sleep", "8")
    ran = run(capsys, "habits")
    assert ran.code == 0
    assert "Movement this week: 75 of 150 minutes" in ran.said
    assert "2 of 7 days with 30 minutes or more" in ran.said
    assert "Tue 10 Mar 8 h" in ran.said and "Thu 12 Mar not noted" in ran.said
    assert DayHabits.objects.count() == 2


@pytest.mark.practice("F1")
def test_a_week_of_short_nights_brings_a_gentle_sleep_note(capsys, local_user, thursday):
    for back in range(7):
        day = date(2026, 3, 12) - timedelta(days=back)
        assert run(capsys, "habits", "--day", day.isoformat(), "--sleep", "5.5").code == 0
    ran = run(capsys, "habits")
    assert "every night you noted was under 7 hours (about 5.5 on average)" in ran.said


@pytest.mark.parametrize("argv, words", [
    (["--quality", "7"], "Sleep quality is a whole number from 1 to 5"),
    (["--sleep", "25"], "Hours slept is a number from 0 to 24"),
    (["--meals", "many"], "Meals is a whole number from 0 to 8"),
    (["--move", "-5"], "Minutes of movement is a whole number"),
    (["--day", "2099-01-01", "--sleep", "7"], "hasn\u2019t come yet"),
    (["--day", "someday", "--sleep", "7"], "Try a form like"),
])
def test_bad_habits_exit_1_kindly_and_save_nothing(capsys, local_user, argv, words):
    ran = run(capsys, "habits", *argv)
    assert ran.code == 1
    assert words in ran.said
    assert "Traceback" not in ran.said
    assert DayHabits.objects.count() == 0


# --- numbing ------------------------------------------------------------------------------

@pytest.mark.practice("F5")
def test_numbing_is_noted_neutrally(capsys, local_user, thursday):
    ran = run(capsys, "numbing", "scrolling", "--amount", "a_lot", "--to-cope")
    assert ran.code == 0
    assert "Noted: scrolling (a lot), Thu 12 Mar" in ran.said
    assert "nothing to make up for" in ran.said
    saved = Numbing.objects.get()
    assert (saved.user, saved.kind, saved.amount, saved.to_cope, saved.day) == (
        local_user, "scrolling", "a_lot", True, date(2026, 3, 12))


@pytest.mark.practice("F5")
def test_numbing_list_shows_the_last_four_weeks(capsys, local_user, thursday):
    run(capsys, "numbing", "binge-watching", "--day", "2026-03-10", "--amount", "some")
    run(capsys, "numbing", "alcohol", "--day", "2026-01-01")
    ran = run(capsys, "numbing", "--list")
    assert ran.code == 0
    assert "Binge-watching" in ran.said and "some" in ran.said
    assert "Alcohol" not in ran.said


@pytest.mark.practice("F5")
def test_numbing_alone_shows_the_kinds_that_can_be_noted(capsys):
    ran = run(capsys, "numbing")
    assert ran.code == 0
    assert "scrolling" in ran.said and "overwork" in ran.said


@pytest.mark.parametrize("argv, words", [
    (["doomscrolling"], "What should be one of"),
    (["gaming", "--amount", "loads"], "How much should be one of"),
    (["gaming", "--day", "2099-01-01"], "hasn\u2019t come yet"),
])
def test_bad_numbing_input_exits_1_and_saves_nothing(capsys, local_user, argv, words):
    ran = run(capsys, "numbing", *argv)
    assert ran.code == 1
    assert words in ran.said
    assert Numbing.objects.count() == 0
