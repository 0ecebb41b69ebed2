from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from thawing.checkins import services as checkins
from thawing.today.services import today_summary

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def test_several_checkins_a_day_are_listed_on_the_local_day(local_user):
    with time_machine.travel(datetime(2026, 6, 10, 23, 30, tzinfo=LONDON)):
        # 23:30 in London is 22:30 UTC, still the 10th for the user.
        checkins.record_checkin(user=local_user, mood=5)
        checkins.record_checkin(user=local_user, mood=6, at="2026-06-10T08:00")
        checkins.record_checkin(user=local_user, mood=7, at="2026-06-09T23:59")
        summary = today_summary(user=local_user)
    assert summary.day == date(2026, 6, 10)
    assert [c.mood for c in summary.checkins] == [5, 6]
