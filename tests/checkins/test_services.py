from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from thawing.checkins import services
from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion, Episode
from thawing.core.errors import InvalidInput, NotFound

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


@pytest.mark.practice("A2")
def test_cant_tell_is_saved_as_a_mood_of_none(local_user):
    checkin = services.record_checkin(user=local_user, mood="cant-tell")
    assert CheckIn.objects.get(pk=checkin.pk).mood is None


@pytest.mark.practice("A3")
def test_a_full_checkin_saves_every_part_with_its_owner(local_user):
    checkin = services.record_checkin(
        user=local_user, mood="4", feel="2", emotions=[("Numb", "2"), ("tired", "")],
        body=["chest:tight", "Arms:Less"], flicker="a pang of envy", note="long day",
    )
    saved = CheckIn.objects.get(pk=checkin.pk)
    assert (saved.mood, saved.feel, saved.flicker, saved.note) == (4, 2, "a pang of envy", "long day")
    emotions = list(CheckInEmotion.objects.filter(checkin=saved).values_list(
        "emotion", "intensity", "user_id"))
    assert emotions == [("numb", 2, local_user.pk), ("tired", None, local_user.pk)]
    body = list(BodySensation.objects.filter(checkin=saved).values_list("region", "sensation"))
    assert body == [("chest", "tight"), ("arms", "less")]


def test_bad_input_saves_nothing_and_names_each_problem(local_user):
    with pytest.raises(InvalidInput) as caught:
        services.record_checkin(user=local_user, mood="11", emotions=[("saad", None)],
                                body=["chest"], at="soon")
    assert set(caught.value.fields) == {"mood", "emotions", "body", "at"}
    assert "sad" in caught.value.fields["emotions"]
    assert CheckIn.objects.count() == 0 and CheckInEmotion.objects.count() == 0


def test_backfilled_time_is_read_in_the_users_time_zone(local_user):
    with time_machine.travel(datetime(2026, 7, 2, 12, 0, tzinfo=LONDON)):
        checkin = services.record_checkin(user=local_user, mood=5, at="2026-07-01T21:30")
    assert checkin.at == datetime(2026, 7, 1, 20, 30, tzinfo=ZoneInfo("UTC"))


def test_a_checkin_in_the_future_is_refused(local_user):
    tomorrow = (datetime.now(LONDON) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    with pytest.raises(InvalidInput) as caught:
        services.record_checkin(user=local_user, mood=5, at=tomorrow)
    assert "at" in caught.value.fields


def test_update_replaces_every_part(local_user):
    checkin = services.record_checkin(user=local_user, mood=3, emotions=[("sad", 4)],
                                      body=["chest:heavy"])
    services.update_checkin(user=local_user, checkin_id=checkin.pk, mood="cant-tell",
                            emotions=[("calm", None)], body=[], note="better")
    saved = services.get_checkin(user=local_user, checkin_id=checkin.pk)
    assert saved.mood is None and saved.note == "better"
    assert [e.emotion for e in saved.emotions.all()] == ["calm"]
    assert list(saved.body.all()) == []


def test_a_failed_update_changes_nothing(local_user):
    checkin = services.record_checkin(user=local_user, mood=3, emotions=[("sad", 4)])
    with pytest.raises(InvalidInput):
        services.update_checkin(user=local_user, checkin_id=checkin.pk, mood=0)
    saved = services.get_checkin(user=local_user, checkin_id=checkin.pk)
    assert saved.mood == 3 and [e.emotion for e in saved.emotions.all()] == ["sad"]


def test_delete_removes_the_checkin_and_its_parts(local_user):
    checkin = services.record_checkin(user=local_user, mood=3, emotions=[("sad", 4)])
    services.delete_checkin(user=local_user, checkin_id=checkin.pk)
    assert not CheckIn.objects.exists() and not CheckInEmotion.objects.exists()
    with pytest.raises(NotFound):
        services.delete_checkin(user=local_user, checkin_id=checkin.pk)


def test_one_user_never_reads_or_changes_anothers_checkins(local_user, make_account):
    other = make_account("other")
    mine = services.record_checkin(user=local_user, mood=5, note="private")
    with pytest.raises(NotFound):
        services.get_checkin(user=other, checkin_id=mine.pk)
    with pytest.raises(NotFound):
        services.update_checkin(user=other, checkin_id=mine.pk, mood=1)
    with pytest.raises(NotFound):
        services.delete_checkin(user=other, checkin_id=mine.pk)
    assert services.list_checkins(user=other) == []
    assert CheckIn.objects.get(pk=mine.pk).mood == 5


@pytest.mark.practice("A3")
def test_body_choices_suggest_words_with_reasons(local_user):
    suggestions = services.suggest_emotions(body=["whole-body:less"])
    assert suggestions and all(s.reasons for s in suggestions)
    assert any(s.emotion.family == "numb" for s in suggestions)


@pytest.mark.practice("A1")
def test_acknowledging_shut_down_records_when_it_began(local_user):
    episode = services.acknowledge_shutdown(user=local_user, since="2026-01-05",
                                            words="everything is muffled")
    assert Episode.objects.get().started_on == date(2026, 1, 5)
    again = services.acknowledge_shutdown(user=local_user, since="2025-12-20")
    assert again.pk == episode.pk and again.started_on == date(2025, 12, 20)
    assert again.words == "everything is muffled"
    services.end_episode(user=local_user)
    assert services.current_episode(user=local_user) is None


def test_shut_down_cannot_begin_in_the_future(local_user):
    with pytest.raises(InvalidInput) as caught:
        services.acknowledge_shutdown(user=local_user, since="2999-01-01")
    assert set(caught.value.fields) == {"since"}
    assert not Episode.objects.exists()


def test_nul_characters_are_dropped_not_a_crash(local_user):
    checkin = services.record_checkin(user=local_user, mood=5, note="before\x00after",
                                      flicker="a\x00b")
    saved = CheckIn.objects.get(pk=checkin.pk)
    assert (saved.note, saved.flicker) == ("beforeafter", "ab")


def test_editing_a_checkin_in_the_repeated_autumn_hour_keeps_its_time(local_user):
    from thawing.core.mood import as_local_input

    # 01:30 UTC on 25 October 2026 is the second 01:30 in London, after the clocks go back.
    second = datetime(2026, 10, 25, 1, 30, tzinfo=ZoneInfo("UTC"))
    checkin = services.record_checkin(user=local_user, mood=4, at=second)
    shown = as_local_input(checkin.at, LONDON)
    services.update_checkin(user=local_user, checkin_id=checkin.pk, mood=4, note="later",
                            at=shown)
    assert CheckIn.objects.get(pk=checkin.pk).at == second


@pytest.mark.practice("A3")
def test_lists_carry_each_check_ins_parts_in_order_and_leave_no_reference_cycles(local_user):
    import gc

    for day in range(30):
        services.record_checkin(user=local_user, mood=str(1 + day % 10),
                                emotions=[("tired", "2"), ("calm", None)] if day % 2 else [],
                                body=["chest:tight", "arms:less"] if day % 3 else [],
                                at=f"2026-10-{1 + day:02d}T08:00")
    listed = services.list_checkins(user=local_user)
    assert len(listed) == 30
    with_words = [c for c in listed if c.emotion_list]
    assert len(with_words) == 15
    assert all([(e.emotion, e.intensity) for e in c.emotion_list] == [("tired", 2), ("calm", None)]
               for c in with_words)
    assert sum(1 for c in listed if [(b.region, b.sensation) for b in c.body_list]
               == [("chest", "tight"), ("arms", "less")]) == 20
    one = services.get_checkin(user=local_user, checkin_id=with_words[0].pk)
    assert [e.emotion for e in one.emotion_list] == ["tired", "calm"]
    assert [e.emotion for e in one.emotions.all()] == ["tired", "calm"]

    # Per-check-in prefetch querysets once tied every listed check-in into a reference cycle.
    gc.collect()
    gc.disable()
    try:
        services.list_checkins(user=local_user)
        assert gc.collect() < 100
    finally:
        gc.enable()
