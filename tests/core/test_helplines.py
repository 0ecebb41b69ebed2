"""Crisis lines and emergency numbers (G5): every entry is checkable and help is never empty."""

from __future__ import annotations

import re
from datetime import date, timedelta
from importlib import resources
from urllib.parse import urlsplit

import pytest

from thawing import content
from thawing.core.helplines import Helpline, country_from_languages, crisis_lines, dialable

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
    assert line.phone or line.text or line.whatsapp
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
    for number in (line.phone, line.text, line.whatsapp):
        assert number == "" or re.fullmatch(r"\+?[\d -]*\d", number), number


def test_every_helpline_can_be_reached_somehow():
    assert all(line.phone or line.text or line.whatsapp or line.url for _, line in EVERY_LINE)


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


# --- Two independent sources for every number (clinical-2.md section 4) ---------------------

def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _numbers(line) -> set[str]:
    """Every number a line shows: its fields, and any number written in its contact text."""
    found = {dialable(n).lstrip("+") for n in (line.phone, line.text, line.whatsapp) if n}
    found |= {re.sub(r"\D", "", n) for n in re.findall(r"\d[\d -]*\d|\d", line.contact)}
    return found


WITHHELD = {re.sub(r"\D", "", w.number): w for w in BOOK.withheld}


@pytest.mark.practice("G5")
@pytest.mark.parametrize("entry", EVERY_LINE, ids=_line_id)
def test_every_line_names_a_second_independent_source_checked_recently(entry):
    _, line = entry
    assert line.second_source, f"{line.name} has only one source: it is not shipped until a second agrees"
    for url in line.second_source:
        assert url.startswith("https://")
        assert _host(url) != _host(line.source), "the second source must be another site"
    assert _checked_recently(line.second_checked), line.second_checked


@pytest.mark.practice("G5")
@pytest.mark.parametrize("entry", EVERY_LINE, ids=_line_id)
def test_no_withheld_number_is_shown_anywhere(entry):
    country, line = entry
    shown = _numbers(line) & set(WITHHELD)
    assert not shown, [WITHHELD[n].reason for n in shown]


@pytest.mark.parametrize("number, country", [
    ("199 284 284", "IT"), ("010 195 202", "FI"), ("1393", "KR"), ("182", "TR"),
    ("1-800-273-8255", "US")])
def test_numbers_known_to_be_out_of_date_or_wrong_are_withheld_with_a_reason(number, country):
    withheld = WITHHELD[re.sub(r"\D", "", number)]
    assert withheld.country == country and withheld.reason.strip()


def test_korea_shows_109_and_turkey_gets_the_fallback_not_182():
    assert [line.phone for line in BOOK.for_country("KR").helplines] == ["109"]
    assert BOOK.for_country("TR") is BOOK.fallback


def test_a_line_with_a_single_source_is_refused_by_the_rule():
    single = Helpline(name="X", contact="Call 1", phone="1", text="", hours="", url="",
                      description="", source="https://a.example/", last_checked="2026-01-01")
    assert not single.second_source
    same_site = Helpline(**{**single.__dict__, "second_source": ("https://www.a.example/x",)})
    assert _host(same_site.second_source[0]) == _host(same_site.source)


# --- Links: each way to reach a line is its own link ----------------------------------------

def test_numbers_become_tel_links_and_text_lines_sms_links_with_their_keyword():
    us = {line.name: line for line in BOOK.for_country("US").helplines}
    assert [(k.kind, k.href) for k in us["988 Suicide & Crisis Lifeline"].reach][:2] == [
        ("call", "tel:988"), ("text", "sms:988")]
    text = [k for k in us["Crisis Text Line"].reach if k.kind == "text"]
    assert [(k.href, k.body) for k in text] == [("sms:741741?body=HOME", "HOME")]
    assert [k.href for k in us["SAMHSA National Helpline"].reach] == ["tel:18006624357"]


def test_an_email_address_is_a_mailto_link_of_its_own_never_mixed_with_a_number():
    samaritans = BOOK.for_country("GB").helplines[0]
    assert [(k.kind, k.href) for k in samaritans.reach] == [
        ("call", "tel:116123"), ("email", "mailto:jo@samaritans.org")]


def test_whatsapp_only_numbers_open_whatsapp_never_an_sms_that_goes_nowhere():
    lines = [line for c in BOOK.countries for line in c.helplines if line.whatsapp]
    assert {line.whatsapp for line in lines} == {"+39 324 011 7252", "+65 9151 1767"}
    for line in lines:
        assert not line.text
        assert [k.href for k in line.reach if k.kind == "whatsapp"] == [
            "https://wa.me/" + dialable(line.whatsapp).lstrip("+")]


def test_the_international_directory_is_a_real_https_link():
    (link,) = [k for k in BOOK.fallback.helplines[0].reach if k.kind == "web"]
    assert link.href == "https://findahelpline.com" and link.value == "findahelpline.com"


@pytest.mark.parametrize("entry", EVERY_LINE, ids=_line_id)
def test_every_link_has_one_scheme_and_one_target(entry):
    _, line = entry
    schemes = {"call": r"tel:\+?\d+", "text": r"sms:\+?\d+(\?body=[A-Z]+)?",
               "whatsapp": r"https://wa\.me/\d+", "email": r"mailto:[^@\s]+@[^@\s]+",
               "web": r"https://\S+"}
    assert line.reach
    for link in line.reach:
        assert re.fullmatch(schemes[link.kind], link.href), link.href


@pytest.mark.parametrize("code, hrefs", [("GB", ["tel:999", "tel:112"]), ("US", ["tel:911"]),
                                         ("ZA", ["tel:112", "tel:10177"])])
def test_emergency_numbers_are_call_links(code, hrefs):
    assert [k.href for k in BOOK.for_country(code).emergency_reach] == hrefs


def test_the_fallback_emergency_sentence_has_no_link():
    assert BOOK.fallback.emergency_reach == ()


def test_the_terminal_shows_the_directory_address():
    assert "    https://findahelpline.com" in crisis_lines(BOOK.for_country("GB"),
                                                         fallback=BOOK.fallback)


# --- The browser's language, when Thawing is locked and no country was kept -----------------

@pytest.mark.parametrize("header, country", [
    ("en-GB,en;q=0.9", "GB"), ("en-gb", "GB"), ("fr-CA, fr;q=0.9, en-US;q=0.5", "CA"),
    ("en;q=0.9, de-AT;q=0.8", "AT"), ("de-AT;q=0.5, en-IE;q=0.8", "IE"),
    ("zh-Hant-HK", "HK"), ("en", ""), ("es-419", ""), ("*", ""), ("", ""), (None, ""),
    ("en-GB;q=0", ""), ("en-GB;q=oops, pt-BR", "BR"), ("garbage;;,,", "")])
def test_the_country_is_read_from_the_browsers_language_region(header, country):
    assert country_from_languages(header) == country
