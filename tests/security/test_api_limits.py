"""Issue 13, findings 8, 19 and 20: bounded reads, days inside the calendar, JSON errors.

8: every API list that can grow answers one page (`limit`, `offset`) with the next page's address in
   a `Link` header, so no request reads a whole history; insights look back ten years at most.
19: a day at the edge of the calendar (0001-01-01, 9999-12-31) is a kind 400 on the API and never a
   500 anywhere; a day before 1900 is refused as the check-in times already were.
20: the API answers in JSON even when the body is too large (413) or the server fails (500), and a
   500 never carries the exception's text.

The clock stands still on Tuesday 10 March 2026, 15:00 in London (the local profile's zone).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client

from tests.api.test_api import send
from thawing.accounts import services as accounts
from thawing.care import medications
from thawing.care import services as care
from thawing.care.models import Medication
from thawing.checkins import services as checkins
from thawing.habits import services as habits
from thawing.journal import services as journal
from thawing.journal import thoughts
from thawing.practices import services as practices
from thawing.practices.models import Activity, Connection

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
TODAY = date(2026, 3, 10)
EDGES = ("0001-01-01", "9999-12-31", "1899-12-31")


@pytest.fixture(autouse=True)
def still_clock():
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=LONDON), tick=False):
        yield


def next_page(response) -> str | None:
    """The address in `Link: <...>; rel="next"`, or None on the last page."""
    found = re.search(r'<([^>]+)>;\s*rel="next"', response.get("Link", ""))
    return found.group(1) if found else None


def every_page(client: Client, path: str) -> list[list[dict]]:
    pages, address = [], path
    while address is not None:
        response = client.get(address)
        assert response.status_code == 200, response.content
        pages.append(response.json())
        address = next_page(response)
        assert len(pages) < 20, "the pages never end"
    return pages


def bad(response, field: str) -> dict:
    """A kind 400 in the API's own shape, naming `field`."""
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    problem = response.json()
    assert problem["message"] and problem["fields"].get(field), problem
    return problem


# --- 8: pages ------------------------------------------------------------------------------------

def _days_back(n: int) -> list[str]:
    return [(TODAY - timedelta(days=i)).isoformat() for i in range(n)]


def make_checkins(user, n):
    for day in _days_back(n):
        checkins.record_checkin(user=user, mood=5, at=day)


def make_entries(user, n):
    for i in range(n):
        journal.write_entry(user=user, body=f"entry {i}")


def make_sessions(user, n):
    for _ in range(n):
        practices.record_session(user=user, exercise_id="five-senses", seconds=60)


def make_activities(user, n):
    for i in range(n):
        practices.record_activity(user=user, kind="fun", title=f"walk {i}")


def make_connections(user, n):
    for i in range(n):
        practices.log_connection(user=user, who=f"friend {i}", how="call")


def make_habits(user, n):
    for day in _days_back(n):
        habits.record_habits(user=user, day=day, meals=2)


def make_numbing(user, n):
    for day in _days_back(n):
        habits.log_numbing(user=user, kind="scrolling", day=day)


def make_thoughts(user, n):
    for i in range(n):
        thoughts.record_thought(user=user, thought=f"thought {i}")


def make_medications(user, n):
    for i in range(n):
        medications.add_medication(user=user, name=f"medicine {i}")


def make_results(user, n):
    for _ in range(n):
        care.take_screening(user=user, instrument_id="phq2", answers=[1, 1])


def make_items(user, n):
    for i in range(n):
        practices.add_item(user=user, kind="fun", text=f"idea {i}")


LISTS = {
    "/api/checkins": make_checkins, "/api/checkins?since=2000-01-01": make_checkins,
    "/api/journal": make_entries, "/api/sessions": make_sessions,
    "/api/sessions?since=2000-01-01": make_sessions, "/api/activities": make_activities,
    "/api/activities?kind=fun&since=2000-01-01": make_activities,
    "/api/connections": make_connections, "/api/habits": make_habits,
    "/api/habits?since=2000-01-01": make_habits, "/api/numbing": make_numbing,
    "/api/numbing?since=2000-01-01": make_numbing, "/api/thoughts": make_thoughts,
    "/api/medications": make_medications, "/api/screenings/results": make_results,
    "/api/screenings/results?instrument=phq2": make_results, "/api/lists/fun": make_items,
}


@pytest.mark.parametrize("path", LISTS)
def test_every_growing_list_answers_one_page_and_the_address_of_the_next(signed_in, local_user, path):
    LISTS[path](local_user, 5)
    joiner = "&" if "?" in path else "?"
    pages = every_page(signed_in, f"{path}{joiner}limit=2")
    assert [len(page) for page in pages] == [2, 2, 1]
    ids = [row["id"] if "id" in row else row["day"] for page in pages for row in page]
    assert len(set(ids)) == 5
    # The pages together are the list as it always was, in the same order.
    assert [row for page in pages for row in page] == signed_in.get(path).json()


def test_a_list_without_limit_keeps_its_old_length_and_links_the_rest(signed_in, local_user):
    Connection.objects.bulk_create(Connection(user=local_user, on=TODAY, who="a friend", how="call")
                                   for _ in range(505))
    first = signed_in.get("/api/connections")
    assert len(first.json()) == 500
    rest = signed_in.get(next_page(first))
    assert len(rest.json()) == 5 and next_page(rest) is None


def test_a_page_larger_than_the_most_is_read_as_the_most(signed_in, local_user):
    Activity.objects.bulk_create(Activity(user=local_user, kind="fun", title="a walk", done_on=TODAY)
                                 for _ in range(505))
    response = signed_in.get("/api/activities?since=2000-01-01&limit=100000")
    assert len(response.json()) == 500
    assert "limit=500" in next_page(response) and "offset=500" in next_page(response)


@pytest.mark.parametrize("query, field", [
    ("limit=0", "limit"), ("limit=-3", "limit"), ("limit=ten", "limit"), ("offset=-1", "offset"),
    ("offset=99999999999999999999999", "offset"),
])
def test_odd_limits_and_offsets_are_kind_400s(signed_in, query, field):
    bad(signed_in.get(f"/api/checkins?{query}"), field)


def test_insights_look_back_ten_years_at_most(signed_in, local_user):
    response = signed_in.get("/api/insights?since=1990-01-01")
    assert response.status_code == 200
    span = response.json()["range"]
    assert span["end"] == TODAY.isoformat()
    assert date.fromisoformat(span["start"]) > date(2016, 1, 1)
    assert span["days"] <= 3660


def test_the_insights_page_looks_back_ten_years_at_most(signed_in):
    page = signed_in.get("/insights/?since=1990-01-01")
    assert page.status_code == 200
    assert page.context["insights"].range.days <= 3660


# --- 19: days inside the calendar ----------------------------------------------------------------

@pytest.fixture
def far_east(local_user):
    """The first zone to see each new day (UTC+14): its midnight of 1 January 0001 is in year 0."""
    accounts.update_profile(user=local_user, name="Sam", timezone="Pacific/Kiritimati", country="GB",
                            checkin_time=None)
    return local_user


QUERY_DAYS = [("/api/habits/week?day={}", "day"), ("/api/checkins?since={}", "since"),
              ("/api/sessions?since={}", "since"), ("/api/activities?since={}", "since"),
              ("/api/habits?since={}", "since"), ("/api/numbing?since={}", "since"),
              ("/api/insights?since={}", "since"), ("/api/report.pdf?start={}", "start"),
              ("/api/report.pdf?end={}", "end")]


@pytest.mark.parametrize("day", EDGES)
@pytest.mark.parametrize("address, field", QUERY_DAYS)
def test_a_day_at_the_edge_of_the_calendar_is_a_kind_400(signed_in, far_east, address, field, day):
    bad(signed_in.get(address.format(day)), field)


BODY_DAYS = [("post", "/api/activities", {"kind": "fun", "title": "a walk"}, "planned_on"),
             ("post", "/api/activities", {"kind": "fun", "title": "a walk"}, "done_on"),
             ("post", "/api/connections", {"who": "Ann", "how": "call"}, "on"),
             ("post", "/api/numbing", {"kind": "scrolling"}, "day"),
             ("post", "/api/medications", {"name": "sertraline"}, "started_on")]


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("method, path, payload, field", BODY_DAYS)
def test_a_record_cannot_be_given_a_day_at_the_edge_of_the_calendar(signed_in, far_east, method, path,
                                                                    payload, field, day):
    bad(send(signed_in, method, path, {**payload, field: day}), field)


def test_a_medicine_from_year_one_can_neither_be_saved_nor_break_the_pages(signed_in, far_east):
    bad(send(signed_in, "post", "/api/medications", {"name": "sertraline", "started_on": "0001-01-01"}),
        "started_on")
    page = signed_in.post("/care/medications/", {"name": "sertraline", "started_on": "0001-01-01"})
    assert page.status_code == 400 and not Medication.objects.exists()
    medicine = send(signed_in, "post", "/api/medications", {"name": "sertraline"}).json()
    bad(send(signed_in, "post", f"/api/medications/{medicine['id']}/changes", {"on": "0001-01-01"}), "on")
    bad(send(signed_in, "put", "/api/habits/0001-01-01", {"meals": 2}), "day")
    for address in ("/api/medications/observations", "/api/clinician-notes", "/care/medications/"):
        assert signed_in.get(address).status_code == 200


@pytest.mark.parametrize("day", EDGES)
@pytest.mark.parametrize("address, status", [
    ("/habits/?day={}", 200), ("/insights/?since={}", 200), ("/checkins/?since={}", 200),
    ("/care/report/?start={}&end=2026-03-01", 400), ("/care/report/?start=2026-03-01&end={}", 400),
])
def test_web_pages_given_a_day_at_the_edge_of_the_calendar_still_answer(signed_in, far_east, address,
                                                                       status, day):
    assert signed_in.get(address.format(day)).status_code == status


# --- 20: JSON errors -----------------------------------------------------------------------------

def assert_json_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json"), response.content[:300]
    problem = response.json()
    assert problem["message"] and problem["fields"] == {}
    return problem


def test_a_body_too_large_for_the_api_is_a_json_413(signed_in, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = send(signed_in, "post", "/api/journal", {"body": "word " * 5_000})
    assert_json_problem(response, 413)


def test_a_form_body_too_large_for_the_api_is_a_json_413(signed_in, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    response = signed_in.post("/api/checkins", {"note": "word " * 5_000})
    assert_json_problem(response, 413)


def test_too_many_form_fields_for_the_api_is_a_json_413(signed_in, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    fields = urlencode({f"field{i}": "1" for i in range(60)})
    response = signed_in.post("/api/checkins", fields, content_type="application/x-www-form-urlencoded")
    assert_json_problem(response, 413)


def test_too_many_parts_read_by_the_api_sign_in_check_is_a_json_413(local_user, settings):
    """A browser's multipart post is read by the CSRF check inside the API."""
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
    client = Client(enforce_csrf_checks=True)
    client.force_login(local_user)
    # Any page with a form hands out the CSRF cookie, as the browser would receive it.
    client.get("/checkins/new/")
    token = client.cookies["csrftoken"].value
    response = client.post("/api/checkins", {f"field{i}": "1" for i in range(60)}, HTTP_X_CSRFTOKEN=token)
    assert_json_problem(response, 413)


def _lose_table(name: str) -> None:
    """A real failure: the table is gone (the test's transaction puts it back)."""
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {name} RENAME TO {name}_gone")


def test_a_server_error_in_an_api_answer_is_json_without_the_exception_text(local_user):
    client = Client(raise_request_exception=False)
    client.force_login(local_user)
    _lose_table("practices_session")
    response = client.get("/api/sessions")
    problem = assert_json_problem(response, 500)
    text = json.dumps(problem).lower()
    assert "practices_session" not in text and "table" not in text and "relation" not in text


def test_a_server_error_before_the_api_answers_is_json_too(server_mode, make_account, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client = Client(raise_request_exception=False)
    client.force_login(make_account("robin"))
    _lose_table("accounts_profile")
    response = client.get("/api/today")
    problem = assert_json_problem(response, 500)
    assert "accounts_profile" not in json.dumps(problem)
