"""SQLite through SQLCipher: the Django backend (`base`) and what the quick commands share with it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


def apply_key(conn: Any, key: bytes | None) -> None:
    """Give the key as the very first statement, as SQLCipher requires (raw: no key derivation)."""
    if key is not None:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


def create_private(path: str | Path) -> None:
    """Make an empty file readable by its owner only, unless it exists: SQLite then fills it.

    SQLite creates a missing database file with the umask's mode (often 0644), and its -wal and
    -shm files copy the database file's mode, so starting from 0600 keeps all three private.
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
