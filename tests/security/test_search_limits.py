"""Journal search takes a bounded query and does bounded work per word (issue 13, finding 3).

With field keys on, every search used to compile a regular expression of about 2,000
combining-mark ranges per word, and `q` had no length limit: one search of 20,000 words held
a server thread for 98 s. Now a query is at most 200 characters and 10 words on every face,
and matching compares folded words by prefix, compiling nothing per word.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.test_cli import run
from thawing.core.errors import InvalidInput
from thawing.journal import search, services

pytestmark = pytest.mark.django_db

ELEVEN_WORDS = "walk river light morning tired garden sea rain quiet tea letter"
LONG = "river " * 40  # 240 characters, but only one distinct word


def test_a_query_of_ten_words_and_two_hundred_characters_is_searched(local_user):
    services.write_entry(user=local_user, body="walk river light morning tired garden sea rain quiet tea")
    query = "walk river light morning tired garden sea rain quiet tea"
    assert len(services.search_entries(user=local_user, query=query)) == 1
    assert len(services.search_entries(user=local_user, query=("walk " + " " * 194)[:200])) == 1


@pytest.mark.parametrize("query", [ELEVEN_WORDS, LONG, "x" * 201])
def test_a_query_over_the_limit_is_refused_kindly_by_the_service(local_user, query):
    with pytest.raises(InvalidInput) as caught:
        services.search_entries(user=local_user, query=query)
    assert set(caught.value.fields) == {"query"}
    said = str(caught.value.message)
    assert "10 words" in said and "200 characters" in said
    assert query.strip()[:20] not in said


def test_the_journal_page_says_so_and_keeps_what_was_typed(signed_in, local_user):
    services.write_entry(user=local_user, body="walk by the river")
    response = signed_in.post("/journal/", {"q": ELEVEN_WORDS})
    page = response.content.decode()
    assert response.status_code == 400
    assert "up to 10 words" in page
    assert f'value="{ELEVEN_WORDS}"' in page
    assert "entries with" not in page and "walk by the river" not in page


def test_the_api_answers_422_with_the_message(signed_in, local_user):
    response = signed_in.post("/api/journal/search", data=json.dumps({"q": "word " * 20_000}),
                              content_type="application/json")
    assert response.status_code == 422
    body = response.json()
    assert "up to 10 words" in body["message"] and "query" in body["fields"]
    assert "word word" not in json.dumps(body)


def test_the_command_line_refuses_it_with_exit_1(capsys, local_user):
    services.write_entry(user=local_user, body="walk by the river")
    ran = run(capsys, "journal", "search", *ELEVEN_WORDS.split())
    assert ran.code == 1
    assert "up to 10 words" in ran.said and "walk by the river" not in ran.said


def test_an_encrypted_search_compiles_no_pattern_per_word(field_keys, local_user, monkeypatch):
    services.write_entry(user=local_user, body="Naïve walks by the café, running home")
    # The first search of a process may compile the one pattern of combining marks.
    assert len(services.search_entries(user=local_user, query="naïve")) == 1
    compiled: list[str] = []
    real = re.compile

    def counting(pattern, flags=0):
        compiled.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(search.re, "compile", counting)
    hits = services.search_entries(user=local_user, query="naive walking cafe run home")
    assert len(hits) == 1
    assert compiled == []
