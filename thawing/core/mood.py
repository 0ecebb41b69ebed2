"""Ratings and free-text limits shared by check-ins (A1, A2, A6).

"Can't tell" is a value, not an error: a mood of `None` means the person could not say.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from thawing.core.errors import InvalidInput
from thawing.core.i18n import msg

MOOD_MIN, MOOD_MAX = 1, 10
FEEL_MIN, FEEL_MAX = 0, 10
INTENSITY_MIN, INTENSITY_MAX = 1, 5
CANT_TELL = "cant-tell"
CANT_TELL_WORDS = frozenset({"cant-tell", "can't tell", "cant tell", "?", "nothing", "unsure"})

NOTE_MAX = 5_000
FLICKER_MAX = 500
# Backfilling further than this is almost always a typo in the year.
OLDEST_YEAR = 1900
# Days are stepped from (a week, a baseline, a report's ten years): far enough from the calendar's
# end, 9999-12-31, that no step overflows, and further ahead than any plan.
LATEST_YEAR = 2999
# A little slack so that clocks a minute apart do not turn "now" into "the future".
FUTURE_SLACK = timedelta(minutes=5)


def _whole_number(value: str | int | None) -> int | None:
    if value is None or isinstance(value, int):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        return None


def parse_mood(value: str | int | None) -> int | None:
    """Mood 1-10 from a form, flag or API value; `None` means "can't tell" (A2)."""
    if isinstance(value, str) and value.strip().lower().replace("\u2019", "'") in CANT_TELL_WORDS:
        return None
    number = _whole_number(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidInput({"mood": msg("Pick a mood from 1 to 10, or \u201ccan\u2019t tell\u201d.")})
    if number is None or not MOOD_MIN <= number <= MOOD_MAX:
        raise InvalidInput(
            {"mood": msg("Mood is a whole number from 1 to 10, or \u201ccan\u2019t tell\u201d.")}
        )
    return number


def parse_feel(value: str | int | None) -> int | None:
    """"How much can you feel right now", 0 (nothing) to 10; `None` means not answered."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = _whole_number(value)
    if number is None or not FEEL_MIN <= number <= FEEL_MAX:
        raise InvalidInput(
            {"feel": msg("\u201cHow much can you feel\u201d is a whole number from 0 to 10.")}
        )
    return number


def parse_intensity(value: str | int | None) -> int | None:
    """Intensity of one emotion word, 1 (barely) to 5 (very strongly); `None` if not given."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = _whole_number(value)
    if number is None or not INTENSITY_MIN <= number <= INTENSITY_MAX:
        raise InvalidInput({"emotions": msg("Intensity is a whole number from 1 to 5.")})
    return number


def clean_text(field: str, value: str | None, *, limit: int, label: str) -> str:
    """Trim surrounding space and refuse text longer than `limit` characters."""
    # NUL characters carry no meaning in text and PostgreSQL refuses them: drop them.
    text = (value or "").replace("\x00", "").replace("\r\n", "\n").strip()
    if len(text) > limit:
        raise InvalidInput(
            {field: msg(
                "%(label)s can hold up to %(limit)s characters; this one has %(length)s. "
                "Nothing was lost: shorten it and save again.",
                label=label, limit=f"{limit:,}", length=f"{len(text):,}",
            )}
        )
    return text


def parse_day(value: str | None, *, field: str) -> date | None:
    """A calendar day written as YYYY-MM-DD, from OLDEST_YEAR to LATEST_YEAR; `None` when empty."""
    if value is None or not value.strip():
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput({field: msg(
            "That date wasn\u2019t clear to me. Try a form like 2026-03-14.")}) from None
    return checked_day(day, field=field)


def checked_day(day: date, *, field: str) -> date:
    """`day` itself when its year is from OLDEST_YEAR to LATEST_YEAR, else a kind InvalidInput."""
    if day.year < OLDEST_YEAR:
        raise InvalidInput({field: msg("That date is very long ago. Please check the year.")})
    if day.year > LATEST_YEAR:
        raise InvalidInput({field: msg("That date is very far ahead. Please check the year.")})
    return day


# How a form shows a moment for editing (an HTML datetime-local value).
LOCAL_INPUT_FORMAT = "%Y-%m-%dT%H:%M"


def as_local_input(moment: datetime, tz: tzinfo) -> str:
    """A stored moment as the form shows it, in the person's zone."""
    return moment.astimezone(tz).strftime(LOCAL_INPUT_FORMAT)


def keep_or_parse(
    value: str | datetime | None, *, original: datetime, now: datetime, tz: tzinfo
) -> datetime:
    """For an edit: the stored moment when the form sends it back unchanged, else the new one.

    Sending it back unchanged must not move it: in the hour that repeats when clocks go
    back, the same wall-clock time names two moments, and only the stored one is right.
    """
    if value is None or (isinstance(value, str) and (
            not value.strip() or value.strip() == as_local_input(original, tz))):
        return original
    return parse_moment(value, now=now, tz=tz)


def _moment_of_day(day: date, *, now: datetime, tz: tzinfo) -> datetime:
    """A bare date: now if it is today, else midday, which stays inside the day anywhere."""
    if day == now.astimezone(tz).date():
        return now
    return datetime.combine(day, time(12, 0), tzinfo=tz)


def parse_moment(value: str | datetime | None, *, now: datetime, tz: tzinfo) -> datetime:
    """When something happened: empty for now, else an ISO date or date-time (local if naive)."""
    if isinstance(value, datetime):
        return _checked_moment(value, now=now, tz=tz)
    if value is None or not value.strip():
        return now
    text = value.strip()
    try:
        if len(text) == len("2026-03-14"):
            moment = _moment_of_day(date.fromisoformat(text), now=now, tz=tz)
        else:
            moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            {"at": msg("That date wasn\u2019t clear to me. Try a form like 2026-03-14 or "
                       "2026-03-14 20:30.")}
        ) from None
    return _checked_moment(moment, now=now, tz=tz)


def _checked_moment(moment: datetime, *, now: datetime, tz: tzinfo) -> datetime:
    """A moment read in the person's zone when it has none, and neither absurd nor ahead."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    if moment.year < OLDEST_YEAR:
        raise InvalidInput({"at": msg("That date is very long ago. Please check the year.")})
    if moment > now + FUTURE_SLACK:
        raise InvalidInput(
            {"at": msg("That time hasn\u2019t happened yet. Check-ins can be now or in the past.")}
        )
    return moment
