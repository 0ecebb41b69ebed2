from __future__ import annotations

import json

import pytest

from thawing.accounts import services
from thawing.accounts.models import Profile
from thawing.core.errors import AlreadySetUp, InvalidInput, WrongPassphrase

pytestmark = pytest.mark.django_db
PASSPHRASE = "quiet river morning light"


def test_the_first_visit_goes_to_set_up(client):
    response = client.get("/")
    assert response.status_code == 302 and response.url == "/setup/"


def test_set_up_creates_the_profile_and_signs_in(client, data_dir):
    response = client.post("/setup/", {
        "name": "Sam", "timezone": "Europe/Paris", "country": "FR", "checkin_time": "20:30",
        "passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE,
    })
    # The recovery code is shown once, on the answer itself, never through a redirect.
    assert response.status_code == 200 and "recovery code" in response.content.decode()
    profile = Profile.objects.get()
    assert (profile.display_name, profile.timezone, profile.country) == ("Sam", "Europe/Paris", "FR")
    assert str(profile.checkin_time) == "20:30:00"
    record = (data_dir / "unlock.json").read_text()
    slots = json.loads(record)["slots"]
    assert PASSPHRASE not in record and {s["kdf"] for s in slots.values()} == {"argon2id"}
    assert set(slots) == {"passphrase", "recovery"}
    assert client.get("/").status_code == 200


def test_set_up_with_mismatched_passphrases_keeps_the_other_answers(client):
    response = client.post("/setup/", {
        "name": "Sam", "timezone": "Europe/Paris", "country": "FR",
        "passphrase": PASSPHRASE, "passphrase_again": "something else",
    })
    page = response.content.decode()
    assert response.status_code == 200 and "different" in page
    assert 'value="Sam"' in page and 'value="Europe/Paris"' in page
    assert not Profile.objects.exists()


def test_no_passphrase_must_be_chosen_explicitly(client):
    response = client.post("/setup/", {"timezone": "UTC"})
    assert "tick the box" in response.content.decode()
    assert not Profile.objects.exists()
    client.post("/setup/", {"timezone": "UTC", "no_passphrase": "on"})
    assert Profile.objects.exists()
    assert client.get("/").status_code == 200


def test_an_unknown_time_zone_is_refused_kindly(client):
    response = client.post("/setup/", {"timezone": "Mars/Olympus", "no_passphrase": "on"})
    assert "Europe/Paris" in response.content.decode()
    assert not Profile.objects.exists()


def test_a_second_set_up_changes_nothing(local_user):
    with pytest.raises(AlreadySetUp):
        services.set_up_local_profile(name="Other", passphrase=None)
    assert Profile.objects.get().display_name == "Sam"


def test_sign_in_with_the_passphrase_and_lock_again(client):
    services.set_up_local_profile(timezone="UTC", passphrase=PASSPHRASE)
    assert client.get("/").url.startswith("/signin/")
    wrong = client.post("/signin/", {"passphrase": "not it at all"})
    assert "doesn’t match" in wrong.content.decode()
    assert client.get("/").status_code == 302
    right = client.post("/signin/", {"passphrase": PASSPHRASE})
    assert right.status_code == 302 and client.get("/").status_code == 200
    client.post("/signout/")
    assert client.get("/").status_code == 302


def test_unlock_checks_the_passphrase_without_the_database(local_user, data_dir, settings):
    services_user = services.unlock_local(passphrase=None)
    assert services_user.pk == local_user.pk
    (data_dir / "unlock.json").unlink()
    with pytest.raises(Exception, match="unlock file is missing"):
        services.local_needs_passphrase()


def test_wrong_passphrase_is_refused(db):
    services.set_up_local_profile(timezone="UTC", passphrase=PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        services.unlock_local(passphrase="wrong passphrase here")


def test_settings_update_the_profile_and_keep_bad_input(signed_in):
    response = signed_in.post("/settings/", {"name": "Alex", "timezone": "Asia/Tokyo",
                                             "country": "JP", "checkin_time": ""})
    assert response.status_code == 302
    assert Profile.objects.get().timezone == "Asia/Tokyo"
    bad = signed_in.post("/settings/", {"name": "Al", "timezone": "Nowhere/Land",
                                        "country": "JP"})
    assert 'value="Al"' in bad.content.decode()
    assert Profile.objects.get().display_name == "Alex"


def test_server_mode_has_no_set_up_and_no_self_signup(client, server_mode):
    assert client.get("/setup/").status_code == 404
    assert client.get("/signup/").status_code == 404
    assert client.get("/").status_code == 302


def test_server_accounts_sign_in_with_their_password(client, server_mode, make_account):
    make_account("robin", "a long enough passphrase")
    bad = client.post("/signin/", {"username": "robin", "password": "nope nope nope"})
    assert "don’t match" in bad.content.decode()
    client.post("/signin/", {"username": "robin", "password": "a long enough passphrase"})
    assert client.get("/").status_code == 200


def test_accounts_need_a_unique_name_and_a_real_password(server_mode, make_account):
    make_account("robin")
    with pytest.raises(InvalidInput) as caught:
        services.create_account(username="ROBIN", password="short")
    assert set(caught.value.fields) == {"username", "password"}


def test_signup_works_only_when_the_operator_enables_it(client, server_mode, settings):
    settings.THAWING_SIGNUP = True
    response = client.post("/signup/", {"username": "kim", "password": "a long enough passphrase",
                                        "timezone": "UTC", "country": ""})
    assert response.status_code == 302
    assert Profile.objects.get().user.username == "kim"


def test_get_help_is_open_to_everyone(client):
    page = client.get("/help/", {"country": "US"}).content.decode()
    assert "988" in page and "1-800-662-HELP" in page
    assert "your local emergency number" in client.get("/help/").content.decode()


@pytest.mark.practice("G5")
def test_every_page_links_to_get_help_now(signed_in):
    for url in ("/", "/checkins/new/", "/journal/", "/emotions/", "/settings/", "/help/"):
        assert 'href="/help/"' in signed_in.get(url).content.decode(), url


def test_help_follows_the_profile_country(signed_in):
    page = signed_in.get("/help/").content.decode()
    assert "Samaritans" in page and "116 123" in page


def test_pages_carry_a_strict_content_security_policy(signed_in):
    response = signed_in.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode()


def test_a_missing_unlock_file_shows_a_kind_page_not_a_crash(client, local_user, data_dir):
    (data_dir / "unlock.json").unlink()
    response = client.get("/")
    assert response.status_code == 503
    assert "unlock file is missing" in response.content.decode()


def test_without_a_passphrase_only_this_computer_is_let_in(client, local_user):
    assert client.get("/", REMOTE_ADDR="127.0.0.1").status_code == 200
    client.logout()
    response = client.get("/journal/", REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 302 and response.url.startswith("/signin/")


def test_repeated_wrong_passphrases_pause_sign_in(client, db):
    from django.core.cache import cache

    services.set_up_local_profile(timezone="UTC", passphrase=PASSPHRASE)
    for _ in range(5):
        wrong = client.post("/signin/", {"passphrase": "wrong one here"})
        assert "doesn’t match" in wrong.content.decode()
    paused = client.post("/signin/", {"passphrase": PASSPHRASE}).content.decode()
    assert "paused" in paused
    assert client.get("/").status_code == 302
    cache.clear()
    client.post("/signin/", {"passphrase": PASSPHRASE})
    assert client.get("/").status_code == 200


def test_guessing_one_account_from_many_addresses_is_paused_too(server_mode, make_account):
    make_account("robin", "a long enough passphrase")
    for n in range(5):
        with pytest.raises(WrongPassphrase):
            services.sign_in(username="robin", password="guess", client=f"192.0.2.{n}")
    with pytest.raises(Exception, match="paused"):
        services.sign_in(username="Robin", password="a long enough passphrase",
                         client="198.51.100.1")


def test_sign_in_works_behind_a_tls_proxy_with_trusted_origins(server_mode, settings,
                                                                 make_account):
    from django.test import Client

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CSRF_TRUSTED_ORIGINS = ["https://thawing.example.org"]
    settings.ALLOWED_HOSTS = ["thawing.example.org"]
    make_account("robin", "a long enough passphrase")
    browser = Client(enforce_csrf_checks=True, HTTP_HOST="thawing.example.org",
                     HTTP_X_FORWARDED_PROTO="https")
    page = browser.get("/signin/").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = browser.post("/signin/", {"username": "robin",
                                         "password": "a long enough passphrase",
                                         "csrfmiddlewaretoken": token},
                            HTTP_ORIGIN="https://thawing.example.org")
    assert response.status_code == 302


@pytest.mark.parametrize("url", ["/journal/99999/", "/no-such-page/"])
def test_pages_that_do_not_exist_are_kind_and_keep_the_help_link(signed_in, url):
    response = signed_in.get(url)
    assert response.status_code == 404
    page = response.content.decode()
    assert "There’s nothing here" in page and 'href="/help/"' in page


def test_a_refused_form_says_what_happened_kindly(local_user):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(local_user)
    response = browser.post("/checkins/new/", {"mood": "5"})
    assert response.status_code == 403
    page = response.content.decode()
    assert "nothing was saved" in page and 'href="/help/"' in page


def test_unknown_api_addresses_answer_in_json(signed_in):
    response = signed_in.get("/api/nothing-here")
    assert response.status_code == 404 and "message" in response.json()


def test_nul_characters_in_addresses_and_forms_are_dropped_not_a_crash(signed_in):
    assert signed_in.get("/journal/?q=walk%00ing&tag=a%00").status_code == 200
    assert signed_in.post("/journal/", {"q": "walk\x00ing"}).status_code == 200
    response = signed_in.post("/checkins/new/", {"mood": "5", "note": "cold\x00 hands"})
    assert response.status_code == 302
    from thawing.checkins.models import CheckIn

    assert CheckIn.objects.get().note == "cold hands"
