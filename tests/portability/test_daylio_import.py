"""Leaving Daylio for Thawing: moods mapped, activities and notes kept, nothing twice."""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.portability.conftest import fixture_bytes
from thawing.checkins.models import CheckIn
from thawing.core.formats import UnreadableFile
from thawing.journal.models import Entry
from thawing.journal.services import search_entries
from thawing.portability import services
from thawing.portability.models import ImportedKey

pytestmark = pytest.mark.django_db
HEADER = "full_date,date,weekday,time,mood,activities,note_title,note"


def daylio_csv(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows]).encode()


def moods(user) -> list[int | None]:
    return list(CheckIn.objects.filter(user=user).order_by("at").values_list("mood", flat=True))


@pytest.mark.parametrize("name, count", [
    ("v1_year.csv", 4), ("v2_full_date.csv", 7), ("v2_no_header.csv", 2), ("v3_no_header.csv", 2),
    ("v3_note_title.csv", 5), ("excel_semicolon.csv", 1), ("custom_labels.csv", 4),
])
def test_every_header_generation_imports(local_user, name, count):
    report = services.run_import(user=local_user, kind="daylio", data=fixture_bytes(f"daylio/{name}"))
    assert report.added == count == CheckIn.objects.filter(user=local_user).count()


def test_standard_moods_get_their_defaults_and_times_their_zone(local_user):
    services.run_import(user=local_user, kind="daylio", data=fixture_bytes("daylio/v2_no_header.csv"))
    rows = list(CheckIn.objects.filter(user=local_user).order_by("at").values_list("at", "mood"))
    # Daylio's 8:00 am and 8:00 pm in London, which is on summer time in June.
    assert rows == [(datetime(2020, 6, 1, 7, 0, tzinfo=UTC), 3), (datetime(2020, 6, 1, 19, 0, tzinfo=UTC), 9)]


def test_activities_lead_the_note_then_its_title_and_text(local_user):
    services.run_import(user=local_user, kind="daylio", data=fixture_bytes("daylio/v3_note_title.csv"))
    notes = set(CheckIn.objects.filter(user=local_user).values_list("note", flat=True))
    assert "Activities: sleep early\n\nSpäter\n\nHeute war es still.\nZweite Zeile, mit Komma 🙂" in notes
    assert "静かな朝\n\n今日は少し感じた。 😢" in notes


def test_unmapped_labels_are_listed_before_confirming_and_become_cant_tell(local_user):
    data = fixture_bytes("daylio/custom_labels.csv")
    preview = services.preview_import(user=local_user, kind="daylio", data=data)
    assert preview.unmapped == ("numb", "okay-ish")
    assert ("good", 7, True) in preview.labels
    services.run_import(user=local_user, kind="daylio", data=data)
    assert moods(local_user) == [7, None, None, None]


def test_a_mood_map_gives_labels_their_values(local_user):
    data = fixture_bytes("daylio/custom_labels.csv")
    options = {"mood_map": {"Numb": "2", "okay-ish": "cant-tell", "good": 8}}
    assert services.preview_import(user=local_user, kind="daylio", data=data, options=options).unmapped == ()
    services.run_import(user=local_user, kind="daylio", data=data, options=options)
    assert moods(local_user) == [8, None, 2, 2]


@pytest.mark.parametrize("mood_map", [{"numb": 11}, {"numb": "lots"}, {"numb": [1]}, ["numb"]])
def test_a_bad_mood_map_is_refused(local_user, mood_map):
    from thawing.core.errors import InvalidInput

    data = fixture_bytes("daylio/custom_labels.csv")
    with pytest.raises(InvalidInput) as raised:
        services.preview_import(user=local_user, kind="daylio", data=data,
                                options={"mood_map": mood_map})
    assert "mood_map" in raised.value.fields


def test_rows_that_must_be_left_out_are_listed_with_their_line(local_user):
    data = fixture_bytes("daylio/bad_rows.csv")
    preview = services.preview_import(user=local_user, kind="daylio", data=data)
    assert [(s.line, s.reason) for s in preview.skipped] == [(3, "date"), (4, "time"), (5, "columns")]
    assert all("private" not in s.message for s in preview.skipped)


def test_re_importing_the_same_file_adds_nothing_twice(local_user):
    data = fixture_bytes("daylio/v2_full_date.csv")
    services.run_import(user=local_user, kind="daylio", data=data)
    preview = services.preview_import(user=local_user, kind="daylio", data=data)
    assert (preview.new, preview.already) == (0, 7)
    assert services.run_import(user=local_user, kind="daylio", data=data).added == 0
    assert CheckIn.objects.filter(user=local_user).count() == 7


def test_a_later_export_adds_only_its_new_rows_and_deleted_ones_stay_deleted(local_user):
    services.run_import(user=local_user, kind="daylio", data=daylio_csv(
        "2023-01-02,2 January,Monday,9:00 pm,good,,,", "2023-01-01,1 January,Sunday,9:00 pm,bad,,,"))
    CheckIn.objects.filter(user=local_user, mood=3).delete()
    report = services.run_import(user=local_user, kind="daylio", data=daylio_csv(
        "2023-01-03,3 January,Tuesday,9:00 pm,rad,,,", "2023-01-02,2 January,Monday,21:00,good,,,",
        "2023-01-01,1 January,Sunday,9:00 pm,bad,,,"))
    assert (report.added, report.already) == (1, 2)
    assert moods(local_user) == [7, 9]


def test_the_same_entry_from_another_export_version_is_already_here(local_user):
    services.run_import(user=local_user, kind="daylio", data=fixture_bytes("daylio/v2_no_header.csv"))
    v3 = b"2020-06-01,1 June,Monday,20:00,rad,friends,\"\",\"Evening\"\n"
    assert services.preview_import(user=local_user, kind="daylio", data=v3).already == 1


def test_a_note_too_long_for_a_checkin_becomes_a_journal_entry_and_the_report_says_so(local_user):
    long_note = "Heute. " * 1000
    data = daylio_csv(f'2023-03-01,1 March,Wednesday,9:00 pm,meh,walk,"A long day","{long_note}"')
    preview = services.preview_import(user=local_user, kind="daylio", data=data)
    assert [(c.kind, c.new) for c in preview.counts] == [("checkins", 1), ("entries", 1)]
    assert "kept whole as a journal entry" in preview.notes[0]
    services.run_import(user=local_user, kind="daylio", data=data)
    checkin = CheckIn.objects.get(user=local_user)
    entry = Entry.objects.get(user=local_user)
    assert checkin.note.startswith("Activities: walk\n\nThe note of this check-in was longer")
    assert (entry.title, entry.body, entry.written_at) == ("A long day", long_note.strip(), checkin.at)
    assert [t.tag.name for t in entry.entry_tags.all()] == ["daylio"]
    assert [h.entry.pk for h in search_entries(user=local_user, query="heute")] == [entry.pk]


def test_a_time_the_clocks_skipped_lands_just_after_the_gap(local_user):
    # 01:30 on 30 March 2025 never happened in London: the clocks went from 01:00 to 02:00.
    services.run_import(user=local_user, kind="daylio", data=daylio_csv(
        "2025-03-30,30 March,Sunday,01:30,good,,,"))
    assert CheckIn.objects.get(user=local_user).at == datetime(2025, 3, 30, 1, 30, tzinfo=UTC)


def test_a_time_that_happened_twice_is_the_first(local_user):
    # 01:30 on 26 October 2025 happened twice in London: first on summer time (00:30 UTC).
    services.run_import(user=local_user, kind="daylio", data=daylio_csv(
        "2025-10-26,26 October,Sunday,01:30,good,,,"))
    assert CheckIn.objects.get(user=local_user).at == datetime(2025, 10, 26, 0, 30, tzinfo=UTC)


def test_a_row_dated_in_the_future_is_left_out_and_listed(local_user):
    preview = services.preview_import(user=local_user, kind="daylio", data=daylio_csv(
        "2027-01-01,1 January,Friday,9:00 pm,good,,,", "2026-01-01,1 January,Thursday,9:00 pm,good,,,"))
    assert preview.new == 1
    assert "2027-01-01 21:00" in preview.skipped[0].message


def test_a_file_that_cannot_be_read_changes_nothing_and_says_where(local_user):
    with pytest.raises(UnreadableFile) as raised:
        services.run_import(user=local_user, kind="daylio", data=fixture_bytes("daylio/not_daylio.csv"))
    assert raised.value.line == 1
    assert CheckIn.objects.count() == ImportedKey.objects.count() == 0


def big_daylio(rows: int, *, seed: int = 1) -> bytes:
    """`rows` Daylio rows, newest first, a few per day, with activities and notes."""
    rng = random.Random(seed)
    lines = []
    for number in range(rows):
        day = date(2025, 12, 31) - timedelta(days=number // 3)
        clock = f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} {rng.choice(['am', 'pm'])}"
        lines.append(f"{day.isoformat()},{day.day} {day:%B},{day:%A},{clock},"
                     f"{rng.choice(['rad', 'good', 'meh', 'bad', 'awful'])},"
                     f"\"work | friends\",\"\",\"Day {number}, some words 🙂\"")
    return daylio_csv(*lines)


def test_ten_years_of_daylio_rows_import_well_under_two_seconds(local_user):
    data = big_daylio(3650)
    services.preview_import(user=local_user, kind="daylio", data=daylio_csv())
    started, cpu = time.perf_counter(), time.process_time()
    report = services.run_import(user=local_user, kind="daylio", data=data)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(f"\n3,650 Daylio rows imported in {seconds * 1000:.0f} ms ({cpu * 1000:.0f} ms of CPU)")
    assert report.added == 3650 - report.already
    # CPU time, so a busy test machine doesn't fail it; the wall time is printed above.
    assert cpu < 2
