"""Guides of our own on finding help and understanding numbness (G2, G3, G4, G6)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from thawing.care.guides import GUIDES

pytestmark = pytest.mark.django_db
FINDING_HELP = ["therapies", "finding-a-therapist", "first-appointment"]
# The "Get help now" link that the base template puts at the top of every page.
GET_HELP_NOW = 'class="help-now" href="/help/"'


def open_guide(client, slug: str) -> str:
    response = client.get(reverse("care:guide", args=[slug]))
    assert response.status_code == 200
    page = response.content.decode()
    assert GET_HELP_NOW in page and "Get help now" in page
    return page


def test_every_guide_in_the_registry_has_a_test_below():
    assert sorted(GUIDES) == sorted([*FINDING_HELP, "causes", "medication", "when-it-lifts"])


@pytest.mark.practice("G4")
@pytest.mark.parametrize("slug", FINDING_HELP)
def test_the_finding_help_guides_open_with_get_help_now(signed_in, slug):
    page = open_guide(signed_in, slug)
    assert str(GUIDES[slug].title) in page


@pytest.mark.practice("G4")
def test_the_therapies_guide_explains_each_kind_in_plain_words(signed_in):
    page = open_guide(signed_in, "therapies")
    for name in ("Talk therapy", "CBT", "ACT", "EMDR", "Somatic Experiencing"):
        assert name in page
    assert "What a session is like" in page and "It often suits" in page


@pytest.mark.practice("G4")
def test_finding_a_therapist_names_every_door_and_says_trying_another_is_fine(signed_in):
    page = open_guide(signed_in, "finding-a-therapist")
    for door in ("family doctor", "insurer’s list", "local clinic", "recommendation",
                 "professional body’s register", "Waiting lists", "Cost"):
        assert door in page
    assert "fine to try more than one" in page


@pytest.mark.practice("G4")
def test_the_first_appointment_guide_points_to_the_report_and_check_ups(signed_in):
    page = open_guide(signed_in, "first-appointment")
    assert f'<a href="{reverse("care:support")}">the report from Thawing</a>' in page
    assert f'href="{reverse("care:screenings")}"' in page
    assert "Questions you could ask" in page


@pytest.mark.practice("G2")
def test_the_causes_guide_lists_the_usual_reasons_and_sends_head_injury_to_a_doctor(signed_in):
    page = open_guide(signed_in, "causes")
    for cause in ("Depression", "Anxiety", "PTSD", "Grief", "burnout", "Holding feelings in",
                  "substances", "Medication", "dissociative", "head injury", "Bipolar",
                  "postpartum", "Not eating enough"):
        assert cause in page
    assert "see a doctor so they can check" in page
    assert f'href="{reverse("care:guide", args=["medication"])}"' in page


@pytest.mark.practice("G3")
def test_the_medication_guide_gives_the_figures_and_sends_changes_to_the_prescriber(signed_in):
    page = open_guide(signed_in, "medication")
    assert "2017" in page and "46%" in page and "SNRIs" in page
    assert "talk to your prescriber before changing anything" in page
    assert "up to six weeks" in page and "dated" in page


@pytest.mark.practice("G6")
def test_the_when_it_lifts_guide_speaks_of_a_dimmer_and_the_pace_setting(signed_in):
    page = open_guide(signed_in, "when-it-lifts")
    assert "dimmer" in page and "The pace setting in Settings" in page
    assert "go gently" in page.lower()


@pytest.mark.practice("G4")
@pytest.mark.practice("G6")
def test_the_index_links_to_every_guide(signed_in):
    response = signed_in.get(reverse("care:guides"))
    page = response.content.decode()
    assert response.status_code == 200 and GET_HELP_NOW in page
    for slug, guide in GUIDES.items():
        assert f'href="{reverse("care:guide", args=[slug])}"' in page
        assert str(guide.title) in page


def test_an_unknown_guide_is_not_found(signed_in):
    assert signed_in.get("/help/guides/no-such-guide/").status_code == 404


def test_the_guides_ask_a_signed_out_visitor_to_sign_in(client, local_user):
    for url in (reverse("care:guides"), reverse("care:guide", args=["therapies"])):
        response = client.get(url)
        assert response.status_code == 302 and "signin" in response["Location"]


@pytest.mark.practice("G4")
def test_getting_support_and_get_help_now_link_to_the_guides(signed_in):
    for url in (reverse("care:support"), reverse("care:help")):
        assert f'href="{reverse("care:guides")}"' in signed_in.get(url).content.decode()
