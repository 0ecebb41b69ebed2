"""The PCL-5 trauma module: 0-80 total, the 31-33 cut-point, every answer needed, opt-in (G1)."""

from __future__ import annotations

import pytest

from thawing import content
from thawing.content import score
from thawing.core.errors import InvalidInput
from thawing.core.questionnaires import Instrument

BELOW = "Below the usual cut-point"
AT_OR_ABOVE = "At or above the usual cut-point (31–33)"


def spread(total: int, items: int = 20, top: int = 4) -> list[int]:
    """Answers of `items` questions (0..top each) that add up to `total`."""
    answers = []
    for _ in range(items):
        answers.append(min(top, total))
        total -= answers[-1]
    assert total == 0
    return answers


def pcl5() -> Instrument:
    return content.instruments()["pcl5"]


@pytest.mark.practice("G1")
@pytest.mark.parametrize("total, band", [
    (0, BELOW), (1, BELOW), (29, BELOW), (30, BELOW),
    (31, AT_OR_ABOVE), (32, AT_OR_ABOVE), (33, AT_OR_ABOVE), (34, AT_OR_ABOVE),
    (79, AT_OR_ABOVE), (80, AT_OR_ABOVE),
])
def test_pcl5_bands_sit_at_the_published_31_to_33_cut_point(total, band):
    result = score("pcl5", spread(total))
    assert (result.total, result.band) == (total, band)
    assert not result.prorated and result.answered == 20


@pytest.mark.practice("G1")
def test_pcl5_bands_never_say_diagnosis():
    for band in pcl5().bands:
        assert "not a diagnosis" in band.meaning or band.low == 0
        assert "diagnos" not in band.label.lower()
    assert "not a diagnosis" in pcl5().band_for(31).meaning


@pytest.mark.practice("G1")
def test_pcl5_has_twenty_items_on_a_0_to_4_scale_totalling_0_to_80():
    instrument = pcl5()
    assert len(instrument.items) == 20 and instrument.highest == 80
    assert [(o.value, o.label) for o in instrument.options] == [
        (0, "Not at all"), (1, "A little bit"), (2, "Moderately"), (3, "Quite a bit"),
        (4, "Extremely")]
    assert instrument.items[0] == ("Repeated, disturbing, and unwanted memories of the "
                                   "stressful experience?")
    assert instrument.items[13].startswith("Trouble experiencing positive feelings")
    assert instrument.items[19] == "Trouble falling or staying asleep?"
    assert "a very stressful experience" in instrument.stem
    assert "in the past month" in instrument.stem.lower()


@pytest.mark.practice("G1")
@pytest.mark.parametrize("answers", [[0] * 19, [0] * 21, [], [5] + [0] * 19, [-1] + [0] * 19,
                                     [True] + [0] * 19, ["2"] + [0] * 19])
def test_pcl5_refuses_wrong_lengths_and_values(answers):
    with pytest.raises(InvalidInput) as caught:
        score("pcl5", answers)
    assert caught.value.fields["answers"]


@pytest.mark.practice("G1")
@pytest.mark.parametrize("missing", [[0], [19], [3, 7], list(range(20))])
def test_pcl5_needs_every_answer_because_the_source_gives_no_prorating_rule(missing):
    answers: list[int | None] = [2] * 20
    for index in missing:
        answers[index] = None
    with pytest.raises(InvalidInput, match="answer every question"):
        score("pcl5", answers)
    assert pcl5().max_missing == 0


@pytest.mark.practice("G1")
def test_pcl5_has_no_safety_item_so_a_top_score_does_not_flag():
    assert pcl5().safety_items == ()
    assert not score("pcl5", [4] * 20).safety_flag


@pytest.mark.practice("G1")
def test_pcl5_is_opt_in_and_the_others_are_not():
    found = content.instruments()
    assert list(found)[-1] == "pcl5"
    assert [i for i, instrument in found.items() if instrument.opt_in] == ["pcptsd5", "pcl5"]


def test_the_opt_in_flag_is_read_from_the_file_and_defaults_to_off():
    data = {"id": "x", "name": "X", "title": "X", "about": "", "validated": False,
            "source": "s", "licence": "l", "attribution": "a", "stem": "s",
            "items": [{"text": "one"}], "options": [{"value": 0, "label": "no"},
                                                    {"value": 1, "label": "yes"}],
            "bands": [{"min": 0, "max": 1, "label": "any", "meaning": ""}]}
    assert not Instrument.from_mapping(data).opt_in
    assert Instrument.from_mapping({**data, "opt_in": True}).opt_in


@pytest.mark.practice("G1")
def test_pcl5_names_its_source_licence_and_attribution():
    instrument = pcl5()
    assert instrument.validated
    assert "Weathers" in instrument.source and "ptsd.va.gov" in instrument.source
    assert "public domain" in instrument.licence.lower()
    assert "National Center for PTSD" in instrument.licence
    assert "Weathers" in instrument.attribution
    assert "public domain" in instrument.attribution.lower()


def test_pcl5_suggests_a_retake_after_a_month_because_it_asks_about_the_past_month():
    assert pcl5().retake_days == 30
