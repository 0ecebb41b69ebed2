"""The journal over the API: write, list, search, edit and delete, with kind 400s."""

from __future__ import annotations

import pytest

from tests.api.test_api import send
from thawing import content
from thawing.journal.models import Entry, EntryTag
from thawing.journal.services import write_entry


def search(client, words: str):
    return send(client, "post", "/api/journal/search", {"q": words})

pytestmark = pytest.mark.django_db


def tags_of(entry: Entry) -> list[str]:
    return sorted(EntryTag.objects.filter(entry=entry).values_list("tag__name", flat=True))


@pytest.mark.practice("B1")
def test_posting_an_entry_creates_it_with_title_tags_and_prompt(signed_in, local_user):
    prompt = content.prompts().in_category("noticed")[0]
    response = send(signed_in, "post", "/api/journal", {
        "body": "The light on the wall at four.", "title": "Light",
        "tags": ["#Light", "afternoon"], "prompt": prompt.id})

    assert response.status_code == 201
    shown = response.json()
    entry = Entry.objects.get()
    assert shown["id"] == entry.pk
    assert (shown["title"], shown["body"], shown["kind"], shown["prompt"]) == (
        "Light", "The light on the wall at four.", "entry", prompt.id)
    assert sorted(shown["tags"]) == ["afternoon", "light"]
    assert (entry.user, entry.title, entry.body, entry.prompt_id) == (
        local_user, "Light", "The light on the wall at four.", prompt.id)
    assert tags_of(entry) == ["afternoon", "light"]


@pytest.mark.practice("B2")
def test_posting_a_letter_marks_it_as_an_unsent_letter(signed_in):
    response = send(signed_in, "post", "/api/journal", {"body": "Dear Gran,", "letter": True})
    assert response.status_code == 201
    assert response.json()["kind"] == "letter"
    assert Entry.objects.get().kind == "letter"


@pytest.mark.parametrize("payload, field", [
    ({"body": ""}, "body"),
    ({"body": "   \n  "}, "body"),
    ({"body": "text", "prompt": "no-such-prompt"}, "prompt"),
    ({"body": "text", "title": "t" * 201}, "title"),
    ({"body": "text", "tags": ["x" * 41]}, "tags"),
])
def test_bad_entries_give_400_naming_the_field_and_save_nothing(signed_in, payload, field):
    response = send(signed_in, "post", "/api/journal", payload)
    assert response.status_code == 400
    problem = response.json()
    assert problem["message"] and problem["fields"][field]
    assert Entry.objects.count() == 0


def test_an_empty_entry_is_refused_kindly(signed_in):
    response = send(signed_in, "post", "/api/journal", {"body": ""})
    assert "\u201cI don\u2019t know\u201d counts too" in response.json()["fields"]["body"]


@pytest.mark.parametrize("payload", [{}, {"body": ["a", "b"]}, {"body": "x", "tags": "a"},
                                     {"body": "x", "written_at": "last week"}])
def test_malformed_entry_json_gives_400_and_saves_nothing(signed_in, payload):
    response = send(signed_in, "post", "/api/journal", payload)
    assert response.status_code == 400
    assert response.json()["message"] and response.json()["fields"]
    assert Entry.objects.count() == 0


def test_an_entry_dated_in_the_future_is_refused(signed_in):
    response = send(signed_in, "post", "/api/journal",
                    {"body": "from the future", "written_at": "2099-01-01T00:00:00Z"})
    assert response.status_code == 400
    assert Entry.objects.count() == 0


def test_list_shows_entries_newest_first_and_filters_by_tag(signed_in, local_user):
    write_entry(user=local_user, body="first", tags=["sleep"], written_at="2026-05-01")
    write_entry(user=local_user, body="second", written_at="2026-05-02")
    response = signed_in.get("/api/journal")
    assert response.status_code == 200
    assert [e["body"] for e in response.json()] == ["second", "first"]
    tags = signed_in.get("/api/journal/tags").json()
    assert [(t["name"], t["entries"]) for t in tags] == [("sleep", 1)]
    tagged = signed_in.get(f"/api/journal?tag_id={tags[0]['id']}")
    assert [e["body"] for e in tagged.json()] == ["first"]


def test_get_one_entry(signed_in, local_user):
    entry = write_entry(user=local_user, body="a few words", title="Words")
    response = signed_in.get(f"/api/journal/{entry.pk}")
    assert response.status_code == 200
    assert (response.json()["title"], response.json()["body"]) == ("Words", "a few words")


@pytest.mark.practice("B1")
def test_search_finds_entries_by_the_start_of_a_word(signed_in, local_user):
    write_entry(user=local_user, body="I went walking by the canal.")
    write_entry(user=local_user, body="Stayed in all day.")
    response = search(signed_in, "walk")
    assert response.status_code == 200
    hits = response.json()
    assert [h["entry"]["body"] for h in hits] == ["I went walking by the canal."]
    assert "walking" in hits[0]["excerpt"]


def test_search_needs_every_word(signed_in, local_user):
    write_entry(user=local_user, body="walking by the canal")
    write_entry(user=local_user, body="walking in the park")
    hits = search(signed_in, "walk park").json()
    assert [h["entry"]["body"] for h in hits] == ["walking in the park"]


def test_search_for_nothing_finds_nothing(signed_in, local_user):
    write_entry(user=local_user, body="walking by the canal")
    response = search(signed_in, "")
    assert response.status_code == 200 and response.json() == []
    # Searching is a POST: the words never go in the address.
    assert signed_in.get("/api/journal/search?q=walk").status_code == 405


def test_search_sees_an_edit_at_once(signed_in, local_user):
    entry = write_entry(user=local_user, body="walking by the canal")
    send(signed_in, "put", f"/api/journal/{entry.pk}", {"body": "swimming in the lake"})
    assert search(signed_in, "walk").json() == []
    assert len(search(signed_in, "swim").json()) == 1


def test_put_updates_the_text_title_and_tags(signed_in, local_user):
    entry = write_entry(user=local_user, body="first draft", title="Draft", tags=["old"])
    written_at = entry.written_at
    response = send(signed_in, "put", f"/api/journal/{entry.pk}",
                    {"body": "second draft", "title": "Better", "tags": ["new"]})
    assert response.status_code == 200
    assert (response.json()["body"], response.json()["tags"]) == ("second draft", ["new"])
    entry.refresh_from_db()
    assert (entry.title, entry.body, entry.written_at) == ("Better", "second draft", written_at)
    assert tags_of(entry) == ["new"]


def test_an_empty_put_gives_400_and_keeps_the_entry(signed_in, local_user):
    entry = write_entry(user=local_user, body="keep me", tags=["kept"])
    response = send(signed_in, "put", f"/api/journal/{entry.pk}", {"body": ""})
    assert response.status_code == 400
    assert "body" in response.json()["fields"]
    entry.refresh_from_db()
    assert entry.body == "keep me" and tags_of(entry) == ["kept"]


def test_delete_removes_the_entry(signed_in, local_user):
    entry = write_entry(user=local_user, body="let this go", tags=["gone"])
    response = signed_in.delete(f"/api/journal/{entry.pk}")
    assert response.status_code == 204
    assert not Entry.objects.exists() and not EntryTag.objects.exists()
    assert signed_in.get(f"/api/journal/{entry.pk}").status_code == 404
    assert signed_in.delete(f"/api/journal/{entry.pk}").status_code == 404
    assert search(signed_in, "let").json() == []


def test_a_tag_number_that_is_not_theirs_or_too_large_finds_nothing(signed_in, local_user, make_account):
    write_entry(user=local_user, body="mine", tags=["sleep"])
    theirs = write_entry(user=make_account("other"), body="theirs", tags=["sleep"])
    for tag_id in (theirs.tags[0][0], 0, 2**70):
        response = signed_in.get(f"/api/journal?tag_id={tag_id}")
        assert response.status_code == 200 and response.json() == [], tag_id
    assert signed_in.get("/journal/", {"tag": str(2**70)}).status_code == 200
