"""Honest numbers for insights (H2): dynamics, emotion differentiation, what helps, trend lines.

Every result carries the counts it rests on and a `status` code instead of NaN or an exception:
"ok", "not_enough_data", "too_few_emotions", "no_variation" or "undefined". Words for people are
chosen in templates from these codes; nothing here builds a sentence.

Missing values: `None` ("can't tell", not rated) and non-finite numbers are skipped, never zero.
Series are given in time order, one value per occasion; a gap stays a gap, so MSSD and inertia use
only successive pairs whose two values are both present (psych::mssd on a gap-free series).
Formulas and thresholds: ../shared/reference/clinical.md section 2.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np
from numpy.typing import ArrayLike, NDArray

from thawing.core import stats
from thawing.core.emotions import normalise

OK = "ok"
NOT_ENOUGH_DATA = "not_enough_data"
TOO_FEW_EMOTIONS = "too_few_emotions"
NO_VARIATION = "no_variation"
UNDEFINED = "undefined"

# Rules of thumb from clinical.md section 2: SD and MSSD need 10 points; AR(1) is biased in short series.
MIN_POINTS_SPREAD = 10
MIN_POINTS_INERTIA = 50
LOW_CONFIDENCE_BELOW = 30
MIN_OCCASIONS_DIFFERENTIATION = 20
MIN_EMOTIONS_DIFFERENTIATION = 3
# Bearable asks for 3 days each side and shows no uncertainty; we ask for 5 and show the interval.
MIN_DAYS_EACH_SIDE = 5
MIN_SESSIONS = 5
CONFIDENCE = 0.95
FDR_Q = 0.05
LAGS = (0, 1)
ROLLING_WINDOW = 7
_ICC_ROUND_OFF = 1e-12

Floats = NDArray[np.float64]


def _floats(values: Iterable[float | None] | ArrayLike) -> Floats:
    array = np.array(list(values) if not isinstance(values, np.ndarray) else values, dtype=float).ravel()
    return np.where(np.isfinite(array), array, np.nan)


def _ordinals(days: Iterable[date]) -> NDArray[np.int64]:
    return np.fromiter(map(date.toordinal, days), dtype=np.int64)


# ---------------------------------------------------------------- dynamics of one series


@dataclass(frozen=True)
class Metric:
    """A number about one series: `value` in the series' units (squared for MSSD), None unless shown.

    `n` counts the ratings used (for MSSD and inertia, those in at least one complete pair) and
    `pairs` the successive pairs. "no_variation" carries a true 0 for SD and MSSD, None for inertia.
    """

    value: float | None
    n: int
    status: str
    low_confidence: bool
    pairs: int = 0


def _metric(value: float | None, n: int, status: str, pairs: int = 0) -> Metric:
    if not stats.all_finite(value):
        value, status = None, UNDEFINED
    return Metric(value, n, status, n < LOW_CONFIDENCE_BELOW or status == NOT_ENOUGH_DATA, pairs)


@stats.quiet
def variability(values: Sequence[float | None], *, min_points: int = MIN_POINTS_SPREAD) -> Metric:
    """Sample SD (n-1) of the rated values, in rating points; None below `min_points` ratings (H2)."""
    x = _floats(values)
    x = x[np.isfinite(x)]
    if x.size < max(min_points, 2):
        return _metric(None, x.size, NOT_ENOUGH_DATA)
    if np.ptp(x) == 0:
        return _metric(0.0, x.size, NO_VARIATION)
    return _metric(float(np.std(x, ddof=1)), x.size, OK)


def _pairs(values: Sequence[float | None]) -> tuple[Floats, Floats, int]:
    x = _floats(values)
    if x.size < 2:
        return np.empty(0), np.empty(0), 0
    both = np.isfinite(x[:-1]) & np.isfinite(x[1:])
    in_pair = np.zeros(x.size, dtype=bool)
    in_pair[:-1] |= both
    in_pair[1:] |= both
    return x[:-1][both], x[1:][both], int(in_pair.sum())


@stats.quiet
def mssd(values: Sequence[float | None], *, min_points: int = MIN_POINTS_SPREAD) -> Metric:
    """Mean squared successive difference over complete pairs, in squared points; None if too few (H2)."""
    first, second, n = _pairs(values)
    if n < max(min_points, 2):
        return _metric(None, n, NOT_ENOUGH_DATA, first.size)
    steps = second - first
    if not steps.any():
        return _metric(0.0, n, NO_VARIATION, steps.size)
    return _metric(float(np.mean(steps * steps)), n, OK, steps.size)


def rmssd(values: Sequence[float | None], *, min_points: int = MIN_POINTS_SPREAD) -> Metric:
    """Root of the MSSD, in rating points (psych::rmssd); None when the MSSD is not shown (H2)."""
    square = mssd(values, min_points=min_points)
    root = None if square.value is None else math.sqrt(square.value)
    return Metric(root, square.n, square.status, square.low_confidence, square.pairs)


@stats.quiet
def inertia(values: Sequence[float | None], *, min_points: int = MIN_POINTS_INERTIA) -> Metric:
    """Lag-1 autocorrelation (Pearson r of complete successive pairs), -1..1; None if too few or flat (H2)."""
    first, second, n = _pairs(values)
    if n < max(min_points, 3):
        return _metric(None, n, NOT_ENOUGH_DATA, first.size)
    if np.ptp(first) == 0 or np.ptp(second) == 0:
        return _metric(None, n, NO_VARIATION, first.size)
    a, b = first - first.mean(), second - second.mean()
    r = np.dot(a, b) / np.sqrt(np.dot(a, a) * np.dot(b, b))
    return _metric(float(np.clip(r, -1.0, 1.0)), n, OK, first.size)


# ---------------------------------------------------------------- emotion differentiation


@dataclass(frozen=True)
class Differentiation:
    """Emotion differentiation -z(ICC(3,k)) (unitless, higher = more granular) and the ICCs it rests on.

    `occasions` and `emotions` count the complete rows and the columns used. `value` is None unless
    the status is "ok"; the ICCs are also kept when "undefined" (negative, or exactly 1).
    """

    value: float | None
    icc_k: float | None
    icc_1: float | None
    occasions: int
    emotions: int
    status: str
    low_confidence: bool


def _usable_matrix(matrix: Sequence[Sequence[float | None]] | ArrayLike, min_occasions: int,
                   min_emotions: int) -> tuple[Floats, int]:
    y = np.array(matrix, dtype=float)
    y = y.reshape(y.shape[0], -1) if y.size else np.empty((0, 0))
    counts = np.isfinite(y).sum(axis=0)
    # A column rated on fewer occasions than needed would leave too few complete rows: drop it,
    # unless that leaves too few emotions, when the most-rated ones are kept to count progress.
    most_rated = np.sort(counts)[::-1]
    needed = min(min_occasions, int(most_rated[min_emotions - 1])) if counts.size >= min_emotions else 1
    keep = counts >= max(needed, 1)
    y = y if keep.all() else y[:, keep]
    complete = np.isfinite(y).all(axis=1)
    return (y if complete.all() else y[complete]), int((counts > 0).sum())


def _snap(icc: float | None) -> float | None:
    # Round-off turns an ICC of exactly 0 or 1 into -1e-17 or 1 - 1e-16 and would flip the status.
    if icc is None or not math.isfinite(icc):
        return None
    if abs(icc) > _ICC_ROUND_OFF and abs(icc - 1) > _ICC_ROUND_OFF:
        return icc
    return 0.0 if abs(icc) <= _ICC_ROUND_OFF else 1.0


@stats.quiet
def emotion_differentiation(
    matrix: Sequence[Sequence[float | None]] | ArrayLike,
    *,
    min_occasions: int = MIN_OCCASIONS_DIFFERENTIATION,
    min_emotions: int = MIN_EMOTIONS_DIFFERENTIATION,
) -> Differentiation:
    """Differentiation over occasions x same-valence intensities; None unless 20 rows x 3 emotions (H2).

    Columns rated on fewer than `min_occasions` occasions are dropped, then rows missing any
    remaining column, then columns that never change: they say nothing about moving together.
    "too_few_emotions" counts the emotions ever rated (or that varied), "not_enough_data" the
    complete occasions over the most-rated emotions.
    """
    y, rated = _usable_matrix(matrix, min_occasions, max(min_emotions, 2))
    n, k = y.shape
    if rated < max(min_emotions, 2):
        return Differentiation(None, None, None, n if k else 0, rated, TOO_FEW_EMOTIONS, True)
    if n < max(min_occasions, 2) or k < min_emotions:
        return Differentiation(None, None, None, n, k, NOT_ENOUGH_DATA, True)
    varying = np.ptp(y, axis=0) > 0
    low = n < LOW_CONFIDENCE_BELOW
    if not varying.any():
        return Differentiation(None, None, None, n, k, NO_VARIATION, low)
    y, k = (y if varying.all() else y[:, varying]), int(varying.sum())
    if k < max(min_emotions, 2):
        return Differentiation(None, None, None, n, k, TOO_FEW_EMOTIONS, low)
    single, average = (_snap(icc) for icc in stats.icc_consistency(y))
    if average is None or single is None or not 0 <= average < 1:
        return Differentiation(None, average, single, n, k, UNDEFINED, low)
    # Fisher z = atanh(r) = 1/2 ln((1+r)/(1-r)); adding 0.0 turns -0.0 into 0.0.
    return Differentiation(-math.atanh(average) + 0.0, average, single, n, k, OK, low)


# ---------------------------------------------------------------- what helps


@dataclass(frozen=True)
class Association:
    """Mean outcome with minus without (or after minus before), in outcome points, with its 95% interval.

    `low`/`high`/`p_value`/`df` are None unless "ok"; "no_variation" keeps the difference but no
    interval. For `before_after`, `n_with` = `n_without` = sessions and `mean_with` is the mean after.
    """

    status: str
    difference: float | None
    low: float | None
    high: float | None
    p_value: float | None
    df: float | None
    n_with: int
    n_without: int
    mean_with: float | None
    mean_without: float | None


@dataclass(frozen=True)
class Finding:
    """One factor x outcome x lag test: its association, BH-adjusted q (None if untested), flag."""

    factor: str
    outcome: str
    lag: int
    association: Association
    q_value: float | None
    significant: bool


def _outcome_on(outcome: Mapping[date, float | None], targets: NDArray[np.int64]) -> Floats:
    return stats.lookup(_ordinals(outcome.keys()), _floats(outcome.values()), targets)


def _flags(days: NDArray[np.int64], factor_days: Collection[date]) -> NDArray[np.bool_]:
    marked = _ordinals(factor_days)
    return np.isfinite(stats.lookup(marked, np.ones(marked.size), days))


def _checked(association: Association) -> Association:
    a = association
    if stats.all_finite(a.difference, a.low, a.high, a.p_value, a.df, a.mean_with, a.mean_without):
        return a
    return replace(a, status=UNDEFINED, difference=None, low=None, high=None, p_value=None, df=None,
                   mean_with=None, mean_without=None)


def _associations(groups: NDArray[np.float64], *, min_each_side: int) -> list[Association]:
    n1, m1, v1, n0, m0, v0 = groups.T
    enough = (n1 >= max(min_each_side, 2)) & (n0 >= max(min_each_side, 2))
    varies = enough & (v1 + v0 > 0)
    tested = stats.welch(m1[varies], v1[varies], n1[varies], m0[varies], v0[varies], n0[varies],
                         confidence=CONFIDENCE)
    slot = np.cumsum(varies) - 1
    results = []
    for i in range(groups.shape[0]):
        counts = int(n1[i]), int(n0[i])
        if not enough[i]:
            results.append(Association(NOT_ENOUGH_DATA, None, None, None, None, None, *counts, None, None))
        elif not varies[i]:
            results.append(Association(NO_VARIATION, float(m1[i] - m0[i]), None, None, None, None,
                                       *counts, float(m1[i]), float(m0[i])))
        else:
            j = slot[i]
            results.append(Association(
                OK, float(tested.difference[j]), float(tested.low[j]), float(tested.high[j]),
                float(tested.p_value[j]), float(tested.df[j]), *counts, float(m1[i]), float(m0[i]),
            ))
    return [_checked(a) for a in results]


@stats.quiet
def compare_days(
    outcome: Mapping[date, float | None],
    factor_days: Collection[date],
    *,
    all_days: Sequence[date],
    lag: int = 0,
    min_each_side: int = MIN_DAYS_EACH_SIDE,
) -> Association:
    """Outcome on days with minus without the factor (lag 1: the next day's outcome), Welch 95% (H2).

    `all_days` are the days on which the factor could have been noted; a day counts only if its
    (lagged) outcome is a number. None unless both sides have `min_each_side` days.
    """
    days = np.unique(_ordinals(all_days))
    moments = stats.split_moments(_outcome_on(outcome, days + lag), _flags(days, factor_days)[None, :])
    return _associations(moments, min_each_side=min_each_side)[0]


@stats.quiet
def what_helps(
    outcomes: Mapping[str, Mapping[date, float | None]],
    factors: Mapping[str, Collection[date]],
    *,
    days: Sequence[date],
    lags: Sequence[int] = LAGS,
    q: float = FDR_Q,
    min_each_side: int = MIN_DAYS_EACH_SIDE,
) -> list[Finding]:
    """Every factor x outcome x lag compared, Benjamini-Hochberg at `q` over those tested (H2).

    Findings come in factor, outcome, lag order; untested ones have `q_value` None.
    """
    day_ords = np.unique(_ordinals(days))
    names = list(factors)
    flags = np.array([_flags(day_ords, factors[name]) for name in names], dtype=bool)
    flags = flags.reshape(len(names), day_ords.size)
    blocks, keys = [], []
    for outcome_name, outcome in outcomes.items():
        for lag in lags:
            blocks.append(stats.split_moments(_outcome_on(outcome, day_ords + lag), flags))
            keys += [(name, outcome_name, lag) for name in names]
    if not keys:
        return []
    found = _associations(np.vstack(blocks), min_each_side=min_each_side)
    tested = [i for i, a in enumerate(found) if a.p_value is not None]
    adjusted = stats.benjamini_hochberg([found[i].p_value for i in tested])
    q_values: dict[int, float] = {i: float(v) for i, v in zip(tested, adjusted, strict=True)}
    # Report factor by factor: blocks were built outcome by outcome.
    order = sorted(range(len(keys)), key=lambda i: (i % len(names), i))
    return [
        Finding(*keys[i], found[i], q_values.get(i), i in q_values and q_values[i] <= q) for i in order
    ]


@stats.quiet
def before_after(
    pairs: Sequence[tuple[float | None, float | None]], *, min_sessions: int = MIN_SESSIONS
) -> Association:
    """Mean change after minus before over complete sessions, in rating points, paired t 95% (H2)."""
    ratings = np.array(pairs, dtype=float).reshape(-1, 2) if len(pairs) else np.empty((0, 2))
    ratings = ratings[np.isfinite(ratings).all(axis=1)]
    n = ratings.shape[0]
    if n < max(min_sessions, 2):
        return Association(NOT_ENOUGH_DATA, None, None, None, None, None, n, n, None, None)
    before, after = ratings[:, 0], ratings[:, 1]
    change = after - before
    means = float(after.mean()), float(before.mean())
    if np.ptp(change) == 0:
        return _checked(Association(NO_VARIATION, float(change[0]), None, None, None, None, n, n, *means))
    t = stats.paired(change, confidence=CONFIDENCE)
    numbers = (float(v[0]) for v in (t.difference, t.low, t.high, t.p_value, t.df))
    return _checked(Association(OK, *numbers, n, n, *means))


# ---------------------------------------------------------------- trend lines


@stats.quiet
def daily_means(points: Iterable[tuple[date, float | None]]) -> dict[date, float | None]:
    """Mean rating per day from (day, rating) check-ins; None for a day of only "can't tell" (A2, H2)."""
    pairs = list(points)
    if not pairs:
        return {}
    days, values = zip(*pairs, strict=True)
    unique, which = np.unique(_ordinals(days), return_inverse=True)
    ratings = _floats(values)
    rated = np.isfinite(ratings)
    sums = np.bincount(which, weights=np.where(rated, ratings, 0.0), minlength=unique.size)
    counts = np.bincount(which, weights=rated, minlength=unique.size)
    means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan).tolist()
    return {
        date.fromordinal(day): (mean if math.isfinite(mean) else None)
        for day, mean in zip(unique.tolist(), means, strict=True)
    }


@stats.quiet
def rolling_mean(
    values_by_day: Mapping[date, float | None],
    window: int = ROLLING_WINDOW,
    *,
    start: date | None = None,
    end: date | None = None,
) -> list[tuple[date, float | None]]:
    """Mean of the rated days in each trailing `window`-day window, every calendar day; None if none (H2)."""
    if window < 1:
        raise ValueError("window must be at least one day")
    if not values_by_day and (start is None or end is None):
        return []
    first, last = start or min(values_by_day), end or max(values_by_day)
    if last < first:
        return []
    # The first window reaches back window-1 days before `first`.
    days = np.arange(first.toordinal() - (window - 1), last.toordinal() + 1)
    grid = stats.lookup(_ordinals(values_by_day), _floats(values_by_day.values()), days)
    windows = np.lib.stride_tricks.sliding_window_view(grid, window)
    counts = np.isfinite(windows).sum(axis=1)
    sums = np.where(np.isfinite(windows), windows, 0.0).sum(axis=1)
    means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan).tolist()
    return [(date.fromordinal(first.toordinal() + i), mean if math.isfinite(mean) else None)
            for i, mean in enumerate(means)]


def weekly_variety(words_by_day: Mapping[date, Iterable[str]]) -> list[tuple[date, int]]:
    """Distinct emotion words per ISO week (Monday, count), for weeks with any check-in day (H2)."""
    weeks: dict[date, set[str]] = {}
    # People reuse a handful of words, so each spelling is normalised once.
    spellings: dict[str, str] = {}
    for day, words in words_by_day.items():
        week = weeks.setdefault(day - timedelta(days=day.weekday()), set())
        for word in words:
            if word not in spellings:
                spellings[word] = normalise(word)
            week.add(spellings[word])
    return sorted((monday, len(words - {""})) for monday, words in weeks.items())
