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

Unlock file format, version 2 (written from Thawing 0.2 on):

    {"format": "thawing-unlock", "version": 2, "passphrase": true,
     "slots": {"passphrase": SLOT, "recovery": SLOT}}          # "recovery" is optional

    SLOT = {"kdf": "argon2id", "time_cost": 3, "memory_cost": 65536, "parallelism": 1,
            "salt": "<base64, 16 bytes>", "nonce": "<base64, 12 bytes>",
            "wrapped": "<base64 AES-256-GCM(kek, data key, aad=b'thawing-unlock-v2:' + slot name)>"}

The database is encrypted with a random 32-byte data key. Each slot wraps that key under a
key-encryption key derived (Argon2id) from the passphrase or from the recovery code, so a
passphrase can change, and a recovery code can open the data, without re-encrypting the
database. The GCM tag proves a passphrase right. Version 1 records still open: their data key
is the key derived from the passphrase itself.

Unlock file format, version 3 (written from Thawing 0.3 on, once a record has a recovery slot):

    {"format": "thawing-unlock", "version": 3, "passphrase": true,
     "slots": {"passphrase": SLOT, "recovery": RECOVERY}}      # SLOT as in version 2

    RECOVERY = {"kdf": "argon2id", "time_cost": 3, "memory_cost": 65536, "parallelism": 1,
                "salt": "<base64, 16 bytes>",
                "public": "<base64 X25519 public key of the recovery code, 32 bytes>",
                "ephemeral": "<base64 X25519 public key made for this wrapping, 32 bytes>",
                "nonce": "<base64, 12 bytes>",
                "wrapped": "<base64 AES-256-GCM(kek, data key, aad=b'thawing-unlock-v3:recovery')>"}

The recovery code's X25519 private key is Argon2id(code, salt); kek is HKDF-SHA256 of the X25519
exchange between the ephemeral key and the code's key (salt: ephemeral + public, info: the aad).
Wrapping a data key to the code's public key needs no code, so when a change of passphrase gives
the database a new data key (thawing.accounts.rekey) the recovery code is given it too and keeps
working, while the old passphrase, even with an old copy of this file, opens only the old key.
A version 2 record's recovery slot cannot be carried so: a passphrase change gives it a new code.
A record without a recovery slot is still written as version 2.
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
VERSION_2 = 2
VERSION_3 = 3
SLOTTED = (VERSION_2, VERSION_3)
SLOT_AAD = b"thawing-unlock-v2:"
RECOVERY_AAD = b"thawing-unlock-v3:recovery"
# Crockford's base32 alphabet: no I, L, O or U to misread.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS, RECOVERY_GROUP = 6, 4
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
    """The data key for this record, None when it has no passphrase; WrongPassphrase otherwise."""
    if not needs_passphrase(record):
        return None
    if not passphrase:
        raise WrongPassphrase(msg("Please enter your passphrase."))
    if record["version"] in SLOTTED:
        return _open_slot(record["slots"]["passphrase"], "passphrase", passphrase)
    params = KdfParams(record["time_cost"], record["memory_cost"], record["parallelism"])
    key = derive_key(passphrase, base64.b64decode(record["salt"]), params)
    if not hmac.compare_digest(_check_value(key), base64.b64decode(record["check"])):
        raise WrongPassphrase(msg(
            "That passphrase doesn\u2019t match. Take your time and try again; "
            "capital letters and spaces count."))
    return key


def _check_format(record: Mapping[str, Any]) -> None:
    if not isinstance(record, Mapping):
        raise DamagedRecord(DAMAGED)
    if record.get("format") != FORMAT or record.get("version") not in (VERSION, *SLOTTED) or \
            isinstance(record.get("version"), bool):
        raise ThawingError(msg(
            "The unlock file in your data folder is from a newer or unknown version of "
            "Thawing. Please update Thawing."))
    check_record(record)


class DamagedRecord(ThawingError):
    """An unlock record that is not whole, or asks for more than Thawing ever would."""


DAMAGED = msg("The unlock file in your data folder is damaged. Restore it from a backup.")
# Bounds on a record's Argon2id parameters: far above what Thawing writes (3, 64 MiB, 1), yet a
# record read from a crafted backup cannot ask for terabytes of memory or days of hashing.
KDF_LIMITS = {"time_cost": (1, 10), "memory_cost": (8 * 1024, 1024 * 1024), "parallelism": (1, 16)}
B64_LENGTHS = {"salt": (16, 16), "check": (32, 32), "nonce": (12, 12), "wrapped": (KEY_BYTES + 16,) * 2,
               "public": (32, 32), "ephemeral": (32, 32)}


def check_record(record: Mapping[str, Any]) -> None:
    """DamagedRecord unless a version 1 or 2 record has every part, of the right type and size."""
    if not isinstance(record.get("passphrase"), bool):
        raise DamagedRecord(DAMAGED)
    if not record["passphrase"]:
        return
    if record["version"] == VERSION:
        _check_kdf(record, ("salt", "check"))
        return
    slots = record.get("slots")
    if not isinstance(slots, Mapping) or "passphrase" not in slots or set(slots) - {"passphrase", "recovery"}:
        raise DamagedRecord(DAMAGED)
    for name, slot in slots.items():
        x25519 = record["version"] == VERSION_3 and name == "recovery"
        _check_kdf(slot, ("salt", "public", "ephemeral", "nonce", "wrapped") if x25519
                   else ("salt", "nonce", "wrapped"))


def _check_kdf(part: object, encoded: tuple[str, ...]) -> None:
    if not isinstance(part, Mapping) or part.get("kdf") != "argon2id":
        raise DamagedRecord(DAMAGED)
    for name, (low, high) in KDF_LIMITS.items():
        value = part.get(name)
        if type(value) is not int or not low <= value <= high:
            raise DamagedRecord(DAMAGED)
    for name in encoded:
        value = part.get(name)
        low, high = B64_LENGTHS[name]
        try:
            size = len(base64.b64decode(value, validate=True)) if isinstance(value, str) else -1
        except ValueError:
            size = -1
        if not low <= size <= high:
            raise DamagedRecord(DAMAGED)


# --- Version 2: a random data key wrapped in slots ---------------------------------------

def _new_slot(name: str, secret: str, data_key: bytes, params: KdfParams) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt, nonce = os.urandom(16), os.urandom(12)
    kek = derive_key(secret, salt, params)
    wrapped = AESGCM(kek).encrypt(nonce, data_key, SLOT_AAD + name.encode())
    return {"kdf": "argon2id", "time_cost": params.time_cost, "memory_cost": params.memory_cost,
            "parallelism": params.parallelism, "salt": base64.b64encode(salt).decode(),
            "nonce": base64.b64encode(nonce).decode(), "wrapped": base64.b64encode(wrapped).decode()}


def _open_slot(slot: Mapping[str, Any], name: str, secret: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params = KdfParams(slot["time_cost"], slot["memory_cost"], slot["parallelism"])
    kek = derive_key(secret, base64.b64decode(slot["salt"]), params)
    try:
        return AESGCM(kek).decrypt(base64.b64decode(slot["nonce"]), base64.b64decode(slot["wrapped"]),
                                   SLOT_AAD + name.encode())
    except InvalidTag:
        raise WrongPassphrase(msg(
            "That passphrase doesn\u2019t match. Take your time and try again; "
            "capital letters and spaces count.") if name == "passphrase" else msg(
            "That recovery code doesn\u2019t match. Check each group of letters and numbers.")) from None


def new_data_key() -> bytes:
    return os.urandom(KEY_BYTES)


def wrap_record(passphrase: str, data_key: bytes, params: KdfParams = KdfParams(),
                recovery_slot: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """An unlock record holding `data_key` under `passphrase` (and a recovery slot, as given).

    Version 3 with a recovery slot of version 3 (see carry_recovery), else version 2.
    """
    check_passphrase_strength(passphrase)
    slots: dict[str, Any] = {"passphrase": _new_slot("passphrase", passphrase, data_key, params)}
    if recovery_slot is not None:
        slots["recovery"] = dict(recovery_slot)
    version = VERSION_3 if recovery_slot is not None and "public" in recovery_slot else VERSION_2
    return {"format": FORMAT, "version": version, "passphrase": True, "slots": slots}


def new_recovery_code(random_bytes: bytes | None = None) -> str:
    """A recovery code: 24 characters of Crockford base32 in groups of four (120 bits)."""
    raw = int.from_bytes(random_bytes or os.urandom(15), "big")
    chars = []
    for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP):
        raw, index = divmod(raw, 32)
        chars.append(RECOVERY_ALPHABET[index])
    return "-".join("".join(chars[i:i + RECOVERY_GROUP])
                    for i in range(0, len(chars), RECOVERY_GROUP))


def normalise_recovery_code(code: str) -> str:
    """The code as written at setup, from what a person types (spaces, case, O for 0, I/L for 1)."""
    text = "".join(c for c in code.upper() if c.isalnum())
    text = text.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    return "-".join(text[i:i + RECOVERY_GROUP] for i in range(0, len(text), RECOVERY_GROUP))


def add_recovery(record: Mapping[str, Any], data_key: bytes, code: str,
                 params: KdfParams = KdfParams()) -> dict[str, Any]:
    """The record (version 3) with a (new) recovery slot for `code`; an older code stops working."""
    salt = os.urandom(16)
    public = _raw_public(_recovery_private(code, salt, params))
    slot = {"kdf": "argon2id", "time_cost": params.time_cost, "memory_cost": params.memory_cost,
            "parallelism": params.parallelism, "salt": base64.b64encode(salt).decode(),
            "public": base64.b64encode(public).decode(), **_wrap_to(public, data_key)}
    return {**record, "version": VERSION_3, "slots": {**record["slots"], "recovery": slot}}


def carry_recovery(record: Mapping[str, Any], data_key: bytes) -> dict[str, Any] | None:
    """The record's recovery slot wrapping `data_key` instead, without the code; None if it can't be.

    Only a version 3 slot can be carried (it needs just the code's public key); a version 2 slot,
    or none, gives None, and the caller makes a new code.
    """
    slot = (record.get("slots") or {}).get("recovery") if record.get("version") == VERSION_3 else None
    if slot is None:
        return None
    return {**slot, **_wrap_to(base64.b64decode(slot["public"]), data_key)}


def unlock_with_recovery(record: Mapping[str, Any], code: str) -> bytes:
    """The data key from the recovery code; WrongPassphrase if it does not match or there is none."""
    _check_format(record)
    slot = record.get("slots", {}).get("recovery") if record.get("version") in SLOTTED else None
    if slot is None:
        raise WrongPassphrase(msg("This profile has no recovery code yet."))
    if record["version"] == VERSION_2:
        return _open_slot(slot, "recovery", normalise_recovery_code(code))
    return _open_recovery(slot, code)


def upgraded(record: Mapping[str, Any], passphrase: str, data_key: bytes,
             params: KdfParams = KdfParams()) -> dict[str, Any]:
    """A version 1 record rewritten as version 2 around the same data key."""
    if record.get("version") in SLOTTED:
        return dict(record)
    return wrap_record(passphrase, data_key, params)


# --- Version 3: the recovery code as an X25519 key pair ----------------------------------

def _recovery_private(code: str, salt: bytes, params: KdfParams) -> Any:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return X25519PrivateKey.from_private_bytes(derive_key(normalise_recovery_code(code), salt, params))


def _raw_public(private: Any) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _kek(shared: bytes, ephemeral: bytes, public: bytes) -> bytes:
    from cryptography.hazmat.primitives.hashes import SHA256
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(SHA256(), KEY_BYTES, salt=ephemeral + public, info=RECOVERY_AAD).derive(shared)


def _wrap_to(public: bytes, data_key: bytes) -> dict[str, str]:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ephemeral = X25519PrivateKey.generate()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    ephemeral_public, nonce = _raw_public(ephemeral), os.urandom(12)
    wrapped = AESGCM(_kek(shared, ephemeral_public, public)).encrypt(nonce, data_key, RECOVERY_AAD)
    return {"ephemeral": base64.b64encode(ephemeral_public).decode(),
            "nonce": base64.b64encode(nonce).decode(), "wrapped": base64.b64encode(wrapped).decode()}


def _open_recovery(slot: Mapping[str, Any], code: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    params = KdfParams(slot["time_cost"], slot["memory_cost"], slot["parallelism"])
    private = _recovery_private(code, base64.b64decode(slot["salt"]), params)
    public, ephemeral = base64.b64decode(slot["public"]), base64.b64decode(slot["ephemeral"])
    wrong = WrongPassphrase(msg(
        "That recovery code doesn\u2019t match. Check each group of letters and numbers."))
    if not hmac.compare_digest(_raw_public(private), public):
        raise wrong
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral))
        return AESGCM(_kek(shared, ephemeral, public)).decrypt(
            base64.b64decode(slot["nonce"]), base64.b64decode(slot["wrapped"]), RECOVERY_AAD)
    except (InvalidTag, ValueError):
        raise wrong from None
