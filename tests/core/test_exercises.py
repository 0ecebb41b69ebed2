"""Exercises: loading with named errors, step timing, scaling, the breathing pacer."""

from __future__ import annotations

import pytest

from thawing.core.errors import ContentError, InvalidInput
from thawing.core.exercises import Exercise, Pacer, Step, parse_inhale_share, parse_minutes, parse_rate

WHERE = "exercises/sample.toml"


def mapping(**changes):
    """A valid exercise file's fields, with `changes` applied (None removes a field)."""
    data = {
        "id": "sample", "name": "Sample", "summary": "A sample.", "kind": "grounding",
        "practices": ["C1"], "intensity": "gentle", "minutes": 2,
        "steps": [{"text": "Settle.", "seconds": 30}, {"text": "Look around.", "prompt": "What?"},
                  {"text": "Notice.", "seconds": 60}, {"text": "Close.", "seconds": 30}],
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def meditation(**changes):
    return mapping(**{"kind": "meditation", "practices": ["C4"],
                      "timer": {"minutes": 2, "min_minutes": 1, "max_minutes": 60},
                      "steps": [{"text": "Settle.", "seconds": 10}, {"text": "Sit.", "seconds": 100},
                                {"text": "Close.", "seconds": 10}], **changes})


def breathing(**changes):
    return mapping(**{"kind": "breathing", "practices": ["C3"],
                      "pacer": {"rate": 6.0, "inhale_share": 0.4}, **changes})


def load(data, where=WHERE):
    return Exercise.from_mapping(data, where=where)


def test_a_valid_mapping_loads_into_frozen_steps():
    exercise = load(mapping())
    assert exercise.id == "sample" and exercise.practices == ("C1",)
    assert exercise.steps[1] == Step("Look around.", None, "What?")
    assert exercise.pacer is None and exercise.timer is None and exercise.sources == ()


def test_total_seconds_counts_untimed_steps_as_zero():
    assert load(mapping()).total_seconds == 120


@pytest.mark.parametrize("field", ["id", "name", "summary", "kind", "practices", "intensity",
                                   "minutes", "steps"])
def test_a_missing_field_is_named_with_the_file(field):
    with pytest.raises(ContentError) as caught:
        load(mapping(**{field: None}))
    assert (caught.value.where, caught.value.field) == (WHERE, field)
    assert WHERE in caught.value.message and field in caught.value.message


@pytest.mark.parametrize("changes, field", [
    ({"kind": "yoga"}, "kind"),
    ({"intensity": "extreme"}, "intensity"),
    ({"minutes": 0}, "minutes"),
    ({"minutes": "5"}, "minutes"),
    ({"minutes": True}, "minutes"),
    ({"name": ""}, "name"),
    ({"name": 3}, "name"),
    ({"practices": []}, "practices"),
    ({"practices": ["Z9"]}, "practices"),
    ({"practices": "C1"}, "practices"),
    ({"sources": ["not a web address"]}, "sources"),
    ({"steps": []}, "steps"),
    ({"steps": [{"text": "Hi.", "seconds": 0}]}, "steps[1].seconds"),
    ({"steps": [{"text": "Hi."}, {"text": "Two.", "seconds": -5}]}, "steps[2].seconds"),
    ({"steps": [{"text": "Hi.", "seconds": 1.5}]}, "steps[1].seconds"),
    ({"steps": [{"seconds": 10}]}, "steps[1].text"),
    ({"steps": [{"text": "Hi.", "prompt": 4}]}, "steps[1].prompt"),
    ({"steps": [{"text": "Hi.", "secs": 4}]}, "steps[1].secs"),
    ({"step": []}, "step"),
    ({"id": "Sample Exercise"}, "id"),
])
def test_a_malformed_field_is_named(changes, field):
    with pytest.raises(ContentError) as caught:
        load(mapping(**changes))
    assert caught.value.field == field


def test_the_id_must_match_the_file_stem():
    with pytest.raises(ContentError) as caught:
        load(mapping(), where="exercises/other.toml")
    assert caught.value.field == "id" and "other" in caught.value.message


def test_without_a_file_name_the_stem_is_not_checked():
    assert load(mapping(), where="user upload").id == "sample"


@pytest.mark.practice("C3")
def test_breathing_without_a_pacer_is_rejected():
    with pytest.raises(ContentError) as caught:
        load(breathing(pacer=None))
    assert caught.value.field == "pacer"


@pytest.mark.parametrize("pacer, field", [
    ({"rate": 2.0, "inhale_share": 0.4}, "pacer.rate"),
    ({"rate": 13, "inhale_share": 0.4}, "pacer.rate"),
    ({"rate": "6", "inhale_share": 0.4}, "pacer.rate"),
    ({"rate": 6.0, "inhale_share": 0.7}, "pacer.inhale_share"),
    ({"rate": 6.0}, "pacer.inhale_share"),
    ("fast", "pacer"),
])
def test_a_pacer_out_of_range_is_rejected(pacer, field):
    with pytest.raises(ContentError) as caught:
        load(breathing(pacer=pacer))
    assert caught.value.field == field


def test_only_breathing_has_a_pacer_and_only_meditation_a_timer():
    with pytest.raises(ContentError, match="pacer"):
        load(mapping(pacer={"rate": 6, "inhale_share": 0.4}))
    with pytest.raises(ContentError, match="timer"):
        load(mapping(timer={"minutes": 2, "min_minutes": 1, "max_minutes": 10}))


@pytest.mark.practice("C4")
def test_a_meditation_needs_a_timer_that_matches_its_steps():
    with pytest.raises(ContentError) as caught:
        load(meditation(timer=None))
    assert caught.value.field == "timer"
    with pytest.raises(ContentError) as caught:
        load(meditation(timer={"minutes": 3, "min_minutes": 1, "max_minutes": 60}))
    assert caught.value.field == "steps"
    with pytest.raises(ContentError) as caught:
        load(meditation(timer={"minutes": 2, "min_minutes": 5, "max_minutes": 60}))
    assert caught.value.field == "timer.minutes"


def test_breathing_needs_timed_steps():
    with pytest.raises(ContentError) as caught:
        load(breathing(steps=[{"text": "Breathe."}]))
    assert caught.value.field == "steps"


@pytest.mark.parametrize("elapsed, expected", [
    (0, (0, 30)), (29.5, (0, 0.5)), (30, (2, 60)), (45, (2, 45)), (89.9, (2, pytest.approx(0.1))),
    (90, (3, 30)), (119, (3, 1)), (120, None), (10_000, None), (-5, (0, 30)),
])
def test_step_at_gives_the_step_and_seconds_left_skipping_untimed_steps(elapsed, expected):
    assert load(mapping()).step_at(elapsed) == expected


def test_an_exercise_without_timed_steps_is_finished_at_once():
    untimed = load(mapping(steps=[{"text": "One."}, {"text": "Two."}]))
    assert untimed.step_at(0) is None and not untimed.is_timed


@pytest.mark.practice("C4")
def test_a_two_minute_meditation_grows_to_ten_minutes_in_proportion():
    short = load(meditation())
    long = short.with_minutes(10)
    assert long.total_seconds == 600 and long.minutes == 10 and long.timer.minutes == 10
    assert [s.seconds for s in long.steps] == [50, 500, 50]
    assert [s.text for s in long.steps] == [s.text for s in short.steps]
    assert short.total_seconds == 120


@pytest.mark.practice("C4")
@pytest.mark.parametrize("minutes", [1, 3, 7, 11, 60])
def test_any_length_in_range_adds_up_exactly(minutes):
    assert load(meditation()).with_minutes(minutes).total_seconds == minutes * 60


def test_with_minutes_keeps_untimed_steps_untimed():
    scaled = load(mapping()).with_minutes(4)
    assert [s.seconds for s in scaled.steps] == [60, None, 120, 60]


@pytest.mark.practice("C4")
@pytest.mark.parametrize("minutes", [0, 61, "ten", 2.5, True, ""])
def test_a_length_out_of_range_is_refused_kindly(minutes):
    with pytest.raises(InvalidInput) as caught:
        load(meditation()).with_minutes(minutes)
    assert set(caught.value.fields) == {"minutes"}


def test_typed_minutes_are_accepted():
    assert load(meditation()).with_minutes(" 5 ").minutes == 5


def test_an_untimed_exercise_cannot_be_given_a_length():
    with pytest.raises(InvalidInput) as caught:
        load(mapping(steps=[{"text": "One."}])).with_minutes(5)
    assert "minutes" in caught.value.fields


@pytest.mark.practice("C3")
def test_breathing_can_be_shortened():
    short = load(breathing()).with_minutes(1)
    assert short.total_seconds == 60 and short.pacer == Pacer(6.0, 0.4)


@pytest.mark.practice("C3")
def test_six_breaths_a_minute_with_a_forty_percent_in_breath_is_four_in_six_out():
    pacer = Pacer(6.0, 0.4)
    assert pacer.breath_seconds() == pytest.approx(10)
    assert (pacer.inhale_seconds(), pacer.exhale_seconds()) == (pytest.approx(4), pytest.approx(6))


@pytest.mark.practice("C3")
@pytest.mark.parametrize("text, rate", [("6", 6.0), (" 4.5 ", 4.5), ("5,5", 5.5), (3, 3.0), (12, 12.0)])
def test_a_typed_breathing_pace_is_understood(text, rate):
    assert parse_rate(text) == rate
    assert Pacer(6.0, 0.4).with_rate(text).rate == rate


@pytest.mark.practice("C3")
@pytest.mark.parametrize("value", ["2.9", 13, "fast", "", None, True, float("nan"), float("inf")])
def test_a_breathing_pace_out_of_range_is_refused_kindly(value):
    with pytest.raises(InvalidInput) as caught:
        parse_rate(value)
    assert set(caught.value.fields) == {"rate"}
    assert "breaths a minute" in caught.value.fields["rate"]


@pytest.mark.parametrize("value, ok", [(0.4, True), ("0.2", True), (0.6, True), (0.1, False),
                                       ("0.65", False), ("half", False)])
def test_the_in_breath_share_stays_between_a_fifth_and_three_fifths(value, ok):
    if ok:
        assert 0.2 <= parse_inhale_share(value) <= 0.6
    else:
        with pytest.raises(InvalidInput):
            parse_inhale_share(value)


def test_parse_minutes_messages_are_translatable():
    with pytest.raises(InvalidInput) as caught:
        parse_minutes(99, low=1, high=60)
    assert caught.value.fields["minutes"].template.startswith("This can last from")
