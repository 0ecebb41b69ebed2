"""The safety plan: written in the browser, kept private, shown with the crisis lines (G5)."""

from __future__ import annotations

import pytest

from tests.cli.test_cli import run
from thawing.care import services
from thawing.care.models import SafetyPlan
from thawing.core.errors import InvalidInput

pytestmark = pytest.mark.django_db


@pytest.mark.practice("G5")
def test_the_plan_is_written_shown_on_help_and_printable(signed_in, local_user):
    page = signed_in.get("/help/plan/").content.decode()
    assert "Signs that a hard time may be coming" in page and "What matters to me" in page
    response = signed_in.post("/help/plan/", {"coping": "Cold water on my face",
                                              "people": "Sam 07700 900123",
                                              "reasons": "My cat, Pip"})
    assert response.status_code == 302
    plan = SafetyPlan.objects.get(user=local_user)
    assert (plan.coping, plan.reasons) == ("Cold water on my face", "My cat, Pip")
    help_page = signed_in.get("/help/").content.decode()
    assert "Cold water on my face" in help_page and "My cat, Pip" in help_page
    assert "data-print" in signed_in.get("/help/plan/").content.decode()


def test_a_section_too_long_keeps_everything_typed(signed_in, local_user):
    long_text = "x" * 5_001
    response = signed_in.post("/help/plan/", {"coping": "kept words", "reasons": long_text})
    page = response.content.decode()
    assert response.status_code == 400 and "kept words" in page and long_text in page
    assert not SafetyPlan.objects.exists()


def test_the_plan_is_one_per_person_and_never_shared(local_user, make_account):
    other = make_account("other")
    services.save_safety_plan(user=local_user, reasons="mine")
    assert services.get_safety_plan(user=other).reasons == ""
    services.save_safety_plan(user=local_user, reasons="still mine")
    assert SafetyPlan.objects.count() == 1
    with pytest.raises(InvalidInput):
        services.save_safety_plan(user=other, coping="y" * 6_000)


def test_the_api_reads_and_replaces_the_plan(signed_in):
    put = signed_in.put("/api/safety-plan", {"coping": "walk round the block"},
                        content_type="application/json")
    assert put.status_code == 200 and put.json()["coping"] == "walk round the block"
    assert signed_in.get("/api/safety-plan").json()["coping"] == "walk round the block"


def test_the_cli_prints_the_plan_with_the_crisis_lines(local_user, capsys):
    services.save_safety_plan(user=local_user, coping="Hold an ice cube")
    ran = run(capsys, "plan")
    assert ran.code == 0 and "Hold an ice cube" in ran.said and "116 123" in ran.said


def test_the_crisis_note_links_to_the_plan(signed_in):
    page = signed_in.post("/journal/new/", {"body": "I want to die"}, follow=True).content.decode()
    assert 'href="/help/plan/"' in page
