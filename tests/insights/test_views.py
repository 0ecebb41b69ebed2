"""The insights pages as a person sees them (H2, A6): kind words where data is thin, never NaN,
the planted pattern with its day counts and interval, and nobody else's records."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

import pytest
from django.test import Client

from tests.insights.test_services import (
    LONDON,
    TODAY,
    add_checkins,
    add_fun,
    last_days,
    noise,
    planted,
    still_clock,  # noqa: F401 - the clock stands still for every test here too
    widening,
)
from thawing.practices.models import Session

pytestmark = pytest.mark.django_db
# Words of scorekeeping that a review for people who feel numb must never use.
SCORE_WORDS = re.compile(r"\b(streak|streaks|missed|score|failed|behind)\b", re.IGNORECASE)
CLIPPED_HEATMAP = ("templates/insights/index.html sizes the heatmap's viewBox from the number of days "
                   "(widthratio heatmap|length 7 14), so a part week at the end is cut off; it needs "
                   "(last column + 1) * 14")
NOT_A_NUMBER = re.compile(r"\b(nan|inf|infinity|none)\b", re.IGNORECASE)


def page(client: Client, url: str = "/insights/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert not NOT_A_NUMBER.search(re.sub(r"<[^>]+>", " ", html)), "a number that isn't one reached the page"
    return html


def text_of(html: str) -> str:
    """The words on the page, tags removed and spaces collapsed, typographic quotes kept."""
    words = " ".join(re.sub(r"<[^>]+>", " ", html).replace("&#x27;", "'").split())
    return re.sub(r" ([:,.])", r"\1", words)


@pytest.mark.practice("H2")
def test_a_new_person_sees_not_enough_data_yet(signed_in):
    html = page(signed_in)
    assert "Not enough data yet" in html
    assert 'class="heatmap"' not in html


@pytest.mark.practice("H2")
def test_only_cant_tell_days_and_no_words_still_show_the_page(signed_in, local_user):
    add_checkins(local_user, [{"day": d, "mood": None} for d in last_days(30)])
    html = page(signed_in)
    assert "not enough data yet (0 days so far, 10 needed)" in html


@pytest.mark.practice("H2")
def test_cant_tell_days_are_counted_and_drawn_dashed_in_the_heatmap(signed_in, local_user):
    add_checkins(local_user, [{"day": d, "mood": None, "words": {"numb": None}} for d in last_days(30)])
    html = page(signed_in)
    words = text_of(html)
    assert "30 days were answered “can’t tell”" in words
    assert len(re.findall(r'class="cell cant"', html)) == 30
    assert "not enough data yet (0 days so far, 10 needed)" in words
    assert "Not enough data yet" not in html


@pytest.mark.practice("H2")
def test_the_same_rating_every_day_says_no_variation(signed_in, local_user):
    add_checkins(local_user, [{"day": d, "mood": 6, "feel": 3, "words": {"numb": 3}}
                              for d in last_days(60)])
    words = text_of(page(signed_in))
    assert words.count("no variation yet: every day had the same value") == 6


@pytest.mark.practice("H2")
def test_one_emotion_word_every_time_asks_for_three_words(signed_in, local_user):
    add_checkins(local_user, [{"day": d, "feel": i % 5, "words": {"numb": 3}}
                              for i, d in enumerate(last_days(40))])
    words = text_of(page(signed_in))
    assert words.count("not enough data yet: at least 3 different words of this kind are needed.") == 2


@pytest.mark.practice("H2")
def test_a_planted_effect_is_listed_with_its_day_counts_and_interval(signed_in, local_user):
    fun_days = planted(local_user)
    html = page(signed_in)
    words = text_of(html)
    findings = text_of(re.search(r'<ul class="findings">.*?</ul>', html, re.DOTALL).group())
    assert "something from your fun list: on those days you could feel a little more: +" in findings
    assert f"from {len(fun_days)} days with it and {120 - len(fun_days)} without." in findings
    assert re.search(r"likely between \+\d\.\d and \+\d\.\d", findings)
    assert "No clear pattern yet." not in words
    for causal in ("because", "causes", "caused", "leads to", "makes you"):
        assert causal not in findings


@pytest.mark.practice("H2")
def test_pure_noise_shows_no_clear_pattern_yet(signed_in, local_user):
    noise(local_user)
    words = text_of(page(signed_in))
    assert "No clear pattern yet." in words
    assert "Everything compared (4)" in words


@pytest.mark.practice("H2")
def test_more_words_in_later_weeks_reads_as_a_widening_range(signed_in, local_user):
    widening(local_user)
    words = text_of(page(signed_in))
    assert re.search(r"Your range of feeling words is widening: from about 2\.0 different words a week "
                     r"earlier on to about \d\.\d lately\.", words)


@pytest.mark.practice("A6")
def test_flickers_show_on_the_page_as_weeks(signed_in, local_user):
    add_checkins(local_user, [{"day": TODAY, "feel": 2, "flicker": "a pang", "words": {"numb": 2}},
                              {"day": TODAY - timedelta(days=8), "feel": 2, "flicker": "a smile"}])
    words = text_of(page(signed_in))
    assert "You noted flickers of feeling in 2 weeks of this period." in words


@pytest.mark.practice("H2")
def test_since_narrows_the_period_and_a_bad_value_is_ignored(signed_in, local_user):
    add_checkins(local_user, [{"day": d, "feel": 4, "words": {"numb": 2}} for d in last_days(30)])
    since = TODAY - timedelta(days=9)
    narrowed = text_of(page(signed_in, f"/insights/?since={since.isoformat()}"))
    assert "Seven-day averages over 10 days with check-ins." in narrowed
    assert f'value="{since.isoformat()}"' in page(signed_in, f"/insights/?since={since.isoformat()}")
    for bad in ("yesterday", "2026-13-40", ""):
        words = text_of(page(signed_in, f"/insights/?since={bad}"))
        assert "Seven-day averages over 30 days with check-ins." in words


@pytest.mark.practice("A6")
@pytest.mark.practice("H2")
def test_the_weekly_review_lists_flickers_new_words_and_practices_with_no_score(signed_in, local_user):
    add_checkins(local_user, [
        {"day": TODAY - timedelta(days=9), "feel": 2, "words": {"numb": None}},
        {"day": TODAY - timedelta(days=1), "feel": 4, "words": {"numb": 2, "curious": 3},
         "flicker": "smiled at a dog"},
    ])
    add_fun(local_user, [TODAY], title="baking bread")
    Session.objects.create(user=local_user, exercise="body-scan", kind="body", seconds=600,
                           at=datetime.combine(TODAY, time(8), LONDON))
    html = page(signed_in, "/insights/week/")
    words = text_of(html)
    assert "✦ smiled at a dog" in words
    assert "Feeling words you used this week and not the week before: Curious" in words
    assert "1 practice, 10 minutes in all." in words
    assert "baking bread" in words
    assert "How much you could feel, on average: 2.0 the week before, 4.0 this week." in words
    assert not SCORE_WORDS.search(words)


@pytest.mark.practice("H2")
def test_a_quiet_week_is_said_kindly(signed_in):
    words = text_of(page(signed_in, "/insights/week/"))
    assert "A quiet week in here." in words
    assert not SCORE_WORDS.search(words)


@pytest.mark.practice("H2")
def test_another_persons_records_never_appear(server_mode, make_account):
    robin = make_account("robin")
    planted(robin)
    add_checkins(robin, [{"day": TODAY, "words": {"grief": 4}, "flicker": "robin's flicker"}])
    add_fun(robin, [TODAY], title="robin's painting")
    kim = Client()
    kim.force_login(make_account("kim"))
    assert "Not enough data yet" in page(kim)
    week = text_of(page(kim, "/insights/week/"))
    assert "robin" not in week.lower() and "Grief" not in week
    assert "You checked in on 0 days." in week


def test_signed_out_people_are_sent_to_sign_in(server_mode, make_account, client):
    make_account("robin")
    for url in ("/insights/", "/insights/week/"):
        response = client.get(url)
        assert response.status_code == 302 and "/insights/" not in response["Location"].split("?")[0]


@pytest.mark.practice("H2")
def test_every_heatmap_square_is_inside_the_drawing(signed_in, local_user):
    # 10 March 2026 is a Tuesday: the last column holds two days.
    add_checkins(local_user, [{"day": d, "feel": 5, "words": {"numb": 2}} for d in last_days(20)])
    html = page(signed_in)
    width = int(re.search(r'<svg class="heatmap" viewBox="0 0 (\d+) ', html).group(1))
    right = max(int(x) for x in re.findall(r'<rect x="(\d+)" y="\d+" width="12"', html)) + 12
    assert right <= width
