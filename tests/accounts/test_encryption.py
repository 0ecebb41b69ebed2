"""Encryption at rest, proved on real files: a copy of the data folder shows nothing readable.

These run `python -m thawing` in its own process on its own data folder, as a person would, so
the database is a real SQLCipher file (the rest of the suite uses an in-memory database).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.commandline import CommandLine

PASSPHRASE = "lantern orchard quietly humming"
NOTE = "Zephyrine felt the marmalade silence today"
JOURNAL = "Quillonbridge is where the letters were hidden"
FLICKER = "a flicker of Vantablackish envy"
EMOTION = "nostalgic"


@pytest.fixture
def cli(tmp_path):
    return CommandLine(tmp_path / "data", passphrase=PASSPHRASE)


def everything_in(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def write_private_things(cli) -> None:
    checkin = cli("checkin", "--mood", "3", "--feel", "2", "--emotion", f"{EMOTION}:4", "--note", NOTE,
                  "--flicker", FLICKER)
    assert checkin.returncode == 0, checkin.stderr
    journal = cli("journal", JOURNAL)
    assert journal.returncode == 0, journal.stderr


def test_a_copy_of_the_data_folder_reveals_no_journal_note_emotion_or_rating(cli):
    init = cli("init", "--name", "Robin", "--timezone", "UTC")
    assert init.returncode == 0, init.stderr
    assert "recovery code" in init.stdout
    write_private_things(cli)
    raw = everything_in(cli.data)
    for secret in (NOTE, JOURNAL, FLICKER, EMOTION, "Robin", PASSPHRASE):
        assert secret.encode() not in raw, secret
    # Not even the shape of the tables: a plain SQLite file starts with this header.
    assert not (cli.data / "thawing.sqlite3").read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(cli.data / "thawing.sqlite3").execute("SELECT * FROM sqlite_master").fetchall()
    # With the passphrase, everything is there, search included.
    today = cli("today", "--json")
    assert today.returncode == 0 and NOTE in today.stdout
    found = cli("journal", "search", "Quillonbridge", "--json")
    assert found.returncode == 0 and "Quillonbridge" in found.stdout


def test_a_wrong_or_missing_passphrase_opens_nothing(cli):
    assert cli("init", "--timezone", "UTC").returncode == 0
    write_private_things(cli)
    wrong = cli("today", passphrase="not the right words at all")
    assert wrong.returncode == 1 and "doesn\u2019t match" in wrong.stderr and NOTE not in wrong.stdout
    missing = cli("today", passphrase=None)
    assert missing.returncode == 1 and "THAWING_PASSPHRASE" in missing.stderr
    assert "Traceback" not in wrong.stderr + missing.stderr


def test_no_passphrase_is_plain_sqlite_by_the_persons_explicit_choice(cli):
    assert cli("init", "--no-passphrase", "--timezone", "UTC", passphrase=None).returncode == 0
    assert (cli.data / "thawing.sqlite3").read_bytes().startswith(b"SQLite format 3")


def test_a_profile_from_thawing_0_1_is_encrypted_the_first_time_it_is_opened(cli):
    from thawing.core import crypto

    # Thawing 0.1 wrote a plain database and a version 1 unlock record.
    assert cli("init", "--no-passphrase", "--timezone", "UTC", passphrase=None).returncode == 0
    write_private_things(lambda *a, **k: cli(*a, passphrase=None, **k))
    (cli.data / "unlock.json").write_text(json.dumps(crypto.new_unlock_record(PASSPHRASE)))
    assert NOTE.encode() in everything_in(cli.data)

    today = cli("today", "--json")
    assert today.returncode == 0, today.stderr
    assert NOTE in today.stdout
    assert NOTE.encode() not in everything_in(cli.data)
    assert json.loads((cli.data / "unlock.json").read_text())["version"] == 2
    assert cli("today", "--json").returncode == 0
