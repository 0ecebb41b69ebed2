"""A check-in is checked in one place (A1, A2, A3, A6) and names every problem at once."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from thawing import content
from thawing.core.checkins import BODY_MAX, EMOTIONS_MAX, EmotionChoice, build_checkin
from thawing.core.errors import InvalidInput
from thawing.core.mood import FLICKER_MAX, NOTE_MAX

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 7, 2, 21, 0, tzinfo=LONDON)
VOCABULARY = content.vocabulary()
BODY_MAP = content.body_map()


def checkin(**values):
    values.setdefault("mood", "5")
    return build_checkin(now=NOW, tz=LONDON, vocabulary=VOCABULARY, body_map=BODY_MAP, **values)


def refused(**values) -> dict[str, str]:
    with pytest.raises(InvalidInput) as caught:
        checkin(**values)
    return caught.value.fields


def test_a_bare_checkin_is_a_mood_now_and_nothing_else():
    data = checkin(mood=6)
    assert (data.at, data.mood, data.feel) == (NOW, 6, None)
    assert (data.emotions, data.body, data.flicker, data.note) == ((), (), "", "")


@pytest.mark.practice("A3")
def test_every_part_of_a_full_checkin_is_kept():
    data = checkin(
        mood="4", feel="2", emotions=[("numb", "2"), ("tired", "")],
        body=["chest:tight", ("arms", "less")], flicker="  a pang of envy ",
        note="long day", at="2026-07-01T20:30",
    )
    assert data.mood == 4 and data.feel == 2
    assert data.emotions == (EmotionChoice("numb", 2), EmotionChoice("tired", None))
    assert data.body == (("chest", "tight"), ("arms", "less"))
    assert (data.flicker, data.note) == ("a pang of envy", "long day")
    assert data.at == datetime(2026, 7, 1, 20, 30, tzinfo=LONDON)


def test_every_problem_is_reported_at_once():
    fields = refused(mood="11", emotions=[("saad", None)], body=["chest:prickly"], at="soon")
    assert set(fields) == {"mood", "emotions", "body", "at"}
    assert "\u201csad\u201d" in fields["emotions"]


def test_problems_in_every_field_are_reported_together():
    fields = refused(
        mood="0", feel="11", emotions=[("sad", "9")], body=["elbow:tight"],
        flicker="x" * (FLICKER_MAX + 1), note="y" * (NOTE_MAX + 1), at="2030-01-01",
    )
    assert set(fields) == {"mood", "feel", "emotions", "body", "flicker", "note", "at"}


def test_every_unknown_emotion_word_is_named_at_once():
    fields = refused(emotions=[("saad", None), ("angy", None)])
    assert "saad" in fields["emotions"] and "angy" in fields["emotions"]


@pytest.mark.practice("A2")
@pytest.mark.practice("A3")
def test_cant_tell_goes_with_body_sensations_and_no_words():
    data = checkin(mood="can't tell", body=["whole-body:less", "chest:hollow"])
    assert data.mood is None
    assert data.emotions == ()
    assert data.body == (("whole-body", "less"), ("chest", "hollow"))


@pytest.mark.practice("A2")
def test_cant_tell_is_not_listed_among_the_problems():
    fields = refused(mood="?", feel="12")
    assert set(fields) == {"feel"}


@pytest.mark.practice("A4")
@pytest.mark.parametrize("word", ["sad", "Sad", "SAD", "  sad ", "unhappy", "Tearful", "sadness"])
def test_emotions_are_given_by_name_id_or_alias_in_any_case(word):
    assert checkin(emotions=[(word, None)]).emotions == (EmotionChoice("sad", None),)


@pytest.mark.practice("A4")
def test_a_multi_word_emotion_can_be_typed_as_its_name():
    data = checkin(emotions=[("Shut down", None), ("on edge", "3"), ("burnt out", None)])
    assert [c.emotion for c in data.emotions] == ["shut-down", "on-edge", "burned-out"]


def test_repeated_emotions_are_kept_once_with_the_last_intensity():
    data = checkin(emotions=[("sad", "2"), ("numb", None), ("Sadness", "4"), ("SAD", "5")])
    assert data.emotions == (EmotionChoice("sad", 5), EmotionChoice("numb", None))


def test_blank_emotion_words_and_body_choices_are_skipped():
    data = checkin(emotions=[("", "3"), ("  ", None), ("calm", None)], body=["", " ", "jaw:tight"])
    assert data.emotions == (EmotionChoice("calm", None),)
    assert data.body == (("jaw", "tight"),)


@pytest.mark.practice("A3")
def test_repeated_body_choices_are_kept_once_in_first_order():
    data = checkin(body=["chest:tight", "Chest:Tight", ("chest", "tight"), "jaw:tense",
                         "CHEST:TIGHT"])
    assert data.body == (("chest", "tight"), ("jaw", "tense"))


@pytest.mark.practice("A6")
def test_a_flicker_is_kept_as_a_small_piece_of_progress():
    data = checkin(mood="cant-tell", flicker="a flicker of irritation at the bus stop")
    assert data.flicker == "a flicker of irritation at the bus stop"
    assert data.mood is None


@pytest.mark.practice("A6")
def test_a_flicker_at_the_limit_fits_and_one_more_character_is_refused():
    assert len(checkin(flicker="z" * FLICKER_MAX).flicker) == FLICKER_MAX
    assert set(refused(flicker="z" * (FLICKER_MAX + 1))) == {"flicker"}


def test_a_note_over_its_limit_is_refused_but_the_rest_is_not_blamed():
    assert set(refused(note="n" * (NOTE_MAX + 1), emotions=[("calm", None)])) == {"note"}


def test_up_to_the_limit_of_emotion_words_fits_and_one_more_is_refused():
    ids = [e.id for e in VOCABULARY.emotions]
    assert len(checkin(emotions=[(i, None) for i in ids[:EMOTIONS_MAX]]).emotions) == EMOTIONS_MAX
    fields = refused(emotions=[(i, None) for i in ids[:EMOTIONS_MAX + 1]])
    assert set(fields) == {"emotions"}


def test_repeats_do_not_count_towards_the_limit_of_emotion_words():
    assert len(checkin(emotions=[("sad", None)] * (EMOTIONS_MAX + 5)).emotions) == 1


def test_up_to_the_limit_of_body_choices_fits_and_one_more_is_refused():
    pairs = [(r.id, s.id) for r in BODY_MAP.regions for s in BODY_MAP.sensations]
    assert len(pairs) > BODY_MAX
    assert len(checkin(body=pairs[:BODY_MAX]).body) == BODY_MAX
    assert set(refused(body=pairs[:BODY_MAX + 1])) == {"body"}


def test_a_datetime_given_directly_is_used_as_it_is():
    moment = datetime(2026, 6, 30, 8, 15, tzinfo=LONDON)
    assert checkin(at=moment).at == moment


def test_a_checkin_in_the_future_is_refused_on_the_at_field():
    assert set(refused(at="2026-07-03T09:00")) == {"at"}
