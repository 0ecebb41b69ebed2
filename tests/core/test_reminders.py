"""Reminder schedules and the iCalendar feed they become, read back with icalendar (A2, A5)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from thawing.core.errors import InvalidInput
from thawing.core.reminders import (
    MIN_GAP_MINUTES,
    PRODID,
    Schedule,
    calendar,
    in_quiet_hours,
    parse_schedule,
    parse_time,
    random_times,
)

LONDON = "Europe/London"
TITLES = {
    "calendar": "Thawing reminders",
    "checkin": "Check in with yourself",
    "body_scan": "Ten minutes with your body",
    "flicker": "Any flicker of feeling?",
    "alarm": "A gentle moment to notice",
}
# A Sunday morning in winter time, a month before the clocks go forward in London.
START = date(2026, 3, 1)
NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
SEED = "person-42"


def _schedule(**changes: object) -> Schedule:
    fields: dict[str, object] = {
        "times": ["08:30", "13:00", "9:30 pm"], "quiet_start": "22:00", "quiet_end": "07:00",
        "random_prompts": 3, "window_start": "10:00", "window_end": "20:00", "zone": LONDON,
        "body_scan": "18:00",
    }
    fields.update(changes)
    return parse_schedule(**fields)  # type: ignore[arg-type]


def _feed(schedule: Schedule, *, start: date = START, days: int = 14, seed: str = SEED,
          url: str | None = "https://thawing.example/checkins/today/") -> Calendar:
    ics = calendar(schedule, start=start, days=days, seed=seed, uid_domain="thawing.example",
                   titles=TITLES, url=url, now=NOW)
    return Calendar.from_ical(ics)


def _events(feed: Calendar, prefix: str = "") -> list:
    return [event for event in feed.walk("VEVENT") if str(event["UID"]).startswith(prefix)]


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _fields(caught: pytest.ExceptionInfo[InvalidInput]) -> set[str]:
    return set(caught.value.fields)


# ---------------------------------------------------------------- reading times


@pytest.mark.parametrize("text, expected", [
    ("09:30", time(9, 30)), ("9:30", time(9, 30)), (" 21:05 ", time(21, 5)),
    ("9:30 pm", time(21, 30)), ("9:30PM", time(21, 30)), ("9:30 a.m.", time(9, 30)),
    ("12:00 am", time(0, 0)), ("12:15 pm", time(12, 15)), ("9pm", time(21, 0)),
    ("21:30:00", time(21, 30)), ("9:30\u202fPM", time(21, 30)), ("0:00", time(0, 0)),
])
def test_times_are_read_in_24_hour_12_hour_and_short_forms(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["", "24:00", "9:75", "13:00 pm", "0 am", "930", "9", "nine", "9:3"])
def test_an_unreadable_time_is_none(text):
    assert parse_time(text) is None


# ---------------------------------------------------------------- the schedule


@pytest.mark.practice("A2")
def test_a_schedule_keeps_the_chosen_times_in_order_of_the_day():
    schedule = _schedule(times=["9:30 pm", "", "08:30"], random_prompts="2", body_scan="")
    assert schedule == Schedule(
        times=(time(8, 30), time(21, 30)), quiet_start=time(22, 0), quiet_end=time(7, 0),
        random_prompts=2, window_start=time(10, 0), window_end=time(20, 0), zone=LONDON,
        body_scan=None, alarm_minutes_before=0,
    )


def test_without_random_prompts_the_window_may_be_left_empty():
    schedule = parse_schedule(times=["08:00"], zone="UTC")
    assert schedule.random_prompts == 0
    assert schedule.window_start < schedule.window_end
    assert (schedule.quiet_start, schedule.quiet_end, schedule.body_scan) == (None, None, None)


@pytest.mark.practice("A2")
@pytest.mark.parametrize("at, quiet", [
    (time(23, 30), True), (time(0, 0), True), (time(3, 0), True), (time(6, 59), True),
    (time(7, 0), False), (time(12, 0), False), (time(21, 59), False), (time(22, 0), True),
])
def test_quiet_hours_can_wrap_midnight(at, quiet):
    assert in_quiet_hours(_schedule(), at) is quiet


def test_quiet_hours_inside_one_day_hold_from_start_to_end():
    schedule = _schedule(quiet_start="13:00", quiet_end="14:00", times=["09:00"])
    assert [in_quiet_hours(schedule, time(h, m)) for h, m in [(12, 59), (13, 0), (13, 59), (14, 0)]] == [
        False, True, True, False]


@pytest.mark.practice("A2")
@pytest.mark.parametrize("times", [["07:00"], ["21:59"], ["07:00", "21:59"]])
def test_check_ins_just_outside_wrapping_quiet_hours_are_accepted(times):
    assert _schedule(times=times).times == tuple(parse_time(t) for t in times)


@pytest.mark.practice("A2")
@pytest.mark.parametrize("changes, field", [
    ({"times": []}, "times"),
    ({"times": ["", "  "]}, "times"),
    ({"times": ["08:00", "12:00", "16:00", "20:00"]}, "times"),
    ({"times": ["9:30", "09:30"]}, "times"),
    ({"times": ["half past nine"]}, "times"),
    ({"times": ["23:00"]}, "times"),
    ({"times": ["06:30"]}, "times"),
    ({"quiet_start": ""}, "quiet_start"),
    ({"quiet_end": ""}, "quiet_end"),
    ({"quiet_end": "22:00"}, "quiet_end"),
    ({"quiet_start": "late"}, "quiet_start"),
    ({"window_start": "10:00", "window_end": "10:29"}, "window_end"),
    ({"window_start": "20:00", "window_end": "10:00"}, "window_end"),
    ({"window_end": ""}, "window_end"),
    ({"window_start": ""}, "window_start"),
    ({"window_start": "05:00", "window_end": "07:20"}, "window_start"),
    ({"random_prompts": 4}, "random_prompts"),
    ({"random_prompts": "-1"}, "random_prompts"),
    ({"random_prompts": "two"}, "random_prompts"),
    ({"zone": "Mars/Olympus_Mons"}, "zone"),
    ({"zone": "Europe"}, "zone"),
    ({"zone": "../etc/passwd"}, "zone"),
    ({"zone": ""}, "zone"),
    ({"alarm_minutes_before": "500"}, "alarm_minutes_before"),
])
def test_a_schedule_that_cannot_work_is_refused_on_its_field(changes, field):
    with pytest.raises(InvalidInput) as caught:
        _schedule(**changes)
    assert _fields(caught) == {field}
    assert caught.value.fields[field]


@pytest.mark.practice("A5")
@pytest.mark.parametrize("body_scan", ["ten past six", "23:15"])
def test_a_body_check_in_that_is_unreadable_or_in_quiet_hours_is_refused(body_scan):
    with pytest.raises(InvalidInput) as caught:
        _schedule(body_scan=body_scan)
    assert _fields(caught) == {"body_scan"}


def test_a_time_in_quiet_hours_names_the_time_and_the_hours():
    with pytest.raises(InvalidInput) as caught:
        _schedule(times=["23:00"])
    assert all(part in caught.value.fields["times"] for part in ("23:00", "22:00", "07:00"))


def test_a_short_window_is_fine_while_no_random_prompts_are_asked_for_in_quiet_hours():
    schedule = _schedule(random_prompts=0, window_start="05:00", window_end="07:20")
    assert schedule.window_start == time(5, 0)


def test_several_problems_are_reported_together():
    with pytest.raises(InvalidInput) as caught:
        _schedule(times=["25:00"], zone="Nowhere/Else", random_prompts=9)
    assert _fields(caught) == {"times", "zone", "random_prompts"}


# ---------------------------------------------------------------- random prompts


@pytest.mark.practice("A2")
def test_random_prompts_fall_inside_the_window_apart_from_each_other_and_the_fixed_reminders():
    schedule = _schedule()
    fixed = [_minutes(t) for t in (*schedule.times, schedule.body_scan) if t is not None]
    for offset in range(60):
        prompts = [_minutes(t) for t in random_times(schedule, START + timedelta(days=offset), seed=SEED)]
        assert len(prompts) == 3 and prompts == sorted(prompts)
        assert all(10 * 60 <= m < 20 * 60 for m in prompts)
        assert all(abs(a - b) >= MIN_GAP_MINUTES for i, a in enumerate(prompts) for b in prompts[i + 1:])
        assert all(abs(m - f) >= MIN_GAP_MINUTES for m in prompts for f in fixed)


@pytest.mark.practice("A2")
def test_random_prompts_stay_out_of_quiet_hours_that_cover_part_of_the_window():
    schedule = _schedule(times=["12:00"], body_scan="", window_start="05:00", window_end="09:00")
    for offset in range(60):
        for moment in random_times(schedule, START + timedelta(days=offset), seed=SEED):
            assert time(7, 0) <= moment < time(9, 0)
            assert not in_quiet_hours(schedule, moment)


@pytest.mark.practice("A2")
def test_random_prompts_are_the_same_for_the_same_seed_and_day_and_change_between_days():
    schedule = _schedule()
    days = [START + timedelta(days=n) for n in range(7)]
    first = [random_times(schedule, day, seed=SEED) for day in days]
    again = [random_times(schedule, day, seed=SEED) for day in days]
    other_person = [random_times(schedule, day, seed="someone-else") for day in days]
    assert first == again
    assert len({tuple(times) for times in first}) == len(days)
    assert other_person != first


def test_a_window_too_narrow_for_the_gap_still_spreads_the_prompts_inside_it():
    schedule = _schedule(window_start="10:00", window_end="10:30")
    prompts = random_times(schedule, START, seed=SEED)
    assert len(set(prompts)) == 3
    assert all(time(10, 0) <= moment < time(10, 30) for moment in prompts)


def test_random_prompts_skip_the_hour_that_does_not_exist_when_clocks_go_forward():
    schedule = _schedule(times=["12:00"], quiet_start="", quiet_end="", body_scan="",
                         window_start="00:30", window_end="02:30")
    change = date(2026, 3, 29)
    for seed in (f"seed-{n}" for n in range(40)):
        assert all(moment.hour != 1 for moment in random_times(schedule, change, seed=seed))


def test_no_random_prompts_are_made_when_none_are_asked_for():
    assert random_times(_schedule(random_prompts=0), START, seed=SEED) == []
    assert _events(_feed(_schedule(random_prompts=0)), "flicker-") == []


# ---------------------------------------------------------------- the calendar


def test_the_calendar_names_itself_and_defines_the_zone_it_uses():
    feed = _feed(_schedule())
    assert str(feed["PRODID"]) == PRODID
    assert str(feed["VERSION"]) == "2.0"
    assert str(feed["X-WR-CALNAME"]) == TITLES["calendar"]
    assert [str(zone["TZID"]) for zone in feed.walk("VTIMEZONE")] == [LONDON]


@pytest.mark.practice("A2")
def test_the_calendar_has_one_event_per_daily_reminder_and_per_random_prompt():
    feed = _feed(_schedule(), days=14)
    assert len(_events(feed, "checkin-")) == 3
    assert len(_events(feed, "body-scan-")) == 1
    assert len(_events(feed, "flicker-")) == 3 * 14
    assert len(_events(feed)) == 3 + 1 + 3 * 14


@pytest.mark.practice("A2")
def test_each_check_in_repeats_daily_at_its_wall_time_in_the_persons_zone():
    feed = _feed(_schedule())
    events = sorted(_events(feed, "checkin-"), key=lambda e: str(e["UID"]))
    assert [str(e["UID"]) for e in events] == [f"checkin-{n}@thawing.example" for n in (1, 2, 3)]
    for event, wall in zip(events, [time(8, 30), time(13, 0), time(21, 30)], strict=True):
        assert event["RRULE"]["FREQ"] == ["DAILY"]
        assert event["DTSTART"].params["TZID"] == LONDON
        assert event.decoded("DTSTART") == datetime.combine(START, wall, tzinfo=ZoneInfo(LONDON))
        assert event.decoded("DURATION") == timedelta(minutes=5)
        assert str(event["SUMMARY"]) == TITLES["checkin"]


@pytest.mark.practice("A5")
def test_the_body_check_in_repeats_daily_for_ten_minutes():
    (event,) = _events(_feed(_schedule(body_scan="6:15 pm")), "body-scan-")
    assert event["RRULE"]["FREQ"] == ["DAILY"]
    assert event.decoded("DTSTART") == datetime(2026, 3, 1, 18, 15, tzinfo=ZoneInfo(LONDON))
    assert event.decoded("DURATION") == timedelta(minutes=10)
    assert str(event["SUMMARY"]) == TITLES["body_scan"]


@pytest.mark.practice("A5")
def test_without_a_body_check_in_time_there_is_no_body_check_in_event():
    assert _events(_feed(_schedule(body_scan="")), "body-scan-") == []


@pytest.mark.practice("A2")
@pytest.mark.parametrize("minutes, trigger", [(0, timedelta(0)), ("15", timedelta(minutes=-15))])
def test_every_event_carries_a_display_alarm_at_the_chosen_moment(minutes, trigger):
    feed = _feed(_schedule(alarm_minutes_before=minutes))
    for event in _events(feed):
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == trigger
        assert str(alarm["DESCRIPTION"]) == TITLES["alarm"]


@pytest.mark.practice("A2")
def test_random_prompt_events_are_single_and_match_the_days_random_times():
    schedule = _schedule()
    feed = _feed(schedule, days=14)
    for offset in range(14):
        day = START + timedelta(days=offset)
        events = sorted(_events(feed, f"flicker-{day:%Y%m%d}-"), key=lambda e: str(e["UID"]))
        assert [e.decoded("DTSTART").time() for e in events] == random_times(schedule, day, seed=SEED)
        for event in events:
            assert "RRULE" not in event
            assert event["DTSTART"].params["TZID"] == LONDON
            assert event.decoded("DTSTART").date() == day
            assert not in_quiet_hours(schedule, event.decoded("DTSTART").time())


def test_the_same_inputs_give_the_same_file_so_downloads_update_instead_of_duplicate():
    schedule = _schedule()
    first = calendar(schedule, start=START, days=14, seed=SEED, uid_domain="thawing.example",
                     titles=TITLES, now=NOW)
    again = calendar(schedule, start=START, days=14, seed=SEED, uid_domain="thawing.example",
                     titles=TITLES, now=NOW)
    assert first == again
    uids = [str(e["UID"]) for e in _events(Calendar.from_ical(first))]
    assert len(set(uids)) == len(uids)


def test_a_later_download_keeps_the_uids_of_the_days_it_shares():
    early = {str(e["UID"]): e.decoded("DTSTART") for e in _events(_feed(_schedule(), days=14))}
    later = {str(e["UID"]): e.decoded("DTSTART")
             for e in _events(_feed(_schedule(), start=START + timedelta(days=7), days=14), "flicker-")}
    shared = early.keys() & later.keys()
    assert len(shared) == 3 * 7
    assert all(early[uid] == later[uid] for uid in shared)


def test_every_event_is_stamped_with_the_given_now_links_back_and_leaves_the_person_free():
    for event in _events(_feed(_schedule())):
        assert event.decoded("DTSTAMP") == NOW
        assert str(event["URL"]) == "https://thawing.example/checkins/today/"
        assert str(event["TRANSP"]) == "TRANSPARENT"


def test_without_a_url_the_events_carry_none():
    assert all("URL" not in event for event in _events(_feed(_schedule(), url=None)))


def test_a_clock_without_a_zone_is_refused():
    with pytest.raises(ValueError):
        calendar(_schedule(), start=START, days=1, seed=SEED, uid_domain="x", titles=TITLES,
                 now=datetime(2026, 3, 1, 8, 0))


@pytest.mark.practice("A2")
def test_a_morning_check_in_stays_at_its_wall_time_when_the_clocks_go_forward():
    # London moves from GMT to BST at 01:00 UTC on 29 March 2026.
    feed = _feed(_schedule(times=["07:30"], body_scan=""), start=date(2026, 3, 25))
    (event,) = _events(feed, "checkin-")
    start = event.decoded("DTSTART")
    assert event["RRULE"]["FREQ"] == ["DAILY"] and "INTERVAL" not in event["RRULE"]
    # The zone as the file itself defines it, not the one on this machine.
    (vtimezone,) = feed.walk("VTIMEZONE")
    assert str(vtimezone["TZID"]) == event["DTSTART"].params["TZID"]
    zone = vtimezone.to_tz(lookup_tzid=False)
    # A daily rule with a TZID repeats the local wall time, so day n is DTSTART's date plus n.
    occurrences = [datetime.combine(start.date() + timedelta(days=n), start.time(), tzinfo=zone)
                   for n in range(7)]
    assert {moment.time() for moment in occurrences} == {time(7, 30)}
    in_utc = [moment.astimezone(UTC) for moment in occurrences]
    assert [moment.time() for moment in in_utc] == [time(7, 30)] * 4 + [time(6, 30)] * 3
    assert in_utc[4].date() == date(2026, 3, 29)


def test_a_schedule_in_utc_writes_utc_times():
    feed = _feed(_schedule(zone="UTC"))
    assert feed.walk("VTIMEZONE") == []
    assert all(e.decoded("DTSTART").utcoffset() == timedelta(0) for e in _events(feed))
