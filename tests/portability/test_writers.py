"""The CSV and Markdown writers, without Django: spreadsheet rules and a journal by date."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time
from decimal import Decimal

from thawing.core.formats import export_csv, export_markdown


def rows_of(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_checkins_csv_is_utf8_with_bom_crlf_and_the_documented_columns():
    data = export_csv.checkins_csv([export_csv.CheckInRow(date(2026, 3, 1), time(9, 5), 3, 2)])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 2
    assert rows_of(data)[0] == ["date", "time", "mood", "cant_tell", "feel", "emotions", "body", "flicker",
                                "note", "detached", "struggling"]


def test_one_row_per_checkin_with_words_body_and_quoted_text():
    row = export_csv.CheckInRow(date(2026, 3, 1), time(21, 30), None, 0, (("grief", 4), ("calm", None)),
                                (("chest", "tight"),), "a laugh", 'Flat, "far"\nline two 🙂', True, False)
    (header, values) = rows_of(export_csv.checkins_csv([row]))
    assert dict(zip(header, values, strict=True)) == {
        "date": "2026-03-01", "time": "21:30", "mood": "", "cant_tell": "yes", "feel": "0",
        "emotions": "grief:4; calm", "body": "chest:tight", "flicker": "a laugh",
        "note": 'Flat, "far"\nline two 🙂', "detached": "yes", "struggling": "no"}
    assert b'"Flat, ""far""\nline two' in export_csv.checkins_csv([row])


def test_text_that_a_spreadsheet_would_run_as_a_formula_is_shown_as_text():
    row = export_csv.CheckInRow(date(2026, 3, 1), time(9, 0), 5, None, note="=HYPERLINK(1)", flicker="-ok")
    values = rows_of(export_csv.checkins_csv([row]))[1]
    assert (values[7], values[8]) == ("'-ok", "'=HYPERLINK(1)")


def test_habits_csv_has_a_row_per_day_with_numbing_notes():
    rows = [export_csv.HabitsRow(date(2026, 3, 1), Decimal("7.50"), 3, 2, 20),
            export_csv.HabitsRow(date(2026, 3, 2), numbing=(export_csv.NumbingNote("alcohol", "some", True),
                                                            export_csv.NumbingNote("scrolling")))]
    assert rows_of(export_csv.habits_csv(rows)) == [
        ["date", "sleep_hours", "sleep_quality", "meals", "movement_minutes", "numbing"],
        ["2026-03-01", "7.5", "3", "2", "20", ""],
        ["2026-03-02", "", "", "", "", "alcohol:some:to cope; scrolling"]]


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 3, day, hour, 5, tzinfo=UTC)


def test_the_journal_is_grouped_by_year_and_day_oldest_first():
    text = export_markdown.journal_markdown([
        export_markdown.Writing(at(2, 9), "Later", "second"),
        export_markdown.Writing(at(1, 21), "", "first", tags=("numb", "walk")),
        export_markdown.Writing(at(1, 8), "Gran", "Dear Gran", letter=True),
    ]).decode()
    assert text.index("### Sunday 1 March 2026") < text.index("#### 08:05 · Gran") < text.index(
        "#### 21:05\n#numb #walk") < text.index("### Monday 2 March 2026") < text.index("second")
    assert "*Unsent letter*" in text
    assert text.startswith("# Journal\n\n## 2026\n")


def test_a_line_of_the_text_starting_with_a_hash_never_becomes_a_heading():
    text = export_markdown.journal_markdown([export_markdown.Writing(at(1, 9), "", "# big\nsmall")]).decode()
    assert "\\# big\nsmall" in text


def test_thought_records_show_every_part_and_both_beliefs():
    thought = export_markdown.Thought(at(3, 22), "I am broken", situation="Party", belief_before=80,
                                      evidence="Not really", alternative="I am tired", belief_after=40)
    text = export_markdown.journal_markdown([], [thought]).decode()
    for part in ("Thought record", "**What happened:**\nParty", "**The thought:**\nI am broken",
                 "believed it: 80 %", "**A kinder way to put it:**\nI am tired", "believe it now: 40 %"):
        assert part in text


def test_an_empty_journal_says_so():
    assert "Nothing written yet." in export_markdown.journal_markdown([]).decode()
