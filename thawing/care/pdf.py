"""The clinician report as a PDF (G1, G3): A4, one to three pages, read in two minutes.

`render_report(report)` turns a `thawing.core.report.Report` into PDF bytes, locally, with
fpdf2 imported only when a report is made. Every number is written as text (means with one
decimal, rounded half up), so it can be read, searched and copied from the PDF.

Text is set in DejaVu Sans (Bitstream Vera licence with public-domain DejaVu changes; see
`static/thawing/fonts/LICENSE-DejaVu.txt`), which covers Latin, Greek, Cyrillic, Hebrew,
Arabic letters and many symbols. A character the font lacks (Chinese, Japanese, Korean,
most colour emoji) prints as PLACEHOLDER; control characters and stray marks are dropped.
Right-to-left text is printed without shaping, letter by letter.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields, is_dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from thawing.core.report import DayPoint, Report, Summary, WeekVariety, is_empty, summarise, weekly_means

if TYPE_CHECKING:
    from fpdf import FPDF

# Every word a reader sees, together so it can be reviewed and later translated.
LABELS: dict[str, str] = {
    "document": "Thawing report",
    "title": "Thawing report for {person}",
    "range": "{start} to {end} ({days} days). Made on {made_on}.",
    "disclaimer": "Made with Thawing, a self-help app. Screening results are not a diagnosis.",
    "no_data": "There is no data in this range.",
    "no_checkins": "No check-ins were recorded in this range.",
    "days_recorded": "days with a check-in",
    "of_days": "{n} of {total}",
    "mood_mean": "average mood (1-10)",
    "feel_mean": "average ability to feel (0-10)",
    "mood_change": "mood, first half \u2192 second half",
    "feel_change": "feel, first half \u2192 second half",
    "counts": "Check-ins in all: {checkins}. Days with a \u201ccan\u2019t tell\u201d answer: {cant_tell}.",
    "safety": "PHQ-9 question 9 (thoughts of being better off dead or of self-harm) was answered "
              "above 0 on: {dates}.",
    "chart": "Mood and ability to feel, day by day",
    "legend_mood": "mood (1-10)",
    "legend_feel": "ability to feel (0-10)",
    "legend_cant_tell": "\u201ccan\u2019t tell\u201d",
    "legend_weekly": "Thick lines: weekly averages. Faint lines: each day.",
    "variety": "Feelings named",
    "variety_line": "Different emotion words named per week: {mean} on average, from {low} to {high}.",
    "top_emotions": "Named most often: {words}.",
    "word_count": "{word} ({count})",
    "screenings": "Check-up questionnaires",
    "score": "{total} of {max_total}",
    "medications": "Medicines",
    "med_started": "started {day}",
    "med_started_before": "started before these records",
    "med_stopped": "stopped {day}",
    "med_ongoing": "still taking",
    "med_changes": "Changes:",
    "signals": "Reasons to talk to a professional",
    "since": "since {day}",
    "practices": "Practices done",
    "habits": "Sleep, movement and numbing",
    "sleep": "Sleep: {hours} hours a night on average ({nights} nights logged).",
    "movement": "Movement: {minutes} minutes a week on average.",
    "numbing": "Ways of numbing logged: {kinds}.",
    "numbing_kind": "{kind} on {days} days",
    "notes": "In my own words, for my clinician",
    "journal": "Journal entries I chose to share",
    "footer": "Thawing report for {person}, {start} to {end}",
    "page": "Page {page} of {pages}",
    "none": "\u2014",
}
SCREENING_COLUMNS = ("Date", "Questionnaire", "Score", "Result")
PRACTICE_COLUMNS = ("Practice", "Sessions", "Minutes", "Feel after minus before")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

FONTS = Path(__file__).resolve().parent.parent / "static" / "thawing" / "fonts"
FAMILY = "DejaVu"
PLACEHOLDER = "\u25a1"
INK, MUTED, RULE, BOX = (34, 34, 34), (105, 105, 105), (200, 200, 200), (245, 242, 236)
MOOD, FEEL, ALERT = (33, 102, 172), (214, 96, 30), (150, 40, 40)
MARGIN, WIDTH = 15.0, 180.0
# Ranges longer than this (in days) are drawn as weekly averages over faint daily lines.
LONG_RANGE = 92


def render_report(report: Report) -> bytes:
    """The report as PDF bytes; an empty range gives a short report that says so."""
    pdf = _document(report)
    report = _cleaned(report, _glyphs(pdf))  # From here on, every piece of text can be printed.
    summary = summarise(report.days, start=report.start, end=report.end)
    _header(pdf, report)
    _summary(pdf, report, summary)
    if summary.days_recorded:
        _day_chart(pdf, report)
    for section in SECTIONS:
        section(pdf, report)
    _footers(pdf, report)
    return bytes(pdf.output())


def _document(report: Report) -> FPDF:
    from fpdf import FPDF

    pdf = FPDF(orientation="P", unit="mm", format="A4")
    # User text may contain "{nb}"; page numbers are written at the end instead.
    pdf.str_alias_nb_pages = ""
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=18)
    pdf.set_creation_date(datetime(report.made_on.year, report.made_on.month, report.made_on.day,
                                   tzinfo=UTC))
    pdf.set_creator("Thawing")
    pdf.set_title(LABELS["document"])
    pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    _font(pdf, 10)
    return pdf


def _glyphs(pdf: FPDF) -> frozenset[int]:
    """The characters both weights of the font can print."""
    from fpdf.fonts import TTFFont

    fonts = (pdf.fonts[FAMILY.lower()], pdf.fonts[FAMILY.lower() + "B"])
    return frozenset.intersection(*(frozenset(f.cmap) for f in fonts if isinstance(f, TTFFont)))


def _cleaned(value: Any, glyphs: frozenset[int]) -> Any:
    """The report with every piece of text made printable (see `_clean`)."""
    if isinstance(value, str):
        return _clean(value, glyphs)
    if isinstance(value, tuple):
        return tuple(_cleaned(item, glyphs) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _cleaned(getattr(value, f.name), glyphs) for f in fields(value)})
    return value


def _clean(text: str, glyphs: frozenset[int]) -> str:
    """Text the font can print: unknown letters become PLACEHOLDER, controls are dropped."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for char in text.replace("\t", "    "):
        kind = unicodedata.category(char)
        if char == "\n" or ord(char) in glyphs:
            out.append(char)
        elif kind in ("Zl", "Zp"):
            out.append("\n")
        elif kind == "Zs":
            out.append(" ")
        # Controls, lone surrogates, invisible formatting, combining marks and emoji
        # modifiers carry no letter of their own.
        elif kind[0] not in "CM" and kind != "Sk":
            out.append(PLACEHOLDER)
    return "".join(out)


# Small helpers shared by the sections.

def _font(pdf: FPDF, size: float, bold: bool = False, colour: tuple[int, int, int] = INK) -> None:
    pdf.set_font(FAMILY, "B" if bold else "", size)
    pdf.set_text_color(*colour)


def _num(value: float | None) -> str:
    """One decimal, rounded half up (5.25 -> 5.3); `None` is a dash."""
    if value is None:
        return LABELS["none"]
    return str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _signed(value: float | None) -> str:
    text = _num(value)
    return text if value is None or text.startswith("-") else "+" + text


def _when(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _day_month(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]}"


def _text(pdf: FPDF, text: str, size: float = 9.5, bold: bool = False, colour: tuple[int, int, int] = INK,
          height: float = 4.6) -> None:
    """A paragraph across the page; long words break where they must."""
    _font(pdf, size, bold, colour)
    pdf.set_x(MARGIN)
    pdf.multi_cell(WIDTH, height, text, align="L", new_x="LMARGIN", new_y="NEXT")


def _room(pdf: FPDF, height: float) -> None:
    """A new page when the next block would not fit on this one."""
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()


def _heading(pdf: FPDF, title: str, keep_with: float = 12) -> None:
    _room(pdf, 9 + keep_with)
    pdf.ln(3)
    _font(pdf, 11.5, bold=True)
    pdf.cell(WIDTH, 6, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.line(MARGIN, pdf.get_y(), MARGIN + WIDTH, pdf.get_y())
    pdf.ln(1.5)


def _fit(pdf: FPDF, text: str, width: float) -> str:
    """One line of text, shortened with an ellipsis to fit `width` in the current font."""
    text = " ".join(text.split())
    if pdf.get_string_width(text) <= width:
        return text
    while text and pdf.get_string_width(text + "\u2026") > width:
        text = text[:-1]
    return text + "\u2026"


def _spaced(items: Iterable[tuple[float, str]], gap: float) -> list[tuple[float, str]]:
    """Axis labels at least `gap` apart, first come first kept."""
    kept: list[tuple[float, str]] = []
    for x, label in items:
        if not kept or x - kept[-1][0] >= gap:
            kept.append((x, label))
    return kept


def _table(pdf: FPDF, columns: Sequence[str], rows: Iterable[Sequence[str]],
           widths: Sequence[float], aligns: str) -> None:
    """A plain table; `aligns` has one letter per column: L, C or R."""
    _font(pdf, 9)
    pdf.set_draw_color(*RULE)
    # fpdf2 paints cells with the current fill colour; white keeps the table plain.
    pdf.set_fill_color(255, 255, 255)
    with pdf.table(col_widths=widths, width=WIDTH, text_align=tuple(aligns), line_height=4.8,
                   borders_layout="HORIZONTAL_LINES", padding=(0.8, 1.5)) as table:
        for row in (columns, *rows):
            line = table.row()
            for cell in row:
                line.cell(cell)
    pdf.set_x(MARGIN)


# The parts of the report, top to bottom.

def _header(pdf: FPDF, report: Report) -> None:
    _text(pdf, LABELS["title"].format(person=report.person), size=16, bold=True, height=8)
    days = (report.end - report.start).days + 1
    _text(pdf, LABELS["range"].format(start=_when(report.start), end=_when(report.end), days=days,
                                      made_on=_when(report.made_on)), size=10, height=5.5)
    _text(pdf, LABELS["disclaimer"], size=8.5, colour=MUTED)
    pdf.ln(3)


def _summary(pdf: FPDF, report: Report, summary: Summary) -> None:
    """The key numbers in a box, or a plain sentence when there are none."""
    empty = is_empty(report) or not summary.days_recorded
    if empty:
        lines = [(LABELS["no_data" if is_empty(report) else "no_checkins"], 11.0, True, INK)]
    else:
        lines = [(LABELS["counts"].format(checkins=summary.checkins, cant_tell=summary.cant_tell_days),
                  8.5, False, INK)]
    if report.safety_flag_dates:
        dates = ", ".join(_when(d) for d in sorted(set(report.safety_flag_dates)))
        lines.append((LABELS["safety"].format(dates=dates), 8.5, True, ALERT))
    tiles = 0.0 if empty else 16.0
    top = pdf.get_y()
    height = 5 + tiles + sum(_boxed_line(pdf, *line, measure=True) for line in lines)
    pdf.set_fill_color(*BOX)
    pdf.set_draw_color(*RULE)
    pdf.rect(MARGIN, top, WIDTH, height, style="DF", round_corners=True, corner_radius=2)
    if not empty:
        _tiles(pdf, report, summary, top + 3)
    pdf.set_y(top + 3 + tiles)
    for line in lines:
        _boxed_line(pdf, *line)
    pdf.set_y(top + height + 2)


def _tiles(pdf: FPDF, report: Report, summary: Summary, top: float) -> None:
    days = (report.end - report.start).days + 1
    tiles = (
        (LABELS["of_days"].format(n=summary.days_recorded, total=days), LABELS["days_recorded"]),
        (_num(summary.mood_mean), LABELS["mood_mean"]),
        (_num(summary.feel_mean), LABELS["feel_mean"]),
        (f"{_num(summary.mood_first_half)} \u2192 {_num(summary.mood_second_half)}", LABELS["mood_change"]),
        (f"{_num(summary.feel_first_half)} \u2192 {_num(summary.feel_second_half)}", LABELS["feel_change"]),
    )
    width = (WIDTH - 6) / len(tiles)
    for i, (figure, label) in enumerate(tiles):
        pdf.set_xy(MARGIN + 3 + i * width, top)
        _font(pdf, 13, bold=True)
        pdf.cell(width - 2, 6.5, figure)
        pdf.set_xy(MARGIN + 3 + i * width, top + 7)
        _font(pdf, 7.5, colour=MUTED)
        pdf.multi_cell(width - 4, 3.3, label, align="L")


def _boxed_line(pdf: FPDF, text: str, size: float, bold: bool, colour: tuple[int, int, int],
                measure: bool = False) -> float:
    """A line of text inside the summary box; with `measure`, only its height."""
    _font(pdf, size, bold, colour)
    pdf.set_x(MARGIN + 3)
    height = pdf.multi_cell(WIDTH - 6, size * 0.5, text, align="L", new_x="LMARGIN",
                            new_y="NEXT", dry_run=measure, output="HEIGHT")
    return float(cast(float, height))


def _day_chart(pdf: FPDF, report: Report) -> None:
    height, left, right = 48.0, MARGIN + 9, MARGIN + WIDTH
    _heading(pdf, LABELS["chart"], keep_with=height + 16)
    top = pdf.get_y() + 3
    bottom, span = top + height, (report.end - report.start).days + 1
    step = (right - left) / span

    def x_of(day: date) -> float:
        return left + ((day - report.start).days + 0.5) * step

    def y_of(value: float) -> float:
        return bottom - min(max(value, 0), 10) / 10 * height

    _font(pdf, 7, colour=MUTED)
    pdf.set_line_width(0.15)
    pdf.set_draw_color(225, 225, 225)
    for value in range(0, 11, 2):
        pdf.line(left, y_of(value), right, y_of(value))
        pdf.text(left - 2 - pdf.get_string_width(str(value)), y_of(value) + 1.2, str(value))
    days = [p for p in report.days if report.start <= p.day <= report.end]
    weekly = span > LONG_RANGE
    for colour, attribute in ((FEEL, "feel_mean"), (MOOD, "mood_mean")):
        if weekly:
            # A year of daily lines is a blur: days stay faint under a weekly average.
            _plot(pdf, days, attribute, _faint(colour), x_of, y_of, width=0.2)
            _plot(pdf, weekly_means(days, start=report.start), attribute, colour,
                  lambda d: x_of(min(d + timedelta(days=3), report.end)), y_of, step=7, width=0.6)
        else:
            _plot(pdf, days, attribute, colour, x_of, y_of)
    pdf.set_fill_color(*MUTED)
    for point in days:
        if point.cant_tell:
            _triangle(pdf, x_of(point.day), bottom + 2.5)
    ticks = _spaced(((x_of(d), _day_month(d)) for d in _tick_days(report.start, report.end)), 12)
    _font(pdf, 7, colour=MUTED)
    for x, label in ticks:
        pdf.set_draw_color(*RULE)
        pdf.line(x, bottom, x, bottom + 1)
        pdf.text(max(left, min(x - pdf.get_string_width(label) / 2, right - pdf.get_string_width(label))),
                 bottom + 7.5, label)
    pdf.set_y(bottom + 10)
    _legend(pdf, weekly)


def _plot(pdf: FPDF, points: Sequence[DayPoint], attribute: str, colour: tuple[int, int, int],
          x_of: Callable[[date], float], y_of: Callable[[float], float], step: int = 1,
          width: float = 0.45) -> None:
    """One line per run of rated points `step` days apart: a point without a rating leaves a gap."""
    runs: list[list[tuple[float, float]]] = []
    previous: date | None = None
    for point in sorted(points, key=lambda p: p.day):
        value = getattr(point, attribute)
        if value is None:
            continue
        if previous is None or (point.day - previous).days != step:
            runs.append([])
        runs[-1].append((x_of(point.day), y_of(value)))
        previous = point.day
    pdf.set_draw_color(*colour)
    pdf.set_fill_color(*colour)
    pdf.set_line_width(width)
    for run in runs:
        if len(run) == 1:
            (x, y), = run
            pdf.ellipse(x - 0.6, y - 0.6, 1.2, 1.2, style="F")
        else:
            pdf.polyline(run)


def _faint(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    return (colour[0] + 255 * 2) // 3, (colour[1] + 255 * 2) // 3, (colour[2] + 255 * 2) // 3


def _triangle(pdf: FPDF, x: float, y: float) -> None:
    pdf.polyline([(x - 0.8, y + 0.7), (x + 0.8, y + 0.7), (x, y - 0.7)], polygon=True, style="F")


def _tick_days(start: date, end: date) -> list[date]:
    """The first day, then month starts (long ranges) or Mondays (short ones)."""
    long = (end - start).days > 62
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    return [start] + [d for d in days[1:] if (d.day == 1 if long else d.weekday() == 0)]


def _legend(pdf: FPDF, weekly: bool) -> None:
    _font(pdf, 7.5, colour=MUTED)
    x, y = MARGIN + 9, pdf.get_y()
    for colour, label in ((MOOD, LABELS["legend_mood"]), (FEEL, LABELS["legend_feel"])):
        pdf.set_draw_color(*colour)
        pdf.set_line_width(0.6)
        pdf.line(x, y + 2, x + 6, y + 2)
        pdf.text(x + 7.5, y + 3, label)
        x += 12 + pdf.get_string_width(label)
    pdf.set_fill_color(*MUTED)
    _triangle(pdf, x + 2, y + 2)
    pdf.text(x + 4.5, y + 3, LABELS["legend_cant_tell"])
    if weekly:
        x += 10 + pdf.get_string_width(LABELS["legend_cant_tell"])
        pdf.text(x, y + 3, LABELS["legend_weekly"])
    pdf.set_y(y + 5)


def _variety(pdf: FPDF, report: Report) -> None:
    weeks = sorted(report.weekly_variety, key=lambda w: w.week_start)
    if not any(w.words for w in weeks) and not report.top_emotions:
        return
    _heading(pdf, LABELS["variety"], keep_with=34)
    if any(w.words for w in weeks):
        counts = [w.words for w in weeks]
        _text(pdf, LABELS["variety_line"].format(mean=_num(sum(counts) / len(counts)), low=min(counts),
                                                 high=max(counts)))
        _bars(pdf, weeks)
    if report.top_emotions:
        words = "; ".join(LABELS["word_count"].format(word=e.word, count=e.count)
                          for e in report.top_emotions)
        _text(pdf, LABELS["top_emotions"].format(words=words))


def _bars(pdf: FPDF, weeks: Sequence[WeekVariety]) -> None:
    height, left = 16.0, MARGIN + 9
    slot = min(9.0, (WIDTH - 9) / len(weeks))
    top = pdf.get_y() + 4
    bottom, highest = top + height, max(w.words for w in weeks)
    pdf.set_fill_color(*MOOD)
    for i, week in enumerate(weeks):
        x, bar = left + i * slot, week.words / highest * height
        pdf.rect(x + slot * 0.15, bottom - bar, slot * 0.7, bar, style="F")
        if slot >= 3:
            _font(pdf, 6 if slot < 5 else 7, colour=MUTED)
            label = str(week.words)
            pdf.text(x + (slot - pdf.get_string_width(label)) / 2, bottom - bar - 0.8, label)
    pdf.set_draw_color(*RULE)
    pdf.line(left, bottom, left + slot * len(weeks), bottom)
    _font(pdf, 7, colour=MUTED)
    for x, label in _spaced(((left + i * slot, _day_month(w.week_start)) for i, w in enumerate(weeks)), 16):
        pdf.text(x, bottom + 3.5, label)
    pdf.set_y(bottom + 5.5)


def _screenings(pdf: FPDF, report: Report) -> None:
    if not report.screenings:
        return
    _heading(pdf, LABELS["screenings"], keep_with=15)
    rows = [(_when(s.day), s.instrument, LABELS["score"].format(total=s.total, max_total=s.max_total), s.band)
            for s in sorted(report.screenings, key=lambda s: (s.day, s.instrument))]
    _table(pdf, SCREENING_COLUMNS, rows, (32, 48, 30, 70), aligns="LLCL")


def _medications(pdf: FPDF, report: Report) -> None:
    if not report.medications:
        return
    _heading(pdf, LABELS["medications"], keep_with=10 + 6 * len(report.medications))
    label_width, left, right = 52.0, MARGIN + 55, MARGIN + WIDTH
    span = (report.end - report.start).days + 1

    def x_of(day: date, end: bool = False) -> float:
        offset = min(max((day - report.start).days + (1 if end else 0), 0), span)
        return left + offset / span * (right - left)

    _font(pdf, 7, colour=MUTED)
    y = pdf.get_y() + 1
    pdf.text(left, y + 2, _when(report.start))
    pdf.text(right - pdf.get_string_width(_when(report.end)), y + 2, _when(report.end))
    y += 4
    for med in report.medications:
        if y + 6 > pdf.page_break_trigger:
            pdf.add_page()
            y = pdf.get_y()
        _font(pdf, 8.5)
        pdf.set_xy(MARGIN, y)
        pdf.cell(label_width, 5, _fit(pdf, f"{med.name} {med.dose}".strip(), label_width))
        pdf.set_fill_color(232, 232, 232)
        pdf.rect(left, y + 1.8, right - left, 1.4, style="F")
        start, stop = med.start or report.start, med.stop or report.end
        if start <= report.end and stop >= report.start:
            pdf.set_fill_color(*MOOD)
            pdf.rect(x_of(start), y + 1, max(x_of(stop, end=True) - x_of(start), 0.8), 3, style="F")
        pdf.set_draw_color(*INK)
        pdf.set_line_width(0.5)
        for change in med.changes:
            if report.start <= change.day <= report.end:
                pdf.line(x_of(change.day), y + 0.2, x_of(change.day), y + 4.8)
        y += 6
    pdf.set_y(y + 1)
    for med in report.medications:
        started = (LABELS["med_started"].format(day=_when(med.start)) if med.start
                   else LABELS["med_started_before"])
        stopped = LABELS["med_stopped"].format(day=_when(med.stop)) if med.stop else LABELS["med_ongoing"]
        line = f"{med.name} {med.dose}".strip() + f": {started}, {stopped}."
        changes = "; ".join(f"{_when(c.day)}: {c.text}" for c in sorted(med.changes, key=lambda c: c.day))
        _text(pdf, f"{line} {LABELS['med_changes']} {changes}." if changes else line, size=9)


def _signals(pdf: FPDF, report: Report) -> None:
    if not report.signals:
        return
    _heading(pdf, LABELS["signals"])
    for signal in report.signals:
        since = f" ({LABELS['since'].format(day=_when(signal.since))})" if signal.since else ""
        _text(pdf, signal.title + since, size=9.5, bold=True)
        _text(pdf, signal.why, size=9, colour=MUTED)
        pdf.ln(1)


def _practices(pdf: FPDF, report: Report) -> None:
    if not report.practices:
        return
    _heading(pdf, LABELS["practices"], keep_with=15)
    rows = [(p.name, str(p.sessions), str(p.minutes), _signed(p.feel_change_mean)) for p in report.practices]
    _table(pdf, PRACTICE_COLUMNS, rows, (80, 25, 25, 50), aligns="LRRR")


def _habits(pdf: FPDF, report: Report) -> None:
    habits = report.habits
    if habits is None or not habits.logged:
        return
    _heading(pdf, LABELS["habits"])
    if habits.nights_logged or habits.sleep_hours_mean is not None:
        _text(pdf, LABELS["sleep"].format(hours=_num(habits.sleep_hours_mean), nights=habits.nights_logged))
    if habits.movement_minutes_per_week is not None:
        _text(pdf, LABELS["movement"].format(minutes=_num(habits.movement_minutes_per_week)))
    kinds = "; ".join(LABELS["numbing_kind"].format(kind=n.kind, days=n.days)
                      for n in habits.numbing_days if n.days)
    if kinds:
        _text(pdf, LABELS["numbing"].format(kinds=kinds))


def _notes(pdf: FPDF, report: Report) -> None:
    if report.notes_for_clinician.strip():
        _heading(pdf, LABELS["notes"])
        _text(pdf, report.notes_for_clinician.strip())


def _journal(pdf: FPDF, report: Report) -> None:
    if not report.journal:
        return
    _heading(pdf, LABELS["journal"])
    for entry in sorted(report.journal, key=lambda e: e.day):
        _text(pdf, " \u00b7 ".join(filter(None, (_when(entry.day), entry.title.strip()))), bold=True)
        _text(pdf, entry.text.strip(), size=9)
        pdf.ln(1.5)


def _footers(pdf: FPDF, report: Report) -> None:
    """Page numbers and the range on every page, once the number of pages is known."""
    pages = pdf.pages_count
    pdf.set_auto_page_break(False)
    _font(pdf, 7.5, colour=MUTED)
    footer = _fit(pdf, LABELS["footer"].format(person=report.person, start=_when(report.start),
                                               end=_when(report.end)), WIDTH - 30)
    for page in range(1, pages + 1):
        pdf.page = page
        number = LABELS["page"].format(page=page, pages=pages)
        pdf.text(MARGIN, pdf.h - 9, footer)
        pdf.text(MARGIN + WIDTH - pdf.get_string_width(number), pdf.h - 9, number)


SECTIONS = (_variety, _screenings, _medications, _signals, _practices, _habits, _notes, _journal)
