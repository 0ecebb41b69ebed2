"""Backups, restore and deleting everything (local mode): part of the accounts services door.

Backup file format, version 1 (`thawing-backup-YYYYMMDD-HHMMSS.zip`, stored, not compressed):

    manifest.json    {"format": "thawing-backup", "version": 1, "app_version": "0.2.0",
                      "created_at": "<ISO UTC>", "reason": "manual" | "before-migration" | ...,
                      "migrations": ["app.0001_initial", ...], "encrypted": true | false}
    unlock.json      the unlock record at the time of the backup (see thawing.core.crypto)
    thawing.sqlite3  a consistent snapshot made with SQLite's online backup API, encrypted with
                     the same data key as the live database when the profile has a passphrase

A backup therefore opens with the passphrase (or recovery code) that was valid when it was
made. Readers check the format and version and refuse newer ones; old readers stay.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings

import thawing
from thawing.accounts import bundles, help_country, vault
from thawing.core import crypto
from thawing.core.errors import InvalidInput, ThawingError, WrongPassphrase
from thawing.core.i18n import msg

FORMAT, VERSION = bundles.FORMAT, bundles.VERSION
KEEP = 10
MEMBERS = bundles.MEMBERS


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    reason: str
    size: int


def backups_dir() -> Path:
    return Path(settings.DATA_DIR) / "backups"


def _local_only() -> Path:
    path = vault.database_path()
    if settings.THAWING_MODE != "local" or path is None:
        raise ThawingError(msg(
            "Backups here are for the local database. In server mode, back up PostgreSQL with "
            "pg_dump (see docs/deploy.md)."))
    return path


def _applied_migrations() -> list[str]:
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def _snapshot(source: Path, target: Path, data_key: bytes | None) -> None:
    """A consistent copy of a live database, even while the server writes to it."""
    import sqlcipher3.dbapi2 as sqlcipher

    from thawing.db.sqlcipher import apply_key

    live = sqlcipher.connect(str(source))
    copy = sqlcipher.connect(str(target))
    try:
        apply_key(live, data_key)
        apply_key(copy, data_key)
        live.backup(copy)
    finally:
        copy.close()
        live.close()


def make_backup(*, reason: str = "manual", keep: int = KEEP, migrations: Iterable[str] | None = None) -> Path:
    """Write a backup of the open local database into the backups folder; keep the last `keep`."""
    database = _local_only()
    # Held for the whole copy, so that locking or a swap of the file waits until it is done.
    with vault.exclusive():
        return _make_backup(database, reason=reason, keep=keep, migrations=migrations)


def _make_backup(database: Path, *, reason: str, keep: int, migrations: Iterable[str] | None) -> Path:
    if not vault.is_keyed():
        raise ThawingError(msg("Open Thawing with your passphrase first, then make the backup."))
    folder = backups_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    now = datetime.now(UTC)
    name = f"thawing-backup-{now:%Y%m%d-%H%M%S-%f}.zip"
    manifest = {"format": FORMAT, "version": VERSION, "app_version": thawing.__version__,
                "created_at": now.isoformat(), "reason": reason,
                "migrations": list(migrations) if migrations is not None else _applied_migrations(),
                "encrypted": vault.key() is not None}
    with tempfile.TemporaryDirectory(dir=folder) as work:
        snapshot = Path(work) / "thawing.sqlite3"
        _snapshot(database, snapshot, vault.key())
        record = json.loads((Path(settings.DATA_DIR) / "unlock.json").read_text())
        _write_bundle(folder / name, manifest, record, snapshot)
    _prune(keep)
    return folder / name


def _write_bundle(target: Path, manifest: dict[str, Any], record: dict[str, Any], database: Path) -> None:
    """Write a backup file beside `target`, owner-only and synced, then put it in place."""
    partial = target.with_name(target.name + ".partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as bundle:
        bundle.writestr("manifest.json", json.dumps(manifest, indent=2))
        bundle.writestr("unlock.json", json.dumps(record))
        bundle.write(database, "thawing.sqlite3")
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)


def rekey_backups(*, old_key: bytes | None, new_key: bytes, record: dict[str, Any]) -> int:
    """Re-encrypt under `new_key`, with `record`, each backup in the backups folder that `old_key` opens.

    Called when a new passphrase or recovery code gives the database a new key
    (thawing.accounts.rekey): the old secret then opens none of these backups either. A plain
    backup (from before a passphrase) is encrypted too. A backup that opens only with an older key
    stays as it is. Returns how many were re-encrypted.
    """
    done = 0
    for item in list_backups():
        try:
            done += _rekey_backup(item.path, old_key, new_key, record)
        except (ThawingError, OSError):
            continue  # a damaged backup, or no room: it stays as it was, and still opens as before
    return done


def _rekey_backup(path: Path, old_key: bytes | None, new_key: bytes, record: dict[str, Any]) -> bool:
    with bundles.opened(path) as bundle, tempfile.TemporaryDirectory(dir=path.parent) as work:
        manifest = bundles.manifest_of(bundle)
        source_key = old_key if manifest["encrypted"] else None
        old, new = Path(work) / "old.sqlite3", Path(work) / "new.sqlite3"
        bundles.check_room(path.parent, 2 * bundles.database_size(bundle))
        bundles.extract_database(bundle, old)
        if not vault.opens_with(old, source_key):
            return False
        vault.export_copy(old, new, old_key=source_key, new_key=new_key)
        _write_bundle(path, {**manifest, "encrypted": True}, record, new)
    return True


def list_backups() -> list[BackupInfo]:
    """The backups in the backups folder, newest first."""
    found = []
    for path in sorted(backups_dir().glob("thawing-backup-*.zip"), reverse=True):
        try:
            manifest = read_manifest(path)
            found.append(BackupInfo(path, datetime.fromisoformat(manifest["created_at"]),
                                    manifest.get("reason", ""), path.stat().st_size))
        except ThawingError:
            continue
    return found


def _prune(keep: int) -> None:
    for old in list_backups()[keep:]:
        old.path.unlink(missing_ok=True)


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of a backup file; a kind ThawingError for anything that is not one we can read."""
    with bundles.opened(Path(path)) as bundle:
        return bundles.manifest_of(bundle)


def _newer_schema(manifest: dict[str, object]) -> bool:
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = {f"{app}.{name}" for app, name in loader.disk_migrations}
    return bool(set(manifest.get("migrations") or []) - known)


def restore_backup(path: Path, *, passphrase: str | None = None, recovery_code: str | None = None) -> None:
    """Replace the local data with a backup, after making a backup of the data as it is now.

    The backup's own passphrase (or recovery code) opens it; a wrong one changes nothing. So does
    a backup that is not whole, or bigger than the disk can take (thawing.accounts.bundles).
    """
    database = _local_only()
    with bundles.opened(Path(path)) as bundle:
        manifest = bundles.manifest_of(bundle)
        if _newer_schema(manifest):
            raise ThawingError(bundles.NEWER)
        record = bundles.unlock_record_of(bundle)
        if recovery_code:
            data_key = crypto.unlock_with_recovery(record, recovery_code)
        else:
            data_key = crypto.unlock(record, passphrase)
        # Room for the restored database, and for the backup of the data as it is now.
        current = database.stat().st_size if vault.is_open() and database.exists() else 0
        bundles.check_room(Path(settings.DATA_DIR), bundles.database_size(bundle) + current)
        staging = Path(tempfile.mkdtemp(dir=Path(settings.DATA_DIR)))
        try:
            bundles.extract_database(bundle, staging / "thawing.sqlite3")
            _check_opens(staging / "thawing.sqlite3", data_key)
            with vault.exclusive():
                if vault.is_open() and database.exists():
                    make_backup(reason="before-restore")
                vault.lock()
                for suffix in ("-wal", "-shm"):
                    database.with_name(database.name + suffix).unlink(missing_ok=True)
                os.replace(staging / "thawing.sqlite3", database)
                unlock = Path(settings.DATA_DIR) / "unlock.json"
                temporary = unlock.with_suffix(".restoring")
                fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "w") as handle:
                    json.dump(record, handle)
                os.replace(temporary, unlock)
                vault.open_with(data_key)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    from thawing.accounts.services import sign_out_other_browsers

    # The restored profile would let in again browsers that a later new passphrase signed out.
    sign_out_other_browsers()


def _check_opens(path: Path, data_key: bytes | None) -> None:
    import sqlcipher3.dbapi2 as sqlcipher

    from thawing.db.sqlcipher import apply_key

    conn = sqlcipher.connect(str(path))
    try:
        apply_key(conn, data_key)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise ThawingError(msg("That backup is damaged. Nothing was changed."))
    except sqlcipher.DatabaseError:
        raise WrongPassphrase(msg(
            "That passphrase doesn\u2019t open this backup. Nothing was changed.")) from None
    finally:
        conn.close()


def delete_everything(*, user: object, confirm: str) -> None:
    """Remove every record of the person and, in local mode, the whole data folder's data and backups."""
    if (confirm or "").strip().lower() not in {"delete", "delete everything"}:
        raise InvalidInput({"confirm": msg("To delete everything, type the word delete.")})
    from django.contrib.auth import get_user_model

    path = vault.database_path()
    if settings.THAWING_MODE == "local" and path is not None:
        with vault.exclusive():
            vault.lock()
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
                             Path(settings.DATA_DIR) / "unlock.json"):
                leftover.unlink(missing_ok=True)
            shutil.rmtree(backups_dir(), ignore_errors=True)
            help_country.forget()
        return
    # Server mode (and the in-memory test database): every table has the user's foreign key with
    # cascade, so removing the account removes every record of theirs.
    get_user_model().objects.filter(pk=getattr(user, "pk", None)).delete()
    if settings.THAWING_MODE == "local":
        (Path(settings.DATA_DIR) / "unlock.json").unlink(missing_ok=True)
        shutil.rmtree(backups_dir(), ignore_errors=True)
        help_country.forget()
