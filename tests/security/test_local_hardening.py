"""Local mode hardening (issue 13): file modes, Lock, and who may open a profile without a passphrase.

The file-mode tests run `python -m thawing` in its own process on its own data folder, as a person
would, so the database is a real file (the rest of the suite uses an in-memory database).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.commandline import CommandLine
from thawing.accounts import services

PASSPHRASE = "lantern orchard quietly humming"


@pytest.fixture
def cli(tmp_path):
    # The usual umask of a desktop account: new files readable by everyone unless made otherwise.
    return CommandLine(tmp_path / "data", umask=0o022)


def modes(folder: Path) -> dict[str, int]:
    """The permission bits of the folder ("."), and of every file and folder inside it."""
    found = {".": stat.S_IMODE(folder.stat().st_mode)}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = stat.S_IMODE(path.lstat().st_mode)
    return found


def only_the_owner(found: dict[str, int], folder: Path) -> dict[str, int]:
    """What in `found` anyone but the owner could read or enter (empty when all is private)."""
    return {name: mode for name, mode in found.items()
            if mode & 0o077 or (mode != 0o700 and (folder / name).is_dir())}


# --- Finding 16: the data folder and its files are the owner's only, on every start ---------------

def test_an_existing_data_folder_gets_owner_only_modes_for_every_file_made_in_it(cli):
    cli.data.mkdir(mode=0o755)
    os.chmod(cli.data, 0o755)  # as a person's own `mkdir` leaves it
    made = cli("init", "--no-passphrase", "--timezone", "UTC")
    assert made.returncode == 0, made.stderr
    assert cli("checkin", "--mood", "4", "--note", "a private word").returncode == 0
    assert cli("backup").returncode == 0
    found = modes(cli.data)
    assert "thawing.sqlite3" in found and any(name.startswith("backups/") for name in found)
    assert only_the_owner(found, cli.data) == {}


def test_files_left_readable_by_an_older_thawing_are_made_private_at_the_next_start(cli):
    assert cli("init", "--no-passphrase", "--timezone", "UTC").returncode == 0
    assert cli("backup").returncode == 0
    # What Thawing 0.2 left behind when the folder already existed.
    os.chmod(cli.data, 0o755)
    for path in cli.data.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    assert cli("today").returncode == 0
    assert only_the_owner(modes(cli.data), cli.data) == {}


def test_a_server_start_makes_the_data_folder_private_too(cli):
    assert cli("init", "--timezone", "UTC", passphrase=PASSPHRASE).returncode == 0
    os.chmod(cli.data, 0o755)
    os.chmod(cli.data / "thawing.sqlite3", 0o644)
    code = ("import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'thawing.settings'\n"
            "import thawing.wsgi\n")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("THAWING_") and k != "DJANGO_SETTINGS_MODULE"}
    # Another WSGI server (gunicorn) loads thawing.wsgi; a profile with a passphrase may be served so.
    env.update(THAWING_DATA_DIR=str(cli.data))
    loaded = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                            timeout=120, umask=0o022)
    assert loaded.returncode == 0, loaded.stderr
    assert only_the_owner(modes(cli.data), cli.data) == {}


# --- Finding 4: without a passphrase, this computer only, whatever the sign-in form is sent -------

ELSEWHERE = "203.0.113.9"


def signed_in_now(client, **where) -> bool:
    return client.get("/journal/", **where).status_code == 200


@pytest.mark.django_db
def test_the_sign_in_form_lets_nobody_elsewhere_into_a_profile_without_a_passphrase(client, local_user):
    answer = client.post("/signin/", {"passphrase": "anything at all"}, REMOTE_ADDR=ELSEWHERE)
    assert answer.status_code == 403
    assert "opens only in a browser on the computer it runs on" in answer.content.decode()
    assert not signed_in_now(client, REMOTE_ADDR=ELSEWHERE)


@pytest.mark.django_db
@pytest.mark.parametrize("where", [
    {"HTTP_X_FORWARDED_FOR": ELSEWHERE},
    {"HTTP_FORWARDED": f"for={ELSEWHERE}"},
    {"HTTP_X_REAL_IP": ELSEWHERE},
    {"thawing.forwarded": True},   # thawing serve saw (and removed) a forwarding header
    {"thawing.server": "wsgi"},    # through thawing.wsgi: another WSGI server, which may sit behind a proxy
], ids=["x-forwarded-for", "forwarded", "x-real-ip", "seen-by-serve", "other-wsgi-server"])
def test_a_request_through_a_proxy_on_this_computer_is_not_this_computer(client, local_user, where):
    assert not signed_in_now(client, REMOTE_ADDR="127.0.0.1", **where)
    answer = client.post("/signin/", {"passphrase": "anything"}, REMOTE_ADDR="127.0.0.1", **where)
    assert answer.status_code == 403
    assert not signed_in_now(client, REMOTE_ADDR="127.0.0.1", **where)


@pytest.mark.django_db
def test_behind_a_proxy_even_loopback_is_not_let_in_without_a_passphrase(client, local_user, settings):
    settings.BEHIND_PROXY = True
    assert not signed_in_now(client, REMOTE_ADDR="127.0.0.1", secure=True)
    answer = client.post("/signin/", {"passphrase": "x"}, REMOTE_ADDR="127.0.0.1", secure=True)
    assert answer.status_code == 403


@pytest.mark.django_db
def test_a_cookie_from_this_computer_opens_nothing_from_elsewhere(client, local_user):
    assert signed_in_now(client, REMOTE_ADDR="127.0.0.1")
    assert not signed_in_now(client, REMOTE_ADDR=ELSEWHERE)
    assert client.get("/api/today", REMOTE_ADDR=ELSEWHERE).status_code == 401


@pytest.mark.django_db
def test_this_computer_and_help_still_open_as_before(client, local_user):
    assert signed_in_now(client, REMOTE_ADDR="127.0.0.1")
    assert client.get("/help/", REMOTE_ADDR=ELSEWHERE).status_code == 200


@pytest.mark.django_db
def test_the_service_refuses_an_open_without_a_passphrase_for_a_client_elsewhere(local_user):
    from thawing.core.errors import ThawingError

    with pytest.raises(ThawingError, match="the computer it runs on"):
        services.unlock_local(passphrase="anything", client=ELSEWHERE)
    assert services.unlock_local(passphrase=None, client="127.0.0.1") == local_user


# --- Finding 12: Lock ends every session; the next unlock does not bring old cookies back --------

def copy_of(browser):
    """Another browser holding the same cookies (as if they had been copied off this one)."""
    from django.test import Client

    other = Client()
    for name, morsel in browser.cookies.items():
        other.cookies[name] = morsel.value
    return other


@pytest.mark.django_db
def test_after_lock_an_earlier_session_cookie_stays_signed_out_after_the_next_unlock(client):
    from django.test import Client

    services.set_up_local_profile(timezone="UTC", passphrase=PASSPHRASE)
    assert client.post("/signin/", {"passphrase": PASSPHRASE}).status_code == 302
    assert signed_in_now(client)
    stolen = copy_of(client)
    assert signed_in_now(stolen)
    client.post("/signout/")  # Lock
    again = Client()
    assert again.post("/signin/", {"passphrase": PASSPHRASE}).status_code == 302
    assert signed_in_now(again)
    assert not signed_in_now(stolen)


@pytest.mark.django_db
def test_a_restart_is_a_lock_too_for_cookies_from_before(client):
    from django.test import Client

    from thawing.accounts import vault

    services.set_up_local_profile(timezone="UTC", passphrase=PASSPHRASE)
    assert client.post("/signin/", {"passphrase": PASSPHRASE}).status_code == 302
    vault.lock()  # what a server restart leaves: the key forgotten, no Lock pressed
    again = Client()
    assert again.post("/signin/", {"passphrase": PASSPHRASE}).status_code == 302
    assert not signed_in_now(client)


@pytest.mark.django_db
def test_a_second_browser_signing_in_while_unlocked_leaves_the_first_signed_in(client):
    from django.test import Client

    services.set_up_local_profile(timezone="UTC", passphrase=PASSPHRASE)
    assert client.post("/signin/", {"passphrase": PASSPHRASE}).status_code == 302
    second = Client()
    assert second.post("/signin/", {"passphrase": PASSPHRASE}).status_code == 302
    assert signed_in_now(client) and signed_in_now(second)
