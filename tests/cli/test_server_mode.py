"""Server mode from the command line: operators add accounts, and every command acts for
the one account named by THAWING_USER, never seeing anyone else's data."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.cli.test_cli import run
from thawing.accounts.models import Profile
from thawing.checkins.models import CheckIn
from thawing.journal.models import Entry

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough passphrase"


# --- adduser ------------------------------------------------------------------------------

def test_adduser_creates_an_account_with_its_profile(capsys, server_mode, monkeypatch):
    monkeypatch.setenv("THAWING_NEW_PASSWORD", PASSWORD)
    ran = run(capsys, "adduser", "robin", "--name", "Robin", "--timezone", "Europe/Berlin")
    assert ran.code == 0
    assert "robin" in ran.said
    user = get_user_model().objects.get(username="robin")
    assert user.check_password(PASSWORD)
    profile = Profile.objects.get(user=user)
    assert (profile.display_name, profile.timezone) == ("Robin", "Europe/Berlin")


def test_adduser_with_a_taken_name_exits_1_and_changes_nothing(capsys, server_mode,
                                                               make_account, monkeypatch):
    make_account("robin")
    monkeypatch.setenv("THAWING_NEW_PASSWORD", "another long passphrase")
    ran = run(capsys, "adduser", "Robin")
    assert ran.code == 1
    assert "taken" in ran.said
    assert get_user_model().objects.count() == 1
    assert get_user_model().objects.get().check_password(PASSWORD)


def test_adduser_with_a_weak_password_exits_1_and_creates_nobody(capsys, server_mode,
                                                                 monkeypatch):
    monkeypatch.setenv("THAWING_NEW_PASSWORD", "short")
    ran = run(capsys, "adduser", "robin")
    assert ran.code == 1
    assert "too short" in ran.said
    assert not get_user_model().objects.exists()


def test_adduser_without_a_password_or_terminal_says_how_to_give_one(capsys, server_mode):
    ran = run(capsys, "adduser", "robin")
    assert ran.code == 1
    assert "THAWING_NEW_PASSWORD" in ran.said
    assert not get_user_model().objects.exists()


def test_init_in_server_mode_exits_1_and_creates_nobody(capsys, server_mode, data_dir):
    ran = run(capsys, "init", "--no-passphrase")
    assert ran.code == 1
    assert "adduser" in ran.said
    assert not get_user_model().objects.exists()
    assert not (data_dir / "unlock.json").exists()


# --- acting for THAWING_USER --------------------------------------------------------------

@pytest.mark.practice("A2")
def test_checkin_in_server_mode_is_saved_for_thawing_user(capsys, server_mode, make_account,
                                                          monkeypatch):
    robin, kim = make_account("robin"), make_account("kim")
    monkeypatch.setenv("THAWING_USER", "kim")
    ran = run(capsys, "checkin", "--mood", "6", "--emotion", "tired")
    assert ran.code == 0
    saved = CheckIn.objects.get()
    assert (saved.user, saved.mood) == (kim, 6)
    assert not CheckIn.objects.filter(user=robin).exists()


@pytest.mark.parametrize("name", [None, "nobody-by-this-name"])
def test_checkin_in_server_mode_without_a_known_thawing_user_exits_1(capsys, server_mode,
                                                                     make_account, monkeypatch,
                                                                     name):
    make_account("robin")
    if name:
        monkeypatch.setenv("THAWING_USER", name)
    ran = run(capsys, "checkin", "--mood", "6")
    assert ran.code == 1
    assert "set THAWING_USER" in ran.said
    assert CheckIn.objects.count() == 0


def test_each_account_lists_only_its_own_checkins(capsys, server_mode, make_account,
                                                  monkeypatch):
    make_account("robin"), make_account("kim")
    monkeypatch.setenv("THAWING_USER", "robin")
    run(capsys, "checkin", "--mood", "2", "--note", "robin's private note")
    monkeypatch.setenv("THAWING_USER", "kim")
    run(capsys, "checkin", "--mood", "8")

    ran = run(capsys, "checkins", "--json")
    assert ran.code == 0
    assert [c["mood"] for c in ran.json()] == [8]
    today = run(capsys, "today", "--json").json()
    assert [c["mood"] for c in today["checkins"]] == [8]
    assert "robin's private note" not in ran.out + str(today)


@pytest.mark.practice("B1")
def test_journal_search_finds_only_the_accounts_own_entries(capsys, server_mode, make_account,
                                                            monkeypatch):
    kim = make_account("kim")
    make_account("robin")
    monkeypatch.setenv("THAWING_USER", "kim")
    run(capsys, "journal", "Kim went walking at dawn.")
    monkeypatch.setenv("THAWING_USER", "robin")
    run(capsys, "journal", "Robin was walking home.")

    ran = run(capsys, "journal", "search", "walk", "--json")

    assert ran.code == 0
    assert [h["entry"]["body"] for h in ran.json()] == ["Robin was walking home."]
    assert Entry.objects.filter(user=kim).count() == 1
