"""Slowing down guessing: a few free tries, then each next try waits longer.

A try is reserved before any hashing starts, so guesses sent side by side get no more than the
free tries. Each try is a numbered slot in the cache, made with `cache.add`, which only one
caller can win (the memory cache holds a lock; the database cache inserts under the table's
primary key). Slot n below the free tries is a free try; slot n past them is a try only once
slot n-1 was answered wrong and its wait is over, so past the free tries guesses go one at a time.
Slots carry the UTC day in their name and last two days: a slot is never added again once it has
expired, because the database cache would let every racer overwrite an expired row at once.

Where counts live (`store`): in server mode Django's database cache (table thawing_cache, made by
migration accounts 0004), so every worker of every app server sees the same counts; in local mode
the memory of the one `thawing serve` process, because the encrypted database opens only once the
passphrase is known (see `conf.caches`).

What is counted (`RULES`, by a key's first word; keys are hashed, so no user name is stored):
    user:NAME       a server account that exists (unknown names count against the address only)
    local           the local profile
    ip:ADDRESS      the client's address (IPv6 by its /64). More free tries, as a household or an
                    office shares one, and a right answer does not forget them: otherwise signing
                    in to one's own account would clear the way to guess at everybody else's.
    signup:ADDRESS  accounts made from one address: every sign-up counts
Hashing a passphrase takes tens of MiB, so only a few run at once (`hashing`).
"""

from __future__ import annotations

import hashlib
import ipaddress
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import BaseCache, caches

from thawing.core.errors import ThawingError, WrongPassphrase
from thawing.core.i18n import msg

DAY = 24 * 60 * 60
PENDING = "pending"
_HASHING = threading.BoundedSemaphore(2)


class TooManyTries(ThawingError):
    """Sign-in (or sign-up) paused for a while after repeated tries."""


@dataclass(frozen=True)
class Rule:
    free: int
    first_wait: int = 30
    max_wait: int = 15 * 60
    # After a right answer: "forget" the wrong tries, "keep" them, or "count" this try too.
    on_success: str = "forget"
    # Tries past the free ones in one day; after them every try waits for the next day.
    spare: int = 100

    def wait_after(self, index: int) -> int:
        """Seconds the next try waits once try number `index` (from 0) went wrong."""
        extra = index + 1 - self.free
        return 0 if extra < 0 else min(self.max_wait, self.first_wait * 2 ** extra)


RULES = {
    "user": Rule(free=5),
    "local": Rule(free=5),
    "ip": Rule(free=20, on_success="keep"),
    "signup": Rule(free=10, first_wait=60, max_wait=60 * 60, on_success="count"),
}


@dataclass(frozen=True)
class Held:
    """A reserved try: slot `index` of `key` on `day`."""

    key: str
    day: int
    index: int

    @property
    def rule(self) -> Rule:
        return RULES[self.key.partition(":")[0]]

    @property
    def slot(self) -> str:
        return _slot(self.key, self.day, self.index)


def store() -> BaseCache:
    """The cache every process serving this Thawing shares (see the module's docstring)."""
    return caches["signin" if settings.THAWING_MODE == "server" else "default"]


def _normal(key: str) -> str:
    """The key with its address in one spelling; an IPv6 address stands for its /64."""
    kind, _, value = key.partition(":")
    if kind not in ("ip", "signup"):
        return key
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return key
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return f"{kind}:{address.ipv4_mapped}"
        return f"{kind}:{ipaddress.ip_network(f'{address}/64', strict=False)}"
    return f"{kind}:{address}"


def _digest(key: str) -> str:
    return hashlib.sha256(_normal(key).encode()).hexdigest()[:40]


def _slot(key: str, day: int, index: int) -> str:
    return f"thawing-try:{_digest(key)}:{day}:{index}"


def _wait_name(key: str) -> str:
    return f"thawing-wait:{_digest(key)}"


def _paused(key: str, seconds: float) -> TooManyTries:
    minutes = max(1, round(seconds / 60))
    if key.startswith("signup:"):
        return TooManyTries(msg(
            "Several accounts were made from here a moment ago, so making another is paused for "
            "about %(minutes)s minute(s). Please try again then.", minutes=minutes))
    return TooManyTries(msg(
        "There have been several wrong tries, so signing in is paused for about "
        "%(minutes)s minute(s). Take a breath; your data is safe.", minutes=minutes))


def _reserve_one(cache: BaseCache, key: str, now: float) -> Held:
    rule = RULES[key.partition(":")[0]]
    until = cache.get(_wait_name(key))
    if isinstance(until, float) and until > now:
        raise _paused(key, until - now)
    day = int(now // DAY)
    names = [_slot(key, day, index) for index in range(rule.free + rule.spare)]
    taken = cache.get_many(names)
    for index, name in enumerate(names):
        if name in taken or not cache.add(name, PENDING, timeout=2 * DAY):
            continue
        if index >= rule.free:
            # Past the free tries, one at a time: the try before must have been answered wrong
            # and its wait be over (a try still being answered, or a gap, means wait).
            before = cache.get(names[index - 1])
            ready = before + rule.wait_after(index - 1) if isinstance(before, float) else None
            if ready is None or ready > now:
                cache.delete(name)
                raise _paused(key, (ready or now + rule.first_wait) - now)
        return Held(key, day, index)
    raise _paused(key, rule.max_wait)


def reserve(keys: Iterable[str]) -> list[Held]:
    """A try on every key, or TooManyTries (and nothing reserved) if any key must wait."""
    cache, now = store(), time.time()
    held: list[Held] = []
    try:
        for key in dict.fromkeys(keys):
            held.append(_reserve_one(cache, key, now))
    except BaseException:
        release(held)
        raise
    return held


def release(held: Iterable[Held]) -> None:
    """Give reserved tries back unused (the answer could not be checked)."""
    store().delete_many([item.slot for item in held])


def failed(held: Iterable[Held]) -> None:
    """Count the tries as wrong; from the last free one on, the next try waits."""
    cache, now = store(), time.time()
    for item in held:
        cache.set(item.slot, now, timeout=2 * DAY)
        wait = item.rule.wait_after(item.index)
        if wait:
            cache.set(_wait_name(item.key), now + wait, timeout=wait)


def succeeded(held: Iterable[Held]) -> None:
    """A right answer: forget an account's wrong tries; an address keeps its count."""
    held = list(held)
    failed([item for item in held if item.rule.on_success == "count"])
    release([item for item in held if item.rule.on_success == "keep"])
    forget = [item for item in held if item.rule.on_success == "forget"]
    store().delete_many([_slot(item.key, item.day, index) for item in forget
                         for index in range(item.rule.free + item.rule.spare)]
                        + [_wait_name(item.key) for item in forget])


@contextmanager
def attempt(keys: Iterable[str], *,
            wrong: tuple[type[BaseException], ...] = (WrongPassphrase,)) -> Iterator[None]:
    """Reserve a try on every key before the answer is checked (TooManyTries if one must wait).

    An error of the `wrong` kinds counts the try; any other error gives it back unused.
    """
    held = reserve(keys)
    try:
        yield
    except wrong:
        failed(held)
        raise
    except BaseException:
        release(held)
        raise
    succeeded(held)


@contextmanager
def hashing() -> Iterator[None]:
    """Ration memory-hard hashing so a burst of sign-ins cannot exhaust memory."""
    with _HASHING:
        yield
