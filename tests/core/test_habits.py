from __future__ import annotations

from datetime import date, timedelta

import pytest

from thawing.core.habits import movement_week, sleep_notes, week_start

TODAY = date(2026, 3, 20)


def nights(recent: float, before: float | None, *, recent_days: int = 7, before_days: int = 14):
    hours = {TODAY - timedelta(days=i): recent for i in range(recent_days)}
    if before is not None:
        hours |= {TODAY - timedelta(days=7 + i): before for i in range(before_days)}
    return hours


@pytest.mark.practice("F1")
@pytest.mark.parametrize("recent, noted", [(9.0, False), (9.5, True), (5.0, False), (4.5, True)])
def test_sleep_moving_more_than_two_hours_from_the_baseline_is_noted(recent, noted):
    notes = sleep_notes(nights(recent, 7.0), today=TODAY)
    assert ("shift" in [n.kind for n in notes]) is noted


@pytest.mark.practice("F1")
def test_a_shift_note_says_since_when_and_both_averages():
    [shift, *_] = sleep_notes(nights(4.5, 7.5), today=TODAY)
    assert (shift.since, shift.recent_hours, shift.baseline_hours, shift.nights) == (
        TODAY - timedelta(days=6), 4.5, 7.5, 7)


@pytest.mark.practice("F1")
@pytest.mark.parametrize("hours, kind", [(6.9, "short"), (7.0, None), (9.0, None), (9.1, "long")])
def test_a_week_below_seven_or_above_nine_hours_is_noted(hours, kind):
    kinds = [n.kind for n in sleep_notes(nights(hours, None), today=TODAY)]
    assert kinds == ([kind] if kind else [])


@pytest.mark.practice("F1")
def test_one_good_night_in_a_short_week_means_no_short_sleep_note():
    hours = nights(6.0, None)
    hours[TODAY - timedelta(days=3)] = 8.0
    assert sleep_notes(hours, today=TODAY) == []


@pytest.mark.parametrize("logged, noted", [(4, False), (5, True)])
def test_a_week_needs_five_logged_nights(logged, noted):
    assert bool(sleep_notes(nights(5.0, None, recent_days=logged), today=TODAY)) is noted


@pytest.mark.parametrize("before_days, shift", [(6, False), (7, True)])
def test_a_baseline_needs_seven_nights_of_the_fortnight(before_days, shift):
    notes = sleep_notes(nights(10.0, 7.0, before_days=before_days), today=TODAY)
    assert ("shift" in [n.kind for n in notes]) is shift


def test_no_nights_means_no_notes():
    assert sleep_notes({}, today=TODAY) == []


@pytest.mark.practice("C5")
def test_movement_week_counts_minutes_from_monday_against_150():
    monday = week_start(TODAY)
    minutes = {monday + timedelta(days=i): 30 for i in range(5)} | {monday - timedelta(days=1): 300}
    week = movement_week(minutes, day=TODAY)
    assert (week.start, week.total, week.active_days, week.reached, week.share) == (
        monday, 150, 5, True, 1.0)


def test_a_quiet_week_is_zero_not_missing():
    week = movement_week({}, day=TODAY)
    assert (week.total, week.active_days, week.reached, week.share) == (0, 0, False, 0.0)
    assert len(week.minutes_by_day) == 7
