"""Slowing down guessing: after a few wrong tries, each next try waits longer.

Counts live in Django's cache (in memory, per process, unless an operator configures a
shared cache). Hashing a passphrase takes tens of MiB, so only a few run at once.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.core.cache import cache

from thawing.core.errors import ThawingError
from thawing.core.i18n import msg

FREE_TRIES = 5
WINDOW = 15 * 60
FIRST_WAIT = 30
MAX_WAIT = 15 * 60
_HASHING = threading.BoundedSemaphore(2)


class TooManyTries(ThawingError):
    """Sign-in paused for a while after repeated wrong tries."""


def _cache_key(key: str) -> str:
    return "thawing-signin:" + hashlib.sha256(key.encode()).hexdigest()


def check(keys: Iterable[str]) -> None:
    """TooManyTries if any of these keys (an address, an account) is waiting."""
    now = time.time()
    waits = [entry["until"] - now for key in keys
             if (entry := cache.get(_cache_key(key))) and entry.get("until", 0) > now]
    if waits:
        minutes = max(1, round(max(waits) / 60))
        raise TooManyTries(msg(
            "There have been several wrong tries, so signing in is paused for about "
            "%(minutes)s minute(s). Take a breath; your data is safe.", minutes=minutes))


def failed(keys: Iterable[str]) -> None:
    """Count a wrong try; from the sixth on, each one doubles the wait."""
    now = time.time()
    for key in keys:
        entry = cache.get(_cache_key(key)) or {"count": 0, "until": 0}
        entry["count"] += 1
        extra = entry["count"] - FREE_TRIES
        if extra >= 0:
            entry["until"] = now + min(MAX_WAIT, FIRST_WAIT * 2 ** extra)
        cache.set(_cache_key(key), entry, timeout=WINDOW + MAX_WAIT)


def succeeded(keys: Iterable[str]) -> None:
    cache.delete_many([_cache_key(key) for key in keys])


@contextmanager
def hashing() -> Iterator[None]:
    """Ration memory-hard hashing so a burst of sign-ins cannot exhaust memory."""
    with _HASHING:
        yield
