"""Scoring with the published bands at every boundary, prorating, and the safety item."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thawing import content
from thawing.content import score
from thawing.core.errors import InvalidInput, ThawingError
from thawing.core.questionnaires import Instrument


def spread(total: int, items: int, top: int = 3) -> list[int]:
    """Answers of `items` questions (0..top each) that add up to `total`."""
    answers = []
    for _ in range(items):
        answers.append(min(top, total))
        total -= answers[-1]
    assert total == 0
    return answers


@pytest.mark.parametrize("total, band", [
    (0, "Minimal"), (4, "Minimal"), (5, "Mild"), (9, "Mild"), (10, "Moderate"), (14, "Moderate"),
    (15, "Moderately severe"), (19, "Moderately severe"), (20, "Severe"), (27, "Severe"),
])
def test_phq9_bands_follow_the_published_cut_points(total, band):
    # Item 9 stays 0 so that only the total is being tested here.
    answers = spread(total, 8) + [0] if total <= 24 else [3] * 8 + [total - 24]
    result = score("phq9", answers)
    assert (result.total, result.band) == (total, band)


@pytest.mark.parametrize("total, band", [
    (0, "Minimal"), (4, "Minimal"), (5, "Mild"), (9, "Mild"), (10, "Moderate"), (14, "Moderate"),
    (15, "Severe"), (21, "Severe"),
])
def test_gad7_bands_follow_the_published_cut_points(total, band):
    assert score("gad7", spread(total, 7)).band == band


@pytest.mark.parametrize("instrument", ["phq2", "gad2"])
@pytest.mark.parametrize("total, positive", [(0, False), (2, False), (3, True), (6, True)])
def test_two_item_screens_turn_positive_at_three(instrument, total, positive):
    band = score(instrument, spread(total, 2)).band
    assert ("At or above" in band) is positive


@pytest.mark.practice("G5")
@pytest.mark.parametrize("item9", [1, 2, 3])
def test_phq9_item_9_above_zero_flags_whatever_the_total(item9):
    result = score("phq9", [0] * 8 + [item9])
    assert result.safety_flag and result.band == "Minimal"


def test_phq9_item_9_at_zero_does_not_flag_even_at_the_top():
    assert not score("phq9", [3] * 8 + [0]).safety_flag


def test_gad7_has_no_safety_item():
    assert not score("gad7", [3] * 7).safety_flag


def test_phq9_prorates_up_to_two_missing_items():
    # Sum 7 over 8 answered items, scaled to 9: 7.875, rounded to 8.
    result = score("phq9", [1, 1, 1, 1, 1, 1, 1, None, 0])
    assert result.total == 8 and result.prorated and result.answered == 8


def test_phq9_prorating_rounds_half_up():
    # Sum 13 over 8 answered: 13 * 9 / 8 = 14.625 -> 15 (moderately severe).
    result = score("phq9", [2, 2, 2, 2, 2, 2, 1, None, 0])
    assert (result.total, result.band) == (15, "Moderately severe")
    # Sum 6 over 7 answered: 6 * 9 / 7 = 7.71 -> 8.
    assert score("phq9", [1, 1, 1, 1, 1, 1, None, None, 0]).total == 8


def test_phq9_refuses_three_missing_items():
    with pytest.raises(InvalidInput, match="answer every question"):
        score("phq9", [1, 1, 1, 1, 1, 1, None, None, None])


def test_gad7_needs_every_answer():
    with pytest.raises(InvalidInput):
        score("gad7", [1, 1, 1, 1, 1, 1, None])


@pytest.mark.parametrize("answers", [[0] * 8, [0] * 11, [], [4] + [0] * 8, [-1] + [0] * 8,
                                     [True] + [0] * 8, [0] * 9 + [4]])
def test_wrong_lengths_and_values_are_refused_clearly(answers):
    with pytest.raises(InvalidInput) as caught:
        score("phq9", answers)
    assert caught.value.fields["answers"]


def test_an_unknown_instrument_is_refused():
    with pytest.raises(InvalidInput):
        score("odq", [0] * 26)


def test_every_shipped_instrument_loads_with_its_source_and_licence():
    found = content.instruments()
    assert list(found)[:4] == ["phq2", "phq9", "gad2", "gad7"]
    for instrument in found.values():
        assert instrument.source and instrument.licence and instrument.attribution
    assert not found["numbness"].validated
    assert found["phq9"].items[8].startswith("Thoughts that you would be better off dead")


def test_a_malformed_instrument_names_its_file_and_field():
    with pytest.raises(ThawingError, match="broken.toml.*name"):
        Instrument.from_mapping({"id": "x"}, where="instruments/broken.toml")


def test_bands_with_a_gap_are_refused_at_load():
    data = {"id": "x", "name": "X", "title": "X", "about": "", "validated": False,
            "source": "s", "licence": "l", "attribution": "a", "stem": "s",
            "items": [{"text": "one"}], "options": [{"value": 0, "label": "no"},
                                                    {"value": 3, "label": "yes"}],
            "bands": [{"min": 0, "max": 1, "label": "low", "meaning": ""}]}
    with pytest.raises(ThawingError, match="bands must cover"):
        Instrument.from_mapping(data, where="instruments/gap.toml")


@given(st.lists(st.integers(0, 3), min_size=9, max_size=9), st.integers(0, 8))
def test_raising_any_answer_never_lowers_the_total(answers, index):
    higher = list(answers)
    higher[index] = min(3, higher[index] + 1)
    assert score("phq9", higher).total >= score("phq9", answers).total
    assert 0 <= score("phq9", answers).total <= 27
