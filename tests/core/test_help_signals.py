"""When to suggest a professional (G1), each rule at its threshold with a fixed day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from thawing.core.safety import (
    CLEAR,
    GENTLE,
    ITEM9_DAYS,
    URGENT,
    History,
    Screened,
    professional_help_signals,
)

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


# --- Detachment, hard days, substances, sleep, past (G1) ----------------------------------

G1_TODAY = date(2026, 3, 20)


def kinds_levels(history):
    return {s.kind: s.level for s in professional_help_signals(history, today=G1_TODAY)}


@pytest.mark.practice("G1")
@pytest.mark.parametrize("days, level", [(0, None), (1, "gentle"), (2, "clear")])
def test_feeling_detached_is_a_reason_and_two_days_make_it_clear(days, level):
    history = History(detached_days=[G1_TODAY - timedelta(days=i) for i in range(days)])
    assert kinds_levels(history).get("detached") == level


def test_detachment_older_than_two_weeks_is_not_counted():
    assert kinds_levels(History(detached_days=[G1_TODAY - timedelta(days=14)])) == {}


@pytest.mark.practice("G1")
@pytest.mark.parametrize("days, level", [(2, None), (3, "clear")])
def test_three_very_hard_days_in_two_weeks_mean_functioning_is_impaired(days, level):
    history = History(struggling_days=[G1_TODAY - timedelta(days=i * 4) for i in range(days)])
    assert kinds_levels(history).get("struggling") == level


@pytest.mark.practice("G1")
@pytest.mark.parametrize("days, level", [(0, None), (1, "gentle"), (2, "gentle"), (3, "clear")])
def test_substances_used_to_cope_are_a_reason(days, level):
    history = History(substance_days=[G1_TODAY - timedelta(days=i) for i in range(days)])
    assert kinds_levels(history).get("substances") == level


def test_the_same_day_twice_counts_once():
    history = History(substance_days=[G1_TODAY, G1_TODAY, G1_TODAY])
    [signal] = professional_help_signals(history, today=G1_TODAY)
    assert signal.figures == {"days": 1} and signal.level == "gentle"


@pytest.mark.practice("G1")
def test_a_sudden_sleep_change_is_a_gentle_reason_since_its_first_night():
    history = History(sleep_change_since=date(2026, 3, 14))
    [signal] = professional_help_signals(history, today=G1_TODAY)
    assert (signal.kind, signal.level, signal.since) == ("sleep-change", "gentle", date(2026, 3, 14))


@pytest.mark.practice("G1")
def test_a_past_of_trauma_counts_alongside_numbness_now_but_not_alone():
    assert kinds_levels(History(past=frozenset({"trauma"}))) == {}
    with_episode = History(past=frozenset({"trauma", "anxiety"}), episode_since=G1_TODAY)
    [signal] = professional_help_signals(with_episode, today=G1_TODAY)
    assert signal.kind == "history" and signal.figures == {"past": ("trauma", "anxiety")}


def test_clear_detachment_comes_before_a_gentle_sleep_note():
    history = History(sleep_change_since=G1_TODAY, detached_days=[G1_TODAY, G1_TODAY - timedelta(days=1)])
    assert [s.level for s in professional_help_signals(history, today=G1_TODAY)] == ["clear", "gentle"]


# --- PHQ-9 question 9, instruments by name, new check-ups, a past history (G1, G5) --------


@pytest.mark.practice("G5")
@pytest.mark.parametrize("days_ago, shown", [(0, True), (7, True), (ITEM9_DAYS, True), (15, False)])
def test_a_phq9_question_9_above_0_stays_a_reason_for_two_weeks(days_ago, shown):
    on = TODAY - timedelta(days=days_ago)
    found = professional_help_signals(History(item9=(on, 1)), today=TODAY)
    assert ([(s.kind, s.level, s.since) for s in found] == [("phq9-item9", URGENT, on)]) is shown
    if shown:
        assert found[0].figures == {"answer": 1, "until": on + timedelta(days=14)}


@pytest.mark.practice("G5")
def test_question_9_comes_first_whatever_else_is_there():
    history = History(item9=(TODAY, 2), episode_since=TODAY - timedelta(days=40),
                      screenings={"phq9": (TODAY, 20)})
    assert [s.level for s in professional_help_signals(history, today=TODAY)][0] == URGENT


@pytest.mark.practice("G1")
@pytest.mark.parametrize("instrument, cutoff", [("pcl5", 31), ("pcptsd5", 3), ("auditc", 3), ("auditc", 4)])
def test_each_check_up_is_a_reason_from_its_own_cut_off(instrument, cutoff):
    below = History(screenings={instrument: Screened(TODAY, cutoff - 1, cutoff)})
    at = History(screenings={instrument: Screened(TODAY, cutoff, cutoff)})
    assert kinds(below) == [] and kinds(at) == [(f"{instrument}-high", CLEAR)]


def test_a_check_up_without_a_cut_off_is_never_a_reason():
    assert kinds(History(screenings={"numbness": Screened(TODAY, 40, None)})) == []


@pytest.mark.practice("G1")
@pytest.mark.parametrize("answer, expected", [
    (None, []), (0, []), (1, []), (2, [("phq9-difficulty", CLEAR)]), (3, [("phq9-difficulty", CLEAR)]),
])
def test_very_or_extremely_difficult_is_a_reason_on_its_own(answer, expected):
    history = History(screenings={"phq9": Screened(TODAY, 2, 10, 5, difficulty=answer)})
    assert kinds(history) == expected


# A past of depression, anxiety or trauma lowers the other thresholds (stepped care).
PAST_DEPRESSION = frozenset({"depression"})


@pytest.mark.practice("G1")
@pytest.mark.parametrize("total, without, with_past", [
    (4, [], []), (5, [], [("phq9-high", GENTLE)]), (9, [], [("phq9-high", GENTLE)]),
    (10, [("phq9-high", CLEAR)], [("phq9-high", CLEAR)]),
])
def test_a_past_history_makes_a_mild_phq9_a_gentle_reason(total, without, with_past):
    screened = {"phq9": Screened(TODAY, total, 10, 5)}
    assert kinds(History(screenings=screened)) == without
    found = [k for k in kinds(History(screenings=screened, past=PAST_DEPRESSION)) if k[0] != "history"]
    assert found == with_past


@pytest.mark.practice("G1")
def test_a_past_history_makes_two_weeks_shut_down_a_clear_reason():
    since = TODAY - timedelta(days=15)
    assert kinds(History(episode_since=since)) == [("shutdown", GENTLE)]
    found = professional_help_signals(History(episode_since=since, past=PAST_DEPRESSION), today=TODAY)
    assert [(s.kind, s.level) for s in found] == [("shutdown", CLEAR), ("history", GENTLE)]
    assert found[0].figures["lowered"] is True
    # Not sooner than two weeks, even so.
    assert kinds(History(episode_since=TODAY - timedelta(days=10), past=PAST_DEPRESSION)) == [
        ("history", GENTLE)]


@pytest.mark.practice("G1")
def test_a_past_history_makes_each_day_count_sooner():
    one = [TODAY]
    two = [TODAY, TODAY - timedelta(days=1)]
    past = frozenset({"trauma"})
    assert kinds_at(History(detached_days=one, past=past))["detached"] == CLEAR
    assert "struggling" not in kinds_at(History(struggling_days=two))
    assert kinds_at(History(struggling_days=two, past=past))["struggling"] == CLEAR
    assert kinds_at(History(substance_days=two))["substances"] == GENTLE
    assert kinds_at(History(substance_days=two, past=past))["substances"] == CLEAR


@pytest.mark.practice("G1")
def test_a_past_history_makes_somewhat_difficult_a_gentle_reason():
    screened = {"phq9": Screened(TODAY, 2, 10, 5, difficulty=1)}
    assert kinds_at(History(screenings=screened, past=PAST_DEPRESSION))["phq9-difficulty"] == GENTLE


def test_a_past_history_leaves_published_trauma_and_alcohol_cut_offs_alone():
    history = History(screenings={"pcptsd5": Screened(TODAY, 2, 3), "auditc": Screened(TODAY, 2, 3)},
                      past=frozenset({"trauma"}))
    assert kinds(history) == []


def kinds_at(history: History) -> dict[str, str]:
    return {s.kind: s.level for s in professional_help_signals(history, today=TODAY)}
