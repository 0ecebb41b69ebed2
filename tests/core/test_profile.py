"""The profile: optional name, time zone, country (for helplines) and check-in time."""

from __future__ import annotations

from datetime import time

import pytest

from thawing.core.errors import InvalidInput
from thawing.core.profile import NAME_MAX, build_profile

ZONES = {"UTC", "Europe/London", "America/Chicago"}
COUNTRIES = {"GB", "US", "DE"}


def profile(**values):
    values = {"name": "Sam", "timezone": "Europe/London", "country": "GB",
              "checkin_time": "20:30", **values}
    return build_profile(zones=ZONES, countries=COUNTRIES, **values)


def refused(**values) -> dict[str, str]:
    with pytest.raises(InvalidInput) as caught:
        profile(**values)
    return caught.value.fields


def test_a_valid_profile_keeps_every_value():
    data = profile(name="  Sam ")
    assert (data.name, data.timezone, data.country, data.checkin_time) == (
        "Sam", "Europe/London", "GB", time(20, 30))


@pytest.mark.parametrize("country", ["gb", " Gb ", "gB"])
def test_the_country_code_is_upper_cased(country):
    assert profile(country=country).country == "GB"


@pytest.mark.practice("G5")
@pytest.mark.parametrize("country", [None, "", "   "])
def test_a_blank_country_is_allowed_and_kept_empty(country):
    assert profile(country=country).country == ""


@pytest.mark.parametrize("country", ["FR", "GBR", "zz"])
def test_an_unknown_country_is_refused_upper_cased_in_the_message(country):
    fields = refused(country=country)
    assert set(fields) == {"country"}
    assert country.upper() in fields["country"]


@pytest.mark.parametrize("zone", ["Mars/Olympus", "europe/london", "GMT+1"])
def test_an_unknown_time_zone_is_refused(zone):
    fields = refused(timezone=zone)
    assert set(fields) == {"timezone"}
    assert zone in fields["timezone"]


@pytest.mark.parametrize("zone", [None, ""])
def test_no_time_zone_means_utc(zone):
    assert profile(timezone=zone).timezone == "UTC"


def test_a_blank_time_zone_of_spaces_also_means_utc():
    assert profile(timezone="   ").timezone == "UTC"


def test_a_time_zone_with_surrounding_space_is_trimmed():
    assert profile(timezone=" America/Chicago ").timezone == "America/Chicago"


@pytest.mark.practice("A2")
@pytest.mark.parametrize(
    "value, expected",
    [("20:30", time(20, 30)), (" 07:05 ", time(7, 5)), (time(9, 0), time(9, 0)),
     (None, None), ("", None), ("  ", None)],
)
def test_the_daily_checkin_time_is_optional(value, expected):
    assert profile(checkin_time=value).checkin_time == expected


@pytest.mark.parametrize("value", ["25:00", "8pm", "half past eight", "20:61"])
def test_an_unclear_checkin_time_is_refused(value):
    assert set(refused(checkin_time=value)) == {"checkin_time"}


def test_a_name_is_optional_and_limited_in_length():
    assert profile(name=None).name == ""
    assert profile(name="n" * NAME_MAX).name == "n" * NAME_MAX
    assert set(refused(name="n" * (NAME_MAX + 1))) == {"name"}


def test_every_problem_with_a_profile_is_reported_at_once():
    fields = refused(name="n" * (NAME_MAX + 1), timezone="Nowhere/Town", country="XX",
                     checkin_time="later")
    assert set(fields) == {"name", "timezone", "country", "checkin_time"}
