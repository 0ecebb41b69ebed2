"""The local database's key, held in this process only while Thawing is unlocked.

Local mode keeps every record in one SQLite file encrypted with SQLCipher. Its data key is
unwrapped from `unlock.json` by the passphrase (or the recovery code) and kept here, in memory,
until the person locks Thawing or the process ends; it is never written anywhere.
"""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

from django.conf import settings

_lock = threading.Lock()
# Held while the database is opened (and migrated) or its file swapped: one at a time, and a
# request that wants the database open waits until it is ready rather than seeing it half-way.
_opening = threading.RLock()
_key: bytes | None = None
_keyed = False  # the key is known (while the schema is brought up to date, not yet open)
_open = False
# Which file was opened (device, inode): another process may replace it (a restore, a new key).
_opened_file: tuple[int, int] | None = None
PLAIN_HEADER = b"SQLite format 3\x00"


def key() -> bytes | None:
    """The data key while unlocked, else None."""
    return _key


def is_keyed() -> bool:
    """True once the key (or the choice of none) is known in this process, open or opening."""
    return _keyed


def is_open() -> bool:
    """True once the database has been opened (with its key, or none chosen) in this process."""
    return _open


def still_current() -> bool:
    """False when the database file was replaced since it was opened here (by another process)."""
    path = database_path()
    if not _open or path is None or _opened_file is None:
        return True
    try:
        found = path.stat()
    except OSError:
        return False
    return (found.st_dev, found.st_ino) == _opened_file


def database_path() -> Path | None:
    """The SQLite file in local mode, None in server mode (PostgreSQL)."""
    name = settings.DATABASES["default"]["NAME"]
    if settings.DATABASES["default"]["ENGINE"] != "thawing.db.sqlcipher" or str(name).startswith(
            ("file:", ":memory:")):
        return None
    return Path(name)


def is_plain(path: Path) -> bool:
    """True for an unencrypted SQLite file (as Thawing 0.1 wrote them)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except FileNotFoundError:
        return False


def open_with(data_key: bytes | None, *, only_if_closed: bool = False) -> None:
    """Use `data_key` for every new connection, encrypt an old plain file, bring the schema up to date.

    The database counts as open only once its schema is up to date. `only_if_closed` (a profile
    without a passphrase, opened by whichever request comes first) leaves an open one as it is.
    """
    global _key, _keyed, _open, _opened_file
    from django.db import connections

    with _opening:
        if (_open and _key == data_key) or (only_if_closed and _open):
            return
        path = database_path()
        with _lock:
            _open = False
            if path is not None:
                # Connections opened before carry no key (or another one): start afresh.
                connections.close_all()
            if data_key is not None and path is not None and is_plain(path):
                encrypt_in_place(path, data_key)
            _key, _keyed = data_key, True
        from thawing.db.schema import migrate, pending_migrations

        if path is not None and path.exists() and path.stat().st_size > 0 and pending_migrations():
            from thawing.accounts.backup import make_backup

            # An upgrade changes the schema: keep a copy of the data as it was, just in case.
            if (Path(settings.DATA_DIR) / "unlock.json").exists():
                make_backup(reason="before-migration")
        migrate()
        found = path.stat() if path is not None and path.exists() else None
        _opened_file = (found.st_dev, found.st_ino) if found is not None else None
        _open = True


def exclusive() -> threading.RLock:
    """Hold this (`with vault.exclusive():`) while the database file is swapped or removed."""
    return _opening


def lock() -> None:
    """Forget the key: the data stays unreadable until the next unlock."""
    global _key, _keyed, _open
    from django.db import connections

    with _opening, _lock:
        _key, _keyed, _open = None, False, False
        if database_path() is not None:
            connections.close_all()


def keep_private(folder: Path) -> None:
    """Make the data folder, and every file and folder Thawing keeps in it, its owner's only.

    Run at every start, not only when the folder is made: a folder that existed already (made by
    hand, or by an older Thawing) may have let others read files made in it.
    """
    for path in (folder, *_kept_in(folder)):
        try:
            mode = path.lstat().st_mode
            if stat.S_ISDIR(mode) and stat.S_IMODE(mode) != 0o700:
                path.chmod(0o700)
            elif stat.S_ISREG(mode) and stat.S_IMODE(mode) & 0o077:
                path.chmod(0o600)
        except OSError:
            continue  # gone meanwhile, or not ours to change (an operator's folder): leave it


def _kept_in(folder: Path) -> list[Path]:
    found: list[Path] = []
    try:
        for path in folder.iterdir():
            found.append(path)
            if path.is_dir() and not path.is_symlink():
                found.extend(path.iterdir())
    except OSError:
        pass
    return found


def encrypt_in_place(path: Path, data_key: bytes, *, before_swap: Callable[[], None] | None = None) -> None:
    """Turn a plain SQLite file into an encrypted one; a crash midway leaves the plain file whole.

    `before_swap` runs once the encrypted copy is complete, just before it replaces the plain file
    (used to write the new unlock record first, so the key is never lost).
    """
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)
    export_copy(path, target, old_key=None, new_key=data_key)
    if before_swap is not None:
        before_swap()
    os.replace(target, path)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)



def export_copy(source: Path, target: Path, *, old_key: bytes | None, new_key: bytes) -> None:
    """Copy the database at `source` (opened with `old_key`) into a new owner-only file under `new_key`.

    SQLCipher's sqlcipher_export writes every table, index and row again, encrypted afresh;
    `source` is left as it was (its write-ahead log folded in first), `target` is synced to disk.
    """
    import sqlcipher3.dbapi2 as sqlcipher

    from thawing.db.sqlcipher import apply_key, create_private

    create_private(target)
    conn = sqlcipher.connect(str(source))
    try:
        apply_key(conn, old_key)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute(f"ATTACH DATABASE ? AS exported KEY \"x'{new_key.hex()}'\"", (str(target),))
        conn.execute("SELECT sqlcipher_export('exported')")
        conn.execute("DETACH DATABASE exported")
    finally:
        conn.close()
    with target.open("rb") as handle:
        os.fsync(handle.fileno())


def opens_with(path: Path, data_key: bytes | None) -> bool:
    """True when `data_key` (None: no key) opens the database file at `path`."""
    import sqlcipher3.dbapi2 as sqlcipher

    from thawing.db.sqlcipher import apply_key

    conn = sqlcipher.connect(str(path))
    try:
        # A wrong key is an answer here, not an error for SQLCipher to print.
        conn.execute("PRAGMA cipher_log_level = NONE")
        apply_key(conn, data_key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError:
        return False
    finally:
        conn.close()
