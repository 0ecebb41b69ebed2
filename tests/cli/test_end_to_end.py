"""The real `python -m thawing` in its own process, on its own SQLite data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


@pytest.fixture
def thawing_cli(tmp_path):
    """Run `python -m thawing ...` as a person would, with a fresh THAWING_DATA_DIR."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("THAWING_") and k != "DJANGO_SETTINGS_MODULE"}
    # Always SQLite in tmp_path: no database URL, no forced mode, no one's secrets.
    env["THAWING_DATA_DIR"] = str(tmp_path / "data")

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "thawing", *argv], env=env,
                              capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)

    return run


@pytest.mark.practice("A2")
def test_set_up_check_in_and_see_today_in_a_real_process(thawing_cli, tmp_path):
    init = thawing_cli("init", "--no-passphrase", "--name", "Sam", "--timezone", "UTC")
    assert init.returncode == 0, init.stderr
    assert (tmp_path / "data" / "thawing.sqlite3").exists()
    assert (tmp_path / "data" / "unlock.json").exists()

    checkin = thawing_cli("checkin", "--cant-tell")
    assert checkin.returncode == 0, checkin.stderr

    today = thawing_cli("today", "--json")
    assert today.returncode == 0, today.stderr
    shown = json.loads(today.stdout)
    assert [(c["mood"], c["cant_tell"]) for c in shown["checkins"]] == [(None, True)]

    refused = thawing_cli("checkin", "--mood", "11")
    assert refused.returncode == 1
    assert "Mood is a whole number from 1 to 10" in refused.stderr
    assert "Traceback" not in refused.stderr + refused.stdout

    again = thawing_cli("today", "--json")
    assert len(json.loads(again.stdout)["checkins"]) == 1


def test_a_set_up_under_way_is_left_alone_and_a_stopped_one_is_cleared(thawing_cli, tmp_path):
    import time

    data = tmp_path / "data"
    data.mkdir()
    pending = data / "unlock.json.pending"
    half_made = data / "thawing.sqlite3"
    pending.write_text('{"format": "thawing-unlock", "version": 1, "passphrase": false}')
    half_made.write_bytes(b"SQLite format 3\x00 being made by another set-up")

    second = thawing_cli("init", "--no-passphrase", "--timezone", "UTC")
    assert second.returncode == 1
    assert "being set up right now" in second.stderr
    assert pending.exists() and half_made.read_bytes().endswith(b"another set-up")

    # Ten minutes on, that set-up has clearly stopped: a new one starts cleanly.
    old = time.time() - 600
    os.utime(pending, (old, old))
    third = thawing_cli("init", "--no-passphrase", "--timezone", "UTC")
    assert third.returncode == 0, third.stderr
    assert (data / "unlock.json").exists() and not pending.exists()
    assert thawing_cli("checkin", "--mood", "5").returncode == 0


def test_a_set_up_that_loses_the_race_leaves_the_finished_one_alone(thawing_cli, tmp_path):
    """Set-up B passed its check just before set-up A finished: B stops, A's profile stays whole."""
    done = thawing_cli("init", "--no-passphrase", "--timezone", "UTC")
    assert done.returncode == 0, done.stderr
    assert thawing_cli("checkin", "--mood", "4").returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith("THAWING_")}
    env["THAWING_DATA_DIR"] = str(tmp_path / "data")
    # As if B had checked before A's unlock file existed: it goes straight to its claim.
    late = subprocess.run([sys.executable, "-c", (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'thawing.settings');"
        "django.setup();"
        "from thawing.accounts import services; services.check_not_set_up = lambda: None;"
        "services.set_up_local_profile(timezone='UTC', passphrase='a late long passphrase')")],
        env=env, capture_output=True, text=True, timeout=120)
    assert late.returncode != 0 and "AlreadySetUp" in late.stderr
    assert not (tmp_path / "data" / "unlock.json.pending").exists()
    shown = json.loads(thawing_cli("checkins", "--json").stdout)
    assert [c["mood"] for c in shown] == [4]
