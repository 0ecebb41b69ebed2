"""PC-PTSD-5, AUDIT-C and the PHQ-9's final question: verbatim, scored, cut-offs (G1)."""

from __future__ import annotations

import pytest

from thawing import content
from thawing.content import score
from thawing.core.errors import InvalidInput


def instrument(name):
    return content.instruments()[name]


# --- PC-PTSD-5 ----------------------------------------------------------------------------

@pytest.mark.practice("G1")
def test_pcptsd5_asks_about_an_event_then_five_yes_no_questions_verbatim():
    pc = instrument("pcptsd5")
    assert pc.opt_in and pc.validated and len(pc.items) == 5 and pc.highest == 5
    assert pc.gate.text.startswith("Sometimes things happen to people that are unusually or especially "
                                   "frightening, horrible, or traumatic.")
    assert pc.gate.text.endswith("Have you ever experienced this kind of event?")
    assert pc.stem == "In the past month, have you…"
    assert pc.items[3] == "Felt numb or detached from people, activities, or your surroundings?"
    assert [(o.value, o.label) for o in pc.options] == [(0, "No"), (1, "Yes")]
    assert "ptsd.va.gov" in pc.attribution and "no explicit licence" in pc.licence.lower()


@pytest.mark.practice("G1")
@pytest.mark.parametrize("answers, total, band", [
    ([0], 0, "Below the usual cut-point"),
    ([0, 1, 1, 1, 1, 1], 0, "Below the usual cut-point"),
    ([1, 1, 1, 0, 0, 0], 2, "Below the usual cut-point"),
    ([1, 1, 1, 1, 0, 0], 3, "At or above the usual cut-point (3)"),
    ([1, 1, 1, 1, 1, 1], 5, "At or above the usual cut-point (3)"),
])
def test_pcptsd5_counts_the_yeses_and_no_event_means_0(answers, total, band):
    result = score("pcptsd5", answers)
    assert (result.total, result.band) == (total, band)
    assert instrument("pcptsd5").reason_from(result.extras) == 3


def test_pcptsd5_with_no_event_keeps_no_item_answers():
    assert score("pcptsd5", [0, 1, 1, 1, 1, 1]).answers == (0, None, None, None, None, None)


def test_pcptsd5_needs_the_first_question_and_then_every_item():
    with pytest.raises(InvalidInput, match="first question"):
        score("pcptsd5", [None, 1, 1, 1, 1, 1])
    with pytest.raises(InvalidInput, match="answer every question"):
        score("pcptsd5", [1, 1, 1, None, 1, 1])
    with pytest.raises(InvalidInput):
        score("pcptsd5", [1])


# --- AUDIT-C ------------------------------------------------------------------------------

@pytest.mark.practice("G1")
def test_auditc_has_three_questions_each_with_its_own_answers_verbatim():
    audit = instrument("auditc")
    assert audit.items == (
        "How often did you have a drink containing alcohol in the past year?",
        "How many drinks did you have on a typical day when you were drinking in the past year?",
        "How often did you have 6 or more drinks on one occasion in the past year?")
    assert [o.label for o in audit.options_for(1)] == [
        "Never", "Monthly or less", "2 to 4 times a month", "2 to 3 times a week", "4 or more times a week"]
    assert [o.label for o in audit.options_for(2)] == ["0, 1, or 2", "3 or 4", "5 or 6", "7, 8, or 9",
                                                       "10 or more"]
    assert [o.label for o in audit.options_for(3)] == [
        "Never", "Less than monthly", "Monthly", "Weekly", "Daily or almost daily"]
    assert audit.highest == 12 and "World Health Organization" in audit.attribution
    assert "commercial" in audit.licence


@pytest.mark.practice("G1")
@pytest.mark.parametrize("sex, cutoff", [(None, 3), (0, 3), (1, 4), (2, 3)])
def test_auditc_cut_off_is_4_for_men_and_3_otherwise_including_prefer_not_to_say(sex, cutoff):
    answers = [2, 1, 0] + ([] if sex is None else [sex])
    result = score("auditc", answers)
    assert result.total == 3
    assert instrument("auditc").reason_from(result.extras) == cutoff
    # A past history does not move a published alcohol cut-off.
    assert instrument("auditc").reason_from(result.extras, history=True) == cutoff


def test_auditc_asks_sex_only_for_the_cut_off_and_never_needs_it():
    audit = instrument("auditc")
    assert [q.id for q in audit.extras] == ["sex"]
    assert [o.label for o in audit.extras[0].options] == ["Female", "Male", "Prefer not to say"]
    assert score("auditc", [4, 4, 4]).total == 12


def test_auditc_refuses_an_answer_outside_each_question():
    with pytest.raises(InvalidInput):
        score("auditc", [5, 0, 0])
    with pytest.raises(InvalidInput):
        score("auditc", [0, 0, 0, 3])


# --- PHQ-9's final question ---------------------------------------------------------------

@pytest.mark.practice("G1")
def test_the_phq9_difficulty_question_is_verbatim_optional_and_not_scored():
    phq9 = instrument("phq9")
    [difficulty] = phq9.extras
    assert difficulty.text == ("If you checked off any problems, how difficult have these problems made "
                               "it for you to do your work, take care of things at home, or get along "
                               "with other people?")
    assert [o.label for o in difficulty.options] == [
        "Not difficult at all", "Somewhat difficult", "Very difficult", "Extremely difficult"]
    assert score("phq9", [1] * 9).extras == {}
    with_it = score("phq9", [1] * 9 + [3])
    assert with_it.total == 9 and with_it.extras == {"difficulty": 3}


@pytest.mark.practice("G1")
@pytest.mark.parametrize("name, cutoff, lowered", [
    ("phq9", 10, 5), ("gad7", 10, 5), ("pcl5", 31, 31), ("pcptsd5", 3, 3), ("phq2", None, None),
    ("numbness", None, None),
])
def test_cut_offs_and_the_lower_line_after_a_past_history(name, cutoff, lowered):
    assert instrument(name).reason_from({}) == cutoff
    assert instrument(name).reason_from({}, history=True) == lowered


def test_no_band_or_about_text_ever_speaks_of_a_diagnosis_or_no_risk():
    for found in content.instruments().values():
        words = " ".join([found.about, *(b.label + " " + b.meaning for b in found.bands)]).lower()
        assert "no risk" not in words and "you have ptsd" not in words
        assert "diagnos" not in words or "not a diagnosis" in words
