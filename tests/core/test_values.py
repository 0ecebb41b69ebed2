from __future__ import annotations

import pytest

from thawing.core.errors import InvalidInput
from thawing.core.values import minutes_as_seconds, one_of, parse_decimal, parse_whole, required_text


@pytest.mark.parametrize("value, expected", [("", None), (None, None), (" 7 ", 7), (0, 0), (10, 10)])
def test_whole_numbers_in_range_or_empty(value, expected):
    assert parse_whole(value, field="x", low=0, high=10, label="X") == expected


@pytest.mark.parametrize("value", ["11", "-1", "7.5", "seven", True])
def test_whole_numbers_out_of_range_name_the_field(value):
    with pytest.raises(InvalidInput) as caught:
        parse_whole(value, field="x", low=0, high=10, label="X")
    assert caught.value.fields["x"] == "X is a whole number from 0 to 10."


@pytest.mark.parametrize("value, expected", [("7,5", 7.5), ("8", 8.0), ("", None), (6.333, 6.33)])
def test_decimals_accept_a_comma(value, expected):
    assert parse_decimal(value, field="h", low=0, high=24, label="Hours") == expected


@pytest.mark.parametrize("value", ["25", "nan", "inf", "-0.5", "lots"])
def test_decimals_out_of_range_or_not_numbers_are_refused(value):
    with pytest.raises(InvalidInput):
        parse_decimal(value, field="h", low=0, high=24, label="Hours")


def test_required_text_refuses_blank_and_keeps_the_rest():
    assert required_text("  walk \x00 ", field="t", limit=10, label="Item") == "walk"
    with pytest.raises(InvalidInput) as caught:
        required_text("   ", field="t", limit=10, label="Item")
    assert caught.value.fields == {"t": "Item can\u2019t be empty."}


def test_one_of_lists_the_choices():
    assert one_of(" Call ", field="how", choices=("call", "message"), label="How") == "call"
    with pytest.raises(InvalidInput) as caught:
        one_of("fax", field="how", choices=("call", "message"), label="How")
    assert "call, message" in caught.value.fields["how"]


@pytest.mark.parametrize(("typed", "seconds"), [("", None), ("  ", None), ("2", 120), ("1,5", 90),
                                                ("0.25", 15), ("360", 21600)])
def test_minutes_typed_become_whole_seconds(typed, seconds):
    assert minutes_as_seconds(typed, field="minutes_spent", most_seconds=6 * 60 * 60,
                              label="Minutes") == seconds


@pytest.mark.parametrize("typed", ["-1", "361", "soon", "nan"])
def test_minutes_out_of_range_name_their_field(typed):
    with pytest.raises(InvalidInput) as refused:
        minutes_as_seconds(typed, field="minutes_spent", most_seconds=6 * 60 * 60, label="Minutes")
    assert list(refused.value.fields) == ["minutes_spent"]
