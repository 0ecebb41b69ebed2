"""The exercise player in a real browser: a shortened breathing practice, rated before and after."""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from thawing.practices.models import Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def choose(page, name: str, value: int) -> None:
    page.locator(f'input[name="{name}"][value="{value}"]').check()


@pytest.mark.practice("C3")
@pytest.mark.practice("C1")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_one_minute_breathing_practice_rated_before_and_after_shows_on_today(
        open_page, local_user, artifacts, viewport):
    page = open_page(viewport)
    size = "phone" if viewport is PHONE else "desktop"
    # The player counts time with performance.now() every 250 ms; a fake clock runs it quickly.
    page.clock.install()
    page.goto(page.base + "/practice/longer-out-breath/?minutes=1")
    stage = page.locator("section.stage")
    assert stage.is_visible() and not page.locator(".steps-card").is_visible()
    assert not page.locator(".after").is_visible()
    page.screenshot(path=artifacts / f"practice-player-{size}.png", full_page=True)

    choose(page, "feel_before", 2)
    page.get_by_role("button", name="Start").click()
    assert stage.locator(".step-count").inner_text() == "1 / 5"
    page.clock.run_for(30_000)
    assert stage.locator(".step-count").inner_text() == "3 / 5"
    assert stage.locator(".breath-cue").inner_text() in ("Breathe in", "Breathe out")
    assert not page.locator(".after").is_visible()
    page.screenshot(path=artifacts / f"practice-player-running-{size}.png", full_page=True)

    page.clock.run_for(31_000)
    after = page.locator(".after")
    after.wait_for(state="visible")
    assert "That’s the end" in stage.locator(".step-now").inner_text()
    assert after.get_by_text("After: how much can you feel now?").is_visible()
    # Without JavaScript's help the minutes field would show; here the timer did the counting.
    assert not page.locator("#minutes_spent").is_visible()
    choose(page, "feel_after", 4)
    page.get_by_label("Anything you noticed? (optional)").fill("my jaw unclenched")
    page.screenshot(path=artifacts / f"practice-player-after-{size}.png", full_page=True)
    page.get_by_role("button", name="Save this practice").click()
    page.wait_for_url(page.base + "/")

    session = Session.objects.get()
    assert (session.exercise, session.completed, session.planned_seconds) == ("longer-out-breath", True, 60)
    assert 59 <= session.seconds <= 62
    assert (session.feel_before, session.feel_after, session.note) == (2, 4, "my jaw unclenched")
    practices = page.locator("section.card", has_text="Practices today")
    assert "Longer out-breath · 1 minute · able to feel 2 → 4" in practices.inner_text()
    page.screenshot(path=artifacts / f"practice-today-{size}.png", full_page=True)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"]


def test_stopping_early_saves_the_time_that_really_ran(open_page, local_user):
    page = open_page(DESKTOP)
    page.clock.install()
    page.goto(page.base + "/practice/meditation-timer/")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(20_000)
    page.get_by_role("button", name="Pause").click()
    # Time spent paused is not practice time.
    page.clock.run_for(60_000)
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(10_000)
    page.get_by_role("button", name="Stop here").click()
    page.locator(".after").wait_for(state="visible")
    page.get_by_role("button", name="Save this practice").click()
    page.wait_for_url(page.base + "/")
    session = Session.objects.get()
    assert 29 <= session.seconds <= 31 and session.completed is False
    assert "stopped early, and that’s fine" in page.locator("main").inner_text()


@pytest.mark.practice("C4")
def test_a_laptop_that_sleeps_mid_practice_does_not_count_the_sleep(open_page, local_user):
    page = open_page(DESKTOP)
    page.clock.install()
    page.goto(page.base + "/practice/meditation-timer/?minutes=5")
    page.get_by_role("button", name="Start").click()
    page.clock.run_for(10_000)
    # Ten minutes asleep arrive as one late tick, which counts at most two seconds.
    page.clock.fast_forward(600_000)
    page.clock.run_for(5_000)
    page.get_by_role("button", name="Stop here").click()
    page.get_by_role("button", name="Save this practice").click()
    page.wait_for_url(page.base + "/")
    session = Session.objects.get()
    assert 15 <= session.seconds <= 18 and session.planned_seconds == 300


@pytest.mark.practice("C1")
def test_untimed_grounding_steps_move_on_when_the_person_is_ready(open_page, local_user):
    page = open_page(DESKTOP)
    page.goto(page.base + "/practice/five-senses/")
    steps = page.locator("ol.steps > li").count()
    page.get_by_role("button", name="Start").click()
    stage = page.locator("section.stage")
    assert stage.locator(".time-left").inner_text() == "Move on when you’re ready"
    for number in range(1, steps + 1):
        assert stage.locator(".step-count").inner_text() == f"{number} / {steps}"
        page.get_by_role("button", name="Next step").click()
    page.locator(".after").wait_for(state="visible")
    choose(page, "feel_after", 1)
    page.get_by_role("button", name="Save this practice").click()
    page.wait_for_url(page.base + "/")
    session = Session.objects.get()
    assert (session.exercise, session.completed, session.feel_after) == ("five-senses", True, 1)


@pytest.mark.practice("C3")
def test_without_javascript_the_player_is_a_step_list_saved_with_minutes(open_page, local_user, artifacts):
    page = open_page(DESKTOP, javascript=False)
    page.goto(page.base + "/practice/longer-out-breath/?minutes=1")
    assert page.get_by_role("heading", name="The steps").is_visible()
    steps = page.locator("ol.steps > li")
    assert steps.count() == 5
    for index in range(5):
        assert steps.nth(index).is_visible()
    assert not page.locator("section.stage").is_visible()
    minutes = page.get_by_label("About how many minutes did you spend?")
    assert minutes.input_value() == "1"
    page.screenshot(path=artifacts / "practice-player-no-javascript.png", full_page=True)

    choose(page, "feel_before", 3)
    choose(page, "feel_after", 5)
    minutes.fill("2")
    page.get_by_role("button", name="Save this practice").click()
    page.wait_for_url(page.base + "/")
    session = Session.objects.get()
    assert (session.seconds, session.feel_before, session.feel_after) == (120, 3, 5)
    assert "able to feel 3 → 5" in page.locator("main").inner_text()
    page.screenshot(path=artifacts / "practice-today-no-javascript.png", full_page=True)


def test_the_player_shows_only_the_buttons_that_make_sense_now(open_page, local_user):
    page = open_page(DESKTOP)
    page.clock.install()
    page.goto(page.base + "/practice/longer-out-breath/?minutes=1")
    start, stop = (page.get_by_role("button", name=name) for name in ("Start", "Stop here"))
    assert start.is_visible() and not stop.is_visible()
    start.click()
    assert stop.is_visible() and not start.is_visible()
    page.clock.run_for(61_000)
    page.locator(".after").wait_for(state="visible")
    assert not stop.is_visible() and not start.is_visible()
