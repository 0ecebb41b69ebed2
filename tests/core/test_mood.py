"""Mood, ability to feel, intensity, free text and "when" (A1, A2, A6)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thawing.core.errors import InvalidInput
from thawing.core.mood import (
    FEEL_MAX,
    FEEL_MIN,
    INTENSITY_MAX,
    INTENSITY_MIN,
    MOOD_MAX,
    MOOD_MIN,
    clean_text,
    parse_feel,
    parse_intensity,
    parse_moment,
    parse_mood,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
# An ordinary evening in London, in winter time (UTC+0).
NOW = datetime(2026, 3, 14, 21, 0, tzinfo=LONDON)
# The evening after the clocks went forward in London (BST, UTC+1).
NOW_DST = datetime(2026, 3, 29, 21, 0, tzinfo=LONDON)


def _field_of(error: pytest.ExceptionInfo[InvalidInput]) -> set[str]:
    return set(error.value.fields)


# ---------------------------------------------------------------- mood


@pytest.mark.practice("A2")
@pytest.mark.parametrize("value, expected", [(1, 1), (10, 10), ("1", 1), (" 7 ", 7), ("10", 10)])
def test_mood_from_one_to_ten_is_kept(value, expected):
    assert parse_mood(value) == expected


@pytest.mark.practice("A2")
@settings(database=None)
@given(st.integers(min_value=MOOD_MIN, max_value=MOOD_MAX))
def test_every_whole_mood_on_the_scale_is_accepted_as_a_number_or_text(mood):
    assert parse_mood(mood) == mood
    assert parse_mood(str(mood)) == mood


@pytest.mark.practice("A2")
@settings(database=None)
@given(st.integers().filter(lambda n: not MOOD_MIN <= n <= MOOD_MAX))
def test_every_mood_off_the_scale_is_refused(mood):
    with pytest.raises(InvalidInput) as caught:
        parse_mood(str(mood))
    assert _field_of(caught) == {"mood"}


@pytest.mark.practice("A2")
@pytest.mark.parametrize("value", [0, 11, -1, "0", "11", "-1", "abc", "5.5", "", "   ", None])
def test_a_mood_that_is_not_one_to_ten_is_refused_on_the_mood_field(value):
    with pytest.raises(InvalidInput) as caught:
        parse_mood(value)
    assert _field_of(caught) == {"mood"}
    # The message offers the way out, so "can't tell" is never hidden behind an error.
    assert "can\u2019t tell" in caught.value.fields["mood"]


@pytest.mark.practice("A2")
@pytest.mark.parametrize(
    "value", ["cant-tell", "can't tell", "cant tell", "?", "Can't Tell", " CANT-TELL ", " ? "]
)
def test_cant_tell_is_a_mood_not_an_error(value):
    assert parse_mood(value) is None


@pytest.mark.practice("A2")
def test_cant_tell_with_a_typographic_apostrophe_is_still_cant_tell():
    assert parse_mood("can\u2019t tell") is None


# ---------------------------------------------------------------- feel and intensity


@pytest.mark.practice("A2")
@settings(database=None)
@given(st.integers(min_value=FEEL_MIN, max_value=FEEL_MAX))
def test_how_much_you_can_feel_runs_from_nothing_to_ten(feel):
    assert parse_feel(feel) == feel
    assert parse_feel(f" {feel} ") == feel


@pytest.mark.practice("A2")
@pytest.mark.parametrize("value", [None, "", "   "])
def test_a_blank_feel_means_not_answered(value):
    assert parse_feel(value) is None


@pytest.mark.parametrize("value", [-1, 11, "11", "-1", "a little", "2.5"])
def test_a_feel_off_the_scale_is_refused_on_the_feel_field(value):
    with pytest.raises(InvalidInput) as caught:
        parse_feel(value)
    assert _field_of(caught) == {"feel"}


@pytest.mark.parametrize("value", list(range(INTENSITY_MIN, INTENSITY_MAX + 1)))
def test_an_intensity_from_barely_to_very_strongly_is_kept(value):
    assert parse_intensity(value) == value
    assert parse_intensity(str(value)) == value


@pytest.mark.parametrize("value", [None, "", "  "])
def test_a_blank_intensity_means_not_given(value):
    assert parse_intensity(value) is None


@pytest.mark.parametrize("value", [0, 6, "0", "6", "-1", "lots", "2.5"])
def test_an_intensity_off_the_scale_is_refused_on_the_emotions_field(value):
    with pytest.raises(InvalidInput) as caught:
        parse_intensity(value)
    assert _field_of(caught) == {"emotions"}


# ---------------------------------------------------------------- free text


@pytest.mark.practice("A6")
def test_clean_text_trims_space_and_unifies_line_endings():
    assert clean_text("note", "  first\r\nsecond  \n", limit=50, label="A note") == (
        "first\nsecond"
    )


@pytest.mark.parametrize("value", [None, "", "   \n "])
def test_clean_text_of_nothing_is_an_empty_string(value):
    assert clean_text("note", value, limit=10, label="A note") == ""


def test_text_exactly_at_the_limit_fits_and_surrounding_space_does_not_count():
    text = "x" * 500
    assert clean_text("flicker", f"  {text}\n", limit=500, label="A flicker") == text


def test_text_over_the_limit_is_refused_with_a_message_that_nothing_was_lost():
    with pytest.raises(InvalidInput) as caught:
        clean_text("note", "y" * 5_001, limit=5_000, label="A note")
    assert _field_of(caught) == {"note"}
    message = caught.value.fields["note"]
    assert "Nothing was lost" in message
    assert "A note" in message and "5,000" in message and "5,001" in message


# ---------------------------------------------------------------- when


@pytest.mark.parametrize("value", [None, "", "   "])
def test_an_empty_moment_means_now(value):
    assert parse_moment(value, now=NOW, tz=LONDON) == NOW


def test_an_iso_date_means_midday_of_that_day_in_the_local_zone():
    moment = parse_moment("2026-03-10", now=NOW, tz=NEW_YORK)
    assert moment == datetime(2026, 3, 10, 12, 0, tzinfo=NEW_YORK)
    assert moment.astimezone(UTC) == datetime(2026, 3, 10, 16, 0, tzinfo=UTC)


def test_an_iso_date_on_the_day_the_clocks_change_is_midday_summer_time():
    # Asked the day after, so the bare date means midday rather than "now".
    moment = parse_moment("2026-03-29", now=NOW_DST + timedelta(days=1), tz=LONDON)
    assert moment.astimezone(UTC) == datetime(2026, 3, 29, 11, 0, tzinfo=UTC)


@pytest.mark.practice("A1")
def test_todays_date_is_accepted_in_the_morning():
    morning = datetime(2026, 3, 14, 8, 0, tzinfo=LONDON)
    moment = parse_moment("2026-03-14", now=morning, tz=LONDON)
    assert moment.date() == morning.date()


def test_a_naive_date_time_is_read_in_the_time_zone_given():
    moment = parse_moment("2026-03-14T10:30", now=NOW, tz=NEW_YORK)
    assert moment == datetime(2026, 3, 14, 10, 30, tzinfo=NEW_YORK)
    assert moment.utcoffset() == timedelta(hours=-4)


def test_a_naive_date_time_after_the_clocks_change_uses_summer_time():
    before = parse_moment("2026-03-28T20:30", now=NOW_DST, tz=LONDON)
    after = parse_moment("2026-03-29T20:30", now=NOW_DST, tz=LONDON)
    assert before.astimezone(UTC).hour == 20
    assert after.astimezone(UTC).hour == 19


def test_a_space_between_date_and_time_is_understood():
    assert parse_moment("2026-03-14 20:30", now=NOW, tz=LONDON) == datetime(
        2026, 3, 14, 20, 30, tzinfo=LONDON)


def test_an_aware_date_time_keeps_its_own_offset():
    moment = parse_moment("2026-03-14T10:00+05:30", now=NOW, tz=LONDON)
    assert moment.utcoffset() == timedelta(hours=5, minutes=30)
    assert moment.astimezone(UTC) == datetime(2026, 3, 14, 4, 30, tzinfo=UTC)


def test_a_moment_a_few_minutes_ahead_is_allowed_for_clock_drift():
    ahead = (NOW + timedelta(minutes=4)).isoformat()
    assert parse_moment(ahead, now=NOW, tz=LONDON) == NOW + timedelta(minutes=4)


@pytest.mark.parametrize("ahead", [timedelta(minutes=6), timedelta(hours=2), timedelta(days=1)])
def test_a_moment_more_than_five_minutes_in_the_future_is_refused(ahead):
    with pytest.raises(InvalidInput) as caught:
        parse_moment((NOW + ahead).isoformat(), now=NOW, tz=LONDON)
    assert _field_of(caught) == {"at"}


def test_tomorrows_date_is_refused():
    with pytest.raises(InvalidInput) as caught:
        parse_moment("2026-03-15", now=NOW, tz=LONDON)
    assert _field_of(caught) == {"at"}


def test_the_future_is_judged_in_absolute_time_not_by_the_clock_face():
    # 21:30 in New York is already past 01:30 UTC of the next day, well after NOW.
    with pytest.raises(InvalidInput):
        parse_moment("2026-03-14T21:30", now=NOW, tz=NEW_YORK)
    # 20:30 in London is half an hour before NOW.
    assert parse_moment("2026-03-14T20:30", now=NOW, tz=LONDON) < NOW


@pytest.mark.parametrize("value", ["1899-12-31", "1899-12-31T23:00", "0999-01-01"])
def test_a_year_before_1900_is_refused_as_a_likely_typo(value):
    with pytest.raises(InvalidInput) as caught:
        parse_moment(value, now=NOW, tz=LONDON)
    assert _field_of(caught) == {"at"}
    assert "year" in caught.value.fields["at"]


def test_the_first_day_of_1900_is_still_accepted():
    assert parse_moment("1900-01-01", now=NOW, tz=LONDON).year == 1900


@pytest.mark.parametrize(
    "value", ["yesterday", "14/03/2026", "2026-13-01", "2026-02-30", "2026-03-14T25:00", "soon"]
)
def test_an_unclear_moment_is_refused_on_the_at_field(value):
    with pytest.raises(InvalidInput) as caught:
        parse_moment(value, now=NOW, tz=LONDON)
    assert _field_of(caught) == {"at"}
    assert "2026-03-14" in caught.value.fields["at"]
