"""Signals that last, in a real browser: PHQ-9 question 9 stays on Today and Getting support,
and the new check-ups are answered like the others (G1, G5)."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from thawing.care.models import ScreeningResult

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
NOTE = re.compile(r"PHQ-9, question 9, on \d+ \w+")


def signed_in(page):
    """The local profile has no passphrase: opening any page signs in."""
    page.goto(page.base + "/")
    assert page.locator("h1").first.is_visible()
    return page


def answer(page, name, value):
    page.locator(f'input[name="{name}"][value="{value}"]').check()


@pytest.mark.practice("G5")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_question_9_stays_on_today_and_getting_support_with_the_crisis_lines(
        open_page, local_user, artifacts, viewport):
    page = signed_in(open_page(viewport))
    page.goto(page.base + "/help/screening/phq9/")
    for number in range(1, 10):
        answer(page, f"q{number}", 1 if number == 9 else 0)
    answer(page, "difficulty", 2)
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url(re.compile(r"/help/screening/result/\d+/$"))
    # Later, on Today: a quiet note that names the question, with the lines and the plan.
    page.goto(page.base + "/")
    note = page.get_by_role("region", name=NOTE)
    assert note.is_visible() and "116 123" in note.inner_text()
    assert note.get_by_role("link", name="My safety plan").is_visible()
    size = "phone" if viewport is PHONE else "desktop"
    page.screenshot(path=artifacts / f"today-item9-{size}.png", full_page=True)
    note.get_by_role("link", name="Getting support").click()
    page.wait_for_url(re.compile(r"/help/support/$"))
    assert page.get_by_role("region", name=NOTE).is_visible()
    assert page.get_by_role("heading", name=re.compile(r"Daily life has been hard \(PHQ-9")).is_visible()
    assert "no risk" not in page.content().lower()
    page.screenshot(path=artifacts / f"support-item9-{size}.png", full_page=True)


@pytest.mark.practice("G1")
def test_pcptsd5_no_to_the_event_question_is_enough(open_page, local_user, artifacts):
    page = signed_in(open_page(PHONE))
    page.goto(page.base + "/help/screening/")
    page.get_by_text("Show the questionnaires").click()
    page.get_by_role("link", name="Take the PC-PTSD-5").click()
    page.wait_for_url(re.compile(r"/help/screening/pcptsd5/$"))
    answer(page, "event", 0)
    page.screenshot(path=artifacts / "pcptsd5-phone.png", full_page=True)
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url(re.compile(r"/help/screening/result/\d+/$"))
    assert "0 out of 5" in page.locator(".score").inner_text()
    assert ScreeningResult.objects.get().answers == [0, None, None, None, None, None]


@pytest.mark.practice("G1")
def test_auditc_at_the_lower_cut_off_becomes_a_named_reason(open_page, local_user, artifacts):
    page = signed_in(open_page(DESKTOP))
    page.goto(page.base + "/help/screening/auditc/")
    page.get_by_label("2 to 4 times a month").check()
    page.get_by_label("3 or 4").check()
    page.locator('input[name="q3"][value="0"]').check()
    page.get_by_label("Prefer not to say").check()
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url(re.compile(r"/help/screening/result/\d+/$"))
    assert "3 out of 12" in page.locator(".score").inner_text()
    page.get_by_role("link", name="Getting support").first.click()
    page.wait_for_url(re.compile(r"/help/support/$"))
    assert page.get_by_role("heading", name=re.compile(r"An AUDIT-C of 3 on \d+ \w+")).is_visible()
    page.screenshot(path=artifacts / "support-auditc-desktop.png", full_page=True)
