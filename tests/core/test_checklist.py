from __future__ import annotations

from datetime import date, timedelta

import pytest

from thawing.core.checklist import ITEMS, Records, reconnection_checklist

TODAY = date(2026, 3, 20)


def done(records: Records) -> dict[str, str]:
    return {item.id: item.how for item in reconnection_checklist(records, today=TODAY) if item.done}


@pytest.mark.practice("H1")
def test_a_new_person_has_seven_open_steps_in_order():
    items = reconnection_checklist(Records(), today=TODAY)
    assert [i.id for i in items] == list(ITEMS) and not any(i.done for i in items)


@pytest.mark.practice("H1")
@pytest.mark.parametrize("minutes, ticked", [(9, False), (10, True)])
def test_ten_minutes_of_body_practice_today_ticks_the_body_checkin(minutes, ticked):
    assert ("body_checkin" in done(Records(body_minutes_today=minutes))) is ticked


@pytest.mark.practice("H1")
@pytest.mark.parametrize("days_ago, ticked", [(6, True), (7, False)])
def test_a_creative_session_counts_for_seven_days(days_ago, ticked):
    records = Records(creative_days=(TODAY - timedelta(days=days_ago),))
    assert ("creative" in done(records)) is ticked


@pytest.mark.practice("H1")
def test_records_tick_acknowledge_reach_out_and_flicker():
    records = Records(acknowledged_on=date(2025, 1, 1), connection_days=(TODAY,), flickers_today=1)
    assert done(records) == {"acknowledge": "records", "reach_out": "records", "flicker": "records"}


@pytest.mark.practice("H1")
@pytest.mark.parametrize("this_week, before, ticked", [(2, 3, True), (3, 3, False), (0, 0, False)])
def test_fewer_numbing_days_than_the_week_before_ticks_reducing_them(this_week, before, ticked):
    records = Records(numbing_days_this_week=this_week, numbing_days_week_before=before)
    assert ("numbing" in done(records)) is ticked


@pytest.mark.practice("H1")
def test_hand_ticks_count_for_their_period_only():
    records = Records(ticks=(("consultation", date(2025, 6, 1)), ("flicker", TODAY - timedelta(days=1)),
                             ("reach_out", TODAY - timedelta(days=3))))
    assert done(records) == {"consultation": "ticked", "reach_out": "ticked"}


def test_a_record_wins_over_a_hand_tick():
    records = Records(flickers_today=2, ticks=(("flicker", TODAY),))
    assert done(records)["flicker"] == "records"
