"""When to suggest a professional (G1), each rule at its threshold with a fixed day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from thawing.core.safety import CLEAR, GENTLE, History, professional_help_signals

TODAY = date(2026, 11, 23)


def kinds(history: History) -> list[tuple[str, str]]:
    return [(s.kind, s.level) for s in professional_help_signals(history, today=TODAY)]


def feel_days(value: float, days: int, *, end: date = TODAY) -> list[tuple[date, float]]:
    return [(end - timedelta(days=n), value) for n in range(days)]


@pytest.mark.practice("G1")
@pytest.mark.parametrize("days, expected", [
    (14, []), (15, [("shutdown", GENTLE)]), (28, [("shutdown", GENTLE)]),
    (29, [("long-shutdown", CLEAR)]),
])
def test_a_shut_down_episode_suggests_help_after_two_then_four_weeks(days, expected):
    assert kinds(History(episode_since=TODAY - timedelta(days=days))) == expected


def test_a_clear_lift_in_feeling_keeps_a_long_episode_gentle():
    rising = feel_days(2, 14, end=TODAY - timedelta(days=14)) + feel_days(5, 14)
    found = kinds(History(episode_since=TODAY - timedelta(days=40), daily_feel=rising))
    assert found == [("shutdown", GENTLE)]


@pytest.mark.practice("G1")
def test_low_feeling_on_most_days_for_two_then_four_weeks():
    assert kinds(History(daily_feel=feel_days(2, 14))) == [("numbness", GENTLE)]
    assert kinds(History(daily_feel=feel_days(3, 28))) == [("long-numbness", CLEAR)]
    assert kinds(History(daily_feel=feel_days(4, 28))) == []


def test_too_few_answered_days_say_nothing():
    assert kinds(History(daily_feel=feel_days(0, 6))) == []


@pytest.mark.practice("G1")
@pytest.mark.parametrize("instrument", ["phq9", "gad7"])
@pytest.mark.parametrize("total, days_ago, flagged", [
    (9, 1, False), (10, 1, True), (10, 30, True), (10, 31, False),
])
def test_a_recent_check_up_of_10_or_more_suggests_help(instrument, total, days_ago, flagged):
    history = History(screenings={instrument: (TODAY - timedelta(days=days_ago), total)})
    assert (kinds(history) == [(f"{instrument}-high", CLEAR)]) is flagged


def test_clear_reasons_come_before_gentle_ones():
    history = History(episode_since=TODAY - timedelta(days=20),
                      screenings={"phq9": (TODAY, 12)})
    assert [s.level for s in professional_help_signals(history, today=TODAY)] == [CLEAR, GENTLE]
