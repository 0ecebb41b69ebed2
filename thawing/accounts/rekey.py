"""A new data key for the local database when its passphrase or recovery code changes.

Why: the database is encrypted with a data key that the passphrase and the recovery code only
unwrap (thawing.core.crypto). Had a change only re-wrapped that key, whoever knew the old secret
and kept any old copy of the unlock file (or any backup, which holds one) could still unwrap the
old key, and the old key would still open the database as it is now. So a change gives the
database a new random key, and the backups in Thawing's backups folder follow it
(thawing.accounts.backup.rekey_backups). Copies made elsewhere keep the key of their day.

How, crash-safe: SQLCipher's sqlcipher_export copies the database under the new key into
`thawing.sqlite3.rekeying`; the new unlock record waits beside it in `unlock.json.next`; the copy
replaces the database; the record replaces unlock.json. A crash before the copy replaces the
database leaves the old database and its record as they were (the leftovers are removed at the
next start). A crash after it leaves `unlock.json.next`, which the next start (`settle`) puts in
place, knowing the new database by its SQLCipher salt: the first 16 bytes of the file, random per
file and readable without the key.

Pending record format, version 1 (`unlock.json.next`, JSON):

    {"format": "thawing-rekey", "version": 1,
     "database_salt": "<hex, the first 16 bytes of the database it belongs to>",
     "record": <the new unlock record, see thawing.core.crypto>}
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from django.conf import settings

from thawing.accounts import vault

FORMAT, VERSION = "thawing-rekey", 1
SALT_BYTES = 16


def unlock_path() -> Path:
    return Path(settings.DATA_DIR) / "unlock.json"


def pending_path() -> Path:
    return Path(settings.DATA_DIR) / "unlock.json.next"


def rekey(*, old_key: bytes | None, new_key: bytes, record: dict[str, Any]) -> int:
    """Move the database (and the backups the old key opens) to `new_key`, `record` its unlock record.

    Returns how many backups were re-encrypted. The database is open with the new key afterwards.
    """
    from thawing.accounts import backup

    path = vault.database_path()
    with vault.exclusive():
        settle()
        # New requests find the profile locked, and wait, while the file is copied and swapped.
        vault.lock()
        if path is not None and path.exists() and path.stat().st_size > 0:
            _swap(path, old_key, new_key, record)
        else:
            write_private_json(unlock_path(), record)
        vault.open_with(new_key)
        return backup.rekey_backups(old_key=old_key, new_key=new_key, record=record)


def _swap(path: Path, old_key: bytes | None, new_key: bytes, record: dict[str, Any]) -> None:
    copy = path.with_name(path.name + ".rekeying")
    copy.unlink(missing_ok=True)
    vault.export_copy(path, copy, old_key=old_key, new_key=new_key)
    write_private_json(pending_path(), {"format": FORMAT, "version": VERSION,
                                        "database_salt": _salt_of(copy).hex(), "record": record})
    # The export checkpointed the old database: its -wal and -shm files hold nothing more, and
    # must not meet the new file.
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    os.replace(copy, path)
    _sync_folder(path.parent)
    _promote(record)


def settle() -> None:
    """Finish or undo a change of key that a crash stopped midway (see the top of this module)."""
    pending = pending_path()
    if not pending.exists():
        return
    with vault.exclusive():
        try:
            waiting = json.loads(pending.read_text())
            salt = bytes.fromhex(waiting["database_salt"])
            record = waiting["record"]
        except (OSError, ValueError, KeyError, TypeError):
            # Written whole or not at all, and before the database was swapped: nothing to finish.
            waiting, salt, record = None, b"", None
        path = vault.database_path()
        if waiting is not None and path is not None and len(salt) == SALT_BYTES and _salt_of(path) == salt:
            _promote(record)
        else:
            pending.unlink(missing_ok=True)
        if path is not None:
            path.with_name(path.name + ".rekeying").unlink(missing_ok=True)


def _promote(record: dict[str, Any]) -> None:
    write_private_json(unlock_path(), record)
    pending_path().unlink(missing_ok=True)
    _sync_folder(unlock_path().parent)


def _salt_of(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(SALT_BYTES)
    except OSError:
        return b""


def write_private_json(path: Path, data: Any) -> None:
    """Write beside, then rename, owner-only: a crash never leaves half a file behind."""
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` last through a power cut (where the system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
