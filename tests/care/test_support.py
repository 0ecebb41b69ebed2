"""Words that suggest a crisis bring crisis lines at once, without blocking anything (G5)."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import run
from thawing.checkins.models import CheckIn
from thawing.journal.models import Entry

pytestmark = pytest.mark.django_db
HEAVY = "Some days I think everyone would be better off without me."
ORDINARY = "Walked to the shop. The air was cold and I felt a little more awake."


@pytest.mark.practice("G5")
def test_a_journal_entry_with_crisis_words_is_saved_and_shows_crisis_lines_once(signed_in):
    response = signed_in.post("/journal/new/", {"body": HEAVY}, follow=True)
    page = response.content.decode()
    assert Entry.objects.get().body == HEAVY
    assert "You don’t have to carry this alone" in page and "116 123" in page
    again = signed_in.get("/journal/").content.decode()
    assert "You don’t have to carry this alone" not in again


@pytest.mark.practice("G5")
def test_a_flicker_or_note_with_crisis_words_shows_crisis_lines_on_today(signed_in):
    response = signed_in.post("/checkins/new/", {"mood": "cant-tell", "note": "i wanna die"},
                              follow=True)
    assert CheckIn.objects.get().note == "i wanna die"
    assert "You don’t have to carry this alone" in response.content.decode()


@pytest.mark.practice("G5")
def test_worry_about_someone_else_shows_the_same_lines_framed_for_helping_them(signed_in):
    body = "My brother texted last night that he wants to kill himself. I don't know what to do."
    page = signed_in.post("/journal/new/", {"body": body}, follow=True).content.decode()
    assert Entry.objects.get().body == body
    assert "Worried about someone?" in page and "116 123" in page
    assert "You don’t have to carry this alone" not in page


@pytest.mark.practice("G5")
def test_a_past_attempt_shows_the_lines_with_a_gentle_note(signed_in):
    page = signed_in.post("/journal/new/", {"body": "Five years ago I tried to kill myself."},
                          follow=True).content.decode()
    assert "You wrote about a very hard time in your past" in page and "116 123" in page


def test_ordinary_words_bring_no_crisis_screen(signed_in):
    page = signed_in.post("/journal/new/", {"body": ORDINARY}, follow=True).content.decode()
    assert "You don’t have to carry this alone" not in page
    page = signed_in.post("/checkins/new/", {"mood": "3", "flicker": "I'm dying to see the sea"},
                          follow=True).content.decode()
    assert "You don’t have to carry this alone" not in page


def test_the_words_never_go_into_the_session(signed_in):
    signed_in.post("/journal/new/", {"body": HEAVY})
    stored = json.dumps(dict(signed_in.session.items()))
    assert "better off" not in stored


@pytest.mark.practice("G5")
def test_the_api_returns_support_with_a_heavy_entry_and_none_otherwise(signed_in):
    heavy = signed_in.post("/api/journal", {"body": HEAVY}, content_type="application/json")
    assert heavy.status_code == 201
    support = heavy.json()["support"]
    assert support["emergency"] == "999 or 112" and support["helplines"]
    plain = signed_in.post("/api/checkins", {"mood": 5, "note": ORDINARY},
                           content_type="application/json")
    assert plain.json()["support"] is None


@pytest.mark.practice("G5")
def test_the_cli_prints_crisis_lines_after_saving_heavy_words(local_user, capsys):
    ran = run(capsys, "journal", HEAVY)
    assert ran.code == 0 and Entry.objects.count() == 1
    assert "116 123" in ran.said and "999 or 112" in ran.said
    quiet = run(capsys, "checkin", "--mood", "5", "--note", ORDINARY)
    assert "116 123" not in quiet.said
    as_json = run(capsys, "checkin", "--cant-tell", "--flicker", "kms", "--json")
    assert as_json.json()["support"]["helplines"]
