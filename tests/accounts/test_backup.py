"""Backup, restore and delete-everything on real files, through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from tests.commandline import CommandLine

PASSPHRASE = "copper kettle at dawn"
FIRST = "Brindlewick was the first note"
LATER = "Osprevant came after the backup"


@pytest.fixture
def cli(tmp_path):
    return CommandLine(tmp_path / "data", passphrase=PASSPHRASE)


def backups(cli, reason: str | None = None) -> list:
    found = sorted((cli.data / "backups").glob("thawing-backup-*.zip"))
    if reason is None:
        return found
    return [p for p in found if json.loads(zipfile.ZipFile(p).read("manifest.json"))["reason"] == reason]


@pytest.fixture
def profile(cli):
    assert cli("init", "--timezone", "UTC").returncode == 0
    assert cli("checkin", "--mood", "4", "--note", FIRST).returncode == 0
    return cli


def test_a_backup_is_a_consistent_encrypted_snapshot_with_its_unlock_record(profile):
    made = profile("backup")
    assert made.returncode == 0, made.stderr
    [path] = backups(profile, "manual")
    with zipfile.ZipFile(path) as bundle:
        assert set(bundle.namelist()) == {"manifest.json", "unlock.json", "thawing.sqlite3"}
        manifest = json.loads(bundle.read("manifest.json"))
        assert manifest["format"] == "thawing-backup" and manifest["encrypted"] is True
        assert FIRST.encode() not in bundle.read("thawing.sqlite3")
    listed = profile("backup", "--list")
    assert "manual" in listed.stdout


def session_secret(cli) -> str:
    """The local profile's unusable password: what every signed-in browser's session is tied to."""
    code = ("import os, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'thawing.settings');"
            "django.setup(); from thawing.cli import setup; print(setup.user().password)")
    done = subprocess.run([sys.executable, "-c", code], env={**cli.env, "THAWING_PASSPHRASE": PASSPHRASE},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_restore_brings_back_the_backup_and_keeps_what_was_there_before(profile):
    before = session_secret(profile)
    assert profile("backup").returncode == 0
    assert profile("checkin", "--mood", "6", "--note", LATER).returncode == 0
    [backup] = backups(profile, "manual")
    restored = profile("restore", str(backup), "--yes", THAWING_BACKUP_PASSPHRASE=PASSPHRASE)
    assert restored.returncode == 0, restored.stderr
    today = profile("checkins", "--json")
    assert FIRST in today.stdout and LATER not in today.stdout
    reasons = [json.loads(zipfile.ZipFile(p).read("manifest.json"))["reason"] for p in backups(profile)]
    assert "before-restore" in reasons
    # Browsers signed in before (in the backup's days) must sign in again.
    assert session_secret(profile) != before


@pytest.mark.parametrize("damage", ["truncated", "newer", "not-a-zip"])
def test_a_damaged_or_newer_backup_changes_nothing(profile, damage):
    assert profile("backup").returncode == 0
    [backup] = backups(profile, "manual")
    if damage == "truncated":
        backup.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    elif damage == "not-a-zip":
        backup.write_bytes(b"hello, I am not a backup")
    else:
        with zipfile.ZipFile(backup) as bundle:
            parts = {name: bundle.read(name) for name in bundle.namelist()}
        manifest = json.loads(parts["manifest.json"])
        manifest["version"] = 99
        parts["manifest.json"] = json.dumps(manifest).encode()
        with zipfile.ZipFile(backup, "w") as bundle:
            for name, data in parts.items():
                bundle.writestr(name, data)
    before = (profile.data / "thawing.sqlite3").read_bytes()
    result = profile("restore", str(backup), "--yes", THAWING_BACKUP_PASSPHRASE=PASSPHRASE)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert ("newer version" if damage == "newer" else "not a Thawing backup" if damage == "not-a-zip"
            else "damaged") in result.stderr
    assert (profile.data / "thawing.sqlite3").read_bytes() == before


def test_a_wrong_backup_passphrase_changes_nothing(profile):
    assert profile("backup").returncode == 0
    [backup] = backups(profile, "manual")
    result = profile("restore", str(backup), "--yes", THAWING_BACKUP_PASSPHRASE="not the right one")
    assert result.returncode == 1 and "doesn\u2019t match" in result.stderr
    assert FIRST in profile("checkins", "--json").stdout


def test_delete_everything_leaves_no_record_and_no_backup(profile):
    assert profile("backup").returncode == 0
    deleted = profile("delete-everything", "--yes")
    assert deleted.returncode == 0, deleted.stderr
    leftovers = [p.name for p in profile.data.rglob("*") if p.is_file()]
    kept = ("thawing.sqlite3", "unlock", "thawing-backup")
    assert not [name for name in leftovers if name.startswith(kept)]
    after = profile("today")
    assert after.returncode == 1 and "isn\u2019t set up" in after.stderr


def test_an_upgrade_makes_a_backup_before_changing_the_schema(cli):
    assert cli("init", "--no-passphrase", "--timezone", "UTC", passphrase=None).returncode == 0
    assert cli("checkin", "--mood", "5", passphrase=None).returncode == 0
    # Take the practices tables back to their first migration, as an older Thawing left them.
    back = subprocess.run([sys.executable, "-m", "django", "migrate", "practices", "0001",
                           "--verbosity", "0"],
                          env={**cli.env, "DJANGO_SETTINGS_MODULE": "thawing.settings"},
                          capture_output=True, text=True, timeout=180)
    assert back.returncode == 0, back.stderr
    assert cli("today", passphrase=None).returncode == 0
    reasons = [json.loads(zipfile.ZipFile(p).read("manifest.json"))["reason"] for p in backups(cli)]
    assert reasons == ["before-migration"]


def test_adding_a_passphrase_removes_the_plain_backups(cli):
    assert cli("init", "--no-passphrase", "--timezone", "UTC", passphrase=None).returncode == 0
    assert cli("checkin", "--mood", "5", "--note", FIRST, passphrase=None).returncode == 0
    assert cli("backup", passphrase=None).returncode == 0
    assert backups(cli, "manual")
    code = subprocess.run(
        [sys.executable, "-c", "from thawing.cli import setup; setup.user(); "
         "from thawing.accounts import services; print(services.add_passphrase(new='" + PASSPHRASE + "'))"],
        env={**cli.env, "DJANGO_SETTINGS_MODULE": "thawing.settings"}, capture_output=True, text=True,
        timeout=180)
    assert code.returncode == 0, code.stderr
    assert backups(cli) == []
    assert FIRST.encode() not in b"".join(p.read_bytes() for p in cli.data.rglob("*") if p.is_file())
