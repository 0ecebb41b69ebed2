"""jrnl import: JSON exports, text journals in every time format, Markdown, encrypted files."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from thawing.core.errors import InvalidInput
from thawing.core.formats import READERS, UnreadableFile
from thawing.core.formats.jrnl import read

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "jrnl"
# The four entries every fixture of the same journal holds, oldest first.
JOURNAL = [
    (datetime(2023, 12, 31, 23, 59), "Only a title, no body.", "", (), False),
    (datetime(2024, 3, 1, 7, 45), "Slept badly.",
     "The morning felt flat, like watching through glass. @numb\n\nWalked to the bakery anyway. #walk",
     ("numb", "walk"), False),
    (datetime(2024, 3, 1, 13, 10), "A flicker at lunch",
     "Laughed at something Sam said \u2014 a real laugh. 🙂", (), True),
    (datetime(2024, 3, 2, 21, 30), "Ein stiller Abend.", "Müde, aber ruhig. @Family", ("family",), False),
]


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def contents(parsed) -> list[tuple]:
    return [(e.at, e.title, e.body, e.tags, e.starred) for e in parsed.entries]


def export(*entries: dict) -> bytes:
    return json.dumps({"tags": {}, "entries": list(entries)}, indent=2).encode()


def entry(**fields) -> dict:
    return {"title": "A day.", "body": "Quiet.", "date": "2024-03-01", "time": "09:05", "tags": [],
            "starred": False, **fields}


def test_the_registry_names_the_jrnl_reader():
    assert READERS["jrnl"] is read


# ---------------------------------------------------------------- JSON


def test_a_json_export_keeps_titles_bodies_tags_stars_and_times():
    parsed = read(fixture("export.json"))
    assert parsed.detected == "jrnl-json"
    assert contents(parsed) == JOURNAL
    assert parsed.checkins == () and parsed.skipped == ()


def test_one_entry_exported_on_its_own_is_read():
    parsed = read(fixture("entry.json"))
    assert contents(parsed) == [JOURNAL[2]]


def test_a_bare_list_of_entries_is_read():
    assert len(read(json.dumps([entry(), entry(time="10:00")]).encode()).entries) == 2


def test_an_entry_without_tags_gets_them_from_its_text():
    data = {"entries": [{"title": "On @Work", "body": "Then #home and email@example.org",
                         "date": "2024-03-01", "time": "09:05"}]}
    assert read(json.dumps(data).encode()).entries[0].tags == ("work", "home")


def test_an_entry_without_a_time_is_placed_at_midday():
    data = {"entries": [{"title": "T", "body": "B", "date": "2024-03-01"}]}
    assert read(json.dumps(data).encode()).entries[0].at == datetime(2024, 3, 1, 12, 0)


def test_a_full_iso_moment_in_the_date_is_understood():
    data = {"entries": [{"title": "T", "body": "B", "date": "2024-03-01T21:05:00+01:00"}]}
    assert read(json.dumps(data).encode()).entries[0].at == datetime(2024, 3, 1, 21, 5)


def test_json_entries_that_cannot_be_read_are_skipped_with_the_line_they_start_on():
    parsed = read(fixture("export_bad_entries.json"))
    assert [(s.line, s.reason) for s in parsed.skipped] == [(15, "date"), (20, "date"), (26, "entry")]
    assert len(parsed.entries) == 1
    assert all("private" not in s.message for s in parsed.skipped)


@pytest.mark.parametrize("fields, reason", [
    ({"time": "25:00"}, "time"), ({"date": "yesterday"}, "date"), ({"date": "1850-01-01"}, "date"),
    ({"title": 3}, "entry"), ({"title": "", "body": ""}, "empty"),
])
def test_a_json_entry_with_a_bad_field_is_skipped(fields, reason):
    parsed = read(export(entry(), entry(**fields)))
    assert [s.reason for s in parsed.skipped] == [reason]


def test_starred_may_be_written_as_text():
    assert read(export(entry(starred="true"))).entries[0].starred is True


def test_broken_json_is_refused_naming_the_line():
    data = export(entry())[:-10]
    with pytest.raises(UnreadableFile) as caught:
        read(data)
    assert caught.value.reason == "json"
    assert caught.value.line == data.count(b"\n") + 1


@pytest.mark.parametrize("data", [b'{"tags": {}}', b'{"entries": 3}', b'[{"x": 1}]', b"[]"])
def test_json_that_is_not_a_jrnl_export_is_refused_or_empty(data):
    try:
        parsed = read(data)
    except UnreadableFile as error:
        assert error.reason in {"json", "entry"}
    else:
        assert parsed.entries == ()


def test_deeply_nested_json_is_refused_not_crashed():
    with pytest.raises(UnreadableFile):
        read(b"[" * 100_000 + b"]" * 100_000)


# ---------------------------------------------------------------- text journals


@pytest.mark.parametrize("name", ["journal.txt", "journal_f_r.txt"])
def test_a_text_journal_in_either_default_time_format_is_read(name):
    parsed = read(fixture(name))
    assert parsed.detected == "jrnl-text"
    assert contents(parsed) == JOURNAL


def test_a_journal_in_its_own_time_format_needs_that_format():
    with pytest.raises(UnreadableFile) as caught:
        read(fixture("journal_custom_format.txt"))
    assert (caught.value.line, caught.value.reason) == (1, "date")
    assert "time format" in caught.value.message
    assert contents(read(fixture("journal_custom_format.txt"), time_format="%d.%m.%Y %H:%M")) == JOURNAL


@pytest.mark.parametrize("time_format, stamp", [
    ("%F %r", "2024-03-01 09:05:00 PM"), ("%F %T", "2024-03-01 21:05:00"), ("%F %R", "2024-03-01 21:05"),
    ("%D %H:%M", "03/01/24 21:05"), ("%-d %B %Y, %H:%M", "1 March 2024, 21:05"),
    ("%a %d %b %Y %I:%M %p", "Fri 01 Mar 2024 09:05 PM"),
])
def test_an_explicit_time_format_may_use_gnu_shorthands(time_format, stamp):
    parsed = read(f"[{stamp}] Evening.\nFelt a little.\n".encode(), time_format=time_format)
    assert parsed.entries[0].at == datetime(2024, 3, 1, 21, 5)


@pytest.mark.parametrize("time_format", ["%H:%M", "%Q", "nothing"])
def test_a_time_format_without_a_day_is_refused(time_format):
    with pytest.raises(InvalidInput) as caught:
        read(b"[2024-03-01 09:05] x\n", time_format=time_format)
    assert set(caught.value.fields) == {"time_format"}


def test_a_journal_and_its_json_export_give_the_same_keys():
    keys = {name: [e.key for e in read(fixture(name)).entries]
            for name in ("export.json", "journal.txt", "journal_f_r.txt")}
    assert keys["export.json"] == keys["journal.txt"] == keys["journal_f_r.txt"]
    assert len(set(keys["export.json"])) == 4


def test_a_one_line_entry_splits_its_title_at_the_first_sentence():
    parsed = read("[2024-03-01 09:05] Went out. It was grey! Came home.\n"
                  "[2024-03-02 09:05] 今日。静か\n".encode())
    assert [(e.title, e.body) for e in parsed.entries] == [
        ("Went out.", "It was grey! Came home."), ("今日。", "静か")]


def test_a_star_at_the_end_of_the_title_line_marks_the_entry():
    entry = read(b"[2024-03-01 09:05] Good news *\nBody\n").entries[0]
    assert (entry.title, entry.body, entry.starred) == ("Good news", "Body", True)


def test_tags_are_words_with_at_or_hash_lower_case_and_once():
    text = b"[2024-03-01 09:05] With @Sam\nand @sam, #grief/loss; ## heading; mail@me.org #\n"
    entry = read(text).entries[0]
    assert entry.tags == ("sam", "grief/loss")


def test_a_bracketed_line_without_a_timestamp_stays_in_the_body():
    entry = read(b"[2024-03-01 09:05] Notes\n[1] a footnote\n[2019] a year\n").entries[0]
    assert entry.body == "[1] a footnote\n[2019] a year"


def test_an_unreadable_timestamp_is_skipped_not_glued_to_the_entry_before():
    parsed = read(b"[2024-03-01 09:05] First\nbody\n\n[2024-02-30 09:05] private title\nprivate body\n")
    assert [(e.title, e.body) for e in parsed.entries] == [("First", "body")]
    assert [(s.line, s.reason) for s in parsed.skipped] == [(4, "date")]
    assert "private" not in parsed.skipped[0].message


def test_text_before_the_first_entry_is_reported():
    parsed = read(b"stray words\n[2024-03-01 09:05] First\n")
    assert [(s.line, s.reason) for s in parsed.skipped] == [(1, "entry")]


def test_a_jrnl_1x_journal_without_brackets_is_read():
    parsed = read(fixture("journal_1x.txt"))
    assert parsed.detected == "jrnl-text-1.x"
    assert [(e.at, e.title, e.starred, e.tags) for e in parsed.entries] == [
        (datetime(2013, 4, 9, 15, 39), "I have an idea:", False, ("journal",)),
        (datetime(2013, 6, 10, 15, 40), "Meeting with @Rory about the site.", True, ("rory",))]
    assert parsed.entries[0].body == "(1) write a command line @journal software\n(2) ???\n(3) PROFIT!"


def test_a_markdown_export_is_read_with_its_headings_undone():
    parsed = read(fixture("export.md"))
    assert parsed.detected == "jrnl-markdown"
    assert [(e.at, e.title, e.body) for e in parsed.entries] == [
        (datetime(2024, 3, 1, 7, 45), "Slept badly.", "# What helped\nWalking. @walk"),
        (datetime(2024, 3, 2, 21, 30), "Ein stiller Abend.", "Müde, aber ruhig.")]
    assert parsed.skipped == ()


def test_entries_come_out_oldest_first_and_identical_ones_stay_two():
    parsed = read(b"[2024-03-02 09:05] Later\n\n[2024-03-01 09:05] Same\n\n[2024-03-01 09:05] Same\n")
    assert [e.title for e in parsed.entries] == ["Same", "Same", "Later"]
    assert len({e.key for e in parsed.entries}) == 3


# ---------------------------------------------------------------- files that cannot be read


@pytest.mark.parametrize("name", ["encrypted_v1.jrnl", "encrypted_v2.jrnl", "encrypted_v3.jrnl"])
def test_an_encrypted_journal_asks_for_a_json_export(name):
    with pytest.raises(UnreadableFile) as caught:
        read(fixture(name))
    assert "jrnl --format json" in caught.value.message
    assert "jrnl --export json" in caught.value.message


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"), (b"\n\n", "empty"), (b"Just some words.\nNo dates.\n", "date"),
    (b"\x00\x01\x02" * 40, "binary"), (b"\xff\xfe\xfd garbage", "encoding"),
])
def test_a_file_that_is_not_a_jrnl_journal_is_refused_kindly(data, reason):
    with pytest.raises(UnreadableFile) as caught:
        read(data)
    assert caught.value.reason == reason
    assert "Words" not in caught.value.message
