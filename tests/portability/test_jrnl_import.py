"""Leaving jrnl for Thawing: entries with titles, tags and stars, searchable, never twice."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tests.portability.conftest import fixture_bytes
from thawing.core.errors import InvalidInput
from thawing.core.formats import UnreadableFile
from thawing.journal.models import Entry
from thawing.journal.services import list_entries, search_entries
from thawing.portability import services

pytestmark = pytest.mark.django_db


def entries(user) -> list[tuple[str, str, list[str]]]:
    return [(e.title, e.body, sorted(t.tag.name for t in e.entry_tags.all()))
            for e in Entry.objects.filter(user=user).order_by("written_at")]


def test_the_json_export_becomes_entries_with_tags_and_stars(local_user):
    report = services.run_import(user=local_user, kind="jrnl", data=fixture_bytes("jrnl/export.json"))
    found = entries(local_user)
    assert report.added == len(found) > 1
    assert found[1] == ("Slept badly.", "The morning felt flat, like watching through glass. @numb\n\n"
                        "Walked to the bakery anyway. #walk", ["numb", "walk"])
    assert found[2][0] == "A flicker at lunch" and found[2][2] == ["starred"]


def test_the_text_journal_gives_the_same_entries_as_its_json_export(local_user, make_account):
    services.run_import(user=local_user, kind="jrnl", data=fixture_bytes("jrnl/journal.txt"))
    other = make_account("other")
    services.run_import(user=other, kind="jrnl", data=fixture_bytes("jrnl/export.json"))
    assert entries(local_user) == entries(other)


def test_a_title_only_entry_keeps_its_words_as_the_body(local_user):
    services.run_import(user=local_user, kind="jrnl", data=fixture_bytes("jrnl/journal.txt"))
    first = Entry.objects.filter(user=local_user).order_by("written_at").first()
    assert (first.title, first.body) == ("", "Only a title, no body.")


def test_times_are_read_in_the_persons_zone(local_user):
    services.run_import(user=local_user, kind="jrnl", data=fixture_bytes("jrnl/journal.txt"))
    times = list(Entry.objects.filter(user=local_user).order_by("written_at")
                 .values_list("written_at", flat=True))
    assert times[1] == datetime(2024, 3, 1, 7, 45, tzinfo=UTC)


def test_imported_entries_can_be_searched_and_filtered_by_tag(local_user):
    services.run_import(user=local_user, kind="jrnl", data=fixture_bytes("jrnl/export.json"))
    assert [h.entry.title for h in search_entries(user=local_user, query="bakery")] == ["Slept badly."]
    assert [e.title for e in list_entries(user=local_user, tag="starred")] == ["A flicker at lunch"]


def test_re_importing_adds_nothing_even_from_the_other_form(local_user):
    services.run_import(user=local_user, kind="jrnl", data=fixture_bytes("jrnl/export.json"))
    count = Entry.objects.filter(user=local_user).count()
    again = services.run_import(user=local_user, kind="jrnl", data=fixture_bytes("jrnl/export.json"))
    assert again.added == 0
    report = services.run_import(user=local_user, kind="jrnl", data=fixture_bytes("jrnl/journal.txt"))
    assert Entry.objects.filter(user=local_user).count() == count + report.added
    assert report.already >= 3


def test_a_custom_time_format_is_used(local_user):
    report = services.run_import(user=local_user, kind="jrnl",
                                 data=fixture_bytes("jrnl/journal_custom_format.txt"),
                                 options={"time_format": "%d.%m.%Y %H:%M"})
    assert report.added > 0


def test_a_time_format_without_a_date_is_refused(local_user):
    with pytest.raises(InvalidInput) as raised:
        services.preview_import(user=local_user, kind="jrnl", data=fixture_bytes("jrnl/journal.txt"),
                                options={"time_format": "%H:%M"})
    assert "time_format" in raised.value.fields


def test_an_encrypted_journal_is_refused_kindly_and_nothing_changes(local_user):
    with pytest.raises(UnreadableFile, match="encrypted"):
        services.run_import(user=local_user, kind="jrnl", data=fixture_bytes("jrnl/encrypted_v2.jrnl"))
    assert Entry.objects.count() == 0


def test_tags_thawing_cannot_keep_are_counted_and_the_words_stay(local_user):
    long_tag = "t" * 41
    data = json.dumps({"entries": [{"title": "Many", "body": f"text @{long_tag}", "date": "2024-01-01",
                                    "time": "09:00", "tags": [f"@{long_tag}"] + [f"@t{n}" for n in range(25)],
                                    "starred": True}]}).encode()
    preview = services.preview_import(user=local_user, kind="jrnl", data=data)
    # 27 wanted (26 and the star), 20 kept: the star, and the first 19 that fit.
    assert any("7 tags" in note for note in preview.notes)
    services.run_import(user=local_user, kind="jrnl", data=data)
    (title, body, tags) = entries(local_user)[0]
    assert len(tags) == 20 and "starred" in tags and long_tag in body


def test_an_entry_longer_than_thawing_keeps_is_split_into_numbered_parts(local_user):
    body = ("word " * 30_000).strip()
    entry = {"title": "Long", "body": body, "date": "2024-01-01", "time": "09:00"}
    data = json.dumps({"entries": [entry]}).encode()
    report = services.run_import(user=local_user, kind="jrnl", data=data)
    found = entries(local_user)
    assert [t for t, _, _ in found] == ["Long (1/2)", "Long (2/2)"]
    assert " ".join(b for _, b, _ in found) == body
    assert any("split into numbered parts" in note for note in report.notes)
