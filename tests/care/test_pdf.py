"""The clinician report: its numbers, and a PDF whose text says them back (G1, G3).

No database: every report is built by hand, and the PDF is read back with pypdf.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.test_tone import UNKIND
from thawing.care.pdf import LABELS, MONTHS, PLACEHOLDER, PRACTICE_COLUMNS, SCREENING_COLUMNS, render_report
from thawing.core.errors import InvalidInput
from thawing.core.report import (
    DayPoint,
    EmotionCount,
    HabitSummary,
    JournalLine,
    MedicationChange,
    MedicationLine,
    NumbingDays,
    PracticeLine,
    Report,
    ScreeningLine,
    SignalLine,
    WeekVariety,
    is_empty,
    summarise,
    weekly_means,
)

START = date(2025, 3, 3)


def day(n: int) -> date:
    return START + timedelta(days=n)


def bare(length: int = 28, **fields) -> Report:
    """A report of `length` days from START with only the given fields."""
    return Report(person="Sam", made_on=day(length), start=START, end=day(length - 1), **fields)


def full(length: int = 28) -> Report:
    """Four weeks: mood 4 and feel 2 in the first half, mood 6 and feel 5 in the second."""
    half = length // 2
    points = tuple(DayPoint(day(i), 4.0 if i < half else 6.0, 2.0 if i < half else 5.0, 2, 0)
                   for i in range(length) if i not in (5, 6))
    return bare(
        length,
        days=points + (DayPoint(day(6), None, None, 1, 1),),
        weekly_variety=tuple(WeekVariety(day(7 * w), 3 + w) for w in range(length // 7)),
        top_emotions=(EmotionCount("tired", 11), EmotionCount("calm", 4)),
        screenings=(ScreeningLine(day(1), "PHQ-9", 14, 27, "Moderate"),
                    ScreeningLine(day(20), "GAD-7", 4, 21, "Minimal")),
        medications=(MedicationLine("Sertraline", "50 mg", day(-40), None,
                                    (MedicationChange(day(10), "raised to 100 mg"),)),
                     MedicationLine("Propranolol", "10 mg", day(12), day(19))),
        signals=(SignalLine("Numb for more than two weeks", day(2), "Feel has been 2 or lower."),),
        practices=(PracticeLine("Body scan", 6, 75, 1.25), PracticeLine("Cold water", 2, 4, -0.35)),
        habits=HabitSummary(6.84, 20, 120.0, (NumbingDays("alcohol", 3),)),
        notes_for_clinician="I would like to talk about the new dose.",
        journal=(JournalLine(day(8), "A grey day", "Walked to the shop and felt a flicker."),),
        safety_flag_dates=(day(1),),
    )


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text(pdf: bytes) -> str:
    """All the PDF's text with runs of whitespace made single spaces."""
    return re.sub(r"\s+", " ", " ".join(pages(pdf)))


# The numbers.

def test_summary_means_count_each_day_once_and_split_the_range_in_half():
    summary = summarise(full().days, start=START, end=day(27))
    assert summary.days_recorded == 27
    assert summary.checkins == 26 * 2 + 1
    assert summary.cant_tell_days == 1
    assert summary.mood_mean == pytest.approx((12 * 4 + 14 * 6) / 26)
    assert (summary.mood_first_half, summary.mood_second_half) == (4.0, 6.0)
    assert (summary.feel_first_half, summary.feel_second_half) == (2.0, 5.0)


def test_with_an_odd_number_of_days_the_middle_day_is_in_the_first_half():
    days = [DayPoint(day(0), 2.0), DayPoint(day(1), 4.0), DayPoint(day(2), 9.0)]
    summary = summarise(days, start=day(0), end=day(2))
    assert (summary.mood_first_half, summary.mood_second_half) == (3.0, 9.0)


def test_a_half_without_ratings_has_no_mean_rather_than_zero():
    summary = summarise([DayPoint(day(20), 5.0, None, 1)], start=START, end=day(27))
    assert (summary.mood_first_half, summary.mood_second_half) == (None, 5.0)
    assert summary.feel_mean is None


def test_days_outside_the_range_are_left_out_of_the_summary():
    days = [DayPoint(day(-1), 1.0, 1.0, 1), DayPoint(day(0), 5.0, 5.0, 1), DayPoint(day(9), 1.0, 1.0, 1)]
    summary = summarise(days, start=day(0), end=day(7))
    assert (summary.days_recorded, summary.mood_mean) == (1, 5.0)


def test_no_days_summarise_to_zero_days_and_no_means():
    summary = summarise([])
    assert (summary.days_recorded, summary.checkins, summary.mood_mean) == (0, 0, None)


def test_a_cant_tell_day_counts_as_recorded_but_not_in_the_means():
    summary = summarise([DayPoint(day(0), None, None, 1, 1), DayPoint(day(1), 7.0, 3.0, 1)])
    assert (summary.days_recorded, summary.cant_tell_days, summary.mood_mean) == (2, 1, 7.0)


def test_weekly_means_are_seven_day_blocks_from_the_start():
    days = [DayPoint(day(0), 2.0, 1.0, 1), DayPoint(day(6), 4.0, None, 2), DayPoint(day(15), 8.0, 6.0, 1, 1)]
    assert weekly_means(days, start=START) == (DayPoint(day(0), 3.0, 1.0, 3, 0),
                                               DayPoint(day(14), 8.0, 6.0, 1, 1))


def test_a_report_with_nothing_recorded_is_empty_even_with_medicines_and_notes():
    assert is_empty(bare())
    assert is_empty(bare(medications=(MedicationLine("Sertraline"),), notes_for_clinician="Hello"))
    assert not is_empty(bare(days=(DayPoint(day(3), None, None, 1, 1),)))
    assert not is_empty(bare(screenings=(ScreeningLine(day(1), "PHQ-9", 3, 27, "Minimal"),)))


def test_a_range_that_ends_before_it_starts_is_refused():
    with pytest.raises(InvalidInput):
        Report(person="Sam", made_on=START, start=day(5), end=day(1))


def test_the_persons_own_words_never_appear_in_a_repr():
    report = full()
    assert "felt a flicker" not in repr(report)
    assert "grey day" not in repr(report)
    assert "new dose" not in repr(report)


# The PDF.

@pytest.mark.practice("G1")
def test_the_report_says_its_key_numbers_as_text():
    pdf = render_report(full())
    assert pdf.startswith(b"%PDF-")
    words = text(pdf)
    assert "Thawing report for Sam" in words
    assert "3 Mar 2025 to 30 Mar 2025 (28 days). Made on 31 Mar 2025." in words
    assert "Screening results are not a diagnosis." in words
    assert "27 of 28" in words
    assert "5.1 average mood (1-10)" in words  # (12 * 4 + 14 * 6) / 26 = 5.08
    assert "3.6 average ability to feel (0-10)" in words  # (12 * 2 + 14 * 5) / 26 = 3.62
    assert "4.0 → 6.0" in words and "2.0 → 5.0" in words
    assert "Check-ins in all: 53. Days with a “can’t tell” answer: 1." in words


@pytest.mark.practice("G1")
def test_screenings_signals_and_the_safety_item_are_dated():
    words = text(render_report(full()))
    assert "4 Mar 2025 PHQ-9 14 of 27 Moderate" in words
    assert "23 Mar 2025 GAD-7 4 of 21 Minimal" in words
    assert "Numb for more than two weeks (since 5 Mar 2025)" in words
    assert "was answered above 0 on: 4 Mar 2025." in words


# Tag with @pytest.mark.practice("G3") once docs/traceability.md marks G3 as served.
def test_medicines_are_drawn_over_the_range_and_their_changes_dated():
    words = text(render_report(full()))
    assert "Sertraline 50 mg: started 22 Jan 2025, still taking." in words
    assert "13 Mar 2025: raised to 100 mg" in words
    assert "Propranolol 10 mg: started 15 Mar 2025, stopped 22 Mar 2025." in words


def test_practices_habits_variety_notes_and_journal_are_all_there():
    words = text(render_report(full()))
    assert "Body scan 6 75 +1.3" in words
    assert "Cold water 2 4 -0.4" in words
    assert "Sleep: 6.8 hours a night on average (20 nights logged)." in words
    assert "Movement: 120.0 minutes a week on average." in words
    assert "alcohol on 3 days" in words
    assert "4.5 on average, from 3 to 6" in words
    assert "tired (11); calm (4)" in words
    assert "I would like to talk about the new dose." in words
    assert "11 Mar 2025 · A grey day Walked to the shop and felt a flicker." in words
    assert words.index(LABELS["journal"]) > words.index(LABELS["notes"])


def test_means_are_printed_with_one_decimal_rounded_half_up():
    days = (DayPoint(day(0), 5.0, 0.0, 1), DayPoint(day(1), 5.5, 0.5, 1))
    words = text(render_report(bare(2, days=days)))
    assert "5.3 average mood" in words and "0.3 average ability" in words


def test_the_journal_is_left_out_unless_the_person_shared_it():
    words = text(render_report(replace(full(), journal=())))
    assert LABELS["journal"] not in words and "grey day" not in words


def test_an_empty_range_says_so_and_draws_no_charts():
    report = bare(medications=(MedicationLine("Sertraline", "50 mg"),))
    read = pages(render_report(report))
    words = " ".join(read)
    assert len(read) == 1
    assert LABELS["no_data"] in words
    assert LABELS["chart"] not in words and LABELS["variety"] not in words
    assert "average mood" not in words
    assert "Sertraline" in words


def test_days_that_only_say_cant_tell_have_no_averages_and_no_crash():
    days = tuple(DayPoint(day(i), None, None, 1, 1) for i in range(5))
    words = text(render_report(bare(7, days=days)))
    assert "5 of 7" in words and "— average mood" in words
    assert "Days with a “can’t tell” answer: 5." in words


def test_days_and_medicines_outside_the_range_do_not_break_the_drawing():
    report = bare(7, days=(DayPoint(day(-3), 5.0, 5.0, 1), DayPoint(day(2), 6.0, 4.0, 1),
                           DayPoint(day(30), 1.0, 1.0, 1)),
                  medications=(MedicationLine("Old", "1 mg", day(-90), day(-60)),
                               MedicationLine("Later", "2 mg", day(40), None,
                                              (MedicationChange(day(50), "up"),))))
    words = text(render_report(report))
    assert "1 of 7" in words and "6.0 average mood" in words
    assert "Old 1 mg: started 3 Dec 2024, stopped 2 Jan 2025." in words


def test_unusual_unicode_prints_or_becomes_a_placeholder_without_crashing():
    odd = ("Zoë café — naïve Ωμέγα Привет שלום 😀 日本 👍🏽 e\u0301 \ud800 \x00\x07\t{nb}\u200d\u2028end")
    report = replace(full(), person="Zoë 日本", notes_for_clinician=odd,
                     medications=(MedicationLine(odd, odd, None, None, (MedicationChange(day(3), odd),)),),
                     journal=(JournalLine(day(1), odd, odd),))
    words = text(render_report(report))
    assert "Zoë café — naïve Ωμέγα Привет" in words
    assert "Thawing report for Zoë " + PLACEHOLDER * 2 in words
    assert "{nb}" in words  # not taken for fpdf2's page-count alias
    assert "\ud800" not in words and "\x07" not in words


def test_a_very_long_word_wraps_instead_of_running_off_the_page():
    word = "numb" * 120
    read = " ".join(pages(render_report(replace(full(), notes_for_clinician=word))))
    assert word not in read
    assert word in re.sub(r"\s+", "", read)


def test_many_medicines_carry_their_timeline_onto_the_next_page():
    meds = tuple(MedicationLine(f"Medicine {i}", "5 mg", day(i)) for i in range(45))
    words = text(render_report(replace(full(), medications=meds)))
    assert "Medicine 44 5 mg: started 16 Apr 2025, still taking." in words


def test_a_year_fits_in_three_pages_well_within_the_time_budget():
    days = tuple(DayPoint(day(i), 1 + i % 10, i % 11, 1 + i % 3, int(i % 17 == 0))
                 for i in range(365) if i % 9)
    weeks = tuple(WeekVariety(day(7 * w), w % 8) for w in range(53))
    report = replace(full(365), days=days, weekly_variety=weeks)
    render_report(report)  # The first call loads fpdf2 and the fonts.
    started = time.perf_counter()
    pdf = render_report(report)
    elapsed = time.perf_counter() - started
    assert elapsed < 3.0
    assert 1 <= len(pages(pdf)) <= 3
    assert LABELS["legend_weekly"] in text(pdf)


def test_the_same_report_always_gives_the_same_bytes():
    assert render_report(full()) == render_report(full())


def test_every_page_is_numbered():
    read = pages(render_report(replace(full(), notes_for_clinician="Many words. " * 700)))
    assert len(read) >= 2
    for number, page in enumerate(read, 1):
        assert f"Page {number} of {len(read)}" in page


def test_the_report_wording_is_kind():
    copy = " ".join([*LABELS.values(), *SCREENING_COLUMNS, *PRACTICE_COLUMNS, *MONTHS]).lower()
    assert [p for p in UNKIND if re.search(p, copy)] == []


def test_importing_the_renderer_does_not_load_fpdf():
    code = "import sys, thawing.care.pdf; print('fpdf' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "False", result.stderr


def test_the_font_ships_with_its_licence():
    fonts = Path(__file__).resolve().parents[2] / "thawing" / "static" / "thawing" / "fonts"
    assert (fonts / "DejaVuSans.ttf").exists() and (fonts / "DejaVuSans-Bold.ttf").exists()
    assert "Bitstream Vera" in (fonts / "LICENSE-DejaVu.txt").read_text()
