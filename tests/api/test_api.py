"""The JSON API: its schema, sign-in and CSRF, and check-ins from create to delete.

Every answer is checked twice: what the API said, and what the database now holds.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion
from thawing.checkins.services import acknowledge_shutdown, record_checkin
from thawing.journal.services import write_entry

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")


def send(client: Client, method: str, path: str, payload: Any = None, **extra: Any) -> Any:
    """One API request; a payload goes as JSON (a str is sent as it is, to test bad JSON)."""
    if payload is None:
        return getattr(client, method)(path, **extra)
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return getattr(client, method)(path, data=body, content_type="application/json", **extra)


def nothing_saved() -> bool:
    return (CheckIn.objects.count(), CheckInEmotion.objects.count(),
            BodySensation.objects.count()) == (0, 0, 0)


# --- schema -------------------------------------------------------------------------------

def test_the_openapi_schema_lists_checkin_journal_and_emotion_paths(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    paths = set(response.json()["paths"])
    assert {"/api/checkins", "/api/checkins/{checkin_id}", "/api/today", "/api/journal",
            "/api/journal/{entry_id}", "/api/journal/search", "/api/journal/tags", "/api/emotions",
            "/api/emotions/{emotion_id}", "/api/emotions/suggestions", "/api/emotion-search"} <= paths


def test_the_interactive_docs_are_off_because_they_would_load_outside_assets(client):
    assert client.get("/api/docs").status_code == 404


# --- signed out ---------------------------------------------------------------------------

ENDPOINTS = [
    ("get", "/api/checkins", None),
    ("post", "/api/checkins", {"mood": 5}),
    ("get", "/api/checkins/1", None),
    ("put", "/api/checkins/1", {"mood": 5}),
    ("delete", "/api/checkins/1", None),
    ("get", "/api/today", None),
    ("get", "/api/journal", None),
    ("post", "/api/journal", {"body": "hello"}),
    ("post", "/api/journal/search", {"q": "walk"}),
    ("get", "/api/journal/tags", None),
    ("get", "/api/journal/1", None),
    ("put", "/api/journal/1", {"body": "hello"}),
    ("delete", "/api/journal/1", None),
    ("get", "/api/emotions", None),
    ("get", "/api/emotions/numb", None),
    ("get", "/api/emotions/suggestions?body=chest:tight", None),
]


@pytest.mark.parametrize("method, path, payload", ENDPOINTS)
def test_every_endpoint_answers_401_in_json_when_signed_out(client, local_user, method, path,
                                                            payload):
    record_checkin(user=local_user, mood=4)
    before = CheckIn.objects.count()
    response = send(client, method, path, payload)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"] == "Please sign in first."
    assert CheckIn.objects.count() == before


# --- creating check-ins -------------------------------------------------------------------

@pytest.mark.practice("A3")
@pytest.mark.practice("A6")
def test_posting_a_checkin_creates_it_with_emotions_and_body(signed_in, local_user):
    response = send(signed_in, "post", "/api/checkins", {
        "mood": 4, "feel": 2, "emotions": [{"word": "Numb", "intensity": 2}, {"word": "tired"}],
        "body": ["chest:tight", "arms:less"], "flicker": "a pang of envy", "note": "long day",
    })

    assert response.status_code == 201
    shown = response.json()
    saved = CheckIn.objects.get()
    assert shown["id"] == saved.pk
    assert (shown["mood"], shown["cant_tell"], shown["feel"]) == (4, False, 2)
    assert shown["emotions"] == [{"emotion": "numb", "intensity": 2},
                                 {"emotion": "tired", "intensity": None}]
    assert shown["body"] == [{"region": "chest", "sensation": "tight"},
                             {"region": "arms", "sensation": "less"}]
    assert (saved.user, saved.mood, saved.feel, saved.flicker, saved.note) == (
        local_user, 4, 2, "a pang of envy", "long day")
    assert list(CheckInEmotion.objects.values_list("emotion", "intensity", "user")) == [
        ("numb", 2, local_user.pk), ("tired", None, local_user.pk)]
    assert list(BodySensation.objects.values_list("region", "sensation")) == [
        ("chest", "tight"), ("arms", "less")]


@pytest.mark.practice("A2")
def test_cant_tell_gives_a_mood_of_null(signed_in):
    response = send(signed_in, "post", "/api/checkins", {"mood": "cant-tell"})
    assert response.status_code == 201
    assert (response.json()["mood"], response.json()["cant_tell"]) == (None, True)
    assert CheckIn.objects.get().mood is None


def test_a_backfilled_time_with_an_offset_is_kept(signed_in):
    response = send(signed_in, "post", "/api/checkins",
                    {"mood": 6, "at": "2026-07-01T21:30:00+01:00"})
    assert response.status_code == 201
    assert CheckIn.objects.get().at == datetime(2026, 7, 1, 20, 30, tzinfo=UTC)


@pytest.mark.parametrize("payload, field, words", [
    ({"mood": 11}, "mood", "1 to 10"),
    ({"mood": 0}, "mood", "1 to 10"),
    ({"mood": ""}, "mood", "Pick a mood"),
    ({"mood": 5, "emotions": [{"word": "saad"}]}, "emotions", "\u201csad\u201d"),
    ({"mood": 5, "emotions": [{"word": "numb", "intensity": 9}]}, "emotions", "1 to 5"),
    ({"mood": 5, "body": ["chest"]}, "body", "chest:tight"),
    ({"mood": 5, "feel": 11}, "feel", "0 to 10"),
    ({"mood": 5, "note": "x" * 5001}, "note", "5,000"),
    ({"mood": 5, "flicker": "x" * 501}, "flicker", "500"),
])
def test_bad_checkin_input_gives_400_naming_the_field_and_saves_nothing(signed_in, payload,
                                                                        field, words):
    response = send(signed_in, "post", "/api/checkins", payload)
    assert response.status_code == 400
    problem = response.json()
    assert problem["message"]
    assert words in problem["fields"][field]
    assert nothing_saved()


@pytest.mark.parametrize("payload", [
    {},
    {"mood": [5]},
    {"mood": 7.5},
    {"mood": 5, "emotions": "numb"},
    {"mood": 5, "emotions": [{"intensity": 2}]},
    {"mood": 5, "body": "chest:tight"},
    {"mood": 5, "feel": "a lot"},
    {"mood": 5, "at": "yesterdayish"},
    "[1, 2",
    "just words",
])
def test_malformed_checkin_json_gives_400_with_a_message_and_saves_nothing(signed_in, payload):
    response = send(signed_in, "post", "/api/checkins", payload)
    assert response.status_code == 400
    problem = response.json()
    assert problem["message"] and isinstance(problem["fields"], dict)
    assert nothing_saved()


@pytest.mark.parametrize("payload", [{}, {"mood": 5, "emotions": "numb"}])
def test_malformed_checkin_json_names_the_fields_that_could_not_be_read(signed_in, payload):
    response = send(signed_in, "post", "/api/checkins", payload)
    assert response.status_code == 400
    assert response.json()["fields"]


def test_a_missing_mood_is_named_mood_in_fields(signed_in):
    response = send(signed_in, "post", "/api/checkins", {"note": "forgot the mood"})
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"mood"}


def test_a_mood_of_true_is_refused_not_saved_as_1(signed_in):
    response = send(signed_in, "post", "/api/checkins", {"mood": True})
    assert response.status_code == 400
    assert nothing_saved()


def test_a_checkin_in_the_future_is_refused(signed_in):
    response = send(signed_in, "post", "/api/checkins", {"mood": 5, "at": "2099-01-01T00:00:00Z"})
    assert response.status_code == 400
    assert "at" in response.json()["fields"]
    assert nothing_saved()


@pytest.mark.filterwarnings("ignore:DateTimeField CheckIn.at received a naive datetime")
def test_an_api_time_without_offset_is_read_in_the_users_time_zone(signed_in):
    response = send(signed_in, "post", "/api/checkins", {"mood": 6, "at": "2026-07-01T21:30:00"})
    assert response.status_code == 201
    assert CheckIn.objects.get().at == datetime(2026, 7, 1, 20, 30, tzinfo=UTC)


# --- reading, replacing and deleting check-ins ------------------------------------------------

def test_list_shows_the_users_checkins_newest_first(signed_in, local_user):
    for mood, day in ((3, "2026-05-01"), (6, "2026-05-03"), ("cant-tell", "2026-05-02")):
        record_checkin(user=local_user, mood=mood, at=day)
    response = signed_in.get("/api/checkins")
    assert response.status_code == 200
    assert [c["mood"] for c in response.json()] == [6, None, 3]


def test_list_since_a_day_leaves_out_earlier_days(signed_in, local_user):
    for mood, day in ((3, "2026-05-01"), (6, "2026-05-03"), (5, "2026-05-02")):
        record_checkin(user=local_user, mood=mood, at=day)
    response = signed_in.get("/api/checkins?since=2026-05-02")
    assert response.status_code == 200
    assert [c["mood"] for c in response.json()] == [6, 5]
    assert signed_in.get("/api/checkins?since=soon").status_code == 400


def test_get_one_checkin_shows_all_its_parts(signed_in, local_user):
    checkin = record_checkin(user=local_user, mood=3, emotions=[("sad", 4)],
                             body=["chest:heavy"], note="rain")
    response = signed_in.get(f"/api/checkins/{checkin.pk}")
    assert response.status_code == 200
    shown = response.json()
    assert (shown["id"], shown["mood"], shown["note"]) == (checkin.pk, 3, "rain")
    assert shown["emotions"] == [{"emotion": "sad", "intensity": 4}]
    assert shown["body"] == [{"region": "chest", "sensation": "heavy"}]


def test_put_replaces_every_part_and_keeps_the_time(signed_in, local_user):
    checkin = record_checkin(user=local_user, mood=3, emotions=[("sad", 4)],
                             body=["chest:heavy"], note="rain", at="2026-05-01T09:15")
    response = send(signed_in, "put", f"/api/checkins/{checkin.pk}", {
        "mood": "cant-tell", "emotions": [{"word": "calm"}], "note": "better"})
    assert response.status_code == 200
    assert response.json()["cant_tell"] is True
    saved = CheckIn.objects.get()
    assert (saved.mood, saved.note, saved.at) == (None, "better", checkin.at)
    assert list(CheckInEmotion.objects.values_list("emotion", flat=True)) == ["calm"]
    assert not BodySensation.objects.exists()


def test_a_bad_put_gives_400_and_changes_nothing(signed_in, local_user):
    checkin = record_checkin(user=local_user, mood=3, emotions=[("sad", 4)])
    response = send(signed_in, "put", f"/api/checkins/{checkin.pk}",
                    {"mood": 11, "emotions": [{"word": "calm"}]})
    assert response.status_code == 400
    assert "mood" in response.json()["fields"]
    assert CheckIn.objects.get().mood == 3
    assert list(CheckInEmotion.objects.values_list("emotion", flat=True)) == ["sad"]


def test_delete_gives_204_then_the_checkin_is_gone(signed_in, local_user):
    checkin = record_checkin(user=local_user, mood=3, emotions=[("sad", 4)])
    response = signed_in.delete(f"/api/checkins/{checkin.pk}")
    assert response.status_code == 204
    assert nothing_saved()
    gone = signed_in.get(f"/api/checkins/{checkin.pk}")
    assert gone.status_code == 404 and gone.json()["message"]
    assert signed_in.delete(f"/api/checkins/{checkin.pk}").status_code == 404


def test_an_unknown_checkin_is_404_in_json(signed_in):
    response = signed_in.get("/api/checkins/999999")
    assert response.status_code == 404
    assert response.json()["message"] == "I couldn\u2019t find that check-in."


# --- today --------------------------------------------------------------------------------

@pytest.mark.practice("A1")
@pytest.mark.practice("A6")
def test_today_returns_todays_checkins_flickers_entries_and_episode(signed_in, local_user):
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=LONDON), tick=False):
        record_checkin(user=local_user, mood=2, flicker="yesterday's pang", at="2026-03-09")
        write_entry(user=local_user, body="yesterday's page", written_at="2026-03-09")
        record_checkin(user=local_user, mood="cant-tell", flicker="warm tea")
        write_entry(user=local_user, body="today's page", title="Tuesday")
        acknowledge_shutdown(user=local_user, since="2026-02-01")
        response = signed_in.get("/api/today")

    assert response.status_code == 200
    shown = response.json()
    assert shown["day"] == "2026-03-10"
    assert [(c["mood"], c["flicker"]) for c in shown["checkins"]] == [(None, "warm tea")]
    assert shown["flickers"] == ["warm tea"]
    assert [e["body"] for e in shown["entries"]] == ["today's page"]
    assert shown["shut_down_since"] == "2026-02-01"


# --- CSRF ---------------------------------------------------------------------------------

@pytest.fixture
def strict_client(local_user):
    """A browser-like client that enforces CSRF, signed in with a session."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(local_user)
    return client


def test_a_session_post_without_a_csrf_token_is_refused(strict_client):
    response = send(strict_client, "post", "/api/checkins", {"mood": 5})
    assert response.status_code == 403
    assert "CSRF" in response.json()["message"]
    assert nothing_saved()


def test_a_session_delete_without_a_csrf_token_is_refused(strict_client, local_user):
    checkin = record_checkin(user=local_user, mood=3)
    response = strict_client.delete(f"/api/checkins/{checkin.pk}")
    assert response.status_code == 403
    assert CheckIn.objects.filter(pk=checkin.pk).exists()


def test_a_session_post_with_the_csrf_token_works(strict_client):
    # Any page with a form hands out the CSRF cookie, as the browser would receive it.
    assert strict_client.get("/checkins/new/").status_code == 200
    token = strict_client.cookies["csrftoken"].value
    response = send(strict_client, "post", "/api/checkins", {"mood": 5},
                    HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 201
    assert CheckIn.objects.get().mood == 5


def test_reading_needs_no_csrf_token(strict_client, local_user):
    record_checkin(user=local_user, mood=3)
    assert strict_client.get("/api/checkins").status_code == 200


def test_a_signed_out_post_without_a_csrf_token_is_refused(local_user):
    response = send(Client(enforce_csrf_checks=True), "post", "/api/checkins", {"mood": 5})
    assert response.status_code in (401, 403)
    assert response.json()["message"]
    assert nothing_saved()
