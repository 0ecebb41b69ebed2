"""`thawing export` and `thawing import` as a person runs them, in this process and in real ones.

The clock stands still on Tuesday 10 March 2026, 15:00 in London (the local profile's zone).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.cli.test_cli import run
from tests.portability.conftest import FIXTURES, fill_every_kind
from thawing.checkins.models import CheckIn
from thawing.journal.models import Entry

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def still_clock():
    with time_machine.travel(datetime(2026, 3, 10, 15, 0, tzinfo=LONDON), tick=False):
        yield


def fixture(name: str) -> str:
    return str(FIXTURES / name)


def test_the_command_module_loads_no_django_until_a_command_runs():
    code = "import sys, thawing.cli.data; print('django.db' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"


# --- export -------------------------------------------------------------------------------

@pytest.mark.django_db
def test_export_json_writes_every_record_to_a_private_file(capsys, local_user, tmp_path):
    fill_every_kind(local_user)
    target = tmp_path / "out" / "thawing.json"
    target.parent.mkdir()
    ran = run(capsys, "export", "--format", "json", "-o", str(target))
    assert ran.code == 0, ran.err
    assert json.loads(target.read_bytes())["format"] == "thawing-export"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "not encrypted" in ran.said
    assert os.listdir(target.parent) == ["thawing.json"]


@pytest.mark.django_db
@pytest.mark.parametrize("argv, start", [
    (("--format", "csv"), b"\xef\xbb\xbfdate,time,mood"),
    (("--format", "csv", "--what", "habits"), b"\xef\xbb\xbfdate,sleep_hours"),
    (("--format", "markdown"), b"# Journal"),
])
def test_csv_and_markdown_exports(capsys, local_user, tmp_path, argv, start):
    fill_every_kind(local_user)
    ran = run(capsys, "export", *argv, "-o", str(tmp_path / "file"))
    assert ran.code == 0, ran.err
    assert (tmp_path / "file").read_bytes().startswith(start)


@pytest.mark.django_db
def test_export_to_standard_output(capfdbinary, local_user):
    from thawing.__main__ import main

    assert main(["export", "-f", "markdown", "-o", "-"]) == 0
    assert capfdbinary.readouterr().out.startswith(b"# Journal")


@pytest.mark.django_db
def test_a_failed_write_leaves_the_old_file_and_no_half_file(capsys, local_user, tmp_path, monkeypatch):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "thawing.json"
    target.write_text("the old export")

    def broken_disk(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_disk)
    ran = run(capsys, "export", "-o", str(target))
    assert ran.code == 1
    assert "couldn’t write" in ran.said and "disk full" in ran.said
    assert target.read_text() == "the old export"
    assert os.listdir(folder) == ["thawing.json"]


@pytest.mark.django_db
@pytest.mark.parametrize("argv, said", [
    (("--format", "pdf", "-o", "x"), "Choose a format: json, csv or markdown."),
    (("-o", "/no/such/folder/x.json"), "The folder /no/such/folder doesn’t exist."),
    (("--format", "csv", "--what", "moods", "-o", "x"), "Choose checkins or habits."),
])
def test_export_mistakes_are_told_kindly(capsys, local_user, argv, said):
    ran = run(capsys, "export", *argv)
    assert ran.code == 1
    assert said in ran.said
    assert "Traceback" not in ran.said


# --- import -------------------------------------------------------------------------------

@pytest.mark.django_db
def test_dry_run_shows_the_preview_and_saves_nothing(capsys, local_user):
    ran = run(capsys, "import", "daylio", fixture("daylio/bad_rows.csv"), "--dry-run")
    assert ran.code == 0
    assert "check-ins: 2 new, 0 already here" in ran.said
    assert "Line 3 was left out: the date isn’t one I can read." in ran.said
    assert "Dry run: nothing was imported." in ran.said
    assert CheckIn.objects.count() == 0


@pytest.mark.django_db
def test_without_a_terminal_and_without_yes_nothing_is_imported(capsys, local_user):
    ran = run(capsys, "import", "daylio", fixture("daylio/v1_year.csv"))
    assert ran.code == 1
    assert "Add --yes to import without a question" in ran.said
    assert CheckIn.objects.count() == 0


@pytest.mark.django_db
def test_yes_imports_and_a_second_time_finds_nothing_new(capsys, local_user):
    first = run(capsys, "import", "daylio", fixture("daylio/v1_year.csv"), "--yes")
    assert first.code == 0, first.err
    assert "Imported 4 records." in first.said
    again = run(capsys, "import", "daylio", fixture("daylio/v1_year.csv"), "--yes")
    assert again.code == 0
    assert "0 new, 4 already here" in again.said and "nothing new" in again.said
    assert CheckIn.objects.count() == 4


@pytest.mark.django_db
def test_mood_map_gives_custom_labels_their_values(capsys, local_user):
    ran = run(capsys, "import", "daylio", fixture("daylio/custom_labels.csv"), "--yes",
              "--mood-map", "numb=2", "--mood-map", "okay-ish=cant-tell")
    assert ran.code == 0, ran.err
    assert "without a value" not in ran.said
    assert sorted(CheckIn.objects.values_list("mood", flat=True), key=lambda m: m or 0) == [None, 2, 2, 7]


@pytest.mark.django_db
def test_unmapped_labels_are_named_with_the_option_to_fix_them(capsys, local_user):
    ran = run(capsys, "import", "daylio", fixture("daylio/custom_labels.csv"), "--dry-run")
    assert "Mood labels without a value yet: numb, okay-ish." in ran.said
    assert '--mood-map "numb=5"' in ran.said


@pytest.mark.django_db
@pytest.mark.parametrize("pair, said", [("numb", "LABEL=N"), ("numb=11", "1 to 10")])
def test_a_bad_mood_map_is_refused(capsys, local_user, pair, said):
    ran = run(capsys, "import", "daylio", fixture("daylio/custom_labels.csv"), "--yes", "--mood-map", pair)
    assert ran.code == 1
    assert said in ran.said
    assert CheckIn.objects.count() == 0


@pytest.mark.django_db
def test_in_a_terminal_it_asks_for_mood_values_and_confirmation(capsys, local_user, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["3", ""])
    monkeypatch.setattr("typer.prompt", lambda *a, **k: next(answers))
    asked = []
    monkeypatch.setattr("typer.confirm", lambda text, **k: asked.append(text) or True)
    ran = run(capsys, "import", "daylio", fixture("daylio/custom_labels.csv"))
    assert ran.code == 0, ran.err
    assert asked == ["Import 4 new records?"]
    assert sorted(CheckIn.objects.values_list("mood", flat=True), key=lambda m: m or 0) == [None, 3, 3, 7]


@pytest.mark.django_db
def test_saying_no_imports_nothing(capsys, local_user, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("typer.confirm", lambda *a, **k: False)
    ran = run(capsys, "import", "jrnl", fixture("jrnl/journal.txt"))
    assert ran.code == 0
    assert "Nothing was imported." in ran.said
    assert Entry.objects.count() == 0


@pytest.mark.django_db
def test_jrnl_with_its_own_time_format(capsys, local_user):
    ran = run(capsys, "import", "jrnl", fixture("jrnl/journal_custom_format.txt"), "--yes",
              "--time-format", "%d.%m.%Y %H:%M")
    assert ran.code == 0, ran.err
    assert Entry.objects.count() == 4


@pytest.mark.django_db
def test_a_thawing_export_into_the_profile_that_made_it_adds_nothing(capsys, local_user, tmp_path):
    fill_every_kind(local_user)
    target = tmp_path / "t.json"
    run(capsys, "export", "-o", str(target))
    ran = run(capsys, "import", "thawing", str(target), "--yes")
    assert ran.code == 0
    assert "nothing new" in ran.said


@pytest.mark.django_db
@pytest.mark.parametrize("kind, path, said", [
    ("daylio", "daylio/not_daylio.csv", "line 1"),
    ("daylio", "no/such/file.csv", "I can’t find the file"),
    ("evernote", "daylio/v1_year.csv", "daylio, jrnl or thawing"),
    ("jrnl", "jrnl/encrypted_v3.jrnl", "encrypted"),
])
def test_import_mistakes_are_told_kindly_and_change_nothing(capsys, local_user, kind, path, said):
    ran = run(capsys, "import", kind, fixture(path), "--yes")
    assert ran.code == 1
    assert said in ran.said
    assert "Traceback" not in ran.said
    assert CheckIn.objects.count() == Entry.objects.count() == 0


# --- in a real process: killed halfway through ---------------------------------------------

def big_daylio(path, rows: int) -> None:
    """`rows` Daylio rows, three a day going back from the end of 2025."""
    with path.open("w", encoding="utf-8") as file:
        file.write("full_date,date,weekday,time,mood,activities,note_title,note\n")
        for number in range(rows):
            day = date(2025, 12, 31) - timedelta(days=number // 3)
            clock = f"{8 + number % 3 * 5}:{number % 60:02d}"
            file.write(f"{day.isoformat()},{day.day} {day:%B},{day:%A},{clock},"
                       f"good,\"work | friends\",\"\",\"Row {number}, a few words 🙂\"\n")


def checkins_in(data_dir) -> int:
    with sqlite3.connect(data_dir / "thawing.sqlite3") as db:
        return db.execute("SELECT count(*) FROM checkins_checkin").fetchone()[0]


def test_an_import_killed_halfway_leaves_no_partial_import(tmp_path):
    rows = 30_000
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("THAWING_") and k != "DJANGO_SETTINGS_MODULE"}
    env["THAWING_DATA_DIR"] = str(tmp_path / "data")
    thawing = [sys.executable, "-m", "thawing"]
    subprocess.run([*thawing, "init", "--no-passphrase", "--name", "Sam", "--timezone", "UTC"], env=env,
                   check=True, capture_output=True, timeout=120)
    source = tmp_path / "big.csv"
    big_daylio(source, rows)
    wal = tmp_path / "data" / "thawing.sqlite3-wal"
    process = subprocess.Popen([*thawing, "import", "daylio", str(source), "--yes"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    deadline, writing = time.monotonic() + 240, False
    # Writing has begun when the write-ahead log grows: the transaction is under way.
    while process.poll() is None and time.monotonic() < deadline and not writing:
        writing = wal.exists() and wal.stat().st_size > 1_000_000
        time.sleep(0.01)
    assert writing, "the import never started writing"
    assert process.poll() is None, "the import finished before it could be stopped: make the file bigger"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert checkins_in(tmp_path / "data") in (0, rows)
    assert checkins_in(tmp_path / "data") == 0
    # The database is whole, and takes the next import as if nothing had happened.
    with sqlite3.connect(tmp_path / "data" / "thawing.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    after = subprocess.run([*thawing, "import", "daylio", fixture("daylio/v1_year.csv"), "--yes"], env=env,
                           capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert after.returncode == 0, after.stderr
    assert checkins_in(tmp_path / "data") == 4
