"""A person's first minutes with Thawing, in a real browser, on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from thawing import content
from thawing.checkins.models import BodySensation, CheckIn, CheckInEmotion
from thawing.journal.models import Entry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_session(page, local_user):
    """The local profile has no passphrase: opening any page signs in."""
    page.goto(page.base + "/")
    assert page.locator("h1").first.is_visible()


@pytest.mark.practice("A2")
@pytest.mark.practice("A3")
@pytest.mark.practice("B1")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_cant_tell_checkin_with_body_and_suggested_word_then_journal_then_find_both(
        open_page, local_user, artifacts, viewport):
    page = open_page(viewport)
    sign_in_session(page, local_user)
    size = "phone" if viewport is PHONE else "desktop"

    # (a) A "can't tell" check-in, with body sensations and a suggested emotion word.
    page.get_by_role("link", name="Check in", exact=True).first.click()
    page.get_by_label("Can’t tell / nothing").check()
    page.locator('.bodymap [data-region="chest"]').first.click()
    page.locator('input[value="chest:tight"]').check()
    page.locator('.bodymap [data-region="legs"]').first.click()
    page.locator('input[value="legs:less"]').check()
    suggestion = page.locator("#suggestions .add-word").first
    suggestion.wait_for()
    word = suggestion.get_attribute("data-word")
    page.screenshot(path=artifacts / f"checkin-{size}.png", full_page=True)
    suggestion.click()
    assert page.locator('input[name="emotion"]').first.input_value() == word
    page.get_by_label("A flicker (optional)").fill("a pang when the song came on")
    page.get_by_role("button", name="Save check-in").last.click()
    page.wait_for_url(page.base + "/")

    checkin = CheckIn.objects.get()
    assert checkin.mood is None
    assert set(BodySensation.objects.values_list("region", "sensation")) == {
        ("chest", "tight"), ("legs", "less")}
    chosen = content.vocabulary().lookup(word)
    assert list(CheckInEmotion.objects.values_list("emotion", flat=True)) == [chosen.id]

    # (b) A journal entry from today's prompt.
    page.get_by_role("link", name="Write about this").click()
    prompt_text = page.locator(".prompt").first.inner_text()
    page.get_by_label("Write whatever comes").fill("The kettle sounded like my grandmother's.")
    page.get_by_label("Tags (optional)").fill("kettle")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/journal/\d+/$"))
    entry = Entry.objects.get()
    assert content.prompts().get(entry.prompt_id).text == prompt_text

    # (c) Both on Today, and the entry in search.
    page.get_by_role("link", name="Today").first.click()
    today = page.locator("main")
    assert "mood: can’t tell" in today.inner_text()
    assert "a pang when the song came on" in today.inner_text()
    assert chosen.name in today.inner_text()
    assert page.get_by_role("link", name=re.compile("kettle", re.I)).count() >= 1
    page.screenshot(path=artifacts / f"today-{size}.png", full_page=True)
    page.get_by_role("link", name="Journal", exact=True).first.click()
    page.get_by_role("searchbox").fill("grandmother")
    page.get_by_role("searchbox").press("Enter")
    assert "1 entry with “grandmother”" in page.locator("main").inner_text()
    assert page.get_by_text("The kettle sounded", exact=False).count() >= 1
    # Nothing spills past the edge of a phone screen.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"]


def test_mood_and_save_in_two_taps(open_page, local_user):
    page = open_page(PHONE)
    sign_in_session(page, local_user)
    page.goto(page.base + "/checkins/new/")
    page.locator("fieldset.mood").get_by_label("7", exact=True).check()
    page.get_by_role("button", name="Save check-in").first.click()
    page.wait_for_url(page.base + "/")
    assert CheckIn.objects.get().mood == 7


def test_a_checkin_with_the_keyboard_only(open_page, local_user):
    page = open_page(DESKTOP)
    sign_in_session(page, local_user)
    page.goto(page.base + "/checkins/new/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "mood":
            break
    else:
        pytest.fail("the mood scale is not reachable with the keyboard")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Save check-in"
    page.keyboard.press("Enter")
    page.wait_for_url(page.base + "/")
    assert CheckIn.objects.get().mood is not None


def test_the_checkin_form_works_without_javascript(open_page, local_user):
    page = open_page(DESKTOP, javascript=False)
    sign_in_session(page, local_user)
    page.goto(page.base + "/checkins/new/")
    page.locator("details#region-throat summary").click()
    page.locator('input[value="throat:lump"]').check()
    page.get_by_role("button", name="Suggest words for what I chose").click()
    assert page.locator("#suggestions .reason").count() >= 1
    assert page.locator('input[value="throat:lump"]').is_checked()
    page.get_by_label("Can’t tell / nothing").check()
    page.get_by_role("button", name="Save check-in").first.click()
    page.wait_for_url(page.base + "/")
    assert BodySensation.objects.get().region == "throat"


def test_a_journal_draft_survives_a_reload(open_page, local_user):
    page = open_page(DESKTOP)
    sign_in_session(page, local_user)
    page.goto(page.base + "/journal/new/")
    page.get_by_label("Write whatever comes").fill("Half a thought I don't want to lose")
    page.once("dialog", lambda dialog: dialog.accept())
    page.reload()
    assert page.get_by_label("Write whatever comes").input_value() == \
        "Half a thought I don't want to lose"
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/journal/\d+/$"))
    page.goto(page.base + "/journal/new/")
    assert page.get_by_label("Write whatever comes").input_value() == ""


def test_get_help_now_is_one_tap_from_every_page(open_page, local_user):
    page = open_page(PHONE)
    sign_in_session(page, local_user)
    for path in ("/", "/checkins/new/", "/journal/", "/emotions/"):
        page.goto(page.base + path)
        page.get_by_role("link", name="Get help now").first.click()
        assert "116 123" in page.locator("main").inner_text()


def test_a_draft_is_kept_when_saving_fails_for_a_reason_outside_the_form(open_page, local_user):
    page = open_page(DESKTOP)
    sign_in_session(page, local_user)
    page.goto(page.base + "/journal/new/")
    page.get_by_label("Write whatever comes").fill("Words written before the session ran out")
    # The session and its CSRF cookie vanish, as when a session expires: the save is refused.
    page.context.clear_cookies()
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert not Entry.objects.exists()
    page.goto(page.base + "/journal/new/")
    assert page.get_by_label("Write whatever comes").input_value() == \
        "Words written before the session ran out"


def test_every_emotion_word_comes_back_after_a_reload(open_page, local_user):
    page = open_page(DESKTOP)
    sign_in_session(page, local_user)
    page.goto(page.base + "/checkins/new/")
    words = ["tired", "numb", "flat", "calm", "curious"]
    for index, word in enumerate(words):
        if index >= page.locator('input[name="emotion"]').count():
            page.get_by_role("button", name="Add another word").click()
        page.locator('input[name="emotion"]').nth(index).fill(word)
    page.once("dialog", lambda dialog: dialog.accept())
    page.reload()
    restored = [page.locator('input[name="emotion"]').nth(i).input_value()
                for i in range(page.locator('input[name="emotion"]').count())]
    assert [w for w in restored if w] == words


@pytest.mark.practice("G5")
def test_heavy_words_bring_crisis_lines_at_once_and_block_nothing(open_page, local_user, artifacts):
    page = open_page(PHONE)
    sign_in_session(page, local_user)
    page.goto(page.base + "/journal/new/")
    page.get_by_label("Write whatever comes").fill("I keep thinking I would be better off dead.")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/journal/\d+/$"))
    support = page.get_by_role("region", name="You don’t have to carry this alone")
    assert support.is_visible() and "116 123" in support.inner_text()
    page.screenshot(path=artifacts / "support-phone.png", full_page=True)
    # The entry is saved and shown as usual under the support note.
    assert "better off dead" in page.locator(".entry-body").inner_text()
    assert Entry.objects.count() == 1


@pytest.mark.practice("G5")
def test_phq9_item_9_shows_the_crisis_screen_before_the_score(open_page, local_user, artifacts):
    page = open_page(PHONE)
    sign_in_session(page, local_user)
    page.goto(page.base + "/help/screening/phq9/")
    for number in range(1, 10):
        label = "Several days" if number == 9 else "Not at all"
        page.locator(f"fieldset.question:nth-of-type({number})").get_by_label(label).check()
    page.get_by_role("button", name="See my result").click()
    page.wait_for_url(re.compile(r"/help/screening/result/\d+/$"))
    support = page.get_by_role("region", name="You don’t have to carry this alone")
    assert support.is_visible()
    score = page.locator(".score")
    assert support.bounding_box()["y"] < score.bounding_box()["y"]
    page.screenshot(path=artifacts / "phq9-item9-phone.png", full_page=True)
