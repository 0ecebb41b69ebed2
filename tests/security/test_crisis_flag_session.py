"""Issue 13 finding 13: that a person wrote crisis words never goes into stored session data.

The crisis card must still come first on the very next page (G5). It travels from the save to that
page in a short-lived cookie of its own whose name and value say nothing, bound to the person, so
any worker can show it and no database row, in django_session or anywhere, ever holds it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

HEAVY = "Some days I think everyone would be better off without me."
ABOUT_SOMEONE = "My brother texted last night that he wants to kill himself. I don't know what to do."
CARD = "You don’t have to carry this alone"
CARD_FOR_SOMEONE = "Worried about someone?"
# Every word the flag used to be stored as, and words a descriptive name would use.
TELLING = ("words", "past", "other", "answer", "support", "crisis", "offer")


def item_9_answered() -> dict[str, str]:
    return {f"q{i}": "0" for i in range(1, 9)} | {"q9": "1"}


@pytest.fixture
def robin(server_mode, make_account, settings):
    """A server-mode person whose sessions live in the database, as behind gunicorn."""
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user = make_account("robin")
    client = Client()
    client.force_login(user)
    return client


def stored_sessions() -> list[tuple[str, dict]]:
    """Every session row as the database holds it, and as Django reads it."""
    return [(row.session_data, row.get_decoded()) for row in Session.objects.all()]


def assert_nothing_telling_stored() -> None:
    rows = stored_sessions()
    assert rows, "the person should have a stored session"
    for raw, decoded in rows:
        for key, value in decoded.items():
            assert not any(word in key.lower() for word in TELLING), key
            assert value not in TELLING, (key, value)
        assert "support" not in raw


@pytest.mark.practice("G5")
@pytest.mark.parametrize("path, data, card", [
    ("/journal/new/", {"body": HEAVY}, CARD),
    ("/journal/new/", {"body": ABOUT_SOMEONE}, CARD_FOR_SOMEONE),
    ("/checkins/new/", {"mood": "cant-tell", "note": "i wanna die"}, CARD),
    ("/help/screening/phq9/", item_9_answered(), CARD),
])
def test_crisis_words_or_question_9_leave_nothing_in_django_session(robin, path, data, card):
    saved = robin.post(path, data)
    assert saved.status_code == 302
    assert_nothing_telling_stored()
    # The crisis lines still come first on the very next page, and only there.
    page = robin.get(saved.url).content.decode()
    assert card in page
    assert card not in robin.get(saved.url).content.decode()
    assert_nothing_telling_stored()


def test_the_cookie_that_carries_the_card_names_nothing(robin):
    saved = robin.post("/journal/new/", {"body": HEAVY})
    carried = {name: morsel for name, morsel in saved.cookies.items()
               if name not in ("thawing_session", "csrftoken", "messages")}
    assert carried, "the card travels in a cookie of its own"
    for name, morsel in carried.items():
        assert not any(word in name.lower() or word in morsel.value.lower() for word in TELLING)
        assert morsel["httponly"] and morsel["samesite"] == "Lax"
        # A browser session cookie: never written with an expiry date.
        assert not morsel["expires"] and not morsel["max-age"]


def test_ordinary_words_set_no_cookie_at_all(robin):
    saved = robin.post("/journal/new/", {"body": "Walked to the shop. The air was cold."})
    assert set(saved.cookies) <= {"thawing_session", "csrftoken", "messages"}


def test_the_card_shows_only_to_the_person_who_wrote_it(robin, make_account):
    saved = robin.post("/journal/new/", {"body": HEAVY})
    kim = Client()
    kim.force_login(make_account("kim"))
    for name, morsel in saved.cookies.items():
        if name not in ("thawing_session", "csrftoken", "messages"):
            kim.cookies[name] = morsel.value
    assert CARD not in kim.get("/journal/").content.decode()


def test_an_old_or_altered_card_cookie_shows_nothing(robin):
    saved = robin.post("/journal/new/", {"body": HEAVY})
    name = next(n for n in saved.cookies if n not in ("thawing_session", "csrftoken", "messages"))
    value = saved.cookies[name].value
    robin.cookies[name] = value[:-1] + ("0" if value[-1] != "0" else "1")
    assert CARD not in robin.get("/journal/").content.decode()
    robin.cookies[name] = value
    later = timezone.now() + timedelta(minutes=30)
    with time_machine.travel(datetime.fromtimestamp(later.timestamp(), tz=later.tzinfo), tick=False):
        assert CARD not in robin.get("/journal/").content.decode()


@pytest.mark.practice("G5")
def test_local_mode_keeps_the_flag_out_of_its_signed_session_cookie(signed_in):
    saved = signed_in.post("/journal/new/", {"body": HEAVY})
    session = dict(signed_in.session.items())
    assert not any(word in key.lower() for key in session for word in TELLING)
    assert not any(value in TELLING for value in session.values())
    assert CARD in signed_in.get(saved.url).content.decode()
