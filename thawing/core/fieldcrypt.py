"""Encryption of single free-text values in the database (server mode), with named keys.

Envelope format (a text value, stored in place of the plaintext):

    PREFIX + KEY_ID + ":" + base64url(NONCE + CIPHERTEXT_AND_TAG), without "=" padding

    PREFIX  "tenc2:" (version 2, written now) or "tenc1:" (version 1, read only)
    KEY_ID  the name of the key under which the value was encrypted: 1-32 characters of
            A-Z a-z 0-9 _ . - (never a colon), so a keyring can hold old and new keys
    NONCE   12 random bytes, new for every value
    CIPHERTEXT_AND_TAG  AES-256-GCM of the UTF-8 plaintext; the 16-byte tag at the end
    AAD     version 2: the column identity and the owner (the row's user id) as ASCII, like
            b"journal_entry.body|owner=42": a value copied into another column, or into another
            person's row, fails to open instead of being shown there.
            version 1: the column identity alone, like b"journal_entry.body" (values written
            before owners were bound; `thawing rotate-key` rewrites them as version 2).

An envelope is exactly that shape: a known prefix, a well-formed key id and its colon, then only
base64url letters decoding to at least NONCE + TAG bytes. Anything else is plain text, even if
it starts with "tenc1:", and is never decrypted. Plain text is what was written before
encryption was turned on; whether it is still accepted is decided by the caller
(thawing/db/fields.py: not once rotate-key has run). Readers detect the version by the prefix;
a new scheme is a new prefix, never an edit of an old one. Renaming a table or a column changes
the AAD, so such a rename must decrypt and re-encrypt the column in the same migration.

The row itself is not bound: none of the encrypted tables has a value known before its insert
(ids come from the insert), so a value can still be moved between two rows of the same
person's same column; that person sees their own words in the wrong place, nobody else does.
"""

from __future__ import annotations

import base64
import binascii
import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from thawing.core.errors import ThawingError

PREFIX = "tenc2:"
PREFIX_V1 = "tenc1:"
VERSION = 2
VERSIONS = {PREFIX_V1: 1, PREFIX: 2}
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_ID = re.compile(r"[A-Za-z0-9_.-]{1,32}")
_ENVELOPE = re.compile(r"(tenc[12]:)([A-Za-z0-9_.-]{1,32}):([A-Za-z0-9_-]+)")


class FieldKeyError(ThawingError):
    """An encrypted value that cannot be opened: its key is missing or wrong, it was changed or
    moved, or it is not sealed to its owner where that is required.

    The message is for the operator: it names the column and the key id, never the text.
    """


@dataclass(frozen=True)
class Keyring:
    """The field keys by id; `current` encrypts new values, every key decrypts."""

    current: str
    keys: Mapping[str, bytes]


@dataclass(frozen=True)
class Envelope:
    """A stored value taken apart: its version, key id, and nonce followed by ciphertext and tag."""

    version: int
    key_id: str
    sealed: bytes


def parse(stored: str) -> Envelope | None:
    """The envelope `stored` is, or None for plain text (anything not exactly an envelope)."""
    found = _ENVELOPE.fullmatch(stored) if stored.startswith(("tenc1:", "tenc2:")) else None
    if found is None or len(found[3]) % 4 == 1:
        return None
    payload = found[3]
    try:
        sealed = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    except (binascii.Error, ValueError):
        return None
    if len(sealed) < NONCE_BYTES + TAG_BYTES:
        return None
    return Envelope(VERSIONS[found[1]], found[2], sealed)


def is_encrypted(stored: str) -> bool:
    """True for an envelope of any version (plain text may start with "tenc1:" too, and must then
    stay plain text, never be mistaken for ciphertext)."""
    return parse(stored) is not None


def key_id_of(stored: str) -> str | None:
    """The key id an envelope names, None for plaintext."""
    envelope = parse(stored)
    return envelope.key_id if envelope else None


def aad(column: str, owner: object, *, version: int = VERSION) -> bytes:
    """What a value is sealed to: its column ("journal_entry.body") and, from version 2, its owner."""
    if version == 1:
        return column.encode("ascii")
    return f"{column}|owner={owner}".encode("ascii")


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def encode_key(key: bytes) -> str:
    """A key as the base64url text THAWING_FIELD_KEYS holds (43 characters, no padding)."""
    return base64.urlsafe_b64encode(key).rstrip(b"=").decode("ascii")


def decode_key(text: str) -> bytes | None:
    """The 32 key bytes from base64url text (padding optional), None if it is not one."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+={0,2}", text):
        return None
    try:
        key = base64.urlsafe_b64decode(text.rstrip("=") + "=" * (-len(text.rstrip("=")) % 4))
    except (binascii.Error, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


@functools.lru_cache(maxsize=16)
def _cipher(key: bytes) -> Any:
    # Imported on first use: most commands never touch an encrypted column.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    return AESGCM(key)


def encrypt(text: str, key_id: str, key: bytes, *, column: str, owner: object) -> str:
    """`text` sealed under `key` in a version 2 envelope bound to `column` and `owner`."""
    if not KEY_ID.fullmatch(key_id):
        raise ValueError("A field key id is 1-32 characters of letters, digits, _ . or -.")
    if owner is None or owner == "":
        raise ValueError(f"A value in {column} needs its owner to be sealed.")
    nonce = os.urandom(NONCE_BYTES)
    sealed = _cipher(key).encrypt(nonce, text.encode("utf-8", "surrogatepass"), aad(column, owner))
    return f"{PREFIX}{key_id}:{base64.urlsafe_b64encode(nonce + sealed).rstrip(b'=').decode('ascii')}"


def decrypt(stored: str, keys: Mapping[str, bytes], *, column: str, owner: object) -> str:
    """The plaintext of an envelope (or `stored` itself when it is plaintext); FieldKeyError if not.

    `owner` is the id of the row's owner; None when it is not known, which a version 2
    envelope refuses."""
    from cryptography.exceptions import InvalidTag

    envelope = parse(stored)
    if envelope is None:
        return stored
    key = keys.get(envelope.key_id)
    if key is None:
        raise FieldKeyError(
            f"A value in {column} is encrypted with field key {envelope.key_id!r}, which is not in "
            "THAWING_FIELD_KEYS. Add that key back after the current one (see docs/deploy-keys.md).")
    if envelope.version >= 2 and (owner is None or owner == ""):
        raise FieldKeyError(f"A value in {column} was read without its row's owner, so it stays sealed.")
    try:
        plain = _cipher(key).decrypt(envelope.sealed[:NONCE_BYTES], envelope.sealed[NONCE_BYTES:],
                                     aad(column, owner, version=envelope.version))
    except InvalidTag:
        raise FieldKeyError(
            f"A value in {column} could not be decrypted with field key {envelope.key_id!r}: the key is "
            "not the one it was written with, or the stored value was changed or moved from another "
            "column or another person's row.") from None
    return plain.decode("utf-8", "surrogatepass")
