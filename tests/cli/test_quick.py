"""The quick way (`thawing/cli/quick.py`) saves exactly what the usual way through Django saves.

Each case runs as a person would run it, `python -m thawing ...` in its own process, twice:
once as it comes (the quick way when it applies) and once with THAWING_QUICK=0 (always
Django and services.py), each on its own freshly set-up data folder. The rows written and
the words printed must be the same.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from thawing.cli import quick

# Prints, after the command, which way it went: QUICK loaded neither Typer nor Django.
RUNNER = ("import sys; from thawing.__main__ import main; code = main(sys.argv[1:]); "
          "print('DJANGO-LOADED' if 'django' in sys.modules else 'USUAL' if 'typer' in sys.modules "
          "else 'QUICK', file=sys.stderr); sys.exit(code)")
NOT_COMPARED = {"id", "created_at", "updated_at"}


class Folder:
    """A data folder set up by `thawing init`, and a way to run commands on it."""

    def __init__(self, path: Path, *, passphrase: str | None = None, country: str = "GB",
                 timezone: str = "Europe/London") -> None:
        self.path = path
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith("THAWING_") and k not in ("DJANGO_SETTINGS_MODULE", "COLUMNS")}
        self.env.update(THAWING_DATA_DIR=str(path), COLUMNS="80")
        init = ["init", "--name", "Sam", "--country", country, "--timezone", timezone]
        if passphrase is None:
            init.append("--no-passphrase")
        else:
            self.env["THAWING_PASSPHRASE"] = passphrase
        done = self.run(*init, quick=False)
        assert done.returncode == 0, done.stderr

    def run(self, *argv: str, quick: bool = True, env: dict[str, str] | None = None,
            stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        environment = {**self.env, **(env or {}), **({} if quick else {"THAWING_QUICK": "0"})}
        return subprocess.run([sys.executable, "-c", RUNNER, *argv], env=environment, text=True,
                              capture_output=True, timeout=120, input=stdin,
                              stdin=None if stdin is not None else subprocess.DEVNULL)

    def rows(self, table: str) -> list[dict[str, object]]:
        with sqlite3.connect(self.path / "thawing.sqlite3") as db:
            db.row_factory = sqlite3.Row
            return [dict(row) for row in db.execute(f"SELECT * FROM {table} ORDER BY id")]


def how(done: subprocess.CompletedProcess[str]) -> str:
    return done.stderr.strip().splitlines()[-1]


def said(done: subprocess.CompletedProcess[str]) -> list[str]:
    """What a command printed, line by line (Rich leaves a space where it wraps; that doesn't count)."""
    return [line.rstrip() for line in done.stdout.splitlines()]


def compared(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{k: v for k, v in row.items() if k not in NOT_COMPARED} for row in rows]


@pytest.fixture
def pair(tmp_path):
    """Two folders set up alike: one for the quick way, one for the usual way."""
    return Folder(tmp_path / "quick"), Folder(tmp_path / "usual")


@pytest.fixture(scope="module")
def shared_pair(tmp_path_factory):
    """The same, kept for a whole series of cases: both get the same commands in the same order."""
    folder = tmp_path_factory.mktemp("quick-series")
    return Folder(folder / "quick"), Folder(folder / "usual")


CHECKINS = [
    ("checkin", "--mood", "5", "--at", "2026-11-20T09:30"),
    ("checkin", "--cant-tell", "--at", "2026-11-20 21:05"),
    ("checkin", "--mood=7", "--feel=3", "--at=2026-11-21"),
    ("checkin", "--mood", "2", "--feel", "0", "--emotion", "tired:2", "--emotion", "Calm=5",
     "--emotion", "numb", "--body", "chest:tight", "--body", "arms:less", "--flicker",
     "the kettle\u2019s click", "--note", "Quiet day \u2014 caf\u00e9, rain \U0001f327", "--detached",
     "--struggling", "--at", "2026-11-22T23:59"),
    ("checkin", "--at", "2026-11-21T07:00", "--note", "  spaces kept inside  ", "--mood", "10"),
    # A long description, wrapped at 80 columns the same way.
    ("checkin", "--mood", "4", "--emotion", "tired:1", "--emotion", "lonely:4", "--emotion",
     "hopeful:2", "--emotion", "restless:3", "--body", "stomach:heavy", "--body", "head:pressure",
     "--at", "2026-11-19T12:00"),
]


@pytest.mark.practice("A2")
@pytest.mark.parametrize("argv", CHECKINS, ids=range(len(CHECKINS)))
def test_a_check_in_the_quick_way_writes_and_says_what_the_usual_way_does(shared_pair, argv):
    both_ways_alike(shared_pair, argv, ("checkins_checkin", "checkins_checkinemotion",
                                        "checkins_bodysensation"))


def both_ways_alike(pair: tuple[Folder, Folder], argv: tuple[str, ...], tables: tuple[str, ...]) -> None:
    """Run `argv` the quick way on one folder and the usual way on the other: the same rows, words."""
    fast, usual = pair
    ran_fast, ran_usual = fast.run(*argv), usual.run(*argv, quick=False)

    assert (ran_fast.returncode, ran_usual.returncode) == (0, 0), ran_fast.stderr + ran_usual.stderr
    assert how(ran_fast) == "QUICK"
    assert how(ran_usual) == "DJANGO-LOADED"
    assert said(ran_fast) == said(ran_usual)
    for table in tables:
        assert compared(fast.rows(table)) == compared(usual.rows(table)), table


@pytest.mark.practice("A2")
def test_a_quick_check_in_reads_back_through_django_as_saved(pair):
    fast, _ = pair
    saved = fast.run("checkin", "--mood", "6", "--feel", "2", "--emotion", "tired:2", "--body",
                     "chest:tight", "--note", "from the quick way")
    assert how(saved) == "QUICK"

    listed = fast.run("checkins", "--json")
    assert listed.returncode == 0, listed.stderr
    [shown] = json.loads(listed.stdout)
    assert (shown["mood"], shown["feel"], shown["note"]) == (6, 2, "from the quick way")
    assert [(e["emotion"], e["intensity"]) for e in shown["emotions"]] == [("tired", 2)]
    assert [(b["region"], b["sensation"]) for b in shown["body"]] == [("chest", "tight")]
    row = fast.rows("checkins_checkin")[0]
    assert row["created_at"] == row["updated_at"]
    assert str(row["created_at"]) >= str(row["at"])  # "now", stored as Django stores it (UTC)


JOURNALS = [
    ("journal", "Walked", "to", "the", "river.", "--at", "2026-11-20T18:00"),
    ("journal", "--title", "A walk", "--tag", "River", "--tag", "#walk", "--tag", "river",
     "--at", "2026-11-20T18:00", "The water was grey and quiet; I let my shoulders drop."),
    ("journal", "--letter", "Dear Dad, I wanted to tell you about the garden.", "--at", "2026-11-21"),
    ("journal", "--prompt", "letters-someone-who-died", "I still set out two cups.",
     "--at", "2026-11-21T08:00"),
    ("journal", "--prompt", "curiosity-how-do-i-feel", "--tag", "morning", "Flat, mostly. A bit "
     "of warmth at the bus stop.", "--at=2026-11-22T07:45"),
]


@pytest.mark.practice("B1")
@pytest.mark.parametrize("argv", JOURNALS, ids=range(len(JOURNALS)))
def test_a_journal_entry_the_quick_way_writes_and_says_what_the_usual_way_does(shared_pair, argv):
    if not shared_pair[1].rows("journal_tag"):
        # A tag made before: the quick way finds it, as get_or_create does.
        for folder in shared_pair:
            folder.run("journal", "An older entry", "--tag", "river", "--at", "2026-11-01", quick=False)
    both_ways_alike(shared_pair, argv, ("journal_entry", "journal_tag", "journal_entrytag"))


@pytest.mark.practice("B1")
def test_a_quick_entry_is_found_by_journal_search(pair):
    fast, _ = pair
    assert how(fast.run("journal", "The lighthouse blinked twice over the harbour.")) == "QUICK"
    found = fast.run("journal", "search", "lighthous", "--json")
    assert found.returncode == 0, found.stderr
    assert [hit["entry"]["body"] for hit in json.loads(found.stdout)] == [
        "The lighthouse blinked twice over the harbour."]


USUAL_WAY = [
    ("checkin", "--mood", "11"),                         # refused: the usual message
    ("checkin", "--mood", "5", "--emotion", "blorp"),    # an unknown word
    ("checkin", "--feel", "3"),                          # no mood
    ("checkin", "--mood", "5", "--cant-tell"),
    ("checkin", "--mood", "5", "--json"),
    ("checkin", "--help"),
    ("checkin", "--mood", "5", "--mood", "6"),
    ("checkin", "--mood", "5", "--note", "-ish"),        # a value like an option
    ("checkin", "--mood", "5", "--at", "yesterday-ish"),
    ("journal", "search", "river"),
    ("journal", "-"),
    ("journal", ""),
    ("journal", "Some text", "--prompt", "no-such-prompt"),
    ("journal", "Some text", "--json"),
    ("journal", "--tag", "x" * 41, "Some text"),
]


@pytest.mark.parametrize("argv", USUAL_WAY, ids=range(len(USUAL_WAY)))
def test_anything_else_goes_the_usual_way_with_the_usual_answer(shared_pair, argv):
    fast, usual = shared_pair
    ran_fast, ran_usual = fast.run(*argv, stdin=""), usual.run(*argv, quick=False, stdin="")

    assert how(ran_fast) != "QUICK"
    assert ran_fast.returncode == ran_usual.returncode
    assert ran_fast.stderr == ran_usual.stderr
    if "--json" not in argv:
        assert said(ran_fast) == said(ran_usual)
    else:
        assert json.loads(ran_fast.stdout).keys() == json.loads(ran_usual.stdout).keys()
    assert len(fast.rows("checkins_checkin")) == len(usual.rows("checkins_checkin"))
    assert len(fast.rows("journal_entry")) == len(usual.rows("journal_entry"))


@pytest.mark.practice("G5")
@pytest.mark.parametrize("argv", [
    ("checkin", "--mood", "1", "--note", "I want to end my life"),
    ("checkin", "--cant-tell", "--flicker", "thinking about killing myself"),
    ("journal", "I keep thinking everyone would be better off if I was dead."),
])
def test_crisis_words_show_the_same_crisis_lines_at_once(shared_pair, argv):
    fast, usual = shared_pair
    ran_fast, ran_usual = fast.run(*argv), usual.run(*argv, quick=False)

    assert how(ran_fast) == "QUICK"
    assert ran_fast.returncode == 0
    assert said(ran_fast) == said(ran_usual)
    assert "Samaritans" in ran_fast.stdout and "999" in ran_fast.stdout


@pytest.mark.practice("G5")
@pytest.mark.parametrize(("argv", "opening"), [
    (("journal", "My sister told me tonight she wants to kill herself. I'm so scared for her."),
     "someone you care about"),
    (("journal", "Six years ago I tried to kill myself. I'm in a much better place now."),
     "hard time in your past"),
])
def test_someone_else_or_the_past_is_said_the_same_both_ways(shared_pair, argv, opening):
    fast, usual = shared_pair
    ran_fast, ran_usual = fast.run(*argv), usual.run(*argv, quick=False)

    assert said(ran_fast) == said(ran_usual)
    assert opening in " ".join(ran_usual.stdout.split()) and "Samaritans" in ran_usual.stdout
    # Both ways again as JSON (which also keeps the two folders' entry numbers in step).
    for done in (fast.run(*argv, "--json"), usual.run(*argv, "--json", quick=False)):
        assert json.loads(done.stdout)["support"]["context"] in {"other", "past"}


def test_with_a_passphrase_the_quick_way_writes_into_the_encrypted_database(tmp_path):
    folder = Folder(tmp_path / "locked", passphrase="a long enough passphrase")
    saved = folder.run("checkin", "--mood", "3", "--note", "behind the passphrase")
    assert saved.returncode == 0, saved.stderr
    assert how(saved) == "QUICK"
    assert b"behind the passphrase" not in (tmp_path / "locked" / "thawing.sqlite3").read_bytes()
    listed = folder.run("checkins", "--json")
    assert [c["note"] for c in json.loads(listed.stdout)] == ["behind the passphrase"]

    wrong = folder.run("checkin", "--mood", "3", env={"THAWING_PASSPHRASE": "not the one at all"})
    assert (wrong.returncode, how(wrong)) == (1, "DJANGO-LOADED")
    assert "passphrase doesn\u2019t match" in wrong.stderr
    unasked = folder.run("checkin", "--mood", "3", env={"THAWING_PASSPHRASE": ""})
    assert how(unasked) == "DJANGO-LOADED" and unasked.returncode == 1
    assert len(json.loads(folder.run("checkins", "--json").stdout)) == 1


def test_a_write_that_fails_midway_leaves_nothing_behind(pair):
    fast, _ = pair
    with sqlite3.connect(fast.path / "thawing.sqlite3") as db:
        db.execute("CREATE TRIGGER refuse_body BEFORE INSERT ON checkins_bodysensation "
                   "BEGIN SELECT RAISE(ABORT, 'disk full, say'); END")
    failed = fast.run("checkin", "--mood", "5", "--emotion", "tired", "--body", "chest:tight")

    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert fast.rows("checkins_checkin") == [] and fast.rows("checkins_checkinemotion") == []
    assert how(fast.run("checkin", "--mood", "5", "--emotion", "tired")) == "QUICK"
    assert len(fast.rows("checkins_checkin")) == 1


def test_in_server_mode_or_with_field_keys_it_goes_the_usual_way(pair):
    fast, _ = pair
    keyed = fast.run("checkin", "--mood", "5", env={
        "THAWING_FIELD_KEYS": "k1:" + "A" * 43})
    assert how(keyed) == "DJANGO-LOADED"
    server = fast.run("checkin", "--mood", "5", env={"THAWING_MODE": "server"})
    assert how(server) == "DJANGO-LOADED"


def test_not_yet_set_up_goes_the_usual_way(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("THAWING_")}
    done = subprocess.run([sys.executable, "-c", RUNNER, "checkin", "--mood", "5"],
                          env={**env, "THAWING_DATA_DIR": str(tmp_path / "new")}, text=True,
                          capture_output=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 1 and how(done) == "DJANGO-LOADED"
    assert "thawing init" in done.stderr


# --- The parts, in this process -----------------------------------------------------------

@pytest.mark.parametrize("argv", [
    ["--help"], ["--json"], ["--"], ["-"], ["--mood"], ["--mood", "--feel", "3"],
    ["--mood", "5", "--mood", "5"], ["--cant-tell=yes"], ["--colour", "red"], ["words"],
])
def test_the_parser_leaves_anything_unusual_to_the_usual_one(argv):
    with pytest.raises(quick.NotHere):
        quick.parse(argv, quick.CHECKIN)


def test_the_parser_reads_values_flags_and_repeats():
    parsed = quick.parse(["--mood=5", "--emotion", "a:1", "--emotion=b", "--detached", "--note",
                          "x = y"], quick.CHECKIN)
    assert parsed.values == {"--mood": "5", "--emotion": ["a:1", "b"], "--detached": True,
                             "--note": "x = y"}
    words = quick.parse(["one", "--tag", "t", "two"], quick.JOURNAL)
    assert (words.words, words.values) == (["one", "two"], {"--tag": ["t"]})


@pytest.mark.django_db
def test_the_migrations_it_expects_are_the_ones_django_finds():
    from django.conf import settings
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection, ignore_no_migrations=True)
    assert quick.migration_names(settings.INSTALLED_APPS) == set(loader.disk_migrations)


def test_a_database_missing_a_migration_is_not_current(tmp_path):
    from django.conf import settings

    names = sorted(quick.migration_names(settings.INSTALLED_APPS))
    db = sqlite3.connect(tmp_path / "schema.sqlite3")
    db.execute("CREATE TABLE django_migrations (app TEXT, name TEXT)")
    db.executemany("INSERT INTO django_migrations VALUES (?, ?)", names[1:])
    assert not quick.schema_is_current(db, settings.INSTALLED_APPS)
    db.execute("INSERT INTO django_migrations VALUES (?, ?)", names[0])
    assert quick.schema_is_current(db, settings.INSTALLED_APPS)


def test_it_writes_every_column_the_models_have():
    """A new column on these models must be written by the quick way too (or this fails)."""
    from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion
    from thawing.journal.models import Entry, EntryTag, Tag

    def columns(model):
        return {f.column for f in model._meta.concrete_fields} - {"id"}

    assert columns(CheckIn) == set(quick.CHECKIN_COLUMNS)
    assert columns(CheckInEmotion) == set(quick.EMOTION_COLUMNS)
    assert columns(BodySensation) == set(quick.BODY_COLUMNS)
    assert columns(Entry) == set(quick.ENTRY_COLUMNS)
    assert columns(Tag) == set(quick.TAG_COLUMNS)
    assert columns(EntryTag) == set(quick.ENTRY_TAG_COLUMNS)
    assert {Entry.Kind.ENTRY, Entry.Kind.LETTER} == {"entry", "letter"}


def test_when_django_is_loaded_it_stands_aside():
    assert "django" in sys.modules
    assert quick.run(["checkin", "--mood", "5"]) is None
