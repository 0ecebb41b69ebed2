"""The benchmark's synthetic data: it writes only where it may, the same seed gives the same
rows, and every row is one a person could have entered. No timing is asserted here."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from bench import generate
from bench.generate import UnsafeDataDir, check_safe_data_dir, generate_many, generate_person
from thawing import content
from thawing.accounts.models import Profile
from thawing.care.models import Medication, MedicationChange, ScreeningResult
from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion
from thawing.content import score
from thawing.habits.models import DayHabits, Numbing
from thawing.habits.services import numbing_kinds
from thawing.journal.models import Entry, EntryTag
from thawing.journal.services import search_entries
from thawing.practices.models import Activity, Session

ROOT = Path(__file__).resolve().parents[2]
END = date(2024, 3, 31)  # London changes its clocks that morning: the data must not mind


@pytest.fixture
def bench_dir(settings, monkeypatch):
    """A data folder made by the benchmark, in use by Django and the environment."""
    folder = generate.make_data_dir()
    monkeypatch.setenv("THAWING_DATA_DIR", str(folder))
    settings.DATA_DIR = folder
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def person(name: str, zone: str = "Europe/London"):
    user = get_user_model().objects.create_user(username=name)
    Profile.objects.create(user=user, timezone=zone)
    return user


# The guard ------------------------------------------------------------------------------

def test_the_guard_accepts_a_folder_the_benchmark_made(bench_dir):
    assert check_safe_data_dir() == bench_dir.resolve()


def test_the_guard_refuses_when_no_data_folder_is_set(monkeypatch):
    monkeypatch.delenv("THAWING_DATA_DIR", raising=False)
    with pytest.raises(UnsafeDataDir, match="not set"):
        check_safe_data_dir()


@pytest.mark.parametrize("where", ["home", "pytest", "real"])
def test_the_guard_refuses_folders_that_are_not_its_own_temporary_ones(where, tmp_path, monkeypatch):
    import platformdirs

    folder = {"home": Path.home() / "thawing-data", "pytest": tmp_path,
              "real": Path(platformdirs.user_data_dir("thawing", appauthor=False))}[where]
    monkeypatch.setenv("THAWING_DATA_DIR", str(folder))
    with pytest.raises(UnsafeDataDir):
        check_safe_data_dir()
    with pytest.raises(UnsafeDataDir):
        check_safe_data_dir(folder)


def test_the_guard_refuses_a_temporary_folder_without_its_marker(monkeypatch):
    folder = Path(tempfile.mkdtemp(prefix=generate.PREFIX))
    try:
        monkeypatch.setenv("THAWING_DATA_DIR", str(folder))
        with pytest.raises(UnsafeDataDir, match="marker"):
            check_safe_data_dir()
    finally:
        shutil.rmtree(folder)


def test_the_guard_refuses_when_django_uses_another_folder(settings, monkeypatch, tmp_path):
    folder = generate.make_data_dir()
    try:
        monkeypatch.setenv("THAWING_DATA_DIR", str(folder))
        settings.DATA_DIR = tmp_path
        with pytest.raises(UnsafeDataDir, match="DATA_DIR"):
            check_safe_data_dir()
    finally:
        shutil.rmtree(folder)


@pytest.mark.django_db
def test_generating_into_an_unsafe_folder_writes_nothing(monkeypatch, tmp_path):
    monkeypatch.setenv("THAWING_DATA_DIR", str(tmp_path))
    user = person("robin")
    with pytest.raises(UnsafeDataDir):
        generate_person(user, days=5)
    with pytest.raises(UnsafeDataDir):
        generate_many(users=2, days=2)
    assert not CheckIn.objects.exists()
    assert get_user_model().objects.count() == 1


# Reproducible ---------------------------------------------------------------------------

def _first_rows(user) -> list[tuple]:
    checkins = [(c.at, c.mood, c.feel, c.flicker, c.note, c.detached, c.struggling,
                 [(e.emotion, e.intensity) for e in c.emotions.all()],
                 [(b.region, b.sensation) for b in c.body.all()])
                for c in CheckIn.objects.filter(user=user).order_by("at", "pk")[:5]]
    entry = Entry.objects.filter(user=user).order_by("written_at", "pk").first()
    habits = DayHabits.objects.filter(user=user).order_by("day").first()
    return [*checkins, (entry.written_at, entry.title, entry.body, entry.kind),
            (habits.day, habits.sleep_hours, habits.sleep_quality, habits.meals, habits.movement_minutes)]


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_rows(bench_dir):
    first, second, other = person("a"), person("b"), person("c")
    counts = generate_person(first, days=30, seed=7, end=END)
    assert generate_person(second, days=30, seed=7, end=END) == counts
    assert _first_rows(first) == _first_rows(second)
    generate_person(other, days=30, seed=8, end=END)
    assert _first_rows(other) != _first_rows(first)
    assert 50 <= counts["check-ins"] <= 120
    assert counts["journal entries"] == 30


# Every row is one a person could have entered --------------------------------------------

@pytest.mark.django_db
def test_generated_rows_keep_thawings_rules(bench_dir):
    user = person("sam")
    counts = generate_person(user, days=60, seed=3, end=END)
    assert counts["check-ins"] > 0 and counts["journal entries"] == 60
    # Every row belongs to the person, and each part to a check-in or entry of theirs.
    from django.apps import apps

    for label in ("checkins", "journal", "practices", "care"):
        for model in apps.get_app_config(label).get_models():
            if any(f.name == "user" for f in model._meta.fields):
                assert not model.objects.exclude(user=user).exists(), model
    assert not CheckInEmotion.objects.exclude(checkin__user=user).exists()
    assert not BodySensation.objects.exclude(checkin__user=user).exists()
    assert not EntryTag.objects.exclude(entry__user=user).exists()
    assert not MedicationChange.objects.exclude(medication__user=user).exists()
    # Moments and days fall in the range, in the person's own time zone.
    import zoneinfo

    zone = zoneinfo.ZoneInfo("Europe/London")
    first = END - timedelta(days=59)
    for at in CheckIn.objects.values_list("at", flat=True):
        assert first <= at.astimezone(zone).date() <= END
    assert all(first <= d <= END for d in DayHabits.objects.values_list("day", flat=True))
    # Values within Thawing's ranges, words from its own content.
    vocabulary, body = content.vocabulary(), content.body_map()
    for mood, feel in CheckIn.objects.values_list("mood", "feel"):
        assert mood is None or 1 <= mood <= 10
        assert feel is None or 0 <= feel <= 10
    assert CheckIn.objects.filter(mood__isnull=True).exists()  # "can't tell" happens
    for emotion, intensity in CheckInEmotion.objects.values_list("emotion", "intensity"):
        assert vocabulary.get(emotion) is not None
        assert intensity is None or 1 <= intensity <= 5
    for region, sensation in BodySensation.objects.values_list("region", "sensation"):
        assert body.region(region) is not None and body.sensation(sensation) is not None
    for before, after in Session.objects.values_list("feel_before", "feel_after"):
        assert all(v is None or 0 <= v <= 10 for v in (before, after))
    assert set(Session.objects.values_list("exercise", flat=True)) <= set(content.exercises())
    for predicted, actual in Activity.objects.values_list("predicted", "actual"):
        assert all(v is None or 0 <= v <= 10 for v in (predicted, actual))
    for hours, quality, meals, minutes in DayHabits.objects.values_list(
            "sleep_hours", "sleep_quality", "meals", "movement_minutes"):
        assert hours is None or 0 <= hours <= 24
        assert quality is None or 1 <= quality <= 5
        assert meals is None or 0 <= meals <= 8
        assert minutes is None or 0 <= minutes <= 1440
    assert set(Numbing.objects.values_list("kind", flat=True)) <= set(numbing_kinds())
    results = list(ScreeningResult.objects.all())
    assert {r.instrument for r in results} == {"phq9", "gad7"}
    for result in results:
        scored = score(result.instrument, result.answers)
        assert (result.total, result.band, result.safety_flag) == (scored.total, scored.band,
                                                                  scored.safety_flag)
    assert Medication.objects.count() == 2 and MedicationChange.objects.exists()


@pytest.mark.django_db
def test_journal_search_finds_generated_words(bench_dir):
    user = person("kim")
    generate_person(user, days=20, seed=5, end=END)
    entry = Entry.objects.filter(user=user).order_by("written_at").first()
    word = next(w.strip(".,?!").lower() for w in entry.body.split() if len(w.strip(".,?!")) >= 6)
    found = [hit.entry.pk for hit in search_entries(user=user, query=word)]
    assert entry.pk in found
    if connection.vendor == "sqlite":
        # Bulk inserts fill the full-text index through migration 0002's triggers.
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM journal_entry_fts")
            assert cursor.fetchone()[0] == Entry.objects.count()


@pytest.mark.django_db
def test_many_people_each_get_their_own_light_records(bench_dir):
    from django.contrib.auth.hashers import check_password
    from django.db.models import F

    counts = generate_many(users=3, days=5, seed=2, prefix="loadtest", end=END)
    people = list(get_user_model().objects.filter(username__startswith="loadtest").order_by("username"))
    assert [p.username for p in people] == ["loadtest00001", "loadtest00002", "loadtest00003"]
    assert counts["accounts"] == 3 and counts["check-ins"] == CheckIn.objects.count()
    assert check_password("bench passphrase", people[0].password)
    for someone in people:
        assert Profile.objects.filter(user=someone).exists()
        assert CheckIn.objects.filter(user=someone).exists()
        assert DayHabits.objects.filter(user=someone).exists()
    assert not CheckInEmotion.objects.exclude(checkin__user_id=F("user_id")).exists()
    with pytest.raises(ValueError, match="exist already"):
        generate_many(users=1, days=1, prefix="loadtest")


# The command ----------------------------------------------------------------------------

def test_python_m_bench_help_works():
    done = subprocess.run([sys.executable, "-m", "bench", "--help"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "--quick" in done.stdout and "--json" in done.stdout


def test_the_installed_cli_has_no_bench_command(capsys):
    """The suite needs the source checkout (generator, jrnl, test fixtures): `python -m bench` runs it."""
    from thawing.__main__ import main

    assert main(["bench", "--quick"]) == 1
    assert "No such command" in capsys.readouterr().err
    assert main(["--help"]) == 0
    assert " bench " not in capsys.readouterr().out
