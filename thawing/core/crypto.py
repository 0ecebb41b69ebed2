"""Passphrase keys for the local profile.

Unlock file format, version 1 (JSON, in the data directory as `unlock.json`):

    {"format": "thawing-unlock", "version": 1, "passphrase": true,
     "kdf": "argon2id", "time_cost": 3, "memory_cost": 65536, "parallelism": 1,
     "salt": "<base64, 16 bytes>", "check": "<base64 HMAC-SHA256(key, CHECK_LABEL)>"}

or, when the person chose explicitly to have no passphrase:

    {"format": "thawing-unlock", "version": 1, "passphrase": false}

The 32-byte key derived from the passphrase is never stored. The check value proves a
passphrase right without opening the database, so the same key can later open an
encrypted database (SQLCipher) whose contents cannot be read to verify anything.
Readers detect the version; a new scheme is a new version, never an edit of this one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw

from thawing.core.errors import InvalidInput, ThawingError, WrongPassphrase
from thawing.core.i18n import msg

FORMAT = "thawing-unlock"
VERSION = 1
CHECK_LABEL = b"thawing-unlock-check-v1"
KEY_BYTES = 32
PASSPHRASE_MIN = 8
PASSPHRASE_MAX = 1024


@dataclass(frozen=True)
class KdfParams:
    time_cost: int = 3
    memory_cost: int = 64 * 1024  # KiB: 64 MiB makes each guess expensive on a GPU
    parallelism: int = 1


def check_passphrase_strength(passphrase: str) -> None:
    """Refuse passphrases too short to protect a journal, kindly."""
    if len(passphrase) < PASSPHRASE_MIN:
        raise InvalidInput({"passphrase": msg(
            "Please choose a passphrase of at least %(n)s characters. A few ordinary words "
            "in a row are easy to remember and hard to guess.", n=PASSPHRASE_MIN)})
    if len(passphrase) > PASSPHRASE_MAX:
        raise InvalidInput({"passphrase": msg("That passphrase is longer than I can use.")})


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """A 32-byte key from a passphrase with Argon2id (memory-hard)."""
    return hash_secret_raw(
        passphrase.encode("utf-8"), salt, time_cost=params.time_cost,
        memory_cost=params.memory_cost, parallelism=params.parallelism,
        hash_len=KEY_BYTES, type=Type.ID,
    )


def _check_value(key: bytes) -> bytes:
    return hmac.new(key, CHECK_LABEL, hashlib.sha256).digest()


def new_unlock_record(passphrase: str | None, params: KdfParams = KdfParams()) -> dict[str, Any]:
    """The unlock record for a new profile; `None` means no passphrase, chosen explicitly."""
    if passphrase is None:
        return {"format": FORMAT, "version": VERSION, "passphrase": False}
    check_passphrase_strength(passphrase)
    salt = os.urandom(16)
    key = derive_key(passphrase, salt, params)
    return {
        "format": FORMAT, "version": VERSION, "passphrase": True, "kdf": "argon2id",
        "time_cost": params.time_cost, "memory_cost": params.memory_cost,
        "parallelism": params.parallelism,
        "salt": base64.b64encode(salt).decode(), "check": base64.b64encode(_check_value(key)).decode(),
    }


def needs_passphrase(record: Mapping[str, Any]) -> bool:
    _check_format(record)
    return bool(record["passphrase"])


def unlock(record: Mapping[str, Any], passphrase: str | None) -> bytes | None:
    """The key for this record, None when it has no passphrase; WrongPassphrase otherwise."""
    if not needs_passphrase(record):
        return None
    if not passphrase:
        raise WrongPassphrase(msg("Please enter your passphrase."))
    params = KdfParams(record["time_cost"], record["memory_cost"], record["parallelism"])
    key = derive_key(passphrase, base64.b64decode(record["salt"]), params)
    if not hmac.compare_digest(_check_value(key), base64.b64decode(record["check"])):
        raise WrongPassphrase(msg(
            "That passphrase doesn\u2019t match. Take your time and try again; "
            "capital letters and spaces count."))
    return key


def _check_format(record: Mapping[str, Any]) -> None:
    if record.get("format") != FORMAT or record.get("version") != VERSION:
        raise ThawingError(msg(
            "The unlock file in your data folder is from a newer or unknown version of "
            "Thawing. Please update Thawing."))
