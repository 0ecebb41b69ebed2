"""The quick way (thawing/cli/quick.py) frames the crisis lines as the web's card does (G5): for
someone the writer worries about, for the writer's own past, or for the writer now."""

from __future__ import annotations

import pytest

from thawing import content
from thawing.cli import quick
from thawing.core.signal import Signal, support_context

pytestmark = pytest.mark.practice("G5")
WORRIED_WORDS = content.crisis_words().words["other"]
PAST_WORDS = content.crisis_words().words["past"]


def offered(capsys, *texts: str) -> str:
    quick.offer_support(quick.Person(user_id=1, timezone="Europe/London", country="GB"), texts)
    return capsys.readouterr().out


def test_words_about_someone_else_say_worried_about_someone_with_the_lines(capsys):
    said = offered(capsys, "My flatmate told me he has been thinking about killing himself.")

    assert " ".join(WORRIED_WORDS.split()) in " ".join(said.split())
    assert "Samaritans" in said and "999" in said


def test_a_past_attempt_says_the_gentle_note_with_the_lines(capsys):
    said = offered(capsys, "I tried to end my life when I was 19.")

    assert " ".join(PAST_WORDS.split()) in " ".join(said.split())
    assert "Samaritans" in said


def test_the_writer_now_outranks_someone_else_and_the_past(capsys):
    said = offered(capsys, "My brother says he wants to die.", "And I want to die too.")

    assert WORRIED_WORDS.split()[0:4] != said.split()[0:4]
    assert "heavy" in said and "Samaritans" in said


def test_nothing_heavy_says_nothing(capsys):
    assert offered(capsys, "Cut the grass and made soup.") == ""


def test_the_most_urgent_context_wins():
    assert support_context([Signal("suicide", context="other"), Signal("suicide", context="past")]) == "past"
    assert support_context([Signal("suicide", context="past"), Signal("suicide", context="self")]) == "self"
    assert support_context([]) is None
