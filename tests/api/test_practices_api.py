"""Practices over the API (issue 3 item 8): every endpoint from create to delete, kind 400s,
404s that never say whose a record is, and one person never seeing another's records.

The clock stands still on Tuesday 10 March 2026, 15:00 in London (the local profile's zone).
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from tests.api.test_api import send
from thawing import content
from thawing.core.checklist import ITEMS
from thawing.core.ideas import SECTIONS
from thawing.habits.models import DayHabits, Numbing
from thawing.journal.models import ThoughtRecord
from thawing.practices.models import Activity, Connection, ListItem, Session

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 3, 10)
CRISIS = "I want to die"


@pytest.fixture(autouse=True)
def still_clock():
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=LONDON), tick=False):
        yield


def created(client: Client, path: str, payload: dict) -> dict:
    response = send(client, "post", path, payload)
    assert response.status_code == 201, response.content
    return response.json()


def bad(response, *fields: str) -> dict:
    """A 400 in the API's shape, naming exactly these fields."""
    assert response.status_code == 400, response.content
    problem = response.json()
    assert problem["message"]
    assert set(problem["fields"]) == set(fields)
    assert all(problem["fields"].values())
    return problem


def missing(response) -> None:
    assert response.status_code == 404, response.content
    assert response.json()["message"]


# --- schema and sign-in ----------------------------------------------------------------------

NEW_PATHS = {
    "/api/exercises", "/api/exercises/{exercise_id}", "/api/sessions", "/api/sessions/{session_id}",
    "/api/pace", "/api/lists/{kind}", "/api/lists/items/{item_id}", "/api/lists/items/{item_id}/move",
    "/api/lists/items/{item_id}/cross", "/api/lists/items/{item_id}/done", "/api/activities",
    "/api/activities/{activity_id}", "/api/connections", "/api/connections/draft",
    "/api/connections/{connection_id}", "/api/habits", "/api/habits/week", "/api/habits/{day}",
    "/api/numbing", "/api/numbing/{numbing_id}", "/api/thoughts", "/api/thoughts/{record_id}",
    "/api/checklist", "/api/checklist/{item}", "/api/reminders", "/api/reminders.ics",
    "/api/ideas/{section}",
}


def test_the_openapi_schema_lists_every_practice_path(client):
    schema = client.get("/api/openapi.json").json()
    assert NEW_PATHS <= set(schema["paths"])
    calendar = schema["paths"]["/api/reminders.ics"]["get"]["responses"]["200"]
    assert "text/calendar" in calendar["content"]


SIGNED_OUT = [
    ("get", "/api/exercises", None), ("get", "/api/exercises/five-senses", None),
    ("get", "/api/sessions", None), ("post", "/api/sessions", {"exercise": "five-senses", "seconds": 60}),
    ("delete", "/api/sessions/1", None), ("get", "/api/pace", None), ("put", "/api/pace", {"pace": "full"}),
    ("get", "/api/lists/fun", None), ("post", "/api/lists/fun", {"text": "dance"}),
    ("put", "/api/lists/items/1", {"text": "x"}), ("post", "/api/lists/items/1/move", {"direction": "up"}),
    ("post", "/api/lists/items/1/cross", {"done": True}), ("post", "/api/lists/items/1/done", None),
    ("delete", "/api/lists/items/1", None), ("get", "/api/activities", None),
    ("post", "/api/activities", {"kind": "fun", "title": "x"}), ("put", "/api/activities/1", {}),
    ("delete", "/api/activities/1", None), ("get", "/api/connections", None),
    ("post", "/api/connections", {"who": "Jo", "how": "call"}), ("delete", "/api/connections/1", None),
    ("post", "/api/connections/draft", {"name": "Jo"}), ("get", "/api/habits/week", None),
    ("put", "/api/habits/2026-03-10", {"sleep_hours": 7}), ("get", "/api/habits", None),
    ("get", "/api/numbing", None), ("post", "/api/numbing", {"kind": "gaming"}),
    ("delete", "/api/numbing/1", None), ("get", "/api/thoughts", None),
    ("post", "/api/thoughts", {"thought": "x"}), ("get", "/api/thoughts/1", None),
    ("put", "/api/thoughts/1", {"thought": "x"}), ("delete", "/api/thoughts/1", None),
    ("get", "/api/checklist", None), ("put", "/api/checklist/consultation", {"done": True}),
    ("get", "/api/reminders", None), ("put", "/api/reminders", {"times": ["09:00"]}),
    ("get", "/api/reminders.ics", None), ("get", "/api/ideas/fun", None),
]


@pytest.mark.parametrize("method, path, payload", SIGNED_OUT)
def test_every_practice_endpoint_answers_401_in_json_when_signed_out(client, local_user, method, path,
                                                                     payload):
    response = send(client, method, path, payload)
    assert response.status_code == 401
    assert response.json()["message"] == "Please sign in first."


def test_a_practice_post_without_a_csrf_token_is_refused(local_user):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(local_user)
    response = send(strict, "post", "/api/sessions", {"exercise": "five-senses", "seconds": 60})
    assert response.status_code == 403
    assert not Session.objects.exists()


# --- exercises -------------------------------------------------------------------------------

@pytest.mark.practice("C1")
def test_exercises_are_listed_with_whether_my_pace_lets_them_through(signed_in):
    found = signed_in.get("/api/exercises").json()
    assert [e["id"] for e in found] == list(content.exercises())
    assert set(found[0]) == {"id", "name", "summary", "kind", "intensity", "minutes", "practices",
                             "ready_at_my_pace"}
    ready = {e["id"]: e["ready_at_my_pace"] for e in found}
    assert (ready["five-senses"], ready["movement-snack"], ready["safe-release"]) == (True, True, False)

    assert send(signed_in, "put", "/api/pace", {"pace": "gentle"}).status_code == 200
    ready = {e["id"]: e["ready_at_my_pace"] for e in signed_in.get("/api/exercises").json()}
    assert (ready["five-senses"], ready["movement-snack"], ready["safe-release"]) == (True, False, False)


@pytest.mark.practice("C1")
def test_a_grounding_exercise_shows_its_steps_untimed_and_without_pacer(signed_in):
    shown = signed_in.get("/api/exercises/five-senses").json()
    exercise = content.exercises()["five-senses"]
    assert shown["kind"] == "grounding" and "C1" in shown["practices"]
    assert shown["steps"] == [{"text": s.text, "seconds": s.seconds, "prompt": s.prompt}
                              for s in exercise.steps]
    assert (shown["pacer"], shown["timer"], shown["minutes_range"]) == (None, None, None)


@pytest.mark.practice("C3")
def test_the_breathing_pacer_follows_the_rate_asked_for(signed_in):
    default = signed_in.get("/api/exercises/longer-out-breath").json()["pacer"]
    assert default["rate"] == 6.0
    assert default["exhale_seconds"] > default["inhale_seconds"]

    shown = signed_in.get("/api/exercises/longer-out-breath?rate=4&minutes=5").json()
    assert shown["pacer"] == {"rate": 4.0, "inhale_share": 0.4, "breath_seconds": 15.0,
                              "inhale_seconds": 6.0, "exhale_seconds": 9.0}
    assert shown["total_seconds"] == 300 == sum(s["seconds"] or 0 for s in shown["steps"])
    assert shown["minutes_range"] == {"low": 1, "high": 60}


@pytest.mark.practice("C4")
def test_the_meditation_timer_grows_to_the_minutes_asked_for(signed_in):
    shown = signed_in.get("/api/exercises/meditation-timer?minutes=10").json()
    assert shown["timer"]["minutes"] == 10
    assert shown["total_seconds"] == 600


@pytest.mark.practice("C3")
@pytest.mark.parametrize("query, fields", [
    ("rate=20", {"rate"}),
    ("rate=fast", {"rate"}),
    ("minutes=0", {"minutes"}),
    ("minutes=2.5", {"minutes"}),
    ("minutes=61&rate=1", {"minutes", "rate"}),
])
def test_a_rate_or_length_out_of_range_gives_400_naming_it(signed_in, query, fields):
    bad(signed_in.get(f"/api/exercises/longer-out-breath?{query}"), *fields)


def test_an_untimed_exercise_cannot_be_given_minutes(signed_in):
    bad(signed_in.get("/api/exercises/five-senses?minutes=5"), "minutes")


def test_an_unknown_exercise_is_404(signed_in):
    missing(signed_in.get("/api/exercises/no-such-thing"))


# --- sessions and pace -----------------------------------------------------------------------

@pytest.mark.practice("C1")
def test_a_session_is_saved_listed_newest_first_and_deleted(signed_in, local_user):
    first = created(signed_in, "/api/sessions", {
        "exercise": "five-senses", "seconds": 240, "feel_before": 2, "feel_after": 4,
        "note": "the clock ticking", "at": "2026-03-09T20:00:00+00:00"})
    assert (first["name"], first["kind"], first["seconds"]) == ("Five senses", "grounding", 240)
    assert (first["feel_before"], first["feel_after"], first["support"]) == (2, 4, None)
    second = created(signed_in, "/api/sessions", {"exercise": "longer-out-breath", "seconds": 100,
                                                  "completed": False})
    assert (second["planned_seconds"], second["completed"]) == (180, False)
    saved = Session.objects.get(pk=first["id"])
    assert (saved.user, saved.note, saved.feel_after) == (local_user, "the clock ticking", 4)

    assert [s["id"] for s in signed_in.get("/api/sessions").json()] == [second["id"], first["id"]]
    assert [s["id"] for s in signed_in.get("/api/sessions?since=2026-03-10").json()] == [second["id"]]

    assert signed_in.delete(f"/api/sessions/{first['id']}").status_code == 204
    assert list(Session.objects.values_list("pk", flat=True)) == [second["id"]]
    missing(signed_in.delete(f"/api/sessions/{first['id']}"))


@pytest.mark.parametrize("change, fields", [
    ({"feel_before": 11}, {"feel_before"}),
    ({"feel_after": -1}, {"feel_after"}),
    ({"feel_before": 11, "feel_after": 12}, {"feel_before", "feel_after"}),
    ({"seconds": -5}, {"seconds"}),
    ({"seconds": 7 * 60 * 60}, {"seconds"}),
    ({"seconds": True}, {"seconds"}),
    ({"seconds": "60"}, {"seconds"}),
    ({"seconds": None}, {"seconds"}),
    ({"note": "x" * 5001}, {"note"}),
    ({"at": "2099-01-01T00:00:00Z"}, {"at"}),
    ({"at": "soonish"}, {"at"}),
])
def test_bad_session_input_gives_400_naming_the_field_and_saves_nothing(signed_in, change, fields):
    bad(send(signed_in, "post", "/api/sessions", {"exercise": "five-senses", "seconds": 60, **change}),
        *fields)
    assert not Session.objects.exists()


def test_a_session_of_an_unknown_exercise_is_404_and_saves_nothing(signed_in):
    missing(send(signed_in, "post", "/api/sessions", {"exercise": "juggling", "seconds": 60}))
    assert not Session.objects.exists()


def test_a_heavy_session_note_brings_crisis_lines_at_once(signed_in):
    shown = created(signed_in, "/api/sessions", {"exercise": "five-senses", "seconds": 60,
                                                 "note": CRISIS})
    assert shown["support"]["helplines"] and shown["support"]["help_url"] == "/help/"


def test_the_pace_is_read_and_changed(signed_in):
    assert signed_in.get("/api/pace").json() == {"pace": "steady", "choices": ["gentle", "steady", "full"]}
    assert send(signed_in, "put", "/api/pace", {"pace": "Full"}).json()["pace"] == "full"
    assert signed_in.get("/api/pace").json()["pace"] == "full"
    bad(send(signed_in, "put", "/api/pace", {"pace": "loud"}), "pace")
    assert signed_in.get("/api/pace").json()["pace"] == "full"


# --- the person's own lists ------------------------------------------------------------------

@pytest.mark.practice("D2")
def test_the_fun_list_is_added_to_edited_reordered_ticked_and_emptied(signed_in, local_user):
    dance = created(signed_in, "/api/lists/fun", {"text": "Dance to one song"})
    paint = created(signed_in, "/api/lists/fun", {"text": "Paint badly", "detail": "ten minutes"})
    assert (dance["position"], paint["position"], paint["detail"]) == (1, 2, "ten minutes")
    assert [i["text"] for i in signed_in.get("/api/lists/fun").json()] == [
        "Dance to one song", "Paint badly"]

    edited = send(signed_in, "put", f"/api/lists/items/{dance['id']}", {"text": "Dance to two songs"})
    assert edited.status_code == 200 and edited.json()["text"] == "Dance to two songs"
    moved = send(signed_in, "post", f"/api/lists/items/{paint['id']}/move", {"direction": "up"})
    assert [i["id"] for i in moved.json()] == [paint["id"], dance["id"]]

    done = created(signed_in, f"/api/lists/items/{paint['id']}/done", {})
    assert (done["kind"], done["title"], done["item_id"], done["done_on"]) == (
        "fun", "Paint badly", paint["id"], "2026-03-10")
    assert [i["done_today"] for i in signed_in.get("/api/lists/fun").json()] == [True, False]

    assert signed_in.delete(f"/api/lists/items/{paint['id']}").status_code == 204
    assert list(ListItem.objects.values_list("text", flat=True)) == ["Dance to two songs"]
    assert Activity.objects.get().item is None


@pytest.mark.practice("D3")
def test_a_ladder_step_is_crossed_off_for_good_and_back(signed_in):
    step = created(signed_in, "/api/lists/ladder", {"text": "Sing at the open mic"})
    crossed = send(signed_in, "post", f"/api/lists/items/{step['id']}/cross", {"done": True}).json()
    assert crossed["done_on"] == "2026-03-10"
    undone = send(signed_in, "post", f"/api/lists/items/{step['id']}/cross", {"done": False}).json()
    assert undone["done_on"] is None


@pytest.mark.parametrize("method, path, payload, fields", [
    ("post", "/api/lists/fun", {"text": ""}, {"text"}),
    ("post", "/api/lists/fun", {"text": "   "}, {"text"}),
    ("post", "/api/lists/fun", {}, {"text"}),
    ("post", "/api/lists/fun", {"text": "x" * 301}, {"text"}),
    ("post", "/api/lists/stressor", {"text": "work", "detail": "x" * 301}, {"detail"}),
    ("post", "/api/lists/chores", {"text": "dishes"}, {"kind"}),
    ("get", "/api/lists/chores", None, {"kind"}),
])
def test_bad_list_input_gives_400_naming_the_field(signed_in, method, path, payload, fields):
    bad(send(signed_in, method, path, payload), *fields)
    assert not ListItem.objects.exists()


def test_a_bad_edit_or_move_gives_400_and_changes_nothing(signed_in):
    item = created(signed_in, "/api/lists/enjoy", {"text": "Swimming"})
    bad(send(signed_in, "put", f"/api/lists/items/{item['id']}", {"text": ""}), "text")
    bad(send(signed_in, "post", f"/api/lists/items/{item['id']}/move", {"direction": "sideways"}),
        "direction")
    assert ListItem.objects.get().text == "Swimming"


@pytest.mark.parametrize("method, suffix, payload", [
    ("put", "", {"text": "x"}), ("post", "/move", {"direction": "up"}),
    ("post", "/cross", {"done": True}), ("post", "/done", None), ("delete", "", None),
])
def test_an_unknown_list_item_is_404(signed_in, method, suffix, payload):
    missing(send(signed_in, method, f"/api/lists/items/999999{suffix}", payload))


# --- activities ------------------------------------------------------------------------------

@pytest.mark.practice("D1")
def test_an_activity_is_planned_with_a_prediction_then_rated_and_removed(signed_in):
    item = created(signed_in, "/api/lists/enjoy", {"text": "Baking bread"})
    plan = created(signed_in, "/api/activities", {"kind": "enjoy", "item_id": item["id"],
                                                  "planned_on": "2026-03-12", "predicted": 3})
    assert (plan["title"], plan["planned_on"], plan["done_on"], plan["predicted"]) == (
        "Baking bread", "2026-03-12", None, 3)
    assert [a["id"] for a in signed_in.get("/api/activities?planned=true").json()] == [plan["id"]]
    assert signed_in.get("/api/activities?planned=false").json() == []

    rated = send(signed_in, "put", f"/api/activities/{plan['id']}", {"actual": 6, "note": "warm kitchen"})
    assert rated.status_code == 200
    assert (rated.json()["actual"], rated.json()["done_on"], rated.json()["note"]) == (
        6, "2026-03-10", "warm kitchen")
    assert signed_in.get(f"/api/activities/{plan['id']}").json()["actual"] == 6
    assert (Activity.objects.get().predicted, Activity.objects.get().actual) == (3, 6)
    assert [a["id"] for a in signed_in.get("/api/activities?planned=false&kind=enjoy").json()] == [
        plan["id"]]
    assert signed_in.get("/api/activities?kind=fun").json() == []

    assert signed_in.delete(f"/api/activities/{plan['id']}").status_code == 204
    missing(signed_in.get(f"/api/activities/{plan['id']}"))
    missing(signed_in.delete(f"/api/activities/{plan['id']}"))


@pytest.mark.practice("B3")
def test_a_creative_outlet_is_logged_done_today_without_a_plan(signed_in):
    shown = created(signed_in, "/api/activities", {"kind": "creative", "title": "Sketched the kettle",
                                                   "actual": 4})
    assert (shown["done_on"], shown["actual"], shown["support"]) == ("2026-03-10", 4, None)


@pytest.mark.parametrize("payload, fields", [
    ({"kind": "fun", "title": "x", "predicted": 11}, {"predicted"}),
    ({"kind": "fun", "title": "x", "actual": -1}, {"actual"}),
    ({"kind": "fun", "title": ""}, {"title"}),
    ({"kind": "hobbies", "title": "x"}, {"kind"}),
    ({"kind": "fun", "title": "x", "done_on": "2026-03-11"}, {"done_on"}),
    ({"kind": "fun", "title": "x", "planned_on": "next week"}, {"planned_on"}),
    ({"title": "x"}, {"kind"}),
])
def test_bad_activity_input_gives_400_naming_the_field(signed_in, payload, fields):
    bad(send(signed_in, "post", "/api/activities", payload), *fields)
    assert not Activity.objects.exists()


def test_a_bad_rating_gives_400_and_changes_nothing(signed_in):
    plan = created(signed_in, "/api/activities", {"kind": "fun", "title": "Kite", "planned_on": "2026-03-11"})
    bad(send(signed_in, "put", f"/api/activities/{plan['id']}", {"actual": 20}), "actual")
    assert Activity.objects.get().done_on is None
    bad(signed_in.get("/api/activities?planned=maybe"), "planned")


def test_an_activity_for_an_unknown_item_is_404(signed_in):
    missing(send(signed_in, "post", "/api/activities", {"kind": "fun", "item_id": 999999}))
    missing(send(signed_in, "put", "/api/activities/999999", {"actual": 5}))
    assert not Activity.objects.exists()


# --- connecting ------------------------------------------------------------------------------

@pytest.mark.practice("D6")
def test_a_connection_is_logged_listed_and_deleted(signed_in, local_user):
    older = created(signed_in, "/api/connections", {"who": "Gran", "how": "call", "on": "2026-03-08"})
    assert (older["felt"], older["reached_out"]) == ("cant_tell", False)
    newer = created(signed_in, "/api/connections", {"who": "Jo", "how": "in_person", "felt": "good",
                                                    "reached_out": True, "note": "walked by the canal"})
    assert (newer["on"], newer["felt"], newer["support"]) == ("2026-03-10", "good", None)
    assert Connection.objects.get(pk=newer["id"]).user == local_user
    assert [c["who"] for c in signed_in.get("/api/connections").json()] == ["Jo", "Gran"]

    assert signed_in.delete(f"/api/connections/{older['id']}").status_code == 204
    assert [c["who"] for c in signed_in.get("/api/connections").json()] == ["Jo"]
    missing(signed_in.delete(f"/api/connections/{older['id']}"))


@pytest.mark.parametrize("payload, fields", [
    ({"who": "", "how": "call"}, {"who"}),
    ({"who": "Jo", "how": "telepathy"}, {"how"}),
    ({"who": "Jo", "how": "call", "felt": "ecstatic"}, {"felt"}),
    ({"who": "Jo", "how": "call", "on": "2026-03-11"}, {"on"}),
    ({"who": "", "how": ""}, {"who", "how"}),
])
def test_bad_connection_input_gives_400_naming_the_field(signed_in, payload, fields):
    bad(send(signed_in, "post", "/api/connections", payload), *fields)
    assert not Connection.objects.exists()


def test_a_heavy_connection_note_brings_crisis_lines(signed_in):
    shown = created(signed_in, "/api/connections", {"who": "Jo", "how": "message", "note": CRISIS})
    assert shown["support"]["helplines"]


@pytest.mark.practice("D6")
def test_the_reach_out_draft_greets_the_person_by_name(signed_in):
    starters = content.ideas().section("reach_out_starters")
    second = starters[1]
    def draft(payload):
        return send(signed_in, "post", "/api/connections/draft", payload)

    assert draft({"name": "Jo", "starter": second.id}).json() == {"text": second.filled("Jo")}
    assert draft({}).json() == {"text": starters[0].filled()}
    assert draft({"starter": "nope"}).json() == {"text": starters[0].filled()}
    bad(draft({"name": "x" * 121}), "name")
    # The name is posted: an address never carries it.
    assert signed_in.get("/api/connections/draft?name=Jo").status_code == 405


# --- habits and numbing ----------------------------------------------------------------------

@pytest.mark.practice("F1")
@pytest.mark.practice("C5")
def test_a_week_of_short_sleep_and_movement_shows_in_the_habits_week(signed_in, local_user):
    for day in range(4, 11):
        response = send(signed_in, "put", f"/api/habits/2026-03-{day:02d}",
                        {"sleep_hours": 5.5, "movement_minutes": 30 if day >= 9 else 10})
        assert response.status_code == 200
    saved = send(signed_in, "put", "/api/habits/2026-03-10",
                 {"sleep_hours": 5.5, "sleep_quality": 2, "meals": 3, "movement_minutes": 45}).json()
    assert saved == {"day": "2026-03-10", "sleep_hours": 5.5, "sleep_quality": 2, "meals": 3,
                     "movement_minutes": 45}
    assert DayHabits.objects.filter(user=local_user).count() == 7

    week = signed_in.get("/api/habits/week").json()
    assert week["day"] == "2026-03-10" and week["today"] == saved
    assert week["movement"] == {"start": "2026-03-09", "minutes_by_day": [30, 45, 0, 0, 0, 0, 0],
                                "total": 75, "active_days": 2, "reached": False}
    assert [n["hours"] for n in week["nights"]] == [5.5] * 7
    assert [n["kind"] for n in week["sleep_notes"]] == ["short"]
    assert week["sleep_notes"][0]["recent_hours"] == 5.5

    earlier = signed_in.get("/api/habits/week?day=2026-03-05").json()
    assert earlier["movement"]["start"] == "2026-03-02" and earlier["today"]["movement_minutes"] == 10
    assert [r["day"] for r in signed_in.get("/api/habits?since=2026-03-09").json()] == [
        "2026-03-10", "2026-03-09"]
    assert len(signed_in.get("/api/habits").json()) == 7


@pytest.mark.practice("F1")
def test_a_habit_left_out_is_not_noted_rather_than_zero(signed_in):
    shown = send(signed_in, "put", "/api/habits/2026-03-10", {"meals": 2}).json()
    assert (shown["sleep_hours"], shown["movement_minutes"], shown["meals"]) == (None, None, 2)


@pytest.mark.parametrize("path, payload, fields", [
    ("/api/habits/2026-03-10", {"sleep_hours": 25}, {"sleep_hours"}),
    ("/api/habits/2026-03-10", {"sleep_hours": "7"}, {"sleep_hours"}),
    ("/api/habits/2026-03-10", {"sleep_quality": 0}, {"sleep_quality"}),
    ("/api/habits/2026-03-10", {"sleep_quality": 6, "meals": 9}, {"sleep_quality", "meals"}),
    ("/api/habits/2026-03-10", {"movement_minutes": 1441}, {"movement_minutes"}),
    ("/api/habits/yesterday", {"sleep_hours": 7}, {"day"}),
    ("/api/habits/2026-02-30", {"sleep_hours": 7}, {"day"}),
    ("/api/habits/2026-03-11", {"sleep_hours": 7}, {"day"}),
])
def test_bad_habits_give_400_naming_the_field_and_save_nothing(signed_in, path, payload, fields):
    bad(send(signed_in, "put", path, payload), *fields)
    assert not DayHabits.objects.exists()


def test_a_week_of_an_unreadable_day_is_400(signed_in):
    bad(signed_in.get("/api/habits/week?day=soon"), "day")
    bad(signed_in.get("/api/habits?since=soon"), "since")


@pytest.mark.practice("F5")
def test_numbing_is_noted_listed_and_deleted_without_judgement(signed_in, local_user):
    older = created(signed_in, "/api/numbing", {"kind": "scrolling", "day": "2026-03-01", "amount": "a_lot"})
    newer = created(signed_in, "/api/numbing", {"kind": "gaming", "to_cope": True, "note": "long day"})
    assert (newer["day"], newer["to_cope"], newer["amount"], newer["support"]) == (
        "2026-03-10", True, "", None)
    assert Numbing.objects.get(pk=older["id"]).user == local_user
    assert [n["kind"] for n in signed_in.get("/api/numbing").json()] == ["gaming", "scrolling"]
    assert [n["kind"] for n in signed_in.get("/api/numbing?since=2026-03-05").json()] == ["gaming"]
    assert [n["kind"] for n in signed_in.get("/api/habits/week").json()["numbing"]] == ["gaming"]

    assert signed_in.delete(f"/api/numbing/{older['id']}").status_code == 204
    missing(signed_in.delete(f"/api/numbing/{older['id']}"))
    assert list(Numbing.objects.values_list("kind", flat=True)) == ["gaming"]


@pytest.mark.parametrize("payload, fields", [
    ({"kind": "knitting"}, {"kind"}),
    ({}, {"kind"}),
    ({"kind": "gaming", "amount": "heaps"}, {"amount"}),
    ({"kind": "gaming", "day": "2026-03-11"}, {"day"}),
    ({"kind": "gaming", "note": "x" * 5001}, {"note"}),
])
def test_bad_numbing_input_gives_400_naming_the_field(signed_in, payload, fields):
    bad(send(signed_in, "post", "/api/numbing", payload), *fields)
    assert not Numbing.objects.exists()


def test_a_heavy_numbing_note_brings_crisis_lines(signed_in):
    assert created(signed_in, "/api/numbing", {"kind": "alcohol", "note": CRISIS})["support"]


# --- thought records -------------------------------------------------------------------------

@pytest.mark.practice("E1")
def test_a_thought_record_is_written_read_rerated_and_deleted(signed_in, local_user):
    record = created(signed_in, "/api/thoughts", {
        "situation": "No reply to my message", "thought": "Nobody cares", "belief_before": 80,
        "evidence": "Jo replied yesterday", "alternative": "People are busy", "belief_after": 40,
        "at": "2026-03-09T19:00:00+00:00"})
    assert (record["thought"], record["belief_before"], record["belief_after"], record["support"]) == (
        "Nobody cares", 80, 40, None)
    assert ThoughtRecord.objects.get().user == local_user
    shown = signed_in.get(f"/api/thoughts/{record['id']}").json()
    assert (shown["situation"], shown["other_views"], shown["at"]) == (
        "No reply to my message", "", "2026-03-09T19:00:00Z")

    changed = send(signed_in, "put", f"/api/thoughts/{record['id']}",
                   {"thought": "Nobody cares", "other_views": "They may be tired", "belief_after": 30})
    assert changed.status_code == 200
    assert (changed.json()["belief_after"], changed.json()["at"], changed.json()["evidence"]) == (
        30, "2026-03-09T19:00:00Z", "")
    newer = created(signed_in, "/api/thoughts", {"thought": "I always mess up"})
    assert [t["id"] for t in signed_in.get("/api/thoughts").json()] == [newer["id"], record["id"]]

    assert signed_in.delete(f"/api/thoughts/{record['id']}").status_code == 204
    missing(signed_in.get(f"/api/thoughts/{record['id']}"))
    missing(send(signed_in, "put", f"/api/thoughts/{record['id']}", {"thought": "x"}))
    missing(signed_in.delete(f"/api/thoughts/{record['id']}"))


@pytest.mark.parametrize("payload, fields", [
    ({"thought": ""}, {"thought"}),
    ({}, {"thought"}),
    ({"thought": "x", "belief_before": 101}, {"belief_before"}),
    ({"thought": "x", "belief_after": -1, "evidence": "x" * 5001}, {"belief_after", "evidence"}),
    ({"thought": "x", "at": "2099-01-01T00:00:00Z"}, {"at"}),
])
def test_bad_thought_records_give_400_naming_the_field(signed_in, payload, fields):
    bad(send(signed_in, "post", "/api/thoughts", payload), *fields)
    assert not ThoughtRecord.objects.exists()


def test_heavy_words_in_any_part_of_a_thought_record_bring_crisis_lines(signed_in):
    record = created(signed_in, "/api/thoughts", {"thought": "It's hard", "alternative": CRISIS})
    assert record["support"]["helplines"]
    changed = send(signed_in, "put", f"/api/thoughts/{record['id']}", {"situation": CRISIS, "thought": "x"})
    assert changed.json()["support"]["helplines"]


# --- the reconnection checklist --------------------------------------------------------------

@pytest.mark.practice("H1")
@pytest.mark.practice("A5")
def test_the_checklist_ticks_itself_from_a_body_scan_and_by_hand(signed_in):
    items = signed_in.get("/api/checklist").json()
    assert [i["id"] for i in items] == list(ITEMS)
    assert all(not i["done"] and i["how"] == "" for i in items)

    created(signed_in, "/api/sessions", {"exercise": "body-scan", "seconds": 600})
    ticked = send(signed_in, "put", "/api/checklist/consultation", {"done": True}).json()
    state = {i["id"]: (i["period"], i["done"], i["how"]) for i in ticked}
    assert state["body_checkin"] == ("day", True, "records")
    assert state["consultation"] == ("ever", True, "ticked")

    unticked = send(signed_in, "put", "/api/checklist/consultation", {"done": False}).json()
    assert {i["id"]: i["done"] for i in unticked}["consultation"] is False


def test_an_unknown_checklist_step_is_404_and_a_bad_tick_is_400(signed_in):
    missing(send(signed_in, "put", "/api/checklist/fly", {"done": True}))
    bad(send(signed_in, "put", "/api/checklist/flicker", {"done": "perhaps"}), "done")


# --- reminders -------------------------------------------------------------------------------

@pytest.mark.practice("A2")
def test_reminder_times_are_saved_and_become_a_calendar_file(signed_in):
    empty = signed_in.get("/api/reminders").json()
    assert (empty["times"], empty["random_prompts"]) == ([], 0)
    before = signed_in.get("/api/reminders.ics")
    assert before.status_code == 404 and before.json()["message"]

    rhythm = {"times": ["09:00", "20:30"], "quiet_start": "22:00", "quiet_end": "07:00",
              "random_prompts": 2, "window_start": "10:00", "window_end": "18:00", "body_scan": "13:00"}
    saved = send(signed_in, "put", "/api/reminders", rhythm)
    assert saved.status_code == 200 and saved.json() == rhythm
    assert signed_in.get("/api/reminders").json() == rhythm

    calendar = signed_in.get("/api/reminders.ics")
    assert calendar.status_code == 200
    assert calendar["Content-Type"].startswith("text/calendar")
    text = calendar.content.decode()
    assert text.startswith("BEGIN:VCALENDAR") and "BEGIN:VALARM" in text


@pytest.mark.parametrize("payload, fields", [
    ({"times": []}, {"times"}),
    ({"times": ["25:00"]}, {"times"}),
    ({"times": ["09:00"], "random_prompts": 9}, {"random_prompts"}),
    ({"times": ["09:00"], "quiet_start": "22:00"}, {"quiet_end"}),
    ({"times": "09:00"}, {"times"}),
])
def test_a_bad_rhythm_gives_400_naming_the_field_and_keeps_the_old_one(signed_in, payload, fields):
    send(signed_in, "put", "/api/reminders", {"times": ["08:00"]})
    bad(send(signed_in, "put", "/api/reminders", payload), *fields)
    assert signed_in.get("/api/reminders").json()["times"] == ["08:00"]


# --- ideas -----------------------------------------------------------------------------------

@pytest.mark.parametrize("section", SECTIONS)
def test_every_list_of_ideas_is_served(signed_in, section):
    shown = signed_in.get(f"/api/ideas/{section}").json()
    book = content.ideas().sections[section]
    assert [i["id"] for i in shown] == [i.id for i in book.items]
    assert all(set(i) == {"id", "text", "intensity", "note"} for i in shown)


def test_an_unknown_list_of_ideas_is_404(signed_in):
    missing(signed_in.get("/api/ideas/source"))
    missing(signed_in.get("/api/ideas/nonsense"))


# --- one person never sees another's records (server mode) ----------------------------------

@pytest.fixture
def robins(server_mode, make_account):
    """One of each of Robin's practice records, made through the API as Robin."""
    robin = Client()
    robin.force_login(make_account("robin"))
    item = created(robin, "/api/lists/fun", {"text": "robin's secret song"})
    return robin, {
        "session": created(robin, "/api/sessions", {"exercise": "body-scan", "seconds": 600,
                                                    "note": "robin's note"})["id"],
        "item": item["id"],
        "activity": created(robin, "/api/activities", {"kind": "fun", "item_id": item["id"],
                                                       "planned_on": "2026-03-12"})["id"],
        "connection": created(robin, "/api/connections", {"who": "Robin's sister", "how": "call"})["id"],
        "numbing": created(robin, "/api/numbing", {"kind": "gaming", "note": "robin's night"})["id"],
        "thought": created(robin, "/api/thoughts", {"thought": "robin's thought"})["id"],
        "habits": send(robin, "put", "/api/habits/2026-03-10", {"sleep_hours": 4}).json()["day"],
    }


@pytest.fixture
def kim(robins, make_account):
    client = Client()
    client.force_login(make_account("kim"))
    return client


def everything(client: Client) -> list:
    return [client.get(p).json() for p in (
        "/api/sessions", "/api/lists/fun", "/api/activities", "/api/connections", "/api/numbing",
        "/api/thoughts", "/api/habits")]


def test_another_person_sees_none_of_robins_records(kim, robins):
    assert everything(kim) == [[], [], [], [], [], [], []]
    week = kim.get("/api/habits/week").json()
    assert (week["today"], week["numbing"], week["nights"][-1]["hours"]) == (None, [], None)
    assert not any(i["done"] for i in kim.get("/api/checklist").json())


def test_another_person_gets_404_for_every_one_of_robins_ids(kim, robins):
    robin, ids = robins
    before = everything(robin)
    attempts = [
        ("delete", f"/api/sessions/{ids['session']}", None),
        ("put", f"/api/lists/items/{ids['item']}", {"text": "kim was here"}),
        ("post", f"/api/lists/items/{ids['item']}/move", {"direction": "down"}),
        ("post", f"/api/lists/items/{ids['item']}/cross", {"done": True}),
        ("post", f"/api/lists/items/{ids['item']}/done", None),
        ("delete", f"/api/lists/items/{ids['item']}", None),
        ("post", "/api/activities", {"kind": "fun", "item_id": ids["item"]}),
        ("get", f"/api/activities/{ids['activity']}", None),
        ("put", f"/api/activities/{ids['activity']}", {"actual": 9, "note": "kim"}),
        ("delete", f"/api/activities/{ids['activity']}", None),
        ("delete", f"/api/connections/{ids['connection']}", None),
        ("delete", f"/api/numbing/{ids['numbing']}", None),
        ("get", f"/api/thoughts/{ids['thought']}", None),
        ("put", f"/api/thoughts/{ids['thought']}", {"thought": "kim was here"}),
        ("delete", f"/api/thoughts/{ids['thought']}", None),
    ]
    for method, path, payload in attempts:
        response = send(kim, method, path, payload)
        missing(response)
        assert "robin" not in response.content.decode().lower(), path
    assert everything(robin) == before


def test_what_another_person_saves_stays_theirs(kim, robins):
    robin, _ = robins
    before = everything(robin)
    created(kim, "/api/lists/fun", {"text": "kim's song"})
    created(kim, "/api/thoughts", {"thought": "kim's thought"})
    assert send(kim, "put", "/api/habits/2026-03-10", {"sleep_hours": 8}).status_code == 200
    send(kim, "put", "/api/checklist/consultation", {"done": True})

    assert [i["text"] for i in kim.get("/api/lists/fun").json()] == ["kim's song"]
    assert [r["sleep_hours"] for r in kim.get("/api/habits").json()] == [8.0]
    assert everything(robin) == before
    robins_steps = {i["id"]: i["done"] for i in robin.get("/api/checklist").json()}
    assert (robins_steps["consultation"], robins_steps["body_checkin"]) == (False, True)
