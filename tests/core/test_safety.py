"""Finer points of `crisis_signals` beyond the corpora: taxonomy, context modifiers, spans (G5).

The sentences here were written for this file. How well the detector holds on sentences nobody
here wrote is measured, not asserted: `python -m bench.crisis` and docs/safety.md.
"""

from __future__ import annotations

import dataclasses

import pytest

from thawing.core.crisis import LEVELS
from thawing.core.safety import SELF_HARM, SUICIDE, WARNING, crisis_signals


def contexts(text: str) -> set[str]:
    return {s.context for s in crisis_signals(text)}


@pytest.mark.practice("G5")
@pytest.mark.parametrize("text, kind, level", [
    ("I want to kill myself", SUICIDE, "thoughts"),
    ("wish i could go to sleep and not wake up", SUICIDE, "wish"),
    ("I keep thinking about stepping in front of the train on my commute", SUICIDE, "method"),
    ("I’ve been cutting again", SELF_HARM, "behaviour"),
    ("they would all be better off without me", WARNING, "burden"),
    ("gave my guitar to my cousin because I won't be needing it", WARNING, "farewell"),
])
def test_each_signal_names_its_kind_and_level(text, kind, level):
    signals = crisis_signals(text)
    assert signals and (signals[0].kind, signals[0].level) == (kind, level)
    assert all(s.level in LEVELS[s.kind] or s.level == "" for s in signals)


@pytest.mark.parametrize("text", [
    "I can't go on holiday this year", "I nearly killed myself laughing", "it was career suicide",
    "I wanted to die of embarrassment", "The cat could sleep forever", "this commute is killing me",
    "cut myself a big slice of cake", "burnt the toast again", "dead tired after the night shift",
])
def test_figures_of_speech_are_not_signals(text):
    assert crisis_signals(text) == []


@pytest.mark.parametrize("text", [
    "My therapist asked if I was suicidal and honestly I'm not",
    "I'm not suicidal", "I would never hurt myself", "I don't want to die",
    "no thoughts of hurting myself", "Thoughts of suicide? No.",
])
def test_a_plain_denial_alone_is_not_a_signal(text):
    assert crisis_signals(text) == []


@pytest.mark.practice("G5")
def test_a_denial_does_not_hide_another_signal_nearby():
    text = "I'm not suicidal. I just don't want to wake up tomorrow."
    assert contexts(text) == {"self"}


@pytest.mark.practice("G5")
def test_an_explicit_first_person_statement_is_never_silenced_by_context():
    # A documentary (reported speech) and a question nearby do not silence one's own words.
    assert "self" in contexts("Watched a documentary about suicide and now I want to kill myself.")
    assert "self" in contexts("I'm not going to lie, I want to die.")


@pytest.mark.practice("G5")
def test_someone_else_gets_the_worried_about_someone_context():
    assert contexts("My sister texted that she wants to kill herself") == {"other"}


@pytest.mark.practice("G5")
def test_a_past_attempt_keeps_the_lines_with_a_gentle_note():
    assert contexts("Five years ago I tried to kill myself.") == {"past"}


@pytest.mark.parametrize("text", [
    "If I ever felt suicidal I know I'd call my sister.",
    "The documentary was about suicide prevention on bridges.",
    "Our training covered how to ask someone directly about suicide.",
])
def test_hypotheticals_news_and_prevention_work_are_not_signals(text):
    assert crisis_signals(text) == []


def test_signals_point_at_the_words_and_do_not_overlap():
    text = "Walked the dog. I want to die. Then I made tea and thought about ending it all."
    signals = crisis_signals(text)
    spans = [s.span for s in signals]
    assert len(signals) == 2 and all(a < b for a, b in spans)
    assert "die" in text[spans[0][0]:spans[0][1]] and "ending it all" in text[spans[1][0]:spans[1][1]]
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False))


def test_paraphrase_survives_contractions_misspellings_and_fragments():
    for text in ("im gonna kms", "want 2 die", "thinkin abt su1cide again", "wanna end it all tbh",
                 "sooo tired of living"):
        assert contexts(text) == {"self"}, text


def test_empty_and_odd_input_is_quietly_fine():
    assert crisis_signals("") == [] and crisis_signals("\x00\n\t") == []
    assert crisis_signals("x" * 100_000) == []
    assert crisis_signals("ﬁne ﬁne \u2019\u2018 " * 10) == []


def test_a_signal_is_frozen_and_keeps_no_words():
    signal = crisis_signals("I want to die")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        signal.kind = "x"  # type: ignore[misc]
    assert "die" not in repr(dataclasses.asdict(signal)).replace("die'", "")
