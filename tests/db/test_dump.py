"""Server mode: a pg_dump of the database holds none of the free text people wrote (issue 6)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


def pg_dump() -> str | None:
    """The newest pg_dump on this machine (Debian keeps it per version), None if there is none."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_dump"),
                   key=lambda path: int(path.split("/")[4]) if path.split("/")[4].isdigit() else 0)
    return found[-1] if found else shutil.which("pg_dump")


def dump_database() -> str:
    settings = connection.settings_dict
    command = [pg_dump(), "--no-owner", "--dbname", settings["NAME"], "--username", settings["USER"]]
    if settings["HOST"]:
        command += ["--host", settings["HOST"]]
    if settings["PORT"]:
        command += ["--port", str(settings["PORT"])]
    env = dict(os.environ, PGPASSWORD=settings["PASSWORD"] or "")
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump needs PostgreSQL (server mode)")
def test_a_database_dump_shows_no_free_text(field_keys, every_free_text):
    assert connection.vendor == "postgresql"
    assert pg_dump(), "pg_dump is needed for this test"
    dump = dump_database()
    assert "tenc2:k2025:" in dump
    found = [column for column, sentence in every_free_text.items() if sentence in dump]
    assert found == []
    assert "orchard" not in dump and "Marmalade" not in dump
