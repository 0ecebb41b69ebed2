"""Insights over the API (H2, A6): the same document as `thawing insights --json`, strict JSON
with status codes where data is thin, and one person never seeing another's figures.

The clock stands still on Tuesday 10 March 2026, 15:00 in London (the local profile's zone).
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.test import Client

from tests.insights.test_services import (
    TODAY,
    add_checkins,
    add_fun,
    last_days,
    planted,
    still_clock,  # noqa: F401 - the clock stands still for every test here too
    widening,
)
from thawing.insights import services, weekly
from thawing.insights.serialize import insights_dict, review_dict

pytestmark = pytest.mark.django_db
TOP_LEVEL = {"version", "status", "range", "summary", "days", "rolling", "variety", "flickers", "sleep",
             "movement", "metrics", "differentiation", "findings", "sessions"}


def strict(response) -> dict:
    """The answer's JSON, read by a strict reader that refuses NaN and Infinity."""
    assert response.status_code == 200, response.content

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in the JSON")

    return json.loads(response.content, parse_constant=refuse)


def as_json(data: dict) -> dict:
    return json.loads(json.dumps(data, allow_nan=False))


def test_the_openapi_schema_lists_the_insights_paths(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/insights", "/api/insights/week"} <= set(paths)


@pytest.mark.parametrize("path", ["/api/insights", "/api/insights/week"])
def test_signed_out_people_get_a_401(server_mode, make_account, client, path):
    make_account("robin")
    response = client.get(path)
    assert response.status_code == 401
    assert response.json()["message"]


@pytest.mark.practice("H2")
def test_a_new_person_gets_statuses_and_no_numbers(signed_in):
    data = strict(signed_in.get("/api/insights"))
    assert set(data) == TOP_LEVEL
    assert (data["version"], data["status"]) == (1, "not_enough_data")
    assert data["range"] == {"start": (TODAY - timedelta(days=364)).isoformat(), "end": TODAY.isoformat(),
                             "days": 365}
    assert data["summary"]["days_recorded"] == 0 and data["summary"]["feel_mean"] is None
    assert data["days"] == [] and data["findings"] == [] and data["sessions"] == []
    assert data["rolling"] == {"window_days": 7, "mood": [], "feel": []}
    for outcome in ("mood", "feel"):
        for name in ("sd", "mssd", "inertia"):
            assert data["metrics"][outcome][name] == {"status": "not_enough_data", "value": None, "n": 0,
                                                      "pairs": 0, "low_confidence": True}
    assert {d["status"] for d in data["differentiation"].values()} == {"too_few_emotions"}
    assert data["variety"]["trend"]["status"] == "not_enough_data"


@pytest.mark.practice("H2")
def test_the_api_answers_the_same_document_the_cli_prints(signed_in, local_user):
    planted(local_user)
    data = strict(signed_in.get("/api/insights"))
    assert data == as_json(insights_dict(services.insights(user=local_user)))
    assert data["status"] == "ok"
    assert data["summary"]["days_recorded"] == 120 and data["summary"]["checkins"] == 120
    assert len(data["rolling"]["feel"]) == 365
    fun = next(f for f in data["findings"]
               if (f["factor"], f["outcome"], f["lag_days"]) == ("doing:fun", "feel", 0))
    assert fun["significant"] is True and fun["status"] == "ok"
    assert fun["low"] < fun["difference"] < fun["high"]
    assert fun["n_with"] + fun["n_without"] == 120
    assert 0 <= fun["q_value"] <= 0.05


@pytest.mark.practice("H2")
def test_only_cant_tell_days_give_statuses_not_nan(signed_in, local_user):
    add_checkins(local_user, [{"day": d, "mood": None} for d in last_days(30)])
    data = strict(signed_in.get("/api/insights"))
    assert data["summary"]["cant_tell_days"] == 30
    assert {p["value"] for p in data["rolling"]["mood"]} == {None}
    statuses = {m["status"] for metrics in data["metrics"].values() for m in metrics.values()}
    assert statuses == {"not_enough_data"}


@pytest.mark.practice("H2")
def test_since_narrows_the_period_and_a_bad_value_is_a_kind_400(signed_in, local_user):
    add_checkins(local_user, [{"day": d, "feel": 4} for d in last_days(30)])
    since = TODAY - timedelta(days=9)
    data = strict(signed_in.get(f"/api/insights?since={since.isoformat()}"))
    assert data["range"]["start"] == since.isoformat() and data["summary"]["days_recorded"] == 10
    response = signed_in.get("/api/insights?since=last-tuesday")
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"since"}


@pytest.mark.practice("H2")
def test_the_range_of_feeling_widening_is_a_status_and_two_numbers(signed_in, local_user):
    widening(local_user)
    trend = strict(signed_in.get("/api/insights"))["variety"]["trend"]
    assert trend["status"] == "ok" and trend["direction"] == "widening"
    assert trend["earlier"] == 2.0 and trend["later"] > trend["earlier"]


@pytest.mark.practice("A6")
@pytest.mark.practice("H2")
def test_the_weekly_review_over_the_api(signed_in, local_user):
    add_checkins(local_user, [{"day": TODAY - timedelta(days=8), "feel": 2, "words": {"numb": 2}},
                              {"day": TODAY, "feel": 4, "words": {"curious": 2}, "flicker": "a pang"}])
    add_fun(local_user, [TODAY], title="baking bread")
    data = strict(signed_in.get("/api/insights/week"))
    assert data == as_json(review_dict(weekly.review(user=local_user)))
    assert data["this"]["flickers"] == ["a pang"] and data["this"]["activities"] == ["baking bread"]
    assert data["new_words"] == ["Curious"]
    assert (data["this"]["feel_mean"], data["before"]["feel_mean"]) == (4.0, 2.0)
    assert data["prompt"]["text"]


@pytest.mark.practice("H2")
def test_another_account_never_sees_anothers_figures(server_mode, make_account):
    robin = make_account("robin")
    planted(robin)
    add_checkins(robin, [{"day": TODAY, "words": {"grief": 4}, "flicker": "robin's flicker"}])
    add_fun(robin, [TODAY], title="robin's painting")
    kim = Client()
    kim.force_login(make_account("kim"))
    data = strict(kim.get("/api/insights"))
    assert data["status"] == "not_enough_data" and data["findings"] == [] and data["days"] == []
    week = kim.get("/api/insights/week")
    assert "robin" not in week.content.decode().lower()
    assert strict(week)["this"]["checkins"] == 0
    robins = Client()
    robins.force_login(robin)
    assert strict(robins.get("/api/insights"))["summary"]["checkins"] == 121
