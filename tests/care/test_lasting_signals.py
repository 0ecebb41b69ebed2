"""Signals that last (G1, G5): PHQ-9 question 9 for two weeks, reasons named by instrument,
the new check-ups on the web, in the API and in the terminal, and the history question."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.cli.test_cli import run
from thawing.care import services
from thawing.care.models import ScreeningResult

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
TAKEN = datetime(2026, 12, 3, 20, 0, tzinfo=LONDON)
ITEM9 = [0] * 8 + [1]
NOTE = "PHQ-9, question 9, on 3 Dec"


def days_after(days: int) -> time_machine.travel:
    return time_machine.travel(TAKEN + timedelta(days=days), tick=False)


def text(response) -> str:
    return response.content.decode()


@pytest.mark.practice("G5")
@pytest.mark.parametrize("days, shown", [(0, True), (1, True), (14, True), (15, False)])
def test_question_9_stays_on_today_and_getting_support_for_two_weeks(signed_in, local_user, days, shown):
    with days_after(0):
        services.take_screening(user=local_user, instrument_id="phq9", answers=ITEM9)
    with days_after(days):
        today, support = text(signed_in.get("/")), text(signed_in.get("/help/support/"))
    for page in (today, support):
        assert (NOTE in page) is shown
        assert "no risk" not in page.lower()
    if shown:
        # The crisis lines for the person's country and the safety plan come with it.
        assert "116 123" in today and "/help/plan/" in today and "/help/support/" in today
        assert "116 123" in support and "/help/plan/" in support
        assert "stays until 17 Dec" in support


@pytest.mark.practice("G5")
def test_a_later_answer_of_0_on_question_9_is_no_all_clear(signed_in, local_user):
    with days_after(0):
        services.take_screening(user=local_user, instrument_id="phq9", answers=ITEM9)
    with days_after(3):
        services.take_screening(user=local_user, instrument_id="phq9", answers=[0] * 9)
    with days_after(4):
        page = text(signed_in.get("/help/support/"))
    assert NOTE in page


@pytest.mark.practice("G5")
def test_question_9_comes_first_in_the_api_with_the_crisis_lines(signed_in, local_user):
    with days_after(0):
        services.take_screening(user=local_user, instrument_id="phq9", answers=[3] * 8 + [2])
    with days_after(2):
        found = signed_in.get("/api/help-signals").json()
    first = found[0]
    assert (first["kind"], first["level"], first["since"]) == ("phq9-item9", "urgent", "2026-12-03")
    assert first["title"] == NOTE and "More than half the days" in first["text"]
    assert first["support"]["emergency"] == "999 or 112" and first["support"]["helplines"]
    assert "question 9" in first["support"]["message"]
    assert [s["kind"] for s in found[1:]] == ["phq9-high"] and found[1]["support"] is None


@pytest.mark.practice("G5")
def test_thawing_support_prints_question_9_with_the_crisis_lines(capsys, local_user):
    with days_after(0):
        services.take_screening(user=local_user, instrument_id="phq9", answers=ITEM9)
    with days_after(5):
        ran = run(capsys, "support")
        as_json = run(capsys, "support", "--json").json()
    assert ran.code == 0 and NOTE in ran.said and "116 123" in ran.said
    assert as_json[0]["kind"] == "phq9-item9" and as_json[0]["support"]["helplines"]


@pytest.mark.practice("G1")
@pytest.mark.parametrize("instrument, answers, title", [
    ("phq9", [2] * 6 + [0] * 3, "A PHQ-9 of 12 on 3 Dec"),
    ("gad7", [2] * 5 + [0] * 2, "A GAD-7 of 10 on 3 Dec"),
    ("pcptsd5", [1, 1, 1, 1, 0, 0], "A PC-PTSD-5 of 3 on 3 Dec"),
    ("auditc", [2, 1, 1], "An AUDIT-C of 4 on 3 Dec"),
    ("pcl5", [2] * 16, "A PCL-5 of 32 on 3 Dec"),
])
def test_every_reason_names_its_instrument_and_day(signed_in, local_user, instrument, answers, title):
    if instrument == "pcl5":
        answers = answers + [0] * 4
    with days_after(0):
        services.take_screening(user=local_user, instrument_id=instrument, answers=answers)
    with days_after(1):
        page = text(signed_in.get("/help/support/"))
    assert title in page and "check-up score" not in page


@pytest.mark.practice("G1")
@pytest.mark.parametrize("sex, reason", [("", True), ("0", True), ("2", True), ("1", False)])
def test_an_auditc_of_3_is_a_reason_unless_the_male_cut_off_was_chosen(signed_in, sex, reason):
    form = {"q1": "2", "q2": "1", "q3": "0", "sex": sex}
    result = signed_in.post("/help/screening/auditc/", form, follow=True)
    assert "3 out of 12" in text(result) and "not a diagnosis" in text(result)
    assert ("now one of the reasons" in text(result)) is reason
    assert ("AUDIT-C of 3" in text(signed_in.get("/help/support/"))) is reason


@pytest.mark.practice("G1")
def test_the_auditc_page_asks_three_questions_with_their_own_answers_and_sex_only_as_optional(signed_in):
    page = text(signed_in.get("/help/screening/auditc/"))
    assert "How often did you have a drink containing alcohol in the past year?" in page
    assert "4 or more times a week" in page and "7, 8, or 9" in page and "Daily or almost daily" in page
    assert 'name="sex"' in page and "Prefer not to say" in page and "Optional" in page
    assert "World Health Organization" in page


@pytest.mark.practice("G1")
def test_the_pcptsd5_page_asks_about_the_event_first_and_no_needs_nothing_else(signed_in, local_user):
    page = text(signed_in.get("/help/screening/pcptsd5/"))
    assert page.index("Have you ever experienced this kind of event?") < page.index("In the past month")
    assert 'name="event"' in page and 'name="q5"' in page and "ptsd.va.gov" in page
    result = signed_in.post("/help/screening/pcptsd5/", {"event": "0"}, follow=True)
    assert "0 out of 5" in text(result)
    assert ScreeningResult.objects.get(user=local_user).answers == [0, None, None, None, None, None]


@pytest.mark.practice("G1")
def test_a_pcptsd5_of_3_is_a_reason_and_an_unfinished_one_saves_nothing(signed_in, local_user):
    missing = signed_in.post("/help/screening/pcptsd5/", {"event": "1", "q1": "1"})
    assert missing.status_code == 400 and not ScreeningResult.objects.exists()
    assert 'name="event" value="1" checked' in text(missing)
    full = {"event": "1", "q1": "1", "q2": "1", "q3": "1", "q4": "0", "q5": "0"}
    result = text(signed_in.post("/help/screening/pcptsd5/", full, follow=True))
    assert "3 out of 5" in result and "At or above the usual cut-point (3)" in result
    assert "now one of the reasons" in result


@pytest.mark.practice("G1")
def test_the_pcptsd5_sits_in_the_opt_in_section_with_the_pcl5(signed_in):
    page = text(signed_in.get("/help/screening/"))
    section = page[page.index("If something very stressful happened to you"):]
    assert "/help/screening/pcptsd5/" in section and "/help/screening/pcl5/" in section
    assert "/help/screening/auditc/" not in section and "/help/screening/auditc/" in page


@pytest.mark.practice("G1")
@pytest.mark.parametrize("difficulty, reason", [("", False), ("1", False), ("2", True), ("3", True)])
def test_very_or_extremely_difficult_on_the_phq9_is_a_reason_on_its_own(signed_in, difficulty, reason):
    form = {f"q{i}": "0" for i in range(1, 10)} | {"q1": "1", "difficulty": difficulty}
    page = text(signed_in.get("/help/screening/phq9/"))
    assert "how difficult have these problems made it for you" in page and "Extremely difficult" in page
    signed_in.post("/help/screening/phq9/", form)
    assert ("Daily life has been hard (PHQ-9" in text(signed_in.get("/help/support/"))) is reason


@pytest.mark.practice("G1")
def test_the_history_question_on_getting_support_lowers_the_phq9_line_to_5(signed_in, local_user):
    services.take_screening(user=local_user, instrument_id="phq9", answers=[1] * 6 + [0] * 3)
    page = text(signed_in.get("/help/support/"))
    assert "A PHQ-9 of 6" not in page and 'name="past"' in page
    signed_in.post("/help/support/past/", {"past": ["depression"]}, follow=True)
    page = text(signed_in.get("/help/support/"))
    assert "A PHQ-9 of 6" in page and "mild range" in page
    assert 'value="depression" checked' in page
    signed_in.post("/help/support/past/", {})
    assert "A PHQ-9 of 6" not in text(signed_in.get("/help/support/"))


def test_the_history_question_refuses_an_unknown_answer(signed_in, local_user):
    response = signed_in.post("/help/support/past/", {"past": ["grief"]}, follow=True)
    assert "Choose from trauma, depression and anxiety" in text(response)


@pytest.mark.practice("G1")
def test_thawing_support_past_saves_the_history_question(capsys, local_user):
    services.take_screening(user=local_user, instrument_id="gad7", answers=[1] * 6 + [0])
    assert "GAD-7 of 6" not in run(capsys, "support").said
    ran = run(capsys, "support", "--past", "anxiety,trauma")
    assert ran.code == 0 and "A GAD-7 of 6" in ran.said
    assert run(capsys, "support", "--past", "none").code == 0
    assert "GAD-7 of 6" not in run(capsys, "support").said


@pytest.mark.practice("G1")
@pytest.mark.parametrize("argv, total, reason", [
    (("pcptsd5", "--answers", "0"), 0, False),
    (("pcptsd5", "--answers", "1,1,1,1,0,0"), 3, True),
    (("auditc", "--answers", "2,1,0"), 3, True),
    (("auditc", "--answers", "2,1,0,1"), 3, False),
    (("pcl5", "--answers", ",".join(["2"] * 16 + ["0"] * 4)), 32, True),
    (("phq9", "--answers", "0,0,0,0,0,0,0,0,0,3"), 0, True),
])
def test_thawing_screen_takes_the_new_check_ups_like_the_others(capsys, local_user, argv, total, reason):
    ran = run(capsys, "screen", *argv, "--json")
    assert ran.code == 0
    assert (ran.json()["total"], ran.json()["reason"]) == (total, reason)


def test_thawing_screen_lists_every_check_up(capsys, local_user):
    ran = run(capsys, "screen")
    for name in ("phq9", "gad7", "auditc", "pcptsd5", "pcl5"):
        assert f"{name}:" in ran.said
    assert "AUDIT-C" in ran.said and "PC-PTSD-5" in ran.said


def test_the_api_lists_and_takes_the_new_check_ups(signed_in):
    taken = signed_in.post("/api/screenings/auditc", {"answers": [4, 4, 4, 1]},
                           content_type="application/json")
    assert taken.status_code == 201 and taken.json()["total"] == 12
    gate = signed_in.post("/api/screenings/pcptsd5", {"answers": [0]}, content_type="application/json")
    assert gate.status_code == 201 and gate.json()["total"] == 0


def test_the_api_describes_opening_per_item_and_extra_questions(signed_in):
    listed = {i["id"]: i for i in signed_in.get("/api/screenings").json()}
    assert listed["pcptsd5"]["gate"]["id"] == "event" and listed["pcptsd5"]["options"][1]["label"] == "Yes"
    assert listed["auditc"]["item_options"][1][4]["label"] == "10 or more"
    assert [q["id"] for q in listed["auditc"]["extras"]] == ["sex"]
    assert [q["id"] for q in listed["phq9"]["extras"]] == ["difficulty"] and listed["phq9"]["gate"] is None
