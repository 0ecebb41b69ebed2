"""Fixtures shared by every test: a fresh data directory, the mode, and people."""

from __future__ import annotations

import pytest

from tests.db.conftest import KEY_2025, keys_value


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):
    """Each test gets its own data directory, in local mode unless it asks otherwise."""
    settings.DATA_DIR = tmp_path
    settings.THAWING_MODE = "local"
    return tmp_path


@pytest.fixture(autouse=True)
def fresh_cache():
    """Sign-in counts and other cached values never leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def server_mode(settings):
    settings.THAWING_MODE = "server"
    return settings


@pytest.fixture
def local_user(db):
    """A local profile without a passphrase, in London."""
    from thawing.accounts import services

    return services.set_up_local_profile(name="Sam", timezone="Europe/London", country="GB",
                                         passphrase=None)


@pytest.fixture
def make_account(db):
    """Server-mode accounts, each with its own profile."""
    from thawing.accounts import services

    def make(username: str = "robin", password: str = "a long enough passphrase",
             timezone: str = "UTC") -> object:
        return services.create_account(username=username, password=password, timezone=timezone)

    return make


@pytest.fixture
def signed_in(client, local_user):
    client.force_login(local_user)
    return client


@pytest.fixture(autouse=True)
def locked_vault():
    """Every test starts and ends with no data key held in the process."""
    from thawing.accounts import vault

    vault.lock()
    yield
    vault.lock()


@pytest.fixture
def field_keys(monkeypatch):
    """Field encryption on with key "k2025"; call it with other pairs to change the keyring
    (none: off)."""

    def use(*pairs: tuple[str, bytes]) -> None:
        if pairs:
            monkeypatch.setenv("THAWING_FIELD_KEYS", keys_value(*pairs))
        else:
            monkeypatch.delenv("THAWING_FIELD_KEYS", raising=False)

    use(("k2025", KEY_2025))
    yield use
    # The process remembers whether rotate-key has finished and what it has logged: forget it.
    from thawing.db.fields import forget_process_state

    forget_process_state()
