"""The PCL-5 on the web: listed in its own opt-in section, scored at the 31-33 cut-point (G1)."""

from __future__ import annotations

import pytest

from thawing.care.models import ScreeningResult

pytestmark = pytest.mark.django_db

SECTION = "If something very stressful happened to you"


def answers(values):
    return {f"q{i}": str(v) for i, v in enumerate(values, 1) if v is not None}


@pytest.mark.practice("G1")
def test_the_pcl5_is_listed_apart_in_the_opt_in_section(signed_in):
    page = signed_in.get("/help/screening/").content.decode()
    assert SECTION in page and "stir up memories" in page and "stop at any point" in page
    section = page[page.index(SECTION):]
    assert "PCL-5" in section and "/help/screening/pcl5/" in section
    # Nothing above the opt-in section offers it, and the other check-ups stay above it.
    above = page[:page.index(SECTION)]
    assert "PCL-5" not in above and "/help/screening/pcl5/" not in above
    for name in ("PHQ-9", "PHQ-2", "GAD-7", "GAD-2", "Numbness check"):
        assert name in above and name not in section
    # Folded away until the person opens it.
    assert '<details class="region">' in section


@pytest.mark.practice("G1")
def test_the_pcl5_form_shows_its_instruction_items_and_attribution(signed_in):
    page = signed_in.get("/help/screening/pcl5/").content.decode()
    assert "a very stressful experience" in page and "In the past month" in page
    assert 'name="q20"' in page and "Trouble falling or staying asleep?" in page
    assert "A little bit" in page and "Quite a bit" in page
    assert "Weathers, Litz, Keane, Palmieri, Marx, &amp; Schnurr" in page


@pytest.mark.practice("G1")
@pytest.mark.parametrize("values, total, band", [
    ([2] * 15 + [0] * 5, 30, "Below the usual cut-point"),
    ([2] * 15 + [1] + [0] * 4, 31, "At or above the usual cut-point (31–33)"),
])
def test_a_full_pcl5_shows_its_band_and_is_kept(signed_in, local_user, values, total, band):
    response = signed_in.post("/help/screening/pcl5/", answers(values), follow=True)
    page = response.content.decode()
    result = ScreeningResult.objects.get(user=local_user)
    assert (result.instrument, result.total, result.band, result.safety_flag) == (
        "pcl5", total, band, False)
    assert f"{total} out of 80" in page and band in page and "not a diagnosis" in page
    listing = signed_in.get("/help/screening/").content.decode()
    # Once taken, the section opens by itself and shows the result.
    assert '<details class="region" open>' in listing
    assert f"Last time: {total} of 80" in listing


def test_an_unfinished_pcl5_keeps_the_answers_and_saves_nothing(signed_in):
    response = signed_in.post("/help/screening/pcl5/", answers([1] * 19 + [None]))
    page = response.content.decode()
    assert response.status_code == 400 and "Please answer every question" in page
    assert 'name="q19" value="1" checked' in page
    assert not ScreeningResult.objects.exists()
