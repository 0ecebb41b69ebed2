"""A profile without a passphrase opens for this computer only: how Thawing makes sure of it.

Such a profile has no secret to ask for, so the address a request comes from is all that stands
between it and anyone else. That address means "this computer" only when Thawing's own server
(`thawing serve`) listens on loopback with no reverse proxy in front: behind a proxy on the same
computer (THAWING_BEHIND_PROXY, or nginx or Caddy in front of gunicorn) every request arrives from
127.0.0.1, whoever sent it. So:

- `thawing serve` refuses `--host` and THAWING_BEHIND_PROXY for such a profile, and `thawing.wsgi`
  (loaded by another WSGI server) refuses to start on one;
- each request to such a profile counts as this computer's only when it comes from a loopback
  address, carries no forwarding header, is not behind a proxy, and did not come through
  `thawing.wsgi` (which marks its requests). Anything else is refused, signed-in cookie or not.

A proxy that adds no forwarding header in front of `thawing serve` cannot be seen from here: the
README says never to put one in front of a profile without a passphrase.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.conf import settings

from thawing.core.errors import ThawingError
from thawing.core.i18n import msg

LOOPBACK_ADDRESSES = frozenset({"127.0.0.1", "::1"})
# Headers a reverse proxy adds to say who the request came from (as Django's META names them).
FORWARDING_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP", "HTTP_X_FORWARDED_HOST",
                      "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_BY", "HTTP_X_FORWARDED_PORT",
                      "HTTP_CLIENT_IP", "HTTP_TRUE_CLIENT_IP", "HTTP_X_CLIENT_IP", "HTTP_VIA")
# Set by thawing.cli.server on requests in which it found (and then removed) a forwarding header.
FORWARDED_KEY = "thawing.forwarded"
SERVER_KEY = "thawing.server"

ELSEWHERE_REFUSED = msg(
    "This Thawing has no passphrase, so it opens only in a browser on the computer it runs on, "
    "never from elsewhere or through a proxy. To open it from other devices, first add a "
    "passphrase in Settings, on that computer.")
PROXY_REFUSED = msg(
    "Without a passphrase, Thawing opens only for a browser on this very computer, and behind a "
    "proxy it can\u2019t tell who that is. Start it without THAWING_BEHIND_PROXY (just \u201cthawing "
    "serve\u201d), or first set up a passphrase (\u201cthawing init\u201d, or Settings, Passphrase), "
    "then serve it behind the proxy.")
OTHER_SERVER_REFUSED = msg(
    "This profile has no passphrase, so Thawing opens it only through \u201cthawing serve\u201d on "
    "this computer, where it can tell a browser here from one elsewhere. Run \u201cthawing serve\u201d "
    "instead, or first add a passphrase (in Settings, after \u201cthawing serve\u201d), then use this "
    "server.")


def is_from_this_computer(meta: Mapping[str, Any]) -> bool:
    """True when a request (its WSGI environ or Django META) surely comes from this computer."""
    return (meta.get("REMOTE_ADDR") in LOOPBACK_ADDRESSES
            and not settings.BEHIND_PROXY
            and meta.get(SERVER_KEY) != "wsgi"
            and not meta.get(FORWARDED_KEY)
            and not any(meta.get(name) for name in FORWARDING_HEADERS))


def has_no_passphrase(data_dir: Path) -> bool:
    """True when the data folder holds a profile set up without a passphrase (from its files only)."""
    try:
        record = json.loads((Path(data_dir) / "unlock.json").read_text())
    except (OSError, ValueError):
        return False  # not set up yet, or a damaged file that every door refuses anyway
    return isinstance(record, dict) and record.get("passphrase") is False


def check_other_server() -> None:
    """Refuse to start under another WSGI server on a local profile without a passphrase."""
    if settings.THAWING_MODE == "local" and has_no_passphrase(Path(settings.DATA_DIR)):
        raise ThawingError(OTHER_SERVER_REFUSED)
