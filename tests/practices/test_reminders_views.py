"""Daily rhythm and reminders on the web (A2, A5): the settings page, the .ics file, the feed."""

from __future__ import annotations

from datetime import time, timedelta

import pytest
from icalendar import Calendar

from thawing.accounts.services import profile_for
from thawing.practices import reminders

pytestmark = pytest.mark.django_db
RHYTHM = {"times": ["08:30", "20:00", ""], "quiet_start": "22:00", "quiet_end": "07:00",
          "random_prompts": "2", "window_start": "10:00", "window_end": "18:00", "body_scan": "18:30"}


def events(body: bytes) -> list:
    return [c for c in Calendar.from_ical(body).walk("VEVENT")]


@pytest.mark.practice("A2")
def test_the_rhythm_page_saves_times_quiet_hours_prompts_and_a_body_scan(signed_in, local_user):
    page = signed_in.get("/rhythm/")
    assert page.status_code == 200 and "Download the calendar file" not in page.content.decode()
    response = signed_in.post("/rhythm/", RHYTHM)
    assert response.status_code == 302 and response.url == "/rhythm/"
    profile = profile_for(fresh(local_user))
    assert profile.reminder_times == ["08:30", "20:00"]
    assert (profile.checkin_time, profile.quiet_start, profile.quiet_end) == (time(8, 30), time(22), time(7))
    assert (profile.random_prompts, profile.body_scan_time) == (2, time(18, 30))
    shown = signed_in.get("/rhythm/").content.decode()
    assert 'value="08:30"' in shown and 'value="20:00"' in shown and 'value="18:30"' in shown
    assert "Download the calendar file" in shown and "/feed/" in shown


@pytest.mark.practice("A2")
@pytest.mark.parametrize("changes, field_text", [
    ({"times": ["23:15", "", ""]}, "23:15 is inside your quiet hours (22:00–07:00)"),
    ({"body_scan": "06:00"}, "06:00 is inside your quiet hours"),
    ({"times": ["", "", ""]}, "Choose at least one time of day for a check-in."),
    ({"times": ["08:30", "8:30", ""]}, "listed twice"),
    ({"quiet_end": ""}, "Quiet hours need both a start and an end."),
])
def test_a_rhythm_that_cannot_work_is_refused_with_the_reason_and_kept(signed_in, local_user,
                                                                        changes, field_text):
    response = signed_in.post("/rhythm/", {**RHYTHM, **changes})
    page = response.content.decode()
    assert response.status_code == 400
    assert field_text in page
    # What was typed is still in the form.
    assert 'value="22:00"' in page and 'value="10:00"' in page
    assert profile_for(local_user).reminder_times == []


@pytest.mark.practice("A2")
@pytest.mark.practice("A5")
def test_the_calendar_download_is_an_ics_file_with_alarms(signed_in):
    signed_in.post("/rhythm/", RHYTHM)
    response = signed_in.get("/rhythm/thawing-reminders.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="thawing-reminders.ics"' in response["Content-Disposition"]
    found = events(response.content)
    summaries = [str(e["SUMMARY"]) for e in found]
    assert summaries.count("Check in with Thawing") == 2
    assert summaries.count("Ten minutes for a body check-in") == 1
    assert summaries.count("Any flicker of feeling right now?") == 2 * reminders.FEED_DAYS
    assert all(e.walk("VALARM") for e in found)
    scan = next(e for e in found if str(e["SUMMARY"]) == "Ten minutes for a body check-in")
    assert scan["DTSTART"].dt.time() == time(18, 30)
    assert scan.duration == timedelta(minutes=10)


def test_there_is_no_calendar_before_a_time_is_chosen(signed_in):
    assert signed_in.get("/rhythm/thawing-reminders.ics").status_code == 404


@pytest.mark.practice("A2")
def test_the_feed_works_signed_out_with_its_token_and_not_without(client, server_mode, make_account):
    robin = make_account("robin", timezone="Europe/Paris")
    reminders.save_rhythm(user=robin, times=["09:00"])
    token = reminders.feed_token(robin)
    assert len(token) >= 32
    response = client.get(f"/feed/{token}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert "Content-Disposition" not in response
    assert [str(e["SUMMARY"]) for e in events(response.content)] == ["Check in with Thawing"]
    assert client.get(f"/feed/{token[:-1]}x.ics").status_code == 404
    assert client.get("/feed/not-a-token.ics").status_code == 404
    # Nothing else opens with the token.
    assert client.get("/rhythm/thawing-reminders.ics").status_code == 302


def test_a_new_feed_address_cuts_off_the_old_one(signed_in, local_user):
    signed_in.post("/rhythm/", RHYTHM)
    old = reminders.feed_token(fresh(local_user))
    response = signed_in.post("/rhythm/new-address/")
    assert response.status_code == 302
    new = reminders.feed_token(fresh(local_user))
    assert new != old
    assert signed_in.get(f"/feed/{old}.ics").status_code == 404
    assert signed_in.get(f"/feed/{new}.ics").status_code == 200
    assert signed_in.get("/rhythm/new-address/").status_code == 405


def fresh(user):
    """The same person read again: a user object keeps the profile it read first."""
    return type(user).objects.get(pk=user.pk)
