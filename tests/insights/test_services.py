"""Insights from a real database (H2, A6): honest figures for a new person, for "can't tell",
for flat and for noisy records, and a planted pattern that is found with its day counts.

The clock stands still on Tuesday 10 March 2026, 15:00 in London (the local profile's zone).
Records are written with bulk_create: these tests are about reading them back.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from thawing.checkins.models import CheckIn, CheckInEmotion
from thawing.core import insights as core
from thawing.habits.models import DayHabits
from thawing.insights import services, weekly
from thawing.insights.serialize import insights_dict, review_dict
from thawing.practices.models import Activity, Session

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 3, 10)
FUN = "doing:fun"


@pytest.fixture(autouse=True)
def still_clock():
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=LONDON), tick=False):
        yield


def last_days(count: int, *, end: date = TODAY) -> list[date]:
    """`count` calendar days, oldest first, ending on `end`."""
    return [end - timedelta(days=count - 1 - i) for i in range(count)]


def add_checkins(user, rows: Iterable[Mapping]) -> list[CheckIn]:
    """Check-ins from dicts with `day`, and optionally `mood`, `feel`, `words`, `flicker`, `hour`.

    `words` maps an emotion id to an intensity (or None); `mood` None means "can't tell".
    """
    rows = list(rows)
    checkins = CheckIn.objects.bulk_create([
        CheckIn(user=user, at=datetime.combine(r["day"], time(r.get("hour", 12)), LONDON),
                mood=r.get("mood", 5), feel=r.get("feel"), flicker=r.get("flicker", ""))
        for r in rows])
    CheckInEmotion.objects.bulk_create([
        CheckInEmotion(user=user, checkin=c, emotion=word, intensity=intensity)
        for c, r in zip(checkins, rows, strict=True) for word, intensity in r.get("words", {}).items()])
    return checkins


def add_fun(user, days: Iterable[date], title: str = "painting") -> None:
    Activity.objects.bulk_create([Activity(user=user, kind="fun", title=title, done_on=d) for d in days])


def planted(user, *, seed: int = 7, days: int = 120, effect: float = 3.0) -> set[date]:
    """`days` days of feel around 4; on days with a fun-list activity, feel is `effect` higher."""
    rng = random.Random(seed)
    calendar = last_days(days)
    fun_days = {d for d in calendar if rng.random() < 0.5}
    add_checkins(user, [{"day": d, "mood": rng.randint(3, 7), "words": {"tired": 2},
                         "feel": max(0, min(10, round(rng.gauss(4, 1.3) + (effect if d in fun_days else 0))))}
                        for d in calendar])
    add_fun(user, fun_days)
    return fun_days


def noise(user, *, seed: int = 11, days: int = 120) -> None:
    """Feel and mood drawn at random; fun-list days drawn at random too, unrelated to both."""
    planted(user, seed=seed, days=days, effect=0.0)


def widening(user, *, weeks: int = 16) -> None:
    """One check-in a day; the first half of the weeks names 2 words, the second half 6."""
    few, many = ["tired", "numb"], ["tired", "numb", "curious", "calm", "sad", "hopeful"]
    calendar = last_days(weeks * 7, end=TODAY - timedelta(days=TODAY.weekday()) + timedelta(days=6))
    rows = []
    for i, day in enumerate(d for d in calendar if d <= TODAY):
        words = few if i < weeks * 7 // 2 else many
        rows.append({"day": day, "feel": 3, "words": {words[i % len(words)]: 2}})
    add_checkins(user, rows)


def strict_json(data) -> str:
    """JSON that a strict reader accepts: NaN or Infinity anywhere would raise here."""
    return json.dumps(data, allow_nan=False)


def finding(found: services.Insights, factor: str, outcome: str = "feel", lag: int = 0) -> core.Finding:
    return next(f for f in found.findings if (f.factor, f.outcome, f.lag) == (factor, outcome, lag))


# --- nothing, "can't tell", flat ------------------------------------------------------------------

@pytest.mark.practice("H2")
def test_a_new_person_has_empty_insights_with_statuses_and_no_nan(local_user):
    found = services.insights(user=local_user)
    assert found.empty and found.days == [] and found.findings == [] and found.sessions == []
    assert (found.range.start, found.range.end, found.range.days) == (TODAY - timedelta(days=364), TODAY, 365)
    statuses = {m.status for metrics in found.metrics.values() for m in metrics.values()}
    assert statuses == {core.NOT_ENOUGH_DATA}
    assert {d.status for d in found.differentiation.values()} == {core.TOO_FEW_EMOTIONS}
    data = insights_dict(found)
    strict_json(data)
    assert data["status"] == "not_enough_data"
    assert data["summary"] == {"days_recorded": 0, "checkins": 0, "cant_tell_days": 0, "emotion_words": 0,
                               "mood_mean": None, "feel_mean": None}
    assert data["variety"]["trend"]["status"] == "not_enough_data"


@pytest.mark.practice("H2")
def test_days_answered_cant_tell_are_counted_but_give_no_numbers(local_user):
    add_checkins(local_user, [{"day": d, "mood": None} for d in last_days(40)])
    found = services.insights(user=local_user)
    assert not found.empty
    assert (len(found.days), found.cant_tell_days, found.checkins) == (40, 40, 40)
    for metrics in found.metrics.values():
        assert {(m.status, m.value, m.n) for m in metrics.values()} == {(core.NOT_ENOUGH_DATA, None, 0)}
    assert {v for _, v in found.mood_rolling} == {None}
    data = insights_dict(found)
    strict_json(data)
    assert data["summary"]["cant_tell_days"] == 40
    assert data["summary"]["mood_mean"] is None


@pytest.mark.practice("H2")
def test_the_same_rating_every_day_has_no_variation_rather_than_a_number(local_user):
    add_checkins(local_user, [{"day": d, "mood": 6, "feel": 3} for d in last_days(60)])
    metrics = services.insights(user=local_user).metrics["feel"]
    assert (metrics["sd"].status, metrics["sd"].value, metrics["sd"].n) == (core.NO_VARIATION, 0.0, 60)
    assert (metrics["mssd"].status, metrics["mssd"].value) == (core.NO_VARIATION, 0.0)
    assert (metrics["inertia"].status, metrics["inertia"].value) == (core.NO_VARIATION, None)


@pytest.mark.practice("H2")
def test_one_emotion_word_every_time_is_too_few_to_tell_feelings_apart(local_user):
    add_checkins(local_user, [{"day": d, "feel": i % 5, "words": {"numb": i % 5 + 1}}
                              for i, d in enumerate(last_days(40))])
    found = services.insights(user=local_user)
    unpleasant = found.differentiation["unpleasant"]
    assert (unpleasant.status, unpleasant.value, unpleasant.emotions) == (core.TOO_FEW_EMOTIONS, None, 1)
    assert found.differentiation["pleasant"].status == core.TOO_FEW_EMOTIONS
    assert found.words_total == 40


@pytest.mark.practice("H2")
def test_three_words_that_move_apart_give_a_differentiation_with_its_counts(local_user):
    rng = random.Random(3)
    add_checkins(local_user, [{"day": d, "words": {w: rng.randint(1, 5) for w in ("sad", "tired", "anxious")}}
                              for d in last_days(25)])
    unpleasant = services.insights(user=local_user).differentiation["unpleasant"]
    assert (unpleasant.occasions, unpleasant.emotions, unpleasant.low_confidence) == (25, 3, True)
    assert unpleasant.status in (core.OK, core.UNDEFINED)


# --- what helps ---------------------------------------------------------------------------------

@pytest.mark.practice("H2")
def test_a_planted_effect_of_fun_days_is_found_with_its_day_counts_and_interval(local_user):
    fun_days = planted(local_user)
    found = services.insights(user=local_user)
    same_day = finding(found, FUN)
    a = same_day.association
    assert same_day.significant and a.status == core.OK
    assert (a.n_with, a.n_without) == (len(fun_days), 120 - len(fun_days))
    assert 2.0 < a.difference < 4.0
    assert 0 < a.low < a.difference < a.high
    assert same_day.q_value is not None and same_day.q_value <= core.FDR_Q


@pytest.mark.practice("H2")
def test_pure_noise_shows_no_clear_pattern(local_user):
    noise(local_user)
    found = services.insights(user=local_user)
    assert [f for f in found.findings if f.association.status == core.OK]
    assert not [f for f in found.findings if f.significant]


@pytest.mark.practice("H2")
def test_sleep_and_movement_become_factors_and_are_kept_per_day(local_user):
    DayHabits.objects.bulk_create([DayHabits(user=local_user, day=d, sleep_hours=6 + i % 3,
                                             movement_minutes=20 + 10 * (i % 2))
                                   for i, d in enumerate(last_days(20))])
    add_checkins(local_user, [{"day": d, "feel": i % 4} for i, d in enumerate(last_days(20))])
    found = services.insights(user=local_user)
    assert len(found.nights) == 20 and len(found.movement) == 20
    assert {f.factor for f in found.findings} >= {"habit:slept-7", "habit:moved-30"}
    data = insights_dict(found)
    assert data["sleep"][0] == {"day": (TODAY - timedelta(days=19)).isoformat(), "hours": 6.0}
    assert data["movement"][-1]["minutes"] in (20, 30)


@pytest.mark.practice("H2")
def test_practices_rated_before_and_after_give_a_change_with_its_interval(local_user):
    Session.objects.bulk_create([
        Session(user=local_user, exercise="longer-out-breath", kind="breathing", seconds=300,
                at=datetime.combine(d, time(9), LONDON), feel_before=2 + i % 2, feel_after=4 + i % 3)
        for i, d in enumerate(last_days(8))])
    (change,) = services.insights(user=local_user).sessions
    assert change.kind == "breathing"
    a = change.association
    assert (a.status, a.n_with) == (core.OK, 8)
    assert a.low < a.difference < a.high


# --- range of feeling and flickers ----------------------------------------------------------------

@pytest.mark.practice("H2")
def test_more_distinct_words_in_later_weeks_is_a_widening_range(local_user):
    widening(local_user)
    found = services.insights(user=local_user)
    earlier, later = found.variety_trend()
    assert earlier == 2.0 and later > 5
    trend = insights_dict(found)["variety"]["trend"]
    assert (trend["status"], trend["direction"]) == ("ok", "widening")


@pytest.mark.practice("A6")
def test_flickers_are_counted_per_week(local_user):
    monday = TODAY - timedelta(days=TODAY.weekday())
    add_checkins(local_user, [{"day": monday, "flicker": "a pang at the song"},
                              {"day": monday, "hour": 18, "flicker": "laughed"},
                              {"day": monday - timedelta(days=3), "flicker": "warmth"},
                              {"day": monday - timedelta(days=2)}])
    found = services.insights(user=local_user)
    assert found.flickers == [(monday - timedelta(days=7), 1), (monday, 2)]
    assert insights_dict(found)["flickers"][-1] == {"week": monday.isoformat(), "count": 2}


# --- range and isolation --------------------------------------------------------------------------

@pytest.mark.practice("H2")
def test_since_limits_the_period_and_what_is_counted(local_user):
    add_checkins(local_user, [{"day": d, "feel": 4} for d in last_days(30)])
    found = services.insights(user=local_user, since=TODAY - timedelta(days=9))
    assert (found.range.start, found.range.days, len(found.days)) == (TODAY - timedelta(days=9), 10, 10)
    assert len(found.feel_rolling) == 10


@pytest.mark.practice("H2")
def test_since_in_the_future_is_today_only(local_user):
    found = services.insights(user=local_user, since=TODAY + timedelta(days=30))
    assert (found.range.start, found.range.end) == (TODAY, TODAY)


@pytest.mark.practice("H2")
def test_another_persons_records_never_count(server_mode, make_account):
    robin, kim = make_account("robin"), make_account("kim")
    planted(robin)
    add_checkins(robin, [{"day": TODAY, "words": {"grief": 4}, "flicker": "robin's flicker"}])
    Session.objects.create(user=robin, exercise="body-scan", kind="body", seconds=60,
                           at=datetime.combine(TODAY, time(8), LONDON), feel_before=1, feel_after=3)
    found = services.insights(user=kim)
    assert found.empty and found.findings == [] and found.sessions == [] and found.words_total == 0
    review = weekly.review(user=kim)
    this = review.this
    assert (this.checkins, this.flickers, this.words, this.sessions) == (0, [], set(), 0)
    assert review.this.activities == [] and review.new_words == []


# --- the weekly review ---------------------------------------------------------------------------

@pytest.mark.practice("A6")
@pytest.mark.practice("H2")
def test_the_weekly_review_lists_flickers_new_words_and_practices(local_user):
    add_checkins(local_user, [
        {"day": TODAY - timedelta(days=9), "feel": 2, "words": {"numb": None}},
        {"day": TODAY - timedelta(days=2), "feel": 4, "words": {"numb": 2, "curious": 3},
         "flicker": "smiled at a dog"},
        {"day": TODAY, "feel": 5, "flicker": "the song got to me"},
    ])
    add_fun(local_user, [TODAY - timedelta(days=1)], title="baking bread")
    Session.objects.create(user=local_user, exercise="body-scan", kind="body", seconds=600,
                           at=datetime.combine(TODAY, time(8), LONDON))
    review = weekly.review(user=local_user)
    assert review.this.flickers and set(review.this.flickers) == {"smiled at a dog", "the song got to me"}
    assert review.new_words == ["Curious"]
    assert (review.this.sessions, review.this.session_minutes) == (1, 10)
    assert review.this.activities == ["baking bread"]
    assert (review.this.feel_mean, review.before.feel_mean) == (4.5, 2.0)
    assert (review.this.checkin_days, review.before.checkin_days) == (2, 1)
    data = review_dict(review)
    strict_json(data)
    assert data["this"]["words"] == ["curious", "numb"] and data["new_words"] == ["Curious"]
    assert data["prompt"]["id"].startswith("reflection-")
