"""Finer points of `crisis_signals` beyond the corpus: kinds, idioms, denials (G5)."""

from __future__ import annotations

import pytest

from thawing.core.safety import HOPELESSNESS, SELF_HARM, SUICIDE, crisis_signals


@pytest.mark.practice("G5")
@pytest.mark.parametrize("text, kind", [
    ("I want to kill myself", SUICIDE),
    ("I’ve been cutting again", SELF_HARM),
    ("there is no point in living", HOPELESSNESS),
])
def test_each_signal_names_its_kind(text, kind):
    assert [s.kind for s in crisis_signals(text)] == [kind]


@pytest.mark.parametrize("text", [
    "I can't go on holiday this year", "I nearly killed myself laughing", "it was career suicide",
    "I wanted to die of embarrassment", "The cat could sleep forever", "I could sleep forever",
])
def test_figures_of_speech_are_not_signals(text):
    assert crisis_signals(text) == []


@pytest.mark.parametrize("text", [
    "My therapist asked if I was suicidal and honestly I'm not",
    "I'm not suicidal", "I would never hurt myself", "I don't want to die",
])
def test_a_plain_denial_alone_is_not_a_signal(text):
    assert crisis_signals(text) == []


@pytest.mark.practice("G5")
def test_a_denial_does_not_hide_another_signal_nearby():
    text = "I'm not suicidal. I just don't want to wake up tomorrow."
    assert crisis_signals(text)


def test_signals_point_at_the_words_and_do_not_overlap():
    text = "Walked the dog. I want to die. Then I made tea and thought about ending it all."
    signals = crisis_signals(text)
    assert [text[a:b].lower() for a, b in (s.span for s in signals)] == [
        "want to die", "ending it all"]


def test_empty_and_odd_input_is_quietly_fine():
    assert crisis_signals("") == [] and crisis_signals("\x00\n\t") == []
    assert crisis_signals("x" * 100_000) == []
