"""`thawing checkin`, `checkins`, `today` and `acknowledge`: exactly what was given is saved,
and anything wrong is refused kindly with nothing saved."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.cli.test_cli import run
from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion, Episode

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")

pytestmark = pytest.mark.django_db


def nothing_saved() -> bool:
    return (CheckIn.objects.count(), CheckInEmotion.objects.count(),
            BodySensation.objects.count()) == (0, 0, 0)


# --- checkin ------------------------------------------------------------------------------

@pytest.mark.practice("A2")
def test_checkin_with_a_mood_saves_that_mood(capsys, local_user):
    ran = run(capsys, "checkin", "--mood", "7")
    assert ran.code == 0
    assert "Saved" in ran.said and "mood 7/10" in ran.said
    saved = CheckIn.objects.get()
    assert (saved.user, saved.mood, saved.feel, saved.flicker, saved.note) == (
        local_user, 7, None, "", "")


@pytest.mark.practice("A2")
@pytest.mark.practice("A3")
@pytest.mark.practice("A6")
def test_a_cant_tell_checkin_saves_exactly_what_was_given(capsys, local_user):
    ran = run(capsys, "checkin", "--cant-tell", "--body", "chest:tight", "--emotion", "numb:2",
              "--flicker", "a pang of envy at the bus stop", "--note", "long grey day",
              "--json")

    assert ran.code == 0
    shown = ran.json()
    saved = CheckIn.objects.get()
    assert shown["id"] == saved.pk
    assert (shown["mood"], shown["cant_tell"], shown["feel"]) == (None, True, None)
    assert shown["emotions"] == [{"emotion": "numb", "intensity": 2}]
    assert shown["body"] == [{"region": "chest", "sensation": "tight"}]
    assert (shown["flicker"], shown["note"]) == ("a pang of envy at the bus stop",
                                                 "long grey day")
    assert (saved.mood, saved.flicker, saved.note) == (
        None, "a pang of envy at the bus stop", "long grey day")
    assert list(CheckInEmotion.objects.values_list("checkin", "emotion", "intensity",
                                                   "user")) == [
        (saved.pk, "numb", 2, local_user.pk)]
    assert list(BodySensation.objects.values_list("checkin", "region", "sensation",
                                                  "user")) == [
        (saved.pk, "chest", "tight", local_user.pk)]


@pytest.mark.practice("A2")
def test_checkin_saves_how_much_can_be_felt(capsys, local_user):
    ran = run(capsys, "checkin", "--mood", "3", "--feel", "0", "--json")
    assert ran.code == 0
    assert ran.json()["feel"] == 0
    assert CheckIn.objects.get().feel == 0


@pytest.mark.parametrize("argv, words", [
    (["--mood", "11"], "Mood is a whole number from 1 to 10"),
    (["--mood", "calm"], "Mood is a whole number from 1 to 10"),
    (["--mood", "5", "--cant-tell"], "either --mood or --cant-tell, not both"),
    (["--mood", "5", "--emotion", "saad"], "Did you mean \u201csad\u201d?"),
    (["--mood", "5", "--emotion", "numb:9"], "Intensity is a whole number from 1 to 5"),
    (["--mood", "5", "--body", "chest"], "for example chest:tight"),
    (["--mood", "5", "--feel", "11"], "from 0 to 10"),
    (["--mood", "5", "--at", "2099-01-01"], "hasn\u2019t happened yet"),
    (["--mood", "5", "--at", "yesterdayish"], "Try a form like 2026-03-14"),
    (["--mood", "5", "--at", "1850-01-01"], "very long ago"),
    (["--mood", "5", "--note", "x" * 5001], "up to 5,000 characters"),
    (["--feel", "4", "--note", "no mood given"], "Please add a mood"),
])
def test_bad_checkin_input_exits_1_with_a_clear_message_and_saves_nothing(
        capsys, local_user, argv, words):
    ran = run(capsys, "checkin", *argv)
    assert ran.code == 1
    assert words in ran.said
    assert "Traceback" not in ran.said
    assert nothing_saved()


def test_several_problems_are_named_together(capsys, local_user):
    ran = run(capsys, "checkin", "--mood", "11", "--emotion", "saad", "--body", "chest")
    assert ran.code == 1
    assert "1 to 10" in ran.said and "sad" in ran.said and "chest:tight" in ran.said
    assert nothing_saved()


def test_checkin_with_no_options_and_no_terminal_asks_for_a_mood(capsys, local_user):
    ran = run(capsys, "checkin")
    assert ran.code == 1
    assert "--mood 1-10, or --cant-tell" in ran.said
    assert nothing_saved()


def test_a_backfilled_checkin_is_read_in_the_users_time_zone(capsys, local_user):
    ran = run(capsys, "checkin", "--mood", "4", "--at", "2026-07-01T21:30", "--json")
    assert ran.code == 0
    assert CheckIn.objects.get().at == datetime(2026, 7, 1, 20, 30, tzinfo=UTC)


def test_a_checkin_dated_today_is_accepted_in_the_morning(capsys, local_user):
    with time_machine.travel(datetime(2026, 3, 10, 8, 0, tzinfo=LONDON), tick=False):
        ran = run(capsys, "checkin", "--mood", "4", "--at", "2026-03-10")
    assert ran.code == 0
    assert CheckIn.objects.count() == 1


# --- checkins -----------------------------------------------------------------------------

def test_checkins_json_lists_every_checkin_newest_first(capsys, local_user):
    for mood, day in (("3", "2026-05-01"), ("6", "2026-05-03"), ("cant-tell", "2026-05-02")):
        run(capsys, "checkin", "--mood", mood, "--at", day)
    ran = run(capsys, "checkins", "--json")
    assert ran.code == 0
    assert [c["mood"] for c in ran.json()] == [6, None, 3]


def test_checkins_since_a_day_filters_by_the_users_local_day(capsys):
    run(capsys, "init", "--no-passphrase", "--timezone", "Pacific/Auckland")
    # Auckland is 13 hours ahead of UTC in November: 10:30 UTC is still the 10th there,
    # 11:30 UTC is already the 11th.
    for moment in ("2026-11-09T20:00:00+00:00", "2026-11-10T10:30:00+00:00",
                   "2026-11-10T11:30:00+00:00", "2026-11-10T20:00:00+00:00"):
        assert run(capsys, "checkin", "--mood", "5", "--at", moment).code == 0

    ran = run(capsys, "checkins", "--since", "2026-11-11", "--json")

    assert ran.code == 0
    shown = [datetime.fromisoformat(c["at"]) for c in ran.json()]
    assert shown == [datetime(2026, 11, 10, 20, 0, tzinfo=UTC),
                     datetime(2026, 11, 10, 11, 30, tzinfo=UTC)]


def test_checkins_since_nonsense_exits_1(capsys, local_user):
    ran = run(capsys, "checkins", "--since", "nonsense")
    assert ran.code == 1
    assert "Try a form like 2026-03-14" in ran.said


def test_checkins_with_none_yet_says_so_gently(capsys, local_user):
    ran = run(capsys, "checkins")
    assert ran.code == 0
    assert "No check-ins yet" in ran.said


# --- today --------------------------------------------------------------------------------

@pytest.mark.practice("A6")
@pytest.mark.practice("B1")
def test_today_json_lists_todays_checkins_flickers_and_entries(capsys, local_user):
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=LONDON), tick=False):
        run(capsys, "checkin", "--mood", "2", "--flicker", "old song, a pang", "--at",
            "2026-03-09")
        run(capsys, "journal", "yesterday's page", "--at", "2026-03-09")
        run(capsys, "checkin", "--cant-tell", "--flicker", "warm tea, a little comfort")
        run(capsys, "checkin", "--mood", "5")
        run(capsys, "journal", "today's page", "--title", "Tuesday")
        ran = run(capsys, "today", "--json")

    assert ran.code == 0
    shown = ran.json()
    assert shown["day"] == "2026-03-10"
    assert sorted(c["mood"] or 0 for c in shown["checkins"]) == [0, 5]
    assert shown["flickers"] == ["warm tea, a little comfort"]
    assert [(e["title"], e["body"]) for e in shown["entries"]] == [("Tuesday", "today's page")]
    assert shown["shut_down_since"] is None
    assert shown["prompt"]["id"] and shown["prompt"]["text"]


def test_today_in_words_is_gentle_when_nothing_is_there_yet(capsys, local_user):
    ran = run(capsys, "today")
    assert ran.code == 0
    assert "No check-ins yet today, and that\u2019s fine." in ran.said
    assert "Prompt for today" in ran.said


# --- acknowledge --------------------------------------------------------------------------

@pytest.mark.practice("A1")
def test_acknowledge_since_a_day_records_an_episode_from_that_day(capsys, local_user):
    ran = run(capsys, "acknowledge", "--since", "2026-01-05", "--words", "everything is grey")
    assert ran.code == 0
    episode = Episode.objects.get()
    assert (episode.user, episode.started_on, episode.words, episode.ended_on) == (
        local_user, date(2026, 1, 5), "everything is grey", None)
    assert run(capsys, "today", "--json").json()["shut_down_since"] == "2026-01-05"


@pytest.mark.practice("A1")
def test_acknowledge_without_a_day_starts_today(capsys, local_user):
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=LONDON), tick=False):
        ran = run(capsys, "acknowledge")
    assert ran.code == 0
    assert Episode.objects.get().started_on == date(2026, 3, 10)


def test_acknowledge_a_day_still_to_come_exits_1_and_saves_nothing(capsys, local_user):
    tomorrow = datetime.now(LONDON).date() + timedelta(days=2)
    ran = run(capsys, "acknowledge", "--since", tomorrow.isoformat())
    assert ran.code == 1
    assert Episode.objects.count() == 0


@pytest.mark.practice("A1")
def test_acknowledge_since_today_works_in_the_morning(capsys, local_user):
    with time_machine.travel(datetime(2026, 3, 10, 8, 0, tzinfo=LONDON), tick=False):
        ran = run(capsys, "acknowledge", "--since", "2026-03-10")
    assert ran.code == 0
    assert Episode.objects.get().started_on == date(2026, 3, 10)

