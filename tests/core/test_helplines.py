"""Crisis lines and emergency numbers (G5): every entry is checkable and help is never empty."""

from __future__ import annotations

import re
from datetime import date, timedelta
from importlib import resources

import pytest

from thawing import content

BOOK = content.helplines()
RAW = content.read("helplines.toml")
COUNTRY_CODES = {c.code for c in content.countries()}
EVERY_LINE = [(c.country or "fallback", h) for c in (*BOOK.countries, BOOK.fallback)
              for h in c.helplines]
COUNTRY_LINES = [(c.country, h) for c in BOOK.countries for h in c.helplines]
# A check older than this is stale: numbers change, so the entry must be looked at again.
MAX_AGE = timedelta(days=2 * 365)
pytestmark = pytest.mark.practice("G5")


def _checked_recently(value: str) -> bool:
    checked = date.fromisoformat(value)
    return date.today() - MAX_AGE <= checked <= date.today()


def _line_id(entry) -> str:
    return f"{entry[0]}-{entry[1].name}"


@pytest.mark.parametrize("entry", BOOK.countries, ids=lambda c: c.country)
def test_every_country_has_a_real_two_letter_code_a_name_and_an_emergency_number(entry):
    assert re.fullmatch(r"[A-Z]{2}", entry.country)
    assert entry.country in COUNTRY_CODES
    assert entry.name.strip()
    assert re.fullmatch(r"\d+(?: \d+)*(?: or \d+(?: \d+)*)*", entry.emergency), entry.emergency
    assert entry.helplines


def test_at_least_twenty_countries_are_listed():
    assert len(BOOK.countries) >= 20


@pytest.mark.parametrize("entry", RAW["countries"], ids=lambda c: c["country"])
def test_every_emergency_number_names_its_source_and_a_recent_check(entry):
    assert entry["emergency_source"].startswith("https://")
    assert _checked_recently(entry["emergency_last_checked"])


def test_each_country_is_listed_once():
    codes = [c.country for c in BOOK.countries]
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize("entry", EVERY_LINE, ids=_line_id)
def test_every_helpline_says_how_to_reach_it_and_where_it_was_checked(entry):
    _, line = entry
    assert line.name.strip() and line.contact.strip()
    assert line.source.startswith("https://")
    assert not line.url or line.url.startswith("https://")


@pytest.mark.parametrize("entry", COUNTRY_LINES, ids=_line_id)
def test_every_country_line_has_a_number_to_call_or_text(entry):
    _, line = entry
    assert line.phone or line.text
    assert line.hours == line.hours.strip()


@pytest.mark.parametrize("entry", EVERY_LINE, ids=_line_id)
def test_every_helpline_was_checked_within_two_years_and_not_in_the_future(entry):
    _, line = entry
    assert _checked_recently(line.last_checked), line.last_checked


def test_a_stale_or_future_check_is_refused():
    today = date.today()
    assert _checked_recently(today.isoformat())
    assert not _checked_recently((today + timedelta(days=1)).isoformat())
    assert not _checked_recently((today - MAX_AGE - timedelta(days=1)).isoformat())


@pytest.mark.parametrize("entry", EVERY_LINE, ids=_line_id)
def test_phone_and_text_numbers_are_only_digits_spaces_plus_and_hyphens(entry):
    _, line = entry
    for number in (line.phone, line.text):
        assert number == "" or re.fullmatch(r"\+?[\d -]*\d", number), number


def test_every_helpline_can_be_reached_somehow():
    assert all(line.phone or line.text or line.url for _, line in EVERY_LINE)


def test_the_us_lists_the_988_lifeline_and_the_samhsa_national_helpline():
    us = BOOK.for_country("US")
    phones = {line.phone for line in us.helplines}
    assert "988" in phones
    samhsa = [line for line in us.helplines if "SAMHSA" in line.name]
    assert [line.phone for line in samhsa] == ["1-800-662-4357"]


def test_the_file_states_its_licence_and_that_the_wording_is_ours():
    assert RAW["meta"]["licence"].startswith("CC BY 4.0")
    text = resources.files("thawing.content").joinpath("helplines.toml").read_text("utf-8")
    header = text.split("[meta]")[0].lower()
    assert "licence" in header and "our own words" in header and "source" in header


def test_the_fallback_points_to_the_local_emergency_number_and_a_directory():
    fallback = BOOK.fallback
    assert "your local emergency number" in fallback.emergency
    assert fallback.helplines
    assert any(line.url.startswith("https://") and "directory" in line.description.lower()
               for line in fallback.helplines)


@pytest.mark.parametrize("code", ["GB", "gb", " Gb ", "gB"])
def test_a_country_code_is_read_in_any_case(code):
    assert BOOK.for_country(code).name == "United Kingdom"


@pytest.mark.parametrize("code", ["ZZ", "", "   ", None, "GBR", "U"])
def test_an_unknown_or_empty_code_gives_the_fallback_never_nothing(code):
    assert BOOK.for_country(code) is BOOK.fallback


def test_every_listed_country_is_found_by_its_code():
    for entry in BOOK.countries:
        assert BOOK.for_country(entry.country.lower()) is entry
