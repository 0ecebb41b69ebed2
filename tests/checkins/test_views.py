from __future__ import annotations

import pytest

from thawing.checkins.models import CheckIn, Episode

pytestmark = pytest.mark.django_db


@pytest.mark.practice("A2")
def test_fast_path_mood_and_save_is_enough(signed_in):
    response = signed_in.post("/checkins/new/", {"mood": "6"})
    assert response.status_code == 302 and response.url == "/"
    assert CheckIn.objects.get().mood == 6


@pytest.mark.practice("A3")
def test_cant_tell_with_body_and_words_is_saved_and_shown_on_today(signed_in):
    signed_in.post("/checkins/new/", {
        "mood": "cant-tell", "feel": "1", "body": ["chest:tight", "legs:less"],
        "emotion": ["numb", ""], "intensity": ["3", ""], "flicker": "smiled at a dog",
    })
    checkin = CheckIn.objects.get()
    assert checkin.mood is None and checkin.feel == 1
    page = signed_in.get("/").content.decode()
    assert "can’t tell" in page and "Numb" in page and "smiled at a dog" in page


def test_an_invalid_checkin_keeps_everything_typed(signed_in):
    response = signed_in.post("/checkins/new/", {
        "mood": "11", "body": ["chest:tight"], "emotion": ["saad"], "intensity": ["2"],
        "note": "a note I wrote carefully", "flicker": "a flicker",
    })
    page = response.content.decode()
    assert response.status_code == 400
    assert "a note I wrote carefully" in page and 'value="a flicker"' in page
    assert 'value="saad"' in page and 'value="chest:tight" checked' in page
    assert "Did you mean" in page and "sad" in page
    assert not CheckIn.objects.exists()


@pytest.mark.practice("A3")
def test_the_suggest_button_shows_words_without_saving(signed_in):
    response = signed_in.post("/checkins/new/", {"body": ["throat:lump"], "suggest": "1"})
    page = response.content.decode()
    assert response.status_code == 200 and "add-word" in page
    assert not CheckIn.objects.exists()


def test_edit_and_delete_a_checkin(signed_in):
    signed_in.post("/checkins/new/", {"mood": "3"})
    checkin = CheckIn.objects.get()
    form = signed_in.get(f"/checkins/{checkin.pk}/edit/").content.decode()
    assert 'value="3" checked' in form
    signed_in.post(f"/checkins/{checkin.pk}/edit/", {"mood": "8", "note": "later"})
    checkin.refresh_from_db()
    assert (checkin.mood, checkin.note) == (8, "later")
    assert signed_in.get(f"/checkins/{checkin.pk}/delete/").status_code == 200
    signed_in.post(f"/checkins/{checkin.pk}/delete/")
    assert not CheckIn.objects.exists()


def test_someone_elses_checkin_is_not_found(signed_in, make_account):
    from thawing.checkins import services

    other = make_account("other")
    theirs = services.record_checkin(user=other, mood=2, note="theirs")
    for url in (f"/checkins/{theirs.pk}/edit/", f"/checkins/{theirs.pk}/delete/"):
        assert signed_in.get(url).status_code == 404
        assert signed_in.post(url, {"mood": "9"}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.mood == 2


@pytest.mark.practice("A1")
def test_feeling_shut_down_is_acknowledged_from_the_web(signed_in):
    response = signed_in.post("/shut-down/", {"since": "2026-02-01", "words": "far away"})
    assert response.status_code == 302
    assert Episode.objects.get().words == "far away"
    assert "You noted feeling shut down since 1 February 2026" in signed_in.get("/").content.decode()
    bad = signed_in.post("/shut-down/", {"since": "someday", "words": "kept words"})
    assert bad.status_code == 400 and "kept words" in bad.content.decode()


@pytest.mark.practice("A4")
def test_emotion_pages_browse_search_and_learn(signed_in):
    assert "Numb and far away" in signed_in.get("/emotions/").content.decode()
    found = signed_in.post("/emotions/", {"q": "detach"}).content.decode()
    assert "Detached" in found
    assert "Did you mean" in signed_in.post("/emotions/", {"q": "lonley"}).content.decode()
    page = signed_in.get("/emotions/numb/").content.decode()
    assert "Close cousins" in page
    assert signed_in.get("/emotions/learn/").status_code == 200
    assert signed_in.get("/emotions/no-such-word/").status_code == 404


def test_history_lists_checkins_by_local_day(signed_in):
    signed_in.post("/checkins/new/", {"mood": "4", "at": "2026-03-01T10:00"})
    page = signed_in.get("/checkins/", {"since": "2026-01-01"}).content.decode()
    assert "Sunday 1 March 2026" in page
    assert "wasn’t clear" in signed_in.get("/checkins/", {"since": "March"}).content.decode()


@pytest.mark.practice("A6")
def test_today_shows_flickers_as_progress(signed_in):
    signed_in.post("/checkins/new/", {"mood": "cant-tell", "flicker": "a flash of irritation"})
    page = signed_in.get("/").content.decode()
    assert "a flash of irritation" in page and "It counts" in page
