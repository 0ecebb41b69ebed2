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
