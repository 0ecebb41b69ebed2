"""Passphrase, recovery code and locking in the browser (local mode)."""

from __future__ import annotations

import re

import pytest

from thawing.accounts import services, vault

pytestmark = pytest.mark.django_db
PASSPHRASE = "quiet river morning light"


def set_up_with_passphrase(client) -> str:
    page = client.post("/setup/", {"timezone": "UTC", "passphrase": PASSPHRASE,
                                   "passphrase_again": PASSPHRASE}).content.decode()
    return re.search(r"<code>([0-9A-Z-]{29})</code>", page).group(1)


def test_locking_forgets_the_key_and_the_recovery_code_sets_a_new_passphrase(client):
    code = set_up_with_passphrase(client)
    assert vault.key() is not None
    client.post("/signout/")
    assert vault.key() is None and not vault.is_open()
    assert client.get("/").url.startswith("/signin/")
    wrong = client.post("/signin/recover/", {"code": "0000-0000-0000-0000-0000-0000", "new": "x" * 12,
                                             "new_again": "x" * 12})
    assert "doesn\u2019t match" in wrong.content.decode() and client.get("/").status_code == 302
    right = client.post("/signin/recover/", {"code": code.lower(), "new": "a whole new passphrase",
                                             "new_again": "a whole new passphrase"})
    assert right.status_code == 302 and client.get("/").status_code == 200
    client.post("/signout/")
    assert "doesn\u2019t match" in client.post("/signin/", {"passphrase": PASSPHRASE}).content.decode()
    assert client.post("/signin/", {"passphrase": "a whole new passphrase"}).status_code == 302


def test_changing_the_passphrase_keeps_the_data_and_the_recovery_code(client):
    code = set_up_with_passphrase(client)
    bad = client.post("/settings/passphrase/", {"action": "change", "current": "not it at all",
                                                "new": "another long passphrase",
                                                "new_again": "another long passphrase"})
    assert bad.status_code == 400 and "doesn\u2019t match" in bad.content.decode()
    good = client.post("/settings/passphrase/", {"action": "change", "current": PASSPHRASE,
                                                 "new": "another long passphrase",
                                                 "new_again": "another long passphrase"})
    assert good.status_code == 302
    services.lock_local()
    assert services.unlock_local(passphrase="another long passphrase")
    services.lock_local()
    assert services.recover_local(code=code, new_passphrase="and yet another one")


def test_a_new_recovery_code_replaces_the_old_one(client):
    old = set_up_with_passphrase(client)
    page = client.post("/settings/passphrase/", {"action": "recovery", "passphrase": PASSPHRASE})
    new = re.search(r"<code>([0-9A-Z-]{29})</code>", page.content.decode()).group(1)
    assert new != old
    with pytest.raises(Exception, match="doesn\u2019t match"):
        services.recover_local(code=old, new_passphrase="does not matter here")
    assert services.recover_local(code=new, new_passphrase="a fresh long passphrase")


def test_a_profile_without_a_passphrase_can_add_one(signed_in):
    page = signed_in.get("/settings/")
    assert "not encrypted" in page.content.decode()
    added = signed_in.post("/settings/passphrase/", {"new": PASSPHRASE, "new_again": PASSPHRASE})
    assert added.status_code == 200 and "<code>" in added.content.decode()
    assert services.local_needs_passphrase()
    assert signed_in.get("/").status_code == 200
    services.lock_local()
    assert signed_in.get("/").url.startswith("/signin/")


def test_get_help_now_works_while_locked(client):
    set_up_with_passphrase(client)
    client.post("/signout/")
    page = client.get("/help/")
    assert page.status_code == 200 and "emergency" in page.content.decode().lower()


def test_a_new_passphrase_signs_out_every_other_browser(client):
    from django.test import Client

    code = set_up_with_passphrase(client)
    other = Client()
    assert other.post("/signin/", {"passphrase": PASSPHRASE}).status_code == 302
    assert other.get("/").status_code == 200

    changed = client.post("/settings/passphrase/", {"action": "change", "current": PASSPHRASE,
                                                   "new": "another long passphrase",
                                                   "new_again": "another long passphrase"})
    assert changed.status_code == 302
    assert client.get("/").status_code == 200  # the browser that changed it stays in
    assert other.get("/").url.startswith("/signin/")

    assert other.post("/signin/", {"passphrase": "another long passphrase"}).status_code == 302
    third = Client()
    recovered = third.post("/signin/recover/", {"code": code, "new": "a third long passphrase",
                                                "new_again": "a third long passphrase"})
    assert recovered.status_code == 302 and third.get("/").status_code == 200
    assert client.get("/").url.startswith("/signin/")
    assert other.get("/").url.startswith("/signin/")


def test_adding_a_passphrase_signs_out_other_browsers(signed_in):
    from django.test import Client

    other = Client()
    other.force_login(services.local_profile().user)
    assert other.get("/").status_code == 200
    added = signed_in.post("/settings/passphrase/", {"new": "a brand new passphrase",
                                                     "new_again": "a brand new passphrase"})
    assert added.status_code == 200 and "recovery code" in added.content.decode()
    assert signed_in.get("/").status_code == 200
    assert other.get("/").url.startswith("/signin/")


def test_the_database_counts_as_open_only_once_it_is_ready_and_a_keyless_opening_never_replaces_a_key():
    services.set_up_local_profile(timezone="UTC", passphrase=PASSPHRASE)
    key = vault.key()
    assert key is not None and vault.is_open() and vault.is_keyed()
    # A request for a profile without a passphrase opens only a closed database...
    vault.open_with(None, only_if_closed=True)
    assert vault.key() == key and vault.is_open()
    vault.lock()
    assert (vault.key(), vault.is_keyed(), vault.is_open()) == (None, False, False)
    # ... and waits for an opening under way (one at a time) rather than seeing it half done.
    import threading

    seen = []
    with vault.exclusive():
        other = threading.Thread(target=lambda: (vault.open_with(None, only_if_closed=True),
                                                 seen.append(vault.is_open())))
        other.start()
        other.join(timeout=0.3)
        assert other.is_alive() and seen == []  # held back while the swap is under way
        vault.open_with(key)
    other.join(timeout=10)
    assert seen == [True] and vault.key() == key
