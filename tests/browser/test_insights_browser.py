"""The insights page with a year of synthetic records, in a real browser, light and dark (H2, A6):
charts drawn on the server with a title and a description, a table beside them, screenshots saved."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

import pytest

from tests.browser.conftest import DESKTOP, PHONE
from tests.insights.test_services import add_checkins, add_fun
from thawing.accounts.days import local_today, user_zone
from thawing.habits.models import DayHabits
from thawing.practices.models import Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
EARLY_WORDS = ["numb", "tired", "flat"]
LATER_WORDS = EARLY_WORDS + ["sad", "calm", "curious", "anxious", "hopeful", "irritated", "content"]
SMALL_CHART = ("thawing.css line 150 `.chart { max-width: 24rem }` (an older rule) also caps the insights "
               "line chart's <figure class=\"chart\">, so its 640-unit drawing shows at 384 px with ticks "
               "about 6 px high")


def words(rng: random.Random, pool: list[str]) -> dict[str, int]:
    """Some words at a strength near the moment's own: stronger moments bring more words."""
    level = rng.randint(1, 5)
    chosen = rng.sample(pool, min(len(pool), level))
    return {w: max(1, min(5, level + rng.choice([-1, 0, 0, 1]))) for w in chosen}


def a_year(user, *, seed: int = 2026) -> int:
    """365 days ending today: feel slowly rising, a little higher on fun-list days, words widening.

    Some days are "can't tell", some have no check-in at all; returns the days with check-ins.
    """
    rng = random.Random(seed)
    today, zone = local_today(user), user_zone(user)
    rows, fun_days, sessions, habits = [], [], [], []
    for back in range(364, -1, -1):
        day = today - timedelta(days=back)
        progress = (364 - back) / 364
        habits.append(DayHabits(user=user, day=day, sleep_hours=round(rng.uniform(5, 9), 1),
                                 movement_minutes=rng.choice([0, 10, 20, 30, 45])))
        if rng.random() < 0.1:
            continue
        fun = rng.random() < 0.4
        if fun:
            fun_days.append(day)
        pool = LATER_WORDS[:3 + round(progress * 7)]
        for hour in sorted(rng.sample([9, 13, 19], rng.randint(1, 2))):
            cant_tell = rng.random() < 0.06
            feel = round(rng.gauss(2 + 3 * progress + (2 if fun else 0), 1.2))
            rows.append({"day": day, "hour": hour, "mood": None if cant_tell else rng.randint(3, 8),
                         "feel": None if cant_tell else max(0, min(10, feel)),
                         "words": words(rng, pool),
                         "flicker": "a flicker of warmth" if rng.random() < 0.08 else ""})
        if rng.random() < 0.3:
            before = rng.randint(1, 5)
            sessions.append(Session(user=user, exercise="longer-out-breath", kind="breathing", seconds=300,
                                    at=datetime.combine(day, time(8), zone), feel_before=before,
                                    feel_after=min(10, before + rng.randint(0, 3))))
    add_checkins(user, rows)
    add_fun(user, fun_days)
    Session.objects.bulk_create(sessions)
    DayHabits.objects.bulk_create(habits)
    return len({r["day"] for r in rows})


@pytest.mark.practice("H2")
@pytest.mark.practice("A6")
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_year_of_records_draws_accessible_charts_in_light_and_dark(open_page, local_user, artifacts,
                                                                    viewport):
    recorded = a_year(local_user)
    size = "phone" if viewport is PHONE else "desktop"
    page = open_page(viewport)
    page.goto(page.base + "/insights/")
    assert page.locator("h1").first.inner_text().startswith("Insights")

    for chart in ("svg.line-chart", "svg.heatmap"):
        svg = page.locator(chart)
        assert svg.count() == 1 and svg.get_attribute("role") == "img"
        title, desc = svg.locator(":scope > title"), svg.locator(":scope > desc")
        assert title.text_content().strip() and desc.text_content().strip()
        # Screen readers find the title and description through aria-labelledby.
        assert set(svg.get_attribute("aria-labelledby").split()) == {title.get_attribute("id"),
                                                                     desc.get_attribute("id")}
    assert page.locator("svg.heatmap rect.cell").count() >= 365
    assert page.locator("svg.heatmap rect.cant").count() >= 1
    assert page.locator("svg.line-chart path.series.feel").get_attribute("d").startswith("M")

    table = page.locator("table.data.days")
    assert table.locator("tbody tr").count() == recorded

    body = page.locator("body").inner_text()
    assert "Your range of feeling words is widening" in body
    assert "something from your fun list" in body and "days with it and" in body
    assert "NaN" not in body
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.screenshot(path=artifacts / f"insights-year-light-{size}.png", full_page=True)

    light = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.emulate_media(color_scheme="dark")
    dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert light != dark
    page.screenshot(path=artifacts / f"insights-year-dark-{size}.png", full_page=True)

    # The table is the charts' text alternative: one row a day, folded away until asked for.
    assert not table.is_visible()
    page.get_by_text("Each day as a table").click()
    assert table.is_visible()


@pytest.mark.practice("H2")
def test_every_chart_on_the_insights_page_has_a_title_and_a_description(open_page, local_user):
    a_year(local_user)
    page = open_page(DESKTOP)
    page.goto(page.base + "/insights/")
    charts = page.locator('svg[role="img"]')
    assert charts.count() >= 3
    for i in range(charts.count()):
        svg = charts.nth(i)
        assert svg.locator(":scope > title").count() == 1, svg.get_attribute("class")
        assert svg.locator(":scope > desc").count() == 1, svg.get_attribute("class")


@pytest.mark.practice("H2")
def test_the_trend_chart_is_drawn_at_least_at_its_own_size_on_a_desktop(open_page, local_user):
    add_checkins(local_user, [{"day": local_today(local_user) - timedelta(days=i), "feel": i % 8,
                               "words": {"numb": 2}} for i in range(30)])
    page = open_page(DESKTOP)
    page.goto(page.base + "/insights/")
    box = page.locator("svg.line-chart").bounding_box()
    assert box["width"] >= 600


@pytest.mark.practice("H2")
def test_the_weekly_review_opens_from_insights(open_page, local_user, artifacts):
    a_year(local_user)
    page = open_page(PHONE)
    page.goto(page.base + "/insights/")
    page.get_by_role("link", name="This week in review").click()
    page.wait_for_url(page.base + "/insights/week/")
    body = page.locator("body").inner_text()
    assert "A look back, not a scorecard." in body
    assert "streak" not in body.lower() and "missed" not in body.lower()
    page.screenshot(path=artifacts / "insights-week-phone.png", full_page=True)

