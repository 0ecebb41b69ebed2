"""The command line as a person meets it: version, help, set-up, unlocking and kind errors.

Every command runs in-process through `thawing.__main__.main`, the same door the installed
`thawing` script uses, so exit codes and messages are exactly what a person would see.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest

import thawing
from thawing.__main__ import main
from thawing.accounts.models import Profile
from thawing.checkins.models import CheckIn

PASSPHRASE = "a quiet morning by the river"


@dataclass(frozen=True)
class Ran:
    """What one command did: its exit code and what it printed."""

    code: int
    out: str
    err: str

    @property
    def said(self) -> str:
        """Everything printed, with Rich's line wrapping undone so sentences can be matched."""
        return " ".join(f"{self.out} {self.err}".split())

    def json(self) -> Any:
        return json.loads(self.out)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Ran:
    """Run one `thawing` command in this process and collect what it printed."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return Ran(code, captured.out, captured.err)


# --- version and help ---------------------------------------------------------------------

def test_version_prints_the_version_and_exits_0(capsys):
    ran = run(capsys, "--version")
    assert ran.code == 0
    assert ran.out.strip() == f"thawing {thawing.__version__}"


@pytest.mark.practice("G5")
@pytest.mark.django_db
def test_help_works_before_any_set_up(capsys):
    ran = run(capsys, "help")
    assert ran.code == 0
    assert Profile.objects.count() == 0
    assert "please reach out now" in ran.said
    assert "your local emergency number" in ran.said


@pytest.mark.practice("G5")
@pytest.mark.django_db
def test_help_for_the_us_shows_988(capsys):
    ran = run(capsys, "help", "--country", "US")
    assert ran.code == 0
    assert "988" in ran.said
    assert "911" in ran.said


@pytest.mark.practice("G5")
@pytest.mark.django_db
def test_help_for_an_unknown_country_shows_the_local_emergency_number(capsys):
    ran = run(capsys, "help", "--country", "ZZ")
    assert ran.code == 0
    assert "your local emergency number" in ran.said
    assert "988" not in ran.said


@pytest.mark.practice("G5")
def test_help_uses_the_profiles_country_when_none_is_given(capsys, local_user):
    ran = run(capsys, "help")
    assert ran.code == 0
    assert "116 123" in ran.said


# --- errors become kind sentences and exit 1 ----------------------------------------------

@pytest.mark.django_db
def test_an_unknown_command_exits_1_not_2(capsys):
    ran = run(capsys, "cheque-in")
    assert ran.code == 1
    assert "No such command" in ran.said


def test_an_unknown_option_exits_1_not_2(capsys, local_user):
    ran = run(capsys, "checkin", "--bogus")
    assert ran.code == 1
    assert "--bogus" in ran.said
    assert CheckIn.objects.count() == 0


def test_an_unexpected_error_is_a_kind_sentence_without_traceback_or_private_text(
        capsys, local_user, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("my secret journal words")

    monkeypatch.setattr("thawing.today.services.today_summary", broken)
    ran = run(capsys, "today")
    assert ran.code == 1
    assert "isn\u2019t your fault" in ran.said
    assert "Traceback" not in ran.said
    assert "my secret journal words" not in ran.said


def test_a_missing_unlock_file_is_explained_not_ignored(capsys, local_user, data_dir):
    (data_dir / "unlock.json").unlink()
    ran = run(capsys, "today")
    assert ran.code == 1
    assert "unlock file is missing" in ran.said


@pytest.mark.django_db
def test_commands_that_need_a_profile_say_to_run_init_first(capsys):
    ran = run(capsys, "today")
    assert ran.code == 1
    assert "thawing init" in ran.said


# --- init ---------------------------------------------------------------------------------

@pytest.mark.django_db
def test_init_without_passphrase_creates_the_profile(capsys, data_dir):
    ran = run(capsys, "init", "--no-passphrase", "--name", "X", "--country", "GB",
              "--timezone", "Europe/London")
    assert ran.code == 0
    profile = Profile.objects.get()
    assert (profile.display_name, profile.country, profile.timezone) == (
        "X", "GB", "Europe/London")
    assert json.loads((data_dir / "unlock.json").read_text())["passphrase"] is False


@pytest.mark.django_db
def test_a_second_init_exits_1_kindly_and_changes_nothing(capsys, data_dir):
    run(capsys, "init", "--no-passphrase", "--name", "X", "--country", "GB",
        "--timezone", "Europe/London")
    unlock_before = (data_dir / "unlock.json").read_bytes()

    ran = run(capsys, "init", "--no-passphrase", "--name", "Y", "--country", "US",
              "--timezone", "America/Chicago")

    assert ran.code == 1
    assert "already set up" in ran.said and "nothing was changed" in ran.said
    assert "Traceback" not in ran.said
    profile = Profile.objects.get()
    assert (profile.display_name, profile.country, profile.timezone) == (
        "X", "GB", "Europe/London")
    assert (data_dir / "unlock.json").read_bytes() == unlock_before


@pytest.mark.parametrize("option, value, words", [
    ("--country", "XX", "country code \u201cXX\u201d"),
    ("--timezone", "Mars/Olympus_Mons", "time zone \u201cMars/Olympus_Mons\u201d"),
])
@pytest.mark.django_db
def test_init_with_a_bad_country_or_time_zone_exits_1_and_saves_nothing(
        capsys, data_dir, option, value, words):
    argv = {"--country": "GB", "--timezone": "Europe/London"} | {option: value}
    ran = run(capsys, "init", "--no-passphrase", *[p for kv in argv.items() for p in kv])
    assert ran.code == 1
    assert words in ran.said
    assert Profile.objects.count() == 0
    assert not (data_dir / "unlock.json").exists()


@pytest.mark.django_db
def test_init_without_a_passphrase_or_a_terminal_says_how_to_give_one(capsys):
    ran = run(capsys, "init", "--timezone", "UTC")
    assert ran.code == 1
    assert "THAWING_PASSPHRASE" in ran.said
    assert Profile.objects.count() == 0


@pytest.mark.django_db
def test_init_refuses_a_passphrase_too_short_to_protect_a_journal(capsys, monkeypatch):
    monkeypatch.setenv("THAWING_PASSPHRASE", "short")
    ran = run(capsys, "init", "--timezone", "UTC")
    assert ran.code == 1
    assert "at least 8 characters" in ran.said
    assert Profile.objects.count() == 0


# --- a profile locked with a passphrase ---------------------------------------------------

@pytest.fixture
def locked_profile(capsys, monkeypatch, data_dir):
    """A profile made by `thawing init` with THAWING_PASSPHRASE set, then the variable unset."""
    monkeypatch.setenv("THAWING_PASSPHRASE", PASSPHRASE)
    ran = run(capsys, "init", "--name", "Ash", "--timezone", "Europe/London")
    assert ran.code == 0
    monkeypatch.delenv("THAWING_PASSPHRASE")
    return Profile.objects.get()


@pytest.mark.django_db
def test_init_with_thawing_passphrase_makes_a_profile_that_needs_it(locked_profile, data_dir):
    record = json.loads((data_dir / "unlock.json").read_text())
    assert record["passphrase"] is True
    assert PASSPHRASE not in (data_dir / "unlock.json").read_text()


@pytest.mark.django_db
def test_a_wrong_passphrase_exits_1_kindly_without_traceback(capsys, monkeypatch,
                                                             locked_profile):
    monkeypatch.setenv("THAWING_PASSPHRASE", "not the right words")
    ran = run(capsys, "today")
    assert ran.code == 1
    assert "passphrase doesn\u2019t match" in ran.said
    assert "Traceback" not in ran.said


@pytest.mark.django_db
def test_the_right_passphrase_unlocks_the_profile(capsys, monkeypatch, locked_profile):
    monkeypatch.setenv("THAWING_PASSPHRASE", PASSPHRASE)
    ran = run(capsys, "today", "--json")
    assert ran.code == 0
    assert ran.json()["checkins"] == []


@pytest.mark.django_db
def test_a_locked_profile_without_passphrase_or_terminal_says_how_to_unlock(capsys,
                                                                           locked_profile):
    ran = run(capsys, "checkin", "--mood", "5")
    assert ran.code == 1
    assert "THAWING_PASSPHRASE" in ran.said
    assert CheckIn.objects.count() == 0


# --- mode mix-ups -------------------------------------------------------------------------

def test_adduser_in_local_mode_exits_1_and_points_to_init(capsys, local_user, monkeypatch):
    monkeypatch.setenv("THAWING_NEW_PASSWORD", "a long enough passphrase")
    ran = run(capsys, "adduser", "robin")
    assert ran.code == 1
    assert "thawing init" in ran.said
    assert not Profile.objects.filter(user__username="robin").exists()
