"""What every command-line test starts from."""

from __future__ import annotations

import io

import pytest


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch):
    """No TTY and none of the person's THAWING_* secrets, unless a test sets them."""
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    for name in ("THAWING_PASSPHRASE", "THAWING_USER", "THAWING_NEW_PASSWORD", "THAWING_DEBUG"):
        monkeypatch.delenv(name, raising=False)
