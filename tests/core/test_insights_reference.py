"""Insights statistics against reference libraries and on synthetic data with known answers (H2)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pingouin
import pytest
from scipy import special
from scipy import stats as scipy_stats
from statsmodels.stats.multitest import multipletests

from thawing.core import stats
from thawing.core.insights import FDR_Q, before_after, compare_days, inertia, mssd, what_helps

pytestmark = pytest.mark.practice("H2")

START = date(2024, 1, 1)
DAYS = [START + timedelta(days=i) for i in range(120)]


# ---------------------------------------------------------------- the t distribution without SciPy


@pytest.mark.parametrize("batch", [1, 5, 500])
def test_the_incomplete_beta_matches_scipy_one_at_a_time_and_in_bulk(batch):
    rng = np.random.default_rng(batch)
    a, b, x = rng.uniform(0.1, 3000, 500), rng.uniform(0.1, 50, 500), rng.uniform(0, 1, 500)
    ours = np.concatenate([stats.betainc(a[i:i + batch], b[i:i + batch], x[i:i + batch])
                           for i in range(0, 500, batch)])
    assert np.max(np.abs(ours - special.betainc(a, b, x))) < 1e-11


@pytest.mark.parametrize("p", [0.975, 0.6, 0.9, 0.995, 0.9999])
def test_the_t_quantile_matches_scipy_for_small_and_large_degrees_of_freedom(p):
    df = np.concatenate([[1, 2, 3, 4, 4.5, 7.25], np.random.default_rng(1).uniform(1, 20_000, 200)])
    ours, reference = stats.t_ppf(p, df), scipy_stats.t.ppf(p, df)
    assert np.max(np.abs(ours - reference) / np.maximum(1, reference)) < 1e-9


def test_the_two_sided_t_p_value_matches_scipy_far_into_the_tails():
    rng = np.random.default_rng(2)
    df = rng.uniform(1, 5000, 300)
    t = np.concatenate([rng.normal(0, 4, 297), [0.0, 1e-9, 40.0]])
    reference = 2 * scipy_stats.t.sf(np.abs(t), df)
    assert np.max(np.abs(stats.t_sf_two_sided(t, df) - reference)) < 1e-10


# ---------------------------------------------------------------- Welch, paired t, BH, ICC


@pytest.mark.parametrize("seed, n_days", [(seed, n) for seed in range(6) for n in (12, 120, 2000)])
def test_compare_days_matches_scipy_welch_t_test_and_interval(seed, n_days):
    rng = np.random.default_rng(seed)
    days = [START + timedelta(days=i) for i in range(n_days)]
    mood = {day: float(rng.integers(1, 11)) + (1.5 if i % 3 == 0 else 0) for i, day in enumerate(days)}
    share = rng.uniform(0.3, 0.6)
    factor = {day for day in days if rng.random() < share} | set(days[:5])
    factor -= set(days[-5:])
    with_, without = [mood[d] for d in days if d in factor], [mood[d] for d in days if d not in factor]
    reference = scipy_stats.ttest_ind(with_, without, equal_var=False)
    interval = reference.confidence_interval(0.95)
    result = compare_days(mood, factor, all_days=days)
    assert result.p_value == pytest.approx(reference.pvalue, rel=1e-9, abs=1e-12)
    assert result.df == pytest.approx(reference.df, rel=1e-9)
    assert (result.low, result.high) == (pytest.approx(interval.low, abs=1e-9),
                                         pytest.approx(interval.high, abs=1e-9))


@pytest.mark.parametrize("seed", range(6))
def test_before_after_matches_scipy_paired_t_test_and_interval(seed):
    rng = np.random.default_rng(seed)
    before_ratings = rng.integers(0, 11, 15).astype(float)
    after_ratings = before_ratings + rng.normal(0.8, 1.5, 15)
    reference = scipy_stats.ttest_rel(after_ratings, before_ratings)
    interval = reference.confidence_interval(0.95)
    result = before_after(list(zip(before_ratings, after_ratings, strict=True)))
    assert result.p_value == pytest.approx(reference.pvalue, rel=1e-9)
    assert (result.low, result.high) == (pytest.approx(interval.low, abs=1e-9),
                                         pytest.approx(interval.high, abs=1e-9))


@pytest.mark.parametrize("seed", range(10))
def test_benjamini_hochberg_matches_statsmodels(seed):
    rng = np.random.default_rng(seed)
    p = np.concatenate([rng.uniform(0, 1, 60), rng.uniform(0, 0.01, 10), [0.02, 0.02, 0.02, 1.0, 0.0]])
    rng.shuffle(p)
    reject, reference, _, _ = multipletests(p, alpha=FDR_Q, method="fdr_bh")
    ours = stats.benjamini_hochberg(p)
    np.testing.assert_allclose(ours, reference, rtol=0, atol=1e-12)
    assert ((ours <= FDR_Q) == reject).all()


def test_what_helps_q_values_are_benjamini_hochberg_over_every_test_with_a_p_value():
    rng = np.random.default_rng(11)
    outcomes = {name: {day: float(rng.normal(5, 2)) for day in DAYS} for name in ("mood", "feel")}
    factors = {f"f{i}": {day for day in DAYS if rng.random() < 0.3} for i in range(8)}
    findings = what_helps(outcomes, factors, days=DAYS)
    p = [f.association.p_value for f in findings]
    _, reference, _, _ = multipletests(p, method="fdr_bh")
    np.testing.assert_allclose([f.q_value for f in findings], reference, atol=1e-12)


@pytest.mark.parametrize("seed, shape", [(0, (20, 3)), (1, (25, 4)), (2, (60, 6)), (3, (200, 10))])
def test_icc3_and_icc3k_match_pingouin_on_random_data(seed, shape):
    rng = np.random.default_rng(seed)
    n, k = shape
    matrix = rng.normal(0, 1, (n, 1)) * rng.uniform(0, 2) + rng.normal(0, 1, shape) + rng.uniform(-3, 3, k)
    long = pd.DataFrame(
        [(i, j, matrix[i, j]) for i in range(n) for j in range(k)], columns=["occasion", "emotion", "value"]
    )
    table = pingouin.intraclass_corr(long, targets="occasion", raters="emotion", ratings="value")
    icc = dict(zip(table["Type"], table["ICC"], strict=True))
    single, average = stats.icc_consistency(matrix)
    assert single == pytest.approx(icc["ICC(C,1)"], abs=1e-9)
    assert average == pytest.approx(icc["ICC(C,k)"], abs=1e-9)


@pytest.mark.parametrize("seed", range(5))
def test_inertia_is_pandas_lag_one_autocorrelation_with_gaps(seed):
    rng = np.random.default_rng(seed)
    series = pd.Series(np.cumsum(rng.normal(0, 1, 300)) % 10)
    series[rng.random(300) < 0.15] = np.nan
    values = [None if np.isnan(v) else float(v) for v in series]
    assert inertia(values).value == pytest.approx(series.autocorr(lag=1), abs=1e-12)


def test_mssd_agrees_with_the_textbook_sum_on_a_gap_free_series():
    x = np.random.default_rng(3).normal(5, 2, 500)
    assert mssd(x).value == pytest.approx(np.sum(np.diff(x) ** 2) / (x.size - 1), rel=1e-12)


# ---------------------------------------------------------------- false discoveries on synthetic data


def _noise(rng: np.random.Generator, days: list[date], factors: int):
    outcomes = {name: {day: float(rng.integers(0, 11)) for day in days} for name in ("mood", "feel")}
    shares = rng.uniform(0.15, 0.6, factors)
    habits = {f"habit{i}": {day for day in days if rng.random() < share} for i, share in enumerate(shares)}
    return outcomes, habits


def test_pure_noise_reports_nothing_in_almost_every_run():
    runs_reporting = 0
    for seed in range(200):
        outcomes, factors = _noise(np.random.default_rng(seed), DAYS[:90], 10)
        findings = what_helps(outcomes, factors, days=DAYS[:90])
        runs_reporting += any(f.significant for f in findings)
    # BH at q = 0.05 holds the chance of any report under pure noise near 5%; allow sampling slack.
    assert runs_reporting <= 20


def test_planted_effects_are_found_and_the_false_discovery_share_stays_near_five_percent():
    planted = {("habit0", "feel", 0), ("habit1", "mood", 1)}
    found, false_shares = 0, []
    for seed in range(60):
        outcomes, factors = _noise(np.random.default_rng(1000 + seed), DAYS, 12)
        # Walking lifts "feel" the same day by ~1.1 SD; a good night lifts mood the day after.
        for day in factors["habit0"]:
            outcomes["feel"][day] += 3.5
        for day in factors["habit1"]:
            if day + timedelta(days=1) in outcomes["mood"]:
                outcomes["mood"][day + timedelta(days=1)] += 3.5
        findings = what_helps(outcomes, factors, days=DAYS)
        significant = {(f.factor, f.outcome, f.lag) for f in findings if f.significant}
        found += len(significant & planted)
        false_shares.append(len(significant - planted) / max(len(significant), 1))
    assert found >= 108
    # BH bounds the expected share of false findings among those reported by q = 5%.
    assert np.mean(false_shares) <= 0.10
