"""Sign-in, sign-up and the admin hold against guessing (issue 13: findings 1, 9, 15, 18, 19, 20).

Behind the documented proxy every request comes from 127.0.0.1: the client's own address is read
from X-Forwarded-For only when the proxy is named in THAWING_TRUSTED_PROXIES. Each try is reserved
before any hashing, so guesses sent side by side get no more than the free tries; in server mode
the counts live in the database, where every worker sees them.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, RequestFactory
from django.urls import clear_url_caches

from thawing.accounts import services, throttle
from thawing.core.errors import InvalidInput, ThawingError, WrongPassphrase

PASSWORD = "a long enough passphrase"
PASSPHRASE = "quiet river morning light"
ROOT = Path(__file__).resolve().parents[2]
PROXY = "127.0.0.1"


@pytest.fixture
def fast_hashing(settings):
    """Sign-ups make many accounts; Argon2 would take minutes (sign-in tests keep Argon2)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def sign_in_behind_proxy(client: Client, username: str, password: str, address: str):
    return client.post("/signin/", {"username": username, "password": password},
                       REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)


# Finding 1: one attacker behind the proxy must not pause everyone.

@pytest.mark.django_db
def test_one_attacker_behind_the_proxy_does_not_pause_everyone_else(server_mode, settings,
                                                                     make_account):
    settings.TRUSTED_PROXIES = [PROXY]
    make_account("robin", PASSWORD)
    attacker = Client()
    for n in range(30):
        sign_in_behind_proxy(attacker, f"nobody{n}", "wrong guess here", "203.0.113.9")
    robin = Client()
    response = sign_in_behind_proxy(robin, "robin", PASSWORD, "198.51.100.4")
    assert response.status_code == 302
    assert robin.get("/").status_code == 200


@pytest.mark.django_db
def test_the_attacker_behind_the_proxy_is_paused_themselves(server_mode, settings, make_account):
    settings.TRUSTED_PROXIES = [PROXY]
    make_account("robin", PASSWORD)
    attacker = Client()
    for n in range(throttle.RULES["ip"].free):
        sign_in_behind_proxy(attacker, f"nobody{n}", "wrong guess here", "203.0.113.9")
    paused = sign_in_behind_proxy(attacker, "robin", PASSWORD, "203.0.113.9")
    assert "paused" in paused.content.decode()


@pytest.mark.django_db
def test_unknown_user_names_do_not_pause_the_account_they_resemble(server_mode, make_account):
    make_account("robin", PASSWORD)
    for n in range(8):
        with pytest.raises(WrongPassphrase):
            services.sign_in(username=f"robin{n}", password="wrong guess here", client=f"192.0.2.{n}")
    assert services.sign_in(username="robin", password=PASSWORD, client="198.51.100.4")


@pytest.mark.parametrize("trusted, peer, forwarded, client", [
    ([], PROXY, "203.0.113.9", PROXY),                      # no proxy named: the header is ignored
    ([PROXY], "192.0.2.1", "203.0.113.9", "192.0.2.1"),     # not from the proxy: ignored
    ([PROXY], PROXY, "", PROXY),                            # the proxy sent none
    ([PROXY], PROXY, "198.51.100.7, 203.0.113.9", "203.0.113.9"),  # the left part is the client's say
    ([PROXY, "10.0.0.0/8"], PROXY, "203.0.113.9, 10.1.2.3", "203.0.113.9"),  # two proxies in a row
    ([PROXY], PROXY, "not an address", PROXY),
    (["::1"], "::1", "2001:db8::5", "2001:db8::5"),
])
def test_the_client_address_comes_from_a_trusted_proxy_only(settings, trusted, peer, forwarded, client):
    from thawing.accounts.clients import client_address

    settings.TRUSTED_PROXIES = trusted
    request = RequestFactory().get("/signin/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == client


def test_a_bad_trusted_proxy_setting_stops_with_a_message(monkeypatch):
    from thawing import conf

    monkeypatch.setenv("THAWING_TRUSTED_PROXIES", "127.0.0.1, the proxy")
    with pytest.raises(conf.ConfigError, match="THAWING_TRUSTED_PROXIES"):
        conf.trusted_proxies()


@pytest.mark.django_db
def test_migrate_makes_the_shared_count_table():
    assert "thawing_cache" in connection.introspection.table_names()


@pytest.fixture
def shared_counts(server_mode):
    from django.core.cache import caches

    caches["signin"].clear()
    yield caches["signin"]
    caches["signin"].clear()


@pytest.mark.django_db(transaction=True)
def test_sign_in_counts_are_shared_by_every_worker(shared_counts, make_account):
    if connection.vendor != "postgresql":
        pytest.skip("server mode keeps counts in PostgreSQL; local mode is one process")
    make_account("robin", PASSWORD)
    for _ in range(throttle.RULES["user"].free):
        with pytest.raises(WrongPassphrase):
            services.sign_in(username="robin", password="wrong guess here", client="203.0.113.9")
    # Another worker: a process of its own, on the same database.
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    script = ("import django; django.setup()\n"
              "from thawing.accounts import services\n"
              "from thawing.core.errors import ThawingError\n"
              "try:\n"
              f"    services.sign_in(username='robin', password={PASSWORD!r}, client='198.51.100.4')\n"
              "except ThawingError as error:\n"
              "    print(type(error).__name__)\n"
              "else:\n"
              "    print('signed in')\n")
    env = {**os.environ, "THAWING_DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "thawing.settings"}
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.strip().splitlines()[-1:] == ["TooManyTries"], done.stderr


# Finding 18: guesses sent side by side get the free tries and no more.

def in_parallel(count: int, guess) -> Counter[str]:
    """Run `guess(n)` in `count` threads released at once; count what each ended with."""
    start = threading.Barrier(count)
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()

    def run(n: int) -> None:
        start.wait()
        try:
            guess(n)
            outcome = "in"
        except ThawingError as error:
            outcome = type(error).__name__
        finally:
            connection.close()
        with lock:
            outcomes[outcome] += 1

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_parallel_guesses_at_one_account_get_only_the_free_tries(shared_counts, make_account):
    make_account("robin", PASSWORD)
    outcomes = in_parallel(16, lambda n: services.sign_in(
        username="robin", password=f"wrong guess {n}", client=f"192.0.2.{n}"))
    assert outcomes == {"WrongPassphrase": throttle.RULES["user"].free,
                        "TooManyTries": 16 - throttle.RULES["user"].free}


@pytest.mark.django_db(transaction=True)
def test_parallel_passphrase_guesses_get_only_the_free_tries():
    services.set_up_local_profile(timezone="UTC", passphrase=PASSPHRASE)
    services.lock_local()
    outcomes = in_parallel(10, lambda n: services.unlock_local(
        passphrase=f"wrong guess {n}", client=f"192.0.2.{n}"))
    assert outcomes == {"WrongPassphrase": throttle.RULES["local"].free,
                        "TooManyTries": 10 - throttle.RULES["local"].free}


@pytest.mark.django_db
def test_after_the_free_tries_one_guess_at_a_time_waits_its_turn(server_mode, make_account):
    import time_machine

    make_account("robin", PASSWORD)
    with time_machine.travel("2030-01-01 10:00", tick=False) as clock:
        for _ in range(throttle.RULES["user"].free):
            with pytest.raises(WrongPassphrase):
                services.sign_in(username="robin", password="wrong guess here", client="192.0.2.1")
        with pytest.raises(throttle.TooManyTries):
            services.sign_in(username="robin", password=PASSWORD, client="192.0.2.2")
        clock.shift(31)
        with pytest.raises(WrongPassphrase):
            services.sign_in(username="robin", password="wrong guess again", client="192.0.2.3")
        clock.shift(31)
        with pytest.raises(throttle.TooManyTries):
            services.sign_in(username="robin", password=PASSWORD, client="192.0.2.4")
        clock.shift(31)
        assert services.sign_in(username="robin", password=PASSWORD, client="192.0.2.5")
        # A right password forgets the account's wrong tries.
        with pytest.raises(WrongPassphrase):
            services.sign_in(username="robin", password="wrong guess here", client="192.0.2.6")


# Finding 9: the admin is mounted only when an operator asks, and then throttled.

@pytest.fixture
def admin_mounted(settings):
    """THAWING_ADMIN=1: the URLs are read again with it (they are read once, at start)."""
    import thawing.urls

    settings.THAWING_ADMIN = True
    importlib.reload(thawing.urls)
    clear_url_caches()
    yield
    settings.THAWING_ADMIN = False
    importlib.reload(thawing.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_the_admin_is_not_there_unless_the_operator_asks(server_mode, make_account):
    make_account("robin", PASSWORD)
    client = Client()
    assert client.get("/admin/").status_code == 404
    assert client.post("/admin/login/", {"username": "robin", "password": PASSWORD}).status_code == 404


@pytest.mark.django_db
def test_a_post_to_the_admin_while_locked_is_not_a_crash():
    services.set_up_local_profile(timezone="UTC", passphrase=PASSPHRASE)
    services.lock_local()
    client = Client(raise_request_exception=False)
    assert client.post("/admin/login/", {"username": "me", "password": PASSPHRASE}).status_code == 404


@pytest.mark.django_db
def test_the_admin_when_asked_for_is_throttled_like_sign_in(server_mode, make_account, admin_mounted):
    robin = make_account("robin", PASSWORD)
    robin.is_staff = robin.is_superuser = True
    robin.save()
    client = Client()
    for _ in range(throttle.RULES["user"].free):
        wrong = client.post("/admin/login/", {"username": "robin", "password": "wrong guess here"},
                            REMOTE_ADDR="192.0.2.1")
        assert wrong.status_code == 200
    paused = client.post("/admin/login/?next=/admin/", {"username": "robin", "password": PASSWORD},
                         REMOTE_ADDR="192.0.2.2")
    assert paused.status_code == 200 and "paused" in paused.content.decode()
    assert client.get("/admin/").status_code == 302


# Finding 15: local passphrases as easy to guess as "password" are refused kindly.

WEAK = ["password", "12345678", "aaaaaaaaaa", "abcdefghij", "qwertyuiop", "abababababab",
        "password123", "iloveyou", "98765432", "Password1!"]


@pytest.mark.django_db
@pytest.mark.parametrize("weak", WEAK)
def test_a_weak_passphrase_is_refused_at_set_up(weak):
    with pytest.raises(InvalidInput) as caught:
        services.set_up_local_profile(timezone="UTC", passphrase=weak)
    assert "guess" in caught.value.fields["passphrase"]
    assert not services.is_set_up()


@pytest.mark.django_db
@pytest.mark.parametrize("strong", [PASSPHRASE, "correct horse battery staple", "Zoë's 3 cats"])
def test_ordinary_words_in_a_row_make_a_good_passphrase(strong):
    assert services.set_up_local_profile(timezone="UTC", passphrase=strong)


@pytest.mark.django_db
def test_the_set_up_page_explains_a_weak_passphrase_kindly(client):
    page = client.post("/setup/", {"timezone": "UTC", "passphrase": "12345678",
                                   "passphrase_again": "12345678"})
    assert page.status_code == 200
    assert "A few ordinary words in a row" in page.content.decode()
    assert not services.is_set_up()


@pytest.mark.django_db
def test_a_weak_new_passphrase_is_refused_on_every_change():
    services.set_up_local_profile(timezone="UTC", passphrase=PASSPHRASE)
    code = services.new_recovery_code(passphrase=PASSPHRASE)
    with pytest.raises(InvalidInput) as caught:
        services.change_passphrase(current=PASSPHRASE, new="password1")
    assert "guess" in caught.value.fields["new"]
    with pytest.raises(InvalidInput) as caught:
        services.recover_local(code=code, new_passphrase="qwertyuiop")
    assert "guess" in caught.value.fields["new"]
    assert services.unlock_local(passphrase=PASSPHRASE)


@pytest.mark.django_db
def test_a_weak_passphrase_is_refused_when_adding_one(local_user):
    with pytest.raises(InvalidInput) as caught:
        services.add_passphrase(new="iloveyou")
    assert "guess" in caught.value.fields["new"]
    assert not services.local_needs_passphrase()


# Finding 19 (third part) and 20: sign-up.

@pytest.fixture
def signup_on(server_mode, settings, fast_hashing):
    settings.THAWING_SIGNUP = True
    return settings


def sign_up(client: Client, username: str, password: str = PASSWORD, address: str = "192.0.2.9"):
    return client.post("/signup/", {"username": username, "password": password, "timezone": "UTC",
                                    "country": ""}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_a_full_width_look_alike_of_a_taken_name_is_a_kind_form_error(signup_on, make_account):
    make_account("alice", PASSWORD)
    response = sign_up(Client(raise_request_exception=False), "\uff41lice")
    assert response.status_code == 200
    assert "That user name is taken" in response.content.decode()
    assert get_user_model().objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("name", [
    "ali\u200bce",        # a zero-width space
    "\u202eecila",        # right-to-left override
    "al\u00adice",        # a soft hyphen
    "ali\u2060ce",        # word joiner
    "robin hood",         # a space
    "\u0440\u0430ypal",   # Cyrillic r and a among Latin letters
    "\u0430\u0440\u0440\u04cf\u0435",  # "apple" in Cyrillic letters that look Latin
    "\u03bf\u03c1\u03b1",  # Greek letters that look like "opa"
    "a\u0301\u0301\u0301\u0301",  # a pile of accents
    "",
])
def test_sign_up_refuses_invisible_and_look_alike_user_names(signup_on, name):
    with pytest.raises(InvalidInput) as caught:
        services.create_account(username=name, password=PASSWORD)
    assert set(caught.value.fields) == {"username"}
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Zoë", "robin.k-2", "\u5c71\u7530",
                                  "\u0414\u043c\u0438\u0442\u0440\u0438\u0439",
                                  "tanaka\u7530\u4e2d", "\u3084\u307e\u3060", "sam@example.org"])
def test_sign_up_takes_names_in_any_one_alphabet(signup_on, name):
    user = services.create_account(username=name, password=PASSWORD)
    assert user.username == name


@pytest.mark.django_db
def test_a_full_width_name_is_kept_in_its_ordinary_form(signup_on):
    full_width = "\uff52\uff4f\uff42\uff49\uff4e"
    assert services.create_account(username=full_width, password=PASSWORD).username == "robin"


@pytest.mark.django_db
def test_the_sign_up_page_says_why_a_name_is_refused(signup_on):
    page = sign_up(Client(), "ali\u200bce")
    assert page.status_code == 200 and "invisible" in page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("password", ["robin.hood!", "doohnibor", "Robin.Hood.1"])
def test_a_password_like_the_user_name_is_refused(signup_on, password):
    with pytest.raises(InvalidInput) as caught:
        services.create_account(username="robin.hood", password=password)
    assert set(caught.value.fields) == {"password"}


@pytest.mark.django_db
def test_sign_ups_from_one_address_are_throttled(signup_on):
    free = throttle.RULES["signup"].free
    for n in range(free):
        assert sign_up(Client(), f"person{n}").status_code == 302
    paused = sign_up(Client(), "one.more")
    assert "paused" in paused.content.decode()
    assert get_user_model().objects.count() == free
    assert sign_up(Client(), "from.elsewhere", address="198.51.100.4").status_code == 302


@pytest.fixture
def robin_twice(server_mode, make_account):
    """Robin signed in from two browsers."""
    make_account("robin", PASSWORD)
    here, there = Client(), Client()
    for browser in (here, there):
        assert browser.post("/signin/", {"username": "robin", "password": PASSWORD}).status_code == 302
    return here, there


NEW = "a brand new pass phrase"


@pytest.mark.django_db
def test_server_users_change_their_own_password_and_stay_signed_in(robin_twice):
    here, there = robin_twice
    assert "/settings/password/" in here.get("/settings/").content.decode()
    assert here.get("/settings/password/").status_code == 200
    changed = here.post("/settings/password/", {"current": PASSWORD, "new": NEW, "new_again": NEW})
    assert changed.status_code == 302
    assert here.get("/").status_code == 200
    # The other browser, signed in with the old password, is signed out.
    assert there.get("/").status_code == 302
    assert services.sign_in(username="robin", password=NEW)
    with pytest.raises(WrongPassphrase):
        services.sign_in(username="robin", password=PASSWORD)


@pytest.mark.django_db
@pytest.mark.parametrize("form, field", [
    ({"current": "not my password", "new": NEW, "new_again": NEW}, "match"),
    ({"current": PASSWORD, "new": "password1", "new_again": "password1"}, "guess"),
    ({"current": PASSWORD, "new": "robin1234", "new_again": "robin1234"}, "user name"),
    ({"current": PASSWORD, "new": NEW, "new_again": NEW + "!"}, "different"),
])
def test_a_password_change_needs_the_current_one_and_a_good_new_one(robin_twice, form, field):
    here, there = robin_twice
    refused = here.post("/settings/password/", form)
    assert refused.status_code == 400 and field in refused.content.decode()
    assert there.get("/").status_code == 200
    assert services.sign_in(username="robin", password=PASSWORD)


@pytest.mark.django_db
def test_wrong_current_passwords_are_counted_like_wrong_sign_ins(robin_twice):
    here, _ = robin_twice
    for _ in range(throttle.RULES["user"].free):
        here.post("/settings/password/", {"current": "not my password", "new": NEW, "new_again": NEW})
    paused = here.post("/settings/password/", {"current": PASSWORD, "new": NEW, "new_again": NEW})
    assert "paused" in paused.content.decode()


def test_the_password_page_is_for_server_mode_only(signed_in):
    assert signed_in.get("/settings/password/").status_code == 404
