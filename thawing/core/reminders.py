"""Daily rhythm and reminders as an iCalendar feed, with no cloud service (A2, A5).

The person chooses 1-3 daily check-in times, quiet hours that may wrap midnight, 0-3
random "flicker" prompts inside a window, and an optional 10-minute body check-in (A5).
`calendar()` writes them as an RFC 5545 VCALENDAR that any phone or desktop calendar can
import or subscribe to: one daily recurring VEVENT per fixed time and one single VEVENT per
random prompt for the next few days, each with a DISPLAY alarm. UIDs are derived from the
kind, the number and the day, so a fresh download updates events instead of duplicating them.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event, vDuration

from thawing.core.errors import InvalidInput
from thawing.core.i18n import Message, msg

MAX_TIMES = 3
MAX_RANDOM_PROMPTS = 3
MAX_ALARM_MINUTES = 120
MIN_WINDOW_MINUTES = 30
# Prompts bunched together feel like nagging; this far apart they feel like a gentle tap.
MIN_GAP_MINUTES = 45
# Used when nobody chose a window, because no random prompts were asked for.
DEFAULT_WINDOW = (time(10, 0), time(20, 0))
CHECKIN_LENGTH = timedelta(minutes=5)
BODY_SCAN_LENGTH = timedelta(minutes=10)
PRODID = "-//Thawing//Reminders//EN"
# Random prompts only reach as far ahead as the feed, so calendars should fetch it daily.
REFRESH = timedelta(days=1)
# Daily events repeat for ever; the VTIMEZONE spells out this many years of clock changes.
VTIMEZONE_YEARS = 20
# A greedy random draw can paint itself into a corner; a few fresh draws almost always fit.
DRAWS = 20

_TIME = re.compile(
    r"^(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?(?::\d{2})?\s*(?:(?P<half>[ap])\.?\s*m\.?)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Schedule:
    """When reminders come: check-in times, quiet hours, random prompts, body scan, zone."""

    times: tuple[time, ...]
    quiet_start: time | None
    quiet_end: time | None
    random_prompts: int
    window_start: time
    window_end: time
    zone: str
    body_scan: time | None
    alarm_minutes_before: int = 0


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _clock(minutes: int) -> time:
    return time(minutes // 60, minutes % 60)


def _shown(moment: time) -> str:
    return f"{moment:%H:%M}"


def in_quiet_hours(schedule: Schedule, at: time) -> bool:
    """Whether a wall-clock time falls in quiet hours (start included, end not; may wrap)."""
    if schedule.quiet_start is None or schedule.quiet_end is None:
        return False
    return _quiet(_minutes(at), _minutes(schedule.quiet_start), _minutes(schedule.quiet_end))


def _quiet(minute: int, start: int, end: int) -> bool:
    if start <= end:
        return start <= minute < end
    # Quiet hours such as 22:00-07:00 wrap midnight.
    return minute >= start or minute < end


def parse_time(value: str) -> time | None:
    """A wall-clock time from "09:30", "9:30", "9:30 pm" or "9pm"; `None` when unreadable."""
    found = _TIME.match(value.strip())
    if found is None or (found["minute"] is None and found["half"] is None):
        return None
    hour, minute = int(found["hour"]), int(found["minute"] or 0)
    if found["half"] is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if found["half"].lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _unreadable(value: str) -> Message:
    return msg("\u201c%(value)s\u201d isn\u2019t a time I can read. Try a form like 09:30 or 9:30 pm.",
               value=value.strip())


def _optional_time(field: str, value: str, errors: dict[str, str]) -> time | None:
    if not value.strip():
        return None
    parsed = parse_time(value)
    if parsed is None:
        errors[field] = _unreadable(value)
    return parsed


def _parse_times(values: Sequence[str], errors: dict[str, str]) -> tuple[time, ...]:
    given = [value for value in values if value.strip()]
    if not given:
        errors["times"] = msg("Choose at least one time of day for a check-in.")
        return ()
    if len(given) > MAX_TIMES:
        errors["times"] = msg("Choose up to %(count)s check-in times a day.", count=MAX_TIMES)
        return ()
    parsed: list[time] = []
    for value in given:
        moment = parse_time(value)
        if moment is None:
            errors["times"] = _unreadable(value)
            return ()
        if moment in parsed:
            errors["times"] = msg("%(time)s is listed twice; each check-in time needs to be different.",
                                  time=_shown(moment))
            return ()
        parsed.append(moment)
    return tuple(sorted(parsed))


def _parse_count(value: int | str, *, high: int) -> int | None:
    """A whole number from 0 to `high`, empty meaning 0; `None` when it is anything else."""
    if isinstance(value, bool):
        return None
    try:
        number = int(value) if not isinstance(value, str) or value.strip() else 0
    except ValueError:
        return None
    return number if 0 <= number <= high else None


def _parse_zone(value: str, errors: dict[str, str]) -> str:
    name = value.strip()
    if not name:
        errors["zone"] = msg("Choose your time zone, for example Europe/London.")
        return name
    try:
        ZoneInfo(name)
    # Unknown names, names with ".." or a leading "/", and folders of the zone database.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        errors["zone"] = msg("\u201c%(zone)s\u201d isn\u2019t a time zone I know. Try a name like "
                             "Europe/London.", zone=name)
    return name


def _free_minutes(start: time, end: time, quiet: tuple[time, time] | None) -> list[int]:
    minutes = range(_minutes(start), _minutes(end))
    if quiet is None:
        return list(minutes)
    low, high = _minutes(quiet[0]), _minutes(quiet[1])
    return [minute for minute in minutes if not _quiet(minute, low, high)]


def parse_schedule(
    *,
    times: Sequence[str],
    quiet_start: str = "",
    quiet_end: str = "",
    random_prompts: int | str = 0,
    window_start: str = "",
    window_end: str = "",
    zone: str,
    body_scan: str = "",
    alarm_minutes_before: int | str = 0,
) -> Schedule:
    """A schedule from form, flag or API text (A2, A5); every problem is named by its field."""
    errors: dict[str, str] = {}
    fixed = _parse_times(times, errors)
    quiet = _parse_quiet(quiet_start, quiet_end, errors)
    prompts = _parse_count(random_prompts, high=MAX_RANDOM_PROMPTS)
    if prompts is None:
        errors["random_prompts"] = msg("Random prompts are a whole number from 0 to %(high)s a day.",
                                       high=MAX_RANDOM_PROMPTS)
    window = _parse_window(window_start, window_end, errors)
    scan = _optional_time("body_scan", body_scan, errors)
    alarm = _parse_count(alarm_minutes_before, high=MAX_ALARM_MINUTES)
    if alarm is None:
        errors["alarm_minutes_before"] = msg("The alert can come from 0 to %(high)s minutes before.",
                                             high=MAX_ALARM_MINUTES)
    name = _parse_zone(zone, errors)
    if quiet is not None:
        _check_outside_quiet(fixed, scan, quiet, errors)
        if prompts and window is not None and len(_free_minutes(*window, quiet)) < MIN_WINDOW_MINUTES:
            errors.setdefault("window_start", msg(
                "Most of the window for random prompts is in your quiet hours; leave at least "
                "%(minutes)s minutes of it outside them.", minutes=MIN_WINDOW_MINUTES))
    if errors or prompts is None or alarm is None:
        raise InvalidInput(errors)
    window = window or DEFAULT_WINDOW
    return Schedule(
        times=fixed, quiet_start=quiet[0] if quiet else None, quiet_end=quiet[1] if quiet else None,
        random_prompts=prompts, window_start=window[0], window_end=window[1], zone=name,
        body_scan=scan, alarm_minutes_before=alarm,
    )


def _parse_quiet(start: str, end: str, errors: dict[str, str]) -> tuple[time, time] | None:
    low = _optional_time("quiet_start", start, errors)
    high = _optional_time("quiet_end", end, errors)
    if "quiet_start" in errors or "quiet_end" in errors:
        return None
    if (low is None) != (high is None):
        missing = "quiet_start" if low is None else "quiet_end"
        errors[missing] = msg("Quiet hours need both a start and an end.")
        return None
    if low is None or high is None:
        return None
    if low == high:
        errors["quiet_end"] = msg("Quiet hours need to start and end at different times.")
        return None
    return low, high


def _parse_window(start: str, end: str, errors: dict[str, str]) -> tuple[time, time] | None:
    low = _optional_time("window_start", start, errors)
    high = _optional_time("window_end", end, errors)
    if "window_start" in errors or "window_end" in errors:
        return None
    if (low is None) != (high is None):
        missing = "window_start" if low is None else "window_end"
        errors[missing] = msg("The window for random prompts needs both a start and an end.")
        return None
    if low is None or high is None:
        return None
    if high <= low:
        errors["window_end"] = msg("The window for random prompts stays within one day, so it "
                                   "ends after it starts.")
        return None
    if _minutes(high) - _minutes(low) < MIN_WINDOW_MINUTES:
        errors["window_end"] = msg("The window for random prompts needs to be at least %(minutes)s "
                                   "minutes long.", minutes=MIN_WINDOW_MINUTES)
        return None
    return low, high


def _check_outside_quiet(
    fixed: tuple[time, ...], scan: time | None, quiet: tuple[time, time], errors: dict[str, str]
) -> None:
    low, high = _minutes(quiet[0]), _minutes(quiet[1])
    hours = {"start": _shown(quiet[0]), "end": _shown(quiet[1])}
    for moment in fixed:
        if _quiet(_minutes(moment), low, high):
            errors.setdefault("times", msg(
                "%(time)s is inside your quiet hours (%(start)s\u2013%(end)s). Choose another time, "
                "or change the quiet hours.", time=_shown(moment), **hours))
    if scan is not None and _quiet(_minutes(scan), low, high):
        errors.setdefault("body_scan", msg(
            "%(time)s is inside your quiet hours (%(start)s\u2013%(end)s). Choose another time for "
            "the body check-in.", time=_shown(scan), **hours))


def _exists(day: date, minute: int, zone: ZoneInfo) -> bool:
    """False for wall times skipped when the clocks go forward."""
    local = datetime.combine(day, _clock(minute), tzinfo=zone)
    return local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == local.replace(tzinfo=None)


def _draw(rng: random.Random, free: list[int], keep_from: list[int], count: int) -> list[int] | None:
    chosen: list[int] = []
    for _ in range(count):
        options = [m for m in free if all(abs(m - other) >= MIN_GAP_MINUTES for other in keep_from + chosen)]
        if not options:
            return None
        chosen.append(rng.choice(options))
    return chosen


def random_times(schedule: Schedule, day: date, *, seed: str) -> list[time]:
    """The day's random prompt times, the same for the same seed and day (A2); earliest first.

    Inside the window, outside quiet hours, and 45 minutes or more from each other and from
    the fixed reminders when the window allows; otherwise spread evenly over the window.
    """
    if schedule.random_prompts <= 0:
        return []
    quiet = None
    if schedule.quiet_start is not None and schedule.quiet_end is not None:
        quiet = (schedule.quiet_start, schedule.quiet_end)
    zone = ZoneInfo(schedule.zone)
    free = [m for m in _free_minutes(schedule.window_start, schedule.window_end, quiet)
            if _exists(day, m, zone)]
    if not free:
        return []
    digest = hashlib.sha256(f"{seed}\n{day.isoformat()}".encode()).digest()
    rng = random.Random(int.from_bytes(digest, "big"))
    fixed = [_minutes(t) for t in (*schedule.times, schedule.body_scan) if t is not None]
    count = min(schedule.random_prompts, len(free))
    for keep_from in (fixed, []):
        for _ in range(DRAWS):
            chosen = _draw(rng, free, keep_from, count)
            if chosen is not None:
                return [_clock(m) for m in sorted(chosen)]
    # A window too narrow for the gap: the middles of equal slices are as far apart as it allows.
    return [_clock(free[(2 * i + 1) * len(free) // (2 * count)]) for i in range(count)]


def _event(
    *, uid: str, summary: str, start: datetime, length: timedelta, now: datetime,
    alarm: tuple[timedelta, str], url: str | None,
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("dtstart", start)
    event.add("duration", length)
    event.add("summary", summary)
    # A reminder is not an appointment: it must not make the person look busy.
    event.add("transp", "TRANSPARENT")
    if url:
        event.add("url", url)
    bell = Alarm()
    bell.add("action", "DISPLAY")
    bell.add("trigger", alarm[0])
    bell.add("description", alarm[1])
    event.add_component(bell)
    return event


def calendar(
    schedule: Schedule,
    *,
    start: date,
    days: int,
    seed: str,
    uid_domain: str,
    titles: Mapping[str, str],
    url: str | None = None,
    now: datetime,
) -> bytes:
    """The schedule as RFC 5545 bytes: daily check-ins and body scan, random prompts for `days` (A2, A5).

    `titles` holds the caller's words for "calendar", "checkin", "body_scan", "flicker" and
    "alarm"; `now` (aware) becomes every DTSTAMP; `url` is the check-in page, when known.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    zone = ZoneInfo(schedule.zone)
    stamp = now.astimezone(UTC)
    alarm = (-timedelta(minutes=schedule.alarm_minutes_before), titles["alarm"])
    feed = Calendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("x-wr-calname", titles["calendar"])
    feed.add("x-wr-timezone", schedule.zone)
    feed.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    feed.add("x-published-ttl", vDuration(REFRESH))
    daily = [(f"checkin-{n}", titles["checkin"], moment, CHECKIN_LENGTH)
             for n, moment in enumerate(schedule.times, start=1)]
    if schedule.body_scan is not None:
        daily.append(("body-scan-1", titles["body_scan"], schedule.body_scan, BODY_SCAN_LENGTH))
    for kind, summary, moment, length in daily:
        event = _event(uid=f"{kind}@{uid_domain}", summary=summary, length=length, now=stamp, alarm=alarm,
                       start=datetime.combine(start, moment, tzinfo=zone), url=url)
        event.add("rrule", {"freq": "daily"})
        feed.add_component(event)
    for offset in range(days):
        day = start + timedelta(days=offset)
        for n, moment in enumerate(random_times(schedule, day, seed=seed), start=1):
            feed.add_component(_event(
                uid=f"flicker-{day:%Y%m%d}-{n}@{uid_domain}", summary=titles["flicker"],
                start=datetime.combine(day, moment, tzinfo=zone), length=CHECKIN_LENGTH, now=stamp,
                alarm=alarm, url=url,
            ))
    feed.add_missing_timezones(first_date=start - timedelta(days=1),
                               last_date=date(start.year + VTIMEZONE_YEARS, 1, 1))
    return feed.to_ical()
