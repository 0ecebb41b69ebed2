"""Server mode: one person can never list, read, change or delete another's records."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.api.test_api import send
from thawing.api.serialize import checkin_dict, entry_dict
from thawing.checkins.models import CheckIn
from thawing.checkins.services import get_checkin, record_checkin
from thawing.journal.models import Entry
from thawing.journal.services import get_entry, write_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def robins_records(server_mode, make_account):
    """Robin's check-in and journal entry, with words nobody else should ever see."""
    robin = make_account("robin")
    checkin = record_checkin(user=robin, mood=2, emotions=[("grief", 4)], body=["chest:heavy"],
                             flicker="robin's flicker", note="robin's private note")
    entry = write_entry(user=robin, body="Robin went walking and cried.", title="Robin's day",
                        tags=["grief"])
    return robin, checkin, entry


@pytest.fixture
def kim(make_account, robins_records):
    client = Client()
    client.force_login(make_account("kim"))
    return client


def robins_state(robin, checkin, entry):
    """Everything of Robin's, as the API would show it to Robin."""
    return (checkin_dict(get_checkin(user=robin, checkin_id=checkin.pk)),
            entry_dict(get_entry(user=robin, entry_id=entry.pk)))


def test_another_person_sees_empty_lists(kim):
    assert kim.get("/api/checkins").json() == []
    assert kim.get("/api/journal").json() == []
    assert kim.get("/api/journal/tags").json() == []
    assert send(kim, "post", "/api/journal/search", {"q": "walk"}).json() == []
    today = kim.get("/api/today").json()
    assert (today["checkins"], today["flickers"], today["entries"]) == ([], [], [])


def test_another_person_cannot_read_a_checkin_or_entry(kim, robins_records):
    _, checkin, entry = robins_records
    for path in (f"/api/checkins/{checkin.pk}", f"/api/journal/{entry.pk}"):
        response = kim.get(path)
        assert response.status_code == 404
        assert "robin" not in response.content.decode().lower()


def test_another_person_cannot_update_a_checkin_or_entry(kim, robins_records):
    robin, checkin, entry = robins_records
    before = robins_state(*robins_records)
    assert send(kim, "put", f"/api/checkins/{checkin.pk}",
                {"mood": 9, "note": "kim was here"}).status_code == 404
    assert send(kim, "put", f"/api/journal/{entry.pk}",
                {"body": "kim was here", "tags": ["kim"]}).status_code == 404
    assert robins_state(*robins_records) == before


def test_another_person_cannot_delete_a_checkin_or_entry(kim, robins_records):
    robin, checkin, entry = robins_records
    before = robins_state(*robins_records)
    assert kim.delete(f"/api/checkins/{checkin.pk}").status_code == 404
    assert kim.delete(f"/api/journal/{entry.pk}").status_code == 404
    assert robins_state(*robins_records) == before
    assert CheckIn.objects.filter(user=robin).count() == 1
    assert Entry.objects.filter(user=robin).count() == 1


def test_what_another_person_writes_stays_theirs(kim, robins_records):
    robin, checkin, entry = robins_records
    before = robins_state(*robins_records)
    assert send(kim, "post", "/api/checkins", {"mood": 7}).status_code == 201
    assert send(kim, "post", "/api/journal",
                {"body": "Kim went walking too.", "tags": ["grief"]}).status_code == 201

    assert [c["mood"] for c in kim.get("/api/checkins").json()] == [7]
    assert [h["entry"]["body"] for h in send(kim, "post", "/api/journal/search", {"q": "walk"}).json()] == [
        "Kim went walking too."]
    assert robins_state(*robins_records) == before


def test_the_owner_still_sees_everything(robins_records):
    robin, checkin, entry = robins_records
    client = Client()
    client.force_login(robin)
    assert [c["id"] for c in client.get("/api/checkins").json()] == [checkin.pk]
    assert [h["entry"]["id"] for h in send(client, "post", "/api/journal/search", {"q": "walk"}).json()] == [
        entry.pk]
