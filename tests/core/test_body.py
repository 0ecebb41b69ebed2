"""From body to words (A3): body choices are checked and suggest candidate emotion words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thawing import content
from thawing.core.body import ANY, BodyMap, group_by_reason
from thawing.core.emotions import Vocabulary
from thawing.core.errors import InvalidInput

VOCABULARY = content.vocabulary()
BODY_MAP = content.body_map()
PAIRS = [(r.id, s.id) for r in BODY_MAP.regions for s in BODY_MAP.sensations]
pytestmark = pytest.mark.practice("A3")


def _cue(region: str, sensation: str, emotions: list[str], reason: str | None = None) -> dict:
    return {"region": region, "sensation": sensation, "emotions": emotions,
            "reason": reason or f"{region}/{sensation}"}


def small_map(*cues: dict) -> BodyMap:
    return BodyMap.from_mapping({
        "regions": [{"id": r, "label": r.title()} for r in ("chest", "throat", "legs")],
        "sensations": [{"id": s, "label": s.title()} for s in ("tight", "less")],
        "cues": list(cues),
    })


SMALL_VOCABULARY = Vocabulary.from_mapping({
    "families": [{"id": "f", "name": "F", "summary": "S."},
                 {"id": "numb", "name": "Numb", "summary": "S."}],
    "emotions": [
        {"id": i, "name": i.title(), "family": "numb" if i == "blank" else "f",
         "definition": "d", "body": ["b", "c"], "valence": 0, "energy": 0}
        for i in ("afraid", "anxious", "sad", "blank")
    ],
})


def _cue_for(region: str, sensation: str):
    return next(c for c in BODY_MAP.cues if (c.region, c.sensation) == (region, sensation))


# ---------------------------------------------------------------- the shipped map


def test_every_cue_names_a_region_and_sensation_that_exist_or_any():
    regions = {r.id for r in BODY_MAP.regions} | {ANY}
    sensations = {s.id for s in BODY_MAP.sensations} | {ANY}
    assert [c for c in BODY_MAP.cues if c.region not in regions] == []
    assert [c for c in BODY_MAP.cues if c.sensation not in sensations] == []


def test_every_emotion_a_cue_suggests_is_in_the_vocabulary():
    missing = {(c.region, c.sensation, e) for c in BODY_MAP.cues for e in c.emotions
               if VOCABULARY.get(e) is None}
    assert missing == set()


def test_every_cue_has_a_reason_and_at_least_one_word():
    assert all(c.reason.strip() and c.emotions for c in BODY_MAP.cues)


def test_region_and_sensation_ids_are_unique_and_there_is_a_less_or_nothing_answer():
    regions = [r.id for r in BODY_MAP.regions]
    sensations = [s.id for s in BODY_MAP.sensations]
    assert len(regions) == len(set(regions)) and len(sensations) == len(set(sensations))
    assert BODY_MAP.sensation("less") is not None
    assert BODY_MAP.region("whole-body") is not None


def test_no_two_cues_are_about_the_same_region_and_sensation():
    keys = [(c.region, c.sensation) for c in BODY_MAP.cues]
    assert len(keys) == len(set(keys))


# ---------------------------------------------------------------- parse


@pytest.mark.parametrize(
    "choice, pair",
    [
        ("chest:tight", ("chest", "tight")),
        ("Chest:Tight", ("chest", "tight")),
        (" CHEST : TIGHT ", ("chest", "tight")),
        ("Throat and neck:Shallow breath", ("throat", "shallow")),
        ("whole body:Less / nothing", ("whole-body", "less")),
        ("whole_body:less", ("whole-body", "less")),
    ],
)
def test_a_body_choice_is_read_from_ids_or_labels_in_any_case(choice, pair):
    assert BODY_MAP.parse(choice) == pair


@pytest.mark.parametrize("choice", ["elbow:tight", "chest:prickly", "chest", "tight:chest", ":"])
def test_an_unknown_body_choice_is_refused_with_the_valid_regions_listed(choice):
    with pytest.raises(InvalidInput) as caught:
        BODY_MAP.parse(choice)
    assert set(caught.value.fields) == {"body"}
    message = caught.value.fields["body"]
    assert "chest:tight" in message
    assert all(r.id in message for r in BODY_MAP.regions)
    assert all(s.id in message for s in BODY_MAP.sensations)


# ---------------------------------------------------------------- suggest, shipped map


def test_a_single_choice_suggests_the_words_of_its_rule_in_order_with_its_reason():
    cue = _cue_for("chest", "tight")
    suggestions = BODY_MAP.suggest([("chest", "tight")], VOCABULARY)
    assert [s.emotion.id for s in suggestions][:len(cue.emotions)] == list(cue.emotions)
    assert all(s.reasons[0] == cue.reason for s in suggestions[:len(cue.emotions)])


def test_less_or_nothing_all_over_suggests_words_from_the_numb_family():
    suggestions = BODY_MAP.suggest([("whole-body", "less")], VOCABULARY)
    assert suggestions[0].emotion.id == "numb"
    assert {s.emotion.family for s in suggestions} == {"numb"}


def test_an_any_region_rule_speaks_when_no_region_rule_matches():
    for cue in (c for c in BODY_MAP.cues if c.region == ANY and c.sensation != ANY):
        region = next(r.id for r in BODY_MAP.regions
                      if not any(c.matches(r.id, cue.sensation) and c.region != ANY
                                 for c in BODY_MAP.cues))
        suggestions = BODY_MAP.suggest([(region, cue.sensation)], VOCABULARY)
        assert [s.emotion.id for s in suggestions] == list(cue.emotions)[:8]
        assert {s.reasons for s in suggestions} == {(cue.reason,)}


def test_an_any_region_rule_is_silent_when_a_region_rule_matches():
    catch_all = _cue_for(ANY, "less")
    suggestions = BODY_MAP.suggest([("chest", "less")], VOCABULARY)
    assert all(catch_all.reason not in s.reasons for s in suggestions)


def test_repeating_a_choice_does_not_change_the_suggestions():
    once = BODY_MAP.suggest([("stomach", "fluttery")], VOCABULARY)
    assert BODY_MAP.suggest([("stomach", "fluttery")] * 3, VOCABULARY) == once


def test_no_choices_give_no_suggestions():
    assert BODY_MAP.suggest([], VOCABULARY) == []


@settings(database=None, max_examples=100)
@given(st.lists(st.sampled_from(PAIRS), min_size=1, max_size=12), st.integers(1, 10))
def test_suggestions_never_exceed_the_limit_and_name_each_word_once(choices, limit):
    suggestions = BODY_MAP.suggest(choices, VOCABULARY, limit=limit)
    assert len(suggestions) <= limit
    ids = [s.emotion.id for s in suggestions]
    assert len(ids) == len(set(ids))
    assert all(s.reasons for s in suggestions)


def test_the_default_limit_is_eight_even_when_many_words_apply():
    choices = [("whole-body", s.id) for s in BODY_MAP.sensations]
    assert len(BODY_MAP.suggest(choices, VOCABULARY)) == 8


# ---------------------------------------------------------------- suggest, small maps


def test_a_word_named_by_two_regions_ranks_above_words_named_by_one():
    body_map = small_map(
        _cue("chest", "tight", ["afraid", "anxious"]),
        _cue("throat", "tight", ["sad", "anxious"]),
    )
    alone = body_map.suggest([("chest", "tight")], SMALL_VOCABULARY)
    assert [s.emotion.id for s in alone] == ["afraid", "anxious"]
    both = body_map.suggest([("chest", "tight"), ("throat", "tight")], SMALL_VOCABULARY)
    assert both[0].emotion.id == "anxious"
    assert both[0].reasons == ("chest/tight", "throat/tight")
    assert {s.emotion.id for s in both[1:]} == {"afraid", "sad"}


def test_a_word_listed_first_in_a_rule_outranks_a_later_word_of_an_earlier_choice():
    body_map = small_map(
        _cue("throat", "tight", ["sad", "blank"]),
        _cue("chest", "tight", ["afraid"]),
    )
    suggestions = body_map.suggest([("throat", "tight"), ("chest", "tight")], SMALL_VOCABULARY)
    assert [s.emotion.id for s in suggestions] == ["sad", "afraid", "blank"]


def test_a_catch_all_rule_speaks_only_when_nothing_more_specific_does():
    body_map = small_map(
        _cue("chest", "tight", ["afraid"]),
        _cue(ANY, ANY, ["blank"], "anything"),
    )
    specific = body_map.suggest([("chest", "tight")], SMALL_VOCABULARY)
    assert [s.emotion.id for s in specific] == ["afraid"]
    fallback = body_map.suggest([("legs", "less")], SMALL_VOCABULARY)
    assert [(s.emotion.id, s.reasons) for s in fallback] == [("blank", ("anything",))]


def test_a_catch_all_is_silenced_by_a_half_specific_rule_too():
    body_map = small_map(
        _cue(ANY, "less", ["sad"], "less anywhere"),
        _cue(ANY, ANY, ["blank"], "anything"),
    )
    assert [s.emotion.id for s in body_map.suggest([("legs", "less")], SMALL_VOCABULARY)] == [
        "sad"]


def test_unknown_emotion_ids_in_rules_are_skipped_and_do_not_use_up_the_limit():
    body_map = small_map(_cue("chest", "tight", ["ghost", "afraid", "phantom", "sad"]))
    assert [s.emotion.id for s in body_map.suggest([("chest", "tight")], SMALL_VOCABULARY)] == [
        "afraid", "sad"]
    assert [s.emotion.id for s in body_map.suggest(
        [("chest", "tight")], SMALL_VOCABULARY, limit=1)] == ["afraid"]


def test_suggestions_are_grouped_under_their_first_reason():
    body_map = small_map(
        _cue("chest", "tight", ["afraid", "anxious"], "chest"),
        _cue("legs", "less", ["blank"], "legs"),
    )
    suggestions = body_map.suggest([("chest", "tight"), ("legs", "less")], SMALL_VOCABULARY)
    groups = [(reason, [e.id for e in words]) for reason, words in group_by_reason(suggestions)]
    assert groups == [("chest", ["afraid", "anxious"]), ("legs", ["blank"])]
