"""Check-up questionnaires on the web: answers kept, results banded, item 9 first (G1, G5)."""

from __future__ import annotations

import pytest

from thawing.care.models import ScreeningResult

pytestmark = pytest.mark.django_db


def answers(values):
    return {f"q{i}": str(v) for i, v in enumerate(values, 1) if v is not None}


def test_the_check_ups_page_lists_every_questionnaire(signed_in):
    page = signed_in.get("/help/screening/").content.decode()
    for name in ("PHQ-9", "PHQ-2", "GAD-7", "GAD-2", "Numbness check"):
        assert name in page
    assert "not a validated scale" in page


@pytest.mark.practice("G1")
def test_a_phq9_is_scored_in_its_published_band_and_kept(signed_in, local_user):
    response = signed_in.post("/help/screening/phq9/", answers([2, 2, 1, 1, 1, 1, 1, 1, 0]),
                              follow=True)
    page = response.content.decode()
    result = ScreeningResult.objects.get(user=local_user)
    assert (result.total, result.band, result.safety_flag) == (10, "Moderate", False)
    assert "10 out of 27" in page and "Moderate" in page and "not a diagnosis" in page
    assert "You don’t have to carry this alone" not in page
    assert "Developed by Drs. Robert L. Spitzer" in page


@pytest.mark.practice("G5")
def test_item_9_above_zero_shows_the_crisis_note_before_the_score(signed_in):
    page = signed_in.post("/help/screening/phq9/", answers([0] * 8 + [1]),
                          follow=True).content.decode()
    assert "You don’t have to carry this alone" in page
    assert page.index("You don’t have to carry this alone") < page.index("1 out of 27")


def test_unanswered_questions_keep_the_answers_given(signed_in):
    response = signed_in.post("/help/screening/gad7/", answers([1, 2, None, None, 3, 0, 1]))
    page = response.content.decode()
    assert response.status_code == 400 and "Please answer every question" in page
    assert 'name="q2" value="2" checked' in page and 'name="q5" value="3" checked' in page
    assert not ScreeningResult.objects.exists()


def test_a_phq2_at_the_cut_off_suggests_the_phq9(signed_in):
    page = signed_in.post("/help/screening/phq2/", answers([2, 1]), follow=True).content.decode()
    assert "Take the PHQ-9" in page


def test_results_are_private(signed_in, make_account):
    from thawing.care import services

    other = make_account("other")
    theirs, _ = services.take_screening(user=other, instrument_id="gad7", answers=[3] * 7)
    assert signed_in.get(f"/help/screening/result/{theirs.pk}/").status_code == 404
    assert "21" not in signed_in.get("/help/screening/").content.decode()


def test_an_unknown_questionnaire_is_not_found(signed_in):
    assert signed_in.get("/help/screening/odq/").status_code == 404


@pytest.mark.practice("G5")
def test_the_api_scores_answers_and_puts_support_first_for_item_9(signed_in):
    listed = signed_in.get("/api/screenings").json()
    assert [i["id"] for i in listed][:4] == ["phq2", "phq9", "gad2", "gad7"]
    taken = signed_in.post("/api/screenings/phq9", {"answers": [0] * 8 + [2]},
                           content_type="application/json")
    assert taken.status_code == 201
    body = taken.json()
    assert body["safety_flag"] and body["support"]["helplines"] and body["band"] == "Minimal"
    calm = signed_in.post("/api/screenings/gad7", {"answers": [1] * 7},
                          content_type="application/json").json()
    assert calm["support"] is None and calm["band"] == "Mild"
    history = signed_in.get("/api/screenings/results", {"instrument": "gad7"}).json()
    assert [r["total"] for r in history] == [7]
    bad = signed_in.post("/api/screenings/gad7", {"answers": [1, 2]},
                         content_type="application/json")
    assert bad.status_code == 400 and "7 questions" in bad.json()["message"]


def test_the_cli_takes_a_check_up_and_shows_support_before_the_score(local_user, capsys):
    from tests.cli.test_cli import run

    ran = run(capsys, "screen", "phq9", "--answers", "0,0,0,0,0,0,0,0,1")
    assert ran.code == 0
    assert ran.said.index("116 123") < ran.said.index("1 out of 27")
    as_json = run(capsys, "screen", "gad2", "--answers", "2,2", "--json")
    assert as_json.json()["band"] == "At or above the screening cut-off"
    wrong = run(capsys, "screen", "gad7", "--answers", "1,x")
    assert wrong.code == 1 and "numbers separated by commas" in wrong.said
    assert ScreeningResult.objects.count() == 2


@pytest.mark.practice("G1")
def test_getting_support_explains_reasons_from_the_persons_records(signed_in, local_user):
    from datetime import timedelta

    from django.utils import timezone

    from thawing.care import services
    from thawing.checkins import services as checkins

    assert "Nothing in your notes" in signed_in.get("/help/support/").content.decode()
    checkins.acknowledge_shutdown(user=local_user,
                                  since=timezone.localdate() - timedelta(days=35))
    services.take_screening(user=local_user, instrument_id="phq9", answers=[2] * 5 + [0] * 4)
    page = signed_in.get("/help/support/").content.decode()
    assert "A PHQ-9 of 10 on" in page and "four to six weeks" in page
    assert "check-up score" not in page
    assert "See why" in signed_in.get("/").content.decode()


def test_the_history_is_drawn_as_an_accessible_chart_from_two_results(signed_in, local_user):
    from thawing.care import services

    services.take_screening(user=local_user, instrument_id="gad7", answers=[1] * 7)
    assert "<svg class=\"chart\"" not in signed_in.get("/help/screening/").content.decode()
    services.take_screening(user=local_user, instrument_id="gad7", answers=[3] * 7)
    page = signed_in.get("/help/screening/").content.decode()
    assert "GAD-7 scores over time" in page and 'role="img"' in page
    # 21 of 21 sits at the top of the drawing area, 7 of 21 two thirds of the way down.
    assert 'cx="290.0" cy="10.0"' in page and 'cx="10.0" cy="63.3"' in page
