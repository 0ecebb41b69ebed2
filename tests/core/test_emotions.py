"""The emotion vocabulary (A4): words, definitions, body cues, valence, energy, cousins."""

from __future__ import annotations

from collections import defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thawing import content
from thawing.core.emotions import Emotion, Vocabulary, normalise
from thawing.core.errors import InvalidInput

VOCABULARY = content.vocabulary()
EMOTIONS = VOCABULARY.emotions
pytestmark = pytest.mark.practice("A4")


def _emotion(id: str, name: str, definition: str, **extra) -> dict:
    return {"id": id, "name": name, "family": extra.pop("family", "f"), "definition": definition,
            "body": ["somewhere"], "valence": 0, "energy": 0, **extra}


def small_vocabulary(*emotions: dict) -> Vocabulary:
    return Vocabulary.from_mapping({
        "families": [{"id": "f", "name": "Family", "summary": "A family."}],
        "emotions": list(emotions),
    })


# ---------------------------------------------------------------- the shipped words


def test_the_vocabulary_has_well_over_the_54_words_of_the_programme():
    assert len(EMOTIONS) >= 120


def test_there_is_a_numb_family_with_the_words_people_use_for_numbness():
    assert VOCABULARY.family("numb") is not None
    numb = {e.id for e in VOCABULARY.in_family("numb")}
    assert {"numb", "empty", "flat", "detached", "disconnected"} <= numb


def test_emotion_ids_are_unique_and_written_as_normalised_words():
    ids = [e.id for e in EMOTIONS]
    assert len(ids) == len(set(ids))
    assert all(normalise(i) == i for i in ids)


def test_every_emotion_belongs_to_a_family_that_exists():
    assert {e.family for e in EMOTIONS} <= {f.id for f in VOCABULARY.families}


def test_every_family_has_words_and_a_summary():
    for family in VOCABULARY.families:
        assert family.name.strip() and family.summary.strip(), family.id
        assert VOCABULARY.in_family(family.id), family.id


@pytest.mark.parametrize("emotion", EMOTIONS, ids=lambda e: e.id)
def test_every_emotion_has_a_definition_body_cues_and_coarse_valence_and_energy(emotion):
    assert emotion.name.strip() and emotion.definition.strip()
    assert 2 <= len(emotion.body) <= 4
    assert all(cue.strip() for cue in emotion.body)
    assert -2 <= emotion.valence <= 2 and -2 <= emotion.energy <= 2


@pytest.mark.parametrize("emotion", EMOTIONS, ids=lambda e: e.id)
def test_every_emotion_has_two_or_three_real_cousins_other_than_itself(emotion):
    cousin_ids = [c.id for c in emotion.cousins]
    assert 2 <= len(cousin_ids) <= 3
    assert len(set(cousin_ids)) == len(cousin_ids)
    assert emotion.id not in cousin_ids
    assert all(VOCABULARY.get(c) is not None for c in cousin_ids), cousin_ids
    assert all(c.difference.strip() for c in emotion.cousins)


def test_no_two_emotions_share_an_id_name_or_alias():
    owners: dict[str, set[str]] = defaultdict(set)
    for emotion in EMOTIONS:
        for word in (emotion.id, emotion.name, *emotion.aliases):
            owners[normalise(word)].add(emotion.id)
    assert {word: ids for word, ids in owners.items() if len(ids) > 1} == {}


def test_the_words_cover_all_four_quadrants_and_the_middle():
    assert {e.quadrant for e in EMOTIONS} == {
        "pleasant-high", "pleasant-low", "unpleasant-high", "unpleasant-low", "neutral"}


# ---------------------------------------------------------------- lookup


@pytest.mark.parametrize("word", ["sad", "Sad", "SAD", "  sad  ", "Unhappy", "sadness"])
def test_lookup_finds_an_emotion_by_id_name_or_alias_in_any_case(word):
    assert VOCABULARY.lookup(word) is VOCABULARY.get("sad")


@pytest.mark.parametrize(
    "word", ["shut down", "Shut-Down", "SHUT_DOWN", " shut   down ", "switched off"]
)
def test_lookup_ignores_case_spaces_underscores_and_hyphens(word):
    assert VOCABULARY.lookup(word) is VOCABULARY.get("shut-down")


def test_lookup_of_an_unknown_word_is_none_and_get_needs_the_exact_id():
    assert VOCABULARY.lookup("zzzz") is None
    assert VOCABULARY.get("Sad") is None
    assert VOCABULARY.get("sad") is not None


@settings(database=None, max_examples=200)
@given(st.sampled_from(EMOTIONS))
def test_every_emotion_is_found_by_its_name_in_capitals(emotion):
    assert VOCABULARY.lookup(emotion.name.upper()) is emotion


@settings(database=None, max_examples=200)
@given(st.sampled_from(EMOTIONS))
def test_every_emotion_is_found_by_its_id_with_spaces_for_hyphens(emotion):
    assert VOCABULARY.lookup(" " + emotion.id.replace("-", " ") + " ") is emotion


@settings(database=None, max_examples=300)
@given(
    st.sampled_from(EMOTIONS).flatmap(
        lambda e: st.tuples(st.just(e), st.sampled_from((e.id, e.name, *e.aliases)))),
    st.sampled_from([" ", "-", "_", "  ", " - "]),
    st.booleans(),
)
def test_every_word_of_every_emotion_survives_other_case_and_separators(pair, separator, upper):
    emotion, word = pair
    typed = separator.join(word.replace("-", " ").split())
    typed = typed.upper() if upper else typed.title()
    assert VOCABULARY.lookup(f"  {typed} ") is emotion


def test_an_alias_with_a_typographic_apostrophe_is_found():
    assert VOCABULARY.lookup("can\u2019t be bothered") is VOCABULARY.lookup("can't be bothered")


# ---------------------------------------------------------------- resolve


def test_a_misspelt_word_is_refused_with_did_you_mean_the_close_word():
    with pytest.raises(InvalidInput) as caught:
        VOCABULARY.resolve("saad")
    assert set(caught.value.fields) == {"emotions"}
    message = caught.value.fields["emotions"]
    assert "saad" in message
    assert "Did you mean" in message and "\u201csad\u201d" in message


def test_a_nonsense_word_is_refused_without_made_up_suggestions():
    with pytest.raises(InvalidInput) as caught:
        VOCABULARY.resolve("  xqzvwk ")
    message = caught.value.fields["emotions"]
    assert "\u201cxqzvwk\u201d" in message
    assert "Did you mean" not in message
    assert "browse" in message


def test_resolve_returns_the_emotion_for_a_known_word():
    assert VOCABULARY.resolve("On Edge") is VOCABULARY.get("on-edge")


def test_close_matches_name_each_emotion_once_and_respect_the_limit():
    matches = VOCABULARY.close_matches("anxius", limit=2)
    assert len(matches) <= 2
    assert len({m.id for m in matches}) == len(matches)
    assert matches[0] is VOCABULARY.get("anxious")


# ---------------------------------------------------------------- search


def test_search_puts_name_matches_before_definition_matches():
    vocabulary = small_vocabulary(
        _emotion("uneasy", "Uneasy", "Like a storm is coming."),
        _emotion("calm", "Calm", "Still water."),
        _emotion("stormy", "Stormy", "Dark inside."),
    )
    assert [e.id for e in vocabulary.search("storm")] == ["stormy", "uneasy"]


def test_search_finds_aliases_as_names():
    vocabulary = small_vocabulary(
        _emotion("low", "Low", "A blue day, gently down."),
        _emotion("sad", "Sad", "Heavy.", aliases=["blue"]),
    )
    assert [e.id for e in vocabulary.search("Blue")] == ["sad", "low"]


def test_search_needs_every_term_to_match():
    vocabulary = small_vocabulary(
        _emotion("a", "Alpha", "A calm morning."),
        _emotion("b", "Beta", "A calm night in a storm."),
        _emotion("c", "Gamma", "A storm at noon."),
    )
    assert [e.id for e in vocabulary.search("calm storm")] == ["b"]
    assert vocabulary.search("calm pigeon") == []


@pytest.mark.parametrize("query", ["tired", "chest", "numb", "sad heavy"])
def test_in_the_real_words_every_name_match_comes_before_every_other_match(query):
    results = VOCABULARY.search(query)
    terms = query.split()
    by_name = [any(t in " ".join((e.id, e.name, *e.aliases)).lower() for t in terms)
               for e in results]
    assert results and by_name == sorted(by_name, reverse=True)


def test_search_in_the_real_words_finds_by_name_first_and_by_definition_too():
    results = VOCABULARY.search("Tired")
    assert results[0] is VOCABULARY.get("tired")
    assert any("tired" not in e.name.lower() and "tired" in e.definition.lower() for e in results)


@pytest.mark.parametrize("query", ["", "   ", " - "])
def test_an_empty_search_returns_every_emotion_in_order(query):
    assert VOCABULARY.search(query) == list(EMOTIONS)


# ---------------------------------------------------------------- quadrant


@pytest.mark.parametrize(
    "valence, energy, quadrant",
    [
        (2, 2, "pleasant-high"), (1, -1, "pleasant-low"), (-1, 2, "unpleasant-high"),
        (-2, -2, "unpleasant-low"), (0, 2, "neutral"), (2, 0, "neutral"), (0, 0, "neutral"),
    ],
)
def test_quadrant_combines_pleasantness_and_energy(valence, energy, quadrant):
    emotion = Emotion("x", "X", "f", "d", ("b",), valence, energy, ())
    assert emotion.quadrant == quadrant
