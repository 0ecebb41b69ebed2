"""The API's `support` says whose crisis the words speak of, as the web's card does (G5):
"other" (someone the writer worries about), "past" (the writer's own past) or "self"."""

from __future__ import annotations

import pytest

from tests.api.test_api import send

pytestmark = [pytest.mark.django_db, pytest.mark.practice("G5")]


def saved_support(client, path: str, payload: dict) -> dict | None:
    response = send(client, "post", path, payload)
    assert response.status_code == 201, response.content
    return response.json()["support"]


def test_words_about_someone_else_come_back_as_other_with_the_same_lines(signed_in):
    support = saved_support(signed_in, "/api/checkins",
                            {"mood": 3, "note": "My sister keeps saying she wants to die."})

    assert support["context"] == "other"
    assert "someone you care about" in support["message"]
    assert support["helplines"] and support["emergency"]


def test_a_past_attempt_comes_back_as_past_with_the_lines_and_a_gentle_note(signed_in):
    support = saved_support(signed_in, "/api/journal",
                            {"title": "", "body": "I tried to end my life when I was 19."})

    assert support["context"] == "past"
    assert "your past" in support["message"]
    assert support["helplines"] and support["emergency"]


def test_the_writers_own_words_now_come_back_as_self(signed_in):
    support = saved_support(signed_in, "/api/checkins",
                            {"mood": 1, "note": "My sister worries about me. I want to die."})

    assert support["context"] == "self"
    assert "heavy" in support["message"]


def test_nothing_heavy_means_no_support_at_all(signed_in):
    assert saved_support(signed_in, "/api/checkins", {"mood": 6, "note": "Walked the dog."}) is None
