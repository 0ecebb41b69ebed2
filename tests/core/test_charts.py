from __future__ import annotations

from datetime import date, timedelta

from thawing.core.charts import Band, Series, line_chart

START = date(2026, 3, 1)


def test_a_missing_day_breaks_the_line():
    points = ((START, 2.0), (START + timedelta(days=1), 4.0), (START + timedelta(days=3), 6.0))
    chart = line_chart([Series("feel", points)], start=START, end=START + timedelta(days=3), low=0, high=10)
    [drawn] = chart.series
    assert [part[0] for part in drawn.path.split()] == ["M", "L", "M"]
    assert len(drawn.dots) == 3


def test_values_map_onto_the_plot_from_bottom_to_top():
    chart = line_chart([Series("mood", ((START, 0.0), (START + timedelta(days=10), 10.0)))],
                       start=START, end=START + timedelta(days=10), low=0, high=10)
    left, top, right, bottom = chart.plot
    assert chart.series[0].dots == ((left, bottom), (right, top))


def test_none_values_and_days_outside_the_range_are_not_drawn():
    chart = line_chart([Series("mood", ((START, None), (START - timedelta(days=1), 5.0)))],
                       start=START, end=START + timedelta(days=5), low=1, high=10)
    assert chart.series[0].path == "" and chart.series[0].dots == ()


def test_bands_are_clipped_to_the_range_and_stack_below_the_plot():
    bands = [Band("A", START - timedelta(days=30), START + timedelta(days=2)),
             Band("B", START + timedelta(days=50), START + timedelta(days=60))]
    chart = line_chart([], start=START, end=START + timedelta(days=10), low=0, high=10, bands=bands)
    assert [b.label for b in chart.bands] == ["A"]
    assert chart.bands[0].x == chart.plot[0] and chart.height == 220 + 2 * 16


def test_y_ticks_cover_the_scale():
    chart = line_chart([], start=START, end=START, low=0, high=10)
    assert [v for _, v in chart.y_ticks] == [0, 2, 4, 6, 8, 10]


def test_heatmap_puts_mondays_on_top_and_ends_with_the_last_week():
    from thawing.core.charts import calendar_heatmap

    end = date(2026, 3, 18)  # a Wednesday
    cells = calendar_heatmap({end: 10.0, date(2026, 3, 16): 0.0, date(2026, 3, 17): None}, end=end, weeks=2,
                             cant_tell={date(2026, 3, 17)})
    assert len(cells) == 7 + 3 and cells[0].day == date(2026, 3, 9) and cells[0].y == 0
    by_day = {c.day: c for c in cells}
    assert (by_day[end].x, by_day[end].y, by_day[end].level) == (1, 2, 4)
    assert by_day[date(2026, 3, 16)].level == 0
    assert by_day[date(2026, 3, 17)].cant_tell and by_day[date(2026, 3, 17)].level is None
