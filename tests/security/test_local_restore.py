"""A crafted backup changes nothing and costs little to refuse (issue 13, finding 11).

The backups here are made by hand, as an attacker would: a manifest that expands to a hundred
megabytes, a database member that claims a petabyte, manifests and unlock records of the wrong
shape. Reading the manifest is checked in this process (it needs no database); restoring runs
`python -m thawing restore` on a real data folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from thawing.accounts import backup
from thawing.core import crypto
from thawing.core.errors import ThawingError

PASSPHRASE = "copper kettle at dawn"
MANIFEST = {"format": "thawing-backup", "version": 1, "app_version": "0.2.0",
            "created_at": "2025-01-02T03:04:05+00:00", "reason": "manual",
            "migrations": ["accounts.0001_initial"], "encrypted": True}


def crafted(path: Path, parts: dict[str, bytes], *, deflated: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w") as bundle:
        for name, data in parts.items():
            bundle.writestr(name, data, zipfile.ZIP_DEFLATED if name in deflated else zipfile.ZIP_STORED)
    return path


def claiming(path: Path, name: str, size: int) -> Path:
    """The same file, its central directory saying that member `name` is `size` bytes."""
    with zipfile.ZipFile(path, "a") as bundle:
        bundle.getinfo(name).file_size = size
        bundle._didModify = True  # rewrite the central directory with the size given
    return path


def a_bomb(path: Path, megabytes: int) -> Path:
    """A backup whose manifest is `megabytes` of zeros, squeezed to a few hundred kilobytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as bundle:
        with bundle.open("manifest.json", "w", force_zip64=True) as member:
            zeros = bytes(1024 * 1024)
            for _ in range(megabytes):
                member.write(zeros)
        bundle.writestr("unlock.json", b"{}")
        bundle.writestr("thawing.sqlite3", b"")
    return path


# --- Reading a manifest: bounded, and only a manifest of the right shape -------------------------

def test_a_manifest_that_expands_to_100_mb_is_refused_without_being_read(tmp_path):
    bomb = a_bomb(tmp_path / "bomb.zip", 100)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ThawingError, match="isn\u2019t one Thawing wrote"):
            backup.read_manifest(bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024


ODD_MANIFESTS = {
    "a list": [1, 2],
    "a text version": {**MANIFEST, "version": "1"},
    "a true version": {**MANIFEST, "version": True},
    "a number for a date": {**MANIFEST, "created_at": 5},
    "a date that is not one": {**MANIFEST, "created_at": "yesterday"},
    "migrations as text": {**MANIFEST, "migrations": "accounts.0001_initial"},
    "a number among migrations": {**MANIFEST, "migrations": [1]},
    "encrypted as text": {**MANIFEST, "encrypted": "yes"},
    "no reason": {k: v for k, v in MANIFEST.items() if k != "reason"},
    "an app version as a list": {**MANIFEST, "app_version": ["0.2.0"]},
}


@pytest.mark.parametrize("manifest", ODD_MANIFESTS.values(), ids=ODD_MANIFESTS.keys())
def test_an_odd_manifest_is_refused_kindly_and_left_out_of_the_list(manifest, settings):
    folder = Path(settings.DATA_DIR) / "backups"
    folder.mkdir()
    odd = crafted(folder / "thawing-backup-20250102-030405-000000.zip",
                  {"manifest.json": json.dumps(manifest).encode(), "unlock.json": b"{}",
                   "thawing.sqlite3": b""})
    with pytest.raises(ThawingError, match="isn\u2019t one Thawing wrote|not a Thawing backup"):
        backup.read_manifest(odd)
    assert backup.list_backups() == []


def test_a_deeply_nested_manifest_is_refused_kindly(tmp_path):
    nested = "[" * 30000 + "]" * 30000
    odd = crafted(tmp_path / "nested.zip", {"manifest.json": nested.encode(), "unlock.json": b"{}",
                                            "thawing.sqlite3": b""})
    with pytest.raises(ThawingError):
        backup.read_manifest(odd)


def test_a_member_twice_or_a_member_more_is_not_a_thawing_backup(tmp_path):
    parts = {"manifest.json": json.dumps(MANIFEST).encode(), "unlock.json": b"{}", "thawing.sqlite3": b""}
    extra = crafted(tmp_path / "extra.zip", {**parts, "../../evil.sh": b"#!/bin/sh"})
    with pytest.raises(ThawingError, match="not a Thawing backup"):
        backup.read_manifest(extra)
    twice = crafted(tmp_path / "twice.zip", parts)
    with zipfile.ZipFile(twice, "a") as bundle:
        bundle.writestr("manifest.json", json.dumps({**MANIFEST, "version": 1}))
    with pytest.raises(ThawingError, match="not a Thawing backup"):
        backup.read_manifest(twice)


# --- Unlock records from a backup: whole, and within bounds --------------------------------------

def slot(**changes: object) -> dict[str, object]:
    record = crypto.wrap_record(PASSPHRASE, crypto.new_data_key(),
                                crypto.KdfParams(time_cost=1, memory_cost=8 * 1024))
    record["slots"]["passphrase"].update(changes)
    return record


ODD_RECORDS = {
    "an empty slot": {"format": "thawing-unlock", "version": 2, "passphrase": True,
                      "slots": {"passphrase": {}}},
    "slots as a list": {"format": "thawing-unlock", "version": 2, "passphrase": True, "slots": []},
    "a passphrase flag as text": {"format": "thawing-unlock", "version": 2, "passphrase": "yes"},
    # Over Argon2's own maximums, so that without the bounds this fails at once instead of trying:
    # 2**32 - 1 KiB (4 TiB, Argon2's largest) made the process die trying to allocate it.
    "more memory than there is": slot(memory_cost=2**32),
    "more passes than there is time for": slot(time_cost=2**32),
    "more lanes than Argon2 has": slot(parallelism=2**24),
    "a negative amount of memory": slot(memory_cost=-1),
    "a salt that is not base64": slot(salt="%%%"),
    "a record that is a list": [],
}


@pytest.mark.parametrize("record", ODD_RECORDS.values(), ids=ODD_RECORDS.keys())
def test_an_odd_unlock_record_is_refused_as_damaged_before_any_hashing(record):
    with pytest.raises(ThawingError, match="damaged|unknown version"):
        crypto.unlock(record, PASSPHRASE)


# --- Restoring: nothing is read or written that the disk cannot hold ----------------------------

@pytest.fixture
def cli(tmp_path):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("THAWING_") and k != "DJANGO_SETTINGS_MODULE"}
    env["THAWING_DATA_DIR"] = str(tmp_path / "data")

    def run(*argv: str, **extra: str):
        child = {**env, "THAWING_PASSPHRASE": PASSPHRASE, "THAWING_BACKUP_PASSPHRASE": PASSPHRASE, **extra}
        return subprocess.run([sys.executable, "-m", "thawing", *argv], env=child, capture_output=True,
                              text=True, timeout=180, stdin=subprocess.DEVNULL)

    run.data = tmp_path / "data"  # type: ignore[attr-defined]
    assert run("init", "--timezone", "UTC").returncode == 0
    assert run("checkin", "--mood", "4", "--note", "still here").returncode == 0
    assert run("backup").returncode == 0
    return run


def a_real_backup(cli) -> dict[str, bytes]:
    [made] = sorted((cli.data / "backups").glob("thawing-backup-*.zip"))
    with zipfile.ZipFile(made) as bundle:
        return {name: bundle.read(name) for name in bundle.namelist()}


def what_is_in(folder: Path) -> dict[str, bytes]:
    """Every file of the data folder and its bytes (SQLite's own -wal and -shm files aside)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith(("-wal", "-shm"))}


def test_a_database_member_claiming_a_petabyte_is_refused_before_anything_is_written(cli, tmp_path):
    parts = a_real_backup(cli)
    huge = claiming(crafted(tmp_path / "huge.zip", parts), "thawing.sqlite3", 2**50)
    before = what_is_in(cli.data)
    result = cli("restore", str(huge), "--yes")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "free space" in result.stderr and "Nothing was changed" in result.stderr
    assert what_is_in(cli.data) == before


def test_a_database_member_shorter_than_it_claims_is_refused(cli, tmp_path):
    parts = a_real_backup(cli)
    short = claiming(crafted(tmp_path / "short.zip", parts), "thawing.sqlite3",
                     len(parts["thawing.sqlite3"]) + 4096)
    before = what_is_in(cli.data)
    result = cli("restore", str(short), "--yes")
    assert result.returncode == 1 and "damaged" in result.stderr
    assert what_is_in(cli.data) == before


def test_a_backup_with_a_damaged_unlock_record_changes_nothing_and_says_so(cli, tmp_path):
    parts = a_real_backup(cli)
    record = json.loads(parts["unlock.json"])
    record["slots"]["passphrase"] = {}
    damaged = crafted(tmp_path / "damaged.zip", {**parts, "unlock.json": json.dumps(record).encode()})
    before = what_is_in(cli.data)
    result = cli("restore", str(damaged), "--yes")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "damaged" in result.stderr and "went wrong inside" not in result.stderr
    assert what_is_in(cli.data) == before


def test_a_whole_backup_still_restores(cli):
    [made] = sorted((cli.data / "backups").glob("thawing-backup-*.zip"))
    assert cli("checkin", "--mood", "6", "--note", "after the backup").returncode == 0
    result = cli("restore", str(made), "--yes")
    assert result.returncode == 0, result.stderr
    shown = cli("checkins", "--json").stdout
    assert "still here" in shown and "after the backup" not in shown
