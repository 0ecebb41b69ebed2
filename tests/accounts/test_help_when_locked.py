"""Get help now while Thawing is locked or signed out (G5): the person's own country's lines.

The country code is kept outside the encrypted database (a 0600 file in local mode, a cookie
in server mode), else read from the browser's language; another country is one step away.
"""

from __future__ import annotations

import re
import stat

import pytest

from thawing.accounts import help_country, services

pytestmark = [pytest.mark.django_db, pytest.mark.practice("G5")]
PASSPHRASE = "quiet river morning light"


def set_up_locked(client, country: str = "GB") -> None:
    client.post("/setup/", {"timezone": "Europe/London", "country": country,
                            "passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE})
    client.post("/signout/")
    assert client.get("/").url.startswith("/signin/"), "Thawing should be locked now"


def hrefs(page) -> list[str]:
    return re.findall(r'href="([^"]+)"', page.content.decode())


@pytest.mark.practice("G5")
def test_the_locked_help_page_shows_the_countrys_lines_as_tel_links(client, data_dir):
    set_up_locked(client, "GB")
    page = client.get("/help/")
    links = hrefs(page)
    assert page.status_code == 200 and "United Kingdom" in page.content.decode()
    assert {"tel:999", "tel:112", "tel:116123", "mailto:jo@samaritans.org",
            "sms:85258?body=SHOUT", "https://findahelpline.com"} <= set(links)
    assert "Choose your country" in page.content.decode()


def test_the_country_is_kept_in_a_private_file_holding_only_the_code(client, data_dir):
    set_up_locked(client, "NZ")
    kept = data_dir / "help-country"
    assert kept.read_text() == "NZ\n"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert "tel:1737" in hrefs(client.get("/help/"))


def test_changing_the_country_in_settings_changes_the_locked_help_page(client, data_dir):
    set_up_locked(client, "GB")
    client.post("/signin/", {"passphrase": PASSPHRASE})
    client.post("/settings/", {"name": "", "timezone": "America/New_York", "country": "US",
                               "checkin_time": ""})
    assert (data_dir / "help-country").read_text() == "US\n"
    client.post("/signout/")
    links = hrefs(client.get("/help/"))
    assert {"tel:911", "tel:988", "sms:988", "sms:741741?body=HOME", "tel:18006624357"} <= set(links)
    assert "tel:116123" not in links


def test_no_country_at_set_up_keeps_no_file_and_the_browsers_language_decides(client, data_dir):
    set_up_locked(client, "")
    assert not (data_dir / "help-country").exists()
    australia = client.get("/help/", HTTP_ACCEPT_LANGUAGE="en-AU,en;q=0.9")
    assert "tel:131114" in hrefs(australia) and "sms:0477131114" in hrefs(australia)
    anywhere = client.get("/help/", HTTP_ACCEPT_LANGUAGE="en")
    assert "Wherever you are" in anywhere.content.decode()
    assert "https://findahelpline.com" in hrefs(anywhere)


def test_the_kept_country_comes_before_the_browsers_language(client):
    set_up_locked(client, "IE")
    links = hrefs(client.get("/help/", HTTP_ACCEPT_LANGUAGE="de-DE"))
    assert "tel:116123" in links and "tel:08001110111" not in links


def test_another_country_is_one_step_away_and_anywhere_else_gives_the_directory(client):
    set_up_locked(client, "GB")
    page = client.get("/help/")
    assert '<select id="country" name="country">' in page.content.decode()
    assert "tel:1737" in hrefs(client.get("/help/?country=NZ"))
    anywhere = client.get("/help/?country=any")
    assert "Wherever you are" in anywhere.content.decode() and "tel:116123" not in hrefs(anywhere)


def test_no_link_mixes_a_number_and_an_address(client):
    set_up_locked(client, "GB")
    for code in ("GB", "IE", "US", "IT", "SG", "ZA", "any"):
        for href in hrefs(client.get(f"/help/?country={code}")):
            if href.startswith(("tel:", "sms:")):
                assert re.fullmatch(r"(tel|sms):\+?\d+(\?body=[A-Z]+)?", href), href
            if href.startswith("mailto:"):
                assert not re.search(r"\d{3}", href), href


def test_an_older_profile_gets_its_file_at_the_next_unlock(client, data_dir):
    set_up_locked(client, "AU")
    (data_dir / "help-country").unlink()
    services.unlock_local(passphrase=PASSPHRASE)
    assert (data_dir / "help-country").read_text() == "AU\n"


def test_delete_everything_removes_the_file(client, data_dir):
    set_up_locked(client, "GB")
    client.post("/signin/", {"passphrase": PASSPHRASE})
    client.post("/settings/delete-everything/", {"confirm": "delete"})
    assert not (data_dir / "help-country").exists()


def test_a_damaged_file_is_ignored(client, data_dir):
    set_up_locked(client, "GB")
    (data_dir / "help-country").write_text("<script>")
    assert help_country.recall() == ""
    assert "Wherever you are" in client.get("/help/").content.decode()


def test_server_mode_remembers_the_country_in_this_browser_after_signing_out(
        client, server_mode, db):
    services.create_account(username="robin", password="a long enough passphrase", country="IE")
    client.post("/signin/", {"username": "robin", "password": "a long enough passphrase"})
    assert client.cookies[help_country.COOKIE].value == "IE"
    client.post("/signout/")
    links = hrefs(client.get("/help/", HTTP_ACCEPT_LANGUAGE="en-US"))
    assert "tel:116123" in links and "tel:988" not in links


def test_server_mode_without_a_cookie_reads_the_browsers_language(client, server_mode, db):
    assert "tel:988" in hrefs(client.get("/help/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.8"))
    chosen = client.get("/help/?country=CA")
    assert chosen.cookies[help_country.COOKIE].value == "CA"
    assert "tel:988" in hrefs(client.get("/help/")) and "Canada" in client.get("/help/").content.decode()
