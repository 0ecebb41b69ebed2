"""Student t, Welch and paired t, Benjamini-Hochberg, split moments and ICC(3) (H2), without SciPy.

Everything works on NumPy arrays so that a few hundred tests cost one pass, and nothing here
returns NaN for a usable input: callers decide beforehand which tests have enough data.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from statistics import NormalDist
from typing import ParamSpec, TypeVar

import numpy as np
from numpy.typing import ArrayLike, NDArray

Floats = NDArray[np.float64]
P = ParamSpec("P")
R = TypeVar("R")

# The continued fraction below converges in O(sqrt(a)) steps; ten years of days needs a few hundred.
_BETA_MAX_STEPS = 5_000
_BETA_EPS = 1e-15
_TINY = 1e-300
_NEWTON_STEPS = 60
# Below this many elements a plain loop beats NumPy's per-call overhead.
_SCALAR_UP_TO = 8


def quiet(function: Callable[P, R]) -> Callable[P, R]:
    """Run `function` without NumPy's overflow warnings; callers guard their results with `all_finite`."""

    @functools.wraps(function)
    def quietly(*args: P.args, **kwargs: P.kwargs) -> R:
        with np.errstate(all="ignore"):
            return function(*args, **kwargs)

    return quietly


def all_finite(*numbers: float | None) -> bool:
    """True when every number given is finite or None."""
    return all(v is None or math.isfinite(v) for v in numbers)


def lookup(keys: NDArray[np.int64], values: Floats, targets: NDArray[np.int64]) -> Floats:
    """The value stored under each target key (e.g. a day ordinal), NaN where `keys` lacks it."""
    if not targets.size or not keys.size:
        return np.full(targets.size, np.nan)
    # A dense grid over the targets' span: ten years of days is small, and indexing beats searching.
    base = int(targets.min())
    grid = np.full(int(targets.max()) - base + 1, np.nan)
    inside = (keys >= base) & (keys < base + grid.size)
    grid[keys[inside] - base] = values[inside]
    return grid[targets - base]


def _lgamma(x: Floats) -> Floats:
    values = [math.lgamma(v) if 0 < v < math.inf else math.nan for v in x.ravel().tolist()]
    return np.array(values, dtype=float).reshape(x.shape)


def _fraction_one(a: float, b: float, x: float) -> float:
    # The same continued fraction for one element, in plain floats: ~30x faster than tiny arrays.
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) >= _TINY else _TINY)
    h = d
    for m in range(1, _BETA_MAX_STEPS + 1):
        m2 = 2 * m
        even = m * (b - m) * x / ((qam + m2) * (a + m2))
        odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        for aa in (even, odd):
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) >= _TINY else _TINY)
            c = 1.0 + aa / c
            c = c if abs(c) >= _TINY else _TINY
            h *= d * c
        if abs(d * c - 1.0) < _BETA_EPS or not math.isfinite(h):
            break
    return h


def _beta_fraction(a: Floats, b: Floats, x: Floats) -> Floats:
    if x.size <= _SCALAR_UP_TO:
        triples = zip(a.ravel().tolist(), b.ravel().tolist(), x.ravel().tolist(), strict=True)
        return np.array([_fraction_one(*abx) for abx in triples], dtype=float).reshape(x.shape)
    # Lentz's method for the incomplete beta continued fraction (Numerical Recipes 6.4).
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = np.ones_like(x)
    d = 1.0 - qab * x / qap
    d = 1.0 / np.where(np.abs(d) < _TINY, _TINY, d)
    h = d.copy()
    done = np.zeros(x.shape, dtype=bool)
    for m in range(1, _BETA_MAX_STEPS + 1):
        m2 = 2 * m
        even = m * (b - m) * x / ((qam + m2) * (a + m2))
        odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        for aa in (even, odd):
            d = 1.0 + aa * d
            d = 1.0 / np.where(np.abs(d) < _TINY, _TINY, d)
            c = 1.0 + aa / c
            c = np.where(np.abs(c) < _TINY, _TINY, c)
            delta = d * c
            h = np.where(done, h, h * delta)
        done |= (np.abs(delta - 1.0) < _BETA_EPS) | ~np.isfinite(delta)
        if done.all():
            break
    return h


def betainc(a: ArrayLike, b: ArrayLike, x: ArrayLike, *, one_minus_x: ArrayLike | None = None) -> Floats:
    """Regularised incomplete beta I_x(a, b) for a, b > 0 and 0 <= x <= 1, element-wise."""
    a, b, x = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (a, b, x)))
    x = np.clip(x, 0.0, 1.0)
    # Callers that know 1 - x more precisely than x (x close to 1) pass it in.
    y = np.clip(np.broadcast_to(np.asarray(one_minus_x, dtype=float), x.shape), 0.0, 1.0) \
        if one_minus_x is not None else 1.0 - x
    # Anything not finite (from absurd inputs upstream) comes back as NaN at once, not after 5000 steps.
    valid = np.isfinite(a) & np.isfinite(b) & (a > 0) & (b > 0) & np.isfinite(x + y)
    inner = valid & (x > 0.0) & (y > 0.0)
    safe_x, safe_y = np.where(inner, x, 0.5), np.where(inner, y, 0.5)
    a, b = np.where(inner, a, 1.0), np.where(inner, b, 1.0)
    log_front = _lgamma(a + b) - _lgamma(a) - _lgamma(b) + a * np.log(safe_x) + b * np.log(safe_y)
    front = np.exp(log_front)
    # The fraction converges fast below (a+1)/(a+b+2); above it, use I_x(a,b) = 1 - I_{1-x}(b,a).
    flip = safe_x > (a + 1.0) / (a + b + 2.0)
    fa, fb, fx = np.where(flip, b, a), np.where(flip, a, b), np.where(flip, safe_y, safe_x)
    part = front * _beta_fraction(fa, fb, fx) / fa
    value = np.where(flip, 1.0 - part, part)
    edge = np.where(valid, np.where(y <= 0.0, 1.0, 0.0), np.nan)
    return np.where(inner, np.clip(value, 0.0, 1.0), edge)


def t_sf_two_sided(t: ArrayLike, df: ArrayLike) -> Floats:
    """Two-sided p-value P(|T| >= |t|) of Student's t with `df` (> 0, may be fractional) degrees."""
    t, df = np.broadcast_arrays(np.asarray(t, dtype=float), np.asarray(df, dtype=float))
    t2 = t * t
    with np.errstate(divide="ignore", invalid="ignore"):
        # Written so that an infinite t gives p = 0 rather than inf / inf.
        x, y = df / (df + t2), 1.0 / (1.0 + df / t2)
    return betainc(df / 2.0, 0.5, x, one_minus_x=y)


def t_cdf(t: ArrayLike, df: ArrayLike) -> Floats:
    """P(T <= t) for Student's t with `df` degrees of freedom."""
    t = np.asarray(t, dtype=float)
    tail = t_sf_two_sided(t, df) / 2.0
    return np.where(t >= 0, 1.0 - tail, tail)


def _t_pdf(t: Floats, df: Floats) -> Floats:
    log_norm = _lgamma((df + 1.0) / 2.0) - _lgamma(df / 2.0) - 0.5 * np.log(df * math.pi)
    return np.exp(log_norm - (df + 1.0) / 2.0 * np.log1p(t * t / df))


def _cornish_fisher(z: float, df: Floats) -> tuple[Floats, Floats]:
    # Abramowitz & Stegun 26.7.5, with the size of its last term: below 1e-9 * min(1, z) the
    # expansion is within ~1e-10 of the quantile for 0.5 < p <= 0.99999 (checked against SciPy).
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4, np.abs(g4 / df**4)


def _newton_t(p: float, t: Floats, df: Floats) -> Floats:
    lo, hi = np.zeros_like(df), np.full_like(df, np.inf)
    for _ in range(_NEWTON_STEPS):
        error = t_cdf(t, df) - p
        lo, hi = np.where(error < 0, t, lo), np.where(error > 0, t, hi)
        step = t - error / _t_pdf(t, df)
        # Newton, unless it would leave the bracket that holds the root; then bisect or double.
        bisect = np.where(np.isfinite(hi), (lo + hi) / 2, 2 * t)
        new = np.where((step > lo) & (step < hi), step, bisect)
        converged = np.all(np.abs(new - t) <= 1e-12 * np.maximum(1.0, np.abs(t)))
        t = new
        if converged:
            break
    return t


def t_ppf(p: float, df: ArrayLike) -> Floats:
    """Quantile t such that P(T <= t) = p, for 0.5 <= p < 1 and each `df` > 0 (accurate to ~1e-10)."""
    given = np.atleast_1d(np.asarray(df, dtype=float))
    usable = np.isfinite(given) & (given > 0)
    df = np.where(usable, given, 1.0)
    if p == 0.5:
        return np.where(usable, 0.0, np.nan)
    z = NormalDist().inv_cdf(p)
    start, last_term = _cornish_fisher(z, df)
    t = np.maximum(start, z)
    # Exact quantiles for 1 and 2 degrees of freedom, where the expansion is poor.
    t = np.where(df == 1.0, math.tan(math.pi * (p - 0.5)), t)
    t = np.where(df == 2.0, (2 * p - 1) / math.sqrt(2 * p * (1 - p)), t)
    # Near the median every term shrinks with z, so the test is relative there.
    refine = (last_term > 1e-9 * min(1.0, z)) & (df != 1.0) & (df != 2.0) & usable
    if refine.any():
        t[refine] = _newton_t(p, t[refine], df[refine])
    return np.where(usable, t, np.nan)


@dataclass(frozen=True)
class TSummary:
    """Arrays of mean differences, their 95% (or given) interval, t, degrees of freedom and p."""

    difference: Floats
    low: Floats
    high: Floats
    t: Floats
    df: Floats
    p_value: Floats


def _summary(difference: Floats, se: Floats, df: Floats, confidence: float) -> TSummary:
    t = difference / se
    half = t_ppf(0.5 + confidence / 2.0, df) * se
    return TSummary(difference, difference - half, difference + half, t, df, t_sf_two_sided(t, df))


def welch(
    mean_a: Floats, var_a: Floats, n_a: Floats, mean_b: Floats, var_b: Floats, n_b: Floats,
    *, confidence: float = 0.95,
) -> TSummary:
    """Welch's unequal-variance t test of mean_a - mean_b; needs n >= 2 and a positive standard error."""
    va, vb = var_a / n_a, var_b / n_b
    se = np.sqrt(va + vb)
    # Welch-Satterthwaite degrees of freedom, written with shares of the variance so nothing overflows.
    share_a, share_b = va / (va + vb), vb / (va + vb)
    df = 1.0 / (share_a**2 / (n_a - 1) + share_b**2 / (n_b - 1))
    return _summary(mean_a - mean_b, se, df, confidence)


def paired(differences: Floats, *, confidence: float = 0.95) -> TSummary:
    """One-sample t test of the mean of paired differences; needs n >= 2 and some variation."""
    n = differences.size
    se = np.atleast_1d(differences.std(ddof=1) / math.sqrt(n))
    return _summary(np.atleast_1d(differences.mean()), se, np.atleast_1d(float(n - 1)), confidence)


def benjamini_hochberg(p_values: ArrayLike) -> Floats:
    """Benjamini-Hochberg adjusted p-values (q values), in the input order, each at most 1."""
    p = np.asarray(p_values, dtype=float)
    m = p.size
    if m == 0:
        return p.copy()
    order = np.argsort(p, kind="stable")
    scaled = p[order] * m / np.arange(1, m + 1)
    # Each q is the smallest scaled p at or above its rank: a running minimum from the largest p.
    adjusted = np.minimum(np.minimum.accumulate(scaled[::-1])[::-1], 1.0)
    q = np.empty(m)
    q[order] = adjusted
    return q


def split_moments(y: Floats, flags: NDArray[np.bool_]) -> Floats:
    """Per row of `flags`: (n, mean, variance) of finite `y` where the flag is set, then where not."""
    valid = np.isfinite(y)
    total_n = int(valid.sum())
    centre = float(y[valid].mean()) if total_n else 0.0
    # Centring first keeps the one-pass variance below exact enough for ratings on any scale.
    yc = np.where(valid, y - centre, 0.0)
    weights = (flags & valid).astype(float)
    n1 = weights.sum(axis=1)
    s1, q1 = weights @ yc, weights @ (yc * yc)
    n0, s0, q0 = total_n - n1, yc.sum() - s1, float(np.dot(yc, yc)) - q1
    columns = []
    for n, s, q in ((n1, s1, q1), (n0, s0, q0)):
        with np.errstate(divide="ignore", invalid="ignore"):
            mean = np.where(n > 0, s / np.maximum(n, 1), 0.0)
            var = np.maximum(q - mean * s, 0.0) / np.maximum(n - 1, 1)
        # Round-off leaves ~1e-16 of variance in a group whose values are all equal.
        var = np.where(var <= 1e-12 * q / np.maximum(n, 1), 0.0, var)
        columns += [n, mean + centre, var]
    return np.column_stack(columns)


def icc_consistency(y: Floats) -> tuple[float | None, float | None]:
    """ICC(3,1) and ICC(3,k), two-way consistency (Shrout & Fleiss 1979) of a complete n x k matrix."""
    n, k = y.shape
    if n < 2 or k < 2:
        return None, None
    # Consistency ignores each column's level, so centring columns first loses nothing and keeps
    # the sums of squares exact when an item is shifted by a large constant.
    centred = y - y.mean(axis=0)
    # With centred columns, the k x k cross-product holds every sum of squares the ANOVA needs.
    gram = centred.T @ centred
    ss_rows = float(gram.sum()) / k
    ms_rows = ss_rows / (n - 1)
    ms_error = max(float(np.trace(gram)) - ss_rows, 0.0) / ((n - 1) * (k - 1))
    if ms_rows == 0:
        return None, None
    single = (ms_rows - ms_error) / (ms_rows + (k - 1) * ms_error)
    return single, (ms_rows - ms_error) / ms_rows
