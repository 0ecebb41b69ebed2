"""Get help now while Thawing is locked, in a real browser: the person's own country's lines."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import PHONE
from thawing.accounts import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSPHRASE = "quiet river morning light"


def locked_profile(country: str) -> None:
    services.set_up_local_profile(name="Sam", timezone="Europe/London", country=country,
                                  passphrase=PASSPHRASE)
    services.lock_local()


def link_targets(page) -> list[str]:
    return page.locator(".helplines a, .emergency a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")


@pytest.mark.practice("G5")
def test_the_locked_help_page_shows_the_kept_countrys_lines_as_links(open_page, artifacts):
    locked_profile("GB")
    page = open_page(PHONE)
    # The browser speaks American English; the country chosen at set-up still wins.
    page.set_extra_http_headers({"Accept-Language": "en-US,en;q=0.9"})
    page.goto(page.base + "/")
    assert "/signin/" in page.url
    page.get_by_role("link", name="Get help now").first.click()
    page.wait_for_url(re.compile(r"/help/"))
    assert page.get_by_role("heading", name="United Kingdom").is_visible()
    targets = link_targets(page)
    assert {"tel:999", "tel:112", "tel:116123", "mailto:jo@samaritans.org",
            "sms:85258?body=SHOUT", "https://findahelpline.com"} <= set(targets)
    assert page.get_by_role("link", name="Call 116 123").first.is_visible()
    assert page.get_by_role("link", name="Email jo@samaritans.org").first.is_visible()
    assert page.get_by_role("link", name="Text SHOUT to 85258").is_visible()
    page.screenshot(path=artifacts / "help-locked-phone.png", full_page=True)
    for target in targets:
        # One target per link: a number, an address or a page, never two mixed.
        assert re.fullmatch(r"tel:\+?\d+|sms:\+?\d+(\?body=[A-Z]+)?|mailto:[^\s@]+@[^\s@\d]+"
                            r"|https://\S+", target), target


@pytest.mark.practice("G5")
def test_without_a_kept_country_the_browsers_language_decides_and_another_is_one_step_away(
        open_page, data_dir):
    locked_profile("")
    page = open_page()
    page.set_extra_http_headers({"Accept-Language": "en-AU,en;q=0.8"})
    page.goto(page.base + "/help/")
    assert page.get_by_role("heading", name="Australia").is_visible()
    assert {"tel:000", "tel:131114", "sms:0477131114"} <= set(link_targets(page))
    page.get_by_label("Show another country").select_option("US")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"country=US"))
    assert {"tel:911", "tel:988", "sms:988", "sms:741741?body=HOME"} <= set(link_targets(page))
    assert page.get_by_role("link", name="Text HOME to 741741").is_visible()
