"""Honest statistics for insights (H2): published vectors, thresholds, bad input, properties."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thawing.core.insights import (
    LOW_CONFIDENCE_BELOW,
    MIN_DAYS_EACH_SIDE,
    MIN_EMOTIONS_DIFFERENTIATION,
    MIN_OCCASIONS_DIFFERENTIATION,
    MIN_POINTS_INERTIA,
    MIN_POINTS_SPREAD,
    NO_VARIATION,
    NOT_ENOUGH_DATA,
    OK,
    TOO_FEW_EMOTIONS,
    UNDEFINED,
    before_after,
    compare_days,
    daily_means,
    emotion_differentiation,
    inertia,
    mssd,
    rmssd,
    rolling_mean,
    variability,
    weekly_variety,
    what_helps,
)

pytestmark = pytest.mark.practice("H2")

# Shrout & Fleiss (1979): six targets rated by four judges (clinical.md section 2).
SHROUT_FLEISS = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
START = date(2025, 1, 6)

# Ratings on a quarter-point grid add and subtract exactly, so properties can compare with ==.
quarters = st.integers(-400, 400).map(lambda v: v / 4)
ratings_with_gaps = st.lists(st.one_of(quarters, st.none()), min_size=0, max_size=80)
# Any float at all, with NaN, infinities and 1e308 among them: results must stay finite or None.
messy = st.lists(st.one_of(st.none(), st.floats(), st.integers(0, 10)), max_size=70)


def _finite_or_none(result: object) -> bool:
    return all(v is None or math.isfinite(v) for v in vars(result).values() if isinstance(v, float | None))


def _days(n: int, start: date = START) -> list[date]:
    return [start + timedelta(days=i) for i in range(n)]


# ---------------------------------------------------------------- MSSD, SD, inertia


@pytest.mark.parametrize(
    "series, expected",
    [([10, 10, 10, 20, 20, 20, 30, 30, 30], 25.0), ([20, 10, 30, 10, 30, 20, 30, 20, 10], 212.5)],
)
def test_mssd_matches_the_published_reat_examples(series, expected):
    result = mssd(series, min_points=2)
    assert result.value == pytest.approx(expected)
    assert (result.n, result.pairs, result.status) == (9, 8, OK)


def test_the_reat_examples_are_too_short_to_show_by_default():
    result = mssd([10, 10, 10, 20, 20, 20, 30, 30, 30])
    assert (result.value, result.status, result.n) == (None, NOT_ENOUGH_DATA, 9)


def test_mssd_skips_every_pair_that_touches_a_cant_tell():
    result = mssd([1, 2, None, 5, 7, None, None, 4], min_points=2)
    assert result.value == pytest.approx((1 + 4) / 2)
    assert (result.n, result.pairs) == (4, 2)


def test_rmssd_is_the_root_of_mssd():
    series = [20, 10, 30, 10, 30, 20, 30, 20, 10, 20]
    assert rmssd(series).value == pytest.approx(math.sqrt(mssd(series).value))


def test_variability_is_the_sample_sd_of_the_rated_values():
    series = [3, None, 5, 6, 2, 8, 7, None, 4, 5, 6, 9]
    result = variability(series)
    assert result.value == pytest.approx(np.std([v for v in series if v is not None], ddof=1))
    assert (result.n, result.status) == (10, OK)


@pytest.mark.parametrize(
    "n, status, low_confidence",
    [(MIN_POINTS_SPREAD - 1, NOT_ENOUGH_DATA, True), (MIN_POINTS_SPREAD, OK, True),
     (LOW_CONFIDENCE_BELOW - 1, OK, True), (LOW_CONFIDENCE_BELOW, OK, False)],
)
def test_spread_needs_ten_ratings_and_is_low_confidence_below_thirty(n, status, low_confidence):
    series = [float(i % 4) for i in range(n)]
    for result in (variability(series), mssd(series)):
        assert (result.status, result.low_confidence, result.n) == (status, low_confidence, n)
        assert (result.value is None) == (status == NOT_ENOUGH_DATA)


def test_inertia_needs_fifty_ratings_in_pairs():
    series = [float(i % 3) for i in range(MIN_POINTS_INERTIA)]
    assert inertia(series[:-1]).status == NOT_ENOUGH_DATA
    assert inertia(series).status == OK


def test_inertia_of_an_alternating_series_is_minus_one_and_of_slow_waves_is_high():
    assert inertia([1.0, 5.0] * 30).value == pytest.approx(-1.0)
    waves = [math.sin(i / 10) for i in range(200)]
    assert inertia(waves).value > 0.9


@pytest.mark.parametrize("series", [[], [None] * 60, [math.nan] * 60, [4.0]])
def test_all_cant_tell_or_nothing_is_not_enough_data_for_every_metric(series):
    for result in (variability(series), mssd(series), rmssd(series), inertia(series)):
        assert (result.value, result.status, result.low_confidence) == (None, NOT_ENOUGH_DATA, True)


def test_a_series_that_never_changes_has_zero_spread_and_no_inertia():
    flat = [6.0] * 60
    assert (variability(flat).value, variability(flat).status) == (0.0, NO_VARIATION)
    assert (mssd(flat).value, mssd(flat).status) == (0.0, NO_VARIATION)
    assert (inertia(flat).value, inertia(flat).status) == (None, NO_VARIATION)


@given(st.floats(-1e6, 1e6), st.integers(MIN_POINTS_SPREAD, 200))
def test_mssd_of_a_constant_series_is_zero(level, length):
    assert mssd([level] * length).value == 0.0


@given(ratings_with_gaps, quarters)
def test_adding_a_constant_to_a_series_leaves_mssd_unchanged(series, shift):
    shifted = [None if v is None else v + shift for v in series]
    assert mssd(shifted) == mssd(series)


@given(messy)
@settings(max_examples=200)
def test_no_metric_ever_returns_nan_or_raises(series):
    width = len(series) // 3 * 3
    results = (
        variability(series), mssd(series), rmssd(series), inertia(series, min_points=3),
        emotion_differentiation([series[i:i + 3] for i in range(0, width, 3)], min_occasions=2),
        before_after(list(zip(series[::2], series[1::2], strict=False)), min_sessions=2),
    )
    assert all(_finite_or_none(result) for result in results)


# ---------------------------------------------------------------- emotion differentiation


def test_differentiation_matches_the_shrout_and_fleiss_table():
    result = emotion_differentiation(SHROUT_FLEISS, min_occasions=6)
    assert (round(result.icc_1, 3), round(result.icc_k, 3)) == (0.715, 0.909)
    assert result.value == pytest.approx(-0.5 * math.log((1 + result.icc_k) / (1 - result.icc_k)))
    assert (result.occasions, result.emotions, result.status) == (6, 4, OK)


def _independent(n: int, k: int = 4, seed: int = 1) -> np.ndarray:
    return np.random.default_rng(seed).integers(1, 6, size=(n, k)).astype(float)


@pytest.mark.parametrize(
    "occasions, status, low_confidence",
    [(MIN_OCCASIONS_DIFFERENTIATION - 1, NOT_ENOUGH_DATA, True), (MIN_OCCASIONS_DIFFERENTIATION, OK, True),
     (LOW_CONFIDENCE_BELOW, OK, False)],
)
def test_differentiation_needs_twenty_occasions_and_is_low_confidence_below_thirty(
    occasions, status, low_confidence
):
    # Moving together in a shared wave, with some noise, keeps the ICC positive.
    rng = np.random.default_rng(3)
    wave = np.sin(np.arange(occasions))[:, None] * 2
    result = emotion_differentiation(3 + wave + rng.normal(0, 0.5, (occasions, 4)))
    assert (result.status, result.low_confidence, result.occasions) == (status, low_confidence, occasions)
    assert (result.value is None) == (status != OK)


def test_a_new_user_with_a_few_check_ins_sees_progress_counts():
    result = emotion_differentiation(_independent(7))
    assert (result.status, result.occasions, result.emotions) == (NOT_ENOUGH_DATA, 7, 4)


def test_two_emotions_are_too_few_to_tell_differentiation():
    result = emotion_differentiation(_independent(40, k=MIN_EMOTIONS_DIFFERENTIATION - 1))
    assert (result.value, result.status, result.emotions) == (None, TOO_FEW_EMOTIONS, 2)


def test_one_emotion_used_every_time_is_too_few_emotions():
    only_sad = [[float(1 + i % 5), None, None, None] for i in range(40)]
    assert emotion_differentiation(only_sad).status == TOO_FEW_EMOTIONS
    # The same when unpicked words are sent as intensity 0: a column that never moves says nothing.
    with_zeros = [[float(1 + i % 5), 0.0, 0.0, 0.0] for i in range(40)]
    result = emotion_differentiation(with_zeros)
    assert (result.status, result.emotions, result.occasions) == (TOO_FEW_EMOTIONS, 1, 40)


def test_intensities_that_never_change_have_no_variation():
    result = emotion_differentiation([[2.0, 3.0, 1.0]] * 30)
    assert (result.value, result.status, result.occasions, result.emotions) == (None, NO_VARIATION, 30, 3)


def test_a_negative_icc_is_undefined_not_a_number():
    # Emotions that trade off against each other: every row has nearly the same total.
    pattern = [(1, 2), (3, 1), (2, 5), (4, 4), (5, 1)] * 6
    rows = [[a, b, 9.0 - a - b + (i % 2) / 2] for i, (a, b) in enumerate(pattern)]
    result = emotion_differentiation(rows)
    assert (result.value, result.status) == (None, UNDEFINED)
    assert result.icc_k < 0
    exact_trade_off = emotion_differentiation([[a, b, 9.0 - a - b] for a, b in pattern])
    assert (exact_trade_off.value, exact_trade_off.status) == (None, UNDEFINED)


def test_emotions_that_always_move_in_step_are_undefined_with_an_icc_of_one():
    level = np.arange(30) % 5
    result = emotion_differentiation(np.column_stack([level, level + 1, level + 3]))
    assert (result.value, result.status, result.icc_k) == (None, UNDEFINED, 1.0)


def test_rarely_rated_emotions_are_dropped_and_incomplete_occasions_left_out():
    matrix = _independent(40).tolist()
    for i, row in enumerate(matrix):
        # The fourth emotion is rated only five times; the first is missing on two occasions.
        row[3] = row[3] if i < 5 else None
    matrix[10][0] = matrix[20][0] = None
    result = emotion_differentiation(matrix)
    assert (result.emotions, result.occasions) == (3, 38)


def test_emotions_that_move_apart_differentiate_more_than_emotions_that_move_together():
    rng = np.random.default_rng(7)
    common = rng.normal(0, 1, (60, 1))
    together = emotion_differentiation(3 + 2 * common + rng.normal(0, 0.3, (60, 4)))
    apart = emotion_differentiation(3 + 0.5 * common + rng.normal(0, 1, (60, 4)))
    assert apart.value > together.value


@pytest.mark.parametrize("matrix", [[], [[]], [[None, None, None]] * 30, [[math.nan] * 5] * 30])
def test_an_empty_or_unrated_matrix_is_a_result_not_an_error(matrix):
    result = emotion_differentiation(matrix)
    assert result.value is None and result.status == TOO_FEW_EMOTIONS


@given(
    st.integers(MIN_OCCASIONS_DIFFERENTIATION, 45).flatmap(
        lambda n: st.lists(st.lists(st.integers(1, 5), min_size=4, max_size=4), min_size=n, max_size=n)
    ),
    st.lists(quarters, min_size=4, max_size=4),
)
@settings(max_examples=150)
def test_differentiation_is_invariant_to_adding_a_constant_per_emotion(rows, shifts):
    matrix = np.array(rows, dtype=float)
    before, after = emotion_differentiation(matrix), emotion_differentiation(matrix + np.array(shifts))
    counts = (before.status, before.occasions, before.emotions)
    assert (after.status, after.occasions, after.emotions) == counts
    for field in ("value", "icc_k", "icc_1"):
        old, new = getattr(before, field), getattr(after, field)
        assert new == (None if old is None else pytest.approx(old, rel=1e-9, abs=1e-12))


# ---------------------------------------------------------------- what helps


def _planted(days: list[date], *, lift: float, lag: int = 0, seed: int = 0):
    rng = np.random.default_rng(seed)
    walked = {day for day in days if rng.random() < 0.4}
    mood = {day: float(rng.normal(5, 1)) for day in days}
    for day in walked:
        target = day + timedelta(days=lag)
        if target in mood:
            mood[target] += lift
    return mood, walked


def test_a_planted_lift_on_walking_days_is_found_with_its_interval_and_day_counts():
    days = _days(120)
    mood, walked = _planted(days, lift=2.0)
    result = compare_days(mood, walked, all_days=days)
    assert result.status == OK
    assert result.low < 2.0 < result.high and result.low > 0
    assert (result.n_with, result.n_without) == (len(walked), 120 - len(walked))
    assert result.difference == pytest.approx(result.mean_with - result.mean_without)
    assert result.p_value < 1e-6


def test_a_next_day_lift_shows_at_lag_one_and_not_on_the_same_day():
    days = _days(200)
    mood, walked = _planted(days, lift=2.0, lag=1, seed=4)
    assert compare_days(mood, walked, all_days=days, lag=1).low > 1.0
    assert compare_days(mood, walked, all_days=days, lag=0).low < 1.0


@pytest.mark.parametrize("with_days", [0, 1, MIN_DAYS_EACH_SIDE - 1])
def test_fewer_than_five_days_on_a_side_is_not_enough_data_with_the_counts(with_days):
    days = _days(60)
    mood = {day: float(i % 7) for i, day in enumerate(days)}
    result = compare_days(mood, set(days[:with_days]), all_days=days)
    assert result.status == NOT_ENOUGH_DATA
    assert (result.difference, result.low, result.high, result.p_value) == (None, None, None, None)
    assert (result.n_with, result.n_without) == (with_days, 60 - with_days)


def test_cant_tell_days_and_days_outside_the_tracked_days_are_not_counted():
    days = _days(30)
    mood = {day: (None if i % 3 == 0 else float(i % 5)) for i, day in enumerate(days)}
    factor = set(days[:12]) | {START - timedelta(days=5)}
    result = compare_days(mood, factor, all_days=days)
    assert (result.n_with, result.n_without) == (8, 12)


def test_five_days_on_each_side_is_enough():
    days = _days(10)
    mood = {day: float(i % 4 + (3 if i < 5 else 0)) for i, day in enumerate(days)}
    result = compare_days(mood, set(days[:5]), all_days=days)
    assert (result.status, result.n_with, result.n_without) == (OK, 5, 5)


def test_an_outcome_that_never_changes_has_no_variation_and_no_interval():
    days = _days(30)
    result = compare_days(dict.fromkeys(days, 5.0), set(days[::2]), all_days=days)
    assert (result.status, result.difference, result.low, result.high) == (NO_VARIATION, 0.0, None, None)


def test_empty_input_is_not_enough_data():
    assert compare_days({}, set(), all_days=[]).status == NOT_ENOUGH_DATA
    assert what_helps({}, {}, days=[]) == []
    assert what_helps({"mood": {}}, {"walk": set()}, days=_days(3))[0].q_value is None


def test_what_helps_tests_every_factor_outcome_and_lag_in_order():
    days = _days(90)
    mood, walked = _planted(days, lift=2.5, seed=2)
    feel = {day: float(i % 9) for i, day in enumerate(days)}
    factors = {"walk": walked, "music": set(days[::3]), "rare": set(days[:2])}
    findings = what_helps({"mood": mood, "feel": feel}, factors, days=days)
    assert [(f.factor, f.outcome, f.lag) for f in findings[:4]] == [
        ("walk", "mood", 0), ("walk", "mood", 1), ("walk", "feel", 0), ("walk", "feel", 1)
    ]
    assert len(findings) == 12
    assert findings[0].significant and findings[0].q_value < 0.05
    rare = [f for f in findings if f.factor == "rare"]
    assert all(f.q_value is None and not f.significant for f in rare)


def test_a_q_value_is_never_below_its_p_value():
    days = _days(120)
    mood, walked = _planted(days, lift=1.0, seed=5)
    factors = {f"f{i}": set(days[i::4]) for i in range(4)} | {"walk": walked}
    for finding in what_helps({"mood": mood}, factors, days=days):
        assert finding.q_value >= finding.association.p_value


def test_before_after_gives_the_mean_change_with_a_paired_interval():
    result = before_after([(3, 5), (4, 5), (2, 4), (5, 6), (3, 3), (None, 4)])
    assert (result.status, result.n_with, result.n_without) == (OK, 5, 5)
    assert result.difference == pytest.approx(1.2)
    # Half-width t(0.975, 4) * sd / sqrt(n) with sd = sqrt(0.7).
    assert result.high - result.difference == pytest.approx(2.7764451052 * math.sqrt(0.7 / 5), abs=1e-8)
    assert (result.mean_with, result.mean_without) == (pytest.approx(4.6), pytest.approx(3.4))


def test_before_after_needs_five_complete_sessions():
    result = before_after([(3, 5), (4, 5), (2, 4), (5, 6), (3, None)])
    assert (result.status, result.n_with, result.difference) == (NOT_ENOUGH_DATA, 4, None)
    assert before_after([]).status == NOT_ENOUGH_DATA


def test_the_same_change_every_session_has_no_variation():
    result = before_after([(3, 4)] * 6)
    assert (result.status, result.difference, result.low) == (NO_VARIATION, 1.0, None)


@given(messy, st.integers(0, 1))
@settings(max_examples=100)
def test_what_helps_never_returns_nan_or_raises(values, lag):
    days = _days(len(values))
    outcome = dict(zip(days, values, strict=True))
    factors = {"x": set(days[::2]), "y": set(days[::3])}
    for finding in what_helps({"mood": outcome}, factors, days=days, lags=(lag,), min_each_side=2):
        assert _finite_or_none(finding) and _finite_or_none(finding.association)


# ---------------------------------------------------------------- trend lines


def test_rolling_mean_averages_the_rated_days_in_each_trailing_week():
    values = {START: 2.0, START + timedelta(days=1): None, START + timedelta(days=2): 4.0,
              START + timedelta(days=9): 6.0}
    line = dict(rolling_mean(values))
    assert line[START] == 2.0 and line[START + timedelta(days=2)] == 3.0
    assert line[START + timedelta(days=8)] == 4.0
    assert line[START + timedelta(days=9)] == 6.0
    assert len(line) == 10


def test_rolling_mean_is_none_where_the_window_has_no_rated_day():
    values = {START: 2.0, START + timedelta(days=1): None, START + timedelta(days=20): 5.0}
    line = dict(rolling_mean(values, window=7))
    assert line[START + timedelta(days=7)] is None and line[START + timedelta(days=6)] == 2.0


def test_rolling_mean_counts_days_before_the_start_and_fills_to_the_end():
    values = {START - timedelta(days=3): 8.0, START: 2.0}
    line = rolling_mean(values, start=START, end=START + timedelta(days=2))
    assert line == [(START, 5.0), (START + timedelta(days=1), 5.0), (START + timedelta(days=2), 5.0)]
    assert rolling_mean({}) == [] and rolling_mean({}, start=START, end=START) == [(START, None)]
    assert rolling_mean(values, start=START, end=START - timedelta(days=1)) == []


def test_daily_means_average_each_day_and_keep_cant_tell_days_as_none():
    second, third = START + timedelta(days=1), START + timedelta(days=2)
    points = [(START, 4), (START, 6), (second, None), (third, 3)]
    assert daily_means(points) == {START: 5.0, second: None, third: 3.0}
    assert daily_means([]) == {}


def test_weekly_variety_counts_distinct_words_per_monday_week():
    words = {
        date(2025, 1, 6): ["sad", "Calm"],
        date(2025, 1, 12): ["calm", "hopeful"],
        date(2025, 1, 13): [],
        date(2025, 1, 29): ["sad"],
    }
    assert weekly_variety(words) == [(date(2025, 1, 6), 3), (date(2025, 1, 13), 0), (date(2025, 1, 27), 1)]
