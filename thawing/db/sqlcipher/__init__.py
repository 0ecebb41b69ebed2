"""SQLite through SQLCipher: the Django backend (`base`) and what the quick commands share with it."""

from __future__ import annotations

from typing import Any


def apply_key(conn: Any, key: bytes | None) -> None:
    """Give the key as the very first statement, as SQLCipher requires (raw: no key derivation)."""
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
