"""Emotion words over the API: search, one word, and words suggested by the body (A3, A4)."""

from __future__ import annotations

import pytest

from tests.api.test_api import send
from thawing import content

pytestmark = pytest.mark.django_db

EMOTION_KEYS = {"id", "name", "family", "definition", "body", "valence", "energy", "quadrant",
                "cousins", "aliases"}


@pytest.mark.practice("A4")
def test_searching_for_numb_puts_numb_first(signed_in):
    response = send(signed_in, "post", "/api/emotion-search", {"q": "numb"})
    assert response.status_code == 200
    found = response.json()
    assert found[0]["id"] == "numb"
    assert all(set(e) == EMOTION_KEYS for e in found)


@pytest.mark.practice("A4")
def test_the_whole_vocabulary_is_listed_without_a_query(signed_in):
    found = signed_in.get("/api/emotions").json()
    assert len(found) == len(content.vocabulary().emotions) >= 120
    assert "numb" in {e["family"] for e in found}


def test_a_search_with_no_match_is_an_empty_list(signed_in):
    response = send(signed_in, "post", "/api/emotion-search", {"q": "zzzzqqq"})
    assert response.status_code == 200 and response.json() == []
    # A word looked up never travels in an address: ?q= is not read.
    assert len(signed_in.get("/api/emotions?q=zzzzqqq").json()) == len(content.vocabulary().emotions)


@pytest.mark.practice("A4")
def test_one_emotion_has_a_definition_body_cues_and_cousins(signed_in):
    response = signed_in.get("/api/emotions/numb")
    assert response.status_code == 200
    numb = response.json()
    assert (numb["name"], numb["family"], numb["quadrant"]) == ("Numb", "numb", "unpleasant-low")
    assert numb["definition"] and numb["body"]
    assert 2 <= len(numb["cousins"]) and all(c["difference"] for c in numb["cousins"])


def test_an_unknown_emotion_is_404_in_json(signed_in):
    response = signed_in.get("/api/emotions/saad")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"] == "No emotion word has that id."


@pytest.mark.practice("A3")
def test_a_tight_chest_suggests_words_with_reasons(signed_in):
    response = signed_in.get("/api/emotions/suggestions?body=chest:tight")
    assert response.status_code == 200
    suggestions = response.json()
    assert suggestions
    for suggestion in suggestions:
        assert set(suggestion["emotion"]) == EMOTION_KEYS
        assert suggestion["reasons"] and all(r.strip() for r in suggestion["reasons"])
    assert "anxious" in {s["emotion"]["id"] for s in suggestions}


@pytest.mark.practice("A3")
def test_several_body_choices_can_be_given_at_once(signed_in):
    one = signed_in.get("/api/emotions/suggestions?body=chest:tight").json()
    two = signed_in.get("/api/emotions/suggestions?body=chest:tight&body=arms:less").json()
    assert two and two != one


def test_no_body_choice_suggests_nothing(signed_in):
    response = signed_in.get("/api/emotions/suggestions")
    assert response.status_code == 200 and response.json() == []


@pytest.mark.parametrize("choice", ["chest", "chest:purple", "elbow:tight"])
def test_a_bad_body_choice_gives_400_naming_the_body(signed_in, choice):
    response = signed_in.get(f"/api/emotions/suggestions?body={choice}")
    assert response.status_code == 400
    problem = response.json()
    assert problem["message"]
    assert "chest:tight" in problem["fields"]["body"]
