"""Daylio CSV import: every export generation, clocks, labels, markup and damaged rows."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest

from thawing.core.errors import InvalidInput, ThawingError
from thawing.core.formats import READERS, UnreadableFile, clock_time
from thawing.core.formats.daylio import DEFAULT_MOODS, read

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "daylio"
HEADER_V3 = "full_date,date,weekday,time,mood,activities,note_title,note\n"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def v3(*rows: str, header: bool = True) -> bytes:
    return ((HEADER_V3 if header else "") + "".join(row + "\n" for row in rows)).encode()


def row(at: str = "2024-03-01", clock: str = "9:05 pm", mood: str = "good", activities: str = "",
        title: str = "", note: str = "") -> str:
    return f'{at},1 March,Friday,{clock},{mood},"{activities}","{title}","{note}"'


# ---------------------------------------------------------------- generations


@pytest.mark.parametrize("name, version, count", [
    ("v1_year.csv", "daylio-csv-v1", 4),
    ("v2_full_date.csv", "daylio-csv-v2", 7),
    ("v3_note_title.csv", "daylio-csv-v3", 5),
    ("v2_no_header.csv", "daylio-csv-v2", 2),
    ("v3_no_header.csv", "daylio-csv-v3", 2),
])
def test_every_header_generation_is_read_with_or_without_a_header(name, version, count):
    parsed = read(fixture(name))
    assert parsed.detected == version
    assert len(parsed.checkins) == count
    assert not parsed.skipped


def test_the_registry_names_the_daylio_reader():
    assert READERS["daylio"] is read


def test_the_oldest_generation_takes_its_day_from_the_year_and_the_localised_date():
    parsed = read(fixture("v1_year.csv"))
    assert [c.at for c in parsed.checkins] == [
        datetime(2017, 12, 31, 9, 5), datetime(2018, 5, 16, 23, 41),
        datetime(2018, 5, 17, 22, 21), datetime(2018, 5, 18, 23, 54)]
    assert parsed.checkins[-1].note == "Went to a party"
    assert parsed.checkins[-1].note_title == ""


@pytest.mark.parametrize("written, weekday, expected", [
    ("18 May", "Friday", date(2018, 5, 18)),
    ("May 18", "Friday", date(2018, 5, 18)),
    ("18. Mai", "Freitag", date(2018, 5, 18)),
    ("18 de mayo", "viernes", date(2018, 5, 18)),
    ("18 mai", "vendredi", date(2018, 5, 18)),
    ("Sept. 7", "Friday", date(2018, 9, 7)),
    # Numbers only: the English weekday settles which is the day and which the month.
    ("18/05", "Friday", date(2018, 5, 18)),
    ("05/18", "Friday", date(2018, 5, 18)),
    ("18", "Friday", date(2018, 5, 18)),
])
def test_an_old_export_understands_localised_dates(written, weekday, expected):
    data = f'year,date,weekday,time,mood,activities,note\n2018,"{written}",{weekday},8:00 pm,meh,"",""\n'
    assert read(data.encode()).checkins[0].at.date() == expected


def test_an_ambiguous_old_date_is_skipped_rather_than_guessed():
    data = b'year,date,weekday,time,mood,activities,note\n2018,"03/04",,8:00 pm,meh,"",""\n' \
           b'2018,4 March,Sunday,8:00 pm,meh,"",""\n'
    parsed = read(data)
    assert [(s.line, s.reason) for s in parsed.skipped] == [(2, "date")]
    assert len(parsed.checkins) == 1


# ---------------------------------------------------------------- bytes and CSV shape


def test_bom_crlf_quoted_newlines_commas_emoji_and_languages_survive():
    checkins = {c.at: c for c in read(fixture("v3_note_title.csv")).checkins}
    german = checkins[datetime(2021, 9, 27, 21, 5)]
    assert german.note_title == "Später"
    assert german.note == "Heute war es still.\nZweite Zeile, mit Komma 🙂"
    japanese = checkins[datetime(2021, 9, 26, 7, 15)]
    assert (japanese.note_title, japanese.note) == ("静かな朝", "今日は少し感じた。 😢")
    assert checkins[datetime(2021, 3, 26, 0, 0)].note == 'Just after midnight, "quoted" words'


def test_a_file_without_a_final_newline_keeps_its_last_row():
    data = v3(row(note="last")).rstrip(b"\n")
    assert read(data).checkins[0].note == "last"


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_any_line_ending_reads_the_same(ending):
    data = v3(row(note="a"), row(at="2024-03-02", note="b")).decode().replace("\n", ending).encode()
    assert [c.note for c in read(data).checkins] == ["a", "b"]


def test_a_spreadsheet_resave_in_windows_1252_with_semicolons_is_read():
    checkin = read(fixture("excel_semicolon.csv")).checkins[0]
    assert checkin.activities == ("café", "music")
    assert checkin.note == "Déjà vu, à la maison"


def test_utf16_with_a_bom_and_tabs_is_read():
    data = (HEADER_V3 + row(note="tabs") + "\n").replace(",", "\t").replace('"', "")
    assert read(data.encode("utf-16")).checkins[0].note == "tabs"


def test_a_header_in_another_language_is_read_by_position():
    data = "datum,datum2,tag,zeit,stimmung,aktivitäten,titel,notiz\n" + row(note="hallo") + "\n"
    parsed = read(data.encode())
    assert parsed.checkins[0].note == "hallo"
    assert not parsed.skipped


def test_a_damaged_first_row_is_reported_not_mistaken_for_a_header():
    data = (row(at="2024-13-01") + "\n" + row(note="kept") + "\n").encode()
    parsed = read(data)
    assert [(s.line, s.reason) for s in parsed.skipped] == [(1, "date")]
    assert [c.note for c in parsed.checkins] == ["kept"]


def test_a_repeated_header_from_two_pasted_exports_is_ignored():
    data = v3(row(note="one")) + v3(row(at="2024-03-02", note="two"))
    parsed = read(data)
    assert [c.note for c in parsed.checkins] == ["one", "two"]
    assert not parsed.skipped


def test_reordered_and_extra_columns_are_found_by_name():
    data = b"mood,time,full_date,note,extra\ngood,20:00,2024-03-01,hi,x\n"
    checkin = read(data).checkins[0]
    assert (checkin.at, checkin.mood, checkin.note) == (datetime(2024, 3, 1, 20, 0), 7, "hi")


def test_a_header_alone_is_an_empty_export():
    parsed = read(HEADER_V3.encode())
    assert parsed.checkins == () and parsed.skipped == ()


# ---------------------------------------------------------------- clocks, order, activities


@pytest.mark.parametrize("written, expected", [
    ("9:05 pm", time(21, 5)), ("09:05 PM", time(21, 5)), ("9:05 p.m.", time(21, 5)),
    ("12:00 am", time(0, 0)), ("12:30 pm", time(12, 30)), ("7:15 AM", time(7, 15)),
    ("9:05\u202fPM", time(21, 5)), ("20:39", time(20, 39)), ("00:00", time(0, 0)),
    ("23:59:30", time(23, 59, 30)), ("7.15", time(7, 15)),
])
def test_twelve_and_twenty_four_hour_clocks_are_read(written, expected):
    assert clock_time(written) == expected
    assert read(v3(row(clock=written))).checkins[0].at.time() == expected


@pytest.mark.parametrize("written", ["", "noon", "24:00", "13:00 pm", "0:30 am", "9:60", "9"])
def test_a_time_that_is_not_a_time_skips_the_row(written):
    data = v3(row(clock=written), row(at="2024-03-02"))
    assert [s.reason for s in read(data).skipped] == ["time"]


def test_rows_in_any_order_come_out_oldest_first_with_several_a_day():
    parsed = read(fixture("v2_full_date.csv"))
    moments = [c.at for c in parsed.checkins]
    assert moments == sorted(moments)
    assert sum(1 for m in moments if m.date() == date(2020, 5, 30)) == 4


def test_activities_are_split_on_bars_and_trimmed_and_empty_means_none():
    parsed = read(v3(row(activities="stressed / frustrated  | eat out |cook  ||  "),
                     row(at="2024-03-02", activities="")))
    assert parsed.checkins[0].activities == ("stressed / frustrated", "eat out", "cook")
    assert parsed.checkins[1].activities == ()


# ---------------------------------------------------------------- moods


@pytest.mark.parametrize("label, mood", [("rad", 9), ("good", 7), ("meh", 5), ("bad", 3),
                                         ("awful", 1), ("RAD", 9), (" Good ", 7), ("fugly", 3)])
def test_the_standard_labels_have_values_on_the_one_to_ten_scale(label, mood):
    assert read(v3(row(mood=label))).checkins[0].mood == mood


def test_the_defaults_are_evenly_spaced_around_meh():
    assert [DEFAULT_MOODS[label] for label in ("awful", "bad", "meh", "good", "rad")] == [1, 3, 5, 7, 9]


def test_an_unknown_label_does_not_stop_the_import_and_is_listed_for_mapping():
    parsed = read(fixture("custom_labels.csv"))
    assert len(parsed.checkins) == 4
    assert parsed.labels == ("numb", "okay-ish", "good")
    assert parsed.unmapped == ("numb", "okay-ish")
    assert {c.mood for c in parsed.checkins if c.mood_label.lower() == "numb"} == {None}


def test_a_mood_map_extends_and_overrides_case_insensitively():
    parsed = read(fixture("custom_labels.csv"), mood_map={"NUMB": 2, "okay-ish": "6", "good": 8})
    moods = {c.mood_label: c.mood for c in parsed.checkins}
    assert moods == {"numb": 2, "Numb": 2, "okay-ish": 6, "good": 8}
    assert parsed.unmapped == ()


def test_a_label_can_be_mapped_to_cant_tell():
    parsed = read(fixture("custom_labels.csv"), mood_map={"numb": None, "okay-ish": 5})
    assert parsed.unmapped == ()
    assert {c.mood for c in parsed.checkins if c.mood_label == "numb"} == {None}


@pytest.mark.parametrize("value", [0, 11, "eleven", ""])
def test_a_mood_map_value_off_the_scale_is_refused(value):
    with pytest.raises(InvalidInput) as caught:
        read(fixture("custom_labels.csv"), mood_map={"numb": value})
    assert set(caught.value.fields) == {"mood_map"}


# ---------------------------------------------------------------- notes


def test_daylio_note_markup_becomes_plain_text():
    note = read(fixture("v3_note_title.csv")).checkins[1].note
    assert note == "Bold start\nnext line\n\n- one\n- two & three"


@pytest.mark.parametrize("note", ["I <3 this", "a < b and c > d", "Tom & Jerry &amp; co", "<notatag>"])
def test_notes_without_daylio_markup_are_untouched(note):
    assert read(v3(row(note=note))).checkins[0].note == note


# ---------------------------------------------------------------- damaged files


def test_bad_rows_are_skipped_with_their_line_and_reason():
    parsed = read(fixture("bad_rows.csv"))
    assert [(s.line, s.reason) for s in parsed.skipped] == [(3, "date"), (4, "time"), (5, "columns")]
    assert len(parsed.checkins) == 2


def test_a_skipped_row_never_shows_its_own_words():
    parsed = read(fixture("bad_rows.csv"))
    assert all("private" not in s.message for s in parsed.skipped)
    assert parsed.skipped[0].message == "Line 3 was left out: the date isn\u2019t one I can read."


def test_a_file_with_no_readable_row_changes_nothing_and_names_the_first_line():
    data = v3(row(at="2024-02-30", note="private"), row(clock="late", note="private"))
    with pytest.raises(UnreadableFile) as caught:
        read(data)
    assert (caught.value.line, caught.value.reason) == (2, "date")
    assert "line 2" in caught.value.message and "private" not in caught.value.message
    assert isinstance(caught.value, ThawingError)


@pytest.mark.parametrize("data, reason", [
    (fixture("not_daylio.csv"), "columns"),
    (b"", "empty"),
    (b"  \n\n", "empty"),
    (bytes(range(256)) * 4, "encoding"),
    (b"\x00\x01\x02\x03" * 50, "binary"),
    (b'{"tags": {}, "entries": []}', "columns"),
    (b"\xef\xbb\xbf" + b"full_date\xff,date\n", "encoding"),
])
def test_a_file_that_is_not_a_daylio_export_is_refused_kindly(data, reason):
    with pytest.raises(UnreadableFile) as caught:
        read(data)
    assert caught.value.reason == reason
    assert "imported" in caught.value.message or reason == "empty"


def test_a_csv_field_longer_than_csv_allows_is_refused_with_its_line():
    data = v3(row(note="fine")) + b'2024-03-02,x,x,9:00,good,"","","' + b"x" * 200_000 + b'"\n'
    with pytest.raises(UnreadableFile) as caught:
        read(data)
    assert (caught.value.line, caught.value.reason) == (3, "csv")


# ---------------------------------------------------------------- keys


def test_keys_are_the_same_whatever_the_generation_clock_style_or_mapping():
    old = b'year,date,weekday,time,mood,activities,note\n2020,30 May,Saturday,6:50 pm,Rad,' \
          b'"gaming | friends",Awesome\n'
    new = v3('2020-05-30,30 May,Saturday,18:50,rad,"friends|gaming","","Awesome"', header=False)
    assert read(old).checkins[0].key == read(new, mood_map={"rad": 10}).checkins[0].key


def test_keys_differ_when_the_content_differs():
    keys = {read(v3(row(note=note))).checkins[0].key for note in ("a", "b")}
    keys |= {read(v3(row(clock=clock))).checkins[0].key for clock in ("9:05", "9:06")}
    assert len(keys) == 4
    assert all(len(key) == 64 for key in keys)


def test_two_identical_rows_stay_two_with_different_keys():
    parsed = read(v3(row(note="same"), row(note="same")))
    assert len({c.key for c in parsed.checkins}) == 2
    assert read(v3(row(note="same"), row(note="same"))) == parsed


def test_ten_years_of_daily_rows_are_read():
    rows = [row(at=f"{2010 + n // 365}-{1 + n % 365 // 31 % 12:02d}-{1 + n % 28:02d}",
                clock=f"{n % 12 + 1}:{n % 60:02d} pm", mood=("rad", "good", "meh", "bad", "awful")[n % 5],
                activities="work | walk | friends", note=f"day {n}, fine 🙂") for n in range(3650)]
    parsed = read(v3(*reversed(rows)))
    assert len(parsed.checkins) == 3650
    assert len({c.key for c in parsed.checkins}) == 3650
