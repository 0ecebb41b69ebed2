"""Reading a backup file safely: only the parts Thawing writes, of sizes it can hold.

A backup may come from anywhere (a download, a USB stick), so nothing in it is trusted before it is
checked: the file must hold exactly the three parts of the format (thawing.accounts.backup), the
manifest and the unlock record are read only up to a small size and only as the JSON types the
format has, and the database is copied out only when the disk has room for what it claims to be,
counting every byte as it goes. A damaged zip is found by the CRC of each part as it is read.
Each refusal is a kind ThawingError that says nothing was changed.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from thawing.core import crypto
from thawing.core.errors import ThawingError
from thawing.core.i18n import msg

FORMAT, VERSION = "thawing-backup", 1
MANIFEST, UNLOCK, DATABASE = "manifest.json", "unlock.json", "thawing.sqlite3"
MEMBERS = (MANIFEST, UNLOCK, DATABASE)
# Far above what Thawing writes (a manifest of 3 KB, an unlock record under 1 KB).
LIMITS = {MANIFEST: 64 * 1024, UNLOCK: 16 * 1024}
# Free space left on the disk after a restore, so the computer can carry on.
ROOM = 64 * 1024 * 1024
CHUNK = 1024 * 1024
# The manifest's fields and their JSON types.
FIELDS: dict[str, type] = {"app_version": str, "created_at": str, "reason": str, "migrations": list,
                           "encrypted": bool}

NOT_A_BACKUP = msg("That file is not a Thawing backup.")
NOT_OURS = msg("That backup\u2019s description (its manifest) isn\u2019t one Thawing wrote, so it "
               "can\u2019t be restored. Nothing was changed.")
DAMAGED = msg("That backup is damaged or was cut short (it could not be read to the end). "
              "Nothing was changed.")
NEWER = msg("That backup comes from a newer version of Thawing. Update Thawing, then restore it.")


@contextmanager
def opened(path: Path) -> Iterator[zipfile.ZipFile]:
    """The backup as a zip file with exactly the parts of the format, each small enough to read."""
    try:
        with Path(path).open("rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                raise ThawingError(NOT_A_BACKUP)
    except OSError:
        raise ThawingError(msg("I couldn\u2019t read that file. Check the name and try again.")) from None
    try:
        bundle = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise ThawingError(DAMAGED) from None
    with bundle:
        names = [info.filename for info in bundle.infolist()]
        if set(MEMBERS) - set(names):
            raise ThawingError(msg("That file is not a Thawing backup (parts are missing)."))
        if sorted(names) != sorted(MEMBERS):
            raise ThawingError(msg("That file is not a Thawing backup (it holds other parts too)."))
        for info in bundle.infolist():
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 1:
                raise ThawingError(NOT_A_BACKUP)
        yield bundle


def read_small(bundle: zipfile.ZipFile, name: str) -> bytes:
    """A small part (manifest, unlock record): refused unread if it claims more than its limit."""
    info, limit = bundle.getinfo(name), LIMITS[name]
    if info.file_size > limit:
        raise ThawingError(NOT_OURS if name == MANIFEST else DAMAGED)
    try:
        with bundle.open(info) as member:
            data = member.read(limit + 1)
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
        raise ThawingError(DAMAGED) from None
    if len(data) != info.file_size:
        raise ThawingError(DAMAGED)
    return data


def manifest_of(bundle: zipfile.ZipFile) -> dict[str, Any]:
    """The manifest, checked field by field: a kind ThawingError for anything else."""
    manifest = _json(read_small(bundle, MANIFEST), NOT_OURS)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ThawingError(NOT_A_BACKUP)
    version = manifest.get("version")
    if type(version) is not int or version < 1:
        raise ThawingError(NOT_OURS)
    if version > VERSION:
        raise ThawingError(NEWER)
    for name, kind in FIELDS.items():
        if not isinstance(manifest.get(name), kind):
            raise ThawingError(NOT_OURS)
    if len(manifest["app_version"]) > 40 or len(manifest["reason"]) > 40 or not all(
            isinstance(name, str) and len(name) <= 200 for name in manifest["migrations"]):
        raise ThawingError(NOT_OURS)
    try:
        datetime.fromisoformat(manifest["created_at"])
    except ValueError:
        raise ThawingError(NOT_OURS) from None
    return manifest


def unlock_record_of(bundle: zipfile.ZipFile) -> dict[str, Any]:
    """The unlock record the backup opens with, whole and within bounds (thawing.core.crypto)."""
    record = _json(read_small(bundle, UNLOCK), DAMAGED)
    try:
        crypto.needs_passphrase(record)
    except ThawingError:
        raise ThawingError(msg(
            "The unlock record inside that backup is damaged, or comes from a newer Thawing. "
            "Nothing was changed.")) from None
    return record


def database_size(bundle: zipfile.ZipFile) -> int:
    return bundle.getinfo(DATABASE).file_size


def check_room(folder: Path, needed: int) -> None:
    """A kind ThawingError unless the disk of `folder` has `needed` bytes free, and room to spare."""
    if needed + ROOM > shutil.disk_usage(folder).free:
        raise ThawingError(msg(
            "There isn\u2019t enough free space on this disk for that: it needs about %(mb)s MB more. "
            "Nothing was changed.", mb=max(1, (needed + ROOM) // 10**6)))


def extract_database(bundle: zipfile.ZipFile, target: Path) -> None:
    """Copy the database out to `target` (owner-only), never more than it claims to be."""
    info = bundle.getinfo(DATABASE)
    written = 0
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with bundle.open(info) as member, os.fdopen(fd, "wb") as out:
            while chunk := member.read(CHUNK):
                written += len(chunk)
                if written > info.file_size:
                    break
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    except (zipfile.BadZipFile, EOFError, zlib.error):
        raise ThawingError(DAMAGED) from None
    if written != info.file_size:
        raise ThawingError(DAMAGED)


def _json(data: bytes, problem: str) -> Any:
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        raise ThawingError(problem) from None
