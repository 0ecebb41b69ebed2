"""Encryption of single free-text values in the database (server mode), with named keys.

Envelope format, version 1 (a text value, stored in place of the plaintext):

    "tenc1:" + KEY_ID + ":" + base64url(NONCE + CIPHERTEXT_AND_TAG), without "=" padding

    KEY_ID  the name of the key under which the value was encrypted: 1-32 characters of
            A-Z a-z 0-9 _ . - (never a colon), so a keyring can hold old and new keys
    NONCE   12 random bytes, new for every value
    CIPHERTEXT_AND_TAG  AES-256-GCM of the UTF-8 plaintext; the 16-byte tag at the end
    AAD     the column identity as ASCII, like b"journal_entry.body": a value copied into
            another column (or another table) fails to decrypt instead of being shown there

A value without the "tenc1:" prefix is plaintext written before encryption was turned on: it
is returned as it is, so turning encryption on needs no migration of data (re-encrypting
the keyring's current key then converts it). Readers detect the version by the prefix; a new
scheme is a new prefix, never an edit of this one. Renaming a table or a column changes the
AAD, so such a rename must decrypt and re-encrypt the column in the same migration.
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

PREFIX = "tenc1:"
KEY_BYTES = 32
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_ID = re.compile(r"[A-Za-z0-9_.-]{1,32}")


class FieldKeyError(ThawingError):
    """An encrypted value that cannot be opened: its key is missing or wrong, or it was changed.

    The message is for the operator: it names the column and the key id, never the text.
    """


@dataclass(frozen=True)
class Keyring:
    """The field keys by id; `current` encrypts new values, every key decrypts."""

    current: str
    keys: Mapping[str, bytes]


def is_encrypted(stored: str) -> bool:
    """True for an envelope: the prefix, a well-formed key id and its colon (plain text may start
    with "tenc1:" too, and must then stay plain text, never be mistaken for ciphertext)."""
    if not stored.startswith(PREFIX):
        return False
    key_id, colon, _ = stored[len(PREFIX):].partition(":")
    return bool(colon) and KEY_ID.fullmatch(key_id) is not None


def key_id_of(stored: str) -> str | None:
    """The key id an envelope names, None for plaintext."""
    if not is_encrypted(stored):
        return None
    return stored[len(PREFIX):].split(":", 1)[0]


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


def encrypt(text: str, key_id: str, key: bytes, aad: str) -> str:
    """`text` sealed under `key` in a version 1 envelope bound to the column `aad`."""
    if not KEY_ID.fullmatch(key_id):
        raise ValueError("A field key id is 1-32 characters of letters, digits, _ . or -.")
    nonce = os.urandom(NONCE_BYTES)
    sealed = _cipher(key).encrypt(nonce, text.encode("utf-8", "surrogatepass"), aad.encode("ascii"))
    return f"{PREFIX}{key_id}:{base64.urlsafe_b64encode(nonce + sealed).rstrip(b'=').decode('ascii')}"


def decrypt(stored: str, keys: Mapping[str, bytes], aad: str) -> str:
    """The plaintext of an envelope (or `stored` itself when it is plaintext); FieldKeyError if not."""
    from cryptography.exceptions import InvalidTag

    if not is_encrypted(stored):
        return stored
    key_id, _, payload = stored[len(PREFIX):].partition(":")
    key = keys.get(key_id)
    if key is None:
        raise FieldKeyError(
            f"A value in {aad} is encrypted with field key {key_id!r}, which is not in "
            "THAWING_FIELD_KEYS. Add that key back after the current one (see docs/deploy-keys.md).")
    try:
        raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        if len(raw) < NONCE_BYTES + TAG_BYTES:
            raise ValueError("too short")
        plain = _cipher(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], aad.encode("ascii"))
    except (InvalidTag, binascii.Error, ValueError):
        raise FieldKeyError(
            f"A value in {aad} could not be decrypted with field key {key_id!r}: the key is not the "
            "one it was written with, or the stored value was changed or moved from another column."
        ) from None
    return plain.decode("utf-8", "surrogatepass")
