"""Chart geometry for server-drawn SVG (H2, G3): the same numbers the PDF report uses.

Only coordinates are computed here; the templates draw them with a title, a description and
a data table beside each chart, so the charts need no JavaScript and read in any theme.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

LEFT, RIGHT, TOP, BOTTOM = 34, 10, 10, 26
BAND_HEIGHT = 16


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[tuple[date, float | None], ...]
    css: str = ""


@dataclass(frozen=True)
class Band:
    """A stretch of days drawn under the plot, e.g. a medicine from start to stop."""

    label: str
    start: date
    end: date


@dataclass(frozen=True)
class DrawnSeries:
    name: str
    css: str
    path: str
    dots: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class DrawnBand:
    label: str
    x: float
    y: float
    width: float


@dataclass(frozen=True)
class LineChart:
    width: int
    height: int
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    series: tuple[DrawnSeries, ...]
    x_ticks: tuple[tuple[float, date], ...]
    y_ticks: tuple[tuple[float, float], ...]
    bands: tuple[DrawnBand, ...]
    marks: tuple[tuple[float, date], ...]


def _x(day: date, start: date, span: int, left: float, right: float) -> float:
    return round(left + (day - start).days / span * (right - left), 1) if span else left


def line_chart(
    series: Sequence[Series],
    *,
    start: date,
    end: date,
    low: float,
    high: float,
    width: int = 640,
    height: int = 220,
    bands: Sequence[Band] = (),
    marks: Sequence[date] = (),
    y_step: float = 2,
    dots: bool = True,
) -> LineChart:
    """Lines that break where a day has no value, date ticks, y ticks and bands below the plot."""
    total_height = height + len(bands) * BAND_HEIGHT
    left, top, right, bottom = LEFT, TOP, width - RIGHT, height - BOTTOM
    span = max((end - start).days, 1)

    def y(value: float) -> float:
        return round(bottom - (value - low) / (high - low) * (bottom - top), 1)

    drawn = []
    for one in series:
        parts: list[str] = []
        points: list[tuple[float, float]] = []
        previous: date | None = None
        for day, value in sorted(one.points):
            if value is None or not start <= day <= end:
                previous = None
                continue
            x, y_value = _x(day, start, span, left, right), y(value)
            # A missing day breaks the line: nothing is drawn that wasn't noted.
            joined = previous is not None and (day - previous).days == 1
            parts.append(f"{'L' if joined else 'M'}{x},{y_value}")
            points.append((x, y_value))
            previous = day
        drawn.append(DrawnSeries(one.name, one.css, " ".join(parts), tuple(points) if dots else ()))
    step = max(1, span // 6)
    x_ticks = tuple((_x(start + timedelta(days=i), start, span, left, right), start + timedelta(days=i))
                    for i in range(0, span + 1, step))
    y_ticks = []
    value = low
    while value <= high + 1e-9:
        y_ticks.append((y(value), value))
        value += y_step
    drawn_bands = []
    for index, band in enumerate(bands):
        first, last = max(band.start, start), min(band.end, end)
        if first > last:
            continue
        x1, x2 = _x(first, start, span, left, right), _x(last, start, span, left, right)
        drawn_bands.append(DrawnBand(band.label, x1, height + index * BAND_HEIGHT, max(x2 - x1, 2.0)))
    return LineChart(width, total_height, (left, top, right, bottom), tuple(drawn), x_ticks,
                     tuple(y_ticks), tuple(drawn_bands),
                     tuple((_x(d, start, span, left, right), d) for d in marks if start <= d <= end))


@dataclass(frozen=True)
class Cell:
    """One day of a calendar heatmap: column (week), row (weekday), and a level 0-4.

    `level` None means no rating that day; `cant_tell` marks a day answered only "can't tell".
    """

    x: int
    y: int
    day: date
    value: float | None
    level: int | None
    cant_tell: bool


def calendar_heatmap(
    values: dict[date, float | None], *, end: date, weeks: int = 53, low: float = 0, high: float = 10,
    cant_tell: frozenset[date] | set[date] = frozenset(),
) -> list[Cell]:
    """Weeks as columns (Monday on top) ending with the week of `end`; levels split low..high in five."""
    last_monday = end - timedelta(days=end.weekday())
    first = last_monday - timedelta(weeks=weeks - 1)
    cells = []
    for offset in range((end - first).days + 1):
        day = first + timedelta(days=offset)
        value = values.get(day)
        level = None if value is None else min(4, int((value - low) / (high - low) * 5))
        cells.append(Cell(offset // 7, offset % 7, day, value, level, value is None and day in cant_tell))
    return cells
