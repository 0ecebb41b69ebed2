"""The clinician report from real records (G1, G3): the range, the numbers a clinician reads
(checked against a hand computation), what is in it and what is left out, and the PDF's text.

The clock stands still on Tuesday 10 March 2026, 15:00 in London (the local profile's zone).
February 2026 holds these records:

    day      check-ins (mood, feel)        day's means
    2 Feb    (4, 2) at 09:00, (6, 4) 19:00  mood 5, feel 3
    5 Feb    (3, 1)                         mood 3, feel 1
    10 Feb   (can't tell, 2)                mood -, feel 2
    20 Feb   (7, 6)                         mood 7, feel 6
    25 Feb   (8, 5)                         mood 8, feel 5

so 5 days recorded of 28, 6 check-ins, 1 day with "can't tell"; mood (5+3+7+8)/4 = 5.75,
feel (3+1+2+6+5)/5 = 3.4; first half (1-14 Feb) mood 4.0, feel 2.0; second half (15-28 Feb)
mood 7.5, feel 5.5. Check-ins on 31 January and 1 March lie outside and must not count.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from pypdf import PdfReader

from thawing.care import medications, report
from thawing.care.services import take_screening
from thawing.checkins.services import acknowledge_shutdown, record_checkin
from thawing.core.errors import InvalidInput
from thawing.core.report import (
    DayPoint,
    HabitSummary,
    NumbingDays,
    PracticeLine,
    ScreeningLine,
    is_empty,
    summarise,
)
from thawing.habits.services import log_numbing, record_habits
from thawing.journal.services import write_entry
from thawing.practices.services import record_session

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 3, 10)
FIRST, LAST = date(2026, 2, 1), date(2026, 2, 28)


@pytest.fixture(autouse=True)
def still_clock():
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=LONDON), tick=False):
        yield


def feb(day: int) -> date:
    return date(2026, 2, day)


@pytest.fixture
def checkins(local_user):
    rows = [("2026-02-02T09:00", 4, 2, [("calm", 2)]), ("2026-02-02T19:00", 6, 4, []),
            ("2026-02-05T12:00", 3, 1, []), ("2026-02-10T12:00", "cant-tell", 2, []),
            ("2026-02-20T12:00", 7, 6, [("tired", 3), ("calm", 1)]), ("2026-02-25T12:00", 8, 5, []),
            ("2026-01-31T23:30", 1, 0, []), ("2026-03-01T00:30", 10, 10, [("tired", 4)])]
    for at, mood, feel, emotions in rows:
        record_checkin(user=local_user, mood=mood, feel=feel, emotions=emotions, at=at)
    return local_user


def taken_on(user, day: date, instrument: str, answers: list[int]) -> None:
    with time_machine.travel(datetime(day.year, day.month, day.day, 11, 0, tzinfo=LONDON), tick=False):
        take_screening(user=user, instrument_id=instrument, answers=answers)


@pytest.fixture
def february(checkins):
    """A month of everything: check-ins, check-ups, medicines, practices, habits, a journal entry."""
    user = checkins
    taken_on(user, feb(15), "phq9", [1, 1, 1, 1, 1, 1, 1, 1, 0])
    taken_on(user, feb(16), "gad7", [2, 2, 2, 2, 2, 0, 0])
    taken_on(user, date(2026, 3, 2), "phq9", [3] * 9)
    add = medications.add_medication
    add(user=user, name="Sertraline", dose="50 mg", started_on="2026-01-05")
    add(user=user, name="Propranolol", dose="10 mg", started_on="2026-02-10", stopped_on="2026-02-20")
    add(user=user, name="Stopped on the first day", started_on="2025-12-01", stopped_on="2026-02-01")
    add(user=user, name="Started on the last day", started_on="2026-02-28")
    add(user=user, name="Melatonin")
    add(user=user, name="Old pill", started_on="2025-11-01", stopped_on="2026-01-31")
    add(user=user, name="New pill", started_on="2026-03-01")
    record_session(user=user, exercise_id="five-senses", seconds=300, feel_before=2, feel_after=4,
                   at="2026-02-12T10:00")
    record_session(user=user, exercise_id="five-senses", seconds=420, feel_before=3, feel_after=4,
                   at="2026-02-13T10:00")
    record_session(user=user, exercise_id="body-scan", seconds=600, at="2026-02-14T10:00")
    record_session(user=user, exercise_id="body-scan", seconds=600, at="2026-03-02T10:00")
    record_habits(user=user, day="2026-02-03", sleep_hours="7.5", movement_minutes="30")
    record_habits(user=user, day="2026-02-04", sleep_hours="6.5", movement_minutes="60")
    record_habits(user=user, day="2026-03-01", sleep_hours="3", movement_minutes="200")
    log_numbing(user=user, kind="alcohol", day="2026-02-06", to_cope=True)
    log_numbing(user=user, kind="alcohol", day="2026-02-06")
    log_numbing(user=user, kind="alcohol", day="2026-02-07")
    log_numbing(user=user, kind="gaming", day="2026-03-01")
    write_entry(user=user, title="A grey day", body="Walked by the river and felt a flicker.",
                written_at="2026-02-12T20:00")
    write_entry(user=user, title="Later", body="Not in February.", written_at="2026-03-02T20:00")
    medications.save_clinician_notes(user=user, text="I would like to talk about the new dose.")
    return user


def pdf_text(pdf: bytes) -> str:
    """The PDF's words, with line breaks and runs of spaces made single spaces."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


# --- the range ----------------------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_an_empty_range_means_the_last_90_days_up_to_today(local_user):
    assert report.parse_range(user=local_user, start=None, end=None) == (TODAY - timedelta(days=89), TODAY)
    assert report.parse_range(user=local_user, start="", end="  ") == (TODAY - timedelta(days=89), TODAY)


def test_a_start_alone_runs_to_today_and_an_end_alone_starts_90_days_before(local_user):
    assert report.parse_range(user=local_user, start="2026-02-01", end=None) == (FIRST, TODAY)
    assert report.parse_range(user=local_user, start=None, end=LAST) == (LAST - timedelta(days=89), LAST)


def test_a_range_of_one_day_is_fine(local_user):
    assert report.parse_range(user=local_user, start=FIRST, end=FIRST) == (FIRST, FIRST)


@pytest.mark.practice("G3")
def test_a_start_after_the_end_is_refused_kindly(local_user):
    with pytest.raises(InvalidInput) as caught:
        report.parse_range(user=local_user, start="2026-02-28", end="2026-02-01")
    assert set(caught.value.fields) == {"start"}
    assert "swap" in str(caught.value.fields["start"])


@pytest.mark.parametrize("start, end, fields", [
    ("2026-02-30", "2026-03-01", {"start"}),
    ("2026-02-01", "soon", {"end"}),
    ("1/2/2026", "28.2.2026", {"start", "end"}),
])
def test_a_date_that_is_not_clear_is_refused_with_an_example(local_user, start, end, fields):
    with pytest.raises(InvalidInput) as caught:
        report.parse_range(user=local_user, start=start, end=end)
    assert set(caught.value.fields) == fields
    assert all("2026-03-14" in str(m) for m in caught.value.fields.values())


@pytest.mark.practice("G3")
@pytest.mark.parametrize("days, allowed", [(3659, True), (3660, False), (20_000, False)])
def test_a_report_covers_up_to_ten_years(local_user, days, allowed):
    start = TODAY - timedelta(days=days)
    if allowed:
        assert report.parse_range(user=local_user, start=start, end=TODAY) == (start, TODAY)
        return
    with pytest.raises(InvalidInput) as caught:
        report.parse_range(user=local_user, start=start, end=TODAY)
    assert "ten years" in str(caught.value.fields["start"])


# --- what the report holds -------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_the_days_of_the_range_hold_each_days_means(checkins):
    built = report.build_report(user=checkins, start=FIRST, end=LAST)
    assert (built.person, built.made_on, built.start, built.end) == ("Sam", TODAY, FIRST, LAST)
    assert built.days == (DayPoint(feb(2), 5.0, 3.0, 2, 0), DayPoint(feb(5), 3.0, 1.0, 1, 0),
                          DayPoint(feb(10), None, 2.0, 1, 1), DayPoint(feb(20), 7.0, 6.0, 1, 0),
                          DayPoint(feb(25), 8.0, 5.0, 1, 0))


@pytest.mark.practice("G3")
def test_the_key_numbers_match_a_hand_computation(checkins):
    built = report.build_report(user=checkins, start=FIRST, end=LAST)
    summary = summarise(built.days, start=built.start, end=built.end)
    assert (summary.days_recorded, summary.checkins, summary.cant_tell_days) == (5, 6, 1)
    assert summary.mood_mean == pytest.approx((5 + 3 + 7 + 8) / 4)
    assert summary.feel_mean == pytest.approx((3 + 1 + 2 + 6 + 5) / 5)
    assert (summary.mood_first_half, summary.mood_second_half) == (pytest.approx(4.0), pytest.approx(7.5))
    assert (summary.feel_first_half, summary.feel_second_half) == (pytest.approx(2.0), pytest.approx(5.5))


def test_emotion_variety_counts_different_words_per_week(checkins):
    built = report.build_report(user=checkins, start=FIRST, end=LAST)
    assert [(w.week_start, w.words) for w in built.weekly_variety] == [(feb(2), 1), (feb(16), 2)]
    assert {(e.word.lower(), e.count) for e in built.top_emotions} == {("calm", 2), ("tired", 1)}


@pytest.mark.practice("G3")
def test_screenings_in_the_range_come_with_their_bands(february):
    built = report.build_report(user=february, start=FIRST, end=LAST)
    assert built.screenings == (ScreeningLine(feb(15), "PHQ-9", 8, 27, "Mild"),
                                ScreeningLine(feb(16), "GAD-7", 10, 21, "Moderate"))
    assert built.safety_flag_dates == ()


@pytest.mark.practice("G3")
def test_only_medicines_taken_during_the_range_are_in_it(february):
    built = report.build_report(user=february, start=FIRST, end=LAST)
    assert {m.name for m in built.medications} == {
        "Sertraline", "Propranolol", "Stopped on the first day", "Started on the last day", "Melatonin"}
    propranolol = next(m for m in built.medications if m.name == "Propranolol")
    assert (propranolol.dose, propranolol.start, propranolol.stop) == ("10 mg", feb(10), feb(20))


def test_a_medicines_changes_come_with_it(february):
    sertraline = next(m for m in medications.list_medications(user=february) if m.name == "Sertraline")
    medications.add_change(user=february, medication_id=sertraline.pk, on="2026-02-14", dose="100 mg")
    built = report.build_report(user=february, start=FIRST, end=LAST)
    line = next(m for m in built.medications if m.name == "Sertraline")
    assert [(c.day, c.text) for c in line.changes] == [(feb(14), "100 mg")]


@pytest.mark.practice("G3")
def test_the_journal_is_left_out_unless_asked_for(february):
    assert report.build_report(user=february, start=FIRST, end=LAST).journal == ()
    (entry,) = report.build_report(user=february, start=FIRST, end=LAST, include_journal=True).journal
    assert (entry.day, entry.title, entry.text) == (
        feb(12), "A grey day", "Walked by the river and felt a flicker.")
    assert "river" not in repr(entry)


@pytest.mark.practice("G3")
def test_practices_in_the_range_are_summarised_most_done_first(february):
    built = report.build_report(user=february, start=FIRST, end=LAST)
    assert built.practices == (PracticeLine("Five senses", 2, 12, 1.5),
                               PracticeLine("Body scan", 1, 10, None))


@pytest.mark.practice("G3")
def test_habits_and_numbing_in_the_range_are_summarised(february):
    built = report.build_report(user=february, start=FIRST, end=LAST)
    # Sleep (7.5 + 6.5) / 2; movement 90 minutes over the range's four weeks.
    assert built.habits == HabitSummary(7.0, 2, 22.5, (NumbingDays("Alcohol", 2),))


def test_the_notes_for_the_clinician_are_in_it(february):
    built = report.build_report(user=february, start=FIRST, end=LAST)
    assert built.notes_for_clinician == "I would like to talk about the new dose."
    assert "new dose" not in repr(built)


@pytest.mark.practice("G1")
def test_reasons_to_get_support_are_in_it_in_words(local_user):
    acknowledge_shutdown(user=local_user, since=TODAY - timedelta(days=20))
    record_checkin(user=local_user, mood=3, feel=2, at="2026-03-09T12:00")
    built = report.build_report(user=local_user)
    (line,) = built.signals
    assert line.title == "Feeling shut down since 18 February"
    assert line.since == date(2026, 2, 18)
    assert "It has been 20 days" in line.why and "<" not in line.why


# --- an empty range --------------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_a_range_with_nothing_recorded_is_refused_kindly_instead_of_drawn(february):
    built = report.build_report(user=february, start="2025-06-01", end="2025-06-30")
    # Medicines, notes and reasons are context, not records of these days.
    assert built.notes_for_clinician and is_empty(built)
    with pytest.raises(InvalidInput) as caught:
        report.render_pdf(built)
    assert "nothing recorded between these days" in caught.value.message
    assert "Try a longer range" in caught.value.message


def test_one_check_in_is_enough_for_a_report(local_user):
    record_checkin(user=local_user, mood="cant-tell", at="2026-03-09T12:00")
    assert report.render_pdf(report.build_report(user=local_user)).startswith(b"%PDF")


# --- the PDF, read back -----------------------------------------------------------------------

@pytest.mark.practice("G3")
def test_the_pdf_says_the_numbers_dates_bands_and_medicines(february):
    text = pdf_text(report.render_pdf(report.build_report(user=february, start=FIRST, end=LAST)))
    assert "Thawing report for Sam" in text
    assert "1 Feb 2026 to 28 Feb 2026 (28 days). Made on 10 Mar 2026." in text
    assert "5 of 28" in text
    # 5.75 is printed rounded half up; 3.4 as it is.
    assert "5.8" in text and "3.4" in text
    assert "4.0 \u2192 7.5" in text and "2.0 \u2192 5.5" in text
    assert "Check-ins in all: 6." in text
    assert "15 Feb 2026" in text and "PHQ-9" in text and "8 of 27" in text and "Mild" in text
    assert "Moderate" in text
    assert "Sertraline" in text and "Propranolol" in text and "New pill" not in text
    assert "Five senses" in text
    assert "I would like to talk about the new dose." in text
    assert "river" not in text


def test_the_pdf_has_the_journal_only_when_asked(february):
    built = report.build_report(user=february, start=FIRST, end=LAST, include_journal=True)
    text = pdf_text(report.render_pdf(built))
    assert "A grey day" in text and "Walked by the river and felt a flicker." in text
    assert "Not in February." not in text
