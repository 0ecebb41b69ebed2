"""`thawing insights` (H2, A6): the page's figures in the terminal, sparklines, plain sentences
with day counts and intervals, and `--json` that is the API's document.

The clock stands still on Tuesday 10 March 2026, 15:00 in London (the local profile's zone).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime, time, timedelta

import pytest

from tests.cli.test_cli import run
from tests.insights.test_services import (
    LONDON,
    TODAY,
    add_checkins,
    last_days,
    noise,
    planted,
    still_clock,  # noqa: F401 - the clock stands still for every test here too
    widening,
)
from thawing.cli.insights import BLOCKS, sample_step, sampled, sparkline
from thawing.insights import services
from thawing.insights.serialize import insights_dict
from thawing.practices.models import Session

pytestmark = pytest.mark.django_db
CAUSAL = re.compile(r"\b(because|causes?|caused|leads? to|makes? you|improves?|results? in)\b", re.IGNORECASE)


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """A terminal wide enough that table rows do not wrap, so a row can be matched as one line."""
    from thawing.cli.output import out

    monkeypatch.setattr(out, "_width", 200)


def plain(said: str) -> str:
    """What was said without the tables' rules, so a row reads as one line of words."""
    return " ".join(re.sub(r"[\u2500-\u257f]", " ", said).split())


def strict(text: str) -> dict:
    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} in the JSON")

    return json.loads(text, parse_constant=refuse)


# --- sparklines ---------------------------------------------------------------------------------

def test_a_sparkline_runs_from_the_lowest_block_to_the_highest_with_gaps_as_spaces():
    assert sparkline([0, 10, None, 5]) == "\u2581\u2588 \u2585"
    assert sparkline([]) == ""
    assert sparkline([float("nan"), 3], high=3) == " \u2588"
    assert set(sparkline([i / 10 for i in range(101)])) == set(BLOCKS)


def test_a_flat_scale_draws_the_lowest_block_not_an_error():
    assert sparkline([2, 2], low=2, high=2) == "\u2581\u2581"


@pytest.mark.parametrize("count, step", [(1, 1), (60, 1), (61, 7), (365, 7), (3650, 61)])
def test_long_periods_are_drawn_one_mark_a_week_or_sparser(count, step):
    assert sample_step(count) == step


def test_sampling_keeps_the_last_day_and_counts_back():
    points = [(day, float(day)) for day in range(20)]
    assert sampled(points, 7) == [5.0, 12.0, 19.0]
    assert sampled(points, 1) == [float(d) for d in range(20)]


# --- the command ----------------------------------------------------------------------------------

@pytest.mark.practice("H2")
def test_a_new_person_is_told_not_enough_data_yet(capsys, local_user):
    ran = run(capsys, "insights")
    assert ran.code == 0
    assert "Not enough data yet." in ran.said and "nan" not in ran.said.lower()


@pytest.mark.practice("H2")
def test_a_new_persons_json_has_statuses_and_no_nan(capsys, local_user):
    data = strict(run(capsys, "insights", "--json").out)
    assert (data["version"], data["status"]) == (1, "not_enough_data")
    assert data["summary"]["days_recorded"] == 0
    statuses = {m["status"] for metrics in data["metrics"].values() for m in metrics.values()}
    assert statuses == {"not_enough_data"}


@pytest.mark.practice("H2")
def test_the_json_is_the_same_document_the_api_answers(capsys, local_user):
    planted(local_user)
    ran = run(capsys, "insights", "--json")
    assert ran.code == 0
    data = strict(ran.out)
    assert data == json.loads(json.dumps(insights_dict(services.insights(user=local_user))))
    assert data["range"] == {"start": "2025-03-11", "end": "2026-03-10", "days": 365}
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", p["day"]) for p in data["rolling"]["feel"])


@pytest.mark.practice("H2")
def test_a_planted_pattern_reads_as_a_plain_sentence_with_day_counts(capsys, local_user):
    fun_days = planted(local_user)
    ran = run(capsys, "insights")
    assert ran.code == 0
    said = ran.said
    assert "Days with check-ins 120 of 365" in said
    assert re.search(r"How much you could feel, on average \d\.\d", said)
    sentence = re.search(r"• something from your fun list: on those days you could feel a little more: "
                         r"\+\d\.\d, likely between \+\d\.\d and \+\d\.\d, from (\d+) days with it and "
                         r"(\d+) without\.", said)
    assert sentence and sentence.groups() == (str(len(fun_days)), str(120 - len(fun_days)))
    bullets = [line for line in ran.out.split("\n  ") if line.startswith("\u2022")]
    assert bullets and not any(CAUSAL.search(b) for b in bullets)
    assert "No clear pattern yet" not in said


@pytest.mark.practice("H2")
def test_noise_says_no_clear_pattern_yet(capsys, local_user):
    noise(local_user)
    said = run(capsys, "insights").said
    assert "No clear pattern yet." in said and "4 comparisons made in all." in said
    assert "•" not in said


@pytest.mark.practice("H2")
def test_seven_day_lines_are_drawn_weekly_and_gaps_stay_blank(capsys, local_user):
    # Ten rated days a month ago, nothing since: the line has marks, then blanks.
    add_checkins(local_user, [{"day": d, "feel": 8, "mood": 2, "words": {"numb": 1}}
                              for d in last_days(10, end=TODAY - timedelta(days=30))])
    ran = run(capsys, "insights")
    feel_line = next(line for line in ran.out.splitlines()
                     if line.strip().startswith("How much you could feel "))
    assert "one mark a week" in ran.said
    # 53 weekly marks: none before the ten days, two weeks at 8 of 10, then four blank weeks.
    assert re.search(r"How much you could feel +\u2587\u2587    $", feel_line), repr(feel_line)


@pytest.mark.practice("H2")
def test_the_range_of_feeling_widening_is_said_and_drawn(capsys, local_user):
    widening(local_user)
    said = run(capsys, "insights").said
    assert re.search(r"Different emotion words named each week \(16 weeks\) [▁▂▃▄▅▆▇█]{16} \(0–6\)", said)
    assert re.search(r"Your range of feeling words is widening: from about 2\.0 different words a week "
                     r"earlier on to about \d\.\d lately\.", said)


@pytest.mark.practice("A6")
def test_flickers_are_listed_by_week(capsys, local_user):
    add_checkins(local_user, [{"day": TODAY, "flicker": "a pang"},
                              {"day": TODAY, "hour": 9, "flicker": "a smile"},
                              {"day": TODAY - timedelta(days=14), "flicker": "warm"}])
    said = run(capsys, "insights").said
    assert "You noted flickers of feeling in 2 weeks of this period." in said
    assert "09 Mar 2026 ✦✦" in said


@pytest.mark.practice("H2")
def test_metrics_show_their_day_counts_or_say_not_enough_data_yet(capsys, local_user):
    add_checkins(local_user, [{"day": d, "feel": i % 7, "mood": 5, "words": {"numb": 2}}
                              for i, d in enumerate(last_days(20))])
    said = plain(run(capsys, "insights").said)
    assert re.search(r"Spread \(how far days differ\) \d\.\d\d from 20 days, low confidence "
                     r"no variation yet", said)
    assert "not enough data yet (20 days so far, 50 needed)" in said
    assert ("Unpleasant feelings: not enough data yet: at least 3 different words of this kind "
            "are needed") in said


@pytest.mark.practice("H2")
def test_practices_show_before_and_after_with_an_interval(capsys, local_user):
    Session.objects.bulk_create([
        Session(user=local_user, exercise="longer-out-breath", kind="breathing", seconds=300,
                at=datetime.combine(d, time(9), LONDON), feel_before=2 + i % 2, feel_after=4 + i % 3)
        for i, d in enumerate(last_days(8))])
    Session.objects.create(user=local_user, exercise="body-scan", kind="body", seconds=60,
                           at=datetime.combine(TODAY, time(7), LONDON), feel_before=1, feel_after=2)
    add_checkins(local_user, [{"day": TODAY, "words": {"numb": 1}}])
    said = plain(run(capsys, "insights").said)
    assert re.search(r"slow breathing \+\d\.\d [+-]\d\.\d to \+\d\.\d 8", said)
    assert "a body practice – – 1 so far; 5 are needed" in said


@pytest.mark.practice("H2")
def test_since_narrows_the_period_and_a_bad_day_is_a_kind_error(capsys, local_user):
    add_checkins(local_user, [{"day": d, "feel": 4, "words": {"numb": 1}} for d in last_days(30)])
    data = strict(run(capsys, "insights", "--since", "2026-03-01", "--json").out)
    assert data["range"]["start"] == "2026-03-01" and data["summary"]["days_recorded"] == 10
    said = run(capsys, "insights", "--since", "2026-03-01").said
    assert "Insights · 01 Mar 2026 – 10 Mar 2026" in said and "one mark a day" in said
    ran = run(capsys, "insights", "--since", "last week")
    assert ran.code == 1
    assert "That date wasn’t clear to me. Try a form like 2026-03-14." in ran.said
    assert "Traceback" not in ran.said


def test_the_command_line_starts_without_loading_numpy_or_django():
    """`thawing --help` stays fast: insights imports its heavy parts only when it runs."""
    heavy = "('numpy', 'django.db', 'thawing.insights.services')"
    code = (f"import sys; from thawing.cli.main import app; "
            f"print(sorted(m for m in {heavy} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"

